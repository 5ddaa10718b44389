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
#include <iomanip>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CxtpHeader");

NS_OBJECT_ENSURE_REGISTERED(CxtpCtarHeader);
NS_OBJECT_ENSURE_REGISTERED(CxtpCtaaHeader);
NS_OBJECT_ENSURE_REGISTERED(CxtpCtdHeader);
NS_OBJECT_ENSURE_REGISTERED(CxtpCtdrHeader);
NS_OBJECT_ENSURE_REGISTERED(CxtpCtcHeader);
NS_OBJECT_ENSURE_REGISTERED(CxtpCtReqHeader);

namespace
{

constexpr uint8_t FLAG_V = 0x80;      ///< octet 1: IPv4 addresses
constexpr uint8_t FLAG_A_OR_S = 0x40; ///< octet 1: A (CTAR, CTD, PCTD) or S (CTDR)
constexpr uint32_t ENTRY_SIZE = 4;    ///< a status entry or a request CDB

/**
 * \param n a key length
 * \return n rounded up to a multiple of 4
 */
uint32_t
PadTo4(uint32_t n)
{
    return (n + 3) / 4 * 4;
}

/**
 * \param fpts feature profiles
 * \return request blocks for them
 */
std::vector<CxtpContextBlock>
ToRequestBlocks(const std::vector<CxtpFeatureProfile>& fpts)
{
    std::vector<CxtpContextBlock> blocks;
    blocks.reserve(fpts.size());
    for (CxtpFeatureProfile fpt : fpts)
    {
        blocks.push_back(CxtpContextBlock::Request(fpt));
    }
    return blocks;
}

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

// ---- CxtpCtarHeader -------------------------------------------------------------------------

TypeId
CxtpCtarHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::CxtpCtarHeader")
                            .SetParent<CxtpHeader>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<CxtpCtarHeader>();
    return tid;
}

TypeId
CxtpCtarHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

CxtpCtarHeader::CxtpCtarHeader()
    : CxtpHeader(CTAR),
      m_ack(false),
      m_arAddress(Ipv6Address::GetAny()),
      m_sequence(0),
      m_token(0)
{
}

void
CxtpCtarHeader::SetAckRequested(bool ack)
{
    m_ack = ack;
}

bool
CxtpCtarHeader::IsAckRequested() const
{
    return m_ack;
}

void
CxtpCtarHeader::SetArAddress(Ipv6Address address)
{
    m_arAddress = address;
}

Ipv6Address
CxtpCtarHeader::GetArAddress() const
{
    return m_arAddress;
}

void
CxtpCtarHeader::SetSequence(uint32_t sequence)
{
    m_sequence = sequence;
}

uint32_t
CxtpCtarHeader::GetSequence() const
{
    return m_sequence;
}

void
CxtpCtarHeader::SetToken(uint32_t token)
{
    m_token = token;
}

uint32_t
CxtpCtarHeader::GetToken() const
{
    return m_token;
}

void
CxtpCtarHeader::SetRequested(const std::vector<CxtpFeatureProfile>& requested)
{
    m_requested = requested;
}

const std::vector<CxtpFeatureProfile>&
CxtpCtarHeader::GetRequested() const
{
    return m_requested;
}

std::vector<CxtpContextBlock>
CxtpCtarHeader::GetRequestedBlocks() const
{
    return ToRequestBlocks(m_requested);
}

uint8_t
CxtpCtarHeader::GetFlags() const
{
    return m_ack ? FLAG_A_OR_S : 0;
}

void
CxtpCtarHeader::SetFlags(uint8_t flags)
{
    m_ack = (flags & FLAG_A_OR_S) != 0;
}

uint32_t
CxtpCtarHeader::GetBodySize() const
{
    return ADDRESS_SIZE + 8 + ENTRY_SIZE * m_requested.size();
}

void
CxtpCtarHeader::SerializeBody(Buffer::Iterator& i) const
{
    WireWriteIpv6(i, m_arAddress);
    i.WriteHtonU32(m_sequence);
    i.WriteHtonU32(m_token);
    WriteRequests(i, m_requested);
}

bool
CxtpCtarHeader::DeserializeBody(Buffer::Iterator& i, uint32_t size, std::string& error)
{
    m_requested.clear();
    if (size < ADDRESS_SIZE + 8)
    {
        error = "Length " + std::to_string(size + 20) + " below the 44-octet CTAR minimum";
        return false;
    }
    m_arAddress = WireReadIpv6(i);
    m_sequence = i.ReadNtohU32();
    m_token = i.ReadNtohU32();
    return ReadRequests(i, size - ADDRESS_SIZE - 8, m_requested, error);
}

