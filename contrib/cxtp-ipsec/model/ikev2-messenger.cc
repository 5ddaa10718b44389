/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-messenger.h"

#include "crypto-cost-model.h"
#include "crypto-random.h"
#include "ike-transport.h"
#include "ikev2-codec.h"
#include "ikev2-protection.h"
#include "ipsec-work-clock.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ikev2Messenger");

void
Ikev2Messenger::SetUp(Ptr<IkeTransport> transport,
                      Ptr<CryptoCostModel> cost,
                      Ptr<IpsecWorkClock> clock,
                      Ptr<CryptoRandom> rng,
                      MessageCallback message)
{
    m_transport = transport;
    m_cost = cost;
    m_clock = clock;
    m_rng = rng;
    m_message = message;
}

void
Ikev2Messenger::Dispose()
{
    for (auto& [spi, w] : m_windows)
    {
        w.request.Stop();
    }
    m_windows.clear();
    m_transport = nullptr;
    m_cost = nullptr;
    m_clock = nullptr;
    m_rng = nullptr;
}

CryptoWorkMeter&
Ikev2Messenger::GetMeter()
{
    return m_meter;
}

Time
Ikev2Messenger::TakeWork()
{
    Time work = m_cost->Price(m_meter);
    m_meter.Clear();
    return work;
}

void
Ikev2Messenger::Transmit(const Ipv6Address& peer, std::vector<uint8_t> bytes)
{
    if (!m_transport)
    {
        return; // stopped meanwhile
    }
    Ikev2Header header;
    Ikev2Codec::DecodeHeader(bytes, header);
    m_message(true, peer, header.exchangeType, header.response, bytes.size());
    m_transport->Send(peer, bytes);
}

Time
Ikev2Messenger::SendAfterWork(const Ipv6Address& peer, const std::vector<uint8_t>& bytes)
{
    Time work = TakeWork() + m_cost->Ikev2MessageProcessing();
    Time delay = m_clock->Reserve(work);
    Simulator::Schedule(delay, &Ikev2Messenger::Transmit, this, peer, bytes);
    return delay;
}

std::vector<uint8_t>
Ikev2Messenger::Encode(const Ikev2Sa& sa, const Ikev2Message& message)
{
    if (!message.encrypted)
    {
        return Ikev2Codec::EncodeMessage(message);
    }
    return Ikev2Protection::Protect(message, sa.GetSkKeys(sa.originalInitiator), m_rng);
}

Ikev2DecodeResult
Ikev2Messenger::Open(const Ikev2Sa& sa, const std::vector<uint8_t>& bytes, Ikev2Message& message)
{
    return Ikev2Protection::Open(bytes, sa.GetSkKeys(!sa.originalInitiator), message);
}

void
Ikev2Messenger::SendRequest(const Ikev2Sa& sa,
                            const std::vector<uint8_t>& bytes,
                            const IpsecRetransmissionPolicy& policy,
                            Callback<void> giveUp)
{
    uint64_t spi = sa.GetLocalSpi();
    Window& w = m_windows[spi];
    w.peer = sa.peer;
    w.busy = true;
    w.request.NoteSent(bytes);
    w.request.Stop();
    Time delay = SendAfterWork(sa.peer, bytes);
    auto resend = [this, spi]() {
        Window& w = m_windows.at(spi);
        NS_LOG_INFO("retransmission " << w.request.GetRetries() << " to " << w.peer);
        Transmit(w.peer, w.request.GetLastSent());
    };
    w.request.Start(policy, delay, Callback<void>(resend), giveUp);
}

void
Ikev2Messenger::SendAnswer(Ikev2Sa& sa,
                           const std::vector<uint8_t>& request,
                           const Ikev2Message& answer)
{
    std::vector<uint8_t> bytes = Encode(sa, answer);
    Window& w = m_windows[sa.GetLocalSpi()];
    w.peer = sa.peer;
    w.answer.NoteReceived(request);
    w.answer.NoteSent(bytes);
    sa.nextExpectedId = answer.header.messageId + 1;
    w.answerLeaves = Simulator::Now() + SendAfterWork(sa.peer, bytes);
}

bool
Ikev2Messenger::RepeatAnswer(uint64_t spi,
                             const Ipv6Address& peer,
                             const std::vector<uint8_t>& request)
{
    auto it = m_windows.find(spi);
    if (it == m_windows.end() || !it->second.answer.IsDuplicate(request))
    {
        return false;
    }
    if (Simulator::Now() >= it->second.answerLeaves)
    {
        Transmit(peer, it->second.answer.GetLastSent());
    }
    return true;
}

void
Ikev2Messenger::WhenFree(uint64_t spi, Callback<void> start)
{
    Window& w = m_windows[spi];
    if (!w.busy)
    {
        start();
        return;
    }
    w.queued.push_back(start);
}

bool
Ikev2Messenger::IsBusy(uint64_t spi) const
{
    auto it = m_windows.find(spi);
    return it != m_windows.end() && it->second.busy;
}

void
Ikev2Messenger::Done(uint64_t spi)
{
    auto it = m_windows.find(spi);
    if (it == m_windows.end())
    {
        return;
    }
    Window& w = it->second;
    w.request.Stop();
    w.busy = false;
    if (!w.queued.empty())
    {
        Callback<void> next = w.queued.front();
        w.queued.erase(w.queued.begin());
        // After the current step: its work is booked first.
        Simulator::ScheduleNow([this, spi, next]() {
            if (m_windows.count(spi))
            {
                WhenFree(spi, next);
            }
        });
    }
}

void
Ikev2Messenger::Stop(uint64_t spi)
{
    auto it = m_windows.find(spi);
    if (it != m_windows.end())
    {
        it->second.request.Stop();
        it->second.queued.clear();
    }
}

void
Ikev2Messenger::Forget(uint64_t spi)
{
    Stop(spi);
    m_windows.erase(spi);
}

} // namespace ns3
