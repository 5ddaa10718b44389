/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "handover-security-ikev2.h"

#include "aaa-helper.h"
#include "ikev2-helper.h"

#include "ns3/abort.h"
#include "ns3/crypto-certificate-authority.h"
#include "ns3/eap-server.h"
#include "ns3/eap-subscriber-database.h"
#include "ns3/ikev2-daemon.h"
#include "ns3/ipsec-credential-store.h"
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
    : HandoverSecurityIkev2("")
{
}

HandoverSecurityIkev2::HandoverSecurityIkev2(const std::string& eap)
    : m_certificates(false),
      m_eap(eap),
      m_radiusSecret("cxtp-radius-secret"),
      m_intermediates(1),
      m_rsaBits(2048),
      m_ikeProposals("aes128-sha256-modp2048"),
      m_issuer(0)
{
}

std::string
HandoverSecurityIkev2::GetName() const
{
    return m_eap.empty() ? "ikev2" : "ikev2-eap-" + m_eap;
}

bool
HandoverSecurityIkev2::NeedsAaaServer() const
{
    return !m_eap.empty();
}

EapCredentials
HandoverSecurityIkev2::MakeSubscription()
{
    return AaaHelper::MakeSubscriber(m_eap,
                                     EAP_IDENTITY,
                                     GetTopology().mobileNode,
                                     {m_ca->GetRootCertificate()});
}

void
HandoverSecurityIkev2::Install(const Topology& topology)
{
    HandoverSecurityIke::Install(topology);
    if (m_eap.empty())
    {
        return;
    }
    NS_ABORT_MSG_IF(!topology.aaaServer ||
                        topology.gatewayCoreAddresses.size() != topology.gateways.size(),
                    GetName() << ": the topology has no AAA server");
    Ptr<EapSubscriberDatabase> database = CreateObject<EapSubscriberDatabase>();
    AaaHelper::AddSubscriber(database, MakeSubscription());
    AaaHelper aaa;
    aaa.SetSecret(m_radiusSecret);
    aaa.SetCostProfile(GetProfile());
    Ptr<AaaServer> server = aaa.InstallServer(topology.aaaServer, database);
    if (m_eap == "tls")
    {
        server->SetEapServerConfig(AaaHelper::MakeTlsServerConfig(*m_ca, m_issuer));
    }
    for (uint32_t link = 0; link < topology.gateways.size(); ++link)
    {
        aaa.InstallClient(topology.gateways[link],
                          topology.gatewayCoreAddresses[link],
                          server,
                          topology.aaaAddress);
    }
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
    if (!m_eap.empty())
    {
        // RFC 7296 §2.16: the gateways prove themselves with certificates, the MN with EAP.
        IssueCertificates(node);
        if (node == GetTopology().mobileNode)
        {
            Ikev2Helper::AddEapClient(node,
                                      peer,
                                      Ipv6Prefix(128),
                                      {m_ca->GetRootCertificate()},
                                      MakeSubscription());
        }
        else
        {
            Ikev2Helper::AddEapPeer(node, peer, Ipv6Prefix(128));
        }
        return;
    }
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
