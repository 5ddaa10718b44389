/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_DAEMON_H
#define IKEV2_DAEMON_H

#include "ike-transport.h"
#include "ikev2-child-installer.h"
#include "ikev2-create-child-sa-task.h"
#include "ikev2-ike-sa-task.h"
#include "ikev2-informational-task.h"
#include "ikev2-messenger.h"
#include "ikev2-sa-table.h"
#include "ikev2-services.h"

#include "ns3/application.h"
#include "ns3/traced-callback.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{

class CryptoCostModel;
class IpsecWorkClock;
struct IpsecPacketFields;

/**
 * \ingroup cxtp-ipsec
 * \brief An IKEv2 daemon after strongSwan's charon (RFC 7296): IKE_SA_INIT with KE group
 * negotiation and COOKIEs, IKE_AUTH with the first CHILD_SA, INFORMATIONAL exchanges (DELETE,
 * liveness), retransmissions, and the CHILD_SAs installed through PF_KEY.
 *
 * Both roles run in the same application: it initiates when the node's PF_KEY raises an
 * ACQUIRE for a peer whose PAD entry says IKEv2 (IkeTransport routes it here) or when
 * Initiate() is called, and responds to any peer that the PAD authorises for IKEv2.
 *
 * The daemon is a dispatcher, like charon's task manager: it holds the attributes, the IKE SAs
 * (Ikev2SaTable) and the outstanding request of each SA, and routes each message to the task of
 * its exchange, as charon's tasks: Ikev2IkeSaTask (IKE_SA_INIT, IKE_AUTH),
 * Ikev2InformationalTask (DELETE, liveness) and Ikev2CreateChildSaTask (further CHILD_SAs,
 * CHILD_SA and IKE SA rekeys), which drive the exchange classes and reach the daemon through
 * Ikev2Services. Its Ikev2Messenger protects and opens SK payloads (Ikev2Protection) at the
 * edge.
 *
 * Message IDs and window (RFC 7296 §2.1-2.3, kept by Ikev2Messenger): one request of ours
 * outstanding per IKE SA (later requests wait in order); the initiator of an exchange retransmits
 * with charon's back-off (RetransmitTimeout x RetransmitBase^n, RetransmitTries times); the
 * responder answers a retransmitted request from its cache and never processes it twice.
 *
 * Costs: every cryptographic operation a step performs is recorded by a CryptoWorkMeter and
 * priced by the node's CryptoCostModel; a message leaves once that work plus the per-message
 * processing of the profile (daemon.ikev2_message_processing) is done on the node's
 * IpsecWorkClock. The work is the model's, not the host's.
 */
class Ikev2Daemon : public Application, private Ikev2Services
{
  public:
    /// IKE's UDP port (RFC 7296 §2), where the node's IkeTransport listens.
    static constexpr uint16_t PORT = IkeTransport::PORT;

    /// \return the TypeId
    static TypeId GetTypeId();
    Ikev2Daemon();
    ~Ikev2Daemon() override;

    /**
     * \brief Negotiates a CHILD_SA for an outbound PROTECT rule: IKE_SA_INIT and IKE_AUTH with
     * the rule's tunnel peer if there is no IKE SA with it yet.
     * \param outPolicyId the id of the node's outbound PROTECT rule
     */
    void Initiate(uint32_t outPolicyId);
    /**
     * \brief Deletes every IKE SA with a peer by an INFORMATIONAL exchange (RFC 7296 §1.4.1):
     * the SA and its CHILD_SAs go when the peer answers (or when it does not, after the
     * retransmissions).
     * \param peer the peer
     */
    void Delete(const Ipv6Address& peer);
    /**
     * \brief Deletes the CHILD_SAs with a peer by an INFORMATIONAL exchange (§1.4.1), keeping
     * the IKE SA.
     * \param peer the peer
     */
    void DeleteChildren(const Ipv6Address& peer);
    /**
     * \brief Sends a liveness check (an empty INFORMATIONAL request, §2.4) on the newest
     * established IKE SA with a peer; an unanswered check deletes the SA.
     * \param peer the peer
     */
    void CheckLiveness(const Ipv6Address& peer);
    /**
     * \brief Rekeys every CHILD_SA with a peer by CREATE_CHILD_SA (RFC 7296 §1.3.3, §2.8), with
     * PFS when the ESP proposals carry a group: the new ESP SAs are installed before the old
     * CHILD_SA is deleted, so traffic flows on throughout.
     * \param peer the peer
     */
    void RekeyChildren(const Ipv6Address& peer);
    /**
     * \brief Rekeys the newest established IKE SA with a peer by CREATE_CHILD_SA (§1.3.2): the
     * CHILD_SAs move to the new IKE SA and the old one is deleted.
     * \param peer the peer
     */
    void RekeyIkeSa(const Ipv6Address& peer);
    /**
     * \brief Forgets every IKE SA with a peer and its CHILD_SAs without telling the peer: state
     * lost on one side (a mobile node whose care-of address went away with its link).
     * \param peer the peer
     */
    void Purge(const Ipv6Address& peer);

