/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef RADIUS_DATAGRAM_INTERNAL_H
#define RADIUS_DATAGRAM_INTERNAL_H

#include "radius-packet.h"

#include "ns3/ipv6-address.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <vector>

namespace ns3
{

class Socket;

/**
 * \ingroup cxtp-ipsec
 * \brief One datagram read from a RADIUS socket (RFC 2865 §3: one packet per UDP datagram),
 * with the header fields the Rx traces of RadiusClient and AaaServer report.
 */
struct RadiusDatagram
{
    Ipv6Address address;        ///< the sender
    uint16_t port{0};           ///< its UDP port
    std::vector<uint8_t> bytes; ///< the RADIUS packet, undecoded
    RadiusCode code{};          ///< its first octet (0 if empty)
    uint8_t identifier{0};      ///< its second octet (0 if shorter)

    /**
     * \brief Reads every datagram waiting on an IPv6 UDP socket (the receive callback's loop
     * of RadiusClient and AaaServer); anything not from an IPv6 address is skipped.
     * \param socket the socket
     * \return the datagrams, in arrival order
     */
    static std::vector<RadiusDatagram> ReadAll(Ptr<Socket> socket);
};

} // namespace ns3

#endif // RADIUS_DATAGRAM_INTERNAL_H
