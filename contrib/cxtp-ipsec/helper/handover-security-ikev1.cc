/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "handover-security-ikev1.h"

#include "ikev1-helper.h"

#include "ns3/boolean.h"
#include "ns3/ikev1-daemon.h"
#include "ns3/ipsec-spd.h"
#include "ns3/log.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HandoverSecurityIkev1");
NS_OBJECT_ENSURE_REGISTERED(HandoverSecurityIkev1);

TypeId
HandoverSecurityIkev1::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::HandoverSecurityIkev1")
            .SetParent<HandoverSecurityMethod>()
            .SetGroupName("CxtpIpsec")
            .AddConstructor<HandoverSecurityIkev1>()
            .AddAttribute("Profile",
                          "Cost profile of the daemons (zero, testbed-2008, host, or a path).",
                          StringValue("zero"),
                          MakeStringAccessor(&HandoverSecurityIkev1::m_profile),
                          MakeStringChecker())
            .AddAttribute("Pfs",
                          "PFS in quick mode.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&HandoverSecurityIkev1::m_pfs),
                          MakeBooleanChecker())
            .AddAttribute("PfsGroup",
                          "Quick-mode DH group (racoon's pfs_group; 0 = the phase-1 group). "
                          "1 = MODP-768, as in racoon's sample racoon.conf: see "
                          "doc/cxtp-ipsec.rst, \"Message counts and sizes\".",
                          UintegerValue(1),
                          MakeUintegerAccessor(&HandoverSecurityIkev1::m_pfsGroup),
                          MakeUintegerChecker<uint16_t>(0, 14))
            .AddAttribute("DpdVendorId",
                          "Send the RFC 3706 DPD vendor ID in MM1/MM2, AM1/AM2 (racoon's dpd; "
                          "off: racoon built without DPD, or dpd off).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&HandoverSecurityIkev1::m_dpdVendorId),
                          MakeBooleanChecker())
            .AddAttribute("Phase1Proposals",
                          "Phase-1 transforms of every daemon (Ikev1Daemon::Phase1Proposals; "
                          "empty: one, 3des-cbc/sha1/2).",
                          StringValue(""),
                          MakeStringAccessor(&HandoverSecurityIkev1::m_phase1Proposals),
                          MakeStringChecker())
            .AddAttribute("EspTransforms",
                          "ESP transforms of every daemon (Ikev1Daemon::EspTransforms; empty: "
                          "the SPD rule's pair, from Encryption and Integrity).",
                          StringValue(""),
                          MakeStringAccessor(&HandoverSecurityIkev1::m_espTransforms),
                          MakeStringChecker())
            .AddAttribute("PreSharedKey",
                          "Pre-shared key of every MN–gateway pair.",
                          StringValue("cxtp-secret"),
                          MakeStringAccessor(&HandoverSecurityIkev1::m_psk),
                          MakeStringChecker());
    return tid;
}

HandoverSecurityIkev1::HandoverSecurityIkev1(bool aggressive)
    : m_aggressive(aggressive),
      m_profile("zero"),
      m_pfs(true),
      m_pfsGroup(1),
      m_dpdVendorId(false),
      m_psk("cxtp-secret")
{
}

std::string
HandoverSecurityIkev1::GetName() const
{
    return m_aggressive ? "ikev1-aggressive" : "ikev1-main";
}

void
HandoverSecurityIkev1::DoDispose()
{
    m_daemons = ApplicationContainer();
    HandoverSecurityMethod::DoDispose();
}

ApplicationContainer
HandoverSecurityIkev1::GetDaemons() const
{
    return m_daemons;
}

void
HandoverSecurityIkev1::Install(const Topology& topology)
{
    HandoverSecurityMethod::Install(topology); // IPsec and PROTECT rules, no keys
    Ikev1Helper ike;
    ike.SetCostProfile(m_profile);
    ike.SetAttribute("Mode", StringValue(m_aggressive ? "aggressive" : "main"));
    ike.SetAttribute("Pfs", BooleanValue(m_pfs));
    ike.SetAttribute("PfsGroup", UintegerValue(m_pfsGroup));
    ike.SetAttribute("DpdVendorId", BooleanValue(m_dpdVendorId));
    ike.SetAttribute("Phase1Proposals", StringValue(m_phase1Proposals));
    ike.SetAttribute("EspTransforms", StringValue(m_espTransforms));
    ike.SetAttribute("Encryption", StringValue(ToString(m_encryption)));
    NodeContainer nodes(topology.mobileNode);
    for (uint32_t link = 0; link < topology.gateways.size(); ++link)
    {
        nodes.Add(topology.gateways[link]);
        Ikev1Helper::AddPreSharedKey(topology.mobileNode,
                                     topology.gatewayAddresses[link],
                                     Ipv6Prefix(128),
                                     m_psk);
        Ikev1Helper::AddPreSharedKey(topology.gateways[link],
                                     topology.careOfAddresses[link],
                                     Ipv6Prefix(128),
                                     m_psk);
    }
    m_daemons = ike.Install(nodes);
    for (uint32_t i = 0; i < m_daemons.GetN(); ++i)
    {
        if (i > 0)
        {
            // Gateways answer their mobile peers and never initiate (racoon: passive on).
            m_daemons.Get(i)->SetAttribute("Passive", BooleanValue(true));
        }
        m_daemons.Get(i)->TraceConnectWithoutContext(
            "Installed",
            MakeCallback(&HandoverSecurityIkev1::Installed, this).Bind(i));
    }
}

void
HandoverSecurityIkev1::Attach(uint32_t link, const Ipv6Address& /* coa */)
{
    NS_LOG_FUNCTION(this << link);
    m_installedEnds[link].clear();
    // The rule made for this link at Install, or the one that replaced it (a context transfer
    // rewrites and re-adds the MN's rules).
    const Topology& t = GetTopology();
    uint32_t rule = GetTunnel(link).outPolicyA;
    for (const auto& p : t.mobileNode->GetObject<IpsecSpd>()->GetPolicies())
    {
        if (p.direction == IpsecDirection::OUTBOUND && p.action == IpsecPolicyAction::PROTECT &&
            p.tunnelLocal == t.careOfAddresses[link] && p.tunnelRemote == t.gatewayAddresses[link])
        {
            rule = p.id;
            break;
        }
    }
    DynamicCast<Ikev1Daemon>(m_daemons.Get(0))->Initiate(rule);
}

void
HandoverSecurityIkev1::Detach(uint32_t link)
{
    NS_LOG_FUNCTION(this << link);
    const Topology& t = GetTopology();
    DynamicCast<Ikev1Daemon>(m_daemons.Get(0))->Purge(t.gatewayAddresses[link]);
    DynamicCast<Ikev1Daemon>(m_daemons.Get(link + 1))->Purge(t.careOfAddresses[link]);
}

void
HandoverSecurityIkev1::Installed(uint32_t node,
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
