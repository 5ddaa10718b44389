/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "eap-subscriber-database.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EapSubscriberDatabase");
NS_OBJECT_ENSURE_REGISTERED(EapSubscriberDatabase);

TypeId
EapSubscriberDatabase::GetTypeId()
{
    static TypeId tid = TypeId("ns3::EapSubscriberDatabase")
                            .SetParent<Object>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<EapSubscriberDatabase>();
    return tid;
}

void
EapSubscriberDatabase::Add(const EapCredentials& subscriber)
{
    NS_LOG_FUNCTION(this << subscriber.identity << static_cast<int>(subscriber.method));
    m_subscribers[subscriber.identity] = subscriber;
}

EapCredentials*
EapSubscriberDatabase::Find(const std::string& identity)
{
    auto it = m_subscribers.find(identity);
    return it == m_subscribers.end() ? nullptr : &it->second;
}

bool
EapSubscriberDatabase::Remove(const std::string& identity)
{
    NS_LOG_FUNCTION(this << identity);
    return m_subscribers.erase(identity) > 0;
}

size_t
EapSubscriberDatabase::GetN() const
{
    return m_subscribers.size();
}

} // namespace ns3
