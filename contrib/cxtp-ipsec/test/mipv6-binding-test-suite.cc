/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Unit tests of the Mobile IPv6 agents (RFC 6275): the home agent's binding cache (§9.1,
// §9.5.1, §10.3.1-2), the mobile node's binding update list, Binding Update retransmission
// when nothing answers (§11.8), Binding Acknowledgement status handling (§11.7.3), and the
// Mobility Header protocol's checks of received messages (§9.2), and random input.

#include "ns3/csma-helper.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-routing-table-entry.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/mipv6-helper.h"
#include "ns3/mipv6-home-address-option.h"
#include "ns3/mipv6-home-agent.h"
#include "ns3/mipv6-l4-protocol.h"
#include "ns3/mipv6-mobile-node.h"
#include "ns3/node-container.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <random>
#include <vector>

using namespace ns3;

namespace
{

const Ipv6Address HOME_NETWORK("fd00:100::");
const Ipv6Address HOA("fd00:100::10");
const Ipv6Address HA("fd00:2::2");
const Ipv6Address COA1("fd00:11::5");
const Ipv6Address COA2("fd00:12::5");

/**
 * \return a node with an IPv6 stack and one CSMA interface that is up (fd00:11::5/64)
 */
Ptr<Node>
MakeNode()
{
    NodeContainer nodes;
    nodes.Create(1);
    InternetStackHelper stack;
    stack.SetIpv4StackInstall(false);
    stack.Install(nodes);
    CsmaHelper csma;
    NetDeviceContainer devs = csma.Install(nodes);
    Ptr<Ipv6L3Protocol> ipv6 = nodes.Get(0)->GetObject<Ipv6L3Protocol>();
    uint32_t i = ipv6->AddInterface(devs.Get(0));
    ipv6->AddAddress(i, Ipv6InterfaceAddress(COA1, Ipv6Prefix(64)));
    ipv6->SetUp(i);
    return nodes.Get(0);
}

/**
 * \param node a node
 * \param dest a host address
 * \param interface an interface
 * \return whether the static routing has dest/128 through interface
 */
bool
HasHostRoute(Ptr<Node> node, Ipv6Address dest, uint32_t interface)
{
    Ipv6StaticRoutingHelper helper;
    Ptr<Ipv6StaticRouting> routing = helper.GetStaticRouting(node->GetObject<Ipv6>());
    for (uint32_t i = 0; i < routing->GetNRoutes(); ++i)
    {
        Ipv6RoutingTableEntry route = routing->GetRoute(i);
        if (route.GetDest() == dest && route.GetDestNetworkPrefix() == Ipv6Prefix(128) &&
            route.GetInterface() == interface)
        {
            return true;
        }
    }
    return false;
}

/**
 * \param sequence Sequence Number
 * \param lifetime requested lifetime
 * \param home H flag
 * \return a Binding Update with A set
 */
Mipv6BindingUpdateHeader
MakeBu(uint16_t sequence, Time lifetime, bool home = true)
{
    Mipv6BindingUpdateHeader bu;
    bu.SetSequence(sequence);
    bu.SetAckRequested(true);
    bu.SetHomeRegistration(home);
    bu.SetLifetime(lifetime);
    return bu;
}

/**
 * \param status Status
 * \param sequence Sequence Number
 * \param lifetime granted lifetime
 * \return a Binding Acknowledgement
 */
Mipv6BindingAckHeader
MakeBa(uint8_t status, uint16_t sequence, Time lifetime)
{
    Mipv6BindingAckHeader ba;
    ba.SetStatus(status);
    ba.SetSequence(sequence);
    ba.SetLifetime(lifetime);
    return ba;
}

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Binding cache: creation, update, sequence window (status 135), home registration and
 * home subnet checks (131, 132), lifetime cap, expiry and deregistration, with the host route
 * into the tunnel following the cache.
 */
class Mipv6BindingCacheTestCase : public TestCase
{
  public:
    Mipv6BindingCacheTestCase()
        : TestCase("Home agent binding cache follows RFC 6275 10.3.1 and 9.5.1")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> node = MakeNode();
        Mipv6Helper helper;
        helper.SetHomeAgentAttribute("MaxBindingLifetime", TimeValue(Seconds(100)));
        Ptr<Mipv6HomeAgent> ha = helper.InstallHomeAgent(node, HOME_NETWORK, Ipv6Prefix(64));
        uint32_t tun = ha->GetTunnelInterface();
        std::vector<Mipv6HomeAgent::BindingChange> changes;
        ha->TraceConnectWithoutContext(
            "BindingCache",
            Callback<void, Ipv6Address, Ipv6Address, Mipv6HomeAgent::BindingChange>(
                [&changes](Ipv6Address, Ipv6Address, Mipv6HomeAgent::BindingChange c) {
                    changes.push_back(c);
                }));

