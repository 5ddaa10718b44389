/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_EAP_BACKEND_H
#define IKEV2_EAP_BACKEND_H

#include "eap-packet.h"

#include "ns3/callback.h"
#include "ns3/ipv6-address.h"
#include "ns3/object.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Where an IKEv2 responder's EAP server runs (RFC 7296 §2.16): the daemon relays the
 * peer's EAP packets to it and the answers back. RadiusClient implements it with an AAA
 * server behind RADIUS (RFC 3579), as charon's eap-radius plugin and an ePDG do.
 *
 * One session per IKE SA. Answers come later (a network round trip away) through the session's
 * callback; a session ends with ACCEPT, REJECT or TIMEOUT, or when the daemon aborts it.
 */
class Ikev2EapBackend : public Object
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    ~Ikev2EapBackend() override;

    /// What the EAP server answered.
    struct Answer
    {
        /// The outcome.
        enum class Kind : uint8_t
        {
            CHALLENGE, ///< Access-Challenge: relay eap (a Request) to the peer
            ACCEPT,    ///< Access-Accept: relay eap (Success); msk is the MSK (empty for MD5)
            REJECT,    ///< Access-Reject: relay eap (Failure); reason says why
            TIMEOUT,   ///< no answer after the retransmissions; eap is empty
        };
        Kind kind{Kind::TIMEOUT}; ///< the outcome
        EapPacket eap;            ///< the EAP packet to relay
        std::vector<uint8_t> msk; ///< the MSK (ACCEPT; RFC 2548 MS-MPPE keys for RADIUS)
        std::string reason;       ///< REJECT or TIMEOUT: why, for traces
    };

    /// Called with each answer of a session.
    using AnswerCallback = Callback<void, const Answer&>;

    /**
     * \brief Starts a session with the peer's identity: the server gets an
     * EAP-Response/Identity built from it (Identifier 0, as charon's eap-radius), unless the
     * server asks for the identity itself.
     * \param session the session's key (our IKE SA SPI)
     * \param identity the peer's IKE identity as text (IDi)
     * \param peer the peer's address (RADIUS Calling-Station-Id)
     * \param answer called with each answer
     */
    virtual void Start(uint64_t session,
                       const std::string& identity,
                       const Ipv6Address& peer,
                       AnswerCallback answer) = 0;
    /**
     * \brief Relays the peer's next EAP Response.
     * \param session the session
     * \param response the Response
     */
    virtual void Continue(uint64_t session, const EapPacket& response) = 0;
    /// Ends a session, answered or not (the IKE SA went). \param session the session
    virtual void Abort(uint64_t session) = 0;
};

} // namespace ns3

#endif // IKEV2_EAP_BACKEND_H
