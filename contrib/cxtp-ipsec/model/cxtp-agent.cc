/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "cxtp-agent.h"

#include "crypto-cost-model.h"
#include "cxtp-message-builder.h"
#include "cxtp-token.h"
#include "ipsec-pf-key.h"
#include "ipsec-retransmission.h"
#include "ipsec-work-clock.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/random-variable-stream.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <memory>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CxtpAgent");

namespace
{
/// \param request CT-Req (true) or PCTD (false) \return the exchange its timers follow
CxtpTransferTimers::Exchange
ExchangeOf(bool request)
{
    return request ? CxtpTransferTimers::REQUEST : CxtpTransferTimers::PUSH;
}
} // namespace

NS_OBJECT_ENSURE_REGISTERED(CxtpAgent);

TypeId
CxtpAgent::GetTypeId()
{
    static TypeId tid = AddTraceSources(AddAttributes(TypeId("ns3::CxtpAgent")
                                                          .SetParent<Application>()
                                                          .SetGroupName("CxtpIpsec")
                                                          .AddConstructor<CxtpAgent>()));
    return tid;
}

TypeId
CxtpAgent::AddAttributes(TypeId tid)
{
    return tid
        .AddAttribute("Role",
                      "\"mobile\" (sends CTARs) or \"gateway\" (pSG and nSG).",
                      StringValue("gateway"),
                      MakeStringAccessor(&CxtpAgent::SetRole, &CxtpAgent::GetRole),
                      MakeStringChecker())
        .AddAttribute("Port",
                      "UDP port of every CXTP message (RFC 4065's SCTP port for CXTP, "
                      "reused on UDP: ns-3 has no SCTP).",
                      UintegerValue(5091),
                      MakeUintegerAccessor(&CxtpAgent::m_port),
                      MakeUintegerChecker<uint16_t>())
        .AddAttribute("Transport",
                      "Mobile role: how CTARs travel to the gateways, \"udp\" (the Port) or "
                      "\"icmpv6\" (Experimental Mobility type 150, subtype 1, RFC 4067 §3). "
                      "Gateways accept both and answer on the CTAR's transport.",
                      StringValue("udp"),
                      MakeStringAccessor(&CxtpAgent::SetTransport, &CxtpAgent::GetTransport),
                      MakeStringChecker())
        .AddAttribute("RetryInterval",
                      "Smallest first retransmission timeout of CT-Req and PCTD, doubled at "
                      "each retransmission (RFC 4067 §3). The first timeout follows the round "
                      "trip to the peer gateway (PeerRoundTrip, then measured): "
                      "max(RetryInterval, SRTT + 4 RTTVAR), RFC 6298 §2.",
                      TimeValue(MilliSeconds(50)),
                      MakeTimeAccessor(&CxtpAgent::m_retryInterval),
                      MakeTimeChecker(Time(1)))
        .AddAttribute("MaxTransferTime",
                      "CT_MAX_TRANSFER_TIME (RFC 4067 §4): retransmissions stop and the "
                      "transfer fails this long after the first transmission, for a first "
                      "timeout of RetryInterval; scaled by firstTimeout / RetryInterval when "
                      "the round trip makes the first timeout longer.",
                      TimeValue(MilliSeconds(200)),
                      MakeTimeAccessor(&CxtpAgent::m_maxTransferTime),
                      MakeTimeChecker(Time(1)))
        .AddAttribute("PeerRoundTrip",
                      "Round trip to the other gateways assumed until one is measured "
                      "(RFC 6298 §2.2: SRTT = R, RTTVAR = R/2, a first timeout of 3R); 0 = "
                      "unknown (a first timeout of RetryInterval). Round trips are then "
                      "measured per peer on the CT-Req/CTD and PCTD/CTDR exchanges whose "
                      "message left once (Karn's rule).",
                      TimeValue(Seconds(0)),
                      MakeTimeAccessor(&CxtpAgent::m_peerRoundTrip),
                      MakeTimeChecker(Seconds(0)))
        .AddAttribute("RequestRate",
                      "CT_REQUEST_RATE (RFC 4067 §4): a gateway handles at most this many "
                      "CTARs in any second and drops the others (traced as a Failure); 0 "
                      "turns the limit off.",
                      UintegerValue(10),
                      MakeUintegerAccessor(&CxtpAgent::m_requestRate),
                      MakeUintegerChecker<uint32_t>())
        .AddAttribute("MaxHandoverTime",
                      "CT_MAX_HANDOVER_TIME (RFC 4067 §2.1.1, no value in §4): how long "
                      "nSG caches a PCTD waiting for the MN's CTAR.",
                      TimeValue(Seconds(1)),
                      MakeTimeAccessor(&CxtpAgent::m_maxHandoverTime),
                      MakeTimeChecker(Time(1)))
        .AddAttribute("RequestAck",
                      "Mobile role: set the A flag of CTARs (ask for a CTAA).",
                      BooleanValue(false),
                      MakeBooleanAccessor(&CxtpAgent::m_requestAck),
                      MakeBooleanChecker())
        .AddAttribute("SequenceJump",
                      "Added to the sequence counter of every transferred outbound SA at "
                      "nSG (RFC 6311-style margin); 0 = continue exactly.",
                      UintegerValue(0),
                      MakeUintegerAccessor(&CxtpAgent::m_sequenceJump),
                      MakeUintegerChecker<uint64_t>())
        .AddAttribute("ForceSpiCollision",
                      "Gateway role, for experiments: at every transfer, nSG first occupies "
                      "the SPI of the first transferred inbound SA with a dummy inbound SA "
                      "of another peer, so that the SPI collides (then UPDATE_SPI runs).",
                      BooleanValue(false),
                      MakeBooleanAccessor(&CxtpAgent::m_forceSpiCollision),
                      MakeBooleanChecker())
        .AddAttribute("SpiCollisionProbability",
                      "Gateway role, for experiments: probability, drawn per transfer, that "
                      "nSG occupies the transferred inbound SPI as ForceSpiCollision does.",
                      DoubleValue(0.0),
                      MakeDoubleAccessor(&CxtpAgent::m_collisionProbability),
                      MakeDoubleChecker<double>(0.0, 1.0));
}

