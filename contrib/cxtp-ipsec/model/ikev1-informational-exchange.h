/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV1_INFORMATIONAL_EXCHANGE_H
#define IKEV1_INFORMATIONAL_EXCHANGE_H

#include "ikev1-message.h"
#include "ikev1-sa.h"

#include <cstdint>
#include <vector>

namespace ns3
{

class Ikev1Services;

/**
 * \ingroup cxtp-ipsec
 * \brief Informational exchanges (RFC 2409 §5.7, RFC 2408 §4.8): one protected message
 * HDR*, HASH(1), N/D under the ISAKMP SA, not acknowledged; and the unprotected notification a
 * peer sends when phase 1 fails.
 *
 * Sends INITIAL-CONTACT (RFC 2407 §4.6.3.3), DELETE of the ESP SAs then the ISAKMP SA (RFC 2408
 * §3.15, racoon's order) and NO-PROPOSAL-CHOSEN; receives all of them. A DELETE of ESP may name
 * the SPI of either direction of a pair (racoon names its inbound SPI, charon ours): either
 * removes the pair. UPDATE_SPI and UPDATE_SPI_ACK go to Ikev1SpiUpdateExchange.
 */
class Ikev1InformationalExchange
{
  public:
    /// \param services what the exchange works with
    explicit Ikev1InformationalExchange(Ikev1Services& services);

    /**
     * \brief Sends HDR*, HASH(1), payloads as a new informational exchange.
     * \param sa the established ISAKMP SA
     * \param payloads the notifications or deletes
     */
    void Send(Ikev1Sa& sa, const std::vector<Ikev1Payload>& payloads);
    /// Sends INITIAL-CONTACT for the SA. \param sa the established ISAKMP SA
    void SendInitialContact(Ikev1Sa& sa);
    /**
     * \brief Deletes the SA's ESP pairs through PF_KEY and tells the peer: a DELETE of our
     * inbound SPIs, then a DELETE of the ISAKMP SA.
     * \param sa the established ISAKMP SA
     */
    void SendDeletes(Ikev1Sa& sa);
    /**
     * \brief Processes an informational message.
     * \param sa its ISAKMP SA
     * \param header its header
     * \param bytes the whole message
     */
    void Receive(Ikev1Sa& sa, const Ikev1Header& header, const std::vector<uint8_t>& bytes);

  private:
    /// A notification in clear: the peer gave up phase 1.
    void ReceiveUnprotected(Ikev1Sa& sa,
                            const Ikev1Header& header,
                            const std::vector<uint8_t>& bytes);
    /**
     * \brief Acts on the notifications of a verified message.
     * \return false if the SA may be gone (UPDATE_SPI re-keyed it): nothing may follow
     */
    bool HandleNotifications(Ikev1Sa& sa, const std::vector<Ikev1Payload>& payloads);
    /// Acts on the DELETE payloads of a verified message; the SA may be gone after it.
    void HandleDeletes(Ikev1Sa& sa, const std::vector<Ikev1Payload>& payloads);

    Ikev1Services& m_services; ///< what the exchange works with
};

} // namespace ns3

#endif // IKEV1_INFORMATIONAL_EXCHANGE_H
