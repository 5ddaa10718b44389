/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV1_DAEMON_H
#define IKEV1_DAEMON_H

#include "ike-sa-transfer.h"
#include "ike-transport.h"
#include "ikev1-aggressive-mode-exchange.h"
#include "ikev1-informational-exchange.h"
#include "ikev1-main-mode-exchange.h"
#include "ikev1-quick-mode-exchange.h"
#include "ikev1-sa-table.h"
#include "ikev1-sa.h"
#include "ikev1-services.h"
#include "ikev1-spi-update-exchange.h"
#include "ipsec-retransmission.h"
#include "ipsec-traffic-selector.h"

#include "ns3/application.h"
#include "ns3/traced-callback.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace ns3
{

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
 *
 * As an IkeSaTransfer it hands its ISAKMP SAs to context transfer as IKEV1_SA blocks.
 *
 * The daemon is a dispatcher: it holds the attributes, the ISAKMP SAs, the UDP socket and
 * the retransmission state, and routes each message to its exchange (Ikev1MainModeExchange,
 * Ikev1AggressiveModeExchange, Ikev1QuickModeExchange, Ikev1InformationalExchange,
 * Ikev1SpiUpdateExchange), which sees the daemon as its Ikev1Services.
 */
class Ikev1Daemon : public Application, public IkeSaTransfer, private Ikev1Services
{
  public:
    /// IKE's UDP port (RFC 2408 §2.5.1), where the node's IkeTransport listens.
    static constexpr uint16_t PORT = IkeTransport::PORT;

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
    void Purge(const Ipv6Address& peer) override;

    /**
     * \param peer a peer address
     * \return the newest ISAKMP SA with the peer, or nullptr
     */
    const Ikev1Sa* FindSa(const Ipv6Address& peer) const;
    /// \return every ISAKMP SA the daemon holds, by initiator cookie
    const std::map<uint64_t, Ikev1Sa>& GetSas() const;

    // ---- Context transfer of an ISAKMP SA (CXTP, RFC 4067 with a local IKEV1_SA profile) ----

    /// \return IKEV1_SA
    CxtpFeatureProfile GetContextProfile() const override;
    /// IkeSaTransfer::ExportSa(): Ikev1SaTable::ExportBlock(); the handle is CKY-I.
    bool ExportSa(const Ipv6Address& peer, CxtpContextBlock& block, Handle& handle) const override;
    /// IkeSaTransfer::ImportSa(): Ikev1SaTable::ImportBlock(); the handle is the CKY-I it is held
    /// under.
    std::string ImportSa(const CxtpContextBlock& block,
                         const Ipv6Address& local,
                         const Ipv6Address& peer,
                         const Rewrite& rewrite,
                         Handle& handle,
                         std::vector<IkeSpiUpdate>& updates) override;
    /// \return true if the SA with this CKY-I is held
    bool HasSa(Handle handle) const override;

    /**
     * \brief Exports the newest established ISAKMP SA with a peer, as the struct that the
     * IKEV1_SA context block serialises (CxtpContextCodec::EncodeIkev1Sa).
     * \param peer the peer (a mobile node's care-of address at this gateway)
     * \param [out] sa a copy of the SA, assigned only if one is found
     * \return false if no established ISAKMP SA with that peer exists
     */
    bool ExportSa(const Ipv6Address& peer, Ikev1Sa& sa) const;
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
                         std::vector<IkeSpiUpdate>& updates);
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
                      const std::map<uint32_t, uint32_t>& policyIds) override;
    /**
     * \brief Forgets one ISAKMP SA silently (no DELETE, no PF_KEY change): a gateway whose
     * copy moved to another gateway by context transfer.
     * \param initiatorCookie the SA's CKY-I
     * \return true if the SA existed
     */
    bool Forget(uint64_t initiatorCookie) override;
    /**
     * \brief Announces changed SPIs to the peer of an ISAKMP SA: an informational exchange
     * HDR*, HASH(1), N(UPDATE_SPI) protected by the SA (RFC 2409 §5.7), retransmitted every
     * RetryInterval (at most RetryCount times) until the peer's UPDATE_SPI_ACK; then
     * UpdateSpiDone fires and \p done runs. See IkeSpiUpdate for the entries and
     * doc/cxtp-ipsec.rst for the exchange.
     * \param initiatorCookie the SA's CKY-I (the new one if ImportSa() changed the cookies)
     * \param updates the entries: ESP (our inbound SPIs, old -> new) and at most one ISAKMP
     * \param done true when acknowledged, false when given up (may be null)
     */
    void SendSpiUpdates(uint64_t initiatorCookie,
                        const std::vector<IkeSpiUpdate>& updates,
                        Callback<void, bool> done) override;

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
    /// \return tid with the proposal attributes (racoon's proposal{} and sainfo)
    static TypeId AddProposalAttributes(TypeId tid);
    /// \return tid with the behaviour and timer attributes
    static TypeId AddBehaviourAttributes(TypeId tid);
    /// \return tid with the trace sources
    static TypeId AddTraceSources(TypeId tid);

    void StartApplication() override;
    void StopApplication() override;
    void DoDispose() override;

    void HandleAcquire(const IpsecPolicy& policy, const IpsecPacketFields& fields);
    /// Dispatches a received message sent by from to our address to.
    void Receive(const std::vector<uint8_t>& bytes, const Ipv6Address& from, const Ipv6Address& to);
    /**
     * \brief Finds the SA a received message belongs to, creating it for a first phase-1
     * message from a peer the PAD knows.
     * \return the SA, or nullptr (the message was traced and dropped)
     */
    Ikev1Sa* FindReceivingSa(const Ikev1Header& header,
                             const Ipv6Address& from,
                             const Ipv6Address& to);
    /// \return true if the message repeats a request already answered (answered again)
    bool IsRetransmittedRequest(const Ikev1Sa& sa,
                                const Ikev1Header& header,
                                const std::vector<uint8_t>& bytes);
    Ikev1Sa& CreateSa(const Ipv6Address& peer, Ikev1Role role, uint64_t initiatorCookie);
    /// \return the exchange that runs the SA's phase 1
    Ikev1Phase1Exchange& GetPhase1(const Ikev1Sa& sa);
    /// Forgets the retransmissions and UPDATE_SPI pending on an ISAKMP SA. \param cookie CKY-I
    void ForgetExchanges(uint64_t cookie);
    /// Forgets an ISAKMP SA and everything pending on it. \param cookie its CKY-I
    void RemoveSa(uint64_t cookie);

    // Ikev1Services
    Ikev1Config GetConfig() const override;
    Ikev1Proposals GetProposals() const override;
    IpsecRetransmission& GetFlight(const Ikev1Sa& sa, uint32_t messageId) override;
    void Send(IpsecRetransmission& flight,
              const Ipv6Address& peer,
              const std::vector<uint8_t>& bytes,
              bool awaitingReply) override;
    Time SendAfterWork(const Ipv6Address& peer, const std::vector<uint8_t>& bytes) override;
    void Transmit(const Ipv6Address& peer, std::vector<uint8_t> bytes) override;
    void SwitchState(Ikev1Sa& sa, Ikev1State state) override;
    void SwitchState(Ikev1Sa& sa, Ikev1QuickMode& qm, Ikev1State state) override;
    void Fail(Ikev1Sa& sa, const std::string& reason, bool notifyPeer) override;
    void TraceFailure(const Ipv6Address& peer, const std::string& reason) override;
    void Phase1Established(Ikev1Sa& sa) override;
    void NotifyInstalled(const Ipv6Address& peer,
                         uint32_t inboundSpi,
                         uint32_t outboundSpi) override;
    void DeletedByPeer(Ikev1Sa& sa) override;
    Ikev1Sa& RekeySa(uint64_t cookie, uint64_t initiator, uint64_t responder) override;
    void NotifySpiUpdateApplied(const Ipv6Address& peer, uint32_t entries, bool ok) override;
    void NotifySpiUpdateDone(const Ipv6Address& peer, uint32_t entries, bool ok) override;
    Ikev1Sa* FindSaByCookie(uint64_t cookie) override;
    Ikev1QuickModeExchange& GetQuickMode() override;
    Ikev1InformationalExchange& GetInformational() override;
    Ikev1SpiUpdateExchange& GetSpiUpdate() override;

    // Attributes
    Ikev1ExchangeType m_exchange;                     ///< main or aggressive mode when initiating
    IpsecEncryption m_encryption;                     ///< phase-1 cipher
    CryptoHash m_hash;                                ///< phase-1 hash
    uint16_t m_dhGroup;                               ///< phase-1 group
    bool m_pfs;                                       ///< PFS in quick mode
    uint16_t m_pfsGroup;                              ///< PFS group, 0 = the phase-1 group
    std::vector<Ikev1Phase1Choice> m_phase1Proposals; ///< proposal{} blocks; empty: one
    std::vector<Ikev1EspChoice> m_espTransforms;      ///< sainfo; empty: the rule's pair
    uint32_t m_nonceLength;                           ///< nonce bytes
    Time m_phase1Lifetime;                            ///< proposed phase-1 lifetime
    Time m_phase2Lifetime;                            ///< proposed phase-2 lifetime
    bool m_initialContact;                            ///< send INITIAL-CONTACT to new peers
    bool m_dpdVendorId;                               ///< DPD vendor ID in MM1/MM2, AM1/AM2
    bool m_quickModeIds;                              ///< send IDci/IDcr in quick mode
    bool m_passive;                                   ///< never initiate on ACQUIRE
    Time m_retryInterval;                             ///< retransmission interval
    uint32_t m_retryCount;                            ///< retransmissions before giving up

    Ptr<IkeTransport> m_transport; ///< the node's UDP 500/4500 endpoint
    Ikev1SaTable m_table;          ///< the ISAKMP SAs
    std::map<std::pair<uint64_t, uint32_t>, IpsecRetransmission> m_flights; ///< (cookie, M-ID)
    std::map<Ipv6Address, std::vector<uint32_t>> m_pendingPolicies;         ///< phase 2 to start

    Ikev1MainModeExchange m_mainMode;             ///< phase 1, main mode
    Ikev1AggressiveModeExchange m_aggressiveMode; ///< phase 1, aggressive mode
    Ikev1QuickModeExchange m_quickMode;           ///< phase 2
    Ikev1InformationalExchange m_informational;   ///< notifications and deletes
    Ikev1SpiUpdateExchange m_spiUpdate;           ///< UPDATE_SPI

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
