/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "cxtp-byte-writer.h"

namespace ns3
{

CxtpByteWriter::CxtpByteWriter(std::vector<uint8_t>& out)
    : m_out(out)
{
}

void
CxtpByteWriter::U8(uint8_t v)
{
    m_out.push_back(v);
}

void
CxtpByteWriter::U16(uint16_t v)
{
    U8(static_cast<uint8_t>(v >> 8));
    U8(static_cast<uint8_t>(v));
}

void
CxtpByteWriter::U32(uint32_t v)
{
    U16(static_cast<uint16_t>(v >> 16));
    U16(static_cast<uint16_t>(v));
}

void
CxtpByteWriter::U64(uint64_t v)
{
    U32(static_cast<uint32_t>(v >> 32));
    U32(static_cast<uint32_t>(v));
}

void
CxtpByteWriter::Raw(const std::vector<uint8_t>& b)
{
    m_out.insert(m_out.end(), b.begin(), b.end());
}

void
CxtpByteWriter::Raw(const uint8_t* p, size_t n)
{
    m_out.insert(m_out.end(), p, p + n);
}

} // namespace ns3
