/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-esp-l4-protocol.h"

#include "crypto-random.h"
#include "ipsec-bypass-tag.h"
#include "ipsec-esp-codec.h"
#include "ipsec-pf-key.h"
#include "ipsec-sad.h"
#include "ipsec-spd.h"
#include "wire-writer.h"

#include "ns3/enum.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-route.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/node.h"
#include "ns3/socket.h"
#include "ns3/uinteger.h"
#include "ns3/virtual-net-device.h"

#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IpsecEspL4Protocol");
NS_OBJECT_ENSURE_REGISTERED(IpsecEspL4Protocol);

namespace
{
constexpr uint8_t IPV6_IN_IPV6 = 41;

/// \return the bytes of a packet
std::vector<uint8_t>
ToBytes(Ptr<const Packet> p)
{
    std::vector<uint8_t> bytes(p->GetSize());
    p->CopyData(bytes.data(), bytes.size());
    return bytes;
}
} // namespace

TypeId
IpsecEspL4Protocol::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::IpsecEspL4Protocol")
            .SetParent<IpL4Protocol>()
            .SetGroupName("CxtpIpsec")
            .AddConstructor<IpsecEspL4Protocol>()
            .AddAttribute(
                "NoSaAction",
                "What to do with an outbound packet whose PROTECT rule has no SA yet.",
                EnumValue(IpsecEspL4Protocol::DROP),
                MakeEnumAccessor(&IpsecEspL4Protocol::m_noSaAction),
                MakeEnumChecker(IpsecEspL4Protocol::DROP, "Drop", IpsecEspL4Protocol::HOLD, "Hold"))
            .AddAttribute("HoldQueueLimit",
                          "With NoSaAction=Hold, packets kept per rule; more are dropped.",
                          UintegerValue(32),
                          MakeUintegerAccessor(&IpsecEspL4Protocol::m_holdLimit),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("TunnelMtu",
                          "MTU of the IPsec tunnel interface. At 65535 the SPD decides on whole "
                          "packets and the IP layer fragments what leaves (ESP or BYPASS) to the "
                          "link MTU, as in RFC 4301 §8.1 and Linux's xfrm; below a packet's size, "
                          "the stack fragments before the SPD, and a non-first fragment, which "
                          "has no ports, misses a port-specific BYPASS rule (a large IKE message).",
                          UintegerValue(65535),
                          MakeUintegerAccessor(&IpsecEspL4Protocol::m_tunnelMtu),
                          MakeUintegerChecker<uint32_t>(1280, 65535))
            .AddTraceSource("Drop",
                            "A packet was discarded by the IPsec data plane.",
                            MakeTraceSourceAccessor(&IpsecEspL4Protocol::m_dropTrace),
                            "ns3::IpsecEspL4Protocol::DropTracedCallback")
            .AddTraceSource("Tx",
                            "An ESP packet was sent.",
                            MakeTraceSourceAccessor(&IpsecEspL4Protocol::m_txTrace),
                            "ns3::IpsecEspL4Protocol::EspTracedCallback")
            .AddTraceSource("Rx",
                            "An ESP packet was received and accepted.",
                            MakeTraceSourceAccessor(&IpsecEspL4Protocol::m_rxTrace),
                            "ns3::IpsecEspL4Protocol::EspTracedCallback");
    return tid;
}

IpsecEspL4Protocol::IpsecEspL4Protocol()
    : m_interface(0),
      m_noSaAction(DROP),
      m_holdLimit(32),
      m_tunnelMtu(65535)
{
    NS_LOG_FUNCTION(this);
}

IpsecEspL4Protocol::~IpsecEspL4Protocol()
{
    NS_LOG_FUNCTION(this);
}

void
IpsecEspL4Protocol::NotifyNewAggregate()
{
    NS_LOG_FUNCTION(this);
    if (!m_node)
    {
        m_node = GetObject<Node>();
    }
    if (!m_ipv6)
    {
        m_ipv6 = GetObject<Ipv6L3Protocol>();
        if (m_ipv6)
        {
            m_ipv6->Insert(this);
            m_downTarget = MakeCallback(&Ipv6L3Protocol::Send, m_ipv6);
        }
    }
    if (!m_sad)
    {
        m_sad = GetObject<IpsecSad>();
        if (m_sad)
        {
            m_sad->TraceConnectWithoutContext("Change",
                                              MakeCallback(&IpsecEspL4Protocol::SadChanged, this));
        }
    }
    m_spd = m_spd ? m_spd : GetObject<IpsecSpd>();
    m_pfKey = m_pfKey ? m_pfKey : GetObject<IpsecPfKey>();
    m_rng = m_rng ? m_rng : GetObject<CryptoRandom>();
    IpL4Protocol::NotifyNewAggregate();
}

