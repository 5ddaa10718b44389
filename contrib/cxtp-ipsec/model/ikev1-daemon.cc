/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev1-daemon.h"

#include "crypto-cost-model.h"
#include "crypto-diffie-hellman.h"
#include "crypto-random.h"
#include "cxtp-context.h"
#include "ike-transport.h"
#include "ikev1-codec.h"
#include "ikev1-doi.h"
#include "ipsec-pad.h"
#include "ipsec-pf-key.h"
#include "ipsec-policy.h"
#include "ipsec-spd.h"
#include "ipsec-work-clock.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <memory>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ikev1Daemon");
NS_OBJECT_ENSURE_REGISTERED(Ikev1Daemon);

TypeId
Ikev1Daemon::GetTypeId()
{
    static TypeId tid = AddTraceSources(
        AddBehaviourAttributes(AddProposalAttributes(TypeId("ns3::Ikev1Daemon")
                                                         .SetParent<Application>()
                                                         .SetGroupName("CxtpIpsec")
                                                         .AddConstructor<Ikev1Daemon>())));
    return tid;
}

TypeId
Ikev1Daemon::AddProposalAttributes(TypeId tid)
{
    return tid
        .AddAttribute("Mode",
                      "Phase-1 exchange when initiating: main or aggressive (RFC 2409 §5).",
                      StringValue("main"),
                      MakeStringAccessor(&Ikev1Daemon::SetMode, &Ikev1Daemon::GetMode),
                      MakeStringChecker())
        .AddAttribute("Encryption",
                      "Phase-1 cipher: 3des-cbc, aes128-cbc or aes256-cbc.",
                      StringValue("3des-cbc"),
                      MakeStringAccessor(&Ikev1Daemon::SetEncryption, &Ikev1Daemon::GetEncryption),
                      MakeStringChecker())
        .AddAttribute("Hash",
                      "Phase-1 hash, also the PRF (its HMAC): sha1 or sha256.",
                      StringValue("sha1"),
                      MakeStringAccessor(&Ikev1Daemon::SetHash, &Ikev1Daemon::GetHash),
                      MakeStringChecker())
        .AddAttribute("DhGroup",
                      "Phase-1 Diffie-Hellman group: 1, 2, 5 or 14 (racoon's default: 2).",
                      UintegerValue(2),
                      MakeUintegerAccessor(&Ikev1Daemon::m_dhGroup),
                      MakeUintegerChecker<uint16_t>(1, 14))
        .AddAttribute("Pfs",
                      "Perfect forward secrecy in quick mode (RFC 2409 §5.5), with the group "
                      "of PfsGroup.",
                      BooleanValue(false),
                      MakeBooleanAccessor(&Ikev1Daemon::m_pfs),
                      MakeBooleanChecker())
        .AddAttribute("PfsGroup",
                      "Quick-mode DH group when Pfs is on (racoon's sainfo pfs_group): 1, 2, "
                      "5 or 14; 0 = the phase-1 group.",
                      UintegerValue(0),
                      MakeUintegerAccessor(&Ikev1Daemon::m_pfsGroup),
                      MakeUintegerChecker<uint16_t>(0, 14))
        .AddAttribute(
            "Phase1Proposals",
            "Phase-1 transforms offered, in preference order, and accepted as responder "
            "(racoon's proposal{} blocks), comma-separated cipher/hash/group, e.g. "
            "\"3des-cbc/sha1/2,aes128-cbc/sha1/2\" (all PSK). Empty: one transform "
            "from Encryption, Hash and DhGroup.",
            StringValue(""),
            MakeStringAccessor(&Ikev1Daemon::SetPhase1Proposals, &Ikev1Daemon::GetPhase1Proposals),
            MakeStringChecker())
        .AddAttribute(
            "EspTransforms",
            "ESP transforms offered in quick mode, in preference order, and accepted as "
            "responder (racoon's sainfo encryption_algorithm x authentication_algorithm), "
            "comma-separated cipher/integrity, e.g. "
            "\"3des-cbc/hmac-sha1-96,aes128-cbc/hmac-sha1-96\". Empty: offer the SPD "
            "rule's pair, accept any supported pair.",
            StringValue(""),
            MakeStringAccessor(&Ikev1Daemon::SetEspTransforms, &Ikev1Daemon::GetEspTransforms),
            MakeStringChecker());
}

