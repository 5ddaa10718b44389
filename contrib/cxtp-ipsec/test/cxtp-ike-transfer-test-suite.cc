/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// System tests of the IKE SA transfer and of UPDATE_SPI in the reference handover scenario
// (method ikev1-ct): the ISAKMP SA moves from pSG to nSG with the ESP SAs, nSG can process the
// MN's DELETE and rekeys with it, lifetimes run on from pSG, pSG keeps nothing, and an SPI that
// collides at nSG is replaced through UPDATE_SPI over the transferred ISAKMP SA.

#include "cxtp-test-isolation.h"
#include "cxtp-test-packet.h"

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/csma-net-device.h"
#include "ns3/cxtp-ipsec-module.h"
#include "ns3/error-model.h"
#include "ns3/handover-security-ct.h"
#include "ns3/mipv6-handover-scenario.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/udp-header.h"

#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// The parts of the scenario the tests look at.
struct Nodes
{
    Ptr<Node> mn;            ///< the mobile node
    Ptr<Node> psg;           ///< the gateway of link 1 (pSG of the first handover)
    Ptr<Node> nsg;           ///< the gateway of link 2
    Ptr<Ikev1Daemon> mnIke;  ///< the MN's daemon
    Ptr<Ikev1Daemon> psgIke; ///< pSG's daemon
    Ptr<Ikev1Daemon> nsgIke; ///< nSG's daemon
    Ipv6Address psgAddress;  ///< pSG on link 1
    Ipv6Address nsgAddress;  ///< nSG on link 2
};

/**
 * \param scenario an ikev1-ct scenario
 * \return its nodes and daemons
 */
Nodes
GetNodes(Mipv6HandoverScenario& scenario)
{
    Nodes n;
    n.mn = scenario.GetMobileNode()->GetObject<Node>();
    n.psg = scenario.GetAccessRouter(0);
    n.nsg = scenario.GetAccessRouter(1);
    Ptr<HandoverSecurityCt> ct = DynamicCast<HandoverSecurityCt>(scenario.GetSecurityMethod());
    NS_ABORT_MSG_IF(!ct, "the scenario must run ikev1-ct");
    n.mnIke = DynamicCast<Ikev1Daemon>(ct->GetDaemons().Get(0));
    n.psgIke = DynamicCast<Ikev1Daemon>(ct->GetDaemons().Get(1));
    n.nsgIke = DynamicCast<Ikev1Daemon>(ct->GetDaemons().Get(2));
    n.psgAddress = Ipv6Address("fd00:11::1");
    n.nsgAddress = Ipv6Address("fd00:12::1");
    return n;
}

/**
 * \param node a node
 * \param direction a direction
 * \param peer the outer peer address
 * \return the node's SAs of that direction with that outer peer
 */
std::vector<IpsecSecurityAssociation>
SasWith(Ptr<Node> node, IpsecDirection direction, const Ipv6Address& peer)
{
    std::vector<IpsecSecurityAssociation> out;
    for (const auto& sa : node->GetObject<IpsecSad>()->Dump())
    {
        if (sa.direction == direction &&
            (direction == IpsecDirection::INBOUND ? sa.source : sa.destination) == peer)
        {
            out.push_back(sa);
        }
    }
    return out;
}

/// \return the number of SAs of the node with that outer peer, both directions
size_t
CountSas(Ptr<Node> node, const Ipv6Address& peer)
{
    return SasWith(node, IpsecDirection::INBOUND, peer).size() +
           SasWith(node, IpsecDirection::OUTBOUND, peer).size();
}

/// Collects a daemon's Failure trace.
void
RecordFailure(std::vector<std::string>* log, const Ipv6Address& /* peer */, const std::string& why)
{
    log->push_back(why);
}

/// The scenario parameters of these tests: one handover, DAD off, profile zero.
Mipv6HandoverScenario::Config
MakeConfig(uint32_t handovers)
{
    Mipv6HandoverScenario::Config config;
    config.method = "ikev1-ct";
    config.dad = Mipv6MobileNode::DAD_OFF;
    config.handovers = handovers;
    config.handoverPeriod = Seconds(1);
    config.stop = config.handoverAt + config.handoverPeriod * (handovers - 1) + Seconds(1.5);
    return config;
}

/// Drops the first IKE (UDP 500) frame a device receives after a given instant.
class DropFirstIke : public ErrorModel
{
  public:
    /// \param after frames before this instant pass
    explicit DropFirstIke(Time after)
        : m_after(after)
    {
    }

