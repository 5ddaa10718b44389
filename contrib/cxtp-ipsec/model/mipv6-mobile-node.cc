/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mipv6-mobile-node.h"

#include "mipv6-l4-protocol.h"
#include "mipv6-tunnel-l4-protocol.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/icmpv6-header.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-route.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "ns3/virtual-net-device.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Mipv6MobileNode");

NS_OBJECT_ENSURE_REGISTERED(Mipv6MobileNode);

TypeId
Mipv6MobileNode::GetTypeId()
{
    static TypeId tid = AddTraceSources(AddAttributes(TypeId("ns3::Mipv6MobileNode")
                                                          .SetParent<Object>()
                                                          .SetGroupName("CxtpIpsec")
                                                          .AddConstructor<Mipv6MobileNode>()));
    return tid;
}

TypeId
Mipv6MobileNode::AddAttributes(TypeId tid)
{
    return tid
        .AddAttribute("InitialBindackTimeoutFirstReg",
                      "First retransmission timeout of the first home registration "
                      "(RFC 6275 §13).",
                      TimeValue(Seconds(1.5)),
                      MakeTimeAccessor(&Mipv6MobileNode::m_initialTimeoutFirstReg),
                      MakeTimeChecker(MilliSeconds(1)))
        .AddAttribute("InitialBindackTimeout",
                      "First retransmission timeout of later Binding Updates "
                      "(INITIAL_BINDACK_TIMEOUT, RFC 6275 §12).",
                      TimeValue(Seconds(1)),
                      MakeTimeAccessor(&Mipv6MobileNode::m_initialTimeout),
                      MakeTimeChecker(MilliSeconds(1)))
        .AddAttribute("MaxBindackTimeout",
                      "Largest retransmission timeout (MAX_BINDACK_TIMEOUT, RFC 6275 §12).",
                      TimeValue(Seconds(32)),
                      MakeTimeAccessor(&Mipv6MobileNode::m_maxTimeout),
                      MakeTimeChecker(MilliSeconds(1)))
        .AddAttribute("BindingLifetime",
                      "Lifetime requested in Binding Updates (4-second units on the wire).",
                      TimeValue(Seconds(420)),
                      MakeTimeAccessor(&Mipv6MobileNode::m_lifetime),
                      MakeTimeChecker(Seconds(4)))
        .AddAttribute("RefreshFraction",
                      "The registration is refreshed at this fraction of the granted lifetime.",
                      DoubleValue(0.9),
                      MakeDoubleAccessor(&Mipv6MobileNode::m_refreshFraction),
                      MakeDoubleChecker<double>(0.1, 1.0))
        .AddAttribute("L2HandoverDelay",
                      "Time between taking the old access link down and the new one up.",
                      TimeValue(Seconds(0)),
                      MakeTimeAccessor(&Mipv6MobileNode::m_l2Delay),
                      MakeTimeChecker(Seconds(0)))
        .AddAttribute("DadMode",
                      "When a new care-of address may be used: after DAD (On), without DAD "
                      "(Off), or while DAD runs (Optimistic, RFC 4429). Read by Setup().",
                      EnumValue(DAD_ON),
                      MakeEnumAccessor(&Mipv6MobileNode::m_dadMode),
                      MakeEnumChecker(DAD_ON, "On", DAD_OFF, "Off", DAD_OPTIMISTIC, "Optimistic"))
        .AddAttribute("TunnelMtu",
                      "MTU of the mip6 device (room for the outer IPv6 and an ESP tunnel).",
                      UintegerValue(1412),
                      MakeUintegerAccessor(&Mipv6MobileNode::m_tunnelMtu),
                      MakeUintegerChecker<uint16_t>(1280, 65535));
}

