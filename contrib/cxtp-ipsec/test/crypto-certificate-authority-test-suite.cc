/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
/*
 * Tests for CryptoCertificateAuthority's PEM export (RFC 7468): a certificate and an RSA
 * private key written as PEM parse back with OpenSSL's PEM readers to the same DER, the key is
 * PKCS#1 ("RSA PRIVATE KEY", what swanctl's rsa directory holds) and matches its certificate,
 * and octets that are not a certificate or an RSA key give no PEM; and keys are reproducible:
 * the same label, seed and run give the same key and certificates, byte for byte.
 */

#include "ns3/crypto-certificate-authority.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/test.h"

#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// A byte string.
using Bytes = std::vector<uint8_t>;

/**
 * \ingroup cxtp-ipsec-tests
 * \param text PEM text
 * \return a memory BIO reading it
 */
std::unique_ptr<BIO, decltype(&BIO_free)>
ReadBio(const std::string& text)
{
    return {BIO_new_mem_buf(text.data(), static_cast<int>(text.size())), &BIO_free};
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief A certificate and its key through PEM and back: OpenSSL's PEM readers give the same
 * DER, the key is PKCS#1 and belongs to the certificate (X509_check_private_key), and an
 * end entity's certificate verifies with the CA's key read from the CA's PEM.
 */
class CertificatePemRoundTripTestCase : public TestCase
{
  public:
    CertificatePemRoundTripTestCase()
        : TestCase("certificate and RSA key PEM parse back with OpenSSL; key matches certificate")
    {
    }

  private:
    void DoRun() override
    {
        CryptoCertificateAuthority ca("cxtp test CA", 1024);
        CryptoCertificateAuthority::Issued issued =
            ca.IssueEndEntity("cxtp test node", CryptoCertificateAuthority::ROOT);

        std::string caPem = CryptoCertificateAuthority::ToPem(ca.GetRootCertificate());
        std::string certPem = CryptoCertificateAuthority::ToPem(issued.chain.front());
        std::string keyPem =
            CryptoCertificateAuthority::RsaPrivateKeyToPem(issued.key.privateKeyDer);
        NS_TEST_ASSERT_MSG_EQ(certPem.rfind("-----BEGIN CERTIFICATE-----\n", 0),
                              0,
                              "certificate PEM label (RFC 7468 §5)");
        NS_TEST_ASSERT_MSG_EQ(keyPem.rfind("-----BEGIN RSA PRIVATE KEY-----\n", 0),
                              0,
                              "PKCS#1 key label");
        NS_TEST_ASSERT_MSG_NE(keyPem.find("-----END RSA PRIVATE KEY-----\n"),
                              std::string::npos,
                              "key PEM end line");

        auto certBio = ReadBio(certPem);
        std::unique_ptr<X509, decltype(&X509_free)> cert(
            PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr),
            &X509_free);
        NS_TEST_ASSERT_MSG_NE(cert.get(), nullptr, "OpenSSL reads the certificate PEM");
        unsigned char* der = nullptr;
        int length = i2d_X509(cert.get(), &der);
        Bytes certDer(der, der + (length > 0 ? length : 0));
        OPENSSL_free(der);
        NS_TEST_EXPECT_MSG_EQ((certDer == issued.chain.front()), true, "same certificate DER");

        auto keyBio = ReadBio(keyPem);
        std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
            PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr),
            &EVP_PKEY_free);
        NS_TEST_ASSERT_MSG_NE(key.get(), nullptr, "OpenSSL reads the key PEM");
        NS_TEST_EXPECT_MSG_EQ(EVP_PKEY_get_base_id(key.get()), EVP_PKEY_RSA, "an RSA key");
        der = nullptr;
        length = i2d_PrivateKey(key.get(), &der);
        Bytes keyDer(der, der + (length > 0 ? length : 0));
        OPENSSL_free(der);
        NS_TEST_EXPECT_MSG_EQ((keyDer == issued.key.privateKeyDer), true, "same key DER");
        NS_TEST_EXPECT_MSG_EQ(X509_check_private_key(cert.get(), key.get()),
                              1,
                              "the key is the certificate's");

        auto caBio = ReadBio(caPem);
        std::unique_ptr<X509, decltype(&X509_free)> caCert(
            PEM_read_bio_X509(caBio.get(), nullptr, nullptr, nullptr),
            &X509_free);
        NS_TEST_ASSERT_MSG_NE(caCert.get(), nullptr, "OpenSSL reads the CA PEM");
        NS_TEST_EXPECT_MSG_EQ(X509_verify(cert.get(), X509_get0_pubkey(caCert.get())),
                              1,
                              "the CA's key (from its PEM) verifies the certificate");
        NS_TEST_EXPECT_MSG_EQ(X509_check_private_key(caCert.get(), key.get()),
                              0,
                              "the node's key is not the CA's");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief What is not a certificate or an RSA private key gives an empty string: empty or
 * truncated DER, trailing octets, a public key given as private key.
 */
class PemRejectsTestCase : public TestCase
{
  public:
    PemRejectsTestCase()
        : TestCase("no PEM for octets that are not a certificate or an RSA private key")
    {
    }

