/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-replay-window.h"

#include "ns3/abort.h"
#include "ns3/assert.h"
#include "ns3/log.h"

#include <algorithm>
#include <limits>

/*
 * Notation of RFC 4303 Appendix A: T is the highest authenticated sequence number, W the window
 * size, Tl / Th the low / high 32 bits of T, Seql / Seqh those of a received number, and
 * Bl = Tl - W + 1 the low 32 bits of the bottom of the window, all in 32-bit unsigned arithmetic
 * (Appendix A2.3: "Arithmetic is mod 2^32").
 *
 * Appendix A2.2 infers Seqh from Seql:
 *   Case A, Tl >= W - 1 (the window lies in one subspace of 2^32 numbers):
 *       Seql >= Bl -> Seqh = Th        Seql < Bl -> Seqh = Th + 1
 *   Case B, Tl < W - 1 (the window spans two subspaces):
 *       Seql >= Bl -> Seqh = Th - 1    Seql < Bl -> Seqh = Th
 * Once Seqh is known, the replay check of Appendix A2.1 / A2.3 is the plain 64-bit check of
 * section 3.4.3: new if seq > T, rejected if seq <= T - W, else rejected if its bit is set.
 *
 * Start condition and the ends of the 64-bit space (the RFC leaves them implicit):
 * - Before any packet T = 0 with an empty bitmap (section 3.4.3: the receiver's counter starts at
 *   0; the first packet carries 1). Then Tl = 0 < W - 1, so the appendix is in case B and a Seql
 *   >= Bl = 2^32 - W + 1 gets Seqh = Th - 1 = 0xFFFFFFFF in 32-bit arithmetic, i.e. a number
 *   *before* 0 that no sender ever used. The RFC would go on to the ICV check with these high
 *   bits, which fails for an honest sender; here Check() reports such a number (Th = 0, case B,
 *   Seql >= Bl) as TOO_OLD directly, so that it can never reach Update() and move T to ~2^64.
 *   The reported seq is the 32-bit-wrapped value of the formula, (0xFFFFFFFF << 32) | Seql.
 *   This holds while Th = 0 and Tl < W - 1, not only for the very first packet.
 * - The 64-bit number 0 is never sent either, with or without ESN (the first packet is 1), yet
 *   the formulas can yield it (Th = 0 and Seql = 0, e.g. before any packet, where its bit is
 *   clear): Check() reports it as SEQ_ZERO in both modes.
 * - At the top, case A with Th = 0xFFFFFFFF and Seql < Bl gives Seqh = Th + 1 = 0 (mod 2^32);
 *   the resulting small 64-bit number lies far left of the window and is TOO_OLD (the sender
 *   must never let its counter cycle, section 3.3.3).
 */

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IpsecReplayWindow");

namespace
{
constexpr uint32_t MIN_WINDOW = 32;    ///< smallest W allowed by RFC 4303 section 3.4.3
constexpr uint32_t MAX_WINDOW = 65536; ///< largest W accepted by this model
constexpr uint32_t WORD_BITS = 64;     ///< bits per bitmap word

/**
 * \brief Clears the bits at positions >= size in the last word, so that the bitmap holds only
 * the W bits of the window (W need not be a multiple of 64).
 * \param bitmap the bitmap words
 * \param size the window size W
 */
void
MaskTail(std::vector<uint64_t>& bitmap, uint32_t size)
{
    const uint32_t used = size % WORD_BITS;
    if (used != 0)
    {
        bitmap.back() &= (uint64_t{1} << used) - 1;
    }
}
} // namespace

IpsecReplayWindow::IpsecReplayWindow(uint32_t size, bool esn)
    : m_size(size),
      m_esn(esn),
      m_highest(0),
      m_bitmap()
{
    NS_LOG_FUNCTION(this << size << esn);
    NS_ABORT_MSG_IF(size < MIN_WINDOW,
                    "IpsecReplayWindow: window size " << size << " is below the minimum of "
                                                      << MIN_WINDOW
                                                      << " required by RFC 4303 section 3.4.3");
    NS_ABORT_MSG_IF(size > MAX_WINDOW,
                    "IpsecReplayWindow: window size " << size << " exceeds the maximum of "
                                                      << MAX_WINDOW << " supported by this model");
    m_bitmap.assign((size + WORD_BITS - 1) / WORD_BITS, 0);
}

