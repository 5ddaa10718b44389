/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef WIRE_READER_H
#define WIRE_READER_H

#include "ns3/buffer.h"
#include "ns3/ipv6-address.h"
#include "ns3/tag-buffer.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Bounds-checked reads of network-order (big-endian) integers, IPv6 addresses and raw
 * octets from a byte span.
 *
 * Failures stick: a read that needs more octets than are left fails, consumes nothing, returns
 * zero (an empty vector, the unspecified address ::), and every later read fails the same way, so
 * a decoder reads all its fields and checks Ok() once. Fail() marks the input inconsistent for
 * checks the reader cannot make itself (an enumeration out of range, a duplicate). The reader of
 * what WireWriter writes.
 */
class WireReader
{
  public:
    /**
     * \param data the first octet (the span must outlive the reader)
     * \param size the number of octets
     */
    WireReader(const uint8_t* data, size_t size);
    /// \param bytes the input (must outlive the reader)
    explicit WireReader(const std::vector<uint8_t>& bytes);

    /**
     * \param n octets needed
     * \return true if no read has failed and n octets are left; otherwise the reader fails
     */
    bool Need(size_t n);

    /// \return the octet, 0 on failure
    uint8_t U8();
    /// \return the value, 0 on failure
    uint16_t U16();
    /// \return the value, 0 on failure
    uint32_t U32();
    /// \return the value, 0 on failure
    uint64_t U64();
    /**
     * \param n the width in octets, at most 8
     * \return the n-octet value, 0 on failure
     */
    uint64_t Uint(size_t n);
    /**
     * \param n the number of octets
     * \return the next n octets as they are, empty on failure
     */
    std::vector<uint8_t> Bytes(size_t n);
    /// \return the address read from 16 octets, :: on failure
    Ipv6Address Ipv6();
    /// \param n the number of octets to step over (the reader fails if fewer are left)
    void Skip(size_t n);

    /// Marks the input inconsistent: Ok() is false from now on.
    void Fail();
    /// \return true if every read succeeded and Fail() was not called
    bool Ok() const;
    /// \return the offset of the next octet to read (unchanged by failed reads)
    size_t GetOffset() const;
    /// \return the number of octets after the offset
    size_t GetRemaining() const;

  private:
    const uint8_t* m_data; ///< input
    size_t m_size;         ///< octets in the input
    size_t m_offset;       ///< next octet
    bool m_ok;             ///< no failure yet
};

/**
 * \ingroup cxtp-ipsec
 * \param p the first of 2 octets (not bounds-checked: the caller checked the length)
 * \return their value in network order
 */
uint16_t WireReadU16(const uint8_t* p);

/**
 * \ingroup cxtp-ipsec
 * \param p the first of 4 octets (not bounds-checked: the caller checked the length)
 * \return their value in network order
 */
uint32_t WireReadU32(const uint8_t* p);

/**
 * \ingroup cxtp-ipsec
 * \param p the first of 8 octets (not bounds-checked: the caller checked the length)
 * \return their value in network order
 */
uint64_t WireReadU64(const uint8_t* p);

/**
 * \ingroup cxtp-ipsec
 * \param p the first of n octets (not bounds-checked: the caller checked the length)
 * \param n the width in octets, at most 8
 * \return their value in network order
 */
uint64_t WireReadUint(const uint8_t* p, size_t n);

/**
 * \ingroup cxtp-ipsec
 * \param i the iterator, advanced by 16 (the caller checked that 16 octets are left)
 * \return the address in the 16 octets
 */
Ipv6Address WireReadIpv6(Buffer::Iterator& i);

/**
 * \ingroup cxtp-ipsec
 * \param i the tag buffer, advanced by 16
 * \return the address in the 16 octets
 */
Ipv6Address WireReadIpv6(TagBuffer& i);

} // namespace ns3

#endif // WIRE_READER_H
