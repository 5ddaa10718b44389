/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-diffie-hellman.h"

#include "crypto-random.h"
#include "crypto-work-meter.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <memory>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
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

/**
 * \brief 3072-bit MODP Group, RFC 3526 §4:
 * p = 2^3072 - 2^3008 - 1 + 2^64 * ([2^2942 pi] + 1690314), g = 2.
 */
const char* const MODP_3072_HEX = "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1"
                                  "29024E088A67CC74020BBEA63B139B22514A08798E3404DD"
                                  "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245"
                                  "E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
                                  "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D"
                                  "C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
                                  "83655D23DCA3AD961C62F356208552BB9ED529077096966D"
                                  "670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
                                  "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9"
                                  "DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
                                  "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64"
                                  "ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
                                  "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6B"
                                  "F12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
                                  "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB31"
                                  "43DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF";

/// The generator of all MODP groups (RFC 2409 §6.1-6.2, RFC 3526 §2-3).
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
    case CryptoDhGroup::MODP_3072:
        return MODP_3072_HEX;
    case CryptoDhGroup::ECP_256:
    case CryptoDhGroup::CURVE25519:
        return nullptr;
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

/**
 * \brief Validates the peer's MODP public value and computes y^x mod p.
 * \param group a MODP group
 * \param privateValue our exponent
 * \param peerPublic the peer's value; must be the prime's length with 1 < y < p-1
 * \param shared receives the secret
 * \return false on an invalid input or an OpenSSL failure
 */
bool
ModpShared(CryptoDhGroup group,
           const std::vector<uint8_t>& privateValue,
           const std::vector<uint8_t>& peerPublic,
           std::vector<uint8_t>& shared)
{
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

/// The length of a P-256 scalar or coordinate in bytes (RFC 5903 §3.1).
const uint32_t P256_LENGTH = 32;
/// The length of an X25519 scalar, u-coordinate or shared secret (RFC 7748 §5).
const uint32_t X25519_LENGTH = 32;

/// Frees an EC_GROUP.
struct EcGroupDeleter
{
    /// \param group the group (may be null)
    void operator()(EC_GROUP* group) const
    {
        EC_GROUP_free(group);
    }
};

/// Frees an EC_POINT, zeroing it first (a shared point is secret).
struct EcPointDeleter
{
    /// \param point the point (may be null)
    void operator()(EC_POINT* point) const
    {
        EC_POINT_clear_free(point);
    }
};

/// Frees an EVP_PKEY.
struct PkeyDeleter
{
    /// \param key the key (may be null)
    void operator()(EVP_PKEY* key) const
    {
        EVP_PKEY_free(key);
    }
};

/// Frees an EVP_PKEY_CTX.
struct PkeyCtxDeleter
{
    /// \param ctx the context (may be null)
    void operator()(EVP_PKEY_CTX* ctx) const
    {
        EVP_PKEY_CTX_free(ctx);
    }
};

/// An owned EC_GROUP.
using EcGroupPtr = std::unique_ptr<EC_GROUP, EcGroupDeleter>;
/// An owned EC_POINT, cleared when freed.
using EcPointPtr = std::unique_ptr<EC_POINT, EcPointDeleter>;
/// An owned EVP_PKEY.
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
/// An owned EVP_PKEY_CTX.
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter>;

/**
 * \brief Loads a P-256 private scalar.
 * \param group the P-256 group
 * \param privateValue 32 big-endian bytes
 * \return the scalar, or null unless 1 <= x <= n-1
 */
BnPtr
LoadP256Scalar(const EC_GROUP* group, const std::vector<uint8_t>& privateValue)
{
    if (privateValue.size() != P256_LENGTH)
    {
        return nullptr;
    }
    BnPtr x = FromBytes(privateValue);
    if (!x || BN_is_zero(x.get()) || BN_cmp(x.get(), EC_GROUP_get0_order(group)) >= 0)
    {
        NS_LOG_LOGIC("P-256 private value out of range");
        return nullptr;
    }
    BN_set_flags(x.get(), BN_FLG_CONSTTIME);
    return x;
}

/**
 * \brief Writes x | y of a P-256 point, 32 bytes each (RFC 5903 §7).
 * \param group the P-256 group
 * \param point the point (not at infinity)
 * \param ctx a BN context
 * \param out receives 64 bytes
 * \return false on failure
 */
bool
P256PointToBytes(const EC_GROUP* group,
                 const EC_POINT* point,
                 BN_CTX* ctx,
                 std::vector<uint8_t>& out)
{
    std::vector<uint8_t> octets(1 + 2 * P256_LENGTH);
    if (EC_POINT_point2oct(group,
                           point,
                           POINT_CONVERSION_UNCOMPRESSED,
                           octets.data(),
                           octets.size(),
                           ctx) != octets.size())
    {
        return false;
    }
    out.assign(octets.begin() + 1, octets.end()); // drop the 0x04 of SEC 1 §2.3.3
    return true;
}

/**
 * \brief Computes the public value x * G of P-256 as x | y (RFC 5903 §7).
 * \param privateValue the 32-byte scalar
 * \param out receives 64 bytes
 * \return false on an invalid scalar or an OpenSSL failure
 */
bool
P256Public(const std::vector<uint8_t>& privateValue, std::vector<uint8_t>& out)
{
    EcGroupPtr group(EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1));
    BnCtxPtr ctx(BN_CTX_new());
    if (!group || !ctx)
    {
        return false;
    }
    BnPtr x = LoadP256Scalar(group.get(), privateValue);
    EcPointPtr point(EC_POINT_new(group.get()));
    if (!x || !point ||
        EC_POINT_mul(group.get(), point.get(), x.get(), nullptr, nullptr, ctx.get()) != 1)
    {
        return false;
    }
    return P256PointToBytes(group.get(), point.get(), ctx.get(), out);
}

