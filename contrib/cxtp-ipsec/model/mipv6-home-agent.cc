/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mipv6-home-agent.h"

#include "mipv6-l4-protocol.h"
#include "mipv6-tunnel-l4-protocol.h"

#include "ns3/abort.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-route.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"
#include "ns3/virtual-net-device.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Mipv6HomeAgent");

NS_OBJECT_ENSURE_REGISTERED(Mipv6HomeAgent);

TypeId
Mipv6HomeAgent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Mipv6HomeAgent")
            .SetParent<Object>()
            .SetGroupName("CxtpIpsec")
            .AddConstructor<Mipv6HomeAgent>()
            .AddAttribute("MaxBindingLifetime",
                          "Longest lifetime granted to a home registration (RFC 6275 §10.3.1).",
                          TimeValue(Seconds(3600)),
                          MakeTimeAccessor(&Mipv6HomeAgent::m_maxLifetime),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("TunnelMtu",
                          "MTU of the tunnel device (1500 - 40 bytes of outer header).",
                          UintegerValue(1460),
                          MakeUintegerAccessor(&Mipv6HomeAgent::m_tunnelMtu),
                          MakeUintegerChecker<uint16_t>(1280, 65535))
            .AddTraceSource("BindingUpdate",
                            "A Binding Update was processed (RFC 6275 §10.3.1).",
                            MakeTraceSourceAccessor(&Mipv6HomeAgent::m_buTrace),
                            "ns3::Mipv6HomeAgent::BindingUpdateTracedCallback")
            .AddTraceSource("BindingCache",
                            "A binding cache entry was created, updated, refreshed or removed.",
                            MakeTraceSourceAccessor(&Mipv6HomeAgent::m_cacheTrace),
                            "ns3::Mipv6HomeAgent::BindingCacheTracedCallback");
    return tid;
}

std::string
Mipv6HomeAgent::ToString(BindingChange change)
{
    switch (change)
    {
    case BindingChange::CREATED:
        return "created";
    case BindingChange::UPDATED:
        return "updated";
    case BindingChange::REFRESHED:
        return "refreshed";
    case BindingChange::DELETED:
        return "deleted";
    case BindingChange::EXPIRED:
        return "expired";
    }
    return "unknown";
}

Mipv6HomeAgent::Mipv6HomeAgent()
{
    NS_LOG_FUNCTION(this);
}

Mipv6HomeAgent::~Mipv6HomeAgent()
{
    NS_LOG_FUNCTION(this);
}

void
Mipv6HomeAgent::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (auto& [hoa, entry] : m_cache)
    {
        entry.expiry.Cancel();
    }
    m_cache.clear();
    m_node = nullptr;
    m_ipv6 = nullptr;
    m_mh = nullptr;
    m_tunnel = nullptr;
    Object::DoDispose();
}

void
Mipv6HomeAgent::Setup(Ptr<Node> node, Ipv6Address homeNetwork, Ipv6Prefix homePrefix)
{
    NS_LOG_FUNCTION(this << node->GetId() << homeNetwork << homePrefix);
    NS_ABORT_MSG_IF(m_node, "Mipv6HomeAgent::Setup called twice");
    m_node = node;
    m_ipv6 = node->GetObject<Ipv6L3Protocol>();
    NS_ABORT_MSG_IF(!m_ipv6, "Mipv6HomeAgent: node " << node->GetId() << " has no IPv6 stack");
    m_homeNetwork = homeNetwork.CombinePrefix(homePrefix);
    m_homePrefix = homePrefix;

    m_mh = Mipv6L4Protocol::GetOrCreate(node);
    m_mh->SetBindingUpdateCallback(Mipv6L4Protocol::BindingUpdateCallback(
        [this](const Mipv6BindingUpdateHeader& bu,
               Ipv6Address hoa,
               Ipv6Address coa,
               Ipv6Address ha) { ProcessBindingUpdate(bu, hoa, coa, ha); }));
    Mipv6TunnelL4Protocol::GetOrCreate(node)->SetReceiveCallback(
        MakeCallback(&Mipv6HomeAgent::TunnelReceive, this));

    // "Tunnel device set-up order" and "Forwarding on tunnel interfaces" (doc/mipv6-handover.rst).
    m_tunnel = CreateObject<VirtualNetDevice>();
    m_tunnel->SetAddress(Mac48Address::Allocate());
    m_tunnel->SetMtu(m_tunnelMtu);
    node->AddDevice(m_tunnel);
    m_tunnelIf = m_ipv6->AddInterface(m_tunnel);
    m_ipv6->SetForwarding(m_tunnelIf, true);
    m_ipv6->SetUp(m_tunnelIf);
    // "A global address on the tunnel interface" (doc/mipv6-handover.rst): the home agent's own
    // address on the home link (if it has one yet), /128 and without an on-link route.
    Ipv6Address homeLinkAddress = FindHomeLinkAddress();
    if (!homeLinkAddress.IsAny())
    {
        m_ipv6->AddAddress(m_tunnelIf,
                           Ipv6InterfaceAddress(homeLinkAddress, Ipv6Prefix(128)),
                           false);
    }
    m_tunnel->SetSendCallback(MakeCallback(&Mipv6HomeAgent::TunnelSend, this));
}

