/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev1-helper.h"

#include "ns3/ikev1-daemon.h"

namespace ns3
{

Ikev1Helper::Ikev1Helper()
    : IkeHelper(Ikev1Daemon::GetTypeId(), 1)
{
}

void
Ikev1Helper::AddPreSharedKey(Ptr<Node> node,
                             const Ipv6Address& peer,
                             const Ipv6Prefix& prefix,
                             const std::string& key)
{
    IkeHelper::AddPreSharedKey(node, peer, prefix, key, 1);
}

} // namespace ns3
