/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
/*
 * Tests for where CryptoCostProfile::Resolve looks for a bare profile name: the folders of
 * CXTP_IPSEC_PROFILE_PATH first, then the data folder next to the library (in a build tree,
 * build/share/cxtp-ipsec/profiles), and the one-line error naming them when no folder has the
 * file.
 */

#include "ns3/crypto-cost-profile.h"
#include "ns3/test.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

using namespace ns3;

namespace
{

/// The variable Resolve reads.
const char* const VARIABLE = "CXTP_IPSEC_PROFILE_PATH";

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Sets CXTP_IPSEC_PROFILE_PATH for the life of the object, then restores it.
 */
class ProfilePathSetting
{
  public:
    /**
     * \param value the value, or nullptr to unset the variable
     */
    explicit ProfilePathSetting(const char* value)
    {
        const char* old = std::getenv(VARIABLE);
        m_wasSet = old != nullptr;
        m_old = old ? old : "";
        if (value)
        {
            setenv(VARIABLE, value, 1);
        }
        else
        {
            unsetenv(VARIABLE);
        }
    }

    ~ProfilePathSetting()
    {
        if (m_wasSet)
        {
            setenv(VARIABLE, m_old.c_str(), 1);
        }
        else
        {
            unsetenv(VARIABLE);
        }
    }

    ProfilePathSetting(const ProfilePathSetting&) = delete;
    ProfilePathSetting& operator=(const ProfilePathSetting&) = delete;

  private:
    bool m_wasSet;     ///< the variable was set before
    std::string m_old; ///< its value then
};

/**
 * \param text a string
 * \param tail a suffix
 * \return true if \p text ends with \p tail
 */
bool
EndsWith(const std::string& text, const std::string& tail)
{
    return text.size() >= tail.size() &&
           text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The search order of a bare name and the error for a name found nowhere.
 */
class CryptoCostProfileLookupTestCase : public TestCase
{
  public:
    CryptoCostProfileLookupTestCase()
        : TestCase("A bare name is looked up in CXTP_IPSEC_PROFILE_PATH, then next to the library")
    {
    }

  private:
    void DoRun() override;
};

void
CryptoCostProfileLookupTestCase::DoRun()
{
    namespace fs = std::filesystem;
    fs::path base = fs::temp_directory_path() / ("cxtp-profile-lookup-" + std::to_string(getpid()));
    fs::path first = base / "first";
    fs::path second = base / "second";
    fs::create_directories(first);
    fs::create_directories(second);
    // "zero" also ships with the module: a folder of the variable comes first.
    for (const fs::path& folder : {first, second})
    {
        std::ofstream(folder / "zero.ini") << "[dh]\nmodp1024_keygen = 1 ms ; test\n";
    }
    std::ofstream(second / "lookup-only.ini") << "[dh]\nmodp1024_keygen = 2 ms ; test\n";

    // Unset: the shipped profiles come from the data folder next to the library.
    std::string shipped;
    {
        ProfilePathSetting setting(nullptr);
        std::vector<std::string> folders = CryptoCostProfile::GetSearchPath();
        NS_TEST_ASSERT_MSG_EQ(folders.empty(), false, "the library's data folder is searched");
        NS_TEST_EXPECT_MSG_EQ(EndsWith(folders.front(), "/share/cxtp-ipsec/profiles"),
                              true,
                              "first folder " << folders.front());
        shipped = CryptoCostProfile::Resolve("zero");
        NS_TEST_EXPECT_MSG_EQ(EndsWith(shipped, "/share/cxtp-ipsec/profiles/zero.ini"),
                              true,
                              "zero resolves to " << shipped);
        NS_TEST_EXPECT_MSG_EQ(fs::is_regular_file(shipped), true, shipped << " exists");
    }

    // Set: its folders come first, in order; empty entries are dropped, and a missing folder is
    // searched in vain.
    std::string value =
        "::" + (base / "missing").string() + ":" + first.string() + ":" + second.string() + ":";
    {
        ProfilePathSetting setting(value.c_str());
        std::vector<std::string> folders = CryptoCostProfile::GetSearchPath();
        bool enough = folders.size() >= 4;
        NS_TEST_ASSERT_MSG_EQ(enough, true, "three folders, then the library's");
        NS_TEST_EXPECT_MSG_EQ(folders[0], (base / "missing").string(), "first entry");
        NS_TEST_EXPECT_MSG_EQ(folders[1], first.string(), "second entry");
        NS_TEST_EXPECT_MSG_EQ(folders[2], second.string(), "third entry");
        NS_TEST_EXPECT_MSG_EQ(CryptoCostProfile::Resolve("zero"),
                              (first / "zero.ini").string(),
                              "the first folder having the file wins");
        NS_TEST_EXPECT_MSG_EQ(CryptoCostProfile::Resolve("lookup-only"),
                              (second / "lookup-only.ini").string(),
                              "a later folder of the variable");
        NS_TEST_EXPECT_MSG_EQ(EndsWith(CryptoCostProfile::Resolve("testbed-2008"),
                                       "/share/cxtp-ipsec/profiles/testbed-2008.ini"),
                              true,
                              "then the library's data folder");
        CryptoCostProfile profile;
        std::string error;
        bool ok =
            CryptoCostProfile::Load(CryptoCostProfile::Resolve("lookup-only"), profile, error);
        NS_TEST_EXPECT_MSG_EQ(ok, true, error);
        NS_TEST_EXPECT_MSG_EQ(profile.GetName(), "lookup-only", "loaded by name");

        // A path is never looked up.
        NS_TEST_EXPECT_MSG_EQ(CryptoCostProfile::Resolve("lookup-only.ini"),
                              "lookup-only.ini",
                              "ends in .ini");

        // Found nowhere: one line naming every folder searched.
        ok = CryptoCostProfile::Load(CryptoCostProfile::Resolve("no-such-profile"), profile, error);
        NS_TEST_EXPECT_MSG_EQ(ok, false, "no such profile");
        NS_TEST_EXPECT_MSG_EQ(error.find('\n'), std::string::npos, "one line: " << error);
        for (const auto& folder : folders)
        {
            NS_TEST_EXPECT_MSG_NE(error.find(folder),
                                  std::string::npos,
                                  error << " names " << folder);
        }
        NS_TEST_EXPECT_MSG_NE(error.find("no-such-profile.ini"), std::string::npos, error);

        // A missing path is reported as such, without a search.
        ok = CryptoCostProfile::Load((base / "none.ini").string(), profile, error);
        NS_TEST_EXPECT_MSG_EQ(ok, false, "missing path");
        NS_TEST_EXPECT_MSG_EQ(error.find("searched"), std::string::npos, error);
    }
    NS_TEST_EXPECT_MSG_EQ(CryptoCostProfile::Resolve("zero"), shipped, "setting restored");

    std::error_code ec;
    fs::remove_all(base, ec);
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Suite for the look-up of cost profiles by name.
 */
class CryptoCostProfileLookupTestSuite : public TestSuite
{
  public:
    CryptoCostProfileLookupTestSuite()
        : TestSuite("cxtp-ipsec-cost-profile-lookup", TestSuite::UNIT)
    {
        AddTestCase(new CryptoCostProfileLookupTestCase, TestCase::QUICK);
    }
};

static CryptoCostProfileLookupTestSuite g_cryptoCostProfileLookupTestSuite; ///< the suite
