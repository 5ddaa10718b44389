/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Tests of the EAP peer and server (RFC 3748 §4-§5, RFC 4137) with their methods: EapPeer
// against EapServer in memory, every packet through EapCodec::Encode and EapCodec::Decode on
// each hop. EAP-MD5 (§5.4): success, a wrong password. The conversation rules: duplicate
// Requests answered identically (§4.1), wrong Identifiers discarded, a Legacy Nak (§5.3.1) for
// a method the server does not run, an unknown identity, malformed packets.

#include "cxtp-test-hex.h"
#include "cxtp-test-isolation.h"

#include "ns3/crypto-random.h"
#include "ns3/eap-codec.h"
#include "ns3/eap-md5-method.h"
#include "ns3/eap-peer.h"
#include "ns3/eap-server.h"
#include "ns3/eap-subscriber-database.h"
#include "ns3/test.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// A byte string.
using Bytes = std::vector<uint8_t>;

/// Identity of the test subscriber (an NAI, RFC 7542).
const std::string ALICE = "alice@example.org";

/**
 * \ingroup cxtp-ipsec-tests
 * \brief One packet of a conversation as it went on the wire.
 */
struct Hop
{
    bool toPeer{true}; ///< sent by the server (towards the peer)
    Bytes wire;        ///< the encoded packet, after any tampering
    EapPacket packet;  ///< as the receiver decoded it
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief What a conversation ended with.
 */
struct Outcome
{
    EapStatus peer{EapStatus::CONTINUE};   ///< the peer's last status
    EapStatus server{EapStatus::CONTINUE}; ///< the server's last status
    std::string peerReason;                ///< the peer's last reason
    std::string serverReason;              ///< the server's last reason
    std::vector<std::string> discards;     ///< reasons of discarded packets, in order
    std::vector<Hop> hops;                 ///< every packet, in order
    bool stalled{false};                   ///< a side discarded and nothing more was sent

