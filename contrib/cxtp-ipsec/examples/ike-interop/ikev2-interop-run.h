/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_INTEROP_RUN_H
#define IKEV2_INTEROP_RUN_H

#include "ike-interop-node.h"

#include "ns3/ikev2-daemon.h"
#include "ns3/ikev2-key-export.h"
#include "ns3/ipsec-key-export.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The IKEv2 run of cxtp-ipsec-ike-interop (--ike=2): an Ikev2Daemon on the node (RFC
 * 7296) with IKE proposal aes128-sha256-modp2048 and ESP aes128-sha256-modp2048 (AES-128-CBC,
 * HMAC-SHA2-256-128; the group is used for PFS in CREATE_CHILD_SA, §1.3, the first CHILD_SA of
 * IKE_AUTH has none), IPv6 address IDs with a pre-shared key, or with certificates the subject
 * DN (ID_DER_ASN1_DN) and RSA signatures (RFC 7427).
 *
 * - initiator: the first probe's ACQUIRE starts IKE_SA_INIT and IKE_AUTH with the first
 *   CHILD_SA;
 * - responder: the daemon is passive and answers the peer's.
 *
 * Certificates (--auth=cert): a CA made at run time (CryptoCertificateAuthority) issues the
 * node's certificate and the peer's; the peer's certificate, key and the CA certificate are
 * written as PEM into --credentialsDir (swanctl's x509, rsa and x509ca directories), so no key
 * is kept anywhere else and both sides trust the same CA.
 *
 * EAP (--eap=md5|tls, initiator): the node is an EAP client of the peer (RFC 7296 §2.16,
 * Ikev2Helper::AddEapClient): its first IKE_AUTH request has IDi (the EAP identity,
 * ID_RFC822_ADDR) and no AUTH, the peer signs with its certificate (made as for --auth=cert),
 * the node's EapPeer answers the peer's EAP Requests, and after EAP-Success both final AUTHs
 * are shared-key MICs keyed by the MSK (EAP-TLS) or by SK_pi and SK_pr (EAP-MD5, no MSK). With
 * EAP-TLS the node's certificate from the same CA is the TLS client certificate; an identity
 * without '@' is also its dNSName, so a peer that looks the certificate up by the EAP identity
 * (charon's eap-tls) finds it. The EapSuccess trace gives the MSK, written to summary.csv.
 * With --eapOnly the node asks for EAP-only authentication (RFC 5998, the daemon's
 * EapOnlyAuthentication); summary.csv says whether the peer granted it (eap_only).
 *
 * Scheduled: a CHILD_SA rekey by CREATE_CHILD_SA (--rekeyAt, Ikev2Daemon::RekeyChildren,
 * §1.3.3) and a DELETE (--deleteAt: of the IKE SA, or with --delete=child of the CHILD_SAs,
 * §1.4.1). After every CHILD_SA the node installs it sends the probes not sent yet, and one more
 * after each later one, so the new SAs carry ESP too.
 *
 * The run stops --linger after --children CHILD_SAs were installed (rekeys included), or after
 * the IKE SA is gone when a DELETE is scheduled. Finish() writes ikev2_decryption_table
 * (Ikev2KeyExport), esp_sa (IpsecKeyExport) and summary.csv.
 */
class Ikev2InteropRun
{
  public:
    /// The run's options.
    struct Settings
    {
        bool initiator{true};       ///< initiator or passive responder
        bool certificates{false};   ///< certificates instead of the pre-shared key
        std::string psk;            ///< the pre-shared key
        std::string credentialsDir; ///< where the peer's PEM files go (certificates, EAP)
        std::string eap;            ///< EAP method as EAP client: empty (none), md5 or tls
        std::string eapIdentity;    ///< the EAP identity
        std::string eapPassword;    ///< the EAP-MD5 password
        bool eapOnly{false};        ///< ask for EAP-only authentication (RFC 5998)
        Time retransmitTimeout;     ///< the daemon's first retransmission timeout
        Time start;                 ///< when the first probe goes (initiator)
        Time rekeyAt;               ///< when the node rekeys its CHILD_SAs (zero: never)
        Time deleteAt;              ///< when the node deletes (zero: never)
        bool deleteChildren{false}; ///< delete the CHILD_SAs, not the IKE SA
        uint32_t children{1};       ///< CHILD_SAs installed before the run ends
        Time linger;                ///< run time after the end
        std::string outputDir;      ///< where the files go
    };

    /// The common names of the certificates made with --auth=cert.
    static constexpr const char* CA_NAME = "cxtp interop CA";
    static constexpr const char* NODE_NAME = "cxtp interop model"; ///< the node's
    static constexpr const char* PEER_NAME = "cxtp interop peer";  ///< the peer's

    /**
     * \brief Installs and configures the daemon (makes the CA and writes the peer's
     * credentials with --auth=cert), connects the traces, schedules the probe, rekey, delete.
     * \param node the node
     * \param settings the options
     */
    Ikev2InteropRun(IkeInteropNode& node, const Settings& settings);
    /**
     * \brief Writes the files after the simulation.
     * \return true if the IKE SA was established (after EAP-Success with --eap), --children
     *         CHILD_SAs were installed and a scheduled DELETE was answered
     */
    bool Finish();

  private:
    /**
     * \brief Makes the CA and both certificates; the node's go into its credential store, the
     * peer's and the CA's into the credentials directory.
     * \return the CA certificate, the node's trust anchor
     */
    std::vector<uint8_t> MakeCredentials();
    /// Rekeys the CHILD_SAs (--rekeyAt).
    void Rekey();
    /// Deletes the IKE SA or the CHILD_SAs (--deleteAt).
    void Delete();
    /// Stops --linger from now.
    void End();
    /// Established trace sink.
    void Established(const Ipv6Address& peer, Time duration);
    /// StateTransition trace sink.
    void State(const Ipv6Address& peer, uint64_t spi, Ikev2State from, Ikev2State to);
    /// Message trace sink.
    void Message(bool sent,
                 const Ipv6Address& peer,
                 Ikev2ExchangeType exchange,
                 bool response,
                 uint32_t size);
    /// Installed trace sink.
    void Installed(const Ipv6Address& peer, uint32_t in, uint32_t out);
    /// EapSuccess trace sink.
    void EapSucceeded(const Ipv6Address& peer, uint64_t spi, const std::vector<uint8_t>& msk);
    /// Failure and Discard trace sink.
    void Failure(const std::string& kind, const Ipv6Address& peer, const std::string& why);

    IkeInteropNode& m_node;              ///< the node
    Settings m_settings;                 ///< the options
    Ptr<Ikev2Daemon> m_daemon;           ///< its IKE daemon
    Ptr<Ikev2KeyExport> m_ikeKeys;       ///< IKE SA keys
    Ptr<IpsecKeyExport> m_espKeys;       ///< installed ESP SAs
    bool m_established{false};           ///< the IKE SA was authenticated
    bool m_eapSucceeded{false};          ///< EAP ended with EAP-Success
    std::vector<uint8_t> m_msk;          ///< its MSK (empty for EAP-MD5)
    uint32_t m_installed{0};             ///< CHILD_SAs installed
    bool m_rekeyStarted{false};          ///< RekeyChildren was called on an established SA
    bool m_deleteStarted{false};         ///< Delete or DeleteChildren was called
    bool m_ikeSaDeleted{false};          ///< an IKE SA went to DELETED
    uint32_t m_createChildSa{0};         ///< CREATE_CHILD_SA exchanges answered or completed
    uint32_t m_informational{0};         ///< INFORMATIONAL exchanges answered or completed
    bool m_ended{false};                 ///< End() was called
    std::vector<std::string> m_failures; ///< the daemon's failures (discards: its count)
};

} // namespace ns3

#endif // IKEV2_INTEROP_RUN_H
