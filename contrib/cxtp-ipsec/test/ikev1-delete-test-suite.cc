/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// System tests of the IKEv1 DELETE notification for ESP SAs (RFC 2408 §3.15, sent in an
// informational exchange protected by the ISAKMP SA, RFC 2409 §5.7). After main mode + quick
// mode between A (initiator) and B (passive responder), a DELETE naming one SPI of the quick
// mode's pair must remove the whole pair (inbound and outbound ESP SAs) at the receiver,
// whichever SPI it names: racoon names its own inbound SPI (the receiver's outbound SPI),
// strongSwan's charon names the SPI of the receiver's inbound SA.
//
// The DELETE is crafted here from the sender's copy of the ISAKMP SA (Ikev1Daemon::FindSa:
// cookies, SKEYID_a, the last phase-1 CBC block, cipher and key): HDR*, HASH(1), D(ESP, SPI),
// with HASH(1) = prf(SKEYID_a, M-ID | D) and the IV of RFC 2409 Appendix B for a new M-ID.
// It is sent from the sender's node and address but from UDP port 5000, since the sender's
// daemon holds port 500: the receiving daemon matches a message by its cookies and source
// address only.

#include "cxtp-test-isolation.h"

#include "ns3/boolean.h"
#include "ns3/cxtp-ipsec-module.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/packet.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"

#include <sstream>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// The M-ID of the crafted informational exchange.
constexpr uint32_t DELETE_MESSAGE_ID = 0x0de1e7e5;
/// The UDP port the crafted message is sent from.
constexpr uint16_t CRAFT_PORT = 5000;
/// PROTO_IPSEC_ESP (RFC 2407 §4.4.1).
constexpr uint8_t PROTO_ESP = 3;

/**
 * \brief An encrypted informational message HDR*, HASH(1), D(ESP, spi) under an ISAKMP SA
 * (RFC 2409 §5.7, RFC 2408 §3.15), padded racoon's way (1..block size bytes, the last one the
 * padding length - 1).
 * \param sa the sender's copy of the established ISAKMP SA
 * \param messageId the exchange's M-ID
 * \param spi the SPI to name
 * \return the UDP payload
 */
std::vector<uint8_t>
CraftDelete(const Ikev1Sa& sa, uint32_t messageId, uint32_t spi)
{
    Ikev1DeletePayload d;
    d.protocolId = PROTO_ESP;
    d.spiSize = 4;
    d.spis.push_back({static_cast<uint8_t>(spi >> 24),
                      static_cast<uint8_t>(spi >> 16),
                      static_cast<uint8_t>(spi >> 8),
                      static_cast<uint8_t>(spi)});
    uint8_t first = 0;
    std::vector<uint8_t> deleteBytes = Ikev1Codec::EncodePayloads({d}, first);
    std::vector<uint8_t> hash =
        Ikev1KeyDerivation::InfoHash(sa.hash, sa.skeyidA, messageId, deleteBytes);
    std::vector<uint8_t> body = Ikev1Codec::EncodePayloads({Ikev1HashPayload{hash}, d}, first);
    uint32_t bs = GetEncryptionBlockSize(sa.encryption);
    uint32_t padLength = bs - body.size() % bs;
    body.insert(body.end(), padLength, 0);
    body.back() = static_cast<uint8_t>(padLength - 1);
    std::vector<uint8_t> iv = Ikev1KeyDerivation::Phase2Iv(sa.hash, sa.iv, messageId, bs);
    std::vector<uint8_t> cipher;
    bool ok = CryptoCipher::CbcEncrypt(sa.encryption, sa.encryptionKey, iv, body, cipher);
    NS_ABORT_MSG_IF(!ok, "CraftDelete: encryption failed");
    Ikev1Header h;
    h.initiatorCookie = sa.initiatorCookie;
    h.responderCookie = sa.responderCookie;
    h.nextPayload = first; // HASH
    h.exchangeType = Ikev1ExchangeType::INFORMATIONAL;
    h.flags = Ikev1Header::FLAG_ENCRYPTION;
    h.messageId = messageId;
    h.length = Ikev1Header::SIZE + cipher.size();
    std::vector<uint8_t> bytes = Ikev1Codec::EncodeHeader(h);
    bytes.insert(bytes.end(), cipher.begin(), cipher.end());
    return bytes;
}

