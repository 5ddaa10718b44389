/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-cipher.h"

#include "crypto-work-meter.h"

#include <algorithm>
#include <climits>
#include <memory>
#include <openssl/evp.h>

namespace ns3
{

namespace
{

/// Frees an OpenSSL cipher context when it goes out of scope.
struct CipherCtxDeleter
{
    /**
     * \brief Frees the context.
     * \param ctx the context (may be null)
     */
    void operator()(EVP_CIPHER_CTX* ctx) const
    {
        EVP_CIPHER_CTX_free(ctx);
    }
};

/// An owned OpenSSL cipher context.
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

/// Length of the GCM nonce in bytes (RFC 4106 §4: 4-byte salt and 8-byte IV).
constexpr uint32_t GCM_NONCE_LENGTH = 12;
/// Shortest GCM tag accepted (NIST SP 800-38D §5.2.1.2 allows 4 and 8 for special uses).
constexpr uint32_t GCM_MIN_TAG_LENGTH = 4;
/// Longest GCM tag (one AES block).
constexpr uint32_t GCM_MAX_TAG_LENGTH = 16;

/**
 * \brief Maps a CBC transform to its OpenSSL cipher.
 * \param alg the transform
 * \return the cipher, or null if alg is not a CBC transform
 */
const EVP_CIPHER*
GetCbcCipher(IpsecEncryption alg)
{
    switch (alg)
    {
    case IpsecEncryption::TDES_CBC:
        return EVP_des_ede3_cbc();
    case IpsecEncryption::AES_128_CBC:
        return EVP_aes_128_cbc();
    case IpsecEncryption::AES_256_CBC:
        return EVP_aes_256_cbc();
    case IpsecEncryption::NULL_ENC:
    case IpsecEncryption::AES_128_GCM_16:
    case IpsecEncryption::AES_256_GCM_16:
        break;
    }
    return nullptr;
}

/**
 * \brief Maps an AES key length to the OpenSSL GCM cipher.
 * \param keyLength the key length in bytes
 * \return the cipher, or null for an unsupported key length
 */
const EVP_CIPHER*
GetGcmCipher(size_t keyLength)
{
    switch (keyLength)
    {
    case 16:
        return EVP_aes_128_gcm();
    case 32:
        return EVP_aes_256_gcm();
    default:
        break;
    }
    return nullptr;
}

/**
 * \brief The transform a GCM key stands for on a CryptoWorkMeter.
 * \param keyLength the AES key length in bytes (16 or 32, as GetGcmCipher accepts)
 * \return AES_128_GCM_16 or AES_256_GCM_16: the cost of GCM does not depend on the tag length
 */
IpsecEncryption
GetGcmTransform(size_t keyLength)
{
    return keyLength == 16 ? IpsecEncryption::AES_128_GCM_16 : IpsecEncryption::AES_256_GCM_16;
}

/**
 * \brief Runs a CBC transform in either direction, without padding.
 * \param alg the transform
 * \param key the key
 * \param iv the IV
 * \param in the input, a multiple of the block size
 * \param encrypt true to encrypt, false to decrypt
 * \param [out] out the output (cleared on failure)
 * \return true on success
 */
bool
CbcRun(IpsecEncryption alg,
       const std::vector<uint8_t>& key,
       const std::vector<uint8_t>& iv,
       const std::vector<uint8_t>& in,
       bool encrypt,
       std::vector<uint8_t>& out)
{
    out.clear();
    const EVP_CIPHER* cipher = GetCbcCipher(alg);
    if (cipher == nullptr)
    {
        return false;
    }
    const uint32_t blockSize = GetEncryptionBlockSize(alg);
    if (key.size() != GetEncryptionKeyLength(alg) || iv.size() != blockSize ||
        static_cast<size_t>(EVP_CIPHER_key_length(cipher)) != key.size() ||
        static_cast<size_t>(EVP_CIPHER_iv_length(cipher)) != iv.size() ||
        in.size() % blockSize != 0 || in.size() > static_cast<size_t>(INT_MAX - blockSize))
    {
        return false;
    }
    if (in.empty())
    {
        return true; // nothing to do: no block to chain
    }
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx)
    {
        return false;
    }
    if (EVP_CipherInit_ex(ctx.get(), cipher, nullptr, key.data(), iv.data(), encrypt ? 1 : 0) !=
            1 ||
        EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1)
    {
        return false;
    }
    std::vector<uint8_t> result(in.size() + blockSize);
    int written = 0;
    if (EVP_CipherUpdate(ctx.get(),
                         result.data(),
                         &written,
                         in.data(),
                         static_cast<int>(in.size())) != 1 ||
        written < 0)
    {
        return false;
    }
    int last = 0;
    if (EVP_CipherFinal_ex(ctx.get(), result.data() + written, &last) != 1 || last < 0)
    {
        return false;
    }
    const size_t total = static_cast<size_t>(written) + static_cast<size_t>(last);
    if (total != in.size())
    {
        return false;
    }
    result.resize(total);
    out.swap(result);
    CryptoWorkMeter::Record(
        {CryptoOperation::Kind::CIPHER, static_cast<uint32_t>(alg), static_cast<uint32_t>(total)});
    return true;
}

} // namespace