TypeId
CxtpAgent::AddTraceSources(TypeId tid)
{
    return tid
        .AddTraceSource("Rx",
                        "A CXTP message was received: type and size in octets.",
                        MakeTraceSourceAccessor(&CxtpAgent::m_rxTrace),
                        "ns3::CxtpAgent::MessageTracedCallback")
        .AddTraceSource("Tx",
                        "A CXTP message was sent: type and size in octets.",
                        MakeTraceSourceAccessor(&CxtpAgent::m_txTrace),
                        "ns3::CxtpAgent::MessageTracedCallback")
        .AddTraceSource("Failure",
                        "A transfer step failed: the MN's previous address and the reason.",
                        MakeTraceSourceAccessor(&CxtpAgent::m_failureTrace),
                        "ns3::CxtpAgent::FailureTracedCallback")
        .AddTraceSource("Installed",
                        "nSG installed the contexts of an MN: previous address, SA count.",
                        MakeTraceSourceAccessor(&CxtpAgent::m_installedTrace),
                        "ns3::CxtpAgent::InstalledTracedCallback")
        .AddTraceSource("SpiCollision",
                        "An inbound SPI of the transferred SAs is in use at nSG.",
                        MakeTraceSourceAccessor(&CxtpAgent::m_spiCollisionTrace),
                        "ns3::CxtpAgent::AddressValueTracedCallback")
        .AddTraceSource("SpiUpdated",
                        "nSG: the MN acknowledged the UPDATE_SPI after an SPI collision: "
                        "previous address and number of entries.",
                        MakeTraceSourceAccessor(&CxtpAgent::m_spiUpdatedTrace),
                        "ns3::CxtpAgent::AddressValueTracedCallback")
        .AddTraceSource("Replay",
                        "A CTAR with an already seen (sequence, previous address) was "
                        "ignored: previous address and sequence number.",
                        MakeTraceSourceAccessor(&CxtpAgent::m_replayTrace),
                        "ns3::CxtpAgent::AddressValueTracedCallback");
}

CxtpAgent::CxtpAgent()
    : m_gateway(true),
      m_port(5091),
      m_requestAck(false),
      m_sequenceJump(0),
      m_icmp(false),
      m_forceSpiCollision(false),
      m_collisionProbability(0.0),
      m_collisionRng(CreateObject<UniformRandomVariable>()),
      m_rewriter(*this),
      m_store(*this),
      m_installer(*this, m_rewriter)
{
    NS_LOG_FUNCTION(this);
    m_rewriter.SetFailureCallback(MakeCallback(&CxtpAgent::TraceFailure, this));
    m_pctdCache.SetExpiryCallback(Callback<void, Ipv6Address>(
        [this](Ipv6Address previous) { m_failureTrace(previous, "cached context expired"); }));
    m_installer.SetCallbacks(MakeCallback(&CxtpAgent::GetInstallSettings, this),
                             MakeCallback(&CxtpAgent::TraceSpiCollision, this),
                             MakeCallback(&CxtpAgent::TraceFailure, this),
                             MakeCallback(&CxtpAgent::SpiUpdatesDone, this));
}