        NS_TEST_EXPECT_MSG_EQ(+ha->ProcessBindingUpdate(MakeBu(10, Seconds(40)), HOA, COA1, HA),
                              +Mipv6BindingAckHeader::ACCEPTED,
                              "first registration accepted");
        const Mipv6HomeAgent::BindingCacheEntry* e = ha->LookupBinding(HOA);
        NS_TEST_ASSERT_MSG_NE(e, nullptr, "entry created");
        NS_TEST_EXPECT_MSG_EQ(e->careOfAddress, COA1, "care-of address");
        NS_TEST_EXPECT_MSG_EQ(e->sequence, 10, "sequence");
        NS_TEST_EXPECT_MSG_EQ(e->lifetime, Seconds(40), "lifetime granted as asked");
        NS_TEST_EXPECT_MSG_EQ(HasHostRoute(node, HOA, tun), true, "HoA/128 into the tunnel");

        NS_TEST_EXPECT_MSG_EQ(+ha->ProcessBindingUpdate(MakeBu(10, Seconds(40)), HOA, COA2, HA),
                              +Mipv6BindingAckHeader::SEQUENCE_NUMBER_OUT_OF_WINDOW,
                              "same sequence rejected");
        NS_TEST_EXPECT_MSG_EQ(+ha->ProcessBindingUpdate(MakeBu(9, Seconds(40)), HOA, COA2, HA),
                              +Mipv6BindingAckHeader::SEQUENCE_NUMBER_OUT_OF_WINDOW,
                              "older sequence rejected");
        NS_TEST_EXPECT_MSG_EQ(ha->LookupBinding(HOA)->careOfAddress,
                              COA1,
                              "rejected BU leaves the binding");
        NS_TEST_EXPECT_MSG_EQ(+ha->ProcessBindingUpdate(MakeBu(11, Seconds(400)), HOA, COA2, HA),
                              +Mipv6BindingAckHeader::ACCEPTED,
                              "newer sequence accepted");
        NS_TEST_EXPECT_MSG_EQ(ha->LookupBinding(HOA)->careOfAddress, COA2, "moved");
        NS_TEST_EXPECT_MSG_EQ(ha->LookupBinding(HOA)->lifetime,
                              Seconds(100),
                              "lifetime capped by MaxBindingLifetime");

        // Modulo 2^16 (§9.5.1): 65535 then 0 is an increase, 0 then 40000 is not.
        for (uint16_t s : {30000, 60000, 65535})
        {
            NS_TEST_EXPECT_MSG_EQ(+ha->ProcessBindingUpdate(MakeBu(s, Seconds(40)), HOA, COA2, HA),
                                  +Mipv6BindingAckHeader::ACCEPTED,
                                  "less than half the space ahead: " << s);
        }
        NS_TEST_EXPECT_MSG_EQ(+ha->ProcessBindingUpdate(MakeBu(0, Seconds(40)), HOA, COA2, HA),
                              +Mipv6BindingAckHeader::ACCEPTED,
                              "sequence wraps");
        NS_TEST_EXPECT_MSG_EQ(+ha->ProcessBindingUpdate(MakeBu(40000, Seconds(40)), HOA, COA2, HA),
                              +Mipv6BindingAckHeader::SEQUENCE_NUMBER_OUT_OF_WINDOW,
                              "half the space ahead is behind");