void
IpsecEspL4Protocol::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_held.clear();
    m_node = nullptr;
    m_ipv6 = nullptr;
    m_sad = nullptr;
    m_spd = nullptr;
    m_pfKey = nullptr;
    m_rng = nullptr;
    m_device = nullptr;
    m_downTarget = DownTargetCallback6();
    IpL4Protocol::DoDispose();
}

uint32_t
IpsecEspL4Protocol::CreateTunnelInterface()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_ipv6 || !m_node, "install IPv6 before IpsecEspL4Protocol");
    NS_ABORT_MSG_IF(!m_sad || !m_spd || !m_pfKey || !m_rng,
                    "IpsecEspL4Protocol needs IpsecSad, IpsecSpd, IpsecPfKey and CryptoRandom "
                    "on its node (use IpsecHelper)");
    NS_ABORT_MSG_IF(m_device, "the IPsec tunnel interface already exists");
    m_device = CreateObject<VirtualNetDevice>();
    m_device->SetAddress(Mac48Address::Allocate()); // a VND without address aborts at SetUp
    m_device->SetMtu(m_tunnelMtu);
    m_device->SetSendCallback(MakeCallback(&IpsecEspL4Protocol::TunnelSend, this));
    m_node->AddDevice(m_device);
    m_interface = m_ipv6->AddInterface(m_device);
    m_ipv6->SetForwarding(m_interface, true);
    m_ipv6->SetUp(m_interface);
    return m_interface;
}

Ptr<VirtualNetDevice>
IpsecEspL4Protocol::GetTunnelDevice() const
{
    return m_device;
}

uint32_t
IpsecEspL4Protocol::GetTunnelInterface() const
{
    return m_interface;
}

uint64_t
IpsecEspL4Protocol::GetDropCount(IpsecDropReason reason) const
{
    return m_drops.at(static_cast<uint8_t>(reason));
}

uint64_t
IpsecEspL4Protocol::GetTxCount() const
{
    return m_tx;
}

uint64_t
IpsecEspL4Protocol::GetRxCount() const
{
    return m_rx;
}

int
IpsecEspL4Protocol::GetProtocolNumber() const
{
    return PROT_NUMBER;
}

void
IpsecEspL4Protocol::Drop(Ptr<const Packet> packet, uint32_t spi, IpsecDropReason reason)
{
    NS_LOG_LOGIC("drop " << ToString(reason) << " spi " << spi << " size " << packet->GetSize());
    m_drops.at(static_cast<uint8_t>(reason))++;
    m_dropTrace(packet, spi, reason);
}

void
IpsecEspL4Protocol::NotifyDrop(Ptr<const Packet> packet, IpsecDropReason reason)
{
    Drop(packet, 0, reason);
}

bool
IpsecEspL4Protocol::TunnelSend(Ptr<Packet> packet,
                               const Address& /* source */,
                               const Address& /* dest */,
                               uint16_t /* proto */)
{
    ProcessOutbound(packet);
    return true;
}

void
IpsecEspL4Protocol::ProcessOutbound(Ptr<Packet> packet)
{
    NS_LOG_FUNCTION(this << packet->GetSize());
    IpsecPacketFields fields;
    if (!IpsecPacketFields::FromPacket(packet, true, fields))
    {
        Drop(packet, 0, IpsecDropReason::MALFORMED);
        return;
    }
    // The tunnel interface's own neighbour discovery (DAD, RS) is not traffic to protect.
    if (fields.local.IsAny() || fields.local.IsLinkLocal() || fields.remote.IsMulticast())
    {
        NS_LOG_LOGIC("ignoring the tunnel interface's own packet to " << fields.remote);
        return;
    }
    const IpsecPolicy* policy = m_spd->Lookup(IpsecDirection::OUTBOUND, fields);
    if (!policy || policy->action == IpsecPolicyAction::BYPASS)
    {
        SendBypass(packet);
        return;
    }
    if (policy->action == IpsecPolicyAction::DISCARD)
    {
        Drop(packet, 0, IpsecDropReason::POLICY_DISCARD);
        return;
    }
    IpsecSecurityAssociation* sa = m_sad->FindOutbound(policy->id);
    if (!sa)
    {
        // Queue before asking for keys: a key manager may answer at once.
        uint32_t policyId = policy->id;
        IpsecDropReason reason = IpsecDropReason::NO_SA;
        if (m_noSaAction == HOLD)
        {
            auto& queue = m_held[policyId];
            reason =
                queue.size() < m_holdLimit ? IpsecDropReason::NONE : IpsecDropReason::HOLD_OVERFLOW;
            if (reason == IpsecDropReason::NONE)
            {
                queue.push_back(packet);
            }
        }
        if (reason != IpsecDropReason::NONE)
        {
            Drop(packet, 0, reason);
        }
        m_pfKey->Acquire(*policy, fields);
        return;
    }
    Protect(*sa, packet);
}