Ipv6Address
Mipv6HomeAgent::FindHomeLinkAddress() const
{
    for (uint32_t i = 0; i < m_ipv6->GetNInterfaces(); ++i)
    {
        for (uint32_t j = 0; j < m_ipv6->GetNAddresses(i); ++j)
        {
            Ipv6InterfaceAddress a = m_ipv6->GetAddress(i, j);
            if (i != m_tunnelIf && a.GetScope() == Ipv6InterfaceAddress::GLOBAL &&
                a.GetAddress().CombinePrefix(m_homePrefix) == m_homeNetwork)
            {
                return a.GetAddress();
            }
        }
    }
    return Ipv6Address::GetAny();
}

uint8_t
Mipv6HomeAgent::ProcessBindingUpdate(const Mipv6BindingUpdateHeader& bu,
                                     Ipv6Address homeAddress,
                                     Ipv6Address careOfAddress,
                                     Ipv6Address homeAgentAddress)
{
    NS_LOG_FUNCTION(this << bu.GetSequence() << homeAddress << careOfAddress << homeAgentAddress);
    const uint16_t sequence = bu.GetSequence();
    uint16_t ackSequence = sequence;
    const uint8_t status = CheckBindingUpdate(bu, homeAddress, ackSequence);
    if (status >= 128)
    {
        NS_LOG_INFO("BU from " << careOfAddress << " for " << homeAddress << " rejected, status "
                               << +status);
        m_buTrace(homeAddress, careOfAddress, sequence, status);
        SendAck(status, ackSequence, Seconds(0), homeAgentAddress, careOfAddress);
        return status;
    }

    Time granted = Seconds(0);
    Time requested = bu.GetLifetime();
    if (requested.IsZero() || careOfAddress == homeAddress)
    {
        Deregister(homeAddress, careOfAddress);
    }
    else
    {
        granted = UpdateBinding(bu, homeAddress, careOfAddress, homeAgentAddress);
    }
    m_buTrace(homeAddress, careOfAddress, sequence, status);
    if (bu.IsAckRequested())
    {
        SendAck(status, sequence, granted, homeAgentAddress, careOfAddress);
    }
    return status;
}

uint8_t
Mipv6HomeAgent::CheckBindingUpdate(const Mipv6BindingUpdateHeader& bu,
                                   Ipv6Address homeAddress,
                                   uint16_t& ackSequence) const
{
    const uint16_t sequence = bu.GetSequence();
    auto it = m_cache.find(homeAddress);
    if (!bu.IsHomeRegistration())
    {
        return Mipv6BindingAckHeader::HOME_REGISTRATION_NOT_SUPPORTED; // only home registration
    }
    if (!m_homePrefix.IsMatch(homeAddress, m_homeNetwork))
    {
        return Mipv6BindingAckHeader::NOT_HOME_SUBNET; // §10.3.1
    }
    if (it != m_cache.end() &&
        static_cast<uint16_t>(sequence - it->second.sequence) - 1u >= 0x7fffu)
    {
        // §9.5.1: not greater than the cached Sequence Number modulo 2^16
        ackSequence = it->second.sequence;
        return Mipv6BindingAckHeader::SEQUENCE_NUMBER_OUT_OF_WINDOW;
    }
    return Mipv6BindingAckHeader::ACCEPTED;
}

void
Mipv6HomeAgent::Deregister(Ipv6Address homeAddress, Ipv6Address careOfAddress)
{
    // §10.3.2 deregistration
    auto it = m_cache.find(homeAddress);
    Ipv6Address oldCoa = it != m_cache.end() ? it->second.careOfAddress : careOfAddress;
    if (it != m_cache.end())
    {
        RemoveBinding(homeAddress, BindingChange::DELETED);
    }
    NS_LOG_INFO("deregistration of " << homeAddress << " (was " << oldCoa << ")");
}

Time
Mipv6HomeAgent::UpdateBinding(const Mipv6BindingUpdateHeader& bu,
                              Ipv6Address homeAddress,
                              Ipv6Address careOfAddress,
                              Ipv6Address homeAgentAddress)
{
    const uint16_t sequence = bu.GetSequence();
    Time granted = std::min(bu.GetLifetime(), m_maxLifetime);
    BindingChange change = BindingChange::CREATED;
    auto it = m_cache.find(homeAddress);
    if (it == m_cache.end())
    {
        BindingCacheEntry entry;
        entry.homeAddress = homeAddress;
        it = m_cache.emplace(homeAddress, entry).first;
        Ipv6StaticRoutingHelper routingHelper;
        routingHelper.GetStaticRouting(m_ipv6)->AddHostRouteTo(homeAddress, m_tunnelIf);
    }
    else
    {
        change = it->second.careOfAddress == careOfAddress ? BindingChange::REFRESHED
                                                           : BindingChange::UPDATED;
    }
    BindingCacheEntry& entry = it->second;
    entry.careOfAddress = careOfAddress;
    entry.homeAgentAddress = homeAgentAddress;
    entry.sequence = sequence;
    entry.lifetime = granted;
    entry.registeredAt = Simulator::Now();
    entry.expiry.Cancel();
    entry.expiry = Simulator::Schedule(granted,
                                       &Mipv6HomeAgent::RemoveBinding,
                                       this,
                                       homeAddress,
                                       BindingChange::EXPIRED);
    NS_LOG_INFO("binding " << homeAddress << " -> " << careOfAddress << " seq " << sequence
                           << " lifetime " << granted.As(Time::S) << " (" << ToString(change)
                           << ")");
    m_cacheTrace(homeAddress, careOfAddress, change);
    return granted;
}