    /// \return the codes and types of the hops, e.g. "Q1 R1 Q4 R4 S" (Q Request, R Response,
    ///         S Success, F Failure, followed by the Type)
    std::string Trace() const
    {
        std::string text;
        for (const Hop& h : hops)
        {
            std::string item;
            switch (h.packet.code)
            {
            case EapCode::REQUEST:
                item = "Q" + std::to_string(static_cast<int>(h.packet.type));
                break;
            case EapCode::RESPONSE:
                item = "R" + std::to_string(static_cast<int>(h.packet.type));
                break;
            case EapCode::SUCCESS:
                item = "S";
                break;
            case EapCode::FAILURE:
                item = "F";
                break;
            }
            text += (text.empty() ? "" : " ") + item;
        }
        return text;
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Changes a packet on the wire: called with the hop's index (0 for the first
 * Request/Identity), its direction and its octets, which it may modify.
 */
using Tamper = std::function<void(size_t index, bool toPeer, Bytes& wire)>;

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Runs one conversation: the authenticator's Request/Identity (Identifier 0) to the peer,
 * the peer's answer to EapServer::Start, then packets back and forth through the codec until
 * the server has ended and the peer has processed the end, or a side discards, or maxHops.
 * \param peer the peer
 * \param server the server
 * \param tamper optional change of the octets of a hop
 * \param maxHops the most packets
 * \return the outcome
 */
Outcome
Converse(EapPeer& peer, EapServer& server, const Tamper& tamper = nullptr, size_t maxHops = 24)
{
    Outcome o;
    // Encodes, tampers, decodes: false if the receiver's codec discards it.
    auto send = [&](const EapPacket& packet, bool toPeer, EapPacket& received) {
        Hop hop;
        hop.toPeer = toPeer;
        hop.wire = EapCodec::Encode(packet);
        if (tamper)
        {
            tamper(o.hops.size(), toPeer, hop.wire);
        }
        const WireDecodeResult decoded = EapCodec::Decode(hop.wire, hop.packet);
        o.hops.push_back(hop);
        if (!decoded.IsOk())
        {
            o.discards.push_back("codec: " + decoded.reason);
            return false;
        }
        received = hop.packet;
        return true;
    };
    EapPacket atPeer;
    EapPacket atServer;
    EapPacket response;
    EapPacket request;
    if (!send(EapCodec::MakeIdentity(EapCode::REQUEST, 0, ""), true, atPeer))
    {
        o.stalled = true;
        return o;
    }
    o.peer = peer.Process(atPeer, response, o.peerReason);
    if (o.peer != EapStatus::CONTINUE || response.code != EapCode::RESPONSE)
    {
        o.stalled = o.peer == EapStatus::CONTINUE;
        return o;
    }
    if (!send(response, false, atServer))
    {
        o.stalled = true;
        return o;
    }
    o.server = server.Start(atServer, request, o.serverReason);
    while (o.hops.size() < maxHops)
    {
        if (!send(request, true, atPeer))
        {
            o.stalled = true;
            return o;
        }
        o.peer = peer.Process(atPeer, response, o.peerReason);
        if (o.server != EapStatus::CONTINUE || o.peer != EapStatus::CONTINUE)
        {
            if (o.peer == EapStatus::CONTINUE && response.code != EapCode::RESPONSE)
            {
                o.discards.push_back("peer: " + o.peerReason);
                o.stalled = true;
            }
            return o;
        }
        if (response.code != EapCode::RESPONSE)
        {
            o.discards.push_back("peer: " + o.peerReason);
            o.stalled = true;
            return o;
        }
        if (!send(response, false, atServer))
        {
            o.stalled = true;
            return o;
        }
        const uint8_t outstanding = request.identifier;
        o.server = server.Process(atServer, request, o.serverReason);
        if (o.server == EapStatus::CONTINUE && !o.serverReason.empty())
        {
            // A discard: the server hands back the outstanding Request.
            o.discards.push_back("server: " + o.serverReason);
            if (request.identifier == outstanding)
            {
                o.stalled = true;
                return o;
            }
        }
    }
    return o;
}

/**
 * \param identity the identity
 * \param password the EAP-MD5 secret
 * \return EAP-MD5 credentials
 */
EapCredentials
Md5Credentials(const std::string& identity, const std::string& password)
{
    EapCredentials c;
    c.identity = identity;
    c.method = EapType::MD5_CHALLENGE;
    c.password.assign(password.begin(), password.end());
    return c;
}

/**
 * \param stream the stream of the random source
 * \return a random source on a fixed stream
 */
Ptr<CryptoRandom>
MakeRandom(int64_t stream)
{
    Ptr<CryptoRandom> rng = CreateObject<CryptoRandom>();
    rng->AssignStreams(stream);
    return rng;
}

/**
 * \param subscribers the subscribers
 * \return a database holding them
 */
Ptr<EapSubscriberDatabase>
MakeDatabase(const std::vector<EapCredentials>& subscribers)
{
    Ptr<EapSubscriberDatabase> db = CreateObject<EapSubscriberDatabase>();
    for (const auto& s : subscribers)
    {
        db->Add(s);
    }
    return db;
}

/**
 * \param text a text
 * \param part a part
 * \return true if part occurs in text
 */
bool
Contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief EapSubscriberDatabase: add, replace, find, remove; its TypeId.
 */
class EapSubscriberDatabaseTestCase : public TestCase
{
  public:
    EapSubscriberDatabaseTestCase()
        : TestCase("subscriber database adds, replaces, finds and removes by identity")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_EXPECT_MSG_EQ(EapSubscriberDatabase::GetTypeId().GetName(),
                              "ns3::EapSubscriberDatabase",
                              "TypeId name");
        NS_TEST_EXPECT_MSG_EQ(EapSubscriberDatabase::GetTypeId().GetGroupName(),
                              "CxtpIpsec",
                              "TypeId group");
        Ptr<EapSubscriberDatabase> db = CreateObject<EapSubscriberDatabase>();
        NS_TEST_EXPECT_MSG_EQ(db->GetN(), 0, "empty");
        NS_TEST_EXPECT_MSG_EQ((db->Find(ALICE) == nullptr), true, "nobody yet");
        db->Add(Md5Credentials(ALICE, "one"));
        db->Add(Md5Credentials("bob@example.org", "two"));
        NS_TEST_EXPECT_MSG_EQ(db->GetN(), 2, "two subscribers");
        db->Add(Md5Credentials(ALICE, "three")); // replaces
        NS_TEST_EXPECT_MSG_EQ(db->GetN(), 2, "a replacement adds nobody");
        EapCredentials* alice = db->Find(ALICE);
        NS_TEST_ASSERT_MSG_NE(alice, nullptr, "alice is there");
        if (alice == nullptr)
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(std::string(alice->password.begin(), alice->password.end()),
                              "three",
                              "the replacement's password");
        alice->akaSqn = 42; // entries are modified in place (EAP-AKA's SQN)
        NS_TEST_EXPECT_MSG_EQ(db->Find(ALICE)->akaSqn, 42, "modified in place");
        NS_TEST_EXPECT_MSG_EQ(db->Remove(ALICE), true, "removed");
        NS_TEST_EXPECT_MSG_EQ(db->Remove(ALICE), false, "not there any more");
        NS_TEST_EXPECT_MSG_EQ((db->Find(ALICE) == nullptr), true, "gone");
        NS_TEST_EXPECT_MSG_EQ(db->GetN(), 1, "bob stays");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief EAP-MD5 with the right password: Identity, MD5-Challenge, Success; no MSK.
 */
class EapMd5SuccessTestCase : public TestCase
{
  public:
    EapMd5SuccessTestCase()
        : TestCase("EAP-MD5: Identity, MD5-Challenge, Success, through the codec")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        EapPeer peer(Md5Credentials(ALICE, "secret"), MakeRandom(1));
        EapServer server(MakeDatabase({Md5Credentials(ALICE, "secret")}),
                         EapServerConfig{},
                         MakeRandom(2));
        Outcome o = Converse(peer, server);
        NS_TEST_EXPECT_MSG_EQ((o.server == EapStatus::SUCCESS), true, o.serverReason);
        NS_TEST_EXPECT_MSG_EQ((o.peer == EapStatus::SUCCESS), true, o.peerReason);
        NS_TEST_EXPECT_MSG_EQ(o.Trace(), "Q1 R1 Q4 R4 S", "the packets");
        NS_TEST_EXPECT_MSG_EQ(o.discards.size(), 0, "nothing discarded");
        NS_TEST_EXPECT_MSG_EQ(server.GetIdentity(), ALICE, "the server's identity");
        NS_TEST_EXPECT_MSG_EQ(peer.GetIdentity(), ALICE, "the peer's identity");
        NS_TEST_EXPECT_MSG_EQ(server.GetMsk().size(), 0, "EAP-MD5 makes no MSK");
        NS_TEST_EXPECT_MSG_EQ(peer.GetMsk().size(), 0, "EAP-MD5 makes no MSK");
        NS_TEST_ASSERT_MSG_EQ(o.hops.size(), 5, "five packets");
        if (o.hops.size() != 5)
        {
            return;
        }
        // Identifiers: the server counts up from the Response/Identity (RFC 3748 §4.1); the
        // Success carries the Identifier of the Response it answers (§4.2).
        NS_TEST_EXPECT_MSG_EQ(+o.hops[2].packet.identifier, 1, "MD5 Request Identifier");
        NS_TEST_EXPECT_MSG_EQ(+o.hops[3].packet.identifier, 1, "MD5 Response Identifier");
        NS_TEST_EXPECT_MSG_EQ(+o.hops[4].packet.identifier, 1, "Success Identifier");
        NS_TEST_EXPECT_MSG_EQ(o.hops[4].wire.size(), 4, "Success is 4 octets");
        EapMd5Challenge challenge;
        EapMd5Challenge answer;
        NS_TEST_EXPECT_MSG_EQ(EapMd5Method::Decode(o.hops[2].packet.typeData, challenge).reason,
                              "",
                              "challenge decodes");
        NS_TEST_EXPECT_MSG_EQ(EapMd5Method::Decode(o.hops[3].packet.typeData, answer).reason,
                              "",
                              "answer decodes");
        NS_TEST_EXPECT_MSG_EQ(challenge.value.size(), 16, "a 16-octet challenge");
        const std::string secret = "secret";
        NS_TEST_EXPECT_MSG_EQ(
            CxtpTestToHex(answer.value),
            CxtpTestToHex(EapMd5Method::ComputeResponse(1,
                                                        Bytes(secret.begin(), secret.end()),
                                                        challenge.value)),
            "MD5(Identifier | secret | challenge), RFC 1994 §4.1");
        NS_TEST_EXPECT_MSG_EQ(answer.name, ALICE, "the Name is the identity");

