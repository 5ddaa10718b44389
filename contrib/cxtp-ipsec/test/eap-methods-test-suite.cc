/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Tests of the EAP peer and server (RFC 3748 §4-§5, RFC 4137) with their methods: EapPeer
// against EapServer in memory, every packet through EapCodec::Encode and EapCodec::Decode on
// each hop. EAP-MD5 (§5.4): success, a wrong password. EAP-AKA (RFC 4187) with the K and OPc of
// 3GPP TS 35.208 test set 1 (test/vectors/milenage-vectors.txt): success with the MSK checked
// against EapAkaKeys::Derive on the Milenage outputs, the published set-1 outputs and the
// independently computed keys of test/vectors/eap-aka-keys-vectors.txt; a wrong K
// (Authentication-Reject), an SQN out of range (Synchronization-Failure, resynchronisation), a
// tampered AT_MAC or RES. The conversation rules: duplicate Requests answered identically
// (§4.1), wrong Identifiers discarded, a Legacy Nak (§5.3.1) for a method the server does not
// run, an unknown identity, malformed packets.

#include "cxtp-test-hex.h"
#include "cxtp-test-isolation.h"
#include "ikev2-test-vectors.h"

#include "ns3/crypto-milenage.h"
#include "ns3/crypto-random.h"
#include "ns3/crypto-work-meter.h"
#include "ns3/eap-aka-codec.h"
#include "ns3/eap-aka-keys.h"
#include "ns3/eap-aka-peer-method.h"
#include "ns3/eap-aka-server-method.h"
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

/// \return the Milenage vectors (TS 35.208 §4.3), read once
const Ikev2TestVectors&
MilenageVectors()
{
    static const Ikev2TestVectors vectors = Ikev2TestVectors::ReadFile("milenage-vectors.txt");
    return vectors;
}

/// \return the EAP-AKA key vectors (eap-aka-keys-vectors.py), read once
const Ikev2TestVectors&
AkaKeyVectors()
{
    static const Ikev2TestVectors vectors = Ikev2TestVectors::ReadFile("eap-aka-keys-vectors.txt");
    return vectors;
}

/// \param name a field of TS 35.208 test set 1 ("k", "opc", ...) \return its bytes
Bytes
Set1(const std::string& name)
{
    return MilenageVectors().Get("set1." + name);
}

/// \return the SQN of test set 1
uint64_t
Set1Sqn()
{
    return CryptoMilenage::SqnFromBytes(Set1("sqn"));
}

/**
 * \param identity the identity
 * \param sqn the SQN (server: the next; peer: SQN_MS)
 * \return EAP-AKA credentials with K, OPc and AMF of TS 35.208 test set 1
 */
EapCredentials
AkaCredentials(const std::string& identity, uint64_t sqn)
{
    EapCredentials c;
    c.identity = identity;
    c.method = EapType::AKA;
    c.akaK = Set1("k");
    c.akaOpc = Set1("opc");
    c.akaAmf = Set1("amf");
    c.akaSqn = sqn;
    return c;
}

/**
 * \param packet an EAP-AKA packet
 * \return its type-data decoded (empty message of Subtype 0 if it does not decode)
 */
EapAkaMessage
Aka(const EapPacket& packet)
{
    EapAkaMessage m;
    if (!EapAkaCodec::Decode(packet.typeData, m).IsOk())
    {
        m.subtype = static_cast<EapAkaSubtype>(0);
        m.attributes.clear();
    }
    return m;
}

/**
 * \param m an EAP-AKA message
 * \param type an attribute type
 * \return the attribute's value, empty if absent
 */
Bytes
AkaValue(const EapAkaMessage& m, EapAkaAttributeType type)
{
    for (const auto& a : m.attributes)
    {
        if (a.type == type)
        {
            return a.value;
        }
    }
    return {};
}

/**
 * \param m an EAP-AKA message
 * \param type an attribute type
 * \return the attribute's number field, or -1 if absent
 */
int
AkaNumber(const EapAkaMessage& m, EapAkaAttributeType type)
{
    for (const auto& a : m.attributes)
    {
        if (a.type == type)
        {
            return a.number;
        }
    }
    return -1;
}

/**
 * \param rand a RAND
 * \param identity the identity of the key derivation
 * \return the EAP-AKA keys for the K and OPc of test set 1 on that RAND, computed from the
 *         Milenage outputs f3 (CK) and f4 (IK) (RFC 4187 §7)
 */
EapAkaKeys::Keys
Set1Keys(const Bytes& rand, const std::string& identity)
{
    Bytes res;
    Bytes ck;
    Bytes ik;
    Bytes ak;
    CryptoMilenage(Set1("k"), Set1("opc")).F2345(rand, res, ck, ik, ak);
    return EapAkaKeys::Derive(identity, ik, ck);
}

/**
 * \param wire an encoded EAP packet
 * \param at offset of the octet to flip
 */
void
Flip(Bytes& wire, size_t at)
{
    if (at < wire.size())
    {
        wire[at] ^= 0x01;
    }
}

/**
 * \param wire an encoded EAP-AKA packet
 * \param type an attribute type
 * \return the offset of that attribute's value in the packet (after Reserved for AT_RAND,
 *         AT_AUTN, AT_MAC; after Type and Length for AT_AUTS; after RES Length for AT_RES), or
 *         the size of the packet if absent
 */
