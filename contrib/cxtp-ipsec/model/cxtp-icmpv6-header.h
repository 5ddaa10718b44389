/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CXTP_ICMPV6_HEADER_H
#define CXTP_ICMPV6_HEADER_H

#include "ns3/header.h"
#include "ns3/ipv6-address.h"
#include "ns3/ptr.h"

#include <cstdint>

namespace ns3
{

class Packet;

/**
 * \ingroup cxtp-ipsec
 * \brief The ICMPv6 "Experimental Mobility" header that carries CXTP between an MN and an
 * access router (RFC 4067 §3, RFC 4065 §4): Type 150, Code 0, the ICMPv6 checksum, Subtype 1
 * (CXTP) and three reserved octets, then the CTAR or CTAA.
 *
 * \verbatim
  0                   1                   2                   3
  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |     Type      |     Code      |           Checksum            |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |    Subtype    |                   Reserved                    |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 \endverbatim
 *
 * The checksum is the ICMPv6 one (RFC 4443 §2.3): the one's complement sum over the IPv6
 * pseudo-header (source, destination, upper-layer length, next header 58) and the whole ICMPv6
 * message. SetAddresses() gives the pseudo-header; Serialize() then computes the checksum over
 * the header and everything after it in the packet, so the header must be added last (on top
 * of the CXTP message). VerifyChecksum() checks a received message.
 */
class CxtpIcmpv6Header : public Header
{
  public:
    static constexpr uint8_t TYPE = 150;      ///< Experimental Mobility, IPv6 (RFC 4065 §4)
    static constexpr uint8_t SUBTYPE = 1;     ///< CXTP (RFC 4065 §4; 0 is CARD)
    static constexpr uint32_t SIZE = 8;       ///< octets
    static constexpr uint8_t HOP_LIMIT = 255; ///< IPv6 hop limit of the messages (RFC 4067 §3)

    /// \return the TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    CxtpIcmpv6Header();

    /**
     * \brief Enables the checksum: the pseudo-header of the packet this header will head.
     * \param source the IPv6 source
     * \param destination the IPv6 destination
     */
    void SetAddresses(Ipv6Address source, Ipv6Address destination);

    /// \return the Type field
    uint8_t GetType() const;
    /// \return the Code field
    uint8_t GetCode() const;
    /// \return the Subtype field
    uint8_t GetSubtype() const;
    /// \return the Checksum field (as serialized or read)
    uint16_t GetChecksum() const;
    /// \return true if Type, Code and Subtype designate CXTP
    bool IsCxtp() const;

    /**
     * \param message a received ICMPv6 message (this header first)
     * \param source its IPv6 source
     * \param destination its IPv6 destination
     * \return true if its checksum is right
     */
    static bool VerifyChecksum(Ptr<const Packet> message,
                               Ipv6Address source,
                               Ipv6Address destination);

    void Print(std::ostream& os) const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;

  private:
    /**
     * \param source IPv6 source
     * \param destination IPv6 destination
     * \param length upper-layer length
     * \return the pseudo-header's one's complement sum (not complemented)
     */
    static uint16_t PseudoHeaderSum(Ipv6Address source, Ipv6Address destination, uint32_t length);

    uint8_t m_type;              ///< Type
    uint8_t m_code;              ///< Code
    uint8_t m_subtype;           ///< Subtype
    mutable uint16_t m_checksum; ///< Checksum
    bool m_calcChecksum;         ///< SetAddresses() was called
    Ipv6Address m_source;        ///< pseudo-header source
    Ipv6Address m_destination;   ///< pseudo-header destination
};

} // namespace ns3

#endif // CXTP_ICMPV6_HEADER_H
