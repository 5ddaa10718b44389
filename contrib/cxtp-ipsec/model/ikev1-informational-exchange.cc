/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev1-informational-exchange.h"

#include "crypto-mac.h"
#include "ikev1-codec.h"
#include "ikev1-doi.h"
#include "ikev1-key-derivation.h"
#include "ikev1-quick-mode-exchange.h"
#include "ikev1-services.h"
#include "ikev1-spi-update-exchange.h"
#include "ipsec-pf-key.h"
#include "wire-writer.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ikev1InformationalExchange");

Ikev1InformationalExchange::Ikev1InformationalExchange(Ikev1Services& services)
    : m_services(services)
{
}

void
Ikev1InformationalExchange::Send(Ikev1Sa& sa, const std::vector<Ikev1Payload>& payloads)
{
    uint32_t messageId = m_services.NewInformationalId(sa);
    std::vector<uint8_t> bytes = m_services.SealInformational(
        sa,
        Ikev1Services::MakeHeader(sa, Ikev1ExchangeType::INFORMATIONAL, messageId),
        payloads);
    m_services.SendAfterWork(sa.peer, bytes); // not acknowledged (RFC 2408 §4.8)
}

void
Ikev1InformationalExchange::SendInitialContact(Ikev1Sa& sa)
{
    Ikev1NotifyPayload n;
    n.protocolId = Ikev1Doi::PROTO_ISAKMP;
    n.type = Ikev1NotifyPayload::INITIAL_CONTACT;
    n.spi = sa.GetCookiePair();
    sa.initialContact = true;
    Send(sa, {n});
}

void
Ikev1InformationalExchange::SendDeletes(Ikev1Sa& sa)
{
    // racoon's purge: first the ESP SAs (our inbound SPIs), then the ISAKMP SA.
    Ptr<IpsecPfKey> pfKey = m_services.GetPfKey();
    Ikev1DeletePayload esp;
    esp.protocolId = Ikev1Doi::PROTO_IPSEC_ESP;
    esp.spiSize = 4;
    for (auto& [mid, qm] : sa.quickModes)
    {
        if (qm.state == Ikev1State::ESTABLISHED)
        {
            esp.spis.push_back(WireBytesU32(qm.inboundSpi));
            pfKey->Delete(IpsecDirection::INBOUND, qm.inboundSpi, Ipv6Address::GetAny());
            pfKey->Delete(IpsecDirection::OUTBOUND, qm.outboundSpi, sa.peer);
        }
    }
    if (!esp.spis.empty())
    {
        Send(sa, {esp});
    }
    Ikev1DeletePayload isakmp;
    isakmp.protocolId = Ikev1Doi::PROTO_ISAKMP;
    isakmp.spiSize = 16;
    isakmp.spis.push_back(sa.GetCookiePair());
    Send(sa, {isakmp});
}

void
Ikev1InformationalExchange::Receive(Ikev1Sa& sa,
                                    const Ikev1Header& header,
                                    const std::vector<uint8_t>& bytes)
{
    if (!header.IsEncrypted())
    {
        ReceiveUnprotected(sa, header, bytes);
        return;
    }
    std::vector<Ikev1Payload> payloads;
    std::vector<uint8_t> plain;
    std::vector<uint8_t> iv = Ikev1KeyDerivation::Phase2Iv(sa.hash,
                                                           sa.iv,
                                                           header.messageId,
                                                           GetEncryptionBlockSize(sa.encryption));
    if (sa.state != Ikev1State::ESTABLISHED ||
        !m_services.Open(sa, header, bytes, &iv, payloads, plain))
    {
        return;
    }
    const auto* hash = std::get_if<Ikev1HashPayload>(payloads.empty() ? nullptr : &payloads[0]);
    if (!hash)
    {
        m_services.TraceFailure(sa.peer, "informational without HASH(1)");
        return;
    }
    // HASH(1) covers the payloads after it, as they are on the wire.
    std::vector<Ikev1Payload> rest(payloads.begin() + 1, payloads.end());
    uint8_t first;
    std::vector<uint8_t> restBytes = Ikev1Codec::EncodePayloads(rest, first);
    std::vector<uint8_t> expected =
        Ikev1KeyDerivation::InfoHash(sa.hash, sa.skeyidA, header.messageId, restBytes);
    m_services.ChargePrf(sa, 4 + restBytes.size());
    if (!CryptoMac::ConstantTimeEqual(expected, hash->data))
    {
        m_services.TraceFailure(sa.peer, "informational HASH(1) does not verify");
        return;
    }
    sa.NoteInformationalId(header.messageId);
    if (HandleNotifications(sa, payloads))
    {
        HandleDeletes(sa, payloads);
    }
}

