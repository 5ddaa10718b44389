/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef EAP_AKA_PEER_METHOD_H
#define EAP_AKA_PEER_METHOD_H

#include "eap-aka-keys.h"
#include "eap-aka-message.h"
#include "eap-credentials.h"
#include "eap-method.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The peer side of EAP-AKA (type 23, RFC 4187), full authentication only, with the USIM
 * of 3GPP TS 33.102 §6.3.3 built in (CryptoMilenage::UsimCheck on the credentials' K and OPc).
 *
 * On an AKA-Challenge Request (§9.3) with AT_RAND, AT_AUTN and AT_MAC:
 * - the USIM checks MAC-A in AUTN; a wrong one (another K or OPc, a forged AUTN) is answered
 *   with AKA-Authentication-Reject (§9.5), no attributes;
 * - then the SQN: accepted if SQN_MS < SQN ≤ SQN_MS + Δ (SQN_MS the credentials' akaSqn,
 *   Δ = DELTA), else AKA-Synchronization-Failure with AT_AUTS (§9.6); an accepted SQN becomes
 *   the new akaSqn of the credentials (the USIM's state, kept across conversations by whoever
 *   owns the credentials, see EapPeer::GetCredentials);
 * - then K_aut, MSK and EMSK from EapAkaKeys::Derive(identity, IK, CK) (§7), identity being the
 *   one of our EAP-Response/Identity (no AKA-Identity round, §4.1); AT_MAC of the Request is
 *   verified with K_aut; a wrong one is answered with AKA-Client-Error code 0 (§6.3.1);
 * - the answer is AKA-Challenge with AT_RES (its length in bits, §10.8) and AT_MAC (§9.4).
 *
 * An AKA-Notification Request (§9.10) is answered (§9.11): with no attributes when its P bit
 * is set, with AT_MAC when it is not (the Request's AT_MAC must then verify with our K_aut). A
 * failure code (S bit 0) marks the method failed. Anything else (malformed type-data, a missing
 * attribute, AKA-Identity or AKA-Reauthentication, which are not modelled) is answered with
 * AKA-Client-Error code 0, "unable to process packet" (§6.3.1, §10.20).
 *
 * Each answer that tells the server of a failure (Authentication-Reject, Client-Error) comes
 * with a reason; Process() never returns FAILURE, the EAP-Failure that follows ends the peer.
 * EAP-Success is accepted only after a Challenge was answered with RES (MayAcceptSuccess()).
 */
class EapAkaPeerMethod : public EapPeerMethod
{
  public:
    /// The largest step above SQN_MS the USIM accepts (2^28, TS 33.102 Annex C's order of size)
    static constexpr uint64_t DELTA = uint64_t{1} << 28;
    /// AT_CLIENT_ERROR_CODE "unable to process packet" (RFC 4187 §10.20)
    static constexpr uint16_t UNABLE_TO_PROCESS = 0;

    /**
     * \param credentials the subscriber's: identity, akaK, akaOpc, akaSqn (SQN_MS); kept by
     *        reference, akaSqn is updated on each accepted challenge
     */
    explicit EapAkaPeerMethod(EapCredentials& credentials);

    EapType GetType() const override;
    EapStatus Process(const EapPacket& request, EapPacket& response, std::string& reason) override;
    bool MayAcceptSuccess() const override;
    /// \return the MSK (64 octets) once a Challenge was answered with RES, else empty
    std::vector<uint8_t> GetMsk() const override;
    /// \return the EMSK (64 octets, RFC 4187 §7) once a Challenge was answered, else empty
    std::vector<uint8_t> GetEmsk() const;

  private:
    /**
     * \brief Answers an AKA-Challenge Request.
     * \param request the Request
     * \param message its decoded type-data
     * \param [out] response the answer
     * \param [out] reason why the answer signals a failure
     */
    void ProcessChallenge(const EapPacket& request,
                          const EapAkaMessage& message,
                          EapPacket& response,
                          std::string& reason);
    /**
     * \brief Answers an AKA-Notification Request.
     * \param request the Request
     * \param message its decoded type-data
     * \param [out] response the answer
     * \param [out] reason why the answer or the notification signals a failure
     */
    void ProcessNotification(const EapPacket& request,
                             const EapAkaMessage& message,
                             EapPacket& response,
                             std::string& reason);
    /**
     * \brief Builds AKA-Client-Error (§9.9) and marks the method failed.
     * \param identifier the Identifier
     * \param why the error
     * \param [out] response the answer
     * \param [out] reason set to \p why
     */
    void ClientError(uint8_t identifier,
                     const std::string& why,
                     EapPacket& response,
                     std::string& reason);

    EapCredentials& m_credentials; ///< the USIM: K, OPc and SQN_MS
    EapAkaKeys::Keys m_keys;       ///< the keys of the last accepted challenge
    bool m_answered{false};        ///< a Challenge was answered with RES
    bool m_failed{false};          ///< a failure was signalled or notified
};

} // namespace ns3

#endif // EAP_AKA_PEER_METHOD_H
