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
 * \brief The MODP Diffie-Hellman groups known to the module, numbered as in the IKE "Group
 * Description" attribute (RFC 2409 Appendix A, RFC 3526).
 *
 * All four use the generator 2.
 */
enum class CryptoDhGroup : uint8_t
{
    MODP_768 = 1,   ///< First Oakley Default Group, RFC 2409 §6.1
    MODP_1024 = 2,  ///< Second Oakley Default Group, RFC 2409 §6.2
    MODP_1536 = 5,  ///< 1536-bit MODP Group, RFC 3526 §2
    MODP_2048 = 14, ///< 2048-bit MODP Group, RFC 3526 §3
};

/**
 * \ingroup cxtp-ipsec
 * \brief Modular-exponentiation Diffie-Hellman (g^x mod p) over the MODP groups of RFC 2409 §6
 * and RFC 3526 §2-3, computed with OpenSSL BIGNUM.
 *
 * Every value crosses this interface as a big-endian byte string. Public values and shared
 * secrets are left-padded with zeros to the length of the prime, which is the form the IKE Key
 * Exchange payload carries (RFC 2408 §3.7, RFC 2409 §5) and the form g^xy enters SKEYID.
 *
 * Each prime was written from the RFC text; the test suite checks that it is prime, that (p-1)/2
 * is prime, that its top and bottom 64 bits are ones (the form
 * 2^n - 2^(n-64) - 1 + 2^64 * ([2^(n-130) pi] + k)) and that it equals OpenSSL's built-in copy.
 */
class CryptoDiffieHellman
{
  public:
    /**
     * \param group the group
     * \return the length of the group's prime in bytes (96, 128, 192 or 256)
     */
    static uint32_t GetLength(CryptoDhGroup group);
    /**
     * \param id an IKE Group Description value (RFC 2409 Appendix A)
     * \return true if the group is one of CryptoDhGroup
     */
    static bool IsSupported(uint16_t id);
    /**
     * \param group the group
     * \return the prime p, big-endian, GetLength() bytes
     */
    static std::vector<uint8_t> GetPrime(CryptoDhGroup group);
    /**
     * \brief Computes the public value g^x mod p (RFC 2409 §5, §6).
     * \param group the group
     * \param privateValue the private exponent x, big-endian; must satisfy 0 < x < p-1
     * \param publicValue receives g^x mod p, left-padded to GetLength() bytes
     * \return false (and publicValue cleared) if x is out of range or OpenSSL fails
     */
    static bool ComputePublic(CryptoDhGroup group,
                              const std::vector<uint8_t>& privateValue,
                              std::vector<uint8_t>& publicValue);
    /**
     * \brief Computes the shared secret g^xy = y^x mod p (RFC 2409 §5).
     *
     * The peer's value is rejected unless it is exactly GetLength() bytes (the KE payload form)
     * and 1 < y < p-1: 0, 1 and p-1 would force the secret into {0, 1, p-1}.
     *
     * \param group the group
     * \param privateValue our private exponent x; must satisfy 0 < x < p-1
     * \param peerPublic the peer's public value y
     * \param shared receives y^x mod p, left-padded to GetLength() bytes
     * \return false (and shared cleared) if an input is invalid or OpenSSL fails
     */
    static bool ComputeShared(CryptoDhGroup group,
                              const std::vector<uint8_t>& privateValue,
                              const std::vector<uint8_t>& peerPublic,
                              std::vector<uint8_t>& shared);
    /**
     * \brief Draws a private value: GetLength() random bytes with the top bit cleared, never
     * zero, so that 0 < x < 2^(n-1) < p-1.
     * \param group the group
     * \param rng the reproducible source of the bytes
     * \return the private value, GetLength() bytes
     */
    static std::vector<uint8_t> MakePrivate(CryptoDhGroup group, CryptoRandom& rng);
};

} // namespace ns3

#endif // CRYPTO_DIFFIE_HELLMAN_H
