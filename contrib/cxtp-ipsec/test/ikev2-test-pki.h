/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_TEST_PKI_H
#define IKEV2_TEST_PKI_H

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec-tests
 * \brief An RSA key pair made at run time, as DER.
 */
struct Ikev2TestKeyPair
{
    std::vector<uint8_t> privateKeyDer; ///< the private key (PKCS#1 RSAPrivateKey)
    std::vector<uint8_t> publicKeyDer;  ///< the public key (SubjectPublicKeyInfo)
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Makes RSA keys and X.509 v3 certificates at run time with OpenSSL, so that no private
 * key is kept in the repository: a root CA, intermediate CAs and end-entity certificates.
 *
 * Every certificate is valid from NOT_BEFORE to NOT_AFTER and signed with SHA-256. CA
 * certificates carry basicConstraints "critical, CA:TRUE" and keyUsage keyCertSign and cRLSign;
 * end-entity certificates "critical, CA:FALSE" and digitalSignature (RFC 5280 §4.2.1.3, 4.2.1.9).
 */
class Ikev2TestPki
{
  public:
    static constexpr int64_t NOT_BEFORE = 1577836800; ///< 2020-01-01T00:00:00Z
    static constexpr int64_t NOT_AFTER = 2208988800;  ///< 2040-01-01T00:00:00Z
    static constexpr int64_t VALID_TIME = 1893456000; ///< 2030-01-01T00:00:00Z, within

    /**
     * \param bits the modulus size
     * \return a new RSA key pair (aborts if OpenSSL fails)
     */
    static Ikev2TestKeyPair MakeRsaKey(uint32_t bits = 2048);
    /**
     * \param subjectCn the subject's common name
     * \param subjectKey the subject's key pair (its public key is certified)
     * \param issuerCn the issuer's common name (the subject's for a self-signed certificate)
     * \param issuerKey the issuer's key pair (its private key signs)
     * \param isCa true for a CA certificate
     * \param serial the serial number
     * \return the certificate, DER (aborts if OpenSSL fails)
     */
    static std::vector<uint8_t> MakeCertificate(const std::string& subjectCn,
                                                const Ikev2TestKeyPair& subjectKey,
                                                const std::string& issuerCn,
                                                const Ikev2TestKeyPair& issuerKey,
                                                bool isCa,
                                                uint32_t serial);
};

} // namespace ns3

#endif // IKEV2_TEST_PKI_H
