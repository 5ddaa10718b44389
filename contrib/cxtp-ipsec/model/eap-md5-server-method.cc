/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "eap-md5-server-method.h"

#include "crypto-mac.h"
#include "crypto-random.h"
#include "eap-md5-method.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EapMd5ServerMethod");

EapMd5ServerMethod::EapMd5ServerMethod(const EapCredentials& subscriber, Ptr<CryptoRandom> rng)
    : m_password(subscriber.password),
      m_rng(rng)
{
}

EapMd5ServerMethod::~EapMd5ServerMethod() = default;

EapType
EapMd5ServerMethod::GetType() const
{
    return EapType::MD5_CHALLENGE;
}

EapStatus
EapMd5ServerMethod::Start(uint8_t identifier, EapPacket& request, std::string& reason)
{
    NS_LOG_FUNCTION(this << +identifier);
    if (!m_rng)
    {
        reason = "EAP-MD5 server without a random source";
        return EapStatus::FAILURE;
    }
    m_challenge = m_rng->GetBytes(CHALLENGE_SIZE);
    m_identifier = identifier;
    EapMd5Challenge challenge;
    challenge.value = m_challenge;
    request.code = EapCode::REQUEST;
    request.identifier = identifier;
    request.type = EapType::MD5_CHALLENGE;
    request.typeData = EapMd5Method::Encode(challenge);
    return EapStatus::CONTINUE;
}

EapStatus
EapMd5ServerMethod::Process(const EapPacket& response,
                            uint8_t /* identifier */,
                            EapPacket& /* request */,
                            std::string& reason)
{
    NS_LOG_FUNCTION(this << +response.identifier);
    if (m_challenge.empty())
    {
        reason = "EAP-MD5 Response before any challenge";
        return EapStatus::FAILURE;
    }
    EapMd5Challenge answer;
    const WireDecodeResult decoded = EapMd5Method::Decode(response.typeData, answer);
    if (!decoded.IsOk())
    {
        reason = "EAP-MD5 Response malformed: " + decoded.reason;
        return EapStatus::FAILURE;
    }
    if (answer.value.size() != RESPONSE_SIZE)
    {
        reason = "EAP-MD5 Response Value of " + std::to_string(answer.value.size()) +
                 " octets, 16 expected (RFC 1994 §4.1)";
        return EapStatus::FAILURE;
    }
    const std::vector<uint8_t> expected =
        EapMd5Method::ComputeResponse(m_identifier, m_password, m_challenge);
    if (!CryptoMac::ConstantTimeEqual(expected, answer.value))
    {
        reason = "EAP-MD5 response does not match";
        return EapStatus::FAILURE;
    }
    NS_LOG_LOGIC("EAP-MD5: the response of " << answer.name << " matches");
    return EapStatus::SUCCESS;
}

std::vector<uint8_t>
EapMd5ServerMethod::GetMsk() const
{
    return {};
}

} // namespace ns3
