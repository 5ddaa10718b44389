/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev1-phase1-exchange.h"

#include "crypto-diffie-hellman.h"
#include "crypto-mac.h"
#include "crypto-random.h"
#include "ikev1-codec.h"
#include "ikev1-doi.h"
#include "ikev1-key-derivation.h"
#include "ikev1-services.h"
#include "wire-writer.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ikev1Phase1Exchange");

namespace
{
/// \return the body of a payload, its generic header removed (RFC 2409 §5: SAi_b, IDii_b)
std::vector<uint8_t>
PayloadBody(const Ikev1Payload& payload)
{
    uint8_t first;
    std::vector<uint8_t> bytes = Ikev1Codec::EncodePayloads({payload}, first);
    return std::vector<uint8_t>(bytes.begin() + Ikev1Codec::GENERIC_HEADER_SIZE, bytes.end());
}
} // namespace

Ikev1Phase1Exchange::Ikev1Phase1Exchange(Ikev1Services& services)
    : m_services(services)
{
}

Ikev1Phase1Exchange::~Ikev1Phase1Exchange() = default;

IpsecRetransmission&
Ikev1Phase1Exchange::GetFlight(const Ikev1Sa& sa)
{
    return m_services.GetFlight(sa, 0);
}

void
Ikev1Phase1Exchange::Start(Ikev1Sa& sa)
{
    NS_LOG_FUNCTION(this << sa.peer);
    m_services.ResetCost();
    Ikev1SaPayload proposal = m_services.GetProposals().MakePhase1Proposal();
    sa.saiB = PayloadBody(proposal);
    std::vector<Ikev1Payload> payloads{proposal};
    AddFirstPayloads(sa, payloads);
    AddVendorId(payloads);
    SendMessage(sa, payloads, nullptr, true);
    m_services.SwitchState(sa, GetFirstState());
}

void
Ikev1Phase1Exchange::Receive(Ikev1Sa& sa,
                             const Ikev1Header& header,
                             const std::vector<uint8_t>& bytes)
{
    std::vector<Ikev1Payload> payloads;
    std::vector<uint8_t> plain;
    bool encrypted = IsEncryptedIn(sa.state);
    Message message;
    message.header = &header;
    message.bytes = &bytes;
    message.iv = sa.iv;
    if (!m_services.Open(sa, header, bytes, encrypted ? &message.iv : nullptr, payloads, plain))
    {
        if (encrypted && sa.state == Ikev1State::MM_SENT_4)
        {
            m_services.Fail(sa, "authentication failed: MM5 does not decrypt", true);
        }
        return;
    }
    message.sa = IkeFindPayload<Ikev1SaPayload>(payloads);
    message.ke = IkeFindPayload<Ikev1KePayload>(payloads);
    message.nonce = IkeFindPayload<Ikev1NoncePayload>(payloads);
    message.id = IkeFindPayload<Ikev1IdPayload>(payloads);
    message.hash = IkeFindPayload<Ikev1HashPayload>(payloads);
    Process(sa, message);
}

bool
Ikev1Phase1Exchange::Expect(const Ikev1Sa& sa, bool ok, const std::string& what)
{
    if (!ok)
    {
        m_services.TraceFailure(sa.peer, "phase 1 in state " + ToString(sa.state) + ": " + what);
    }
    return ok;
}

bool
Ikev1Phase1Exchange::AcceptProposal(Ikev1Sa& sa,
                                    const Message& message,
                                    size_t keLength,
                                    std::vector<Ikev1Payload>& reply)
{
    Ikev1SaPayload chosen;
    Ikev1Phase1Choice choice{};
    std::string error =
        m_services.GetProposals().SelectPhase1(*message.sa, keLength, chosen, choice);
    if (!error.empty())
    {
        m_services.Fail(sa, error, true);
        return false;
    }
    sa.encryption = choice.encryption;
    sa.hash = choice.hash;
    sa.dhGroup = choice.group;
    sa.saiB = PayloadBody(*message.sa);
    CryptoRandom& rng = m_services.GetRandom();
    sa.responderCookie = (static_cast<uint64_t>(rng.GetU32()) << 32) | rng.GetU32();
    GetFlight(sa).NoteReceived(*message.bytes);
    reply = {chosen};
    return true;
}

bool
Ikev1Phase1Exchange::TakeAnswer(Ikev1Sa& sa, const Ikev1SaPayload& answer)
{
    Ikev1Phase1Choice choice{};
    std::string error = m_services.GetProposals().CheckPhase1Answer(answer, choice);
    if (error.empty() && sa.exchange == Ikev1ExchangeType::AGGRESSIVE && choice.group != sa.dhGroup)
    {
        error = "the responder chose another DH group than the one of our KE";
    }
    if (!error.empty())
    {
        m_services.Fail(sa, error, true);
        return false;
    }
    sa.encryption = choice.encryption;
    sa.hash = choice.hash;
    sa.dhGroup = choice.group;
    return true;
}

