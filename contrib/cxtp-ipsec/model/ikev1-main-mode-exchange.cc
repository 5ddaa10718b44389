/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev1-main-mode-exchange.h"

#include "crypto-diffie-hellman.h"
#include "crypto-mac.h"
#include "crypto-random.h"
#include "ikev1-services.h"
#include "ipsec-retransmission.h"

namespace ns3
{

Ikev1MainModeExchange::Ikev1MainModeExchange(Ikev1Services& services)
    : Ikev1Phase1Exchange(services)
{
}

void
Ikev1MainModeExchange::AddFirstPayloads(Ikev1Sa& /* sa */,
                                        std::vector<Ikev1Payload>& /* payloads */)
{
    // MM1 carries the SA payload alone.
}

Ikev1State
Ikev1MainModeExchange::GetFirstState() const
{
    return Ikev1State::MM_SENT_1;
}

bool
Ikev1MainModeExchange::IsEncryptedIn(Ikev1State state) const
{
    return state == Ikev1State::MM_SENT_4 || state == Ikev1State::MM_SENT_5;
}

void
Ikev1MainModeExchange::Process(Ikev1Sa& sa, const Message& message)
{
    switch (sa.state)
    {
    case Ikev1State::IDLE:
        ReceiveMm1(sa, message);
        return;
    case Ikev1State::MM_SENT_1:
        ReceiveMm2(sa, message);
        return;
    case Ikev1State::MM_SENT_2:
        ReceiveMm3(sa, message);
        return;
    case Ikev1State::MM_SENT_3:
        ReceiveMm4(sa, message);
        return;
    case Ikev1State::MM_SENT_4:
        ReceiveMm5(sa, message);
        return;
    case Ikev1State::MM_SENT_5:
        ReceiveMm6(sa, message);
        return;
    default:
        m_services.TraceFailure(sa.peer,
                                "unexpected phase-1 message in state " + ToString(sa.state));
        return;
    }
}

void
Ikev1MainModeExchange::ReceiveMm1(Ikev1Sa& sa, const Message& message)
{
    std::vector<Ikev1Payload> reply;
    if (!Expect(sa, message.sa != nullptr, "no SA payload") ||
        !AcceptProposal(sa, message, 0, reply))
    {
        return;
    }
    AddVendorId(reply);
    SendMessage(sa, reply, nullptr, true);
    m_services.SwitchState(sa, Ikev1State::MM_SENT_2);
}

void
Ikev1MainModeExchange::ReceiveMm2(Ikev1Sa& sa, const Message& message)
{
    if (!Expect(sa,
                message.sa && message.header->responderCookie != 0,
                "MM2 without SA or cookie") ||
        !TakeAnswer(sa, *message.sa))
    {
        return;
    }
    sa.responderCookie = message.header->responderCookie;
    GetFlight(sa).NoteReceived(*message.bytes);
    m_services.GenerateDhKey(sa.dhGroup, sa.dhPrivate, sa.dhPublic);
    sa.ni = m_services.GetRandom().GetBytes(m_services.GetConfig().nonceLength);
    SendMessage(sa, {Ikev1KePayload{sa.dhPublic}, Ikev1NoncePayload{sa.ni}}, nullptr, true);
    m_services.SwitchState(sa, Ikev1State::MM_SENT_3);
}

void
Ikev1MainModeExchange::ReceiveMm3(Ikev1Sa& sa, const Message& message)
{
    uint32_t dhLength = CryptoDiffieHellman::GetLength(static_cast<CryptoDhGroup>(sa.dhGroup));
    if (!Expect(sa,
                message.ke && message.nonce && message.ke->data.size() == dhLength,
                "MM3 without KE or nonce"))
    {
        return;
    }
    GetFlight(sa).NoteReceived(*message.bytes);
    sa.peerPublic = message.ke->data;
    sa.ni = message.nonce->data;
    m_services.GenerateDhKey(sa.dhGroup, sa.dhPrivate, sa.dhPublic);
    if (!ComputeShared(sa))
    {
        return;
    }
    sa.nr = m_services.GetRandom().GetBytes(m_services.GetConfig().nonceLength);
    DeriveKeys(sa);
    SendMessage(sa, {Ikev1KePayload{sa.dhPublic}, Ikev1NoncePayload{sa.nr}}, nullptr, true);
    m_services.SwitchState(sa, Ikev1State::MM_SENT_4);
}

void
Ikev1MainModeExchange::ReceiveMm4(Ikev1Sa& sa, const Message& message)
{
    uint32_t dhLength = CryptoDiffieHellman::GetLength(static_cast<CryptoDhGroup>(sa.dhGroup));
    if (!Expect(sa,
                message.ke && message.nonce && message.ke->data.size() == dhLength,
                "MM4 without KE or nonce"))
    {
        return;
    }
    GetFlight(sa).NoteReceived(*message.bytes);
    sa.peerPublic = message.ke->data;
    sa.nr = message.nonce->data;
    if (!ComputeShared(sa))
    {
        return;
    }
    DeriveKeys(sa);
    Ikev1IdPayload idii = Ikev1Services::MakeAddressId(sa.local);
    std::vector<uint8_t> hashI = AuthHash(sa, true, idii);
    SendMessage(sa, {idii, Ikev1HashPayload{hashI}}, &sa.iv, true);
    m_services.SwitchState(sa, Ikev1State::MM_SENT_5);
}

void
Ikev1MainModeExchange::ReceiveMm5(Ikev1Sa& sa, const Message& message)
{
    if (!message.hash || !message.id)
    {
        m_services.Fail(sa, "authentication failed: no ID or HASH_I", true);
        return;
    }
    std::vector<uint8_t> expected = AuthHash(sa, true, *message.id);
    if (!CryptoMac::ConstantTimeEqual(expected, message.hash->data))
    {
        m_services.Fail(sa,
                        "authentication failed: HASH_I does not verify (wrong pre-shared key?)",
                        true);
        return;
    }
    GetFlight(sa).NoteReceived(*message.bytes);
    sa.iv = message.iv; // CBC state after MM5
    Ikev1IdPayload idir = Ikev1Services::MakeAddressId(sa.local);
    std::vector<uint8_t> hashR = AuthHash(sa, false, idir);
    SendMessage(sa, {idir, Ikev1HashPayload{hashR}}, &sa.iv, false);
    m_services.Phase1Established(sa);
}

void
Ikev1MainModeExchange::ReceiveMm6(Ikev1Sa& sa, const Message& message)
{
    if (!message.id || !message.hash)
    {
        m_services.Fail(sa, "authentication failed: MM6 without ID or HASH_R", true);
        return;
    }
    std::vector<uint8_t> expected = AuthHash(sa, false, *message.id);
    if (!CryptoMac::ConstantTimeEqual(expected, message.hash->data))
    {
        m_services.Fail(sa, "authentication failed: HASH_R does not verify", true);
        return;
    }
    sa.iv = message.iv;
    IpsecRetransmission& flight = GetFlight(sa);
    flight.NoteReceived(*message.bytes);
    flight.Stop();
    m_services.Phase1Established(sa);
}

} // namespace ns3
