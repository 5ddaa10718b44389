/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
/*
 * Tests for IKE_AUTH authentication (RFC 7296 §2.15, §3.8; RFC 7427): the signed octets and
 * the shared-key AUTH against the independent vectors of test/vectors/ikev2_keys_vectors.py
 * (Python standard library), RSA signatures of both methods with keys made at run time, and
 * X.509 path validation through a root and an intermediate CA made at run time by
 * CryptoCertificateAuthority (no private key is kept in the repository).
 */

#include "cxtp-test-hex.h"
#include "ikev2-test-vectors.h"

#include "ns3/crypto-certificate-authority.h"
#include "ns3/crypto-mac.h"
#include "ns3/crypto-x509.h"
#include "ns3/ikev2-authenticator.h"
#include "ns3/test.h"

#include <memory>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <string>
#include <utility>
#include <vector>

using namespace ns3;

namespace
{

/// A byte string.
using Bytes = std::vector<uint8_t>;

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Signed octets (RFC 7296 §2.15) of both sides and the shared-key AUTH for the four
 * PRFs, with rejections of a wrong key, wrong octets and a wrong length.
 */
class Ikev2PskAuthTestCase : public TestCase
{
  public:
    Ikev2PskAuthTestCase()
        : TestCase("Signed octets and shared-key AUTH match the independent vectors")
    {
    }

  private:
    void DoRun() override;
};

void
Ikev2PskAuthTestCase::DoRun()
{
    const Ikev2TestVectors& v = Ikev2TestVectors::Instance();
    NS_TEST_ASSERT_MSG_GT(v.GetSize(),
                          200,
                          "vectors not read from " << Ikev2TestVectors::GetPath());
    // The key sets of the script: each PRF's first IKE suite.
    const std::pair<const char*, Ikev2PrfId> prfs[] = {
        {"ike.sha1.aes128-cbc.hmac-sha1-96.", Ikev2PrfId::PRF_HMAC_SHA1},
        {"ike.sha256.aes256-cbc.hmac-sha256-128.", Ikev2PrfId::PRF_HMAC_SHA2_256},
        {"ike.sha384.aes256-cbc.hmac-sha384-192.", Ikev2PrfId::PRF_HMAC_SHA2_384},
        {"ike.sha512.aes256-cbc.hmac-sha512-256.", Ikev2PrfId::PRF_HMAC_SHA2_512}};
    const char* names[] = {"sha1", "sha256", "sha384", "sha512"};
    const Bytes psk = v.Get("psk");
    const Bytes idi = v.Get("idi");
    const Bytes idiData(idi.begin() + 4, idi.end());
    NS_TEST_EXPECT_MSG_EQ(
        CxtpTestToHex(Ikev2Authenticator::IdPayloadBody(Ikev2IdType::ID_IPV6_ADDR, idiData)),
        CxtpTestToHex(idi),
        "ID payload body");
    for (size_t i = 0; i < 4; ++i)
    {
        const std::string h = names[i];
        const Ikev2PrfId prf = prfs[i].second;
        const std::string keys = prfs[i].first;
        const Bytes signedI = Ikev2Authenticator::SignedOctets(prf,
                                                               v.Get("msg1"),
                                                               v.Get("nr"),
                                                               v.Get(keys + "sk_pi"),
                                                               idi);
        const Bytes signedR = Ikev2Authenticator::SignedOctets(prf,
                                                               v.Get("msg2"),
                                                               v.Get("ni"),
                                                               v.Get(keys + "sk_pr"),
                                                               v.Get("idr"));
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(signedI), CxtpTestToHex(v.Get("signed_i." + h)), h);
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(signedR), CxtpTestToHex(v.Get("signed_r." + h)), h);
        const Bytes authI = Ikev2Authenticator::PskAuth(prf, psk, signedI);
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(authI), CxtpTestToHex(v.Get("auth_i." + h)), h);
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(Ikev2Authenticator::PskAuth(prf, psk, signedR)),
                              CxtpTestToHex(v.Get("auth_r." + h)),
                              h);
        NS_TEST_EXPECT_MSG_EQ(
            CxtpTestToHex(Ikev2Authenticator::PskAuth(prf, v.Get("psk_long"), signedI)),
            CxtpTestToHex(v.Get("auth_i_long_psk." + h)),
            h << ": PSK longer than the HMAC block");
        NS_TEST_EXPECT_MSG_EQ(Ikev2Authenticator::VerifyPskAuth(prf, psk, signedI, authI), true, h);
        Bytes otherPsk = psk;
        otherPsk.back() ^= 1;
        Bytes otherOctets = signedI;
        otherOctets[10] ^= 1;
        Bytes shortAuth(authI.begin(), authI.end() - 1);
        NS_TEST_EXPECT_MSG_EQ(Ikev2Authenticator::VerifyPskAuth(prf, otherPsk, signedI, authI),
                              false,
                              h << ": other PSK");
        NS_TEST_EXPECT_MSG_EQ(Ikev2Authenticator::VerifyPskAuth(prf, psk, otherOctets, authI),
                              false,
                              h << ": other octets");
        NS_TEST_EXPECT_MSG_EQ(Ikev2Authenticator::VerifyPskAuth(prf, psk, signedI, shortAuth),
                              false,
                              h << ": truncated AUTH");
        NS_TEST_EXPECT_MSG_EQ(Ikev2Authenticator::VerifyPskAuth(prf, psk, signedR, authI),
                              false,
                              h << ": the other side's octets");
    }
}

