/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-tunnel-scenario.h"

#include "ns3/crypto-random.h"
#include "ns3/csma-helper.h"
#include "ns3/ike-transport.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipsec-esp-l4-protocol.h"
#include "ns3/ipv6-address-helper.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/string.h"
#include "ns3/udp-client-server-helper.h"
#include "ns3/udp-client.h"
#include "ns3/udp-server.h"
#include "ns3/uinteger.h"

namespace ns3
{

namespace
{
constexpr uint16_t UPLINK_PORT = 4000;
constexpr uint16_t DOWNLINK_PORT = 4001;
constexpr uint8_t PROTO_UDP = 17;

/// Adds a global address to a device's interface and brings it up; returns the interface.
uint32_t
Configure(Ptr<NetDevice> device, const Ipv6Address& address, bool forwarding)
{
    Ptr<Ipv6L3Protocol> ipv6 = device->GetNode()->GetObject<Ipv6L3Protocol>();
    int32_t existing = ipv6->GetInterfaceForDevice(device);
    uint32_t i = existing >= 0 ? existing : ipv6->AddInterface(device);
    ipv6->AddAddress(i, Ipv6InterfaceAddress(address, Ipv6Prefix(64)));
    ipv6->SetForwarding(i, forwarding);
    ipv6->SetUp(i);
    return i;
}
} // namespace

IpsecTunnelScenario::IpsecTunnelScenario(const Config& config)
    : m_config(config),
      m_keys(Create<IpsecKeyExport>())
{
    m_nodes.Create(config.aaaServer ? 4 : 3);
    Ptr<Node> mn = GetMn();
    Ptr<Node> sg = GetSg();
    Ptr<Node> cn = GetCn();

    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue(config.accessRate));
    csma.SetChannelAttribute("Delay", TimeValue(config.accessDelay));
    m_access = csma.Install(NodeContainer(mn, sg));
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue(config.coreRate));
    p2p.SetChannelAttribute("Delay", TimeValue(config.coreDelay));
    m_core = p2p.Install(sg, cn);
    if (config.aaaServer)
    {
        PointToPointHelper aaaLink;
        aaaLink.SetDeviceAttribute("DataRate", StringValue(config.coreRate));
        aaaLink.SetChannelAttribute("Delay", TimeValue(config.aaaDelay));
        m_aaaLink = aaaLink.Install(sg, GetAaa());
    }

    InternetStackHelper stack;
    stack.SetIpv4StackInstall(false);
    IpsecHelper::ConfigureStack(stack);
    stack.Install(m_nodes);

    Configure(m_access.Get(0), GetMnAddress(), false);
    Configure(m_access.Get(1), GetSgAddress(), true);
    Configure(m_core.Get(0), Ipv6Address("fd00:1::1"), true);
    Configure(m_core.Get(1), Ipv6Address("fd00:1::2"), false);
    if (config.aaaServer)
    {
        Configure(m_aaaLink.Get(0), GetSgAaaAddress(), true);
        uint32_t i = Configure(m_aaaLink.Get(1), GetAaaAddress(), false);
        Ipv6StaticRoutingHelper()
            .GetStaticRouting(GetAaa()->GetObject<Ipv6>())
            ->SetDefaultRoute(GetSgAaaAddress(), i);
    }

    Ipv6StaticRoutingHelper routing;
    routing.GetStaticRouting(mn->GetObject<Ipv6>())
        ->SetDefaultRoute(GetSgAddress(),
                          mn->GetObject<Ipv6>()->GetInterfaceForDevice(m_access.Get(0)));
    routing.GetStaticRouting(cn->GetObject<Ipv6>())
        ->SetDefaultRoute(Ipv6Address("fd00:1::1"),
                          cn->GetObject<Ipv6>()->GetInterfaceForDevice(m_core.Get(1)));

    m_ipsec.Install(NodeContainer(mn, sg));
    IpsecTrafficSelector ike = IpsecTrafficSelector::ForProtocol(PROTO_UDP, IkeTransport::PORT);
    IpsecHelper::AddBypass(mn, ike);
    IpsecHelper::AddBypass(sg, ike);
    // Everything the MN sends or receives, seen from the MN.
    IpsecTrafficSelector all;
    all.localAddress = GetMnAddress();
    all.localPrefix = Ipv6Prefix(128);
    m_tunnel = IpsecHelper::AddTunnel(mn,
                                      GetMnAddress(),
                                      all,
                                      sg,
                                      GetSgAddress(),
                                      config.encryption,
                                      config.integrity,
                                      config.manualKeys);
    m_keys->Watch(NodeContainer(mn, sg));

    Time stop = config.start + config.duration;
    uint32_t count = static_cast<uint32_t>(config.duration.GetNanoSeconds() /
                                           config.probeInterval.GetNanoSeconds());
    UdpServerHelper upServer(UPLINK_PORT);
    ApplicationContainer apps = upServer.Install(cn);
    m_upServer = DynamicCast<UdpServer>(apps.Get(0));
    UdpServerHelper downServer(DOWNLINK_PORT);
    apps.Add(downServer.Install(mn));
    m_downServer = DynamicCast<UdpServer>(apps.Get(1));
    apps.Start(Seconds(0));

    UdpClientHelper upClient(Ipv6Address("fd00:1::2"), UPLINK_PORT);
    upClient.SetAttribute("Interval", TimeValue(config.probeInterval));
    upClient.SetAttribute("PacketSize", UintegerValue(config.probeSize));
    upClient.SetAttribute("MaxPackets", UintegerValue(count));
    ApplicationContainer clients = upClient.Install(mn);
    UdpClientHelper downClient(GetMnAddress(), DOWNLINK_PORT);
    downClient.SetAttribute("Interval", TimeValue(config.probeInterval));
    downClient.SetAttribute("PacketSize", UintegerValue(config.probeSize));
    downClient.SetAttribute("MaxPackets", UintegerValue(count));
    clients.Add(downClient.Install(cn));
    m_upClient = DynamicCast<UdpClient>(clients.Get(0));
    m_downClient = DynamicCast<UdpClient>(clients.Get(1));
    // The downlink probe runs half a period after the uplink one, as two unsynchronised hosts.
    clients.Get(0)->SetStartTime(config.start);
    clients.Get(1)->SetStartTime(config.start + config.probeInterval / 2);
    clients.Stop(stop);
}