        NS_TEST_EXPECT_MSG_EQ(
            +ha->ProcessBindingUpdate(MakeBu(1, Seconds(40), false), HOA, COA2, HA),
            +Mipv6BindingAckHeader::HOME_REGISTRATION_NOT_SUPPORTED,
            "H flag required");
        NS_TEST_EXPECT_MSG_EQ(+ha->ProcessBindingUpdate(MakeBu(1, Seconds(40)),
                                                        Ipv6Address("fd00:200::10"),
                                                        COA2,
                                                        HA),
                              +Mipv6BindingAckHeader::NOT_HOME_SUBNET,
                              "home address off the home prefix");
        NS_TEST_EXPECT_MSG_EQ(ha->GetBindingCount(), 1, "one binding");

        // Deregistration (§10.3.2), then a new binding that expires.
        NS_TEST_EXPECT_MSG_EQ(+ha->ProcessBindingUpdate(MakeBu(1, Seconds(0)), HOA, COA2, HA),
                              +Mipv6BindingAckHeader::ACCEPTED,
                              "deregistration accepted");
        NS_TEST_EXPECT_MSG_EQ(ha->LookupBinding(HOA), nullptr, "entry deleted");
        NS_TEST_EXPECT_MSG_EQ(HasHostRoute(node, HOA, tun), false, "route removed");
        ha->ProcessBindingUpdate(MakeBu(2, Seconds(8)), HOA, COA1, HA);
        Simulator::Stop(Seconds(7.9));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_NE(ha->LookupBinding(HOA), nullptr, "alive before the lifetime");
        Simulator::Stop(Seconds(0.2));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(ha->LookupBinding(HOA), nullptr, "expired after the lifetime");
        NS_TEST_EXPECT_MSG_EQ(HasHostRoute(node, HOA, tun), false, "route removed at expiry");

        using C = Mipv6HomeAgent::BindingChange;
        std::vector<C> expected{C::CREATED,
                                C::UPDATED,
                                C::REFRESHED,
                                C::REFRESHED,
                                C::REFRESHED,
                                C::REFRESHED,
                                C::DELETED,
                                C::CREATED,
                                C::EXPIRED};
        NS_TEST_EXPECT_MSG_EQ(changes.size(), expected.size(), "binding cache trace");
        for (size_t i = 0; i < std::min(changes.size(), expected.size()); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(Mipv6HomeAgent::ToString(changes[i]),
                                  Mipv6HomeAgent::ToString(expected[i]),
                                  "change " << i);
        }
        Simulator::Destroy();
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Binding Update retransmission when no acknowledgement comes (RFC 6275 §11.8): first
 * timeout 1.5 s for the first registration, doubling to 32 s, a new Sequence Number each time;
 * after a registration, the next care-of address starts at 1 s.
 */
class Mipv6BuRetransmissionTestCase : public TestCase
{
  public:
    Mipv6BuRetransmissionTestCase()
        : TestCase("Binding Update retransmission doubles from 1.5 s to 32 s")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> node = MakeNode(); // no route to the HA: every BU is lost
        Mipv6Helper helper;
        Ptr<Mipv6MobileNode> mn = helper.InstallMobileNode(node, HOA, HA);
        std::vector<Time> sent;
        std::vector<uint16_t> seqs;
        mn->TraceConnectWithoutContext(
            "BindingUpdateSent",
            Callback<void, uint16_t, Ipv6Address, Time>([&](uint16_t s, Ipv6Address, Time) {
                sent.push_back(Simulator::Now());
                seqs.push_back(s);
            }));
        Simulator::Schedule(Seconds(1), &Mipv6MobileNode::SetCareOfAddress, mn, 1, COA1);
        Simulator::Stop(Seconds(100));
        Simulator::Run();
        // Sent at 1 + 0, 1.5, 4.5, 10.5, 22.5, 46.5, 78.5 (timeouts 1.5 3 6 12 24 32 32).
        std::vector<double> expected{1, 2.5, 5.5, 11.5, 23.5, 47.5, 79.5};
        NS_TEST_ASSERT_MSG_EQ(sent.size(), expected.size(), "number of BUs in 100 s");
        for (size_t i = 0; i < expected.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(sent[i], Seconds(expected[i]), "BU " << i << " time");
            NS_TEST_EXPECT_MSG_EQ(seqs[i], i + 1, "BU " << i << " sequence");
        }
        const auto& bul = mn->GetBindingUpdateListEntry();
        NS_TEST_EXPECT_MSG_EQ(Mipv6MobileNode::ToString(bul.state), "pending", "still pending");
        NS_TEST_EXPECT_MSG_EQ(bul.retransmissions, 6, "retransmissions");
        NS_TEST_EXPECT_MSG_EQ(bul.timeout, Seconds(32), "capped at MAX_BINDACK_TIMEOUT");
        NS_TEST_EXPECT_MSG_EQ(bul.careOfAddress, COA1, "care-of address in the list");

