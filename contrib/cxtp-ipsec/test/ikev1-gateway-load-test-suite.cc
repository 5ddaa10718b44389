/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// System test of a loaded IKEv1 responder: a gateway whose passive daemon has a large, known
// per-message cost receives two main-mode negotiations at the same instant from two mobile
// nodes, each on its own point-to-point link. The daemon is one process: it must serve the
// work in arrival order, each answer leaving when the work booked before it and its own
// work are done.

#include "cxtp-test-isolation.h"

#include "ns3/boolean.h"
#include "ns3/cxtp-ipsec-module.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

using namespace ns3;

namespace
{

/// The gateway's per-message work besides crypto (daemon.message_processing), in ms: P.
constexpr int64_t PROCESSING_MS = 100;
/// The gateway's MODP-1024 (group 2) key generation (dh.modp1024_keygen), in ms: KEYGEN.
constexpr int64_t KEYGEN_MS = 7;
/// The gateway's MODP-1024 shared secret (dh.modp1024_shared), in ms: SHARED.
constexpr int64_t SHARED_MS = 11;
/// The gateway's kernel.sa_install in ms (each SA of a pair, one after the other on the node's
/// processor, after the daemon's step): SA_INSTALL.
constexpr int64_t SA_INSTALL_MS = 3;

/**
 * \return the gateway's profile: the values above, every PRF and cipher cost zero (so that no
 * cost depends on a message size), the other DH groups and CXTP costs zero
 */
std::string
GatewayProfile()
{
    return std::string("# ikev1-gateway-load test: a slow gateway with exact, size-independent "
                       "costs\n") +
           "[dh]\n"
           "modp768_keygen = 0 ms ; test\n"
           "modp768_shared = 0 ms ; test\n"
           "modp1024_keygen = " +
           std::to_string(KEYGEN_MS) +
           " ms ; test\n"
           "modp1024_shared = " +
           std::to_string(SHARED_MS) +
           " ms ; test\n"
           "modp1536_keygen = 0 ms ; test\n"
           "modp1536_shared = 0 ms ; test\n"
           "modp2048_keygen = 0 ms ; test\n"
           "modp2048_shared = 0 ms ; test\n"
           "modp3072_keygen = 0 ms ; test\n"
           "modp3072_shared = 0 ms ; test\n"
           "ecp256_keygen = 0 ms ; test\n"
           "ecp256_shared = 0 ms ; test\n"
           "curve25519_keygen = 0 ms ; test\n"
           "curve25519_shared = 0 ms ; test\n"
           "[prf]\n"
           "hmac_md5_call = 0 us ; test\n"
           "hmac_md5_per_byte = 0 ns/B ; test\n"
           "hmac_sha1_call = 0 us ; test\n"
           "hmac_sha1_per_byte = 0 ns/B ; test\n"
           "hmac_sha256_call = 0 us ; test\n"
           "hmac_sha256_per_byte = 0 ns/B ; test\n"
           "hmac_sha384_call = 0 us ; test\n"
           "hmac_sha384_per_byte = 0 ns/B ; test\n"
           "hmac_sha512_call = 0 us ; test\n"
           "hmac_sha512_per_byte = 0 ns/B ; test\n"
           "[cipher]\n"
           "3des-cbc_call = 0 us ; test\n"
           "3des-cbc_per_byte = 0 ns/B ; test\n"
           "aes128-cbc_call = 0 us ; test\n"
           "aes128-cbc_per_byte = 0 ns/B ; test\n"
           "aes256-cbc_call = 0 us ; test\n"
           "aes256-cbc_per_byte = 0 ns/B ; test\n"
           "aes128-gcm_call = 0 us ; test\n"
           "aes128-gcm_per_byte = 0 ns/B ; test\n"
           "aes256-gcm_call = 0 us ; test\n"
           "aes256-gcm_per_byte = 0 ns/B ; test\n"
           "[rsa]\n"
           "sign_1024 = 0 ms ; test\n"
           "verify_1024 = 0 ms ; test\n"
           "sign_2048 = 0 ms ; test\n"
           "verify_2048 = 0 ms ; test\n"
           "sign_3072 = 0 ms ; test\n"
           "verify_3072 = 0 ms ; test\n"
           "sign_4096 = 0 ms ; test\n"
           "verify_4096 = 0 ms ; test\n"
           "[pki]\n"
           "certificate_check = 0 ms ; test\n"
           "[aka]\n"
           "milenage = 0 us ; test\n"
           "[daemon]\n"
           "message_processing = " +
           std::to_string(PROCESSING_MS) +
           " ms ; test\n"
           "ikev2_message_processing = 0 ms ; test\n"
           "[kernel]\n"
           "sa_install = " +
           std::to_string(SA_INSTALL_MS) +
           " ms ; test\n"
           "policy_install = 0 ms ; test\n"
           "[cxtp]\n"
           "message_processing = 0 ms ; test\n"
           "context_install = 0 ms ; test\n"
           "[radius]\n"
           "packet_processing = 0 us ; test\n"
           "[aaa]\n"
           "radius_processing = 0 us ; test\n"
           "database_lookup = 0 ms ; test\n";
}

/// A profile written to a file in /tmp whose name is unique to this process, removed at the end.
class TempProfile
{
  public:
    /// \param text the INI text
    explicit TempProfile(const std::string& text)
        : m_path("/tmp/cxtp-ikev1-gateway-load-" + std::to_string(getpid()) + ".ini")
    {
        std::ofstream out(m_path);
        out << text;
    }

