/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-ike-sa-init-exchange.h"

#include "crypto-diffie-hellman.h"
#include "crypto-random.h"
#include "ikev2-algorithms.h"
#include "ikev2-cookie-generator.h"
#include "ikev2-key-derivation.h"
#include "ikev2-nat-detection.h"

#include "ns3/abort.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ikev2IkeSaInitExchange");

Ikev2IkeSaInitExchange::Ikev2IkeSaInitExchange(Ptr<CryptoRandom> rng,
                                               const Ikev2Proposals& proposals,
                                               uint32_t nonceSize)
    : m_rng(rng),
      m_proposals(proposals),
      m_nonceSize(nonceSize)
{
    NS_ABORT_MSG_IF(nonceSize < Ikev2::MIN_NONCE || nonceSize > Ikev2::MAX_NONCE,
                    "Ikev2IkeSaInitExchange: nonce size " << nonceSize << " not in 16..256");
}

Ikev2Message
Ikev2IkeSaInitExchange::BuildRequest(Ikev2Sa& sa, uint16_t port)
{
    CryptoDhGroup group;
    NS_ABORT_MSG_IF(!Ikev2Algorithms::GetDhGroup(sa.algorithms.dh, group),
                    "Ikev2IkeSaInitExchange: unsupported group "
                        << static_cast<uint16_t>(sa.algorithms.dh));
    if (sa.ni.empty())
    {
        sa.ni = m_rng->GetBytes(m_nonceSize);
    }
    if (sa.dhPrivate.empty())
    {
        sa.dhPrivate = CryptoDiffieHellman::MakePrivate(group, *m_rng);
        CryptoDiffieHellman::ComputePublic(group, sa.dhPrivate, sa.dhPublic);
    }
    Ikev2Message m;
    m.header = sa.MakeHeader(Ikev2ExchangeType::IKE_SA_INIT, false, 0);
    if (!sa.cookie.empty())
    {
        m.payloads.push_back(Ikev2MakeNotify(Ikev2NotifyType::COOKIE, sa.cookie)); // first (§2.6)
    }
    m.payloads.push_back(m_proposals.MakeIkeOffer({}));
    Ikev2KePayload ke;
    ke.group = sa.algorithms.dh;
    ke.data = sa.dhPublic;
    m.payloads.push_back(ke);
    Ikev2NoncePayload nonce;
    nonce.data = sa.ni;
    m.payloads.push_back(nonce);
    for (Ikev2Payload& n : NatNotifies(sa, true, port))
    {
        m.payloads.push_back(std::move(n));
    }
    sa.state = Ikev2State::INIT_SENT;
    return m;
}

std::string
Ikev2IkeSaInitExchange::ProcessRequest(const Ikev2Message& request,
                                       Ikev2Sa& sa,
                                       uint16_t port,
                                       const Ikev2CookieGenerator* cookies,
                                       Ikev2Message& response)
{
    response = Ikev2Message();
    const auto* offer = IkeFindPayload<Ikev2SaPayload>(request.payloads);
    const auto* ke = IkeFindPayload<Ikev2KePayload>(request.payloads);
    const auto* nonce = IkeFindPayload<Ikev2NoncePayload>(request.payloads);
    if (!offer || !ke || !nonce)
    {
        return "IKE_SA_INIT request without SA, KE or Nonce";
    }
    response.header = sa.MakeHeader(Ikev2ExchangeType::IKE_SA_INIT, true, 0);
    if (cookies)
    {
        const Ikev2NotifyPayload* cookie =
            Ikev2FindNotify(request.payloads, Ikev2NotifyType::COOKIE);
        if (!cookie || !cookies->Verify(cookie->data, nonce->data, sa.peer, sa.spiI))
        {
            response.header.responderSpi = 0; // no state yet (§2.6)
            response.payloads = {Ikev2MakeNotify(Ikev2NotifyType::COOKIE,
                                                 cookies->Compute(nonce->data, sa.peer, sa.spiI))};
            return "COOKIE";
        }
    }
    Ikev2SaPayload reply;
    Ikev2DhId wanted = Ikev2DhId::NONE;
    std::string error = m_proposals.SelectIke(*offer, ke->group, {}, reply, sa.algorithms, wanted);
    if (!error.empty())
    {
        response.header.responderSpi = 0;
        bool wrongGroup = error == "INVALID_KE_PAYLOAD";
        response.payloads = {wrongGroup ? Ikev2MakeInvalidKeNotify(wanted)
                                        : Ikev2MakeNotify(Ikev2NotifyType::NO_PROPOSAL_CHOSEN)};
        return wrongGroup ? error : "NO_PROPOSAL_CHOSEN";
    }
    CryptoDhGroup group;
    Ikev2Algorithms::GetDhGroup(sa.algorithms.dh, group);
    sa.ni = nonce->data;
    sa.nr = m_rng->GetBytes(m_nonceSize);
    sa.dhPrivate = CryptoDiffieHellman::MakePrivate(group, *m_rng);
    CryptoDiffieHellman::ComputePublic(group, sa.dhPrivate, sa.dhPublic);
    error = DeriveKeys(sa, ke->data);
    if (!error.empty())
    {
        response = Ikev2Message(); // a bad KE value: drop (no protected channel to complain on)
        return error;
    }
    CheckNat(request.payloads, sa, 0, port);
    Ikev2KePayload ker;
    ker.group = sa.algorithms.dh;
    ker.data = sa.dhPublic;
    Ikev2NoncePayload nr;
    nr.data = sa.nr;
    response.payloads = {reply, ker, nr};
    for (Ikev2Payload& n : NatNotifies(sa, false, port))
    {
        response.payloads.push_back(std::move(n));
    }
    sa.state = Ikev2State::INIT_ANSWERED;
    return "";
}

