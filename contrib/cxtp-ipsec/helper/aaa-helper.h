/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef AAA_HELPER_H
#define AAA_HELPER_H

#include "ns3/aaa-server.h"
#include "ns3/application-container.h"
#include "ns3/attribute.h"
#include "ns3/ipv6-address.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/radius-client.h"

#include <string>

namespace ns3
{

class EapSubscriberDatabase;

/**
 * \ingroup cxtp-ipsec
 * \brief Installs an AAA server (AaaServer) on a node and the RADIUS client (RadiusClient) of a
 * gateway that uses it, with a shared secret. No protocol logic here.
 *
 * InstallServer() adds the AaaServer application; InstallClient() aggregates a RadiusClient on
 * the gateway pointed at the server and registers the gateway's address and the secret as a
 * client of the server. On a node with IPsec (an IpsecSpd), both add BYPASS rules for the RADIUS
 * port (IpsecHelper::AddBypass), so no tunnel rule catches the RADIUS traffic.
 *
 * Attribute scope, as for ns-3's helpers: SetServerAttribute() and SetClientAttribute() apply to
 * the objects made by the next Install calls; the returned objects can be changed afterwards.
 */
class AaaHelper
{
  public:
    AaaHelper();

    /// \param secret the secret shared by the clients and servers installed next (not empty)
    void SetSecret(const std::string& secret);
    /**
     * \param name an attribute of AaaServer
     * \param value its value
     * \see AaaServer
     */
    void SetServerAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \param name an attribute of RadiusClient
     * \param value its value
     * \see RadiusClient
     */
    void SetClientAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Sets the profile of the CryptoCostModel of the nodes installed next (made if the
     * node has none); without it a node keeps its model, or gets the "zero" one.
     * \param profile a profile name (zero, testbed-2008, host) or an INI path
     */
    void SetCostProfile(const std::string& profile);

    /**
     * \param node the AAA node (with an IPv6 stack)
     * \param database its subscribers
     * \return the AaaServer
     */
    Ptr<AaaServer> InstallServer(Ptr<Node> node, Ptr<EapSubscriberDatabase> database) const;
    /**
     * \param gateway the gateway (with an IPv6 stack and no RadiusClient yet)
     * \param gatewayAddress the address its RADIUS packets leave from (the server's client)
     * \param server the AAA server (InstallServer)
     * \param serverAddress the address of the server's node the gateway sends to
     * \return the RadiusClient, aggregated to the gateway (the node's Ikev2EapBackend)
     */
    Ptr<RadiusClient> InstallClient(Ptr<Node> gateway,
                                    const Ipv6Address& gatewayAddress,
                                    Ptr<AaaServer> server,
                                    const Ipv6Address& serverAddress) const;
    /**
     * \brief Fixes the random streams of the RadiusClients and AaaServers on the nodes.
     * \param nodes the nodes
     * \param stream the first stream index
     * \return the streams used
     */
    int64_t AssignStreams(NodeContainer nodes, int64_t stream) const;

  private:
    /// \param node a node: gets the cost profile, if one was set
    void SetUpCost(Ptr<Node> node) const;

    ObjectFactory m_serverFactory; ///< AaaServer
    ObjectFactory m_clientFactory; ///< RadiusClient
    std::string m_secret;          ///< the shared secret
    std::string m_profile;         ///< cost profile, empty: leave the node's
};

} // namespace ns3

#endif // AAA_HELPER_H
