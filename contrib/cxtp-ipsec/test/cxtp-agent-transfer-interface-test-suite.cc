/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Unit tests of what the CXTP agent asks of the IKE daemon through the version-neutral
// IkeSaTransfer interface, with a fake daemon on pSG, nSG and the MN: the export at pSG, the
// opaque block carried to nSG's import with the rewritten rule ids and SPIs, the MN's MovePeer,
// pSG's Forget after the CTDR, and UPDATE_SPI after a forced SPI collision.

#include "cxtp-agent-test-topology.h"
#include "cxtp-test-isolation.h"

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/cxtp-ipsec-module.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <map>
#include <set>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::cxtptest;

namespace
{

constexpr uint32_t SEQUENCE = 9;

/**
 * \ingroup cxtp-ipsec-tests
 * \brief An IKE daemon stand-in: an Application (so that IkeSaTransfer::ForNode finds it) that
 * implements IkeSaTransfer by recording every call. Its context block is an IKEV1_SA block of
 * bytes that no codec reads: the agent has to carry it without looking into it. UPDATE_SPI is
 * acknowledged only when the test calls CompleteSpiUpdates().
 */
class FakeIkeSaTransfer : public Application, public IkeSaTransfer
{
  public:
    static constexpr Handle EXPORTED = 0x1111222233334444; ///< the SA ExportSa() hands out
    static constexpr Handle IMPORTED = 0x5555666677778888; ///< the SA ImportSa() creates

    /// One ImportSa() call.
    struct Import
    {
        CxtpContextBlock block;            ///< the block
        Ipv6Address local;                 ///< local address given
        Ipv6Address peer;                  ///< peer address given
        Rewrite rewrite;                   ///< rule ids and inbound SPIs given
        std::vector<IkeSpiUpdate> updates; ///< SPI changes so far, as given
    };

    /// One MovePeer() call.
    struct Move
    {
        Ipv6Address oldPeer;                    ///< the old gateway
        Ipv6Address newPeer;                    ///< the new gateway
        Ipv6Address newLocal;                   ///< the new CoA
        std::map<uint32_t, uint32_t> policyIds; ///< old rule id -> new rule id
    };

    /// One SendSpiUpdates() call.
    struct SpiUpdates
    {
        Handle handle{0};                  ///< the SA
        std::vector<IkeSpiUpdate> updates; ///< the entries
        Callback<void, bool> done;         ///< the completion
    };

    /// \return the TypeId
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::CxtpAgentTestFakeIkeSaTransfer")
                                .SetParent<Application>()
                                .SetGroupName("CxtpIpsec");
        return tid;
    }

    /// \return the block ExportSa() hands out: 28 octets, so that no padding is added on the wire
    static CxtpContextBlock Block()
    {
        CxtpContextBlock block;
        block.fpt = CxtpFeatureProfile::IKEV1_SA;
        for (uint8_t i = 0; i < 28; ++i)
        {
            block.data.push_back(static_cast<uint8_t>(0xa5 ^ (i * 37)));
        }
        return block;
    }

    CxtpFeatureProfile GetContextProfile() const override
    {
        return CxtpFeatureProfile::IKEV1_SA;
    }

    bool ExportSa(const Ipv6Address& peer, CxtpContextBlock& block, Handle& handle) const override
    {
        exports.push_back(peer);
        block = Block();
        handle = EXPORTED;
        return true;
    }

    std::string ImportSa(const CxtpContextBlock& block,
                         const Ipv6Address& local,
                         const Ipv6Address& peer,
                         const Rewrite& rewrite,
                         Handle& handle,
                         std::vector<IkeSpiUpdate>& updates) override
    {
        imports.push_back({block, local, peer, rewrite, updates});
        handle = IMPORTED;
        held.insert(handle);
        return "";
    }