    ~TempProfile()
    {
        std::remove(m_path.c_str());
    }

    TempProfile(const TempProfile&) = delete;
    TempProfile& operator=(const TempProfile&) = delete;

    /// \return the file's path
    const std::string& GetPath() const
    {
        return m_path;
    }

  private:
    std::string m_path; ///< the file
};

/// One ISAKMP message seen by a daemon's Message trace.
struct Seen
{
    Time at;                    ///< when it left (sent) or arrived (received)
    bool sent;                  ///< sent or received
    Ipv6Address peer;           ///< the peer
    Ikev1ExchangeType exchange; ///< exchange type
};

/// What one daemon reported.
struct LoadLog
{
    std::vector<Seen> messages;                          ///< Message trace, in order
    std::vector<std::pair<Ipv6Address, Time>> phase1;    ///< Phase1Established: peer, duration
    std::vector<std::pair<Ipv6Address, Time>> installed; ///< Installed: peer, when
    std::vector<std::string> failures;                   ///< Failure reasons
};

void
LogMessage(LoadLog* log,
           bool sent,
           const Ipv6Address& peer,
           Ikev1ExchangeType exchange,
           uint32_t /* size */)
{
    log->messages.push_back({Simulator::Now(), sent, peer, exchange});
}

void
LogPhase1(LoadLog* log, const Ipv6Address& peer, Time duration)
{
    log->phase1.emplace_back(peer, duration);
}

void
LogInstalled(LoadLog* log, const Ipv6Address& peer, uint32_t, uint32_t)
{
    log->installed.emplace_back(peer, Simulator::Now());
}

void
LogFailure(LoadLog* log, const Ipv6Address& peer, const std::string& reason)
{
    std::ostringstream s;
    s << peer << ": " << reason;
    log->failures.push_back(s.str());
}

/// Connects every trace of a daemon to a log.
void
Connect(Ptr<Ikev1Daemon> daemon, LoadLog* log)
{
    daemon->TraceConnectWithoutContext("Message", MakeBoundCallback(&LogMessage, log));
    daemon->TraceConnectWithoutContext("Phase1Established", MakeBoundCallback(&LogPhase1, log));
    daemon->TraceConnectWithoutContext("Installed", MakeBoundCallback(&LogInstalled, log));
    daemon->TraceConnectWithoutContext("Failure", MakeBoundCallback(&LogFailure, log));
}

/// \return the failures joined, "(none)" if there are none
std::string
Join(const std::vector<std::string>& failures)
{
    std::string all;
    for (const auto& f : failures)
    {
        all += f + "; ";
    }
    return all.empty() ? "(none)" : all;
}

/// \return t in nanoseconds (the simulator's resolution), for exact and readable comparisons
int64_t
Ns(Time t)
{
    return t.GetNanoSeconds();
}

/// Adds an address to a device's interface, brings it up and returns the interface.
uint32_t
Configure(Ptr<NetDevice> device, const Ipv6Address& address)
{
    Ptr<Ipv6L3Protocol> ipv6 = device->GetNode()->GetObject<Ipv6L3Protocol>();
    int32_t existing = ipv6->GetInterfaceForDevice(device);
    uint32_t i = existing >= 0 ? existing : ipv6->AddInterface(device);
    ipv6->AddAddress(i, Ipv6InterfaceAddress(address, Ipv6Prefix(64)));
    ipv6->SetUp(i);
    return i;
}

/**
 * Two MNs, each on its own point-to-point link (100 Mb/s, 1 ms) with the gateway: identical
 * links, so that both MM1s reach the gateway at the same instant. Both MNs initiate main mode
 * at t = 2 s, after DAD (Ikev1Daemon::Initiate on their PROTECT rule); the gateway is a passive
 * responder with the profile of GatewayProfile(), the MNs cost nothing (profile zero). Daemon
 * defaults otherwise: 3DES-CBC/SHA-1/group 2, no PFS, INITIAL-CONTACT on.
 *
 * The gateway books each step after the work booked before it (one process). Each step that
 * sends a message costs P plus the crypto it charged; with the profile above:
 *   W2 = P (MM1 -> MM2: proposal selection, no crypto)
 *   W4 = P + KEYGEN + SHARED (MM3 -> MM4: g^xr and g^xy; the PRFs of SKEYID* cost 0)
 *   W6 = P (MM5 -> MM6: decryption, hashes and encryption cost 0)
 *   WIC = P (its INITIAL-CONTACT, sent in the step that established phase 1)
 *   WQ2 = P (QM1 -> QM2, no PFS)
 * Round trips (a few ms) are much shorter than any W, so the gateway is never idle from the MM1
 * arrival a (first negotiation A, second B, both MM1 at a) until QM2 of B. Its departures:
 *   MM2_A a + W2                 MM2_B a + 2 W2
 *   MM4_A a + 2 W2 + W4          MM4_B a + 2 W2 + 2 W4
 *   MM6_A a + 2 W2 + 2 W4 + W6 = E_A (phase 1 of A established), IC_A E_A + WIC
 *   MM5_B arrived before E_A:    MM6_B E_A + WIC + W6 = E_B, IC_B E_B + WIC
 *   QM1_A arrived after MM5_B:   QM2_A E_B + WIC + WQ2 = Q_A, QM2_B Q_A + WQ2 = Q_B
 * MM2_B leaves W2 after MM2_A: the work of A's MM1. B's phase 1 ends WIC + W6 after A's: the
 * INITIAL-CONTACT step booked for A in between, then B's own MM5 step. The Phase1Established
 * durations run from the MM1 arrival a, so they do not depend on the links at all:
 * 2 W2 + 2 W4 + W6 for A and 2 W2 + 2 W4 + 2 W6 + WIC for B.
 * QM3 costs no daemon work (nothing is sent back), but the gateway reads it only when it is
 * free: A's QM3 arrives while QM2_B is being prepared, so A's two SAs are installed at
 * Q_B + 2 SA_INSTALL; B's QM3 arrives while the kernel still installs A's, so B's pair is in
 * 2 SA_INSTALL after A's.
 * At the MNs (identical links, so the link delays cancel), B's phase 1 ends WIC + W6 after A's
 * and B's SAs are installed WQ2 after A's (each installs on receiving QM2).
 * With P = 100 ms, KEYGEN = 7 ms, SHARED = 11 ms: the gateway sends at a + 100, 200, 318, 436,
 * 536, 636, 736, 836, 936 and 1036 ms; phase 1 takes 536 ms for A and 736 ms for B.
 */
class Ikev1GatewayLoadTestCase : public TestCase
{
  public:
    Ikev1GatewayLoadTestCase()
        : TestCase("two main modes at once at a gateway of 100 ms per message: served in order")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        TempProfile profile(GatewayProfile());

