/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "radius-datagram-internal.h"

#include "ns3/inet6-socket-address.h"
#include "ns3/packet.h"
#include "ns3/socket.h"

namespace ns3
{

std::vector<RadiusDatagram>
RadiusDatagram::ReadAll(Ptr<Socket> socket)
{
    std::vector<RadiusDatagram> out;
    Ptr<Packet> packet;
    Address from;
    while ((packet = socket->RecvFrom(from)))
    {
        if (!Inet6SocketAddress::IsMatchingType(from))
        {
            continue;
        }
        const Inet6SocketAddress source = Inet6SocketAddress::ConvertFrom(from);
        RadiusDatagram d;
        d.address = source.GetIpv6();
        d.port = source.GetPort();
        d.bytes.resize(packet->GetSize());
        packet->CopyData(d.bytes.data(), d.bytes.size());
        d.code = static_cast<RadiusCode>(d.bytes.empty() ? 0 : d.bytes[0]);
        d.identifier = d.bytes.size() > 1 ? d.bytes[1] : 0;
        out.push_back(std::move(d));
    }
    return out;
}

} // namespace ns3