TypeId
Mipv6MobileNode::AddTraceSources(TypeId tid)
{
    return tid
        .AddTraceSource("L2Detach",
                        "The old access link went down (t_detach).",
                        MakeTraceSourceAccessor(&Mipv6MobileNode::m_detachTrace),
                        "ns3::Mipv6MobileNode::InterfaceTracedCallback")
        .AddTraceSource("L2Attach",
                        "The new access link came up (t_attach).",
                        MakeTraceSourceAccessor(&Mipv6MobileNode::m_attachTrace),
                        "ns3::Mipv6MobileNode::InterfaceTracedCallback")
        .AddTraceSource("CareOfAddressFormed",
                        "SLAAC formed an address on the current access link (RFC 4862).",
                        MakeTraceSourceAccessor(&Mipv6MobileNode::m_coaFormedTrace),
                        "ns3::Mipv6MobileNode::AddressTracedCallback")
        .AddTraceSource("CareOfAddress",
                        "A new care-of address is usable (t_coa).",
                        MakeTraceSourceAccessor(&Mipv6MobileNode::m_coaTrace),
                        "ns3::Mipv6MobileNode::AddressTracedCallback")
        .AddTraceSource("BindingUpdateSent",
                        "A Binding Update was sent (RFC 6275 §11.7.1).",
                        MakeTraceSourceAccessor(&Mipv6MobileNode::m_buSentTrace),
                        "ns3::Mipv6MobileNode::BindingUpdateTracedCallback")
        .AddTraceSource("BindingAck",
                        "The home registration was acknowledged, status < 128 (t_mip).",
                        MakeTraceSourceAccessor(&Mipv6MobileNode::m_baTrace),
                        "ns3::Mipv6MobileNode::BindingAckTracedCallback")
        .AddTraceSource("BindingRejected",
                        "A Binding Acknowledgement with status >= 128 ended the registration.",
                        MakeTraceSourceAccessor(&Mipv6MobileNode::m_rejectTrace),
                        "ns3::Mipv6MobileNode::BindingAckTracedCallback");
}

std::string
Mipv6MobileNode::ToString(DadMode mode)
{
    switch (mode)
    {
    case DAD_ON:
        return "on";
    case DAD_OFF:
        return "off";
    case DAD_OPTIMISTIC:
        return "optimistic";
    }
    return "unknown";
}

bool
Mipv6MobileNode::ParseDadMode(const std::string& text, DadMode& mode)
{
    for (DadMode m : {DAD_ON, DAD_OFF, DAD_OPTIMISTIC})
    {
        if (text == ToString(m))
        {
            mode = m;
            return true;
        }
    }
    return false;
}

std::string
Mipv6MobileNode::ToString(State state)
{
    switch (state)
    {
    case State::NOT_REGISTERED:
        return "not_registered";
    case State::PENDING:
        return "pending";
    case State::REGISTERED:
        return "registered";
    case State::REJECTED:
        return "rejected";
    }
    return "unknown";
}

Mipv6MobileNode::Mipv6MobileNode()
{
    NS_LOG_FUNCTION(this);
}

Mipv6MobileNode::~Mipv6MobileNode()
{
    NS_LOG_FUNCTION(this);
}

void
Mipv6MobileNode::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_buTimer.Stop();
    m_refreshEvent.Cancel();
    m_node = nullptr;
    m_ipv6 = nullptr;
    m_mh = nullptr;
    m_tunnel = nullptr;
    Object::DoDispose();
}

