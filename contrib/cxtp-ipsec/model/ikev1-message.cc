/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev1-message.h"

#include "wire-reader.h"
#include "wire-writer.h"

#include "ns3/assert.h"

namespace ns3
{

bool
Ikev1Header::IsEncrypted() const
{
    return (flags & FLAG_ENCRYPTION) != 0;
}

Ikev1Attribute
Ikev1Attribute::Basic(uint16_t type, uint16_t value)
{
    NS_ASSERT_MSG(type < 0x8000, "attribute type has 15 bits");
    Ikev1Attribute a;
    a.type = type;
    a.tv = true;
    a.value = value;
    return a;
}

Ikev1Attribute
Ikev1Attribute::Variable(uint16_t type, uint32_t value)
{
    if (value <= 0xFFFF)
    {
        return Basic(type, static_cast<uint16_t>(value));
    }
    NS_ASSERT_MSG(type < 0x8000, "attribute type has 15 bits");
    Ikev1Attribute a;
    a.type = type;
    a.tv = false;
    a.data = WireBytesU32(value);
    return a;
}

bool
Ikev1Attribute::GetInteger(uint64_t& out) const
{
    if (tv)
    {
        out = value;
        return true;
    }
    if (data.empty() || data.size() > 8)
    {
        return false;
    }
    out = WireReadUint(data.data(), data.size());
    return true;
}

uint32_t
Ikev1Attribute::GetSerializedSize() const
{
    return tv ? 4 : 4 + static_cast<uint32_t>(data.size());
}

namespace
{

/// Maps each payload struct to its type code.
struct PayloadTypeVisitor
{
    /// \return SA
    uint8_t operator()(const Ikev1SaPayload&) const
    {
        return static_cast<uint8_t>(Ikev1PayloadType::SA);
    }

    /// \return KE
    uint8_t operator()(const Ikev1KePayload&) const
    {
        return static_cast<uint8_t>(Ikev1PayloadType::KE);
    }

    /// \return ID
    uint8_t operator()(const Ikev1IdPayload&) const
    {
        return static_cast<uint8_t>(Ikev1PayloadType::ID);
    }

    /// \return HASH
    uint8_t operator()(const Ikev1HashPayload&) const
    {
        return static_cast<uint8_t>(Ikev1PayloadType::HASH);
    }

    /// \return NONCE
    uint8_t operator()(const Ikev1NoncePayload&) const
    {
        return static_cast<uint8_t>(Ikev1PayloadType::NONCE);
    }

    /// \return NOTIFICATION
    uint8_t operator()(const Ikev1NotifyPayload&) const
    {
        return static_cast<uint8_t>(Ikev1PayloadType::NOTIFICATION);
    }

    /// \return DELETE
    uint8_t operator()(const Ikev1DeletePayload&) const
    {
        return static_cast<uint8_t>(Ikev1PayloadType::DELETE);
    }

    /// \return VENDOR_ID
    uint8_t operator()(const Ikev1VendorIdPayload&) const
    {
        return static_cast<uint8_t>(Ikev1PayloadType::VENDOR_ID);
    }

    /// \param p the payload \return its stored type
    uint8_t operator()(const Ikev1OpaquePayload& p) const
    {
        return p.type;
    }
};

} // namespace

uint8_t
GetIkev1PayloadType(const Ikev1Payload& payload)
{
    return std::visit(PayloadTypeVisitor{}, payload);
}

} // namespace ns3
