/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "radius-mppe-key.h"

#include "crypto-mac.h"
#include "radius-codec.h"

#include "ns3/abort.h"

namespace ns3
{

namespace
{

/// Octets per MD5 block of the chain (RFC 2548 §2.4.2)
constexpr size_t BLOCK = 16;

/**
 * \brief Runs the MD5 chain of RFC 2548 §2.4.2 over text, in either direction.
 * \param text the plaintext P (encrypt) or the ciphertext C (decrypt), a multiple of 16
 * \param secret S
 * \param requestAuthenticator R
 * \param salt A, 2 octets
 * \param encrypt true to encrypt
 * \return the other text
 */
std::vector<uint8_t>
Chain(const std::vector<uint8_t>& text,
      const std::vector<uint8_t>& secret,
      const std::vector<uint8_t>& requestAuthenticator,
      const std::vector<uint8_t>& salt,
      bool encrypt)
{
    std::vector<uint8_t> out(text.size());
    std::vector<uint8_t> previous; // c(i-1)
    for (size_t i = 0; i < text.size(); i += BLOCK)
    {
        std::vector<uint8_t> input = secret;
        if (i == 0)
        {
            input.insert(input.end(), requestAuthenticator.begin(), requestAuthenticator.end());
            input.insert(input.end(), salt.begin(), salt.end());
        }
        else
        {
            input.insert(input.end(), previous.begin(), previous.end());
        }
        const std::vector<uint8_t> b = CryptoMac::Digest(CryptoHash::MD5, input);
        for (size_t j = 0; j < BLOCK; ++j)
        {
            out[i + j] = text[i + j] ^ b[j];
        }
        const std::vector<uint8_t>& cipher = encrypt ? out : text;
        previous.assign(cipher.begin() + i, cipher.begin() + i + BLOCK);
    }
    return out;
}

} // namespace

std::vector<uint8_t>
RadiusMppeKey::Encrypt(const std::vector<uint8_t>& key,
                       const std::vector<uint8_t>& secret,
                       const std::vector<uint8_t>& requestAuthenticator,
                       uint16_t salt)
{
    NS_ABORT_MSG_IF(key.size() > MAX_KEY, "MPPE key of " << key.size() << " octets");
    const std::vector<uint8_t> a{static_cast<uint8_t>((salt >> 8) | 0x80),
                                 static_cast<uint8_t>(salt)};
    std::vector<uint8_t> p;
    p.push_back(static_cast<uint8_t>(key.size()));
    p.insert(p.end(), key.begin(), key.end());
    p.resize((p.size() + BLOCK - 1) / BLOCK * BLOCK, 0);
    std::vector<uint8_t> out = a;
    const std::vector<uint8_t> c = Chain(p, secret, requestAuthenticator, a, true);
    out.insert(out.end(), c.begin(), c.end());
    return out;
}

WireDecodeResult
RadiusMppeKey::Decrypt(const std::vector<uint8_t>& data,
                       const std::vector<uint8_t>& secret,
                       const std::vector<uint8_t>& requestAuthenticator,
                       std::vector<uint8_t>& key)
{
    if (data.size() < 2 + BLOCK || (data.size() - 2) % BLOCK != 0)
    {
        return WireDecodeResult::Fail("MPPE key field of " + std::to_string(data.size()) +
                                          " octets, not Salt + a multiple of 16 (RFC 2548 §2.4.2)",
                                      0);
    }
    if ((data[0] & 0x80) == 0)
    {
        return WireDecodeResult::Fail("MPPE Salt without its high bit (RFC 2548 §2.4.2)", 0);
    }
    const std::vector<uint8_t> a(data.begin(), data.begin() + 2);
    const std::vector<uint8_t> c(data.begin() + 2, data.end());
    const std::vector<uint8_t> p = Chain(c, secret, requestAuthenticator, a, false);
    if (p[0] > p.size() - 1)
    {
        return WireDecodeResult::Fail(
            "MPPE key length " + std::to_string(p[0]) + " beyond the decrypted String of " +
                std::to_string(p.size()) + " octets (wrong secret or authenticator?)",
            2);
    }
    key.assign(p.begin() + 1, p.begin() + 1 + p[0]);
    return {};
}

RadiusAttribute
RadiusMppeKey::MakeAttribute(uint8_t vendorType,
                             const std::vector<uint8_t>& key,
                             const std::vector<uint8_t>& secret,
                             const std::vector<uint8_t>& requestAuthenticator,
                             uint16_t salt)
{
    return RadiusCodec::MakeVendorSpecific(VENDOR_MICROSOFT,
                                           vendorType,
                                           Encrypt(key, secret, requestAuthenticator, salt));
}

WireDecodeResult
RadiusMppeKey::GetKey(const RadiusPacket& packet,
                      uint8_t vendorType,
                      const std::vector<uint8_t>& secret,
                      const std::vector<uint8_t>& requestAuthenticator,
                      std::vector<uint8_t>& key)
{
    for (const auto& a : packet.attributes)
    {
        if (a.type != RadiusAttributeType::VENDOR_SPECIFIC)
        {
            continue;
        }
        uint32_t vendorId = 0;
        uint8_t type = 0;
        std::vector<uint8_t> data;
        WireDecodeResult result = RadiusCodec::GetVendorSpecific(a, vendorId, type, data);
        if (!result.IsOk())
        {
            return result;
        }
        if (vendorId == VENDOR_MICROSOFT && type == vendorType)
        {
            return Decrypt(data, secret, requestAuthenticator, key);
        }
    }
    return WireDecodeResult::Fail("no Microsoft Vendor-Specific attribute of type " +
                                      std::to_string(vendorType),
                                  0);
}

} // namespace ns3
