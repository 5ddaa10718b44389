/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_MAC_H
#define CRYPTO_MAC_H

#include <cstdint>
#include <vector>

struct evp_md_st; // OpenSSL's EVP_MD

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Hash functions known to the module.
 *
 * New values go at the end: security contexts carry the value of the enumeration.
 */
enum class CryptoHash : uint8_t
{
    MD5,
    SHA1,
    SHA2_256,
    SHA2_384, ///< SHA-384 (FIPS 180-4), for HMAC-SHA2-384-192 (RFC 4868), and the IKEv2 PRFs
    SHA2_512, ///< SHA-512 (FIPS 180-4), for HMAC-SHA2-512-256 (RFC 4868), and the IKEv2 PRFs
};

/**
 * \ingroup cxtp-ipsec
 * \brief HMAC (RFC 2104) and plain hashes through OpenSSL.
 *
 * Hmac() records a CryptoOperation HMAC (the hash, the message length) on the active
 * CryptoWorkMeter; Digest() records nothing.
 */
class CryptoMac
{
  public:
    /**
     * \param hash the hash function
     * \param key the HMAC key (any length)
     * \param data the message
     * \return the full-length HMAC
     */
    static std::vector<uint8_t> Hmac(CryptoHash hash,
                                     const std::vector<uint8_t>& key,
                                     const std::vector<uint8_t>& data);
    /**
     * \param hash the hash function
     * \param data the message
     * \return the digest
     */
    static std::vector<uint8_t> Digest(CryptoHash hash, const std::vector<uint8_t>& data);
    /// \return the output length of the hash in bytes
    static uint32_t GetLength(CryptoHash hash);
    /// \return OpenSSL's digest (EVP_MD) of the hash, for the module's other OpenSSL wrappers
    static const evp_md_st* GetEvpMd(CryptoHash hash);
    /**
     * \brief Compares two byte strings in time independent of where they differ.
     * \param a first string
     * \param b second string
     * \return true if equal in length and content
     */
    static bool ConstantTimeEqual(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b);
};

} // namespace ns3

#endif // CRYPTO_MAC_H
