/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev1-aggressive-mode-exchange.h"

#include "crypto-diffie-hellman.h"
#include "crypto-mac.h"
#include "crypto-random.h"
#include "ikev1-codec.h"
#include "ikev1-services.h"
#include "ipsec-retransmission.h"

namespace ns3
{

Ikev1AggressiveModeExchange::Ikev1AggressiveModeExchange(Ikev1Services& services)
    : Ikev1Phase1Exchange(services)
{
}

void
Ikev1AggressiveModeExchange::AddFirstPayloads(Ikev1Sa& sa, std::vector<Ikev1Payload>& payloads)
{
    m_services.GenerateDhKey(sa.dhGroup, sa.dhPrivate, sa.dhPublic);
    sa.ni = m_services.GetRandom().GetBytes(m_services.GetConfig().nonceLength);
    payloads.push_back(Ikev1KePayload{sa.dhPublic});
    payloads.push_back(Ikev1NoncePayload{sa.ni});
    payloads.push_back(Ikev1Services::MakeAddressId(sa.local));
}

Ikev1State
Ikev1AggressiveModeExchange::GetFirstState() const
{
    return Ikev1State::AM_SENT_1;
}

bool
Ikev1AggressiveModeExchange::IsEncryptedIn(Ikev1State /* state */) const
{
    return false; // racoon sends AM3 in clear
}

void
Ikev1AggressiveModeExchange::Process(Ikev1Sa& sa, const Message& message)
{
    switch (sa.state)
    {
    case Ikev1State::IDLE:
        ReceiveAm1(sa, message);
        return;
    case Ikev1State::AM_SENT_1:
        ReceiveAm2(sa, message);
        return;
    case Ikev1State::AM_SENT_2:
        ReceiveAm3(sa, message);
        return;
    default:
        m_services.TraceFailure(sa.peer,
                                "unexpected phase-1 message in state " + ToString(sa.state));
        return;
    }
}

void
Ikev1AggressiveModeExchange::ReceiveAm1(Ikev1Sa& sa, const Message& message)
{
    std::vector<Ikev1Payload> reply;
    size_t keLength = message.ke ? message.ke->data.size() : 0;
    if (!Expect(sa, message.sa != nullptr, "no SA payload") ||
        !AcceptProposal(sa, message, keLength, reply))
    {
        return;
    }
    uint32_t dhLength = CryptoDiffieHellman::GetLength(static_cast<CryptoDhGroup>(sa.dhGroup));
    if (!Expect(sa,
                message.ke && message.nonce && message.id && message.ke->data.size() == dhLength,
                "AM1 incomplete"))
    {
        return;
    }
    sa.peerPublic = message.ke->data;
    sa.ni = message.nonce->data;
    m_services.GenerateDhKey(sa.dhGroup, sa.dhPrivate, sa.dhPublic);
    if (!ComputeShared(sa))
    {
        return;
    }
    sa.nr = m_services.GetRandom().GetBytes(m_services.GetConfig().nonceLength);
    DeriveKeys(sa);
    // The responder's own address is the destination of AM1; racoon uses it as IDir.
    Ikev1IdPayload idir = Ikev1Services::MakeAddressId(sa.local);
    std::vector<uint8_t> hashR = AuthHash(sa, false, idir);
    reply.push_back(Ikev1KePayload{sa.dhPublic});
    reply.push_back(Ikev1NoncePayload{sa.nr});
    reply.push_back(idir);
    reply.push_back(Ikev1HashPayload{hashR});
    AddVendorId(reply);
    SendMessage(sa, reply, nullptr, true);
    m_services.SwitchState(sa, Ikev1State::AM_SENT_2);
}

void
Ikev1AggressiveModeExchange::ReceiveAm2(Ikev1Sa& sa, const Message& message)
{
    uint32_t dhLength = CryptoDiffieHellman::GetLength(static_cast<CryptoDhGroup>(sa.dhGroup));
    if (!Expect(sa,
                message.sa && message.ke && message.nonce && message.id && message.hash &&
                    message.ke->data.size() == dhLength && message.header->responderCookie != 0,
                "AM2 incomplete") ||
        !TakeAnswer(sa, *message.sa))
    {
        return;
    }
    sa.responderCookie = message.header->responderCookie;
    sa.peerPublic = message.ke->data;
    sa.nr = message.nonce->data;
    if (!ComputeShared(sa))
    {
        return;
    }
    DeriveKeys(sa);
    std::vector<uint8_t> expected = AuthHash(sa, false, *message.id);
    if (!CryptoMac::ConstantTimeEqual(expected, message.hash->data))
    {
        m_services.Fail(sa,
                        "authentication failed: HASH_R does not verify (wrong pre-shared key?)",
                        true);
        return;
    }
    GetFlight(sa).NoteReceived(*message.bytes);
    std::vector<uint8_t> hashI = AuthHash(sa, true, Ikev1Services::MakeAddressId(sa.local));
    SendMessage(sa, {Ikev1HashPayload{hashI}}, nullptr, false);
    m_services.Phase1Established(sa);
}

void
Ikev1AggressiveModeExchange::ReceiveAm3(Ikev1Sa& sa, const Message& message)
{
    if (!message.hash)
    {
        m_services.Fail(sa, "authentication failed: no ID or HASH_I", true);
        return;
    }
    // AM1 carried IDii; racoon sends AM3 in clear.
    IpsecRetransmission& flight = GetFlight(sa);
    std::vector<Ikev1Payload> first;
    std::vector<uint8_t> firstPlain;
    Ikev1Header h1;
    Ikev1Codec::DecodeHeader(flight.GetLastReceived(), h1);
    m_services.Open(sa, h1, flight.GetLastReceived(), nullptr, first, firstPlain);
    const auto* firstId = IkeFindPayload<Ikev1IdPayload>(first);
    Ikev1IdPayload idii = firstId ? *firstId : (message.id ? *message.id : Ikev1IdPayload());
    std::vector<uint8_t> expected = AuthHash(sa, true, idii);
    if (!CryptoMac::ConstantTimeEqual(expected, message.hash->data))
    {
        m_services.Fail(sa,
                        "authentication failed: HASH_I does not verify (wrong pre-shared key?)",
                        true);
        return;
    }
    flight.NoteReceived(*message.bytes);
    flight.Stop();
    m_services.Phase1Established(sa);
}

} // namespace ns3
