/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "mipv6-handover-scenario.h"

#include "handover-security-method.h"
#include "ipsec-helper.h"
#include "mipv6-helper.h"

#include "ns3/abort.h"
#include "ns3/csma-helper.h"
#include "ns3/cxtp-agent.h"
#include "ns3/enum.h"
#include "ns3/icmpv6-l4-protocol.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6-static-routing-helper.h"
#include "ns3/ipv6-static-routing.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/mipv6-home-agent.h"
#include "ns3/ndisc-cache.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/radvd-helper.h"
#include "ns3/radvd-interface.h"
#include "ns3/radvd.h"
#include "ns3/random-variable-stream.h"
#include "ns3/seq-ts-header.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/udp-client-server-helper.h"
#include "ns3/udp-client.h"
#include "ns3/udp-server.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Mipv6HandoverScenario");

namespace
{
const Ipv6Address CN_ADDRESS("fd00:1::2");
const Ipv6Address HA_ADDRESS("fd00:2::2");
const Ipv6Address HOME_NETWORK("fd00:100::");
const Ipv6Address HOME_ADDRESS("fd00:100::10");
const Ipv6Address AAA_ADDRESS("fd00:5::2");
constexpr uint16_t DOWN_PORT = 9000;
constexpr uint16_t UP_PORT = 9001;
const Time PROBE_TAIL = MilliSeconds(200); ///< probes stop this long before the end

/// Node indices in m_nodes.
enum NodeIndex : uint32_t
{
    CN = 0,
    R,
    HA,
    AR1,
    AR2,
    MN,
    AAA, ///< only for methods that need an AAA server
};

/**
 * \param dev a device
 * \param address its /64 address
 * \param forwarding whether the interface forwards
 * \return the interface index
 */
uint32_t
AddInterface(Ptr<NetDevice> dev, Ipv6Address address, bool forwarding)
{
    Ptr<Ipv6L3Protocol> ipv6 = dev->GetNode()->GetObject<Ipv6L3Protocol>();
    uint32_t i = ipv6->AddInterface(dev);
    ipv6->AddAddress(i, Ipv6InterfaceAddress(address, Ipv6Prefix(64)));
    ipv6->SetForwarding(i, forwarding);
    ipv6->SetUp(i);
    return i;
}

/**
 * \param node a node
 * \return its static routing
 */
Ptr<Ipv6StaticRouting>
Routing(Ptr<Node> node)
{
    Ipv6StaticRoutingHelper helper;
    return helper.GetStaticRouting(node->GetObject<Ipv6>());
}
} // namespace

Mipv6HandoverScenario::Mipv6HandoverScenario(const Config& config)
    : m_config(config)
{
    m_security = HandoverSecurityMethod::Create(config.method);
    for (const auto& [attribute, value] : {std::pair{"Profile", config.profile},
                                           std::pair{"Mode", config.ctMode},
                                           std::pair{"Transport", config.ctTransport},
                                           std::pair{"Auth", config.ikeAuth}})
    {
        if (!value.empty())
        {
            m_security->SetAttributeFailSafe(attribute, StringValue(value));
        }
    }
    NS_ABORT_MSG_IF(config.raMin > config.raMax, "Mipv6HandoverScenario: raMin > raMax");
    NS_ABORT_MSG_IF(config.handovers == 0, "Mipv6HandoverScenario: no handover");
    NS_ABORT_MSG_IF(config.handovers > 1 && config.handoverPeriod <= config.probeInterval,
                    "Mipv6HandoverScenario: handoverPeriod must exceed the probe interval");
    NS_ABORT_MSG_IF(config.handoverAt + config.handoverPeriod * (config.handovers - 1) +
                            config.probeInterval >=
                        config.stop,
                    "Mipv6HandoverScenario: the last handover must come before the end");
    Build();
}

