/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CXTP_CONTEXT_INSTALLER_H
#define CXTP_CONTEXT_INSTALLER_H

#include "cxtp-context.h"
#include "ike-sa-transfer.h"
#include "ike-spi-update.h"

#include "ns3/callback.h"
#include "ns3/ipv6-address.h"
#include "ns3/ptr.h"
#include "ns3/random-variable-stream.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

class Application;
class CxtpTunnelRewriter;
struct IpsecSecurityAssociation;

/**
 * \ingroup cxtp-ipsec
 * \brief The new gateway's side of a context transfer (RFC 4067 §2.1.1): installs the verified
 * contexts of a mobile node and, after an SPI collision, has the transferred IKE SA announce
 * the new SPIs (UPDATE_SPI). Part of CxtpAgent, which owns it, verifies the token before and
 * answers pSG (CTDR) and the MN (CTAA) after.
 *
 * <b>Installation</b> (Install()), after ContextInstallation() per block on the node's
 * processor (CryptoCostModel, IpsecWorkClock), with the agent's settings of that moment:
 * - the SPD_ENTRY, SAD_ENTRY and PAD_ENTRY blocks are decoded (CxtpContextCodec); the first
 *   block of the IKE daemon's profile (IkeSaTransfer::GetContextProfile) is kept unread for the
 *   daemon; other profiles are ignored. A malformed block, or no SA at all, fails the transfer;
 * - SPI collisions: if an inbound SPI is in use here (IpsecPfKey::IsSpiInUse), "SpiCollision"
 *   is reported and, with a transferred IKE SA, the SA takes a fresh SPI (IpsecPfKey::GetSpi)
 *   and an ESP entry (old SPI -> new SPI) is kept for UPDATE_SPI. Without an IKE SA there is no
 *   protected channel to the MN: the transfer fails ("spi collision"). For experiments the
 *   first transferred inbound SPI can be occupied first by another peer's SA (Settings);
 * - the tunnel endpoints are rewritten: outer local = our address on the MN's link, outer
 *   remote = the new CoA, a selector /128 equal to the previous address becomes the new CoA,
 *   rules get fresh ids (or the id of an equivalent rule the node has, CxtpTunnelRewriter),
 *   outbound SAs advance their sequence counter by Settings::sequenceJump, and a PAD entry for
 *   the previous address is moved to the new CoA;
 * - the IKE block goes to the node's daemon (IkeSaTransfer::ImportSa) with local = our address,
 *   peer = the new CoA, and the Rewrite of rule ids and inbound SPIs. An IKE SA whose
 *   identifier collides takes a fresh one, reported as "SpiCollision" with its first 4 octets;
 * - rules (but those the node already has) and SAs are installed through PF_KEY (the SAs with
 *   their current lifetime), the PAD entry directly (the PAD has no PF_KEY interface), and the
 *   outcome is reported once every PF_KEY request has completed.
 *
 * <b>UPDATE_SPI.</b> An installation that changed SPIs is pending until the agent, having
 * answered pSG, calls SendSpiUpdates(): the daemon announces the entries to the MN under the
 * transferred IKE SA (IkeSaTransfer::SendSpiUpdates) and the outcome is reported when the MN
 * acknowledges or the daemon gives up.
 */
class CxtpContextInstaller
{
  public:
    /// One MN's installation, as nSG sees it.
    struct Transfer
    {
        Ipv6Address previous; ///< the MN's previous address (its CoA at pSG)
        Ipv6Address newCoa;   ///< the MN's new CoA (the CTAR's source)
        Ipv6Address local;    ///< our address on the MN's link
    };

    /// The agent's attributes that shape an installation.
    struct Settings
    {
        uint64_t sequenceJump{0};                ///< added to outbound sequence counters
        bool forceSpiCollision{false};           ///< occupy the first inbound SPI always
        double collisionProbability{0.0};        ///< ... or with this probability
        Ptr<UniformRandomVariable> collisionRng; ///< the stream of that draw
    };

    /// The agent's settings, read when an installation starts.
    using SettingsCallback = Callback<Settings>;
    /**
     * End of an installation: an empty error on success, otherwise the reason and a
     * CxtpAgent::Status for the CTDR/CTAA entries; the number of SAs installed.
     */
    using DoneCallback = Callback<void, std::string, uint8_t, uint32_t>;
    /// An inbound SPI (or an IKE SA identifier's first word) collides: previous address, value.
    using CollisionCallback = Callback<void, Ipv6Address, uint32_t>;
    /// A problem that does not fail the transfer: previous address and reason.
    using WarningCallback = Callback<void, Ipv6Address, std::string>;
    /**
     * End of UPDATE_SPI: the MN's previous address, acknowledged (true) or not, the number of
     * entries, the number of SAs installed.
     */
    using SpiUpdateCallback = Callback<void, Ipv6Address, bool, uint32_t, uint32_t>;

    /**
     * \param application the agent whose node's SAD, SPD, PAD, PF_KEY and IKE daemon are used
     * \param rewriter the agent's rule ids
     */
    CxtpContextInstaller(const Application& application, CxtpTunnelRewriter& rewriter);

    /**
     * \param settings the agent's settings
     * \param collision SPI collisions
     * \param warning problems that do not fail the transfer
     * \param spiUpdated ends of UPDATE_SPI
     */
    void SetCallbacks(SettingsCallback settings,
                      CollisionCallback collision,
                      WarningCallback warning,
                      SpiUpdateCallback spiUpdated);

