/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_X509_H
#define CRYPTO_X509_H

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief X.509 certificates (RFC 5280) as DER byte strings: the public key and subject of a
 * certificate, and path validation against trust anchors with OpenSSL's X509_STORE.
 *
 * This is the DER form an IKEv2 CERT payload of encoding 4, "X.509 Certificate - Signature",
 * carries (RFC 7296 §3.6).
 */
class CryptoX509
{
  public:
    /// Kinds of subjectAltName entries (RFC 5280 §4.2.1.6) an IKE identity can be checked
    /// against (RFC 7296 §3.5: ID_FQDN, ID_IPV4_ADDR/ID_IPV6_ADDR, ID_RFC822_ADDR).
    enum class AltName : uint8_t
    {
        DNS_NAME,   ///< dNSName, compared without case and without wildcards
        IP_ADDRESS, ///< iPAddress: 4 or 16 octets in network order
        EMAIL,      ///< rfc822Name
    };

    /**
     * \param certificateDer a certificate, DER
     * \param [out] publicKeyDer its SubjectPublicKeyInfo, DER (cleared on failure)
     * \return false if the certificate cannot be parsed
     */
    static bool GetPublicKey(const std::vector<uint8_t>& certificateDer,
                             std::vector<uint8_t>& publicKeyDer);
    /**
     * \param certificateDer a certificate, DER
     * \param [out] subjectDer its subject Name, DER: the data of an ID_DER_ASN1_DN
     *        identification (RFC 7296 §3.5) (cleared on failure)
     * \return false if the certificate cannot be parsed
     */
    static bool GetSubject(const std::vector<uint8_t>& certificateDer,
                           std::vector<uint8_t>& subjectDer);
    /**
     * \brief Whether a certificate's subject is a distinguished name, compared as RFC 5280
     * §7.1 asks (OpenSSL's canonical form: string types, case and spaces folded), not octet by
     * octet: a peer may encode the DN of its ID_DER_ASN1_DN (RFC 7296 §3.5) with other string
     * types than its certificate does.
     * \param certificateDer a certificate, DER
     * \param nameDer a Name, DER
     * \return false if they differ or either does not parse (trailing octets included)
     */
    static bool SubjectMatches(const std::vector<uint8_t>& certificateDer,
                               const std::vector<uint8_t>& nameDer);
    /**
     * \brief Whether a certificate names an identity in its subjectAltName extension
     * (RFC 5280 §4.2.1.6), as RFC 4945 §3.1 asks of an IKE peer's ID that is not its subject DN.
     * The subject's common name is never consulted.
     * \param certificateDer a certificate, DER
     * \param type the kind of name
     * \param value the name: ASCII text for DNS_NAME and EMAIL, the address octets for
     *        IP_ADDRESS
     * \return true if one of the certificate's subjectAltNames of that kind matches
     */
    static bool HasSubjectAltName(const std::vector<uint8_t>& certificateDer,
                                  AltName type,
                                  const std::vector<uint8_t>& value);
    /**
     * \brief Validates a certification path (RFC 5280 §6) from an end-entity certificate to one
     * of the trust anchors, through any of the intermediate certificates.
     *
     * Signatures, validity periods at \p atTime, CA basic constraints and path lengths are
     * checked by OpenSSL's X509_verify_cert. The time is explicit so that a simulation does
     * not depend on the host's clock.
     *
     * Records one CryptoOperation CERTIFICATE (the issuer's modulus size) per certificate whose
     * signature was checked on the active CryptoWorkMeter: on success every certificate below
     * the trust anchor; on failure those from the failing one upward.
     *
     * \param endEntityDer the peer's certificate, DER
     * \param intermediatesDer untrusted CA certificates that may complete the path, DER
     * \param trustAnchorsDer trusted (root) certificates, DER
     * \param atTime the time of validation, seconds since 1970-01-01 UTC
     * \param [out] error why validation failed (empty on success)
     * \return true if a valid path exists
     */
    static bool VerifyChain(const std::vector<uint8_t>& endEntityDer,
                            const std::vector<std::vector<uint8_t>>& intermediatesDer,
                            const std::vector<std::vector<uint8_t>>& trustAnchorsDer,
                            int64_t atTime,
                            std::string& error);
};

} // namespace ns3

#endif // CRYPTO_X509_H
