/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_CREDENTIALS_H
#define IKEV2_CREDENTIALS_H

#include "eap-credentials.h"
#include "ikev2-constants.h"

#include "ns3/ptr.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

struct IpsecPadEntry;
class IpsecCredentialStore;

/**
 * \ingroup cxtp-ipsec
 * \brief What one end of an IKE_AUTH exchange authenticates with and checks the peer against
 * (RFC 7296 §2.15): the daemon fills it from the PAD entry of the peer (RFC 4301 §4.4.3) and
 * the node's own credentials, and the exchange uses nothing else.
 *
 * Our side: \c method says which AUTH we send; SHARED_KEY_MIC uses \c psk, the signature
 * methods RSA_DIGITAL_SIGNATURE (1, RFC 7296 §3.8) and DIGITAL_SIGNATURE (14, RFC 7427 with
 * sha256WithRSAEncryption) use \c privateKey and send \c certificateChain as CERT payloads.
 *
 * The peer's side: a shared-key AUTH is accepted only if \c psk is set, a signature AUTH only
 * if \c trustAnchors are, so either end may use another method than the other (§2.15).
 */
struct Ikev2Credentials
{
    /// 2030-01-01T00:00:00Z, the default wall-clock time at simulation time zero.
    static constexpr int64_t DEFAULT_CLOCK_AT_START = 1893456000;

    /// How we authenticate ourselves (the AUTH method we send).
    Ikev2AuthMethod method{Ikev2AuthMethod::SHARED_KEY_MIC};
    /// The key shared with the peer (SHARED_KEY_MIC, either direction).
    std::vector<uint8_t> psk;

    /// Our certificates, DER, each sent in its own CERT payload of encoding 4 (RFC 7296 §3.6):
    /// the end entity's first (its key verifies our AUTH), then the intermediate CAs towards
    /// the root, as charon sends them; the root itself is the peer's trust anchor, not sent.
    std::vector<std::vector<uint8_t>> certificateChain;
    /// Our RSA private key, DER (PKCS#8 or PKCS#1), matching the first certificate.
    std::vector<uint8_t> privateKey;
    /// The CA certificates, DER, the peer's certificate must chain to (RFC 5280 §6.1.1 (d);
    /// RFC 4301 §4.4.3.2); also what our CERTREQ names (RFC 7296 §3.7).
    std::vector<std::vector<uint8_t>> trustAnchors;
    /// Whether to send a CERTREQ with the SHA-1 hashes of our trust anchors' public keys in
    /// the IKE_AUTH request, as charon does by default (RFC 7296 §3.7).
    bool sendCertReq{true};
    /// Initiator: we authenticate with EAP (RFC 7296 §2.16): the first IKE_AUTH request has no
    /// AUTH, our ID is eap.identity (ID_RFC822_ADDR), and the final AUTH is keyed by the MSK.
    bool useEap{false};
    /// Our EAP subscription, with useEap.
    EapCredentials eap;
    /// Responder: the peer authenticates with EAP through our Ikev2EapBackend; we prove
    /// ourselves by method (a certificate, as §2.16 requires, or the PSK).
    bool peerUsesEap{false};
    /**
     * EAP-only authentication (RFC 5998), from Ikev2Daemon's EapOnlyAuthentication. Initiator
     * with useEap: ask for it (N(EAP_ONLY_AUTHENTICATION) in the first IKE_AUTH request) and
     * accept a first response without AUTH, provided the EAP method then run is one of §4's
     * (mutual authentication and an MSK: EAP-TLS, EAP-AKA). Responder with peerUsesEap: grant
     * it when asked, leaving CERT and AUTH out of the first response; the MSK-keyed AUTH at the
     * end is then the only proof of who we are.
     */
    bool eapOnly{false};
    /**
     * The ID type we send with a signature method (RFC 7296 §3.5): ID_DER_ASN1_DN takes the
     * subject of our certificate, as charon does by default; any other type sends the SA's
     * localId as the daemon set it, which the peer checks against our subjectAltNames
     * (ID_FQDN, ID_IPV6_ADDR, ID_IPV4_ADDR, ID_RFC822_ADDR; RFC 4945 §3.1).
     */
    Ikev2IdType idType{Ikev2IdType::ID_DER_ASN1_DN};
    /// Seconds since 1970-01-01 UTC at simulation time zero: the peer's certificates are
    /// validated at this plus Simulator::Now() (RFC 5280 §6.1.1 (b)); a simulation has no
    /// wall clock of its own.
    int64_t clockAtStart{DEFAULT_CLOCK_AT_START};

    /**
     * \param key the shared key
     * \return credentials that authenticate both ends with it
     */
    static Ikev2Credentials FromPsk(std::vector<uint8_t> key);
    /**
     * \param chain our certificates, DER, end entity first (see certificateChain)
     * \param privateKey our private key, DER
     * \param trustAnchors the CA certificates the peer's must chain to
     * \param method RSA_DIGITAL_SIGNATURE (1) or DIGITAL_SIGNATURE (14, the default, as a
     *        modern charon signs)
     * \return credentials that authenticate both ends with certificates
     */
    static Ikev2Credentials FromCertificate(
        std::vector<std::vector<uint8_t>> chain,
        std::vector<uint8_t> privateKey,
        std::vector<std::vector<uint8_t>> trustAnchors,
        Ikev2AuthMethod method = Ikev2AuthMethod::DIGITAL_SIGNATURE);
    /**
     * \brief The credentials for a peer: its PAD entry says how it authenticates (RFC 4301
     * §4.4.3.2) and we answer in kind, with the PSK of the entry, or with the node's
     * certificate and key from its store and the entry's trust anchors.
     * \param entry the peer's PAD entry
     * \param store the node's credential store (may be null for a PRE_SHARED_KEY entry)
     * \return the credentials (check them with Validate())
     */
    static Ikev2Credentials FromPadEntry(const IpsecPadEntry& entry,
                                         Ptr<const IpsecCredentialStore> store);

    /// \return true for RSA_DIGITAL_SIGNATURE and DIGITAL_SIGNATURE, the methods that sign
    bool IsSignatureMethod() const;
    /**
     * \brief Checks what IKE_AUTH needs from our side: a PSK for SHARED_KEY_MIC; for a
     * signature method a chain whose certificates all parse, a private key, and trust anchors
     * that parse.
     * \return an empty string if usable, else one line that says what is wrong
     */
    std::string Validate() const;
};

} // namespace ns3

#endif // IKEV2_CREDENTIALS_H
