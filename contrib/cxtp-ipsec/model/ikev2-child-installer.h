/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_CHILD_INSTALLER_H
#define IKEV2_CHILD_INSTALLER_H

#include "ikev2-sa.h"
#include "ipsec-security-association.h"

#include "ns3/callback.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

class IpsecPfKey;
class IpsecWorkClock;
struct Ikev2ChildKeys;

/**
 * \ingroup cxtp-ipsec
 * \brief The IKEv2 daemon's side of PF_KEY (RFC 2367), as charon's kernel interface: turns a
 * negotiated CHILD_SA into its pair of ESP SAs (Ikev2ChildSaMapping), installs them once the
 * daemon's booked work is done (IkeSaPairInstaller), holds back the outbound SA of a rekey's
 * responder until the old CHILD_SA goes (RFC 7296 §2.8), and removes CHILD_SAs' SAs.
 */
class Ikev2ChildInstaller
{
  public:
    /// Both ESP SAs of a CHILD_SA are installed: peer, inbound SPI, outbound SPI.
    using InstalledCallback = Callback<void, const Ipv6Address&, uint32_t, uint32_t>;
    /// A CHILD_SA could not be installed: peer, reason.
    using FailureCallback = Callback<void, const Ipv6Address&, const std::string&>;

    /**
     * \param pfKey the node's PF_KEY
     * \param clock the node's processor
     * \param installed called when both SAs of a CHILD_SA are in the SAD
     * \param failure called when an installation fails
     */
    void SetUp(Ptr<IpsecPfKey> pfKey,
               Ptr<IpsecWorkClock> clock,
               InstalledCallback installed,
               FailureCallback failure);
    /// Forgets the held SAs and drops the references.
    void Dispose();

    /**
     * \brief Installs a CHILD_SA's ESP SAs once \p work is done on the node's processor, and
     * enters the CHILD_SA in sa.children.
     * \param sa the IKE SA
     * \param child the CHILD_SA (its lifetime set by the caller)
     * \param keys its keys
     * \param exchangeInitiator whether we initiated the exchange that made it
     * \param outbound whether to install the outbound SA now, or hold it for InstallOutbound()
     * \param work the work booked before the SAs may go in (the step's answer included)
     * \param installed called once the SAs are in, or nullptr
     */
    void Install(Ikev2Sa& sa,
                 Ikev2ChildSa& child,
                 const Ikev2ChildKeys& keys,
                 bool exchangeInitiator,
                 bool outbound,
                 Time work,
                 std::function<void()> installed);
    /**
     * \brief Installs the outbound SA held back by Install().
     * \param sa the IKE SA
     * \param inboundSpi the CHILD_SA's key in sa.children
     * \param work the work booked before it may go in
     */
    void InstallOutbound(const Ikev2Sa& sa, uint32_t inboundSpi, Time work);
    /// Removes CHILD_SAs' ESP SAs from the SAD. \param sa the IKE SA \param children the
    /// CHILD_SAs gone
    void Uninstall(const Ikev2Sa& sa, const std::vector<Ikev2ChildSa>& children);

  private:
    Ptr<IpsecPfKey> m_pfKey;                                     ///< the node's PF_KEY
    Ptr<IpsecWorkClock> m_clock;                                 ///< the node's processor
    InstalledCallback m_installed;                               ///< both SAs are in
    FailureCallback m_failure;                                   ///< an installation failed
    std::map<uint32_t, IpsecSecurityAssociation> m_heldOutbound; ///< by the inbound SPI
};

} // namespace ns3

#endif // IKEV2_CHILD_INSTALLER_H
