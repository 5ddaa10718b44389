/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_TEST_AUTH_RUN_H
#define IKEV2_TEST_AUTH_RUN_H

#include "ns3/crypto-random.h"
#include "ns3/ikev2-credentials.h"
#include "ns3/ikev2-ike-auth-exchange.h"
#include "ns3/ikev2-proposals.h"
#include "ns3/ikev2-sa.h"
#include "ns3/ipv6-address.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec-tests
 * \brief One IKE_SA_INIT and IKE_AUTH between an MN (initiator, 2001:db8:1::10) and a gateway
 * (responder, 2001:db8:2::1), every message through the codec and the SK payload protection,
 * for the IKE_AUTH suites (PSK and certificates).
 */
class Ikev2TestAuthRun
{
  public:
    static const Ipv6Address MN;      ///< the initiator's address
    static const Ipv6Address GATEWAY; ///< the responder's address

    /**
     * \param ike an IKE proposal list
     * \param esp an ESP proposal list
     * \return proposals from the two lists (aborts if they do not parse)
     */
    static Ikev2Proposals Proposals(const std::string& ike, const std::string& esp);
    /**
     * \param a an address
     * \return an ID_IPV6_ADDR identity
     */
    static Ikev2IdPayload Id(const Ipv6Address& a);
    /// \return the gateway's usual acceptable initiator-side selectors: the MN's /64
    static std::vector<Ikev2TrafficSelector> MnPrefix();

    /**
     * \brief Runs both exchanges; the outcomes are in the fields.
     * \param pi the MN's proposals
     * \param pr the gateway's proposals
     * \param credentialsI the MN's credentials
     * \param credentialsR the gateway's credentials
     * \param allowTsi the gateway's acceptable initiator-side selectors
     */
    void Go(const Ikev2Proposals& pi,
            const Ikev2Proposals& pr,
            const Ikev2Credentials& credentialsI,
            const Ikev2Credentials& credentialsR,
            const std::vector<Ikev2TrafficSelector>& allowTsi);
    /**
     * \brief Runs both exchanges with pre-shared keys.
     * \param pi the MN's proposals
     * \param pr the gateway's proposals
     * \param pskI the MN's key
     * \param pskR the gateway's key
     * \param allowTsi the gateway's acceptable initiator-side selectors
     */
    void Go(const Ikev2Proposals& pi,
            const Ikev2Proposals& pr,
            const std::vector<uint8_t>& pskI,
            const std::vector<uint8_t>& pskR,
            const std::vector<Ikev2TrafficSelector>& allowTsi);

    Ptr<CryptoRandom> rngI = CreateObject<CryptoRandom>(); ///< MN's randomness
    Ptr<CryptoRandom> rngR = CreateObject<CryptoRandom>(); ///< gateway's randomness
    Ikev2IdPayload mnId{Id(MN)};                           ///< the MN's localId before IKE_AUTH
    Ikev2IdPayload gwId{Id(GATEWAY)}; ///< the gateway's localId before IKE_AUTH
    bool tamperRequestAuth{false};    ///< flip a bit of the MN's AUTH on the way
    bool tamperAuth{false};           ///< flip a bit of the gateway's AUTH on the way

    Ikev2Sa mn;                        ///< the MN's IKE SA
    Ikev2Sa gw;                        ///< the gateway's IKE SA
    Ikev2ChildSa mnChild;              ///< the MN's CHILD_SA
    Ikev2ChildSa gwChild;              ///< the gateway's CHILD_SA
    Ikev2ChildKeys mnKeys;             ///< its keys at the MN
    Ikev2ChildKeys gwKeys;             ///< its keys at the gateway
    std::string gatewaySays;           ///< ProcessRequest's result
    std::string mnSays;                ///< ProcessResponse's result
    Ikev2Message request;              ///< the IKE_AUTH request as the gateway opened it
    Ikev2Message response;             ///< the IKE_AUTH response as the MN opened it
    std::vector<uint8_t> requestWire;  ///< the protected request, from the IKE header on
    std::vector<uint8_t> responseWire; ///< the protected response

  private:
    /**
     * \brief IKE_SA_INIT, keeping both messages as sent for the AUTH payloads.
     * \param pi the MN's proposals
     * \param pr the gateway's proposals
     */
    void Init(const Ikev2Proposals& pi, const Ikev2Proposals& pr);
};

} // namespace ns3

#endif // IKEV2_TEST_AUTH_RUN_H
