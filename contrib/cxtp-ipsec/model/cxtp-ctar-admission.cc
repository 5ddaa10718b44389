/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "cxtp-ctar-admission.h"

#include "ns3/simulator.h"

namespace ns3
{

CxtpCtarAdmission::Verdict
CxtpCtarAdmission::Admit(uint32_t sequence, Ipv6Address previous, uint32_t rate)
{
    while (!m_times.empty() && Simulator::Now() - m_times.front() >= Seconds(1))
    {
        m_times.pop_front();
    }
    if (rate > 0 && m_times.size() >= rate)
    {
        return RATE_LIMITED;
    }
    m_times.push_back(Simulator::Now());
    if (!m_seen.insert(std::make_pair(sequence, previous)).second)
    {
        return REPLAYED;
    }
    return ADMITTED;
}

} // namespace ns3
