/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-message.h"

#include "wire-reader.h"
#include "wire-writer.h"

namespace ns3
{

uint8_t
Ikev2Header::GetFlags() const
{
    uint8_t flags = 0;
    if (initiator)
    {
        flags |= Ikev2::FLAG_INITIATOR;
    }
    if (higherVersion)
    {
        flags |= Ikev2::FLAG_VERSION;
    }
    if (response)
    {
        flags |= Ikev2::FLAG_RESPONSE;
    }
    return flags;
}

void
Ikev2Header::SetFlags(uint8_t flags)
{
    initiator = (flags & Ikev2::FLAG_INITIATOR) != 0;
    higherVersion = (flags & Ikev2::FLAG_VERSION) != 0;
    response = (flags & Ikev2::FLAG_RESPONSE) != 0;
}

uint8_t
Ikev2Header::GetMajorVersion() const
{
    return version >> 4;
}

Ikev2Attribute
Ikev2Attribute::KeyLength(uint16_t bits)
{
    Ikev2Attribute a;
    a.type = Ikev2::KEY_LENGTH_ATTRIBUTE;
    a.tv = true;
    a.value = bits;
    return a;
}

uint32_t
Ikev2Attribute::GetSerializedSize() const
{
    return tv ? 4 : 4 + static_cast<uint32_t>(data.size());
}

Ikev2Transform
Ikev2Transform::Encr(Ikev2EncrId id, uint16_t keyLength)
{
    Ikev2Transform t;
    t.type = Ikev2TransformType::ENCR;
    t.id = static_cast<uint16_t>(id);
    if (keyLength != 0)
    {
        t.attributes.push_back(Ikev2Attribute::KeyLength(keyLength));
    }
    return t;
}

Ikev2Transform
Ikev2Transform::Prf(Ikev2PrfId id)
{
    return Ikev2Transform{Ikev2TransformType::PRF, static_cast<uint16_t>(id), {}};
}

Ikev2Transform
Ikev2Transform::Integ(Ikev2IntegId id)
{
    return Ikev2Transform{Ikev2TransformType::INTEG, static_cast<uint16_t>(id), {}};
}

Ikev2Transform
Ikev2Transform::Dh(Ikev2DhId id)
{
    return Ikev2Transform{Ikev2TransformType::DH, static_cast<uint16_t>(id), {}};
}

Ikev2Transform
Ikev2Transform::Esn(Ikev2EsnId id)
{
    return Ikev2Transform{Ikev2TransformType::ESN, static_cast<uint16_t>(id), {}};
}

uint16_t
Ikev2Transform::GetKeyLength() const
{
    for (const auto& a : attributes)
    {
        if (a.tv && a.type == Ikev2::KEY_LENGTH_ATTRIBUTE)
        {
            return a.value;
        }
    }
    return 0;
}

uint32_t
Ikev2Transform::GetSerializedSize() const
{
    uint32_t size = 8;
    for (const auto& a : attributes)
    {
        size += a.GetSerializedSize();
    }
    return size;
}

uint32_t
Ikev2Proposal::GetSerializedSize() const
{
    uint32_t size = 8 + static_cast<uint32_t>(spi.size());
    for (const auto& t : transforms)
    {
        size += t.GetSerializedSize();
    }
    return size;
}

bool
Ikev2NotifyPayload::IsError() const
{
    return static_cast<uint16_t>(type) < Ikev2::NOTIFY_ERROR_LIMIT;
}

Ikev2TrafficSelector
Ikev2TrafficSelector::Ipv6Range(const Ipv6Address& start,
                                const Ipv6Address& end,
                                uint8_t ipProtocol,
                                uint16_t startPort,
                                uint16_t endPort)
{
    Ikev2TrafficSelector ts;
    ts.type = Ikev2TsType::TS_IPV6_ADDR_RANGE;
    ts.ipProtocol = ipProtocol;
    ts.startPort = startPort;
    ts.endPort = endPort;
    ts.startAddress.resize(16);
    ts.endAddress.resize(16);
    start.Serialize(ts.startAddress.data());
    end.Serialize(ts.endAddress.data());
    return ts;
}

Ikev2TrafficSelector
Ikev2TrafficSelector::Ipv4Range(const Ipv4Address& start,
                                const Ipv4Address& end,
                                uint8_t ipProtocol,
                                uint16_t startPort,
                                uint16_t endPort)
{
    Ikev2TrafficSelector ts;
    ts.type = Ikev2TsType::TS_IPV4_ADDR_RANGE;
    ts.ipProtocol = ipProtocol;
    ts.startPort = startPort;
    ts.endPort = endPort;
    ts.startAddress.resize(4);
    ts.endAddress.resize(4);
    start.Serialize(ts.startAddress.data());
    end.Serialize(ts.endAddress.data());
    return ts;
}

uint32_t
Ikev2TrafficSelector::GetSerializedSize() const
{
    return 8 + static_cast<uint32_t>(startAddress.size() + endAddress.size());
}

uint8_t
Ikev2EapPayload::GetCode() const
{
    WireReader r(message);
    return r.U8();
}

uint8_t
Ikev2EapPayload::GetIdentifier() const
{
    WireReader r(message);
    r.Skip(1);
    return r.U8();
}

uint16_t
Ikev2EapPayload::GetLength() const
{
    WireReader r(message);
    r.Skip(2);
    return r.U16();
}

uint8_t
Ikev2EapPayload::GetType() const
{
    WireReader r(message);
    const uint8_t code = r.U8();
    if (code != REQUEST && code != RESPONSE)
    {
        return 0;
    }
    r.Skip(3);
    return r.U8();
}

namespace
{

/// Maps each payload struct to its type and critical bit.
struct PayloadTypeVisitor
{
    /// \return SA
    Ikev2PayloadType operator()(const Ikev2SaPayload&) const
    {
        return Ikev2PayloadType::SA;
    }

