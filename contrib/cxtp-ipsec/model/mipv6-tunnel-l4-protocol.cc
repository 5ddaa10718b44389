/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mipv6-tunnel-l4-protocol.h"

#include "ns3/abort.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-route.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Mipv6TunnelL4Protocol");

NS_OBJECT_ENSURE_REGISTERED(Mipv6TunnelL4Protocol);

TypeId
Mipv6TunnelL4Protocol::GetTypeId()
{
    static TypeId tid = TypeId("ns3::Mipv6TunnelL4Protocol")
                            .SetParent<IpL4Protocol>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<Mipv6TunnelL4Protocol>();
    return tid;
}

Mipv6TunnelL4Protocol::Mipv6TunnelL4Protocol()
{
}

Ptr<Mipv6TunnelL4Protocol>
Mipv6TunnelL4Protocol::GetOrCreate(Ptr<Node> node)
{
    NS_LOG_FUNCTION(node);
    Ptr<Ipv6L3Protocol> ipv6 = node->GetObject<Ipv6L3Protocol>();
    NS_ABORT_MSG_IF(!ipv6, "Mipv6TunnelL4Protocol: node " << node->GetId() << " has no IPv6");
    Ptr<Mipv6TunnelL4Protocol> tunnel =
        DynamicCast<Mipv6TunnelL4Protocol>(ipv6->GetProtocol(PROT_NUMBER));
    if (!tunnel)
    {
        NS_ABORT_MSG_IF(ipv6->GetProtocol(PROT_NUMBER),
                        "node " << node->GetId() << " already has a protocol-41 handler");
        tunnel = CreateObject<Mipv6TunnelL4Protocol>();
        tunnel->SetDownTarget6(MakeCallback(&Ipv6L3Protocol::Send, ipv6));
        ipv6->Insert(tunnel);
    }
    return tunnel;
}

void
Mipv6TunnelL4Protocol::SetReceiveCallback(ReceiveCallback cb)
{
    m_receive = cb;
}

int
Mipv6TunnelL4Protocol::GetProtocolNumber() const
{
    return PROT_NUMBER;
}

IpL4Protocol::RxStatus
Mipv6TunnelL4Protocol::Receive(Ptr<Packet>, const Ipv4Header&, Ptr<Ipv4Interface>)
{
    return IpL4Protocol::RX_ENDPOINT_UNREACH;
}

IpL4Protocol::RxStatus
Mipv6TunnelL4Protocol::Receive(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>)
{
    NS_LOG_FUNCTION(this << p << header.GetSource() << header.GetDestination());
    if (m_receive.IsNull())
    {
        NS_LOG_LOGIC("no tunnel handler: dropped");
        return IpL4Protocol::RX_ENDPOINT_UNREACH;
    }
    m_receive(p->Copy(), header);
    return IpL4Protocol::RX_OK;
}

void
Mipv6TunnelL4Protocol::SetDownTarget(IpL4Protocol::DownTargetCallback)
{
}

void
Mipv6TunnelL4Protocol::SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb)
{
    m_downTarget6 = cb;
}

IpL4Protocol::DownTargetCallback
Mipv6TunnelL4Protocol::GetDownTarget() const
{
    return IpL4Protocol::DownTargetCallback();
}

IpL4Protocol::DownTargetCallback6
Mipv6TunnelL4Protocol::GetDownTarget6() const
{
    return m_downTarget6;
}

void
Mipv6TunnelL4Protocol::DoDispose()
{
    m_receive.Nullify();
    m_downTarget6.Nullify();
    IpL4Protocol::DoDispose();
}

} // namespace ns3
