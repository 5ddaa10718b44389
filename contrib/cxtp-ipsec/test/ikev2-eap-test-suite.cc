/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// System tests of EAP in IKE_AUTH (RFC 7296 §2.16) between the IKEv2 daemons of the static
// tunnel scenario (MN — SG — CN). The SG's EAP server runs behind a test-local Ikev2EapBackend
// (an EapServer that answers after a configurable delay, standing for an AAA round trip); the
// RADIUS client and AAA server have their own suite. Covered: EAP-MD5 to the end (MN omits AUTH,
// SG answers with its certificate and AUTH, EAP rounds, final AUTHs keyed by SK_pi/SK_pr, the
// CHILD_SA installed and probes through it); a wrong password ends in EAP-Failure at both ends;
// an SG without a backend answers AUTHENTICATION_FAILED; a request retransmitted while the EAP
// server answers is not processed twice; final AUTHs keyed by different keys do not verify.
// EAP-only authentication (RFC 5998): with EAP-AKA the gateway sends neither CERT nor AUTH in
// its first response and both ends establish; with EAP-MD5 the gateway refuses (no MSK), and
// an MN given EAP-Success for EAP-MD5 refuses too (§4); asked but not allowed, or allowed but
// not asked, the gateway authenticates with its certificate as usual.

#include "ikev2-test-vectors.h"

#include "ns3/boolean.h"
#include "ns3/cxtp-ipsec-module.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// An EAP server on the gateway itself, answering after a delay (an AAA round trip).
class DelayedEapBackend : public Ikev2EapBackend
{
  public:
    /// \param database the subscribers \param delay per answer \param rng random source
    DelayedEapBackend(Ptr<EapSubscriberDatabase> database, Time delay, Ptr<CryptoRandom> rng)
        : m_database(database),
          m_delay(delay),
          m_rng(rng)
    {
    }

    void Start(uint64_t session,
               const std::string& identity,
               const Ipv6Address&,
               AnswerCallback answer) override
    {
        ++starts;
        Session& s = m_sessions[session];
        s.server = std::make_shared<EapServer>(m_database, EapServerConfig(), m_rng);
        s.answer = answer;
        EapPacket out;
        std::string reason;
        EapStatus status =
            s.server->Start(EapCodec::MakeIdentity(EapCode::RESPONSE, 0, identity), out, reason);
        Reply(session, status, out, reason);
    }

    void Continue(uint64_t session, const EapPacket& response) override
    {
        ++continues;
        auto it = m_sessions.find(session);
        if (it == m_sessions.end())
        {
            return;
        }
        EapPacket out;
        std::string reason;
        EapStatus status = it->second.server->Process(response, out, reason);
        Reply(session, status, out, reason);
    }

    void Abort(uint64_t session) override
    {
        m_sessions.erase(session);
    }

    uint32_t starts{0};             ///< sessions started
    uint32_t continues{0};          ///< Responses relayed
    std::vector<uint8_t> forcedMsk; ///< if set, given instead of the EAP server's MSK

  private:
    /// One session.
    struct Session
    {
        std::shared_ptr<EapServer> server; ///< the conversation
        AnswerCallback answer;             ///< the daemon's callback
    };

    void Reply(uint64_t session, EapStatus status, const EapPacket& out, const std::string& why)
    {
        Answer a;
        a.eap = out;
        a.reason = why;
        a.kind = status == EapStatus::CONTINUE  ? Answer::Kind::CHALLENGE
                 : status == EapStatus::SUCCESS ? Answer::Kind::ACCEPT
                                                : Answer::Kind::REJECT;
        if (status == EapStatus::SUCCESS)
        {
            a.msk = forcedMsk.empty() ? m_sessions[session].server->GetMsk() : forcedMsk;
        }
        AnswerCallback cb = m_sessions[session].answer;
        Simulator::Schedule(m_delay, [cb, a]() { cb(a); });
    }

    Ptr<EapSubscriberDatabase> m_database;  ///< subscribers
    Time m_delay;                           ///< per answer
    Ptr<CryptoRandom> m_rng;                ///< random source
    std::map<uint64_t, Session> m_sessions; ///< by session
};

