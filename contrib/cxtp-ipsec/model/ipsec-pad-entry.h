/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_PAD_ENTRY_H
#define IPSEC_PAD_ENTRY_H

#include "ns3/ipv6-address.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/// \ingroup cxtp-ipsec
/// How a peer authenticates (RFC 4301 §4.4.3.2).
enum class IpsecAuthMethod : uint8_t
{
    PRE_SHARED_KEY, ///< a secret shared with the peer
    CERTIFICATE,    ///< an X.509 certificate chaining to one of the entry's trust anchors (IKEv2)
    EAP, ///< EAP through the node's Ikev2EapBackend (IKEv2 responder, RFC 7296 §2.16); this
         ///< node authenticates itself with its certificate, or with preSharedKey if set
};

/**
 * \ingroup cxtp-ipsec
 * \brief One Peer Authorization Database entry (RFC 4301 §4.4.3): which peers may run IKE with
 * this node, how they authenticate, and which child-SA addresses they may claim.
 *
 * A peer is identified by an IPv6 address range (prefix), or by a name (FQDN or key id) when
 * IKE identities are used; an empty name matches by address only.
 */
struct IpsecPadEntry
{
    Ipv6Address peerAddress{Ipv6Address::GetAny()}; ///< peer identity: prefix address
    Ipv6Prefix peerPrefix{Ipv6Prefix::GetZero()};   ///< peer identity: prefix length
    std::string peerName;                           ///< FQDN or key id; empty = by address
    uint8_t ikeVersion{1};                          ///< 1 or 2
    IpsecAuthMethod authMethod{IpsecAuthMethod::PRE_SHARED_KEY}; ///< authentication method
    std::vector<uint8_t> preSharedKey;                           ///< the secret, for PRE_SHARED_KEY
    /// For CERTIFICATE: the CA certificates (DER) the peer's certificate must chain to, the
    /// trust anchors of RFC 4301 §4.4.3.2 and RFC 5280 §6.1.1 (d).
    std::vector<std::vector<uint8_t>> trustAnchors;
    /// IKEv2 initiator: this node authenticates itself with EAP (RFC 7296 §2.16) using the
    /// EapCredentials of its IpsecCredentialStore; the peer still proves itself by authMethod.
    bool localEap{false};
    Ipv6Address childAddress{Ipv6Address::GetAny()}; ///< child SA addresses the peer may claim
    Ipv6Prefix childPrefix{Ipv6Prefix::GetZero()};   ///< their prefix length

    /// \return an empty string if valid, otherwise one line that says what is wrong
    std::string Validate() const;
    /**
     * \param address a peer address
     * \return true if the entry covers it
     */
    bool MatchesAddress(const Ipv6Address& address) const;
};

} // namespace ns3

#endif // IPSEC_PAD_ENTRY_H
