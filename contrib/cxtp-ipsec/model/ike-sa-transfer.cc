/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ike-sa-transfer.h"

#include "ns3/application.h"
#include "ns3/node.h"

namespace ns3
{

IkeSaTransfer::~IkeSaTransfer() = default;

IkeSaTransfer*
IkeSaTransfer::ForNode(Ptr<Node> node)
{
    for (uint32_t i = 0; node && i < node->GetNApplications(); ++i)
    {
        if (auto* transfer = dynamic_cast<IkeSaTransfer*>(PeekPointer(node->GetApplication(i))))
        {
            return transfer;
        }
    }
    return nullptr;
}

} // namespace ns3
