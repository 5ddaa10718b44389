/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_OPENSSL_INTERNAL_H
#define CRYPTO_OPENSSL_INTERNAL_H

// Internal to the library's .cc files: no public header includes this one, and CMake keeps it out
// of the staged headers and the umbrella header, so OpenSSL does not leak to users.

#include <cstdint>
#include <memory>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief A unique_ptr deleter that calls OpenSSL's free function of a type.
 * \tparam T the OpenSSL type
 * \tparam Free its free function (accepts null)
 */
template <typename T, void (*Free)(T*)>
struct CryptoOpensslDeleter
{
    /// \param object the object (may be null)
    void operator()(T* object) const
    {
        Free(object);
    }
};

/// \ingroup cxtp-ipsec
/// Frees a STACK_OF(X509) and the certificates in it.
inline void
CryptoFreeX509Stack(STACK_OF(X509) * stack)
{
    sk_X509_pop_free(stack, X509_free);
}

/// An owned EVP_PKEY.
using CryptoPkeyPtr = std::unique_ptr<EVP_PKEY, CryptoOpensslDeleter<EVP_PKEY, &EVP_PKEY_free>>;
/// An owned EVP_MD_CTX.
using CryptoMdCtxPtr =
    std::unique_ptr<EVP_MD_CTX, CryptoOpensslDeleter<EVP_MD_CTX, &EVP_MD_CTX_free>>;
/// An owned certificate.
using CryptoX509Ptr = std::unique_ptr<X509, CryptoOpensslDeleter<X509, &X509_free>>;
/// An owned certificate store.
using CryptoX509StorePtr =
    std::unique_ptr<X509_STORE, CryptoOpensslDeleter<X509_STORE, &X509_STORE_free>>;
/// An owned certificate store context.
using CryptoX509StoreCtxPtr =
    std::unique_ptr<X509_STORE_CTX, CryptoOpensslDeleter<X509_STORE_CTX, &X509_STORE_CTX_free>>;
/// An owned stack of certificates, freed with them.
using CryptoX509StackPtr =
    std::unique_ptr<STACK_OF(X509), CryptoOpensslDeleter<STACK_OF(X509), &CryptoFreeX509Stack>>;

/**
 * \ingroup cxtp-ipsec
 * \brief Serialises an OpenSSL object with its i2d function (DER).
 * \tparam T the OpenSSL type
 * \param object the object
 * \param i2d the serialiser
 * \param [out] out the DER bytes (cleared on failure)
 * \return false on failure
 */
template <typename T>
bool
CryptoToDer(const T* object, int (*i2d)(const T*, unsigned char**), std::vector<uint8_t>& out)
{
    out.clear();
    const int length = object ? i2d(object, nullptr) : 0;
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
 * \ingroup cxtp-ipsec
 * \param der a certificate, DER
 * \return the certificate, or null if the octets are not exactly one certificate
 */
inline CryptoX509Ptr
CryptoParseX509(const std::vector<uint8_t>& der)
{
    const unsigned char* p = der.data();
    CryptoX509Ptr cert(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
    if (!cert || p != der.data() + der.size())
    {
        return nullptr;
    }
    return cert;
}

} // namespace ns3

#endif // CRYPTO_OPENSSL_INTERNAL_H
