/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-pad.h"

#include "ns3/log.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IpsecPad");
NS_OBJECT_ENSURE_REGISTERED(IpsecPad);

TypeId
IpsecPad::GetTypeId()
{
    static TypeId tid = TypeId("ns3::IpsecPad")
                            .SetParent<Object>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<IpsecPad>();
    return tid;
}

IpsecPad::IpsecPad()
{
    NS_LOG_FUNCTION(this);
}

IpsecPad::~IpsecPad()
{
    NS_LOG_FUNCTION(this);
}

std::string
IpsecPad::Add(const IpsecPadEntry& entry)
{
    std::string error = entry.Validate();
    if (error.empty())
    {
        m_entries.push_back(entry);
    }
    return error;
}

const IpsecPadEntry*
IpsecPad::FindByAddress(const Ipv6Address& address) const
{
    for (const auto& e : m_entries)
    {
        if (e.MatchesAddress(address))
        {
            return &e;
        }
    }
    return nullptr;
}

const IpsecPadEntry*
IpsecPad::FindByName(const std::string& name) const
{
    for (const auto& e : m_entries)
    {
        if (!e.peerName.empty() && e.peerName == name)
        {
            return &e;
        }
    }
    return nullptr;
}

const std::vector<IpsecPadEntry>&
IpsecPad::GetEntries() const
{
    return m_entries;
}

uint32_t
IpsecPad::Remove(const Ipv6Address& address, const Ipv6Prefix& prefix)
{
    auto end = std::remove_if(m_entries.begin(), m_entries.end(), [&](const IpsecPadEntry& e) {
        return e.peerAddress == address && e.peerPrefix == prefix;
    });
    auto removed = static_cast<uint32_t>(m_entries.end() - end);
    m_entries.erase(end, m_entries.end());
    return removed;
}

void
IpsecPad::Clear()
{
    m_entries.clear();
}

} // namespace ns3
