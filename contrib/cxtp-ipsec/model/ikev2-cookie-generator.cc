/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-cookie-generator.h"

#include "crypto-mac.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ikev2CookieGenerator");

Ikev2CookieGenerator::Ikev2CookieGenerator(const std::vector<uint8_t>& secret)
    : m_version(0),
      m_secret(secret),
      m_hasPrevious(false)
{
}

void
Ikev2CookieGenerator::Rotate(const std::vector<uint8_t>& secret)
{
    NS_LOG_FUNCTION(this << m_version + 1);
    m_previousSecret = m_secret;
    m_secret = secret;
    m_hasPrevious = true;
    ++m_version;
}

uint32_t
Ikev2CookieGenerator::GetVersion() const
{
    return m_version;
}

std::vector<uint8_t>
Ikev2CookieGenerator::Make(uint32_t version,
                           const std::vector<uint8_t>& secret,
                           const std::vector<uint8_t>& ni,
                           const Ipv6Address& initiatorAddress,
                           uint64_t spiI)
{
    std::vector<uint8_t> data = ni;
    uint8_t address[16];
    initiatorAddress.GetBytes(address);
    data.insert(data.end(), address, address + sizeof(address));
    for (int shift = 56; shift >= 0; shift -= 8)
    {
        data.push_back(static_cast<uint8_t>(spiI >> shift));
    }
    data.insert(data.end(), secret.begin(), secret.end());
    std::vector<uint8_t> cookie;
    for (int shift = 24; shift >= 0; shift -= 8)
    {
        cookie.push_back(static_cast<uint8_t>(version >> shift));
    }
    const std::vector<uint8_t> hash = CryptoMac::Digest(CryptoHash::SHA2_256, data);
    cookie.insert(cookie.end(), hash.begin(), hash.end());
    return cookie;
}

std::vector<uint8_t>
Ikev2CookieGenerator::Compute(const std::vector<uint8_t>& ni,
                              const Ipv6Address& initiatorAddress,
                              uint64_t spiI) const
{
    return Make(m_version, m_secret, ni, initiatorAddress, spiI);
}

bool
Ikev2CookieGenerator::Verify(const std::vector<uint8_t>& cookie,
                             const std::vector<uint8_t>& ni,
                             const Ipv6Address& initiatorAddress,
                             uint64_t spiI) const
{
    if (cookie.size() != COOKIE_LENGTH)
    {
        return false;
    }
    const uint32_t version = (static_cast<uint32_t>(cookie[0]) << 24) |
                             (static_cast<uint32_t>(cookie[1]) << 16) |
                             (static_cast<uint32_t>(cookie[2]) << 8) | cookie[3];
    if (version == m_version)
    {
        return CryptoMac::ConstantTimeEqual(cookie,
                                            Make(m_version, m_secret, ni, initiatorAddress, spiI));
    }
    if (m_hasPrevious && version == m_version - 1)
    {
        return CryptoMac::ConstantTimeEqual(
            cookie,
            Make(version, m_previousSecret, ni, initiatorAddress, spiI));
    }
    NS_LOG_LOGIC("cookie of an expired secret version " << version);
    return false;
}

} // namespace ns3