void
Mipv6MobileNode::Setup(Ptr<Node> node, Ipv6Address homeAddress, Ipv6Address homeAgent)
{
    NS_LOG_FUNCTION(this << node->GetId() << homeAddress << homeAgent);
    NS_ABORT_MSG_IF(m_node, "Mipv6MobileNode::Setup called twice");
    m_node = node;
    m_ipv6 = node->GetObject<Ipv6L3Protocol>();
    NS_ABORT_MSG_IF(!m_ipv6, "Mipv6MobileNode: node " << node->GetId() << " has no IPv6 stack");
    m_homeAddress = homeAddress;
    m_homeAgent = homeAgent;
    m_bul.homeAddress = homeAddress;
    m_bul.homeAgent = homeAgent;
    m_bul.requestedLifetime = m_lifetime;

    // "Weak end-system model" and "Router Solicitations after SetDown" (doc/mipv6-handover.rst).
    m_ipv6->SetAttribute("StrongEndSystemModel", BooleanValue(false));
    Ptr<Icmpv6L4Protocol> icmp =
        DynamicCast<Icmpv6L4Protocol>(m_ipv6->GetProtocol(Icmpv6L4Protocol::PROT_NUMBER));
    NS_ABORT_MSG_IF(!icmp, "Mipv6MobileNode: node " << node->GetId() << " has no ICMPv6");
    icmp->SetAttribute("RsMaxRetransmissionDuration", TimeValue(NanoSeconds(1)));
    icmp->SetAttribute("SolicitationJitter",
                       StringValue("ns3::ConstantRandomVariable[Constant=0]"));
    if (m_dadMode == DAD_OFF)
    {
        icmp->SetAttribute("DAD", BooleanValue(false));
    }

    m_mh = Mipv6L4Protocol::GetOrCreate(node);
    m_mh->SetBindingAckCallback(MakeCallback(&Mipv6MobileNode::ReceiveBindingAck, this));
    m_mh->SetBindingErrorCallback(Mipv6L4Protocol::BindingErrorCallback(
        [](const Mipv6BindingErrorHeader& be, Ipv6Address source, Ipv6Address) {
            NS_LOG_WARN("Binding Error status " << +be.GetStatus() << " from " << source);
        }));
    Mipv6TunnelL4Protocol::GetOrCreate(node)->SetReceiveCallback(
        MakeCallback(&Mipv6MobileNode::TunnelReceive, this));

    // Access interfaces: every interface but the loopback, before the mip6 one exists.
    for (uint32_t i = 1; i < m_ipv6->GetNInterfaces(); ++i)
    {
        m_accessInterfaces.push_back(i);
        m_ipv6->GetInterface(i)->AddAddressCallback(
            MakeCallback(&Mipv6MobileNode::AddressAdded, this));
        if (!m_hasCurrentIf && m_ipv6->IsUp(i))
        {
            m_currentIf = i;
            m_hasCurrentIf = true;
        }
    }

    m_ipv6->TraceConnectWithoutContext("Rx", MakeCallback(&Mipv6MobileNode::PacketReceived, this));

    // "Tunnel device set-up order" (doc/mipv6-handover.rst).
    m_tunnel = CreateObject<VirtualNetDevice>();
    m_tunnel->SetAddress(Mac48Address::Allocate());
    m_tunnel->SetMtu(m_tunnelMtu);
    node->AddDevice(m_tunnel);
    m_tunnelIf = m_ipv6->AddInterface(m_tunnel);
    m_ipv6->SetUp(m_tunnelIf);
    m_ipv6->AddAddress(m_tunnelIf, Ipv6InterfaceAddress(homeAddress, Ipv6Prefix(128)), false);
    m_tunnel->SetSendCallback(MakeCallback(&Mipv6MobileNode::TunnelSend, this));
}

void
Mipv6MobileNode::AddCorrespondentRoute(Ipv6Address network, Ipv6Prefix prefix)
{
    NS_LOG_FUNCTION(this << network << prefix);
    NS_ABORT_MSG_IF(!m_ipv6, "Mipv6MobileNode::AddCorrespondentRoute before Setup");
    Ipv6StaticRoutingHelper routingHelper;
    routingHelper.GetStaticRouting(m_ipv6)->AddNetworkRouteTo(network, prefix, m_tunnelIf);
}

void
Mipv6MobileNode::HandoverTo(uint32_t newInterface, Time at)
{
    NS_LOG_FUNCTION(this << newInterface << at);
    NS_ABORT_MSG_IF(!m_ipv6, "Mipv6MobileNode::HandoverTo before Setup");
    NS_ABORT_MSG_IF(std::find(m_accessInterfaces.begin(), m_accessInterfaces.end(), newInterface) ==
                        m_accessInterfaces.end(),
                    "Mipv6MobileNode::HandoverTo: " << newInterface
                                                    << " is not an access interface");
    NS_ABORT_MSG_IF(at < Simulator::Now(), "Mipv6MobileNode::HandoverTo: time in the past");
    Simulator::Schedule(at - Simulator::Now(), &Mipv6MobileNode::DoDetach, this, newInterface);
}

void
Mipv6MobileNode::DoDetach(uint32_t newInterface)
{
    NS_LOG_FUNCTION(this << newInterface);
    m_buTimer.Stop();
    m_refreshEvent.Cancel();
    m_coa = Ipv6Address::GetAny();
    if (m_hasCurrentIf && m_ipv6->IsUp(m_currentIf))
    {
        NS_LOG_INFO("L2 detach from interface " << m_currentIf);
        m_ipv6->SetDown(m_currentIf);
        m_detachTrace(m_currentIf);
    }
    if (m_l2Delay.IsZero())
    {
        DoAttach(newInterface);
    }
    else
    {
        Simulator::Schedule(m_l2Delay, &Mipv6MobileNode::DoAttach, this, newInterface);
    }
}

