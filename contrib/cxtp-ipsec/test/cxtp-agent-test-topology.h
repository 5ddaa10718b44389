/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CXTP_AGENT_TEST_TOPOLOGY_H
#define CXTP_AGENT_TEST_TOPOLOGY_H

#include "ns3/boolean.h"
#include "ns3/csma-helper.h"
#include "ns3/cxtp-ipsec-module.h"
#include "ns3/global-value.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/string.h"

#include <cstdint>

namespace ns3
{

/// Addresses and ports of the CXTP agent tests' network (CxtpAgentTestTopology).
namespace cxtptest
{
constexpr uint16_t CXTP_PORT = 5091;                  ///< CXTP over UDP
inline const Ipv6Address MN_PREVIOUS("fd00:11::100"); ///< the MN on link 1 (its CoA at pSG)
inline const Ipv6Address MN_NEW("fd00:12::100");      ///< the MN on link 2 (its new CoA)
inline const Ipv6Address PSG_ACCESS("fd00:11::1");    ///< pSG on link 1
inline const Ipv6Address NSG_ACCESS("fd00:12::1");    ///< nSG on link 2
inline const Ipv6Address PSG_CORE("fd00:1::1");       ///< pSG on the core link
inline const Ipv6Address NSG_CORE("fd00:1::2");       ///< nSG on the core link
} // namespace cxtptest

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The CXTP agent tests' network, built by the constructor: MN — pSG on CSMA link 1,
 * MN — nSG on CSMA link 2 (the MN's interface there comes up at Move()), pSG — nSG over a 2 ms
 * point-to-point core. IPsec on the three nodes (streams from 100), CXTP over UDP bypassed, and
 * a manually keyed tunnel-mode ESP tunnel MN — pSG protecting all traffic of MN_PREVIOUS. No
 * DAD, no router solicitation retransmission; IPv6 checksums on.
 */
class CxtpAgentTestTopology
{
  public:
    CxtpAgentTestTopology()
    {
        using namespace cxtptest;
        GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));
        nodes.Create(3);
        mn = nodes.Get(0);
        psg = nodes.Get(1);
        nsg = nodes.Get(2);
        CsmaHelper csma;
        csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
        csma.SetChannelAttribute("Delay", TimeValue(MicroSeconds(5)));
        link1 = csma.Install(NodeContainer(mn, psg));
        link2 = csma.Install(NodeContainer(mn, nsg));
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
        p2p.SetChannelAttribute("Delay", TimeValue(MilliSeconds(2)));
        core = p2p.Install(psg, nsg);
        InstallStack();

        mnIf1 = AddInterface(link1.Get(0), MN_PREVIOUS, false);
        AddInterface(link1.Get(1), PSG_ACCESS, true);
        mnIf2 = mn->GetObject<Ipv6L3Protocol>()->AddInterface(link2.Get(0)); // up at the move
        nsgIf = AddInterface(link2.Get(1), NSG_ACCESS, true);
        uint32_t psgCoreIf = AddInterface(core.Get(0), PSG_CORE, true);
        uint32_t nsgCoreIf = AddInterface(core.Get(1), NSG_CORE, true);
        Routing(mn)->SetDefaultRoute(PSG_ACCESS, mnIf1);
        Routing(psg)->AddNetworkRouteTo(Ipv6Address("fd00:12::"),
                                        Ipv6Prefix(64),
                                        NSG_CORE,
                                        psgCoreIf);
        Routing(nsg)->AddNetworkRouteTo(Ipv6Address("fd00:11::"),
                                        Ipv6Prefix(64),
                                        PSG_CORE,
                                        nsgCoreIf);
        InstallIpsec();
    }

    /// The MN moves from link 1 to link 2 (no MIPv6: a static new CoA, MN_NEW).
    void Move()
    {
        Ptr<Ipv6L3Protocol> ipv6 = mn->GetObject<Ipv6L3Protocol>();
        ipv6->SetDown(mnIf1);
        ipv6->SetUp(mnIf2);
        ipv6->AddAddress(mnIf2, Ipv6InterfaceAddress(cxtptest::MN_NEW, Ipv6Prefix(64)));
        Routing(mn)->SetDefaultRoute(cxtptest::NSG_ACCESS, mnIf2);
    }

