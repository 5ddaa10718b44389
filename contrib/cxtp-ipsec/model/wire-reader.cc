/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "wire-reader.h"

#include "ns3/assert.h"

namespace ns3
{

WireReader::WireReader(const uint8_t* data, size_t size)
    : m_data(data),
      m_size(size),
      m_offset(0),
      m_ok(true)
{
}

WireReader::WireReader(const std::vector<uint8_t>& bytes)
    : WireReader(bytes.data(), bytes.size())
{
}

bool
WireReader::Need(size_t n)
{
    if (m_ok && m_size - m_offset < n)
    {
        m_ok = false;
    }
    return m_ok;
}

uint8_t
WireReader::U8()
{
    return static_cast<uint8_t>(Uint(1));
}

uint16_t
WireReader::U16()
{
    return static_cast<uint16_t>(Uint(2));
}

uint32_t
WireReader::U32()
{
    return static_cast<uint32_t>(Uint(4));
}

uint64_t
WireReader::U64()
{
    return Uint(8);
}

uint64_t
WireReader::Uint(size_t n)
{
    NS_ASSERT_MSG(n <= 8, "WireReader::Uint reads at most 8 octets");
    if (!Need(n))
    {
        return 0;
    }
    const uint64_t v = WireReadUint(m_data + m_offset, n);
    m_offset += n;
    return v;
}

std::vector<uint8_t>
WireReader::Bytes(size_t n)
{
    if (!Need(n))
    {
        return {};
    }
    std::vector<uint8_t> b(m_data + m_offset, m_data + m_offset + n);
    m_offset += n;
    return b;
}

Ipv6Address
WireReader::Ipv6()
{
    if (!Need(16))
    {
        return Ipv6Address::GetAny();
    }
    const Ipv6Address a = Ipv6Address::Deserialize(m_data + m_offset);
    m_offset += 16;
    return a;
}

void
WireReader::Skip(size_t n)
{
    if (Need(n))
    {
        m_offset += n;
    }
}

void
WireReader::Fail()
{
    m_ok = false;
}

bool
WireReader::Ok() const
{
    return m_ok;
}

size_t
WireReader::GetOffset() const
{
    return m_offset;
}

size_t
WireReader::GetRemaining() const
{
    return m_size - m_offset;
}

uint16_t
WireReadU16(const uint8_t* p)
{
    return static_cast<uint16_t>(WireReadUint(p, 2));
}

uint32_t
WireReadU32(const uint8_t* p)
{
    return static_cast<uint32_t>(WireReadUint(p, 4));
}

uint64_t
WireReadU64(const uint8_t* p)
{
    return WireReadUint(p, 8);
}

uint64_t
WireReadUint(const uint8_t* p, size_t n)
{
    uint64_t v = 0;
    for (size_t k = 0; k < n; ++k)
    {
        v = v << 8 | p[k];
    }
    return v;
}

Ipv6Address
WireReadIpv6(Buffer::Iterator& i)
{
    uint8_t buf[16];
    i.Read(buf, 16);
    return Ipv6Address::Deserialize(buf);
}

Ipv6Address
WireReadIpv6(TagBuffer& i)
{
    uint8_t buf[16];
    i.Read(buf, 16);
    return Ipv6Address::Deserialize(buf);
}

} // namespace ns3