        // Acknowledge, then move: the next registration starts at INITIAL_BINDACK_TIMEOUT.
        mn->ReceiveBindingAck(MakeBa(0, bul.sequence, Seconds(400)), HA, COA1);
        NS_TEST_EXPECT_MSG_EQ(Mipv6MobileNode::ToString(bul.state), "registered", "registered");
        sent.clear();
        Simulator::Schedule(Seconds(1), &Mipv6MobileNode::SetCareOfAddress, mn, 1, COA2);
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(sent.size(), 3, "BUs in 5 s");
        NS_TEST_EXPECT_MSG_EQ(sent[1] - sent[0], Seconds(1), "first timeout 1 s");
        NS_TEST_EXPECT_MSG_EQ(sent[2] - sent[1], Seconds(2), "then 2 s");
        Simulator::Destroy();
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Binding Acknowledgement handling (RFC 6275 §11.7.3): wrong source or sequence ignored,
 * status 135 resynchronises, status < 128 registers and stops retransmission, status >= 128
 * rejects and stops retransmission.
 */
class Mipv6BindingAckTestCase : public TestCase
{
  public:
    Mipv6BindingAckTestCase()
        : TestCase("Binding Acknowledgement status handling")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> node = MakeNode();
        Mipv6Helper helper;
        Ptr<Mipv6MobileNode> mn = helper.InstallMobileNode(node, HOA, HA);
        std::vector<uint16_t> seqs;
        uint32_t acks = 0;
        uint32_t rejects = 0;
        mn->TraceConnectWithoutContext(
            "BindingUpdateSent",
            Callback<void, uint16_t, Ipv6Address, Time>(
                [&seqs](uint16_t s, Ipv6Address, Time) { seqs.push_back(s); }));
        mn->TraceConnectWithoutContext(
            "BindingAck",
            Callback<void, uint16_t, uint8_t, Time>([&acks](uint16_t, uint8_t, Time) { ++acks; }));
        mn->TraceConnectWithoutContext("BindingRejected",
                                       Callback<void, uint16_t, uint8_t, Time>(
                                           [&rejects](uint16_t, uint8_t, Time) { ++rejects; }));
        const auto& bul = mn->GetBindingUpdateListEntry();

