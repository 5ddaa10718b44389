/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "cxtp-icmpv6-header.h"

#include "wire-writer.h"

#include "ns3/buffer.h"
#include "ns3/packet.h"

#include <vector>

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(CxtpIcmpv6Header);

TypeId
CxtpIcmpv6Header::GetTypeId()
{
    static TypeId tid = TypeId("ns3::CxtpIcmpv6Header")
                            .SetParent<Header>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<CxtpIcmpv6Header>();
    return tid;
}

TypeId
CxtpIcmpv6Header::GetInstanceTypeId() const
{
    return GetTypeId();
}

CxtpIcmpv6Header::CxtpIcmpv6Header()
    : m_type(TYPE),
      m_code(0),
      m_subtype(SUBTYPE),
      m_checksum(0),
      m_calcChecksum(false)
{
}

void
CxtpIcmpv6Header::SetAddresses(Ipv6Address source, Ipv6Address destination)
{
    m_source = source;
    m_destination = destination;
    m_calcChecksum = true;
}

uint8_t
CxtpIcmpv6Header::GetType() const
{
    return m_type;
}

uint8_t
CxtpIcmpv6Header::GetCode() const
{
    return m_code;
}

uint8_t
CxtpIcmpv6Header::GetSubtype() const
{
    return m_subtype;
}

uint16_t
CxtpIcmpv6Header::GetChecksum() const
{
    return m_checksum;
}

bool
CxtpIcmpv6Header::IsCxtp() const
{
    return m_type == TYPE && m_code == 0 && m_subtype == SUBTYPE;
}

uint16_t
CxtpIcmpv6Header::PseudoHeaderSum(Ipv6Address source, Ipv6Address destination, uint32_t length)
{
    Buffer buffer;
    buffer.AddAtStart(40);
    Buffer::Iterator it = buffer.Begin();
    WireWriteIpv6(it, source);
    WireWriteIpv6(it, destination);
    it.WriteHtonU32(length);
    it.WriteU8(0);
    it.WriteU8(0);
    it.WriteU8(0);
    it.WriteU8(58); // ICMPv6
    it = buffer.Begin();
    // CalculateIpChecksum returns the complemented sum; the sum itself seeds the next step.
    return ~it.CalculateIpChecksum(40);
}

bool
CxtpIcmpv6Header::VerifyChecksum(Ptr<const Packet> message,
                                 Ipv6Address source,
                                 Ipv6Address destination)
{
    uint32_t size = message->GetSize();
    if (size < SIZE)
    {
        return false;
    }
    std::vector<uint8_t> bytes(size);
    message->CopyData(bytes.data(), size);
    Buffer buffer;
    buffer.AddAtStart(size);
    buffer.Begin().Write(bytes.data(), size);
    Buffer::Iterator it = buffer.Begin();
    // Summed with the checksum field in place, a right message gives 0xffff, i.e. 0 once
    // complemented.
    return it.CalculateIpChecksum(size, PseudoHeaderSum(source, destination, size)) == 0;
}

void
CxtpIcmpv6Header::Print(std::ostream& os) const
{
    os << "type=" << +m_type << " code=" << +m_code << " checksum=0x" << std::hex << m_checksum
       << std::dec << " subtype=" << +m_subtype;
}

uint32_t
CxtpIcmpv6Header::GetSerializedSize() const
{
    return SIZE;
}

void
CxtpIcmpv6Header::Serialize(Buffer::Iterator start) const
{
    Buffer::Iterator i = start;
    i.WriteU8(m_type);
    i.WriteU8(m_code);
    i.WriteU16(0);
    i.WriteU8(m_subtype);
    i.WriteU8(0);
    i.WriteU16(0);
    if (m_calcChecksum)
    {
        i = start;
        uint32_t length = i.GetSize(); // this header and the CXTP message below it
        m_checksum =
            i.CalculateIpChecksum(length, PseudoHeaderSum(m_source, m_destination, length));
        i = start;
        i.Next(2);
        i.WriteU16(m_checksum);
    }
}

uint32_t
CxtpIcmpv6Header::Deserialize(Buffer::Iterator start)
{
    Buffer::Iterator i = start;
    if (i.GetRemainingSize() < SIZE)
    {
        m_type = 0; // IsCxtp() is then false
        return 0;
    }
    m_type = i.ReadU8();
    m_code = i.ReadU8();
    m_checksum = i.ReadNtohU16();
    m_subtype = i.ReadU8();
    i.ReadU8();
    i.ReadU16();
    return SIZE;
}

} // namespace ns3
