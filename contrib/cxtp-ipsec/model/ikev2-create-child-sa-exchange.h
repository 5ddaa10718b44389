/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_CREATE_CHILD_SA_EXCHANGE_H
#define IKEV2_CREATE_CHILD_SA_EXCHANGE_H

#include "ikev2-ike-auth-exchange.h"
#include "ikev2-key-derivation.h"
#include "ikev2-message.h"
#include "ikev2-proposals.h"
#include "ikev2-sa.h"

#include "ns3/ptr.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{

class CryptoRandom;

/**
 * \ingroup cxtp-ipsec
 * \brief The CREATE_CHILD_SA exchange (RFC 7296 §1.3) of both roles on an established Ikev2Sa,
 * as charon's child_create, child_rekey and ike_rekey tasks: a new CHILD_SA (§1.3.1), the rekey
 * of a CHILD_SA (§1.3.3) and the rekey of the IKE SA (§1.3.2). It builds our message and
 * processes the peer's; messages come and go with their SK payload open (Ikev2Protection
 * protects and opens it), and sending, retransmission, costs and tables are the daemon's.
 *
 * New CHILD_SA: HDR, SK{[N(USE_TRANSPORT_MODE)], SA, Ni, [KEi], TSi, TSr}; the response
 * HDR, SK{[N(USE_TRANSPORT_MODE)], SA, Nr, [KEr], TSi, TSr}. A rekey puts N(REKEY_SA) first,
 * with protocol ESP and the SPI its sender receives the old CHILD_SA's packets on (§1.3.3). The
 * responder narrows the selectors as in IKE_AUTH (Ikev2IkeAuthExchange::Narrow, §2.9) and
 * answers NO_PROPOSAL_CHOSEN, TS_UNACCEPTABLE, CHILD_SA_NOT_FOUND (§2.25) or
 * INVALID_KE_PAYLOAD with the group it wants (§1.3), after which the initiator may try again.
 * PFS: the ESP proposals carry our choices' groups and KEi is of the group of the first choice
 * that has one; the responder takes its most preferred choice that an offered proposal contains
 * with the KE's group, and only if none does the most preferred one with another group, which
 * it then names in INVALID_KE_PAYLOAD (as Ikev2Proposals::SelectIke does for IKE). A choice
 * with a group is only taken with a KE of that group, and one without only from a proposal
 * without a group: PFS must be configured alike at both ends, as with charon. KEYMAT is
 * prf+(SK_d, g^ir (new) | Ni | Nr) with PFS and prf+(SK_d, Ni | Nr) without (§2.17), Ni and Nr
 * being this exchange's nonces.
 *
 * IKE SA rekey: HDR, SK{SA, Ni, KEi} with our IKE proposals, each carrying our new SPI
 * (8 octets, §3.3.1); the response HDR, SK{SA, Nr, KEr} with the responder's new SPI. KEi is of
 * the old IKE SA's group, as charon does. SKEYSEED = prf(SK_d (old), g^ir (new) | Ni | Nr) with
 * the old SA's PRF, and the seven keys come from prf+ with the new PRF and SPIs (§2.18). The new
 * Ikev2Sa starts at message ID 0 both ways with a window of 1; the initiator of the rekey is its
 * original initiator (the I flag, §1.3.2); identities and the rest of the state are copied and
 * the CHILD_SAs move to it. The old SA is left REKEYED and without CHILD_SAs, for the daemon
 * to delete with an INFORMATIONAL (Ikev2InformationalExchange::BuildDeleteIkeSa), which then
 * deletes no CHILD_SA. Likewise the initiator of a CHILD_SA rekey deletes the old CHILD_SA
 * (§2.8) with Ikev2InformationalExchange::BuildDeleteChildren once the new one is installed.
 *
 * Traffic selectors: a message's TSi is the exchange initiator's side. Ikev2ChildSa::tsi,
 * though, stays the IKE SA's original initiator's side, as for the CHILD_SA of IKE_AUTH,
 * whichever end made the CHILD_SA; an IKE SA rekey by the original responder swaps tsi and tsr
 * of the CHILD_SAs it moves. MakeRekeyRequest() turns an old CHILD_SA into the request that
 * replaces it.
 *
 * Message IDs (§2.2): a request takes sa.nextRequestId, and ProcessXResponse() advances it
 * once the response to it arrives (as Ikev2IkeAuthExchange and Ikev2InformationalExchange do);
 * a response echoes the request's ID, and ProcessXRequest() sets sa.nextExpectedId past it.
 * A request on an SA that is not ESTABLISHED (rekeyed, being deleted) is answered with
 * TEMPORARY_FAILURE (§2.25).
 *
 * Left out: the collisions of simultaneous rekeys (§2.8.1, §2.8.2: the lowest nonce wins)
 * and the other collision rules of §2.25 beyond CHILD_SA_NOT_FOUND and TEMPORARY_FAILURE; AH;
 * IPComp, ESP_TFC_PADDING_NOT_SUPPORTED and NON_FIRST_FRAGMENTS_ALSO (§1.3.1); several CHILD_SAs
 * or IKE SAs in one exchange; NO_ADDITIONAL_SAS.
 */