bool
CryptoCipher::CbcEncrypt(IpsecEncryption alg,
                         const std::vector<uint8_t>& key,
                         const std::vector<uint8_t>& iv,
                         const std::vector<uint8_t>& plaintext,
                         std::vector<uint8_t>& ciphertext)
{
    return CbcRun(alg, key, iv, plaintext, true, ciphertext);
}

bool
CryptoCipher::CbcDecrypt(IpsecEncryption alg,
                         const std::vector<uint8_t>& key,
                         const std::vector<uint8_t>& iv,
                         const std::vector<uint8_t>& ciphertext,
                         std::vector<uint8_t>& plaintext)
{
    return CbcRun(alg, key, iv, ciphertext, false, plaintext);
}

bool
CryptoCipher::GcmSeal(const std::vector<uint8_t>& key,
                      const std::vector<uint8_t>& nonce,
                      const std::vector<uint8_t>& aad,
                      const std::vector<uint8_t>& plaintext,
                      uint32_t tagLength,
                      std::vector<uint8_t>& ciphertext)
{
    ciphertext.clear();
    const EVP_CIPHER* cipher = GetGcmCipher(key.size());
    if (cipher == nullptr || nonce.size() != GCM_NONCE_LENGTH || tagLength < GCM_MIN_TAG_LENGTH ||
        tagLength > GCM_MAX_TAG_LENGTH || aad.size() > static_cast<size_t>(INT_MAX) ||
        plaintext.size() > static_cast<size_t>(INT_MAX - GCM_MAX_TAG_LENGTH))
    {
        return false;
    }
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx)
    {
        return false;
    }
    if (EVP_EncryptInit_ex(ctx.get(), cipher, nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(),
                            EVP_CTRL_GCM_SET_IVLEN,
                            static_cast<int>(GCM_NONCE_LENGTH),
                            nullptr) != 1 ||
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, key.data(), nonce.data()) != 1)
    {
        return false;
    }
    int written = 0;
    if (!aad.empty() &&
        EVP_EncryptUpdate(ctx.get(), nullptr, &written, aad.data(), static_cast<int>(aad.size())) !=
            1)
    {
        return false;
    }
    std::vector<uint8_t> result(plaintext.size() + tagLength);
    size_t total = 0;
    if (!plaintext.empty())
    {
        written = 0;
        if (EVP_EncryptUpdate(ctx.get(),
                              result.data(),
                              &written,
                              plaintext.data(),
                              static_cast<int>(plaintext.size())) != 1 ||
            written < 0)
        {
            return false;
        }
        total = static_cast<size_t>(written);
    }
    uint8_t finalBlock[GCM_MAX_TAG_LENGTH];
    int last = 0;
    if (EVP_EncryptFinal_ex(ctx.get(), finalBlock, &last) != 1 || last != 0 ||
        total != plaintext.size())
    {
        return false;
    }
    if (EVP_CIPHER_CTX_ctrl(ctx.get(),
                            EVP_CTRL_GCM_GET_TAG,
                            static_cast<int>(tagLength),
                            result.data() + total) != 1)
    {
        return false;
    }
    ciphertext.swap(result);
    CryptoWorkMeter::Record({CryptoOperation::Kind::CIPHER,
                             static_cast<uint32_t>(GetGcmTransform(key.size())),
                             static_cast<uint32_t>(plaintext.size())});
    return true;
}

