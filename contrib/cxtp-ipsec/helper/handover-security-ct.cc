/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "handover-security-ct.h"

#include "ns3/crypto-mac.h"
#include "ns3/cxtp-agent.h"
#include "ns3/ipsec-pf-key.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HandoverSecurityCt");
NS_OBJECT_ENSURE_REGISTERED(HandoverSecurityCt);

namespace
{
constexpr uint8_t PROTO_UDP = 17;
constexpr uint16_t CXTP_PORT = 5091;
} // namespace

TypeId
HandoverSecurityCt::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::HandoverSecurityCt")
            .SetParent<HandoverSecurityIkev1>()
            .SetGroupName("CxtpIpsec")
            .AddConstructor<HandoverSecurityCt>()
            .AddAttribute("FallbackTimeout",
                          "How long the MN waits for the context transfer before it runs a full "
                          "IKEv1 negotiation with the new gateway.",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&HandoverSecurityCt::m_fallbackTimeout),
                          MakeTimeChecker(MilliSeconds(1)));
    return tid;
}

HandoverSecurityCt::HandoverSecurityCt()
    : HandoverSecurityIkev1(false),
      m_fallbackTimeout(Seconds(1)),
      m_path("ike")
{
}

std::string
HandoverSecurityCt::GetName() const
{
    return "ikev1-ct";
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
    HandoverSecurityIkev1::DoDispose();
}

void
HandoverSecurityCt::Install(const Topology& topology)
{
    HandoverSecurityIkev1::Install(topology);
    m_seq = CreateObject<UniformRandomVariable>();
    NodeContainer nodes(topology.mobileNode);
    for (const auto& gw : topology.gateways)
    {
        nodes.Add(gw);
    }
    for (uint32_t i = 0; i < nodes.GetN(); ++i)
    {
        IpsecHelper::AddBypass(nodes.Get(i),
                               IpsecTrafficSelector::ForProtocol(PROTO_UDP, CXTP_PORT));
        Ptr<CxtpAgent> agent = CreateObject<CxtpAgent>();
        agent->SetAttribute("Role", StringValue(i == 0 ? "mobile" : "gateway"));
        nodes.Get(i)->AddApplication(agent);
        m_agents.Add(agent);
        if (i > 0)
        {
            agent->TraceConnectWithoutContext(
                "Installed",
                MakeCallback(&HandoverSecurityCt::ContextsInstalled, this).Bind(i - 1));
        }
    }
    TraceConnectWithoutContext("Ready", MakeCallback(&HandoverSecurityCt::SetTokenKeys, this));
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
    DynamicCast<CxtpAgent>(m_agents.Get(0))
        ->SendCtar(t.gatewayAddresses[link], previousCoa, t.gatewayAddresses[previous], sequence);
    m_fallback.Cancel();
    m_fallback = Simulator::Schedule(m_fallbackTimeout, &HandoverSecurityCt::Fallback, this, link);
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
        HandoverSecurityIkev1::Attach(link, coa);
    }
    else if (m_fallbackPending)
    {
        m_fallbackPending = false;
        HandoverSecurityIkev1::Attach(link, coa);
    }
}

void
HandoverSecurityCt::ContextsInstalled(uint32_t gateway, Ipv6Address /* mn */, uint32_t /* sas */)
{
    if (m_link && *m_link == gateway && m_path == "ct")
    {
        m_fallback.Cancel();
        NotifyReady(gateway);
    }
}

void
HandoverSecurityCt::Fallback(uint32_t link)
{
    NS_LOG_INFO("context transfer to link " << link << " did not complete: full IKEv1");
    m_path = "fallback-ike";
    if (!m_usable)
    {
        m_fallbackPending = true; // IKE may not use the tentative CoA: start once DAD ends
        return;
    }
    HandoverSecurityIkev1::Attach(link, m_coa);
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
        std::vector<uint8_t> input{'c', 'x', 't', 'p', '-', 't', 'o', 'k', 'e', 'n'};
        uint8_t address[16];
        m_coa.GetBytes(address);
        input.insert(input.end(), address, address + 16);
        std::vector<uint8_t> key = CryptoMac::Hmac(CryptoHash::SHA1, sa.integrityKey, input);
        DynamicCast<CxtpAgent>(m_agents.Get(0))->SetTokenKey(m_coa, key);
        DynamicCast<CxtpAgent>(m_agents.Get(link + 1))->SetTokenKey(m_coa, key);
        return;
    }
    NS_LOG_WARN("no SA towards " << gateway << ": no token key for the next move");
}

} // namespace ns3