/// Which SPI the crafted DELETE names, seen from its receiver.
enum class Named
{
    RECEIVER_INBOUND,  ///< charon: the SPI of the receiver's inbound SA
    RECEIVER_OUTBOUND, ///< racoon: the sender's inbound SPI = the receiver's outbound SPI
    UNKNOWN,           ///< an SPI of neither SA
};

/// Failure trace into a list, with the time.
void
LogFailure(std::vector<std::string>* log, const Ipv6Address& peer, const std::string& reason)
{
    std::ostringstream s;
    s << "[" << Simulator::Now().As(Time::MS) << "] " << peer << ": " << reason;
    log->push_back(s.str());
}

/// \return the entries joined, "(none)" if empty
std::string
Join(const std::vector<std::string>& log)
{
    std::string all;
    for (const auto& s : log)
    {
        all += s + "; ";
    }
    return all.empty() ? "(none)" : all;
}

/**
 * A and B on one point-to-point link (100 Mb/s, 1 ms), a tunnel-mode PROTECT rule pair for A's
 * traffic with no SA, PSKs, daemons with the zero cost profile (B passive). A initiates main
 * mode + quick mode at 2 s (after DAD); everything is installed a few ms later.
 */
class DeleteBench
{
  public:
    DeleteBench()
    {
        m_nodes.Create(2);
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
        p2p.SetChannelAttribute("Delay", TimeValue(MilliSeconds(1)));
        NetDeviceContainer devices = p2p.Install(m_nodes);
        InternetStackHelper stack;
        stack.SetIpv4StackInstall(false);
        IpsecHelper::ConfigureStack(stack);
        stack.Install(m_nodes);
        IpsecHelper ipsec;
        ipsec.Install(m_nodes);
        int64_t stream = ipsec.AssignStreams(m_nodes, 0);
        stack.AssignStreams(m_nodes, 1000 + stream);
        for (uint32_t i = 0; i < 2; i++)
        {
            Ptr<Ipv6L3Protocol> ipv6 = m_nodes.Get(i)->GetObject<Ipv6L3Protocol>();
            uint32_t interface = ipv6->AddInterface(devices.Get(i));
            ipv6->AddAddress(interface, Ipv6InterfaceAddress(GetAddress(i), Ipv6Prefix(64)));
            ipv6->SetUp(interface);
            // IKE between the daemons, and the crafted messages from port 5000 to port 500.
            IpsecHelper::AddBypass(m_nodes.Get(i),
                                   IpsecTrafficSelector::ForProtocol(17, Ikev1Daemon::PORT));
            IpsecTrafficSelector toIke;
            toIke.nextHeader = 17;
            toIke.localPortMin = Ikev1Daemon::PORT;
            toIke.localPortMax = Ikev1Daemon::PORT;
            IpsecHelper::AddBypass(m_nodes.Get(i), toIke);
            Ikev1Helper::AddPreSharedKey(m_nodes.Get(i),
                                         GetAddress(1 - i),
                                         Ipv6Prefix(128),
                                         "delete-secret");
        }
        IpsecTrafficSelector all; // everything A sends or receives, seen from A
        all.localAddress = GetAddress(0);
        all.localPrefix = Ipv6Prefix(128);
        m_tunnel = IpsecHelper::AddTunnel(m_nodes.Get(0),
                                          GetAddress(0),
                                          all,
                                          m_nodes.Get(1),
                                          GetAddress(1),
                                          IpsecEncryption::TDES_CBC,
                                          IpsecIntegrity::HMAC_SHA1_96,
                                          false);
        Ikev1Helper ike;
        ike.SetCostProfile("zero");
        ApplicationContainer apps = ike.Install(m_nodes);
        apps.Get(1)->SetAttribute("Passive", BooleanValue(true));
        for (uint32_t i = 0; i < 2; i++)
        {
            m_daemons[i] = DynamicCast<Ikev1Daemon>(apps.Get(i));
            NS_ABORT_MSG_IF(!m_daemons[i], "Ikev1Helper did not install an Ikev1Daemon");
            m_daemons[i]->TraceConnectWithoutContext(
                "Failure",
                MakeBoundCallback(&LogFailure, &m_failures[i]));
        }
        Simulator::Schedule(Seconds(2), &Ikev1Daemon::Initiate, m_daemons[0], m_tunnel.outPolicyA);
    }

