/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
/*
 * Tests for CryptoCostProfile (INI parsing, units, provenance, one-line errors with FILE:LINE)
 * and CryptoCostModel (per-call + per-byte sums, group and algorithm keys, Cost trace, the
 * price of a CryptoWorkMeter), plus the shipped profiles zero, testbed-2008 and host (every key
 * the model reads must exist).
 * Expected values in the model tests are worked out by hand from the test profile below.
 */

#include "ns3/crypto-cost-model.h"
#include "ns3/crypto-cost-profile.h"
#include "ns3/crypto-work-meter.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

using namespace ns3;

namespace
{

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Writes text to a new file in /tmp whose name is unique to this process.
 * \param text the file's content
 * \return the path
 */
std::string
WriteTempProfile(const std::string& text)
{
    static uint32_t counter = 0;
    std::string path = "/tmp/cxtp-cost-profile-" + std::to_string(getpid()) + "-" +
                       std::to_string(counter++) + ".ini";
    std::ofstream out(path);
    out << text;
    return path;
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief A complete profile with distinct, hand-checkable values for every key of the model.
 */
const char* const FULL_TEST_PROFILE = R"(# test profile: every key, distinct values
[dh]
modp768_keygen = 1 ms ; test
modp768_shared = 2 ms ; test
modp1024_keygen = 3 ms ; test
modp1024_shared = 4 ms ; test
modp1536_keygen = 5 ms ; test
modp1536_shared = 6 ms ; test
modp2048_keygen = 7 ms ; test
modp2048_shared = 8 ms ; test
modp3072_keygen = 9 ms ; test
modp3072_shared = 10 ms ; test
ecp256_keygen = 11 ms ; test
ecp256_shared = 12 ms ; test
curve25519_keygen = 13 ms ; test
curve25519_shared = 14 ms ; test
[prf]
hmac_md5_call = 1 us ; test
hmac_md5_per_byte = 0.5 ns/B ; test
hmac_sha1_call = 2 us ; test
hmac_sha1_per_byte = 2.5 ns/B ; test
hmac_sha256_call = 3 us ; test
hmac_sha256_per_byte = 4 ns/B ; test
hmac_sha384_call = 5 us ; test
hmac_sha384_per_byte = 6 ns/B ; test
hmac_sha512_call = 7 us ; test
hmac_sha512_per_byte = 8 ns/B ; test
[cipher]
3des-cbc_call = 10 us ; test
3des-cbc_per_byte = 40 ns/B ; test
aes128-cbc_call = 500 ns ; test
aes128-cbc_per_byte = 12.5 ns/B ; test
aes256-cbc_call = 0.75 us ; test
aes256-cbc_per_byte = 17.25 ns/B ; test
aes128-gcm_call = 600 ns ; test
aes128-gcm_per_byte = 1.5 ns/B ; test
aes256-gcm_call = 0.8 us ; test
aes256-gcm_per_byte = 2.25 ns/B ; test
[rsa]
sign_1024 = 21 ms ; test
verify_1024 = 22 us ; test
sign_2048 = 23 ms ; test
verify_2048 = 24 us ; test
sign_3072 = 25 ms ; test
verify_3072 = 26 us ; test
sign_4096 = 27 ms ; test
verify_4096 = 28 us ; test
[pki]
certificate_check = 30 us ; test
[aka]
milenage = 8 us ; test
[daemon]
message_processing = 0.25 s ; test
ikev2_message_processing = 125 ms ; test
[kernel]
sa_install = 300 us ; test
policy_install = 200000 ns ; test
[cxtp]
message_processing = 1.5 ms ; test
context_install = 0.001 s ; test
[radius]
packet_processing = 40 us ; test
[aaa]
radius_processing = 0.3 ms ; test
database_lookup = 2 ms ; test
)";

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Parses a profile with every unit, comments, blank lines and provenance texts.
 */
class CryptoCostProfileParseTestCase : public TestCase
{
  public:
    CryptoCostProfileParseTestCase()
        : TestCase("Profile parsing reads every unit, comments and provenance")
    {
    }

