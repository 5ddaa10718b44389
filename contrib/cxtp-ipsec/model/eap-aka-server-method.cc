/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "eap-aka-server-method.h"

#include "crypto-mac.h"
#include "crypto-random.h"
#include "eap-aka-codec.h"
#include "eap-subscriber-database.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EapAkaServerMethod");

namespace
{

using Type = EapAkaAttributeType;

/**
 * \param identifier the Identifier
 * \param message the EAP-AKA message
 * \return the Request carrying it
 */
EapPacket
MakeRequest(uint8_t identifier, const EapAkaMessage& message)
{
    return EapPacket{EapCode::REQUEST, identifier, EapType::AKA, EapAkaCodec::Encode(message)};
}

} // namespace

EapAkaServerMethod::EapAkaServerMethod(Ptr<EapSubscriberDatabase> database,
                                       const std::string& identity,
                                       Ptr<CryptoRandom> rng)
    : m_database(database),
      m_identity(identity),
      m_rng(rng)
{
}

EapAkaServerMethod::~EapAkaServerMethod() = default;

EapType
EapAkaServerMethod::GetType() const
{
    return EapType::AKA;
}

void
EapAkaServerMethod::SetNextRand(const std::vector<uint8_t>& rand)
{
    m_nextRand = rand;
}

EapStatus
EapAkaServerMethod::Start(uint8_t identifier, EapPacket& request, std::string& reason)
{
    NS_LOG_FUNCTION(this << +identifier);
    if (m_state != State::IDLE)
    {
        return Fail("EAP-AKA method started twice", reason);
    }
    return Challenge(identifier, request, reason);
}

EapStatus
EapAkaServerMethod::Challenge(uint8_t identifier, EapPacket& request, std::string& reason)
{
    EapCredentials* entry = m_database ? m_database->Find(m_identity) : nullptr;
    if (entry == nullptr)
    {
        return Fail("EAP-AKA: subscriber " + m_identity + " no longer in the database", reason);
    }
    if (entry->akaK.size() != CryptoMilenage::BLOCK_LENGTH ||
        entry->akaOpc.size() != CryptoMilenage::BLOCK_LENGTH ||
        entry->akaAmf.size() != CryptoMilenage::AMF_LENGTH)
    {
        return Fail("EAP-AKA: subscriber " + m_identity +
                        " lacks K or OPc (16 octets) or AMF (2 octets)",
                    reason);
    }
    if (entry->akaSqn > CryptoMilenage::MAX_SQN)
    {
        return Fail("EAP-AKA: SQN of " + m_identity + " exhausted (above 2^48 - 1)", reason);
    }
    std::vector<uint8_t> rand = m_nextRand;
    m_nextRand.clear();
    if (rand.empty())
    {
        if (!m_rng)
        {
            return Fail("EAP-AKA server without a random source", reason);
        }
        rand = m_rng->GetBytes(CryptoMilenage::BLOCK_LENGTH);
    }
    const uint16_t amf = static_cast<uint16_t>((entry->akaAmf[0] << 8) | entry->akaAmf[1]);
    CryptoMilenage::Vector vector;
    if (!CryptoMilenage::GenerateVector(entry->akaK,
                                        entry->akaOpc,
                                        entry->akaSqn,
                                        amf,
                                        rand,
                                        vector))
    {
        return Fail("EAP-AKA: no authentication vector (RAND of " + std::to_string(rand.size()) +
                        " octets?)",
                    reason);
    }
    NS_LOG_LOGIC("EAP-AKA vector for " << m_identity << " with SQN " << entry->akaSqn);
    ++entry->akaSqn; // TS 33.102 Annex C: the next vector takes the next sequence number
    m_vector = vector;
    m_keys = EapAkaKeys::Derive(m_identity, vector.ik, vector.ck);
    if (!m_keys.valid)
    {
        return Fail("EAP-AKA: key derivation failed", reason);
    }
    EapAkaMessage message;
    message.subtype = EapAkaSubtype::CHALLENGE;
    message.attributes = {{Type::AT_RAND, vector.rand, 0},
                          {Type::AT_AUTN, vector.autn, 0},
                          {Type::AT_MAC, std::vector<uint8_t>(EapAkaCodec::MAC_SIZE, 0), 0}};
    request = MakeRequest(identifier, message);
    const WireDecodeResult mac = EapAkaCodec::SetMac(request, m_keys.kAut, {});
    if (!mac.IsOk())
    {
        return Fail("EAP-AKA: AT_MAC not set: " + mac.reason, reason);
    }
    m_state = State::CHALLENGE;
    return EapStatus::CONTINUE;
}

EapStatus
EapAkaServerMethod::Process(const EapPacket& response,
                            uint8_t identifier,
                            EapPacket& request,
                            std::string& reason)
{
    NS_LOG_FUNCTION(this << +response.identifier);
    switch (m_state)
    {
    case State::CHALLENGE:
        return ProcessChallengeResponse(response, identifier, request, reason);
    case State::NOTIFICATION:
        // §6.1: after the Response/AKA-Notification of a failure code, EAP-Failure.
        return Fail(m_failure, reason);
    case State::IDLE:
    case State::DONE:
        break;
    }
    return Fail("EAP-AKA Response with no Request outstanding", reason);
}

