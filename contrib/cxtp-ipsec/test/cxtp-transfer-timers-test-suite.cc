/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The context transfer's timers (CxtpTransferTimers): first timeouts from the assumed and the
// measured round trip (RFC 6298), the PCTD's allowance for the MN's move, back-off kept until a
// measurement (Karn), the deadline scaled with the first timeout; and in the handover scenario,
// that both modes complete by transfer on a long core with the push sent once.

#include "cxtp-test-isolation.h"

#include "ns3/cxtp-ipsec-module.h"
#include "ns3/mipv6-handover-scenario.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <map>
#include <string>

using namespace ns3;

namespace
{
const Ipv6Address PEER("fd00:4::2");  ///< a peer gateway
const Ipv6Address OTHER("fd00:5::2"); ///< another one
} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief CxtpTransferTimers alone.
 */
class CxtpTransferTimersTestCase : public TestCase
{
  public:
    CxtpTransferTimersTestCase()
        : TestCase("first timeouts follow the assumed, then the measured round trip")
    {
    }

  private:
    void DoRun() override
    {
        using T = CxtpTransferTimers;
        T timers;
        timers.Configure(MilliSeconds(50), MilliSeconds(200), Seconds(0), Seconds(1));
        // Nothing known: RetryInterval and CT_MAX_TRANSFER_TIME as RFC 4067 has them; the push
        // also allows for the move.
        NS_TEST_EXPECT_MSG_EQ(timers.GetTimeout(PEER, T::REQUEST), MilliSeconds(50), "unknown");
        NS_TEST_EXPECT_MSG_EQ(timers.GetPolicy(PEER, T::REQUEST).deadline,
                              MilliSeconds(200),
                              "the RFC's deadline");
        NS_TEST_EXPECT_MSG_EQ(timers.GetTimeout(PEER, T::PUSH), MilliSeconds(1050), "move");

        // An assumed round trip of 400 ms: 3R, and the deadline stretched in proportion (x24).
        timers.Configure(MilliSeconds(50), MilliSeconds(200), MilliSeconds(400), Seconds(1));
        NS_TEST_EXPECT_MSG_EQ(timers.GetTimeout(PEER, T::REQUEST), MilliSeconds(1200), "3R");
        NS_TEST_EXPECT_MSG_EQ(timers.GetPolicy(PEER, T::REQUEST).deadline,
                              MilliSeconds(4800),
                              "four first timeouts");
        NS_TEST_EXPECT_MSG_EQ(timers.GetPolicy(PEER, T::REQUEST).factor, 2.0, "doubling");
        NS_TEST_EXPECT_MSG_EQ(timers.GetTimeout(PEER, T::PUSH), MilliSeconds(2200), "3R + move");
        // A small assumed round trip never goes below RetryInterval.
        timers.Configure(MilliSeconds(50), MilliSeconds(200), MilliSeconds(8), Seconds(1));
        NS_TEST_EXPECT_MSG_EQ(timers.GetTimeout(PEER, T::REQUEST), MilliSeconds(50), "floor");

        // The first measurement replaces the assumption (RFC 6298 §2.2): SRTT = R, RTTVAR = R/2;
        // per peer and per exchange.
        timers.AddSample(PEER, T::REQUEST, MilliSeconds(100));
        NS_TEST_EXPECT_MSG_EQ(timers.GetTimeout(PEER, T::REQUEST), MilliSeconds(300), "measured");
        NS_TEST_EXPECT_MSG_EQ(timers.GetTimeout(OTHER, T::REQUEST), MilliSeconds(50), "per peer");
        timers.AddSample(PEER, T::PUSH, MilliSeconds(70));
        NS_TEST_EXPECT_MSG_EQ(timers.GetTimeout(PEER, T::PUSH),
                              MilliSeconds(210),
                              "a measured push includes the move: no allowance");
        // A second sample: SRTT += (R - SRTT)/8, RTTVAR += (|SRTT - R| - RTTVAR)/4.
        timers.AddSample(PEER, T::REQUEST, MilliSeconds(100));
        NS_TEST_EXPECT_MSG_EQ(timers.GetTimeout(PEER, T::REQUEST),
                              MilliSeconds(100 + 4 * 37.5),
                              "RFC 6298 gains");

        // Back-off is kept for the next message until a measurement (RFC 6298 §5.7).
        timers.NoteBackoff(PEER, T::REQUEST, Seconds(2));
        NS_TEST_EXPECT_MSG_EQ(timers.GetTimeout(PEER, T::REQUEST), Seconds(2), "backed off");
        timers.AddSample(PEER, T::REQUEST, MilliSeconds(100));
        NS_TEST_EXPECT_MSG_LT(timers.GetTimeout(PEER, T::REQUEST), Seconds(1), "sample clears");
        timers.Clear();
        NS_TEST_EXPECT_MSG_EQ(timers.GetTimeout(PEER, T::REQUEST), MilliSeconds(50), "cleared");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief ikev1-ct in the handover scenario with a long core: every handover by transfer; the
 * push is sent once per handover; reactive transfers ask once.
 */
class CxtpCoreDelayTestCase : public TestCase
{
  public:
    /**
     * \param mode predictive or reactive
     * \param coreDelay one-way delay of each core link
     */
    CxtpCoreDelayTestCase(std::string mode, Time coreDelay)
        : TestCase("ikev1-ct " + mode + ", core links of " +
                   std::to_string(coreDelay.GetMilliSeconds()) + " ms: transfer, sent once"),
          m_mode(mode),
          m_coreDelay(coreDelay)
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation(3);
        Mipv6HandoverScenario::Config config;
        config.method = "ikev1-ct";
        config.ctMode = m_mode;
        config.profile = "testbed-2008";
        config.dad = Mipv6MobileNode::DAD_OFF;
        config.coreDelay = m_coreDelay;
        config.handovers = 4;
        config.handoverAt = Seconds(3);
        config.handoverPeriod = Seconds(3);
        config.stop = Seconds(16);
        Mipv6HandoverScenario scenario(config);
        scenario.AssignStreams(0);
        Ptr<HandoverSecurityCt> ct = DynamicCast<HandoverSecurityCt>(scenario.GetSecurityMethod());
        std::map<uint8_t, uint32_t> tx;
        for (uint32_t i = 1; i <= 2; ++i)
        {
            ct->GetAgents().Get(i)->TraceConnectWithoutContext(
                "Tx",
                Callback<void, uint8_t, uint32_t>([&tx](uint8_t type, uint32_t) { tx[type]++; }));
        }
        scenario.Run();
        auto results = scenario.GetResults();
        Simulator::Destroy();

        NS_TEST_ASSERT_MSG_EQ(results.size(), config.handovers, "every handover happened");
        for (const auto& r : results)
        {
            NS_TEST_EXPECT_MSG_EQ(r.path, "ct", "handover " << r.index << " by context transfer");
        }
        if (m_mode == "predictive")
        {
            NS_TEST_EXPECT_MSG_EQ(tx[CxtpHeader::PCTD], config.handovers, "one push per move");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(tx[CxtpHeader::PCTD], 0, "no push");
            NS_TEST_EXPECT_MSG_EQ(tx[CxtpHeader::CT_REQ], config.handovers, "one CT-Req per move");
            NS_TEST_EXPECT_MSG_EQ(tx[CxtpHeader::CTD], config.handovers, "one CTD per move");
        }
    }

    std::string m_mode; ///< predictive or reactive
    Time m_coreDelay;   ///< core link delay
};

/// The suite.
class CxtpTransferTimersTestSuite : public TestSuite
{
  public:
    CxtpTransferTimersTestSuite()
        : TestSuite("cxtp-ipsec-cxtp-transfer-timers", TestSuite::SYSTEM)
    {
        AddTestCase(new CxtpTransferTimersTestCase(), TestCase::QUICK);
        for (const char* mode : {"predictive", "reactive"})
        {
            for (int ms : {10, 50, 100, 200})
            {
                AddTestCase(new CxtpCoreDelayTestCase(mode, MilliSeconds(ms)), TestCase::QUICK);
            }
        }
    }
};

/// Static instance.
static CxtpTransferTimersTestSuite g_cxtpTransferTimersTestSuite;