void
IpsecTunnelScenario::EnablePcap(const std::string& prefix) const
{
    CsmaHelper csma;
    csma.EnablePcap(prefix, m_access, false);
    PointToPointHelper p2p;
    p2p.EnablePcap(prefix, m_core, false);
    if (m_aaaLink.GetN() > 0)
    {
        p2p.EnablePcap(prefix, m_aaaLink, false);
    }
}

int64_t
IpsecTunnelScenario::AssignStreams(int64_t stream)
{
    return m_ipsec.AssignStreams(NodeContainer(GetMn(), GetSg()), stream);
}

Time
IpsecTunnelScenario::GetStopTime() const
{
    return m_config.start + m_config.duration + m_config.probeInterval + Seconds(1);
}

Ptr<Node>
IpsecTunnelScenario::GetMn() const
{
    return m_nodes.Get(0);
}

Ptr<Node>
IpsecTunnelScenario::GetSg() const
{
    return m_nodes.Get(1);
}

Ptr<Node>
IpsecTunnelScenario::GetCn() const
{
    return m_nodes.Get(2);
}

Ptr<Node>
IpsecTunnelScenario::GetAaa() const
{
    return m_nodes.GetN() > 3 ? m_nodes.Get(3) : nullptr;
}

Ipv6Address
IpsecTunnelScenario::GetAaaAddress() const
{
    return Ipv6Address("fd00:5::2");
}

Ipv6Address
IpsecTunnelScenario::GetSgAaaAddress() const
{
    return Ipv6Address("fd00:5::1");
}

Ipv6Address
IpsecTunnelScenario::GetMnAddress() const
{
    return Ipv6Address("fd00:11::100");
}

Ipv6Address
IpsecTunnelScenario::GetSgAddress() const
{
    return Ipv6Address("fd00:11::1");
}

const IpsecHelper::Tunnel&
IpsecTunnelScenario::GetTunnel() const
{
    return m_tunnel;
}

Ptr<IpsecKeyExport>
IpsecTunnelScenario::GetKeyExport() const
{
    return m_keys;
}

uint64_t
IpsecTunnelScenario::GetUplinkSent() const
{
    return m_upClient->GetTotalTx() / m_config.probeSize;
}

uint64_t
IpsecTunnelScenario::GetUplinkReceived() const
{
    return m_upServer->GetReceived();
}

uint64_t
IpsecTunnelScenario::GetDownlinkSent() const
{
    return m_downClient->GetTotalTx() / m_config.probeSize;
}

uint64_t
IpsecTunnelScenario::GetDownlinkReceived() const
{
    return m_downServer->GetReceived();
}

uint64_t
IpsecTunnelScenario::GetDrops(Ptr<Node> node, IpsecDropReason reason)
{
    Ptr<IpsecEspL4Protocol> esp = node->GetObject<IpsecEspL4Protocol>();
    return esp ? esp->GetDropCount(reason) : 0;
}

} // namespace ns3
