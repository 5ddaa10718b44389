/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "cxtp-header.h"

#include "wire-reader.h"
#include "wire-writer.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/packet.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CxtpHeader");

namespace
{

constexpr uint8_t FLAG_V = 0x80; ///< octet 1: IPv4 addresses

} // namespace

bool
CxtpStatusEntry::operator==(const CxtpStatusEntry& other) const
{
    return fpt == other.fpt && status == other.status;
}

// ---- CxtpHeader ---------------------------------------------------------------------------------

TypeId
CxtpHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::CxtpHeader").SetParent<Header>().SetGroupName("CxtpIpsec");
    return tid;
}

CxtpHeader::CxtpHeader(uint8_t type)
    : m_type(type),
      m_previousAddress(Ipv6Address::GetAny()),
      m_valid(true)
{
}

bool
CxtpHeader::PeekType(Ptr<const Packet> packet, uint8_t& type, uint16_t& length, std::string* error)
{
    auto fail = [error](const std::string& why) {
        if (error)
        {
            *error = why;
        }
        return false;
    };
    if (!packet || packet->GetSize() < COMMON_SIZE)
    {
        return fail("truncated: fewer than 4 octets");
    }
    uint8_t head[COMMON_SIZE];
    packet->CopyData(head, COMMON_SIZE);
    const uint8_t version = head[0] >> 5;
    const uint8_t t = head[0] & 0x1f;
    const uint16_t len = WireReadU16(head + 2);
    if (version != VERSION)
    {
        return fail("version " + std::to_string(version) + ", expected 1");
    }
    if (t < CTAR || t > CT_REQ)
    {
        return fail("unknown message type " + std::to_string(t));
    }
    if (head[1] & FLAG_V)
    {
        return fail("V = 1 (IPv4 addresses) is not supported");
    }
    if (len < COMMON_SIZE || len > packet->GetSize())
    {
        return fail("Length " + std::to_string(len) + " does not fit the " +
                    std::to_string(packet->GetSize()) + "-octet packet");
    }
    type = t;
    length = len;
    return true;
}

std::string
CxtpHeader::GetTypeName(uint8_t type)
{
    switch (type)
    {
    case CTAR:
        return "CTAR";
    case CTAA:
        return "CTAA";
    case CTD:
        return "CTD";
    case PCTD:
        return "PCTD";
    case CTDR:
        return "CTDR";
    case CTC:
        return "CTC";
    case CT_REQ:
        return "CT-Req";
    default:
        return "type-" + std::to_string(type);
    }
}

uint8_t
CxtpHeader::GetMessageType() const
{
    return m_type;
}

void
CxtpHeader::SetMessageType(uint8_t type)
{
    m_type = type;
}

bool
CxtpHeader::IsValid() const
{
    return m_valid;
}

std::string
CxtpHeader::GetError() const
{
    return m_error;
}

void
CxtpHeader::SetPreviousAddress(Ipv6Address address)
{
    m_previousAddress = address;
}

Ipv6Address
CxtpHeader::GetPreviousAddress() const
{
    return m_previousAddress;
}

uint16_t
CxtpHeader::GetLength() const
{
    return static_cast<uint16_t>(GetSerializedSize());
}

uint8_t
CxtpHeader::GetFlags() const
{
    return 0;
}

void
CxtpHeader::SetFlags(uint8_t /* flags */)
{
}

uint32_t
CxtpHeader::GetSerializedSize() const
{
    return COMMON_SIZE + ADDRESS_SIZE + GetBodySize();
}

void
CxtpHeader::Serialize(Buffer::Iterator start) const
{
    const uint32_t size = GetSerializedSize();
    NS_ABORT_MSG_IF(size > MAX_SIZE,
                    "CxtpHeader: " << GetTypeName(m_type) << " of " << size
                                   << " octets exceeds the 16-bit Length field");
    Buffer::Iterator i = start;
    i.WriteU8(static_cast<uint8_t>(VERSION << 5 | (m_type & 0x1f)));
    i.WriteU8(GetFlags() & static_cast<uint8_t>(~FLAG_V)); // V = 0: IPv6
    i.WriteHtonU16(static_cast<uint16_t>(size));
    if (m_type == CTD || m_type == PCTD)
    {
        // The Elapsed Time precedes the address in CTD/PCTD: the body writes both.
        SerializeBody(i);
    }
    else
    {
        WireWriteIpv6(i, m_previousAddress);
        SerializeBody(i);
    }
    NS_ASSERT(i.GetDistanceFrom(start) == size);
}

uint32_t
CxtpHeader::Deserialize(Buffer::Iterator start)
{
    return DoDeserialize(start, start.GetRemainingSize());
}

uint32_t
CxtpHeader::Deserialize(Buffer::Iterator start, Buffer::Iterator end)
{
    return DoDeserialize(start, std::min(start.GetRemainingSize(), end.GetDistanceFrom(start)));
}

void
CxtpHeader::MarkMalformed(const std::string& reason)
{
    NS_LOG_LOGIC("malformed CXTP " << GetTypeName(m_type) << ": " << reason);
    m_valid = false;
    m_error = reason;
}

