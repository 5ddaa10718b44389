/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef HANDOVER_SCENARIO_OPTIONS_H
#define HANDOVER_SCENARIO_OPTIONS_H

#include "cxtp-program-options.h"

#include "ns3/mipv6-handover-scenario.h"

#include <string>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The command-line options of Mipv6HandoverScenario, the same names, defaults and checks
 * in every program that runs it (cxtp-ipsec-sim, -context-transfer, -mipv6-handover).
 *
 * Options that stand for an attribute of the security method (--profile, --ctMode,
 * --ctTransport, --ikeAuth, --spiCollision) are applied only where the user did not set that
 * attribute with --ns3::Class::Attribute=value; both at once is an error
 * (CxtpProgramOptions::GetAttributeOption). The simulation ends a handover period, and at least
 * 4 s, after the last handover (room for DAD, a fallback IKE and a few probes).
 */
class HandoverScenarioOptions
{
  public:
    /**
     * \brief Declares the options.
     * \param options the program's options
     * \param method the method of a program that runs one only; empty to declare --method
     */
    static void Add(CxtpProgramOptions& options, const std::string& method = "");
    /**
     * \brief Reads and checks the options; fails the program with one line on a bad value.
     * \param options the program's options
     * \param vm the parsed values
     * \param method as given to Add()
     * \return the scenario's configuration
     */
    static Mipv6HandoverScenario::Config Read(const CxtpProgramOptions& options,
                                              const boost::program_options::variables_map& vm,
                                              const std::string& method = "");
};

} // namespace ns3

#endif // HANDOVER_SCENARIO_OPTIONS_H
