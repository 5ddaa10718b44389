/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef EAP_AKA_CODEC_H
#define EAP_AKA_CODEC_H

#include "eap-aka-message.h"
#include "eap-packet.h"
#include "wire-decode-result.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief EAP-AKA (type 23) type-data codec, RFC 4187 §8.1 and §10, and the AT_MAC computation
 * of §10.15 (HMAC-SHA1-128 with K_aut, through CryptoMac). The keys (K_aut) come from the
 * caller: their derivation (§7) is not done here.
 *
 * Attributes are Type, Length in multiples of 4 octets, value (§8.1). Decode() checks:
 * - a Length of 0 or an attribute running past the type-data;
 * - the fixed Length of each known attribute (AT_RAND 5, AT_AUTS 4, AT_COUNTER 1, ...), the
 *   RES Length (32-128 bits, within the attribute) and the Actual Identity Length;
 * - an unknown non-skippable attribute (type < 128) is an error (§8.1); an unknown skippable one
 *   is kept as it is;
 * - an unknown Subtype.
 */
class EapAkaCodec
{
  public:
    /// Octets of the AT_MAC value (§10.15)
    static constexpr size_t MAC_SIZE = 16;

    /**
     * \param message the message; aborts on a field that does not fit its attribute (e.g. a
     *        RAND that is not 16 octets)
     * \return the type-data: Subtype, Reserved (zero), attributes
     */
    static std::vector<uint8_t> Encode(const EapAkaMessage& message);
    /**
     * \param typeData the type-data of a type-23 packet
     * \param [out] message the message
     * \return OK, or the reason (offset within the type-data)
     */
    static WireDecodeResult Decode(const std::vector<uint8_t>& typeData, EapAkaMessage& message);

    /**
     * \param attribute an attribute
     * \return its size on the wire, a multiple of 4
     */
    static size_t GetAttributeSize(const EapAkaAttribute& attribute);
    /**
     * \param message an EAP-AKA message
     * \param type an attribute type
     * \return the first attribute of that type, or nullptr
     */
    static const EapAkaAttribute* Find(const EapAkaMessage& message, EapAkaAttributeType type);

    /**
     * \brief Computes the AT_MAC value of an encoded EAP-AKA packet (RFC 4187 §10.15):
     * HMAC-SHA1 with K_aut over the whole EAP packet, with the value of its AT_MAC set to zero,
     * followed by extra (the message-specific data: empty for AKA-Challenge and
     * AKA-Notification, NONCE_S for the Response to AKA-Reauthentication, §9.8), truncated to
     * 16 octets.
     * \param eapPacket the EAP packet (header included) holding one AT_MAC
     * \param kAut the authentication key K_aut (16 octets in EAP-AKA)
     * \param extra data appended to the packet for the MAC
     * \param [out] mac the 16 octets
     * \return OK, or why not: not an EAP-AKA packet, malformed, no AT_MAC
     */
    static WireDecodeResult ComputeMac(const std::vector<uint8_t>& eapPacket,
                                       const std::vector<uint8_t>& kAut,
                                       const std::vector<uint8_t>& extra,
                                       std::vector<uint8_t>& mac);
    /**
     * \brief Computes the AT_MAC value (see ComputeMac()) and writes it into the packet.
     * \param [in,out] eapPacket the encoded EAP packet, its AT_MAC value any 16 octets
     * \param kAut K_aut
     * \param extra the message-specific data
     * \return OK, or why not
     */
    static WireDecodeResult SetMac(std::vector<uint8_t>& eapPacket,
                                   const std::vector<uint8_t>& kAut,
                                   const std::vector<uint8_t>& extra);
    /**
     * \param eapPacket a received EAP-AKA packet
     * \param kAut K_aut
     * \param extra the message-specific data
     * \return OK if its AT_MAC verifies (compared in constant time), otherwise the reason
     */
    static WireDecodeResult VerifyMac(const std::vector<uint8_t>& eapPacket,
                                      const std::vector<uint8_t>& kAut,
                                      const std::vector<uint8_t>& extra);
    /**
     * \brief SetMac() on a typed packet: encodes it (EapCodec::Encode), writes the AT_MAC value
     * and puts the type-data back.
     * \param [in,out] packet an EAP-AKA Request or Response with one AT_MAC in its type-data
     * \param kAut K_aut
     * \param extra the message-specific data
     * \return OK, or why not (the packet is then unchanged)
     */
    static WireDecodeResult SetMac(EapPacket& packet,
                                   const std::vector<uint8_t>& kAut,
                                   const std::vector<uint8_t>& extra);
    /**
     * \brief VerifyMac() on a typed packet, as received and decoded (its encoding is the
     * octets that came, padding after Length aside).
     * \param packet an EAP-AKA packet
     * \param kAut K_aut
     * \param extra the message-specific data
     * \return OK if its AT_MAC verifies, otherwise the reason
     */
    static WireDecodeResult VerifyMac(const EapPacket& packet,
                                      const std::vector<uint8_t>& kAut,
                                      const std::vector<uint8_t>& extra);
};

} // namespace ns3

#endif // EAP_AKA_CODEC_H
