/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
/*
 * Tests for the IKEv2 key material: Ikev2KeyDerivation (RFC 7296 §2.13-2.14, §2.17-2.18),
 * Ikev2Algorithms (key sizes, RFC 4868 §2, RFC 5282 §7.1), Ikev2NatDetection (§2.23) and
 * Ikev2CookieGenerator (§2.6).
 *
 * Every expected value comes from an independent computation with the Python standard library
 * (hmac, hashlib): test/vectors/ikev2_keys_vectors.py, whose output is committed as
 * test/vectors/ikev2-keys-vectors.txt and read here (inputs and results). Names of the form
 * "ike.<prf>.<encr>.<integ>.sk_d" follow the script's tables, which Suites() below mirrors.
 */

#include "cxtp-test-hex.h"
#include "ikev2-test-vectors.h"

#include "ns3/crypto-mac.h"
#include "ns3/ikev2-algorithms.h"
#include "ns3/ikev2-cookie-generator.h"
#include "ns3/ikev2-key-derivation.h"
#include "ns3/ikev2-nat-detection.h"
#include "ns3/test.h"

#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// A byte string.
using Bytes = std::vector<uint8_t>;

/// A PRF as named in the vectors file.
struct PrfName
{
    const char* name; ///< "sha1", ...
    Ikev2PrfId id;    ///< the transform
};

/// \return the four PRFs
std::vector<PrfName>
Prfs()
{
    return {{"sha1", Ikev2PrfId::PRF_HMAC_SHA1},
            {"sha256", Ikev2PrfId::PRF_HMAC_SHA2_256},
            {"sha384", Ikev2PrfId::PRF_HMAC_SHA2_384},
            {"sha512", Ikev2PrfId::PRF_HMAC_SHA2_512}};
}

/// An IKE SA suite as named in the vectors file.
struct IkeSuite
{
    const char* prf;      ///< the PRF's name
    const char* encr;     ///< the ENCR's name
    const char* integ;    ///< the INTEG's name
    Ikev2EncrId encrId;   ///< the ENCR
    uint16_t keyBits;     ///< its Key Length attribute
    Ikev2IntegId integId; ///< the INTEG
};

/// \return the IKE SA suites of the script's IKE_SUITES
std::vector<IkeSuite>
IkeSuites()
{
    using E = Ikev2EncrId;
    using I = Ikev2IntegId;
    return {
        {"sha1", "aes128-cbc", "hmac-sha1-96", E::ENCR_AES_CBC, 128, I::AUTH_HMAC_SHA1_96},
        {"sha1", "3des-cbc", "hmac-sha1-96", E::ENCR_3DES, 0, I::AUTH_HMAC_SHA1_96},
        {"sha256",
         "aes256-cbc",
         "hmac-sha256-128",
         E::ENCR_AES_CBC,
         256,
         I::AUTH_HMAC_SHA2_256_128},
        {"sha256", "aes128-gcm16", "none", E::ENCR_AES_GCM_16, 128, I::NONE},
        {"sha384",
         "aes256-cbc",
         "hmac-sha384-192",
         E::ENCR_AES_CBC,
         256,
         I::AUTH_HMAC_SHA2_384_192},
        {"sha384", "aes256-gcm16", "none", E::ENCR_AES_GCM_16, 256, I::NONE},
        {"sha512",
         "aes256-cbc",
         "hmac-sha512-256",
         E::ENCR_AES_CBC,
         256,
         I::AUTH_HMAC_SHA2_512_256},
        {"sha512", "aes128-cbc", "hmac-sha1-96", E::ENCR_AES_CBC, 128, I::AUTH_HMAC_SHA1_96},
    };
}

/**
 * \param prf a PRF's name
 * \return its first IKE suite: the script derives the rekeyed SA, the Child SAs and the AUTH
 *         values from its keys
 */
IkeSuite
FirstSuite(const std::string& prf)
{
    for (const IkeSuite& s : IkeSuites())
    {
        if (prf == s.prf)
        {
            return s;
        }
    }
    return IkeSuites().front();
}

/**
 * \param s an IKE suite
 * \param key "sk_d", ...
 * \return the name of that key of the suite in the vectors file
 */
