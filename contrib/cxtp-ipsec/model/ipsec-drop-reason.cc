/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-drop-reason.h"

namespace ns3
{

std::string
ToString(IpsecDropReason reason)
{
    switch (reason)
    {
    case IpsecDropReason::NONE:
        return "none";
    case IpsecDropReason::NO_SA:
        return "no_sa";
    case IpsecDropReason::REPLAY:
        return "replay";
    case IpsecDropReason::BAD_ICV:
        return "bad_icv";
    case IpsecDropReason::BAD_PADDING:
        return "bad_padding";
    case IpsecDropReason::POLICY_DISCARD:
        return "policy_discard";
    case IpsecDropReason::MALFORMED:
        return "malformed";
    case IpsecDropReason::SEQ_OVERFLOW:
        return "seq_overflow";
    case IpsecDropReason::SA_EXPIRED:
        return "sa_expired";
    case IpsecDropReason::HOLD_OVERFLOW:
        return "hold_overflow";
    }
    return "unknown";
}

std::ostream&
operator<<(std::ostream& os, IpsecDropReason reason)
{
    return os << ToString(reason);
}

} // namespace ns3
