/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_MESSENGER_H
#define IKEV2_MESSENGER_H

#include "crypto-work-meter.h"
#include "ikev2-decode-result.h"
#include "ikev2-sa.h"
#include "ipsec-retransmission.h"

#include "ns3/callback.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <map>
#include <vector>

namespace ns3
{

class CryptoCostModel;
class CryptoRandom;
class IkeTransport;
class IpsecWorkClock;

/**
 * \ingroup cxtp-ipsec
 * \brief How an IKEv2 daemon's messages leave and come back, like charon's sender and the
 * message-ID half of its task manager: the edge encoding with SK protection (Ikev2Protection),
 * the work each step costs, and the window of each IKE SA (RFC 7296 §2.1-2.3, window size 1).
 *
 * Costs: the crypto primitives record on GetMeter() while a step runs (CryptoWorkMeter::Scope);
 * a message leaves once that work, priced by the node's CryptoCostModel, plus the per-message
 * processing (daemon.ikev2_message_processing) is done on the node's IpsecWorkClock.
 *
 * Window: one request of ours outstanding per IKE SA, retransmitted by its IpsecRetransmission
 * until Done(); later requests wait (WhenFree). The peer's last request answered and its answer
 * are kept, so a retransmitted request is answered again and never processed twice (§2.1).
 */
class Ikev2Messenger
{
  public:
    /// Called for each message sent or received: sent, peer, exchange, response, size.
    using MessageCallback =
        Callback<void, bool, const Ipv6Address&, Ikev2ExchangeType, bool, uint32_t>;

    /**
     * \param transport the node's UDP 500 endpoint
     * \param cost the node's profile
     * \param clock the node's processor
     * \param rng the source of the SK payloads' IVs
     * \param message the Message trace of the daemon
     */
    void SetUp(Ptr<IkeTransport> transport,
               Ptr<CryptoCostModel> cost,
               Ptr<IpsecWorkClock> clock,
               Ptr<CryptoRandom> rng,
               MessageCallback message);
    /// Stops every retransmission and drops the references.
    void Dispose();

    /// \return the meter the current step's crypto records on
    CryptoWorkMeter& GetMeter();
    /// \return the work recorded since the last call, priced; the meter is cleared
    Time TakeWork();
    /// \param peer the peer \param bytes a message: sent now, and traced
    void Transmit(const Ipv6Address& peer, std::vector<uint8_t> bytes);
    /**
     * \brief Sends once the work recorded so far plus the per-message processing is done.
     * \param peer the peer
     * \param bytes the message
     * \return the delay until it leaves
     */
    Time SendAfterWork(const Ipv6Address& peer, const std::vector<uint8_t>& bytes);
    /**
     * \param sa the SA
     * \param message a message of ours on it
     * \return its octets: the SK payload protected with our keys if it has one (§3.14)
     */
    std::vector<uint8_t> Encode(const Ikev2Sa& sa, const Ikev2Message& message);
    /**
     * \param sa the SA
     * \param bytes a message of the peer on it
     * \param [out] message the message, its SK payload open
     * \return the decode result (Ikev2Protection::Open with the peer's keys)
     */
    static Ikev2DecodeResult Open(const Ikev2Sa& sa,
                                  const std::vector<uint8_t>& bytes,
                                  Ikev2Message& message);

    /**
     * \brief Sends a request of ours and retransmits it until Done(), with back-off.
     * \param sa the SA (its window must be free)
     * \param bytes the request
     * \param policy the retransmission policy
     * \param giveUp called when no retransmission is left
     */
    void SendRequest(const Ikev2Sa& sa,
                     const std::vector<uint8_t>& bytes,
                     const IpsecRetransmissionPolicy& policy,
                     Callback<void> giveUp);
    /**
     * \brief Sends our answer to the peer's request and keeps both for a retransmission of the
     * request; the SA then expects the next message ID.
     * \param sa the SA
     * \param request the request as received
     * \param answer the answer, SK open
     */
    void SendAnswer(Ikev2Sa& sa, const std::vector<uint8_t>& request, const Ikev2Message& answer);
    /**
     * \param spi our SPI of the SA
     * \param peer the peer
     * \param request a received request
     * \return true if it is the request answered last (the answer is sent again once it has
     *         left the first time)
     */
    bool RepeatAnswer(uint64_t spi, const Ipv6Address& peer, const std::vector<uint8_t>& request);
    /**
     * \param spi our SPI of the SA
     * \param start runs now if no request of ours is outstanding, else after the next Done()
     */
    void WhenFree(uint64_t spi, Callback<void> start);
    /// \param spi our SPI of the SA \return true while a request of ours is outstanding
    bool IsBusy(uint64_t spi) const;
    /// Our request was answered: retransmission stops, the next waiting request starts after
    /// the current step. \param spi our SPI of the SA
    void Done(uint64_t spi);
    /// Stops the retransmission and forgets the waiting requests. \param spi our SPI of the SA
    void Stop(uint64_t spi);
    /// Forgets the SA's window. \param spi our SPI of the SA
    void Forget(uint64_t spi);

  private:
    /// The window of one IKE SA.
    struct Window
    {
        Ipv6Address peer;                   ///< where requests go
        bool busy{false};                   ///< a request of ours is outstanding
        IpsecRetransmission request;        ///< our outstanding request
        IpsecRetransmission answer;         ///< the last request answered and its answer
        Time answerLeaves;                  ///< when that answer is sent
        std::vector<Callback<void>> queued; ///< requests waiting for the window (§2.3)
    };

    Ptr<IkeTransport> m_transport;        ///< the node's UDP 500 endpoint
    Ptr<CryptoCostModel> m_cost;          ///< the node's profile
    Ptr<IpsecWorkClock> m_clock;          ///< the node's processor
    Ptr<CryptoRandom> m_rng;              ///< IVs
    MessageCallback m_message;            ///< the Message trace
    CryptoWorkMeter m_meter;              ///< the operations of the step being processed
    std::map<uint64_t, Window> m_windows; ///< by our SPI
};

} // namespace ns3

#endif // IKEV2_MESSENGER_H
