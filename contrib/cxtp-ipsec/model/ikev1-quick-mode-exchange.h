/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV1_QUICK_MODE_EXCHANGE_H
#define IKEV1_QUICK_MODE_EXCHANGE_H

#include "ikev1-message.h"
#include "ikev1-sa.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class Ikev1Services;

/**
 * \ingroup cxtp-ipsec
 * \brief Quick mode (RFC 2409 §5.5), both roles, under an established ISAKMP SA: an ESP SA
 * pair for a tunnel-mode PROTECT rule, with optional PFS, installed through PF_KEY with KEYMAT
 * for each direction.
 *
 * \verbatim
   QM1  HDR*, HASH(1), SA, Ni [, KE] [, IDci, IDcr]  ->
   QM2                                               <-  HDR*, HASH(2), SA, Nr [, KE] [, IDci, IDcr]
   QM3  HDR*, HASH(3)                                ->
 \endverbatim
 */
class Ikev1QuickModeExchange
{
  public:
    /// \param services what the exchange works with
    explicit Ikev1QuickModeExchange(Ikev1Services& services);

    /**
     * \brief Initiator: starts a quick mode for an outbound PROTECT rule.
     * \param sa the established ISAKMP SA with the rule's tunnel peer
     * \param outPolicyId the rule
     */
    void Start(Ikev1Sa& sa, uint32_t outPolicyId);
    /**
     * \brief Processes a quick-mode message.
     * \param sa its ISAKMP SA
     * \param header its header
     * \param bytes the whole message
     */
    void Receive(Ikev1Sa& sa, const Ikev1Header& header, const std::vector<uint8_t>& bytes);
    /// Fails our quick modes that a protected NO-PROPOSAL-CHOSEN from the peer names.
    void HandleNoProposalChosen(Ikev1Sa& sa, const Ikev1NotifyPayload& notify);

  private:
    /// A decrypted quick-mode message whose HASH is first.
    struct Message
    {
        uint32_t messageId{0};                      ///< M-ID
        const std::vector<uint8_t>* bytes{nullptr}; ///< the whole message
        std::vector<uint8_t> iv;                    ///< the CBC state after it
        std::vector<uint8_t> hash;                  ///< HASH(1), (2) or (3)
        std::vector<Ikev1Payload> rest;             ///< the payloads after the HASH
        std::vector<uint8_t> restBytes;             ///< the same, as on the wire
        bool fresh{false};                          ///< the first message of a new M-ID
    };

    /// Responder: QM1 -> QM2. \return empty, or why the message is dropped
    std::string ReceiveQm1(Ikev1Sa& sa, Ikev1QuickMode& qm, const Message& message);
    /// Initiator: QM2 -> QM3, installs. \return empty, or why the message is dropped
    std::string ReceiveQm2(Ikev1Sa& sa, Ikev1QuickMode& qm, const Message& message);
    /// Responder: QM3, installs. \return empty, or why the message is dropped
    std::string ReceiveQm3(Ikev1Sa& sa, Ikev1QuickMode& qm, const Message& message);
    /// Derives KEYMAT for both directions and installs the pair after the charged work.
    void InstallSaPair(Ikev1Sa& sa, Ikev1QuickMode& qm);
    /// Tells the peer that no transform of its quick mode was acceptable (RFC 2408 §3.14.1).
    void SendNoProposalChosen(Ikev1Sa& sa, const Ikev1SaPayload& offered);
    /// Seals and sends a quick-mode message under the quick mode's IV.
    void SendMessage(Ikev1Sa& sa,
                     Ikev1QuickMode& qm,
                     const std::vector<Ikev1Payload>& payloads,
                     bool awaitingReply);

    Ikev1Services& m_services; ///< what the exchange works with
};

} // namespace ns3

#endif // IKEV1_QUICK_MODE_EXCHANGE_H
