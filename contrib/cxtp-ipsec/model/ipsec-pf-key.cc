/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ipsec-pf-key.h"

#include "crypto-cost-model.h"
#include "crypto-random.h"
#include "ipsec-sad.h"
#include "ipsec-spd.h"
#include "ipsec-work-clock.h"

#include "ns3/log.h"
#include "ns3/nstime.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IpsecPfKey");
NS_OBJECT_ENSURE_REGISTERED(IpsecPfKey);

std::string
ToString(IpsecPfKeyMessage type)
{
    switch (type)
    {
    case IpsecPfKeyMessage::GETSPI:
        return "SADB_GETSPI";
    case IpsecPfKeyMessage::UPDATE:
        return "SADB_UPDATE";
    case IpsecPfKeyMessage::ADD:
        return "SADB_ADD";
    case IpsecPfKeyMessage::DELETE:
        return "SADB_DELETE";
    case IpsecPfKeyMessage::GET:
        return "SADB_GET";
    case IpsecPfKeyMessage::ACQUIRE:
        return "SADB_ACQUIRE";
    case IpsecPfKeyMessage::REGISTER:
        return "SADB_REGISTER";
    case IpsecPfKeyMessage::EXPIRE:
        return "SADB_EXPIRE";
    case IpsecPfKeyMessage::FLUSH:
        return "SADB_FLUSH";
    case IpsecPfKeyMessage::DUMP:
        return "SADB_DUMP";
    case IpsecPfKeyMessage::SPDADD:
        return "SADB_X_SPDADD";
    case IpsecPfKeyMessage::SPDDELETE:
        return "SADB_X_SPDDELETE";
    }
    return "SADB_UNKNOWN";
}

TypeId
IpsecPfKey::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::IpsecPfKey")
            .SetParent<Object>()
            .SetGroupName("CxtpIpsec")
            .AddConstructor<IpsecPfKey>()
            .AddAttribute("AcquireBlockTime",
                          "Minimum time between two ACQUIREs for the same rule while its SAs do "
                          "not change (KAME's blockacq_lifetime).",
                          TimeValue(Seconds(20)),
                          MakeTimeAccessor(&IpsecPfKey::m_acquireBlockTime),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("Message",
                            "A PF_KEY message: a request from a key manager or a notification.",
                            MakeTraceSourceAccessor(&IpsecPfKey::m_messageTrace),
                            "ns3::IpsecPfKey::MessageTracedCallback");
    return tid;
}

IpsecPfKey::IpsecPfKey()
{
    NS_LOG_FUNCTION(this);
}

IpsecPfKey::~IpsecPfKey()
{
    NS_LOG_FUNCTION(this);
}

void
IpsecPfKey::NotifyNewAggregate()
{
    if (!m_sad)
    {
        m_sad = GetObject<IpsecSad>();
        if (m_sad)
        {
            m_sad->TraceConnectWithoutContext("Change",
                                              MakeCallback(&IpsecPfKey::SadChanged, this));
            m_sad->TraceConnectWithoutContext("Expire",
                                              MakeCallback(&IpsecPfKey::SadExpired, this));
        }
    }
    if (!m_spd)
    {
        m_spd = GetObject<IpsecSpd>();
    }
    if (!m_rng)
    {
        m_rng = GetObject<CryptoRandom>();
    }
    Object::NotifyNewAggregate();
}

void
IpsecPfKey::DoDispose()
{
    m_sad = nullptr;
    m_spd = nullptr;
    m_rng = nullptr;
    m_acquireListeners.clear();
    m_expireListeners.clear();
    Object::DoDispose();
}

uint32_t
IpsecPfKey::GetSpi()
{
    NS_ABORT_MSG_IF(!m_sad || !m_rng, "IpsecPfKey needs IpsecSad and CryptoRandom on its node");
    uint32_t spi;
    do
    {
        spi = m_rng->GetU32();
    } while (spi < 256 || IsSpiInUse(spi));
    m_reserved.insert(spi);
    m_messageTrace(IpsecPfKeyMessage::GETSPI, spi, 0);
    return spi;
}

bool
IpsecPfKey::ReserveSpi(uint32_t spi)
{
    if (spi < 256 || IsSpiInUse(spi))
    {
        return false;
    }
    m_reserved.insert(spi);
    return true;
}

