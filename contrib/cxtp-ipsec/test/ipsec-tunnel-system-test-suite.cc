/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// System tests of the ESP data plane: the MN - SG - CN tunnel scenario end to end.

#include "cxtp-test-isolation.h"

#include "ns3/config.h"
#include "ns3/csma-net-device.h"
#include "ns3/cxtp-ipsec-module.h"
#include "ns3/ethernet-header.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-route.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/udp-header.h"

using namespace ns3;

namespace
{

/// What the MN put on its access link, by kind.
struct AccessLinkCount
{
    uint32_t esp{0};                     ///< ESP frames
    uint32_t clearProbes{0};             ///< UDP probe frames in clear (must stay 0)
    uint32_t other{0};                   ///< neighbour discovery and the rest
    std::vector<Ptr<Packet>> espPackets; ///< copies of the ESP packets (IPv6 payload)
};

void
CountFrame(AccessLinkCount* count, Ptr<const Packet> frame)
{
    Ptr<Packet> copy = frame->Copy();
    EthernetHeader eth;
    copy->RemoveHeader(eth);
    if (eth.GetLengthType() != Ipv6L3Protocol::PROT_NUMBER)
    {
        count->other++;
        return;
    }
    Ipv6Header ip;
    copy->RemoveHeader(ip);
    if (ip.GetNextHeader() == IpsecEspL4Protocol::PROT_NUMBER)
    {
        count->esp++;
        count->espPackets.push_back(copy->CreateFragment(0, ip.GetPayloadLength()));
        return;
    }
    if (ip.GetNextHeader() == 17)
    {
        UdpHeader udp;
        copy->PeekHeader(udp);
        if (udp.GetDestinationPort() == 4000)
        {
            count->clearProbes++;
            return;
        }
    }
    count->other++;
}

IpsecTunnelScenario::Config
ShortConfig(IpsecEncryption enc, IpsecIntegrity integ)
{
    IpsecTunnelScenario::Config config;
    config.encryption = enc;
    config.integrity = integ;
    config.duration = Seconds(2);
    return config;
}

/// Probes cross the tunnel in both directions without loss, for one transform pair.
class ZeroLossTestCase : public TestCase
{
  public:
    ZeroLossTestCase(IpsecEncryption enc, IpsecIntegrity integ)
        : TestCase("probes cross the tunnel with zero loss, " + ToString(enc) + " + " +
                   ToString(integ)),
          m_enc(enc),
          m_integ(integ)
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        IpsecTunnelScenario scenario(ShortConfig(m_enc, m_integ));
        scenario.AssignStreams(0);
        AccessLinkCount count;
        scenario.GetMn()->GetDevice(0)->TraceConnectWithoutContext(
            "MacTx",
            MakeBoundCallback(&CountFrame, &count));
        Simulator::Stop(scenario.GetStopTime());
        Simulator::Run();
        // 2 s of probes every 50 ms: 40 each way.
        NS_TEST_EXPECT_MSG_EQ(scenario.GetUplinkSent(), 40, "uplink probes sent");
        NS_TEST_EXPECT_MSG_EQ(scenario.GetUplinkReceived(), 40, "uplink probes received");
        NS_TEST_EXPECT_MSG_EQ(scenario.GetDownlinkSent(), 40, "downlink probes sent");
        NS_TEST_EXPECT_MSG_EQ(scenario.GetDownlinkReceived(), 40, "downlink probes received");
        Ptr<IpsecEspL4Protocol> mn = scenario.GetMn()->GetObject<IpsecEspL4Protocol>();
        Ptr<IpsecEspL4Protocol> sg = scenario.GetSg()->GetObject<IpsecEspL4Protocol>();
        NS_TEST_EXPECT_MSG_EQ(mn->GetTxCount(), 40, "MN sends every uplink probe in ESP");
        NS_TEST_EXPECT_MSG_EQ(sg->GetRxCount(), 40, "SG accepts every uplink ESP packet");
        NS_TEST_EXPECT_MSG_EQ(sg->GetTxCount(), 40, "SG sends every downlink probe in ESP");
        NS_TEST_EXPECT_MSG_EQ(mn->GetRxCount(), 40, "MN accepts every downlink ESP packet");
        NS_TEST_EXPECT_MSG_EQ(count.esp, 40, "ESP frames on the MN's access link");
        NS_TEST_EXPECT_MSG_EQ(count.clearProbes, 0, "no probe in clear on the access link");
        // Each ESP packet has the size the codec announces for a 40+8+112-byte inner packet.
        IpsecSecurityAssociation sa;
        sa.encryption = m_enc;
        sa.integrity = m_integ;
        uint32_t expected = IpsecEspCodec::GetProtectedLength(sa, 40 + 8 + 112);
        NS_TEST_ASSERT_MSG_EQ(count.espPackets.empty(), false, "ESP packets captured");
        NS_TEST_EXPECT_MSG_EQ(count.espPackets.front()->GetSize(), expected, "ESP packet size");
        Simulator::Destroy();
    }

