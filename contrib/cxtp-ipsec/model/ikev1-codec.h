/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV1_CODEC_H
#define IKEV1_CODEC_H

#include "ikev1-message.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Why an ISAKMP message or payload chain could not be decoded.
 */
enum class Ikev1DecodeError : uint8_t
{
    OK = 0,              ///< decoded
    TRUNCATED,           ///< fewer bytes than a fixed-size field or header needs
    BAD_LENGTH,          ///< a length field is too small, runs past its container or disagrees
    UNSUPPORTED_PAYLOAD, ///< reserved payload type 14–127, or Proposal/Transform outside an SA
    BAD_ATTRIBUTE,       ///< a data attribute runs past the end of its transform
    BAD_PROPOSAL,        ///< inconsistent proposal/transform chain (next payload, counts)
    BAD_HEADER,          ///< ISAKMP header: bad major version or encrypted body given as clear
};

/**
 * \ingroup cxtp-ipsec
 * \param error a decode error
 * \return its name, e.g. "BAD_LENGTH"
 */
const char* GetIkev1DecodeErrorName(Ikev1DecodeError error);

/**
 * \ingroup cxtp-ipsec
 * \brief Outcome of a decode: an error code, a human-readable reason and the byte offset at
 * which the problem was found (relative to the buffer given to the decoder).
 */
struct Ikev1DecodeResult
{
    Ikev1DecodeError error{Ikev1DecodeError::OK}; ///< error code
    std::string reason;                           ///< what was wrong (empty when OK)
    size_t offset{0}; ///< where it was found; on success, the bytes consumed by the payloads

    /// \return true if error is OK
    bool IsOk() const;
};

/**
 * \ingroup cxtp-ipsec
 * \brief Stateless ISAKMP (IKEv1) wire codec between the typed structs of ikev1-message.h and
 * bytes: RFC 2408 §3 (header, generic payload header, data attributes, payloads), with the
 * IPsec DOI layouts of RFC 2407 §4.6 and the exchanges of RFC 2409.
 *
 * Encryption (RFC 2409 App. B) is not done here: the caller encrypts the output of
 * EncodePayloads(), pads it, and writes the header with the E flag and the padded length;
 * on receive it decrypts what follows the header and calls DecodePayloads().
 *
 * The decoders never read past the given buffer and check every length field:
 * - a payload's length must be ≥ its fixed part and must not run past the buffer;
 * - Proposal payloads must fill the SA payload exactly, their next-payload fields being
 *   2 (another proposal follows) or 0 (last), RFC 2408 §3.5; Transform payloads likewise with
 *   3/0 (§3.6), and their number must equal "# of Transforms";
 * - attributes must fill their transform exactly (TV 4 bytes, TLV 4 + length, §3.3);
 * - a Delete payload's length must equal 12 + SPI size × # of SPIs (§3.15).
 *
 * IKEv1 has no critical bit: a reserved payload type (14–127) makes the whole chain
 * unparseable (RFC 2408 §5.1, INVALID-PAYLOAD-TYPE) and yields UNSUPPORTED_PAYLOAD.
 * CERT, CR, SIG and private-use types (128–255) are kept as Ikev1OpaquePayload. Bytes after
 * the last payload (encryption padding, RFC 2409 App. B) are ignored; Ikev1DecodeResult::offset
 * tells how many bytes the payloads used. Reserved fields are written as zero and not checked.
 */
class Ikev1Codec
{
  public:
    /// Size of the generic payload header (RFC 2408 §3.2).
    static constexpr uint32_t GENERIC_HEADER_SIZE = 4;

    /**
     * \brief Writes the 28-byte ISAKMP header (RFC 2408 §3.1) exactly as given.
     * \param header the header fields (nextPayload and length are not computed)
     * \return 28 bytes
     */
    static std::vector<uint8_t> EncodeHeader(const Ikev1Header& header);

    /**
     * \brief Reads the 28-byte ISAKMP header (RFC 2408 §3.1).
     * \param bytes the message (at least 28 bytes)
     * \param [out] header the header fields
     * \return false if there are fewer than 28 bytes
     */
    static bool DecodeHeader(const std::vector<uint8_t>& bytes, Ikev1Header& header);