    /// \param peer a peer \return the newest established IKE SA with it, or nullptr
    const Ikev2Sa* FindSa(const Ipv6Address& peer) const;
    /// \return every IKE SA, by our SPI
    const std::map<uint64_t, Ikev2Sa>& GetSas() const;
    /**
     * \return how many received messages were discarded or requests refused, by reason (a
     *         malformed header, an ICV that does not verify, a request with the wrong KE group,
     *         a COOKIE demanded, ...)
     */
    const std::map<std::string, uint64_t>& GetDiscards() const;

    /**
     * \brief Signature of the Message trace: one IKEv2 message sent or received.
     * \param sent true if sent
     * \param peer the peer
     * \param exchange the exchange type
     * \param response true for a response (R flag)
     * \param size the IKE message size (UDP payload)
     */
    typedef void (*MessageTracedCallback)(bool sent,
                                          const Ipv6Address& peer,
                                          Ikev2ExchangeType exchange,
                                          bool response,
                                          uint32_t size);
    /**
     * \brief Signature of the StateTransition trace.
     * \param peer the peer
     * \param spi our IKE SA SPI
     * \param from old state
     * \param to new state
     */
    typedef void (*StateTracedCallback)(const Ipv6Address& peer,
                                        uint64_t spi,
                                        Ikev2State from,
                                        Ikev2State to);
    /**
     * \brief Signature of the IkeSaKeys trace: an IKE SA has its SK_* keys (RFC 7296 §2.14).
     * \param sa the IKE SA (SPIs, algorithms and keys)
     */
    typedef void (*KeysTracedCallback)(const Ikev2Sa& sa);
    /**
     * \brief Signature of the Established trace.
     * \param peer the peer
     * \param duration from the first IKE_SA_INIT message to the IKE SA's authentication
     */
    typedef void (*EstablishedTracedCallback)(const Ipv6Address& peer, Time duration);
    /**
     * \brief Signature of the Failure and Discard traces.
     * \param peer the peer
     * \param reason what went wrong
     */
    typedef void (*FailureTracedCallback)(const Ipv6Address& peer, const std::string& reason);
    /**
     * \brief Signature of the Installed trace: both ESP SAs of a CHILD_SA are installed.
     * \param peer the peer
     * \param inboundSpi our SPI
     * \param outboundSpi the peer's SPI
     */
    typedef void (*InstalledTracedCallback)(const Ipv6Address& peer,
                                            uint32_t inboundSpi,
                                            uint32_t outboundSpi);
    /**
     * \brief Signature of the EapSuccess trace: the EAP conversation of an IKE SA succeeded
     * (RFC 7296 §2.16), on either side.
     * \param peer the peer
     * \param spi our IKE SA SPI
     * \param msk the MSK that keys both final AUTHs; empty for a method without one (EAP-MD5),
     *        whose final AUTHs are keyed by SK_pi and SK_pr
     */
    typedef void (*EapSuccessTracedCallback)(const Ipv6Address& peer,
                                             uint64_t spi,
                                             const std::vector<uint8_t>& msk);

