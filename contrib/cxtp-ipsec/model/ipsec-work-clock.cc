/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-work-clock.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IpsecWorkClock");
NS_OBJECT_ENSURE_REGISTERED(IpsecWorkClock);

TypeId
IpsecWorkClock::GetTypeId()
{
    static TypeId tid = TypeId("ns3::IpsecWorkClock")
                            .SetParent<Object>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<IpsecWorkClock>()
                            .AddTraceSource("Work",
                                            "A piece of work was booked: its start and length.",
                                            MakeTraceSourceAccessor(&IpsecWorkClock::m_workTrace),
                                            "ns3::IpsecWorkClock::WorkTracedCallback");
    return tid;
}

IpsecWorkClock::IpsecWorkClock()
    : m_busyUntil(0)
{
}

IpsecWorkClock::~IpsecWorkClock() = default;

Ptr<IpsecWorkClock>
IpsecWorkClock::Get(Ptr<Object> aggregate)
{
    Ptr<IpsecWorkClock> clock = aggregate->GetObject<IpsecWorkClock>();
    if (!clock)
    {
        clock = CreateObject<IpsecWorkClock>();
        aggregate->AggregateObject(clock);
    }
    return clock;
}

Time
IpsecWorkClock::Reserve(Time work)
{
    Time start = std::max(Simulator::Now(), m_busyUntil);
    m_busyUntil = start + work;
    m_workTrace(start, work);
    NS_LOG_LOGIC("work " << work.As(Time::US) << " from " << start.As(Time::S));
    return m_busyUntil - Simulator::Now();
}

void
IpsecWorkClock::Run(Time work, Callback<void> task)
{
    Time delay = Reserve(work);
    if (delay.IsZero())
    {
        task();
        return;
    }
    Simulator::Schedule(delay, task);
}

Time
IpsecWorkClock::GetBusyUntil() const
{
    return std::max(Simulator::Now(), m_busyUntil);
}

} // namespace ns3
