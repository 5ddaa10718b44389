/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV1_PROPOSALS_H
#define IKEV1_PROPOSALS_H

#include "crypto-mac.h"
#include "ikev1-message.h"
#include "ipsec-algorithm.h"

#include "ns3/nstime.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

struct IpsecPolicy;
struct Ikev1QuickMode;

/// One racoon proposal{} block: a phase-1 transform offered or accepted (RFC 2409 App. A).
struct Ikev1Phase1Choice
{
    IpsecEncryption encryption{IpsecEncryption::TDES_CBC}; ///< cipher
    CryptoHash hash{CryptoHash::SHA1};                     ///< hash, also the PRF (its HMAC)
    uint16_t group{2};                                     ///< DH group

    /// \param other another choice \return true if cipher, hash and group are the same
    bool operator==(const Ikev1Phase1Choice& other) const;
};

/// One ESP transform of racoon's sainfo (RFC 2407 §4.4.4, §4.5).
struct Ikev1EspChoice
{
    IpsecEncryption encryption{IpsecEncryption::TDES_CBC};  ///< ESP cipher
    IpsecIntegrity integrity{IpsecIntegrity::HMAC_SHA1_96}; ///< NONE with a combined mode

    /// \param other another choice \return true if cipher and integrity are the same
    bool operator==(const Ikev1EspChoice& other) const;
};

/**
 * \ingroup cxtp-ipsec
 * \brief What an IKEv1 daemon offers and accepts, and how it chooses (RFC 2408 §4.2, RFC 2409
 * App. A, RFC 2407 §4.4-4.5), after racoon's proposal{} and sainfo blocks.
 *
 * The initiator offers every phase-1 choice as one transform of a single proposal, and every
 * ESP choice as one transform of a single ESP proposal. The responder answers with the first
 * transform, in the initiator's order, that it accepts, alone; the initiator checks that the
 * answer is one of its offers.
 */
class Ikev1Proposals
{
  public:
    /**
     * \param phase1 the phase-1 transforms, in preference order (not empty)
     * \param esp the ESP transforms offered and accepted (empty: offer the SPD rule's pair,
     *        accept any supported pair)
     * \param phase1Lifetime the ISAKMP SA lifetime offered
     * \param phase2Lifetime the IPsec SA lifetime offered, and taken when the peer offers none
     */
    Ikev1Proposals(std::vector<Ikev1Phase1Choice> phase1,
                   std::vector<Ikev1EspChoice> esp,
                   Time phase1Lifetime,
                   Time phase2Lifetime);

    /**
     * \brief Parses a list like "3des-cbc/sha1/2,aes128-cbc/sha1/2".
     * \param list the text
     * \param [out] choices the transforms
     * \return empty, or what is wrong with which item
     */
    static std::string ParsePhase1List(const std::string& list,
                                       std::vector<Ikev1Phase1Choice>& choices);
    /// \param choices transforms \return them as ParsePhase1List() reads them
    static std::string FormatPhase1List(const std::vector<Ikev1Phase1Choice>& choices);
    /**
     * \brief Parses a list like "3des-cbc/hmac-sha1-96,aes128-cbc/hmac-sha1-96".
     * \param list the text
     * \param [out] choices the transforms
     * \return empty, or what is wrong with which item
     */
    static std::string ParseEspList(const std::string& list, std::vector<Ikev1EspChoice>& choices);
    /// \param choices transforms \return them as ParseEspList() reads them
    static std::string FormatEspList(const std::vector<Ikev1EspChoice>& choices);

    /// \return the phase-1 transforms, in preference order
    const std::vector<Ikev1Phase1Choice>& GetPhase1Choices() const;
    /// \return our phase-1 SA payload: one proposal, one transform per choice
    Ikev1SaPayload MakePhase1Proposal() const;
    /**
     * \brief Responder: picks the first transform, in the initiator's order, that matches one
     * of our choices, and answers with that transform alone.
     * \param offered the initiator's SA payload
     * \param keLength in aggressive mode, the size of the initiator's KE (its group); 0 in
     * main mode
     * \param [out] reply our SA payload (the chosen transform only)
     * \param [out] chosen what it means
     * \return empty, or why nothing is acceptable (NO-PROPOSAL-CHOSEN)
     */
    std::string SelectPhase1(const Ikev1SaPayload& offered,
                             size_t keLength,
                             Ikev1SaPayload& reply,
                             Ikev1Phase1Choice& chosen) const;
    /**
     * \brief Initiator: the answer holds one transform, one of those we offered.
     * \param answer the responder's SA payload
     * \param [out] chosen what it means
     * \return empty, or what is wrong
     */
    std::string CheckPhase1Answer(const Ikev1SaPayload& answer, Ikev1Phase1Choice& chosen) const;

    /// \param policy the outbound rule \return the ESP transforms to offer for it
    std::vector<Ikev1EspChoice> GetEspChoices(const IpsecPolicy* policy) const;
    /**
     * \param qm the quick mode (our inbound SPI, PFS group, lifetime)
     * \param offers the transforms to offer
     * \return our phase-2 SA payload: one ESP proposal with our SPI, one transform per offer
     */
    Ikev1SaPayload MakePhase2Proposal(const Ikev1QuickMode& qm,
                                      const std::vector<Ikev1EspChoice>& offers) const;
    /**
     * \brief Responder: picks the first acceptable ESP transform in the initiator's order and
     * fills qm with it (cipher, integrity, PFS group, lifetime, the peer's SPI).
     * \param offered the initiator's SA payload
     * \param qm the quick mode
     * \param [out] reply our SA payload (the chosen transform only; the caller puts our SPI)
     * \return empty, or why nothing is acceptable (NO-PROPOSAL-CHOSEN)
     */
    std::string SelectPhase2(const Ikev1SaPayload& offered,
                             Ikev1QuickMode& qm,
                             Ikev1SaPayload& reply) const;
    /**
     * \brief Initiator: the answer holds one of the transforms we offered; fills qm with it.
     * \param answer the responder's SA payload
     * \param offers what we offered
     * \param qm the quick mode
     * \return empty, or what is wrong
     */
    std::string CheckPhase2Answer(const Ikev1SaPayload& answer,
                                  const std::vector<Ikev1EspChoice>& offers,
                                  Ikev1QuickMode& qm) const;

  private:
    /// \return the phase-1 transform of a choice, in racoon's attribute order
    Ikev1Transform MakePhase1Transform(const Ikev1Phase1Choice& choice, uint8_t number) const;
    /// Reads a KEY_IKE transform with PSK authentication; false if we do not support it.
    static bool ReadPhase1Transform(const Ikev1Transform& transform, Ikev1Phase1Choice& choice);
    /// \return an ESP transform, in racoon's attribute order
    static Ikev1Transform MakeEspTransform(const Ikev1EspChoice& choice,
                                           uint16_t pfsGroup,
                                           Time lifetime,
                                           uint8_t number);
    /// Reads an ESP transform; false if we do not support it.
    static bool ReadEspTransform(const Ikev1Transform& transform,
                                 Ikev1EspChoice& choice,
                                 uint16_t& pfsGroup,
                                 uint64_t& lifetime);

    std::vector<Ikev1Phase1Choice> m_phase1; ///< phase-1 transforms
    std::vector<Ikev1EspChoice> m_esp;       ///< ESP transforms, empty for the rule's pair
    Time m_phase1Lifetime;                   ///< offered ISAKMP SA lifetime
    Time m_phase2Lifetime;                   ///< offered IPsec SA lifetime
};

} // namespace ns3

#endif // IKEV1_PROPOSALS_H
