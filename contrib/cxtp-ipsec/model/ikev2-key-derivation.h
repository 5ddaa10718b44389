/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_KEY_DERIVATION_H
#define IKEV2_KEY_DERIVATION_H

#include "ikev2-constants.h"
#include "ipsec-algorithm.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The seven secrets of an IKE SA, in the order prf+ yields them (RFC 7296 §2.14).
 */
struct Ikev2IkeKeys
{
    std::vector<uint8_t> skD;  ///< SK_d: keys Child SAs and the rekeyed IKE SA (§2.17-2.18)
    std::vector<uint8_t> skAi; ///< SK_ai: integrity of the initiator's messages (empty: AEAD)
    std::vector<uint8_t> skAr; ///< SK_ar: integrity of the responder's messages (empty: AEAD)
    std::vector<uint8_t> skEi; ///< SK_ei: encryption of the initiator's messages (GCM: key|salt)
    std::vector<uint8_t> skEr; ///< SK_er: encryption of the responder's messages (GCM: key|salt)
    std::vector<uint8_t> skPi; ///< SK_pi: keys the initiator's AUTH (§2.15)
    std::vector<uint8_t> skPr; ///< SK_pr: keys the responder's AUTH (§2.15)
};

/**
 * \ingroup cxtp-ipsec
 * \brief The ESP keys of one Child SA, that is of its two SAs (RFC 7296 §2.17).
 *
 * "ir" is the SA that carries traffic from the IKE exchange's initiator to its responder, "ri"
 * the other one. An AES-GCM encryption key ends with its 4-octet salt (RFC 4106 §8.1); the
 * integrity keys are empty with AES-GCM.
 */
struct Ikev2ChildKeys
{
    std::vector<uint8_t> encryptionIr; ///< initiator-to-responder SA: encryption key
    std::vector<uint8_t> integrityIr;  ///< initiator-to-responder SA: integrity key
    std::vector<uint8_t> encryptionRi; ///< responder-to-initiator SA: encryption key
    std::vector<uint8_t> integrityRi;  ///< responder-to-initiator SA: integrity key
};

/**
 * \ingroup cxtp-ipsec
 * \brief IKEv2 key material (RFC 7296 §2.13-2.14, §2.17-2.18) with the negotiated PRF.
 *
 * prf(K, S) is HMAC (RFC 2104) with the PRF's hash (RFC 7296 §3.3.2, RFC 4868). Nonces are the
 * Nonce payload data (Ni, Nr) without the generic payload header; g^ir is the shared secret as
 * CryptoDiffieHellman::ComputeShared returns it (for MODP left-padded to the prime's length,
 * RFC 7296 §2.14; for ECP-256 the x coordinate, RFC 5903 §7; for Curve25519 the 32 octets,
 * RFC 8031 §2); IKE SPIs enter as their 8 wire octets, in network byte order.
 *
 * A function that cannot do its work (an unsupported transform, an invalid pair of transforms,
 * more than 255 prf+ blocks) returns false, or an empty vector, and logs why.
 */
class Ikev2KeyDerivation
{
  public:
    /// The prf+ counter is one octet: at most 255 blocks (RFC 7296 §2.13).
    static constexpr uint32_t MAX_PRF_PLUS_BLOCKS = 255;

