/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CXTP_PROGRAM_OPTIONS_H
#define CXTP_PROGRAM_OPTIONS_H

#include "ns3/attribute.h"
#include "ns3/nstime.h"

#include <boost/program_options.hpp>
#include <set>
#include <string>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Command-line handling shared by the module's programs (Boost.Program_options).
 *
 * Parse() prints the help and exits 0 on --help, and on any error (unknown option, bad value)
 * prints one line "<program>: <what is wrong>" to stderr and exits 2. Besides the program's own
 * options it takes ns-3's settings as ns-3's CommandLine does: --ns3::Class::Attribute=value
 * sets an attribute's default (Config::SetDefault), --Name=value an ns-3 global value
 * (GlobalValue::Bind); either one unknown, or a value the attribute does not take, fails the
 * same way.
 */
class CxtpProgramOptions
{
  public:
    /**
     * \param program the program name for messages
     * \param summary one paragraph printed above the options by --help
     */
    CxtpProgramOptions(const std::string& program, const std::string& summary);

    /// \return the option list, to add the program's own options to
    boost::program_options::options_description& Add();
    /**
     * \brief Adds the options every run has and PrepareRun() reads: --outputDir, --seed (ns-3
     * RNG seed, 1) and --run (ns-3 RNG run number, 1).
     * \param outputDir the default output directory
     * \param what what goes into it, for --help
     */
    void AddRunOptions(const std::string& outputDir, const std::string& what);
    /**
     * \brief Parses argv; exits on --help or error.
     * \param argc argument count
     * \param argv arguments
     * \return the parsed values
     */
    boost::program_options::variables_map Parse(int argc, char* argv[]);
    /**
     * \brief As Parse(), and when the option named by configOption is given, also reads that
     * INI file (key = value lines with the long option names, # comments); the command line
     * wins over the file.
     * \param argc argument count
     * \param argv arguments
     * \param configOption the name of the option holding the file's path
     * \return the parsed values
     */
    boost::program_options::variables_map ParseWithConfigFile(int argc,
                                                              char* argv[],
                                                              const std::string& configOption);
    /**
     * \brief Stops the program with one line on stderr (exit code 2).
     * \param message what is wrong
     */
    [[noreturn]] void Fail(const std::string& message) const;

    /**
     * \brief Reads a time with its unit ("50ms", "2s", "1.5s", "100us", "1min", "1h"); a bare
     * number is refused, except 0, and so is a time beyond MAX_SECONDS.
     * \param text the text
     * \param [out] time the value
     * \return false if the text is not a time
     */
    static bool ParseTime(const std::string& text, Time& time);
    /**
     * \brief As ParseTime(), but fails the program with a message naming the option.
     * \param option the option's name
     * \param text its value
     * \param allowZero whether 0 is accepted
     * \return the time (never negative)
     */
    Time GetTime(const std::string& option, const std::string& text, bool allowZero = false) const;
    /**
     * \brief The common start of a run: creates the directory of --outputDir (or fails the
     * program with one line) and sets ns-3's RNG seed and run from --seed and --run.
     * \param vm the parsed options (with outputDir, seed and run)
     * \return the output directory
     */
    std::string PrepareRun(const boost::program_options::variables_map& vm) const;

    /**
     * \param name an attribute name (any class) or a global value's name
     * \return whether the command line set it (--ns3::Class::name=... or --name=...)
     */
    bool IsSetByUser(const std::string& name) const;
    /**
     * \brief Whether a program option that stands for an ns-3 attribute was given (on the
     * command line or in the --config file); fails the program if the user also set that
     * attribute itself, since one of the two would silently lose.
     * \param vm the parsed options
     * \param option the option's name
     * \param attribute the attribute's name (of any class)
     * \return true if the option was given
     */
    bool IsGiven(const boost::program_options::variables_map& vm,
                 const std::string& option,
                 const std::string& attribute) const;
    /**
     * \brief The value to apply for a string option that stands for an ns-3 attribute, so that
     * no setting of the user's is overridden: the option's value if it was given (IsGiven()); ""
     * if instead the user set the attribute, which then keeps that setting; else the option's
     * default.
     * \param vm the parsed options
     * \param option the option's name
     * \param attribute the attribute's name (of any class)
     * \return the value, or "" to leave the attribute alone
     */
    std::string GetAttributeOption(const boost::program_options::variables_map& vm,
                                   const std::string& option,
                                   const std::string& attribute) const;
    /**
     * \brief Binds an ns-3 global value the program needs, unless the user set it.
     * \param name the global value (e.g. "ChecksumEnabled")
     * \param value its value
     */
    void BindGlobalDefault(const std::string& name, const AttributeValue& value) const;

  private:
    /// \param text a text \return whether it is a number without unit
    static bool IsBareNumber(const std::string& text);
    /**
     * \brief Fails the program if an option of an unsigned type was given a negative number.
     * \param parsed the options as given (command line or --config file)
     */
    void RefuseNegativeCounts(const boost::program_options::parsed_options& parsed) const;

    /// The longest time an option takes, in seconds (about 31 years): ns-3's Time spans +-292
    /// years, and a program adds several options up.
    static constexpr double MAX_SECONDS = 1e9;
    /// One above the largest RNG seed: MRG32k3a's second modulus, 4294944443.
    static constexpr uint32_t MAX_SEED = 4294944443U;
    /// \param path "ns3::Class::Attribute" \return whether it names an attribute of type Time
    static bool IsTimeAttribute(const std::string& path);
    /**
     * \brief Applies the ns-3 settings among the options the program does not know; fails the
     * program on any other.
     * \param parsed the command line, parsed with unregistered options allowed
     */
    void ApplyNs3Settings(const boost::program_options::parsed_options& parsed);

    std::string m_program;                                 ///< name for messages
    std::string m_summary;                                 ///< --help text
    boost::program_options::options_description m_options; ///< the options
    std::set<std::string> m_ns3Settings; ///< the ns-3 attributes and global values the user set
};

} // namespace ns3

#endif // CXTP_PROGRAM_OPTIONS_H
