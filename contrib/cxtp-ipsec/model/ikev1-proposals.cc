/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev1-proposals.h"

#include "crypto-diffie-hellman.h"
#include "ikev1-doi.h"
#include "ikev1-sa.h"
#include "ipsec-policy.h"
#include "wire-reader.h"
#include "wire-writer.h"

#include <utility>

namespace ns3
{

namespace
{
/// Splits a list, dropping blanks around the items and empty items.
std::vector<std::string>
SplitList(const std::string& list, char separator)
{
    std::vector<std::string> items;
    std::string item;
    auto flush = [&]() {
        size_t b = item.find_first_not_of(" \t");
        size_t e = item.find_last_not_of(" \t");
        if (b != std::string::npos)
        {
            items.push_back(item.substr(b, e - b + 1));
        }
        item.clear();
    };
    for (char c : list)
    {
        if (c == separator)
        {
            flush();
        }
        else
        {
            item += c;
        }
    }
    flush();
    return items;
}
} // namespace

bool
Ikev1Phase1Choice::operator==(const Ikev1Phase1Choice& other) const
{
    return encryption == other.encryption && hash == other.hash && group == other.group;
}

bool
Ikev1EspChoice::operator==(const Ikev1EspChoice& other) const
{
    return encryption == other.encryption && integrity == other.integrity;
}

Ikev1Proposals::Ikev1Proposals(std::vector<Ikev1Phase1Choice> phase1,
                               std::vector<Ikev1EspChoice> esp,
                               Time phase1Lifetime,
                               Time phase2Lifetime)
    : m_phase1(std::move(phase1)),
      m_esp(std::move(esp)),
      m_phase1Lifetime(phase1Lifetime),
      m_phase2Lifetime(phase2Lifetime)
{
}

std::string
Ikev1Proposals::ParsePhase1List(const std::string& list, std::vector<Ikev1Phase1Choice>& choices)
{
    choices.clear();
    for (const std::string& item : SplitList(list, ','))
    {
        std::vector<std::string> f = SplitList(item, '/');
        Ikev1Phase1Choice c{};
        bool ok = f.size() == 3 && ParseEncryption(f[0], c.encryption) &&
                  !IsCombinedMode(c.encryption) && c.encryption != IpsecEncryption::NULL_ENC &&
                  (f[1] == "sha1" || f[1] == "sha256") &&
                  f[2].find_first_not_of("0123456789") == std::string::npos && f[2].size() <= 2;
        if (ok)
        {
            c.hash = f[1] == "sha1" ? CryptoHash::SHA1 : CryptoHash::SHA2_256;
            c.group = static_cast<uint16_t>(std::stoi(f[2]));
            ok = Ikev1Doi::IsSupportedGroup(c.group);
        }
        if (!ok)
        {
            return "'" + item +
                   "' is not cipher/hash/group (3des-cbc, aes128-cbc or aes256-cbc; sha1 or "
                   "sha256; 1, 2, 5 or 14)";
        }
        choices.push_back(c);
    }
    return "";
}

std::string
Ikev1Proposals::FormatPhase1List(const std::vector<Ikev1Phase1Choice>& choices)
{
    std::string out;
    for (const auto& c : choices)
    {
        out += (out.empty() ? "" : ",") + ToString(c.encryption) + "/" +
               (c.hash == CryptoHash::SHA1 ? "sha1" : "sha256") + "/" + std::to_string(c.group);
    }
    return out;
}

std::string
Ikev1Proposals::ParseEspList(const std::string& list, std::vector<Ikev1EspChoice>& choices)
{
    choices.clear();
    for (const std::string& item : SplitList(list, ','))
    {
        std::vector<std::string> f = SplitList(item, '/');
        Ikev1EspChoice c{};
        bool ok = f.size() == 2 && ParseEncryption(f[0], c.encryption) &&
                  c.encryption != IpsecEncryption::NULL_ENC && ParseIntegrity(f[1], c.integrity) &&
                  CheckTransformPair(c.encryption, c.integrity).empty();
        if (!ok)
        {
            return "'" + item + "' is not a usable cipher/integrity pair";
        }
        choices.push_back(c);
    }
    return "";
}

std::string
Ikev1Proposals::FormatEspList(const std::vector<Ikev1EspChoice>& choices)
{
    std::string out;
    for (const auto& c : choices)
    {
        out += (out.empty() ? "" : ",") + ToString(c.encryption) + "/" + ToString(c.integrity);
    }
    return out;
}

const std::vector<Ikev1Phase1Choice>&
Ikev1Proposals::GetPhase1Choices() const
{
    return m_phase1;
}

Ikev1Transform
Ikev1Proposals::MakePhase1Transform(const Ikev1Phase1Choice& choice, uint8_t number) const
{
    Ikev1Transform t;
    t.number = number;
    t.id = Ikev1Doi::KEY_IKE;
    uint64_t life = static_cast<uint64_t>(m_phase1Lifetime.GetSeconds());
    t.attributes.push_back(Ikev1Attribute::Basic(Ikev1Doi::P1_LIFE_TYPE, Ikev1Doi::LIFE_SECONDS));
    t.attributes.push_back(life <= 0xffff
                               ? Ikev1Attribute::Basic(Ikev1Doi::P1_LIFE_DURATION, life)
                               : Ikev1Attribute::Variable(Ikev1Doi::P1_LIFE_DURATION, life));
    bool aes = choice.encryption != IpsecEncryption::TDES_CBC;
    t.attributes.push_back(
        Ikev1Attribute::Basic(Ikev1Doi::P1_ENCRYPTION,
                              aes ? Ikev1Doi::P1_ENC_AES : Ikev1Doi::P1_ENC_3DES));
    if (aes)
    {
        t.attributes.push_back(
            Ikev1Attribute::Basic(Ikev1Doi::P1_KEY_LENGTH,
                                  GetEncryptionKeyLength(choice.encryption) * 8));
    }
    t.attributes.push_back(Ikev1Attribute::Basic(Ikev1Doi::P1_AUTH_METHOD, Ikev1Doi::P1_AUTH_PSK));
    t.attributes.push_back(Ikev1Attribute::Basic(
        Ikev1Doi::P1_HASH,
        choice.hash == CryptoHash::SHA1 ? Ikev1Doi::P1_HASH_SHA1 : Ikev1Doi::P1_HASH_SHA2_256));
    t.attributes.push_back(Ikev1Attribute::Basic(Ikev1Doi::P1_GROUP, choice.group));
    return t;
}

bool
Ikev1Proposals::ReadPhase1Transform(const Ikev1Transform& t, Ikev1Phase1Choice& choice)
{
    if (t.id != Ikev1Doi::KEY_IKE)
    {
        return false;
    }
    uint64_t enc = 0;
    uint64_t keyBits = 0;
    uint64_t auth = 0;
    uint64_t hash = 0;
    uint64_t group = 0;
    for (const auto& a : t.attributes)
    {
        uint64_t v = 0;
        if (!a.GetInteger(v))
        {
            return false;
        }
        enc = a.type == Ikev1Doi::P1_ENCRYPTION ? v : enc;
        keyBits = a.type == Ikev1Doi::P1_KEY_LENGTH ? v : keyBits;
        auth = a.type == Ikev1Doi::P1_AUTH_METHOD ? v : auth;
        hash = a.type == Ikev1Doi::P1_HASH ? v : hash;
        group = a.type == Ikev1Doi::P1_GROUP ? v : group;
    }
    if (enc == Ikev1Doi::P1_ENC_3DES && keyBits == 0)
    {
        choice.encryption = IpsecEncryption::TDES_CBC;
    }
    else if (enc == Ikev1Doi::P1_ENC_AES && (keyBits == 128 || keyBits == 256))
    {
        choice.encryption =
            keyBits == 128 ? IpsecEncryption::AES_128_CBC : IpsecEncryption::AES_256_CBC;
    }
    else
    {
        return false;
    }
    if (auth != Ikev1Doi::P1_AUTH_PSK ||
        (hash != Ikev1Doi::P1_HASH_SHA1 && hash != Ikev1Doi::P1_HASH_SHA2_256) || group > 0xffff ||
        !Ikev1Doi::IsSupportedGroup(static_cast<uint16_t>(group)))
    {
        return false;
    }
    choice.hash = hash == Ikev1Doi::P1_HASH_SHA1 ? CryptoHash::SHA1 : CryptoHash::SHA2_256;
    choice.group = static_cast<uint16_t>(group);
    return true;
}

Ikev1SaPayload
Ikev1Proposals::MakePhase1Proposal() const
{
    // racoon puts every proposal{} block as one transform of a single proposal (as racoon
    // does); the responder picks one of them (RFC 2408 §4.2).
    Ikev1Proposal p;
    p.number = 1;
    p.protocolId = Ikev1Doi::PROTO_ISAKMP;
    uint8_t number = 1;
    for (const Ikev1Phase1Choice& c : m_phase1)
    {
        p.transforms.push_back(MakePhase1Transform(c, number++));
    }
    Ikev1SaPayload sa;
    sa.proposals.push_back(p);
    return sa;
}

std::string
Ikev1Proposals::SelectPhase1(const Ikev1SaPayload& offered,
                             size_t keLength,
                             Ikev1SaPayload& reply,
                             Ikev1Phase1Choice& chosen) const
{
    // racoon's proposal_check obey: the initiator's lifetime is taken as offered; the cipher,
    // hash, authentication method and group must be one of our proposal{} blocks. The first
    // such transform in the initiator's order wins.
    for (const auto& p : offered.proposals)
    {
        if (p.protocolId != Ikev1Doi::PROTO_ISAKMP)
        {
            continue;
        }
        for (const auto& t : p.transforms)
        {
            Ikev1Phase1Choice c{};
            if (!ReadPhase1Transform(t, c) ||
                (keLength != 0 &&
                 keLength != CryptoDiffieHellman::GetLength(static_cast<CryptoDhGroup>(c.group))))
            {
                continue; // unsupported, or not the group of the initiator's KE
            }
            for (const auto& m : m_phase1)
            {
                if (c == m)
                {
                    Ikev1Proposal answer = p;
                    answer.transforms = {t}; // the chosen transform alone (RFC 2408 §4.2)
                    reply = Ikev1SaPayload();
                    reply.doi = offered.doi;
                    reply.situation = offered.situation;
                    reply.proposals = {answer};
                    chosen = c;
                    return "";
                }
            }
        }
    }
    return "no acceptable phase-1 proposal";
}

std::string
Ikev1Proposals::CheckPhase1Answer(const Ikev1SaPayload& answer, Ikev1Phase1Choice& chosen) const
{
    if (answer.proposals.size() != 1 || answer.proposals[0].protocolId != Ikev1Doi::PROTO_ISAKMP ||
        answer.proposals[0].transforms.size() != 1)
    {
        return "the phase-1 answer is not one proposal with one transform";
    }
    Ikev1Phase1Choice c{};
    if (!ReadPhase1Transform(answer.proposals[0].transforms[0], c))
    {
        return "the responder chose an unsupported phase-1 transform";
    }
    for (const auto& m : m_phase1)
    {
        if (c == m)
        {
            chosen = c;
            return "";
        }
    }
    return "the responder chose a phase-1 transform we did not offer";
}

std::vector<Ikev1EspChoice>
Ikev1Proposals::GetEspChoices(const IpsecPolicy* policy) const
{
    if (!m_esp.empty() || !policy)
    {
        return m_esp;
    }
    return {Ikev1EspChoice{policy->encryption, policy->integrity}};
}

Ikev1Transform
Ikev1Proposals::MakeEspTransform(const Ikev1EspChoice& choice,
                                 uint16_t pfsGroup,
                                 Time lifetime,
                                 uint8_t number)
{
    Ikev1Transform t;
    t.number = number;
    uint64_t life = static_cast<uint64_t>(lifetime.GetSeconds());
    t.attributes.push_back(Ikev1Attribute::Basic(Ikev1Doi::P2_LIFE_TYPE, Ikev1Doi::LIFE_SECONDS));
    t.attributes.push_back(life <= 0xffff
                               ? Ikev1Attribute::Basic(Ikev1Doi::P2_LIFE_DURATION, life)
                               : Ikev1Attribute::Variable(Ikev1Doi::P2_LIFE_DURATION, life));
    t.attributes.push_back(
        Ikev1Attribute::Basic(Ikev1Doi::P2_ENCAPSULATION, Ikev1Doi::ENCAPSULATION_TUNNEL));
    switch (choice.encryption)
    {
    case IpsecEncryption::TDES_CBC:
        t.id = Ikev1Doi::ESP_3DES;
        break;
    case IpsecEncryption::AES_128_GCM_16:
    case IpsecEncryption::AES_256_GCM_16:
        t.id = Ikev1Doi::ESP_AES_GCM_16;
        t.attributes.push_back(
            Ikev1Attribute::Basic(Ikev1Doi::P2_KEY_LENGTH,
                                  (GetEncryptionKeyLength(choice.encryption) - 4) * 8));
        break;
    default:
        t.id = Ikev1Doi::ESP_AES;
        t.attributes.push_back(
            Ikev1Attribute::Basic(Ikev1Doi::P2_KEY_LENGTH,
                                  GetEncryptionKeyLength(choice.encryption) * 8));
        break;
    }
    if (choice.integrity != IpsecIntegrity::NONE)
    {
        t.attributes.push_back(Ikev1Attribute::Basic(
            Ikev1Doi::P2_AUTH_ALGORITHM,
            choice.integrity == IpsecIntegrity::HMAC_SHA1_96 ? Ikev1Doi::AUTH_HMAC_SHA
                                                             : Ikev1Doi::AUTH_HMAC_SHA2_256));
    }
    if (pfsGroup)
    {
        t.attributes.push_back(Ikev1Attribute::Basic(Ikev1Doi::P2_GROUP, pfsGroup));
    }
    return t;
}

bool
Ikev1Proposals::ReadEspTransform(const Ikev1Transform& t,
                                 Ikev1EspChoice& choice,
                                 uint16_t& pfsGroup,
                                 uint64_t& lifetime)
{
    uint64_t keyBits = 0;
    uint64_t auth = 0;
    uint64_t group = 0;
    uint64_t life = 0;
    uint64_t encapsulation = 0;
    for (const auto& a : t.attributes)
    {
        uint64_t v = 0;
        if (!a.GetInteger(v))
        {
            return false;
        }
        keyBits = a.type == Ikev1Doi::P2_KEY_LENGTH ? v : keyBits;
        auth = a.type == Ikev1Doi::P2_AUTH_ALGORITHM ? v : auth;
        group = a.type == Ikev1Doi::P2_GROUP ? v : group;
        life = a.type == Ikev1Doi::P2_LIFE_DURATION ? v : life;
        encapsulation = a.type == Ikev1Doi::P2_ENCAPSULATION ? v : encapsulation;
    }
    if (t.id == Ikev1Doi::ESP_3DES && keyBits == 0)
    {
        choice.encryption = IpsecEncryption::TDES_CBC;
    }
    else if (t.id == Ikev1Doi::ESP_AES && (keyBits == 128 || keyBits == 256))
    {
        choice.encryption =
            keyBits == 128 ? IpsecEncryption::AES_128_CBC : IpsecEncryption::AES_256_CBC;
    }
    else if (t.id == Ikev1Doi::ESP_AES_GCM_16 && (keyBits == 128 || keyBits == 256))
    {
        choice.encryption =
            keyBits == 128 ? IpsecEncryption::AES_128_GCM_16 : IpsecEncryption::AES_256_GCM_16;
    }
    else
    {
        return false;
    }
    choice.integrity = auth == Ikev1Doi::AUTH_HMAC_SHA        ? IpsecIntegrity::HMAC_SHA1_96
                       : auth == Ikev1Doi::AUTH_HMAC_SHA2_256 ? IpsecIntegrity::HMAC_SHA2_256_128
                                                              : IpsecIntegrity::NONE;
    if ((auth != 0 && choice.integrity == IpsecIntegrity::NONE) ||
        !CheckTransformPair(choice.encryption, choice.integrity).empty() ||
        (encapsulation != 0 && encapsulation != Ikev1Doi::ENCAPSULATION_TUNNEL) || group > 0xffff ||
        (group != 0 && !Ikev1Doi::IsSupportedGroup(static_cast<uint16_t>(group))))
    {
        return false;
    }
    pfsGroup = static_cast<uint16_t>(group);
    lifetime = life;
    return true;
}

Ikev1SaPayload
Ikev1Proposals::MakePhase2Proposal(const Ikev1QuickMode& qm,
                                   const std::vector<Ikev1EspChoice>& offers) const
{
    Ikev1Proposal p;
    p.number = 1;
    p.protocolId = Ikev1Doi::PROTO_IPSEC_ESP;
    p.spi = WireBytesU32(qm.inboundSpi); // our SPI: the peer sends to it
    uint8_t number = 1;
    for (const Ikev1EspChoice& c : offers)
    {
        p.transforms.push_back(MakeEspTransform(c, qm.pfsGroup, qm.lifetime, number++));
    }
    Ikev1SaPayload sa;
    sa.proposals.push_back(p);
    return sa;
}

std::string
Ikev1Proposals::SelectPhase2(const Ikev1SaPayload& offered,
                             Ikev1QuickMode& qm,
                             Ikev1SaPayload& reply) const
{
    for (const auto& p : offered.proposals)
    {
        if (p.protocolId != Ikev1Doi::PROTO_IPSEC_ESP || p.spi.size() != 4)
        {
            continue;
        }
        for (const auto& t : p.transforms)
        {
            Ikev1EspChoice c{};
            uint16_t group = 0;
            uint64_t life = 0;
            if (!ReadEspTransform(t, c, group, life))
            {
                continue; // a transform we do not support
            }
            bool acceptable = m_esp.empty();
            for (const auto& m : m_esp)
            {
                acceptable =
                    acceptable || (m.encryption == c.encryption && m.integrity == c.integrity);
            }
            if (!acceptable)
            {
                continue;
            }
            qm.encryption = c.encryption;
            qm.integrity = c.integrity;
            qm.pfsGroup = group;
            qm.lifetime = life ? Seconds(life) : m_phase2Lifetime;
            qm.outboundSpi = WireReadU32(p.spi.data());
            Ikev1Proposal answer = p; // the caller puts our SPI in
            answer.transforms = {t};  // the chosen transform alone (RFC 2408 §4.2)
            reply = Ikev1SaPayload();
            reply.doi = offered.doi;
            reply.situation = offered.situation;
            reply.proposals = {answer};
            return "";
        }
    }
    return "no acceptable ESP transform";
}

std::string
Ikev1Proposals::CheckPhase2Answer(const Ikev1SaPayload& answer,
                                  const std::vector<Ikev1EspChoice>& offers,
                                  Ikev1QuickMode& qm) const
{
    if (answer.proposals.size() != 1 ||
        answer.proposals[0].protocolId != Ikev1Doi::PROTO_IPSEC_ESP ||
        answer.proposals[0].spi.size() != 4 || answer.proposals[0].transforms.size() != 1)
    {
        return "the phase-2 answer is not one ESP proposal with a 4-byte SPI and one transform";
    }
    const Ikev1Proposal& p = answer.proposals[0];
    Ikev1EspChoice c{};
    uint16_t group = 0;
    uint64_t life = 0;
    if (!ReadEspTransform(p.transforms[0], c, group, life))
    {
        return "the responder chose an unsupported ESP transform";
    }
    bool offered = false;
    for (const auto& o : offers)
    {
        offered = offered || (o.encryption == c.encryption && o.integrity == c.integrity);
    }
    if (!offered || group != qm.pfsGroup)
    {
        return "the responder changed the proposal";
    }
    qm.encryption = c.encryption;
    qm.integrity = c.integrity;
    qm.outboundSpi = WireReadU32(p.spi.data());
    return "";
}

} // namespace ns3
