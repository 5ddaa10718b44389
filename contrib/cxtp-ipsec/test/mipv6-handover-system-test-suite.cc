/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// System tests of the Mobile IPv6 handover in the reference topology (doc/mipv6-handover.rst,
// method "none"): the probe reaches the home address before and after the handover in both
// directions, alpha lies within the bound that the RA interval, the DAD mode and the link delays
// imply, and the probes lost are only those that alpha explains.

#include "cxtp-test-isolation.h"

#include "ns3/config.h"
#include "ns3/cxtp-ipsec-module.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/mipv6-handover-scenario.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace ns3;

/**
 * \ingroup cxtp-ipsec-tests
 * \brief One or more handovers (back and forth) with a given DAD mode and seed run, each
 * checked against the analytical bound of alpha.
 *
 * alpha = t_mip - t_attach is the sum of
 * - movement detection: the next unsolicited RA, at most MaxRtrAdvInterval after the link-up
 *   (Radvd draws the gaps in [MinRtrAdvInterval, MaxRtrAdvInterval]; the RS sent on link-up
 *   only after link-local DAD is never faster), in [0, raMax];
 * - DAD on the new CoA: exactly DadTimeout (RetransTimer x DupAddrDetectTransmits = 1 s) with
 *   DAD on, 0 with DAD off or optimistic;
 * - BU/BA round trip MN -> AR -> R -> HA and back: 2 x (access + 2 core) propagation, plus the
 *   access router's address resolution of the new CoA before the BA (NS/NA: 2 x access), plus
 *   transmission times (a few frames of < 150 bytes at 100 Mb/s, < 0.1 ms each).
 * So dad + 4 core <= alpha <= raMax + dad + 4 core + 4 access + 1 ms.
 * Probes: each direction loses only probes sent inside the outage, at most ceil(alpha /
 * interval) + 1.
 */
class Mipv6HandoverTestCase : public TestCase
{
  public:
    /**
     * \param dad the DAD mode
     * \param run the RNG run
     * \param randomPhase whether the handover instants get a random phase
     * \param handovers number of handovers (back and forth every second)
     * \param method the security method
     */
    Mipv6HandoverTestCase(Mipv6MobileNode::DadMode dad,
                          uint64_t run,
                          bool randomPhase,
                          uint32_t handovers = 1,
                          std::string method = "none")
        : TestCase("Handover with DAD " + Mipv6MobileNode::ToString(dad) + ", run " +
                   std::to_string(run) + (randomPhase ? ", random phase" : "") +
                   (handovers > 1 ? ", " + std::to_string(handovers) + " handovers" : "") +
                   ", method " + method),
          m_dad(dad),
          m_run(run),
          m_randomPhase(randomPhase),
          m_handovers(handovers),
          m_method(method)
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation(m_run);

        Mipv6HandoverScenario::Config config;
        config.method = m_method;
        config.dad = m_dad;
        config.randomPhase = m_randomPhase;
        config.handovers = m_handovers;
        config.handoverPeriod = Seconds(m_dad == Mipv6MobileNode::DAD_ON ? 2 : 1);
        config.stop = config.handoverAt + config.handoverPeriod * (m_handovers - 1) +
                      Seconds(m_dad == Mipv6MobileNode::DAD_ON ? 2.5 : 1);
        Mipv6HandoverScenario scenario(config);
        scenario.AssignStreams(0);
        scenario.Run();
        std::vector<Mipv6HandoverScenario::Result> results = scenario.GetResults();
        Time dadTimeout = Seconds(1); // Icmpv6L4Protocol::DadTimeout default
        if (m_method != "none")
        {
            // Every probe crossed the access links in ESP, and nothing met a missing SA.
            Ptr<Node> mn = scenario.GetMobileNode()->GetObject<Node>();
            Ptr<IpsecEspL4Protocol> esp = mn->GetObject<IpsecEspL4Protocol>();
            NS_TEST_ASSERT_MSG_NE(esp, nullptr, "the MN runs IPsec");
            NS_TEST_EXPECT_MSG_GT(esp->GetTxCount(), 40, "uplink in ESP");
            NS_TEST_EXPECT_MSG_GT(esp->GetRxCount(), 40, "downlink in ESP");
            for (auto reason : {IpsecDropReason::NO_SA,
                                IpsecDropReason::REPLAY,
                                IpsecDropReason::BAD_ICV,
                                IpsecDropReason::POLICY_DISCARD})
            {
                NS_TEST_EXPECT_MSG_EQ(esp->GetDropCount(reason), 0, "MN drops " << reason);
            }
        }
        Simulator::Destroy();