TypeId
Ikev1Daemon::AddBehaviourAttributes(TypeId tid)
{
    return tid
        .AddAttribute("NonceLength",
                      "Nonce length in bytes (racoon: 16; RFC 2409 §5: 8 to 256).",
                      UintegerValue(16),
                      MakeUintegerAccessor(&Ikev1Daemon::m_nonceLength),
                      MakeUintegerChecker<uint32_t>(8, 256))
        .AddAttribute("Phase1Lifetime",
                      "Proposed ISAKMP SA lifetime (racoon: 28800 s).",
                      TimeValue(Seconds(28800)),
                      MakeTimeAccessor(&Ikev1Daemon::m_phase1Lifetime),
                      MakeTimeChecker(Seconds(1)))
        .AddAttribute("Phase2Lifetime",
                      "Proposed IPsec SA lifetime (racoon: 28800 s).",
                      TimeValue(Seconds(28800)),
                      MakeTimeAccessor(&Ikev1Daemon::m_phase2Lifetime),
                      MakeTimeChecker(Seconds(1)))
        .AddAttribute("InitialContact",
                      "Send INITIAL-CONTACT after phase 1 to a peer not contacted before "
                      "(racoon's initial_contact, on by default, both roles).",
                      BooleanValue(true),
                      MakeBooleanAccessor(&Ikev1Daemon::m_initialContact),
                      MakeBooleanChecker())
        .AddAttribute("DpdVendorId",
                      "Send the RFC 3706 DPD vendor ID in the first phase-1 messages "
                      "(racoon's dpd, on by default).",
                      BooleanValue(true),
                      MakeBooleanAccessor(&Ikev1Daemon::m_dpdVendorId),
                      MakeBooleanChecker())
        .AddAttribute("QuickModeIds",
                      "Send IDci/IDcr in quick mode (racoon does for tunnel mode).",
                      BooleanValue(true),
                      MakeBooleanAccessor(&Ikev1Daemon::m_quickModeIds),
                      MakeBooleanChecker())
        .AddAttribute("Passive",
                      "Never initiate: only answer (racoon's passive on, usual on a gateway "
                      "that serves mobile peers).",
                      BooleanValue(false),
                      MakeBooleanAccessor(&Ikev1Daemon::m_passive),
                      MakeBooleanChecker())
        .AddAttribute("RetryInterval",
                      "Retransmission interval (racoon: 10 s).",
                      TimeValue(Seconds(10)),
                      MakeTimeAccessor(&Ikev1Daemon::m_retryInterval),
                      MakeTimeChecker(MilliSeconds(1)))
        .AddAttribute("RetryCount",
                      "Retransmissions before giving up (racoon: 5).",
                      UintegerValue(5),
                      MakeUintegerAccessor(&Ikev1Daemon::m_retryCount),
                      MakeUintegerChecker<uint32_t>());
}

TypeId
Ikev1Daemon::AddTraceSources(TypeId tid)
{
    return tid
        .AddTraceSource("Message",
                        "An ISAKMP message was sent or received.",
                        MakeTraceSourceAccessor(&Ikev1Daemon::m_messageTrace),
                        "ns3::Ikev1Daemon::MessageTracedCallback")
        .AddTraceSource("StateTransition",
                        "A phase-1 SA or a quick mode changed state.",
                        MakeTraceSourceAccessor(&Ikev1Daemon::m_stateTrace),
                        "ns3::Ikev1Daemon::StateTracedCallback")
        .AddTraceSource("Failure",
                        "A negotiation failed, or a message was dropped, with the reason.",
                        MakeTraceSourceAccessor(&Ikev1Daemon::m_failureTrace),
                        "ns3::Ikev1Daemon::FailureTracedCallback")
        .AddTraceSource("Phase1Established",
                        "An ISAKMP SA was established: the peer and the phase-1 duration.",
                        MakeTraceSourceAccessor(&Ikev1Daemon::m_phase1Trace),
                        "ns3::Ikev1Daemon::Phase1TracedCallback")
        .AddTraceSource("Installed",
                        "Both ESP SAs of a quick mode are installed.",
                        MakeTraceSourceAccessor(&Ikev1Daemon::m_installedTrace),
                        "ns3::Ikev1Daemon::InstalledTracedCallback")
        .AddTraceSource("UpdateSpiApplied",
                        "An UPDATE_SPI from the peer was applied (and acknowledged).",
                        MakeTraceSourceAccessor(&Ikev1Daemon::m_updateSpiAppliedTrace),
                        "ns3::Ikev1Daemon::SpiUpdateTracedCallback")
        .AddTraceSource("UpdateSpiDone",
                        "An UPDATE_SPI sent to the peer was acknowledged, or given up.",
                        MakeTraceSourceAccessor(&Ikev1Daemon::m_updateSpiDoneTrace),
                        "ns3::Ikev1Daemon::SpiUpdateTracedCallback");
}

