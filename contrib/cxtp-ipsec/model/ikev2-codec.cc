/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-codec.h"

#include "ikev2-payload-codec.h"
#include "wire-reader.h"

#include "ns3/abort.h"

#include <string>

namespace ns3
{

namespace
{

/**
 * \param type a payload type
 * \return its number, for messages
 */
std::string
TypeString(Ikev2PayloadType type)
{
    return std::to_string(static_cast<unsigned>(type));
}

/**
 * \param v a byte string
 * \return its size as a payload body contribution
 */
uint32_t
Size(const std::vector<uint8_t>& v)
{
    return static_cast<uint32_t>(v.size());
}

/**
 * \brief Takes an SK payload found in a message's payload chain (RFC 7296 §3.14): it must be the
 * last payload, and there must be no SK payload inside another one.
 * \param r the reader, after the SK payload
 * \param at the SK payload's offset
 * \param first its Next Payload field: the type of the first inner payload
 * \param critical its C bit
 * \param body the octets after its generic header
 * \param sk where the sealed payload goes; null inside an SK payload
 * \param pending the result to return when the SK payload is acceptable
 * \return pending, or BAD_ENCRYPTED
 */
Ikev2DecodeResult
TakeEncrypted(const WireReader& r,
              size_t at,
              Ikev2PayloadType first,
              bool critical,
              std::vector<uint8_t> body,
              std::optional<Ikev2EncryptedPayload>* sk,
              const Ikev2DecodeResult& pending)
{
    if (sk == nullptr)
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_ENCRYPTED,
                                       "Encrypted payload inside an Encrypted payload",
                                       at);
    }
    if (r.GetRemaining() != 0)
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_ENCRYPTED,
                                       std::to_string(r.GetRemaining()) +
                                           " octets after the Encrypted payload, which must be "
                                           "last",
                                       at);
    }
    if (body.empty())
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_ENCRYPTED,
                                       "empty Encrypted payload",
                                       at);
    }
    Ikev2EncryptedPayload& e = sk->emplace();
    e.critical = critical;
    e.sealed = true;
    e.firstPayload = first;
    e.body = std::move(body);
    return pending;
}

/**
 * \brief Reads a payload chain up to Next Payload NONE or an SK payload, then checks that no
 * octet is left; an unknown critical payload is reported once the whole chain has been read.
 * \param r the reader, at the first payload
 * \param first the type of the first payload
 * \param [out] out the payloads, appended
 * \param sk where an SK payload goes; null for a chain inside an SK payload
 * \return OK, UNSUPPORTED_CRITICAL_PAYLOAD or the first error (offsets from the reader's start)
 */
Ikev2DecodeResult
ReadChain(WireReader& r,
          Ikev2PayloadType first,
          std::vector<Ikev2Payload>& out,
          std::optional<Ikev2EncryptedPayload>* sk)
{
    Ikev2DecodeResult pending; // the first unknown critical payload
    Ikev2PayloadType type = first;
    while (type != Ikev2PayloadType::NONE)
    {
        const size_t at = r.GetOffset();
        const auto next = static_cast<Ikev2PayloadType>(r.U8());
        const bool critical = (r.U8() & Ikev2::CRITICAL) != 0;
        const uint16_t length = r.U16();
        if (!r.Ok())
        {
            return Ikev2DecodeResult::Fail(Ikev2DecodeError::TRUNCATED,
                                           "truncated generic header of payload type " +
                                               TypeString(type),
                                           at);
        }
        if (length < Ikev2::PAYLOAD_HEADER)
        {
            return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_LENGTH,
                                           "payload length " + std::to_string(length) + " below 4",
                                           at);
        }
        if (length - Ikev2::PAYLOAD_HEADER > r.GetRemaining())
        {
            return Ikev2DecodeResult::Fail(
                Ikev2DecodeError::BAD_LENGTH,
                "payload length " + std::to_string(length) + " exceeds the " +
                    std::to_string(r.GetRemaining() + Ikev2::PAYLOAD_HEADER) + " octets left",
                at);
        }
        std::vector<uint8_t> body = r.Bytes(length - Ikev2::PAYLOAD_HEADER);
        if (type == Ikev2PayloadType::SK)
        {
            return TakeEncrypted(r, at, next, critical, std::move(body), sk, pending);
        }
        Ikev2DecodeResult result = Ikev2PayloadCodec::ReadBody(type, body, at, critical, out);
        if (!result.IsOk())
        {
            return result;
        }
        if (!Ikev2PayloadCodec::IsKnownType(type) && critical && pending.IsOk())
        {
            pending = Ikev2DecodeResult::Fail(Ikev2DecodeError::UNSUPPORTED_CRITICAL_PAYLOAD,
                                              "unknown critical payload type " + TypeString(type),
                                              at);
            pending.unsupportedType = type;
        }
        type = next;
    }
    if (r.GetRemaining() != 0)
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_LENGTH,
                                       std::to_string(r.GetRemaining()) +
                                           " octets after the last payload",
                                       r.GetOffset());
    }
    return pending;
}

} // namespace

std::vector<uint8_t>
Ikev2Codec::EncodeHeader(const Ikev2Header& header)
{
    std::vector<uint8_t> out;
    out.reserve(Ikev2::HEADER_SIZE);
    WireWriter w(out);
    w.U64(header.initiatorSpi);
    w.U64(header.responderSpi);
    w.U8(static_cast<uint8_t>(header.nextPayload));
    w.U8(header.version);
    w.U8(static_cast<uint8_t>(header.exchangeType));
    w.U8(header.GetFlags());
    w.U32(header.messageId);
    w.U32(header.length);
    return out;
}

