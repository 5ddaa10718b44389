/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-proposals.h"

#include "wire-reader.h"

#include "ns3/abort.h"

#include <algorithm>
#include <map>
#include <sstream>

namespace ns3
{

namespace
{

/// A keyword of a strongSwan proposal and the transform it names.
struct Keyword
{
    const char* name;        ///< the keyword
    Ikev2TransformType type; ///< its transform type
    uint16_t id;             ///< its transform ID
    uint16_t keyBits;        ///< its Key Length attribute (ENCR), 0 for none
};

/// Every keyword the parsers know, in the order Format*List writes a choice's parts.
const Keyword KEYWORDS[] = {
    {"3des", Ikev2TransformType::ENCR, static_cast<uint16_t>(Ikev2EncrId::ENCR_3DES), 0},
    {"aes128", Ikev2TransformType::ENCR, static_cast<uint16_t>(Ikev2EncrId::ENCR_AES_CBC), 128},
    {"aes256", Ikev2TransformType::ENCR, static_cast<uint16_t>(Ikev2EncrId::ENCR_AES_CBC), 256},
    {"aes128gcm16",
     Ikev2TransformType::ENCR,
     static_cast<uint16_t>(Ikev2EncrId::ENCR_AES_GCM_16),
     128},
    {"aes256gcm16",
     Ikev2TransformType::ENCR,
     static_cast<uint16_t>(Ikev2EncrId::ENCR_AES_GCM_16),
     256},
    {"sha1", Ikev2TransformType::INTEG, static_cast<uint16_t>(Ikev2IntegId::AUTH_HMAC_SHA1_96), 0},
    {"sha256",
     Ikev2TransformType::INTEG,
     static_cast<uint16_t>(Ikev2IntegId::AUTH_HMAC_SHA2_256_128),
     0},
    {"sha384",
     Ikev2TransformType::INTEG,
     static_cast<uint16_t>(Ikev2IntegId::AUTH_HMAC_SHA2_384_192),
     0},
    {"sha512",
     Ikev2TransformType::INTEG,
     static_cast<uint16_t>(Ikev2IntegId::AUTH_HMAC_SHA2_512_256),
     0},
    {"prfsha1", Ikev2TransformType::PRF, static_cast<uint16_t>(Ikev2PrfId::PRF_HMAC_SHA1), 0},
    {"prfsha256", Ikev2TransformType::PRF, static_cast<uint16_t>(Ikev2PrfId::PRF_HMAC_SHA2_256), 0},
    {"prfsha384", Ikev2TransformType::PRF, static_cast<uint16_t>(Ikev2PrfId::PRF_HMAC_SHA2_384), 0},
    {"prfsha512", Ikev2TransformType::PRF, static_cast<uint16_t>(Ikev2PrfId::PRF_HMAC_SHA2_512), 0},
    {"modp1024", Ikev2TransformType::DH, static_cast<uint16_t>(Ikev2DhId::MODP_1024), 0},
    {"modp1536", Ikev2TransformType::DH, static_cast<uint16_t>(Ikev2DhId::MODP_1536), 0},
    {"modp2048", Ikev2TransformType::DH, static_cast<uint16_t>(Ikev2DhId::MODP_2048), 0},
    {"modp3072", Ikev2TransformType::DH, static_cast<uint16_t>(Ikev2DhId::MODP_3072), 0},
    {"ecp256", Ikev2TransformType::DH, static_cast<uint16_t>(Ikev2DhId::ECP_256), 0},
    {"curve25519", Ikev2TransformType::DH, static_cast<uint16_t>(Ikev2DhId::CURVE25519), 0},
    {"x25519", Ikev2TransformType::DH, static_cast<uint16_t>(Ikev2DhId::CURVE25519), 0},
    {"esn", Ikev2TransformType::ESN, static_cast<uint16_t>(Ikev2EsnId::ESN), 0},
    {"noesn", Ikev2TransformType::ESN, static_cast<uint16_t>(Ikev2EsnId::NO_ESN), 0},
};

/// \return the keyword naming a transform, or nullptr
const Keyword*
FindKeyword(Ikev2TransformType type, uint16_t id, uint16_t keyBits)
{
    for (const Keyword& k : KEYWORDS)
    {
        if (k.type == type && k.id == id && k.keyBits == keyBits)
        {
            return &k;
        }
    }
    return nullptr;
}

/// The transforms one item of a list names, at most one per type.
struct ParsedItem
{
    std::map<Ikev2TransformType, const Keyword*> parts; ///< by type
};

/// \return the comma-separated items of \p list, empty ones included
std::vector<std::string>
SplitList(const std::string& list)
{
    std::vector<std::string> items{""};
    for (char c : list)
    {
        if (c == ',')
        {
            items.emplace_back();
        }
        else
        {
            items.back() += c;
        }
    }
    return items;
}

/// \return empty, or what is wrong with \p item
std::string
ParseItem(const std::string& item, ParsedItem& parsed)
{
    std::istringstream in(item);
    std::string token;
    while (std::getline(in, token, '-'))
    {
        auto k = std::find_if(std::begin(KEYWORDS), std::end(KEYWORDS), [&](const Keyword& kw) {
            return token == kw.name;
        });
        if (k == std::end(KEYWORDS))
        {
            return "unknown algorithm '" + token + "' in '" + item + "'";
        }
        if (!parsed.parts.emplace(k->type, &*k).second)
        {
            return "two algorithms of one kind in '" + item + "'";
        }
    }
    if (!parsed.parts.count(Ikev2TransformType::ENCR))
    {
        return "no cipher in '" + item + "'";
    }
    return "";
}

/// \return true if the cipher of a parsed item is AES-GCM
bool
IsAead(const ParsedItem& parsed)
{
    return parsed.parts.at(Ikev2TransformType::ENCR)->id ==
           static_cast<uint16_t>(Ikev2EncrId::ENCR_AES_GCM_16);
}

/// \return the PRF HMAC-SHA* goes with the integrity algorithm of the same hash
Ikev2PrfId
PrfFor(Ikev2IntegId integ)
{
    switch (integ)
    {
    case Ikev2IntegId::AUTH_HMAC_SHA1_96:
        return Ikev2PrfId::PRF_HMAC_SHA1;
    case Ikev2IntegId::AUTH_HMAC_SHA2_384_192:
        return Ikev2PrfId::PRF_HMAC_SHA2_384;
    case Ikev2IntegId::AUTH_HMAC_SHA2_512_256:
        return Ikev2PrfId::PRF_HMAC_SHA2_512;
    default:
        return Ikev2PrfId::PRF_HMAC_SHA2_256;
    }
}

/// \return empty, or what is wrong; the IKE choice of a parsed item
std::string
ToIkeChoice(const std::string& item, const ParsedItem& parsed, Ikev2IkeChoice& choice)
{
    const auto& p = parsed.parts;
    if (p.count(Ikev2TransformType::ESN))
    {
        return "ESN is for ESP, not in '" + item + "'";
    }
    if (!p.count(Ikev2TransformType::DH))
    {
        return "no key exchange group in '" + item + "'";
    }
    bool aead = IsAead(parsed);
    if (aead == (p.count(Ikev2TransformType::INTEG) > 0))
    {
        return aead ? "AES-GCM takes no integrity algorithm in '" + item + "'"
                    : "no integrity algorithm in '" + item + "'";
    }
    if (aead && !p.count(Ikev2TransformType::PRF))
    {
        return "AES-GCM needs a PRF (prfsha256, ...) in '" + item + "'";
    }
    choice.encr = static_cast<Ikev2EncrId>(p.at(Ikev2TransformType::ENCR)->id);
    choice.keyBits = p.at(Ikev2TransformType::ENCR)->keyBits;
    choice.integ =
        aead ? Ikev2IntegId::NONE : static_cast<Ikev2IntegId>(p.at(Ikev2TransformType::INTEG)->id);
    choice.prf = p.count(Ikev2TransformType::PRF)
                     ? static_cast<Ikev2PrfId>(p.at(Ikev2TransformType::PRF)->id)
                     : PrfFor(choice.integ);
    choice.dh = static_cast<Ikev2DhId>(p.at(Ikev2TransformType::DH)->id);
    return "";
}

/// \return empty, or what is wrong; the ESP choice of a parsed item
std::string
ToEspChoice(const std::string& item, const ParsedItem& parsed, Ikev2EspChoice& choice)
{
    const auto& p = parsed.parts;
    if (p.count(Ikev2TransformType::PRF))
    {
        return "a PRF is for IKE, not in '" + item + "'";
    }
    bool aead = IsAead(parsed);
    if (aead == (p.count(Ikev2TransformType::INTEG) > 0))
    {
        return aead ? "AES-GCM takes no integrity algorithm in '" + item + "'"
                    : "no integrity algorithm in '" + item + "'";
    }
    choice.encr = static_cast<Ikev2EncrId>(p.at(Ikev2TransformType::ENCR)->id);
    choice.keyBits = p.at(Ikev2TransformType::ENCR)->keyBits;
    choice.integ =
        aead ? Ikev2IntegId::NONE : static_cast<Ikev2IntegId>(p.at(Ikev2TransformType::INTEG)->id);
    choice.dh = p.count(Ikev2TransformType::DH)
                    ? static_cast<Ikev2DhId>(p.at(Ikev2TransformType::DH)->id)
                    : Ikev2DhId::NONE;
    choice.esn = p.count(Ikev2TransformType::ESN)
                     ? static_cast<Ikev2EsnId>(p.at(Ikev2TransformType::ESN)->id)
                     : Ikev2EsnId::NO_ESN;
    return "";
}

/// \return the keyword of a transform (it must have one)
std::string
Name(Ikev2TransformType type, uint16_t id, uint16_t keyBits = 0)
{
    const Keyword* k = FindKeyword(type, id, keyBits);
    NS_ABORT_MSG_IF(!k,
                    "Ikev2Proposals: no keyword for transform " << +static_cast<int>(type) << "/"
                                                                << id);
    return k->name;
}

/// \return true if \p proposal offers the transform \p wanted (ID and key length)
bool
Offers(const Ikev2Proposal& proposal, const Ikev2Transform& wanted)
{
    return std::any_of(proposal.transforms.begin(),
                       proposal.transforms.end(),
                       [&wanted](const Ikev2Transform& t) {
                           return t.type == wanted.type && t.id == wanted.id &&
                                  t.GetKeyLength() == wanted.GetKeyLength();
                       });
}

/// \return the transforms of an IKE choice, one per type (no INTEG with AES-GCM)
std::vector<Ikev2Transform>
Transforms(const Ikev2IkeChoice& c)
{
    std::vector<Ikev2Transform> t{Ikev2Transform::Encr(c.encr, c.keyBits),
                                  Ikev2Transform::Prf(c.prf)};
    if (c.integ != Ikev2IntegId::NONE)
    {
        t.push_back(Ikev2Transform::Integ(c.integ));
    }
    t.push_back(Ikev2Transform::Dh(c.dh));
    return t;
}

/// \return the transforms of an ESP choice, one per type; a DH one only with \p pfs
std::vector<Ikev2Transform>
Transforms(const Ikev2EspChoice& c, bool pfs)
{
    std::vector<Ikev2Transform> t{Ikev2Transform::Encr(c.encr, c.keyBits)};
    if (c.integ != Ikev2IntegId::NONE)
    {
        t.push_back(Ikev2Transform::Integ(c.integ));
    }
    if (pfs && c.dh != Ikev2DhId::NONE)
    {
        t.push_back(Ikev2Transform::Dh(c.dh));
    }
    t.push_back(Ikev2Transform::Esn(c.esn));
    return t;
}

/**
 * \param proposal an offered proposal
 * \param wanted one transform per type (a choice)
 * \param ignoreDh whether DH transforms are left out of the comparison (IKE_AUTH)
 * \return true if the proposal offers every wanted transform, and no type we do not want
 *         except INTEG NONE (RFC 5282 §8) and, with \p ignoreDh, DH
 */
bool
Contains(const Ikev2Proposal& proposal, const std::vector<Ikev2Transform>& wanted, bool ignoreDh)
{
    for (const Ikev2Transform& w : wanted)
    {
        if (!(ignoreDh && w.type == Ikev2TransformType::DH) && !Offers(proposal, w))
        {
            return false;
        }
    }
    for (const Ikev2Transform& t : proposal.transforms)
    {
        bool typeWanted = std::any_of(wanted.begin(), wanted.end(), [&t](const Ikev2Transform& w) {
            return w.type == t.type;
        });
        bool harmless = (t.type == Ikev2TransformType::INTEG && t.id == 0) ||
                        (ignoreDh && t.type == Ikev2TransformType::DH) ||
                        (t.type == Ikev2TransformType::DH && t.id == 0);
        if (!typeWanted && !harmless)
        {
            return false;
        }
    }
    return true;
}

/**
 * \return true if an answer is exactly the transforms of \p wanted (any order)
 */
bool
SameTransforms(const Ikev2Proposal& answer, const std::vector<Ikev2Transform>& wanted)
{
    return answer.transforms.size() == wanted.size() && Contains(answer, wanted, false);
}

/// \return the SPI of an ESP proposal as a number, or false if it is not 4 octets
bool
EspSpi(const Ikev2Proposal& proposal, uint32_t& spi)
{
    if (proposal.spi.size() != 4)
    {
        return false;
    }
    spi = WireReadU32(proposal.spi.data());
    return true;
}

/// \return a 4-octet SPI in network order
std::vector<uint8_t>
SpiBytes(uint32_t spi)
{
    return {static_cast<uint8_t>(spi >> 24),
            static_cast<uint8_t>(spi >> 16),
            static_cast<uint8_t>(spi >> 8),
            static_cast<uint8_t>(spi)};
}

/**
 * \brief The one proposal of an answer, naming one of our \p offered proposals of \p protocol.
 * \param answer the responder's SA payload
 * \param protocol IKE or ESP
 * \param offered how many proposals we offered (numbered from 1)
 * \param [out] proposal the answered proposal
 * \return empty, or what is wrong
 */
std::string
AnsweredProposal(const Ikev2SaPayload& answer,
                 Ikev2ProtocolId protocol,
                 size_t offered,
                 const Ikev2Proposal*& proposal)
{
    if (answer.proposals.size() != 1)
    {
        return "the answer has " + std::to_string(answer.proposals.size()) + " proposals";
    }
    proposal = &answer.proposals[0];
    if (proposal->protocolId != protocol || proposal->number == 0 || proposal->number > offered)
    {
        return "the answer names proposal " + std::to_string(proposal->number) +
               ", not one we offered";
    }
    return "";
}

/**
 * \brief Parses a comma-separated list of proposals into choices.
 * \param list the text
 * \param toChoice turns one parsed item into a choice (ToIkeChoice or ToEspChoice)
 * \param [out] choices the choices, untouched on error
 * \return empty, or what is wrong with which item
 */
template <typename Choice>
std::string
ParseList(const std::string& list,
          std::string (*toChoice)(const std::string&, const ParsedItem&, Choice&),
          std::vector<Choice>& choices)
{
    if (list.empty())
    {
        return "no proposal";
    }
    std::vector<Choice> parsed;
    for (const std::string& item : SplitList(list))
    {
        if (item.empty())
        {
            return "empty proposal in '" + list + "'";
        }
        ParsedItem p;
        Choice choice;
        std::string error = ParseItem(item, p);
        if (error.empty())
        {
            error = toChoice(item, p, choice);
        }
        if (!error.empty())
        {
            return error;
        }
        parsed.push_back(choice);
    }
    if (parsed.size() > 255)
    {
        return "more than 255 proposals";
    }
    choices = std::move(parsed);
    return "";
}

} // namespace

bool
Ikev2IkeChoice::operator==(const Ikev2IkeChoice& other) const
{
    return encr == other.encr && keyBits == other.keyBits && integ == other.integ &&
           prf == other.prf && dh == other.dh;
}

bool
Ikev2EspChoice::operator==(const Ikev2EspChoice& other) const
{
    return encr == other.encr && keyBits == other.keyBits && integ == other.integ &&
           dh == other.dh && esn == other.esn;
}

Ikev2Proposals::Ikev2Proposals(std::vector<Ikev2IkeChoice> ike, std::vector<Ikev2EspChoice> esp)
    : m_ike(std::move(ike)),
      m_esp(std::move(esp))
{
    NS_ABORT_MSG_IF(m_ike.empty() || m_esp.empty(), "Ikev2Proposals: no proposal");
    NS_ABORT_MSG_IF(m_ike.size() > 255 || m_esp.size() > 255, "Ikev2Proposals: over 255");
}

std::string
Ikev2Proposals::ParseIkeList(const std::string& list, std::vector<Ikev2IkeChoice>& choices)
{
    return ParseList(list, &ToIkeChoice, choices);
}

std::string
Ikev2Proposals::ParseEspList(const std::string& list, std::vector<Ikev2EspChoice>& choices)
{
    return ParseList(list, &ToEspChoice, choices);
}

std::string
Ikev2Proposals::FormatIkeList(const std::vector<Ikev2IkeChoice>& choices)
{
    std::string out;
    for (const Ikev2IkeChoice& c : choices)
    {
        out += out.empty() ? "" : ",";
        out += Name(Ikev2TransformType::ENCR, static_cast<uint16_t>(c.encr), c.keyBits);
        if (c.integ != Ikev2IntegId::NONE)
        {
            out += "-" + Name(Ikev2TransformType::INTEG, static_cast<uint16_t>(c.integ));
        }
        if (c.integ == Ikev2IntegId::NONE || PrfFor(c.integ) != c.prf)
        {
            out += "-" + Name(Ikev2TransformType::PRF, static_cast<uint16_t>(c.prf));
        }
        out += "-" + Name(Ikev2TransformType::DH, static_cast<uint16_t>(c.dh));
    }
    return out;
}

std::string
Ikev2Proposals::FormatEspList(const std::vector<Ikev2EspChoice>& choices)
{
    std::string out;
    for (const Ikev2EspChoice& c : choices)
    {
        out += out.empty() ? "" : ",";
        out += Name(Ikev2TransformType::ENCR, static_cast<uint16_t>(c.encr), c.keyBits);
        if (c.integ != Ikev2IntegId::NONE)
        {
            out += "-" + Name(Ikev2TransformType::INTEG, static_cast<uint16_t>(c.integ));
        }
        if (c.dh != Ikev2DhId::NONE)
        {
            out += "-" + Name(Ikev2TransformType::DH, static_cast<uint16_t>(c.dh));
        }
        if (c.esn == Ikev2EsnId::ESN)
        {
            out += "-esn";
        }
    }
    return out;
}

const std::vector<Ikev2IkeChoice>&
Ikev2Proposals::GetIkeChoices() const
{
    return m_ike;
}

const std::vector<Ikev2EspChoice>&
Ikev2Proposals::GetEspChoices() const
{
    return m_esp;
}

Ikev2SaPayload
Ikev2Proposals::MakeIkeOffer(const std::vector<uint8_t>& spi) const
{
    Ikev2SaPayload sa;
    for (size_t i = 0; i < m_ike.size(); ++i)
    {
        Ikev2Proposal p;
        p.number = static_cast<uint8_t>(i + 1);
        p.protocolId = Ikev2ProtocolId::IKE;
        p.spi = spi;
        p.transforms = Transforms(m_ike[i]);
        sa.proposals.push_back(p);
    }
    return sa;
}

Ikev2SaPayload
Ikev2Proposals::MakeEspOffer(uint32_t spi, bool pfs) const
{
    Ikev2SaPayload sa;
    for (size_t i = 0; i < m_esp.size(); ++i)
    {
        Ikev2Proposal p;
        p.number = static_cast<uint8_t>(i + 1);
        p.protocolId = Ikev2ProtocolId::ESP;
        p.spi = SpiBytes(spi);
        p.transforms = Transforms(m_esp[i], pfs);
        sa.proposals.push_back(p);
    }
    return sa;
}

std::string
Ikev2Proposals::SelectIke(const Ikev2SaPayload& offered,
                          Ikev2DhId keGroup,
                          const std::vector<uint8_t>& spi,
                          Ikev2SaPayload& reply,
                          Ikev2IkeChoice& chosen,
                          Ikev2DhId& wantedGroup) const
{
    // First our preferred choice that an offer contains with the initiator's group; failing
    // that, our preferred choice with another group (INVALID_KE_PAYLOAD, RFC 7296 §1.2).
    for (bool sameGroup : {true, false})
    {
        for (const Ikev2IkeChoice& c : m_ike)
        {
            if (sameGroup != (c.dh == keGroup))
            {
                continue;
            }
            for (const Ikev2Proposal& p : offered.proposals)
            {
                if (p.protocolId != Ikev2ProtocolId::IKE || !Contains(p, Transforms(c), false))
                {
                    continue;
                }
                chosen = c;
                if (!sameGroup)
                {
                    wantedGroup = c.dh;
                    return "INVALID_KE_PAYLOAD";
                }
                Ikev2Proposal answer;
                answer.number = p.number;
                answer.protocolId = Ikev2ProtocolId::IKE;
                answer.spi = spi;
                answer.transforms = Transforms(c);
                reply.proposals = {answer};
                return "";
            }
        }
    }
    return "no acceptable IKE proposal";
}

std::string
Ikev2Proposals::CheckIkeAnswer(const Ikev2SaPayload& answer, Ikev2IkeChoice& chosen) const
{
    const Ikev2Proposal* answered = nullptr;
    std::string error = AnsweredProposal(answer, Ikev2ProtocolId::IKE, m_ike.size(), answered);
    if (!error.empty())
    {
        return error;
    }
    const Ikev2Proposal& p = *answered;
    const Ikev2IkeChoice& c = m_ike[p.number - 1];
    if (!SameTransforms(p, Transforms(c)))
    {
        return "the answer's transforms are not those of proposal " + std::to_string(p.number);
    }
    chosen = c;
    return "";
}

std::string
Ikev2Proposals::SelectEsp(const Ikev2SaPayload& offered,
                          bool pfs,
                          uint32_t spi,
                          Ikev2SaPayload& reply,
                          Ikev2EspChoice& chosen,
                          uint32_t& peerSpi) const
{
    for (const Ikev2EspChoice& c : m_esp)
    {
        std::vector<Ikev2Transform> wanted = Transforms(c, pfs);
        for (const Ikev2Proposal& p : offered.proposals)
        {
            uint32_t theirs = 0;
            if (p.protocolId != Ikev2ProtocolId::ESP || !EspSpi(p, theirs) ||
                !Contains(p, wanted, !pfs))
            {
                continue;
            }
            Ikev2Proposal answer;
            answer.number = p.number;
            answer.protocolId = Ikev2ProtocolId::ESP;
            answer.spi = SpiBytes(spi);
            answer.transforms = wanted;
            reply.proposals = {answer};
            chosen = c;
            if (!pfs)
            {
                chosen.dh = Ikev2DhId::NONE;
            }
            peerSpi = theirs;
            return "";
        }
    }
    return "no acceptable ESP proposal";
}

std::string
Ikev2Proposals::CheckEspAnswer(const Ikev2SaPayload& answer,
                               bool pfs,
                               Ikev2EspChoice& chosen,
                               uint32_t& peerSpi) const
{
    const Ikev2Proposal* answered = nullptr;
    std::string error = AnsweredProposal(answer, Ikev2ProtocolId::ESP, m_esp.size(), answered);
    if (!error.empty())
    {
        return error;
    }
    const Ikev2Proposal& p = *answered;
    if (!EspSpi(p, peerSpi))
    {
        return "the answer's SPI is " + std::to_string(p.spi.size()) + " octets, not 4";
    }
    Ikev2EspChoice c = m_esp[p.number - 1];
    if (!SameTransforms(p, Transforms(c, pfs)))
    {
        return "the answer's transforms are not those of proposal " + std::to_string(p.number);
    }
    chosen = c;
    if (!pfs)
    {
        chosen.dh = Ikev2DhId::NONE;
    }
    return "";
}

} // namespace ns3
