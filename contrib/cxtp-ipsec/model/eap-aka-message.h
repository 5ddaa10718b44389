/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef EAP_AKA_MESSAGE_H
#define EAP_AKA_MESSAGE_H

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief EAP-AKA Subtype (RFC 4187 §11, the messages of §9).
 */
enum class EapAkaSubtype : uint8_t
{
    CHALLENGE = 1,               ///< AKA-Challenge, §9.3-9.4
    AUTHENTICATION_REJECT = 2,   ///< AKA-Authentication-Reject, §9.5
    SYNCHRONIZATION_FAILURE = 4, ///< AKA-Synchronization-Failure, §9.6
    IDENTITY = 5,                ///< AKA-Identity, §9.1-9.2
    NOTIFICATION = 12,           ///< AKA-Notification, §9.10-9.11
    REAUTHENTICATION = 13,       ///< AKA-Reauthentication, §9.7-9.8
    CLIENT_ERROR = 14,           ///< AKA-Client-Error, §9.9
};

/**
 * \ingroup cxtp-ipsec
 * \brief EAP-AKA attribute types (RFC 4187 §10, §11). Types 0-127 are non-skippable, 128-255
 * skippable (§8.1).
 */
enum class EapAkaAttributeType : uint8_t
{
    AT_RAND = 1,               ///< §10.6
    AT_AUTN = 2,               ///< §10.7
    AT_RES = 3,                ///< §10.8
    AT_AUTS = 4,               ///< §10.9
    AT_PADDING = 6,            ///< §10.12
    AT_PERMANENT_ID_REQ = 10,  ///< §10.2
    AT_MAC = 11,               ///< §10.15
    AT_NOTIFICATION = 12,      ///< §10.19
    AT_ANY_ID_REQ = 13,        ///< §10.3
    AT_IDENTITY = 14,          ///< §10.5
    AT_FULLAUTH_ID_REQ = 17,   ///< §10.4
    AT_COUNTER = 19,           ///< §10.16
    AT_CLIENT_ERROR_CODE = 22, ///< §10.20
    AT_CHECKCODE = 134,        ///< §10.13 (skippable)
};

/**
 * \ingroup cxtp-ipsec
 * \brief One EAP-AKA attribute (RFC 4187 §8.1) with its fields typed by attribute type:
 * - AT_RAND, AT_AUTN, AT_MAC: value = the 16 octets after the Reserved field;
 * - AT_CHECKCODE: value = the 0 or 20 octets (32 with EAP-AKA', RFC 5448) after Reserved;
 * - AT_RES: value = the RES octets, number = the RES Length in bits (32-128, §10.8);
 * - AT_AUTS: value = the 14 octets of AUTS;
 * - AT_IDENTITY: value = the identity (Actual Identity Length octets, no padding);
 * - AT_NOTIFICATION, AT_COUNTER, AT_CLIENT_ERROR_CODE: number = the 16-bit field;
 * - AT_PERMANENT_ID_REQ, AT_ANY_ID_REQ, AT_FULLAUTH_ID_REQ: nothing (Reserved only);
 * - AT_PADDING: value = the padding octets (2, 6 or 10, zero);
 * - a skippable attribute unknown here (type >= 128): value = the octets after Type and Length.
 */
struct EapAkaAttribute
{
    EapAkaAttributeType type{EapAkaAttributeType::AT_RAND}; ///< Attribute Type
    std::vector<uint8_t> value;                             ///< see the struct documentation
    uint16_t number{0};                                     ///< see the struct documentation
};

/**
 * \ingroup cxtp-ipsec
 * \brief The type-data of an EAP-AKA packet (type 23, RFC 4187 §8.1): Subtype, Reserved and
 * the attributes in wire order. EapAkaCodec reads and writes it.
 */
struct EapAkaMessage
{
    EapAkaSubtype subtype{EapAkaSubtype::CHALLENGE}; ///< Subtype
    std::vector<EapAkaAttribute> attributes;         ///< attributes in wire order
};

} // namespace ns3

#endif // EAP_AKA_MESSAGE_H