void
Ikev1Phase1Exchange::AddVendorId(std::vector<Ikev1Payload>& payloads) const
{
    if (m_services.GetConfig().dpdVendorId)
    {
        payloads.push_back(Ikev1VendorIdPayload{Ikev1Doi::GetDpdVendorId()});
    }
}

bool
Ikev1Phase1Exchange::ComputeShared(Ikev1Sa& sa)
{
    if (!m_services.ComputeDhShared(sa.dhGroup, sa.dhPrivate, sa.peerPublic, sa.gxy))
    {
        m_services.Fail(sa, "invalid DH public value", true);
        return false;
    }
    return true;
}

void
Ikev1Phase1Exchange::DeriveKeys(Ikev1Sa& sa)
{
    std::vector<uint8_t> psk = m_services.GetPreSharedKey(sa.peer);
    std::vector<uint8_t> ckyI = WireBytesU64(sa.initiatorCookie);
    std::vector<uint8_t> ckyR = WireBytesU64(sa.responderCookie);
    sa.skeyid = Ikev1KeyDerivation::SkeyidPsk(sa.hash, psk, sa.ni, sa.nr);
    sa.skeyidD = Ikev1KeyDerivation::SkeyidD(sa.hash, sa.skeyid, sa.gxy, ckyI, ckyR);
    sa.skeyidA = Ikev1KeyDerivation::SkeyidA(sa.hash, sa.skeyid, sa.skeyidD, sa.gxy, ckyI, ckyR);
    sa.skeyidE = Ikev1KeyDerivation::SkeyidE(sa.hash, sa.skeyid, sa.skeyidA, sa.gxy, ckyI, ckyR);
    sa.encryptionKey =
        Ikev1KeyDerivation::ExpandKey(sa.hash, sa.skeyidE, GetEncryptionKeyLength(sa.encryption));
    const std::vector<uint8_t>& gxi = sa.role == Ikev1Role::INITIATOR ? sa.dhPublic : sa.peerPublic;
    const std::vector<uint8_t>& gxr = sa.role == Ikev1Role::INITIATOR ? sa.peerPublic : sa.dhPublic;
    sa.iv = Ikev1KeyDerivation::Phase1Iv(sa.hash, gxi, gxr, GetEncryptionBlockSize(sa.encryption));
    // SKEYID, SKEYID_d, _a, _e, key expansion and the IV: six PRF/hash calls.
    uint32_t seed = sa.gxy.size() + 17;
    uint32_t hashLength = CryptoMac::GetLength(sa.hash);
    m_services.ChargePrf(sa, sa.ni.size() + sa.nr.size());
    m_services.ChargePrf(sa, seed);
    m_services.ChargePrf(sa, seed + hashLength);
    m_services.ChargePrf(sa, seed + hashLength);
    m_services.ChargePrf(sa, 1);
    m_services.ChargePrf(sa, gxi.size() + gxr.size());
}

std::vector<uint8_t>
Ikev1Phase1Exchange::AuthHash(const Ikev1Sa& sa, bool initiator, const Ikev1IdPayload& id)
{
    const std::vector<uint8_t>& gxi = sa.role == Ikev1Role::INITIATOR ? sa.dhPublic : sa.peerPublic;
    const std::vector<uint8_t>& gxr = sa.role == Ikev1Role::INITIATOR ? sa.peerPublic : sa.dhPublic;
    std::vector<uint8_t> ckyI = WireBytesU64(sa.initiatorCookie);
    std::vector<uint8_t> ckyR = WireBytesU64(sa.responderCookie);
    std::vector<uint8_t> idBody = PayloadBody(id);
    m_services.ChargePrf(sa,
                         gxi.size() + gxr.size() + ckyI.size() + ckyR.size() + sa.saiB.size() +
                             idBody.size());
    if (initiator)
    {
        return Ikev1KeyDerivation::HashI(sa.hash, sa.skeyid, gxi, gxr, ckyI, ckyR, sa.saiB, idBody);
    }
    return Ikev1KeyDerivation::HashR(sa.hash, sa.skeyid, gxr, gxi, ckyR, ckyI, sa.saiB, idBody);
}

void
Ikev1Phase1Exchange::SendMessage(Ikev1Sa& sa,
                                 const std::vector<Ikev1Payload>& payloads,
                                 std::vector<uint8_t>* iv,
                                 bool awaitingReply)
{
    std::vector<uint8_t> bytes =
        m_services.Seal(sa, Ikev1Services::MakeHeader(sa, sa.exchange, 0), payloads, iv);
    m_services.Send(GetFlight(sa), sa.peer, bytes, awaitingReply);
}

} // namespace ns3
