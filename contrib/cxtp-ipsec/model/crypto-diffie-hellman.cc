/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-diffie-hellman.h"

#include "crypto-random.h"

#include "ns3/log.h"

#include <algorithm>
#include <climits>
#include <memory>
#include <openssl/bn.h>
#include <string>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CryptoDiffieHellman");

namespace
{

/**
 * \brief First Oakley Default Group, RFC 2409 §6.1:
 * p = 2^768 - 2^704 - 1 + 2^64 * ([2^638 pi] + 149686), g = 2.
 */
const char* const MODP_768_HEX = "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1"
                                 "29024E088A67CC74020BBEA63B139B22514A08798E3404DD"
                                 "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245"
                                 "E485B576625E7EC6F44C42E9A63A3620FFFFFFFFFFFFFFFF";

/**
 * \brief Second Oakley Default Group, RFC 2409 §6.2:
 * p = 2^1024 - 2^960 - 1 + 2^64 * ([2^894 pi] + 129093), g = 2.
 */
const char* const MODP_1024_HEX = "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1"
                                  "29024E088A67CC74020BBEA63B139B22514A08798E3404DD"
                                  "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245"
                                  "E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
                                  "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381"
                                  "FFFFFFFFFFFFFFFF";

/**
 * \brief 1536-bit MODP Group, RFC 3526 §2:
 * p = 2^1536 - 2^1472 - 1 + 2^64 * ([2^1406 pi] + 741804), g = 2.
 */
const char* const MODP_1536_HEX = "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1"
                                  "29024E088A67CC74020BBEA63B139B22514A08798E3404DD"
                                  "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245"
                                  "E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
                                  "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D"
                                  "C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
                                  "83655D23DCA3AD961C62F356208552BB9ED529077096966D"
                                  "670C354E4ABC9804F1746C08CA237327FFFFFFFFFFFFFFFF";

/**
 * \brief 2048-bit MODP Group, RFC 3526 §3:
 * p = 2^2048 - 2^1984 - 1 + 2^64 * ([2^1918 pi] + 124476), g = 2.
 */
const char* const MODP_2048_HEX = "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1"
                                  "29024E088A67CC74020BBEA63B139B22514A08798E3404DD"
                                  "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245"
                                  "E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
                                  "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D"
                                  "C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
                                  "83655D23DCA3AD961C62F356208552BB9ED529077096966D"
                                  "670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
                                  "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9"
                                  "DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
                                  "15728E5A8AACAA68FFFFFFFFFFFFFFFF";

/// The generator of all four groups (RFC 2409 §6.1-6.2, RFC 3526 §2-3).
const BN_ULONG GENERATOR = 2;

/**
 * \param group the group
 * \return the prime as a hex string, or null for an unknown group
 */
const char*
GetPrimeHex(CryptoDhGroup group)
{
    switch (group)
    {
    case CryptoDhGroup::MODP_768:
        return MODP_768_HEX;
    case CryptoDhGroup::MODP_1024:
        return MODP_1024_HEX;
    case CryptoDhGroup::MODP_1536:
        return MODP_1536_HEX;
    case CryptoDhGroup::MODP_2048:
        return MODP_2048_HEX;
    }
    return nullptr;
}

/// Frees a BIGNUM that may hold a secret, zeroing it first.
struct BnDeleter
{
    /// \param bn the number (may be null)
    void operator()(BIGNUM* bn) const
    {
        BN_clear_free(bn);
    }
};

/// Frees a BN_CTX.
struct BnCtxDeleter
{
    /// \param ctx the context (may be null)
    void operator()(BN_CTX* ctx) const
    {
        BN_CTX_free(ctx);
    }
};

/// An owned BIGNUM, freed (and cleared) on every path.
using BnPtr = std::unique_ptr<BIGNUM, BnDeleter>;
/// An owned BN_CTX, freed on every path.
using BnCtxPtr = std::unique_ptr<BN_CTX, BnCtxDeleter>;

/**
 * \param bytes a big-endian byte string
 * \return the number, or null on failure
 */
BnPtr
FromBytes(const std::vector<uint8_t>& bytes)
{
    if (bytes.size() > static_cast<size_t>(INT_MAX))
    {
        return nullptr;
    }
    static const uint8_t empty = 0;
    return BnPtr(
        BN_bin2bn(bytes.empty() ? &empty : bytes.data(), static_cast<int>(bytes.size()), nullptr));
}

/**
 * \param group the group
 * \return p, or null on failure
 */
BnPtr
LoadPrime(CryptoDhGroup group)
{
    const char* hex = GetPrimeHex(group);
    if (hex == nullptr)
    {
        return nullptr;
    }
    BIGNUM* p = nullptr;
    if (BN_hex2bn(&p, hex) == 0)
    {
        BN_free(p);
        return nullptr;
    }
    return BnPtr(p);
}

/**
 * \brief Computes base^exp mod p in constant time with respect to the exponent.
 * \param group the group (selects p)
 * \param base the base, 0 <= base < p
 * \param privateValue the exponent bytes; must satisfy 0 < x < p-1
 * \param out receives the result, left-padded to the prime length
 * \return false on an invalid exponent or an OpenSSL failure
 */
bool
ModExp(CryptoDhGroup group,
       const BIGNUM* base,
       const std::vector<uint8_t>& privateValue,
       std::vector<uint8_t>& out)
{
    out.clear();
    BnPtr p = LoadPrime(group);
    BnPtr x = FromBytes(privateValue);
    BnPtr pMinusOne(BN_new());
    BnPtr result(BN_new());
    BnCtxPtr ctx(BN_CTX_new());
    if (!p || !x || !pMinusOne || !result || !ctx)
    {
        return false;
    }
    if (BN_copy(pMinusOne.get(), p.get()) == nullptr || BN_sub_word(pMinusOne.get(), 1) == 0)
    {
        return false;
    }
    if (BN_is_zero(x.get()) || BN_cmp(x.get(), pMinusOne.get()) >= 0)
    {
        NS_LOG_LOGIC("private value out of range");
        return false;
    }
    BN_set_flags(x.get(), BN_FLG_CONSTTIME);
    if (BN_mod_exp_mont_consttime(result.get(), base, x.get(), p.get(), ctx.get(), nullptr) == 0)
    {
        return false;
    }
    const uint32_t length = CryptoDiffieHellman::GetLength(group);
    out.resize(length);
    if (BN_bn2binpad(result.get(), out.data(), static_cast<int>(length)) !=
        static_cast<int>(length))
    {
        std::fill(out.begin(), out.end(), 0);
        out.clear();
        return false;
    }
    return true;
}

} // namespace

