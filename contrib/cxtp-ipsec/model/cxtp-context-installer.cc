/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "cxtp-context-installer.h"

#include "crypto-cost-model.h"
#include "cxtp-agent.h"
#include "cxtp-tunnel-rewriter.h"
#include "ipsec-pad-entry.h"
#include "ipsec-pad.h"
#include "ipsec-pf-key.h"
#include "ipsec-policy.h"
#include "ipsec-sad.h"
#include "ipsec-security-association.h"
#include "ipsec-work-clock.h"
#include "wire-reader.h"
#include "wire-writer.h"

#include "ns3/application.h"
#include "ns3/log.h"
#include "ns3/node.h"

#include <algorithm>
#include <functional>
#include <memory>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CxtpContextInstaller");

/// The transferred contexts of one installation, decoded, then rewritten.
struct CxtpContextInstaller::Contexts
{
    std::vector<IpsecPolicy> policies;         ///< SPD_ENTRY blocks
    std::vector<IpsecSecurityAssociation> sas; ///< SAD_ENTRY blocks
    std::vector<IpsecPadEntry> pads;           ///< PAD_ENTRY blocks
    IkeSaTransfer* daemon{nullptr};            ///< the node's IKE daemon, if any
    const CxtpContextBlock* ike{nullptr};      ///< the IKE SA, read by the daemon alone
    IkeSaTransfer::Rewrite rewrite;            ///< new rule ids and inbound SPIs
    std::vector<IkeSpiUpdate> updates;         ///< SPI changes to announce to the MN
};

CxtpContextInstaller::CxtpContextInstaller(const Application& application,
                                           CxtpTunnelRewriter& rewriter)
    : m_application(application),
      m_rewriter(rewriter)
{
}

void
CxtpContextInstaller::SetCallbacks(SettingsCallback settings,
                                   CollisionCallback collision,
                                   WarningCallback warning,
                                   SpiUpdateCallback spiUpdated)
{
    m_settings = settings;
    m_collision = collision;
    m_warning = warning;
    m_spiUpdated = spiUpdated;
}

void
CxtpContextInstaller::Install(const Transfer& transfer,
                              std::vector<CxtpContextBlock> blocks,
                              DoneCallback done)
{
    Ptr<Node> node = m_application.GetNode();
    Ptr<CryptoCostModel> model = node->GetObject<CryptoCostModel>();
    Time cost(0);
    if (model)
    {
        for (size_t i = 0; i < blocks.size(); ++i)
        {
            cost += model->ContextInstallation();
        }
    }
    // The caller's DoneCallback holds the agent, and with it this installer, until then.
    IpsecWorkClock::Get(node)->Run(cost, Callback<void>([this, transfer, blocks, done]() {
                                       DoInstall(transfer, blocks, done);
                                   }));
}

void
CxtpContextInstaller::DoInstall(const Transfer& transfer,
                                const std::vector<CxtpContextBlock>& blocks,
                                DoneCallback done)
{
    NS_LOG_FUNCTION(this << transfer.previous << transfer.newCoa << transfer.local
                         << blocks.size());
    Settings settings = m_settings();
    Contexts contexts;
    if (!Decode(blocks, contexts))
    {
        done("malformed context", CxtpAgent::STATUS_INSTALL_FAILED, 0);
        return;
    }
    if (contexts.sas.empty())
    {
        done("no SA in the contexts", CxtpAgent::STATUS_INSTALL_FAILED, 0);
        return;
    }
    MaybeOccupySpi(contexts.sas, settings);
    if (!ResolveCollisions(transfer.previous, contexts))
    {
        ReleaseSpis(contexts);
        done("spi collision", CxtpAgent::STATUS_SPI_COLLISION, 0);
        return;
    }
    Rewrite(transfer, settings.sequenceJump, contexts);
    std::string error = Validate(contexts);
    if (error.empty() && contexts.ike)
    {
        error = ImportIkeSa(transfer, contexts);
    }
    if (!error.empty())
    {
        ReleaseSpis(contexts);
        done(error, CxtpAgent::STATUS_INSTALL_FAILED, 0);
        return;
    }
    Apply(transfer, contexts, done);
}