int64_t
CxtpAgent::AssignStreams(int64_t stream)
{
    m_collisionRng->SetStream(stream);
    return 1;
}

CxtpAgent::~CxtpAgent()
{
    NS_LOG_FUNCTION(this);
}

void
CxtpAgent::SetRole(std::string role)
{
    NS_ABORT_MSG_UNLESS(role == "mobile" || role == "gateway",
                        "CxtpAgent Role must be \"mobile\" or \"gateway\", not \"" << role << "\"");
    m_gateway = role == "gateway";
}

std::string
CxtpAgent::GetRole() const
{
    return m_gateway ? "gateway" : "mobile";
}

void
CxtpAgent::SetTransport(std::string transport)
{
    NS_ABORT_MSG_UNLESS(transport == "udp" || transport == "icmpv6",
                        "CxtpAgent Transport must be \"udp\" or \"icmpv6\", not \"" << transport
                                                                                    << "\"");
    m_icmp = transport == "icmpv6";
}

std::string
CxtpAgent::GetTransport() const
{
    return m_icmp ? "icmpv6" : "udp";
}

bool
CxtpAgent::IsGateway() const
{
    return m_gateway;
}

void
CxtpAgent::SetTokenKey(Ipv6Address mnAddress, std::vector<uint8_t> key)
{
    m_keys[mnAddress] = std::move(key);
}

std::vector<uint8_t>
CxtpAgent::GetTokenKey(Ipv6Address mnAddress) const
{
    auto it = m_keys.find(mnAddress);
    return it == m_keys.end() ? std::vector<uint8_t>() : it->second;
}

void
CxtpAgent::DoDispose()
{
    m_requests.clear();
    m_pctdCache.Clear();
    m_pushes.clear();
    m_timers.Clear();
    m_installer.Clear();
    m_collisionRng = nullptr;
    m_transport.Close();
    Application::DoDispose();
}

void
CxtpAgent::StartApplication()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!GetNode()->GetObject<IpsecPfKey>(),
                    "CxtpAgent needs IpsecPfKey on its node (IpsecHelper::Install)");
    m_timers.Configure(m_retryInterval, m_maxTransferTime, m_peerRoundTrip, m_maxHandoverTime);
    // The transport is a member: it never outlives the agent it calls back.
    m_transport.Open(GetNode(),
                     m_port,
                     m_gateway || m_icmp,
                     MakeCallback(&CxtpAgent::Receive, this),
                     CxtpTransport::DropCallback([this](std::string reason) {
                         m_failureTrace(Ipv6Address::GetAny(), reason);
                     }));
}

void
CxtpAgent::StopApplication()
{
    NS_LOG_FUNCTION(this);
    m_transport.Close();
}

Time
CxtpAgent::ProcessingCost() const
{
    Ptr<CryptoCostModel> cost = GetNode()->GetObject<CryptoCostModel>();
    return cost ? cost->CxtpProcessing() : Time(0);
}

void
CxtpAgent::Send(Ptr<Packet> packet, Ipv6Address to)
{
    uint8_t type = 0;
    uint16_t length = 0;
    CxtpHeader::PeekType(packet, type, length);
    if (!m_transport.IsOpen())
    {
        NS_LOG_WARN("CxtpAgent not running: " << CxtpHeader::GetTypeName(type) << " not sent");
        return;
    }
    NS_LOG_INFO(CxtpHeader::GetTypeName(type) << " (" << packet->GetSize() << " B) to " << to);
    m_txTrace(type, packet->GetSize());
    bool toMn = m_gateway && type == CxtpHeader::CTAA;
    if ((m_icmp && !m_gateway) || (toMn && m_transport.SpokeIcmp(to)))
    {
        // From the address on the peer's prefix (the MN's new CoA, used optimistically while
        // DAD runs, RFC 4429).
        m_transport.SendIcmp(packet, m_rewriter.LocalAddressFor(to), to);
        return;
    }
    m_transport.SendUdp(packet, to);
}