void
Mipv6MobileNode::DoAttach(uint32_t newInterface)
{
    NS_LOG_FUNCTION(this << newInterface);
    m_currentIf = newInterface;
    m_hasCurrentIf = true;
    NS_LOG_INFO("L2 attach to interface " << newInterface);
    m_ipv6->SetUp(newInterface);
    m_attachTrace(newInterface);
}

void
Mipv6MobileNode::AddressAdded(Ptr<Ipv6Interface> interface, Ipv6InterfaceAddress address)
{
    Ipv6Address a = address.GetAddress();
    if (a.IsLinkLocal() || a.IsAny() || a.IsLocalhost() || a.IsMulticast())
    {
        return;
    }
    int32_t i = m_ipv6->GetInterfaceForDevice(interface->GetDevice());
    if (i < 0 || !m_hasCurrentIf || static_cast<uint32_t>(i) != m_currentIf)
    {
        return;
    }
    NS_LOG_INFO("address " << a << " formed on interface " << i);
    m_slaacAddresses[i] = a;
    m_coaFormedTrace(i, a);
    // Let Ipv6Interface::AddAddress schedule its DAD events first.
    Simulator::ScheduleNow(&Mipv6MobileNode::CheckCareOfAddress, this, i, a, true);
}

void
Mipv6MobileNode::PacketReceived(Ptr<const Packet> packet, Ptr<Ipv6>, uint32_t interface)
{
    if (!m_hasCurrentIf || interface != m_currentIf || packet->GetSize() < 41)
    {
        return;
    }
    uint8_t bytes[41];
    packet->CopyData(bytes, 41);
    if (bytes[6] == Icmpv6L4Protocol::PROT_NUMBER &&
        bytes[40] == Icmpv6Header::ICMPV6_ND_ROUTER_ADVERTISEMENT)
    {
        // Runs after Icmpv6L4Protocol::HandleRA, in the same instant.
        Simulator::ScheduleNow(&Mipv6MobileNode::RestoreSlaacAddress, this, interface);
    }
}

void
Mipv6MobileNode::RestoreSlaacAddress(uint32_t interface)
{
    auto it = m_slaacAddresses.find(interface);
    if (it == m_slaacAddresses.end() || interface != m_currentIf || !m_ipv6->IsUp(interface))
    {
        return;
    }
    Ptr<Ipv6Interface> iface = m_ipv6->GetInterface(interface);
    for (uint32_t j = 0; j < iface->GetNAddresses(); ++j)
    {
        if (iface->GetAddress(j).GetAddress() == it->second)
        {
            return; // SLAAC did its job
        }
    }
    // Ipv6L3Protocol::AddAutoconfiguredAddress ignores a prefix it has seen on this interface
    // before, although SetDown removed the address: form the same address again.
    NS_LOG_INFO("RA on a link visited before: re-forming " << it->second);
    m_ipv6->AddAddress(interface, Ipv6InterfaceAddress(it->second, Ipv6Prefix(64)));
}

void
Mipv6MobileNode::CheckCareOfAddress(uint32_t interface, Ipv6Address address, bool waitDad)
{
    NS_LOG_FUNCTION(this << interface << address << waitDad);
    if (!m_hasCurrentIf || interface != m_currentIf || !m_ipv6->IsUp(interface) || address == m_coa)
    {
        return;
    }
    Ptr<Ipv6Interface> iface = m_ipv6->GetInterface(interface);
    bool found = false;
    Ipv6InterfaceAddress::State_e state = Ipv6InterfaceAddress::INVALID;
    for (uint32_t j = 0; j < iface->GetNAddresses(); ++j)
    {
        if (iface->GetAddress(j).GetAddress() == address)
        {
            found = true;
            state = iface->GetAddress(j).GetState();
            break;
        }
    }
    if (!found)
    {
        return; // removed meanwhile (link down)
    }
    if (state == Ipv6InterfaceAddress::PREFERRED || state == Ipv6InterfaceAddress::PERMANENT ||
        m_dadMode == DAD_OPTIMISTIC)
    {
        SetCareOfAddress(interface, address);
        return;
    }
    if (state == Ipv6InterfaceAddress::INVALID)
    {
        NS_LOG_WARN("DAD failed for " << address);
        return;
    }
    Ptr<Icmpv6L4Protocol> icmp =
        DynamicCast<Icmpv6L4Protocol>(m_ipv6->GetProtocol(Icmpv6L4Protocol::PROT_NUMBER));
    Time wait = MilliSeconds(1); // fallback poll
    if (waitDad)
    {
        // Ipv6Interface::AddAddress scheduled FunctionDadTimeout at formation + DadTimeout (or
        // + 0 without DAD); an event at the same instant scheduled now runs after it.
        wait = icmp && icmp->IsAlwaysDad() ? icmp->GetDadTimeout() : Seconds(0);
    }
    Simulator::Schedule(wait,
                        &Mipv6MobileNode::CheckCareOfAddress,
                        this,
                        interface,
                        address,
                        false);
}

