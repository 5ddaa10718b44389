/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-informational-task.h"

#include "crypto-work-meter.h"
#include "ikev2-informational-exchange.h"
#include "ikev2-messenger.h"
#include "ikev2-sa-table.h"
#include "ikev2-services.h"

#include "ns3/callback.h"

#include <map>

namespace ns3
{

Ikev2InformationalTask::Ikev2InformationalTask(Ikev2Services& services)
    : m_services(services)
{
}

void
Ikev2InformationalTask::Request(uint64_t spi, Builder build)
{
    Ikev2Services* services = &m_services;
    m_services.GetMessenger().WhenFree(
        spi,
        Callback<void>([services, spi, build]() {
            Ikev2Sa* sa = services->GetTable().Find(spi);
            if (!sa || (sa->state != Ikev2State::ESTABLISHED && sa->state != Ikev2State::REKEYED))
            {
                return; // gone or being deleted while the request waited
            }
            Ikev2Messenger& messenger = services->GetMessenger();
            CryptoWorkMeter::Scope scope(messenger.GetMeter());
            Ikev2State before = sa->state;
            Ikev2Message m = build(*sa);
            services->NoteState(*sa, before);
            services->SendRequest(*sa,
                                  Ikev2Services::Request::INFORMATIONAL,
                                  messenger.Encode(*sa, m));
        }));
}

void
Ikev2InformationalTask::Answer(Ikev2Sa& sa,
                               const std::vector<uint8_t>& bytes,
                               const Ikev2Message& request)
{
    std::map<uint32_t, Ikev2ChildSa> before = sa.children;
    Ikev2State state = sa.state;
    Ikev2Message answer;
    Ikev2InformationalExchange::Result result;
    std::string refused = Ikev2InformationalExchange::ProcessRequest(request, sa, answer, result);
    if (!refused.empty())
    {
        m_services.Discard(sa.peer, "INFORMATIONAL: " + refused);
        return;
    }
    m_services.GetMessenger().SendAnswer(sa, bytes, answer);
    m_services.NoteState(sa, state);
    std::vector<Ikev2ChildSa> gone;
    for (uint32_t in : result.deletedChildren)
    {
        gone.push_back(before.at(in));
    }
    m_services.UninstallChildren(sa, gone);
    if (result.ikeSaDeleted)
    {
        // Kept (DELETED) until the peer may have stopped retransmitting its DELETE.
        m_services.GetMessenger().Stop(sa.GetLocalSpi());
        m_services.KeepUntilQuiet(sa.GetLocalSpi());
    }
}

void
Ikev2InformationalTask::Complete(Ikev2Sa& sa, const Ikev2Message& response)
{
    std::map<uint32_t, Ikev2ChildSa> before = sa.children;
    Ikev2State state = sa.state;
    Ikev2InformationalExchange::Result result;
    std::string error = Ikev2InformationalExchange::ProcessResponse(response, sa, result);
    m_services.NoteState(sa, state);
    uint64_t spi = sa.GetLocalSpi();
    m_services.RequestDone(spi);
    if (!error.empty())
    {
        m_services.TraceFailure(sa.peer, "INFORMATIONAL: " + error);
    }
    std::vector<Ikev2ChildSa> gone;
    for (const auto& [in, child] : before)
    {
        if (!sa.children.count(in))
        {
            gone.push_back(child);
        }
    }
    m_services.UninstallChildren(sa, gone);
    if (result.ikeSaDeleted || sa.state == Ikev2State::DELETED)
    {
        m_services.RemoveSa(spi);
    }
}

} // namespace ns3
