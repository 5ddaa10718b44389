/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// System tests of the IKEv2 daemon (RFC 7296) in the static tunnel scenario (MN — SG — CN):
// the MN's PF_KEY raises an ACQUIRE for the probe traffic, the MN's daemon runs IKE_SA_INIT and
// IKE_AUTH with the passive SG, both install the CHILD_SA, and the probes flow through it.
// Covered: the negotiation matrix (groups x ciphers x PSK or certificates), identical IKE keys at
// both ends, INVALID_KE_PAYLOAD retry, COOKIE round trip, AUTHENTICATION_FAILED for a wrong PSK
// and for a certificate of an unknown CA, loss of each message in turn, DELETE, liveness, and
// malformed input discarded with a reason.

#include "cxtp-test-isolation.h"
#include "cxtp-test-packet.h"

#include "ns3/boolean.h"
#include "ns3/csma-net-device.h"
#include "ns3/cxtp-ipsec-module.h"
#include "ns3/error-model.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// What one bench runs.
struct BenchConfig
{
    std::string mnIke{"aes128-sha256-modp2048"}; ///< the MN's IkeProposals
    std::string sgIke{"aes128-sha256-modp2048"}; ///< the SG's IkeProposals
    std::string esp{"aes128-sha256"};            ///< both EspProposals
    std::string pskMn{"ikev2-secret"};           ///< the MN's key for the SG
    std::string pskSg{"ikev2-secret"};           ///< the SG's key for the MN
    bool certificates{false};                    ///< authenticate with certificates
    bool foreignCa{false};                       ///< certificates: the SG trusts another root
    uint32_t intermediates{1};                   ///< certificates: CAs below the root
    uint32_t cookieThreshold{10};                ///< the SG's CookieThreshold
    std::string profile{"zero"};                 ///< both nodes' cost profile
    int32_t drop{-1};          ///< drop the n-th IKE frame on the access link (from 0), -1: none
    Time duration{Seconds(8)}; ///< probes run this long
};

/// Drops the n-th received frame that carries UDP port 500, counting at every device it sits on.
class NthIkeFrameDrop : public ErrorModel
{
  public:
    /// Shared by the error models of both ends of the link.
    struct Counter
    {
        int32_t target{-1};  ///< which IKE frame to drop
        int32_t seen{0};     ///< IKE frames seen so far
        uint32_t dropped{0}; ///< frames dropped
    };

    /// \param counter the shared counter
    void SetCounter(std::shared_ptr<Counter> counter)
    {
        m_counter = std::move(counter);
    }

  private:
    bool DoCorrupt(Ptr<Packet> frame) override
    {
        CxtpTestPacket packet;
        if (!m_counter || !packet.Parse(frame, CxtpTestPacket::ETHERNET) ||
            !packet.HasUdpPort(Ikev2Daemon::PORT))
        {
            return false;
        }
        if (m_counter->seen++ == m_counter->target)
        {
            m_counter->dropped++;
            return true;
        }
        return false;
    }

    void DoReset() override
    {
    }

    std::shared_ptr<Counter> m_counter; ///< shared with the other end
};

/// What a daemon's traces said.
struct DaemonLog
{
    uint32_t sent{0};                  ///< messages sent
    uint32_t received{0};              ///< messages received
    std::vector<uint32_t> initSizes;   ///< sizes of the IKE_SA_INIT messages it sent
    std::vector<uint32_t> authSizes;   ///< sizes of the IKE_AUTH messages it sent
    std::vector<std::string> failures; ///< Failure traces
    uint32_t established{0};           ///< Established traces
    uint32_t installed{0};             ///< Installed traces
};

void
RecordMessage(DaemonLog* log,
              bool sent,
              const Ipv6Address&,
              Ikev2ExchangeType exchange,
              bool,
              uint32_t size)
{
    (sent ? log->sent : log->received)++;
    if (sent && exchange == Ikev2ExchangeType::IKE_SA_INIT)
    {
        log->initSizes.push_back(size);
    }
    if (sent && exchange == Ikev2ExchangeType::IKE_AUTH)
    {
        log->authSizes.push_back(size);
    }
}

void
RecordFailure(DaemonLog* log, const Ipv6Address&, const std::string& reason)
{
    log->failures.push_back(reason);
}

void
RecordEstablished(DaemonLog* log, const Ipv6Address&, Time)
{
    log->established++;
}

