/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKE_INTEROP_NODE_H
#define IKE_INTEROP_NODE_H

#include "ns3/ipsec-algorithm.h"
#include "ns3/ipv6-address.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/socket.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

class FdNetDevice;

/**
 * \ingroup cxtp-ipsec
 * \brief The ns-3 side of cxtp-ipsec-ike-interop, shared by its IKEv1 and IKEv2 runs: one node
 * on the file descriptor of an existing Linux tap (FdNetDevice, DIX), in real time, with the
 * module's IPsec stack (IpsecHelper), IKE (UDP 500) bypassed, and a tunnel-mode PROTECT pair
 * for everything between the node's address and any other, tunnel endpoints the node and the
 * peer (RFC 4301 §4.4.1). A packet without SA is held until the IKE daemon installs one
 * (IpsecEspL4Protocol::HOLD), so the first UDP probe's ACQUIRE starts an initiator.
 *
 * The node sends UDP probes to the peer ("cxtp-ipsec interop probe N", what the strongSwan
 * check looks for in the decrypted ESP) and counts the ESP packets it sends.
 */
class IkeInteropNode
{
  public:
    /// What the node is made of (the program's options).
    struct Config
    {
        int tapFd{-1};                                          ///< the tap's descriptor
        std::string mac;                                        ///< the device's MAC
        Ipv6Address local;                                      ///< the node's address (/64)
        Ipv6Address peer;                                       ///< the peer's address
        IpsecEncryption encryption{IpsecEncryption::TDES_CBC};  ///< the rule's cipher
        IpsecIntegrity integrity{IpsecIntegrity::HMAC_SHA1_96}; ///< the rule's integrity
        uint16_t probePort{5001};                               ///< probe destination port
        uint32_t probes{3};                                     ///< probes after the first SA
        std::string pcapPrefix;                                 ///< pcap of the device
    };

    /**
     * \brief Attaches to an existing tap interface (IFF_TAP | IFF_NO_PI: Ethernet frames, no
     * packet information header).
     * \param name the interface name
     * \param [out] error why it failed
     * \return the file descriptor, or -1
     */
    static int OpenTap(const std::string& name, std::string& error);
    /**
     * \brief Sets real time (RealtimeSimulatorImpl), checksums (the Linux peer checks them) and
     * no DAD on the ns-3 side; call before any object is made.
     */
    static void ConfigureRealTime();
    /// \return bytes as lower-case hex
    static std::string Hex(const std::vector<uint8_t>& bytes);
    /**
     * \brief Writes summary.csv (metric,value) and prints each row.
     * \param path the file
     * \param rows the metrics and values, in order
     */
    static void WriteSummary(const std::string& path,
                             const std::vector<std::pair<std::string, std::string>>& rows);

    /**
     * \brief Builds the node: device, IPv6, IPsec, IKE bypass, PROTECT pair, probe socket and
     * pcap. The IKE daemon is the caller's.
     * \param config the configuration
     */
    explicit IkeInteropNode(const Config& config);

    /// \return the node
    Ptr<Node> GetNode() const;
    /// \return the peer's address
    Ipv6Address GetPeer() const;
    /// Sends one UDP probe to the peer.
    void SendProbe();
    /// Sends the probes not sent yet (Config::probes in all).
    void SendRemainingProbes();
    /// \return probes sent so far
    uint32_t GetProbesSent() const;
    /// \return ESP packets the node sent
    uint32_t GetEspSent() const;
    /// \return the SAD entries now
    uint32_t GetSadEntries() const;

  private:
    /// ESP Tx trace sink.
    void EspSent(Ptr<const Packet> packet, uint32_t spi, uint64_t sequence);

    Config m_config;       ///< the configuration
    Ptr<Node> m_node;      ///< the node
    Ptr<Socket> m_probe;   ///< the UDP probe socket
    uint32_t m_sent{0};    ///< probes sent
    uint32_t m_espSent{0}; ///< ESP packets sent
};

} // namespace ns3

#endif // IKE_INTEROP_NODE_H