void
Ikev1InformationalExchange::ReceiveUnprotected(Ikev1Sa& sa,
                                               const Ikev1Header& header,
                                               const std::vector<uint8_t>& bytes)
{
    // Before keys exist the peer can only tell us in clear that it gave up.
    std::vector<Ikev1Payload> payloads;
    std::vector<uint8_t> plain;
    if (sa.state == Ikev1State::ESTABLISHED ||
        !m_services.Open(sa, header, bytes, nullptr, payloads, plain))
    {
        m_services.TraceFailure(sa.peer, "unprotected informational ignored");
        return;
    }
    const auto* n = IkeFindPayload<Ikev1NotifyPayload>(payloads);
    if (n && n->type < Ikev1Doi::NOTIFY_ERROR_LIMIT)
    {
        std::string name = n->type == Ikev1Doi::NOTIFY_AUTHENTICATION_FAILED
                               ? "authentication failed"
                           : n->type == Ikev1Doi::NOTIFY_NO_PROPOSAL_CHOSEN ? "no proposal chosen"
                                                                            : "error";
        m_services.Fail(sa, name + " (peer's notification " + std::to_string(n->type) + ")", false);
    }
}

bool
Ikev1InformationalExchange::HandleNotifications(Ikev1Sa& sa,
                                                const std::vector<Ikev1Payload>& payloads)
{
    for (const auto* n : IkeFindAllPayloads<Ikev1NotifyPayload>(payloads))
    {
        NS_LOG_INFO("notification " << n->type << " from " << sa.peer);
        if (n->type == Ikev1NotifyPayload::INITIAL_CONTACT)
        {
            sa.initialContact = true;
        }
        else if (n->type == Ikev1NotifyPayload::UPDATE_SPI_ACK)
        {
            m_services.GetSpiUpdate().Acknowledge(sa, *n);
        }
        else if (n->type == Ikev1NotifyPayload::UPDATE_SPI)
        {
            m_services.GetSpiUpdate().Apply(sa.initiatorCookie, *n); // may re-key sa
            return false;
        }
        else if (n->type == Ikev1Doi::NOTIFY_NO_PROPOSAL_CHOSEN &&
                 n->protocolId == Ikev1Doi::PROTO_IPSEC_ESP)
        {
            m_services.GetQuickMode().HandleNoProposalChosen(sa, *n);
        }
    }
    return true;
}

void
Ikev1InformationalExchange::HandleDeletes(Ikev1Sa& sa, const std::vector<Ikev1Payload>& payloads)
{
    Ptr<IpsecPfKey> pfKey = m_services.GetPfKey();
    bool deleteIsakmp = false;
    for (const auto* d : IkeFindAllPayloads<Ikev1DeletePayload>(payloads))
    {
        deleteIsakmp = deleteIsakmp || d->protocolId == Ikev1Doi::PROTO_ISAKMP;
        if (d->protocolId != Ikev1Doi::PROTO_IPSEC_ESP || d->spiSize != 4)
        {
            continue;
        }
        for (const auto& spiBytes : d->spis)
        {
            // racoon names its inbound SPI (our outbound one), charon the SPI of our inbound
            // SA (strongSwan's quick_delete.c checks both): either drops the pair.
            for (auto& [mid, qm] : sa.quickModes)
            {
                if (qm.state == Ikev1State::ESTABLISHED &&
                    (WireBytesU32(qm.outboundSpi) == spiBytes ||
                     WireBytesU32(qm.inboundSpi) == spiBytes))
                {
                    pfKey->Delete(IpsecDirection::OUTBOUND, qm.outboundSpi, sa.peer);
                    pfKey->Delete(IpsecDirection::INBOUND, qm.inboundSpi, Ipv6Address::GetAny());
                    m_services.SwitchState(sa, qm, Ikev1State::FAILED);
                }
            }
        }
    }
    if (deleteIsakmp)
    {
        NS_LOG_INFO("ISAKMP SA with " << sa.peer << " deleted by the peer");
        m_services.DeletedByPeer(sa); // sa is gone after this
    }
}

} // namespace ns3
