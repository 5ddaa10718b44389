/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-helper.h"

#include "ns3/abort.h"
#include "ns3/crypto-certificate-authority.h"
#include "ns3/ikev2-daemon.h"
#include "ns3/ipsec-credential-store.h"
#include "ns3/ipsec-pad.h"
#include "ns3/node.h"

namespace ns3
{

Ikev2Helper::Ikev2Helper()
    : IkeHelper(Ikev2Daemon::GetTypeId(), 2)
{
}

void
Ikev2Helper::AddPreSharedKey(Ptr<Node> node,
                             const Ipv6Address& peer,
                             const Ipv6Prefix& prefix,
                             const std::string& key)
{
    IkeHelper::AddPreSharedKey(node, peer, prefix, key, 2);
}

void
Ikev2Helper::AddCertificatePeer(Ptr<Node> node,
                                const Ipv6Address& peer,
                                const Ipv6Prefix& prefix,
                                const std::vector<std::vector<uint8_t>>& trustAnchors)
{
    Ptr<IpsecPad> pad = node->GetObject<IpsecPad>();
    NS_ABORT_MSG_IF(!pad, "Ikev2Helper: node " << node->GetId() << " has no IPsec");
    IpsecPadEntry entry;
    entry.peerAddress = peer;
    entry.peerPrefix = prefix;
    entry.ikeVersion = 2;
    entry.authMethod = IpsecAuthMethod::CERTIFICATE;
    entry.trustAnchors = trustAnchors;
    std::string error = pad->Add(entry);
    NS_ABORT_MSG_IF(!error.empty(), "node " << node->GetId() << ": " << error);
}

void
Ikev2Helper::AddEapPeer(Ptr<Node> node, const Ipv6Address& peer, const Ipv6Prefix& prefix)
{
    Ptr<IpsecPad> pad = node->GetObject<IpsecPad>();
    NS_ABORT_MSG_IF(!pad, "Ikev2Helper: node " << node->GetId() << " has no IPsec");
    IpsecPadEntry entry;
    entry.peerAddress = peer;
    entry.peerPrefix = prefix;
    entry.ikeVersion = 2;
    entry.authMethod = IpsecAuthMethod::EAP;
    std::string error = pad->Add(entry);
    NS_ABORT_MSG_IF(!error.empty(), "node " << node->GetId() << ": " << error);
}

void
Ikev2Helper::AddEapClient(Ptr<Node> node,
                          const Ipv6Address& gateway,
                          const Ipv6Prefix& prefix,
                          const std::vector<std::vector<uint8_t>>& trustAnchors,
                          const EapCredentials& eap)
{
    Ptr<IpsecPad> pad = node->GetObject<IpsecPad>();
    NS_ABORT_MSG_IF(!pad, "Ikev2Helper: node " << node->GetId() << " has no IPsec");
    NS_ABORT_MSG_IF(eap.identity.empty(), "Ikev2Helper::AddEapClient: no EAP identity");
    IpsecCredentialStore::Get(node)->SetEapCredentials(eap);
    IpsecPadEntry entry;
    entry.peerAddress = gateway;
    entry.peerPrefix = prefix;
    entry.ikeVersion = 2;
    entry.authMethod = IpsecAuthMethod::CERTIFICATE;
    entry.trustAnchors = trustAnchors;
    entry.localEap = true;
    std::string error = pad->Add(entry);
    NS_ABORT_MSG_IF(!error.empty(), "node " << node->GetId() << ": " << error);
}

std::shared_ptr<CryptoCertificateAuthority>
Ikev2Helper::MakeCertificateAuthority(uint32_t rsaBits, uint32_t intermediates, uint32_t& issuer)
{
    auto ca = std::make_shared<CryptoCertificateAuthority>("cxtp root CA", rsaBits);
    issuer = CryptoCertificateAuthority::ROOT;
    for (uint32_t i = 0; i < intermediates; ++i)
    {
        issuer = ca->AddIntermediate("cxtp CA " + std::to_string(i + 1), issuer);
    }
    return ca;
}

void
Ikev2Helper::IssueCertificate(Ptr<Node> node, CryptoCertificateAuthority& ca, uint32_t issuer)
{
    Ptr<IpsecCredentialStore> store = IpsecCredentialStore::Get(node);
    if (!store->HasCertificate())
    {
        CryptoCertificateAuthority::Issued issued =
            ca.IssueEndEntity("node " + std::to_string(node->GetId()), issuer);
        store->SetCertificate(issued.chain, issued.key.privateKeyDer);
    }
}

} // namespace ns3
