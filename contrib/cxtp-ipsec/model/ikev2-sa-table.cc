/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-sa-table.h"

#include "crypto-random.h"

#include "ns3/abort.h"
#include "ns3/simulator.h"

namespace ns3
{

Ikev2Sa&
Ikev2SaTable::Create(const Ipv6Address& peer,
                     bool originalInitiator,
                     uint64_t peerSpi,
                     CryptoRandom& rng)
{
    uint64_t spi = NewSpi(rng);
    Ikev2Sa& sa = m_sas[spi];
    sa.originalInitiator = originalInitiator;
    sa.spiI = originalInitiator ? spi : peerSpi;
    sa.spiR = originalInitiator ? 0 : spi;
    sa.peer = peer;
    sa.started = Simulator::Now();
    if (!originalInitiator)
    {
        m_responding[{peerSpi, peer}] = spi;
    }
    return sa;
}

uint64_t
Ikev2SaTable::NewSpi(CryptoRandom& rng) const
{
    uint64_t spi = 0;
    while (spi == 0 || m_sas.count(spi))
    {
        spi = (static_cast<uint64_t>(rng.GetU32()) << 32) | rng.GetU32();
    }
    return spi;
}

Ikev2Sa&
Ikev2SaTable::Add(const Ikev2Sa& sa)
{
    uint64_t spi = sa.GetLocalSpi();
    NS_ABORT_MSG_IF(spi == 0 || m_sas.count(spi), "Ikev2SaTable::Add: SPI " << spi << " taken");
    return m_sas[spi] = sa;
}

Ikev2Sa*
Ikev2SaTable::Find(uint64_t localSpi)
{
    auto it = m_sas.find(localSpi);
    return it == m_sas.end() ? nullptr : &it->second;
}

const Ikev2Sa*
Ikev2SaTable::Find(uint64_t localSpi) const
{
    auto it = m_sas.find(localSpi);
    return it == m_sas.end() ? nullptr : &it->second;
}

Ikev2Sa*
Ikev2SaTable::FindResponderSa(uint64_t spiI, const Ipv6Address& peer)
{
    auto it = m_responding.find({spiI, peer});
    return it == m_responding.end() ? nullptr : Find(it->second);
}

const Ikev2Sa*
Ikev2SaTable::FindNewestEstablished(const Ipv6Address& peer) const
{
    const Ikev2Sa* newest = nullptr;
    for (const auto& [spi, sa] : m_sas)
    {
        if (sa.peer == peer && sa.state == Ikev2State::ESTABLISHED &&
            (!newest || sa.established > newest->established))
        {
            newest = &sa;
        }
    }
    return newest;
}

uint32_t
Ikev2SaTable::CountHalfOpen() const
{
    uint32_t n = 0;
    for (const auto& [spi, sa] : m_sas)
    {
        n += sa.state == Ikev2State::INIT_ANSWERED ? 1 : 0;
    }
    return n;
}

const std::map<uint64_t, Ikev2Sa>&
Ikev2SaTable::GetAll() const
{
    return m_sas;
}

void
Ikev2SaTable::Erase(uint64_t localSpi)
{
    auto it = m_sas.find(localSpi);
    if (it == m_sas.end())
    {
        return;
    }
    if (!it->second.originalInitiator)
    {
        m_responding.erase({it->second.spiI, it->second.peer});
    }
    m_sas.erase(it);
}

void
Ikev2SaTable::Clear()
{
    m_sas.clear();
    m_responding.clear();
}

} // namespace ns3
