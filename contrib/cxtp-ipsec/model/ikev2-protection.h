/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_PROTECTION_H
#define IKEV2_PROTECTION_H

#include "crypto-random.h"
#include "ikev2-decode-result.h"
#include "ikev2-message.h"
#include "ikev2-sk-suite.h"

#include "ns3/ptr.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The keys that protect the SK payloads of one direction of an IKE SA (RFC 7296 §2.14):
 * SK_ei and SK_ai for messages from the original initiator, SK_er and SK_ar for the others.
 */
struct Ikev2SkKeys
{
    Ikev2SkSuite suite;                 ///< the negotiated ENCR and INTEG transforms
    std::vector<uint8_t> encryptionKey; ///< SK_e (AES-GCM: key, then the 4-octet salt)
    std::vector<uint8_t> integrityKey;  ///< SK_a (empty for AES-GCM, RFC 5282 §7.1)
};

/**
 * \ingroup cxtp-ipsec
 * \brief Builds and opens messages with an Encrypted and Authenticated payload, SK
 * (RFC 7296 §3.14; AES-GCM: RFC 5282).
 *
 * On the wire the SK payload is: generic header (Next Payload = type of the first inner payload)
 * | IV | E(inner payloads | Padding | Pad Length) | ICV.
 * - CBC ciphers, encrypt-then-MAC: the IV is one block drawn from the caller's CryptoRandom; the
 *   ICV is the truncated HMAC with SK_a over the whole message, from the first octet of the IKE
 *   header through the last octet of the ciphertext, computed with the header's Length final.
 * - AES-GCM (RFC 5282): an 8-octet IV, the nonce is salt | IV (§4), the associated data the
 *   message from the first octet of the IKE header through the SK generic header (§5.1), and
 *   the ICV the 16-octet tag.
 *
 * Padding is minimal, as RFC 7296 §3.14 recommends: the fewest octets (0 to block size - 1) that
 * make inner payloads, Padding and Pad Length a multiple of the block size, none for AES-GCM.
 * The padding octets are zero (the RFC allows any value; strongSwan, which also pads minimally,
 * sends random ones). A receiver accepts any Pad Length that fits the plaintext (§3.14).
 *
 * Open() verifies the ICV (in constant time) before it decrypts anything, then checks the
 * padding and decodes the inner payloads with Ikev2Codec. Keys that do not fit the suite, or
 * an unsupported suite, are programming errors: both functions abort on them.
 */
class Ikev2Protection
{
  public:
    /**
     * \param suite the transforms
     * \param innerSize the size of the inner payloads (Ikev2Codec::GetPayloadsSize())
     * \return the Pad Length Protect() uses: minimal, 0 for AES-GCM
     */
    static uint32_t GetPadLength(const Ikev2SkSuite& suite, uint32_t innerSize);

    /**
     * \param suite the transforms
     * \param innerSize the size of the inner payloads
     * \return the size of the SK payload, generic header, IV, padding and ICV included
     */
    static uint32_t GetEncryptedPayloadSize(const Ikev2SkSuite& suite, uint32_t innerSize);

    /**
     * \brief The size of the message Protect() builds, computed without encrypting anything.
     * \param message a message (with or without an SK payload; a sealed one counts as received)
     * \param suite the transforms
     * \return the message size in octets
     */
    static uint32_t GetMessageSize(const Ikev2Message& message, const Ikev2SkSuite& suite);

    /**
     * \brief Builds the wire octets of a message whose SK payload is to be protected: header
     * (Next Payload and Length derived), clear payloads, then the SK payload.
     * \param message the message; message.encrypted must be present and not sealed
     * \param keys the sender's keys
     * \param rng the source of the IV (reproducible per seed and stream)
     * \return the message
     */
    static std::vector<uint8_t> Protect(const Ikev2Message& message,
                                        const Ikev2SkKeys& keys,
                                        const Ptr<CryptoRandom>& rng);

    /**
     * \brief Protect() with a given IV, for known-answer tests; a sender uses Protect(), whose
     * IVs are fresh.
     * \param message the message; message.encrypted must be present and not sealed
     * \param keys the sender's keys
     * \param iv the IV (Ikev2SkSuite::GetIvSize() octets)
     * \return the message
     */
    static std::vector<uint8_t> ProtectWithIv(const Ikev2Message& message,
                                              const Ikev2SkKeys& keys,
                                              const std::vector<uint8_t>& iv);

    /**
     * \brief Decodes a message and opens its SK payload: verifies the ICV, decrypts, checks the
     * padding and decodes the inner payloads (RFC 7296 §3.14).
     * \param bytes the message as received
     * \param keys the peer's keys
     * \param [out] message the message, with the SK payload open on success (and on
     *        UNSUPPORTED_CRITICAL_PAYLOAD, which is reported only once the ICV has verified);
     *        on another failure, what was decoded (its SK payload still sealed)
     * \return OK, UNSUPPORTED_CRITICAL_PAYLOAD, INTEGRITY_FAILED ("ICV mismatch"), BAD_ENCRYPTED
     *         (no SK payload, too short, ciphertext not a multiple of the block size, pad
     *         length beyond the plaintext) or any error of Ikev2Codec::DecodeMessage() and
     *         Ikev2Codec::DecodePayloads() (offsets then count from the plaintext)
     */
    static Ikev2DecodeResult Open(const std::vector<uint8_t>& bytes,
                                  const Ikev2SkKeys& keys,
                                  Ikev2Message& message);
};

} // namespace ns3

#endif // IKEV2_PROTECTION_H