void
Mipv6MobileNode::SetCareOfAddress(uint32_t interface, Ipv6Address coa)
{
    NS_LOG_FUNCTION(this << interface << coa);
    NS_LOG_INFO("care-of address " << coa << " usable on interface " << interface);
    m_coa = coa;
    m_coaIf = interface;
    m_coaTrace(interface, coa);
    m_bul.careOfAddress = coa;
    m_bul.retransmissions = 0;
    m_resyncs = 0;
    m_bul.timeout = m_everRegistered ? m_initialTimeout : m_initialTimeoutFirstReg;
    m_bul.firstSent = Simulator::Now();
    m_refreshEvent.Cancel();
    SendBindingUpdate();
}

void
Mipv6MobileNode::SendBindingUpdate()
{
    NS_LOG_FUNCTION(this);
    m_buTimer.Stop();
    if (m_coa.IsAny() || !m_mh)
    {
        return;
    }
    TransmitBindingUpdate();
    // §11.8: the timeout doubles after each retransmission, up to MAX_BINDACK_TIMEOUT.
    m_buTimer.Start(IpsecRetransmissionPolicy::Capped(m_bul.timeout, m_maxTimeout),
                    Seconds(0),
                    MakeCallback(&Mipv6MobileNode::RetransmitBindingUpdate, this),
                    Callback<void>());
}

void
Mipv6MobileNode::RetransmitBindingUpdate()
{
    NS_LOG_FUNCTION(this);
    m_bul.timeout = m_buTimer.GetTimeout();
    ++m_bul.retransmissions;
    TransmitBindingUpdate();
}

void
Mipv6MobileNode::TransmitBindingUpdate()
{
    ++m_bul.sequence; // §11.8: each BU carries a greater Sequence Number
    m_bul.requestedLifetime = m_lifetime;
    m_bul.lastSent = Simulator::Now();
    m_bul.state = State::PENDING;
    Mipv6BindingUpdateHeader bu;
    bu.SetSequence(m_bul.sequence);
    bu.SetAckRequested(true);
    bu.SetHomeRegistration(true);
    bu.SetLifetime(m_lifetime);
    NS_LOG_INFO("BU seq " << m_bul.sequence << " " << m_homeAddress << " -> " << m_coa
                          << ", timeout " << m_bul.timeout.As(Time::S));
    m_mh->SendBindingUpdate(bu, m_homeAddress, m_coa, m_homeAgent);
    m_buSentTrace(m_bul.sequence, m_coa, m_bul.timeout);
}

void
Mipv6MobileNode::RefreshBinding()
{
    NS_LOG_FUNCTION(this);
    if (m_bul.state != State::REGISTERED || m_coa.IsAny())
    {
        return;
    }
    m_bul.retransmissions = 0;
    m_bul.timeout = m_initialTimeout;
    SendBindingUpdate();
}

