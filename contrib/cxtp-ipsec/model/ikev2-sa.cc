/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-sa.h"

#include "ikev2-algorithms.h"
#include "wire-writer.h"

#include <utility>

namespace ns3
{

std::string
ToString(Ikev2State state)
{
    switch (state)
    {
    case Ikev2State::IDLE:
        return "IDLE";
    case Ikev2State::INIT_SENT:
        return "INIT_SENT";
    case Ikev2State::INIT_ANSWERED:
        return "INIT_ANSWERED";
    case Ikev2State::AUTH_SENT:
        return "AUTH_SENT";
    case Ikev2State::ESTABLISHED:
        return "ESTABLISHED";
    case Ikev2State::REKEYED:
        return "REKEYED";
    case Ikev2State::DELETING:
        return "DELETING";
    case Ikev2State::DELETED:
        return "DELETED";
    case Ikev2State::FAILED:
        return "FAILED";
    }
    return "?";
}

std::vector<uint8_t>
Ikev2Sa::GetSpiPair() const
{
    std::vector<uint8_t> pair;
    WireWriter w(pair);
    w.U64(spiI);
    w.U64(spiR);
    return pair;
}

Ikev2Header
Ikev2Sa::MakeHeader(Ikev2ExchangeType type, bool response, uint32_t messageId) const
{
    Ikev2Header h;
    h.initiatorSpi = spiI;
    h.responderSpi = spiR;
    h.exchangeType = type;
    h.initiator = originalInitiator;
    h.response = response;
    h.messageId = messageId;
    return h;
}

Ikev2Message
Ikev2Sa::MakeNotifyMessage(Ikev2ExchangeType type,
                           bool response,
                           uint32_t messageId,
                           Ikev2NotifyPayload notify) const
{
    Ikev2Message m;
    m.header = MakeHeader(type, response, messageId);
    m.encrypted = Ikev2EncryptedPayload();
    m.encrypted->payloads = {std::move(notify)};
    return m;
}

uint64_t
Ikev2Sa::GetLocalSpi() const
{
    return originalInitiator ? spiI : spiR;
}

Ikev2SkKeys
Ikev2Sa::GetSkKeys(bool initiatorSide) const
{
    Ikev2SkKeys sk;
    sk.suite.encryption = algorithms.encr;
    sk.suite.keyLength = algorithms.keyBits;
    sk.suite.integrity = algorithms.integ;
    sk.encryptionKey = initiatorSide ? keys.skEi : keys.skEr;
    sk.integrityKey = initiatorSide ? keys.skAi : keys.skAr;
    return sk;
}

bool
Ikev2Sa::DeriveChildKeys(const Ikev2EspChoice& esp,
                         const std::vector<uint8_t>& gir,
                         const std::vector<uint8_t>& ni,
                         const std::vector<uint8_t>& nr,
                         Ikev2ChildKeys& childKeys) const
{
    IpsecEncryption encryption;
    IpsecIntegrity integrity;
    return Ikev2Algorithms::GetEncryption(esp.encr, esp.keyBits, encryption) &&
           Ikev2Algorithms::GetIntegrity(esp.integ, integrity) &&
           Ikev2KeyDerivation::DeriveChildKeys(algorithms.prf,
                                               keys.skD,
                                               gir,
                                               ni,
                                               nr,
                                               encryption,
                                               integrity,
                                               childKeys);
}

} // namespace ns3
