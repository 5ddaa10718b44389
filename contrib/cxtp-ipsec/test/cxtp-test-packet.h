/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CXTP_TEST_PACKET_H
#define CXTP_TEST_PACKET_H

#include "ns3/ipv6-header.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/udp-header.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The IPv6 packet inside a frame, as an error model or a MacTx/MacRx trace of a CSMA or
 * point-to-point device sees it: the IPv6 header, the next header and, for UDP, the ports and
 * the payload.
 *
 * Parse() takes a copy of the frame and strips the link header (Ethernet II or PPP), the IPv6
 * header and, when the next header is UDP, the UDP header. What is left is kept as it is: a CSMA
 * trailer, if the frame has one, stays at its end (GetUdpPayloadLength() is what the IPv6 Payload
 * Length announces).
 */
class CxtpTestPacket
{
  public:
    /// The link framing in front of the IPv6 header.
    enum Link
    {
        ETHERNET, ///< CSMA: Ethernet II header, no preamble
        PPP,      ///< point-to-point: PPP header
    };

    /**
     * \param frame the frame
     * \param link its framing
     * \return true if the frame carries an IPv6 packet (EtherType 0x86DD on Ethernet) with a
     *         whole IPv6 header; the getters are meaningful only then
     */
    bool Parse(Ptr<const Packet> frame, Link link);

    /// \return the IPv6 header
    const Ipv6Header& GetIpv6Header() const;
    /// \return the IPv6 Next Header field
    uint8_t GetNextHeader() const;
    /// \return true if the next header is UDP (17) and a whole UDP header follows
    bool IsUdp() const;
    /// \return true for ESP (next header 50) with at least the 4-octet SPI
    bool IsEsp() const;
    /// \return the UDP header (valid when IsUdp())
    const UdpHeader& GetUdpHeader() const;
    /// \param port a port \return true for UDP from or to it
    bool HasUdpPort(uint16_t port) const;
    /// \return the IPv6 Payload Length less the UDP header: the UDP payload's announced size
    uint32_t GetUdpPayloadLength() const;
    /// \return the SPI, the first 4 octets of an ESP payload (valid when IsEsp())
    uint32_t GetEspSpi() const;
    /**
     * \param [out] bytes the UDP payload, as long as the IPv6 Payload Length announces
     * \return false unless UDP and the frame holds all of it
     */
    bool CopyUdpPayload(std::vector<uint8_t>& bytes) const;
    /// \return what follows the IPv6 header, or the UDP header for UDP (a trailer included)
    Ptr<Packet> GetPayload() const;
    /// \return the link header, the IPv6 header and its Payload Length: the frame without FCS
    uint32_t GetFrameLength() const;

  private:
    Ipv6Header m_ip;              ///< the IPv6 header
    UdpHeader m_udp;              ///< the UDP header, if any
    bool m_isUdp{false};          ///< a UDP header was removed
    Ptr<Packet> m_payload;        ///< the rest of the frame
    uint32_t m_linkHeaderSize{0}; ///< octets of the Ethernet or PPP header
};

} // namespace ns3

#endif // CXTP_TEST_PACKET_H
