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
 * \brief The IKE_AUTH exchange (RFC 7296 §1.2) with a pre-shared key or RSA signatures and
 * X.509 certificates (§2.15), and the first CHILD_SA, of both roles, as charon's ike_auth,
 * ike_cert_pre/post and child_create tasks: build our message and process the peer's on a keyed
 * Ikev2Sa. Messages come and go with their SK payload open; the daemon protects and opens it
 * (Ikev2Protection).
 *
 * Request: HDR, SK{IDi, [CERT...,] [CERTREQ,] AUTH, [N(INITIAL_CONTACT),] SAi2, TSi, TSr}.
 * Response: HDR, SK{IDr, [CERT...,] AUTH, SAr2, TSi, TSr}; SK{N(AUTHENTICATION_FAILED)} when
 * the initiator's AUTH does not verify; SK{IDr, [CERT...,] AUTH, N(NO_PROPOSAL_CHOSEN or
 * TS_UNACCEPTABLE)} when the IKE SA stands but no CHILD_SA can be made (§1.2, §2.21.2). The
 * responder narrows the traffic selectors to the intersection of the initiator's and its own
 * (§2.9). The CHILD_SA's keys come from SK_d and the IKE_SA_INIT nonces, without PFS (§2.17).
 *
 * Which AUTH each end sends comes from its Ikev2Credentials. With a signature method (1 or 14)
 * an end sends its certificate chain, one CERT payload of encoding 4 each, end entity first
 * (§3.6: always, as no other way to fetch it is offered), and its ID is by default the subject
 * DN of its certificate (ID_DER_ASN1_DN). The initiator adds a CERTREQ with the SHA-1 hashes of
 * its trust anchors' public keys (§3.7). A signature AUTH is accepted if the first certificate
 * chains to a trust anchor of the receiver at the credentials' clock (RFC 5280 §6), names the
 * sent ID (subject DN, or a subjectAltName for ID_FQDN, ID_IPV*_ADDR and ID_RFC822_ADDR;
 * RFC 4945 §3.1) and its key verifies AUTH over the signed octets (§2.15). Either end may use
 * another method than its peer.
 *
 * Payload order: IDi, CERT..., CERTREQ, AUTH as §1.2 draws them; charon sends N(INITIAL_CONTACT)
 * between CERT and CERTREQ, this model after AUTH as it did for the PSK, so that PSK messages
 * stay as they were. Receivers find payloads by type, so the order only shows in a capture.
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
     * \param sa the keyed SA (initRequest, initResponse, localId set); with a signature method
     *        and ID_DER_ASN1_DN, localId becomes the subject of our certificate
     * \param credentials ours and what the peer must prove (aborts if a signature method has
     *        no certificate or a key that cannot sign: see Ikev2Credentials::Validate)
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
     * \param credentials ours and what the peer must prove (the PSK, or the trust anchors)
     * \param policy what we accept
     * \param [out] response the response, its SK payload open
     * \param [out] child the CHILD_SA made
     * \param [out] keys its ESP keys
     * \return empty if the IKE SA and the CHILD_SA are made; else why not ("AUTHENTICATION_FAILED",
     *         followed by ": " and what failed for a signature AUTH, leaves no IKE SA;
     *         "NO_PROPOSAL_CHOSEN" and "TS_UNACCEPTABLE" leave the IKE SA up)
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
     * \param credentials ours and what the peer must prove (the PSK, or the trust anchors)
     * \param asked the CHILD_SA asked for
     * \param [out] child the CHILD_SA made
     * \param [out] keys its ESP keys
     * \return empty on success, else why not ("AUTHENTICATION_FAILED: " and what failed when
     *         the responder's signature AUTH is not accepted)
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

    /**
     * \param credentials ours
     * \return a CERTREQ of encoding 4 listing the SHA-1 hash of each trust anchor's
     *         SubjectPublicKeyInfo (§3.7): in the initiator's IKE_AUTH request and the
     *         responder's IKE_SA_INIT response (§1.2); nothing if we have no anchors or do not ask
     */
    static std::vector<Ikev2Payload> OurCertReq(const Ikev2Credentials& credentials);

    // ---- EAP in IKE_AUTH (RFC 7296 §2.16). The initiator's first request (BuildRequest()
    // with Ikev2Credentials::useEap) has no AUTH; the responder answers with its IDr, CERTs,
    // AUTH and the first EAP Request; EAP packets then go one per exchange, SK{EAP}; after
    // EAP-Success the initiator sends SK{AUTH} and the responder answers SK{AUTH, SAr2, TSi,
    // TSr}. Those two AUTHs are shared-key MICs keyed by the MSK, or by SK_pi and SK_pr for a
    // method without one (EAP-MD5). With EAP-only authentication (RFC 5998, Ikev2Credentials::
    // eapOnly at both ends) the first request carries N(EAP_ONLY_AUTHENTICATION), the first
    // response only IDr (no CERT, no AUTH) and the EAP Request, and the final AUTHs are the
    // responder's only proof: the method must be mutual and make an MSK (§4).

    /// \param message a message, SK opened \return its EAP payload, or nullptr
    static const Ikev2EapPayload* FindEap(const Ikev2Message& message);
    /**
     * \brief Responder: the first request asked for EAP (no AUTH).
     * \param request the request, SK opened
     * \param sa the keyed SA; peerId becomes the request's IDi (authenticated only at the end)
     * \param credentials ours (peerUsesEap must be set)
     * \param [out] response SK{IDr, [CERT...,] AUTH} (SK{IDr} with EAP-only authentication,
     *        sa.eapOnly set), to which the caller adds the first EAP Request; or
     *        SK{N(AUTHENTICATION_FAILED)}
     * \return empty, or why EAP is refused (the SA is FAILED)
     */
    std::string StartEap(const Ikev2Message& request,
                         Ikev2Sa& sa,
                         const Ikev2Credentials& credentials,
                         Ikev2Message& response);
    /**
     * \param sa the SA
     * \param response true for a response
     * \param messageId its message ID
     * \param eap the EAP packet
     * \return HDR, SK{EAP}
     */
    static Ikev2Message BuildEapMessage(const Ikev2Sa& sa,
                                        bool response,
                                        uint32_t messageId,
                                        const std::vector<uint8_t>& eap);
    /**
     * \brief Initiator: the response to the first request, with the responder's AUTH (none
     * with EAP-only authentication, if we asked for it: sa.eapOnly set) and the first EAP
     * Request.
     * \param response the response, SK opened
     * \param sa the SA
     * \param credentials ours (the trust anchors or PSK that check the responder)
     * \return empty, or why it fails (the SA is FAILED)
     */
    std::string ProcessEapStart(const Ikev2Message& response,
                                Ikev2Sa& sa,
                                const Ikev2Credentials& credentials);
    /**
     * \brief RFC 5998 §4: EAP-only authentication takes only a method that authenticates both
     * ends and makes an MSK (of ours, EAP-TLS and EAP-AKA).
     * \param sa the SA (nothing to check unless sa.eapOnly)
     * \param method the method run, as the initiator knows it; EapType::NONE for the
     *        responder, which relays the method and checks only that it made an MSK
     * \param msk the MSK
     * \return empty if acceptable, else why not
     */
    static std::string CheckEapOnlyMethod(const Ikev2Sa& sa,
                                          EapType method,
                                          const std::vector<uint8_t>& msk);
    /**
     * \brief Initiator, after EAP-Success: SK{AUTH} keyed by the MSK or SK_pi.
     * \param sa the SA
     * \param credentials ours (our ID)
     * \param msk the MSK, empty if the method made none
     * \return the request
     */
    Ikev2Message BuildEapAuthRequest(Ikev2Sa& sa,
                                     const Ikev2Credentials& credentials,
                                     const std::vector<uint8_t>& msk);
    /**
     * \brief Responder: the final request; checks the AUTH and makes the CHILD_SA the first
     * request asked for.
     * \param request the final request, SK opened
     * \param first the first request of the exchange (IDi, SAi2, TSi, TSr)
     * \param sa the SA
     * \param credentials ours
     * \param msk the MSK the EAP server gave, empty if the method made none
     * \param policy what we accept for the CHILD_SA
     * \param [out] response SK{AUTH, SAr2, TSi, TSr}, or with a notify as ProcessRequest()
     * \param [out] child the CHILD_SA made
     * \param [out] keys its keys
     * \return as ProcessRequest()
     */
    std::string ProcessEapAuthRequest(const Ikev2Message& request,
                                      const Ikev2Message& first,
                                      Ikev2Sa& sa,
                                      const Ikev2Credentials& credentials,
                                      const std::vector<uint8_t>& msk,
                                      const ChildPolicy& policy,
                                      Ikev2Message& response,
                                      Ikev2ChildSa& child,
                                      Ikev2ChildKeys& keys);
    /**
     * \brief Initiator: the final response; checks the AUTH and takes the CHILD_SA.
     * \param response the response, SK opened
     * \param sa the SA
     * \param msk our MSK, empty if the method made none
     * \param asked the CHILD_SA asked for
     * \param [out] child the CHILD_SA made
     * \param [out] keys its keys
     * \return as ProcessResponse()
     */
    std::string ProcessEapAuthResponse(const Ikev2Message& response,
                                       Ikev2Sa& sa,
                                       const std::vector<uint8_t>& msk,
                                       const ChildRequest& asked,
                                       Ikev2ChildSa& child,
                                       Ikev2ChildKeys& keys);

  private:
    /**
     * \param sa the SA
     * \param msk the MSK, or empty
     * \param ofInitiator whose AUTH
     * \return the key of an AUTH after EAP: the MSK, else SK_pi or SK_pr (§2.16)
     */
    static std::vector<uint8_t> EapAuthKey(const Ikev2Sa& sa,
                                           const std::vector<uint8_t>& msk,
                                           bool ofInitiator);
    /**
     * \brief Initiator: checks the responder's IDr and AUTH (signature or PSK).
     * \param in the response's inner payloads
     * \param sa the SA (peerId set when accepted)
     * \param credentials ours
     * \return empty if accepted, else why not
     */
    static std::string CheckResponderAuth(const std::vector<Ikev2Payload>& in,
                                          Ikev2Sa& sa,
                                          const Ikev2Credentials& credentials);
    /**
     * \brief Responder: selects the CHILD_SA's transforms and narrows its selectors.
     * \param in the request's inner payloads (SAi2, TSi, TSr)
     * \param sa the SA
     * \param policy what we accept
     * \param [out] out where SAr2, TSi, TSr or an error notify are appended
     * \param [out] child the CHILD_SA
     * \param [out] keys its keys
     * \return empty, or the notify's name
     */
    std::string AcceptChild(const std::vector<Ikev2Payload>& in,
                            const Ikev2Sa& sa,
                            const ChildPolicy& policy,
                            std::vector<Ikev2Payload>& out,
                            Ikev2ChildSa& child,
                            Ikev2ChildKeys& keys) const;
    /**
     * \brief Initiator: checks the responder's SAr2 and selectors and derives the keys.
     * \param in the response's inner payloads
     * \param sa the SA
     * \param asked the CHILD_SA asked for
     * \param [out] child the CHILD_SA
     * \param [out] keys its keys
     * \return empty, or why there is no CHILD_SA
     */
    std::string TakeChild(const std::vector<Ikev2Payload>& in,
                          const Ikev2Sa& sa,
                          const ChildRequest& asked,
                          Ikev2ChildSa& child,
                          Ikev2ChildKeys& keys) const;
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
    /**
     * \brief Our identity: the subject DN of our certificate (RFC 7296 §3.5 ID_DER_ASN1_DN)
     * with a signature method and that ID type, stored as sa.localId; else sa.localId.
     * \param sa the SA
     * \param credentials ours
     * \return the ID payload body
     */
    static Ikev2IdPayload OurId(Ikev2Sa& sa, const Ikev2Credentials& credentials);
    /**
     * \param credentials ours
     * \return one CERT payload of encoding 4 per certificate of our chain, in its order, for a
     *         signature method (§3.6); none for the PSK
     */
    static std::vector<Ikev2Payload> OurCertificates(const Ikev2Credentials& credentials);
    /**
     * \param sa the SA
     * \param credentials ours
     * \param ofInitiator whether we are the initiator
     * \param id our ID payload body
     * \return our AUTH payload: the shared-key MIC, or the signature of our signed octets
     *         (§2.15, §3.8; RFC 7427 §3)
     */
    static Ikev2AuthPayload OurAuth(const Ikev2Sa& sa,
                                    const Ikev2Credentials& credentials,
                                    bool ofInitiator,
                                    const Ikev2IdPayload& id);
    /**
     * \brief Checks the peer's signature AUTH: its first CERT chains to one of our trust anchors
     * through the others (RFC 5280 §6), names its ID (RFC 4945 §3.1), and its key verifies the
     * AUTH over the peer's signed octets (§2.15).
     * \param in the peer's inner payloads
     * \param sa the SA
     * \param credentials ours (the trust anchors and the clock)
     * \param ofInitiator whether the peer is the initiator
     * \param id the peer's ID payload body
     * \param auth the peer's AUTH payload (method 1 or 14)
     * \return empty if accepted, else what failed
     */
    static std::string CheckSignature(const std::vector<Ikev2Payload>& in,
                                      const Ikev2Sa& sa,
                                      const Ikev2Credentials& credentials,
                                      bool ofInitiator,
                                      const Ikev2IdPayload& id,
                                      const Ikev2AuthPayload& auth);

    Ikev2Proposals m_proposals; ///< what we offer and accept
};

} // namespace ns3

#endif // IKEV2_IKE_AUTH_EXCHANGE_H