    /**
     * \brief Installs the contexts (see the class description) once the node's processor has
     * spent ContextInstallation() per block on them (CryptoCostModel, IpsecWorkClock).
     * \param transfer the addresses of the transfer
     * \param blocks the verified contexts
     * \param done called once: after that cost on a failure found before PF_KEY, else when
     *        every PF_KEY request has completed
     */
    void Install(const Transfer& transfer, std::vector<CxtpContextBlock> blocks, DoneCallback done);

    /**
     * \param newCoa the MN's new CoA
     * \param previous its previous address
     * \return true if the installation of that transfer waits for UPDATE_SPI
     */
    bool IsUpdatingSpis(Ipv6Address newCoa, Ipv6Address previous) const;

    /// \param newCoa the MN's new CoA: its installation failed, no UPDATE_SPI
    void CancelSpiUpdates(Ipv6Address newCoa);

    /**
     * \brief Has the IKE daemon announce the new SPIs of a pending installation; the
     * SpiUpdateCallback follows (at once, unacknowledged, if the IKE SA has gone meanwhile).
     * \param newCoa the MN's new CoA
     */
    void SendSpiUpdates(Ipv6Address newCoa);

    /// Forgets every pending UPDATE_SPI.
    void Clear();

  private:
    struct Contexts;

    /// A transfer installed, waiting for the MN's UPDATE_SPI_ACK.
    struct SpiUpdate
    {
        Ipv6Address previous;              ///< the MN's previous address
        IkeSaTransfer::Handle ikeSa{0};    ///< the IKE SA here
        std::vector<IkeSpiUpdate> entries; ///< what changed
        uint32_t sas{0};                   ///< SAs installed
    };

    /**
     * \brief Decodes, checks, rewrites and installs the contexts, after their cost.
     * \param transfer the addresses of the transfer
     * \param blocks the contexts
     * \param done the installation's end
     */
    void DoInstall(const Transfer& transfer,
                   const std::vector<CxtpContextBlock>& blocks,
                   DoneCallback done);
    /**
     * \param blocks the transferred blocks
     * \param [out] contexts the decoded rules, SAs and PAD entries, and the IKE block
     * \return false if a block is malformed
     */
    bool Decode(const std::vector<CxtpContextBlock>& blocks, Contexts& contexts) const;
    /**
     * \brief Occupies the SPI of the first inbound SA with a dummy SA of another peer if the
     * settings say so (ForceSpiCollision, or the SpiCollisionProbability draw).
     * \param sas the transferred SAs
     * \param settings the settings
     */
    void MaybeOccupySpi(const std::vector<IpsecSecurityAssociation>& sas, const Settings& settings);
    /**
     * \brief Gives every colliding inbound SA a fresh SPI and records the UPDATE_SPI entry.
     * \param previous the MN's previous address
     * \param [in,out] contexts the contexts
     * \return false if an SPI collides and there is no IKE SA to announce a new one
     */
    bool ResolveCollisions(Ipv6Address previous, Contexts& contexts);
    /// \param contexts the contexts whose fresh inbound SPIs are given back
    void ReleaseSpis(const Contexts& contexts);
    /**
     * \brief Rewrites the tunnel endpoints of the rules, SAs and PAD entries for the MN's move.
     * \param transfer the addresses
     * \param sequenceJump added to the outbound sequence counters
     * \param [in,out] contexts the contexts; their Rewrite gets the new rule ids
     */
    void Rewrite(const Transfer& transfer, uint64_t sequenceJump, Contexts& contexts);
    /**
     * \param contexts the rewritten contexts
     * \return empty if every rule and SA is valid, else the first problem
     */
    static std::string Validate(const Contexts& contexts);
    /**
     * \brief Has the IKE daemon import the transferred IKE SA and, if SPIs changed, records the
     * UPDATE_SPI to send.
     * \param transfer the addresses
     * \param [in,out] contexts the contexts
     * \return empty, or why the transfer fails (the IKE SA was refused and SPIs changed)
     */
    std::string ImportIkeSa(const Transfer& transfer, Contexts& contexts);
    /**
     * \brief Installs the rules, SAs and PAD entries; \p done follows the last PF_KEY request.
     * \param transfer the addresses
     * \param contexts the rewritten contexts
     * \param done the installation's end
     */
    void Apply(const Transfer& transfer, const Contexts& contexts, DoneCallback done);
    /**
     * \brief The IKE daemon's UPDATE_SPI completed.
     * \param newCoa the MN's new CoA
     * \param success acknowledged
     */
    void SpiUpdatesDone(Ipv6Address newCoa, bool success);

    const Application& m_application;              ///< the agent, for its node
    CxtpTunnelRewriter& m_rewriter;                ///< rule ids
    SettingsCallback m_settings;                   ///< the agent's settings
    CollisionCallback m_collision;                 ///< SPI collisions
    WarningCallback m_warning;                     ///< non-fatal problems
    SpiUpdateCallback m_spiUpdated;                ///< UPDATE_SPI outcomes
    std::map<Ipv6Address, SpiUpdate> m_spiUpdates; ///< pending, by the MN's new CoA
};

} // namespace ns3

#endif // CXTP_CONTEXT_INSTALLER_H
