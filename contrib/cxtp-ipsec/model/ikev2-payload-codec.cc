/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-payload-codec.h"

#include "ikev2-sa-codec.h"
#include "wire-reader.h"

#include "ns3/abort.h"

#include <string>
#include <type_traits>

namespace ns3
{

namespace
{

/// Size of the fixed part of the KE, ID, AUTH, TS and CP bodies (RFC 7296 §3.4-§3.15).
constexpr uint32_t FOUR_OCTET_FIXED = 4;
/// Size of the fixed part of the Notify and Delete bodies, SPIs excluded (§3.10, §3.11).
constexpr uint32_t NOTIFY_DELETE_FIXED = 4;
/// Size of the fixed part of a traffic selector (§3.13.1).
constexpr uint32_t SELECTOR_FIXED = 8;
/// Size of the fixed part of a configuration attribute (§3.15.1).
constexpr uint32_t CP_ATTRIBUTE_FIXED = 4;
/// Size of the EAP header (RFC 3748 §4).
constexpr uint32_t EAP_HEADER = 4;
/// The R bit of a configuration attribute's type field (§3.15.1).
constexpr uint16_t CP_RESERVED_BIT = 0x8000;

/**
 * \param v a byte string
 * \return its size as a payload body contribution
 */
uint32_t
Size(const std::vector<uint8_t>& v)
{
    return static_cast<uint32_t>(v.size());
}

/// Computes the size of a payload's body (after the generic header).
struct BodySizeVisitor
{
    /// \param p the payload \return its body size
    uint32_t operator()(const Ikev2SaPayload& p) const
    {
        return Ikev2SaCodec::GetBodySize(p);
    }

    /// \param p the payload \return its body size
    uint32_t operator()(const Ikev2KePayload& p) const
    {
        return FOUR_OCTET_FIXED + Size(p.data);
    }

    /// \param p the payload \return its body size
    uint32_t operator()(const Ikev2IdPayload& p) const
    {
        return FOUR_OCTET_FIXED + Size(p.data);
    }

    /// \param p the payload \return its body size
    uint32_t operator()(const Ikev2CertPayload& p) const
    {
        return 1 + Size(p.data);
    }

    /// \param p the payload \return its body size
    uint32_t operator()(const Ikev2CertReqPayload& p) const
    {
        return 1 + Size(p.data);
    }

    /// \param p the payload \return its body size
    uint32_t operator()(const Ikev2AuthPayload& p) const
    {
        return FOUR_OCTET_FIXED + Size(p.data);
    }

    /// \param p the payload \return its body size
    uint32_t operator()(const Ikev2NoncePayload& p) const
    {
        return Size(p.data);
    }

    /// \param p the payload \return its body size
    uint32_t operator()(const Ikev2NotifyPayload& p) const
    {
        return NOTIFY_DELETE_FIXED + Size(p.spi) + Size(p.data);
    }

    /// \param p the payload \return its body size
    uint32_t operator()(const Ikev2DeletePayload& p) const
    {
        return NOTIFY_DELETE_FIXED + static_cast<uint32_t>(p.spiSize * p.spis.size());
    }

    /// \param p the payload \return its body size
    uint32_t operator()(const Ikev2VendorIdPayload& p) const
    {
        return Size(p.data);
    }

    /// \param p the payload \return its body size
    uint32_t operator()(const Ikev2TsPayload& p) const
    {
        uint32_t size = FOUR_OCTET_FIXED;
        for (const auto& ts : p.selectors)
        {
            size += ts.GetSerializedSize();
        }
        return size;
    }

    /// \param p the payload \return its body size
    uint32_t operator()(const Ikev2CpPayload& p) const
    {
        uint32_t size = FOUR_OCTET_FIXED;
        for (const auto& a : p.attributes)
        {
            size += CP_ATTRIBUTE_FIXED + Size(a.value);
        }
        return size;
    }

    /// \param p the payload \return its body size
    uint32_t operator()(const Ikev2EapPayload& p) const
    {
        return Size(p.message);
    }

    /// \param p the payload \return its body size
    uint32_t operator()(const Ikev2UnknownPayload& p) const
    {
        return Size(p.body);
    }
};

/// Writes a payload's body after its generic header.
struct BodyWriter
{
    WireWriter& w; ///< destination

    /// \param p the payload
    void operator()(const Ikev2SaPayload& p) const
    {
        Ikev2SaCodec::Write(w, p);
    }

