/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
/**
 * \file
 * \ingroup cxtp-ipsec
 * cxtp-ipsec-context-transfer: IPsec context transfer with CXTP (RFC 4067) in the reference
 * topology (doc/mipv6-handover.rst), security method "ikev1-ct": IKEv1 main mode at the first
 * attachment, then, after each move, the previous security gateway (pSG) hands the MN's SAs,
 * policies and PAD entry to the new one (nSG), predictively (pushed on the old access router's
 * handover hint) or reactively (requested by nSG after the MN's CTAR).
 *
 * \verbatim
   CN fd00:1::2 --p2p-- R --p2p-- HA fd00:2::2  (home prefix fd00:100::/64, HoA fd00:100::10)
                        |  \
                       AR1  AR2        (pSG / nSG; CXTP between them in ESP transport mode)
                   csma |     | csma
                        MN ---+        (CTAR over UDP 5091 or ICMPv6 type 150)
   \endverbatim
 *
 * Faults: --dropCtd=N drops the first N CTD/PCTD that reach a gateway over the core (the
 * sender retransmits); --psgDown takes pSG's core link down before the first move (the transfer
 * fails and the MN falls back to IKEv1). Prints, for each handover, the path taken, the MN's
 * signalling on the access link, the CXTP bytes on the core and the security set-up delay;
 * writes handovers.csv, summary.csv, esp_sa (Wireshark ESP SA table, the SAs nSG installed by
 transfer
 * included), ikev1_decryption_table and, with --pcap, the captures into --outputDir. Node
 * numbers in pcap names: 0 CN, 1 R, 2 HA, 3 AR1, 4 AR2, 5 MN.
 */

#include "program/handover-scenario-options.h"

#include "ns3/core-module.h"
#include "ns3/cxtp-ipsec-module.h"
#include "ns3/error-model.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/ppp-header.h"
#include "ns3/udp-header.h"

#include <fstream>
#include <iostream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("CxtpContextTransferExample");

namespace
{
/**
 * Drops the first N CTD/PCTD a gateway receives on its core link. Between gateways, the only
 * CXTP messages that travel towards nSG are CTD and PCTD; inside ESP they are recognised by the
 * SPI of the gateway-gateway SAs (which carry nothing else), in clear by their CXTP type.
 */
class DropFirstContextData : public ErrorModel
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::CxtpExampleDropFirstContextData")
                                .SetParent<ErrorModel>()
                                .AddConstructor<DropFirstContextData>();
        return tid;
    }

    /**
     * \param budget shared count of messages still to drop
     * \param spis SPIs of the gateway-gateway ESP SAs
     */
    void Configure(std::shared_ptr<uint32_t> budget, const std::set<uint32_t>& spis)
    {
        m_budget = budget;
        m_spis = spis;
    }

  private:
    bool DoCorrupt(Ptr<Packet> p) override
    {
        if (!m_budget || *m_budget == 0)
        {
            return false;
        }
        Ptr<Packet> copy = p->Copy();
        PppHeader ppp;
        Ipv6Header ip;
        if (copy->GetSize() < 2 + 40 + 8 || !copy->RemoveHeader(ppp) ||
            ppp.GetProtocol() != 0x0057 || !copy->RemoveHeader(ip))
        {
            return false;
        }
        bool data = false;
        if (ip.GetNextHeader() == 50)
        {
            uint8_t spi[4];
            copy->CopyData(spi, 4);
            data = m_spis.count(WireReadU32(spi)) != 0;
        }
        else if (ip.GetNextHeader() == 17)
        {
            UdpHeader udp;
            copy->RemoveHeader(udp);
            uint8_t type = 0;
            uint16_t length = 0;
            data = udp.GetDestinationPort() == 5091 && CxtpHeader::PeekType(copy, type, length) &&
                   (type == CxtpHeader::CTD || type == CxtpHeader::PCTD);
        }
        if (!data)
        {
            return false;
        }
        --*m_budget;
        NS_LOG_INFO("dropping a CTD/PCTD at " << Simulator::Now().As(Time::MS));
        return true;
    }

    void DoReset() override
    {
    }

    std::shared_ptr<uint32_t> m_budget; ///< messages still to drop
    std::set<uint32_t> m_spis;          ///< gateway-gateway SPIs
};

/// \return the point-to-point device of a node (its core link)
Ptr<PointToPointNetDevice>
CoreDevice(Ptr<Node> node)
{
    for (uint32_t i = 0; i < node->GetNDevices(); ++i)
    {
        if (auto p2p = DynamicCast<PointToPointNetDevice>(node->GetDevice(i)))
        {
            return p2p;
        }
    }
    return nullptr;
}
} // namespace

