/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_TUNNEL_SCENARIO_H
#define IPSEC_TUNNEL_SCENARIO_H

#include "ipsec-helper.h"
#include "ipsec-key-export.h"

#include "ns3/application-container.h"
#include "ns3/ipsec-drop-reason.h"
#include "ns3/ipv6-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/udp-client.h"
#include "ns3/udp-server.h"

#include <string>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Builds the static ESP tunnel scenario: MN — SG — CN.
 *
 * \verbatim
 *   MN ============ SG ------------- CN
 *   fd00:11::100    fd00:11::1        fd00:1::2
 *        CSMA access link   p2p core link (SG: fd00:1::1)
 *   <---- ESP tunnel ---->  |
 *                           | p2p AAA link (Config::aaaServer; SG: fd00:5::1)
 *                          AAA fd00:5::2
 * \endverbatim
 *
 * MN and SG run IPsec: BYPASS for IKE (UDP 500), and a tunnel-mode ESP tunnel MN↔SG protecting
 * all other traffic of the MN, manually keyed. A UDP probe (UdpClient/UdpServer, SeqTs header)
 * runs every Interval in both directions between MN and CN. The helper holds no protocol logic:
 * it only assembles ns-3 and module objects.
 *
 * With Config::aaaServer a fourth node, bare of IPsec, hangs off the SG on its own link of
 * Config::aaaDelay, for an AAA server the SG reaches by RADIUS (AaaHelper); what runs there is
 * the caller's choice.
 */
class IpsecTunnelScenario
{
  public:
    /// Parameters of the scenario.
    struct Config
    {
        IpsecEncryption encryption{IpsecEncryption::AES_128_CBC}; ///< cipher of the tunnel
        IpsecIntegrity integrity{IpsecIntegrity::HMAC_SHA1_96};   ///< integrity of the tunnel
        Time probeInterval{MilliSeconds(50)};                     ///< probe period, each direction
        uint32_t probeSize{112};           ///< probe UDP payload (SeqTs header included)
        Time start{MilliSeconds(100)};     ///< first probe
        Time duration{Seconds(10)};        ///< probes stop at start + duration
        Time accessDelay{MicroSeconds(5)}; ///< one-way delay of the access link
        Time coreDelay{MilliSeconds(2)};   ///< one-way delay of the core link
        std::string accessRate{"100Mbps"}; ///< access link rate
        std::string coreRate{"100Mbps"};   ///< core link rate
        bool aaaServer{false};             ///< add the AAA node behind the SG
        Time aaaDelay{MilliSeconds(2)};    ///< one-way delay of the SG—AAA link
        bool manualKeys{true}; ///< install a manually keyed SA pair; if false, the PROTECT rules
                               ///< wait for a key manager (ACQUIRE)
    };

    /**
     * \brief Creates the nodes, links, stacks, IPsec, tunnel and probes.
     * \param config the parameters
     */
    explicit IpsecTunnelScenario(const Config& config);

    /**
     * \brief Writes pcap files prefix-<node>-<device>.pcap for every link.
     * \param prefix path prefix
     */
    void EnablePcap(const std::string& prefix) const;
    /**
     * \brief Fixes random streams (IVs and keys, ESP) from stream on.
     * \param stream first stream
     * \return streams used
     */
    int64_t AssignStreams(int64_t stream);

    /// \return the time at which the simulation should stop
    Time GetStopTime() const;
    /// \return the mobile node
    Ptr<Node> GetMn() const;
    /// \return the security gateway
    Ptr<Node> GetSg() const;
    /// \return the correspondent node
    Ptr<Node> GetCn() const;
    /// \return the AAA node (Config::aaaServer), else nullptr
    Ptr<Node> GetAaa() const;
    /// \return the AAA node's address (fd00:5::2)
    Ipv6Address GetAaaAddress() const;
    /// \return the SG's address on the AAA link (fd00:5::1), the AAA server's client
    Ipv6Address GetSgAaaAddress() const;
    /// \return the MN's address
    Ipv6Address GetMnAddress() const;
    /// \return the SG's access address
    Ipv6Address GetSgAddress() const;
    /// \return what the tunnel set-up created (policy ids, SPIs)
    const IpsecHelper::Tunnel& GetTunnel() const;
    /// \return the key recorder (for the esp_sa file)
    Ptr<IpsecKeyExport> GetKeyExport() const;

    /// \return probes sent MN → CN
    uint64_t GetUplinkSent() const;
    /// \return probes received at CN
    uint64_t GetUplinkReceived() const;
    /// \return probes sent CN → MN
    uint64_t GetDownlinkSent() const;
    /// \return probes received at the MN
    uint64_t GetDownlinkReceived() const;
    /**
     * \param node MN or SG
     * \param reason a drop reason
     * \return the drop count of the node's ESP data plane
     */
    static uint64_t GetDrops(Ptr<Node> node, IpsecDropReason reason);

  private:
    Config m_config;              ///< parameters
    NodeContainer m_nodes;        ///< MN, SG, CN and AAA (Config::aaaServer)
    NetDeviceContainer m_access;  ///< MN, SG on the access link
    NetDeviceContainer m_core;    ///< SG, CN on the core link
    NetDeviceContainer m_aaaLink; ///< SG, AAA on the AAA link (Config::aaaServer)
    IpsecHelper m_ipsec;          ///< IPsec installer
    IpsecHelper::Tunnel m_tunnel; ///< the tunnel
    Ptr<IpsecKeyExport> m_keys;   ///< key recorder
    Ptr<UdpClient> m_upClient;    ///< MN → CN probe source
    Ptr<UdpServer> m_upServer;    ///< probe sink at CN
    Ptr<UdpClient> m_downClient;  ///< CN → MN probe source
    Ptr<UdpServer> m_downServer;  ///< probe sink at MN
};

} // namespace ns3

#endif // IPSEC_TUNNEL_SCENARIO_H
