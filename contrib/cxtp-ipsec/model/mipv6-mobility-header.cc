/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mipv6-mobility-header.h"

#include "wire-reader.h"
#include "wire-writer.h"

#include "ns3/assert.h"
#include "ns3/buffer.h"
#include "ns3/log.h"
#include "ns3/packet.h"

#include <algorithm>
#include <iomanip>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Mipv6MobilityHeader");

NS_OBJECT_ENSURE_REGISTERED(Mipv6MobilityHeader);
NS_OBJECT_ENSURE_REGISTERED(Mipv6BindingUpdateHeader);
NS_OBJECT_ENSURE_REGISTERED(Mipv6BindingAckHeader);
NS_OBJECT_ENSURE_REGISTERED(Mipv6BindingErrorHeader);

namespace
{

/// Size of the Alternate Care-of Address option: type, length and a 16-byte address.
constexpr uint32_t ALT_COA_OPTION_SIZE = 2 + 16;

} // namespace

// ---- Mipv6MobilityHeader ----------------------------------------------------------------------

TypeId
Mipv6MobilityHeader::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Mipv6MobilityHeader").SetParent<Header>().SetGroupName("CxtpIpsec");
    return tid;
}

Mipv6MobilityHeader::Mipv6MobilityHeader(uint8_t mhType)
    : m_mhType(mhType),
      m_payloadProto(NO_NEXT_HEADER),
      m_reserved(0),
      m_checksum(0),
      m_source(Ipv6Address::GetAny()),
      m_destination(Ipv6Address::GetAny()),
      m_calcChecksum(false),
      m_goodChecksum(true),
      m_valid(true),
      m_unknownOptions(0)
{
}

bool
Mipv6MobilityHeader::PeekType(Ptr<const Packet> packet, uint8_t& type, uint32_t& length)
{
    if (!packet || packet->GetSize() < MIN_SIZE)
    {
        return false;
    }
    uint8_t first[MIN_SIZE];
    packet->CopyData(first, MIN_SIZE);
    const uint32_t announced = 8 * (static_cast<uint32_t>(first[1]) + 1);
    if (packet->GetSize() < announced)
    {
        return false;
    }
    type = first[2];
    length = announced;
    return true;
}

uint8_t
Mipv6MobilityHeader::GetMhType() const
{
    return m_mhType;
}

void
Mipv6MobilityHeader::SetPayloadProto(uint8_t proto)
{
    m_payloadProto = proto;
}

uint8_t
Mipv6MobilityHeader::GetPayloadProto() const
{
    return m_payloadProto;
}

uint8_t
Mipv6MobilityHeader::GetHeaderLen() const
{
    const uint32_t size = GetSerializedSize();
    NS_ASSERT_MSG(size % 8 == 0 && size >= MIN_SIZE && size <= 8 * 256,
                  "Mobility Header size " << size << " does not fit Header Len");
    return static_cast<uint8_t>(size / 8 - 1);
}

void
Mipv6MobilityHeader::InitializeChecksum(Ipv6Address source, Ipv6Address destination)
{
    m_source = source;
    m_destination = destination;
    m_calcChecksum = true;
}

uint16_t
Mipv6MobilityHeader::GetChecksum() const
{
    return m_checksum;
}

void
Mipv6MobilityHeader::SetChecksum(uint16_t checksum)
{
    m_checksum = checksum;
}

bool
Mipv6MobilityHeader::IsChecksumOk() const
{
    return m_goodChecksum;
}

bool
Mipv6MobilityHeader::IsValid() const
{
    return m_valid;
}

std::string
Mipv6MobilityHeader::GetMalformedReason() const
{
    return m_malformedReason;
}

uint32_t
Mipv6MobilityHeader::GetUnknownOptionCount() const
{
    return m_unknownOptions;
}

uint16_t
Mipv6MobilityHeader::LifetimeToUnits(Time lifetime)
{
    if (lifetime.IsStrictlyNegative())
    {
        return 0;
    }
    const int64_t units = lifetime.GetMilliSeconds() / 4000;
    return static_cast<uint16_t>(std::min<int64_t>(units, 0xffff));
}

Time
Mipv6MobilityHeader::UnitsToLifetime(uint16_t units)
{
    return Seconds(4.0 * units);
}

uint32_t
Mipv6MobilityHeader::WritePadding(Buffer::Iterator* i, uint32_t n)
{
    if (i && n == 1)
    {
        i->WriteU8(OPTION_PAD1);
    }
    else if (i && n >= 2)
    {
        NS_ASSERT(n - 2 <= 0xff);
        i->WriteU8(OPTION_PADN);
        i->WriteU8(static_cast<uint8_t>(n - 2));
        for (uint32_t k = 2; k < n; ++k)
        {
            i->WriteU8(0);
        }
    }
    return n;
}