Ikev2DecodeResult
Ikev2Codec::DecodeHeader(const uint8_t* data, size_t size, Ikev2Header& header)
{
    WireReader r(data, size);
    header.initiatorSpi = r.U64();
    header.responderSpi = r.U64();
    header.nextPayload = static_cast<Ikev2PayloadType>(r.U8());
    header.version = r.U8();
    header.exchangeType = static_cast<Ikev2ExchangeType>(r.U8());
    header.SetFlags(r.U8());
    header.messageId = r.U32();
    header.length = r.U32();
    if (!r.Ok())
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::TRUNCATED,
                                       "message of " + std::to_string(size) +
                                           " octets shorter than the 28-octet IKE header",
                                       0);
    }
    return Ikev2DecodeResult{};
}

Ikev2DecodeResult
Ikev2Codec::DecodeHeader(const std::vector<uint8_t>& bytes, Ikev2Header& header)
{
    return DecodeHeader(bytes.data(), bytes.size(), header);
}

void
Ikev2Codec::WriteGenericHeader(WireWriter& w, Ikev2PayloadType next, bool critical, uint32_t length)
{
    NS_ABORT_MSG_IF(length > 0xFFFF, "Ikev2Codec: payload of " << length << " octets");
    w.U8(static_cast<uint8_t>(next));
    w.U8(critical ? Ikev2::CRITICAL : 0);
    w.U16(static_cast<uint16_t>(length));
}

std::vector<uint8_t>
Ikev2Codec::EncodePayloads(const std::vector<Ikev2Payload>& payloads,
                           Ikev2PayloadType nextAfterLast)
{
    std::vector<uint8_t> out;
    out.reserve(GetPayloadsSize(payloads));
    WireWriter w(out);
    for (size_t i = 0; i < payloads.size(); ++i)
    {
        const Ikev2PayloadType next =
            i + 1 < payloads.size() ? GetIkev2PayloadType(payloads[i + 1]) : nextAfterLast;
        WriteGenericHeader(w,
                           next,
                           IsIkev2PayloadCritical(payloads[i]),
                           GetPayloadSize(payloads[i]));
        Ikev2PayloadCodec::WriteBody(w, payloads[i]);
    }
    NS_ABORT_MSG_IF(out.size() != GetPayloadsSize(payloads), "Ikev2Codec: size mismatch");
    return out;
}

Ikev2DecodeResult
Ikev2Codec::DecodePayloads(const uint8_t* data,
                           size_t size,
                           Ikev2PayloadType first,
                           std::vector<Ikev2Payload>& out)
{
    WireReader r(data, size);
    return ReadChain(r, first, out, nullptr);
}

std::vector<uint8_t>
Ikev2Codec::EncodeMessage(const Ikev2Message& message)
{
    const bool hasSk = message.encrypted.has_value();
    NS_ABORT_MSG_IF(hasSk && !message.encrypted->sealed,
                    "Ikev2Codec::EncodeMessage: an open SK payload needs Ikev2Protection");
    Ikev2Header h = message.header;
    const Ikev2PayloadType afterClear = hasSk ? Ikev2PayloadType::SK : Ikev2PayloadType::NONE;
    std::vector<uint8_t> clear = EncodePayloads(message.payloads, afterClear);
    const uint32_t skSize = hasSk ? Ikev2::PAYLOAD_HEADER + Size(message.encrypted->body) : 0;
    h.nextPayload =
        message.payloads.empty() ? afterClear : GetIkev2PayloadType(message.payloads.front());
    h.length = Ikev2::HEADER_SIZE + Size(clear) + skSize;
    std::vector<uint8_t> out = EncodeHeader(h);
    out.reserve(h.length);
    WireWriter w(out);
    w.Raw(clear);
    if (hasSk)
    {
        WriteGenericHeader(w, message.encrypted->firstPayload, message.encrypted->critical, skSize);
        w.Raw(message.encrypted->body);
    }
    return out;
}

Ikev2DecodeResult
Ikev2Codec::DecodeMessage(const std::vector<uint8_t>& bytes, Ikev2Message& message)
{
    message = Ikev2Message{};
    Ikev2DecodeResult result = DecodeHeader(bytes, message.header);
    if (!result.IsOk())
    {
        return result;
    }
    const Ikev2Header& h = message.header;
    if (h.GetMajorVersion() != 2)
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_VERSION,
                                       "major version " + std::to_string(h.GetMajorVersion()) +
                                           ", not 2",
                                       17);
    }
    if (h.length != bytes.size())
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_LENGTH,
                                       "message length " + std::to_string(h.length) +
                                           " differs from " + std::to_string(bytes.size()) +
                                           " received",
                                       24);
    }
    WireReader r(bytes);
    r.Skip(Ikev2::HEADER_SIZE);
    return ReadChain(r, h.nextPayload, message.payloads, &message.encrypted);
}

uint32_t
Ikev2Codec::GetPayloadSize(const Ikev2Payload& payload)
{
    return Ikev2::PAYLOAD_HEADER + Ikev2PayloadCodec::GetBodySize(payload);
}

uint32_t
Ikev2Codec::GetPayloadsSize(const std::vector<Ikev2Payload>& payloads)
{
    uint32_t size = 0;
    for (const auto& p : payloads)
    {
        size += GetPayloadSize(p);
    }
    return size;
}

} // namespace ns3