    /// \return how many frames were dropped (0 or 1)
    uint32_t GetDropped() const
    {
        return m_dropped;
    }

  private:
    bool DoCorrupt(Ptr<Packet> p) override
    {
        if (m_dropped || Simulator::Now() < m_after)
        {
            return false;
        }
        CxtpTestPacket packet;
        if (!packet.Parse(p, CxtpTestPacket::ETHERNET) || !packet.IsUdp() ||
            packet.GetUdpHeader().GetDestinationPort() != 500)
        {
            return false;
        }
        m_dropped++;
        return true;
    }

    void DoReset() override
    {
        m_dropped = 0;
    }

    Time m_after;          ///< start of the window
    uint32_t m_dropped{0}; ///< frames dropped
};

/**
 * \param node a node
 * \param link 0 or 1: the node's first or second CSMA device
 * \return that device
 */
Ptr<NetDevice>
CsmaDevice(Ptr<Node> node, uint32_t link)
{
    uint32_t seen = 0;
    for (uint32_t i = 0; i < node->GetNDevices(); ++i)
    {
        if (DynamicCast<CsmaNetDevice>(node->GetDevice(i)) && seen++ == link)
        {
            return node->GetDevice(i);
        }
    }
    return nullptr;
}

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief After a context transfer nSG holds the MN's ISAKMP SA (same cookies and keys, peer =
 * the new CoA) and pSG holds nothing (no ISAKMP SA, no ESP SA, no PAD entry for the MN); the MN's
 * DELETE (Ikev1Daemon::Delete) to nSG is verified and decrypted with the transferred keys, and
 * nSG removes the SAs.
 */
class CxtpIkeTransferDeleteTestCase : public TestCase
{
  public:
    CxtpIkeTransferDeleteTestCase()
        : TestCase("ISAKMP SA moves to nSG, pSG keeps nothing, DELETE to nSG works")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation(2);
        Mipv6HandoverScenario::Config config = MakeConfig(1);
        Mipv6HandoverScenario scenario(config);
        scenario.AssignStreams(0);
        Nodes n = GetNodes(scenario);
        std::vector<std::string> nsgFailures;
        n.nsgIke->TraceConnectWithoutContext("Failure",
                                             MakeBoundCallback(&RecordFailure, &nsgFailures));
        // The detach is at handoverAt plus a random phase below one probe interval.
        Time at = config.handoverAt;