uint32_t
Mipv6MobilityHeader::AlignmentPadding(uint32_t offset, uint32_t x, uint32_t y)
{
    return (x + y - offset % x) % x;
}

uint32_t
Mipv6MobilityHeader::LayOutOptions(Buffer::Iterator* /* i */, uint32_t offset) const
{
    return offset;
}

void
Mipv6MobilityHeader::ClearOptions()
{
}

Mipv6MobilityHeader::OptionResult
Mipv6MobilityHeader::DeserializeOption(uint8_t /* type */,
                                       uint8_t /* length */,
                                       Buffer::Iterator /* i */)
{
    return OptionResult::UNKNOWN;
}

uint32_t
Mipv6MobilityHeader::GetSerializedSize() const
{
    const uint32_t end = LayOutOptions(nullptr, COMMON_SIZE + GetMessageDataSize());
    return end + AlignmentPadding(end, 8, 0);
}

uint16_t
Mipv6MobilityHeader::CalculateChecksum(Buffer::Iterator start, uint32_t length) const
{
    // RFC 2460 §8.1 pseudo-header: source, destination, 32-bit Upper-Layer Packet Length,
    // 24 zero bits, Next Header. Summed without the final complement, as UdpHeader does.
    Buffer pseudo;
    pseudo.AddAtStart(40);
    Buffer::Iterator it = pseudo.Begin();
    WireWriteIpv6(it, m_source);
    WireWriteIpv6(it, m_destination);
    it.WriteHtonU32(length);
    it.WriteU8(0);
    it.WriteU8(0);
    it.WriteU8(0);
    it.WriteU8(PROT_NUMBER);
    it = pseudo.Begin();
    const uint16_t pseudoSum = ~(it.CalculateIpChecksum(40));
    return start.CalculateIpChecksum(static_cast<uint16_t>(length), pseudoSum);
}

void
Mipv6MobilityHeader::Serialize(Buffer::Iterator start) const
{
    const uint32_t size = GetSerializedSize();
    Buffer::Iterator i = start;
    i.WriteU8(m_payloadProto);
    i.WriteU8(GetHeaderLen());
    i.WriteU8(m_mhType);
    i.WriteU8(m_reserved);
    i.WriteU16(0); // checksum, filled in below
    SerializeMessageData(i);
    const uint32_t end = LayOutOptions(&i, COMMON_SIZE + GetMessageDataSize());
    WritePadding(&i, AlignmentPadding(end, 8, 0));
    NS_ASSERT(i.GetDistanceFrom(start) == size);

    Buffer::Iterator checksumField = start;
    checksumField.Next(4);
    if (m_calcChecksum)
    {
        // CalculateIpChecksum sums with ReadU16, so WriteU16 puts the bytes back in wire order.
        checksumField.WriteU16(CalculateChecksum(start, size));
    }
    else
    {
        checksumField.WriteHtonU16(m_checksum);
    }
}

uint32_t
Mipv6MobilityHeader::Deserialize(Buffer::Iterator start)
{
    return DoDeserialize(start, start.GetRemainingSize());
}

uint32_t
Mipv6MobilityHeader::Deserialize(Buffer::Iterator start, Buffer::Iterator end)
{
    return DoDeserialize(start, std::min(start.GetRemainingSize(), end.GetDistanceFrom(start)));
}

void
Mipv6MobilityHeader::MarkMalformed(const std::string& reason)
{
    NS_LOG_LOGIC("malformed Mobility Header: " << reason);
    m_valid = false;
    m_malformedReason = reason;
}

