/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mipv6-l4-protocol.h"

#include "mipv6-home-address-option.h"

#include "ns3/abort.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-route.h"
#include "ns3/ipv6.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Mipv6L4Protocol");

NS_OBJECT_ENSURE_REGISTERED(Mipv6L4Protocol);

TypeId
Mipv6L4Protocol::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Mipv6L4Protocol")
            .SetParent<IpL4Protocol>()
            .SetGroupName("CxtpIpsec")
            .AddConstructor<Mipv6L4Protocol>()
            .AddTraceSource("Drop",
                            "A received Mobility Header was discarded (RFC 6275 §9.2).",
                            MakeTraceSourceAccessor(&Mipv6L4Protocol::m_dropTrace),
                            "ns3::Mipv6L4Protocol::DropTracedCallback")
            .AddTraceSource("Tx",
                            "A Mobility Header was sent.",
                            MakeTraceSourceAccessor(&Mipv6L4Protocol::m_txTrace),
                            "ns3::Mipv6L4Protocol::MessageTracedCallback")
            .AddTraceSource("Rx",
                            "A valid Mobility Header was received and dispatched.",
                            MakeTraceSourceAccessor(&Mipv6L4Protocol::m_rxTrace),
                            "ns3::Mipv6L4Protocol::MessageTracedCallback");
    return tid;
}

std::string
Mipv6L4Protocol::ToString(DropReason reason)
{
    switch (reason)
    {
    case DROP_TRUNCATED:
        return "truncated";
    case DROP_BAD_CHECKSUM:
        return "bad_checksum";
    case DROP_BAD_PAYLOAD_PROTO:
        return "bad_payload_proto";
    case DROP_MALFORMED:
        return "malformed";
    case DROP_UNKNOWN_TYPE:
        return "unknown_type";
    case DROP_NO_HANDLER:
        return "no_handler";
    case DROP_REASON_COUNT:
        break;
    }
    return "unknown";
}

Mipv6L4Protocol::Mipv6L4Protocol()
{
    NS_LOG_FUNCTION(this);
}

Mipv6L4Protocol::~Mipv6L4Protocol()
{
    NS_LOG_FUNCTION(this);
}

Ptr<Mipv6L4Protocol>
Mipv6L4Protocol::GetOrCreate(Ptr<Node> node)
{
    NS_LOG_FUNCTION(node);
    Ptr<Mipv6L4Protocol> mh = node->GetObject<Mipv6L4Protocol>();
    if (!mh)
    {
        NS_ABORT_MSG_IF(!node->GetObject<Ipv6>(),
                        "Mipv6L4Protocol: install the IPv6 stack on node " << node->GetId()
                                                                           << " first");
        mh = CreateObject<Mipv6L4Protocol>();
        node->AggregateObject(mh);
    }
    return mh;
}

void
Mipv6L4Protocol::SetNode(Ptr<Node> node)
{
    m_node = node;
}

void
Mipv6L4Protocol::NotifyNewAggregate()
{
    NS_LOG_FUNCTION(this);
    if (!m_node)
    {
        Ptr<Node> node = GetObject<Node>();
        Ptr<Ipv6> ipv6 = GetObject<Ipv6>();
        if (node && ipv6 && m_downTarget6.IsNull())
        {
            SetNode(node);
            ipv6->Insert(this);
            SetDownTarget6(MakeCallback(&Ipv6::Send, ipv6));
            Mipv6DestinationExtension::InstallOn(node);
        }
    }
    IpL4Protocol::NotifyNewAggregate();
}

void
Mipv6L4Protocol::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_node = nullptr;
    m_downTarget6.Nullify();
    m_buCallback.Nullify();
    m_baCallback.Nullify();
    m_beCallback.Nullify();
    IpL4Protocol::DoDispose();
}

void
Mipv6L4Protocol::SetBindingUpdateCallback(BindingUpdateCallback cb)
{
    m_buCallback = cb;
}

void
Mipv6L4Protocol::SetBindingAckCallback(BindingAckCallback cb)
{
    m_baCallback = cb;
}

void
Mipv6L4Protocol::SetBindingErrorCallback(BindingErrorCallback cb)
{
    m_beCallback = cb;
}