size_t
AkaValueOffset(const Bytes& wire, EapAkaAttributeType type)
{
    size_t at = EapCodec::HEADER + 1 + 3;
    while (at + 2 <= wire.size() && wire[at + 1] != 0)
    {
        if (wire[at] == static_cast<uint8_t>(type))
        {
            return type == EapAkaAttributeType::AT_AUTS ? at + 2 : at + 4;
        }
        at += wire[at + 1] * 4;
    }
    return wire.size();
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
 * \brief An identity the database does not hold, a start without Response/Identity, and
 * EAP-TLS without certificates end in EAP-Failure with a reason.
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

        // EAP-TLS without certificates: both ends fail with a reason at their first step.
        EapCredentials tls = Md5Credentials(ALICE, "");
        tls.method = EapType::TLS;
        EapServer tlsServer(MakeDatabase({tls}), EapServerConfig{}, MakeRandom(2));
        status = tlsServer.Start(EapCodec::MakeIdentity(EapCode::RESPONSE, 0, ALICE), out, reason);
        NS_TEST_EXPECT_MSG_EQ((status == EapStatus::FAILURE), true, "no server certificate");
        NS_TEST_EXPECT_MSG_EQ(reason,
                              "EAP-TLS server credentials unusable: no certificate of ours",
                              "the reason");
        EapPeer tlsPeer(tls, MakeRandom(1));
        status = tlsPeer.Process({EapCode::REQUEST, 1, EapType::TLS, {0x20}}, out, reason);
        NS_TEST_EXPECT_MSG_EQ((status == EapStatus::FAILURE), true, "no client certificate");
        NS_TEST_EXPECT_MSG_EQ(reason, "TLS session unusable: no certificate of ours", "the peer's");
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

/// \return the RFC 4187 permanent identity of eap-aka-keys-vectors.txt
std::string
AkaIdentity()
{
    const Bytes id = AkaKeyVectors().Get("aka.identity");
    return std::string(id.begin(), id.end());
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief EAP-AKA full authentication (RFC 4187 §3): Identity, AKA-Challenge, Success; the MSK
 * equal at both ends and to EapAkaKeys::Derive on the Milenage outputs of the RAND sent; the
 * AUTN, RES and AT_MAC on the wire; the SQNs; the Milenage and HMAC work recorded.
 */
class EapAkaSuccessTestCase : public TestCase
{
  public:
    EapAkaSuccessTestCase()
        : TestCase("EAP-AKA: success with the K and OPc of TS 35.208 set 1, MSK as RFC 4187 §7 "
                   "derives it")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        NS_TEST_ASSERT_MSG_EQ(Set1("k").size(), 16, "milenage-vectors.txt read");
        NS_TEST_ASSERT_MSG_EQ(AkaIdentity().empty(), false, "eap-aka-keys-vectors.txt read");
        if (Set1("k").size() != 16 || AkaIdentity().empty())
        {
            return;
        }
        const std::string identity = AkaIdentity();
        const uint64_t sqn = Set1Sqn();
        Ptr<EapSubscriberDatabase> db = MakeDatabase({AkaCredentials(identity, sqn)});
        EapPeer peer(AkaCredentials(identity, sqn - 1), MakeRandom(1));
        EapServer server(db, EapServerConfig{}, MakeRandom(2));
        CryptoWorkMeter meter;
        Outcome o;
        {
            CryptoWorkMeter::Scope scope(meter);
            o = Converse(peer, server);
        }
        NS_TEST_EXPECT_MSG_EQ((o.server == EapStatus::SUCCESS), true, o.serverReason);
        NS_TEST_EXPECT_MSG_EQ((o.peer == EapStatus::SUCCESS), true, o.peerReason);
        NS_TEST_EXPECT_MSG_EQ(o.Trace(), "Q1 R1 Q23 R23 S", "the packets");
        NS_TEST_ASSERT_MSG_EQ(o.hops.size(), 5, "five packets");
        if (o.hops.size() != 5)
        {
            return;
        }
        const EapAkaMessage challenge = Aka(o.hops[2].packet);
        const EapAkaMessage answer = Aka(o.hops[3].packet);
        NS_TEST_EXPECT_MSG_EQ((challenge.subtype == EapAkaSubtype::CHALLENGE), true, "Challenge");
        NS_TEST_EXPECT_MSG_EQ((answer.subtype == EapAkaSubtype::CHALLENGE), true, "its answer");
        const Bytes rand = AkaValue(challenge, EapAkaAttributeType::AT_RAND);
        NS_TEST_EXPECT_MSG_EQ(rand.size(), 16, "AT_RAND");

        // Expected values from the Milenage outputs of the RAND sent, K and OPc of set 1.
        Bytes res;
        Bytes ck;
        Bytes ik;
        Bytes ak;
        NS_TEST_EXPECT_MSG_EQ(CryptoMilenage(Set1("k"), Set1("opc")).F2345(rand, res, ck, ik, ak),
                              true,
                              "f2-f5");
        const EapAkaKeys::Keys keys = EapAkaKeys::Derive(identity, ik, ck);
        NS_TEST_EXPECT_MSG_EQ(server.GetMsk().size(), 64, "a 64-octet MSK");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(server.GetMsk()),
                              CxtpTestToHex(peer.GetMsk()),
                              "the same MSK at both ends");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(server.GetMsk()),
                              CxtpTestToHex(keys.msk),
                              "MSK = EapAkaKeys::Derive(identity, IK, CK).msk");
        // AUTN = SQN ⊕ AK | AMF | MAC-A (TS 33.102 §6.3.2) with the entry's SQN and AMF.
        const Bytes autn = AkaValue(challenge, EapAkaAttributeType::AT_AUTN);
        NS_TEST_ASSERT_MSG_EQ(autn.size(), 16, "AT_AUTN");
        if (autn.size() == 16)
        {
            Bytes concealed(autn.begin(), autn.begin() + 6);
            for (size_t i = 0; i < 6; ++i)
            {
                concealed[i] ^= ak[i];
            }
            NS_TEST_EXPECT_MSG_EQ(CryptoMilenage::SqnFromBytes(concealed), sqn, "SQN in AUTN");
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(Bytes(autn.begin() + 6, autn.begin() + 8)),
                                  CxtpTestToHex(Set1("amf")),
                                  "AMF in AUTN");
        }
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(AkaValue(answer, EapAkaAttributeType::AT_RES)),
                              CxtpTestToHex(res),
                              "AT_RES = f2(RAND)");
        NS_TEST_EXPECT_MSG_EQ(AkaNumber(answer, EapAkaAttributeType::AT_RES),
                              64,
                              "RES Length in bits (§10.8)");
        NS_TEST_EXPECT_MSG_EQ(EapAkaCodec::VerifyMac(o.hops[2].wire, keys.kAut, {}).reason,
                              "",
                              "the Challenge's AT_MAC, K_aut of §7");
        NS_TEST_EXPECT_MSG_EQ(EapAkaCodec::VerifyMac(o.hops[3].wire, keys.kAut, {}).reason,
                              "",
                              "the answer's AT_MAC");
        // The AuC advanced its SQN by one; the USIM stored the SQN it accepted.
        NS_TEST_EXPECT_MSG_EQ(db->Find(identity)->akaSqn, sqn + 1, "server's next SQN");
        NS_TEST_EXPECT_MSG_EQ(peer.GetCredentials().akaSqn, sqn, "peer's SQN_MS");
        // One Milenage run at each end, four HMAC-SHA1 (AT_MAC set and checked twice).
        size_t milenage = 0;
        size_t hmac = 0;
        for (const CryptoOperation& op : meter.GetOperations())
        {
            milenage += op.kind == CryptoOperation::Kind::MILENAGE ? 1 : 0;
            hmac += op.kind == CryptoOperation::Kind::HMAC ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_EQ(milenage, 2, "one vector and one USIM check");
        NS_TEST_EXPECT_MSG_EQ(hmac, 4, "AT_MAC computed twice and verified twice");

        // A second conversation with the state both ends kept: the next SQN is accepted.
        EapPeer again(peer.GetCredentials(), MakeRandom(3));
        EapServer server2(db, EapServerConfig{}, MakeRandom(4));
        Outcome o2 = Converse(again, server2);
        NS_TEST_EXPECT_MSG_EQ(o2.Trace(), "Q1 R1 Q23 R23 S", "a second authentication");
        NS_TEST_EXPECT_MSG_EQ(again.GetCredentials().akaSqn, sqn + 1, "SQN_MS advanced");
        NS_TEST_EXPECT_MSG_NE(CxtpTestToHex(server2.GetMsk()),
                              CxtpTestToHex(server.GetMsk()),
                              "a fresh RAND, a fresh MSK");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The two AKA methods, driven through the codec with RAND fixed to TS 35.208 test set
 * 1's and the set's SQN and AMF: AUTN, RES, CK and IK are the published (or, for AUTN,
 * independently computed) values, and MSK and EMSK those of test/vectors/eap-aka-keys-vectors.txt.
 */
class EapAkaVectorTestCase : public TestCase
{
  public:
    EapAkaVectorTestCase()
        : TestCase("EAP-AKA methods reproduce TS 35.208 set 1 and the independent key vectors")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        const std::string identity = AkaIdentity();
        NS_TEST_ASSERT_MSG_EQ((Set1("rand").size() == 16 && !identity.empty()),
                              true,
                              "vectors read");
        if (Set1("rand").size() != 16 || identity.empty())
        {
            return;
        }
        const uint64_t sqn = Set1Sqn();
        Ptr<EapSubscriberDatabase> db = MakeDatabase({AkaCredentials(identity, sqn)});
        EapCredentials usim = AkaCredentials(identity, sqn - 1);
        EapAkaServerMethod server(db, identity, MakeRandom(2));
        EapAkaPeerMethod peer(usim);
        server.SetNextRand(Set1("rand"));
        auto hop = [](const EapPacket& p) {
            EapPacket q;
            EapCodec::Decode(EapCodec::Encode(p), q);
            return q;
        };
        EapPacket request;
        std::string reason;
        NS_TEST_ASSERT_MSG_EQ((server.Start(5, request, reason) == EapStatus::CONTINUE),
                              true,
                              reason);
        const EapAkaMessage challenge = Aka(hop(request));
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(AkaValue(challenge, EapAkaAttributeType::AT_RAND)),
                              CxtpTestToHex(Set1("rand")),
                              "AT_RAND");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(AkaValue(challenge, EapAkaAttributeType::AT_AUTN)),
                              CxtpTestToHex(Set1("autn")),
                              "AT_AUTN = SQN ⊕ AK | AMF | MAC-A of set 1");
        EapPacket response;
        NS_TEST_EXPECT_MSG_EQ((peer.Process(hop(request), response, reason) == EapStatus::CONTINUE),
                              true,
                              reason);
        NS_TEST_EXPECT_MSG_EQ(reason, "", "no failure indication");
        const EapAkaMessage answer = Aka(hop(response));
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(AkaValue(answer, EapAkaAttributeType::AT_RES)),
                              CxtpTestToHex(Set1("f2")),
                              "AT_RES = f2 of set 1");
        EapPacket next;
        NS_TEST_EXPECT_MSG_EQ(
            (server.Process(hop(response), 6, next, reason) == EapStatus::SUCCESS),
            true,
            reason);
        const Ikev2TestVectors& v = AkaKeyVectors();
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(server.GetMsk()),
                              CxtpTestToHex(v.Get("aka.msk")),
                              "server MSK = aka.msk");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(peer.GetMsk()),
                              CxtpTestToHex(v.Get("aka.msk")),
                              "peer MSK = aka.msk");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(server.GetEmsk()),
                              CxtpTestToHex(v.Get("aka.emsk")),
                              "server EMSK = aka.emsk");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(peer.GetEmsk()),
                              CxtpTestToHex(v.Get("aka.emsk")),
                              "peer EMSK = aka.emsk");
        NS_TEST_EXPECT_MSG_EQ(EapAkaCodec::VerifyMac(hop(request), v.Get("aka.k_aut"), {}).reason,
                              "",
                              "the Challenge's AT_MAC with aka.k_aut");
        NS_TEST_EXPECT_MSG_EQ(usim.akaSqn, sqn, "the USIM took SQN of set 1");
        NS_TEST_EXPECT_MSG_EQ(peer.MayAcceptSuccess(), true, "the peer may accept Success");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief EAP-AKA with another K at the peer: the USIM refuses AUTN (MAC-A), the peer sends
 * AKA-Authentication-Reject (RFC 4187 §9.5), the server EAP-Failure; reasons at both ends.
 */