bool
CxtpContextInstaller::Decode(const std::vector<CxtpContextBlock>& blocks, Contexts& contexts) const
{
    contexts.daemon = IkeSaTransfer::ForNode(m_application.GetNode());
    for (const auto& block : blocks)
    {
        if (contexts.daemon && block.fpt == contexts.daemon->GetContextProfile())
        {
            contexts.ike = contexts.ike ? contexts.ike : &block;
            continue;
        }
        bool ok = true;
        switch (block.fpt)
        {
        case CxtpFeatureProfile::SPD_ENTRY:
            contexts.policies.emplace_back();
            ok = CxtpContextCodec::DecodePolicy(block, contexts.policies.back());
            break;
        case CxtpFeatureProfile::SAD_ENTRY:
            contexts.sas.emplace_back();
            ok = CxtpContextCodec::DecodeSa(block, contexts.sas.back());
            break;
        case CxtpFeatureProfile::PAD_ENTRY:
            contexts.pads.emplace_back();
            ok = CxtpContextCodec::DecodePadEntry(block, contexts.pads.back());
            break;
        default:
            NS_LOG_INFO("context " << ToString(block.fpt) << " not installed (no importer)");
            break;
        }
        if (!ok)
        {
            return false;
        }
    }
    return true;
}

void
CxtpContextInstaller::MaybeOccupySpi(const std::vector<IpsecSecurityAssociation>& sas,
                                     const Settings& settings)
{
    bool occupy = settings.forceSpiCollision;
    if (settings.collisionProbability > 0.0)
    {
        // Drawn at every transfer, so the stream advances the same way whatever the outcome.
        occupy =
            (settings.collisionRng->GetValue(0.0, 1.0) < settings.collisionProbability) || occupy;
    }
    if (!occupy)
    {
        return;
    }
    Ptr<Node> node = m_application.GetNode();
    Ptr<IpsecPfKey> pfKey = node->GetObject<IpsecPfKey>();
    for (const auto& sa : sas)
    {
        if (sa.direction != IpsecDirection::INBOUND || pfKey->IsSpiInUse(sa.spi))
        {
            continue;
        }
        // Another peer's inbound SA that happens to use this SPI: other keys, no rule. It is
        // put straight into the SAD (it was there before the transfer, not installed now).
        IpsecSecurityAssociation other = sa;
        other.source = Ipv6Address("fd00:dead::1");
        for (auto& b : other.encryptionKey)
        {
            b ^= 0xff;
        }
        for (auto& b : other.integrityKey)
        {
            b ^= 0xff;
        }
        other.policyId = 0;
        other.sequence = 0;
        other.replay = IpsecReplayWindow();
        other.bytes = 0;
        other.packets = 0;
        std::string error = node->GetObject<IpsecSad>()->Add(other);
        if (!error.empty())
        {
            // A malformed transferred SA: the checks that follow reject the transfer.
            NS_LOG_WARN("cannot occupy SPI " << sa.spi << ": " << error);
            return;
        }
        NS_LOG_INFO("SPI " << sa.spi << " occupied by another peer's SA");
        return;
    }
}

bool
CxtpContextInstaller::ResolveCollisions(Ipv6Address previous, Contexts& contexts)
{
    Ptr<IpsecPfKey> pfKey = m_application.GetNode()->GetObject<IpsecPfKey>();
    for (auto& sa : contexts.sas)
    {
        if (sa.direction != IpsecDirection::INBOUND || !pfKey->IsSpiInUse(sa.spi))
        {
            continue;
        }
        m_collision(previous, sa.spi);
        if (!contexts.ike)
        {
            return false; // no protected channel to tell the MN a new SPI (no IKE SA)
        }
        uint32_t spi = pfKey->GetSpi(); // reserved until the SA is added
        NS_LOG_INFO("inbound SPI " << sa.spi << " of " << previous << " in use: now " << spi);
        IkeSpiUpdate update;
        update.protocolId = IkeSpiUpdate::PROTOCOL_ESP;
        update.oldSpi = WireBytesU32(sa.spi);
        update.newSpi = WireBytesU32(spi);
        contexts.updates.push_back(update);
        contexts.rewrite.inboundSpis[sa.spi] = spi;
        sa.spi = spi;
    }
    return true;
}

