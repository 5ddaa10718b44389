/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "eap-tls-reassembler.h"

namespace ns3
{

WireDecodeResult
EapTlsReassembler::Add(const EapTlsFrame& frame)
{
    const size_t index = m_frames++;
    auto fail = [this, index](const std::string& reason) {
        m_failed = true;
        return WireDecodeResult::Fail(reason, index);
    };
    if (m_failed)
    {
        return fail("EAP-TLS reassembly already failed");
    }
    if (m_complete)
    {
        return fail("EAP-TLS fragment after the last one");
    }
    if (index == 0)
    {
        if (frame.moreFragments && !frame.lengthIncluded)
        {
            return fail("first EAP-TLS fragment without L (RFC 5216 §2.1.5)");
        }
        if (frame.lengthIncluded)
        {
            if (frame.tlsMessageLength > MAX_MESSAGE)
            {
                return fail("EAP-TLS Message Length " + std::to_string(frame.tlsMessageLength) +
                            " above " + std::to_string(MAX_MESSAGE));
            }
            m_expected = frame.tlsMessageLength;
        }
    }
    else
    {
        if (frame.start)
        {
            return fail("EAP-TLS Start flag inside a fragmented stream");
        }
        if (frame.lengthIncluded && frame.tlsMessageLength != m_expected)
        {
            return fail("EAP-TLS fragment announces TLS Message Length " +
                        std::to_string(frame.tlsMessageLength) + ", first said " +
                        std::to_string(m_expected));
        }
    }
    const bool bounded = index == 0 ? frame.lengthIncluded : m_expected != 0;
    const size_t limit = bounded ? m_expected : MAX_MESSAGE;
    if (frame.data.size() > limit - m_message.size())
    {
        return fail("EAP-TLS fragments exceed the TLS Message Length " + std::to_string(limit));
    }
    m_message.insert(m_message.end(), frame.data.begin(), frame.data.end());
    if (!frame.moreFragments)
    {
        if (bounded && m_message.size() != m_expected)
        {
            return fail("EAP-TLS stream of " + std::to_string(m_message.size()) +
                        " octets, TLS Message Length says " + std::to_string(m_expected));
        }
        m_complete = true;
    }
    return {};
}

bool
EapTlsReassembler::IsComplete() const
{
    return m_complete && !m_failed;
}

const std::vector<uint8_t>&
EapTlsReassembler::GetMessage() const
{
    return m_message;
}

void
EapTlsReassembler::Reset()
{
    *this = EapTlsReassembler();
}

WireDecodeResult
EapTlsReassembler::Reassemble(const std::vector<EapTlsFrame>& frames, std::vector<uint8_t>& message)
{
    EapTlsReassembler r;
    for (const auto& f : frames)
    {
        WireDecodeResult result = r.Add(f);
        if (!result.IsOk())
        {
            return result;
        }
    }
    if (!r.IsComplete())
    {
        return WireDecodeResult::Fail("EAP-TLS stream incomplete: last frame has M set",
                                      frames.size());
    }
    message = r.GetMessage();
    return {};
}

} // namespace ns3
