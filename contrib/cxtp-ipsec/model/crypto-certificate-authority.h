/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_CERTIFICATE_AUTHORITY_H
#define CRYPTO_CERTIFICATE_AUTHORITY_H

#include "ns3/ipv6-address.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief A public-key infrastructure made at run time with OpenSSL, for examples and tests: a
 * root CA, intermediate CAs below it to any depth, and end-entity certificates with RSA keys,
 * so that no private key is kept in the repository.
 *
 * Certificates are X.509 v3 (RFC 5280), valid from NOT_BEFORE to NOT_AFTER and signed with
 * sha256WithRSAEncryption. Every name is a single common name (CN). CA certificates carry
 * basicConstraints "critical, CA:TRUE" and keyUsage keyCertSign and cRLSign; end-entity
 * certificates "critical, CA:FALSE", keyUsage digitalSignature and, when asked, a
 * subjectAltName with DNS names and IPv6 addresses (RFC 5280 §4.2.1.3, §4.2.1.6, §4.2.1.9), the
 * names an IKEv2 peer may use as its ID_FQDN or ID_IPV6_ADDR (RFC 4945 §3.1).
 *
 * Every key this authority makes has the modulus size given to its constructor. Making a key
 * is the slow part (tens to hundreds of milliseconds for 2048 and 3072 bits). Keys are drawn
 * deterministically (see MakeRsaKey), so the same seed and run give the same certificates and
 * the same signatures, byte for byte; they are for simulations and tests, not for real use.
 */
class CryptoCertificateAuthority
{
  public:
    static constexpr int64_t NOT_BEFORE = 1577836800; ///< 2020-01-01T00:00:00Z
    static constexpr int64_t NOT_AFTER = 2208988800;  ///< 2040-01-01T00:00:00Z
    /// 2030-01-01T00:00:00Z, within the validity; Ikev2Credentials validates at this time.
    static constexpr int64_t VALID_TIME = 1893456000;
    /// The index of the root CA.
    static constexpr uint32_t ROOT = 0;

    /// An RSA key pair, DER.
    struct KeyPair
    {
        std::vector<uint8_t> privateKeyDer; ///< the private key (PKCS#1 RSAPrivateKey)
        std::vector<uint8_t> publicKeyDer;  ///< the public key (SubjectPublicKeyInfo)
    };

    /// What an end entity gets: its certificate chain and its key pair.
    struct Issued
    {
        /// The end entity's certificate, then the intermediate CAs' up to the root's child, the
        /// order of CERT payloads in IKEv2 (RFC 7296 §3.6); the root is not in it.
        std::vector<std::vector<uint8_t>> chain;
        KeyPair key; ///< the end entity's key pair
    };

    /**
     * \brief Makes the root CA: a key pair and a self-signed certificate.
     * \param rootName the root's common name
     * \param keyBits the modulus size of every key this authority makes (2048, 3072, ...)
     * \param keyLabel goes into the label of every key made here (MakeRsaKey): authorities of
     *        the same names and labels make the same keys, another label other keys (a rogue
     *        CA that copies a real one's name)
     */
    explicit CryptoCertificateAuthority(const std::string& rootName = "cxtp root CA",
                                        uint32_t keyBits = 2048,
                                        const std::string& keyLabel = "");

    /// \return the root CA's certificate, DER: the trust anchor (RFC 5280 §6.1.1 (d))
    const std::vector<uint8_t>& GetRootCertificate() const;
    /// \return the modulus size of the keys made here
    uint32_t GetKeyBits() const;

    /**
     * \brief Makes an intermediate CA certified by another CA of this authority.
     * \param commonName its common name
     * \param issuer the issuing CA (ROOT, or an index AddIntermediate returned)
     * \return its index (aborts if \p issuer is not a CA of this authority)
     */
    uint32_t AddIntermediate(const std::string& commonName, uint32_t issuer = ROOT);
    /**
     * \param ca a CA index
     * \return its certificate, DER (aborts if there is no such CA)
     */
    const std::vector<uint8_t>& GetCaCertificate(uint32_t ca) const;

