/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev1-codec.h"

#include "wire-reader.h"
#include "wire-writer.h"

#include "ns3/abort.h"
#include "ns3/assert.h"

namespace ns3
{

namespace
{

/// Fixed part of the SA payload: generic header, DOI, situation (RFC 2408 §3.4).
constexpr uint32_t SA_FIXED = 12;
/// Fixed part of a Proposal payload, SPI excluded (RFC 2408 §3.5).
constexpr uint32_t PROPOSAL_FIXED = 8;
/// Fixed part of a Transform payload (RFC 2408 §3.6).
constexpr uint32_t TRANSFORM_FIXED = 8;
/// Fixed part of the ID payload in the IPsec DOI (RFC 2407 §4.6.2).
constexpr uint32_t ID_FIXED = 8;
/// Fixed part of the Notification payload, SPI excluded (RFC 2408 §3.14).
constexpr uint32_t NOTIFY_FIXED = 12;
/// Fixed part of the Delete payload, SPIs excluded (RFC 2408 §3.15).
constexpr uint32_t DELETE_FIXED = 12;
/// Size of a data attribute's type and length/value fields (RFC 2408 §3.3).
constexpr uint32_t ATTRIBUTE_FIXED = 4;
/// The Attribute Format bit: 1 = TV (RFC 2408 §3.3).
constexpr uint16_t ATTRIBUTE_AF = 0x8000;
/// First reserved payload type (RFC 2408 §3.1).
constexpr uint8_t FIRST_RESERVED_TYPE = 14;
/// First private-use payload type (RFC 2408 §3.1).
constexpr uint8_t FIRST_PRIVATE_TYPE = 128;

/// WireWriter with the ISAKMP generic payload header.
class Writer : public WireWriter
{
  public:
    using WireWriter::WireWriter;

    /**
     * \brief Writes a generic payload header (RFC 2408 §3.2).
     * \param next the next payload type
     * \param length the payload length, header included
     */
    void Generic(uint8_t next, uint32_t length)
    {
        NS_ASSERT_MSG(length <= 0xFFFF, "ISAKMP payload longer than 65535 bytes");
        U8(next);
        U8(0);
        U16(static_cast<uint16_t>(length));
    }
};

/**
 * \param error the error
 * \param reason what was wrong
 * \param offset where
 * \return the result
 */
Ikev1DecodeResult
Fail(Ikev1DecodeError error, const std::string& reason, size_t offset)
{
    Ikev1DecodeResult r;
    r.error = error;
    r.reason = reason;
    r.offset = offset;
    return r;
}

/// \param t a transform \return its size on the wire
uint32_t
TransformSize(const Ikev1Transform& t)
{
    uint32_t size = TRANSFORM_FIXED;
    for (const auto& a : t.attributes)
    {
        size += a.GetSerializedSize();
    }
    return size;
}

/// \param p a proposal \return its size on the wire
uint32_t
ProposalSize(const Ikev1Proposal& p)
{
    uint32_t size = PROPOSAL_FIXED + static_cast<uint32_t>(p.spi.size());
    for (const auto& t : p.transforms)
    {
        size += TransformSize(t);
    }
    return size;
}

/// Computes a payload's size on the wire.
struct SizeVisitor
{
    /// \param p the payload \return its size
    uint32_t operator()(const Ikev1SaPayload& p) const
    {
        uint32_t size = SA_FIXED;
        for (const auto& prop : p.proposals)
        {
            size += ProposalSize(prop);
        }
        return size;
    }

    /// \param p the payload \return its size
    uint32_t operator()(const Ikev1KePayload& p) const
    {
        return Ikev1Codec::GENERIC_HEADER_SIZE + static_cast<uint32_t>(p.data.size());
    }

    /// \param p the payload \return its size
    uint32_t operator()(const Ikev1IdPayload& p) const
    {
        return ID_FIXED + static_cast<uint32_t>(p.data.size());
    }

    /// \param p the payload \return its size
    uint32_t operator()(const Ikev1HashPayload& p) const
    {
        return Ikev1Codec::GENERIC_HEADER_SIZE + static_cast<uint32_t>(p.data.size());
    }

    /// \param p the payload \return its size
    uint32_t operator()(const Ikev1NoncePayload& p) const
    {
        return Ikev1Codec::GENERIC_HEADER_SIZE + static_cast<uint32_t>(p.data.size());
    }

