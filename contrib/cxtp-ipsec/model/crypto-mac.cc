/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-mac.h"

#include "crypto-work-meter.h"

#include <climits>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace ns3
{

namespace
{

/// A byte to point at when a key or message is empty: OpenSSL may reject a null pointer.
const uint8_t g_emptyInput = 0;

/**
 * \param v a byte string
 * \return a pointer to its bytes, never null
 */
const uint8_t*
DataOrEmpty(const std::vector<uint8_t>& v)
{
    return v.empty() ? &g_emptyInput : v.data();
}

} // namespace

std::vector<uint8_t>
CryptoMac::Hmac(CryptoHash hash, const std::vector<uint8_t>& key, const std::vector<uint8_t>& data)
{
    const EVP_MD* md = GetEvpMd(hash);
    if (md == nullptr || key.size() > static_cast<size_t>(INT_MAX))
    {
        return {};
    }
    std::vector<uint8_t> out(EVP_MAX_MD_SIZE);
    unsigned int length = 0;
    if (HMAC(md,
             DataOrEmpty(key),
             static_cast<int>(key.size()),
             DataOrEmpty(data),
             data.size(),
             out.data(),
             &length) == nullptr ||
        length != GetLength(hash))
    {
        return {};
    }
    out.resize(length);
    CryptoWorkMeter::Record({CryptoOperation::Kind::HMAC,
                             static_cast<uint32_t>(hash),
                             static_cast<uint32_t>(data.size())});
    return out;
}

std::vector<uint8_t>
CryptoMac::Digest(CryptoHash hash, const std::vector<uint8_t>& data)
{
    // Not recorded on a CryptoWorkMeter: the callers hash tens of bytes (the NAT detection
    // hashes of RFC 7296 §2.23, the COOKIE of §2.6), a few hundred nanoseconds even on a 2008
    // CPU, and no profile key prices a plain hash.
    const EVP_MD* md = GetEvpMd(hash);
    if (md == nullptr)
    {
        return {};
    }
    std::vector<uint8_t> out(EVP_MAX_MD_SIZE);
    unsigned int length = 0;
    if (EVP_Digest(DataOrEmpty(data), data.size(), out.data(), &length, md, nullptr) != 1 ||
        length != GetLength(hash))
    {
        return {};
    }
    out.resize(length);
    return out;
}

const EVP_MD*
CryptoMac::GetEvpMd(CryptoHash hash)
{
    switch (hash)
    {
    case CryptoHash::MD5:
        return EVP_md5();
    case CryptoHash::SHA1:
        return EVP_sha1();
    case CryptoHash::SHA2_256:
        return EVP_sha256();
    case CryptoHash::SHA2_384:
        return EVP_sha384();
    case CryptoHash::SHA2_512:
        return EVP_sha512();
    }
    return nullptr;
}

uint32_t
CryptoMac::GetLength(CryptoHash hash)
{
    switch (hash)
    {
    case CryptoHash::MD5:
        return 16;
    case CryptoHash::SHA1:
        return 20;
    case CryptoHash::SHA2_256:
        return 32;
    case CryptoHash::SHA2_384:
        return 48;
    case CryptoHash::SHA2_512:
        return 64;
    }
    return 0;
}

bool
CryptoMac::ConstantTimeEqual(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b)
{
    if (a.size() != b.size())
    {
        return false;
    }
    if (a.empty())
    {
        return true;
    }
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace ns3
