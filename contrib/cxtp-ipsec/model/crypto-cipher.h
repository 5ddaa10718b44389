/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_CIPHER_H
#define CRYPTO_CIPHER_H

#include "ipsec-algorithm.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Block and AEAD ciphers through OpenSSL's EVP interface.
 *
 * CBC runs without padding (the callers pad, as ESP and ISAKMP define their own padding), so the
 * input length must be a multiple of the block size. Every failure is reported, never hidden.
 *
 * Each call records a CryptoOperation CIPHER (the transform, the data length) on the active
 * CryptoWorkMeter: CBC encryption and decryption and GCM sealing when they succeed, GCM opening
 * once its inputs are accepted, whether or not the tag verifies. A refused input records nothing.
 */
class CryptoCipher
{
  public:
    /**
     * \brief CBC encryption with no padding.
     * \param alg TDES_CBC, AES_128_CBC or AES_256_CBC
     * \param key the key (GetEncryptionKeyLength(alg) bytes)
     * \param iv the IV (one block)
     * \param plaintext the data, a multiple of the block size
     * \param [out] ciphertext the result, as long as the plaintext
     * \return true on success; false on a wrong length or an OpenSSL error
     */
    static bool CbcEncrypt(IpsecEncryption alg,
                           const std::vector<uint8_t>& key,
                           const std::vector<uint8_t>& iv,
                           const std::vector<uint8_t>& plaintext,
                           std::vector<uint8_t>& ciphertext);
    /**
     * \brief CBC decryption with no padding; see CbcEncrypt().
     * \param alg the cipher
     * \param key the key
     * \param iv the IV
     * \param ciphertext the data, a multiple of the block size
     * \param [out] plaintext the result
     * \return true on success
     */
    static bool CbcDecrypt(IpsecEncryption alg,
                           const std::vector<uint8_t>& key,
                           const std::vector<uint8_t>& iv,
                           const std::vector<uint8_t>& ciphertext,
                           std::vector<uint8_t>& plaintext);
    /**
     * \brief AES-GCM authenticated encryption.
     * \param key the AES key (16 or 32 bytes, without the ESP salt)
     * \param nonce the 12-byte nonce (for ESP: salt | IV, RFC 4106 §4)
     * \param aad the additional authenticated data
     * \param plaintext the data
     * \param tagLength the ICV length (16 for ESP's GCM-16)
     * \param [out] ciphertext the encrypted data followed by the tag
     * \return true on success
     */
    static bool GcmSeal(const std::vector<uint8_t>& key,
                        const std::vector<uint8_t>& nonce,
                        const std::vector<uint8_t>& aad,
                        const std::vector<uint8_t>& plaintext,
                        uint32_t tagLength,
                        std::vector<uint8_t>& ciphertext);
    /**
     * \brief AES-GCM authenticated decryption.
     * \param key the AES key
     * \param nonce the 12-byte nonce
     * \param aad the additional authenticated data
     * \param ciphertext the encrypted data followed by the tag
     * \param tagLength the tag length
     * \param [out] plaintext the decrypted data
     * \return true if the tag verifies; false otherwise (plaintext is then cleared)
     */
    static bool GcmOpen(const std::vector<uint8_t>& key,
                        const std::vector<uint8_t>& nonce,
                        const std::vector<uint8_t>& aad,
                        const std::vector<uint8_t>& ciphertext,
                        uint32_t tagLength,
                        std::vector<uint8_t>& plaintext);
    /**
     * \brief Encrypts one 128-bit block with AES-128 (FIPS 197), as ECB without padding.
     *
     * The kernel function E_K of Milenage (3GPP TS 35.206 §4.1). Records nothing on the
     * CryptoWorkMeter: its callers account for their own operations.
     * \param key the 16-byte key
     * \param block the 16-byte input block
     * \param [out] out the 16-byte result (cleared on failure)
     * \return true on success; false on a wrong length or an OpenSSL error
     */
    static bool Aes128EncryptBlock(const std::vector<uint8_t>& key,
                                   const std::vector<uint8_t>& block,
                                   std::vector<uint8_t>& out);
};

} // namespace ns3

#endif // CRYPTO_CIPHER_H