class EapAkaWrongKeyTestCase : public TestCase
{
  public:
    EapAkaWrongKeyTestCase()
        : TestCase("EAP-AKA: a wrong K at the peer gives Authentication-Reject and Failure")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        const uint64_t sqn = Set1Sqn();
        EapCredentials wrong = AkaCredentials(ALICE, sqn - 1);
        NS_TEST_ASSERT_MSG_EQ(wrong.akaK.size(), 16, "K");
        if (wrong.akaK.size() != 16)
        {
            return;
        }
        wrong.akaK[15] ^= 0x80;
        EapPeer peer(wrong, MakeRandom(1));
        Ptr<EapSubscriberDatabase> db = MakeDatabase({AkaCredentials(ALICE, sqn)});
        EapServer server(db, EapServerConfig{}, MakeRandom(2));
        Outcome o = Converse(peer, server);
        NS_TEST_EXPECT_MSG_EQ(o.Trace(), "Q1 R1 Q23 R23 F", "Reject, then Failure");
        NS_TEST_ASSERT_MSG_EQ(o.hops.size(), 5, "five packets");
        if (o.hops.size() == 5)
        {
            const EapAkaMessage reject = Aka(o.hops[3].packet);
            NS_TEST_EXPECT_MSG_EQ((reject.subtype == EapAkaSubtype::AUTHENTICATION_REJECT),
                                  true,
                                  "AKA-Authentication-Reject");
            NS_TEST_EXPECT_MSG_EQ(reject.attributes.size(), 0, "no attributes (§9.5)");
            NS_TEST_EXPECT_MSG_EQ(o.hops[3].wire.size(), 8, "header, Type, Subtype, Reserved");
        }
        NS_TEST_EXPECT_MSG_EQ((o.server == EapStatus::FAILURE), true, "server refuses");
        NS_TEST_EXPECT_MSG_EQ(Contains(o.serverReason, "AKA-Authentication-Reject"),
                              true,
                              o.serverReason);
        NS_TEST_EXPECT_MSG_EQ((o.peer == EapStatus::FAILURE), true, "peer fails");
        NS_TEST_EXPECT_MSG_EQ(Contains(o.peerReason, "EAP-Failure received after"),
                              true,
                              o.peerReason);
        NS_TEST_EXPECT_MSG_EQ(Contains(o.peerReason, "MAC failure"), true, o.peerReason);
        NS_TEST_EXPECT_MSG_EQ(peer.GetMsk().size(), 0, "no MSK at the peer");
        NS_TEST_EXPECT_MSG_EQ(server.GetMsk().size(), 0, "no MSK at the server");
        NS_TEST_EXPECT_MSG_EQ(peer.GetCredentials().akaSqn, sqn - 1, "SQN_MS unchanged");

