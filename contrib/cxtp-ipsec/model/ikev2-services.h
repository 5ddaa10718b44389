/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_SERVICES_H
#define IKEV2_SERVICES_H

#include "ikev2-credentials.h"
#include "ikev2-proposals.h"
#include "ikev2-sa.h"

#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ns3
{

class CryptoRandom;
class Ikev2EapBackend;
class IpsecPad;
class IpsecPfKey;
class IpsecSpd;
class Ikev2Messenger;
class Ikev2SaTable;
struct Ikev2ChildKeys;
struct IpsecPolicy;

/// The IKEv2 daemon's settings as its tasks read them (charon's strongswan.conf and
/// swanctl.conf, after the daemon's attributes).
struct Ikev2Config
{
    uint32_t nonceSize{32};     ///< our nonces' octets (charon: 32)
    bool initialContact{true};  ///< INITIAL_CONTACT in IKE_AUTH to new peers (§2.4)
    Time ikeLifetime;           ///< IKE SA lifetime
    uint32_t cookieThreshold{}; ///< half-open SAs from which COOKIEs are demanded (§2.6)
    uint32_t halfOpenLimit{};   ///< half-open SAs beyond which requests are dropped (0: none)
    uint32_t ikeSaLimit{};      ///< IKE SAs beyond which requests are dropped (0: none)
};

/**
 * \ingroup cxtp-ipsec
 * \brief What an IKEv2 task works with besides its exchange class: the node's facilities, the
 * daemon's settings, its IKE SAs, the messenger (SK protection, costs, the window of §2.3) and
 * the daemon's bookkeeping of SAs, requests and traces. The tasks (Ikev2IkeSaTask,
 * Ikev2InformationalTask, Ikev2CreateChildSaTask), like charon's, drive one kind of exchange
 * each in both roles and hold a reference to it; Ikev2Daemon provides it and dispatches to them.
 */
class Ikev2Services
{
  public:
    /// What our outstanding request on an IKE SA is, to route its answer to its task.
    enum class Request : uint8_t
    {
        NONE,            ///< nothing outstanding
        IKE_SA_INIT,     ///< IKE_SA_INIT
        IKE_AUTH,        ///< IKE_AUTH with the first CHILD_SA
        INFORMATIONAL,   ///< DELETE or liveness
        AUTH_FAILED,     ///< INFORMATIONAL N(AUTHENTICATION_FAILED) after the responder's AUTH
        CREATE_CHILD_SA, ///< a new or rekeyed CHILD_SA, or an IKE SA rekey
    };

    virtual ~Ikev2Services();

    // ---- Settings and the node
    /// \return the daemon's settings
    virtual Ikev2Config GetConfig() const = 0;
    /// \return the proposals for a rule: ours, the rule's ESP pair when none is configured
    virtual Ikev2Proposals GetProposals(const IpsecPolicy* rule) const = 0;
    /// \return the credentials for a peer from the PAD (empty PSK if it has none)
    virtual Ikev2Credentials GetCredentials(const Ipv6Address& peer) const = 0;
    /// \return the node's random source (SPIs, nonces, DH values)
    virtual Ptr<CryptoRandom> GetRandom() const = 0;
    /// \return the node's SPD
    virtual Ptr<IpsecSpd> GetSpd() const = 0;
    /// \return the node's PAD (who may run IKEv2 with us)
    virtual Ptr<IpsecPad> GetPad() const = 0;
    /// \return the node's PF_KEY (SPIs, SAs)
    virtual Ptr<IpsecPfKey> GetPfKey() const = 0;
    /// \return the daemon's IKE SAs
    virtual Ikev2SaTable& GetTable() = 0;
    /// \return the daemon's messenger: encoding, SK protection, costs, window
    virtual Ikev2Messenger& GetMessenger() = 0;
    /// \return where the EAP server of our responder runs, or nullptr (no EAP, §2.16)
    virtual Ptr<Ikev2EapBackend> GetEapBackend() const = 0;

    // ---- Requests of ours
    /**
     * \brief Sends a request of ours, retransmitted until answered (§2.1); an unanswered one
     * ends the IKE SA (§2.4).
     * \param sa the IKE SA
     * \param kind routes the answer
     * \param bytes the message
     */
    virtual void SendRequest(Ikev2Sa& sa, Request kind, const std::vector<uint8_t>& bytes) = 0;
    /// Our request was answered: the window is free for the next one. \param spi our SPI
    virtual void RequestDone(uint64_t spi) = 0;
    /// Books the work of the step so far (priced by the meter) on the node's clock, with no
    /// message: a check that must be done before what follows counts.
    virtual void BookWork() = 0;

    // ---- Bookkeeping and traces
    /// Fires StateTransition if an exchange changed the SA's state from \p before.
    virtual void NoteState(Ikev2Sa& sa, Ikev2State before) = 0;
    /// The SA has its SK_* keys: the IkeSaKeys trace.
    virtual void NoteKeys(const Ikev2Sa& sa) = 0;
    /// The IKE SA is authenticated: Established trace, then the CHILD_SAs waiting for it.
    virtual void NoteEstablished(Ikev2Sa& sa) = 0;
    /**
     * \brief EAP in IKE_AUTH succeeded (§2.16): the initiator's EapPeer got EAP-Success, or the
     * responder's backend accepted; the EapSuccess trace.
     * \param sa the SA
     * \param msk the MSK (empty: the final AUTHs are keyed by SK_pi and SK_pr)
     */
    virtual void NoteEapSuccess(const Ikev2Sa& sa, const std::vector<uint8_t>& msk) = 0;
    /// Fails an SA: traces, stops its retransmission; it is removed after its answers.
    virtual void Fail(Ikev2Sa& sa, const std::string& reason) = 0;
    /// Traces a failure that leaves the SA as it is (a CHILD_SA refused, a rekey failed).
    virtual void TraceFailure(const Ipv6Address& peer, const std::string& reason) = 0;
    /// Counts and traces a discarded message or a refused request.
    virtual void Discard(const Ipv6Address& peer, const std::string& reason) = 0;
    /**
     * \brief Installs a CHILD_SA's ESP SAs through PF_KEY after the work booked so far and
     * records it in the SA, with the configured lifetime.
     * \param sa the IKE SA
     * \param child the CHILD_SA (SPIs, selectors, rule ids)
     * \param keys its keys
     * \param exchangeInitiator we initiated the exchange that made it (its
     *        initiator-to-responder keys are our outbound ones)
     * \param outbound false to install the inbound SA only and keep the outbound one for
     *        InstallOutbound() (the responder of a CHILD_SA rekey, until the old one is deleted)
     * \param installed called once the SAs are in the SAD (may be empty)
     */
    virtual void InstallChild(Ikev2Sa& sa,
                              Ikev2ChildSa& child,
                              const Ikev2ChildKeys& keys,
                              bool exchangeInitiator,
                              bool outbound = true,
                              std::function<void()> installed = nullptr) = 0;
    /// Installs the outbound SA kept back by InstallChild(). \param sa the IKE SA
    /// \param inboundSpi the CHILD_SA's key in sa.children
    virtual void InstallOutbound(const Ikev2Sa& sa, uint32_t inboundSpi) = 0;
    /// Removes CHILD_SAs' ESP SAs from the SAD. \param sa the IKE SA \param children the
    /// CHILD_SAs gone
    virtual void UninstallChildren(const Ikev2Sa& sa,
                                   const std::vector<Ikev2ChildSa>& children) = 0;
    /// Keeps a finished SA (FAILED, DELETED, half-open) until the peer may have stopped
    /// retransmitting to it, then forgets it. \param spi our SPI
    virtual void KeepUntilQuiet(uint64_t spi) = 0;
    /// Forgets an IKE SA and everything pending on it. \param spi our SPI
    virtual void RemoveSa(uint64_t spi) = 0;
};

} // namespace ns3

#endif // IKEV2_SERVICES_H
