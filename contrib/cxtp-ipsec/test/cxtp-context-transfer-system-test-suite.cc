/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// System tests of the context transfer (method "ikev1-ct", RFC 4067) in the Mobile IPv6 handover
// scenario (doc/mipv6-handover.rst): predictive and reactive transfers over both MN-gateway
// transports, gateway-gateway ESP, a forged token, a replayed CTAR, a lost CTD/PCTD, an old ESP
// packet replayed at nSG.

#include "cxtp-test-isolation.h"
#include "cxtp-test-packet.h"

#include "ns3/channel.h"
#include "ns3/csma-net-device.h"
#include "ns3/cxtp-ipsec-module.h"
#include "ns3/error-model.h"
#include "ns3/ethernet-header.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-route.h"
#include "ns3/mipv6-handover-scenario.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/udp-header.h"

#include <map>
#include <string>
#include <vector>

using namespace ns3;

namespace
{
/// \return the point-to-point (core) device of a node
Ptr<PointToPointNetDevice>
CoreDevice(Ptr<Node> node)
{
    for (uint32_t i = 0; i < node->GetNDevices(); ++i)
    {
        if (auto p2p = DynamicCast<PointToPointNetDevice>(node->GetDevice(i)))
        {
            return p2p;
        }
    }
    return nullptr;
}

/// \return the MN's CSMA device on the same link as the gateway's CSMA device
Ptr<CsmaNetDevice>
MnDeviceTowards(Ptr<Node> mn, Ptr<Node> gateway)
{
    Ptr<Channel> channel;
    for (uint32_t i = 0; i < gateway->GetNDevices(); ++i)
    {
        if (auto csma = DynamicCast<CsmaNetDevice>(gateway->GetDevice(i)))
        {
            channel = csma->GetChannel();
        }
    }
    for (uint32_t i = 0; i < mn->GetNDevices(); ++i)
    {
        auto csma = DynamicCast<CsmaNetDevice>(mn->GetDevice(i));
        if (csma && csma->GetChannel() == channel)
        {
            return csma;
        }
    }
    return nullptr;
}

/// What crosses the gateways' core links (seen on their MacTx).
struct CoreCount
{
    uint32_t clearCxtp{0}; ///< UDP 5091 in clear
    uint32_t espCxtp{0};   ///< ESP with a gateway-gateway SPI
};

/// Drops the first N ESP packets with a gateway-gateway SPI that a gateway receives: in the
/// direction pSG -> nSG these are only CTD or PCTD.
class DropFirstContextData : public ErrorModel
{
  public:
    /// \param n how many \param spis the gateway-gateway SPIs
    DropFirstContextData(uint32_t n, std::set<uint32_t> spis)
        : m_left(n),
          m_spis(std::move(spis))
    {
    }

    uint32_t m_dropped{0}; ///< dropped so far

  private:
    bool DoCorrupt(Ptr<Packet> p) override
    {
        CxtpTestPacket packet;
        if (m_left == 0 || !packet.Parse(p, CxtpTestPacket::PPP) || !packet.IsEsp() ||
            !m_spis.count(packet.GetEspSpi()))
        {
            return false;
        }
        --m_left;
        ++m_dropped;
        return true;
    }

    void DoReset() override
    {
    }