Ikev1Daemon::Ikev1Daemon()
    : m_exchange(Ikev1ExchangeType::IDENTITY_PROTECTION),
      m_encryption(IpsecEncryption::TDES_CBC),
      m_hash(CryptoHash::SHA1),
      m_dhGroup(2),
      m_pfs(false),
      m_pfsGroup(0),
      m_nonceLength(16),
      m_initialContact(true),
      m_dpdVendorId(true),
      m_quickModeIds(true),
      m_passive(false),
      m_retryCount(5),
      m_mainMode(*this),
      m_aggressiveMode(*this),
      m_quickMode(*this),
      m_informational(*this),
      m_spiUpdate(*this)
{
    NS_LOG_FUNCTION(this);
}

Ikev1Daemon::~Ikev1Daemon()
{
    NS_LOG_FUNCTION(this);
}

void
Ikev1Daemon::DoDispose()
{
    m_flights.clear();
    m_spiUpdate.Stop();
    m_table.Clear();
    m_transport = nullptr;
    ClearFacilities();
    Application::DoDispose();
}

void
Ikev1Daemon::SetMode(std::string mode)
{
    NS_ABORT_MSG_IF(mode != "main" && mode != "aggressive",
                    "Ikev1Daemon::Mode must be main or aggressive, not '" << mode << "'");
    m_exchange =
        mode == "main" ? Ikev1ExchangeType::IDENTITY_PROTECTION : Ikev1ExchangeType::AGGRESSIVE;
}

std::string
Ikev1Daemon::GetMode() const
{
    return m_exchange == Ikev1ExchangeType::AGGRESSIVE ? "aggressive" : "main";
}

void
Ikev1Daemon::SetEncryption(std::string name)
{
    IpsecEncryption alg;
    NS_ABORT_MSG_IF(
        !ParseEncryption(name, alg) || IsCombinedMode(alg) || alg == IpsecEncryption::NULL_ENC,
        "Ikev1Daemon::Encryption must be 3des-cbc, aes128-cbc or aes256-cbc, not '" << name << "'");
    m_encryption = alg;
}

std::string
Ikev1Daemon::GetEncryption() const
{
    return ToString(m_encryption);
}

void
Ikev1Daemon::SetHash(std::string name)
{
    NS_ABORT_MSG_IF(name != "sha1" && name != "sha256",
                    "Ikev1Daemon::Hash must be sha1 or sha256, not '" << name << "'");
    m_hash = name == "sha1" ? CryptoHash::SHA1 : CryptoHash::SHA2_256;
}

std::string
Ikev1Daemon::GetHash() const
{
    return m_hash == CryptoHash::SHA1 ? "sha1" : "sha256";
}

void
Ikev1Daemon::SetPhase1Proposals(std::string list)
{
    std::string error = Ikev1Proposals::ParsePhase1List(list, m_phase1Proposals);
    NS_ABORT_MSG_IF(!error.empty(), "Ikev1Daemon::Phase1Proposals: " << error);
}

std::string
Ikev1Daemon::GetPhase1Proposals() const
{
    return Ikev1Proposals::FormatPhase1List(m_phase1Proposals);
}

void
Ikev1Daemon::SetEspTransforms(std::string list)
{
    std::string error = Ikev1Proposals::ParseEspList(list, m_espTransforms);
    NS_ABORT_MSG_IF(!error.empty(), "Ikev1Daemon::EspTransforms: " << error);
}

std::string
Ikev1Daemon::GetEspTransforms() const
{
    return Ikev1Proposals::FormatEspList(m_espTransforms);
}

Ikev1Config
Ikev1Daemon::GetConfig() const
{
    Ikev1Config config;
    config.nonceLength = m_nonceLength;
    config.pfs = m_pfs;
    config.pfsGroup = m_pfsGroup;
    config.phase2Lifetime = m_phase2Lifetime;
    config.initialContact = m_initialContact;
    config.dpdVendorId = m_dpdVendorId;
    config.quickModeIds = m_quickModeIds;
    config.retransmission = IpsecRetransmissionPolicy::Fixed(m_retryInterval, m_retryCount);
    return config;
}