void
Mipv6HandoverScenario::Build()
{
    m_nodes.Create(m_security->NeedsAaaServer() ? 7 : 6);
    InternetStackHelper stack;
    stack.SetIpv4StackInstall(false);
    if (m_security->UsesIpsec())
    {
        IpsecHelper::ConfigureStack(stack);
    }
    stack.Install(m_nodes);

    // No solicitation jitter anywhere ("Router Solicitations after SetDown" in
    // doc/mipv6-handover.rst). ns-3 delays every NS and RS by U[0, 10] ms by default; on the access
    // routers that would add up to 10 ms of address resolution to each Binding Acknowledgement.
    for (uint32_t n = 0; n < m_nodes.GetN(); ++n)
    {
        Ptr<Ipv6L3Protocol> ipv6 = m_nodes.Get(n)->GetObject<Ipv6L3Protocol>();
        ipv6->GetProtocol(Icmpv6L4Protocol::PROT_NUMBER)
            ->SetAttribute("SolicitationJitter",
                           StringValue("ns3::ConstantRandomVariable[Constant=0]"));
    }

    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue(m_config.coreRate));
    p2p.SetChannelAttribute("Delay", TimeValue(m_config.coreDelay));
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue(m_config.accessRate));
    csma.SetChannelAttribute("Delay", TimeValue(m_config.accessDelay));

    Ptr<Node> cn = m_nodes.Get(CN);
    Ptr<Node> r = m_nodes.Get(R);
    Ptr<Node> ha = m_nodes.Get(HA);
    Ptr<Node> ar1 = m_nodes.Get(AR1);
    Ptr<Node> ar2 = m_nodes.Get(AR2);
    Ptr<Node> mn = m_nodes.Get(MN);

    NetDeviceContainer cnR = p2p.Install(cn, r);
    NetDeviceContainer rHa = p2p.Install(r, ha);
    NetDeviceContainer rAr1 = p2p.Install(r, ar1);
    NetDeviceContainer rAr2 = p2p.Install(r, ar2);
    m_p2pDevices.Add(cnR);
    m_p2pDevices.Add(rHa);
    m_p2pDevices.Add(rAr1);
    m_p2pDevices.Add(rAr2);
    NetDeviceContainer access1 = csma.Install(NodeContainer(ar1, mn));
    NetDeviceContainer access2 = csma.Install(NodeContainer(ar2, mn));
    NetDeviceContainer home = csma.Install(NodeContainer(ha));
    m_csmaDevices.Add(access1);
    m_csmaDevices.Add(access2);
    // Both ends of both access links: what a capture there shows; and the access routers' core
    // devices, through which gateway-to-gateway signalling leaves.
    m_monitor = Create<SignallingMonitor>();
    for (uint32_t i = 0; i < 2; ++i)
    {
        m_monitor->Attach(access1.Get(i));
        m_monitor->Attach(access2.Get(i));
    }
    m_monitor->Attach(rAr1.Get(1));
    m_monitor->Attach(rAr2.Get(1));
    m_csmaDevices.Add(home);
    NetDeviceContainer rAaa;
    if (m_security->NeedsAaaServer())
    {
        // The AAA server behind the core router, its own link's delay (--aaaDelay).
        PointToPointHelper aaaLink;
        aaaLink.SetDeviceAttribute("DataRate", StringValue(m_config.coreRate));
        aaaLink.SetChannelAttribute("Delay", TimeValue(m_config.aaaDelay));
        rAaa = aaaLink.Install(r, m_nodes.Get(AAA));
        m_p2pDevices.Add(rAaa);
        m_monitor->Attach(rAaa.Get(1)); // what the AAA server sends; the gateways' own leave above
    }

    // Addresses and interfaces by hand (doc/mipv6-handover.rst, Reference topology).
    uint32_t cnIf = AddInterface(cnR.Get(0), Ipv6Address("fd00:1::2"), false);
    AddInterface(cnR.Get(1), Ipv6Address("fd00:1::1"), true);
    uint32_t rHaIf = AddInterface(rHa.Get(0), Ipv6Address("fd00:2::1"), true);
    uint32_t haIf = AddInterface(rHa.Get(1), HA_ADDRESS, true);
    uint32_t rAr1If = AddInterface(rAr1.Get(0), Ipv6Address("fd00:3::1"), true);
    uint32_t ar1CoreIf = AddInterface(rAr1.Get(1), Ipv6Address("fd00:3::2"), true);
    uint32_t rAr2If = AddInterface(rAr2.Get(0), Ipv6Address("fd00:4::1"), true);
    uint32_t ar2CoreIf = AddInterface(rAr2.Get(1), Ipv6Address("fd00:4::2"), true);
    uint32_t ar1AccessIf = AddInterface(access1.Get(0), Ipv6Address("fd00:11::1"), true);
    uint32_t ar2AccessIf = AddInterface(access2.Get(0), Ipv6Address("fd00:12::1"), true);
    AddInterface(home.Get(0), Ipv6Address("fd00:100::1"), true);
    Ptr<Ipv6L3Protocol> mnIpv6 = mn->GetObject<Ipv6L3Protocol>();
    uint32_t mnIf1 = mnIpv6->AddInterface(access1.Get(1));
    mnIpv6->SetUp(mnIf1);
    uint32_t mnIf2 = mnIpv6->AddInterface(access2.Get(1)); // up at the handover only
    m_mnInterfaces = {mnIf1, mnIf2};

    Routing(cn)->SetDefaultRoute(Ipv6Address("fd00:1::1"), cnIf);
    Routing(r)->AddNetworkRouteTo(HOME_NETWORK, Ipv6Prefix(64), HA_ADDRESS, rHaIf);
    Routing(r)->AddNetworkRouteTo(Ipv6Address("fd00:11::"),
                                  Ipv6Prefix(64),
                                  Ipv6Address("fd00:3::2"),
                                  rAr1If);
    Routing(r)->AddNetworkRouteTo(Ipv6Address("fd00:12::"),
                                  Ipv6Prefix(64),
                                  Ipv6Address("fd00:4::2"),
                                  rAr2If);
    Routing(ha)->SetDefaultRoute(Ipv6Address("fd00:2::1"), haIf);
    Routing(ar1)->SetDefaultRoute(Ipv6Address("fd00:3::1"), ar1CoreIf);
    Routing(ar2)->SetDefaultRoute(Ipv6Address("fd00:4::1"), ar2CoreIf);
    if (rAaa.GetN() == 2)
    {
        AddInterface(rAaa.Get(0), Ipv6Address("fd00:5::1"), true);
        uint32_t aaaIf = AddInterface(rAaa.Get(1), AAA_ADDRESS, false);
        Routing(m_nodes.Get(AAA))->SetDefaultRoute(Ipv6Address("fd00:5::1"), aaaIf);
    }

    // Router Advertisements with the MIPv6-relaxed intervals (RFC 6275 §7.5).
    auto installRadvd = [this](Ptr<Node> ar, uint32_t accessIf, Ipv6Address prefix) {
        RadvdHelper radvd;
        radvd.AddAnnouncedPrefix(accessIf, prefix, 64);
        Ptr<RadvdInterface> ri = radvd.GetRadvdInterface(accessIf);
        ri->SetMinRtrAdvInterval(static_cast<uint32_t>(m_config.raMin.GetMilliSeconds()));
        ri->SetMaxRtrAdvInterval(static_cast<uint32_t>(m_config.raMax.GetMilliSeconds()));
        ri->SetMinDelayBetweenRAs(static_cast<uint32_t>(m_config.raMin.GetMilliSeconds()));
        ApplicationContainer apps = radvd.Install(ar);
        apps.Start(Seconds(0));
        apps.Stop(m_config.stop);
        m_apps.push_back(apps.Get(0));
    };
    installRadvd(ar1, ar1AccessIf, Ipv6Address("fd00:11::"));
    installRadvd(ar2, ar2AccessIf, Ipv6Address("fd00:12::"));

    // Mobile IPv6.
    Mipv6Helper mip;
    mip.SetMobileNodeAttribute("DadMode", EnumValue(m_config.dad));
    mip.SetMobileNodeAttribute("L2HandoverDelay", TimeValue(m_config.l2Delay));
    m_ha = mip.InstallHomeAgent(ha, HOME_NETWORK, Ipv6Prefix(64));
    m_mn = mip.InstallMobileNode(mn, HOME_ADDRESS, HA_ADDRESS);
    m_mn->AddCorrespondentRoute(Ipv6Address("fd00:1::"), Ipv6Prefix(64));

    // The security method: the MN's care-of addresses are known in advance (SLAAC from the
    // prefix and the MAC address), so that methods can prepare per-link policies and keys.
    HandoverSecurityMethod::Topology topology;
    topology.mobileNode = mn;
    topology.gateways = {ar1, ar2};
    topology.gatewayAddresses = {Ipv6Address("fd00:11::1"), Ipv6Address("fd00:12::1")};
    topology.gatewayCoreAddresses = {Ipv6Address("fd00:3::2"), Ipv6Address("fd00:4::2")};
    topology.gatewayRoundTrip = m_config.coreDelay * 4; // AR1 - R - AR2 and back
    if (m_security->NeedsAaaServer())
    {
        topology.aaaServer = m_nodes.Get(AAA);
        topology.aaaAddress = AAA_ADDRESS;
    }
    topology.careOfAddresses = {Ipv6Address::MakeAutoconfiguredAddress(
                                    Mac48Address::ConvertFrom(access1.Get(1)->GetAddress()),
                                    Ipv6Address("fd00:11::")),
                                Ipv6Address::MakeAutoconfiguredAddress(
                                    Mac48Address::ConvertFrom(access2.Get(1)->GetAddress()),
                                    Ipv6Address("fd00:12::"))};
    m_security->Install(topology);
    m_monitor->SetCxtpSpis(m_security->GetSignallingSpis());

    // The access router learns from its link layer that the MN (re)associated and marks its
    // neighbour entry for the MN's CoA STALE if it was probing: ns-3.37 otherwise queues packets
    // to an entry in PROBE state (RFC 4861 §7.3.3 sends them with the cached address) until the
    // next probe, up to RetransTimer (1 s) after a quick return to a link.
    std::vector<std::pair<Ptr<Ipv6Interface>, Ipv6Address>> accessEntries = {
        {ar1->GetObject<Ipv6L3Protocol>()->GetInterface(ar1AccessIf), topology.careOfAddresses[0]},
        {ar2->GetObject<Ipv6L3Protocol>()->GetInterface(ar2AccessIf), topology.careOfAddresses[1]}};
    m_mn->TraceConnectWithoutContext(
        "L2Attach",
        Callback<void, uint32_t>([this, accessEntries](uint32_t iface) {
            for (uint32_t link = 0; link < m_mnInterfaces.size(); ++link)
            {
                if (m_mnInterfaces[link] != iface)
                {
                    continue;
                }
                NdiscCache::Entry* entry =
                    accessEntries[link].first->GetNdiscCache()->Lookup(accessEntries[link].second);
                if (entry && entry->IsProbe())
                {
                    entry->StopNudTimer();
                    entry->MarkStale();
                }
            }
        }));
    m_security->TraceConnectWithoutContext("Ready", Callback<void, uint32_t>([this](uint32_t) {
                                               if (!m_results.empty() &&
                                                   m_results.back().tSec.IsZero() &&
                                                   !m_results.back().tCoaFormed.IsZero())
                                               {
                                                   m_results.back().tSec = Simulator::Now();
                                                   m_results.back().path =
                                                       m_security->GetLastPath();
                                               }
                                           }));

    // The timeline of each handover, from the MN's traces; the security method hears of each step.
    auto linkOf = [this](uint32_t iface) {
        for (uint32_t link = 0; link < m_mnInterfaces.size(); ++link)
        {
            if (m_mnInterfaces[link] == iface)
            {
                return link;
            }
        }
        NS_ABORT_MSG("interface " << iface << " is not an access interface of the MN");
        return 0u;
    };
    m_mn->TraceConnectWithoutContext("L2Detach",
                                     Callback<void, uint32_t>([this, linkOf](uint32_t iface) {
                                         m_security->Detach(linkOf(iface));
                                         Result r;
                                         r.index = m_results.size();
                                         r.handoverAt = GetHandoverTime(r.index);
                                         r.tInitialMip = m_initialMip;
                                         r.tDetach = Simulator::Now();
                                         m_results.push_back(r);
                                     }));
    auto setOnce = [this](Time Result::*field) {
        if (!m_results.empty() && (m_results.back().*field).IsZero())
        {
            m_results.back().*field = Simulator::Now();
        }
    };
    m_mn->TraceConnectWithoutContext("L2Attach", Callback<void, uint32_t>([setOnce](uint32_t) {
                                         setOnce(&Result::tAttach);
                                     }));
    m_mn->TraceConnectWithoutContext("CareOfAddressFormed",
                                     Callback<void, uint32_t, Ipv6Address>(
                                         [this, setOnce, linkOf](uint32_t iface, Ipv6Address coa) {
                                             setOnce(&Result::tCoaFormed);
                                             m_security->CoaFormed(linkOf(iface), coa);
                                         }));
    m_mn->TraceConnectWithoutContext("CareOfAddress",
                                     Callback<void, uint32_t, Ipv6Address>(
                                         [this, setOnce, linkOf](uint32_t iface, Ipv6Address coa) {
                                             if (!m_results.empty() &&
                                                 m_results.back().tCoa.IsZero())
                                             {
                                                 m_results.back().coa = coa;
                                             }
                                             setOnce(&Result::tCoa);
                                             m_security->Attach(linkOf(iface), coa);
                                         }));
    m_mn->TraceConnectWithoutContext(
        "BindingAck",
        Callback<void, uint16_t, uint8_t, Time>([this, setOnce](uint16_t, uint8_t, Time) {
            if (m_results.empty())
            {
                if (m_initialMip.IsZero())
                {
                    m_initialMip = Simulator::Now();
                }
                return;
            }
            setOnce(&Result::tMip);
        }));

    // Probes.
    Time clientStop = m_config.stop - PROBE_TAIL;
    auto count = static_cast<uint32_t>(std::ceil((clientStop - m_config.probeStart).GetSeconds() /
                                                 m_config.probeInterval.GetSeconds()) +
                                       1);
    auto record = [](std::set<uint32_t>* set) {
        return Callback<void, Ptr<const Packet>>([set](Ptr<const Packet> p) {
            SeqTsHeader seqTs;
            if (p->GetSize() >= seqTs.GetSerializedSize())
            {
                p->Copy()->RemoveHeader(seqTs);
                set->insert(seqTs.GetSeq());
            }
        });
    };

    UdpServerHelper downServer(DOWN_PORT);
    ApplicationContainer apps = downServer.Install(mn);
    m_downServer = DynamicCast<UdpServer>(apps.Get(0));
    m_downServer->TraceConnectWithoutContext("Rx", record(&m_downReceived));
    apps.Start(Seconds(0));
    UdpServerHelper upServer(UP_PORT);
    apps = upServer.Install(cn);
    m_upServer = DynamicCast<UdpServer>(apps.Get(0));
    m_upServer->TraceConnectWithoutContext("Rx", record(&m_upReceived));
    apps.Start(Seconds(0));

    UdpClientHelper downClient(HOME_ADDRESS, DOWN_PORT);
    downClient.SetAttribute("MaxPackets", UintegerValue(count));
    downClient.SetAttribute("Interval", TimeValue(m_config.probeInterval));
    downClient.SetAttribute("PacketSize", UintegerValue(m_config.probeSize));
    apps = downClient.Install(cn);
    apps.Start(m_config.probeStart);
    apps.Stop(clientStop);
    UdpClientHelper upClient(CN_ADDRESS, UP_PORT);
    upClient.SetAttribute("MaxPackets", UintegerValue(count));
    upClient.SetAttribute("Interval", TimeValue(m_config.probeInterval));
    upClient.SetAttribute("PacketSize", UintegerValue(m_config.probeSize));
    apps = upClient.Install(mn);
    apps.Start(UplinkStart());
    apps.Stop(clientStop);
}