uint32_t
Mipv6MobilityHeader::DoDeserialize(Buffer::Iterator start, uint32_t available)
{
    m_valid = true;
    m_malformedReason.clear();
    m_goodChecksum = true;
    m_unknownOptions = 0;
    ClearOptions();

    if (available < MIN_SIZE)
    {
        MarkMalformed("truncated: " + std::to_string(available) + " bytes, fewer than 8");
        return available;
    }
    Buffer::Iterator i = start;
    m_payloadProto = i.ReadU8();
    const uint8_t headerLen = i.ReadU8();
    const uint8_t mhType = i.ReadU8();
    m_reserved = i.ReadU8();
    m_checksum = i.ReadNtohU16();
    const uint32_t length = 8 * (static_cast<uint32_t>(headerLen) + 1);
    if (length > available)
    {
        MarkMalformed("Header Len " + std::to_string(headerLen) + " announces " +
                      std::to_string(length) + " bytes, only " + std::to_string(available) +
                      " available");
        return available;
    }
    if (m_calcChecksum)
    {
        m_goodChecksum = (CalculateChecksum(start, length) == 0);
    }
    if (mhType != m_mhType)
    {
        MarkMalformed("MH Type " + std::to_string(mhType) + ", expected " +
                      std::to_string(m_mhType));
        return length;
    }
    const uint32_t optionsStart = COMMON_SIZE + GetMessageDataSize();
    if (length < optionsStart)
    {
        // RFC 6275 §9.2: Header Len less than the length of this message type.
        MarkMalformed("Header Len " + std::to_string(headerLen) + " too small for MH Type " +
                      std::to_string(mhType));
        return length;
    }
    DeserializeMessageData(i);
    DeserializeOptions(i, optionsStart, length);
    return length;
}

void
Mipv6MobilityHeader::DeserializeOptions(Buffer::Iterator i, uint32_t offset, uint32_t length)
{
    while (offset < length)
    {
        const uint8_t type = i.ReadU8();
        if (type == OPTION_PAD1)
        {
            offset += 1;
            continue;
        }
        if (offset + 2 > length)
        {
            MarkMalformed("option " + std::to_string(type) + " at offset " +
                          std::to_string(offset) + " has no length byte");
            return;
        }
        const uint8_t optionLength = i.ReadU8();
        if (offset + 2 + optionLength > length)
        {
            MarkMalformed("option " + std::to_string(type) + " at offset " +
                          std::to_string(offset) + " overruns the header");
            return;
        }
        if (type != OPTION_PADN)
        {
            switch (DeserializeOption(type, optionLength, i))
            {
            case OptionResult::KNOWN:
                break;
            case OptionResult::UNKNOWN:
                ++m_unknownOptions;
                break;
            case OptionResult::MALFORMED:
                MarkMalformed("option " + std::to_string(type) + " has a bad length " +
                              std::to_string(optionLength));
                return;
            }
        }
        i.Next(optionLength);
        offset += 2 + optionLength;
    }
}

void
Mipv6MobilityHeader::Print(std::ostream& os) const
{
    os << "MH payloadProto=" << +m_payloadProto << " headerLen=" << +GetHeaderLen()
       << " type=" << +m_mhType << " checksum=0x" << std::hex << std::setw(4) << std::setfill('0')
       << m_checksum << std::dec << std::setfill(' ') << " ";
    PrintMessageData(os);
    if (!m_valid)
    {
        os << " MALFORMED(" << m_malformedReason << ")";
    }
}

// ---- Mipv6BindingUpdateHeader -----------------------------------------------------------------

TypeId
Mipv6BindingUpdateHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::Mipv6BindingUpdateHeader")
                            .SetParent<Mipv6MobilityHeader>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<Mipv6BindingUpdateHeader>();
    return tid;
}

Mipv6BindingUpdateHeader::Mipv6BindingUpdateHeader()
    : Mipv6MobilityHeader(BINDING_UPDATE),
      m_sequence(0),
      m_flags(0),
      m_lifetime(0),
      m_hasAltCoa(false),
      m_altCoa(Ipv6Address::GetAny())
{
}

TypeId
Mipv6BindingUpdateHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

void
Mipv6BindingUpdateHeader::SetSequence(uint16_t sequence)
{
    m_sequence = sequence;
}

uint16_t
Mipv6BindingUpdateHeader::GetSequence() const
{
    return m_sequence;
}

void
Mipv6BindingUpdateHeader::SetFlag(uint16_t flag, bool on)
{
    if (on)
    {
        m_flags |= flag;
    }
    else
    {
        m_flags &= static_cast<uint16_t>(~flag);
    }
}

void
Mipv6BindingUpdateHeader::SetAckRequested(bool ack)
{
    SetFlag(FLAG_A, ack);
}

bool
Mipv6BindingUpdateHeader::IsAckRequested() const
{
    return m_flags & FLAG_A;
}

void
Mipv6BindingUpdateHeader::SetHomeRegistration(bool home)
{
    SetFlag(FLAG_H, home);
}

bool
Mipv6BindingUpdateHeader::IsHomeRegistration() const
{
    return m_flags & FLAG_H;
}

void
Mipv6BindingUpdateHeader::SetLinkLocalCompatibility(bool linkLocal)
{
    SetFlag(FLAG_L, linkLocal);
}