void
CxtpCtarHeader::PrintBody(std::ostream& os) const
{
    os << " A=" << m_ack << " ar=" << m_arAddress << " seq=" << m_sequence << " token=0x"
       << std::hex << std::setw(8) << std::setfill('0') << m_token << std::dec << std::setfill(' ');
    PrintRequests(os, m_requested);
}

// ---- CxtpCtaaHeader ----------------------------------------------------------------------------

TypeId
CxtpCtaaHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::CxtpCtaaHeader")
                            .SetParent<CxtpHeader>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<CxtpCtaaHeader>();
    return tid;
}

TypeId
CxtpCtaaHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

CxtpCtaaHeader::CxtpCtaaHeader()
    : CxtpHeader(CTAA)
{
}

void
CxtpCtaaHeader::SetEntries(const std::vector<CxtpStatusEntry>& entries)
{
    m_entries = entries;
}

const std::vector<CxtpStatusEntry>&
CxtpCtaaHeader::GetEntries() const
{
    return m_entries;
}

uint32_t
CxtpCtaaHeader::GetBodySize() const
{
    return ENTRY_SIZE * m_entries.size();
}

void
CxtpCtaaHeader::SerializeBody(Buffer::Iterator& i) const
{
    WriteStatus(i, m_entries);
}

bool
CxtpCtaaHeader::DeserializeBody(Buffer::Iterator& i, uint32_t size, std::string& error)
{
    return ReadStatus(i, size, m_entries, error);
}

void
CxtpCtaaHeader::PrintBody(std::ostream& os) const
{
    os << " failed=" << m_entries.size();
    for (const CxtpStatusEntry& e : m_entries)
    {
        os << " " << ToString(e.fpt) << ":" << +e.status;
    }
}

// ---- CxtpCtdHeader ----------------------------------------------------------------------------

TypeId
CxtpCtdHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::CxtpCtdHeader")
                            .SetParent<CxtpHeader>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<CxtpCtdHeader>();
    return tid;
}

TypeId
CxtpCtdHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

CxtpCtdHeader::CxtpCtdHeader(bool predictive)
    : CxtpHeader(predictive ? PCTD : CTD),
      m_ack(false),
      m_hasKey(false),
      m_elapsed(0),
      m_algorithm(1)
{
}

void
CxtpCtdHeader::SetPredictive(bool predictive)
{
    SetMessageType(predictive ? PCTD : CTD);
}

bool
CxtpCtdHeader::IsPredictive() const
{
    return GetMessageType() == PCTD;
}

void
CxtpCtdHeader::SetAckRequested(bool ack)
{
    m_ack = ack;
}

bool
CxtpCtdHeader::IsAckRequested() const
{
    return m_ack;
}

void
CxtpCtdHeader::SetElapsedTime(uint32_t ms)
{
    m_elapsed = ms;
}

uint32_t
CxtpCtdHeader::GetElapsedTime() const
{
    return m_elapsed;
}

void
CxtpCtdHeader::SetKey(const std::vector<uint8_t>& key, uint16_t algorithm)
{
    NS_ABORT_MSG_IF(key.size() > 0xffff, "CxtpCtdHeader: key longer than 65535 octets");
    m_key = key;
    m_algorithm = algorithm;
    m_hasKey = true;
}

void
CxtpCtdHeader::ClearKey()
{
    m_key.clear();
    m_hasKey = false;
}

bool
CxtpCtdHeader::HasKey() const
{
    return m_hasKey;
}

uint16_t
CxtpCtdHeader::GetKeyAlgorithm() const
{
    return m_algorithm;
}

const std::vector<uint8_t>&
CxtpCtdHeader::GetKey() const
{
    return m_key;
}

void
CxtpCtdHeader::SetBlocks(const std::vector<CxtpContextBlock>& blocks)
{
    m_blocks = blocks;
}

void
CxtpCtdHeader::AddBlock(const CxtpContextBlock& block)
{
    m_blocks.push_back(block);
}

const std::vector<CxtpContextBlock>&
CxtpCtdHeader::GetBlocks() const
{
    return m_blocks;
}