void
RecordInstalled(DaemonLog* log, const Ipv6Address&, uint32_t, uint32_t)
{
    log->installed++;
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

/**
 * The scenario with PROTECT rules and no SAs, an IKEv2 daemon on the MN (initiating on the
 * ACQUIRE of the first probe) and a passive one on the SG, the access link watched.
 */
class Ikev2Bench
{
  public:
    explicit Ikev2Bench(const BenchConfig& config)
        : m_scenario(MakeScenarioConfig(config)),
          m_monitor(Create<SignallingMonitor>()),
          m_counter(std::make_shared<NthIkeFrameDrop::Counter>())
    {
        Ptr<Node> mn = m_scenario.GetMn();
        Ptr<Node> sg = m_scenario.GetSg();
        m_scenario.AssignStreams(0);
        if (config.certificates)
        {
            CryptoCertificateAuthority ca("ikev2 test root");
            uint32_t issuer = CryptoCertificateAuthority::ROOT;
            for (uint32_t i = 0; i < config.intermediates; ++i)
            {
                issuer = ca.AddIntermediate("ikev2 test CA " + std::to_string(i + 1), issuer);
            }
            for (Ptr<Node> node : {mn, sg})
            {
                auto issued = ca.IssueEndEntity("node " + std::to_string(node->GetId()), issuer);
                IpsecCredentialStore::Get(node)->SetCertificate(issued.chain,
                                                                issued.key.privateKeyDer);
            }
            std::vector<uint8_t> sgTrusts = ca.GetRootCertificate();
            if (config.foreignCa)
            {
                sgTrusts = CryptoCertificateAuthority("another root").GetRootCertificate();
            }
            Ikev2Helper::AddCertificatePeer(mn,
                                            m_scenario.GetSgAddress(),
                                            Ipv6Prefix(128),
                                            {ca.GetRootCertificate()});
            Ikev2Helper::AddCertificatePeer(sg,
                                            m_scenario.GetMnAddress(),
                                            Ipv6Prefix(128),
                                            {sgTrusts});
        }
        else
        {
            Ikev2Helper::AddPreSharedKey(mn,
                                         m_scenario.GetSgAddress(),
                                         Ipv6Prefix(128),
                                         config.pskMn);
            Ikev2Helper::AddPreSharedKey(sg,
                                         m_scenario.GetMnAddress(),
                                         Ipv6Prefix(128),
                                         config.pskSg);
        }
        Ikev2Helper ike;
        ike.SetCostProfile(config.profile);
        ike.SetAttribute("EspProposals", StringValue(config.esp));
        ike.SetAttribute("RetransmitTimeout", TimeValue(MilliSeconds(500)));
        ApplicationContainer daemons = ike.Install(NodeContainer(mn, sg));
        daemons.Get(0)->SetAttribute("IkeProposals", StringValue(config.mnIke));
        daemons.Get(1)->SetAttribute("IkeProposals", StringValue(config.sgIke));
        daemons.Get(1)->SetAttribute("Passive", BooleanValue(true));
        daemons.Get(1)->SetAttribute("CookieThreshold", UintegerValue(config.cookieThreshold));
        m_mn = DynamicCast<Ikev2Daemon>(daemons.Get(0));
        m_sg = DynamicCast<Ikev2Daemon>(daemons.Get(1));
        NS_ABORT_MSG_IF(!m_mn || !m_sg, "Ikev2Helper did not install Ikev2Daemons");
        Connect(m_mn, &m_mnLog);
        Connect(m_sg, &m_sgLog);
        m_monitor->Attach(mn->GetDevice(0));
        m_monitor->Attach(sg->GetDevice(0));
        m_counter->target = config.drop;
        for (Ptr<Node> node : {mn, sg})
        {
            Ptr<NthIkeFrameDrop> drop = CreateObject<NthIkeFrameDrop>();
            drop->SetCounter(m_counter);
            DynamicCast<CsmaNetDevice>(node->GetDevice(0))->SetReceiveErrorModel(drop);
        }
    }

    /// Runs to the scenario's stop time.
    void Run()
    {
        Simulator::Stop(m_scenario.GetStopTime());
        Simulator::Run();
    }

    /// \param node MN (0) or SG (1) \return the ESP SAs it holds
    std::vector<IpsecSecurityAssociation> GetSad(uint32_t node) const
    {
        Ptr<Node> n = node == 0 ? m_scenario.GetMn() : m_scenario.GetSg();
        return n->GetObject<IpsecPfKey>()->Dump();
    }

    IpsecTunnelScenario m_scenario;                      ///< MN — SG — CN
    Ptr<SignallingMonitor> m_monitor;                    ///< the access link
    std::shared_ptr<NthIkeFrameDrop::Counter> m_counter; ///< frames seen and dropped
    Ptr<Ikev2Daemon> m_mn;                               ///< the initiator
    Ptr<Ikev2Daemon> m_sg;                               ///< the responder
    DaemonLog m_mnLog;                                   ///< its traces
    DaemonLog m_sgLog;                                   ///< its traces

  private:
    static IpsecTunnelScenario::Config MakeScenarioConfig(const BenchConfig& config)
    {
        IpsecTunnelScenario::Config c;
        c.manualKeys = false;
        c.duration = config.duration;
        return c;
    }

    static void Connect(Ptr<Ikev2Daemon> daemon, DaemonLog* log)
    {
        daemon->TraceConnectWithoutContext("Message", MakeBoundCallback(&RecordMessage, log));
        daemon->TraceConnectWithoutContext("Failure", MakeBoundCallback(&RecordFailure, log));
        daemon->TraceConnectWithoutContext("Established",
                                           MakeBoundCallback(&RecordEstablished, log));
        daemon->TraceConnectWithoutContext("Installed", MakeBoundCallback(&RecordInstalled, log));
    }
};

/// \return the number of discards of a reason
uint64_t
Discards(Ptr<Ikev2Daemon> daemon, const std::string& reason)
{
    auto it = daemon->GetDiscards().find(reason);
    return it == daemon->GetDiscards().end() ? 0 : it->second;
}

/// A case of this suite: checks what every successful negotiation shows.
class Ikev2DaemonTestCase : public TestCase
{
  protected:
    /// \param name the case's name
    explicit Ikev2DaemonTestCase(const std::string& name)
        : TestCase(name)
    {
    }

    /// \param b the bench after its run \param label names the case
    void CheckEstablished(Ikev2Bench& b, const std::string& label);
};

void
Ikev2DaemonTestCase::CheckEstablished(Ikev2Bench& b, const std::string& label)
{
    const Ikev2Sa* mn = b.m_mn->FindSa(b.m_scenario.GetSgAddress());
    const Ikev2Sa* sg = b.m_sg->FindSa(b.m_scenario.GetMnAddress());
    NS_TEST_EXPECT_MSG_NE(mn, nullptr, label << ": the MN has an established IKE SA");
    NS_TEST_EXPECT_MSG_NE(sg, nullptr, label << ": the SG has an established IKE SA");
    if (mn && sg)
    {
        NS_TEST_EXPECT_MSG_EQ(mn->spiI, sg->spiI, label << ": SPIi");
        NS_TEST_EXPECT_MSG_EQ(mn->spiR, sg->spiR, label << ": SPIr");
        NS_TEST_EXPECT_MSG_EQ((mn->keys.skD == sg->keys.skD), true, label << ": SK_d at both ends");
        NS_TEST_EXPECT_MSG_EQ((mn->keys.skEi == sg->keys.skEi && mn->keys.skAr == sg->keys.skAr),
                              true,
                              label << ": SK_ei and SK_ar at both ends");
        NS_TEST_EXPECT_MSG_EQ(mn->children.size(), 1u, label << ": one CHILD_SA at the MN");
        NS_TEST_EXPECT_MSG_EQ(sg->children.size(), 1u, label << ": one CHILD_SA at the SG");
        for (const Ikev2Sa* end : {mn, sg})
        {
            for (const auto& [in, child] : end->children)
            {
                NS_TEST_EXPECT_MSG_NE(child.outPolicyId, 0u, label << ": its outbound rule");
                NS_TEST_EXPECT_MSG_NE(child.inPolicyId, 0u, label << ": its inbound rule");
            }
        }
    }
    NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.installed, 1u, label << ": the MN installed one pair");
    NS_TEST_EXPECT_MSG_EQ(b.m_sgLog.installed, 1u, label << ": the SG installed one pair");
    NS_TEST_EXPECT_MSG_EQ(b.GetSad(0).size(), 2u, label << ": two ESP SAs at the MN");
    NS_TEST_EXPECT_MSG_EQ(b.GetSad(1).size(), 2u, label << ": two ESP SAs at the SG");
    NS_TEST_EXPECT_MSG_GT(b.m_scenario.GetUplinkReceived(), 0, label << ": uplink probes");
    NS_TEST_EXPECT_MSG_GT(b.m_scenario.GetDownlinkReceived(), 0, label << ": downlink probes");
}

