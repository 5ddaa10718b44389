/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef EAP_TLS_FRAMING_H
#define EAP_TLS_FRAMING_H

#include "wire-decode-result.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The type-data of one EAP-TLS packet (RFC 5216 §3.1): Flags (L, M, S), the TLS Message
 * Length when L is set, and a fragment of the TLS record stream.
 */
struct EapTlsFrame
{
    bool lengthIncluded{false};   ///< L: the TLS Message Length field is present
    bool moreFragments{false};    ///< M: more fragments follow
    bool start{false};            ///< S: EAP-TLS Start (a Request from the server)
    uint32_t tlsMessageLength{0}; ///< TLS Message Length: the whole stream, when L is set
    std::vector<uint8_t> data;    ///< the TLS data (a fragment)
};

/**
 * \ingroup cxtp-ipsec
 * \brief EAP-TLS (type 13) framing, RFC 5216 §2.1.5 and §3.1: Flags and TLS Message Length
 * encoding, and the fragmentation of a TLS record stream into frames. There is no TLS engine
 * here; EapTlsReassembler puts fragments back together.
 */
class EapTlsFraming
{
  public:
    static constexpr uint8_t FLAG_L = 0x80; ///< Length included (§3.1)
    static constexpr uint8_t FLAG_M = 0x40; ///< More fragments (§3.1)
    static constexpr uint8_t FLAG_S = 0x20; ///< EAP-TLS Start (§3.1)

    /**
     * \param frame the frame
     * \return the type-data: Flags, TLS Message Length if L, data
     */
    static std::vector<uint8_t> Encode(const EapTlsFrame& frame);
    /**
     * \param typeData the type-data of a type-13 packet
     * \param [out] frame the frame
     * \return OK, or the reason: empty, L set with fewer than 4 octets after Flags, or reserved
     *         flag bits set (§3.1: they MUST be zero)
     */
    static WireDecodeResult Decode(const std::vector<uint8_t>& typeData, EapTlsFrame& frame);
    /**
     * \brief Splits a TLS record stream into frames that carry at most fragmentSize TLS octets
     * each. A stream that fits in one frame is sent whole, without L; otherwise the first
     * fragment has L and the TLS Message Length, and every fragment but the last has M
     * (RFC 5216 §2.1.5).
     * \param stream the TLS records (at most 2^32 - 1 octets)
     * \param fragmentSize TLS octets per frame (aborts on 0)
     * \return the frames, in order (one empty frame for an empty stream: an acknowledgement)
     */
    static std::vector<EapTlsFrame> Fragment(const std::vector<uint8_t>& stream,
                                             size_t fragmentSize);
};

} // namespace ns3

#endif // EAP_TLS_FRAMING_H
