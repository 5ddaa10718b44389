/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-ike-sa-task.h"

#include "crypto-random.h"
#include "crypto-work-meter.h"
#include "eap-codec.h"
#include "ike-transport.h"
#include "ikev2-child-sa-mapping.h"
#include "ikev2-codec.h"
#include "ikev2-ike-sa-init-exchange.h"
#include "ikev2-messenger.h"
#include "ikev2-sa-table.h"
#include "ikev2-services.h"
#include "ipsec-pad.h"
#include "ipsec-pf-key.h"
#include "ipsec-spd.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ikev2IkeSaTask");

namespace
{
constexpr uint16_t PORT = IkeTransport::PORT;
} // namespace

Ikev2IkeSaTask::Ikev2IkeSaTask(Ikev2Services& services)
    : m_services(services)
{
}

void
Ikev2IkeSaTask::SetUp()
{
    m_cookies = std::make_unique<Ikev2CookieGenerator>(m_services.GetRandom()->GetBytes(32));
}

void
Ikev2IkeSaTask::Clear()
{
    m_initiations.clear();
    m_relays.clear();
}

void
Ikev2IkeSaTask::Forget(uint64_t spi)
{
    m_initiations.erase(spi);
    if (m_relays.erase(spi) != 0)
    {
        if (Ptr<Ikev2EapBackend> backend = m_services.GetEapBackend())
        {
            backend->Abort(spi);
        }
    }
}

Ikev2IdPayload
Ikev2IkeSaTask::MakeAddressId(const Ipv6Address& address)
{
    Ikev2IdPayload id;
    id.idType = Ikev2IdType::ID_IPV6_ADDR;
    id.data.resize(16);
    address.GetBytes(id.data.data());
    return id;
}

bool
Ikev2IkeSaTask::IsInitiating(uint32_t outPolicyId) const
{
    return std::any_of(m_initiations.begin(), m_initiations.end(), [outPolicyId](const auto& x) {
        return x.second.outPolicyId == outPolicyId;
    });
}

void
Ikev2IkeSaTask::Start(const IpsecPolicy& rule)
{
    Ikev2Messenger& messenger = m_services.GetMessenger();
    CryptoWorkMeter::Scope scope(messenger.GetMeter());
    const Ikev2Config& config = m_services.GetConfig();
    Ikev2Proposals proposals = m_services.GetProposals(&rule);
    Ikev2Sa& sa = m_services.GetTable().Create(rule.tunnelRemote, true, 0, *m_services.GetRandom());
    sa.local = rule.tunnelLocal;
    sa.localId = MakeAddressId(sa.local);
    sa.lifetime = config.ikeLifetime;
    sa.started = Simulator::Now();
    sa.algorithms = proposals.GetIkeChoices().front();
    m_initiations[sa.GetLocalSpi()].outPolicyId = rule.id;
    Ikev2IkeSaInitExchange init(m_services.GetRandom(), proposals, config.nonceSize);
    Ikev2State before = sa.state;
    std::vector<uint8_t> bytes = Ikev2Codec::EncodeMessage(init.BuildRequest(sa, PORT));
    m_services.NoteState(sa, before);
    sa.initRequest = bytes;
    m_services.SendRequest(sa, Ikev2Services::Request::IKE_SA_INIT, bytes);
}

