/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV1_AGGRESSIVE_MODE_EXCHANGE_H
#define IKEV1_AGGRESSIVE_MODE_EXCHANGE_H

#include "ikev1-phase1-exchange.h"

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Aggressive mode with pre-shared keys (RFC 2409 §5, §5.4), both roles: three
 * messages, the identities in clear; racoon sends AM3 unencrypted.
 *
 * \verbatim
   AM1  HDR, SA, KE, Ni, IDii            ->
   AM2                                   <-  HDR, SA, KE, Nr, IDir, HASH_R
   AM3  HDR, HASH_I                      ->
 \endverbatim
 *
 * Only one DH group can be offered: the initiator's KE uses the group of its first proposal.
 */
class Ikev1AggressiveModeExchange : public Ikev1Phase1Exchange
{
  public:
    /// \param services what the exchange works with
    explicit Ikev1AggressiveModeExchange(Ikev1Services& services);

  private:
    void AddFirstPayloads(Ikev1Sa& sa, std::vector<Ikev1Payload>& payloads) override;
    Ikev1State GetFirstState() const override;
    bool IsEncryptedIn(Ikev1State state) const override;
    void Process(Ikev1Sa& sa, const Message& message) override;

    /// Responder: AM1 -> AM2. \param sa the SA \param message AM1
    void ReceiveAm1(Ikev1Sa& sa, const Message& message);
    /// Initiator: AM2 -> AM3, established. \param sa the SA \param message AM2
    void ReceiveAm2(Ikev1Sa& sa, const Message& message);
    /// Responder: AM3, established. \param sa the SA \param message AM3
    void ReceiveAm3(Ikev1Sa& sa, const Message& message);
};

} // namespace ns3

#endif // IKEV1_AGGRESSIVE_MODE_EXCHANGE_H