void
IpsecPfKey::ReleaseSpi(uint32_t spi)
{
    m_reserved.erase(spi);
}

bool
IpsecPfKey::IsSpiInUse(uint32_t spi) const
{
    return m_reserved.count(spi) || (m_sad && m_sad->IsInboundSpiInUse(spi));
}

Time
IpsecPfKey::GetSaInstallCost() const
{
    Ptr<CryptoCostModel> model = GetObject<CryptoCostModel>();
    return model ? model->SaInstallation() : Time(0);
}

Time
IpsecPfKey::GetPolicyInstallCost() const
{
    Ptr<CryptoCostModel> model = GetObject<CryptoCostModel>();
    return model ? model->PolicyInstallation() : Time(0);
}

void
IpsecPfKey::Apply(std::function<std::string()> change, Time cost, Completion done)
{
    auto run = [change, done]() {
        std::string error = change();
        if (!error.empty())
        {
            NS_LOG_WARN("PF_KEY change failed: " << error);
        }
        if (!done.IsNull())
        {
            done(error);
        }
    };
    IpsecWorkClock::Get(this)->Run(cost, Callback<void>(run));
}

std::string
IpsecPfKey::Add(const IpsecSecurityAssociation& sa, Completion done)
{
    NS_LOG_FUNCTION(this << sa.spi);
    return DoAdd(sa, done, false);
}

std::string
IpsecPfKey::AddWithCurrentLifetime(const IpsecSecurityAssociation& sa, Completion done)
{
    NS_LOG_FUNCTION(this << sa.spi << sa.addTime);
    return DoAdd(sa, done, true);
}

std::string
IpsecPfKey::DoAdd(const IpsecSecurityAssociation& sa, Completion done, bool keepCurrent)
{
    NS_ABORT_MSG_IF(!m_sad, "IpsecPfKey needs IpsecSad on its node");
    std::string error = sa.Validate();
    if (!error.empty())
    {
        return error;
    }
    if (sa.direction == IpsecDirection::INBOUND && m_sad->IsInboundSpiInUse(sa.spi))
    {
        return "inbound SPI " + std::to_string(sa.spi) + " is already in use";
    }
    m_messageTrace(IpsecPfKeyMessage::ADD, sa.spi, sa.policyId);
    Ptr<IpsecSad> sad = m_sad;
    Ptr<IpsecPfKey> self = this;
    Apply(
        [sad, self, sa, keepCurrent]() {
            std::string err = sad->Add(sa, keepCurrent);
            if (err.empty() && sa.direction == IpsecDirection::INBOUND)
            {
                self->m_reserved.erase(sa.spi);
            }
            return err;
        },
        GetSaInstallCost(),
        done);
    return "";
}

std::string
IpsecPfKey::Update(const IpsecSecurityAssociation& sa, Completion done)
{
    NS_LOG_FUNCTION(this << sa.spi);
    std::string error = sa.Validate();
    if (!error.empty())
    {
        return error;
    }
    if (!m_sad->Find(sa.direction, sa.spi, sa.destination))
    {
        return "SA " + std::to_string(sa.spi) + " to update is not installed";
    }
    m_messageTrace(IpsecPfKeyMessage::UPDATE, sa.spi, sa.policyId);
    Ptr<IpsecSad> sad = m_sad;
    Apply([sad, sa]() { return sad->Update(sa); }, GetSaInstallCost(), done);
    return "";
}

std::string
IpsecPfKey::Delete(IpsecDirection direction,
                   uint32_t spi,
                   const Ipv6Address& destination,
                   Completion done)
{
    NS_LOG_FUNCTION(this << spi);
    const IpsecSecurityAssociation* sa = m_sad->Find(direction, spi, destination);
    if (!sa)
    {
        return "SA " + std::to_string(spi) + " to delete is not installed";
    }
    m_messageTrace(IpsecPfKeyMessage::DELETE, spi, sa->policyId);
    Ptr<IpsecSad> sad = m_sad;
    Apply(
        [sad, direction, spi, destination]() {
            return sad->Remove(direction, spi, destination) ? std::string()
                                                            : std::string("SA already gone");
        },
        Seconds(0),
        done);
    return "";
}