void
Ikev2IkeSaTask::ReceiveInitRequest(const Ikev2Header& header,
                                   const std::vector<uint8_t>& bytes,
                                   const Ipv6Address& from,
                                   const Ipv6Address& to)
{
    Ikev2SaTable& table = m_services.GetTable();
    Ikev2Messenger& messenger = m_services.GetMessenger();
    const Ikev2Config& config = m_services.GetConfig();
    if (header.responderSpi != 0 || header.messageId != 0 || !header.initiator)
    {
        m_services.Discard(from, "IKE_SA_INIT request with SPIr, message ID or flags set");
        return;
    }
    if (Ikev2Sa* known = table.FindResponderSa(header.initiatorSpi, from))
    {
        // §2.1: a retransmitted request is answered again, never processed twice.
        if (!messenger.RepeatAnswer(known->GetLocalSpi(), from, bytes))
        {
            m_services.Discard(from, "another IKE_SA_INIT request for a half-open SA");
        }
        return;
    }
    const IpsecPadEntry* entry = m_services.GetPad()->FindByAddress(from);
    if (!entry || entry->ikeVersion != 2)
    {
        m_services.Discard(from, "peer not in the PAD for IKEv2");
        return;
    }
    uint32_t halfOpen = table.CountHalfOpen();
    if ((config.halfOpenLimit != 0 && halfOpen >= config.halfOpenLimit) ||
        (config.ikeSaLimit != 0 && table.GetAll().size() >= config.ikeSaLimit))
    {
        m_services.Discard(from, "IKE SA limit reached");
        return;
    }
    Ikev2Message request;
    Ikev2DecodeResult r = Ikev2Codec::DecodeMessage(bytes, request);
    Ikev2Message response;
    if (r.error == Ikev2DecodeError::UNSUPPORTED_CRITICAL_PAYLOAD)
    {
        // §2.5: refused with the payload type; no state is kept.
        response.header = header;
        response.header.initiator = false;
        response.header.response = true;
        response.payloads = {Ikev2MakeNotify(Ikev2NotifyType::UNSUPPORTED_CRITICAL_PAYLOAD,
                                             {static_cast<uint8_t>(r.unsupportedType)})};
        m_services.Discard(from, "IKE_SA_INIT request with an unsupported critical payload");
        messenger.SendAfterWork(from, Ikev2Codec::EncodeMessage(response));
        return;
    }
    if (!r.IsOk())
    {
        m_services.Discard(from,
                           std::string("malformed IKE_SA_INIT request: ") +
                               GetIkev2DecodeErrorName(r.error));
        return;
    }
    Ikev2Sa& sa = table.Create(from, false, header.initiatorSpi, *m_services.GetRandom());
    uint64_t spi = sa.GetLocalSpi();
    sa.local = to;
    sa.localId = MakeAddressId(to);
    sa.lifetime = config.ikeLifetime;
    sa.started = Simulator::Now();
    const Ikev2CookieGenerator* cookies =
        halfOpen >= config.cookieThreshold ? m_cookies.get() : nullptr;
    Ikev2IkeSaInitExchange init(m_services.GetRandom(),
                                m_services.GetProposals(nullptr),
                                config.nonceSize);
    std::string refused = init.ProcessRequest(request, sa, PORT, cookies, response);
    if (!refused.empty())
    {
        // COOKIE, INVALID_KE_PAYLOAD, NO_PROPOSAL_CHOSEN: answered without keeping state (§2.6,
        // §1.2); a request we cannot even answer is dropped.
        table.Erase(spi);
        m_services.Discard(from, "IKE_SA_INIT refused: " + refused);
        if (!response.payloads.empty())
        {
            messenger.SendAfterWork(from, Ikev2Codec::EncodeMessage(response));
        }
        return;
    }
    // HDR, SAr1, KEr, Nr, [CERTREQ] (§1.2): a responder that authenticates its peer by
    // certificate names its trust anchors here already, as charon does, so that a peer which
    // sends its certificate only when asked (charon's send_cert=ifasked) sends it in IKE_AUTH.
    for (Ikev2Payload& p : Ikev2IkeAuthExchange::OurCertReq(m_services.GetCredentials(from)))
    {
        response.payloads.push_back(std::move(p));
    }
    sa.initRequest = bytes;
    sa.initResponse = Ikev2Codec::EncodeMessage(response);
    sa.nextExpectedId = 1;
    m_services.NoteState(sa, Ikev2State::IDLE);
    m_services.NoteKeys(sa);
    messenger.SendAnswer(sa, bytes, response);
    m_services.KeepUntilQuiet(spi); // forgotten if IKE_AUTH does not follow
}

