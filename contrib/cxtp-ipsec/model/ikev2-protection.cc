/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-protection.h"

#include "crypto-cipher.h"
#include "crypto-mac.h"
#include "ikev2-codec.h"
#include "wire-reader.h"
#include "wire-writer.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <string>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ikev2Protection");

namespace
{

/// Size of the AES-GCM salt at the end of SK_e (RFC 5282 §7.1).
constexpr uint32_t GCM_SALT_SIZE = 4;

/**
 * \brief Aborts on keys that do not fit their suite (a programming error).
 * \param keys the keys
 * \param where the caller's name
 */
void
CheckKeys(const Ikev2SkKeys& keys, const char* where)
{
    const std::string problem = keys.suite.Check();
    NS_ABORT_MSG_IF(!problem.empty(), where << ": " << problem);
    NS_ABORT_MSG_IF(keys.encryptionKey.size() != keys.suite.GetEncryptionKeySize() ||
                        keys.integrityKey.size() != keys.suite.GetIntegrityKeySize(),
                    where << ": " << keys.suite.GetName() << " needs SK_e of "
                          << keys.suite.GetEncryptionKeySize() << " and SK_a of "
                          << keys.suite.GetIntegrityKeySize() << " octets, got "
                          << keys.encryptionKey.size() << " and " << keys.integrityKey.size());
}

/**
 * \param key SK_e of an AES-GCM suite (key | salt)
 * \return the AES key
 */
std::vector<uint8_t>
GcmKey(const std::vector<uint8_t>& key)
{
    return std::vector<uint8_t>(key.begin(), key.end() - GCM_SALT_SIZE);
}

/**
 * \param key SK_e of an AES-GCM suite (key | salt)
 * \param iv the 8-octet explicit IV
 * \return the 12-octet nonce salt | IV (RFC 5282 §4)
 */
std::vector<uint8_t>
GcmNonce(const std::vector<uint8_t>& key, const std::vector<uint8_t>& iv)
{
    std::vector<uint8_t> nonce;
    nonce.reserve(GCM_SALT_SIZE + iv.size());
    WireWriter w(nonce);
    w.Raw(key.data() + key.size() - GCM_SALT_SIZE, GCM_SALT_SIZE);
    w.Raw(iv);
    return nonce;
}

/**
 * \param keys the keys
 * \param data the authenticated octets
 * \return the truncated HMAC (RFC 2404, RFC 4868)
 */
std::vector<uint8_t>
ComputeIcv(const Ikev2SkKeys& keys, const std::vector<uint8_t>& data)
{
    std::vector<uint8_t> icv =
        CryptoMac::Hmac(keys.suite.GetIntegrityHash(), keys.integrityKey, data);
    NS_ABORT_MSG_IF(icv.size() < keys.suite.GetIcvSize(), "Ikev2Protection: HMAC failed");
    icv.resize(keys.suite.GetIcvSize());
    return icv;
}

/**
 * \brief Writes the header, the clear payloads and the SK generic header.
 * \param message the message
 * \param skSize the size of the SK payload
 * \return the octets through the SK generic header
 */
std::vector<uint8_t>
EncodeUpToSk(const Ikev2Message& message, uint32_t skSize)
{
    const std::vector<uint8_t> clear =
        Ikev2Codec::EncodePayloads(message.payloads, Ikev2PayloadType::SK);
    Ikev2Header h = message.header;
    h.nextPayload = message.payloads.empty() ? Ikev2PayloadType::SK
                                             : GetIkev2PayloadType(message.payloads.front());
    h.length = Ikev2::HEADER_SIZE + static_cast<uint32_t>(clear.size()) + skSize;
    std::vector<uint8_t> out = Ikev2Codec::EncodeHeader(h);
    out.reserve(h.length);
    WireWriter w(out);
    w.Raw(clear);
    const std::vector<Ikev2Payload>& inner = message.encrypted->payloads;
    Ikev2Codec::WriteGenericHeader(w,
                                   inner.empty() ? Ikev2PayloadType::NONE
                                                 : GetIkev2PayloadType(inner.front()),
                                   message.encrypted->critical,
                                   skSize);
    return out;
}

/**
 * \brief Verifies the ICV of a CBC-protected message, then decrypts its SK payload.
 * \param bytes the message
 * \param bodyAt the offset of the IV
 * \param keys the keys
 * \param [out] plaintext inner payloads | Padding | Pad Length
 * \return OK, BAD_ENCRYPTED or INTEGRITY_FAILED
 */
Ikev2DecodeResult
OpenCbc(const std::vector<uint8_t>& bytes,
        size_t bodyAt,
        const Ikev2SkKeys& keys,
        std::vector<uint8_t>& plaintext)
{
    const size_t ivSize = keys.suite.GetIvSize();
    const size_t icvSize = keys.suite.GetIcvSize();
    const size_t block = keys.suite.GetBlockSize();
    const size_t bodySize = bytes.size() - bodyAt;
    if (bodySize < ivSize + block + icvSize)
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_ENCRYPTED,
                                       "Encrypted payload body of " + std::to_string(bodySize) +
                                           " octets too short for IV, one block and ICV",
                                       bodyAt);
    }
    const size_t ciphertextSize = bodySize - ivSize - icvSize;
    if (ciphertextSize % block != 0)
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_ENCRYPTED,
                                       "ciphertext of " + std::to_string(ciphertextSize) +
                                           " octets not a multiple of the block size " +
                                           std::to_string(block),
                                       bodyAt + ivSize);
    }
    WireReader r(bytes);
    const std::vector<uint8_t> authenticated = r.Bytes(bytes.size() - icvSize);
    const std::vector<uint8_t> icv = r.Bytes(icvSize);
    if (!CryptoMac::ConstantTimeEqual(ComputeIcv(keys, authenticated), icv))
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::INTEGRITY_FAILED,
                                       "ICV mismatch",
                                       bytes.size() - icvSize);
    }
    WireReader body(bytes);
    body.Skip(bodyAt);
    const std::vector<uint8_t> iv = body.Bytes(ivSize);
    const std::vector<uint8_t> ciphertext = body.Bytes(ciphertextSize);
    if (!CryptoCipher::CbcDecrypt(keys.suite.GetCipher(),
                                  keys.encryptionKey,
                                  iv,
                                  ciphertext,
                                  plaintext))
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_ENCRYPTED,
                                       "decryption failed",
                                       bodyAt + ivSize);
    }
    return Ikev2DecodeResult{};
}

