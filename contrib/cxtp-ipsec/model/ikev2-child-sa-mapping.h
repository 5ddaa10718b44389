/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_CHILD_SA_MAPPING_H
#define IKEV2_CHILD_SA_MAPPING_H

#include "ikev2-ike-auth-exchange.h"
#include "ipsec-policy.h"
#include "ipsec-security-association.h"

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Translates between the node's SPD/SAD (RFC 4301 §4.4) and IKEv2's terms for a
 * CHILD_SA: an outbound PROTECT rule becomes the traffic selectors asked for or accepted
 * (RFC 7296 §2.9), and a negotiated CHILD_SA with its KEYMAT (§2.17) becomes the two ESP SAs
 * to install.
 */
class Ikev2ChildSaMapping
{
  public:
    /**
     * \param address a prefix address
     * \param prefix its length
     * \param nextHeader the protocol, IpsecTrafficSelector::ANY_PROTOCOL for any
     * \param portMin the lowest port
     * \param portMax the highest port
     * \return the TS_IPV6_ADDR_RANGE selector that covers exactly that prefix and ports
     */
    static Ikev2TrafficSelector ToSelector(const Ipv6Address& address,
                                           const Ipv6Prefix& prefix,
                                           uint8_t nextHeader,
                                           uint16_t portMin,
                                           uint16_t portMax);
    /**
     * \brief Initiator: what to ask for a rule (TSi our side, TSr the peer's side).
     * \param outRule our outbound PROTECT rule
     * \param inboundSpi our inbound SPI
     * \return the request
     */
    static Ikev2IkeAuthExchange::ChildRequest MakeRequest(const IpsecPolicy& outRule,
                                                          uint32_t inboundSpi);
    /**
     * \brief Responder: what our rule accepts (TSi the peer's side, TSr ours).
     * \param outRule our outbound PROTECT rule towards the initiator
     * \param inboundSpi our inbound SPI
     * \return the policy
     */
    static Ikev2IkeAuthExchange::ChildPolicy MakePolicy(const IpsecPolicy& outRule,
                                                        uint32_t inboundSpi);
    /**
     * \brief The ESP SAs of a CHILD_SA in tunnel mode between the IKE SA's addresses.
     * \param sa the IKE SA (local, peer, originalInitiator... see \p initiator)
     * \param child the CHILD_SA (SPIs, algorithms, rule ids, lifetime)
     * \param keys its KEYMAT
     * \param initiator true if we initiated the exchange that made the CHILD_SA (its
     *        initiator-to-responder keys are then our outbound ones)
     * \param [out] in our inbound SA
     * \param [out] out our outbound SA
     * \return empty, or why the transforms cannot be installed
     */
    static std::string MakeSaPair(const Ikev2Sa& sa,
                                  const Ikev2ChildSa& child,
                                  const Ikev2ChildKeys& keys,
                                  bool initiator,
                                  IpsecSecurityAssociation& in,
                                  IpsecSecurityAssociation& out);
};

} // namespace ns3

#endif // IKEV2_CHILD_SA_MAPPING_H
