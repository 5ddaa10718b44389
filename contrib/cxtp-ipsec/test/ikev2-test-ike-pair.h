/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_TEST_IKE_PAIR_H
#define IKEV2_TEST_IKE_PAIR_H

#include "ns3/crypto-random.h"
#include "ns3/ikev2-credentials.h"
#include "ns3/ikev2-ike-auth-exchange.h"
#include "ns3/ikev2-message.h"
#include "ns3/ikev2-proposals.h"
#include "ns3/ikev2-sa.h"
#include "ns3/ipv6-address.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec-tests
 * \brief An MN and a gateway that run IKE_SA_INIT and a PSK IKE_AUTH (RFC 7296 §1.2) with
 * every message through the codec and the SK payload: the keyed pair the suites of the IKEv2
 * exchanges start from.
 */
class Ikev2TestIkePair
{
  public:
    static const Ipv6Address MN;           ///< the original initiator
    static const Ipv6Address GATEWAY;      ///< the original responder
    static constexpr uint16_t PORT = 500;  ///< IKE port
    static const std::vector<uint8_t> PSK; ///< the shared key both ends use by default

    /**
     * \param ike an IKE proposal list that must parse
     * \param esp an ESP proposal list that must parse
     * \return the proposals
     */
    static Ikev2Proposals Proposals(const std::string& ike, const std::string& esp);
    /// \param a an address \return an ID_IPV6_ADDR identity
    static Ikev2IdPayload Id(const Ipv6Address& a);
    /// \return the gateway's usual acceptable initiator-side selectors: the MN's /64
    static std::vector<Ikev2TrafficSelector> MnPrefix();
    /// \return the gateway's own side: 2001:db8::/32
    static std::vector<Ikev2TrafficSelector> GatewaySide();
    /// \return every IPv6 address, the MN's wish for the gateway's side
    static std::vector<Ikev2TrafficSelector> Anywhere();

    /// Draws the MN's randomness from stream 1 and the gateway's from stream 2.
    Ikev2TestIkePair();

    /**
     * \brief IKE_SA_INIT through the codec, keeping both messages as sent for the AUTH payloads.
     * \param pi the MN's proposals
     * \param pr the gateway's proposals
     */
    void Init(const Ikev2Proposals& pi, const Ikev2Proposals& pr);
    /**
     * \brief Init(), then IKE_AUTH with the first CHILD_SA: the MN asks for its own address to
     * anywhere, the gateway allows \p allowTsi to the documentation prefix. The messages cross
     * protected (Protect, then Open with the other end's keys); tamperRequestAuth and
     * tamperAuth flip a bit of the MN's or the gateway's AUTH on the way.
     * \param pi the MN's proposals
     * \param pr the gateway's proposals
     * \param credentialsI the MN's credentials
     * \param credentialsR the gateway's credentials
     * \param allowTsi the initiator-side selectors the gateway accepts
     */
    void Auth(const Ikev2Proposals& pi,
              const Ikev2Proposals& pr,
              const Ikev2Credentials& credentialsI,
              const Ikev2Credentials& credentialsR,
              const std::vector<Ikev2TrafficSelector>& allowTsi);
    /**
     * \brief Auth() with a pre-shared key at each end.
     * \param pi the MN's proposals
     * \param pr the gateway's proposals
     * \param pskI the MN's key
     * \param pskR the gateway's key
     * \param allowTsi the initiator-side selectors the gateway accepts
     */
    void Auth(const Ikev2Proposals& pi,
              const Ikev2Proposals& pr,
              const std::vector<uint8_t>& pskI,
              const std::vector<uint8_t>& pskR,
              const std::vector<Ikev2TrafficSelector>& allowTsi);
    /**
     * \brief Auth() with the usual keys and selectors, which must succeed; the first CHILD_SA
     * then goes into both SAs' children, as the daemon puts it there.
     * \param pi the MN's proposals
     * \param pr the gateway's proposals
     */
    void Establish(const Ikev2Proposals& pi, const Ikev2Proposals& pr);

    /**
     * \brief The wire between two ends of one IKE SA: protects \p message with the sender's SK
     * keys and opens it with the receiver's; aborts if it does not open.
     * \param message the message, its SK payload open
     * \param from the sender's SA
     * \param to the receiver's SA
     * \param rng the sender's IVs
     * \return the message as the receiver opened it
     */
    static Ikev2Message Carry(const Ikev2Message& message,
                              const Ikev2Sa& from,
                              const Ikev2Sa& to,
                              const Ptr<CryptoRandom>& rng);

    Ikev2IdPayload mnId{Id(MN)};       ///< the MN's localId before IKE_AUTH
    Ikev2IdPayload gwId{Id(GATEWAY)};  ///< the gateway's localId before IKE_AUTH
    bool tamperRequestAuth{false};     ///< flip a bit of the MN's AUTH on the way
    bool tamperAuth{false};            ///< flip a bit of the gateway's AUTH on the way
    Ptr<CryptoRandom> rngI;            ///< the MN's randomness
    Ptr<CryptoRandom> rngR;            ///< the gateway's randomness
    Ikev2Sa mn;                        ///< the MN's IKE SA
    Ikev2Sa gw;                        ///< the gateway's IKE SA
    Ikev2ChildSa mnChild;              ///< the MN's first CHILD_SA
    Ikev2ChildSa gwChild;              ///< the gateway's first CHILD_SA
    Ikev2ChildKeys mnKeys;             ///< its keys at the MN
    Ikev2ChildKeys gwKeys;             ///< its keys at the gateway
    std::string gatewaySays;           ///< the gateway's IKE_AUTH ProcessRequest result
    std::string mnSays;                ///< the MN's IKE_AUTH ProcessResponse result
    Ikev2Message request;              ///< the IKE_AUTH request as the gateway opened it
    Ikev2Message response;             ///< the IKE_AUTH response as the MN opened it
    std::vector<uint8_t> requestWire;  ///< the protected request, from the IKE header on
    std::vector<uint8_t> responseWire; ///< the protected response
};

} // namespace ns3

#endif // IKEV2_TEST_IKE_PAIR_H
