/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The node's IKE endpoint: dispatch on the major version, drops, port 4500, ACQUIRE routing.

#include "cxtp-test-isolation.h"

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

#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// What one registered daemon saw.
struct Seen
{
    std::vector<std::vector<uint8_t>> messages; ///< received messages
    std::vector<Ipv6Address> to;                ///< the address each was sent to
    std::vector<uint32_t> acquires;             ///< rules of the ACQUIREs routed here
};

/// Receive sink. \param seen log \param bytes message \param to our address
void
Received(Seen* seen, const std::vector<uint8_t>& bytes, const Ipv6Address&, const Ipv6Address& to)
{
    seen->messages.push_back(bytes);
    seen->to.push_back(to);
}

/// ACQUIRE sink. \param seen log \param policy the rule
void
Acquired(Seen* seen, const IpsecPolicy& policy, const IpsecPacketFields&)
{
    seen->acquires.push_back(policy.id);
}

/// Drop sink. \param reasons log \param reason why
void
Dropped(std::vector<std::string>* reasons, const Ipv6Address&, const std::string& reason)
{
    reasons->push_back(reason);
}

/// \return a 28-octet header of the given major version, then the given body octets
std::vector<uint8_t>
MakeMessage(uint8_t major, std::vector<uint8_t> body = {})
{
    std::vector<uint8_t> m(IkeTransport::HEADER_SIZE, 0x11);
    m[IkeTransport::VERSION_OFFSET] = static_cast<uint8_t>(major << 4);
    m.insert(m.end(), body.begin(), body.end());
    return m;
}

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Two nodes on a link; node 1 has IKE receivers for versions 1 and 2, node 0 sends.
 */
class IkeTransportDispatchTestCase : public TestCase
{
  public:
    IkeTransportDispatchTestCase()
        : TestCase("IKE endpoint: messages go to the daemon of their major version, others are "
                   "dropped with a reason; 4500 strips the non-ESP marker; ACQUIRE by PAD")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        NodeContainer nodes;
        nodes.Create(2);
        PointToPointHelper p2p;
        NetDeviceContainer devices = p2p.Install(nodes);
        InternetStackHelper stack;
        stack.SetIpv4StackInstall(false);
        IpsecHelper::ConfigureStack(stack);
        stack.Install(nodes);
        IpsecHelper ipsec;
        ipsec.Install(nodes);
        const Ipv6Address addr[2] = {Ipv6Address("fd00:77::1"), Ipv6Address("fd00:77::2")};
        for (uint32_t i = 0; i < 2; i++)
        {
            Ptr<Ipv6L3Protocol> ipv6 = nodes.Get(i)->GetObject<Ipv6L3Protocol>();
            uint32_t interface = ipv6->AddInterface(devices.Get(i));
            ipv6->AddAddress(interface, Ipv6InterfaceAddress(addr[i], Ipv6Prefix(64)));
            ipv6->SetUp(interface);
            for (uint16_t port : {IkeTransport::PORT, IkeTransport::NAT_T_PORT})
            {
                IpsecTrafficSelector toIke = IpsecTrafficSelector::ForProtocol(17);
                toIke.localPortMin = toIke.localPortMax = port; // node 1 receives
                IpsecHelper::AddBypass(nodes.Get(i), toIke);
                IpsecHelper::AddBypass(nodes.Get(i), IpsecTrafficSelector::ForProtocol(17, port));
            }
        }

        Ptr<IkeTransport> transport = IkeTransport::Get(nodes.Get(1));
        NS_TEST_ASSERT_MSG_EQ(IkeTransport::Get(nodes.Get(1)), transport, "one per node");
        Seen v1;
        Seen v2;
        std::vector<std::string> drops;
        transport->Register(1,
                            MakeBoundCallback(&Received, &v1),
                            MakeBoundCallback(&Acquired, &v1));
        transport->Register(2,
                            MakeBoundCallback(&Received, &v2),
                            MakeBoundCallback(&Acquired, &v2));
        transport->TraceConnectWithoutContext("Drop", MakeBoundCallback(&Dropped, &drops));