        NS_TEST_ASSERT_MSG_EQ(results.size(), m_handovers, "every handover happened");
        for (const auto& r : results)
        {
            Check(r, config, dadTimeout, scenario.GetHandoverTime(r.index));
        }
        CheckCycles(scenario, results, config);
    }

    /**
     * Probe counts over the cycles of the handovers (detach to next detach, the last to the end):
     * disjoint intervals add up, each cycle sends one probe per interval each way, and its losses
     * fit in its outage.
     * \param scenario the scenario, after Run
     * \param results its handovers
     * \param config its parameters
     */
    void CheckCycles(const Mipv6HandoverScenario& scenario,
                     const std::vector<Mipv6HandoverScenario::Result>& results,
                     const Mipv6HandoverScenario::Config& config)
    {
        uint32_t sentSum = 0;
        uint32_t lostSum = 0;
        for (size_t k = 0; k < results.size(); ++k)
        {
            const auto& r = results[k];
            std::string h = "cycle " + std::to_string(k) + ": ";
            Time end = k + 1 < results.size() ? results[k + 1].tDetach : config.stop;
            uint32_t sent = 0;
            uint32_t lost = 0;
            scenario.GetProbeLoss(r.tDetach, end, sent, lost);
            sentSum += sent;
            lostSum += lost;
            // Probes stop 200 ms before the end of the simulation.
            Time probing =
                (k + 1 < results.size() ? end : config.stop - MilliSeconds(200)) - r.tDetach;
            double expected = 2 * probing.GetSeconds() / config.probeInterval.GetSeconds();
            NS_TEST_EXPECT_MSG_LT_OR_EQ(std::abs(sent - expected),
                                        2.0,
                                        h << "one probe per interval each way");
            Time outage = std::max(r.tMip, r.tSec) - r.tDetach;
            auto maxLost = static_cast<uint32_t>(
                2 * (std::ceil(outage.GetSeconds() / config.probeInterval.GetSeconds()) + 1));
            NS_TEST_EXPECT_MSG_LT_OR_EQ(lost, maxLost, h << "losses explained by the outage");
            NS_TEST_EXPECT_MSG_LT(lost, sent, h << "probes arrive after the outage");
        }
        uint32_t sentAll = 0;
        uint32_t lostAll = 0;
        scenario.GetProbeLoss(results.front().tDetach, config.stop, sentAll, lostAll);
        NS_TEST_EXPECT_MSG_EQ(sentSum, sentAll, "disjoint cycles add up (sent)");
        NS_TEST_EXPECT_MSG_EQ(lostSum, lostAll, "disjoint cycles add up (lost)");
    }

    /**
     * \param r one handover
     * \param config the scenario parameters
     * \param dadTimeout the ICMPv6 DAD timeout
     * \param at when the handover was scheduled
     */
    void Check(const Mipv6HandoverScenario::Result& r,
               const Mipv6HandoverScenario::Config& config,
               Time dadTimeout,
               Time at)
    {
        std::string h = "handover " + std::to_string(r.index) + ": ";
        NS_TEST_ASSERT_MSG_EQ(r.complete, true, h << "every instant of the timeline observed");
        NS_TEST_EXPECT_MSG_EQ(r.tDetach, at, h << "detach when scheduled");
        NS_TEST_EXPECT_MSG_EQ(r.tAttach, r.tDetach + config.l2Delay, h << "attach after L2 delay");
        NS_TEST_EXPECT_MSG_LT(r.tInitialMip, r.tDetach, h << "registered before the handover");

        // Probes reach the HoA before and after the handover, both ways.
        NS_TEST_EXPECT_MSG_GT(r.receivedDownBefore, 0, h << "CN -> HoA before");
        NS_TEST_EXPECT_MSG_GT(r.receivedDownAfter, 0, h << "CN -> HoA after");
        NS_TEST_EXPECT_MSG_GT(r.receivedUpBefore, 0, h << "HoA -> CN before");
        NS_TEST_EXPECT_MSG_GT(r.receivedUpAfter, 0, h << "HoA -> CN after");

        // alpha within the analytical bound.
        Time dad = m_dad == Mipv6MobileNode::DAD_ON ? dadTimeout : Seconds(0);
        Time rtt = 4 * config.coreDelay;
        Time lower = dad + rtt;
        Time upper = config.raMax + dad + rtt + 4 * config.accessDelay + MilliSeconds(1);
        NS_TEST_EXPECT_MSG_GT_OR_EQ(r.alpha, lower, h << "alpha >= DAD + 4 x core delay");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(r.alpha, upper, h << "alpha <= raMax + DAD + RTT + slack");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(r.tCoaFormed - r.tAttach,
                                    config.raMax + MilliSeconds(1),
                                    h << "movement detection within one RA interval");
        NS_TEST_EXPECT_MSG_EQ(r.tCoa - r.tCoaFormed, dad, h << "DAD wait");
        bool transferred = m_method == "ikev1-ct";
        bool negotiated = m_method.rfind("ikev1", 0) == 0 && !transferred;
        // Security signalling on the access links: IKEv1 is 6 + 3 + 2 (main) or 3 + 3 + 2
        // (aggressive) messages at every visit, since both ends forget the pair when the MN
        // leaves; a context transfer one CTAR (44 B + UDP 8 + IPv6 40 + Ethernet 14 = 106 B);
        // nothing otherwise.
        uint32_t expectedMessages = transferred                ? 1
                                    : !negotiated              ? 0
                                    : m_method == "ikev1-main" ? 11
                                                               : 8;
        if (transferred)
        {
            NS_TEST_EXPECT_MSG_EQ(r.bytes, 106, h << "one 106-byte CTAR");
            NS_TEST_EXPECT_MSG_EQ(r.path, "ct", h << "the transfer completed");
            NS_TEST_EXPECT_MSG_GT(r.coreBytes, 0, h << "PCTD and CTDR between the gateways");
            // Predictive (the default): pSG pushed the contexts on the hint, so the transfer
            // costs the CTAR on the access link and nSG's token check; no processing cost
            // (profile zero). The CTAR leaves as soon as the CoA is formed, without waiting for
            // DAD.
            NS_TEST_EXPECT_MSG_GT_OR_EQ(r.SecurityDelay(),
                                        config.accessDelay,
                                        h << "transfer delay >= the CTAR's way");
            NS_TEST_EXPECT_MSG_LT(r.SecurityDelay(),
                                  MilliSeconds(1),
                                  h << "transfer delay without a core round trip");
        }
        NS_TEST_EXPECT_MSG_EQ(r.messages, expectedMessages, h << "security messages");
        if (negotiated)
        {
            // A full IKEv1 exchange with the new gateway, no processing cost (profile zero):
            // a few access-link round trips.
            // IKE starts when the CoA is usable (after DAD) and pays the DAD wait.
            NS_TEST_EXPECT_MSG_GT(r.tSec, r.tCoa, h << "IKE takes time");
            NS_TEST_EXPECT_MSG_LT(r.tSec - r.tCoa, MilliSeconds(5), h << "IKE over a LAN");
            NS_TEST_EXPECT_MSG_EQ(r.SecurityDelay(),
                                  r.tSec - r.tCoa + dad,
                                  h << "the security delay includes the DAD wait");
        }
        else if (!transferred)
        {
            NS_TEST_EXPECT_MSG_EQ(r.tSec,
                                  r.tCoa,
                                  h << "no security set-up delay with method " << m_method);
        }

        // Losses only inside the outage: until both MIPv6 and the tunnel are back.
        Time outage = std::max(r.tMip, r.tSec) - r.tAttach;
        auto maxLost = static_cast<uint32_t>(
            std::ceil(outage.GetSeconds() / config.probeInterval.GetSeconds()) + 1);
        NS_TEST_EXPECT_MSG_LT_OR_EQ(r.lostDown, maxLost, h << "downlink losses explained by alpha");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(r.lostUp, maxLost, h << "uplink losses explained by alpha");
        NS_TEST_EXPECT_MSG_GT(r.sentDown, r.lostDown, h << "some downlink probes arrive");
    }

    Mipv6MobileNode::DadMode m_dad; ///< DAD mode
    uint64_t m_run;                 ///< RNG run
    bool m_randomPhase;             ///< random handover phase
    uint32_t m_handovers;           ///< number of handovers
    std::string m_method;           ///< security method
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Context transfer with the previous gateway unreachable: the CT-Req goes nowhere, the
 * MN falls back to a full IKEv1 negotiation with the new gateway after FallbackTimeout, and the
 * tunnel works again.
 */
