/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-work-meter.h"

#include "ns3/abort.h"

namespace ns3
{

namespace
{

/// The meter to which Record() adds, or null. One per process: see CryptoWorkMeter.
CryptoWorkMeter* g_activeMeter = nullptr;

} // namespace

CryptoWorkMeter::Scope::Scope(CryptoWorkMeter& meter)
    : m_previous(g_activeMeter)
{
    g_activeMeter = &meter;
}

CryptoWorkMeter::Scope::~Scope()
{
    g_activeMeter = m_previous;
}

CryptoWorkMeter::CryptoWorkMeter() = default;

CryptoWorkMeter::~CryptoWorkMeter()
{
    NS_ABORT_MSG_IF(g_activeMeter == this,
                    "CryptoWorkMeter destroyed while a Scope still makes it the active meter");
}

void
CryptoWorkMeter::Record(const CryptoOperation& operation)
{
    if (g_activeMeter != nullptr)
    {
        g_activeMeter->m_operations.push_back(operation);
    }
}

const std::vector<CryptoOperation>&
CryptoWorkMeter::GetOperations() const
{
    return m_operations;
}

void
CryptoWorkMeter::Clear()
{
    m_operations.clear();
}

} // namespace ns3