Ikev1Proposals
Ikev1Daemon::GetProposals() const
{
    std::vector<Ikev1Phase1Choice> phase1 = m_phase1Proposals;
    if (phase1.empty())
    {
        phase1.push_back(Ikev1Phase1Choice{m_encryption, m_hash, m_dhGroup});
    }
    return Ikev1Proposals(phase1, m_espTransforms, m_phase1Lifetime, m_phase2Lifetime);
}

void
Ikev1Daemon::StartApplication()
{
    NS_LOG_FUNCTION(this);
    Ptr<Node> node = GetNode();
    Ptr<IpsecPfKey> pfKey = node->GetObject<IpsecPfKey>();
    Ptr<IpsecSpd> spd = node->GetObject<IpsecSpd>();
    Ptr<IpsecPad> pad = node->GetObject<IpsecPad>();
    Ptr<CryptoRandom> rng = node->GetObject<CryptoRandom>();
    NS_ABORT_MSG_IF(!pfKey || !spd || !pad || !rng,
                    "Ikev1Daemon on node " << node->GetId() << " needs IPsec (IpsecHelper)");
    NS_ABORT_MSG_IF(!Ikev1Doi::IsSupportedGroup(m_dhGroup),
                    "Ikev1Daemon: DH group " << m_dhGroup << " is not one of 1, 2, 5, 14");
    NS_ABORT_MSG_IF(m_pfsGroup != 0 && !Ikev1Doi::IsSupportedGroup(m_pfsGroup),
                    "Ikev1Daemon: PFS group " << m_pfsGroup << " is not one of 1, 2, 5, 14");
    Ptr<CryptoCostModel> cost = node->GetObject<CryptoCostModel>();
    if (!cost)
    {
        cost = CreateObject<CryptoCostModel>(); // profile "zero" unless configured
        node->AggregateObject(cost);
    }
    SetFacilities(rng, pfKey, spd, pad, cost, IpsecWorkClock::Get(node));
    m_transport = IkeTransport::Get(node);
    m_transport->Register(1,
                          MakeCallback(&Ikev1Daemon::Receive, this),
                          MakeCallback(&Ikev1Daemon::HandleAcquire, this));
}

void
Ikev1Daemon::StopApplication()
{
    NS_LOG_FUNCTION(this);
    for (auto& [key, flight] : m_flights)
    {
        flight.Stop();
    }
    m_spiUpdate.Stop();
    if (m_transport)
    {
        m_transport->Unregister(1);
    }
}

const Ikev1Sa*
Ikev1Daemon::FindSa(const Ipv6Address& peer) const
{
    return m_table.FindNewest(peer);
}

const std::map<uint64_t, Ikev1Sa>&
Ikev1Daemon::GetSas() const
{
    return m_table.GetAll();
}

// ---------------------------------------------------------------------------------------------
// Triggers

void
Ikev1Daemon::HandleAcquire(const IpsecPolicy& policy, const IpsecPacketFields& /* fields */)
{
    NS_LOG_FUNCTION(this << policy.ToString());
    if (!m_passive && policy.direction == IpsecDirection::OUTBOUND &&
        policy.mode == IpsecMode::TUNNEL)
    {
        Initiate(policy.id);
    }
}

void
Ikev1Daemon::Initiate(uint32_t outPolicyId)
{
    NS_LOG_FUNCTION(this << outPolicyId);
    const IpsecPolicy* policy = GetSpd()->Get(outPolicyId);
    NS_ABORT_MSG_IF(!policy || policy->action != IpsecPolicyAction::PROTECT,
                    "Ikev1Daemon::Initiate: " << outPolicyId << " is not a PROTECT rule");
    Ipv6Address peer = policy->tunnelRemote;
    auto& pending = m_pendingPolicies[peer];
    if (std::find(pending.begin(), pending.end(), outPolicyId) != pending.end())
    {
        return; // already asked for, phase 1 under way
    }
    for (auto& [cookie, sa] : m_table.GetAll())
    {
        if (sa.peer != peer || sa.state == Ikev1State::FAILED)
        {
            continue;
        }
        if (sa.state != Ikev1State::ESTABLISHED)
        {
            pending.push_back(outPolicyId); // phase 1 under way
            return;
        }
        for (const auto& [mid, qm] : sa.quickModes)
        {
            if (qm.outPolicyId == outPolicyId && qm.role == Ikev1Role::INITIATOR &&
                qm.state == Ikev1State::QM_SENT_1)
            {
                return; // this rule's quick mode is under way
            }
        }
        ResetCost();
        m_quickMode.Start(sa, outPolicyId);
        return;
    }
    pending.push_back(outPolicyId);
    Ikev1Sa& sa = CreateSa(peer, Ikev1Role::INITIATOR, 0);
    sa.local = policy->tunnelLocal;
    sa.exchange = m_exchange;
    GetPhase1(sa).Start(sa);
}

