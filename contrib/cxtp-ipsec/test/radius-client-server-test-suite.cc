/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// System tests of the RADIUS client (RadiusClient, a gateway's Ikev2EapBackend) against the AAA
// server (AaaServer) over an IPv6 point-to-point link, with a test-local EAP peer (EapPeer) in
// place of the IKEv2 daemon and the mobile node: EAP-MD5 accepted and rejected, EAP-AKA with the
// MSK carried in the MS-MPPE keys, the attributes on the wire, a lost Access-Request recovered by
// retransmission, every try lost (TIMEOUT at the charon back-off's end), replies that do not
// verify or do not decode dropped and counted, retransmissions answered from the AAA's reply
// cache, requests the AAA drops (wrong secret, unknown client), an expired AAA session, and the
// work both nodes charge.

#include "cxtp-test-isolation.h"
#include "cxtp-test-packet.h"
#include "ikev2-test-vectors.h"

#include "ns3/boolean.h"
#include "ns3/cxtp-ipsec-module.h"
#include "ns3/error-model.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

using Bytes = std::vector<uint8_t>;
using Answer = Ikev2EapBackend::Answer;
using Kind = Answer::Kind;
using Type = RadiusAttributeType;

const Ipv6Address GATEWAY("fd00:a::1");          ///< the gateway (NAS)
const Ipv6Address AAA("fd00:a::2");              ///< the AAA server
const Ipv6Address MN("fd00:b::10");              ///< the peer's address (Calling-Station-Id)
const std::string SECRET = "radius-test-secret"; ///< shared by gateway and AAA
const Time START = Seconds(1);                   ///< when the first session starts

/// \return the bytes of a string
Bytes
ToBytes(const std::string& s)
{
    return Bytes(s.begin(), s.end());
}

/// \return an EAP-MD5 subscriber
EapCredentials
Md5Subscriber(const std::string& identity, const std::string& password)
{
    EapCredentials c;
    c.identity = identity;
    c.method = EapType::MD5_CHALLENGE;
    c.password = ToBytes(password);
    return c;
}

