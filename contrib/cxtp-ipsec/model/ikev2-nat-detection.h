/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_NAT_DETECTION_H
#define IKEV2_NAT_DETECTION_H

#include "ns3/ipv4-address.h"
#include "ns3/ipv6-address.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The data of the NAT_DETECTION_SOURCE_IP and NAT_DETECTION_DESTINATION_IP
 * notifications (RFC 7296 §2.23): SHA-1(SPIi | SPIr | IP address | port).
 *
 * The SPIs are the 8-octet IKE SPIs in network byte order (SPIr is zero in the IKE_SA_INIT
 * request), the address is 4 octets (IPv4) or 16 octets (IPv6) and the port 2 octets in
 * network byte order. A side puts the hash of its own source address and port in
 * NAT_DETECTION_SOURCE_IP and that of the peer's address and port in
 * NAT_DETECTION_DESTINATION_IP; the receiver recomputes both from the packet's addresses: a
 * mismatch means a NAT on the path.
 */
class Ikev2NatDetection
{
  public:
    /// The length of the hash (SHA-1).
    static constexpr uint32_t HASH_LENGTH = 20;

    /**
     * \param spiI the IKE SA initiator's SPI
     * \param spiR the IKE SA responder's SPI (0 in the first IKE_SA_INIT request)
     * \param address an IPv6 address
     * \param port a UDP port
     * \return the 20-octet hash
     */
    static std::vector<uint8_t> Hash(uint64_t spiI,
                                     uint64_t spiR,
                                     const Ipv6Address& address,
                                     uint16_t port);
    /**
     * \param spiI the IKE SA initiator's SPI
     * \param spiR the IKE SA responder's SPI (0 in the first IKE_SA_INIT request)
     * \param address an IPv4 address
     * \param port a UDP port
     * \return the 20-octet hash
     */
    static std::vector<uint8_t> Hash(uint64_t spiI,
                                     uint64_t spiR,
                                     const Ipv4Address& address,
                                     uint16_t port);
    /**
     * \brief Compares received notification data with the recomputed hash.
     * \param received the notification data
     * \param expected the hash of the addresses the packet really carried
     * \return true if equal (no NAT changed that address and port)
     */
    static bool Matches(const std::vector<uint8_t>& received, const std::vector<uint8_t>& expected);
};

} // namespace ns3

#endif // IKEV2_NAT_DETECTION_H