void
CxtpAgent::SendCtaa(Ipv6Address mn,
                    Ipv6Address previous,
                    const std::vector<CxtpStatusEntry>& entries)
{
    Send(CxtpMessageBuilder::Ctaa(previous, entries), mn);
}

void
CxtpAgent::SendCtdr(Ipv6Address to,
                    Ipv6Address previous,
                    bool success,
                    const std::vector<CxtpStatusEntry>& entries)
{
    Send(CxtpMessageBuilder::Ctdr(previous, success, entries), to);
}

std::vector<CxtpContextBlock>
CxtpAgent::GatherContexts(Ipv6Address mnAddress) const
{
    IkeSaTransfer::Handle ignored;
    return m_store.Gather(mnAddress, ignored);
}

bool
CxtpAgent::HasCachedContext(Ipv6Address mnAddress) const
{
    return m_pctdCache.Find(mnAddress) != nullptr;
}

bool
CxtpAgent::PushContexts(Ipv6Address previous, Ipv6Address nextGateway)
{
    NS_LOG_FUNCTION(this << previous << nextGateway);
    NS_ABORT_MSG_UNLESS(m_gateway, "CxtpAgent::PushContexts is for the gateway role");
    auto key = m_keys.find(previous);
    if (key == m_keys.end())
    {
        m_failureTrace(previous, "no token key to push");
        return false;
    }
    if (!Push(previous, key->second, {}, nextGateway))
    {
        m_failureTrace(previous, "no context");
        return false;
    }
    return true;
}

bool
CxtpAgent::Push(Ipv6Address previous,
                const std::vector<uint8_t>& key,
                const std::vector<CxtpFeatureProfile>& requested,
                Ipv6Address nextGateway)
{
    std::vector<CxtpContextBlock> blocks = m_store.Prepare(previous, requested);
    if (blocks.empty())
    {
        return false;
    }
    Retransmission& push = m_pushes[previous];
    push.packet = CxtpMessageBuilder::Pctd(previous, key, blocks);
    push.to = nextGateway;
    push.sentAt = Simulator::Now();
    Send(push.packet->Copy(), push.to);
    StartRetransmission(push, previous, false);
    return true;
}

// ---- Mobile role -------------------------------------------------------------------------------

void
CxtpAgent::SendCtar(Ipv6Address gateway,
                    Ipv6Address previousAddress,
                    Ipv6Address otherGateway,
                    uint32_t sequence)
{
    NS_LOG_FUNCTION(this << gateway << previousAddress << otherGateway << sequence);
    NS_ABORT_MSG_IF(m_gateway, "CxtpAgent::SendCtar is for the mobile role");
    auto key = m_keys.find(previousAddress);
    if (key == m_keys.end())
    {
        m_failureTrace(previousAddress, "no token key");
        return;
    }
    m_rewriter.MoveTunnel(previousAddress,
                          otherGateway,
                          gateway); // at once, without waiting for a CTAA
    uint32_t token = CxtpToken::Compute(key->second, previousAddress, sequence, {});
    Send(CxtpMessageBuilder::Ctar(previousAddress, otherGateway, sequence, m_requestAck, token),
         gateway);
}

// ---- Reception ---------------------------------------------------------------------------------

void
CxtpAgent::Receive(Ptr<Packet> packet, Ipv6Address source)
{
    uint8_t type = 0;
    uint16_t length = 0;
    std::string error;
    if (!CxtpHeader::PeekType(packet, type, length, &error))
    {
        m_failureTrace(Ipv6Address::GetAny(), "malformed message: " + error);
        return;
    }
    m_rxTrace(type, packet->GetSize());
    if (m_gateway && type == CxtpHeader::PCTD && IsPctdCopy(packet, source))
    {
        return;
    }
    Time cost = ProcessingCost();
    Ptr<CryptoCostModel> model = GetNode()->GetObject<CryptoCostModel>();
    if (model && m_gateway && (type == CxtpHeader::CTAR || type == CxtpHeader::CT_REQ))
    {
        // The token check: one HMAC-SHA1 over previous address | sequence (RFC 4067 §6.3).
        cost += model->Prf(CryptoHash::SHA1, CxtpHeader::ADDRESS_SIZE + 4);
    }
    Ptr<CxtpAgent> self = this;
    IpsecWorkClock::Get(GetNode())->Run(cost, Callback<void>([self, packet, source]() {
                                            self->Dispatch(packet, source);
                                        }));
}

