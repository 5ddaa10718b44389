/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MIPV6_HANDOVER_SCENARIO_H
#define MIPV6_HANDOVER_SCENARIO_H

#include "handover-security-method.h"
#include "signalling-monitor.h"

#include "ns3/application.h"
#include "ns3/ipv6-address.h"
#include "ns3/mipv6-home-agent.h"
#include "ns3/mipv6-mobile-node.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/random-variable-stream.h"
#include "ns3/udp-server.h"

#include <set>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The reference topology (doc/mipv6-handover.rst) with Mobile IPv6 and Layer-2 handovers,
 * probed by UDP in both directions between CN and the home address.
 *
 * \verbatim
   CN fd00:1::2 --p2p-- R --p2p-- HA fd00:2::2 (home fd00:100::/64, HoA fd00:100::10)
                        | \
                     p2p   p2p
                        |    \
          AR1 fd00:3::2      AR2 fd00:4::2
     csma fd00:11::/64       csma fd00:12::/64      (Radvd, SLAAC)
                   \          /
                    MN dev1   dev2   (dev2 down until the handover)
   \endverbatim
 *
 * The access routers are the security gateways of the IPsec methods; with method "none" nothing is
 * protected. Probes: UdpClient/UdpServer (SeqTsHeader), CN → HoA from ProbeStart and HoA → CN half
 * an interval later. The scenario records the timeline of each handover (MN traces) and the probes
 * received, and derives one Result per handover. Config::handovers moves the MN to link 2, back to
 * link 1, and so on, every Config::handoverPeriod. The probes of handover k are counted in the
 * window from the end of the previous outage (the first registration, or the later of the BA and
 * t_sec of handover k-1) to the next detach (or the end of the probes), so a lost probe counts for
 * one handover only; the windows still share the steady period between an outage's end and the next
 * detach. ICMPv6 SolicitationJitter is set to 0 on every node ("Router Solicitations after SetDown"
 * in doc/mipv6-handover.rst): ns-3's default U[0, 10] ms delay of each Neighbor Solicitation would
 * otherwise add up to 10 ms to each BA (address resolution at the access router). The security
 * method is chosen by name (Config::method, HandoverSecurityMethod::Create).
 */
class Mipv6HandoverScenario
{
  public:
    /// Parameters.
    struct Config
    {
        // The four below set the method's attribute of that name where the method has it; empty
        // leaves the attribute as it stands (its default, or what the user set with
        // Config::SetDefault), so that the scenario never overrides a user's setting.
        std::string profile;             ///< "Profile": cost profile (a name or an INI path)
        std::string method{"none"};      ///< security method (HandoverSecurityMethod::GetNames)
        std::string ctMode;              ///< "Mode" of ikev1-ct: HandoverSecurityCt::Mode
        std::string ctTransport;         ///< "Transport" of ikev1-ct: HandoverSecurityCt::Transport
        std::string ikeAuth;             ///< "Auth" of ikev2: HandoverSecurityIkev2::Auth
        Time handoverAt{Seconds(2)};     ///< L2 detach instant of the first handover
        uint32_t handovers{1};           ///< handovers, alternately to link 2 and back to link 1
        Time handoverPeriod{Seconds(2)}; ///< time between two handovers
        bool randomPhase{true};  ///< add U[0, probeInterval) to each handover instant (seeded), so
                                 ///< that the probe-based estimate is unbiased over runs
        Time stop{Seconds(4.5)}; ///< end of the simulation
        Time raMin{MilliSeconds(30)}; ///< MinRtrAdvInterval (RFC 6275 §7.5)
        Time raMax{MilliSeconds(70)}; ///< MaxRtrAdvInterval
        Mipv6MobileNode::DadMode dad{Mipv6MobileNode::DAD_ON}; ///< DAD mode of the MN
        Time l2Delay{Seconds(0)};                              ///< L2 handover delay
        Time hintLead{MilliSeconds(50)};   ///< the old access router's link-layer hint of a move
                                           ///< (HandoverSecurityMethod::HandoverHint) precedes the
                                           ///< detach by this much
        Time coreDelay{MilliSeconds(2)};   ///< one-way delay of every p2p link
        Time aaaDelay{MilliSeconds(2)};    ///< one-way delay of the core router—AAA server link
        Time accessDelay{MicroSeconds(5)}; ///< one-way delay of the CSMA access links
        std::string coreRate{"100Mbps"};   ///< p2p rate
        std::string accessRate{"100Mbps"}; ///< CSMA rate
        Time probeInterval{MilliSeconds(50)}; ///< probe period, each direction
        Time probeStart{MilliSeconds(100)};   ///< first downlink probe
        uint32_t probeSize{112};              ///< UDP payload, SeqTs header included
    };

