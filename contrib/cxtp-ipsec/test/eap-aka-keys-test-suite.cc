/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
/*
 * Tests for EapAkaKeys: the FIPS 186-2 PRF against RFC 4186 Appendix A.5 (published), and MK,
 * K_encr, K_aut, MSK and EMSK (RFC 4187 §7) against an independent computation with the Python
 * standard library: test/vectors/eap-aka-keys-vectors.py, which checks its PRF against the same
 * RFC 4186 vector before writing test/vectors/eap-aka-keys-vectors.txt (read here).
 */

#include "cxtp-test-hex.h"
#include "ikev2-test-vectors.h"

#include "ns3/eap-aka-keys.h"
#include "ns3/test.h"

#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// A byte string.
using Bytes = std::vector<uint8_t>;

/// \return the EAP-AKA key vectors, read once
const Ikev2TestVectors&
Vectors()
{
    static const Ikev2TestVectors vectors = Ikev2TestVectors::ReadFile("eap-aka-keys-vectors.txt");
    return vectors;
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The PRF keyed with the MK of RFC 4186 Appendix A.5 gives the published K_encr, K_aut,
 * MSK and EMSK.
 */
class EapAkaPrfTestCase : public TestCase
{
  public:
    EapAkaPrfTestCase()
        : TestCase("FIPS 186-2 PRF matches RFC 4186 Appendix A.5")
    {
    }

  private:
    void DoRun() override
    {
        const Ikev2TestVectors& v = Vectors();
        NS_TEST_ASSERT_MSG_EQ(v.Has("rfc4186.mk") && v.Has("aka.emsk"),
                              true,
                              "vectors not read from " << Ikev2TestVectors::GetDirectory());
        const Bytes mk = v.Get("rfc4186.mk");
        const EapAkaKeys::Keys keys = EapAkaKeys::DeriveFromMk(mk);
        NS_TEST_ASSERT_MSG_EQ(keys.valid, true, "MK of 20 bytes");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(keys.kEncr),
                              CxtpTestToHex(v.Get("rfc4186.k_encr")),
                              "K_encr");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(keys.kAut),
                              CxtpTestToHex(v.Get("rfc4186.k_aut")),
                              "K_aut");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(keys.msk), CxtpTestToHex(v.Get("rfc4186.msk")), "MSK");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(keys.emsk),
                              CxtpTestToHex(v.Get("rfc4186.emsk")),
                              "EMSK");

        // The raw stream: any length is a prefix of a longer run (40 bytes per round).
        const Bytes stream = EapAkaKeys::Fips186Prf(mk, 160);
        const Bytes shorter = EapAkaKeys::Fips186Prf(mk, 37);
        NS_TEST_EXPECT_MSG_EQ(stream.size(), size_t{160}, "length");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(shorter),
                              CxtpTestToHex(Bytes(stream.begin(), stream.begin() + 37)),
                              "prefix");
        NS_TEST_EXPECT_MSG_EQ(EapAkaKeys::Fips186Prf(Bytes(19, 0), 40).empty(),
                              true,
                              "XKEY of 19 bytes");
        NS_TEST_EXPECT_MSG_EQ(EapAkaKeys::DeriveFromMk(Bytes(21, 0)).valid, false, "MK of 21");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief MK = SHA1(Identity | IK | CK) and the keys from it, against the Python vectors.
 */
class EapAkaDeriveTestCase : public TestCase
{
  public:
    EapAkaDeriveTestCase()
        : TestCase("EAP-AKA MK and keys match the independent vectors (RFC 4187 §7)")
    {
    }

  private:
    void DoRun() override
    {
        const Ikev2TestVectors& v = Vectors();
        const Bytes id = v.Get("aka.identity");
        const std::string identity(id.begin(), id.end());
        NS_TEST_ASSERT_MSG_EQ(identity.empty(), false, "identity");
        const Bytes ik = v.Get("aka.ik");
        const Bytes ck = v.Get("aka.ck");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(EapAkaKeys::DeriveMk(identity, ik, ck)),
                              CxtpTestToHex(v.Get("aka.mk")),
                              "MK");
        const EapAkaKeys::Keys keys = EapAkaKeys::Derive(identity, ik, ck);
        NS_TEST_ASSERT_MSG_EQ(keys.valid, true, "derived");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(keys.mk), CxtpTestToHex(v.Get("aka.mk")), "MK");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(keys.kEncr),
                              CxtpTestToHex(v.Get("aka.k_encr")),
                              "K_encr");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(keys.kAut), CxtpTestToHex(v.Get("aka.k_aut")), "K_aut");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(keys.msk), CxtpTestToHex(v.Get("aka.msk")), "MSK");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(keys.emsk), CxtpTestToHex(v.Get("aka.emsk")), "EMSK");
        NS_TEST_EXPECT_MSG_EQ(keys.kEncr.size() + keys.kAut.size() + keys.msk.size() +
                                  keys.emsk.size(),
                              size_t{160},
                              "1280 bits of key material");

        // IK and CK swapped, or another identity, give another MK.
        NS_TEST_EXPECT_MSG_NE(CxtpTestToHex(EapAkaKeys::DeriveMk(identity, ck, ik)),
                              CxtpTestToHex(v.Get("aka.mk")),
                              "order Identity | IK | CK");
        NS_TEST_EXPECT_MSG_NE(CxtpTestToHex(EapAkaKeys::Derive("1" + identity, ik, ck).mk),
                              CxtpTestToHex(v.Get("aka.mk")),
                              "identity bound");
        const EapAkaKeys::Keys bad = EapAkaKeys::Derive(identity, Bytes(15, 0), ck);
        NS_TEST_EXPECT_MSG_EQ(bad.valid, false, "IK of 15 bytes");
        NS_TEST_EXPECT_MSG_EQ(bad.msk.empty() && bad.mk.empty(), true, "nothing derived");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The EAP-AKA key derivation suite.
 */
class EapAkaKeysTestSuite : public TestSuite
{
  public:
    EapAkaKeysTestSuite()
        : TestSuite("cxtp-ipsec-eap-aka-keys", TestSuite::UNIT)
    {
        AddTestCase(new EapAkaPrfTestCase, TestCase::QUICK);
        AddTestCase(new EapAkaDeriveTestCase, TestCase::QUICK);
    }
};

/// The static instance registers the suite.
static EapAkaKeysTestSuite g_eapAkaKeysTestSuite;

} // namespace