/**
 * \brief Recovers the DigestInfo inside an RSASSA-PKCS1-v1_5 signature with the raw RSA
 * public-key operation, independently of the module's verification.
 * \param publicKeyDer the public key
 * \param signature the signature
 * \return the DigestInfo (empty on failure)
 */
Bytes
RecoverDigestInfo(const Bytes& publicKeyDer, const Bytes& signature)
{
    const unsigned char* p = publicKeyDer.data();
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        d2i_PUBKEY(nullptr, &p, static_cast<long>(publicKeyDer.size())),
        &EVP_PKEY_free);
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
        key ? EVP_PKEY_CTX_new(key.get(), nullptr) : nullptr,
        &EVP_PKEY_CTX_free);
    Bytes out(signature.size());
    size_t length = out.size();
    if (!ctx || EVP_PKEY_verify_recover_init(ctx.get()) != 1 ||
        EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) != 1 ||
        EVP_PKEY_verify_recover(ctx.get(),
                                out.data(),
                                &length,
                                signature.data(),
                                signature.size()) != 1)
    {
        return {};
    }
    out.resize(length);
    return out;
}

/**
 * \return the DER AlgorithmIdentifier of sha256WithRSAEncryption with NULL parameters, as
 *         OpenSSL encodes it
 */
Bytes
OpensslSha256WithRsa()
{
    X509_ALGOR* alg = X509_ALGOR_new();
    X509_ALGOR_set0(alg, OBJ_nid2obj(NID_sha256WithRSAEncryption), V_ASN1_NULL, nullptr);
    Bytes out(i2d_X509_ALGOR(alg, nullptr));
    unsigned char* p = out.data();
    i2d_X509_ALGOR(alg, &p);
    X509_ALGOR_free(alg);
    return out;
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief RSA AUTH data: method 1 (PKCS#1 v1.5 with SHA-1, RFC 7296 §3.8) and method 14 (RFC
 * 7427 §3 with sha256WithRSAEncryption); tampered octets, signatures and keys are refused.
 */
class Ikev2RsaAuthTestCase : public TestCase
{
  public:
    Ikev2RsaAuthTestCase()
        : TestCase("RSA AUTH (methods 1 and 14) signs and verifies the signed octets")
    {
    }

  private:
    void DoRun() override;
};

void
Ikev2RsaAuthTestCase::DoRun()
{
    const Ikev2TestVectors& v = Ikev2TestVectors::Instance();
    const Bytes octets = v.Get("signed_i.sha1");
    const CryptoCertificateAuthority::KeyPair key =
        CryptoCertificateAuthority::MakeRsaKey(2048, "signer");
    const CryptoCertificateAuthority::KeyPair other =
        CryptoCertificateAuthority::MakeRsaKey(2048, "other");
    Bytes tampered = octets;
    tampered[octets.size() / 2] ^= 0x80;
    for (uint8_t method : {static_cast<uint8_t>(Ikev2AuthMethod::RSA_DIGITAL_SIGNATURE),
                           Ikev2Authenticator::DIGITAL_SIGNATURE})
    {
        const std::string m = "method " + std::to_string(method) + ": ";
        Bytes auth;
        NS_TEST_ASSERT_MSG_EQ(Ikev2Authenticator::Sign(method, key.privateKeyDer, octets, auth),
                              true,
                              m);
        NS_TEST_EXPECT_MSG_EQ(Ikev2Authenticator::Verify(method, key.publicKeyDer, octets, auth),
                              true,
                              m + "valid signature refused");
        NS_TEST_EXPECT_MSG_EQ(Ikev2Authenticator::Verify(method, key.publicKeyDer, tampered, auth),
                              false,
                              m + "tampered signed octets accepted");
        NS_TEST_EXPECT_MSG_EQ(Ikev2Authenticator::Verify(method, other.publicKeyDer, octets, auth),
                              false,
                              m + "another key accepted");
        Bytes badAuth = auth;
        badAuth.back() ^= 1;
        NS_TEST_EXPECT_MSG_EQ(Ikev2Authenticator::Verify(method, key.publicKeyDer, octets, badAuth),
                              false,
                              m + "tampered signature accepted");
    }
    // Method 1: the bare signature, whose DigestInfo is that of SHA-1 over the signed octets
    // (RFC 8017 §9.2 note 1: 3021300906052b0e03021a05000414 | SHA-1).
    Bytes auth1;
    Ikev2Authenticator::Sign(1, key.privateKeyDer, octets, auth1);
    NS_TEST_EXPECT_MSG_EQ(auth1.size(), 256, "RSA-2048 signature length");
    const Bytes sha1 = CryptoMac::Digest(CryptoHash::SHA1, octets);
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(RecoverDigestInfo(key.publicKeyDer, auth1)),
                          "3021300906052b0e03021a05000414" + CxtpTestToHex(sha1),
                          "method 1 signs SHA-1 of the octets");
    // Method 14: length | AlgorithmIdentifier | signature with SHA-256 (RFC 7427 §3).
    Bytes auth14;
    Ikev2Authenticator::Sign(Ikev2Authenticator::DIGITAL_SIGNATURE,
                             key.privateKeyDer,
                             octets,
                             auth14);
    const Bytes algId = OpensslSha256WithRsa();
    NS_TEST_ASSERT_MSG_EQ(auth14.size(), 1 + algId.size() + 256, "method 14 length");
    NS_TEST_EXPECT_MSG_EQ(+auth14[0], algId.size(), "ASN.1 length octet");
    NS_TEST_EXPECT_MSG_EQ(
        CxtpTestToHex(Bytes(auth14.begin() + 1, auth14.begin() + 1 + algId.size())),
        CxtpTestToHex(algId),
        "AlgorithmIdentifier as OpenSSL encodes it");
    const Bytes signature14(auth14.begin() + 1 + algId.size(), auth14.end());
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(RecoverDigestInfo(key.publicKeyDer, signature14)),
                          "3031300d060960864801650304020105000420" +
                              CxtpTestToHex(CryptoMac::Digest(CryptoHash::SHA2_256, octets)),
                          "method 14 signs SHA-256 of the octets");
    Bytes auth;
    NS_TEST_EXPECT_MSG_EQ(Ikev2Authenticator::Sign(2, key.privateKeyDer, octets, auth),
                          false,
                          "the shared-key method has no signature");
    NS_TEST_EXPECT_MSG_EQ(Ikev2Authenticator::Sign(1, key.publicKeyDer, octets, auth),
                          false,
                          "a public key cannot sign");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief X.509 path validation (RFC 5280 §6) of an end-entity certificate through an
 * intermediate CA to a root (depth 2), and the signature of its key verified with the key
 * taken from the certificate.
 */