uint32_t
CxtpHeader::DoDeserialize(Buffer::Iterator start, uint32_t available)
{
    m_valid = true;
    m_error.clear();
    if (available < COMMON_SIZE)
    {
        MarkMalformed("truncated: " + std::to_string(available) + " octets, fewer than 4");
        return available;
    }
    Buffer::Iterator i = start;
    const uint8_t first = i.ReadU8();
    const uint8_t flags = i.ReadU8();
    const uint16_t length = i.ReadNtohU16();
    const uint8_t version = first >> 5;
    const uint8_t type = first & 0x1f;
    if (version != VERSION)
    {
        MarkMalformed("version " + std::to_string(version) + ", expected 1");
        return COMMON_SIZE;
    }
    const bool typeOk =
        (type == m_type) || ((m_type == CTD || m_type == PCTD) && (type == CTD || type == PCTD));
    if (!typeOk)
    {
        MarkMalformed("type " + GetTypeName(type) + ", expected " + GetTypeName(m_type));
        return COMMON_SIZE;
    }
    m_type = type;
    if (flags & FLAG_V)
    {
        MarkMalformed("V = 1 (IPv4 addresses) is not supported");
        return COMMON_SIZE;
    }
    if (length > available)
    {
        MarkMalformed("Length " + std::to_string(length) + " exceeds the " +
                      std::to_string(available) + " octets available");
        return available;
    }
    SetFlags(flags);
    const uint32_t prefix = (m_type == CTD || m_type == PCTD) ? 4 : 0; // Elapsed Time
    if (length < COMMON_SIZE + prefix + ADDRESS_SIZE)
    {
        MarkMalformed("Length " + std::to_string(length) + " below the " +
                      std::to_string(COMMON_SIZE + prefix + ADDRESS_SIZE) + "-octet minimum of " +
                      GetTypeName(m_type));
        return length;
    }
    std::string error;
    bool ok;
    if (prefix == 0)
    {
        m_previousAddress = WireReadIpv6(i);
        ok = DeserializeBody(i, length - COMMON_SIZE - ADDRESS_SIZE, error);
    }
    else
    {
        ok = DeserializeBody(i, length - COMMON_SIZE, error);
    }
    if (!ok)
    {
        MarkMalformed(error);
    }
    return length;
}

void
CxtpHeader::Print(std::ostream& os) const
{
    os << "CXTP " << GetTypeName(m_type) << " len=" << GetSerializedSize()
       << " prev=" << m_previousAddress;
    PrintBody(os);
    if (!m_valid)
    {
        os << " MALFORMED(" << m_error << ")";
    }
}

void
CxtpHeader::WriteRequests(Buffer::Iterator& i, const std::vector<CxtpFeatureProfile>& requested)
{
    for (CxtpFeatureProfile fpt : requested)
    {
        CxtpContextBlock::Request(fpt).SerializeRequest(i);
    }
}

bool
CxtpHeader::ReadRequests(Buffer::Iterator& i,
                         uint32_t size,
                         std::vector<CxtpFeatureProfile>& requested,
                         std::string& error)
{
    requested.clear();
    if (size % ENTRY_SIZE != 0)
    {
        error = "requested CDBs occupy " + std::to_string(size) + " octets, not a multiple of 4";
        return false;
    }
    for (uint32_t k = 0; k < size / ENTRY_SIZE; ++k)
    {
        const uint16_t fpt = i.ReadNtohU16();
        const uint8_t length = i.ReadU8();
        const uint8_t flags = i.ReadU8();
        if (length != 0 || (flags & 0x80) != 0)
        {
            error = "requested CDB " + std::to_string(k) + " is not in the 4-octet request form";
            return false;
        }
        requested.push_back(static_cast<CxtpFeatureProfile>(fpt));
    }
    return true;
}

void
CxtpHeader::WriteStatus(Buffer::Iterator& i, const std::vector<CxtpStatusEntry>& entries)
{
    for (const CxtpStatusEntry& e : entries)
    {
        i.WriteHtonU16(static_cast<uint16_t>(e.fpt));
        i.WriteU8(e.status);
        i.WriteU8(0);
    }
}

bool
CxtpHeader::ReadStatus(Buffer::Iterator& i,
                       uint32_t size,
                       std::vector<CxtpStatusEntry>& entries,
                       std::string& error)
{
    entries.clear();
    if (size % ENTRY_SIZE != 0)
    {
        error = "status entries occupy " + std::to_string(size) + " octets, not a multiple of 4";
        return false;
    }
    for (uint32_t k = 0; k < size / ENTRY_SIZE; ++k)
    {
        CxtpStatusEntry e;
        e.fpt = static_cast<CxtpFeatureProfile>(i.ReadNtohU16());
        e.status = i.ReadU8();
        i.ReadU8(); // reserved
        entries.push_back(e);
    }
    return true;
}

void
CxtpHeader::PrintRequests(std::ostream& os, const std::vector<CxtpFeatureProfile>& requested)
{
    os << " requested=";
    if (requested.empty())
    {
        os << "all";
    }
    for (size_t k = 0; k < requested.size(); ++k)
    {
        os << (k ? "," : "") << ToString(requested[k]);
    }
}

std::vector<CxtpContextBlock>
CxtpHeader::ToRequestBlocks(const std::vector<CxtpFeatureProfile>& requested)
{
    std::vector<CxtpContextBlock> blocks;
    blocks.reserve(requested.size());
    for (CxtpFeatureProfile fpt : requested)
    {
        blocks.push_back(CxtpContextBlock::Request(fpt));
    }
    return blocks;
}

} // namespace ns3
