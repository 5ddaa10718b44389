/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_REPLAY_WINDOW_H
#define IPSEC_REPLAY_WINDOW_H

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Receiver side of ESP anti-replay, RFC 4303 §3.4.3 and Appendix A (ESN included).
 *
 * State is T, the highest authenticated sequence number (64 bits), and a bitmap of the W numbers
 * ending at T. Processing of one packet has two steps, as the RFC requires:
 * 1. Check() before the ICV is verified: rejects numbers left of the window or already seen, and
 *    with ESN infers the high 32 bits (Appendix A2.2, cases A and B);
 * 2. Update() only after the ICV verified: slides the window or sets the bit.
 *
 * The state is plain data so that a context transfer can carry it (CxtpContextCodec::EncodeSa).
 */
class IpsecReplayWindow
{
  public:
    /// Outcome of Check().
    enum class Verdict : uint8_t
    {
        ACCEPT,    ///< new number, may be accepted once the ICV verifies
        DUPLICATE, ///< inside the window and already seen
        TOO_OLD,   ///< left of the window
        SEQ_ZERO,  ///< sequence number 0 never occurs on the wire (no ESN)
    };

    /**
     * \param size the window size W in packets (at least 32; RFC 4303 default 64)
     * \param esn true when 64-bit extended sequence numbers are in use
     */
    explicit IpsecReplayWindow(uint32_t size = 64, bool esn = false);

    /**
     * \brief First step: may the packet with low-order sequence bits seqLow be processed?
     * \param seqLow the 32-bit sequence number from the ESP header
     * \param [out] seq the full sequence number (with ESN the inferred high bits; else seqLow)
     * \return the verdict
     */
    Verdict Check(uint32_t seqLow, uint64_t& seq) const;
    /**
     * \brief Second step, only after a successful ICV check: records seq as received.
     * \param seq the full sequence number returned by Check()
     */
    void Update(uint64_t seq);

    /// \return the window size W
    uint32_t GetSize() const;
    /// \return whether ESN is in use
    bool IsEsn() const;
    /// \return T, the highest authenticated sequence number (0 before any packet)
    uint64_t GetHighest() const;
    /**
     * \param seq a sequence number
     * \return true if seq lies inside the window and its bit is set
     */
    bool IsMarked(uint64_t seq) const;

    /**
     * \brief Bitmap words, least significant bit of word 0 = T, bit i = T - i.
     * \return ceil(W / 64) words
     */
    const std::vector<uint64_t>& GetBitmap() const;
    /**
     * \brief Restores a transferred state (context transfer).
     * \param highest T
     * \param bitmap words as returned by GetBitmap() (must be ceil(W / 64) long)
     */
    void SetState(uint64_t highest, const std::vector<uint64_t>& bitmap);

  private:
    uint32_t m_size;                ///< W
    bool m_esn;                     ///< 64-bit sequence numbers
    uint64_t m_highest;             ///< T
    std::vector<uint64_t> m_bitmap; ///< bit i of the window = seq T - i
};

} // namespace ns3

#endif // IPSEC_REPLAY_WINDOW_H
