/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "radius-client.h"

#include "crypto-cost-model.h"
#include "crypto-random.h"
#include "crypto-work-meter.h"
#include "eap-codec.h"
#include "ipsec-work-clock.h"
#include "radius-authenticator.h"
#include "radius-codec.h"
#include "radius-datagram-internal.h"
#include "radius-mppe-key.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("RadiusClient");
NS_OBJECT_ENSURE_REGISTERED(RadiusClient);

namespace
{

using Type = RadiusAttributeType;

/**
 * \param packet a response
 * \param vendorType RadiusMppeKey::MS_MPPE_SEND_KEY or MS_MPPE_RECV_KEY
 * \return true if it carries a Microsoft Vendor-Specific attribute of that type
 */
bool
HasMppeKey(const RadiusPacket& packet, uint8_t vendorType)
{
    for (const auto& a : packet.attributes)
    {
        uint32_t vendorId = 0;
        uint8_t type = 0;
        std::vector<uint8_t> data;
        if (a.type == Type::VENDOR_SPECIFIC &&
            RadiusCodec::GetVendorSpecific(a, vendorId, type, data).IsOk() &&
            vendorId == RadiusMppeKey::VENDOR_MICROSOFT && type == vendorType)
        {
            return true;
        }
    }
    return false;
}

/**
 * \param packet a packet
 * \return the text of its Reply-Message attributes, in order (RFC 2865 §5.18)
 */
std::string
GetReplyMessage(const RadiusPacket& packet)
{
    std::string text;
    for (const auto& a : packet.attributes)
    {
        if (a.type == Type::REPLY_MESSAGE)
        {
            text += RadiusCodec::GetString(a);
        }
    }
    return text;
}

/**
 * \param packet a packet
 * \return its Length once encoded
 */
size_t
EncodedSize(const RadiusPacket& packet)
{
    size_t size = RadiusCodec::HEADER;
    for (const auto& a : packet.attributes)
    {
        size += 2 + a.value.size();
    }
    return size;
}

} // namespace