void
Ikev2IkeSaTask::ReceiveInitResponse(Ikev2Sa& sa, const std::vector<uint8_t>& bytes)
{
    uint64_t spi = sa.GetLocalSpi();
    auto it = m_initiations.find(spi);
    if (it == m_initiations.end())
    {
        m_services.Discard(sa.peer, "IKE_SA_INIT response not awaited");
        return;
    }
    Initiation& x = it->second;
    Ikev2Message response;
    Ikev2DecodeResult r = Ikev2Codec::DecodeMessage(bytes, response);
    if (!r.IsOk() || response.header.messageId != 0)
    {
        m_services.Discard(sa.peer, "malformed IKE_SA_INIT response");
        return;
    }
    const IpsecPolicy* rule = m_services.GetSpd()->Get(x.outPolicyId);
    Ikev2IkeSaInitExchange init(m_services.GetRandom(),
                                m_services.GetProposals(rule),
                                m_services.GetConfig().nonceSize);
    std::string reason;
    Ikev2State before = sa.state;
    Ikev2IkeSaInitExchange::Outcome outcome = init.ProcessResponse(response, sa, PORT, reason);
    m_services.NoteState(sa, before);
    if (outcome == Ikev2IkeSaInitExchange::Outcome::FAILED)
    {
        m_services.Fail(sa, reason);
        return;
    }
    if (outcome == Ikev2IkeSaInitExchange::Outcome::RETRY)
    {
        NS_LOG_INFO("IKE_SA_INIT with " << sa.peer << " again: " << reason);
        sa.spiR = 0;
        std::vector<uint8_t> again = Ikev2Codec::EncodeMessage(init.BuildRequest(sa, PORT));
        sa.initRequest = again;
        m_services.SendRequest(sa, Ikev2Services::Request::IKE_SA_INIT, again);
        return;
    }
    sa.initResponse = bytes;
    sa.nextRequestId = 1;
    m_services.NoteKeys(sa);
    m_services.RequestDone(spi);
    if (!rule)
    {
        m_services.Fail(sa, "the rule of the CHILD_SA is gone");
        return;
    }
    x.child = Ikev2ChildSaMapping::MakeRequest(*rule, m_services.GetPfKey()->GetSpi());
    Ikev2IkeAuthExchange auth(m_services.GetProposals(rule));
    before = sa.state;
    Ikev2Message request = auth.BuildRequest(sa,
                                             m_services.GetCredentials(sa.peer),
                                             x.child,
                                             m_services.GetConfig().initialContact);
    m_services.NoteState(sa, before);
    m_services.SendRequest(sa,
                           Ikev2Services::Request::IKE_AUTH,
                           m_services.GetMessenger().Encode(sa, request));
}

void
Ikev2IkeSaTask::AnswerIkeAuth(Ikev2Sa& sa,
                              const std::vector<uint8_t>& bytes,
                              const Ikev2Message& request)
{
    if (!IkeFindPayload<Ikev2AuthPayload>(Ikev2GetInnerPayloads(request)))
    {
        BeginEap(sa, bytes, request); // §2.16: no AUTH asks for EAP
        return;
    }
    const ResponderRules rules = FindResponderRules(sa);
    Ikev2IkeAuthExchange auth(m_services.GetProposals(rules.rule));
    Ikev2Message answer;
    Ikev2ChildSa child;
    Ikev2ChildKeys keys;
    Ikev2State before = sa.state;
    std::string refused = auth.ProcessRequest(request,
                                              sa,
                                              m_services.GetCredentials(sa.peer),
                                              rules.policy,
                                              answer,
                                              child,
                                              keys);
    m_services.NoteState(sa, before);
    FinishResponder(sa, bytes, answer, refused, rules, child, keys);
}

Ikev2IkeSaTask::ResponderRules
Ikev2IkeSaTask::FindResponderRules(const Ikev2Sa& sa) const
{
    ResponderRules r;
    Ptr<IpsecSpd> spd = m_services.GetSpd();
    spd->FindTunnelRules(sa.local, sa.peer, r.outPolicyId, r.inPolicyId);
    r.rule = r.outPolicyId ? spd->Get(r.outPolicyId) : nullptr;
    if (r.rule)
    {
        r.policy = Ikev2ChildSaMapping::MakePolicy(*r.rule, m_services.GetPfKey()->GetSpi());
    }
    return r;
}

void
Ikev2IkeSaTask::FinishResponder(Ikev2Sa& sa,
                                const std::vector<uint8_t>& bytes,
                                const Ikev2Message& answer,
                                std::string refused,
                                const ResponderRules& rules,
                                Ikev2ChildSa& child,
                                const Ikev2ChildKeys& keys)
{
    if (!rules.outPolicyId && refused.empty())
    {
        refused = "no PROTECT rule for the peer";
    }
    m_services.GetMessenger().SendAnswer(sa, bytes, answer);
    if (sa.state == Ikev2State::FAILED)
    {
        FailResponder(sa, "IKE_AUTH: " + refused);
        return;
    }
    m_relays.erase(sa.GetLocalSpi());
    m_services.NoteEstablished(sa);
    if (!refused.empty())
    {
        m_services.TraceFailure(sa.peer, "no CHILD_SA in IKE_AUTH: " + refused);
        return;
    }
    child.outPolicyId = rules.outPolicyId;
    child.inPolicyId = rules.inPolicyId;
    m_services.InstallChild(sa, child, keys, false);
}

