/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
/*
 * Tests for CryptoMilenage: the Milenage functions of 3GPP TS 35.206 and the AKA steps of the
 * AuC and the USIM (TS 33.102 §6.3).
 *
 * The expected values are the test sets 1 to 6 of TS 35.208 §4.3, committed as
 * test/vectors/milenage-vectors.txt by test/vectors/milenage-vectors.py, which recomputes every
 * published output with its own Milenage (python3-cryptography's AES) before writing it; AUTN
 * and AUTS in that file are computed by the script. How the published values were obtained is
 * in the script's header and in the "EAP-AKA cryptography" section of
 * contrib/cxtp-ipsec/doc/cxtp-ipsec.rst.
 */

#include "cxtp-test-hex.h"
#include "ikev2-test-vectors.h"

#include "ns3/crypto-cipher.h"
#include "ns3/crypto-milenage.h"
#include "ns3/test.h"

#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// A byte string.
using Bytes = std::vector<uint8_t>;

/// Number of TS 35.208 test sets in the vectors file.
constexpr int TEST_SETS = 6;

/// \return the Milenage vectors, read once
const Ikev2TestVectors&
Vectors()
{
    static const Ikev2TestVectors vectors = Ikev2TestVectors::ReadFile("milenage-vectors.txt");
    return vectors;
}

/**
 * \param set the test set (1..6)
 * \param name the field ("k", "rand", ..., "f5star", "autn", "auts")
 * \return the field's bytes
 */
Bytes
Field(int set, const std::string& name)
{
    return Vectors().Get("set" + std::to_string(set) + "." + name);
}

/**
 * \param set the test set
 * \return its AMF as a number
 */
uint16_t
Amf(int set)
{
    const Bytes amf = Field(set, "amf");
    return static_cast<uint16_t>((amf.at(0) << 8) | amf.at(1));
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief OPc, f1, f1*, f2, f3, f4, f5 and f5* against TS 35.208 §4.3 test sets 1 to 6, and the
 * AES-128 block helper against FIPS 197 Appendix C.1.
 */
class MilenageFunctionsTestCase : public TestCase
{
  public:
    MilenageFunctionsTestCase()
        : TestCase("every Milenage function matches TS 35.208 test sets 1-6")
    {
    }

  private:
    void DoRun() override
    {
        // FIPS 197 Appendix C.1 (AES-128), the kernel E_K.
        Bytes block;
        NS_TEST_ASSERT_MSG_EQ(
            CryptoCipher::Aes128EncryptBlock(CxtpTestFromHex("000102030405060708090a0b0c0d0e0f"),
                                             CxtpTestFromHex("00112233445566778899aabbccddeeff"),
                                             block),
            true,
            "AES-128");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(block),
                              "69c4e0d86a7b0430d8cdb78070b4c55a",
                              "FIPS 197 C.1");
        NS_TEST_EXPECT_MSG_EQ(CryptoCipher::Aes128EncryptBlock(Bytes(15, 0), Bytes(16, 0), block),
                              false,
                              "a 15-byte key is refused");
        NS_TEST_EXPECT_MSG_EQ(block.empty(), true, "output cleared on failure");

        NS_TEST_ASSERT_MSG_EQ(Vectors().GetSize(),
                              static_cast<size_t>(TEST_SETS * 15),
                              "vectors not read from " << Ikev2TestVectors::GetDirectory());
        for (int set = 1; set <= TEST_SETS; ++set)
        {
            const std::string s = "test set " + std::to_string(set) + ": ";
            const Bytes k = Field(set, "k");
            const Bytes rand = Field(set, "rand");
            const Bytes sqn = Field(set, "sqn");
            const Bytes amf = Field(set, "amf");
            Bytes opc;
            NS_TEST_EXPECT_MSG_EQ(CryptoMilenage::ComputeOpc(k, Field(set, "op"), opc),
                                  true,
                                  s << "OPc");
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(opc), CxtpTestToHex(Field(set, "opc")), s << "OPc");

            const CryptoMilenage milenage(k, Field(set, "opc"));
            NS_TEST_EXPECT_MSG_EQ(milenage.IsValid(), true, s);
            Bytes mac;
            NS_TEST_EXPECT_MSG_EQ(milenage.F1(rand, sqn, amf, mac), true, s << "f1");
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(mac), CxtpTestToHex(Field(set, "f1")), s << "f1");
            NS_TEST_EXPECT_MSG_EQ(milenage.F1Star(rand, sqn, amf, mac), true, s << "f1*");
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(mac),
                                  CxtpTestToHex(Field(set, "f1star")),
                                  s << "f1*");
            Bytes res;
            Bytes ck;
            Bytes ik;
            Bytes ak;
            NS_TEST_EXPECT_MSG_EQ(milenage.F2345(rand, res, ck, ik, ak), true, s << "f2345");
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(res), CxtpTestToHex(Field(set, "f2")), s << "f2");
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(ck), CxtpTestToHex(Field(set, "f3")), s << "f3");
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(ik), CxtpTestToHex(Field(set, "f4")), s << "f4");
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(ak), CxtpTestToHex(Field(set, "f5")), s << "f5");
            Bytes akStar;
            NS_TEST_EXPECT_MSG_EQ(milenage.F5Star(rand, akStar), true, s << "f5*");
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(akStar),
                                  CxtpTestToHex(Field(set, "f5star")),
                                  s << "f5*");
        }

        // Wrong lengths are refused, never hidden.
        const Bytes k = Field(1, "k");
        const Bytes opc = Field(1, "opc");
        const Bytes rand = Field(1, "rand");
        Bytes out;
        NS_TEST_EXPECT_MSG_EQ(CryptoMilenage::ComputeOpc(k, Bytes(15, 0), out), false, "OP");
        NS_TEST_EXPECT_MSG_EQ(CryptoMilenage(k, Bytes(15, 0)).IsValid(), false, "OPc");
        NS_TEST_EXPECT_MSG_EQ(CryptoMilenage(k, Bytes(15, 0)).F5Star(rand, out), false, "OPc");
        const CryptoMilenage milenage(k, opc);
        NS_TEST_EXPECT_MSG_EQ(milenage.F5Star(Bytes(15, 0), out), false, "RAND");
        NS_TEST_EXPECT_MSG_EQ(milenage.F1(rand, Bytes(5, 0), Bytes(2, 0), out), false, "SQN");
        NS_TEST_EXPECT_MSG_EQ(milenage.F1(rand, Bytes(6, 0), Bytes(3, 0), out), false, "AMF");
        NS_TEST_EXPECT_MSG_EQ(out.empty(), true, "output cleared on failure");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief GenerateVector (AuC) and UsimCheck (USIM) agree: the vector's AUTN is the test set's,
 * the USIM accepts it and returns XRES, CK and IK; a wrong K or a changed AUTN is a MAC failure.
 */
