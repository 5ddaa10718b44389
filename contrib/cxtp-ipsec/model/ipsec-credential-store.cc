/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-credential-store.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IpsecCredentialStore");
NS_OBJECT_ENSURE_REGISTERED(IpsecCredentialStore);

TypeId
IpsecCredentialStore::GetTypeId()
{
    static TypeId tid = TypeId("ns3::IpsecCredentialStore")
                            .SetParent<Object>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<IpsecCredentialStore>();
    return tid;
}

IpsecCredentialStore::IpsecCredentialStore() = default;

IpsecCredentialStore::~IpsecCredentialStore() = default;

Ptr<IpsecCredentialStore>
IpsecCredentialStore::Get(Ptr<Object> aggregate)
{
    Ptr<IpsecCredentialStore> store = aggregate->GetObject<IpsecCredentialStore>();
    if (!store)
    {
        store = CreateObject<IpsecCredentialStore>();
        aggregate->AggregateObject(store);
    }
    return store;
}

void
IpsecCredentialStore::SetCertificate(std::vector<std::vector<uint8_t>> chain,
                                     std::vector<uint8_t> privateKey)
{
    NS_LOG_FUNCTION(this << chain.size() << privateKey.size());
    m_chain = std::move(chain);
    m_privateKey = std::move(privateKey);
}

bool
IpsecCredentialStore::HasCertificate() const
{
    return !m_chain.empty() && !m_privateKey.empty();
}

const std::vector<std::vector<uint8_t>>&
IpsecCredentialStore::GetCertificateChain() const
{
    return m_chain;
}

const std::vector<uint8_t>&
IpsecCredentialStore::GetPrivateKey() const
{
    return m_privateKey;
}

void
IpsecCredentialStore::SetEapCredentials(const EapCredentials& eap)
{
    m_eap = eap;
}

bool
IpsecCredentialStore::HasEapCredentials() const
{
    return !m_eap.identity.empty();
}

const EapCredentials&
IpsecCredentialStore::GetEapCredentials() const
{
    return m_eap;
}

} // namespace ns3