void
CxtpContextInstaller::ReleaseSpis(const Contexts& contexts)
{
    Ptr<IpsecPfKey> pfKey = m_application.GetNode()->GetObject<IpsecPfKey>();
    for (const auto& [old, spi] : contexts.rewrite.inboundSpis)
    {
        pfKey->ReleaseSpi(spi);
    }
}

void
CxtpContextInstaller::Rewrite(const Transfer& transfer, uint64_t sequenceJump, Contexts& contexts)
{
    // The MN is now at the new CoA, and we are its gateway.
    std::map<uint32_t, uint32_t>& ids = contexts.rewrite.policyIds;
    for (auto& policy : contexts.policies)
    {
        uint32_t old = policy.id;
        policy.id = m_rewriter.NextPolicyId();
        policy.tunnelLocal = transfer.local;
        policy.tunnelRemote = transfer.newCoa;
        IpsecTrafficSelector& selector = policy.selector;
        if (CxtpTunnelRewriter::IsHost(selector.remoteAddress,
                                       selector.remotePrefix,
                                       transfer.previous))
        {
            selector.remoteAddress = transfer.newCoa;
        }
        if (CxtpTunnelRewriter::IsHost(selector.localAddress,
                                       selector.localPrefix,
                                       transfer.previous))
        {
            selector.localAddress = transfer.newCoa;
        }
        if (uint32_t existing = m_rewriter.FindEquivalentRule(policy))
        {
            policy.id = existing; // the gateway already has this rule: its SAs serve it
        }
        ids[old] = policy.id;
    }
    for (auto& sa : contexts.sas)
    {
        bool inbound = sa.direction == IpsecDirection::INBOUND;
        sa.source = inbound ? transfer.newCoa : transfer.local;
        sa.destination = inbound ? transfer.local : transfer.newCoa;
        sa.sequence += inbound ? 0 : sequenceJump;
        auto id = ids.find(sa.policyId);
        sa.policyId = id != ids.end() ? id->second : 0;
    }
    for (auto& entry : contexts.pads)
    {
        if (CxtpTunnelRewriter::IsHost(entry.peerAddress, entry.peerPrefix, transfer.previous))
        {
            entry.peerAddress = transfer.newCoa;
        }
    }
}

std::string
CxtpContextInstaller::Validate(const Contexts& contexts)
{
    for (const auto& policy : contexts.policies)
    {
        std::string error = policy.Validate();
        if (!error.empty())
        {
            return "bad policy: " + error;
        }
    }
    for (const auto& sa : contexts.sas)
    {
        std::string error = sa.Validate();
        if (!error.empty())
        {
            return "bad SA: " + error;
        }
    }
    return "";
}

std::string
CxtpContextInstaller::ImportIkeSa(const Transfer& transfer, Contexts& contexts)
{
    // The IKE SA continues here: its child SAs serve the rewritten rules and the inbound SPIs
    // as installed here.
    IkeSaTransfer::Handle handle = 0;
    std::string error = contexts.daemon->ImportSa(*contexts.ike,
                                                  transfer.local,
                                                  transfer.newCoa,
                                                  contexts.rewrite,
                                                  handle,
                                                  contexts.updates);
    if (!error.empty())
    {
        if (!contexts.updates.empty())
        {
            return "spi collision, and the IKE SA was refused: " + error;
        }
        m_warning(transfer.previous, "IKE SA not imported: " + error);
    }
    for (const auto& update : contexts.updates)
    {
        if (update.protocolId == IkeSpiUpdate::PROTOCOL_IKE) // the SA took a fresh identifier
        {
            m_collision(
                transfer.previous,
                WireReadUint(update.oldSpi.data(), std::min<size_t>(4, update.oldSpi.size())));
        }
    }
    if (!contexts.updates.empty())
    {
        SpiUpdate& pending = m_spiUpdates[transfer.newCoa];
        pending.previous = transfer.previous;
        pending.ikeSa = handle;
        pending.entries = contexts.updates;
        pending.sas = contexts.sas.size();
    }
    return "";
}