class MilenageRoundTripTestCase : public TestCase
{
  public:
    MilenageRoundTripTestCase()
        : TestCase("AuC vector and USIM check round trip; a wrong K is a MAC failure")
    {
    }

  private:
    void DoRun() override
    {
        for (int set = 1; set <= TEST_SETS; ++set)
        {
            const std::string s = "test set " + std::to_string(set) + ": ";
            const Bytes k = Field(set, "k");
            const Bytes opc = Field(set, "opc");
            const Bytes rand = Field(set, "rand");
            const uint64_t sqn = CryptoMilenage::SqnFromBytes(Field(set, "sqn"));
            CryptoMilenage::Vector av;
            NS_TEST_ASSERT_MSG_EQ(CryptoMilenage::GenerateVector(k, opc, sqn, Amf(set), rand, av),
                                  true,
                                  s << "vector");
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(av.rand), CxtpTestToHex(rand), s << "RAND");
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(av.xres), CxtpTestToHex(Field(set, "f2")), s);
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(av.ck), CxtpTestToHex(Field(set, "f3")), s);
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(av.ik), CxtpTestToHex(Field(set, "f4")), s);
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(av.autn), CxtpTestToHex(Field(set, "autn")), s);

            // The USIM last accepted SQN - 1: the challenge is fresh.
            const CryptoMilenage::UsimResult ok =
                CryptoMilenage::UsimCheck(k, opc, av.rand, av.autn, sqn - 1, 1);
            NS_TEST_EXPECT_MSG_EQ(static_cast<int>(ok.status),
                                  static_cast<int>(CryptoMilenage::UsimStatus::SUCCESS),
                                  s << ok.reason);
            NS_TEST_EXPECT_MSG_EQ(ok.sqn, sqn, s << "SQN recovered from AUTN");
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(ok.res), CxtpTestToHex(av.xres), s << "RES");
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(ok.ck), CxtpTestToHex(av.ck), s << "CK");
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(ok.ik), CxtpTestToHex(av.ik), s << "IK");

            // A USIM with another K: Authentication-Reject, with a reason.
            Bytes wrongK = k;
            wrongK[0] ^= 0x01;
            const CryptoMilenage::UsimResult reject =
                CryptoMilenage::UsimCheck(wrongK, opc, av.rand, av.autn, sqn - 1, 1);
            NS_TEST_EXPECT_MSG_EQ(static_cast<int>(reject.status),
                                  static_cast<int>(CryptoMilenage::UsimStatus::MAC_FAILURE),
                                  s << "wrong K");
            NS_TEST_EXPECT_MSG_NE(reject.reason.find("MAC failure"),
                                  std::string::npos,
                                  s << reject.reason);
            NS_TEST_EXPECT_MSG_EQ(reject.res.empty() && reject.ck.empty() && reject.ik.empty() &&
                                      reject.auts.empty(),
                                  true,
                                  s << "no keys and no AUTS after a MAC failure");
            // Every bit of AMF and MAC is covered; a changed SQN ⊕ AK also fails the MAC.
            for (size_t i = 0; i < CryptoMilenage::AUTN_LENGTH; ++i)
            {
                Bytes forged = av.autn;
                forged[i] ^= 0x80;
                NS_TEST_EXPECT_MSG_EQ(
                    static_cast<int>(
                        CryptoMilenage::UsimCheck(k, opc, av.rand, forged, sqn - 1, 1).status),
                    static_cast<int>(CryptoMilenage::UsimStatus::MAC_FAILURE),
                    s << "AUTN octet " << i << " changed");
            }
        }
        const Bytes k = Field(1, "k");
        const Bytes opc = Field(1, "opc");
        CryptoMilenage::Vector av;
        NS_TEST_EXPECT_MSG_EQ(CryptoMilenage::GenerateVector(k,
                                                             opc,
                                                             CryptoMilenage::MAX_SQN + 1,
                                                             0,
                                                             Field(1, "rand"),
                                                             av),
                              false,
                              "SQN above 48 bits");
        NS_TEST_EXPECT_MSG_EQ(
            static_cast<int>(
                CryptoMilenage::UsimCheck(k, opc, Field(1, "rand"), Bytes(15, 0), 0, 1).status),
            static_cast<int>(CryptoMilenage::UsimStatus::INVALID_ARGUMENT),
            "short AUTN");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief SQN out of range: a replayed challenge (SQN ≤ SQN_MS) and one too far ahead (beyond
 * delta) yield AUTS; the AuC recovers SQN_MS from it with f5*, checks MAC-S with f1*, and a new
 * vector above SQN_MS is accepted. A tampered AUTS is refused.
 */
