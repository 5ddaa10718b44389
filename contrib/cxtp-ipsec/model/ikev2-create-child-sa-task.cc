/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-create-child-sa-task.h"

#include "crypto-random.h"
#include "crypto-work-meter.h"
#include "ikev2-child-sa-mapping.h"
#include "ikev2-informational-exchange.h"
#include "ikev2-informational-task.h"
#include "ikev2-messenger.h"
#include "ikev2-sa-table.h"
#include "ikev2-services.h"
#include "ipsec-pf-key.h"
#include "ipsec-spd.h"

#include "ns3/callback.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ikev2CreateChildSaTask");

using Kind = Ikev2CreateChildSaExchange::Kind;

Ikev2CreateChildSaTask::Ikev2CreateChildSaTask(Ikev2Services& services,
                                               Ikev2InformationalTask& informational)
    : m_services(services),
      m_informational(informational)
{
}

bool
Ikev2CreateChildSaTask::IsCreating(uint32_t outPolicyId) const
{
    return m_creating.count(outPolicyId) != 0;
}

void
Ikev2CreateChildSaTask::Forget(uint64_t spi)
{
    auto it = m_pending.find(spi);
    if (it != m_pending.end())
    {
        if (it->second.kind == Kind::NEW_CHILD_SA)
        {
            m_creating.erase(it->second.outPolicyId);
        }
        m_pending.erase(it);
    }
}

void
Ikev2CreateChildSaTask::Clear()
{
    m_pending.clear();
    m_replacements.clear();
    m_creating.clear();
}

Ikev2CreateChildSaExchange
Ikev2CreateChildSaTask::MakeExchange(uint32_t outPolicyId) const
{
    const IpsecPolicy* rule = outPolicyId ? m_services.GetSpd()->Get(outPolicyId) : nullptr;
    return Ikev2CreateChildSaExchange(m_services.GetRandom(),
                                      m_services.GetProposals(rule),
                                      m_services.GetConfig().nonceSize);
}

void
Ikev2CreateChildSaTask::CreateChild(uint64_t spi, uint32_t outPolicyId)
{
    Ikev2Services* services = &m_services;
    m_creating.insert(outPolicyId);
    m_services.GetMessenger().WhenFree(
        spi,
        Callback<void>([this, services, spi, outPolicyId]() {
            Ikev2Sa* sa = services->GetTable().Find(spi);
            const IpsecPolicy* rule = services->GetSpd()->Get(outPolicyId);
            if (!sa || sa->state != Ikev2State::ESTABLISHED || !rule)
            {
                m_creating.erase(outPolicyId); // gone or replaced while the request waited
                return;
            }
            Pending p;
            p.kind = Kind::NEW_CHILD_SA;
            p.outPolicyId = outPolicyId;
            static_cast<Ikev2IkeAuthExchange::ChildRequest&>(p.child) =
                Ikev2ChildSaMapping::MakeRequest(*rule, services->GetPfKey()->GetSpi());
            Send(*sa, m_pending[spi] = p);
        }));
}

void
Ikev2CreateChildSaTask::RekeyChild(uint64_t spi, uint32_t inboundSpi)
{
    Ikev2Services* services = &m_services;
    m_services.GetMessenger().WhenFree(
        spi,
        Callback<void>([this, services, spi, inboundSpi]() {
            Ikev2Sa* sa = services->GetTable().Find(spi);
            if (!sa || sa->state != Ikev2State::ESTABLISHED || !sa->children.count(inboundSpi))
            {
                return; // the IKE SA or the CHILD_SA went while the request waited
            }
            const Ikev2ChildSa& old = sa->children.at(inboundSpi);
            Pending p;
            p.kind = Kind::REKEY_CHILD_SA;
            p.outPolicyId = old.outPolicyId;
            p.child = Ikev2CreateChildSaExchange::MakeRekeyRequest(*sa,
                                                                   old,
                                                                   services->GetPfKey()->GetSpi());
            Send(*sa, m_pending[spi] = p);
        }));
}

