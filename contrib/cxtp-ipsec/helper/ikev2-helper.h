/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_HELPER_H
#define IKEV2_HELPER_H

#include "ike-helper.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Installs IKEv2 daemons (Ikev2Daemon) and their cost model on nodes that have
 * IPsec; see IkeHelper.
 */
class Ikev2Helper : public IkeHelper
{
  public:
    Ikev2Helper();

    /**
     * \brief Adds a PAD entry (RFC 4301 §4.4.3): peers in prefix run IKEv2 with the node and
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
    /**
     * \brief Adds a PAD entry (RFC 4301 §4.4.3.2): peers in prefix run IKEv2 with the node and
     * authenticate with a certificate that chains to one of these trust anchors; the node signs
     * with the chain and key of its IpsecCredentialStore.
     * \param node the node
     * \param peer peer address (prefix address)
     * \param prefix prefix length
     * \param trustAnchors CA certificates (DER)
     */
    static void AddCertificatePeer(Ptr<Node> node,
                                   const Ipv6Address& peer,
                                   const Ipv6Prefix& prefix,
                                   const std::vector<std::vector<uint8_t>>& trustAnchors);
};

} // namespace ns3

#endif // IKEV2_HELPER_H