bool
CxtpAgent::IsPctdCopy(Ptr<const Packet> packet, Ipv6Address from)
{
    CxtpCtdHeader pctd;
    packet->PeekHeader(pctd);
    Ipv6Address previous = pctd.GetPreviousAddress();
    if (!pctd.IsValid())
    {
        return false; // Dispatch() traces it
    }
    if (m_pctdCache.IsHeldCopy(previous, pctd.GetKey(), pctd.GetBlocks()))
    {
        NS_LOG_INFO("retransmitted PCTD for " << previous << ": already held");
        return true;
    }
    if (m_completed.count(previous) && m_pctdCache.IsActivatedCopy(previous, pctd.GetBlocks()))
    {
        // Its key is not cached again; pSG stops retransmitting on the CTDR.
        SendCtdr(from, previous, true, {});
        return true;
    }
    return false;
}

void
CxtpAgent::Dispatch(Ptr<Packet> packet, Ipv6Address from)
{
    uint8_t type = 0;
    uint16_t length = 0;
    CxtpHeader::PeekType(packet, type, length);
    NS_LOG_INFO((m_gateway ? "gateway" : "MN")
                << " got " << CxtpHeader::GetTypeName(type) << " from " << from);
    if (!m_gateway)
    {
        return; // CTAA: the MN only traces it
    }
    switch (type)
    {
    case CxtpHeader::CTAR:
        HandleCtar(packet, from);
        break;
    case CxtpHeader::CT_REQ:
        HandleCtReq(packet, from);
        break;
    case CxtpHeader::CTD:
    case CxtpHeader::PCTD:
        HandleCtd(packet, from);
        break;
    case CxtpHeader::CTDR:
        HandleCtdr(packet, from);
        break;
    case CxtpHeader::CTC: {
        CxtpCtcHeader ctc;
        packet->RemoveHeader(ctc);
        m_ctdStart.erase(ctc.GetPreviousAddress());
        break;
    }
    default:
        break;
    }
}

void
CxtpAgent::HandleCtar(Ptr<Packet> packet, Ipv6Address from)
{
    CxtpCtarHeader ctar;
    packet->RemoveHeader(ctar);
    Ipv6Address previous = ctar.GetPreviousAddress();
    if (!ctar.IsValid())
    {
        m_failureTrace(previous, "malformed CTAR: " + ctar.GetError());
        return;
    }
    if (!AdmitCtar(ctar))
    {
        return;
    }
    if (from == previous)
    {
        // Predictive: the MN is still here, we are pSG (RFC 4067 §2.1.1 scenario 1).
        PushOnCtar(ctar, from);
        return;
    }
    // The MN has moved: we are nSG. A new transfer for this previous address (the MN may come
    // back to an address it had) supersedes an older completed one.
    m_completed.erase(previous);
    Ipv6Address local = m_rewriter.LocalAddressFor(from);
    if (m_pctdCache.Find(previous))
    {
        ActivateCachedContexts(ctar, from, local);
        return;
    }
    RequestContexts(ctar, from, local);
}

bool
CxtpAgent::AdmitCtar(const CxtpCtarHeader& ctar)
{
    Ipv6Address previous = ctar.GetPreviousAddress();
    switch (m_admission.Admit(ctar.GetSequence(), previous, m_requestRate))
    {
    case CxtpCtarAdmission::RATE_LIMITED:
        m_failureTrace(previous, "rate limit (CT_REQUEST_RATE)");
        return false;
    case CxtpCtarAdmission::REPLAYED:
        NS_LOG_INFO("replayed CTAR " << ctar.GetSequence() << " of " << previous << " ignored");
        m_replayTrace(previous, ctar.GetSequence());
        return false;
    default:
        return true;
    }
}

void
CxtpAgent::PushOnCtar(const CxtpCtarHeader& ctar, Ipv6Address from)
{
    Ipv6Address previous = ctar.GetPreviousAddress();
    bool ack = ctar.IsAckRequested();
    auto key = m_keys.find(previous);
    if (key == m_keys.end() || !CxtpToken::Verify(ctar.GetToken(),
                                                  key->second,
                                                  previous,
                                                  ctar.GetSequence(),
                                                  ctar.GetRequestedBlocks()))
    {
        m_failureTrace(previous, "bad token");
        if (ack)
        {
            SendCtaa(from,
                     previous,
                     CxtpMessageBuilder::FailedEntries(ctar.GetRequested(), STATUS_UNAUTHORIZED));
        }
        return;
    }
    if (!Push(previous, key->second, ctar.GetRequested(), ctar.GetArAddress()))
    {
        m_failureTrace(previous, "no context");
        if (ack)
        {
            SendCtaa(from,
                     previous,
                     CxtpMessageBuilder::FailedEntries(ctar.GetRequested(), STATUS_INSTALL_FAILED));
        }
        return;
    }
    if (ack)
    {
        SendCtaa(from, previous, {});
    }
}

