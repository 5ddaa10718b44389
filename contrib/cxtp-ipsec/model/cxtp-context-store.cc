/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "cxtp-context-store.h"

#include "cxtp-tunnel-rewriter.h"
#include "ipsec-pad-entry.h"
#include "ipsec-pad.h"
#include "ipsec-pf-key.h"
#include "ipsec-policy.h"
#include "ipsec-security-association.h"
#include "ipsec-spd.h"

#include "ns3/application.h"
#include "ns3/log.h"
#include "ns3/node.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CxtpContextStore");

CxtpContextStore::CxtpContextStore(const Application& application)
    : m_application(application)
{
}

std::vector<CxtpContextBlock>
CxtpContextStore::Gather(Ipv6Address mnAddress, IkeSaTransfer::Handle& ikeSa) const
{
    std::vector<CxtpContextBlock> blocks;
    Ptr<Node> node = m_application.GetNode();
    Ptr<IpsecSpd> spd = node->GetObject<IpsecSpd>();
    Ptr<IpsecPfKey> pfKey = node->GetObject<IpsecPfKey>();
    if (!spd || !pfKey)
    {
        return blocks;
    }
    for (const auto& policy : CxtpTunnelRewriter::TunnelRules(spd, mnAddress))
    {
        blocks.push_back(CxtpContextCodec::EncodePolicy(policy));
    }
    for (const auto& sa : pfKey->Dump())
    {
        bool toMn = sa.direction == IpsecDirection::OUTBOUND && sa.destination == mnAddress;
        bool fromMn = sa.direction == IpsecDirection::INBOUND && sa.source == mnAddress;
        if (toMn || fromMn)
        {
            blocks.push_back(CxtpContextCodec::EncodeSa(sa));
        }
    }
    Ptr<IpsecPad> pad = node->GetObject<IpsecPad>();
    const IpsecPadEntry* entry = pad ? pad->FindByAddress(mnAddress) : nullptr;
    if (entry && !blocks.empty())
    {
        blocks.push_back(CxtpContextCodec::EncodePadEntry(*entry));
    }
    IkeSaTransfer* transfer = IkeSaTransfer::ForNode(node);
    CxtpContextBlock ike;
    if (transfer && !blocks.empty() && transfer->ExportSa(mnAddress, ike, ikeSa))
    {
        blocks.push_back(ike);
    }
    return blocks;
}

std::vector<CxtpContextBlock>
CxtpContextStore::Prepare(Ipv6Address previous, const std::vector<CxtpFeatureProfile>& requested)
{
    IkeSaTransfer::Handle ikeSa = 0;
    std::vector<CxtpContextBlock> blocks = Filter(Gather(previous, ikeSa), requested);
    m_exported.erase(previous);
    IkeSaTransfer* transfer = IkeSaTransfer::ForNode(m_application.GetNode());
    for (const auto& block : blocks)
    {
        if (transfer && block.fpt == transfer->GetContextProfile())
        {
            m_exported[previous] = ikeSa; // forgotten here once nSG has it (the CTDR)
        }
    }
    return blocks;
}

void
CxtpContextStore::Delete(Ipv6Address previous)
{
    NS_LOG_FUNCTION(this << previous);
    Ptr<Node> node = m_application.GetNode();
    Ptr<IpsecPfKey> pfKey = node->GetObject<IpsecPfKey>();
    for (const auto& sa : pfKey->Dump())
    {
        if (sa.direction == IpsecDirection::OUTBOUND && sa.destination == previous)
        {
            pfKey->Delete(IpsecDirection::OUTBOUND, sa.spi, sa.destination);
        }
        else if (sa.direction == IpsecDirection::INBOUND && sa.source == previous)
        {
            pfKey->Delete(IpsecDirection::INBOUND, sa.spi, Ipv6Address::GetAny());
        }
    }
    for (const auto& policy :
         CxtpTunnelRewriter::TunnelRules(node->GetObject<IpsecSpd>(), previous))
    {
        pfKey->DeletePolicy(policy.id);
    }
    auto exported = m_exported.find(previous);
    if (exported != m_exported.end())
    {
        // nSG holds the IKE SA now: forget ours without a DELETE (the MN still uses it).
        if (IkeSaTransfer* transfer = IkeSaTransfer::ForNode(node))
        {
            transfer->Forget(exported->second);
        }
        m_exported.erase(exported);
    }
    if (Ptr<IpsecPad> pad = node->GetObject<IpsecPad>())
    {
        pad->Remove(previous, Ipv6Prefix(128)); // the MN's own entry moved with it
    }
}

std::vector<CxtpContextBlock>
CxtpContextStore::Filter(const std::vector<CxtpContextBlock>& blocks,
                         const std::vector<CxtpFeatureProfile>& requested)
{
    if (requested.empty())
    {
        return blocks;
    }
    std::vector<CxtpContextBlock> out;
    for (const auto& block : blocks)
    {
        if (std::find(requested.begin(), requested.end(), block.fpt) != requested.end())
        {
            out.push_back(block);
        }
    }
    return out;
}

} // namespace ns3
