/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev1-services.h"

#include "crypto-cipher.h"
#include "crypto-cost-model.h"
#include "crypto-diffie-hellman.h"
#include "crypto-random.h"
#include "ike-transport.h"
#include "ikev1-codec.h"
#include "ikev1-doi.h"
#include "ikev1-key-derivation.h"
#include "ipsec-pad.h"
#include "ipsec-pf-key.h"
#include "ipsec-policy.h"
#include "ipsec-spd.h"
#include "ipsec-work-clock.h"
#include "wire-writer.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ikev1Services");

Ikev1Services::Ikev1Services() = default;

Ikev1Services::~Ikev1Services() = default;

void
Ikev1Services::SetFacilities(Ptr<CryptoRandom> rng,
                             Ptr<IpsecPfKey> pfKey,
                             Ptr<IpsecSpd> spd,
                             Ptr<IpsecPad> pad,
                             Ptr<CryptoCostModel> cost,
                             Ptr<IpsecWorkClock> clock)
{
    m_rng = rng;
    m_pfKey = pfKey;
    m_spd = spd;
    m_pad = pad;
    m_cost = cost;
    m_clock = clock;
}

void
Ikev1Services::ClearFacilities()
{
    m_rng = nullptr;
    m_pfKey = nullptr;
    m_spd = nullptr;
    m_pad = nullptr;
    m_cost = nullptr;
    m_clock = nullptr;
}

CryptoRandom&
Ikev1Services::GetRandom() const
{
    return *m_rng;
}

Ptr<IpsecPfKey>
Ikev1Services::GetPfKey() const
{
    return m_pfKey;
}

Ptr<IpsecSpd>
Ikev1Services::GetSpd() const
{
    return m_spd;
}

Ptr<IpsecPad>
Ikev1Services::GetPad() const
{
    return m_pad;
}

Ptr<CryptoCostModel>
Ikev1Services::GetCostModel() const
{
    return m_cost;
}

void
Ikev1Services::ResetCost()
{
    m_pendingCost = Seconds(0);
}

Time
Ikev1Services::GetBusyUntil() const
{
    return m_clock->GetBusyUntil();
}

Time
Ikev1Services::Reserve(Time work)
{
    // The node's processor handles one piece of work at a time, in order.
    Time total = m_pendingCost + work;
    m_pendingCost = Seconds(0);
    return m_clock->Reserve(total);
}

void
Ikev1Services::GenerateDhKey(uint16_t group,
                             std::vector<uint8_t>& privateValue,
                             std::vector<uint8_t>& publicValue)
{
    auto g = static_cast<CryptoDhGroup>(group);
    privateValue = CryptoDiffieHellman::MakePrivate(g, *m_rng);
    bool ok = CryptoDiffieHellman::ComputePublic(g, privateValue, publicValue);
    NS_ABORT_MSG_IF(!ok, "Ikev1Daemon: DH key generation failed for group " << group);
    Charge(m_cost->DhKeyGeneration(g));
}

bool
Ikev1Services::ComputeDhShared(uint16_t group,
                               const std::vector<uint8_t>& privateValue,
                               const std::vector<uint8_t>& peerPublic,
                               std::vector<uint8_t>& shared)
{
    Charge(m_cost->DhSharedSecret(static_cast<CryptoDhGroup>(group)));
    return CryptoDiffieHellman::ComputeShared(static_cast<CryptoDhGroup>(group),
                                              privateValue,
                                              peerPublic,
                                              shared);
}

void
Ikev1Services::Charge(Time cost)
{
    m_pendingCost += cost;
}

void
Ikev1Services::ChargePrf(const Ikev1Sa& sa, uint32_t bytes)
{
    Charge(m_cost->Prf(sa.hash, bytes));
}

Ikev1Header
Ikev1Services::MakeHeader(const Ikev1Sa& sa, Ikev1ExchangeType exchange, uint32_t messageId)
{
    Ikev1Header header;
    header.initiatorCookie = sa.initiatorCookie;
    header.responderCookie = sa.responderCookie;
    header.exchangeType = exchange;
    header.messageId = messageId;
    return header;
}

std::vector<uint8_t>
Ikev1Services::Seal(const Ikev1Sa& sa,
                    Ikev1Header header,
                    const std::vector<Ikev1Payload>& payloads,
                    std::vector<uint8_t>* iv)
{
    uint8_t first = 0;
    std::vector<uint8_t> body = Ikev1Codec::EncodePayloads(payloads, first);
    header.nextPayload = first;
    if (iv)
    {
        // racoon: always 1..bs bytes of padding, random, the last one = padding length - 1.
        uint32_t bs = GetEncryptionBlockSize(sa.encryption);
        uint32_t padLength = bs - body.size() % bs;
        std::vector<uint8_t> pad = m_rng->GetBytes(padLength);
        pad.back() = static_cast<uint8_t>(padLength - 1);
        body.insert(body.end(), pad.begin(), pad.end());
        std::vector<uint8_t> cipher;
        bool ok = CryptoCipher::CbcEncrypt(sa.encryption, sa.encryptionKey, *iv, body, cipher);
        NS_ABORT_MSG_IF(!ok, "Ikev1Daemon: phase-1 encryption failed");
        Charge(m_cost->Cipher(sa.encryption, body.size()));
        iv->assign(cipher.end() - bs, cipher.end());
        body = cipher;
        header.flags |= Ikev1Header::FLAG_ENCRYPTION;
    }
    header.length = Ikev1Header::SIZE + body.size();
    std::vector<uint8_t> bytes = Ikev1Codec::EncodeHeader(header);
    bytes.insert(bytes.end(), body.begin(), body.end());
    return bytes;
}

