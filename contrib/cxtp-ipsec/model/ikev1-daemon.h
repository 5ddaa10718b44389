/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV1_DAEMON_H
#define IKEV1_DAEMON_H

#include "ikev1-sa.h"
#include "ipsec-traffic-selector.h"

#include "ns3/application.h"
#include "ns3/traced-callback.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace ns3
{

class Socket;
class Packet;
class IpsecPfKey;
class IpsecPad;
class IpsecSpd;
class CryptoRandom;
class CryptoCostModel;
struct IpsecPolicy;

/**
 * \ingroup cxtp-ipsec
 * \brief An IKEv1 daemon after racoon (ipsec-tools): ISAKMP on UDP 500, main or aggressive
 * mode with pre-shared keys (RFC 2409 §5, §5.4), quick mode with optional PFS (§5.5), the
 * INITIAL-CONTACT notification (RFC 2407 §4.6.3.3) and retransmissions.
 *
 * Both roles run in the same application: it initiates when the node's PF_KEY raises an
 * ACQUIRE (a PROTECT rule without SA) or when Initiate() is called, and responds to any peer
 * that the PAD authorises. Negotiated ESP SAs are installed through IpsecPfKey.
 *
 * Messages are real ISAKMP bytes (Ikev1Codec); keys are really derived (Ikev1KeyDerivation,
 * CryptoDiffieHellman over OpenSSL). The time each step costs is not the host's: the daemon
 * charges simulated time for message processing and every cryptographic operation from the
 * node's CryptoCostModel profile, and sends the answer after that time.
 */
class Ikev1Daemon : public Application
{
  public:
    /// IKE's UDP port (RFC 2408 §2.5.1).
    static constexpr uint16_t PORT = 500;

    /// \return the TypeId
    static TypeId GetTypeId();
    Ikev1Daemon();
    ~Ikev1Daemon() override;

    /**
     * \brief Negotiates SAs for an outbound PROTECT rule: phase 1 with the rule's tunnel peer
     * if there is no ISAKMP SA yet, then quick mode.
     * \param outPolicyId the id of the node's outbound PROTECT rule
     */
    void Initiate(uint32_t outPolicyId);

    /**
     * \brief Tears down everything negotiated with a peer, telling it with DELETE
     * notifications (RFC 2408 §3.15): first the ESP SAs, then the ISAKMP SA.
     * \param peer the peer
     */
    void Delete(const Ipv6Address& peer);

    /**
     * \brief Forgets every ISAKMP SA with a peer, its ESP SAs and the peer's INITIAL-CONTACT
     * record, without telling the peer (no DELETE is sent).
     *
     * Models state lost on one side: the MN whose care-of address went away with its link, or a
     * gateway dropping a departed MN. The next negotiation with that peer is a first contact
     * again (RFC 2407 §4.6.3.3 INITIAL-CONTACT).
     * \param peer the peer
     */
    void Purge(const Ipv6Address& peer);

    /**
     * \param peer a peer address
     * \return the newest ISAKMP SA with the peer, or nullptr
     */
    const Ikev1Sa* FindSa(const Ipv6Address& peer) const;
    /// \return every ISAKMP SA the daemon holds, by initiator cookie
    const std::map<uint64_t, Ikev1Sa>& GetSas() const;

    // ---- Context transfer of an ISAKMP SA (CXTP, RFC 4067 with a local IKEV1_SA profile) ----

    /**
     * \brief Exports the newest established ISAKMP SA with a peer, as the struct that the
     * IKEV1_SA context block serialises (CxtpContextCodec::EncodeIkev1Sa).
     * \param peer the peer (a mobile node's care-of address at this gateway)
     * \param [out] sa a copy of the SA, assigned only if one is found
     * \return false if no established ISAKMP SA with that peer exists
     */
    bool ExportSa(const Ipv6Address& peer, Ikev1Sa& sa) const;
    /**
     * \param initiatorCookie a CKY-I
     * \return true if an ISAKMP SA of this daemon uses it (SAs are keyed by CKY-I)
     */
    bool IsCookieInUse(uint64_t initiatorCookie) const;
    /**
     * \brief Takes over an ISAKMP SA established by another gateway (the receiving end of a
     * context transfer): later quick modes, informational exchanges (DELETE, notifications) and
     * UPDATE_SPI run between the peer and this node with the transferred keys and phase-1 IV.
     *
     * If CKY-I is already in use here, the SA gets fresh cookies and \p updates receives an
     * ISAKMP entry (old pair, new pair) that SendSpiUpdates() must announce to the peer (under
     * the old cookies, which are the only ones it knows).
     * \param sa the SA (established; its quick modes as they must be here: policy ids and
     *        inbound SPIs of this node)
     * \param local this node's address towards the peer
     * \param peer the peer's address now (a mobile node's new care-of address)
     * \param [out] updates an ISAKMP entry is appended if the cookies changed
     * \return an empty string on success, otherwise why the SA was refused
     */
    std::string ImportSa(Ikev1Sa sa,
                         const Ipv6Address& local,
                         const Ipv6Address& peer,
                         std::vector<Ikev1SpiUpdate>& updates);
    /**
     * \brief The peer's ISAKMP SAs moved to another address (a mobile node whose tunnel moved
     * from the previous gateway to the new one after a context transfer): rewrites their peer
     * and local addresses and the SPD ids of their quick modes. Nothing is sent.
     * \param oldPeer the previous gateway
     * \param newPeer the new gateway
     * \param newLocal our address towards the new gateway (the new care-of address)
     * \param policyIds old SPD rule id -> the id of the rule that replaced it
     * \return the number of ISAKMP SAs moved
     */
    uint32_t MovePeer(const Ipv6Address& oldPeer,
                      const Ipv6Address& newPeer,
                      const Ipv6Address& newLocal,
                      const std::map<uint32_t, uint32_t>& policyIds);
    /**
     * \brief Forgets one ISAKMP SA silently (no DELETE, no PF_KEY change): a gateway whose
     * copy moved to another gateway by context transfer.
     * \param initiatorCookie the SA's CKY-I
     * \return true if the SA existed
     */
    bool Forget(uint64_t initiatorCookie);
    /**
     * \brief Announces changed SPIs to the peer of an ISAKMP SA: an informational exchange
     * HDR*, HASH(1), N(UPDATE_SPI) protected by the SA (RFC 2409 §5.7), retransmitted every
     * RetryInterval (at most RetryCount times) until the peer's UPDATE_SPI_ACK; then
     * UpdateSpiDone fires. See Ikev1SpiUpdate for the entries and doc/cxtp-ipsec.rst for the
     * exchange.
     * \param initiatorCookie the SA's CKY-I (the new one if ImportSa() changed the cookies)
     * \param updates the entries: ESP (our inbound SPIs, old -> new) and at most one ISAKMP
     */
    void SendSpiUpdates(uint64_t initiatorCookie, const std::vector<Ikev1SpiUpdate>& updates);

    /**
     * \brief Signature of the Message trace: one ISAKMP message sent or received.
     * \param sent true if sent
     * \param peer the peer
     * \param exchange the exchange type
     * \param size the ISAKMP message size (UDP payload)
     */
    typedef void (*MessageTracedCallback)(bool sent,
                                          const Ipv6Address& peer,
                                          Ikev1ExchangeType exchange,
                                          uint32_t size);
    /**
     * \brief Signature of the StateTransition trace.
     * \param peer the peer
     * \param messageId 0 for phase 1, the quick mode's M-ID otherwise
     * \param from old state
     * \param to new state
     */
    typedef void (*StateTracedCallback)(const Ipv6Address& peer,
                                        uint32_t messageId,
                                        Ikev1State from,
                                        Ikev1State to);
    /**
     * \brief Signature of the Phase1Established trace.
     * \param peer the peer
     * \param duration from the first phase-1 message to the ISAKMP SA's establishment
     */
    typedef void (*Phase1TracedCallback)(const Ipv6Address& peer, Time duration);
    /**
     * \brief Signature of the Failure trace.
     * \param peer the peer
     * \param reason what went wrong
     */
    typedef void (*FailureTracedCallback)(const Ipv6Address& peer, const std::string& reason);
    /**
     * \brief Signature of the Phase2Installed trace: both SAs of a pair are installed.
     * \param peer the peer
     * \param inboundSpi our SPI
     * \param outboundSpi the peer's SPI
     */
    typedef void (*InstalledTracedCallback)(const Ipv6Address& peer,
                                            uint32_t inboundSpi,
                                            uint32_t outboundSpi);
    /**
     * \brief Signature of the UpdateSpiApplied trace (receiver of an UPDATE_SPI) and of the
     * UpdateSpiDone trace (its sender).
     * \param peer the peer
     * \param entries the number of SPI entries
     * \param success UpdateSpiDone: true when acknowledged, false after the last
     *        retransmission; UpdateSpiApplied: true when every change was installed
     */
    typedef void (*SpiUpdateTracedCallback)(const Ipv6Address& peer,
                                            uint32_t entries,
                                            bool success);

  private:
    /// One racoon proposal{} block: a phase-1 transform offered or accepted (RFC 2409 App. A).
    struct Phase1Choice
    {
        IpsecEncryption encryption; ///< cipher
        CryptoHash hash;            ///< hash, also the PRF (its HMAC)
        uint16_t group;             ///< DH group
    };

    /// One ESP transform of racoon's sainfo (RFC 2407 §4.4.4, §4.5).
    struct EspChoice
    {
        IpsecEncryption encryption; ///< ESP cipher
        IpsecIntegrity integrity;   ///< ESP integrity (NONE with a combined mode)
    };

    /// Attribute accessors (names checked, with a clear abort message).
    void SetMode(std::string mode);
    std::string GetMode() const;
    void SetEncryption(std::string name);
    std::string GetEncryption() const;
    void SetHash(std::string name);
    std::string GetHash() const;
    void SetPhase1Proposals(std::string list);
    std::string GetPhase1Proposals() const;
    void SetEspTransforms(std::string list);
    std::string GetEspTransforms() const;

    void StartApplication() override;
    void StopApplication() override;
    void DoDispose() override;

    /// Retransmission and duplicate-detection state of one exchange.
    struct Flight
    {
        std::vector<uint8_t> lastOut; ///< last message sent
        std::vector<uint8_t> lastIn;  ///< last message received (duplicate detection)
        bool awaitingReply{false};    ///< lastOut is a request that expects an answer
        uint32_t retries{0};          ///< retransmissions so far
        EventId timer;                ///< retransmission timer
    };

    void HandleAcquire(const IpsecPolicy& policy, const IpsecPacketFields& fields);
    void HandleRead(Ptr<Socket> socket);
    /// Dispatches a received message sent by from to our address to.
    void Receive(const std::vector<uint8_t>& bytes, const Ipv6Address& from, const Ipv6Address& to);

    // Phase 1
    Ikev1Sa& CreateSa(const Ipv6Address& peer, Ikev1Role role, uint64_t initiatorCookie);
    void StartPhase1(Ikev1Sa& sa);
    /// The one place where a phase-1 state changes: logs and fires StateTransition.
    void SwitchState(Ikev1Sa& sa, Ikev1State state);
    /// The one place where a quick mode's state changes: logs and fires StateTransition.
    void SwitchState(Ikev1Sa& sa, Ikev1QuickMode& qm, Ikev1State state);
    void ReceivePhase1(Ikev1Sa& sa, const Ikev1Header& header, const std::vector<uint8_t>& bytes);
    void Phase1Established(Ikev1Sa& sa);
    void Fail(Ikev1Sa& sa, const std::string& reason, bool notifyPeer);

    // Quick mode and informational exchanges
    void StartQuickMode(Ikev1Sa& sa, uint32_t outPolicyId);
    void ReceiveQuickMode(Ikev1Sa& sa,
                          const Ikev1Header& header,
                          const std::vector<uint8_t>& bytes);
    void ReceiveInformational(Ikev1Sa& sa,
                              const Ikev1Header& header,
                              const std::vector<uint8_t>& bytes);
    /// Sends HDR*, HASH(1), payloads as a new informational exchange (RFC 2409 §5.7).
    void SendInformational(Ikev1Sa& sa, const std::vector<Ikev1Payload>& payloads);
    void SendInitialContact(Ikev1Sa& sa);
    /// Forgets an ISAKMP SA and its retransmission state.
    void RemoveSa(uint64_t cookie);
    void InstallSaPair(Ikev1Sa& sa, Ikev1QuickMode& qm);

    // Context transfer: UPDATE_SPI (the informational exchanges that follow an SPI collision)

    /// An UPDATE_SPI waiting for its UPDATE_SPI_ACK.
    struct SpiUpdateFlight
    {
        std::vector<Ikev1SpiUpdate> entries; ///< what was announced
        std::vector<uint8_t> message;        ///< the sealed informational, for retransmission
        uint32_t retries{0};                 ///< retransmissions so far
        EventId timer;                       ///< retransmission timer
    };

    /// Picks a fresh informational M-ID for the SA and records it as in use.
    uint32_t NewInformationalId(Ikev1Sa& sa);
    /// Seals HDR*, HASH(1), payloads (RFC 2409 §5.7) under the given header.
    std::vector<uint8_t> SealInformational(Ikev1Sa& sa,
                                           const Ikev1Header& header,
                                           const std::vector<Ikev1Payload>& payloads);
    /// Retransmits an UPDATE_SPI, or gives up. \param cookie the SA's CKY-I
    void RetransmitSpiUpdates(uint64_t cookie);
    /**
     * \brief Receiver of N(UPDATE_SPI): replaces the outbound ESP SAs (new SPI, same keys,
     * counter and lifetime), then answers N(UPDATE_SPI_ACK); an ISAKMP entry re-keys the SA.
     * \param cookie the SA's CKY-I
     * \param notify the notification
     */
    void ApplySpiUpdates(uint64_t cookie, const Ikev1NotifyPayload& notify);
    /// Sender of N(UPDATE_SPI): the peer's N(UPDATE_SPI_ACK). \param sa the SA \param notify it
    void AcknowledgeSpiUpdates(Ikev1Sa& sa, const Ikev1NotifyPayload& notify);

    // Building blocks: proposals and their selection (RFC 2408 §4.2)
    /// \return the phase-1 transforms offered and accepted, in preference order
    std::vector<Phase1Choice> GetPhase1Choices() const;
    /// \return the phase-1 transform of a choice, in racoon's attribute order
    Ikev1Transform MakePhase1Transform(const Phase1Choice& choice, uint8_t number) const;
    /// Reads a KEY_IKE transform with PSK authentication; false if we do not support it.
    bool ReadPhase1Transform(const Ikev1Transform& transform, Phase1Choice& choice) const;
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
    std::string SelectPhase1Proposal(const Ikev1SaPayload& offered,
                                     size_t keLength,
                                     Ikev1SaPayload& reply,
                                     Phase1Choice& chosen) const;
    /// Initiator: the answer holds one transform, one of those we offered.
    std::string CheckPhase1Answer(const Ikev1SaPayload& answer, Phase1Choice& chosen) const;
    /// \return the ESP transforms to offer for a rule: EspTransforms, or the rule's pair
    std::vector<EspChoice> GetEspChoices(const IpsecPolicy* policy) const;
    /// \return an ESP transform, in racoon's attribute order
    Ikev1Transform MakeEspTransform(const EspChoice& choice,
                                    uint16_t pfsGroup,
                                    Time lifetime,
                                    uint8_t number) const;
    /// Reads an ESP transform; false if we do not support it.
    bool ReadEspTransform(const Ikev1Transform& transform,
                          EspChoice& choice,
                          uint16_t& pfsGroup,
                          uint64_t& lifetime) const;
    /// \return our phase-2 SA payload: one ESP proposal with our SPI, one transform per offer
    Ikev1SaPayload MakePhase2Proposal(const Ikev1QuickMode& qm,
                                      const std::vector<EspChoice>& offers) const;
    /**
     * \brief Responder: picks the first acceptable ESP transform in the initiator's order and
     * fills qm with it.
     * \param offered the initiator's SA payload
     * \param qm the quick mode
     * \param [out] reply our SA payload (our SPI, the chosen transform only)
     * \return empty, or why nothing is acceptable (NO-PROPOSAL-CHOSEN)
     */
    std::string SelectPhase2Proposal(const Ikev1SaPayload& offered,
                                     Ikev1QuickMode& qm,
                                     Ikev1SaPayload& reply) const;
    /// Initiator: the answer holds one of the transforms we offered; fills qm with it.
    std::string CheckPhase2Answer(const Ikev1SaPayload& answer, Ikev1QuickMode& qm) const;
    /// Tells the peer that no transform of its quick mode was acceptable (RFC 2408 §3.14.1).
    void SendNoProposalChosen(Ikev1Sa& sa, const Ikev1SaPayload& offered);
    /// Fails our quick modes that a protected NO-PROPOSAL-CHOSEN from the peer names.
    void HandleNoProposalChosen(Ikev1Sa& sa, const Ikev1NotifyPayload& notify);
    Ikev1IdPayload MakeAddressId(const Ipv6Address& address) const;
    Ikev1IdPayload MakeSelectorId(const Ipv6Address& address, const Ipv6Prefix& prefix) const;
    std::vector<uint8_t> GetPreSharedKey(const Ipv6Address& peer) const;
    bool FindPolicies(const Ipv6Address& local,
                      const Ipv6Address& peer,
                      uint32_t& outPolicyId,
                      uint32_t& inPolicyId) const;
    /**
     * \brief HASH_I or HASH_R of RFC 2409 §5 for this SA, whichever side computes it, charging
     * its PRF cost.
     * \param sa the ISAKMP SA (keys and exchanged values known)
     * \param initiator true for HASH_I, false for HASH_R
     * \param id the ID payload of the side the hash authenticates
     * \return the hash
     */
    std::vector<uint8_t> AuthHash(const Ikev1Sa& sa, bool initiator, const Ikev1IdPayload& id);
    /// Derives SKEYID…SKEYID_e and the phase-1 key and IV once g^xy and the nonces are known.
    void DerivePhase1Keys(Ikev1Sa& sa);
    /// Header of a message of this SA.
    Ikev1Header MakeHeader(const Ikev1Sa& sa, Ikev1ExchangeType exchange, uint32_t messageId) const;
    /// Encodes and (if iv is given) encrypts with racoon's padding; iv advances to the last block.
    std::vector<uint8_t> Seal(const Ikev1Sa& sa,
                              Ikev1Header header,
                              const std::vector<Ikev1Payload>& payloads,
                              std::vector<uint8_t>* iv);
    /// Decrypts (if the E flag is set) and decodes the payloads; false on any error.
    bool Open(const Ikev1Sa& sa,
              const Ikev1Header& header,
              const std::vector<uint8_t>& bytes,
              std::vector<uint8_t>* iv,
              std::vector<Ikev1Payload>& payloads,
              std::vector<uint8_t>& plain);
    /// Sends after the cost charged so far, keeping the message for retransmission.
    void Send(Flight& flight,
              const Ipv6Address& peer,
              const std::vector<uint8_t>& bytes,
              bool awaitingReply);
    void Retransmit(uint64_t cookie, uint32_t messageId);
    void Transmit(const Ipv6Address& peer, std::vector<uint8_t> bytes);
    Flight& GetFlight(const Ikev1Sa& sa, uint32_t messageId);
    /**
     * \brief Books the daemon for some work after what it is already doing.
     * \param work the processing time
     * \return the delay from now until that work is done
     */
    Time Reserve(Time work);
    /// Draws a DH private value and computes the public one, charging the key generation.
    void GenerateDhKey(uint16_t group,
                       std::vector<uint8_t>& privateValue,
                       std::vector<uint8_t>& publicValue);
    /// Computes g^xy, charging it; false if the peer's value is invalid.
    bool ComputeDhShared(uint16_t group,
                         const std::vector<uint8_t>& privateValue,
                         const std::vector<uint8_t>& peerPublic,
                         std::vector<uint8_t>& shared);
    /// Adds simulated processing time to the current step.
    void Charge(Time cost);
    /// Charges a PRF call on bytes with the ISAKMP SA's negotiated hash.
    void ChargePrf(const Ikev1Sa& sa, uint32_t bytes);
    /// Charges a phase-1 cipher call on bytes with the SA's negotiated cipher.
    void ChargeCipher(IpsecEncryption cipher, uint32_t bytes);

    // Attributes
    Ikev1ExchangeType m_exchange;                ///< main or aggressive mode when initiating
    IpsecEncryption m_encryption;                ///< phase-1 cipher
    CryptoHash m_hash;                           ///< phase-1 hash
    uint16_t m_dhGroup;                          ///< phase-1 group
    bool m_pfs;                                  ///< PFS in quick mode
    uint16_t m_pfsGroup;                         ///< PFS group, 0 = the phase-1 group
    std::vector<Phase1Choice> m_phase1Proposals; ///< proposal{} blocks; empty: the single one
    std::vector<EspChoice> m_espTransforms;      ///< sainfo transforms; empty: the rule's pair
    uint32_t m_nonceLength;                      ///< nonce bytes
    Time m_phase1Lifetime;                       ///< proposed phase-1 lifetime
    Time m_phase2Lifetime;                       ///< proposed phase-2 lifetime
    bool m_initialContact;                       ///< send INITIAL-CONTACT to new peers
    bool m_dpdVendorId;                          ///< send the DPD vendor ID in MM1/MM2, AM1/AM2
    bool m_quickModeIds;                         ///< send IDci/IDcr in quick mode
    bool m_passive;                              ///< never initiate on ACQUIRE
    Time m_retryInterval;                        ///< retransmission interval
    uint32_t m_retryCount;                       ///< retransmissions before giving up

    Ptr<Socket> m_socket;              ///< UDP 500
    Ptr<IpsecPfKey> m_pfKey;           ///< key-management interface
    Ptr<IpsecSpd> m_spd;               ///< to find the rules of a peer
    Ptr<IpsecPad> m_pad;               ///< pre-shared keys
    Ptr<CryptoRandom> m_rng;           ///< cookies, nonces, private values
    Ptr<CryptoCostModel> m_cost;       ///< simulated crypto and processing time
    Time m_pendingCost;                ///< cost charged by the step being processed
    Time m_busyUntil;                  ///< when the daemon finishes the work booked so far
    std::map<uint64_t, Ikev1Sa> m_sas; ///< by initiator cookie
    std::map<std::pair<uint64_t, uint32_t>, Flight> m_flights;      ///< by (cookie, M-ID)
    std::map<Ipv6Address, std::vector<uint32_t>> m_pendingPolicies; ///< phase 2 to start
    std::set<Ipv6Address> m_contacted;                ///< peers already sent INITIAL-CONTACT
    std::map<uint64_t, SpiUpdateFlight> m_spiUpdates; ///< UPDATE_SPI awaiting an ack, by CKY-I
    std::map<uint64_t, uint64_t> m_cookieAliases;     ///< old CKY-I -> new, after UPDATE_SPI

    TracedCallback<bool, const Ipv6Address&, Ikev1ExchangeType, uint32_t> m_messageTrace;
    TracedCallback<const Ipv6Address&, uint32_t, Ikev1State, Ikev1State> m_stateTrace;
    TracedCallback<const Ipv6Address&, const std::string&> m_failureTrace;
    TracedCallback<const Ipv6Address&, Time> m_phase1Trace;
    TracedCallback<const Ipv6Address&, uint32_t, uint32_t> m_installedTrace;
    TracedCallback<const Ipv6Address&, uint32_t, bool> m_updateSpiAppliedTrace;
    TracedCallback<const Ipv6Address&, uint32_t, bool> m_updateSpiDoneTrace;
};

} // namespace ns3

#endif // IKEV1_DAEMON_H
