/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
/*
 * Tests for CryptoDiffieHellman's elliptic-curve groups and the reproducible private values of
 * the groups added for IKEv2 (ECP-256, Curve25519, MODP-3072):
 * - known answers: RFC 7748 §6.1 (X25519) and RFC 5903 §8.1 (ECP-256, whose values were also
 *   recomputed with /usr/bin/python3 by textbook affine point arithmetic on P-256 before being
 *   written here);
 * - both sides agree, and public values, shared secrets and private values have the sizes of
 *   RFC 5903 §7 (64, 32), RFC 8031 §2 (32, 32) and RFC 3526 §4 (384);
 * - the same CryptoRandom seed and stream give the same keys; another stream other keys;
 * - invalid private values and peer values are refused (RFC 6989 §2, RFC 8031 §2).
 */

#include "cxtp-test-hex.h"
#include "cxtp-test-isolation.h"

#include "ns3/crypto-diffie-hellman.h"
#include "ns3/crypto-random.h"
#include "ns3/test.h"

#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// A byte string.
using Bytes = std::vector<uint8_t>;

/// RFC 7748 §6.1: Alice's private key a.
const char* const X25519_A = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
/// RFC 7748 §6.1: Alice's public key X25519(a, 9).
const char* const X25519_PUBLIC_A =
    "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
/// RFC 7748 §6.1: Bob's private key b.
const char* const X25519_B = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
/// RFC 7748 §6.1: Bob's public key X25519(b, 9).
const char* const X25519_PUBLIC_B =
    "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
/// RFC 7748 §6.1: the shared secret K.
const char* const X25519_SHARED =
    "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

/// RFC 5903 §8.1: the initiator's private value i.
const char* const P256_I = "c88f01f510d9ac3f70a292daa2316de544e9aab8afe84049c62a9c57862d1433";
/// RFC 5903 §8.1: g^i = gix | giy, the initiator's KE data.
const char* const P256_GI = "dad0b65394221cf9b051e1feca5787d098dfe637fc90b9ef945d0c3772581180"
                            "5271a0461cdb8252d61f1c456fa3e59ab1f45b33accf5f58389e0577b8990bb3";
/// RFC 5903 §8.1: the responder's private value r.
const char* const P256_R = "c6ef9c5d78ae012a011164acb397ce2088685d8f06bf9be0b283ab46476bee53";
/// RFC 5903 §8.1: g^r = grx | gry, the responder's KE data.
const char* const P256_GR = "d12dfb5289c8d4f81208b70270398c342296970a0bccb74c736fc7554494bf63"
                            "56fbf3ca366cc23e8157854c13c58d6aac23f046ada30f8353e74f33039872ab";
/// RFC 5903 §8.1: g^ir, the x coordinate of the shared point.
const char* const P256_GIR = "d6840f6b42f6edafd13116e0e12565202fef8e9ece7dce03812464d04b9442de";
/// The order n of the P-256 base point (FIPS 186-4 D.1.2.3).
const char* const P256_N = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551";

/**
 * \ingroup cxtp-ipsec-tests
 * \brief RFC known answers: X25519 (RFC 7748 §6.1) and ECP-256 (RFC 5903 §8.1), in both
 * directions.
 */
class CryptoEcdhKnownAnswerTestCase : public TestCase
{
  public:
    CryptoEcdhKnownAnswerTestCase()
        : TestCase("X25519 and ECP-256 give the RFC 7748 and RFC 5903 known answers")
    {
    }

  private:
    void DoRun() override;
    /**
     * \brief Checks one group's vector in both directions.
     * \param group the group
     * \param a one private value (hex)
     * \param publicA its public value (hex)
     * \param b the other private value (hex)
     * \param publicB its public value (hex)
     * \param shared the shared secret (hex)
     */
    void Check(CryptoDhGroup group,
               const char* a,
               const char* publicA,
               const char* b,
               const char* publicB,
               const char* shared);
};

void
CryptoEcdhKnownAnswerTestCase::Check(CryptoDhGroup group,
                                     const char* a,
                                     const char* publicA,
                                     const char* b,
                                     const char* publicB,
                                     const char* shared)
{
    const std::string name = "group " + std::to_string(static_cast<int>(group)) + ": ";
    Bytes ya;
    Bytes yb;
    Bytes sa;
    Bytes sb;
    NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::ComputePublic(group, CxtpTestFromHex(a), ya),
                          true,
                          name + "public A");
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(ya), publicA, name + "public A");
    NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::ComputePublic(group, CxtpTestFromHex(b), yb),
                          true,
                          name + "public B");
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(yb), publicB, name + "public B");
    NS_TEST_EXPECT_MSG_EQ(
        CryptoDiffieHellman::ComputeShared(group, CxtpTestFromHex(a), CxtpTestFromHex(publicB), sa),
        true,
        name + "shared A");
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(sa), shared, name + "shared A");
    NS_TEST_EXPECT_MSG_EQ(
        CryptoDiffieHellman::ComputeShared(group, CxtpTestFromHex(b), CxtpTestFromHex(publicA), sb),
        true,
        name + "shared B");
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(sb), shared, name + "shared B");
}

