/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "eap-codec.h"

#include "wire-reader.h"
#include "wire-writer.h"

#include "ns3/abort.h"

namespace ns3
{

std::vector<uint8_t>
EapCodec::Encode(const EapPacket& packet)
{
    const bool hasType = packet.code == EapCode::REQUEST || packet.code == EapCode::RESPONSE;
    const size_t length = hasType ? HEADER + 1 + packet.typeData.size() : HEADER;
    NS_ABORT_MSG_IF(length > 0xffff, "EAP packet of " << length << " octets");
    std::vector<uint8_t> out;
    out.reserve(length);
    WireWriter w(out);
    w.U8(static_cast<uint8_t>(packet.code));
    w.U8(packet.identifier);
    w.U16(static_cast<uint16_t>(length));
    if (hasType)
    {
        w.U8(static_cast<uint8_t>(packet.type));
        w.Raw(packet.typeData);
    }
    return out;
}

WireDecodeResult
EapCodec::Decode(const uint8_t* data, size_t size, EapPacket& packet)
{
    WireReader r(data, size);
    const uint8_t code = r.U8();
    packet.identifier = r.U8();
    const uint16_t length = r.U16();
    if (!r.Ok())
    {
        return WireDecodeResult::Fail("EAP header truncated: " + std::to_string(size) +
                                          " octets, 4 needed",
                                      0);
    }
    if (code < 1 || code > 4)
    {
        return WireDecodeResult::Fail("EAP code " + std::to_string(code) + " unknown", 0);
    }
    packet.code = static_cast<EapCode>(code);
    packet.type = EapType::NONE;
    packet.typeData.clear();
    if (length > size)
    {
        return WireDecodeResult::Fail("EAP Length " + std::to_string(length) + " exceeds the " +
                                          std::to_string(size) + " octets received",
                                      2);
    }
    if (packet.code == EapCode::SUCCESS || packet.code == EapCode::FAILURE)
    {
        if (length != HEADER)
        {
            return WireDecodeResult::Fail("EAP Success/Failure with Length " +
                                              std::to_string(length) +
                                              ", must be 4 (RFC 3748 §4.2)",
                                          2);
        }
        WireDecodeResult ok;
        ok.offset = length;
        return ok;
    }
    if (length < HEADER + 1)
    {
        return WireDecodeResult::Fail("EAP Request/Response Length " + std::to_string(length) +
                                          " below 5 (no Type)",
                                      2);
    }
    packet.type = static_cast<EapType>(r.U8());
    if (packet.type == EapType::EXPANDED)
    {
        return WireDecodeResult::Fail("EAP Expanded Type 254 not supported (RFC 3748 §5.7)", 4);
    }
    packet.typeData = r.Bytes(length - HEADER - 1);
    WireDecodeResult ok;
    ok.offset = length;
    return ok;
}

WireDecodeResult
EapCodec::Decode(const std::vector<uint8_t>& bytes, EapPacket& packet)
{
    return Decode(bytes.data(), bytes.size(), packet);
}

EapPacket
EapCodec::MakeIdentity(EapCode code, uint8_t identifier, const std::string& identity)
{
    EapPacket p;
    p.code = code;
    p.identifier = identifier;
    p.type = EapType::IDENTITY;
    p.typeData.assign(identity.begin(), identity.end());
    return p;
}

WireDecodeResult
EapCodec::GetIdentity(const EapPacket& packet, std::string& identity)
{
    if ((packet.code != EapCode::REQUEST && packet.code != EapCode::RESPONSE) ||
        packet.type != EapType::IDENTITY)
    {
        return WireDecodeResult::Fail("not an EAP Identity Request/Response", 0);
    }
    identity.assign(packet.typeData.begin(), packet.typeData.end());
    return {};
}

EapPacket
EapCodec::MakeNak(uint8_t identifier, const std::vector<EapType>& desired)
{
    EapPacket p;
    p.code = EapCode::RESPONSE;
    p.identifier = identifier;
    p.type = EapType::NAK;
    for (EapType t : desired)
    {
        p.typeData.push_back(static_cast<uint8_t>(t));
    }
    return p;
}

WireDecodeResult
EapCodec::GetNak(const EapPacket& packet, std::vector<EapType>& desired)
{
    desired.clear();
    if (packet.code != EapCode::RESPONSE || packet.type != EapType::NAK)
    {
        return WireDecodeResult::Fail("not an EAP Nak Response (RFC 3748 §5.3.1)", 0);
    }
    if (packet.typeData.empty())
    {
        return WireDecodeResult::Fail("EAP Nak with no desired type", HEADER + 1);
    }
    for (size_t i = 0; i < packet.typeData.size(); ++i)
    {
        const uint8_t t = packet.typeData[i];
        // §5.3.1: 0 means "no alternative", alone; types 1-3 are not authentication methods.
        if ((t == 0 && packet.typeData.size() != 1) || (t >= 1 && t <= 3))
        {
            return WireDecodeResult::Fail("EAP Nak desired type " + std::to_string(t) +
                                              " not allowed (RFC 3748 §5.3.1)",
                                          HEADER + 1 + i);
        }
        desired.push_back(static_cast<EapType>(t));
    }
    return {};
}

} // namespace ns3
