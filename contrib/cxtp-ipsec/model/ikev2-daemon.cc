/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-daemon.h"

#include "crypto-cost-model.h"
#include "crypto-random.h"
#include "crypto-work-meter.h"
#include "ikev2-algorithms.h"
#include "ikev2-codec.h"
#include "ikev2-eap-backend.h"
#include "ikev2-informational-exchange.h"
#include "ipsec-credential-store.h"
#include "ipsec-pad.h"
#include "ipsec-pf-key.h"
#include "ipsec-spd.h"
#include "ipsec-work-clock.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <functional>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ikev2Daemon");
NS_OBJECT_ENSURE_REGISTERED(Ikev2Daemon);

TypeId
Ikev2Daemon::GetTypeId()
{
    static TypeId tid = AddTraceSources(AddBehaviourAttributes(
        TypeId("ns3::Ikev2Daemon")
            .SetParent<Application>()
            .SetGroupName("CxtpIpsec")
            .AddConstructor<Ikev2Daemon>()
            .AddAttribute(
                "IkeProposals",
                "IKE SA proposals in preference order, strongSwan's syntax (charon's "
                "ike=), e.g. \"aes128-sha256-modp2048,aes256gcm16-prfsha384-ecp256\".",
                StringValue("aes128-sha256-modp2048"),
                MakeStringAccessor(&Ikev2Daemon::SetIkeProposals, &Ikev2Daemon::GetIkeProposals),
                MakeStringChecker())
            .AddAttribute(
                "EspProposals",
                "CHILD_SA proposals in preference order (charon's esp=), e.g. "
                "\"aes128-sha256,aes128gcm16\"; empty: the ESP pair of the SPD rule.",
                StringValue(""),
                MakeStringAccessor(&Ikev2Daemon::SetEspProposals, &Ikev2Daemon::GetEspProposals),
                MakeStringChecker())));
    return tid;
}

TypeId
Ikev2Daemon::AddBehaviourAttributes(TypeId tid)
{
    return tid
        .AddAttribute("NonceSize",
                      "Octets of our nonces (RFC 7296 §2.10: 16 to 256; charon: 32).",
                      UintegerValue(32),
                      MakeUintegerAccessor(&Ikev2Daemon::m_nonceSize),
                      MakeUintegerChecker<uint32_t>(16, 256))
        .AddAttribute("InitialContact",
                      "Send INITIAL_CONTACT in the first IKE_AUTH with a peer (§2.4).",
                      BooleanValue(true),
                      MakeBooleanAccessor(&Ikev2Daemon::m_initialContact),
                      MakeBooleanChecker())
        .AddAttribute("EapOnlyAuthentication",
                      "EAP-only authentication (RFC 5998): an EAP client asks for it, a gateway "
                      "grants it and proves itself by the MSK alone, without CERT and AUTH "
                      "in its first IKE_AUTH response; only methods that authenticate both "
                      "ends and make an MSK (EAP-TLS, EAP-AKA) are accepted then (§4).",
                      BooleanValue(false),
                      MakeBooleanAccessor(&Ikev2Daemon::m_eapOnly),
                      MakeBooleanChecker())
        .AddAttribute("EapBackend",
                      "Where the EAP server of peers that authenticate with EAP runs (RFC 7296 "
                      "§2.16), e.g. a RadiusClient; if unset, one aggregated to the node.",
                      PointerValue(),
                      MakePointerAccessor(&Ikev2Daemon::m_eapBackend),
                      MakePointerChecker<Ikev2EapBackend>())
        .AddAttribute("Passive",
                      "Never initiate on an ACQUIRE (a gateway that only answers).",
                      BooleanValue(false),
                      MakeBooleanAccessor(&Ikev2Daemon::m_passive),
                      MakeBooleanChecker())
        .AddAttribute("RetransmitTimeout",
                      "First retransmission timeout (charon's retransmit_timeout).",
                      TimeValue(Seconds(4)),
                      MakeTimeAccessor(&Ikev2Daemon::m_retransmitTimeout),
                      MakeTimeChecker(MilliSeconds(1)))
        .AddAttribute("RetransmitBase",
                      "Factor of each further timeout (charon's retransmit_base).",
                      DoubleValue(1.8),
                      MakeDoubleAccessor(&Ikev2Daemon::m_retransmitBase),
                      MakeDoubleChecker<double>(1.0))
        .AddAttribute("RetransmitTries",
                      "Retransmissions before giving up (charon's retransmit_tries).",
                      UintegerValue(5),
                      MakeUintegerAccessor(&Ikev2Daemon::m_retransmitTries),
                      MakeUintegerChecker<uint32_t>())
        .AddAttribute("CookieThreshold",
                      "Half-open IKE SAs from which IKE_SA_INIT requests must carry a COOKIE "
                      "(§2.6; charon's cookie_threshold); 0: always.",
                      UintegerValue(10),
                      MakeUintegerAccessor(&Ikev2Daemon::m_cookieThreshold),
                      MakeUintegerChecker<uint32_t>())
        .AddAttribute("HalfOpenLimit",
                      "Half-open IKE SAs beyond which IKE_SA_INIT requests are dropped "
                      "(charon's block_threshold); 0: no limit.",
                      UintegerValue(0),
                      MakeUintegerAccessor(&Ikev2Daemon::m_halfOpenLimit),
                      MakeUintegerChecker<uint32_t>())
        .AddAttribute("IkeSaLimit",
                      "IKE SAs beyond which new IKE_SA_INIT requests are dropped "
                      "(charon's ikesa_limit); 0: no limit.",
                      UintegerValue(0),
                      MakeUintegerAccessor(&Ikev2Daemon::m_ikeSaLimit),
                      MakeUintegerChecker<uint32_t>())
        .AddAttribute("HalfOpenTimeout",
                      "A responder forgets an IKE SA still waiting for IKE_AUTH after this "
                      "(charon's half_open_timeout).",
                      TimeValue(Seconds(30)),
                      MakeTimeAccessor(&Ikev2Daemon::m_halfOpenTimeout),
                      MakeTimeChecker(MilliSeconds(1)))
        .AddAttribute("IkeLifetime",
                      "IKE SA lifetime.",
                      TimeValue(Hours(4)),
                      MakeTimeAccessor(&Ikev2Daemon::m_ikeLifetime),
                      MakeTimeChecker(Seconds(1)))
        .AddAttribute("ChildLifetime",
                      "CHILD_SA lifetime (hard lifetime of its ESP SAs).",
                      TimeValue(Hours(1)),
                      MakeTimeAccessor(&Ikev2Daemon::m_childLifetime),
                      MakeTimeChecker(Seconds(1)));
}

