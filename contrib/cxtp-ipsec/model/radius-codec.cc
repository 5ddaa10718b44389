/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "radius-codec.h"

#include "eap-codec.h"
#include "wire-reader.h"
#include "wire-writer.h"

#include "ns3/abort.h"

#include <algorithm>

namespace ns3
{

namespace
{

using Type = RadiusAttributeType;

/**
 * \param code a Code octet
 * \return true if it is one of the four Access codes
 */
bool
IsKnownCode(uint8_t code)
{
    switch (static_cast<RadiusCode>(code))
    {
    case RadiusCode::ACCESS_REQUEST:
    case RadiusCode::ACCESS_ACCEPT:
    case RadiusCode::ACCESS_REJECT:
    case RadiusCode::ACCESS_CHALLENGE:
        return true;
    }
    return false;
}

/**
 * \param type an attribute type
 * \param size the size of its value
 * \return the empty string if the size fits the type, or what is wrong
 */
std::string
CheckValueSize(uint8_t type, size_t size)
{
    size_t fixed = 0;
    switch (static_cast<Type>(type))
    {
    case Type::NAS_IP_ADDRESS:
    case Type::SERVICE_TYPE:
    case Type::FRAMED_MTU:
    case Type::SESSION_TIMEOUT:
    case Type::NAS_PORT_TYPE:
        fixed = 4;
        break;
    case Type::NAS_IPV6_ADDRESS:
    case Type::MESSAGE_AUTHENTICATOR:
        fixed = 16;
        break;
    case Type::VENDOR_SPECIFIC:
        if (size < 5)
        {
            return "Vendor-Specific value of " + std::to_string(size) +
                   " octets, at least 5 (RFC 2865 §5.26)";
        }
        return "";
    default:
        return "";
    }
    if (size != fixed)
    {
        return "value of " + std::to_string(size) + " octets, must be " + std::to_string(fixed);
    }
    return "";
}

} // namespace

std::vector<uint8_t>
RadiusCodec::Encode(const RadiusPacket& packet)
{
    NS_ABORT_MSG_IF(packet.authenticator.size() != 16,
                    "RADIUS Authenticator of " << packet.authenticator.size() << " octets");
    size_t length = HEADER;
    for (const auto& a : packet.attributes)
    {
        NS_ABORT_MSG_IF(a.value.empty() || a.value.size() > MAX_VALUE,
                        "RADIUS attribute " << +static_cast<uint8_t>(a.type) << " value of "
                                            << a.value.size() << " octets");
        length += 2 + a.value.size();
    }
    NS_ABORT_MSG_IF(length > MAX_LENGTH, "RADIUS packet of " << length << " octets");
    std::vector<uint8_t> out;
    out.reserve(length);
    WireWriter w(out);
    w.U8(static_cast<uint8_t>(packet.code));
    w.U8(packet.identifier);
    w.U16(static_cast<uint16_t>(length));
    w.Raw(packet.authenticator);
    for (const auto& a : packet.attributes)
    {
        w.U8(static_cast<uint8_t>(a.type));
        w.U8(static_cast<uint8_t>(2 + a.value.size()));
        w.Raw(a.value);
    }
    return out;
}

WireDecodeResult
RadiusCodec::Decode(const uint8_t* data, size_t size, RadiusPacket& packet)
{
    packet.attributes.clear();
    WireReader r(data, size);
    const uint8_t code = r.U8();
    packet.identifier = r.U8();
    const uint16_t length = r.U16();
    packet.authenticator = r.Bytes(16);
    if (!r.Ok())
    {
        return WireDecodeResult::Fail("RADIUS packet of " + std::to_string(size) +
                                          " octets, 20 needed",
                                      0);
    }
    if (!IsKnownCode(code))
    {
        return WireDecodeResult::Fail("RADIUS Code " + std::to_string(code) + " not handled", 0);
    }
    packet.code = static_cast<RadiusCode>(code);
    if (length < HEADER || length > MAX_LENGTH)
    {
        return WireDecodeResult::Fail("RADIUS Length " + std::to_string(length) +
                                          " outside 20-4096 (RFC 2865 §3)",
                                      2);
    }
    if (length > size)
    {
        return WireDecodeResult::Fail("RADIUS Length " + std::to_string(length) + " exceeds the " +
                                          std::to_string(size) + " octets received",
                                      2);
    }
    WireReader attrs(data, length);
    attrs.Skip(HEADER);
    while (attrs.GetRemaining() > 0)
    {
        const size_t at = attrs.GetOffset();
        const uint8_t type = attrs.U8();
        const uint8_t alen = attrs.U8();
        const std::string name = "RADIUS attribute " + std::to_string(type) + ": ";
        if (!attrs.Ok())
        {
            return WireDecodeResult::Fail(name + "truncated header", at);
        }
        if (alen < 2)
        {
            return WireDecodeResult::Fail(name + "Length " + std::to_string(alen) +
                                              " below 2 (RFC 2865 §5)",
                                          at);
        }
        if (alen == 2)
        {
            return WireDecodeResult::Fail(name + "empty value", at);
        }
        if (alen - 2u > attrs.GetRemaining())
        {
            return WireDecodeResult::Fail(name + "Length " + std::to_string(alen) +
                                              " runs past the packet Length",
                                          at);
        }
        RadiusAttribute a;
        a.type = static_cast<Type>(type);
        a.value = attrs.Bytes(alen - 2u);
        const std::string error = CheckValueSize(type, a.value.size());
        if (!error.empty())
        {
            return WireDecodeResult::Fail(name + error, at);
        }
        packet.attributes.push_back(std::move(a));
    }
    WireDecodeResult ok;
    ok.offset = length;
    return ok;
}

WireDecodeResult
RadiusCodec::Decode(const std::vector<uint8_t>& bytes, RadiusPacket& packet)
{
    return Decode(bytes.data(), bytes.size(), packet);
}

RadiusAttribute
RadiusCodec::MakeString(RadiusAttributeType type, const std::string& text)
{
    return RadiusAttribute{type, std::vector<uint8_t>(text.begin(), text.end())};
}

RadiusAttribute
RadiusCodec::MakeInteger(RadiusAttributeType type, uint32_t value)
{
    std::vector<uint8_t> v;
    WireWriter(v).U32(value);
    return RadiusAttribute{type, v};
}

RadiusAttribute
RadiusCodec::MakeNasIpAddress(Ipv4Address address)
{
    return MakeInteger(Type::NAS_IP_ADDRESS, address.Get());
}

RadiusAttribute
RadiusCodec::MakeNasIpv6Address(Ipv6Address address)
{
    std::vector<uint8_t> v;
    WireWriter(v).Ipv6(address);
    return RadiusAttribute{Type::NAS_IPV6_ADDRESS, v};
}

std::string
RadiusCodec::GetString(const RadiusAttribute& attribute)
{
    return std::string(attribute.value.begin(), attribute.value.end());
}

uint32_t
RadiusCodec::GetInteger(const RadiusAttribute& attribute)
{
    return attribute.value.size() == 4 ? WireReadU32(attribute.value.data()) : 0;
}

const RadiusAttribute*
RadiusCodec::Find(const RadiusPacket& packet, RadiusAttributeType type)
{
    for (const auto& a : packet.attributes)
    {
        if (a.type == type)
        {
            return &a;
        }
    }
    return nullptr;
}

std::vector<RadiusAttribute>
RadiusCodec::SplitEapMessage(const std::vector<uint8_t>& eapPacket)
{
    NS_ABORT_MSG_IF(eapPacket.empty(), "empty EAP-Message");
    std::vector<RadiusAttribute> out;
    for (size_t at = 0; at < eapPacket.size(); at += MAX_VALUE)
    {
        const size_t n = std::min(MAX_VALUE, eapPacket.size() - at);
        out.push_back(RadiusAttribute{
            Type::EAP_MESSAGE,
            std::vector<uint8_t>(eapPacket.begin() + at, eapPacket.begin() + at + n)});
    }
    return out;
}

WireDecodeResult
RadiusCodec::GetEapMessage(const RadiusPacket& packet,
                           EapPacket& eap,
                           std::vector<uint8_t>* eapBytes)
{
    std::vector<uint8_t> bytes;
    for (const auto& a : packet.attributes)
    {
        if (a.type == Type::EAP_MESSAGE)
        {
            bytes.insert(bytes.end(), a.value.begin(), a.value.end());
        }
    }
    if (bytes.empty())
    {
        return WireDecodeResult::Fail("no EAP-Message attribute", 0);
    }
    WireDecodeResult result = EapCodec::Decode(bytes, eap);
    if (!result.IsOk())
    {
        return WireDecodeResult::Fail("EAP-Message pieces do not form an EAP packet: " +
                                          result.reason,
                                      result.offset);
    }
    if (result.offset != bytes.size())
    {
        return WireDecodeResult::Fail("EAP-Message of " + std::to_string(bytes.size()) +
                                          " octets holds an EAP packet of " +
                                          std::to_string(result.offset) + " (RFC 3579 §3.1)",
                                      result.offset);
    }
    if (eapBytes != nullptr)
    {
        *eapBytes = std::move(bytes);
    }
    return {};
}

RadiusAttribute
RadiusCodec::MakeVendorSpecific(uint32_t vendorId,
                                uint8_t vendorType,
                                const std::vector<uint8_t>& data)
{
    NS_ABORT_MSG_IF(data.size() > MAX_VALUE - 6, "Vendor-Specific data of " << data.size());
    std::vector<uint8_t> v;
    WireWriter w(v);
    w.U32(vendorId);
    w.U8(vendorType);
    w.U8(static_cast<uint8_t>(2 + data.size()));
    w.Raw(data);
    return RadiusAttribute{Type::VENDOR_SPECIFIC, v};
}

WireDecodeResult
RadiusCodec::GetVendorSpecific(const RadiusAttribute& attribute,
                               uint32_t& vendorId,
                               uint8_t& vendorType,
                               std::vector<uint8_t>& data)
{
    if (attribute.type != Type::VENDOR_SPECIFIC)
    {
        return WireDecodeResult::Fail("not a Vendor-Specific attribute", 0);
    }
    WireReader r(attribute.value);
    vendorId = r.U32();
    vendorType = r.U8();
    const uint8_t vendorLength = r.U8();
    if (!r.Ok())
    {
        return WireDecodeResult::Fail("Vendor-Specific value of " +
                                          std::to_string(attribute.value.size()) +
                                          " octets, at least 6",
                                      0);
    }
    if (vendorLength < 2 || vendorLength - 2u != r.GetRemaining())
    {
        return WireDecodeResult::Fail("Vendor-Specific vendor length " +
                                          std::to_string(vendorLength) + " does not fill the " +
                                          std::to_string(attribute.value.size() - 4) +
                                          " octets after the Vendor-Id",
                                      5);
    }
    data = r.Bytes(r.GetRemaining());
    return {};
}

} // namespace ns3