bool
Ikev1Services::Open(const Ikev1Sa& sa,
                    const Ikev1Header& header,
                    const std::vector<uint8_t>& bytes,
                    std::vector<uint8_t>* iv,
                    std::vector<Ikev1Payload>& payloads,
                    std::vector<uint8_t>& plain)
{
    plain.assign(bytes.begin() + Ikev1Header::SIZE, bytes.end());
    if (header.IsEncrypted())
    {
        uint32_t bs = GetEncryptionBlockSize(sa.encryption);
        if (!iv || sa.encryptionKey.empty() || plain.empty() || plain.size() % bs != 0)
        {
            TraceFailure(sa.peer, "undecryptable message (no keys or bad length)");
            return false;
        }
        std::vector<uint8_t> clear;
        if (!CryptoCipher::CbcDecrypt(sa.encryption, sa.encryptionKey, *iv, plain, clear))
        {
            TraceFailure(sa.peer, "undecryptable message");
            return false;
        }
        Charge(m_cost->Cipher(sa.encryption, plain.size()));
        iv->assign(plain.end() - bs, plain.end());
        plain = clear;
    }
    else if (iv)
    {
        TraceFailure(sa.peer, "message should be encrypted");
        return false;
    }
    Ikev1DecodeResult r =
        Ikev1Codec::DecodePayloads(plain.data(), plain.size(), header.nextPayload, payloads);
    if (!r.IsOk())
    {
        TraceFailure(sa.peer,
                     std::string("malformed payloads: ") + GetIkev1DecodeErrorName(r.error) + ": " +
                         r.reason);
        return false;
    }
    return true;
}

uint32_t
Ikev1Services::NewInformationalId(Ikev1Sa& sa)
{
    uint32_t messageId;
    do
    {
        messageId = m_rng->GetU32();
    } while (messageId == 0 || sa.IsMessageIdInUse(messageId));
    sa.NoteInformationalId(messageId);
    return messageId;
}

std::vector<uint8_t>
Ikev1Services::SealInformational(const Ikev1Sa& sa,
                                 const Ikev1Header& header,
                                 const std::vector<Ikev1Payload>& payloads)
{
    uint8_t first;
    std::vector<uint8_t> body = Ikev1Codec::EncodePayloads(payloads, first);
    std::vector<uint8_t> hash =
        Ikev1KeyDerivation::InfoHash(sa.hash, sa.skeyidA, header.messageId, body);
    ChargePrf(sa, 4 + body.size());
    std::vector<uint8_t> iv = Ikev1KeyDerivation::Phase2Iv(sa.hash,
                                                           sa.iv,
                                                           header.messageId,
                                                           GetEncryptionBlockSize(sa.encryption));
    ChargePrf(sa, sa.iv.size() + 4);
    std::vector<Ikev1Payload> message{Ikev1HashPayload{hash}};
    message.insert(message.end(), payloads.begin(), payloads.end());
    return Seal(sa, header, message, &iv);
}

Ikev1IdPayload
Ikev1Services::MakeAddressId(const Ipv6Address& address)
{
    Ikev1IdPayload id;
    id.idType = Ikev1Doi::ID_IPV6_ADDR;
    id.protocolId = 17;
    id.port = IkeTransport::PORT;
    WireWriter(id.data).Ipv6(address);
    return id;
}

Ikev1IdPayload
Ikev1Services::MakeSelectorId(const Ipv6Address& address, const Ipv6Prefix& prefix)
{
    Ikev1IdPayload id;
    id.protocolId = 0;
    id.port = 0;
    if (prefix.GetPrefixLength() == 128)
    {
        id.idType = Ikev1Doi::ID_IPV6_ADDR;
        WireWriter(id.data).Ipv6(address);
        return id;
    }
    id.idType = Ikev1Doi::ID_IPV6_ADDR_SUBNET;
    std::vector<uint8_t> mask(16);
    prefix.GetBytes(mask.data());
    WireWriter writer(id.data);
    writer.Ipv6(address.CombinePrefix(prefix));
    writer.Raw(mask);
    return id;
}

std::vector<uint8_t>
Ikev1Services::GetPreSharedKey(const Ipv6Address& peer) const
{
    const IpsecPadEntry* entry = m_pad->FindByAddress(peer);
    return entry ? entry->preSharedKey : std::vector<uint8_t>();
}

} // namespace ns3