        NodeContainer nodes;
        nodes.Create(3);
        Ptr<Node> gw = nodes.Get(0);
        Ptr<Node> mns[2] = {nodes.Get(1), nodes.Get(2)};
        const Ipv6Address gwAddress[2] = {Ipv6Address("fd00:1::1"), Ipv6Address("fd00:2::1")};
        const Ipv6Address mnAddress[2] = {Ipv6Address("fd00:1::100"), Ipv6Address("fd00:2::100")};

        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
        p2p.SetChannelAttribute("Delay", TimeValue(MilliSeconds(1)));
        NetDeviceContainer links[2] = {p2p.Install(gw, mns[0]), p2p.Install(gw, mns[1])};

        InternetStackHelper stack;
        stack.SetIpv4StackInstall(false);
        IpsecHelper::ConfigureStack(stack);
        stack.Install(nodes);
        IpsecHelper ipsec;
        ipsec.Install(nodes);
        int64_t stream = ipsec.AssignStreams(nodes, 0);
        stack.AssignStreams(nodes, 1000 + stream);

        IpsecTrafficSelector ike = IpsecTrafficSelector::ForProtocol(17, Ikev1Daemon::PORT);
        IpsecHelper::AddBypass(gw, ike);
        uint32_t outPolicy[2];
        for (int i = 0; i < 2; i++)
        {
            Configure(links[i].Get(0), gwAddress[i]);
            Configure(links[i].Get(1), mnAddress[i]);
            IpsecHelper::AddBypass(mns[i], ike);
            IpsecTrafficSelector all; // everything the MN sends or receives, seen from it
            all.localAddress = mnAddress[i];
            all.localPrefix = Ipv6Prefix(128);
            outPolicy[i] = IpsecHelper::AddTunnel(mns[i],
                                                  mnAddress[i],
                                                  all,
                                                  gw,
                                                  gwAddress[i],
                                                  IpsecEncryption::TDES_CBC,
                                                  IpsecIntegrity::HMAC_SHA1_96,
                                                  false)
                               .outPolicyA;
            Ikev1Helper::AddPreSharedKey(mns[i], gwAddress[i], Ipv6Prefix(128), "load-secret");
            Ikev1Helper::AddPreSharedKey(gw, mnAddress[i], Ipv6Prefix(128), "load-secret");
        }