bool
Mipv6BindingUpdateHeader::IsLinkLocalCompatibility() const
{
    return m_flags & FLAG_L;
}

void
Mipv6BindingUpdateHeader::SetKeyManagementCapable(bool key)
{
    SetFlag(FLAG_K, key);
}

bool
Mipv6BindingUpdateHeader::IsKeyManagementCapable() const
{
    return m_flags & FLAG_K;
}

void
Mipv6BindingUpdateHeader::SetLifetimeUnits(uint16_t units)
{
    m_lifetime = units;
}

uint16_t
Mipv6BindingUpdateHeader::GetLifetimeUnits() const
{
    return m_lifetime;
}

void
Mipv6BindingUpdateHeader::SetLifetime(Time lifetime)
{
    m_lifetime = LifetimeToUnits(lifetime);
}

Time
Mipv6BindingUpdateHeader::GetLifetime() const
{
    return UnitsToLifetime(m_lifetime);
}

void
Mipv6BindingUpdateHeader::SetAlternateCareOfAddress(Ipv6Address address)
{
    m_hasAltCoa = true;
    m_altCoa = address;
}

bool
Mipv6BindingUpdateHeader::HasAlternateCareOfAddress() const
{
    return m_hasAltCoa;
}

Ipv6Address
Mipv6BindingUpdateHeader::GetAlternateCareOfAddress() const
{
    return m_altCoa;
}

void
Mipv6BindingUpdateHeader::RemoveAlternateCareOfAddress()
{
    m_hasAltCoa = false;
    m_altCoa = Ipv6Address::GetAny();
}

uint32_t
Mipv6BindingUpdateHeader::GetMessageDataSize() const
{
    return 6; // Sequence #, flags + reserved, Lifetime
}

void
Mipv6BindingUpdateHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    i.WriteHtonU16(m_sequence);
    i.WriteHtonU16(m_flags);
    i.WriteHtonU16(m_lifetime);
}

void
Mipv6BindingUpdateHeader::DeserializeMessageData(Buffer::Iterator& i)
{
    m_sequence = i.ReadNtohU16();
    m_flags = i.ReadNtohU16();
    m_lifetime = i.ReadNtohU16();
}

void
Mipv6BindingUpdateHeader::PrintMessageData(std::ostream& os) const
{
    os << "BindingUpdate seq=" << m_sequence << " A=" << IsAckRequested()
       << " H=" << IsHomeRegistration() << " L=" << IsLinkLocalCompatibility()
       << " K=" << IsKeyManagementCapable() << " lifetime=" << m_lifetime << " ("
       << 4 * static_cast<uint32_t>(m_lifetime) << "s)";
    if (m_hasAltCoa)
    {
        os << " altCoA=" << m_altCoa;
    }
}

uint32_t
Mipv6BindingUpdateHeader::LayOutOptions(Buffer::Iterator* i, uint32_t offset) const
{
    if (!m_hasAltCoa)
    {
        return offset;
    }
    // RFC 6275 §6.2.5: alignment requirement 8n+6, so that the address is 8-byte aligned.
    offset += WritePadding(i, AlignmentPadding(offset, 8, 6));
    if (i)
    {
        i->WriteU8(OPTION_ALTERNATE_CARE_OF_ADDRESS);
        i->WriteU8(16);
        WireWriteIpv6(*i, m_altCoa);
    }
    return offset + ALT_COA_OPTION_SIZE;
}

void
Mipv6BindingUpdateHeader::ClearOptions()
{
    RemoveAlternateCareOfAddress();
}

Mipv6MobilityHeader::OptionResult
Mipv6BindingUpdateHeader::DeserializeOption(uint8_t type, uint8_t length, Buffer::Iterator i)
{
    if (type != OPTION_ALTERNATE_CARE_OF_ADDRESS)
    {
        return OptionResult::UNKNOWN;
    }
    if (length != 16)
    {
        return OptionResult::MALFORMED;
    }
    SetAlternateCareOfAddress(WireReadIpv6(i));
    return OptionResult::KNOWN;
}

// ---- Mipv6BindingAckHeader --------------------------------------------------------------------

TypeId
Mipv6BindingAckHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::Mipv6BindingAckHeader")
                            .SetParent<Mipv6MobilityHeader>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<Mipv6BindingAckHeader>();
    return tid;
}

Mipv6BindingAckHeader::Mipv6BindingAckHeader()
    : Mipv6MobilityHeader(BINDING_ACK),
      m_status(ACCEPTED),
      m_flags(0),
      m_sequence(0),
      m_lifetime(0)
{
}

