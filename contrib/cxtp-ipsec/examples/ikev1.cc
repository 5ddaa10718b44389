/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup cxtp-ipsec
 * cxtp-ipsec-ikev1: an IKEv1 negotiation (racoon-like) between MN and SG, then a UDP probe
 * through the negotiated ESP SAs.
 *
 * \verbatim
 *   MN ============ SG ------------- CN
 *   fd00:11::100    fd00:11::1        fd00:1::2
 *        CSMA access link   p2p core link
 *   <-- IKEv1 (UDP 500), then ESP -->
 * \endverbatim
 *
 * The MN's first probe hits a PROTECT rule without SA: PF_KEY raises ACQUIRE, the MN's daemon
 * runs main or aggressive mode, INITIAL-CONTACT and quick mode with the SG's daemon, and both
 * install the ESP SA pair; the probe then flows through the negotiated SAs. Messages and bytes
 * are counted as Ethernet frames on the access link (no FCS), as a capture there shows them.
 * The defaults are the module's documented configuration (doc/cxtp-ipsec.rst, "Message counts
 * and sizes": PFS with MODP-768, no DPD vendor ID), the one the handover methods use.
 */

#include "program/cxtp-program-options.h"

#include "ns3/core-module.h"
#include "ns3/cxtp-ipsec-module.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>

using namespace ns3;
namespace po = boost::program_options;

NS_LOG_COMPONENT_DEFINE("CxtpIpsecIkev1");