    /**
     * \brief prf(key, data) (RFC 7296 §2.13).
     * \param prf the negotiated PRF
     * \param key the key
     * \param data the data
     * \return the PRF output, or empty if the PRF is not supported
     */
    static std::vector<uint8_t> Prf(Ikev2PrfId prf,
                                    const std::vector<uint8_t>& key,
                                    const std::vector<uint8_t>& data);
    /**
     * \brief prf+(K, S) = T1 | T2 | ..., T1 = prf(K, S | 0x01), Tn = prf(K, Tn-1 | S | n),
     * truncated to \p length bytes (RFC 7296 §2.13).
     * \param prf the negotiated PRF
     * \param key K
     * \param seed S
     * \param length the number of bytes wanted
     * \param [out] out the key stream, \p length bytes (cleared on failure)
     * \return false if the PRF is not supported or \p length needs more than
     *         MAX_PRF_PLUS_BLOCKS blocks (255 x the PRF output length)
     */
    static bool PrfPlus(Ikev2PrfId prf,
                        const std::vector<uint8_t>& key,
                        const std::vector<uint8_t>& seed,
                        uint32_t length,
                        std::vector<uint8_t>& out);
    /**
     * \brief SKEYSEED = prf(Ni | Nr, g^ir) (RFC 7296 §2.14).
     * \param prf the negotiated PRF
     * \param ni the initiator's nonce data
     * \param nr the responder's nonce data
     * \param gir the Diffie-Hellman shared secret
     * \return SKEYSEED, or empty if the PRF is not supported
     */
    static std::vector<uint8_t> Skeyseed(Ikev2PrfId prf,
                                         const std::vector<uint8_t>& ni,
                                         const std::vector<uint8_t>& nr,
                                         const std::vector<uint8_t>& gir);
    /**
     * \brief {SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr}
     * = prf+(SKEYSEED, Ni | Nr | SPIi | SPIr) (RFC 7296 §2.14).
     *
     * SK_d, SK_pi and SK_pr have the PRF's preferred key length, SK_ai and SK_ar the INTEG key
     * length (none with AES-GCM, RFC 5282 §7.1), SK_ei and SK_er the ENCR key length (for
     * AES-GCM followed by the 4-octet salt, RFC 5282 §7.1). For a rekeyed IKE SA, pass the
     * SKEYSEED of RekeySkeyseed(), the new exchange's nonces and the new SA's SPIs (§2.18).
     *
     * \param prf the negotiated PRF (of the new SA when rekeying)
     * \param encr the negotiated ENCR (not ENCR_NULL)
     * \param encrKeyBits its Key Length attribute in bits (0 for 3DES)
     * \param integ the negotiated INTEG: NONE exactly when \p encr is AES-GCM
     * \param skeyseed SKEYSEED
     * \param ni the initiator's nonce data
     * \param nr the responder's nonce data
     * \param spiI the IKE SA initiator's SPI
     * \param spiR the IKE SA responder's SPI
     * \param [out] keys the seven keys (cleared on failure)
     * \return false for an unsupported transform or an invalid combination
     */
    static bool DeriveIkeKeys(Ikev2PrfId prf,
                              Ikev2EncrId encr,
                              uint16_t encrKeyBits,
                              Ikev2IntegId integ,
                              const std::vector<uint8_t>& skeyseed,
                              const std::vector<uint8_t>& ni,
                              const std::vector<uint8_t>& nr,
                              uint64_t spiI,
                              uint64_t spiR,
                              Ikev2IkeKeys& keys);
    /**
     * \brief The SKEYSEED of an IKE SA rekeyed by CREATE_CHILD_SA:
     * prf(SK_d (old), g^ir (new) | Ni | Nr) (RFC 7296 §2.18).
     *
     * The old IKE SA's PRF computes SKEYSEED, since the exchange belongs to it; the new SA's
     * keys then come from DeriveIkeKeys() with the new SA's PRF (§2.18).
     *
     * \param oldPrf the old IKE SA's PRF
     * \param skDOld the old IKE SA's SK_d
     * \param girNew the shared secret of the CREATE_CHILD_SA exchange
     * \param ni the exchange initiator's nonce data
     * \param nr the exchange responder's nonce data
     * \return SKEYSEED, or empty if the PRF is not supported
     */
    static std::vector<uint8_t> RekeySkeyseed(Ikev2PrfId oldPrf,
                                              const std::vector<uint8_t>& skDOld,
                                              const std::vector<uint8_t>& girNew,
                                              const std::vector<uint8_t>& ni,
                                              const std::vector<uint8_t>& nr);
    /**
     * \brief The ESP keys of a Child SA (RFC 7296 §2.17).
     *
     * KEYMAT = prf+(SK_d, Ni | Nr), or prf+(SK_d, g^ir (new) | Ni | Nr) when the
     * CREATE_CHILD_SA exchange carried KE payloads (PFS). The keys of the SA from initiator to
     * responder come first, then those of the other SA; within each SA the encryption key
     * before the integrity key (§2.17, RFC 4301 §4.5.2). For the Child SA of IKE_AUTH the
     * nonces are those of IKE_SA_INIT; for CREATE_CHILD_SA those of that exchange, whose
     * initiator may be the original responder.
     *
     * \param prf the IKE SA's PRF
     * \param skD the IKE SA's SK_d
     * \param gir the new shared secret, or empty without PFS
     * \param ni the exchange initiator's nonce data
     * \param nr the exchange responder's nonce data
     * \param encryption the Child SA's encryption (AES-GCM key lengths include the salt)
     * \param integrity the Child SA's integrity (NONE exactly with AES-GCM)
     * \param [out] keys the four keys (cleared on failure)
     * \return false for an unsupported PRF or an invalid pair of transforms
     */
    static bool DeriveChildKeys(Ikev2PrfId prf,
                                const std::vector<uint8_t>& skD,
                                const std::vector<uint8_t>& gir,
                                const std::vector<uint8_t>& ni,
                                const std::vector<uint8_t>& nr,
                                IpsecEncryption encryption,
                                IpsecIntegrity integrity,
                                Ikev2ChildKeys& keys);
};

} // namespace ns3

#endif // IKEV2_KEY_DERIVATION_H
