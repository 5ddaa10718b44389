/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_WORK_CLOCK_H
#define IPSEC_WORK_CLOCK_H

#include "ns3/callback.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The processor of one node that does its key-management work: IKE daemons, the CXTP
 * agent and the kernel's PF_KEY handling all book simulated work on it.
 *
 * One processor serving work in order (first come, first served, no pre-emption): a piece of
 * work booked while the processor is busy starts when everything booked before it is done. So
 * concurrent negotiations on one gateway queue behind each other, and a kernel SA installation
 * waits for the daemon step that asked for it. The amounts come from the node's CryptoCostModel
 * profile; the clock only orders them in time. Work of zero length on an idle processor is done
 * at once (synchronously in Run()), so a node without costs behaves as if work took no time.
 *
 * Get() finds the node's clock, aggregating one on first use, so every user of a node shares it.
 */
class IpsecWorkClock : public Object
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    IpsecWorkClock();
    ~IpsecWorkClock() override;

    /**
     * \param aggregate a node, or any object aggregated to it
     * \return the node's clock, created and aggregated if the node has none yet
     */
    static Ptr<IpsecWorkClock> Get(Ptr<Object> aggregate);

    /**
     * \brief Books work after what is already booked.
     * \param work the processing time
     * \return the delay from now until that work is done
     */
    Time Reserve(Time work);
    /**
     * \brief Books work and runs \p task when it is done: at once if the processor is idle and
     * the work is zero, otherwise from a scheduled event.
     * \param work the processing time
     * \param task what to do once the work is done
     */
    void Run(Time work, Callback<void> task);
    /// \return when the work booked so far is done (at least now)
    Time GetBusyUntil() const;

    /**
     * \brief Signature of the Work trace: one piece of work booked.
     * \param start when the processor starts it
     * \param work its length
     */
    typedef void (*WorkTracedCallback)(Time start, Time work);

  private:
    Time m_busyUntil;                       ///< end of the work booked so far
    TracedCallback<Time, Time> m_workTrace; ///< Work trace source
};

} // namespace ns3

#endif // IPSEC_WORK_CLOCK_H
