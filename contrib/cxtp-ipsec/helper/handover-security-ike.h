/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef HANDOVER_SECURITY_IKE_H
#define HANDOVER_SECURITY_IKE_H

#include "handover-security-method.h"

#include "ns3/application-container.h"

#include <map>
#include <memory>
#include <set>

namespace ns3
{

class IkeHelper;

/**
 * \ingroup cxtp-ipsec
 * \brief What the full-negotiation methods share, whatever the IKE version: one daemon on the
 * MN and a passive one on each gateway, one pre-shared key per MN–gateway pair, and t_sec when
 * both ends of a link have installed their ESP pair (the daemons' Installed trace).
 *
 * A subclass configures its helper (ConfigureDaemons) and tells its MN daemon to negotiate for
 * a rule (Negotiate) and both ends to forget a pair (Forget).
 */
class HandoverSecurityIke : public HandoverSecurityMethod
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    HandoverSecurityIke();
    ~HandoverSecurityIke() override;

    void Install(const Topology& topology) override;
    /// At t_coa the MN's daemon negotiates for the new link's PROTECT rule (a daemon would get
    /// the same request from the ACQUIRE of the next packet).
    void Attach(uint32_t link, const Ipv6Address& coa) override;
    /**
     * \brief The MN left the link: both ends forget their IKE and IPsec state of the pair
     * without signalling, so each visit is a first contact.
     *
     * The MN's care-of address went away with the link, and the gateway drops a departed MN;
     * a daemon keeping the IKE SA would instead answer a return with a CHILD_SA exchange alone.
     * \param link the link left
     */
    void Detach(uint32_t link) override;
    /// \return the daemons: the MN's first, then one per gateway
    ApplicationContainer GetDaemons() const override;

  protected:
    void DoDispose() override;
    /**
     * \param link a link
     * \return the MN's outbound PROTECT rule towards the link's gateway now: the one made at
     *         Install, or the one that replaced it (a context transfer re-adds the MN's rules)
     */
    uint32_t FindMobileRule(uint32_t link) const;
    /// \return the daemons' cost profile
    const std::string& GetProfile() const;
    /// \return the pre-shared key of every MN–gateway pair
    const std::string& GetPreSharedKey() const;

    /**
     * \brief Adds the PAD entry by which \p node authorises \p peer (RFC 4301 §4.4.3); by
     * default the pre-shared key of every pair.
     * \param ike the helper (its IKE version)
     * \param node the node
     * \param peer the peer's address
     */
    virtual void Authorize(const IkeHelper& ike, Ptr<Node> node, const Ipv6Address& peer);

  private:
    /**
     * \brief Makes the helper with the version's daemon and its attributes.
     * \return the helper; Install() adds the PAD entries and installs the daemons with it
     */
    virtual std::unique_ptr<IkeHelper> ConfigureDaemons() const = 0;
    /**
     * \param mnDaemon the MN's daemon
     * \param rule the MN's outbound rule to negotiate for
     */
    virtual void Negotiate(Ptr<Application> mnDaemon, uint32_t rule) = 0;
    /**
     * \brief Forgets every SA with a peer without telling it.
     * \param daemon a daemon
     * \param peer the peer
     */
    virtual void Purge(Ptr<Application> daemon, const Ipv6Address& peer) = 0;
    /// Installed trace of a daemon: counts the ends that installed a link's pair.
    void Installed(uint32_t node, const Ipv6Address& peer, uint32_t inSpi, uint32_t outSpi);

    std::string m_profile;          ///< cost profile
    std::string m_psk;              ///< pre-shared key of every MN–gateway pair
    ApplicationContainer m_daemons; ///< MN, then the gateways
    std::map<uint32_t, std::set<uint32_t>> m_installedEnds; ///< per link: nodes with the pair
};

} // namespace ns3

#endif // HANDOVER_SECURITY_IKE_H
