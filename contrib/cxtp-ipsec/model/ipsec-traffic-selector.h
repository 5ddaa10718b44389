/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_TRAFFIC_SELECTOR_H
#define IPSEC_TRAFFIC_SELECTOR_H

#include "ns3/ipv6-address.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <string>

namespace ns3
{

class Packet;
class Ipv6Header;

/**
 * \ingroup cxtp-ipsec
 * \brief The selector fields of one packet, seen from the node that applies the policy
 * (RFC 4301 §4.4.1.1): for outbound traffic local = source, for inbound local = destination.
 *
 * For ICMPv6 the local port carries (type << 8 | code) and the remote port is 0; for the
 * Mobility Header the local port carries (MH type << 8); as IKEv2 traffic selectors do.
 */
struct IpsecPacketFields
{
    Ipv6Address local;      ///< local address
    Ipv6Address remote;     ///< remote address
    uint8_t nextHeader{0};  ///< upper-layer protocol
    bool portsKnown{false}; ///< false when the ports are not available (locally built packets)
    uint16_t localPort{0};  ///< local port (or ICMPv6 type/code, MH type)
    uint16_t remotePort{0}; ///< remote port

    /**
     * \brief Reads the fields of a whole IPv6 packet (header included).
     * \param packet the packet, starting with its IPv6 header
     * \param outbound true if the node sends it, false if it receives it
     * \param [out] fields the fields
     * \return false if the packet is too short to hold what its headers announce
     */
    static bool FromPacket(Ptr<const Packet> packet, bool outbound, IpsecPacketFields& fields);
    /**
     * \brief Reads the fields from an IPv6 header and the packet that follows it.
     * \param header the IPv6 header
     * \param payload what follows the header
     * \param outbound true if the node sends it, false if it receives it
     * \param [out] fields the fields
     * \return false if the payload is too short for its upper-layer header
     */
    static bool FromHeader(const Ipv6Header& header,
                           Ptr<const Packet> payload,
                           bool outbound,
                           IpsecPacketFields& fields);
};

/**
 * \ingroup cxtp-ipsec
 * \brief An SPD selector set (RFC 4301 §4.4.1.1): local and remote prefixes, next-layer
 * protocol and port ranges. The default value matches everything.
 */
struct IpsecTrafficSelector
{
    /// Next-layer protocol value that means ANY.
    static constexpr uint8_t ANY_PROTOCOL = 255;

    Ipv6Address localAddress{Ipv6Address::GetAny()};  ///< local prefix address
    Ipv6Prefix localPrefix{Ipv6Prefix::GetZero()};    ///< local prefix length
    Ipv6Address remoteAddress{Ipv6Address::GetAny()}; ///< remote prefix address
    Ipv6Prefix remotePrefix{Ipv6Prefix::GetZero()};   ///< remote prefix length
    uint8_t nextHeader{ANY_PROTOCOL};                 ///< protocol or ANY_PROTOCOL
    uint16_t localPortMin{0};                         ///< lowest local port
    uint16_t localPortMax{0xffff};                    ///< highest local port
    uint16_t remotePortMin{0};                        ///< lowest remote port
    uint16_t remotePortMax{0xffff};                   ///< highest remote port

    /**
     * \param fields the packet fields
     * \return true if the packet matches; when fields.portsKnown is false, ports are not
     *         compared (see MayMatch semantics in IpsecSpd)
     */
    bool Matches(const IpsecPacketFields& fields) const;
    /// \return true if the selector constrains ports
    bool HasPorts() const;
    /// \return true if the port ranges and the protocol are consistent
    std::string Validate() const;
    /// \return a one-line description, e.g. "fd00:11::/64 -> ::/0 proto 17 ports any/500"
    std::string ToString() const;

    /**
     * \brief A selector for one protocol (and optionally one remote port), any address.
     * \param nextHeader the protocol
     * \param port a port that either end uses (local or remote), or 0 for any
     * \return the selector; with a port, it matches when the *remote* port equals it (use
     *         two rules for both directions of a service)
     */
    static IpsecTrafficSelector ForProtocol(uint8_t nextHeader, uint16_t port = 0);
};

} // namespace ns3

#endif // IPSEC_TRAFFIC_SELECTOR_H
