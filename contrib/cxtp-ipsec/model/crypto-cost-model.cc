/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-cost-model.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/string.h"
#include "ns3/trace-source-accessor.h"

#include <algorithm>

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
                "Cost profile: a name (zero, testbed-2008, host: NAME.ini found by "
                "CryptoCostProfile::Resolve, CXTP_IPSEC_PROFILE_PATH then the installed "
                "profiles) or a path to an INI file. Read on first use.",
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
    for (CryptoDhGroup group : {CryptoDhGroup::MODP_768,
                                CryptoDhGroup::MODP_1024,
                                CryptoDhGroup::MODP_1536,
                                CryptoDhGroup::MODP_2048,
                                CryptoDhGroup::MODP_3072,
                                CryptoDhGroup::ECP_256,
                                CryptoDhGroup::CURVE25519})
    {
        keys.push_back("dh." + GetDhName(group) + "_keygen");
        keys.push_back("dh." + GetDhName(group) + "_shared");
    }
    for (const char* hash : {"md5", "sha1", "sha256", "sha384", "sha512"})
    {
        keys.push_back(std::string("prf.hmac_") + hash + "_call");
        keys.push_back(std::string("prf.hmac_") + hash + "_per_byte");
    }
    for (const char* cipher : {"3des-cbc", "aes128-cbc", "aes256-cbc", "aes128-gcm", "aes256-gcm"})
    {
        keys.push_back(std::string("cipher.") + cipher + "_call");
        keys.push_back(std::string("cipher.") + cipher + "_per_byte");
    }
    for (uint32_t bits : GetRsaModulusSizes())
    {
        keys.push_back("rsa.sign_" + std::to_string(bits));
        keys.push_back("rsa.verify_" + std::to_string(bits));
    }
    for (const char* key : {"pki.certificate_check",
                            "aka.milenage",
                            "daemon.message_processing",
                            "daemon.ikev2_message_processing",
                            "kernel.sa_install",
                            "kernel.policy_install",
                            "cxtp.message_processing",
                            "cxtp.context_install",
                            "radius.packet_processing",
                            "aaa.radius_processing",
                            "aaa.database_lookup"})
    {
        keys.emplace_back(key);
    }
    return keys;
}

std::vector<uint32_t>
CryptoCostModel::GetRsaModulusSizes()
{
    return {1024, 2048, 3072, 4096};
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
    case CryptoDhGroup::MODP_3072:
        return 3072;
    case CryptoDhGroup::ECP_256:
    case CryptoDhGroup::CURVE25519:
        break;
    }
    NS_ABORT_MSG("CryptoCostModel: not a MODP Diffie-Hellman group: "
                 << static_cast<int>(group) << " (MODP: 1, 2, 5, 14, 15)");
    return 0;
}

std::string
CryptoCostModel::GetRsaName(uint32_t modulusBits)
{
    std::vector<uint32_t> sizes = GetRsaModulusSizes();
    NS_ABORT_MSG_IF(std::find(sizes.begin(), sizes.end(), modulusBits) == sizes.end(),
                    "CryptoCostModel: no RSA cost for a " << modulusBits
                                                          << "-bit modulus (priced: 1024, 2048, "
                                                             "3072, 4096)");
    return std::to_string(modulusBits);
}

CryptoDhGroup
CryptoCostModel::ToDhGroup(uint32_t id)
{
    NS_ABORT_MSG_IF(id > UINT16_MAX || !CryptoDiffieHellman::IsSupported(static_cast<uint16_t>(id)),
                    "CryptoCostModel::Price: unknown Diffie-Hellman group " << id);
    return static_cast<CryptoDhGroup>(id);
}

std::string
CryptoCostModel::GetDhName(CryptoDhGroup group)
{
    switch (group)
    {
    case CryptoDhGroup::ECP_256:
        return "ecp256";
    case CryptoDhGroup::CURVE25519:
        return "curve25519";
    default:
        return "modp" + std::to_string(GetModpBits(group));
    }
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
    return Get("dh." + GetDhName(group) + "_keygen");
}

Time
CryptoCostModel::DhSharedSecret(CryptoDhGroup group)
{
    return Get("dh." + GetDhName(group) + "_shared");
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
    std::string name;
    switch (algorithm)
    {
    case IpsecEncryption::TDES_CBC:
    case IpsecEncryption::AES_128_CBC:
    case IpsecEncryption::AES_256_CBC:
        name = ToString(algorithm);
        break;
    case IpsecEncryption::AES_128_GCM_16:
        name = "aes128-gcm"; // the ICV length does not change the cost
        break;
    case IpsecEncryption::AES_256_GCM_16:
        name = "aes256-gcm";
        break;
    case IpsecEncryption::NULL_ENC:
        break;
    }
    NS_ABORT_MSG_IF(name.empty(),
                    "CryptoCostModel::Cipher: no cost for " << ToString(algorithm)
                                                            << " (priced: CBC and GCM ciphers)");
    return PerCallPlusPerByte("cipher." + name, bytes);
}

Time
CryptoCostModel::RsaSign(uint32_t modulusBits)
{
    return Get("rsa.sign_" + GetRsaName(modulusBits));
}

Time
CryptoCostModel::RsaVerify(uint32_t modulusBits)
{
    return Get("rsa.verify_" + GetRsaName(modulusBits));
}

Time
CryptoCostModel::CertificateCheck(uint32_t issuerModulusBits)
{
    Time check = Get("pki.certificate_check");
    return check + RsaVerify(issuerModulusBits);
}

Time
CryptoCostModel::Milenage()
{
    return Get("aka.milenage");
}

Time
CryptoCostModel::Price(const CryptoOperation& operation)
{
    switch (operation.kind)
    {
    case CryptoOperation::Kind::HMAC:
        NS_ABORT_MSG_IF(operation.algorithm > static_cast<uint32_t>(CryptoHash::SHA2_512),
                        "CryptoCostModel::Price: unknown hash " << operation.algorithm);
        return Prf(static_cast<CryptoHash>(operation.algorithm), operation.bytes);
    case CryptoOperation::Kind::CIPHER:
        NS_ABORT_MSG_IF(operation.algorithm >
                            static_cast<uint32_t>(IpsecEncryption::AES_256_GCM_16),
                        "CryptoCostModel::Price: unknown cipher " << operation.algorithm);
        return Cipher(static_cast<IpsecEncryption>(operation.algorithm), operation.bytes);
    case CryptoOperation::Kind::DH_KEYGEN:
        return DhKeyGeneration(ToDhGroup(operation.algorithm));
    case CryptoOperation::Kind::DH_SHARED:
        return DhSharedSecret(ToDhGroup(operation.algorithm));
    case CryptoOperation::Kind::RSA_SIGN:
        return RsaSign(operation.algorithm);
    case CryptoOperation::Kind::RSA_VERIFY:
        return RsaVerify(operation.algorithm);
    case CryptoOperation::Kind::CERTIFICATE:
        return CertificateCheck(operation.algorithm);
    case CryptoOperation::Kind::MILENAGE:
        return Milenage();
    }
    NS_ABORT_MSG("CryptoCostModel::Price: unknown operation kind "
                 << static_cast<int>(operation.kind));
    return Time(0);
}

Time
CryptoCostModel::Price(const CryptoWorkMeter& meter)
{
    Time total(0);
    for (const CryptoOperation& operation : meter.GetOperations())
    {
        total += Price(operation);
    }
    return total;
}

Time
CryptoCostModel::MessageProcessing()
{
    return Get("daemon.message_processing");
}

Time
CryptoCostModel::Ikev2MessageProcessing()
{
    return Get("daemon.ikev2_message_processing");
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
