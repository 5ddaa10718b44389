/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef HANDOVER_REPORT_H
#define HANDOVER_REPORT_H

#include "mipv6-handover-scenario.h"

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The outputs of a run of Mipv6HandoverScenario, the same for every program:
 * handovers.csv (one row per handover) and summary.csv (one row per metric), both led by the
 * run's configuration columns, and a console summary with the mix of paths the method took.
 *
 * The columns are documented in doc/cxtp-ipsec.rst ("Output files"). Configuration columns
 * report what ran: the method's attributes as the method object holds them (so an attribute a
 * user set with --ns3::... shows), empty where the method has no such attribute.
 *
 * Probe losses have two definitions, named apart:
 * - lost_down, lost_up (of sent_down, sent_up): per direction, in the handover's window, from
 *   the end of the previous outage to the next detach (Mipv6HandoverScenario; windows share the
 *   steady period between outages, so a sum over handovers counts no probe twice but the sent
 *   counts overlap);
 * - cycle_lost_probes (of cycle_sent_probes): both directions, in the handover's cycle, from its
 *   detach to the next handover's detach; cycles tile the run, so these add up to the run's loss.
 */
class HandoverReport
{
  public:
    /// What identifies the run beyond the scenario's Config.
    struct RunInfo
    {
        std::string program; ///< the program's name
        uint32_t seed{1};    ///< ns-3 RNG seed
        uint64_t run{1};     ///< ns-3 RNG run
    };

    /**
     * \brief Takes the results of a finished run (after Mipv6HandoverScenario::Run, before
     * Simulator::Destroy).
     * \param scenario the scenario
     * \param config its configuration
     * \param info the run
     */
    HandoverReport(const Mipv6HandoverScenario& scenario,
                   const Mipv6HandoverScenario::Config& config,
                   const RunInfo& info);

    /// \return the column names of handovers.csv, in order
    static std::vector<std::string> GetHandoverColumns();
    /// \return the column names of summary.csv, in order
    static std::vector<std::string> GetSummaryColumns();

    /// \param path the file to write handovers.csv to
    void WriteHandovers(const std::string& path) const;
    /// \param path the file to write summary.csv to
    void WriteSummary(const std::string& path) const;
    /**
     * \brief Prints the summary: the metrics with their 95% confidence intervals and the paths.
     * \param os the stream
     */
    void Print(std::ostream& os) const;
    /// \return a one-line warning if some handovers fell back to full IKE, else empty
    std::string GetFallbackWarning() const;
    /// \return true if every handover's instants were all observed
    bool IsComplete() const;

  private:
    /// The values of the configuration columns, first in both files.
    std::vector<std::string> m_configuration;
    /// One row per handover (values in GetHandoverColumns() order, configuration excluded).
    std::vector<std::vector<std::string>> m_rows;
    /// Per metric (in summary order), the values of the complete handovers.
    std::vector<std::pair<std::string, std::vector<double>>> m_metrics;
    std::map<std::string, uint32_t> m_paths; ///< handovers per path
    uint32_t m_handovers{0};                 ///< handovers
    uint32_t m_complete{0};                  ///< of which complete
    std::string m_method;                    ///< the method's name
    RunInfo m_info;                          ///< the program, seed and run
    std::string m_profile;                   ///< the cost profile's name ("" if none)
};

} // namespace ns3

#endif // HANDOVER_REPORT_H
