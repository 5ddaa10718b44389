/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef EAP_TLS_REASSEMBLER_H
#define EAP_TLS_REASSEMBLER_H

#include "eap-tls-framing.h"
#include "wire-decode-result.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Puts the fragments of one TLS record stream carried in EAP-TLS frames back together
 * (RFC 5216 §2.1.5), checking the framing:
 * - the first fragment of a fragmented stream (M set) carries L and the TLS Message Length;
 * - later fragments do not set L with a different length, nor S;
 * - the stream does not grow past the announced TLS Message Length (nor MAX_MESSAGE), and
 *   is exactly that long when the last fragment (M clear) arrives.
 * After an error the reassembler stays failed until Reset().
 */
class EapTlsReassembler
{
  public:
    /// Longest TLS stream accepted (the L field allows 2^32 - 1; nothing needs more than this)
    static constexpr uint32_t MAX_MESSAGE = 1 << 20;

    /**
     * \param frame the next frame received
     * \return OK, or why the stream is malformed
     */
    WireDecodeResult Add(const EapTlsFrame& frame);
    /// \return true once the last fragment has been added without error
    bool IsComplete() const;
    /// \return the reassembled stream (complete only if IsComplete())
    const std::vector<uint8_t>& GetMessage() const;
    /// Forgets the stream, to receive another.
    void Reset();

    /**
     * \brief Reassembles a whole sequence of frames.
     * \param frames the frames in order
     * \param [out] message the TLS stream
     * \return OK, or why the sequence is malformed (offset: the index of the bad frame)
     */
    static WireDecodeResult Reassemble(const std::vector<EapTlsFrame>& frames,
                                       std::vector<uint8_t>& message);

  private:
    std::vector<uint8_t> m_message; ///< octets so far
    uint32_t m_expected{0};         ///< TLS Message Length announced (0: none)
    size_t m_frames{0};             ///< frames added
    bool m_complete{false};         ///< last fragment seen
    bool m_failed{false};           ///< an error was returned
};

} // namespace ns3

#endif // EAP_TLS_REASSEMBLER_H
