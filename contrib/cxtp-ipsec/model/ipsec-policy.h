/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_POLICY_H
#define IPSEC_POLICY_H

#include "ipsec-algorithm.h"
#include "ipsec-security-association.h"
#include "ipsec-traffic-selector.h"

#include "ns3/ipv6-address.h"

#include <cstdint>
#include <string>

namespace ns3
{

/// \ingroup cxtp-ipsec
/// What an SPD rule does with matching traffic (RFC 4301 §4.4.1).
enum class IpsecPolicyAction : uint8_t
{
    PROTECT,
    BYPASS,
    DISCARD,
};

/// \return "protect", "bypass" or "discard"
std::string ToString(IpsecPolicyAction action);

/**
 * \ingroup cxtp-ipsec
 * \brief One SPD rule (RFC 4301 §4.4.1.2).
 *
 * Rules are ordered by priority (lower first), then by insertion. A PROTECT rule names the SA
 * bundle through its id: outbound SAs whose policyId equals the rule's id serve it (PF_KEY's
 * "unique" reqid). With no such SA the data plane raises an acquire carrying this rule, and the
 * proposal fields say what a key manager should negotiate.
 */
struct IpsecPolicy
{
    uint32_t id{0};                                       ///< unique per node; set by IpsecSpd if 0
    IpsecDirection direction{IpsecDirection::OUTBOUND};   ///< which traffic the rule filters
    int32_t priority{0};                                  ///< lower values are evaluated first
    IpsecTrafficSelector selector;                        ///< what the rule matches
    IpsecPolicyAction action{IpsecPolicyAction::DISCARD}; ///< what it does
    // PROTECT only:
    IpsecMode mode{IpsecMode::TUNNEL}; ///< mode of the SAs
    Ipv6Address tunnelLocal;           ///< tunnel mode: this end's outer address
    Ipv6Address tunnelRemote;          ///< tunnel mode: the peer's outer address
    IpsecEncryption encryption{IpsecEncryption::AES_128_CBC}; ///< proposal for acquire
    IpsecIntegrity integrity{IpsecIntegrity::HMAC_SHA1_96};   ///< proposal for acquire

    /// \return an empty string if valid, otherwise one line that says what is wrong
    std::string Validate() const;
    /// \return a one-line description
    std::string ToString() const;
};

} // namespace ns3

#endif // IPSEC_POLICY_H
