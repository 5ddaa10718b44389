/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef WIRE_DECODE_RESULT_H
#define WIRE_DECODE_RESULT_H

#include <cstddef>
#include <string>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Outcome of decoding or verifying an EAP or RADIUS encoding (EapCodec, EapAkaCodec,
 * EapTlsFraming, RadiusCodec, RadiusAuthenticator, RadiusMppeKey): empty reason when it
 * succeeded, otherwise what was wrong and the offset of the offending octets.
 *
 * The same convention as Ikev2DecodeResult, without an error code: no caller of these codecs
 * answers differently per error (a malformed EAP or RADIUS packet is silently discarded,
 * RFC 3748 §4 and RFC 2865 §3).
 */
struct WireDecodeResult
{
    std::string reason; ///< what was wrong (empty when OK)
    size_t offset{0};   ///< where it was found, from the first octet given to the decoder

    /// \return true if nothing was wrong
    bool IsOk() const
    {
        return reason.empty();
    }

    /**
     * \param reason what was wrong (not empty)
     * \param offset where
     * \return the result
     */
    static WireDecodeResult Fail(const std::string& reason, size_t offset)
    {
        WireDecodeResult r;
        r.reason = reason.empty() ? "failed" : reason;
        r.offset = offset;
        return r;
    }
};

} // namespace ns3

#endif // WIRE_DECODE_RESULT_H
