/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-helper.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/crypto-cost-model.h"
#include "ns3/crypto-random.h"
#include "ns3/ipsec-esp-l4-protocol.h"
#include "ns3/ipsec-pad.h"
#include "ns3/ipsec-pf-key.h"
#include "ns3/ipsec-routing-protocol.h"
#include "ns3/ipsec-sad.h"
#include "ns3/ipsec-spd.h"
#include "ns3/ipsec-work-clock.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-list-routing-helper.h"
#include "ns3/ipv6-list-routing.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/node.h"

namespace ns3
{

IpsecHelper::IpsecHelper()
{
    m_espFactory.SetTypeId(IpsecEspL4Protocol::GetTypeId());
    m_sadFactory.SetTypeId(IpsecSad::GetTypeId());
    m_pfKeyFactory.SetTypeId(IpsecPfKey::GetTypeId());
}

void
IpsecHelper::SetEspAttribute(const std::string& name, const AttributeValue& value)
{
    m_espFactory.Set(name, value);
}

void
IpsecHelper::SetSadAttribute(const std::string& name, const AttributeValue& value)
{
    m_sadFactory.Set(name, value);
}

void
IpsecHelper::SetPfKeyAttribute(const std::string& name, const AttributeValue& value)
{
    m_pfKeyFactory.Set(name, value);
}

void
IpsecHelper::ConfigureStack(InternetStackHelper& stack)
{
    Ipv6ListRoutingHelper list;
    Ipv6StaticRoutingHelper staticRouting;
    list.Add(staticRouting, 0);
    stack.SetRoutingHelper(list);
}

void
IpsecHelper::SetCostProfile(const std::string& profile)
{
    m_costProfile = profile;
}

void
IpsecHelper::Install(NodeContainer nodes) const
{
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Install(*it);
    }
}

void
IpsecHelper::Install(Ptr<Node> node) const
{
    Ptr<Ipv6L3Protocol> ipv6 = node->GetObject<Ipv6L3Protocol>();
    NS_ABORT_MSG_IF(!ipv6, "IpsecHelper::Install: node " << node->GetId() << " has no IPv6 stack");
    NS_ABORT_MSG_IF(node->GetObject<IpsecEspL4Protocol>(),
                    "IpsecHelper::Install: node " << node->GetId() << " already has IPsec");
    Ptr<Ipv6ListRouting> list = DynamicCast<Ipv6ListRouting>(ipv6->GetRoutingProtocol());
    NS_ABORT_MSG_IF(!list,
                    "IpsecHelper::Install: node " << node->GetId()
                                                  << " must use Ipv6ListRouting: call "
                                                     "IpsecHelper::ConfigureStack(stack) before "
                                                     "InternetStackHelper::Install");
    node->AggregateObject(CreateObject<IpsecWorkClock>());
    if (!m_costProfile.empty() && !node->GetObject<CryptoCostModel>())
    {
        Ptr<CryptoCostModel> cost = CreateObject<CryptoCostModel>();
        cost->SetProfile(m_costProfile);
        node->AggregateObject(cost);
    }
    node->AggregateObject(m_sadFactory.Create<IpsecSad>());
    node->AggregateObject(CreateObject<IpsecSpd>());
    node->AggregateObject(CreateObject<IpsecPad>());
    node->AggregateObject(CreateObject<CryptoRandom>());
    node->AggregateObject(m_pfKeyFactory.Create<IpsecPfKey>());
    Ptr<IpsecEspL4Protocol> esp = m_espFactory.Create<IpsecEspL4Protocol>();
    node->AggregateObject(esp);
    esp->CreateTunnelInterface();
    ipv6->SetAttribute("StrongEndSystemModel", BooleanValue(false));
    list->AddRoutingProtocol(CreateObject<IpsecRoutingProtocol>(), 100);
}