/// What one bench runs.
struct EapBenchConfig
{
    std::string mnPassword{"md5-secret"};   ///< the MN's EAP-MD5 password
    std::string aaaPassword{"md5-secret"};  ///< the database's
    bool backend{true};                     ///< the SG has an EAP backend
    Time aaaDelay{MilliSeconds(20)};        ///< the backend's answer delay
    std::vector<uint8_t> forcedMsk;         ///< the backend gives this MSK on success
    EapType method{EapType::MD5_CHALLENGE}; ///< MD5_CHALLENGE or AKA
    bool mnEapOnly{false};                  ///< the MN's EapOnlyAuthentication
    bool sgEapOnly{false};                  ///< the SG's
};

/// What a daemon's traces said.
struct EapLog
{
    uint32_t authRequests{0};          ///< IKE_AUTH requests sent
    uint32_t authResponses{0};         ///< IKE_AUTH responses sent
    uint32_t firstAuthResponseSize{0}; ///< octets of the first IKE_AUTH response sent
    std::vector<std::string> failures; ///< Failure traces
    uint32_t established{0};           ///< Established traces
    uint32_t eapSuccesses{0};          ///< EapSuccess traces
    std::vector<uint8_t> msk;          ///< the MSK of the last one
};

void
Record(EapLog* log,
       bool sent,
       const Ipv6Address&,
       Ikev2ExchangeType exchange,
       bool response,
       uint32_t size)
{
    if (sent && exchange == Ikev2ExchangeType::IKE_AUTH)
    {
        if (response && log->authResponses == 0)
        {
            log->firstAuthResponseSize = size;
        }
        (response ? log->authResponses : log->authRequests)++;
    }
}

void
RecordFailure(EapLog* log, const Ipv6Address&, const std::string& reason)
{
    log->failures.push_back(reason);
}

void
RecordEstablished(EapLog* log, const Ipv6Address&, Time)
{
    log->established++;
}

void
RecordEapSuccess(EapLog* log, const Ipv6Address&, uint64_t, const std::vector<uint8_t>& msk)
{
    log->eapSuccesses++;
    log->msk = msk;
}

/// \return whether any of the strings contains \p what
bool
AnyContains(const std::vector<std::string>& strings, const std::string& what)
{
    for (const auto& s : strings)
    {
        if (s.find(what) != std::string::npos)
        {
            return true;
        }
    }
    return false;
}

/// The tunnel scenario with the MN an EAP client of the SG, which has a certificate.
class EapBench
{
  public:
    explicit EapBench(const EapBenchConfig& config)
        : m_scenario(MakeScenarioConfig())
    {
        Ptr<Node> mn = m_scenario.GetMn();
        Ptr<Node> sg = m_scenario.GetSg();
        m_scenario.AssignStreams(0);
        CryptoCertificateAuthority ca("eap test root");
        auto issued = ca.IssueEndEntity("security gateway", CryptoCertificateAuthority::ROOT);
        IpsecCredentialStore::Get(sg)->SetCertificate(issued.chain, issued.key.privateKeyDer);
        EapCredentials subscriber;
        subscriber.identity = "mn1@cxtp.example";
        subscriber.method = config.method;
        subscriber.password.assign(config.mnPassword.begin(), config.mnPassword.end());
        if (config.method == EapType::AKA)
        {
            // K, OPc and AMF of 3GPP TS 35.208 §4.3 test set 1.
            const Ikev2TestVectors milenage = Ikev2TestVectors::ReadFile("milenage-vectors.txt");
            subscriber.akaK = milenage.Get("set1.k");
            subscriber.akaOpc = milenage.Get("set1.opc");
            subscriber.akaAmf = milenage.Get("set1.amf");
        }
        Ikev2Helper::AddEapClient(mn,
                                  m_scenario.GetSgAddress(),
                                  Ipv6Prefix(128),
                                  {ca.GetRootCertificate()},
                                  subscriber);
        Ikev2Helper::AddEapPeer(sg, m_scenario.GetMnAddress(), Ipv6Prefix(128));
        Ptr<EapSubscriberDatabase> database = CreateObject<EapSubscriberDatabase>();
        subscriber.password.assign(config.aaaPassword.begin(), config.aaaPassword.end());
        database->Add(subscriber);
        Ikev2Helper ike;
        ike.SetAttribute("RetransmitTimeout", TimeValue(MilliSeconds(500)));
        ApplicationContainer daemons = ike.Install(NodeContainer(mn, sg));
        daemons.Get(1)->SetAttribute("Passive", BooleanValue(true));
        daemons.Get(0)->SetAttribute("EapOnlyAuthentication", BooleanValue(config.mnEapOnly));
        daemons.Get(1)->SetAttribute("EapOnlyAuthentication", BooleanValue(config.sgEapOnly));
        m_mn = DynamicCast<Ikev2Daemon>(daemons.Get(0));
        m_sg = DynamicCast<Ikev2Daemon>(daemons.Get(1));
        if (config.backend)
        {
            m_backend =
                Create<DelayedEapBackend>(database, config.aaaDelay, sg->GetObject<CryptoRandom>());
            m_backend->forcedMsk = config.forcedMsk;
            m_sg->SetAttribute("EapBackend", PointerValue(m_backend));
        }
        for (auto [daemon, log] : {std::make_pair(m_mn, &m_mnLog), std::make_pair(m_sg, &m_sgLog)})
        {
            daemon->TraceConnectWithoutContext("Message", MakeBoundCallback(&Record, log));
            daemon->TraceConnectWithoutContext("Failure", MakeBoundCallback(&RecordFailure, log));
            daemon->TraceConnectWithoutContext("Established",
                                               MakeBoundCallback(&RecordEstablished, log));
            daemon->TraceConnectWithoutContext("EapSuccess",
                                               MakeBoundCallback(&RecordEapSuccess, log));
        }
    }