void
Mipv6MobileNode::ReceiveBindingAck(const Mipv6BindingAckHeader& ba,
                                   Ipv6Address source,
                                   Ipv6Address destination)
{
    NS_LOG_FUNCTION(this << +ba.GetStatus() << ba.GetSequence() << source << destination);
    if (source != m_homeAgent)
    {
        NS_LOG_LOGIC("BA from " << source << " is not from the home agent: ignored");
        return;
    }
    if (m_bul.state != State::PENDING)
    {
        NS_LOG_LOGIC("no BU outstanding: BA ignored");
        return;
    }
    if (ba.GetStatus() == Mipv6BindingAckHeader::SEQUENCE_NUMBER_OUT_OF_WINDOW &&
        m_resyncs < MAX_RESYNCS)
    {
        ++m_resyncs;
        // §11.7.3: resynchronise on the home agent's last accepted Sequence Number.
        NS_LOG_INFO("sequence out of window, home agent has " << ba.GetSequence());
        m_bul.sequence = ba.GetSequence();
        SendBindingUpdate();
        return;
    }
    if (ba.GetSequence() != m_bul.sequence)
    {
        NS_LOG_LOGIC("BA seq " << ba.GetSequence() << " does not match " << m_bul.sequence);
        return;
    }
    m_buTimer.Stop();
    if (ba.IsAccepted())
    {
        m_bul.state = State::REGISTERED;
        m_bul.grantedLifetime = ba.GetLifetime();
        m_everRegistered = true;
        NS_LOG_INFO("registered " << m_homeAddress << " -> " << m_bul.careOfAddress << " for "
                                  << ba.GetLifetime().As(Time::S));
        m_baTrace(ba.GetSequence(), ba.GetStatus(), ba.GetLifetime());
        if (ba.GetLifetime().IsStrictlyPositive())
        {
            m_refreshEvent.Cancel();
            m_refreshEvent = Simulator::Schedule(ba.GetLifetime() * m_refreshFraction,
                                                 &Mipv6MobileNode::RefreshBinding,
                                                 this);
        }
    }
    else
    {
        m_bul.state = State::REJECTED;
        NS_LOG_WARN("home registration rejected, status " << +ba.GetStatus());
        m_rejectTrace(ba.GetSequence(), ba.GetStatus(), ba.GetLifetime());
    }
}

bool
Mipv6MobileNode::TunnelSend(Ptr<Packet> packet, const Address&, const Address&, uint16_t)
{
    NS_LOG_FUNCTION(this << packet);
    Ipv6Header inner;
    packet->PeekHeader(inner);
    // The mip6 interface's own DAD and RS are not tunnelled ("Neighbor Discovery inside a
    // tunnel", doc/mipv6-handover.rst).
    if (inner.GetDestination().IsMulticast() || inner.GetSource().IsLinkLocal() ||
        inner.GetSource().IsAny())
    {
        return true;
    }
    if (m_coa.IsAny())
    {
        NS_LOG_LOGIC("no care-of address: dropped");
        ++m_noCoaDrops;
        return true;
    }
    ++m_tunnelTx;
    m_ipv6->Send(packet, m_coa, m_homeAgent, Mipv6TunnelL4Protocol::PROT_NUMBER, nullptr);
    return true;
}

void
Mipv6MobileNode::TunnelReceive(Ptr<Packet> inner, const Ipv6Header& outer)
{
    NS_LOG_FUNCTION(this << inner << outer.GetSource());
    if (outer.GetSource() != m_homeAgent)
    {
        NS_LOG_LOGIC("tunnelled packet from " << outer.GetSource() << " is not from the HA");
        return;
    }
    ++m_tunnelRx;
    m_tunnel->Receive(inner,
                      Ipv6L3Protocol::PROT_NUMBER,
                      m_tunnel->GetAddress(),
                      m_tunnel->GetAddress(),
                      NetDevice::PACKET_HOST);
}

const Mipv6MobileNode::BindingUpdateListEntry&
Mipv6MobileNode::GetBindingUpdateListEntry() const
{
    return m_bul;
}

Ipv6Address
Mipv6MobileNode::GetCareOfAddress() const
{
    return m_coa;
}

Ipv6Address
Mipv6MobileNode::GetHomeAddress() const
{
    return m_homeAddress;
}

uint32_t
Mipv6MobileNode::GetCurrentInterface() const
{
    return m_currentIf;
}

uint32_t
Mipv6MobileNode::GetTunnelInterface() const
{
    return m_tunnelIf;
}

uint64_t
Mipv6MobileNode::GetTunnelTxCount() const
{
    return m_tunnelTx;
}

uint64_t
Mipv6MobileNode::GetTunnelRxCount() const
{
    return m_tunnelRx;
}

uint64_t
Mipv6MobileNode::GetNoCareOfAddressDropCount() const
{
    return m_noCoaDrops;
}

} // namespace ns3