// ---------------------------------------------------------------------------------------------
// Transport and retransmission

void
Ikev1Daemon::Transmit(const Ipv6Address& peer, std::vector<uint8_t> bytes)
{
    Ikev1Header header;
    Ikev1Codec::DecodeHeader(bytes, header);
    m_messageTrace(true, peer, header.exchangeType, bytes.size());
    m_transport->Send(peer, bytes);
}

IpsecRetransmission&
Ikev1Daemon::GetFlight(const Ikev1Sa& sa, uint32_t messageId)
{
    return m_flights[{sa.initiatorCookie, messageId}];
}

Time
Ikev1Daemon::SendAfterWork(const Ipv6Address& peer, const std::vector<uint8_t>& bytes)
{
    Time delay = Reserve(GetCostModel()->MessageProcessing());
    Simulator::Schedule(delay, &Ikev1Daemon::Transmit, this, peer, bytes);
    return delay;
}

void
Ikev1Daemon::Send(IpsecRetransmission& flight,
                  const Ipv6Address& peer,
                  const std::vector<uint8_t>& bytes,
                  bool awaitingReply)
{
    flight.NoteSent(bytes);
    flight.Stop();
    Time delay = SendAfterWork(peer, bytes);
    if (!awaitingReply)
    {
        return;
    }
    Ikev1Header header;
    Ikev1Codec::DecodeHeader(bytes, header);
    uint64_t cookie = header.initiatorCookie;
    uint32_t messageId = header.exchangeType == Ikev1ExchangeType::QUICK ? header.messageId : 0;
    Ptr<Ikev1Daemon> self = this;
    auto resend = [self, cookie, messageId]() {
        const Ikev1Sa& sa = *self->m_table.Find(cookie);
        IpsecRetransmission& flight = self->m_flights.at({cookie, messageId});
        NS_LOG_INFO("retransmission " << flight.GetRetries() << " to " << sa.peer);
        self->Transmit(sa.peer, flight.GetLastSent());
    };
    auto giveUp = [self, cookie]() {
        self->Fail(*self->m_table.Find(cookie),
                   "no answer after " + std::to_string(self->m_retryCount) + " retransmissions",
                   false);
    };
    flight.Start(GetConfig().retransmission, delay, Callback<void>(resend), Callback<void>(giveUp));
}

// ---------------------------------------------------------------------------------------------
// Dispatch

void
Ikev1Daemon::Receive(const std::vector<uint8_t>& bytes,
                     const Ipv6Address& from,
                     const Ipv6Address& to)
{
    Ikev1Header header;
    if (!Ikev1Codec::DecodeHeader(bytes, header) || header.length != bytes.size())
    {
        m_failureTrace(from, "malformed ISAKMP header");
        return;
    }
    m_messageTrace(false, from, header.exchangeType, bytes.size());
    ResetCost();
    Ikev1Sa* renamed = m_table.Find(m_table.FindAlias(header.initiatorCookie));
    if (!m_table.Find(header.initiatorCookie) && renamed &&
        header.exchangeType == Ikev1ExchangeType::INFORMATIONAL)
    {
        // A retransmitted UPDATE_SPI under the cookies it replaced (our ack was lost).
        m_informational.Receive(*renamed, header, bytes);
        return;
    }
    Ikev1Sa* sa = FindReceivingSa(header, from, to);
    if (!sa || IsRetransmittedRequest(*sa, header, bytes))
    {
        return;
    }
    switch (header.exchangeType)
    {
    case Ikev1ExchangeType::IDENTITY_PROTECTION:
    case Ikev1ExchangeType::AGGRESSIVE:
        if (header.exchangeType != sa->exchange)
        {
            m_failureTrace(from, "exchange type changed within phase 1");
            return;
        }
        GetPhase1(*sa).Receive(*sa, header, bytes);
        break;
    case Ikev1ExchangeType::QUICK:
        m_quickMode.Receive(*sa, header, bytes);
        break;
    case Ikev1ExchangeType::INFORMATIONAL:
        m_informational.Receive(*sa, header, bytes);
        break;
    default:
        m_failureTrace(from, "unsupported exchange type");
        break;
    }
}