    /**
     * \brief Reads the 28-byte ISAKMP header (RFC 2408 §3.1).
     * \param data the message
     * \param len the number of bytes at data
     * \param [out] header the header fields
     * \return false if len < 28
     */
    static bool DecodeHeader(const uint8_t* data, size_t len, Ikev1Header& header);

    /**
     * \brief Writes a payload chain with generic headers, Next Payload chaining (the last one
     * 0) and exact payload lengths (RFC 2408 §3.2). SA payloads carry nested Proposal and
     * Transform payloads whose next-payload fields are 2/0 and 3/0 (RFC 2408 §3.5–3.6).
     * \param payloads the payloads in wire order
     * \param [out] firstPayloadType the type of the first payload (0 if there is none), for
     * the ISAKMP header's Next Payload field
     * \return the bytes (no encryption padding)
     */
    static std::vector<uint8_t> EncodePayloads(const std::vector<Ikev1Payload>& payloads,
                                               uint8_t& firstPayloadType);

    /**
     * \brief Reads a payload chain (the inverse of EncodePayloads()).
     * \param data the first byte of the first payload
     * \param len the number of bytes available at data
     * \param firstPayloadType the type of the first payload (from the ISAKMP header)
     * \param [out] out the payloads, appended in wire order (those before an error remain)
     * \return OK, or the first error found with its reason and offset
     */
    static Ikev1DecodeResult DecodePayloads(const uint8_t* data,
                                            size_t len,
                                            uint8_t firstPayloadType,
                                            std::vector<Ikev1Payload>& out);

    /**
     * \brief Writes a clear-text message: header (with nextPayload and length derived from
     * the payloads, the E flag cleared) and payloads.
     * \param message the message
     * \return the bytes
     */
    static std::vector<uint8_t> EncodeMessage(const Ikev1Message& message);

    /**
     * \brief Reads a clear-text message. Checks that the header length equals the buffer
     * size, that the major version is 1 (RFC 2408 §5.1) and that the E flag is clear (decrypt
     * first, then use DecodePayloads()).
     * \param bytes the message
     * \param [out] message the message
     * \return OK or the first error
     */
    static Ikev1DecodeResult DecodeMessage(const std::vector<uint8_t>& bytes,
                                           Ikev1Message& message);

    /**
     * \brief Writes the data of an UPDATE_SPI / UPDATE_SPI_ACK notification (IkeSpiUpdate).
     * \param entries the entries (aborts on a protocol/SPI size pair that is not ESP/4 or
     *        ISAKMP/16: that is a programming error)
     * \return the notification data
     */
    static std::vector<uint8_t> EncodeSpiUpdates(const std::vector<IkeSpiUpdate>& entries);
    /**
     * \brief Reads the data of an UPDATE_SPI / UPDATE_SPI_ACK notification, bounds-checked.
     * \param data the notification data
     * \param [out] entries the entries, assigned only on success
     * \return OK; TRUNCATED if an entry's fixed part or SPIs run past the end; BAD_LENGTH for
     *         no entry at all or an SPI size that does not fit the protocol (ESP 4, ISAKMP 16);
     *         UNSUPPORTED_PAYLOAD for another protocol ID
     */
    static Ikev1DecodeResult DecodeSpiUpdates(const std::vector<uint8_t>& data,
                                              std::vector<IkeSpiUpdate>& entries);

    /**
     * \param attribute a data attribute
     * \return its size on the wire (RFC 2408 §3.3)
     */
    static uint32_t GetAttributeSize(const Ikev1Attribute& attribute);

    /**
     * \param payload a payload
     * \return its size on the wire, generic header and nested payloads included
     */
    static uint32_t GetPayloadSize(const Ikev1Payload& payload);

    /**
     * \param payloads a payload chain
     * \return the size of EncodePayloads(payloads)
     */
    static uint32_t GetPayloadsSize(const std::vector<Ikev1Payload>& payloads);
};

} // namespace ns3

#endif // IKEV1_CODEC_H
