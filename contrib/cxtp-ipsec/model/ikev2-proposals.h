/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_PROPOSALS_H
#define IKEV2_PROPOSALS_H

#include "ikev2-constants.h"
#include "ikev2-message.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief One set of IKE SA algorithms, as one strongSwan proposal keyword list names it
 * ("aes128-sha256-modp2048", "aes256gcm16-prfsha384-ecp256"; RFC 7296 §3.3.2).
 */
struct Ikev2IkeChoice
{
    Ikev2EncrId encr{Ikev2EncrId::ENCR_AES_CBC};              ///< cipher
    uint16_t keyBits{128};                                    ///< Key Length attribute; 0 for 3DES
    Ikev2IntegId integ{Ikev2IntegId::AUTH_HMAC_SHA2_256_128}; ///< NONE with AES-GCM
    Ikev2PrfId prf{Ikev2PrfId::PRF_HMAC_SHA2_256};            ///< pseudorandom function
    Ikev2DhId dh{Ikev2DhId::MODP_2048};                       ///< key exchange group

    /// \param other another choice \return true if every algorithm is the same
    bool operator==(const Ikev2IkeChoice& other) const;
};

/**
 * \ingroup cxtp-ipsec
 * \brief One set of CHILD_SA (ESP) algorithms ("aes128-sha256", "aes128gcm16-modp2048-esn";
 * RFC 7296 §3.3.2). A group asks for PFS: a KE in CREATE_CHILD_SA (§1.3.1); the first
 * CHILD_SA, made in IKE_AUTH, never has one (§1.2).
 */
struct Ikev2EspChoice
{
    Ikev2EncrId encr{Ikev2EncrId::ENCR_AES_CBC};              ///< cipher
    uint16_t keyBits{128};                                    ///< Key Length attribute; 0 for 3DES
    Ikev2IntegId integ{Ikev2IntegId::AUTH_HMAC_SHA2_256_128}; ///< NONE with AES-GCM
    Ikev2DhId dh{Ikev2DhId::NONE};                            ///< PFS group, NONE without PFS
    Ikev2EsnId esn{Ikev2EsnId::NO_ESN};                       ///< extended sequence numbers

    /// \param other another choice \return true if every algorithm is the same
    bool operator==(const Ikev2EspChoice& other) const;
};

/**
 * \ingroup cxtp-ipsec
 * \brief What an IKEv2 daemon offers and accepts, and how it chooses (RFC 7296 §2.7, §3.3),
 * after strongSwan's charon.
 *
 * The initiator offers each choice as one proposal (numbered from 1) with one transform per
 * type. The responder takes its own choices in its order of preference (charon's default,
 * "prefer_configured_proposals") and answers with the first one some offered proposal
 * contains, as that proposal's number with one transform per type (§3.3.6); an IKE proposal
 * whose group differs from the initiator's KE payload is answered with INVALID_KE_PAYLOAD
 * naming our group (§1.2). The initiator checks that the answer is one transform per type out
 * of the proposal it names.
 */
class Ikev2Proposals
{
  public:
    /**
     * \param ike the IKE SA choices, in preference order (not empty)
     * \param esp the CHILD_SA choices, in preference order (not empty)
     */
    Ikev2Proposals(std::vector<Ikev2IkeChoice> ike, std::vector<Ikev2EspChoice> esp);

    /**
     * \brief Parses a strongSwan-style list of IKE proposals, e.g.
     * "aes128-sha256-modp2048,aes256gcm16-prfsha384-ecp256".
     * \param list the text
     * \param [out] choices the choices
     * \return empty, or what is wrong with which item
     */
    static std::string ParseIkeList(const std::string& list, std::vector<Ikev2IkeChoice>& choices);
    /**
     * \brief Parses a strongSwan-style list of ESP proposals, e.g.
     * "aes128-sha256,aes128gcm16-modp2048-esn".
     * \param list the text
     * \param [out] choices the choices
     * \return empty, or what is wrong with which item
     */
    static std::string ParseEspList(const std::string& list, std::vector<Ikev2EspChoice>& choices);
    /// \param choices IKE choices \return them as ParseIkeList() reads them
    static std::string FormatIkeList(const std::vector<Ikev2IkeChoice>& choices);
    /// \param choices ESP choices \return them as ParseEspList() reads them
    static std::string FormatEspList(const std::vector<Ikev2EspChoice>& choices);