    /// \param i 0 for A, 1 for B \return its address
    static Ipv6Address GetAddress(uint32_t i)
    {
        return i == 0 ? Ipv6Address("fd00:ab::1") : Ipv6Address("fd00:ab::2");
    }

    /// \param i 0 for A, 1 for B \return its node
    Ptr<Node> GetNode(uint32_t i) const
    {
        return m_nodes.Get(i);
    }

    /// \param i 0 for A, 1 for B \return its daemon
    Ptr<Ikev1Daemon> GetDaemon(uint32_t i) const
    {
        return m_daemons[i];
    }

    /// \param i 0 for A, 1 for B \return the ISAKMP SA it holds with the other one, or nullptr
    const Ikev1Sa* GetIsakmpSa(uint32_t i) const
    {
        return m_daemons[i]->FindSa(GetAddress(1 - i));
    }

    /// \param i 0 for A, 1 for B \return its SAD
    std::vector<IpsecSecurityAssociation> GetSad(uint32_t i) const
    {
        return m_nodes.Get(i)->GetObject<IpsecPfKey>()->Dump();
    }

    /// \param i 0 for A, 1 for B \return the Failure traces of its daemon
    const std::vector<std::string>& GetFailures(uint32_t i) const
    {
        return m_failures[i];
    }

  private:
    NodeContainer m_nodes;                  ///< A, B
    IpsecHelper::Tunnel m_tunnel;           ///< the PROTECT rules
    Ptr<Ikev1Daemon> m_daemons[2];          ///< A's, B's
    std::vector<std::string> m_failures[2]; ///< Failure traces of A's, B's daemon
};

/// A quick-mode pair as a receiver holds it.
struct Pair
{
    uint32_t inboundSpi{0};  ///< the receiver's inbound SPI
    uint32_t outboundSpi{0}; ///< the receiver's outbound SPI
    uint32_t messageId{0};   ///< the quick mode's M-ID
};

/**
 * After the negotiation, the peer of the receiver sends a crafted DELETE naming one SPI;
 * the receiver must drop both SAs of the pair (or neither, for an unknown SPI) and keep its
 * ISAKMP SA.
 */
class Ikev1DeleteSpiTestCase : public TestCase
{
  public:
    /**
     * \param receiver 0: A (the initiator) receives the DELETE, 1: B (the responder)
     * \param named which SPI the DELETE names
     */
    Ikev1DeleteSpiTestCase(uint32_t receiver, Named named)
        : TestCase(Describe(receiver, named)),
          m_receiver(receiver),
          m_named(named)
    {
    }

  private:
    static std::string Describe(uint32_t receiver, Named named)
    {
        std::string who = receiver == 0 ? "the initiator" : "the responder";
        switch (named)
        {
        case Named::RECEIVER_INBOUND:
            return "DELETE naming the inbound SPI of " + who + " (charon) removes its pair";
        case Named::RECEIVER_OUTBOUND:
            return "DELETE naming the outbound SPI of " + who + " (racoon) removes its pair";
        default:
            return "DELETE naming an unknown SPI is accepted by " + who + " and removes nothing";
        }
    }

    /// Before the DELETE: one established pair on both sides; remembers the receiver's.
    void CheckBefore(DeleteBench* bench)
    {
        uint32_t sender = 1 - m_receiver;
        for (uint32_t i : {m_receiver, sender})
        {
            NS_TEST_EXPECT_MSG_EQ(bench->GetSad(i).size(), 2, "SAs at node " << i << " before");
        }
        const Ikev1Sa* sa = bench->GetIsakmpSa(m_receiver);
        NS_TEST_EXPECT_MSG_NE(sa, nullptr, "the receiver's ISAKMP SA");
        if (!sa)
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(ToString(sa->state), "ESTABLISHED", "phase 1 before");
        NS_TEST_EXPECT_MSG_EQ(sa->quickModes.size(), 1, "quick modes before");
        if (sa->quickModes.size() != 1)
        {
            return;
        }
        const Ikev1QuickMode& qm = sa->quickModes.begin()->second;
        NS_TEST_EXPECT_MSG_EQ(ToString(qm.state), "ESTABLISHED", "quick mode before");
        m_pair = {qm.inboundSpi, qm.outboundSpi, qm.messageId};
        NS_TEST_EXPECT_MSG_NE(m_pair.inboundSpi, m_pair.outboundSpi, "two distinct SPIs");
        IpsecSecurityAssociation esp;
        Ptr<IpsecPfKey> pfKey = bench->GetNode(m_receiver)->GetObject<IpsecPfKey>();
        NS_TEST_EXPECT_MSG_EQ(
            pfKey->Get(IpsecDirection::INBOUND, m_pair.inboundSpi, Ipv6Address::GetAny(), esp),
            true,
            "the receiver's inbound SA " << m_pair.inboundSpi);
        NS_TEST_EXPECT_MSG_EQ(pfKey->Get(IpsecDirection::OUTBOUND,
                                         m_pair.outboundSpi,
                                         DeleteBench::GetAddress(1 - m_receiver),
                                         esp),
                              true,
                              "the receiver's outbound SA " << m_pair.outboundSpi);
        NS_TEST_EXPECT_MSG_EQ(sa->IsMessageIdInUse(DELETE_MESSAGE_ID), false, "a fresh M-ID");
    }