void
CryptoEcdhKnownAnswerTestCase::DoRun()
{
    Check(CryptoDhGroup::CURVE25519,
          X25519_A,
          X25519_PUBLIC_A,
          X25519_B,
          X25519_PUBLIC_B,
          X25519_SHARED);
    Check(CryptoDhGroup::ECP_256, P256_I, P256_GI, P256_R, P256_GR, P256_GIR);
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Keys drawn from CryptoRandom: both sides agree, sizes are those of the RFCs, the same
 * seed and stream give the same keys and another stream other keys.
 */
class CryptoEcdhAgreementTestCase : public TestCase
{
  public:
    CryptoEcdhAgreementTestCase()
        : TestCase("ECP-256, Curve25519 and MODP-3072 agree, with RFC sizes, reproducibly")
    {
    }

  private:
    void DoRun() override;
};

void
CryptoEcdhAgreementTestCase::DoRun()
{
    CxtpTestIsolation isolation(4);

    struct Sizes
    {
        CryptoDhGroup group;  ///< the group
        uint32_t publicBytes; ///< KE data length
        uint32_t sharedBytes; ///< g^ir length
    };

    const Sizes groups[] = {{CryptoDhGroup::ECP_256, 64, 32},
                            {CryptoDhGroup::CURVE25519, 32, 32},
                            {CryptoDhGroup::MODP_3072, 384, 384}};
    Ptr<CryptoRandom> a = CreateObject<CryptoRandom>();
    Ptr<CryptoRandom> b = CreateObject<CryptoRandom>();
    Ptr<CryptoRandom> again = CreateObject<CryptoRandom>();
    a->AssignStreams(21);
    b->AssignStreams(22);
    again->AssignStreams(21);
    for (const Sizes& s : groups)
    {
        const std::string name = "group " + std::to_string(static_cast<int>(s.group)) + ": ";
        NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::GetLength(s.group), s.publicBytes, name);
        NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::GetSharedLength(s.group), s.sharedBytes, name);
        Bytes xa = CryptoDiffieHellman::MakePrivate(s.group, *a);
        Bytes xb = CryptoDiffieHellman::MakePrivate(s.group, *b);
        Bytes xa2 = CryptoDiffieHellman::MakePrivate(s.group, *again);
        NS_TEST_EXPECT_MSG_EQ(xa.size(), CryptoDiffieHellman::GetPrivateLength(s.group), name);
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(xa),
                              CxtpTestToHex(xa2),
                              name + "same seed and stream, other key");
        NS_TEST_EXPECT_MSG_NE(CxtpTestToHex(xa),
                              CxtpTestToHex(xb),
                              name + "other stream, same key");
        Bytes ya;
        Bytes ya2;
        Bytes yb;
        NS_TEST_ASSERT_MSG_EQ(CryptoDiffieHellman::ComputePublic(s.group, xa, ya), true, name);
        NS_TEST_ASSERT_MSG_EQ(CryptoDiffieHellman::ComputePublic(s.group, xa2, ya2), true, name);
        NS_TEST_ASSERT_MSG_EQ(CryptoDiffieHellman::ComputePublic(s.group, xb, yb), true, name);
        NS_TEST_EXPECT_MSG_EQ(ya.size(), s.publicBytes, name + "public value size");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(ya),
                              CxtpTestToHex(ya2),
                              name + "public value not reproducible");
        Bytes sa;
        Bytes sb;
        NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::ComputeShared(s.group, xa, yb, sa), true, name);
        NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::ComputeShared(s.group, xb, ya, sb), true, name);
        NS_TEST_EXPECT_MSG_EQ(sa.size(), s.sharedBytes, name + "shared secret size");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(sa), CxtpTestToHex(sb), name + "the sides disagree");
    }
    a->Dispose();
    b->Dispose();
    again->Dispose();
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Invalid private values and peer values are refused, and the outputs are cleared.
 */
class CryptoEcdhRejectTestCase : public TestCase
{
  public:
    CryptoEcdhRejectTestCase()
        : TestCase("Invalid EC private values and peer values are refused")
    {
    }