        mn->SetCareOfAddress(1, COA1); // BU 1
        mn->ReceiveBindingAck(MakeBa(0, 1, Seconds(40)), Ipv6Address("fd00:9::9"), COA1);
        NS_TEST_EXPECT_MSG_EQ(Mipv6MobileNode::ToString(bul.state), "pending", "other source");
        mn->ReceiveBindingAck(MakeBa(0, 7, Seconds(40)), HA, COA1);
        NS_TEST_EXPECT_MSG_EQ(Mipv6MobileNode::ToString(bul.state), "pending", "other sequence");

        mn->ReceiveBindingAck(
            MakeBa(Mipv6BindingAckHeader::SEQUENCE_NUMBER_OUT_OF_WINDOW, 100, Seconds(0)),
            HA,
            COA1);
        NS_TEST_ASSERT_MSG_EQ(seqs.size(), 2, "status 135 resends at once");
        NS_TEST_EXPECT_MSG_EQ(seqs[1], 101, "with the home agent's sequence + 1");

        mn->ReceiveBindingAck(MakeBa(1, 101, Seconds(40)), HA, COA1);
        NS_TEST_EXPECT_MSG_EQ(Mipv6MobileNode::ToString(bul.state), "registered", "status 1 ok");
        NS_TEST_EXPECT_MSG_EQ(acks, 1, "BindingAck trace");
        NS_TEST_EXPECT_MSG_EQ(bul.grantedLifetime, Seconds(40), "granted lifetime");
        Simulator::Stop(Seconds(35));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(seqs.size(), 2, "no retransmission after the BA");
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(seqs.size(), 3, "refresh at 0.9 x lifetime (36 s)");

        mn->ReceiveBindingAck(
            MakeBa(Mipv6BindingAckHeader::ADMINISTRATIVELY_PROHIBITED, bul.sequence, Seconds(0)),
            HA,
            COA1);
        NS_TEST_EXPECT_MSG_EQ(Mipv6MobileNode::ToString(bul.state), "rejected", "status 129");
        NS_TEST_EXPECT_MSG_EQ(rejects, 1, "BindingRejected trace");
        Simulator::Stop(Seconds(60));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(seqs.size(), 3, "no retransmission after a rejection");
        Simulator::Destroy();
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Mobility Header reception (RFC 6275 §9.2): truncated, bad checksum, bad Payload Proto,
 * unknown MH Type and unhandled messages are dropped and counted; a valid Binding Update reaches
 * the home agent callback with the home address of its Home Address option.
 */
class Mipv6L4ReceiveTestCase : public TestCase
{
  public:
    Mipv6L4ReceiveTestCase()
        : TestCase("Mobility Header reception drops malformed messages by reason")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> node = MakeNode();
        Ptr<Mipv6L4Protocol> mh = Mipv6L4Protocol::GetOrCreate(node);
        Ipv6Header ip;
        const Ipv6Address src("fd00:11::99"); // a neighbour, not this node
        ip.SetSource(src);
        ip.SetDestination(HA);
        ip.SetNextHeader(Mipv6L4Protocol::PROT_NUMBER);
        uint32_t drops = 0;
        mh->TraceConnectWithoutContext(
            "Drop",
            Callback<void, Ptr<const Packet>, Mipv6L4Protocol::DropReason>(
                [&drops](Ptr<const Packet>, Mipv6L4Protocol::DropReason) { ++drops; }));

        auto buPacket = [](Ipv6Address pseudoSource) {
            Mipv6BindingUpdateHeader bu = MakeBu(3, Seconds(40));
            bu.InitializeChecksum(pseudoSource, HA);
            Ptr<Packet> p = Create<Packet>();
            p->AddHeader(bu);
            return p;
        };

        uint8_t shortBytes[4] = {59, 0, 5, 0};
        mh->Receive(Create<Packet>(shortBytes, 4), ip, nullptr);
        NS_TEST_EXPECT_MSG_EQ(mh->GetDropCount(Mipv6L4Protocol::DROP_TRUNCATED), 1, "truncated");