    /// Sends the crafted DELETE from the receiver's peer.
    void SendDelete(DeleteBench* bench, Ptr<Socket> socket)
    {
        uint32_t sender = 1 - m_receiver;
        const Ikev1Sa* sa = bench->GetIsakmpSa(sender);
        NS_TEST_EXPECT_MSG_NE(sa, nullptr, "the sender's ISAKMP SA");
        if (!sa)
        {
            return;
        }
        uint32_t spi = m_named == Named::RECEIVER_INBOUND    ? m_pair.inboundSpi
                       : m_named == Named::RECEIVER_OUTBOUND ? m_pair.outboundSpi
                                                             : 0x7fff0001;
        NS_TEST_EXPECT_MSG_NE(spi, 0, "an SPI to name");
        std::vector<uint8_t> bytes = CraftDelete(*sa, DELETE_MESSAGE_ID, spi);
        int sent = socket->SendTo(
            Create<Packet>(bytes.data(), bytes.size()),
            0,
            Inet6SocketAddress(DeleteBench::GetAddress(m_receiver), Ikev1Daemon::PORT));
        NS_TEST_EXPECT_MSG_EQ(sent, static_cast<int>(bytes.size()), "crafted DELETE sent");
        m_sentAt = Simulator::Now();
    }

    void DoRun() override
    {
        CxtpTestIsolation isolation;
        DeleteBench bench;
        uint32_t sender = 1 - m_receiver;
        Ptr<Socket> socket =
            Socket::CreateSocket(bench.GetNode(sender), UdpSocketFactory::GetTypeId());
        NS_TEST_ASSERT_MSG_EQ(socket->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), CRAFT_PORT)),
                              0,
                              "bind UDP 5000 on the sender");
        Simulator::Schedule(Seconds(2.9), &Ikev1DeleteSpiTestCase::CheckBefore, this, &bench);
        Simulator::Schedule(Seconds(3), &Ikev1DeleteSpiTestCase::SendDelete, this, &bench, socket);
        Simulator::Stop(Seconds(3.5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_NE(m_pair.inboundSpi, 0, "the negotiation completed");
        NS_TEST_EXPECT_MSG_EQ(m_sentAt, Seconds(3), "the DELETE was sent");
        NS_TEST_EXPECT_MSG_EQ(bench.GetFailures(m_receiver).size(),
                              0,
                              "receiver failures: " << Join(bench.GetFailures(m_receiver)));
        NS_TEST_EXPECT_MSG_EQ(bench.GetFailures(sender).size(),
                              0,
                              "sender failures: " << Join(bench.GetFailures(sender)));
        const Ikev1Sa* sa = bench.GetIsakmpSa(m_receiver);
        NS_TEST_EXPECT_MSG_NE(sa, nullptr, "the receiver keeps its ISAKMP SA");
        if (sa)
        {
            // The message decrypted and its HASH(1) verified: the receiver recorded its M-ID.
            NS_TEST_EXPECT_MSG_EQ(sa->IsMessageIdInUse(DELETE_MESSAGE_ID),
                                  true,
                                  "the receiver accepted the crafted informational");
            NS_TEST_EXPECT_MSG_EQ(ToString(sa->state), "ESTABLISHED", "phase 1 after");
            auto qm = sa->quickModes.find(m_pair.messageId);
            NS_TEST_EXPECT_MSG_EQ((qm != sa->quickModes.end()), true, "the quick mode's record");
            if (qm != sa->quickModes.end())
            {
                std::string want = m_named == Named::UNKNOWN ? "ESTABLISHED" : "FAILED";
                NS_TEST_EXPECT_MSG_EQ(ToString(qm->second.state),
                                      want,
                                      "quick mode after the DELETE");
            }
        }
        std::vector<IpsecSecurityAssociation> sad = bench.GetSad(m_receiver);
        std::string left;
        for (const auto& esp : sad)
        {
            left += std::string(esp.direction == IpsecDirection::INBOUND ? "in " : "out ") +
                    std::to_string(esp.spi) + " ";
        }
        if (m_named == Named::UNKNOWN)
        {
            NS_TEST_EXPECT_MSG_EQ(sad.size(), 2, "the receiver's pair stays: " << left);
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(sad.size(),
                                  0,
                                  "the receiver's inbound " << m_pair.inboundSpi << " and outbound "
                                                            << m_pair.outboundSpi
                                                            << " are both gone; left: " << left);
        }
        // The sender's daemon knows nothing of the crafted message.
        NS_TEST_EXPECT_MSG_EQ(bench.GetSad(sender).size(), 2, "the sender's SAs");
        socket->Close();
    }

    uint32_t m_receiver; ///< 0: A, 1: B
    Named m_named;       ///< which SPI is named
    Pair m_pair;         ///< the receiver's pair before the DELETE
    Time m_sentAt;       ///< when the DELETE was sent
};