    /// \param p the payload \return its size
    uint32_t operator()(const Ikev1NotifyPayload& p) const
    {
        return NOTIFY_FIXED + static_cast<uint32_t>(p.spi.size() + p.data.size());
    }

    /// \param p the payload \return its size
    uint32_t operator()(const Ikev1DeletePayload& p) const
    {
        return DELETE_FIXED +
               static_cast<uint32_t>(p.spiSize) * static_cast<uint32_t>(p.spis.size());
    }

    /// \param p the payload \return its size
    uint32_t operator()(const Ikev1VendorIdPayload& p) const
    {
        return Ikev1Codec::GENERIC_HEADER_SIZE + static_cast<uint32_t>(p.data.size());
    }

    /// \param p the payload \return its size
    uint32_t operator()(const Ikev1OpaquePayload& p) const
    {
        return Ikev1Codec::GENERIC_HEADER_SIZE + static_cast<uint32_t>(p.data.size());
    }
};

/// Writes a payload's body after its generic header has been written.
struct BodyVisitor
{
    Writer& w; ///< destination

    /// \param p the payload
    void operator()(const Ikev1SaPayload& p) const
    {
        w.U32(p.doi);
        w.U32(p.situation);
        for (size_t i = 0; i < p.proposals.size(); ++i)
        {
            const Ikev1Proposal& prop = p.proposals[i];
            NS_ASSERT_MSG(prop.spi.size() <= 0xFF, "SPI longer than 255 bytes");
            NS_ASSERT_MSG(prop.transforms.size() <= 0xFF, "more than 255 transforms");
            bool last = (i + 1 == p.proposals.size());
            w.Generic(last ? 0 : static_cast<uint8_t>(Ikev1PayloadType::PROPOSAL),
                      ProposalSize(prop));
            w.U8(prop.number);
            w.U8(prop.protocolId);
            w.U8(static_cast<uint8_t>(prop.spi.size()));
            w.U8(static_cast<uint8_t>(prop.transforms.size()));
            w.Raw(prop.spi);
            for (size_t j = 0; j < prop.transforms.size(); ++j)
            {
                const Ikev1Transform& t = prop.transforms[j];
                bool lastT = (j + 1 == prop.transforms.size());
                w.Generic(lastT ? 0 : static_cast<uint8_t>(Ikev1PayloadType::TRANSFORM),
                          TransformSize(t));
                w.U8(t.number);
                w.U8(t.id);
                w.U16(0);
                for (const auto& a : t.attributes)
                {
                    NS_ASSERT_MSG(a.type < ATTRIBUTE_AF, "attribute type has 15 bits");
                    if (a.tv)
                    {
                        w.U16(ATTRIBUTE_AF | a.type);
                        w.U16(a.value);
                    }
                    else
                    {
                        NS_ASSERT_MSG(a.data.size() <= 0xFFFF, "TLV attribute too long");
                        w.U16(a.type);
                        w.U16(static_cast<uint16_t>(a.data.size()));
                        w.Raw(a.data);
                    }
                }
            }
        }
    }

    /// \param p the payload
    void operator()(const Ikev1KePayload& p) const
    {
        w.Raw(p.data);
    }

    /// \param p the payload
    void operator()(const Ikev1IdPayload& p) const
    {
        w.U8(p.idType);
        w.U8(p.protocolId);
        w.U16(p.port);
        w.Raw(p.data);
    }

    /// \param p the payload
    void operator()(const Ikev1HashPayload& p) const
    {
        w.Raw(p.data);
    }

    /// \param p the payload
    void operator()(const Ikev1NoncePayload& p) const
    {
        w.Raw(p.data);
    }

    /// \param p the payload
    void operator()(const Ikev1NotifyPayload& p) const
    {
        NS_ASSERT_MSG(p.spi.size() <= 0xFF, "SPI longer than 255 bytes");
        w.U32(p.doi);
        w.U8(p.protocolId);
        w.U8(static_cast<uint8_t>(p.spi.size()));
        w.U16(p.type);
        w.Raw(p.spi);
        w.Raw(p.data);
    }

    /// \param p the payload
    void operator()(const Ikev1DeletePayload& p) const
    {
        NS_ASSERT_MSG(p.spis.size() <= 0xFFFF, "too many SPIs");
        w.U32(p.doi);
        w.U8(p.protocolId);
        w.U8(p.spiSize);
        w.U16(static_cast<uint16_t>(p.spis.size()));
        for (const auto& spi : p.spis)
        {
            NS_ASSERT_MSG(spi.size() == p.spiSize, "Delete SPI of the wrong size");
            w.Raw(spi);
        }
    }