void
Ikev2IkeSaTask::FailResponder(Ikev2Sa& sa, const std::string& reason)
{
    uint64_t spi = sa.GetLocalSpi();
    auto relay = m_relays.find(spi);
    if (relay != m_relays.end())
    {
        if (Ptr<Ikev2EapBackend> backend = m_services.GetEapBackend())
        {
            backend->Abort(spi);
        }
        m_relays.erase(relay);
    }
    Ikev2State before = sa.state;
    sa.state = Ikev2State::FAILED;
    m_services.NoteState(sa, before);
    m_services.Fail(sa, reason);
    // Kept until the peer may have stopped retransmitting, to answer it the same way.
    m_services.KeepUntilQuiet(spi);
}

void
Ikev2IkeSaTask::CompleteIkeAuth(Ikev2Sa& sa, const Ikev2Message& response)
{
    uint64_t spi = sa.GetLocalSpi();
    Initiation& ongoing = m_initiations[spi];
    if (m_services.GetCredentials(sa.peer).useEap)
    {
        ContinueEap(sa, response, ongoing);
        return;
    }
    Initiation x = ongoing;
    m_initiations.erase(spi);
    Ikev2IkeAuthExchange auth(m_services.GetProposals(m_services.GetSpd()->Get(x.outPolicyId)));
    Ikev2ChildSa child;
    Ikev2ChildKeys keys;
    Ikev2State before = sa.state;
    std::string reason = auth.ProcessResponse(response,
                                              sa,
                                              m_services.GetCredentials(sa.peer),
                                              x.child,
                                              child,
                                              keys);
    m_services.NoteState(sa, before);
    FinishInitiator(sa, response, reason, x, child, keys);
}

void
Ikev2IkeSaTask::FinishInitiator(Ikev2Sa& sa,
                                const Ikev2Message& response,
                                const std::string& reason,
                                const Initiation& x,
                                Ikev2ChildSa& child,
                                const Ikev2ChildKeys& keys)
{
    uint64_t spi = sa.GetLocalSpi();
    m_services.RequestDone(spi);
    if (sa.state == Ikev2State::FAILED)
    {
        m_services.Fail(sa, "IKE_AUTH: " + reason);
        if (response.encrypted && !Ikev2FindErrorNotify(response.encrypted->payloads) &&
            !Ikev2IkeAuthExchange::FindEap(response))
        {
            // §2.21.2: the responder's AUTH does not verify; tell it, protected.
            Ikev2Message m =
                sa.MakeNotifyMessage(Ikev2ExchangeType::INFORMATIONAL,
                                     false,
                                     sa.nextRequestId,
                                     Ikev2MakeNotify(Ikev2NotifyType::AUTHENTICATION_FAILED));
            m_services.SendRequest(sa,
                                   Ikev2Services::Request::AUTH_FAILED,
                                   m_services.GetMessenger().Encode(sa, m));
            return;
        }
        m_services.RemoveSa(spi);
        return;
    }
    m_services.BookWork(); // the AUTH check, before the SA counts as established
    m_services.NoteEstablished(sa);
    if (!reason.empty())
    {
        m_services.TraceFailure(sa.peer, "no CHILD_SA in IKE_AUTH: " + reason);
        return;
    }
    uint32_t out = 0;
    m_services.GetSpd()->FindTunnelRules(sa.local, sa.peer, out, child.inPolicyId);
    child.outPolicyId = x.outPolicyId;
    m_services.InstallChild(sa, child, keys, true);
}

// ---- EAP in IKE_AUTH (RFC 7296 §2.16)

bool
Ikev2IkeSaTask::IsRunningEap(uint64_t spi) const
{
    return m_relays.count(spi) != 0;
}

bool
Ikev2IkeSaTask::IsAwaitingEapBackend(uint64_t spi) const
{
    auto it = m_relays.find(spi);
    return it != m_relays.end() && it->second.waiting;
}

