/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ike-interop-tap-device.h"

namespace ns3
{

namespace
{
constexpr size_t ETHERNET_HEADER = 14; ///< DIX: destination, source, EtherType
constexpr size_t IPV6_HEADER = 40;     ///< fixed header (RFC 8200 §3)
constexpr size_t IPV6_NEXT_HEADER = 6; ///< its Next Header field
constexpr size_t UDP_CHECKSUM = 6;     ///< the checksum's offset in the UDP header
constexpr uint16_t ETHERTYPE_IPV6 = 0x86dd;
constexpr uint8_t PROTO_UDP = 17;
} // namespace

NS_OBJECT_ENSURE_REGISTERED(IkeInteropTapDevice);

TypeId
IkeInteropTapDevice::GetTypeId()
{
    static TypeId tid = TypeId("ns3::IkeInteropTapDevice")
                            .SetParent<FdNetDevice>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<IkeInteropTapDevice>();
    return tid;
}

ssize_t
IkeInteropTapDevice::Write(uint8_t* buffer, size_t length)
{
    const size_t checksum = ETHERNET_HEADER + IPV6_HEADER + UDP_CHECKSUM;
    if (length >= checksum + 2 && ((buffer[12] << 8) | buffer[13]) == ETHERTYPE_IPV6 &&
        buffer[ETHERNET_HEADER + IPV6_NEXT_HEADER] == PROTO_UDP && buffer[checksum] == 0 &&
        buffer[checksum + 1] == 0)
    {
        buffer[checksum] = 0xff;
        buffer[checksum + 1] = 0xff;
        ++m_mended;
    }
    return FdNetDevice::Write(buffer, length);
}

uint64_t
IkeInteropTapDevice::GetChecksumsMended() const
{
    return m_mended;
}

} // namespace ns3
