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
 * --handovers moves the MN back and forth every --handoverPeriod. A UDP probe (UdpClient/UdpServer,
 SeqTsHeader) runs every --interval in both directions
 * between CN and the home address. The program prints the handover timeline (t_detach,
 * t_attach, t_coa, t_mip), alpha and its components, and the probes lost each way; it writes
 * mipv6-handover.csv and pcaps (mipv6-handover-<node>-<device>.pcap) into --outputDir.
 * Node numbers: 0 CN, 1 R, 2 HA, 3 AR1, 4 AR2, 5 MN.
 */

#include "ns3/core-module.h"
#include "ns3/cxtp-ipsec-module.h"

#include <filesystem>
#include <fstream>
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
    options.Add().add_options()(
        "method",
        po::value<std::string>()->default_value("none"),
        ("security re-establishment method: " + HandoverSecurityMethod::GetNameList()).c_str())(
        "profile",
        po::value<std::string>()->default_value("zero"),
        "cost profile of the IKE methods: zero, testbed-2008, host, or an INI path")(
        "handoverAt",
        po::value<std::string>()->default_value("2s"),
        "L2 detach instant of the first handover")(
        "handovers",
        po::value<uint32_t>()->default_value(1),
        "number of handovers, alternately to link 2 and back to link 1")(
        "handoverPeriod",
        po::value<std::string>()->default_value("2s"),
        "time between two handovers")(
        "randomPhase",
        po::value<bool>()->default_value(true),
        "add a seeded random phase in [0, interval) to each handover instant (0 or 1)")(
        "duration",
        po::value<std::string>()->default_value("4.5s"),
        "simulated time")("raInterval",
                          po::value<std::string>()->default_value("30ms,70ms"),
                          "MinRtrAdvInterval,MaxRtrAdvInterval of the access routers")(
        "dad",
        po::value<std::string>()->default_value("on"),
        "DAD of the care-of address: on, off or optimistic")(
        "l2Delay",
        po::value<std::string>()->default_value("0s"),
        "time between link 1 down and link 2 up")("coreDelay",
                                                  po::value<std::string>()->default_value("2ms"),
                                                  "one-way delay of the p2p links")(
        "accessDelay",
        po::value<std::string>()->default_value("5us"),
        "one-way delay of the CSMA access links")("interval",
                                                  po::value<std::string>()->default_value("50ms"),
                                                  "probe interval, each direction")(
        "outputDir",
        po::value<std::string>()->default_value("mipv6-handover-output"),
        "directory for the pcaps and mipv6-handover.csv")("pcap",
                                                          po::value<bool>()->default_value(true),
                                                          "write pcap files (0 or 1)")(
        "seed",
        po::value<uint32_t>()->default_value(1),
        "ns-3 RNG seed")("run", po::value<uint64_t>()->default_value(1), "ns-3 RNG run number");
    po::variables_map vm = options.Parse(argc, argv);

    Mipv6HandoverScenario::Config config;
    config.method = vm["method"].as<std::string>();
    {
        CryptoCostProfile profile;
        std::string error;
        config.profile = CryptoCostProfile::Resolve(vm["profile"].as<std::string>());
        if (!CryptoCostProfile::Load(config.profile, profile, error))
        {
            options.Fail("--profile: " + error);
        }
    }
    auto names = HandoverSecurityMethod::GetNames();
    if (std::find(names.begin(), names.end(), config.method) == names.end())
    {
        options.Fail("--method: unknown method '" + config.method + "' (" +
                     HandoverSecurityMethod::GetNameList() + ")");
    }
    config.handoverAt = options.GetTime("handoverAt", vm["handoverAt"].as<std::string>());
    config.handovers = vm["handovers"].as<uint32_t>();
    config.handoverPeriod =
        options.GetTime("handoverPeriod", vm["handoverPeriod"].as<std::string>());
    if (config.handovers == 0)
    {
        options.Fail("--handovers must be at least 1");
    }
    if (config.handovers > 1 && config.handoverPeriod <= config.probeInterval)
    {
        options.Fail("--handoverPeriod must exceed --interval");
    }
    config.randomPhase = vm["randomPhase"].as<bool>();
    config.stop = options.GetTime("duration", vm["duration"].as<std::string>());
    std::string ra = vm["raInterval"].as<std::string>();
    auto comma = ra.find(',');
    if (comma == std::string::npos)
    {
        options.Fail("--raInterval: expected MIN,MAX (for example 30ms,70ms)");
    }
    config.raMin = options.GetTime("raInterval", ra.substr(0, comma));
    config.raMax = options.GetTime("raInterval", ra.substr(comma + 1));
    if (config.raMin > config.raMax || config.raMin < MilliSeconds(1))
    {
        options.Fail("--raInterval: need 1ms <= MIN <= MAX");
    }
    if (!Mipv6MobileNode::ParseDadMode(vm["dad"].as<std::string>(), config.dad))
    {
        options.Fail("--dad: expected on, off or optimistic");
    }
    config.l2Delay = options.GetTime("l2Delay", vm["l2Delay"].as<std::string>(), true);
    config.coreDelay = options.GetTime("coreDelay", vm["coreDelay"].as<std::string>(), true);
    config.accessDelay = options.GetTime("accessDelay", vm["accessDelay"].as<std::string>(), true);
    config.probeInterval = options.GetTime("interval", vm["interval"].as<std::string>());
    if (config.handoverAt + config.handoverPeriod * (config.handovers - 1) + config.probeInterval >=
        config.stop)
    {
        options.Fail("--duration must end after the last handover + --interval");
    }
    std::string outputDir = options.PrepareRun(vm);
    GlobalValue::Bind("ChecksumEnabled", BooleanValue(true)); // clean captures

    Mipv6HandoverScenario scenario(config);
    scenario.AssignStreams(0);
    if (vm["pcap"].as<bool>())
    {
        scenario.EnablePcap(outputDir + "/mipv6-handover");
    }
    scenario.Run();
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

    std::ofstream csv(outputDir + "/mipv6-handover.csv");
    csv << Mipv6HandoverScenario::GetCsvHeader() << "\n";
    for (const auto& r : results)
    {
        Mipv6HandoverScenario::WriteCsvRow(csv, config, r, vm["run"].as<uint64_t>());
    }
    std::cout << "Wrote " << outputDir << "/mipv6-handover.csv"
              << (vm["pcap"].as<bool>() ? " and mipv6-handover-*.pcap" : "") << std::endl;
    Simulator::Destroy();
    return complete ? 0 : 1;
}