    /// Runs to the scenario's stop time.
    void Run()
    {
        Simulator::Stop(m_scenario.GetStopTime());
        Simulator::Run();
    }

    /// \param daemon a daemon \param reason a discard reason \return how often
    static uint64_t Discards(Ptr<Ikev2Daemon> daemon, const std::string& reason)
    {
        auto it = daemon->GetDiscards().find(reason);
        return it == daemon->GetDiscards().end() ? 0 : it->second;
    }

    IpsecTunnelScenario m_scenario;   ///< MN — SG — CN
    Ptr<Ikev2Daemon> m_mn;            ///< the EAP peer's daemon
    Ptr<Ikev2Daemon> m_sg;            ///< the gateway's
    Ptr<DelayedEapBackend> m_backend; ///< the SG's EAP server
    EapLog m_mnLog;                   ///< the MN's traces
    EapLog m_sgLog;                   ///< the SG's traces

  private:
    static IpsecTunnelScenario::Config MakeScenarioConfig()
    {
        IpsecTunnelScenario::Config c;
        c.manualKeys = false;
        c.duration = Seconds(6);
        return c;
    }
};

/// EAP-MD5 to the end: three IKE_AUTH exchanges, the SAs and probes.
class EapMd5SuccessTestCase : public TestCase
{
  public:
    EapMd5SuccessTestCase()
        : TestCase("EAP-MD5 in IKE_AUTH: established, CHILD_SA installed, probes flow")
    {
    }

  private:
    void DoRun() override
    {
        EapBench b{EapBenchConfig()};
        b.Run();
        const Ikev2Sa* mn = b.m_mn->FindSa(b.m_scenario.GetSgAddress());
        const Ikev2Sa* sg = b.m_sg->FindSa(b.m_scenario.GetMnAddress());
        NS_TEST_ASSERT_MSG_NE(mn, nullptr, "the MN has an established IKE SA");
        NS_TEST_ASSERT_MSG_NE(sg, nullptr, "the SG has an established IKE SA");
        NS_TEST_EXPECT_MSG_EQ((mn->keys.skD == sg->keys.skD), true, "SK_d at both ends");
        NS_TEST_EXPECT_MSG_EQ(mn->children.size(), 1u, "one CHILD_SA at the MN");
        NS_TEST_EXPECT_MSG_EQ(sg->children.size(), 1u, "one CHILD_SA at the SG");
        const std::string identity(sg->peerId.data.begin(), sg->peerId.data.end());
        NS_TEST_EXPECT_MSG_EQ(identity, "mn1@cxtp.example", "the SG knows the MN by its NAI");
        NS_TEST_EXPECT_MSG_EQ(static_cast<int>(sg->peerId.idType),
                              static_cast<int>(Ikev2IdType::ID_RFC822_ADDR),
                              "IDi is an ID_RFC822_ADDR");
        // Identity → MD5 challenge; MD5 response → Success; AUTH: three exchanges.
        NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.authRequests, 3u, "three IKE_AUTH requests");
        NS_TEST_EXPECT_MSG_EQ(b.m_sgLog.authResponses, 3u, "three IKE_AUTH responses");
        NS_TEST_EXPECT_MSG_EQ(b.m_backend->starts, 1u, "one EAP session");
        NS_TEST_EXPECT_MSG_EQ(b.m_backend->continues, 1u, "one EAP Response relayed");
        NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.eapSuccesses, 1u, "EapSuccess traced by the MN");
        NS_TEST_EXPECT_MSG_EQ(b.m_sgLog.eapSuccesses, 1u, "EapSuccess traced by the SG");
        NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.msk.size() + b.m_sgLog.msk.size(),
                              0u,
                              "EAP-MD5: no MSK on either side (SK_pi/SK_pr key the AUTHs)");
        NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.failures.size(), 0u, "no failure at the MN");
        NS_TEST_EXPECT_MSG_EQ(b.m_sgLog.failures.size(), 0u, "no failure at the SG");
        NS_TEST_EXPECT_MSG_GT(b.m_scenario.GetUplinkReceived(), 0, "uplink probes");
        NS_TEST_EXPECT_MSG_GT(b.m_scenario.GetDownlinkReceived(), 0, "downlink probes");
        Simulator::Destroy();
    }
};

