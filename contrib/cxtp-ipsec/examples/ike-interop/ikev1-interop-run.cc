/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev1-interop-run.h"

#include "ns3/core-module.h"
#include "ns3/cxtp-ipsec-module.h"

#include <fstream>
#include <iomanip>
#include <iostream>

namespace ns3
{

namespace
{
constexpr uint8_t PROTO_IPSEC_ESP = 3; // RFC 2407 §4.4.1
} // namespace

Ikev1InteropRun::Ikev1InteropRun(IkeInteropNode& node, const Settings& settings)
    : m_node(node),
      m_settings(settings)
{
    Ptr<Node> n = node.GetNode();
    // The documented configuration (doc/cxtp-ipsec.rst, "Message counts and sizes").
    Ikev1Helper::AddPreSharedKey(n, node.GetPeer(), Ipv6Prefix(128), settings.psk);
    Ikev1Helper ike;
    ike.SetCostProfile("zero");
    ike.SetAttribute("Mode", StringValue(settings.mode));
    ike.SetAttribute("Encryption", StringValue("3des-cbc"));
    ike.SetAttribute("Hash", StringValue("sha1"));
    ike.SetAttribute("DhGroup", UintegerValue(2));
    ike.SetAttribute("Pfs", BooleanValue(true));
    ike.SetAttribute("PfsGroup", UintegerValue(1));
    ike.SetAttribute("InitialContact", BooleanValue(true));
    ike.SetAttribute("DpdVendorId", BooleanValue(false));
    ike.SetAttribute("QuickModeIds", BooleanValue(true));
    ike.SetAttribute("Passive", BooleanValue(!settings.initiator));
    ike.SetAttribute("RetryInterval", TimeValue(settings.retryInterval));
    ApplicationContainer daemons = ike.Install(NodeContainer(n));
    m_daemon = DynamicCast<Ikev1Daemon>(daemons.Get(0));

    m_ikeKeys = Create<Ikev1KeyExport>();
    m_ikeKeys->Watch(daemons);
    m_espKeys = Create<IpsecKeyExport>();
    m_espKeys->Watch(NodeContainer(n));

    m_daemon->TraceConnectWithoutContext("Phase1Established",
                                         MakeCallback(&Ikev1InteropRun::Phase1, this));
    m_daemon->TraceConnectWithoutContext("StateTransition",
                                         MakeCallback(&Ikev1InteropRun::State, this));
    m_daemon->TraceConnectWithoutContext("Installed",
                                         MakeCallback(&Ikev1InteropRun::Installed, this));
    m_daemon->TraceConnectWithoutContext("Failure", MakeCallback(&Ikev1InteropRun::Failure, this));
    if (settings.initiator)
    {
        Simulator::Schedule(settings.start, &IkeInteropNode::SendProbe, &node);
    }
}

void
Ikev1InteropRun::Phase1(const Ipv6Address& peer, Time duration)
{
    m_phase1 = true;
    std::cout << "  [" << Simulator::Now().As(Time::MS) << "] phase 1 with " << peer
              << " established (" << duration.As(Time::MS) << ")\n";
}

void
Ikev1InteropRun::State(const Ipv6Address&, uint32_t messageId, Ikev1State from, Ikev1State to)
{
    std::cout << "  [" << Simulator::Now().As(Time::MS) << "] "
              << (messageId == 0 ? std::string("phase 1")
                                 : "quick mode " + std::to_string(messageId))
              << ": " << ToString(from) << " -> " << ToString(to) << "\n";
    if (messageId == 0 || (to != Ikev1State::QM_SENT_2 && to != Ikev1State::ESTABLISHED))
    {
        return;
    }
    RecordQuickMode(messageId);
    if (to == Ikev1State::QM_SENT_2 && !m_answered)
    {
        m_answered = true;
        Simulator::Stop(m_settings.linger);
    }
}

void
Ikev1InteropRun::Installed(const Ipv6Address& peer, uint32_t in, uint32_t out)
{
    std::cout << "  [" << Simulator::Now().As(Time::MS) << "] SA pair with " << peer
              << " installed: inbound SPI 0x" << std::hex << in << ", outbound SPI 0x" << out
              << std::dec << "\n";
    if (m_installed)
    {
        return;
    }
    m_installed = true;
    m_node.SendRemainingProbes();
    Simulator::Stop(m_settings.linger);
}

void
Ikev1InteropRun::Failure(const Ipv6Address& peer, const std::string& why)
{
    std::cout << "  [" << Simulator::Now().As(Time::MS) << "] IKE with " << peer << ": " << why
              << "\n";
    m_failures.push_back(why);
}

void
Ikev1InteropRun::RecordQuickMode(uint32_t messageId)
{
    for (const auto& [cookie, sa] : m_daemon->GetSas())
    {
        auto it = sa.quickModes.find(messageId);
        if (sa.peer != m_node.GetPeer() || it == sa.quickModes.end())
        {
            continue;
        }
        // KEYMAT of each direction as Ikev1Daemon derives it when it installs the pair
        // (RFC 2409 §5.5): encryption key first, then the integrity key.
        const Ikev1QuickMode& qm = it->second;
        uint32_t encLength = GetEncryptionKeyLength(qm.encryption);
        uint32_t length = encLength + GetIntegrityKeyLength(qm.integrity);
        auto keymat = [&](uint32_t spi) {
            return Ikev1KeyDerivation::Keymat(sa.hash,
                                              sa.skeyidD,
                                              qm.gxy,
                                              PROTO_IPSEC_ESP,
                                              spi,
                                              qm.ni,
                                              qm.nr,
                                              length);
        };
        std::vector<uint8_t> in = keymat(qm.inboundSpi);
        std::vector<uint8_t> out = keymat(qm.outboundSpi);
        if (in.size() != length || out.size() != length)
        {
            continue;
        }
        QuickModeKeys keys;
        keys.role = qm.role;
        keys.state = qm.state;
        keys.inboundSpi = qm.inboundSpi;
        keys.outboundSpi = qm.outboundSpi;
        keys.inEnc.assign(in.begin(), in.begin() + encLength);
        keys.inInt.assign(in.begin() + encLength, in.end());
        keys.outEnc.assign(out.begin(), out.begin() + encLength);
        keys.outInt.assign(out.begin() + encLength, out.end());
        m_qms[{cookie, messageId}] = keys;
    }
}

bool
Ikev1InteropRun::Finish()
{
    const std::string& dir = m_settings.outputDir;
    m_ikeKeys->Write(dir + "/ikev1_decryption_table");
    m_espKeys->Write(dir + "/esp_sa");
    {
        std::ofstream out(dir + "/ikev1_quick_modes.csv");
        out << "initiator_cookie,message_id,role,state,inbound_spi,outbound_spi,"
               "inbound_encryption_key,inbound_integrity_key,outbound_encryption_key,"
               "outbound_integrity_key\n";
        for (const auto& [id, k] : m_qms)
        {
            out << std::hex << std::setfill('0') << std::setw(16) << id.first << "," << std::setw(8)
                << id.second << "," << (k.role == Ikev1Role::INITIATOR ? "initiator" : "responder")
                << "," << ToString(k.state) << "," << std::setw(8) << k.inboundSpi << ","
                << std::setw(8) << k.outboundSpi << std::dec << "," << IkeInteropNode::Hex(k.inEnc)
                << "," << IkeInteropNode::Hex(k.inInt) << "," << IkeInteropNode::Hex(k.outEnc)
                << "," << IkeInteropNode::Hex(k.outInt) << "\n";
        }
    }
    IkeInteropNode::WriteSummary(
        dir + "/summary.csv",
        {
            {"phase1_established", m_phase1 ? "1" : "0"},
            {"quick_mode_answered", m_answered ? "1" : "0"},
            {"sa_pair_installed", m_installed ? "1" : "0"},
            {"probes_sent", std::to_string(m_node.GetProbesSent())},
            {"esp_packets_sent", std::to_string(m_node.GetEspSent())},
            {"failures", std::to_string(m_failures.size())},
            // What is left at the end (a DELETE from the peer removes the pair).
            {"sad_entries_at_end", std::to_string(m_node.GetSadEntries())},
        });
    return m_phase1 && (m_settings.initiator ? m_installed : m_answered || m_installed);
}

} // namespace ns3
