/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
/*
 * Tests for CryptoWorkMeter: Record() without an active meter, scopes and their nesting, and
 * what each crypto primitive records (kind, algorithm, bytes), including what a failed call
 * records. Keys and certificates are made at run time by CryptoCertificateAuthority.
 */

#include "ns3/crypto-certificate-authority.h"
#include "ns3/crypto-cipher.h"
#include "ns3/crypto-diffie-hellman.h"
#include "ns3/crypto-mac.h"
#include "ns3/crypto-milenage.h"
#include "ns3/crypto-random.h"
#include "ns3/crypto-signature.h"
#include "ns3/crypto-work-meter.h"
#include "ns3/crypto-x509.h"
#include "ns3/ptr.h"
#include "ns3/test.h"

#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// A byte string.
using Bytes = std::vector<uint8_t>;

/**
 * \ingroup cxtp-ipsec-tests
 * \param kind an operation kind
 * \return its name, for test messages
 */
std::string
KindName(CryptoOperation::Kind kind)
{
    switch (kind)
    {
    case CryptoOperation::Kind::HMAC:
        return "HMAC";
    case CryptoOperation::Kind::CIPHER:
        return "CIPHER";
    case CryptoOperation::Kind::DH_KEYGEN:
        return "DH_KEYGEN";
    case CryptoOperation::Kind::DH_SHARED:
        return "DH_SHARED";
    case CryptoOperation::Kind::RSA_SIGN:
        return "RSA_SIGN";
    case CryptoOperation::Kind::RSA_VERIFY:
        return "RSA_VERIFY";
    case CryptoOperation::Kind::CERTIFICATE:
        return "CERTIFICATE";
    case CryptoOperation::Kind::MILENAGE:
        return "MILENAGE";
    }
    return "unknown kind " + std::to_string(static_cast<int>(kind));
}

/**
 * \ingroup cxtp-ipsec-tests
 * \param operations operations recorded
 * \return them as "KIND/algorithm/bytes" separated by blanks, for comparisons with a message
 */
std::string
Describe(const std::vector<CryptoOperation>& operations)
{
    std::string text;
    for (const CryptoOperation& op : operations)
    {
        text += (text.empty() ? "" : " ") + KindName(op.kind) + "/" + std::to_string(op.algorithm) +
                "/" + std::to_string(op.bytes);
    }
    return text;
}

/**
 * \ingroup cxtp-ipsec-tests
 * \param kind the kind
 * \param algorithm the algorithm as an integer
 * \param bytes the data bytes
 * \return the operation's description as Describe() writes it
 */
std::string
Expect(CryptoOperation::Kind kind, uint32_t algorithm, uint32_t bytes = 0)
{
    return Describe({CryptoOperation{kind, algorithm, bytes}});
}

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Record() adds to the active meter only; scopes nest and restore the outer meter.
 */
class CryptoWorkMeterScopeTestCase : public TestCase
{
  public:
    CryptoWorkMeterScopeTestCase()
        : TestCase("Record is a no-op without a scope; nested scopes restore the outer meter")
    {
    }

  private:
    void DoRun() override;
};

