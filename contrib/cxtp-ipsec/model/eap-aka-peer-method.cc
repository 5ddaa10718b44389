/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "eap-aka-peer-method.h"

#include "crypto-milenage.h"
#include "eap-aka-codec.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EapAkaPeerMethod");

namespace
{

using Type = EapAkaAttributeType;

/// The S bit of a notification code: set, the code does not imply failure (§10.19)
constexpr uint16_t SUCCESS_BIT = 0x8000;
/// The P bit: set, the notification is used before the challenge round, without AT_MAC
constexpr uint16_t PHASE_BIT = 0x4000;

/**
 * \param identifier the Identifier
 * \param message the EAP-AKA message
 * \return the Response carrying it
 */
EapPacket
MakeResponse(uint8_t identifier, const EapAkaMessage& message)
{
    return EapPacket{EapCode::RESPONSE, identifier, EapType::AKA, EapAkaCodec::Encode(message)};
}

/// \return an AT_MAC attribute with a zero value, to be set by EapAkaCodec::SetMac
EapAkaAttribute
ZeroMac()
{
    return {Type::AT_MAC, std::vector<uint8_t>(EapAkaCodec::MAC_SIZE, 0), 0};
}

} // namespace

EapAkaPeerMethod::EapAkaPeerMethod(EapCredentials& credentials)
    : m_credentials(credentials)
{
}

EapType
EapAkaPeerMethod::GetType() const
{
    return EapType::AKA;
}

EapStatus
EapAkaPeerMethod::Process(const EapPacket& request, EapPacket& response, std::string& reason)
{
    NS_LOG_FUNCTION(this << +request.identifier);
    EapAkaMessage message;
    const WireDecodeResult decoded = EapAkaCodec::Decode(request.typeData, message);
    if (!decoded.IsOk())
    {
        ClientError(request.identifier,
                    "EAP-AKA Request malformed: " + decoded.reason,
                    response,
                    reason);
        return EapStatus::CONTINUE;
    }
    switch (message.subtype)
    {
    case EapAkaSubtype::CHALLENGE:
        ProcessChallenge(request, message, response, reason);
        break;
    case EapAkaSubtype::NOTIFICATION:
        ProcessNotification(request, message, response, reason);
        break;
    default:
        ClientError(request.identifier,
                    "EAP-AKA Subtype " + std::to_string(static_cast<int>(message.subtype)) +
                        " not handled (no AKA-Identity or re-authentication rounds)",
                    response,
                    reason);
        break;
    }
    return EapStatus::CONTINUE;
}

void
EapAkaPeerMethod::ProcessChallenge(const EapPacket& request,
                                   const EapAkaMessage& message,
                                   EapPacket& response,
                                   std::string& reason)
{
    const EapAkaAttribute* rand = EapAkaCodec::Find(message, Type::AT_RAND);
    const EapAkaAttribute* autn = EapAkaCodec::Find(message, Type::AT_AUTN);
    const EapAkaAttribute* mac = EapAkaCodec::Find(message, Type::AT_MAC);
    if (rand == nullptr || autn == nullptr || mac == nullptr)
    {
        ClientError(request.identifier,
                    "EAP-AKA: AKA-Challenge without AT_RAND, AT_AUTN or AT_MAC (RFC 4187 §9.3)",
                    response,
                    reason);
        return;
    }
    const CryptoMilenage::UsimResult usim = CryptoMilenage::UsimCheck(m_credentials.akaK,
                                                                      m_credentials.akaOpc,
                                                                      rand->value,
                                                                      autn->value,
                                                                      m_credentials.akaSqn,
                                                                      DELTA);
    switch (usim.status)
    {
    case CryptoMilenage::UsimStatus::MAC_FAILURE: {
        m_failed = true;
        m_answered = false;
        response = MakeResponse(request.identifier, {EapAkaSubtype::AUTHENTICATION_REJECT, {}});
        reason = "EAP-AKA: AUTN refused, AKA-Authentication-Reject (" + usim.reason + ")";
        return;
    }
    case CryptoMilenage::UsimStatus::SYNC_FAILURE: {
        // Not a failure yet: the server resynchronises and challenges again (§9.6).
        NS_LOG_LOGIC("EAP-AKA: " << usim.reason);
        EapAkaMessage sync{EapAkaSubtype::SYNCHRONIZATION_FAILURE, {{Type::AT_AUTS, usim.auts, 0}}};
        response = MakeResponse(request.identifier, sync);
        return;
    }
    case CryptoMilenage::UsimStatus::INVALID_ARGUMENT:
        ClientError(request.identifier, "EAP-AKA: USIM: " + usim.reason, response, reason);
        return;
    case CryptoMilenage::UsimStatus::SUCCESS:
        break;
    }
    m_credentials.akaSqn = usim.sqn; // the USIM's SQN_MS (TS 33.102 §6.3.3)
    m_keys = EapAkaKeys::Derive(m_credentials.identity, usim.ik, usim.ck);
    const WireDecodeResult verified = EapAkaCodec::VerifyMac(request, m_keys.kAut, {});
    if (!m_keys.valid || !verified.IsOk())
    {
        m_keys = EapAkaKeys::Keys{};
        ClientError(request.identifier,
                    "EAP-AKA: AT_MAC of the AKA-Challenge: " +
                        (verified.IsOk() ? std::string("no keys") : verified.reason),
                    response,
                    reason);
        return;
    }
    EapAkaMessage answer;
    answer.subtype = EapAkaSubtype::CHALLENGE;
    answer.attributes = {{Type::AT_RES, usim.res, static_cast<uint16_t>(usim.res.size() * 8)},
                         ZeroMac()};
    response = MakeResponse(request.identifier, answer);
    const WireDecodeResult set = EapAkaCodec::SetMac(response, m_keys.kAut, {});
    if (!set.IsOk())
    {
        ClientError(request.identifier, "EAP-AKA: AT_MAC not set: " + set.reason, response, reason);
        return;
    }
    m_answered = true;
    m_failed = false;
    NS_LOG_LOGIC("EAP-AKA: challenge answered, SQN_MS now " << m_credentials.akaSqn);
}

