/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CXTP_TRANSPORT_H
#define CXTP_TRANSPORT_H

#include "ns3/callback.h"
#include "ns3/ipv6-address.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/socket.h"

#include <cstdint>
#include <set>
#include <string>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The two transports of CXTP messages on one node (RFC 4067 §3): a UDP socket on the
 * agent's port, and an ICMPv6 Experimental Mobility transport (type 150, code 0, subtype 1,
 * hop limit 255, CxtpIcmpv6Header). Part of CxtpAgent, which owns it and decides which
 * transport each message takes.
 *
 * ns-3.37's Icmpv6L4Protocol ignores unknown types and has no hook for them, so ICMPv6 is read
 * through an IPv6 raw socket (protocol 58), which sees every ICMPv6 packet the node receives,
 * forwarded ones included: only type 150 / code 0 / subtype 1 messages addressed to the node
 * are kept; those with a hop limit other than 255 or a wrong checksum are dropped and reported
 * with their reason; the rest (neighbour discovery, echo, other subtypes) is ignored. The
 * sources of the CXTP messages that came over ICMPv6 are remembered (SpokeIcmp()), so that a
 * gateway answers on the transport the MN used.
 */
class CxtpTransport
{
  public:
    /// A CXTP message (the ICMPv6 header removed) and its IPv6 source.
    using ReceiveCallback = Callback<void, Ptr<Packet>, Ipv6Address>;
    /// A dropped ICMPv6 message: the reason.
    using DropCallback = Callback<void, std::string>;

    /**
     * \brief Opens the UDP socket, and the raw ICMPv6 socket if asked; nothing if already open.
     * \param node the node
     * \param port the UDP port
     * \param icmp whether to open the ICMPv6 transport too
     * \param receive called for every CXTP message
     * \param drop called for every dropped ICMPv6 CXTP message
     */
    void Open(Ptr<Node> node, uint16_t port, bool icmp, ReceiveCallback receive, DropCallback drop);
    /// Closes both sockets.
    void Close();
    /// \return true if the UDP socket is open
    bool IsOpen() const;
    /**
     * \param packet a CXTP message
     * \param to its destination, on the UDP port
     */
    void SendUdp(Ptr<Packet> packet, Ipv6Address to);
    /**
     * \brief Sends a CXTP message as ICMPv6 Experimental Mobility (the checksum is computed
     * over the pseudo-header of the given source).
     * \param packet a CXTP message
     * \param source the IPv6 source
     * \param to its destination
     */
    void SendIcmp(Ptr<Packet> packet, Ipv6Address source, Ipv6Address to);
    /**
     * \param peer an address
     * \return true if a CXTP message from it came over ICMPv6
     */
    bool SpokeIcmp(Ipv6Address peer) const;

  private:
    /// \param socket the UDP socket with data
    void HandleRead(Ptr<Socket> socket);
    /// \param socket the raw socket with data
    void HandleRawRead(Ptr<Socket> socket);

    Ptr<Node> m_node;                  ///< the node
    uint16_t m_port{0};                ///< UDP port
    Ptr<Socket> m_udp;                 ///< UDP socket
    Ptr<Socket> m_raw;                 ///< IPv6 raw socket, protocol 58
    ReceiveCallback m_receive;         ///< CXTP message received
    DropCallback m_drop;               ///< ICMPv6 message dropped
    std::set<Ipv6Address> m_icmpPeers; ///< sources of ICMPv6 CXTP messages
};

} // namespace ns3

#endif // CXTP_TRANSPORT_H
