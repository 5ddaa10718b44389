/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "handover-security-ike.h"

#include "ike-helper.h"

#include "ns3/boolean.h"
#include "ns3/ipsec-spd.h"
#include "ns3/log.h"
#include "ns3/string.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HandoverSecurityIke");
NS_OBJECT_ENSURE_REGISTERED(HandoverSecurityIke);

TypeId
HandoverSecurityIke::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::HandoverSecurityIke")
            .SetParent<HandoverSecurityMethod>()
            .SetGroupName("CxtpIpsec")
            .AddAttribute("Profile",
                          "Cost profile of the daemons (zero, testbed-2008, host, or a path).",
                          StringValue("zero"),
                          MakeStringAccessor(&HandoverSecurityIke::m_profile),
                          MakeStringChecker())
            .AddAttribute("PreSharedKey",
                          "Pre-shared key of every MN–gateway pair.",
                          StringValue("cxtp-secret"),
                          MakeStringAccessor(&HandoverSecurityIke::m_psk),
                          MakeStringChecker());
    return tid;
}

HandoverSecurityIke::HandoverSecurityIke()
    : m_profile("zero"),
      m_psk("cxtp-secret")
{
}

HandoverSecurityIke::~HandoverSecurityIke() = default;

void
HandoverSecurityIke::DoDispose()
{
    m_daemons = ApplicationContainer();
    HandoverSecurityMethod::DoDispose();
}

ApplicationContainer
HandoverSecurityIke::GetDaemons() const
{
    return m_daemons;
}

const std::string&
HandoverSecurityIke::GetProfile() const
{
    return m_profile;
}

const std::string&
HandoverSecurityIke::GetPreSharedKey() const
{
    return m_psk;
}

void
HandoverSecurityIke::Install(const Topology& topology)
{
    HandoverSecurityMethod::Install(topology); // IPsec and PROTECT rules, no keys
    std::unique_ptr<IkeHelper> ike = ConfigureDaemons();
    ike->SetCostProfile(m_profile);
    NodeContainer nodes(topology.mobileNode);
    for (uint32_t link = 0; link < topology.gateways.size(); ++link)
    {
        nodes.Add(topology.gateways[link]);
        Authorize(*ike, topology.mobileNode, topology.gatewayAddresses[link]);
        Authorize(*ike, topology.gateways[link], topology.careOfAddresses[link]);
    }
    m_daemons = ike->Install(nodes);
    for (uint32_t i = 0; i < m_daemons.GetN(); ++i)
    {
        if (i > 0)
        {
            // Gateways answer their mobile peers and never initiate.
            m_daemons.Get(i)->SetAttribute("Passive", BooleanValue(true));
        }
        m_daemons.Get(i)->TraceConnectWithoutContext(
            "Installed",
            MakeCallback(&HandoverSecurityIke::Installed, this).Bind(i));
    }
}

void
HandoverSecurityIke::Authorize(const IkeHelper& ike, Ptr<Node> node, const Ipv6Address& peer)
{
    ike.AddPreSharedKeyEntry(node, peer, Ipv6Prefix(128), m_psk);
}

uint32_t
HandoverSecurityIke::FindMobileRule(uint32_t link) const
{
    const Topology& t = GetTopology();
    for (const auto& p : t.mobileNode->GetObject<IpsecSpd>()->GetPolicies())
    {
        if (p.direction == IpsecDirection::OUTBOUND && p.action == IpsecPolicyAction::PROTECT &&
            p.tunnelLocal == t.careOfAddresses[link] && p.tunnelRemote == t.gatewayAddresses[link])
        {
            return p.id;
        }
    }
    return GetTunnel(link).outPolicyA;
}

void
HandoverSecurityIke::Attach(uint32_t link, const Ipv6Address& /* coa */)
{
    NS_LOG_FUNCTION(this << link);
    m_installedEnds[link].clear();
    Negotiate(m_daemons.Get(0), FindMobileRule(link));
}

void
HandoverSecurityIke::Detach(uint32_t link)
{
    NS_LOG_FUNCTION(this << link);
    const Topology& t = GetTopology();
    Purge(m_daemons.Get(0), t.gatewayAddresses[link]);
    Purge(m_daemons.Get(link + 1), t.careOfAddresses[link]);
}

void
HandoverSecurityIke::Installed(uint32_t node,
                               const Ipv6Address& peer,
                               uint32_t /* inSpi */,
                               uint32_t /* outSpi */)
{
    const Topology& t = GetTopology();
    for (uint32_t link = 0; link < t.gateways.size(); ++link)
    {
        // The MN (node 0) sees the gateway as peer; gateway link+1 sees the MN's CoA.
        bool mine = (node == 0 && peer == t.gatewayAddresses[link]) ||
                    (node == link + 1 && peer == t.careOfAddresses[link]);
        if (mine && m_installedEnds[link].insert(node).second && m_installedEnds[link].size() == 2)
        {
            NotifyReady(link);
        }
    }
}

} // namespace ns3
