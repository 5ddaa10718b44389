/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-credentials.h"

#include "crypto-x509.h"
#include "ipsec-credential-store.h"
#include "ipsec-pad-entry.h"

namespace ns3
{

Ikev2Credentials
Ikev2Credentials::FromPsk(std::vector<uint8_t> key)
{
    Ikev2Credentials c;
    c.psk = std::move(key);
    return c;
}

Ikev2Credentials
Ikev2Credentials::FromCertificate(std::vector<std::vector<uint8_t>> chain,
                                  std::vector<uint8_t> privateKey,
                                  std::vector<std::vector<uint8_t>> trustAnchors,
                                  Ikev2AuthMethod method)
{
    Ikev2Credentials c;
    c.method = method;
    c.certificateChain = std::move(chain);
    c.privateKey = std::move(privateKey);
    c.trustAnchors = std::move(trustAnchors);
    return c;
}

Ikev2Credentials
Ikev2Credentials::FromPadEntry(const IpsecPadEntry& entry, Ptr<const IpsecCredentialStore> store)
{
    Ikev2Credentials c;
    if (entry.authMethod == IpsecAuthMethod::PRE_SHARED_KEY ||
        (entry.authMethod == IpsecAuthMethod::EAP && !entry.preSharedKey.empty()))
    {
        c = FromPsk(entry.preSharedKey);
    }
    else if (!store)
    {
        c = FromCertificate({}, {}, entry.trustAnchors);
    }
    else
    {
        c = FromCertificate(store->GetCertificateChain(),
                            store->GetPrivateKey(),
                            entry.trustAnchors);
    }
    c.peerUsesEap = entry.authMethod == IpsecAuthMethod::EAP;
    if (entry.localEap)
    {
        c.useEap = true;
        c.eap = store ? store->GetEapCredentials() : EapCredentials();
    }
    return c;
}

bool
Ikev2Credentials::IsSignatureMethod() const
{
    return method == Ikev2AuthMethod::RSA_DIGITAL_SIGNATURE ||
           method == Ikev2AuthMethod::DIGITAL_SIGNATURE;
}

std::string
Ikev2Credentials::Validate() const
{
    if (useEap && eap.identity.empty())
    {
        return "IKEv2 credentials: EAP needs an identity (IpsecCredentialStore::SetEapCredentials)";
    }
    if (useEap)
    {
        return trustAnchors.empty() && psk.empty()
                   ? "IKEv2 credentials: nothing to check the peer with (no key, no trust anchor)"
                   : "";
    }
    if (method == Ikev2AuthMethod::SHARED_KEY_MIC && psk.empty())
    {
        return "IKEv2 credentials: the shared-key method needs a non-empty key";
    }
    if (method != Ikev2AuthMethod::SHARED_KEY_MIC && !IsSignatureMethod())
    {
        return "IKEv2 credentials: AUTH method " + std::to_string(static_cast<int>(method)) +
               " is not supported";
    }
    if (IsSignatureMethod() && (certificateChain.empty() || privateKey.empty()))
    {
        return "IKEv2 credentials: a signature method needs a certificate and a private key";
    }
    std::vector<uint8_t> subject;
    for (const std::vector<uint8_t>& cert : certificateChain)
    {
        if (!CryptoX509::GetSubject(cert, subject))
        {
            return "IKEv2 credentials: a certificate of our chain does not parse";
        }
    }
    for (const std::vector<uint8_t>& anchor : trustAnchors)
    {
        if (!CryptoX509::GetSubject(anchor, subject))
        {
            return "IKEv2 credentials: a trust anchor does not parse";
        }
    }
    if (psk.empty() && trustAnchors.empty() && !peerUsesEap)
    {
        return "IKEv2 credentials: nothing to check the peer with (no key, no trust anchor)";
    }
    return "";
}

} // namespace ns3