Time
Mipv6HandoverScenario::UplinkStart() const
{
    return m_config.probeStart + m_config.probeInterval / 2;
}

int64_t
Mipv6HandoverScenario::AssignStreams(int64_t stream)
{
    int64_t used = 0;
    InternetStackHelper stack;
    used += stack.AssignStreams(m_nodes, stream + used);
    used += IpsecHelper().AssignStreams(m_nodes, stream + used); // keys, IVs, SPIs, cookies
    for (const auto& app : m_apps)
    {
        Ptr<Radvd> radvd = DynamicCast<Radvd>(app);
        if (radvd)
        {
            used += radvd->AssignStreams(stream + used);
        }
    }
    m_phase = CreateObject<UniformRandomVariable>();
    m_phase->SetStream(stream + used);
    ++used;
    for (auto it = m_nodes.Begin(); it != m_nodes.End(); ++it)
    {
        for (uint32_t i = 0; i < (*it)->GetNApplications(); ++i)
        {
            // CXTP agents draw the experimental SPI collisions (SpiCollisionProbability).
            if (Ptr<CxtpAgent> agent = DynamicCast<CxtpAgent>((*it)->GetApplication(i)))
            {
                used += agent->AssignStreams(stream + used);
            }
        }
    }
    return used;
}

void
Mipv6HandoverScenario::EnablePcap(const std::string& prefix) const
{
    PointToPointHelper p2p;
    p2p.EnablePcap(prefix, m_p2pDevices);
    CsmaHelper csma;
    csma.EnablePcap(prefix, m_csmaDevices, false);
}

