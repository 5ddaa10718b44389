/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-random.h"

#include "ns3/assert.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CryptoRandom");

NS_OBJECT_ENSURE_REGISTERED(CryptoRandom);

TypeId
CryptoRandom::GetTypeId()
{
    static TypeId tid = TypeId("ns3::CryptoRandom")
                            .SetParent<Object>()
                            .SetGroupName("CxtpIpsec")
                            .AddConstructor<CryptoRandom>();
    return tid;
}

CryptoRandom::CryptoRandom()
    : m_rng(CreateObject<UniformRandomVariable>())
{
    NS_LOG_FUNCTION(this);
}

std::vector<uint8_t>
CryptoRandom::GetBytes(uint32_t n)
{
    NS_LOG_FUNCTION(this << n);
    NS_ASSERT_MSG(m_rng, "CryptoRandom used after Dispose()");
    std::vector<uint8_t> bytes;
    bytes.reserve(n);
    for (uint32_t i = 0; i < n; ++i)
    {
        bytes.push_back(static_cast<uint8_t>(m_rng->GetInteger(0, 255)));
    }
    return bytes;
}

uint32_t
CryptoRandom::GetU32()
{
    NS_LOG_FUNCTION(this);
    NS_ASSERT_MSG(m_rng, "CryptoRandom used after Dispose()");
    return m_rng->GetInteger(0, 0xffffffff);
}

int64_t
CryptoRandom::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    NS_ASSERT_MSG(m_rng, "CryptoRandom used after Dispose()");
    m_rng->SetStream(stream);
    return 1;
}

void
CryptoRandom::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_rng = nullptr;
    Object::DoDispose();
}

} // namespace ns3
