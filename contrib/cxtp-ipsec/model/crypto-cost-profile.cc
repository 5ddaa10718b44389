/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-cost-profile.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <filesystem>
#include <fstream>
#include <sstream>

#ifndef CXTP_DATADIR_FROM_LIBDIR
#error "CXTP_DATADIR_FROM_LIBDIR must give the installed data folder relative to the library's"
#endif

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CryptoCostProfile");

namespace
{

/// The environment variable of the folders searched first for a bare profile name.
const char* const PROFILE_PATH_VARIABLE = "CXTP_IPSEC_PROFILE_PATH";

/// An object of this library, whose address dladdr maps to the library's file.
const char g_libraryAnchor = 0;

/**
 * \return the folder of the file (shared library or executable) this code was loaded from, or ""
 *         if the dynamic linker cannot tell
 */
std::string
LibraryFolder()
{
    Dl_info info;
    if (dladdr(&g_libraryAnchor, &info) == 0 || info.dli_fname == nullptr ||
        info.dli_fname[0] == '\0')
    {
        return "";
    }
    std::error_code ec;
    std::filesystem::path file = std::filesystem::absolute(info.dli_fname, ec);
    if (ec)
    {
        return "";
    }
    return file.parent_path().string();
}

/**
 * \param text a profile name or a path
 * \return true if Resolve() takes the text as a path: it contains '/' or ends in ".ini"
 */
bool
IsPath(const std::string& text)
{
    const std::string suffix = ".ini";
    bool endsWithIni = text.size() >= suffix.size() &&
                       text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
    return text.find('/') != std::string::npos || endsWithIni;
}

/**
 * \brief Tells where a bare name was searched, when \p path is what Resolve() returned for a
 * name it did not find.
 * \param path a profile file that could not be opened
 * \return "; searched for NAME.ini in: FOLDERS (...)", or "" if \p path is not such a file
 */
std::string
DescribeSearch(const std::string& path)
{
    std::filesystem::path file(path);
    std::string name = file.stem().string();
    std::error_code ec;
    if (file.extension() != ".ini" || name.empty() || IsPath(name) ||
        CryptoCostProfile::Resolve(name) != path || std::filesystem::exists(file, ec))
    {
        return "";
    }
    std::string folders;
    for (const auto& folder : CryptoCostProfile::GetSearchPath())
    {
        folders += (folders.empty() ? "" : ", ") + folder;
    }
    const char* variable = std::getenv(PROFILE_PATH_VARIABLE);
    return "; searched for " + name +
           ".ini in: " + (folders.empty() ? std::string("no folder") : folders) + " (" +
           PROFILE_PATH_VARIABLE + (variable ? std::string("=") + variable : " unset") +
           ", then the library's data folder)";
}

/**
 * \param text a string
 * \return the string without leading and trailing blanks
 */
std::string
Trim(const std::string& text)
{
    const char* blanks = " \t\r\n";
    size_t first = text.find_first_not_of(blanks);
    if (first == std::string::npos)
    {
        return "";
    }
    size_t last = text.find_last_not_of(blanks);
    return text.substr(first, last - first + 1);
}

/**
 * \param unit a unit as written in a profile
 * \param [out] factor nanoseconds per unit
 * \param [out] perByte true for a per-byte unit
 * \return false if the unit is unknown
 */
bool
LookUpUnit(const std::string& unit, double& factor, bool& perByte)
{
    static const std::map<std::string, std::pair<double, bool>> units = {
        {"s", {1e9, false}},
        {"ms", {1e6, false}},
        {"us", {1e3, false}},
        {"ns", {1.0, false}},
        {"ns/B", {1.0, true}},
    };
    auto it = units.find(unit);
    if (it == units.end())
    {
        return false;
    }
    factor = it->second.first;
    perByte = it->second.second;
    return true;
}

/**
 * \param name a section or key name
 * \return true if it is made of letters, digits, '_', '-' and '.'
 */
bool
IsValidName(const std::string& name)
{
    if (name.empty())
    {
        return false;
    }
    for (char c : name)
    {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-' || c == '.';
        if (!ok)
        {
            return false;
        }
    }
    return true;
}

/// One "key = value unit ; provenance" line, parsed and checked.
struct ParsedLine
{
    std::string key;        ///< "section.key"
    std::string valueText;  ///< the value as written
    double value{0};        ///< the value in its unit
    double factor{0};       ///< the unit in ns (or ns/B)
    bool perByte{false};    ///< true for ns/B, false for a time
    std::string unit;       ///< unit as written
    std::string provenance; ///< text after ';'
};

/**
 * \brief Parses a "[section]" line.
 * \param line the trimmed line, starting with '['
 * \param [out] section the section name
 * \return empty on success, else what is wrong
 */
std::string
ParseSectionHeader(const std::string& line, std::string& section)
{
    if (line.back() != ']')
    {
        return "section header '" + line + "' lacks the closing ']'";
    }
    std::string name = Trim(line.substr(1, line.size() - 2));
    if (!IsValidName(name))
    {
        return "invalid section name '" + name + "'";
    }
    section = name;
    return "";
}

/**
 * \brief Parses what follows '=' in a key line: "value unit ; provenance".
 * \param rest the text after '='
 * \param [in,out] parsed the line, whose key is set; the other fields are filled
 * \return empty on success, else what is wrong
 */
std::string
ParseValue(const std::string& rest, ParsedLine& parsed)
{
    const std::string& key = parsed.key;
    size_t semicolon = rest.find(';');
    parsed.valueText = Trim(rest.substr(0, semicolon));
    parsed.provenance = semicolon == std::string::npos ? "" : Trim(rest.substr(semicolon + 1));
    const std::string& valueText = parsed.valueText;
    if (valueText.empty())
    {
        return "missing value for key '" + key + "'";
    }
    const char* begin = valueText.c_str();
    char* end = nullptr;
    parsed.value = std::strtod(begin, &end);
    if (end == begin)
    {
        return "value '" + valueText + "' of key '" + key + "' does not start with a number";
    }
    if (!std::isfinite(parsed.value))
    {
        return "value '" + valueText + "' of key '" + key + "' is not a finite number";
    }
    parsed.unit = Trim(std::string(end));
    if (parsed.unit.empty())
    {
        return "missing unit for key '" + key + "' (expected s, ms, us, ns or ns/B)";
    }
    if (!LookUpUnit(parsed.unit, parsed.factor, parsed.perByte))
    {
        return "unknown unit '" + parsed.unit + "' for key '" + key +
               "' (expected s, ms, us, ns or ns/B)";
    }
    if (parsed.value < 0)
    {
        return "negative value '" + valueText + "' for key '" + key + "'";
    }
    if (parsed.provenance.empty())
    {
        return "missing provenance for key '" + key +
               "' (write '; where the value comes from' after the unit)";
    }
    return "";
}

/**
 * \brief Parses a "key = value unit ; provenance" line.
 * \param line the trimmed line
 * \param section the current section, empty before the first one
 * \param [out] parsed the line
 * \return empty on success, else what is wrong
 */
std::string
ParseKeyLine(const std::string& line, const std::string& section, ParsedLine& parsed)
{
    size_t equals = line.find('=');
    if (equals == std::string::npos)
    {
        return "line without '=' (expected 'key = value unit ; provenance'): '" + line + "'";
    }
    std::string name = Trim(line.substr(0, equals));
    if (!IsValidName(name))
    {
        return "invalid or missing key name '" + name + "'";
    }
    if (section.empty())
    {
        return "key '" + name + "' outside any [section]";
    }
    parsed.key = section + "." + name;
    return ParseValue(line.substr(equals + 1), parsed);
}

} // namespace