    uint32_t m_left;           ///< still to drop
    std::set<uint32_t> m_spis; ///< gateway-gateway SPIs
};

/// What the gateway agents reported.
struct AgentLog
{
    std::map<uint8_t, uint32_t> rx;    ///< received messages per type
    std::map<uint8_t, uint32_t> tx;    ///< sent messages per type
    std::vector<std::string> failures; ///< Failure reasons
    uint32_t installed{0};             ///< Installed
    uint32_t replays{0};               ///< Replay
};

/// Connects the traces of one gateway agent to a log.
void
Watch(Ptr<Application> agent, AgentLog& log)
{
    agent->TraceConnectWithoutContext(
        "Rx",
        Callback<void, uint8_t, uint32_t>([&log](uint8_t t, uint32_t) { log.rx[t]++; }));
    agent->TraceConnectWithoutContext(
        "Tx",
        Callback<void, uint8_t, uint32_t>([&log](uint8_t t, uint32_t) { log.tx[t]++; }));
    agent->TraceConnectWithoutContext(
        "Failure",
        Callback<void, Ipv6Address, std::string>(
            [&log](Ipv6Address, std::string why) { log.failures.push_back(why); }));
    agent->TraceConnectWithoutContext(
        "Installed",
        Callback<void, Ipv6Address, uint32_t>([&log](Ipv6Address, uint32_t) { log.installed++; }));
    agent->TraceConnectWithoutContext(
        "Replay",
        Callback<void, Ipv6Address, uint32_t>([&log](Ipv6Address, uint32_t) { log.replays++; }));
}

/// Fault injected into the first handover (link 1 -> link 2).
enum class Fault
{
    NONE,          ///< none
    FORGED_TOKEN,  ///< the MN's token key is corrupted before the move
    REPLAYED_CTAR, ///< the MN's CTAR is sent again after the transfer
    LOST_DATA,     ///< the first CTD/PCTD is lost on the core
    OLD_ESP,       ///< an ESP packet the MN sent to pSG is replayed to nSG after the transfer
    LOST_CTDR,     ///< predictive: the first CTDR is lost, pSG pushes the PCTD again
    NO_PUSH,       ///< predictive: the PCTD and the first CTD are lost, nSG asks pSG (reactive)
};

/// \return a name for the test
std::string
Name(Fault f)
{
    switch (f)
    {
    case Fault::NONE:
        return "transfer";
    case Fault::FORGED_TOKEN:
        return "forged token rejected, fallback to IKEv1";
    case Fault::REPLAYED_CTAR:
        return "replayed CTAR ignored";
    case Fault::LOST_DATA:
        return "lost CTD retransmitted, or lost PCTD recovered by a CT-Req";
    case Fault::OLD_ESP:
        return "old ESP packet replayed at nSG rejected";
    case Fault::NO_PUSH:
        return "no PCTD at nSG, reactive exchange instead";
    case Fault::LOST_CTDR:
        return "lost CTDR, late PCTD copy answered and not cached";
    }
    return "";
}
} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief RFC 4067 §6.3: an AR must not reuse a token key, and the MN sets up a new one for each
 * transfer. Four moves back and forth with ikev1-ct bring the MN twice to each CoA with the
 * same transferred SAs; the token key the MN and its gateway hold after each move must be new.
 */
class ContextTransferTokenKeyTestCase : public TestCase
{
  public:
    ContextTransferTokenKeyTestCase()
        : TestCase("ikev1-ct: a new token key after every move, returns to a CoA included")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation(5);
        Mipv6HandoverScenario::Config config;
        config.method = "ikev1-ct";
        config.dad = Mipv6MobileNode::DAD_OFF;
        config.handovers = 4;
        config.handoverPeriod = Seconds(1);
        config.stop = Seconds(7);
        Mipv6HandoverScenario scenario(config);
        scenario.AssignStreams(0);
        Ptr<HandoverSecurityCt> ct = DynamicCast<HandoverSecurityCt>(scenario.GetSecurityMethod());
        NS_TEST_ASSERT_MSG_NE(ct, nullptr, "method ikev1-ct");
        std::vector<std::vector<uint8_t>> keys; // the MN's key after each Ready
        std::vector<bool> shared;               // the gateway holds the same one
        // A raw pointer: the callback lives in the method's own trace source (a Ptr would make
        // a reference cycle that outlives the test).
        HandoverSecurityCt* method = PeekPointer(ct);
        ct->TraceConnectWithoutContext(
            "Ready",
            Callback<void, uint32_t>([&keys, &shared, method, &scenario](uint32_t link) {
                // Ready fires before the method derives the next key: read it just after.
                Simulator::ScheduleNow([&keys, &shared, method, &scenario, link]() {
                    const auto& results = scenario.GetResults();
                    Ipv6Address coa = results.empty() ? Ipv6Address() : results.back().coa;
                    auto mnKey =
                        DynamicCast<CxtpAgent>(method->GetAgents().Get(0))->GetTokenKey(coa);
                    auto gwKey =
                        DynamicCast<CxtpAgent>(method->GetAgents().Get(link + 1))->GetTokenKey(coa);
                    keys.push_back(mnKey);
                    shared.push_back(!mnKey.empty() && mnKey == gwKey);
                });
            }));
        scenario.Run();
        std::vector<Mipv6HandoverScenario::Result> results = scenario.GetResults();

