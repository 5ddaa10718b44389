/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "aaa-server.h"

#include "crypto-cost-model.h"
#include "crypto-random.h"
#include "crypto-work-meter.h"
#include "eap-codec.h"
#include "eap-subscriber-database.h"
#include "ipsec-work-clock.h"
#include "radius-authenticator.h"
#include "radius-codec.h"
#include "radius-datagram-internal.h"
#include "radius-mppe-key.h"

#include "ns3/abort.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <tuple>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("AaaServer");
NS_OBJECT_ENSURE_REGISTERED(AaaServer);

namespace
{

using Type = RadiusAttributeType;

/// Octets of the State the server issues.
constexpr uint32_t STATE_SIZE = 16;

} // namespace

TypeId
AaaServer::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::AaaServer")
            .SetParent<Application>()
            .SetGroupName("CxtpIpsec")
            .AddConstructor<AaaServer>()
            .AddAttribute("Port",
                          "UDP port of the RADIUS authentication service (RFC 2865 §3: 1812).",
                          UintegerValue(PORT),
                          MakeUintegerAccessor(&AaaServer::m_port),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("SessionTimeout",
                          "An EAP session that sees no request for this long is forgotten "
                          "(FreeRADIUS eap module's timer_expire: 60 s).",
                          TimeValue(Seconds(60)),
                          MakeTimeAccessor(&AaaServer::m_sessionTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("ReplyCacheTimeout",
                          "How long the reply to a request is kept to answer its retransmissions "
                          "(RFC 5080 §2.2.2). The default outlasts a charon client's four "
                          "transmissions (2 + 2.8 + 3.92 s after the first).",
                          TimeValue(Seconds(15)),
                          MakeTimeAccessor(&AaaServer::m_replyCacheTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("SubscriberDatabase",
                          "The subscribers: per identity, the EAP method and its credentials.",
                          PointerValue(),
                          MakePointerAccessor(&AaaServer::SetSubscriberDatabase,
                                              &AaaServer::GetSubscriberDatabase),
                          MakePointerChecker<EapSubscriberDatabase>())
            .AddTraceSource("Tx",
                            "A RADIUS reply was sent (answers from the cache included).",
                            MakeTraceSourceAccessor(&AaaServer::m_txTrace),
                            "ns3::AaaServer::PacketTracedCallback")
            .AddTraceSource("Rx",
                            "A datagram arrived on the server's socket.",
                            MakeTraceSourceAccessor(&AaaServer::m_rxTrace),
                            "ns3::AaaServer::PacketTracedCallback")
            .AddTraceSource("Accept",
                            "An Access-Accept was built: the identity authenticated.",
                            MakeTraceSourceAccessor(&AaaServer::m_acceptTrace),
                            "ns3::AaaServer::AcceptTracedCallback")
            .AddTraceSource("Reject",
                            "An Access-Reject was built: the identity and the reason.",
                            MakeTraceSourceAccessor(&AaaServer::m_rejectTrace),
                            "ns3::AaaServer::RejectTracedCallback")
            .AddTraceSource("Session",
                            "An EAP session was opened, accepted, rejected or expired.",
                            MakeTraceSourceAccessor(&AaaServer::m_sessionTrace),
                            "ns3::AaaServer::SessionTracedCallback")
            .AddTraceSource("Discard",
                            "A datagram was silently discarded: its source, reason and detail.",
                            MakeTraceSourceAccessor(&AaaServer::m_discardTrace),
                            "ns3::AaaServer::DiscardTracedCallback")
            .AddTraceSource("CacheAnswer",
                            "A retransmitted request was answered from the reply cache.",
                            MakeTraceSourceAccessor(&AaaServer::m_cacheAnswerTrace),
                            "ns3::AaaServer::CacheAnswerTracedCallback");
    return tid;
}

AaaServer::AaaServer()
    : m_port(PORT),
      m_sessionTimeout(Seconds(60)),
      m_replyCacheTimeout(Seconds(15)),
      m_rng(CreateObject<CryptoRandom>())
{
    NS_LOG_FUNCTION(this);
}

AaaServer::~AaaServer()
{
    NS_LOG_FUNCTION(this);
}

bool
AaaServer::CacheKey::operator<(const CacheKey& other) const
{
    return std::tie(address, port, identifier, authenticator) <
           std::tie(other.address, other.port, other.identifier, other.authenticator);
}

void
AaaServer::DoDispose()
{
    for (auto& [state, s] : m_sessions)
    {
        s.expiry.Cancel();
    }
    for (auto& [key, entry] : m_cache)
    {
        entry.expiry.Cancel();
    }
    m_sessions.clear();
    m_cache.clear();
    m_socket = nullptr;
    m_database = nullptr;
    m_rng = nullptr;
    m_cost = nullptr;
    m_clock = nullptr;
    Application::DoDispose();
}

void
AaaServer::AddClient(const Ipv6Address& client, const std::string& secret)
{
    NS_LOG_FUNCTION(this << client);
    NS_ABORT_MSG_IF(secret.empty(),
                    "AaaServer: empty secret for client " << client << " (RFC 2865 §3)");
    m_clients[client] = std::vector<uint8_t>(secret.begin(), secret.end());
}

void
AaaServer::SetSubscriberDatabase(Ptr<EapSubscriberDatabase> database)
{
    m_database = database;
}

Ptr<EapSubscriberDatabase>
AaaServer::GetSubscriberDatabase() const
{
    return m_database;
}

void
AaaServer::SetEapServerConfig(const EapServerConfig& config)
{
    m_config = config;
}

const std::map<std::string, uint64_t>&
AaaServer::GetDiscards() const
{
    return m_discards;
}

size_t
AaaServer::GetSessionCount() const
{
    return m_sessions.size();
}

uint64_t
AaaServer::GetRequestsProcessed() const
{
    return m_requestsProcessed;
}

uint64_t
AaaServer::GetCacheAnswers() const
{
    return m_cacheAnswers;
}

int64_t
AaaServer::AssignStreams(int64_t stream)
{
    return m_rng->AssignStreams(stream);
}

void
AaaServer::StartApplication()
{
    NS_LOG_FUNCTION(this);
    Ptr<Node> node = GetNode();
    if (!m_database)
    {
        NS_LOG_WARN("AaaServer on node " << node->GetId()
                                         << " has no subscriber database: every identity is "
                                            "unknown");
        m_database = CreateObject<EapSubscriberDatabase>();
    }
    m_cost = node->GetObject<CryptoCostModel>();
    if (!m_cost)
    {
        m_cost = CreateObject<CryptoCostModel>(); // profile "zero" unless configured
        node->AggregateObject(m_cost);
    }
    m_clock = IpsecWorkClock::Get(node);
    m_socket = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
    NS_ABORT_MSG_IF(m_socket->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), m_port)) != 0,
                    "AaaServer: cannot bind UDP port " << m_port << " on node " << node->GetId());
    m_socket->SetRecvCallback(MakeCallback(&AaaServer::HandleRead, this));
}

void
AaaServer::StopApplication()
{
    NS_LOG_FUNCTION(this);
    if (m_socket)
    {
        m_socket->Close();
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    }
}

void
AaaServer::Discard(const Ipv6Address& from, const std::string& reason, const std::string& detail)
{
    NS_LOG_INFO("dropped from " << from << ": " << reason << " (" << detail << ")");
    ++m_discards[reason];
    m_discardTrace(from, reason, detail);
}

void
AaaServer::HandleRead(Ptr<Socket> socket)
{
    for (const RadiusDatagram& d : RadiusDatagram::ReadAll(socket))
    {
        const std::vector<uint8_t>& bytes = d.bytes;
        m_rxTrace(d.code, d.identifier, static_cast<uint32_t>(bytes.size()));
        CryptoWorkMeter meter;
        bool newSession = false;
        std::vector<uint8_t> reply;
        {
            CryptoWorkMeter::Scope scope(meter);
            reply = Handle(d.address, d.port, bytes, newSession);
        }
        Time work = m_cost->Get(PROCESSING_KEY) + m_cost->Price(meter);
        if (newSession)
        {
            work += m_cost->Get(LOOKUP_KEY);
        }
        const Time delay = m_clock->Reserve(work);
        if (reply.empty())
        {
            continue;
        }
        RadiusPacket request;
        RadiusCodec::Decode(bytes, request); // decoded once already by Handle()
        CacheKey key{d.address, d.port, request.identifier, request.authenticator};
        auto cached = m_cache.find(key);
        if (cached == m_cache.end())
        {
            // A new reply: kept for the request's retransmissions (RFC 5080 §2.2.2).
            CacheEntry& entry = m_cache[key];
            entry.request = bytes;
            entry.reply = reply;
            entry.leaves = Simulator::Now() + delay;
            entry.expiry = Simulator::Schedule(delay + m_replyCacheTimeout,
                                               [this, key]() { m_cache.erase(key); });
        }
        Simulator::Schedule(delay, &AaaServer::Transmit, this, d.address, d.port, reply);
    }
}

std::vector<uint8_t>
AaaServer::Handle(const Ipv6Address& from,
                  uint16_t port,
                  const std::vector<uint8_t>& bytes,
                  bool& newSession)
{
    auto client = m_clients.find(from);
    if (client == m_clients.end())
    {
        Discard(from, "unknown client", "RFC 2865 §3: no shared secret for this address");
        return {};
    }
    RadiusPacket request;
    WireDecodeResult result = RadiusCodec::Decode(bytes, request);
    if (!result.IsOk())
    {
        Discard(from, "malformed RADIUS packet", result.reason);
        return {};
    }
    const std::string id = "Identifier " + std::to_string(request.identifier);
    if (request.code != RadiusCode::ACCESS_REQUEST)
    {
        Discard(from,
                "not an Access-Request",
                "Code " + std::to_string(static_cast<int>(request.code)) + ", " + id);
        return {};
    }
    auto cached = m_cache.find(CacheKey{from, port, request.identifier, request.authenticator});
    if (cached != m_cache.end())
    {
        if (cached->second.request != bytes)
        {
            Discard(from,
                    "Identifier and Request Authenticator of another request",
                    id + ": other contents than the request answered");
            return {};
        }
        ++m_cacheAnswers;
        m_cacheAnswerTrace(from, request.identifier);
        NS_LOG_INFO("retransmission of " << id << " from " << from << ": answered from the cache");
        if (Simulator::Now() < cached->second.leaves)
        {
            return {}; // the reply is still being made: it leaves anyway
        }
        return cached->second.reply;
    }
    result = RadiusAuthenticator::VerifyRequest(bytes, client->second);
    if (!result.IsOk())
    {
        // RFC 3579 §3.2: an invalid Message-Authenticator is silently discarded.
        Discard(from, result.reason, id);
        return {};
    }
    return Respond(from, request, client->second, newSession);
}

RadiusPacket
AaaServer::MakeReply(const RadiusPacket& request, RadiusCode code, const EapPacket* eap)
{
    RadiusPacket reply;
    reply.code = code;
    reply.identifier = request.identifier;
    reply.authenticator = request.authenticator; // replaced by the Response Authenticator
    if (eap)
    {
        reply.attributes = RadiusCodec::SplitEapMessage(EapCodec::Encode(*eap));
    }
    return reply;
}

std::vector<uint8_t>
AaaServer::NewState()
{
    std::vector<uint8_t> state;
    do
    {
        state = m_rng->GetBytes(STATE_SIZE);
    } while (m_sessions.count(state));
    return state;
}

void
AaaServer::EndSession(const std::vector<uint8_t>& state, const std::string& event)
{
    auto it = m_sessions.find(state);
    if (it == m_sessions.end())
    {
        return;
    }
    const std::string identity = it->second.identity;
    it->second.expiry.Cancel();
    m_sessions.erase(it);
    NS_LOG_INFO("session of " << identity << " " << event);
    m_sessionTrace(identity, event);
}

std::vector<uint8_t>
AaaServer::Respond(const Ipv6Address& from,
                   const RadiusPacket& request,
                   const std::vector<uint8_t>& secret,
                   bool& newSession)
{
    const RadiusAttribute* userName = RadiusCodec::Find(request, Type::USER_NAME);
    std::string identity = userName ? RadiusCodec::GetString(*userName) : std::string();
    const RadiusAttribute* stateAttribute = RadiusCodec::Find(request, Type::STATE);

    EapPacket eap;
    EapPacket out;
    std::string reason;
    EapStatus status = EapStatus::FAILURE;
    std::vector<uint8_t> state;
    std::vector<uint8_t> msk;
    bool hasEap = RadiusCodec::Find(request, Type::EAP_MESSAGE) != nullptr;
    if (hasEap)
    {
        WireDecodeResult result = RadiusCodec::GetEapMessage(request, eap);
        if (!result.IsOk())
        {
            Discard(from,
                    "unusable EAP-Message",
                    "Identifier " + std::to_string(request.identifier) + ": " + result.reason);
            return {};
        }
    }

    if (!hasEap)
    {
        reason = "no EAP-Message: this server authenticates with EAP only (RFC 3579)";
    }
    else if (!stateAttribute)
    {
        // A new conversation (RFC 3579 §2.1): the subscriber is looked up by the EAP server.
        newSession = true;
        ++m_requestsProcessed;
        auto server = std::make_unique<EapServer>(m_database, m_config, m_rng);
        status = server->Start(eap, out, reason);
        if (!server->GetIdentity().empty())
        {
            identity = server->GetIdentity();
        }
        if (status == EapStatus::CONTINUE)
        {
            state = NewState();
            Session& s = m_sessions[state];
            s.server = std::move(server);
            s.identity = identity;
            s.expiry = Simulator::Schedule(m_sessionTimeout,
                                           &AaaServer::EndSession,
                                           this,
                                           state,
                                           std::string("expired"));
            NS_LOG_INFO("session of " << identity << " opened");
            m_sessionTrace(identity, "opened");
        }
    }
    else
    {
        auto it = m_sessions.find(stateAttribute->value);
        if (it == m_sessions.end())
        {
            reason = "unknown or expired State (RFC 2865 §5.24)";
            out.code = EapCode::FAILURE;
            out.identifier = eap.identifier;
        }
        else
        {
            ++m_requestsProcessed;
            Session& s = it->second;
            state = it->first;
            identity = s.identity;
            s.expiry.Cancel();
            s.expiry = Simulator::Schedule(m_sessionTimeout,
                                           &AaaServer::EndSession,
                                           this,
                                           state,
                                           std::string("expired"));
            status = s.server->Process(eap, out, reason);
            if (status == EapStatus::CONTINUE && !reason.empty())
            {
                NS_LOG_INFO("session of " << identity << ": " << reason);
            }
            if (status == EapStatus::SUCCESS)
            {
                msk = s.server->GetMsk();
            }
        }
    }

    RadiusPacket reply;
    switch (status)
    {
    case EapStatus::CONTINUE:
        reply = MakeReply(request, RadiusCode::ACCESS_CHALLENGE, &out);
        reply.attributes.push_back(RadiusAttribute{Type::STATE, state});
        break;
    case EapStatus::SUCCESS: {
        reply = MakeReply(request, RadiusCode::ACCESS_ACCEPT, &out);
        if (!msk.empty())
        {
            // RFC 5216 §2.3: MS-MPPE-Recv-Key = MSK(0,31), MS-MPPE-Send-Key = MSK(32,63).
            const size_t half = msk.size() / 2;
            const std::vector<uint8_t> recvKey(msk.begin(), msk.begin() + half);
            const std::vector<uint8_t> sendKey(msk.begin() + half, msk.end());
            // RFC 2548 §2.4.2: a Salt unique per attribute, its high bit set.
            const uint16_t recvSalt = static_cast<uint16_t>(m_rng->GetU32() | 0x8000);
            uint16_t sendSalt = recvSalt;
            while (sendSalt == recvSalt)
            {
                sendSalt = static_cast<uint16_t>(m_rng->GetU32() | 0x8000);
            }
            reply.attributes.push_back(RadiusMppeKey::MakeAttribute(RadiusMppeKey::MS_MPPE_RECV_KEY,
                                                                    recvKey,
                                                                    secret,
                                                                    request.authenticator,
                                                                    recvSalt));
            reply.attributes.push_back(RadiusMppeKey::MakeAttribute(RadiusMppeKey::MS_MPPE_SEND_KEY,
                                                                    sendKey,
                                                                    secret,
                                                                    request.authenticator,
                                                                    sendSalt));
        }
        if (!identity.empty())
        {
            reply.attributes.push_back(
                RadiusCodec::MakeString(Type::USER_NAME,
                                        identity.substr(0, RadiusCodec::MAX_VALUE)));
        }
        NS_LOG_INFO("Access-Accept for " << identity);
        m_acceptTrace(identity);
        EndSession(state, "accepted");
        break;
    }
    case EapStatus::FAILURE:
        if (!hasEap)
        {
            reply = MakeReply(request, RadiusCode::ACCESS_REJECT, nullptr);
        }
        else
        {
            if (out.code != EapCode::FAILURE)
            {
                out = EapPacket();
                out.code = EapCode::FAILURE;
                out.identifier = eap.identifier;
            }
            reply = MakeReply(request, RadiusCode::ACCESS_REJECT, &out);
        }
        if (reason.empty())
        {
            reason = "authentication failed";
        }
        // RFC 2865 §5.18: several Reply-Messages are shown one after the other.
        for (size_t at = 0; at < reason.size(); at += RadiusCodec::MAX_VALUE)
        {
            reply.attributes.push_back(
                RadiusCodec::MakeString(Type::REPLY_MESSAGE,
                                        reason.substr(at, RadiusCodec::MAX_VALUE)));
        }
        NS_LOG_INFO("Access-Reject for " << identity << ": " << reason);
        m_rejectTrace(identity, reason);
        if (!state.empty())
        {
            EndSession(state, "rejected");
        }
        break;
    }
    reply.attributes.push_back(
        RadiusAttribute{Type::MESSAGE_AUTHENTICATOR, std::vector<uint8_t>(16, 0)});
    std::vector<uint8_t> bytes = RadiusCodec::Encode(reply);
    const WireDecodeResult signed_ =
        RadiusAuthenticator::SignResponse(bytes, request.authenticator, secret);
    NS_ABORT_MSG_IF(!signed_.IsOk(), "AaaServer: cannot sign: " << signed_.reason);
    return bytes;
}

void
AaaServer::Transmit(const Ipv6Address& to, uint16_t port, const std::vector<uint8_t>& reply)
{
    if (!m_socket)
    {
        return;
    }
    m_txTrace(static_cast<RadiusCode>(reply[0]), reply[1], static_cast<uint32_t>(reply.size()));
    m_socket->SendTo(Create<Packet>(reply.data(), reply.size()), 0, Inet6SocketAddress(to, port));
}

} // namespace ns3
