/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV1_MAIN_MODE_EXCHANGE_H
#define IKEV1_MAIN_MODE_EXCHANGE_H

#include "ikev1-phase1-exchange.h"

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Main mode with pre-shared keys (RFC 2409 §5, §5.4), both roles: six messages, SA, then
 * KE and nonces, then the identities and HASH_I / HASH_R encrypted.
 *
 * \verbatim
   MM1  HDR, SA                  ->
   MM2                           <-  HDR, SA
   MM3  HDR, KE, Ni              ->
   MM4                           <-  HDR, KE, Nr
   MM5  HDR*, IDii, HASH_I       ->
   MM6                           <-  HDR*, IDir, HASH_R
 \endverbatim
 */
class Ikev1MainModeExchange : public Ikev1Phase1Exchange
{
  public:
    /// \param services what the exchange works with
    explicit Ikev1MainModeExchange(Ikev1Services& services);

  private:
    void AddFirstPayloads(Ikev1Sa& sa, std::vector<Ikev1Payload>& payloads) override;
    Ikev1State GetFirstState() const override;
    bool IsEncryptedIn(Ikev1State state) const override;
    void Process(Ikev1Sa& sa, const Message& message) override;

    /// Responder: MM1 -> MM2. \param sa the SA \param message MM1
    void ReceiveMm1(Ikev1Sa& sa, const Message& message);
    /// Initiator: MM2 -> MM3. \param sa the SA \param message MM2
    void ReceiveMm2(Ikev1Sa& sa, const Message& message);
    /// Responder: MM3 -> MM4. \param sa the SA \param message MM3
    void ReceiveMm3(Ikev1Sa& sa, const Message& message);
    /// Initiator: MM4 -> MM5. \param sa the SA \param message MM4
    void ReceiveMm4(Ikev1Sa& sa, const Message& message);
    /// Responder: MM5 -> MM6, established. \param sa the SA \param message MM5
    void ReceiveMm5(Ikev1Sa& sa, const Message& message);
    /// Initiator: MM6, established. \param sa the SA \param message MM6
    void ReceiveMm6(Ikev1Sa& sa, const Message& message);
};

} // namespace ns3

#endif // IKEV1_MAIN_MODE_EXCHANGE_H