class MilenageResyncTestCase : public TestCase
{
  public:
    MilenageResyncTestCase()
        : TestCase("a replayed SQN gives AUTS, from which the AuC resynchronises")
    {
    }

  private:
    void DoRun() override
    {
        constexpr uint64_t DELTA = 1 << 16;
        for (int set = 1; set <= TEST_SETS; ++set)
        {
            const std::string s = "test set " + std::to_string(set) + ": ";
            const Bytes k = Field(set, "k");
            const Bytes opc = Field(set, "opc");
            const Bytes rand = Field(set, "rand");
            const uint64_t sqn = CryptoMilenage::SqnFromBytes(Field(set, "sqn"));
            CryptoMilenage::Vector av;
            NS_TEST_ASSERT_MSG_EQ(CryptoMilenage::GenerateVector(k, opc, sqn, Amf(set), rand, av),
                                  true,
                                  s);

            // Replayed: the USIM has already accepted this SQN (SQN_MS = SQN).
            const CryptoMilenage::UsimResult replay =
                CryptoMilenage::UsimCheck(k, opc, av.rand, av.autn, sqn, DELTA);
            NS_TEST_EXPECT_MSG_EQ(static_cast<int>(replay.status),
                                  static_cast<int>(CryptoMilenage::UsimStatus::SYNC_FAILURE),
                                  s << replay.reason);
            NS_TEST_EXPECT_MSG_NE(replay.reason.find("synchronisation failure"),
                                  std::string::npos,
                                  s << replay.reason);
            NS_TEST_EXPECT_MSG_EQ(replay.res.empty() && replay.ck.empty(),
                                  true,
                                  s << "no keys on a synchronisation failure");
            // AUTS for SQN_MS = the set's SQN: the script's independent value.
            NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(replay.auts),
                                  CxtpTestToHex(Field(set, "auts")),
                                  s << "AUTS");

            uint64_t sqnMs = 0;
            NS_TEST_EXPECT_MSG_EQ(
                CryptoMilenage::AucResynchronise(k, opc, av.rand, replay.auts, sqnMs),
                true,
                s << "MAC-S verifies");
            NS_TEST_EXPECT_MSG_EQ(sqnMs, sqn, s << "SQN_MS recovered");
            // The AuC continues above SQN_MS; the USIM accepts the new challenge.
            const Bytes rand2 = Field(set % TEST_SETS + 1, "rand");
            CryptoMilenage::Vector next;
            NS_TEST_ASSERT_MSG_EQ(
                CryptoMilenage::GenerateVector(k, opc, sqnMs + 1, Amf(set), rand2, next),
                true,
                s);
            const CryptoMilenage::UsimResult ok =
                CryptoMilenage::UsimCheck(k, opc, next.rand, next.autn, sqn, DELTA);
            NS_TEST_EXPECT_MSG_EQ(static_cast<int>(ok.status),
                                  static_cast<int>(CryptoMilenage::UsimStatus::SUCCESS),
                                  s << "after resynchronisation: " << ok.reason);
            NS_TEST_EXPECT_MSG_EQ(ok.sqn, sqn + 1, s);

            // A tampered AUTS (MAC-S or concealed SQN_MS) is refused; sqnMs is left alone.
            for (size_t i : {size_t{0}, CryptoMilenage::AUTS_LENGTH - 1})
            {
                Bytes tampered = replay.auts;
                tampered[i] ^= 0x01;
                uint64_t untouched = 42;
                NS_TEST_EXPECT_MSG_EQ(
                    CryptoMilenage::AucResynchronise(k, opc, av.rand, tampered, untouched),
                    false,
                    s << "AUTS octet " << i << " changed");
                NS_TEST_EXPECT_MSG_EQ(untouched, uint64_t{42}, s);
            }
        }

