/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_HELPER_H
#define IPSEC_HELPER_H

#include "ns3/attribute.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipsec-policy.h"
#include "ns3/ipsec-security-association.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <string>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Installs the IPsec data plane on nodes and configures policies and manual SAs.
 *
 * Install() aggregates IpsecSad, IpsecSpd, IpsecPad, IpsecPfKey, CryptoRandom and
 * IpsecEspL4Protocol on each node, creates the IPsec tunnel interface, puts IpsecRoutingProtocol
 * at the top of the node's Ipv6ListRouting and turns off the strong end-system model (a
 * decapsulated packet arrives on the tunnel interface, not on the one holding its address).
 * InternetStackHelper must have run first. Every configuration call routes through the node's
 * IpsecPfKey and aborts with a message on invalid input.
 */
class IpsecHelper
{
  public:
    /// Policy priority of the rules made by AddBypass (evaluated before tunnels).
    static constexpr int32_t BYPASS_PRIORITY = -100;

    IpsecHelper();

    /**
     * \brief Sets an attribute of the ESP data plane created by Install.
     * \param name attribute name
     * \param value its value
     * \see IpsecEspL4Protocol
     */
    void SetEspAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Sets an attribute of the SAD created by Install.
     * \param name attribute name
     * \param value its value
     * \see IpsecSad
     */
    void SetSadAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Sets an attribute of the PF_KEY interface created by Install.
     * \param name attribute name
     * \param value its value
     * \see IpsecPfKey
     */
    void SetPfKeyAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \brief Gives every node installed from now on a CryptoCostModel with this profile, which
     * its PF_KEY interface (kernel.sa_install, kernel.policy_install), its IKE daemons and its
     * CXTP agent charge on the node's IpsecWorkClock. Without it no cost is charged by PF_KEY.
     * \param profile a profile name (zero, testbed-2008, host) or an INI path
     */
    void SetCostProfile(const std::string& profile);

    /**
     * \brief Makes an InternetStackHelper install Ipv6ListRouting with Ipv6StaticRouting at
     * priority 0 (its default is static routing alone), so that Install() can put
     * IpsecRoutingProtocol above it. Call before InternetStackHelper::Install.
     * \param stack the stack helper
     */
    static void ConfigureStack(InternetStackHelper& stack);

    /**
     * \param nodes nodes with an IPv6 stack
     */
    void Install(NodeContainer nodes) const;
    /**
     * \param node a node with an IPv6 stack
     */
    void Install(Ptr<Node> node) const;

    /**
     * \brief Adds an SPD rule.
     * \param node the node
     * \param policy the rule
     * \return its id
     */
    static uint32_t AddPolicy(Ptr<Node> node, const IpsecPolicy& policy);
    /**
     * \brief Installs an SA.
     * \param node the node
     * \param sa the SA
     */
    static void AddSa(Ptr<Node> node, const IpsecSecurityAssociation& sa);
    /**
     * \brief BYPASS rules in both directions for a selector (neighbour discovery, IKE, ...).
     * \param node the node
     * \param selector the selector, seen from the node (local = the node's side)
     */
    static void AddBypass(Ptr<Node> node, const IpsecTrafficSelector& selector);

    /// What AddTunnel created, for later changes.
    struct Tunnel
    {
        uint32_t outPolicyA{0}; ///< A's outbound rule
        uint32_t inPolicyA{0};  ///< A's inbound rule
        uint32_t outPolicyB{0}; ///< B's outbound rule
        uint32_t inPolicyB{0};  ///< B's inbound rule
        uint32_t spiAtoB{0};    ///< SPI of the A→B SA (chosen by B)
        uint32_t spiBtoA{0};    ///< SPI of the B→A SA (chosen by A)
    };

    /**
     * \brief A tunnel-mode ESP tunnel between A and B: PROTECT rules in both directions on
     * both nodes and, if withKeys, a manually keyed SA pair (keys drawn from the nodes'
     * CryptoRandom, SPIs from the receivers' PF_KEY GETSPI).
     * \param a node A
     * \param outerA A's tunnel endpoint address
     * \param selectorA the traffic to protect, seen from A (local = A's side)
     * \param b node B
     * \param outerB B's tunnel endpoint address
     * \param encryption cipher
     * \param integrity integrity (NONE with GCM)
     * \param withKeys install manual SAs too (otherwise an acquire will ask for them)
     * \return the ids of what was created
     */
    static Tunnel AddTunnel(Ptr<Node> a,
                            const Ipv6Address& outerA,
                            const IpsecTrafficSelector& selectorA,
                            Ptr<Node> b,
                            const Ipv6Address& outerB,
                            IpsecEncryption encryption,
                            IpsecIntegrity integrity,
                            bool withKeys = true);

    /**
     * \brief A transport-mode ESP association between two addresses of A and B (RFC 4301
     * §4.1): PROTECT rules in both directions on both nodes, for the traffic of \p selectorA
     * between exactly those two addresses (its addresses are replaced by them, /128), and a
     * manually keyed SA pair (keys from the senders' CryptoRandom, SPIs from the receivers'
     * PF_KEY GETSPI). Used for signalling between security gateways (RFC 4067 §3, §6.2).
     * \param a node A
     * \param addressA A's address
     * \param b node B
     * \param addressB B's address
     * \param selectorA protocol and ports to protect, seen from A (local = A's side)
     * \param encryption cipher
     * \param integrity integrity (NONE with GCM)
     * \param priority the rules' priority (below BYPASS_PRIORITY to override a BYPASS rule)
     * \return the ids of what was created
     */
    static Tunnel AddTransport(Ptr<Node> a,
                               const Ipv6Address& addressA,
                               Ptr<Node> b,
                               const Ipv6Address& addressB,
                               const IpsecTrafficSelector& selectorA,
                               IpsecEncryption encryption,
                               IpsecIntegrity integrity,
                               int32_t priority = 0);

    /**
     * \brief Fixes the random streams of the nodes' CryptoRandom.
     * \param nodes the nodes
     * \param stream the first stream
     * \return the number of streams used
     */
    int64_t AssignStreams(NodeContainer nodes, int64_t stream) const;

  private:
    ObjectFactory m_espFactory;   ///< IpsecEspL4Protocol
    ObjectFactory m_sadFactory;   ///< IpsecSad
    ObjectFactory m_pfKeyFactory; ///< IpsecPfKey
    std::string m_costProfile;    ///< CryptoCostModel profile, empty for none
};

} // namespace ns3

#endif // IPSEC_HELPER_H