  private:
    void DoRun() override;
    /**
     * \brief Expects ComputeShared to fail and clear its output.
     * \param group the group
     * \param x the private value
     * \param peer the peer's value
     * \param what the case, for the message
     */
    void ExpectSharedFails(CryptoDhGroup group,
                           const Bytes& x,
                           const Bytes& peer,
                           const char* what);
};

void
CryptoEcdhRejectTestCase::ExpectSharedFails(CryptoDhGroup group,
                                            const Bytes& x,
                                            const Bytes& peer,
                                            const char* what)
{
    Bytes shared{1, 2, 3};
    NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::ComputeShared(group, x, peer, shared), false, what);
    NS_TEST_EXPECT_MSG_EQ(shared.empty(), true, what << ": output not cleared");
}

void
CryptoEcdhRejectTestCase::DoRun()
{
    const CryptoDhGroup p256 = CryptoDhGroup::ECP_256;
    const CryptoDhGroup x25519 = CryptoDhGroup::CURVE25519;
    const Bytes i = CxtpTestFromHex(P256_I);
    const Bytes gr = CxtpTestFromHex(P256_GR);
    Bytes y{9};

    // P-256 private values: 0, n, n+1 and wrong lengths.
    Bytes n = CxtpTestFromHex(P256_N);
    Bytes nPlusOne = n;
    nPlusOne.back() += 1;
    Bytes nMinusOne = n;
    nMinusOne.back() -= 1;
    for (const Bytes& bad : {Bytes(32, 0), n, nPlusOne, Bytes(31, 1), Bytes(33, 1)})
    {
        NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::ComputePublic(p256, bad, y), false, "P-256 x");
        NS_TEST_EXPECT_MSG_EQ(y.empty(), true, "public value not cleared");
        ExpectSharedFails(p256, bad, gr, "P-256 private value");
    }
    NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::ComputePublic(p256, nMinusOne, y), true, "n-1");

    // P-256 peer values: off the curve, (0, 0), wrong lengths.
    Bytes offCurve = gr;
    offCurve.back() ^= 0x01;
    ExpectSharedFails(p256, i, offCurve, "P-256 point off the curve");
    ExpectSharedFails(p256, i, Bytes(64, 0), "P-256 (0, 0)");
    ExpectSharedFails(p256, i, Bytes(gr.begin(), gr.end() - 1), "P-256 63 bytes");
    Bytes longer = gr;
    longer.push_back(0);
    ExpectSharedFails(p256, i, longer, "P-256 65 bytes");
    Bytes sec1{0x04};
    sec1.insert(sec1.end(), gr.begin(), gr.end() - 1);
    ExpectSharedFails(p256, i, sec1, "P-256 SEC 1 form with 0x04");

    // X25519: the low-order points u = 0 and u = 1 give an all-zero secret (RFC 8031 §2);
    // wrong lengths.
    const Bytes a = CxtpTestFromHex(X25519_A);
    ExpectSharedFails(x25519, a, Bytes(32, 0), "X25519 u = 0");
    Bytes one(32, 0);
    one[0] = 1; // little-endian u = 1
    ExpectSharedFails(x25519, a, one, "X25519 u = 1");
    ExpectSharedFails(x25519, a, Bytes(31, 9), "X25519 31 bytes");
    ExpectSharedFails(x25519, a, Bytes(33, 9), "X25519 33 bytes");
    ExpectSharedFails(x25519,
                      Bytes(31, 1),
                      CxtpTestFromHex(X25519_PUBLIC_B),
                      "X25519 short private");
    NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::ComputePublic(x25519, Bytes(33, 1), y),
                          false,
                          "X25519 long private value");
    NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::GetPrime(p256).empty(), true, "no prime");
    NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::IsModp(p256), false, "P-256 is no MODP group");
    NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::IsModp(CryptoDhGroup::MODP_3072), true, "MODP");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The elliptic-curve Diffie-Hellman suite.
 */
class CryptoEcdhTestSuite : public TestSuite
{
  public:
    CryptoEcdhTestSuite()
        : TestSuite("cxtp-ipsec-dh-ec", TestSuite::UNIT)
    {
        AddTestCase(new CryptoEcdhKnownAnswerTestCase, TestCase::QUICK);
        AddTestCase(new CryptoEcdhAgreementTestCase, TestCase::QUICK);
        AddTestCase(new CryptoEcdhRejectTestCase, TestCase::QUICK);
    }
};

/// The static instance registers the suite.
static CryptoEcdhTestSuite g_cryptoEcdhTestSuite;

} // namespace
