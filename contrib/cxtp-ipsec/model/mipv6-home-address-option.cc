/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mipv6-home-address-option.h"

#include "wire-reader.h"
#include "wire-writer.h"

#include "ns3/abort.h"
#include "ns3/ipv6-extension-demux.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"

#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Mipv6HomeAddressOption");

namespace
{

/// What the options of a Destination Options header hold.
enum class DestinationOptions
{
    MALFORMED,         ///< an option runs past the header
    ONLY_HOME_ADDRESS, ///< a Home Address option and padding only
    OTHER,             ///< anything else: the stock processing decides
};

/**
 * \brief Scans the options of a Destination Options header for a Home Address option
 * (RFC 6275 §6.3).
 * \param h the header
 * \param length its length
 * \param [out] hoa the home address of the first Home Address option, if any
 * \return what the options hold
 */
DestinationOptions
ScanDestinationOptions(const uint8_t* h, uint32_t length, Ipv6Address& hoa)
{
    bool onlyHoa = true;
    bool found = false;
    uint32_t pos = 2;
    while (pos < length)
    {
        uint8_t type = h[pos];
        if (type == 0)
        {
            ++pos; // Pad1
            continue;
        }
        if (pos + 2 > length || pos + 2 + h[pos + 1] > length)
        {
            return DestinationOptions::MALFORMED;
        }
        uint8_t optLen = h[pos + 1];
        if (type == Mipv6HomeAddressOptionHeader::OPTION_TYPE &&
            optLen == Mipv6HomeAddressOptionHeader::OPTION_LENGTH && !found)
        {
            hoa = Ipv6Address(const_cast<uint8_t*>(h + pos + 2));
            found = true;
        }
        else if (type != 1)
        {
            onlyHoa = false; // other options: the stock processing decides
        }
        pos += 2 + optLen;
    }
    return onlyHoa && found ? DestinationOptions::ONLY_HOME_ADDRESS : DestinationOptions::OTHER;
}

} // namespace

NS_OBJECT_ENSURE_REGISTERED(Mipv6HomeAddressOptionHeader);
NS_OBJECT_ENSURE_REGISTERED(Mipv6HomeAddressTag);
NS_OBJECT_ENSURE_REGISTERED(Mipv6DestinationExtension);

TypeId
Mipv6HomeAddressOptionHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::Mipv6HomeAddressOptionHeader")
                            .SetParent<Header>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<Mipv6HomeAddressOptionHeader>();
    return tid;
}

Mipv6HomeAddressOptionHeader::Mipv6HomeAddressOptionHeader()
    : m_nextHeader(135),
      m_valid(true)
{
}

TypeId
Mipv6HomeAddressOptionHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

void
Mipv6HomeAddressOptionHeader::SetNextHeader(uint8_t nextHeader)
{
    m_nextHeader = nextHeader;
}

uint8_t
Mipv6HomeAddressOptionHeader::GetNextHeader() const
{
    return m_nextHeader;
}

void
Mipv6HomeAddressOptionHeader::SetHomeAddress(Ipv6Address address)
{
    m_homeAddress = address;
}

Ipv6Address
Mipv6HomeAddressOptionHeader::GetHomeAddress() const
{
    return m_homeAddress;
}

bool
Mipv6HomeAddressOptionHeader::IsValid() const
{
    return m_valid;
}

uint32_t
Mipv6HomeAddressOptionHeader::GetSerializedSize() const
{
    return SERIALIZED_SIZE;
}

void
Mipv6HomeAddressOptionHeader::Serialize(Buffer::Iterator start) const
{
    Buffer::Iterator i = start;
    i.WriteU8(m_nextHeader);
    i.WriteU8(SERIALIZED_SIZE / 8 - 1);
    i.WriteU8(1); // PadN
    i.WriteU8(2);
    i.WriteU16(0);
    i.WriteU8(OPTION_TYPE);
    i.WriteU8(OPTION_LENGTH);
    WireWriteIpv6(i, m_homeAddress);
}

uint32_t
Mipv6HomeAddressOptionHeader::Deserialize(Buffer::Iterator start)
{
    Buffer::Iterator i = start;
    m_valid = false;
    if (i.GetRemainingSize() < SERIALIZED_SIZE)
    {
        return 0;
    }
    m_nextHeader = i.ReadU8();
    uint8_t len = i.ReadU8();
    uint8_t padType = i.ReadU8();
    uint8_t padLen = i.ReadU8();
    i.ReadU16();
    uint8_t type = i.ReadU8();
    uint8_t optLen = i.ReadU8();
    m_homeAddress = WireReadIpv6(i);
    m_valid = len == SERIALIZED_SIZE / 8 - 1 && padType == 1 && padLen == 2 &&
              type == OPTION_TYPE && optLen == OPTION_LENGTH;
    return SERIALIZED_SIZE;
}

