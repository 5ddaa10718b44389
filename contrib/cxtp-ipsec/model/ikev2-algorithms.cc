/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-algorithms.h"

namespace ns3
{

bool
Ikev2Algorithms::GetPrfHash(Ikev2PrfId prf, CryptoHash& hash)
{
    switch (prf)
    {
    case Ikev2PrfId::PRF_HMAC_SHA1:
        hash = CryptoHash::SHA1;
        return true;
    case Ikev2PrfId::PRF_HMAC_SHA2_256:
        hash = CryptoHash::SHA2_256;
        return true;
    case Ikev2PrfId::PRF_HMAC_SHA2_384:
        hash = CryptoHash::SHA2_384;
        return true;
    case Ikev2PrfId::PRF_HMAC_SHA2_512:
        hash = CryptoHash::SHA2_512;
        return true;
    }
    return false;
}

uint32_t
Ikev2Algorithms::GetPrfKeyLength(Ikev2PrfId prf)
{
    return GetPrfOutputLength(prf);
}

uint32_t
Ikev2Algorithms::GetPrfOutputLength(Ikev2PrfId prf)
{
    CryptoHash hash;
    return GetPrfHash(prf, hash) ? CryptoMac::GetLength(hash) : 0;
}

bool
Ikev2Algorithms::GetIntegHash(Ikev2IntegId integ, CryptoHash& hash)
{
    switch (integ)
    {
    case Ikev2IntegId::AUTH_HMAC_SHA1_96:
        hash = CryptoHash::SHA1;
        return true;
    case Ikev2IntegId::AUTH_HMAC_SHA2_256_128:
        hash = CryptoHash::SHA2_256;
        return true;
    case Ikev2IntegId::AUTH_HMAC_SHA2_384_192:
        hash = CryptoHash::SHA2_384;
        return true;
    case Ikev2IntegId::AUTH_HMAC_SHA2_512_256:
        hash = CryptoHash::SHA2_512;
        return true;
    case Ikev2IntegId::NONE:
        return false;
    }
    return false;
}

uint32_t
Ikev2Algorithms::GetIntegKeyLength(Ikev2IntegId integ)
{
    // RFC 2404 §3 and RFC 4868 §2.1.1: the key is as long as the hash output.
    CryptoHash hash;
    return GetIntegHash(integ, hash) ? CryptoMac::GetLength(hash) : 0;
}

uint32_t
Ikev2Algorithms::GetIntegIcvLength(Ikev2IntegId integ)
{
    // RFC 2404 §2 (96 bits) and RFC 4868 §2.1.1: HMAC-SHA2 truncated to half its length.
    CryptoHash hash;
    if (!GetIntegHash(integ, hash))
    {
        return 0;
    }
    return hash == CryptoHash::SHA1 ? 12 : CryptoMac::GetLength(hash) / 2;
}

bool
Ikev2Algorithms::IsIntegSupported(Ikev2IntegId integ)
{
    CryptoHash hash;
    return integ == Ikev2IntegId::NONE || GetIntegHash(integ, hash);
}

bool
Ikev2Algorithms::GetEncryption(Ikev2EncrId encr, uint16_t keyBits, IpsecEncryption& alg)
{
    switch (encr)
    {
    case Ikev2EncrId::ENCR_3DES:
        alg = IpsecEncryption::TDES_CBC;
        return keyBits == 0; // RFC 7296 §3.3.5: no Key Length attribute for fixed-length keys
    case Ikev2EncrId::ENCR_NULL:
        alg = IpsecEncryption::NULL_ENC;
        return keyBits == 0;
    case Ikev2EncrId::ENCR_AES_CBC:
        alg = keyBits == 128 ? IpsecEncryption::AES_128_CBC : IpsecEncryption::AES_256_CBC;
        return keyBits == 128 || keyBits == 256;
    case Ikev2EncrId::ENCR_AES_GCM_16:
        alg = keyBits == 128 ? IpsecEncryption::AES_128_GCM_16 : IpsecEncryption::AES_256_GCM_16;
        return keyBits == 128 || keyBits == 256;
    }
    return false;
}

void
Ikev2Algorithms::GetEncrId(IpsecEncryption alg, Ikev2EncrId& encr, uint16_t& keyBits)
{
    keyBits = 0;
    switch (alg)
    {
    case IpsecEncryption::NULL_ENC:
        encr = Ikev2EncrId::ENCR_NULL;
        return;
    case IpsecEncryption::TDES_CBC:
        encr = Ikev2EncrId::ENCR_3DES;
        return;
    case IpsecEncryption::AES_128_CBC:
    case IpsecEncryption::AES_256_CBC:
        encr = Ikev2EncrId::ENCR_AES_CBC;
        break;
    case IpsecEncryption::AES_128_GCM_16:
    case IpsecEncryption::AES_256_GCM_16:
        encr = Ikev2EncrId::ENCR_AES_GCM_16;
        break;
    }
    const bool is128 =
        alg == IpsecEncryption::AES_128_CBC || alg == IpsecEncryption::AES_128_GCM_16;
    keyBits = is128 ? 128 : 256;
}

uint32_t
Ikev2Algorithms::GetEncrKeyLength(Ikev2EncrId encr, uint16_t keyBits)
{
    IpsecEncryption alg;
    return GetEncryption(encr, keyBits, alg) ? GetEncryptionKeyLength(alg) : 0;
}

bool
Ikev2Algorithms::GetIntegrity(Ikev2IntegId integ, IpsecIntegrity& alg)
{
    switch (integ)
    {
    case Ikev2IntegId::NONE:
        alg = IpsecIntegrity::NONE;
        return true;
    case Ikev2IntegId::AUTH_HMAC_SHA1_96:
        alg = IpsecIntegrity::HMAC_SHA1_96;
        return true;
    case Ikev2IntegId::AUTH_HMAC_SHA2_256_128:
        alg = IpsecIntegrity::HMAC_SHA2_256_128;
        return true;
    default:
        return false;
    }
}

Ikev2IntegId
Ikev2Algorithms::GetIntegId(IpsecIntegrity alg)
{
    switch (alg)
    {
    case IpsecIntegrity::HMAC_SHA1_96:
        return Ikev2IntegId::AUTH_HMAC_SHA1_96;
    case IpsecIntegrity::HMAC_SHA2_256_128:
        return Ikev2IntegId::AUTH_HMAC_SHA2_256_128;
    case IpsecIntegrity::NONE:
        break;
    }
    return Ikev2IntegId::NONE;
}

bool
Ikev2Algorithms::GetDhGroup(Ikev2DhId dh, CryptoDhGroup& group)
{
    // The IKEv2 DH transform IDs and the IKEv1 group numbers share one IANA registry.
    const uint16_t id = static_cast<uint16_t>(dh);
    if (dh == Ikev2DhId::NONE || id == static_cast<uint16_t>(CryptoDhGroup::MODP_768) ||
        !CryptoDiffieHellman::IsSupported(id))
    {
        return false;
    }
    group = static_cast<CryptoDhGroup>(id);
    return true;
}

bool
Ikev2Algorithms::GetDhId(CryptoDhGroup group, Ikev2DhId& dh)
{
    if (group == CryptoDhGroup::MODP_768)
    {
        return false;
    }
    dh = static_cast<Ikev2DhId>(static_cast<uint16_t>(group));
    return true;
}

} // namespace ns3