int
main(int argc, char* argv[])
{
    CxtpProgramOptions options(
        "cxtp-ipsec-ikev1",
        "IKEv1 (main or aggressive mode + quick mode, PSK) between MN and SG, started by the\n"
        "first probe's ACQUIRE; then UDP probes every --interval through the negotiated SAs.");
    // clang-format off
    options.Add().add_options()
        ("mode", po::value<std::string>()->default_value("main"), "main or aggressive")
        ("pfs", po::value<bool>()->default_value(true), "PFS in quick mode (0 or 1)")
        ("dhGroup", po::value<uint16_t>()->default_value(2), "DH group: 1, 2, 5 or 14")
        ("pfsGroup", po::value<uint16_t>()->default_value(1),
         "quick-mode DH group (racoon's pfs_group; 0 = the phase-1 group)")
        ("cipher", po::value<std::string>()->default_value("3des-cbc"),
         "phase-1 and ESP cipher: 3des-cbc, aes128-cbc or aes256-cbc")
        ("hash", po::value<std::string>()->default_value("sha1"), "phase-1 hash: sha1, sha256")
        ("initialContact", po::value<bool>()->default_value(true), "send INITIAL-CONTACT")
        ("dpd", po::value<bool>()->default_value(false), "send the DPD vendor ID")
        ("qmIds", po::value<bool>()->default_value(true), "send IDci/IDcr in quick mode")
        ("profile", po::value<std::string>()->default_value("zero"),
         "cost profile: zero, testbed-2008, host, or an INI path")
        ("pskMn", po::value<std::string>()->default_value("cxtp-secret"), "MN's pre-shared key")
        ("pskSg", po::value<std::string>()->default_value("cxtp-secret"), "SG's pre-shared key")
        ("deleteAt", po::value<std::string>(),
         "the MN deletes its SAs with the SG at this time (DELETE informationals); the next "
         "probe renegotiates")
        ("duration", po::value<std::string>()->default_value("5s"), "how long the probes run")
        ("interval", po::value<std::string>()->default_value("50ms"), "probe period")
        ("pcap", po::value<bool>()->default_value(true), "write pcap files (0 or 1)");
    // clang-format on
    options.AddRunOptions("ikev1-output", "pcaps, key files and summary.csv");
    po::variables_map vm = options.Parse(argc, argv);

    std::string mode = vm["mode"].as<std::string>();
    if (mode != "main" && mode != "aggressive")
    {
        options.Fail("--mode: must be main or aggressive, not '" + mode + "'");
    }
    uint16_t group = vm["dhGroup"].as<uint16_t>();
    if (!Ikev1Doi::IsSupportedGroup(group))
    {
        options.Fail("--dhGroup: " + std::to_string(group) + " is not one of 1, 2, 5, 14");
    }
    uint16_t pfsGroup = vm["pfsGroup"].as<uint16_t>();
    if (pfsGroup != 0 && !Ikev1Doi::IsSupportedGroup(pfsGroup))
    {
        options.Fail("--pfsGroup: " + std::to_string(pfsGroup) + " is not one of 0, 1, 2, 5, 14");
    }
    std::string cipher = vm["cipher"].as<std::string>();
    IpsecTunnelScenario::Config config;
    if (!ParseEncryption(cipher, config.encryption) || IsCombinedMode(config.encryption) ||
        config.encryption == IpsecEncryption::NULL_ENC)
    {
        options.Fail("--cipher: must be 3des-cbc, aes128-cbc or aes256-cbc, not '" + cipher + "'");
    }
    std::string hash = vm["hash"].as<std::string>();
    if (hash != "sha1" && hash != "sha256")
    {
        options.Fail("--hash: must be sha1 or sha256, not '" + hash + "'");
    }
    std::string profileError;
    CryptoCostProfile profile;
    std::string profilePath = CryptoCostProfile::Resolve(vm["profile"].as<std::string>());
    if (!CryptoCostProfile::Load(profilePath, profile, profileError))
    {
        options.Fail("--profile: " + profileError);
    }
    config.integrity = IpsecIntegrity::HMAC_SHA1_96;
    config.manualKeys = false;
    config.duration = options.GetTime("duration", vm["duration"].as<std::string>());
    config.probeInterval = options.GetTime("interval", vm["interval"].as<std::string>());
    std::string outputDir = options.PrepareRun(vm);
    options.BindGlobalDefault("ChecksumEnabled", BooleanValue(true)); // clean captures

    IpsecTunnelScenario scenario(config);
    scenario.AssignStreams(0);
    Ptr<Node> mn = scenario.GetMn();
    Ptr<Node> sg = scenario.GetSg();
    Ikev1Helper::AddPreSharedKey(mn,
                                 scenario.GetSgAddress(),
                                 Ipv6Prefix(128),
                                 vm["pskMn"].as<std::string>());
    Ikev1Helper::AddPreSharedKey(sg,
                                 scenario.GetMnAddress(),
                                 Ipv6Prefix(128),
                                 vm["pskSg"].as<std::string>());
    Ikev1Helper ike;
    ike.SetCostProfile(profilePath);
    ike.SetAttribute("Mode", StringValue(mode));
    ike.SetAttribute("Pfs", BooleanValue(vm["pfs"].as<bool>()));
    ike.SetAttribute("DhGroup", UintegerValue(group));
    ike.SetAttribute("PfsGroup", UintegerValue(pfsGroup));
    ike.SetAttribute("Encryption", StringValue(cipher));
    ike.SetAttribute("Hash", StringValue(hash));
    ike.SetAttribute("InitialContact", BooleanValue(vm["initialContact"].as<bool>()));
    ike.SetAttribute("DpdVendorId", BooleanValue(vm["dpd"].as<bool>()));
    ike.SetAttribute("QuickModeIds", BooleanValue(vm["qmIds"].as<bool>()));
    ApplicationContainer daemons = ike.Install(NodeContainer(mn, sg));
    // The gateway answers its mobile peers and never initiates (racoon: passive on).
    daemons.Get(1)->SetAttribute("Passive", BooleanValue(true));

    Ptr<Ikev1KeyExport> ikeKeys = Create<Ikev1KeyExport>();
    ikeKeys->Watch(daemons);
    Ptr<SignallingMonitor> monitor = Create<SignallingMonitor>();
    monitor->Attach(mn->GetDevice(0));
    monitor->Attach(sg->GetDevice(0));
    if (vm["pcap"].as<bool>())
    {
        scenario.EnablePcap(outputDir + "/ikev1");
    }

    // Timeline: the first ACQUIRE, phase 1 done (MN side), SA pair installed (each side).
    Time acquired = Time::Max();
    Time phase1 = Time::Max(); // duration of the first phase 1
    std::map<uint32_t, Time> installed;
    mn->GetObject<IpsecPfKey>()->TraceConnectWithoutContext(
        "Message",
        MakeCallback(+[](Time* t, IpsecPfKeyMessage type, uint32_t, uint32_t) {
            if (type == IpsecPfKeyMessage::ACQUIRE && *t == Time::Max())
            {
                *t = Simulator::Now();
            }
        }).Bind(&acquired));
    for (uint32_t i = 0; i < 2; i++)
    {
        Ptr<Ikev1Daemon> d = DynamicCast<Ikev1Daemon>(daemons.Get(i));
        uint32_t node = d->GetNode()->GetId();
        d->TraceConnectWithoutContext("Installed",
                                      MakeCallback(+[](std::map<uint32_t, Time>* m,
                                                       uint32_t n,
                                                       const Ipv6Address&,
                                                       uint32_t,
                                                       uint32_t) {
                                          m->emplace(n, Simulator::Now());
                                      }).Bind(&installed, node));
        d->TraceConnectWithoutContext(
            "Failure",
            MakeCallback(+[](uint32_t n, const Ipv6Address& peer, const std::string& why) {
                std::cout << "  [" << Simulator::Now().As(Time::MS) << "] node " << n
                          << ": IKE with " << peer << ": " << why << "\n";
            }).Bind(node));
    }
    Ptr<Ikev1Daemon> mnDaemon = DynamicCast<Ikev1Daemon>(daemons.Get(0));
    if (vm.count("deleteAt"))
    {
        Time at = options.GetTime("deleteAt", vm["deleteAt"].as<std::string>());
        Ipv6Address peer = scenario.GetSgAddress();
        Simulator::Schedule(at, &Ikev1Daemon::Delete, mnDaemon, peer);
    }
    // The duration of the first phase 1, from the MN's first message to its last step.
    mnDaemon->TraceConnectWithoutContext(
        "Phase1Established",
        MakeCallback(+[](Time* t, const Ipv6Address&, Time duration) {
            *t = *t == Time::Max() ? duration : *t;
        }).Bind(&phase1));

    Simulator::Stop(scenario.GetStopTime());
    Simulator::Run();

    scenario.GetKeyExport()->Write(outputDir + "/esp_sa");
    ikeKeys->Write(outputDir + "/ikev1_decryption_table");
    bool done = installed.size() == 2;
    Time end = done ? std::max(installed[mn->GetId()], installed[sg->GetId()]) : Time::Max();
    std::ofstream csv(outputDir + "/summary.csv");
    csv << "metric,value\n";
    std::cout << "IKEv1 " << mode << " mode + quick mode" << (vm["pfs"].as<bool>() ? " (PFS)" : "")
              << ", " << cipher << "/" << hash << ", DH group " << group << ", profile "
              << profile.GetName() << "\n";
    auto row = [&csv](const std::string& metric, const std::string& value) {
        csv << metric << "," << value << "\n";
        std::cout << "  " << metric << ": " << value << "\n";
    };
    row("established", done ? "1" : "0");
    row("ike_messages", std::to_string(monitor->GetIkeMessages()));
    row("ike_bytes", std::to_string(monitor->GetIkeBytes()));
    if (done && acquired != Time::Max())
    {
        row("phase1_ms", std::to_string(phase1.GetMicroSeconds() / 1000.0));
        row("setup_ms", std::to_string((end - acquired).GetMicroSeconds() / 1000.0));
    }
    row("uplink_probes_sent", std::to_string(scenario.GetUplinkSent()));
    row("uplink_probes_received", std::to_string(scenario.GetUplinkReceived()));
    row("downlink_probes_sent", std::to_string(scenario.GetDownlinkSent()));
    row("downlink_probes_received", std::to_string(scenario.GetDownlinkReceived()));
    // Per exchange and direction, from the frames on the access link.
    std::cout << "  IKE frames on the access link (Ethernet II header, no FCS):\n";
    std::cout << "    exchange           MN->SG  SG->MN   bytes  first (ms)  last (ms)\n";
    for (const auto& [exchange, c] : monitor->GetIkeExchanges(mn->GetId()))
    {
        const char* name = exchange == 2    ? "main mode"
                           : exchange == 4  ? "aggressive mode"
                           : exchange == 5  ? "informational"
                           : exchange == 32 ? "quick mode"
                                            : "other";
        std::cout << "    " << std::left << std::setw(18) << name << std::right << std::setw(7)
                  << c.fromNode << std::setw(8) << c.toNode << std::setw(8) << c.bytes << std::fixed
                  << std::setprecision(3) << std::setw(12) << c.first.GetMicroSeconds() / 1000.0
                  << std::setw(11) << c.last.GetMicroSeconds() / 1000.0 << "\n";
        std::string key(name);
        std::replace(key.begin(), key.end(), ' ', '_');
        csv << "messages_" << key << "," << c.fromNode + c.toNode << "\n";
        csv << "bytes_" << key << "," << c.bytes << "\n";
    }
    Simulator::Destroy();
    return done ? 0 : 1;
}
