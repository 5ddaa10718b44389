/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_INFORMATIONAL_TASK_H
#define IKEV2_INFORMATIONAL_TASK_H

#include "ikev2-message.h"
#include "ikev2-sa.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace ns3
{

class Ikev2Services;

/**
 * \ingroup cxtp-ipsec
 * \brief INFORMATIONAL exchanges (RFC 7296 §1.4) in both roles, as charon's ike_delete,
 * child_delete and ike_dpd tasks: our DELETE of the IKE SA or of CHILD_SAs and our liveness
 * checks (§2.4), and the answers to the peer's, driving Ikev2InformationalExchange for
 * Ikev2Daemon. The ESP SAs of the CHILD_SAs deleted leave the SAD; a deleted IKE SA is kept
 * DELETED until the peer may have stopped retransmitting its DELETE.
 */
class Ikev2InformationalTask
{
  public:
    /// Makes our request on an IKE SA (Ikev2InformationalExchange::BuildDeleteIkeSa, ...).
    using Builder = std::function<Ikev2Message(Ikev2Sa&)>;

    /// \param services the daemon
    explicit Ikev2InformationalTask(Ikev2Services& services);

    /**
     * \brief Sends an INFORMATIONAL request of ours when the SA's window is free, if the SA is
     * still ESTABLISHED then (or REKEYED, whose only business left is its DELETE).
     * \param spi our SPI of the SA
     * \param build makes the request
     */
    void Request(uint64_t spi, Builder build);
    /// Responder: answers the peer's request. \param sa the SA \param bytes the request as
    /// received \param request the request, SK opened
    void Answer(Ikev2Sa& sa, const std::vector<uint8_t>& bytes, const Ikev2Message& request);
    /// Initiator: the response to our request. \param sa the SA \param response SK opened
    void Complete(Ikev2Sa& sa, const Ikev2Message& response);

  private:
    Ikev2Services& m_services; ///< the daemon
};

} // namespace ns3

#endif // IKEV2_INFORMATIONAL_TASK_H
