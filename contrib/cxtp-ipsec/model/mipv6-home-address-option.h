/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MIPV6_HOME_ADDRESS_OPTION_H
#define MIPV6_HOME_ADDRESS_OPTION_H

#include "ns3/header.h"
#include "ns3/ipv6-address.h"
#include "ns3/ipv6-extension.h"
#include "ns3/tag.h"

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief A Destination Options header (IPv6 Next Header 60) that carries exactly one Home Address
 * option (RFC 6275 §6.3), as a mobile node puts it in front of a Binding Update sent from its
 * care-of address (RFC 6275 §11.7.1).
 *
 * \verbatim
  0                   1                   2                   3
  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |  Next Header  | Hdr Ext Len=2 | PadN=1        | Opt Len=2     |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |       0       |       0       | Type=201      | Opt Len=16    |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |                      Home Address (16 bytes)                  |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 \endverbatim
 *
 * The option's alignment requirement is 8n+6 (RFC 6275 §6.3), so a 4-byte PadN precedes it and
 * the header is 24 bytes (Hdr Ext Len 2): Next Header and Hdr Ext Len (2), PadN (4), the option
 * (2 + 16).
 */
class Mipv6HomeAddressOptionHeader : public Header
{
  public:
    static constexpr uint8_t EXT_NUMBER = 60;       ///< Destination Options header
    static constexpr uint8_t OPTION_TYPE = 201;     ///< Home Address option type (0xC9)
    static constexpr uint8_t OPTION_LENGTH = 16;    ///< its data length
    static constexpr uint32_t SERIALIZED_SIZE = 24; ///< header size

    /// \return the TypeId
    static TypeId GetTypeId();
    Mipv6HomeAddressOptionHeader();
    TypeId GetInstanceTypeId() const override;

    /// \param nextHeader the protocol after this header (135 for a Binding Update)
    void SetNextHeader(uint8_t nextHeader);
    /// \return the protocol after this header
    uint8_t GetNextHeader() const;
    /// \param address the home address
    void SetHomeAddress(Ipv6Address address);
    /// \return the home address
    Ipv6Address GetHomeAddress() const;
    /// \return false if the last Deserialize did not find the layout drawn above
    bool IsValid() const;

    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;
    void Print(std::ostream& os) const override;

  private:
    uint8_t m_nextHeader;      ///< Next Header
    Ipv6Address m_homeAddress; ///< Home Address option data
    bool m_valid;              ///< result of the last Deserialize
};

/**
 * \ingroup cxtp-ipsec
 * \brief Carries the home address found in a received Home Address option from the
 * Destination Options processing (Mipv6DestinationExtension) to Mipv6L4Protocol, which needs it
 * for the Mobility Header checksum and the Binding Update (RFC 6275 §6.1.1, §9.3.1).
 */
class Mipv6HomeAddressTag : public Tag
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    Mipv6HomeAddressTag();
    TypeId GetInstanceTypeId() const override;
    /// \param address the home address
    void SetHomeAddress(Ipv6Address address);
    /// \return the home address
    Ipv6Address GetHomeAddress() const;

    uint32_t GetSerializedSize() const override;
    void Serialize(TagBuffer i) const override;
    void Deserialize(TagBuffer i) override;
    void Print(std::ostream& os) const override;

  private:
    Ipv6Address m_homeAddress; ///< the home address
};

/**
 * \ingroup cxtp-ipsec
 * \brief Destination Options processing that understands the Home Address option (RFC 6275
 * §9.3.1).
 *
 * ns-3.37's Ipv6ExtensionDestination treats option type 201 as unknown; its two high bits (11)
 * then require the packet to be discarded (RFC 8200 §4.2). This subclass, installed in place of
 * the stock one by Mipv6L4Protocol, handles a header made only of Pad1, PadN and one Home
 * Address option itself: it tags the packet with the home address (Mipv6HomeAddressTag) and lets
 * the next header be processed. A header whose length or options overrun the packet is
 * dropped (DROP_MALFORMED_HEADER) before the stock code sees it; any other well-formed
 * Destination Options header goes to the stock code.
 * It does not swap the IPv6 source and the home address (as RFC 6275 §9.3.1 says a node does);
 * Mipv6L4Protocol reads the tag instead.
 */
class Mipv6DestinationExtension : public Ipv6ExtensionDestination
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    Mipv6DestinationExtension();

    uint8_t Process(Ptr<Packet>& packet,
                    uint8_t offset,
                    const Ipv6Header& ipv6Header,
                    Ipv6Address dst,
                    uint8_t* nextHeader,
                    bool& stopProcessing,
                    bool& isDropped,
                    Ipv6L3Protocol::DropReason& dropReason) override;

    /**
     * \brief Replace the node's stock Destination Options processing with this class (once).
     * \param node the node, with an IPv6 stack
     */
    static void InstallOn(Ptr<Node> node);
};

} // namespace ns3

#endif // MIPV6_HOME_ADDRESS_OPTION_H