    IpsecEncryption m_enc;
    IpsecIntegrity m_integ;
};

/// Deleting the MN's outbound SA: later uplink probes are dropped as "no SA", ACQUIRE fires
/// once, and nothing leaves in clear.
class DeleteSaTestCase : public TestCase
{
  public:
    explicit DeleteSaTestCase(bool hold)
        : TestCase(hold ? "without SA packets are held and released when an SA is added"
                        : "deleting the SA drops probes as no SA and raises one acquire"),
          m_hold(hold)
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        if (m_hold)
        {
            Config::SetDefault("ns3::IpsecEspL4Protocol::NoSaAction", StringValue("Hold"));
        }
        IpsecTunnelScenario scenario(
            ShortConfig(IpsecEncryption::AES_128_CBC, IpsecIntegrity::HMAC_SHA1_96));
        scenario.AssignStreams(0);
        AccessLinkCount count;
        scenario.GetMn()->GetDevice(0)->TraceConnectWithoutContext(
            "MacTx",
            MakeBoundCallback(&CountFrame, &count));
        Ptr<IpsecPfKey> pfKey = scenario.GetMn()->GetObject<IpsecPfKey>();
        std::vector<uint32_t> acquiredPolicies;
        pfKey->Register(
            [this, &acquiredPolicies](const IpsecPolicy& policy, const IpsecPacketFields& fields) {
                acquiredPolicies.push_back(policy.id);
                NS_TEST_EXPECT_MSG_EQ(fields.remotePort, 4000, "acquire names the probe port");
            },
            IpsecPfKey::ExpireCallback());
        uint32_t spi = scenario.GetTunnel().spiAtoB;
        Ipv6Address sg = scenario.GetSgAddress();
        IpsecSecurityAssociation saved;
        // Probes leave the MN at 0.1 s + k * 50 ms. Delete at 1.075 s: probes k = 20..39 (20 of
        // them) find no SA.
        Simulator::Schedule(MilliSeconds(1075), [&]() {
            NS_TEST_EXPECT_MSG_EQ(pfKey->Get(IpsecDirection::OUTBOUND, spi, sg, saved),
                                  true,
                                  "SA present before delete");
            NS_TEST_EXPECT_MSG_EQ(pfKey->Delete(IpsecDirection::OUTBOUND, spi, sg),
                                  "",
                                  "delete accepted");
        });
        if (m_hold)
        {
            // Reinstall at 1.5 s: the probes held meanwhile (k = 20..27) go out then.
            Simulator::Schedule(MilliSeconds(1500), [&]() {
                NS_TEST_EXPECT_MSG_EQ(pfKey->Add(saved), "", "SA re-added");
            });
        }
        Simulator::Stop(scenario.GetStopTime());
        Simulator::Run();
        Ptr<IpsecEspL4Protocol> mn = scenario.GetMn()->GetObject<IpsecEspL4Protocol>();
        NS_TEST_EXPECT_MSG_EQ(scenario.GetUplinkSent(), 40, "uplink probes sent");
        NS_TEST_EXPECT_MSG_EQ(count.clearProbes, 0, "no probe in clear on the access link");
        NS_TEST_EXPECT_MSG_EQ(scenario.GetDownlinkReceived(), 40, "downlink unaffected");
        NS_TEST_ASSERT_MSG_EQ(acquiredPolicies.size(), 1, "one acquire within the block time");
        NS_TEST_EXPECT_MSG_EQ(acquiredPolicies[0],
                              scenario.GetTunnel().outPolicyA,
                              "acquire names the outbound rule");
        if (m_hold)
        {
            NS_TEST_EXPECT_MSG_EQ(mn->GetDropCount(IpsecDropReason::NO_SA), 0, "nothing dropped");
            NS_TEST_EXPECT_MSG_EQ(scenario.GetUplinkReceived(), 40, "held probes delivered");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(mn->GetDropCount(IpsecDropReason::NO_SA), 20, "no-SA drops");
            NS_TEST_EXPECT_MSG_EQ(scenario.GetUplinkReceived(), 20, "probes before the delete");
            NS_TEST_EXPECT_MSG_EQ(count.esp, 20, "ESP frames only while the SA existed");
        }
        Simulator::Destroy();
    }

    bool m_hold;
};