void
Ikev2CreateChildSaTask::RekeyIke(uint64_t spi)
{
    Ikev2Services* services = &m_services;
    m_services.GetMessenger().WhenFree(spi, Callback<void>([this, services, spi]() {
                                           Ikev2Sa* sa = services->GetTable().Find(spi);
                                           if (!sa || sa->state != Ikev2State::ESTABLISHED)
                                           {
                                               return;
                                           }
                                           Pending p;
                                           p.kind = Kind::REKEY_IKE_SA;
                                           p.exchange.newIkeSpi =
                                               services->GetTable().NewSpi(*services->GetRandom());
                                           Send(*sa, m_pending[spi] = p);
                                       }));
}

void
Ikev2CreateChildSaTask::Send(Ikev2Sa& sa, Pending& pending)
{
    Ikev2Messenger& messenger = m_services.GetMessenger();
    CryptoWorkMeter::Scope scope(messenger.GetMeter());
    Ikev2CreateChildSaExchange exchange = MakeExchange(pending.outPolicyId);
    Ikev2Message m =
        pending.kind == Kind::REKEY_IKE_SA
            ? exchange.BuildIkeRekeyRequest(sa, pending.exchange.newIkeSpi, pending.exchange)
            : exchange.BuildChildRequest(sa, pending.child, pending.exchange);
    m_services.SendRequest(sa, Ikev2Services::Request::CREATE_CHILD_SA, messenger.Encode(sa, m));
}

void
Ikev2CreateChildSaTask::Answer(Ikev2Sa& sa,
                               const std::vector<uint8_t>& bytes,
                               const Ikev2Message& request)
{
    Kind kind = Ikev2CreateChildSaExchange::GetKind(request);
    Ikev2Message answer;
    std::string refused;
    if (kind == Kind::REKEY_IKE_SA)
    {
        Ikev2Sa newSa;
        Ikev2State before = sa.state;
        uint64_t newSpi = m_services.GetTable().NewSpi(*m_services.GetRandom());
        refused = MakeExchange(0).ProcessIkeRekeyRequest(request, sa, newSpi, answer, newSa);
        if (!answer.encrypted)
        {
            m_services.Discard(sa.peer, "CREATE_CHILD_SA: " + refused);
            return;
        }
        m_services.GetMessenger().SendAnswer(sa, bytes, answer);
        m_services.NoteState(sa, before);
        if (!refused.empty())
        {
            m_services.TraceFailure(sa.peer, "IKE SA rekey refused: " + refused);
            return;
        }
        Ikev2Sa& added = m_services.GetTable().Add(newSa);
        m_services.NoteState(added, Ikev2State::IDLE);
        m_services.NoteKeys(added); // the peer deletes the old SA
        return;
    }
    // What our rule towards the peer accepts; a rekey keeps the rule ids of the CHILD_SA replaced.
    uint32_t outPolicy = 0;
    uint32_t inPolicy = 0;
    m_services.GetSpd()->FindTunnelRules(sa.local, sa.peer, outPolicy, inPolicy);
    const IpsecPolicy* rule = outPolicy ? m_services.GetSpd()->Get(outPolicy) : nullptr;
    Ikev2CreateChildSaExchange::ChildPolicy policy;
    if (rule)
    {
        static_cast<Ikev2IkeAuthExchange::ChildPolicy&>(policy) =
            Ikev2ChildSaMapping::MakePolicy(*rule, m_services.GetPfKey()->GetSpi());
    }
    Ikev2ChildSa child;
    Ikev2ChildKeys keys;
    uint32_t rekeyed = 0;
    refused = MakeExchange(outPolicy)
                  .ProcessChildRequest(request, sa, policy, answer, child, keys, rekeyed);
    if (!answer.encrypted)
    {
        m_services.Discard(sa.peer, "CREATE_CHILD_SA: " + refused);
        return;
    }
    m_services.GetMessenger().SendAnswer(sa, bytes, answer);
    if (!refused.empty())
    {
        m_services.TraceFailure(sa.peer, "CREATE_CHILD_SA refused: " + refused);
        return;
    }
    if (rekeyed != 0)
    {
        const Ikev2ChildSa& old = sa.children.at(rekeyed);
        outPolicy = old.outPolicyId;
        inPolicy = old.inPolicyId;
        m_replacements[rekeyed] = child.inboundSpi; // outbound once the old one is deleted
    }
    child.outPolicyId = outPolicy;
    child.inPolicyId = inPolicy;
    m_services.InstallChild(sa, child, keys, false, rekeyed == 0);
}

