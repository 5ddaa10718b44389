/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef HANDOVER_SECURITY_IKEV1_H
#define HANDOVER_SECURITY_IKEV1_H

#include "handover-security-ike.h"

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Security methods "ikev1-main" and "ikev1-aggressive": after each move the MN
 * negotiates a new SA pair with the new gateway by a full IKEv1 exchange (racoon-like
 * Ikev1Daemon on the MN; passive daemons on the gateways; pre-shared keys).
 *
 * The daemons are configured as one racoon.conf for every row of the reproduction: 3DES-CBC,
 * SHA-1, PSK, MODP-1024 in phase 1; ESP with the SPD rule's pair, PFS with MODP-768 (PfsGroup,
 * racoon's sample pfs_group 1); no DPD vendor ID; INITIAL-CONTACT; quick-mode IDs (tunnel
 * mode). doc/cxtp-ipsec.rst, "Message counts and sizes", derives the resulting frames and
 * bytes on the access link message by message.
 *
 * At t_coa the MN's daemon is asked to negotiate for the new link's PROTECT rule (racoon would
 * get the same request from the ACQUIRE of the next packet). t_sec is when both ends have
 * installed the pair. The daemons' costs come from the profile named by the Profile attribute.
 */
class HandoverSecurityIkev1 : public HandoverSecurityIke
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    /**
     * \param aggressive aggressive mode instead of main mode for phase 1
     */
    explicit HandoverSecurityIkev1(bool aggressive = false);
    std::string GetName() const override;

  private:
    std::unique_ptr<IkeHelper> ConfigureDaemons() const override;
    void Negotiate(Ptr<Application> mnDaemon, uint32_t rule) override;
    void Purge(Ptr<Application> daemon, const Ipv6Address& peer) override;

    bool m_aggressive;             ///< phase-1 mode
    bool m_pfs;                    ///< PFS in quick mode
    uint16_t m_pfsGroup;           ///< PFS group (0 = the phase-1 group)
    bool m_dpdVendorId;            ///< DPD vendor ID in the first phase-1 messages
    std::string m_phase1Proposals; ///< phase-1 transforms (empty: the daemon's single one)
    std::string m_espTransforms;   ///< ESP transforms (empty: the SPD rule's pair)
};

} // namespace ns3

#endif // HANDOVER_SECURITY_IKEV1_H
