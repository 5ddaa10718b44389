/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_COST_PROFILE_H
#define CRYPTO_COST_PROFILE_H

#include "ns3/nstime.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief A named set of cost parameters (times and per-byte costs), each with unit and
 * provenance, read from an INI file.
 *
 * File format (one parameter per line):
 * \verbatim
   # comment            ; comment
   [dh]
   modp1024_keygen = 4.2 ms ; guess: ... (provenance, required)
   [prf]
   hmac_sha1_per_byte = 7.5 ns/B ; ...
   \endverbatim
 * Time units are s, ms, us and ns; per-byte costs use ns/B (nanoseconds per byte). Keys are
 * addressed as "section.key". Values must be non-negative, every key needs a provenance text
 * after ';', and a key may appear only once. Load() reports the first problem as one line
 * "FILE:LINE: what is wrong".
 *
 * The profile is a plain value; the getters abort (NS_ABORT_MSG, active in every build) with a
 * message naming the key and the file when a key is missing or has the wrong kind of unit.
 */
class CryptoCostProfile
{
  public:
    /**
     * \brief Reads a profile file, replacing \p profile on success.
     * \param path the file
     * \param [out] profile the profile read (unchanged on error)
     * \param [out] error on failure, one line "FILE:LINE: what is wrong"; when FILE is what
     *        Resolve() returned for a name it did not find, the line also lists the folders
     *        searched
     * \return true on success
     */
    static bool Load(const std::string& path, CryptoCostProfile& profile, std::string& error);
    /**
     * \brief Maps a profile name to its file.
     *
     * A text containing '/' or ending in ".ini" is a path, returned unchanged. A bare name such
     * as "zero", "testbed-2008" or "host" becomes the first existing file NAME.ini in the folders
     * of GetSearchPath(), in this order:
     * 1. each folder of the environment variable CXTP_IPSEC_PROFILE_PATH (folders separated by
     *    ':', as in PATH; empty entries are skipped), read on every call;
     * 2. the data folder of the installation the library was loaded from: LIBDIR/REL/cxtp-ipsec/
     *    profiles, where LIBDIR is the folder of the library file (found with dladdr) and REL the
     *    path from the installed library folder to the installed data folder, chosen when the
     *    library was configured (usually PREFIX/share/cxtp-ipsec/profiles);
     * 3. LIBDIR/../share/cxtp-ipsec/profiles when different from 2: the layout of a build tree
     *    (build/lib next to build/share/cxtp-ipsec/profiles, which is the module's profiles/
     *    folder), so that programs run from a build tree find the profiles, host.ini included.
     *
     * If no folder has the file, the result is NAME.ini in the first folder, which does not exist:
     * Load() then fails with a one-line error that names every folder searched.
     * \param nameOrPath a profile name or a path
     * \return the file's path
     */
    static std::string Resolve(const std::string& nameOrPath);
    /**
     * \brief The folders Resolve() searches for a bare profile name, in order (see Resolve()).
     * \return the folders, without duplicates; those that do not exist are listed too
     */
    static std::vector<std::string> GetSearchPath();

    /**
     * \param key "section.key"
     * \return true if the profile defines the key
     */
    bool Has(const std::string& key) const;
    /**
     * \param key "section.key" of a time parameter (unit s, ms, us or ns)
     * \return its value; aborts if the key is missing or not a time
     */
    Time GetTime(const std::string& key) const;
    /**
     * \param key "section.key" of a per-byte parameter (unit ns/B)
     * \return its value in nanoseconds per byte; aborts if missing or not a per-byte cost
     */
    double GetNsPerByte(const std::string& key) const;
    /**
     * \param key "section.key"
     * \return the provenance text of the key; aborts if missing
     */
    std::string GetProvenance(const std::string& key) const;
    /**
     * \param key "section.key"
     * \return the unit as written in the file ("ms", "ns/B", ...); aborts if missing
     */
    std::string GetUnit(const std::string& key) const;
    /// \return the profile's name: the file name without folder and ".ini" ("" if not loaded)
    std::string GetName() const;
    /// \return the file the profile was loaded from ("" if not loaded)
    std::string GetPath() const;
    /// \return every key, sorted
    std::vector<std::string> GetKeys() const;

  private:
    /// \brief One parameter.
    struct Entry
    {
        double nanoseconds{0};  ///< value in ns (times) or ns per byte (per-byte costs)
        bool perByte{false};    ///< true for ns/B, false for a time
        std::string unit;       ///< unit as written
        std::string provenance; ///< text after ';'
        uint32_t line{0};       ///< line in the file
    };

    /**
     * \param key "section.key"
     * \return the entry; aborts with a message naming key and file if missing
     */
    const Entry& Find(const std::string& key) const;

    std::string m_path;                    ///< file read
    std::map<std::string, Entry> m_values; ///< parameters by "section.key"
};

} // namespace ns3

#endif // CRYPTO_COST_PROFILE_H