        // A forged EAP-Success after the Reject is discarded: the method did not authenticate
        // the server (RFC 3748 §4.2).
        EapPeer victim(wrong, MakeRandom(1));
        EapServer aaa(MakeDatabase({AkaCredentials(ALICE, sqn)}), EapServerConfig{}, MakeRandom(2));
        EapPacket response;
        EapPacket request;
        std::string reason;
        victim.Process(EapCodec::MakeIdentity(EapCode::REQUEST, 0, ""), response, reason);
        aaa.Start(response, request, reason);
        victim.Process(request, response, reason);
        NS_TEST_EXPECT_MSG_EQ((Aka(response).subtype == EapAkaSubtype::AUTHENTICATION_REJECT),
                              true,
                              "rejected");
        EapStatus status =
            victim.Process({EapCode::SUCCESS, response.identifier, EapType::NONE, {}},
                           response,
                           reason);
        NS_TEST_EXPECT_MSG_EQ((status == EapStatus::CONTINUE), true, "forged Success discarded");
        NS_TEST_EXPECT_MSG_EQ(Contains(reason, "before the method authenticated"), true, reason);
        NS_TEST_EXPECT_MSG_EQ(victim.GetMsk().size(), 0, "no MSK");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief EAP-AKA with the USIM ahead of the AuC: AKA-Synchronization-Failure with AT_AUTS
 * (RFC 4187 §9.6), the AuC resynchronises (TS 33.102 §6.3.5) and the second challenge succeeds.
 * A second Synchronization-Failure, or an AUTS that does not verify, ends in a failure
 * AKA-Notification round and EAP-Failure.
 */
class EapAkaResyncTestCase : public TestCase
{
  public:
    EapAkaResyncTestCase()
        : TestCase("EAP-AKA: SQN out of range, Synchronization-Failure, resync, success")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        const uint64_t serverSqn = 1000;
        const uint64_t usimSqn = 5000;
        Ptr<EapSubscriberDatabase> db = MakeDatabase({AkaCredentials(ALICE, serverSqn)});
        EapPeer peer(AkaCredentials(ALICE, usimSqn), MakeRandom(1));
        EapServer server(db, EapServerConfig{}, MakeRandom(2));
        Outcome o = Converse(peer, server);
        NS_TEST_EXPECT_MSG_EQ(o.Trace(), "Q1 R1 Q23 R23 Q23 R23 S", "two challenges");
        NS_TEST_EXPECT_MSG_EQ((o.server == EapStatus::SUCCESS), true, o.serverReason);
        NS_TEST_EXPECT_MSG_EQ((o.peer == EapStatus::SUCCESS), true, o.peerReason);
        NS_TEST_ASSERT_MSG_EQ(o.hops.size(), 7, "seven packets");
        if (o.hops.size() != 7)
        {
            return;
        }
        const EapAkaMessage sync = Aka(o.hops[3].packet);
        NS_TEST_EXPECT_MSG_EQ((sync.subtype == EapAkaSubtype::SYNCHRONIZATION_FAILURE),
                              true,
                              "AKA-Synchronization-Failure");
        const Bytes auts = AkaValue(sync, EapAkaAttributeType::AT_AUTS);
        NS_TEST_EXPECT_MSG_EQ(auts.size(), 14, "AT_AUTS");
        uint64_t sqnMs = 0;
        const Bytes rand1 = AkaValue(Aka(o.hops[2].packet), EapAkaAttributeType::AT_RAND);
        NS_TEST_EXPECT_MSG_EQ(
            CryptoMilenage::AucResynchronise(Set1("k"), Set1("opc"), rand1, auts, sqnMs),
            true,
            "AUTS verifies");
        NS_TEST_EXPECT_MSG_EQ(sqnMs, usimSqn, "AUTS carries SQN_MS");
        const Bytes rand2 = AkaValue(Aka(o.hops[4].packet), EapAkaAttributeType::AT_RAND);
        NS_TEST_EXPECT_MSG_NE(CxtpTestToHex(rand2), CxtpTestToHex(rand1), "a fresh RAND");
        NS_TEST_EXPECT_MSG_EQ(+o.hops[4].packet.identifier, 2, "the next Identifier");
        NS_TEST_EXPECT_MSG_EQ(db->Find(ALICE)->akaSqn, usimSqn + 2, "SQN_MS + 1 used");
        NS_TEST_EXPECT_MSG_EQ(peer.GetCredentials().akaSqn, usimSqn + 1, "USIM took SQN_MS + 1");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(server.GetMsk()),
                              CxtpTestToHex(Set1Keys(rand2, ALICE).msk),
                              "MSK of the second challenge");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(peer.GetMsk()),
                              CxtpTestToHex(server.GetMsk()),
                              "the same at the peer");

        // The same Synchronization-Failure again (a second one in the conversation), and an
        // AUTS that does not verify: a failure Notification, then EAP-Failure.
        for (int variant = 0; variant < 2; ++variant)
        {
            Ptr<EapSubscriberDatabase> db2 = MakeDatabase({AkaCredentials(ALICE, serverSqn)});
            EapPeer usim(AkaCredentials(ALICE, usimSqn), MakeRandom(1));
            EapServer aaa(db2, EapServerConfig{}, MakeRandom(2));
            Outcome f = Converse(usim, aaa, [variant](size_t index, bool toPeer, Bytes& wire) {
                if (variant == 1 && index == 3 && !toPeer)
                {
                    Flip(wire, AkaValueOffset(wire, EapAkaAttributeType::AT_AUTS) + 13);
                }
            });
            if (variant == 0)
            {
                // Replay the first Synchronization-Failure with the Identifier of the new
                // challenge: the peer already accepted nothing, the AuC resynchronised once.
                NS_TEST_ASSERT_MSG_EQ(f.hops.size(), 7, "first run");
                if (f.hops.size() != 7)
                {
                    continue;
                }
                EapPacket replay = f.hops[3].packet;
                EapServer third(MakeDatabase({AkaCredentials(ALICE, serverSqn)}),
                                EapServerConfig{},
                                MakeRandom(2));
                EapPacket out;
                std::string reason;
                third.Start(EapCodec::MakeIdentity(EapCode::RESPONSE, 0, ALICE), out, reason);
                NS_TEST_EXPECT_MSG_EQ((third.Process(replay, out, reason) == EapStatus::CONTINUE),
                                      true,
                                      reason);
                replay.identifier = out.identifier;
                NS_TEST_EXPECT_MSG_EQ((third.Process(replay, out, reason) == EapStatus::CONTINUE),
                                      true,
                                      reason);
                const EapAkaMessage notification = Aka(out);
                NS_TEST_EXPECT_MSG_EQ((notification.subtype == EapAkaSubtype::NOTIFICATION),
                                      true,
                                      "a failure AKA-Notification");
                NS_TEST_EXPECT_MSG_EQ(AkaNumber(notification, EapAkaAttributeType::AT_NOTIFICATION),
                                      16384,
                                      "General failure (§10.19)");
                EapStatus end =
                    third.Process({EapCode::RESPONSE, out.identifier, EapType::AKA, {12, 0, 0}},
                                  out,
                                  reason);
                NS_TEST_EXPECT_MSG_EQ((end == EapStatus::FAILURE), true, "then Failure");
                NS_TEST_EXPECT_MSG_EQ(Contains(reason, "second AKA-Synchronization-Failure"),
                                      true,
                                      reason);
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ(f.Trace(), "Q1 R1 Q23 R23 Q23 R23 F", "Notification round");
                NS_TEST_EXPECT_MSG_EQ((f.server == EapStatus::FAILURE), true, "server refuses");
                NS_TEST_EXPECT_MSG_EQ(Contains(f.serverReason, "AUTS does not verify"),
                                      true,
                                      f.serverReason);
                NS_TEST_EXPECT_MSG_EQ((f.peer == EapStatus::FAILURE), true, "peer fails");
                NS_TEST_EXPECT_MSG_EQ(Contains(f.peerReason, "AKA-Notification code 16384"),
                                      true,
                                      f.peerReason);
                NS_TEST_EXPECT_MSG_EQ(db2->Find(ALICE)->akaSqn, serverSqn + 1, "no resync");
            }
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Tampering: AT_MAC of the Challenge (the peer answers AKA-Client-Error), AT_MAC of the
 * answer and RES under a valid AT_MAC (the server sends a failure AKA-Notification, then
 * EAP-Failure). Each ends with its reason.
 */
class EapAkaTamperTestCase : public TestCase
{
  public:
    EapAkaTamperTestCase()
        : TestCase("EAP-AKA: a tampered AT_MAC or RES ends in Failure with a reason")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        const uint64_t sqn = 77;
        // The Challenge's AT_MAC: the USIM accepts AUTN, the peer's AT_MAC check refuses.
        {
            EapPeer peer(AkaCredentials(ALICE, sqn - 1), MakeRandom(1));
            EapServer server(MakeDatabase({AkaCredentials(ALICE, sqn)}),
                             EapServerConfig{},
                             MakeRandom(2));
            Outcome o = Converse(peer, server, [](size_t index, bool, Bytes& wire) {
                if (index == 2)
                {
                    Flip(wire, AkaValueOffset(wire, EapAkaAttributeType::AT_MAC));
                }
            });
            NS_TEST_EXPECT_MSG_EQ(o.Trace(), "Q1 R1 Q23 R23 F", "Client-Error, Failure");
            if (o.hops.size() == 5)
            {
                const EapAkaMessage error = Aka(o.hops[3].packet);
                NS_TEST_EXPECT_MSG_EQ((error.subtype == EapAkaSubtype::CLIENT_ERROR),
                                      true,
                                      "AKA-Client-Error");
                NS_TEST_EXPECT_MSG_EQ(AkaNumber(error, EapAkaAttributeType::AT_CLIENT_ERROR_CODE),
                                      0,
                                      "unable to process packet");
            }
            NS_TEST_EXPECT_MSG_EQ((o.server == EapStatus::FAILURE), true, "server fails");
            NS_TEST_EXPECT_MSG_EQ(Contains(o.serverReason, "AKA-Client-Error code 0"),
                                  true,
                                  o.serverReason);
            NS_TEST_EXPECT_MSG_EQ((o.peer == EapStatus::FAILURE), true, "peer fails");
            NS_TEST_EXPECT_MSG_EQ(Contains(o.peerReason, "AT_MAC of the AKA-Challenge"),
                                  true,
                                  o.peerReason);
            NS_TEST_EXPECT_MSG_EQ(peer.GetMsk().size(), 0, "no MSK");
        }
        // The answer's AT_MAC.
        {
            EapPeer peer(AkaCredentials(ALICE, sqn - 1), MakeRandom(1));
            EapServer server(MakeDatabase({AkaCredentials(ALICE, sqn)}),
                             EapServerConfig{},
                             MakeRandom(2));
            Outcome o = Converse(peer, server, [](size_t index, bool, Bytes& wire) {
                if (index == 3)
                {
                    Flip(wire, AkaValueOffset(wire, EapAkaAttributeType::AT_MAC) + 15);
                }
            });
            NS_TEST_EXPECT_MSG_EQ(o.Trace(), "Q1 R1 Q23 R23 Q23 R23 F", "Notification round");
            if (o.hops.size() == 7)
            {
                const EapAkaMessage notification = Aka(o.hops[4].packet);
                NS_TEST_EXPECT_MSG_EQ((notification.subtype == EapAkaSubtype::NOTIFICATION),
                                      true,
                                      "AKA-Notification");
                NS_TEST_EXPECT_MSG_EQ(AkaNumber(notification, EapAkaAttributeType::AT_NOTIFICATION),
                                      16384,
                                      "General failure");
                NS_TEST_EXPECT_MSG_EQ(AkaValue(notification, EapAkaAttributeType::AT_MAC).size(),
                                      0,
                                      "P bit set: no AT_MAC");
                NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(o.hops[5].wire),
                                      "02020008170c0000",
                                      "Response/AKA-Notification, no attributes (§9.11)");
            }
            NS_TEST_EXPECT_MSG_EQ((o.server == EapStatus::FAILURE), true, "server refuses");
            NS_TEST_EXPECT_MSG_EQ(Contains(o.serverReason, "AT_MAC of the AKA-Challenge Response"),
                                  true,
                                  o.serverReason);
            NS_TEST_EXPECT_MSG_EQ((o.peer == EapStatus::FAILURE), true, "peer fails");
            NS_TEST_EXPECT_MSG_EQ(server.GetMsk().size(), 0, "no MSK at the server");
        }
        // RES changed, AT_MAC recomputed with the right K_aut: the RES check refuses.
        {
            EapPeer peer(AkaCredentials(ALICE, sqn - 1), MakeRandom(1));
            EapServer server(MakeDatabase({AkaCredentials(ALICE, sqn)}),
                             EapServerConfig{},
                             MakeRandom(2));
            Bytes kAut;
            Outcome o = Converse(peer, server, [&kAut](size_t index, bool, Bytes& wire) {
                EapPacket p;
                EapCodec::Decode(wire, p);
                if (index == 2)
                {
                    kAut = Set1Keys(AkaValue(Aka(p), EapAkaAttributeType::AT_RAND), ALICE).kAut;
                }
                else if (index == 3)
                {
                    Flip(wire, AkaValueOffset(wire, EapAkaAttributeType::AT_RES));
                    EapAkaCodec::SetMac(wire, kAut, {});
                }
            });
            NS_TEST_EXPECT_MSG_EQ(o.Trace(), "Q1 R1 Q23 R23 Q23 R23 F", "Notification round");
            NS_TEST_EXPECT_MSG_EQ((o.server == EapStatus::FAILURE), true, "server refuses");
            NS_TEST_EXPECT_MSG_EQ(Contains(o.serverReason, "RES does not match XRES"),
                                  true,
                                  o.serverReason);
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief A duplicate AKA-Challenge (same Identifier) gets the very same Response: the USIM is
 * not run again, which would refuse the SQN it already accepted.
 */
class EapAkaDuplicateTestCase : public TestCase
{
  public:
    EapAkaDuplicateTestCase()
        : TestCase("EAP-AKA: a duplicate Challenge is answered identically, not as a replay")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        EapPeer peer(AkaCredentials(ALICE, 9), MakeRandom(1));
        EapServer server(MakeDatabase({AkaCredentials(ALICE, 10)}),
                         EapServerConfig{},
                         MakeRandom(2));
        EapPacket response;
        EapPacket request;
        std::string reason;
        peer.Process(EapCodec::MakeIdentity(EapCode::REQUEST, 0, ""), response, reason);
        server.Start(response, request, reason);
        const Bytes wire = EapCodec::Encode(request);
        EapPacket in;
        EapCodec::Decode(wire, in);
        peer.Process(in, response, reason);
        const Bytes first = EapCodec::Encode(response);
        EapCodec::Decode(wire, in);
        peer.Process(in, response, reason);
        const Bytes second = EapCodec::Encode(response);
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(second), CxtpTestToHex(first), "the same Response");
        NS_TEST_EXPECT_MSG_EQ((Aka(response).subtype == EapAkaSubtype::CHALLENGE),
                              true,
                              "an AKA-Challenge answer, not a Synchronization-Failure");
        EapPacket out;
        NS_TEST_EXPECT_MSG_EQ((server.Process(response, out, reason) == EapStatus::SUCCESS),
                              true,
                              reason);
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Malformed EAP-AKA: truncated type-data at either end, a Challenge without AT_MAC,
 * an AKA-Identity Request (not modelled): AKA-Client-Error from the peer or a failure
 * Notification from the server, then EAP-Failure with a reason.
 */
class EapAkaMalformedTestCase : public TestCase
{
  public:
    EapAkaMalformedTestCase()
        : TestCase("EAP-AKA: malformed Requests and Responses fail cleanly with a reason")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        // Cut the last 4 octets of the Challenge (inside AT_MAC), EAP Length adjusted.
        auto truncate = [](Bytes& wire) {
            wire.resize(wire.size() - 4);
            wire[2] = static_cast<uint8_t>(wire.size() >> 8);
            wire[3] = static_cast<uint8_t>(wire.size());
        };
        {
            EapPeer peer(AkaCredentials(ALICE, 1), MakeRandom(1));
            EapServer server(MakeDatabase({AkaCredentials(ALICE, 2)}),
                             EapServerConfig{},
                             MakeRandom(2));
            Outcome o = Converse(peer, server, [&truncate](size_t index, bool, Bytes& wire) {
                if (index == 2)
                {
                    truncate(wire);
                }
            });
            NS_TEST_EXPECT_MSG_EQ(o.Trace(), "Q1 R1 Q23 R23 F", "Client-Error, Failure");
            NS_TEST_EXPECT_MSG_EQ(Contains(o.peerReason, "EAP-AKA Request malformed"),
                                  true,
                                  o.peerReason);
            NS_TEST_EXPECT_MSG_EQ(Contains(o.serverReason, "AKA-Client-Error"),
                                  true,
                                  o.serverReason);
            NS_TEST_EXPECT_MSG_EQ((o.peer == EapStatus::FAILURE && o.server == EapStatus::FAILURE),
                                  true,
                                  "both fail");
        }
        {
            EapPeer peer(AkaCredentials(ALICE, 1), MakeRandom(1));
            EapServer server(MakeDatabase({AkaCredentials(ALICE, 2)}),
                             EapServerConfig{},
                             MakeRandom(2));
            Outcome o = Converse(peer, server, [&truncate](size_t index, bool, Bytes& wire) {
                if (index == 3)
                {
                    truncate(wire);
                }
            });
            NS_TEST_EXPECT_MSG_EQ(o.Trace(), "Q1 R1 Q23 R23 Q23 R23 F", "Notification, Failure");
            NS_TEST_EXPECT_MSG_EQ(Contains(o.serverReason, "EAP-AKA Response malformed"),
                                  true,
                                  o.serverReason);
            NS_TEST_EXPECT_MSG_EQ((o.server == EapStatus::FAILURE), true, "server fails");
        }
        // Method-level: a Challenge without AT_MAC, an AKA-Identity Request, a bare Subtype.
        EapCredentials usim = AkaCredentials(ALICE, 1);
        EapAkaPeerMethod method(usim);
        EapPacket response;
        std::string reason;
        EapAkaMessage noMac{EapAkaSubtype::CHALLENGE,
                            {{EapAkaAttributeType::AT_RAND, Bytes(16, 1), 0},
                             {EapAkaAttributeType::AT_AUTN, Bytes(16, 2), 0}}};
        EapStatus status =
            method.Process({EapCode::REQUEST, 3, EapType::AKA, EapAkaCodec::Encode(noMac)},
                           response,
                           reason);
        NS_TEST_EXPECT_MSG_EQ(
            (status == EapStatus::CONTINUE && Aka(response).subtype == EapAkaSubtype::CLIENT_ERROR),
            true,
            "Client-Error");
        NS_TEST_EXPECT_MSG_EQ(Contains(reason, "without AT_RAND, AT_AUTN or AT_MAC"), true, reason);
        EapAkaMessage identity{EapAkaSubtype::IDENTITY,
                               {{EapAkaAttributeType::AT_PERMANENT_ID_REQ, {}, 0}}};
        status = method.Process({EapCode::REQUEST, 4, EapType::AKA, EapAkaCodec::Encode(identity)},
                                response,
                                reason);
        NS_TEST_EXPECT_MSG_EQ((Aka(response).subtype == EapAkaSubtype::CLIENT_ERROR),
                              true,
                              "no AKA-Identity round");
        NS_TEST_EXPECT_MSG_EQ(Contains(reason, "Subtype 5 not handled"), true, reason);
        status = method.Process({EapCode::REQUEST, 5, EapType::AKA, {1}}, response, reason);
        NS_TEST_EXPECT_MSG_EQ(
            (status == EapStatus::CONTINUE && Aka(response).subtype == EapAkaSubtype::CLIENT_ERROR),
            true,
            "one octet of type-data");
        NS_TEST_EXPECT_MSG_EQ(method.MayAcceptSuccess(), false, "nothing authenticated");
        NS_TEST_EXPECT_MSG_EQ(usim.akaSqn, 1, "SQN_MS untouched");
        // The server with a subscriber lacking OPc.
        EapCredentials broken = AkaCredentials(ALICE, 1);
        broken.akaOpc.clear();
        EapServer server(MakeDatabase({broken}), EapServerConfig{}, MakeRandom(2));
        EapPacket out;
        status = server.Start(EapCodec::MakeIdentity(EapCode::RESPONSE, 0, ALICE), out, reason);
        NS_TEST_EXPECT_MSG_EQ((status == EapStatus::FAILURE), true, "no vector without OPc");
        NS_TEST_EXPECT_MSG_EQ(Contains(reason, "lacks K or OPc"), true, reason);
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Every single-bit flip of every octet of the EAP-AKA Challenge and of its answer: no
 * abort, and the server never ends in SUCCESS on the altered packet (AT_MAC covers the whole
 * packet, AUTN and RES are checked); only a changed EAP Type of the Challenge leads to success,
 * through a Nak naming EAP-AKA and a fresh challenge. Every flip of the EAP-MD5 packets ends
 * cleanly too.
 */
class EapBitFlipTestCase : public TestCase
{
  public:
    EapBitFlipTestCase()
        : TestCase("single-bit flips never abort and never get an EAP-AKA peer accepted")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        size_t runs = 0;
        size_t accepted = 0;
        size_t unexplained = 0;
        size_t restarts = 0;
        for (size_t hopIndex : {2, 3})
        {
            for (size_t octet = 0; octet < 80; ++octet)
            {
                for (int bit = 0; bit < 8; ++bit)
                {
                    EapPeer peer(AkaCredentials(ALICE, 20), MakeRandom(1));
                    EapServer server(MakeDatabase({AkaCredentials(ALICE, 21)}),
                                     EapServerConfig{},
                                     MakeRandom(2));
                    bool flipped = false;
                    Outcome o = Converse(peer, server, [&](size_t index, bool, Bytes& wire) {
                        if (index == hopIndex && octet < wire.size())
                        {
                            wire[octet] ^= static_cast<uint8_t>(1 << bit);
                            flipped = true;
                        }
                    });
                    if (!flipped)
                    {
                        continue;
                    }
                    ++runs;
                    if (hopIndex == 2 && octet == EapCodec::HEADER)
                    {
                        // The Type octet: the peer sees another method and sends a Nak naming
                        // EAP-AKA, the server restarts EAP-AKA with a fresh challenge.
                        restarts += (o.Trace().find(" R3 Q23 R23 S") != std::string::npos &&
                                     o.peer == EapStatus::SUCCESS && peer.GetMsk().size() == 64 &&
                                     peer.GetMsk() == server.GetMsk())
                                        ? 1
                                        : 0;
                        continue;
                    }
                    accepted += o.server == EapStatus::SUCCESS ? 1 : 0;
                    // Each run ends in a failure with a reason, or a discard with a reason.
                    const bool explained =
                        (o.server == EapStatus::FAILURE && !o.serverReason.empty()) ||
                        (o.peer == EapStatus::FAILURE && !o.peerReason.empty()) ||
                        (o.stalled && !o.discards.empty());
                    unexplained += explained ? 0 : 1;
                }
            }
        }
        NS_TEST_EXPECT_MSG_EQ(runs, (68 + 40) * 8, "every bit of both packets flipped");
        NS_TEST_EXPECT_MSG_EQ(accepted, 0, "no flip gets the peer accepted");
        NS_TEST_EXPECT_MSG_EQ(restarts, 8, "a changed Type: Nak, a fresh challenge, success");
        NS_TEST_EXPECT_MSG_EQ(unexplained, 0, "every run ends with a reason");

        size_t md5Runs = 0;
        size_t md5Unexplained = 0;
        for (size_t hopIndex : {1, 2, 3})
        {
            for (size_t octet = 0; octet < 48; ++octet)
            {
                for (int bit = 0; bit < 8; ++bit)
                {
                    EapPeer peer(Md5Credentials(ALICE, "secret"), MakeRandom(1));
                    EapServer server(MakeDatabase({Md5Credentials(ALICE, "secret")}),
                                     EapServerConfig{},
                                     MakeRandom(2));
                    bool flipped = false;
                    Outcome o = Converse(peer, server, [&](size_t index, bool, Bytes& wire) {
                        if (index == hopIndex && octet < wire.size())
                        {
                            wire[octet] ^= static_cast<uint8_t>(1 << bit);
                            flipped = true;
                        }
                    });
                    md5Runs += flipped ? 1 : 0;
                    const bool success =
                        o.server == EapStatus::SUCCESS && o.peer == EapStatus::SUCCESS;
                    const bool explained =
                        success || (o.server == EapStatus::FAILURE && !o.serverReason.empty()) ||
                        (o.peer == EapStatus::FAILURE && !o.peerReason.empty()) ||
                        (o.stalled && !o.discards.empty());
                    md5Unexplained += flipped && !explained ? 1 : 0;
                }
            }
        }
        NS_TEST_EXPECT_MSG_EQ(md5Runs,
                              (5 + ALICE.size() + 5 + 17 + 5 + 17 + ALICE.size()) * 8,
                              "every bit of the Identity, Challenge and answer flipped");
        NS_TEST_EXPECT_MSG_EQ(md5Unexplained, 0, "every EAP-MD5 run ends cleanly");
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
        AddTestCase(new EapAkaSuccessTestCase, TestCase::QUICK);
        AddTestCase(new EapAkaVectorTestCase, TestCase::QUICK);
        AddTestCase(new EapAkaWrongKeyTestCase, TestCase::QUICK);
        AddTestCase(new EapAkaResyncTestCase, TestCase::QUICK);
        AddTestCase(new EapAkaTamperTestCase, TestCase::QUICK);
        AddTestCase(new EapAkaDuplicateTestCase, TestCase::QUICK);
        AddTestCase(new EapAkaMalformedTestCase, TestCase::QUICK);
        AddTestCase(new EapBitFlipTestCase, TestCase::QUICK);
    }
};

static EapMethodsTestSuite g_eapMethodsTestSuite; ///< the suite's static instance
