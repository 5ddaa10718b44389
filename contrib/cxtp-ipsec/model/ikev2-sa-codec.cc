/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-sa-codec.h"

#include "wire-reader.h"

#include "ns3/abort.h"

#include <string>

namespace ns3
{

namespace
{

/// Size of the fixed part of a Proposal substructure, SPI excluded (RFC 7296 §3.3.1).
constexpr uint32_t PROPOSAL_FIXED = 8;
/// Size of the fixed part of a Transform substructure (RFC 7296 §3.3.2).
constexpr uint32_t TRANSFORM_FIXED = 8;
/// Size of an attribute's type and length/value fields (RFC 7296 §3.3.5).
constexpr uint32_t ATTRIBUTE_FIXED = 4;
/// Attribute Format bit: 1 = TV (RFC 7296 §3.3.5).
constexpr uint16_t ATTRIBUTE_AF = 0x8000;
/// Last Substruc of a proposal that another proposal follows (RFC 7296 §3.3.1).
constexpr uint8_t MORE_PROPOSALS = 2;
/// Last Substruc of a transform that another transform follows (RFC 7296 §3.3.2).
constexpr uint8_t MORE_TRANSFORMS = 3;

/**
 * \brief Reads the attributes that fill a transform (RFC 7296 §3.3.5).
 * \param bytes the octets after the transform's fixed part
 * \param base their offset in the message
 * \param [out] out the attributes
 * \return OK or BAD_ATTRIBUTE
 */
Ikev2DecodeResult
ReadAttributes(const std::vector<uint8_t>& bytes, size_t base, std::vector<Ikev2Attribute>& out)
{
    WireReader r(bytes);
    while (r.GetRemaining() > 0)
    {
        const size_t at = base + r.GetOffset();
        const uint16_t typeField = r.U16();
        const uint16_t lengthOrValue = r.U16();
        if (!r.Ok())
        {
            return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_ATTRIBUTE,
                                           "truncated transform attribute",
                                           at);
        }
        Ikev2Attribute a;
        a.type = typeField & static_cast<uint16_t>(~ATTRIBUTE_AF);
        a.tv = (typeField & ATTRIBUTE_AF) != 0;
        if (a.tv)
        {
            a.value = lengthOrValue;
        }
        else
        {
            a.data = r.Bytes(lengthOrValue);
            if (!r.Ok())
            {
                return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_ATTRIBUTE,
                                               "attribute length " + std::to_string(lengthOrValue) +
                                                   " runs past its transform",
                                               at);
            }
        }
        out.push_back(std::move(a));
    }
    return Ikev2DecodeResult{};
}

/**
 * \brief Reads one Transform substructure (RFC 7296 §3.3.2).
 * \param r the reader, at the transform
 * \param base the offset of the reader's first octet in the message
 * \param [out] t the transform
 * \param [out] last true if its Last Substruc is 0
 * \return OK or the first error
 */
Ikev2DecodeResult
ReadTransform(WireReader& r, size_t base, Ikev2Transform& t, bool& last)
{
    const size_t at = base + r.GetOffset();
    const uint8_t lastSubstruc = r.U8();
    r.Skip(1);
    const uint16_t length = r.U16();
    t.type = static_cast<Ikev2TransformType>(r.U8());
    r.Skip(1);
    t.id = r.U16();
    if (!r.Ok())
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_LENGTH,
                                       "truncated transform header",
                                       at);
    }
    if (lastSubstruc != 0 && lastSubstruc != MORE_TRANSFORMS)
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_PROPOSAL,
                                       "transform Last Substruc " + std::to_string(lastSubstruc) +
                                           ", not 0 or 3",
                                       at);
    }
    if (length < TRANSFORM_FIXED)
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_LENGTH,
                                       "transform length " + std::to_string(length) + " below 8",
                                       at);
    }
    const std::vector<uint8_t> attributes = r.Bytes(length - TRANSFORM_FIXED);
    if (!r.Ok())
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_LENGTH,
                                       "transform length " + std::to_string(length) +
                                           " runs past its proposal",
                                       at);
    }
    last = (lastSubstruc == 0);
    return ReadAttributes(attributes, at + TRANSFORM_FIXED, t.attributes);
}

/**
 * \brief Reads the transforms that fill a proposal after its SPI.
 * \param bytes the octets after the SPI
 * \param base their offset in the message
 * \param announced the proposal's Num Transforms
 * \param [out] prop the proposal, whose transforms are appended
 * \return OK or the first error
 */
Ikev2DecodeResult
ReadTransforms(const std::vector<uint8_t>& bytes,
               size_t base,
               uint8_t announced,
               Ikev2Proposal& prop)
{
    WireReader r(bytes);
    bool last = false;
    while (r.GetRemaining() > 0)
    {
        if (last)
        {
            return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_PROPOSAL,
                                           "octets after the last transform (Last Substruc 0)",
                                           base + r.GetOffset());
        }
        Ikev2Transform t;
        Ikev2DecodeResult result = ReadTransform(r, base, t, last);
        if (!result.IsOk())
        {
            return result;
        }
        prop.transforms.push_back(std::move(t));
    }
    if (!prop.transforms.empty() && !last)
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_PROPOSAL,
                                       "last transform of a proposal says Last Substruc 3",
                                       base);
    }
    if (prop.transforms.size() != announced)
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_PROPOSAL,
                                       "proposal announces " + std::to_string(announced) +
                                           " transforms but holds " +
                                           std::to_string(prop.transforms.size()),
                                       base);
    }
    return Ikev2DecodeResult{};
}

