/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-spd.h"

#include "ns3/log.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IpsecSpd");
NS_OBJECT_ENSURE_REGISTERED(IpsecSpd);

TypeId
IpsecSpd::GetTypeId()
{
    static TypeId tid = TypeId("ns3::IpsecSpd")
                            .SetParent<Object>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<IpsecSpd>()
                            .AddTraceSource("Change",
                                            "A rule was added or removed.",
                                            MakeTraceSourceAccessor(&IpsecSpd::m_changeTrace),
                                            "ns3::IpsecSpd::ChangeTracedCallback");
    return tid;
}

IpsecSpd::IpsecSpd()
    : m_nextId(1)
{
    NS_LOG_FUNCTION(this);
}

IpsecSpd::~IpsecSpd()
{
    NS_LOG_FUNCTION(this);
}

std::string
IpsecSpd::Add(const IpsecPolicy& policy, uint32_t& id)
{
    NS_LOG_FUNCTION(this << policy.ToString());
    IpsecPolicy rule = policy;
    std::string error = rule.Validate();
    if (!error.empty())
    {
        return error;
    }
    if (rule.id == 0)
    {
        rule.id = AllocateId();
    }
    else if (Get(rule.id))
    {
        return "policy " + std::to_string(rule.id) + " already exists";
    }
    auto pos = std::upper_bound(
        m_policies.begin(),
        m_policies.end(),
        rule,
        [](const IpsecPolicy& a, const IpsecPolicy& b) { return a.priority < b.priority; });
    m_policies.insert(pos, rule);
    id = rule.id;
    m_changeTrace(rule, true);
    return "";
}

uint32_t
IpsecSpd::AllocateId()
{
    while (Get(m_nextId))
    {
        m_nextId++;
    }
    return m_nextId++;
}

bool
IpsecSpd::Remove(uint32_t id)
{
    NS_LOG_FUNCTION(this << id);
    auto it = std::find_if(m_policies.begin(), m_policies.end(), [id](const IpsecPolicy& p) {
        return p.id == id;
    });
    if (it == m_policies.end())
    {
        return false;
    }
    IpsecPolicy rule = *it;
    m_policies.erase(it);
    m_changeTrace(rule, false);
    return true;
}

const IpsecPolicy*
IpsecSpd::Get(uint32_t id) const
{
    for (const auto& p : m_policies)
    {
        if (p.id == id)
        {
            return &p;
        }
    }
    return nullptr;
}

const IpsecPolicy*
IpsecSpd::Lookup(IpsecDirection direction, const IpsecPacketFields& fields) const
{
    for (const auto& p : m_policies)
    {
        if (p.direction == direction && p.selector.Matches(fields))
        {
            return &p;
        }
    }
    return nullptr;
}

bool
IpsecSpd::MayApply(IpsecDirection direction, const IpsecPacketFields& fields) const
{
    if (fields.portsKnown)
    {
        const IpsecPolicy* rule = Lookup(direction, fields);
        return rule && rule->action != IpsecPolicyAction::BYPASS;
    }
    for (const auto& p : m_policies)
    {
        if (p.direction != direction || !p.selector.Matches(fields))
        {
            continue; // Matches() ignores ports here: they are unknown
        }
        if (p.action != IpsecPolicyAction::BYPASS)
        {
            return true;
        }
        if (!p.selector.HasPorts())
        {
            return false; // a BYPASS that certainly applies
        }
    }
    return false;
}

const std::vector<IpsecPolicy>&
IpsecSpd::GetPolicies() const
{
    return m_policies;
}

bool
IpsecSpd::FindTunnelRules(const Ipv6Address& local,
                          const Ipv6Address& peer,
                          uint32_t& outPolicyId,
                          uint32_t& inPolicyId) const
{
    outPolicyId = 0;
    inPolicyId = 0;
    for (const auto& p : m_policies)
    {
        if (p.action != IpsecPolicyAction::PROTECT || p.mode != IpsecMode::TUNNEL ||
            p.tunnelRemote != peer || (!local.IsAny() && p.tunnelLocal != local))
        {
            continue;
        }
        uint32_t& slot = p.direction == IpsecDirection::OUTBOUND ? outPolicyId : inPolicyId;
        slot = slot ? slot : p.id;
    }
    return outPolicyId && inPolicyId;
}

} // namespace ns3
