/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup cxtp-ipsec
 * cxtp-ipsec-ikev1-interop: the module's IKEv1 daemon and ESP data plane on one ns-3 node,
 * attached to an existing Linux tap, in real time, against a real IKE daemon on the host side
 * of the tap (scripts/interop-strongswan runs strongSwan's charon there).
 *
 * \verbatim
 *   ns-3 node (this program)            Linux (tap's network namespace)
 *   FdNetDevice on the tap's fd  <====>  tap, peer IKE daemon
 *   --local (fd00:11::100)               --peer (fd00:11::1)
 *   <-- IKEv1 (UDP 500), then ESP (tunnel mode) -->
 * \endverbatim
 *
 * The node has the module's IPsec stack (IpsecHelper) with a tunnel-mode PROTECT rule for
 * everything between --local and any address, tunnel endpoints --local and --peer, IKE
 * bypassed, and an Ikev1Daemon in the documented configuration: pre-shared key, IPv6 address
 * IDs, 3DES/SHA1/MODP-1024 phase 1, INITIAL-CONTACT, no DPD vendor ID, quick mode for ESP
 * 3DES/HMAC-SHA1-96 in tunnel mode with PFS MODP-768.
 *
 * - role initiator: the first UDP probe to --peer hits the PROTECT rule without SA, PF_KEY
 *   raises ACQUIRE and the daemon runs main or aggressive mode (--mode), then quick mode;
 * - role responder: the daemon is passive and answers the peer's main or aggressive mode and
 *   quick mode.
 *
 * The first probe (initiator) is held until the SAs exist; once the SA pair is installed, the
 * remaining probes go out at once through the ESP tunnel.
 * The program stops --linger after that (or after its quick-mode answer as responder), or at
 * --duration. It writes into --outputDir: a pcap of the FdNetDevice (ikev1-interop-0-0.pcap),
 * the model's keys (ikev1_decryption_table, esp_sa, both in Wireshark's UAT formats), the
 * keys of every quick mode the daemon reached (ikev1_quick_modes.csv, derived from its state
 * as the daemon does when it installs the pair, so that a quick mode the peer never completed
 * can be checked too) and summary.csv. Exit status 0 when phase 1 completed and, as initiator,
 * the SA pair was installed; as responder, when the daemon answered a quick mode.
 *
 * Needs CAP_NET_ADMIN on the tap (run it as root, in the tap's network namespace).
 */

#include "ns3/core-module.h"
#include "ns3/cxtp-ipsec-module.h"
#include "ns3/fd-net-device-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <map>
#include <sstream>
#include <sys/ioctl.h>
#include <unistd.h>

using namespace ns3;
namespace po = boost::program_options;

NS_LOG_COMPONENT_DEFINE("CxtpIpsecIkev1Interop");

namespace
{

constexpr uint8_t PROTO_UDP = 17;
constexpr uint8_t PROTO_IPSEC_ESP = 3; // RFC 2407 §4.4.1

/**
 * Attaches to an existing tap interface (IFF_TAP | IFF_NO_PI: Ethernet frames, no packet
 * information header).
 * \param name the interface name
 * \param [out] error why it failed
 * \return the file descriptor, or -1
 */
int
OpenTap(const std::string& name, std::string& error)
{
    if (name.empty() || name.size() >= IFNAMSIZ)
    {
        error = "interface names have 1 to " + std::to_string(IFNAMSIZ - 1) + " characters";
        return -1;
    }
    int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
    if (fd < 0)
    {
        error = std::string("/dev/net/tun: ") + std::strerror(errno);
        return -1;
    }
    struct ifreq ifr;
    std::memset(&ifr, 0, sizeof(ifr));
    ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
    std::strncpy(ifr.ifr_name, name.c_str(), IFNAMSIZ - 1);
    if (ioctl(fd, TUNSETIFF, &ifr) < 0)
    {
        error = "TUNSETIFF " + name + ": " + std::strerror(errno);
        close(fd);
        return -1;
    }
    return fd;
}

/// \return bytes as lower-case hex
std::string
Hex(const std::vector<uint8_t>& bytes)
{
    std::ostringstream os;
    os << std::hex << std::setfill('0');
    for (uint8_t b : bytes)
    {
        os << std::setw(2) << +b;
    }
    return os.str();
}

/// The keys of one quick mode, as the daemon derives them for its SA pair.
struct QuickModeKeys
{
    Ikev1Role role{Ikev1Role::INITIATOR}; ///< our role in the quick mode
    Ikev1State state{Ikev1State::IDLE};   ///< its state when recorded
    uint32_t inboundSpi{0};               ///< our SPI
    uint32_t outboundSpi{0};              ///< the peer's SPI
    std::vector<uint8_t> inEnc;           ///< inbound encryption key
    std::vector<uint8_t> inInt;           ///< inbound integrity key
    std::vector<uint8_t> outEnc;          ///< outbound encryption key
    std::vector<uint8_t> outInt;          ///< outbound integrity key
};

/// What the run saw, filled by trace sinks.
struct InteropRun
{
    Ptr<Node> node;                                             ///< the ns-3 node
    Ptr<Ikev1Daemon> daemon;                                    ///< its IKE daemon
    Ptr<Socket> probe;                                          ///< the UDP probe socket
    Ipv6Address peer;                                           ///< the peer
    uint16_t port{0};                                           ///< probe destination port
    uint32_t probes{0};                                         ///< probes to send in all
    uint32_t sent{0};                                           ///< probes sent so far
    uint32_t espSent{0};                                        ///< ESP packets sent
    Time linger;                                                ///< run time after the end
    bool phase1{false};                                         ///< phase 1 completed
    bool installed{false};                                      ///< an SA pair was installed
    bool answered{false};                                       ///< we answered a quick mode
    std::vector<std::string> failures;                          ///< the daemon's failures
    std::map<std::pair<uint64_t, uint32_t>, QuickModeKeys> qms; ///< by (CKY-I, M-ID)

    /// Sends one UDP probe to the peer.
    void SendProbe();
    /**
     * Records the keys of a quick mode that reached QM_SENT_2 or ESTABLISHED.
     * \param messageId its M-ID
     */
    void RecordQuickMode(uint32_t messageId);
};

void
InteropRun::SendProbe()
{
    std::string text = "cxtp-ipsec interop probe " + std::to_string(++sent);
    Ptr<Packet> p = Create<Packet>(reinterpret_cast<const uint8_t*>(text.data()), text.size());
    probe->SendTo(p, 0, Inet6SocketAddress(peer, port));
    std::cout << "  [" << Simulator::Now().As(Time::MS) << "] probe " << sent << " sent\n";
}

void
InteropRun::RecordQuickMode(uint32_t messageId)
{
    for (const auto& [cookie, sa] : daemon->GetSas())
    {
        auto it = sa.quickModes.find(messageId);
        if (sa.peer != peer || it == sa.quickModes.end())
        {
            continue;
        }
        // KEYMAT of each direction as Ikev1Daemon derives it when it installs the pair
        // (RFC 2409 §5.5): encryption key first, then the integrity key.
        const Ikev1QuickMode& qm = it->second;
        uint32_t encLength = GetEncryptionKeyLength(qm.encryption);
        uint32_t length = encLength + GetIntegrityKeyLength(qm.integrity);
        auto keymat = [&](uint32_t spi) {
            return Ikev1KeyDerivation::Keymat(sa.hash,
                                              sa.skeyidD,
                                              qm.gxy,
                                              PROTO_IPSEC_ESP,
                                              spi,
                                              qm.ni,
                                              qm.nr,
                                              length);
        };
        std::vector<uint8_t> in = keymat(qm.inboundSpi);
        std::vector<uint8_t> out = keymat(qm.outboundSpi);
        if (in.size() != length || out.size() != length)
        {
            continue;
        }
        QuickModeKeys keys;
        keys.role = qm.role;
        keys.state = qm.state;
        keys.inboundSpi = qm.inboundSpi;
        keys.outboundSpi = qm.outboundSpi;
        keys.inEnc.assign(in.begin(), in.begin() + encLength);
        keys.inInt.assign(in.begin() + encLength, in.end());
        keys.outEnc.assign(out.begin(), out.begin() + encLength);
        keys.outInt.assign(out.begin() + encLength, out.end());
        qms[{cookie, messageId}] = keys;
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    CxtpProgramOptions options(
        "cxtp-ipsec-ikev1-interop",
        "The module's IKEv1 daemon and ESP on one ns-3 node attached to an existing Linux tap\n"
        "(real time), against a real IKE peer behind the tap. Run as root in the tap's network\n"
        "namespace; scripts/interop-strongswan does it against strongSwan's charon.");
    // clang-format off
    options.Add().add_options()
        ("role", po::value<std::string>()->default_value("initiator"),
         "initiator (the first probe's ACQUIRE starts the negotiation) or responder (passive)")
        ("mode", po::value<std::string>()->default_value("main"),
         "phase-1 exchange as initiator: main or aggressive")
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
         "run time left after the probes (or the quick-mode answer as responder)")
        ("retryInterval", po::value<std::string>()->default_value("10s"),
         "the daemon's retransmission interval (racoon: 10 s)")
        ("duration", po::value<std::string>()->default_value("15s"), "the longest run time")
        ("outputDir", po::value<std::string>()->default_value("ikev1-interop-output"),
         "directory for the pcap, the key files and summary.csv")
        ("seed", po::value<uint32_t>()->default_value(1), "ns-3 RNG seed")
        ("run", po::value<uint64_t>()->default_value(1), "ns-3 RNG run number");
    // clang-format on
    po::variables_map vm = options.Parse(argc, argv);

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
    std::string outputDir = options.PrepareRun(vm);

    std::string tapError;
    int fd = OpenTap(vm["tap"].as<std::string>(), tapError);
    if (fd < 0)
    {
        std::cerr << "cxtp-ipsec-ikev1-interop: cannot attach to the tap: " << tapError << "\n";
        return 2;
    }

    // Real time, and real checksums: the Linux peer checks them.
    GlobalValue::Bind("SimulatorImplementationType", StringValue("ns3::RealtimeSimulatorImpl"));
    GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));
    // The address is usable at once (the tap's side runs its own DAD, or none).
    Config::SetDefault("ns3::Icmpv6L4Protocol::DAD", BooleanValue(false));

    Ptr<Node> node = CreateObject<Node>();
    FdNetDeviceHelper fdHelper;
    fdHelper.SetAttribute("EncapsulationMode", StringValue("Dix"));
    Ptr<FdNetDevice> device = DynamicCast<FdNetDevice>(fdHelper.Install(node).Get(0));
    device->SetFileDescriptor(fd);
    device->SetAddress(Mac48Address(mac.c_str()));

    InternetStackHelper stack;
    stack.SetIpv4StackInstall(false);
    IpsecHelper::ConfigureStack(stack);
    stack.Install(node);
    Ptr<Ipv6> ipv6 = node->GetObject<Ipv6>();
    uint32_t interface = ipv6->AddInterface(device);
    ipv6->AddAddress(interface, Ipv6InterfaceAddress(local, Ipv6Prefix(64)));
    ipv6->SetUp(interface);

    IpsecHelper ipsec;
    // The first probe waits for the negotiated SAs instead of being dropped.
    ipsec.SetEspAttribute("NoSaAction", EnumValue(IpsecEspL4Protocol::HOLD));
    ipsec.Install(node);
    ipsec.AssignStreams(NodeContainer(node), 0);
    IpsecHelper::AddBypass(node, IpsecTrafficSelector::ForProtocol(PROTO_UDP, Ikev1Daemon::PORT));
    // Everything between our address and any other, in an ESP tunnel to the peer.
    IpsecPolicy rule;
    rule.action = IpsecPolicyAction::PROTECT;
    rule.mode = IpsecMode::TUNNEL;
    rule.selector.localAddress = local;
    rule.selector.localPrefix = Ipv6Prefix(128);
    rule.encryption = IpsecEncryption::TDES_CBC;
    rule.integrity = IpsecIntegrity::HMAC_SHA1_96;
    rule.tunnelLocal = local;
    rule.tunnelRemote = peer;
    rule.direction = IpsecDirection::OUTBOUND;
    IpsecHelper::AddPolicy(node, rule);
    rule.direction = IpsecDirection::INBOUND;
    IpsecHelper::AddPolicy(node, rule);

    // The documented configuration (doc/cxtp-ipsec.rst, "Message counts and sizes").
    Ikev1Helper::AddPreSharedKey(node, peer, Ipv6Prefix(128), vm["psk"].as<std::string>());
    Ikev1Helper ike;
    ike.SetCostProfile("zero");
    ike.SetAttribute("Mode", StringValue(mode));
    ike.SetAttribute("Encryption", StringValue("3des-cbc"));
    ike.SetAttribute("Hash", StringValue("sha1"));
    ike.SetAttribute("DhGroup", UintegerValue(2));
    ike.SetAttribute("Pfs", BooleanValue(true));
    ike.SetAttribute("PfsGroup", UintegerValue(1));
    ike.SetAttribute("InitialContact", BooleanValue(true));
    ike.SetAttribute("DpdVendorId", BooleanValue(false));
    ike.SetAttribute("QuickModeIds", BooleanValue(true));
    ike.SetAttribute("Passive", BooleanValue(role == "responder"));
    ike.SetAttribute("RetryInterval", TimeValue(retry));
    ApplicationContainer daemons = ike.Install(NodeContainer(node));

    Ptr<Ikev1KeyExport> ikeKeys = Create<Ikev1KeyExport>();
    ikeKeys->Watch(daemons);
    Ptr<IpsecKeyExport> espKeys = Create<IpsecKeyExport>();
    espKeys->Watch(NodeContainer(node));
    fdHelper.EnablePcap(outputDir + "/ikev1-interop", device, true);

    InteropRun run;
    run.node = node;
    run.daemon = DynamicCast<Ikev1Daemon>(daemons.Get(0));
    run.peer = peer;
    run.port = vm["port"].as<uint16_t>();
    run.probes = vm["probes"].as<uint32_t>();
    run.linger = linger;
    run.probe = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
    run.probe->Bind(Inet6SocketAddress(local, 0));

    run.daemon->TraceConnectWithoutContext(
        "Phase1Established",
        MakeCallback(+[](InteropRun* r, const Ipv6Address& p, Time d) {
            r->phase1 = true;
            std::cout << "  [" << Simulator::Now().As(Time::MS) << "] phase 1 with " << p
                      << " established (" << d.As(Time::MS) << ")\n";
        }).Bind(&run));
    run.daemon->TraceConnectWithoutContext(
        "StateTransition",
        MakeCallback(+[](InteropRun* r,
                         const Ipv6Address&,
                         uint32_t messageId,
                         Ikev1State from,
                         Ikev1State to) {
            std::cout << "  [" << Simulator::Now().As(Time::MS) << "] "
                      << (messageId == 0 ? std::string("phase 1")
                                         : "quick mode " + std::to_string(messageId))
                      << ": " << ToString(from) << " -> " << ToString(to) << "\n";
            if (messageId == 0 || (to != Ikev1State::QM_SENT_2 && to != Ikev1State::ESTABLISHED))
            {
                return;
            }
            r->RecordQuickMode(messageId);
            if (to == Ikev1State::QM_SENT_2 && !r->answered)
            {
                r->answered = true;
                Simulator::Stop(r->linger);
            }
        }).Bind(&run));
    run.daemon->TraceConnectWithoutContext(
        "Installed",
        MakeCallback(+[](InteropRun* r, const Ipv6Address& p, uint32_t in, uint32_t out) {
            std::cout << "  [" << Simulator::Now().As(Time::MS) << "] SA pair with " << p
                      << " installed: inbound SPI 0x" << std::hex << in << ", outbound SPI 0x"
                      << out << std::dec << "\n";
            if (r->installed)
            {
                return;
            }
            r->installed = true;
            while (r->sent < r->probes)
            {
                r->SendProbe();
            }
            Simulator::Stop(r->linger);
        }).Bind(&run));
    run.daemon->TraceConnectWithoutContext(
        "Failure",
        MakeCallback(+[](InteropRun* r, const Ipv6Address& p, const std::string& why) {
            std::cout << "  [" << Simulator::Now().As(Time::MS) << "] IKE with " << p << ": " << why
                      << "\n";
            r->failures.push_back(why);
        }).Bind(&run));
    node->GetObject<IpsecEspL4Protocol>()->TraceConnectWithoutContext(
        "Tx",
        MakeCallback(+[](InteropRun* r, Ptr<const Packet>, uint32_t spi, uint64_t seq) {
            r->espSent++;
            std::cout << "  [" << Simulator::Now().As(Time::MS) << "] ESP sent: SPI 0x" << std::hex
                      << spi << std::dec << ", sequence " << seq << "\n";
        }).Bind(&run));
    if (role == "initiator" && run.probes > 0)
    {
        Simulator::Schedule(start, &InteropRun::SendProbe, &run);
    }

    // Line by line, also into a file: a script waits for the first line before it starts the
    // peer's negotiation.
    std::cout << std::unitbuf;
    std::cout << "cxtp-ipsec-ikev1-interop: " << role
              << (role == "initiator" ? " (" + mode + " mode)" : std::string()) << ", " << local
              << " <-> " << peer << " on tap " << vm["tap"].as<std::string>() << "\n";
    Simulator::Stop(duration);
    Simulator::Run();

    ikeKeys->Write(outputDir + "/ikev1_decryption_table");
    espKeys->Write(outputDir + "/esp_sa");
    {
        std::ofstream out(outputDir + "/ikev1_quick_modes.csv");
        out << "initiator_cookie,message_id,role,state,inbound_spi,outbound_spi,"
               "inbound_encryption_key,inbound_integrity_key,outbound_encryption_key,"
               "outbound_integrity_key\n";
        for (const auto& [id, k] : run.qms)
        {
            out << std::hex << std::setfill('0') << std::setw(16) << id.first << "," << std::setw(8)
                << id.second << "," << (k.role == Ikev1Role::INITIATOR ? "initiator" : "responder")
                << "," << ToString(k.state) << "," << std::setw(8) << k.inboundSpi << ","
                << std::setw(8) << k.outboundSpi << std::dec << "," << Hex(k.inEnc) << ","
                << Hex(k.inInt) << "," << Hex(k.outEnc) << "," << Hex(k.outInt) << "\n";
        }
    }
    bool ok = run.phase1 && (role == "initiator" ? run.installed : run.answered || run.installed);
    std::ofstream csv(outputDir + "/summary.csv");
    csv << "metric,value\n";
    auto row = [&csv](const std::string& metric, const std::string& value) {
        csv << metric << "," << value << "\n";
        std::cout << "  " << metric << ": " << value << "\n";
    };
    row("phase1_established", run.phase1 ? "1" : "0");
    row("quick_mode_answered", run.answered ? "1" : "0");
    row("sa_pair_installed", run.installed ? "1" : "0");
    row("probes_sent", std::to_string(run.sent));
    row("esp_packets_sent", std::to_string(run.espSent));
    row("failures", std::to_string(run.failures.size()));
    // What is left at the end (a DELETE from the peer removes the pair).
    row("sad_entries_at_end", std::to_string(node->GetObject<IpsecSad>()->Dump().size()));
    Simulator::Destroy();
    return ok ? 0 : 1;
}
