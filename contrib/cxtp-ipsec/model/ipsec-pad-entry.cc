/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-pad-entry.h"

#include <sstream>

namespace ns3
{

std::string
IpsecPadEntry::Validate() const
{
    std::ostringstream who;
    who << "PAD entry " << (peerName.empty() ? "" : peerName + " ") << peerAddress << "/"
        << +peerPrefix.GetPrefixLength() << ": ";
    if (ikeVersion != 1 && ikeVersion != 2)
    {
        return who.str() + "IKE version must be 1 or 2, got " + std::to_string(ikeVersion);
    }
    if (authMethod == IpsecAuthMethod::PRE_SHARED_KEY && preSharedKey.empty())
    {
        return who.str() + "pre-shared key authentication needs a non-empty key";
    }
    if (authMethod == IpsecAuthMethod::CERTIFICATE && ikeVersion != 2)
    {
        return who.str() + "certificate authentication needs IKEv2";
    }
    if ((authMethod == IpsecAuthMethod::EAP || localEap) && ikeVersion != 2)
    {
        return who.str() + "EAP authentication needs IKEv2";
    }
    if (authMethod == IpsecAuthMethod::EAP && localEap)
    {
        return who.str() + "EAP authenticates the initiator only: not both ends";
    }
    if (authMethod == IpsecAuthMethod::CERTIFICATE && trustAnchors.empty())
    {
        return who.str() + "certificate authentication needs at least one trust anchor";
    }
    return "";
}

bool
IpsecPadEntry::MatchesAddress(const Ipv6Address& address) const
{
    return peerPrefix.IsMatch(peerAddress, address);
}

} // namespace ns3