    /// \param p the payload
    void operator()(const Ikev1VendorIdPayload& p) const
    {
        w.Raw(p.data);
    }

    /// \param p the payload
    void operator()(const Ikev1OpaquePayload& p) const
    {
        w.Raw(p.data);
    }
};

/**
 * \brief Decodes the attributes filling a transform body exactly (RFC 2408 §3.3).
 * \param data the first attribute
 * \param len the bytes left in the transform
 * \param base the offset of data, for error reports
 * \param [out] out the attributes
 * \return OK or BAD_ATTRIBUTE
 */
Ikev1DecodeResult
DecodeAttributes(const uint8_t* data, size_t len, size_t base, std::vector<Ikev1Attribute>& out)
{
    size_t pos = 0;
    while (pos < len)
    {
        if (len - pos < ATTRIBUTE_FIXED)
        {
            return Fail(Ikev1DecodeError::BAD_ATTRIBUTE,
                        "data attribute header runs past the end of its transform",
                        base + pos);
        }
        uint16_t typeField = WireReadU16(data + pos);
        uint16_t lv = WireReadU16(data + pos + 2);
        Ikev1Attribute a;
        a.type = typeField & static_cast<uint16_t>(~ATTRIBUTE_AF);
        a.tv = (typeField & ATTRIBUTE_AF) != 0;
        if (a.tv)
        {
            a.value = lv;
            pos += ATTRIBUTE_FIXED;
        }
        else
        {
            if (lv > len - pos - ATTRIBUTE_FIXED)
            {
                return Fail(Ikev1DecodeError::BAD_ATTRIBUTE,
                            "TLV attribute length runs past the end of its transform",
                            base + pos);
            }
            a.data.assign(data + pos + ATTRIBUTE_FIXED, data + pos + ATTRIBUTE_FIXED + lv);
            pos += ATTRIBUTE_FIXED + lv;
        }
        out.push_back(std::move(a));
    }
    return Ikev1DecodeResult{};
}

/**
 * \brief Decodes one Transform payload inside a proposal (RFC 2408 §3.6).
 * \param t the Transform payload's generic header
 * \param left the bytes left in the proposal from t on
 * \param base the offset of t, for error reports
 * \param [out] tr the transform
 * \param [out] next the transform's next payload field
 * \param [out] length the transform's length field
 * \return OK or the first error
 */
Ikev1DecodeResult
DecodeTransform(const uint8_t* t,
                size_t left,
                size_t base,
                Ikev1Transform& tr,
                uint8_t& next,
                uint16_t& length)
{
    if (left < TRANSFORM_FIXED)
    {
        return Fail(Ikev1DecodeError::BAD_LENGTH,
                    "Transform payload header runs past the end of its proposal",
                    base);
    }
    next = t[0];
    length = WireReadU16(t + 2);
    if (next != static_cast<uint8_t>(Ikev1PayloadType::TRANSFORM) && next != 0)
    {
        return Fail(Ikev1DecodeError::BAD_PROPOSAL,
                    "Transform next payload is " + std::to_string(next) + ", not 3 or 0",
                    base);
    }
    if (length < TRANSFORM_FIXED)
    {
        return Fail(Ikev1DecodeError::BAD_LENGTH,
                    "Transform length " + std::to_string(length) + " < 8",
                    base);
    }
    if (length > left)
    {
        return Fail(Ikev1DecodeError::BAD_LENGTH,
                    "Transform length runs past the end of its proposal",
                    base);
    }
    tr.number = t[4];
    tr.id = t[5];
    return DecodeAttributes(t + TRANSFORM_FIXED,
                            length - TRANSFORM_FIXED,
                            base + TRANSFORM_FIXED,
                            tr.attributes);
}

/**
 * \brief Decodes the transform chain that fills a proposal after its SPI.
 * \param p the Proposal payload's generic header
 * \param plen the proposal's length field
 * \param tpos the offset of the first transform in the proposal
 * \param base the offset of p, for error reports
 * \param [in,out] prop the proposal, whose transforms are appended
 * \return OK or the first error
 */
Ikev1DecodeResult
DecodeTransforms(const uint8_t* p, uint16_t plen, size_t tpos, size_t base, Ikev1Proposal& prop)
{
    bool moreT = true;
    while (tpos < plen)
    {
        if (!moreT)
        {
            return Fail(Ikev1DecodeError::BAD_PROPOSAL,
                        "bytes after the last transform (next payload 0) in a proposal",
                        base + tpos);
        }
        Ikev1Transform tr;
        uint8_t tnext = 0;
        uint16_t tlen = 0;
        Ikev1DecodeResult r = DecodeTransform(p + tpos, plen - tpos, base + tpos, tr, tnext, tlen);
        if (!r.IsOk())
        {
            return r;
        }
        prop.transforms.push_back(std::move(tr));
        moreT = (tnext != 0);
        tpos += tlen;
    }
    if (moreT && !prop.transforms.empty())
    {
        return Fail(Ikev1DecodeError::BAD_PROPOSAL,
                    "last transform of a proposal has next payload 3",
                    base);
    }
    return Ikev1DecodeResult{};
}

/**
 * \brief Decodes one Proposal payload and its transforms (RFC 2408 §3.5).
 * \param p the Proposal payload's generic header
 * \param left the bytes left in the SA payload from p on
 * \param base the offset of p, for error reports
 * \param [out] prop the proposal
 * \param [out] next the proposal's next payload field
 * \param [out] length the proposal's length field
 * \return OK or the first error
 */
Ikev1DecodeResult
DecodeProposal(const uint8_t* p,
               size_t left,
               size_t base,
               Ikev1Proposal& prop,
               uint8_t& next,
               uint16_t& length)
{
    if (left < PROPOSAL_FIXED)
    {
        return Fail(Ikev1DecodeError::BAD_LENGTH,
                    "Proposal payload header runs past the end of the SA payload",
                    base);
    }
    next = p[0];
    length = WireReadU16(p + 2);
    if (next != static_cast<uint8_t>(Ikev1PayloadType::PROPOSAL) && next != 0)
    {
        return Fail(Ikev1DecodeError::BAD_PROPOSAL,
                    "Proposal next payload is " + std::to_string(next) + ", not 2 or 0",
                    base);
    }
    prop.number = p[4];
    prop.protocolId = p[5];
    uint8_t spiSize = p[6];
    uint8_t nTransforms = p[7];
    if (length < PROPOSAL_FIXED + spiSize)
    {
        return Fail(Ikev1DecodeError::BAD_LENGTH,
                    "Proposal length " + std::to_string(length) + " < 8 + SPI size",
                    base);
    }
    if (length > left)
    {
        return Fail(Ikev1DecodeError::BAD_LENGTH,
                    "Proposal length runs past the end of the SA payload",
                    base);
    }
    prop.spi.assign(p + PROPOSAL_FIXED, p + PROPOSAL_FIXED + spiSize);
    Ikev1DecodeResult r = DecodeTransforms(p, length, PROPOSAL_FIXED + spiSize, base, prop);
    if (!r.IsOk())
    {
        return r;
    }
    if (prop.transforms.size() != nTransforms)
    {
        return Fail(Ikev1DecodeError::BAD_PROPOSAL,
                    "proposal announces " + std::to_string(nTransforms) + " transforms but holds " +
                        std::to_string(prop.transforms.size()),
                    base);
    }
    return Ikev1DecodeResult{};
}

/**
 * \brief Decodes the body of an SA payload: DOI, situation and the proposal chain.
 * \param data the DOI field
 * \param len the bytes of the SA payload after its generic header
 * \param base the offset of data, for error reports
 * \param [out] sa the payload
 * \return OK or the first error
 */
Ikev1DecodeResult
DecodeSa(const uint8_t* data, size_t len, size_t base, Ikev1SaPayload& sa)
{
    if (len < SA_FIXED - Ikev1Codec::GENERIC_HEADER_SIZE)
    {
        return Fail(Ikev1DecodeError::BAD_LENGTH, "SA payload shorter than 12 bytes", base);
    }
    sa.doi = WireReadU32(data);
    sa.situation = WireReadU32(data + 4);
    size_t pos = 8;
    if (pos == len)
    {
        return Fail(Ikev1DecodeError::BAD_PROPOSAL, "SA payload without a proposal", base);
    }
    bool more = true;
    while (pos < len)
    {
        if (!more)
        {
            return Fail(Ikev1DecodeError::BAD_PROPOSAL,
                        "bytes after the last proposal (next payload 0) in the SA payload",
                        base + pos);
        }
        Ikev1Proposal prop;
        uint8_t next = 0;
        uint16_t plen = 0;
        Ikev1DecodeResult r = DecodeProposal(data + pos, len - pos, base + pos, prop, next, plen);
        if (!r.IsOk())
        {
            return r;
        }
        sa.proposals.push_back(std::move(prop));
        more = (next != 0);
        pos += plen;
    }
    if (more)
    {
        return Fail(Ikev1DecodeError::BAD_PROPOSAL,
                    "last proposal of the SA payload has next payload 2",
                    base + pos);
    }
    return Ikev1DecodeResult{};
}

/**
 * \brief Decodes an ID payload body in the IPsec DOI (RFC 2407 §4.6.2).
 * \param body the payload after its generic header
 * \param plen the payload's length field
 * \param pos the offset of the payload, for error reports
 * \param [out] out the payloads, to which the ID payload is appended
 * \return OK or BAD_LENGTH
 */
Ikev1DecodeResult
DecodeId(const uint8_t* body, uint16_t plen, size_t pos, std::vector<Ikev1Payload>& out)
{
    size_t blen = plen - Ikev1Codec::GENERIC_HEADER_SIZE;
    if (plen < ID_FIXED)
    {
        return Fail(Ikev1DecodeError::BAD_LENGTH, "ID payload shorter than 8 bytes", pos);
    }
    Ikev1IdPayload id;
    id.idType = body[0];
    id.protocolId = body[1];
    id.port = WireReadU16(body + 2);
    id.data.assign(body + 4, body + blen);
    out.emplace_back(std::move(id));
    return Ikev1DecodeResult{};
}

/**
 * \brief Decodes a Notification payload body (RFC 2408 §3.14).
 * \param body the payload after its generic header
 * \param plen the payload's length field
 * \param pos the offset of the payload, for error reports
 * \param [out] out the payloads, to which the Notification payload is appended
 * \return OK or BAD_LENGTH
 */
Ikev1DecodeResult
DecodeNotify(const uint8_t* body, uint16_t plen, size_t pos, std::vector<Ikev1Payload>& out)
{
    size_t blen = plen - Ikev1Codec::GENERIC_HEADER_SIZE;
    if (plen < NOTIFY_FIXED)
    {
        return Fail(Ikev1DecodeError::BAD_LENGTH,
                    "Notification payload shorter than 12 bytes",
                    pos);
    }
    Ikev1NotifyPayload n;
    n.doi = WireReadU32(body);
    n.protocolId = body[4];
    uint8_t spiSize = body[5];
    n.type = WireReadU16(body + 6);
    if (plen < NOTIFY_FIXED + spiSize)
    {
        return Fail(Ikev1DecodeError::BAD_LENGTH,
                    "Notification SPI runs past the end of the payload",
                    pos);
    }
    n.spi.assign(body + 8, body + 8 + spiSize);
    n.data.assign(body + 8 + spiSize, body + blen);
    out.emplace_back(std::move(n));
    return Ikev1DecodeResult{};
}

/**
 * \brief Decodes a Delete payload body (RFC 2408 §3.15).
 * \param body the payload after its generic header
 * \param plen the payload's length field
 * \param pos the offset of the payload, for error reports
 * \param [out] out the payloads, to which the Delete payload is appended
 * \return OK or BAD_LENGTH
 */
Ikev1DecodeResult
DecodeDelete(const uint8_t* body, uint16_t plen, size_t pos, std::vector<Ikev1Payload>& out)
{
    if (plen < DELETE_FIXED)
    {
        return Fail(Ikev1DecodeError::BAD_LENGTH, "Delete payload shorter than 12 bytes", pos);
    }
    Ikev1DeletePayload d;
    d.doi = WireReadU32(body);
    d.protocolId = body[4];
    d.spiSize = body[5];
    uint16_t nSpis = WireReadU16(body + 6);
    size_t expected = DELETE_FIXED + static_cast<size_t>(d.spiSize) * nSpis;
    if (plen != expected)
    {
        return Fail(Ikev1DecodeError::BAD_LENGTH,
                    "Delete length " + std::to_string(plen) + " != 12 + " +
                        std::to_string(d.spiSize) + " x " + std::to_string(nSpis),
                    pos);
    }
    for (uint16_t i = 0; i < nSpis; ++i)
    {
        const uint8_t* s = body + 8 + static_cast<size_t>(i) * d.spiSize;
        d.spis.emplace_back(s, s + d.spiSize);
    }
    out.emplace_back(std::move(d));
    return Ikev1DecodeResult{};
}

/**
 * \brief Decodes the body of one payload according to its type.
 * \param type the payload type, from the previous payload's next payload field
 * \param p the payload's generic header
 * \param plen the payload's length field
 * \param pos the offset of p, for error reports
 * \param [out] out the payloads, to which the decoded payload is appended
 * \return OK or the first error
 */
Ikev1DecodeResult
DecodePayloadBody(uint8_t type,
                  const uint8_t* p,
                  uint16_t plen,
                  size_t pos,
                  std::vector<Ikev1Payload>& out)
{
    const uint8_t* body = p + Ikev1Codec::GENERIC_HEADER_SIZE;
    size_t blen = plen - Ikev1Codec::GENERIC_HEADER_SIZE;
    auto bytes = [body, blen]() { return std::vector<uint8_t>(body, body + blen); };
    switch (static_cast<Ikev1PayloadType>(type))
    {
    case Ikev1PayloadType::SA: {
        Ikev1SaPayload sa;
        Ikev1DecodeResult r = DecodeSa(body, blen, pos + Ikev1Codec::GENERIC_HEADER_SIZE, sa);
        if (!r.IsOk())
        {
            return r;
        }
        out.emplace_back(std::move(sa));
        break;
    }
    case Ikev1PayloadType::KE:
        out.emplace_back(Ikev1KePayload{bytes()});
        break;
    case Ikev1PayloadType::ID:
        return DecodeId(body, plen, pos, out);
    case Ikev1PayloadType::HASH:
        out.emplace_back(Ikev1HashPayload{bytes()});
        break;
    case Ikev1PayloadType::NONCE:
        out.emplace_back(Ikev1NoncePayload{bytes()});
        break;
    case Ikev1PayloadType::NOTIFICATION:
        return DecodeNotify(body, plen, pos, out);
    case Ikev1PayloadType::DELETE:
        return DecodeDelete(body, plen, pos, out);
    case Ikev1PayloadType::VENDOR_ID:
        out.emplace_back(Ikev1VendorIdPayload{bytes()});
        break;
    case Ikev1PayloadType::CERT:
    case Ikev1PayloadType::CR:
    case Ikev1PayloadType::SIG:
        out.emplace_back(Ikev1OpaquePayload{type, bytes()});
        break;
    case Ikev1PayloadType::PROPOSAL:
    case Ikev1PayloadType::TRANSFORM:
        return Fail(Ikev1DecodeError::UNSUPPORTED_PAYLOAD,
                    "payload type " + std::to_string(type) + " outside an SA payload",
                    pos);
    default:
        if (type >= FIRST_RESERVED_TYPE && type < FIRST_PRIVATE_TYPE)
        {
            return Fail(Ikev1DecodeError::UNSUPPORTED_PAYLOAD,
                        "reserved payload type " + std::to_string(type),
                        pos);
        }
        out.emplace_back(Ikev1OpaquePayload{type, bytes()});
        break;
    }
    return Ikev1DecodeResult{};
}

} // namespace

const char*
GetIkev1DecodeErrorName(Ikev1DecodeError error)
{
    switch (error)
    {
    case Ikev1DecodeError::OK:
        return "OK";
    case Ikev1DecodeError::TRUNCATED:
        return "TRUNCATED";
    case Ikev1DecodeError::BAD_LENGTH:
        return "BAD_LENGTH";
    case Ikev1DecodeError::UNSUPPORTED_PAYLOAD:
        return "UNSUPPORTED_PAYLOAD";
    case Ikev1DecodeError::BAD_ATTRIBUTE:
        return "BAD_ATTRIBUTE";
    case Ikev1DecodeError::BAD_PROPOSAL:
        return "BAD_PROPOSAL";
    case Ikev1DecodeError::BAD_HEADER:
        return "BAD_HEADER";
    }
    return "UNKNOWN";
}

bool
Ikev1DecodeResult::IsOk() const
{
    return error == Ikev1DecodeError::OK;
}

std::vector<uint8_t>
Ikev1Codec::EncodeHeader(const Ikev1Header& header)
{
    std::vector<uint8_t> out;
    out.reserve(Ikev1Header::SIZE);
    Writer w(out);
    w.U64(header.initiatorCookie);
    w.U64(header.responderCookie);
    w.U8(header.nextPayload);
    w.U8(header.version);
    w.U8(static_cast<uint8_t>(header.exchangeType));
    w.U8(header.flags);
    w.U32(header.messageId);
    w.U32(header.length);
    return out;
}

bool
Ikev1Codec::DecodeHeader(const std::vector<uint8_t>& bytes, Ikev1Header& header)
{
    return DecodeHeader(bytes.data(), bytes.size(), header);
}

bool
Ikev1Codec::DecodeHeader(const uint8_t* data, size_t len, Ikev1Header& header)
{
    if (data == nullptr || len < Ikev1Header::SIZE)
    {
        return false;
    }
    header.initiatorCookie = WireReadU64(data);
    header.responderCookie = WireReadU64(data + 8);
    header.nextPayload = data[16];
    header.version = data[17];
    header.exchangeType = static_cast<Ikev1ExchangeType>(data[18]);
    header.flags = data[19];
    header.messageId = WireReadU32(data + 20);
    header.length = WireReadU32(data + 24);
    return true;
}

std::vector<uint8_t>
Ikev1Codec::EncodePayloads(const std::vector<Ikev1Payload>& payloads, uint8_t& firstPayloadType)
{
    std::vector<uint8_t> out;
    out.reserve(GetPayloadsSize(payloads));
    Writer w(out);
    firstPayloadType = payloads.empty() ? 0 : GetIkev1PayloadType(payloads.front());
    for (size_t i = 0; i < payloads.size(); ++i)
    {
        uint8_t next = (i + 1 < payloads.size()) ? GetIkev1PayloadType(payloads[i + 1]) : 0;
        w.Generic(next, GetPayloadSize(payloads[i]));
        std::visit(BodyVisitor{w}, payloads[i]);
    }
    NS_ASSERT(out.size() == GetPayloadsSize(payloads));
    return out;
}

Ikev1DecodeResult
Ikev1Codec::DecodePayloads(const uint8_t* data,
                           size_t len,
                           uint8_t firstPayloadType,
                           std::vector<Ikev1Payload>& out)
{
    size_t pos = 0;
    uint8_t type = firstPayloadType;
    while (type != 0)
    {
        if (data == nullptr || len - pos < GENERIC_HEADER_SIZE)
        {
            return Fail(Ikev1DecodeError::TRUNCATED,
                        "generic payload header of type " + std::to_string(type) +
                            " runs past the end",
                        pos);
        }
        const uint8_t* p = data + pos;
        uint8_t next = p[0];
        uint16_t plen = WireReadU16(p + 2);
        if (plen < GENERIC_HEADER_SIZE)
        {
            return Fail(Ikev1DecodeError::BAD_LENGTH,
                        "payload length " + std::to_string(plen) + " < 4",
                        pos);
        }
        if (plen > len - pos)
        {
            return Fail(Ikev1DecodeError::BAD_LENGTH,
                        "payload length " + std::to_string(plen) + " runs past the end",
                        pos);
        }
        Ikev1DecodeResult r = DecodePayloadBody(type, p, plen, pos, out);
        if (!r.IsOk())
        {
            return r;
        }
        pos += plen;
        type = next;
    }
    Ikev1DecodeResult ok;
    ok.offset = pos;
    return ok;
}

std::vector<uint8_t>
Ikev1Codec::EncodeMessage(const Ikev1Message& message)
{
    Ikev1Header h = message.header;
    std::vector<uint8_t> body = EncodePayloads(message.payloads, h.nextPayload);
    h.flags &= static_cast<uint8_t>(~Ikev1Header::FLAG_ENCRYPTION);
    h.length = Ikev1Header::SIZE + static_cast<uint32_t>(body.size());
    std::vector<uint8_t> out = EncodeHeader(h);
    out.insert(out.end(), body.begin(), body.end());
    return out;
}

Ikev1DecodeResult
Ikev1Codec::DecodeMessage(const std::vector<uint8_t>& bytes, Ikev1Message& message)
{
    if (!DecodeHeader(bytes, message.header))
    {
        return Fail(Ikev1DecodeError::TRUNCATED, "shorter than the 28-byte ISAKMP header", 0);
    }
    message.payloads.clear();
    const Ikev1Header& h = message.header;
    if ((h.version >> 4) != 1)
    {
        return Fail(Ikev1DecodeError::BAD_HEADER,
                    "major version " + std::to_string(h.version >> 4) + ", not 1",
                    17);
    }
    if (h.length != bytes.size())
    {
        return Fail(Ikev1DecodeError::BAD_LENGTH,
                    "header length " + std::to_string(h.length) +
                        " != " + std::to_string(bytes.size()) + " bytes received",
                    24);
    }
    if (h.IsEncrypted())
    {
        return Fail(Ikev1DecodeError::BAD_HEADER, "encrypted body: decrypt first", 19);
    }
    Ikev1DecodeResult r = DecodePayloads(bytes.data() + Ikev1Header::SIZE,
                                         bytes.size() - Ikev1Header::SIZE,
                                         h.nextPayload,
                                         message.payloads);
    r.offset += Ikev1Header::SIZE;
    if (r.IsOk() && r.offset != bytes.size())
    {
        return Fail(Ikev1DecodeError::BAD_LENGTH,
                    "bytes after the last payload of a clear-text message",
                    r.offset);
    }
    return r;
}

uint32_t
Ikev1Codec::GetAttributeSize(const Ikev1Attribute& attribute)
{
    return attribute.GetSerializedSize();
}

uint32_t
Ikev1Codec::GetPayloadSize(const Ikev1Payload& payload)
{
    return std::visit(SizeVisitor{}, payload);
}

uint32_t
Ikev1Codec::GetPayloadsSize(const std::vector<Ikev1Payload>& payloads)
{
    uint32_t size = 0;
    for (const auto& p : payloads)
    {
        size += GetPayloadSize(p);
    }
    return size;
}

std::vector<uint8_t>
Ikev1Codec::EncodeSpiUpdates(const std::vector<IkeSpiUpdate>& entries)
{
    std::vector<uint8_t> out;
    WireWriter w(out);
    for (const auto& e : entries)
    {
        uint8_t size = IkeSpiUpdate::GetSpiSize(e.protocolId);
        NS_ABORT_MSG_IF(size == 0 || e.oldSpi.size() != size || e.newSpi.size() != size,
                        "Ikev1Codec::EncodeSpiUpdates: protocol "
                            << +e.protocolId << " with SPIs of " << e.oldSpi.size() << "/"
                            << e.newSpi.size() << " bytes");
        w.U8(e.protocolId);
        w.U8(size);
        w.U16(0); // reserved
        w.Raw(e.oldSpi);
        w.Raw(e.newSpi);
    }
    return out;
}

Ikev1DecodeResult
Ikev1Codec::DecodeSpiUpdates(const std::vector<uint8_t>& data, std::vector<IkeSpiUpdate>& entries)
{
    if (data.empty())
    {
        return Fail(Ikev1DecodeError::BAD_LENGTH, "UPDATE_SPI without an entry", 0);
    }
    std::vector<IkeSpiUpdate> out;
    size_t at = 0;
    while (at < data.size())
    {
        if (data.size() - at < IkeSpiUpdate::FIXED_SIZE)
        {
            return Fail(Ikev1DecodeError::TRUNCATED, "UPDATE_SPI entry header truncated", at);
        }
        uint8_t protocolId = data[at];
        uint8_t size = data[at + 1];
        uint8_t expected = IkeSpiUpdate::GetSpiSize(protocolId);
        if (expected == 0)
        {
            return Fail(Ikev1DecodeError::UNSUPPORTED_PAYLOAD,
                        "UPDATE_SPI for protocol " + std::to_string(protocolId),
                        at);
        }
        if (size != expected)
        {
            return Fail(Ikev1DecodeError::BAD_LENGTH,
                        "UPDATE_SPI SPI size " + std::to_string(size) + " for protocol " +
                            std::to_string(protocolId),
                        at + 1);
        }
        at += IkeSpiUpdate::FIXED_SIZE; // the reserved octets are ignored on receipt
        if (data.size() - at < 2u * size)
        {
            return Fail(Ikev1DecodeError::TRUNCATED, "UPDATE_SPI SPIs truncated", at);
        }
        IkeSpiUpdate e;
        e.protocolId = protocolId;
        e.oldSpi.assign(data.begin() + at, data.begin() + at + size);
        e.newSpi.assign(data.begin() + at + size, data.begin() + at + 2 * size);
        at += 2 * size;
        out.push_back(std::move(e));
    }
    entries = std::move(out);
    Ikev1DecodeResult r;
    r.offset = at;
    return r;
}

} // namespace ns3
