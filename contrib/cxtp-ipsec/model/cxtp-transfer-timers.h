/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CXTP_TRANSFER_TIMERS_H
#define CXTP_TRANSFER_TIMERS_H

#include "ipsec-retransmission.h"

#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"

#include <map>
#include <utility>

namespace ns3
{

class RttEstimator;

/**
 * \ingroup cxtp-ipsec
 * \brief The retransmission timeouts of one CXTP agent's gateway-to-gateway messages, following
 * the round trip to each peer gateway.
 *
 * RFC 4067 §3 leaves the timers of a non-SCTP transport to the implementation ("exponential
 * back-off") and §4 names CT_MAX_TRANSFER_TIME (200 ms) for the whole transfer; a fixed first
 * timeout shorter than the path's round trip retransmits every message and gives up before the
 * answer can come. Here, as TCP does (RFC 6298):
 *
 * - per peer gateway and per exchange (CT-Req → CTD; PCTD → CTDR, which also spans the MN's
 *   move), SRTT and RTTVAR are estimated from the exchanges whose message left once (Karn's rule,
 *   RFC 6298 §3), with ns-3's RttMeanDeviation (RFC 6298 §2.3 gains);
 * - the first timeout is max(minTimeout, SRTT + 4 RTTVAR). Before any measurement, a configured
 *   round trip R stands for the first one (RFC 6298 §2.2: SRTT = R, RTTVAR = R/2, so 3R);
 *   without one the first timeout is minTimeout. A PCTD's answer also waits for the MN to reach
 *   nSG, which nSG allows CT_MAX_HANDOVER_TIME for (RFC 4067 §2.1.1): until a PCTD → CTDR round
 *   trip is measured, that allowance is added to its first timeout, so that a push is not sent
 *   again only because the MN is still moving;
 * - the timeout doubles at each retransmission (RFC 4067 §3), and the doubled value is kept for
 *   the next message to that peer until a measurement replaces it (RFC 6298 §5.5, §5.7);
 * - the transfer gives up at CT_MAX_TRANSFER_TIME scaled by firstTimeout / minTimeout (never
 *   less): with the defaults (50 ms, 200 ms) four first timeouts, i.e. the RFC's 200 ms on a short
 *   path and the same three transmissions on a long one.
 */
class CxtpTransferTimers
{
  public:
    /// The exchanges timed separately.
    enum Exchange
    {
        REQUEST, ///< nSG: CT-Req until the CTD
        PUSH     ///< pSG: PCTD until the CTDR
    };

    CxtpTransferTimers();
    ~CxtpTransferTimers();

    /**
     * \param minTimeout the smallest first timeout (CxtpAgent "RetryInterval")
     * \param maxTransferTime CT_MAX_TRANSFER_TIME for a first timeout of minTimeout
     * \param assumedRoundTrip the round trip assumed until one is measured; zero for none
     * \param moveAllowance added to a PCTD's first timeout until a PCTD → CTDR round trip is
     *        measured (CT_MAX_HANDOVER_TIME)
     */
    void Configure(Time minTimeout,
                   Time maxTransferTime,
                   Time assumedRoundTrip,
                   Time moveAllowance);

    /**
     * \param peer the peer gateway's address
     * \param exchange which message
     * \return the first timeout of the next such message to \p peer
     */
    Time GetTimeout(Ipv6Address peer, Exchange exchange) const;
    /**
     * \param peer the peer gateway's address
     * \param exchange which message
     * \return the back-off (doubling from GetTimeout(), with its deadline)
     */
    IpsecRetransmissionPolicy GetPolicy(Ipv6Address peer, Exchange exchange) const;
    /**
     * \brief Records the round trip of an exchange whose message was sent once.
     * \param peer the peer gateway's address
     * \param exchange which message
     * \param roundTrip from its transmission to the answer
     */
    void AddSample(Ipv6Address peer, Exchange exchange, Time roundTrip);
    /**
     * \brief Keeps a backed-off timeout for the next message of the exchange to \p peer, until a
     * measurement replaces it (RFC 6298 §5.7).
     * \param peer the peer gateway's address
     * \param exchange which message
     * \param timeout the timeout after the retransmission just made
     */
    void NoteBackoff(Ipv6Address peer, Exchange exchange, Time timeout);
    /// Forgets every measurement.
    void Clear();

  private:
    Time m_minTimeout;       ///< smallest first timeout
    Time m_maxTransferTime;  ///< deadline for a first timeout of m_minTimeout
    Time m_assumedRoundTrip; ///< until measured; zero for none
    Time m_moveAllowance;    ///< added to a PCTD's first timeout until measured
    /// One estimator per peer and exchange, created by the first sample.
    std::map<std::pair<Ipv6Address, Exchange>, Ptr<RttEstimator>> m_estimators;
    /// Backed-off first timeouts, until the next sample.
    std::map<std::pair<Ipv6Address, Exchange>, Time> m_backoff;
};

} // namespace ns3

#endif // CXTP_TRANSFER_TIMERS_H
