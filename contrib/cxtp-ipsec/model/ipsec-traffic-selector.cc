/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-traffic-selector.h"

#include "wire-reader.h"

#include "ns3/ipv6-header.h"
#include "ns3/packet.h"

#include <sstream>
#include <vector>

namespace ns3
{

namespace
{
constexpr uint8_t PROTO_TCP = 6;
constexpr uint8_t PROTO_UDP = 17;
constexpr uint8_t PROTO_ICMPV6 = 58;
constexpr uint8_t PROTO_MH = 135;
} // namespace

bool
IpsecPacketFields::FromPacket(Ptr<const Packet> packet, bool outbound, IpsecPacketFields& fields)
{
    if (packet->GetSize() < 40)
    {
        return false;
    }
    Ipv6Header ip;
    packet->PeekHeader(ip);
    if (ip.GetPayloadLength() != packet->GetSize() - 40)
    {
        return false;
    }
    return FromHeader(ip, packet->CreateFragment(40, packet->GetSize() - 40), outbound, fields);
}

bool
IpsecPacketFields::FromHeader(const Ipv6Header& ip,
                              Ptr<const Packet> payload,
                              bool outbound,
                              IpsecPacketFields& fields)
{
    fields.local = outbound ? ip.GetSource() : ip.GetDestination();
    fields.remote = outbound ? ip.GetDestination() : ip.GetSource();
    fields.nextHeader = ip.GetNextHeader();
    fields.portsKnown = false;
    fields.localPort = 0;
    fields.remotePort = 0;
    // Walk the extension headers that may precede the upper layer (RFC 8200 §4): hop-by-hop
    // (0), routing (43) and destination options (60), e.g. the Home Address option of a BU.
    uint32_t offset = 0;
    while (fields.nextHeader == 0 || fields.nextHeader == 43 || fields.nextHeader == 60)
    {
        if (payload->GetSize() < offset + 2)
        {
            return false;
        }
        uint8_t ext[2];
        payload->CreateFragment(offset, 2)->CopyData(ext, 2);
        fields.nextHeader = ext[0];
        offset += (ext[1] + 1) * 8;
    }
    if (payload->GetSize() < offset)
    {
        return false;
    }
    uint32_t l4Size = payload->GetSize() - offset;
    std::vector<uint8_t> l4(l4Size < 4 ? l4Size : 4);
    if (!l4.empty())
    {
        payload->CreateFragment(offset, l4.size())->CopyData(l4.data(), l4.size());
    }
    switch (fields.nextHeader)
    {
    case PROTO_TCP:
    case PROTO_UDP: {
        if (l4.size() < 4)
        {
            return false;
        }
        uint16_t src = WireReadU16(l4.data());
        uint16_t dst = WireReadU16(l4.data() + 2);
        fields.localPort = outbound ? src : dst;
        fields.remotePort = outbound ? dst : src;
        fields.portsKnown = true;
        break;
    }
    case PROTO_ICMPV6:
        if (l4.size() < 2)
        {
            return false;
        }
        fields.localPort = WireReadU16(l4.data());
        fields.portsKnown = true;
        break;
    case PROTO_MH:
        if (l4.size() < 3)
        {
            return false;
        }
        fields.localPort = l4[2] << 8;
        fields.portsKnown = true;
        break;
    default:
        fields.portsKnown = true; // no ports: the port fields are 0 for everyone
        break;
    }
    return true;
}

bool
IpsecTrafficSelector::Matches(const IpsecPacketFields& fields) const
{
    if (!localPrefix.IsMatch(localAddress, fields.local) ||
        !remotePrefix.IsMatch(remoteAddress, fields.remote))
    {
        return false;
    }
    if (nextHeader != ANY_PROTOCOL && nextHeader != fields.nextHeader)
    {
        return false;
    }
    if (!fields.portsKnown)
    {
        return true;
    }
    return fields.localPort >= localPortMin && fields.localPort <= localPortMax &&
           fields.remotePort >= remotePortMin && fields.remotePort <= remotePortMax;
}

bool
IpsecTrafficSelector::HasPorts() const
{
    return localPortMin != 0 || localPortMax != 0xffff || remotePortMin != 0 ||
           remotePortMax != 0xffff;
}

std::string
IpsecTrafficSelector::Validate() const
{
    if (localPortMin > localPortMax || remotePortMin > remotePortMax)
    {
        return "traffic selector " + ToString() + ": port range with min > max";
    }
    return "";
}

std::string
IpsecTrafficSelector::ToString() const
{
    auto range = [](uint16_t lo, uint16_t hi) {
        if (lo == 0 && hi == 0xffff)
        {
            return std::string("any");
        }
        if (lo == hi)
        {
            return std::to_string(lo);
        }
        return std::to_string(lo) + "-" + std::to_string(hi);
    };
    std::ostringstream os;
    os << localAddress << "/" << +localPrefix.GetPrefixLength() << " -> " << remoteAddress << "/"
       << +remotePrefix.GetPrefixLength() << " proto "
       << (nextHeader == ANY_PROTOCOL ? std::string("any") : std::to_string(nextHeader))
       << " ports " << range(localPortMin, localPortMax) << "/"
       << range(remotePortMin, remotePortMax);
    return os.str();
}

IpsecTrafficSelector
IpsecTrafficSelector::ForProtocol(uint8_t nextHeader, uint16_t port)
{
    IpsecTrafficSelector ts;
    ts.nextHeader = nextHeader;
    if (port != 0)
    {
        ts.remotePortMin = port;
        ts.remotePortMax = port;
    }
    return ts;
}

} // namespace ns3
