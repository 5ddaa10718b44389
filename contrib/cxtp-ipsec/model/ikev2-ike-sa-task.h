/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_IKE_SA_TASK_H
#define IKEV2_IKE_SA_TASK_H

#include "eap-peer.h"
#include "ikev2-cookie-generator.h"
#include "ikev2-eap-backend.h"
#include "ikev2-ike-auth-exchange.h"
#include "ikev2-message.h"
#include "ikev2-sa.h"

#include "ns3/ipv6-address.h"

#include <cstdint>
#include <map>
#include <memory>
#include <vector>

namespace ns3
{

class Ikev2Services;
struct IpsecPolicy;

/**
 * \ingroup cxtp-ipsec
 * \brief The setup of an IKE SA in both roles, as charon's ike_init and ike_auth tasks with the
 * child_create of the first CHILD_SA: IKE_SA_INIT (RFC 7296 §1.2, with the KE group retry of
 * INVALID_KE_PAYLOAD and COOKIEs, §2.6) and IKE_AUTH with the first CHILD_SA (§1.2, §2.15),
 * driving Ikev2IkeSaInitExchange and Ikev2IkeAuthExchange for Ikev2Daemon.
 *
 * Responder: a new IKE_SA_INIT request is refused without keeping state when the peer is not
 * in the PAD for IKEv2, when the half-open or IKE SA limits are reached, and when the exchange
 * answers COOKIE, INVALID_KE_PAYLOAD or NO_PROPOSAL_CHOSEN; a retransmitted one is answered
 * from the cache. COOKIEs are demanded from Ikev2Config::cookieThreshold half-open SAs on.
 * Initiator: an AUTH of the responder that does not verify is reported with a protected
 * INFORMATIONAL N(AUTHENTICATION_FAILED) (§2.21.2).
 */
class Ikev2IkeSaTask
{
  public:
    /// \param services the daemon
    explicit Ikev2IkeSaTask(Ikev2Services& services);

    /// Draws the COOKIE secret (§2.6). Call once the node's random source is known.
    void SetUp();
    /// Forgets every IKE SA under way.
    void Clear();

    /**
     * \brief Initiator: starts IKE_SA_INIT with a rule's tunnel peer; the rule's CHILD_SA
     * follows in IKE_AUTH.
     * \param rule our outbound PROTECT rule
     */
    void Start(const IpsecPolicy& rule);
    /**
     * \brief Responder: a new IKE_SA_INIT request, or a retransmission of one.
     * \param header its header
     * \param bytes the message
     * \param from the sender
     * \param to our address it was sent to
     */
    void ReceiveInitRequest(const Ikev2Header& header,
                            const std::vector<uint8_t>& bytes,
                            const Ipv6Address& from,
                            const Ipv6Address& to);
    /// Initiator: the answer to our IKE_SA_INIT request. \param sa the SA \param bytes the
    /// message
    void ReceiveInitResponse(Ikev2Sa& sa, const std::vector<uint8_t>& bytes);
    /// Responder: the IKE_AUTH request. \param sa the SA \param bytes the request as received
    /// \param request the request, SK opened
    void AnswerIkeAuth(Ikev2Sa& sa, const std::vector<uint8_t>& bytes, const Ikev2Message& request);
    /// Initiator: the IKE_AUTH response. \param sa the SA \param response the response, SK
    /// opened
    void CompleteIkeAuth(Ikev2Sa& sa, const Ikev2Message& response);
    /**
     * \brief Responder: a further IKE_AUTH request of an EAP exchange (RFC 7296 §2.16): the
     * peer's EAP Response, relayed to the EAP backend, or the final AUTH after EAP-Success.
     * \param sa the SA
     * \param bytes the request as received
     * \param request the request, SK opened
     */
    void AnswerEap(Ikev2Sa& sa, const std::vector<uint8_t>& bytes, const Ikev2Message& request);
    /// \param spi our SPI \return true while the SA's IKE_AUTH runs EAP (responder)
    bool IsRunningEap(uint64_t spi) const;
    /// \param spi our SPI \return true while a request of the peer waits for the EAP backend
    bool IsAwaitingEapBackend(uint64_t spi) const;
    /// Forgets what the task keeps of an SA. \param spi our SPI
    void Forget(uint64_t spi);
    /// \param outPolicyId an outbound rule \return true from Start() for the rule until the
    /// IKE_AUTH response that carries its first CHILD_SA
    bool IsInitiating(uint32_t outPolicyId) const;

