/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
/**
 * \file
 * \ingroup cxtp-ipsec
 * Mobile IPv6 handover in the reference topology (doc/mipv6-handover.rst), with a security
 * re-establishment method chosen by name (--method; HandoverSecurityMethod::GetNames()).
 *
 * \verbatim
   CN fd00:1::2 --p2p-- R --p2p-- HA fd00:2::2  (home prefix fd00:100::/64, HoA fd00:100::10)
                        |  \
                       AR1  AR2        (Radvd: fd00:11::/64 and fd00:12::/64, SLAAC CoA)
                   csma |     | csma
                        MN ---+        (moves from link 1 to link 2 at --handoverAt)
   \endverbatim
 *
 * --handovers moves the MN back and forth every --handoverPeriod. A UDP probe
 * (UdpClient/UdpServer, SeqTsHeader) runs every --probeInterval in both directions between CN and
 * the home address. The program prints the handover timeline (t_detach, t_attach, t_coa, t_mip),
 * alpha and its components, and the probes lost each way; it writes handovers.csv, summary.csv
 * (HandoverReport) and, with --pcap=1, pcaps (mipv6-handover-<node>-<device>.pcap) into
 * --outputDir. The options are those of cxtp-ipsec-sim (HandoverScenarioOptions); --method=none
 * shows Mobile IPv6 alone.
 * Node numbers: 0 CN, 1 R, 2 HA, 3 AR1, 4 AR2, 5 MN.
 */

#include "program/handover-scenario-options.h"

#include "ns3/core-module.h"
#include "ns3/cxtp-ipsec-module.h"

#include <iostream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("Mipv6HandoverExample");

int
main(int argc, char* argv[])
{
    namespace po = boost::program_options;
    CxtpProgramOptions options(
        "cxtp-ipsec-mipv6-handover",
        "Mobile IPv6 (RFC 6275) handover of a mobile node between two access routers, probed "
        "by UDP in both directions between a correspondent node and the home address. Prints "
        "the handover timeline and alpha, the MIPv6 handover delay.");
    HandoverScenarioOptions::Add(options);
    options.AddRunOptions("mipv6-handover-output", "the CSVs and the pcaps");
    po::variables_map vm = options.Parse(argc, argv);
    Mipv6HandoverScenario::Config config = HandoverScenarioOptions::Read(options, vm);
    std::string outputDir = options.PrepareRun(vm);
    options.BindGlobalDefault("ChecksumEnabled", BooleanValue(true)); // clean captures

    Mipv6HandoverScenario scenario(config);
    scenario.AssignStreams(0);
    if (vm["pcap"].as<bool>())
    {
        scenario.EnablePcap(outputDir + "/mipv6-handover");
    }
    SimulationProgress progress; // on a terminal only
    progress.Start("cxtp-ipsec-mipv6-handover", config.stop);
    scenario.Run();
    progress.Finish();
    std::vector<Mipv6HandoverScenario::Result> results = scenario.GetResults();

    auto ms = [](Time t) { return t.As(Time::MS); };
    std::cout << "MIPv6 handover, method " << config.method << ", DAD "
              << Mipv6MobileNode::ToString(config.dad) << ", RA interval " << ms(config.raMin)
              << ".." << ms(config.raMax) << ", probe every " << ms(config.probeInterval) << "\n";
    bool complete = results.size() == config.handovers;
    for (const auto& r : results)
    {
        std::cout << "handover " << r.index << " (first registration at "
                  << r.tInitialMip.As(Time::S) << ")\n"
                  << "  t_detach            t = " << r.tDetach.As(Time::S) << "\n"
                  << "  t_attach            t = " << r.tAttach.As(Time::S) << "\n"
                  << "  CoA formed          t = " << r.tCoaFormed.As(Time::S) << "  (" << r.coa
                  << ")\n"
                  << "  t_coa (usable)      t = " << r.tCoa.As(Time::S) << "\n"
                  << "  t_mip (BA)          t = " << r.tMip.As(Time::S) << "\n";
        if (r.complete)
        {
            std::cout << "  alpha = t_mip - t_attach = " << ms(r.alpha) << "\n"
                      << "    movement detection (RA) " << ms(r.tCoaFormed - r.tAttach) << "\n"
                      << "    DAD wait                " << ms(r.tCoa - r.tCoaFormed) << "\n"
                      << "    BU/BA                   " << ms(r.tMip - r.tCoa) << "\n"
                      << "  security set-up (" << config.method << ")  " << ms(r.SecurityDelay())
                      << "\n"
                      << "  security signalling on the access link: " << r.messages << " messages, "
                      << r.bytes << " bytes (Ethernet II, no FCS)\n";
        }
        else
        {
            std::cout << "  incomplete: some instants were not observed\n";
            complete = false;
        }
        std::cout << "  probes CN->HoA: " << r.sentDown << " sent in its window, " << r.lostDown
                  << " lost\n"
                  << "  probes HoA->CN: " << r.sentUp << " sent in its window, " << r.lostUp
                  << " lost\n";
    }

    HandoverReport report(
        scenario,
        config,
        {"cxtp-ipsec-mipv6-handover", vm["seed"].as<uint32_t>(), vm["run"].as<uint64_t>()});
    report.WriteHandovers(outputDir + "/handovers.csv");
    report.WriteSummary(outputDir + "/summary.csv");
    report.Print(std::cout);
    std::cout << "Wrote " << outputDir << "/handovers.csv, summary.csv"
              << (vm["pcap"].as<bool>() ? " and mipv6-handover-*.pcap" : "") << std::endl;
    Simulator::Destroy();
    return complete ? 0 : 1;
}
