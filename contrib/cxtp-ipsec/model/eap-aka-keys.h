/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef EAP_AKA_KEYS_H
#define EAP_AKA_KEYS_H

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief EAP-AKA key derivation after a full authentication (RFC 4187 §7).
 *
 * MK = SHA1(Identity | IK | CK); K_encr (128 bits), K_aut (128 bits), MSK (512 bits) and EMSK
 * (512 bits) are, in that order, the first 160 octets of the FIPS 186-2 pseudo-random function
 * keyed with MK (FIPS 186-2 Change Notice 1, Appendix 3.1 for general-purpose use, as RFC 4187 §7
 * and RFC 4186 Appendix B describe it: XSEED_j = 0, G = the SHA-1 compression function without
 * padding). Fast re-authentication keys (RFC 4187 §7, counter and NONCE_S) are not provided.
 *
 * Checked against RFC 4186 Appendix A.5 (the PRF) and independently computed EAP-AKA vectors
 * (test suite cxtp-ipsec-eap-aka-keys; see the "EAP-AKA cryptography" section of
 * contrib/cxtp-ipsec/doc/cxtp-ipsec.rst).
 */
class EapAkaKeys
{
  public:
    /// Length of MK in bytes (a SHA-1 digest).
    static constexpr size_t MK_LENGTH = 20;
    /// Length of K_encr in bytes (RFC 4187 §7).
    static constexpr size_t K_ENCR_LENGTH = 16;
    /// Length of K_aut in bytes (RFC 4187 §7).
    static constexpr size_t K_AUT_LENGTH = 16;
    /// Length of MSK in bytes (RFC 4187 §7).
    static constexpr size_t MSK_LENGTH = 64;
    /// Length of EMSK in bytes (RFC 4187 §7).
    static constexpr size_t EMSK_LENGTH = 64;
    /// Length of IK and CK in bytes (3GPP TS 33.102 §6.3).
    static constexpr size_t IK_CK_LENGTH = 16;

    /// The keys of one full authentication.
    struct Keys
    {
        bool valid{false};          ///< false if an input had a wrong length (all else empty)
        std::vector<uint8_t> mk;    ///< MK (20 bytes)
        std::vector<uint8_t> kEncr; ///< K_encr, for AT_ENCR_DATA (16 bytes)
        std::vector<uint8_t> kAut;  ///< K_aut, for AT_MAC (16 bytes)
        std::vector<uint8_t> msk;   ///< MSK, exported to the authenticator (64 bytes)
        std::vector<uint8_t> emsk;  ///< EMSK (64 bytes)
    };

    /**
     * \brief Derives MK and the keys (RFC 4187 §7).
     * \param identity the identity octets as RFC 4187 §7 specifies: those of the last
     *        AT_IDENTITY the peer sent, or of the EAP-Response/Identity if there was none
     * \param ik IK (16 bytes, from f4)
     * \param ck CK (16 bytes, from f3)
     * \return the keys; valid is false on a wrong IK or CK length
     */
    static Keys Derive(const std::string& identity,
                       const std::vector<uint8_t>& ik,
                       const std::vector<uint8_t>& ck);
    /**
     * \brief MK = SHA1(Identity | IK | CK) (RFC 4187 §7).
     * \param identity the identity octets
     * \param ik IK
     * \param ck CK
     * \return MK (20 bytes)
     */
    static std::vector<uint8_t> DeriveMk(const std::string& identity,
                                         const std::vector<uint8_t>& ik,
                                         const std::vector<uint8_t>& ck);
    /**
     * \brief K_encr, K_aut, MSK and EMSK from MK.
     * \param mk MK (20 bytes)
     * \return the keys (mk included); valid is false if MK is not 20 bytes
     */
    static Keys DeriveFromMk(const std::vector<uint8_t>& mk);
    /**
     * \brief The FIPS 186-2 pseudo-random function of RFC 4186 Appendix B, with XSEED_j = 0.
     * \param xkey the 20-byte seed (MK)
     * \param length the number of bytes wanted (a multiple of 40 bytes is computed and cut)
     * \return the output; empty if xkey is not 20 bytes
     */
    static std::vector<uint8_t> Fips186Prf(const std::vector<uint8_t>& xkey, size_t length);
};

} // namespace ns3

#endif // EAP_AKA_KEYS_H