uint8_t
CxtpCtdHeader::GetFlags() const
{
    return (m_ack ? FLAG_A_OR_S : 0) | (m_hasKey ? FLAG_KEY : 0);
}

void
CxtpCtdHeader::SetFlags(uint8_t flags)
{
    m_ack = (flags & FLAG_A_OR_S) != 0;
    m_hasKey = (flags & FLAG_KEY) != 0 || GetMessageType() == PCTD;
}

uint32_t
CxtpCtdHeader::GetBodySize() const
{
    uint32_t size = 4; // Elapsed Time (the address is counted by the common part)
    if (m_hasKey)
    {
        size += KEY_HEAD_SIZE + PadTo4(m_key.size());
    }
    for (const CxtpContextBlock& block : m_blocks)
    {
        size += block.GetSerializedSize();
    }
    return size;
}

void
CxtpCtdHeader::SerializeBody(Buffer::Iterator& i) const
{
    NS_ABORT_MSG_IF(IsPredictive() && !m_hasKey,
                    "CxtpCtdHeader: a PCTD must carry the token key (RFC 4067 §2.5.3)");
    i.WriteHtonU32(m_elapsed);
    WireWriteIpv6(i, GetPreviousAddress());
    if (m_hasKey)
    {
        i.WriteHtonU16(m_algorithm);
        i.WriteHtonU16(static_cast<uint16_t>(m_key.size()));
        if (!m_key.empty())
        {
            i.Write(m_key.data(), m_key.size());
        }
        i.WriteU8(0, PadTo4(m_key.size()) - m_key.size());
    }
    for (const CxtpContextBlock& block : m_blocks)
    {
        block.Serialize(i);
    }
}

bool
CxtpCtdHeader::DeserializeBody(Buffer::Iterator& i, uint32_t size, std::string& error)
{
    // size counts from the Elapsed Time: the common part reads no address for CTD/PCTD.
    m_key.clear();
    m_blocks.clear();
    m_elapsed = i.ReadNtohU32();
    SetPreviousAddress(WireReadIpv6(i));
    uint32_t left = size - 4 - ADDRESS_SIZE;
    if (m_hasKey)
    {
        if (left < KEY_HEAD_SIZE)
        {
            error = "key block truncated";
            return false;
        }
        m_algorithm = i.ReadNtohU16();
        const uint16_t keyLength = i.ReadNtohU16();
        left -= KEY_HEAD_SIZE;
        if (PadTo4(keyLength) > left)
        {
            error = "Key Length " + std::to_string(keyLength) + " exceeds the message";
            return false;
        }
        m_key.resize(keyLength);
        if (keyLength > 0)
        {
            i.Read(m_key.data(), keyLength);
        }
        i.Next(PadTo4(keyLength) - keyLength);
        left -= PadTo4(keyLength);
    }
    std::vector<uint8_t> bytes(left);
    if (left > 0)
    {
        i.Read(bytes.data(), left);
    }
    return CxtpContextBlock::DecodeAll(bytes.data(), left, m_blocks, &error);
}

void
CxtpCtdHeader::PrintBody(std::ostream& os) const
{
    os << " A=" << m_ack << " elapsed=" << m_elapsed << "ms";
    if (m_hasKey)
    {
        os << " key(alg=" << m_algorithm << ",len=" << m_key.size() << ")";
    }
    os << " cdbs=" << m_blocks.size();
    for (const CxtpContextBlock& block : m_blocks)
    {
        os << " " << ToString(block.fpt) << "/" << block.GetSerializedSize();
    }
}

// ---- CxtpCtdrHeader -----------------------------------------------------------------------

TypeId
CxtpCtdrHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::CxtpCtdrHeader")
                            .SetParent<CxtpHeader>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<CxtpCtdrHeader>();
    return tid;
}

TypeId
CxtpCtdrHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

CxtpCtdrHeader::CxtpCtdrHeader()
    : CxtpHeader(CTDR),
      m_success(false)
{
}

void
CxtpCtdrHeader::SetSuccess(bool success)
{
    m_success = success;
}

bool
CxtpCtdrHeader::IsSuccess() const
{
    return m_success;
}

void
CxtpCtdrHeader::SetEntries(const std::vector<CxtpStatusEntry>& entries)
{
    m_entries = entries;
}

const std::vector<CxtpStatusEntry>&
CxtpCtdrHeader::GetEntries() const
{
    return m_entries;
}