TypeId
Ikev2Daemon::AddTraceSources(TypeId tid)
{
    return tid
        .AddTraceSource("Message",
                        "An IKEv2 message sent or received.",
                        MakeTraceSourceAccessor(&Ikev2Daemon::m_messageTrace),
                        "ns3::Ikev2Daemon::MessageTracedCallback")
        .AddTraceSource("StateTransition",
                        "An IKE SA changed state.",
                        MakeTraceSourceAccessor(&Ikev2Daemon::m_stateTrace),
                        "ns3::Ikev2Daemon::StateTracedCallback")
        .AddTraceSource("IkeSaKeys",
                        "An IKE SA has its keys: after IKE_SA_INIT (either role) and for the new "
                        "IKE SA of a rekey (what Ikev2KeyExport records).",
                        MakeTraceSourceAccessor(&Ikev2Daemon::m_keysTrace),
                        "ns3::Ikev2Daemon::KeysTracedCallback")
        .AddTraceSource("Established",
                        "An IKE SA is authenticated (IKE_AUTH done).",
                        MakeTraceSourceAccessor(&Ikev2Daemon::m_establishedTrace),
                        "ns3::Ikev2Daemon::EstablishedTracedCallback")
        .AddTraceSource("Installed",
                        "Both ESP SAs of a CHILD_SA are installed.",
                        MakeTraceSourceAccessor(&Ikev2Daemon::m_installedTrace),
                        "ns3::Ikev2Daemon::InstalledTracedCallback")
        .AddTraceSource("EapSuccess",
                        "The EAP conversation of an IKE SA succeeded (RFC 7296 §2.16): the "
                        "initiator's EAP peer got EAP-Success, or the responder's backend "
                        "accepted; with the MSK that keys the final AUTHs (empty: SK_pi/SK_pr).",
                        MakeTraceSourceAccessor(&Ikev2Daemon::m_eapSuccessTrace),
                        "ns3::Ikev2Daemon::EapSuccessTracedCallback")
        .AddTraceSource("Failure",
                        "An exchange failed.",
                        MakeTraceSourceAccessor(&Ikev2Daemon::m_failureTrace),
                        "ns3::Ikev2Daemon::FailureTracedCallback")
        .AddTraceSource("Discard",
                        "A received message was discarded or a request refused.",
                        MakeTraceSourceAccessor(&Ikev2Daemon::m_discardTrace),
                        "ns3::Ikev2Daemon::FailureTracedCallback");
}