        // A second server draws another challenge.
        EapPeer peer2(Md5Credentials(ALICE, "secret"), MakeRandom(1));
        EapServer server2(MakeDatabase({Md5Credentials(ALICE, "secret")}),
                          EapServerConfig{},
                          MakeRandom(3));
        Outcome o2 = Converse(peer2, server2);
        NS_TEST_ASSERT_MSG_EQ(o2.hops.size(), 5, "five packets");
        if (o2.hops.size() == 5)
        {
            NS_TEST_EXPECT_MSG_NE(CxtpTestToHex(o2.hops[2].packet.typeData),
                                  CxtpTestToHex(o.hops[2].packet.typeData),
                                  "another stream, another challenge");
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief EAP-MD5 with a wrong password: Failure with the reason, at both ends.
 */
class EapMd5WrongPasswordTestCase : public TestCase
{
  public:
    EapMd5WrongPasswordTestCase()
        : TestCase("EAP-MD5: a wrong password ends in EAP-Failure with a reason")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        EapPeer peer(Md5Credentials(ALICE, "guess"), MakeRandom(1));
        EapServer server(MakeDatabase({Md5Credentials(ALICE, "secret")}),
                         EapServerConfig{},
                         MakeRandom(2));
        Outcome o = Converse(peer, server);
        NS_TEST_EXPECT_MSG_EQ((o.server == EapStatus::FAILURE), true, "server refuses");
        NS_TEST_EXPECT_MSG_EQ(o.serverReason, "EAP-MD5 response does not match", "the reason");
        NS_TEST_EXPECT_MSG_EQ((o.peer == EapStatus::FAILURE), true, "peer fails");
        NS_TEST_EXPECT_MSG_EQ(o.peerReason, "EAP-Failure received", "the peer's reason");
        NS_TEST_EXPECT_MSG_EQ(o.Trace(), "Q1 R1 Q4 R4 F", "the packets");
        NS_TEST_EXPECT_MSG_EQ(server.GetMsk().size(), 0, "no MSK");

        // After the end, both sides discard with a reason.
        EapPacket out;
        std::string reason;
        EapStatus status =
            server.Process({EapCode::RESPONSE, 1, EapType::MD5_CHALLENGE, {1}}, out, reason);
        NS_TEST_EXPECT_MSG_EQ((status == EapStatus::CONTINUE), true, "discarded");
        NS_TEST_EXPECT_MSG_EQ(Contains(reason, "ended"), true, reason);
        NS_TEST_EXPECT_MSG_EQ((out.code == EapCode::FAILURE), true, "the final Failure again");
        status = peer.Process({EapCode::REQUEST, 9, EapType::IDENTITY, {}}, out, reason);
        NS_TEST_EXPECT_MSG_EQ(
            (status == EapStatus::CONTINUE && out.typeData.empty() && out.code == EapCode::REQUEST),
            true,
            "the peer discards after the end");
        NS_TEST_EXPECT_MSG_EQ(Contains(reason, "ended"), true, reason);
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Duplicate Requests get the same Response (RFC 3748 §4.1); a Response with a stale
 * Identifier is discarded by the server, which hands back the outstanding Request.
 */
class EapDuplicateRequestTestCase : public TestCase
{
  public:
    EapDuplicateRequestTestCase()
        : TestCase("a duplicate Request is answered identically; stale Responses are discarded")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        EapPeer peer(Md5Credentials(ALICE, "secret"), MakeRandom(1));
        EapServer server(MakeDatabase({Md5Credentials(ALICE, "secret")}),
                         EapServerConfig{},
                         MakeRandom(2));
        EapPacket in;
        EapPacket response;
        EapPacket request;
        std::string reason;
        // Through the codec each time, as a retransmission would come.
        auto hop = [](const EapPacket& p) {
            EapPacket q;
            EapCodec::Decode(EapCodec::Encode(p), q);
            return q;
        };
        const EapPacket identityRequest = EapCodec::MakeIdentity(EapCode::REQUEST, 7, "");
        peer.Process(hop(identityRequest), response, reason);
        const Bytes identity1 = EapCodec::Encode(response);
        peer.Process(hop(identityRequest), response, reason);
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(EapCodec::Encode(response)),
                              CxtpTestToHex(identity1),
                              "duplicate Request/Identity, same Response");

        NS_TEST_EXPECT_MSG_EQ((server.Start(hop(response), request, reason) == EapStatus::CONTINUE),
                              true,
                              reason);
        NS_TEST_EXPECT_MSG_EQ(+request.identifier, 8, "the Identifier counts up");
        EapStatus first = peer.Process(hop(request), response, reason);
        const Bytes answer1 = EapCodec::Encode(response);
        EapStatus second = peer.Process(hop(request), response, reason);
        const Bytes answer2 = EapCodec::Encode(response);
        NS_TEST_EXPECT_MSG_EQ((first == EapStatus::CONTINUE && second == EapStatus::CONTINUE),
                              true,
                              "both answered");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(answer2),
                              CxtpTestToHex(answer1),
                              "duplicate MD5-Challenge, byte-identical Response");
        NS_TEST_EXPECT_MSG_EQ(answer1.size(), 5 + 1 + 16 + ALICE.size(), "a whole Response");

        // The server: a Response with another Identifier is discarded, the Request comes back.
        EapPacket stale = hop(response);
        stale.identifier = 3;
        EapPacket out;
        EapStatus status = server.Process(stale, out, reason);
        NS_TEST_EXPECT_MSG_EQ((status == EapStatus::CONTINUE), true, "discarded, not failed");
        NS_TEST_EXPECT_MSG_EQ(Contains(reason, "Identifier 3"), true, reason);
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(EapCodec::Encode(out)),
                              CxtpTestToHex(EapCodec::Encode(request)),
                              "the outstanding Request again");
        // The right one still succeeds.
        status = server.Process(hop(response), out, reason);
        NS_TEST_EXPECT_MSG_EQ((status == EapStatus::SUCCESS), true, reason);
        NS_TEST_EXPECT_MSG_EQ(+out.identifier, 8, "Success answers Response 8");
        NS_TEST_EXPECT_MSG_EQ((peer.Process(hop(out), response, reason) == EapStatus::SUCCESS),
                              true,
                              reason);

