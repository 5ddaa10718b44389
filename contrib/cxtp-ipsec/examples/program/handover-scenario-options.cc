/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "handover-scenario-options.h"

#include "ns3/config.h"
#include "ns3/crypto-cost-profile.h"
#include "ns3/double.h"
#include "ns3/handover-security-method.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

namespace po = boost::program_options;

void
HandoverScenarioOptions::Add(CxtpProgramOptions& options, const std::string& method)
{
    auto add = options.Add().add_options();
    if (method.empty())
    {
        add("method",
            po::value<std::string>()->default_value("ikev1-main"),
            ("security re-establishment method: " + HandoverSecurityMethod::GetNameList()).c_str());
    }
    // clang-format off
    add("ctMode", po::value<std::string>()->default_value("predictive"),
        "context transfer mode of method ikev1-ct: predictive (pSG pushes on the handover hint, "
        "RFC 4067 §5.1) or reactive (nSG asks pSG after the CTAR, §5.3)")
       ("ctTransport", po::value<std::string>()->default_value("udp"),
        "how the MN's CTAR travels (ikev1-ct): udp (port 5091) or icmpv6 (type 150, subtype 1)")
       ("ikeAuth", po::value<std::string>()->default_value("psk"),
        "authentication of method ikev2: psk (pre-shared keys) or cert (RSA signatures with "
        "X.509 certificates of a CA made at run time); the ikev2-eap-* methods authenticate "
        "the gateways by certificate (RFC 7296 2.16)")
       ("handovers", po::value<uint32_t>()->default_value(10),
        "number of handovers (>= 1), alternately to link 2 and back to link 1")
       ("handoverRate", po::value<double>(),
        "handovers per minute (> 0): one every 60/rate s (instead of --handoverPeriod)")
       ("handoverAt", po::value<std::string>()->default_value("3s"), "first handover")
       ("handoverPeriod", po::value<std::string>()->default_value("4s"),
        "time between handovers")
       ("probeInterval", po::value<std::string>()->default_value("50ms"),
        "UDP probe period, each direction")
       ("profile", po::value<std::string>()->default_value("testbed-2008"),
        "cost profile: zero, testbed-2008, host, or an INI path")
       ("accessDelay", po::value<std::string>()->default_value("5us"),
        "one-way delay of the access links")
       ("coreDelay", po::value<std::string>()->default_value("2ms"),
        "one-way delay of the core links")
       ("aaaDelay", po::value<std::string>()->default_value("2ms"),
        "one-way delay of the link from the core router to the AAA server (ikev2-eap-*)")
       ("l2Delay", po::value<std::string>()->default_value("0s"),
        "layer-2 handover: time between link 1 down and link 2 up")
       ("dad", po::value<std::string>()->default_value("on"),
        "DAD of the care-of address: on, off or optimistic")
       ("raInterval", po::value<std::string>()->default_value("30ms,70ms"),
        "MinRtrAdvInterval,MaxRtrAdvInterval of the access routers")
       ("spiCollision", po::value<double>()->default_value(0.0),
        "probability (0..1) that nSG finds a transferred SPI in use (ikev1-ct: UPDATE_SPI; "
        "ns3::CxtpAgent::SpiCollisionProbability)")
       ("pcap", po::value<bool>()->default_value(false), "write pcap files (0 or 1)");
    // clang-format on
}

