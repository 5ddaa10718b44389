/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "handover-report.h"

#include "cxtp-build-info.h"

#include "ns3/abort.h"
#include "ns3/string.h"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>

namespace ns3
{

namespace
{
/// \param t a duration \return milliseconds with microsecond precision
std::string
Ms(Time t)
{
    std::ostringstream os;
    os << std::fixed << std::setprecision(3) << t.GetSeconds() * 1e3;
    return os.str();
}

/// \param t an instant \return seconds with microsecond precision (0 = not observed)
std::string
S(Time t)
{
    std::ostringstream os;
    os << std::fixed << std::setprecision(6) << t.GetSeconds();
    return os.str();
}

/// \param x a number \return it with three decimals ("" for NaN)
std::string
Fixed3(double x)
{
    if (std::isnan(x))
    {
        return "";
    }
    std::ostringstream os;
    os << std::fixed << std::setprecision(3) << x;
    return os.str();
}

/// \return mean and half-width of the 95% confidence interval (Student's t); NaN if undefined
std::pair<double, double>
MeanCi95(const std::vector<double>& v)
{
    if (v.empty())
    {
        return {std::nan(""), std::nan("")};
    }
    double mean = 0;
    for (double x : v)
    {
        mean += x;
    }
    mean /= v.size();
    if (v.size() < 2)
    {
        return {mean, std::nan("")};
    }
    double var = 0;
    for (double x : v)
    {
        var += (x - mean) * (x - mean);
    }
    var /= v.size() - 1;
    boost::math::students_t t(v.size() - 1);
    double q = boost::math::quantile(boost::math::complement(t, 0.025));
    return {mean, q * std::sqrt(var / v.size())};
}

/// The handover columns after the configuration ones.
const std::vector<std::string> HANDOVER_COLUMNS{"handover",
                                                "path",
                                                "complete",
                                                "handover_s",
                                                "t_initial_mip_s",
                                                "t_detach_s",
                                                "t_attach_s",
                                                "t_coa_formed_s",
                                                "t_coa_s",
                                                "t_mip_s",
                                                "t_sec_s",
                                                "alpha_ms",
                                                "movement_detection_ms",
                                                "dad_wait_ms",
                                                "registration_ms",
                                                "security_delay_ms",
                                                "probe_delay_ms",
                                                "outage_ms",
                                                "outage_down_ms",
                                                "outage_up_ms",
                                                "sent_down",
                                                "lost_down",
                                                "sent_up",
                                                "lost_up",
                                                "messages",
                                                "bytes",
                                                "core_messages",
                                                "core_bytes",
                                                "cycle_ms",
                                                "tunnel_down_ms",
                                                "cycle_sent_probes",
                                                "cycle_lost_probes"};

/// The configuration columns, first in both files.
const std::vector<std::string> CONFIGURATION_COLUMNS{"program",
                                                     "commit",
                                                     "method",
                                                     "ct_mode",
                                                     "ct_transport",
                                                     "ike_auth",
                                                     "profile",
                                                     "dad",
                                                     "ra_min_ms",
                                                     "ra_max_ms",
                                                     "l2_delay_ms",
                                                     "access_delay_ms",
                                                     "core_delay_ms",
                                                     "aaa_delay_ms",
                                                     "probe_interval_ms",
                                                     "handover_period_ms",
                                                     "seed",
                                                     "run"};

/// The summary columns after the configuration ones.
const std::vector<std::string> SUMMARY_COLUMNS{"metric", "n", "mean", "ci95"};

/**
 * \param method the security method
 * \param name an attribute name
 * \return its value, or "" if the method has no such attribute
 */
std::string
MethodAttribute(Ptr<HandoverSecurityMethod> method, const std::string& name)
{
    StringValue value;
    return method->GetAttributeFailSafe(name, value) ? value.Get() : std::string();
}
} // namespace

HandoverReport::HandoverReport(const Mipv6HandoverScenario& scenario,
                               const Mipv6HandoverScenario::Config& config,
                               const RunInfo& info)
{
    Ptr<HandoverSecurityMethod> method = scenario.GetSecurityMethod();
    m_method = method->GetName();
    m_info = info;
    m_profile = MethodAttribute(method, "Profile");
    if (!m_profile.empty())
    {
        m_profile = std::filesystem::path(m_profile).stem().string();
    }
    std::vector<std::string> values{info.program,
                                    CxtpBuildCommit(),
                                    m_method,
                                    MethodAttribute(method, "Mode"),
                                    MethodAttribute(method, "Transport"),
                                    MethodAttribute(method, "Auth"),
                                    m_profile,
                                    Mipv6MobileNode::ToString(config.dad),
                                    Ms(config.raMin),
                                    Ms(config.raMax),
                                    Ms(config.l2Delay),
                                    Ms(config.accessDelay),
                                    Ms(config.coreDelay),
                                    Ms(config.aaaDelay),
                                    Ms(config.probeInterval),
                                    Ms(config.handoverPeriod),
                                    std::to_string(info.seed),
                                    std::to_string(info.run)};
    NS_ABORT_IF(values.size() != CONFIGURATION_COLUMNS.size());
    m_configuration = values;

    std::map<std::string, std::vector<double>> metrics;
    std::vector<Mipv6HandoverScenario::Result> results = scenario.GetResults();
    m_handovers = results.size();
    for (size_t k = 0; k < results.size(); ++k)
    {
        const auto& r = results[k];
        m_paths[r.path]++;
        // The cycle runs from this detach to the next (the last: to the end of the simulation),
        // so the cycles tile the run; the tunnel is down from the detach to the new SA pair, or
        // for the whole cycle if the method never got one.
        Time cycleEnd = k + 1 < results.size() ? results[k + 1].tDetach : config.stop;
        Time cycle = cycleEnd - r.tDetach;
        Time down = r.tSec.IsZero() ? cycle : std::min(r.tSec - r.tDetach, cycle);
        uint32_t cycleSent = 0;
        uint32_t cycleLost = 0;
        scenario.GetProbeLoss(r.tDetach, cycleEnd, cycleSent, cycleLost);
        // The probe estimate of the security set-up: probes lost between t_coa_formed and t_sec,
        // averaged over the two directions, times the interval (doc/mipv6-handover.rst).
        double probeMs =
            (r.lostDownSetup + r.lostUpSetup) / 2.0 * config.probeInterval.GetSeconds() * 1e3;
        auto outage = [&config](Time last, Time first) {
            return (last.IsZero() || first.IsZero())
                       ? std::nan("")
                       : (first - last - config.probeInterval).GetSeconds() * 1e3;
        };
        double outageDown = outage(r.lastDownBefore, r.firstDownAfter);
        double outageUp = outage(r.lastUpBefore, r.firstUpAfter);
        double outageBoth = outage(std::max(r.lastDownBefore, r.lastUpBefore),
                                   std::max(r.firstDownAfter, r.firstUpAfter));
        bool ok = r.complete;
        m_rows.push_back({std::to_string(r.index),
                          r.path,
                          ok ? "1" : "0",
                          S(r.handoverAt),
                          S(r.tInitialMip),
                          S(r.tDetach),
                          S(r.tAttach),
                          S(r.tCoaFormed),
                          S(r.tCoa),
                          S(r.tMip),
                          S(r.tSec),
                          ok ? Ms(r.alpha) : "",
                          ok ? Ms(r.tCoaFormed - r.tAttach) : "",
                          ok ? Ms(r.tCoa - r.tCoaFormed) : "",
                          ok ? Ms(r.tMip - r.tCoa) : "",
                          ok ? Ms(r.SecurityDelay()) : "",
                          Fixed3(probeMs),
                          ok ? Fixed3(outageBoth) : "",
                          Fixed3(outageDown),
                          Fixed3(outageUp),
                          std::to_string(r.sentDown),
                          std::to_string(r.lostDown),
                          std::to_string(r.sentUp),
                          std::to_string(r.lostUp),
                          std::to_string(r.messages),
                          std::to_string(r.bytes),
                          std::to_string(r.coreMessages),
                          std::to_string(r.coreBytes),
                          Ms(cycle),
                          Ms(down),
                          std::to_string(cycleSent),
                          std::to_string(cycleLost)});
        if (!ok)
        {
            continue;
        }
        m_complete++;
        metrics["alpha_ms"].push_back(r.alpha.GetSeconds() * 1e3);
        metrics["security_delay_ms"].push_back(r.SecurityDelay().GetSeconds() * 1e3);
        metrics["probe_delay_ms"].push_back(probeMs);
        if (!std::isnan(outageBoth))
        {
            metrics["outage_ms"].push_back(outageBoth);
        }
        metrics["cycle_lost_probes"].push_back(cycleLost);
        metrics["messages"].push_back(r.messages);
        metrics["bytes"].push_back(r.bytes);
        metrics["core_messages"].push_back(r.coreMessages);
        metrics["core_bytes"].push_back(r.coreBytes);
    }
    for (const char* name : {"alpha_ms",
                             "security_delay_ms",
                             "probe_delay_ms",
                             "outage_ms",
                             "cycle_lost_probes",
                             "messages",
                             "bytes",
                             "core_messages",
                             "core_bytes"})
    {
        m_metrics.emplace_back(name, metrics[name]);
    }
}

std::vector<std::string>
HandoverReport::GetHandoverColumns()
{
    std::vector<std::string> columns = CONFIGURATION_COLUMNS;
    columns.insert(columns.end(), HANDOVER_COLUMNS.begin(), HANDOVER_COLUMNS.end());
    return columns;
}

std::vector<std::string>
HandoverReport::GetSummaryColumns()
{
    std::vector<std::string> columns = CONFIGURATION_COLUMNS;
    columns.insert(columns.end(), SUMMARY_COLUMNS.begin(), SUMMARY_COLUMNS.end());
    return columns;
}

namespace
{
/**
 * \brief Writes one CSV line.
 * \param os the stream
 * \param first its first cells
 * \param rest the cells after them
 */
void
Line(std::ostream& os,
     const std::vector<std::string>& first,
     const std::vector<std::string>& rest = {})
{
    std::string separator;
    for (const auto* cells : {&first, &rest})
    {
        for (const std::string& cell : *cells)
        {
            os << separator << cell;
            separator = ",";
        }
    }
    os << "\n";
}

/// \param path a file to write \return the stream; aborts with the path if it cannot be opened
std::ofstream
Open(const std::string& path)
{
    std::ofstream os(path);
    NS_ABORT_MSG_IF(!os, "cannot write " << path);
    return os;
}
} // namespace

void
HandoverReport::WriteHandovers(const std::string& path) const
{
    std::ofstream os = Open(path);
    Line(os, GetHandoverColumns());
    for (const auto& row : m_rows)
    {
        Line(os, m_configuration, row);
    }
}

void
HandoverReport::WriteSummary(const std::string& path) const
{
    std::ofstream os = Open(path);
    Line(os, GetSummaryColumns());
    auto row = [&](const std::string& metric, size_t n, double mean, double ci) {
        Line(os, m_configuration, {metric, std::to_string(n), Fixed3(mean), Fixed3(ci)});
    };
    row("handovers", m_handovers, m_handovers, std::nan(""));
    row("complete", m_handovers, m_complete, std::nan(""));
    for (const auto& [path, count] : m_paths)
    {
        row("path:" + path, m_handovers, count, std::nan(""));
    }
    for (const auto& [metric, values] : m_metrics)
    {
        auto [mean, ci] = MeanCi95(values);
        row(metric, values.size(), mean, ci);
    }
}

void
HandoverReport::Print(std::ostream& os) const
{
    os << m_info.program << ": method " << m_method << ", " << m_handovers << " handovers ("
       << m_complete << " complete), profile " << (m_profile.empty() ? "-" : m_profile) << ", seed "
       << m_info.seed << ", run " << m_info.run << "\n";
    os << "  paths:";
    for (const auto& [path, count] : m_paths)
    {
        os << " " << path << " " << count;
    }
    os << "\n";
    for (const auto& [metric, values] : m_metrics)
    {
        auto [mean, ci] = MeanCi95(values);
        os << "  " << std::left << std::setw(18) << metric << std::right << std::fixed
           << std::setprecision(3) << std::setw(12) << mean << "  +/- " << ci << "\n";
    }
}

std::string
HandoverReport::GetFallbackWarning() const
{
    auto it = m_paths.find("fallback-ike");
    if (it == m_paths.end())
    {
        return "";
    }
    std::ostringstream os;
    os << "warning: " << it->second << " of " << m_handovers
       << " handovers fell back to full IKE: the context transfer did not complete in time "
          "(path column of handovers.csv; timers: ns3::CxtpAgent::PeerRoundTrip, RetryInterval, "
          "MaxTransferTime; ns3::HandoverSecurityCt::FallbackTimeout)";
    return os.str();
}

bool
HandoverReport::IsComplete() const
{
    return m_complete == m_handovers;
}

} // namespace ns3