class Ikev2CreateChildSaExchange
{
  public:
    /// What a CREATE_CHILD_SA request asks for (§1.3).
    enum class Kind : uint8_t
    {
        NEW_CHILD_SA,   ///< a new CHILD_SA (§1.3.1)
        REKEY_CHILD_SA, ///< a CHILD_SA that replaces one named by N(REKEY_SA) (§1.3.3)
        REKEY_IKE_SA,   ///< a new IKE SA in place of this one (§1.3.2)
    };

    /// What the initiator asks for: a new CHILD_SA, or one that replaces an old one.
    struct ChildRequest : Ikev2IkeAuthExchange::ChildRequest
    {
        bool transportMode{false}; ///< ask for transport mode (N(USE_TRANSPORT_MODE), §1.3.1)
        uint32_t rekeySpi{0};      ///< our inbound SPI of the CHILD_SA replaced (§1.3.3); 0: new
    };

    /// What the responder accepts for a CHILD_SA.
    struct ChildPolicy : Ikev2IkeAuthExchange::ChildPolicy
    {
        bool transportMode{false}; ///< agree to transport mode when asked (§1.3.1)
    };

    /// What the initiator keeps from its request until the response (and a retry).
    struct Pending
    {
        /// The KE group. Unset, the first Build*Request() takes the group of our first ESP
        /// choice that has one (NONE: no PFS), or the IKE SA's group for an IKE SA rekey; after
        /// INVALID_KE_PAYLOAD, the group the responder wants (§1.3).
        std::optional<Ikev2DhId> group;
        uint64_t newIkeSpi{0};          ///< IKE SA rekey: our SPI of the new IKE SA (§1.3.2)
        std::vector<uint8_t> nonce;     ///< our nonce (Ni) of the request (§2.10)
        std::vector<uint8_t> dhPrivate; ///< our private KE value (empty without KE)
        std::vector<uint8_t> dhPublic;  ///< our public KE value (KEi)
        bool retry{false}; ///< the responder wants a group we offer: build the request again (§1.3)
    };

    /**
     * \param rng the node's random source (nonces, DH private values)
     * \param proposals what we offer and accept
     * \param nonceSize the size of our nonces, 16 to 256 octets (§2.10; charon: 32)
     */
    Ikev2CreateChildSaExchange(Ptr<CryptoRandom> rng,
                               const Ikev2Proposals& proposals,
                               uint32_t nonceSize = 32);

    /**
     * \brief Responder: what a request asks for, to pick the Process*Request() for it.
     * \param request the request, SK opened
     * \return REKEY_IKE_SA if its SA payload proposes IKE, REKEY_CHILD_SA if it carries
     *         N(REKEY_SA), else NEW_CHILD_SA (§1.3)
     */
    static Kind GetKind(const Ikev2Message& request);
    /**
     * \brief The request that rekeys a CHILD_SA (§1.3.3, §2.9.2): the same selectors, from our
     * side now, and the same mode.
     * \param sa the IKE SA
     * \param old the CHILD_SA to replace (tsi: the original initiator's side)
     * \param inboundSpi our inbound SPI for the new CHILD_SA
     * \return the request
     */
    static ChildRequest MakeRekeyRequest(const Ikev2Sa& sa,
                                         const Ikev2ChildSa& old,
                                         uint32_t inboundSpi);

