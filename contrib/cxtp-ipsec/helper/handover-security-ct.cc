/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "handover-security-ct.h"

#include "ns3/boolean.h"
#include "ns3/crypto-mac.h"
#include "ns3/cxtp-agent.h"
#include "ns3/cxtp-icmpv6-header.h"
#include "ns3/ike-sa-transfer.h"
#include "ns3/ipsec-pf-key.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "ns3/wire-writer.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HandoverSecurityCt");
NS_OBJECT_ENSURE_REGISTERED(HandoverSecurityCt);

namespace
{
constexpr uint8_t PROTO_UDP = 17;
constexpr uint8_t PROTO_ICMPV6 = 58;
constexpr uint16_t CXTP_PORT = 5091;
} // namespace

TypeId
HandoverSecurityCt::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::HandoverSecurityCt")
            .SetParent<HandoverSecurityMethod>()
            .SetGroupName("CxtpIpsec")
            .AddConstructor<HandoverSecurityCt>()
            .AddAttribute("IkeMethod",
                          "The IKE method (a HandoverSecurityMethod name) of the first contact "
                          "and of the fallback; its daemons must implement IkeSaTransfer.",
                          StringValue("ikev1-main"),
                          MakeStringAccessor(&HandoverSecurityCt::m_ikeMethod),
                          MakeStringChecker())
            .AddAttribute("Profile",
                          "Cost profile of the IKE method, the CXTP agents and PF_KEY (a name "
                          "or an INI path).",
                          StringValue("zero"),
                          MakeStringAccessor(&HandoverSecurityCt::m_profile),
                          MakeStringChecker())
            .AddAttribute("FallbackTimeout",
                          "How long the MN waits for the context transfer before it runs a full "
                          "IKE negotiation with the new gateway; at least five gateway round "
                          "trips of the topology (a transfer that recovers one lost message).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&HandoverSecurityCt::m_fallbackTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute(
                "Mode",
                "\"predictive\": pSG pushes the contexts to nSG on the handover hint "
                "(RFC 4067 §5.1); \"reactive\": nSG asks pSG after the MN's CTAR "
                "(§5.3).",
                StringValue("predictive"),
                MakeStringAccessor(&HandoverSecurityCt::SetMode, &HandoverSecurityCt::GetMode),
                MakeStringChecker())
            .AddAttribute("Transport",
                          "How the MN's CTAR travels: \"udp\" (port 5091) or \"icmpv6\" "
                          "(Experimental Mobility type 150, subtype 1, RFC 4067 §3).",
                          StringValue("udp"),
                          MakeStringAccessor(&HandoverSecurityCt::SetTransport,
                                             &HandoverSecurityCt::GetTransport),
                          MakeStringChecker())
            .AddAttribute("GatewayEsp",
                          "Protect CXTP between the gateways with manually keyed ESP transport "
                          "SAs (RFC 4067 §3, §6.2).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&HandoverSecurityCt::m_gatewayEsp),
                          MakeBooleanChecker())
            .AddAttribute("SequenceMargin",
                          "Predictive mode: added by nSG to the sequence counter of each "
                          "transferred outbound SA (CxtpAgent::SequenceJump), so that packets pSG "
                          "sent after its snapshot do not make nSG's first ones replays.",
                          UintegerValue(1024),
                          MakeUintegerAccessor(&HandoverSecurityCt::m_sequenceMargin),
                          MakeUintegerChecker<uint64_t>());
    return tid;
}

HandoverSecurityCt::HandoverSecurityCt()
    : m_ikeMethod("ikev1-main"),
      m_profile("zero"),
      m_fallbackTimeout(Seconds(1)),
      m_path("ike")
{
}

std::string
HandoverSecurityCt::GetName() const
{
    return "ikev1-ct";
}

void
HandoverSecurityCt::SetMode(std::string mode)
{
    NS_ABORT_MSG_UNLESS(mode == "predictive" || mode == "reactive",
                        "HandoverSecurityCt Mode must be predictive or reactive, not " << mode);
    m_predictive = mode == "predictive";
}

