/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV1_SERVICES_H
#define IKEV1_SERVICES_H

#include "ikev1-message.h"
#include "ikev1-proposals.h"
#include "ikev1-sa.h"
#include "ipsec-retransmission.h"
#include "ipsec-security-association.h"

#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class CryptoCostModel;
class CryptoRandom;
class IpsecPad;
class IpsecPfKey;
class IpsecSpd;
class IpsecWorkClock;
class Ikev1QuickModeExchange;
class Ikev1InformationalExchange;
class Ikev1SpiUpdateExchange;

/// The IKEv1 daemon's settings as the exchanges read them (racoon.conf, after its attributes).
struct Ikev1Config
{
    uint32_t nonceLength{16};                 ///< nonce bytes
    bool pfs{false};                          ///< PFS in quick mode
    uint16_t pfsGroup{0};                     ///< PFS group, 0 = the phase-1 group
    Time phase2Lifetime;                      ///< proposed IPsec SA lifetime
    bool initialContact{true};                ///< send INITIAL-CONTACT to new peers
    bool dpdVendorId{true};                   ///< DPD vendor ID in the first phase-1 messages
    bool quickModeIds{true};                  ///< IDci/IDcr in quick mode
    IpsecRetransmissionPolicy retransmission; ///< racoon's retry_interval / retry_counter
};

/**
 * \ingroup cxtp-ipsec
 * \brief What an IKEv1 exchange works with besides its SA: the node's facilities, simulated
 * costs, message protection (RFC 2409 App. B), transport and retransmission, and the daemon's
 * bookkeeping. The exchange classes (Ikev1MainModeExchange, Ikev1AggressiveModeExchange,
 * Ikev1QuickModeExchange, Ikev1InformationalExchange, Ikev1SpiUpdateExchange) hold a reference
 * to it; Ikev1Daemon provides it.
 *
 * Costs: every cryptographic operation of the step being processed is added to a pending
 * amount (Charge()); Send() books that amount plus the daemon's per-message processing on the
 * node's IpsecWorkClock and transmits when the work is done.
 */
class Ikev1Services
{
  public:
    Ikev1Services();
    virtual ~Ikev1Services();

    // ---- Settings
    /// \return the settings
    virtual Ikev1Config GetConfig() const = 0;
    /// \return the proposals offered and accepted
    virtual Ikev1Proposals GetProposals() const = 0;

    // ---- Node facilities (set by the daemon when it starts)
    /// \return the node's random source (cookies, nonces, private values)
    CryptoRandom& GetRandom() const;
    /// \return the node's PF_KEY interface
    Ptr<IpsecPfKey> GetPfKey() const;
    /// \return the node's SPD
    Ptr<IpsecSpd> GetSpd() const;

    // ---- Simulated costs
    /// Forgets the cost pending from an abandoned step.
    void ResetCost();
    /// \param cost processing time added to the current step
    void Charge(Time cost);
    /// Charges a PRF call on \p bytes with the ISAKMP SA's negotiated hash.
    void ChargePrf(const Ikev1Sa& sa, uint32_t bytes);
    /**
     * \brief Books the current step's cost on the node's processor.
     * \param work added to the pending cost
     * \return the delay until the work is done
     */
    Time Reserve(Time work);
    /// \return when the work booked on the node's processor is done
    Time GetBusyUntil() const;
    /// Draws a DH private value and computes the public one, charging the key generation.
    void GenerateDhKey(uint16_t group,
                       std::vector<uint8_t>& privateValue,
                       std::vector<uint8_t>& publicValue);
    /// Computes g^xy, charging it; false if the peer's value is invalid.
    bool ComputeDhShared(uint16_t group,
                         const std::vector<uint8_t>& privateValue,
                         const std::vector<uint8_t>& peerPublic,
                         std::vector<uint8_t>& shared);

    // ---- Message protection (RFC 2409 App. B; racoon's padding)
    /// \return the header of a message of this SA
    static Ikev1Header MakeHeader(const Ikev1Sa& sa,
                                  Ikev1ExchangeType exchange,
                                  uint32_t messageId);
    /// Encodes and (if iv is given) encrypts with racoon's padding; iv advances to the last block.
    std::vector<uint8_t> Seal(const Ikev1Sa& sa,
                              Ikev1Header header,
                              const std::vector<Ikev1Payload>& payloads,
                              std::vector<uint8_t>* iv);
    /// Decrypts (if the E flag is set) and decodes the payloads; false (traced) on any error.
    bool Open(const Ikev1Sa& sa,
              const Ikev1Header& header,
              const std::vector<uint8_t>& bytes,
              std::vector<uint8_t>* iv,
              std::vector<Ikev1Payload>& payloads,
              std::vector<uint8_t>& plain);
    /// Seals HDR*, HASH(1), payloads of an informational exchange (RFC 2409 §5.7).
    std::vector<uint8_t> SealInformational(const Ikev1Sa& sa,
                                           const Ikev1Header& header,
                                           const std::vector<Ikev1Payload>& payloads);
    /// Picks a fresh informational M-ID for the SA and records it as in use.
    uint32_t NewInformationalId(Ikev1Sa& sa);

