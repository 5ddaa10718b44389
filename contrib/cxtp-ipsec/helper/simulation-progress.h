/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIMULATION_PROGRESS_H
#define SIMULATION_PROGRESS_H

#include "ns3/event-id.h"
#include "ns3/nstime.h"

#include <chrono>
#include <string>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief A progress line on stderr for a long run: simulated time reached, share of the run,
 * wall-clock time so far and an estimate of the rest, redrawn in place.
 *
 * Only when stderr is a terminal and only once the run has taken a few seconds of wall-clock
 * time; otherwise (a pipe, a file, a test) it schedules nothing, so that it can never change a
 * run's events, and prints nothing. The line is erased when the run ends.
 */
class SimulationProgress
{
  public:
    SimulationProgress();
    ~SimulationProgress();
    SimulationProgress(const SimulationProgress&) = delete;
    SimulationProgress& operator=(const SimulationProgress&) = delete;

    /**
     * \brief Starts watching a run (call before Simulator::Run).
     * \param program the program's name, printed first
     * \param stop the simulated time the run ends at
     */
    void Start(const std::string& program, Time stop);
    /// Erases the line (call after Simulator::Run); the destructor does it too.
    void Finish();

  private:
    /// Redraws the line and schedules the next check.
    void Check();

    std::string m_program;                         ///< printed first
    Time m_stop;                                   ///< end of the run
    Time m_step;                                   ///< simulated time between checks
    std::chrono::steady_clock::time_point m_start; ///< wall clock at Start()
    std::chrono::steady_clock::time_point m_shown; ///< wall clock at the last redraw
    bool m_drawn{false};                           ///< a line is on the terminal
    EventId m_event;                               ///< the next check
};

} // namespace ns3

#endif // SIMULATION_PROGRESS_H