/// Negotiation matrix: IKE groups and ciphers x ESP ciphers x PSK/certificates.
class Ikev2MatrixTestCase : public Ikev2DaemonTestCase
{
  public:
    Ikev2MatrixTestCase()
        : Ikev2DaemonTestCase(
              "negotiation matrix: groups x ciphers x PSK or certificates, 4 messages, equal keys")
    {
    }

  private:
    void DoRun() override
    {
        const char* ikes[] = {"aes128-sha256-modp2048",
                              "aes256-sha384-ecp256",
                              "aes128gcm16-prfsha256-curve25519",
                              "3des-sha1-modp1024"};
        const char* esps[] = {"aes128-sha256", "aes256gcm16", "3des-sha1"};
        uint32_t i = 0;
        for (const char* ike : ikes)
        {
            for (bool certificates : {false, true})
            {
                BenchConfig c;
                c.mnIke = c.sgIke = ike;
                c.esp = esps[i++ % 3];
                c.certificates = certificates;
                c.duration = Seconds(2);
                std::string label =
                    std::string(ike) + " " + c.esp + (certificates ? " cert" : " psk");
                CxtpTestIsolation isolation;
                Ikev2Bench b(c);
                b.Run();
                CheckEstablished(b, label);
                // Certificates make IKE_AUTH larger than the link MTU: IPv6 fragments, which
                // the monitor does not count as IKE frames; the daemons count messages.
                NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.sent + b.m_sgLog.sent, 4u, label << ": messages");
                NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.received + b.m_sgLog.received,
                                      4u,
                                      label << ": all received");
                NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.failures.size(), 0u, label << ": MN failures");
                NS_TEST_EXPECT_MSG_EQ(b.m_sgLog.failures.size(), 0u, label << ": SG failures");
                Simulator::Destroy();
            }
        }
    }
};