void
Ikev2IkeSaTask::ContinueEap(Ikev2Sa& sa, const Ikev2Message& response, Initiation& x)
{
    uint64_t spi = sa.GetLocalSpi();
    const Ikev2Credentials credentials = m_services.GetCredentials(sa.peer);
    Ikev2IkeAuthExchange auth(m_services.GetProposals(m_services.GetSpd()->Get(x.outPolicyId)));
    Ikev2State before = sa.state;
    if (x.eapSucceeded)
    {
        Initiation done = x;
        m_initiations.erase(spi);
        Ikev2ChildSa child;
        Ikev2ChildKeys keys;
        std::string reason =
            auth.ProcessEapAuthResponse(response, sa, done.msk, done.child, child, keys);
        m_services.NoteState(sa, before);
        FinishInitiator(sa, response, reason, done, child, keys);
        return;
    }
    std::string failure;
    if (!x.eap)
    {
        failure = auth.ProcessEapStart(response, sa, credentials);
        x.eap = std::make_shared<EapPeer>(credentials.eap, m_services.GetRandom());
    }
    else
    {
        sa.nextRequestId = response.header.messageId + 1;
    }
    EapPacket in;
    const Ikev2EapPayload* payload = Ikev2IkeAuthExchange::FindEap(response);
    if (failure.empty() && (!payload || !EapCodec::Decode(payload->message, in).IsOk()))
    {
        failure = "IKE_AUTH response without a valid EAP payload";
    }
    EapPacket out;
    std::string reason;
    EapStatus status = failure.empty() ? x.eap->Process(in, out, reason) : EapStatus::FAILURE;
    if (status == EapStatus::CONTINUE && out.code != EapCode::RESPONSE)
    {
        status = EapStatus::FAILURE; // nothing to answer: the exchange cannot go on
    }
    if (failure.empty() && status == EapStatus::FAILURE)
    {
        failure = "EAP: " + reason;
    }
    if (failure.empty() && status == EapStatus::SUCCESS)
    {
        failure = Ikev2IkeAuthExchange::CheckEapOnlyMethod(sa, x.eap->GetMethod(), x.eap->GetMsk());
    }
    if (!failure.empty())
    {
        Initiation done = x;
        m_initiations.erase(spi);
        sa.state = Ikev2State::FAILED;
        m_services.NoteState(sa, before);
        Ikev2ChildSa none;
        FinishInitiator(sa, response, failure, done, none, {});
        return;
    }
    m_services.RequestDone(spi);
    Ikev2Message next;
    if (status == EapStatus::SUCCESS)
    {
        x.eapSucceeded = true;
        x.msk = x.eap->GetMsk();
        m_services.NoteEapSuccess(sa, x.msk);
        next = auth.BuildEapAuthRequest(sa, credentials, x.msk);
    }
    else
    {
        next = Ikev2IkeAuthExchange::BuildEapMessage(sa,
                                                     false,
                                                     sa.nextRequestId,
                                                     EapCodec::Encode(out));
    }
    m_services.SendRequest(sa,
                           Ikev2Services::Request::IKE_AUTH,
                           m_services.GetMessenger().Encode(sa, next));
}

void
Ikev2IkeSaTask::BeginEap(Ikev2Sa& sa,
                         const std::vector<uint8_t>& bytes,
                         const Ikev2Message& request)
{
    const Ikev2Credentials credentials = m_services.GetCredentials(sa.peer);
    Ikev2IkeAuthExchange auth(m_services.GetProposals(nullptr));
    Ikev2Message answer;
    Ikev2State before = sa.state;
    std::string refused = auth.StartEap(request, sa, credentials, answer);
    Ptr<Ikev2EapBackend> backend = m_services.GetEapBackend();
    if (refused.empty() && !backend)
    {
        answer.encrypted->payloads = {Ikev2MakeNotify(Ikev2NotifyType::AUTHENTICATION_FAILED)};
        sa.state = Ikev2State::FAILED;
        refused = "AUTHENTICATION_FAILED: EAP asked, but the node has no EAP backend";
    }
    m_services.NoteState(sa, before);
    if (!refused.empty())
    {
        m_services.GetMessenger().SendAnswer(sa, bytes, answer);
        FailResponder(sa, "IKE_AUTH: " + refused);
        return;
    }
    m_services.BookWork(); // our AUTH is computed now; the answer waits for the EAP server
    uint64_t spi = sa.GetLocalSpi();
    EapRelay& relay = m_relays[spi];
    relay.first = request;
    relay.firstAnswer = answer;
    relay.pending = bytes;
    relay.waiting = true;
    const std::string identity(sa.peerId.data.begin(), sa.peerId.data.end());
    backend->Start(spi,
                   identity,
                   sa.peer,
                   Ikev2EapBackend::AnswerCallback(
                       [this, spi](const Ikev2EapBackend::Answer& a) { BackendAnswered(spi, a); }));
}

