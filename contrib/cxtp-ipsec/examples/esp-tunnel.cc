/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup cxtp-ipsec
 * cxtp-ipsec-esp-tunnel: a UDP probe through a manually keyed ESP tunnel.
 *
 * \verbatim
 *   MN ============ SG ------------- CN
 *   fd00:11::100    fd00:11::1        fd00:1::2
 *        CSMA access link   p2p core link
 *   <---- ESP tunnel ---->
 * \endverbatim
 *
 * A UDP probe runs every --interval in both directions between MN and CN, through a tunnel-mode
 * ESP tunnel between MN and SG (RFC 4303, real OpenSSL cryptography). With --deleteSaAt the MN's
 * outbound SA is deleted at that time: the following uplink probes are dropped with reason
 * "no_sa" and the SPD raises an ACQUIRE (nothing answers it in this example).
 *
 * Writes into --outputDir: pcaps (esp-tunnel-<node>-<device>.pcap), esp_sa (Wireshark's ESP SA
 * table with the keys) and summary.csv; prints the summary.
 */

#include "program/cxtp-program-options.h"

#include "ns3/core-module.h"
#include "ns3/cxtp-ipsec-module.h"

#include <filesystem>
#include <fstream>
#include <iostream>

using namespace ns3;
namespace po = boost::program_options;

NS_LOG_COMPONENT_DEFINE("CxtpIpsecEspTunnel");

int
main(int argc, char* argv[])
{
    CxtpProgramOptions options(
        "cxtp-ipsec-esp-tunnel",
        "UDP probes every --interval in both directions between MN and CN through a manually\n"
        "keyed ESP tunnel MN<->SG. Writes pcaps, the esp_sa key file and summary.csv.");
    // clang-format off
    options.Add().add_options()
        ("duration", po::value<std::string>()->default_value("10s"), "how long the probes run")
        ("interval", po::value<std::string>()->default_value("50ms"), "probe period, each way")
        ("encryption", po::value<std::string>()->default_value("aes128-cbc"),
         "3des-cbc, aes128-cbc, aes256-cbc, aes128-gcm16, aes256-gcm16 or null")
        ("integrity", po::value<std::string>(),
         "hmac-sha1-96, hmac-sha256-128 or none (default: none with GCM, else hmac-sha1-96)")
        ("deleteSaAt", po::value<std::string>(), "delete the MN's outbound SA at this time")
        ("pcap", po::value<bool>()->default_value(true), "write pcap files (0 or 1)");
    // clang-format on
    options.AddRunOptions("esp-tunnel-output", "pcaps, esp_sa and summary.csv");
    po::variables_map vm = options.Parse(argc, argv);

    IpsecTunnelScenario::Config config;
    config.duration = options.GetTime("duration", vm["duration"].as<std::string>());
    config.probeInterval = options.GetTime("interval", vm["interval"].as<std::string>());
    if (!ParseEncryption(vm["encryption"].as<std::string>(), config.encryption))
    {
        options.Fail("--encryption: unknown cipher '" + vm["encryption"].as<std::string>() + "'");
    }
    config.integrity =
        IsCombinedMode(config.encryption) ? IpsecIntegrity::NONE : IpsecIntegrity::HMAC_SHA1_96;
    if (vm.count("integrity") &&
        !ParseIntegrity(vm["integrity"].as<std::string>(), config.integrity))
    {
        options.Fail("--integrity: unknown algorithm '" + vm["integrity"].as<std::string>() + "'");
    }
    std::string pairError = CheckTransformPair(config.encryption, config.integrity);
    if (!pairError.empty())
    {
        options.Fail(pairError);
    }
    if (config.duration < config.probeInterval)
    {
        options.Fail("--duration must be at least one --interval");
    }
    std::string outputDir = options.PrepareRun(vm);
    options.BindGlobalDefault("ChecksumEnabled", BooleanValue(true)); // clean captures

    IpsecTunnelScenario scenario(config);
    scenario.AssignStreams(0);
    if (vm["pcap"].as<bool>())
    {
        scenario.EnablePcap(outputDir + "/esp-tunnel");
    }
    if (vm.count("deleteSaAt"))
    {
        Time at = options.GetTime("deleteSaAt", vm["deleteSaAt"].as<std::string>());
        Ptr<IpsecPfKey> pfKey = scenario.GetMn()->GetObject<IpsecPfKey>();
        uint32_t spi = scenario.GetTunnel().spiAtoB;
        Ipv6Address sg = scenario.GetSgAddress();
        Simulator::Schedule(at, [pfKey, spi, sg]() {
            pfKey->Delete(IpsecDirection::OUTBOUND, spi, sg);
        });
    }
    uint64_t acquires = 0;
    scenario.GetMn()->GetObject<IpsecPfKey>()->TraceConnectWithoutContext(
        "Message",
        MakeCallback(+[](uint64_t* n, IpsecPfKeyMessage type, uint32_t, uint32_t) {
            *n += type == IpsecPfKeyMessage::ACQUIRE;
        }).Bind(&acquires));

    Simulator::Stop(scenario.GetStopTime());
    Simulator::Run();

    scenario.GetKeyExport()->Write(outputDir + "/esp_sa");
    std::ofstream csv(outputDir + "/summary.csv");
    csv << "scope,metric,value\n";
    std::cout << "ESP tunnel MN<->SG, " << ToString(config.encryption) << "/"
              << ToString(config.integrity) << ", probe every " << config.probeInterval.As(Time::MS)
              << " for " << config.duration.As(Time::S) << "\n";
    auto row = [&csv](const std::string& scope, const std::string& metric, uint64_t value) {
        csv << scope << "," << metric << "," << value << "\n";
        std::cout << "  " << scope << " " << metric << ": " << value << "\n";
    };
    row("uplink", "probes_sent", scenario.GetUplinkSent());
    row("uplink", "probes_received", scenario.GetUplinkReceived());
    row("downlink", "probes_sent", scenario.GetDownlinkSent());
    row("downlink", "probes_received", scenario.GetDownlinkReceived());
    for (auto [name, node] :
         {std::make_pair("mn", scenario.GetMn()), std::make_pair("sg", scenario.GetSg())})
    {
        Ptr<IpsecEspL4Protocol> esp = node->GetObject<IpsecEspL4Protocol>();
        row(name, "esp_tx", esp->GetTxCount());
        row(name, "esp_rx", esp->GetRxCount());
        for (auto reason : {IpsecDropReason::NO_SA,
                            IpsecDropReason::REPLAY,
                            IpsecDropReason::BAD_ICV,
                            IpsecDropReason::BAD_PADDING,
                            IpsecDropReason::POLICY_DISCARD,
                            IpsecDropReason::MALFORMED,
                            IpsecDropReason::SEQ_OVERFLOW,
                            IpsecDropReason::SA_EXPIRED,
                            IpsecDropReason::HOLD_OVERFLOW})
        {
            row(name, "drop_" + ToString(reason), esp->GetDropCount(reason));
        }
    }
    row("mn", "acquires", acquires);
    std::cout << "Wrote " << outputDir << "/{summary.csv,esp_sa"
              << (vm["pcap"].as<bool>() ? ",esp-tunnel-*.pcap" : "") << "}" << std::endl;
    Simulator::Destroy();
    return 0;
}
