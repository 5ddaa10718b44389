/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup cxtp-ipsec
 * cxtp-ipsec-ike-interop: the module's IKEv1 (--ike=1) or IKEv2 (--ike=2) daemon and ESP data
 * plane on one ns-3 node, attached to an existing Linux tap, in real time, against a real IKE
 * daemon on the host side of the tap (scripts/interop-strongswan runs strongSwan's charon
 * there).
 *
 * \verbatim
 *   ns-3 node (this program)            Linux (tap's network namespace)
 *   FdNetDevice on the tap's fd  <====>  tap, peer IKE daemon
 *   --local (fd00:11::100)               --peer (fd00:11::1)
 *   <-- IKE (UDP 500), then ESP (tunnel mode) -->
 * \endverbatim
 *
 * The node (IkeInteropNode) has the module's IPsec stack with a tunnel-mode PROTECT rule for
 * everything between --local and any address, tunnel endpoints --local and --peer, IKE
 * bypassed. The daemon and what the run does are Ikev1InteropRun's (--ike=1: main or
 * aggressive mode with a PSK, quick mode with PFS) or Ikev2InteropRun's (--ike=2: IKE_SA_INIT
 * and IKE_AUTH with PSK or certificates, or as EAP client with --eap=md5|tls, a CHILD_SA rekey
 * at --rekeyAt, a DELETE at --deleteAt, the peer's rekeys and deletes answered).
 *
 * - role initiator: the first UDP probe to --peer hits the PROTECT rule without SA, PF_KEY
 *   raises ACQUIRE and the daemon negotiates;
 * - role responder: the daemon is passive and answers the peer.
 *
 * The first probe (initiator) is held until the SAs exist; the remaining probes go out at once
 * through the ESP tunnel. It writes into --outputDir: a pcap of the FdNetDevice
 * (ike-interop-0-0.pcap), the model's keys in Wireshark's UAT formats (ikev1_decryption_table
 * or ikev2_decryption_table, and esp_sa), and summary.csv; see the two run classes. Exit status
 * 0 when the run reached what it was asked to.
 *
 * Needs CAP_NET_ADMIN on the tap (run it as root, in the tap's network namespace).
 */

#include "ike-interop/ike-interop-node.h"
#include "ike-interop/ikev1-interop-run.h"
#include "ike-interop/ikev2-interop-run.h"
#include "program/cxtp-program-options.h"

#include "ns3/core-module.h"
#include "ns3/cxtp-ipsec-module.h"

#include <iostream>
#include <memory>

using namespace ns3;
namespace po = boost::program_options;

NS_LOG_COMPONENT_DEFINE("CxtpIpsecIkeInterop");

int
main(int argc, char* argv[])
{
    const std::string program = "cxtp-ipsec-ike-interop";
    CxtpProgramOptions options(
        program,
        "The module's IKEv1 or IKEv2 daemon and ESP on one ns-3 node attached to an existing\n"
        "Linux tap (real time), against a real IKE peer behind the tap. Run as root in the tap's\n"
        "network namespace; scripts/interop-strongswan does it against strongSwan's charon.");
    // clang-format off
    options.Add().add_options()
        ("ike", po::value<uint32_t>()->default_value(1), "IKE version: 1 (IKEv1) or 2 (IKEv2)")
        ("role", po::value<std::string>()->default_value("initiator"),
         "initiator (the first probe's ACQUIRE starts the negotiation) or responder (passive)")
        ("mode", po::value<std::string>()->default_value("main"),
         "IKEv1: phase-1 exchange as initiator: main or aggressive")
        ("auth", po::value<std::string>()->default_value("psk"),
         "IKEv2: psk, or cert (RSA signatures; a CA made at run time, the peer's credentials "
         "written into --credentialsDir)")
        ("credentialsDir", po::value<std::string>()->default_value(""),
         "IKEv2 with --auth=cert or --eap: swanctl directory for the peer's certificate "
         "(x509/peer.pem), key (rsa/peer.pem) and the CA (x509ca/cxtp-ca.pem)")
        ("eap", po::value<std::string>()->default_value(""),
         "IKEv2 initiator: authenticate by EAP (RFC 7296 §2.16) with md5 (EAP-MD5, the "
         "password) or tls (EAP-TLS, a client certificate of the run's CA); the peer "
         "authenticates with its certificate (credentials written into --credentialsDir)")
        ("eapIdentity", po::value<std::string>()->default_value("mn@cxtp.example"),
         "with --eap: the EAP identity (also the IKE ID, ID_RFC822_ADDR); with --eap=tls a name "
         "without '@' also goes into the client certificate as dNSName")
        ("eapPassword", po::value<std::string>()->default_value("cxtp-eap-secret"),
         "with --eap=md5: the EAP-MD5 password")
        ("eapOnly", po::value<bool>()->default_value(false),
         "with --eap: ask for EAP-only authentication (RFC 5998): the peer may leave its "
         "certificate AUTH out and prove itself by the MSK; 0 or 1")
        ("rekeyAt", po::value<std::string>()->default_value("0"),
         "IKEv2: when the node rekeys its CHILD_SAs by CREATE_CHILD_SA (0: never)")
        ("deleteAt", po::value<std::string>()->default_value("0"),
         "IKEv2: when the node sends a DELETE (0: never)")
        ("delete", po::value<std::string>()->default_value("ike"),
         "IKEv2: what --deleteAt deletes: ike (the IKE SA and its CHILD_SAs) or child")
        ("children", po::value<uint32_t>()->default_value(1),
         "IKEv2: CHILD_SAs installed (rekeys included) before the run ends")
        ("tap", po::value<std::string>()->default_value("cxtp0"), "the tap interface to attach to")
        ("mac", po::value<std::string>()->default_value("02:00:00:00:11:02"),
         "the ns-3 device's MAC address")
        ("local", po::value<std::string>()->default_value("fd00:11::100"),
         "the node's address (/64 on the tap's link)")
        ("peer", po::value<std::string>()->default_value("fd00:11::1"), "the peer's address")
        ("psk", po::value<std::string>()->default_value("cxtp-secret"), "the pre-shared key")
        ("probes", po::value<uint32_t>()->default_value(3), "UDP probes sent through the tunnel")
        ("port", po::value<uint16_t>()->default_value(5001), "the probes' destination port")
        ("start", po::value<std::string>()->default_value("1s"),
         "initiator: when the first probe is sent")
        ("linger", po::value<std::string>()->default_value("2s"),
         "run time left after the end (SAs installed, quick mode answered, IKE SA deleted)")
        ("retryInterval", po::value<std::string>()->default_value("10s"),
         "the daemon's (first) retransmission interval (racoon: 10 s, charon: 4 s)")
        ("duration", po::value<std::string>()->default_value("15s"), "the longest run time");
    // clang-format on
    options.AddRunOptions("ike-interop-output", "the pcap, the key files and summary.csv");
    po::variables_map vm = options.Parse(argc, argv);

    uint32_t version = vm["ike"].as<uint32_t>();
    if (version != 1 && version != 2)
    {
        options.Fail("--ike: must be 1 or 2, not '" + std::to_string(version) + "'");
    }
    std::string role = vm["role"].as<std::string>();
    if (role != "initiator" && role != "responder")
    {
        options.Fail("--role: must be initiator or responder, not '" + role + "'");
    }
    std::string mode = vm["mode"].as<std::string>();
    if (mode != "main" && mode != "aggressive")
    {
        options.Fail("--mode: must be main or aggressive, not '" + mode + "'");
    }
    std::string auth = vm["auth"].as<std::string>();
    if (auth != "psk" && auth != "cert")
    {
        options.Fail("--auth: must be psk or cert, not '" + auth + "'");
    }
    std::string eap = vm["eap"].as<std::string>();
    if (!eap.empty() && eap != "md5" && eap != "tls")
    {
        options.Fail("--eap: must be md5 or tls, not '" + eap + "'");
    }
    std::string what = vm["delete"].as<std::string>();
    if (what != "ike" && what != "child")
    {
        options.Fail("--delete: must be ike or child, not '" + what + "'");
    }
    // What only one version has.
    for (const char* name : {"auth",
                             "credentialsDir",
                             "rekeyAt",
                             "deleteAt",
                             "delete",
                             "children",
                             "eap",
                             "eapIdentity",
                             "eapPassword"})
    {
        if (version == 1 && !vm[name].defaulted())
        {
            options.Fail(std::string("--") + name + ": an IKEv2 option (use --ike=2)");
        }
    }
    if (version == 2 && !vm["mode"].defaulted())
    {
        options.Fail("--mode: an IKEv1 option (IKEv2 has no main or aggressive mode)");
    }
    if (!eap.empty() && (role != "initiator" || auth != "psk" || !vm["auth"].defaulted()))
    {
        options.Fail("--eap: for the initiator only, without --auth (the peer signs, the node "
                     "runs EAP)");
    }
    if (eap.empty() && (!vm["eapIdentity"].defaulted() || !vm["eapPassword"].defaulted() ||
                        !vm["eapOnly"].defaulted()))
    {
        options.Fail("--eapIdentity, --eapPassword, --eapOnly: only with --eap");
    }
    if (eap == "tls" && !vm["eapPassword"].defaulted())
    {
        options.Fail("--eapPassword: for --eap=md5 (EAP-TLS uses a client certificate)");
    }
    if (!eap.empty() && vm["eapIdentity"].as<std::string>().empty())
    {
        options.Fail("--eapIdentity: must not be empty");
    }
    std::string credentialsDir = vm["credentialsDir"].as<std::string>();
    if ((auth == "cert" || !eap.empty()) != !credentialsDir.empty())
    {
        options.Fail("--credentialsDir: needed with --auth=cert or --eap, and only then");
    }
    if (vm["children"].as<uint32_t>() == 0)
    {
        options.Fail("--children: at least 1");
    }
    Ipv6Address local;
    Ipv6Address peer;
    for (const auto& [name, address] :
         {std::make_pair(std::string("local"), &local), std::make_pair(std::string("peer"), &peer)})
    {
        std::string text = vm[name].as<std::string>();
        Ipv6Address parsed(text.c_str());
        if (text.find(':') == std::string::npos || parsed.IsAny() || parsed.IsMulticast() ||
            parsed.IsLinkLocal())
        {
            options.Fail("--" + name + ": not a global unicast IPv6 address: '" + text + "'");
        }
        *address = parsed;
    }
    std::string mac = vm["mac"].as<std::string>();
    if (mac.size() != 17)
    {
        options.Fail("--mac: not a MAC address: '" + mac + "'");
    }
    Time start = options.GetTime("start", vm["start"].as<std::string>(), true);
    Time linger = options.GetTime("linger", vm["linger"].as<std::string>(), true);
    Time duration = options.GetTime("duration", vm["duration"].as<std::string>());
    Time retry = options.GetTime("retryInterval", vm["retryInterval"].as<std::string>());
    Time rekeyAt = options.GetTime("rekeyAt", vm["rekeyAt"].as<std::string>(), true);
    Time deleteAt = options.GetTime("deleteAt", vm["deleteAt"].as<std::string>(), true);
    std::string outputDir = options.PrepareRun(vm);

    std::string tapError;
    int fd = IkeInteropNode::OpenTap(vm["tap"].as<std::string>(), tapError);
    if (fd < 0)
    {
        std::cerr << program << ": cannot attach to the tap: " << tapError << "\n";
        return 2;
    }
    IkeInteropNode::ConfigureRealTime();

    IkeInteropNode::Config config;
    config.tapFd = fd;
    config.mac = mac;
    config.local = local;
    config.peer = peer;
    config.probePort = vm["port"].as<uint16_t>();
    config.probes = vm["probes"].as<uint32_t>();
    config.pcapPrefix = outputDir + "/ike-interop";
    if (version == 2)
    {
        config.encryption = IpsecEncryption::AES_128_CBC;
        config.integrity = IpsecIntegrity::HMAC_SHA2_256_128;
    }
    IkeInteropNode node(config);

    std::unique_ptr<Ikev1InteropRun> v1;
    std::unique_ptr<Ikev2InteropRun> v2;
    if (version == 1)
    {
        Ikev1InteropRun::Settings s;
        s.initiator = role == "initiator";
        s.mode = mode;
        s.psk = vm["psk"].as<std::string>();
        s.retryInterval = retry;
        s.start = start;
        s.linger = linger;
        s.outputDir = outputDir;
        v1 = std::make_unique<Ikev1InteropRun>(node, s);
    }
    else
    {
        Ikev2InteropRun::Settings s;
        s.initiator = role == "initiator";
        s.certificates = auth == "cert";
        s.psk = vm["psk"].as<std::string>();
        s.eap = eap;
        s.eapIdentity = vm["eapIdentity"].as<std::string>();
        s.eapPassword = vm["eapPassword"].as<std::string>();
        s.eapOnly = vm["eapOnly"].as<bool>();
        s.credentialsDir = credentialsDir;
        s.retransmitTimeout = retry;
        s.start = start;
        s.rekeyAt = rekeyAt;
        s.deleteAt = deleteAt;
        s.deleteChildren = what == "child";
        s.children = vm["children"].as<uint32_t>();
        s.linger = linger;
        s.outputDir = outputDir;
        v2 = std::make_unique<Ikev2InteropRun>(node, s);
    }

    // Line by line, also into a file: a script waits for the first line before it starts the
    // peer's negotiation.
    std::cout << std::unitbuf;
    std::cout << program << ": IKEv" << version << " " << role
              << (version == 1 && role == "initiator" ? " (" + mode + " mode)" : std::string())
              << (version == 2 ? " (" + (eap.empty() ? auth : "eap-" + eap) + ")" : std::string())
              << ", " << local << " <-> " << peer << " on tap " << vm["tap"].as<std::string>()
              << "\n";
    Simulator::Stop(duration);
    Simulator::Run();
    bool ok = v1 ? v1->Finish() : v2->Finish();
    Simulator::Destroy();
    return ok ? 0 : 1;
}
