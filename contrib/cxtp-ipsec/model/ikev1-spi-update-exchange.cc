/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev1-spi-update-exchange.h"

#include "ikev1-codec.h"
#include "ikev1-doi.h"
#include "ikev1-informational-exchange.h"
#include "ikev1-services.h"
#include "ipsec-pf-key.h"
#include "wire-reader.h"

#include "ns3/log.h"

#include <memory>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ikev1SpiUpdateExchange");

Ikev1SpiUpdateExchange::Ikev1SpiUpdateExchange(Ikev1Services& services)
    : m_services(services)
{
}

void
Ikev1SpiUpdateExchange::Forget(uint64_t cookie)
{
    m_flights.erase(cookie);
}

void
Ikev1SpiUpdateExchange::Stop()
{
    for (auto& [cookie, flight] : m_flights)
    {
        flight.rtx.Stop();
    }
}

void
Ikev1SpiUpdateExchange::Send(uint64_t cookie,
                             const std::vector<IkeSpiUpdate>& updates,
                             Callback<void, bool> done)
{
    NS_LOG_FUNCTION(this << cookie << updates.size());
    Ikev1Sa* sa = m_services.FindSaByCookie(cookie);
    if (!sa || sa->state != Ikev1State::ESTABLISHED || updates.empty())
    {
        m_services.NotifySpiUpdateDone(sa ? sa->peer : Ipv6Address(), updates.size(), false);
        if (!done.IsNull())
        {
            done(false);
        }
        return;
    }
    m_services.ResetCost();
    Ikev1Header header = Ikev1Services::MakeHeader(*sa,
                                                   Ikev1ExchangeType::INFORMATIONAL,
                                                   m_services.NewInformationalId(*sa));
    for (const auto& update : updates)
    {
        if (update.protocolId == IkeSpiUpdate::PROTOCOL_IKE)
        {
            // The peer knows the SA only by its old cookies.
            header.initiatorCookie = WireReadU64(update.oldSpi.data());
            header.responderCookie = WireReadU64(update.oldSpi.data() + 8);
        }
    }
    Ikev1NotifyPayload notify;
    notify.protocolId = Ikev1Doi::PROTO_ISAKMP; // SPI size 0: the header's cookies (RFC 2408 §3.14)
    notify.type = Ikev1NotifyPayload::UPDATE_SPI;
    notify.data = Ikev1Codec::EncodeSpiUpdates(updates);
    Flight& flight = m_flights[cookie];
    flight.entries = updates;
    flight.done = done;
    std::vector<uint8_t> message = m_services.SealInformational(*sa, header, {notify});
    flight.rtx.NoteSent(message);
    Time delay = m_services.SendAfterWork(sa->peer, message);
    auto resend = [this, cookie]() {
        m_services.Transmit(m_services.FindSaByCookie(cookie)->peer,
                            m_flights.at(cookie).rtx.GetLastSent());
    };
    auto giveUp = [this, cookie]() { GiveUp(cookie); };
    flight.rtx.Start(m_services.GetConfig().retransmission,
                     delay,
                     Callback<void>(resend),
                     Callback<void>(giveUp));
}

void
Ikev1SpiUpdateExchange::GiveUp(uint64_t cookie)
{
    Ipv6Address peer = m_services.FindSaByCookie(cookie)->peer;
    m_services.TraceFailure(peer, "UPDATE_SPI not acknowledged");
    Finish(cookie, peer, false);
}

void
Ikev1SpiUpdateExchange::Finish(uint64_t cookie, const Ipv6Address& peer, bool success)
{
    auto flight = m_flights.find(cookie);
    auto entries = static_cast<uint32_t>(flight->second.entries.size());
    Callback<void, bool> done = flight->second.done;
    m_flights.erase(flight);
    m_services.NotifySpiUpdateDone(peer, entries, success);
    if (!done.IsNull())
    {
        done(success);
    }
}

void
Ikev1SpiUpdateExchange::Acknowledge(Ikev1Sa& sa, const Ikev1NotifyPayload& notify)
{
    auto flight = m_flights.find(sa.initiatorCookie);
    if (flight == m_flights.end())
    {
        return; // a duplicate acknowledgement
    }
    std::vector<IkeSpiUpdate> entries;
    Ikev1DecodeResult r = Ikev1Codec::DecodeSpiUpdates(notify.data, entries);
    if (!r.IsOk() || entries != flight->second.entries)
    {
        m_services.TraceFailure(sa.peer, "UPDATE_SPI_ACK does not match the UPDATE_SPI");
        return;
    }
    NS_LOG_INFO("UPDATE_SPI acknowledged by " << sa.peer);
    Finish(sa.initiatorCookie, sa.peer, true);
}