bool
CryptoCostProfile::Load(const std::string& path, CryptoCostProfile& profile, std::string& error)
{
    NS_LOG_FUNCTION(path);
    std::ifstream in(path);
    if (!in)
    {
        std::string reason = std::strerror(errno);
        error = path + ":0: cannot open profile (" + reason + ")" + DescribeSearch(path);
        return false;
    }
    CryptoCostProfile result;
    result.m_path = path;
    std::string section;
    std::string raw;
    uint32_t lineNumber = 0;
    auto fail = [&](const std::string& what) {
        error = path + ":" + std::to_string(lineNumber) + ": " + what;
        return false;
    };
    while (std::getline(in, raw))
    {
        ++lineNumber;
        std::string line = Trim(raw);
        if (line.empty() || line[0] == '#' || line[0] == ';')
        {
            continue;
        }
        if (line[0] == '[')
        {
            std::string what = ParseSectionHeader(line, section);
            if (!what.empty())
            {
                return fail(what);
            }
            continue;
        }
        ParsedLine parsed;
        std::string what = ParseKeyLine(line, section, parsed);
        if (!what.empty())
        {
            return fail(what);
        }
        auto previous = result.m_values.find(parsed.key);
        if (previous != result.m_values.end())
        {
            return fail("duplicate key '" + parsed.key + "' (first defined on line " +
                        std::to_string(previous->second.line) + ")");
        }
        Entry entry;
        entry.perByte = parsed.perByte;
        entry.nanoseconds = parsed.value * parsed.factor;
        entry.unit = parsed.unit;
        entry.provenance = parsed.provenance;
        entry.line = lineNumber;
        result.m_values.emplace(parsed.key, entry);
    }
    if (in.bad())
    {
        return fail("read error");
    }
    profile = result;
    return true;
}

