/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-decode-result.h"

namespace ns3
{

const char*
GetIkev2DecodeErrorName(Ikev2DecodeError error)
{
    switch (error)
    {
    case Ikev2DecodeError::OK:
        return "OK";
    case Ikev2DecodeError::TRUNCATED:
        return "TRUNCATED";
    case Ikev2DecodeError::BAD_LENGTH:
        return "BAD_LENGTH";
    case Ikev2DecodeError::BAD_VERSION:
        return "BAD_VERSION";
    case Ikev2DecodeError::UNSUPPORTED_CRITICAL_PAYLOAD:
        return "UNSUPPORTED_CRITICAL_PAYLOAD";
    case Ikev2DecodeError::BAD_PROPOSAL:
        return "BAD_PROPOSAL";
    case Ikev2DecodeError::BAD_ATTRIBUTE:
        return "BAD_ATTRIBUTE";
    case Ikev2DecodeError::BAD_PAYLOAD:
        return "BAD_PAYLOAD";
    case Ikev2DecodeError::BAD_ENCRYPTED:
        return "BAD_ENCRYPTED";
    case Ikev2DecodeError::INTEGRITY_FAILED:
        return "INTEGRITY_FAILED";
    }
    return "UNKNOWN";
}

bool
Ikev2DecodeResult::IsOk() const
{
    return error == Ikev2DecodeError::OK;
}

Ikev2DecodeResult
Ikev2DecodeResult::Fail(Ikev2DecodeError error, const std::string& reason, size_t offset)
{
    Ikev2DecodeResult r;
    r.error = error;
    r.reason = reason;
    r.offset = offset;
    return r;
}

} // namespace ns3