/// \return an EAP-AKA subscriber (K and OPc of TS 35.208 §4.3 test set 1, AMF with the
///         separation bit)
EapCredentials
AkaSubscriber(const std::string& identity)
{
    EapCredentials c;
    c.identity = identity;
    c.method = EapType::AKA;
    const Ikev2TestVectors milenage = Ikev2TestVectors::ReadFile("milenage-vectors.txt");
    c.akaK = milenage.Get("set1.k");
    c.akaOpc = milenage.Get("set1.opc");
    c.akaSqn = 0; // the USIM has accepted nothing yet
    return c;
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The receive error model of one end of the link: records every RADIUS datagram that
 * arrives (UDP port 1812 on either side), drops the chosen ones, and rewrites the chosen ones in
 * place (the frame keeps its size) to make a reply that must not be taken.
 */
class RadiusTap : public ErrorModel
{
  public:
    /// How a reply is spoilt.
    enum class Tamper
    {
        NONE,                      ///< left alone
        WRONG_SECRET,              ///< both authenticators signed with another secret
        BAD_MESSAGE_AUTHENTICATOR, ///< a bit of the Message-Authenticator flipped, the Response
                                   ///< Authenticator recomputed over it with the right secret
        WRONG_IDENTIFIER,          ///< the Identifier changed (answers no request)
        BAD_LENGTH,                ///< the Length field beyond the datagram
    };

    std::vector<Bytes> seen;            ///< RADIUS payloads in arrival order, as received
    std::vector<bool> dropped;          ///< whether each was dropped
    std::set<uint32_t> drop;            ///< indices in seen to drop
    bool dropAll{false};                ///< drop every RADIUS datagram
    Tamper tamper{Tamper::NONE};        ///< how to spoil
    std::set<uint32_t> spoil;           ///< indices in seen to spoil
    bool spoilAll{false};               ///< spoil every RADIUS datagram
    const RadiusTap* requests{nullptr}; ///< the other end's tap: where the requests are

  private:
    bool DoCorrupt(Ptr<Packet> frame) override
    {
        CxtpTestPacket packet;
        Bytes radius;
        if (!packet.Parse(frame, CxtpTestPacket::PPP) || !packet.HasUdpPort(RadiusClient::PORT) ||
            !packet.CopyUdpPayload(radius))
        {
            return false;
        }
        const uint32_t index = static_cast<uint32_t>(seen.size());
        seen.push_back(radius);
        const bool lose = dropAll || drop.count(index) > 0;
        dropped.push_back(lose);
        if (lose)
        {
            return true;
        }
        if (tamper != Tamper::NONE && (spoilAll || spoil.count(index) > 0))
        {
            Bytes frameBytes(frame->GetSize());
            frame->CopyData(frameBytes.data(), frameBytes.size());
            const Bytes spoilt = Spoil(radius);
            std::copy(spoilt.begin(), spoilt.end(), frameBytes.end() - spoilt.size());
            frame->RemoveAtEnd(frame->GetSize());
            frame->AddAtEnd(Create<Packet>(frameBytes.data(), frameBytes.size()));
        }
        return false;
    }

    void DoReset() override
    {
    }

    /// \param reply a reply \return the Request Authenticator of the last request it answers
    Bytes RequestAuthenticatorOf(const Bytes& reply) const
    {
        for (auto it = requests->seen.rbegin(); it != requests->seen.rend(); ++it)
        {
            if ((*it)[1] == reply[1])
            {
                return Bytes(it->begin() + 4, it->begin() + 20);
            }
        }
        return Bytes(16, 0);
    }

    /// \param reply a reply \return it spoilt
    Bytes Spoil(Bytes reply) const
    {
        switch (tamper)
        {
        case Tamper::WRONG_SECRET:
            RadiusAuthenticator::SignResponse(reply,
                                              RequestAuthenticatorOf(reply),
                                              ToBytes("not-the-secret"));
            break;
        case Tamper::BAD_MESSAGE_AUTHENTICATOR: {
            const Bytes requestAuthenticator = RequestAuthenticatorOf(reply);
            size_t at = RadiusCodec::HEADER;
            while (at + 2 <= reply.size() &&
                   reply[at] != static_cast<uint8_t>(Type::MESSAGE_AUTHENTICATOR))
            {
                at += reply[at + 1];
            }
            if (at + 2 < reply.size())
            {
                reply[at + 2] ^= 0x01;
            }
            const Bytes response =
                RadiusAuthenticator::ComputeResponseAuthenticator(reply,
                                                                  requestAuthenticator,
                                                                  ToBytes(SECRET));
            std::copy(response.begin(), response.end(), reply.begin() + 4);
            break;
        }
        case Tamper::WRONG_IDENTIFIER:
            reply[1] ^= 0x80;
            break;
        case Tamper::BAD_LENGTH:
            reply[2] = 0x0f; // 3840 + the low octet: beyond the datagram
            break;
        case Tamper::NONE:
            break;
        }
        return reply;
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Plays the IKEv2 daemon and the mobile node of one session: relays the backend's EAP
 * Requests to an EapPeer and its Responses back (RadiusClient::Continue), and records the
 * answers.
 */
class EapDriver
{
  public:
    /**
     * \param client the gateway's RADIUS client
     * \param session the session key
     * \param credentials the peer's
     * \param rng the peer's random source
     */
    EapDriver(Ptr<RadiusClient> client,
              uint64_t session,
              const EapCredentials& credentials,
              Ptr<CryptoRandom> rng)
        : m_client(client),
          m_session(session),
          m_identity(credentials.identity),
          m_peer(credentials, rng)
    {
    }

    /// Starts the session.
    void Start()
    {
        startedAt = Simulator::Now();
        m_client->Start(m_session, m_identity, MN, MakeCallback(&EapDriver::OnAnswer, this));
    }

    Time continueDelay{0};                     ///< how long the "daemon" takes to relay a Response
    std::vector<Kind> kinds;                   ///< the answers' kinds, in order
    Answer last;                               ///< the last answer
    EapStatus peerStatus{EapStatus::CONTINUE}; ///< the peer's state after the last answer
    std::string peerReason;                    ///< the peer's reason
    Time startedAt{-1};                        ///< when Start() ran
    Time endedAt{-1};                          ///< when ACCEPT, REJECT or TIMEOUT came
    std::vector<uint8_t> peerMsk;              ///< the peer's MSK after EAP-Success

  private:
    /// \param answer the backend's answer
    void OnAnswer(const Answer& answer)
    {
        kinds.push_back(answer.kind);
        last = answer;
        EapPacket response;
        switch (answer.kind)
        {
        case Kind::CHALLENGE:
            peerStatus = m_peer.Process(answer.eap, response, peerReason);
            if (peerStatus == EapStatus::CONTINUE && !response.typeData.empty())
            {
                Simulator::Schedule(continueDelay,
                                    &RadiusClient::Continue,
                                    m_client,
                                    m_session,
                                    response);
            }
            break;
        case Kind::ACCEPT:
        case Kind::REJECT:
            peerStatus = m_peer.Process(answer.eap, response, peerReason);
            peerMsk = m_peer.GetMsk();
            endedAt = Simulator::Now();
            break;
        case Kind::TIMEOUT:
            endedAt = Simulator::Now();
            break;
        }
    }

    Ptr<RadiusClient> m_client; ///< the backend
    uint64_t m_session;         ///< the session key
    std::string m_identity;     ///< the peer's identity
    EapPeer m_peer;             ///< the mobile node's EAP peer
};

/// What one bench sets up.
struct BenchConfig
{
    std::string clientSecret{SECRET};  ///< the gateway's Secret
    std::string serverSecret{SECRET};  ///< the secret the AAA holds for the gateway
    Ipv6Address registeredAs{GATEWAY}; ///< the address the AAA knows the gateway by
    std::string profile{"zero"};       ///< both nodes' cost profile
    Time sessionTimeout{Seconds(60)};  ///< the AAA's SessionTimeout
    std::vector<EapCredentials> subscribers{Md5Subscriber("alice@example.org", "alice-pw")};
};

/// Collects traces of both ends.
struct BenchLog
{
    std::vector<std::string> accepts;                          ///< AAA Accept: identities
    std::vector<std::pair<std::string, std::string>> rejects;  ///< AAA Reject: identity, reason
    std::vector<std::pair<std::string, std::string>> sessions; ///< AAA Session: identity, event
    std::vector<std::string> serverDiscards;                   ///< AAA Discard reasons
    std::vector<std::string> clientDiscards;                   ///< client Discard reasons
    std::vector<std::pair<uint8_t, uint32_t>> retransmissions; ///< identifier, retry
    uint32_t clientTx{0};                                      ///< client Tx
    uint32_t clientRx{0};                                      ///< client Rx
    uint32_t serverTx{0};                                      ///< AAA Tx
    std::map<std::string, uint32_t> gatewayCosts;              ///< Cost keys charged, gateway
    std::map<std::string, uint32_t> aaaCosts;                  ///< Cost keys charged, AAA
    Time gatewayWork{0};                                       ///< work booked on the gateway
    Time aaaWork{0};                                           ///< work booked on the AAA node

    /// \param reason a client discard reason \return how often it was traced
    uint32_t ClientDiscards(const std::string& reason) const
    {
        return static_cast<uint32_t>(
            std::count(clientDiscards.begin(), clientDiscards.end(), reason));
    }
};

void
OnAccept(BenchLog* log, const std::string& identity)
{
    log->accepts.push_back(identity);
}

void
OnReject(BenchLog* log, const std::string& identity, const std::string& reason)
{
    log->rejects.emplace_back(identity, reason);
}

void
OnSession(BenchLog* log, const std::string& identity, const std::string& event)
{
    log->sessions.emplace_back(identity, event);
}

void
OnServerDiscard(BenchLog* log, const Ipv6Address&, const std::string& reason, const std::string&)
{
    log->serverDiscards.push_back(reason);
}

void
OnClientDiscard(BenchLog* log, const Ipv6Address&, const std::string& reason, const std::string&)
{
    log->clientDiscards.push_back(reason);
}

void
OnRetransmission(BenchLog* log, uint64_t, uint8_t identifier, uint32_t retry)
{
    log->retransmissions.emplace_back(identifier, retry);
}

void
OnPacket(uint32_t* counter, RadiusCode, uint8_t, uint32_t)
{
    ++*counter;
}

void
OnCost(std::map<std::string, uint32_t>* costs, std::string key, Time)
{
    ++(*costs)[key];
}

void
OnWork(Time* total, Time, Time work)
{
    *total += work;
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief A gateway and an AAA node on a point-to-point link (100 Mb/s, 1 ms), the gateway's
 * RadiusClient and the AAA's AaaServer installed by AaaHelper, a tap on each device.
 */
class RadiusBench
{
  public:
    /// \param config what to set up
    explicit RadiusBench(const BenchConfig& config)
        : requests(CreateObject<RadiusTap>()),
          replies(CreateObject<RadiusTap>()),
          rng(CreateObject<CryptoRandom>())
    {
        Config::SetDefault("ns3::Icmpv6L4Protocol::DAD", BooleanValue(false));
        NodeContainer nodes;
        nodes.Create(2);
        gateway = nodes.Get(0);
        aaa = nodes.Get(1);
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
        p2p.SetChannelAttribute("Delay", StringValue("1ms"));
        NetDeviceContainer devices = p2p.Install(nodes);
        InternetStackHelper stack;
        stack.SetIpv4StackInstall(false);
        stack.Install(nodes);
        const Ipv6Address addresses[2] = {GATEWAY, AAA};
        for (uint32_t i = 0; i < 2; ++i)
        {
            Ptr<Ipv6L3Protocol> ipv6 = nodes.Get(i)->GetObject<Ipv6L3Protocol>();
            const uint32_t interface = ipv6->AddInterface(devices.Get(i));
            ipv6->AddAddress(interface, Ipv6InterfaceAddress(addresses[i], Ipv6Prefix(64)));
            ipv6->SetUp(interface);
        }

        database = CreateObject<EapSubscriberDatabase>();
        for (const auto& s : config.subscribers)
        {
            database->Add(s);
        }
        AaaHelper helper;
        helper.SetSecret(config.serverSecret);
        helper.SetCostProfile(config.profile);
        helper.SetServerAttribute("SessionTimeout", TimeValue(config.sessionTimeout));
        server = helper.InstallServer(aaa, database);
        client = helper.InstallClient(gateway, config.registeredAs, server, AAA);
        client->SetAttribute("Secret", StringValue(config.clientSecret));
        helper.AssignStreams(nodes, 100);
        rng->AssignStreams(200);

        requests->requests = nullptr;
        replies->requests = PeekPointer(requests);
        devices.Get(1)->SetAttribute("ReceiveErrorModel", PointerValue(requests));
        devices.Get(0)->SetAttribute("ReceiveErrorModel", PointerValue(replies));

        server->TraceConnectWithoutContext("Accept", MakeBoundCallback(&OnAccept, &log));
        server->TraceConnectWithoutContext("Reject", MakeBoundCallback(&OnReject, &log));
        server->TraceConnectWithoutContext("Session", MakeBoundCallback(&OnSession, &log));
        server->TraceConnectWithoutContext("Discard", MakeBoundCallback(&OnServerDiscard, &log));
        server->TraceConnectWithoutContext("Tx", MakeBoundCallback(&OnPacket, &log.serverTx));
        client->TraceConnectWithoutContext("Discard", MakeBoundCallback(&OnClientDiscard, &log));
        client->TraceConnectWithoutContext("Retransmission",
                                           MakeBoundCallback(&OnRetransmission, &log));
        client->TraceConnectWithoutContext("Tx", MakeBoundCallback(&OnPacket, &log.clientTx));
        client->TraceConnectWithoutContext("Rx", MakeBoundCallback(&OnPacket, &log.clientRx));
        gateway->GetObject<CryptoCostModel>()->TraceConnectWithoutContext(
            "Cost",
            MakeBoundCallback(&OnCost, &log.gatewayCosts));
        aaa->GetObject<CryptoCostModel>()->TraceConnectWithoutContext(
            "Cost",
            MakeBoundCallback(&OnCost, &log.aaaCosts));
        IpsecWorkClock::Get(gateway)->TraceConnectWithoutContext(
            "Work",
            MakeBoundCallback(&OnWork, &log.gatewayWork));
        IpsecWorkClock::Get(aaa)->TraceConnectWithoutContext(
            "Work",
            MakeBoundCallback(&OnWork, &log.aaaWork));
    }

    /**
     * \param session the session key
     * \param credentials the peer's
     * \return a driver for it (owned by the bench)
     */
    EapDriver& AddPeer(uint64_t session, const EapCredentials& credentials)
    {
        drivers.push_back(std::make_unique<EapDriver>(client, session, credentials, rng));
        return *drivers.back();
    }

    /// Starts every driver at START and runs the simulation until \p end.
    void Run(Time end = Seconds(40))
    {
        for (auto& d : drivers)
        {
            Simulator::Schedule(START, &EapDriver::Start, d.get());
        }
        Simulator::Stop(end);
        Simulator::Run();
    }

    /// \param code a Code \return the payloads of that Code a tap saw
    static std::vector<Bytes> OfCode(const RadiusTap& tap, RadiusCode code)
    {
        std::vector<Bytes> out;
        for (const auto& b : tap.seen)
        {
            if (!b.empty() && b[0] == static_cast<uint8_t>(code))
            {
                out.push_back(b);
            }
        }
        return out;
    }

    Ptr<Node> gateway;                               ///< the NAS
    Ptr<Node> aaa;                                   ///< the AAA node
    Ptr<RadiusTap> requests;                         ///< on the AAA's device
    Ptr<RadiusTap> replies;                          ///< on the gateway's device
    Ptr<CryptoRandom> rng;                           ///< the peers'
    Ptr<EapSubscriberDatabase> database;             ///< the AAA's subscribers
    Ptr<AaaServer> server;                           ///< the AAA server
    Ptr<RadiusClient> client;                        ///< the gateway's client
    std::vector<std::unique_ptr<EapDriver>> drivers; ///< the sessions
    BenchLog log;                                    ///< the traces
};

/// \return a decoded RADIUS packet (an empty one with code REQUEST if it does not decode)
RadiusPacket
Decode(const Bytes& bytes)
{
    RadiusPacket p;
    if (!RadiusCodec::Decode(bytes, p).IsOk())
    {
        p = RadiusPacket();
        p.attributes.clear();
    }
    return p;
}

/// \return the attribute's value as text, or "<none>"
std::string
TextOf(const RadiusPacket& p, Type type)
{
    const RadiusAttribute* a = RadiusCodec::Find(p, type);
    return a ? RadiusCodec::GetString(*a) : std::string("<none>");
}

/// \return the attribute's value as an integer, or 0 if absent
uint32_t
IntOf(const RadiusPacket& p, Type type)
{
    const RadiusAttribute* a = RadiusCodec::Find(p, type);
    return a ? RadiusCodec::GetInteger(*a) : 0;
}

/// \return the attribute's value, or empty
Bytes
ValueOf(const RadiusPacket& p, Type type)
{
    const RadiusAttribute* a = RadiusCodec::Find(p, type);
    return a ? a->value : Bytes();
}

/// \return the number of Microsoft Vendor-Specific attributes of that type
uint32_t
CountMppe(const RadiusPacket& p, uint8_t vendorType)
{
    uint32_t n = 0;
    for (const auto& a : p.attributes)
    {
        uint32_t vendor = 0;
        uint8_t type = 0;
        Bytes data;
        if (a.type == Type::VENDOR_SPECIFIC &&
            RadiusCodec::GetVendorSpecific(a, vendor, type, data).IsOk() &&
            vendor == RadiusMppeKey::VENDOR_MICROSOFT && type == vendorType)
        {
            ++n;
        }
    }
    return n;
}

/// \return the kinds as text, for messages
std::string
KindsText(const std::vector<Kind>& kinds)
{
    std::ostringstream os;
    for (Kind k : kinds)
    {
        os << static_cast<int>(k) << " ";
    }
    return os.str();
}

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief EAP-MD5 through RADIUS, two subscribers at once: both ACCEPT with an empty MSK; the
 * Access-Requests carry the attributes charon sends, the first an EAP-Response/Identity with
 * Identifier 0, the second the State of the Access-Challenge; the Identifiers of concurrent
 * requests differ; the Access-Accept has no MPPE keys.
 */
class RadiusMd5AcceptTestCase : public TestCase
{
  public:
    RadiusMd5AcceptTestCase()
        : TestCase("EAP-MD5 over RADIUS: two concurrent sessions accepted, attributes on the wire")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        BenchConfig config;
        config.subscribers.push_back(Md5Subscriber("bob@example.org", "bob-pw"));
        RadiusBench bench(config);
        bench.client->SetAttribute("NasIdentifier", StringValue("gw-1"));
        EapDriver& alice = bench.AddPeer(1, Md5Subscriber("alice@example.org", "alice-pw"));
        EapDriver& bob = bench.AddPeer(2, Md5Subscriber("bob@example.org", "bob-pw"));
        bench.Run();

        for (EapDriver* d : {&alice, &bob})
        {
            NS_TEST_EXPECT_MSG_EQ((d->kinds == std::vector<Kind>{Kind::CHALLENGE, Kind::ACCEPT}),
                                  true,
                                  "CHALLENGE then ACCEPT, got " << KindsText(d->kinds));
            NS_TEST_EXPECT_MSG_EQ((d->last.eap.code == EapCode::SUCCESS), true, "EAP-Success");
            NS_TEST_EXPECT_MSG_EQ(d->last.msk.size(), 0, "EAP-MD5 makes no MSK");
            NS_TEST_EXPECT_MSG_EQ((d->peerStatus == EapStatus::SUCCESS),
                                  true,
                                  "the peer takes the Success: " << d->peerReason);
        }
        NS_TEST_EXPECT_MSG_EQ(bench.log.accepts.size(), 2, "two Accept traces");
        NS_TEST_EXPECT_MSG_EQ(bench.server->GetSessionCount(), 0, "sessions closed");
        NS_TEST_EXPECT_MSG_EQ(bench.client->GetSessionCount(), 0, "client sessions closed");
        NS_TEST_EXPECT_MSG_EQ(bench.client->GetRetransmissions(), 0, "no retransmission");
        NS_TEST_EXPECT_MSG_EQ(bench.log.clientTx, 4, "two Access-Requests per session");
        NS_TEST_EXPECT_MSG_EQ(bench.server->GetRequestsProcessed(), 4, "each processed once");

        const auto requests = RadiusBench::OfCode(*bench.requests, RadiusCode::ACCESS_REQUEST);
        NS_TEST_ASSERT_MSG_EQ(requests.size(), 4, "four Access-Requests reached the AAA");
        if (requests.size() != 4)
        {
            return; // ASSERT continues by default
        }
        // The two first requests are the two sessions' identities, sent at the same time.
        const RadiusPacket first = Decode(requests[0]);
        const RadiusPacket other = Decode(requests[1]);
        NS_TEST_EXPECT_MSG_NE(+first.identifier,
                              +other.identifier,
                              "concurrent requests have distinct Identifiers");
        NS_TEST_EXPECT_MSG_EQ((first.authenticator != other.authenticator),
                              true,
                              "random Request Authenticators");
        NS_TEST_EXPECT_MSG_EQ(TextOf(first, Type::USER_NAME), "alice@example.org", "User-Name");
        NS_TEST_EXPECT_MSG_EQ(IntOf(first, Type::SERVICE_TYPE), 2, "Service-Type Framed");
        NS_TEST_EXPECT_MSG_EQ(IntOf(first, Type::NAS_PORT_TYPE), 5, "NAS-Port-Type Virtual");
        NS_TEST_EXPECT_MSG_EQ(TextOf(first, Type::CALLING_STATION_ID),
                              "fd00:b::10",
                              "Calling-Station-Id: the peer's address");
        NS_TEST_EXPECT_MSG_EQ(TextOf(first, Type::NAS_IDENTIFIER), "gw-1", "NAS-Identifier");
        NS_TEST_EXPECT_MSG_EQ(ValueOf(first, Type::MESSAGE_AUTHENTICATOR).size(),
                              16,
                              "Message-Authenticator");
        NS_TEST_EXPECT_MSG_EQ(ValueOf(first, Type::STATE).size(), 0, "no State at first");
        EapPacket identity;
        NS_TEST_EXPECT_MSG_EQ(RadiusCodec::GetEapMessage(first, identity).IsOk(), true, "EAP");
        std::string name;
        NS_TEST_EXPECT_MSG_EQ(EapCodec::GetIdentity(identity, name).IsOk(), true, "Identity");
        NS_TEST_EXPECT_MSG_EQ((identity.code == EapCode::RESPONSE), true, "a Response");
        NS_TEST_EXPECT_MSG_EQ(+identity.identifier, 0, "Identifier 0, as charon");
        NS_TEST_EXPECT_MSG_EQ(name, "alice@example.org", "built from the identity");
        NS_TEST_EXPECT_MSG_EQ(
            RadiusAuthenticator::VerifyRequest(requests[0], ToBytes(SECRET)).IsOk(),
            true,
            "signed with the secret");
        NS_TEST_EXPECT_MSG_EQ(
            RadiusAuthenticator::VerifyRequest(requests[0], ToBytes("other")).IsOk(),
            false,
            "and with no other");

        // Alice's second request echoes the State of her Access-Challenge.
        const auto challenges = RadiusBench::OfCode(*bench.replies, RadiusCode::ACCESS_CHALLENGE);
        NS_TEST_ASSERT_MSG_EQ(challenges.size(), 2, "two Access-Challenges");
        Bytes aliceState;
        for (const auto& c : challenges)
        {
            if (Decode(c).identifier == first.identifier)
            {
                aliceState = ValueOf(Decode(c), Type::STATE);
            }
        }
        NS_TEST_EXPECT_MSG_EQ(aliceState.size(), 16, "the AAA issues 16 octets of State");
        bool echoed = false;
        for (size_t i = 2; i < requests.size(); ++i)
        {
            const RadiusPacket p = Decode(requests[i]);
            if (TextOf(p, Type::USER_NAME) == "alice@example.org")
            {
                echoed = ValueOf(p, Type::STATE) == aliceState;
                NS_TEST_EXPECT_MSG_NE(+p.identifier, +first.identifier, "a new Identifier");
            }
        }
        NS_TEST_EXPECT_MSG_EQ(echoed, true, "State echoed unchanged (RFC 2865 §5.24)");

        const auto accepts = RadiusBench::OfCode(*bench.replies, RadiusCode::ACCESS_ACCEPT);
        NS_TEST_ASSERT_MSG_EQ(accepts.size(), 2, "two Access-Accepts");
        if (accepts.size() != 2)
        {
            return;
        }
        const RadiusPacket accept = Decode(accepts[0]);
        NS_TEST_EXPECT_MSG_EQ(CountMppe(accept, RadiusMppeKey::MS_MPPE_RECV_KEY) +
                                  CountMppe(accept, RadiusMppeKey::MS_MPPE_SEND_KEY),
                              0,
                              "no MPPE keys without an MSK");
        NS_TEST_EXPECT_MSG_NE(TextOf(accept, Type::USER_NAME), "<none>", "User-Name");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief EAP-MD5 with a wrong password: REJECT with EAP-Failure; the reason the AAA traces is
 * the Reply-Message the client reports; an unknown identity is rejected at once.
 */
class RadiusMd5RejectTestCase : public TestCase
{
  public:
    RadiusMd5RejectTestCase()
        : TestCase(
              "EAP-MD5 over RADIUS: wrong password and unknown identity rejected with a reason")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        RadiusBench bench{BenchConfig()};
        EapDriver& wrong = bench.AddPeer(7, Md5Subscriber("alice@example.org", "not-alice-pw"));
        EapDriver& stranger = bench.AddPeer(8, Md5Subscriber("mallory@example.org", "x"));
        bench.Run();

        NS_TEST_EXPECT_MSG_EQ((wrong.kinds == std::vector<Kind>{Kind::CHALLENGE, Kind::REJECT}),
                              true,
                              "CHALLENGE then REJECT, got " << KindsText(wrong.kinds));
        NS_TEST_EXPECT_MSG_EQ((wrong.last.eap.code == EapCode::FAILURE), true, "EAP-Failure");
        NS_TEST_EXPECT_MSG_EQ((wrong.peerStatus == EapStatus::FAILURE), true, "peer fails");
        NS_TEST_EXPECT_MSG_EQ((stranger.kinds == std::vector<Kind>{Kind::REJECT}),
                              true,
                              "unknown identity: REJECT at once, got "
                                  << KindsText(stranger.kinds));
        NS_TEST_ASSERT_MSG_EQ(bench.log.rejects.size(), 2, "two Reject traces");
        std::map<std::string, std::string> reasons(bench.log.rejects.begin(),
                                                   bench.log.rejects.end());
        NS_TEST_EXPECT_MSG_EQ(reasons.count("alice@example.org"), 1, "Alice's reject traced");
        NS_TEST_EXPECT_MSG_EQ(reasons.count("mallory@example.org"), 1, "Mallory's traced");
        NS_TEST_EXPECT_MSG_EQ(reasons["alice@example.org"].empty(), false, "with a reason");
        NS_TEST_EXPECT_MSG_EQ(wrong.last.reason,
                              reasons["alice@example.org"],
                              "the client reports the AAA's reason (Reply-Message)");
        NS_TEST_EXPECT_MSG_EQ(stranger.last.reason,
                              reasons["mallory@example.org"],
                              "the same for the unknown identity");
        NS_TEST_EXPECT_MSG_NE(wrong.last.reason, stranger.last.reason, "different reasons");
        NS_TEST_EXPECT_MSG_EQ(bench.log.accepts.size(), 0, "no Accept");
        NS_TEST_EXPECT_MSG_EQ(bench.server->GetSessionCount(), 0, "Alice's session closed");
        bool closed = false;
        for (const auto& [identity, event] : bench.log.sessions)
        {
            closed = closed || (identity == "alice@example.org" && event == "rejected");
        }
        NS_TEST_EXPECT_MSG_EQ(closed, true, "Session trace: rejected");
        const auto rejects = RadiusBench::OfCode(*bench.replies, RadiusCode::ACCESS_REJECT);
        NS_TEST_ASSERT_MSG_EQ(rejects.size(), 2, "two Access-Rejects on the wire");
        if (rejects.size() != 2)
        {
            return;
        }
        EapPacket failure;
        NS_TEST_EXPECT_MSG_EQ(RadiusCodec::GetEapMessage(Decode(rejects[0]), failure).IsOk(),
                              true,
                              "with an EAP-Message");
        NS_TEST_EXPECT_MSG_EQ((failure.code == EapCode::FAILURE), true, "EAP-Failure in it");
        NS_TEST_EXPECT_MSG_NE(TextOf(Decode(rejects[0]), Type::REPLY_MESSAGE),
                              "<none>",
                              "and a Reply-Message");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief EAP-AKA through RADIUS: ACCEPT with the MSK the AAA's EAP server made, carried in the
 * MS-MPPE keys, equal to the peer's.
 */
class RadiusAkaAcceptTestCase : public TestCase
{
  public:
    RadiusAkaAcceptTestCase()
        : TestCase("EAP-AKA over RADIUS: ACCEPT, the MSK from the MPPE keys equals the peer's")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        const std::string identity = "0001010000000001@aka.example.org";
        BenchConfig config;
        EapCredentials server = AkaSubscriber(identity);
        server.akaSqn = 0x20; // the AuC's next SQN: SEQ 1, IND 0 (TS 33.102 Annex C)
        config.subscribers = {server};
        RadiusBench bench(config);
        EapDriver& peer = bench.AddPeer(3, AkaSubscriber(identity));
        bench.Run();

        NS_TEST_EXPECT_MSG_EQ(peer.kinds.empty(), false, "answered");
        NS_TEST_EXPECT_MSG_EQ((!peer.kinds.empty() && peer.kinds.back() == Kind::ACCEPT),
                              true,
                              "ACCEPT, got " << KindsText(peer.kinds) << peer.last.reason);
        NS_TEST_EXPECT_MSG_EQ((peer.peerStatus == EapStatus::SUCCESS),
                              true,
                              "the peer succeeded: " << peer.peerReason);
        NS_TEST_EXPECT_MSG_EQ(peer.last.msk.size(), 64, "a 64-octet MSK (RFC 4187 §7)");
        NS_TEST_EXPECT_MSG_EQ((peer.last.msk == peer.peerMsk),
                              true,
                              "the gateway's MSK is the peer's");
        NS_TEST_EXPECT_MSG_EQ((peer.last.msk != Bytes(64, 0)), true, "not zeros");
        const auto accepts = RadiusBench::OfCode(*bench.replies, RadiusCode::ACCESS_ACCEPT);
        NS_TEST_ASSERT_MSG_EQ(accepts.size(), 1, "one Access-Accept");
        if (accepts.size() != 1 || peer.peerMsk.size() != 64)
        {
            return;
        }
        const RadiusPacket accept = Decode(accepts[0]);
        NS_TEST_EXPECT_MSG_EQ(CountMppe(accept, RadiusMppeKey::MS_MPPE_RECV_KEY), 1, "Recv-Key");
        NS_TEST_EXPECT_MSG_EQ(CountMppe(accept, RadiusMppeKey::MS_MPPE_SEND_KEY), 1, "Send-Key");
        NS_TEST_EXPECT_MSG_EQ(TextOf(accept, Type::USER_NAME), identity, "User-Name");
        // RFC 5216 §2.3 on the wire: MS-MPPE-Recv-Key = MSK(0,31), MS-MPPE-Send-Key = MSK(32,63),
        // decrypted here with the Request Authenticator of the request the Accept answers.
        Bytes requestAuthenticator;
        for (const auto& r : RadiusBench::OfCode(*bench.requests, RadiusCode::ACCESS_REQUEST))
        {
            if (r[1] == accept.identifier)
            {
                requestAuthenticator.assign(r.begin() + 4, r.begin() + 20);
            }
        }
        Bytes recvKey;
        Bytes sendKey;
        NS_TEST_EXPECT_MSG_EQ(RadiusMppeKey::GetKey(accept,
                                                    RadiusMppeKey::MS_MPPE_RECV_KEY,
                                                    ToBytes(SECRET),
                                                    requestAuthenticator,
                                                    recvKey)
                                  .IsOk(),
                              true,
                              "the Recv-Key decrypts");
        NS_TEST_EXPECT_MSG_EQ(RadiusMppeKey::GetKey(accept,
                                                    RadiusMppeKey::MS_MPPE_SEND_KEY,
                                                    ToBytes(SECRET),
                                                    requestAuthenticator,
                                                    sendKey)
                                  .IsOk(),
                              true,
                              "the Send-Key decrypts");
        NS_TEST_EXPECT_MSG_EQ((recvKey == Bytes(peer.peerMsk.begin(), peer.peerMsk.begin() + 32)),
                              true,
                              "MS-MPPE-Recv-Key is the MSK's first half");
        NS_TEST_EXPECT_MSG_EQ((sendKey == Bytes(peer.peerMsk.begin() + 32, peer.peerMsk.end())),
                              true,
                              "MS-MPPE-Send-Key is its second half");
        // The keys are encrypted: the MSK's halves do not appear in clear.
        const Bytes half(peer.peerMsk.begin(), peer.peerMsk.begin() + 16);
        NS_TEST_EXPECT_MSG_EQ(
            (std::search(accepts[0].begin(), accepts[0].end(), half.begin(), half.end()) ==
             accepts[0].end()),
            true,
            "the MSK does not travel in clear");
        NS_TEST_EXPECT_MSG_EQ(bench.log.accepts.size(), 1, "Accept trace");
        NS_TEST_EXPECT_MSG_EQ(bench.log.accepts.empty() ? "" : bench.log.accepts[0],
                              identity,
                              "with the identity");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The first Access-Request is lost on the link: the client sends the same octets again
 * (same Identifier and Request Authenticator, RFC 2865 §2.5) after RetransmitTimeout and the
 * session ends in ACCEPT.
 */
class RadiusRequestLossTestCase : public TestCase
{
  public:
    RadiusRequestLossTestCase()
        : TestCase(
              "RADIUS: a lost Access-Request is recovered by retransmission of the same octets")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        RadiusBench bench{BenchConfig()};
        bench.requests->drop = {0};
        EapDriver& alice = bench.AddPeer(1, Md5Subscriber("alice@example.org", "alice-pw"));
        bench.Run();

        NS_TEST_EXPECT_MSG_EQ((alice.kinds == std::vector<Kind>{Kind::CHALLENGE, Kind::ACCEPT}),
                              true,
                              "ACCEPT after the loss, got " << KindsText(alice.kinds));
        NS_TEST_EXPECT_MSG_EQ(bench.client->GetRetransmissions(), 1, "one retransmission");
        NS_TEST_ASSERT_MSG_EQ(bench.log.retransmissions.size(), 1, "one Retransmission trace");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(bench.requests->seen.size(), 2, "the AAA saw two tries");
        if (bench.log.retransmissions.size() != 1 || bench.requests->seen.size() < 2)
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(bench.requests->dropped[0], true, "the first was dropped");
        NS_TEST_EXPECT_MSG_EQ((bench.requests->seen[0] == bench.requests->seen[1]),
                              true,
                              "the retransmission is the same packet");
        NS_TEST_EXPECT_MSG_EQ(+bench.log.retransmissions[0].first,
                              +bench.requests->seen[0][1],
                              "the trace names its Identifier");
        NS_TEST_EXPECT_MSG_EQ(bench.log.retransmissions[0].second, 1, "retry 1");
        // The exchange ends one RetransmitTimeout (2 s) later than without loss (< 20 ms).
        NS_TEST_EXPECT_MSG_GT_OR_EQ(alice.endedAt - alice.startedAt, Seconds(2), "waited 2 s");
        NS_TEST_EXPECT_MSG_LT(alice.endedAt - alice.startedAt, Seconds(2.1), "not more");
        NS_TEST_EXPECT_MSG_EQ(bench.server->GetCacheAnswers(), 0, "nothing from the cache");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Every Access-Request is lost: RetransmitTries (4) transmissions at charon's eap-radius
 * back-off, 2 s x 1.4^n, then TIMEOUT at 2 + 2.8 + 3.92 + 5.488 = 14.208 s.
 */
class RadiusTimeoutTestCase : public TestCase
{
  public:
    RadiusTimeoutTestCase()
        : TestCase("RADIUS: every try lost: four transmissions, TIMEOUT after 14.208 s")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        RadiusBench bench{BenchConfig()};
        bench.requests->dropAll = true;
        EapDriver& alice = bench.AddPeer(1, Md5Subscriber("alice@example.org", "alice-pw"));
        std::vector<Time> tries;
        bench.client->TraceConnectWithoutContext(
            "Tx",
            MakeBoundCallback(
                +[](std::vector<Time>* t, RadiusCode, uint8_t, uint32_t) {
                    t->push_back(Simulator::Now());
                },
                &tries));
        bench.Run();

        NS_TEST_EXPECT_MSG_EQ((alice.kinds == std::vector<Kind>{Kind::TIMEOUT}),
                              true,
                              "TIMEOUT, got " << KindsText(alice.kinds));
        NS_TEST_EXPECT_MSG_EQ(
            (alice.last.reason.find("after 4 transmissions") != std::string::npos),
            true,
            "reason: " << alice.last.reason);
        NS_TEST_EXPECT_MSG_EQ(alice.endedAt - alice.startedAt,
                              MilliSeconds(14208),
                              "2 + 2.8 + 3.92 + 5.488 s");
        NS_TEST_ASSERT_MSG_EQ(tries.size(), 4, "four transmissions");
        if (tries.size() != 4)
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(tries[1] - tries[0], Seconds(2), "first timeout");
        NS_TEST_EXPECT_MSG_EQ(tries[2] - tries[1], MilliSeconds(2800), "x 1.4");
        NS_TEST_EXPECT_MSG_EQ(tries[3] - tries[2], MilliSeconds(3920), "x 1.4 again");
        NS_TEST_EXPECT_MSG_EQ(bench.client->GetRetransmissions(), 3, "three retransmissions");
        NS_TEST_EXPECT_MSG_EQ(bench.requests->seen.size(), 4, "all four reached the link");
        NS_TEST_EXPECT_MSG_EQ(bench.client->GetSessionCount(), 0, "session closed");
        NS_TEST_EXPECT_MSG_EQ(bench.client->GetOutstandingCount(), 0, "Identifier freed");
        NS_TEST_EXPECT_MSG_EQ(bench.server->GetRequestsProcessed(), 0, "the AAA saw nothing");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The AAA's first reply is spoilt on the link (one test per way): the client drops it and
 * counts the reason, retransmits, gets the cached reply and ACCEPTs. With every reply spoilt the
 * session times out, each reply counted.
 */
class RadiusBadReplyTestCase : public TestCase
{
  public:
    /**
     * \param tamper how the reply is spoilt
     * \param reason the discard reason the client must count
     * \param all spoil every reply (TIMEOUT) rather than the first
     */
    RadiusBadReplyTestCase(RadiusTap::Tamper tamper, const std::string& reason, bool all)
        : TestCase("RADIUS: a reply that must not be taken (" + reason + ") is dropped" +
                   (all ? ", every time: TIMEOUT" : ", the retransmission succeeds")),
          m_tamper(tamper),
          m_reason(reason),
          m_all(all)
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        RadiusBench bench{BenchConfig()};
        bench.replies->tamper = m_tamper;
        bench.replies->spoil = {0};
        bench.replies->spoilAll = m_all;
        EapDriver& alice = bench.AddPeer(1, Md5Subscriber("alice@example.org", "alice-pw"));
        bench.Run();

        std::ostringstream discards;
        for (const auto& [reason, n] : bench.client->GetDiscards())
        {
            discards << reason << " x" << n << "; ";
        }
        if (m_all)
        {
            NS_TEST_EXPECT_MSG_EQ((alice.kinds == std::vector<Kind>{Kind::TIMEOUT}),
                                  true,
                                  "TIMEOUT, got " << KindsText(alice.kinds));
            NS_TEST_EXPECT_MSG_EQ(bench.log.ClientDiscards(m_reason),
                                  4,
                                  "each of the four replies dropped: " << discards.str());
            NS_TEST_EXPECT_MSG_EQ(bench.server->GetCacheAnswers(), 3, "three from the cache");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ((alice.kinds == std::vector<Kind>{Kind::CHALLENGE, Kind::ACCEPT}),
                                  true,
                                  "ACCEPT after the retransmission, got "
                                      << KindsText(alice.kinds));
            NS_TEST_EXPECT_MSG_EQ(bench.log.ClientDiscards(m_reason),
                                  1,
                                  "the spoilt reply dropped: " << discards.str());
            NS_TEST_EXPECT_MSG_EQ(bench.client->GetRetransmissions(), 1, "one retransmission");
            NS_TEST_EXPECT_MSG_EQ(bench.server->GetCacheAnswers(), 1, "answered from the cache");
        }
        const auto it = bench.client->GetDiscards().find(m_reason);
        NS_TEST_EXPECT_MSG_EQ((it != bench.client->GetDiscards().end() &&
                               it->second == bench.log.ClientDiscards(m_reason)),
                              true,
                              "GetDiscards() agrees with the trace: " << discards.str());
        NS_TEST_EXPECT_MSG_EQ(bench.client->GetDiscards().size(),
                              1,
                              "no other reason: " << discards.str());
        NS_TEST_EXPECT_MSG_EQ(bench.server->GetRequestsProcessed(),
                              (m_all ? 1 : 2),
                              "the AAA's EAP server saw each request once");
    }

    RadiusTap::Tamper m_tamper; ///< how
    std::string m_reason;       ///< expected discard reason
    bool m_all;                 ///< every reply
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The Access-Challenge is lost on the way back: the client's retransmission is answered
 * from the AAA's reply cache (RFC 5080 §2.2.2) with the same octets, and the EAP server does not
 * see the request twice.
 */
class RadiusReplyCacheTestCase : public TestCase
{
  public:
    RadiusReplyCacheTestCase()
        : TestCase("RADIUS: a retransmitted request is answered from the AAA's cache, not "
                   "processed twice")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        RadiusBench bench{BenchConfig()};
        bench.replies->drop = {0};
        std::vector<std::pair<Ipv6Address, uint8_t>> cached;
        bench.server->TraceConnectWithoutContext(
            "CacheAnswer",
            MakeBoundCallback(
                +[](std::vector<std::pair<Ipv6Address, uint8_t>>* c,
                    const Ipv6Address& from,
                    uint8_t identifier) { c->emplace_back(from, identifier); },
                &cached));
        EapDriver& alice = bench.AddPeer(1, Md5Subscriber("alice@example.org", "alice-pw"));
        bench.Run();

        NS_TEST_EXPECT_MSG_EQ((alice.kinds == std::vector<Kind>{Kind::CHALLENGE, Kind::ACCEPT}),
                              true,
                              "ACCEPT, got " << KindsText(alice.kinds));
        NS_TEST_EXPECT_MSG_EQ(bench.client->GetRetransmissions(), 1, "one retransmission");
        NS_TEST_EXPECT_MSG_EQ(bench.server->GetCacheAnswers(), 1, "one answer from the cache");
        NS_TEST_ASSERT_MSG_EQ(cached.size(), 1, "one CacheAnswer trace");
        if (cached.size() != 1)
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(cached[0].first, GATEWAY, "for the gateway");
        NS_TEST_EXPECT_MSG_EQ(bench.server->GetRequestsProcessed(),
                              2,
                              "two requests through EAP (Identity, MD5), not three");
        NS_TEST_EXPECT_MSG_EQ(bench.log.sessions.size(), 2, "one session opened and closed");
        const auto challenges = RadiusBench::OfCode(*bench.replies, RadiusCode::ACCESS_CHALLENGE);
        NS_TEST_ASSERT_MSG_EQ(challenges.size(), 2, "the Challenge twice on the link");
        if (challenges.size() != 2)
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ((challenges[0] == challenges[1]),
                              true,
                              "the same octets (same State, same EAP Request)");
        NS_TEST_EXPECT_MSG_EQ(+cached[0].second, +challenges[0][1], "for that Identifier");
        NS_TEST_EXPECT_MSG_EQ(bench.log.serverTx,
                              3,
                              "three replies: the Challenge twice, the Accept");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Requests the AAA must drop silently: signed with another secret (RFC 3579 §3.2), or
 * from an address it has no client for (RFC 2865 §3); the client times out.
 */
class RadiusServerDiscardTestCase : public TestCase
{
  public:
    /// \param unknownClient the AAA knows the gateway by another address (else: wrong secret)
    explicit RadiusServerDiscardTestCase(bool unknownClient)
        : TestCase(std::string("RADIUS: the AAA drops requests ") +
                   (unknownClient ? "from an unknown client" : "signed with another secret")),
          m_unknownClient(unknownClient)
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        BenchConfig config;
        const std::string reason = m_unknownClient
                                       ? "unknown client"
                                       : "Message-Authenticator does not verify (RFC 3579 §3.2)";
        if (m_unknownClient)
        {
            config.registeredAs = Ipv6Address("fd00:a::99");
        }
        else
        {
            config.clientSecret = "the-gateways-idea";
        }
        RadiusBench bench(config);
        EapDriver& alice = bench.AddPeer(1, Md5Subscriber("alice@example.org", "alice-pw"));
        bench.Run();

        NS_TEST_EXPECT_MSG_EQ((alice.kinds == std::vector<Kind>{Kind::TIMEOUT}),
                              true,
                              "TIMEOUT, got " << KindsText(alice.kinds));
        NS_TEST_EXPECT_MSG_EQ(bench.log.serverDiscards.size(), 4, "four requests dropped");
        NS_TEST_EXPECT_MSG_EQ(
            std::count(bench.log.serverDiscards.begin(), bench.log.serverDiscards.end(), reason),
            4,
            "each for: " << reason);
        const auto it = bench.server->GetDiscards().find(reason);
        NS_TEST_EXPECT_MSG_EQ((it != bench.server->GetDiscards().end() && it->second == 4),
                              true,
                              "counted in GetDiscards()");
        NS_TEST_EXPECT_MSG_EQ(bench.log.serverTx, 0, "no reply");
        NS_TEST_EXPECT_MSG_EQ(bench.server->GetRequestsProcessed(), 0, "no EAP");
    }

    bool m_unknownClient; ///< which way
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The AAA forgets a session idle for SessionTimeout: the peer's late Response, with the
 * State of the expired session, gets Access-Reject.
 */
class RadiusSessionExpiryTestCase : public TestCase
{
  public:
    RadiusSessionExpiryTestCase()
        : TestCase("RADIUS: an AAA session idle beyond SessionTimeout expires; its State is "
                   "refused")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        BenchConfig config;
        config.sessionTimeout = Seconds(1);
        RadiusBench bench(config);
        EapDriver& slow = bench.AddPeer(1, Md5Subscriber("alice@example.org", "alice-pw"));
        slow.continueDelay = MilliSeconds(1500);
        bench.Run();

        NS_TEST_EXPECT_MSG_EQ((slow.kinds == std::vector<Kind>{Kind::CHALLENGE, Kind::REJECT}),
                              true,
                              "CHALLENGE then REJECT, got " << KindsText(slow.kinds));
        NS_TEST_EXPECT_MSG_EQ((slow.last.reason.find("State") != std::string::npos),
                              true,
                              "because of the State: " << slow.last.reason);
        NS_TEST_ASSERT_MSG_EQ(bench.log.sessions.size(), 2, "opened, expired");
        if (bench.log.sessions.size() != 2)
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(bench.log.sessions[1].second, "expired", "Session trace");
        NS_TEST_EXPECT_MSG_EQ(bench.server->GetRequestsProcessed(), 1, "only the Identity");
        NS_TEST_EXPECT_MSG_EQ(bench.log.accepts.size(), 0, "no Accept");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief With the testbed-2008 profile both nodes charge their RADIUS work: the gateway
 * radius.packet_processing per packet built or read and the HMAC-MD5 of the
 * Message-Authenticator, the AAA aaa.radius_processing per request, aaa.database_lookup once per
 * session; the exchange takes exactly that work longer than with the zero profile.
 */
class RadiusCostTestCase : public TestCase
{
  public:
    RadiusCostTestCase()
        : TestCase("RADIUS: work charged on both nodes' clocks, the exchange longer by exactly "
                   "that work")
    {
    }

  private:
    /**
     * \param profile the profile
     * \param log [out] the traces
     * \param aka EAP-AKA rather than EAP-MD5
     * \return the session's duration
     */
    Time RunOnce(const std::string& profile, BenchLog& log, bool aka = false)
    {
        CxtpTestIsolation isolation;
        BenchConfig config;
        config.profile = profile;
        const EapCredentials subscriber = aka ? AkaSubscriber("0001010000000002@aka.example.org")
                                              : Md5Subscriber("alice@example.org", "alice-pw");
        config.subscribers = {subscriber};
        config.subscribers[0].akaSqn = 0x20;
        RadiusBench bench(config);
        EapDriver& alice = bench.AddPeer(1, subscriber);
        bench.Run();
        log = bench.log;
        NS_TEST_EXPECT_MSG_EQ((alice.kinds == std::vector<Kind>{Kind::CHALLENGE, Kind::ACCEPT}),
                              true,
                              profile << ": ACCEPT, got " << KindsText(alice.kinds));
        return alice.endedAt - alice.startedAt;
    }

    void DoRun() override
    {
        BenchLog zero;
        BenchLog costly;
        const Time fast = RunOnce("zero", zero);
        const Time slow = RunOnce("testbed-2008", costly);

        NS_TEST_EXPECT_MSG_EQ(costly.gatewayCosts["radius.packet_processing"],
                              4,
                              "gateway: two requests built, two responses read");
        NS_TEST_EXPECT_MSG_EQ(costly.gatewayCosts["prf.hmac_md5"],
                              4,
                              "gateway: a Message-Authenticator per packet");
        NS_TEST_EXPECT_MSG_EQ(costly.aaaCosts["aaa.radius_processing"], 2, "AAA: two requests");
        NS_TEST_EXPECT_MSG_EQ(costly.aaaCosts["aaa.database_lookup"], 1, "AAA: one new session");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(costly.aaaCosts["prf.hmac_md5"],
                                    4,
                                    "AAA: verify and sign per request");
        NS_TEST_EXPECT_MSG_EQ(zero.gatewayWork + zero.aaaWork, Time(0), "zero costs nothing");
        // gateway: 4 x 0.1 ms + 4 HMACs; AAA: 2 x 0.5 ms + 1 ms + HMACs.
        NS_TEST_EXPECT_MSG_GT(costly.gatewayWork, MicroSeconds(400), "gateway work");
        NS_TEST_EXPECT_MSG_GT(costly.aaaWork, MilliSeconds(2), "AAA work");
        // One request at a time, nothing overlaps: the work adds to the network time.
        NS_TEST_EXPECT_MSG_EQ(slow - fast,
                              costly.gatewayWork + costly.aaaWork,
                              "longer by exactly the work booked on both clocks");

        // EAP-AKA: the AuC's Milenage and the AT_MAC HMAC-SHA1s are the AAA's work, recorded on
        // its meter; the gateway only relays.
        BenchLog aka;
        RunOnce("testbed-2008", aka, true);
        NS_TEST_EXPECT_MSG_EQ(aka.aaaCosts["aka.milenage"], 1, "AAA: one authentication vector");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(aka.aaaCosts["prf.hmac_sha1"], 2, "AAA: AT_MAC made, checked");
        NS_TEST_EXPECT_MSG_EQ(aka.gatewayCosts.count("aka.milenage"), 0, "none on the gateway");
        NS_TEST_EXPECT_MSG_EQ(aka.gatewayCosts.count("prf.hmac_sha1"), 0, "no AT_MAC there");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The RADIUS client and the AAA server end to end.
 */
class RadiusClientServerTestSuite : public TestSuite
{
  public:
    RadiusClientServerTestSuite()
        : TestSuite("cxtp-ipsec-radius-aaa", TestSuite::SYSTEM)
    {
        using Tamper = RadiusTap::Tamper;
        AddTestCase(new RadiusMd5AcceptTestCase, TestCase::QUICK);
        AddTestCase(new RadiusMd5RejectTestCase, TestCase::QUICK);
        AddTestCase(new RadiusAkaAcceptTestCase, TestCase::QUICK);
        AddTestCase(new RadiusRequestLossTestCase, TestCase::QUICK);
        AddTestCase(new RadiusTimeoutTestCase, TestCase::QUICK);
        AddTestCase(new RadiusBadReplyTestCase(Tamper::WRONG_SECRET,
                                               "Response Authenticator does not verify (RFC "
                                               "2865 §3)",
                                               false),
                    TestCase::QUICK);
        AddTestCase(new RadiusBadReplyTestCase(Tamper::WRONG_SECRET,
                                               "Response Authenticator does not verify (RFC "
                                               "2865 §3)",
                                               true),
                    TestCase::QUICK);
        AddTestCase(new RadiusBadReplyTestCase(Tamper::BAD_MESSAGE_AUTHENTICATOR,
                                               "Message-Authenticator does not verify (RFC 3579 "
                                               "§3.2)",
                                               false),
                    TestCase::QUICK);
        AddTestCase(
            new RadiusBadReplyTestCase(Tamper::WRONG_IDENTIFIER, "no outstanding request", false),
            TestCase::QUICK);
        AddTestCase(
            new RadiusBadReplyTestCase(Tamper::BAD_LENGTH, "malformed RADIUS packet", false),
            TestCase::QUICK);
        AddTestCase(new RadiusReplyCacheTestCase, TestCase::QUICK);
        AddTestCase(new RadiusServerDiscardTestCase(false), TestCase::QUICK);
        AddTestCase(new RadiusServerDiscardTestCase(true), TestCase::QUICK);
        AddTestCase(new RadiusSessionExpiryTestCase, TestCase::QUICK);
        AddTestCase(new RadiusCostTestCase, TestCase::QUICK);
    }
};

static RadiusClientServerTestSuite g_radiusClientServerTestSuite; ///< registers the suite
