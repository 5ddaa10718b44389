/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "eap-md5-peer-method.h"

#include "eap-md5-method.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EapMd5PeerMethod");

EapMd5PeerMethod::EapMd5PeerMethod(const EapCredentials& credentials)
    : m_identity(credentials.identity),
      m_password(credentials.password)
{
}

EapType
EapMd5PeerMethod::GetType() const
{
    return EapType::MD5_CHALLENGE;
}

EapStatus
EapMd5PeerMethod::Process(const EapPacket& request, EapPacket& response, std::string& reason)
{
    NS_LOG_FUNCTION(this << +request.identifier);
    EapMd5Challenge challenge;
    const WireDecodeResult decoded = EapMd5Method::Decode(request.typeData, challenge);
    if (!decoded.IsOk())
    {
        reason = "EAP-MD5 Request malformed: " + decoded.reason;
        return EapStatus::FAILURE;
    }
    EapMd5Challenge answer;
    answer.value = EapMd5Method::ComputeResponse(request.identifier, m_password, challenge.value);
    answer.name = m_identity;
    response.code = EapCode::RESPONSE;
    response.identifier = request.identifier;
    response.type = EapType::MD5_CHALLENGE;
    response.typeData = EapMd5Method::Encode(answer);
    m_answered = true;
    NS_LOG_LOGIC("EAP-MD5: answered the challenge of Request " << +request.identifier);
    return EapStatus::CONTINUE;
}

bool
EapMd5PeerMethod::MayAcceptSuccess() const
{
    return m_answered;
}

std::vector<uint8_t>
EapMd5PeerMethod::GetMsk() const
{
    return {};
}

} // namespace ns3
