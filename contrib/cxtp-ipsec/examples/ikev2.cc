/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup cxtp-ipsec
 * cxtp-ipsec-ikev2: an IKEv2 negotiation (charon-like Ikev2Daemon, RFC 7296) between MN and SG,
 * then UDP probes through the negotiated CHILD_SA; optionally a CHILD_SA rekey, an IKE SA rekey
 * and a DELETE.
 *
 * \verbatim
 *   MN ============ SG ------------- CN
 *   fd00:11::100    fd00:11::1        fd00:1::2
 *        CSMA access link   p2p core link
 *   <-- IKEv2 (UDP 500), then ESP -->
 *                   |  p2p AAA link, one way --aaaDelay (--auth=eap-*)
 *                  AAA fd00:5::2 (AaaServer, RADIUS)
 * \endverbatim
 *
 * The MN's first probe hits a PROTECT rule without SA: PF_KEY raises ACQUIRE, the MN's daemon
 * runs IKE_SA_INIT and IKE_AUTH with the first CHILD_SA (RFC 7296 §1.2) with the passive SG's
 * daemon, authenticated by a pre-shared key or by RSA signatures with certificates of a CA made
 * at run time (§2.15, §3.6), or, with --auth=eap-md5|eap-aka|eap-tls, the MN by EAP (§2.16):
 * the SG signs with its certificate (or, with --eapOnly, proves itself by the MSK alone, RFC
 * 5998) and relays the EAP conversation by RADIUS to an AAA server behind it (AaaServer,
 * --aaaDelay away), each EAP round trip one IKE_AUTH exchange; both install the ESP SA pair
 * and the probes flow through it. At
 * --rekeyAt the MN rekeys the CHILD_SA by CREATE_CHILD_SA (§1.3.3, with PFS when --esp names a
 * group), at --rekeyIkeAt the IKE SA (§1.3.2), at --deleteAt it deletes the IKE SA by an
 * INFORMATIONAL exchange (§1.4.1); the next probe then negotiates anew. Messages and bytes are
 * counted as Ethernet frames on the access link (no FCS), as a capture there shows them; the
 * IKE keys go to ikev2_decryption_table and the ESP keys to esp_sa, so that Wireshark decrypts
 * the capture (contrib/cxtp-ipsec/doc/cxtp-ipsec.rst, Validation).
 */

#include "program/cxtp-program-options.h"

#include "ns3/core-module.h"
#include "ns3/cxtp-ipsec-module.h"

#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>

using namespace ns3;
namespace po = boost::program_options;

NS_LOG_COMPONENT_DEFINE("CxtpIpsecIkev2");

namespace
{

/// What the daemons' traces said.
struct Ikev2Log
{
    Time acquired{Time::Max()};              ///< the MN's first ACQUIRE
    Time firstIkeSa{Time::Max()};            ///< IKE_SA_INIT + IKE_AUTH of the first IKE SA
    std::map<uint32_t, Time> firstInstalled; ///< first CHILD_SA installed, by node
    std::map<uint32_t, uint32_t> installed;  ///< CHILD_SAs installed, by node
    uint32_t ikeSas{0};                      ///< IKE SAs keyed at the MN (IkeSaKeys)
    uint32_t established{0};                 ///< IKE SAs authenticated at the MN (IKE_AUTH)
    uint32_t failures{0};                    ///< Failure traces of either daemon
};

/// \return "34" -> "IKE_SA_INIT", ...
const char*
ExchangeName(uint8_t exchange)
{
    switch (exchange)
    {
    case 34:
        return "IKE_SA_INIT";
    case 35:
        return "IKE_AUTH";
    case 36:
        return "CREATE_CHILD_SA";
    case 37:
        return "INFORMATIONAL";
    }
    return "other";
}

} // namespace

