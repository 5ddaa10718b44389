/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef EAP_PACKET_H
#define EAP_PACKET_H

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief EAP Code field (RFC 3748 §4).
 */
enum class EapCode : uint8_t
{
    REQUEST = 1,  ///< §4.1
    RESPONSE = 2, ///< §4.1
    SUCCESS = 3,  ///< §4.2
    FAILURE = 4,  ///< §4.2
};

/**
 * \ingroup cxtp-ipsec
 * \brief EAP Type field of Requests and Responses (RFC 3748 §5, IANA "EAP Method Types"). Other
 * values may be carried (static_cast) and are kept as opaque type-data.
 */
enum class EapType : uint8_t
{
    NONE = 0,          ///< Success and Failure carry no type (§4.2)
    IDENTITY = 1,      ///< §5.1
    NOTIFICATION = 2,  ///< §5.2
    NAK = 3,           ///< Legacy Nak, §5.3.1
    MD5_CHALLENGE = 4, ///< §5.4, RFC 1994
    TLS = 13,          ///< EAP-TLS, RFC 5216
    AKA = 23,          ///< EAP-AKA, RFC 4187
    EXPANDED = 254,    ///< Expanded Types, §5.7: not supported by EapCodec
    EXPERIMENTAL = 255 ///< §5.8
};

/**
 * \ingroup cxtp-ipsec
 * \brief An EAP packet (RFC 3748 §4): Code, Identifier, and for Request/Response the Type and
 * its type-data. Length is derived by EapCodec::Encode(). The method-specific contents of
 * type-data are read and written by EapCodec (Identity, Nak), EapMd5Method (MD5-Challenge),
 * EapTlsFraming (EAP-TLS) and EapAkaCodec (EAP-AKA).
 */
struct EapPacket
{
    EapCode code{EapCode::REQUEST}; ///< Code (§4)
    uint8_t identifier{0};          ///< Identifier, matches Responses with Requests (§4)
    EapType type{EapType::NONE};    ///< Type of a Request or Response (§4.1); NONE otherwise
    std::vector<uint8_t> typeData;  ///< Type-Data (§4.1); empty for Success and Failure
};

} // namespace ns3

#endif // EAP_PACKET_H
