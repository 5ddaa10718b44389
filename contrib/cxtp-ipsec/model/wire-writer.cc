/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "wire-writer.h"

namespace ns3
{

WireWriter::WireWriter(std::vector<uint8_t>& out)
    : m_out(out)
{
}

void
WireWriter::U8(uint8_t v)
{
    m_out.push_back(v);
}

void
WireWriter::U16(uint16_t v)
{
    U8(static_cast<uint8_t>(v >> 8));
    U8(static_cast<uint8_t>(v));
}

void
WireWriter::U32(uint32_t v)
{
    U16(static_cast<uint16_t>(v >> 16));
    U16(static_cast<uint16_t>(v));
}

void
WireWriter::U64(uint64_t v)
{
    U32(static_cast<uint32_t>(v >> 32));
    U32(static_cast<uint32_t>(v));
}

void
WireWriter::Raw(const std::vector<uint8_t>& b)
{
    m_out.insert(m_out.end(), b.begin(), b.end());
}

void
WireWriter::Raw(const uint8_t* p, size_t n)
{
    m_out.insert(m_out.end(), p, p + n);
}

void
WireWriter::Ipv6(const Ipv6Address& a)
{
    uint8_t buf[16];
    a.Serialize(buf);
    Raw(buf, 16);
}

std::vector<uint8_t>
WireBytesU32(uint32_t v)
{
    std::vector<uint8_t> out;
    WireWriter(out).U32(v);
    return out;
}

std::vector<uint8_t>
WireBytesU64(uint64_t v)
{
    std::vector<uint8_t> out;
    WireWriter(out).U64(v);
    return out;
}

void
WireWriteIpv6(Buffer::Iterator& i, const Ipv6Address& a)
{
    uint8_t buf[16];
    a.Serialize(buf);
    i.Write(buf, 16);
}

void
WireWriteIpv6(TagBuffer& i, const Ipv6Address& a)
{
    uint8_t buf[16];
    a.Serialize(buf);
    i.Write(buf, 16);
}

} // namespace ns3