Mipv6HandoverScenario::Config
HandoverScenarioOptions::Read(const CxtpProgramOptions& options,
                              const po::variables_map& vm,
                              const std::string& method)
{
    Mipv6HandoverScenario::Config config;
    config.method = method.empty() ? vm["method"].as<std::string>() : method;
    auto names = HandoverSecurityMethod::GetNames();
    if (std::find(names.begin(), names.end(), config.method) == names.end())
    {
        options.Fail("--method: unknown method '" + config.method + "' (" +
                     HandoverSecurityMethod::GetNameList() + ")");
    }
    config.ctMode = options.GetAttributeOption(vm, "ctMode", "Mode");
    if (!config.ctMode.empty() && config.ctMode != "predictive" && config.ctMode != "reactive")
    {
        options.Fail("--ctMode: must be predictive or reactive, not '" + config.ctMode + "'");
    }
    config.ctTransport = options.GetAttributeOption(vm, "ctTransport", "Transport");
    if (!config.ctTransport.empty() && config.ctTransport != "udp" &&
        config.ctTransport != "icmpv6")
    {
        options.Fail("--ctTransport: must be udp or icmpv6, not '" + config.ctTransport + "'");
    }
    if (config.method != "ikev1-ct")
    {
        config.ctMode.clear(); // other methods have no such attribute to set
        config.ctTransport.clear();
    }
    if (!vm["ikeAuth"].defaulted() && config.method != "ikev2")
    {
        options.Fail("--ikeAuth applies to --method=ikev2 only");
    }
    config.ikeAuth = config.method == "ikev2" ? options.GetAttributeOption(vm, "ikeAuth", "Auth")
                                              : std::string();
    if (!config.ikeAuth.empty() && config.ikeAuth != "psk" && config.ikeAuth != "cert")
    {
        options.Fail("--ikeAuth: must be psk or cert, not '" + config.ikeAuth + "'");
    }
    std::string profile = options.GetAttributeOption(vm, "profile", "Profile");
    if (!profile.empty())
    {
        CryptoCostProfile loaded;
        std::string error;
        config.profile = CryptoCostProfile::Resolve(profile);
        if (!CryptoCostProfile::Load(config.profile, loaded, error))
        {
            options.Fail("--profile: " + error);
        }
    }

    config.handovers = vm["handovers"].as<uint32_t>();
    if (config.handovers == 0)
    {
        options.Fail("--handovers must be at least 1");
    }
    config.handoverAt = options.GetTime("handoverAt", vm["handoverAt"].as<std::string>());
    if (config.handoverAt <= config.hintLead + MilliSeconds(100))
    {
        options.Fail("--handoverAt must leave time for the first attachment (> 150ms)");
    }
    config.handoverPeriod =
        options.GetTime("handoverPeriod", vm["handoverPeriod"].as<std::string>());
    if (vm.count("handoverRate"))
    {
        if (!vm["handoverPeriod"].defaulted())
        {
            options.Fail("--handoverRate and --handoverPeriod both given: keep one of the two");
        }
        double rate = vm["handoverRate"].as<double>();
        if (!(rate > 0) || !std::isfinite(rate))
        {
            options.Fail("--handoverRate must be a positive number of handovers per minute");
        }
        config.handoverPeriod = Seconds(60.0 / rate);
    }
    config.randomPhase = true;
    config.probeInterval = options.GetTime("probeInterval", vm["probeInterval"].as<std::string>());
    if (config.handovers > 1 && config.handoverPeriod <= config.probeInterval)
    {
        options.Fail("the time between handovers must exceed --probeInterval");
    }
    config.accessDelay = options.GetTime("accessDelay", vm["accessDelay"].as<std::string>(), true);
    config.coreDelay = options.GetTime("coreDelay", vm["coreDelay"].as<std::string>(), true);
    config.aaaDelay = options.GetTime("aaaDelay", vm["aaaDelay"].as<std::string>(), true);
    config.l2Delay = options.GetTime("l2Delay", vm["l2Delay"].as<std::string>(), true);
    if (!Mipv6MobileNode::ParseDadMode(vm["dad"].as<std::string>(), config.dad))
    {
        options.Fail("--dad: must be on, off or optimistic, not '" + vm["dad"].as<std::string>() +
                     "'");
    }
    std::string ra = vm["raInterval"].as<std::string>();
    size_t comma = ra.find(',');
    if (comma == std::string::npos)
    {
        options.Fail("--raInterval: expected MIN,MAX (for example 30ms,70ms)");
    }
    config.raMin = options.GetTime("raInterval", ra.substr(0, comma));
    config.raMax = options.GetTime("raInterval", ra.substr(comma + 1));
    if (config.raMin > config.raMax || config.raMin < MilliSeconds(1))
    {
        options.Fail("--raInterval: need 1ms <= MIN <= MAX");
    }
    if (options.IsGiven(vm, "spiCollision", "SpiCollisionProbability"))
    {
        double p = vm["spiCollision"].as<double>();
        if (!(p >= 0.0 && p <= 1.0))
        {
            options.Fail("--spiCollision must be a probability between 0 and 1");
        }
        Config::SetDefault("ns3::CxtpAgent::SpiCollisionProbability", DoubleValue(p));
    }
    // Room after the last handover for DAD, a fallback IKE and a few probes.
    config.stop = config.handoverAt + config.handoverPeriod * (config.handovers - 1) +
                  std::max(config.handoverPeriod, Seconds(4));
    return config;
}

} // namespace ns3
