/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef HANDOVER_SECURITY_IKEV2_H
#define HANDOVER_SECURITY_IKEV2_H

#include "handover-security-ike.h"

#include <cstdint>
#include <memory>

namespace ns3
{

class CryptoCertificateAuthority;

/**
 * \ingroup cxtp-ipsec
 * \brief Security method "ikev2": after each move the MN negotiates a new CHILD_SA with the new
 * gateway by a full IKEv2 exchange, IKE_SA_INIT then IKE_AUTH with the first CHILD_SA (RFC 7296
 * §1.2): four messages, two round trips (charon-like Ikev2Daemon on the MN; passive daemons on
 * the gateways).
 *
 * Authentication (Auth): "psk", a pre-shared key per pair (§2.15), or "cert", RSA signatures
 * with X.509 certificates that a CA made at Install time issues to the MN and every gateway
 * (root -> Intermediates CAs -> end entity; each end sends its chain below the root in CERT
 * payloads and asks for the other's with CERTREQ, so the chain's size is in the messages).
 *
 * At t_coa the MN's daemon is asked to negotiate for the new link's PROTECT rule; t_sec is when
 * both ends have installed the CHILD_SA. The daemons' costs come from the profile named by the
 * Profile attribute.
 */
class HandoverSecurityIkev2 : public HandoverSecurityIke
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    HandoverSecurityIkev2();
    std::string GetName() const override;

  protected:
    void Authorize(const IkeHelper& ike, Ptr<Node> node, const Ipv6Address& peer) override;

  private:
    std::unique_ptr<IkeHelper> ConfigureDaemons() const override;
    void Negotiate(Ptr<Application> mnDaemon, uint32_t rule) override;
    void Purge(Ptr<Application> daemon, const Ipv6Address& peer) override;
    /// Sets the Auth attribute ("psk" or "cert"). \param auth the method
    void SetAuth(std::string auth);
    /// \return the Auth attribute
    std::string GetAuth() const;
    /// Makes the CA and gives each node without one its certificate (Auth "cert").
    void IssueCertificates(Ptr<Node> node);

    bool m_certificates;        ///< Auth "cert"
    uint32_t m_intermediates;   ///< CAs between the root and the end entities
    uint32_t m_rsaBits;         ///< RSA modulus of every key
    std::string m_ikeProposals; ///< the daemons' IkeProposals
    std::string m_espProposals; ///< the daemons' EspProposals (empty: the rule's pair)
    std::shared_ptr<CryptoCertificateAuthority> m_ca; ///< Auth "cert": the CA, once made
    uint32_t m_issuer;                                ///< the CA that issues end entities
};

} // namespace ns3

#endif // HANDOVER_SECURITY_IKEV2_H
