/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "handover-security-none.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(HandoverSecurityNone);

TypeId
HandoverSecurityNone::GetTypeId()
{
    static TypeId tid = TypeId("ns3::HandoverSecurityNone")
                            .SetParent<HandoverSecurityMethod>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<HandoverSecurityNone>();
    return tid;
}

std::string
HandoverSecurityNone::GetName() const
{
    return "none";
}

bool
HandoverSecurityNone::UsesIpsec() const
{
    return false;
}

void
HandoverSecurityNone::Attach(uint32_t link, const Ipv6Address&)
{
    NotifyReady(link);
}

} // namespace ns3