std::string
KeyName(const IkeSuite& s, const std::string& key)
{
    return std::string("ike.") + s.prf + "." + s.encr + "." + s.integ + "." + key;
}

/**
 * \param name a PRF's name
 * \return the PRF's transform ID
 */
Ikev2PrfId
PrfId(const std::string& name)
{
    for (const PrfName& p : Prfs())
    {
        if (name == p.name)
        {
            return p.id;
        }
    }
    return Ikev2PrfId::PRF_HMAC_SHA1;
}

/**
 * \param keys the keys
 * \return the seven keys with their names in the vectors file
 */
std::vector<std::pair<std::string, Bytes>>
Named(const Ikev2IkeKeys& keys)
{
    return {{"sk_d", keys.skD},
            {"sk_ai", keys.skAi},
            {"sk_ar", keys.skAr},
            {"sk_ei", keys.skEi},
            {"sk_er", keys.skEr},
            {"sk_pi", keys.skPi},
            {"sk_pr", keys.skPr}};
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief prf and prf+ (RFC 7296 §2.13) for the four PRFs, the 255-block limit, and an
 * unsupported PRF.
 */
class Ikev2PrfPlusTestCase : public TestCase
{
  public:
    Ikev2PrfPlusTestCase()
        : TestCase("prf and prf+ match the independent vectors; prf+ stops at 255 blocks")
    {
    }

  private:
    void DoRun() override;
};

void
Ikev2PrfPlusTestCase::DoRun()
{
    const Ikev2TestVectors& v = Ikev2TestVectors::Instance();
    NS_TEST_ASSERT_MSG_GT(v.GetSize(),
                          200,
                          "vectors not read from " << Ikev2TestVectors::GetPath());
    const Bytes key = v.Get("prf_key");
    const Bytes seed = v.Get("prf_seed");
    for (const PrfName& p : Prfs())
    {
        const std::string h = p.name;
        const uint32_t size = Ikev2Algorithms::GetPrfOutputLength(p.id);
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(Ikev2KeyDerivation::Prf(p.id, key, seed)),
                              CxtpTestToHex(v.Get("prf." + h)),
                              h << ": prf");
        Bytes out;
        NS_TEST_EXPECT_MSG_EQ(Ikev2KeyDerivation::PrfPlus(p.id, key, seed, 3 * size + 17, out),
                              true,
                              h);
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(out), CxtpTestToHex(v.Get("prfplus." + h)), h);
        NS_TEST_EXPECT_MSG_EQ(Ikev2KeyDerivation::PrfPlus(p.id, key, seed, 255 * size, out),
                              true,
                              h << ": 255 blocks are allowed");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(CryptoMac::Digest(CryptoHash::SHA2_256, out)),
                              CxtpTestToHex(v.Get("prfplus_max_sha256." + h)),
                              h << ": 255 blocks");
        NS_TEST_EXPECT_MSG_EQ(Ikev2KeyDerivation::PrfPlus(p.id, key, seed, 255 * size + 1, out),
                              false,
                              h << ": a 256th block must be refused");
        NS_TEST_EXPECT_MSG_EQ(out.empty(), true, h << ": output not cleared");
        NS_TEST_EXPECT_MSG_EQ(Ikev2KeyDerivation::PrfPlus(p.id, key, seed, 0, out), true, h);
        NS_TEST_EXPECT_MSG_EQ(out.empty(), true, h << ": zero bytes");
    }
    const auto md5 = static_cast<Ikev2PrfId>(1); // PRF_HMAC_MD5: not supported
    Bytes out;
    NS_TEST_EXPECT_MSG_EQ(Ikev2KeyDerivation::Prf(md5, key, seed).empty(), true, "PRF 1");
    NS_TEST_EXPECT_MSG_EQ(Ikev2KeyDerivation::PrfPlus(md5, key, seed, 20, out), false, "PRF 1");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief SKEYSEED and the SK_* split (RFC 7296 §2.14) for every suite of the vectors, the key
 * sizes, and refused transform combinations.
 */