std::string
HandoverSecurityCt::GetMode() const
{
    return m_predictive ? "predictive" : "reactive";
}

bool
HandoverSecurityCt::IsPredictive() const
{
    return m_predictive;
}

void
HandoverSecurityCt::SetTransport(std::string transport)
{
    NS_ABORT_MSG_UNLESS(transport == "udp" || transport == "icmpv6",
                        "HandoverSecurityCt Transport must be udp or icmpv6, not " << transport);
    m_transport = transport;
}

std::string
HandoverSecurityCt::GetTransport() const
{
    return m_transport;
}

std::set<uint32_t>
HandoverSecurityCt::GetSignallingSpis() const
{
    return m_gatewaySpis;
}

ApplicationContainer
HandoverSecurityCt::GetDaemons() const
{
    return m_ike ? m_ike->GetDaemons() : ApplicationContainer();
}

std::string
HandoverSecurityCt::GetLastPath() const
{
    return m_path;
}

ApplicationContainer
HandoverSecurityCt::GetAgents() const
{
    return m_agents;
}

void
HandoverSecurityCt::DoDispose()
{
    m_fallback.Cancel();
    m_agents = ApplicationContainer();
    m_seq = nullptr;
    if (m_ike)
    {
        m_ike->Dispose();
        m_ike = nullptr;
    }
    HandoverSecurityMethod::DoDispose();
}

void
HandoverSecurityCt::Install(const Topology& topology)
{
    m_ike = HandoverSecurityMethod::Create(m_ikeMethod);
    m_ike->SetAttributeFailSafe("Profile", StringValue(m_profile));
    m_ike->SetAttribute("Encryption", StringValue(ToString(m_encryption)));
    m_ike->SetAttribute("Integrity", StringValue(ToString(m_integrity)));
    m_ike->Install(topology); // IPsec, the PROTECT rules and the IKE daemons
    AdoptInstallation(*m_ike);
    m_ike->TraceConnectWithoutContext("Ready", MakeCallback(&HandoverSecurityCt::IkeReady, this));
    m_seq = CreateObject<UniformRandomVariable>();
    NodeContainer nodes(topology.mobileNode);
    for (const auto& gw : topology.gateways)
    {
        nodes.Add(gw);
    }
    IpsecTrafficSelector icmp = IpsecTrafficSelector::ForProtocol(PROTO_ICMPV6);
    icmp.localPortMin = CxtpIcmpv6Header::TYPE << 8; // type 150, any code (RFC 4065 §4)
    icmp.localPortMax = (CxtpIcmpv6Header::TYPE << 8) | 0xff;
    for (uint32_t i = 0; i < nodes.GetN(); ++i)
    {
        IpsecHelper::AddBypass(nodes.Get(i),
                               IpsecTrafficSelector::ForProtocol(PROTO_UDP, CXTP_PORT));
        IpsecHelper::AddBypass(nodes.Get(i), icmp);
        Ptr<CxtpAgent> agent = CreateObject<CxtpAgent>();
        agent->SetAttribute("Role", StringValue(i == 0 ? "mobile" : "gateway"));
        agent->SetAttribute("Transport", StringValue(m_transport));
        if (i > 0 && m_predictive)
        {
            agent->SetAttribute("SequenceJump", UintegerValue(m_sequenceMargin));
        }
        TimeValue assumed;
        agent->GetAttribute("PeerRoundTrip", assumed);
        if (i > 0 && assumed.Get().IsZero())
        {
            // The topology's round trip, unless the user set one (ns3::CxtpAgent::PeerRoundTrip).
            agent->SetAttribute("PeerRoundTrip", TimeValue(topology.gatewayRoundTrip));
        }
        nodes.Get(i)->AddApplication(agent);
        m_agents.Add(agent);
        if (i > 0)
        {
            agent->TraceConnectWithoutContext(
                "Installed",
                MakeCallback(&HandoverSecurityCt::ContextsInstalled, this).Bind(i - 1));
            agent->TraceConnectWithoutContext(
                "SpiUpdated",
                MakeCallback(&HandoverSecurityCt::SpiUpdated, this).Bind(i - 1));
        }
    }
    TraceConnectWithoutContext("Ready", MakeCallback(&HandoverSecurityCt::SetTokenKeys, this));
    if (m_gatewayEsp)
    {
        InstallGatewayEsp(topology);
    }
}