uint32_t
CryptoDiffieHellman::GetLength(CryptoDhGroup group)
{
    switch (group)
    {
    case CryptoDhGroup::MODP_768:
        return 96;
    case CryptoDhGroup::MODP_1024:
        return 128;
    case CryptoDhGroup::MODP_1536:
        return 192;
    case CryptoDhGroup::MODP_2048:
        return 256;
    }
    return 0;
}

bool
CryptoDiffieHellman::IsSupported(uint16_t id)
{
    return id == static_cast<uint16_t>(CryptoDhGroup::MODP_768) ||
           id == static_cast<uint16_t>(CryptoDhGroup::MODP_1024) ||
           id == static_cast<uint16_t>(CryptoDhGroup::MODP_1536) ||
           id == static_cast<uint16_t>(CryptoDhGroup::MODP_2048);
}

std::vector<uint8_t>
CryptoDiffieHellman::GetPrime(CryptoDhGroup group)
{
    BnPtr p = LoadPrime(group);
    const uint32_t length = GetLength(group);
    if (!p || length == 0)
    {
        return {};
    }
    std::vector<uint8_t> out(length);
    if (BN_bn2binpad(p.get(), out.data(), static_cast<int>(length)) != static_cast<int>(length))
    {
        return {};
    }
    return out;
}

bool
CryptoDiffieHellman::ComputePublic(CryptoDhGroup group,
                                   const std::vector<uint8_t>& privateValue,
                                   std::vector<uint8_t>& publicValue)
{
    NS_LOG_FUNCTION(static_cast<uint32_t>(group) << privateValue.size());
    BnPtr g(BN_new());
    if (!g || BN_set_word(g.get(), GENERATOR) == 0)
    {
        publicValue.clear();
        return false;
    }
    return ModExp(group, g.get(), privateValue, publicValue);
}

bool
CryptoDiffieHellman::ComputeShared(CryptoDhGroup group,
                                   const std::vector<uint8_t>& privateValue,
                                   const std::vector<uint8_t>& peerPublic,
                                   std::vector<uint8_t>& shared)
{
    NS_LOG_FUNCTION(static_cast<uint32_t>(group) << privateValue.size() << peerPublic.size());
    shared.clear();
    const uint32_t length = GetLength(group);
    if (length == 0 || peerPublic.size() != length)
    {
        NS_LOG_LOGIC("peer public value has " << peerPublic.size() << " bytes, expected "
                                              << length);
        return false;
    }
    BnPtr p = LoadPrime(group);
    BnPtr y = FromBytes(peerPublic);
    BnPtr pMinusOne(BN_new());
    if (!p || !y || !pMinusOne || BN_copy(pMinusOne.get(), p.get()) == nullptr ||
        BN_sub_word(pMinusOne.get(), 1) == 0)
    {
        return false;
    }
    // RFC 2631 §2.1.5 / NIST SP 800-56A 5.6.2.3.1: require 1 < y < p-1.
    if (BN_is_zero(y.get()) || BN_is_one(y.get()) || BN_cmp(y.get(), pMinusOne.get()) >= 0)
    {
        NS_LOG_LOGIC("peer public value out of range");
        return false;
    }
    return ModExp(group, y.get(), privateValue, shared);
}

std::vector<uint8_t>
CryptoDiffieHellman::MakePrivate(CryptoDhGroup group, CryptoRandom& rng)
{
    const uint32_t length = GetLength(group);
    if (length == 0)
    {
        return {};
    }
    while (true)
    {
        std::vector<uint8_t> x = rng.GetBytes(length);
        x[0] &= 0x7f;
        if (std::any_of(x.begin(), x.end(), [](uint8_t b) { return b != 0; }))
        {
            return x;
        }
    }
}

} // namespace ns3
