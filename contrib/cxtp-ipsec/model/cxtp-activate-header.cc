/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "cxtp-activate-header.h"

#include "wire-reader.h"
#include "wire-writer.h"

#include <iomanip>

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(CxtpCtarHeader);
NS_OBJECT_ENSURE_REGISTERED(CxtpCtaaHeader);

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

} // namespace ns3
