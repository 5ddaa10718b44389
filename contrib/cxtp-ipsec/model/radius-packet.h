/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef RADIUS_PACKET_H
#define RADIUS_PACKET_H

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief RADIUS Code field (RFC 2865 §3, §4).
 */
enum class RadiusCode : uint8_t
{
    ACCESS_REQUEST = 1,    ///< §4.1
    ACCESS_ACCEPT = 2,     ///< §4.2
    ACCESS_REJECT = 3,     ///< §4.3
    ACCESS_CHALLENGE = 11, ///< §4.4
};

/**
 * \ingroup cxtp-ipsec
 * \brief RADIUS attribute types used by the module (RFC 2865 §5, RFC 3162, RFC 3579). Other
 * values may be carried (static_cast) as opaque values.
 */
enum class RadiusAttributeType : uint8_t
{
    USER_NAME = 1,              ///< string, RFC 2865 §5.1
    NAS_IP_ADDRESS = 4,         ///< 4-octet IPv4 address, RFC 2865 §5.4
    SERVICE_TYPE = 6,           ///< 32-bit enumeration (2: Framed), RFC 2865 §5.6
    FRAMED_MTU = 12,            ///< 32-bit integer, RFC 2865 §5.12
    REPLY_MESSAGE = 18,         ///< text shown to the user, RFC 2865 §5.18
    STATE = 24,                 ///< opaque, RFC 2865 §5.24
    VENDOR_SPECIFIC = 26,       ///< Vendor-Id then vendor data, RFC 2865 §5.26
    SESSION_TIMEOUT = 27,       ///< 32-bit integer, RFC 2865 §5.27
    CALLED_STATION_ID = 30,     ///< string, RFC 2865 §5.30
    CALLING_STATION_ID = 31,    ///< string, RFC 2865 §5.31
    NAS_IDENTIFIER = 32,        ///< string, RFC 2865 §5.32
    NAS_PORT_TYPE = 61,         ///< 32-bit enumeration, RFC 2865 §5.41
    EAP_MESSAGE = 79,           ///< a piece of an EAP packet, RFC 3579 §3.1
    MESSAGE_AUTHENTICATOR = 80, ///< 16-octet HMAC-MD5, RFC 3579 §3.2
    NAS_IPV6_ADDRESS = 95,      ///< 16-octet IPv6 address, RFC 3162 §2.1
};

/**
 * \ingroup cxtp-ipsec
 * \brief One RADIUS attribute (RFC 2865 §5): its type and value (1-253 octets; the Length field
 * is derived). RadiusCodec::Decode() checks the size of the values whose type fixes it (an
 * address, an integer, the Message-Authenticator); RadiusCodec builds and reads the typed
 * values (strings, integers, addresses, EAP-Message, Vendor-Specific).
 */
struct RadiusAttribute
{
    RadiusAttributeType type{RadiusAttributeType::USER_NAME}; ///< Type
    std::vector<uint8_t> value;                               ///< Value
};

/**
 * \ingroup cxtp-ipsec
 * \brief A RADIUS packet (RFC 2865 §3): Code, Identifier, the 16-octet Authenticator and the
 * attributes in wire order. Length is derived by RadiusCodec::Encode().
 */
struct RadiusPacket
{
    RadiusCode code{RadiusCode::ACCESS_REQUEST};                      ///< Code
    uint8_t identifier{0};                                            ///< Identifier
    std::vector<uint8_t> authenticator = std::vector<uint8_t>(16, 0); ///< Authenticator (16)
    std::vector<RadiusAttribute> attributes;                          ///< attributes in wire order
};

} // namespace ns3

#endif // RADIUS_PACKET_H