/// A wrong password: EAP-Failure relayed, both ends fail with a reason, nothing installed.
class EapMd5WrongPasswordTestCase : public TestCase
{
  public:
    EapMd5WrongPasswordTestCase()
        : TestCase("EAP-MD5 with a wrong password: EAP-Failure, both ends fail")
    {
    }

  private:
    void DoRun() override
    {
        EapBenchConfig c;
        c.mnPassword = "not-the-password";
        EapBench b{c};
        b.Run();
        NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.established + b.m_sgLog.established, 0u, "no IKE SA");
        NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.eapSuccesses + b.m_sgLog.eapSuccesses,
                              0u,
                              "no EapSuccess trace");
        NS_TEST_EXPECT_MSG_EQ(AnyContains(b.m_sgLog.failures, "EAP rejected"),
                              true,
                              "the SG says the EAP server rejected the peer");
        NS_TEST_EXPECT_MSG_EQ(AnyContains(b.m_sgLog.failures, "does not match"),
                              true,
                              "with the EAP server's reason");
        NS_TEST_EXPECT_MSG_EQ(AnyContains(b.m_mnLog.failures, "EAP"),
                              true,
                              "the MN fails on EAP-Failure");
        NS_TEST_EXPECT_MSG_EQ(b.m_mn->GetSas().size(), 0u, "the MN dropped its IKE SA");
        NS_TEST_EXPECT_MSG_EQ(b.m_scenario.GetUplinkReceived(), 0, "no probe through");
        Simulator::Destroy();
    }
};

/// No EAP backend on the gateway: AUTHENTICATION_FAILED.
class EapNoBackendTestCase : public TestCase
{
  public:
    EapNoBackendTestCase()
        : TestCase("EAP asked of a gateway without an EAP backend: AUTHENTICATION_FAILED")
    {
    }

  private:
    void DoRun() override
    {
        EapBenchConfig c;
        c.backend = false;
        EapBench b{c};
        b.Run();
        NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.established + b.m_sgLog.established, 0u, "no IKE SA");
        NS_TEST_EXPECT_MSG_EQ(AnyContains(b.m_sgLog.failures, "no EAP backend"),
                              true,
                              "the SG says why");
        NS_TEST_EXPECT_MSG_EQ(AnyContains(b.m_mnLog.failures, "notify 24"),
                              true,
                              "the MN got AUTHENTICATION_FAILED (24)");
        Simulator::Destroy();
    }
};

/// The EAP server is slower than the MN's retransmission: the repeated request is not relayed.
class EapSlowServerTestCase : public TestCase
{
  public:
    EapSlowServerTestCase()
        : TestCase("EAP server slower than the retransmission: the repeat is not processed")
    {
    }

  private:
    void DoRun() override
    {
        EapBenchConfig c;
        c.aaaDelay = MilliSeconds(700); // the MN retransmits after 500 ms
        EapBench b{c};
        b.Run();
        NS_TEST_EXPECT_MSG_NE(b.m_mn->FindSa(b.m_scenario.GetSgAddress()),
                              nullptr,
                              "established despite the repeats");
        NS_TEST_EXPECT_MSG_GT(
            EapBench::Discards(b.m_sg, "request repeated while the EAP server answers"),
            0u,
            "repeats counted, not processed");
        NS_TEST_EXPECT_MSG_EQ(b.m_backend->starts, 1u, "one EAP session");
        NS_TEST_EXPECT_MSG_EQ(b.m_backend->continues, 1u, "one EAP Response relayed");
        Simulator::Destroy();
    }
};

