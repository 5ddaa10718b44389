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

#include "program/handover-scenario-options.h"

#include "ns3/core-module.h"
#include "ns3/cxtp-ipsec-module.h"

#include <algorithm>
#include <cmath>
#include <iostream>

using namespace ns3;
namespace po = boost::program_options;

NS_LOG_COMPONENT_DEFINE("CxtpIpsecSim");

int
main(int argc, char* argv[])
{
    CxtpProgramOptions options(
        "cxtp-ipsec-sim",
        "Mobile IPv6 handovers with IPsec tunnel re-establishment in the reference topology\n"
        "(CN - R - HA, two access routers acting as security gateways, one MN). Writes\n"
        "handovers.csv (one row per handover) and summary.csv into --outputDir.");
    options.Add().add_options()("config",
                                po::value<std::string>(),
                                "INI file with any of these options (key = value)");
    HandoverScenarioOptions::Add(options);
    options.AddRunOptions("sim-output", "handovers.csv, summary.csv and pcaps");
    po::variables_map vm = options.ParseWithConfigFile(argc, argv, "config");
    Mipv6HandoverScenario::Config config = HandoverScenarioOptions::Read(options, vm);
    std::string outputDir = options.PrepareRun(vm);

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
    SimulationProgress progress; // on a terminal only
    progress.Start("cxtp-ipsec-sim", config.stop);
    scenario.Run();
    progress.Finish();
    std::vector<std::string> keyFiles = pcap ? keys.Write(outputDir) : std::vector<std::string>();
    HandoverReport report(scenario,
                          config,
                          {"cxtp-ipsec-sim", vm["seed"].as<uint32_t>(), vm["run"].as<uint64_t>()});
    Simulator::Destroy();
    report.WriteHandovers(outputDir + "/handovers.csv");
    report.WriteSummary(outputDir + "/summary.csv");
    report.Print(std::cout);
    std::string warning = report.GetFallbackWarning();
    if (!warning.empty())
    {
        std::cerr << "cxtp-ipsec-sim: " << warning << std::endl;
    }
    std::cout << "Wrote " << outputDir << "/handovers.csv, summary.csv";
    for (const std::string& file : keyFiles)
    {
        std::cout << ", " << file;
    }
    std::cout << (pcap ? " and pcaps" : "") << std::endl;
    return report.IsComplete() ? 0 : 1;
}