        mh->Receive(buPacket(COA2), ip, nullptr); // checksum over the wrong source
        NS_TEST_EXPECT_MSG_EQ(mh->GetDropCount(Mipv6L4Protocol::DROP_BAD_CHECKSUM),
                              1,
                              "bad checksum");

        Mipv6BindingUpdateHeader proto = MakeBu(3, Seconds(40));
        proto.SetPayloadProto(6);
        proto.InitializeChecksum(src, HA);
        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(proto);
        mh->Receive(p, ip, nullptr);
        NS_TEST_EXPECT_MSG_EQ(mh->GetDropCount(Mipv6L4Protocol::DROP_BAD_PAYLOAD_PROTO),
                              1,
                              "payload proto");

        uint8_t hoti[16] = {59, 1, 1, 0}; // Home Test Init: not implemented
        mh->Receive(Create<Packet>(hoti, 16), ip, nullptr);
        NS_TEST_EXPECT_MSG_EQ(mh->GetDropCount(Mipv6L4Protocol::DROP_UNKNOWN_TYPE),
                              1,
                              "unknown type");

        mh->Receive(buPacket(src), ip, nullptr); // no home agent on this node
        NS_TEST_EXPECT_MSG_EQ(mh->GetDropCount(Mipv6L4Protocol::DROP_NO_HANDLER), 1, "no handler");
        NS_TEST_EXPECT_MSG_EQ(drops, 5, "Drop trace");

        Ipv6Address seenHoa;
        Ipv6Address seenCoa;
        mh->SetBindingUpdateCallback(Mipv6L4Protocol::BindingUpdateCallback(
            [&](const Mipv6BindingUpdateHeader&, Ipv6Address hoa, Ipv6Address coa, Ipv6Address) {
                seenHoa = hoa;
                seenCoa = coa;
            }));
        p = buPacket(HOA); // checksum with the home address (§6.1.1)
        Mipv6HomeAddressTag tag;
        tag.SetHomeAddress(HOA);
        p->AddPacketTag(tag);
        mh->Receive(p, ip, nullptr);
        NS_TEST_EXPECT_MSG_EQ(seenHoa, HOA, "home address from the option");
        NS_TEST_EXPECT_MSG_EQ(seenCoa, src, "care-of address from the source");
        NS_TEST_EXPECT_MSG_EQ(mh->GetRxCount(), 1, "accepted");
        Simulator::Destroy();
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Random bytes as Mobility Header and as Destination Options header: never a crash,
 * every Mobility Header either dispatched or dropped with a reason.
 */
class Mipv6MalformedInputTestCase : public TestCase
{
  public:
    Mipv6MalformedInputTestCase()
        : TestCase("Random Mobility Headers and Destination Options never crash")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> node = MakeNode();
        Mipv6Helper helper;
        Ptr<Mipv6HomeAgent> ha = helper.InstallHomeAgent(node, HOME_NETWORK, Ipv6Prefix(64));
        Ptr<Mipv6L4Protocol> mh = node->GetObject<Mipv6L4Protocol>();
        Ipv6Header ip;
        ip.SetSource(Ipv6Address("fd00:11::99"));
        ip.SetDestination(HA);
        ip.SetNextHeader(Mipv6L4Protocol::PROT_NUMBER);
        std::mt19937 rng(12345);
        const uint32_t n = 3000;
        for (uint32_t k = 0; k < n; ++k)
        {
            std::vector<uint8_t> b(rng() % 72);
            for (auto& x : b)
            {
                x = static_cast<uint8_t>(rng());
            }
            if (b.size() >= 3 && k % 2 == 0)
            {
                b[0] = 59;                                  // plausible Payload Proto
                b[1] = static_cast<uint8_t>(rng() % 4);     // plausible Header Len
                b[2] = static_cast<uint8_t>(5 + rng() % 3); // BU, BA or BE
            }
            mh->Receive(Create<Packet>(b.data(), b.size()), ip, nullptr);
        }
        uint64_t mhDrops = 0;
        for (uint8_t r = 0; r < Mipv6L4Protocol::DROP_REASON_COUNT; ++r)
        {
            mhDrops += mh->GetDropCount(static_cast<Mipv6L4Protocol::DropReason>(r));
        }
        NS_TEST_EXPECT_MSG_EQ(mhDrops + mh->GetRxCount(), n, "each message dispatched or dropped");
        NS_TEST_EXPECT_MSG_GT(mh->GetDropCount(Mipv6L4Protocol::DROP_BAD_CHECKSUM),
                              0,
                              "the random headers reach the checksum check");

