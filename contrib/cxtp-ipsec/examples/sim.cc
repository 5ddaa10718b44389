/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup cxtp-ipsec
 * cxtp-ipsec-sim: the command-line simulator. Runs many Mobile IPv6 handovers in the reference
 * topology (doc/mipv6-handover.rst) with one security re-establishment method, and writes one CSV
 * row per handover and a summary with 95% confidence intervals.
 *
 * Options come from the command line and, with --config FILE.ini, from an INI file whose keys
 * are the long option names (the command line wins). Any unknown option or invalid value stops
 * the program with one line that says what is wrong (exit code 2). Same seed and run, same files.
 */

#include "ns3/core-module.h"
#include "ns3/cxtp-ipsec-module.h"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>

using namespace ns3;
namespace po = boost::program_options;

NS_LOG_COMPONENT_DEFINE("CxtpIpsecSim");

namespace
{
/// Mean and half-width of the 95% confidence interval (Student's t).
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

std::string
Ms(Time t)
{
    std::ostringstream os;
    os << std::fixed << std::setprecision(3) << t.GetSeconds() * 1000.0;
    return os.str();
}
} // namespace

int
main(int argc, char* argv[])
{
    auto names = HandoverSecurityMethod::GetNames();
    std::string methodList = HandoverSecurityMethod::GetNameList();
    CxtpProgramOptions options(
        "cxtp-ipsec-sim",
        "Mobile IPv6 handovers with IPsec tunnel re-establishment in the reference topology\n"
        "(CN - R - HA, two access routers acting as security gateways, one MN). Writes\n"
        "handovers.csv (one row per handover) and summary.csv into --outputDir.");
    // clang-format off
    options.Add().add_options()
        ("config", po::value<std::string>(), "INI file with any of these options (key = value)")
        ("method", po::value<std::string>()->default_value("ikev1-main"),
         ("security re-establishment method: " + methodList).c_str())
        ("ctMode", po::value<std::string>()->default_value("predictive"),
         "context transfer mode of method ikev1-ct: predictive (pSG pushes on the handover "
         "hint) or reactive (nSG asks pSG after the CTAR)")
        ("ikeAuth", po::value<std::string>()->default_value("psk"),
         "authentication of method ikev2: psk (pre-shared keys) or cert (RSA signatures with "
         "X.509 certificates of a CA made at run time); the ikev2-eap-* methods authenticate "
         "the gateways by certificate (RFC 7296 2.16)")
        ("handovers", po::value<uint32_t>()->default_value(10), "number of handovers (>= 1)")
        ("handoverRate", po::value<double>(),
         "handovers per minute (> 0): one every 60/rate s, each at a random phase of the probe")
        ("handoverAt", po::value<std::string>()->default_value("3s"), "first handover")
        ("handoverPeriod", po::value<std::string>()->default_value("4s"),
         "time between handovers (ignored with --handoverRate)")
        ("probeInterval", po::value<std::string>()->default_value("50ms"), "UDP probe period")
        ("profile", po::value<std::string>()->default_value("testbed-2008"),
         "cost profile: zero, testbed-2008, host, or an INI path")
        ("accessDelay", po::value<std::string>()->default_value("5us"),
         "one-way delay of the access links")
        ("coreDelay", po::value<std::string>()->default_value("2ms"),
         "one-way delay of the core links")
        ("aaaDelay", po::value<std::string>()->default_value("2ms"),
         "one-way delay of the link from the core router to the AAA server (ikev2-eap-*)")
        ("dad", po::value<std::string>()->default_value("on"), "DAD: on, off or optimistic")
        ("raInterval", po::value<std::string>()->default_value("30ms,70ms"),
         "MinRtrAdvInterval,MaxRtrAdvInterval")
        ("spiCollision", po::value<double>()->default_value(0.0),
         "probability (0..1) that nSG finds a transferred SPI in use (ikev1-ct: UPDATE_SPI)")
        ("pcap", po::value<bool>()->default_value(false), "write pcap files (0 or 1)");
    // clang-format on
    options.AddRunOptions("sim-output", "handovers.csv, summary.csv and pcaps");
    po::variables_map vm = options.ParseWithConfigFile(argc, argv, "config");

    Mipv6HandoverScenario::Config config;
    config.method = vm["method"].as<std::string>();
    if (std::find(names.begin(), names.end(), config.method) == names.end())
    {
        options.Fail("--method: unknown method '" + config.method + "' (" + methodList + ")");
    }
    config.ctMode = vm["ctMode"].as<std::string>();
    if (config.ctMode != "predictive" && config.ctMode != "reactive")
    {
        options.Fail("--ctMode: must be predictive or reactive, not '" + config.ctMode + "'");
    }
    config.ikeAuth = vm["ikeAuth"].as<std::string>();
    if (config.ikeAuth != "psk" && config.ikeAuth != "cert")
    {
        options.Fail("--ikeAuth: must be psk or cert, not '" + config.ikeAuth + "'");
    }
    if (!vm["ikeAuth"].defaulted() && config.method != "ikev2")
    {
        options.Fail("--ikeAuth applies to --method=ikev2 only");
    }
    config.handovers = vm["handovers"].as<uint32_t>();
    if (config.handovers == 0)
    {
        options.Fail("--handovers must be at least 1");
    }
    config.handoverAt = options.GetTime("handoverAt", vm["handoverAt"].as<std::string>());
    config.handoverPeriod =
        options.GetTime("handoverPeriod", vm["handoverPeriod"].as<std::string>());
    if (vm.count("handoverRate"))
    {
        double rate = vm["handoverRate"].as<double>();
        if (!(rate > 0) || !std::isfinite(rate))
        {
            options.Fail("--handoverRate must be a positive number of handovers per minute");
        }
        config.handoverPeriod = Seconds(60.0 / rate);
    }
    config.randomPhase = true;
    config.probeInterval = options.GetTime("probeInterval", vm["probeInterval"].as<std::string>());
    config.accessDelay = options.GetTime("accessDelay", vm["accessDelay"].as<std::string>());
    config.coreDelay = options.GetTime("coreDelay", vm["coreDelay"].as<std::string>());
    config.aaaDelay = options.GetTime("aaaDelay", vm["aaaDelay"].as<std::string>());
    if (!Mipv6MobileNode::ParseDadMode(vm["dad"].as<std::string>(), config.dad))
    {
        options.Fail("--dad: must be on, off or optimistic, not '" + vm["dad"].as<std::string>() +
                     "'");
    }
    std::string ra = vm["raInterval"].as<std::string>();
    size_t comma = ra.find(',');
    if (comma == std::string::npos)
    {
        options.Fail("--raInterval: expected MIN,MAX (for example 30ms,70ms)");
    }
    config.raMin = options.GetTime("raInterval", ra.substr(0, comma));
    config.raMax = options.GetTime("raInterval", ra.substr(comma + 1));
    if (config.raMin > config.raMax)
    {
        options.Fail("--raInterval: MIN must not exceed MAX");
    }
    {
        CryptoCostProfile profile;
        std::string error;
        config.profile = CryptoCostProfile::Resolve(vm["profile"].as<std::string>());
        if (!CryptoCostProfile::Load(config.profile, profile, error))
        {
            options.Fail("--profile: " + error);
        }
    }
    double spiCollision = vm["spiCollision"].as<double>();
    if (!(spiCollision >= 0.0 && spiCollision <= 1.0))
    {
        options.Fail("--spiCollision must be a probability between 0 and 1");
    }
    Config::SetDefault("ns3::CxtpAgent::SpiCollisionProbability", DoubleValue(spiCollision));
    // Room after the last handover for DAD, IKE and a few probes.
    config.stop = config.handoverAt + config.handoverPeriod * (config.handovers - 1) +
                  std::max(config.handoverPeriod, Seconds(4));
    std::string outputDir = options.PrepareRun(vm);
    uint64_t run = vm["run"].as<uint64_t>();

    Mipv6HandoverScenario scenario(config);
    scenario.AssignStreams(0);
    // With the captures, the keys that decrypt them.
    bool pcap = vm["pcap"].as<bool>();
    HandoverKeyExport keys;
    if (pcap)
    {
        scenario.EnablePcap(outputDir + "/sim");
        keys.Watch(scenario);
    }
    scenario.Run();
    std::vector<std::string> keyFiles = pcap ? keys.Write(outputDir) : std::vector<std::string>();
    std::vector<Mipv6HandoverScenario::Result> results = scenario.GetResults();
    Simulator::Destroy();

    std::ofstream csv(outputDir + "/handovers.csv");
    csv << "seed,run,handover,method,path,complete,alpha_ms,security_delay_ms,probe_delay_ms,"
           "outage_ms,lost_probes,messages,bytes,core_messages,core_bytes,t_detach_s,t_attach_s,t_"
           "coa_s,"
           "t_mip_s,t_sec_s,t_coa_formed_s,cycle_ms,tunnel_down_ms,cycle_sent_probes,"
           "cycle_lost_probes\n";
    std::vector<double> alpha;
    std::vector<double> security;
    std::vector<double> probe;
    std::vector<double> outage;
    std::vector<double> lost;
    std::vector<double> messages;
    std::vector<double> bytes;
    std::vector<double> coreBytes;
    std::vector<double> coreMessages;
    for (size_t k = 0; k < results.size(); ++k)
    {
        const auto& r = results[k];
        // The handover's cycle runs from its detach to the next detach (the last one: to the end
        // of the simulation), so the cycles tile the run; the tunnel is down from the detach to
        // the new SA pair, or for the whole cycle if the method never got one.
        Time cycleEnd = k + 1 < results.size() ? results[k + 1].tDetach : config.stop;
        Time cycle = cycleEnd - r.tDetach;
        Time down = r.tSec.IsZero() ? cycle : std::min(r.tSec - r.tDetach, cycle);
        uint32_t cycleSent = 0;
        uint32_t cycleLost = 0;
        scenario.GetProbeLoss(r.tDetach, cycleEnd, cycleSent, cycleLost);
        // The probe estimate of the security set-up: probes lost between t_coa_formed and t_sec,
        // averaged over the two directions, times the interval (doc/mipv6-handover.rst, Timeline).
        double probeMs =
            (r.lostDownSetup + r.lostUpSetup) / 2.0 * config.probeInterval.GetSeconds() * 1000.0;
        Time lastBefore = std::max(r.lastDownBefore, r.lastUpBefore);
        Time firstAfter = std::max(r.firstDownAfter, r.firstUpAfter);
        double outageMs = (r.complete && !firstAfter.IsZero() && !lastBefore.IsZero())
                              ? (firstAfter - lastBefore - config.probeInterval).GetSeconds() * 1e3
                              : std::nan("");
        csv << vm["seed"].as<uint32_t>() << "," << run << "," << r.index << "," << config.method
            << "," << r.path << "," << (r.complete ? 1 : 0) << ","
            << (r.complete ? Ms(r.alpha) : "") << "," << (r.complete ? Ms(r.SecurityDelay()) : "")
            << "," << std::fixed << std::setprecision(3) << probeMs << ","
            << (std::isnan(outageMs) ? std::string() : std::to_string(outageMs)) << ","
            << r.lostDown + r.lostUp << "," << r.messages << "," << r.bytes << "," << r.coreMessages
            << "," << r.coreBytes << "," << std::setprecision(6) << r.tDetach.GetSeconds() << ","
            << r.tAttach.GetSeconds() << "," << r.tCoa.GetSeconds() << "," << r.tMip.GetSeconds()
            << "," << r.tSec.GetSeconds() << "," << r.tCoaFormed.GetSeconds() << "," << Ms(cycle)
            << "," << Ms(down) << "," << cycleSent << "," << cycleLost << "\n";
        if (!r.complete)
        {
            continue;
        }
        alpha.push_back(r.alpha.GetSeconds() * 1e3);
        security.push_back(r.SecurityDelay().GetSeconds() * 1e3);
        probe.push_back(probeMs);
        if (!std::isnan(outageMs))
        {
            outage.push_back(outageMs);
        }
        lost.push_back(r.lostDown + r.lostUp);
        messages.push_back(r.messages);
        bytes.push_back(r.bytes);
        coreBytes.push_back(r.coreBytes);
        coreMessages.push_back(r.coreMessages);
    }
    std::ofstream summary(outputDir + "/summary.csv");
    summary << "method,metric,n,mean,ci95\n";
    std::cout << "cxtp-ipsec-sim: method " << config.method << ", " << results.size()
              << " handovers (" << alpha.size() << " complete), profile "
              << std::filesystem::path(config.profile).stem().string() << ", seed "
              << vm["seed"].as<uint32_t>() << ", run " << run << "\n";
    for (const auto& [metric, values] :
         std::vector<std::pair<std::string, const std::vector<double>*>>{
             {"alpha_ms", &alpha},
             {"security_delay_ms", &security},
             {"probe_delay_ms", &probe},
             {"outage_ms", &outage},
             {"lost_probes", &lost},
             {"messages", &messages},
             {"bytes", &bytes},
             {"core_messages", &coreMessages},
             {"core_bytes", &coreBytes}})
    {
        auto [mean, ci] = MeanCi95(*values);
        summary << config.method << "," << metric << "," << values->size() << "," << std::fixed
                << std::setprecision(3) << mean << "," << ci << "\n";
        std::cout << "  " << std::left << std::setw(18) << metric << std::right << std::fixed
                  << std::setprecision(3) << std::setw(12) << mean << "  +/- " << ci << "\n";
    }
    std::cout << "Wrote " << outputDir << "/handovers.csv, summary.csv";
    for (const std::string& file : keyFiles)
    {
        std::cout << ", " << file;
    }
    std::cout << (pcap ? " and pcaps" : "") << std::endl;
    return alpha.size() == results.size() ? 0 : 1;
}
