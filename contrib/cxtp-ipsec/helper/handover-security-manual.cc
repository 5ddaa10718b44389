/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "handover-security-manual.h"

#include "ns3/abort.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(HandoverSecurityManual);

TypeId
HandoverSecurityManual::GetTypeId()
{
    static TypeId tid = TypeId("ns3::HandoverSecurityManual")
                            .SetParent<HandoverSecurityMethod>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<HandoverSecurityManual>();
    return tid;
}

std::string
HandoverSecurityManual::GetName() const
{
    return "manual";
}

bool
HandoverSecurityManual::UsesManualKeys() const
{
    return true;
}

void
HandoverSecurityManual::Attach(uint32_t link, const Ipv6Address& coa)
{
    NS_ABORT_MSG_IF(coa != GetTopology().careOfAddresses.at(link),
                    "manual keys were made for care-of address "
                        << GetTopology().careOfAddresses.at(link) << " on link " << link
                        << ", but the MN formed " << coa);
    NotifyReady(link);
}

} // namespace ns3