        // A Success or Failure whose Identifier is not our last Response's is discarded.
        EapPeer other(Md5Credentials(ALICE, "secret"), MakeRandom(1));
        other.Process(hop(identityRequest), response, reason);
        status = other.Process({EapCode::FAILURE, 99, EapType::NONE, {}}, response, reason);
        NS_TEST_EXPECT_MSG_EQ((status == EapStatus::CONTINUE), true, "Failure 99 discarded");
        NS_TEST_EXPECT_MSG_EQ(Contains(reason, "Identifier 99"), true, reason);
        // A Success before any method ran (the method has not authenticated the server).
        status = other.Process({EapCode::SUCCESS, 7, EapType::NONE, {}}, response, reason);
        NS_TEST_EXPECT_MSG_EQ((status == EapStatus::CONTINUE), true, "early Success discarded");
        NS_TEST_EXPECT_MSG_EQ(Contains(reason, "before the method"), true, reason);
        // The Failure with the right Identifier ends it.
        status = other.Process({EapCode::FAILURE, 7, EapType::NONE, {}}, response, reason);
        NS_TEST_EXPECT_MSG_EQ((status == EapStatus::FAILURE), true, "Failure 7 accepted");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Notification (§5.2) gets an empty Response; a Request for another method gets a Legacy
 * Nak naming ours (§5.3.1), and the server, which runs only the subscriber's method, fails.
 */
class EapNakTestCase : public TestCase
{
  public:
    EapNakTestCase()
        : TestCase("Notification answered; a Nak for a method the server does not run fails")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        EapPacket response;
        std::string reason;
        EapCredentials akaPeer;
        akaPeer.identity = ALICE;
        akaPeer.method = EapType::AKA;
        {
            EapPeer peer(akaPeer, MakeRandom(1));
            const std::string text = "maintenance at 3 am";
            EapStatus status = peer.Process(
                {EapCode::REQUEST, 4, EapType::NOTIFICATION, Bytes(text.begin(), text.end())},
                response,
                reason);
            NS_TEST_EXPECT_MSG_EQ((status == EapStatus::CONTINUE), true, "answered");
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(EapCodec::Encode(response)),
                                  "0204000502",
                                  "Response/Notification with no type-data (RFC 3748 §5.2)");
            status = peer.Process({EapCode::REQUEST, 5, EapType::NAK, {4}}, response, reason);
            NS_TEST_EXPECT_MSG_EQ((status == EapStatus::CONTINUE && response.typeData.empty()),
                                  true,
                                  "a Nak Request is discarded");
            NS_TEST_EXPECT_MSG_EQ(Contains(reason, "Nak"), true, reason);
        }