void
IpsecEspL4Protocol::Protect(IpsecSecurityAssociation& sa, Ptr<Packet> packet)
{
    uint64_t limit =
        sa.esn ? std::numeric_limits<uint64_t>::max() : std::numeric_limits<uint32_t>::max();
    if (sa.sequence >= limit)
    {
        Drop(packet, sa.spi, IpsecDropReason::SEQ_OVERFLOW);
        return;
    }
    Ipv6Header inner;
    packet->PeekHeader(inner);
    Ipv6Address source = sa.source;
    Ipv6Address destination = sa.destination;
    uint8_t nextHeader = IPV6_IN_IPV6;
    Ptr<Packet> payload = packet;
    if (sa.mode == IpsecMode::TRANSPORT)
    {
        payload = packet->Copy();
        payload->RemoveHeader(inner);
        source = inner.GetSource();
        destination = inner.GetDestination();
        nextHeader = inner.GetNextHeader();
    }
    uint64_t seq = sa.sequence + 1;
    std::vector<uint8_t> iv;
    if (IsCombinedMode(sa.encryption))
    {
        iv = WireBytesU64(seq); // RFC 4106 §3.1: a counter is fine
    }
    else
    {
        iv = m_rng->GetBytes(GetEncryptionIvLength(sa.encryption));
    }
    std::vector<uint8_t> esp;
    if (!IpsecEspCodec::Seal(sa, seq, ToBytes(payload), nextHeader, iv, esp))
    {
        Drop(packet, sa.spi, IpsecDropReason::MALFORMED);
        return;
    }
    sa.sequence = seq;
    uint32_t spi = sa.spi;
    if (!m_sad->Account(sa, payload->GetSize()))
    {
        Drop(packet, spi, IpsecDropReason::SA_EXPIRED);
        return;
    }
    Ptr<Packet> out = Create<Packet>(esp.data(), esp.size());
    m_tx++;
    m_txTrace(out, spi, seq);
    m_downTarget(out, source, destination, PROT_NUMBER, nullptr);
}

void
IpsecEspL4Protocol::SendBypass(Ptr<Packet> packet)
{
    Ipv6Header header;
    Ptr<Packet> payload = packet->Copy();
    payload->RemoveHeader(header);
    payload->AddPacketTag(IpsecBypassTag());
    // Sent again as it was: keep the hop limit its sender chose (e.g. 255 for ICMPv6 mobility
    // messages, RFC 4067 §3), which Ipv6L3Protocol::Send would otherwise reset to its default.
    SocketIpv6HopLimitTag hopLimit;
    payload->RemovePacketTag(hopLimit);
    hopLimit.SetHopLimit(header.GetHopLimit());
    payload->AddPacketTag(hopLimit);
    NS_LOG_LOGIC("bypass " << header.GetSource() << " -> " << header.GetDestination());
    m_downTarget(payload,
                 header.GetSource(),
                 header.GetDestination(),
                 header.GetNextHeader(),
                 nullptr);
}

IpL4Protocol::RxStatus
IpsecEspL4Protocol::Receive(Ptr<Packet> p, const Ipv4Header& /* header */, Ptr<Ipv4Interface>)
{
    Drop(p, 0, IpsecDropReason::MALFORMED); // this model is IPv6 only
    return RX_ENDPOINT_UNREACH;
}

