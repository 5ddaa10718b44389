/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "signalling-monitor.h"

#include "ns3/abort.h"
#include "ns3/ethernet-header.h"
#include "ns3/ipv6-header.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/ppp-header.h"
#include "ns3/simulator.h"
#include "ns3/udp-header.h"
#include "ns3/wire-reader.h"

#include <algorithm>
#include <vector>

namespace ns3
{

void
SignallingMonitor::Attach(Ptr<NetDevice> device)
{
    bool core = DynamicCast<PointToPointNetDevice>(device) != nullptr;
    bool ok = device->TraceConnectWithoutContext(
        "MacTx",
        MakeCallback(&SignallingMonitor::Record, this).Bind(device->GetNode()->GetId(), core));
    NS_ABORT_MSG_IF(!ok, "SignallingMonitor: device without a MacTx trace");
}

void
SignallingMonitor::Record(uint32_t node, bool core, Ptr<const Packet> frame)
{
    Ptr<Packet> copy = frame->Copy();
    if (core)
    {
        PppHeader ppp;
        if (copy->GetSize() < 2 + 40)
        {
            return;
        }
        copy->RemoveHeader(ppp);
        if (ppp.GetProtocol() != 0x0057) // IPv6
        {
            return;
        }
    }
    else
    {
        EthernetHeader eth;
        if (copy->GetSize() < 14 + 40)
        {
            return;
        }
        copy->RemoveHeader(eth);
        if (eth.GetLengthType() != 0x86DD)
        {
            return;
        }
    }
    Ipv6Header ip;
    copy->RemoveHeader(ip);
    Frame f;
    f.time = Simulator::Now();
    f.node = node;
    f.core = core;
    f.bytes = (core ? 0 : 14) + 40 + ip.GetPayloadLength();
    f.ike = false;
    f.cxtp = false;
    f.aaa = false;
    f.exchange = 0;
    f.continuation = false;
    uint8_t next = ip.GetNextHeader();
    std::tuple<uint32_t, Ipv6Address, uint32_t> fragmentKey;
    bool firstFragment = false;
    if (next == 44 && copy->GetSize() >= 8) // Fragment header (RFC 8200 §4.5)
    {
        uint8_t fh[8];
        copy->CopyData(fh, 8);
        copy->RemoveAtStart(8);
        next = fh[0];
        uint16_t offset = WireReadU16(fh + 2) >> 3;
        fragmentKey = {node, ip.GetSource(), WireReadU32(fh + 4)};
        auto first = m_firstFragments.find(fragmentKey);
        if (offset != 0)
        {
            if (first != m_firstFragments.end())
            {
                Frame c = first->second;
                c.time = f.time;
                c.bytes = f.bytes;
                c.continuation = true;
                m_frames.push_back(c);
            }
            return;
        }
        firstFragment = true;
    }
    f.esp = next == 50;
    if (next == 17 && copy->GetSize() >= 8)
    {
        UdpHeader udp;
        copy->RemoveHeader(udp);
        uint16_t s = udp.GetSourcePort();
        uint16_t d = udp.GetDestinationPort();
        f.ike = s == 500 || d == 500 || s == 4500 || d == 4500;
        // The exchange type is octet 18 of the ISAKMP header (after a 4-byte non-ESP marker
        // on port 4500).
        f.cxtp = s == 5091 || d == 5091;
        f.aaa = s == 1812 || d == 1812; // RADIUS authentication (RFC 2865 §3)
        uint32_t offset = (s == 4500 || d == 4500) ? 4 + 18 : 18;
        if (f.ike && copy->GetSize() > offset)
        {
            std::vector<uint8_t> head(offset + 1);
            copy->CopyData(head.data(), head.size());
            f.exchange = head[offset];
        }
    }
    else if (f.esp && copy->GetSize() >= 4)
    {
        uint8_t spi[4];
        copy->CopyData(spi, 4);
        f.cxtp = m_cxtpSpis.count(WireReadU32(spi)) != 0;
    }
    else if (next == 58 && copy->GetSize() >= 1)
    {
        uint8_t type;
        copy->CopyData(&type, 1);
        f.cxtp = type == 150;
    }
    if (firstFragment)
    {
        m_firstFragments[fragmentKey] = f;
    }
    m_frames.push_back(f);
}

uint32_t
SignallingMonitor::GetSecurityMessages(Time from, Time to) const
{
    uint32_t n = 0;
    for (const auto& f : m_frames)
    {
        n += !f.core && !f.continuation && (f.ike || f.cxtp) && f.time >= from && f.time < to;
    }
    return n;
}

uint64_t
SignallingMonitor::GetSecurityBytes(Time from, Time to) const
{
    uint64_t n = 0;
    for (const auto& f : m_frames)
    {
        n += (!f.core && (f.ike || f.cxtp) && f.time >= from && f.time < to) ? f.bytes : 0;
    }
    return n;
}

uint64_t
SignallingMonitor::GetCoreBytes(Time from, Time to) const
{
    uint64_t n = 0;
    for (const auto& f : m_frames)
    {
        n += (f.core && (f.cxtp || f.aaa) && f.time >= from && f.time < to) ? f.bytes : 0;
    }
    return n;
}

uint32_t
SignallingMonitor::GetCoreMessages(Time from, Time to) const
{
    uint32_t n = 0;
    for (const auto& f : m_frames)
    {
        n += f.core && !f.continuation && (f.cxtp || f.aaa) && f.time >= from && f.time < to;
    }
    return n;
}

uint32_t
SignallingMonitor::GetIkeMessages(Time from, Time to) const
{
    uint32_t n = 0;
    for (const auto& f : m_frames)
    {
        n += !f.core && !f.continuation && f.ike && f.time >= from && f.time <= to;
    }
    return n;
}

std::map<uint8_t, SignallingMonitor::ExchangeCount>
SignallingMonitor::GetIkeExchanges(uint32_t node) const
{
    std::map<uint8_t, ExchangeCount> counts;
    for (const auto& f : m_frames)
    {
        if (f.core || !f.ike)
        {
            continue;
        }
        ExchangeCount& c = counts[f.exchange];
        if (!f.continuation)
        {
            (f.node == node ? c.fromNode : c.toNode)++;
        }
        c.bytes += f.bytes;
        c.first = std::min(c.first, f.time);
        c.last = std::max(c.last, f.time);
    }
    return counts;
}

uint64_t
SignallingMonitor::GetIkeBytes(Time from, Time to) const
{
    uint64_t n = 0;
    for (const auto& f : m_frames)
    {
        n += (!f.core && f.ike && f.time >= from && f.time <= to) ? f.bytes : 0;
    }
    return n;
}

void
SignallingMonitor::SetCxtpSpis(const std::set<uint32_t>& spis)
{
    m_cxtpSpis = spis;
}

const std::vector<SignallingMonitor::Frame>&
SignallingMonitor::GetFrames() const
{
    return m_frames;
}

} // namespace ns3