        // The peer holds EAP-AKA credentials, the server runs EAP-MD5 for this subscriber.
        EapPeer peer(akaPeer, MakeRandom(1));
        EapServer server(MakeDatabase({Md5Credentials(ALICE, "secret")}),
                         EapServerConfig{},
                         MakeRandom(2));
        Outcome o = Converse(peer, server);
        NS_TEST_EXPECT_MSG_EQ(o.Trace(), "Q1 R1 Q4 R3 F", "Nak, then Failure");
        NS_TEST_ASSERT_MSG_EQ(o.hops.size(), 5, "five packets");
        if (o.hops.size() == 5)
        {
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(o.hops[3].wire),
                                  "020100060317",
                                  "Legacy Nak desiring type 23 (EAP-AKA)");
        }
        NS_TEST_EXPECT_MSG_EQ((o.server == EapStatus::FAILURE), true, "server fails");
        NS_TEST_EXPECT_MSG_EQ(o.serverReason,
                              "peer Nak (desired types 23): the server runs only type 4 for " +
                                  ALICE,
                              "the reason");
        NS_TEST_EXPECT_MSG_EQ((o.peer == EapStatus::FAILURE), true, "peer fails");

        // A Nak that names the method the server runs restarts it once, then fails.
        EapServer again(MakeDatabase({Md5Credentials(ALICE, "secret")}),
                        EapServerConfig{},
                        MakeRandom(2));
        EapPacket request;
        again.Start(EapCodec::MakeIdentity(EapCode::RESPONSE, 0, ALICE), request, reason);
        EapStatus status =
            again.Process(EapCodec::MakeNak(1, {EapType::MD5_CHALLENGE}), request, reason);
        NS_TEST_EXPECT_MSG_EQ((status == EapStatus::CONTINUE), true, reason);
        NS_TEST_EXPECT_MSG_EQ((request.type == EapType::MD5_CHALLENGE && request.identifier == 2),
                              true,
                              "a new MD5-Challenge, Identifier 2");
        status = again.Process(EapCodec::MakeNak(2, {EapType::MD5_CHALLENGE}), request, reason);
        NS_TEST_EXPECT_MSG_EQ((status == EapStatus::FAILURE), true, "not a second time");
        NS_TEST_EXPECT_MSG_EQ(Contains(reason, "already restarted"), true, reason);
        // A malformed Nak (type 1 is not a method, §5.3.1).
        EapServer third(MakeDatabase({Md5Credentials(ALICE, "secret")}),
                        EapServerConfig{},
                        MakeRandom(2));
        third.Start(EapCodec::MakeIdentity(EapCode::RESPONSE, 0, ALICE), request, reason);
        status = third.Process({EapCode::RESPONSE, 1, EapType::NAK, {1}}, request, reason);
        NS_TEST_EXPECT_MSG_EQ((status == EapStatus::FAILURE && request.code == EapCode::FAILURE),
                              true,
                              "malformed Nak: Failure");
        NS_TEST_EXPECT_MSG_EQ(Contains(reason, "malformed Nak"), true, reason);
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief An identity the database does not hold, a start without Response/Identity, and a
 * method this build does not have end in EAP-Failure with a reason.
 */
class EapUnknownIdentityTestCase : public TestCase
{
  public:
    EapUnknownIdentityTestCase()
        : TestCase("an unknown identity ends in EAP-Failure with 'unknown identity <id>'")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        EapPeer peer(Md5Credentials("mallory@example.org", "secret"), MakeRandom(1));
        EapServer server(MakeDatabase({Md5Credentials(ALICE, "secret")}),
                         EapServerConfig{},
                         MakeRandom(2));
        Outcome o = Converse(peer, server);
        NS_TEST_EXPECT_MSG_EQ((o.server == EapStatus::FAILURE), true, "server refuses");
        NS_TEST_EXPECT_MSG_EQ(o.serverReason, "unknown identity mallory@example.org", "reason");
        NS_TEST_EXPECT_MSG_EQ(o.Trace(), "Q1 R1 F", "Failure right after the identity");
        NS_TEST_EXPECT_MSG_EQ((o.peer == EapStatus::FAILURE), true, "the peer takes it");
        NS_TEST_ASSERT_MSG_EQ(o.hops.size(), 3, "three packets");
        if (o.hops.size() == 3)
        {
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(o.hops[2].wire),
                                  "04000004",
                                  "Failure with the Identifier of the Response/Identity");
        }