class ContextTransferFallbackTestCase : public TestCase
{
  public:
    ContextTransferFallbackTestCase()
        : TestCase("ikev1-ct falls back to IKEv1 when the previous gateway is unreachable")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation(3);

        Mipv6HandoverScenario::Config config;
        config.method = "ikev1-ct";
        config.dad = Mipv6MobileNode::DAD_OFF;
        config.stop = Seconds(5);
        Mipv6HandoverScenario scenario(config);
        scenario.AssignStreams(0);
        // pSG (link 1's router) loses its core link just before the move.
        Ptr<Ipv6L3Protocol> psg = scenario.GetAccessRouter(0)->GetObject<Ipv6L3Protocol>();
        // Before the old access router's hint (hintLead = 50 ms before the move).
        Simulator::Schedule(config.handoverAt - MilliSeconds(60), [psg]() {
            psg->SetDown(1); // interface 1: the p2p link to R
        });
        scenario.Run();
        std::vector<Mipv6HandoverScenario::Result> results = scenario.GetResults();
        Time fallback = Seconds(1); // HandoverSecurityCt::FallbackTimeout default
        Simulator::Destroy();

        NS_TEST_ASSERT_MSG_EQ(results.size(), 1, "one handover");
        const auto& r = results[0];
        NS_TEST_ASSERT_MSG_EQ(r.complete, true, "timeline complete");
        NS_TEST_EXPECT_MSG_EQ(r.path, "fallback-ike", "the transfer failed, IKE took over");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(r.SecurityDelay(), fallback, "IKE starts after the timeout");
        NS_TEST_EXPECT_MSG_LT(r.SecurityDelay(),
                              fallback + MilliSeconds(5),
                              "then a LAN-speed negotiation (profile zero)");
        // One CTAR, then main mode + INITIAL-CONTACT + quick mode with a new gateway.
        NS_TEST_EXPECT_MSG_EQ(r.messages, 1 + 11, "CTAR + IKEv1 messages");
        NS_TEST_EXPECT_MSG_GT(r.receivedDownAfter, 0, "probes flow again, downlink");
        NS_TEST_EXPECT_MSG_GT(r.receivedUpAfter, 0, "probes flow again, uplink");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The Mobile IPv6 handover system suite.
 */
class Mipv6HandoverSystemTestSuite : public TestSuite
{
  public:
    Mipv6HandoverSystemTestSuite()
        : TestSuite("cxtp-ipsec-mipv6-handover", TestSuite::SYSTEM)
    {
        AddTestCase(new Mipv6HandoverTestCase(Mipv6MobileNode::DAD_ON, 1, false), TestCase::QUICK);
        AddTestCase(new Mipv6HandoverTestCase(Mipv6MobileNode::DAD_OFF, 1, false), TestCase::QUICK);
        AddTestCase(new Mipv6HandoverTestCase(Mipv6MobileNode::DAD_OPTIMISTIC, 1, false),
                    TestCase::QUICK);
        AddTestCase(new Mipv6HandoverTestCase(Mipv6MobileNode::DAD_OFF, 5, true, 4),
                    TestCase::QUICK);
        AddTestCase(new Mipv6HandoverTestCase(Mipv6MobileNode::DAD_ON, 6, true, 2),
                    TestCase::QUICK);
        // Manual keys: the tunnel is usable at t_coa, so losses stay inside alpha.
        AddTestCase(new Mipv6HandoverTestCase(Mipv6MobileNode::DAD_OFF, 7, true, 4, "manual"),
                    TestCase::QUICK);
        AddTestCase(new Mipv6HandoverTestCase(Mipv6MobileNode::DAD_ON, 8, true, 2, "manual"),
                    TestCase::QUICK);
        // Context transfer after each move, back and forth.
        AddTestCase(new Mipv6HandoverTestCase(Mipv6MobileNode::DAD_OFF, 11, true, 4, "ikev1-ct"),
                    TestCase::QUICK);
        AddTestCase(new ContextTransferFallbackTestCase, TestCase::QUICK);
        // IKEv1 with the new gateway after each move.
        AddTestCase(new Mipv6HandoverTestCase(Mipv6MobileNode::DAD_OFF, 9, true, 2, "ikev1-main"),
                    TestCase::QUICK);
        AddTestCase(
            new Mipv6HandoverTestCase(Mipv6MobileNode::DAD_ON, 10, true, 1, "ikev1-aggressive"),
            TestCase::QUICK);

        for (uint64_t run = 2; run <= 4; ++run)
        {
            AddTestCase(new Mipv6HandoverTestCase(Mipv6MobileNode::DAD_OFF, run, true),
                        TestCase::QUICK);
        }
    }
};

static Mipv6HandoverSystemTestSuite g_mipv6HandoverSystemTestSuite; ///< the suite
