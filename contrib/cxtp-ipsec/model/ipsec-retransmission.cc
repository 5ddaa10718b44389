/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-retransmission.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IpsecRetransmission");

IpsecRetransmissionPolicy
IpsecRetransmissionPolicy::Fixed(Time interval, uint32_t retries)
{
    IpsecRetransmissionPolicy p;
    p.interval = interval;
    p.maxRetries = retries;
    return p;
}

IpsecRetransmissionPolicy
IpsecRetransmissionPolicy::Exponential(Time interval, double factor, uint32_t retries)
{
    IpsecRetransmissionPolicy p = Fixed(interval, retries);
    p.factor = factor;
    return p;
}

IpsecRetransmissionPolicy
IpsecRetransmissionPolicy::Deadline(Time interval, Time deadline)
{
    IpsecRetransmissionPolicy p;
    p.interval = interval;
    p.factor = 2.0;
    p.deadline = deadline;
    return p;
}

IpsecRetransmissionPolicy
IpsecRetransmissionPolicy::Capped(Time interval, Time maxInterval)
{
    IpsecRetransmissionPolicy p;
    p.interval = interval;
    p.factor = 2.0;
    p.maxInterval = maxInterval;
    return p;
}

IpsecRetransmission::IpsecRetransmission()
    : m_retries(0)
{
}

IpsecRetransmission::~IpsecRetransmission()
{
    m_timer.Cancel();
}

void
IpsecRetransmission::Start(const IpsecRetransmissionPolicy& policy,
                           Time firstDelay,
                           Callback<void> resend,
                           Callback<void> giveUp)
{
    m_timer.Cancel();
    m_policy = policy;
    m_resend = resend;
    m_giveUp = giveUp;
    m_firstSent = Simulator::Now() + firstDelay;
    m_timeout = policy.interval;
    m_retries = 0;
    Arm(firstDelay + m_timeout);
}

void
IpsecRetransmission::Arm(Time timeout)
{
    Time at = Simulator::Now() + timeout;
    if (m_policy.deadline != Time::Max())
    {
        at = std::min(at, m_firstSent + m_policy.deadline);
    }
    m_timer = Simulator::Schedule(at - Simulator::Now(), &IpsecRetransmission::Expire, this);
}

void
IpsecRetransmission::Expire()
{
    bool late =
        m_policy.deadline != Time::Max() && Simulator::Now() >= m_firstSent + m_policy.deadline;
    if (m_retries >= m_policy.maxRetries || late)
    {
        NS_LOG_INFO("giving up after " << m_retries << " retransmissions");
        Callback<void> giveUp = m_giveUp;
        m_resend = Callback<void>();
        m_giveUp = Callback<void>();
        giveUp(); // may destroy this object: nothing follows
        return;
    }
    m_retries++;
    if (m_policy.factor != 1.0)
    {
        m_timeout = Time::FromDouble(std::round(m_timeout.GetDouble() * m_policy.factor),
                                     Time::GetResolution());
    }
    m_timeout = std::min(m_timeout, m_policy.maxInterval);
    Callback<void> resend = m_resend; // the callback may Start() or Stop() this timer
    resend();
    if (m_resend.IsNull() || m_timer.IsRunning())
    {
        return; // stopped or restarted by the callback
    }
    Arm(m_timeout);
}

void
IpsecRetransmission::Stop()
{
    m_timer.Cancel();
    m_resend = Callback<void>();
    m_giveUp = Callback<void>();
}

bool
IpsecRetransmission::IsActive() const
{
    return m_timer.IsRunning();
}

uint32_t
IpsecRetransmission::GetRetries() const
{
    return m_retries;
}

Time
IpsecRetransmission::GetTimeout() const
{
    return m_timeout;
}

void
IpsecRetransmission::NoteSent(const std::vector<uint8_t>& message)
{
    m_sent = message;
    m_sentAfterReceived = true;
}

void
IpsecRetransmission::NoteReceived(const std::vector<uint8_t>& message)
{
    m_received = message;
    m_sentAfterReceived = false;
}

bool
IpsecRetransmission::IsDuplicate(const std::vector<uint8_t>& message) const
{
    return !m_received.empty() && m_received == message;
}

bool
IpsecRetransmission::AnswersLastReceived() const
{
    return !m_sent.empty() && m_sentAfterReceived;
}

const std::vector<uint8_t>&
IpsecRetransmission::GetLastSent() const
{
    return m_sent;
}

const std::vector<uint8_t>&
IpsecRetransmission::GetLastReceived() const
{
    return m_received;
}

} // namespace ns3