std::string
Ikev1SpiUpdateExchange::Check(uint64_t cookie,
                              const Ikev1Sa& sa,
                              const std::vector<IkeSpiUpdate>& entries,
                              Changes& changes) const
{
    for (const auto& entry : entries)
    {
        if (entry.protocolId == IkeSpiUpdate::PROTOCOL_IKE)
        {
            uint64_t oldCookie = WireReadU64(entry.oldSpi.data());
            uint64_t newCookie = WireReadU64(entry.newSpi.data());
            if (changes.isakmp || newCookie == 0 || (oldCookie != cookie && newCookie != cookie) ||
                (oldCookie == cookie && m_services.FindSaByCookie(newCookie)))
            {
                return "UPDATE_SPI with unusable cookies";
            }
            changes.isakmp = oldCookie == cookie ? &entry : nullptr; // else: applied before
            continue;
        }
        auto oldSpi = static_cast<uint32_t>(WireReadU32(entry.oldSpi.data()));
        auto newSpi = static_cast<uint32_t>(WireReadU32(entry.newSpi.data()));
        bool applied = false;
        bool found = false;
        for (const auto& [mid, qm] : sa.quickModes)
        {
            if (qm.state == Ikev1State::ESTABLISHED)
            {
                applied = applied || qm.outboundSpi == newSpi;
                found = found || qm.outboundSpi == oldSpi;
            }
        }
        if (applied && !found)
        {
            continue; // a retransmission: this one is done
        }
        IpsecSecurityAssociation out;
        if (!found || newSpi < 256 ||
            !m_services.GetPfKey()->Get(IpsecDirection::OUTBOUND, oldSpi, sa.peer, out))
        {
            return "UPDATE_SPI for an SPI that is not ours";
        }
        out.spi = newSpi; // same keys, sequence counter and current lifetime
        changes.outbound.emplace_back(oldSpi, out);
    }
    return "";
}

void
Ikev1SpiUpdateExchange::Apply(uint64_t cookie, const Ikev1NotifyPayload& notify)
{
    Ikev1Sa* sa = m_services.FindSaByCookie(cookie);
    Ipv6Address peer = sa->peer;
    std::vector<IkeSpiUpdate> entries;
    Ikev1DecodeResult r = Ikev1Codec::DecodeSpiUpdates(notify.data, entries);
    if (!r.IsOk())
    {
        m_services.TraceFailure(peer,
                                std::string("malformed UPDATE_SPI: ") +
                                    GetIkev1DecodeErrorName(r.error) + ": " + r.reason);
        return;
    }
    // Check everything before changing anything: an UPDATE_SPI is applied whole or not at all.
    Changes changes;
    std::string error = Check(cookie, *sa, entries, changes);
    if (!error.empty())
    {
        m_services.TraceFailure(peer, error);
        return;
    }
    // Apply: the ISAKMP SA takes its new cookies (kept as an alias for retransmissions), each
    // outbound SA is re-added under its new SPI (SADB_ADD with the current lifetime, the old
    // one deleted once the new one is in), then the acknowledgement goes out under the new
    // cookies once every change is installed.
    uint64_t finalCookie = cookie;
    if (changes.isakmp)
    {
        finalCookie = WireReadU64(changes.isakmp->newSpi.data());
        sa = &m_services.RekeySa(cookie,
                                 finalCookie,
                                 WireReadU64(changes.isakmp->newSpi.data() + 8));
    }

    ReplaceAndAcknowledge(*sa,
                          peer,
                          changes.outbound,
                          notify.data,
                          static_cast<uint32_t>(entries.size()));
}

void
Ikev1SpiUpdateExchange::ReplaceAndAcknowledge(
    Ikev1Sa& sa,
    const Ipv6Address& peer,
    const std::vector<std::pair<uint32_t, IpsecSecurityAssociation>>& outbound,
    const std::vector<uint8_t>& data,
    uint32_t count)
{
    uint64_t finalCookie = sa.initiatorCookie;

    struct Pending
    {
        uint32_t count{1}; ///< changes not completed, plus one until all are requested
        bool ok{true};     ///< no change failed
    };

    auto pending = std::make_shared<Pending>();
    Ikev1Services* services = &m_services;
    auto finish = [services, pending, finalCookie, peer, data, count]() {
        if (--pending->count != 0)
        {
            return;
        }
        Ikev1Sa* current = services->FindSaByCookie(finalCookie);
        if (!pending->ok || !current)
        {
            // No acknowledgement: the sender retransmits, then gives up.
            services->TraceFailure(peer, "UPDATE_SPI could not be applied");
            services->NotifySpiUpdateApplied(peer, count, false);
            return;
        }
        Ikev1NotifyPayload ack;
        ack.protocolId = Ikev1Doi::PROTO_ISAKMP;
        ack.type = Ikev1NotifyPayload::UPDATE_SPI_ACK;
        ack.data = data;
        services->GetInformational().Send(*current, {ack});
        services->NotifySpiUpdateApplied(peer, count, true);
    };
    Ptr<IpsecPfKey> pfKey = m_services.GetPfKey();
    for (const auto& [oldSpi, replacement] : outbound)
    {
        for (auto& [mid, qm] : sa.quickModes)
        {
            if (qm.state == Ikev1State::ESTABLISHED && qm.outboundSpi == oldSpi)
            {
                qm.outboundSpi = replacement.spi;
            }
        }
        NS_LOG_INFO("outbound SA to " << peer << ": SPI " << oldSpi << " -> " << replacement.spi);
        pending->count++;
        uint32_t old = oldSpi;
        auto done = [pfKey, pending, finish, old, peer](const std::string& error) {
            if (error.empty())
            {
                pfKey->Delete(IpsecDirection::OUTBOUND, old, peer);
            }
            else
            {
                pending->ok = false;
            }
            finish();
        };
        auto called = std::make_shared<bool>(false);
        auto wrapped = [called, done](const std::string& error) {
            *called = true;
            done(error);
        };
        std::string error =
            pfKey->AddWithCurrentLifetime(replacement, IpsecPfKey::Completion(wrapped));
        if (!error.empty() && !*called)
        {
            done(error);
        }
    }
    finish();
}

} // namespace ns3