void
CryptoWorkMeterScopeTestCase::DoRun()
{
    using Kind = CryptoOperation::Kind;
    CryptoWorkMeter outer;
    CryptoWorkMeter inner;

    CryptoWorkMeter::Record({Kind::HMAC, 1, 10}); // no scope: dropped
    NS_TEST_EXPECT_MSG_EQ(outer.GetOperations().size(), 0, "recorded without a scope");
    NS_TEST_EXPECT_MSG_EQ(inner.GetOperations().size(), 0, "recorded without a scope");
    {
        CryptoWorkMeter::Scope outerScope(outer);
        CryptoWorkMeter::Record({Kind::DH_KEYGEN, 14, 0});
        {
            CryptoWorkMeter::Scope innerScope(inner);
            CryptoWorkMeter::Record({Kind::RSA_SIGN, 2048, 0});
            CryptoWorkMeter::Record({Kind::CIPHER, 2, 64});
        }
        CryptoWorkMeter::Record({Kind::DH_SHARED, 14, 0}); // the outer meter again
    }
    CryptoWorkMeter::Record({Kind::HMAC, 2, 20}); // every scope closed: dropped

    NS_TEST_EXPECT_MSG_EQ(Describe(outer.GetOperations()),
                          "DH_KEYGEN/14/0 DH_SHARED/14/0",
                          "outer meter: before and after the inner scope, in order");
    NS_TEST_EXPECT_MSG_EQ(Describe(inner.GetOperations()),
                          "RSA_SIGN/2048/0 CIPHER/2/64",
                          "inner meter: only while its scope was open");

    // A meter can be activated again and keeps what it had until cleared.
    {
        CryptoWorkMeter::Scope again(inner);
        CryptoWorkMeter::Record({Kind::CERTIFICATE, 3072, 0});
    }
    NS_TEST_EXPECT_MSG_EQ(inner.GetOperations().size(), 3, "appended to the earlier operations");
    inner.Clear();
    NS_TEST_EXPECT_MSG_EQ(inner.GetOperations().size(), 0, "Clear forgets the operations");
    NS_TEST_EXPECT_MSG_EQ(outer.GetOperations().size(), 2, "Clear of one meter only");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief HMAC, the CBC and GCM ciphers and the Diffie-Hellman primitives record what they
 * computed; a plain digest and a refused input record nothing.
 */
class CryptoWorkMeterSymmetricTestCase : public TestCase
{
  public:
    CryptoWorkMeterSymmetricTestCase()
        : TestCase("HMAC, CBC, GCM and Diffie-Hellman record kind, algorithm and bytes")
    {
    }

  private:
    void DoRun() override;
};

void
CryptoWorkMeterSymmetricTestCase::DoRun()
{
    using Kind = CryptoOperation::Kind;
    CryptoWorkMeter meter;
    CryptoWorkMeter::Scope scope(meter);

    // HMAC: the hash and the message length, whatever the key length.
    NS_TEST_EXPECT_MSG_EQ(CryptoMac::Hmac(CryptoHash::SHA1, Bytes(20, 1), Bytes(100, 2)).size(),
                          20,
                          "HMAC-SHA1");
    NS_TEST_EXPECT_MSG_EQ(Describe(meter.GetOperations()),
                          Expect(Kind::HMAC, static_cast<uint32_t>(CryptoHash::SHA1), 100),
                          "HMAC-SHA1 of 100 bytes");
    meter.Clear();
    CryptoMac::Hmac(CryptoHash::SHA2_384, Bytes(48, 1), Bytes(7, 2));
    NS_TEST_EXPECT_MSG_EQ(Describe(meter.GetOperations()),
                          Expect(Kind::HMAC, static_cast<uint32_t>(CryptoHash::SHA2_384), 7),
                          "HMAC-SHA-384 of 7 bytes");
    meter.Clear();
    NS_TEST_EXPECT_MSG_EQ(CryptoMac::Digest(CryptoHash::SHA2_256, Bytes(40, 3)).size(),
                          32,
                          "SHA-256");
    NS_TEST_EXPECT_MSG_EQ(meter.GetOperations().size(), 0, "a plain digest is not recorded");

    // CBC: the transform and the data length, both directions.
    const Bytes key128(16, 0x11);
    const Bytes iv(16, 0x22);
    Bytes ciphertext;
    Bytes plaintext;
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::CbcEncrypt(IpsecEncryption::AES_128_CBC,
                                                   key128,
                                                   iv,
                                                   Bytes(48, 5),
                                                   ciphertext),
                          true,
                          "AES-128-CBC encryption");
    NS_TEST_EXPECT_MSG_EQ(
        CryptoCipher::CbcDecrypt(IpsecEncryption::AES_128_CBC, key128, iv, ciphertext, plaintext),
        true,
        "AES-128-CBC decryption");
    const uint32_t aes128Cbc = static_cast<uint32_t>(IpsecEncryption::AES_128_CBC);
    NS_TEST_EXPECT_MSG_EQ(Describe(meter.GetOperations()),
                          Describe({{Kind::CIPHER, aes128Cbc, 48}, {Kind::CIPHER, aes128Cbc, 48}}),
                          "one CIPHER per direction");
    meter.Clear();
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::CbcEncrypt(IpsecEncryption::TDES_CBC,
                                                   Bytes(24, 1),
                                                   Bytes(8, 2),
                                                   Bytes(12, 3),
                                                   ciphertext),
                          false,
                          "12 bytes are not a multiple of the 3DES block");
    NS_TEST_EXPECT_MSG_EQ(meter.GetOperations().size(), 0, "a refused input is not recorded");

    // GCM: the transform by key length (AES-128 or AES-256), the data without AAD and tag.
    const Bytes key256(32, 0x33);
    const Bytes nonce(12, 0x44);
    const Bytes aad(8, 0x55);
    Bytes sealed;
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmSeal(key128, nonce, aad, Bytes(40, 6), 16, sealed),
                          true,
                          "AES-128-GCM seal");
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmOpen(key128, nonce, aad, sealed, 16, plaintext),
                          true,
                          "AES-128-GCM open");
    const uint32_t aes128Gcm = static_cast<uint32_t>(IpsecEncryption::AES_128_GCM_16);
    NS_TEST_EXPECT_MSG_EQ(Describe(meter.GetOperations()),
                          Describe({{Kind::CIPHER, aes128Gcm, 40}, {Kind::CIPHER, aes128Gcm, 40}}),
                          "GCM seal and open of 40 bytes");
    meter.Clear();
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmSeal(key256, nonce, aad, Bytes(33, 6), 8, sealed),
                          true,
                          "AES-256-GCM seal with an 8-byte tag");
    sealed.back() ^= 1;
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmOpen(key256, nonce, aad, sealed, 8, plaintext),
                          false,
                          "a tampered tag is refused");
    const uint32_t aes256Gcm = static_cast<uint32_t>(IpsecEncryption::AES_256_GCM_16);
    NS_TEST_EXPECT_MSG_EQ(Describe(meter.GetOperations()),
                          Describe({{Kind::CIPHER, aes256Gcm, 33}, {Kind::CIPHER, aes256Gcm, 33}}),
                          "AES-256-GCM whatever the tag length; a refused tag was computed");
    meter.Clear();

    // Diffie-Hellman: the group, keygen and shared secret; a refused peer value records nothing.
    Ptr<CryptoRandom> rng = CreateObject<CryptoRandom>();
    for (CryptoDhGroup group : {CryptoDhGroup::MODP_1024, CryptoDhGroup::CURVE25519})
    {
        const uint32_t id = static_cast<uint32_t>(group);
        Bytes xa = CryptoDiffieHellman::MakePrivate(group, *rng);
        Bytes xb = CryptoDiffieHellman::MakePrivate(group, *rng);
        NS_TEST_EXPECT_MSG_EQ(meter.GetOperations().size(), 0, "drawing x records nothing");
        Bytes ya;
        Bytes yb;
        Bytes shared;
        CryptoDiffieHellman::ComputePublic(group, xa, ya);
        CryptoDiffieHellman::ComputePublic(group, xb, yb);
        NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::ComputeShared(group, xa, yb, shared),
                              true,
                              "group " << id);
        NS_TEST_EXPECT_MSG_EQ(
            CryptoDiffieHellman::ComputeShared(group, xa, Bytes(yb.size() - 1, 1), shared),
            false,
            "a peer value of the wrong length");
        NS_TEST_EXPECT_MSG_EQ(
            Describe(meter.GetOperations()),
            Describe(
                {{Kind::DH_KEYGEN, id, 0}, {Kind::DH_KEYGEN, id, 0}, {Kind::DH_SHARED, id, 0}}),
            "group " << id << ": two public values and one shared secret");
        meter.Clear();
    }
    rng->Dispose();
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief RSA signatures and certificate paths record the modulus sizes involved.
 */