Ikev2Daemon::Ikev2Daemon()
    : m_nonceSize(32),
      m_initialContact(true),
      m_eapOnly(false),
      m_passive(false),
      m_retransmitTimeout(Seconds(4)),
      m_retransmitBase(1.8),
      m_retransmitTries(5),
      m_cookieThreshold(10),
      m_halfOpenLimit(0),
      m_ikeSaLimit(0),
      m_halfOpenTimeout(Seconds(30)),
      m_ikeLifetime(Hours(4)),
      m_childLifetime(Hours(1)),
      m_ikeSaTask(*this),
      m_informational(*this),
      m_createChildSa(*this, m_informational)
{
    NS_LOG_FUNCTION(this);
}

Ikev2Daemon::~Ikev2Daemon()
{
    NS_LOG_FUNCTION(this);
}

void
Ikev2Daemon::DoDispose()
{
    m_exchanges.clear();
    m_ikeSaTask.Clear();
    m_createChildSa.Clear();
    m_children.Dispose();
    m_messenger.Dispose();
    m_table.Clear();
    m_rng = nullptr;
    m_pfKey = nullptr;
    m_spd = nullptr;
    m_pad = nullptr;
    m_cost = nullptr;
    m_clock = nullptr;
    m_transport = nullptr;
    m_eapBackend = nullptr;
    Application::DoDispose();
}

void
Ikev2Daemon::SetIkeProposals(std::string list)
{
    std::vector<Ikev2IkeChoice> choices;
    std::string error = Ikev2Proposals::ParseIkeList(list, choices);
    NS_ABORT_MSG_IF(!error.empty(), "Ikev2Daemon::IkeProposals: " << error);
    NS_ABORT_MSG_IF(choices.empty(), "Ikev2Daemon::IkeProposals: empty list");
    m_ikeChoices = choices;
}

std::string
Ikev2Daemon::GetIkeProposals() const
{
    return Ikev2Proposals::FormatIkeList(m_ikeChoices);
}

void
Ikev2Daemon::SetEspProposals(std::string list)
{
    std::vector<Ikev2EspChoice> choices;
    if (!list.empty())
    {
        std::string error = Ikev2Proposals::ParseEspList(list, choices);
        NS_ABORT_MSG_IF(!error.empty(), "Ikev2Daemon::EspProposals: " << error);
    }
    m_espChoices = choices;
}

std::string
Ikev2Daemon::GetEspProposals() const
{
    return Ikev2Proposals::FormatEspList(m_espChoices);
}

void
Ikev2Daemon::StartApplication()
{
    NS_LOG_FUNCTION(this);
    Ptr<Node> node = GetNode();
    m_pfKey = node->GetObject<IpsecPfKey>();
    m_spd = node->GetObject<IpsecSpd>();
    m_pad = node->GetObject<IpsecPad>();
    m_rng = node->GetObject<CryptoRandom>();
    NS_ABORT_MSG_IF(!m_pfKey || !m_spd || !m_pad || !m_rng,
                    "Ikev2Daemon on node " << node->GetId() << " needs IPsec (IpsecHelper)");
    m_cost = node->GetObject<CryptoCostModel>();
    if (!m_cost)
    {
        m_cost = CreateObject<CryptoCostModel>(); // profile "zero" unless configured
        node->AggregateObject(m_cost);
    }
    m_clock = IpsecWorkClock::Get(node);
    if (!m_eapBackend)
    {
        m_eapBackend = node->GetObject<Ikev2EapBackend>(); // a RadiusClient on the node
    }
    m_ikeSaTask.SetUp();
    m_transport = IkeTransport::Get(node);
    m_messenger.SetUp(m_transport,
                      m_cost,
                      m_clock,
                      m_rng,
                      MakeCallback(&Ikev2Daemon::TraceMessage, this));
    m_children.SetUp(m_pfKey,
                     m_clock,
                     MakeCallback(&Ikev2Daemon::TraceInstalled, this),
                     MakeCallback(&Ikev2Daemon::TraceFailure, this));
    m_transport->Register(2,
                          MakeCallback(&Ikev2Daemon::Receive, this),
                          MakeCallback(&Ikev2Daemon::HandleAcquire, this));
}

void
Ikev2Daemon::StopApplication()
{
    NS_LOG_FUNCTION(this);
    for (auto& [spi, x] : m_exchanges)
    {
        m_messenger.Stop(spi);
        x.quietTimer.Cancel();
    }
    if (m_transport)
    {
        m_transport->Unregister(2);
    }
}

const Ikev2Sa*
Ikev2Daemon::FindSa(const Ipv6Address& peer) const
{
    return m_table.FindNewestEstablished(peer);
}

