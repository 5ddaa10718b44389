/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef AAA_HELPER_H
#define AAA_HELPER_H

#include "ns3/aaa-server.h"
#include "ns3/application-container.h"
#include "ns3/attribute.h"
#include "ns3/eap-credentials.h"
#include "ns3/eap-server.h"
#include "ns3/ipv6-address.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/radius-client.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class CryptoCertificateAuthority;
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

    /**
     * \brief A subscriber for a simulation, as the MN's EAP client holds it
     * (Ikev2Helper::AddEapClient; AddSubscriber() puts it into the AAA server's database):
     * EAP-MD5 with a fixed password; EAP-AKA (RFC 4187) with K and OPc of 3GPP TS 35.208 §4.3
     * test set 1 and the USIM's highest accepted sequence number SQN_MS = 1;
     * EAP-TLS (RFC 5216) with the certificate chain and key of \p node's IpsecCredentialStore
     * (issue them first) and \p trustAnchors for the server's certificate.
     * \param method md5, aka or tls (anything else aborts)
     * \param identity the EAP identity, an NAI (RFC 7542)
     * \param node the MN (EAP-TLS only)
     * \param trustAnchors the CAs the AAA server's certificate chains to (EAP-TLS only)
     * \return the subscription
     */
    static EapCredentials MakeSubscriber(const std::string& method,
                                         const std::string& identity,
                                         Ptr<Node> node,
                                         const std::vector<std::vector<uint8_t>>& trustAnchors);
    /**
     * \brief The EAP-TLS side of an AAA server: a server certificate issued by \p ca, and the
     * root of \p ca as the anchor of the clients' certificates.
     * \param ca the CA
     * \param issuer the CA of the chain that issues it (CryptoCertificateAuthority::ROOT or an
     *        intermediate)
     * \return the server configuration for AaaServer::SetEapServerConfig
     */
    static EapServerConfig MakeTlsServerConfig(CryptoCertificateAuthority& ca, uint32_t issuer);
    /**
     * \brief Adds the AAA server's entry of a subscriber the MN holds as \p subscriber: the
     * same secrets; for EAP-AKA the AuC's next sequence number one above the USIM's SQN_MS,
     * as for a USIM and an AuC in step (3GPP TS 33.102 §6.3, Annex C), so that the first
     * challenge is fresh, not a resynchronisation.
     * \param database the AAA server's subscribers
     * \param subscriber the MN's subscription (MakeSubscriber)
     */
    static void AddSubscriber(Ptr<EapSubscriberDatabase> database, EapCredentials subscriber);

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