uint32_t
IpsecHelper::AddPolicy(Ptr<Node> node, const IpsecPolicy& policy)
{
    Ptr<IpsecPfKey> pfKey = node->GetObject<IpsecPfKey>();
    NS_ABORT_MSG_IF(!pfKey, "node " << node->GetId() << " has no IPsec (IpsecHelper::Install)");
    uint32_t id = 0;
    std::string error = pfKey->AddPolicy(policy, id);
    NS_ABORT_MSG_IF(!error.empty(), "node " << node->GetId() << ": " << error);
    return id;
}

void
IpsecHelper::AddSa(Ptr<Node> node, const IpsecSecurityAssociation& sa)
{
    Ptr<IpsecPfKey> pfKey = node->GetObject<IpsecPfKey>();
    NS_ABORT_MSG_IF(!pfKey, "node " << node->GetId() << " has no IPsec (IpsecHelper::Install)");
    std::string error = pfKey->Add(sa);
    NS_ABORT_MSG_IF(!error.empty(), "node " << node->GetId() << ": " << error);
}

void
IpsecHelper::AddBypass(Ptr<Node> node, const IpsecTrafficSelector& selector)
{
    for (auto direction : {IpsecDirection::OUTBOUND, IpsecDirection::INBOUND})
    {
        IpsecPolicy rule;
        rule.direction = direction;
        rule.priority = BYPASS_PRIORITY;
        rule.selector = selector;
        rule.action = IpsecPolicyAction::BYPASS;
        AddPolicy(node, rule);
    }
}

namespace
{
/// \return the selector seen from the other end
IpsecTrafficSelector
Mirror(const IpsecTrafficSelector& s)
{
    IpsecTrafficSelector m = s;
    m.localAddress = s.remoteAddress;
    m.localPrefix = s.remotePrefix;
    m.remoteAddress = s.localAddress;
    m.remotePrefix = s.localPrefix;
    m.localPortMin = s.remotePortMin;
    m.localPortMax = s.remotePortMax;
    m.remotePortMin = s.localPortMin;
    m.remotePortMax = s.localPortMax;
    return m;
}

/// Adds the outbound and inbound PROTECT rules of one end; returns {out, in}.
std::pair<uint32_t, uint32_t>
AddTunnelRules(Ptr<Node> node,
               const Ipv6Address& local,
               const Ipv6Address& remote,
               const IpsecTrafficSelector& selector,
               IpsecEncryption encryption,
               IpsecIntegrity integrity)
{
    IpsecPolicy rule;
    rule.action = IpsecPolicyAction::PROTECT;
    rule.mode = IpsecMode::TUNNEL;
    rule.selector = selector;
    rule.encryption = encryption;
    rule.integrity = integrity;
    rule.direction = IpsecDirection::OUTBOUND;
    rule.tunnelLocal = local;
    rule.tunnelRemote = remote;
    uint32_t out = IpsecHelper::AddPolicy(node, rule);
    rule.direction = IpsecDirection::INBOUND;
    rule.tunnelLocal = local;
    rule.tunnelRemote = remote;
    uint32_t in = IpsecHelper::AddPolicy(node, rule);
    return {out, in};
}

/// A manually keyed SA from sender to receiver; keys drawn from the sender's CryptoRandom.
uint32_t
AddManualSa(Ptr<Node> sender,
            const Ipv6Address& from,
            uint32_t senderPolicy,
            Ptr<Node> receiver,
            const Ipv6Address& to,
            uint32_t receiverPolicy,
            IpsecEncryption encryption,
            IpsecIntegrity integrity,
            IpsecMode mode = IpsecMode::TUNNEL)
{
    Ptr<CryptoRandom> rng = sender->GetObject<CryptoRandom>();
    IpsecSecurityAssociation sa;
    sa.spi = receiver->GetObject<IpsecPfKey>()->GetSpi();
    sa.mode = mode;
    sa.source = from;
    sa.destination = to;
    sa.encryption = encryption;
    sa.integrity = integrity;
    sa.encryptionKey = rng->GetBytes(GetEncryptionKeyLength(encryption));
    sa.integrityKey = rng->GetBytes(GetIntegrityKeyLength(integrity));
    sa.direction = IpsecDirection::OUTBOUND;
    sa.policyId = senderPolicy;
    IpsecHelper::AddSa(sender, sa);
    sa.direction = IpsecDirection::INBOUND;
    sa.policyId = receiverPolicy;
    IpsecHelper::AddSa(receiver, sa);
    return sa.spi;
}
} // namespace