/**
 * A negotiation as slow as on the 2008 testbed, started by the first probe's ACQUIRE; while it
 * runs, Initiate() asks again for the same rule (as a handover method does after a move). The
 * rule's first CHILD_SA comes with IKE_AUTH: nothing more starts (no CREATE_CHILD_SA for a
 * second pair after IKE_AUTH).
 */
class Ikev2AcquireDuringNegotiationTestCase : public Ikev2DaemonTestCase
{
  public:
    Ikev2AcquireDuringNegotiationTestCase()
        : Ikev2DaemonTestCase(
              "Initiate() during a slow negotiation of the same rule: one CHILD_SA, 4 messages")
    {
    }

  private:
    void DoRun() override
    {
        BenchConfig c;
        c.profile = "testbed-2008";
        c.duration = Seconds(3);
        CxtpTestIsolation isolation;
        Ikev2Bench b(c);
        uint32_t out = 0;
        uint32_t in = 0;
        NS_TEST_ASSERT_MSG_EQ(b.m_scenario.GetMn()->GetObject<IpsecSpd>()->FindTunnelRules(
                                  b.m_scenario.GetMnAddress(),
                                  b.m_scenario.GetSgAddress(),
                                  out,
                                  in),
                              true,
                              "the MN's tunnel rules");
        Simulator::Schedule(MilliSeconds(200), &Ikev2Daemon::Initiate, b.m_mn, out);
        b.Run();
        CheckEstablished(b, "testbed-2008");
        const Ikev2Sa* mn = b.m_mn->FindSa(b.m_scenario.GetSgAddress());
        NS_TEST_ASSERT_MSG_NE(mn, nullptr, "an IKE SA");
        // The first probe leaves at 0.1 s, one each 50 ms: several during the exchanges.
        NS_TEST_EXPECT_MSG_GT(mn->established - mn->started,
                              MilliSeconds(150),
                              "the negotiation spans several probes");
        NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.sent + b.m_sgLog.sent, 4u, "messages");
        NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.failures.size(), 0u, "MN failures");
        Simulator::Destroy();
    }
};

/// Certificates: the chain's size is in the IKE_AUTH request.
class Ikev2CertificateChainTestCase : public Ikev2DaemonTestCase
{
  public:
    Ikev2CertificateChainTestCase()
        : Ikev2DaemonTestCase("certificates: IKE_AUTH grows with the chain, PSK smallest")
    {
    }

  private:
    /// Sizes of the messages that depend on the authentication.
    struct Sizes
    {
        uint32_t initResponse{0}; ///< the SG's IKE_SA_INIT response
        uint32_t authRequest{0};  ///< the MN's IKE_AUTH request
    };

    /// \return the sizes with this configuration
    Sizes Measure(bool certificates, uint32_t intermediates)
    {
        BenchConfig c;
        c.certificates = certificates;
        c.intermediates = intermediates;
        c.duration = Seconds(2);
        CxtpTestIsolation isolation;
        Ikev2Bench b(c);
        b.Run();
        CheckEstablished(b, certificates ? "certificates" : "psk");
        Sizes sizes;
        sizes.initResponse = b.m_sgLog.initSizes.empty() ? 0 : b.m_sgLog.initSizes.front();
        sizes.authRequest = b.m_mnLog.authSizes.empty() ? 0 : b.m_mnLog.authSizes.front();
        Simulator::Destroy();
        return sizes;
    }

