/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKE_HELPER_H
#define IKE_HELPER_H

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
 * \brief Installs IKE daemons of one version and their cost model on nodes that have IPsec;
 * Ikev1Helper and Ikev2Helper name the version.
 *
 * Each node gets a CryptoCostModel with the profile set by SetCostProfile() (aggregated, shared
 * by the daemon, the PF_KEY interface, which charges the profile's kernel.* keys, and any other
 * user of the node's IpsecWorkClock). No protocol logic here.
 */
class IkeHelper
{
  public:
    /**
     * \param daemon the daemon's TypeId (Ikev1Daemon, Ikev2Daemon)
     * \param version the IKE major version its PAD entries name (1 or 2)
     */
    IkeHelper(TypeId daemon, uint8_t version);

    /**
     * \param name attribute of the daemon
     * \param value its value
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
     * \brief Adds a PAD entry (RFC 4301 §4.4.3): peers in prefix run IKE of this helper's
     * version with the node and authenticate with this pre-shared key.
     * \param node the node
     * \param peer peer address (prefix address)
     * \param prefix prefix length
     * \param key the pre-shared key
     */
    void AddPreSharedKeyEntry(Ptr<Node> node,
                              const Ipv6Address& peer,
                              const Ipv6Prefix& prefix,
                              const std::string& key) const;

  protected:
    /**
     * \brief Adds a PAD entry (RFC 4301 §4.4.3): peers in prefix run IKE of this version with
     * the node and authenticate with this pre-shared key.
     * \param node the node
     * \param peer peer address (prefix address)
     * \param prefix prefix length
     * \param key the pre-shared key
     * \param version the IKE major version
     */
    static void AddPreSharedKey(Ptr<Node> node,
                                const Ipv6Address& peer,
                                const Ipv6Prefix& prefix,
                                const std::string& key,
                                uint8_t version);

  private:
    ObjectFactory m_factory; ///< the daemon
    uint8_t m_version;       ///< the IKE major version
    std::string m_profile;   ///< cost profile
};

} // namespace ns3

#endif // IKE_HELPER_H