void
Mipv6HandoverScenario::Run()
{
    if (m_config.randomPhase && !m_phase)
    {
        m_phase = CreateObject<UniformRandomVariable>();
    }
    m_handoverTimes.clear();
    for (uint32_t k = 0; k < m_config.handovers; ++k)
    {
        Time at = m_config.handoverAt + m_config.handoverPeriod * k;
        if (m_config.randomPhase)
        {
            at += Seconds(m_phase->GetValue(0, m_config.probeInterval.GetSeconds()));
        }
        m_handoverTimes.push_back(at);
        // Alternately to link 2 and back to link 1; the old access router hears of the move
        // hintLead before the MN leaves.
        uint32_t from = k % 2;
        uint32_t to = (k + 1) % 2;
        Simulator::Schedule(at > m_config.hintLead ? at - m_config.hintLead : Seconds(0),
                            &HandoverSecurityMethod::HandoverHint,
                            m_security,
                            from,
                            to);
        m_mn->HandoverTo(m_mnInterfaces.at(to), at);
    }
    Simulator::Stop(m_config.stop);
    Simulator::Run();
}

void
Mipv6HandoverScenario::CountProbes(const Result& r,
                                   Time windowStart,
                                   Time windowEnd,
                                   const std::set<uint32_t>& received,
                                   Time start,
                                   uint32_t& sent,
                                   uint32_t& lost,
                                   uint32_t& before,
                                   uint32_t& after,
                                   Time& lastBefore,
                                   Time& firstAfter) const
{
    if (windowStart.IsZero())
    {
        return; // never registered: nothing to compare with
    }
    for (uint32_t k = 0;; ++k)
    {
        Time t = start + m_config.probeInterval * k;
        if (t >= windowEnd)
        {
            break;
        }
        if (t < windowStart)
        {
            continue;
        }
        bool got = received.count(k) > 0;
        ++sent;
        lost += got ? 0 : 1;
        if (!got)
        {
            continue;
        }
        if (t < r.tDetach)
        {
            ++before;
            lastBefore = t;
        }
        else
        {
            if (firstAfter.IsZero())
            {
                firstAfter = t;
            }
            if (!r.tMip.IsZero() && t >= r.tMip)
            {
                ++after;
            }
        }
    }
}