    /// \param p the payload
    void operator()(const Ikev2KePayload& p) const
    {
        w.U16(static_cast<uint16_t>(p.group));
        w.U16(0);
        w.Raw(p.data);
    }

    /// \param p the payload
    void operator()(const Ikev2IdPayload& p) const
    {
        w.U8(static_cast<uint8_t>(p.idType));
        w.U8(0);
        w.U16(0);
        w.Raw(p.data);
    }

    /// \param p the payload
    void operator()(const Ikev2CertPayload& p) const
    {
        w.U8(static_cast<uint8_t>(p.encoding));
        w.Raw(p.data);
    }

    /// \param p the payload
    void operator()(const Ikev2CertReqPayload& p) const
    {
        w.U8(static_cast<uint8_t>(p.encoding));
        w.Raw(p.data);
    }

    /// \param p the payload
    void operator()(const Ikev2AuthPayload& p) const
    {
        w.U8(static_cast<uint8_t>(p.method));
        w.U8(0);
        w.U16(0);
        w.Raw(p.data);
    }

    /// \param p the payload
    void operator()(const Ikev2NoncePayload& p) const
    {
        w.Raw(p.data);
    }

    /// \param p the payload
    void operator()(const Ikev2NotifyPayload& p) const
    {
        NS_ABORT_MSG_IF(p.spi.size() > 0xFF, "Ikev2Codec: Notify SPI longer than 255 octets");
        w.U8(static_cast<uint8_t>(p.protocolId));
        w.U8(static_cast<uint8_t>(p.spi.size()));
        w.U16(static_cast<uint16_t>(p.type));
        w.Raw(p.spi);
        w.Raw(p.data);
    }

    /// \param p the payload
    void operator()(const Ikev2DeletePayload& p) const
    {
        NS_ABORT_MSG_IF(p.spis.size() > 0xFFFF, "Ikev2Codec: more than 65535 SPIs to delete");
        w.U8(static_cast<uint8_t>(p.protocolId));
        w.U8(p.spiSize);
        w.U16(static_cast<uint16_t>(p.spis.size()));
        for (const auto& spi : p.spis)
        {
            NS_ABORT_MSG_IF(spi.size() != p.spiSize,
                            "Ikev2Codec: Delete SPI of " << spi.size() << " octets, SPI Size "
                                                         << +p.spiSize);
            w.Raw(spi);
        }
    }

    /// \param p the payload
    void operator()(const Ikev2VendorIdPayload& p) const
    {
        w.Raw(p.data);
    }

    /// \param p the payload
    void operator()(const Ikev2TsPayload& p) const
    {
        NS_ABORT_MSG_IF(p.selectors.size() > 0xFF, "Ikev2Codec: more than 255 selectors");
        w.U8(static_cast<uint8_t>(p.selectors.size()));
        w.U8(0);
        w.U16(0);
        for (const auto& ts : p.selectors)
        {
            w.U8(static_cast<uint8_t>(ts.type));
            w.U8(ts.ipProtocol);
            w.U16(static_cast<uint16_t>(ts.GetSerializedSize()));
            w.U16(ts.startPort);
            w.U16(ts.endPort);
            w.Raw(ts.startAddress);
            w.Raw(ts.endAddress);
        }
    }

    /// \param p the payload
    void operator()(const Ikev2CpPayload& p) const
    {
        w.U8(static_cast<uint8_t>(p.cfgType));
        w.U8(0);
        w.U16(0);
        for (const auto& a : p.attributes)
        {
            NS_ABORT_MSG_IF(a.type >= CP_RESERVED_BIT || a.value.size() > 0xFFFF,
                            "Ikev2Codec: configuration attribute type " << a.type);
            w.U16(a.type);
            w.U16(static_cast<uint16_t>(a.value.size()));
            w.Raw(a.value);
        }
    }

    /// \param p the payload
    void operator()(const Ikev2EapPayload& p) const
    {
        w.Raw(p.message);
    }