/**
 * \brief Computes the P-256 shared secret: the x coordinate of x * Y (RFC 5903 §7).
 * \param privateValue our 32-byte scalar
 * \param peerPublic the peer's x | y; must be a point on the curve
 * \param out receives 32 bytes
 * \return false on an invalid input or an OpenSSL failure
 */
bool
P256Shared(const std::vector<uint8_t>& privateValue,
           const std::vector<uint8_t>& peerPublic,
           std::vector<uint8_t>& out)
{
    EcGroupPtr group(EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1));
    BnCtxPtr ctx(BN_CTX_new());
    if (!group || !ctx)
    {
        return false;
    }
    BnPtr x = LoadP256Scalar(group.get(), privateValue);
    EcPointPtr peer(EC_POINT_new(group.get()));
    EcPointPtr result(EC_POINT_new(group.get()));
    BnPtr sharedX(BN_new());
    if (!x || !peer || !result || !sharedX)
    {
        return false;
    }
    std::vector<uint8_t> octets{0x04}; // SEC 1 §2.3.4 uncompressed form
    octets.insert(octets.end(), peerPublic.begin(), peerPublic.end());
    // oct2point refuses a point off the curve; check again, and refuse the point at infinity
    // (RFC 6989 §2.3: the cofactor of P-256 is 1, so no further subgroup test is needed).
    if (EC_POINT_oct2point(group.get(), peer.get(), octets.data(), octets.size(), ctx.get()) != 1 ||
        EC_POINT_is_on_curve(group.get(), peer.get(), ctx.get()) != 1 ||
        EC_POINT_is_at_infinity(group.get(), peer.get()))
    {
        NS_LOG_LOGIC("peer public value is not a point of P-256");
        return false;
    }
    if (EC_POINT_mul(group.get(), result.get(), nullptr, peer.get(), x.get(), ctx.get()) != 1 ||
        EC_POINT_is_at_infinity(group.get(), result.get()) ||
        EC_POINT_get_affine_coordinates(group.get(),
                                        result.get(),
                                        sharedX.get(),
                                        nullptr,
                                        ctx.get()) != 1)
    {
        return false;
    }
    out.resize(P256_LENGTH);
    return BN_bn2binpad(sharedX.get(), out.data(), P256_LENGTH) == static_cast<int>(P256_LENGTH);
}

/**
 * \param privateValue a 32-byte X25519 scalar
 * \return the key, or null on failure
 */
PkeyPtr
LoadX25519Private(const std::vector<uint8_t>& privateValue)
{
    if (privateValue.size() != X25519_LENGTH)
    {
        return nullptr;
    }
    return PkeyPtr(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519,
                                                nullptr,
                                                privateValue.data(),
                                                privateValue.size()));
}

/**
 * \brief Computes X25519(x, 9) (RFC 7748 §6.1).
 * \param privateValue the 32-byte scalar
 * \param out receives 32 bytes
 * \return false on failure
 */
bool
X25519Public(const std::vector<uint8_t>& privateValue, std::vector<uint8_t>& out)
{
    PkeyPtr key = LoadX25519Private(privateValue);
    size_t length = X25519_LENGTH;
    out.resize(X25519_LENGTH);
    return key && EVP_PKEY_get_raw_public_key(key.get(), out.data(), &length) == 1 &&
           length == X25519_LENGTH;
}