std::vector<Mipv6HandoverScenario::Result>
Mipv6HandoverScenario::GetResults() const
{
    std::vector<Result> results;
    Time clientStop = m_config.stop - PROBE_TAIL;
    for (size_t k = 0; k < m_results.size(); ++k)
    {
        Result r = m_results[k];
        r.complete = !r.tInitialMip.IsZero() && !r.tDetach.IsZero() && !r.tAttach.IsZero() &&
                     !r.tCoa.IsZero() && !r.tMip.IsZero() && !r.tSec.IsZero();
        if (r.complete)
        {
            r.alpha = r.tMip - r.tAttach;
        }
        // From the end of the previous outage (MIPv6 and the tunnel both back) to the next
        // detach, so that no loss is counted for two handovers.
        Time windowStart =
            k == 0 ? m_initialMip : std::max(m_results[k - 1].tMip, m_results[k - 1].tSec);
        Time windowEnd = k + 1 < m_results.size() ? m_results[k + 1].tDetach : clientStop;
        Time signallingEnd = k + 1 < m_results.size() ? m_results[k + 1].tDetach : Time::Max();
        r.messages = m_monitor->GetSecurityMessages(r.tAttach, signallingEnd);
        r.bytes = m_monitor->GetSecurityBytes(r.tAttach, signallingEnd);
        // Core signalling may start with the old access router's hint, before the detach.
        Time coreStart = r.tDetach > m_config.hintLead ? r.tDetach - m_config.hintLead : Time(0);
        Time coreEnd = k + 1 < m_results.size() && m_results[k + 1].tDetach > m_config.hintLead
                           ? m_results[k + 1].tDetach - m_config.hintLead
                           : Time::Max();
        r.coreBytes = m_monitor->GetCoreBytes(coreStart, coreEnd);
        r.coreMessages = m_monitor->GetCoreMessages(coreStart, coreEnd);
        CountProbes(r,
                    windowStart,
                    windowEnd,
                    m_downReceived,
                    m_config.probeStart,
                    r.sentDown,
                    r.lostDown,
                    r.receivedDownBefore,
                    r.receivedDownAfter,
                    r.lastDownBefore,
                    r.firstDownAfter);
        CountProbes(r,
                    windowStart,
                    windowEnd,
                    m_upReceived,
                    UplinkStart(),
                    r.sentUp,
                    r.lostUp,
                    r.receivedUpBefore,
                    r.receivedUpAfter,
                    r.lastUpBefore,
                    r.firstUpAfter);
        if (r.complete && r.tSec > r.tCoaFormed)
        {
            // The probes of the security set-up alone (the paper's estimate): sent between the
            // new CoA and the new SA pair.
            uint32_t sent = 0;
            uint32_t before = 0;
            uint32_t after = 0;
            Time lastBefore;
            Time firstAfter;
            CountProbes(r,
                        r.tCoaFormed,
                        r.tSec,
                        m_downReceived,
                        m_config.probeStart,
                        sent,
                        r.lostDownSetup,
                        before,
                        after,
                        lastBefore,
                        firstAfter);
            sent = 0;
            CountProbes(r,
                        r.tCoaFormed,
                        r.tSec,
                        m_upReceived,
                        UplinkStart(),
                        sent,
                        r.lostUpSetup,
                        before,
                        after,
                        lastBefore,
                        firstAfter);
        }
        results.push_back(r);
    }
    return results;
}