const std::map<uint64_t, Ikev2Sa>&
Ikev2Daemon::GetSas() const
{
    return m_table.GetAll();
}

const std::map<std::string, uint64_t>&
Ikev2Daemon::GetDiscards() const
{
    return m_discards;
}

IpsecRetransmissionPolicy
Ikev2Daemon::GetRetransmissionPolicy() const
{
    return IpsecRetransmissionPolicy::Exponential(m_retransmitTimeout,
                                                  m_retransmitBase,
                                                  m_retransmitTries);
}

void
Ikev2Daemon::TraceMessage(bool sent,
                          const Ipv6Address& peer,
                          Ikev2ExchangeType exchange,
                          bool response,
                          uint32_t size)
{
    m_messageTrace(sent, peer, exchange, response, size);
}

// ---------------------------------------------------------------------------------------------
// Triggers

void
Ikev2Daemon::HandleAcquire(const IpsecPolicy& policy, const IpsecPacketFields& /* fields */)
{
    NS_LOG_FUNCTION(this << policy.ToString());
    if (!m_passive && policy.direction == IpsecDirection::OUTBOUND &&
        policy.mode == IpsecMode::TUNNEL)
    {
        Initiate(policy.id);
    }
}

void
Ikev2Daemon::Initiate(uint32_t outPolicyId)
{
    NS_LOG_FUNCTION(this << outPolicyId);
    const IpsecPolicy* rule = m_spd->Get(outPolicyId);
    NS_ABORT_MSG_IF(!rule || rule->action != IpsecPolicyAction::PROTECT,
                    "Ikev2Daemon::Initiate: " << outPolicyId << " is not a PROTECT rule");
    Ipv6Address peer = rule->tunnelRemote;
    std::vector<uint32_t>& waiting = m_waiting[peer];
    if (std::find(waiting.begin(), waiting.end(), outPolicyId) != waiting.end() ||
        m_ikeSaTask.IsInitiating(outPolicyId) || m_createChildSa.IsCreating(outPolicyId))
    {
        return; // its CHILD_SA is under way
    }
    for (const auto& [spi, sa] : m_table.GetAll())
    {
        if (sa.peer != peer || sa.state == Ikev2State::FAILED || sa.state == Ikev2State::DELETED ||
            sa.state == Ikev2State::DELETING || sa.state == Ikev2State::REKEYED)
        {
            continue;
        }
        for (const auto& [in, child] : sa.children)
        {
            if (child.outPolicyId == outPolicyId)
            {
                return; // the rule has its CHILD_SA
            }
        }
        if (sa.state != Ikev2State::ESTABLISHED)
        {
            waiting.push_back(outPolicyId); // IKE_SA_INIT/IKE_AUTH under way
            return;
        }
        // A further CHILD_SA on an established IKE SA (§1.3.1).
        m_createChildSa.CreateChild(spi, outPolicyId);
        return;
    }
    m_ikeSaTask.Start(*rule);
}

void
Ikev2Daemon::Delete(const Ipv6Address& peer)
{
    NS_LOG_FUNCTION(this << peer);
    for (const auto& [spi, sa] : m_table.GetAll())
    {
        if (sa.peer == peer && sa.state == Ikev2State::ESTABLISHED)
        {
            m_informational.Request(spi, &Ikev2InformationalExchange::BuildDeleteIkeSa);
        }
    }
}

void
Ikev2Daemon::DeleteChildren(const Ipv6Address& peer)
{
    NS_LOG_FUNCTION(this << peer);
    auto deleteAll = [](Ikev2Sa& sa) {
        std::vector<uint32_t> spis;
        for (const auto& [in, child] : sa.children)
        {
            spis.push_back(in);
        }
        return Ikev2InformationalExchange::BuildDeleteChildren(sa, spis);
    };
    for (const auto& [spi, sa] : m_table.GetAll())
    {
        if (sa.peer == peer && sa.state == Ikev2State::ESTABLISHED && !sa.children.empty())
        {
            m_informational.Request(spi, deleteAll);
        }
    }
}

void
Ikev2Daemon::CheckLiveness(const Ipv6Address& peer)
{
    NS_LOG_FUNCTION(this << peer);
    if (const Ikev2Sa* newest = m_table.FindNewestEstablished(peer))
    {
        m_informational.Request(newest->GetLocalSpi(), &Ikev2InformationalExchange::BuildLiveness);
    }
}