class Ikev2IkeKeysTestCase : public TestCase
{
  public:
    Ikev2IkeKeysTestCase()
        : TestCase("SKEYSEED and the seven SK_* keys match the independent vectors")
    {
    }

  private:
    void DoRun() override;
    /// \brief Checks that invalid combinations of transforms are refused and clear the keys.
    void CheckRefused();
};

void
Ikev2IkeKeysTestCase::DoRun()
{
    const Ikev2TestVectors& v = Ikev2TestVectors::Instance();
    const Bytes ni = v.Get("ni");
    const Bytes nr = v.Get("nr");
    for (const PrfName& p : Prfs())
    {
        NS_TEST_EXPECT_MSG_EQ(
            CxtpTestToHex(Ikev2KeyDerivation::Skeyseed(p.id, ni, nr, v.Get("gir"))),
            CxtpTestToHex(v.Get(std::string("skeyseed.") + p.name)),
            p.name << ": SKEYSEED");
    }
    for (const IkeSuite& s : IkeSuites())
    {
        const std::string prefix = KeyName(s, "");
        const Ikev2PrfId prf = PrfId(s.prf);
        Ikev2IkeKeys keys;
        NS_TEST_ASSERT_MSG_EQ(
            Ikev2KeyDerivation::DeriveIkeKeys(prf,
                                              s.encrId,
                                              s.keyBits,
                                              s.integId,
                                              v.Get(std::string("skeyseed.") + s.prf),
                                              ni,
                                              nr,
                                              v.GetU64("spi_i"),
                                              v.GetU64("spi_r"),
                                              keys),
            true,
            prefix);
        for (const auto& [name, value] : Named(keys))
        {
            NS_TEST_EXPECT_MSG_EQ(v.Has(prefix + name), true, prefix + name);
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(value),
                                  CxtpTestToHex(v.Get(prefix + name)),
                                  prefix + name);
        }
        NS_TEST_EXPECT_MSG_EQ(keys.skD.size(), Ikev2Algorithms::GetPrfKeyLength(prf), prefix);
        NS_TEST_EXPECT_MSG_EQ(keys.skAi.size(),
                              Ikev2Algorithms::GetIntegKeyLength(s.integId),
                              prefix);
        NS_TEST_EXPECT_MSG_EQ(keys.skEr.size(),
                              Ikev2Algorithms::GetEncrKeyLength(s.encrId, s.keyBits),
                              prefix);
    }
    CheckRefused();
}