    void DoRun() override
    {
        Sizes psk = Measure(false, 0);
        Sizes depth1 = Measure(true, 0);
        Sizes depth2 = Measure(true, 1);
        Sizes depth3 = Measure(true, 2);
        NS_TEST_EXPECT_MSG_GT(depth1.authRequest,
                              psk.authRequest + 500,
                              "a certificate is larger than a PSK's AUTH");
        NS_TEST_EXPECT_MSG_GT(depth2.authRequest,
                              depth1.authRequest + 500,
                              "an intermediate CA's certificate more");
        NS_TEST_EXPECT_MSG_GT(depth3.authRequest, depth2.authRequest + 500, "and another");
        // A certificate-authenticating SG asks for certificates in IKE_SA_INIT already (RFC 7296
        // §1.2): one CERTREQ naming its one root, 4 + 1 + 20 octets, whatever the chain's depth.
        NS_TEST_EXPECT_MSG_EQ(depth1.initResponse, psk.initResponse + 25, "CERTREQ in IKE_SA_INIT");
        NS_TEST_EXPECT_MSG_EQ(depth3.initResponse, depth1.initResponse, "one trust anchor");
    }
};

/// Authentication failures: a wrong PSK and a certificate of an unknown CA.
class Ikev2AuthFailureTestCase : public Ikev2DaemonTestCase
{
  public:
    /// \param certificates a certificate of an unknown CA instead of a wrong PSK
    explicit Ikev2AuthFailureTestCase(bool certificates)
        : Ikev2DaemonTestCase(certificates ? "certificate of an unknown CA: AUTHENTICATION_FAILED"
                                           : "wrong PSK: AUTHENTICATION_FAILED"),
          m_certificates(certificates)
    {
    }

  private:
    void DoRun() override
    {
        BenchConfig c;
        c.certificates = m_certificates;
        c.foreignCa = m_certificates;
        c.pskSg = m_certificates ? c.pskSg : "another-secret";
        c.duration = Seconds(2);
        CxtpTestIsolation isolation;
        Ikev2Bench b(c);
        b.Run();
        NS_TEST_EXPECT_MSG_EQ(AnyContains(b.m_sgLog.failures, "AUTHENTICATION_FAILED"),
                              true,
                              "the SG refused the MN's AUTH");
        NS_TEST_EXPECT_MSG_EQ(AnyContains(b.m_mnLog.failures, "IKE_AUTH"),
                              true,
                              "the MN's IKE_AUTH failed");
        NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.installed + b.m_sgLog.installed, 0u, "no CHILD_SA");
        NS_TEST_EXPECT_MSG_EQ(b.GetSad(0).size() + b.GetSad(1).size(), 0u, "no ESP SA");
        NS_TEST_EXPECT_MSG_EQ(b.m_mn->FindSa(b.m_scenario.GetSgAddress()), nullptr, "no IKE SA");
        NS_TEST_EXPECT_MSG_EQ(b.m_scenario.GetUplinkReceived(), 0, "no probe crossed");
        Simulator::Destroy();
    }

    bool m_certificates; ///< which failure
};

/// INVALID_KE_PAYLOAD and COOKIE: the initiator retries IKE_SA_INIT once.
class Ikev2RetryTestCase : public Ikev2DaemonTestCase
{
  public:
    /// \param cookie a COOKIE demanded instead of another group
    explicit Ikev2RetryTestCase(bool cookie)
        : Ikev2DaemonTestCase(
              cookie ? "COOKIE demanded (threshold 0): IKE_SA_INIT again with it"
                     : "INVALID_KE_PAYLOAD: IKE_SA_INIT again with the responder's group"),
          m_cookie(cookie)
    {
    }

  private:
    void DoRun() override
    {
        BenchConfig c;
        if (m_cookie)
        {
            c.cookieThreshold = 0;
        }
        else
        {
            c.mnIke = "aes128-sha256-modp2048,aes128-sha256-ecp256";
            c.sgIke = "aes128-sha256-ecp256";
        }
        c.duration = Seconds(2);
        CxtpTestIsolation isolation;
        Ikev2Bench b(c);
        b.Run();
        CheckEstablished(b, m_cookie ? "cookie" : "invalid KE");
        NS_TEST_EXPECT_MSG_EQ(b.m_monitor->GetIkeMessages(), 6u, "IKE_SA_INIT twice, IKE_AUTH");
        std::string reason =
            m_cookie ? "IKE_SA_INIT refused: COOKIE" : "IKE_SA_INIT refused: INVALID_KE_PAYLOAD";
        NS_TEST_EXPECT_MSG_EQ(Discards(b.m_sg, reason), 1u, "the SG refused one request");
        const Ikev2Sa* sa = b.m_mn->FindSa(b.m_scenario.GetSgAddress());
        if (sa && !m_cookie)
        {
            NS_TEST_EXPECT_MSG_EQ(static_cast<uint16_t>(sa->algorithms.dh),
                                  static_cast<uint16_t>(Ikev2DhId::ECP_256),
                                  "the responder's group");
        }
        Simulator::Destroy();
    }

    bool m_cookie; ///< which retry
};

