/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_COOKIE_GENERATOR_H
#define IKEV2_COOKIE_GENERATOR_H

#include "ns3/ipv6-address.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Stateless COOKIE values of a responder under load (RFC 7296 §2.6):
 * Cookie = <VersionIDofSecret> | Hash(Ni | IPi | SPIi | <secret>).
 *
 * The version is 4 octets in network byte order and the hash SHA-256, so a cookie has 36
 * octets (the notification allows 1 to 64). Rotate() replaces the secret and increments the
 * version; cookies made with the secret just replaced are still accepted, so that an initiator
 * that received a cookie just before a rotation is not refused (§2.6). The responder draws
 * its secrets, for instance from CryptoRandom.
 */
class Ikev2CookieGenerator
{
  public:
    /// The length of the version prefix.
    static constexpr uint32_t VERSION_LENGTH = 4;
    /// The length of a cookie: the version and SHA-256.
    static constexpr uint32_t COOKIE_LENGTH = VERSION_LENGTH + 32;

    /**
     * \param secret the first secret (version 0); should be at least 16 random octets
     */
    explicit Ikev2CookieGenerator(const std::vector<uint8_t>& secret);

    /**
     * \brief Starts a new secret; the previous one stays acceptable until the next rotation.
     * \param secret the new secret
     */
    void Rotate(const std::vector<uint8_t>& secret);
    /// \return the version of the current secret (0, then one more per rotation)
    uint32_t GetVersion() const;

    /**
     * \param ni the initiator's nonce data of the IKE_SA_INIT request
     * \param initiatorAddress the request's source address
     * \param spiI the request's initiator SPI
     * \return the cookie, made with the current secret
     */
    std::vector<uint8_t> Compute(const std::vector<uint8_t>& ni,
                                 const Ipv6Address& initiatorAddress,
                                 uint64_t spiI) const;
    /**
     * \brief Checks the COOKIE notification data of a repeated IKE_SA_INIT request.
     * \param cookie the notification data
     * \param ni the request's nonce data
     * \param initiatorAddress the request's source address
     * \param spiI the request's initiator SPI
     * \return true if made with the current or the previous secret for these inputs
     */
    bool Verify(const std::vector<uint8_t>& cookie,
                const std::vector<uint8_t>& ni,
                const Ipv6Address& initiatorAddress,
                uint64_t spiI) const;

  private:
    /**
     * \param version the secret's version
     * \param secret the secret
     * \param ni Ni
     * \param initiatorAddress IPi
     * \param spiI SPIi
     * \return version | SHA-256(Ni | IPi | SPIi | secret)
     */
    static std::vector<uint8_t> Make(uint32_t version,
                                     const std::vector<uint8_t>& secret,
                                     const std::vector<uint8_t>& ni,
                                     const Ipv6Address& initiatorAddress,
                                     uint64_t spiI);

    uint32_t m_version;                    ///< version of m_secret
    std::vector<uint8_t> m_secret;         ///< the current secret
    std::vector<uint8_t> m_previousSecret; ///< the secret before the last rotation
    bool m_hasPrevious;                    ///< a rotation has happened
};

} // namespace ns3

#endif // IKEV2_COOKIE_GENERATOR_H