void
Ikev2IkeKeysTestCase::CheckRefused()
{
    // GCM with INTEG, CBC without, ENCR_NULL, AES-192, 3DES with a Key Length, AES-XCBC.
    const Ikev2TestVectors& v = Ikev2TestVectors::Instance();
    const Bytes ni = v.Get("ni");
    const Bytes nr = v.Get("nr");
    using E = Ikev2EncrId;
    using I = Ikev2IntegId;

    const struct
    {
        E encr;
        uint16_t bits;
        I integ;
    } bad[] = {{E::ENCR_AES_GCM_16, 128, I::AUTH_HMAC_SHA1_96},
               {E::ENCR_AES_CBC, 128, I::NONE},
               {E::ENCR_NULL, 0, I::AUTH_HMAC_SHA1_96},
               {E::ENCR_AES_CBC, 192, I::AUTH_HMAC_SHA1_96},
               {E::ENCR_3DES, 192, I::AUTH_HMAC_SHA1_96},
               {E::ENCR_AES_CBC, 128, static_cast<I>(5)}}; // AUTH_AES_XCBC_96

    for (const auto& b : bad)
    {
        Ikev2IkeKeys keys;
        keys.skD = {1};
        NS_TEST_EXPECT_MSG_EQ(Ikev2KeyDerivation::DeriveIkeKeys(Ikev2PrfId::PRF_HMAC_SHA1,
                                                                b.encr,
                                                                b.bits,
                                                                b.integ,
                                                                v.Get("skeyseed.sha1"),
                                                                ni,
                                                                nr,
                                                                1,
                                                                2,
                                                                keys),
                              false,
                              "ENCR " << static_cast<int>(b.encr) << "/" << b.bits << " INTEG "
                                      << static_cast<int>(b.integ));
        NS_TEST_EXPECT_MSG_EQ(keys.skD.empty(), true, "keys not cleared");
    }
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The SKEYSEED of a rekeyed IKE SA (RFC 7296 §2.18) and its new keys.
 */
class Ikev2RekeyTestCase : public TestCase
{
  public:
    Ikev2RekeyTestCase()
        : TestCase("Rekeyed IKE SA: SKEYSEED from the old SK_d, the new g^ir and the nonces")
    {
    }

  private:
    void DoRun() override;
};

void
Ikev2RekeyTestCase::DoRun()
{
    const Ikev2TestVectors& v = Ikev2TestVectors::Instance();
    for (const PrfName& p : Prfs())
    {
        const IkeSuite suite = FirstSuite(p.name);
        const Bytes skeyseed = Ikev2KeyDerivation::RekeySkeyseed(p.id,
                                                                 v.Get(KeyName(suite, "sk_d")),
                                                                 v.Get("gir2"),
                                                                 v.Get("ni2"),
                                                                 v.Get("nr2"));
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(skeyseed),
                              CxtpTestToHex(v.Get(std::string("rekey_skeyseed.") + p.name)),
                              p.name);
        Ikev2IkeKeys keys;
        NS_TEST_ASSERT_MSG_EQ(Ikev2KeyDerivation::DeriveIkeKeys(p.id,
                                                                suite.encrId,
                                                                suite.keyBits,
                                                                suite.integId,
                                                                skeyseed,
                                                                v.Get("ni2"),
                                                                v.Get("nr2"),
                                                                v.GetU64("spi_i2"),
                                                                v.GetU64("spi_r2"),
                                                                keys),
                              true,
                              p.name);
        for (const auto& [name, value] : Named(keys))
        {
            const std::string key = std::string("rekey.") + p.name + "." + name;
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(value), CxtpTestToHex(v.Get(key)), key);
        }
    }
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Child SA KEYMAT with and without PFS (RFC 7296 §2.17), split into the four ESP keys
 * in the order I->R encryption, integrity, R->I encryption, integrity.
 */
class Ikev2ChildKeysTestCase : public TestCase
{
  public:
    Ikev2ChildKeysTestCase()
        : TestCase("Child SA KEYMAT with and without PFS matches the independent vectors")
    {
    }

  private:
    void DoRun() override;
    /**
     * \brief Checks the four keys of one Child SA suite against the vectors.
     * \param prf the PRF's name
     * \param pfs with a new shared secret and the CREATE_CHILD_SA nonces
     * \param encr the ENCR's name in the vectors
     * \param integ the INTEG's name in the vectors
     * \param encryption the encryption
     * \param integrity the integrity
     */
    void Check(const std::string& prf,
               bool pfs,
               const char* encr,
               const char* integ,
               IpsecEncryption encryption,
               IpsecIntegrity integrity);
};

void
Ikev2ChildKeysTestCase::Check(const std::string& prf,
                              bool pfs,
                              const char* encr,
                              const char* integ,
                              IpsecEncryption encryption,
                              IpsecIntegrity integrity)
{
    const Ikev2TestVectors& v = Ikev2TestVectors::Instance();
    const std::string prefix =
        "child." + prf + (pfs ? ".pfs." : ".nopfs.") + encr + "." + integ + ".";
    Ikev2ChildKeys keys;
    NS_TEST_ASSERT_MSG_EQ(
        Ikev2KeyDerivation::DeriveChildKeys(PrfId(prf),
                                            v.Get(KeyName(FirstSuite(prf), "sk_d")),
                                            pfs ? v.Get("gir2") : Bytes(),
                                            pfs ? v.Get("ni2") : v.Get("ni"),
                                            pfs ? v.Get("nr2") : v.Get("nr"),
                                            encryption,
                                            integrity,
                                            keys),
        true,
        prefix);
    const std::pair<const char*, const Bytes*> parts[] = {{"enc_ir", &keys.encryptionIr},
                                                          {"integ_ir", &keys.integrityIr},
                                                          {"enc_ri", &keys.encryptionRi},
                                                          {"integ_ri", &keys.integrityRi}};
    for (const auto& [name, value] : parts)
    {
        NS_TEST_EXPECT_MSG_EQ(v.Has(prefix + name), true, prefix + name);
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(*value),
                              CxtpTestToHex(v.Get(prefix + name)),
                              prefix + name);
    }
    NS_TEST_EXPECT_MSG_EQ(keys.encryptionIr.size(), GetEncryptionKeyLength(encryption), prefix);
    NS_TEST_EXPECT_MSG_EQ(keys.integrityRi.size(), GetIntegrityKeyLength(integrity), prefix);
}