/// The two ends key the final AUTHs differently (an MSK the MN does not have).
class EapAuthKeyMismatchTestCase : public TestCase
{
  public:
    EapAuthKeyMismatchTestCase()
        : TestCase("final AUTH keyed by an MSK the peer does not hold: AUTHENTICATION_FAILED")
    {
    }

  private:
    void DoRun() override
    {
        EapBenchConfig c;
        c.forcedMsk = std::vector<uint8_t>(64, 0x5a);
        EapBench b{c};
        b.Run();
        NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.established + b.m_sgLog.established, 0u, "no IKE SA");
        NS_TEST_EXPECT_MSG_EQ(AnyContains(b.m_sgLog.failures, "AUTH after EAP does not verify"),
                              true,
                              "the SG refuses the MN's AUTH");
        NS_TEST_EXPECT_MSG_EQ((b.m_sgLog.msk == c.forcedMsk), true, "the SG traced its MSK");
        NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.eapSuccesses, 1u, "the MN had EAP-Success");
        NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.msk.size(), 0u, "without an MSK (EAP-MD5)");
        Simulator::Destroy();
    }
};

/// EAP-only authentication (RFC 5998) with EAP-AKA: no CERT or AUTH from the gateway first.
class EapOnlyAkaTestCase : public TestCase
{
  public:
    EapOnlyAkaTestCase()
        : TestCase("EAP-only authentication with EAP-AKA: the MSK alone authenticates the SG")
    {
    }

  private:
    /// \param eapOnly both ends' EapOnlyAuthentication \return the bench, run
    static std::unique_ptr<EapBench> Run(bool eapOnly)
    {
        EapBenchConfig c;
        c.method = EapType::AKA;
        c.mnEapOnly = eapOnly;
        c.sgEapOnly = eapOnly;
        auto b = std::make_unique<EapBench>(c);
        b->Run();
        return b;
    }

    void DoRun() override
    {
        std::unique_ptr<EapBench> with = Run(true);
        const Ikev2Sa* mn = with->m_mn->FindSa(with->m_scenario.GetSgAddress());
        const Ikev2Sa* sg = with->m_sg->FindSa(with->m_scenario.GetMnAddress());
        NS_TEST_ASSERT_MSG_NE(mn, nullptr, "the MN has an established IKE SA");
        NS_TEST_ASSERT_MSG_NE(sg, nullptr, "the SG has an established IKE SA");
        NS_TEST_EXPECT_MSG_EQ(mn->eapOnly, true, "the MN accepted a first response without AUTH");
        NS_TEST_EXPECT_MSG_EQ(sg->eapOnly, true, "the SG left CERT and AUTH out");
        NS_TEST_EXPECT_MSG_EQ(with->m_mnLog.msk.size(), 64u, "EAP-AKA's MSK keyed the AUTHs");
        NS_TEST_EXPECT_MSG_EQ((with->m_mnLog.msk == with->m_sgLog.msk), true, "the same MSK");
        NS_TEST_EXPECT_MSG_EQ(mn->children.size(), 1u, "one CHILD_SA at the MN");
        NS_TEST_EXPECT_MSG_GT(with->m_scenario.GetUplinkReceived(), 0, "uplink probes");
        const uint32_t eapOnlySize = with->m_sgLog.firstAuthResponseSize;
        Simulator::Destroy();

        std::unique_ptr<EapBench> without = Run(false);
        const Ikev2Sa* sg2 = without->m_sg->FindSa(without->m_scenario.GetMnAddress());
        NS_TEST_ASSERT_MSG_NE(sg2, nullptr, "established without EAP-only too");
        NS_TEST_EXPECT_MSG_EQ(sg2->eapOnly, false, "not EAP-only");
        // Left out: the CERT payload (a DER certificate of some 800 octets) and the AUTH payload
        // (8 octets and a 2048-bit RSA signature of 256).
        NS_TEST_EXPECT_MSG_LT(eapOnlySize + 264 + 400,
                              without->m_sgLog.firstAuthResponseSize,
                              "the first response is smaller by CERT and AUTH");
        Simulator::Destroy();
    }
};

