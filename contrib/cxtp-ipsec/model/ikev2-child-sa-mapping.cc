/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-child-sa-mapping.h"

#include "ikev2-algorithms.h"

namespace ns3
{

Ikev2TrafficSelector
Ikev2ChildSaMapping::ToSelector(const Ipv6Address& address,
                                const Ipv6Prefix& prefix,
                                uint8_t nextHeader,
                                uint16_t portMin,
                                uint16_t portMax)
{
    uint8_t addr[16];
    uint8_t mask[16];
    address.GetBytes(addr);
    prefix.GetBytes(mask);
    uint8_t first[16];
    uint8_t last[16];
    for (int i = 0; i < 16; ++i)
    {
        first[i] = addr[i] & mask[i];
        last[i] = addr[i] | static_cast<uint8_t>(~mask[i]);
    }
    // RFC 7296 §3.13.1: IP Protocol ID 0 means any.
    uint8_t protocol = nextHeader == IpsecTrafficSelector::ANY_PROTOCOL ? 0 : nextHeader;
    return Ikev2TrafficSelector::Ipv6Range(Ipv6Address(first),
                                           Ipv6Address(last),
                                           protocol,
                                           portMin,
                                           portMax);
}

Ikev2IkeAuthExchange::ChildRequest
Ikev2ChildSaMapping::MakeRequest(const IpsecPolicy& outRule, uint32_t inboundSpi)
{
    const IpsecTrafficSelector& s = outRule.selector;
    Ikev2IkeAuthExchange::ChildRequest r;
    r.inboundSpi = inboundSpi;
    r.tsi = {
        ToSelector(s.localAddress, s.localPrefix, s.nextHeader, s.localPortMin, s.localPortMax)};
    r.tsr = {ToSelector(s.remoteAddress,
                        s.remotePrefix,
                        s.nextHeader,
                        s.remotePortMin,
                        s.remotePortMax)};
    return r;
}

Ikev2IkeAuthExchange::ChildPolicy
Ikev2ChildSaMapping::MakePolicy(const IpsecPolicy& outRule, uint32_t inboundSpi)
{
    const IpsecTrafficSelector& s = outRule.selector;
    Ikev2IkeAuthExchange::ChildPolicy p;
    p.inboundSpi = inboundSpi;
    p.tsi = {ToSelector(s.remoteAddress,
                        s.remotePrefix,
                        s.nextHeader,
                        s.remotePortMin,
                        s.remotePortMax)};
    p.tsr = {
        ToSelector(s.localAddress, s.localPrefix, s.nextHeader, s.localPortMin, s.localPortMax)};
    return p;
}

std::string
Ikev2ChildSaMapping::MakeSaPair(const Ikev2Sa& sa,
                                const Ikev2ChildSa& child,
                                const Ikev2ChildKeys& keys,
                                bool initiator,
                                IpsecSecurityAssociation& in,
                                IpsecSecurityAssociation& out)
{
    IpsecEncryption encryption;
    IpsecIntegrity integrity;
    if (!Ikev2Algorithms::GetEncryption(child.algorithms.encr,
                                        child.algorithms.keyBits,
                                        encryption) ||
        !Ikev2Algorithms::GetIntegrity(child.algorithms.integ, integrity))
    {
        return "the CHILD_SA's transforms have no ESP implementation here";
    }
    auto make = [&](IpsecDirection direction,
                    uint32_t spi,
                    const std::vector<uint8_t>& encryptionKey,
                    const std::vector<uint8_t>& integrityKey) {
        IpsecSecurityAssociation esp;
        esp.spi = spi;
        esp.direction = direction;
        esp.mode = child.transportMode ? IpsecMode::TRANSPORT : IpsecMode::TUNNEL;
        esp.source = direction == IpsecDirection::OUTBOUND ? sa.local : sa.peer;
        esp.destination = direction == IpsecDirection::OUTBOUND ? sa.peer : sa.local;
        esp.encryption = encryption;
        esp.integrity = integrity;
        esp.encryptionKey = encryptionKey;
        esp.integrityKey = integrityKey;
        esp.hardLifetime.time = child.lifetime;
        esp.policyId = direction == IpsecDirection::OUTBOUND ? child.outPolicyId : child.inPolicyId;
        return esp;
    };
    // §2.17: the initiator-to-responder keys come first in KEYMAT.
    const auto& outEnc = initiator ? keys.encryptionIr : keys.encryptionRi;
    const auto& outInt = initiator ? keys.integrityIr : keys.integrityRi;
    const auto& inEnc = initiator ? keys.encryptionRi : keys.encryptionIr;
    const auto& inInt = initiator ? keys.integrityRi : keys.integrityIr;
    in = make(IpsecDirection::INBOUND, child.inboundSpi, inEnc, inInt);
    out = make(IpsecDirection::OUTBOUND, child.outboundSpi, outEnc, outInt);
    return "";
}

} // namespace ns3