IpsecReplayWindow::Verdict
IpsecReplayWindow::Check(uint32_t seqLow, uint64_t& seq) const
{
    NS_LOG_FUNCTION(this << seqLow);
    if (!m_esn)
    {
        seq = seqLow;
    }
    else
    {
        // Appendix A2.2, in 32-bit unsigned arithmetic as A2.3 prescribes.
        const uint32_t tl = static_cast<uint32_t>(m_highest);
        const uint32_t th = static_cast<uint32_t>(m_highest >> 32);
        const uint32_t bl = tl - m_size + 1;
        const bool caseA = tl >= m_size - 1;
        uint32_t seqh;
        if (caseA)
        {
            // Case A: the window lies within one sequence number subspace.
            seqh = (seqLow >= bl) ? th : th + 1;
        }
        else
        {
            // Case B: the window spans two sequence number subspaces.
            seqh = (seqLow >= bl) ? th - 1 : th;
        }
        seq = (static_cast<uint64_t>(seqh) << 32) | seqLow;
        if (!caseA && seqLow >= bl && th == 0)
        {
            // Seqh = Th - 1 underflowed: the number precedes the start of the sequence space
            // (see the comment at the top of this file).
            NS_LOG_LOGIC("ESN seqLow " << seqLow << " lies before sequence number 1");
            return Verdict::TOO_OLD;
        }
        NS_LOG_LOGIC("ESN: Tl " << tl << " Th " << th << " Bl " << bl << " -> Seqh " << seqh);
    }

    if (seq == 0)
    {
        NS_LOG_LOGIC("sequence number 0");
        return Verdict::SEQ_ZERO;
    }
    if (seq > m_highest)
    {
        return Verdict::ACCEPT;
    }
    const uint64_t offset = m_highest - seq;
    if (offset >= m_size)
    {
        NS_LOG_LOGIC("seq " << seq << " left of the window, T = " << m_highest);
        return Verdict::TOO_OLD;
    }
    if ((m_bitmap[offset / WORD_BITS] >> (offset % WORD_BITS)) & 1)
    {
        NS_LOG_LOGIC("seq " << seq << " already seen, T = " << m_highest);
        return Verdict::DUPLICATE;
    }
    return Verdict::ACCEPT;
}

void
IpsecReplayWindow::Update(uint64_t seq)
{
    NS_LOG_FUNCTION(this << seq);
    NS_ASSERT_MSG(seq != 0, "IpsecReplayWindow::Update: sequence number 0 is never valid");
    NS_ASSERT_MSG(m_esn || seq <= std::numeric_limits<uint32_t>::max(),
                  "IpsecReplayWindow::Update: " << seq << " exceeds 32 bits without ESN");
    if (seq > m_highest)
    {
        const uint64_t shift = seq - m_highest;
        if (shift >= m_size)
        {
            std::fill(m_bitmap.begin(), m_bitmap.end(), 0);
        }
        else
        {
            // Multiword left shift: window bit i moves to bit i + shift.
            const size_t words = m_bitmap.size();
            const size_t wordShift = static_cast<size_t>(shift / WORD_BITS);
            const uint32_t bitShift = static_cast<uint32_t>(shift % WORD_BITS);
            for (size_t k = words; k-- > 0;)
            {
                uint64_t value = 0;
                if (k >= wordShift)
                {
                    const size_t src = k - wordShift;
                    if (bitShift == 0)
                    {
                        value = m_bitmap[src];
                    }
                    else
                    {
                        value = m_bitmap[src] << bitShift;
                        if (src > 0)
                        {
                            value |= m_bitmap[src - 1] >> (WORD_BITS - bitShift);
                        }
                    }
                }
                m_bitmap[k] = value;
            }
            MaskTail(m_bitmap, m_size);
        }
        m_highest = seq;
        m_bitmap[0] |= 1;
        NS_LOG_LOGIC("window slid by " << shift << ", T = " << m_highest);
        return;
    }
    const uint64_t offset = m_highest - seq;
    if (offset >= m_size)
    {
        NS_LOG_LOGIC("seq " << seq << " left of the window, ignored");
        return;
    }
    m_bitmap[offset / WORD_BITS] |= uint64_t{1} << (offset % WORD_BITS);
}

uint32_t
IpsecReplayWindow::GetSize() const
{
    return m_size;
}

bool
IpsecReplayWindow::IsEsn() const
{
    return m_esn;
}

uint64_t
IpsecReplayWindow::GetHighest() const
{
    return m_highest;
}

bool
IpsecReplayWindow::IsMarked(uint64_t seq) const
{
    if (seq > m_highest)
    {
        return false;
    }
    const uint64_t offset = m_highest - seq;
    if (offset >= m_size)
    {
        return false;
    }
    return (m_bitmap[offset / WORD_BITS] >> (offset % WORD_BITS)) & 1;
}

const std::vector<uint64_t>&
IpsecReplayWindow::GetBitmap() const
{
    return m_bitmap;
}

void
IpsecReplayWindow::SetState(uint64_t highest, const std::vector<uint64_t>& bitmap)
{
    NS_LOG_FUNCTION(this << highest << bitmap.size());
    NS_ABORT_MSG_IF(bitmap.size() != m_bitmap.size(),
                    "IpsecReplayWindow::SetState: bitmap has " << bitmap.size() << " words, "
                                                               << m_bitmap.size()
                                                               << " expected for W = " << m_size);
    NS_ABORT_MSG_IF(!m_esn && highest > std::numeric_limits<uint32_t>::max(),
                    "IpsecReplayWindow::SetState: T = " << highest
                                                        << " exceeds 32 bits without ESN");
    m_highest = highest;
    m_bitmap = bitmap;
    MaskTail(m_bitmap, m_size);
}

} // namespace ns3
