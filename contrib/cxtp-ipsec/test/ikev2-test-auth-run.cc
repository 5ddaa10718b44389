/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-test-auth-run.h"

#include "ns3/abort.h"
#include "ns3/ikev2-codec.h"
#include "ns3/ikev2-ike-sa-init-exchange.h"
#include "ns3/ikev2-protection.h"

namespace ns3
{

namespace
{

constexpr uint16_t PORT = 500; ///< IKE port

/**
 * \brief Flips a bit of the AUTH data.
 * \param m a message with an open SK payload
 */
void
FlipAuth(Ikev2Message& m)
{
    for (auto& p : m.encrypted->payloads)
    {
        if (auto* auth = std::get_if<Ikev2AuthPayload>(&p))
        {
            auth->data[0] ^= 1;
        }
    }
}

} // namespace

const Ipv6Address Ikev2TestAuthRun::MN("2001:db8:1::10");
const Ipv6Address Ikev2TestAuthRun::GATEWAY("2001:db8:2::1");

Ikev2Proposals
Ikev2TestAuthRun::Proposals(const std::string& ike, const std::string& esp)
{
    std::vector<Ikev2IkeChoice> i;
    std::vector<Ikev2EspChoice> e;
    NS_ABORT_IF(!Ikev2Proposals::ParseIkeList(ike, i).empty());
    NS_ABORT_IF(!Ikev2Proposals::ParseEspList(esp, e).empty());
    return Ikev2Proposals(i, e);
}

Ikev2IdPayload
Ikev2TestAuthRun::Id(const Ipv6Address& a)
{
    Ikev2IdPayload id;
    id.idType = Ikev2IdType::ID_IPV6_ADDR;
    id.data.resize(16);
    a.Serialize(id.data.data());
    return id;
}

std::vector<Ikev2TrafficSelector>
Ikev2TestAuthRun::MnPrefix()
{
    return {Ikev2TrafficSelector::Ipv6Range(Ipv6Address("2001:db8:1::"),
                                            Ipv6Address("2001:db8:1::ffff:ffff:ffff:ffff"))};
}

void
Ikev2TestAuthRun::Go(const Ikev2Proposals& pi,
                     const Ikev2Proposals& pr,
                     const std::vector<uint8_t>& pskI,
                     const std::vector<uint8_t>& pskR,
                     const std::vector<Ikev2TrafficSelector>& allowTsi)
{
    Go(pi, pr, Ikev2Credentials::FromPsk(pskI), Ikev2Credentials::FromPsk(pskR), allowTsi);
}

void
Ikev2TestAuthRun::Go(const Ikev2Proposals& pi,
                     const Ikev2Proposals& pr,
                     const Ikev2Credentials& credentialsI,
                     const Ikev2Credentials& credentialsR,
                     const std::vector<Ikev2TrafficSelector>& allowTsi)
{
    rngI->AssignStreams(1);
    rngR->AssignStreams(2);
    Init(pi, pr);
    Ikev2IkeAuthExchange ai(pi);
    Ikev2IkeAuthExchange ar(pr);
    Ikev2IkeAuthExchange::ChildRequest ask;
    ask.inboundSpi = 0xc0000001;
    ask.tsi = {Ikev2TrafficSelector::Ipv6Range(MN, MN)};
    ask.tsr = {
        Ikev2TrafficSelector::Ipv6Range(Ipv6Address("::"),
                                        Ipv6Address("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))};
    Ikev2IkeAuthExchange::ChildPolicy policy;
    policy.inboundSpi = 0xd0000002;
    policy.tsi = allowTsi;
    policy.tsr = {
        Ikev2TrafficSelector::Ipv6Range(Ipv6Address("2001:db8::"),
                                        Ipv6Address("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"))};

    Ikev2Message out = ai.BuildRequest(mn, credentialsI, ask, true);
    if (tamperRequestAuth)
    {
        FlipAuth(out);
    }
    requestWire = Ikev2Protection::Protect(out, mn.GetSkKeys(true), rngI);
    NS_ABORT_IF(!Ikev2Protection::Open(requestWire, gw.GetSkKeys(true), request).IsOk());
    Ikev2Message answer;
    gatewaySays = ar.ProcessRequest(request, gw, credentialsR, policy, answer, gwChild, gwKeys);
    if (tamperAuth)
    {
        FlipAuth(answer);
    }
    responseWire = Ikev2Protection::Protect(answer, gw.GetSkKeys(false), rngR);
    NS_ABORT_IF(!Ikev2Protection::Open(responseWire, mn.GetSkKeys(false), response).IsOk());
    mnSays = ai.ProcessResponse(response, mn, credentialsI, ask, mnChild, mnKeys);
}

void
Ikev2TestAuthRun::Init(const Ikev2Proposals& pi, const Ikev2Proposals& pr)
{
    Ikev2IkeSaInitExchange i(rngI, pi);
    Ikev2IkeSaInitExchange r(rngR, pr);
    mn.spiI = 0x0123456789abcdef;
    mn.local = MN;
    mn.peer = GATEWAY;
    mn.algorithms = pi.GetIkeChoices()[0];
    mn.localId = mnId;
    std::vector<uint8_t> initRequest = Ikev2Codec::EncodeMessage(i.BuildRequest(mn, PORT));
    Ikev2Message in;
    NS_ABORT_IF(!Ikev2Codec::DecodeMessage(initRequest, in).IsOk());
    gw.originalInitiator = false;
    gw.spiI = in.header.initiatorSpi;
    gw.spiR = 0xfedcba9876543210;
    gw.local = GATEWAY;
    gw.peer = MN;
    gw.localId = gwId;
    Ikev2Message out;
    NS_ABORT_IF(!r.ProcessRequest(in, gw, PORT, nullptr, out).empty());
    std::vector<uint8_t> initResponse = Ikev2Codec::EncodeMessage(out);
    NS_ABORT_IF(!Ikev2Codec::DecodeMessage(initResponse, in).IsOk());
    std::string reason;
    NS_ABORT_IF(i.ProcessResponse(in, mn, PORT, reason) != Ikev2IkeSaInitExchange::Outcome::KEYED);
    mn.initRequest = gw.initRequest = initRequest;
    mn.initResponse = gw.initResponse = initResponse;
    mn.nextRequestId = 1;
    gw.nextExpectedId = 1;
}

} // namespace ns3
