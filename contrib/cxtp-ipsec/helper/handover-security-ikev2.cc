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
    EapCredentials s;
    s.identity = EAP_IDENTITY;
    if (m_eap == "md5")
    {
        s.method = EapType::MD5_CHALLENGE;
        const std::string password = "cxtp-eap-md5-password";
        s.password.assign(password.begin(), password.end());
    }
    else if (m_eap == "aka")
    {
        // K and OPc of 3GPP TS 35.208 §4.3 test set 1: a USIM and its AuC entry.
        s.method = EapType::AKA;
        s.akaK = {0x46,
                  0x5b,
                  0x5c,
                  0xe8,
                  0xb1,
                  0x99,
                  0xb4,
                  0x9f,
                  0xaa,
                  0x5f,
                  0x0a,
                  0x2e,
                  0xe2,
                  0x38,
                  0xa6,
                  0xbc};
        s.akaOpc = {0xcd,
                    0x63,
                    0xcb,
                    0x71,
                    0x95,
                    0x4a,
                    0x9f,
                    0x4e,
                    0x48,
                    0xa5,
                    0x99,
                    0x4e,
                    0x37,
                    0xa0,
                    0x2b,
                    0xaf};
        s.akaSqn = 1;
    }
    else
    {
        s.method = EapType::TLS;
        Ptr<IpsecCredentialStore> store = IpsecCredentialStore::Get(GetTopology().mobileNode);
        s.tlsChain = store->GetCertificateChain();
        s.tlsPrivateKey = store->GetPrivateKey();
        s.tlsTrustAnchors = {m_ca->GetRootCertificate()};
    }
    return s;
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
    database->Add(MakeSubscription());
    AaaHelper aaa;
    aaa.SetSecret(m_radiusSecret);
    aaa.SetCostProfile(GetProfile());
    Ptr<AaaServer> server = aaa.InstallServer(topology.aaaServer, database);
    if (m_eap == "tls")
    {
        EapServerConfig config;
        CryptoCertificateAuthority::Issued issued = m_ca->IssueEndEntity("aaa server", m_issuer);
        config.tlsChain = issued.chain;
        config.tlsPrivateKey = issued.key.privateKeyDer;
        config.tlsTrustAnchors = {m_ca->GetRootCertificate()};
        server->SetEapServerConfig(config);
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
