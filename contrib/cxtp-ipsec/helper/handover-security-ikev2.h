/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef HANDOVER_SECURITY_IKEV2_H
#define HANDOVER_SECURITY_IKEV2_H

#include "handover-security-ike.h"

#include "ns3/eap-credentials.h"

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
 * EAP (methods "ikev2-eap-md5", "ikev2-eap-aka", "ikev2-eap-tls"; RFC 7296 §2.16): the MN
 * authenticates with EAP through the gateway to an AaaServer in the core (RADIUS, RFC 3579),
 * whose subscriber database holds the MN's credentials; the gateways authenticate with
 * certificates (Auth does not apply). Every EAP round trip crosses the core to the AAA server.
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
    /// \param eap the EAP method of the MN: "md5", "aka" or "tls" (empty: no EAP)
    explicit HandoverSecurityIkev2(const std::string& eap);
    std::string GetName() const override;
    bool NeedsAaaServer() const override;
    void Install(const Topology& topology) override;

    /// The MN's EAP identity (an NAI, RFC 7542).
    static constexpr const char* EAP_IDENTITY = "mobile@cxtp.example";

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
    /// \return the MN's EAP subscription for the method (the MN's and the database's)
    EapCredentials MakeSubscription();

    bool m_certificates;        ///< Auth "cert"
    std::string m_eap;          ///< the MN's EAP method ("md5", "aka", "tls"), or empty
    std::string m_radiusSecret; ///< the secret the gateways share with the AAA server
    uint32_t m_intermediates;   ///< CAs between the root and the end entities
    uint32_t m_rsaBits;         ///< RSA modulus of every key
    std::string m_ikeProposals; ///< the daemons' IkeProposals
    std::string m_espProposals; ///< the daemons' EspProposals (empty: the rule's pair)
    std::shared_ptr<CryptoCertificateAuthority> m_ca; ///< Auth "cert": the CA, once made
    uint32_t m_issuer;                                ///< the CA that issues end entities
};

} // namespace ns3

#endif // HANDOVER_SECURITY_IKEV2_H