    /// What one handover gave.
    struct Result
    {
        uint32_t index{0};         ///< handover number, from 0
        bool complete{false};      ///< every instant below was observed
        Time handoverAt;           ///< scheduled detach instant
        Time tInitialMip;          ///< first registration acknowledged (before any handover)
        Time tDetach;              ///< L2 detach
        Time tAttach;              ///< L2 attach
        Time tCoaFormed;           ///< new CoA formed by SLAAC
        Time tCoa;                 ///< new CoA usable
        Time tMip;                 ///< BA for the new CoA received
        Time alpha;                ///< tMip - tAttach (MIPv6 handover delay)
        uint32_t lostDownSetup{0}; ///< downlink probes sent in [tCoa, tSec) and lost
        uint32_t lostUpSetup{0};   ///< uplink, same
        std::string path;          ///< the path the security method took (GetLastPath)
        uint32_t messages{0};      ///< security signalling frames on the MN's access links, from
                                   ///< tAttach to the next detach (or the end)
        uint64_t bytes{0};         ///< their bytes (Ethernet II header, no FCS)
        uint64_t coreBytes{0};     ///< security signalling in the core (IPv6 packets, ESP
                                   ///< included): CXTP between the gateways, RADIUS between a
                                   ///< gateway and the AAA server; from the hint (tDetach -
                                   ///< hintLead) to the next hint
        uint32_t coreMessages{0};  ///< those messages
        Time tSec;                 ///< security re-established (the method's Ready; = tCoa for
                                   ///< "none" and "manual")

        /// \return the security set-up delay, tSec - tCoaFormed (doc/mipv6-handover.rst, Timeline:
        /// from the instant the CoA exists; a method that must wait for DAD pays the wait)
        Time SecurityDelay() const
        {
            return tSec - tCoaFormed;
        }

        Ipv6Address coa; ///< the new care-of address
        uint32_t sentDown{
            0}; ///< downlink probes sent from the previous registration to the next detach
        uint32_t sentUp{0};             ///< uplink, same
        uint32_t lostDown{0};           ///< of which lost
        uint32_t lostUp{0};             ///< of which lost
        uint32_t receivedDownBefore{0}; ///< downlink probes sent before tDetach and received
        uint32_t receivedDownAfter{0};  ///< sent after tMip and received
        uint32_t receivedUpBefore{0};   ///< uplink, same
        uint32_t receivedUpAfter{0};    ///< uplink, same
        Time lastDownBefore; ///< send time of the last downlink probe received before the gap
        Time firstDownAfter; ///< send time of the first one received after it
        Time lastUpBefore;   ///< uplink, same
        Time firstUpAfter;   ///< uplink, same
    };

    /**
     * \param config the parameters
     */
    explicit Mipv6HandoverScenario(const Config& config);