    uint32_t MovePeer(const Ipv6Address& oldPeer,
                      const Ipv6Address& newPeer,
                      const Ipv6Address& newLocal,
                      const std::map<uint32_t, uint32_t>& policyIds) override
    {
        moves.push_back({oldPeer, newPeer, newLocal, policyIds});
        return 1;
    }

    void Purge(const Ipv6Address& peer) override
    {
        purges.push_back(peer);
    }

    bool Forget(Handle handle) override
    {
        forgotten.push_back(handle);
        return true;
    }

    bool HasSa(Handle handle) const override
    {
        return held.count(handle) != 0;
    }

    void SendSpiUpdates(Handle handle,
                        const std::vector<IkeSpiUpdate>& updates,
                        Callback<void, bool> done) override
    {
        spiUpdates.push_back({handle, updates, done});
    }

    /// \param acknowledged what the last SendSpiUpdates() call is told
    void CompleteSpiUpdates(bool acknowledged)
    {
        if (!spiUpdates.empty())
        {
            spiUpdates.back().done(acknowledged);
        }
    }

    mutable std::vector<Ipv6Address> exports; ///< ExportSa() peers
    std::vector<Import> imports;              ///< ImportSa() calls
    std::vector<Move> moves;                  ///< MovePeer() calls
    std::vector<Ipv6Address> purges;          ///< Purge() peers
    std::vector<Handle> forgotten;            ///< Forget() handles
    std::vector<SpiUpdates> spiUpdates;       ///< SendSpiUpdates() calls
    std::set<Handle> held;                    ///< SAs imported
};

/// What the agent of one node reported.
struct AgentEvents
{
    std::vector<std::string> failures; ///< Failure reasons
    std::vector<Time> failedAt;        ///< their times
    uint32_t installed{0};             ///< Installed events
    Time installedAt;                  ///< time of the last one
    uint32_t spiUpdated{0};            ///< SpiUpdated events
    size_t forgottenAtCtdr{99};        ///< pSG: Forget() calls when the CTDR arrived
};

/**
 * \brief Records what an agent reports.
 * \param agent the agent
 * \param fake the IKE daemon stand-in of its node
 * \param e where to record
 */
void
Record(Ptr<CxtpAgent> agent, Ptr<FakeIkeSaTransfer> fake, AgentEvents* e)
{
    agent->TraceConnectWithoutContext(
        "Failure",
        Callback<void, Ipv6Address, std::string>([e](Ipv6Address, std::string reason) {
            e->failures.push_back(reason);
            e->failedAt.push_back(Simulator::Now());
        }));
    agent->TraceConnectWithoutContext(
        "Installed",
        Callback<void, Ipv6Address, uint32_t>([e](Ipv6Address, uint32_t) {
            e->installed++;
            e->installedAt = Simulator::Now();
        }));
    agent->TraceConnectWithoutContext(
        "SpiUpdated",
        Callback<void, Ipv6Address, uint32_t>([e](Ipv6Address, uint32_t) { e->spiUpdated++; }));
    agent->TraceConnectWithoutContext(
        "Rx",
        Callback<void, uint8_t, uint32_t>([e, fake](uint8_t type, uint32_t) {
            if (type == CxtpHeader::CTDR)
            {
                e->forgottenAtCtdr = fake->forgotten.size();
            }
        }));
}

/**
 * \brief A FakeIkeSaTransfer and a CxtpAgent on every node (MN: mobile role, pSG and nSG:
 * gateways), the MN's token key known to the MN and pSG, every agent recorded.
 * \param topology the network
 * \param [out] fakes the fakes, MN, pSG, nSG
 * \param [out] agents the agents, MN, pSG, nSG
 * \param [out] events one record per node
 */