        // Too far ahead: SQN more than delta above SQN_MS is also a synchronisation failure.
        const Bytes k = Field(3, "k");
        const Bytes opc = Field(3, "opc");
        const Bytes rand = Field(3, "rand");
        CryptoMilenage::Vector av;
        NS_TEST_ASSERT_MSG_EQ(CryptoMilenage::GenerateVector(k, opc, 1000 + DELTA + 1, 0, rand, av),
                              true,
                              "vector");
        CryptoMilenage::UsimResult ahead =
            CryptoMilenage::UsimCheck(k, opc, av.rand, av.autn, 1000, DELTA);
        NS_TEST_EXPECT_MSG_EQ(static_cast<int>(ahead.status),
                              static_cast<int>(CryptoMilenage::UsimStatus::SYNC_FAILURE),
                              ahead.reason);
        uint64_t sqnMs = 0;
        NS_TEST_EXPECT_MSG_EQ(CryptoMilenage::AucResynchronise(k, opc, av.rand, ahead.auts, sqnMs),
                              true,
                              "AUTS of a too-far challenge");
        NS_TEST_EXPECT_MSG_EQ(sqnMs, uint64_t{1000}, "SQN_MS");
        // Exactly delta above is still accepted.
        NS_TEST_ASSERT_MSG_EQ(CryptoMilenage::GenerateVector(k, opc, 1000 + DELTA, 0, rand, av),
                              true,
                              "vector");
        ahead = CryptoMilenage::UsimCheck(k, opc, av.rand, av.autn, 1000, DELTA);
        NS_TEST_EXPECT_MSG_EQ(static_cast<int>(ahead.status),
                              static_cast<int>(CryptoMilenage::UsimStatus::SUCCESS),
                              ahead.reason);
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The Milenage suite.
 */
class CryptoMilenageTestSuite : public TestSuite
{
  public:
    CryptoMilenageTestSuite()
        : TestSuite("cxtp-ipsec-crypto-milenage", TestSuite::UNIT)
    {
        AddTestCase(new MilenageFunctionsTestCase, TestCase::QUICK);
        AddTestCase(new MilenageRoundTripTestCase, TestCase::QUICK);
        AddTestCase(new MilenageResyncTestCase, TestCase::QUICK);
    }
};

/// The static instance registers the suite.
static CryptoMilenageTestSuite g_cryptoMilenageTestSuite;

} // namespace