void
Ikev2Daemon::RekeyChildren(const Ipv6Address& peer)
{
    NS_LOG_FUNCTION(this << peer);
    for (const auto& [spi, sa] : m_table.GetAll())
    {
        if (sa.peer == peer && sa.state == Ikev2State::ESTABLISHED)
        {
            for (const auto& [in, child] : sa.children)
            {
                m_createChildSa.RekeyChild(spi, in);
            }
        }
    }
}

void
Ikev2Daemon::RekeyIkeSa(const Ipv6Address& peer)
{
    NS_LOG_FUNCTION(this << peer);
    if (const Ikev2Sa* newest = m_table.FindNewestEstablished(peer))
    {
        m_createChildSa.RekeyIke(newest->GetLocalSpi());
    }
}

void
Ikev2Daemon::Purge(const Ipv6Address& peer)
{
    NS_LOG_FUNCTION(this << peer);
    std::vector<uint64_t> gone;
    for (const auto& [spi, sa] : m_table.GetAll())
    {
        if (sa.peer == peer)
        {
            gone.push_back(spi);
        }
    }
    RemoveAll(gone);
    m_waiting.erase(peer);
}

void
Ikev2Daemon::RemoveAll(const std::vector<uint64_t>& spis)
{
    for (uint64_t spi : spis)
    {
        const Ikev2Sa& sa = *m_table.Find(spi);
        std::vector<Ikev2ChildSa> children;
        for (const auto& [in, child] : sa.children)
        {
            children.push_back(child);
        }
        UninstallChildren(sa, children);
        RemoveSa(spi);
    }
}

// ---------------------------------------------------------------------------------------------
// Dispatch

void
Ikev2Daemon::Receive(const std::vector<uint8_t>& bytes,
                     const Ipv6Address& from,
                     const Ipv6Address& to)
{
    Ikev2Header header;
    Ikev2DecodeResult r = Ikev2Codec::DecodeHeader(bytes, header);
    if (!r.IsOk() || header.length != bytes.size())
    {
        Discard(from, "malformed IKEv2 header");
        return;
    }
    m_messageTrace(false, from, header.exchangeType, header.response, bytes.size());
    CryptoWorkMeter::Scope scope(m_messenger.GetMeter());
    m_messenger.GetMeter().Clear();
    if (header.exchangeType == Ikev2ExchangeType::IKE_SA_INIT && !header.response)
    {
        m_ikeSaTask.ReceiveInitRequest(header, bytes, from, to);
        return;
    }
    // Our SPI is the responder's if the sender is the original initiator (I flag, §3.1).
    uint64_t ours = header.initiator ? header.responderSpi : header.initiatorSpi;
    Ikev2Sa* sa = m_table.Find(ours);
    if (!sa || sa->peer != from || header.initiatorSpi != sa->spiI ||
        (header.exchangeType != Ikev2ExchangeType::IKE_SA_INIT && header.responderSpi != sa->spiR))
    {
        // §2.21.4: INVALID_IKE_SPI may be sent unprotected; charon stays silent, as we do.
        Discard(from, "unknown IKE SA");
        return;
    }
    if (header.initiator == sa->originalInitiator)
    {
        Discard(from, "I flag of our own role");
        return;
    }
    if (header.exchangeType == Ikev2ExchangeType::IKE_SA_INIT)
    {
        if (m_exchanges[ours].outstanding != Request::IKE_SA_INIT)
        {
            Discard(from, "IKE_SA_INIT response not awaited");
            return;
        }
        m_ikeSaTask.ReceiveInitResponse(*sa, bytes);
    }
    else if (sa->state == Ikev2State::IDLE || sa->state == Ikev2State::INIT_SENT)
    {
        Discard(from, "protected message before the keys");
    }
    else if (header.response)
    {
        ReceiveProtectedResponse(*sa, bytes);
    }
    else
    {
        ReceiveProtectedRequest(*sa, bytes);
    }
}

Ikev2DecodeResult
Ikev2Daemon::Open(const Ikev2Sa& sa, const std::vector<uint8_t>& bytes, Ikev2Message& message)
{
    Ikev2DecodeResult r = Ikev2Messenger::Open(sa, bytes, message);
    if (!r.IsOk() && r.error != Ikev2DecodeError::UNSUPPORTED_CRITICAL_PAYLOAD)
    {
        Discard(sa.peer,
                r.error == Ikev2DecodeError::INTEGRITY_FAILED
                    ? "ICV does not verify"
                    : std::string("malformed protected message: ") +
                          GetIkev2DecodeErrorName(r.error));
    }
    return r;
}

