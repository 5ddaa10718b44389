/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_PAYLOAD_CODEC_H
#define IKEV2_PAYLOAD_CODEC_H

#include "ikev2-decode-result.h"
#include "ikev2-message.h"
#include "wire-writer.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The bodies of the IKEv2 payloads, the octets after their generic header (RFC 7296
 * §3.3-§3.16); Ikev2Codec chains them, and Ikev2SaCodec does the SA payload's proposals.
 *
 * The decoder reads every field through WireReader and checks:
 * - the fixed part of KE, IDi/IDr, CERT, CERTREQ, AUTH, Notify, Delete, TS, CP and EAP is there;
 * - Notify: the SPI fits the payload (§3.10); Delete: the SPIs fill it exactly (§3.11);
 * - CERTREQ of encoding 4 (X.509): the CA field is a whole number of SHA-1 hashes (§3.7);
 * - Nonce data is 16 to 256 octets (§3.9);
 * - TS: Number of TSs selectors fill it exactly, each of type 7 (16 octets) or 8 (40 octets)
 *   with that Selector Length; other selector types are refused (§3.13.1);
 * - CP: attributes fill it exactly (§3.15.1);
 * - EAP: the EAP Length equals the payload body, and a Request or Response has a Type
 *   (RFC 3748 §4).
 */
class Ikev2PayloadCodec
{
  public:
    /// The size of one CA in a CERTREQ of X.509 certificates: a SHA-1 hash (RFC 7296 §3.7).
    static constexpr size_t CA_KEY_HASH_SIZE = 20;

    /**
     * \param type a payload type
     * \return true for the types this model decodes, SA (33) to EAP (48) (RFC 7296 §3.2); SK
     *         is one of them, but Ikev2Codec handles it
     */
    static bool IsKnownType(Ikev2PayloadType type);

    /**
     * \param payload a payload
     * \return the size of its body on the wire
     */
    static uint32_t GetBodySize(const Ikev2Payload& payload);

    /**
     * \brief Writes a payload's body, reserved fields zero.
     * \param w the writer, after the payload's generic header
     * \param payload the payload (aborts on counts or sizes its fields cannot hold)
     */
    static void WriteBody(WireWriter& w, const Ikev2Payload& payload);

    /**
     * \brief Reads the body of a payload other than SK according to its type; a type not
     * known is kept as Ikev2UnknownPayload.
     * \param type the payload type, from the previous Next Payload field
     * \param body the octets after the generic header
     * \param at the payload's offset, for error reports
     * \param critical the C bit of its generic header
     * \param [out] out the payloads, to which the payload is appended on success
     * \return OK, or TRUNCATED, BAD_LENGTH, BAD_PAYLOAD, BAD_PROPOSAL or BAD_ATTRIBUTE
     */
    static Ikev2DecodeResult ReadBody(Ikev2PayloadType type,
                                      const std::vector<uint8_t>& body,
                                      size_t at,
                                      bool critical,
                                      std::vector<Ikev2Payload>& out);

    /**
     * \brief The Certification Authority field of a CERTREQ of X.509 certificates (RFC 7296
     * §3.7): the SHA-1 hashes of the trusted CAs' SubjectPublicKeyInfo, concatenated.
     * \param hashes the hashes, CA_KEY_HASH_SIZE octets each (aborts otherwise)
     * \return the field
     */
    static std::vector<uint8_t> JoinCaKeyHashes(const std::vector<std::vector<uint8_t>>& hashes);
    /**
     * \param data the Certification Authority field of a decoded CERTREQ of encoding 4 (the
     *        decoder has checked that it is a whole number of hashes)
     * \return the SHA-1 hashes it lists
     */
    static std::vector<std::vector<uint8_t>> SplitCaKeyHashes(const std::vector<uint8_t>& data);
};

} // namespace ns3

#endif // IKEV2_PAYLOAD_CODEC_H
