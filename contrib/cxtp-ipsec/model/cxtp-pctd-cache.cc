/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "cxtp-pctd-cache.h"

#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

void
CxtpPctdCache::SetExpiryCallback(ExpiryCallback expired)
{
    m_expired = expired;
}

void
CxtpPctdCache::Store(Ipv6Address previous, Entry entry, Time lifetime)
{
    Cached& cached = m_cache[previous];
    cached.expiry.Cancel();
    cached.entry = std::move(entry);
    cached.expiry = Simulator::Schedule(lifetime, &CxtpPctdCache::Expire, this, previous);
}

const CxtpPctdCache::Entry*
CxtpPctdCache::Find(Ipv6Address previous) const
{
    auto cached = m_cache.find(previous);
    return cached == m_cache.end() ? nullptr : &cached->second.entry;
}

CxtpPctdCache::Entry
CxtpPctdCache::Take(Ipv6Address previous)
{
    auto cached = m_cache.find(previous);
    Entry entry = std::move(cached->second.entry);
    cached->second.expiry.Cancel();
    m_cache.erase(cached);
    m_activated[previous] = entry.blocks; // to recognise a late copy of this PCTD
    return entry;
}

namespace
{
/// \return true if two PCTDs carry the same contexts
bool
SameBlocks(const std::vector<CxtpContextBlock>& a, const std::vector<CxtpContextBlock>& b)
{
    return std::equal(a.begin(),
                      a.end(),
                      b.begin(),
                      b.end(),
                      [](const CxtpContextBlock& x, const CxtpContextBlock& y) {
                          return x.fpt == y.fpt && x.presence == y.presence &&
                                 x.presenceVector == y.presenceVector && x.data == y.data;
                      });
}
} // namespace

bool
CxtpPctdCache::IsHeldCopy(Ipv6Address previous,
                          const std::vector<uint8_t>& key,
                          const std::vector<CxtpContextBlock>& blocks) const
{
    const Entry* held = Find(previous);
    return held && held->key == key && SameBlocks(held->blocks, blocks);
}

bool
CxtpPctdCache::IsActivatedCopy(Ipv6Address previous,
                               const std::vector<CxtpContextBlock>& blocks) const
{
    auto activated = m_activated.find(previous);
    return activated != m_activated.end() && SameBlocks(activated->second, blocks);
}

void
CxtpPctdCache::Clear()
{
    for (auto& [previous, cached] : m_cache)
    {
        cached.expiry.Cancel();
    }
    m_cache.clear();
    m_activated.clear();
}

void
CxtpPctdCache::Expire(Ipv6Address previous)
{
    m_cache.erase(previous);
    m_expired(previous);
}

} // namespace ns3