void
Ikev2Daemon::ReceiveProtectedRequest(Ikev2Sa& sa, const std::vector<uint8_t>& bytes)
{
    Ikev2Header header;
    Ikev2Codec::DecodeHeader(bytes, header);
    if (header.messageId + 1 == sa.nextExpectedId)
    {
        // §2.1: the peer did not get our answer; the same answer again, once it has left.
        m_messenger.RepeatAnswer(sa.GetLocalSpi(), sa.peer, bytes);
        return;
    }
    if (header.messageId != sa.nextExpectedId)
    {
        Discard(sa.peer, "request outside the window");
        return;
    }
    if (m_ikeSaTask.IsAwaitingEapBackend(sa.GetLocalSpi()))
    {
        // §2.1: answered once the EAP server has; not processed twice.
        Discard(sa.peer, "request repeated while the EAP server answers");
        return;
    }
    Ikev2Message request;
    Ikev2DecodeResult r = Open(sa, bytes, request);
    if (r.error == Ikev2DecodeError::UNSUPPORTED_CRITICAL_PAYLOAD)
    {
        // §2.5: answered, protected, with the type of the payload we do not know.
        Discard(sa.peer, "request with an unsupported critical payload");
        m_messenger.SendAnswer(
            sa,
            bytes,
            sa.MakeNotifyMessage(header.exchangeType,
                                 true,
                                 header.messageId,
                                 Ikev2MakeNotify(Ikev2NotifyType::UNSUPPORTED_CRITICAL_PAYLOAD,
                                                 {static_cast<uint8_t>(r.unsupportedType)})));
        return;
    }
    if (!r.IsOk())
    {
        return;
    }
    bool authenticated = sa.state == Ikev2State::ESTABLISHED || sa.state == Ikev2State::REKEYED ||
                         sa.state == Ikev2State::DELETING;
    switch (header.exchangeType)
    {
    case Ikev2ExchangeType::IKE_AUTH:
        if (sa.state != Ikev2State::INIT_ANSWERED)
        {
            Discard(sa.peer, "IKE_AUTH request on an authenticated IKE SA");
            return;
        }
        if (m_ikeSaTask.IsRunningEap(sa.GetLocalSpi()))
        {
            m_ikeSaTask.AnswerEap(sa, bytes, request); // §2.16: EAP, then the final AUTH
            return;
        }
        m_ikeSaTask.AnswerIkeAuth(sa, bytes, request);
        break;
    case Ikev2ExchangeType::INFORMATIONAL:
        if (!authenticated)
        {
            Discard(sa.peer, "INFORMATIONAL request before IKE_AUTH");
            return;
        }
        m_informational.Answer(sa, bytes, request);
        break;
    case Ikev2ExchangeType::CREATE_CHILD_SA:
        if (!authenticated)
        {
            Discard(sa.peer, "CREATE_CHILD_SA request before IKE_AUTH");
            return;
        }
        m_createChildSa.Answer(sa, bytes, request); // TEMPORARY_FAILURE unless ESTABLISHED
        break;
    default:
        Discard(sa.peer, "unsupported exchange type");
        break;
    }
}

void
Ikev2Daemon::ReceiveProtectedResponse(Ikev2Sa& sa, const std::vector<uint8_t>& bytes)
{
    Ikev2Header header;
    Ikev2Codec::DecodeHeader(bytes, header);
    Request outstanding = m_exchanges[sa.GetLocalSpi()].outstanding;
    static const std::map<Request, Ikev2ExchangeType> exchangeOf = {
        {Request::IKE_AUTH, Ikev2ExchangeType::IKE_AUTH},
        {Request::INFORMATIONAL, Ikev2ExchangeType::INFORMATIONAL},
        {Request::AUTH_FAILED, Ikev2ExchangeType::INFORMATIONAL},
        {Request::CREATE_CHILD_SA, Ikev2ExchangeType::CREATE_CHILD_SA},
    };
    auto expected = exchangeOf.find(outstanding);
    if (expected == exchangeOf.end() || header.messageId != sa.nextRequestId ||
        header.exchangeType != expected->second)
    {
        Discard(sa.peer, "response to no outstanding request");
        return;
    }
    Ikev2Message response;
    Ikev2DecodeResult r = Open(sa, bytes, response);
    if (r.error == Ikev2DecodeError::UNSUPPORTED_CRITICAL_PAYLOAD)
    {
        Discard(sa.peer, "response with an unsupported critical payload");
        return; // §2.5 asks a response to be rejected: the request is retransmitted
    }
    if (!r.IsOk())
    {
        return;
    }
    switch (outstanding)
    {
    case Request::IKE_AUTH:
        m_ikeSaTask.CompleteIkeAuth(sa, response);
        break;
    case Request::INFORMATIONAL:
        m_informational.Complete(sa, response);
        break;
    case Request::CREATE_CHILD_SA:
        m_createChildSa.Complete(sa, response);
        break;
    default: { // AUTH_FAILED: told; the SA goes
        uint64_t spi = sa.GetLocalSpi();
        RequestDone(spi);
        RemoveSa(spi);
        break;
    }
    }
}

