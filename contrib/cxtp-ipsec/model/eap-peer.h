/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef EAP_PEER_H
#define EAP_PEER_H

#include "eap-credentials.h"
#include "eap-method.h"

#include "ns3/ptr.h"

#include <memory>
#include <string>
#include <vector>

namespace ns3
{

class CryptoRandom;

/**
 * \ingroup cxtp-ipsec
 * \brief The EAP peer of RFC 3748 (RFC 4137 §4's state machine, reduced): answers
 * Identity Requests with its identity, Notifications with an empty Response, a Request for
 * another method than its credentials' with a Legacy Nak naming its method (§5.3.1), and runs
 * its method (EAP-MD5, EAP-AKA or EAP-TLS) for the Requests of that method's type. A
 * duplicate Request (same Identifier as the last answered) is answered with the same Response
 * (§4.1). EAP-Success ends it when the method allows it; EAP-Failure ends it as FAILURE.
 *
 * What is discarded, with a reason (RFC 3748 §4, RFC 4137 §4): a Response, a Nak Request
 * (§5.3: Nak is a Response only), a Request of another method once a method runs, a Success
 * or Failure whose Identifier is not that of our last Response (§4.2), a Success before the
 * method accepts one (§4.2: before it authenticated the server), and anything after the
 * conversation ended. A method answer that signals a failure to the server (EAP-AKA's
 * Authentication-Reject, Synchronization-Failure or Client-Error) is sent as a CONTINUE with
 * its reason; the EAP-Failure that follows ends the peer with that reason appended.
 */
class EapPeer
{
  public:
    /**
     * \param credentials the subscriber's
     * \param rng the node's random source (nonces, TLS randoms)
     */
    EapPeer(const EapCredentials& credentials, Ptr<CryptoRandom> rng);
    ~EapPeer();

    /**
     * \brief Processes one packet from the authenticator.
     * \param in a Request, Success or Failure
     * \param [out] response the Response to send (CONTINUE)
     * \param [out] reason why it failed (FAILURE), or why \p in was discarded (CONTINUE with
     *        \p response left empty: typeData empty and code Request)
     * \return CONTINUE (send \p response, unless discarded), SUCCESS or FAILURE
     */
    EapStatus Process(const EapPacket& in, EapPacket& response, std::string& reason);
    /// \return the MSK after SUCCESS (empty for EAP-MD5)
    std::vector<uint8_t> GetMsk() const;
    /// \return the identity
    const std::string& GetIdentity() const;
    /// \return the method the server started (EapType::NONE before its first Request)
    EapType GetMethod() const;
    /// \return the credentials, with the state a method updated (EAP-AKA: the USIM's highest
    ///         accepted SQN in akaSqn), for a next conversation
    const EapCredentials& GetCredentials() const;

  private:
    /**
     * \brief Answers a Request of our method's type, creating the method on the first one.
     * \param request the Request
     * \param [out] response the Response
     * \param [out] reason why the method failed
     * \return CONTINUE or FAILURE
     */
    EapStatus ProcessMethodRequest(const EapPacket& request,
                                   EapPacket& response,
                                   std::string& reason);
    /**
     * \brief Remembers a Response for a duplicate Request (RFC 3748 §4.1).
     * \param response the Response sent
     */
    void Remember(const EapPacket& response);
    /**
     * \brief Ends the conversation.
     * \param status SUCCESS or FAILURE
     * \param why why it failed (FAILURE), empty for SUCCESS
     * \param [out] reason set to \p why
     * \return status
     */
    EapStatus End(EapStatus status, const std::string& why, std::string& reason);

    EapCredentials m_credentials;            ///< ours
    Ptr<CryptoRandom> m_rng;                 ///< random source
    std::unique_ptr<EapPeerMethod> m_method; ///< the method, once its first Request came
    bool m_haveLast{false};                  ///< a Response was sent
    uint8_t m_lastIdentifier{0};             ///< its Identifier
    EapPacket m_lastResponse;                ///< and itself, for a duplicate Request
    bool m_ended{false};                     ///< SUCCESS or FAILURE was returned
    std::string m_endReason;                 ///< why it ended (FAILURE)
    std::string m_methodReason;              ///< the method's last failure indication
    std::vector<uint8_t> m_msk;              ///< the MSK, after SUCCESS
};

} // namespace ns3

#endif // EAP_PEER_H