/**
 * \brief Computes X25519(x, Y) and refuses an all-zero result (RFC 8031 §2, RFC 7748 §6.1).
 * \param privateValue our 32-byte scalar
 * \param peerPublic the peer's 32-byte u-coordinate
 * \param out receives 32 bytes
 * \return false on failure or an all-zero secret
 */
bool
X25519Shared(const std::vector<uint8_t>& privateValue,
             const std::vector<uint8_t>& peerPublic,
             std::vector<uint8_t>& out)
{
    PkeyPtr key = LoadX25519Private(privateValue);
    PkeyPtr peer(EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519,
                                             nullptr,
                                             peerPublic.data(),
                                             peerPublic.size()));
    if (!key || !peer)
    {
        return false;
    }
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new(key.get(), nullptr));
    size_t length = X25519_LENGTH;
    out.resize(X25519_LENGTH);
    // OpenSSL fails the derivation itself when the result is all zero; the check below makes
    // the rule of RFC 8031 §2 explicit.
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 ||
        EVP_PKEY_derive_set_peer(ctx.get(), peer.get()) != 1 ||
        EVP_PKEY_derive(ctx.get(), out.data(), &length) != 1 || length != X25519_LENGTH)
    {
        NS_LOG_LOGIC("X25519 derivation failed");
        return false;
    }
    return std::any_of(out.begin(), out.end(), [](uint8_t b) { return b != 0; });
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
    case CryptoDhGroup::MODP_3072:
        return 384;
    case CryptoDhGroup::ECP_256:
        return 2 * P256_LENGTH;
    case CryptoDhGroup::CURVE25519:
        return X25519_LENGTH;
    }
    return 0;
}

uint32_t
CryptoDiffieHellman::GetSharedLength(CryptoDhGroup group)
{
    return IsModp(group) ? GetLength(group) : GetPrivateLength(group);
}

uint32_t
CryptoDiffieHellman::GetPrivateLength(CryptoDhGroup group)
{
    switch (group)
    {
    case CryptoDhGroup::ECP_256:
        return P256_LENGTH;
    case CryptoDhGroup::CURVE25519:
        return X25519_LENGTH;
    default:
        return GetLength(group);
    }
}

bool
CryptoDiffieHellman::IsModp(CryptoDhGroup group)
{
    return GetPrimeHex(group) != nullptr;
}

bool
CryptoDiffieHellman::IsSupported(uint16_t id)
{
    return id <= UINT8_MAX && GetLength(static_cast<CryptoDhGroup>(id)) != 0;
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
    bool ok = false;
    if (group == CryptoDhGroup::ECP_256)
    {
        ok = P256Public(privateValue, publicValue);
    }
    else if (group == CryptoDhGroup::CURVE25519)
    {
        ok = X25519Public(privateValue, publicValue);
    }
    else
    {
        BnPtr g(BN_new());
        ok = g && BN_set_word(g.get(), GENERATOR) != 0 &&
             ModExp(group, g.get(), privateValue, publicValue);
    }
    if (!ok)
    {
        publicValue.clear();
        return false;
    }
    CryptoWorkMeter::Record({CryptoOperation::Kind::DH_KEYGEN, static_cast<uint32_t>(group), 0});
    return true;
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
    bool ok = false;
    if (group == CryptoDhGroup::ECP_256)
    {
        ok = P256Shared(privateValue, peerPublic, shared);
    }
    else if (group == CryptoDhGroup::CURVE25519)
    {
        ok = X25519Shared(privateValue, peerPublic, shared);
    }
    else
    {
        ok = ModpShared(group, privateValue, peerPublic, shared);
    }
    if (!ok)
    {
        // A refused peer value cost a range or curve check, not the exponentiation or scalar
        // multiplication: nothing is recorded.
        std::fill(shared.begin(), shared.end(), 0);
        shared.clear();
        return false;
    }
    CryptoWorkMeter::Record({CryptoOperation::Kind::DH_SHARED, static_cast<uint32_t>(group), 0});
    return true;
}

std::vector<uint8_t>
CryptoDiffieHellman::MakePrivate(CryptoDhGroup group, CryptoRandom& rng)
{
    const uint32_t length = GetPrivateLength(group);
    if (length == 0)
    {
        return {};
    }
    if (group == CryptoDhGroup::CURVE25519)
    {
        return rng.GetBytes(length);
    }
    if (group == CryptoDhGroup::ECP_256)
    {
        EcGroupPtr curve(EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1));
        NS_ABORT_MSG_IF(!curve, "CryptoDiffieHellman: OpenSSL has no P-256");
        while (true) // rejection sampling: a draw is refused with probability ~2^-32
        {
            std::vector<uint8_t> x = rng.GetBytes(length);
            if (LoadP256Scalar(curve.get(), x))
            {
                return x;
            }
        }
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