/**
 * \brief Verifies the tag of an AES-GCM-protected message and decrypts its SK payload
 * (RFC 5282 §3-§5).
 * \param bytes the message
 * \param bodyAt the offset of the IV
 * \param keys the keys
 * \param [out] plaintext inner payloads | Padding | Pad Length
 * \return OK, BAD_ENCRYPTED or INTEGRITY_FAILED
 */
Ikev2DecodeResult
OpenGcm(const std::vector<uint8_t>& bytes,
        size_t bodyAt,
        const Ikev2SkKeys& keys,
        std::vector<uint8_t>& plaintext)
{
    const size_t ivSize = keys.suite.GetIvSize();
    const size_t icvSize = keys.suite.GetIcvSize();
    const size_t bodySize = bytes.size() - bodyAt;
    if (bodySize < ivSize + 1 + icvSize)
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_ENCRYPTED,
                                       "Encrypted payload body of " + std::to_string(bodySize) +
                                           " octets too short for IV, Pad Length and ICV",
                                       bodyAt);
    }
    WireReader r(bytes);
    const std::vector<uint8_t> aad = r.Bytes(bodyAt);
    const std::vector<uint8_t> iv = r.Bytes(ivSize);
    const std::vector<uint8_t> sealed = r.Bytes(r.GetRemaining());
    if (!CryptoCipher::GcmOpen(GcmKey(keys.encryptionKey),
                               GcmNonce(keys.encryptionKey, iv),
                               aad,
                               sealed,
                               static_cast<uint32_t>(icvSize),
                               plaintext))
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::INTEGRITY_FAILED,
                                       "ICV mismatch",
                                       bytes.size() - icvSize);
    }
    return Ikev2DecodeResult{};
}

} // namespace

uint32_t
Ikev2Protection::GetPadLength(const Ikev2SkSuite& suite, uint32_t innerSize)
{
    const uint32_t block = suite.GetBlockSize();
    return (block - (innerSize + 1) % block) % block;
}

uint32_t
Ikev2Protection::GetEncryptedPayloadSize(const Ikev2SkSuite& suite, uint32_t innerSize)
{
    return Ikev2::PAYLOAD_HEADER + suite.GetIvSize() + innerSize + GetPadLength(suite, innerSize) +
           1 + suite.GetIcvSize();
}

uint32_t
Ikev2Protection::GetMessageSize(const Ikev2Message& message, const Ikev2SkSuite& suite)
{
    uint32_t size = Ikev2::HEADER_SIZE + Ikev2Codec::GetPayloadsSize(message.payloads);
    if (!message.encrypted)
    {
        return size;
    }
    if (message.encrypted->sealed)
    {
        return size + Ikev2::PAYLOAD_HEADER + static_cast<uint32_t>(message.encrypted->body.size());
    }
    return size +
           GetEncryptedPayloadSize(suite, Ikev2Codec::GetPayloadsSize(message.encrypted->payloads));
}

std::vector<uint8_t>
Ikev2Protection::Protect(const Ikev2Message& message,
                         const Ikev2SkKeys& keys,
                         const Ptr<CryptoRandom>& rng)
{
    NS_LOG_FUNCTION_NOARGS();
    NS_ABORT_MSG_IF(!rng, "Ikev2Protection::Protect: no random source for the IV");
    CheckKeys(keys, "Ikev2Protection::Protect");
    return ProtectWithIv(message, keys, rng->GetBytes(keys.suite.GetIvSize()));
}