Ikev1Sa*
Ikev1Daemon::FindReceivingSa(const Ikev1Header& header,
                             const Ipv6Address& from,
                             const Ipv6Address& to)
{
    Ikev1Sa* found = m_table.Find(header.initiatorCookie);
    if (!found)
    {
        bool phase1Start = header.responderCookie == 0 && header.messageId == 0 &&
                           (header.exchangeType == Ikev1ExchangeType::IDENTITY_PROTECTION ||
                            header.exchangeType == Ikev1ExchangeType::AGGRESSIVE);
        if (!phase1Start)
        {
            m_failureTrace(from, "unknown cookies");
            return nullptr;
        }
        if (!GetPad()->FindByAddress(from))
        {
            m_failureTrace(from, "peer not in the PAD");
            return nullptr;
        }
        found = &CreateSa(from, Ikev1Role::RESPONDER, header.initiatorCookie);
        found->exchange = header.exchangeType;
        found->local = to;
    }
    Ikev1Sa& sa = *found;
    if (sa.peer != from)
    {
        m_failureTrace(from, "cookies of another peer");
        return nullptr;
    }
    if (sa.responderCookie != 0 && header.responderCookie != 0 &&
        header.responderCookie != sa.responderCookie)
    {
        m_failureTrace(from, "wrong responder cookie");
        return nullptr;
    }
    return &sa;
}

bool
Ikev1Daemon::IsRetransmittedRequest(const Ikev1Sa& sa,
                                    const Ikev1Header& header,
                                    const std::vector<uint8_t>& bytes)
{
    if (header.exchangeType == Ikev1ExchangeType::INFORMATIONAL)
    {
        return false; // informational exchanges are not acknowledged
    }
    uint32_t flightId = header.exchangeType == Ikev1ExchangeType::QUICK ? header.messageId : 0;
    IpsecRetransmission& flight = GetFlight(sa, flightId);
    if (!flight.IsDuplicate(bytes))
    {
        return false;
    }
    // A retransmitted request: our answer was lost. Send it again (racoon does), unless the
    // repeat is itself the answer to our last message: then the peer resent its answer, and
    // ours would be taken for a request and answered again, back and forth.
    if (flight.AnswersLastReceived() && !flight.IsActive())
    {
        Transmit(sa.peer, flight.GetLastSent());
    }
    return true;
}

Ikev1Phase1Exchange&
Ikev1Daemon::GetPhase1(const Ikev1Sa& sa)
{
    if (sa.exchange == Ikev1ExchangeType::AGGRESSIVE)
    {
        return m_aggressiveMode;
    }
    return m_mainMode;
}

// ---------------------------------------------------------------------------------------------
// ISAKMP SAs

Ikev1Sa&
Ikev1Daemon::CreateSa(const Ipv6Address& peer, Ikev1Role role, uint64_t initiatorCookie)
{
    Ikev1Sa& sa = m_table.Create(peer, role, initiatorCookie, GetRandom());
    // The preferred proposal until the responder has chosen (the initiator's KE in aggressive
    // mode uses its group: RFC 2409 §5, only one group can be offered there).
    Ikev1Phase1Choice first = GetProposals().GetPhase1Choices().front();
    sa.encryption = first.encryption;
    sa.hash = first.hash;
    sa.dhGroup = first.group;
    sa.lifetime = m_phase1Lifetime;
    return sa;
}

void
Ikev1Daemon::SwitchState(Ikev1Sa& sa, Ikev1State state)
{
    NS_LOG_INFO(sa.peer << " phase 1: " << ToString(sa.state) << " -> " << ToString(state));
    Ikev1State old = sa.state;
    sa.state = state;
    m_stateTrace(sa.peer, 0, old, state);
}