EapStatus
EapAkaServerMethod::ProcessChallengeResponse(const EapPacket& response,
                                             uint8_t identifier,
                                             EapPacket& request,
                                             std::string& reason)
{
    EapAkaMessage message;
    const WireDecodeResult decoded = EapAkaCodec::Decode(response.typeData, message);
    if (!decoded.IsOk())
    {
        return Notify(identifier, "EAP-AKA Response malformed: " + decoded.reason, request, reason);
    }
    switch (message.subtype)
    {
    case EapAkaSubtype::CHALLENGE:
        break;
    case EapAkaSubtype::AUTHENTICATION_REJECT:
        return Fail("EAP-AKA: the peer sent AKA-Authentication-Reject: it refused AUTN (wrong K "
                    "or OPc at one end, RFC 4187 §9.5)",
                    reason);
    case EapAkaSubtype::SYNCHRONIZATION_FAILURE: {
        const EapAkaAttribute* auts = EapAkaCodec::Find(message, Type::AT_AUTS);
        return Resynchronise(auts ? auts->value : std::vector<uint8_t>{},
                             identifier,
                             request,
                             reason);
    }
    case EapAkaSubtype::CLIENT_ERROR: {
        const EapAkaAttribute* code = EapAkaCodec::Find(message, Type::AT_CLIENT_ERROR_CODE);
        return Fail("EAP-AKA: the peer sent AKA-Client-Error code " +
                        (code ? std::to_string(code->number) : std::string("(none)")) +
                        " (RFC 4187 §9.9)",
                    reason);
    }
    default:
        return Notify(identifier,
                      "EAP-AKA: unexpected Subtype " +
                          std::to_string(static_cast<int>(message.subtype)) +
                          " in answer to AKA-Challenge",
                      request,
                      reason);
    }
    // RFC 4187 §9.4: AT_MAC over the packet (no extra data), then RES.
    const WireDecodeResult mac = EapAkaCodec::VerifyMac(response, m_keys.kAut, {});
    if (!mac.IsOk())
    {
        return Notify(identifier,
                      "EAP-AKA: AT_MAC of the AKA-Challenge Response: " + mac.reason,
                      request,
                      reason);
    }
    const EapAkaAttribute* res = EapAkaCodec::Find(message, Type::AT_RES);
    if (res == nullptr)
    {
        return Notify(identifier,
                      "EAP-AKA: AKA-Challenge Response without AT_RES",
                      request,
                      reason);
    }
    if (res->number != m_vector.xres.size() * 8 ||
        !CryptoMac::ConstantTimeEqual(res->value, m_vector.xres))
    {
        return Notify(identifier,
                      "EAP-AKA: RES does not match XRES (" + std::to_string(res->number) +
                          " bits received)",
                      request,
                      reason);
    }
    m_msk = m_keys.msk;
    m_emsk = m_keys.emsk;
    m_state = State::DONE;
    NS_LOG_LOGIC("EAP-AKA: " << m_identity << " authenticated");
    return EapStatus::SUCCESS;
}

EapStatus
EapAkaServerMethod::Resynchronise(const std::vector<uint8_t>& auts,
                                  uint8_t identifier,
                                  EapPacket& request,
                                  std::string& reason)
{
    if (m_resynchronised)
    {
        return Notify(identifier,
                      "EAP-AKA: a second AKA-Synchronization-Failure in one conversation",
                      request,
                      reason);
    }
    if (auts.empty())
    {
        return Notify(identifier,
                      "EAP-AKA: AKA-Synchronization-Failure without AT_AUTS (RFC 4187 §9.6)",
                      request,
                      reason);
    }
    EapCredentials* entry = m_database ? m_database->Find(m_identity) : nullptr;
    if (entry == nullptr)
    {
        return Fail("EAP-AKA: subscriber " + m_identity + " no longer in the database", reason);
    }
    uint64_t sqnMs = 0;
    if (!CryptoMilenage::AucResynchronise(entry->akaK, entry->akaOpc, m_vector.rand, auts, sqnMs))
    {
        return Notify(identifier,
                      "EAP-AKA: AUTS does not verify (MAC-S, TS 33.102 §6.3.5)",
                      request,
                      reason);
    }
    if (sqnMs >= CryptoMilenage::MAX_SQN)
    {
        return Fail("EAP-AKA: SQN_MS of " + m_identity + " leaves no sequence number", reason);
    }
    NS_LOG_LOGIC("EAP-AKA: resynchronised " << m_identity << " from SQN " << entry->akaSqn
                                            << " to SQN_MS + 1 = " << sqnMs + 1);
    entry->akaSqn = sqnMs + 1;
    m_resynchronised = true;
    return Challenge(identifier, request, reason);
}

EapStatus
EapAkaServerMethod::Notify(uint8_t identifier,
                           const std::string& why,
                           EapPacket& request,
                           std::string& reason)
{
    NS_LOG_LOGIC("EAP-AKA: failure notification: " << why);
    EapAkaMessage message;
    message.subtype = EapAkaSubtype::NOTIFICATION;
    message.attributes = {{Type::AT_NOTIFICATION, {}, GENERAL_FAILURE}};
    request = MakeRequest(identifier, message);
    m_failure = why;
    m_state = State::NOTIFICATION;
    reason = why;
    return EapStatus::CONTINUE;
}

EapStatus
EapAkaServerMethod::Fail(const std::string& why, std::string& reason)
{
    NS_LOG_LOGIC("EAP-AKA fails: " << why);
    m_state = State::DONE;
    reason = why;
    return EapStatus::FAILURE;
}

std::vector<uint8_t>
EapAkaServerMethod::GetMsk() const
{
    return m_msk;
}

std::vector<uint8_t>
EapAkaServerMethod::GetEmsk() const
{
    return m_emsk;
}

} // namespace ns3
