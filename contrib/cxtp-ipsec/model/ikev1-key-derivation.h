/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV1_KEY_DERIVATION_H
#define IKEV1_KEY_DERIVATION_H

#include "crypto-mac.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief IKEv1 key material and authentication hashes (RFC 2409 §5, §5.4, §5.5, Appendix B).
 *
 * prf(key, msg) is HMAC (RFC 2104) with the negotiated hash, as RFC 2409 §4 prescribes when no
 * PRF is negotiated. "_b" denotes a payload body without its generic payload header; g^xy is
 * the Diffie-Hellman shared secret in its full, zero-padded length; cookies are the 8-byte
 * CKY-I and CKY-R of the ISAKMP header; message IDs and SPIs enter in network byte order.
 *
 * Every function returns an empty vector when an input has the wrong size (a cookie that is not
 * 8 bytes, a block size longer than the hash).
 */
class Ikev1KeyDerivation
{
  public:
    /**
     * \brief SKEYID for pre-shared key authentication: prf(pre-shared-key, Ni_b | Nr_b)
     * (RFC 2409 §5).
     * \param hash the negotiated hash
     * \param psk the pre-shared key
     * \param niB the initiator's nonce body
     * \param nrB the responder's nonce body
     * \return SKEYID
     */
    static std::vector<uint8_t> SkeyidPsk(CryptoHash hash,
                                          const std::vector<uint8_t>& psk,
                                          const std::vector<uint8_t>& niB,
                                          const std::vector<uint8_t>& nrB);
    /**
     * \brief SKEYID_d = prf(SKEYID, g^xy | CKY-I | CKY-R | 0) (RFC 2409 §5).
     * \param hash the negotiated hash
     * \param skeyid SKEYID
     * \param gxy the DH shared secret
     * \param ckyI the initiator cookie (8 bytes)
     * \param ckyR the responder cookie (8 bytes)
     * \return SKEYID_d
     */
    static std::vector<uint8_t> SkeyidD(CryptoHash hash,
                                        const std::vector<uint8_t>& skeyid,
                                        const std::vector<uint8_t>& gxy,
                                        const std::vector<uint8_t>& ckyI,
                                        const std::vector<uint8_t>& ckyR);
    /**
     * \brief SKEYID_a = prf(SKEYID, SKEYID_d | g^xy | CKY-I | CKY-R | 1) (RFC 2409 §5).
     * \param hash the negotiated hash
     * \param skeyid SKEYID
     * \param skeyidD SKEYID_d
     * \param gxy the DH shared secret
     * \param ckyI the initiator cookie (8 bytes)
     * \param ckyR the responder cookie (8 bytes)
     * \return SKEYID_a
     */
    static std::vector<uint8_t> SkeyidA(CryptoHash hash,
                                        const std::vector<uint8_t>& skeyid,
                                        const std::vector<uint8_t>& skeyidD,
                                        const std::vector<uint8_t>& gxy,
                                        const std::vector<uint8_t>& ckyI,
                                        const std::vector<uint8_t>& ckyR);
    /**
     * \brief SKEYID_e = prf(SKEYID, SKEYID_a | g^xy | CKY-I | CKY-R | 2) (RFC 2409 §5).
     * \param hash the negotiated hash
     * \param skeyid SKEYID
     * \param skeyidA SKEYID_a
     * \param gxy the DH shared secret
     * \param ckyI the initiator cookie (8 bytes)
     * \param ckyR the responder cookie (8 bytes)
     * \return SKEYID_e
     */
    static std::vector<uint8_t> SkeyidE(CryptoHash hash,
                                        const std::vector<uint8_t>& skeyid,
                                        const std::vector<uint8_t>& skeyidA,
                                        const std::vector<uint8_t>& gxy,
                                        const std::vector<uint8_t>& ckyI,
                                        const std::vector<uint8_t>& ckyR);
    /**
     * \brief The phase-1 encryption key from SKEYID_e (RFC 2409 Appendix B).
     *
     * If SKEYID_e is at least \p length bytes, its leading bytes; otherwise the leading bytes of
     * Ka = K1 | K2 | ..., where K1 = prf(SKEYID_e, 0) and Kn = prf(SKEYID_e, Kn-1).
     * For 3DES (24 bytes) with SHA-1 this is K1 | first 4 bytes of K2.
     *
     * \param hash the negotiated hash
     * \param skeyidE SKEYID_e
     * \param length the cipher's key length in bytes
     * \return the key, \p length bytes
     */
    static std::vector<uint8_t> ExpandKey(CryptoHash hash,
                                          const std::vector<uint8_t>& skeyidE,
                                          uint32_t length);
    /**
     * \brief The IV of the first encrypted phase-1 message: the leading \p blockSize bytes of
     * hash(g^xi | g^xr), a plain digest (RFC 2409 Appendix B).
     * \param hash the negotiated hash
     * \param gxi the initiator's public value (KE payload body)
     * \param gxr the responder's public value (KE payload body)
     * \param blockSize the cipher block size in bytes (not above the hash length)
     * \return the IV
     */
    static std::vector<uint8_t> Phase1Iv(CryptoHash hash,
                                         const std::vector<uint8_t>& gxi,
                                         const std::vector<uint8_t>& gxr,
                                         uint32_t blockSize);
    /**
     * \brief The first IV of a quick-mode or informational exchange: the leading \p blockSize
     * bytes of hash(last phase-1 CBC block | M-ID) (RFC 2409 Appendix B).
     * \param hash the negotiated hash
     * \param lastPhase1Block the last ciphertext block of phase 1
     * \param messageId the exchange's message ID (hashed in network order)
     * \param blockSize the cipher block size in bytes (not above the hash length)
     * \return the IV
     */
    static std::vector<uint8_t> Phase2Iv(CryptoHash hash,
                                         const std::vector<uint8_t>& lastPhase1Block,
                                         uint32_t messageId,
                                         uint32_t blockSize);
    /**
     * \brief HASH_I = prf(SKEYID, g^xi | g^xr | CKY-I | CKY-R | SAi_b | IDii_b) (RFC 2409 §5).
     * \param hash the negotiated hash
     * \param skeyid SKEYID
     * \param gxi the initiator's public value
     * \param gxr the responder's public value
     * \param ckyI the initiator cookie (8 bytes)
     * \param ckyR the responder cookie (8 bytes)
     * \param saiB the initiator's whole SA payload body
     * \param idiiB the initiator's ID payload body
     * \return HASH_I
     */
    static std::vector<uint8_t> HashI(CryptoHash hash,
                                      const std::vector<uint8_t>& skeyid,
                                      const std::vector<uint8_t>& gxi,
                                      const std::vector<uint8_t>& gxr,
                                      const std::vector<uint8_t>& ckyI,
                                      const std::vector<uint8_t>& ckyR,
                                      const std::vector<uint8_t>& saiB,
                                      const std::vector<uint8_t>& idiiB);
    /**
     * \brief HASH_R = prf(SKEYID, g^xr | g^xi | CKY-R | CKY-I | SAi_b | IDir_b) (RFC 2409 §5).
     * \param hash the negotiated hash
     * \param skeyid SKEYID
     * \param gxr the responder's public value
     * \param gxi the initiator's public value
     * \param ckyR the responder cookie (8 bytes)
     * \param ckyI the initiator cookie (8 bytes)
     * \param saiB the initiator's whole SA payload body
     * \param idirB the responder's ID payload body
     * \return HASH_R
     */
    static std::vector<uint8_t> HashR(CryptoHash hash,
                                      const std::vector<uint8_t>& skeyid,
                                      const std::vector<uint8_t>& gxr,
                                      const std::vector<uint8_t>& gxi,
                                      const std::vector<uint8_t>& ckyR,
                                      const std::vector<uint8_t>& ckyI,
                                      const std::vector<uint8_t>& saiB,
                                      const std::vector<uint8_t>& idirB);
    /**
     * \brief Quick mode HASH(1) = prf(SKEYID_a, M-ID | SA | Ni [| KE] [| IDci | IDcr])
     * (RFC 2409 §5.5).
     * \param hash the negotiated hash
     * \param skeyidA SKEYID_a
     * \param messageId the message ID
     * \param restOfMessage every payload after the HASH payload, generic headers included
     * \return HASH(1)
     */
    static std::vector<uint8_t> QmHash1(CryptoHash hash,
                                        const std::vector<uint8_t>& skeyidA,
                                        uint32_t messageId,
                                        const std::vector<uint8_t>& restOfMessage);
    /**
     * \brief Quick mode HASH(2) = prf(SKEYID_a, M-ID | Ni_b | SA | Nr [| KE] [| IDci | IDcr])
     * (RFC 2409 §5.5).
     * \param hash the negotiated hash
     * \param skeyidA SKEYID_a
     * \param messageId the message ID
     * \param niB the initiator's quick-mode nonce body
     * \param restOfMessage every payload after the HASH payload, generic headers included
     * \return HASH(2)
     */
    static std::vector<uint8_t> QmHash2(CryptoHash hash,
                                        const std::vector<uint8_t>& skeyidA,
                                        uint32_t messageId,
                                        const std::vector<uint8_t>& niB,
                                        const std::vector<uint8_t>& restOfMessage);
    /**
     * \brief Quick mode HASH(3) = prf(SKEYID_a, 0 | M-ID | Ni_b | Nr_b) (RFC 2409 §5.5).
     * \param hash the negotiated hash
     * \param skeyidA SKEYID_a
     * \param messageId the message ID
     * \param niB the initiator's quick-mode nonce body
     * \param nrB the responder's quick-mode nonce body
     * \return HASH(3)
     */
    static std::vector<uint8_t> QmHash3(CryptoHash hash,
                                        const std::vector<uint8_t>& skeyidA,
                                        uint32_t messageId,
                                        const std::vector<uint8_t>& niB,
                                        const std::vector<uint8_t>& nrB);
    /**
     * \brief Informational HASH(1) = prf(SKEYID_a, M-ID | N/D) (RFC 2409 §5.7).
     * \param hash the negotiated hash
     * \param skeyidA SKEYID_a
     * \param messageId the message ID
     * \param payloads the Notification or Delete payload(s), generic headers included
     * \return HASH(1)
     */
    static std::vector<uint8_t> InfoHash(CryptoHash hash,
                                         const std::vector<uint8_t>& skeyidA,
                                         uint32_t messageId,
                                         const std::vector<uint8_t>& payloads);
    /**
     * \brief Quick-mode KEYMAT for one SA direction (RFC 2409 §5.5).
     *
     * Without PFS, KEYMAT = prf(SKEYID_d, protocol | SPI | Ni_b | Nr_b); with PFS,
     * prf(SKEYID_d, g(qm)^xy | protocol | SPI | Ni_b | Nr_b). When more than one prf output is
     * needed, KEYMAT = K1 | K2 | ... with K1 as above and
     * Kn = prf(SKEYID_d, Kn-1 | [g(qm)^xy |] protocol | SPI | Ni_b | Nr_b). The encryption key
     * takes the leading bytes and the integrity key the following ones (RFC 4301 §4.5.2).
     *
     * \param hash the negotiated hash
     * \param skeyidD SKEYID_d
     * \param gqmXY the quick-mode DH shared secret, or empty without PFS
     * \param protocol the IPsec protocol ID (e.g. PROTO_IPSEC_ESP = 3, RFC 2407 §4.4.1)
     * \param spi the SPI chosen by the receiver of this SA (network order)
     * \param niB the initiator's quick-mode nonce body
     * \param nrB the responder's quick-mode nonce body
     * \param length the number of bytes wanted
     * \return KEYMAT, \p length bytes
     */
    static std::vector<uint8_t> Keymat(CryptoHash hash,
                                       const std::vector<uint8_t>& skeyidD,
                                       const std::vector<uint8_t>& gqmXY,
                                       uint8_t protocol,
                                       uint32_t spi,
                                       const std::vector<uint8_t>& niB,
                                       const std::vector<uint8_t>& nrB,
                                       uint32_t length);
};

} // namespace ns3

#endif // IKEV1_KEY_DERIVATION_H
