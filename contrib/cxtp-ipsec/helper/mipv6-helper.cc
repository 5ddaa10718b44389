/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mipv6-helper.h"

#include "ns3/abort.h"
#include "ns3/mipv6-home-agent.h"
#include "ns3/mipv6-mobile-node.h"
#include "ns3/node.h"

namespace ns3
{

Mipv6Helper::Mipv6Helper()
{
    m_haFactory.SetTypeId(Mipv6HomeAgent::GetTypeId());
    m_mnFactory.SetTypeId(Mipv6MobileNode::GetTypeId());
}

void
Mipv6Helper::SetHomeAgentAttribute(const std::string& name, const AttributeValue& value)
{
    m_haFactory.Set(name, value);
}

void
Mipv6Helper::SetMobileNodeAttribute(const std::string& name, const AttributeValue& value)
{
    m_mnFactory.Set(name, value);
}

Ptr<Mipv6HomeAgent>
Mipv6Helper::InstallHomeAgent(Ptr<Node> node, Ipv6Address homeNetwork, Ipv6Prefix homePrefix) const
{
    NS_ABORT_MSG_IF(node->GetObject<Mipv6HomeAgent>(),
                    "node " << node->GetId() << " already has a home agent");
    Ptr<Mipv6HomeAgent> ha = m_haFactory.Create<Mipv6HomeAgent>();
    node->AggregateObject(ha);
    ha->Setup(node, homeNetwork, homePrefix);
    return ha;
}

Ptr<Mipv6MobileNode>
Mipv6Helper::InstallMobileNode(Ptr<Node> node, Ipv6Address homeAddress, Ipv6Address haAddress) const
{
    NS_ABORT_MSG_IF(node->GetObject<Mipv6MobileNode>(),
                    "node " << node->GetId() << " already has a mobile node agent");
    Ptr<Mipv6MobileNode> mn = m_mnFactory.Create<Mipv6MobileNode>();
    node->AggregateObject(mn);
    mn->Setup(node, homeAddress, haAddress);
    return mn;
}

} // namespace ns3