TypeId
RadiusClient::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::RadiusClient")
            .SetParent<Ikev2EapBackend>()
            .SetGroupName("CxtpIpsec")
            .AddConstructor<RadiusClient>()
            .AddAttribute("ServerAddress",
                          "The AAA server's address.",
                          Ipv6AddressValue(Ipv6Address::GetAny()),
                          MakeIpv6AddressAccessor(&RadiusClient::m_serverAddress),
                          MakeIpv6AddressChecker())
            .AddAttribute("ServerPort",
                          "The AAA server's UDP port (RFC 2865 §3: 1812).",
                          UintegerValue(PORT),
                          MakeUintegerAccessor(&RadiusClient::m_serverPort),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("Secret",
                          "The secret shared with the server (RFC 2865 §3; must not be empty).",
                          StringValue(""),
                          MakeStringAccessor(&RadiusClient::m_secret),
                          MakeStringChecker())
            .AddAttribute("NasIdentifier",
                          "NAS-Identifier sent in every request (RFC 2865 §5.32; charon's "
                          "eap-radius nas_identifier, default strongSwan).",
                          StringValue("strongSwan"),
                          MakeStringAccessor(&RadiusClient::m_nasIdentifier),
                          MakeStringChecker())
            .AddAttribute("RetransmitTimeout",
                          "First timeout of a request (charon's eap-radius retransmit_timeout).",
                          TimeValue(Seconds(2)),
                          MakeTimeAccessor(&RadiusClient::m_retransmitTimeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("RetransmitBase",
                          "Factor of each further timeout (charon's eap-radius retransmit_base).",
                          DoubleValue(1.4),
                          MakeDoubleAccessor(&RadiusClient::m_retransmitBase),
                          MakeDoubleChecker<double>(1.0))
            .AddAttribute("RetransmitTries",
                          "Transmissions of a request in all, the first included, before giving "
                          "up (charon's eap-radius retransmit_tries, as its radius_socket.c "
                          "loop counts them).",
                          UintegerValue(4),
                          MakeUintegerAccessor(&RadiusClient::m_retransmitTries),
                          MakeUintegerChecker<uint32_t>(1))
            .AddTraceSource("Tx",
                            "A RADIUS packet was sent (retransmissions included).",
                            MakeTraceSourceAccessor(&RadiusClient::m_txTrace),
                            "ns3::RadiusClient::PacketTracedCallback")
            .AddTraceSource("Rx",
                            "A datagram arrived on the client's socket.",
                            MakeTraceSourceAccessor(&RadiusClient::m_rxTrace),
                            "ns3::RadiusClient::PacketTracedCallback")
            .AddTraceSource("Discard",
                            "A received packet was dropped: its source, reason and detail.",
                            MakeTraceSourceAccessor(&RadiusClient::m_discardTrace),
                            "ns3::RadiusClient::DiscardTracedCallback")
            .AddTraceSource("Retransmission",
                            "An unanswered request was sent again.",
                            MakeTraceSourceAccessor(&RadiusClient::m_retransmissionTrace),
                            "ns3::RadiusClient::RetransmissionTracedCallback")
            .AddTraceSource("Answer",
                            "A session's callback is given an answer.",
                            MakeTraceSourceAccessor(&RadiusClient::m_answerTrace),
                            "ns3::RadiusClient::AnswerTracedCallback");
    return tid;
}

RadiusClient::RadiusClient()
    : m_serverAddress(Ipv6Address::GetAny()),
      m_serverPort(PORT),
      m_nasIdentifier("strongSwan"),
      m_retransmitTimeout(Seconds(2)),
      m_retransmitBase(1.4),
      m_retransmitTries(4),
      m_rng(CreateObject<CryptoRandom>())
{
    NS_LOG_FUNCTION(this);
}

RadiusClient::~RadiusClient()
{
    NS_LOG_FUNCTION(this);
}

void
RadiusClient::DoDispose()
{
    m_sessions.clear(); // their timers are cancelled
    m_outstanding.clear();
    m_waiting.clear();
    if (m_socket)
    {
        m_socket->Close();
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    }
    m_socket = nullptr;
    m_rng = nullptr;
    m_cost = nullptr;
    m_clock = nullptr;
    Ikev2EapBackend::DoDispose();
}

int64_t
RadiusClient::AssignStreams(int64_t stream)
{
    return m_rng->AssignStreams(stream);
}

IpsecRetransmissionPolicy
RadiusClient::GetRetransmissionPolicy() const
{
    return IpsecRetransmissionPolicy::Exponential(m_retransmitTimeout,
                                                  m_retransmitBase,
                                                  m_retransmitTries - 1);
}

const std::map<std::string, uint64_t>&
RadiusClient::GetDiscards() const
{
    return m_discards;
}

uint64_t
RadiusClient::GetRetransmissions() const
{
    return m_retransmissions;
}

size_t
RadiusClient::GetSessionCount() const
{
    return m_sessions.size();
}

size_t
RadiusClient::GetOutstandingCount() const
{
    return m_outstanding.size();
}

void
RadiusClient::SetUp()
{
    if (m_socket)
    {
        return;
    }
    Ptr<Node> node = GetObject<Node>();
    NS_ABORT_MSG_IF(!node, "RadiusClient is not aggregated to a node");
    NS_ABORT_MSG_IF(m_secret.empty(),
                    "RadiusClient on node " << node->GetId()
                                            << ": empty Secret (RFC 2865 §3 forbids it)");
    NS_ABORT_MSG_IF(m_serverAddress.IsAny(),
                    "RadiusClient on node " << node->GetId() << ": no ServerAddress");
    m_cost = node->GetObject<CryptoCostModel>();
    if (!m_cost)
    {
        m_cost = CreateObject<CryptoCostModel>(); // profile "zero" unless configured
        node->AggregateObject(m_cost);
    }
    m_clock = IpsecWorkClock::Get(node);
    m_socket = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
    NS_ABORT_MSG_IF(m_socket->Bind6() != 0,
                    "RadiusClient on node " << node->GetId() << ": cannot bind a UDP socket");
    m_socket->SetRecvCallback(MakeCallback(&RadiusClient::HandleRead, this));
    // charon starts at a random Identifier ("helps if we restart often").
    m_nextIdentifier = static_cast<uint8_t>(m_rng->GetU32());
}

void
RadiusClient::Start(uint64_t session,
                    const std::string& identity,
                    const Ipv6Address& peer,
                    AnswerCallback answer)
{
    NS_LOG_FUNCTION(this << session << identity << peer);
    SetUp();
    if (m_sessions.count(session))
    {
        NS_LOG_WARN("session " << session << " started again: the old one is aborted");
        Abort(session);
    }
    Session& s = m_sessions[session];
    s.identity = identity;
    s.peer = peer;
    s.answer = answer;
    Request(session, EapCodec::MakeIdentity(EapCode::RESPONSE, 0, identity));
}

void
RadiusClient::Continue(uint64_t session, const EapPacket& response)
{
    NS_LOG_FUNCTION(this << session << +response.identifier);
    auto it = m_sessions.find(session);
    if (it == m_sessions.end())
    {
        NS_LOG_WARN("Continue of session " << session << ", which is not open: ignored");
        return;
    }
    if (it->second.outstanding || it->second.waiting)
    {
        NS_LOG_WARN("Continue of session " << session
                                           << " while its request is unanswered: ignored");
        return;
    }
    Request(session, response);
}

void
RadiusClient::Abort(uint64_t session)
{
    NS_LOG_FUNCTION(this << session);
    auto it = m_sessions.find(session);
    if (it == m_sessions.end())
    {
        return;
    }
    Release(it->second);
    m_sessions.erase(it);
}

RadiusPacket
RadiusClient::BuildRequest(const Session& s,
                           const EapPacket& eap,
                           uint8_t identifier,
                           const std::vector<uint8_t>& authenticator) const
{
    RadiusPacket p;
    p.code = RadiusCode::ACCESS_REQUEST;
    p.identifier = identifier;
    p.authenticator = authenticator;
    if (!s.identity.empty())
    {
        p.attributes.push_back(RadiusCodec::MakeString(
            Type::USER_NAME,
            s.identity.substr(0, RadiusCodec::MAX_VALUE))); // RFC 7542 NAIs fit
    }
    p.attributes.push_back(RadiusCodec::MakeInteger(Type::SERVICE_TYPE, SERVICE_TYPE_FRAMED));
    p.attributes.push_back(RadiusCodec::MakeInteger(Type::NAS_PORT_TYPE, NAS_PORT_TYPE_VIRTUAL));
    std::ostringstream peer;
    peer << s.peer;
    p.attributes.push_back(RadiusCodec::MakeString(Type::CALLING_STATION_ID, peer.str()));
    if (!m_nasIdentifier.empty())
    {
        p.attributes.push_back(
            RadiusCodec::MakeString(Type::NAS_IDENTIFIER,
                                    m_nasIdentifier.substr(0, RadiusCodec::MAX_VALUE)));
    }
    for (auto& piece : RadiusCodec::SplitEapMessage(EapCodec::Encode(eap)))
    {
        p.attributes.push_back(std::move(piece));
    }
    if (!s.state.empty())
    {
        p.attributes.push_back(RadiusAttribute{Type::STATE, s.state});
    }
    // Last, as charon's radius_message_t::sign appends it; zero until SignRequest().
    p.attributes.push_back(
        RadiusAttribute{Type::MESSAGE_AUTHENTICATOR, std::vector<uint8_t>(16, 0)});
    return p;
}

void
RadiusClient::Request(uint64_t key, const EapPacket& eap)
{
    Session& s = m_sessions.at(key);
    s.eapIdentifier = eap.identifier;
    const RadiusPacket probe = BuildRequest(s, eap, 0, std::vector<uint8_t>(16, 0));
    if (EncodedSize(probe) > RadiusCodec::MAX_LENGTH)
    {
        Answer refused;
        refused.kind = Answer::Kind::REJECT;
        refused.eap.code = EapCode::FAILURE;
        refused.eap.identifier = eap.identifier;
        refused.reason = "the EAP Response does not fit an Access-Request of 4096 octets "
                         "(RFC 2865 §3): " +
                         std::to_string(EncodedSize(probe)) + " octets";
        NS_LOG_WARN("session " << key << ": " << refused.reason);
        const uint64_t serial = ++m_serial;
        s.serial = serial;
        Simulator::ScheduleNow([this, key, serial, refused]() {
            auto it = m_sessions.find(key);
            if (it != m_sessions.end() && it->second.serial == serial)
            {
                Finish(key, refused);
            }
        });
        return;
    }
    const int32_t identifier = AllocateIdentifier();
    if (identifier < 0)
    {
        NS_LOG_INFO("session " << key << ": 256 requests outstanding, waiting for an Identifier");
        s.waiting = true;
        s.pending = eap;
        m_waiting.push_back(key);
        return;
    }
    s.waiting = false;
    s.outstanding = true;
    s.radiusIdentifier = static_cast<uint8_t>(identifier);
    s.requestAuthenticator = RadiusAuthenticator::NewRequestAuthenticator(m_rng);
    s.serial = ++m_serial;
    m_outstanding[s.radiusIdentifier] = key;

    CryptoWorkMeter meter;
    std::vector<uint8_t> bytes;
    {
        CryptoWorkMeter::Scope scope(meter);
        bytes =
            RadiusCodec::Encode(BuildRequest(s, eap, s.radiusIdentifier, s.requestAuthenticator));
        const WireDecodeResult signed_ = RadiusAuthenticator::SignRequest(
            bytes,
            std::vector<uint8_t>(m_secret.begin(), m_secret.end()));
        NS_ABORT_MSG_IF(!signed_.IsOk(), "RadiusClient: cannot sign: " << signed_.reason);
    }
    const Time work = m_cost->Get(COST_KEY) + m_cost->Price(meter);
    const Time delay = m_clock->Reserve(work);
    NS_LOG_INFO("session " << key << ": Access-Request " << +s.radiusIdentifier << " ("
                           << bytes.size() << " octets) leaves in " << delay.As(Time::US));
    s.retransmission.NoteSent(bytes);
    Simulator::Schedule(delay, &RadiusClient::Transmit, this, key, s.serial, bytes);
    s.retransmission.Start(GetRetransmissionPolicy(),
                           delay,
                           Callback<void>([this, key]() { Resend(key); }),
                           Callback<void>([this, key]() { GiveUp(key); }));
}

void
RadiusClient::Transmit(uint64_t key, uint64_t serial, const std::vector<uint8_t>& bytes)
{
    auto it = m_sessions.find(key);
    if (!m_socket || it == m_sessions.end() || it->second.serial != serial ||
        !it->second.outstanding)
    {
        return; // aborted or answered meanwhile
    }
    m_txTrace(RadiusCode::ACCESS_REQUEST, bytes[1], static_cast<uint32_t>(bytes.size()));
    m_socket->SendTo(Create<Packet>(bytes.data(), bytes.size()),
                     0,
                     Inet6SocketAddress(m_serverAddress, m_serverPort));
}

void
RadiusClient::Resend(uint64_t key)
{
    Session& s = m_sessions.at(key);
    ++m_retransmissions;
    NS_LOG_INFO("session " << key << ": retransmission " << s.retransmission.GetRetries()
                           << " of Access-Request " << +s.radiusIdentifier);
    m_retransmissionTrace(key, s.radiusIdentifier, s.retransmission.GetRetries());
    Transmit(key, s.serial, s.retransmission.GetLastSent());
}

void
RadiusClient::GiveUp(uint64_t key)
{
    Session& s = m_sessions.at(key);
    Answer timeout;
    timeout.kind = Answer::Kind::TIMEOUT;
    std::ostringstream reason;
    reason << "no answer from the RADIUS server " << m_serverAddress << " after "
           << s.retransmission.GetRetries() + 1 << " transmissions";
    timeout.reason = reason.str();
    NS_LOG_INFO("session " << key << ": " << timeout.reason);
    Release(s);
    Finish(key, timeout); // destroys the session's IpsecRetransmission, which called us last
}

int32_t
RadiusClient::AllocateIdentifier()
{
    if (m_outstanding.size() >= 256)
    {
        return -1;
    }
    while (m_outstanding.count(m_nextIdentifier))
    {
        ++m_nextIdentifier;
    }
    return m_nextIdentifier++;
}

void
RadiusClient::Release(Session& s)
{
    s.retransmission.Stop();
    if (s.outstanding)
    {
        m_outstanding.erase(s.radiusIdentifier);
        s.outstanding = false;
    }
    if (s.waiting)
    {
        for (auto it = m_waiting.begin(); it != m_waiting.end(); ++it)
        {
            if (&m_sessions.at(*it) == &s)
            {
                m_waiting.erase(it);
                break;
            }
        }
        s.waiting = false;
    }
    SendWaiting();
}

void
RadiusClient::SendWaiting()
{
    while (!m_waiting.empty() && m_outstanding.size() < 256)
    {
        const uint64_t key = m_waiting.front();
        m_waiting.pop_front();
        auto it = m_sessions.find(key);
        if (it != m_sessions.end() && it->second.waiting)
        {
            it->second.waiting = false;
            Request(key, it->second.pending);
        }
    }
}

void
RadiusClient::Finish(uint64_t key, const Answer& answer)
{
    auto it = m_sessions.find(key);
    if (it == m_sessions.end())
    {
        return;
    }
    AnswerCallback callback = it->second.answer;
    m_sessions.erase(it);
    m_answerTrace(key, answer);
    if (!callback.IsNull())
    {
        callback(answer);
    }
}

void
RadiusClient::Discard(const Ipv6Address& from, const std::string& reason, const std::string& detail)
{
    NS_LOG_INFO("dropped from " << from << ": " << reason << " (" << detail << ")");
    ++m_discards[reason];
    m_discardTrace(from, reason, detail);
}

void
RadiusClient::HandleRead(Ptr<Socket> socket)
{
    for (const RadiusDatagram& d : RadiusDatagram::ReadAll(socket))
    {
        const std::vector<uint8_t>& bytes = d.bytes;
        m_rxTrace(d.code, d.identifier, static_cast<uint32_t>(bytes.size()));
        if (d.address != m_serverAddress || d.port != m_serverPort)
        {
            // Not charged: the socket's filter, not the RADIUS code, would refuse it.
            std::ostringstream detail;
            detail << "from " << d.address << " port " << d.port;
            Discard(d.address, "not from the RADIUS server", detail.str());
            continue;
        }
        CryptoWorkMeter meter;
        uint64_t key = 0;
        Answer answer;
        bool answered = false;
        {
            CryptoWorkMeter::Scope scope(meter);
            answered = Process(bytes, key, answer);
        }
        // A packet that is dropped cost its reading too.
        const Time delay = m_clock->Reserve(m_cost->Get(COST_KEY) + m_cost->Price(meter));
        if (!answered)
        {
            continue;
        }
        const uint64_t serial = m_sessions.at(key).serial;
        Simulator::Schedule(delay, [this, key, serial, answer]() {
            auto it = m_sessions.find(key);
            if (it == m_sessions.end() || it->second.serial != serial)
            {
                return; // aborted meanwhile
            }
            if (answer.kind == Answer::Kind::CHALLENGE)
            {
                AnswerCallback callback = it->second.answer;
                m_answerTrace(key, answer);
                callback(answer);
                return;
            }
            Finish(key, answer);
        });
    }
}

bool
RadiusClient::Process(const std::vector<uint8_t>& bytes, uint64_t& key, Answer& answer)
{
    const Ipv6Address server = m_serverAddress;
    RadiusPacket p;
    WireDecodeResult result = RadiusCodec::Decode(bytes, p);
    if (!result.IsOk())
    {
        Discard(server, "malformed RADIUS packet", result.reason);
        return false;
    }
    const std::string id = "Identifier " + std::to_string(p.identifier);
    if (p.code == RadiusCode::ACCESS_REQUEST)
    {
        Discard(server, "not a response", "Access-Request, " + id);
        return false;
    }
    auto outstanding = m_outstanding.find(p.identifier);
    if (outstanding == m_outstanding.end())
    {
        Discard(server, "no outstanding request", id);
        return false;
    }
    key = outstanding->second;
    Session& s = m_sessions.at(key);
    const std::vector<uint8_t> secret(m_secret.begin(), m_secret.end());
    result = RadiusAuthenticator::VerifyResponse(bytes, s.requestAuthenticator, secret);
    if (!result.IsOk())
    {
        // RFC 2865 §3, RFC 3579 §3.2: silently discarded.
        Discard(server, result.reason, id);
        return false;
    }

    EapPacket eap;
    const bool hasEap = RadiusCodec::Find(p, Type::EAP_MESSAGE) != nullptr;
    if (hasEap)
    {
        result = RadiusCodec::GetEapMessage(p, eap);
        if (!result.IsOk())
        {
            Discard(server, "unusable EAP-Message", id + ": " + result.reason);
            return false;
        }
    }
    answer = Answer();
    switch (p.code)
    {
    case RadiusCode::ACCESS_CHALLENGE: {
        if (!hasEap || eap.code != EapCode::REQUEST)
        {
            Discard(server,
                    "unusable EAP-Message",
                    id + ": Access-Challenge without an EAP Request (RFC 3579 §2.6.3)");
            return false;
        }
        // RFC 2865 §5.24: echoed unchanged in the next request; none means none (charon).
        const RadiusAttribute* state = RadiusCodec::Find(p, Type::STATE);
        s.state = state ? state->value : std::vector<uint8_t>();
        answer.kind = Answer::Kind::CHALLENGE;
        answer.eap = eap;
        break;
    }
    case RadiusCode::ACCESS_ACCEPT: {
        if (!hasEap || eap.code != EapCode::SUCCESS)
        {
            // RFC 3579 §2.6.3: the decision follows the RADIUS Code, never the EAP packet; the
            // peer gets the Success that matches it (charon sends its own EAP-Success).
            if (hasEap)
            {
                NS_LOG_WARN("session " << key << ": Access-Accept carrying EAP code "
                                       << static_cast<int>(eap.code) << ", relayed as Success");
            }
            eap = EapPacket();
            eap.code = EapCode::SUCCESS;
            eap.identifier = s.eapIdentifier;
        }
        const bool recv = HasMppeKey(p, RadiusMppeKey::MS_MPPE_RECV_KEY);
        const bool send = HasMppeKey(p, RadiusMppeKey::MS_MPPE_SEND_KEY);
        std::vector<uint8_t> msk;
        if (recv != send)
        {
            Discard(server, "unusable MS-MPPE keys", id + ": only one of the two keys");
            return false;
        }
        if (recv)
        {
            // MSK = MS-MPPE-Recv-Key | MS-MPPE-Send-Key: RFC 5216 §2.3 (Enc-RECV-Key =
            // MSK(0,31), Enc-SEND-Key = MSK(32,63)), as charon's decrypt_msk concatenates them.
            std::vector<uint8_t> recvKey;
            std::vector<uint8_t> sendKey;
            result = RadiusMppeKey::GetKey(p,
                                           RadiusMppeKey::MS_MPPE_RECV_KEY,
                                           secret,
                                           s.requestAuthenticator,
                                           recvKey);
            if (result.IsOk())
            {
                result = RadiusMppeKey::GetKey(p,
                                               RadiusMppeKey::MS_MPPE_SEND_KEY,
                                               secret,
                                               s.requestAuthenticator,
                                               sendKey);
            }
            if (!result.IsOk())
            {
                Discard(server, "unusable MS-MPPE keys", id + ": " + result.reason);
                return false;
            }
            msk = recvKey;
            msk.insert(msk.end(), sendKey.begin(), sendKey.end());
        }
        answer.kind = Answer::Kind::ACCEPT;
        answer.eap = eap;
        answer.msk = msk;
        break;
    }
    case RadiusCode::ACCESS_REJECT: {
        if (!hasEap || eap.code != EapCode::FAILURE)
        {
            // RFC 3579 §2.6.3: the decision follows the RADIUS Code; the peer gets the Failure
            // that matches it.
            eap = EapPacket();
            eap.code = EapCode::FAILURE;
            eap.identifier = s.eapIdentifier;
        }
        answer.kind = Answer::Kind::REJECT;
        answer.eap = eap;
        answer.reason = GetReplyMessage(p);
        if (answer.reason.empty())
        {
            answer.reason = "Access-Reject";
        }
        break;
    }
    case RadiusCode::ACCESS_REQUEST:
        break; // handled above
    }
    NS_LOG_INFO("session " << key << ": answer to Access-Request " << +p.identifier);
    Release(s);
    return true;
}

} // namespace ns3