void
CxtpAgent::ActivateCachedContexts(const CxtpCtarHeader& ctar, Ipv6Address from, Ipv6Address local)
{
    Ipv6Address previous = ctar.GetPreviousAddress();
    bool ack = ctar.IsAckRequested();
    const CxtpPctdCache::Entry* cached = m_pctdCache.Find(previous);
    if (!CxtpToken::Verify(ctar.GetToken(),
                           cached->key,
                           previous,
                           ctar.GetSequence(),
                           ctar.GetRequestedBlocks()))
    {
        m_failureTrace(previous, "bad token");
        SendCtdr(cached->from,
                 previous,
                 false,
                 CxtpMessageBuilder::FailedEntries(ctar.GetRequested(), STATUS_UNAUTHORIZED));
        if (ack)
        {
            SendCtaa(from,
                     previous,
                     CxtpMessageBuilder::FailedEntries(ctar.GetRequested(), STATUS_UNAUTHORIZED));
        }
        return;
    }
    CxtpPctdCache::Entry entry = m_pctdCache.Take(previous); // the key is used once (§6.3)
    Install(previous,
            CxtpContextStore::Filter(entry.blocks, ctar.GetRequested()),
            from,
            local,
            entry.from,
            ack);
}

void
CxtpAgent::RequestContexts(const CxtpCtarHeader& ctar, Ipv6Address from, Ipv6Address local)
{
    Ipv6Address previous = ctar.GetPreviousAddress();
    if (m_requests.count(previous))
    {
        m_failureTrace(previous, "transfer already in progress");
        return;
    }
    Request& request = m_requests[previous];
    request.sequence = ctar.GetSequence();
    request.token = ctar.GetToken();
    request.requested = ctar.GetRequested();
    request.mnSource = from;
    request.local = local;
    request.previousGateway = ctar.GetArAddress();
    request.ackToMn = ctar.IsAckRequested();
    request.rtx.packet = CxtpMessageBuilder::CtReq(previous,
                                                   ctar.GetSequence(),
                                                   ctar.GetToken(),
                                                   ctar.GetRequested());
    request.rtx.to = request.previousGateway;
    request.rtx.sentAt = Simulator::Now();
    Send(request.rtx.packet->Copy(), request.rtx.to);
    StartRetransmission(request.rtx, previous, true);
}

void
CxtpAgent::HandleCtReq(Ptr<Packet> packet, Ipv6Address from)
{
    CxtpCtReqHeader ctReq;
    packet->RemoveHeader(ctReq);
    Ipv6Address previous = ctReq.GetPreviousAddress();
    if (!ctReq.IsValid())
    {
        m_failureTrace(previous, "malformed CT-Req: " + ctReq.GetError());
        return;
    }
    // RFC 4067 §6.3: the token is verified before anything else. A token of 0 (a CT-Req
    // without a CTAR, §2.5.6) is not supported: it is rejected like a forged one.
    auto key = m_keys.find(previous);
    if (key == m_keys.end() || ctReq.GetToken() == 0 ||
        !CxtpToken::Verify(ctReq.GetToken(),
                           key->second,
                           previous,
                           ctReq.GetSequence(),
                           ctReq.GetRequestedBlocks()))
    {
        m_failureTrace(previous, "bad token");
        return;
    }
    std::vector<CxtpContextBlock> blocks = m_store.Prepare(previous, ctReq.GetRequested());
    if (blocks.empty())
    {
        m_failureTrace(previous, "no context");
        return;
    }
    auto start = m_ctdStart.emplace(previous, Simulator::Now()).first;
    auto elapsed = static_cast<uint32_t>((Simulator::Now() - start->second).GetMilliSeconds());
    Send(CxtpMessageBuilder::Ctd(previous, elapsed, blocks), from);
}

