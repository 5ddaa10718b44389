/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ike-helper.h"

#include "ns3/abort.h"
#include "ns3/application.h"
#include "ns3/crypto-cost-model.h"
#include "ns3/ipsec-pad.h"
#include "ns3/ipsec-pf-key.h"
#include "ns3/node.h"
#include "ns3/string.h"

namespace ns3
{

IkeHelper::IkeHelper(TypeId daemon, uint8_t version)
    : m_version(version),
      m_profile("zero")
{
    m_factory.SetTypeId(daemon);
}

void
IkeHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

void
IkeHelper::SetCostProfile(const std::string& profile)
{
    m_profile = profile;
}

ApplicationContainer
IkeHelper::Install(NodeContainer nodes) const
{
    ApplicationContainer apps;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Ptr<Node> node = *it;
        Ptr<IpsecPfKey> pfKey = node->GetObject<IpsecPfKey>();
        NS_ABORT_MSG_IF(!pfKey,
                        m_factory.GetTypeId().GetName()
                            << ": node " << node->GetId() << " has no IPsec");
        Ptr<CryptoCostModel> cost = node->GetObject<CryptoCostModel>();
        if (!cost)
        {
            cost = CreateObject<CryptoCostModel>();
            node->AggregateObject(cost);
        }
        cost->SetAttribute("Profile", StringValue(m_profile));
        Ptr<Application> daemon = m_factory.Create<Application>();
        node->AddApplication(daemon);
        apps.Add(daemon);
    }
    return apps;
}

void
IkeHelper::AddPreSharedKeyEntry(Ptr<Node> node,
                                const Ipv6Address& peer,
                                const Ipv6Prefix& prefix,
                                const std::string& key) const
{
    AddPreSharedKey(node, peer, prefix, key, m_version);
}

void
IkeHelper::AddPreSharedKey(Ptr<Node> node,
                           const Ipv6Address& peer,
                           const Ipv6Prefix& prefix,
                           const std::string& key,
                           uint8_t version)
{
    Ptr<IpsecPad> pad = node->GetObject<IpsecPad>();
    NS_ABORT_MSG_IF(!pad, "IkeHelper: node " << node->GetId() << " has no IPsec");
    IpsecPadEntry entry;
    entry.peerAddress = peer;
    entry.peerPrefix = prefix;
    entry.ikeVersion = version;
    entry.preSharedKey.assign(key.begin(), key.end());
    std::string error = pad->Add(entry);
    NS_ABORT_MSG_IF(!error.empty(), "node " << node->GetId() << ": " << error);
}

} // namespace ns3