int
Mipv6L4Protocol::GetProtocolNumber() const
{
    return PROT_NUMBER;
}

void
Mipv6L4Protocol::Drop(Ptr<const Packet> packet, DropReason reason)
{
    NS_LOG_INFO("Mobility Header dropped: " << ToString(reason));
    ++m_drops[reason];
    m_dropTrace(packet, reason);
}

IpL4Protocol::RxStatus
Mipv6L4Protocol::Receive(Ptr<Packet>, const Ipv4Header&, Ptr<Ipv4Interface>)
{
    return IpL4Protocol::RX_ENDPOINT_UNREACH;
}

IpL4Protocol::RxStatus
Mipv6L4Protocol::Receive(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface>)
{
    NS_LOG_FUNCTION(this << p << header.GetSource() << header.GetDestination());
    Ptr<Packet> packet = p->Copy();
    Ipv6Address source = header.GetSource();
    Ipv6Address destination = header.GetDestination();
    Ipv6Address pseudoSource = source;
    Ipv6Address homeAddress = source;
    Mipv6HomeAddressTag tag;
    if (packet->RemovePacketTag(tag))
    {
        homeAddress = tag.GetHomeAddress();
        pseudoSource = homeAddress; // RFC 6275 §6.1.1
    }
    uint8_t type = 0;
    uint32_t length = 0;
    if (!Mipv6MobilityHeader::PeekType(packet, type, length))
    {
        Drop(packet, DROP_TRUNCATED);
        return IpL4Protocol::RX_OK;
    }

    switch (type)
    {
    case Mipv6MobilityHeader::BINDING_UPDATE: {
        Mipv6BindingUpdateHeader bu;
        if (RemoveAndCheck(bu, p, packet, length, pseudoSource, destination) &&
            AcceptForHandler(p, !m_buCallback.IsNull(), source, destination))
        {
            m_buCallback(bu, homeAddress, source, destination);
        }
        break;
    }
    case Mipv6MobilityHeader::BINDING_ACK: {
        Mipv6BindingAckHeader ba;
        if (RemoveAndCheck(ba, p, packet, length, pseudoSource, destination) &&
            AcceptForHandler(p, !m_baCallback.IsNull(), source, destination))
        {
            m_baCallback(ba, source, destination);
        }
        break;
    }
    case Mipv6MobilityHeader::BINDING_ERROR: {
        Mipv6BindingErrorHeader be;
        if (RemoveAndCheck(be, p, packet, length, pseudoSource, destination) &&
            AcceptForHandler(p, !m_beCallback.IsNull(), source, destination))
        {
            m_beCallback(be, source, destination);
        }
        break;
    }
    default:
        RejectUnknownType(p, header, homeAddress);
        break;
    }
    return IpL4Protocol::RX_OK;
}

bool
Mipv6L4Protocol::RemoveAndCheck(Mipv6MobilityHeader& h,
                                Ptr<Packet> received,
                                Ptr<Packet> packet,
                                uint32_t length,
                                Ipv6Address pseudoSource,
                                Ipv6Address destination)
{
    h.InitializeChecksum(pseudoSource, destination);
    packet->RemoveHeader(h, length);
    if (!h.IsChecksumOk())
    {
        Drop(received, DROP_BAD_CHECKSUM);
        return false;
    }
    if (!h.IsValid())
    {
        NS_LOG_INFO("malformed: " << h.GetMalformedReason());
        Drop(received, DROP_MALFORMED);
        return false;
    }
    if (h.GetPayloadProto() != Mipv6MobilityHeader::NO_NEXT_HEADER)
    {
        Drop(received, DROP_BAD_PAYLOAD_PROTO);
        return false;
    }
    return true;
}

bool
Mipv6L4Protocol::AcceptForHandler(Ptr<Packet> received,
                                  bool hasHandler,
                                  Ipv6Address source,
                                  Ipv6Address destination)
{
    if (!hasHandler)
    {
        Drop(received, DROP_NO_HANDLER);
        return false;
    }
    ++m_rx;
    m_rxTrace(received, source, destination);
    return true;
}