    /**
     * \brief Makes an end entity: a key pair and a certificate issued by one of the CAs.
     * \param commonName the subject's common name
     * \param issuer the issuing CA (ROOT, or an index AddIntermediate returned)
     * \param dnsNames dNSName entries of the subjectAltName (none: no such entries)
     * \param ipAddresses iPAddress entries of the subjectAltName
     * \return the chain and the key pair (aborts if \p issuer is not a CA or OpenSSL fails)
     */
    Issued IssueEndEntity(const std::string& commonName,
                          uint32_t issuer = ROOT,
                          const std::vector<std::string>& dnsNames = {},
                          const std::vector<Ipv6Address>& ipAddresses = {});

    /**
     * \brief Makes an RSA key pair with OpenSSL's key generation, its random input drawn from
     * a SHA-256 counter-mode stream (CryptoRandStream) keyed by the label, the modulus size and the
     * simulation's seed and run (RngSeedManager): the same inputs give the same key, other labels
     * or another run a different one. No ns-3 random stream is consumed, so making certificates
     * does not shift any other draw.
     * \param bits the modulus size
     * \param label what the key is for (a CA's keys use its key label, its root name and the
     *        subject's name)
     * \return the key pair (aborts if OpenSSL fails)
     */
    static KeyPair MakeRsaKey(uint32_t bits, const std::string& label);
    /**
     * \brief Makes one certificate from its parts, for tests that need odd ones (a rogue root
     * with a known name, an end entity that issues).
     * \param subjectCn the subject's common name
     * \param subjectKey the subject's key pair (its public key is certified)
     * \param issuerCn the issuer's common name (the subject's for a self-signed certificate)
     * \param issuerKey the issuer's key pair (its private key signs)
     * \param isCa true for a CA certificate
     * \param serial the serial number
     * \param dnsNames dNSName entries of the subjectAltName
     * \param ipAddresses iPAddress entries of the subjectAltName
     * \return the certificate, DER (aborts if OpenSSL fails)
     */
    static std::vector<uint8_t> MakeCertificate(const std::string& subjectCn,
                                                const KeyPair& subjectKey,
                                                const std::string& issuerCn,
                                                const KeyPair& issuerKey,
                                                bool isCa,
                                                uint32_t serial,
                                                const std::vector<std::string>& dnsNames = {},
                                                const std::vector<Ipv6Address>& ipAddresses = {});

    /**
     * \brief PEM of a certificate (RFC 7468 §5, label CERTIFICATE), the file format of
     * strongSwan's swanctl/x509 and x509ca directories and of OpenSSL's tools.
     * \param certificateDer the certificate, DER
     * \return the PEM text, or an empty string if \p certificateDer is not a certificate
     */
    static std::string ToPem(const std::vector<uint8_t>& certificateDer);
    /**
     * \brief PEM of an RSA private key in PKCS#1 (RFC 8017 Appendix A.1.2; label RSA PRIVATE
     * KEY), the format of swanctl's rsa directory.
     * \param privateKeyDer the private key, DER (PKCS#1 RSAPrivateKey, as KeyPair holds it, or
     *        PKCS#8)
     * \return the PEM text, or an empty string if \p privateKeyDer is not an RSA private key
     */
    static std::string RsaPrivateKeyToPem(const std::vector<uint8_t>& privateKeyDer);

  private:
    /// \param subject a subject's common name \return the label of its key (MakeRsaKey)
    std::string KeyLabel(const std::string& subject) const;

    /// One CA of this authority.
    struct Ca
    {
        std::string name; ///< its common name
        KeyPair key;      ///< its key pair
        /// its certificate, then its issuers' below the root (the root's chain is its own)
        std::vector<std::vector<uint8_t>> chain;
    };

    /**
     * \param ca a CA index
     * \return the CA (aborts if there is none)
     */
    const Ca& GetCa(uint32_t ca) const;

    uint32_t m_keyBits;     ///< modulus size of every key made here
    std::string m_keyLabel; ///< in the label of every key made here
    std::vector<Ca> m_cas;  ///< the CAs, the root first
    uint32_t m_serial{1};   ///< the next serial number
};

} // namespace ns3

#endif // CRYPTO_CERTIFICATE_AUTHORITY_H
