/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-interop-run.h"

#include "ns3/core-module.h"
#include "ns3/cxtp-ipsec-module.h"

#include <fstream>
#include <iostream>
#include <sys/stat.h>

namespace ns3
{

namespace
{

/// \return the exchange's name (RFC 7296 §3.1)
std::string
ExchangeName(Ikev2ExchangeType exchange)
{
    switch (exchange)
    {
    case Ikev2ExchangeType::IKE_SA_INIT:
        return "IKE_SA_INIT";
    case Ikev2ExchangeType::IKE_AUTH:
        return "IKE_AUTH";
    case Ikev2ExchangeType::CREATE_CHILD_SA:
        return "CREATE_CHILD_SA";
    case Ikev2ExchangeType::INFORMATIONAL:
        return "INFORMATIONAL";
    case Ikev2ExchangeType::IKE_SESSION_RESUME:
        return "IKE_SESSION_RESUME";
    }
    return "exchange " + std::to_string(static_cast<int>(exchange));
}

/**
 * \brief Writes a file readable by its owner only when \p secret.
 * \param path the file
 * \param text its content
 * \param secret whether it holds a private key
 * \return true on success
 */
bool
WriteFile(const std::string& path, const std::string& text, bool secret)
{
    std::ofstream out(path, std::ios::trunc);
    out << text;
    out.close();
    return out && !text.empty() && (!secret || chmod(path.c_str(), 0600) == 0);
}

} // namespace

Ikev2InteropRun::Ikev2InteropRun(IkeInteropNode& node, const Settings& settings)
    : m_node(node),
      m_settings(settings)
{
    Ptr<Node> n = node.GetNode();
    if (!settings.eap.empty())
    {
        std::vector<uint8_t> anchor = MakeCredentials();
        EapCredentials eap;
        eap.identity = settings.eapIdentity;
        if (settings.eap == "md5")
        {
            eap.method = EapType::MD5_CHALLENGE;
            eap.password.assign(settings.eapPassword.begin(), settings.eapPassword.end());
        }
        else
        {
            Ptr<IpsecCredentialStore> store = IpsecCredentialStore::Get(n);
            eap.method = EapType::TLS;
            eap.tlsChain = store->GetCertificateChain();
            eap.tlsPrivateKey = store->GetPrivateKey();
            eap.tlsTrustAnchors = {anchor};
        }
        Ikev2Helper::AddEapClient(n, node.GetPeer(), Ipv6Prefix(128), {anchor}, eap);
    }
    else if (settings.certificates)
    {
        Ikev2Helper::AddCertificatePeer(n, node.GetPeer(), Ipv6Prefix(128), {MakeCredentials()});
    }
    else
    {
        Ikev2Helper::AddPreSharedKey(n, node.GetPeer(), Ipv6Prefix(128), settings.psk);
    }
    Ikev2Helper ike;
    ike.SetCostProfile("zero");
    ike.SetAttribute("IkeProposals", StringValue("aes128-sha256-modp2048"));
    ike.SetAttribute("EspProposals", StringValue("aes128-sha256-modp2048"));
    ike.SetAttribute("Passive", BooleanValue(!settings.initiator));
    ike.SetAttribute("RetransmitTimeout", TimeValue(settings.retransmitTimeout));
    ike.SetAttribute("EapOnlyAuthentication", BooleanValue(settings.eapOnly));
    ApplicationContainer daemons = ike.Install(NodeContainer(n));
    m_daemon = DynamicCast<Ikev2Daemon>(daemons.Get(0));

    m_ikeKeys = Create<Ikev2KeyExport>();
    m_ikeKeys->Watch(daemons);
    m_espKeys = Create<IpsecKeyExport>();
    m_espKeys->Watch(NodeContainer(n));

    m_daemon->TraceConnectWithoutContext("Established",
                                         MakeCallback(&Ikev2InteropRun::Established, this));
    m_daemon->TraceConnectWithoutContext("StateTransition",
                                         MakeCallback(&Ikev2InteropRun::State, this));
    m_daemon->TraceConnectWithoutContext("Message", MakeCallback(&Ikev2InteropRun::Message, this));
    m_daemon->TraceConnectWithoutContext("Installed",
                                         MakeCallback(&Ikev2InteropRun::Installed, this));
    m_daemon->TraceConnectWithoutContext("EapSuccess",
                                         MakeCallback(&Ikev2InteropRun::EapSucceeded, this));
    m_daemon->TraceConnectWithoutContext(
        "Failure",
        MakeCallback(&Ikev2InteropRun::Failure, this).Bind(std::string("failure")));
    m_daemon->TraceConnectWithoutContext(
        "Discard",
        MakeCallback(&Ikev2InteropRun::Failure, this).Bind(std::string("discarded")));
    if (settings.initiator)
    {
        Simulator::Schedule(settings.start, &IkeInteropNode::SendProbe, &node);
    }
    if (settings.rekeyAt.IsStrictlyPositive())
    {
        Simulator::Schedule(settings.rekeyAt, &Ikev2InteropRun::Rekey, this);
    }
    if (settings.deleteAt.IsStrictlyPositive())
    {
        Simulator::Schedule(settings.deleteAt, &Ikev2InteropRun::Delete, this);
    }
}

std::vector<uint8_t>
Ikev2InteropRun::MakeCredentials()
{
    CryptoCertificateAuthority ca(CA_NAME, 2048);
    // EAP-TLS: a peer may look the client certificate up by the EAP identity (charon's
    // tls_find_public_key), so a DNS-like identity goes into its subjectAltName.
    std::vector<std::string> dnsNames;
    if (m_settings.eap == "tls" && m_settings.eapIdentity.find('@') == std::string::npos)
    {
        dnsNames.push_back(m_settings.eapIdentity);
    }
    CryptoCertificateAuthority::Issued ours =
        ca.IssueEndEntity(NODE_NAME, CryptoCertificateAuthority::ROOT, dnsNames);
    CryptoCertificateAuthority::Issued peers =
        ca.IssueEndEntity(PEER_NAME, CryptoCertificateAuthority::ROOT);
    IpsecCredentialStore::Get(m_node.GetNode())->SetCertificate(ours.chain, ours.key.privateKeyDer);
    // swanctl's directories: x509ca (trust anchors), x509 (own certificates), rsa (PKCS#1 keys).
    const std::string& dir = m_settings.credentialsDir;
    for (const char* sub : {"/x509ca", "/x509", "/rsa"})
    {
        mkdir((dir + sub).c_str(), 0700);
    }
    NS_ABORT_MSG_IF(
        !WriteFile(dir + "/x509ca/cxtp-ca.pem",
                   CryptoCertificateAuthority::ToPem(ca.GetRootCertificate()),
                   false) ||
            !WriteFile(dir + "/x509/peer.pem",
                       CryptoCertificateAuthority::ToPem(peers.chain.front()),
                       false) ||
            !WriteFile(dir + "/rsa/peer.pem",
                       CryptoCertificateAuthority::RsaPrivateKeyToPem(peers.key.privateKeyDer),
                       true),
        "cxtp-ipsec-ike-interop: cannot write the peer's credentials into " << dir);
    std::cout << "  credentials: CA '" << CA_NAME << "', node '" << NODE_NAME << "', peer '"
              << PEER_NAME << "' (written to " << dir << ")\n";
    return ca.GetRootCertificate();
}

void
Ikev2InteropRun::Rekey()
{
    const Ikev2Sa* sa = m_daemon->FindSa(m_node.GetPeer());
    if (!sa || sa->children.empty())
    {
        Failure("failure", m_node.GetPeer(), "--rekeyAt: no established IKE SA with a CHILD_SA");
        return;
    }
    std::cout << "  [" << Simulator::Now().As(Time::MS) << "] rekeying " << sa->children.size()
              << " CHILD_SA(s)\n";
    m_rekeyStarted = true;
    m_daemon->RekeyChildren(m_node.GetPeer());
}

void
Ikev2InteropRun::Delete()
{
    if (!m_daemon->FindSa(m_node.GetPeer()))
    {
        Failure("failure", m_node.GetPeer(), "--deleteAt: no established IKE SA");
        End();
        return;
    }
    std::cout << "  [" << Simulator::Now().As(Time::MS) << "] deleting the "
              << (m_settings.deleteChildren ? "CHILD_SAs" : "IKE SA") << "\n";
    m_deleteStarted = true;
    if (m_settings.deleteChildren)
    {
        m_daemon->DeleteChildren(m_node.GetPeer());
    }
    else
    {
        m_daemon->Delete(m_node.GetPeer());
    }
}

void
Ikev2InteropRun::End()
{
    if (!m_ended)
    {
        m_ended = true;
        Simulator::Stop(m_settings.linger);
    }
}

void
Ikev2InteropRun::Established(const Ipv6Address& peer, Time duration)
{
    m_established = true;
    std::cout << "  [" << Simulator::Now().As(Time::MS) << "] IKE SA with " << peer
              << " established (" << duration.As(Time::MS) << ")\n";
}

void
Ikev2InteropRun::State(const Ipv6Address&, uint64_t spi, Ikev2State from, Ikev2State to)
{
    std::cout << "  [" << Simulator::Now().As(Time::MS) << "] IKE SA " << std::hex << spi
              << std::dec << ": " << ToString(from) << " -> " << ToString(to) << "\n";
    if (to == Ikev2State::DELETED && from != Ikev2State::REKEYED)
    {
        m_ikeSaDeleted = true;
        if (m_deleteStarted && !m_settings.deleteChildren)
        {
            End();
        }
    }
}

void
Ikev2InteropRun::Message(bool sent,
                         const Ipv6Address&,
                         Ikev2ExchangeType exchange,
                         bool response,
                         uint32_t size)
{
    std::cout << "  [" << Simulator::Now().As(Time::MS) << "] " << (sent ? "sent " : "received ")
              << ExchangeName(exchange) << (response ? " response" : " request") << " (" << size
              << " B)\n";
    // An exchange is done when its response is sent (we answered) or received (we asked).
    if (!response)
    {
        return;
    }
    if (exchange == Ikev2ExchangeType::CREATE_CHILD_SA)
    {
        m_createChildSa++;
    }
    else if (exchange == Ikev2ExchangeType::INFORMATIONAL)
    {
        m_informational++;
        if (m_deleteStarted && m_settings.deleteChildren && !sent)
        {
            End();
        }
    }
}

void
Ikev2InteropRun::Installed(const Ipv6Address& peer, uint32_t in, uint32_t out)
{
    std::cout << "  [" << Simulator::Now().As(Time::MS) << "] CHILD_SA with " << peer
              << " installed: inbound SPI 0x" << std::hex << in << ", outbound SPI 0x" << out
              << std::dec << "\n";
    if (++m_installed == 1)
    {
        m_node.SendRemainingProbes();
    }
    else
    {
        m_node.SendProbe();
    }
    if (m_installed >= m_settings.children && !m_settings.deleteAt.IsStrictlyPositive())
    {
        End();
    }
}

void
Ikev2InteropRun::EapSucceeded(const Ipv6Address& peer,
                              uint64_t spi,
                              const std::vector<uint8_t>& msk)
{
    m_eapSucceeded = true;
    m_msk = msk;
    std::cout << "  [" << Simulator::Now().As(Time::MS) << "] EAP with " << peer << " (IKE SA "
              << std::hex << spi << std::dec << ") succeeded, "
              << (msk.empty() ? std::string("no MSK (final AUTHs keyed by SK_pi, SK_pr)")
                              : std::to_string(msk.size()) + "-octet MSK")
              << "\n";
}

void
Ikev2InteropRun::Failure(const std::string& kind, const Ipv6Address& peer, const std::string& why)
{
    std::cout << "  [" << Simulator::Now().As(Time::MS) << "] IKE with " << peer << " " << kind
              << ": " << why << "\n";
    if (kind == "failure")
    {
        m_failures.push_back(why);
    }
}

bool
Ikev2InteropRun::Finish()
{
    const std::string& dir = m_settings.outputDir;
    m_ikeKeys->Write(dir + "/ikev2_decryption_table");
    m_espKeys->Write(dir + "/esp_sa");
    std::string discards;
    for (const auto& [reason, count] : m_daemon->GetDiscards())
    {
        discards += (discards.empty() ? "" : "; ") + reason + " x" + std::to_string(count);
    }
    const Ikev2Sa* sa = m_daemon->FindSa(m_node.GetPeer());
    IkeInteropNode::WriteSummary(
        dir + "/summary.csv",
        {
            {"ike_sa_established", m_established ? "1" : "0"},
            {"eap", m_settings.eap.empty() ? "none" : m_settings.eap},
            {"eap_succeeded", m_eapSucceeded ? "1" : "0"},
            {"eap_msk", IkeInteropNode::Hex(m_msk)},
            {"eap_only", sa && sa->eapOnly ? "1" : "0"},
            {"child_sas_installed", std::to_string(m_installed)},
            {"rekey_started", m_rekeyStarted ? "1" : "0"},
            {"create_child_sa_exchanges", std::to_string(m_createChildSa)},
            {"delete_started", m_deleteStarted ? "1" : "0"},
            {"informational_exchanges", std::to_string(m_informational)},
            {"ike_sa_deleted", m_ikeSaDeleted ? "1" : "0"},
            {"child_sas_at_end", std::to_string(sa ? sa->children.size() : 0)},
            {"probes_sent", std::to_string(m_node.GetProbesSent())},
            {"esp_packets_sent", std::to_string(m_node.GetEspSent())},
            {"failures", std::to_string(m_failures.size())},
            {"discards", "\"" + discards + "\""},
            {"sad_entries_at_end", std::to_string(m_node.GetSadEntries())},
        });
    bool deleted = !m_settings.deleteAt.IsStrictlyPositive() ||
                   (m_settings.deleteChildren ? m_informational > 0 : m_ikeSaDeleted);
    return m_established && (m_settings.eap.empty() || m_eapSucceeded) &&
           m_installed >= m_settings.children && deleted;
}

} // namespace ns3
