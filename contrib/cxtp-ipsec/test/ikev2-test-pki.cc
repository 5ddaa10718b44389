/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-test-pki.h"

#include "ns3/abort.h"

#include <memory>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace ns3
{

namespace
{

/// Frees an EVP_PKEY.
struct PkeyDeleter
{
    /// \param key the key (may be null)
    void operator()(EVP_PKEY* key) const
    {
        EVP_PKEY_free(key);
    }
};

/// Frees an X509.
struct X509Deleter
{
    /// \param cert the certificate (may be null)
    void operator()(X509* cert) const
    {
        X509_free(cert);
    }
};

/// An owned key.
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
/// An owned certificate.
using X509Ptr = std::unique_ptr<X509, X509Deleter>;

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
AddExtension(X509* cert, int nid, const char* value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    bool ok = ext && X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

/**
 * \brief Serialises an object with an i2d function.
 * \tparam T the OpenSSL type
 * \param object the object
 * \param i2d the function
 * \return the DER bytes (aborts on failure)
 */
template <typename T>
std::vector<uint8_t>
ToDer(const T* object, int (*i2d)(const T*, unsigned char**))
{
    int length = i2d(object, nullptr);
    NS_ABORT_MSG_IF(length <= 0, "Ikev2TestPki: DER encoding failed");
    std::vector<uint8_t> out(length);
    unsigned char* p = out.data();
    NS_ABORT_MSG_IF(i2d(object, &p) != length, "Ikev2TestPki: DER encoding failed");
    return out;
}

} // namespace

Ikev2TestKeyPair
Ikev2TestPki::MakeRsaKey(uint32_t bits)
{
    PkeyPtr key(EVP_RSA_gen(bits));
    NS_ABORT_MSG_IF(!key, "Ikev2TestPki: RSA key generation failed");
    Ikev2TestKeyPair pair;
    pair.privateKeyDer = ToDer<EVP_PKEY>(key.get(), &i2d_PrivateKey);
    pair.publicKeyDer = ToDer<EVP_PKEY>(key.get(), &i2d_PUBKEY);
    return pair;
}

std::vector<uint8_t>
Ikev2TestPki::MakeCertificate(const std::string& subjectCn,
                              const Ikev2TestKeyPair& subjectKey,
                              const std::string& issuerCn,
                              const Ikev2TestKeyPair& issuerKey,
                              bool isCa,
                              uint32_t serial)
{
    const unsigned char* p = subjectKey.publicKeyDer.data();
    PkeyPtr subject(d2i_PUBKEY(nullptr, &p, static_cast<long>(subjectKey.publicKeyDer.size())));
    p = issuerKey.privateKeyDer.data();
    PkeyPtr issuer(
        d2i_AutoPrivateKey(nullptr, &p, static_cast<long>(issuerKey.privateKeyDer.size())));
    X509Ptr cert(X509_new());
    NS_ABORT_MSG_IF(!subject || !issuer || !cert, "Ikev2TestPki: bad key or allocation failure");
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
              X509_sign(cert.get(), issuer.get(), EVP_sha256()) > 0;
    NS_ABORT_MSG_IF(!ok, "Ikev2TestPki: making the certificate of " << subjectCn << " failed");
    return ToDer<X509>(cert.get(), &i2d_X509);
}

} // namespace ns3
