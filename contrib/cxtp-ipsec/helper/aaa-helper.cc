/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "aaa-helper.h"

#include "ipsec-helper.h"

#include "ns3/abort.h"
#include "ns3/crypto-certificate-authority.h"
#include "ns3/crypto-cost-model.h"
#include "ns3/eap-subscriber-database.h"
#include "ns3/ipsec-credential-store.h"
#include "ns3/ipsec-spd.h"
#include "ns3/ipsec-traffic-selector.h"
#include "ns3/ipv6-address.h"
#include "ns3/node.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

AaaHelper::AaaHelper()
{
    m_serverFactory.SetTypeId(AaaServer::GetTypeId());
    m_clientFactory.SetTypeId(RadiusClient::GetTypeId());
}

void
AaaHelper::SetSecret(const std::string& secret)
{
    m_secret = secret;
}

void
AaaHelper::SetServerAttribute(const std::string& name, const AttributeValue& value)
{
    m_serverFactory.Set(name, value);
}

void
AaaHelper::SetClientAttribute(const std::string& name, const AttributeValue& value)
{
    m_clientFactory.Set(name, value);
}

void
AaaHelper::SetCostProfile(const std::string& profile)
{
    m_profile = profile;
}

void
AaaHelper::SetUpCost(Ptr<Node> node) const
{
    if (m_profile.empty())
    {
        return;
    }
    Ptr<CryptoCostModel> cost = node->GetObject<CryptoCostModel>();
    if (!cost)
    {
        cost = CreateObject<CryptoCostModel>();
        node->AggregateObject(cost);
    }
    cost->SetAttribute("Profile", StringValue(m_profile));
}

Ptr<AaaServer>
AaaHelper::InstallServer(Ptr<Node> node, Ptr<EapSubscriberDatabase> database) const
{
    SetUpCost(node);
    Ptr<AaaServer> server = m_serverFactory.Create<AaaServer>();
    server->SetSubscriberDatabase(database);
    node->AddApplication(server);
    if (node->GetObject<IpsecSpd>())
    {
        UintegerValue port;
        server->GetAttribute("Port", port);
        IpsecTrafficSelector toServer = IpsecTrafficSelector::ForProtocol(17);
        toServer.localPortMin = toServer.localPortMax = static_cast<uint16_t>(port.Get());
        IpsecHelper::AddBypass(node, toServer);
    }
    return server;
}

Ptr<RadiusClient>
AaaHelper::InstallClient(Ptr<Node> gateway,
                         const Ipv6Address& gatewayAddress,
                         Ptr<AaaServer> server,
                         const Ipv6Address& serverAddress) const
{
    NS_ABORT_MSG_IF(m_secret.empty(), "AaaHelper: SetSecret() first (RFC 2865 §3: not empty)");
    NS_ABORT_MSG_IF(gateway->GetObject<Ikev2EapBackend>(),
                    "AaaHelper: node " << gateway->GetId() << " has an EAP backend already");
    SetUpCost(gateway);
    Ptr<RadiusClient> client = m_clientFactory.Create<RadiusClient>();
    UintegerValue port;
    server->GetAttribute("Port", port);
    client->SetAttribute("ServerAddress", Ipv6AddressValue(serverAddress));
    client->SetAttribute("ServerPort", port);
    client->SetAttribute("Secret", StringValue(m_secret));
    gateway->AggregateObject(client);
    server->AddClient(gatewayAddress, m_secret);
    if (gateway->GetObject<IpsecSpd>())
    {
        IpsecHelper::AddBypass(
            gateway,
            IpsecTrafficSelector::ForProtocol(17, static_cast<uint16_t>(port.Get())));
    }
    return client;
}

int64_t
AaaHelper::AssignStreams(NodeContainer nodes, int64_t stream) const
{
    int64_t current = stream;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Ptr<Node> node = *it;
        if (Ptr<RadiusClient> client = node->GetObject<RadiusClient>())
        {
            current += client->AssignStreams(current);
        }
        for (uint32_t i = 0; i < node->GetNApplications(); ++i)
        {
            if (Ptr<AaaServer> server = DynamicCast<AaaServer>(node->GetApplication(i)))
            {
                current += server->AssignStreams(current);
            }
        }
    }
    return current - stream;
}

EapCredentials
AaaHelper::MakeSubscriber(const std::string& method,
                          const std::string& identity,
                          Ptr<Node> node,
                          const std::vector<std::vector<uint8_t>>& trustAnchors)
{
    EapCredentials s;
    s.identity = identity;
    if (method == "md5")
    {
        s.method = EapType::MD5_CHALLENGE;
        const std::string password = "cxtp-eap-md5-password";
        s.password.assign(password.begin(), password.end());
    }
    else if (method == "aka")
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
        NS_ABORT_MSG_IF(method != "tls", "AaaHelper: no EAP method '" << method << "'");
        s.method = EapType::TLS;
        Ptr<IpsecCredentialStore> store = IpsecCredentialStore::Get(node);
        s.tlsChain = store->GetCertificateChain();
        s.tlsPrivateKey = store->GetPrivateKey();
        s.tlsTrustAnchors = trustAnchors;
        NS_ABORT_MSG_IF(s.tlsChain.empty(), "AaaHelper: EAP-TLS, but the node has no certificate");
    }
    return s;
}

void
AaaHelper::AddSubscriber(Ptr<EapSubscriberDatabase> database, EapCredentials subscriber)
{
    if (subscriber.method == EapType::AKA)
    {
        ++subscriber.akaSqn; // the AuC's next SQN; the USIM holds SQN_MS
    }
    database->Add(subscriber);
}

EapServerConfig
AaaHelper::MakeTlsServerConfig(CryptoCertificateAuthority& ca, uint32_t issuer)
{
    EapServerConfig config;
    CryptoCertificateAuthority::Issued issued = ca.IssueEndEntity("aaa server", issuer);
    config.tlsChain = issued.chain;
    config.tlsPrivateKey = issued.key.privateKeyDer;
    config.tlsTrustAnchors = {ca.GetRootCertificate()};
    return config;
}

} // namespace ns3
