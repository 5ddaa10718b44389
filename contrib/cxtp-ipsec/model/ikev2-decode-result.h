/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_DECODE_RESULT_H
#define IKEV2_DECODE_RESULT_H

#include "ikev2-constants.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Why an IKEv2 message could not be decoded or opened.
 *
 * What a responder makes of each (RFC 7296 §2.21): UNSUPPORTED_CRITICAL_PAYLOAD is answered with
 * that notification, whose data is the payload type (§2.5, §3.10.1); BAD_VERSION with
 * INVALID_MAJOR_VERSION (§2.5); a message whose ICV does not verify is discarded; the others
 * may be answered with INVALID_SYNTAX, but only for a message whose ICV verified (§3.10.1).
 */
enum class Ikev2DecodeError : uint8_t
{
    OK = 0,                       ///< decoded
    TRUNCATED,                    ///< fewer octets than a header or fixed field needs
    BAD_LENGTH,                   ///< a length field is too small, too large or disagrees
    BAD_VERSION,                  ///< the major version is not 2 (RFC 7296 §3.1)
    UNSUPPORTED_CRITICAL_PAYLOAD, ///< an unknown payload type with the critical bit (§3.2)
    BAD_PROPOSAL,                 ///< an inconsistent proposal/transform chain (§3.3)
    BAD_ATTRIBUTE,                ///< a transform attribute runs past its transform (§3.3.5)
    BAD_PAYLOAD,                  ///< a payload's contents disagree with its own fields
    BAD_ENCRYPTED,                ///< a malformed SK payload: position, nesting, sizes, padding
    INTEGRITY_FAILED,             ///< the ICV (or the AES-GCM tag) does not verify (§3.14)
};

/**
 * \ingroup cxtp-ipsec
 * \param error a decode error
 * \return its name, e.g. "BAD_LENGTH"
 */
const char* GetIkev2DecodeErrorName(Ikev2DecodeError error);

/**
 * \ingroup cxtp-ipsec
 * \brief Outcome of decoding or opening an IKEv2 message: an error code, a short reason and the
 * offset of the offending octets.
 *
 * Offsets count from the first octet of the message, except for errors inside the plaintext of
 * an SK payload, where they count from the first octet of that plaintext.
 */
struct Ikev2DecodeResult
{
    Ikev2DecodeError error{Ikev2DecodeError::OK}; ///< error code
    std::string reason;                           ///< what was wrong (empty when OK)
    size_t offset{0};                             ///< where it was found
    /// UNSUPPORTED_CRITICAL_PAYLOAD: the type of the first such payload (the one octet of the
    /// UNSUPPORTED_CRITICAL_PAYLOAD notification's data, RFC 7296 §3.10.1)
    Ikev2PayloadType unsupportedType{Ikev2PayloadType::NONE};

    /// \return true if error is OK
    bool IsOk() const;

    /**
     * \param error the error
     * \param reason what was wrong
     * \param offset where
     * \return the result
     */
    static Ikev2DecodeResult Fail(Ikev2DecodeError error, const std::string& reason, size_t offset);
};

} // namespace ns3

#endif // IKEV2_DECODE_RESULT_H
