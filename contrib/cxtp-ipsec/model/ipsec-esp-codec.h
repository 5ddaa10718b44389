/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_ESP_CODEC_H
#define IPSEC_ESP_CODEC_H

#include "ipsec-drop-reason.h"
#include "ipsec-security-association.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief ESP packet protection and verification on bytes (RFC 4303 §2–3; RFC 4106 for GCM).
 *
 * Layout: SPI (4) | Sequence (4) | IV | encrypted {payload | padding 1,2,3… | pad length |
 * next header} | ICV. Stateless: the caller owns sequence counters and replay windows.
 *
 * - Separate integrity: ICV = truncated HMAC over SPI … next header (ciphertext), with the
 *   high 32 sequence bits appended when ESN is on (RFC 4303 §2.2.1, §3.3.2.1).
 * - AES-GCM: nonce = salt | IV; AAD = SPI | Seq (8 bytes) or SPI | Seq-high | Seq-low with
 *   ESN (12 bytes) (RFC 4106 §4–5).
 */
class IpsecEspCodec
{
  public:
    /// Size of the SPI and sequence number fields.
    static constexpr uint32_t HEADER_LENGTH = 8;

    /**
     * \brief Protects a payload.
     * \param sa the SA (algorithms, keys, SPI, ESN flag)
     * \param seq the full sequence number of this packet (the low 32 bits go on the wire)
     * \param payload the bytes to protect (tunnel mode: the whole inner IPv6 packet)
     * \param nextHeader the protocol of the payload (41 for IPv6 in tunnel mode)
     * \param iv the IV (GetEncryptionIvLength(sa.encryption) bytes)
     * \param [out] esp the ESP packet, SPI to ICV
     * \return true on success; false if the IV length is wrong or the cipher failed
     */
    static bool Seal(const IpsecSecurityAssociation& sa,
                     uint64_t seq,
                     const std::vector<uint8_t>& payload,
                     uint8_t nextHeader,
                     const std::vector<uint8_t>& iv,
                     std::vector<uint8_t>& esp);

    /**
     * \brief Verifies the ICV, then decrypts and checks the padding.
     * \param sa the SA
     * \param seq the full sequence number (from IpsecReplayWindow::Check(); matters with ESN)
     * \param esp the ESP packet, SPI to ICV
     * \param [out] payload the protected payload
     * \param [out] nextHeader its protocol
     * \return NONE on success; MALFORMED, BAD_ICV or BAD_PADDING otherwise
     */
    static IpsecDropReason Open(const IpsecSecurityAssociation& sa,
                                uint64_t seq,
                                const std::vector<uint8_t>& esp,
                                std::vector<uint8_t>& payload,
                                uint8_t& nextHeader);

    /**
     * \brief Reads SPI and sequence number from the first 8 bytes.
     * \param esp the ESP packet
     * \param [out] spi the SPI
     * \param [out] seqLow the 32-bit sequence number
     * \return false if the packet is shorter than 8 bytes
     */
    static bool Peek(const std::vector<uint8_t>& esp, uint32_t& spi, uint32_t& seqLow);

    /**
     * \param sa the SA
     * \param payloadLength the length of the payload to protect
     * \return the length of the ESP packet that Seal() produces for it
     */
    static uint32_t GetProtectedLength(const IpsecSecurityAssociation& sa, uint32_t payloadLength);

    /// \return the ICV length of the SA's transforms
    static uint32_t GetIcvLength(const IpsecSecurityAssociation& sa);
};

} // namespace ns3

#endif // IPSEC_ESP_CODEC_H