        NS_TEST_ASSERT_MSG_EQ(results.size(), 4, "four moves");
        for (const auto& r : results)
        {
            NS_TEST_EXPECT_MSG_EQ(r.path, "ct", "handover " << r.index << " transferred");
        }
        NS_TEST_ASSERT_MSG_EQ(keys.size(), 5, "initial IKE + four transfers");
        for (size_t i = 1; i < keys.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(shared[i], true, "move " << i << ": MN and gateway share it");
            for (size_t j = 1; j < i; ++j)
            {
                NS_TEST_EXPECT_MSG_EQ((keys[i] != keys[j]),
                                      true,
                                      "the key after move " << i << " repeats move " << j);
            }
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief One handover link 1 -> link 2 with method ikev1-ct (IKEv1 main mode first, DAD off,
 * profile zero, no random phase), in a given mode and MN-gateway transport, with one fault.
 */
class ContextTransferSystemTestCase : public TestCase
{
  public:
    /**
     * \param mode predictive or reactive
     * \param transport udp or icmpv6
     * \param fault the fault
     */
    ContextTransferSystemTestCase(std::string mode, std::string transport, Fault fault)
        : TestCase("ikev1-ct " + mode + " over " + transport + ": " + Name(fault)),
          m_mode(mode),
          m_transport(transport),
          m_fault(fault)
    {
    }

  private:
    void DoRun() override;

    std::string m_mode;      ///< Mode
    std::string m_transport; ///< Transport
    Fault m_fault;           ///< fault
};

void
ContextTransferSystemTestCase::DoRun()
{
    CxtpTestIsolation isolation(21);
    Mipv6HandoverScenario::Config config;
    config.method = "ikev1-ct";
    config.ctMode = m_mode;
    config.ctTransport = m_transport;
    config.dad = Mipv6MobileNode::DAD_OFF;
    config.randomPhase = false;
    config.handoverAt = Seconds(2);
    config.stop = Seconds(4);
    Mipv6HandoverScenario scenario(config);
    scenario.AssignStreams(0);
    Ptr<HandoverSecurityCt> ct = DynamicCast<HandoverSecurityCt>(scenario.GetSecurityMethod());
    NS_TEST_ASSERT_MSG_NE(ct, nullptr, "method ikev1-ct");
    Ptr<Node> mn = scenario.GetMobileNode()->GetObject<Node>();
    Ptr<Node> psg = scenario.GetAccessRouter(0);
    Ptr<Node> nsg = scenario.GetAccessRouter(1);
    std::set<uint32_t> gatewaySpis = ct->GetSignallingSpis();
    NS_TEST_ASSERT_MSG_EQ(gatewaySpis.empty(), false, "ESP SAs between the gateways");

    AgentLog pLog;
    AgentLog nLog;
    Watch(ct->GetAgents().Get(1), pLog);
    Watch(ct->GetAgents().Get(2), nLog);

    // The core links: CXTP must cross them in ESP only.
    CoreCount core;
    for (Ptr<Node> gw : {psg, nsg})
    {
        CoreDevice(gw)->TraceConnectWithoutContext(
            "MacTx",
            Callback<void, Ptr<const Packet>>([&core, &gatewaySpis](Ptr<const Packet> frame) {
                CxtpTestPacket packet;
                if (!packet.Parse(frame, CxtpTestPacket::PPP))
                {
                    return;
                }
                if (packet.IsUdp())
                {
                    core.clearCxtp += packet.GetUdpHeader().GetDestinationPort() == 5091;
                }
                else if (packet.IsEsp() && gatewaySpis.count(packet.GetEspSpi()))
                {
                    core.espCxtp++;
                }
            }));
    }

    // The SAs the MN negotiated with pSG, read before the move.
    std::vector<IpsecSecurityAssociation> negotiated;
    Ipv6Address oldCoa;
    Simulator::Schedule(config.handoverAt - MilliSeconds(100), [&]() {
        for (const auto& sa : mn->GetObject<IpsecPfKey>()->Dump())
        {
            negotiated.push_back(sa);
            oldCoa = sa.direction == IpsecDirection::OUTBOUND ? sa.source : sa.destination;
        }
    });
    // An ESP packet the MN sends to pSG well before the move.
    Ptr<Packet> oldEsp;
    Ptr<IpsecEspL4Protocol> mnEsp = mn->GetObject<IpsecEspL4Protocol>();
    mnEsp->TraceConnectWithoutContext(
        "Tx",
        Callback<void, Ptr<const Packet>, uint32_t, uint64_t>(
            [&oldEsp, &config](Ptr<const Packet> p, uint32_t, uint64_t) {
                if (!oldEsp && Simulator::Now() > config.handoverAt - MilliSeconds(300))
                {
                    oldEsp = p->Copy();
                }
            }));
    // The MN's CTAR on link 2, as an attacker on that link would capture it.
    Ptr<CsmaNetDevice> mnLink2 = MnDeviceTowards(mn, nsg);
    NS_TEST_ASSERT_MSG_NE(mnLink2, nullptr, "the MN's device on link 2");
    Ptr<Packet> ctarFrame;
    mnLink2->TraceConnectWithoutContext(
        "MacTx",
        Callback<void, Ptr<const Packet>>([&](Ptr<const Packet> f) {
            CxtpTestPacket packet;
            if (!ctarFrame && packet.Parse(f, CxtpTestPacket::ETHERNET) &&
                packet.GetIpv6Header().GetDestination() == Ipv6Address("fd00:12::1") &&
                (packet.GetNextHeader() == 17 || packet.GetNextHeader() == 58))
            {
                ctarFrame = f->Copy();
            }
        }));

    Ptr<DropFirstContextData> drop;
    if (m_fault == Fault::LOST_DATA || m_fault == Fault::NO_PUSH)
    {
        drop = CreateObject<DropFirstContextData>(m_fault == Fault::NO_PUSH ? 2 : 1, gatewaySpis);
        CoreDevice(nsg)->SetAttribute("ReceiveErrorModel", PointerValue(drop));
    }
    if (m_fault == Fault::LOST_CTDR)
    {
        // In predictive mode the only gateway ESP that reaches pSG is the CTDR.
        drop = CreateObject<DropFirstContextData>(1, gatewaySpis);
        CoreDevice(psg)->SetAttribute("ReceiveErrorModel", PointerValue(drop));
    }
    if (m_fault == Fault::FORGED_TOKEN)
    {
        Simulator::Schedule(config.handoverAt - MilliSeconds(100),
                            &HandoverSecurityCt::CorruptMobileTokenKey,
                            ct);
    }
    Ptr<IpsecEspL4Protocol> nsgEsp = nsg->GetObject<IpsecEspL4Protocol>();
    uint32_t nsgSasAfterTransfer = 0;
    uint64_t replayDropsBefore = 0;
    Time later = config.handoverAt + MilliSeconds(700);
    if (m_fault == Fault::REPLAYED_CTAR)
    {
        Simulator::Schedule(later, [&]() {
            nsgSasAfterTransfer = nsg->GetObject<IpsecPfKey>()->Dump().size();
            if (!ctarFrame)
            {
                return;
            }
            Ptr<Packet> p = ctarFrame->Copy();
            EthernetHeader eth;
            p->RemoveHeader(eth);
            mnLink2->Send(p, eth.GetDestination(), Ipv6L3Protocol::PROT_NUMBER);
        });
    }
    if (m_fault == Fault::OLD_ESP)
    {
        Simulator::Schedule(later, [&]() {
            replayDropsBefore = nsgEsp->GetDropCount(IpsecDropReason::REPLAY);
            if (!oldEsp)
            {
                return;
            }
            // The attacker rewrites the outer addresses (ESP does not cover them).
            Ptr<Ipv6L3Protocol> ipv6 = mn->GetObject<Ipv6L3Protocol>();
            ipv6->Send(oldEsp->Copy(),
                       scenario.GetResult(0).coa,
                       Ipv6Address("fd00:12::1"),
                       50,
                       nullptr);
        });
    }

    uint64_t nsgRxBefore = 0;
    Simulator::Schedule(config.handoverAt, [&]() { nsgRxBefore = nsgEsp->GetRxCount(); });
    scenario.Run();
    std::vector<Mipv6HandoverScenario::Result> results = scenario.GetResults();
    std::vector<IpsecSecurityAssociation> atNsg = nsg->GetObject<IpsecPfKey>()->Dump();
    std::vector<IpsecSecurityAssociation> atPsg = psg->GetObject<IpsecPfKey>()->Dump();
    uint64_t nsgRx = nsgEsp->GetRxCount() - nsgRxBefore;
    uint64_t nsgReplayDrops = nsgEsp->GetDropCount(IpsecDropReason::REPLAY);
    uint64_t mnReplayDrops = mnEsp->GetDropCount(IpsecDropReason::REPLAY);

    NS_TEST_ASSERT_MSG_EQ(results.size(), 1, "one handover");
    const auto& r = results[0];
    NS_TEST_ASSERT_MSG_EQ(r.complete, true, "timeline complete");
    NS_TEST_EXPECT_MSG_GT(r.receivedDownAfter, 0, "probes CN -> HoA after the move");
    NS_TEST_EXPECT_MSG_GT(r.receivedUpAfter, 0, "probes HoA -> CN after the move");
    NS_TEST_EXPECT_MSG_GT(nsgRx, 10, "nSG decrypts the MN's packets after the move");
    NS_TEST_EXPECT_MSG_EQ(core.clearCxtp, 0, "no CXTP in clear on the core");
    NS_TEST_EXPECT_MSG_EQ(mnReplayDrops, 0, "nSG's packets are not replays at the MN");
    Time access = config.accessDelay;
    Time coreRtt = 4 * config.coreDelay;

    if (m_fault == Fault::FORGED_TOKEN)
    {
        NS_TEST_EXPECT_MSG_EQ(r.path, "fallback-ike", "the forged CTAR installs nothing");
        NS_TEST_EXPECT_MSG_EQ(nLog.installed, 0, "no context installed at nSG");
        // The verifier: nSG with the pushed key (predictive), pSG on the CT-Req (reactive).
        const AgentLog& verifier = m_mode == "predictive" ? nLog : pLog;
        bool rejected = false;
        for (const auto& why : verifier.failures)
        {
            rejected |= why == "bad token";
        }
        NS_TEST_EXPECT_MSG_EQ(rejected, true, "the verifier traced a bad token");
        // CTAR, then IKEv1 main mode + quick mode with nSG.
        NS_TEST_EXPECT_MSG_EQ(r.messages, 1 + 11, "CTAR + IKEv1 on the access link");
        return;
    }

    NS_TEST_EXPECT_MSG_EQ(r.path, "ct", "the transfer completed");
    NS_TEST_EXPECT_MSG_EQ(nLog.installed, 1, "nSG installed the contexts once");
    // One 106-byte CTAR (Ethernet II, no FCS) on the access link; the replay test sends the
    // same frame again from the MN's link.
    uint32_t ctars = m_fault == Fault::REPLAYED_CTAR ? 2 : 1;
    NS_TEST_EXPECT_MSG_EQ(r.messages, ctars, "one message from the MN on the access link");
    NS_TEST_EXPECT_MSG_EQ(r.bytes, 106 * ctars, "a 106-byte CTAR");
    NS_TEST_EXPECT_MSG_GT(core.espCxtp, 1, "CXTP on the core in ESP");
    NS_TEST_EXPECT_MSG_GT(r.coreBytes, 0, "core bytes counted (ESP)");
    if (m_mode == "predictive")
    {
        if (m_fault == Fault::NO_PUSH || m_fault == Fault::LOST_DATA)
        {
            // The push was lost (and with NO_PUSH the first CTD too): the CTAR found no cached
            // PCTD and nSG ran the reactive exchange (the push's own timeout allows for the
            // MN's move, CxtpTransferTimers, so no copy came first).
            NS_TEST_EXPECT_MSG_EQ(drop->m_dropped,
                                  (m_fault == Fault::NO_PUSH ? 2u : 1u),
                                  "the PCTD (and the first CTD) lost");
            NS_TEST_EXPECT_MSG_EQ(nLog.rx[CxtpHeader::PCTD], 0, "no PCTD reached nSG's agent");
            NS_TEST_EXPECT_MSG_GT_OR_EQ(nLog.tx[CxtpHeader::CT_REQ], 1, "nSG asked pSG");
            NS_TEST_EXPECT_MSG_GT_OR_EQ(nLog.rx[CxtpHeader::CTD], 1, "pSG answered with a CTD");
            NS_TEST_EXPECT_MSG_GT_OR_EQ(r.SecurityDelay(),
                                        coreRtt + access,
                                        "CTAR, then CT-Req / CTD over the core");
        }
        else
        {
            NS_TEST_EXPECT_MSG_GT_OR_EQ(nLog.rx[CxtpHeader::PCTD], 1, "nSG got the pushed PCTD");
            NS_TEST_EXPECT_MSG_EQ(nLog.tx[CxtpHeader::CT_REQ], 0, "no CT-Req: the push was there");
        }
        if (m_fault != Fault::LOST_DATA && m_fault != Fault::NO_PUSH)
        {
            // CTAR over the access link, token check and installation at nSG (cost zero).
            NS_TEST_EXPECT_MSG_GT_OR_EQ(r.SecurityDelay(), access, "at least the CTAR's way");
            NS_TEST_EXPECT_MSG_LT(r.SecurityDelay(), MilliSeconds(1), "no core round trip");
        }
    }
    else
    {
        NS_TEST_EXPECT_MSG_EQ(nLog.rx[CxtpHeader::PCTD], 0, "no push in reactive mode");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(nLog.tx[CxtpHeader::CT_REQ], 1, "nSG asked pSG");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(r.SecurityDelay(),
                                    coreRtt + access,
                                    "CTAR, then CT-Req / CTD over the core");
        if (m_fault != Fault::LOST_DATA)
        {
            NS_TEST_EXPECT_MSG_LT(r.SecurityDelay(),
                                  coreRtt + access + MilliSeconds(1),
                                  "one core round trip");
        }
    }

    // nSG holds the keys the MN negotiated with pSG: same SPIs and keys, new endpoints.
    uint32_t same = 0;
    for (const auto& mine : negotiated)
    {
        for (const auto& theirs : atNsg)
        {
            if (theirs.spi == mine.spi && theirs.direction != mine.direction &&
                theirs.encryptionKey == mine.encryptionKey &&
                theirs.integrityKey == mine.integrityKey &&
                (theirs.source == r.coa || theirs.destination == r.coa))
            {
                same++;
            }
        }
    }
    NS_TEST_EXPECT_MSG_EQ(negotiated.size(), 2, "the MN had one SA pair with pSG");
    NS_TEST_EXPECT_MSG_EQ(same, 2, "nSG installed both SAs with the MN's keys and SPIs");
    // pSG deleted its copies after the CTDR.
    for (const auto& sa : atPsg)
    {
        NS_TEST_EXPECT_MSG_NE(sa.source, oldCoa, "pSG kept an SA from the old CoA");
        NS_TEST_EXPECT_MSG_NE(sa.destination, oldCoa, "pSG kept an SA to the old CoA");
    }

    if (m_fault == Fault::LOST_DATA)
    {
        NS_TEST_EXPECT_MSG_EQ(drop->m_dropped, 1, "one CTD/PCTD lost");
        if (m_mode == "reactive")
        {
            // The CT-Req is sent again after RetryInterval (50 ms).
            NS_TEST_EXPECT_MSG_GT_OR_EQ(r.SecurityDelay(),
                                        MilliSeconds(50) + coreRtt,
                                        "delay includes the retransmission");
            NS_TEST_EXPECT_MSG_GT_OR_EQ(nLog.tx[CxtpHeader::CT_REQ], 2, "CT-Req retransmitted");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(pLog.tx[CxtpHeader::PCTD], 1, "the CTDR came before a copy");
            NS_TEST_EXPECT_MSG_GT_OR_EQ(nLog.tx[CxtpHeader::CT_REQ], 1, "nSG asked pSG");
        }
    }
    if (m_fault == Fault::LOST_CTDR)
    {
        NS_TEST_EXPECT_MSG_EQ(drop->m_dropped, 1, "one CTDR lost");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(nLog.rx[CxtpHeader::PCTD], 2, "the PCTD came again");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(nLog.tx[CxtpHeader::CTDR], 2, "nSG answered it again");
        NS_TEST_EXPECT_MSG_EQ(nLog.installed, 1, "installed once");
        NS_TEST_EXPECT_MSG_EQ(
            DynamicCast<CxtpAgent>(ct->GetAgents().Get(2))->HasCachedContext(oldCoa),
            false,
            "the copy's key is not cached again");
        for (const auto& why : nLog.failures)
        {
            NS_TEST_EXPECT_MSG_EQ(why, "", "no failure at nSG");
        }
    }
    if (m_fault == Fault::REPLAYED_CTAR)
    {
        NS_TEST_EXPECT_MSG_NE(ctarFrame, nullptr, "the CTAR was captured");
        NS_TEST_EXPECT_MSG_EQ(nLog.replays, 1, "the replayed CTAR is traced");
        NS_TEST_EXPECT_MSG_EQ(nLog.rx[CxtpHeader::CTAR], 2, "nSG received it twice");
        NS_TEST_EXPECT_MSG_EQ(nLog.installed, 1, "nothing reinstalled");
        NS_TEST_EXPECT_MSG_EQ(atNsg.size(), nsgSasAfterTransfer, "the SAD did not change");
    }
    if (m_fault == Fault::OLD_ESP)
    {
        NS_TEST_EXPECT_MSG_NE(oldEsp, nullptr, "an old ESP packet was captured");
        NS_TEST_EXPECT_MSG_EQ(nsgReplayDrops - replayDropsBefore,
                              1,
                              "nSG rejects the old packet with the transferred window");
    }
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The context transfer system suite.
 */
class ContextTransferSystemTestSuite : public TestSuite
{
  public:
    ContextTransferSystemTestSuite()
        : TestSuite("cxtp-ipsec-context-transfer", TestSuite::SYSTEM)
    {
        for (std::string mode : {"predictive", "reactive"})
        {
            for (std::string transport : {"udp", "icmpv6"})
            {
                AddTestCase(new ContextTransferSystemTestCase(mode, transport, Fault::NONE),
                            TestCase::QUICK);
            }
            AddTestCase(new ContextTransferSystemTestCase(mode, "udp", Fault::FORGED_TOKEN),
                        TestCase::QUICK);
            AddTestCase(new ContextTransferSystemTestCase(mode, "icmpv6", Fault::LOST_DATA),
                        TestCase::QUICK);
        }
        AddTestCase(new ContextTransferTokenKeyTestCase, TestCase::QUICK);
        AddTestCase(new ContextTransferSystemTestCase("predictive", "udp", Fault::REPLAYED_CTAR),
                    TestCase::QUICK);
        AddTestCase(new ContextTransferSystemTestCase("reactive", "icmpv6", Fault::REPLAYED_CTAR),
                    TestCase::QUICK);
        AddTestCase(new ContextTransferSystemTestCase("predictive", "udp", Fault::OLD_ESP),
                    TestCase::QUICK);
        AddTestCase(new ContextTransferSystemTestCase("predictive", "udp", Fault::LOST_CTDR),
                    TestCase::QUICK);
        AddTestCase(new ContextTransferSystemTestCase("predictive", "icmpv6", Fault::NO_PUSH),
                    TestCase::QUICK);
    }
};

static ContextTransferSystemTestSuite g_contextTransferSystemTestSuite; ///< the suite