void
EapAkaPeerMethod::ProcessNotification(const EapPacket& request,
                                      const EapAkaMessage& message,
                                      EapPacket& response,
                                      std::string& reason)
{
    const EapAkaAttribute* code = EapAkaCodec::Find(message, Type::AT_NOTIFICATION);
    if (code == nullptr)
    {
        ClientError(request.identifier,
                    "EAP-AKA: AKA-Notification without AT_NOTIFICATION (RFC 4187 §9.10)",
                    response,
                    reason);
        return;
    }
    const bool failure = (code->number & SUCCESS_BIT) == 0;
    const bool beforeChallenge = (code->number & PHASE_BIT) != 0;
    const bool hasMac = EapAkaCodec::Find(message, Type::AT_MAC) != nullptr;
    EapAkaMessage answer{EapAkaSubtype::NOTIFICATION, {}};
    if (beforeChallenge)
    {
        if (hasMac)
        {
            ClientError(request.identifier,
                        "EAP-AKA: AKA-Notification with the P bit and AT_MAC (RFC 4187 §9.10)",
                        response,
                        reason);
            return;
        }
        response = MakeResponse(request.identifier, answer);
    }
    else
    {
        // After the challenge round: protected by AT_MAC with the keys of that round.
        const WireDecodeResult verified = m_keys.valid && hasMac
                                              ? EapAkaCodec::VerifyMac(request, m_keys.kAut, {})
                                              : WireDecodeResult::Fail("no AT_MAC or no keys", 0);
        if (!verified.IsOk())
        {
            ClientError(request.identifier,
                        "EAP-AKA: AKA-Notification without a valid AT_MAC: " + verified.reason,
                        response,
                        reason);
            return;
        }
        answer.attributes.push_back(ZeroMac());
        response = MakeResponse(request.identifier, answer);
        EapAkaCodec::SetMac(response, m_keys.kAut, {});
    }
    if (failure)
    {
        m_failed = true;
        reason = "EAP-AKA: AKA-Notification code " + std::to_string(code->number) + " (failure)";
    }
}

void
EapAkaPeerMethod::ClientError(uint8_t identifier,
                              const std::string& why,
                              EapPacket& response,
                              std::string& reason)
{
    NS_LOG_LOGIC("EAP-AKA client error: " << why);
    m_failed = true;
    EapAkaMessage error{EapAkaSubtype::CLIENT_ERROR,
                        {{Type::AT_CLIENT_ERROR_CODE, {}, UNABLE_TO_PROCESS}}};
    response = MakeResponse(identifier, error);
    reason = why;
}

bool
EapAkaPeerMethod::MayAcceptSuccess() const
{
    return m_answered && !m_failed;
}

std::vector<uint8_t>
EapAkaPeerMethod::GetMsk() const
{
    return m_answered ? m_keys.msk : std::vector<uint8_t>{};
}

std::vector<uint8_t>
EapAkaPeerMethod::GetEmsk() const
{
    return m_answered ? m_keys.emsk : std::vector<uint8_t>{};
}

} // namespace ns3