bool
CryptoCipher::GcmOpen(const std::vector<uint8_t>& key,
                      const std::vector<uint8_t>& nonce,
                      const std::vector<uint8_t>& aad,
                      const std::vector<uint8_t>& ciphertext,
                      uint32_t tagLength,
                      std::vector<uint8_t>& plaintext)
{
    plaintext.clear();
    const EVP_CIPHER* cipher = GetGcmCipher(key.size());
    if (cipher == nullptr || nonce.size() != GCM_NONCE_LENGTH || tagLength < GCM_MIN_TAG_LENGTH ||
        tagLength > GCM_MAX_TAG_LENGTH || ciphertext.size() < tagLength ||
        aad.size() > static_cast<size_t>(INT_MAX) ||
        ciphertext.size() > static_cast<size_t>(INT_MAX))
    {
        return false;
    }
    const size_t dataLength = ciphertext.size() - tagLength;
    // Recorded whether or not the tag verifies: a forged message costs its receiver the same.
    CryptoWorkMeter::Record({CryptoOperation::Kind::CIPHER,
                             static_cast<uint32_t>(GetGcmTransform(key.size())),
                             static_cast<uint32_t>(dataLength)});
    // EVP_CTRL_GCM_SET_TAG takes a non-const pointer: hand it a copy.
    uint8_t tag[GCM_MAX_TAG_LENGTH];
    std::copy(ciphertext.begin() + dataLength, ciphertext.end(), tag);

    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx)
    {
        return false;
    }
    if (EVP_DecryptInit_ex(ctx.get(), cipher, nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(),
                            EVP_CTRL_GCM_SET_IVLEN,
                            static_cast<int>(GCM_NONCE_LENGTH),
                            nullptr) != 1 ||
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key.data(), nonce.data()) != 1)
    {
        return false;
    }
    int written = 0;
    if (!aad.empty() &&
        EVP_DecryptUpdate(ctx.get(), nullptr, &written, aad.data(), static_cast<int>(aad.size())) !=
            1)
    {
        return false;
    }
    std::vector<uint8_t> result(dataLength);
    size_t total = 0;
    if (dataLength > 0)
    {
        written = 0;
        if (EVP_DecryptUpdate(ctx.get(),
                              result.data(),
                              &written,
                              ciphertext.data(),
                              static_cast<int>(dataLength)) != 1 ||
            written < 0)
        {
            return false;
        }
        total = static_cast<size_t>(written);
    }
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(tagLength), tag) != 1)
    {
        return false;
    }
    uint8_t finalBlock[GCM_MAX_TAG_LENGTH];
    int last = 0;
    if (EVP_DecryptFinal_ex(ctx.get(), finalBlock, &last) != 1 || last != 0 || total != dataLength)
    {
        return false; // the tag does not verify: release nothing
    }
    plaintext.swap(result);
    return true;
}

bool
CryptoCipher::Aes128EncryptBlock(const std::vector<uint8_t>& key,
                                 const std::vector<uint8_t>& block,
                                 std::vector<uint8_t>& out)
{
    constexpr size_t AES_BLOCK = 16;
    out.clear();
    if (key.size() != AES_BLOCK || block.size() != AES_BLOCK)
    {
        return false;
    }
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx ||
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_128_ecb(), nullptr, key.data(), nullptr) != 1 ||
        EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1)
    {
        return false;
    }
    std::vector<uint8_t> result(2 * AES_BLOCK);
    int written = 0;
    int last = 0;
    if (EVP_EncryptUpdate(ctx.get(),
                          result.data(),
                          &written,
                          block.data(),
                          static_cast<int>(AES_BLOCK)) != 1 ||
        written < 0 || EVP_EncryptFinal_ex(ctx.get(), result.data() + written, &last) != 1 ||
        last < 0 || static_cast<size_t>(written) + static_cast<size_t>(last) != AES_BLOCK)
    {
        return false;
    }
    result.resize(AES_BLOCK);
    out.swap(result);
    return true;
}

} // namespace ns3