std::vector<std::string>
CryptoCostProfile::GetSearchPath()
{
    std::vector<std::string> folders;
    auto add = [&folders](const std::string& folder) {
        if (!folder.empty() && std::find(folders.begin(), folders.end(), folder) == folders.end())
        {
            folders.push_back(folder);
        }
    };
    if (const char* variable = std::getenv(PROFILE_PATH_VARIABLE))
    {
        std::istringstream entries(variable);
        std::string entry;
        while (std::getline(entries, entry, ':'))
        {
            add(entry);
        }
    }
    std::string library = LibraryFolder();
    if (!library.empty())
    {
        for (const char* data : {CXTP_DATADIR_FROM_LIBDIR, "../share"})
        {
            std::filesystem::path folder =
                std::filesystem::path(library) / data / "cxtp-ipsec" / "profiles";
            add(folder.lexically_normal().string());
        }
    }
    return folders;
}

std::string
CryptoCostProfile::Resolve(const std::string& nameOrPath)
{
    NS_LOG_FUNCTION(nameOrPath);
    if (IsPath(nameOrPath))
    {
        return nameOrPath;
    }
    std::string file = nameOrPath + ".ini";
    std::vector<std::string> folders = GetSearchPath();
    for (const auto& folder : folders)
    {
        std::string candidate = folder + "/" + file;
        std::error_code ec;
        if (std::filesystem::is_regular_file(candidate, ec))
        {
            NS_LOG_LOGIC("profile " << nameOrPath << " is " << candidate);
            return candidate;
        }
    }
    NS_LOG_LOGIC("no profile " << nameOrPath << " in any of " << folders.size() << " folders");
    return (folders.empty() ? std::string(".") : folders.front()) + "/" + file;
}

const CryptoCostProfile::Entry&
CryptoCostProfile::Find(const std::string& key) const
{
    auto it = m_values.find(key);
    NS_ABORT_MSG_IF(it == m_values.end(),
                    "crypto cost profile " << (m_path.empty() ? "(none loaded)" : m_path)
                                           << " has no key '" << key << "'");
    return it->second;
}

bool
CryptoCostProfile::Has(const std::string& key) const
{
    return m_values.find(key) != m_values.end();
}

Time
CryptoCostProfile::GetTime(const std::string& key) const
{
    const Entry& entry = Find(key);
    NS_ABORT_MSG_IF(entry.perByte,
                    m_path << ":" << entry.line << ": key '" << key << "' is a per-byte cost ("
                           << entry.unit << "), not a time (s, ms, us or ns)");
    return Time::FromDouble(entry.nanoseconds, Time::NS);
}

double
CryptoCostProfile::GetNsPerByte(const std::string& key) const
{
    const Entry& entry = Find(key);
    NS_ABORT_MSG_IF(!entry.perByte,
                    m_path << ":" << entry.line << ": key '" << key << "' is a time (" << entry.unit
                           << "), not a per-byte cost (ns/B)");
    return entry.nanoseconds;
}

std::string
CryptoCostProfile::GetProvenance(const std::string& key) const
{
    return Find(key).provenance;
}

std::string
CryptoCostProfile::GetUnit(const std::string& key) const
{
    return Find(key).unit;
}

std::string
CryptoCostProfile::GetName() const
{
    std::string name = m_path;
    size_t slash = name.rfind('/');
    if (slash != std::string::npos)
    {
        name = name.substr(slash + 1);
    }
    const std::string suffix = ".ini";
    if (name.size() > suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
    {
        name = name.substr(0, name.size() - suffix.size());
    }
    return name;
}

std::string
CryptoCostProfile::GetPath() const
{
    return m_path;
}

std::vector<std::string>
CryptoCostProfile::GetKeys() const
{
    std::vector<std::string> keys;
    for (const auto& entry : m_values)
    {
        keys.push_back(entry.first);
    }
    return keys;
}

} // namespace ns3