  private:
    void DoRun() override
    {
        CryptoCertificateAuthority::KeyPair key =
            CryptoCertificateAuthority::MakeRsaKey(1024, "self");
        Bytes cert = CryptoCertificateAuthority::MakeCertificate("self", key, "self", key, true, 7);
        NS_TEST_EXPECT_MSG_EQ(CryptoCertificateAuthority::ToPem({}), "", "empty");
        NS_TEST_EXPECT_MSG_EQ(
            CryptoCertificateAuthority::ToPem(Bytes(cert.begin(), cert.end() - 1)),
            "",
            "truncated certificate");
        Bytes longer = cert;
        longer.push_back(0);
        NS_TEST_EXPECT_MSG_EQ(CryptoCertificateAuthority::ToPem(longer), "", "trailing octet");
        NS_TEST_EXPECT_MSG_EQ(CryptoCertificateAuthority::ToPem(key.privateKeyDer),
                              "",
                              "a key is no certificate");
        NS_TEST_EXPECT_MSG_EQ(CryptoCertificateAuthority::RsaPrivateKeyToPem({}), "", "empty key");
        NS_TEST_EXPECT_MSG_EQ(CryptoCertificateAuthority::RsaPrivateKeyToPem(key.publicKeyDer),
                              "",
                              "a public key is no private key");
        NS_TEST_EXPECT_MSG_EQ(CryptoCertificateAuthority::RsaPrivateKeyToPem(cert),
                              "",
                              "a certificate is no private key");
        NS_TEST_EXPECT_MSG_NE(CryptoCertificateAuthority::ToPem(cert),
                              "",
                              "the certificate itself");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Same seed and run, same keys: MakeRsaKey is a function of label, size, seed and run;
 * two authorities of one name issue identical certificates; OpenSSL's own random source is
 * back in force afterwards.
 */
class DeterministicKeysTestCase : public TestCase
{
  public:
    DeterministicKeysTestCase()
        : TestCase("RSA keys and certificates reproducible from label, seed and run")
    {
    }

  private:
    void DoRun() override
    {
        using Pki = CryptoCertificateAuthority;
        const uint32_t run = RngSeedManager::GetRun();
        const Bytes a = Pki::MakeRsaKey(1024, "a").privateKeyDer;
        NS_TEST_EXPECT_MSG_EQ((Pki::MakeRsaKey(1024, "a").privateKeyDer == a), true, "same key");
        NS_TEST_EXPECT_MSG_EQ((Pki::MakeRsaKey(1024, "b").privateKeyDer != a),
                              true,
                              "another label, another key");
        NS_TEST_EXPECT_MSG_EQ((Pki::MakeRsaKey(1536, "a").privateKeyDer != a),
                              true,
                              "another size, another key");
        RngSeedManager::SetRun(run + 1);
        const Bytes otherRun = Pki::MakeRsaKey(1024, "a").privateKeyDer;
        RngSeedManager::SetRun(run);
        NS_TEST_EXPECT_MSG_EQ((otherRun != a), true, "another run, another key");

        Pki one("same root", 1024);
        Pki two("same root", 1024);
        NS_TEST_EXPECT_MSG_EQ((one.GetRootCertificate() == two.GetRootCertificate()),
                              true,
                              "the same root certificate");
        NS_TEST_EXPECT_MSG_EQ(
            (one.IssueEndEntity("node").chain == two.IssueEndEntity("node").chain),
            true,
            "the same end-entity certificate");
        NS_TEST_EXPECT_MSG_EQ(
            (Pki("same root", 1024, "rogue").GetRootCertificate() != one.GetRootCertificate()),
            true,
            "another key label: another root key");

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations" // the interface the model sets
        NS_TEST_EXPECT_MSG_EQ((RAND_get_rand_method() == RAND_OpenSSL()),
                              true,
                              "OpenSSL's random source restored");
#pragma GCC diagnostic pop
        unsigned char x[16];
        unsigned char y[16];
        NS_TEST_ASSERT_MSG_EQ((RAND_bytes(x, sizeof(x)) == 1 && RAND_bytes(y, sizeof(y)) == 1),
                              true,
                              "RAND_bytes");
        NS_TEST_EXPECT_MSG_EQ((Bytes(x, x + 16) != Bytes(y, y + 16)), true, "fresh random bytes");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief CryptoCertificateAuthority's PEM export and reproducible keys.
 */
class CryptoCertificateAuthorityTestSuite : public TestSuite
{
  public:
    CryptoCertificateAuthorityTestSuite()
        : TestSuite("cxtp-ipsec-crypto-certificate-authority", TestSuite::UNIT)
    {
        AddTestCase(new CertificatePemRoundTripTestCase, TestCase::QUICK);
        AddTestCase(new PemRejectsTestCase, TestCase::QUICK);
        AddTestCase(new DeterministicKeysTestCase, TestCase::QUICK);
    }
};

} // namespace

static CryptoCertificateAuthorityTestSuite
    g_cryptoCertificateAuthorityTestSuite; ///< registers the suite
