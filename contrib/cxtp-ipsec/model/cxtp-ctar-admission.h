/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CXTP_CTAR_ADMISSION_H
#define CXTP_CTAR_ADMISSION_H

#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <deque>
#include <set>
#include <utility>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Which CTARs a gateway handles (RFC 4067 §3, §6.3): at most CT_REQUEST_RATE per second,
 * and each (sequence number, previous address) pair once. Part of CxtpAgent, which owns it.
 *
 * RFC 4067 §3 asks for a random drop above CT_REQUEST_RATE; this model drops every CTAR beyond
 * the rate within the last second, which keeps runs reproducible without a random stream. A
 * dropped CTAR is not remembered; a replayed one counts towards the rate.
 */
class CxtpCtarAdmission
{
  public:
    /// What becomes of a CTAR.
    enum Verdict
    {
        ADMITTED,     ///< handle it
        RATE_LIMITED, ///< beyond CT_REQUEST_RATE: drop it unread
        REPLAYED,     ///< its (sequence, previous address) was seen before: drop it
    };

    /**
     * \param sequence the CTAR's sequence number
     * \param previous the CTAR's previous address
     * \param rate CT_REQUEST_RATE, CTARs per second (0: no limit)
     * \return the verdict; the CTAR is recorded unless rate-limited
     */
    Verdict Admit(uint32_t sequence, Ipv6Address previous, uint32_t rate);

  private:
    std::deque<Time> m_times;                          ///< arrivals within the last second
    std::set<std::pair<uint32_t, Ipv6Address>> m_seen; ///< CTARs seen
};

} // namespace ns3

#endif // CXTP_CTAR_ADMISSION_H