/// Loss of each of the four messages in turn: recovered by retransmission.
class Ikev2LossTestCase : public Ikev2DaemonTestCase
{
  public:
    /// \param lost which message is lost (0: IKE_SA_INIT request ... 3: IKE_AUTH response)
    explicit Ikev2LossTestCase(int32_t lost)
        : Ikev2DaemonTestCase("loss of message " + std::to_string(lost + 1) + " of 4: recovered"),
          m_lost(lost)
    {
    }

  private:
    void DoRun() override
    {
        BenchConfig c;
        c.drop = m_lost;
        c.duration = Seconds(3);
        CxtpTestIsolation isolation;
        Ikev2Bench b(c);
        b.Run();
        NS_TEST_EXPECT_MSG_EQ(b.m_counter->dropped, 1u, "one IKE frame dropped");
        CheckEstablished(b, "loss");
        // The initiator retransmits its request. A lost request costs one message more; a lost
        // response two (the request again, and the response again from the responder's cache,
        // not computed twice: one CHILD_SA, nothing discarded).
        bool response = m_lost % 2 == 1;
        NS_TEST_EXPECT_MSG_EQ(b.m_monitor->GetIkeMessages(),
                              (response ? 6u : 5u),
                              "messages on the link, the lost one included");
        NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.sent, 3u, "the MN sent one request twice");
        NS_TEST_EXPECT_MSG_EQ(b.m_sgLog.sent, (response ? 3u : 2u), "the SG's answers");
        NS_TEST_EXPECT_MSG_EQ(b.m_sg->GetDiscards().size(), 0u, "the repeat is no discard");
        Simulator::Destroy();
    }

    int32_t m_lost; ///< the lost message
};

/// INFORMATIONAL: liveness check, then DELETE of the IKE SA.
class Ikev2InformationalTestCase : public Ikev2DaemonTestCase
{
  public:
    Ikev2InformationalTestCase()
        : Ikev2DaemonTestCase(
              "INFORMATIONAL: liveness keeps the SA, DELETE removes IKE and CHILD SAs")
    {
    }

  private:
    void DoRun() override
    {
        BenchConfig c;
        c.duration = Seconds(4);
        CxtpTestIsolation isolation;
        Ikev2Bench b(c);
        Ipv6Address sg = b.m_scenario.GetSgAddress();
        uint32_t afterLiveness = 0;
        Simulator::Schedule(Seconds(2), &Ikev2Daemon::CheckLiveness, b.m_mn, sg);
        Simulator::Schedule(Seconds(2.5), [&]() {
            afterLiveness = b.m_monitor->GetIkeMessages();
            NS_TEST_EXPECT_MSG_NE(b.m_mn->FindSa(sg), nullptr, "the SA lives after the check");
        });
        Simulator::Schedule(Seconds(3), &Ikev2Daemon::Delete, b.m_mn, sg);
        // The probes stop at 4.1 s; the SAs must be gone before then, and ACQUIRE must not
        // bring them back: the MN is passive from now on.
        Simulator::Schedule(Seconds(2.9),
                            [&]() { b.m_mn->SetAttribute("Passive", BooleanValue(true)); });
        b.Run();
        NS_TEST_EXPECT_MSG_EQ(afterLiveness, 6u, "liveness: one request, one response");
        NS_TEST_EXPECT_MSG_EQ(b.m_monitor->GetIkeMessages(), 8u, "DELETE: request and response");
        NS_TEST_EXPECT_MSG_EQ(b.m_mn->GetSas().size(), 0u, "no IKE SA at the MN");
        NS_TEST_EXPECT_MSG_EQ(b.m_sg->FindSa(b.m_scenario.GetMnAddress()),
                              nullptr,
                              "no IKE SA at the SG");
        NS_TEST_EXPECT_MSG_EQ(b.GetSad(0).size() + b.GetSad(1).size(), 0u, "no ESP SA");
        Simulator::Destroy();
    }
};

/// \return our inbound SPIs of the CHILD_SAs of every IKE SA of a daemon
std::set<uint32_t>
ChildSpis(Ptr<Ikev2Daemon> daemon)
{
    std::set<uint32_t> spis;
    for (const auto& [spi, sa] : daemon->GetSas())
    {
        for (const auto& [in, child] : sa.children)
        {
            spis.insert(in);
        }
    }
    return spis;
}

/**
 * CREATE_CHILD_SA with probes flowing both ways every 50 ms and the testbed's processing
 * times (each message takes tens of ms): the MN rekeys the CHILD_SA, then the IKE SA, then the
 * SG (the original responder) rekeys the CHILD_SA on the new IKE SA. Every rekey replaces what
 * it rekeys (new SPIs, the old SAs deleted) and not one probe more is lost than in the same run
 * without rekeys.
 */
class Ikev2RekeyTestCase : public Ikev2DaemonTestCase
{
  public:
    /// \param pfs CHILD_SA rekeys with a KE (PFS, MODP-2048)
    explicit Ikev2RekeyTestCase(bool pfs)
        : Ikev2DaemonTestCase(std::string("rekey of CHILD_SA and IKE SA with probes flowing, ") +
                              (pfs ? "PFS" : "no PFS") + ": no probe lost"),
          m_pfs(pfs)
    {
    }