        EapPacket out;
        std::string reason;
        EapServer notIdentity(MakeDatabase({Md5Credentials(ALICE, "secret")}),
                              EapServerConfig{},
                              MakeRandom(2));
        EapStatus status =
            notIdentity.Start({EapCode::RESPONSE, 3, EapType::NOTIFICATION, {}}, out, reason);
        NS_TEST_EXPECT_MSG_EQ((status == EapStatus::FAILURE && out.code == EapCode::FAILURE),
                              true,
                              "Start without an Identity");
        NS_TEST_EXPECT_MSG_EQ(Contains(reason, "Response/Identity"), true, reason);

        EapServer beforeStart(MakeDatabase({}), EapServerConfig{}, MakeRandom(2));
        status = beforeStart.Process({EapCode::RESPONSE, 1, EapType::IDENTITY, {}}, out, reason);
        NS_TEST_EXPECT_MSG_EQ((status == EapStatus::FAILURE), true, "Process before Start");

        EapCredentials tls = Md5Credentials(ALICE, "");
        tls.method = EapType::TLS;
        EapServer tlsServer(MakeDatabase({tls}), EapServerConfig{}, MakeRandom(2));
        status = tlsServer.Start(EapCodec::MakeIdentity(EapCode::RESPONSE, 0, ALICE), out, reason);
        NS_TEST_EXPECT_MSG_EQ((status == EapStatus::FAILURE), true, "no EAP-TLS here");
        NS_TEST_EXPECT_MSG_EQ(reason, "EAP-TLS not available", "the reason");
        EapPeer tlsPeer(tls, MakeRandom(1));
        status = tlsPeer.Process({EapCode::REQUEST, 1, EapType::TLS, {0x20}}, out, reason);
        NS_TEST_EXPECT_MSG_EQ((status == EapStatus::FAILURE), true, "no EAP-TLS peer");
        NS_TEST_EXPECT_MSG_EQ(reason, "EAP-TLS not available", "the peer's reason");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Malformed input: truncated MD5 type-data at either end, a Response of the wrong type,
 * a Request without Type-Data meaning, a packet whose Length exceeds what came; each ends in a
 * clean failure or a discard with a reason, never an abort.
 */
class EapMalformedInputTestCase : public TestCase
{
  public:
    EapMalformedInputTestCase()
        : TestCase("malformed packets fail or are discarded with a reason")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        // Peer: the MD5-Challenge type-data announces 16 octets and carries 3.
        {
            EapPeer peer(Md5Credentials(ALICE, "secret"), MakeRandom(1));
            EapServer server(MakeDatabase({Md5Credentials(ALICE, "secret")}),
                             EapServerConfig{},
                             MakeRandom(2));
            Outcome o = Converse(peer, server, [](size_t index, bool, Bytes& wire) {
                if (index == 2)
                {
                    wire.resize(5 + 1 + 3);
                    wire[3] = static_cast<uint8_t>(wire.size()); // a consistent EAP Length
                }
            });
            NS_TEST_EXPECT_MSG_EQ((o.peer == EapStatus::FAILURE), true, "peer gives up");
            NS_TEST_EXPECT_MSG_EQ(Contains(o.peerReason, "EAP-MD5 Request malformed"),
                                  true,
                                  o.peerReason);
            NS_TEST_EXPECT_MSG_EQ(Contains(o.peerReason, "Value-Size 16 exceeds"),
                                  true,
                                  o.peerReason);
        }
        // Server: the Response's type-data is cut after the Value-Size octet.
        {
            EapPeer peer(Md5Credentials(ALICE, "secret"), MakeRandom(1));
            EapServer server(MakeDatabase({Md5Credentials(ALICE, "secret")}),
                             EapServerConfig{},
                             MakeRandom(2));
            Outcome o = Converse(peer, server, [](size_t index, bool, Bytes& wire) {
                if (index == 3)
                {
                    wire.resize(5 + 1);
                    wire[3] = static_cast<uint8_t>(wire.size());
                }
            });
            NS_TEST_EXPECT_MSG_EQ((o.server == EapStatus::FAILURE), true, "server refuses");
            NS_TEST_EXPECT_MSG_EQ(Contains(o.serverReason, "EAP-MD5 Response malformed"),
                                  true,
                                  o.serverReason);
            NS_TEST_EXPECT_MSG_EQ(o.Trace(), "Q1 R1 Q4 R4 F", "Failure");
            NS_TEST_EXPECT_MSG_EQ((o.peer == EapStatus::FAILURE), true, "peer fails");
        }
        // Server: a Response Value of 15 octets, the right length for nothing.
        {
            EapServer server(MakeDatabase({Md5Credentials(ALICE, "secret")}),
                             EapServerConfig{},
                             MakeRandom(2));
            EapPacket request;
            std::string reason;
            server.Start(EapCodec::MakeIdentity(EapCode::RESPONSE, 0, ALICE), request, reason);
            EapMd5Challenge short15;
            short15.value.assign(15, 0xab);
            EapPacket out;
            EapStatus status = server.Process(
                {EapCode::RESPONSE, 1, EapType::MD5_CHALLENGE, EapMd5Method::Encode(short15)},
                out,
                reason);
            NS_TEST_EXPECT_MSG_EQ((status == EapStatus::FAILURE), true, "15 octets refused");
            NS_TEST_EXPECT_MSG_EQ(Contains(reason, "15 octets"), true, reason);
        }
        // Server: a Response of the wrong type is discarded; the Request comes again.
        {
            EapServer server(MakeDatabase({Md5Credentials(ALICE, "secret")}),
                             EapServerConfig{},
                             MakeRandom(2));
            EapPacket request;
            std::string reason;
            server.Start(EapCodec::MakeIdentity(EapCode::RESPONSE, 0, ALICE), request, reason);
            EapPacket out;
            EapStatus status =
                server.Process({EapCode::RESPONSE, 1, EapType::AKA, {1, 0, 0}}, out, reason);
            NS_TEST_EXPECT_MSG_EQ((status == EapStatus::CONTINUE), true, "wrong type discarded");
            NS_TEST_EXPECT_MSG_EQ(Contains(reason, "type 23 to a Request of type 4"), true, reason);
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(EapCodec::Encode(out)),
                                  CxtpTestToHex(EapCodec::Encode(request)),
                                  "the outstanding Request again");
            status = server.Process({EapCode::REQUEST, 1, EapType::MD5_CHALLENGE, {}}, out, reason);
            NS_TEST_EXPECT_MSG_EQ((status == EapStatus::CONTINUE), true, "a Request discarded");
            NS_TEST_EXPECT_MSG_EQ(Contains(reason, "a Response expected"), true, reason);
        }
        // Peer: a Response, and a Request with Type 0.
        {
            EapPeer peer(Md5Credentials(ALICE, "secret"), MakeRandom(1));
            EapPacket response;
            std::string reason;
            EapStatus status =
                peer.Process({EapCode::RESPONSE, 1, EapType::IDENTITY, {}}, response, reason);
            NS_TEST_EXPECT_MSG_EQ((status == EapStatus::CONTINUE && response.typeData.empty() &&
                                   response.code == EapCode::REQUEST),
                                  true,
                                  "a Response is discarded");
            NS_TEST_EXPECT_MSG_EQ(Contains(reason, "Response received by the peer"), true, reason);
            status = peer.Process({EapCode::REQUEST, 1, EapType::NONE, {}}, response, reason);
            NS_TEST_EXPECT_MSG_EQ(
                (status == EapStatus::CONTINUE && response.code == EapCode::REQUEST),
                true,
                "Type 0 discarded");
            NS_TEST_EXPECT_MSG_EQ(Contains(reason, "without a Type"), true, reason);
        }
        // On the wire: a Length beyond the octets received never reaches the peer.
        {
            EapPeer peer(Md5Credentials(ALICE, "secret"), MakeRandom(1));
            EapServer server(MakeDatabase({Md5Credentials(ALICE, "secret")}),
                             EapServerConfig{},
                             MakeRandom(2));
            Outcome o = Converse(peer, server, [](size_t index, bool, Bytes& wire) {
                if (index == 2)
                {
                    wire.resize(wire.size() - 4); // truncated, Length unchanged
                }
            });
            NS_TEST_EXPECT_MSG_EQ(o.stalled, true, "nothing more is sent");
            NS_TEST_ASSERT_MSG_EQ(o.discards.size(), 1, "one discard");
            if (o.discards.size() == 1)
            {
                NS_TEST_EXPECT_MSG_EQ(Contains(o.discards[0], "exceeds"), true, o.discards[0]);
            }
            NS_TEST_EXPECT_MSG_EQ(
                (o.peer == EapStatus::CONTINUE && o.server == EapStatus::CONTINUE),
                true,
                "neither side ended");
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief EapPeer and EapServer with their methods.
 */
class EapMethodsTestSuite : public TestSuite
{
  public:
    EapMethodsTestSuite()
        : TestSuite("cxtp-ipsec-eap-methods", TestSuite::UNIT)
    {
        AddTestCase(new EapSubscriberDatabaseTestCase, TestCase::QUICK);
        AddTestCase(new EapMd5SuccessTestCase, TestCase::QUICK);
        AddTestCase(new EapMd5WrongPasswordTestCase, TestCase::QUICK);
        AddTestCase(new EapDuplicateRequestTestCase, TestCase::QUICK);
        AddTestCase(new EapNakTestCase, TestCase::QUICK);
        AddTestCase(new EapUnknownIdentityTestCase, TestCase::QUICK);
        AddTestCase(new EapMalformedInputTestCase, TestCase::QUICK);
    }
};

static EapMethodsTestSuite g_eapMethodsTestSuite; ///< the suite's static instance
