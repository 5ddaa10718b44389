/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_ALGORITHMS_H
#define IKEV2_ALGORITHMS_H

#include "crypto-diffie-hellman.h"
#include "crypto-mac.h"
#include "ikev2-constants.h"
#include "ipsec-algorithm.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The IKEv2 transforms the module implements, mapped to its algorithms, with their key
 * and output sizes (RFC 7296 §2.13-2.14, §3.3.2, §3.3.5; RFC 4868 §2; RFC 5282 §7.1).
 *
 * Supported: PRF HMAC-SHA1 and HMAC-SHA2-256/384/512; INTEG HMAC-SHA1-96 and
 * HMAC-SHA2-256-128/384-192/512-256; ENCR 3DES, AES-CBC with 128- or 256-bit keys and
 * AES-GCM with a 16-octet ICV and 128- or 256-bit keys; DH groups 2, 5, 14, 15, 19 and 31.
 * AES-CBC-192 and AES-GCM-192 are not supported (IpsecEncryption has no such transform).
 *
 * Key Length attribute values are in bits, as on the wire (RFC 7296 §3.3.5); they are 0 for
 * transforms with a fixed key length (3DES).
 */
class Ikev2Algorithms
{
  public:
    /**
     * \param prf a PRF transform ID
     * \param [out] hash the HMAC's hash function
     * \return false if the PRF is not supported
     */
    static bool GetPrfHash(Ikev2PrfId prf, CryptoHash& hash);
    /**
     * \brief The PRF's preferred key length, which is also the length of SK_d, SK_pi and SK_pr
     * (RFC 7296 §2.14; for HMAC-SHA2 the output length, RFC 4868 §2.1.2).
     * \param prf a PRF transform ID
     * \return 20, 32, 48 or 64; 0 if unsupported
     */
    static uint32_t GetPrfKeyLength(Ikev2PrfId prf);
    /**
     * \param prf a PRF transform ID
     * \return the PRF output length in bytes (20, 32, 48, 64); 0 if unsupported
     */
    static uint32_t GetPrfOutputLength(Ikev2PrfId prf);

    /**
     * \param integ an INTEG transform ID
     * \param [out] hash the HMAC's hash function
     * \return false if unsupported or NONE
     */
    static bool GetIntegHash(Ikev2IntegId integ, CryptoHash& hash);
    /**
     * \param integ an INTEG transform ID
     * \return the key length: 20 for HMAC-SHA1-96 (RFC 2404), 32/48/64 for HMAC-SHA2
     *         (RFC 4868 §2.1.1); 0 for NONE or an unsupported transform
     */
    static uint32_t GetIntegKeyLength(Ikev2IntegId integ);
    /**
     * \param integ an INTEG transform ID
     * \return the ICV length: 12, 16, 24 or 32 (RFC 4868 §2.1.1); 0 for NONE or unsupported
     */
    static uint32_t GetIntegIcvLength(Ikev2IntegId integ);
    /**
     * \param integ an INTEG transform ID
     * \return true if the module implements it (NONE included)
     */
    static bool IsIntegSupported(Ikev2IntegId integ);

    /**
     * \brief Maps an ENCR transform and its Key Length attribute to the module's algorithm.
     * \param encr an ENCR transform ID
     * \param keyBits the Key Length attribute in bits (0 for 3DES and NULL)
     * \param [out] alg the algorithm
     * \return false if the pair is not supported
     */
    static bool GetEncryption(Ikev2EncrId encr, uint16_t keyBits, IpsecEncryption& alg);
    /**
     * \brief The reverse of GetEncryption().
     * \param alg an algorithm
     * \param [out] encr the ENCR transform ID
     * \param [out] keyBits the Key Length attribute (0 when the transform has none)
     */
    static void GetEncrId(IpsecEncryption alg, Ikev2EncrId& encr, uint16_t& keyBits);
    /**
     * \brief The length of SK_ei/SK_er or of an ESP encryption key: the cipher key, followed for
     * AES-GCM by the 4-octet salt (RFC 5282 §7.1, RFC 4106 §8.1).
     * \param encr an ENCR transform ID
     * \param keyBits the Key Length attribute in bits
     * \return the length in bytes; 0 if unsupported
     */
    static uint32_t GetEncrKeyLength(Ikev2EncrId encr, uint16_t keyBits);

    /**
     * \brief Maps an INTEG transform to the module's ESP integrity algorithm.
     * \param integ an INTEG transform ID
     * \param [out] alg the ESP algorithm
     * \return false if ESP has no such algorithm (HMAC-SHA2-384/512 protect only IKE SAs here)
     */
    static bool GetIntegrity(Ikev2IntegId integ, IpsecIntegrity& alg);
    /**
     * \param alg an ESP integrity algorithm
     * \return its INTEG transform ID
     */
    static Ikev2IntegId GetIntegId(IpsecIntegrity alg);

    /**
     * \param dh a DH transform ID (not NONE)
     * \param [out] group the module's group
     * \return false if unsupported (NONE, MODP-768 and unknown IDs)
     */
    static bool GetDhGroup(Ikev2DhId dh, CryptoDhGroup& group);
    /**
     * \param group a group
     * \param [out] dh its DH transform ID
     * \return false for MODP-768 (not in Ikev2DhId; RFC 8247 §2.4: MUST NOT be used)
     */
    static bool GetDhId(CryptoDhGroup group, Ikev2DhId& dh);
};

} // namespace ns3

#endif // IKEV2_ALGORITHMS_H