int
main(int argc, char* argv[])
{
    namespace po = boost::program_options;
    CxtpProgramOptions options(
        "cxtp-ipsec-context-transfer",
        "IPsec context transfer (CXTP, RFC 4067) between the security gateways of a Mobile IPv6 "
        "handover: IKEv1 at the first attachment, then the previous gateway hands the MN's SAs "
        "to the new one after each move. Prints each handover's path, signalling and delay; "
        "writes handovers.csv, summary.csv, esp_sa, ikev1_decryption_table and pcaps into "
        "--outputDir.");
    HandoverScenarioOptions::Add(options, "ikev1-ct");
    // clang-format off
    options.Add().add_options()
        ("dropCtd", po::value<uint32_t>()->default_value(0),
         "drop the first N CTD/PCTD on the core (the sender retransmits)")
        ("psgDown", po::value<bool>()->default_value(false),
         "take pSG's core link down before the first move (0 or 1): fallback to IKEv1");
    // clang-format on
    options.AddRunOptions("context-transfer-output", "the CSVs, the key files and the pcaps");
    po::variables_map vm = options.Parse(argc, argv);
    Mipv6HandoverScenario::Config config = HandoverScenarioOptions::Read(options, vm, "ikev1-ct");
    uint32_t dropCtd = vm["dropCtd"].as<uint32_t>();
    bool psgDown = vm["psgDown"].as<bool>();
    std::string outputDir = options.PrepareRun(vm);
    uint64_t run = vm["run"].as<uint64_t>();
    options.BindGlobalDefault("ChecksumEnabled", BooleanValue(true)); // clean captures

    Mipv6HandoverScenario scenario(config);
    scenario.AssignStreams(0);
    Ptr<HandoverSecurityCt> ct = DynamicCast<HandoverSecurityCt>(scenario.GetSecurityMethod());
    NS_ABORT_MSG_IF(!ct, "method ikev1-ct expected");

    // Keys: every ESP SA of every node (the gateway-gateway SAs and those nSG installs by
    // transfer included) and every ISAKMP SA.
    HandoverKeyExport keys;
    keys.Watch(scenario);

    auto budget = std::make_shared<uint32_t>(dropCtd);
    if (dropCtd > 0)
    {
        for (uint32_t link = 0; link < 2; ++link)
        {
            Ptr<DropFirstContextData> drop = CreateObject<DropFirstContextData>();
            drop->Configure(budget, ct->GetSignallingSpis());
            CoreDevice(scenario.GetAccessRouter(link))
                ->SetAttribute("ReceiveErrorModel", PointerValue(drop));
        }
    }
    if (psgDown)
    {
        // Before the hint of the first move (the move comes at handoverAt + a phase < 50 ms).
        Ptr<Ipv6L3Protocol> psg = scenario.GetAccessRouter(0)->GetObject<Ipv6L3Protocol>();
        uint32_t coreIf = psg->GetInterfaceForDevice(CoreDevice(scenario.GetAccessRouter(0)));
        Simulator::Schedule(config.handoverAt - config.hintLead - MilliSeconds(10),
                            [psg, coreIf]() { psg->SetDown(coreIf); });
    }
    if (vm["pcap"].as<bool>())
    {
        scenario.EnablePcap(outputDir + "/context-transfer");
    }
    SimulationProgress progress; // on a terminal only
    progress.Start("cxtp-ipsec-context-transfer", config.stop);
    scenario.Run();
    progress.Finish();
    std::vector<Mipv6HandoverScenario::Result> results = scenario.GetResults();

    auto ms = [](Time t) { return t.As(Time::MS); };
    StringValue mode;
    StringValue transport;
    scenario.GetSecurityMethod()->GetAttribute("Mode", mode);
    scenario.GetSecurityMethod()->GetAttribute("Transport", transport);
    std::cout << "Context transfer (ikev1-ct), mode " << mode.Get() << ", CTAR over "
              << transport.Get() << ", DAD " << Mipv6MobileNode::ToString(config.dad)
              << (psgDown ? ", pSG down" : "")
              << (dropCtd ? ", first " + std::to_string(dropCtd) + " CTD/PCTD dropped" : "")
              << "\n";
    bool complete = results.size() == config.handovers;
    for (const auto& r : results)
    {
        std::cout << "handover " << r.index << " (link " << (r.index % 2 + 1) << " -> link "
                  << ((r.index + 1) % 2 + 1) << ") at " << r.tDetach.As(Time::S) << ": path "
                  << r.path << "\n"
                  << "  MN signalling on the access link: " << r.messages << " messages, "
                  << r.bytes << " bytes (Ethernet II, no FCS)\n"
                  << "  CXTP between the gateways: " << r.coreBytes << " bytes (IPv6, in ESP)\n";
        if (r.complete)
        {
            std::cout << "  security set-up delay (t_sec - CoA formed): " << ms(r.SecurityDelay())
                      << "\n";
        }
        else
        {
            std::cout << "  incomplete: some instants were not observed\n";
            complete = false;
        }
        std::cout << "  probes lost: " << r.lostDown << " CN->HoA, " << r.lostUp << " HoA->CN\n";
    }

    HandoverReport report(scenario,
                          config,
                          {"cxtp-ipsec-context-transfer", vm["seed"].as<uint32_t>(), run});
    report.WriteHandovers(outputDir + "/handovers.csv");
    report.WriteSummary(outputDir + "/summary.csv");
    report.Print(std::cout);
    std::string warning = report.GetFallbackWarning();
    if (!warning.empty() && !psgDown)
    {
        std::cerr << "cxtp-ipsec-context-transfer: " << warning << std::endl;
    }
    std::cout << "Wrote " << outputDir << "/handovers.csv, summary.csv";
    for (const std::string& file : keys.Write(outputDir))
    {
        std::cout << ", " << file;
    }
    std::cout << (vm["pcap"].as<bool>() ? " and context-transfer-*.pcap" : "") << std::endl;
    Simulator::Destroy();
    return complete && report.IsComplete() ? 0 : 1;
}
