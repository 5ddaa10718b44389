/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "cxtp-transfer-header.h"

#include "wire-reader.h"
#include "wire-writer.h"

#include "ns3/abort.h"

#include <iomanip>

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(CxtpCtdHeader);
NS_OBJECT_ENSURE_REGISTERED(CxtpCtdrHeader);
NS_OBJECT_ENSURE_REGISTERED(CxtpCtcHeader);
NS_OBJECT_ENSURE_REGISTERED(CxtpCtReqHeader);

namespace
{

/**
 * \param n a key length
 * \return n rounded up to a multiple of 4
 */
uint32_t
PadTo4(uint32_t n)
{
    return (n + 3) / 4 * 4;
}

} // namespace

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