    NodeContainer nodes;        ///< MN, pSG, nSG
    Ptr<Node> mn;               ///< the mobile node
    Ptr<Node> psg;              ///< the previous gateway
    Ptr<Node> nsg;              ///< the new gateway
    NetDeviceContainer link1;   ///< MN, pSG
    NetDeviceContainer link2;   ///< MN, nSG
    NetDeviceContainer core;    ///< pSG, nSG
    uint32_t mnIf1{0};          ///< the MN's interface on link 1
    uint32_t mnIf2{0};          ///< the MN's interface on link 2
    uint32_t nsgIf{0};          ///< nSG's interface on link 2
    IpsecHelper::Tunnel tunnel; ///< the MN — pSG tunnel (MN = A)

  private:
    /// IPv6 with IPsec on the three nodes: no DAD, no RS retransmission, no jitter.
    void InstallStack()
    {
        InternetStackHelper stack;
        stack.SetIpv4StackInstall(false);
        IpsecHelper::ConfigureStack(stack);
        stack.Install(nodes);
        for (uint32_t n = 0; n < nodes.GetN(); ++n)
        {
            Ptr<IpL4Protocol> icmp = nodes.Get(n)->GetObject<Ipv6L3Protocol>()->GetProtocol(
                Icmpv6L4Protocol::PROT_NUMBER);
            icmp->SetAttribute("SolicitationJitter",
                               StringValue("ns3::ConstantRandomVariable[Constant=0]"));
            // No RS retransmission after SetDown ("Router Solicitations after SetDown" in
            // doc/mipv6-handover.rst); no DAD on the static CoA.
            icmp->SetAttribute("RsMaxRetransmissionDuration", TimeValue(NanoSeconds(1)));
            icmp->SetAttribute("DAD", BooleanValue(false));
        }
    }

    /// IPsec on the three nodes, CXTP bypassed, the MN — pSG tunnel.
    void InstallIpsec()
    {
        using namespace cxtptest;
        IpsecHelper ipsec;
        ipsec.Install(nodes);
        ipsec.AssignStreams(nodes, 100);
        IpsecTrafficSelector cxtp = IpsecTrafficSelector::ForProtocol(17, CXTP_PORT);
        for (uint32_t n = 0; n < nodes.GetN(); ++n)
        {
            IpsecHelper::AddBypass(nodes.Get(n), cxtp);
        }
        IpsecTrafficSelector all;
        all.localAddress = MN_PREVIOUS;
        all.localPrefix = Ipv6Prefix(128);
        tunnel = IpsecHelper::AddTunnel(mn,
                                        MN_PREVIOUS,
                                        all,
                                        psg,
                                        PSG_ACCESS,
                                        IpsecEncryption::AES_128_CBC,
                                        IpsecIntegrity::HMAC_SHA1_96);
    }

    /**
     * \param device a device
     * \param address its /64 address
     * \param forwarding forward on it
     * \return its interface index
     */
    static uint32_t AddInterface(Ptr<NetDevice> device, const Ipv6Address& address, bool forwarding)
    {
        Ptr<Ipv6L3Protocol> ipv6 = device->GetNode()->GetObject<Ipv6L3Protocol>();
        uint32_t i = ipv6->AddInterface(device);
        ipv6->AddAddress(i, Ipv6InterfaceAddress(address, Ipv6Prefix(64)));
        ipv6->SetForwarding(i, forwarding);
        ipv6->SetUp(i);
        return i;
    }

    /// \param node a node \return its static routing
    static Ptr<Ipv6StaticRouting> Routing(Ptr<Node> node)
    {
        Ipv6StaticRoutingHelper helper;
        return helper.GetStaticRouting(node->GetObject<Ipv6>());
    }
};

} // namespace ns3

#endif // CXTP_AGENT_TEST_TOPOLOGY_H
