/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV1_INTEROP_RUN_H
#define IKEV1_INTEROP_RUN_H

#include "ike-interop-node.h"

#include "ns3/ikev1-daemon.h"
#include "ns3/ikev1-key-export.h"
#include "ns3/ipsec-key-export.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The IKEv1 run of cxtp-ipsec-ike-interop (--ike=1): an Ikev1Daemon on the node in the
 * documented configuration: pre-shared key, IPv6 address IDs, 3DES/SHA1/MODP-1024 phase 1,
 * INITIAL-CONTACT, no DPD vendor ID, quick mode for ESP 3DES/HMAC-SHA1-96 in tunnel mode with
 * PFS MODP-768 (RFC 2409).
 *
 * - initiator: the first probe's ACQUIRE starts main or aggressive mode, then quick mode;
 * - responder: the daemon is passive and answers the peer's phase 1 and quick mode.
 *
 * The run stops --linger after the SA pair is installed (initiator) or after its quick-mode
 * answer (responder). Finish() writes ikev1_decryption_table, esp_sa (Wireshark's UAT
 * formats), ikev1_quick_modes.csv (the keys of every quick mode the daemon reached, derived
 * from its state as the daemon does when it installs the pair, so that a quick mode the peer
 * never completed can be checked too) and summary.csv.
 */
class Ikev1InteropRun
{
  public:
    /// The run's options.
    struct Settings
    {
        bool initiator{true};  ///< initiator or passive responder
        std::string mode;      ///< main or aggressive (initiator)
        std::string psk;       ///< the pre-shared key
        Time retryInterval;    ///< the daemon's retransmission interval
        Time start;            ///< when the first probe goes (initiator)
        Time linger;           ///< run time after the end
        std::string outputDir; ///< where the files go
    };

    /**
     * \brief Installs and configures the daemon, connects the traces, schedules the probe.
     * \param node the node
     * \param settings the options
     */
    Ikev1InteropRun(IkeInteropNode& node, const Settings& settings);
    /**
     * \brief Writes the files after the simulation.
     * \return true if phase 1 completed and, as initiator, the SA pair was installed; as
     *         responder, the daemon answered a quick mode
     */
    bool Finish();

  private:
    /// The keys of one quick mode, as the daemon derives them for its SA pair.
    struct QuickModeKeys
    {
        Ikev1Role role{Ikev1Role::INITIATOR}; ///< our role in the quick mode
        Ikev1State state{Ikev1State::IDLE};   ///< its state when recorded
        uint32_t inboundSpi{0};               ///< our SPI
        uint32_t outboundSpi{0};              ///< the peer's SPI
        std::vector<uint8_t> inEnc;           ///< inbound encryption key
        std::vector<uint8_t> inInt;           ///< inbound integrity key
        std::vector<uint8_t> outEnc;          ///< outbound encryption key
        std::vector<uint8_t> outInt;          ///< outbound integrity key
    };

    /**
     * \brief Records the keys of a quick mode that reached QM_SENT_2 or ESTABLISHED.
     * \param messageId its M-ID
     */
    void RecordQuickMode(uint32_t messageId);
    /// Phase1Established trace sink.
    void Phase1(const Ipv6Address& peer, Time duration);
    /// StateTransition trace sink.
    void State(const Ipv6Address& peer, uint32_t messageId, Ikev1State from, Ikev1State to);
    /// Installed trace sink.
    void Installed(const Ipv6Address& peer, uint32_t in, uint32_t out);
    /// Failure trace sink.
    void Failure(const Ipv6Address& peer, const std::string& why);

    IkeInteropNode& m_node;                                       ///< the node
    Settings m_settings;                                          ///< the options
    Ptr<Ikev1Daemon> m_daemon;                                    ///< its IKE daemon
    Ptr<Ikev1KeyExport> m_ikeKeys;                                ///< ISAKMP SA keys
    Ptr<IpsecKeyExport> m_espKeys;                                ///< installed ESP SAs
    bool m_phase1{false};                                         ///< phase 1 completed
    bool m_installed{false};                                      ///< an SA pair was installed
    bool m_answered{false};                                       ///< we answered a quick mode
    std::vector<std::string> m_failures;                          ///< the daemon's failures
    std::map<std::pair<uint64_t, uint32_t>, QuickModeKeys> m_qms; ///< by (CKY-I, M-ID)
};

} // namespace ns3

#endif // IKEV1_INTEROP_RUN_H
