/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_SECURITY_ASSOCIATION_H
#define IPSEC_SECURITY_ASSOCIATION_H

#include "ipsec-algorithm.h"
#include "ipsec-replay-window.h"

#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/// \ingroup cxtp-ipsec
/// IPsec mode (RFC 4301 §4.1).
enum class IpsecMode : uint8_t
{
    TRANSPORT,
    TUNNEL,
};

/// \ingroup cxtp-ipsec
/// Direction of an SA or a policy, seen from the node that holds it.
enum class IpsecDirection : uint8_t
{
    INBOUND,
    OUTBOUND,
};

/// \return "transport" or "tunnel"
std::string ToString(IpsecMode mode);
/// \return "in" or "out"
std::string ToString(IpsecDirection direction);

/**
 * \ingroup cxtp-ipsec
 * \brief A lifetime limit (RFC 4301 §4.4.2.1): a time and a byte count; zero means no limit.
 */
struct IpsecLifetime
{
    Time time{0};      ///< time since the SA was added; 0 = no limit
    uint64_t bytes{0}; ///< bytes protected or verified; 0 = no limit
};

/**
 * \ingroup cxtp-ipsec
 * \brief One SAD entry: the RFC 4301 §4.4.2.1 fields this model uses.
 *
 * A plain struct: the SAD stores it, ESP reads and advances it, and IKE and context transfer
 * build and serialise it. Tunnel mode uses source/destination as the outer addresses; in
 * transport mode they are the addresses the SA is bound to.
 */
struct IpsecSecurityAssociation
{
    uint32_t spi{0};                                    ///< chosen by the receiver; >= 256
    IpsecDirection direction{IpsecDirection::OUTBOUND}; ///< inbound or outbound
    IpsecMode mode{IpsecMode::TUNNEL};                  ///< tunnel or transport
    Ipv6Address source;                                 ///< outer source (tunnel) or SA source
    Ipv6Address destination;                            ///< outer destination or SA destination
    IpsecEncryption encryption{IpsecEncryption::AES_128_CBC}; ///< cipher
    std::vector<uint8_t> encryptionKey;                     ///< cipher key (with the salt for GCM)
    IpsecIntegrity integrity{IpsecIntegrity::HMAC_SHA1_96}; ///< integrity algorithm
    std::vector<uint8_t> integrityKey;                      ///< integrity key
    bool esn{false};                                        ///< 64-bit extended sequence numbers
    uint64_t sequence{0};       ///< outbound: the last sequence number sent (first is 1)
    IpsecReplayWindow replay;   ///< inbound: anti-replay state
    IpsecLifetime softLifetime; ///< soft limit: an EXPIRE(soft) event asks for a rekey
    IpsecLifetime hardLifetime; ///< hard limit: the SA is deleted
    uint64_t bytes{0};          ///< current lifetime: bytes processed
    uint64_t packets{0};        ///< current lifetime: packets processed
    Time addTime{0};            ///< when the SA was installed
    uint32_t pathMtu{1500};     ///< path MTU learnt for the SA (RFC 4301 §8.2)
    uint32_t policyId{0};       ///< the SPD rule this SA serves (0 = none); PF_KEY reqid

    /**
     * \brief Checks the configuration: SPI range, transform pair, key lengths, replay window.
     * \return an empty string if valid, otherwise one line that says what is wrong
     */
    std::string Validate() const;
};

} // namespace ns3

#endif // IPSEC_SECURITY_ASSOCIATION_H