void
Mipv6HomeAgent::SendAck(uint8_t status,
                        uint16_t sequence,
                        Time lifetime,
                        Ipv6Address source,
                        Ipv6Address destination)
{
    Mipv6BindingAckHeader ba;
    ba.SetStatus(status);
    ba.SetSequence(sequence);
    ba.SetLifetime(lifetime);
    m_mh->SendBindingAck(ba, source, destination);
}

void
Mipv6HomeAgent::RemoveBinding(Ipv6Address homeAddress, BindingChange change)
{
    NS_LOG_FUNCTION(this << homeAddress << ToString(change));
    auto it = m_cache.find(homeAddress);
    if (it == m_cache.end())
    {
        return;
    }
    Ipv6Address coa = it->second.careOfAddress;
    it->second.expiry.Cancel();
    m_cache.erase(it);
    Ipv6StaticRoutingHelper routingHelper;
    // A route added without gateway stores the destination as prefixToUse ("Removing a host
    // route", doc/mipv6-handover.rst).
    routingHelper.GetStaticRouting(m_ipv6)->RemoveRoute(homeAddress,
                                                        Ipv6Prefix(128),
                                                        m_tunnelIf,
                                                        homeAddress);
    m_cacheTrace(homeAddress, coa, change);
}

bool
Mipv6HomeAgent::TunnelSend(Ptr<Packet> packet, const Address&, const Address&, uint16_t)
{
    NS_LOG_FUNCTION(this << packet);
    Ipv6Header inner;
    packet->PeekHeader(inner);
    // The tunnel interface's own Neighbor Discovery is not tunnelled ("Neighbor Discovery inside
    // a tunnel", doc/mipv6-handover.rst).
    if (inner.GetDestination().IsMulticast() || inner.GetSource().IsLinkLocal() ||
        inner.GetSource().IsAny())
    {
        return true;
    }
    auto it = m_cache.find(inner.GetDestination());
    if (it == m_cache.end())
    {
        NS_LOG_LOGIC("no binding for " << inner.GetDestination() << ": dropped");
        ++m_tunnelDrop;
        return true;
    }
    ++m_tunnelTx;
    m_ipv6->Send(packet,
                 it->second.homeAgentAddress,
                 it->second.careOfAddress,
                 Mipv6TunnelL4Protocol::PROT_NUMBER,
                 nullptr);
    return true;
}

void
Mipv6HomeAgent::TunnelReceive(Ptr<Packet> inner, const Ipv6Header& outer)
{
    NS_LOG_FUNCTION(this << inner << outer.GetSource());
    Ipv6Header innerHeader;
    if (inner->GetSize() < innerHeader.GetSerializedSize())
    {
        ++m_tunnelDrop;
        return;
    }
    inner->PeekHeader(innerHeader);
    auto it = m_cache.find(innerHeader.GetSource());
    if (it == m_cache.end() || it->second.careOfAddress != outer.GetSource())
    {
        // §10.4.5: the outer source must be the registered care-of address.
        NS_LOG_LOGIC("reverse tunnel from " << outer.GetSource() << " for "
                                            << innerHeader.GetSource() << " has no binding");
        ++m_tunnelDrop;
        return;
    }
    ++m_tunnelRx;
    m_tunnel->Receive(inner,
                      Ipv6L3Protocol::PROT_NUMBER,
                      m_tunnel->GetAddress(),
                      m_tunnel->GetAddress(),
                      NetDevice::PACKET_HOST);
}

const Mipv6HomeAgent::BindingCacheEntry*
Mipv6HomeAgent::LookupBinding(Ipv6Address homeAddress) const
{
    auto it = m_cache.find(homeAddress);
    return it == m_cache.end() ? nullptr : &it->second;
}

uint32_t
Mipv6HomeAgent::GetBindingCount() const
{
    return m_cache.size();
}

uint32_t
Mipv6HomeAgent::GetTunnelInterface() const
{
    return m_tunnelIf;
}

uint64_t
Mipv6HomeAgent::GetTunnelTxCount() const
{
    return m_tunnelTx;
}

uint64_t
Mipv6HomeAgent::GetTunnelRxCount() const
{
    return m_tunnelRx;
}

uint64_t
Mipv6HomeAgent::GetTunnelDropCount() const
{
    return m_tunnelDrop;
}

} // namespace ns3