  private:
    void DoRun() override;
};

void
CryptoCostProfileParseTestCase::DoRun()
{
    std::string path = WriteTempProfile("# header comment\n"
                                        "; another comment\n"
                                        "\n"
                                        "[times]\n"
                                        "seconds = 1.5 s ; cited: somewhere, p. 3\n"
                                        "  millis=250 ms;guess without blanks\n"
                                        "micros = 12 us ; fitted by scripts/calibrate.py\n"
                                        "nanos = 7 ns ; measured = yes ; with a second ';'\n"
                                        "tight = 4ms ; no blank before the unit\n"
                                        "\t# indented comment\n"
                                        "[bytes]\n"
                                        "per_byte = 2.25 ns/B ; per byte\n"
                                        "zero = 0 ns/B ; nothing\n");
    CryptoCostProfile profile;
    std::string error;
    bool ok = CryptoCostProfile::Load(path, profile, error);
    NS_TEST_ASSERT_MSG_EQ(ok, true, "load failed: " << error);
    if (!(ok))
    {
        return; // ASSERT continues by default
    }
    NS_TEST_EXPECT_MSG_EQ(profile.GetTime("times.seconds"), MilliSeconds(1500), "1.5 s");
    NS_TEST_EXPECT_MSG_EQ(profile.GetTime("times.millis"), MilliSeconds(250), "250 ms");
    NS_TEST_EXPECT_MSG_EQ(profile.GetTime("times.micros"), MicroSeconds(12), "12 us");
    NS_TEST_EXPECT_MSG_EQ(profile.GetTime("times.nanos"), NanoSeconds(7), "7 ns");
    NS_TEST_EXPECT_MSG_EQ(profile.GetTime("times.tight"), MilliSeconds(4), "4ms");
    NS_TEST_EXPECT_MSG_EQ_TOL(profile.GetNsPerByte("bytes.per_byte"), 2.25, 1e-12, "ns/B");
    NS_TEST_EXPECT_MSG_EQ_TOL(profile.GetNsPerByte("bytes.zero"), 0.0, 1e-12, "0 ns/B");
    NS_TEST_EXPECT_MSG_EQ(profile.GetProvenance("times.seconds"),
                          "cited: somewhere, p. 3",
                          "provenance text after ';'");
    NS_TEST_EXPECT_MSG_EQ(profile.GetProvenance("times.millis"),
                          "guess without blanks",
                          "provenance without surrounding blanks");
    NS_TEST_EXPECT_MSG_EQ(profile.GetProvenance("times.nanos"),
                          "measured = yes ; with a second ';'",
                          "provenance keeps later '=' and ';'");
    NS_TEST_EXPECT_MSG_EQ(profile.GetUnit("bytes.per_byte"), "ns/B", "unit as written");
    NS_TEST_EXPECT_MSG_EQ(profile.GetUnit("times.micros"), "us", "unit as written");
    NS_TEST_EXPECT_MSG_EQ(profile.Has("times.seconds"), true, "key present");
    NS_TEST_EXPECT_MSG_EQ(profile.Has("seconds"), false, "keys carry their section");
    NS_TEST_EXPECT_MSG_EQ(profile.Has("bytes.seconds"), false, "key in another section");
    NS_TEST_EXPECT_MSG_EQ(profile.GetKeys().size(), 7, "seven keys, comments are not keys");
    NS_TEST_EXPECT_MSG_EQ(profile.GetPath(), path, "path");
    std::string expectedName = path.substr(path.rfind('/') + 1);
    expectedName = expectedName.substr(0, expectedName.size() - 4);
    NS_TEST_EXPECT_MSG_EQ(profile.GetName(), expectedName, "name is the file name without .ini");
    std::remove(path.c_str());
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Each malformed profile is rejected with one line "FILE:LINE: what is wrong".
 */
class CryptoCostProfileErrorTestCase : public TestCase
{
  public:
    CryptoCostProfileErrorTestCase()
        : TestCase("Profile errors give one line with FILE and LINE")
    {
    }

  private:
    void DoRun() override;
    /**
     * \brief Loads text that must fail and checks the message.
     * \param text the profile text
     * \param line the expected line number
     * \param phrase a phrase the message must contain
     */
    void Check(const std::string& text, uint32_t line, const std::string& phrase);
};

void
CryptoCostProfileErrorTestCase::Check(const std::string& text,
                                      uint32_t line,
                                      const std::string& phrase)
{
    std::string path = WriteTempProfile(text);
    // Start from a loaded profile: a failed load must leave it untouched.
    CryptoCostProfile profile;
    std::string error;
    std::string goodPath = WriteTempProfile("[keep]\nme = 1 ms ; kept\n");
    NS_TEST_EXPECT_MSG_EQ(CryptoCostProfile::Load(goodPath, profile, error), true, error);
    std::remove(goodPath.c_str());

    error.clear();
    bool ok = CryptoCostProfile::Load(path, profile, error);
    NS_TEST_EXPECT_MSG_EQ(ok, false, "accepted a bad profile (expected: " << phrase << ")");
    std::string prefix = path + ":" + std::to_string(line) + ": ";
    NS_TEST_EXPECT_MSG_EQ(error.substr(0, prefix.size()),
                          prefix,
                          "message must start with FILE:LINE: (" << error << ")");
    NS_TEST_EXPECT_MSG_NE(error.find(phrase),
                          std::string::npos,
                          "message '" << error << "' lacks '" << phrase << "'");
    NS_TEST_EXPECT_MSG_EQ(error.find('\n'), std::string::npos, "message must be one line");
    NS_TEST_EXPECT_MSG_EQ(profile.Has("keep.me"), true, "failed load changed the profile");
    std::remove(path.c_str());
}

void
CryptoCostProfileErrorTestCase::DoRun()
{
    Check("[dh]\nmodp768_keygen = 3 msec ; guess\n", 2, "unknown unit 'msec'");
    Check("[dh]\nmodp768_keygen = 3 ns/b ; guess\n", 2, "unknown unit 'ns/b'");
    Check("# c\n[dh]\nmodp768_keygen = ; guess\n", 3, "missing value for key 'dh.modp768_keygen'");
    Check("[dh]\nmodp768_keygen =\n", 2, "missing value");
    Check("[dh]\n\nmodp768_keygen = -1 ms ; guess\n", 3, "negative value");
    Check("[prf]\nx_per_byte = -0.5 ns/B ; guess\n", 2, "negative value");
    Check("[dh]\na = 1 ms ; p\nb = 1 ms ; p\na = 2 ms ; p\n",
          4,
          "duplicate key 'dh.a' (first defined on line 2)");
    Check("[dh]\na = 1 ms ; p\n[dh]\na = 1 ms ; p\n", 4, "duplicate key 'dh.a'");
    Check("[dh]\nmodp768_keygen 3 ms ; guess\n", 2, "line without '='");
    Check("[dh]\na = 3 ; guess\n", 2, "missing unit");
    Check("[dh]\na = fast ms ; guess\n", 2, "does not start with a number");
    Check("[dh]\na = 3 ms\n", 2, "missing provenance");
    Check("[dh]\na = 3 ms ;   \n", 2, "missing provenance");
    Check("a = 3 ms ; guess\n", 1, "outside any [section]");
    Check("[dh\na = 3 ms ; guess\n", 1, "closing ']'");
    Check("[dh]\n = 3 ms ; guess\n", 2, "missing key name");

    // A file that cannot be opened still gives one line starting with the file name.
    CryptoCostProfile profile;
    std::string error;
    std::string missing = "/nonexistent-cxtp-dir/none.ini";
    NS_TEST_EXPECT_MSG_EQ(CryptoCostProfile::Load(missing, profile, error), false, "missing file");
    NS_TEST_EXPECT_MSG_EQ(error.rfind(missing + ":", 0), 0, "message names the file: " << error);
    NS_TEST_EXPECT_MSG_EQ(error.find('\n'), std::string::npos, "one line");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Profile names map to the module's profiles folder; paths stay paths.
 */
class CryptoCostProfileResolveTestCase : public TestCase
{
  public:
    CryptoCostProfileResolveTestCase()
        : TestCase("Profile names resolve to the profiles folder and paths stay unchanged")
    {
    }

  private:
    void DoRun() override;
};

void
CryptoCostProfileResolveTestCase::DoRun()
{
    // A bare name is a file of the module's profiles/ folder that exists.
    for (std::string name : {"zero", "testbed-2008"})
    {
        std::string path = CryptoCostProfile::Resolve(name);
        std::string tail = "/profiles/" + name + ".ini";
        bool inProfiles = path.size() > tail.size() &&
                          path.compare(path.size() - tail.size(), tail.size(), tail) == 0;
        NS_TEST_EXPECT_MSG_EQ(inProfiles, true, "bare name " << name << " resolves to " << path);
        NS_TEST_EXPECT_MSG_EQ(std::ifstream(path).good(), true, path << " exists");
    }
    NS_TEST_EXPECT_MSG_EQ(CryptoCostProfile::Resolve("dir/zero"), "dir/zero", "contains '/'");
    NS_TEST_EXPECT_MSG_EQ(CryptoCostProfile::Resolve("mine.ini"), "mine.ini", "ends in .ini");
    NS_TEST_EXPECT_MSG_EQ(CryptoCostProfile::Resolve("/abs/p.ini"), "/abs/p.ini", "absolute");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The zero profile loads, has every key, and every cost the model returns is 0.
 */
class CryptoCostZeroProfileTestCase : public TestCase
{
  public:
    CryptoCostZeroProfileTestCase()
        : TestCase("Zero profile has every key and every getter returns 0")
    {
    }

  private:
    void DoRun() override;
};

void
CryptoCostZeroProfileTestCase::DoRun()
{
    CryptoCostProfile profile;
    std::string error;
    bool ok = CryptoCostProfile::Load(CryptoCostProfile::Resolve("zero"), profile, error);
    NS_TEST_ASSERT_MSG_EQ(ok, true, "zero.ini: " << error);
    if (!(ok))
    {
        return; // ASSERT continues by default
    }
    NS_TEST_EXPECT_MSG_EQ(profile.GetName(), "zero", "name");
    bool complete = true;
    for (const auto& key : CryptoCostModel::GetRequiredKeys())
    {
        NS_TEST_EXPECT_MSG_EQ(profile.Has(key), true, "zero.ini lacks " << key);
        complete = complete && profile.Has(key);
    }
    for (const auto& key : profile.GetKeys())
    {
        if (profile.GetUnit(key) == "ns/B")
        {
            NS_TEST_EXPECT_MSG_EQ(profile.GetNsPerByte(key), 0.0, key << " is not 0");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(profile.GetTime(key), Time(0), key << " is not 0");
        }
        NS_TEST_EXPECT_MSG_EQ(profile.GetProvenance(key),
                              "no cost: isolates network delays",
                              key << " provenance");
    }

    if (!complete)
    {
        return; // the model would abort on an incomplete profile
    }

    // The model's default profile is "zero".
    Ptr<CryptoCostModel> model = CreateObject<CryptoCostModel>();
    StringValue name;
    model->GetAttribute("Profile", name);
    NS_TEST_EXPECT_MSG_EQ(name.Get(), "zero", "default Profile attribute");
    for (CryptoDhGroup group : {CryptoDhGroup::MODP_768,
                                CryptoDhGroup::MODP_1024,
                                CryptoDhGroup::MODP_1536,
                                CryptoDhGroup::MODP_2048})
    {
        int number = static_cast<int>(group);
        NS_TEST_EXPECT_MSG_EQ(model->DhKeyGeneration(group), Time(0), "keygen group " << number);
        NS_TEST_EXPECT_MSG_EQ(model->DhSharedSecret(group), Time(0), "shared group " << number);
    }
    for (CryptoHash hash : {CryptoHash::MD5, CryptoHash::SHA1, CryptoHash::SHA2_256})
    {
        NS_TEST_EXPECT_MSG_EQ(model->Prf(hash, 1000), Time(0), "prf");
    }
    for (IpsecEncryption cipher : {IpsecEncryption::TDES_CBC,
                                   IpsecEncryption::AES_128_CBC,
                                   IpsecEncryption::AES_256_CBC,
                                   IpsecEncryption::AES_128_GCM_16,
                                   IpsecEncryption::AES_256_GCM_16})
    {
        NS_TEST_EXPECT_MSG_EQ(model->Cipher(cipher, 1500), Time(0), ToString(cipher));
    }
    for (uint32_t bits : CryptoCostModel::GetRsaModulusSizes())
    {
        NS_TEST_EXPECT_MSG_EQ(model->RsaSign(bits), Time(0), "RSA sign " << bits);
        NS_TEST_EXPECT_MSG_EQ(model->RsaVerify(bits), Time(0), "RSA verify " << bits);
        NS_TEST_EXPECT_MSG_EQ(model->CertificateCheck(bits), Time(0), "certificate " << bits);
    }
    NS_TEST_EXPECT_MSG_EQ(model->MessageProcessing(), Time(0), "message processing");
    NS_TEST_EXPECT_MSG_EQ(model->Ikev2MessageProcessing(), Time(0), "IKEv2 message processing");
    NS_TEST_EXPECT_MSG_EQ(model->SaInstallation(), Time(0), "SA installation");
    NS_TEST_EXPECT_MSG_EQ(model->PolicyInstallation(), Time(0), "policy installation");
    NS_TEST_EXPECT_MSG_EQ(model->CxtpProcessing(), Time(0), "CXTP processing");
    NS_TEST_EXPECT_MSG_EQ(model->ContextInstallation(), Time(0), "context installation");
    NS_TEST_EXPECT_MSG_EQ(model->GetProfile().GetName(), "zero", "profile loaded");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief A shipped profile loads and has exactly the model's keys, each of the right kind.
 */
class CryptoCostShippedProfileTestCase : public TestCase
{
  public:
    /**
     * \param name the profile name
     * \param provenanceMarks the provenance of every key must contain one of these
     */
    CryptoCostShippedProfileTestCase(const std::string& name,
                                     std::vector<std::string> provenanceMarks)
        : TestCase("Shipped profile " + name + " has every key the model uses"),
          m_name(name),
          m_provenanceMarks(std::move(provenanceMarks))
    {
    }

  private:
    void DoRun() override;

    std::string m_name;                         ///< profile name
    std::vector<std::string> m_provenanceMarks; ///< accepted provenance phrases
};

void
CryptoCostShippedProfileTestCase::DoRun()
{
    CryptoCostProfile profile;
    std::string error;
    bool ok = CryptoCostProfile::Load(CryptoCostProfile::Resolve(m_name), profile, error);
    NS_TEST_ASSERT_MSG_EQ(ok, true, m_name << ": " << error);
    if (!(ok))
    {
        return; // ASSERT continues by default
    }
    std::vector<std::string> required = CryptoCostModel::GetRequiredKeys();
    bool complete = true;
    for (const auto& key : required)
    {
        complete = complete && profile.Has(key);
        NS_TEST_EXPECT_MSG_EQ(profile.Has(key), true, m_name << " lacks " << key);
        if (!profile.Has(key))
        {
            continue;
        }
        bool perByteKey = key.size() > 9 && key.compare(key.size() - 9, 9, "_per_byte") == 0;
        bool perByteUnit = profile.GetUnit(key) == "ns/B";
        NS_TEST_EXPECT_MSG_EQ(perByteUnit,
                              perByteKey,
                              m_name << ": wrong kind of unit for " << key);
    }
    std::set<std::string> known(required.begin(), required.end());
    for (const auto& key : profile.GetKeys())
    {
        NS_TEST_EXPECT_MSG_EQ(known.count(key), 1, m_name << ": key unknown to the model: " << key);
        std::string provenance = profile.GetProvenance(key);
        bool marked = std::any_of(m_provenanceMarks.begin(),
                                  m_provenanceMarks.end(),
                                  [&provenance](const std::string& mark) {
                                      return provenance.find(mark) != std::string::npos;
                                  });
        NS_TEST_EXPECT_MSG_EQ(marked,
                              true,
                              m_name << ": provenance of " << key << ": " << provenance);
    }

    // The model accepts the profile by name (it would abort on an incomplete one).
    NS_TEST_ASSERT_MSG_EQ(complete, true, m_name << " is incomplete; model not tried");
    if (!(complete))
    {
        return; // ASSERT continues by default
    }
    Ptr<CryptoCostModel> model = CreateObject<CryptoCostModel>();
    model->SetAttribute("Profile", StringValue(m_name));
    NS_TEST_EXPECT_MSG_EQ(model->GetProfile().GetName(), m_name, "model loaded the profile");
    NS_TEST_EXPECT_MSG_EQ(model->DhKeyGeneration(CryptoDhGroup::MODP_1024),
                          profile.GetTime("dh.modp1024_keygen"),
                          "model reads the profile's value");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The model adds per-call and per-byte costs and picks the keys of each group and
 * algorithm.
 */
class CryptoCostModelSumTestCase : public TestCase
{
  public:
    CryptoCostModelSumTestCase()
        : TestCase("Model sums per-call and per-byte costs exactly")
    {
    }

  private:
    void DoRun() override;
};

void
CryptoCostModelSumTestCase::DoRun()
{
    std::string path = WriteTempProfile(FULL_TEST_PROFILE);
    Ptr<CryptoCostModel> model = CreateObject<CryptoCostModel>();
    model->SetAttribute("Profile", StringValue(path));

    NS_TEST_EXPECT_MSG_EQ(model->DhKeyGeneration(CryptoDhGroup::MODP_768),
                          MilliSeconds(1),
                          "group 1 = modp768");
    NS_TEST_EXPECT_MSG_EQ(model->DhSharedSecret(CryptoDhGroup::MODP_768),
                          MilliSeconds(2),
                          "group 1 shared");
    NS_TEST_EXPECT_MSG_EQ(model->DhKeyGeneration(CryptoDhGroup::MODP_1024),
                          MilliSeconds(3),
                          "group 2 = modp1024");
    NS_TEST_EXPECT_MSG_EQ(model->DhSharedSecret(CryptoDhGroup::MODP_1024),
                          MilliSeconds(4),
                          "group 2 shared");
    NS_TEST_EXPECT_MSG_EQ(model->DhKeyGeneration(CryptoDhGroup::MODP_1536),
                          MilliSeconds(5),
                          "group 5 = modp1536");
    NS_TEST_EXPECT_MSG_EQ(model->DhSharedSecret(CryptoDhGroup::MODP_1536),
                          MilliSeconds(6),
                          "group 5 shared");
    NS_TEST_EXPECT_MSG_EQ(model->DhKeyGeneration(CryptoDhGroup::MODP_2048),
                          MilliSeconds(7),
                          "group 14 = modp2048");
    NS_TEST_EXPECT_MSG_EQ(model->DhSharedSecret(CryptoDhGroup::MODP_2048),
                          MilliSeconds(8),
                          "group 14 shared");
    NS_TEST_EXPECT_MSG_EQ(model->DhKeyGeneration(CryptoDhGroup::MODP_3072),
                          MilliSeconds(9),
                          "group 15 = modp3072");
    NS_TEST_EXPECT_MSG_EQ(model->DhSharedSecret(CryptoDhGroup::MODP_3072),
                          MilliSeconds(10),
                          "group 15 shared");
    NS_TEST_EXPECT_MSG_EQ(model->DhKeyGeneration(CryptoDhGroup::ECP_256),
                          MilliSeconds(11),
                          "group 19 = ecp256");
    NS_TEST_EXPECT_MSG_EQ(model->DhSharedSecret(CryptoDhGroup::ECP_256),
                          MilliSeconds(12),
                          "group 19 shared");
    NS_TEST_EXPECT_MSG_EQ(model->DhKeyGeneration(CryptoDhGroup::CURVE25519),
                          MilliSeconds(13),
                          "group 31 = curve25519");
    NS_TEST_EXPECT_MSG_EQ(model->DhSharedSecret(CryptoDhGroup::CURVE25519),
                          MilliSeconds(14),
                          "group 31 shared");

    // 1 us + 64 B * 0.5 ns/B = 1032 ns
    NS_TEST_EXPECT_MSG_EQ(model->Prf(CryptoHash::MD5, 64), NanoSeconds(1032), "HMAC-MD5");
    // 2 us + 100 B * 2.5 ns/B = 2250 ns
    NS_TEST_EXPECT_MSG_EQ(model->Prf(CryptoHash::SHA1, 100), NanoSeconds(2250), "HMAC-SHA1");
    // 3 us + 0 B
    NS_TEST_EXPECT_MSG_EQ(model->Prf(CryptoHash::SHA2_256, 0), MicroSeconds(3), "HMAC-SHA256");
    // 3 us + 1000 B * 4 ns/B = 7 us
    NS_TEST_EXPECT_MSG_EQ(model->Prf(CryptoHash::SHA2_256, 1000), MicroSeconds(7), "SHA256 1000");
    // 5 us + 100 B * 6 ns/B = 5600 ns; 7 us + 100 B * 8 ns/B = 7800 ns
    NS_TEST_EXPECT_MSG_EQ(model->Prf(CryptoHash::SHA2_384, 100), NanoSeconds(5600), "SHA384");
    NS_TEST_EXPECT_MSG_EQ(model->Prf(CryptoHash::SHA2_512, 100), NanoSeconds(7800), "SHA512");
    // 10 us + 1500 B * 40 ns/B = 70 us
    NS_TEST_EXPECT_MSG_EQ(model->Cipher(IpsecEncryption::TDES_CBC, 1500), MicroSeconds(70), "3DES");
    // 500 ns + 1024 B * 12.5 ns/B = 13300 ns
    NS_TEST_EXPECT_MSG_EQ(model->Cipher(IpsecEncryption::AES_128_CBC, 1024),
                          NanoSeconds(13300),
                          "AES-128");
    // 750 ns + 1000 B * 17.25 ns/B = 18000 ns
    NS_TEST_EXPECT_MSG_EQ(model->Cipher(IpsecEncryption::AES_256_CBC, 1000),
                          NanoSeconds(18000),
                          "AES-256");
    // 600 ns + 64 B * 1.5 ns/B = 696 ns; 800 ns + 1000 B * 2.25 ns/B = 3050 ns
    NS_TEST_EXPECT_MSG_EQ(model->Cipher(IpsecEncryption::AES_128_GCM_16, 64),
                          NanoSeconds(696),
                          "AES-128-GCM");
    NS_TEST_EXPECT_MSG_EQ(model->Cipher(IpsecEncryption::AES_256_GCM_16, 1000),
                          NanoSeconds(3050),
                          "AES-256-GCM");
    NS_TEST_EXPECT_MSG_EQ(model->RsaSign(1024), MilliSeconds(21), "rsa.sign_1024");
    NS_TEST_EXPECT_MSG_EQ(model->RsaVerify(1024), MicroSeconds(22), "rsa.verify_1024");
    NS_TEST_EXPECT_MSG_EQ(model->RsaSign(2048), MilliSeconds(23), "rsa.sign_2048");
    NS_TEST_EXPECT_MSG_EQ(model->RsaVerify(2048), MicroSeconds(24), "rsa.verify_2048");
    NS_TEST_EXPECT_MSG_EQ(model->RsaSign(3072), MilliSeconds(25), "rsa.sign_3072");
    NS_TEST_EXPECT_MSG_EQ(model->RsaVerify(3072), MicroSeconds(26), "rsa.verify_3072");
    NS_TEST_EXPECT_MSG_EQ(model->RsaSign(4096), MilliSeconds(27), "rsa.sign_4096");
    NS_TEST_EXPECT_MSG_EQ(model->RsaVerify(4096), MicroSeconds(28), "rsa.verify_4096");
    // pki.certificate_check 30 us + rsa.verify_2048 24 us
    NS_TEST_EXPECT_MSG_EQ(model->CertificateCheck(2048), MicroSeconds(54), "certificate");
    NS_TEST_EXPECT_MSG_EQ(model->Ikev2MessageProcessing(), MilliSeconds(125), "IKEv2 daemon");

    NS_TEST_EXPECT_MSG_EQ(model->MessageProcessing(), MilliSeconds(250), "0.25 s");
    NS_TEST_EXPECT_MSG_EQ(model->SaInstallation(), MicroSeconds(300), "300 us");
    NS_TEST_EXPECT_MSG_EQ(model->PolicyInstallation(), MicroSeconds(200), "200000 ns");
    NS_TEST_EXPECT_MSG_EQ(model->CxtpProcessing(), MicroSeconds(1500), "1.5 ms");
    NS_TEST_EXPECT_MSG_EQ(model->ContextInstallation(), MilliSeconds(1), "0.001 s");
    NS_TEST_EXPECT_MSG_EQ(model->Get("dh.modp2048_shared"), MilliSeconds(8), "generic Get");
    NS_TEST_EXPECT_MSG_EQ(model->Get("radius.packet_processing"), MicroSeconds(40), "RADIUS NAS");
    NS_TEST_EXPECT_MSG_EQ(model->Get("aaa.radius_processing"), MicroSeconds(300), "AAA server");
    NS_TEST_EXPECT_MSG_EQ(model->Get("aaa.database_lookup"), MilliSeconds(2), "AAA look-up");
    NS_TEST_EXPECT_MSG_EQ(CryptoCostModel::GetModpBits(CryptoDhGroup::MODP_2048),
                          2048,
                          "group 14 bits");

    // Changing the attribute reloads on next use.
    model->SetAttribute("Profile", StringValue("zero"));
    NS_TEST_EXPECT_MSG_EQ(model->DhKeyGeneration(CryptoDhGroup::MODP_1024),
                          Time(0),
                          "profile switched to zero");
    std::remove(path.c_str());
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The Cost trace fires once per charge with the operation's key and amount.
 */
class CryptoCostTraceTestCase : public TestCase
{
  public:
    CryptoCostTraceTestCase()
        : TestCase("Cost trace fires on every charge with its key")
    {
    }

  private:
    void DoRun() override;
    /**
     * \brief Trace sink.
     * \param key the operation
     * \param cost the amount
     */
    void Record(std::string key, Time cost);

    std::vector<std::pair<std::string, Time>> m_records; ///< charges seen
};

void
CryptoCostTraceTestCase::Record(std::string key, Time cost)
{
    m_records.emplace_back(key, cost);
}

void
CryptoCostTraceTestCase::DoRun()
{
    std::string path = WriteTempProfile(FULL_TEST_PROFILE);
    Ptr<CryptoCostModel> model = CreateObject<CryptoCostModel>();
    model->SetAttribute("Profile", StringValue(path));
    bool connected =
        model->TraceConnectWithoutContext("Cost",
                                          MakeCallback(&CryptoCostTraceTestCase::Record, this));
    NS_TEST_ASSERT_MSG_EQ(connected, true, "Cost trace source exists");
    if (!(connected))
    {
        return; // ASSERT continues by default
    }

    // One statement per charge: the order of operands of '+' is unspecified.
    Time total = model->DhKeyGeneration(CryptoDhGroup::MODP_1024);
    total += model->Prf(CryptoHash::SHA1, 100);
    total += model->Cipher(IpsecEncryption::AES_128_CBC, 1024);
    total += model->SaInstallation();
    total += model->MessageProcessing();
    total += model->Get("cxtp.context_install");

    std::vector<std::pair<std::string, Time>> expected = {
        {"dh.modp1024_keygen", MilliSeconds(3)},
        {"prf.hmac_sha1", NanoSeconds(2250)},
        {"cipher.aes128-cbc", NanoSeconds(13300)},
        {"kernel.sa_install", MicroSeconds(300)},
        {"daemon.message_processing", MilliSeconds(250)},
        {"cxtp.context_install", MilliSeconds(1)},
    };
    NS_TEST_ASSERT_MSG_EQ(m_records.size(), expected.size(), "one trace call per charge");
    if (!(m_records.size() == expected.size()))
    {
        return; // ASSERT continues by default
    }
    Time traced(0);
    for (size_t i = 0; i < expected.size(); ++i)
    {
        NS_TEST_EXPECT_MSG_EQ(m_records[i].first, expected[i].first, "key of charge " << i);
        NS_TEST_EXPECT_MSG_EQ(m_records[i].second, expected[i].second, "cost of charge " << i);
        traced += m_records[i].second;
    }
    NS_TEST_EXPECT_MSG_EQ(traced, total, "traced costs add up to the returned costs");
    std::remove(path.c_str());
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Price() of a CryptoWorkMeter is the sum of the costs of its operations, each charged
 * on its own key, in the order recorded.
 */
class CryptoCostPriceTestCase : public TestCase
{
  public:
    CryptoCostPriceTestCase()
        : TestCase("Price of a work meter sums its operations, each traced on its key")
    {
    }

  private:
    void DoRun() override;
    /**
     * \brief Trace sink.
     * \param key the operation
     * \param cost the amount
     */
    void Record(std::string key, Time cost);

    std::vector<std::pair<std::string, Time>> m_records; ///< charges seen
};

void
CryptoCostPriceTestCase::Record(std::string key, Time cost)
{
    m_records.emplace_back(key, cost);
}

void
CryptoCostPriceTestCase::DoRun()
{
    using Kind = CryptoOperation::Kind;
    std::string path = WriteTempProfile(FULL_TEST_PROFILE);
    Ptr<CryptoCostModel> model = CreateObject<CryptoCostModel>();
    model->SetAttribute("Profile", StringValue(path));
    bool connected =
        model->TraceConnectWithoutContext("Cost",
                                          MakeCallback(&CryptoCostPriceTestCase::Record, this));
    NS_TEST_ASSERT_MSG_EQ(connected, true, "Cost trace source exists");
    if (!(connected))
    {
        return; // ASSERT continues by default
    }

    CryptoWorkMeter empty;
    NS_TEST_EXPECT_MSG_EQ(model->Price(empty), Time(0), "an empty meter costs nothing");
    NS_TEST_EXPECT_MSG_EQ(m_records.size(), 0, "and charges nothing");

    CryptoWorkMeter meter;
    {
        CryptoWorkMeter::Scope scope(meter);
        CryptoWorkMeter::Record({Kind::HMAC, static_cast<uint32_t>(CryptoHash::SHA1), 100});
        CryptoWorkMeter::Record(
            {Kind::CIPHER, static_cast<uint32_t>(IpsecEncryption::AES_128_GCM_16), 64});
        CryptoWorkMeter::Record(
            {Kind::CIPHER, static_cast<uint32_t>(IpsecEncryption::AES_256_CBC), 1000});
        CryptoWorkMeter::Record(
            {Kind::DH_KEYGEN, static_cast<uint32_t>(CryptoDhGroup::CURVE25519), 0});
        CryptoWorkMeter::Record(
            {Kind::DH_SHARED, static_cast<uint32_t>(CryptoDhGroup::MODP_2048), 0});
        CryptoWorkMeter::Record({Kind::RSA_SIGN, 2048, 0});
        CryptoWorkMeter::Record({Kind::RSA_VERIFY, 3072, 0});
        CryptoWorkMeter::Record({Kind::CERTIFICATE, 4096, 0});
    }
    // Worked out from FULL_TEST_PROFILE: 2 us + 100 B * 2.5 ns/B = 2250 ns (HMAC-SHA1);
    // 600 ns + 64 B * 1.5 ns/B = 696 ns (AES-128-GCM); 750 ns + 1000 B * 17.25 ns/B = 18000 ns
    // (AES-256-CBC); 13 ms (curve25519 keygen); 8 ms (modp2048 shared); 23 ms (RSA-2048 sign);
    // 26 us (RSA-3072 verify); 30 us + 28 us (certificate under an RSA-4096 issuer).
    std::vector<std::pair<std::string, Time>> expected = {
        {"prf.hmac_sha1", NanoSeconds(2250)},
        {"cipher.aes128-gcm", NanoSeconds(696)},
        {"cipher.aes256-cbc", NanoSeconds(18000)},
        {"dh.curve25519_keygen", MilliSeconds(13)},
        {"dh.modp2048_shared", MilliSeconds(8)},
        {"rsa.sign_2048", MilliSeconds(23)},
        {"rsa.verify_3072", MicroSeconds(26)},
        {"pki.certificate_check", MicroSeconds(30)},
        {"rsa.verify_4096", MicroSeconds(28)},
    };
    Time price = model->Price(meter);
    NS_TEST_EXPECT_MSG_EQ(price,
                          MilliSeconds(44) + MicroSeconds(84) + NanoSeconds(20946),
                          "sum of the operations' costs");
    NS_TEST_ASSERT_MSG_EQ(m_records.size(), expected.size(), "one charge per key");
    if (!(m_records.size() == expected.size()))
    {
        return; // ASSERT continues by default
    }
    Time traced(0);
    for (size_t i = 0; i < expected.size(); ++i)
    {
        NS_TEST_EXPECT_MSG_EQ(m_records[i].first, expected[i].first, "key of charge " << i);
        NS_TEST_EXPECT_MSG_EQ(m_records[i].second, expected[i].second, "cost of charge " << i);
        traced += m_records[i].second;
    }
    NS_TEST_EXPECT_MSG_EQ(traced, price, "traced costs add up to the price");

    // The same as the per-key methods, called one by one on another model.
    Ptr<CryptoCostModel> single = CreateObject<CryptoCostModel>();
    single->SetAttribute("Profile", StringValue(path));
    Time sum = single->Prf(CryptoHash::SHA1, 100);
    sum += single->Cipher(IpsecEncryption::AES_128_GCM_16, 64);
    sum += single->Cipher(IpsecEncryption::AES_256_CBC, 1000);
    sum += single->DhKeyGeneration(CryptoDhGroup::CURVE25519);
    sum += single->DhSharedSecret(CryptoDhGroup::MODP_2048);
    sum += single->RsaSign(2048);
    sum += single->RsaVerify(3072);
    sum += single->CertificateCheck(4096);
    NS_TEST_EXPECT_MSG_EQ(price, sum, "Price equals the per-key methods");
    NS_TEST_EXPECT_MSG_EQ(meter.GetOperations().size(), 8, "pricing leaves the meter as it was");

    // One AKA step's Milenage functions: aka.milenage (8 us in FULL_TEST_PROFILE).
    CryptoWorkMeter aka;
    {
        CryptoWorkMeter::Scope scope(aka);
        CryptoWorkMeter::Record({Kind::MILENAGE, 0, 0});
    }
    m_records.clear();
    NS_TEST_EXPECT_MSG_EQ(model->Price(aka), MicroSeconds(8), "one MILENAGE");
    NS_TEST_EXPECT_MSG_EQ(m_records.size(), 1, "one charge");
    if (m_records.size() == 1)
    {
        NS_TEST_EXPECT_MSG_EQ(m_records[0].first, "aka.milenage", "its key");
    }
    NS_TEST_EXPECT_MSG_EQ(single->Milenage(), MicroSeconds(8), "Milenage()");
    std::remove(path.c_str());
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Suite for the crypto cost profile and model.
 */
class CryptoCostModelTestSuite : public TestSuite
{
  public:
    CryptoCostModelTestSuite()
        : TestSuite("cxtp-ipsec-cost-model", TestSuite::UNIT)
    {
        AddTestCase(new CryptoCostProfileParseTestCase, TestCase::QUICK);
        AddTestCase(new CryptoCostProfileErrorTestCase, TestCase::QUICK);
        AddTestCase(new CryptoCostProfileResolveTestCase, TestCase::QUICK);
        AddTestCase(new CryptoCostZeroProfileTestCase, TestCase::QUICK);
        AddTestCase(new CryptoCostShippedProfileTestCase(
                        "testbed-2008",
                        {"estimate, not fitted:", "fitted by scripts/calibrate.py on the"}),
                    TestCase::QUICK);
        AddTestCase(new CryptoCostShippedProfileTestCase("host",
                                                         {"by cxtp-ipsec-crypto-bench on",
                                                          "not measurable here: 0",
                                                          "estimate, not measured"}),
                    TestCase::QUICK);
        AddTestCase(new CryptoCostModelSumTestCase, TestCase::QUICK);
        AddTestCase(new CryptoCostTraceTestCase, TestCase::QUICK);
        AddTestCase(new CryptoCostPriceTestCase, TestCase::QUICK);
    }
};

static CryptoCostModelTestSuite g_cryptoCostModelTestSuite; ///< registers the suite