void
Ikev1Daemon::SwitchState(Ikev1Sa& sa, Ikev1QuickMode& qm, Ikev1State state)
{
    NS_LOG_INFO(sa.peer << " quick mode " << qm.messageId << ": " << ToString(qm.state) << " -> "
                        << ToString(state));
    Ikev1State old = qm.state;
    qm.state = state;
    m_stateTrace(sa.peer, qm.messageId, old, state);
}

void
Ikev1Daemon::Phase1Established(Ikev1Sa& sa)
{
    sa.established = GetBusyUntil();
    SwitchState(sa, Ikev1State::ESTABLISHED);
    m_phase1Trace(sa.peer, sa.established - sa.started);
    if (m_initialContact && !m_table.WasContacted(sa.peer))
    {
        m_table.NoteContacted(sa.peer);
        m_informational.SendInitialContact(sa);
    }
    std::vector<uint32_t> pending;
    pending.swap(m_pendingPolicies[sa.peer]);
    m_pendingPolicies.erase(sa.peer);
    for (uint32_t policyId : pending)
    {
        m_quickMode.Start(sa, policyId);
    }
}

void
Ikev1Daemon::Fail(Ikev1Sa& sa, const std::string& reason, bool notifyPeer)
{
    NS_LOG_INFO("IKE with " << sa.peer << " failed: " << reason);
    m_failureTrace(sa.peer, reason);
    if (notifyPeer && sa.state != Ikev1State::FAILED)
    {
        // An unprotected notification: no key is trusted at this point (RFC 2408 §5).
        Ikev1NotifyPayload n;
        n.protocolId = Ikev1Doi::PROTO_ISAKMP;
        n.type = reason.find("authentication") != std::string::npos
                     ? Ikev1Doi::NOTIFY_AUTHENTICATION_FAILED
                     : Ikev1Doi::NOTIFY_NO_PROPOSAL_CHOSEN;
        n.spi = sa.GetCookiePair();
        std::vector<uint8_t> bytes =
            Seal(sa, MakeHeader(sa, Ikev1ExchangeType::INFORMATIONAL, 0), {n}, nullptr);
        Simulator::ScheduleNow(&Ikev1Daemon::Transmit, this, sa.peer, bytes);
    }
    for (auto& [key, flight] : m_flights)
    {
        if (key.first == sa.initiatorCookie)
        {
            flight.Stop();
        }
    }
    SwitchState(sa, Ikev1State::FAILED);
    m_pendingPolicies.erase(sa.peer);
}

void
Ikev1Daemon::TraceFailure(const Ipv6Address& peer, const std::string& reason)
{
    m_failureTrace(peer, reason);
}

void
Ikev1Daemon::NotifyInstalled(const Ipv6Address& peer, uint32_t inboundSpi, uint32_t outboundSpi)
{
    m_installedTrace(peer, inboundSpi, outboundSpi);
}

void
Ikev1Daemon::DeletedByPeer(Ikev1Sa& sa)
{
    m_stateTrace(sa.peer, 0, sa.state, Ikev1State::IDLE);
    RemoveSa(sa.initiatorCookie);
}

Ikev1Sa&
Ikev1Daemon::RekeySa(uint64_t cookie, uint64_t initiator, uint64_t responder)
{
    ForgetExchanges(cookie);
    return m_table.Rekey(cookie, initiator, responder);
}

Ikev1Sa*
Ikev1Daemon::FindSaByCookie(uint64_t cookie)
{
    return m_table.Find(cookie);
}

void
Ikev1Daemon::NotifySpiUpdateApplied(const Ipv6Address& peer, uint32_t entries, bool ok)
{
    m_updateSpiAppliedTrace(peer, entries, ok);
}

void
Ikev1Daemon::NotifySpiUpdateDone(const Ipv6Address& peer, uint32_t entries, bool ok)
{
    m_updateSpiDoneTrace(peer, entries, ok);
}

Ikev1QuickModeExchange&
Ikev1Daemon::GetQuickMode()
{
    return m_quickMode;
}

Ikev1InformationalExchange&
Ikev1Daemon::GetInformational()
{
    return m_informational;
}

Ikev1SpiUpdateExchange&
Ikev1Daemon::GetSpiUpdate()
{
    return m_spiUpdate;
}

void
Ikev1Daemon::Delete(const Ipv6Address& peer)
{
    NS_LOG_FUNCTION(this << peer);
    for (uint64_t cookie : m_table.FindAll(peer))
    {
        Ikev1Sa& sa = *m_table.Find(cookie);
        if (sa.state == Ikev1State::ESTABLISHED)
        {
            m_informational.SendDeletes(sa);
        }
        RemoveSa(cookie);
    }
}