void
HandoverSecurityCt::InstallGatewayEsp(const Topology& topology)
{
    // Every global address of a gateway may source or receive CXTP (the CTAR names the access
    // address, replies go to the core address a message came from): one SA pair per pair of
    // addresses, ahead of the BYPASS rule for UDP 5091.
    auto addresses = [](Ptr<Node> node) {
        std::vector<Ipv6Address> out;
        Ptr<Ipv6L3Protocol> ipv6 = node->GetObject<Ipv6L3Protocol>();
        for (uint32_t i = 0; i < ipv6->GetNInterfaces(); ++i)
        {
            for (uint32_t j = 0; j < ipv6->GetNAddresses(i); ++j)
            {
                Ipv6InterfaceAddress a = ipv6->GetAddress(i, j);
                if (a.GetScope() == Ipv6InterfaceAddress::GLOBAL)
                {
                    out.push_back(a.GetAddress());
                }
            }
        }
        return out;
    };
    IpsecTrafficSelector cxtp = IpsecTrafficSelector::ForProtocol(PROTO_UDP);
    cxtp.localPortMin = cxtp.localPortMax = CXTP_PORT;
    cxtp.remotePortMin = cxtp.remotePortMax = CXTP_PORT;
    const auto& gws = topology.gateways;
    for (uint32_t i = 0; i < gws.size(); ++i)
    {
        for (uint32_t j = i + 1; j < gws.size(); ++j)
        {
            for (const auto& a : addresses(gws[i]))
            {
                for (const auto& b : addresses(gws[j]))
                {
                    IpsecHelper::Tunnel t =
                        IpsecHelper::AddTransport(gws[i],
                                                  a,
                                                  gws[j],
                                                  b,
                                                  cxtp,
                                                  m_encryption,
                                                  m_integrity,
                                                  IpsecHelper::BYPASS_PRIORITY - 1);
                    m_gatewaySpis.insert(t.spiAtoB);
                    m_gatewaySpis.insert(t.spiBtoA);
                }
            }
        }
    }
}

void
HandoverSecurityCt::HandoverHint(uint32_t from, uint32_t to)
{
    NS_LOG_FUNCTION(this << from << to);
    if (!m_predictive || !m_link || *m_link != from)
    {
        return; // reactive, or the MN is not at that gateway
    }
    const Topology& t = GetTopology();
    DynamicCast<CxtpAgent>(m_agents.Get(from + 1))->PushContexts(m_coa, t.gatewayAddresses[to]);
}

void
HandoverSecurityCt::CorruptMobileTokenKey()
{
    DynamicCast<CxtpAgent>(m_agents.Get(0))
        ->SetTokenKey(m_coa, std::vector<uint8_t>(20, 0x5a)); // not the derived key
}

void
HandoverSecurityCt::Detach(uint32_t /* link */)
{
    // pSG keeps the MN's contexts: they are what the transfer moves.
    m_usable = false;
}