        Ptr<Mipv6DestinationExtension> ext = CreateObject<Mipv6DestinationExtension>();
        ext->SetNode(node);
        uint32_t handled = 0;
        for (uint32_t k = 0; k < n; ++k)
        {
            std::vector<uint8_t> b(rng() % 48);
            for (auto& x : b)
            {
                x = static_cast<uint8_t>(rng());
            }
            if (b.size() >= 2)
            {
                b[1] = static_cast<uint8_t>(rng() % 6);
            }
            for (size_t i = 2; i + 1 < b.size(); i += 2 + b[i + 1] % 20)
            {
                const uint8_t types[] = {0, 1, 201, 1, 201, 0x3e};
                b[i] = types[rng() % 6];
                b[i + 1] = static_cast<uint8_t>(b[i + 1] % 20);
            }
            Ptr<Packet> p = Create<Packet>(b.data(), b.size());
            uint8_t next = 0;
            bool stop = false;
            bool dropped = false;
            Ipv6L3Protocol::DropReason reason = Ipv6L3Protocol::DROP_TTL_EXPIRED;
            ip.SetNextHeader(Mipv6HomeAddressOptionHeader::EXT_NUMBER);
            uint8_t size = ext->Process(p, 0, ip, HA, &next, stop, dropped, reason);
            Mipv6HomeAddressTag tag;
            if (!dropped && p->PeekPacketTag(tag))
            {
                ++handled;
                NS_TEST_EXPECT_MSG_EQ(size, 8 * (b[1] + 1), "whole header consumed");
            }
        }
        NS_TEST_EXPECT_MSG_GT(handled, 0, "some random headers carry a Home Address option");

        Mipv6HomeAddressOptionHeader hao;
        hao.SetHomeAddress(HOA);
        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(hao);
        uint8_t next = 0;
        bool stop = false;
        bool dropped = false;
        Ipv6L3Protocol::DropReason reason = Ipv6L3Protocol::DROP_TTL_EXPIRED;
        NS_TEST_EXPECT_MSG_EQ(+ext->Process(p, 0, ip, HA, &next, stop, dropped, reason),
                              24,
                              "Home Address option header consumed");
        NS_TEST_EXPECT_MSG_EQ(+next, 135, "next header");
        Mipv6HomeAddressTag tag;
        NS_TEST_EXPECT_MSG_EQ(p->PeekPacketTag(tag), true, "tagged");
        NS_TEST_EXPECT_MSG_EQ(tag.GetHomeAddress(), HOA, "home address");
        Simulator::Destroy();
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The Mobile IPv6 binding suite.
 */
class Mipv6BindingTestSuite : public TestSuite
{
  public:
    Mipv6BindingTestSuite()
        : TestSuite("cxtp-ipsec-mipv6-binding", TestSuite::UNIT)
    {
        AddTestCase(new Mipv6BindingCacheTestCase, TestCase::QUICK);
        AddTestCase(new Mipv6BuRetransmissionTestCase, TestCase::QUICK);
        AddTestCase(new Mipv6BindingAckTestCase, TestCase::QUICK);
        AddTestCase(new Mipv6L4ReceiveTestCase, TestCase::QUICK);
        AddTestCase(new Mipv6MalformedInputTestCase, TestCase::QUICK);
    }
};

static Mipv6BindingTestSuite g_mipv6BindingTestSuite; ///< the suite