    /// \param address our address \return our ID payload: the address (ID_IPV6_ADDR), as
    /// charon's default
    static Ikev2IdPayload MakeAddressId(const Ipv6Address& address);

  private:
    /// Responder: the CHILD_SA of IKE_AUTH goes under our PROTECT pair towards the peer.
    struct ResponderRules
    {
        uint32_t outPolicyId{0};                  ///< the outbound rule, 0 if none
        uint32_t inPolicyId{0};                   ///< the inbound rule
        const IpsecPolicy* rule{nullptr};         ///< the outbound rule, or nullptr
        Ikev2IkeAuthExchange::ChildPolicy policy; ///< what it accepts (empty without a rule)
    };

    /// What the initiator keeps from IKE_SA_INIT to the IKE_AUTH response.
    struct Initiation
    {
        uint32_t outPolicyId{0};                  ///< the rule of the first CHILD_SA
        Ikev2IkeAuthExchange::ChildRequest child; ///< the CHILD_SA asked for
        std::shared_ptr<EapPeer> eap;             ///< our EAP peer, once EAP started
        bool eapSucceeded{false};                 ///< EAP-Success came: the final AUTH is out
        std::vector<uint8_t> msk;                 ///< the MSK of EAP (empty for EAP-MD5)
    };

    /// What the responder keeps while EAP runs in IKE_AUTH (§2.16).
    struct EapRelay
    {
        Ikev2Message first;           ///< the first request (IDi, SAi2, TSi, TSr), SK opened
        Ikev2Message firstAnswer;     ///< our IDr, CERTs and AUTH, for the first EAP Request
        std::vector<uint8_t> pending; ///< the request waiting for the backend, as received
        bool waiting{false};          ///< the backend has the peer's last EAP packet
        bool accepted{false};         ///< Access-Accept: the final AUTH is next
        std::vector<uint8_t> msk;     ///< the MSK the backend gave
    };

    /// Initiator: a response of the EAP exchange. \param sa the SA \param response the
    /// response, SK opened \param x the initiation
    void ContinueEap(Ikev2Sa& sa, const Ikev2Message& response, Initiation& x);
    /// Responder: the first request asks for EAP. \param sa the SA \param bytes the request
    /// \param request it, SK opened
    void BeginEap(Ikev2Sa& sa, const std::vector<uint8_t>& bytes, const Ikev2Message& request);
    /// Responder: the EAP backend answered. \param spi our SPI \param answer the answer
    void BackendAnswered(uint64_t spi, const Ikev2EapBackend::Answer& answer);
    /**
     * \brief Responder: answers the request that ends IKE_AUTH and installs the CHILD_SA.
     * \param sa the SA
     * \param bytes the request as received
     * \param answer our answer
     * \param refused why no IKE SA or no CHILD_SA, or empty
     * \param rules our tunnel rules towards the peer (FindResponderRules)
     * \param child the CHILD_SA made
     * \param keys its keys
     */
    void FinishResponder(Ikev2Sa& sa,
                         const std::vector<uint8_t>& bytes,
                         const Ikev2Message& answer,
                         std::string refused,
                         const ResponderRules& rules,
                         Ikev2ChildSa& child,
                         const Ikev2ChildKeys& keys);
    /**
     * \brief Initiator: IKE_AUTH ended; installs the CHILD_SA or reports the failure.
     * \param sa the SA
     * \param response the last response
     * \param reason why no IKE SA or no CHILD_SA, or empty
     * \param x the initiation
     * \param child the CHILD_SA made
     * \param keys its keys
     */
    void FinishInitiator(Ikev2Sa& sa,
                         const Ikev2Message& response,
                         const std::string& reason,
                         const Initiation& x,
                         Ikev2ChildSa& child,
                         const Ikev2ChildKeys& keys);
    /// \param sa the SA \return our tunnel rules towards the peer and what they accept
    ResponderRules FindResponderRules(const Ikev2Sa& sa) const;
    /// \param sa the SA \param reason why: fails the SA, which stays to answer retransmissions
    void FailResponder(Ikev2Sa& sa, const std::string& reason);

    Ikev2Services& m_services;                       ///< the daemon
    std::unique_ptr<Ikev2CookieGenerator> m_cookies; ///< COOKIEs (§2.6)
    std::map<uint64_t, Initiation> m_initiations;    ///< by our SPI
    std::map<uint64_t, EapRelay> m_relays;           ///< by our SPI
};

} // namespace ns3

#endif // IKEV2_IKE_SA_TASK_H
