/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-nat-detection.h"

#include "crypto-mac.h"

namespace ns3
{

namespace
{

/**
 * \param spiI SPIi
 * \param spiR SPIr
 * \param address the address octets
 * \param port the port
 * \return SHA-1(SPIi | SPIr | address | port)
 */
std::vector<uint8_t>
HashOctets(uint64_t spiI, uint64_t spiR, const std::vector<uint8_t>& address, uint16_t port)
{
    std::vector<uint8_t> data;
    for (uint64_t spi : {spiI, spiR})
    {
        for (int shift = 56; shift >= 0; shift -= 8)
        {
            data.push_back(static_cast<uint8_t>(spi >> shift));
        }
    }
    data.insert(data.end(), address.begin(), address.end());
    data.push_back(static_cast<uint8_t>(port >> 8));
    data.push_back(static_cast<uint8_t>(port & 0xff));
    return CryptoMac::Digest(CryptoHash::SHA1, data);
}

} // namespace

std::vector<uint8_t>
Ikev2NatDetection::Hash(uint64_t spiI, uint64_t spiR, const Ipv6Address& address, uint16_t port)
{
    std::vector<uint8_t> octets(16);
    address.GetBytes(octets.data());
    return HashOctets(spiI, spiR, octets, port);
}

std::vector<uint8_t>
Ikev2NatDetection::Hash(uint64_t spiI, uint64_t spiR, const Ipv4Address& address, uint16_t port)
{
    std::vector<uint8_t> octets(4);
    address.Serialize(octets.data());
    return HashOctets(spiI, spiR, octets, port);
}

bool
Ikev2NatDetection::Matches(const std::vector<uint8_t>& received,
                           const std::vector<uint8_t>& expected)
{
    return expected.size() == HASH_LENGTH && CryptoMac::ConstantTimeEqual(received, expected);
}

} // namespace ns3
