/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef WIRE_WRITER_H
#define WIRE_WRITER_H

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
 * \brief Appends integers in network byte order (big-endian), IPv6 addresses and raw octets to a
 * byte vector.
 *
 * The one writer under the module's byte-vector encodings: ISAKMP messages (Ikev1Codec), CXTP
 * context data (CxtpContextCodec), ESP packets (IpsecEspCodec) and the inputs of MACs and PRFs.
 * WireReader reads what it writes.
 */
class WireWriter
{
  public:
    /// \param out the vector to append to (must outlive the writer)
    explicit WireWriter(std::vector<uint8_t>& out);

    /// \param v the octet
    void U8(uint8_t v);
    /// \param v the value, written in network order
    void U16(uint16_t v);
    /// \param v the value, written in network order
    void U32(uint32_t v);
    /// \param v the value, written in network order
    void U64(uint64_t v);
    /// \param b octets, appended as they are
    void Raw(const std::vector<uint8_t>& b);
    /**
     * \param p first octet
     * \param n number of octets, appended as they are
     */
    void Raw(const uint8_t* p, size_t n);
    /// \param a the address, appended as its 16 octets in network order
    void Ipv6(const Ipv6Address& a);

  private:
    std::vector<uint8_t>& m_out; ///< destination
};

/**
 * \ingroup cxtp-ipsec
 * \param v a value
 * \return its 4 octets in network order
 */
std::vector<uint8_t> WireBytesU32(uint32_t v);

/**
 * \ingroup cxtp-ipsec
 * \param v a value
 * \return its 8 octets in network order
 */
std::vector<uint8_t> WireBytesU64(uint64_t v);

/**
 * \ingroup cxtp-ipsec
 * \param i the iterator, advanced by 16
 * \param a the address, written as its 16 octets in network order
 */
void WireWriteIpv6(Buffer::Iterator& i, const Ipv6Address& a);

/**
 * \ingroup cxtp-ipsec
 * \param i the tag buffer, advanced by 16
 * \param a the address, written as its 16 octets in network order
 */
void WireWriteIpv6(TagBuffer& i, const Ipv6Address& a);

} // namespace ns3

#endif // WIRE_WRITER_H