void
Ikev1Daemon::Purge(const Ipv6Address& peer)
{
    NS_LOG_FUNCTION(this << peer);
    for (uint64_t cookie : m_table.FindAll(peer))
    {
        Ikev1Sa& sa = *m_table.Find(cookie);
        for (auto& [mid, qm] : sa.quickModes)
        {
            if (qm.state == Ikev1State::ESTABLISHED)
            {
                GetPfKey()->Delete(IpsecDirection::INBOUND, qm.inboundSpi, Ipv6Address::GetAny());
                GetPfKey()->Delete(IpsecDirection::OUTBOUND, qm.outboundSpi, sa.peer);
            }
        }
        RemoveSa(cookie);
    }
    m_table.ForgetContact(peer);
}

void
Ikev1Daemon::ForgetExchanges(uint64_t cookie)
{
    m_spiUpdate.Forget(cookie);
    for (auto it = m_flights.begin(); it != m_flights.end();)
    {
        it = it->first.first == cookie ? m_flights.erase(it) : std::next(it);
    }
}

void
Ikev1Daemon::RemoveSa(uint64_t cookie)
{
    ForgetExchanges(cookie);
    m_table.Erase(cookie);
}

// ---------------------------------------------------------------------------------------------
// Context transfer of an ISAKMP SA, and UPDATE_SPI

bool
Ikev1Daemon::ExportSa(const Ipv6Address& peer, Ikev1Sa& sa) const
{
    const Ikev1Sa* newest = m_table.FindNewestEstablished(peer);
    if (newest)
    {
        sa = *newest;
    }
    return newest != nullptr;
}

bool
Ikev1Daemon::HasSa(Handle handle) const
{
    return m_table.Find(handle) != nullptr;
}

CxtpFeatureProfile
Ikev1Daemon::GetContextProfile() const
{
    return CxtpFeatureProfile::IKEV1_SA;
}

bool
Ikev1Daemon::ExportSa(const Ipv6Address& peer, CxtpContextBlock& block, Handle& handle) const
{
    return m_table.ExportBlock(peer, block, handle);
}

std::string
Ikev1Daemon::ImportSa(const CxtpContextBlock& block,
                      const Ipv6Address& local,
                      const Ipv6Address& peer,
                      const Rewrite& rewrite,
                      Handle& handle,
                      std::vector<IkeSpiUpdate>& updates)
{
    NS_LOG_FUNCTION(this << peer);
    if (!m_transport)
    {
        return "IKE daemon not started";
    }
    return m_table.ImportBlock(block, local, peer, rewrite, GetRandom(), updates, handle);
}

std::string
Ikev1Daemon::ImportSa(Ikev1Sa sa,
                      const Ipv6Address& local,
                      const Ipv6Address& peer,
                      std::vector<IkeSpiUpdate>& updates)
{
    NS_LOG_FUNCTION(this << peer << sa.initiatorCookie);
    if (!m_transport)
    {
        return "IKE daemon not started";
    }
    uint64_t cookie;
    return m_table.Import(std::move(sa), local, peer, GetRandom(), updates, cookie);
}

uint32_t
Ikev1Daemon::MovePeer(const Ipv6Address& oldPeer,
                      const Ipv6Address& newPeer,
                      const Ipv6Address& newLocal,
                      const std::map<uint32_t, uint32_t>& policyIds)
{
    NS_LOG_FUNCTION(this << oldPeer << newPeer << newLocal);
    return m_table.MovePeer(oldPeer, newPeer, newLocal, policyIds);
}

bool
Ikev1Daemon::Forget(uint64_t initiatorCookie)
{
    const Ikev1Sa* sa = m_table.Find(initiatorCookie);
    if (!sa)
    {
        return false;
    }
    NS_LOG_FUNCTION(this << sa->peer << initiatorCookie);
    m_table.ForgetContact(sa->peer);
    RemoveSa(initiatorCookie);
    return true;
}

void
Ikev1Daemon::SendSpiUpdates(uint64_t initiatorCookie,
                            const std::vector<IkeSpiUpdate>& updates,
                            Callback<void, bool> done)
{
    m_spiUpdate.Send(initiatorCookie, updates, done);
}

} // namespace ns3