/**
 * The daemon's own DELETE (Ikev1Daemon::Delete, racoon's purge: D(ESP, our inbound SPIs), then
 * D(ISAKMP)): the peer drops its SA pair and its ISAKMP SA.
 */
class Ikev1DeleteApiTestCase : public TestCase
{
  public:
    Ikev1DeleteApiTestCase()
        : TestCase("Ikev1Daemon::Delete at the initiator: the responder drops its pair and its "
                   "ISAKMP SA")
    {
    }

  private:
    void Check(DeleteBench* bench, uint32_t expectedSas, bool isakmp, const std::string& when)
    {
        for (uint32_t i = 0; i < 2; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(bench->GetSad(i).size(),
                                  expectedSas,
                                  when << ": SAs at " << (i == 0 ? "A" : "B"));
            NS_TEST_EXPECT_MSG_EQ((bench->GetIsakmpSa(i) != nullptr),
                                  isakmp,
                                  when << ": ISAKMP SA at " << (i == 0 ? "A" : "B"));
        }
        m_checks++;
    }

    void DoRun() override
    {
        CxtpTestIsolation isolation;
        DeleteBench bench;
        Simulator::Schedule(Seconds(2.9),
                            &Ikev1DeleteApiTestCase::Check,
                            this,
                            &bench,
                            2,
                            true,
                            "before");
        Simulator::Schedule(Seconds(3),
                            &Ikev1Daemon::Delete,
                            bench.GetDaemon(0),
                            DeleteBench::GetAddress(1));
        Simulator::Schedule(Seconds(3.4),
                            &Ikev1DeleteApiTestCase::Check,
                            this,
                            &bench,
                            0,
                            false,
                            "after");
        Simulator::Stop(Seconds(3.5));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(m_checks, 2, "both checks ran");
        NS_TEST_EXPECT_MSG_EQ(bench.GetFailures(1).size(),
                              0,
                              "B's failures: " << Join(bench.GetFailures(1)));
    }

    uint32_t m_checks{0}; ///< checks run
};

/// The DELETE suite.
class Ikev1DeleteTestSuite : public TestSuite
{
  public:
    Ikev1DeleteTestSuite()
        : TestSuite("cxtp-ipsec-ikev1-delete", TestSuite::SYSTEM)
    {
        for (uint32_t receiver : {1u, 0u})
        {
            AddTestCase(new Ikev1DeleteSpiTestCase(receiver, Named::RECEIVER_INBOUND),
                        TestCase::QUICK);
            AddTestCase(new Ikev1DeleteSpiTestCase(receiver, Named::RECEIVER_OUTBOUND),
                        TestCase::QUICK);
        }
        AddTestCase(new Ikev1DeleteSpiTestCase(1, Named::UNKNOWN), TestCase::QUICK);
        AddTestCase(new Ikev1DeleteApiTestCase, TestCase::QUICK);
    }
};

static Ikev1DeleteTestSuite g_ikev1DeleteTestSuite; ///< registers the suite

} // namespace
