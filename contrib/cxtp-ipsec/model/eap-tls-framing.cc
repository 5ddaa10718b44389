/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "eap-tls-framing.h"

#include "wire-reader.h"
#include "wire-writer.h"

#include "ns3/abort.h"

#include <algorithm>

namespace ns3
{

std::vector<uint8_t>
EapTlsFraming::Encode(const EapTlsFrame& frame)
{
    std::vector<uint8_t> out;
    WireWriter w(out);
    w.U8((frame.lengthIncluded ? FLAG_L : 0) | (frame.moreFragments ? FLAG_M : 0) |
         (frame.start ? FLAG_S : 0));
    if (frame.lengthIncluded)
    {
        w.U32(frame.tlsMessageLength);
    }
    w.Raw(frame.data);
    return out;
}

WireDecodeResult
EapTlsFraming::Decode(const std::vector<uint8_t>& typeData, EapTlsFrame& frame)
{
    WireReader r(typeData);
    const uint8_t flags = r.U8();
    if (!r.Ok())
    {
        return WireDecodeResult::Fail("EAP-TLS type-data empty: no Flags", 0);
    }
    if ((flags & ~(FLAG_L | FLAG_M | FLAG_S)) != 0)
    {
        return WireDecodeResult::Fail("EAP-TLS reserved flag bits set (RFC 5216 §3.1)", 0);
    }
    frame.lengthIncluded = (flags & FLAG_L) != 0;
    frame.moreFragments = (flags & FLAG_M) != 0;
    frame.start = (flags & FLAG_S) != 0;
    frame.tlsMessageLength = 0;
    if (frame.lengthIncluded)
    {
        frame.tlsMessageLength = r.U32();
        if (!r.Ok())
        {
            return WireDecodeResult::Fail("EAP-TLS L flag set but TLS Message Length truncated", 1);
        }
    }
    frame.data = r.Bytes(r.GetRemaining());
    return {};
}

std::vector<EapTlsFrame>
EapTlsFraming::Fragment(const std::vector<uint8_t>& stream, size_t fragmentSize)
{
    NS_ABORT_MSG_IF(fragmentSize == 0, "EAP-TLS fragment size 0");
    NS_ABORT_MSG_IF(stream.size() > 0xffffffffULL, "TLS stream too long for EAP-TLS");
    std::vector<EapTlsFrame> frames;
    const bool fragmented = stream.size() > fragmentSize;
    size_t at = 0;
    do
    {
        EapTlsFrame f;
        const size_t n = std::min(fragmentSize, stream.size() - at);
        f.data.assign(stream.begin() + at, stream.begin() + at + n);
        at += n;
        f.moreFragments = at < stream.size();
        if (fragmented && frames.empty())
        {
            f.lengthIncluded = true;
            f.tlsMessageLength = static_cast<uint32_t>(stream.size());
        }
        frames.push_back(std::move(f));
    } while (at < stream.size());
    return frames;
}

} // namespace ns3