class Ikev2CertificateTestCase : public TestCase
{
  public:
    Ikev2CertificateTestCase()
        : TestCase("Certificate chains of depth 2 verify; unknown CAs, gaps and expiry do not")
    {
    }

  private:
    void DoRun() override;
};

void
Ikev2CertificateTestCase::DoRun()
{
    using Pki = CryptoCertificateAuthority;
    const CryptoCertificateAuthority::KeyPair rootKey = Pki::MakeRsaKey(2048, "root");
    const CryptoCertificateAuthority::KeyPair caKey = Pki::MakeRsaKey(2048, "ca");
    const CryptoCertificateAuthority::KeyPair eeKey = Pki::MakeRsaKey(2048, "end entity");
    const CryptoCertificateAuthority::KeyPair rogueKey = Pki::MakeRsaKey(2048, "rogue");
    const Bytes root =
        Pki::MakeCertificate("cxtp root CA", rootKey, "cxtp root CA", rootKey, true, 1);
    const Bytes ca =
        Pki::MakeCertificate("cxtp gateway CA", caKey, "cxtp root CA", rootKey, true, 2);
    const Bytes ee = Pki::MakeCertificate("nsg.example", eeKey, "cxtp gateway CA", caKey, false, 3);
    const Bytes rogueRoot =
        Pki::MakeCertificate("cxtp root CA", rogueKey, "cxtp root CA", rogueKey, true, 1);
    // An end entity that (wrongly) issues a certificate: CA:FALSE must stop the path.
    const Bytes eeIssued =
        Pki::MakeCertificate("mn.example", rogueKey, "nsg.example", eeKey, false, 4);

    std::string error;
    const int64_t t = Pki::VALID_TIME;
    NS_TEST_EXPECT_MSG_EQ(CryptoX509::VerifyChain(ee, {ca}, {root}, t, error), true, error);
    NS_TEST_EXPECT_MSG_EQ(error.empty(), true, "no error on success");
    NS_TEST_EXPECT_MSG_EQ(CryptoX509::VerifyChain(ca, {}, {root}, t, error), true, error);
    NS_TEST_EXPECT_MSG_EQ(CryptoX509::VerifyChain(ee, {}, {root}, t, error),
                          false,
                          "the intermediate CA is missing");
    NS_TEST_EXPECT_MSG_EQ(error.empty(), false, "a failure says why");
    NS_TEST_EXPECT_MSG_EQ(CryptoX509::VerifyChain(ee, {ca}, {rogueRoot}, t, error),
                          false,
                          "unknown CA with the same name accepted");
    NS_TEST_EXPECT_MSG_EQ(CryptoX509::VerifyChain(ee, {ca}, {}, t, error), false, "no anchor");
    NS_TEST_EXPECT_MSG_EQ(CryptoX509::VerifyChain(ee, {ca}, {root}, Pki::NOT_AFTER + 86400, error),
                          false,
                          "expired");
    NS_TEST_EXPECT_MSG_EQ(CryptoX509::VerifyChain(ee, {ca}, {root}, Pki::NOT_BEFORE - 86400, error),
                          false,
                          "not yet valid");
    NS_TEST_EXPECT_MSG_EQ(CryptoX509::VerifyChain(eeIssued, {ee, ca}, {root}, t, error),
                          false,
                          "an end entity acted as a CA");
    Bytes corrupt = ee;
    corrupt[corrupt.size() - 10] ^= 1; // inside the signature
    NS_TEST_EXPECT_MSG_EQ(CryptoX509::VerifyChain(corrupt, {ca}, {root}, t, error),
                          false,
                          "bad signature");
    NS_TEST_EXPECT_MSG_EQ(CryptoX509::VerifyChain(Bytes{1, 2, 3}, {ca}, {root}, t, error),
                          false,
                          "garbage");

    Bytes publicKey;
    NS_TEST_ASSERT_MSG_EQ(CryptoX509::GetPublicKey(ee, publicKey), true, "public key");
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(publicKey), CxtpTestToHex(eeKey.publicKeyDer), "same key");
    Bytes subject;
    NS_TEST_EXPECT_MSG_EQ(CryptoX509::GetSubject(ee, subject), true, "subject");
    NS_TEST_EXPECT_MSG_GT(subject.size(), 11, "subject DN");
    NS_TEST_EXPECT_MSG_EQ(CryptoX509::SubjectMatches(ee, subject), true, "its own subject");
    // The same DN with a PrintableString (the certificate has a UTF8String), as another
    // implementation may encode its ID_DER_ASN1_DN: equal under RFC 5280 §7.1, not octet-equal.
    for (const auto& [cn, same] : {std::pair<std::string, bool>{"nsg.example", true},
                                   std::pair<std::string, bool>{"NSG.example", true},
                                   std::pair<std::string, bool>{"msg.example", false}})
    {
        std::unique_ptr<X509_NAME, decltype(&X509_NAME_free)> name(X509_NAME_new(),
                                                                   &X509_NAME_free);
        X509_NAME_add_entry_by_txt(name.get(),
                                   "CN",
                                   V_ASN1_PRINTABLESTRING,
                                   reinterpret_cast<const unsigned char*>(cn.c_str()),
                                   -1,
                                   -1,
                                   0);
        unsigned char* der = nullptr;
        const int n = i2d_X509_NAME(name.get(), &der);
        NS_TEST_ASSERT_MSG_GT(n, 0, "encode the name");
        Bytes printable(der, der + n);
        OPENSSL_free(der);
        if (cn == "nsg.example")
        {
            NS_TEST_EXPECT_MSG_NE(CxtpTestToHex(printable),
                                  CxtpTestToHex(subject),
                                  "the encodings differ");
        }
        NS_TEST_EXPECT_MSG_EQ(CryptoX509::SubjectMatches(ee, printable), same, "CN=" + cn);
        printable.push_back(0);
        NS_TEST_EXPECT_MSG_EQ(CryptoX509::SubjectMatches(ee, printable),
                              false,
                              "trailing octet after CN=" + cn);
    }
    NS_TEST_EXPECT_MSG_EQ(CryptoX509::SubjectMatches(ee, Bytes{0x30, 0x01}), false, "garbage");
    const Bytes octets = Ikev2TestVectors::Instance().Get("signed_r.sha256");
    Bytes auth;
    NS_TEST_EXPECT_MSG_EQ(Ikev2Authenticator::Sign(1, eeKey.privateKeyDer, octets, auth), true, "");
    NS_TEST_EXPECT_MSG_EQ(Ikev2Authenticator::Verify(1, publicKey, octets, auth),
                          true,
                          "AUTH verified with the certificate's key");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The IKEv2 authentication suite.
 */
class Ikev2AuthenticatorTestSuite : public TestSuite
{
  public:
    Ikev2AuthenticatorTestSuite()
        : TestSuite("cxtp-ipsec-ikev2-auth", TestSuite::UNIT)
    {
        AddTestCase(new Ikev2PskAuthTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2RsaAuthTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2CertificateTestCase, TestCase::QUICK);
    }
};

/// The static instance registers the suite.
static Ikev2AuthenticatorTestSuite g_ikev2AuthenticatorTestSuite;

} // namespace
