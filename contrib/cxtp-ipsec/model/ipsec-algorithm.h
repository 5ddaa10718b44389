/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_ALGORITHM_H
#define IPSEC_ALGORITHM_H

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief ESP encryption transforms (RFC 4303 §3.2; RFC 3602 AES-CBC, RFC 2451 3DES-CBC,
 * RFC 4106 AES-GCM with a 16-byte ICV).
 *
 * For the AES-GCM transforms the key material carries the 4-byte salt after the AES key
 * (RFC 4106 §8.1), so GetEncryptionKeyLength() includes it.
 */
enum class IpsecEncryption : uint8_t
{
    NULL_ENC = 0,   ///< ENCR_NULL (RFC 2410): integrity only
    TDES_CBC,       ///< 3DES-CBC, 24-byte key, 8-byte block and IV
    AES_128_CBC,    ///< AES-128-CBC, 16-byte key, 16-byte block and IV
    AES_256_CBC,    ///< AES-256-CBC, 32-byte key, 16-byte block and IV
    AES_128_GCM_16, ///< AES-128-GCM, 16+4-byte key+salt, 8-byte IV, 16-byte ICV (combined mode)
    AES_256_GCM_16, ///< AES-256-GCM, 32+4-byte key+salt, 8-byte IV, 16-byte ICV (combined mode)
};

/**
 * \ingroup cxtp-ipsec
 * \brief ESP integrity transforms (RFC 2404 HMAC-SHA1-96, RFC 4868 HMAC-SHA2-256-128).
 */
enum class IpsecIntegrity : uint8_t
{
    NONE = 0,          ///< no separate integrity (only valid with a combined-mode cipher)
    HMAC_SHA1_96,      ///< 20-byte key, 12-byte ICV
    HMAC_SHA2_256_128, ///< 32-byte key, 16-byte ICV
};

/// \return the key length in bytes (with the salt for GCM)
uint32_t GetEncryptionKeyLength(IpsecEncryption alg);
/// \return the cipher block size in bytes (1 for NULL; 4 for GCM, the ESP alignment)
uint32_t GetEncryptionBlockSize(IpsecEncryption alg);
/// \return the IV length carried on the wire (0 for NULL, 8 for 3DES and GCM, 16 for AES-CBC)
uint32_t GetEncryptionIvLength(IpsecEncryption alg);
/// \return true for combined-mode (AEAD) transforms
bool IsCombinedMode(IpsecEncryption alg);
/// \return the ICV length of the combined-mode transform (0 otherwise)
uint32_t GetCombinedModeIcvLength(IpsecEncryption alg);
/// \return the integrity key length in bytes
uint32_t GetIntegrityKeyLength(IpsecIntegrity alg);
/// \return the ICV length in bytes
uint32_t GetIntegrityIcvLength(IpsecIntegrity alg);

/**
 * \brief Short command-line names: "null", "3des-cbc", "aes128-cbc", "aes256-cbc",
 * "aes128-gcm16", "aes256-gcm16".
 * \param name the name
 * \param [out] alg the transform, when the name is known
 * \return true if the name is known
 */
bool ParseEncryption(const std::string& name, IpsecEncryption& alg);
/// \return the short name of the transform
std::string ToString(IpsecEncryption alg);
/**
 * \brief Short command-line names: "none", "hmac-sha1-96", "hmac-sha256-128".
 * \param name the name
 * \param [out] alg the transform, when the name is known
 * \return true if the name is known
 */
bool ParseIntegrity(const std::string& name, IpsecIntegrity& alg);
/// \return the short name of the transform
std::string ToString(IpsecIntegrity alg);

/**
 * \brief Checks that a pair of transforms may form an ESP SA (RFC 4303 §3.2: combined mode needs
 * no separate integrity; otherwise integrity is required here, since we never run ESP without it).
 * \param enc the encryption transform
 * \param integ the integrity transform
 * \return an empty string if valid, otherwise what is wrong
 */
std::string CheckTransformPair(IpsecEncryption enc, IpsecIntegrity integ);

} // namespace ns3

#endif // IPSEC_ALGORITHM_H