void
CxtpContextInstaller::Apply(const Transfer& transfer,
                            const Contexts& contexts,
                            DoneCallback finished)
{
    // Counts the PF_KEY requests in flight; the one extra is released after the last request.
    struct State
    {
        uint32_t pending{1};
        std::string error;
    };

    auto state = std::make_shared<State>();
    uint32_t count = contexts.sas.size();
    auto done = [state, finished, count](const std::string& error) {
        if (!error.empty() && state->error.empty())
        {
            state->error = "PF_KEY: " + error;
        }
        if (--state->pending == 0)
        {
            finished(state->error,
                     CxtpAgent::STATUS_INSTALL_FAILED,
                     state->error.empty() ? count : 0);
        }
    };
    auto issue = [&done, state](const std::function<std::string(IpsecPfKey::Completion)>& request) {
        state->pending++;
        auto called = std::make_shared<bool>(false);
        auto wrapped = [called, done](const std::string& error) {
            *called = true;
            done(error);
        };
        std::string error = request(IpsecPfKey::Completion(wrapped));
        if (!error.empty() && !*called)
        {
            done(error);
        }
    };
    Ptr<Node> node = m_application.GetNode();
    Ptr<IpsecPfKey> pfKey = node->GetObject<IpsecPfKey>();
    for (const auto& policy : contexts.policies)
    {
        if (m_rewriter.FindEquivalentRule(policy) != 0)
        {
            continue; // already here (e.g. the gateway's own rules for that CoA)
        }
        issue([pfKey, policy](IpsecPfKey::Completion cb) {
            uint32_t id = 0;
            return pfKey->AddPolicy(policy, id, cb);
        });
    }
    for (const auto& sa : contexts.sas)
    {
        // The SA keeps its add time and counters: its lifetime runs on as at pSG.
        issue([pfKey, sa](IpsecPfKey::Completion cb) {
            return pfKey->AddWithCurrentLifetime(sa, cb);
        });
    }
    Ptr<IpsecPad> pad = node->GetObject<IpsecPad>();
    for (const auto& entry : contexts.pads)
    {
        // The PAD has no PF_KEY interface (IKE owns it): add the entry unless one already
        // authorises the new address.
        if (pad && !pad->FindByAddress(transfer.newCoa))
        {
            pad->Add(entry);
        }
    }
    done("");
}

bool
CxtpContextInstaller::IsUpdatingSpis(Ipv6Address newCoa, Ipv6Address previous) const
{
    auto update = m_spiUpdates.find(newCoa);
    return update != m_spiUpdates.end() && update->second.previous == previous;
}

void
CxtpContextInstaller::CancelSpiUpdates(Ipv6Address newCoa)
{
    m_spiUpdates.erase(newCoa);
}

void
CxtpContextInstaller::SendSpiUpdates(Ipv6Address newCoa)
{
    auto update = m_spiUpdates.find(newCoa);
    if (update == m_spiUpdates.end())
    {
        return;
    }
    IkeSaTransfer* transfer = IkeSaTransfer::ForNode(m_application.GetNode());
    if (!transfer || !transfer->HasSa(update->second.ikeSa))
    {
        // The IKE SA went away meanwhile (a DELETE): no channel for UPDATE_SPI.
        SpiUpdatesDone(newCoa, false);
        return;
    }
    transfer->SendSpiUpdates(
        update->second.ikeSa,
        update->second.entries,
        MakeCallback(&CxtpContextInstaller::SpiUpdatesDone, this).Bind(newCoa));
}

void
CxtpContextInstaller::SpiUpdatesDone(Ipv6Address newCoa, bool success)
{
    auto update = m_spiUpdates.find(newCoa);
    if (update == m_spiUpdates.end())
    {
        return;
    }
    SpiUpdate done = update->second;
    m_spiUpdates.erase(update);
    m_spiUpdated(done.previous, success, static_cast<uint32_t>(done.entries.size()), done.sas);
}

void
CxtpContextInstaller::Clear()
{
    m_spiUpdates.clear();
}

} // namespace ns3