IpsecHelper::Tunnel
IpsecHelper::AddTunnel(Ptr<Node> a,
                       const Ipv6Address& outerA,
                       const IpsecTrafficSelector& selectorA,
                       Ptr<Node> b,
                       const Ipv6Address& outerB,
                       IpsecEncryption encryption,
                       IpsecIntegrity integrity,
                       bool withKeys)
{
    Tunnel t;
    std::tie(t.outPolicyA, t.inPolicyA) =
        AddTunnelRules(a, outerA, outerB, selectorA, encryption, integrity);
    std::tie(t.outPolicyB, t.inPolicyB) =
        AddTunnelRules(b, outerB, outerA, Mirror(selectorA), encryption, integrity);
    if (withKeys)
    {
        t.spiAtoB =
            AddManualSa(a, outerA, t.outPolicyA, b, outerB, t.inPolicyB, encryption, integrity);
        t.spiBtoA =
            AddManualSa(b, outerB, t.outPolicyB, a, outerA, t.inPolicyA, encryption, integrity);
    }
    return t;
}

IpsecHelper::Tunnel
IpsecHelper::AddTransport(Ptr<Node> a,
                          const Ipv6Address& addressA,
                          Ptr<Node> b,
                          const Ipv6Address& addressB,
                          const IpsecTrafficSelector& selectorA,
                          IpsecEncryption encryption,
                          IpsecIntegrity integrity,
                          int32_t priority)
{
    auto addRules = [=](Ptr<Node> node,
                        const Ipv6Address& local,
                        const Ipv6Address& remote,
                        const IpsecTrafficSelector& selector) {
        IpsecPolicy rule;
        rule.action = IpsecPolicyAction::PROTECT;
        rule.mode = IpsecMode::TRANSPORT;
        rule.priority = priority;
        rule.selector = selector;
        rule.selector.localAddress = local;
        rule.selector.localPrefix = Ipv6Prefix(128);
        rule.selector.remoteAddress = remote;
        rule.selector.remotePrefix = Ipv6Prefix(128);
        rule.encryption = encryption;
        rule.integrity = integrity;
        rule.direction = IpsecDirection::OUTBOUND;
        uint32_t out = AddPolicy(node, rule);
        rule.direction = IpsecDirection::INBOUND;
        uint32_t in = AddPolicy(node, rule);
        return std::make_pair(out, in);
    };
    Tunnel t;
    std::tie(t.outPolicyA, t.inPolicyA) = addRules(a, addressA, addressB, selectorA);
    std::tie(t.outPolicyB, t.inPolicyB) = addRules(b, addressB, addressA, Mirror(selectorA));
    t.spiAtoB = AddManualSa(a,
                            addressA,
                            t.outPolicyA,
                            b,
                            addressB,
                            t.inPolicyB,
                            encryption,
                            integrity,
                            IpsecMode::TRANSPORT);
    t.spiBtoA = AddManualSa(b,
                            addressB,
                            t.outPolicyB,
                            a,
                            addressA,
                            t.inPolicyA,
                            encryption,
                            integrity,
                            IpsecMode::TRANSPORT);
    return t;
}

int64_t
IpsecHelper::AssignStreams(NodeContainer nodes, int64_t stream) const
{
    int64_t current = stream;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Ptr<CryptoRandom> rng = (*it)->GetObject<CryptoRandom>();
        if (rng)
        {
            current += rng->AssignStreams(current);
        }
    }
    return current - stream;
}

} // namespace ns3
