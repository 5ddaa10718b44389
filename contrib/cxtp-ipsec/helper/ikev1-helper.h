/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV1_HELPER_H
#define IKEV1_HELPER_H

#include "ike-helper.h"

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Installs IKEv1 daemons (Ikev1Daemon) and their cost model on nodes that have
 * IPsec; see IkeHelper.
 */
class Ikev1Helper : public IkeHelper
{
  public:
    Ikev1Helper();

    /**
     * \brief Adds a PAD entry (RFC 4301 §4.4.3): peers in prefix run IKEv1 with the node and
     * authenticate with this pre-shared key.
     * \param node the node
     * \param peer peer address (prefix address)
     * \param prefix prefix length
     * \param key the pre-shared key
     */
    static void AddPreSharedKey(Ptr<Node> node,
                                const Ipv6Address& peer,
                                const Ipv6Prefix& prefix,
                                const std::string& key);
};

} // namespace ns3

#endif // IKEV1_HELPER_H