        Ikev1Helper gwIke;
        gwIke.SetCostProfile(profile.GetPath());
        gwIke.SetAttribute("Passive", BooleanValue(true));
        Ptr<Ikev1Daemon> gwDaemon = DynamicCast<Ikev1Daemon>(gwIke.Install(gw).Get(0));
        Ikev1Helper mnIke;
        mnIke.SetCostProfile("zero");
        ApplicationContainer mnApps = mnIke.Install(NodeContainer(mns[0], mns[1]));
        Ptr<Ikev1Daemon> mnDaemon[2] = {DynamicCast<Ikev1Daemon>(mnApps.Get(0)),
                                        DynamicCast<Ikev1Daemon>(mnApps.Get(1))};
        NS_TEST_ASSERT_MSG_NE(gwDaemon, nullptr, "the gateway's daemon");
        NS_TEST_ASSERT_MSG_NE(mnDaemon[0], nullptr, "MN 1's daemon");
        NS_TEST_ASSERT_MSG_NE(mnDaemon[1], nullptr, "MN 2's daemon");

        // The costs the expected instants are derived from, as the gateway's model reads them.
        const Time processing = MilliSeconds(PROCESSING_MS);
        const Time keygen = MilliSeconds(KEYGEN_MS);
        const Time shared = MilliSeconds(SHARED_MS);
        const Time saInstall = MilliSeconds(SA_INSTALL_MS);
        Ptr<CryptoCostModel> cost = gw->GetObject<CryptoCostModel>();
        NS_TEST_ASSERT_MSG_NE(cost, nullptr, "the gateway's cost model");
        NS_TEST_EXPECT_MSG_EQ(cost->MessageProcessing(), processing, "daemon.message_processing");
        NS_TEST_EXPECT_MSG_EQ(cost->DhKeyGeneration(CryptoDhGroup::MODP_1024),
                              keygen,
                              "dh.modp1024_keygen");
        NS_TEST_EXPECT_MSG_EQ(cost->DhSharedSecret(CryptoDhGroup::MODP_1024),
                              shared,
                              "dh.modp1024_shared");
        NS_TEST_EXPECT_MSG_EQ(cost->SaInstallation(), saInstall, "kernel.sa_install");

