/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-sad.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IpsecSad");
NS_OBJECT_ENSURE_REGISTERED(IpsecSad);

TypeId
IpsecSad::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::IpsecSad")
            .SetParent<Object>()
            .SetGroupName("CxtpIpsec")
            .AddConstructor<IpsecSad>()
            .AddAttribute("ReplayWindowSize",
                          "Anti-replay window, in packets, of fresh inbound SAs (RFC 4303 §3.4.3; "
                          "at least 32).",
                          UintegerValue(64),
                          MakeUintegerAccessor(&IpsecSad::m_replayWindowSize),
                          MakeUintegerChecker<uint32_t>(32, 65536))
            .AddTraceSource("Expire",
                            "An SA reached its soft or hard lifetime.",
                            MakeTraceSourceAccessor(&IpsecSad::m_expireTrace),
                            "ns3::IpsecSad::ExpireTracedCallback")
            .AddTraceSource("Change",
                            "An SA was added, updated or removed.",
                            MakeTraceSourceAccessor(&IpsecSad::m_changeTrace),
                            "ns3::IpsecSad::ChangeTracedCallback");
    return tid;
}

IpsecSad::IpsecSad()
    : m_replayWindowSize(64)
{
    NS_LOG_FUNCTION(this);
}

IpsecSad::~IpsecSad()
{
    NS_LOG_FUNCTION(this);
}

void
IpsecSad::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (auto& [key, entry] : m_entries)
    {
        entry.softEvent.Cancel();
        entry.hardEvent.Cancel();
    }
    m_entries.clear();
    Object::DoDispose();
}

IpsecSad::Key
IpsecSad::MakeKey(IpsecDirection direction, uint32_t spi, const Ipv6Address& destination)
{
    return Key(direction,
               spi,
               direction == IpsecDirection::INBOUND ? Ipv6Address::GetAny() : destination);
}

std::string
IpsecSad::Add(const IpsecSecurityAssociation& sa, bool keepCurrent)
{
    NS_LOG_FUNCTION(this << sa.spi << ToString(sa.direction));
    std::string error = sa.Validate();
    if (!error.empty())
    {
        return error;
    }
    Key key = MakeKey(sa.direction, sa.spi, sa.destination);
    if (m_entries.count(key))
    {
        std::ostringstream os;
        os << "SA spi 0x" << std::hex << sa.spi << std::dec << " (" << ToString(sa.direction)
           << ") is already installed";
        return os.str();
    }
    Entry& entry = m_entries[key];
    entry.sa = sa;
    entry.order = m_nextOrder++;
    if (!keepCurrent || sa.addTime > Simulator::Now())
    {
        entry.sa.addTime = Simulator::Now();
    }
    if (sa.direction == IpsecDirection::INBOUND && sa.replay.GetHighest() == 0)
    {
        entry.sa.replay = IpsecReplayWindow(m_replayWindowSize, sa.esn);
    }
    // Time limits count from the add time: an SA carried over from another node expires at the
    // instant it would have expired there.
    Time age = Simulator::Now() - entry.sa.addTime;
    if (sa.softLifetime.time.IsStrictlyPositive())
    {
        entry.softEvent = Simulator::Schedule(Max(sa.softLifetime.time - age, Time(0)),
                                              &IpsecSad::ExpireSoft,
                                              this,
                                              key);
    }
    if (sa.hardLifetime.time.IsStrictlyPositive())
    {
        entry.hardEvent = Simulator::Schedule(Max(sa.hardLifetime.time - age, Time(0)),
                                              &IpsecSad::ExpireHard,
                                              this,
                                              key);
    }
    m_changeTrace(entry.sa, true);
    return "";
}

