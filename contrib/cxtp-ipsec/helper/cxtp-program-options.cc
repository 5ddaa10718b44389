/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "cxtp-program-options.h"

#include "ns3/rng-seed-manager.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>

namespace ns3
{

namespace po = boost::program_options;

CxtpProgramOptions::CxtpProgramOptions(const std::string& program, const std::string& summary)
    : m_program(program),
      m_summary(summary),
      m_options("Options")
{
    m_options.add_options()("help,h", "print this help and exit");
}

po::options_description&
CxtpProgramOptions::Add()
{
    return m_options;
}

po::variables_map
CxtpProgramOptions::Parse(int argc, char* argv[])
{
    po::variables_map vm;
    try
    {
        po::store(po::command_line_parser(argc, argv).options(m_options).run(), vm);
        if (vm.count("help"))
        {
            std::cout << "Usage: " << m_program << " [options]\n\n"
                      << m_summary << "\n\n"
                      << m_options << std::endl;
            std::exit(0);
        }
        po::notify(vm);
    }
    catch (const po::error& e)
    {
        Fail(e.what());
    }
    return vm;
}

po::variables_map
CxtpProgramOptions::ParseWithConfigFile(int argc, char* argv[], const std::string& configOption)
{
    po::variables_map vm;
    try
    {
        po::store(po::command_line_parser(argc, argv).options(m_options).run(), vm);
        if (vm.count("help"))
        {
            std::cout << "Usage: " << m_program << " [options]\n\n"
                      << m_summary << "\n\n"
                      << m_options << std::endl;
            std::exit(0);
        }
        if (vm.count(configOption))
        {
            std::string path = vm[configOption].as<std::string>();
            std::ifstream file(path);
            if (!file)
            {
                Fail("--" + configOption + ": cannot read '" + path + "'");
            }
            // Values already given on the command line are kept: store() never overwrites.
            po::store(po::parse_config_file(file, m_options), vm);
        }
        po::notify(vm);
    }
    catch (const po::error& e)
    {
        Fail(e.what());
    }
    return vm;
}

void
CxtpProgramOptions::Fail(const std::string& message) const
{
    std::cerr << m_program << ": " << message << std::endl;
    std::exit(2);
}

bool
CxtpProgramOptions::ParseTime(const std::string& text, Time& time)
{
    static const std::regex pattern("^([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(s|ms|us|ns|min|h)?$");
    std::smatch m;
    if (!std::regex_match(text, m, pattern))
    {
        return false;
    }
    double value = std::strtod(m[1].str().c_str(), nullptr);
    std::string unit = m[3].matched ? m[3].str() : "s";
    if (unit == "s")
    {
        time = Seconds(value);
    }
    else if (unit == "ms")
    {
        time = MilliSeconds(value);
    }
    else if (unit == "us")
    {
        time = MicroSeconds(value);
    }
    else if (unit == "ns")
    {
        time = NanoSeconds(value);
    }
    else if (unit == "min")
    {
        time = Minutes(value);
    }
    else
    {
        time = Hours(value);
    }
    return true;
}

Time
CxtpProgramOptions::GetTime(const std::string& option,
                            const std::string& text,
                            bool allowZero) const
{
    Time t;
    if (!ParseTime(text, t))
    {
        Fail("--" + option + ": '" + text + "' is not a time (examples: 50ms, 2s, 1.5s)");
    }
    if (!allowZero && t.IsZero())
    {
        Fail("--" + option + " must be greater than zero");
    }
    return t;
}

void
CxtpProgramOptions::AddRunOptions(const std::string& outputDir, const std::string& what)
{
    namespace po = boost::program_options;
    m_options.add_options()("outputDir",
                            po::value<std::string>()->default_value(outputDir),
                            ("directory for " + what).c_str())(
        "seed",
        po::value<uint32_t>()->default_value(1),
        "ns-3 RNG seed")("run", po::value<uint64_t>()->default_value(1), "ns-3 RNG run number");
}

std::string
CxtpProgramOptions::PrepareRun(const boost::program_options::variables_map& vm) const
{
    std::string outputDir = vm["outputDir"].as<std::string>();
    std::error_code ec;
    std::filesystem::create_directories(outputDir, ec);
    if (ec)
    {
        Fail("--outputDir: cannot create '" + outputDir + "': " + ec.message());
    }
    RngSeedManager::SetSeed(vm["seed"].as<uint32_t>());
    RngSeedManager::SetRun(vm["run"].as<uint64_t>());
    return outputDir;
}

} // namespace ns3