  private:
    /// The daemon's own state of one IKE SA, besides the SA's and its tasks'.
    struct Exchanges
    {
        Request outstanding{Request::NONE}; ///< our request waiting for its answer
        EventId quietTimer;                 ///< forgets a finished or half-open SA (KeepUntilQuiet)
    };

    void SetIkeProposals(std::string list);
    std::string GetIkeProposals() const;
    void SetEspProposals(std::string list);
    std::string GetEspProposals() const;
    /// \return tid with the behaviour and timer attributes
    static TypeId AddBehaviourAttributes(TypeId tid);
    /// \return tid with the trace sources
    static TypeId AddTraceSources(TypeId tid);

    void StartApplication() override;
    void StopApplication() override;
    void DoDispose() override;

    /// \return the retransmission policy of charon's settings
    IpsecRetransmissionPolicy GetRetransmissionPolicy() const;
    void HandleAcquire(const IpsecPolicy& policy, const IpsecPacketFields& fields);
    /// Fires the Installed trace (the child installer's callback).
    void TraceInstalled(const Ipv6Address& peer, uint32_t inboundSpi, uint32_t outboundSpi);
    /// Fires the Message trace (the messenger's callback).
    void TraceMessage(bool sent,
                      const Ipv6Address& peer,
                      Ikev2ExchangeType exchange,
                      bool response,
                      uint32_t size);

    // ---- Dispatch
    /// Dispatches a received message sent by \p from to our address \p to.
    void Receive(const std::vector<uint8_t>& bytes, const Ipv6Address& from, const Ipv6Address& to);
    /// A request on an IKE SA with keys: answered by its task, or discarded and counted.
    void ReceiveProtectedRequest(Ikev2Sa& sa, const std::vector<uint8_t>& bytes);
    /// A response to our request on an IKE SA with keys, for the task that sent the request.
    void ReceiveProtectedResponse(Ikev2Sa& sa, const std::vector<uint8_t>& bytes);
    /**
     * \brief Opens a protected message with the peer's keys.
     * \param sa the SA
     * \param bytes the message
     * \param [out] message the message, its SK payload open
     * \return the decode result (discarded and counted unless OK or an unsupported critical
     *         payload)
     */
    Ikev2DecodeResult Open(const Ikev2Sa& sa,
                           const std::vector<uint8_t>& bytes,
                           Ikev2Message& message);
    /// Responder: forgets an SA still half-open, failed or deleted (charon's
    /// half_open_timeout). \param spi our SPI
    void ExpireHalfOpen(uint64_t spi);
    /// Removes IKE SAs and their CHILD_SAs, here and from the SAD. \param spis our SPIs of them
    void RemoveAll(const std::vector<uint64_t>& spis);

    // ---- Ikev2Services
    Ikev2Config GetConfig() const override;
    Ikev2Proposals GetProposals(const IpsecPolicy* rule) const override;
    Ikev2Credentials GetCredentials(const Ipv6Address& peer) const override;
    Ptr<CryptoRandom> GetRandom() const override;
    Ptr<IpsecSpd> GetSpd() const override;
    Ptr<IpsecPad> GetPad() const override;
    Ptr<IpsecPfKey> GetPfKey() const override;
    Ikev2SaTable& GetTable() override;
    Ikev2Messenger& GetMessenger() override;
    Ptr<Ikev2EapBackend> GetEapBackend() const override;
    void SendRequest(Ikev2Sa& sa, Request kind, const std::vector<uint8_t>& bytes) override;
    void RequestDone(uint64_t spi) override;
    void BookWork() override;
    void NoteState(Ikev2Sa& sa, Ikev2State before) override;
    void NoteKeys(const Ikev2Sa& sa) override;
    void NoteEstablished(Ikev2Sa& sa) override;
    void NoteEapSuccess(const Ikev2Sa& sa, const std::vector<uint8_t>& msk) override;
    void Fail(Ikev2Sa& sa, const std::string& reason) override;
    void TraceFailure(const Ipv6Address& peer, const std::string& reason) override;
    void Discard(const Ipv6Address& peer, const std::string& reason) override;
    void InstallChild(Ikev2Sa& sa,
                      Ikev2ChildSa& child,
                      const Ikev2ChildKeys& keys,
                      bool exchangeInitiator,
                      bool outbound,
                      std::function<void()> installed) override;
    void InstallOutbound(const Ikev2Sa& sa, uint32_t inboundSpi) override;
    void UninstallChildren(const Ikev2Sa& sa, const std::vector<Ikev2ChildSa>& children) override;
    void KeepUntilQuiet(uint64_t spi) override;
    void RemoveSa(uint64_t spi) override;

