/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "cxtp-program-options.h"

#include "ns3/config.h"
#include "ns3/global-value.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/string.h"
#include "ns3/type-id.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
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
    return ParseWithConfigFile(argc, argv, "");
}

po::variables_map
CxtpProgramOptions::ParseWithConfigFile(int argc, char* argv[], const std::string& configOption)
{
    po::variables_map vm;
    try
    {
        po::parsed_options parsed =
            po::command_line_parser(argc, argv).options(m_options).allow_unregistered().run();
        po::store(parsed, vm);
        RefuseNegativeCounts(parsed);
        if (vm.count("help"))
        {
            std::cout << "Usage: " << m_program << " [options]\n\n"
                      << m_summary << "\n\n"
                      << m_options << "\n"
                      << "ns-3 settings, as ns-3's CommandLine takes them:\n"
                      << "  --ns3::Class::Attribute=value  an attribute's default "
                         "(e.g. --ns3::Ikev1Daemon::RetryInterval=5s)\n"
                      << "  --GlobalValue=value            an ns-3 global value "
                         "(e.g. --ChecksumEnabled=1)"
                      << std::endl;
            std::exit(0);
        }
        ApplyNs3Settings(parsed);
        if (!configOption.empty() && vm.count(configOption))
        {
            std::string path = vm[configOption].as<std::string>();
            std::ifstream file(path);
            if (!file)
            {
                Fail("--" + configOption + ": cannot read '" + path + "'");
            }
            // Values already given on the command line are kept: store() never overwrites.
            po::parsed_options fromFile = po::parse_config_file(file, m_options);
            RefuseNegativeCounts(fromFile);
            po::store(fromFile, vm);
        }
        po::notify(vm);
    }
    catch (const po::error& e)
    {
        Fail(e.what());
    }
    return vm;
}

bool
CxtpProgramOptions::IsTimeAttribute(const std::string& path)
{
    const size_t split = path.rfind("::");
    TypeId tid;
    TypeId::AttributeInformation info;
    return split != std::string::npos &&
           TypeId::LookupByNameFailSafe(path.substr(0, split), &tid) &&
           tid.LookupAttributeByName(path.substr(split + 2), &info) &&
           info.checker->GetValueTypeName() == "ns3::TimeValue";
}

void
CxtpProgramOptions::ApplyNs3Settings(const po::parsed_options& parsed)
{
    for (const po::option& o : parsed.options)
    {
        const std::string given = o.original_tokens.empty() ? o.string_key : o.original_tokens[0];
        // A word without "--" (Boost would drop it unread), or an unknown option without "=".
        if (o.position_key >= 0 || (o.unregistered && o.value.size() != 1))
        {
            Fail("unrecognised argument '" + given + "' (options take the form --name=value)");
        }
        if (!o.unregistered)
        {
            continue;
        }
        const std::string& value = o.value[0];
        m_ns3Settings.insert(o.string_key);
        if (o.string_key.rfind("ns3::", 0) == 0)
        {
            // ns-3's Time aborts on a string it cannot read: a time is checked here first, and
            // needs its unit as every time option does.
            Time unused;
            if (IsTimeAttribute(o.string_key) && !ParseTime(value, unused))
            {
                Fail("--" + o.string_key + ": '" + value +
                     "' is not a value it takes (a time with its unit, e.g. 50ms, 2s)");
            }
            if (!Config::SetDefaultFailSafe(o.string_key, StringValue(value)))
            {
                Fail("--" + o.string_key + ": no such ns-3 attribute, or '" + value +
                     "' is not a value it takes");
            }
        }
        else if (!GlobalValue::BindFailSafe(o.string_key, StringValue(value)))
        {
            Fail("unrecognised option '--" + o.string_key + "' (neither an option of " + m_program +
                 " nor an ns-3 global value; --help lists them)");
        }
    }
}

void
CxtpProgramOptions::Fail(const std::string& message) const
{
    std::cerr << m_program << ": " << message << std::endl;
    std::exit(2);
}

bool
CxtpProgramOptions::IsBareNumber(const std::string& text)
{
    static const std::regex pattern("^([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$");
    return std::regex_match(text, pattern);
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
    if (!m[3].matched && value != 0)
    {
        return false; // a time needs its unit; only zero is zero in all of them
    }
    static const std::map<std::string, Time::Unit> units{{"s", Time::S},
                                                         {"ms", Time::MS},
                                                         {"us", Time::US},
                                                         {"ns", Time::NS},
                                                         {"min", Time::MIN},
                                                         {"h", Time::H}};
    const Time::Unit unit = units.at(m[3].matched ? m[3].str() : "s");
    // Checked in seconds first: a value beyond Time's range must not reach its conversion.
    if (value * Time::FromDouble(1, unit).GetSeconds() > MAX_SECONDS)
    {
        return false;
    }
    time = Time::FromDouble(value, unit);
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
        if (IsBareNumber(text))
        {
            Fail("--" + option + ": '" + text + "' has no unit (write " + text + "ms or " + text +
                 "s)");
        }
        Fail("--" + option + ": '" + text +
             "' is not a time of at most 1e9 s (examples: 50ms, 2s, 1.5s)");
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
    // MRG32k3a takes a seed below both of its moduli and not zero (ns-3 aborts otherwise).
    const uint32_t seed = vm["seed"].as<uint32_t>();
    if (seed == 0 || seed >= MAX_SEED)
    {
        Fail("--seed must be between 1 and " + std::to_string(MAX_SEED - 1));
    }
    RngSeedManager::SetSeed(seed);
    RngSeedManager::SetRun(vm["run"].as<uint64_t>());
    return outputDir;
}

void
CxtpProgramOptions::RefuseNegativeCounts(const po::parsed_options& parsed) const
{
    for (const po::option& o : parsed.options)
    {
        if (o.unregistered || o.value.empty() || o.value[0].rfind('-', 0) != 0)
        {
            continue;
        }
        // Boost reads "-1" into an unsigned option as its wrap-around (4294967295).
        const po::option_description* d = m_options.find_nothrow(o.string_key, false);
        const po::value_semantic* semantic = d ? d->semantic().get() : nullptr;
        if (dynamic_cast<const po::typed_value<uint32_t>*>(semantic) ||
            dynamic_cast<const po::typed_value<uint64_t>*>(semantic))
        {
            Fail("--" + o.string_key + " must not be negative ('" + o.value[0] + "')");
        }
    }
}

bool
CxtpProgramOptions::IsSetByUser(const std::string& name) const
{
    const std::string suffix = "::" + name;
    for (const std::string& key : m_ns3Settings)
    {
        if (key == name || (key.size() > suffix.size() &&
                            key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0))
        {
            return true;
        }
    }
    return false;
}

bool
CxtpProgramOptions::IsGiven(const boost::program_options::variables_map& vm,
                            const std::string& option,
                            const std::string& attribute) const
{
    bool given = vm.count(option) && !vm[option].defaulted();
    if (given && IsSetByUser(attribute))
    {
        Fail("--" + option + " and an ns-3 setting of " + attribute +
             " both given: keep one of the two");
    }
    return given;
}

std::string
CxtpProgramOptions::GetAttributeOption(const boost::program_options::variables_map& vm,
                                       const std::string& option,
                                       const std::string& attribute) const
{
    if (!IsGiven(vm, option, attribute) && IsSetByUser(attribute))
    {
        return "";
    }
    return vm[option].as<std::string>();
}

void
CxtpProgramOptions::BindGlobalDefault(const std::string& name, const AttributeValue& value) const
{
    if (!IsSetByUser(name))
    {
        GlobalValue::Bind(name, value);
    }
}

} // namespace ns3
