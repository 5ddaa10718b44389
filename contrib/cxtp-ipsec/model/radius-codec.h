/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef RADIUS_CODEC_H
#define RADIUS_CODEC_H

#include "eap-packet.h"
#include "radius-packet.h"
#include "wire-decode-result.h"

#include "ns3/ipv4-address.h"
#include "ns3/ipv6-address.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Stateless RADIUS wire codec (RFC 2865 §3, §5) between RadiusPacket and octets, the
 * typed attribute values, EAP-Message (RFC 3579 §3.1) and Vendor-Specific (RFC 2865 §5.26).
 *
 * Decode() never reads outside its buffer and returns the reason of the first inconsistency:
 * - fewer than 20 octets; a Length field below 20 or above 4096 (§3), or above the octets
 *   received (§3: silently discarded); octets after Length are padding and ignored (§3);
 * - an unknown Code (only the four Access codes are handled here);
 * - an attribute Length below 2 or running past Length (§5); an empty value (Length 2: every
 *   attribute used here has at least one octet);
 * - the value size of NAS-IP-Address (4), NAS-IPv6-Address (16), the integers (4: Service-Type,
 *   Framed-MTU, Session-Timeout, NAS-Port-Type),
 *   Message-Authenticator (16) and Vendor-Specific (at least 5, §5.26).
 * The authenticators are checked by RadiusAuthenticator.
 */
class RadiusCodec
{
  public:
    static constexpr size_t HEADER = 20;       ///< Code, Identifier, Length, Authenticator
    static constexpr size_t MAX_LENGTH = 4096; ///< §3
    static constexpr size_t MAX_VALUE = 253;   ///< octets of an attribute value (§5)

    /**
     * \param packet the packet (authenticator of 16 octets, values of 1-253 octets, at most
     *        4096 octets in all; aborts otherwise)
     * \return the octets
     */
    static std::vector<uint8_t> Encode(const RadiusPacket& packet);
    /**
     * \param data the first octet
     * \param size the octets received
     * \param [out] packet the packet
     * \return OK (offset: the Length field), or the reason
     */
    static WireDecodeResult Decode(const uint8_t* data, size_t size, RadiusPacket& packet);
    /**
     * \param bytes the octets received
     * \param [out] packet the packet
     * \return see Decode(const uint8_t*, size_t, RadiusPacket&)
     */
    static WireDecodeResult Decode(const std::vector<uint8_t>& bytes, RadiusPacket& packet);

    /**
     * \param type a text attribute (User-Name, Reply-Message, Called/Calling-Station-Id,
     *        NAS-Identifier)
     * \param text its value (1-253 octets)
     * \return the attribute
     */
    static RadiusAttribute MakeString(RadiusAttributeType type, const std::string& text);
    /**
     * \param type an integer attribute (Service-Type, Session-Timeout, Framed-MTU,
     *        NAS-Port-Type)
     * \param value its value, written in network order
     * \return the attribute
     */
    static RadiusAttribute MakeInteger(RadiusAttributeType type, uint32_t value);
    /**
     * \param address the NAS-IP-Address value (RFC 2865 §5.4)
     * \return the attribute
     */
    static RadiusAttribute MakeNasIpAddress(Ipv4Address address);
    /**
     * \param address the NAS-IPv6-Address value (RFC 3162 §2.1)
     * \return the attribute
     */
    static RadiusAttribute MakeNasIpv6Address(Ipv6Address address);
    /**
     * \param attribute an attribute
     * \return its value as text
     */
    static std::string GetString(const RadiusAttribute& attribute);
    /**
     * \param attribute an attribute of 4 octets
     * \return its value, 0 if it has not 4 octets
     */
    static uint32_t GetInteger(const RadiusAttribute& attribute);
    /**
     * \param packet a packet
     * \param type an attribute type
     * \return the first attribute of that type, or nullptr
     */
    static const RadiusAttribute* Find(const RadiusPacket& packet, RadiusAttributeType type);

    /**
     * \brief Splits an encoded EAP packet into EAP-Message attributes of at most 253 octets
     * each (RFC 3579 §3.1).
     * \param eapPacket the EAP packet (not empty)
     * \return the attributes, in order
     */
    static std::vector<RadiusAttribute> SplitEapMessage(const std::vector<uint8_t>& eapPacket);
    /**
     * \brief Concatenates the EAP-Message attributes of a packet, in order (RFC 3579 §3.1), and
     * decodes the EAP packet they form.
     * \param packet the RADIUS packet
     * \param [out] eap the EAP packet
     * \param [out] eapBytes the concatenated octets, if not null
     * \return OK, or the reason: no EAP-Message, or pieces that do not form exactly one EAP
     *         packet (its Length must equal the octets concatenated)
     */
    static WireDecodeResult GetEapMessage(const RadiusPacket& packet,
                                          EapPacket& eap,
                                          std::vector<uint8_t>* eapBytes = nullptr);

    /**
     * \brief A Vendor-Specific attribute (RFC 2865 §5.26) with one sub-attribute in the
     * recommended format: Vendor-Id, Vendor type, Vendor length, data.
     * \param vendorId the SMI Network Management Private Enterprise Code (311: Microsoft)
     * \param vendorType the vendor's attribute type
     * \param data the sub-attribute's value (at most 247 octets)
     * \return the attribute
     */
    static RadiusAttribute MakeVendorSpecific(uint32_t vendorId,
                                              uint8_t vendorType,
                                              const std::vector<uint8_t>& data);
    /**
     * \param attribute a Vendor-Specific attribute
     * \param [out] vendorId its Vendor-Id
     * \param [out] vendorType the sub-attribute's type
     * \param [out] data the sub-attribute's value
     * \return OK, or the reason: not Vendor-Specific, shorter than 6, or a vendor length
     *         below 2 or not filling the value (one sub-attribute)
     */
    static WireDecodeResult GetVendorSpecific(const RadiusAttribute& attribute,
                                              uint32_t& vendorId,
                                              uint8_t& vendorType,
                                              std::vector<uint8_t>& data);
};

} // namespace ns3

#endif // RADIUS_CODEC_H
