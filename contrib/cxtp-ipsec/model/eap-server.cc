/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "eap-server.h"

#include "crypto-random.h"
#include "eap-codec.h"
#include "eap-method-factory.h"
#include "eap-subscriber-database.h"

#include "ns3/log.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EapServer");

namespace
{

/**
 * \param types EAP Types
 * \return their numbers, comma-separated, for reasons
 */
std::string
TypeList(const std::vector<EapType>& types)
{
    std::string text;
    for (EapType t : types)
    {
        text += (text.empty() ? "" : ",") + std::to_string(static_cast<int>(t));
    }
    return text;
}

} // namespace

EapServer::EapServer(Ptr<EapSubscriberDatabase> database,
                     const EapServerConfig& config,
                     Ptr<CryptoRandom> rng)
    : m_database(database),
      m_config(config),
      m_rng(rng)
{
    NS_LOG_FUNCTION(this);
}

EapServer::~EapServer() = default;

EapStatus
EapServer::Start(const EapPacket& identityResponse, EapPacket& out, std::string& reason)
{
    NS_LOG_FUNCTION(this << +identityResponse.identifier);
    reason.clear();
    if (m_started)
    {
        return Discard("EapServer::Start called again: the conversation runs already", out, reason);
    }
    m_started = true;
    const uint8_t id = identityResponse.identifier;
    std::string identity;
    if (identityResponse.code != EapCode::RESPONSE ||
        !EapCodec::GetIdentity(identityResponse, identity).IsOk())
    {
        return End(EapStatus::FAILURE,
                   id,
                   "the conversation does not start with an EAP-Response/Identity (RFC 3748 §5.1)",
                   out,
                   reason);
    }
    m_identity = identity;
    if (!m_database || m_database->Find(identity) == nullptr)
    {
        return End(EapStatus::FAILURE, id, "unknown identity " + identity, out, reason);
    }
    std::string why;
    m_method = EapMethodFactory::CreateServerMethod(m_database, identity, m_config, m_rng, why);
    if (!m_method)
    {
        return End(EapStatus::FAILURE, id, why, out, reason);
    }
    // RFC 3748 §4.1: each new Request has another Identifier; we count up from the Response's.
    const uint8_t next = static_cast<uint8_t>(id + 1);
    EapPacket request;
    if (m_method->Start(next, request, why) != EapStatus::CONTINUE)
    {
        return End(EapStatus::FAILURE,
                   id,
                   why.empty() ? "the EAP method did not start" : why,
                   out,
                   reason);
    }
    request.code = EapCode::REQUEST;
    request.identifier = next;
    m_identifier = next;
    m_outstanding = request;
    out = request;
    NS_LOG_LOGIC("EAP server: " << identity << " runs type " << static_cast<int>(request.type));
    return EapStatus::CONTINUE;
}

EapStatus
EapServer::Process(const EapPacket& response, EapPacket& out, std::string& reason)
{
    NS_LOG_FUNCTION(this << static_cast<int>(response.code) << +response.identifier
                         << static_cast<int>(response.type));
    reason.clear();
    if (!m_started)
    {
        out = EapPacket{EapCode::FAILURE, response.identifier, EapType::NONE, {}};
        reason = "EapServer::Process before Start";
        return EapStatus::FAILURE;
    }
    if (m_ended)
    {
        return Discard("EAP conversation already ended", out, reason);
    }
    if (response.code != EapCode::RESPONSE)
    {
        return Discard("EAP code " + std::to_string(static_cast<int>(response.code)) +
                           " received by the server, a Response expected",
                       out,
                       reason);
    }
    if (response.identifier != m_identifier)
    {
        return Discard("EAP Response Identifier " + std::to_string(response.identifier) +
                           ", the outstanding Request has " + std::to_string(m_identifier) +
                           " (RFC 3748 §4.1)",
                       out,
                       reason);
    }
    if (response.type == EapType::NAK)
    {
        return ProcessNak(response, out, reason);
    }
    if (response.type != m_method->GetType())
    {
        return Discard("EAP Response of type " + std::to_string(static_cast<int>(response.type)) +
                           " to a Request of type " +
                           std::to_string(static_cast<int>(m_method->GetType())),
                       out,
                       reason);
    }
    const uint8_t next = static_cast<uint8_t>(m_identifier + 1);
    EapPacket request;
    std::string why;
    const EapStatus status = m_method->Process(response, next, request, why);
    switch (status)
    {
    case EapStatus::CONTINUE:
        request.code = EapCode::REQUEST;
        request.identifier = next;
        m_identifier = next;
        m_outstanding = request;
        out = request;
        if (!why.empty())
        {
            NS_LOG_LOGIC("EAP method continues: " << why);
        }
        return EapStatus::CONTINUE;
    case EapStatus::SUCCESS:
        m_msk = m_method->GetMsk();
        return End(EapStatus::SUCCESS, response.identifier, "", out, reason);
    case EapStatus::FAILURE:
        break;
    }
    return End(EapStatus::FAILURE,
               response.identifier,
               why.empty() ? "the EAP method failed" : why,
               out,
               reason);
}