    /// \param p the payload
    void operator()(const Ikev2UnknownPayload& p) const
    {
        w.Raw(p.body);
    }
};

/**
 * \param what the payload's name
 * \param at its offset
 * \return TRUNCATED: the body is shorter than its fixed part
 */
Ikev2DecodeResult
Truncated(const std::string& what, size_t at)
{
    return Ikev2DecodeResult::Fail(Ikev2DecodeError::TRUNCATED,
                                   "truncated " + what + " payload",
                                   at);
}

/**
 * \brief Reads a KE body (RFC 7296 §3.4).
 * \param body the octets after the generic header
 * \param at the payload's offset
 * \param critical its C bit
 * \param [out] out the payloads
 * \return OK or TRUNCATED
 */
Ikev2DecodeResult
ReadKe(const std::vector<uint8_t>& body, size_t at, bool critical, std::vector<Ikev2Payload>& out)
{
    WireReader r(body);
    Ikev2KePayload ke;
    ke.group = static_cast<Ikev2DhId>(r.U16());
    r.Skip(2);
    if (!r.Ok())
    {
        return Truncated("KE", at);
    }
    ke.data = r.Bytes(r.GetRemaining());
    ke.critical = critical;
    out.emplace_back(std::move(ke));
    return Ikev2DecodeResult{};
}

/**
 * \brief Reads an IDi or IDr body (RFC 7296 §3.5).
 * \param body the octets after the generic header
 * \param at the payload's offset
 * \param critical its C bit
 * \param [out] out the payloads
 * \return OK or TRUNCATED
 */
template <typename T>
Ikev2DecodeResult
ReadId(const std::vector<uint8_t>& body, size_t at, bool critical, std::vector<Ikev2Payload>& out)
{
    WireReader r(body);
    T id;
    id.idType = static_cast<Ikev2IdType>(r.U8());
    r.Skip(3);
    if (!r.Ok())
    {
        return Truncated("ID", at);
    }
    id.data = r.Bytes(r.GetRemaining());
    id.critical = critical;
    out.emplace_back(std::move(id));
    return Ikev2DecodeResult{};
}

/**
 * \brief Reads a CERT or CERTREQ body (RFC 7296 §3.6, §3.7).
 * \param body the octets after the generic header
 * \param at the payload's offset
 * \param critical its C bit
 * \param [out] out the payloads
 * \return OK, TRUNCATED, or BAD_LENGTH for a CERTREQ of X.509 CAs that is not a list of hashes
 */
template <typename T>
Ikev2DecodeResult
ReadCert(const std::vector<uint8_t>& body, size_t at, bool critical, std::vector<Ikev2Payload>& out)
{
    WireReader r(body);
    T cert;
    cert.encoding = static_cast<Ikev2CertEncoding>(r.U8());
    if (!r.Ok())
    {
        return Truncated("CERT or CERTREQ", at);
    }
    cert.data = r.Bytes(r.GetRemaining());
    // X.509 CAs are named by 20-octet SHA-1 hashes of their public keys (RFC 7296 §3.7).
    if constexpr (std::is_same_v<T, Ikev2CertReqPayload>)
    {
        if (cert.encoding == Ikev2CertEncoding::X509_SIGNATURE &&
            cert.data.size() % Ikev2PayloadCodec::CA_KEY_HASH_SIZE != 0)
        {
            return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_LENGTH,
                                           "CERTREQ: " + std::to_string(cert.data.size()) +
                                               " octets are not a list of SHA-1 hashes",
                                           at);
        }
    }
    cert.critical = critical;
    out.emplace_back(std::move(cert));
    return Ikev2DecodeResult{};
}

/**
 * \brief Reads an AUTH body (RFC 7296 §3.8).
 * \param body the octets after the generic header
 * \param at the payload's offset
 * \param critical its C bit
 * \param [out] out the payloads
 * \return OK or TRUNCATED
 */
Ikev2DecodeResult
ReadAuth(const std::vector<uint8_t>& body, size_t at, bool critical, std::vector<Ikev2Payload>& out)
{
    WireReader r(body);
    Ikev2AuthPayload auth;
    auth.method = static_cast<Ikev2AuthMethod>(r.U8());
    r.Skip(3);
    if (!r.Ok())
    {
        return Truncated("AUTH", at);
    }
    auth.data = r.Bytes(r.GetRemaining());
    auth.critical = critical;
    out.emplace_back(std::move(auth));
    return Ikev2DecodeResult{};
}

/**
 * \brief Reads a Nonce body (RFC 7296 §3.9: 16 to 256 octets).
 * \param body the octets after the generic header
 * \param at the payload's offset
 * \param critical its C bit
 * \param [out] out the payloads
 * \return OK or BAD_PAYLOAD
 */
Ikev2DecodeResult
ReadNonce(const std::vector<uint8_t>& body,
          size_t at,
          bool critical,
          std::vector<Ikev2Payload>& out)
{
    if (body.size() < Ikev2::MIN_NONCE || body.size() > Ikev2::MAX_NONCE)
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_PAYLOAD,
                                       "nonce of " + std::to_string(body.size()) +
                                           " octets, not 16 to 256",
                                       at);
    }
    out.emplace_back(Ikev2NoncePayload{body, critical});
    return Ikev2DecodeResult{};
}