/// EAP-only asked, EAP-MD5 run: refused at the SG (no MSK) or, given an MSK, at the MN.
class EapOnlyMd5RefusedTestCase : public TestCase
{
  public:
    EapOnlyMd5RefusedTestCase()
        : TestCase("EAP-only authentication with EAP-MD5: refused at either end (RFC 5998 §4)")
    {
    }

  private:
    void DoRun() override
    {
        EapBenchConfig c;
        c.mnEapOnly = true;
        c.sgEapOnly = true;
        {
            EapBench b{c};
            b.Run();
            NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.established + b.m_sgLog.established, 0u, "no IKE SA");
            NS_TEST_EXPECT_MSG_EQ(AnyContains(b.m_sgLog.failures, "made no MSK"),
                                  true,
                                  "the SG refuses EAP-only without an MSK");
            NS_TEST_EXPECT_MSG_EQ(AnyContains(b.m_mnLog.failures, "EAP"),
                                  true,
                                  "the MN fails on the EAP-Failure sent instead of Success");
            NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.eapSuccesses, 0u, "no EAP-Success at the MN");
            Simulator::Destroy();
        }
        // An EAP server that gives an MSK for EAP-MD5: the SG goes on, the MN refuses.
        c.forcedMsk = std::vector<uint8_t>(64, 0x5a);
        EapBench b{c};
        b.Run();
        NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.established + b.m_sgLog.established, 0u, "no IKE SA");
        NS_TEST_EXPECT_MSG_EQ(AnyContains(b.m_mnLog.failures, "does not authenticate the server"),
                              true,
                              "the MN refuses EAP-MD5 under EAP-only");
        NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.authRequests, 2u, "no final AUTH sent by the MN");
        Simulator::Destroy();
    }
};

/// EAP-only asked but not allowed, or allowed but not asked: the usual certificate AUTH.
class EapOnlyOneSidedTestCase : public TestCase
{
  public:
    EapOnlyOneSidedTestCase()
        : TestCase("EAP-only on one side only: the SG authenticates with its certificate")
    {
    }

  private:
    void DoRun() override
    {
        for (bool mnAsks : {true, false})
        {
            EapBenchConfig c;
            c.method = EapType::AKA;
            c.mnEapOnly = mnAsks;
            c.sgEapOnly = !mnAsks;
            EapBench b{c};
            b.Run();
            const Ikev2Sa* mn = b.m_mn->FindSa(b.m_scenario.GetSgAddress());
            const Ikev2Sa* sg = b.m_sg->FindSa(b.m_scenario.GetMnAddress());
            NS_TEST_ASSERT_MSG_NE(mn, nullptr, "the MN has an established IKE SA");
            NS_TEST_ASSERT_MSG_NE(sg, nullptr, "the SG has an established IKE SA");
            NS_TEST_EXPECT_MSG_EQ(mn->eapOnly || sg->eapOnly, false, "not EAP-only");
            NS_TEST_EXPECT_MSG_EQ((sg->authMethod == Ikev2AuthMethod::SHARED_KEY_MIC),
                                  false,
                                  "the SG signed its first AUTH");
            Simulator::Destroy();
        }
    }
};

class Ikev2EapTestSuite : public TestSuite
{
  public:
    Ikev2EapTestSuite()
        : TestSuite("cxtp-ipsec-ikev2-eap", SYSTEM)
    {
        AddTestCase(new EapMd5SuccessTestCase(), TestCase::QUICK);
        AddTestCase(new EapMd5WrongPasswordTestCase(), TestCase::QUICK);
        AddTestCase(new EapNoBackendTestCase(), TestCase::QUICK);
        AddTestCase(new EapSlowServerTestCase(), TestCase::QUICK);
        AddTestCase(new EapAuthKeyMismatchTestCase(), TestCase::QUICK);
        AddTestCase(new EapOnlyAkaTestCase(), TestCase::QUICK);
        AddTestCase(new EapOnlyMd5RefusedTestCase(), TestCase::QUICK);
        AddTestCase(new EapOnlyOneSidedTestCase(), TestCase::QUICK);
    }
};

Ikev2EapTestSuite g_ikev2EapTestSuite; ///< registers the suite

} // namespace
