/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-create-child-sa-exchange.h"

#include "crypto-diffie-hellman.h"
#include "crypto-random.h"
#include "ikev2-algorithms.h"
#include "wire-reader.h"
#include "wire-writer.h"

#include "ns3/abort.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace ns3
{

namespace
{

/// \return a CREATE_CHILD_SA message of this SA with an open, empty SK payload
Ikev2Message
Message(const Ikev2Sa& sa, bool response, uint32_t messageId)
{
    Ikev2Message m;
    m.header = sa.MakeHeader(Ikev2ExchangeType::CREATE_CHILD_SA, response, messageId);
    m.encrypted = Ikev2EncryptedPayload();
    return m;
}

/**
 * \brief Answers a request with one notification alone.
 * \return \p why
 */
std::string
Refuse(Ikev2Message& response, const Ikev2NotifyPayload& notify, const std::string& why)
{
    response.encrypted->payloads = {notify};
    return why;
}

/// \return an ESP notification about the SA of \p spi (REKEY_SA, CHILD_SA_NOT_FOUND; §3.10)
Ikev2NotifyPayload
EspNotify(Ikev2NotifyType type, std::vector<uint8_t> spi)
{
    Ikev2NotifyPayload n = Ikev2MakeNotify(type);
    n.protocolId = Ikev2ProtocolId::ESP;
    n.spi = std::move(spi);
    return n;
}

/// \return TSi and TSr payloads of two selector lists
std::pair<Ikev2TsiPayload, Ikev2TsrPayload>
TsPayloads(const std::vector<Ikev2TrafficSelector>& tsi,
           const std::vector<Ikev2TrafficSelector>& tsr)
{
    std::pair<Ikev2TsiPayload, Ikev2TsrPayload> ts;
    ts.first.selectors = tsi;
    ts.second.selectors = tsr;
    return ts;
}

/**
 * \brief Stores a CHILD_SA's selectors from the original initiator's side (see the class).
 * \param child the CHILD_SA, its tsi and tsr as the exchange named them
 * \param exchangeByOriginalInitiator whether the exchange's initiator is the IKE SA's original
 *        initiator
 */
void
OrientSelectors(Ikev2ChildSa& child, bool exchangeByOriginalInitiator)
{
    if (!exchangeByOriginalInitiator)
    {
        std::swap(child.tsi, child.tsr);
    }
}

/// \return the offered proposal of an IKE answer's number, or nullptr
const Ikev2Proposal*
Offered(const Ikev2SaPayload& offer, uint8_t number)
{
    for (const Ikev2Proposal& p : offer.proposals)
    {
        if (p.protocolId == Ikev2ProtocolId::IKE && p.number == number)
        {
            return &p;
        }
    }
    return nullptr;
}

/// \return the IKE SPI of a rekey proposal, or 0 if it is not 8 octets (§1.3.2, §3.3.1)
uint64_t
IkeSpi(const Ikev2Proposal& proposal)
{
    return proposal.spi.size() == 8 ? WireReadU64(proposal.spi.data()) : 0;
}

/// \return the groups of some choices, NONE left out
template <typename Choice>
std::vector<Ikev2DhId>
Groups(const std::vector<Choice>& choices)
{
    std::vector<Ikev2DhId> groups;
    for (const Choice& c : choices)
    {
        if (c.dh != Ikev2DhId::NONE)
        {
            groups.push_back(c.dh);
        }
    }
    return groups;
}

/// \return "invalid KE data for group N"
std::string
InvalidKe(Ikev2DhId group)
{
    return "invalid KE data for group " + std::to_string(static_cast<uint16_t>(group));
}

} // namespace

Ikev2CreateChildSaExchange::Ikev2CreateChildSaExchange(Ptr<CryptoRandom> rng,
                                                       const Ikev2Proposals& proposals,
                                                       uint32_t nonceSize)
    : m_rng(rng),
      m_proposals(proposals),
      m_nonceSize(nonceSize)
{
    NS_ABORT_MSG_IF(nonceSize < Ikev2::MIN_NONCE || nonceSize > Ikev2::MAX_NONCE,
                    "Ikev2CreateChildSaExchange: nonce size " << nonceSize << " not in 16..256");
}

Ikev2CreateChildSaExchange::Kind
Ikev2CreateChildSaExchange::GetKind(const Ikev2Message& request)
{
    const std::vector<Ikev2Payload>& in = Ikev2GetInnerPayloads(request);
    if (const auto* offer = IkeFindPayload<Ikev2SaPayload>(in))
    {
        if (std::any_of(
                offer->proposals.begin(),
                offer->proposals.end(),
                [](const Ikev2Proposal& p) { return p.protocolId == Ikev2ProtocolId::IKE; }))
        {
            return Kind::REKEY_IKE_SA;
        }
    }
    return Ikev2FindNotify(in, Ikev2NotifyType::REKEY_SA) ? Kind::REKEY_CHILD_SA
                                                          : Kind::NEW_CHILD_SA;
}

Ikev2CreateChildSaExchange::ChildRequest
Ikev2CreateChildSaExchange::MakeRekeyRequest(const Ikev2Sa& sa,
                                             const Ikev2ChildSa& old,
                                             uint32_t inboundSpi)
{
    ChildRequest r;
    r.inboundSpi = inboundSpi;
    r.tsi = sa.originalInitiator ? old.tsi : old.tsr; // TSi: the rekey initiator's side (§2.9.2)
    r.tsr = sa.originalInitiator ? old.tsr : old.tsi;
    r.transportMode = old.transportMode;
    r.rekeySpi = old.inboundSpi;
    return r;
}

void
Ikev2CreateChildSaExchange::Draw(Ikev2DhId group, Pending& pending) const
{
    pending.nonce = m_rng->GetBytes(m_nonceSize);
    pending.dhPrivate.clear();
    pending.dhPublic.clear();
    if (group == Ikev2DhId::NONE)
    {
        return;
    }
    CryptoDhGroup g;
    NS_ABORT_MSG_IF(!Ikev2Algorithms::GetDhGroup(group, g),
                    "Ikev2CreateChildSaExchange: unsupported group "
                        << static_cast<uint16_t>(group));
    pending.dhPrivate = CryptoDiffieHellman::MakePrivate(g, *m_rng);
    CryptoDiffieHellman::ComputePublic(g, pending.dhPrivate, pending.dhPublic);
}

bool
Ikev2CreateChildSaExchange::Answer(Ikev2DhId group,
                                   const std::vector<uint8_t>& peerKe,
                                   Pending& ours,
                                   std::vector<uint8_t>& gir) const
{
    gir.clear();
    Draw(group, ours);
    CryptoDhGroup g;
    bool ok = group == Ikev2DhId::NONE ||
              (Ikev2Algorithms::GetDhGroup(group, g) &&
               CryptoDiffieHellman::ComputeShared(g, ours.dhPrivate, peerKe, gir));
    ours.dhPrivate.clear(); // g^ir is all we need of it
    return ok;
}

std::string
Ikev2CreateChildSaExchange::TakeResponse(const Ikev2Message& response, Ikev2Sa& sa)
{
    if (!response.encrypted || response.encrypted->sealed)
    {
        return "CREATE_CHILD_SA response without an open SK payload";
    }
    if (response.header.exchangeType != Ikev2ExchangeType::CREATE_CHILD_SA ||
        !response.header.response)
    {
        return "not a CREATE_CHILD_SA response";
    }
    if (response.header.messageId != sa.nextRequestId)
    {
        return "CREATE_CHILD_SA response to message " + std::to_string(response.header.messageId) +
               ", not " + std::to_string(sa.nextRequestId);
    }
    ++sa.nextRequestId;
    return "";
}

std::string
Ikev2CreateChildSaExchange::Refused(const std::vector<Ikev2Payload>& payloads,
                                    const std::vector<Ikev2DhId>& offered,
                                    Pending& pending)
{
    if (const Ikev2NotifyPayload* invalid =
            Ikev2FindNotify(payloads, Ikev2NotifyType::INVALID_KE_PAYLOAD))
    {
        Ikev2DhId wanted = Ikev2GetInvalidKeGroup(*invalid);
        if (std::find(offered.begin(), offered.end(), wanted) == offered.end() ||
            pending.group == wanted)
        {
            return "INVALID_KE_PAYLOAD for a group we did not offer";
        }
        pending.group = wanted; // a new KE value of the wanted group (§1.3)
        pending.retry = true;
        return "the responder wants group " + std::to_string(static_cast<uint16_t>(wanted));
    }
    if (const Ikev2NotifyPayload* error = Ikev2FindErrorNotify(payloads))
    {
        return "CREATE_CHILD_SA refused, notify " +
               std::to_string(static_cast<uint16_t>(error->type));
    }
    return "";
}

Ikev2Message
Ikev2CreateChildSaExchange::BuildChildRequest(const Ikev2Sa& sa,
                                              const ChildRequest& child,
                                              Pending& pending) const
{
    if (!pending.group)
    {
        std::vector<Ikev2DhId> groups = Groups(m_proposals.GetEspChoices());
        pending.group = groups.empty() ? Ikev2DhId::NONE : groups.front();
    }
    pending.retry = false;
    Draw(*pending.group, pending);
    Ikev2Message m = Message(sa, false, sa.nextRequestId);
    std::vector<Ikev2Payload>& out = m.encrypted->payloads;
    if (child.rekeySpi != 0)
    {
        out.push_back(EspNotify(Ikev2NotifyType::REKEY_SA, WireBytesU32(child.rekeySpi)));
    }
    if (child.transportMode)
    {
        out.push_back(Ikev2MakeNotify(Ikev2NotifyType::USE_TRANSPORT_MODE));
    }
    out.push_back(m_proposals.MakeEspOffer(child.inboundSpi, true));
    Ikev2NoncePayload ni;
    ni.data = pending.nonce;
    out.push_back(ni);
    if (*pending.group != Ikev2DhId::NONE)
    {
        Ikev2KePayload ke;
        ke.group = *pending.group;
        ke.data = pending.dhPublic;
        out.push_back(ke);
    }
    auto [tsi, tsr] = TsPayloads(child.tsi, child.tsr);
    out.push_back(tsi);
    out.push_back(tsr);
    return m;
}

std::string
Ikev2CreateChildSaExchange::ProcessChildRequest(const Ikev2Message& request,
                                                Ikev2Sa& sa,
                                                const ChildPolicy& policy,
                                                Ikev2Message& response,
                                                Ikev2ChildSa& child,
                                                Ikev2ChildKeys& keys,
                                                uint32_t& rekeyed) const
{
    response = Ikev2Message();
    child = Ikev2ChildSa();
    keys = Ikev2ChildKeys();
    rekeyed = 0;
    if (!request.encrypted || request.encrypted->sealed)
    {
        return "CREATE_CHILD_SA request without an open SK payload";
    }
    response = Message(sa, true, request.header.messageId);
    sa.nextExpectedId = request.header.messageId + 1;
    if (sa.state != Ikev2State::ESTABLISHED)
    {
        return Refuse(response,
                      Ikev2MakeNotify(Ikev2NotifyType::TEMPORARY_FAILURE),
                      "TEMPORARY_FAILURE");
    }
    const std::vector<Ikev2Payload>& in = Ikev2GetInnerPayloads(request);
    const auto* offer = IkeFindPayload<Ikev2SaPayload>(in);
    const auto* nonce = IkeFindPayload<Ikev2NoncePayload>(in);
    const auto* ke = IkeFindPayload<Ikev2KePayload>(in);
    const auto* tsi = IkeFindPayload<Ikev2TsiPayload>(in);
    const auto* tsr = IkeFindPayload<Ikev2TsrPayload>(in);
    if (!offer || !nonce || !tsi || !tsr)
    {
        return Refuse(response,
                      Ikev2MakeNotify(Ikev2NotifyType::INVALID_SYNTAX),
                      "INVALID_SYNTAX: no SA, Nonce, TSi or TSr");
    }
    uint32_t old = 0;
    if (const Ikev2NotifyPayload* rekey = Ikev2FindNotify(in, Ikev2NotifyType::REKEY_SA))
    {
        if (rekey->spi.size() != 4)
        {
            return Refuse(response,
                          Ikev2MakeNotify(Ikev2NotifyType::INVALID_SYNTAX),
                          "INVALID_SYNTAX: REKEY_SA without a 4-octet SPI");
        }
        // The SPI the peer receives the old CHILD_SA on is the one we send to (§1.3.3).
        uint32_t theirs = WireReadU32(rekey->spi.data());
        auto it = std::find_if(sa.children.begin(), sa.children.end(), [theirs](const auto& c) {
            return c.second.outboundSpi == theirs;
        });
        if (rekey->protocolId != Ikev2ProtocolId::ESP || it == sa.children.end())
        {
            return Refuse(response,
                          EspNotify(Ikev2NotifyType::CHILD_SA_NOT_FOUND, rekey->spi),
                          "CHILD_SA_NOT_FOUND");
        }
        old = it->first;
    }

    // Our most preferred choice with the KE's group, else the most preferred of all (§1.3).
    Ikev2SaPayload reply;
    std::string error = "no acceptable ESP proposal";
    if (ke)
    {
        std::vector<Ikev2EspChoice> sameGroup;
        std::copy_if(m_proposals.GetEspChoices().begin(),
                     m_proposals.GetEspChoices().end(),
                     std::back_inserter(sameGroup),
                     [ke](const Ikev2EspChoice& c) { return c.dh == ke->group; });
        if (!sameGroup.empty())
        {
            error = Ikev2Proposals(m_proposals.GetIkeChoices(), sameGroup)
                        .SelectEsp(*offer,
                                   true,
                                   policy.inboundSpi,
                                   reply,
                                   child.algorithms,
                                   child.outboundSpi);
        }
    }
    if (!error.empty())
    {
        error = m_proposals.SelectEsp(*offer,
                                      true,
                                      policy.inboundSpi,
                                      reply,
                                      child.algorithms,
                                      child.outboundSpi);
    }
    if (!error.empty())
    {
        return Refuse(response,
                      Ikev2MakeNotify(Ikev2NotifyType::NO_PROPOSAL_CHOSEN),
                      "NO_PROPOSAL_CHOSEN");
    }
    Ikev2DhId group = child.algorithms.dh;
    if (group != Ikev2DhId::NONE && (!ke || ke->group != group))
    {
        return Refuse(response, Ikev2MakeInvalidKeNotify(group), "INVALID_KE_PAYLOAD");
    }
    std::vector<Ikev2TrafficSelector> narrowedTsi =
        Ikev2IkeAuthExchange::Narrow(tsi->selectors, policy.tsi);
    std::vector<Ikev2TrafficSelector> narrowedTsr =
        Ikev2IkeAuthExchange::Narrow(tsr->selectors, policy.tsr);
    if (narrowedTsi.empty() || narrowedTsr.empty())
    {
        return Refuse(response,
                      Ikev2MakeNotify(Ikev2NotifyType::TS_UNACCEPTABLE),
                      "TS_UNACCEPTABLE");
    }
    // A KE without a group in the chosen proposal is ignored (§1.3.1: no KEr then).
    Pending ours;
    std::vector<uint8_t> gir;
    if (!Answer(group, group != Ikev2DhId::NONE ? ke->data : std::vector<uint8_t>(), ours, gir))
    {
        return Refuse(response,
                      Ikev2MakeNotify(Ikev2NotifyType::INVALID_SYNTAX),
                      "INVALID_SYNTAX: " + InvalidKe(group));
    }
    if (!sa.DeriveChildKeys(child.algorithms, gir, nonce->data, ours.nonce, keys))
    {
        return Refuse(response,
                      Ikev2MakeNotify(Ikev2NotifyType::NO_PROPOSAL_CHOSEN),
                      "no ESP keys for the negotiated transforms");
    }
    child.inboundSpi = policy.inboundSpi;
    child.transportMode =
        policy.transportMode && Ikev2FindNotify(in, Ikev2NotifyType::USE_TRANSPORT_MODE);
    child.tsi = narrowedTsi;
    child.tsr = narrowedTsr;
    OrientSelectors(child, !sa.originalInitiator);
    child.established = Simulator::Now();
    rekeyed = old;

    std::vector<Ikev2Payload>& out = response.encrypted->payloads;
    if (child.transportMode)
    {
        out.push_back(Ikev2MakeNotify(Ikev2NotifyType::USE_TRANSPORT_MODE));
    }
    out.push_back(reply);
    Ikev2NoncePayload nr;
    nr.data = ours.nonce;
    out.push_back(nr);
    if (group != Ikev2DhId::NONE)
    {
        Ikev2KePayload ker;
        ker.group = group;
        ker.data = ours.dhPublic;
        out.push_back(ker);
    }
    auto [tsiOut, tsrOut] = TsPayloads(narrowedTsi, narrowedTsr);
    out.push_back(tsiOut);
    out.push_back(tsrOut);
    return "";
}

std::string
Ikev2CreateChildSaExchange::ProcessChildResponse(const Ikev2Message& response,
                                                 Ikev2Sa& sa,
                                                 const ChildRequest& asked,
                                                 Pending& pending,
                                                 Ikev2ChildSa& child,
                                                 Ikev2ChildKeys& keys) const
{
    child = Ikev2ChildSa();
    keys = Ikev2ChildKeys();
    pending.retry = false;
    std::string error = TakeResponse(response, sa);
    const std::vector<Ikev2Payload>& in = Ikev2GetInnerPayloads(response);
    if (error.empty())
    {
        error = Refused(in, Groups(m_proposals.GetEspChoices()), pending);
    }
    if (!error.empty())
    {
        return error;
    }
    const auto* answer = IkeFindPayload<Ikev2SaPayload>(in);
    const auto* nonce = IkeFindPayload<Ikev2NoncePayload>(in);
    const auto* ke = IkeFindPayload<Ikev2KePayload>(in);
    const auto* tsi = IkeFindPayload<Ikev2TsiPayload>(in);
    const auto* tsr = IkeFindPayload<Ikev2TsrPayload>(in);
    if (!answer || !nonce || !tsi || !tsr)
    {
        return "CREATE_CHILD_SA response without SA, Nonce, TSi or TSr";
    }
    error = m_proposals.CheckEspAnswer(*answer, true, child.algorithms, child.outboundSpi);
    if (!error.empty())
    {
        return error;
    }
    Ikev2DhId group = child.algorithms.dh;
    if (group != pending.group.value_or(Ikev2DhId::NONE) && group != Ikev2DhId::NONE)
    {
        return "the answer's group is not that of our KE payload";
    }
    if ((group == Ikev2DhId::NONE) != (ke == nullptr) || (ke && ke->group != group))
    {
        return "the KE payload of the response does not match the answer's group";
    }
    std::vector<uint8_t> gir;
    CryptoDhGroup g;
    if (group != Ikev2DhId::NONE &&
        (!Ikev2Algorithms::GetDhGroup(group, g) ||
         !CryptoDiffieHellman::ComputeShared(g, pending.dhPrivate, ke->data, gir)))
    {
        return InvalidKe(group);
    }
    // The narrowed selectors must lie within what we asked for (§2.9).
    if (tsi->selectors.empty() || tsr->selectors.empty() ||
        !Ikev2IkeAuthExchange::Within(tsi->selectors, asked.tsi) ||
        !Ikev2IkeAuthExchange::Within(tsr->selectors, asked.tsr))
    {
        return "the responder's traffic selectors are wider than ours";
    }
    if (!sa.DeriveChildKeys(child.algorithms, gir, pending.nonce, nonce->data, keys))
    {
        return "no ESP keys for the negotiated transforms";
    }
    pending.dhPrivate.clear();
    child.inboundSpi = asked.inboundSpi;
    child.transportMode =
        asked.transportMode && Ikev2FindNotify(in, Ikev2NotifyType::USE_TRANSPORT_MODE);
    child.tsi = tsi->selectors;
    child.tsr = tsr->selectors;
    OrientSelectors(child, sa.originalInitiator);
    child.established = Simulator::Now();
    return "";
}

Ikev2Message
Ikev2CreateChildSaExchange::BuildIkeRekeyRequest(const Ikev2Sa& sa,
                                                 uint64_t newSpi,
                                                 Pending& pending) const
{
    NS_ABORT_MSG_IF(newSpi == 0, "Ikev2CreateChildSaExchange: an IKE SPI is never 0");
    if (!pending.group)
    {
        pending.group = sa.algorithms.dh; // the old SA's group, as charon
    }
    pending.retry = false;
    pending.newIkeSpi = newSpi;
    Draw(*pending.group, pending);
    Ikev2Message m = Message(sa, false, sa.nextRequestId);
    Ikev2NoncePayload ni;
    ni.data = pending.nonce;
    Ikev2KePayload ke;
    ke.group = *pending.group;
    ke.data = pending.dhPublic;
    m.encrypted->payloads = {m_proposals.MakeIkeOffer(WireBytesU64(newSpi)), ni, ke};
    return m;
}

std::string
Ikev2CreateChildSaExchange::ProcessIkeRekeyRequest(const Ikev2Message& request,
                                                   Ikev2Sa& sa,
                                                   uint64_t newSpi,
                                                   Ikev2Message& response,
                                                   Ikev2Sa& newSa) const
{
    NS_ABORT_MSG_IF(newSpi == 0, "Ikev2CreateChildSaExchange: an IKE SPI is never 0");
    response = Ikev2Message();
    if (!request.encrypted || request.encrypted->sealed)
    {
        return "CREATE_CHILD_SA request without an open SK payload";
    }
    response = Message(sa, true, request.header.messageId);
    sa.nextExpectedId = request.header.messageId + 1;
    if (sa.state != Ikev2State::ESTABLISHED)
    {
        return Refuse(response,
                      Ikev2MakeNotify(Ikev2NotifyType::TEMPORARY_FAILURE),
                      "TEMPORARY_FAILURE");
    }
    const std::vector<Ikev2Payload>& in = Ikev2GetInnerPayloads(request);
    const auto* offer = IkeFindPayload<Ikev2SaPayload>(in);
    const auto* nonce = IkeFindPayload<Ikev2NoncePayload>(in);
    const auto* ke = IkeFindPayload<Ikev2KePayload>(in);
    if (!offer || !nonce || !ke)
    {
        return Refuse(response,
                      Ikev2MakeNotify(Ikev2NotifyType::INVALID_SYNTAX),
                      "INVALID_SYNTAX: no SA, Nonce or KE");
    }
    Ikev2SaPayload reply;
    Ikev2IkeChoice chosen;
    Ikev2DhId wanted = Ikev2DhId::NONE;
    std::string error =
        m_proposals.SelectIke(*offer, ke->group, WireBytesU64(newSpi), reply, chosen, wanted);
    if (error == "INVALID_KE_PAYLOAD")
    {
        return Refuse(response, Ikev2MakeInvalidKeNotify(wanted), error);
    }
    if (!error.empty())
    {
        return Refuse(response,
                      Ikev2MakeNotify(Ikev2NotifyType::NO_PROPOSAL_CHOSEN),
                      "NO_PROPOSAL_CHOSEN");
    }
    const Ikev2Proposal* taken = Offered(*offer, reply.proposals.front().number);
    uint64_t peerSpi = taken ? IkeSpi(*taken) : 0;
    if (peerSpi == 0)
    {
        return Refuse(response,
                      Ikev2MakeNotify(Ikev2NotifyType::INVALID_SYNTAX),
                      "INVALID_SYNTAX: the proposal's SPI is not 8 octets, or 0");
    }
    Pending ours;
    std::vector<uint8_t> gir;
    if (!Answer(chosen.dh, ke->data, ours, gir))
    {
        return Refuse(response,
                      Ikev2MakeNotify(Ikev2NotifyType::INVALID_SYNTAX),
                      "INVALID_SYNTAX: " + InvalidKe(chosen.dh));
    }
    error = MakeNewIkeSa(sa, false, chosen, gir, nonce->data, ours.nonce, peerSpi, newSpi, newSa);
    if (!error.empty())
    {
        return Refuse(response, Ikev2MakeNotify(Ikev2NotifyType::NO_PROPOSAL_CHOSEN), error);
    }
    Ikev2NoncePayload nr;
    nr.data = ours.nonce;
    Ikev2KePayload ker;
    ker.group = chosen.dh;
    ker.data = ours.dhPublic;
    response.encrypted->payloads = {reply, nr, ker};
    return "";
}

std::string
Ikev2CreateChildSaExchange::ProcessIkeRekeyResponse(const Ikev2Message& response,
                                                    Ikev2Sa& sa,
                                                    Pending& pending,
                                                    Ikev2Sa& newSa) const
{
    pending.retry = false;
    std::string error = TakeResponse(response, sa);
    const std::vector<Ikev2Payload>& in = Ikev2GetInnerPayloads(response);
    if (error.empty())
    {
        error = Refused(in, Groups(m_proposals.GetIkeChoices()), pending);
    }
    if (!error.empty())
    {
        return error;
    }
    const auto* answer = IkeFindPayload<Ikev2SaPayload>(in);
    const auto* nonce = IkeFindPayload<Ikev2NoncePayload>(in);
    const auto* ke = IkeFindPayload<Ikev2KePayload>(in);
    if (!answer || !nonce || !ke)
    {
        return "IKE SA rekey response without SA, Nonce or KE";
    }
    Ikev2IkeChoice chosen;
    error = m_proposals.CheckIkeAnswer(*answer, chosen);
    if (!error.empty())
    {
        return error;
    }
    uint64_t peerSpi = IkeSpi(answer->proposals.front());
    if (peerSpi == 0)
    {
        return "the answer's SPI is not 8 octets, or 0";
    }
    if (!pending.group || chosen.dh != *pending.group || ke->group != chosen.dh)
    {
        return "the response's group is not that of our KE payload";
    }
    CryptoDhGroup g;
    std::vector<uint8_t> gir;
    if (!Ikev2Algorithms::GetDhGroup(chosen.dh, g) ||
        !CryptoDiffieHellman::ComputeShared(g, pending.dhPrivate, ke->data, gir))
    {
        return InvalidKe(chosen.dh);
    }
    error = MakeNewIkeSa(sa,
                         true,
                         chosen,
                         gir,
                         pending.nonce,
                         nonce->data,
                         pending.newIkeSpi,
                         peerSpi,
                         newSa);
    pending.dhPrivate.clear();
    return error;
}

std::string
Ikev2CreateChildSaExchange::MakeNewIkeSa(Ikev2Sa& sa,
                                         bool weInitiated,
                                         const Ikev2IkeChoice& chosen,
                                         const std::vector<uint8_t>& gir,
                                         const std::vector<uint8_t>& ni,
                                         const std::vector<uint8_t>& nr,
                                         uint64_t spiI,
                                         uint64_t spiR,
                                         Ikev2Sa& newSa)
{
    Ikev2IkeKeys keys;
    std::vector<uint8_t> skeyseed =
        Ikev2KeyDerivation::RekeySkeyseed(sa.algorithms.prf, sa.keys.skD, gir, ni, nr);
    if (skeyseed.empty() || !Ikev2KeyDerivation::DeriveIkeKeys(chosen.prf,
                                                               chosen.encr,
                                                               chosen.keyBits,
                                                               chosen.integ,
                                                               skeyseed,
                                                               ni,
                                                               nr,
                                                               spiI,
                                                               spiR,
                                                               keys))
    {
        return "no keys for the negotiated transforms";
    }
    newSa = sa; // identities, addresses, NAT and MOBIKE state, lifetime (§2.18)
    newSa.spiI = spiI;
    newSa.spiR = spiR;
    newSa.originalInitiator = weInitiated; // the rekey's initiator (§1.3.2)
    newSa.state = Ikev2State::ESTABLISHED;
    newSa.algorithms = chosen;
    newSa.keys = std::move(keys);
    newSa.ni = ni;
    newSa.nr = nr;
    newSa.dhPrivate.clear();
    newSa.dhPublic.clear();
    newSa.cookie.clear();
    newSa.initRequest.clear(); // IKE_SA_INIT belongs to the old SA
    newSa.initResponse.clear();
    newSa.nextRequestId = 0; // message IDs and window start over (§1.3.2)
    newSa.nextExpectedId = 0;
    newSa.window = 1;
    newSa.started = Simulator::Now();
    newSa.established = Simulator::Now();
    for (auto& [spi, child] : newSa.children)
    {
        OrientSelectors(child, newSa.originalInitiator == sa.originalInitiator);
    }
    sa.children.clear(); // they moved: deleting the old SA must not delete them
    sa.state = Ikev2State::REKEYED;
    return "";
}

} // namespace ns3
