/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev1-quick-mode-exchange.h"

#include "crypto-diffie-hellman.h"
#include "crypto-mac.h"
#include "crypto-random.h"
#include "ike-sa-pair-installer.h"
#include "ikev1-codec.h"
#include "ikev1-doi.h"
#include "ikev1-informational-exchange.h"
#include "ikev1-key-derivation.h"
#include "ikev1-services.h"
#include "ipsec-pf-key.h"
#include "ipsec-policy.h"
#include "ipsec-spd.h"
#include "wire-writer.h"

#include "ns3/simulator.h"

#include <memory>

namespace ns3
{

Ikev1QuickModeExchange::Ikev1QuickModeExchange(Ikev1Services& services)
    : m_services(services)
{
}

void
Ikev1QuickModeExchange::SendMessage(Ikev1Sa& sa,
                                    Ikev1QuickMode& qm,
                                    const std::vector<Ikev1Payload>& payloads,
                                    bool awaitingReply)
{
    std::vector<uint8_t> bytes =
        m_services.Seal(sa,
                        Ikev1Services::MakeHeader(sa, Ikev1ExchangeType::QUICK, qm.messageId),
                        payloads,
                        &qm.iv);
    m_services.Send(m_services.GetFlight(sa, qm.messageId), sa.peer, bytes, awaitingReply);
}

void
Ikev1QuickModeExchange::Start(Ikev1Sa& sa, uint32_t outPolicyId)
{
    const IpsecPolicy* policy = m_services.GetSpd()->Get(outPolicyId);
    if (!policy)
    {
        return;
    }
    CryptoRandom& rng = m_services.GetRandom();
    Ikev1Config config = m_services.GetConfig();
    Ikev1Proposals proposals = m_services.GetProposals();
    uint32_t messageId;
    do
    {
        messageId = rng.GetU32();
    } while (messageId == 0 || sa.quickModes.count(messageId));
    Ikev1QuickMode& qm = sa.quickModes[messageId];
    qm.messageId = messageId;
    qm.role = Ikev1Role::INITIATOR;
    qm.started = Simulator::Now();
    std::vector<Ikev1EspChoice> offers = proposals.GetEspChoices(policy);
    qm.encryption = offers.front().encryption; // until the responder has chosen
    qm.integrity = offers.front().integrity;
    qm.lifetime = config.phase2Lifetime;
    qm.pfsGroup = config.pfs ? (config.pfsGroup ? config.pfsGroup : sa.dhGroup) : 0;
    uint32_t out;
    m_services.GetSpd()->FindTunnelRules(sa.local, sa.peer, out, qm.inPolicyId);
    qm.outPolicyId = outPolicyId;
    qm.inboundSpi = m_services.GetPfKey()->GetSpi();
    qm.ni = rng.GetBytes(config.nonceLength);
    qm.iv = Ikev1KeyDerivation::Phase2Iv(sa.hash,
                                         sa.iv,
                                         messageId,
                                         GetEncryptionBlockSize(sa.encryption));
    m_services.ChargePrf(sa, sa.iv.size() + 4);
    std::vector<Ikev1Payload> rest{proposals.MakePhase2Proposal(qm, offers),
                                   Ikev1NoncePayload{qm.ni}};
    if (qm.pfsGroup)
    {
        m_services.GenerateDhKey(qm.pfsGroup, qm.dhPrivate, qm.dhPublic);
        rest.push_back(Ikev1KePayload{qm.dhPublic});
    }
    if (config.quickModeIds)
    {
        const IpsecTrafficSelector& ts = policy->selector;
        rest.push_back(Ikev1Services::MakeSelectorId(ts.localAddress, ts.localPrefix));
        rest.push_back(Ikev1Services::MakeSelectorId(ts.remoteAddress, ts.remotePrefix));
    }
    uint8_t first;
    std::vector<uint8_t> restBytes = Ikev1Codec::EncodePayloads(rest, first);
    std::vector<uint8_t> hash1 =
        Ikev1KeyDerivation::QmHash1(sa.hash, sa.skeyidA, messageId, restBytes);
    m_services.ChargePrf(sa, 4 + restBytes.size());
    std::vector<Ikev1Payload> payloads{Ikev1HashPayload{hash1}};
    payloads.insert(payloads.end(), rest.begin(), rest.end());
    SendMessage(sa, qm, payloads, true);
    m_services.SwitchState(sa, qm, Ikev1State::QM_SENT_1);
}

void
Ikev1QuickModeExchange::Receive(Ikev1Sa& sa,
                                const Ikev1Header& header,
                                const std::vector<uint8_t>& bytes)
{
    if (sa.state != Ikev1State::ESTABLISHED || header.messageId == 0)
    {
        m_services.TraceFailure(sa.peer, "quick mode without an ISAKMP SA");
        return;
    }
    Message message;
    message.messageId = header.messageId;
    message.bytes = &bytes;
    message.fresh = !sa.quickModes.count(header.messageId);
    Ikev1QuickMode& qm = sa.quickModes[header.messageId];
    if (message.fresh)
    {
        qm.messageId = header.messageId;
        qm.role = Ikev1Role::RESPONDER;
        qm.started = Simulator::Now();
        qm.iv = Ikev1KeyDerivation::Phase2Iv(sa.hash,
                                             sa.iv,
                                             header.messageId,
                                             GetEncryptionBlockSize(sa.encryption));
        m_services.ChargePrf(sa, sa.iv.size() + 4);
    }
    message.iv = qm.iv;
    std::vector<Ikev1Payload> payloads;
    std::vector<uint8_t> plain;
    if (!m_services.Open(sa, header, bytes, &message.iv, payloads, plain) || payloads.empty() ||
        !std::holds_alternative<Ikev1HashPayload>(payloads[0]))
    {
        if (message.fresh)
        {
            sa.quickModes.erase(header.messageId);
        }
        m_services.TraceFailure(sa.peer, "quick-mode message dropped: undecodable or no HASH");
        return;
    }
    message.hash = std::get<Ikev1HashPayload>(payloads[0]).data;
    message.rest.assign(payloads.begin() + 1, payloads.end());
    uint8_t first;
    message.restBytes = Ikev1Codec::EncodePayloads(message.rest, first);
    std::string dropped;
    switch (qm.state)
    {
    case Ikev1State::IDLE:
        dropped = ReceiveQm1(sa, qm, message);
        break;
    case Ikev1State::QM_SENT_1:
        dropped = ReceiveQm2(sa, qm, message);
        break;
    case Ikev1State::QM_SENT_2:
        dropped = ReceiveQm3(sa, qm, message);
        break;
    default:
        m_services.TraceFailure(sa.peer, "unexpected quick-mode message");
        return;
    }
    if (!dropped.empty())
    {
        m_services.TraceFailure(sa.peer,
                                "quick mode " + std::to_string(header.messageId) + ": " + dropped);
        if (message.fresh)
        {
            sa.quickModes.erase(header.messageId);
        }
    }
}

std::string
Ikev1QuickModeExchange::ReceiveQm1(Ikev1Sa& sa, Ikev1QuickMode& qm, const Message& message)
{
    std::vector<uint8_t> expected =
        Ikev1KeyDerivation::QmHash1(sa.hash, sa.skeyidA, message.messageId, message.restBytes);
    m_services.ChargePrf(sa, 4 + message.restBytes.size());
    if (!CryptoMac::ConstantTimeEqual(expected, message.hash))
    {
        return "HASH(1) does not verify";
    }
    const auto* saPayload = IkeFindPayload<Ikev1SaPayload>(message.rest);
    const auto* nonce = IkeFindPayload<Ikev1NoncePayload>(message.rest);
    const auto* ke = IkeFindPayload<Ikev1KePayload>(message.rest);
    if (!saPayload || !nonce)
    {
        return "QM1 without SA or nonce";
    }
    uint32_t outPolicy = 0;
    if (!m_services.GetSpd()->FindTunnelRules(sa.local, sa.peer, outPolicy, qm.inPolicyId))
    {
        return "no PROTECT rules for peer";
    }
    Ikev1SaPayload chosen;
    std::string error = m_services.GetProposals().SelectPhase2(*saPayload, qm, chosen);
    if (!error.empty())
    {
        SendNoProposalChosen(sa, *saPayload);
        return error;
    }
    if (qm.pfsGroup && (!ke || ke->data.size() != CryptoDiffieHellman::GetLength(
                                                      static_cast<CryptoDhGroup>(qm.pfsGroup))))
    {
        return "PFS requested without a usable KE";
    }
    qm.outPolicyId = outPolicy;
    qm.iv = message.iv;
    qm.ni = nonce->data;
    qm.nr = m_services.GetRandom().GetBytes(m_services.GetConfig().nonceLength);
    qm.inboundSpi = m_services.GetPfKey()->GetSpi();
    chosen.proposals[0].spi = WireBytesU32(qm.inboundSpi); // ours: the peer sends to it
    m_services.GetFlight(sa, qm.messageId).NoteReceived(*message.bytes);
    std::vector<Ikev1Payload> reply{chosen, Ikev1NoncePayload{qm.nr}};
    if (qm.pfsGroup)
    {
        m_services.GenerateDhKey(qm.pfsGroup, qm.dhPrivate, qm.dhPublic);
        if (!m_services.ComputeDhShared(qm.pfsGroup, qm.dhPrivate, ke->data, qm.gxy))
        {
            return "invalid PFS public value";
        }
        reply.push_back(Ikev1KePayload{qm.dhPublic});
    }
    for (const auto* id : IkeFindAllPayloads<Ikev1IdPayload>(message.rest))
    {
        reply.push_back(*id); // echo IDci/IDcr
    }
    uint8_t first;
    std::vector<uint8_t> replyBytes = Ikev1Codec::EncodePayloads(reply, first);
    std::vector<uint8_t> hash2 =
        Ikev1KeyDerivation::QmHash2(sa.hash, sa.skeyidA, message.messageId, qm.ni, replyBytes);
    m_services.ChargePrf(sa, 4 + qm.ni.size() + replyBytes.size());
    std::vector<Ikev1Payload> msg{Ikev1HashPayload{hash2}};
    msg.insert(msg.end(), reply.begin(), reply.end());
    SendMessage(sa, qm, msg, true);
    m_services.SwitchState(sa, qm, Ikev1State::QM_SENT_2);
    return "";
}

std::string
Ikev1QuickModeExchange::ReceiveQm2(Ikev1Sa& sa, Ikev1QuickMode& qm, const Message& message)
{
    std::vector<uint8_t> expected = Ikev1KeyDerivation::QmHash2(sa.hash,
                                                                sa.skeyidA,
                                                                message.messageId,
                                                                qm.ni,
                                                                message.restBytes);
    m_services.ChargePrf(sa, 4 + qm.ni.size() + message.restBytes.size());
    if (!CryptoMac::ConstantTimeEqual(expected, message.hash))
    {
        return "HASH(2) does not verify";
    }
    const auto* saPayload = IkeFindPayload<Ikev1SaPayload>(message.rest);
    const auto* nonce = IkeFindPayload<Ikev1NoncePayload>(message.rest);
    const auto* ke = IkeFindPayload<Ikev1KePayload>(message.rest);
    if (!saPayload || !nonce)
    {
        return "QM2 without SA or nonce";
    }
    Ikev1Proposals proposals = m_services.GetProposals();
    std::vector<Ikev1EspChoice> offers =
        proposals.GetEspChoices(m_services.GetSpd()->Get(qm.outPolicyId));
    std::string error = proposals.CheckPhase2Answer(*saPayload, offers, qm);
    if (!error.empty())
    {
        return error;
    }
    if (qm.pfsGroup &&
        (!ke || !m_services.ComputeDhShared(qm.pfsGroup, qm.dhPrivate, ke->data, qm.gxy)))
    {
        return "invalid PFS public value";
    }
    qm.iv = message.iv;
    qm.nr = nonce->data;
    IpsecRetransmission& flight = m_services.GetFlight(sa, qm.messageId);
    flight.NoteReceived(*message.bytes);
    std::vector<uint8_t> hash3 =
        Ikev1KeyDerivation::QmHash3(sa.hash, sa.skeyidA, message.messageId, qm.ni, qm.nr);
    m_services.ChargePrf(sa, 5 + qm.ni.size() + qm.nr.size());
    std::vector<uint8_t> qm3 =
        m_services.Seal(sa,
                        Ikev1Services::MakeHeader(sa, Ikev1ExchangeType::QUICK, qm.messageId),
                        {Ikev1HashPayload{hash3}},
                        &qm.iv);
    InstallSaPair(sa, qm);
    m_services.Send(flight, sa.peer, qm3, false);
    return "";
}

std::string
Ikev1QuickModeExchange::ReceiveQm3(Ikev1Sa& sa, Ikev1QuickMode& qm, const Message& message)
{
    std::vector<uint8_t> expected =
        Ikev1KeyDerivation::QmHash3(sa.hash, sa.skeyidA, message.messageId, qm.ni, qm.nr);
    m_services.ChargePrf(sa, 5 + qm.ni.size() + qm.nr.size());
    if (!CryptoMac::ConstantTimeEqual(expected, message.hash))
    {
        return "HASH(3) does not verify";
    }
    qm.iv = message.iv;
    IpsecRetransmission& flight = m_services.GetFlight(sa, qm.messageId);
    flight.NoteReceived(*message.bytes);
    flight.Stop();
    InstallSaPair(sa, qm);
    m_services.ResetCost();
    return "";
}

void
Ikev1QuickModeExchange::InstallSaPair(Ikev1Sa& sa, Ikev1QuickMode& qm)
{
    uint32_t encLength = GetEncryptionKeyLength(qm.encryption);
    uint32_t length = encLength + GetIntegrityKeyLength(qm.integrity);
    m_services.SwitchState(sa, qm, Ikev1State::ESTABLISHED);
    Ipv6Address local = sa.local;
    if (local.IsAny())
    {
        const IpsecPolicy* rule = m_services.GetSpd()->Get(qm.outPolicyId);
        local = rule ? rule->tunnelLocal : local;
    }
    auto makeSa = [&](IpsecDirection direction, uint32_t spi) {
        std::vector<uint8_t> keymat = Ikev1KeyDerivation::Keymat(sa.hash,
                                                                 sa.skeyidD,
                                                                 qm.gxy,
                                                                 Ikev1Doi::PROTO_IPSEC_ESP,
                                                                 spi,
                                                                 qm.ni,
                                                                 qm.nr,
                                                                 length);
        m_services.ChargePrf(sa, qm.gxy.size() + 5 + qm.ni.size() + qm.nr.size());
        IpsecSecurityAssociation esp;
        esp.spi = spi;
        esp.direction = direction;
        esp.mode = IpsecMode::TUNNEL;
        esp.source = direction == IpsecDirection::OUTBOUND ? local : sa.peer;
        esp.destination = direction == IpsecDirection::OUTBOUND ? sa.peer : local;
        esp.encryption = qm.encryption;
        esp.integrity = qm.integrity;
        esp.encryptionKey.assign(keymat.begin(), keymat.begin() + encLength);
        esp.integrityKey.assign(keymat.begin() + encLength, keymat.end());
        esp.hardLifetime.time = qm.lifetime;
        esp.policyId = direction == IpsecDirection::OUTBOUND ? qm.outPolicyId : qm.inPolicyId;
        return esp;
    };
    IpsecSecurityAssociation in = makeSa(IpsecDirection::INBOUND, qm.inboundSpi);
    IpsecSecurityAssociation out = makeSa(IpsecDirection::OUTBOUND, qm.outboundSpi);
    // PF_KEY gets the pair once the work charged so far is done; Installed when both are in.
    Ikev1Services* services = &m_services;
    Ipv6Address peer = sa.peer;
    IkeSaPairInstaller::Install(m_services.GetPfKey(),
                                m_services.Reserve(Seconds(0)),
                                in,
                                out,
                                Callback<void>([services, peer, in, out]() {
                                    services->NotifyInstalled(peer, in.spi, out.spi);
                                }),
                                Callback<void, std::string>([services, peer](std::string error) {
                                    services->TraceFailure(peer, error);
                                }));
}

void
Ikev1QuickModeExchange::SendNoProposalChosen(Ikev1Sa& sa, const Ikev1SaPayload& offered)
{
    // RFC 2408 §3.14.1: protocol and SPI of the proposal that was refused.
    Ikev1NotifyPayload n;
    n.protocolId = Ikev1Doi::PROTO_IPSEC_ESP;
    n.type = Ikev1Doi::NOTIFY_NO_PROPOSAL_CHOSEN;
    for (const auto& p : offered.proposals)
    {
        if (p.protocolId == Ikev1Doi::PROTO_IPSEC_ESP)
        {
            n.spi = p.spi;
            break;
        }
    }
    m_services.GetInformational().Send(sa, {n});
}

void
Ikev1QuickModeExchange::HandleNoProposalChosen(Ikev1Sa& sa, const Ikev1NotifyPayload& notify)
{
    for (auto& [mid, qm] : sa.quickModes)
    {
        bool named = notify.spi.size() != 4 || WireBytesU32(qm.inboundSpi) == notify.spi;
        if (qm.state == Ikev1State::QM_SENT_1 && named)
        {
            m_services.GetFlight(sa, mid).Stop();
            m_services.TraceFailure(sa.peer,
                                    "quick mode " + std::to_string(mid) +
                                        ": no proposal chosen (peer's notification 14)");
            m_services.SwitchState(sa, qm, Ikev1State::FAILED);
        }
    }
}

} // namespace ns3