/**
 * \brief Reads a Notify body (RFC 7296 §3.10).
 * \param body the octets after the generic header
 * \param at the payload's offset
 * \param critical its C bit
 * \param [out] out the payloads
 * \return OK, TRUNCATED or BAD_LENGTH
 */
Ikev2DecodeResult
ReadNotify(const std::vector<uint8_t>& body,
           size_t at,
           bool critical,
           std::vector<Ikev2Payload>& out)
{
    WireReader r(body);
    Ikev2NotifyPayload n;
    n.protocolId = static_cast<Ikev2ProtocolId>(r.U8());
    const uint8_t spiSize = r.U8();
    n.type = static_cast<Ikev2NotifyType>(r.U16());
    if (!r.Ok())
    {
        return Truncated("Notify", at);
    }
    n.spi = r.Bytes(spiSize);
    if (!r.Ok())
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_LENGTH,
                                       "Notify SPI size " + std::to_string(spiSize) +
                                           " runs past the payload",
                                       at);
    }
    n.data = r.Bytes(r.GetRemaining());
    n.critical = critical;
    out.emplace_back(std::move(n));
    return Ikev2DecodeResult{};
}

/**
 * \brief Reads a Delete body (RFC 7296 §3.11): the SPIs must fill it exactly.
 * \param body the octets after the generic header
 * \param at the payload's offset
 * \param critical its C bit
 * \param [out] out the payloads
 * \return OK, TRUNCATED or BAD_LENGTH
 */
Ikev2DecodeResult
ReadDelete(const std::vector<uint8_t>& body,
           size_t at,
           bool critical,
           std::vector<Ikev2Payload>& out)
{
    WireReader r(body);
    Ikev2DeletePayload d;
    d.protocolId = static_cast<Ikev2ProtocolId>(r.U8());
    d.spiSize = r.U8();
    const uint16_t count = r.U16();
    if (!r.Ok())
    {
        return Truncated("Delete", at);
    }
    if (r.GetRemaining() != static_cast<size_t>(d.spiSize) * count)
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_LENGTH,
                                       "Delete payload holds " + std::to_string(r.GetRemaining()) +
                                           " octets of SPIs, not " + std::to_string(d.spiSize) +
                                           " x " + std::to_string(count),
                                       at);
    }
    for (uint16_t i = 0; i < count; ++i)
    {
        d.spis.push_back(r.Bytes(d.spiSize));
    }
    d.critical = critical;
    out.emplace_back(std::move(d));
    return Ikev2DecodeResult{};
}

/**
 * \brief Reads one traffic selector (RFC 7296 §3.13.1): types 7 (16 octets) and 8 (40 octets).
 * \param r the reader, at the selector
 * \param base the offset of the reader's first octet in the message
 * \param [out] ts the selector
 * \return OK, TRUNCATED, BAD_LENGTH, or BAD_PAYLOAD for another type
 */
Ikev2DecodeResult
ReadSelector(WireReader& r, size_t base, Ikev2TrafficSelector& ts)
{
    const size_t at = base + r.GetOffset();
    ts.type = static_cast<Ikev2TsType>(r.U8());
    ts.ipProtocol = r.U8();
    const uint16_t length = r.U16();
    ts.startPort = r.U16();
    ts.endPort = r.U16();
    if (!r.Ok())
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::TRUNCATED,
                                       "truncated traffic selector",
                                       at);
    }
    size_t addressSize = 0;
    switch (ts.type)
    {
    case Ikev2TsType::TS_IPV4_ADDR_RANGE:
        addressSize = 4;
        break;
    case Ikev2TsType::TS_IPV6_ADDR_RANGE:
        addressSize = 16;
        break;
    default:
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_PAYLOAD,
                                       "unsupported traffic selector type " +
                                           std::to_string(static_cast<unsigned>(ts.type)),
                                       at);
    }
    if (length != SELECTOR_FIXED + 2 * addressSize)
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_LENGTH,
                                       "traffic selector length " + std::to_string(length) +
                                           ", not " +
                                           std::to_string(SELECTOR_FIXED + 2 * addressSize),
                                       at);
    }
    ts.startAddress = r.Bytes(addressSize);
    ts.endAddress = r.Bytes(addressSize);
    if (!r.Ok())
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::TRUNCATED,
                                       "truncated traffic selector",
                                       at);
    }
    return Ikev2DecodeResult{};
}

