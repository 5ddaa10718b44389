/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Tests of EAP-TLS (RFC 5216): an EapTlsPeerMethod driven against an EapTlsServerMethod, every
// packet passed through EapCodec::Encode and Decode. The handshake at two fragment sizes, the
// MSK recomputed by hand from the master secret and the hello randoms seen on the wire (TLS 1.2
// PRF, RFC 5246 §5, written here on CryptoMac's HMAC and first checked against a published
// vector), certificates refused (revoked, unknown CA either way, expired at the simulation's
// clock), malformed or unexpected EAP-TLS input and unusable server credentials, the public-key
// work recorded and priced (RSA-2048 and RSA-1024), and reproducibility: the same seed gives the
// same packets byte for byte, another run others.

#include "cxtp-test-hex.h"
#include "cxtp-test-isolation.h"

#include "ns3/crypto-certificate-authority.h"
#include "ns3/crypto-cost-model.h"
#include "ns3/crypto-mac.h"
#include "ns3/crypto-random.h"
#include "ns3/crypto-work-meter.h"
#include "ns3/eap-codec.h"
#include "ns3/eap-credentials.h"
#include "ns3/eap-server.h"
#include "ns3/eap-tls-framing.h"
#include "ns3/eap-tls-peer-method.h"
#include "ns3/eap-tls-reassembler.h"
#include "ns3/eap-tls-server-method.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <cstdint>
#include <functional>
#include <iostream>
#include <memory>
#include <openssl/bn.h>
#include <openssl/x509.h>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

using Bytes = std::vector<uint8_t>;
using Kind = CryptoOperation::Kind;

/// The label of RFC 5216 §2.3.
const std::string KEY_LABEL = "client EAP encryption";

/**
 * \brief The TLS 1.2 PRF with SHA-256 (RFC 5246 §5): P_SHA256(secret, label || seed), written
 * here from the RFC on CryptoMac::Hmac, independently of OpenSSL's TLS code.
 * \param secret the secret
 * \param label the ASCII label
 * \param seed the seed
 * \param length octets wanted
 * \return the first \p length octets of P_SHA256
 */
Bytes
Prf(const Bytes& secret, const std::string& label, const Bytes& seed, size_t length)
{
    Bytes labelSeed(label.begin(), label.end());
    labelSeed.insert(labelSeed.end(), seed.begin(), seed.end());
    Bytes out;
    Bytes a = labelSeed; // A(0)
    while (out.size() < length)
    {
        a = CryptoMac::Hmac(CryptoHash::SHA2_256, secret, a); // A(i) = HMAC(secret, A(i-1))
        Bytes input = a;
        input.insert(input.end(), labelSeed.begin(), labelSeed.end());
        Bytes block = CryptoMac::Hmac(CryptoHash::SHA2_256, secret, input);
        out.insert(out.end(), block.begin(), block.end());
    }
    out.resize(length);
    return out;
}

/**
 * \param a first
 * \param b second
 * \return a || b
 */
