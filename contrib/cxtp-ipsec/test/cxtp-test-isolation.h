/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CXTP_TEST_ISOLATION_H
#define CXTP_TEST_ISOLATION_H

#include "ns3/config.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Isolates a test case that runs the simulator or draws random numbers (all suites
 * share one process, as in ns-3's test-lte-x2-handover.cc): saves the global seed and run, resets
 * Config and sets seed 1 and the given run; when it goes out of scope (also after an early return)
 * it destroys the simulator, resets Config and restores the seed and run.
 */
class CxtpTestIsolation
{
  public:
    /**
     * \param run the RNG run of the test
     */
    explicit CxtpTestIsolation(uint64_t run = 1)
        : m_seed(RngSeedManager::GetSeed()),
          m_run(RngSeedManager::GetRun())
    {
        Config::Reset();
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(run);
    }

    ~CxtpTestIsolation()
    {
        Simulator::Destroy();
        Config::Reset();
        RngSeedManager::SetSeed(m_seed);
        RngSeedManager::SetRun(m_run);
    }

    CxtpTestIsolation(const CxtpTestIsolation&) = delete;
    CxtpTestIsolation& operator=(const CxtpTestIsolation&) = delete;

  private:
    uint32_t m_seed; ///< saved seed
    uint64_t m_run;  ///< saved run
};

} // namespace ns3

#endif // CXTP_TEST_ISOLATION_H