        // Before the move: the MN's ISAKMP SA with pSG.
        uint64_t cookie = 0;
        Ipv6Address oldCoa;
        std::vector<uint8_t> skeyidA;
        Simulator::Schedule(at - MilliSeconds(1), [&]() {
            const Ikev1Sa* sa = n.mnIke->FindSa(n.psgAddress);
            NS_TEST_ASSERT_MSG_NE(sa, nullptr, "MN-pSG ISAKMP SA before the move");
            if (!sa)
            {
                return;
            }
            cookie = sa->initiatorCookie;
            oldCoa = sa->local;
            skeyidA = sa->skeyidA;
            NS_TEST_EXPECT_MSG_NE(n.psgIke->FindSa(oldCoa), nullptr, "pSG has it too");
            NS_TEST_EXPECT_MSG_EQ(CountSas(n.psg, oldCoa), 2u, "pSG's ESP pair");
            NS_TEST_EXPECT_MSG_NE(n.psg->GetObject<IpsecPad>()->FindByAddress(oldCoa),
                                  nullptr,
                                  "pSG's PAD entry for the MN");
        });
        Ipv6Address newCoa;
        std::vector<std::pair<IpsecDirection, uint32_t>> spis;
        std::vector<std::pair<uint32_t, Ikev1State>> deletions;
        Simulator::Schedule(at + MilliSeconds(550), [&]() {
            // The MN's SA now runs with nSG, nSG has the same SA, pSG nothing.
            const Ikev1Sa* mn = n.mnIke->FindSa(n.nsgAddress);
            NS_TEST_ASSERT_MSG_NE(mn, nullptr, "the MN's ISAKMP SA moved to nSG");
            if (!mn)
            {
                return;
            }
            NS_TEST_EXPECT_MSG_EQ(mn->initiatorCookie, cookie, "same SA at the MN");
            NS_TEST_EXPECT_MSG_EQ(n.mnIke->FindSa(n.psgAddress), nullptr, "none left with pSG");
            newCoa = mn->local;
            NS_TEST_EXPECT_MSG_NE(newCoa, oldCoa, "the MN has a new CoA");
            const Ikev1Sa* nsg = n.nsgIke->FindSa(newCoa);
            NS_TEST_ASSERT_MSG_NE(nsg, nullptr, "nSG imported the ISAKMP SA");
            if (!nsg)
            {
                return;
            }
            NS_TEST_EXPECT_MSG_EQ(nsg->initiatorCookie, cookie, "same cookies");
            NS_TEST_EXPECT_MSG_EQ(nsg->local, n.nsgAddress, "nSG's own address");
            NS_TEST_EXPECT_MSG_EQ((nsg->state == Ikev1State::ESTABLISHED), true, "established");
            NS_TEST_EXPECT_MSG_EQ((nsg->skeyidA == skeyidA), true, "same SKEYID_a");
            NS_TEST_EXPECT_MSG_EQ(nsg->quickModes.size(), 1u, "its quick mode");
            NS_TEST_EXPECT_MSG_EQ(CountSas(n.nsg, newCoa), 2u, "nSG's ESP pair");
            NS_TEST_EXPECT_MSG_EQ(n.psgIke->GetSas().size(), 0u, "pSG forgot the ISAKMP SA");
            NS_TEST_EXPECT_MSG_EQ(CountSas(n.psg, oldCoa), 0u, "pSG deleted the ESP SAs");
            NS_TEST_EXPECT_MSG_EQ(n.psg->GetObject<IpsecPad>()->FindByAddress(oldCoa),
                                  nullptr,
                                  "pSG removed the MN's PAD entry");
            for (auto direction : {IpsecDirection::INBOUND, IpsecDirection::OUTBOUND})
            {
                for (const auto& sa : SasWith(n.nsg, direction, newCoa))
                {
                    spis.emplace_back(sa.direction, sa.spi);
                }
            }
            n.nsgIke->TraceConnectWithoutContext(
                "StateTransition",
                Callback<void, const Ipv6Address&, uint32_t, Ikev1State, Ikev1State>(
                    [&deletions](const Ipv6Address&, uint32_t mid, Ikev1State, Ikev1State to) {
                        deletions.emplace_back(mid, to);
                    }));
            n.mnIke->Delete(n.nsgAddress);
        });
        Simulator::Schedule(at + MilliSeconds(551), [&]() {
            // nSG decrypted and verified both DELETE informationals with the transferred keys.
            NS_TEST_ASSERT_MSG_EQ(deletions.size(), 2u, "ESP pair, then ISAKMP SA deleted");
            if (deletions.size() != 2)
            {
                return;
            }
            NS_TEST_EXPECT_MSG_NE(deletions[0].first, 0u, "the quick mode's pair");
            NS_TEST_EXPECT_MSG_EQ((deletions[0].second == Ikev1State::FAILED), true, "gone");
            NS_TEST_EXPECT_MSG_EQ(deletions[1].first, 0u, "phase 1");
            NS_TEST_EXPECT_MSG_EQ((deletions[1].second == Ikev1State::IDLE), true, "deleted");
            NS_TEST_EXPECT_MSG_EQ(n.nsgIke->GetSas().count(cookie), 0u, "ISAKMP SA forgotten");
            NS_TEST_ASSERT_MSG_EQ(spis.size(), 2u, "two SAs were transferred");
            for (const auto& [direction, spi] : spis)
            {
                NS_TEST_EXPECT_MSG_EQ(n.nsg->GetObject<IpsecSad>()->Find(direction, spi, newCoa),
                                      nullptr,
                                      "nSG deleted the transferred SA " << spi);
            }
        });
        scenario.Run();
        std::vector<Mipv6HandoverScenario::Result> results = scenario.GetResults();
        NS_TEST_ASSERT_MSG_EQ(results.size(), 1u, "one handover");
        if (results.size() != 1)
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(results[0].path, "ct", "a plain transfer");
        NS_TEST_EXPECT_MSG_EQ(nsgFailures.size(), 0u, "nSG verified and decrypted everything");
        for (const auto& f : nsgFailures)
        {
            NS_TEST_EXPECT_MSG_EQ(f, "", "nSG failure");
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Transferred ESP SAs expire at nSG at the instant they would have at pSG (add time +
 * lifetime), not a lifetime after the transfer; the MN then rekeys with nSG by a quick mode under
 * the transferred ISAKMP SA, and probes flow again.
 */
class CxtpIkeTransferLifetimeTestCase : public TestCase
{
  public:
    CxtpIkeTransferLifetimeTestCase()
        : TestCase("transferred SAs expire at the original instant, then the MN rekeys with nSG")
    {
    }

  private:
    /// nSG's SAD Expire trace sink.
    static void Expired(std::vector<std::pair<Time, bool>>* log,
                        const IpsecSecurityAssociation& /* sa */,
                        bool hard)
    {
        log->emplace_back(Simulator::Now(), hard);
    }

    /// The MN daemon's Installed trace sink.
    static void Installed(std::vector<std::pair<Time, Ipv6Address>>* log,
                          const Ipv6Address& peer,
                          uint32_t /* in */,
                          uint32_t /* out */)
    {
        log->emplace_back(Simulator::Now(), peer);
    }

    void DoRun() override
    {
        CxtpTestIsolation isolation(4);
        Time lifetime = Seconds(3); // IKE carries whole seconds
        Config::SetDefault("ns3::Ikev1Daemon::Phase2Lifetime", TimeValue(lifetime));
        Mipv6HandoverScenario::Config config = MakeConfig(1);
        config.stop = Seconds(4.5);
        Mipv6HandoverScenario scenario(config);
        scenario.AssignStreams(0);
        Nodes n = GetNodes(scenario);
        // The detach is at handoverAt plus a random phase below one probe interval.
        Time at = config.handoverAt;
        std::vector<std::pair<Time, bool>> expiries;
        n.nsg->GetObject<IpsecSad>()->TraceConnectWithoutContext(
            "Expire",
            MakeBoundCallback(&CxtpIkeTransferLifetimeTestCase::Expired, &expiries));
        std::vector<std::pair<Time, Ipv6Address>> installs;
        n.mnIke->TraceConnectWithoutContext(
            "Installed",
            MakeBoundCallback(&CxtpIkeTransferLifetimeTestCase::Installed, &installs));
        Time added;
        Simulator::Schedule(at - MilliSeconds(1), [&]() {
            std::vector<IpsecSecurityAssociation> in =
                SasWith(n.psg, IpsecDirection::INBOUND, n.psgIke->GetSas().begin()->second.peer);
            NS_TEST_ASSERT_MSG_EQ(in.size(), 1u, "pSG's inbound SA");
            if (in.size() != 1)
            {
                return;
            }
            added = in[0].addTime;
        });
        Simulator::Schedule(at + MilliSeconds(300), [&]() {
            const Ikev1Sa* mn = n.mnIke->FindSa(n.nsgAddress);
            NS_TEST_ASSERT_MSG_NE(mn, nullptr, "the MN's ISAKMP SA is with nSG");
            if (!mn)
            {
                return;
            }
            for (auto direction : {IpsecDirection::INBOUND, IpsecDirection::OUTBOUND})
            {
                std::vector<IpsecSecurityAssociation> sas = SasWith(n.nsg, direction, mn->local);
                NS_TEST_EXPECT_MSG_EQ(sas.size(), 1u, "one SA each way at nSG");
                for (const auto& sa : sas)
                {
                    NS_TEST_EXPECT_MSG_EQ(sa.addTime, added, "nSG keeps pSG's add time");
                }
            }
        });
        scenario.Run();
        std::vector<Mipv6HandoverScenario::Result> results = scenario.GetResults();
        NS_TEST_ASSERT_MSG_EQ(results.size(), 1u, "one handover");
        if (results.size() != 1)
        {
            return;
        }
        const auto& r = results[0];
        NS_TEST_EXPECT_MSG_EQ(r.path, "ct", "a plain transfer");
        NS_TEST_ASSERT_MSG_GT(added + lifetime, r.tSec, "the SA outlives the transfer");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(expiries.size(), 2u, "both transferred SAs expired at nSG");
        if (expiries.size() < 2)
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(expiries[0].first, added + lifetime, "at pSG's instant");
        NS_TEST_EXPECT_MSG_EQ(expiries[0].second, true, "hard expiry");
        NS_TEST_EXPECT_MSG_EQ(expiries[1].first, added + lifetime, "both SAs at pSG's instant");
        // The first Installed is the initial IKE with pSG; the next one a quick mode with nSG.
        NS_TEST_ASSERT_MSG_EQ(installs.size(), 2u, "initial SAs, then a rekey");
        if (installs.size() != 2)
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(installs[1].second, n.nsgAddress, "rekeyed with nSG");
        NS_TEST_EXPECT_MSG_GT(installs[1].first, added + lifetime, "after the expiry");
        NS_TEST_EXPECT_MSG_LT(installs[1].first,
                              added + lifetime + config.probeInterval + MilliSeconds(5),
                              "at the next probe, one LAN quick mode later");
        NS_TEST_EXPECT_MSG_EQ(n.mnIke->GetSas().size(), 1u, "still one ISAKMP SA (no phase 1)");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief A forced SPI collision at nSG (ForceSpiCollision occupies the transferred inbound SPI
 * with another peer's SA): nSG installs the inbound SA under a fresh SPI and sends UPDATE_SPI
 * over the transferred ISAKMP SA; the MN moves its outbound SA to the new SPI and acknowledges;
 * the handover is ready only then (path "ct+update-spi"), the two informational messages are
 * counted on the access link, and the MN's packets decrypt at nSG under the new SPI. Back and
 * forth, so that both gateways play nSG.
 */
class CxtpUpdateSpiTestCase : public TestCase
{
  public:
    /// \param mode the transfer mode: predictive or reactive
    CxtpUpdateSpiTestCase(const std::string& mode)
        : TestCase("forced SPI collision (" + mode +
                   "): UPDATE_SPI over the transferred ISAKMP SA, both switch"),
          m_mode(mode)
    {
    }

  private:
    std::string m_mode; ///< transfer mode

    void DoRun() override
    {
        CxtpTestIsolation isolation(5);
        Config::SetDefault("ns3::CxtpAgent::ForceSpiCollision", BooleanValue(true));
        Mipv6HandoverScenario::Config config = MakeConfig(2);
        config.ctMode = m_mode;
        Mipv6HandoverScenario scenario(config);
        scenario.AssignStreams(0);
        Nodes n = GetNodes(scenario);
        std::vector<std::string> mnFailures;
        n.mnIke->TraceConnectWithoutContext("Failure",
                                            MakeBoundCallback(&RecordFailure, &mnFailures));
        uint32_t applied = 0;
        n.mnIke->TraceConnectWithoutContext(
            "UpdateSpiApplied",
            Callback<void, const Ipv6Address&, uint32_t, bool>(
                [&applied](const Ipv6Address&, uint32_t entries, bool ok) {
                    applied += ok ? entries : 0;
                }));
        Time first = config.handoverAt; // plus a random phase below one probe interval

        uint32_t oldSpi = 0;
        Simulator::Schedule(first - MilliSeconds(1), [&]() {
            std::vector<IpsecSecurityAssociation> out =
                SasWith(n.mn, IpsecDirection::OUTBOUND, n.psgAddress);
            NS_TEST_ASSERT_MSG_EQ(out.size(), 1u, "the MN's outbound SA to pSG");
            if (out.size() != 1)
            {
                return;
            }
            oldSpi = out[0].spi;
        });
        uint64_t nsgPackets = 0;
        Simulator::Schedule(first + MilliSeconds(550), [&]() {
            const Ikev1Sa* mn = n.mnIke->FindSa(n.nsgAddress);
            NS_TEST_ASSERT_MSG_NE(mn, nullptr, "the MN's ISAKMP SA is with nSG");
            if (!mn)
            {
                return;
            }
            Ipv6Address coa = mn->local;
            std::vector<IpsecSecurityAssociation> in = SasWith(n.nsg, IpsecDirection::INBOUND, coa);
            NS_TEST_ASSERT_MSG_EQ(in.size(), 1u, "nSG's inbound SA from the MN");
            if (in.size() != 1)
            {
                return;
            }
            uint32_t newSpi = in[0].spi;
            NS_TEST_EXPECT_MSG_NE(newSpi, oldSpi, "nSG took a fresh SPI");
            const IpsecSecurityAssociation* other =
                n.nsg->GetObject<IpsecSad>()->Find(IpsecDirection::INBOUND, oldSpi, Ipv6Address());
            NS_TEST_ASSERT_MSG_NE(other, nullptr, "the old SPI is really in use at nSG");
            if (!other)
            {
                return;
            }
            NS_TEST_EXPECT_MSG_NE(other->source, coa, "by another peer's SA");
            std::vector<IpsecSecurityAssociation> out =
                SasWith(n.mn, IpsecDirection::OUTBOUND, n.nsgAddress);
            NS_TEST_ASSERT_MSG_EQ(out.size(), 1u, "one outbound SA at the MN");
            if (out.size() != 1)
            {
                return;
            }
            NS_TEST_EXPECT_MSG_EQ(out[0].spi, newSpi, "the MN sends to the new SPI");
            NS_TEST_EXPECT_MSG_GT(out[0].sequence, 0u, "with the counter it had");
            NS_TEST_EXPECT_MSG_GT(in[0].packets, 0u, "the MN's packets decrypt at nSG");
            nsgPackets = in[0].packets;
            const Ikev1Sa* nsg = n.nsgIke->FindSa(coa);
            NS_TEST_ASSERT_MSG_NE(nsg, nullptr, "nSG's ISAKMP SA");
            if (!nsg)
            {
                return;
            }
            NS_TEST_EXPECT_MSG_EQ(nsg->quickModes.begin()->second.inboundSpi,
                                  newSpi,
                                  "nSG's quick mode knows its SPI");
            NS_TEST_EXPECT_MSG_EQ(mn->quickModes.begin()->second.outboundSpi,
                                  newSpi,
                                  "so does the MN's");
        });
        scenario.Run();
        std::vector<Mipv6HandoverScenario::Result> results = scenario.GetResults();
        Ptr<IpsecEspL4Protocol> mnEsp = n.mn->GetObject<IpsecEspL4Protocol>();
        for (auto reason : {IpsecDropReason::NO_SA,
                            IpsecDropReason::REPLAY,
                            IpsecDropReason::BAD_ICV,
                            IpsecDropReason::POLICY_DISCARD})
        {
            NS_TEST_EXPECT_MSG_EQ(mnEsp->GetDropCount(reason), 0, "MN drops " << reason);
        }
        NS_TEST_EXPECT_MSG_GT(nsgPackets, 0u, "traffic on the new SPI");
        NS_TEST_EXPECT_MSG_EQ(applied, 2u, "one ESP entry at each handover");
        NS_TEST_EXPECT_MSG_EQ(mnFailures.size(), 0u, "nothing went wrong at the MN");
        NS_TEST_ASSERT_MSG_EQ(results.size(), 2u, "two handovers");
        if (n.mnIke->GetSas().empty())
        {
            return;
        }
        // The ISAKMP SA protects the informationals: HDR (28) + HASH(1) (4 + 20) + N (12 + one
        // 12-octet entry) = 76 octets, 48 of them encrypted and padded by 1..bs octets.
        uint32_t bs = GetEncryptionBlockSize(n.mnIke->GetSas().begin()->second.encryption);
        uint32_t isakmp = 28 + 48 + (bs - 48 % bs);
        for (const auto& r : results)
        {
            std::string h = "handover " + std::to_string(r.index) + ": ";
            NS_TEST_EXPECT_MSG_EQ(r.path, "ct+update-spi", h << "UPDATE_SPI ran");
            NS_TEST_EXPECT_MSG_EQ(r.messages, 3u, h << "CTAR, UPDATE_SPI, UPDATE_SPI_ACK");
            NS_TEST_EXPECT_MSG_EQ(r.bytes,
                                  106u + 2 * (isakmp + 8 + 40 + 14),
                                  h << "CTAR + two informationals (UDP, IPv6, Ethernet)");
            // Predictive: the contexts wait at nSG, so the CTAR, UPDATE_SPI and its ack on the
            // access link; reactive: CT-Req and CTD cross the core too (profile zero: no
            // processing time; nSG may resolve the new CoA's link-layer address first).
            Time path = m_mode == "predictive" ? 3 * config.accessDelay
                                               : 4 * config.coreDelay + 3 * config.accessDelay;
            NS_TEST_EXPECT_MSG_GT_OR_EQ(r.SecurityDelay(), path, h << "delay >= paths");
            NS_TEST_EXPECT_MSG_LT(r.SecurityDelay(),
                                  path + MilliSeconds(1),
                                  h << "delay = paths + transmission");
            NS_TEST_EXPECT_MSG_GT(r.receivedUpAfter, 0, h << "uplink probes flow");
            NS_TEST_EXPECT_MSG_GT(r.receivedDownAfter, 0, h << "downlink probes flow");
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The transferred ISAKMP SA's initiator cookie is already in use at nSG (occupied before
 * the move by an ISAKMP SA of another peer with the same cookie): nSG gives the SA a fresh
 * cookie pair and announces it with an ISAKMP entry in UPDATE_SPI, sent under the old cookies;
 * the MN re-keys its SA and acknowledges under the new ones; the MN's later DELETE reaches nSG
 * under the new cookies.
 */
class CxtpUpdateCookieTestCase : public TestCase
{
  public:
    CxtpUpdateCookieTestCase()
        : TestCase("ISAKMP cookie collision: new cookies through UPDATE_SPI, DELETE still works")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation(6);
        Mipv6HandoverScenario::Config config = MakeConfig(1);
        config.ctMode = "reactive"; // the other cases run the default, predictive
        Mipv6HandoverScenario scenario(config);
        scenario.AssignStreams(0);
        Nodes n = GetNodes(scenario);
        Time at = config.handoverAt; // plus a random phase below one probe interval
        Ipv6Address stranger("fd00:dead::2");
        uint64_t cookie = 0;
        Simulator::Schedule(at - MilliSeconds(1), [&]() {
            const Ikev1Sa* sa = n.mnIke->FindSa(n.psgAddress);
            NS_TEST_ASSERT_MSG_NE(sa, nullptr, "MN-pSG ISAKMP SA");
            if (!sa)
            {
                return;
            }
            cookie = sa->initiatorCookie;
            Ikev1Sa other;
            NS_TEST_ASSERT_MSG_EQ(n.psgIke->ExportSa(sa->local, other), true, "pSG exports");
            std::vector<IkeSpiUpdate> updates;
            NS_TEST_EXPECT_MSG_EQ(n.nsgIke->ImportSa(other, n.nsgAddress, stranger, updates),
                                  "",
                                  "another peer's SA with the same cookie at nSG");
            NS_TEST_EXPECT_MSG_EQ(updates.size(), 0u, "that one did not collide");
        });
        uint64_t newCookie = 0;
        std::vector<std::pair<uint32_t, Ikev1State>> deletions;
        Simulator::Schedule(at + MilliSeconds(550), [&]() {
            const Ikev1Sa* mn = n.mnIke->FindSa(n.nsgAddress);
            NS_TEST_ASSERT_MSG_NE(mn, nullptr, "the MN's ISAKMP SA is with nSG");
            if (!mn)
            {
                return;
            }
            newCookie = mn->initiatorCookie;
            NS_TEST_EXPECT_MSG_NE(newCookie, cookie, "the MN took the new cookies");
            const Ikev1Sa* nsg = n.nsgIke->FindSa(mn->local);
            NS_TEST_ASSERT_MSG_NE(nsg, nullptr, "nSG's copy");
            if (!nsg)
            {
                return;
            }
            NS_TEST_EXPECT_MSG_EQ(nsg->initiatorCookie, newCookie, "same CKY-I at both ends");
            NS_TEST_EXPECT_MSG_EQ(nsg->responderCookie, mn->responderCookie, "same CKY-R");
            NS_TEST_EXPECT_MSG_EQ(n.nsgIke->GetSas().count(cookie), 1u, "the stranger keeps his");
            n.nsgIke->TraceConnectWithoutContext(
                "StateTransition",
                Callback<void, const Ipv6Address&, uint32_t, Ikev1State, Ikev1State>(
                    [&deletions](const Ipv6Address&, uint32_t mid, Ikev1State, Ikev1State to) {
                        deletions.emplace_back(mid, to);
                    }));
            n.mnIke->Delete(n.nsgAddress);
        });
        Simulator::Schedule(at + MilliSeconds(551), [&]() {
            NS_TEST_EXPECT_MSG_EQ(deletions.size(), 2u, "ESP pair and ISAKMP SA deleted at nSG");
            NS_TEST_EXPECT_MSG_EQ(n.nsgIke->GetSas().count(newCookie), 0u, "under the new cookie");
            NS_TEST_EXPECT_MSG_EQ(n.nsgIke->GetSas().count(cookie), 1u, "not the stranger's");
        });
        scenario.Run();
        std::vector<Mipv6HandoverScenario::Result> results = scenario.GetResults();
        NS_TEST_ASSERT_MSG_EQ(results.size(), 1u, "one handover");
        if (results.size() != 1)
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(results[0].path, "ct+update-spi", "UPDATE_SPI ran");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief UPDATE_SPI survives a loss on the access link: the first UPDATE_SPI (to the MN) or the
 * first UPDATE_SPI_ACK (to nSG) is dropped; nSG retransmits after RetryInterval, the MN applies
 * the change once (a repeated UPDATE_SPI is acknowledged again without re-adding anything), and
 * the handover is ready one retransmission interval later.
 */
class CxtpUpdateSpiLossTestCase : public TestCase
{
  public:
    /// \param dropAck drop the acknowledgement (at nSG) instead of the UPDATE_SPI (at the MN)
    CxtpUpdateSpiLossTestCase(bool dropAck)
        : TestCase(std::string("UPDATE_SPI retransmitted after a lost ") +
                   (dropAck ? "UPDATE_SPI_ACK" : "UPDATE_SPI")),
          m_dropAck(dropAck)
    {
    }

  private:
    bool m_dropAck; ///< which message is lost

    void DoRun() override
    {
        CxtpTestIsolation isolation(7);
        Time retry = MilliSeconds(100);
        Config::SetDefault("ns3::CxtpAgent::ForceSpiCollision", BooleanValue(true));
        Config::SetDefault("ns3::Ikev1Daemon::RetryInterval", TimeValue(retry));
        Mipv6HandoverScenario::Config config = MakeConfig(1);
        Mipv6HandoverScenario scenario(config);
        scenario.AssignStreams(0);
        Nodes n = GetNodes(scenario);
        Ptr<DropFirstIke> drop = CreateObject<DropFirstIke>(config.handoverAt);
        Ptr<NetDevice> device = m_dropAck ? CsmaDevice(n.nsg, 0) : CsmaDevice(n.mn, 1);
        NS_TEST_ASSERT_MSG_NE(device, nullptr, "the access device");
        if (!device)
        {
            return;
        }
        device->SetAttribute("ReceiveErrorModel", PointerValue(drop));
        std::vector<bool> applied;
        n.mnIke->TraceConnectWithoutContext(
            "UpdateSpiApplied",
            Callback<void, const Ipv6Address&, uint32_t, bool>(
                [&applied](const Ipv6Address&, uint32_t, bool ok) { applied.push_back(ok); }));
        uint32_t adds = 0;
        n.mn->GetObject<IpsecPfKey>()->TraceConnectWithoutContext(
            "Message",
            Callback<void, IpsecPfKeyMessage, uint32_t, uint32_t>(
                [&adds](IpsecPfKeyMessage type, uint32_t, uint32_t) {
                    adds += type == IpsecPfKeyMessage::ADD ? 1 : 0;
                }));
        uint32_t addsBefore = 0;
        Simulator::Schedule(config.handoverAt, [&]() { addsBefore = adds; });
        scenario.Run();
        std::vector<Mipv6HandoverScenario::Result> results = scenario.GetResults();
        NS_TEST_EXPECT_MSG_EQ(drop->GetDropped(), 1u, "one IKE frame lost");
        NS_TEST_ASSERT_MSG_EQ(results.size(), 1u, "one handover");
        if (results.size() != 1)
        {
            return;
        }
        const auto& r = results[0];
        NS_TEST_EXPECT_MSG_EQ(r.path, "ct+update-spi", "UPDATE_SPI completed");
        // Applied (and acknowledged) once if the UPDATE_SPI was lost, twice if the ack was.
        NS_TEST_EXPECT_MSG_EQ(applied.size(), (m_dropAck ? 2u : 1u), "UPDATE_SPI handled");
        for (bool ok : applied)
        {
            NS_TEST_EXPECT_MSG_EQ(ok, true, "and acknowledged");
        }
        // Tunnel move: the outbound SA re-added under the new CoA; UPDATE_SPI: once more.
        NS_TEST_EXPECT_MSG_EQ(adds - addsBefore, 2u, "the new SPI is added only once");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(r.SecurityDelay(), retry, "ready after a retransmission");
        NS_TEST_EXPECT_MSG_LT(r.SecurityDelay(), retry + MilliSeconds(1), "and not later");
        // Frames on the link, lost ones included: CTAR, UPDATE_SPI, (ack,) UPDATE_SPI again, ack.
        NS_TEST_EXPECT_MSG_EQ(r.messages, (m_dropAck ? 5u : 4u), "CTAR and the IKE frames");
        NS_TEST_EXPECT_MSG_GT(r.receivedUpAfter, 0, "uplink probes flow");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The IKE SA transfer and UPDATE_SPI system suite.
 */
class CxtpIkeTransferTestSuite : public TestSuite
{
  public:
    CxtpIkeTransferTestSuite()
        : TestSuite("cxtp-ipsec-ike-transfer", TestSuite::SYSTEM)
    {
        AddTestCase(new CxtpIkeTransferDeleteTestCase, TestCase::QUICK);
        AddTestCase(new CxtpIkeTransferLifetimeTestCase, TestCase::QUICK);
        AddTestCase(new CxtpUpdateSpiTestCase("predictive"), TestCase::QUICK);
        AddTestCase(new CxtpUpdateSpiTestCase("reactive"), TestCase::QUICK);
        AddTestCase(new CxtpUpdateCookieTestCase, TestCase::QUICK);
        AddTestCase(new CxtpUpdateSpiLossTestCase(false), TestCase::QUICK);
        AddTestCase(new CxtpUpdateSpiLossTestCase(true), TestCase::QUICK);
    }
};

/// The suite's static instance.
static CxtpIkeTransferTestSuite g_cxtpIkeTransferTestSuite;