        Ptr<Socket> sender = Socket::CreateSocket(nodes.Get(0), UdpSocketFactory::GetTypeId());
        sender->Bind6();
        auto send = [&](uint16_t port, const std::vector<uint8_t>& bytes) {
            Simulator::Schedule(Seconds(2), [sender, bytes, port, &addr]() {
                sender->SendTo(Create<Packet>(bytes.data(), bytes.size()),
                               0,
                               Inet6SocketAddress(addr[1], port));
            });
        };
        std::vector<uint8_t> marker{0, 0, 0, 0};
        send(500, MakeMessage(1, {1}));
        send(500, MakeMessage(2, {2}));
        send(500, MakeMessage(3));
        send(500, std::vector<uint8_t>(10, 0xab));
        std::vector<uint8_t> natIke = marker;
        std::vector<uint8_t> v2Message = MakeMessage(2, {4});
        natIke.insert(natIke.end(), v2Message.begin(), v2Message.end());
        send(4500, natIke);
        send(4500, {0x12, 0x34, 0x56, 0x78, 1, 2, 3, 4}); // an ESP SPI: UDP-encapsulated ESP

        // ACQUIREs: a rule towards a peer whose PAD entry says IKEv2, one towards a peer with
        // no entry (IKEv1).
        IpsecPadEntry entry;
        entry.peerAddress = Ipv6Address("fd00:99::2");
        entry.peerPrefix = Ipv6Prefix(128);
        entry.ikeVersion = 2;
        entry.preSharedKey = {1, 2, 3};
        nodes.Get(1)->GetObject<IpsecPad>()->Add(entry);
        IpsecTrafficSelector selector;
        IpsecHelper::Tunnel toV2 = IpsecHelper::AddTunnel(nodes.Get(1),
                                                          addr[1],
                                                          selector,
                                                          nodes.Get(0),
                                                          Ipv6Address("fd00:99::2"),
                                                          IpsecEncryption::AES_128_CBC,
                                                          IpsecIntegrity::HMAC_SHA1_96,
                                                          false);
        IpsecPacketFields fields;
        Ptr<IpsecPfKey> pfKey = nodes.Get(1)->GetObject<IpsecPfKey>();
        Ptr<IpsecSpd> spd = nodes.Get(1)->GetObject<IpsecSpd>();
        pfKey->Acquire(*spd->Get(toV2.outPolicyA), fields);
        IpsecTrafficSelector other;
        other.remoteAddress = Ipv6Address("fd00:55::1");
        other.remotePrefix = Ipv6Prefix(128);
        IpsecHelper::Tunnel toV1 = IpsecHelper::AddTunnel(nodes.Get(1),
                                                          addr[1],
                                                          other,
                                                          nodes.Get(0),
                                                          addr[0],
                                                          IpsecEncryption::AES_128_CBC,
                                                          IpsecIntegrity::HMAC_SHA1_96,
                                                          false);
        pfKey->Acquire(*spd->Get(toV1.outPolicyA), fields);

        Simulator::Stop(Seconds(3));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(v1.messages.size(), 1, "one IKEv1 message");
        NS_TEST_EXPECT_MSG_EQ(v2.messages.size(), 2, "one IKEv2 message on 500, one on 4500");
        if (v1.messages.size() == 1 && v2.messages.size() == 2)
        {
            NS_TEST_EXPECT_MSG_EQ((v1.messages[0] == MakeMessage(1, {1})), true, "unchanged");
            NS_TEST_EXPECT_MSG_EQ(v1.to[0], addr[1], "with the address it was sent to");
            NS_TEST_EXPECT_MSG_EQ((v2.messages[0] == MakeMessage(2, {2})), true, "unchanged");
            NS_TEST_EXPECT_MSG_EQ((v2.messages[1] == v2Message), true, "4500: marker removed");
        }
        std::string all;
        for (const auto& d : drops)
        {
            all += d + "; ";
        }
        NS_TEST_EXPECT_MSG_EQ(drops.size(), 3, "three drops: " << all);
        NS_TEST_EXPECT_MSG_NE(all.find("unsupported IKE major version 3"), std::string::npos, all);
        NS_TEST_EXPECT_MSG_NE(all.find("malformed ISAKMP header: 10 octets"),
                              std::string::npos,
                              all);
        NS_TEST_EXPECT_MSG_NE(all.find("UDP-encapsulated ESP"), std::string::npos, all);
        NS_TEST_EXPECT_MSG_EQ(v2.acquires.size(), 1, "the IKEv2 peer's ACQUIRE");
        NS_TEST_EXPECT_MSG_EQ(v1.acquires.size(), 1, "a peer without PAD entry: IKEv1");
        Simulator::Destroy();
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Suite of the IKE endpoint.
 */
class IkeTransportTestSuite : public TestSuite
{
  public:
    IkeTransportTestSuite()
        : TestSuite("cxtp-ipsec-ike-transport", UNIT)
    {
        AddTestCase(new IkeTransportDispatchTestCase, TestCase::QUICK);
    }
};

/// Static instance.
static IkeTransportTestSuite g_ikeTransportTestSuite;
