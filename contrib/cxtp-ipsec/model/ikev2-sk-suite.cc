/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-sk-suite.h"

namespace ns3
{

namespace
{

/// Size of the AES-GCM salt at the end of SK_e (RFC 5282 §7.1).
constexpr uint32_t GCM_SALT_SIZE = 4;
/// Size of the AES-GCM explicit IV (RFC 5282 §3.1).
constexpr uint32_t GCM_IV_SIZE = 8;
/// Size of the AES-GCM ICV of ENCR_AES_GCM_16 (RFC 5282 §3.2).
constexpr uint32_t GCM_ICV_SIZE = 16;

/**
 * \param integ an integrity transform
 * \return its ICV size in octets, 0 if unsupported
 */
uint32_t
IcvSize(Ikev2IntegId integ)
{
    switch (integ)
    {
    case Ikev2IntegId::AUTH_HMAC_SHA1_96:
        return 12;
    case Ikev2IntegId::AUTH_HMAC_SHA2_256_128:
        return 16;
    case Ikev2IntegId::AUTH_HMAC_SHA2_384_192:
        return 24;
    case Ikev2IntegId::AUTH_HMAC_SHA2_512_256:
        return 32;
    default:
        break;
    }
    return 0;
}

} // namespace

std::string
Ikev2SkSuite::Check() const
{
    const std::string name = GetName();
    switch (encryption)
    {
    case Ikev2EncrId::ENCR_3DES:
        if (keyLength != 0)
        {
            return name + ": 3DES takes no Key Length";
        }
        break;
    case Ikev2EncrId::ENCR_AES_CBC:
    case Ikev2EncrId::ENCR_AES_GCM_16:
        if (keyLength != 128 && keyLength != 256)
        {
            return name + ": AES key length " + std::to_string(keyLength) + " not supported";
        }
        break;
    default:
        return name + ": encryption transform not supported";
    }
    if (IsCombinedMode())
    {
        return integrity == Ikev2IntegId::NONE ? ""
                                               : name + ": AES-GCM takes no integrity transform";
    }
    return IcvSize(integrity) != 0 ? "" : name + ": integrity transform not supported";
}

bool
Ikev2SkSuite::IsCombinedMode() const
{
    return encryption == Ikev2EncrId::ENCR_AES_GCM_16;
}

uint32_t
Ikev2SkSuite::GetEncryptionKeySize() const
{
    if (!Check().empty())
    {
        return 0;
    }
    switch (encryption)
    {
    case Ikev2EncrId::ENCR_3DES:
        return 24;
    case Ikev2EncrId::ENCR_AES_GCM_16:
        return keyLength / 8 + GCM_SALT_SIZE;
    default:
        break;
    }
    return keyLength / 8;
}

uint32_t
Ikev2SkSuite::GetIntegrityKeySize() const
{
    // RFC 4868 §2.1.1: the HMAC-SHA2 keys are as long as the hash output; RFC 2404 §3: 20 octets.
    switch (integrity)
    {
    case Ikev2IntegId::AUTH_HMAC_SHA1_96:
        return 20;
    case Ikev2IntegId::AUTH_HMAC_SHA2_256_128:
        return 32;
    case Ikev2IntegId::AUTH_HMAC_SHA2_384_192:
        return 48;
    case Ikev2IntegId::AUTH_HMAC_SHA2_512_256:
        return 64;
    default:
        break;
    }
    return 0;
}

uint32_t
Ikev2SkSuite::GetIvSize() const
{
    if (IsCombinedMode())
    {
        return GCM_IV_SIZE;
    }
    return GetBlockSize();
}

uint32_t
Ikev2SkSuite::GetBlockSize() const
{
    switch (encryption)
    {
    case Ikev2EncrId::ENCR_3DES:
        return 8;
    case Ikev2EncrId::ENCR_AES_CBC:
        return 16;
    default:
        break;
    }
    return 1;
}

uint32_t
Ikev2SkSuite::GetIcvSize() const
{
    return IsCombinedMode() ? GCM_ICV_SIZE : IcvSize(integrity);
}

IpsecEncryption
Ikev2SkSuite::GetCipher() const
{
    switch (encryption)
    {
    case Ikev2EncrId::ENCR_3DES:
        return IpsecEncryption::TDES_CBC;
    case Ikev2EncrId::ENCR_AES_CBC:
        return keyLength == 256 ? IpsecEncryption::AES_256_CBC : IpsecEncryption::AES_128_CBC;
    case Ikev2EncrId::ENCR_AES_GCM_16:
        return keyLength == 256 ? IpsecEncryption::AES_256_GCM_16 : IpsecEncryption::AES_128_GCM_16;
    default:
        break;
    }
    return IpsecEncryption::NULL_ENC;
}

CryptoHash
Ikev2SkSuite::GetIntegrityHash() const
{
    switch (integrity)
    {
    case Ikev2IntegId::AUTH_HMAC_SHA2_256_128:
        return CryptoHash::SHA2_256;
    case Ikev2IntegId::AUTH_HMAC_SHA2_384_192:
        return CryptoHash::SHA2_384;
    case Ikev2IntegId::AUTH_HMAC_SHA2_512_256:
        return CryptoHash::SHA2_512;
    default:
        break;
    }
    return CryptoHash::SHA1;
}

std::string
Ikev2SkSuite::GetName() const
{
    std::string enc;
    switch (encryption)
    {
    case Ikev2EncrId::ENCR_3DES:
        enc = "3des-cbc";
        break;
    case Ikev2EncrId::ENCR_AES_CBC:
        enc = "aes" + std::to_string(keyLength) + "-cbc";
        break;
    case Ikev2EncrId::ENCR_AES_GCM_16:
        enc = "aes" + std::to_string(keyLength) + "-gcm16";
        break;
    default:
        enc = "encr" + std::to_string(static_cast<unsigned>(encryption));
        break;
    }
    switch (integrity)
    {
    case Ikev2IntegId::NONE:
        return enc;
    case Ikev2IntegId::AUTH_HMAC_SHA1_96:
        return enc + "/hmac-sha1-96";
    case Ikev2IntegId::AUTH_HMAC_SHA2_256_128:
        return enc + "/hmac-sha2-256-128";
    case Ikev2IntegId::AUTH_HMAC_SHA2_384_192:
        return enc + "/hmac-sha2-384-192";
    case Ikev2IntegId::AUTH_HMAC_SHA2_512_256:
        return enc + "/hmac-sha2-512-256";
    }
    return enc + "/integ" + std::to_string(static_cast<unsigned>(integrity));
}

} // namespace ns3
