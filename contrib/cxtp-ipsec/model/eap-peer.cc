/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "eap-peer.h"

#include "crypto-random.h"
#include "eap-codec.h"
#include "eap-method-factory.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EapPeer");

namespace
{

/**
 * \param type an EAP Type
 * \return its number as text, for reasons
 */
std::string
TypeName(EapType type)
{
    return std::to_string(static_cast<int>(type));
}

/**
 * \brief Marks a packet as discarded: nothing to send (EapPeer::Process's convention).
 * \param [out] response the Response to clear
 * \param [out] reason set to why
 * \param why why the packet was discarded
 * \return CONTINUE
 */
EapStatus
Discard(EapPacket& response, std::string& reason, const std::string& why)
{
    NS_LOG_LOGIC("EAP peer discards: " << why);
    response = EapPacket{};
    reason = why;
    return EapStatus::CONTINUE;
}

} // namespace

EapPeer::EapPeer(const EapCredentials& credentials, Ptr<CryptoRandom> rng)
    : m_credentials(credentials),
      m_rng(rng)
{
    NS_LOG_FUNCTION(this << credentials.identity);
}

EapPeer::~EapPeer() = default;

EapStatus
EapPeer::Process(const EapPacket& in, EapPacket& response, std::string& reason)
{
    NS_LOG_FUNCTION(this << static_cast<int>(in.code) << +in.identifier
                         << static_cast<int>(in.type));
    reason.clear();
    if (m_ended)
    {
        return Discard(response,
                       reason,
                       m_endReason.empty() ? "EAP conversation already ended (success)"
                                           : "EAP conversation already ended: " + m_endReason);
    }
    switch (in.code)
    {
    case EapCode::RESPONSE:
        return Discard(response, reason, "EAP Response received by the peer");
    case EapCode::SUCCESS:
    case EapCode::FAILURE: {
        const bool success = in.code == EapCode::SUCCESS;
        const std::string name = success ? "EAP-Success" : "EAP-Failure";
        if (!m_haveLast || in.identifier != m_lastIdentifier)
        {
            return Discard(response,
                           reason,
                           name + " with Identifier " + std::to_string(in.identifier) +
                               (m_haveLast
                                    ? ", our last Response had " + std::to_string(m_lastIdentifier)
                                    : ", no Response sent yet") +
                               " (RFC 3748 §4.2)");
        }
        if (!success)
        {
            response = EapPacket{};
            return End(EapStatus::FAILURE,
                       m_methodReason.empty() ? "EAP-Failure received"
                                              : "EAP-Failure received after: " + m_methodReason,
                       reason);
        }
        if (!m_method || !m_method->MayAcceptSuccess())
        {
            return Discard(response,
                           reason,
                           "EAP-Success before the method authenticated the server "
                           "(RFC 3748 §4.2)");
        }
        m_msk = m_method->GetMsk();
        response = EapPacket{};
        return End(EapStatus::SUCCESS, "", reason);
    }
    case EapCode::REQUEST:
        break;
    }
    if (m_haveLast && in.identifier == m_lastIdentifier)
    {
        NS_LOG_LOGIC("duplicate Request " << +in.identifier << ": the same Response again");
        response = m_lastResponse;
        return EapStatus::CONTINUE;
    }
    switch (in.type)
    {
    case EapType::IDENTITY:
        response = EapCodec::MakeIdentity(EapCode::RESPONSE, in.identifier, m_credentials.identity);
        Remember(response);
        return EapStatus::CONTINUE;
    case EapType::NOTIFICATION:
        // RFC 3748 §5.2: the peer MUST answer with a Response of type 2 and no type-data.
        NS_LOG_INFO("EAP Notification: " << std::string(in.typeData.begin(), in.typeData.end()));
        response = EapPacket{EapCode::RESPONSE, in.identifier, EapType::NOTIFICATION, {}};
        Remember(response);
        return EapStatus::CONTINUE;
    case EapType::NAK:
        return Discard(response, reason, "EAP Nak Request (RFC 3748 §5.3: a Response only)");
    case EapType::NONE:
        return Discard(response, reason, "EAP Request without a Type");
    default:
        break;
    }
    if (in.type == m_credentials.method)
    {
        return ProcessMethodRequest(in, response, reason);
    }
    if (m_method)
    {
        return Discard(response,
                       reason,
                       "EAP Request of type " + TypeName(in.type) + " while type " +
                           TypeName(m_method->GetType()) + " runs");
    }
    // RFC 3748 §5.3.1: a Legacy Nak names the method we would accept.
    response = EapCodec::MakeNak(in.identifier, {m_credentials.method});
    Remember(response);
    NS_LOG_LOGIC("Nak of type " << TypeName(in.type) << ", proposing "
                                << TypeName(m_credentials.method));
    return EapStatus::CONTINUE;
}

EapStatus
EapPeer::ProcessMethodRequest(const EapPacket& request, EapPacket& response, std::string& reason)
{
    if (!m_method)
    {
        std::string why;
        m_method = EapMethodFactory::CreatePeerMethod(m_credentials, m_rng, why);
        if (!m_method)
        {
            response = EapPacket{};
            return End(EapStatus::FAILURE, why, reason);
        }
    }
    EapPacket answer;
    std::string why;
    const EapStatus status = m_method->Process(request, answer, why);
    if (status != EapStatus::CONTINUE)
    {
        response = EapPacket{};
        return End(EapStatus::FAILURE, why.empty() ? "EAP method failed" : why, reason);
    }
    answer.code = EapCode::RESPONSE;
    answer.identifier = request.identifier;
    if (!why.empty())
    {
        // The method answers but signals a failure (EAP-AKA Authentication-Reject, ...).
        NS_LOG_LOGIC("method answers with a failure indication: " << why);
        m_methodReason = why;
        reason = why;
    }
    response = answer;
    Remember(response);
    return EapStatus::CONTINUE;
}

void
EapPeer::Remember(const EapPacket& response)
{
    m_haveLast = true;
    m_lastIdentifier = response.identifier;
    m_lastResponse = response;
}

EapStatus
EapPeer::End(EapStatus status, const std::string& why, std::string& reason)
{
    NS_LOG_FUNCTION(this << static_cast<int>(status) << why);
    m_ended = true;
    m_endReason = why;
    reason = why;
    if (status == EapStatus::FAILURE)
    {
        NS_LOG_INFO("EAP peer " << m_credentials.identity << " fails: " << reason);
    }
    else
    {
        NS_LOG_INFO("EAP peer " << m_credentials.identity << " succeeds, MSK of " << m_msk.size()
                                << " octets");
    }
    return status;
}

std::vector<uint8_t>
EapPeer::GetMsk() const
{
    return m_msk;
}

const std::string&
EapPeer::GetIdentity() const
{
    return m_credentials.identity;
}

EapType
EapPeer::GetMethod() const
{
    return m_method ? m_method->GetType() : EapType::NONE;
}

const EapCredentials&
EapPeer::GetCredentials() const
{
    return m_credentials;
}

} // namespace ns3
