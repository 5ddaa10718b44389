/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev1-sa-table.h"

#include "crypto-random.h"
#include "cxtp-context.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ikev1SaTable");

uint64_t
Ikev1SaTable::DrawCookie(CryptoRandom& rng) const
{
    uint64_t cookie = 0;
    while (cookie == 0 || m_sas.count(cookie))
    {
        cookie = (static_cast<uint64_t>(rng.GetU32()) << 32) | rng.GetU32();
    }
    return cookie;
}

Ikev1Sa&
Ikev1SaTable::Create(const Ipv6Address& peer, Ikev1Role role, uint64_t cookie, CryptoRandom& rng)
{
    if (cookie == 0 || m_sas.count(cookie))
    {
        cookie = DrawCookie(rng);
    }
    Ikev1Sa& sa = m_sas[cookie];
    sa.initiatorCookie = cookie;
    sa.role = role;
    sa.peer = peer;
    sa.started = Simulator::Now();
    return sa;
}

Ikev1Sa*
Ikev1SaTable::Find(uint64_t cookie)
{
    auto it = m_sas.find(cookie);
    return it == m_sas.end() ? nullptr : &it->second;
}

const Ikev1Sa*
Ikev1SaTable::Find(uint64_t cookie) const
{
    auto it = m_sas.find(cookie);
    return it == m_sas.end() ? nullptr : &it->second;
}

uint64_t
Ikev1SaTable::FindAlias(uint64_t cookie) const
{
    auto it = m_cookieAliases.find(cookie);
    return it == m_cookieAliases.end() ? 0 : it->second;
}

const Ikev1Sa*
Ikev1SaTable::FindNewest(const Ipv6Address& peer) const
{
    const Ikev1Sa* newest = nullptr;
    for (const auto& [cookie, sa] : m_sas)
    {
        if (sa.peer == peer && (!newest || sa.started >= newest->started))
        {
            newest = &sa;
        }
    }
    return newest;
}

const Ikev1Sa*
Ikev1SaTable::FindNewestEstablished(const Ipv6Address& peer) const
{
    const Ikev1Sa* newest = nullptr;
    for (const auto& [cookie, candidate] : m_sas)
    {
        if (candidate.peer == peer && candidate.state == Ikev1State::ESTABLISHED &&
            (!newest || candidate.established >= newest->established))
        {
            newest = &candidate;
        }
    }
    return newest;
}

std::vector<uint64_t>
Ikev1SaTable::FindAll(const Ipv6Address& peer) const
{
    std::vector<uint64_t> cookies;
    for (const auto& [cookie, sa] : m_sas)
    {
        if (sa.peer == peer)
        {
            cookies.push_back(cookie);
        }
    }
    return cookies;
}

std::map<uint64_t, Ikev1Sa>&
Ikev1SaTable::GetAll()
{
    return m_sas;
}

const std::map<uint64_t, Ikev1Sa>&
Ikev1SaTable::GetAll() const
{
    return m_sas;
}

void
Ikev1SaTable::Erase(uint64_t cookie)
{
    m_sas.erase(cookie);
}

Ikev1Sa&
Ikev1SaTable::Rekey(uint64_t cookie, uint64_t initiator, uint64_t responder)
{
    Ikev1Sa moved = m_sas.at(cookie);
    moved.initiatorCookie = initiator;
    moved.responderCookie = responder;
    m_sas.erase(cookie);
    m_cookieAliases[cookie] = initiator;
    return m_sas[initiator] = std::move(moved);
}

