/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV1_HELPER_H
#define IKEV1_HELPER_H

#include "ns3/application-container.h"
#include "ns3/attribute.h"
#include "ns3/ipv6-address.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <string>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Installs IKEv1 daemons (Ikev1Daemon) and their cost model on nodes that have IPsec.
 *
 * Each node gets a CryptoCostModel with the profile set by SetCostProfile() (aggregated, shared
 * by the daemon, the PF_KEY interface, which charges the profile's kernel.* keys, and any other
 * user of the node's IpsecWorkClock). No protocol logic here.
 */
class Ikev1Helper
{
  public:
    Ikev1Helper();

    /**
     * \param name attribute of Ikev1Daemon
     * \param value its value
     * \see Ikev1Daemon
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \param profile a profile name (zero, testbed-2008, host) or an INI path
     */
    void SetCostProfile(const std::string& profile);
    /**
     * \param nodes nodes with IPsec installed (IpsecHelper)
     * \return the daemons
     */
    ApplicationContainer Install(NodeContainer nodes) const;

    /**
     * \brief Adds a PAD entry: peers in prefix authenticate with this pre-shared key.
     * \param node the node
     * \param peer peer address (prefix address)
     * \param prefix prefix length
     * \param key the pre-shared key
     */
    static void AddPreSharedKey(Ptr<Node> node,
                                const Ipv6Address& peer,
                                const Ipv6Prefix& prefix,
                                const std::string& key);

  private:
    ObjectFactory m_factory; ///< Ikev1Daemon
    std::string m_profile;   ///< cost profile
};

} // namespace ns3

#endif // IKEV1_HELPER_H