    // ---- Identities and policies
    /// \return an ID_IPV6_ADDR payload for the phase-1 identity (UDP, port 500)
    static Ikev1IdPayload MakeAddressId(const Ipv6Address& address);
    /// \return a quick-mode client ID: one address, or an address and mask
    static Ikev1IdPayload MakeSelectorId(const Ipv6Address& address, const Ipv6Prefix& prefix);
    /// \return the pre-shared key the PAD holds for a peer (empty if none)
    std::vector<uint8_t> GetPreSharedKey(const Ipv6Address& peer) const;
    // ---- Provided by the daemon: transport, bookkeeping, observation
    /// \return the retransmission and duplicate-detection state of one exchange
    virtual IpsecRetransmission& GetFlight(const Ikev1Sa& sa, uint32_t messageId) = 0;
    /// Sends after the cost charged so far, armed for retransmission if a reply is awaited.
    virtual void Send(IpsecRetransmission& flight,
                      const Ipv6Address& peer,
                      const std::vector<uint8_t>& bytes,
                      bool awaitingReply) = 0;
    /// Sends once the work charged so far is done. \return the delay until then
    virtual Time SendAfterWork(const Ipv6Address& peer, const std::vector<uint8_t>& bytes) = 0;
    /// Sends now.
    virtual void Transmit(const Ipv6Address& peer, std::vector<uint8_t> bytes) = 0;
    /// The one place where a phase-1 state changes: logs and fires StateTransition.
    virtual void SwitchState(Ikev1Sa& sa, Ikev1State state) = 0;
    /// The one place where a quick mode's state changes: logs and fires StateTransition.
    virtual void SwitchState(Ikev1Sa& sa, Ikev1QuickMode& qm, Ikev1State state) = 0;
    /// Fails the SA, telling the peer in clear if asked (RFC 2408 §5), stopping its flights.
    virtual void Fail(Ikev1Sa& sa, const std::string& reason, bool notifyPeer) = 0;
    /// Fires the Failure trace: a message was dropped, or a step failed.
    virtual void TraceFailure(const Ipv6Address& peer, const std::string& reason) = 0;
    /// Phase 1 completed: INITIAL-CONTACT, then the quick modes waiting for it.
    virtual void Phase1Established(Ikev1Sa& sa) = 0;
    /**
     * \brief Both SAs of a quick mode are installed: fires the Installed trace.
     * \param peer the peer
     * \param inboundSpi our SPI
     * \param outboundSpi the peer's SPI
     */
    virtual void NotifyInstalled(const Ipv6Address& peer,
                                 uint32_t inboundSpi,
                                 uint32_t outboundSpi) = 0;
    /// The peer deleted the ISAKMP SA: it is forgotten (nothing may follow on it).
    virtual void DeletedByPeer(Ikev1Sa& sa) = 0;
    /**
     * \brief The ISAKMP SA takes new cookies; the old CKY-I stays an alias so that a
     * retransmission under it still finds the SA.
     * \param cookie the SA's CKY-I
     * \param initiator the new CKY-I
     * \param responder the new CKY-R
     * \return the SA under its new cookies
     */
    virtual Ikev1Sa& RekeySa(uint64_t cookie, uint64_t initiator, uint64_t responder) = 0;
    /// Receiver of an UPDATE_SPI: fires UpdateSpiApplied (peer, entries, all installed).
    virtual void NotifySpiUpdateApplied(const Ipv6Address& peer, uint32_t entries, bool ok) = 0;
    /// Sender of an UPDATE_SPI: fires UpdateSpiDone (peer, entries, acknowledged).
    virtual void NotifySpiUpdateDone(const Ipv6Address& peer, uint32_t entries, bool ok) = 0;
    /// \return the SA with this CKY-I, or nullptr
    virtual Ikev1Sa* FindSaByCookie(uint64_t cookie) = 0;
    /// \return the quick-mode exchange
    virtual Ikev1QuickModeExchange& GetQuickMode() = 0;
    /// \return the informational exchange
    virtual Ikev1InformationalExchange& GetInformational() = 0;
    /// \return the UPDATE_SPI exchange
    virtual Ikev1SpiUpdateExchange& GetSpiUpdate() = 0;

  protected:
    /**
     * \brief The node's facilities, once the daemon starts.
     * \param rng the random source
     * \param pfKey PF_KEY
     * \param spd the SPD
     * \param pad the PAD
     * \param cost the cost model
     * \param clock the node's processor
     */
    void SetFacilities(Ptr<CryptoRandom> rng,
                       Ptr<IpsecPfKey> pfKey,
                       Ptr<IpsecSpd> spd,
                       Ptr<IpsecPad> pad,
                       Ptr<CryptoCostModel> cost,
                       Ptr<IpsecWorkClock> clock);
    /// Drops the references (DoDispose).
    void ClearFacilities();
    /// \return the cost model
    Ptr<CryptoCostModel> GetCostModel() const;
    /// \return the PAD
    Ptr<IpsecPad> GetPad() const;

  private:
    Ptr<CryptoRandom> m_rng;     ///< cookies, nonces, private values
    Ptr<IpsecPfKey> m_pfKey;     ///< key-management interface
    Ptr<IpsecSpd> m_spd;         ///< to find the rules of a peer
    Ptr<IpsecPad> m_pad;         ///< pre-shared keys
    Ptr<CryptoCostModel> m_cost; ///< simulated crypto and processing time
    Ptr<IpsecWorkClock> m_clock; ///< the node's processor
    Time m_pendingCost;          ///< cost charged by the step being processed
};

} // namespace ns3

#endif // IKEV1_SERVICES_H