Bytes
Concat(Bytes a, const Bytes& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

/**
 * \param text a string
 * \param part a substring
 * \return true if \p text contains \p part
 */
bool
Contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

/**
 * \param certificateDer a certificate
 * \return its serial number, big-endian octets without leading zeros
 */
Bytes
SerialOf(const Bytes& certificateDer)
{
    const unsigned char* p = certificateDer.data();
    X509* cert = d2i_X509(nullptr, &p, static_cast<long>(certificateDer.size()));
    Bytes serial;
    if (cert != nullptr)
    {
        BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr);
        serial.resize(BN_num_bytes(bn));
        BN_bn2bin(bn, serial.data());
        BN_free(bn);
        X509_free(cert);
    }
    return serial;
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The certificates of the tests, made once (RSA-2048 key generation is the slow part):
 * a root with an intermediate CA that issues the server's certificate, client certificates
 * issued by the root, and a rogue root that issues a client and a server certificate.
 */
struct TestPki
{
    TestPki()
    {
        // Keys come from the seed and run (CryptoCertificateAuthority::MakeRsaKey): fix them.
        const uint32_t seed = RngSeedManager::GetSeed();
        const uint64_t run = RngSeedManager::GetRun();
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        CryptoCertificateAuthority ca("eap-tls test root", 2048, "eap-tls test");
        const uint32_t intermediate = ca.AddIntermediate("eap-tls test server CA");
        root = ca.GetRootCertificate();
        server = ca.IssueEndEntity("aaa.example", intermediate);
        alice = ca.IssueEndEntity("alice@example");
        mallory = ca.IssueEndEntity("mallory@example");
        CryptoCertificateAuthority rogueCa("rogue root", 2048, "eap-tls test rogue");
        rogueRoot = rogueCa.GetRootCertificate();
        eve = rogueCa.IssueEndEntity("eve@example");
        rogueServer = rogueCa.IssueEndEntity("aaa.example");
        RngSeedManager::SetSeed(seed);
        RngSeedManager::SetRun(run);
    }

    Bytes root;                                     ///< the trust anchor of both ends
    CryptoCertificateAuthority::Issued server;      ///< the server, via the intermediate
    CryptoCertificateAuthority::Issued alice;       ///< a client
    CryptoCertificateAuthority::Issued mallory;     ///< a client, revoked where asked
    Bytes rogueRoot;                                ///< an unknown CA
    CryptoCertificateAuthority::Issued eve;         ///< a client of the unknown CA
    CryptoCertificateAuthority::Issued rogueServer; ///< a server of the unknown CA
};

/// \return the certificates, made on first use
const TestPki&
GetPki()
{
    static const TestPki pki;
    return pki;
}

/**
 * \param issued a client's certificate and key
 * \return the peer's credentials, trusting the root
 */
EapCredentials
Client(const CryptoCertificateAuthority::Issued& issued)
{
    EapCredentials c;
    c.identity = "client@example";
    c.method = EapType::TLS;
    c.tlsChain = issued.chain;
    c.tlsPrivateKey = issued.key.privateKeyDer;
    c.tlsTrustAnchors = {GetPki().root};
    return c;
}

/**
 * \param fragmentSize the server's fragment size
 * \return the server's settings: its certificate via the intermediate, trusting the root
 */
EapServerConfig
Server(uint32_t fragmentSize = 1020)
{
    EapServerConfig config;
    config.tlsChain = GetPki().server.chain;
    config.tlsPrivateKey = GetPki().server.key.privateKeyDer;
    config.tlsTrustAnchors = {GetPki().root};
    config.tlsFragmentSize = fragmentSize;
    return config;
}

/// One packet on the wire, as the test saw it.
struct WirePacket
{
    bool toPeer{true}; ///< a Request (or Success) from the server
    Bytes octets;      ///< EapCodec::Encode of it
    EapTlsFrame frame; ///< its EAP-TLS type-data decoded (Requests and Responses)
};

/// What a conversation gave.
struct Conversation
{
    EapStatus server{EapStatus::CONTINUE};   ///< the server's last status
    EapStatus peer{EapStatus::CONTINUE};     ///< the peer's last status
    std::string serverReason;                ///< why the server failed
    std::string peerReason;                  ///< why the peer failed
    std::vector<WirePacket> wire;            ///< every packet, in order
    bool codecRoundTrip{true};               ///< every packet decoded to what was encoded
    uint32_t roundTrips{0};                  ///< Requests the peer answered or refused
    bool peerMayAcceptSuccess{false};        ///< at the end
    Bytes peerMsk;                           ///< at the end
    Bytes serverMsk;                         ///< at the end
    std::string peerKeyLog;                  ///< the peer's NSS key log line
    std::string serverKeyLog;                ///< the server's
    std::vector<CryptoOperation> peerWork;   ///< recorded while the peer processed
    std::vector<CryptoOperation> serverWork; ///< recorded while the server processed

    /// \return the octets of all packets
    size_t Octets() const
    {
        size_t n = 0;
        for (const auto& p : wire)
        {
            n += p.octets.size();
        }
        return n;
    }

    /**
     * \param toPeer the server's flights (true) or the peer's
     * \return the TLS flights of one direction, reassembled from the frames on the wire
     */
    std::vector<Bytes> Flights(bool toPeer) const
    {
        std::vector<Bytes> flights;
        EapTlsReassembler r;
        for (const auto& p : wire)
        {
            if (p.toPeer != toPeer || p.frame.start || p.frame.data.empty())
            {
                continue; // other direction, Start, acknowledgements
            }
            if (!r.Add(p.frame).IsOk())
            {
                return {};
            }
            if (r.IsComplete())
            {
                flights.push_back(r.GetMessage());
                r.Reset();
            }
        }
        return flights;
    }
};

/// Changes a packet before it is sent: (packet, index of the packet in the conversation).
using Tamper = std::function<void(EapPacket&, size_t)>;

/// How to run a conversation.
struct Setup
{
    EapCredentials client = Client(GetPki().alice); ///< the peer's credentials
    EapServerConfig server = Server();              ///< the server's settings
    uint32_t peerFragmentSize{1020};                ///< the peer's fragment size
    int64_t peerClockAtStart{1893456000};           ///< the peer's clock at time zero
    Tamper tamper;                                  ///< changes packets in flight
};

/**
 * \brief Runs EAP-TLS between a peer and a server method, from the server's Start to its
 * SUCCESS or a FAILURE at either end, every packet through EapCodec. The random sources are
 * new CryptoRandom objects on fixed streams, so the seed and run alone decide their bytes.
 * \param setup credentials and settings
 * \return what happened
 */
Conversation
Converse(const Setup& setup)
{
    Conversation c;
    Ptr<CryptoRandom> peerRng = CreateObject<CryptoRandom>();
    peerRng->AssignStreams(100);
    Ptr<CryptoRandom> serverRng = CreateObject<CryptoRandom>();
    serverRng->AssignStreams(101);
    EapTlsPeerMethod peer(setup.client, peerRng);
    peer.SetFragmentSize(setup.peerFragmentSize);
    peer.SetClockAtStart(setup.peerClockAtStart);
    EapTlsServerMethod server(setup.server, setup.client, serverRng);
    CryptoWorkMeter peerMeter;
    CryptoWorkMeter serverMeter;

    auto transmit = [&](EapPacket packet, bool toPeer) {
        if (setup.tamper)
        {
            setup.tamper(packet, c.wire.size());
        }
        WirePacket w;
        w.toPeer = toPeer;
        w.octets = EapCodec::Encode(packet);
        EapPacket received;
        const bool decoded = EapCodec::Decode(w.octets, received).IsOk();
        c.codecRoundTrip = c.codecRoundTrip && decoded && received.code == packet.code &&
                           received.identifier == packet.identifier &&
                           received.type == packet.type && received.typeData == packet.typeData;
        if (received.type == EapType::TLS &&
            !EapTlsFraming::Decode(received.typeData, w.frame).IsOk())
        {
            w.frame = EapTlsFrame{};
        }
        c.wire.push_back(w);
        return received;
    };

    uint8_t identifier = 1;
    EapPacket request;
    {
        CryptoWorkMeter::Scope scope(serverMeter);
        c.server = server.Start(identifier, request, c.serverReason);
    }
    while (c.server == EapStatus::CONTINUE && c.roundTrips < 100000)
    {
        const EapPacket in = transmit(request, true);
        EapPacket response;
        {
            CryptoWorkMeter::Scope scope(peerMeter);
            c.peer = peer.Process(in, response, c.peerReason);
        }
        ++c.roundTrips;
        if (c.peer != EapStatus::CONTINUE)
        {
            break;
        }
        const EapPacket back = transmit(response, false);
        CryptoWorkMeter::Scope scope(serverMeter);
        c.server = server.Process(back, ++identifier, request, c.serverReason);
    }
    if (c.server == EapStatus::SUCCESS)
    {
        transmit(EapPacket{EapCode::SUCCESS, identifier, EapType::NONE, {}}, true);
    }
    c.peerMayAcceptSuccess = peer.MayAcceptSuccess();
    c.peerMsk = peer.GetMsk();
    c.serverMsk = server.GetMsk();
    c.peerKeyLog = peer.GetKeyLogLine();
    c.serverKeyLog = server.GetKeyLogLine();
    c.peerWork = peerMeter.GetOperations();
    c.serverWork = serverMeter.GetOperations();
    return c;
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The handshake at fragment sizes 1020 and 64: SUCCESS, equal 64-octet MSKs, the
 * EAP-TLS Start and the final empty Response, every fragment within the size with L on the
 * first of a fragmented flight and M on all but the last, each acknowledged by an empty packet;
 * more round trips at 64 octets.
 */
class EapTlsHandshakeTestCase : public TestCase
{
  public:
    EapTlsHandshakeTestCase()
        : TestCase("EAP-TLS handshake at fragment sizes 1020 and 64")
    {
    }

  private:
    /**
     * \param size the fragment size of both ends
     * \param [out] c the conversation, checked
     */
    void Check(uint32_t size, Conversation& c)
    {
        CxtpTestIsolation isolation(1);
        Setup setup;
        setup.server = Server(size);
        setup.peerFragmentSize = size;
        c = Converse(setup);
        std::clog << "EAP-TLS at fragment size " << size << ": " << c.roundTrips
                  << " EAP round trips, " << c.wire.size() << " EAP packets, " << c.Octets()
                  << " octets" << std::endl;
        NS_TEST_EXPECT_MSG_EQ(c.serverReason, "", "size " << size << ": server");
        NS_TEST_EXPECT_MSG_EQ(c.peerReason, "", "size " << size << ": peer");
        NS_TEST_ASSERT_MSG_EQ((c.server == EapStatus::SUCCESS), true, "server SUCCESS");
        NS_TEST_EXPECT_MSG_EQ((c.peer == EapStatus::CONTINUE), true, "peer answered all");
        NS_TEST_EXPECT_MSG_EQ(c.peerMayAcceptSuccess, true, "peer accepts the EAP-Success");
        NS_TEST_EXPECT_MSG_EQ(c.codecRoundTrip, true, "every packet through EapCodec");
        NS_TEST_EXPECT_MSG_EQ(c.peerMsk.size(), 64, "peer MSK length");
        NS_TEST_EXPECT_MSG_EQ((c.peerMsk == c.serverMsk), true, "the same MSK at both ends");
        NS_TEST_EXPECT_MSG_EQ((c.peerMsk != Bytes(64, 0)), true, "MSK not zero");

        // RFC 5216 §2.1.1: Start (flags S only), ..., empty Response, EAP-Success.
        NS_TEST_ASSERT_MSG_GT(c.wire.size(), 4, "packets");
        if (c.wire.size() <= 4)
        {
            return; // NS_TEST_ASSERT continues without --stop-on-failure
        }
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(c.wire.front().octets),
                              "01010006"
                              "0d"
                              "20",
                              "EAP-TLS Start: Request, id 1, length 6, type 13, flags S");
        const WirePacket& finalAck = c.wire[c.wire.size() - 2];
        NS_TEST_EXPECT_MSG_EQ(finalAck.toPeer, false, "the peer's last Response");
        NS_TEST_EXPECT_MSG_EQ(
            CxtpTestToHex(Bytes(finalAck.octets.begin() + 4, finalAck.octets.end())),
            "0d00",
            "the peer's last Response is empty (flags 0)");
        NS_TEST_EXPECT_MSG_EQ(+c.wire.back().octets[0], +uint8_t(3), "EAP-Success last");

        // §2.1.5: fragments within the size, L and M as Fragment() sets them, acknowledgements.
        uint32_t withL = 0;
        uint32_t withM = 0;
        for (size_t i = 1; i + 1 < c.wire.size(); ++i)
        {
            const EapTlsFrame& f = c.wire[i].frame;
            NS_TEST_EXPECT_MSG_LT_OR_EQ(f.data.size(), size, "packet " << i << " data");
            withL += f.lengthIncluded ? 1 : 0;
            if (f.moreFragments)
            {
                ++withM;
                const EapTlsFrame& next = c.wire[i + 1].frame;
                NS_TEST_EXPECT_MSG_EQ((next.data.empty() && !next.lengthIncluded &&
                                       !next.moreFragments && !next.start &&
                                       c.wire[i + 1].toPeer != c.wire[i].toPeer),
                                      true,
                                      "packet " << i + 1 << " acknowledges fragment " << i);
            }
        }
        const std::vector<Bytes> server = c.Flights(true);
        const std::vector<Bytes> peer = c.Flights(false);
        NS_TEST_EXPECT_MSG_EQ(server.size(), 2, "server flights: hello..done, CCS+Finished");
        NS_TEST_EXPECT_MSG_EQ(peer.size(), 2, "peer flights: ClientHello, Certificate..Finished");
        uint32_t fragmented = 0;
        uint32_t fragments = 0;
        for (const auto& flights : {server, peer})
        {
            for (const Bytes& flight : flights)
            {
                const uint32_t n = (flight.size() + size - 1) / size;
                fragments += n;
                fragmented += n > 1 ? 1 : 0;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(withL, fragmented, "one L per fragmented flight");
        NS_TEST_EXPECT_MSG_EQ(withM, fragments - 4, "M on all fragments but each flight's last");
        // The peer answers the Start, each server fragment, and the acknowledgement of each of
        // its fragments but the last of each of its two flights: 1 + fragments - 2.
        NS_TEST_EXPECT_MSG_EQ(c.roundTrips, fragments - 1, "round trips");
    }

    void DoRun() override
    {
        Conversation large;
        Conversation small;
        Check(1020, large);
        Check(64, small);
        NS_TEST_EXPECT_MSG_GT(small.roundTrips, large.roundTrips, "more round trips at 64");
        NS_TEST_EXPECT_MSG_GT(small.roundTrips, 40, "many round trips at 64");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The MSK recomputed by hand (RFC 5216 §2.3): the test's own TLS 1.2 PRF, first checked
 * against the published P_SHA256 vector, over the master secret (the NSS key log line) and the
 * client and server randoms read from the ClientHello and ServerHello on the wire.
 */
class EapTlsMskTestCase : public TestCase
{
  public:
    EapTlsMskTestCase()
        : TestCase("EAP-TLS MSK: TLS-PRF of the master secret, label and hello randoms")
    {
    }

  private:
    void DoRun() override
    {
        // The TLS 1.2 SHA-256 PRF vector of the IETF TLS working group (mailing list message
        // 03416, reproduced by BearSSL's, Go's and others' tests): 100 octets.
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(Prf(CxtpTestFromHex("9bbe436ba940f017b17652849a71db35"),
                                                "test label",
                                                CxtpTestFromHex("a0ba9f936cda311827a6f796ffd5198c"),
                                                100)),
                              "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a"
                              "6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab"
                              "4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff701"
                              "87347b66",
                              "the test's PRF against the published vector");

        CxtpTestIsolation isolation(1);
        const Conversation c = Converse(Setup());
        NS_TEST_ASSERT_MSG_EQ((c.server == EapStatus::SUCCESS), true, c.serverReason);
        const std::vector<Bytes> server = c.Flights(true);
        const std::vector<Bytes> peer = c.Flights(false);
        NS_TEST_ASSERT_MSG_EQ((server.size() == 2 && peer.size() == 2), true, "flights");
        if (server.size() != 2 || peer.size() != 2)
        {
            return; // NS_TEST_ASSERT continues without --stop-on-failure
        }
        // Record header (5 octets: type 22, version, length), handshake header (type, 3-octet
        // length), client_version/server_version (2), then the 32-octet random (RFC 5246
        // §6.2.1, §7.4, §7.4.1.2-3).
        const Bytes& hello = peer.front();
        const Bytes& serverHello = server.front();
        NS_TEST_ASSERT_MSG_EQ((hello.size() > 43 && hello[0] == 22 && hello[5] == 1),
                              true,
                              "ClientHello first");
        if (hello.size() <= 43)
        {
            return; // NS_TEST_ASSERT continues without --stop-on-failure
        }
        NS_TEST_ASSERT_MSG_EQ(
            (serverHello.size() > 43 && serverHello[0] == 22 && serverHello[5] == 2),
            true,
            "ServerHello first");
        if (serverHello.size() <= 43)
        {
            return; // NS_TEST_ASSERT continues without --stop-on-failure
        }
        NS_TEST_EXPECT_MSG_EQ(
            CxtpTestToHex(Bytes(serverHello.begin() + 9, serverHello.begin() + 11)),
            "0303",
            "TLS 1.2 negotiated");
        const Bytes clientRandom(hello.begin() + 11, hello.begin() + 43);
        const Bytes serverRandom(serverHello.begin() + 11, serverHello.begin() + 43);

        // "CLIENT_RANDOM <client random> <master secret>"
        NS_TEST_EXPECT_MSG_EQ(c.peerKeyLog, c.serverKeyLog, "both ends log the same secret");
        NS_TEST_ASSERT_MSG_EQ(c.peerKeyLog.size(), 14 + 64 + 1 + 96, "key log line length");
        if (c.peerKeyLog.size() != 14 + 64 + 1 + 96)
        {
            return; // NS_TEST_ASSERT continues without --stop-on-failure
        }
        NS_TEST_EXPECT_MSG_EQ(c.peerKeyLog.substr(0, 14 + 64),
                              "CLIENT_RANDOM " + CxtpTestToHex(clientRandom),
                              "the key log names the ClientHello's random");
        const Bytes master = CxtpTestFromHex(c.peerKeyLog.substr(14 + 64 + 1));

        const Bytes msk = Prf(master, KEY_LABEL, Concat(clientRandom, serverRandom), 64);
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(c.peerMsk), CxtpTestToHex(msk), "peer MSK");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(c.serverMsk), CxtpTestToHex(msk), "server MSK");
        // The check tells the randoms' order and the label apart.
        NS_TEST_EXPECT_MSG_NE(
            CxtpTestToHex(Prf(master, KEY_LABEL, Concat(serverRandom, clientRandom), 64)),
            CxtpTestToHex(c.peerMsk),
            "server.random || client.random is not it");
        NS_TEST_EXPECT_MSG_NE(
            CxtpTestToHex(
                Prf(master, "client EAP encryptio", Concat(clientRandom, serverRandom), 64)),
            CxtpTestToHex(c.peerMsk),
            "another label is not it");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Certificates refused: a revoked client certificate (and one with the revoked serial
 * written with a leading zero), a client or server certificate of an unknown CA, certificates
 * expired at clockAtStart + Simulator::Now(); an unrevoked client passes a revocation list.
 */
class EapTlsCertificateTestCase : public TestCase
{
  public:
    EapTlsCertificateTestCase()
        : TestCase("EAP-TLS refuses revoked, untrusted and expired certificates")
    {
    }

  private:
    /**
     * \param c a conversation
     * \param reason what the server's reason must contain
     * \param what the case
     */
    void ExpectServerRefusal(const Conversation& c,
                             const std::string& reason,
                             const std::string& what)
    {
        NS_TEST_EXPECT_MSG_EQ((c.server == EapStatus::FAILURE), true, what << ": server FAILURE");
        NS_TEST_EXPECT_MSG_EQ(Contains(c.serverReason, reason),
                              true,
                              what << ": reason '" << c.serverReason << "'");
        NS_TEST_EXPECT_MSG_EQ(c.serverMsk.size(), 0, what << ": no MSK at the server");
        NS_TEST_EXPECT_MSG_EQ((c.peer == EapStatus::CONTINUE), true, what << ": the peer went on");
    }

    void DoRun() override
    {
        CxtpTestIsolation isolation(1);
        const TestPki& pki = GetPki();
        const Bytes mallorySerial = SerialOf(pki.mallory.chain.front());
        NS_TEST_ASSERT_MSG_EQ(mallorySerial.empty(), false, "serial");
        NS_TEST_ASSERT_MSG_NE(CxtpTestToHex(mallorySerial),
                              CxtpTestToHex(SerialOf(pki.alice.chain.front())),
                              "two serials");

        Setup revoked;
        revoked.client = Client(pki.mallory);
        revoked.server.tlsRevokedSerials = {CxtpTestFromHex("7f7f"), mallorySerial};
        Conversation c = Converse(revoked);
        ExpectServerRefusal(c, "client certificate revoked", "revoked");
        NS_TEST_EXPECT_MSG_EQ(c.peerMayAcceptSuccess, false, "revoked: handshake not complete");

        revoked.server.tlsRevokedSerials = {Concat({0}, mallorySerial)};
        ExpectServerRefusal(Converse(revoked), "revoked", "serial with a leading zero");

        Setup unrevoked;
        unrevoked.server.tlsRevokedSerials = {mallorySerial};
        c = Converse(unrevoked);
        NS_TEST_EXPECT_MSG_EQ((c.server == EapStatus::SUCCESS),
                              true,
                              "an unrevoked client passes: " << c.serverReason);

        Setup unknownClient;
        unknownClient.client = Client(pki.eve);
        c = Converse(unknownClient);
        ExpectServerRefusal(c, "client certificate not trusted: ", "client of an unknown CA");
        NS_TEST_EXPECT_MSG_EQ(Contains(c.serverReason, "unable to get local issuer certificate"),
                              true,
                              "OpenSSL's reason: " << c.serverReason);

        Setup unknownServer;
        unknownServer.server.tlsChain = pki.rogueServer.chain;
        unknownServer.server.tlsPrivateKey = pki.rogueServer.key.privateKeyDer;
        c = Converse(unknownServer);
        NS_TEST_EXPECT_MSG_EQ((c.peer == EapStatus::FAILURE), true, "peer FAILURE");
        NS_TEST_EXPECT_MSG_EQ(Contains(c.peerReason, "server certificate not trusted: "),
                              true,
                              "peer reason '" << c.peerReason << "'");
        NS_TEST_EXPECT_MSG_EQ(c.peerMayAcceptSuccess, false, "no Success accepted");
        NS_TEST_EXPECT_MSG_EQ(c.peerMsk.size(), 0, "no MSK at the peer");
        NS_TEST_EXPECT_MSG_EQ(c.Flights(false).size(), 1, "refused before the peer's certificate");

        // The clock: the client certificate expires at NOT_AFTER. The server's clock starts 50 s
        // before it; a conversation at simulation time 10 s passes, one at 100 s does not.
        auto at = [](Time when, const Setup& setup) {
            Conversation out;
            Simulator::Schedule(when - Simulator::Now(),
                                [&out, &setup]() { out = Converse(setup); });
            Simulator::Run();
            return out;
        };
        Setup late;
        late.server.clockAtStart = CryptoCertificateAuthority::NOT_AFTER - 50;
        c = at(Seconds(10), late);
        NS_TEST_EXPECT_MSG_EQ((c.server == EapStatus::SUCCESS),
                              true,
                              "at 10 s: " << c.serverReason);
        c = at(Seconds(100), late);
        ExpectServerRefusal(c,
                            "client certificate not trusted: certificate has expired",
                            "at 100 s");
        Setup peerLate;
        peerLate.peerClockAtStart = CryptoCertificateAuthority::NOT_AFTER + 1;
        c = Converse(peerLate);
        NS_TEST_EXPECT_MSG_EQ(c.peerReason,
                              "server certificate not trusted: certificate has expired",
                              "the peer's clock");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Malformed or unexpected EAP-TLS input ends in FAILURE with a reason at the end that
 * receives it, never an abort, and the method stays failed.
 */
class EapTlsMalformedTestCase : public TestCase
{
  public:
    EapTlsMalformedTestCase()
        : TestCase("EAP-TLS malformed or unexpected input fails with a reason")
    {
    }

  private:
    /**
     * \param typeData the type-data of a Response sent to a server right after its Start
     * \param reason what the server's reason must contain
     * \param type the Response's type
     */
    void ServerRefuses(const Bytes& typeData,
                       const std::string& reason,
                       EapType type = EapType::TLS)
    {
        Ptr<CryptoRandom> rng = CreateObject<CryptoRandom>();
        EapTlsServerMethod server(Server(), Client(GetPki().alice), rng);
        EapPacket start;
        std::string why;
        NS_TEST_ASSERT_MSG_EQ((server.Start(1, start, why) == EapStatus::CONTINUE), true, why);
        EapPacket next;
        const EapStatus status =
            server.Process(EapPacket{EapCode::RESPONSE, 1, type, typeData}, 2, next, why);
        NS_TEST_EXPECT_MSG_EQ((status == EapStatus::FAILURE),
                              true,
                              CxtpTestToHex(typeData) << ": server FAILURE");
        NS_TEST_EXPECT_MSG_EQ(Contains(why, reason),
                              true,
                              CxtpTestToHex(typeData)
                                  << ": reason '" << why << "', expected '" << reason << "'");
        NS_TEST_EXPECT_MSG_EQ(server.GetMsk().size(), 0, "no MSK");
        // A good ClientHello now: the server stays failed.
        EapTlsPeerMethod peer(Client(GetPki().alice), rng);
        EapPacket hello;
        NS_TEST_ASSERT_MSG_EQ((peer.Process(start, hello, why) == EapStatus::CONTINUE), true, why);
        hello.identifier = 2;
        const EapStatus again = server.Process(hello, 3, next, why);
        NS_TEST_EXPECT_MSG_EQ((again == EapStatus::FAILURE), true, "stays failed");
        NS_TEST_EXPECT_MSG_EQ(why, "EAP-TLS conversation already failed", "the reason");
    }

    /**
     * \param typeData the type-data of the first Request a peer receives
     * \param reason what the peer's reason must contain
     */
    void PeerRefuses(const Bytes& typeData, const std::string& reason)
    {
        Ptr<CryptoRandom> rng = CreateObject<CryptoRandom>();
        EapTlsPeerMethod peer(Client(GetPki().alice), rng);
        EapPacket response;
        std::string why;
        const EapStatus status =
            peer.Process(EapPacket{EapCode::REQUEST, 1, EapType::TLS, typeData}, response, why);
        NS_TEST_EXPECT_MSG_EQ((status == EapStatus::FAILURE),
                              true,
                              CxtpTestToHex(typeData) << ": peer FAILURE");
        NS_TEST_EXPECT_MSG_EQ(Contains(why, reason),
                              true,
                              CxtpTestToHex(typeData) << ": reason '" << why << "'");
        NS_TEST_EXPECT_MSG_EQ(peer.MayAcceptSuccess(), false, "no Success accepted");
    }

    /**
     * \param size the fragment size of both ends
     * \param tamper what to change in flight
     * \return the conversation
     */
    Conversation Tampered(uint32_t size, Tamper tamper)
    {
        Setup setup;
        setup.server = Server(size);
        setup.peerFragmentSize = size;
        setup.tamper = std::move(tamper);
        return Converse(setup);
    }

    void DoRun() override
    {
        CxtpTestIsolation isolation(1);
        // The server, right after its Start.
        ServerRefuses({}, "type-data empty");
        ServerRefuses({0x80, 0x00, 0x01}, "TLS Message Length truncated");
        ServerRefuses({0x01}, "reserved flag bits");
        ServerRefuses({0x20}, "Start flag");
        ServerRefuses(CxtpTestFromHex("80 00000064 16030100050100000100"),
                      "TLS Message Length says 100"); // bad L: 10 octets, says 100
        ServerRefuses(CxtpTestFromHex("c0 00000004 16030100050100"),
                      "exceed the TLS Message Length"); // fragment overrun
        ServerRefuses(CxtpTestFromHex("40 160301"), "without L");
        ServerRefuses({0x00}, "empty EAP-TLS Response");
        ServerRefuses(CxtpTestFromHex("00 00 68656c6c6f"), "TLS handshake failed");
        ServerRefuses({0x00, 0x16, 0x03, 0x01}, "inside a TLS record"); // truncated record
        ServerRefuses({0x20}, "not an EAP-TLS Response", EapType::MD5_CHALLENGE);

        // The peer's first Request.
        // The server's own configuration, refused at Start.
        {
            Ptr<CryptoRandom> rng = CreateObject<CryptoRandom>();
            EapServerConfig wrongKey = Server();
            wrongKey.tlsPrivateKey = GetPki().alice.key.privateKeyDer;
            EapTlsServerMethod server(wrongKey, Client(GetPki().alice), rng);
            EapPacket start;
            std::string why;
            NS_TEST_EXPECT_MSG_EQ((server.Start(1, start, why) == EapStatus::FAILURE),
                                  true,
                                  "a key that is not the certificate's");
            NS_TEST_EXPECT_MSG_EQ(Contains(why, "EAP-TLS server credentials unusable: "),
                                  true,
                                  why);
            EapTlsServerMethod zero(Server(0), Client(GetPki().alice), rng);
            NS_TEST_EXPECT_MSG_EQ((zero.Start(1, start, why) == EapStatus::FAILURE),
                                  true,
                                  "fragment size 0");
            NS_TEST_EXPECT_MSG_EQ(Contains(why, "fragment size 0"), true, why);
        }

        PeerRefuses({}, "type-data empty");
        PeerRefuses({0x00, 0x16}, "before the Start");
        PeerRefuses({0x20, 0x16}, "Start with data");
        PeerRefuses({0xa0, 0, 0, 0, 0}, "Start with data or the L");
        {
            Ptr<CryptoRandom> rng = CreateObject<CryptoRandom>();
            EapTlsPeerMethod peer(Client(GetPki().alice), rng);
            EapPacket response;
            std::string why;
            NS_TEST_EXPECT_MSG_EQ(
                (peer.Process(EapPacket{EapCode::RESPONSE, 1, EapType::TLS, {0x20}},
                              response,
                              why) == EapStatus::FAILURE),
                true,
                "a Response to the peer");
            EapTlsPeerMethod fresh(Client(GetPki().alice), rng);
            NS_TEST_ASSERT_MSG_EQ(
                (fresh.Process(EapPacket{EapCode::REQUEST, 1, EapType::TLS, {0x20}},
                               response,
                               why) == EapStatus::CONTINUE),
                true,
                why);
            NS_TEST_EXPECT_MSG_EQ(
                (fresh.Process(EapPacket{EapCode::REQUEST, 2, EapType::TLS, {0x20}},
                               response,
                               why) == EapStatus::FAILURE),
                true,
                "a second Start");
            NS_TEST_EXPECT_MSG_EQ(Contains(why, "Start flag"), true, why);
        }

        // In a conversation at 64 octets: data where an acknowledgement is due (the peer's first
        // acknowledgement).
        bool done = false;
        Conversation c = Tampered(64, [&done](EapPacket& p, size_t) {
            if (!done && p.code == EapCode::RESPONSE && p.typeData == Bytes{0x00})
            {
                p.typeData = {0x00, 0x16};
                done = true;
            }
        });
        NS_TEST_EXPECT_MSG_EQ((c.server == EapStatus::FAILURE), true, "ack with data");
        NS_TEST_EXPECT_MSG_EQ(Contains(c.serverReason, "not acknowledged"), true, c.serverReason);
        // A TLS Message Length one more than the flight: the peer notices at the last fragment.
        done = false;
        c = Tampered(64, [&done](EapPacket& p, size_t) {
            if (!done && p.code == EapCode::REQUEST && !p.typeData.empty() &&
                (p.typeData[0] & EapTlsFraming::FLAG_L) != 0)
            {
                done = true;
                EapTlsFrame f;
                EapTlsFraming::Decode(p.typeData, f);
                f.tlsMessageLength += 1;
                p.typeData = EapTlsFraming::Encode(f);
            }
        });
        NS_TEST_EXPECT_MSG_EQ((c.peer == EapStatus::FAILURE), true, "bad L at the peer");
        NS_TEST_EXPECT_MSG_EQ(Contains(c.peerReason, "TLS Message Length says"),
                              true,
                              c.peerReason);
        // The last octet of the server's Finished (its GCM tag) changed.
        c = Tampered(1020, [](EapPacket& p, size_t) {
            if (p.code == EapCode::REQUEST && p.typeData.size() > 1 && p.typeData[1] == 20)
            {
                p.typeData.back() ^= 1; // the flight that starts with ChangeCipherSpec
            }
        });
        NS_TEST_EXPECT_MSG_EQ((c.peer == EapStatus::FAILURE), true, "tampered Finished");
        NS_TEST_EXPECT_MSG_EQ(Contains(c.peerReason, "TLS handshake failed: "), true, c.peerReason);
        NS_TEST_EXPECT_MSG_EQ(c.peerMayAcceptSuccess, false, "no Success accepted");
        NS_TEST_EXPECT_MSG_EQ(c.peerMsk.size(), 0, "no MSK");
        // TLS records after the client's Finished (every flight in one packet: packet 3 is the
        // peer's Certificate ... Finished).
        c = Tampered(4000, [](EapPacket& p, size_t index) {
            if (index == 3)
            {
                p.typeData.insert(p.typeData.end(), {0x16, 0x03, 0x03, 0x00, 0x01, 0x00});
            }
        });
        NS_TEST_EXPECT_MSG_EQ((c.server == EapStatus::FAILURE), true, "records after Finished");
        NS_TEST_EXPECT_MSG_EQ(Contains(c.serverReason, "after the Finished"), true, c.serverReason);
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The public-key work of the handshake on the CryptoWorkMeter of each end, in order, and
 * its price in the testbed-2008 profile.
 */
class EapTlsWorkTestCase : public TestCase
{
  public:
    EapTlsWorkTestCase()
        : TestCase("EAP-TLS records its public-key work, and the cost model prices it")
    {
    }

  private:
    /**
     * \param ops operations recorded
     * \return "kind/algorithm" for each, space-separated
     */
    static std::string Describe(const std::vector<CryptoOperation>& ops)
    {
        std::string out;
        for (const auto& op : ops)
        {
            out += std::to_string(static_cast<int>(op.kind)) + "/" + std::to_string(op.algorithm) +
                   " ";
        }
        return out;
    }

    void DoRun() override
    {
        CxtpTestIsolation isolation(1);
        const Conversation c = Converse(Setup());
        NS_TEST_ASSERT_MSG_EQ((c.server == EapStatus::SUCCESS), true, c.serverReason);
        auto op = [](Kind kind, uint32_t algorithm) { return CryptoOperation{kind, algorithm, 0}; };
        const uint32_t ecp256 = static_cast<uint32_t>(CryptoDhGroup::ECP_256);
        // The peer checks the server's certificate and the intermediate's (both issued with
        // RSA-2048 keys), the ServerKeyExchange signature, makes its ECDHE key and the shared
        // secret, signs the CertificateVerify.
        const std::vector<CryptoOperation> peer = {op(Kind::CERTIFICATE, 2048),
                                                   op(Kind::CERTIFICATE, 2048),
                                                   op(Kind::RSA_VERIFY, 2048),
                                                   op(Kind::DH_KEYGEN, ecp256),
                                                   op(Kind::DH_SHARED, ecp256),
                                                   op(Kind::RSA_SIGN, 2048)};
        // The server makes its ECDHE key and signs it, checks the client's certificate, makes
        // the shared secret, checks the CertificateVerify.
        const std::vector<CryptoOperation> server = {op(Kind::DH_KEYGEN, ecp256),
                                                     op(Kind::RSA_SIGN, 2048),
                                                     op(Kind::CERTIFICATE, 2048),
                                                     op(Kind::DH_SHARED, ecp256),
                                                     op(Kind::RSA_VERIFY, 2048)};
        NS_TEST_EXPECT_MSG_EQ(Describe(c.peerWork), Describe(peer), "the peer's work");
        NS_TEST_EXPECT_MSG_EQ(Describe(c.serverWork), Describe(server), "the server's work");

        Ptr<CryptoCostModel> model = CreateObject<CryptoCostModel>();
        model->SetProfile("testbed-2008");
        auto price = [&model](const std::vector<CryptoOperation>& ops) {
            CryptoWorkMeter meter;
            {
                CryptoWorkMeter::Scope scope(meter);
                for (const auto& o : ops)
                {
                    CryptoWorkMeter::Record(o);
                }
            }
            return model->Price(meter);
        };
        const Time certificate =
            model->Get("pki.certificate_check") + model->Get("rsa.verify_2048");
        const Time ecdhe = model->Get("dh.ecp256_keygen") + model->Get("dh.ecp256_shared");
        const Time serverCost =
            ecdhe + model->Get("rsa.sign_2048") + certificate + model->Get("rsa.verify_2048");
        const Time peerCost =
            ecdhe + model->Get("rsa.sign_2048") + 2 * certificate + model->Get("rsa.verify_2048");
        NS_TEST_EXPECT_MSG_EQ(price(c.serverWork), serverCost, "the server's work priced");
        NS_TEST_EXPECT_MSG_EQ(price(c.peerWork), peerCost, "the peer's work priced");
        NS_TEST_EXPECT_MSG_GT(serverCost, MilliSeconds(30), "RSA-2048 signing dominates");
        std::clog << "EAP-TLS public-key work in testbed-2008: server " << serverCost.As(Time::MS)
                  << ", peer " << peerCost.As(Time::MS) << std::endl;

        // RSA-1024 credentials (OpenSSL's security level 1) are accepted and recorded as such.
        CryptoCertificateAuthority small("eap-tls test small root", 1024, "eap-tls test");
        const CryptoCertificateAuthority::Issued server1024 = small.IssueEndEntity("aaa.example");
        const CryptoCertificateAuthority::Issued client1024 = small.IssueEndEntity("bob@example");
        Setup weak;
        weak.client = Client(client1024);
        weak.client.tlsTrustAnchors = {small.GetRootCertificate()};
        weak.server.tlsChain = server1024.chain;
        weak.server.tlsPrivateKey = server1024.key.privateKeyDer;
        weak.server.tlsTrustAnchors = {small.GetRootCertificate()};
        const Conversation w = Converse(weak);
        NS_TEST_EXPECT_MSG_EQ((w.server == EapStatus::SUCCESS), true, w.serverReason);
        NS_TEST_EXPECT_MSG_EQ(Describe(w.serverWork),
                              Describe({op(Kind::DH_KEYGEN, ecp256),
                                        op(Kind::RSA_SIGN, 1024),
                                        op(Kind::CERTIFICATE, 1024),
                                        op(Kind::DH_SHARED, ecp256),
                                        op(Kind::RSA_VERIFY, 1024)}),
                              "RSA-1024 work");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Same seed and run, the same EAP packets byte for byte (and the same MSK); another run,
 * other randoms, so other packets and another MSK.
 */
class EapTlsDeterminismTestCase : public TestCase
{
  public:
    EapTlsDeterminismTestCase()
        : TestCase("EAP-TLS packets reproducible from the seed and run")
    {
    }

  private:
    /**
     * \param run the RNG run
     * \return a conversation at fragment size 200
     */
    static Conversation Run(uint64_t run)
    {
        CxtpTestIsolation isolation(run);
        Setup setup;
        setup.server = Server(200);
        setup.peerFragmentSize = 200;
        return Converse(setup);
    }

    void DoRun() override
    {
        GetPki(); // made before, outside the runs
        const Conversation a = Run(1);
        const Conversation b = Run(1);
        const Conversation other = Run(2);
        NS_TEST_ASSERT_MSG_EQ(
            (a.server == EapStatus::SUCCESS && other.server == EapStatus::SUCCESS),
            true,
            a.serverReason << other.serverReason);
        NS_TEST_ASSERT_MSG_EQ(a.wire.size(), b.wire.size(), "as many packets");
        if (a.wire.size() != b.wire.size())
        {
            return; // NS_TEST_ASSERT continues without --stop-on-failure
        }
        for (size_t i = 0; i < a.wire.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(a.wire[i].octets),
                                  CxtpTestToHex(b.wire[i].octets),
                                  "packet " << i);
        }
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(a.peerMsk), CxtpTestToHex(b.peerMsk), "same MSK");
        NS_TEST_EXPECT_MSG_EQ(a.peerKeyLog, b.peerKeyLog, "same master secret");

        // Another run: the same certificates, but other hello randoms, ECDHE keys, signatures
        // over them and record nonces. Packet 1 is the ClientHello, 2 begins with the
        // ServerHello, the last two data packets end the peer's Finished and carry the server's.
        NS_TEST_ASSERT_MSG_EQ(a.wire.size(), other.wire.size(), "as many packets in another run");
        if (a.wire.size() != other.wire.size())
        {
            return; // NS_TEST_ASSERT continues without --stop-on-failure
        }
        std::vector<size_t> data;
        size_t differing = 0;
        for (size_t i = 0; i < a.wire.size(); ++i)
        {
            differing += a.wire[i].octets != other.wire[i].octets ? 1 : 0;
            if (!a.wire[i].frame.data.empty())
            {
                data.push_back(i);
            }
        }
        NS_TEST_ASSERT_MSG_GT(data.size(), 4, "data packets");
        if (data.size() <= 4)
        {
            return; // NS_TEST_ASSERT continues without --stop-on-failure
        }
        for (size_t i : {size_t(1), size_t(2), data[data.size() - 2], data.back()})
        {
            NS_TEST_EXPECT_MSG_NE(CxtpTestToHex(a.wire[i].octets),
                                  CxtpTestToHex(other.wire[i].octets),
                                  "packet " << i << " in another run");
        }
        NS_TEST_EXPECT_MSG_EQ((a.wire[0].octets == other.wire[0].octets), true, "the same Start");
        std::clog << "EAP-TLS, another run: " << differing << " of " << a.wire.size()
                  << " packets differ (the others: acknowledgements and certificates)" << std::endl;
        NS_TEST_EXPECT_MSG_NE(CxtpTestToHex(a.peerMsk),
                              CxtpTestToHex(other.peerMsk),
                              "another MSK");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief EAP-TLS (RFC 5216): EapTlsPeerMethod against EapTlsServerMethod.
 */
class EapTlsTestSuite : public TestSuite
{
  public:
    EapTlsTestSuite()
        : TestSuite("cxtp-ipsec-eap-tls", TestSuite::UNIT)
    {
        AddTestCase(new EapTlsHandshakeTestCase, TestCase::QUICK);
        AddTestCase(new EapTlsMskTestCase, TestCase::QUICK);
        AddTestCase(new EapTlsCertificateTestCase, TestCase::QUICK);
        AddTestCase(new EapTlsMalformedTestCase, TestCase::QUICK);
        AddTestCase(new EapTlsWorkTestCase, TestCase::QUICK);
        AddTestCase(new EapTlsDeterminismTestCase, TestCase::QUICK);
    }
};

static EapTlsTestSuite g_eapTlsTestSuite; ///< the suite's static instance

} // namespace
