/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev1-helper.h"

#include "ns3/abort.h"
#include "ns3/crypto-cost-model.h"
#include "ns3/ikev1-daemon.h"
#include "ns3/ipsec-pad.h"
#include "ns3/ipsec-pf-key.h"
#include "ns3/node.h"
#include "ns3/string.h"

namespace ns3
{

Ikev1Helper::Ikev1Helper()
    : m_profile("zero")
{
    m_factory.SetTypeId(Ikev1Daemon::GetTypeId());
}

void
Ikev1Helper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

void
Ikev1Helper::SetCostProfile(const std::string& profile)
{
    m_profile = profile;
}

ApplicationContainer
Ikev1Helper::Install(NodeContainer nodes) const
{
    ApplicationContainer apps;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Ptr<Node> node = *it;
        Ptr<IpsecPfKey> pfKey = node->GetObject<IpsecPfKey>();
        NS_ABORT_MSG_IF(!pfKey, "Ikev1Helper: node " << node->GetId() << " has no IPsec");
        Ptr<CryptoCostModel> cost = node->GetObject<CryptoCostModel>();
        if (!cost)
        {
            cost = CreateObject<CryptoCostModel>();
            node->AggregateObject(cost);
        }
        cost->SetAttribute("Profile", StringValue(m_profile));
        Ptr<Ikev1Daemon> daemon = m_factory.Create<Ikev1Daemon>();
        node->AddApplication(daemon);
        apps.Add(daemon);
    }
    return apps;
}

void
Ikev1Helper::AddPreSharedKey(Ptr<Node> node,
                             const Ipv6Address& peer,
                             const Ipv6Prefix& prefix,
                             const std::string& key)
{
    Ptr<IpsecPad> pad = node->GetObject<IpsecPad>();
    NS_ABORT_MSG_IF(!pad, "Ikev1Helper: node " << node->GetId() << " has no IPsec");
    IpsecPadEntry entry;
    entry.peerAddress = peer;
    entry.peerPrefix = prefix;
    entry.ikeVersion = 1;
    entry.preSharedKey.assign(key.begin(), key.end());
    std::string error = pad->Add(entry);
    NS_ABORT_MSG_IF(!error.empty(), "node " << node->GetId() << ": " << error);
}

} // namespace ns3