bool
IpsecPfKey::Get(IpsecDirection direction,
                uint32_t spi,
                const Ipv6Address& destination,
                IpsecSecurityAssociation& sa)
{
    m_messageTrace(IpsecPfKeyMessage::GET, spi, 0);
    const IpsecSecurityAssociation* found = m_sad->Find(direction, spi, destination);
    if (found)
    {
        sa = *found;
    }
    return found != nullptr;
}

std::vector<IpsecSecurityAssociation>
IpsecPfKey::Dump()
{
    m_messageTrace(IpsecPfKeyMessage::DUMP, 0, 0);
    return m_sad->Dump();
}

void
IpsecPfKey::Flush()
{
    m_messageTrace(IpsecPfKeyMessage::FLUSH, 0, 0);
    m_sad->Flush();
}

std::string
IpsecPfKey::AddPolicy(const IpsecPolicy& policy, uint32_t& id, Completion done)
{
    NS_LOG_FUNCTION(this << policy.ToString());
    NS_ABORT_MSG_IF(!m_spd, "IpsecPfKey needs IpsecSpd on its node");
    std::string error = policy.Validate();
    if (!error.empty())
    {
        return error;
    }
    if (policy.id != 0 && m_spd->Get(policy.id))
    {
        return "policy " + std::to_string(policy.id) + " already exists";
    }
    Time cost = GetPolicyInstallCost();
    if (cost.IsZero() && IpsecWorkClock::Get(this)->GetBusyUntil() == Simulator::Now())
    {
        error = m_spd->Add(policy, id);
        m_messageTrace(IpsecPfKeyMessage::SPDADD, 0, id);
        if (!done.IsNull())
        {
            done(error);
        }
        return error;
    }
    // Done later: the id must be known now, so take the rule's own or reserve the next one.
    IpsecPolicy rule = policy;
    rule.id = rule.id != 0 ? rule.id : m_spd->AllocateId();
    id = rule.id;
    m_messageTrace(IpsecPfKeyMessage::SPDADD, 0, id);
    Ptr<IpsecSpd> spd = m_spd;
    Apply(
        [spd, rule]() {
            uint32_t ignored;
            return spd->Add(rule, ignored);
        },
        cost,
        done);
    return "";
}

bool
IpsecPfKey::DeletePolicy(uint32_t id)
{
    m_messageTrace(IpsecPfKeyMessage::SPDDELETE, 0, id);
    m_lastAcquire.erase(id);
    return m_spd->Remove(id);
}

void
IpsecPfKey::Register(AcquireCallback acquire, ExpireCallback expire)
{
    m_messageTrace(IpsecPfKeyMessage::REGISTER, 0, 0);
    if (!acquire.IsNull())
    {
        m_acquireListeners.push_back(acquire);
    }
    if (!expire.IsNull())
    {
        m_expireListeners.push_back(expire);
    }
}

void
IpsecPfKey::Acquire(const IpsecPolicy& policy, const IpsecPacketFields& fields)
{
    auto it = m_lastAcquire.find(policy.id);
    if (it != m_lastAcquire.end() && Simulator::Now() - it->second < m_acquireBlockTime)
    {
        return;
    }
    NS_LOG_INFO("ACQUIRE for policy " << policy.ToString());
    m_lastAcquire[policy.id] = Simulator::Now();
    m_messageTrace(IpsecPfKeyMessage::ACQUIRE, 0, policy.id);
    IpsecPolicy copy = policy; // listeners may change the SPD
    for (auto& listener : m_acquireListeners)
    {
        listener(copy, fields);
    }
}

void
IpsecPfKey::SadChanged(const IpsecSecurityAssociation& sa, bool /* added */)
{
    if (sa.policyId != 0)
    {
        m_lastAcquire.erase(sa.policyId);
    }
}

void
IpsecPfKey::SadExpired(const IpsecSecurityAssociation& sa, bool hard)
{
    m_messageTrace(IpsecPfKeyMessage::EXPIRE, sa.spi, sa.policyId);
    for (auto& listener : m_expireListeners)
    {
        listener(sa, hard);
    }
}

} // namespace ns3
