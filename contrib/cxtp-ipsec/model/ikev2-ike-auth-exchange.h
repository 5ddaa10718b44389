/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_IKE_AUTH_EXCHANGE_H
#define IKEV2_IKE_AUTH_EXCHANGE_H

#include "ikev2-credentials.h"
#include "ikev2-key-derivation.h"
#include "ikev2-message.h"
#include "ikev2-proposals.h"
#include "ikev2-sa.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The IKE_AUTH exchange (RFC 7296 §1.2) with a pre-shared key (§2.15) and the first
 * CHILD_SA, of both roles, as charon's ike_auth and child_create tasks: build our message and
 * process the peer's on a keyed Ikev2Sa. Messages come and go with their SK payload open; the
 * daemon protects and opens it (Ikev2Protection).
 *
 * Request: HDR, SK{IDi, AUTH, [N(INITIAL_CONTACT),] SAi2, TSi, TSr}. Response: HDR, SK{IDr,
 * AUTH, SAr2, TSi, TSr}; SK{N(AUTHENTICATION_FAILED)} when the initiator's AUTH does not verify;
 * SK{IDr, AUTH, N(NO_PROPOSAL_CHOSEN or TS_UNACCEPTABLE)} when the IKE SA stands but no CHILD_SA
 * can be made (§1.2, §2.21.2). The responder narrows the traffic selectors to the intersection
 * of the initiator's and its own (§2.9). The CHILD_SA's keys come from SK_d and the IKE_SA_INIT
 * nonces, without PFS (§2.17).
 *
 * Authentication with certificates and EAP will sit beside the PSK here.
 */
class Ikev2IkeAuthExchange
{
  public:
    /// What the initiator asks for its first CHILD_SA.
    struct ChildRequest
    {
        uint32_t inboundSpi{0};                ///< our inbound ESP SPI
        std::vector<Ikev2TrafficSelector> tsi; ///< our side's selectors (first: the packet's)
        std::vector<Ikev2TrafficSelector> tsr; ///< the peer's side's selectors
    };

    /// What the responder accepts for a CHILD_SA.
    struct ChildPolicy
    {
        uint32_t inboundSpi{0};                ///< our inbound ESP SPI
        std::vector<Ikev2TrafficSelector> tsi; ///< acceptable initiator-side selectors
        std::vector<Ikev2TrafficSelector> tsr; ///< acceptable responder-side selectors
    };

    /// \param proposals what we offer and accept
    explicit Ikev2IkeAuthExchange(const Ikev2Proposals& proposals);

    /**
     * \brief Initiator: the request (message ID sa.nextRequestId).
     * \param sa the keyed SA (initRequest, initResponse, localId set)
     * \param credentials ours and what the peer must prove (the PSK)
     * \param child the CHILD_SA asked for
     * \param initialContact whether to say INITIAL_CONTACT (§2.4)
     * \return the message, its SK payload open
     */
    Ikev2Message BuildRequest(Ikev2Sa& sa,
                              const Ikev2Credentials& credentials,
                              const ChildRequest& child,
                              bool initialContact);
    /**
     * \brief Responder: checks the initiator's AUTH and makes the CHILD_SA.
     * \param request the request, SK opened
     * \param sa the keyed SA (initRequest, initResponse, localId set)
     * \param credentials ours and what the peer must prove (the PSK)
     * \param policy what we accept
     * \param [out] response the response, its SK payload open
     * \param [out] child the CHILD_SA made
     * \param [out] keys its ESP keys
     * \return empty if the IKE SA and the CHILD_SA are made; else why not ("AUTHENTICATION_FAILED"
     *         leaves no IKE SA; "NO_PROPOSAL_CHOSEN" and "TS_UNACCEPTABLE" leave the IKE SA up)
     */
    std::string ProcessRequest(const Ikev2Message& request,
                               Ikev2Sa& sa,
                               const Ikev2Credentials& credentials,
                               const ChildPolicy& policy,
                               Ikev2Message& response,
                               Ikev2ChildSa& child,
                               Ikev2ChildKeys& keys);
    /**
     * \brief Initiator: checks the responder's AUTH and takes the CHILD_SA.
     * \param response the response, SK opened
     * \param sa the SA
     * \param credentials ours and what the peer must prove (the PSK)
     * \param asked the CHILD_SA asked for
     * \param [out] child the CHILD_SA made
     * \param [out] keys its ESP keys
     * \return empty on success, else why not
     */
    std::string ProcessResponse(const Ikev2Message& response,
                                Ikev2Sa& sa,
                                const Ikev2Credentials& credentials,
                                const ChildRequest& asked,
                                Ikev2ChildSa& child,
                                Ikev2ChildKeys& keys);

    /**
     * \brief The intersection of two lists of selectors of one side (§2.9).
     * \param offered the initiator's selectors
     * \param allowed ours
     * \return every non-empty intersection of one of each, in the offered order
     */
    static std::vector<Ikev2TrafficSelector> Narrow(
        const std::vector<Ikev2TrafficSelector>& offered,
        const std::vector<Ikev2TrafficSelector>& allowed);
    /**
     * \brief The initiator's check of the responder's narrowed selectors (§2.9).
     * \param answered the responder's selectors of one side
     * \param asked ours of that side
     * \return true if every answered selector lies within one we asked for
     */
    static bool Within(const std::vector<Ikev2TrafficSelector>& answered,
                       const std::vector<Ikev2TrafficSelector>& asked);

  private:
    /**
     * \param sa the SA
     * \param ofInitiator whose AUTH: the initiator's (SK_pi, its IKE_SA_INIT request, Nr) or the
     *        responder's (SK_pr, its response, Ni)
     * \param id the ID payload body of that side
     * \return the octets that side MACs (§2.15)
     */
    static std::vector<uint8_t> Octets(const Ikev2Sa& sa,
                                       bool ofInitiator,
                                       const Ikev2IdPayload& id);
    Ikev2Proposals m_proposals; ///< what we offer and accept
};

} // namespace ns3

#endif // IKEV2_IKE_AUTH_EXCHANGE_H