void
Ikev2ChildKeysTestCase::DoRun()
{
    using Enc = IpsecEncryption;
    using Int = IpsecIntegrity;
    for (const PrfName& p : Prfs())
    {
        for (bool pfs : {false, true})
        {
            Check(p.name, pfs, "aes128-cbc", "hmac-sha1-96", Enc::AES_128_CBC, Int::HMAC_SHA1_96);
            Check(p.name,
                  pfs,
                  "aes256-cbc",
                  "hmac-sha256-128",
                  Enc::AES_256_CBC,
                  Int::HMAC_SHA2_256_128);
            Check(p.name, pfs, "3des-cbc", "hmac-sha1-96", Enc::TDES_CBC, Int::HMAC_SHA1_96);
            Check(p.name, pfs, "aes128-gcm16", "none", Enc::AES_128_GCM_16, Int::NONE);
            Check(p.name, pfs, "aes256-gcm16", "none", Enc::AES_256_GCM_16, Int::NONE);
        }
    }
    const Ikev2TestVectors& v = Ikev2TestVectors::Instance();
    Ikev2ChildKeys keys;
    NS_TEST_EXPECT_MSG_EQ(Ikev2KeyDerivation::DeriveChildKeys(Ikev2PrfId::PRF_HMAC_SHA1,
                                                              v.Get("ni"),
                                                              Bytes(),
                                                              v.Get("ni"),
                                                              v.Get("nr"),
                                                              Enc::AES_128_GCM_16,
                                                              Int::HMAC_SHA1_96,
                                                              keys),
                          false,
                          "AES-GCM with an integrity algorithm");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief NAT detection hashes (RFC 7296 §2.23) and stateless cookies (§2.6), with a secret
 * rotation.
 */
class Ikev2NatCookieTestCase : public TestCase
{
  public:
    Ikev2NatCookieTestCase()
        : TestCase("NAT_DETECTION hashes and COOKIE values match the independent vectors")
    {
    }

  private:
    void DoRun() override;
};

void
Ikev2NatCookieTestCase::DoRun()
{
    const Ikev2TestVectors& v = Ikev2TestVectors::Instance();
    const uint64_t spiI = v.GetU64("spi_i");
    const uint64_t spiR = v.GetU64("spi_r");
    Bytes ip6 = v.Get("ip6");
    Bytes ip4 = v.Get("ip4");
    const Ipv6Address a6(ip6.data());
    const Ipv4Address a4 = Ipv4Address::Deserialize(ip4.data());
    const Bytes natd = Ikev2NatDetection::Hash(spiI, spiR, a6, 500);
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(natd), CxtpTestToHex(v.Get("natd.ip6.500")), "IPv6");
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(Ikev2NatDetection::Hash(spiI, 0, a6, 4500)),
                          CxtpTestToHex(v.Get("natd.ip6.4500.request")),
                          "IPv6, SPIr 0, port 4500");
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(Ikev2NatDetection::Hash(spiI, spiR, a4, 500)),
                          CxtpTestToHex(v.Get("natd.ip4.500")),
                          "IPv4");
    NS_TEST_EXPECT_MSG_EQ(Ikev2NatDetection::Matches(v.Get("natd.ip6.500"), natd), true, "match");
    NS_TEST_EXPECT_MSG_EQ(
        Ikev2NatDetection::Matches(natd, Ikev2NatDetection::Hash(spiI, spiR, a6, 501)),
        false,
        "a changed port means a NAT");

    const Bytes ni = v.Get("ni");
    Ikev2CookieGenerator cookies(v.Get("secret0"));
    const Bytes c0 = cookies.Compute(ni, a6, spiI);
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(c0), CxtpTestToHex(v.Get("cookie.v0")), "cookie v0");
    NS_TEST_EXPECT_MSG_EQ(c0.size(), Ikev2CookieGenerator::COOKIE_LENGTH, "36 octets");
    NS_TEST_EXPECT_MSG_EQ(cookies.Verify(c0, ni, a6, spiI), true, "own cookie");
    NS_TEST_EXPECT_MSG_EQ(cookies.Verify(c0, ni, a6, spiI + 1), false, "other SPIi");
    NS_TEST_EXPECT_MSG_EQ(cookies.Verify(c0, ni, Ipv6Address("2001:db8::99"), spiI),
                          false,
                          "other address");
    Bytes tampered = c0;
    tampered.back() ^= 1;
    NS_TEST_EXPECT_MSG_EQ(cookies.Verify(tampered, ni, a6, spiI), false, "tampered");
    cookies.Rotate(v.Get("secret1"));
    NS_TEST_EXPECT_MSG_EQ(cookies.GetVersion(), 1, "version after a rotation");
    const Bytes c1 = cookies.Compute(ni, a6, spiI);
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(c1), CxtpTestToHex(v.Get("cookie.v1")), "cookie v1");
    NS_TEST_EXPECT_MSG_EQ(cookies.Verify(c1, ni, a6, spiI), true, "current secret");
    NS_TEST_EXPECT_MSG_EQ(cookies.Verify(c0, ni, a6, spiI), true, "previous secret");
    cookies.Rotate(v.Get("secret0"));
    NS_TEST_EXPECT_MSG_EQ(cookies.Verify(c0, ni, a6, spiI), false, "secret two rotations ago");
    NS_TEST_EXPECT_MSG_EQ(cookies.Verify(c1, ni, a6, spiI), true, "previous secret");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The transform tables: key and ICV sizes (RFC 4868 §2.1, RFC 5282 §7.1, RFC 7296
 * §3.3.5) and the mappings to the module's algorithms and groups, both ways.
 */
