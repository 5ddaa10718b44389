/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-test-ike-pair.h"

#include "ns3/abort.h"
#include "ns3/ikev2-codec.h"
#include "ns3/ikev2-credentials.h"
#include "ns3/ikev2-ike-sa-init-exchange.h"
#include "ns3/ikev2-ike-sa-task.h"
#include "ns3/ikev2-protection.h"

namespace ns3
{

const Ipv6Address Ikev2TestIkePair::MN("2001:db8:1::10");
const Ipv6Address Ikev2TestIkePair::GATEWAY("2001:db8:2::1");
const std::vector<uint8_t> Ikev2TestIkePair::PSK(32, 0x42);

Ikev2Proposals
Ikev2TestIkePair::Proposals(const std::string& ike, const std::string& esp)
{
    std::vector<Ikev2IkeChoice> i;
    std::vector<Ikev2EspChoice> e;
    NS_ABORT_IF(!Ikev2Proposals::ParseIkeList(ike, i).empty());
    NS_ABORT_IF(!Ikev2Proposals::ParseEspList(esp, e).empty());
    return Ikev2Proposals(i, e);
}

Ikev2IdPayload
Ikev2TestIkePair::Id(const Ipv6Address& a)
{
    return Ikev2IkeSaTask::MakeAddressId(a);
}

std::vector<Ikev2TrafficSelector>
Ikev2TestIkePair::MnPrefix()
{
    return {Ikev2TrafficSelector::Ipv6Range(Ipv6Address("2001:db8:1::"),
                                            Ipv6Address("2001:db8:1::ffff:ffff:ffff:ffff"))};
}

std::vector<Ikev2TrafficSelector>
Ikev2TestIkePair::GatewaySide()
{
    return {Ikev2TrafficSelector::Ipv6Range(Ipv6Address("2001:db8::"),
                                            Ipv6Address("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"))};
}

std::vector<Ikev2TrafficSelector>
Ikev2TestIkePair::Anywhere()
{
    return {
        Ikev2TrafficSelector::Ipv6Range(Ipv6Address("::"),
                                        Ipv6Address("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))};
}

Ikev2TestIkePair::Ikev2TestIkePair()
    : rngI(CreateObject<CryptoRandom>()),
      rngR(CreateObject<CryptoRandom>())
{
    rngI->AssignStreams(1);
    rngR->AssignStreams(2);
}

void
Ikev2TestIkePair::Init(const Ikev2Proposals& pi, const Ikev2Proposals& pr)
{
    Ikev2IkeSaInitExchange i(rngI, pi);
    Ikev2IkeSaInitExchange r(rngR, pr);
    mn.spiI = 0x0123456789abcdef;
    mn.local = MN;
    mn.peer = GATEWAY;
    mn.algorithms = pi.GetIkeChoices()[0];
    mn.localId = mnId;
    std::vector<uint8_t> request = Ikev2Codec::EncodeMessage(i.BuildRequest(mn, PORT));
    Ikev2Message in;
    NS_ABORT_IF(!Ikev2Codec::DecodeMessage(request, in).IsOk());
    gw.originalInitiator = false;
    gw.spiI = in.header.initiatorSpi;
    gw.spiR = 0xfedcba9876543210;
    gw.local = GATEWAY;
    gw.peer = MN;
    gw.localId = gwId;
    Ikev2Message out;
    NS_ABORT_IF(!r.ProcessRequest(in, gw, PORT, nullptr, out).empty());
    std::vector<uint8_t> response = Ikev2Codec::EncodeMessage(out);
    NS_ABORT_IF(!Ikev2Codec::DecodeMessage(response, in).IsOk());
    std::string reason;
    NS_ABORT_IF(i.ProcessResponse(in, mn, PORT, reason) != Ikev2IkeSaInitExchange::Outcome::KEYED);
    mn.initRequest = gw.initRequest = request;
    mn.initResponse = gw.initResponse = response;
    mn.nextRequestId = 1;
    gw.nextExpectedId = 1;
}

namespace
{

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

void
Ikev2TestIkePair::Auth(const Ikev2Proposals& pi,
                       const Ikev2Proposals& pr,
                       const std::vector<uint8_t>& pskI,
                       const std::vector<uint8_t>& pskR,
                       const std::vector<Ikev2TrafficSelector>& allowTsi)
{
    Auth(pi, pr, Ikev2Credentials::FromPsk(pskI), Ikev2Credentials::FromPsk(pskR), allowTsi);
}

void
Ikev2TestIkePair::Auth(const Ikev2Proposals& pi,
                       const Ikev2Proposals& pr,
                       const Ikev2Credentials& credentialsI,
                       const Ikev2Credentials& credentialsR,
                       const std::vector<Ikev2TrafficSelector>& allowTsi)
{
    Init(pi, pr);
    Ikev2IkeAuthExchange ai(pi);
    Ikev2IkeAuthExchange ar(pr);
    Ikev2IkeAuthExchange::ChildRequest ask;
    ask.inboundSpi = 0xc0000001;
    ask.tsi = {Ikev2TrafficSelector::Ipv6Range(MN, MN)};
    ask.tsr = Anywhere();
    Ikev2IkeAuthExchange::ChildPolicy policy;
    policy.inboundSpi = 0xd0000002;
    policy.tsi = allowTsi;
    policy.tsr = GatewaySide();

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
Ikev2TestIkePair::Establish(const Ikev2Proposals& pi, const Ikev2Proposals& pr)
{
    Auth(pi, pr, PSK, PSK, MnPrefix());
    NS_ABORT_MSG_IF(!gatewaySays.empty() || !mnSays.empty(),
                    "IKE_AUTH failed: " << gatewaySays << " / " << mnSays);
    mn.children[mnChild.inboundSpi] = mnChild;
    gw.children[gwChild.inboundSpi] = gwChild;
}

Ikev2Message
Ikev2TestIkePair::Carry(const Ikev2Message& message,
                        const Ikev2Sa& from,
                        const Ikev2Sa& to,
                        const Ptr<CryptoRandom>& rng)
{
    Ikev2Message out;
    Ikev2DecodeResult opened = Ikev2Protection::Open(
        Ikev2Protection::Protect(message, from.GetSkKeys(from.originalInitiator), rng),
        to.GetSkKeys(from.originalInitiator),
        out);
    NS_ABORT_MSG_IF(!opened.IsOk(), "the message does not open: " << opened.reason);
    return out;
}

} // namespace ns3
