/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-x509.h"

#include "crypto-work-meter.h"

#include "ns3/log.h"

#include <algorithm>
#include <ctime>
#include <memory>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CryptoX509");

namespace
{

/// Frees an X509.
struct X509Deleter
{
    /// \param cert the certificate (may be null)
    void operator()(X509* cert) const
    {
        X509_free(cert);
    }
};

/// Frees an X509_STORE.
struct StoreDeleter
{
    /// \param store the store (may be null)
    void operator()(X509_STORE* store) const
    {
        X509_STORE_free(store);
    }
};

/// Frees an X509_STORE_CTX.
struct StoreCtxDeleter
{
    /// \param ctx the context (may be null)
    void operator()(X509_STORE_CTX* ctx) const
    {
        X509_STORE_CTX_free(ctx);
    }
};

/// Frees a STACK_OF(X509) and its certificates.
struct StackDeleter
{
    /// \param stack the stack (may be null)
    void operator()(STACK_OF(X509) * stack) const
    {
        sk_X509_pop_free(stack, X509_free);
    }
};

/// An owned certificate.
using X509Ptr = std::unique_ptr<X509, X509Deleter>;
/// An owned store.
using StorePtr = std::unique_ptr<X509_STORE, StoreDeleter>;
/// An owned store context.
using StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, StoreCtxDeleter>;
/// An owned stack of certificates.
using StackPtr = std::unique_ptr<STACK_OF(X509), StackDeleter>;

/**
 * \param der a certificate, DER
 * \return the certificate, or null if it does not parse as a whole
 */
X509Ptr
ParseCertificate(const std::vector<uint8_t>& der)
{
    const unsigned char* p = der.data();
    X509Ptr cert(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
    if (!cert || p != der.data() + der.size())
    {
        return nullptr;
    }
    return cert;
}

/**
 * \brief Serialises with an i2d function.
 * \tparam T the OpenSSL type
 * \param object the object
 * \param i2d the serialiser
 * \param [out] out the DER bytes
 * \return false on failure
 */
template <typename T>
bool
ToDer(const T* object, int (*i2d)(const T*, unsigned char**), std::vector<uint8_t>& out)
{
    out.clear();
    int length = i2d(object, nullptr);
    if (length <= 0)
    {
        return false;
    }
    out.resize(length);
    unsigned char* p = out.data();
    if (i2d(object, &p) != length)
    {
        out.clear();
        return false;
    }
    return true;
}

/**
 * \brief Records one CryptoOperation CERTIFICATE, with the issuer's key size, per certificate
 * whose signature a validation checked.
 *
 * X509_verify_cert builds the path first, then checks it from the top down: each certificate
 * below the trust anchor against its issuer's key (the anchor's own signature is not checked),
 * stopping at the first error. So a valid path records every certificate below the anchor; a
 * failed validation records those from the one that failed (the error depth) upward, which is
 * an upper bound when the error is found before the signatures are checked (a CA certificate
 * without CA:TRUE); a path that could not be built records none.
 *
 * \param ctx the store context after X509_verify_cert
 * \param valid true if the path was valid
 */
void
RecordCheckedCertificates(X509_STORE_CTX* ctx, bool valid)
{
    STACK_OF(X509)* chain = X509_STORE_CTX_get0_chain(ctx);
    const int length = chain == nullptr ? 0 : sk_X509_num(chain);
    const int first = valid ? 0 : std::max(0, X509_STORE_CTX_get_error_depth(ctx));
    for (int depth = first; depth + 1 < length; ++depth)
    {
        const EVP_PKEY* issuerKey = X509_get0_pubkey(sk_X509_value(chain, depth + 1));
        const int bits = issuerKey == nullptr ? 0 : EVP_PKEY_get_bits(issuerKey);
        CryptoWorkMeter::Record(
            {CryptoOperation::Kind::CERTIFICATE, static_cast<uint32_t>(std::max(bits, 0)), 0});
    }
}

} // namespace

bool
CryptoX509::GetPublicKey(const std::vector<uint8_t>& certificateDer,
                         std::vector<uint8_t>& publicKeyDer)
{
    publicKeyDer.clear();
    X509Ptr cert = ParseCertificate(certificateDer);
    return cert && ToDer<EVP_PKEY>(X509_get0_pubkey(cert.get()), &i2d_PUBKEY, publicKeyDer);
}

bool
CryptoX509::GetSubject(const std::vector<uint8_t>& certificateDer, std::vector<uint8_t>& subjectDer)
{
    subjectDer.clear();
    X509Ptr cert = ParseCertificate(certificateDer);
    return cert && ToDer<X509_NAME>(X509_get_subject_name(cert.get()), &i2d_X509_NAME, subjectDer);
}

bool
CryptoX509::VerifyChain(const std::vector<uint8_t>& endEntityDer,
                        const std::vector<std::vector<uint8_t>>& intermediatesDer,
                        const std::vector<std::vector<uint8_t>>& trustAnchorsDer,
                        int64_t atTime,
                        std::string& error)
{
    NS_LOG_FUNCTION(endEntityDer.size()
                    << intermediatesDer.size() << trustAnchorsDer.size() << atTime);
    error.clear();
    X509Ptr leaf = ParseCertificate(endEntityDer);
    StorePtr store(X509_STORE_new());
    StackPtr untrusted(sk_X509_new_null());
    StoreCtxPtr ctx(X509_STORE_CTX_new());
    if (!leaf || !store || !untrusted || !ctx)
    {
        error = "the end-entity certificate does not parse";
        return false;
    }
    for (const auto& der : trustAnchorsDer)
    {
        X509Ptr anchor = ParseCertificate(der);
        if (!anchor || X509_STORE_add_cert(store.get(), anchor.get()) != 1)
        {
            error = "a trust anchor does not parse";
            return false;
        }
    }
    for (const auto& der : intermediatesDer)
    {
        X509Ptr cert = ParseCertificate(der);
        if (!cert || sk_X509_push(untrusted.get(), cert.get()) == 0)
        {
            error = "an intermediate certificate does not parse";
            return false;
        }
        cert.release(); // now owned by the stack
    }
    if (X509_STORE_CTX_init(ctx.get(), store.get(), leaf.get(), untrusted.get()) != 1)
    {
        error = "X509_STORE_CTX_init failed";
        return false;
    }
    X509_STORE_CTX_set_time(ctx.get(), 0, static_cast<time_t>(atTime));
    const bool valid = X509_verify_cert(ctx.get()) == 1;
    RecordCheckedCertificates(ctx.get(), valid);
    if (!valid)
    {
        error = X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx.get()));
        NS_LOG_LOGIC("certificate path invalid: " << error);
        return false;
    }
    return true;
}

} // namespace ns3
