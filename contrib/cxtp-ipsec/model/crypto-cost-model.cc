/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-cost-model.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/string.h"
#include "ns3/trace-source-accessor.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CryptoCostModel");
NS_OBJECT_ENSURE_REGISTERED(CryptoCostModel);

TypeId
CryptoCostModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::CryptoCostModel")
            .SetParent<Object>()
            .SetGroupName("CxtpIpsec")
            .AddConstructor<CryptoCostModel>()
            .AddAttribute(
                "Profile",
                "Cost profile: a name (zero, testbed-2008, host: the module's "
                "profiles/NAME.ini) or a path to an INI file. Read on first use.",
                StringValue("zero"),
                MakeStringAccessor(&CryptoCostModel::SetProfile, &CryptoCostModel::GetProfileName),
                MakeStringChecker())
            .AddTraceSource("Cost",
                            "Simulated time charged for one operation.",
                            MakeTraceSourceAccessor(&CryptoCostModel::m_costTrace),
                            "ns3::CryptoCostModel::CostTracedCallback");
    return tid;
}

CryptoCostModel::CryptoCostModel()
    : m_profileName("zero"),
      m_loaded(false)
{
    NS_LOG_FUNCTION(this);
}

CryptoCostModel::~CryptoCostModel()
{
    NS_LOG_FUNCTION(this);
}

std::vector<std::string>
CryptoCostModel::GetRequiredKeys()
{
    std::vector<std::string> keys;
    for (uint32_t bits : {768, 1024, 1536, 2048})
    {
        keys.push_back("dh.modp" + std::to_string(bits) + "_keygen");
        keys.push_back("dh.modp" + std::to_string(bits) + "_shared");
    }
    for (const char* hash : {"md5", "sha1", "sha256"})
    {
        keys.push_back(std::string("prf.hmac_") + hash + "_call");
        keys.push_back(std::string("prf.hmac_") + hash + "_per_byte");
    }
    for (const char* cipher : {"3des-cbc", "aes128-cbc", "aes256-cbc"})
    {
        keys.push_back(std::string("cipher.") + cipher + "_call");
        keys.push_back(std::string("cipher.") + cipher + "_per_byte");
    }
    for (const char* key : {"daemon.message_processing",
                            "kernel.sa_install",
                            "kernel.policy_install",
                            "cxtp.message_processing",
                            "cxtp.context_install"})
    {
        keys.emplace_back(key);
    }
    return keys;
}

uint32_t
CryptoCostModel::GetModpBits(CryptoDhGroup group)
{
    switch (group)
    {
    case CryptoDhGroup::MODP_768:
        return 768;
    case CryptoDhGroup::MODP_1024:
        return 1024;
    case CryptoDhGroup::MODP_1536:
        return 1536;
    case CryptoDhGroup::MODP_2048:
        return 2048;
    }
    NS_ABORT_MSG("CryptoCostModel: unsupported Diffie-Hellman group "
                 << static_cast<int>(group) << " (supported: 1, 2, 5, 14)");
    return 0;
}

void
CryptoCostModel::SetProfile(const std::string& nameOrPath)
{
    NS_LOG_FUNCTION(this << nameOrPath);
    m_profileName = nameOrPath;
    m_loaded = false;
}

std::string
CryptoCostModel::GetProfileName() const
{
    return m_profileName;
}

void
CryptoCostModel::EnsureLoaded()
{
    if (m_loaded)
    {
        return;
    }
    std::string path = CryptoCostProfile::Resolve(m_profileName);
    std::string error;
    CryptoCostProfile profile;
    if (!CryptoCostProfile::Load(path, profile, error))
    {
        NS_ABORT_MSG(error);
    }
    for (const auto& key : GetRequiredKeys())
    {
        NS_ABORT_MSG_IF(!profile.Has(key),
                        path << ": crypto cost profile lacks key '" << key << "'");
    }
    NS_LOG_INFO("crypto cost profile " << profile.GetName() << " read from " << path);
    m_profile = profile;
    m_loaded = true;
}

const CryptoCostProfile&
CryptoCostModel::GetProfile()
{
    EnsureLoaded();
    return m_profile;
}

Time
CryptoCostModel::Charge(const std::string& key, Time cost)
{
    NS_LOG_FUNCTION(this << key << cost);
    m_costTrace(key, cost);
    return cost;
}

Time
CryptoCostModel::PerCallPlusPerByte(const std::string& prefix, uint32_t bytes)
{
    EnsureLoaded();
    Time call = m_profile.GetTime(prefix + "_call");
    double perByte = m_profile.GetNsPerByte(prefix + "_per_byte");
    return Charge(prefix, call + Time::FromDouble(perByte * bytes, Time::NS));
}

Time
CryptoCostModel::DhKeyGeneration(CryptoDhGroup group)
{
    return Get("dh.modp" + std::to_string(GetModpBits(group)) + "_keygen");
}

Time
CryptoCostModel::DhSharedSecret(CryptoDhGroup group)
{
    return Get("dh.modp" + std::to_string(GetModpBits(group)) + "_shared");
}

Time
CryptoCostModel::Prf(CryptoHash hash, uint32_t bytes)
{
    std::string name;
    switch (hash)
    {
    case CryptoHash::MD5:
        name = "md5";
        break;
    case CryptoHash::SHA1:
        name = "sha1";
        break;
    case CryptoHash::SHA2_256:
        name = "sha256";
        break;
    case CryptoHash::SHA2_384:
        name = "sha384";
        break;
    case CryptoHash::SHA2_512:
        name = "sha512";
        break;
    }
    NS_ABORT_MSG_IF(name.empty(), "CryptoCostModel::Prf: unknown hash function");
    return PerCallPlusPerByte("prf.hmac_" + name, bytes);
}

Time
CryptoCostModel::Cipher(IpsecEncryption algorithm, uint32_t bytes)
{
    NS_ABORT_MSG_IF(algorithm != IpsecEncryption::TDES_CBC &&
                        algorithm != IpsecEncryption::AES_128_CBC &&
                        algorithm != IpsecEncryption::AES_256_CBC,
                    "CryptoCostModel::Cipher: no cost for " << ToString(algorithm)
                                                            << " (IKE uses CBC ciphers)");
    return PerCallPlusPerByte("cipher." + ToString(algorithm), bytes);
}

Time
CryptoCostModel::MessageProcessing()
{
    return Get("daemon.message_processing");
}

Time
CryptoCostModel::SaInstallation()
{
    return Get("kernel.sa_install");
}

Time
CryptoCostModel::PolicyInstallation()
{
    return Get("kernel.policy_install");
}

Time
CryptoCostModel::CxtpProcessing()
{
    return Get("cxtp.message_processing");
}

Time
CryptoCostModel::ContextInstallation()
{
    return Get("cxtp.context_install");
}

Time
CryptoCostModel::Get(const std::string& key)
{
    EnsureLoaded();
    return Charge(key, m_profile.GetTime(key));
}

} // namespace ns3