void
Deploy(CxtpAgentTestTopology& topology,
       std::vector<Ptr<FakeIkeSaTransfer>>& fakes,
       std::vector<Ptr<CxtpAgent>>& agents,
       std::vector<AgentEvents>& events)
{
    for (uint32_t n = 0; n < topology.nodes.GetN(); ++n)
    {
        Ptr<FakeIkeSaTransfer> fake = CreateObject<FakeIkeSaTransfer>();
        topology.nodes.Get(n)->AddApplication(fake);
        fakes.push_back(fake);
        Ptr<CxtpAgent> agent = CreateObject<CxtpAgent>();
        agent->SetAttribute("Role", StringValue(n == 0 ? "mobile" : "gateway"));
        topology.nodes.Get(n)->AddApplication(agent);
        Record(agent, fake, &events[n]);
        agents.push_back(agent);
    }
    std::vector<uint8_t> key(20, 0x3c);
    agents[0]->SetTokenKey(cxtptest::MN_PREVIOUS, key);
    agents[1]->SetTokenKey(cxtptest::MN_PREVIOUS, key);
}

/// How the transfer is run.
enum class Collision
{
    NONE,         ///< no SPI collision
    ACKNOWLEDGED, ///< forced collision, UPDATE_SPI acknowledged
    REFUSED,      ///< forced collision, UPDATE_SPI given up
};

/**
 * \param spis old SPI -> new SPI
 * \return the UPDATE_SPI ESP entries announcing them (4-octet SPIs, network order)
 */
std::vector<IkeSpiUpdate>
EspUpdates(const std::map<uint32_t, uint32_t>& spis)
{
    auto bytes = [](uint32_t spi) {
        return std::vector<uint8_t>{static_cast<uint8_t>(spi >> 24),
                                    static_cast<uint8_t>(spi >> 16),
                                    static_cast<uint8_t>(spi >> 8),
                                    static_cast<uint8_t>(spi)};
    };
    std::vector<IkeSpiUpdate> updates;
    for (const auto& [old, spi] : spis)
    {
        IkeSpiUpdate update;
        update.protocolId = IkeSpiUpdate::PROTOCOL_ESP;
        update.oldSpi = bytes(old);
        update.newSpi = bytes(spi);
        updates.push_back(update);
    }
    return updates;
}

/**
 * \param node a node after the transfer
 * \param remote its tunnel peer now
 * \param oldOut the id its outbound rule had before
 * \param oldIn the id its inbound rule had before
 * \return old id -> the id of the node's PROTECT rule of that direction towards \p remote;
 *         empty unless there is exactly one per direction
 */
