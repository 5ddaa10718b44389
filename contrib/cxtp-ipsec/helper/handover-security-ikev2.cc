/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "handover-security-ikev2.h"

#include "ikev2-helper.h"

#include "ns3/abort.h"
#include "ns3/crypto-certificate-authority.h"
#include "ns3/ikev2-daemon.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(HandoverSecurityIkev2);

TypeId
HandoverSecurityIkev2::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::HandoverSecurityIkev2")
            .SetParent<HandoverSecurityIke>()
            .SetGroupName("CxtpIpsec")
            .AddConstructor<HandoverSecurityIkev2>()
            .AddAttribute("Auth",
                          "How the MN and the gateways authenticate: psk (RFC 7296 §2.15) or "
                          "cert (RSA signatures, X.509 certificates of a CA made at Install).",
                          StringValue("psk"),
                          MakeStringAccessor(&HandoverSecurityIkev2::SetAuth,
                                             &HandoverSecurityIkev2::GetAuth),
                          MakeStringChecker())
            .AddAttribute("Intermediates",
                          "Auth cert: CAs between the root and the end entities (each end "
                          "sends its certificate and these).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&HandoverSecurityIkev2::m_intermediates),
                          MakeUintegerChecker<uint32_t>(0, 4))
            .AddAttribute("RsaBits",
                          "Auth cert: RSA modulus of every key.",
                          UintegerValue(2048),
                          MakeUintegerAccessor(&HandoverSecurityIkev2::m_rsaBits),
                          MakeUintegerChecker<uint32_t>(1024, 4096))
            .AddAttribute("IkeProposals",
                          "IKE SA proposals of every daemon (Ikev2Daemon::IkeProposals).",
                          StringValue("aes128-sha256-modp2048"),
                          MakeStringAccessor(&HandoverSecurityIkev2::m_ikeProposals),
                          MakeStringChecker())
            .AddAttribute("EspProposals",
                          "CHILD_SA proposals of every daemon (Ikev2Daemon::EspProposals; "
                          "empty: the SPD rule's pair, from Encryption and Integrity).",
                          StringValue(""),
                          MakeStringAccessor(&HandoverSecurityIkev2::m_espProposals),
                          MakeStringChecker());
    return tid;
}

HandoverSecurityIkev2::HandoverSecurityIkev2()
    : m_certificates(false),
      m_intermediates(1),
      m_rsaBits(2048),
      m_ikeProposals("aes128-sha256-modp2048"),
      m_issuer(0)
{
}

std::string
HandoverSecurityIkev2::GetName() const
{
    return "ikev2";
}

void
HandoverSecurityIkev2::SetAuth(std::string auth)
{
    NS_ABORT_MSG_IF(auth != "psk" && auth != "cert",
                    "HandoverSecurityIkev2::Auth: '" << auth << "' is not psk or cert");
    m_certificates = auth == "cert";
}

std::string
HandoverSecurityIkev2::GetAuth() const
{
    return m_certificates ? "cert" : "psk";
}

std::unique_ptr<IkeHelper>
HandoverSecurityIkev2::ConfigureDaemons() const
{
    auto ike = std::make_unique<Ikev2Helper>();
    ike->SetAttribute("IkeProposals", StringValue(m_ikeProposals));
    ike->SetAttribute("EspProposals", StringValue(m_espProposals));
    return ike;
}

void
HandoverSecurityIkev2::Authorize(const IkeHelper& ike, Ptr<Node> node, const Ipv6Address& peer)
{
    if (!m_certificates)
    {
        HandoverSecurityIke::Authorize(ike, node, peer);
        return;
    }
    IssueCertificates(node);
    Ikev2Helper::AddCertificatePeer(node, peer, Ipv6Prefix(128), {m_ca->GetRootCertificate()});
}

void
HandoverSecurityIkev2::IssueCertificates(Ptr<Node> node)
{
    if (!m_ca)
    {
        m_ca = Ikev2Helper::MakeCertificateAuthority(m_rsaBits, m_intermediates, m_issuer);
    }
    Ikev2Helper::IssueCertificate(node, *m_ca, m_issuer);
}

void
HandoverSecurityIkev2::Negotiate(Ptr<Application> mnDaemon, uint32_t rule)
{
    DynamicCast<Ikev2Daemon>(mnDaemon)->Initiate(rule);
}

void
HandoverSecurityIkev2::Purge(Ptr<Application> daemon, const Ipv6Address& peer)
{
    DynamicCast<Ikev2Daemon>(daemon)->Purge(peer);
}

} // namespace ns3