    /// \return KE
    Ikev2PayloadType operator()(const Ikev2KePayload&) const
    {
        return Ikev2PayloadType::KE;
    }

    /// \return IDi
    Ikev2PayloadType operator()(const Ikev2IdiPayload&) const
    {
        return Ikev2PayloadType::IDI;
    }

    /// \return IDr
    Ikev2PayloadType operator()(const Ikev2IdrPayload&) const
    {
        return Ikev2PayloadType::IDR;
    }

    /// \return CERT
    Ikev2PayloadType operator()(const Ikev2CertPayload&) const
    {
        return Ikev2PayloadType::CERT;
    }

    /// \return CERTREQ
    Ikev2PayloadType operator()(const Ikev2CertReqPayload&) const
    {
        return Ikev2PayloadType::CERTREQ;
    }

    /// \return AUTH
    Ikev2PayloadType operator()(const Ikev2AuthPayload&) const
    {
        return Ikev2PayloadType::AUTH;
    }

    /// \return Nonce
    Ikev2PayloadType operator()(const Ikev2NoncePayload&) const
    {
        return Ikev2PayloadType::NONCE;
    }

    /// \return Notify
    Ikev2PayloadType operator()(const Ikev2NotifyPayload&) const
    {
        return Ikev2PayloadType::NOTIFY;
    }

    /// \return Delete
    Ikev2PayloadType operator()(const Ikev2DeletePayload&) const
    {
        return Ikev2PayloadType::DELETE;
    }

    /// \return Vendor ID
    Ikev2PayloadType operator()(const Ikev2VendorIdPayload&) const
    {
        return Ikev2PayloadType::VENDOR_ID;
    }

    /// \return TSi
    Ikev2PayloadType operator()(const Ikev2TsiPayload&) const
    {
        return Ikev2PayloadType::TSI;
    }

    /// \return TSr
    Ikev2PayloadType operator()(const Ikev2TsrPayload&) const
    {
        return Ikev2PayloadType::TSR;
    }

    /// \return CP
    Ikev2PayloadType operator()(const Ikev2CpPayload&) const
    {
        return Ikev2PayloadType::CP;
    }

    /// \return EAP
    Ikev2PayloadType operator()(const Ikev2EapPayload&) const
    {
        return Ikev2PayloadType::EAP;
    }

    /// \param p the payload \return its stored type
    Ikev2PayloadType operator()(const Ikev2UnknownPayload& p) const
    {
        return p.type;
    }
};

} // namespace

Ikev2PayloadType
GetIkev2PayloadType(const Ikev2Payload& payload)
{
    return std::visit(PayloadTypeVisitor{}, payload);
}

bool
IsIkev2PayloadCritical(const Ikev2Payload& payload)
{
    return std::visit([](const auto& p) { return p.critical; }, payload);
}

const Ikev2NotifyPayload*
Ikev2FindNotify(const std::vector<Ikev2Payload>& payloads, Ikev2NotifyType type)
{
    for (const Ikev2NotifyPayload* n : IkeFindAllPayloads<Ikev2NotifyPayload>(payloads))
    {
        if (n->type == type)
        {
            return n;
        }
    }
    return nullptr;
}

const Ikev2NotifyPayload*
Ikev2FindErrorNotify(const std::vector<Ikev2Payload>& payloads)
{
    for (const Ikev2NotifyPayload* n : IkeFindAllPayloads<Ikev2NotifyPayload>(payloads))
    {
        if (n->IsError())
        {
            return n;
        }
    }
    return nullptr;
}

Ikev2NotifyPayload
Ikev2MakeNotify(Ikev2NotifyType type, std::vector<uint8_t> data)
{
    Ikev2NotifyPayload n;
    n.type = type;
    n.data = std::move(data);
    return n;
}

Ikev2NotifyPayload
Ikev2MakeInvalidKeNotify(Ikev2DhId group)
{
    std::vector<uint8_t> data;
    WireWriter(data).U16(static_cast<uint16_t>(group));
    return Ikev2MakeNotify(Ikev2NotifyType::INVALID_KE_PAYLOAD, data);
}

Ikev2DhId
Ikev2GetInvalidKeGroup(const Ikev2NotifyPayload& notify)
{
    return notify.data.size() == 2 ? static_cast<Ikev2DhId>(WireReadU16(notify.data.data()))
                                   : Ikev2DhId::NONE;
}

const std::vector<Ikev2Payload>&
Ikev2GetInnerPayloads(const Ikev2Message& message)
{
    static const std::vector<Ikev2Payload> none;
    return message.encrypted && !message.encrypted->sealed ? message.encrypted->payloads : none;
}

} // namespace ns3
