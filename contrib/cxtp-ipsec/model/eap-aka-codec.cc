/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "eap-aka-codec.h"

#include "crypto-mac.h"
#include "eap-codec.h"
#include "wire-reader.h"
#include "wire-writer.h"

#include "ns3/abort.h"

#include <algorithm>

namespace ns3
{

namespace
{

using Type = EapAkaAttributeType;

/// Octets before the attributes in the type-data: Subtype and Reserved (RFC 4187 §8.1)
constexpr size_t AKA_HEADER = 3;

/**
 * \param n a size
 * \return n rounded up to a multiple of 4
 */
size_t
Pad4(size_t n)
{
    return (n + 3) / 4 * 4;
}

/**
 * \param subtype a Subtype octet
 * \return true if RFC 4187 §11 assigns it
 */
bool
IsKnownSubtype(uint8_t subtype)
{
    switch (static_cast<EapAkaSubtype>(subtype))
    {
    case EapAkaSubtype::CHALLENGE:
    case EapAkaSubtype::AUTHENTICATION_REJECT:
    case EapAkaSubtype::SYNCHRONIZATION_FAILURE:
    case EapAkaSubtype::IDENTITY:
    case EapAkaSubtype::NOTIFICATION:
    case EapAkaSubtype::REAUTHENTICATION:
    case EapAkaSubtype::CLIENT_ERROR:
        return true;
    }
    return false;
}

/**
 * \param type an attribute type
 * \return true if EapAkaAttribute gives it typed fields
 */
bool
IsKnownAttribute(uint8_t type)
{
    switch (static_cast<Type>(type))
    {
    case Type::AT_RAND:
    case Type::AT_AUTN:
    case Type::AT_RES:
    case Type::AT_AUTS:
    case Type::AT_PADDING:
    case Type::AT_PERMANENT_ID_REQ:
    case Type::AT_MAC:
    case Type::AT_NOTIFICATION:
    case Type::AT_ANY_ID_REQ:
    case Type::AT_IDENTITY:
    case Type::AT_FULLAUTH_ID_REQ:
    case Type::AT_COUNTER:
    case Type::AT_CLIENT_ERROR_CODE:
    case Type::AT_CHECKCODE:
        return true;
    }
    return false;
}

/**
 * \brief Reads the body of a known attribute (after Type and Length).
 * \param type its type
 * \param body the 4 * Length - 2 octets after Type and Length
 * \param [out] a the attribute
 * \return the empty string, or what is wrong
 */
std::string
ReadBody(Type type, const std::vector<uint8_t>& body, EapAkaAttribute& a)
{
    const size_t length = (body.size() + 2) / 4; // the Length field
    WireReader r(body);
    a.type = type;
    switch (type)
    {
    case Type::AT_RAND:
    case Type::AT_AUTN:
    case Type::AT_MAC:
        if (length != 5)
        {
            return "Length " + std::to_string(length) + ", must be 5";
        }
        r.Skip(2);
        a.value = r.Bytes(16);
        return "";
    case Type::AT_CHECKCODE:
        if (length != 1 && length != 6 && length != 9)
        {
            return "Length " + std::to_string(length) + ", must be 1, 6 or 9";
        }
        r.Skip(2);
        a.value = r.Bytes(r.GetRemaining());
        return "";
    case Type::AT_AUTS:
        if (length != 4)
        {
            return "Length " + std::to_string(length) + ", must be 4";
        }
        a.value = r.Bytes(14);
        return "";
    case Type::AT_RES: {
        a.number = r.U16();
        if (a.number < 32 || a.number > 128)
        {
            return "RES Length " + std::to_string(a.number) + " bits, not 32-128 (§10.8)";
        }
        const size_t octets = (a.number + 7) / 8;
        if (octets > r.GetRemaining())
        {
            return "RES Length " + std::to_string(a.number) + " bits exceeds the attribute";
        }
        a.value = r.Bytes(octets);
        return "";
    }
    case Type::AT_IDENTITY: {
        const uint16_t actual = r.U16();
        if (actual > r.GetRemaining())
        {
            return "Actual Identity Length " + std::to_string(actual) + " exceeds the attribute";
        }
        a.value = r.Bytes(actual);
        return "";
    }
    case Type::AT_NOTIFICATION:
    case Type::AT_COUNTER:
    case Type::AT_CLIENT_ERROR_CODE:
    case Type::AT_PERMANENT_ID_REQ:
    case Type::AT_ANY_ID_REQ:
    case Type::AT_FULLAUTH_ID_REQ:
        if (length != 1)
        {
            return "Length " + std::to_string(length) + ", must be 1";
        }
        a.number = r.U16();
        if (type == Type::AT_PERMANENT_ID_REQ || type == Type::AT_ANY_ID_REQ ||
            type == Type::AT_FULLAUTH_ID_REQ)
        {
            a.number = 0; // Reserved, ignored on receipt
        }
        return "";
    case Type::AT_PADDING:
        if (length > 3)
        {
            return "Length " + std::to_string(length) + ", must be 1-3 (§10.12)";
        }
        a.value = body;
        return "";
    }
    return "unknown attribute";
}

/**
 * \brief Finds the AT_MAC value in an encoded EAP-AKA packet.
 * \param eapPacket the EAP packet
 * \param [out] offset the offset of the 16-octet MAC value
 * \return OK, or why not
 */
WireDecodeResult
FindMac(const std::vector<uint8_t>& eapPacket, size_t& offset)
{
    EapPacket packet;
    WireDecodeResult result = EapCodec::Decode(eapPacket, packet);
    if (!result.IsOk())
    {
        return result;
    }
    if (packet.type != EapType::AKA)
    {
        return WireDecodeResult::Fail("not an EAP-AKA packet", 4);
    }
    EapAkaMessage message;
    result = EapAkaCodec::Decode(packet.typeData, message);
    if (!result.IsOk())
    {
        result.offset += EapCodec::HEADER + 1;
        return result;
    }
    size_t at = EapCodec::HEADER + 1 + AKA_HEADER;
    bool found = false;
    for (const auto& a : message.attributes)
    {
        if (a.type == Type::AT_MAC)
        {
            if (found)
            {
                return WireDecodeResult::Fail("two AT_MAC attributes", at);
            }
            found = true;
            offset = at + 4;
        }
        at += eapPacket[at + 1] * 4;
    }
    if (!found)
    {
        return WireDecodeResult::Fail("no AT_MAC attribute", EapCodec::HEADER + 1);
    }
    return {};
}

} // namespace

size_t
EapAkaCodec::GetAttributeSize(const EapAkaAttribute& a)
{
    switch (a.type)
    {
    case Type::AT_RAND:
    case Type::AT_AUTN:
    case Type::AT_MAC:
        return 20;
    case Type::AT_AUTS:
        return 16;
    case Type::AT_RES:
    case Type::AT_IDENTITY:
    case Type::AT_CHECKCODE:
        return 4 + Pad4(a.value.size());
    case Type::AT_NOTIFICATION:
    case Type::AT_COUNTER:
    case Type::AT_CLIENT_ERROR_CODE:
    case Type::AT_PERMANENT_ID_REQ:
    case Type::AT_ANY_ID_REQ:
    case Type::AT_FULLAUTH_ID_REQ:
        return 4;
    case Type::AT_PADDING:
        break;
    }
    return 2 + a.value.size();
}

std::vector<uint8_t>
EapAkaCodec::Encode(const EapAkaMessage& message)
{
    std::vector<uint8_t> out;
    WireWriter w(out);
    w.U8(static_cast<uint8_t>(message.subtype));
    w.U16(0);
    for (const auto& a : message.attributes)
    {
        const size_t size = GetAttributeSize(a);
        NS_ABORT_MSG_IF(size % 4 != 0 || size / 4 > 255,
                        "EAP-AKA attribute " << +static_cast<uint8_t>(a.type) << " of " << size
                                             << " octets");
        const size_t start = out.size();
        w.U8(static_cast<uint8_t>(a.type));
        w.U8(static_cast<uint8_t>(size / 4));
        switch (a.type)
        {
        case Type::AT_RAND:
        case Type::AT_AUTN:
        case Type::AT_MAC:
            NS_ABORT_MSG_IF(a.value.size() != 16, "EAP-AKA RAND/AUTN/MAC not 16 octets");
            w.U16(0);
            break;
        case Type::AT_CHECKCODE:
            NS_ABORT_MSG_IF(a.value.size() != 0 && a.value.size() != 20 && a.value.size() != 32,
                            "EAP-AKA AT_CHECKCODE of " << a.value.size() << " octets");
            w.U16(0);
            break;
        case Type::AT_AUTS:
            NS_ABORT_MSG_IF(a.value.size() != 14, "EAP-AKA AUTS not 14 octets");
            break;
        case Type::AT_RES:
            NS_ABORT_MSG_IF(a.number < 32 || a.number > 128 ||
                                a.value.size() != static_cast<size_t>((a.number + 7) / 8),
                            "EAP-AKA RES of " << a.value.size() << " octets, " << a.number
                                              << " bits");
            w.U16(a.number);
            break;
        case Type::AT_IDENTITY:
            w.U16(static_cast<uint16_t>(a.value.size()));
            break;
        case Type::AT_NOTIFICATION:
        case Type::AT_COUNTER:
        case Type::AT_CLIENT_ERROR_CODE:
            w.U16(a.number);
            break;
        case Type::AT_PERMANENT_ID_REQ:
        case Type::AT_ANY_ID_REQ:
        case Type::AT_FULLAUTH_ID_REQ:
            w.U16(0);
            break;
        case Type::AT_PADDING:
            NS_ABORT_MSG_IF(size > 12, "EAP-AKA AT_PADDING of " << size << " octets");
            break;
        default:
            NS_ABORT_MSG_IF(static_cast<uint8_t>(a.type) < 128,
                            "EAP-AKA non-skippable attribute " << +static_cast<uint8_t>(a.type)
                                                               << " unknown");
            break;
        }
        w.Raw(a.value);
        out.resize(start + size, 0); // padding to the Length (§8.1)
    }
    return out;
}

WireDecodeResult
EapAkaCodec::Decode(const std::vector<uint8_t>& typeData, EapAkaMessage& message)
{
    message.attributes.clear();
    WireReader r(typeData);
    const uint8_t subtype = r.U8();
    r.Skip(2);
    if (!r.Ok())
    {
        return WireDecodeResult::Fail("EAP-AKA type-data of " + std::to_string(typeData.size()) +
                                          " octets, 3 needed (Subtype, Reserved)",
                                      0);
    }
    if (!IsKnownSubtype(subtype))
    {
        return WireDecodeResult::Fail("EAP-AKA Subtype " + std::to_string(subtype) + " unknown", 0);
    }
    message.subtype = static_cast<EapAkaSubtype>(subtype);
    while (r.GetRemaining() > 0)
    {
        const size_t at = r.GetOffset();
        const uint8_t type = r.U8();
        const uint8_t length = r.U8();
        const std::string name = "EAP-AKA attribute " + std::to_string(type) + ": ";
        if (!r.Ok())
        {
            return WireDecodeResult::Fail(name + "truncated header", at);
        }
        if (length == 0)
        {
            return WireDecodeResult::Fail(name + "Length 0 (RFC 4187 §8.1)", at);
        }
        if (length * 4u - 2 > r.GetRemaining())
        {
            return WireDecodeResult::Fail(name + "Length " + std::to_string(length) +
                                              " runs past the packet",
                                          at);
        }
        std::vector<uint8_t> body = r.Bytes(length * 4u - 2);
        EapAkaAttribute a;
        if (!IsKnownAttribute(type))
        {
            if (type < 128)
            {
                return WireDecodeResult::Fail(name + "unknown non-skippable (RFC 4187 §8.1)", at);
            }
            a.type = static_cast<Type>(type);
            a.value = std::move(body);
            message.attributes.push_back(std::move(a));
            continue;
        }
        const std::string error = ReadBody(static_cast<Type>(type), body, a);
        if (!error.empty())
        {
            return WireDecodeResult::Fail(name + error, at);
        }
        message.attributes.push_back(std::move(a));
    }
    return {};
}

WireDecodeResult
EapAkaCodec::ComputeMac(const std::vector<uint8_t>& eapPacket,
                        const std::vector<uint8_t>& kAut,
                        const std::vector<uint8_t>& extra,
                        std::vector<uint8_t>& mac)
{
    size_t offset = 0;
    WireDecodeResult result = FindMac(eapPacket, offset);
    if (!result.IsOk())
    {
        return result;
    }
    std::vector<uint8_t> input(eapPacket.begin(),
                               eapPacket.begin() + WireReadU16(eapPacket.data() + 2));
    std::fill(input.begin() + offset, input.begin() + offset + MAC_SIZE, 0);
    input.insert(input.end(), extra.begin(), extra.end());
    mac = CryptoMac::Hmac(CryptoHash::SHA1, kAut, input);
    mac.resize(MAC_SIZE);
    return {};
}

WireDecodeResult
EapAkaCodec::SetMac(std::vector<uint8_t>& eapPacket,
                    const std::vector<uint8_t>& kAut,
                    const std::vector<uint8_t>& extra)
{
    std::vector<uint8_t> mac;
    WireDecodeResult result = ComputeMac(eapPacket, kAut, extra, mac);
    if (!result.IsOk())
    {
        return result;
    }
    size_t offset = 0;
    FindMac(eapPacket, offset);
    std::copy(mac.begin(), mac.end(), eapPacket.begin() + offset);
    return {};
}

WireDecodeResult
EapAkaCodec::VerifyMac(const std::vector<uint8_t>& eapPacket,
                       const std::vector<uint8_t>& kAut,
                       const std::vector<uint8_t>& extra)
{
    std::vector<uint8_t> mac;
    WireDecodeResult result = ComputeMac(eapPacket, kAut, extra, mac);
    if (!result.IsOk())
    {
        return result;
    }
    size_t offset = 0;
    FindMac(eapPacket, offset);
    const std::vector<uint8_t> received(eapPacket.begin() + offset,
                                        eapPacket.begin() + offset + MAC_SIZE);
    if (!CryptoMac::ConstantTimeEqual(mac, received))
    {
        return WireDecodeResult::Fail("EAP-AKA AT_MAC does not verify (RFC 4187 §10.15)", offset);
    }
    return {};
}

WireDecodeResult
EapAkaCodec::SetMac(EapPacket& packet,
                    const std::vector<uint8_t>& kAut,
                    const std::vector<uint8_t>& extra)
{
    std::vector<uint8_t> octets = EapCodec::Encode(packet);
    WireDecodeResult result = SetMac(octets, kAut, extra);
    if (!result.IsOk())
    {
        return result;
    }
    packet.typeData.assign(octets.begin() + EapCodec::HEADER + 1, octets.end());
    return {};
}

WireDecodeResult
EapAkaCodec::VerifyMac(const EapPacket& packet,
                       const std::vector<uint8_t>& kAut,
                       const std::vector<uint8_t>& extra)
{
    return VerifyMac(EapCodec::Encode(packet), kAut, extra);
}

const EapAkaAttribute*
EapAkaCodec::Find(const EapAkaMessage& message, EapAkaAttributeType type)
{
    for (const auto& a : message.attributes)
    {
        if (a.type == type)
        {
            return &a;
        }
    }
    return nullptr;
}

} // namespace ns3
