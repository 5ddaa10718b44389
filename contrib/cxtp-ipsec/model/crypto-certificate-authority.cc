/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-certificate-authority.h"

#include "crypto-openssl-internal.h"
#include "crypto-rand-stream.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/rng-seed-manager.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509v3.h>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CryptoCertificateAuthority");

namespace
{

/**
 * \param name a name to fill
 * \param cn the common name
 * \return true on success
 */
bool
SetCommonName(X509_NAME* name, const std::string& cn)
{
    return X509_NAME_add_entry_by_txt(name,
                                      "CN",
                                      MBSTRING_ASC,
                                      reinterpret_cast<const unsigned char*>(cn.c_str()),
                                      -1,
                                      -1,
                                      0) == 1;
}

/**
 * \param cert the certificate
 * \param nid the extension
 * \param value its value in OpenSSL's configuration syntax
 * \return true on success
 */
bool
AddExtension(X509* cert, int nid, const std::string& value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
    bool ok = ext && X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

/**
 * \param dnsNames DNS names
 * \param ipAddresses IPv6 addresses
 * \return the subjectAltName value in OpenSSL's configuration syntax ("DNS:a,IP:b"), empty if
 *         there are no names
 */
std::string
AltNames(const std::vector<std::string>& dnsNames, const std::vector<Ipv6Address>& ipAddresses)
{
    std::ostringstream out;
    const char* sep = "";
    for (const std::string& name : dnsNames)
    {
        out << sep << "DNS:" << name;
        sep = ",";
    }
    for (const Ipv6Address& address : ipAddresses)
    {
        out << sep << "IP:" << address;
        sep = ",";
    }
    return out.str();
}

/**
 * \param object an OpenSSL object
 * \param i2d its serialiser
 * \return its DER (aborts on failure)
 */
template <typename T>
std::vector<uint8_t>
MustDer(const T* object, int (*i2d)(const T*, unsigned char**))
{
    std::vector<uint8_t> out;
    NS_ABORT_MSG_IF(!CryptoToDer<T>(object, i2d, out),
                    "CryptoCertificateAuthority: DER encoding failed");
    return out;
}

/// Frees an OpenSSL BIO.
using BioPtr = std::unique_ptr<BIO, CryptoOpensslDeleter<BIO, &BIO_free_all>>;

/**
 * \param bio a memory BIO
 * \return what was written into it
 */
std::string
BioText(BIO* bio)
{
    char* data = nullptr;
    long length = BIO_get_mem_data(bio, &data);
    return length > 0 && data ? std::string(data, static_cast<size_t>(length)) : std::string();
}

} // namespace

CryptoCertificateAuthority::CryptoCertificateAuthority(const std::string& rootName,
                                                       uint32_t keyBits,
                                                       const std::string& keyLabel)
    : m_keyBits(keyBits),
      m_keyLabel(keyLabel)
{
    NS_LOG_FUNCTION(this << rootName << keyBits << keyLabel);
    Ca root;
    root.name = rootName;
    root.key = MakeRsaKey(keyBits, KeyLabel(rootName));
    root.chain = {MakeCertificate(rootName, root.key, rootName, root.key, true, m_serial++)};
    m_cas.push_back(std::move(root));
}

std::string
CryptoCertificateAuthority::KeyLabel(const std::string& subject) const
{
    // The root's own key has no root name before its subject yet.
    return m_keyLabel + "|" + (m_cas.empty() ? "" : m_cas[ROOT].name + "/") + subject;
}

const std::vector<uint8_t>&
CryptoCertificateAuthority::GetRootCertificate() const
{
    return m_cas[ROOT].chain.front();
}

uint32_t
CryptoCertificateAuthority::GetKeyBits() const
{
    return m_keyBits;
}

const CryptoCertificateAuthority::Ca&
CryptoCertificateAuthority::GetCa(uint32_t ca) const
{
    NS_ABORT_MSG_IF(ca >= m_cas.size(), "CryptoCertificateAuthority: no CA " << ca);
    return m_cas[ca];
}

const std::vector<uint8_t>&
CryptoCertificateAuthority::GetCaCertificate(uint32_t ca) const
{
    return GetCa(ca).chain.front();
}

uint32_t
CryptoCertificateAuthority::AddIntermediate(const std::string& commonName, uint32_t issuer)
{
    NS_LOG_FUNCTION(this << commonName << issuer);
    const Ca& parent = GetCa(issuer);
    Ca ca;
    ca.name = commonName;
    ca.key = MakeRsaKey(m_keyBits, KeyLabel(commonName));
    ca.chain = {MakeCertificate(commonName, ca.key, parent.name, parent.key, true, m_serial++)};
    if (issuer != ROOT)
    {
        ca.chain.insert(ca.chain.end(), parent.chain.begin(), parent.chain.end());
    }
    m_cas.push_back(std::move(ca));
    return m_cas.size() - 1;
}

CryptoCertificateAuthority::Issued
CryptoCertificateAuthority::IssueEndEntity(const std::string& commonName,
                                           uint32_t issuer,
                                           const std::vector<std::string>& dnsNames,
                                           const std::vector<Ipv6Address>& ipAddresses)
{
    NS_LOG_FUNCTION(this << commonName << issuer);
    const Ca& parent = GetCa(issuer);
    Issued out;
    out.key = MakeRsaKey(m_keyBits, KeyLabel(commonName));
    out.chain = {MakeCertificate(commonName,
                                 out.key,
                                 parent.name,
                                 parent.key,
                                 false,
                                 m_serial++,
                                 dnsNames,
                                 ipAddresses)};
    if (issuer != ROOT)
    {
        out.chain.insert(out.chain.end(), parent.chain.begin(), parent.chain.end());
    }
    return out;
}

CryptoCertificateAuthority::KeyPair
CryptoCertificateAuthority::MakeRsaKey(uint32_t bits, const std::string& label)
{
    std::ostringstream seed;
    seed << "cxtp-ipsec RSA key|" << RngSeedManager::GetSeed() << "|" << RngSeedManager::GetRun()
         << "|" << bits << "|" << label;
    const std::string text = seed.str();
    CryptoPkeyPtr key;
    {
        CryptoRandStream stream(std::vector<uint8_t>(text.begin(), text.end()));
        CryptoRandStream::Scope scope(stream);
        key.reset(EVP_RSA_gen(bits));
    }
    NS_ABORT_MSG_IF(!key, "CryptoCertificateAuthority: RSA key generation failed");
    KeyPair pair;
    pair.privateKeyDer = MustDer<EVP_PKEY>(key.get(), &i2d_PrivateKey);
    pair.publicKeyDer = MustDer<EVP_PKEY>(key.get(), &i2d_PUBKEY);
    return pair;
}

std::vector<uint8_t>
CryptoCertificateAuthority::MakeCertificate(const std::string& subjectCn,
                                            const KeyPair& subjectKey,
                                            const std::string& issuerCn,
                                            const KeyPair& issuerKey,
                                            bool isCa,
                                            uint32_t serial,
                                            const std::vector<std::string>& dnsNames,
                                            const std::vector<Ipv6Address>& ipAddresses)
{
    const unsigned char* p = subjectKey.publicKeyDer.data();
    CryptoPkeyPtr subject(
        d2i_PUBKEY(nullptr, &p, static_cast<long>(subjectKey.publicKeyDer.size())));
    p = issuerKey.privateKeyDer.data();
    CryptoPkeyPtr issuer(
        d2i_AutoPrivateKey(nullptr, &p, static_cast<long>(issuerKey.privateKeyDer.size())));
    CryptoX509Ptr cert(X509_new());
    NS_ABORT_MSG_IF(!subject || !issuer || !cert,
                    "CryptoCertificateAuthority: bad key or allocation failure");
    const std::string altNames = AltNames(dnsNames, ipAddresses);
    bool ok = X509_set_version(cert.get(), X509_VERSION_3) == 1 &&
              ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial) == 1 &&
              ASN1_TIME_set(X509_getm_notBefore(cert.get()), NOT_BEFORE) != nullptr &&
              ASN1_TIME_set(X509_getm_notAfter(cert.get()), NOT_AFTER) != nullptr &&
              X509_set_pubkey(cert.get(), subject.get()) == 1 &&
              SetCommonName(X509_get_subject_name(cert.get()), subjectCn) &&
              SetCommonName(X509_get_issuer_name(cert.get()), issuerCn) &&
              AddExtension(cert.get(),
                           NID_basic_constraints,
                           isCa ? "critical,CA:TRUE" : "critical,CA:FALSE") &&
              AddExtension(cert.get(),
                           NID_key_usage,
                           isCa ? "critical,keyCertSign,cRLSign" : "critical,digitalSignature") &&
              (altNames.empty() || AddExtension(cert.get(), NID_subject_alt_name, altNames)) &&
              X509_sign(cert.get(), issuer.get(), EVP_sha256()) > 0;
    NS_ABORT_MSG_IF(!ok,
                    "CryptoCertificateAuthority: making the certificate of " << subjectCn
                                                                             << " failed");
    return MustDer<X509>(cert.get(), &i2d_X509);
}

std::string
CryptoCertificateAuthority::ToPem(const std::vector<uint8_t>& certificateDer)
{
    CryptoX509Ptr cert = CryptoParseX509(certificateDer);
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!cert || !bio || PEM_write_bio_X509(bio.get(), cert.get()) != 1)
    {
        return "";
    }
    return BioText(bio.get());
}

std::string
CryptoCertificateAuthority::RsaPrivateKeyToPem(const std::vector<uint8_t>& privateKeyDer)
{
    const unsigned char* p = privateKeyDer.data();
    CryptoPkeyPtr key(d2i_AutoPrivateKey(nullptr, &p, static_cast<long>(privateKeyDer.size())));
    BioPtr bio(BIO_new(BIO_s_mem()));
    // The traditional writer gives PKCS#1 ("RSA PRIVATE KEY") for an RSA key.
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA || !bio ||
        PEM_write_bio_PrivateKey_traditional(bio.get(),
                                             key.get(),
                                             nullptr,
                                             nullptr,
                                             0,
                                             nullptr,
                                             nullptr) != 1)
    {
        return "";
    }
    return BioText(bio.get());
}

} // namespace ns3