  private:
    void DoRun() override
    {
        BenchConfig c;
        c.duration = Seconds(6);
        c.profile = "testbed-2008";
        c.esp = m_pfs ? "aes128-sha256-modp2048" : "aes128-sha256";
        uint64_t baseUp = 0;
        uint64_t baseDown = 0;
        {
            CxtpTestIsolation isolation;
            Ikev2Bench b(c);
            b.Run();
            baseUp = b.m_scenario.GetUplinkReceived();
            baseDown = b.m_scenario.GetDownlinkReceived();
            Simulator::Destroy();
        }
        CxtpTestIsolation isolation;
        Ikev2Bench b(c);
        Ipv6Address sg = b.m_scenario.GetSgAddress();
        Ipv6Address mn = b.m_scenario.GetMnAddress();
        std::set<uint32_t> seen;
        uint64_t firstIkeSpi = 0;
        auto note = [&](const std::string& when) {
            std::set<uint32_t> now = ChildSpis(b.m_mn);
            NS_TEST_EXPECT_MSG_EQ(now.size(), 1u, when << ": one CHILD_SA at the MN");
            for (uint32_t spi : now)
            {
                NS_TEST_EXPECT_MSG_EQ(seen.count(spi), 0u, when << ": a new CHILD_SA");
                seen.insert(spi);
            }
            NS_TEST_EXPECT_MSG_EQ(b.GetSad(0).size(), 2u, when << ": two ESP SAs at the MN");
            NS_TEST_EXPECT_MSG_EQ(b.GetSad(1).size(), 2u, when << ": two ESP SAs at the SG");
        };
        Simulator::Schedule(Seconds(2), [&]() {
            note("before the rekeys");
            firstIkeSpi = b.m_mn->FindSa(sg)->spiI;
            b.m_mn->RekeyChildren(sg);
        });
        std::set<uint32_t> beforeIkeRekey;
        Simulator::Schedule(Seconds(3), [&]() {
            note("after the MN's CHILD_SA rekey");
            beforeIkeRekey = ChildSpis(b.m_mn);
            b.m_mn->RekeyIkeSa(sg);
        });
        Simulator::Schedule(Seconds(4), [&]() {
            NS_TEST_EXPECT_MSG_EQ((ChildSpis(b.m_mn) == beforeIkeRekey),
                                  true,
                                  "the IKE SA rekey moved the CHILD_SA to the new IKE SA");
            NS_TEST_EXPECT_MSG_EQ(b.m_mn->GetSas().size(), 1u, "the old IKE SA is deleted");
            b.m_sg->RekeyChildren(mn);
        });
        Simulator::Schedule(Seconds(5), [&]() { note("after the SG's CHILD_SA rekey"); });
        b.Run();

        NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.failures.size() + b.m_sgLog.failures.size(),
                              0u,
                              "no failure");
        NS_TEST_EXPECT_MSG_EQ(b.m_mn->GetSas().size(), 1u, "one IKE SA at the MN");
        uint32_t sgLive = 0;
        for (const auto& [spi, sa] : b.m_sg->GetSas())
        {
            sgLive += sa.state != Ikev2State::DELETED; // kept for a retransmitted DELETE
        }
        NS_TEST_EXPECT_MSG_EQ(sgLive, 1u, "one IKE SA at the SG");
        const Ikev2Sa* ours = b.m_mn->FindSa(sg);
        const Ikev2Sa* theirs = b.m_sg->FindSa(mn);
        NS_TEST_ASSERT_MSG_NE(ours, nullptr, "the MN's IKE SA is established");
        NS_TEST_ASSERT_MSG_NE(theirs, nullptr, "the SG's IKE SA is established");
        NS_TEST_EXPECT_MSG_NE(ours->spiI, firstIkeSpi, "the IKE SA was rekeyed");
        NS_TEST_EXPECT_MSG_EQ(ours->spiI, theirs->spiI, "SPIi of the new IKE SA");
        NS_TEST_EXPECT_MSG_EQ(ours->spiR, theirs->spiR, "SPIr of the new IKE SA");
        NS_TEST_EXPECT_MSG_EQ((ours->keys.skD == theirs->keys.skD), true, "its SK_d");
        NS_TEST_EXPECT_MSG_EQ(b.m_mnLog.installed, 3u, "the MN installed three CHILD_SAs");
        NS_TEST_EXPECT_MSG_EQ(b.m_sgLog.installed, 3u, "the SG installed three CHILD_SAs");
        // IKE_SA_INIT, IKE_AUTH; three CREATE_CHILD_SA exchanges, each with its DELETE.
        NS_TEST_EXPECT_MSG_EQ(b.m_monitor->GetIkeMessages(), 16u, "IKE messages");
        NS_TEST_EXPECT_MSG_EQ(b.m_scenario.GetUplinkReceived(), baseUp, "uplink probes");
        NS_TEST_EXPECT_MSG_EQ(b.m_scenario.GetDownlinkReceived(), baseDown, "downlink probes");
        Simulator::Destroy();
    }

    bool m_pfs; ///< CHILD_SA rekeys with PFS
};