IpL4Protocol::RxStatus
IpsecEspL4Protocol::Receive(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface)
{
    NS_LOG_FUNCTION(this << p->GetSize() << header.GetSource());
    std::vector<uint8_t> esp = ToBytes(p);
    uint32_t spi;
    uint32_t seqLow;
    if (!IpsecEspCodec::Peek(esp, spi, seqLow))
    {
        Drop(p, 0, IpsecDropReason::MALFORMED);
        return RX_OK;
    }
    IpsecSecurityAssociation* sa = m_sad->FindInbound(spi);
    if (!sa)
    {
        Drop(p, spi, IpsecDropReason::NO_SA);
        return RX_OK;
    }
    uint64_t seq;
    if (sa->replay.Check(seqLow, seq) != IpsecReplayWindow::Verdict::ACCEPT)
    {
        Drop(p, spi, IpsecDropReason::REPLAY);
        return RX_OK;
    }
    std::vector<uint8_t> payload;
    uint8_t nextHeader = 0;
    IpsecDropReason reason = IpsecEspCodec::Open(*sa, seq, esp, payload, nextHeader);
    if (reason != IpsecDropReason::NONE)
    {
        Drop(p, spi, reason);
        return RX_OK;
    }
    bool tunnel = sa->mode == IpsecMode::TUNNEL;
    if (tunnel != (nextHeader == IPV6_IN_IPV6))
    {
        Drop(p, spi, IpsecDropReason::MALFORMED);
        return RX_OK;
    }
    Ptr<Packet> inner = Create<Packet>(payload.data(), payload.size());
    // Transport mode: the packet as it was before ESP, the ESP trailer's next header in place.
    Ipv6Header fixed = header;
    fixed.SetNextHeader(nextHeader);
    fixed.SetPayloadLength(inner->GetSize());
    reason = CheckInboundPolicy(*sa, tunnel, fixed, inner);
    if (reason != IpsecDropReason::NONE)
    {
        Drop(p, spi, reason);
        return RX_OK;
    }
    sa->replay.Update(seq);
    if (!m_sad->Account(*sa, payload.size()))
    {
        Drop(p, spi, IpsecDropReason::SA_EXPIRED);
        return RX_OK;
    }
    m_rx++;
    m_rxTrace(p, spi, seq);
    DeliverInbound(p, spi, tunnel, inner, fixed, iface);
    return RX_OK;
}

IpsecDropReason
IpsecEspL4Protocol::CheckInboundPolicy(const IpsecSecurityAssociation& sa,
                                       bool tunnel,
                                       const Ipv6Header& fixed,
                                       Ptr<Packet> inner)
{
    IpsecPacketFields fields;
    bool parsed = tunnel ? IpsecPacketFields::FromPacket(inner, false, fields)
                         : IpsecPacketFields::FromHeader(fixed, inner, false, fields);
    if (!parsed)
    {
        return IpsecDropReason::MALFORMED;
    }
    const IpsecPolicy* policy = sa.policyId ? m_spd->Get(sa.policyId) : nullptr;
    if (policy && policy->direction == IpsecDirection::INBOUND && !policy->selector.Matches(fields))
    {
        return IpsecDropReason::POLICY_DISCARD;
    }
    return IpsecDropReason::NONE;
}

void
IpsecEspL4Protocol::DeliverInbound(Ptr<Packet> p,
                                   uint32_t spi,
                                   bool tunnel,
                                   Ptr<Packet> inner,
                                   const Ipv6Header& fixed,
                                   Ptr<Ipv6Interface> iface)
{
    if (tunnel)
    {
        m_device->Receive(inner,
                          Ipv6L3Protocol::PROT_NUMBER,
                          m_device->GetAddress(),
                          m_device->GetAddress(),
                          NetDevice::PACKET_HOST);
        return;
    }
    Ptr<IpL4Protocol> upper =
        m_ipv6->GetProtocol(fixed.GetNextHeader(),
                            m_ipv6->GetInterfaceForDevice(iface->GetDevice()));
    if (!upper)
    {
        Drop(p, spi, IpsecDropReason::MALFORMED);
        return;
    }
    upper->Receive(inner, fixed, iface);
}

void
IpsecEspL4Protocol::SadChanged(const IpsecSecurityAssociation& sa, bool added)
{
    if (!added || sa.direction != IpsecDirection::OUTBOUND)
    {
        return;
    }
    auto it = m_held.find(sa.policyId);
    if (it == m_held.end())
    {
        return;
    }
    std::deque<Ptr<Packet>> queue;
    queue.swap(it->second);
    m_held.erase(it);
    NS_LOG_INFO("releasing " << queue.size() << " held packets of policy " << sa.policyId);
    for (auto& packet : queue)
    {
        ProcessOutbound(packet);
    }
}

void
IpsecEspL4Protocol::SetDownTarget(DownTargetCallback)
{
}

void
IpsecEspL4Protocol::SetDownTarget6(DownTargetCallback6 cb)
{
    m_downTarget = cb;
}

IpL4Protocol::DownTargetCallback
IpsecEspL4Protocol::GetDownTarget() const
{
    return DownTargetCallback();
}

IpL4Protocol::DownTargetCallback6
IpsecEspL4Protocol::GetDownTarget6() const
{
    return m_downTarget;
}

} // namespace ns3
