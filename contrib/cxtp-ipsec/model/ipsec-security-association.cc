/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-security-association.h"

#include <sstream>

namespace ns3
{

std::string
ToString(IpsecMode mode)
{
    return mode == IpsecMode::TUNNEL ? "tunnel" : "transport";
}

std::string
ToString(IpsecDirection direction)
{
    return direction == IpsecDirection::INBOUND ? "in" : "out";
}

std::string
IpsecSecurityAssociation::Validate() const
{
    std::ostringstream prefix;
    prefix << "SA spi 0x" << std::hex << spi << std::dec << " (" << ToString(direction) << "): ";
    if (spi < 256)
    {
        return prefix.str() + "SPI values 0-255 are reserved (RFC 4303 §2.1)";
    }
    std::string error = CheckTransformPair(encryption, integrity);
    if (!error.empty())
    {
        return prefix.str() + error;
    }
    if (encryptionKey.size() != GetEncryptionKeyLength(encryption))
    {
        return prefix.str() + ns3::ToString(encryption) + " needs a " +
               std::to_string(GetEncryptionKeyLength(encryption)) + "-byte key, got " +
               std::to_string(encryptionKey.size());
    }
    if (integrityKey.size() != GetIntegrityKeyLength(integrity))
    {
        return prefix.str() + ns3::ToString(integrity) + " needs a " +
               std::to_string(GetIntegrityKeyLength(integrity)) + "-byte key, got " +
               std::to_string(integrityKey.size());
    }
    if (mode == IpsecMode::TUNNEL && (source.IsAny() || destination.IsAny()))
    {
        return prefix.str() + "tunnel mode needs both outer addresses";
    }
    if (replay.GetHighest() != 0 && replay.IsEsn() != esn)
    {
        return prefix.str() + "replay window and SA disagree on ESN";
    }
    if (softLifetime.time.IsStrictlyPositive() && hardLifetime.time.IsStrictlyPositive() &&
        softLifetime.time > hardLifetime.time)
    {
        return prefix.str() + "soft time lifetime exceeds the hard one";
    }
    if (softLifetime.bytes != 0 && hardLifetime.bytes != 0 &&
        softLifetime.bytes > hardLifetime.bytes)
    {
        return prefix.str() + "soft byte lifetime exceeds the hard one";
    }
    if (pathMtu < 1280)
    {
        return prefix.str() + "path MTU below the IPv6 minimum of 1280";
    }
    return "";
}

} // namespace ns3