    /**
     * \brief Initiator: the request for a new CHILD_SA, or for one that replaces
     * child.rekeySpi (message ID sa.nextRequestId; a fresh nonce and KE value each time).
     * \param sa the established IKE SA
     * \param child what we ask for
     * \param [in,out] pending the group (unset the first time); receives the nonce and KE value
     * \return the message, its SK payload open
     */
    Ikev2Message BuildChildRequest(const Ikev2Sa& sa,
                                   const ChildRequest& child,
                                   Pending& pending) const;
    /**
     * \brief Responder: makes the CHILD_SA a request asks for, new or rekeyed.
     * \param request the request, SK opened
     * \param sa the IKE SA
     * \param policy what we accept
     * \param [out] response the response, its SK payload open (empty if the request is dropped)
     * \param [out] child the CHILD_SA made (tsi: the original initiator's side)
     * \param [out] keys its ESP keys ("ir": from the peer, the exchange initiator, to us)
     * \param [out] rekeyed for a rekey, our inbound SPI of the CHILD_SA replaced (its key in
     *        sa.children), which the peer will delete; else 0
     * \return empty if the CHILD_SA is made; else why not, as the notify the response carries
     *         ("NO_PROPOSAL_CHOSEN", "TS_UNACCEPTABLE", "INVALID_KE_PAYLOAD",
     *         "CHILD_SA_NOT_FOUND", "TEMPORARY_FAILURE", "INVALID_SYNTAX: ...") or why the
     *         request is dropped (no open SK payload)
     */
    std::string ProcessChildRequest(const Ikev2Message& request,
                                    Ikev2Sa& sa,
                                    const ChildPolicy& policy,
                                    Ikev2Message& response,
                                    Ikev2ChildSa& child,
                                    Ikev2ChildKeys& keys,
                                    uint32_t& rekeyed) const;
    /**
     * \brief Initiator: takes the CHILD_SA of the response. For a rekey, asked.rekeySpi names
     * the CHILD_SA we then delete.
     * \param response the response, SK opened
     * \param sa the IKE SA
     * \param asked what we asked for
     * \param [in,out] pending what the request drew; on INVALID_KE_PAYLOAD naming a group we
     *        offer, the group to retry with and retry set
     * \param [out] child the CHILD_SA made (tsi: the original initiator's side)
     * \param [out] keys its ESP keys ("ir": from us, the exchange initiator, to the peer)
     * \return empty on success, else why not (then pending.retry says whether to build the
     *         request again)
     */
    std::string ProcessChildResponse(const Ikev2Message& response,
                                     Ikev2Sa& sa,
                                     const ChildRequest& asked,
                                     Pending& pending,
                                     Ikev2ChildSa& child,
                                     Ikev2ChildKeys& keys) const;

