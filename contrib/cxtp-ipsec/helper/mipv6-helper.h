/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MIPV6_HELPER_H
#define MIPV6_HELPER_H

#include "ns3/ipv6-address.h"
#include "ns3/object-factory.h"
#include "ns3/ptr.h"

#include <string>

namespace ns3
{

class Node;
class Mipv6HomeAgent;
class Mipv6MobileNode;

/**
 * \ingroup cxtp-ipsec
 * \brief Installs the Mobile IPv6 agents (RFC 6275): Mipv6HomeAgent and Mipv6MobileNode,
 * aggregated on their nodes, plus the node's Mipv6L4Protocol and protocol-41 receiver.
 *
 * Install the IPv6 stack and, on the mobile node, all access interfaces (the new one added but
 * not up) before calling the Install methods. Attributes set on the helper apply to the agents
 * installed afterwards; attributes can also be set on the returned objects, but DadMode,
 * TunnelMtu are read at installation.
 */
class Mipv6Helper
{
  public:
    Mipv6Helper();

    /**
     * \param name an attribute of ns3::Mipv6HomeAgent
     * \param value its value
     * \see Mipv6HomeAgent
     */
    void SetHomeAgentAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \param name an attribute of ns3::Mipv6MobileNode
     * \param value its value
     * \see Mipv6MobileNode
     */
    void SetMobileNodeAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param node the home agent's node
     * \param homeNetwork the home network
     * \param homePrefix the home prefix length
     * \return the home agent
     */
    Ptr<Mipv6HomeAgent> InstallHomeAgent(Ptr<Node> node,
                                         Ipv6Address homeNetwork,
                                         Ipv6Prefix homePrefix) const;

    /**
     * \param node the mobile node
     * \param homeAddress its home address
     * \param haAddress the home agent's address
     * \return the mobile node agent
     */
    Ptr<Mipv6MobileNode> InstallMobileNode(Ptr<Node> node,
                                           Ipv6Address homeAddress,
                                           Ipv6Address haAddress) const;

  private:
    ObjectFactory m_haFactory; ///< makes home agents
    ObjectFactory m_mnFactory; ///< makes mobile node agents
};

} // namespace ns3

#endif // MIPV6_HELPER_H
