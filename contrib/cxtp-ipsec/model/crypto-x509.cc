/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-x509.h"

#include "crypto-openssl-internal.h"
#include "crypto-work-meter.h"

#include "ns3/log.h"

#include <algorithm>
#include <ctime>
#include <memory>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CryptoX509");

namespace
{

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
    CryptoX509Ptr cert = CryptoParseX509(certificateDer);
    return cert && CryptoToDer<EVP_PKEY>(X509_get0_pubkey(cert.get()), &i2d_PUBKEY, publicKeyDer);
}

bool
CryptoX509::GetSubject(const std::vector<uint8_t>& certificateDer, std::vector<uint8_t>& subjectDer)
{
    subjectDer.clear();
    CryptoX509Ptr cert = CryptoParseX509(certificateDer);
    return cert &&
           CryptoToDer<X509_NAME>(X509_get_subject_name(cert.get()), &i2d_X509_NAME, subjectDer);
}

bool
CryptoX509::SubjectMatches(const std::vector<uint8_t>& certificateDer,
                           const std::vector<uint8_t>& nameDer)
{
    CryptoX509Ptr cert = CryptoParseX509(certificateDer);
    if (!cert || nameDer.empty())
    {
        return false;
    }
    const unsigned char* p = nameDer.data();
    std::unique_ptr<X509_NAME, decltype(&X509_NAME_free)> name(
        d2i_X509_NAME(nullptr, &p, static_cast<long>(nameDer.size())),
        &X509_NAME_free);
    return name && p == nameDer.data() + nameDer.size() &&
           X509_NAME_cmp(X509_get_subject_name(cert.get()), name.get()) == 0;
}

bool
CryptoX509::HasSubjectAltName(const std::vector<uint8_t>& certificateDer,
                              AltName type,
                              const std::vector<uint8_t>& value)
{
    CryptoX509Ptr cert = CryptoParseX509(certificateDer);
    if (!cert || value.empty())
    {
        return false;
    }
    const unsigned int flags = X509_CHECK_FLAG_NEVER_CHECK_SUBJECT | X509_CHECK_FLAG_NO_WILDCARDS;
    const auto* text = reinterpret_cast<const char*>(value.data());
    switch (type)
    {
    case AltName::DNS_NAME:
        return X509_check_host(cert.get(), text, value.size(), flags, nullptr) == 1;
    case AltName::IP_ADDRESS:
        return (value.size() == 4 || value.size() == 16) &&
               X509_check_ip(cert.get(), value.data(), value.size(), flags) == 1;
    case AltName::EMAIL:
        return X509_check_email(cert.get(), text, value.size(), flags) == 1;
    }
    return false;
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
    CryptoX509Ptr leaf = CryptoParseX509(endEntityDer);
    CryptoX509StorePtr store(X509_STORE_new());
    CryptoX509StackPtr untrusted(sk_X509_new_null());
    CryptoX509StoreCtxPtr ctx(X509_STORE_CTX_new());
    if (!leaf || !store || !untrusted || !ctx)
    {
        error = "the end-entity certificate does not parse";
        return false;
    }
    for (const auto& der : trustAnchorsDer)
    {
        CryptoX509Ptr anchor = CryptoParseX509(der);
        if (!anchor || X509_STORE_add_cert(store.get(), anchor.get()) != 1)
        {
            error = "a trust anchor does not parse";
            return false;
        }
    }
    for (const auto& der : intermediatesDer)
    {
        CryptoX509Ptr cert = CryptoParseX509(der);
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
