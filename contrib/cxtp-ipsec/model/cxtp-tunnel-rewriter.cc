/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "cxtp-tunnel-rewriter.h"

#include "ike-sa-transfer.h"
#include "ipsec-pf-key.h"
#include "ipsec-policy.h"
#include "ipsec-security-association.h"
#include "ipsec-spd.h"

#include "ns3/application.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-route.h"
#include "ns3/ipv6-routing-protocol.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/socket.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CxtpTunnelRewriter");

CxtpTunnelRewriter::CxtpTunnelRewriter(const Application& application)
    : m_application(application)
{
}

void
CxtpTunnelRewriter::SetFailureCallback(FailureCallback failure)
{
    m_failure = failure;
}

bool
CxtpTunnelRewriter::IsHost(const Ipv6Address& prefixAddress,
                           const Ipv6Prefix& prefix,
                           const Ipv6Address& address)
{
    return prefix.GetPrefixLength() == 128 && prefixAddress == address;
}

std::vector<IpsecPolicy>
CxtpTunnelRewriter::TunnelRules(Ptr<IpsecSpd> spd, const Ipv6Address& remote)
{
    std::vector<IpsecPolicy> rules;
    for (const auto& policy : spd->GetPolicies())
    {
        if (policy.action == IpsecPolicyAction::PROTECT && policy.tunnelRemote == remote)
        {
            rules.push_back(policy);
        }
    }
    return rules;
}

Ipv6Address
CxtpTunnelRewriter::LocalAddressFor(Ipv6Address peer) const
{
    Ptr<Ipv6L3Protocol> ipv6 = m_application.GetNode()->GetObject<Ipv6L3Protocol>();
    if (!ipv6)
    {
        return Ipv6Address::GetAny();
    }
    for (uint32_t i = 0; i < ipv6->GetNInterfaces(); ++i)
    {
        if (!ipv6->IsUp(i))
        {
            continue;
        }
        for (uint32_t j = 0; j < ipv6->GetNAddresses(i); ++j)
        {
            Ipv6InterfaceAddress address = ipv6->GetAddress(i, j);
            Ipv6Prefix prefix = address.GetPrefix();
            if (address.GetScope() != Ipv6InterfaceAddress::GLOBAL ||
                prefix.GetPrefixLength() == 0 || prefix.GetPrefixLength() == 128)
            {
                continue;
            }
            if (address.GetAddress().CombinePrefix(prefix) == peer.CombinePrefix(prefix))
            {
                return address.GetAddress();
            }
        }
    }
    Ipv6Header header;
    header.SetDestination(peer);
    header.SetSource(Ipv6Address::GetAny());
    header.SetNextHeader(17);
    Socket::SocketErrno error;
    Ptr<Ipv6Route> route = ipv6->GetRoutingProtocol()->RouteOutput(nullptr, header, nullptr, error);
    return route ? route->GetSource() : Ipv6Address::GetAny();
}

uint32_t
CxtpTunnelRewriter::NextPolicyId()
{
    Ptr<IpsecSpd> spd = m_application.GetNode()->GetObject<IpsecSpd>();
    for (const auto& policy : spd->GetPolicies())
    {
        m_lastPolicyId = std::max(m_lastPolicyId, policy.id);
    }
    return ++m_lastPolicyId;
}

uint32_t
CxtpTunnelRewriter::FindEquivalentRule(const IpsecPolicy& rule) const
{
    const IpsecTrafficSelector& a = rule.selector;
    for (const auto& p : m_application.GetNode()->GetObject<IpsecSpd>()->GetPolicies())
    {
        const IpsecTrafficSelector& b = p.selector;
        if (p.direction == rule.direction && p.action == rule.action && p.mode == rule.mode &&
            p.tunnelLocal == rule.tunnelLocal && p.tunnelRemote == rule.tunnelRemote &&
            a.localAddress == b.localAddress && a.localPrefix == b.localPrefix &&
            a.remoteAddress == b.remoteAddress && a.remotePrefix == b.remotePrefix &&
            a.nextHeader == b.nextHeader && a.localPortMin == b.localPortMin &&
            a.localPortMax == b.localPortMax && a.remotePortMin == b.remotePortMin &&
            a.remotePortMax == b.remotePortMax)
        {
            return p.id;
        }
    }
    return 0;
}