/// Malformed and unsolicited messages to UDP 500: discarded and counted, nothing else happens.
class Ikev2MalformedTestCase : public Ikev2DaemonTestCase
{
  public:
    Ikev2MalformedTestCase()
        : Ikev2DaemonTestCase("malformed messages: discarded with a reason, the SA unharmed")
    {
    }

  private:
    void DoRun() override
    {
        BenchConfig c;
        c.duration = Seconds(3);
        CxtpTestIsolation isolation;
        Ikev2Bench b(c);
        Ptr<Node> mn = b.m_scenario.GetMn();
        Ptr<Socket> socket = Socket::CreateSocket(mn, UdpSocketFactory::GetTypeId());
        socket->Bind6();
        Inet6SocketAddress to(b.m_scenario.GetSgAddress(), Ikev2Daemon::PORT);
        auto send = [socket, to](std::vector<uint8_t> bytes) {
            socket->SendTo(Create<Packet>(bytes.data(), bytes.size()), 0, to);
        };
        // After establishment: a header whose length disagrees, then an unknown IKE SA, then a
        // message of the established SA with a flipped ICV octet.
        Simulator::Schedule(Seconds(2), [&, send]() {
            const Ikev2Sa* sa = b.m_mn->FindSa(b.m_scenario.GetSgAddress());
            NS_TEST_ASSERT_MSG_NE(sa, nullptr, "established before the garbage");
            Ikev2Header h = sa->MakeHeader(Ikev2ExchangeType::INFORMATIONAL, false, 7);
            std::vector<uint8_t> bytes = Ikev2Codec::EncodeHeader(h);
            bytes.resize(bytes.size() + 3); // length field says 28
            send(bytes);
            Ikev2Header unknown = h;
            unknown.responderSpi ^= 1;
            send(Ikev2Codec::EncodeHeader(unknown));
            Ikev2Message m;
            m.header = sa->MakeHeader(Ikev2ExchangeType::INFORMATIONAL, false, sa->nextRequestId);
            m.encrypted = Ikev2EncryptedPayload();
            std::vector<uint8_t> sealed =
                Ikev2Protection::Protect(m, sa->GetSkKeys(true), mn->GetObject<CryptoRandom>());
            sealed.back() ^= 0x5a;
            send(sealed);
        });
        b.Run();
        NS_TEST_EXPECT_MSG_EQ(Discards(b.m_sg, "malformed IKEv2 header"), 1u, "bad length");
        NS_TEST_EXPECT_MSG_EQ(Discards(b.m_sg, "unknown IKE SA"), 1u, "unknown SPIs");
        NS_TEST_EXPECT_MSG_EQ(Discards(b.m_sg, "ICV does not verify"), 1u, "ICV");
        NS_TEST_EXPECT_MSG_NE(b.m_sg->FindSa(b.m_scenario.GetMnAddress()), nullptr, "SA unharmed");
        NS_TEST_EXPECT_MSG_EQ(b.m_sgLog.sent, 2u, "nothing answered");
        Simulator::Destroy();
    }
};

/// The suite.
class Ikev2DaemonTestSuite : public TestSuite
{
  public:
    Ikev2DaemonTestSuite()
        : TestSuite("cxtp-ipsec-ikev2-daemon", SYSTEM)
    {
        AddTestCase(new Ikev2MatrixTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2AcquireDuringNegotiationTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2CertificateChainTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2AuthFailureTestCase(false), TestCase::QUICK);
        AddTestCase(new Ikev2AuthFailureTestCase(true), TestCase::QUICK);
        AddTestCase(new Ikev2RetryTestCase(false), TestCase::QUICK);
        AddTestCase(new Ikev2RetryTestCase(true), TestCase::QUICK);
        for (int32_t lost = 0; lost < 4; ++lost)
        {
            AddTestCase(new Ikev2LossTestCase(lost), TestCase::QUICK);
        }
        AddTestCase(new Ikev2InformationalTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2RekeyTestCase(false), TestCase::QUICK);
        AddTestCase(new Ikev2RekeyTestCase(true), TestCase::QUICK);
        AddTestCase(new Ikev2MalformedTestCase, TestCase::QUICK);
    }
};

/// The suite's instance.
Ikev2DaemonTestSuite g_ikev2DaemonTestSuite;

} // namespace