    // Attributes
    std::vector<Ikev2IkeChoice> m_ikeChoices; ///< IKE proposals (charon's ike=)
    std::vector<Ikev2EspChoice> m_espChoices; ///< ESP proposals (esp=); empty: the rule's pair
    uint32_t m_nonceSize;                     ///< nonce octets (charon: 32)
    bool m_initialContact;                    ///< INITIAL_CONTACT to new peers
    bool m_eapOnly;                           ///< EAP-only authentication (RFC 5998)
    bool m_passive;                           ///< never initiate on ACQUIRE
    Time m_retransmitTimeout;                 ///< charon's retransmit_timeout
    double m_retransmitBase;                  ///< charon's retransmit_base
    uint32_t m_retransmitTries;               ///< charon's retransmit_tries
    uint32_t m_cookieThreshold;               ///< half-open SAs from which COOKIEs are demanded
    uint32_t m_halfOpenLimit;                 ///< half-open SAs beyond which requests are dropped
    uint32_t m_ikeSaLimit;                    ///< IKE SAs beyond which requests are dropped
    Time m_halfOpenTimeout;                   ///< a half-open SA is forgotten after this
    Time m_ikeLifetime;                       ///< IKE SA lifetime
    Time m_childLifetime;                     ///< CHILD_SA lifetime

    Ptr<CryptoRandom> m_rng;                   ///< SPIs, nonces, DH values, IVs
    Ptr<IpsecPfKey> m_pfKey;                   ///< the node's key-management interface
    Ptr<IpsecSpd> m_spd;                       ///< the node's rules
    Ptr<IpsecPad> m_pad;                       ///< who may run IKEv2 with us, and the keys
    Ptr<CryptoCostModel> m_cost;               ///< the node's profile
    Ptr<IpsecWorkClock> m_clock;               ///< the node's processor
    Ptr<IkeTransport> m_transport;             ///< the node's UDP 500 endpoint
    Ptr<Ikev2EapBackend> m_eapBackend;         ///< the responder's EAP server, if any
    Ikev2Messenger m_messenger;                ///< encoding, costs, window
    Ikev2SaTable m_table;                      ///< the IKE SAs
    Ikev2IkeSaTask m_ikeSaTask;                ///< IKE_SA_INIT and IKE_AUTH
    Ikev2InformationalTask m_informational;    ///< INFORMATIONAL
    Ikev2CreateChildSaTask m_createChildSa;    ///< CREATE_CHILD_SA
    std::map<uint64_t, Exchanges> m_exchanges; ///< by our SPI
    std::map<Ipv6Address, std::vector<uint32_t>> m_waiting; ///< rules waiting for an IKE SA
    Ikev2ChildInstaller m_children;                         ///< CHILD_SAs to and from PF_KEY
    std::map<std::string, uint64_t> m_discards;             ///< discards by reason

    TracedCallback<bool, const Ipv6Address&, Ikev2ExchangeType, bool, uint32_t> m_messageTrace;
    TracedCallback<const Ipv6Address&, uint64_t, Ikev2State, Ikev2State> m_stateTrace;
    TracedCallback<const Ipv6Address&, const std::string&> m_failureTrace;
    TracedCallback<const Ipv6Address&, const std::string&> m_discardTrace;
    TracedCallback<const Ikev2Sa&> m_keysTrace;
    TracedCallback<const Ipv6Address&, Time> m_establishedTrace;
    TracedCallback<const Ipv6Address&, uint32_t, uint32_t> m_installedTrace;
    TracedCallback<const Ipv6Address&, uint64_t, const std::vector<uint8_t>&> m_eapSuccessTrace;
};

} // namespace ns3

#endif // IKEV2_DAEMON_H
