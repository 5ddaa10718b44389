/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV1_SPI_UPDATE_EXCHANGE_H
#define IKEV1_SPI_UPDATE_EXCHANGE_H

#include "ike-spi-update.h"
#include "ikev1-message.h"
#include "ikev1-sa.h"
#include "ipsec-retransmission.h"
#include "ipsec-security-association.h"

#include "ns3/callback.h"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

class Ikev1Services;

/**
 * \ingroup cxtp-ipsec
 * \brief UPDATE_SPI over IKEv1 (doc/cxtp-ipsec.rst, "SPI collisions and UPDATE_SPI"): after a
 * context transfer found SPIs or the ISAKMP cookies in use at the new gateway, the gateway
 * announces the changes to the mobile node in an informational exchange protected by the
 * transferred ISAKMP SA (private-use notification UPDATE_SPI, IkeSpiUpdate entries) and
 * retransmits it until the node's UPDATE_SPI_ACK.
 *
 * The receiver applies an UPDATE_SPI whole or not at all: its outbound SAs are re-added under
 * the new SPIs with the same keys, counters and lifetimes, the ISAKMP SA takes its new cookies,
 * and only then does the acknowledgement go out, under the new cookies. A retransmitted
 * UPDATE_SPI (the acknowledgement was lost) is acknowledged again.
 */
class Ikev1SpiUpdateExchange
{
  public:
    /// \param services what the exchange works with
    explicit Ikev1SpiUpdateExchange(Ikev1Services& services);

    /**
     * \brief Sender: announces the changes and retransmits until acknowledged.
     * \param cookie the ISAKMP SA's CKY-I (the new one if the cookies changed)
     * \param updates the entries: ESP (our inbound SPIs) and at most one ISAKMP
     * \param done true when acknowledged, false when given up (may be null)
     */
    void Send(uint64_t cookie, const std::vector<IkeSpiUpdate>& updates, Callback<void, bool> done);
    /**
     * \brief Receiver: applies an UPDATE_SPI, then acknowledges it.
     * \param cookie the SA's CKY-I
     * \param notify the notification
     */
    void Apply(uint64_t cookie, const Ikev1NotifyPayload& notify);
    /**
     * \brief Sender: the peer's UPDATE_SPI_ACK.
     * \param sa the SA
     * \param notify the acknowledgement
     */
    void Acknowledge(Ikev1Sa& sa, const Ikev1NotifyPayload& notify);
    /// Drops what is pending for an SA (it is gone). \param cookie its CKY-I
    void Forget(uint64_t cookie);
    /// Stops every retransmission.
    void Stop();

  private:
    /// An UPDATE_SPI waiting for its UPDATE_SPI_ACK.
    struct Flight
    {
        std::vector<IkeSpiUpdate> entries; ///< what was announced
        IpsecRetransmission rtx;           ///< the sealed informational, until acknowledged
        Callback<void, bool> done;         ///< the requester's completion
    };

    /// What a received UPDATE_SPI changes, checked before anything is changed.
    struct Changes
    {
        std::vector<std::pair<uint32_t, IpsecSecurityAssociation>> outbound; ///< old SPI, SA
        const IkeSpiUpdate* isakmp{nullptr}; ///< new cookies, if not applied before
    };

    /**
     * \brief Receiver: re-adds the outbound SAs under their new SPIs, then acknowledges under
     * the SA's (possibly new) cookies once every change is installed.
     * \param sa the SA
     * \param peer the peer
     * \param outbound old SPI and the SA to add under its new SPI
     * \param data the UPDATE_SPI's data, echoed in the acknowledgement
     * \param count the number of entries
     */
    void ReplaceAndAcknowledge(
        Ikev1Sa& sa,
        const Ipv6Address& peer,
        const std::vector<std::pair<uint32_t, IpsecSecurityAssociation>>& outbound,
        const std::vector<uint8_t>& data,
        uint32_t count);
    /// No UPDATE_SPI_ACK after the last retransmission. \param cookie the SA's CKY-I
    void GiveUp(uint64_t cookie);
    /// Ends a flight: traces and completes. \param cookie CKY-I \param success acknowledged
    void Finish(uint64_t cookie, const Ipv6Address& peer, bool success);
    /**
     * \brief Receiver: checks the entries against the SA and the SAD.
     * \return empty, or why the UPDATE_SPI cannot be applied
     */
    std::string Check(uint64_t cookie,
                      const Ikev1Sa& sa,
                      const std::vector<IkeSpiUpdate>& entries,
                      Changes& changes) const;

    Ikev1Services& m_services;            ///< what the exchange works with
    std::map<uint64_t, Flight> m_flights; ///< UPDATE_SPI awaiting an ack, by CKY-I
};

} // namespace ns3

#endif // IKEV1_SPI_UPDATE_EXCHANGE_H