void
Mipv6HandoverScenario::GetProbeLoss(Time from, Time to, uint32_t& sent, uint32_t& lost) const
{
    sent = 0;
    lost = 0;
    Result none; // no timeline: only the sent and lost counts matter
    uint32_t before = 0;
    uint32_t after = 0;
    Time lastBefore;
    Time firstAfter;
    Time end = std::min(to, m_config.stop - PROBE_TAIL);
    CountProbes(none,
                from,
                end,
                m_downReceived,
                m_config.probeStart,
                sent,
                lost,
                before,
                after,
                lastBefore,
                firstAfter);
    CountProbes(none,
                from,
                end,
                m_upReceived,
                UplinkStart(),
                sent,
                lost,
                before,
                after,
                lastBefore,
                firstAfter);
}

Mipv6HandoverScenario::Result
Mipv6HandoverScenario::GetResult(uint32_t i) const
{
    std::vector<Result> results = GetResults();
    return i < results.size() ? results[i] : Result();
}

Ptr<Mipv6MobileNode>
Mipv6HandoverScenario::GetMobileNode() const
{
    return m_mn;
}

Ptr<Mipv6HomeAgent>
Mipv6HandoverScenario::GetHomeAgent() const
{
    return m_ha;
}

Ptr<HandoverSecurityMethod>
Mipv6HandoverScenario::GetSecurityMethod() const
{
    return m_security;
}

Ptr<Node>
Mipv6HandoverScenario::GetAccessRouter(uint32_t link) const
{
    NS_ABORT_MSG_IF(link > 1, "the scenario has two access links");
    return m_nodes.Get(link == 0 ? AR1 : AR2);
}

Time
Mipv6HandoverScenario::GetHandoverTime(uint32_t i) const
{
    return i < m_handoverTimes.size() ? m_handoverTimes[i] : Seconds(0);
}

} // namespace ns3