void
Ikev2CreateChildSaTask::Complete(Ikev2Sa& sa, const Ikev2Message& response)
{
    uint64_t spi = sa.GetLocalSpi();
    auto it = m_pending.find(spi);
    if (it == m_pending.end())
    {
        m_services.Discard(sa.peer, "CREATE_CHILD_SA response to no request of ours");
        return;
    }
    Pending& p = it->second;
    Ikev2CreateChildSaExchange exchange = MakeExchange(p.outPolicyId);
    std::string error;
    if (p.kind == Kind::REKEY_IKE_SA)
    {
        Ikev2Sa newSa;
        Ikev2State before = sa.state;
        error = exchange.ProcessIkeRekeyResponse(response, sa, p.exchange, newSa);
        m_services.NoteState(sa, before);
        if (error.empty())
        {
            Forget(spi);
            m_services.RequestDone(spi);
            Ikev2Sa& added = m_services.GetTable().Add(newSa);
            m_services.NoteState(added, Ikev2State::IDLE);
            m_services.NoteKeys(added);
            m_informational.Request(spi, &Ikev2InformationalExchange::BuildDeleteIkeSa);
            return;
        }
    }
    else
    {
        Ikev2ChildSa child;
        Ikev2ChildKeys keys;
        error = exchange.ProcessChildResponse(response, sa, p.child, p.exchange, child, keys);
        if (error.empty())
        {
            Pending done = p;
            Forget(spi);
            m_services.RequestDone(spi);
            CompleteChild(sa, done, child, keys);
            return;
        }
    }
    if (p.exchange.retry)
    {
        NS_LOG_INFO("CREATE_CHILD_SA with " << sa.peer << " again: " << error);
        Send(sa, p);
        return;
    }
    Forget(spi);
    m_services.RequestDone(spi);
    m_services.TraceFailure(sa.peer, "CREATE_CHILD_SA: " + error);
}

void
Ikev2CreateChildSaTask::CompleteChild(Ikev2Sa& sa,
                                      const Pending& pending,
                                      Ikev2ChildSa child,
                                      const Ikev2ChildKeys& keys)
{
    uint32_t inPolicy = 0;
    if (pending.kind == Kind::REKEY_CHILD_SA && sa.children.count(pending.child.rekeySpi))
    {
        inPolicy = sa.children.at(pending.child.rekeySpi).inPolicyId;
    }
    else
    {
        uint32_t out = 0;
        m_services.GetSpd()->FindTunnelRules(sa.local, sa.peer, out, inPolicy);
    }
    child.outPolicyId = pending.outPolicyId;
    child.inPolicyId = inPolicy;
    std::function<void()> installed;
    if (pending.kind == Kind::REKEY_CHILD_SA)
    {
        // §2.8: the old CHILD_SA goes once the new one carries the traffic.
        uint64_t spi = sa.GetLocalSpi();
        uint32_t old = pending.child.rekeySpi;
        Ikev2InformationalTask* informational = &m_informational;
        installed = [informational, spi, old]() {
            informational->Request(spi, [old](Ikev2Sa& sa) {
                return Ikev2InformationalExchange::BuildDeleteChildren(sa, {old});
            });
        };
    }
    m_services.InstallChild(sa, child, keys, true, true, installed);
}

void
Ikev2CreateChildSaTask::NoteChildDeleted(const Ikev2Sa& sa, uint32_t inboundSpi)
{
    auto it = m_replacements.find(inboundSpi);
    if (it == m_replacements.end())
    {
        return;
    }
    uint32_t replacement = it->second;
    m_replacements.erase(it);
    m_services.InstallOutbound(sa, replacement);
}

} // namespace ns3