uint32_t
CxtpTunnelRewriter::MoveTunnel(Ipv6Address previous, Ipv6Address from, Ipv6Address to)
{
    NS_LOG_FUNCTION(this << previous << from << to);
    Ptr<Node> node = m_application.GetNode();
    Ipv6Address newCoa = LocalAddressFor(to);
    if (!node->GetObject<IpsecPfKey>() || newCoa == previous || newCoa.IsAny())
    {
        return 0; // not moved (yet): the tunnel stays
    }
    std::vector<IpsecPolicy> olds = TunnelRules(node->GetObject<IpsecSpd>(), from);
    std::map<uint32_t, uint32_t> ids = MovePolicies(olds, previous, newCoa, to);
    uint32_t moved = MoveSas(ids, previous, newCoa, from, to);
    Ptr<IpsecPfKey> pfKey = node->GetObject<IpsecPfKey>();
    for (const auto& old : olds)
    {
        pfKey->DeletePolicy(old.id);
    }
    if (IkeSaTransfer* transfer = IkeSaTransfer::ForNode(node))
    {
        // The IKE SA moved with the tunnel (nSG imports pSG's copy): it now runs with nSG.
        transfer->MovePeer(from, to, newCoa, ids);
    }
    NS_LOG_INFO("MN moved " << moved << " SAs to " << newCoa << " <-> " << to);
    return moved;
}

std::map<uint32_t, uint32_t>
CxtpTunnelRewriter::MovePolicies(const std::vector<IpsecPolicy>& olds,
                                 Ipv6Address previous,
                                 Ipv6Address newCoa,
                                 Ipv6Address to)
{
    Ptr<IpsecPfKey> pfKey = m_application.GetNode()->GetObject<IpsecPfKey>();
    std::map<uint32_t, uint32_t> ids;
    for (const auto& old : olds)
    {
        IpsecPolicy rule = old;
        rule.id = NextPolicyId();
        rule.tunnelLocal = newCoa;
        rule.tunnelRemote = to;
        if (IsHost(rule.selector.localAddress, rule.selector.localPrefix, previous))
        {
            rule.selector.localAddress = newCoa;
        }
        if (uint32_t existing = FindEquivalentRule(rule))
        {
            ids[old.id] = existing; // the node already has this rule: serve it
            continue;
        }
        uint32_t id = 0;
        std::string error = pfKey->AddPolicy(rule, id);
        if (!error.empty())
        {
            m_failure(previous, "MN policy update: " + error);
            continue;
        }
        ids[old.id] = id;
    }
    return ids;
}

uint32_t
CxtpTunnelRewriter::MoveSas(const std::map<uint32_t, uint32_t>& ids,
                            Ipv6Address previous,
                            Ipv6Address newCoa,
                            Ipv6Address from,
                            Ipv6Address to)
{
    Ptr<IpsecPfKey> pfKey = m_application.GetNode()->GetObject<IpsecPfKey>();
    uint32_t moved = 0;
    for (auto sa : pfKey->Dump())
    {
        auto id = ids.find(sa.policyId);
        if (id != ids.end())
        {
            sa.policyId = id->second;
        }
        std::string error;
        if (sa.direction == IpsecDirection::OUTBOUND && sa.destination == from)
        {
            pfKey->Delete(IpsecDirection::OUTBOUND, sa.spi, from);
            sa.source = newCoa;
            sa.destination = to;
            error = pfKey->AddWithCurrentLifetime(sa);
        }
        else if (sa.direction == IpsecDirection::INBOUND && sa.source == from)
        {
            sa.source = to;
            sa.destination = newCoa;
            error = pfKey->Update(sa);
        }
        else
        {
            continue;
        }
        if (!error.empty())
        {
            m_failure(previous, "MN SA update: " + error);
            continue;
        }
        moved++;
    }
    return moved;
}

} // namespace ns3
