/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The paper's table at reduced size (doc/cxtp-ipsec.rst, Delay model and calibration): the three
// rows with the shared testbed-2008 profile and the one documented IKE configuration must give the
// paper's message counts and frame bytes exactly, the fitted delays (main mode, context transfer)
// within 5% and the predicted one (aggressive mode) within 10%. The paper's figures appear here
// only as the reference of the check; a regression in any model part that moves a row breaks CI.

#include "cxtp-test-isolation.h"

#include "ns3/mipv6-handover-scenario.h"
#include "ns3/test.h"

#include <cmath>
#include <string>
#include <vector>

using namespace ns3;

/**
 * \ingroup cxtp-ipsec-tests
 * \brief One row of the paper's table: several handovers at a random phase against the probe.
 */
class PaperRowTestCase : public TestCase
{
  public:
    /// A row of the paper's table (MobiArch'08, the reference of the check).
    struct Row
    {
        std::string method; ///< security method
        std::string path;   ///< the path every handover must take
        double delayMs;     ///< paper's security set-up delay
        double tolerance;   ///< relative tolerance on the mean delay
        uint32_t messages;  ///< paper's messages on the access link
        uint64_t bytes;     ///< paper's bytes (Ethernet frames, no FCS)
    };

    /**
     * \param row the paper's row
     * \param handovers handovers to simulate
     */
    PaperRowTestCase(const Row& row, uint32_t handovers)
        : TestCase("Paper row " + row.method + " (" + std::to_string(handovers) +
                   " handovers, testbed-2008)"),
          m_row(row),
          m_handovers(handovers)
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation(1);
        Mipv6HandoverScenario::Config config;
        config.method = m_row.method;
        config.profile = "testbed-2008";
        config.handovers = m_handovers;
        config.handoverAt = Seconds(3);
        config.handoverPeriod = Seconds(4);
        config.stop = config.handoverAt + config.handoverPeriod * m_handovers;
        Mipv6HandoverScenario scenario(config);
        scenario.AssignStreams(0);
        scenario.Run();
        std::vector<Mipv6HandoverScenario::Result> results = scenario.GetResults();

        NS_TEST_ASSERT_MSG_EQ(results.size(), m_handovers, "every handover happened");
        double sum = 0;
        for (const auto& r : results)
        {
            std::string h = "handover " + std::to_string(r.index) + ": ";
            NS_TEST_ASSERT_MSG_EQ(r.complete, true, h << "timeline complete");
            NS_TEST_EXPECT_MSG_EQ(r.path, m_row.path, h << "path");
            NS_TEST_EXPECT_MSG_EQ(r.messages, m_row.messages, h << "messages on the access link");
            NS_TEST_EXPECT_MSG_EQ(r.bytes, m_row.bytes, h << "frame bytes on the access link");
            sum += r.SecurityDelay().GetSeconds() * 1e3;
        }
        double mean = sum / results.size();
        NS_TEST_EXPECT_MSG_LT_OR_EQ(std::abs(mean - m_row.delayMs) / m_row.delayMs,
                                    m_row.tolerance,
                                    "mean security set-up delay " << mean << " ms vs the paper's "
                                                                  << m_row.delayMs << " ms");
    }

    Row m_row;            ///< the row
    uint32_t m_handovers; ///< handovers
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The three rows of the paper's table.
 */
class PaperReproductionTestSuite : public TestSuite
{
  public:
    PaperReproductionTestSuite()
        : TestSuite("cxtp-ipsec-paper-reproduction", SYSTEM)
    {
        // Main mode and context transfer are the rows the profile was fitted on (5%); aggressive
        // mode is predicted (10%).
        AddTestCase(new PaperRowTestCase({"ikev1-main", "ikev1-main", 1500, 0.05, 11, 2182}, 10),
                    TestCase::QUICK);
        AddTestCase(
            new PaperRowTestCase({"ikev1-aggressive", "ikev1-aggressive", 1300, 0.10, 8, 1896}, 10),
            TestCase::QUICK);
        // Context transfer over a hundred handovers, as the table has it.
        AddTestCase(new PaperRowTestCase({"ikev1-ct", "ct", 20, 0.05, 1, 106}, 100),
                    TestCase::QUICK);
    }
};

/// Static instance.
static PaperReproductionTestSuite g_paperReproductionTestSuite;