std::map<uint32_t, uint32_t>
RenamedRules(Ptr<Node> node, const Ipv6Address& remote, uint32_t oldOut, uint32_t oldIn)
{
    std::map<IpsecDirection, std::vector<uint32_t>> now;
    for (const auto& rule : node->GetObject<IpsecSpd>()->GetPolicies())
    {
        if (rule.action == IpsecPolicyAction::PROTECT && rule.tunnelRemote == remote)
        {
            now[rule.direction].push_back(rule.id);
        }
    }
    if (now[IpsecDirection::OUTBOUND].size() != 1 || now[IpsecDirection::INBOUND].size() != 1)
    {
        return {};
    }
    return {{oldOut, now[IpsecDirection::OUTBOUND][0]}, {oldIn, now[IpsecDirection::INBOUND][0]}};
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief A reactive transfer MN — pSG → nSG (CxtpAgentTestTopology) with a FakeIkeSaTransfer on
 * every node: checks each IkeSaTransfer call the agents make, and with a forced SPI collision
 * that "Installed" waits for the fake's UPDATE_SPI completion (and fails without it).
 */
class CxtpAgentTransferInterfaceTestCase : public TestCase
{
  public:
    /// \param collision the SPI collision case \param name the test name
    CxtpAgentTransferInterfaceTestCase(Collision collision, const std::string& name)
        : TestCase(name),
          m_collision(collision)
    {
    }

  private:
    void DoRun() override;
    /**
     * \param topology the network, after the transfer
     * \param mn the MN's fake
     */
    void CheckMove(const CxtpAgentTestTopology& topology, Ptr<FakeIkeSaTransfer> mn);
    /**
     * \param topology the network, after the transfer
     * \return pSG's inbound SPI -> the SPI nSG installed the SA under, if they differ
     */
    std::map<uint32_t, uint32_t> ChangedSpis(const CxtpAgentTestTopology& topology);
    /**
     * \param topology the network, after the transfer
     * \param nsg nSG's fake
     * \param spis the SPIs changed at nSG
     */
    void CheckImport(const CxtpAgentTestTopology& topology,
                     Ptr<FakeIkeSaTransfer> nsg,
                     const std::map<uint32_t, uint32_t>& spis);
    /**
     * \param nsg nSG's fake
     * \param events nSG's agent's events
     * \param spis the SPIs changed at nSG
     */
    void CheckSpiUpdates(Ptr<FakeIkeSaTransfer> nsg,
                         const AgentEvents& events,
                         const std::map<uint32_t, uint32_t>& spis);

    Collision m_collision; ///< the case
};

/// When the fake answers UPDATE_SPI: long after the contexts are installed (about 1.014 s).
const Time UPDATE_SPI_DONE = Seconds(1.5);

void
CxtpAgentTransferInterfaceTestCase::DoRun()
{
    CxtpTestIsolation isolation;
    Config::SetDefault("ns3::CxtpAgent::ForceSpiCollision",
                       BooleanValue(m_collision != Collision::NONE));
    CxtpAgentTestTopology topology;
    std::vector<Ptr<FakeIkeSaTransfer>> fakes;
    std::vector<Ptr<CxtpAgent>> agents;
    std::vector<AgentEvents> events(3);
    Deploy(topology, fakes, agents, events);

    Simulator::Schedule(Seconds(1), &CxtpAgentTestTopology::Move, &topology);
    Simulator::Schedule(Seconds(1.01),
                        &CxtpAgent::SendCtar,
                        agents[0],
                        NSG_ACCESS,
                        MN_PREVIOUS,
                        PSG_ACCESS,
                        SEQUENCE);
    uint32_t installedBeforeAck = 99;
    Simulator::Schedule(UPDATE_SPI_DONE - MilliSeconds(1),
                        [&]() { installedBeforeAck = events[2].installed; });
    Simulator::Schedule(UPDATE_SPI_DONE,
                        &FakeIkeSaTransfer::CompleteSpiUpdates,
                        fakes[2],
                        m_collision != Collision::REFUSED);
    Simulator::Stop(Seconds(2));
    Simulator::Run();

    // pSG exported the MN's IKE SA, and forgot it once the CTDR had come. (A failed
    // NS_TEST_ASSERT does not return here: the recorded calls are checked in loops.)
    Ptr<FakeIkeSaTransfer> psg = fakes[1];
    NS_TEST_EXPECT_MSG_EQ(psg->exports.size(), 1, "pSG's daemon exports once");
    for (const auto& peer : psg->exports)
    {
        NS_TEST_EXPECT_MSG_EQ(peer, MN_PREVIOUS, "the SA with the MN's previous address");
    }
    NS_TEST_EXPECT_MSG_EQ(events[1].forgottenAtCtdr, 0, "nothing forgotten before the CTDR");
    NS_TEST_EXPECT_MSG_EQ(psg->forgotten.size(), 1, "pSG's daemon forgets once");
    for (auto handle : psg->forgotten)
    {
        NS_TEST_EXPECT_MSG_EQ(handle, FakeIkeSaTransfer::EXPORTED, "the SA its ExportSa returned");
    }
    NS_TEST_EXPECT_MSG_EQ(psg->imports.size() + psg->moves.size() + psg->spiUpdates.size(),
                          0,
                          "pSG's daemon imports, moves and announces nothing");
    CheckMove(topology, fakes[0]);
    std::map<uint32_t, uint32_t> spis = ChangedSpis(topology);
    CheckImport(topology, fakes[2], spis);
    CheckSpiUpdates(fakes[2], events[2], spis);
    if (m_collision != Collision::NONE)
    {
        NS_TEST_EXPECT_MSG_EQ(installedBeforeAck, 0, "not installed before UPDATE_SPI completes");
    }
    for (const auto& fake : fakes)
    {
        NS_TEST_EXPECT_MSG_EQ(fake->purges.size(), 0, "no Purge");
    }
}

void
CxtpAgentTransferInterfaceTestCase::CheckMove(const CxtpAgentTestTopology& topology,
                                              Ptr<FakeIkeSaTransfer> mn)
{
    // The MN moved its IKE SAs with the tunnel: pSG -> nSG, its rules renamed.
    const IpsecHelper::Tunnel& tunnel = topology.tunnel;
    std::map<uint32_t, uint32_t> ids =
        RenamedRules(topology.mn, NSG_ACCESS, tunnel.outPolicyA, tunnel.inPolicyA);
    NS_TEST_EXPECT_MSG_EQ(ids.size(), 2, "the MN has one rule per direction towards nSG");
    NS_TEST_EXPECT_MSG_EQ(mn->moves.size(), 1, "the MN's daemon moves once");
    for (const auto& move : mn->moves)
    {
        NS_TEST_EXPECT_MSG_EQ(move.oldPeer, PSG_ACCESS, "from pSG");
        NS_TEST_EXPECT_MSG_EQ(move.newPeer, NSG_ACCESS, "to nSG");
        NS_TEST_EXPECT_MSG_EQ(move.newLocal, MN_NEW, "from the new CoA");
        NS_TEST_EXPECT_MSG_EQ((move.policyIds == ids), true, "the MN's rule ids renamed");
    }
    NS_TEST_EXPECT_MSG_EQ(mn->exports.size() + mn->imports.size(), 0, "the MN transfers nothing");
}

std::map<uint32_t, uint32_t>
CxtpAgentTransferInterfaceTestCase::ChangedSpis(const CxtpAgentTestTopology& topology)
{
    std::map<uint32_t, uint32_t> spis;
    uint32_t old = topology.tunnel.spiAtoB; // pSG's inbound SA from the MN
    for (const auto& sa : topology.nsg->GetObject<IpsecSad>()->Dump())
    {
        if (sa.direction == IpsecDirection::INBOUND && sa.source == MN_NEW && sa.spi != old)
        {
            spis[old] = sa.spi; // installed under another SPI
        }
    }
    size_t changed = m_collision == Collision::NONE ? 0 : 1;
    NS_TEST_EXPECT_MSG_EQ(spis.size(), changed, "SPIs changed at nSG");
    return spis;
}

void
CxtpAgentTransferInterfaceTestCase::CheckImport(const CxtpAgentTestTopology& topology,
                                                Ptr<FakeIkeSaTransfer> nsg,
                                                const std::map<uint32_t, uint32_t>& spis)
{
    // nSG imported the block unchanged, between its address and the new CoA, with the ids of
    // the rules it installed and the SPIs it installed the inbound SA under.
    const IpsecHelper::Tunnel& tunnel = topology.tunnel;
    std::map<uint32_t, uint32_t> ids =
        RenamedRules(topology.nsg, MN_NEW, tunnel.outPolicyB, tunnel.inPolicyB);
    NS_TEST_EXPECT_MSG_EQ(ids.size(), 2, "nSG has one rule per direction towards the new CoA");
    NS_TEST_EXPECT_MSG_EQ(nsg->imports.size(), 1, "nSG's daemon imports once");
    for (const auto& import : nsg->imports)
    {
        NS_TEST_EXPECT_MSG_EQ((import.block == FakeIkeSaTransfer::Block()),
                              true,
                              "the block pSG exported, unread and unchanged");
        NS_TEST_EXPECT_MSG_EQ(import.local, NSG_ACCESS, "local = nSG's address on the MN's link");
        NS_TEST_EXPECT_MSG_EQ(import.peer, MN_NEW, "peer = the MN's new CoA");
        NS_TEST_EXPECT_MSG_EQ((import.rewrite.policyIds == ids),
                              true,
                              "pSG's rule ids -> the ids installed at nSG");
        NS_TEST_EXPECT_MSG_EQ((import.rewrite.inboundSpis == spis),
                              true,
                              "pSG's inbound SPIs -> the SPIs installed at nSG");
        NS_TEST_EXPECT_MSG_EQ((import.updates == EspUpdates(spis)),
                              true,
                              "ImportSa is told the ESP entries");
    }
    NS_TEST_EXPECT_MSG_EQ(nsg->exports.size() + nsg->forgotten.size(), 0, "nSG exports nothing");
}

void
CxtpAgentTransferInterfaceTestCase::CheckSpiUpdates(Ptr<FakeIkeSaTransfer> nsg,
                                                    const AgentEvents& events,
                                                    const std::map<uint32_t, uint32_t>& spis)
{
    size_t calls = m_collision == Collision::NONE ? 0 : 1;
    NS_TEST_EXPECT_MSG_EQ(nsg->spiUpdates.size(), calls, "UPDATE_SPI iff an SPI collided");
    for (const auto& call : nsg->spiUpdates)
    {
        NS_TEST_EXPECT_MSG_EQ(call.handle,
                              FakeIkeSaTransfer::IMPORTED,
                              "under the SA ImportSa returned");
        NS_TEST_EXPECT_MSG_EQ((call.updates == EspUpdates(spis)),
                              true,
                              "the ESP entry: old SPI -> new SPI");
    }
    bool success = m_collision != Collision::REFUSED;
    uint32_t installed = success ? 1 : 0;
    uint32_t spiUpdated = m_collision == Collision::ACKNOWLEDGED ? 1 : 0;
    size_t failures = success ? 0 : 1;
    NS_TEST_EXPECT_MSG_EQ(events.installed, installed, "installed iff acknowledged");
    NS_TEST_EXPECT_MSG_EQ(events.spiUpdated, spiUpdated, "SpiUpdated iff acknowledged");
    if (m_collision == Collision::ACKNOWLEDGED)
    {
        NS_TEST_EXPECT_MSG_EQ(events.installedAt, UPDATE_SPI_DONE, "installed when acknowledged");
    }
    NS_TEST_EXPECT_MSG_EQ(events.failures.size(), failures, "failures at nSG");
    for (size_t i = 0; i < events.failures.size(); ++i)
    {
        NS_TEST_EXPECT_MSG_EQ(events.failures[i], "update-spi failed", "UPDATE_SPI failed");
        NS_TEST_EXPECT_MSG_EQ(events.failedAt[i], UPDATE_SPI_DONE, "when given up");
    }
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief A predictive transfer with a per-message cost at nSG: pSG retransmits its PCTD after
 * RetryInterval (no CTDR comes before the MN's CTAR; pSG's MaxHandoverTime is set to almost
 * nothing, so that its push timeout has no allowance for the move, as once its push round trip
 * is measured shorter than a move), and nSG recognises the copy of the PCTD it holds before
 * booking any work, as the IKE daemons recognise a repeated request. Its processor serves the
 * PCTD once, and a CTAR arriving right after the copy is served at once.
 */
class CxtpAgentPctdCopyTestCase : public TestCase
{
  public:
    CxtpAgentPctdCopyTestCase()
        : TestCase("a retransmitted PCTD nSG holds costs no work; the CTAR does not wait for it")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        CxtpAgentTestTopology topology;
        Ptr<CryptoCostModel> cost = CreateObject<CryptoCostModel>();
        cost->SetProfile("testbed-2008");
        topology.nsg->AggregateObject(cost);
        const Time processing = cost->CxtpProcessing(); // per message, milliseconds
        std::vector<Ptr<FakeIkeSaTransfer>> fakes;
        std::vector<Ptr<CxtpAgent>> agents;
        std::vector<AgentEvents> events(3);
        Deploy(topology, fakes, agents, events);
        agents[1]->SetAttribute("MaxHandoverTime", TimeValue(Time(1))); // pSG: no allowance
        uint32_t pctdsReceived = 0;
        Time copyArrived;
        agents[2]->TraceConnectWithoutContext(
            "Rx",
            Callback<void, uint8_t, uint32_t>([&](uint8_t type, uint32_t) {
                if (type == CxtpHeader::PCTD && ++pctdsReceived == 2)
                {
                    copyArrived = Simulator::Now();
                }
            }));
        std::vector<Time> work;
        IpsecWorkClock::Get(topology.nsg)
            ->TraceConnectWithoutContext("Work", Callback<void, Time, Time>([&](Time, Time amount) {
                                             work.push_back(amount);
                                         }));
        Simulator::Schedule(Seconds(1), &CxtpAgent::PushContexts, agents[1], MN_PREVIOUS, NSG_CORE);
        Simulator::Schedule(Seconds(1), &CxtpAgentTestTopology::Move, &topology);
        // The CTAR leaves 2 ms after the copy left pSG (1.050 s): it reaches nSG right after it.
        Simulator::Schedule(MilliSeconds(1052),
                            &CxtpAgent::SendCtar,
                            agents[0],
                            NSG_ACCESS,
                            MN_PREVIOUS,
                            PSG_ACCESS,
                            SEQUENCE);
        Simulator::Stop(Seconds(2));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(pctdsReceived, 2, "nSG received the PCTD and one copy");
        NS_TEST_EXPECT_MSG_EQ(events[2].installed, 1, "installed once");
        NS_TEST_EXPECT_MSG_EQ(events[2].failures.size(), 0, "no failure at nSG");
        // Work at nSG: the PCTD, the CTAR (with its token check) and the installation; no copy.
        uint32_t messages = 0;
        for (Time amount : work)
        {
            messages += amount >= processing ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_EQ(messages, 2, "nSG processed two messages: the PCTD and the CTAR");
        // The CTAR arrived right after the copy; it is served as on an idle gateway (its own
        // processing, the token check and the installation: well under two messages' worth).
        NS_TEST_EXPECT_MSG_LT(events[2].installedAt - copyArrived,
                              processing + processing / 2,
                              "the CTAR's processing did not wait for the copy's");
        Simulator::Destroy();
    }
};

/// The suite.
class CxtpAgentTransferInterfaceTestSuite : public TestSuite
{
  public:
    CxtpAgentTransferInterfaceTestSuite()
        : TestSuite("cxtp-ipsec-cxtp-agent-transfer-interface", TestSuite::UNIT)
    {
        AddTestCase(new CxtpAgentTransferInterfaceTestCase(
                        Collision::NONE,
                        "export at pSG, opaque block to nSG's import, MovePeer, Forget"),
                    TestCase::QUICK);
        AddTestCase(new CxtpAgentTransferInterfaceTestCase(
                        Collision::ACKNOWLEDGED,
                        "forced SPI collision: installed only once UPDATE_SPI is acknowledged"),
                    TestCase::QUICK);
        AddTestCase(new CxtpAgentTransferInterfaceTestCase(
                        Collision::REFUSED,
                        "forced SPI collision: UPDATE_SPI given up fails the transfer"),
                    TestCase::QUICK);
        AddTestCase(new CxtpAgentPctdCopyTestCase, TestCase::QUICK);
    }
};

/// Static instance.
static CxtpAgentTransferInterfaceTestSuite g_cxtpAgentTransferInterfaceTestSuite;

} // namespace
