/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-policy.h"

#include <sstream>

namespace ns3
{

std::string
ToString(IpsecPolicyAction action)
{
    switch (action)
    {
    case IpsecPolicyAction::PROTECT:
        return "protect";
    case IpsecPolicyAction::BYPASS:
        return "bypass";
    case IpsecPolicyAction::DISCARD:
        return "discard";
    }
    return "unknown";
}

std::string
IpsecPolicy::Validate() const
{
    std::string error = selector.Validate();
    if (!error.empty())
    {
        return "policy " + std::to_string(id) + ": " + error;
    }
    if (action == IpsecPolicyAction::PROTECT)
    {
        if (mode == IpsecMode::TUNNEL && (tunnelLocal.IsAny() || tunnelRemote.IsAny() ||
                                          tunnelLocal.IsMulticast() || tunnelRemote.IsMulticast()))
        {
            return "policy " + std::to_string(id) +
                   ": a tunnel-mode PROTECT rule needs unicast tunnel endpoints";
        }
        error = CheckTransformPair(encryption, integrity);
        if (!error.empty())
        {
            return "policy " + std::to_string(id) + ": " + error;
        }
    }
    return "";
}

std::string
IpsecPolicy::ToString() const
{
    std::ostringstream os;
    os << "#" << id << " " << ns3::ToString(direction) << " prio " << priority << " "
       << selector.ToString() << " " << ns3::ToString(action);
    if (action == IpsecPolicyAction::PROTECT)
    {
        os << " " << ns3::ToString(mode);
        if (mode == IpsecMode::TUNNEL)
        {
            os << " " << tunnelLocal << " -> " << tunnelRemote;
        }
    }
    return os.str();
}

} // namespace ns3
