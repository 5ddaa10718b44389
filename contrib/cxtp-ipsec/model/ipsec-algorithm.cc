/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-algorithm.h"

namespace ns3
{

uint32_t
GetEncryptionKeyLength(IpsecEncryption alg)
{
    switch (alg)
    {
    case IpsecEncryption::NULL_ENC:
        return 0;
    case IpsecEncryption::TDES_CBC:
        return 24;
    case IpsecEncryption::AES_128_CBC:
        return 16;
    case IpsecEncryption::AES_256_CBC:
        return 32;
    case IpsecEncryption::AES_128_GCM_16:
        return 16 + 4;
    case IpsecEncryption::AES_256_GCM_16:
        return 32 + 4;
    }
    return 0;
}

uint32_t
GetEncryptionBlockSize(IpsecEncryption alg)
{
    switch (alg)
    {
    case IpsecEncryption::NULL_ENC:
        return 1;
    case IpsecEncryption::TDES_CBC:
        return 8;
    case IpsecEncryption::AES_128_CBC:
    case IpsecEncryption::AES_256_CBC:
        return 16;
    case IpsecEncryption::AES_128_GCM_16:
    case IpsecEncryption::AES_256_GCM_16:
        return 4; // a stream mode: only ESP's own 4-byte alignment applies (RFC 4106 §3.2)
    }
    return 1;
}

uint32_t
GetEncryptionIvLength(IpsecEncryption alg)
{
    switch (alg)
    {
    case IpsecEncryption::NULL_ENC:
        return 0;
    case IpsecEncryption::TDES_CBC:
        return 8;
    case IpsecEncryption::AES_128_CBC:
    case IpsecEncryption::AES_256_CBC:
        return 16;
    case IpsecEncryption::AES_128_GCM_16:
    case IpsecEncryption::AES_256_GCM_16:
        return 8;
    }
    return 0;
}

bool
IsCombinedMode(IpsecEncryption alg)
{
    return alg == IpsecEncryption::AES_128_GCM_16 || alg == IpsecEncryption::AES_256_GCM_16;
}

uint32_t
GetCombinedModeIcvLength(IpsecEncryption alg)
{
    return IsCombinedMode(alg) ? 16 : 0;
}

uint32_t
GetIntegrityKeyLength(IpsecIntegrity alg)
{
    switch (alg)
    {
    case IpsecIntegrity::NONE:
        return 0;
    case IpsecIntegrity::HMAC_SHA1_96:
        return 20;
    case IpsecIntegrity::HMAC_SHA2_256_128:
        return 32;
    }
    return 0;
}

uint32_t
GetIntegrityIcvLength(IpsecIntegrity alg)
{
    switch (alg)
    {
    case IpsecIntegrity::NONE:
        return 0;
    case IpsecIntegrity::HMAC_SHA1_96:
        return 12;
    case IpsecIntegrity::HMAC_SHA2_256_128:
        return 16;
    }
    return 0;
}

namespace
{
const IpsecEncryption g_encryptions[] = {IpsecEncryption::NULL_ENC,
                                         IpsecEncryption::TDES_CBC,
                                         IpsecEncryption::AES_128_CBC,
                                         IpsecEncryption::AES_256_CBC,
                                         IpsecEncryption::AES_128_GCM_16,
                                         IpsecEncryption::AES_256_GCM_16};
const IpsecIntegrity g_integrities[] = {IpsecIntegrity::NONE,
                                        IpsecIntegrity::HMAC_SHA1_96,
                                        IpsecIntegrity::HMAC_SHA2_256_128};
} // namespace

std::string
ToString(IpsecEncryption alg)
{
    switch (alg)
    {
    case IpsecEncryption::NULL_ENC:
        return "null";
    case IpsecEncryption::TDES_CBC:
        return "3des-cbc";
    case IpsecEncryption::AES_128_CBC:
        return "aes128-cbc";
    case IpsecEncryption::AES_256_CBC:
        return "aes256-cbc";
    case IpsecEncryption::AES_128_GCM_16:
        return "aes128-gcm16";
    case IpsecEncryption::AES_256_GCM_16:
        return "aes256-gcm16";
    }
    return "unknown";
}

std::string
ToString(IpsecIntegrity alg)
{
    switch (alg)
    {
    case IpsecIntegrity::NONE:
        return "none";
    case IpsecIntegrity::HMAC_SHA1_96:
        return "hmac-sha1-96";
    case IpsecIntegrity::HMAC_SHA2_256_128:
        return "hmac-sha256-128";
    }
    return "unknown";
}

bool
ParseEncryption(const std::string& name, IpsecEncryption& alg)
{
    for (auto candidate : g_encryptions)
    {
        if (ToString(candidate) == name)
        {
            alg = candidate;
            return true;
        }
    }
    return false;
}

bool
ParseIntegrity(const std::string& name, IpsecIntegrity& alg)
{
    for (auto candidate : g_integrities)
    {
        if (ToString(candidate) == name)
        {
            alg = candidate;
            return true;
        }
    }
    return false;
}

std::string
CheckTransformPair(IpsecEncryption enc, IpsecIntegrity integ)
{
    if (IsCombinedMode(enc) && integ != IpsecIntegrity::NONE)
    {
        return "combined-mode cipher " + ToString(enc) +
               " takes no separate integrity transform (got " + ToString(integ) + ")";
    }
    if (!IsCombinedMode(enc) && integ == IpsecIntegrity::NONE)
    {
        return "cipher " + ToString(enc) + " needs an integrity transform";
    }
    return "";
}

} // namespace ns3