void
Ikev2Daemon::ExpireHalfOpen(uint64_t spi)
{
    Ikev2Sa* sa = m_table.Find(spi);
    if (sa && (sa->state == Ikev2State::INIT_ANSWERED || sa->state == Ikev2State::FAILED ||
               sa->state == Ikev2State::DELETED))
    {
        NS_LOG_INFO("forgetting IKE SA " << spi << " with " << sa->peer << " ("
                                         << ToString(sa->state) << ")");
        RemoveSa(spi);
    }
}

// ---------------------------------------------------------------------------------------------
// Ikev2Services: settings and the node

Ikev2Config
Ikev2Daemon::GetConfig() const
{
    Ikev2Config c;
    c.nonceSize = m_nonceSize;
    c.initialContact = m_initialContact;
    c.ikeLifetime = m_ikeLifetime;
    c.cookieThreshold = m_cookieThreshold;
    c.halfOpenLimit = m_halfOpenLimit;
    c.ikeSaLimit = m_ikeSaLimit;
    return c;
}

Ikev2Proposals
Ikev2Daemon::GetProposals(const IpsecPolicy* rule) const
{
    std::vector<Ikev2EspChoice> esp = m_espChoices;
    if (esp.empty())
    {
        Ikev2EspChoice choice;
        IpsecEncryption encryption = rule ? rule->encryption : IpsecEncryption::AES_128_CBC;
        IpsecIntegrity integrity = rule ? rule->integrity : IpsecIntegrity::HMAC_SHA2_256_128;
        Ikev2Algorithms::GetEncrId(encryption, choice.encr, choice.keyBits);
        choice.integ = Ikev2Algorithms::GetIntegId(integrity);
        esp.push_back(choice);
    }
    return Ikev2Proposals(m_ikeChoices, esp);
}

Ikev2Credentials
Ikev2Daemon::GetCredentials(const Ipv6Address& peer) const
{
    const IpsecPadEntry* entry = m_pad->FindByAddress(peer);
    if (!entry)
    {
        return Ikev2Credentials(); // no key: every AUTH fails
    }
    Ikev2Credentials c =
        Ikev2Credentials::FromPadEntry(*entry, IpsecCredentialStore::Get(GetNode()));
    c.eapOnly = m_eapOnly;
    return c;
}

Ptr<CryptoRandom>
Ikev2Daemon::GetRandom() const
{
    return m_rng;
}

Ptr<IpsecSpd>
Ikev2Daemon::GetSpd() const
{
    return m_spd;
}

Ptr<IpsecPad>
Ikev2Daemon::GetPad() const
{
    return m_pad;
}

Ptr<IpsecPfKey>
Ikev2Daemon::GetPfKey() const
{
    return m_pfKey;
}

Ikev2SaTable&
Ikev2Daemon::GetTable()
{
    return m_table;
}

Ptr<Ikev2EapBackend>
Ikev2Daemon::GetEapBackend() const
{
    return m_eapBackend;
}

Ikev2Messenger&
Ikev2Daemon::GetMessenger()
{
    return m_messenger;
}

// ---------------------------------------------------------------------------------------------
// Ikev2Services: requests of ours

void
Ikev2Daemon::SendRequest(Ikev2Sa& sa, Request kind, const std::vector<uint8_t>& bytes)
{
    uint64_t spi = sa.GetLocalSpi();
    m_exchanges[spi].outstanding = kind;
    Ptr<Ikev2Daemon> self = this;
    auto giveUp = [self, spi]() {
        Ikev2Sa* sa = self->m_table.Find(spi);
        self->Fail(*sa,
                   "no answer after " + std::to_string(self->m_retransmitTries) +
                       " retransmissions");
        // §2.4: a peer that does not answer is gone; so are the SAs with it.
        self->RemoveAll({spi});
    };
    m_messenger.SendRequest(sa, bytes, GetRetransmissionPolicy(), Callback<void>(giveUp));
}

void
Ikev2Daemon::RequestDone(uint64_t spi)
{
    auto it = m_exchanges.find(spi);
    if (it != m_exchanges.end())
    {
        it->second.outstanding = Request::NONE;
    }
    m_messenger.Done(spi);
}