std::string
IpsecSad::Update(const IpsecSecurityAssociation& sa)
{
    NS_LOG_FUNCTION(this << sa.spi << ToString(sa.direction));
    std::string error = sa.Validate();
    if (!error.empty())
    {
        return error;
    }
    auto it = m_entries.find(MakeKey(sa.direction, sa.spi, sa.destination));
    if (it == m_entries.end())
    {
        std::ostringstream os;
        os << "SA spi 0x" << std::hex << sa.spi << std::dec << " (" << ToString(sa.direction)
           << ") is not installed";
        return os.str();
    }
    Time added = it->second.sa.addTime;
    it->second.sa = sa;
    it->second.sa.addTime = added;
    m_changeTrace(it->second.sa, true);
    return "";
}

bool
IpsecSad::Remove(IpsecDirection direction, uint32_t spi, const Ipv6Address& destination)
{
    NS_LOG_FUNCTION(this << ToString(direction) << spi << destination);
    auto it = m_entries.find(MakeKey(direction, spi, destination));
    if (it == m_entries.end())
    {
        return false;
    }
    it->second.softEvent.Cancel();
    it->second.hardEvent.Cancel();
    IpsecSecurityAssociation sa = it->second.sa;
    m_entries.erase(it);
    m_changeTrace(sa, false);
    return true;
}

void
IpsecSad::Flush()
{
    NS_LOG_FUNCTION(this);
    while (!m_entries.empty())
    {
        const Key key = m_entries.begin()->first;
        Remove(std::get<0>(key), std::get<1>(key), std::get<2>(key));
    }
}

IpsecSecurityAssociation*
IpsecSad::Find(IpsecDirection direction, uint32_t spi, const Ipv6Address& destination)
{
    auto it = m_entries.find(MakeKey(direction, spi, destination));
    return it == m_entries.end() ? nullptr : &it->second.sa;
}

IpsecSecurityAssociation*
IpsecSad::FindInbound(uint32_t spi)
{
    return Find(IpsecDirection::INBOUND, spi, Ipv6Address::GetAny());
}

IpsecSecurityAssociation*
IpsecSad::FindOutbound(uint32_t policyId)
{
    Entry* best = nullptr;
    for (auto& [key, entry] : m_entries)
    {
        if (entry.sa.direction == IpsecDirection::OUTBOUND && entry.sa.policyId == policyId &&
            (!best || entry.order > best->order))
        {
            best = &entry;
        }
    }
    return best ? &best->sa : nullptr;
}

bool
IpsecSad::IsInboundSpiInUse(uint32_t spi) const
{
    return m_entries.count(MakeKey(IpsecDirection::INBOUND, spi, Ipv6Address::GetAny())) != 0;
}

std::vector<IpsecSecurityAssociation>
IpsecSad::Dump() const
{
    std::vector<IpsecSecurityAssociation> out;
    for (const auto& [key, entry] : m_entries)
    {
        out.push_back(entry.sa);
    }
    return out;
}

uint32_t
IpsecSad::GetN() const
{
    return m_entries.size();
}

bool
IpsecSad::Account(IpsecSecurityAssociation& sa, uint32_t bytes)
{
    sa.bytes += bytes;
    sa.packets++;
    Key key = MakeKey(sa.direction, sa.spi, sa.destination);
    if (sa.hardLifetime.bytes != 0 && sa.bytes >= sa.hardLifetime.bytes)
    {
        ExpireHard(key);
        return false;
    }
    if (sa.softLifetime.bytes != 0 && sa.bytes >= sa.softLifetime.bytes)
    {
        ExpireSoft(key);
    }
    return true;
}

void
IpsecSad::ExpireSoft(Key key)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end() || it->second.softDone)
    {
        return;
    }
    NS_LOG_INFO("soft expiry of SA spi " << it->second.sa.spi);
    it->second.softDone = true;
    m_expireTrace(it->second.sa, false);
}

void
IpsecSad::ExpireHard(Key key)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end())
    {
        return;
    }
    NS_LOG_INFO("hard expiry of SA spi " << it->second.sa.spi);
    IpsecSecurityAssociation sa = it->second.sa;
    Remove(std::get<0>(key), std::get<1>(key), std::get<2>(key));
    m_expireTrace(sa, true);
}

} // namespace ns3
