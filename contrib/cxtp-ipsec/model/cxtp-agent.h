/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CXTP_AGENT_H
#define CXTP_AGENT_H

#include "cxtp-context-installer.h"
#include "cxtp-context-store.h"
#include "cxtp-context.h"
#include "cxtp-ctar-admission.h"
#include "cxtp-header.h"
#include "cxtp-pctd-cache.h"
#include "cxtp-transfer-timers.h"
#include "cxtp-transport.h"
#include "cxtp-tunnel-rewriter.h"
#include "ipsec-retransmission.h"

#include "ns3/application.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace ns3
{

class IpsecPfKey;
class UniformRandomVariable;

/**
 * \ingroup cxtp-ipsec
 * \brief The CXTP agent of one node (RFC 4067): a gateway (pSG or nSG, both at once) or a
 * mobile node, chosen by the "Role" attribute.
 *
 * <b>Transport.</b> Gateway-gateway messages travel over UDP on the "Port" attribute (default
 * 5091, the SCTP port IANA assigned to CXTP, RFC 4065, reused on UDP). ns-3 has no SCTP; RFC 4067
 * §3 allows non-SCTP transports for prototypes if they retransmit with exponential back-off,
 * which this agent does for CT-Req and PCTD (below). MN-gateway messages (CTAR, CTAA) travel as
 * the "Transport" attribute of the MN says: "udp" (the same UDP port) or "icmpv6", the transport
 * RFC 4067 §3 says to implement and use: an ICMPv6 Experimental Mobility message (type 150,
 * code 0, subtype 1, CxtpIcmpv6Header) with hop limit 255, read and written by CxtpTransport,
 * which drops and traces (Failure) such messages with a wrong hop limit or checksum. Gateways
 * accept both transports and
 * answer a CTAR's CTAA on the transport it came on. The SPD of every node must BYPASS the
 * MN-gateway messages (UDP 5091, ICMPv6 type 150): the CTAR must reach nSG before any SA exists
 * there. Gateway-gateway messages carry the contexts and the token key and must be protected by
 * ESP (RFC 4067 §3, §6.2): that is the SPD's business (HandoverSecurityCt installs ESP transport
 * SAs between the gateways).
 *
 * <b>Contexts</b> (gateway role). A gateway holds no copy of the state: the contexts of an MN,
 * keyed by the MN's previous address (its care-of address at this gateway), are gathered on
 * demand from the node's SAD (SAs whose outer peer is that address, through IpsecPfKey::Dump),
 * SPD (PROTECT rules whose tunnel remote is that address) and PAD (the entry for that address),
 * and sent as SPD_ENTRY, SAD_ENTRY and PAD_ENTRY Context Data Blocks (RFC 4067 §2.3,
 * CxtpContextCodec), rules first, then, if the node runs an IKE daemon with an established
 * IKE SA with that address, the daemon's own block for it (IkeSaTransfer::ExportSa).
 *
 * <b>IKE SA transfer.</b> The agent reaches the node's IKE daemon only through the
 * version-neutral IkeSaTransfer interface and never reads the IKE block. nSG has its own daemon
 * import the SA (IkeSaTransfer::ImportSa) with the MN's new CoA as peer and its own address as
 * local, its child SAs pointing to the rewritten rules and SPIs; later exchanges (new child SAs,
 * notifications, DELETE) then run between the MN and nSG with the transferred keys. The MN's
 * agent, when it moves its tunnel, moves its daemon's IKE SAs to nSG too
 * (IkeSaTransfer::MovePeer). After the CTDR, pSG forgets its copy of the IKE SA silently
 * (IkeSaTransfer::Forget) and removes the MN's PAD entry (IpsecPad::Remove), as it deletes the
 * SAs and rules.
 * Transferred SAs are installed with their current lifetime
 * (IpsecPfKey::AddWithCurrentLifetime): they expire at nSG when they would have at pSG.
 *
 * <b>Token key.</b> SetTokenKey() gives the HMAC-SHA1 key shared by the MN and pSG (RFC 4067
 * §2.5.1, §6.3), keyed by the MN's previous address. It will later be derived from the IKE SA;
 * for now the scenario sets the same key on the MN and on pSG.
 *
 * <b>Reactive mode</b> (RFC 4067 §2.1.1 scenario 2, §5.3). The MN, after the move, sends a CTAR
 * to nSG carrying the pSG address (SendCtar()). nSG recognises the reactive case because the
 * CTAR's source (the new CoA) differs from the previous address, and sends a CT-Req (§2.5.6)
 * with the previous address, sequence number, token and requested CDBs to pSG. pSG verifies
 * the token with CxtpToken::Verify before anything else (§6.3) and answers with a CTD (A = 1)
 * holding the contexts. nSG rewrites the tunnel endpoints (outer local = its address on the
 * MN's link, outer remote = the new CoA, the CTAR's source; a selector remote /128 equal to the
 * previous address becomes the new CoA), installs everything through IpsecPfKey and answers a
 * CTDR with S = 1 (§2.5.4); pSG then deletes its SAs and rules through IpsecPfKey. A pSG that
 * rejects a token, or holds no context, stays silent: nSG times out.
 *
 * <b>Predictive mode</b> (RFC 4067 §2.1.1 scenario 1, §5.1). pSG pushes a PCTD (§2.5.3) with the
 * key block (the token key) and the contexts to nSG either on an internal trigger
 * (PushContexts(), e.g. a link-layer hint that the MN is about to move: the pAR-initiated flow
 * of §5.1) or on a CTAR sent to pSG while the MN is still at its previous address (source =
 * previous address, carrying the nSG address), whose token pSG verifies first. nSG caches it (for
 * "MaxHandoverTime", the RFC's CT_MAX_HANDOVER_TIME, which has no value in §4). When the MN's CTAR
 * arrives, nSG verifies the token locally with the key, discards the key (one use, §6.3), installs
 * and sends the CTDR. A forged token leaves the cache in place (the genuine MN may still come) and
 * is answered with CTDR S = 0. A CTAR that finds no cached PCTD (the push was lost or late) is
 * handled reactively (CT-Req to pSG); a PCTD that arrives while that CT-Req is pending completes
 * the transfer with its key.
 *
 * <b>Replay.</b> A CTAR whose (sequence number, previous address) pair was already seen is
 * dropped and traced by "Replay" (§2.5.1, §6.3). A forged token installs nothing, fires
 * "Failure" and is answered with S = 0 (CTDR to pSG in predictive mode, CTAA to the MN if the
 * CTAR's A flag asked for it).
 *
 * <b>Retransmission</b> (RFC 4067 §3, §4). CT-Req (nSG, until the CTD) and PCTD (pSG, until the
 * CTDR) are retransmitted with a timeout doubling each time, until the transfer deadline has
 * passed since the first transmission; then the transfer fails ("Failure" with "ct-req timeout"
 * or "pctd timeout"). The first timeout follows the round trip to the peer gateway, assumed from
 * "PeerRoundTrip" until measured, never below "RetryInterval"; the deadline is "MaxTransferTime"
 * (CT_MAX_TRANSFER_TIME, 200 ms) stretched in proportion when the first timeout exceeds
 * RetryInterval (CxtpTransferTimers), so a long core path neither repeats every message nor
 * gives up before the answer can arrive. A PCTD's answer comes only after the MN's move: until
 * that round trip is measured, its first timeout also allows "MaxHandoverTime" for the move. A retransmitted CT-Req is answered
 * again (pSG keeps the contexts until the CTDR); a duplicate PCTD after activation (same
 * blocks as the one activated) is answered with the CTDR again and its key is not cached.
 *
 * <b>Sequence numbers.</b> Transferred outbound SAs keep their sequence counter, inbound SAs
 * their anti-replay window (the SAD_ENTRY layout carries both), so the MN's next packets are
 * accepted and old ones are rejected as replays. "SequenceJump" adds a margin to the outbound
 * counters (RFC 6311 style) for a predictive snapshot taken before pSG's last packets.
 *
 * <b>SPI collision and UPDATE_SPI.</b> If an inbound SPI of the transferred SAs is already in
 * use at nSG (IpsecPfKey::IsSpiInUse), nSG fires "SpiCollision". With a transferred IKE SA,
 * nSG takes a fresh SPI (IpsecPfKey::GetSpi), installs the inbound SA under it, answers the
 * CTDR (pSG may delete its copies) and has its IKE daemon announce the change to the MN under
 * the transferred IKE SA (IkeSaTransfer::SendSpiUpdates: UPDATE_SPI); the MN re-adds its
 * outbound SA under the new SPI and acknowledges. Only then does nSG fire "Installed" (the
 * handover is ready) and "SpiUpdated"; without an acknowledgement the transfer fails
 * ("update-spi failed"). An IKE SA whose identifier collides is handled the same way
 * (IkeSaTransfer::ImportSa). Without a transferred IKE SA there is no protected channel to the
 * MN: nSG installs nothing and fails the transfer with "spi collision" (CTDR S = 0).
 *
 * Collisions can be provoked for experiments: "ForceSpiCollision" (every transfer) and
 * "SpiCollisionProbability" (drawn per transfer from the agent's own stream, see
 * AssignStreams()) make nSG really occupy the first transferred inbound SPI with a dummy inbound
 * SA of another peer before the check, so the detection and UPDATE_SPI paths are the real ones.
 *
 * <b>Mobile role.</b> SendCtar() sends one CTAR (with A = "RequestAck"). When it is sent to a
 * gateway other than the one the MN's tunnel points to (the reactive/after-move CTAR to nSG,
 * whose otherGateway is the current tunnel peer pSG), the MN first moves its own tunnel: SAs
 * whose outer peer is otherGateway get outer addresses (new CoA, nSG) through IpsecPfKey
 * (Update for inbound SAs, Delete + Add for outbound ones since the destination is part of their
 * key) and the PROTECT rules towards otherGateway are replaced (delete + add) with tunnel
 * endpoints (new CoA, nSG) and a selector local /128 equal to the previous address rewritten to
 * the new CoA. The new CoA is the MN's address on the gateway's prefix. The MN does this at once,
 * without waiting for a CTAA: its first packets may reach nSG before the contexts do (RFC 4067
 * §3 lets nAR hold MN traffic until the transfer completes).
 *
 * <b>Structure.</b> The agent holds the attributes, the sockets, the message dispatch and the
 * transfer state machines. What a transfer does to the node's IPsec and IKE state is delegated:
 * to CxtpContextStore at pSG (gathering the contexts, deleting them after the CTDR), to
 * CxtpContextInstaller at nSG (decoding, SPI collisions, endpoint rewrite, IKE SA import, PF_KEY
 * installation, UPDATE_SPI) and to CxtpTunnelRewriter (local addresses, rule ids, the MN's
 * tunnel move). nSG's predictive cache is a CxtpPctdCache, the rate limit and replay check a
 * CxtpCtarAdmission; CxtpMessageBuilder fills in the messages sent.
 *
 * <b>Costs.</b> If a CryptoCostModel is aggregated to the node, each received message is
 * processed after CxtpProcessing() (a gateway receiving a CTAR or CT-Req adds one HMAC-SHA1,
 * Prf(SHA1, 20), for the token) and an installation waits ContextInstallation() per context;
 * PF_KEY adds its own kernel costs. All of it is booked on the node's IpsecWorkClock, behind
 * whatever the node's IKE daemons are doing. Sending is not charged; without a model every
 * cost is zero.
 */
class CxtpAgent : public Application
{
  public:
    /// Local status codes of CTAA/CTDR entries (RFC 4067 §4 leaves non-zero codes to profiles).
    enum Status : uint8_t
    {
        STATUS_SUCCESS = 0x00,        ///< context installed
        STATUS_UNAUTHORIZED = 0x80,   ///< token verification failed
        STATUS_TIMEOUT = 0x81,        ///< no answer within CT_MAX_TRANSFER_TIME
        STATUS_SPI_COLLISION = 0x82,  ///< an inbound SPI is in use at nSG
        STATUS_INSTALL_FAILED = 0x83, ///< malformed or rejected by PF_KEY
    };

    /// \return the TypeId
    static TypeId GetTypeId();
    CxtpAgent();
    ~CxtpAgent() override;

    /// \return true in the gateway role
    bool IsGateway() const;

    /**
     * \brief Sets the token key shared by an MN and its pSG (RFC 4067 §6.3). For now the scenario
     * sets it on both the MN and pSG; it will later be derived from the IKE SA.
     * \param mnAddress the MN's previous address (its CoA at pSG)
     * \param key the HMAC-SHA1 key
     */
    void SetTokenKey(Ipv6Address mnAddress, std::vector<uint8_t> key);

    /**
     * \param mnAddress the MN's address
     * \return the token key held for it (empty if none, e.g. once used)
     */
    std::vector<uint8_t> GetTokenKey(Ipv6Address mnAddress) const;

    /**
     * \brief Mobile role: sends a CTAR (RFC 4067 §2.5.1) with a token computed with the key of
     * \p previousAddress. See the class description for the tunnel rewrite.
     * \param gateway the destination: pSG before the move (predictive), nSG after (reactive)
     * \param previousAddress the MN's previous address
     * \param otherGateway nSG when sent to pSG, pSG when sent to nSG
     * \param sequence the sequence number (the same in both CTARs of a predictive transfer)
     */
    void SendCtar(Ipv6Address gateway,
                  Ipv6Address previousAddress,
                  Ipv6Address otherGateway,
                  uint32_t sequence);

    /**
     * \brief Gateway role (pSG): pushes the contexts of an MN and its token key to nSG in a PCTD,
     * without a CTAR: the pAR-initiated predictive transfer on an internal trigger (RFC 4067
     * §2.1.1 scenario 1, §5.1). The PCTD is retransmitted until the CTDR (see the class
     * description). Fails ("Failure") if no token key or no context is held for the MN.
     * \param previous the MN's address here (its previous address once it has moved)
     * \param nextGateway nSG
     * \return true if a PCTD was sent
     */
    bool PushContexts(Ipv6Address previous, Ipv6Address nextGateway);

    /**
     * \brief Gateway role: the contexts held for an MN, read from the SAD, SPD and PAD now.
     * \param mnAddress the MN's previous address
     * \return SPD_ENTRY blocks, then SAD_ENTRY blocks, then the PAD_ENTRY block
     */
    std::vector<CxtpContextBlock> GatherContexts(Ipv6Address mnAddress) const;

    /**
     * \brief Fixes the random stream of the collision draws ("SpiCollisionProbability").
     * \param stream the stream index
     * \return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * \param mnAddress the MN's previous address
     * \return true if a predictive PCTD for it is cached (with its key)
     */
    bool HasCachedContext(Ipv6Address mnAddress) const;

    /// TracedCallback signature of Rx and Tx: message type and CXTP size in octets.
    typedef void (*MessageTracedCallback)(uint8_t type, uint32_t size);
    /// TracedCallback signature of Failure: the MN's previous address and the reason.
    typedef void (*FailureTracedCallback)(Ipv6Address mn, std::string reason);
    /// TracedCallback signature of Installed: the MN's previous address and the SA count.
    typedef void (*InstalledTracedCallback)(Ipv6Address mn, uint32_t sas);
    /// TracedCallback signature of SpiCollision, SpiUpdated and Replay: previous address and
    /// SPI, number of UPDATE_SPI entries or sequence.
    typedef void (*AddressValueTracedCallback)(Ipv6Address mn, uint32_t value);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /// A message being retransmitted until answered (CT-Req or PCTD).
    struct Retransmission
    {
        Ptr<Packet> packet;                         ///< the CXTP message
        Ipv6Address to;                             ///< its destination
        Time sentAt;                                ///< its first transmission
        std::unique_ptr<IpsecRetransmission> timer; ///< back-off until the transfer deadline
    };

    /// nSG: a reactive request waiting for the CTD.
    struct Request
    {
        uint32_t sequence{0};                      ///< CTAR sequence
        uint32_t token{0};                         ///< CTAR token
        std::vector<CxtpFeatureProfile> requested; ///< requested CDBs
        Ipv6Address mnSource;                      ///< the CTAR's source: the new CoA
        Ipv6Address local;                         ///< our address on the MN's link
        Ipv6Address previousGateway;               ///< pSG, from the CTAR
        bool ackToMn{false};                       ///< CTAR A flag
        Retransmission rtx;                        ///< CT-Req retransmission
    };

    /**
     * \param tid the TypeId being built
     * \return it, with the attributes
     */
    static TypeId AddAttributes(TypeId tid);
    /**
     * \param tid the TypeId being built
     * \return it, with the trace sources
     */
    static TypeId AddTraceSources(TypeId tid);

    /**
     * \brief A CXTP message received on either transport: traces, costs, then Dispatch().
     * \param packet the message
     * \param source its IPv6 source
     */
    void Receive(Ptr<Packet> packet, Ipv6Address source);
    /**
     * \brief nSG: recognises a retransmitted copy of a PCTD it holds or has activated before
     * any work is charged, as the IKE daemons recognise a retransmitted request; answers the
     * copy of an activated PCTD with a CTDR.
     * \param packet a PCTD
     * \param from its source
     * \return true if the PCTD was such a copy (it is then done with)
     */
    bool IsPctdCopy(Ptr<const Packet> packet, Ipv6Address from);
    /**
     * \brief pSG: builds and sends a PCTD, armed for retransmission.
     * \param previous the MN's previous address
     * \param key the token key
     * \param requested the requested profiles (empty = all)
     * \param nextGateway nSG
     * \return false if there is no context to push
     */
    bool Push(Ipv6Address previous,
              const std::vector<uint8_t>& key,
              const std::vector<CxtpFeatureProfile>& requested,
              Ipv6Address nextGateway);
    /**
     * \param packet one CXTP message
     * \param from its source
     */
    void Dispatch(Ptr<Packet> packet, Ipv6Address from);
    /// \param packet CTAR \param from source
    void HandleCtar(Ptr<Packet> packet, Ipv6Address from);
    /**
     * \brief Gateway: the CT_REQUEST_RATE limit and the replay check of a CTAR (RFC 4067 §3,
     * §6.3); traces what it drops.
     * \param ctar a well-formed CTAR
     * \return true if the CTAR is to be handled
     */
    bool AdmitCtar(const CxtpCtarHeader& ctar);
    /**
     * \brief pSG: a CTAR from the MN still here (predictive): verify the token, push a PCTD.
     * \param ctar the CTAR
     * \param from the MN
     */
    void PushOnCtar(const CxtpCtarHeader& ctar, Ipv6Address from);
    /**
     * \brief nSG: a CTAR that finds a cached PCTD: verify the token with its key, install.
     * \param ctar the CTAR
     * \param from the MN's new CoA
     * \param local our address on the MN's link
     */
    void ActivateCachedContexts(const CxtpCtarHeader& ctar, Ipv6Address from, Ipv6Address local);
    /**
     * \brief nSG: a CTAR without a cached PCTD: ask pSG with a CT-Req (reactive).
     * \param ctar the CTAR
     * \param from the MN's new CoA
     * \param local our address on the MN's link
     */
    void RequestContexts(const CxtpCtarHeader& ctar, Ipv6Address from, Ipv6Address local);
    /// \param packet CT-Req \param from source
    void HandleCtReq(Ptr<Packet> packet, Ipv6Address from);
    /// \param packet CTD or PCTD \param from source
    void HandleCtd(Ptr<Packet> packet, Ipv6Address from);
    /**
     * \brief nSG: a well-formed PCTD: completes a pending request or is cached.
     * \param pctd the PCTD
     * \param from pSG
     */
    void HandlePctd(const CxtpCtdHeader& pctd, Ipv6Address from);
    /**
     * \brief nSG: a PCTD for a pending request (the MN's CTAR came first): verify the CTAR's
     * token with the pushed key, install.
     * \param pctd the PCTD
     * \param from pSG
     */
    void CompleteRequest(const CxtpCtdHeader& pctd, Ipv6Address from);
    /// \param packet CTDR \param from source
    void HandleCtdr(Ptr<Packet> packet, Ipv6Address from);

    /**
     * \brief nSG: verified contexts, installed by the CxtpContextInstaller; Finish() follows.
     * \param previous the MN's previous address
     * \param blocks the contexts
     * \param newCoa the MN's new CoA (the CTAR's source)
     * \param local our address on the MN's link
     * \param pSg where the CTDR goes
     * \param ackToMn send a CTAA to the MN
     */
    void Install(Ipv6Address previous,
                 std::vector<CxtpContextBlock> blocks,
                 Ipv6Address newCoa,
                 Ipv6Address local,
                 Ipv6Address pSg,
                 bool ackToMn);
    /// \return the attributes that shape an installation, now
    CxtpContextInstaller::Settings GetInstallSettings() const;
    /**
     * \brief nSG: end of a transfer: traces, CTDR to pSG, CTAA to the MN if asked, then the
     * UPDATE_SPI if SPIs changed.
     * \param previous the MN's previous address
     * \param pSg where the CTDR goes
     * \param mn the MN's new CoA
     * \param ackToMn send a CTAA
     * \param error empty on success, else the reason
     * \param status status code of the entries on failure
     * \param sas SAs installed
     */
    void Finish(Ipv6Address previous,
                Ipv6Address pSg,
                Ipv6Address mn,
                bool ackToMn,
                std::string error,
                uint8_t status,
                uint32_t sas);
    /**
     * \brief nSG: the IKE daemon's UPDATE_SPI completed.
     * \param previous the MN's previous address
     * \param success acknowledged
     * \param entries the number of UPDATE_SPI entries
     * \param sas SAs installed
     */
    void SpiUpdatesDone(Ipv6Address previous, bool success, uint32_t entries, uint32_t sas);
    /// Fires "Failure". \param previous the MN's previous address \param reason why
    void TraceFailure(Ipv6Address previous, std::string reason);
    /// Fires "SpiCollision". \param previous the MN's previous address \param spi the SPI
    void TraceSpiCollision(Ipv6Address previous, uint32_t spi);
    /**
     * \param mn destination
     * \param previous the MN's previous address
     * \param entries status entries (empty = all fine)
     */
    void SendCtaa(Ipv6Address mn,
                  Ipv6Address previous,
                  const std::vector<CxtpStatusEntry>& entries);
    /**
     * \param to pSG
     * \param previous the MN's previous address
     * \param success S flag
     * \param entries status entries
     */
    void SendCtdr(Ipv6Address to,
                  Ipv6Address previous,
                  bool success,
                  const std::vector<CxtpStatusEntry>& entries);

    /**
     * \param packet a CXTP message
     * \param to its destination
     */
    void Send(Ptr<Packet> packet, Ipv6Address to);
    /**
     * \brief Arms the retransmission of a CT-Req or PCTD just sent (RFC 4067 §3: back-off
     * doubling from a first timeout that follows the round trip to the peer, up to a deadline;
     * CxtpTransferTimers).
     * \param rtx the message
     * \param previous the MN's previous address
     * \param request CT-Req (true) or PCTD (false)
     */
    void StartRetransmission(Retransmission& rtx, Ipv6Address previous, bool request);
    /**
     * \brief The answer to a CT-Req or PCTD came: its retransmission stops, and its round trip
     * is measured if it was sent once (Karn's rule).
     * \param rtx the message
     * \param request CT-Req (true) or PCTD (false)
     */
    void Answered(Retransmission& rtx, bool request);
    /// No answer by the transfer deadline. \param previous the MN \param request CT-Req
    void TransferTimedOut(Ipv6Address previous, bool request);
    /// \param transport "udp" or "icmpv6"
    void SetTransport(std::string transport);
    /// \return "udp" or "icmpv6"
    std::string GetTransport() const;
    /// \param role "mobile" or "gateway"
    void SetRole(std::string role);
    /// \return "mobile" or "gateway"
    std::string GetRole() const;
    /// \return the processing cost of one message
    Time ProcessingCost() const;

    bool m_gateway;                            ///< Role attribute
    uint16_t m_port;                           ///< Port attribute
    Time m_retryInterval;                      ///< RetryInterval attribute
    Time m_maxTransferTime;                    ///< CT_MAX_TRANSFER_TIME
    Time m_peerRoundTrip;                      ///< PeerRoundTrip attribute
    CxtpTransferTimers m_timers;               ///< first timeouts and deadlines per peer
    Time m_maxHandoverTime;                    ///< CT_MAX_HANDOVER_TIME
    uint32_t m_requestRate;                    ///< CT_REQUEST_RATE (CTARs per second)
    bool m_requestAck;                         ///< RequestAck attribute (MN)
    uint64_t m_sequenceJump;                   ///< SequenceJump attribute
    bool m_icmp;                               ///< Transport attribute: ICMPv6 (true) or UDP (MN)
    bool m_forceSpiCollision;                  ///< ForceSpiCollision attribute
    double m_collisionProbability;             ///< SpiCollisionProbability attribute
    Ptr<UniformRandomVariable> m_collisionRng; ///< per-transfer collision draws
    CxtpTransport m_transport;                 ///< UDP and ICMPv6 sockets
    CxtpTunnelRewriter m_rewriter;             ///< rule ids; the MN's tunnel move
    CxtpContextStore m_store;                  ///< pSG: the contexts sent, deleted after the CTDR
    CxtpContextInstaller m_installer;          ///< nSG: installation and UPDATE_SPI
    CxtpPctdCache m_pctdCache;                 ///< nSG: predictive cache
    CxtpCtarAdmission m_admission;             ///< gateway: CT_REQUEST_RATE and replays

    std::map<Ipv6Address, std::vector<uint8_t>> m_keys; ///< token keys per MN
    std::map<Ipv6Address, Request> m_requests;          ///< nSG: reactive, waiting
    std::map<Ipv6Address, Ipv6Address> m_completed;     ///< nSG: done, with its pSG
    std::map<Ipv6Address, Retransmission> m_pushes;     ///< pSG: PCTD until the CTDR
    std::map<Ipv6Address, Time> m_ctdStart;             ///< pSG: first CTD per MN

    TracedCallback<uint8_t, uint32_t> m_rxTrace;               ///< message received
    TracedCallback<uint8_t, uint32_t> m_txTrace;               ///< message sent
    TracedCallback<Ipv6Address, std::string> m_failureTrace;   ///< transfer failed
    TracedCallback<Ipv6Address, uint32_t> m_installedTrace;    ///< contexts installed
    TracedCallback<Ipv6Address, uint32_t> m_spiCollisionTrace; ///< SPI in use at nSG
    TracedCallback<Ipv6Address, uint32_t> m_replayTrace;       ///< replayed CTAR
    TracedCallback<Ipv6Address, uint32_t> m_spiUpdatedTrace;   ///< UPDATE_SPI acknowledged
};

} // namespace ns3

#endif // CXTP_AGENT_H