void
CxtpAgent::HandleCtd(Ptr<Packet> packet, Ipv6Address from)
{
    CxtpCtdHeader ctd;
    packet->RemoveHeader(ctd);
    Ipv6Address previous = ctd.GetPreviousAddress();
    if (!ctd.IsValid())
    {
        m_failureTrace(previous, "malformed CTD: " + ctd.GetError());
        return;
    }
    auto pending = m_requests.find(previous);
    if (m_completed.count(previous) && pending == m_requests.end() && !ctd.IsPredictive())
    {
        SendCtdr(from, previous, true, {}); // a duplicate: the transfer is done
        return;
    }
    if (ctd.IsPredictive())
    {
        HandlePctd(ctd, from);
        return;
    }
    if (pending == m_requests.end())
    {
        NS_LOG_INFO("CTD for " << previous << " without a pending request: ignored");
        return;
    }
    Answered(pending->second.rtx, true);
    Request request = std::move(pending->second);
    m_requests.erase(pending);
    Install(previous, ctd.GetBlocks(), request.mnSource, request.local, from, request.ackToMn);
}

void
CxtpAgent::HandlePctd(const CxtpCtdHeader& pctd, Ipv6Address from)
{
    Ipv6Address previous = pctd.GetPreviousAddress();
    if (!pctd.HasKey() || pctd.GetKeyAlgorithm() != CxtpToken::ALGORITHM_HMAC_SHA1)
    {
        m_failureTrace(previous, "PCTD without a usable key");
        return;
    }
    if (m_requests.count(previous))
    {
        CompleteRequest(pctd, from);
        return;
    }
    if (m_completed.count(previous) && m_pctdCache.IsActivatedCopy(previous, pctd.GetBlocks()))
    {
        // A copy that was queued before the PCTD it copies was activated.
        SendCtdr(from, previous, true, {});
        return;
    }
    m_pctdCache.Store(previous, {pctd.GetKey(), pctd.GetBlocks(), from}, m_maxHandoverTime);
}

void
CxtpAgent::CompleteRequest(const CxtpCtdHeader& pctd, Ipv6Address from)
{
    // The MN's CTAR came first: verify its token with the pushed key.
    Ipv6Address previous = pctd.GetPreviousAddress();
    auto pending = m_requests.find(previous);
    Request request = std::move(pending->second);
    m_requests.erase(pending); // its retransmission stops
    if (!CxtpToken::Verify(request.token,
                           pctd.GetKey(),
                           previous,
                           request.sequence,
                           CxtpMessageBuilder::RequestBlocks(request.requested)))
    {
        m_failureTrace(previous, "bad token");
        SendCtdr(from,
                 previous,
                 false,
                 CxtpMessageBuilder::FailedEntries(request.requested, STATUS_UNAUTHORIZED));
        if (request.ackToMn)
        {
            SendCtaa(request.mnSource,
                     previous,
                     CxtpMessageBuilder::FailedEntries(request.requested, STATUS_UNAUTHORIZED));
        }
        return;
    }
    Install(previous,
            CxtpContextStore::Filter(pctd.GetBlocks(), request.requested),
            request.mnSource,
            request.local,
            from,
            request.ackToMn);
}

void
CxtpAgent::HandleCtdr(Ptr<Packet> packet, Ipv6Address /* from */)
{
    CxtpCtdrHeader ctdr;
    packet->RemoveHeader(ctdr);
    Ipv6Address previous = ctdr.GetPreviousAddress();
    if (!ctdr.IsValid())
    {
        m_failureTrace(previous, "malformed CTDR: " + ctdr.GetError());
        return;
    }
    auto push = m_pushes.find(previous);
    if (push != m_pushes.end())
    {
        Answered(push->second, false);
        m_pushes.erase(push);
    }
    m_ctdStart.erase(previous);
    if (!ctdr.IsSuccess())
    {
        m_failureTrace(previous, "nSG did not install the contexts");
        return;
    }
    m_store.Delete(previous);
}

// ---- Retransmission ----------------------------------------------------------------------------

void
CxtpAgent::StartRetransmission(Retransmission& rtx, Ipv6Address previous, bool request)
{
    if (!rtx.timer)
    {
        rtx.timer = std::make_unique<IpsecRetransmission>();
    }
    Ptr<CxtpAgent> self = this;
    auto resend = [self, previous, request]() {
        Retransmission& r =
            request ? self->m_requests.at(previous).rtx : self->m_pushes.at(previous);
        self->m_timers.NoteBackoff(r.to, ExchangeOf(request), r.timer->GetTimeout());
        self->Send(r.packet->Copy(), r.to);
    };
    auto giveUp = [self, previous, request]() { self->TransferTimedOut(previous, request); };
    rtx.timer->Start(m_timers.GetPolicy(rtx.to, ExchangeOf(request)),
                     Seconds(0),
                     Callback<void>(resend),
                     Callback<void>(giveUp));
}