    /// \return the IKE choices, in preference order
    const std::vector<Ikev2IkeChoice>& GetIkeChoices() const;
    /// \return the ESP choices, in preference order
    const std::vector<Ikev2EspChoice>& GetEspChoices() const;

    /**
     * \param spi the SPI of every proposal: empty in IKE_SA_INIT, our new SPI (8 octets) when
     *        rekeying the IKE SA (§3.3.1)
     * \return our IKE SA payload
     */
    Ikev2SaPayload MakeIkeOffer(const std::vector<uint8_t>& spi) const;
    /**
     * \param spi our inbound SPI for the CHILD_SA
     * \param pfs whether to offer our choices' groups (CREATE_CHILD_SA); without, the groups are
     *        left out (IKE_AUTH)
     * \return our ESP SA payload
     */
    Ikev2SaPayload MakeEspOffer(uint32_t spi, bool pfs) const;
    /**
     * \brief Responder: picks an IKE proposal (§2.7).
     * \param offered the initiator's SA payload
     * \param keGroup the group of the initiator's KE payload
     * \param spi our SPI for the answer (empty in IKE_SA_INIT)
     * \param [out] reply our SA payload
     * \param [out] chosen what it means
     * \param [out] wantedGroup on INVALID_KE_PAYLOAD, the group we want
     * \return empty; "INVALID_KE_PAYLOAD" if a proposal is acceptable with another group; or
     *         why nothing is (NO_PROPOSAL_CHOSEN)
     */
    std::string SelectIke(const Ikev2SaPayload& offered,
                          Ikev2DhId keGroup,
                          const std::vector<uint8_t>& spi,
                          Ikev2SaPayload& reply,
                          Ikev2IkeChoice& chosen,
                          Ikev2DhId& wantedGroup) const;
    /**
     * \brief Initiator: checks the responder's IKE SA payload against our offer.
     * \param answer the responder's SA payload
     * \param [out] chosen what it means
     * \return empty, or what is wrong
     */
    std::string CheckIkeAnswer(const Ikev2SaPayload& answer, Ikev2IkeChoice& chosen) const;
    /**
     * \brief Responder: picks an ESP proposal.
     * \param offered the initiator's SA payload
     * \param pfs whether a KE came with it (CREATE_CHILD_SA); then its group must be offered
     * \param spi our inbound SPI for the answer
     * \param [out] reply our SA payload
     * \param [out] chosen what it means
     * \param [out] peerSpi the initiator's inbound SPI (our outbound one)
     * \return empty, or why nothing is acceptable (NO_PROPOSAL_CHOSEN)
     */
    std::string SelectEsp(const Ikev2SaPayload& offered,
                          bool pfs,
                          uint32_t spi,
                          Ikev2SaPayload& reply,
                          Ikev2EspChoice& chosen,
                          uint32_t& peerSpi) const;
    /**
     * \brief Initiator: checks the responder's ESP SA payload against our offer.
     * \param answer the responder's SA payload
     * \param pfs whether we offered groups
     * \param [out] chosen what it means
     * \param [out] peerSpi the responder's inbound SPI (our outbound one)
     * \return empty, or what is wrong
     */
    std::string CheckEspAnswer(const Ikev2SaPayload& answer,
                               bool pfs,
                               Ikev2EspChoice& chosen,
                               uint32_t& peerSpi) const;

  private:
    std::vector<Ikev2IkeChoice> m_ike; ///< IKE choices, preferred first
    std::vector<Ikev2EspChoice> m_esp; ///< ESP choices, preferred first
};

} // namespace ns3

#endif // IKEV2_PROPOSALS_H