std::vector<uint8_t>
Ikev2Protection::ProtectWithIv(const Ikev2Message& message,
                               const Ikev2SkKeys& keys,
                               const std::vector<uint8_t>& iv)
{
    NS_LOG_FUNCTION_NOARGS();
    CheckKeys(keys, "Ikev2Protection::ProtectWithIv");
    NS_ABORT_MSG_IF(!message.encrypted || message.encrypted->sealed,
                    "Ikev2Protection: the message has no open SK payload to protect");
    NS_ABORT_MSG_IF(iv.size() != keys.suite.GetIvSize(),
                    "Ikev2Protection: IV of " << iv.size() << " octets for "
                                              << keys.suite.GetName());
    std::vector<uint8_t> plaintext =
        Ikev2Codec::EncodePayloads(message.encrypted->payloads, Ikev2PayloadType::NONE);
    const auto innerSize = static_cast<uint32_t>(plaintext.size());
    const uint32_t padLength = GetPadLength(keys.suite, innerSize);
    plaintext.insert(plaintext.end(), padLength, 0);
    plaintext.push_back(static_cast<uint8_t>(padLength));

    std::vector<uint8_t> out =
        EncodeUpToSk(message, GetEncryptedPayloadSize(keys.suite, innerSize));
    std::vector<uint8_t> ciphertext;
    bool ok = false;
    if (keys.suite.IsCombinedMode())
    {
        // RFC 5282 §5.1: the associated data is everything before the IV.
        ok = CryptoCipher::GcmSeal(GcmKey(keys.encryptionKey),
                                   GcmNonce(keys.encryptionKey, iv),
                                   out,
                                   plaintext,
                                   keys.suite.GetIcvSize(),
                                   ciphertext);
    }
    else
    {
        ok = CryptoCipher::CbcEncrypt(keys.suite.GetCipher(),
                                      keys.encryptionKey,
                                      iv,
                                      plaintext,
                                      ciphertext);
    }
    NS_ABORT_MSG_IF(!ok, "Ikev2Protection: encryption with " << keys.suite.GetName() << " failed");
    WireWriter w(out);
    w.Raw(iv);
    w.Raw(ciphertext);
    if (!keys.suite.IsCombinedMode())
    {
        w.Raw(ComputeIcv(keys, out)); // RFC 7296 §3.14: over the header through the ciphertext
    }
    NS_ABORT_MSG_IF(out.size() != GetMessageSize(message, keys.suite),
                    "Ikev2Protection: size mismatch");
    return out;
}

Ikev2DecodeResult
Ikev2Protection::Open(const std::vector<uint8_t>& bytes,
                      const Ikev2SkKeys& keys,
                      Ikev2Message& message)
{
    NS_LOG_FUNCTION_NOARGS();
    CheckKeys(keys, "Ikev2Protection::Open");
    const Ikev2DecodeResult clear = Ikev2Codec::DecodeMessage(bytes, message);
    if (!clear.IsOk() && clear.error != Ikev2DecodeError::UNSUPPORTED_CRITICAL_PAYLOAD)
    {
        return clear;
    }
    if (!message.encrypted)
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_ENCRYPTED,
                                       "no Encrypted payload to open",
                                       Ikev2::HEADER_SIZE);
    }
    Ikev2EncryptedPayload& sk = *message.encrypted;
    const size_t bodyAt = bytes.size() - sk.body.size();
    std::vector<uint8_t> plaintext;
    Ikev2DecodeResult result = keys.suite.IsCombinedMode()
                                   ? OpenGcm(bytes, bodyAt, keys, plaintext)
                                   : OpenCbc(bytes, bodyAt, keys, plaintext);
    if (!result.IsOk())
    {
        NS_LOG_LOGIC("cannot open the SK payload: " << result.reason);
        return result;
    }
    const uint8_t padLength = plaintext.back();
    if (padLength + 1u > plaintext.size())
    {
        return Ikev2DecodeResult::Fail(Ikev2DecodeError::BAD_ENCRYPTED,
                                       "pad length " + std::to_string(padLength) + " beyond the " +
                                           std::to_string(plaintext.size()) + "-octet plaintext",
                                       plaintext.size() - 1);
    }
    std::vector<Ikev2Payload> inner;
    result = Ikev2Codec::DecodePayloads(plaintext.data(),
                                        plaintext.size() - 1 - padLength,
                                        sk.firstPayload,
                                        inner);
    if (!result.IsOk() && result.error != Ikev2DecodeError::UNSUPPORTED_CRITICAL_PAYLOAD)
    {
        return result;
    }
    sk.payloads = std::move(inner);
    sk.sealed = false;
    sk.body.clear();
    return clear.IsOk() ? result : clear;
}

} // namespace ns3
