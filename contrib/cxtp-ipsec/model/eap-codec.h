/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef EAP_CODEC_H
#define EAP_CODEC_H

#include "eap-packet.h"
#include "wire-decode-result.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Stateless EAP wire codec (RFC 3748 §4-§5) between EapPacket and octets, and the
 * type-data of the Identity (§5.1) and Nak (§5.3.1) methods.
 *
 * Decode() never reads outside its buffer and returns the reason of the first inconsistency:
 * - fewer than 4 octets, or a Code other than 1-4;
 * - a Length field below 4 (5 for Request/Response, which carry a Type) or above the octets
 *   received (§4: "MUST be silently discarded"); octets after Length are link-layer padding and
 *   are ignored (§4), WireDecodeResult::offset then tells the octets used;
 * - a Success or Failure with data (§4.2: Length is 4);
 * - the Expanded Type 254 (§5.7), which this codec does not support.
 */
class EapCodec
{
  public:
    /// Octets of the Code, Identifier and Length fields (RFC 3748 §4)
    static constexpr size_t HEADER = 4;

    /**
     * \brief Writes a packet; Length is 4 for Success and Failure (type and type-data are not
     * written), 5 + type-data otherwise. Aborts above 65535 octets.
     * \param packet the packet
     * \return the octets
     */
    static std::vector<uint8_t> Encode(const EapPacket& packet);

    /**
     * \brief Reads a packet (RFC 3748 §4).
     * \param data the first octet
     * \param size the octets received
     * \param [out] packet the packet
     * \return OK (offset: the Length field, the octets used), or the reason it is malformed
     */
    static WireDecodeResult Decode(const uint8_t* data, size_t size, EapPacket& packet);
    /**
     * \param bytes the octets received
     * \param [out] packet the packet
     * \return see Decode(const uint8_t*, size_t, EapPacket&)
     */
    static WireDecodeResult Decode(const std::vector<uint8_t>& bytes, EapPacket& packet);

    /**
     * \brief Builds an Identity Request or Response (RFC 3748 §5.1).
     * \param code REQUEST (the displayable message, often empty) or RESPONSE (the identity)
     * \param identifier the Identifier
     * \param identity the type-data, not NUL-terminated (§5.1)
     * \return the packet
     */
    static EapPacket MakeIdentity(EapCode code, uint8_t identifier, const std::string& identity);
    /**
     * \param packet a packet of type IDENTITY
     * \param [out] identity its type-data as a string
     * \return OK, or why it is not an Identity packet
     */
    static WireDecodeResult GetIdentity(const EapPacket& packet, std::string& identity);

    /**
     * \brief Builds a Legacy Nak Response (RFC 3748 §5.3.1).
     * \param identifier the Identifier of the Request it answers
     * \param desired the desired authentication types (§5.3.1: 0 alone for "none")
     * \return the packet
     */
    static EapPacket MakeNak(uint8_t identifier, const std::vector<EapType>& desired);
    /**
     * \param packet a Response of type NAK
     * \param [out] desired its desired types
     * \return OK, or the reason (not a Nak Response, no type, a type below 4 other than the
     *         lone 0 of §5.3.1)
     */
    static WireDecodeResult GetNak(const EapPacket& packet, std::vector<EapType>& desired);
};

} // namespace ns3

#endif // EAP_CODEC_H