std::string
Ikev1SaTable::Import(Ikev1Sa sa,
                     const Ipv6Address& local,
                     const Ipv6Address& peer,
                     CryptoRandom& rng,
                     std::vector<IkeSpiUpdate>& updates,
                     uint64_t& cookie)
{
    if (sa.state != Ikev1State::ESTABLISHED)
    {
        return "ISAKMP SA not established";
    }
    if (sa.skeyidA.empty() || sa.encryptionKey.empty() || sa.iv.empty() ||
        sa.iv.size() != GetEncryptionBlockSize(sa.encryption))
    {
        return "ISAKMP SA without usable keys";
    }
    if (sa.initiatorCookie == 0 || m_sas.count(sa.initiatorCookie))
    {
        // The SA is keyed by CKY-I here: give it a fresh cookie pair and tell the peer.
        IkeSpiUpdate update;
        update.protocolId = IkeSpiUpdate::PROTOCOL_IKE;
        update.oldSpi = sa.GetCookiePair();
        uint64_t fresh = DrawCookie(rng);
        uint64_t responder = 0;
        while (responder == 0)
        {
            responder = (static_cast<uint64_t>(rng.GetU32()) << 32) | rng.GetU32();
        }
        sa.initiatorCookie = fresh;
        sa.responderCookie = responder;
        update.newSpi = sa.GetCookiePair();
        updates.push_back(update);
    }
    sa.local = local;
    sa.peer = peer;
    if (sa.initialContact)
    {
        m_contacted.insert(peer); // the peer already had its first contact with "us"
    }
    NS_LOG_INFO("imported ISAKMP SA " << std::hex << sa.initiatorCookie << std::dec << " with "
                                      << peer << ", " << sa.quickModes.size() << " quick modes");
    cookie = sa.initiatorCookie;
    m_sas[cookie] = std::move(sa);
    return "";
}

bool
Ikev1SaTable::ExportBlock(const Ipv6Address& peer, CxtpContextBlock& block, uint64_t& cookie) const
{
    const Ikev1Sa* newest = FindNewestEstablished(peer);
    if (!newest)
    {
        return false;
    }
    block = CxtpContextCodec::EncodeIkev1Sa(*newest);
    cookie = newest->initiatorCookie;
    return true;
}

std::string
Ikev1SaTable::ImportBlock(const CxtpContextBlock& block,
                          const Ipv6Address& local,
                          const Ipv6Address& peer,
                          const IkeSaTransfer::Rewrite& rewrite,
                          CryptoRandom& rng,
                          std::vector<IkeSpiUpdate>& updates,
                          uint64_t& cookie)
{
    Ikev1Sa sa;
    if (block.fpt != CxtpFeatureProfile::IKEV1_SA || !CxtpContextCodec::DecodeIkev1Sa(block, sa))
    {
        return "malformed IKEV1_SA block";
    }
    auto rewritten = [](const std::map<uint32_t, uint32_t>& ids, uint32_t id, uint32_t absent) {
        auto it = ids.find(id);
        return it != ids.end() ? it->second : absent;
    };
    for (auto& [mid, qm] : sa.quickModes)
    {
        qm.outPolicyId = rewritten(rewrite.policyIds, qm.outPolicyId, 0);
        qm.inPolicyId = rewritten(rewrite.policyIds, qm.inPolicyId, 0);
        qm.inboundSpi = rewritten(rewrite.inboundSpis, qm.inboundSpi, qm.inboundSpi);
    }
    cookie = sa.initiatorCookie;
    return Import(std::move(sa), local, peer, rng, updates, cookie);
}

uint32_t
Ikev1SaTable::MovePeer(const Ipv6Address& oldPeer,
                       const Ipv6Address& newPeer,
                       const Ipv6Address& newLocal,
                       const std::map<uint32_t, uint32_t>& policyIds)
{
    uint32_t moved = 0;
    for (auto& [cookie, sa] : m_sas)
    {
        if (sa.peer != oldPeer)
        {
            continue;
        }
        sa.peer = newPeer;
        sa.local = newLocal;
        for (auto& [mid, qm] : sa.quickModes)
        {
            auto out = policyIds.find(qm.outPolicyId);
            qm.outPolicyId = out != policyIds.end() ? out->second : qm.outPolicyId;
            auto in = policyIds.find(qm.inPolicyId);
            qm.inPolicyId = in != policyIds.end() ? in->second : qm.inPolicyId;
        }
        ++moved;
    }
    if (moved && m_contacted.erase(oldPeer))
    {
        m_contacted.insert(newPeer);
    }
    NS_LOG_INFO(moved << " ISAKMP SA(s) moved from " << oldPeer << " to " << newPeer);
    return moved;
}

bool
Ikev1SaTable::WasContacted(const Ipv6Address& peer) const
{
    return m_contacted.count(peer) != 0;
}

void
Ikev1SaTable::NoteContacted(const Ipv6Address& peer)
{
    m_contacted.insert(peer);
}

void
Ikev1SaTable::ForgetContact(const Ipv6Address& peer)
{
    m_contacted.erase(peer);
}

void
Ikev1SaTable::Clear()
{
    m_sas.clear();
}

} // namespace ns3
