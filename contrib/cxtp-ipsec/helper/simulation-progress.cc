/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "simulation-progress.h"

#include "ns3/simulator.h"

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace ns3
{

namespace
{
/// Wall-clock time before the first line: short runs print nothing.
constexpr std::chrono::seconds QUIET{3};
/// Simulated checks per run.
constexpr int CHECKS = 1000;
} // namespace

SimulationProgress::SimulationProgress() = default;

SimulationProgress::~SimulationProgress()
{
    Finish();
}

void
SimulationProgress::Start(const std::string& program, Time stop)
{
    if (!isatty(STDERR_FILENO) || !stop.IsStrictlyPositive())
    {
        return;
    }
    m_program = program;
    m_stop = stop;
    m_start = std::chrono::steady_clock::now();
    m_shown = m_start;
    m_step = NanoSeconds(std::max<int64_t>(1, m_stop.GetNanoSeconds() / CHECKS));
    m_event = Simulator::Schedule(m_step, &SimulationProgress::Check, this);
}

void
SimulationProgress::Check()
{
    auto now = std::chrono::steady_clock::now();
    if (now - m_start >= QUIET && now - m_shown >= std::chrono::milliseconds(200))
    {
        m_shown = now;
        double share = Simulator::Now().GetSeconds() / m_stop.GetSeconds();
        double elapsed = std::chrono::duration<double>(now - m_start).count();
        double left = share > 0 ? elapsed * (1 - share) / share : 0;
        std::fprintf(stderr,
                     "\r%s: simulated %.1f of %.1f s (%3.0f%%), %.0f s elapsed, ~%.0f s left ",
                     m_program.c_str(),
                     Simulator::Now().GetSeconds(),
                     m_stop.GetSeconds(),
                     share * 100,
                     elapsed,
                     left);
        std::fflush(stderr);
        m_drawn = true;
    }
    if (Simulator::Now() + m_step < m_stop)
    {
        m_event = Simulator::Schedule(m_step, &SimulationProgress::Check, this);
    }
}

void
SimulationProgress::Finish()
{
    m_event.Cancel();
    if (m_drawn)
    {
        std::fprintf(stderr, "\r\033[K");
        std::fflush(stderr);
        m_drawn = false;
    }
}

} // namespace ns3
