/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-esp-codec.h"

#include "crypto-cipher.h"
#include "crypto-mac.h"
#include "wire-reader.h"
#include "wire-writer.h"

#include <algorithm>
#include <limits>

namespace ns3
{

namespace
{

/// Size of the pad length and next header fields (RFC 4303 §2.4–2.6).
constexpr uint32_t TRAILER_LENGTH = 2;
/// ESP aligns the ciphertext (and so the ICV) on 4 bytes (RFC 4303 §2.4).
constexpr uint32_t ESP_ALIGNMENT = 4;
/// The largest payload Seal() accepts: the packet length must fit in 32 bits with room to spare.
constexpr uint32_t MAX_PAYLOAD_LENGTH = std::numeric_limits<uint32_t>::max() - 1024;

/**
 * \param alg the cipher
 * \return the length to which payload, padding and trailer are aligned
 */
uint32_t
GetAlignment(IpsecEncryption alg)
{
    return std::max(GetEncryptionBlockSize(alg), ESP_ALIGNMENT);
}

/**
 * \param alg the cipher
 * \param payloadLength the payload length
 * \return the number of padding bytes Seal() adds (0 to alignment - 1)
 */
uint32_t
GetPadLength(IpsecEncryption alg, uint32_t payloadLength)
{
    const uint32_t alignment = GetAlignment(alg);
    const uint32_t rest = (payloadLength % alignment + TRAILER_LENGTH) % alignment;
    return (alignment - rest) % alignment;
}

/**
 * \brief Checks what Seal() and Open() need from an SA: a valid transform pair and key lengths.
 * \param sa the SA
 * \return true if the SA can protect packets
 */
bool
IsUsable(const IpsecSecurityAssociation& sa)
{
    if (!CheckTransformPair(sa.encryption, sa.integrity).empty())
    {
        return false;
    }
    if (sa.encryptionKey.size() != GetEncryptionKeyLength(sa.encryption))
    {
        return false;
    }
    if (!IsCombinedMode(sa.encryption) &&
        sa.integrityKey.size() != GetIntegrityKeyLength(sa.integrity))
    {
        return false;
    }
    return true;
}

/**
 * \param alg the integrity transform
 * \return the HMAC hash of the transform
 */
CryptoHash
GetIntegrityHash(IpsecIntegrity alg)
{
    return alg == IpsecIntegrity::HMAC_SHA2_256_128 ? CryptoHash::SHA2_256 : CryptoHash::SHA1;
}

/**
 * \brief Computes the separate-integrity ICV (RFC 4303 §3.3.4): the truncated HMAC over SPI to
 * next header, with the high 32 sequence bits appended (not sent) when ESN is on (§3.3.2.1).
 * \param sa the SA
 * \param seq the full sequence number
 * \param esp the packet
 * \param length how many bytes of esp the ICV covers (SPI to the end of the ciphertext)
 * \return the ICV, GetIntegrityIcvLength(sa.integrity) bytes, or empty on an OpenSSL failure
 */
std::vector<uint8_t>
ComputeIcv(const IpsecSecurityAssociation& sa,
           uint64_t seq,
           const std::vector<uint8_t>& esp,
           size_t length)
{
    std::vector<uint8_t> covered(esp.begin(), esp.begin() + length);
    if (sa.esn)
    {
        WireWriter(covered).U32(static_cast<uint32_t>(seq >> 32));
    }
    std::vector<uint8_t> mac =
        CryptoMac::Hmac(GetIntegrityHash(sa.integrity), sa.integrityKey, covered);
    const uint32_t icvLength = GetIntegrityIcvLength(sa.integrity);
    if (mac.size() < icvLength)
    {
        return {};
    }
    mac.resize(icvLength);
    return mac;
}

/**
 * \brief Builds the AES-GCM nonce and key from the SA's key material (RFC 4106 §4, §8.1).
 * \param sa the SA (encryptionKey is AES key | 4-byte salt)
 * \param iv the 8-byte IV
 * \param [out] key the AES key
 * \param [out] nonce salt | IV
 */
void
GetGcmKeyAndNonce(const IpsecSecurityAssociation& sa,
                  const uint8_t* iv,
                  std::vector<uint8_t>& key,
                  std::vector<uint8_t>& nonce)
{
    const size_t keyLength = sa.encryptionKey.size() - 4;
    key.assign(sa.encryptionKey.begin(), sa.encryptionKey.begin() + keyLength);
    nonce.assign(sa.encryptionKey.begin() + keyLength, sa.encryptionKey.end());
    nonce.insert(nonce.end(), iv, iv + GetEncryptionIvLength(sa.encryption));
}

/**
 * \brief Builds the AES-GCM AAD (RFC 4106 §5): SPI | seq, or SPI | seq-high | seq-low with ESN.
 * \param sa the SA
 * \param seq the full sequence number (only its high half is used)
 * \param header the 8 header bytes as on the wire
 * \return the AAD
 */
std::vector<uint8_t>
GetGcmAad(const IpsecSecurityAssociation& sa, uint64_t seq, const uint8_t* header)
{
    std::vector<uint8_t> aad(header, header + 4);
    if (sa.esn)
    {
        WireWriter(aad).U32(static_cast<uint32_t>(seq >> 32));
    }
    aad.insert(aad.end(), header + 4, header + 8);
    return aad;
}

/**
 * \brief Builds the ESP plaintext (RFC 4303 §2.4): payload | padding 1, 2, 3, ... | pad length |
 * next header.
 * \param payload the payload
 * \param padLength the number of padding bytes
 * \param nextHeader the next header value
 * \return the plaintext
 */
std::vector<uint8_t>
BuildPlaintext(const std::vector<uint8_t>& payload, uint32_t padLength, uint8_t nextHeader)
{
    std::vector<uint8_t> plaintext;
    plaintext.reserve(payload.size() + padLength + TRAILER_LENGTH);
    plaintext.insert(plaintext.end(), payload.begin(), payload.end());
    for (uint32_t i = 1; i <= padLength; ++i)
    {
        plaintext.push_back(static_cast<uint8_t>(i));
    }
    plaintext.push_back(static_cast<uint8_t>(padLength));
    plaintext.push_back(nextHeader);
    return plaintext;
}

/**
 * \brief Appends IV and AES-GCM ciphertext with its ICV to the ESP header (RFC 4106).
 * \param sa the SA (combined mode)
 * \param seq the full sequence number
 * \param iv the IV
 * \param plaintext the plaintext
 * \param [in,out] packet the 8-byte ESP header, to which the rest is appended
 * \return false on an OpenSSL failure
 */
bool
SealCombined(const IpsecSecurityAssociation& sa,
             uint64_t seq,
             const std::vector<uint8_t>& iv,
             const std::vector<uint8_t>& plaintext,
             std::vector<uint8_t>& packet)
{
    std::vector<uint8_t> key;
    std::vector<uint8_t> nonce;
    GetGcmKeyAndNonce(sa, iv.data(), key, nonce);
    const std::vector<uint8_t> aad = GetGcmAad(sa, seq, packet.data());
    std::vector<uint8_t> sealed;
    if (!CryptoCipher::GcmSeal(key,
                               nonce,
                               aad,
                               plaintext,
                               GetCombinedModeIcvLength(sa.encryption),
                               sealed))
    {
        return false;
    }
    packet.insert(packet.end(), iv.begin(), iv.end());
    packet.insert(packet.end(), sealed.begin(), sealed.end());
    return true;
}

/**
 * \brief Appends IV, ciphertext (or plaintext with NULL encryption) and the separate-integrity
 * ICV to the ESP header (RFC 4303 §3.3.2, §3.3.4).
 * \param sa the SA (not combined mode)
 * \param seq the full sequence number
 * \param iv the IV
 * \param plaintext the plaintext
 * \param [in,out] packet the 8-byte ESP header, to which the rest is appended
 * \return false on an OpenSSL failure
 */
bool
SealSeparate(const IpsecSecurityAssociation& sa,
             uint64_t seq,
             const std::vector<uint8_t>& iv,
             const std::vector<uint8_t>& plaintext,
             std::vector<uint8_t>& packet)
{
    packet.insert(packet.end(), iv.begin(), iv.end());
    if (sa.encryption == IpsecEncryption::NULL_ENC)
    {
        packet.insert(packet.end(), plaintext.begin(), plaintext.end());
    }
    else
    {
        std::vector<uint8_t> ciphertext;
        if (!CryptoCipher::CbcEncrypt(sa.encryption, sa.encryptionKey, iv, plaintext, ciphertext))
        {
            return false;
        }
        packet.insert(packet.end(), ciphertext.begin(), ciphertext.end());
    }
    const std::vector<uint8_t> icv = ComputeIcv(sa, seq, packet, packet.size());
    if (icv.size() != GetIntegrityIcvLength(sa.integrity))
    {
        return false;
    }
    packet.insert(packet.end(), icv.begin(), icv.end());
    return true;
}

/**
 * \brief Authenticates and decrypts an AES-GCM ESP packet (RFC 4106).
 * \param sa the SA (combined mode)
 * \param seq the full sequence number
 * \param esp the packet
 * \param ivLength the IV length
 * \param icvLength the ICV length
 * \param [out] plaintext the plaintext
 * \return NONE or BAD_ICV
 */
IpsecDropReason
OpenCombined(const IpsecSecurityAssociation& sa,
             uint64_t seq,
             const std::vector<uint8_t>& esp,
             size_t ivLength,
             size_t icvLength,
             std::vector<uint8_t>& plaintext)
{
    std::vector<uint8_t> key;
    std::vector<uint8_t> nonce;
    GetGcmKeyAndNonce(sa, esp.data() + IpsecEspCodec::HEADER_LENGTH, key, nonce);
    const std::vector<uint8_t> aad = GetGcmAad(sa, seq, esp.data());
    const std::vector<uint8_t> sealed(esp.begin() + IpsecEspCodec::HEADER_LENGTH + ivLength,
                                      esp.end());
    if (!CryptoCipher::GcmOpen(key,
                               nonce,
                               aad,
                               sealed,
                               static_cast<uint32_t>(icvLength),
                               plaintext))
    {
        return IpsecDropReason::BAD_ICV;
    }
    return IpsecDropReason::NONE;
}

/**
 * \brief Verifies the separate-integrity ICV, then decrypts (RFC 4303 §3.4.4).
 * \param sa the SA (not combined mode)
 * \param seq the full sequence number
 * \param esp the packet
 * \param ivLength the IV length
 * \param icvLength the ICV length
 * \param [out] plaintext the plaintext
 * \return NONE, BAD_ICV or MALFORMED
 */
IpsecDropReason
OpenSeparate(const IpsecSecurityAssociation& sa,
             uint64_t seq,
             const std::vector<uint8_t>& esp,
             size_t ivLength,
             size_t icvLength,
             std::vector<uint8_t>& plaintext)
{
    // Verify the ICV before anything is decrypted (RFC 4303 §3.4.4).
    const size_t covered = esp.size() - icvLength;
    const std::vector<uint8_t> expected = ComputeIcv(sa, seq, esp, covered);
    const std::vector<uint8_t> received(esp.begin() + covered, esp.end());
    if (expected.size() != icvLength || !CryptoMac::ConstantTimeEqual(expected, received))
    {
        return IpsecDropReason::BAD_ICV;
    }
    const auto ivBegin = esp.begin() + IpsecEspCodec::HEADER_LENGTH;
    const auto cipherBegin = ivBegin + ivLength;
    const auto cipherEnd = esp.begin() + covered;
    if (sa.encryption == IpsecEncryption::NULL_ENC)
    {
        plaintext.assign(cipherBegin, cipherEnd);
        return IpsecDropReason::NONE;
    }
    const std::vector<uint8_t> iv(ivBegin, cipherBegin);
    const std::vector<uint8_t> ciphertext(cipherBegin, cipherEnd);
    if (!CryptoCipher::CbcDecrypt(sa.encryption, sa.encryptionKey, iv, ciphertext, plaintext))
    {
        return IpsecDropReason::MALFORMED;
    }
    return IpsecDropReason::NONE;
}

/**
 * \brief Checks and strips the trailer and padding (RFC 4303 §2.4): the pad length must fit, and
 * the padding must be the default monotonic sequence 1, 2, 3, ...
 * \param [in,out] plaintext the decrypted plaintext; on success, the payload
 * \param [out] nextHeader the next header field
 * \return NONE, MALFORMED or BAD_PADDING
 */
IpsecDropReason
StripTrailer(std::vector<uint8_t>& plaintext, uint8_t& nextHeader)
{
    if (plaintext.size() < TRAILER_LENGTH)
    {
        return IpsecDropReason::MALFORMED;
    }
    const size_t padLength = plaintext[plaintext.size() - 2];
    const uint8_t next = plaintext[plaintext.size() - 1];
    if (padLength + TRAILER_LENGTH > plaintext.size())
    {
        return IpsecDropReason::BAD_PADDING;
    }
    const size_t payloadLength = plaintext.size() - TRAILER_LENGTH - padLength;
    for (size_t i = 0; i < padLength; ++i)
    {
        if (plaintext[payloadLength + i] != static_cast<uint8_t>(i + 1))
        {
            return IpsecDropReason::BAD_PADDING;
        }
    }
    plaintext.resize(payloadLength);
    nextHeader = next;
    return IpsecDropReason::NONE;
}

} // namespace

bool
IpsecEspCodec::Seal(const IpsecSecurityAssociation& sa,
                    uint64_t seq,
                    const std::vector<uint8_t>& payload,
                    uint8_t nextHeader,
                    const std::vector<uint8_t>& iv,
                    std::vector<uint8_t>& esp)
{
    esp.clear();
    const uint32_t ivLength = GetEncryptionIvLength(sa.encryption);
    if (!IsUsable(sa) || iv.size() != ivLength || payload.size() > MAX_PAYLOAD_LENGTH)
    {
        return false;
    }

    const uint32_t padLength = GetPadLength(sa.encryption, static_cast<uint32_t>(payload.size()));
    const std::vector<uint8_t> plaintext = BuildPlaintext(payload, padLength, nextHeader);

    std::vector<uint8_t> packet;
    packet.reserve(GetProtectedLength(sa, static_cast<uint32_t>(payload.size())));
    WireWriter header(packet);
    header.U32(sa.spi);
    header.U32(static_cast<uint32_t>(seq));

    const bool sealed = IsCombinedMode(sa.encryption)
                            ? SealCombined(sa, seq, iv, plaintext, packet)
                            : SealSeparate(sa, seq, iv, plaintext, packet);
    if (!sealed)
    {
        return false;
    }
    esp.swap(packet);
    return true;
}

IpsecDropReason
IpsecEspCodec::Open(const IpsecSecurityAssociation& sa,
                    uint64_t seq,
                    const std::vector<uint8_t>& esp,
                    std::vector<uint8_t>& payload,
                    uint8_t& nextHeader)
{
    payload.clear();
    if (!IsUsable(sa))
    {
        return IpsecDropReason::MALFORMED; // no packet can be decoded with this SA
    }
    const size_t ivLength = GetEncryptionIvLength(sa.encryption);
    const size_t icvLength = GetIcvLength(sa);
    const size_t alignment = GetAlignment(sa.encryption);
    // At least one aligned block of ciphertext, which holds pad length and next header.
    if (esp.size() < HEADER_LENGTH + ivLength + alignment + icvLength)
    {
        return IpsecDropReason::MALFORMED;
    }
    const size_t cipherLength = esp.size() - HEADER_LENGTH - ivLength - icvLength;
    if (cipherLength % alignment != 0)
    {
        return IpsecDropReason::MALFORMED;
    }

    std::vector<uint8_t> plaintext;
    IpsecDropReason reason = IsCombinedMode(sa.encryption)
                                 ? OpenCombined(sa, seq, esp, ivLength, icvLength, plaintext)
                                 : OpenSeparate(sa, seq, esp, ivLength, icvLength, plaintext);
    if (reason != IpsecDropReason::NONE)
    {
        return reason;
    }
    uint8_t next = 0;
    reason = StripTrailer(plaintext, next);
    if (reason != IpsecDropReason::NONE)
    {
        return reason;
    }
    payload.swap(plaintext);
    nextHeader = next;
    return IpsecDropReason::NONE;
}

bool
IpsecEspCodec::Peek(const std::vector<uint8_t>& esp, uint32_t& spi, uint32_t& seqLow)
{
    if (esp.size() < HEADER_LENGTH)
    {
        return false;
    }
    spi = WireReadU32(esp.data());
    seqLow = WireReadU32(esp.data() + 4);
    return true;
}

uint32_t
IpsecEspCodec::GetProtectedLength(const IpsecSecurityAssociation& sa, uint32_t payloadLength)
{
    return HEADER_LENGTH + GetEncryptionIvLength(sa.encryption) + payloadLength +
           GetPadLength(sa.encryption, payloadLength) + TRAILER_LENGTH + GetIcvLength(sa);
}

uint32_t
IpsecEspCodec::GetIcvLength(const IpsecSecurityAssociation& sa)
{
    if (IsCombinedMode(sa.encryption))
    {
        return GetCombinedModeIcvLength(sa.encryption);
    }
    return GetIntegrityIcvLength(sa.integrity);
}

} // namespace ns3
