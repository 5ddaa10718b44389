/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_SIGNATURE_H
#define CRYPTO_SIGNATURE_H

#include "crypto-mac.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief RSASSA-PKCS1-v1_5 signatures (RFC 8017 §8.2) through OpenSSL EVP.
 *
 * Keys cross the interface as DER: a private key as PKCS#8 PrivateKeyInfo (RFC 5208) or a
 * PKCS#1 RSAPrivateKey, a public key as X.509 SubjectPublicKeyInfo (RFC 5280 §4.1.2.7), the form
 * CryptoX509::GetPublicKey returns.
 *
 * SignRsa() records a CryptoOperation RSA_SIGN (the modulus size) on the active CryptoWorkMeter
 * when it succeeds; VerifyRsa() records RSA_VERIFY once the key is loaded, whether or not the
 * signature verifies.
 */
class CryptoSignature
{
  public:
    /**
     * \brief Signs \p data: EMSA-PKCS1-v1_5 encoding of the hash's DigestInfo, then RSASP1.
     * \param hash the hash (SHA-1, SHA-2; not MD5)
     * \param privateKeyDer the RSA private key, DER
     * \param data the data to sign (hashed here)
     * \param [out] signature the signature, as long as the modulus (cleared on failure)
     * \return false if the key is not an RSA private key or OpenSSL fails
     */
    static bool SignRsa(CryptoHash hash,
                        const std::vector<uint8_t>& privateKeyDer,
                        const std::vector<uint8_t>& data,
                        std::vector<uint8_t>& signature);
    /**
     * \brief Verifies an RSASSA-PKCS1-v1_5 signature (RFC 8017 §8.2.2).
     * \param hash the hash the signer used
     * \param publicKeyDer the RSA public key, SubjectPublicKeyInfo DER
     * \param data the signed data
     * \param signature the signature
     * \return true if the signature is valid
     */
    static bool VerifyRsa(CryptoHash hash,
                          const std::vector<uint8_t>& publicKeyDer,
                          const std::vector<uint8_t>& data,
                          const std::vector<uint8_t>& signature);
};

} // namespace ns3

#endif // CRYPTO_SIGNATURE_H