void
Ikev2IkeSaTask::AnswerEap(Ikev2Sa& sa,
                          const std::vector<uint8_t>& bytes,
                          const Ikev2Message& request)
{
    EapRelay& relay = m_relays[sa.GetLocalSpi()];
    if (relay.accepted)
    {
        const ResponderRules rules = FindResponderRules(sa);
        Ikev2IkeAuthExchange auth(m_services.GetProposals(rules.rule));
        Ikev2Message answer;
        Ikev2ChildSa child;
        Ikev2ChildKeys keys;
        Ikev2State before = sa.state;
        std::string refused = auth.ProcessEapAuthRequest(request,
                                                         relay.first,
                                                         sa,
                                                         m_services.GetCredentials(sa.peer),
                                                         relay.msk,
                                                         rules.policy,
                                                         answer,
                                                         child,
                                                         keys);
        m_services.NoteState(sa, before);
        FinishResponder(sa, bytes, answer, refused, rules, child, keys);
        return;
    }
    EapPacket response;
    const Ikev2EapPayload* payload = Ikev2IkeAuthExchange::FindEap(request);
    if (!payload || !EapCodec::Decode(payload->message, response).IsOk())
    {
        Ikev2Message answer =
            sa.MakeNotifyMessage(Ikev2ExchangeType::IKE_AUTH,
                                 true,
                                 request.header.messageId,
                                 Ikev2MakeNotify(Ikev2NotifyType::AUTHENTICATION_FAILED));
        m_services.GetMessenger().SendAnswer(sa, bytes, answer);
        FailResponder(sa, "IKE_AUTH: AUTHENTICATION_FAILED: request without a valid EAP payload");
        return;
    }
    relay.pending = bytes;
    relay.waiting = true;
    m_services.BookWork();
    m_services.GetEapBackend()->Continue(sa.GetLocalSpi(), response);
}

void
Ikev2IkeSaTask::BackendAnswered(uint64_t spi, const Ikev2EapBackend::Answer& answer)
{
    Ikev2Sa* sa = m_services.GetTable().Find(spi);
    auto it = m_relays.find(spi);
    if (!sa || it == m_relays.end() || !it->second.waiting)
    {
        return; // the SA went meanwhile
    }
    EapRelay& relay = it->second;
    relay.waiting = false;
    Ikev2Messenger& messenger = m_services.GetMessenger();
    CryptoWorkMeter::Scope scope(messenger.GetMeter());
    messenger.GetMeter().Clear();
    Ikev2Header header;
    Ikev2Codec::DecodeHeader(relay.pending, header);
    EapPacket eap = answer.eap;
    Ikev2EapBackend::Answer::Kind kind = answer.kind;
    std::string reason = answer.reason;
    if (kind == Ikev2EapBackend::Answer::Kind::ACCEPT)
    {
        // RFC 5998 §4: without an MSK our final AUTH would prove nothing; EAP-Failure instead.
        reason = Ikev2IkeAuthExchange::CheckEapOnlyMethod(*sa, EapType::NONE, answer.msk);
        if (!reason.empty())
        {
            kind = Ikev2EapBackend::Answer::Kind::REJECT;
            eap.code = EapCode::FAILURE;
        }
    }
    if (kind == Ikev2EapBackend::Answer::Kind::TIMEOUT)
    {
        eap = EapPacket{EapCode::FAILURE, 0, EapType::NONE, {}};
    }
    Ikev2Message out;
    if (header.messageId == relay.first.header.messageId)
    {
        out = relay.firstAnswer; // IDr, CERTs, AUTH, and the first EAP Request
        out.encrypted->payloads.push_back(Ikev2EapPayload{EapCodec::Encode(eap), false});
    }
    else
    {
        out = Ikev2IkeAuthExchange::BuildEapMessage(*sa,
                                                    true,
                                                    header.messageId,
                                                    EapCodec::Encode(eap));
    }
    const std::vector<uint8_t> request = relay.pending;
    switch (kind)
    {
    case Ikev2EapBackend::Answer::Kind::CHALLENGE:
        messenger.SendAnswer(*sa, request, out);
        break;
    case Ikev2EapBackend::Answer::Kind::ACCEPT:
        relay.accepted = true;
        relay.msk = answer.msk;
        m_services.NoteEapSuccess(*sa, relay.msk);
        messenger.SendAnswer(*sa, request, out);
        break;
    default:
        messenger.SendAnswer(*sa, request, out);
        FailResponder(
            *sa,
            std::string("IKE_AUTH: EAP ") +
                (kind == Ikev2EapBackend::Answer::Kind::REJECT ? "rejected" : "timed out") + ": " +
                reason);
        break;
    }
}

} // namespace ns3
