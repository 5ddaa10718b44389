/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup cxtp-ipsec
 * cxtp-ipsec-radius-interop: the module's RADIUS client (RadiusClient, a gateway's
 * Ikev2EapBackend) on one ns-3 node attached to an existing Linux tap, in real time, against a
 * real RADIUS server on the host side of the tap (scripts/interop-freeradius runs FreeRADIUS
 * there), with the module's EapPeer playing the mobile node in the same process.
 *
 * \verbatim
 *   ns-3 node (this program)                        Linux (tap's network namespace)
 *   EapPeer <-> RadiusClient, FdNetDevice   <====>  tap, RADIUS server (UDP 1812)
 *   --local (fd00:11::100)                           --server (fd00:11::1)
 * \endverbatim
 *
 * No IKE: the program drives RadiusClient::Start and Continue itself, as Ikev2IkeSaTask does
 * for an IKE SA (RFC 7296 §2.16). Start sends the EAP-Response/Identity built from --identity;
 * every Access-Challenge's EAP Request goes to the EapPeer, whose Response goes back by
 * Continue; the Access-Accept's EAP-Success or the Access-Reject's EAP-Failure ends the peer.
 * EAP-MD5 (--method=md5) uses --password; EAP-TLS (--method=tls) a client certificate of a CA
 * made at run time (CryptoCertificateAuthority), which also issues the server's certificate:
 * the CA certificate, the server's certificate and key are written as PEM into
 * --credentialsDir (ca.pem, server.pem, server.key) for the server's configuration, so no key
 * is kept anywhere else. The peer checks the server's certificate against that CA.
 *
 * It writes into --outputDir a pcap of the FdNetDevice (radius-interop-0-0.pcap) and
 * summary.csv: the outcome (accept, reject or timeout), the EapPeer's status, the RADIUS
 * packets each way, retransmissions, the responses RadiusClient dropped (a Response
 * Authenticator or Message-Authenticator that does not verify, RFC 2865 §3, RFC 3579 §3.2, ...),
 * the MSK RadiusClient decrypted from MS-MPPE-Recv-Key and MS-MPPE-Send-Key (RFC 2548 §2.4.2-3)
 * and the MSK the EapPeer derived (RFC 5216 §2.3), in hex. Exit status 0 when the outcome is
 * --expect and, for an accept, the peer ended with SUCCESS and both MSKs are equal (empty for
 * EAP-MD5).
 *
 * Needs CAP_NET_ADMIN on the tap (run it as root, in the tap's network namespace).
 */

#include "ike-interop/ike-interop-node.h"
#include "program/cxtp-program-options.h"

#include "ns3/core-module.h"
#include "ns3/cxtp-ipsec-module.h"
#include "ns3/fd-net-device-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"

#include <fstream>
#include <iostream>
#include <map>
#include <sys/stat.h>

using namespace ns3;
namespace po = boost::program_options;

NS_LOG_COMPONENT_DEFINE("CxtpIpsecRadiusInterop");

namespace
{

constexpr const char* PROGRAM = "cxtp-ipsec-radius-interop";
constexpr uint64_t SESSION = 1; ///< the one EAP conversation's key

/// \return the name of a RADIUS code (RFC 2865 §4)
std::string
CodeName(RadiusCode code)
{
    switch (code)
    {
    case RadiusCode::ACCESS_REQUEST:
        return "Access-Request";
    case RadiusCode::ACCESS_ACCEPT:
        return "Access-Accept";
    case RadiusCode::ACCESS_REJECT:
        return "Access-Reject";
    case RadiusCode::ACCESS_CHALLENGE:
        return "Access-Challenge";
    }
    return "code " + std::to_string(static_cast<int>(code));
}

/// \return the name of an EAP type (RFC 3748 §5)
std::string
TypeName(EapType type)
{
    switch (type)
    {
    case EapType::IDENTITY:
        return "Identity";
    case EapType::NOTIFICATION:
        return "Notification";
    case EapType::NAK:
        return "Nak";
    case EapType::MD5_CHALLENGE:
        return "MD5-Challenge";
    case EapType::TLS:
        return "TLS";
    case EapType::AKA:
        return "AKA";
    default:
        return "type " + std::to_string(static_cast<int>(type));
    }
}

/// \return a one-line description of an EAP packet
std::string
Describe(const EapPacket& p)
{
    std::string code = p.code == EapCode::REQUEST    ? "Request"
                       : p.code == EapCode::RESPONSE ? "Response"
                       : p.code == EapCode::SUCCESS  ? "Success"
                                                     : "Failure";
    std::string text = "EAP-" + code + " " + std::to_string(p.identifier);
    if (p.code == EapCode::REQUEST || p.code == EapCode::RESPONSE)
    {
        text += "/" + TypeName(p.type) + " (" + std::to_string(p.typeData.size()) + " octets)";
    }
    return text;
}

/**
 * \brief Writes a file, readable by its owner only when \p secret.
 * \return true on success
 */
bool
WriteFile(const std::string& path, const std::string& text, bool secret)
{
    std::ofstream out(path, std::ios::trunc);
    out << text;
    out.close();
    return out && !text.empty() && (!secret || chmod(path.c_str(), 0600) == 0);
}

/// The run: the RadiusClient and the EapPeer of one conversation, and what happened.
class RadiusInteropRun
{
  public:
    /// The run's options.
    struct Settings
    {
        Ipv6Address local;          ///< the node's address
        Ipv6Address server;         ///< the RADIUS server's
        uint16_t port{1812};        ///< its port
        std::string secret;         ///< the shared secret
        Time retransmitTimeout;     ///< RadiusClient's first timeout
        EapCredentials credentials; ///< the peer's
        Time start;                 ///< when Start is called
        Time linger;                ///< run time after the end
    };

    RadiusInteropRun(Ptr<Node> node, const Settings& settings)
        : m_settings(settings),
          m_peer(settings.credentials, node->GetObject<CryptoRandom>())
    {
        m_client = CreateObject<RadiusClient>();
        m_client->SetAttribute("ServerAddress", Ipv6AddressValue(settings.server));
        m_client->SetAttribute("ServerPort", UintegerValue(settings.port));
        m_client->SetAttribute("Secret", StringValue(settings.secret));
        m_client->SetAttribute("RetransmitTimeout", TimeValue(settings.retransmitTimeout));
        node->AggregateObject(m_client);
        m_client->AssignStreams(1);
        m_client->TraceConnectWithoutContext(
            "Tx",
            MakeCallback(&RadiusInteropRun::Packet, this).Bind(true));
        m_client->TraceConnectWithoutContext(
            "Rx",
            MakeCallback(&RadiusInteropRun::Packet, this).Bind(false));
        m_client->TraceConnectWithoutContext("Discard",
                                             MakeCallback(&RadiusInteropRun::Dropped, this));
        m_client->TraceConnectWithoutContext("Retransmission",
                                             MakeCallback(&RadiusInteropRun::Retransmitted, this));
        Simulator::Schedule(settings.start, &RadiusInteropRun::Begin, this);
    }

    /// \return the outcome: accept, reject, timeout or none
    const std::string& GetOutcome() const
    {
        return m_outcome;
    }

    /**
     * \brief Prints and writes summary.csv.
     * \param path the file
     * \param expect the expected outcome
     * \return true if the outcome is \p expect and, for an accept, the peer succeeded with the
     *         MSK the server sent
     */
    bool Finish(const std::string& path, const std::string& expect) const
    {
        const bool mskEqual = m_radiusMsk == m_peerMsk;
        std::string discards;
        for (const auto& [reason, count] : m_client->GetDiscards())
        {
            discards += (discards.empty() ? "" : "; ") + reason + " x" + std::to_string(count);
        }
        auto count = [this](bool sent, RadiusCode code) {
            auto it = m_packets.find({sent, code});
            return std::to_string(it == m_packets.end() ? 0 : it->second);
        };
        IkeInteropNode::WriteSummary(
            path,
            {
                {"outcome", m_outcome},
                {"answer_reason", "\"" + m_reason + "\""},
                {"eap_status", m_peerStatus},
                {"eap_reason", "\"" + m_peerReason + "\""},
                {"eap_requests", std::to_string(m_requests)},
                {"eap_request_types", m_requestTypes},
                {"access_requests", count(true, RadiusCode::ACCESS_REQUEST)},
                {"access_challenges", count(false, RadiusCode::ACCESS_CHALLENGE)},
                {"access_accepts", count(false, RadiusCode::ACCESS_ACCEPT)},
                {"access_rejects", count(false, RadiusCode::ACCESS_REJECT)},
                {"retransmissions", std::to_string(m_client->GetRetransmissions())},
                {"discards", "\"" + discards + "\""},
                {"msk_radius", IkeInteropNode::Hex(m_radiusMsk)},
                {"msk_peer", IkeInteropNode::Hex(m_peerMsk)},
                {"msk_equal", mskEqual ? "1" : "0"},
            });
        if (m_outcome != expect)
        {
            return false;
        }
        if (expect == "accept")
        {
            return m_peerStatus == "success" && mskEqual && m_client->GetDiscards().empty();
        }
        return m_peerStatus == "failure";
    }

  private:
    /// Starts the conversation: the Access-Request with the EAP-Response/Identity.
    void Begin()
    {
        Say("starting EAP for '" + m_settings.credentials.identity + "' (EAP-Response/Identity 0)");
        m_client->Start(SESSION,
                        m_settings.credentials.identity,
                        m_settings.local,
                        MakeCallback(&RadiusInteropRun::Answered, this));
    }

    /// The session's callback: one answer of the server.
    void Answered(const Ikev2EapBackend::Answer& answer)
    {
        EapPacket response;
        std::string reason;
        switch (answer.kind)
        {
        case Ikev2EapBackend::Answer::Kind::CHALLENGE: {
            ++m_requests;
            m_requestTypes += (m_requestTypes.empty() ? "" : " ") + TypeName(answer.eap.type);
            Say("Access-Challenge: " + Describe(answer.eap));
            EapStatus status = m_peer.Process(answer.eap, response, reason);
            if (status == EapStatus::CONTINUE && response.code == EapCode::RESPONSE)
            {
                Say("  peer answers " + Describe(response));
                // After the callback returns: the client has released the request.
                Simulator::ScheduleNow(&RadiusClient::Continue, m_client, SESSION, response);
                return;
            }
            m_peerStatus = status == EapStatus::FAILURE ? "failure" : "discarded";
            m_peerReason = reason;
            Say("  peer stops: " + reason);
            End("none");
            return;
        }
        case Ikev2EapBackend::Answer::Kind::ACCEPT:
            m_radiusMsk = answer.msk;
            Say("Access-Accept: " + Describe(answer.eap) + ", " +
                std::to_string(answer.msk.size()) + "-octet MSK from MS-MPPE-Recv/Send-Key");
            break;
        case Ikev2EapBackend::Answer::Kind::REJECT:
            m_reason = answer.reason;
            Say("Access-Reject: " + Describe(answer.eap) + " (" + answer.reason + ")");
            break;
        case Ikev2EapBackend::Answer::Kind::TIMEOUT:
            m_reason = answer.reason;
            Say("timeout: " + answer.reason);
            End("timeout");
            return;
        }
        EapStatus status = m_peer.Process(answer.eap, response, reason);
        m_peerStatus = status == EapStatus::SUCCESS   ? "success"
                       : status == EapStatus::FAILURE ? "failure"
                                                      : "continue";
        m_peerReason = reason;
        if (status == EapStatus::SUCCESS)
        {
            m_peerMsk = m_peer.GetMsk();
        }
        Say("  peer: " + m_peerStatus + (reason.empty() ? "" : " (" + reason + ")") +
            (m_peerMsk.empty() ? "" : ", " + std::to_string(m_peerMsk.size()) + "-octet MSK"));
        End(answer.kind == Ikev2EapBackend::Answer::Kind::ACCEPT ? "accept" : "reject");
    }

    /// Tx and Rx trace sink.
    void Packet(bool sent, RadiusCode code, uint8_t identifier, uint32_t size)
    {
        ++m_packets[{sent, code}];
        Say(std::string(sent ? "sent " : "received ") + CodeName(code) + " " +
            std::to_string(identifier) + " (" + std::to_string(size) + " B)");
    }

    /// Discard trace sink.
    void Dropped(const Ipv6Address&, const std::string& reason, const std::string& detail)
    {
        Say("RadiusClient dropped a packet: " + reason + " (" + detail + ")");
    }

    /// Retransmission trace sink.
    void Retransmitted(uint64_t, uint8_t identifier, uint32_t retry)
    {
        Say("retransmission " + std::to_string(retry) + " of Access-Request " +
            std::to_string(identifier));
    }

    /// Ends the run --linger from now. \param outcome the outcome
    void End(const std::string& outcome)
    {
        if (m_outcome == "none")
        {
            m_outcome = outcome;
        }
        Simulator::Stop(m_settings.linger);
    }

    /// Prints a line with the time.
    static void Say(const std::string& text)
    {
        std::cout << "  [" << Simulator::Now().As(Time::MS) << "] " << text << "\n";
    }

    Settings m_settings;                                       ///< the options
    EapPeer m_peer;                                            ///< the mobile node's EAP peer
    Ptr<RadiusClient> m_client;                                ///< the gateway's RADIUS client
    std::string m_outcome{"none"};                             ///< accept, reject, timeout, none
    std::string m_reason;                                      ///< Reply-Message or timeout reason
    std::string m_peerStatus{"none"};                          ///< the peer's end
    std::string m_peerReason;                                  ///< its reason
    uint32_t m_requests{0};                                    ///< EAP Requests from the server
    std::string m_requestTypes;                                ///< their types, in order
    std::vector<uint8_t> m_radiusMsk;                          ///< from the MPPE keys
    std::vector<uint8_t> m_peerMsk;                            ///< from the peer's method
    std::map<std::pair<bool, RadiusCode>, uint32_t> m_packets; ///< by direction and code
};

} // namespace

int
main(int argc, char* argv[])
{
    CxtpProgramOptions options(
        PROGRAM,
        "The module's RadiusClient on one ns-3 node attached to an existing Linux tap (real\n"
        "time), with an in-process EapPeer as the mobile node, against a real RADIUS server\n"
        "behind the tap. Run as root in the tap's network namespace; scripts/interop-freeradius\n"
        "does it against FreeRADIUS.");
    // clang-format off
    options.Add().add_options()
        ("method", po::value<std::string>()->default_value("md5"),
         "the peer's EAP method: md5 (EAP-MD5) or tls (EAP-TLS)")
        ("identity", po::value<std::string>()->default_value("mn@cxtp.example"),
         "the EAP identity (User-Name)")
        ("password", po::value<std::string>()->default_value("cxtp-eap-secret"),
         "the EAP-MD5 password")
        ("secret", po::value<std::string>()->default_value("cxtp-radius-secret"),
         "the RADIUS shared secret")
        ("credentialsDir", po::value<std::string>()->default_value(""),
         "where the CA certificate (ca.pem), the server's certificate (server.pem) and key "
         "(server.key) go, PEM (required)")
        ("expect", po::value<std::string>()->default_value("accept"),
         "the outcome that makes the exit status 0: accept or reject")
        ("tap", po::value<std::string>()->default_value("cxtp0"), "the tap interface to attach to")
        ("mac", po::value<std::string>()->default_value("02:00:00:00:11:02"),
         "the ns-3 device's MAC address")
        ("local", po::value<std::string>()->default_value("fd00:11::100"),
         "the node's address (/64 on the tap's link), the RADIUS client's source")
        ("server", po::value<std::string>()->default_value("fd00:11::1"),
         "the RADIUS server's address")
        ("port", po::value<uint16_t>()->default_value(1812), "the RADIUS server's UDP port")
        ("start", po::value<std::string>()->default_value("1s"),
         "when the first Access-Request is sent")
        ("retryInterval", po::value<std::string>()->default_value("2s"),
         "RadiusClient's first retransmission timeout (charon's eap-radius: 2 s)")
        ("linger", po::value<std::string>()->default_value("200ms"), "run time after the end")
        ("duration", po::value<std::string>()->default_value("20s"), "the longest run time");
    // clang-format on
    options.AddRunOptions("radius-interop-output", "the pcap and summary.csv");
    po::variables_map vm = options.Parse(argc, argv);

    const std::string method = vm["method"].as<std::string>();
    if (method != "md5" && method != "tls")
    {
        options.Fail("--method: must be md5 or tls, not '" + method + "'");
    }
    const std::string expect = vm["expect"].as<std::string>();
    if (expect != "accept" && expect != "reject")
    {
        options.Fail("--expect: must be accept or reject, not '" + expect + "'");
    }
    const std::string identity = vm["identity"].as<std::string>();
    if (identity.empty())
    {
        options.Fail("--identity: must not be empty");
    }
    if (vm["secret"].as<std::string>().empty())
    {
        options.Fail("--secret: must not be empty (RFC 2865 §3)");
    }
    const std::string credentialsDir = vm["credentialsDir"].as<std::string>();
    if (credentialsDir.empty())
    {
        options.Fail("--credentialsDir: required (the server's certificate and key go there)");
    }
    Ipv6Address local;
    Ipv6Address server;
    for (const auto& [name, address] : {std::make_pair(std::string("local"), &local),
                                        std::make_pair(std::string("server"), &server)})
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
    const std::string mac = vm["mac"].as<std::string>();
    if (mac.size() != 17)
    {
        options.Fail("--mac: not a MAC address: '" + mac + "'");
    }
    RadiusInteropRun::Settings s;
    s.local = local;
    s.server = server;
    s.port = vm["port"].as<uint16_t>();
    s.secret = vm["secret"].as<std::string>();
    s.start = options.GetTime("start", vm["start"].as<std::string>(), true);
    s.linger = options.GetTime("linger", vm["linger"].as<std::string>(), true);
    s.retransmitTimeout = options.GetTime("retryInterval", vm["retryInterval"].as<std::string>());
    Time duration = options.GetTime("duration", vm["duration"].as<std::string>());
    std::string outputDir = options.PrepareRun(vm);

    std::string tapError;
    int fd = IkeInteropNode::OpenTap(vm["tap"].as<std::string>(), tapError);
    if (fd < 0)
    {
        std::cerr << PROGRAM << ": cannot attach to the tap: " << tapError << "\n";
        return 2;
    }
    IkeInteropNode::ConfigureRealTime();

    // The node: the tap's device and IPv6, no IPsec (RADIUS is the gateway's own traffic).
    Ptr<Node> node = CreateObject<Node>();
    FdNetDeviceHelper fdHelper;
    fdHelper.SetAttribute("EncapsulationMode", StringValue("Dix"));
    Ptr<FdNetDevice> device = DynamicCast<FdNetDevice>(fdHelper.Install(node).Get(0));
    device->SetFileDescriptor(fd);
    device->SetAddress(Mac48Address(mac.c_str()));
    InternetStackHelper stack;
    stack.SetIpv4StackInstall(false);
    stack.Install(node);
    Ptr<Ipv6> ipv6 = node->GetObject<Ipv6>();
    uint32_t interface = ipv6->AddInterface(device);
    ipv6->AddAddress(interface, Ipv6InterfaceAddress(local, Ipv6Prefix(64)));
    ipv6->SetUp(interface);
    Ptr<CryptoRandom> rng = CreateObject<CryptoRandom>();
    node->AggregateObject(rng);
    rng->AssignStreams(0);
    fdHelper.EnablePcap(outputDir + "/radius-interop", device, true);

    // The PKI: the server's certificate for the RADIUS server's configuration, the client's
    // for the peer (EAP-TLS); both from one CA, which the peer trusts.
    CryptoCertificateAuthority ca("cxtp interop CA", 2048);
    CryptoCertificateAuthority::Issued serverCert =
        ca.IssueEndEntity("cxtp interop radius", CryptoCertificateAuthority::ROOT);
    CryptoCertificateAuthority::Issued clientCert =
        ca.IssueEndEntity("cxtp interop model", CryptoCertificateAuthority::ROOT);
    mkdir(credentialsDir.c_str(), 0700);
    if (!WriteFile(credentialsDir + "/ca.pem",
                   CryptoCertificateAuthority::ToPem(ca.GetRootCertificate()),
                   false) ||
        !WriteFile(credentialsDir + "/server.pem",
                   CryptoCertificateAuthority::ToPem(serverCert.chain.front()),
                   false) ||
        !WriteFile(credentialsDir + "/server.key",
                   CryptoCertificateAuthority::RsaPrivateKeyToPem(serverCert.key.privateKeyDer),
                   true))
    {
        std::cerr << PROGRAM << ": cannot write the credentials into " << credentialsDir << "\n";
        return 2;
    }
    EapCredentials& credentials = s.credentials;
    credentials.identity = identity;
    if (method == "md5")
    {
        const std::string password = vm["password"].as<std::string>();
        credentials.method = EapType::MD5_CHALLENGE;
        credentials.password.assign(password.begin(), password.end());
    }
    else
    {
        credentials.method = EapType::TLS;
        credentials.tlsChain = clientCert.chain;
        credentials.tlsPrivateKey = clientCert.key.privateKeyDer;
        credentials.tlsTrustAnchors = {ca.GetRootCertificate()};
    }
    RadiusInteropRun run(node, s);

    // Line by line: a script waits for the first line (the credentials are written) before it
    // starts the server.
    std::cout << std::unitbuf;
    std::cout << PROGRAM << ": EAP-" << (method == "md5" ? "MD5" : "TLS") << " for '" << identity
              << "' through RADIUS, " << local << " -> " << server << " port " << s.port
              << " on tap " << vm["tap"].as<std::string>() << " (credentials in " << credentialsDir
              << ")\n";
    Simulator::Stop(duration);
    Simulator::Run();
    bool ok = run.Finish(outputDir + "/summary.csv", expect);
    Simulator::Destroy();
    return ok ? 0 : 1;
}
