/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "cxtp-transport.h"

#include "cxtp-icmpv6-header.h"

#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-raw-socket-factory.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/socket.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CxtpTransport");

void
CxtpTransport::Open(Ptr<Node> node,
                    uint16_t port,
                    bool icmp,
                    ReceiveCallback receive,
                    DropCallback drop)
{
    m_node = node;
    m_port = port;
    m_receive = receive;
    m_drop = drop;
    if (!m_udp)
    {
        m_udp = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
        NS_ABORT_MSG_IF(m_udp->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), port)) != 0,
                        "CxtpAgent: cannot bind UDP port " << port);
        m_udp->SetRecvCallback(MakeCallback(&CxtpTransport::HandleRead, this));
    }
    if (!m_raw && icmp)
    {
        m_raw = Socket::CreateSocket(node, Ipv6RawSocketFactory::GetTypeId());
        m_raw->SetAttribute("Protocol", UintegerValue(Icmpv6L4Protocol::PROT_NUMBER));
        m_raw->SetRecvCallback(MakeCallback(&CxtpTransport::HandleRawRead, this));
    }
}

void
CxtpTransport::Close()
{
    for (Ptr<Socket>* socket : {&m_udp, &m_raw})
    {
        if (*socket)
        {
            (*socket)->Close();
            (*socket)->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
            *socket = nullptr;
        }
    }
    m_node = nullptr;
    m_receive = ReceiveCallback();
    m_drop = DropCallback();
}

bool
CxtpTransport::IsOpen() const
{
    return m_udp != nullptr;
}

void
CxtpTransport::SendUdp(Ptr<Packet> packet, Ipv6Address to)
{
    m_udp->SendTo(packet, 0, Inet6SocketAddress(to, m_port));
}

void
CxtpTransport::SendIcmp(Ptr<Packet> packet, Ipv6Address source, Ipv6Address to)
{
    if (!m_raw)
    {
        NS_LOG_WARN("CxtpAgent: no ICMPv6 socket, message to " << to << " not sent");
        return;
    }
    // The source is fixed before the checksum is computed over the pseudo-header.
    m_raw->Bind(Inet6SocketAddress(source, 0));
    m_raw->SetIpv6HopLimit(CxtpIcmpv6Header::HOP_LIMIT);
    CxtpIcmpv6Header icmp;
    icmp.SetAddresses(source, to);
    packet->AddHeader(icmp);
    m_raw->SendTo(packet, 0, Inet6SocketAddress(to, 0));
}

bool
CxtpTransport::SpokeIcmp(Ipv6Address peer) const
{
    return m_icmpPeers.count(peer) > 0;
}

void
CxtpTransport::HandleRead(Ptr<Socket> socket)
{
    Ptr<Packet> packet;
    Address from;
    while ((packet = socket->RecvFrom(from)))
    {
        if (Inet6SocketAddress::IsMatchingType(from))
        {
            m_receive(packet, Inet6SocketAddress::ConvertFrom(from).GetIpv6());
        }
    }
}

void
CxtpTransport::HandleRawRead(Ptr<Socket> socket)
{
    Ptr<Packet> packet;
    Address from;
    Ptr<Ipv6L3Protocol> ipv6 = m_node->GetObject<Ipv6L3Protocol>();
    while ((packet = socket->RecvFrom(from)))
    {
        Ipv6Header ip;
        packet->RemoveHeader(ip);
        CxtpIcmpv6Header icmp;
        if (ip.GetNextHeader() != Icmpv6L4Protocol::PROT_NUMBER ||
            ipv6->GetInterfaceForAddress(ip.GetDestination()) < 0 ||
            packet->PeekHeader(icmp) != CxtpIcmpv6Header::SIZE || !icmp.IsCxtp())
        {
            continue; // not CXTP for us
        }
        if (ip.GetHopLimit() != CxtpIcmpv6Header::HOP_LIMIT)
        {
            m_drop("ICMPv6 CXTP with hop limit " + std::to_string(ip.GetHopLimit()) +
                   " (RFC 4067 §3: 255)");
            continue;
        }
        if (!CxtpIcmpv6Header::VerifyChecksum(packet, ip.GetSource(), ip.GetDestination()))
        {
            m_drop("bad ICMPv6 checksum");
            continue;
        }
        packet->RemoveHeader(icmp);
        m_icmpPeers.insert(ip.GetSource());
        m_receive(packet, ip.GetSource());
    }
}

} // namespace ns3
