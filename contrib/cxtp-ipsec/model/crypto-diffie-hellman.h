/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_DIFFIE_HELLMAN_H
#define CRYPTO_DIFFIE_HELLMAN_H

#include <cstdint>
#include <vector>

namespace ns3
{

class CryptoRandom;

/**
 * \ingroup cxtp-ipsec
 * \brief The Diffie-Hellman groups known to the module, numbered as in the IKEv1 "Group
 * Description" attribute (RFC 2409 Appendix A) and the IKEv2 Transform Type 4 IDs (RFC 7296
 * §3.3.2), which share one IANA registry.
 *
 * The MODP groups use the generator 2. IKEv1 (Ikev1Doi::IsSupportedGroup) accepts only
 * groups 1, 2, 5 and 14.
 */
enum class CryptoDhGroup : uint8_t
{
    MODP_768 = 1,    ///< First Oakley Default Group, RFC 2409 §6.1
    MODP_1024 = 2,   ///< Second Oakley Default Group, RFC 2409 §6.2
    MODP_1536 = 5,   ///< 1536-bit MODP Group, RFC 3526 §2
    MODP_2048 = 14,  ///< 2048-bit MODP Group, RFC 3526 §3
    MODP_3072 = 15,  ///< 3072-bit MODP Group, RFC 3526 §4
    ECP_256 = 19,    ///< 256-bit random ECP group (NIST P-256), RFC 5903 §3.1
    CURVE25519 = 31, ///< Curve25519 (X25519 of RFC 7748 §5), RFC 8031
};

/**
 * \ingroup cxtp-ipsec
 * \brief Diffie-Hellman over the MODP groups of RFC 2409 §6 and RFC 3526 §2-4 (g^x mod p with
 * OpenSSL BIGNUM), the ECP group of RFC 5903 (OpenSSL EC_POINT arithmetic) and Curve25519 of
 * RFC 8031 (OpenSSL's X25519 through EVP).
 *
 * Every value crosses this interface as a byte string in the form the Key Exchange payload
 * carries (RFC 7296 §3.4, RFC 2408 §3.7):
 * - MODP: public values and shared secrets big-endian, left-padded with zeros to the length of
 *   the prime; the private value is a big-endian exponent.
 * - ECP-256: the public value is x | y, 32 octets each, big-endian (RFC 5903 §7); the shared
 *   secret is the x coordinate of the shared point, 32 octets (RFC 5903 §7); the private value
 *   is a 32-octet big-endian scalar in [1, n-1].
 * - Curve25519: public values and the shared secret are the 32-octet little-endian
 *   u-coordinates of RFC 7748 §5, used as they are (RFC 8031 §2); the private value is the
 *   32-octet scalar before clamping.
 *
 * Private values are drawn by MakePrivate() from the module's reproducible CryptoRandom, so a
 * run gives the same keys for the same seed and run, whatever the group.
 *
 * ComputePublic() and ComputeShared() record a CryptoOperation DH_KEYGEN or DH_SHARED (the
 * group) on the active CryptoWorkMeter when they succeed; MakePrivate() records nothing.
 *
 * Each MODP prime was written from the RFC text; the test suite checks that it is prime, that
 * (p-1)/2 is prime, that its top and bottom 64 bits are ones (the form
 * 2^n - 2^(n-64) - 1 + 2^64 * ([2^(n-130) pi] + k)) and that it equals OpenSSL's built-in copy.
 */
class CryptoDiffieHellman
{
  public:
    /**
     * \brief The length of a public value, as the Key Exchange payload carries it.
     * \param group the group
     * \return the length of the prime for MODP groups (96, 128, 192, 256 or 384 bytes), 64 for
     *         ECP-256 (x | y, RFC 5903 §7), 32 for Curve25519 (RFC 8031 §2); 0 if unknown
     */
    static uint32_t GetLength(CryptoDhGroup group);
    /**
     * \param group the group
     * \return the length of the shared secret g^ir in bytes: the prime length for MODP groups,
     *         32 for ECP-256 (the x coordinate) and Curve25519; 0 if unknown
     */
    static uint32_t GetSharedLength(CryptoDhGroup group);
    /**
     * \param group the group
     * \return the length of a private value from MakePrivate(): the prime length for MODP
     *         groups, 32 for ECP-256 and Curve25519; 0 if unknown
     */
    static uint32_t GetPrivateLength(CryptoDhGroup group);
    /**
     * \param group the group
     * \return true for the MODP groups (g^x mod p), false for the elliptic-curve groups
     */
    static bool IsModp(CryptoDhGroup group);
    /**
     * \param id an IKE Group Description value (RFC 2409 Appendix A) or IKEv2 Transform Type 4
     *        ID (RFC 7296 §3.3.2)
     * \return true if the group is one of CryptoDhGroup
     */
    static bool IsSupported(uint16_t id);
    /**
     * \param group a MODP group
     * \return the prime p, big-endian, GetLength() bytes; empty for the elliptic-curve groups
     */
    static std::vector<uint8_t> GetPrime(CryptoDhGroup group);
    /**
     * \brief Computes the public value: g^x mod p (RFC 2409 §5, §6), x * G as x | y (RFC 5903
     * §7) or X25519(x, 9) (RFC 7748 §6.1, RFC 8031 §2).
     * \param group the group
     * \param privateValue the private value: for MODP an exponent with 0 < x < p-1, any length;
     *        for ECP-256 exactly 32 bytes with 1 <= x <= n-1; for Curve25519 exactly 32 bytes
     * \param publicValue receives the public value, GetLength() bytes
     * \return false (and publicValue cleared) if x is out of range or OpenSSL fails
     */
    static bool ComputePublic(CryptoDhGroup group,
                              const std::vector<uint8_t>& privateValue,
                              std::vector<uint8_t>& publicValue);
    /**
     * \brief Computes the shared secret g^ir (RFC 2409 §5, RFC 7296 §2.14).
     *
     * The peer's value is rejected unless it is exactly GetLength() bytes (the KE payload form)
     * and valid for the group (RFC 6989 §2): for MODP 1 < y < p-1, since 0, 1 and p-1 would force
     * the secret into {0, 1, p-1}; for ECP-256 a point on the curve (RFC 5903 §7; the cofactor
     * is 1); for Curve25519 any 32 bytes, but an all-zero result is refused (RFC 8031 §2).
     *
     * \param group the group
     * \param privateValue our private value (as for ComputePublic)
     * \param peerPublic the peer's public value
     * \param shared receives the shared secret, GetSharedLength() bytes: y^x mod p left-padded
     *        to the prime length, the x coordinate of x * Y (RFC 5903 §7), or X25519(x, Y)
     * \return false (and shared cleared) if an input is invalid or OpenSSL fails
     */
    static bool ComputeShared(CryptoDhGroup group,
                              const std::vector<uint8_t>& privateValue,
                              const std::vector<uint8_t>& peerPublic,
                              std::vector<uint8_t>& shared);
    /**
     * \brief Draws a private value from the reproducible source.
     *
     * MODP: GetLength() random bytes with the top bit cleared, never zero, so that
     * 0 < x < 2^(n-1) < p-1. ECP-256: 32 random bytes, drawn again until 1 <= x <= n-1.
     * Curve25519: 32 random bytes (X25519 clamps them, RFC 7748 §5).
     *
     * \param group the group
     * \param rng the reproducible source of the bytes
     * \return the private value, GetPrivateLength() bytes
     */
    static std::vector<uint8_t> MakePrivate(CryptoDhGroup group, CryptoRandom& rng);
};

} // namespace ns3

#endif // CRYPTO_DIFFIE_HELLMAN_H