    /**
     * \param stream first stream index
     * \return streams used
     */
    int64_t AssignStreams(int64_t stream);
    /**
     * \param prefix path prefix of the pcap files
     */
    void EnablePcap(const std::string& prefix) const;
    /// Run the simulation to Config::stop (does not call Simulator::Destroy).
    void Run();
    /// \return the result of every handover (after Run)
    std::vector<Result> GetResults() const;
    /**
     * \param i a handover number
     * \return the result of handover \p i (after Run), empty if it did not happen
     */
    Result GetResult(uint32_t i = 0) const;
    /// \return the mobile node agent
    Ptr<Mipv6MobileNode> GetMobileNode() const;
    /// \return the home agent
    Ptr<Mipv6HomeAgent> GetHomeAgent() const;
    /// \return the security method
    Ptr<HandoverSecurityMethod> GetSecurityMethod() const;
    /**
     * \param link 0 or 1
     * \return the access router (security gateway) of that link
     */
    Ptr<Node> GetAccessRouter(uint32_t link) const;

    /**
     * \param i a handover number
     * \return the actual instant of handover \p i (after Run)
     */
    Time GetHandoverTime(uint32_t i = 0) const;

    /**
     * Probes of both directions sent in [from, to), and how many of them were never received
     * (after Run). The windows of Result overlap (from the previous outage's end to the next
     * detach);
     * disjoint intervals here give disjoint counts, e.g. for a loss ratio over a whole run.
     * \param from first send instant counted (not zero)
     * \param to first send instant not counted (clamped to the end of the probes)
     * \param [out] sent probes sent
     * \param [out] lost of which lost
     */
    void GetProbeLoss(Time from, Time to, uint32_t& sent, uint32_t& lost) const;

  private:
    /// Build nodes, links, stacks, routes, Radvd, agents and probes.
    void Build();
    /**
     * \param r the handover
     * \param windowStart probes sent before are not counted
     * \param windowEnd probes sent from here on are not counted
     * \param received the sequence numbers received
     * \param start send time of sequence 0
     * \param [out] sent probes sent in the window
     * \param [out] lost of which lost
     * \param [out] before received, sent before tDetach
     * \param [out] after received, sent at or after tMip
     * \param [out] lastBefore last received before the gap (send time)
     * \param [out] firstAfter first received after it (send time)
     */
    void CountProbes(const Result& r,
                     Time windowStart,
                     Time windowEnd,
                     const std::set<uint32_t>& received,
                     Time start,
                     uint32_t& sent,
                     uint32_t& lost,
                     uint32_t& before,
                     uint32_t& after,
                     Time& lastBefore,
                     Time& firstAfter) const;

    /// \return the send time of uplink probe 0
    Time UplinkStart() const;

    Config m_config;                        ///< parameters
    std::vector<uint32_t> m_mnInterfaces;   ///< MN access interfaces (link 1, link 2)
    Ptr<UniformRandomVariable> m_phase;     ///< random handover phase
    std::vector<Time> m_handoverTimes;      ///< actual handover instants
    NodeContainer m_nodes;                  ///< cn, r, ha, ar1, ar2, mn
    NetDeviceContainer m_p2pDevices;        ///< all p2p devices
    NetDeviceContainer m_csmaDevices;       ///< access and home link devices
    Ptr<Mipv6MobileNode> m_mn;              ///< MN agent
    Ptr<Mipv6HomeAgent> m_ha;               ///< home agent
    std::vector<Ptr<Application>> m_apps;   ///< radvd, probes
    Ptr<UdpServer> m_downServer;            ///< on the MN
    Ptr<UdpServer> m_upServer;              ///< on the CN
    std::set<uint32_t> m_downReceived;      ///< downlink sequence numbers received
    std::set<uint32_t> m_upReceived;        ///< uplink sequence numbers received
    std::vector<Result> m_results;          ///< timelines being recorded
    Time m_initialMip;                      ///< first registration acknowledged
    Ptr<HandoverSecurityMethod> m_security; ///< the security re-establishment method
    Ptr<SignallingMonitor> m_monitor;       ///< security signalling on the access links
};

} // namespace ns3

#endif // MIPV6_HANDOVER_SCENARIO_H