Ikev2IkeSaInitExchange::Outcome
Ikev2IkeSaInitExchange::ProcessResponse(const Ikev2Message& response,
                                        Ikev2Sa& sa,
                                        uint16_t port,
                                        std::string& reason)
{
    if (const Ikev2NotifyPayload* cookie =
            Ikev2FindNotify(response.payloads, Ikev2NotifyType::COOKIE))
    {
        sa.cookie = cookie->data;
        reason = "the responder asks for a cookie";
        return Outcome::RETRY;
    }
    if (const Ikev2NotifyPayload* invalid =
            Ikev2FindNotify(response.payloads, Ikev2NotifyType::INVALID_KE_PAYLOAD))
    {
        Ikev2DhId wanted = Ikev2GetInvalidKeGroup(*invalid);
        bool offered = false;
        for (const Ikev2IkeChoice& c : m_proposals.GetIkeChoices())
        {
            offered = offered || c.dh == wanted;
        }
        if (!offered || wanted == sa.algorithms.dh)
        {
            reason = "INVALID_KE_PAYLOAD for a group we did not offer";
            return Outcome::FAILED;
        }
        sa.algorithms.dh = wanted;
        sa.dhPrivate.clear(); // a new KE value of the wanted group (§1.2)
        reason = "the responder wants group " + std::to_string(static_cast<uint16_t>(wanted));
        return Outcome::RETRY;
    }
    if (const Ikev2NotifyPayload* error = Ikev2FindErrorNotify(response.payloads))
    {
        reason =
            "IKE_SA_INIT refused, notify " + std::to_string(static_cast<uint16_t>(error->type));
        return Outcome::FAILED;
    }
    const auto* answer = IkeFindPayload<Ikev2SaPayload>(response.payloads);
    const auto* ke = IkeFindPayload<Ikev2KePayload>(response.payloads);
    const auto* nonce = IkeFindPayload<Ikev2NoncePayload>(response.payloads);
    Ikev2DhId ourGroup = sa.algorithms.dh;
    reason = !answer || !ke || !nonce ? "IKE_SA_INIT response without SA, KE or Nonce"
             : response.header.responderSpi == 0
                 ? "IKE_SA_INIT response without SPIr"
                 : m_proposals.CheckIkeAnswer(*answer, sa.algorithms);
    if (reason.empty() && (sa.algorithms.dh != ourGroup || ke->group != ourGroup))
    {
        reason = "the response's group is not that of our KE payload";
    }
    if (!reason.empty())
    {
        return Outcome::FAILED;
    }
    sa.spiR = response.header.responderSpi;
    sa.nr = nonce->data;
    reason = DeriveKeys(sa, ke->data);
    if (!reason.empty())
    {
        return Outcome::FAILED;
    }
    CheckNat(response.payloads, sa, sa.spiR, port);
    return Outcome::KEYED;
}

std::string
Ikev2IkeSaInitExchange::DeriveKeys(Ikev2Sa& sa, const std::vector<uint8_t>& peerKe) const
{
    CryptoDhGroup group;
    std::vector<uint8_t> gir;
    if (!Ikev2Algorithms::GetDhGroup(sa.algorithms.dh, group) ||
        !CryptoDiffieHellman::ComputeShared(group, sa.dhPrivate, peerKe, gir))
    {
        return "invalid KE data for group " +
               std::to_string(static_cast<uint16_t>(sa.algorithms.dh));
    }
    const Ikev2IkeChoice& a = sa.algorithms;
    std::vector<uint8_t> skeyseed = Ikev2KeyDerivation::Skeyseed(a.prf, sa.ni, sa.nr, gir);
    if (skeyseed.empty() || !Ikev2KeyDerivation::DeriveIkeKeys(a.prf,
                                                               a.encr,
                                                               a.keyBits,
                                                               a.integ,
                                                               skeyseed,
                                                               sa.ni,
                                                               sa.nr,
                                                               sa.spiI,
                                                               sa.spiR,
                                                               sa.keys))
    {
        return "no keys for the negotiated transforms";
    }
    sa.dhPrivate.clear();
    return "";
}

std::vector<Ikev2Payload>
Ikev2IkeSaInitExchange::NatNotifies(const Ikev2Sa& sa, bool fromInitiator, uint16_t port)
{
    uint64_t spiR = fromInitiator ? 0 : sa.spiR;
    return {Ikev2MakeNotify(Ikev2NotifyType::NAT_DETECTION_SOURCE_IP,
                            Ikev2NatDetection::Hash(sa.spiI, spiR, sa.local, port)),
            Ikev2MakeNotify(Ikev2NotifyType::NAT_DETECTION_DESTINATION_IP,
                            Ikev2NatDetection::Hash(sa.spiI, spiR, sa.peer, port))};
}

void
Ikev2IkeSaInitExchange::CheckNat(const std::vector<Ikev2Payload>& payloads,
                                 Ikev2Sa& sa,
                                 uint64_t spiR,
                                 uint16_t port)
{
    const Ikev2NotifyPayload* source =
        Ikev2FindNotify(payloads, Ikev2NotifyType::NAT_DETECTION_SOURCE_IP);
    const Ikev2NotifyPayload* destination =
        Ikev2FindNotify(payloads, Ikev2NotifyType::NAT_DETECTION_DESTINATION_IP);
    if (!source || !destination)
    {
        return; // the peer does not do NAT traversal
    }
    sa.natPeer = !Ikev2NatDetection::Matches(source->data,
                                             Ikev2NatDetection::Hash(sa.spiI, spiR, sa.peer, port));
    sa.natLocal =
        !Ikev2NatDetection::Matches(destination->data,
                                    Ikev2NatDetection::Hash(sa.spiI, spiR, sa.local, port));
}

} // namespace ns3