void
Mipv6L4Protocol::RejectUnknownType(Ptr<Packet> received,
                                   const Ipv6Header& header,
                                   Ipv6Address homeAddress)
{
    Drop(received, DROP_UNKNOWN_TYPE);
    if (!header.GetDestination().IsMulticast())
    {
        Mipv6BindingErrorHeader be; // RFC 6275 §9.2: status 2, unrecognised MH Type
        be.SetStatus(Mipv6BindingErrorHeader::UNRECOGNIZED_MH_TYPE);
        be.SetHomeAddress(homeAddress);
        SendBindingError(be, header.GetDestination(), header.GetSource());
    }
}

void
Mipv6L4Protocol::DoSend(Ptr<Packet> packet,
                        Ipv6Address source,
                        Ipv6Address destination,
                        uint8_t protocol)
{
    ++m_tx;
    m_txTrace(packet, source, destination);
    if (m_downTarget6.IsNull())
    {
        NS_LOG_WARN("Mipv6L4Protocol: no down target, message not sent");
        return;
    }
    m_downTarget6(packet, source, destination, protocol, nullptr);
}

void
Mipv6L4Protocol::SendBindingUpdate(Mipv6BindingUpdateHeader bu,
                                   Ipv6Address homeAddress,
                                   Ipv6Address careOfAddress,
                                   Ipv6Address homeAgent)
{
    NS_LOG_FUNCTION(this << bu.GetSequence() << homeAddress << careOfAddress << homeAgent);
    Ptr<Packet> packet = Create<Packet>();
    bu.InitializeChecksum(homeAddress, homeAgent);
    packet->AddHeader(bu);
    if (homeAddress == careOfAddress)
    {
        DoSend(packet, careOfAddress, homeAgent, PROT_NUMBER);
        return;
    }
    ++m_tx;
    m_txTrace(packet, careOfAddress, homeAgent);
    Mipv6HomeAddressOptionHeader hao;
    hao.SetNextHeader(PROT_NUMBER);
    hao.SetHomeAddress(homeAddress);
    packet->AddHeader(hao);
    if (m_downTarget6.IsNull())
    {
        NS_LOG_WARN("Mipv6L4Protocol: no down target, Binding Update not sent");
        return;
    }
    m_downTarget6(packet,
                  careOfAddress,
                  homeAgent,
                  Mipv6HomeAddressOptionHeader::EXT_NUMBER,
                  nullptr);
}

void
Mipv6L4Protocol::SendBindingAck(Mipv6BindingAckHeader ba,
                                Ipv6Address source,
                                Ipv6Address destination)
{
    NS_LOG_FUNCTION(this << +ba.GetStatus() << ba.GetSequence() << source << destination);
    Ptr<Packet> packet = Create<Packet>();
    ba.InitializeChecksum(source, destination);
    packet->AddHeader(ba);
    DoSend(packet, source, destination, PROT_NUMBER);
}

void
Mipv6L4Protocol::SendBindingError(Mipv6BindingErrorHeader be,
                                  Ipv6Address source,
                                  Ipv6Address destination)
{
    NS_LOG_FUNCTION(this << +be.GetStatus() << source << destination);
    Ptr<Packet> packet = Create<Packet>();
    be.InitializeChecksum(source, destination);
    packet->AddHeader(be);
    DoSend(packet, source, destination, PROT_NUMBER);
}

uint64_t
Mipv6L4Protocol::GetDropCount(DropReason reason) const
{
    return reason < DROP_REASON_COUNT ? m_drops[reason] : 0;
}

uint64_t
Mipv6L4Protocol::GetRxCount() const
{
    return m_rx;
}

uint64_t
Mipv6L4Protocol::GetTxCount() const
{
    return m_tx;
}

void
Mipv6L4Protocol::SetDownTarget(IpL4Protocol::DownTargetCallback)
{
}

void
Mipv6L4Protocol::SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb)
{
    m_downTarget6 = cb;
}

IpL4Protocol::DownTargetCallback
Mipv6L4Protocol::GetDownTarget() const
{
    return IpL4Protocol::DownTargetCallback();
}

IpL4Protocol::DownTargetCallback6
Mipv6L4Protocol::GetDownTarget6() const
{
    return m_downTarget6;
}

} // namespace ns3
