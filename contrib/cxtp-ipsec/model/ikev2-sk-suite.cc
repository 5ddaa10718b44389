/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-sk-suite.h"

#include "ikev2-algorithms.h"

namespace ns3
{

namespace
{

/// Size of the AES-GCM explicit IV (RFC 5282 §3.1).
constexpr uint32_t GCM_IV_SIZE = 8;
/// Size of the AES-GCM ICV of ENCR_AES_GCM_16 (RFC 5282 §3.2).
constexpr uint32_t GCM_ICV_SIZE = 16;

} // namespace

// Key sizes, ICVs and the mapping to the module's ciphers and hashes are Ikev2Algorithms';
// what is particular to the SK payload (IV, padding block, allowed transforms) is here.

std::string
Ikev2SkSuite::Check() const
{
    const std::string name = GetName();
    IpsecEncryption cipher;
    if (encryption == Ikev2EncrId::ENCR_NULL ||
        !Ikev2Algorithms::GetEncryption(encryption, keyLength, cipher))
    {
        return name + ": encryption transform not supported";
    }
    if (IsCombinedMode())
    {
        return integrity == Ikev2IntegId::NONE ? ""
                                               : name + ": AES-GCM takes no integrity transform";
    }
    return Ikev2Algorithms::GetIntegIcvLength(integrity) != 0
               ? ""
               : name + ": integrity transform not supported";
}

bool
Ikev2SkSuite::IsCombinedMode() const
{
    return encryption == Ikev2EncrId::ENCR_AES_GCM_16;
}

uint32_t
Ikev2SkSuite::GetEncryptionKeySize() const
{
    return Check().empty() ? Ikev2Algorithms::GetEncrKeyLength(encryption, keyLength) : 0;
}

uint32_t
Ikev2SkSuite::GetIntegrityKeySize() const
{
    return Ikev2Algorithms::GetIntegKeyLength(integrity);
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
    return IsCombinedMode() ? GCM_ICV_SIZE : Ikev2Algorithms::GetIntegIcvLength(integrity);
}

IpsecEncryption
Ikev2SkSuite::GetCipher() const
{
    IpsecEncryption cipher = IpsecEncryption::NULL_ENC;
    return Ikev2Algorithms::GetEncryption(encryption, keyLength, cipher)
               ? cipher
               : IpsecEncryption::NULL_ENC;
}

CryptoHash
Ikev2SkSuite::GetIntegrityHash() const
{
    CryptoHash hash = CryptoHash::SHA1;
    Ikev2Algorithms::GetIntegHash(integrity, hash);
    return hash;
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