/// Replayed, tampered, truncated and unknown-SPI ESP packets, and a clear packet that should
/// have been protected, are dropped at the SG with the right reason.
class BadInputTestCase : public TestCase
{
  public:
    BadInputTestCase()
        : TestCase("replayed, tampered, short, unknown-SPI and clear packets are dropped")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        IpsecTunnelScenario scenario(
            ShortConfig(IpsecEncryption::AES_128_CBC, IpsecIntegrity::HMAC_SHA1_96));
        scenario.AssignStreams(0);
        AccessLinkCount count;
        scenario.GetMn()->GetDevice(0)->TraceConnectWithoutContext(
            "MacTx",
            MakeBoundCallback(&CountFrame, &count));
        Ptr<Ipv6L3Protocol> ipv6 = scenario.GetMn()->GetObject<Ipv6L3Protocol>();
        Ipv6Address mn = scenario.GetMnAddress();
        Ipv6Address sg = scenario.GetSgAddress();
        auto sendRaw = [ipv6, mn, sg](Ptr<Packet> p, uint8_t proto, Ipv6Address dst) {
            p->AddPacketTag(IpsecBypassTag());
            ipv6->Send(p, mn, dst, proto, nullptr);
        };
        Simulator::Schedule(MilliSeconds(1010), [&]() {
            NS_TEST_ASSERT_MSG_GT(count.espPackets.size(), 5, "ESP packets captured");
            // Replay of an old packet.
            sendRaw(count.espPackets[2]->Copy(), 50, sg);
            // Tampered: flip one bit in the ciphertext of a fresh-looking packet.
            std::vector<uint8_t> bytes(count.espPackets.back()->GetSize());
            count.espPackets.back()->CopyData(bytes.data(), bytes.size());
            bytes[4] = 0x7f; // a sequence number far ahead, so the replay check passes
            bytes[30] ^= 0x01;
            sendRaw(Create<Packet>(bytes.data(), bytes.size()), 50, sg);
            // Truncated: 5 bytes.
            sendRaw(Create<Packet>(bytes.data(), 5), 50, sg);
            // Unknown SPI.
            bytes[0] ^= 0xff;
            sendRaw(Create<Packet>(bytes.data(), bytes.size()), 50, sg);
            // A clear UDP packet to the CN that the SG's inbound policy requires in ESP.
            UdpHeader udp;
            udp.SetSourcePort(5555);
            udp.SetDestinationPort(4000);
            Ptr<Packet> clear = Create<Packet>(20);
            udp.InitializeChecksum(mn, Ipv6Address("fd00:1::2"), 17);
            clear->AddHeader(udp);
            sendRaw(clear, 17, Ipv6Address("fd00:1::2"));
        });
        Simulator::Stop(scenario.GetStopTime());
        Simulator::Run();
        auto drops = [&scenario](IpsecDropReason r) {
            return IpsecTunnelScenario::GetDrops(scenario.GetSg(), r);
        };
        NS_TEST_EXPECT_MSG_EQ(drops(IpsecDropReason::REPLAY), 1, "replayed packet");
        NS_TEST_EXPECT_MSG_EQ(drops(IpsecDropReason::BAD_ICV), 1, "tampered packet");
        NS_TEST_EXPECT_MSG_EQ(drops(IpsecDropReason::MALFORMED), 1, "truncated packet");
        NS_TEST_EXPECT_MSG_EQ(drops(IpsecDropReason::NO_SA), 1, "unknown SPI");
        NS_TEST_EXPECT_MSG_EQ(drops(IpsecDropReason::POLICY_DISCARD), 1, "clear packet");
        NS_TEST_EXPECT_MSG_EQ(scenario.GetUplinkReceived(), 40, "only the 40 real probes arrive");
        Simulator::Destroy();
    }
};

class IpsecTunnelSystemTestSuite : public TestSuite
{
  public:
    IpsecTunnelSystemTestSuite()
        : TestSuite("cxtp-ipsec-tunnel-system", TestSuite::SYSTEM)
    {
        AddTestCase(
            new ZeroLossTestCase(IpsecEncryption::AES_128_CBC, IpsecIntegrity::HMAC_SHA1_96),
            TestCase::QUICK);
        AddTestCase(
            new ZeroLossTestCase(IpsecEncryption::TDES_CBC, IpsecIntegrity::HMAC_SHA2_256_128),
            TestCase::QUICK);
        AddTestCase(new ZeroLossTestCase(IpsecEncryption::AES_256_GCM_16, IpsecIntegrity::NONE),
                    TestCase::QUICK);
        AddTestCase(new DeleteSaTestCase(false), TestCase::QUICK);
        AddTestCase(new DeleteSaTestCase(true), TestCase::QUICK);
        AddTestCase(new BadInputTestCase, TestCase::QUICK);
    }
};

static IpsecTunnelSystemTestSuite g_ipsecTunnelSystemTestSuite;

} // namespace