class Ikev2AlgorithmsTestCase : public TestCase
{
  public:
    Ikev2AlgorithmsTestCase()
        : TestCase("IKEv2 transform IDs map to the module's algorithms with RFC key sizes")
    {
    }

  private:
    void DoRun() override;
};

void
Ikev2AlgorithmsTestCase::DoRun()
{
    using A = Ikev2Algorithms;
    const uint32_t prfSizes[] = {20, 32, 48, 64};
    const Ikev2IntegId integs[] = {Ikev2IntegId::AUTH_HMAC_SHA1_96,
                                   Ikev2IntegId::AUTH_HMAC_SHA2_256_128,
                                   Ikev2IntegId::AUTH_HMAC_SHA2_384_192,
                                   Ikev2IntegId::AUTH_HMAC_SHA2_512_256};
    const uint32_t icvs[] = {12, 16, 24, 32};
    for (size_t i = 0; i < 4; ++i)
    {
        NS_TEST_EXPECT_MSG_EQ(A::GetPrfKeyLength(Prfs()[i].id), prfSizes[i], Prfs()[i].name);
        NS_TEST_EXPECT_MSG_EQ(A::GetIntegKeyLength(integs[i]), prfSizes[i], "INTEG key");
        NS_TEST_EXPECT_MSG_EQ(A::GetIntegIcvLength(integs[i]), icvs[i], "INTEG ICV");
    }
    NS_TEST_EXPECT_MSG_EQ(A::GetIntegKeyLength(Ikev2IntegId::NONE), 0, "NONE");
    NS_TEST_EXPECT_MSG_EQ(A::GetEncrKeyLength(Ikev2EncrId::ENCR_3DES, 0), 24, "3DES");
    NS_TEST_EXPECT_MSG_EQ(A::GetEncrKeyLength(Ikev2EncrId::ENCR_AES_CBC, 128), 16, "AES-128");
    NS_TEST_EXPECT_MSG_EQ(A::GetEncrKeyLength(Ikev2EncrId::ENCR_AES_CBC, 256), 32, "AES-256");
    NS_TEST_EXPECT_MSG_EQ(A::GetEncrKeyLength(Ikev2EncrId::ENCR_AES_GCM_16, 128), 20, "+salt");
    NS_TEST_EXPECT_MSG_EQ(A::GetEncrKeyLength(Ikev2EncrId::ENCR_AES_GCM_16, 256), 36, "+salt");
    NS_TEST_EXPECT_MSG_EQ(A::GetEncrKeyLength(Ikev2EncrId::ENCR_AES_CBC, 192), 0, "AES-192");
    for (IpsecEncryption alg : {IpsecEncryption::NULL_ENC,
                                IpsecEncryption::TDES_CBC,
                                IpsecEncryption::AES_128_CBC,
                                IpsecEncryption::AES_256_CBC,
                                IpsecEncryption::AES_128_GCM_16,
                                IpsecEncryption::AES_256_GCM_16})
    {
        Ikev2EncrId encr;
        uint16_t bits = 0;
        IpsecEncryption back = IpsecEncryption::NULL_ENC;
        A::GetEncrId(alg, encr, bits);
        NS_TEST_EXPECT_MSG_EQ(A::GetEncryption(encr, bits, back), true, ToString(alg));
        NS_TEST_EXPECT_MSG_EQ(ToString(back), ToString(alg), "round trip");
    }
    for (IpsecIntegrity alg :
         {IpsecIntegrity::NONE, IpsecIntegrity::HMAC_SHA1_96, IpsecIntegrity::HMAC_SHA2_256_128})
    {
        IpsecIntegrity back = IpsecIntegrity::NONE;
        NS_TEST_EXPECT_MSG_EQ(A::GetIntegrity(A::GetIntegId(alg), back), true, ToString(alg));
        NS_TEST_EXPECT_MSG_EQ(ToString(back), ToString(alg), "round trip");
    }
    IpsecIntegrity esp;
    NS_TEST_EXPECT_MSG_EQ(A::GetIntegrity(Ikev2IntegId::AUTH_HMAC_SHA2_384_192, esp),
                          false,
                          "no ESP HMAC-SHA2-384 in the module");
    const Ikev2DhId ids[] = {Ikev2DhId::MODP_1024,
                             Ikev2DhId::MODP_1536,
                             Ikev2DhId::MODP_2048,
                             Ikev2DhId::MODP_3072,
                             Ikev2DhId::ECP_256,
                             Ikev2DhId::CURVE25519};
    for (Ikev2DhId id : ids)
    {
        CryptoDhGroup group;
        Ikev2DhId back = Ikev2DhId::NONE;
        NS_TEST_EXPECT_MSG_EQ(A::GetDhGroup(id, group), true, "DH " << static_cast<int>(id));
        NS_TEST_EXPECT_MSG_EQ(A::GetDhId(group, back), true, "DH " << static_cast<int>(id));
        NS_TEST_EXPECT_MSG_EQ(static_cast<int>(back), static_cast<int>(id), "round trip");
    }
    CryptoDhGroup group;
    NS_TEST_EXPECT_MSG_EQ(A::GetDhGroup(Ikev2DhId::NONE, group), false, "NONE");
    NS_TEST_EXPECT_MSG_EQ(A::GetDhGroup(static_cast<Ikev2DhId>(1), group), false, "MODP-768");
    NS_TEST_EXPECT_MSG_EQ(A::GetDhGroup(static_cast<Ikev2DhId>(20), group), false, "ECP-384");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The IKEv2 key material suite.
 */
class Ikev2KeyDerivationTestSuite : public TestSuite
{
  public:
    Ikev2KeyDerivationTestSuite()
        : TestSuite("cxtp-ipsec-ikev2-keys", TestSuite::UNIT)
    {
        AddTestCase(new Ikev2PrfPlusTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2IkeKeysTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2RekeyTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2ChildKeysTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2NatCookieTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2AlgorithmsTestCase, TestCase::QUICK);
    }
};

/// The static instance registers the suite.
static Ikev2KeyDerivationTestSuite g_ikev2KeyDerivationTestSuite;

} // namespace