/**
 * \brief Reads a TSi or TSr body (RFC 7296 §3.13): Number of TSs selectors, filling it exactly.
 * \param body the octets after the generic header
 * \param at the payload's offset
 * \param critical its C bit
 * \param [out] out the payloads
 * \return OK or the first error
 */
template <typename T>
Ikev2DecodeResult
ReadTs(const std::vector<uint8_t>& body, size_t at, bool critical, std::vector<Ikev2Payload>& out)
{
    WireReader r(body);
    T tsPayload;
    const uint8_t count = r.U8();
    r.Skip(3);
    if (!r.Ok())
    {
        return Truncated("TS", at);
    }
    for (uint8_t i = 0; i < count; ++i)
    {
        Ikev2TrafficSelector ts;
        Ikev2DecodeResult result = ReadSelector(r, at + Ikev2::PAYLOAD_HEADER, ts);
        if (!result.IsOk())
        {
            return result;
        }
        tsPayload.selectors.push_back(std::move(ts));
    }
    if (r.GetRemaining() != 0)
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_LENGTH,
                                       std::to_string(r.GetRemaining()) +
                                           " octets after the last traffic selector",
                                       at);
    }
    tsPayload.critical = critical;
    out.emplace_back(std::move(tsPayload));
    return Ikev2DecodeResult{};
}

/**
 * \brief Reads a CP body (RFC 7296 §3.15): attributes filling it exactly.
 * \param body the octets after the generic header
 * \param at the payload's offset
 * \param critical its C bit
 * \param [out] out the payloads
 * \return OK, TRUNCATED or BAD_LENGTH
 */
Ikev2DecodeResult
ReadCp(const std::vector<uint8_t>& body, size_t at, bool critical, std::vector<Ikev2Payload>& out)
{
    WireReader r(body);
    Ikev2CpPayload cp;
    cp.cfgType = static_cast<Ikev2CfgType>(r.U8());
    r.Skip(3);
    if (!r.Ok())
    {
        return Truncated("CP", at);
    }
    while (r.GetRemaining() > 0)
    {
        Ikev2CpAttribute a;
        a.type = r.U16() & static_cast<uint16_t>(~CP_RESERVED_BIT);
        const uint16_t length = r.U16();
        a.value = r.Bytes(length);
        if (!r.Ok())
        {
            return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_LENGTH,
                                           "configuration attribute runs past the payload",
                                           at);
        }
        cp.attributes.push_back(std::move(a));
    }
    cp.critical = critical;
    out.emplace_back(std::move(cp));
    return Ikev2DecodeResult{};
}

/**
 * \brief Reads an EAP body (RFC 7296 §3.16): one EAP message whose Length fills the payload,
 * with a Type if it is a Request or Response (RFC 3748 §4).
 * \param body the octets after the generic header
 * \param at the payload's offset
 * \param critical its C bit
 * \param [out] out the payloads
 * \return OK, TRUNCATED or BAD_LENGTH
 */
Ikev2DecodeResult
ReadEap(const std::vector<uint8_t>& body, size_t at, bool critical, std::vector<Ikev2Payload>& out)
{
    WireReader r(body);
    const uint8_t code = r.U8();
    r.Skip(1);
    const uint16_t length = r.U16();
    if (!r.Ok())
    {
        return Truncated("EAP", at);
    }
    if (length != body.size())
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_LENGTH,
                                       "EAP length " + std::to_string(length) +
                                           " differs from the " + std::to_string(body.size()) +
                                           " octets of the payload",
                                       at);
    }
    if ((code == Ikev2EapPayload::REQUEST || code == Ikev2EapPayload::RESPONSE) &&
        body.size() <= EAP_HEADER)
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::TRUNCATED,
                                       "EAP Request or Response without a Type",
                                       at);
    }
    out.emplace_back(Ikev2EapPayload{body, critical});
    return Ikev2DecodeResult{};
}

