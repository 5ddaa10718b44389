/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup cxtp-ipsec-tests
 * A user's program built against an installed cxtp-ipsec (find_package(cxtp-ipsec)). It runs a
 * short manually keyed ESP tunnel and a crypto cost taken from the "testbed-2008" profile, found
 * by name in the installation, and checks the results.
 *
 * Usage: cxtp-ipsec-external-user PREFIX
 *   PREFIX the installation prefix, where the profile must have been found
 * Exits 0 when every check passes, 1 (with one line per failed check) otherwise.
 */

#include "ns3/core-module.h"
#include "ns3/cxtp-ipsec-module.h"

#include <iostream>
#include <string>

using namespace ns3;

namespace
{

int g_failures = 0; ///< checks failed

/**
 * \param ok the check's outcome
 * \param what what was checked, printed if it failed
 */
void
Check(bool ok, const std::string& what)
{
    if (!ok)
    {
        std::cerr << "cxtp-ipsec-external-user: FAIL: " << what << std::endl;
        ++g_failures;
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    if (argc != 2)
    {
        std::cerr << "usage: cxtp-ipsec-external-user PREFIX" << std::endl;
        return 2;
    }
    const std::string prefix = argv[1];

    // The profile, by name, must come from the installation's data folder.
    Ptr<CryptoCostModel> cost = CreateObject<CryptoCostModel>();
    cost->SetAttribute("Profile", StringValue("testbed-2008"));
    const std::string path = cost->GetProfile().GetPath();
    const std::string expected = "/share/cxtp-ipsec/profiles/testbed-2008.ini";
    Check(path.compare(0, prefix.size(), prefix) == 0 && path.size() > expected.size() &&
              path.compare(path.size() - expected.size(), expected.size(), expected) == 0,
          "profile testbed-2008 read from " + path + ", not from " + prefix + expected);

    // A key generation charged by the model ends when testbed-2008.ini says (8.5 ms).
    Time keyReady;
    Simulator::Schedule(cost->DhKeyGeneration(CryptoDhGroup::MODP_1024),
                        [&keyReady]() { keyReady = Simulator::Now(); });

    // ESP tunnel MN <-> SG: every probe goes through, encrypted and decrypted by the library.
    IpsecTunnelScenario::Config config;
    config.duration = Seconds(1);
    IpsecTunnelScenario scenario(config);
    scenario.AssignStreams(1);
    Simulator::Stop(scenario.GetStopTime());
    Simulator::Run();

    Check(keyReady == MicroSeconds(8500),
          "MODP-1024 key generation ready at " + std::to_string(keyReady.GetMicroSeconds()) +
              " us, not 8500 us");
    Check(scenario.GetUplinkSent() >= 10,
          "uplink probes sent: " + std::to_string(scenario.GetUplinkSent()));
    Check(scenario.GetUplinkReceived() == scenario.GetUplinkSent(),
          "uplink probes received: " + std::to_string(scenario.GetUplinkReceived()) + " of " +
              std::to_string(scenario.GetUplinkSent()));
    Check(scenario.GetDownlinkReceived() == scenario.GetDownlinkSent() &&
              scenario.GetDownlinkSent() >= 10,
          "downlink probes received: " + std::to_string(scenario.GetDownlinkReceived()) + " of " +
              std::to_string(scenario.GetDownlinkSent()));
    Simulator::Destroy();

    if (g_failures == 0)
    {
        std::cout << "cxtp-ipsec-external-user: OK (profile " << path << ", "
                  << scenario.GetUplinkReceived() << "+" << scenario.GetDownlinkReceived()
                  << " probes through the ESP tunnel)" << std::endl;
    }
    return g_failures == 0 ? 0 : 1;
}