void
HandoverSecurityCt::CoaFormed(uint32_t link, const Ipv6Address& coa)
{
    NS_LOG_FUNCTION(this << link << coa);
    if (!m_link)
    {
        return; // the first attachment negotiates with IKE once the CoA is usable
    }
    // The CTAR goes out at once: the MN's CXTP module uses the new CoA optimistically
    // (RFC 4429) for this one message; IKE, in user space, would wait for DAD.
    const Topology& t = GetTopology();
    uint32_t previous = *m_link;
    Ipv6Address previousCoa = m_coa;
    m_link = link;
    m_coa = coa;
    m_path = "ct";
    m_fallbackPending = false;
    auto sequence = static_cast<uint32_t>(m_seq->GetInteger(0, 0xffffffff));
    m_tokenSalt = sequence;
    DynamicCast<CxtpAgent>(m_agents.Get(0))
        ->SendCtar(t.gatewayAddresses[link], previousCoa, t.gatewayAddresses[previous], sequence);
    m_fallback.Cancel();
    // A long core path: wait for a transfer that recovers one lost message (a first timeout of
    // 3 round trips, CxtpTransferTimers, then one round trip) and one round trip of margin.
    Time wait = std::max(m_fallbackTimeout, t.gatewayRoundTrip * 5);
    m_fallback = Simulator::Schedule(wait, &HandoverSecurityCt::Fallback, this, link);
}

void
HandoverSecurityCt::Attach(uint32_t link, const Ipv6Address& coa)
{
    NS_LOG_FUNCTION(this << link << coa);
    m_usable = true;
    if (!m_link)
    {
        m_link = link;
        m_coa = coa;
        m_path = "ike";
        m_ike->Attach(link, coa);
    }
    else if (m_fallbackPending)
    {
        m_fallbackPending = false;
        m_ike->Attach(link, coa);
    }
}

void
HandoverSecurityCt::IkeReady(uint32_t link)
{
    NotifyReady(link);
}

void
HandoverSecurityCt::ContextsInstalled(uint32_t gateway, Ipv6Address /* mn */, uint32_t /* sas */)
{
    if (m_link && *m_link == gateway && (m_path == "ct" || m_path == "ct+update-spi"))
    {
        m_fallback.Cancel();
        NotifyReady(gateway);
    }
}

void
HandoverSecurityCt::SpiUpdated(uint32_t gateway, Ipv6Address /* mn */, uint32_t /* entries */)
{
    if (m_link && *m_link == gateway && m_path == "ct")
    {
        m_path = "ct+update-spi"; // "Installed" follows at once: the handover is ready
    }
}

void
HandoverSecurityCt::Fallback(uint32_t link)
{
    NS_LOG_INFO("context transfer to link " << link << " did not complete: full IKE");
    // The MN moved its IKE SA to the new gateway with its tunnel; that gateway never got it.
    // Forget it so that IKE starts afresh instead of an exchange nobody knows.
    IkeSaTransfer::ForNode(GetTopology().mobileNode)->Purge(GetTopology().gatewayAddresses[link]);
    m_path = "fallback-ike";
    if (!m_usable)
    {
        m_fallbackPending = true; // IKE may not use the tentative CoA: start once DAD ends
        return;
    }
    m_ike->Attach(link, m_coa);
}

void
HandoverSecurityCt::SetTokenKeys(uint32_t link)
{
    const Topology& t = GetTopology();
    Ipv6Address gateway = t.gatewayAddresses[link];
    for (const auto& sa : t.mobileNode->GetObject<IpsecPfKey>()->Dump())
    {
        if (sa.direction != IpsecDirection::OUTBOUND || sa.destination != gateway)
        {
            continue;
        }
        // The CTAR sequence number of the move that brought the SAs here (0 after IKE) keeps
        // the key of a later return to the same CoA, with the same transferred SA, new.
        uint32_t salt = m_path.rfind("ct", 0) == 0 ? m_tokenSalt : 0;
        std::vector<uint8_t> input{'c', 'x', 't', 'p', '-', 't', 'o', 'k', 'e', 'n'};
        WireWriter w(input);
        w.Ipv6(m_coa);
        w.U32(salt);
        std::vector<uint8_t> key = CryptoMac::Hmac(CryptoHash::SHA1, sa.integrityKey, input);
        DynamicCast<CxtpAgent>(m_agents.Get(0))->SetTokenKey(m_coa, key);
        DynamicCast<CxtpAgent>(m_agents.Get(link + 1))->SetTokenKey(m_coa, key);
        return;
    }
    NS_LOG_WARN("no SA towards " << gateway << ": no token key for the next move");
}

} // namespace ns3
