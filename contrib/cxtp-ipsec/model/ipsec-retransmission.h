/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_RETRANSMISSION_H
#define IPSEC_RETRANSMISSION_H

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief When a request that got no answer is sent again, and when the sender gives up.
 *
 * Timeouts grow by a factor after each retransmission and stop at a count, a deadline, or both:
 * - Fixed(): the same interval every time, a fixed number of retransmissions (racoon's
 *   retry_counter and retry_interval);
 * - Exponential(): RFC 7296 §2.1, the interval multiplied after each retransmission (charon:
 *   1.8), a limited number of retransmissions;
 * - Deadline(): RFC 4067 §3, the interval doubled each time, no more retransmission once the
 *   deadline (CT_MAX_TRANSFER_TIME) after the first transmission has passed;
 * - Capped(): RFC 6275 §11.8, the interval doubled each time up to a largest interval
 *   (MAX_BINDACK_TIMEOUT), then retransmitted at that rate without end.
 */
struct IpsecRetransmissionPolicy
{
    Time interval{Seconds(10)};                                ///< first timeout
    double factor{1.0};                                        ///< growth per retry
    uint32_t maxRetries{std::numeric_limits<uint32_t>::max()}; ///< retransmissions
    Time deadline{Time::Max()};    ///< from the first transmission; Time::Max() for none
    Time maxInterval{Time::Max()}; ///< largest timeout; Time::Max() for none

    /**
     * \param interval the timeout
     * \param retries retransmissions before giving up
     * \return a policy with a fixed interval
     */
    static IpsecRetransmissionPolicy Fixed(Time interval, uint32_t retries);
    /**
     * \param interval the first timeout
     * \param factor what each timeout is multiplied by for the next
     * \param retries retransmissions before giving up
     * \return an exponential back-off
     */
    static IpsecRetransmissionPolicy Exponential(Time interval, double factor, uint32_t retries);
    /**
     * \param interval the first timeout, doubled each time
     * \param deadline how long after the first transmission the sender gives up
     * \return a back-off bounded by a deadline
     */
    static IpsecRetransmissionPolicy Deadline(Time interval, Time deadline);
    /**
     * \param interval the first timeout, doubled each time
     * \param maxInterval the largest timeout
     * \return a back-off that never gives up
     */
    static IpsecRetransmissionPolicy Capped(Time interval, Time maxInterval);
};

/**
 * \ingroup cxtp-ipsec
 * \brief The retransmission of one outstanding request, and the answer cache of one exchange.
 *
 * The one retransmission mechanism of the module: IKE exchanges, UPDATE_SPI, CXTP's CT-Req
 * and PCTD and the mobile node's Binding Updates all use it. Start() arms it for a request whose
 * first transmission happens after a delay (the sender's processing time); each expiry calls the
 * resend callback and arms the next timeout (GetTimeout() already gives it while the resend
 * callback runs); when the policy is exhausted the give-up callback runs instead. Stop() on the
 * answer; the resend callback may call Stop() or Start().
 *
 * The same object keeps the last message sent and the last one received in the exchange:
 * IsDuplicate() recognises a retransmitted request, and GetLastSent() is what to answer it with
 * (RFC 7296 §2.1: the responder answers a retransmission with the same response; racoon does the
 * same for IKEv1).
 *
 * Not copyable: an armed timer refers to its object.
 */
class IpsecRetransmission
{
  public:
    IpsecRetransmission();
    ~IpsecRetransmission();
    IpsecRetransmission(const IpsecRetransmission&) = delete;
    IpsecRetransmission& operator=(const IpsecRetransmission&) = delete;

    /**
     * \brief Arms the timer for a request.
     * \param policy the timeouts and limits
     * \param firstDelay when the request leaves, from now (the first timeout runs from then)
     * \param resend called at each expiry that leads to a retransmission
     * \param giveUp called once when no retransmission is left
     */
    void Start(const IpsecRetransmissionPolicy& policy,
               Time firstDelay,
               Callback<void> resend,
               Callback<void> giveUp);
    /// Disarms the timer (the answer came, or the exchange is gone).
    void Stop();
    /// \return true while a request waits for its answer
    bool IsActive() const;
    /// \return retransmissions since the last Start()
    uint32_t GetRetries() const;
    /// \return the timeout that runs from the last (re)transmission
    Time GetTimeout() const;

    /// \param message the message just sent in this exchange (what a resend repeats)
    void NoteSent(const std::vector<uint8_t>& message);
    /// \param message the message just accepted in this exchange
    void NoteReceived(const std::vector<uint8_t>& message);
    /**
     * \param message a received message
     * \return true if it is the message accepted last (the peer retransmitted it)
     */
    bool IsDuplicate(const std::vector<uint8_t>& message) const;
    /// \return the message sent last (empty if none)
    const std::vector<uint8_t>& GetLastSent() const;
    /**
     * \return true if the message sent last left after the one accepted last, so that it
     *         answers it: a repeat of that one is answered with it; a repeat of a message that
     *         came after ours (the answer to our request) is not, or two ends that each answer
     *         the other's repeats send each other the same two messages without end
     */
    bool AnswersLastReceived() const;
    /// \return the message accepted last (empty if none)
    const std::vector<uint8_t>& GetLastReceived() const;

  private:
    /// Timer expiry: retransmit and re-arm, or give up.
    void Expire();
    /// Arms the next expiry after \p timeout, not beyond the deadline.
    void Arm(Time timeout);

    IpsecRetransmissionPolicy m_policy; ///< the policy of the running request
    Callback<void> m_resend;            ///< retransmits
    Callback<void> m_giveUp;            ///< reports the failure
    Time m_firstSent;                   ///< when the request first left
    Time m_timeout;                     ///< the current timeout
    uint32_t m_retries;                 ///< retransmissions so far
    EventId m_timer;                    ///< the next expiry
    std::vector<uint8_t> m_sent;        ///< last message sent
    std::vector<uint8_t> m_received;    ///< last message accepted
    bool m_sentAfterReceived{false};    ///< m_sent left after m_received came
};

} // namespace ns3

#endif // IPSEC_RETRANSMISSION_H