uint8_t
CxtpCtdrHeader::GetFlags() const
{
    return m_success ? FLAG_A_OR_S : 0;
}

void
CxtpCtdrHeader::SetFlags(uint8_t flags)
{
    m_success = (flags & FLAG_A_OR_S) != 0;
}

uint32_t
CxtpCtdrHeader::GetBodySize() const
{
    return ENTRY_SIZE * m_entries.size();
}

void
CxtpCtdrHeader::SerializeBody(Buffer::Iterator& i) const
{
    WriteStatus(i, m_entries);
}

bool
CxtpCtdrHeader::DeserializeBody(Buffer::Iterator& i, uint32_t size, std::string& error)
{
    return ReadStatus(i, size, m_entries, error);
}

void
CxtpCtdrHeader::PrintBody(std::ostream& os) const
{
    os << " S=" << m_success << " entries=" << m_entries.size();
    for (const CxtpStatusEntry& e : m_entries)
    {
        os << " " << ToString(e.fpt) << ":" << +e.status;
    }
}

// ---- CxtpCtcHeader ----------------------------------------------------------------------------

TypeId
CxtpCtcHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::CxtpCtcHeader")
                            .SetParent<CxtpHeader>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<CxtpCtcHeader>();
    return tid;
}

TypeId
CxtpCtcHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

CxtpCtcHeader::CxtpCtcHeader()
    : CxtpHeader(CTC)
{
}

uint32_t
CxtpCtcHeader::GetBodySize() const
{
    return 0;
}

void
CxtpCtcHeader::SerializeBody(Buffer::Iterator& /* i */) const
{
}

bool
CxtpCtcHeader::DeserializeBody(Buffer::Iterator& /* i */, uint32_t size, std::string& error)
{
    if (size != 0)
    {
        error = "CTC Length " + std::to_string(size + 20) + ", expected 20";
        return false;
    }
    return true;
}

void
CxtpCtcHeader::PrintBody(std::ostream& /* os */) const
{
}

// ---- CxtpCtReqHeader --------------------------------------------------------------------------

TypeId
CxtpCtReqHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::CxtpCtReqHeader")
                            .SetParent<CxtpHeader>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<CxtpCtReqHeader>();
    return tid;
}

TypeId
CxtpCtReqHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

CxtpCtReqHeader::CxtpCtReqHeader()
    : CxtpHeader(CT_REQ),
      m_sequence(0),
      m_token(0)
{
}

void
CxtpCtReqHeader::SetSequence(uint32_t sequence)
{
    m_sequence = sequence;
}

uint32_t
CxtpCtReqHeader::GetSequence() const
{
    return m_sequence;
}

void
CxtpCtReqHeader::SetToken(uint32_t token)
{
    m_token = token;
}

uint32_t
CxtpCtReqHeader::GetToken() const
{
    return m_token;
}

void
CxtpCtReqHeader::SetRequested(const std::vector<CxtpFeatureProfile>& requested)
{
    m_requested = requested;
}

const std::vector<CxtpFeatureProfile>&
CxtpCtReqHeader::GetRequested() const
{
    return m_requested;
}

std::vector<CxtpContextBlock>
CxtpCtReqHeader::GetRequestedBlocks() const
{
    return ToRequestBlocks(m_requested);
}

uint32_t
CxtpCtReqHeader::GetBodySize() const
{
    return 8 + ENTRY_SIZE * m_requested.size();
}

void
CxtpCtReqHeader::SerializeBody(Buffer::Iterator& i) const
{
    i.WriteHtonU32(m_sequence);
    i.WriteHtonU32(m_token);
    WriteRequests(i, m_requested);
}

bool
CxtpCtReqHeader::DeserializeBody(Buffer::Iterator& i, uint32_t size, std::string& error)
{
    m_requested.clear();
    if (size < 8)
    {
        error = "Length " + std::to_string(size + 20) + " below the 28-octet CT-Req minimum";
        return false;
    }
    m_sequence = i.ReadNtohU32();
    m_token = i.ReadNtohU32();
    return ReadRequests(i, size - 8, m_requested, error);
}

void
CxtpCtReqHeader::PrintBody(std::ostream& os) const
{
    os << " seq=" << m_sequence << " token=0x" << std::hex << std::setw(8) << std::setfill('0')
       << m_token << std::dec << std::setfill(' ');
    PrintRequests(os, m_requested);
}

} // namespace ns3
