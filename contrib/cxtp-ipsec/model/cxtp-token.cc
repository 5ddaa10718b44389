/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "cxtp-token.h"

#include "crypto-mac.h"

namespace ns3
{

std::vector<uint8_t>
CxtpToken::GetInput(const Ipv6Address& previousAddress,
                    uint32_t sequence,
                    const std::vector<CxtpContextBlock>& requested)
{
    std::vector<uint8_t> input(16);
    previousAddress.Serialize(input.data());
    input.push_back(static_cast<uint8_t>(sequence >> 24));
    input.push_back(static_cast<uint8_t>(sequence >> 16));
    input.push_back(static_cast<uint8_t>(sequence >> 8));
    input.push_back(static_cast<uint8_t>(sequence));
    for (const CxtpContextBlock& block : requested)
    {
        const std::vector<uint8_t> bytes = block.EncodeRequest();
        input.insert(input.end(), bytes.begin(), bytes.end());
    }
    return input;
}

uint32_t
CxtpToken::Compute(const std::vector<uint8_t>& key,
                   const Ipv6Address& previousAddress,
                   uint32_t sequence,
                   const std::vector<CxtpContextBlock>& requested)
{
    const std::vector<uint8_t> mac =
        CryptoMac::Hmac(CryptoHash::SHA1, key, GetInput(previousAddress, sequence, requested));
    return static_cast<uint32_t>(mac[0]) << 24 | static_cast<uint32_t>(mac[1]) << 16 |
           static_cast<uint32_t>(mac[2]) << 8 | mac[3];
}

bool
CxtpToken::Verify(uint32_t token,
                  const std::vector<uint8_t>& key,
                  const Ipv6Address& previousAddress,
                  uint32_t sequence,
                  const std::vector<CxtpContextBlock>& requested)
{
    const uint32_t expected = Compute(key, previousAddress, sequence, requested);
    const std::vector<uint8_t> a{static_cast<uint8_t>(token >> 24),
                                 static_cast<uint8_t>(token >> 16),
                                 static_cast<uint8_t>(token >> 8),
                                 static_cast<uint8_t>(token)};
    const std::vector<uint8_t> b{static_cast<uint8_t>(expected >> 24),
                                 static_cast<uint8_t>(expected >> 16),
                                 static_cast<uint8_t>(expected >> 8),
                                 static_cast<uint8_t>(expected)};
    return CryptoMac::ConstantTimeEqual(a, b);
}

} // namespace ns3
