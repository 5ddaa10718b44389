/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-routing-protocol.h"

#include "ipsec-bypass-tag.h"
#include "ipsec-esp-l4-protocol.h"
#include "ipsec-spd.h"

#include "ns3/ipv6-list-routing.h"
#include "ns3/ipv6-route.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/virtual-net-device.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IpsecRoutingProtocol");
NS_OBJECT_ENSURE_REGISTERED(IpsecRoutingProtocol);

TypeId
IpsecRoutingProtocol::GetTypeId()
{
    static TypeId tid = TypeId("ns3::IpsecRoutingProtocol")
                            .SetParent<Ipv6RoutingProtocol>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<IpsecRoutingProtocol>();
    return tid;
}

IpsecRoutingProtocol::IpsecRoutingProtocol()
{
    NS_LOG_FUNCTION(this);
}

IpsecRoutingProtocol::~IpsecRoutingProtocol()
{
    NS_LOG_FUNCTION(this);
}

void
IpsecRoutingProtocol::DoDispose()
{
    m_ipv6 = nullptr;
    m_spd = nullptr;
    m_esp = nullptr;
    Ipv6RoutingProtocol::DoDispose();
}

void
IpsecRoutingProtocol::SetIpv6(Ptr<Ipv6> ipv6)
{
    m_ipv6 = ipv6;
}

bool
IpsecRoutingProtocol::Bind()
{
    if (m_spd && m_esp)
    {
        return m_esp->GetTunnelDevice() != nullptr;
    }
    if (!m_ipv6)
    {
        return false;
    }
    m_spd = m_ipv6->GetObject<IpsecSpd>();
    m_esp = m_ipv6->GetObject<IpsecEspL4Protocol>();
    return m_spd && m_esp && m_esp->GetTunnelDevice();
}

Ptr<Ipv6Route>
IpsecRoutingProtocol::TunnelRoute(const Ipv6Address& source, const Ipv6Address& destination) const
{
    Ptr<Ipv6Route> route = Create<Ipv6Route>();
    route->SetDestination(destination);
    route->SetSource(source);
    route->SetGateway(Ipv6Address::GetZero());
    route->SetOutputDevice(m_esp->GetTunnelDevice());
    return route;
}

Ptr<Ipv6Route>
IpsecRoutingProtocol::LowerRouteOutput(Ptr<Packet> p,
                                       const Ipv6Header& header,
                                       Ptr<NetDevice> oif,
                                       Socket::SocketErrno& sockerr)
{
    Ptr<Ipv6ListRouting> list = DynamicCast<Ipv6ListRouting>(m_ipv6->GetRoutingProtocol());
    if (!list)
    {
        return nullptr;
    }
    for (uint32_t i = 0; i < list->GetNRoutingProtocols(); i++)
    {
        int16_t priority;
        Ptr<Ipv6RoutingProtocol> proto = list->GetRoutingProtocol(i, priority);
        if (proto == this)
        {
            continue;
        }
        Ptr<Ipv6Route> route = proto->RouteOutput(p, header, oif, sockerr);
        if (route)
        {
            return route;
        }
    }
    return nullptr;
}

Ptr<Ipv6Route>
IpsecRoutingProtocol::RouteOutput(Ptr<Packet> p,
                                  const Ipv6Header& header,
                                  Ptr<NetDevice> oif,
                                  Socket::SocketErrno& sockerr)
{
    const Ipv6Address& dst = header.GetDestination();
    if (!Bind() || header.GetNextHeader() == IpsecEspL4Protocol::PROT_NUMBER || dst.IsMulticast() ||
        dst.IsLinkLocal() || dst.IsLocalhost())
    {
        return nullptr;
    }
    IpsecBypassTag tag;
    if (p && p->PeekPacketTag(tag))
    {
        return nullptr;
    }
    IpsecPacketFields fields;
    fields.local = header.GetSource();
    fields.remote = dst;
    fields.nextHeader = header.GetNextHeader();
    fields.portsKnown = false;
    Ptr<Ipv6Route> lower;
    if (fields.local.IsAny())
    {
        lower = LowerRouteOutput(p, header, oif, sockerr);
        if (lower)
        {
            fields.local = lower->GetSource();
        }
    }
    if (!m_spd->MayApply(IpsecDirection::OUTBOUND, fields))
    {
        return nullptr;
    }
    NS_LOG_LOGIC("steering " << fields.local << " -> " << dst << " into the IPsec interface");
    return TunnelRoute(fields.local, dst);
}

bool
IpsecRoutingProtocol::RouteInput(Ptr<const Packet> p,
                                 const Ipv6Header& header,
                                 Ptr<const NetDevice> idev,
                                 UnicastForwardCallback ucb,
                                 MulticastForwardCallback /* mcb */,
                                 LocalDeliverCallback /* lcb */,
                                 ErrorCallback /* ecb */)
{
    const Ipv6Address& dst = header.GetDestination();
    if (!Bind() || dst.IsMulticast() || dst.IsLinkLocal() ||
        header.GetNextHeader() == IpsecEspL4Protocol::PROT_NUMBER)
    {
        return false;
    }
    if (m_ipv6->GetInterfaceForAddress(dst) >= 0)
    {
        return false; // local delivery is not routing's business
    }
    bool fromTunnel = idev == m_esp->GetTunnelDevice();
    if (!fromTunnel)
    {
        IpsecPacketFields in;
        if (!IpsecPacketFields::FromHeader(header, p, false, in))
        {
            m_esp->NotifyDrop(p, IpsecDropReason::MALFORMED);
            return true;
        }
        const IpsecPolicy* rule = m_spd->Lookup(IpsecDirection::INBOUND, in);
        if (rule && rule->action != IpsecPolicyAction::BYPASS)
        {
            NS_LOG_LOGIC("clear packet " << header.GetSource() << " -> " << dst
                                         << " violates inbound rule " << rule->ToString());
            m_esp->NotifyDrop(p, IpsecDropReason::POLICY_DISCARD);
            return true;
        }
    }
    IpsecPacketFields out;
    if (!IpsecPacketFields::FromHeader(header, p, true, out))
    {
        m_esp->NotifyDrop(p, IpsecDropReason::MALFORMED);
        return true;
    }
    const IpsecPolicy* rule = m_spd->Lookup(IpsecDirection::OUTBOUND, out);
    if (!rule || rule->action == IpsecPolicyAction::BYPASS)
    {
        return false;
    }
    NS_LOG_LOGIC("forwarding " << header.GetSource() << " -> " << dst
                               << " into the IPsec interface");
    ucb(idev, TunnelRoute(header.GetSource(), dst), p, header);
    return true;
}

void
IpsecRoutingProtocol::NotifyInterfaceUp(uint32_t)
{
}

void
IpsecRoutingProtocol::NotifyInterfaceDown(uint32_t)
{
}

void
IpsecRoutingProtocol::NotifyAddAddress(uint32_t, Ipv6InterfaceAddress)
{
}

void
IpsecRoutingProtocol::NotifyRemoveAddress(uint32_t, Ipv6InterfaceAddress)
{
}

void
IpsecRoutingProtocol::NotifyAddRoute(Ipv6Address, Ipv6Prefix, Ipv6Address, uint32_t, Ipv6Address)
{
}

void
IpsecRoutingProtocol::NotifyRemoveRoute(Ipv6Address, Ipv6Prefix, Ipv6Address, uint32_t, Ipv6Address)
{
}

void
IpsecRoutingProtocol::PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit) const
{
    *stream->GetStream() << "IpsecRoutingProtocol: steers SPD-covered traffic into the IPsec "
                            "tunnel interface\n";
}

} // namespace ns3
