/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV1_PHASE1_EXCHANGE_H
#define IKEV1_PHASE1_EXCHANGE_H

#include "ikev1-message.h"
#include "ikev1-sa.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class Ikev1Services;
class IpsecRetransmission;

/**
 * \ingroup cxtp-ipsec
 * \brief What main mode and aggressive mode share (RFC 2409 §5): the initiator's first
 * message, the responder's choice among the offered transforms, key derivation (SKEYID and its
 * descendants, §5 and App. B), HASH_I / HASH_R with a pre-shared key, and the end of phase 1.
 *
 * A subclass runs the messages of its mode on an Ikev1Sa; the daemon routes to it every
 * phase-1 message of an SA whose exchange type is that mode.
 */
class Ikev1Phase1Exchange
{
  public:
    /// \param services what the exchange works with
    explicit Ikev1Phase1Exchange(Ikev1Services& services);
    virtual ~Ikev1Phase1Exchange();

    /**
     * \brief Initiator: sends the first message of phase 1 for a new SA.
     * \param sa the SA (peer, local address and exchange type set)
     */
    void Start(Ikev1Sa& sa);
    /**
     * \brief Processes a phase-1 message of this mode.
     * \param sa its SA
     * \param header its header
     * \param bytes the whole message
     */
    void Receive(Ikev1Sa& sa, const Ikev1Header& header, const std::vector<uint8_t>& bytes);

  protected:
    /// The payloads of a received phase-1 message a step may need (nullptr when absent).
    struct Message
    {
        const Ikev1Header* header{nullptr};         ///< its header
        const std::vector<uint8_t>* bytes{nullptr}; ///< the whole message
        std::vector<uint8_t> iv;                    ///< the CBC state after it (encrypted ones)
        const Ikev1SaPayload* sa{nullptr};          ///< SA
        const Ikev1KePayload* ke{nullptr};          ///< KE
        const Ikev1NoncePayload* nonce{nullptr};    ///< nonce
        const Ikev1IdPayload* id{nullptr};          ///< ID
        const Ikev1HashPayload* hash{nullptr};      ///< HASH
    };

    /// Adds the mode's payloads after the SA payload of the initiator's first message.
    virtual void AddFirstPayloads(Ikev1Sa& sa, std::vector<Ikev1Payload>& payloads) = 0;
    /// \return the state after the initiator's first message
    virtual Ikev1State GetFirstState() const = 0;
    /// \param state the SA's state \return true if the message expected there is encrypted
    virtual bool IsEncryptedIn(Ikev1State state) const = 0;
    /**
     * \brief Runs the step the SA's state calls for.
     * \param sa the SA
     * \param message the message
     */
    virtual void Process(Ikev1Sa& sa, const Message& message) = 0;

    /**
     * \brief Responder, first message: takes the first acceptable transform, the cookie CKY-R
     * and the initiator's SA payload (SAi_b).
     * \param sa the SA
     * \param message the message
     * \param keLength in aggressive mode, the initiator's KE size; 0 in main mode
     * \param [out] reply our SA payload alone, to be completed by the mode
     * \return false if nothing was acceptable (the SA failed, the peer was told)
     */
    bool AcceptProposal(Ikev1Sa& sa,
                        const Message& message,
                        size_t keLength,
                        std::vector<Ikev1Payload>& reply);
    /**
     * \brief Initiator: checks the responder's choice and takes it.
     * \param sa the SA
     * \param answer the responder's SA payload
     * \return false if it is not one of our offers (the SA failed, the peer was told)
     */
    bool TakeAnswer(Ikev1Sa& sa, const Ikev1SaPayload& answer);
    /// Adds the DPD vendor ID if configured.
    void AddVendorId(std::vector<Ikev1Payload>& payloads) const;
    /**
     * \brief Computes g^xy with the peer's public value; fails the SA if it is invalid.
     * \param sa the SA (our private value and the peer's public value set)
     * \return false if the SA failed
     */
    bool ComputeShared(Ikev1Sa& sa);
    /// Derives SKEYID…SKEYID_e and the phase-1 key and IV once g^xy and the nonces are known.
    void DeriveKeys(Ikev1Sa& sa);
    /**
     * \brief HASH_I or HASH_R of RFC 2409 §5 for this SA, charging its PRF cost.
     * \param sa the ISAKMP SA (keys and exchanged values known)
     * \param initiator true for HASH_I, false for HASH_R
     * \param id the ID payload of the side the hash authenticates
     * \return the hash
     */
    std::vector<uint8_t> AuthHash(const Ikev1Sa& sa, bool initiator, const Ikev1IdPayload& id);
    /**
     * \brief Sends a phase-1 message of this SA.
     * \param sa the SA
     * \param payloads its payloads
     * \param iv the CBC state to encrypt with, or nullptr for a message in clear
     * \param awaitingReply retransmit until the peer answers
     */
    void SendMessage(Ikev1Sa& sa,
                     const std::vector<Ikev1Payload>& payloads,
                     std::vector<uint8_t>* iv,
                     bool awaitingReply);
    /// \return the retransmission state of the SA's phase 1
    IpsecRetransmission& GetFlight(const Ikev1Sa& sa);
    /**
     * \brief Traces a message the state does not expect, or that lacks payloads.
     * \param sa the SA
     * \param ok whether the message is as expected
     * \param what what is wrong otherwise
     * \return ok
     */
    bool Expect(const Ikev1Sa& sa, bool ok, const std::string& what);

    Ikev1Services& m_services; ///< what the exchange works with
};

} // namespace ns3

#endif // IKEV1_PHASE1_EXCHANGE_H
