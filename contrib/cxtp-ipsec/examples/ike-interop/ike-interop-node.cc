/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ike-interop-node.h"

#include "ike-interop-tap-device.h"

#include "ns3/core-module.h"
#include "ns3/cxtp-ipsec-module.h"
#include "ns3/fd-net-device-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <sstream>
#include <sys/ioctl.h>
#include <unistd.h>

namespace ns3
{

namespace
{
constexpr uint8_t PROTO_UDP = 17;
} // namespace

int
IkeInteropNode::OpenTap(const std::string& name, std::string& error)
{
    if (name.empty() || name.size() >= IFNAMSIZ)
    {
        error = "interface names have 1 to " + std::to_string(IFNAMSIZ - 1) + " characters";
        return -1;
    }
    int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
    if (fd < 0)
    {
        error = std::string("/dev/net/tun: ") + std::strerror(errno);
        return -1;
    }
    struct ifreq ifr;
    std::memset(&ifr, 0, sizeof(ifr));
    ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
    std::strncpy(ifr.ifr_name, name.c_str(), IFNAMSIZ - 1);
    if (ioctl(fd, TUNSETIFF, &ifr) < 0)
    {
        error = "TUNSETIFF " + name + ": " + std::strerror(errno);
        close(fd);
        return -1;
    }
    return fd;
}

void
IkeInteropNode::ConfigureRealTime()
{
    GlobalValue::Bind("SimulatorImplementationType", StringValue("ns3::RealtimeSimulatorImpl"));
    GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));
    // The address is usable at once (the tap's side runs its own DAD, or none).
    ns3::Config::SetDefault("ns3::Icmpv6L4Protocol::DAD", BooleanValue(false));
}

std::string
IkeInteropNode::Hex(const std::vector<uint8_t>& bytes)
{
    std::ostringstream os;
    os << std::hex << std::setfill('0');
    for (uint8_t b : bytes)
    {
        os << std::setw(2) << +b;
    }
    return os.str();
}

void
IkeInteropNode::WriteSummary(const std::string& path,
                             const std::vector<std::pair<std::string, std::string>>& rows)
{
    std::ofstream csv(path);
    csv << "metric,value\n";
    for (const auto& [metric, value] : rows)
    {
        csv << metric << "," << value << "\n";
        std::cout << "  " << metric << ": " << value << "\n";
    }
}

IkeInteropNode::IkeInteropNode(const Config& config)
    : m_config(config)
{
    m_node = CreateObject<Node>();
    FdNetDeviceHelper fdHelper;
    // FdNetDevice, but a zero UDP checksum goes out as 0xFFFF (ns-3 < 3.42; see the class).
    fdHelper.SetTypeId(IkeInteropTapDevice::GetTypeId().GetName());
    fdHelper.SetAttribute("EncapsulationMode", StringValue("Dix"));
    Ptr<FdNetDevice> device = DynamicCast<FdNetDevice>(fdHelper.Install(m_node).Get(0));
    device->SetFileDescriptor(config.tapFd);
    device->SetAddress(Mac48Address(config.mac.c_str()));

    InternetStackHelper stack;
    stack.SetIpv4StackInstall(false);
    IpsecHelper::ConfigureStack(stack);
    stack.Install(m_node);
    Ptr<Ipv6> ipv6 = m_node->GetObject<Ipv6>();
    uint32_t interface = ipv6->AddInterface(device);
    ipv6->AddAddress(interface, Ipv6InterfaceAddress(config.local, Ipv6Prefix(64)));
    ipv6->SetUp(interface);

    IpsecHelper ipsec;
    // The first probe waits for the negotiated SAs instead of being dropped.
    ipsec.SetEspAttribute("NoSaAction", EnumValue(IpsecEspL4Protocol::HOLD));
    ipsec.Install(m_node);
    ipsec.AssignStreams(NodeContainer(m_node), 0);
    IpsecHelper::AddBypass(m_node,
                           IpsecTrafficSelector::ForProtocol(PROTO_UDP, IkeTransport::PORT));
    // Everything between our address and any other, in an ESP tunnel to the peer.
    IpsecPolicy rule;
    rule.action = IpsecPolicyAction::PROTECT;
    rule.mode = IpsecMode::TUNNEL;
    rule.selector.localAddress = config.local;
    rule.selector.localPrefix = Ipv6Prefix(128);
    rule.encryption = config.encryption;
    rule.integrity = config.integrity;
    rule.tunnelLocal = config.local;
    rule.tunnelRemote = config.peer;
    rule.direction = IpsecDirection::OUTBOUND;
    IpsecHelper::AddPolicy(m_node, rule);
    rule.direction = IpsecDirection::INBOUND;
    IpsecHelper::AddPolicy(m_node, rule);

    m_probe = Socket::CreateSocket(m_node, UdpSocketFactory::GetTypeId());
    m_probe->Bind(Inet6SocketAddress(config.local, 0));
    m_node->GetObject<IpsecEspL4Protocol>()->TraceConnectWithoutContext(
        "Tx",
        MakeCallback(&IkeInteropNode::EspSent, this));
    fdHelper.EnablePcap(config.pcapPrefix, device, true);
}

Ptr<Node>
IkeInteropNode::GetNode() const
{
    return m_node;
}

Ipv6Address
IkeInteropNode::GetPeer() const
{
    return m_config.peer;
}

void
IkeInteropNode::SendProbe()
{
    std::string text = "cxtp-ipsec interop probe " + std::to_string(++m_sent);
    Ptr<Packet> p = Create<Packet>(reinterpret_cast<const uint8_t*>(text.data()), text.size());
    m_probe->SendTo(p, 0, Inet6SocketAddress(m_config.peer, m_config.probePort));
    std::cout << "  [" << Simulator::Now().As(Time::MS) << "] probe " << m_sent << " sent\n";
}

void
IkeInteropNode::SendRemainingProbes()
{
    while (m_sent < m_config.probes)
    {
        SendProbe();
    }
}

uint32_t
IkeInteropNode::GetProbesSent() const
{
    return m_sent;
}

uint32_t
IkeInteropNode::GetEspSent() const
{
    return m_espSent;
}

uint32_t
IkeInteropNode::GetSadEntries() const
{
    return m_node->GetObject<IpsecSad>()->Dump().size();
}

void
IkeInteropNode::EspSent(Ptr<const Packet>, uint32_t spi, uint64_t sequence)
{
    m_espSent++;
    std::cout << "  [" << Simulator::Now().As(Time::MS) << "] ESP sent: SPI 0x" << std::hex << spi
              << std::dec << ", sequence " << sequence << "\n";
}

} // namespace ns3
