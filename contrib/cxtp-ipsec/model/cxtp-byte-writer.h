/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CXTP_BYTE_WRITER_H
#define CXTP_BYTE_WRITER_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Appends integers in network byte order (big-endian) and raw octets to a byte vector.
 *
 * The one writer under the module's byte-vector encodings: ISAKMP messages (Ikev1Codec) and
 * CXTP context data (CxtpContextCodec) add their own field types on top of it.
 */
class CxtpByteWriter
{
  public:
    /// \param out the vector to append to (must outlive the writer)
    explicit CxtpByteWriter(std::vector<uint8_t>& out);

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

  private:
    std::vector<uint8_t>& m_out; ///< destination
};

} // namespace ns3

#endif // CXTP_BYTE_WRITER_H