/**
 * \brief Reads an SA body through Ikev2SaCodec (RFC 7296 §3.3).
 * \param body the octets after the generic header
 * \param at the payload's offset
 * \param critical its C bit
 * \param [out] out the payloads
 * \return OK or the first error
 */
Ikev2DecodeResult
ReadSa(const std::vector<uint8_t>& body, size_t at, bool critical, std::vector<Ikev2Payload>& out)
{
    Ikev2SaPayload sa;
    Ikev2DecodeResult result = Ikev2SaCodec::Read(body, at + Ikev2::PAYLOAD_HEADER, sa);
    if (result.IsOk())
    {
        sa.critical = critical;
        out.emplace_back(std::move(sa));
    }
    return result;
}

} // namespace

Ikev2DecodeResult
Ikev2PayloadCodec::ReadBody(Ikev2PayloadType type,
                            const std::vector<uint8_t>& body,
                            size_t at,
                            bool critical,
                            std::vector<Ikev2Payload>& out)
{
    switch (type)
    {
    case Ikev2PayloadType::SA:
        return ReadSa(body, at, critical, out);
    case Ikev2PayloadType::KE:
        return ReadKe(body, at, critical, out);
    case Ikev2PayloadType::IDI:
        return ReadId<Ikev2IdiPayload>(body, at, critical, out);
    case Ikev2PayloadType::IDR:
        return ReadId<Ikev2IdrPayload>(body, at, critical, out);
    case Ikev2PayloadType::CERT:
        return ReadCert<Ikev2CertPayload>(body, at, critical, out);
    case Ikev2PayloadType::CERTREQ:
        return ReadCert<Ikev2CertReqPayload>(body, at, critical, out);
    case Ikev2PayloadType::AUTH:
        return ReadAuth(body, at, critical, out);
    case Ikev2PayloadType::NONCE:
        return ReadNonce(body, at, critical, out);
    case Ikev2PayloadType::NOTIFY:
        return ReadNotify(body, at, critical, out);
    case Ikev2PayloadType::DELETE:
        return ReadDelete(body, at, critical, out);
    case Ikev2PayloadType::VENDOR_ID:
        out.emplace_back(Ikev2VendorIdPayload{body, critical});
        return Ikev2DecodeResult{};
    case Ikev2PayloadType::TSI:
        return ReadTs<Ikev2TsiPayload>(body, at, critical, out);
    case Ikev2PayloadType::TSR:
        return ReadTs<Ikev2TsrPayload>(body, at, critical, out);
    case Ikev2PayloadType::CP:
        return ReadCp(body, at, critical, out);
    case Ikev2PayloadType::EAP:
        return ReadEap(body, at, critical, out);
    default:
        break;
    }
    out.emplace_back(Ikev2UnknownPayload{type, body, critical});
    return Ikev2DecodeResult{};
}

bool
Ikev2PayloadCodec::IsKnownType(Ikev2PayloadType type)
{
    return type >= Ikev2PayloadType::SA && type <= Ikev2PayloadType::EAP;
}

uint32_t
Ikev2PayloadCodec::GetBodySize(const Ikev2Payload& payload)
{
    return std::visit(BodySizeVisitor{}, payload);
}

void
Ikev2PayloadCodec::WriteBody(WireWriter& w, const Ikev2Payload& payload)
{
    std::visit(BodyWriter{w}, payload);
}

std::vector<uint8_t>
Ikev2PayloadCodec::JoinCaKeyHashes(const std::vector<std::vector<uint8_t>>& hashes)
{
    std::vector<uint8_t> data;
    for (const std::vector<uint8_t>& hash : hashes)
    {
        NS_ABORT_MSG_IF(hash.size() != CA_KEY_HASH_SIZE, "a CA key hash is a SHA-1 hash");
        data.insert(data.end(), hash.begin(), hash.end());
    }
    return data;
}

std::vector<std::vector<uint8_t>>
Ikev2PayloadCodec::SplitCaKeyHashes(const std::vector<uint8_t>& data)
{
    std::vector<std::vector<uint8_t>> hashes;
    for (size_t at = 0; at + CA_KEY_HASH_SIZE <= data.size(); at += CA_KEY_HASH_SIZE)
    {
        hashes.emplace_back(data.begin() + at, data.begin() + at + CA_KEY_HASH_SIZE);
    }
    return hashes;
}

} // namespace ns3