void
CxtpAgent::Answered(Retransmission& rtx, bool request)
{
    if (!rtx.timer)
    {
        return;
    }
    if (rtx.timer->GetRetries() == 0)
    {
        m_timers.AddSample(rtx.to, ExchangeOf(request), Simulator::Now() - rtx.sentAt);
    }
    rtx.timer->Stop();
}

void
CxtpAgent::TransferTimedOut(Ipv6Address previous, bool request)
{
    if (!request)
    {
        m_pushes.erase(previous);
        m_failureTrace(previous, "pctd timeout");
        return;
    }
    Request failed = std::move(m_requests.at(previous));
    m_requests.erase(previous);
    m_failureTrace(previous, "ct-req timeout");
    // RFC 4067 §2.5.5: nAR cancels a transfer that cannot finish.
    Send(CxtpMessageBuilder::Ctc(previous), failed.previousGateway);
    if (failed.ackToMn)
    {
        SendCtaa(failed.mnSource,
                 previous,
                 CxtpMessageBuilder::FailedEntries(failed.requested, STATUS_TIMEOUT));
    }
}

// ---- Installation at nSG ------------------------------------------------------------

void
CxtpAgent::Install(Ipv6Address previous,
                   std::vector<CxtpContextBlock> blocks,
                   Ipv6Address newCoa,
                   Ipv6Address local,
                   Ipv6Address pSg,
                   bool ackToMn)
{
    Ptr<CxtpAgent> self = this;
    CxtpContextInstaller::DoneCallback done(
        [self, previous, pSg, newCoa, ackToMn](std::string error, uint8_t status, uint32_t sas) {
            self->Finish(previous, pSg, newCoa, ackToMn, error, status, sas);
        });
    m_installer.Install({previous, newCoa, local}, std::move(blocks), done);
}

CxtpContextInstaller::Settings
CxtpAgent::GetInstallSettings() const
{
    CxtpContextInstaller::Settings settings;
    settings.sequenceJump = m_sequenceJump;
    settings.forceSpiCollision = m_forceSpiCollision;
    settings.collisionProbability = m_collisionProbability;
    settings.collisionRng = m_collisionRng;
    return settings;
}

void
CxtpAgent::Finish(Ipv6Address previous,
                  Ipv6Address pSg,
                  Ipv6Address mn,
                  bool ackToMn,
                  std::string error,
                  uint8_t status,
                  uint32_t sas)
{
    std::vector<CxtpStatusEntry> entries;
    bool updating = m_installer.IsUpdatingSpis(mn, previous);
    if (error.empty())
    {
        NS_LOG_INFO("installed " << sas << " SAs of " << previous << " (now " << mn << ")");
        m_completed[previous] = pSg;
        if (!updating)
        {
            m_installedTrace(previous, sas);
        }
    }
    else
    {
        NS_LOG_INFO("transfer of " << previous << " failed: " << error);
        m_failureTrace(previous, error);
        entries = CxtpMessageBuilder::FailedEntries({}, status);
        if (updating)
        {
            m_installer.CancelSpiUpdates(mn);
            updating = false;
        }
    }
    // The contexts are here: pSG may delete its copies. The MN still has to switch SPIs.
    SendCtdr(pSg, previous, error.empty(), entries);
    if (ackToMn)
    {
        SendCtaa(mn, previous, entries);
    }
    if (updating)
    {
        m_installer.SendSpiUpdates(mn); // SpiUpdatesDone() follows
    }
}

void
CxtpAgent::SpiUpdatesDone(Ipv6Address previous, bool success, uint32_t entries, uint32_t sas)
{
    if (!success)
    {
        m_failureTrace(previous, "update-spi failed");
        return;
    }
    NS_LOG_INFO("UPDATE_SPI of " << previous << " acknowledged (" << entries << " entries)");
    m_spiUpdatedTrace(previous, entries);
    m_installedTrace(previous, sas);
}

void
CxtpAgent::TraceFailure(Ipv6Address previous, std::string reason)
{
    m_failureTrace(previous, reason);
}

void
CxtpAgent::TraceSpiCollision(Ipv6Address previous, uint32_t spi)
{
    m_spiCollisionTrace(previous, spi);
}

} // namespace ns3
