/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "cxtp-token.h"

#include "crypto-mac.h"
#include "wire-reader.h"
#include "wire-writer.h"

namespace ns3
{

std::vector<uint8_t>
CxtpToken::GetInput(const Ipv6Address& previousAddress,
                    uint32_t sequence,
                    const std::vector<CxtpContextBlock>& requested)
{
    std::vector<uint8_t> input;
    WireWriter w(input);
    w.Ipv6(previousAddress);
    w.U32(sequence);
    for (const CxtpContextBlock& block : requested)
    {
        w.Raw(block.EncodeRequest());
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
    return WireReadU32(mac.data());
}

bool
CxtpToken::Verify(uint32_t token,
                  const std::vector<uint8_t>& key,
                  const Ipv6Address& previousAddress,
                  uint32_t sequence,
                  const std::vector<CxtpContextBlock>& requested)
{
    const uint32_t expected = Compute(key, previousAddress, sequence, requested);
    return CryptoMac::ConstantTimeEqual(WireBytesU32(token), WireBytesU32(expected));
}

} // namespace ns3
