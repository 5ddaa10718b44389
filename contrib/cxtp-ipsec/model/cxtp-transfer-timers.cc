/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "cxtp-transfer-timers.h"

#include "ns3/rtt-estimator.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

CxtpTransferTimers::CxtpTransferTimers()
    : m_minTimeout(MilliSeconds(50)),
      m_maxTransferTime(MilliSeconds(200)),
      m_assumedRoundTrip(Seconds(0)),
      m_moveAllowance(Seconds(0))
{
}

CxtpTransferTimers::~CxtpTransferTimers() = default;

void
CxtpTransferTimers::Configure(Time minTimeout,
                              Time maxTransferTime,
                              Time assumedRoundTrip,
                              Time moveAllowance)
{
    m_minTimeout = minTimeout;
    m_maxTransferTime = maxTransferTime;
    m_assumedRoundTrip = assumedRoundTrip;
    m_moveAllowance = moveAllowance;
}

Time
CxtpTransferTimers::GetTimeout(Ipv6Address peer, Exchange exchange) const
{
    Time timeout;
    auto it = m_estimators.find({peer, exchange});
    if (it != m_estimators.end())
    {
        timeout =
            std::max(m_minTimeout, it->second->GetEstimate() + it->second->GetVariation() * 4);
    }
    else
    {
        timeout = std::max(m_minTimeout, m_assumedRoundTrip * 3); // SRTT = R, RTTVAR = R/2
        if (exchange == PUSH)
        {
            timeout += m_moveAllowance;
        }
    }
    auto backoff = m_backoff.find({peer, exchange});
    return backoff == m_backoff.end() ? timeout : std::max(timeout, backoff->second);
}

IpsecRetransmissionPolicy
CxtpTransferTimers::GetPolicy(Ipv6Address peer, Exchange exchange) const
{
    Time timeout = GetTimeout(peer, exchange); // never below m_minTimeout: the scale is >= 1
    Time deadline = Time::FromDouble(
        std::round(m_maxTransferTime.GetDouble() * timeout.GetDouble() / m_minTimeout.GetDouble()),
        Time::GetResolution());
    return IpsecRetransmissionPolicy::Deadline(timeout, deadline);
}

void
CxtpTransferTimers::AddSample(Ipv6Address peer, Exchange exchange, Time roundTrip)
{
    Ptr<RttEstimator>& estimator = m_estimators[{peer, exchange}];
    if (!estimator)
    {
        estimator = CreateObject<RttMeanDeviation>();
    }
    estimator->Measurement(roundTrip);
    m_backoff.erase({peer, exchange});
}

void
CxtpTransferTimers::NoteBackoff(Ipv6Address peer, Exchange exchange, Time timeout)
{
    m_backoff[{peer, exchange}] = timeout;
}

void
CxtpTransferTimers::Clear()
{
    m_estimators.clear();
    m_backoff.clear();
}

} // namespace ns3
