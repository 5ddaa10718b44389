/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "radius-authenticator.h"

#include "crypto-mac.h"
#include "radius-codec.h"
#include "wire-reader.h"

#include <algorithm>

namespace ns3
{

namespace
{

/// Offset of the Authenticator field (RFC 2865 §3)
constexpr size_t AUTH_OFFSET = 4;
/// Octets of an authenticator
constexpr size_t AUTH_SIZE = 16;

/**
 * \brief Decodes a packet and finds its Message-Authenticator and EAP-Message.
 * \param packet the octets
 * \param [out] offset the offset of the Message-Authenticator value (0: none)
 * \param [out] hasEap whether an EAP-Message is present
 * \return OK, or why the packet is malformed or has two Message-Authenticators
 */
WireDecodeResult
Scan(const std::vector<uint8_t>& packet, size_t& offset, bool& hasEap)
{
    RadiusPacket decoded;
    WireDecodeResult result = RadiusCodec::Decode(packet, decoded);
    if (!result.IsOk())
    {
        return result;
    }
    offset = 0;
    hasEap = false;
    size_t at = RadiusCodec::HEADER;
    for (const auto& a : decoded.attributes)
    {
        if (a.type == RadiusAttributeType::MESSAGE_AUTHENTICATOR)
        {
            if (offset != 0)
            {
                return WireDecodeResult::Fail("two Message-Authenticator attributes", at);
            }
            offset = at + 2;
        }
        hasEap = hasEap || a.type == RadiusAttributeType::EAP_MESSAGE;
        at += 2 + a.value.size();
    }
    return {};
}

/**
 * \param packet the octets, decoded by Scan()
 * \return the octets up to the Length field
 */
std::vector<uint8_t>
UpToLength(const std::vector<uint8_t>& packet)
{
    return std::vector<uint8_t>(packet.begin(), packet.begin() + WireReadU16(packet.data() + 2));
}

/**
 * \brief The Message-Authenticator check of a scanned packet (RFC 3579 §3.2): required with an
 * EAP-Message, and when present, equal to the HMAC-MD5 recomputed over the packet.
 * \param packet the octets
 * \param secret the shared secret
 * \param requestAuthenticator empty for a request, else the request's authenticator
 * \param offset where Scan() found the attribute's value (0: absent)
 * \param hasEap whether Scan() found an EAP-Message
 * \return the result
 */
WireDecodeResult
CheckMessageAuthenticator(const std::vector<uint8_t>& packet,
                          const std::vector<uint8_t>& secret,
                          const std::vector<uint8_t>& requestAuthenticator,
                          size_t offset,
                          bool hasEap)
{
    if (offset == 0)
    {
        return hasEap ? WireDecodeResult::Fail(
                            "EAP-Message without Message-Authenticator (RFC 3579 §3.2)",
                            RadiusCodec::HEADER)
                      : WireDecodeResult();
    }
    std::vector<uint8_t> mac;
    WireDecodeResult result =
        RadiusAuthenticator::ComputeMessageAuthenticator(packet, secret, requestAuthenticator, mac);
    if (!result.IsOk())
    {
        return result;
    }
    const std::vector<uint8_t> received(packet.begin() + offset,
                                        packet.begin() + offset + AUTH_SIZE);
    if (!CryptoMac::ConstantTimeEqual(mac, received))
    {
        return WireDecodeResult::Fail("Message-Authenticator does not verify (RFC 3579 §3.2)",
                                      offset);
    }
    return {};
}

} // namespace

std::vector<uint8_t>
RadiusAuthenticator::NewRequestAuthenticator(Ptr<CryptoRandom> random)
{
    return random->GetBytes(AUTH_SIZE);
}

std::vector<uint8_t>
RadiusAuthenticator::ComputeResponseAuthenticator(const std::vector<uint8_t>& packet,
                                                  const std::vector<uint8_t>& requestAuthenticator,
                                                  const std::vector<uint8_t>& secret)
{
    if (packet.size() < RadiusCodec::HEADER || requestAuthenticator.size() != AUTH_SIZE ||
        WireReadU16(packet.data() + 2) > packet.size() ||
        WireReadU16(packet.data() + 2) < RadiusCodec::HEADER)
    {
        return {};
    }
    std::vector<uint8_t> input = UpToLength(packet);
    std::copy(requestAuthenticator.begin(),
              requestAuthenticator.end(),
              input.begin() + AUTH_OFFSET);
    input.insert(input.end(), secret.begin(), secret.end());
    return CryptoMac::Digest(CryptoHash::MD5, input);
}

WireDecodeResult
RadiusAuthenticator::ComputeMessageAuthenticator(const std::vector<uint8_t>& packet,
                                                 const std::vector<uint8_t>& secret,
                                                 const std::vector<uint8_t>& requestAuthenticator,
                                                 std::vector<uint8_t>& mac)
{
    size_t offset = 0;
    bool hasEap = false;
    WireDecodeResult result = Scan(packet, offset, hasEap);
    if (!result.IsOk())
    {
        return result;
    }
    if (offset == 0)
    {
        return WireDecodeResult::Fail("no Message-Authenticator attribute", RadiusCodec::HEADER);
    }
    if (!requestAuthenticator.empty() && requestAuthenticator.size() != AUTH_SIZE)
    {
        return WireDecodeResult::Fail("Request Authenticator not 16 octets", AUTH_OFFSET);
    }
    std::vector<uint8_t> input = UpToLength(packet);
    std::fill(input.begin() + offset, input.begin() + offset + AUTH_SIZE, 0);
    if (!requestAuthenticator.empty())
    {
        std::copy(requestAuthenticator.begin(),
                  requestAuthenticator.end(),
                  input.begin() + AUTH_OFFSET);
    }
    mac = CryptoMac::Hmac(CryptoHash::MD5, secret, input);
    return {};
}

WireDecodeResult
RadiusAuthenticator::SignRequest(std::vector<uint8_t>& packet, const std::vector<uint8_t>& secret)
{
    size_t offset = 0;
    bool hasEap = false;
    WireDecodeResult result = Scan(packet, offset, hasEap);
    if (!result.IsOk() || offset == 0)
    {
        return result;
    }
    std::vector<uint8_t> mac;
    result = ComputeMessageAuthenticator(packet, secret, {}, mac);
    if (result.IsOk())
    {
        std::copy(mac.begin(), mac.end(), packet.begin() + offset);
    }
    return result;
}

WireDecodeResult
RadiusAuthenticator::SignResponse(std::vector<uint8_t>& packet,
                                  const std::vector<uint8_t>& requestAuthenticator,
                                  const std::vector<uint8_t>& secret)
{
    size_t offset = 0;
    bool hasEap = false;
    WireDecodeResult result = Scan(packet, offset, hasEap);
    if (!result.IsOk())
    {
        return result;
    }
    if (requestAuthenticator.size() != AUTH_SIZE)
    {
        return WireDecodeResult::Fail("Request Authenticator not 16 octets", AUTH_OFFSET);
    }
    if (offset != 0)
    {
        std::vector<uint8_t> mac;
        result = ComputeMessageAuthenticator(packet, secret, requestAuthenticator, mac);
        if (!result.IsOk())
        {
            return result;
        }
        std::copy(mac.begin(), mac.end(), packet.begin() + offset);
    }
    const std::vector<uint8_t> auth =
        ComputeResponseAuthenticator(packet, requestAuthenticator, secret);
    std::copy(auth.begin(), auth.end(), packet.begin() + AUTH_OFFSET);
    return {};
}

WireDecodeResult
RadiusAuthenticator::VerifyRequest(const std::vector<uint8_t>& packet,
                                   const std::vector<uint8_t>& secret)
{
    size_t offset = 0;
    bool hasEap = false;
    WireDecodeResult result = Scan(packet, offset, hasEap);
    if (!result.IsOk())
    {
        return result;
    }
    return CheckMessageAuthenticator(packet, secret, {}, offset, hasEap);
}

WireDecodeResult
RadiusAuthenticator::VerifyResponse(const std::vector<uint8_t>& packet,
                                    const std::vector<uint8_t>& requestAuthenticator,
                                    const std::vector<uint8_t>& secret)
{
    size_t offset = 0;
    bool hasEap = false;
    WireDecodeResult result = Scan(packet, offset, hasEap);
    if (!result.IsOk())
    {
        return result;
    }
    const std::vector<uint8_t> expected =
        ComputeResponseAuthenticator(packet, requestAuthenticator, secret);
    const std::vector<uint8_t> received(packet.begin() + AUTH_OFFSET,
                                        packet.begin() + AUTH_OFFSET + AUTH_SIZE);
    if (expected.empty() || !CryptoMac::ConstantTimeEqual(expected, received))
    {
        return WireDecodeResult::Fail("Response Authenticator does not verify (RFC 2865 §3)",
                                      AUTH_OFFSET);
    }
    return CheckMessageAuthenticator(packet, secret, requestAuthenticator, offset, hasEap);
}

} // namespace ns3