class CryptoWorkMeterPublicKeyTestCase : public TestCase
{
  public:
    CryptoWorkMeterPublicKeyTestCase()
        : TestCase("RSA sign and verify and certificate paths record modulus sizes")
    {
    }

  private:
    void DoRun() override;
};

void
CryptoWorkMeterPublicKeyTestCase::DoRun()
{
    using Kind = CryptoOperation::Kind;
    // Three sizes, so that each issuer is told apart by its modulus.
    const CryptoCertificateAuthority::KeyPair rootKey =
        CryptoCertificateAuthority::MakeRsaKey(2048, "Root");
    const CryptoCertificateAuthority::KeyPair caKey =
        CryptoCertificateAuthority::MakeRsaKey(1536, "CA");
    const CryptoCertificateAuthority::KeyPair leafKey =
        CryptoCertificateAuthority::MakeRsaKey(1024, "Leaf");
    const Bytes root =
        CryptoCertificateAuthority::MakeCertificate("Root", rootKey, "Root", rootKey, true, 1);
    const Bytes ca =
        CryptoCertificateAuthority::MakeCertificate("CA", caKey, "Root", rootKey, true, 2);
    const Bytes leaf =
        CryptoCertificateAuthority::MakeCertificate("Leaf", leafKey, "CA", caKey, false, 3);
    const Bytes direct =
        CryptoCertificateAuthority::MakeCertificate("Direct", leafKey, "Root", rootKey, false, 4);

    CryptoWorkMeter meter;
    CryptoWorkMeter::Scope scope(meter);

    const Bytes data(300, 0x5a);
    Bytes signature;
    NS_TEST_EXPECT_MSG_EQ(
        CryptoSignature::SignRsa(CryptoHash::SHA2_256, leafKey.privateKeyDer, data, signature),
        true,
        "RSA-1024 signature");
    NS_TEST_EXPECT_MSG_EQ(
        CryptoSignature::VerifyRsa(CryptoHash::SHA2_256, leafKey.publicKeyDer, data, signature),
        true,
        "RSA-1024 verification");
    signature[0] ^= 1;
    NS_TEST_EXPECT_MSG_EQ(
        CryptoSignature::VerifyRsa(CryptoHash::SHA2_256, leafKey.publicKeyDer, data, signature),
        false,
        "a tampered signature");
    NS_TEST_EXPECT_MSG_EQ(
        CryptoSignature::SignRsa(CryptoHash::SHA1, rootKey.privateKeyDer, data, signature),
        true,
        "RSA-2048 signature");
    NS_TEST_EXPECT_MSG_EQ(Describe(meter.GetOperations()),
                          Describe({{Kind::RSA_SIGN, 1024, 0},
                                    {Kind::RSA_VERIFY, 1024, 0},
                                    {Kind::RSA_VERIFY, 1024, 0},
                                    {Kind::RSA_SIGN, 2048, 0}}),
                          "sizes of the keys used; a refused signature was checked");
    meter.Clear();
    NS_TEST_EXPECT_MSG_EQ(
        CryptoSignature::VerifyRsa(CryptoHash::SHA2_256, Bytes(10, 1), data, signature),
        false,
        "a public key that does not parse");
    NS_TEST_EXPECT_MSG_EQ(meter.GetOperations().size(), 0, "nothing checked, nothing recorded");

    // Paths: one CERTIFICATE per certificate below the anchor, with its issuer's size; no RSA
    // verification of its own (its price includes the signature).
    std::string error;
    NS_TEST_EXPECT_MSG_EQ(
        CryptoX509::VerifyChain(leaf, {ca}, {root}, CryptoCertificateAuthority::VALID_TIME, error),
        true,
        error);
    NS_TEST_EXPECT_MSG_EQ(Describe(meter.GetOperations()),
                          Describe({{Kind::CERTIFICATE, 1536, 0}, {Kind::CERTIFICATE, 2048, 0}}),
                          "leaf signed by the 1536-bit CA, CA by the 2048-bit root");
    meter.Clear();
    NS_TEST_EXPECT_MSG_EQ(
        CryptoX509::VerifyChain(direct, {}, {root}, CryptoCertificateAuthority::VALID_TIME, error),
        true,
        error);
    NS_TEST_EXPECT_MSG_EQ(Describe(meter.GetOperations()),
                          Expect(Kind::CERTIFICATE, 2048),
                          "one certificate under the root");
    meter.Clear();
    NS_TEST_EXPECT_MSG_EQ(
        CryptoX509::VerifyChain(leaf, {}, {root}, CryptoCertificateAuthority::VALID_TIME, error),
        false,
        "the intermediate is missing");
    NS_TEST_EXPECT_MSG_EQ(meter.GetOperations().size(), 0, "no path built, nothing checked");
    Bytes tampered = direct;
    tampered[tampered.size() - 5] ^= 1; // inside the signature value, the DER's last field
    NS_TEST_EXPECT_MSG_EQ(CryptoX509::VerifyChain(tampered,
                                                  {},
                                                  {root},
                                                  CryptoCertificateAuthority::VALID_TIME,
                                                  error),
                          false,
                          "a tampered signature");
    NS_TEST_EXPECT_MSG_EQ(Describe(meter.GetOperations()),
                          Expect(Kind::CERTIFICATE, 2048),
                          "the refused certificate was checked");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The AKA steps of CryptoMilenage record one MILENAGE each, whatever their outcome, and
 * nothing on a wrong argument length; the single functions record nothing.
 */
class CryptoWorkMeterMilenageTestCase : public TestCase
{
  public:
    CryptoWorkMeterMilenageTestCase()
        : TestCase("each Milenage AKA step records one MILENAGE operation")
    {
    }

  private:
    void DoRun() override
    {
        using Kind = CryptoOperation::Kind;
        const Bytes k(CryptoMilenage::BLOCK_LENGTH, 0x46);
        const Bytes opc(CryptoMilenage::BLOCK_LENGTH, 0xcd);
        const Bytes rand(CryptoMilenage::BLOCK_LENGTH, 0x23);
        const std::string one = Expect(Kind::MILENAGE, 0);
        CryptoWorkMeter meter;
        CryptoWorkMeter::Scope scope(meter);

        CryptoMilenage::Vector av;
        NS_TEST_ASSERT_MSG_EQ(CryptoMilenage::GenerateVector(k, opc, 5, 0x8000, rand, av),
                              true,
                              "vector");
        NS_TEST_EXPECT_MSG_EQ(Describe(meter.GetOperations()), one, "GenerateVector");
        meter.Clear();
        CryptoMilenage::UsimResult ok = CryptoMilenage::UsimCheck(k, opc, rand, av.autn, 4, 10);
        NS_TEST_EXPECT_MSG_EQ((ok.status == CryptoMilenage::UsimStatus::SUCCESS), true, ok.reason);
        NS_TEST_EXPECT_MSG_EQ(Describe(meter.GetOperations()), one, "UsimCheck, success");
        meter.Clear();
        CryptoMilenage::UsimResult sync = CryptoMilenage::UsimCheck(k, opc, rand, av.autn, 9, 10);
        NS_TEST_EXPECT_MSG_EQ((sync.status == CryptoMilenage::UsimStatus::SYNC_FAILURE),
                              true,
                              sync.reason);
        NS_TEST_EXPECT_MSG_EQ(Describe(meter.GetOperations()), one, "UsimCheck, AUTS made");
        meter.Clear();
        const Bytes otherK(CryptoMilenage::BLOCK_LENGTH, 0x47);
        CryptoMilenage::UsimResult mac =
            CryptoMilenage::UsimCheck(otherK, opc, rand, av.autn, 4, 10);
        NS_TEST_EXPECT_MSG_EQ((mac.status == CryptoMilenage::UsimStatus::MAC_FAILURE),
                              true,
                              mac.reason);
        NS_TEST_EXPECT_MSG_EQ(Describe(meter.GetOperations()), one, "UsimCheck, MAC failure");
        meter.Clear();
        uint64_t sqnMs = 0;
        NS_TEST_EXPECT_MSG_EQ(CryptoMilenage::AucResynchronise(k, opc, rand, sync.auts, sqnMs),
                              true,
                              "resynchronised");
        NS_TEST_EXPECT_MSG_EQ(sqnMs, 9, "SQN_MS");
        NS_TEST_EXPECT_MSG_EQ(Describe(meter.GetOperations()), one, "AucResynchronise");
        meter.Clear();

        // Wrong lengths: nothing computed, nothing recorded.
        NS_TEST_EXPECT_MSG_EQ(CryptoMilenage::GenerateVector(k, Bytes(15, 0), 5, 0, rand, av),
                              false,
                              "short OPc");
        NS_TEST_EXPECT_MSG_EQ(
            (CryptoMilenage::UsimCheck(k, opc, rand, Bytes(15, 0), 4, 10).status ==
             CryptoMilenage::UsimStatus::INVALID_ARGUMENT),
            true,
            "short AUTN");
        NS_TEST_EXPECT_MSG_EQ(CryptoMilenage::AucResynchronise(k, opc, rand, Bytes(13, 0), sqnMs),
                              false,
                              "short AUTS");
        // The single functions.
        Bytes macA;
        CryptoMilenage(k, opc).F1(rand, Bytes(6, 0), Bytes(2, 0), macA);
        NS_TEST_EXPECT_MSG_EQ(Describe(meter.GetOperations()), "", "nothing recorded");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Suite for the work meter and what the crypto primitives record on it.
 */
class CryptoWorkMeterTestSuite : public TestSuite
{
  public:
    CryptoWorkMeterTestSuite()
        : TestSuite("cxtp-ipsec-crypto-work-meter", TestSuite::UNIT)
    {
        AddTestCase(new CryptoWorkMeterScopeTestCase, TestCase::QUICK);
        AddTestCase(new CryptoWorkMeterSymmetricTestCase, TestCase::QUICK);
        AddTestCase(new CryptoWorkMeterPublicKeyTestCase, TestCase::QUICK);
        AddTestCase(new CryptoWorkMeterMilenageTestCase, TestCase::QUICK);
    }
};

static CryptoWorkMeterTestSuite g_cryptoWorkMeterTestSuite; ///< registers the suite
