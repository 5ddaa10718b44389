/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef EAP_AKA_SERVER_METHOD_H
#define EAP_AKA_SERVER_METHOD_H

#include "crypto-milenage.h"
#include "eap-aka-keys.h"
#include "eap-method.h"

#include "ns3/ptr.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class CryptoRandom;
class EapSubscriberDatabase;

/**
 * \ingroup cxtp-ipsec
 * \brief The server side of EAP-AKA (type 23, RFC 4187), full authentication only, with the
 * AuC of 3GPP TS 33.102 §6.3 built in (CryptoMilenage).
 *
 * - Start(): one authentication vector for the subscriber (TS 33.102 §6.3.2): RAND from
 *   CryptoRandom, SQN the database entry's akaSqn, which then advances by one (the simplest
 *   scheme of TS 33.102 Annex C: one counter, no SEQ/IND split), AMF the entry's. K_aut, MSK and
 *   EMSK come from EapAkaKeys::Derive(identity, IK, CK) (RFC 4187 §7), identity being the one of
 *   the EAP-Response/Identity: there is no AKA-Identity round (§4.1), so no AT_IDENTITY
 *   replaces it. The Request is AKA-Challenge with AT_RAND, AT_AUTN and AT_MAC (§9.3).
 * - The peer's AKA-Challenge Response (§9.4): AT_MAC (with K_aut, no extra data) and then
 *   AT_RES against XRES, length in bits included; both right: SUCCESS, and the MSK is exported.
 * - AKA-Authentication-Reject (§9.5, the peer refused AUTN) and AKA-Client-Error (§9.9): FAILURE
 *   at once (§6.3.1, §6.3.3).
 * - AKA-Synchronization-Failure (§9.6): the AuC recovers SQN_MS from AT_AUTS and checks MAC-S
 *   (TS 33.102 §6.3.5), sets the entry's next SQN to SQN_MS + 1 and sends a fresh
 *   AKA-Challenge (new RAND). One resynchronisation per conversation; a second
 *   Synchronization-Failure is an error.
 * - Any other error in a Response (malformed, wrong AT_MAC, wrong RES, AUTS that does not
 *   verify, an unexpected Subtype): one AKA-Notification round with the code "General failure"
 *   (16384: S bit 0, P bit 1, so no AT_MAC; §6.3.2, §10.19), then FAILURE with the reason,
 *   whatever the peer answers.
 *
 * Not modelled: AKA-Identity (pseudonyms, fast re-authentication identities, AT_*_ID_REQ),
 * fast re-authentication (§5), protected result indications (AT_RESULT_IND), AT_CHECKCODE,
 * EAP-AKA' (RFC 5448).
 *
 * The Milenage work (one MILENAGE per vector and per resynchronisation) and the HMAC-SHA1 of
 * AT_MAC are recorded on the active CryptoWorkMeter by CryptoMilenage and CryptoMac.
 */
class EapAkaServerMethod : public EapServerMethod
{
  public:
    /// Notification code "General failure" (RFC 4187 §10.19: S = 0, P = 1)
    static constexpr uint16_t GENERAL_FAILURE = 16384;

    /**
     * \param database the subscribers; the identity's entry is read at each vector and its
     *        akaSqn advanced (a subscriber removed meanwhile makes the method fail)
     * \param identity the identity of the EAP-Response/Identity (the key derivation's, §7)
     * \param rng the source of RAND
     */
    EapAkaServerMethod(Ptr<EapSubscriberDatabase> database,
                       const std::string& identity,
                       Ptr<CryptoRandom> rng);
    ~EapAkaServerMethod() override;

    EapType GetType() const override;
    EapStatus Start(uint8_t identifier, EapPacket& request, std::string& reason) override;
    EapStatus Process(const EapPacket& response,
                      uint8_t identifier,
                      EapPacket& request,
                      std::string& reason) override;
    /// \return the MSK (64 octets) after SUCCESS, else empty
    std::vector<uint8_t> GetMsk() const override;
    /// \return the EMSK (64 octets, RFC 4187 §7) after SUCCESS, else empty
    std::vector<uint8_t> GetEmsk() const;
    /**
     * \brief Fixes the RAND of the next vector instead of drawing it (to reproduce published
     * vectors, e.g. TS 35.208's).
     * \param rand 16 octets
     */
    void SetNextRand(const std::vector<uint8_t>& rand);

  private:
    /// Where the conversation stands.
    enum class State : uint8_t
    {
        IDLE,         ///< before Start()
        CHALLENGE,    ///< an AKA-Challenge is outstanding
        NOTIFICATION, ///< a failure AKA-Notification is outstanding
        DONE,         ///< SUCCESS or FAILURE returned
    };

    /**
     * \brief Makes a vector and the AKA-Challenge Request carrying it.
     * \param identifier the Request's Identifier
     * \param [out] request the Request
     * \param [out] reason why not
     * \return CONTINUE or FAILURE
     */
    EapStatus Challenge(uint8_t identifier, EapPacket& request, std::string& reason);
    /**
     * \brief Processes the Response to an AKA-Challenge.
     * \param response the Response
     * \param identifier the next Request's Identifier
     * \param [out] request the next Request
     * \param [out] reason why it fails, or the error notified
     * \return CONTINUE, SUCCESS or FAILURE
     */
    EapStatus ProcessChallengeResponse(const EapPacket& response,
                                       uint8_t identifier,
                                       EapPacket& request,
                                       std::string& reason);
    /**
     * \brief Handles AKA-Synchronization-Failure (§9.6, TS 33.102 §6.3.5).
     * \param auts AT_AUTS, or empty if absent
     * \param identifier the next Request's Identifier
     * \param [out] request the fresh AKA-Challenge or the Notification
     * \param [out] reason why it fails, or the error notified
     * \return CONTINUE or FAILURE
     */
    EapStatus Resynchronise(const std::vector<uint8_t>& auts,
                            uint8_t identifier,
                            EapPacket& request,
                            std::string& reason);
    /**
     * \brief Sends the failure AKA-Notification (§6.3.2); the conversation then fails.
     * \param identifier the Request's Identifier
     * \param why the error
     * \param [out] request the Notification
     * \param [out] reason set to \p why
     * \return CONTINUE
     */
    EapStatus Notify(uint8_t identifier,
                     const std::string& why,
                     EapPacket& request,
                     std::string& reason);
    /**
     * \param why the reason
     * \param [out] reason set to \p why
     * \return FAILURE, the method done
     */
    EapStatus Fail(const std::string& why, std::string& reason);

    Ptr<EapSubscriberDatabase> m_database; ///< the subscribers (the AuC's SQN)
    std::string m_identity;                ///< the peer's identity
    Ptr<CryptoRandom> m_rng;               ///< RAND source
    std::vector<uint8_t> m_nextRand;       ///< RAND of the next vector if fixed
    State m_state{State::IDLE};            ///< where it stands
    CryptoMilenage::Vector m_vector;       ///< the outstanding challenge's vector
    EapAkaKeys::Keys m_keys;               ///< its keys
    bool m_resynchronised{false};          ///< AUTS was processed once
    std::string m_failure;                 ///< the error a Notification announced
    std::vector<uint8_t> m_msk;            ///< after SUCCESS
    std::vector<uint8_t> m_emsk;           ///< after SUCCESS
};

} // namespace ns3

#endif // EAP_AKA_SERVER_METHOD_H