/**
 * \brief Reads one Proposal substructure and its transforms (RFC 7296 §3.3.1).
 * \param r the reader, at the proposal
 * \param base the offset of the reader's first octet in the message
 * \param [out] prop the proposal
 * \param [out] last true if its Last Substruc is 0
 * \return OK or the first error
 */
Ikev2DecodeResult
ReadProposal(WireReader& r, size_t base, Ikev2Proposal& prop, bool& last)
{
    const size_t at = base + r.GetOffset();
    const uint8_t lastSubstruc = r.U8();
    r.Skip(1);
    const uint16_t length = r.U16();
    prop.number = r.U8();
    prop.protocolId = static_cast<Ikev2ProtocolId>(r.U8());
    const uint8_t spiSize = r.U8();
    const uint8_t announced = r.U8();
    if (!r.Ok())
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_LENGTH,
                                       "truncated proposal header",
                                       at);
    }
    if (lastSubstruc != 0 && lastSubstruc != MORE_PROPOSALS)
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_PROPOSAL,
                                       "proposal Last Substruc " + std::to_string(lastSubstruc) +
                                           ", not 0 or 2",
                                       at);
    }
    if (length < PROPOSAL_FIXED + spiSize)
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_LENGTH,
                                       "proposal length " + std::to_string(length) +
                                           " below 8 + SPI size " + std::to_string(spiSize),
                                       at);
    }
    prop.spi = r.Bytes(spiSize);
    const std::vector<uint8_t> transforms = r.Bytes(length - PROPOSAL_FIXED - spiSize);
    if (!r.Ok())
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_LENGTH,
                                       "proposal length " + std::to_string(length) +
                                           " runs past the SA payload",
                                       at);
    }
    last = (lastSubstruc == 0);
    return ReadTransforms(transforms, at + PROPOSAL_FIXED + spiSize, announced, prop);
}

} // namespace

uint32_t
Ikev2SaCodec::GetBodySize(const Ikev2SaPayload& sa)
{
    uint32_t size = 0;
    for (const auto& prop : sa.proposals)
    {
        size += prop.GetSerializedSize();
    }
    return size;
}

void
Ikev2SaCodec::Write(WireWriter& w, const Ikev2SaPayload& sa)
{
    for (size_t i = 0; i < sa.proposals.size(); ++i)
    {
        const Ikev2Proposal& prop = sa.proposals[i];
        const uint32_t size = prop.GetSerializedSize();
        NS_ABORT_MSG_IF(prop.spi.size() > 0xFF || prop.transforms.size() > 0xFF || size > 0xFFFF,
                        "Ikev2SaCodec: proposal with an SPI of "
                            << prop.spi.size() << " octets, " << prop.transforms.size()
                            << " transforms, " << size << " octets");
        w.U8(i + 1 < sa.proposals.size() ? MORE_PROPOSALS : 0);
        w.U8(0);
        w.U16(static_cast<uint16_t>(size));
        w.U8(prop.number);
        w.U8(static_cast<uint8_t>(prop.protocolId));
        w.U8(static_cast<uint8_t>(prop.spi.size()));
        w.U8(static_cast<uint8_t>(prop.transforms.size()));
        w.Raw(prop.spi);
        for (size_t j = 0; j < prop.transforms.size(); ++j)
        {
            const Ikev2Transform& t = prop.transforms[j];
            w.U8(j + 1 < prop.transforms.size() ? MORE_TRANSFORMS : 0);
            w.U8(0);
            w.U16(static_cast<uint16_t>(t.GetSerializedSize()));
            w.U8(static_cast<uint8_t>(t.type));
            w.U8(0);
            w.U16(t.id);
            for (const auto& a : t.attributes)
            {
                NS_ABORT_MSG_IF(a.type >= ATTRIBUTE_AF || a.data.size() > 0xFFFF,
                                "Ikev2SaCodec: attribute type " << a.type << " with "
                                                                << a.data.size() << " octets");
                w.U16(a.tv ? (ATTRIBUTE_AF | a.type) : a.type);
                w.U16(a.tv ? a.value : static_cast<uint16_t>(a.data.size()));
                if (!a.tv)
                {
                    w.Raw(a.data);
                }
            }
        }
    }
}

Ikev2DecodeResult
Ikev2SaCodec::Read(const std::vector<uint8_t>& body, size_t base, Ikev2SaPayload& sa)
{
    if (body.empty())
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_PROPOSAL,
                                       "SA payload without a proposal",
                                       base);
    }
    WireReader r(body);
    bool last = false;
    while (r.GetRemaining() > 0)
    {
        if (last)
        {
            return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_PROPOSAL,
                                           "octets after the last proposal (Last Substruc 0)",
                                           base + r.GetOffset());
        }
        Ikev2Proposal prop;
        Ikev2DecodeResult result = ReadProposal(r, base, prop, last);
        if (!result.IsOk())
        {
            return result;
        }
        sa.proposals.push_back(std::move(prop));
    }
    if (!last)
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_PROPOSAL,
                                       "last proposal of the SA payload says Last Substruc 2",
                                       base);
    }
    return Ikev2DecodeResult{};
}

} // namespace ns3
