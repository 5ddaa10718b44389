/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_CODEC_H
#define IKEV2_CODEC_H

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
 * \brief Stateless IKEv2 wire codec between the structs of ikev2-message.h and octets: the IKE
 * header (RFC 7296 §3.1), the generic payload header and Next Payload chaining (§3.2) and every
 * payload of §3.3-§3.16, whose bodies Ikev2PayloadCodec and Ikev2SaCodec write and read.
 *
 * The SK payload (§3.14) is carried sealed here: DecodeMessage() keeps its body (IV, ciphertext,
 * ICV) for Ikev2Protection::Open(), and EncodeMessage() writes a sealed body back as it was.
 * Ikev2Protection builds and opens SK payloads with the IKE SA's keys.
 *
 * Every read goes through WireReader, so no input makes the decoder read outside its buffer, and
 * every length field is checked:
 * - a payload's length is at least 4 and does not run past the message (or the plaintext);
 * - each payload's body is consistent with its own fields (see Ikev2PayloadCodec, Ikev2SaCodec);
 * - the header's Length equals the octets received; no octet follows the last payload;
 * - SK is the last payload of a message and never appears inside another SK (§3.14).
 *
 * Payloads of unknown type (§3.2: 1-32 reserved, 49-255 unassigned or private) are kept as
 * Ikev2UnknownPayload and the chain goes on. If one of them has the critical bit set, the whole
 * message is still decoded, then UNSUPPORTED_CRITICAL_PAYLOAD is returned with the type of the
 * first one, so that the caller can answer it (§2.5). The critical bit of a known payload is
 * recorded and otherwise ignored, as §3.2 requires. Reserved fields are written as zero and
 * ignored on receipt (§3.1, §3.2); the header's minor version is not checked (§2.5).
 */
class Ikev2Codec
{
  public:
    /**
     * \brief Writes the 28-octet IKE header (RFC 7296 §3.1) exactly as given.
     * \param header the header fields
     * \return 28 octets
     */
    static std::vector<uint8_t> EncodeHeader(const Ikev2Header& header);

    /**
     * \brief Reads the 28-octet IKE header (RFC 7296 §3.1) without looking further: the first
     * step of a receiver, which finds the IKE SA by its SPIs before decoding the rest.
     * \param data the message
     * \param size the number of octets at data
     * \param [out] header the header fields
     * \return OK, or TRUNCATED for fewer than 28 octets
     */
    static Ikev2DecodeResult DecodeHeader(const uint8_t* data, size_t size, Ikev2Header& header);

    /**
     * \brief Reads the 28-octet IKE header; see DecodeHeader(const uint8_t*, size_t, Ikev2Header&).
     * \param bytes the message
     * \param [out] header the header fields
     * \return OK, or TRUNCATED for fewer than 28 octets
     */
    static Ikev2DecodeResult DecodeHeader(const std::vector<uint8_t>& bytes, Ikev2Header& header);

    /**
     * \brief Writes a generic payload header (RFC 7296 §3.2).
     * \param w the writer
     * \param next the Next Payload field
     * \param critical the C bit
     * \param length the Payload Length, header included (aborts above 65535)
     */
    static void WriteGenericHeader(WireWriter& w,
                                   Ikev2PayloadType next,
                                   bool critical,
                                   uint32_t length);

    /**
     * \brief Writes a payload chain: generic headers whose Next Payload names the following
     * payload, exact Payload Lengths, and the bodies (RFC 7296 §3.2-§3.16).
     * \param payloads the payloads in wire order
     * \param nextAfterLast the Next Payload of the last payload: NONE, or SK when an SK
     *        payload follows the clear ones
     * \return the octets
     */
    static std::vector<uint8_t> EncodePayloads(const std::vector<Ikev2Payload>& payloads,
                                               Ikev2PayloadType nextAfterLast);

    /**
     * \brief Reads a payload chain that fills its buffer exactly and holds no SK payload: the
     * plaintext of an SK payload without its padding (RFC 7296 §3.14).
     * \param data the first octet of the first payload
     * \param size the number of octets
     * \param first the type of the first payload (NONE for an empty chain)
     * \param [out] out the payloads, appended in wire order
     * \return OK, UNSUPPORTED_CRITICAL_PAYLOAD (all payloads decoded), or the first error,
     *         with offsets counted from data
     */
    static Ikev2DecodeResult DecodePayloads(const uint8_t* data,
                                            size_t size,
                                            Ikev2PayloadType first,
                                            std::vector<Ikev2Payload>& out);

    /**
     * \brief Writes a message: the header with Next Payload and Length derived from the payloads,
     * the clear payloads and, if present, the SK payload, which must be sealed (one that was
     * decoded and not opened, written back as received). Use Ikev2Protection::Protect() to
     * encrypt an SK payload; this function aborts on an open one.
     * \param message the message
     * \return the octets
     */
    static std::vector<uint8_t> EncodeMessage(const Ikev2Message& message);

    /**
     * \brief Reads a message (RFC 7296 §3): header, clear payloads and, if present, the SK
     * payload, kept sealed for Ikev2Protection::Open().
     *
     * Checks that the major version is 2 (BAD_VERSION), that the header's Length equals the
     * octets received, and the payload chain as described in the class documentation.
     * \param bytes the message (without the 4-octet non-ESP marker of port 4500)
     * \param [out] message the message; on failure, what was decoded before the error (the
     *        header whenever there were 28 octets)
     * \return OK, UNSUPPORTED_CRITICAL_PAYLOAD (the message is complete), or the first error
     */
    static Ikev2DecodeResult DecodeMessage(const std::vector<uint8_t>& bytes,
                                           Ikev2Message& message);

    /**
     * \param payload a payload
     * \return its size on the wire, generic header included
     */
    static uint32_t GetPayloadSize(const Ikev2Payload& payload);

    /**
     * \param payloads a payload chain
     * \return the size of EncodePayloads(payloads, ...)
     */
    static uint32_t GetPayloadsSize(const std::vector<Ikev2Payload>& payloads);
};

} // namespace ns3

#endif // IKEV2_CODEC_H