        LoadLog gwLog;
        LoadLog mnLog[2];
        Connect(gwDaemon, &gwLog);
        Connect(mnDaemon[0], &mnLog[0]);
        Connect(mnDaemon[1], &mnLog[1]);

        const Time start = Seconds(2); // after DAD (1 s)
        for (int i = 0; i < 2; i++)
        {
            Simulator::Schedule(start, &Ikev1Daemon::Initiate, mnDaemon[i], outPolicy[i]);
        }
        Simulator::Stop(Seconds(5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(gwLog.failures.size(),
                              0,
                              "gateway failures: " << Join(gwLog.failures));
        NS_TEST_EXPECT_MSG_EQ(mnLog[0].failures.size(),
                              0,
                              "MN 1 failures: " << Join(mnLog[0].failures));
        NS_TEST_EXPECT_MSG_EQ(mnLog[1].failures.size(),
                              0,
                              "MN 2 failures: " << Join(mnLog[1].failures));

        // Which MN the gateway heard first (A): the order of its receptions at the same instant.
        std::vector<Seen> received;
        std::vector<Seen> sent;
        for (const Seen& s : gwLog.messages)
        {
            (s.sent ? sent : received).push_back(s);
        }
        NS_TEST_ASSERT_MSG_GT_OR_EQ(received.size(), 2, "the gateway received both MM1s");
        if (received.size() < 2)
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ((received[0].exchange == Ikev1ExchangeType::IDENTITY_PROTECTION &&
                               received[1].exchange == Ikev1ExchangeType::IDENTITY_PROTECTION),
                              true,
                              "the first two messages at the gateway are MM1s");
        NS_TEST_EXPECT_MSG_NE(received[0].peer, received[1].peer, "from two MNs");
        const Time a = received[0].at;
        NS_TEST_EXPECT_MSG_EQ(received[1].at, a, "both MM1s arrive at the same instant");
        NS_TEST_EXPECT_MSG_GT(a, start, "after the MNs started");
        const Ipv6Address peerA = received[0].peer;
        const Ipv6Address peerB = received[1].peer;

        // The gateway's departures, all derived from the profile (see the class comment).
        const Time w2 = processing;
        const Time w4 = processing + keygen + shared;
        const Time w6 = processing;
        const Time wic = processing;
        const Time wq2 = processing;
        const Time eA = a + 2 * w2 + 2 * w4 + w6;
        const Time eB = eA + wic + w6;
        const Time qA = eB + wic + wq2;
        const Time qB = qA + wq2;
        const auto mm = Ikev1ExchangeType::IDENTITY_PROTECTION;
        const auto info = Ikev1ExchangeType::INFORMATIONAL;
        const auto quick = Ikev1ExchangeType::QUICK;

        struct Expected
        {
            const char* name;
            Time at;
            Ipv6Address peer;
            Ikev1ExchangeType exchange;
        };

        const std::vector<Expected> expected{
            {"MM2 to A", a + w2, peerA, mm},
            {"MM2 to B", a + 2 * w2, peerB, mm},
            {"MM4 to A", a + 2 * w2 + w4, peerA, mm},
            {"MM4 to B", a + 2 * w2 + 2 * w4, peerB, mm},
            {"MM6 to A", eA, peerA, mm},
            {"INITIAL-CONTACT to A", eA + wic, peerA, info},
            {"MM6 to B", eB, peerB, mm},
            {"INITIAL-CONTACT to B", eB + wic, peerB, info},
            {"QM2 to A", qA, peerA, quick},
            {"QM2 to B", qB, peerB, quick},
        };
        NS_TEST_EXPECT_MSG_EQ(sent.size(), expected.size(), "messages the gateway sent");
        for (size_t i = 0; i < expected.size() && i < sent.size(); i++)
        {
            const Expected& e = expected[i];
            NS_TEST_EXPECT_MSG_EQ(sent[i].peer, e.peer, "message " << i << ": " << e.name);
            NS_TEST_EXPECT_MSG_EQ((sent[i].exchange == e.exchange),
                                  true,
                                  "message " << i << ": " << e.name << ": exchange type");
            NS_TEST_EXPECT_MSG_EQ(Ns(sent[i].at - a),
                                  Ns(e.at - a),
                                  "message " << i << ": " << e.name << " leaves at a + "
                                             << (e.at - a).As(Time::MS)
                                             << " (a = " << a.As(Time::MS) << ")");
        }
        // The answer to B's MM1 waits for the work of A's MM1.
        if (sent.size() >= 2)
        {
            NS_TEST_EXPECT_MSG_EQ(Ns(sent[1].at - sent[0].at),
                                  Ns(w2),
                                  "MM2 to B leaves exactly the work of A's MM1 after MM2 to A");
        }

        // Phase 1 at the gateway: the Phase1Established durations (from the MM1 arrival).
        NS_TEST_EXPECT_MSG_EQ(gwLog.phase1.size(), 2, "phase-1 SAs established at the gateway");
        if (gwLog.phase1.size() == 2)
        {
            NS_TEST_EXPECT_MSG_EQ(gwLog.phase1[0].first, peerA, "A's phase 1 completes first");
            NS_TEST_EXPECT_MSG_EQ(gwLog.phase1[1].first, peerB, "then B's");
            NS_TEST_EXPECT_MSG_EQ(Ns(gwLog.phase1[0].second),
                                  Ns(2 * w2 + 2 * w4 + w6),
                                  "A's phase 1 at the gateway: 2 W2 + 2 W4 + W6");
            NS_TEST_EXPECT_MSG_EQ(Ns(gwLog.phase1[1].second),
                                  Ns(2 * w2 + 2 * w4 + 2 * w6 + wic),
                                  "B's phase 1 at the gateway: 2 W2 + 2 W4 + 2 W6 + WIC");
            NS_TEST_EXPECT_MSG_EQ(Ns(gwLog.phase1[1].second - gwLog.phase1[0].second),
                                  Ns(wic + w6),
                                  "B's phase 1 ends A's INITIAL-CONTACT step and its own MM6 "
                                  "step after A's");
        }
        for (const auto& [peer, duration] : gwLog.phase1)
        {
            const Ikev1Sa* sa = gwDaemon->FindSa(peer);
            NS_TEST_EXPECT_MSG_NE(sa, nullptr, "the gateway's ISAKMP SA with " << peer);
            if (sa)
            {
                NS_TEST_EXPECT_MSG_EQ(sa->started, a, "phase 1 with " << peer << " started at a");
                NS_TEST_EXPECT_MSG_EQ(Ns(sa->established - a),
                                      Ns(duration),
                                      "its establishment = start + traced duration");
            }
        }

        // Set-up complete: SAs installed on both ends of both negotiations.
        Time qm3FromB = Time::Max();
        for (const Seen& s : received)
        {
            if (s.peer == peerB && s.exchange == quick)
            {
                qm3FromB = s.at; // QM1 first, QM3 last
            }
        }
        NS_TEST_EXPECT_MSG_EQ(gwLog.installed.size(), 2, "SA pairs installed at the gateway");
        if (gwLog.installed.size() == 2)
        {
            NS_TEST_EXPECT_MSG_EQ(gwLog.installed[0].first, peerA, "A's pair first");
            NS_TEST_EXPECT_MSG_EQ(Ns(gwLog.installed[0].second - a),
                                  Ns(qB + 2 * saInstall - a),
                                  "A's QM3 waits for the QM2 step of B, then the kernel");
            NS_TEST_EXPECT_MSG_EQ(gwLog.installed[1].first, peerB, "B's pair second");
            NS_TEST_EXPECT_MSG_LT(qm3FromB,
                                  gwLog.installed[0].second,
                                  "B's QM3 arrives while A's SAs are being installed");
            NS_TEST_EXPECT_MSG_EQ(Ns(gwLog.installed[1].second - a),
                                  Ns(qB + 4 * saInstall - a),
                                  "B's pair follows A's on the gateway's processor");
        }
        // The same gaps at the MNs, whose links are identical.
        int iA = peerA == mnAddress[0] ? 0 : 1; // A's index in mns
        int iB = 1 - iA;
        NS_TEST_EXPECT_MSG_EQ(mnLog[iA].phase1.size(), 1, "A established phase 1");
        NS_TEST_EXPECT_MSG_EQ(mnLog[iB].phase1.size(), 1, "B established phase 1");
        if (mnLog[iA].phase1.size() == 1 && mnLog[iB].phase1.size() == 1)
        {
            // Both MNs started at the same instant: durations compare like instants.
            NS_TEST_EXPECT_MSG_EQ(Ns(mnLog[iB].phase1[0].second - mnLog[iA].phase1[0].second),
                                  Ns(wic + w6),
                                  "at the MNs, B's phase 1 ends WIC + W6 after A's");
        }
        if (mnLog[iA].installed.size() == 1 && mnLog[iB].installed.size() == 1)
        {
            NS_TEST_EXPECT_MSG_EQ(Ns(mnLog[iB].installed[0].second - mnLog[iA].installed[0].second),
                                  Ns(wq2),
                                  "at the MNs, B's SAs are installed WQ2 after A's");
        }
        for (int i = 0; i < 2; i++)
        {
            const Ipv6Address& mn = mnAddress[i];
            std::string who = "MN " + std::to_string(i + 1);
            NS_TEST_EXPECT_MSG_EQ(mnLog[i].installed.size(), 1, who << ": SA pair installed");
            // Every message of a main mode + quick mode with INITIAL-CONTACT both ways.
            uint32_t atGateway = 0;
            for (const Seen& s : gwLog.messages)
            {
                atGateway += s.peer == mn ? 1 : 0;
            }
            NS_TEST_EXPECT_MSG_EQ(atGateway, 11, who << ": messages the gateway exchanged with it");
            NS_TEST_EXPECT_MSG_EQ(mnLog[i].messages.size(), 11, who << ": messages it exchanged");
            // The SADs: a mirrored pair per MN.
            std::vector<IpsecSecurityAssociation> mnSad = mns[i]->GetObject<IpsecPfKey>()->Dump();
            NS_TEST_EXPECT_MSG_EQ(mnSad.size(), 2, who << ": SAs");
            for (const auto& sa : mnSad)
            {
                IpsecSecurityAssociation twin;
                bool found = gw->GetObject<IpsecPfKey>()->Get(
                    sa.direction == IpsecDirection::INBOUND ? IpsecDirection::OUTBOUND
                                                            : IpsecDirection::INBOUND,
                    sa.spi,
                    sa.destination,
                    twin);
                NS_TEST_EXPECT_MSG_EQ(found, true, who << ": the gateway's twin of SPI " << sa.spi);
                if (found)
                {
                    NS_TEST_EXPECT_MSG_EQ((twin.encryptionKey == sa.encryptionKey &&
                                           twin.integrityKey == sa.integrityKey),
                                          true,
                                          who << ": same keys for SPI " << sa.spi);
                }
            }
        }
        NS_TEST_EXPECT_MSG_EQ(gw->GetObject<IpsecPfKey>()->Dump().size(),
                              4,
                              "SAs at the gateway: a pair per MN");
    }
};

/// The gateway-load suite.
class Ikev1GatewayLoadTestSuite : public TestSuite
{
  public:
    Ikev1GatewayLoadTestSuite()
        : TestSuite("cxtp-ipsec-ikev1-gateway-load", TestSuite::SYSTEM)
    {
        AddTestCase(new Ikev1GatewayLoadTestCase, TestCase::QUICK);
    }
};

static Ikev1GatewayLoadTestSuite g_ikev1GatewayLoadTestSuite; ///< registers the suite

} // namespace