TypeId
Mipv6BindingAckHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

void
Mipv6BindingAckHeader::SetStatus(uint8_t status)
{
    m_status = status;
}

uint8_t
Mipv6BindingAckHeader::GetStatus() const
{
    return m_status;
}

bool
Mipv6BindingAckHeader::IsAccepted() const
{
    return m_status < 128;
}

void
Mipv6BindingAckHeader::SetKeyManagementCapable(bool key)
{
    if (key)
    {
        m_flags |= FLAG_K;
    }
    else
    {
        m_flags &= static_cast<uint8_t>(~FLAG_K);
    }
}

bool
Mipv6BindingAckHeader::IsKeyManagementCapable() const
{
    return m_flags & FLAG_K;
}

void
Mipv6BindingAckHeader::SetSequence(uint16_t sequence)
{
    m_sequence = sequence;
}

uint16_t
Mipv6BindingAckHeader::GetSequence() const
{
    return m_sequence;
}

void
Mipv6BindingAckHeader::SetLifetimeUnits(uint16_t units)
{
    m_lifetime = units;
}

uint16_t
Mipv6BindingAckHeader::GetLifetimeUnits() const
{
    return m_lifetime;
}

void
Mipv6BindingAckHeader::SetLifetime(Time lifetime)
{
    m_lifetime = LifetimeToUnits(lifetime);
}

Time
Mipv6BindingAckHeader::GetLifetime() const
{
    return UnitsToLifetime(m_lifetime);
}

uint32_t
Mipv6BindingAckHeader::GetMessageDataSize() const
{
    return 6; // Status, K + reserved, Sequence #, Lifetime
}

void
Mipv6BindingAckHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    i.WriteU8(m_status);
    i.WriteU8(m_flags);
    i.WriteHtonU16(m_sequence);
    i.WriteHtonU16(m_lifetime);
}

void
Mipv6BindingAckHeader::DeserializeMessageData(Buffer::Iterator& i)
{
    m_status = i.ReadU8();
    m_flags = i.ReadU8();
    m_sequence = i.ReadNtohU16();
    m_lifetime = i.ReadNtohU16();
}

void
Mipv6BindingAckHeader::PrintMessageData(std::ostream& os) const
{
    os << "BindingAck status=" << +m_status << " K=" << IsKeyManagementCapable()
       << " seq=" << m_sequence << " lifetime=" << m_lifetime << " ("
       << 4 * static_cast<uint32_t>(m_lifetime) << "s)";
}

// ---- Mipv6BindingErrorHeader ------------------------------------------------------------------

TypeId
Mipv6BindingErrorHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::Mipv6BindingErrorHeader")
                            .SetParent<Mipv6MobilityHeader>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<Mipv6BindingErrorHeader>();
    return tid;
}

Mipv6BindingErrorHeader::Mipv6BindingErrorHeader()
    : Mipv6MobilityHeader(BINDING_ERROR),
      m_status(UNKNOWN_BINDING_FOR_HOME_ADDRESS_OPTION),
      m_reserved(0),
      m_homeAddress(Ipv6Address::GetAny())
{
}

TypeId
Mipv6BindingErrorHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

void
Mipv6BindingErrorHeader::SetStatus(uint8_t status)
{
    m_status = status;
}

uint8_t
Mipv6BindingErrorHeader::GetStatus() const
{
    return m_status;
}

void
Mipv6BindingErrorHeader::SetHomeAddress(Ipv6Address address)
{
    m_homeAddress = address;
}

Ipv6Address
Mipv6BindingErrorHeader::GetHomeAddress() const
{
    return m_homeAddress;
}

uint32_t
Mipv6BindingErrorHeader::GetMessageDataSize() const
{
    return 2 + 16; // Status, Reserved, Home Address
}

void
Mipv6BindingErrorHeader::SerializeMessageData(Buffer::Iterator& i) const
{
    i.WriteU8(m_status);
    i.WriteU8(m_reserved);
    WireWriteIpv6(i, m_homeAddress);
}

void
Mipv6BindingErrorHeader::DeserializeMessageData(Buffer::Iterator& i)
{
    m_status = i.ReadU8();
    m_reserved = i.ReadU8();
    m_homeAddress = WireReadIpv6(i);
}

void
Mipv6BindingErrorHeader::PrintMessageData(std::ostream& os) const
{
    os << "BindingError status=" << +m_status << " homeAddress=" << m_homeAddress;
}

} // namespace ns3