EapStatus
EapServer::ProcessNak(const EapPacket& response, EapPacket& out, std::string& reason)
{
    std::vector<EapType> desired;
    const WireDecodeResult decoded = EapCodec::GetNak(response, desired);
    if (!decoded.IsOk())
    {
        return End(EapStatus::FAILURE,
                   response.identifier,
                   "malformed Nak: " + decoded.reason,
                   out,
                   reason);
    }
    const EapType ours = m_method->GetType();
    const bool namesOurs = std::find(desired.begin(), desired.end(), ours) != desired.end();
    if (!namesOurs || m_restarted)
    {
        return End(EapStatus::FAILURE,
                   response.identifier,
                   "peer Nak (desired types " + TypeList(desired) +
                       "): the server runs only type " + std::to_string(static_cast<int>(ours)) +
                       " for " + m_identity + (namesOurs ? ", already restarted once" : ""),
                   out,
                   reason);
    }
    // The peer asks for the method we run: start it once more (RFC 4137 §5.4 PROPOSE_METHOD).
    m_restarted = true;
    std::string why;
    m_method = EapMethodFactory::CreateServerMethod(m_database, m_identity, m_config, m_rng, why);
    const uint8_t next = static_cast<uint8_t>(m_identifier + 1);
    EapPacket request;
    if (!m_method || m_method->Start(next, request, why) != EapStatus::CONTINUE)
    {
        return End(EapStatus::FAILURE,
                   response.identifier,
                   why.empty() ? "the EAP method did not start" : why,
                   out,
                   reason);
    }
    request.code = EapCode::REQUEST;
    request.identifier = next;
    m_identifier = next;
    m_outstanding = request;
    out = request;
    return EapStatus::CONTINUE;
}

EapStatus
EapServer::End(EapStatus status,
               uint8_t identifier,
               const std::string& why,
               EapPacket& out,
               std::string& reason)
{
    NS_LOG_FUNCTION(this << static_cast<int>(status) << +identifier << why);
    m_ended = true;
    out = EapPacket{};
    out.code = status == EapStatus::SUCCESS ? EapCode::SUCCESS : EapCode::FAILURE;
    out.identifier = identifier; // RFC 3748 §4.2: the Identifier of the Response answered
    out.type = EapType::NONE;
    m_outstanding = out;
    reason = why;
    if (status == EapStatus::SUCCESS)
    {
        NS_LOG_INFO("EAP server: " << m_identity << " authenticated, MSK of " << m_msk.size()
                                   << " octets");
    }
    else
    {
        NS_LOG_INFO("EAP server: " << m_identity << " refused: " << why);
    }
    return status;
}

EapStatus
EapServer::Discard(const std::string& why, EapPacket& out, std::string& reason)
{
    NS_LOG_LOGIC("EAP server discards: " << why);
    out = m_outstanding;
    reason = why;
    return EapStatus::CONTINUE;
}

std::vector<uint8_t>
EapServer::GetMsk() const
{
    return m_msk;
}

const std::string&
EapServer::GetIdentity() const
{
    return m_identity;
}

} // namespace ns3