void
Ikev2Daemon::BookWork()
{
    m_clock->Reserve(m_messenger.TakeWork());
}

// ---------------------------------------------------------------------------------------------
// Ikev2Services: bookkeeping

void
Ikev2Daemon::NoteState(Ikev2Sa& sa, Ikev2State before)
{
    if (sa.state != before)
    {
        NS_LOG_INFO(sa.peer << " IKE SA " << sa.GetLocalSpi() << ": " << ToString(before) << " -> "
                            << ToString(sa.state));
        m_stateTrace(sa.peer, sa.GetLocalSpi(), before, sa.state);
    }
}

void
Ikev2Daemon::NoteKeys(const Ikev2Sa& sa)
{
    m_keysTrace(sa);
}

void
Ikev2Daemon::NoteEstablished(Ikev2Sa& sa)
{
    m_exchanges[sa.GetLocalSpi()].quietTimer.Cancel(); // no longer half-open
    sa.established = m_clock->GetBusyUntil();
    m_establishedTrace(sa.peer, sa.established - sa.started);
    std::vector<uint32_t> waiting;
    waiting.swap(m_waiting[sa.peer]);
    m_waiting.erase(sa.peer);
    for (uint32_t rule : waiting)
    {
        Initiate(rule);
    }
}

void
Ikev2Daemon::NoteEapSuccess(const Ikev2Sa& sa, const std::vector<uint8_t>& msk)
{
    m_eapSuccessTrace(sa.peer, sa.GetLocalSpi(), msk);
}

void
Ikev2Daemon::Fail(Ikev2Sa& sa, const std::string& reason)
{
    NS_LOG_INFO("IKEv2 with " << sa.peer << " failed: " << reason);
    m_failureTrace(sa.peer, reason);
    if (sa.state != Ikev2State::FAILED)
    {
        Ikev2State before = sa.state;
        sa.state = Ikev2State::FAILED;
        NoteState(sa, before);
    }
    m_messenger.Stop(sa.GetLocalSpi());
    m_waiting.erase(sa.peer);
}

void
Ikev2Daemon::TraceFailure(const Ipv6Address& peer, const std::string& reason)
{
    NS_LOG_INFO("IKEv2 with " << peer << ": " << reason);
    m_failureTrace(peer, reason);
}

void
Ikev2Daemon::Discard(const Ipv6Address& peer, const std::string& reason)
{
    NS_LOG_INFO("from " << peer << ": " << reason);
    ++m_discards[reason];
    m_discardTrace(peer, reason);
}

void
Ikev2Daemon::InstallChild(Ikev2Sa& sa,
                          Ikev2ChildSa& child,
                          const Ikev2ChildKeys& keys,
                          bool exchangeInitiator,
                          bool outbound,
                          std::function<void()> installed)
{
    child.lifetime = m_childLifetime;
    // PF_KEY gets the SAs once the work booked so far (this step's answer included) is done.
    m_children.Install(sa,
                       child,
                       keys,
                       exchangeInitiator,
                       outbound,
                       m_messenger.TakeWork(),
                       std::move(installed));
}

void
Ikev2Daemon::InstallOutbound(const Ikev2Sa& sa, uint32_t inboundSpi)
{
    m_children.InstallOutbound(sa, inboundSpi, m_messenger.TakeWork());
}

void
Ikev2Daemon::UninstallChildren(const Ikev2Sa& sa, const std::vector<Ikev2ChildSa>& children)
{
    m_children.Uninstall(sa, children);
    for (const Ikev2ChildSa& child : children)
    {
        m_createChildSa.NoteChildDeleted(sa, child.inboundSpi);
    }
}

void
Ikev2Daemon::TraceInstalled(const Ipv6Address& peer, uint32_t inboundSpi, uint32_t outboundSpi)
{
    m_installedTrace(peer, inboundSpi, outboundSpi);
}

void
Ikev2Daemon::KeepUntilQuiet(uint64_t spi)
{
    EventId& timer = m_exchanges[spi].quietTimer;
    timer.Cancel();
    timer = Simulator::Schedule(m_halfOpenTimeout, &Ikev2Daemon::ExpireHalfOpen, this, spi);
}

void
Ikev2Daemon::RemoveSa(uint64_t spi)
{
    auto it = m_exchanges.find(spi);
    if (it != m_exchanges.end())
    {
        it->second.quietTimer.Cancel();
        m_exchanges.erase(it);
    }
    m_ikeSaTask.Forget(spi);
    m_createChildSa.Forget(spi);
    m_messenger.Forget(spi);
    m_table.Erase(spi);
}

} // namespace ns3