void
Mipv6HomeAddressOptionHeader::Print(std::ostream& os) const
{
    os << "Destination Options: Home Address " << m_homeAddress << " next header " << +m_nextHeader;
}

TypeId
Mipv6HomeAddressTag::GetTypeId()
{
    static TypeId tid = TypeId("ns3::Mipv6HomeAddressTag")
                            .SetParent<Tag>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<Mipv6HomeAddressTag>();
    return tid;
}

Mipv6HomeAddressTag::Mipv6HomeAddressTag()
{
}

TypeId
Mipv6HomeAddressTag::GetInstanceTypeId() const
{
    return GetTypeId();
}

void
Mipv6HomeAddressTag::SetHomeAddress(Ipv6Address address)
{
    m_homeAddress = address;
}

Ipv6Address
Mipv6HomeAddressTag::GetHomeAddress() const
{
    return m_homeAddress;
}

uint32_t
Mipv6HomeAddressTag::GetSerializedSize() const
{
    return 16;
}

void
Mipv6HomeAddressTag::Serialize(TagBuffer i) const
{
    WireWriteIpv6(i, m_homeAddress);
}

void
Mipv6HomeAddressTag::Deserialize(TagBuffer i)
{
    m_homeAddress = WireReadIpv6(i);
}

void
Mipv6HomeAddressTag::Print(std::ostream& os) const
{
    os << "HoA=" << m_homeAddress;
}

TypeId
Mipv6DestinationExtension::GetTypeId()
{
    static TypeId tid = TypeId("ns3::Mipv6DestinationExtension")
                            .SetParent<Ipv6ExtensionDestination>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<Mipv6DestinationExtension>();
    return tid;
}

Mipv6DestinationExtension::Mipv6DestinationExtension()
{
}

uint8_t
Mipv6DestinationExtension::Process(Ptr<Packet>& packet,
                                   uint8_t offset,
                                   const Ipv6Header& ipv6Header,
                                   Ipv6Address dst,
                                   uint8_t* nextHeader,
                                   bool& stopProcessing,
                                   bool& isDropped,
                                   Ipv6L3Protocol::DropReason& dropReason)
{
    NS_LOG_FUNCTION(this << packet << +offset);
    auto drop = [&](const char* why) {
        NS_LOG_INFO("Destination Options header dropped: " << why);
        isDropped = true;
        stopProcessing = true;
        dropReason = Ipv6L3Protocol::DROP_MALFORMED_HEADER;
        return static_cast<uint8_t>(0);
    };
    uint32_t available = packet->GetSize() > offset ? packet->GetSize() - offset : 0;
    if (available < 2)
    {
        return drop("truncated");
    }
    std::vector<uint8_t> bytes(packet->GetSize());
    packet->CopyData(bytes.data(), bytes.size());
    const uint8_t* h = bytes.data() + offset;
    uint32_t length = 8 * (uint32_t(h[1]) + 1);
    if (length > available)
    {
        return drop("Hdr Ext Len beyond the packet");
    }
    if (length > 255)
    {
        return drop("longer than Ipv6Extension::Process can report (255 bytes)");
    }
    Ipv6Address hoa;
    DestinationOptions options = ScanDestinationOptions(h, length, hoa);
    if (options == DestinationOptions::MALFORMED)
    {
        return drop("option beyond the header");
    }
    if (options == DestinationOptions::ONLY_HOME_ADDRESS)
    {
        NS_LOG_LOGIC("Home Address option " << hoa);
        Mipv6HomeAddressTag tag;
        tag.SetHomeAddress(hoa);
        packet->ReplacePacketTag(tag);
        if (nextHeader)
        {
            *nextHeader = h[0];
        }
        return static_cast<uint8_t>(length);
    }
    return Ipv6ExtensionDestination::Process(packet,
                                             offset,
                                             ipv6Header,
                                             dst,
                                             nextHeader,
                                             stopProcessing,
                                             isDropped,
                                             dropReason);
}

void
Mipv6DestinationExtension::InstallOn(Ptr<Node> node)
{
    NS_LOG_FUNCTION(node);
    Ptr<Ipv6ExtensionDemux> demux = node->GetObject<Ipv6ExtensionDemux>();
    NS_ABORT_MSG_IF(!demux, "Mipv6DestinationExtension: node " << node->GetId() << " has no IPv6");
    Ptr<Ipv6Extension> current = demux->GetExtension(EXT_NUMBER);
    if (DynamicCast<Mipv6DestinationExtension>(current))
    {
        return;
    }
    if (current)
    {
        demux->Remove(current);
    }
    Ptr<Mipv6DestinationExtension> ext = CreateObject<Mipv6DestinationExtension>();
    ext->SetNode(node);
    demux->Insert(ext);
}

} // namespace ns3