    /**
     * \brief Initiator: the request that rekeys the IKE SA (§1.3.2; message ID
     * sa.nextRequestId).
     * \param sa the established IKE SA
     * \param newSpi our SPI for the new IKE SA (not 0)
     * \param [in,out] pending the group (unset the first time); receives the SPI, nonce and KE
     * \return the message, its SK payload open
     */
    Ikev2Message BuildIkeRekeyRequest(const Ikev2Sa& sa, uint64_t newSpi, Pending& pending) const;
    /**
     * \brief Responder: makes the new IKE SA (§2.18); the old one becomes REKEYED and hands its
     * CHILD_SAs over.
     * \param request the request, SK opened
     * \param sa the old IKE SA
     * \param newSpi our SPI for the new IKE SA (not 0)
     * \param [out] response the response, its SK payload open (empty if the request is dropped)
     * \param [out] newSa the new IKE SA, ESTABLISHED
     * \return empty if it is made; else why not, as the notify the response carries
     *         ("NO_PROPOSAL_CHOSEN", "INVALID_KE_PAYLOAD", "TEMPORARY_FAILURE",
     *         "INVALID_SYNTAX: ...") or why the request is dropped
     */
    std::string ProcessIkeRekeyRequest(const Ikev2Message& request,
                                       Ikev2Sa& sa,
                                       uint64_t newSpi,
                                       Ikev2Message& response,
                                       Ikev2Sa& newSa) const;
    /**
     * \brief Initiator: makes the new IKE SA from the response (§2.18); the old one becomes
     * REKEYED and hands its CHILD_SAs over.
     * \param response the response, SK opened
     * \param sa the old IKE SA
     * \param [in,out] pending what the request drew; on INVALID_KE_PAYLOAD naming a group we
     *        offer, the group to retry with and retry set
     * \param [out] newSa the new IKE SA, ESTABLISHED
     * \return empty on success, else why not
     */
    std::string ProcessIkeRekeyResponse(const Ikev2Message& response,
                                        Ikev2Sa& sa,
                                        Pending& pending,
                                        Ikev2Sa& newSa) const;

  private:
    /**
     * \brief Draws our nonce and, for a group other than NONE, our KE value into \p pending.
     * \param group the KE group, or NONE
     * \param [out] pending the nonce and KE value
     */
    void Draw(Ikev2DhId group, Pending& pending) const;
    /**
     * \brief Responder: our nonce, our KE value and g^ir for the initiator's KE.
     * \param group the group, or NONE (no KE: a nonce only)
     * \param peerKe the initiator's KE data
     * \param [out] ours our nonce and KE value
     * \param [out] gir the shared secret
     * \return false if the initiator's KE value is not valid for the group
     */
    bool Answer(Ikev2DhId group,
                const std::vector<uint8_t>& peerKe,
                Pending& ours,
                std::vector<uint8_t>& gir) const;
    /**
     * \brief Initiator: checks the header of a response and takes its message ID (§2.2).
     * \param response the response
     * \param sa the IKE SA, whose nextRequestId advances
     * \return empty, or what is wrong (then nothing advances)
     */
    static std::string TakeResponse(const Ikev2Message& response, Ikev2Sa& sa);
    /**
     * \brief Initiator: the error notification of a response, and the retry of
     * INVALID_KE_PAYLOAD for a group we offer.
     * \param payloads the response's payloads
     * \param offered the groups we offer
     * \param [in,out] pending the group and retry
     * \return empty without an error notification, else why the exchange failed
     */
    static std::string Refused(const std::vector<Ikev2Payload>& payloads,
                               const std::vector<Ikev2DhId>& offered,
                               Pending& pending);
    /**
     * \brief Builds the new IKE SA of a rekey (§1.3.2, §2.18) and hands the CHILD_SAs over.
     * \param sa the old IKE SA, left REKEYED without CHILD_SAs
     * \param weInitiated whether we initiated the rekey
     * \param chosen the new SA's transforms
     * \param gir the exchange's shared secret
     * \param ni the rekey initiator's nonce
     * \param nr the rekey responder's nonce
     * \param spiI the rekey initiator's new SPI
     * \param spiR the rekey responder's new SPI
     * \param [out] newSa the new IKE SA
     * \return empty, or why the keys cannot be derived
     */
    static std::string MakeNewIkeSa(Ikev2Sa& sa,
                                    bool weInitiated,
                                    const Ikev2IkeChoice& chosen,
                                    const std::vector<uint8_t>& gir,
                                    const std::vector<uint8_t>& ni,
                                    const std::vector<uint8_t>& nr,
                                    uint64_t spiI,
                                    uint64_t spiR,
                                    Ikev2Sa& newSa);

    Ptr<CryptoRandom> m_rng;    ///< nonces and DH values
    Ikev2Proposals m_proposals; ///< what we offer and accept
    uint32_t m_nonceSize;       ///< our nonce size
};

} // namespace ns3

#endif // IKEV2_CREATE_CHILD_SA_EXCHANGE_H
