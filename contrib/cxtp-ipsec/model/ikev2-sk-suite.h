/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_SK_SUITE_H
#define IKEV2_SK_SUITE_H

#include "crypto-mac.h"
#include "ikev2-constants.h"
#include "ipsec-algorithm.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The negotiated ENCR and INTEG transforms of an IKE SA, which protect its SK payloads
 * (RFC 7296 §3.14), and the sizes that follow from them.
 *
 * Supported:
 * - ENCR_AES_CBC with a Key Length of 128 or 256 bits (RFC 3602), or ENCR_3DES without a Key
 *   Length (a fixed-length key, RFC 7296 §3.3.5), each with AUTH_HMAC_SHA1_96 (RFC 2404) or
 *   AUTH_HMAC_SHA2_256_128, _384_192 or _512_256 (RFC 4868);
 * - ENCR_AES_GCM_16 with a Key Length of 128 or 256 bits and integrity NONE (RFC 5282 §8).
 * AES-192 (CBC or GCM) is not: the module's ciphers have no 192-bit AES.
 */
struct Ikev2SkSuite
{
    Ikev2EncrId encryption{Ikev2EncrId::ENCR_AES_CBC};            ///< ENCR transform ID
    uint16_t keyLength{128};                                      ///< Key Length in bits (3DES: 0)
    Ikev2IntegId integrity{Ikev2IntegId::AUTH_HMAC_SHA2_256_128}; ///< INTEG transform ID

    /// \return an empty string if the suite is supported, otherwise what is not
    std::string Check() const;
    /// \return true for AES-GCM, whose tag is the ICV (RFC 5282 §3)
    bool IsCombinedMode() const;
    /**
     * \return the size of SK_ei and SK_er in octets (RFC 7296 §2.14): the cipher key, and for
     *         AES-GCM the key followed by the 4-octet salt (RFC 5282 §7.1); 0 if unsupported
     */
    uint32_t GetEncryptionKeySize() const;
    /// \return the size of SK_ai and SK_ar in octets: the HMAC key (RFC 4868 §2.1.1), 0 for GCM
    uint32_t GetIntegrityKeySize() const;
    /// \return the IV size in octets: the block size for CBC (RFC 7296 §3.14), 8 for GCM (RFC
    /// 5282 §3.1)
    uint32_t GetIvSize() const;
    /// \return the size the encrypted part is padded to a multiple of: 16 (AES-CBC), 8 (3DES),
    /// 1 (AES-GCM, a stream mode)
    uint32_t GetBlockSize() const;
    /// \return the ICV size in octets: the truncated HMAC, or the 16-octet GCM tag
    uint32_t GetIcvSize() const;
    /// \return the cipher for CryptoCipher (TDES_CBC, AES_128/256_CBC or AES_128/256_GCM_16)
    IpsecEncryption GetCipher() const;
    /// \return the hash of the HMAC (unspecified for GCM)
    CryptoHash GetIntegrityHash() const;
    /// \return a short name, e.g. "aes128-cbc/hmac-sha2-256-128" or "aes256-gcm16"
    std::string GetName() const;
};

} // namespace ns3

#endif // IKEV2_SK_SUITE_H