int
main(int argc, char* argv[])
{
    CxtpProgramOptions options(
        "cxtp-ipsec-ikev2",
        "IKEv2 (IKE_SA_INIT + IKE_AUTH with the first CHILD_SA, PSK or certificates) between MN\n"
        "and SG, started by the first probe's ACQUIRE; then UDP probes every --interval through\n"
        "the CHILD_SA; optionally CHILD_SA and IKE SA rekeys (CREATE_CHILD_SA) and a DELETE.");
    // clang-format off
    options.Add().add_options()
        ("ike", po::value<std::string>()->default_value("aes128-sha256-modp2048"),
         "IKE SA proposals, strongSwan style (e.g. aes256gcm16-prfsha384-ecp256)")
        ("esp", po::value<std::string>()->default_value("aes128-sha256"),
         "CHILD_SA proposals, strongSwan style; a group (aes128-sha256-modp2048) asks for PFS "
         "in CREATE_CHILD_SA")
        ("auth", po::value<std::string>()->default_value("psk"),
         "psk (pre-shared key), cert (RSA signatures, certificates of a CA made at run time), "
         "or eap-md5, eap-aka, eap-tls (the MN by EAP through the SG to an AAA server, the SG "
         "by its certificate)")
        ("aaaDelay", po::value<std::string>()->default_value("2ms"),
         "--auth=eap-*: one-way delay of the SG-AAA link (each EAP round trip crosses it)")
        ("eapOnly", po::value<bool>()->default_value(false),
         "--auth=eap-*: EAP-only authentication (RFC 5998): the SG leaves CERT and AUTH out and "
         "proves itself by the MSK; refused for eap-md5, which makes none (0 or 1)")
        ("rsaBits", po::value<uint32_t>()->default_value(2048),
         "--auth=cert or eap-*: RSA modulus of every key, 1024 to 4096")
        ("intermediates", po::value<uint32_t>()->default_value(1),
         "--auth=cert or eap-*: CAs between the root and the end entities, 0 to 4")
        ("initialContact", po::value<bool>()->default_value(true),
         "send INITIAL_CONTACT in IKE_AUTH (0 or 1)")
        ("rekeyAt", po::value<std::string>(),
         "the MN rekeys the CHILD_SA by CREATE_CHILD_SA at this time")
        ("rekeyIkeAt", po::value<std::string>(),
         "the MN rekeys the IKE SA by CREATE_CHILD_SA at this time")
        ("deleteAt", po::value<std::string>(),
         "the MN deletes its IKE SA with the SG (INFORMATIONAL DELETE) at this time; the next "
         "probe negotiates anew")
        ("profile", po::value<std::string>()->default_value("zero"),
         "cost profile: zero, testbed-2008, host, or an INI path")
        ("duration", po::value<std::string>()->default_value("5s"), "how long the probes run")
        ("interval", po::value<std::string>()->default_value("50ms"), "probe period")
        ("pcap", po::value<bool>()->default_value(true), "write pcap files (0 or 1)");
    // clang-format on
    options.AddRunOptions("ikev2-output", "pcaps, key files and summary.csv");
    po::variables_map vm = options.Parse(argc, argv);

    std::string ikeList = vm["ike"].as<std::string>();
    std::vector<Ikev2IkeChoice> ikeChoices;
    std::string error = Ikev2Proposals::ParseIkeList(ikeList, ikeChoices);
    if (!error.empty())
    {
        options.Fail("--ike: " + error);
    }
    for (const Ikev2IkeChoice& c : ikeChoices)
    {
        IpsecEncryption alg;
        CryptoDhGroup group;
        if (!Ikev2Algorithms::GetEncryption(c.encr, c.keyBits, alg) ||
            Ikev2KeyExport::GetEncryptionName(c.encr, c.keyBits).empty() ||
            !Ikev2Algorithms::GetDhGroup(c.dh, group))
        {
            options.Fail("--ike: '" + Ikev2Proposals::FormatIkeList({c}) +
                         "' has a transform the daemon does not implement");
        }
    }
    std::string espList = vm["esp"].as<std::string>();
    std::vector<Ikev2EspChoice> espChoices;
    error = Ikev2Proposals::ParseEspList(espList, espChoices);
    if (!error.empty())
    {
        options.Fail("--esp: " + error);
    }
    IpsecTunnelScenario::Config config;
    for (auto it = espChoices.rbegin(); it != espChoices.rend(); ++it)
    {
        // The PROTECT rules carry the preferred pair (the first choice).
        CryptoDhGroup group;
        if (!Ikev2Algorithms::GetEncryption(it->encr, it->keyBits, config.encryption) ||
            !Ikev2Algorithms::GetIntegrity(it->integ, config.integrity) ||
            (it->dh != Ikev2DhId::NONE && !Ikev2Algorithms::GetDhGroup(it->dh, group)))
        {
            options.Fail("--esp: '" + Ikev2Proposals::FormatEspList({*it}) +
                         "' has a transform ESP does not implement here");
        }
    }
    std::string auth = vm["auth"].as<std::string>();
    if (auth != "psk" && auth != "cert" && auth != "eap-md5" && auth != "eap-aka" &&
        auth != "eap-tls")
    {
        options.Fail("--auth: must be psk, cert, eap-md5, eap-aka or eap-tls, not '" + auth + "'");
    }
    const std::string eap = auth.rfind("eap-", 0) == 0 ? auth.substr(4) : "";
    if (eap.empty() && (!vm["aaaDelay"].defaulted() || !vm["eapOnly"].defaulted()))
    {
        options.Fail("--aaaDelay, --eapOnly: only with --auth=eap-md5, eap-aka or eap-tls");
    }
    uint32_t rsaBits = vm["rsaBits"].as<uint32_t>();
    if (rsaBits < 1024 || rsaBits > 4096)
    {
        options.Fail("--rsaBits: " + std::to_string(rsaBits) + " is not within 1024 to 4096");
    }
    uint32_t intermediates = vm["intermediates"].as<uint32_t>();
    if (intermediates > 4)
    {
        options.Fail("--intermediates: " + std::to_string(intermediates) + " is more than 4");
    }
    std::string profileError;
    CryptoCostProfile profile;
    std::string profilePath = CryptoCostProfile::Resolve(vm["profile"].as<std::string>());
    if (!CryptoCostProfile::Load(profilePath, profile, profileError))
    {
        options.Fail("--profile: " + profileError);
    }
    std::map<std::string, Time> actions;
    for (const char* name : {"rekeyAt", "rekeyIkeAt", "deleteAt"})
    {
        if (vm.count(name))
        {
            actions[name] = options.GetTime(name, vm[name].as<std::string>());
        }
    }
    config.manualKeys = false;
    config.aaaServer = !eap.empty();
    config.aaaDelay = options.GetTime("aaaDelay", vm["aaaDelay"].as<std::string>());
    config.duration = options.GetTime("duration", vm["duration"].as<std::string>());
    config.probeInterval = options.GetTime("interval", vm["interval"].as<std::string>());
    std::string outputDir = options.PrepareRun(vm);
    options.BindGlobalDefault("ChecksumEnabled", BooleanValue(true)); // clean captures

    IpsecTunnelScenario scenario(config);
    const int64_t streams = scenario.AssignStreams(0);
    Ptr<Node> mn = scenario.GetMn();
    Ptr<Node> sg = scenario.GetSg();
    Ptr<AaaServer> server; // --auth=eap-*
    if (auth == "psk")
    {
        Ikev2Helper::AddPreSharedKey(mn, scenario.GetSgAddress(), Ipv6Prefix(128), "cxtp-secret");
        Ikev2Helper::AddPreSharedKey(sg, scenario.GetMnAddress(), Ipv6Prefix(128), "cxtp-secret");
    }
    else
    {
        uint32_t issuer = 0;
        std::shared_ptr<CryptoCertificateAuthority> ca =
            Ikev2Helper::MakeCertificateAuthority(rsaBits, intermediates, issuer);
        for (Ptr<Node> node : {mn, sg})
        {
            Ikev2Helper::IssueCertificate(node, *ca, issuer);
        }
        if (eap.empty())
        {
            Ikev2Helper::AddCertificatePeer(mn,
                                            scenario.GetSgAddress(),
                                            Ipv6Prefix(128),
                                            {ca->GetRootCertificate()});
            Ikev2Helper::AddCertificatePeer(sg,
                                            scenario.GetMnAddress(),
                                            Ipv6Prefix(128),
                                            {ca->GetRootCertificate()});
        }
        else
        {
            // The subscriber the MN's EAP client and the AAA server's database share; the SG
            // is the AAA server's RADIUS client.
            const EapCredentials subscriber = AaaHelper::MakeSubscriber(eap,
                                                                        "mobile@cxtp.example",
                                                                        mn,
                                                                        {ca->GetRootCertificate()});
            Ikev2Helper::AddEapClient(mn,
                                      scenario.GetSgAddress(),
                                      Ipv6Prefix(128),
                                      {ca->GetRootCertificate()},
                                      subscriber);
            Ikev2Helper::AddEapPeer(sg, scenario.GetMnAddress(), Ipv6Prefix(128));
            Ptr<EapSubscriberDatabase> database = CreateObject<EapSubscriberDatabase>();
            AaaHelper::AddSubscriber(database, subscriber);
            AaaHelper aaa;
            aaa.SetSecret("cxtp-radius-secret");
            aaa.SetCostProfile(profilePath);
            server = aaa.InstallServer(scenario.GetAaa(), database);
            if (eap == "tls")
            {
                server->SetEapServerConfig(AaaHelper::MakeTlsServerConfig(*ca, issuer));
            }
            aaa.InstallClient(sg, scenario.GetSgAaaAddress(), server, scenario.GetAaaAddress());
            aaa.AssignStreams(NodeContainer(sg, scenario.GetAaa()), streams);
        }
    }
    Ikev2Helper ike;
    ike.SetCostProfile(profilePath);
    ike.SetAttribute("IkeProposals", StringValue(ikeList));
    ike.SetAttribute("EspProposals", StringValue(espList));
    ike.SetAttribute("InitialContact", BooleanValue(vm["initialContact"].as<bool>()));
    ike.SetAttribute("EapOnlyAuthentication", BooleanValue(vm["eapOnly"].as<bool>()));
    ApplicationContainer daemons = ike.Install(NodeContainer(mn, sg));
    // The gateway answers its mobile peers and never initiates (charon: auto=add).
    daemons.Get(1)->SetAttribute("Passive", BooleanValue(true));
    Ptr<Ikev2Daemon> mnDaemon = DynamicCast<Ikev2Daemon>(daemons.Get(0));

    Ptr<Ikev2KeyExport> ikeKeys = Create<Ikev2KeyExport>();
    ikeKeys->Watch(daemons);
    Ptr<SignallingMonitor> monitor = Create<SignallingMonitor>();
    monitor->Attach(mn->GetDevice(0));
    monitor->Attach(sg->GetDevice(0));
    if (vm["pcap"].as<bool>())
    {
        scenario.EnablePcap(outputDir + "/ikev2");
    }

    Ikev2Log log;
    mn->GetObject<IpsecPfKey>()->TraceConnectWithoutContext(
        "Message",
        MakeCallback(+[](Ikev2Log* l, IpsecPfKeyMessage type, uint32_t, uint32_t) {
            if (type == IpsecPfKeyMessage::ACQUIRE && l->acquired == Time::Max())
            {
                l->acquired = Simulator::Now();
            }
        }).Bind(&log));
    for (uint32_t i = 0; i < 2; i++)
    {
        Ptr<Ikev2Daemon> d = DynamicCast<Ikev2Daemon>(daemons.Get(i));
        uint32_t node = d->GetNode()->GetId();
        d->TraceConnectWithoutContext(
            "Installed",
            MakeCallback(+[](Ikev2Log* l, uint32_t n, const Ipv6Address&, uint32_t, uint32_t) {
                l->firstInstalled.emplace(n, Simulator::Now());
                l->installed[n]++;
            }).Bind(&log, node));
        d->TraceConnectWithoutContext("Failure",
                                      MakeCallback(+[](Ikev2Log* l,
                                                       uint32_t n,
                                                       const Ipv6Address& peer,
                                                       const std::string& why) {
                                          l->failures++;
                                          std::cout << "  [" << Simulator::Now().As(Time::MS)
                                                    << "] node " << n << ": IKEv2 with " << peer
                                                    << ": " << why << "\n";
                                      }).Bind(&log, node));
    }
    mnDaemon->TraceConnectWithoutContext(
        "IkeSaKeys",
        MakeCallback(+[](Ikev2Log* l, const Ikev2Sa&) { l->ikeSas++; }).Bind(&log));
    // The duration of the first IKE_SA_INIT + IKE_AUTH, from the MN's first message.
    mnDaemon->TraceConnectWithoutContext(
        "Established",
        MakeCallback(+[](Ikev2Log* l, const Ipv6Address&, Time duration) {
            l->established++;
            l->firstIkeSa = l->firstIkeSa == Time::Max() ? duration : l->firstIkeSa;
        }).Bind(&log));

    Ipv6Address sgAddress = scenario.GetSgAddress();
    // The MN's requests; one made before its IKE SA is established does nothing, and says so.
    std::map<std::string, void (Ikev2Daemon::*)(const Ipv6Address&)> requests = {
        {"rekeyAt", &Ikev2Daemon::RekeyChildren},
        {"rekeyIkeAt", &Ikev2Daemon::RekeyIkeSa},
        {"deleteAt", &Ikev2Daemon::Delete}};
    for (const auto& [name, at] : actions)
    {
        auto request = requests.at(name);
        Simulator::Schedule(at, [mnDaemon, sgAddress, request, option = name]() {
            if (!mnDaemon->FindSa(sgAddress))
            {
                std::cout << "  [" << Simulator::Now().As(Time::MS) << "] --" << option
                          << ": the MN has no established IKE SA with the SG; nothing done\n";
                return;
            }
            ((*mnDaemon).*request)(sgAddress);
        });
    }

    Simulator::Stop(scenario.GetStopTime());
    Simulator::Run();

    scenario.GetKeyExport()->Write(outputDir + "/esp_sa");
    ikeKeys->Write(outputDir + "/ikev2_decryption_table");
    bool done = log.firstInstalled.size() == 2;
    Time end = done ? std::max(log.firstInstalled[mn->GetId()], log.firstInstalled[sg->GetId()])
                    : Time::Max();
    std::ofstream csv(outputDir + "/summary.csv");
    csv << "metric,value\n";
    std::cout << "IKEv2 IKE_SA_INIT + IKE_AUTH (" << auth;
    if (!eap.empty())
    {
        std::cout << (vm["eapOnly"].as<bool>() ? ", EAP-only" : "") << ", AAA one way "
                  << config.aaaDelay.As(Time::MS);
    }
    if (auth != "psk")
    {
        std::cout << ", RSA-" << rsaBits << ", " << intermediates << " intermediate CA(s)";
    }
    std::cout << "), IKE " << ikeList << ", ESP " << espList << ", profile " << profile.GetName()
              << "\n";
    auto row = [&csv](const std::string& metric, const std::string& value) {
        csv << metric << "," << value << "\n";
        std::cout << "  " << metric << ": " << value << "\n";
    };
    row("established", done ? "1" : "0");
    row("ike_messages", std::to_string(monitor->GetIkeMessages()));
    row("ike_bytes", std::to_string(monitor->GetIkeBytes()));
    if (done && log.acquired != Time::Max())
    {
        row("ike_sa_ms", std::to_string(log.firstIkeSa.GetMicroSeconds() / 1000.0));
        row("setup_ms", std::to_string((end - log.acquired).GetMicroSeconds() / 1000.0));
    }
    if (!eap.empty())
    {
        const Ikev2Sa* sa =
            DynamicCast<Ikev2Daemon>(daemons.Get(1))->FindSa(scenario.GetMnAddress());
        row("eap_only", sa && sa->eapOnly ? "1" : "0");
        row("radius_requests", std::to_string(server->GetRequestsProcessed()));
    }
    row("ike_sas", std::to_string(log.ikeSas));
    row("ike_sas_authenticated", std::to_string(log.established));
    row("child_sas_mn", std::to_string(log.installed[mn->GetId()]));
    row("child_sas_sg", std::to_string(log.installed[sg->GetId()]));
    // Every IKE SA beyond those IKE_AUTH authenticated was keyed by an IKE SA rekey; every
    // CHILD_SA beyond the first of each IKE_AUTH came from a CHILD_SA rekey (the MN asks for no
    // other CHILD_SA).
    row("ike_sa_rekeys", std::to_string(log.ikeSas - std::min(log.ikeSas, log.established)));
    row("child_sa_rekeys",
        std::to_string(log.installed[mn->GetId()] -
                       std::min(log.installed[mn->GetId()], log.established)));
    row("failures", std::to_string(log.failures));
    row("uplink_probes_sent", std::to_string(scenario.GetUplinkSent()));
    row("uplink_probes_received", std::to_string(scenario.GetUplinkReceived()));
    row("downlink_probes_sent", std::to_string(scenario.GetDownlinkSent()));
    row("downlink_probes_received", std::to_string(scenario.GetDownlinkReceived()));
    // Per exchange, from the frames on the access link; a fragmented message counts once.
    std::cout << "  IKE messages on the access link (Ethernet II header, no FCS):\n";
    std::cout << "    exchange           MN->SG  SG->MN   bytes  first (ms)  last (ms)\n";
    for (const auto& [exchange, c] : monitor->GetIkeExchanges(mn->GetId()))
    {
        std::string name = ExchangeName(exchange);
        std::cout << "    " << std::left << std::setw(18) << name << std::right << std::setw(7)
                  << c.fromNode << std::setw(8) << c.toNode << std::setw(8) << c.bytes << std::fixed
                  << std::setprecision(3) << std::setw(12) << c.first.GetMicroSeconds() / 1000.0
                  << std::setw(11) << c.last.GetMicroSeconds() / 1000.0 << "\n";
        csv << "messages_" << name << "," << c.fromNode + c.toNode << "\n";
        csv << "bytes_" << name << "," << c.bytes << "\n";
    }
    Simulator::Destroy();
    return done && log.failures == 0 ? 0 : 1;
}
