/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_TLS_SESSION_H
#define CRYPTO_TLS_SESSION_H

#include "ns3/ptr.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{

class CryptoRandom;

/**
 * \ingroup cxtp-ipsec
 * \brief One side of a TLS 1.2 handshake (RFC 5246) run by OpenSSL's libssl through a pair of
 * memory BIOs: the records received are written into one, the records to send are read from the
 * other, so that the caller (EAP-TLS, RFC 5216) carries them in its own packets. No socket, no
 * application data: the session ends with the handshake, its use is the keying material
 * (RFC 5705 exporter).
 *
 * What is negotiated is fixed, whatever OpenSSL's configuration file says: TLS 1.2 only, the
 * cipher suite TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (RFC 5289 §3.2), ECDHE on secp256r1 (NIST
 * P-256, RFC 8422 §5.1.1), RSASSA-PKCS1-v1_5 with SHA-256 signatures (RFC 5246 §7.4.1.4.1),
 * OpenSSL's security level 1 (so that the RSA-1024 keys the cost profiles price are accepted),
 * no session cache, no session tickets, no renegotiation. As no renegotiation ever happens, the
 * client accepts a server that does not signal RFC 5746 secure renegotiation (OpenSSL's
 * SSL_OP_LEGACY_SERVER_CONNECT, which OpenSSL 3 no longer sets by default; strongSwan's libtls,
 * charon's EAP-TLS server, sends no renegotiation_info). OpenSSL's defaults stay in force for
 * the rest: the extended master secret (RFC 7627) is negotiated when both ends offer it, as both
 * ends here do.
 *
 * Both ends authenticate with certificates: each sends its chain (end entity first, as
 * configured; the root is not sent) and verifies the other's against its trust anchors with
 * CryptoX509::VerifyChain at the time the caller gives (a simulation has no wall clock of its
 * own). The server requires a client certificate (CertificateRequest naming its trust anchors)
 * and refuses one whose serial number is in its revocation list.
 *
 * Determinism: every random byte OpenSSL draws while the session is made and stepped (hello
 * randoms, ECDHE private keys, RSA blinding, the explicit part of the AES-GCM nonces) comes
 * from a CryptoRandStream keyed with 32 octets drawn from the node's CryptoRandom when the
 * session is made, so the same seed and run give the same records byte for byte.
 *
 * Cost: the public-key work of each Step is recorded on the active CryptoWorkMeter, as the
 * module's primitives record theirs: CERTIFICATE per certificate of the peer's path checked
 * (by CryptoX509::VerifyChain), DH_KEYGEN and DH_SHARED of the ECDHE group (ECP_256), RSA_SIGN
 * with our modulus size for the ServerKeyExchange (server) or CertificateVerify (client) we
 * send, RSA_VERIFY with the peer's modulus size for the one we receive. The symmetric work
 * (PRF, record protection of the Finished messages) is not recorded.
 *
 * OpenSSL's types stay in the .cc file (pimpl).
 */
class CryptoTlsSession
{
  public:
    /// Which end of the handshake.
    enum class Role : uint8_t
    {
        CLIENT, ///< sends the ClientHello
        SERVER, ///< answers it
    };

    /// What a session needs.
    struct Config
    {
        Role role{Role::CLIENT}; ///< our end
        /// Our certificate chain, DER, end entity first (the trust anchor is not sent).
        std::vector<std::vector<uint8_t>> chain;
        /// Our private key, DER (PKCS#1 or PKCS#8), matching the first certificate.
        std::vector<uint8_t> privateKey;
        /// The CA certificates, DER, the peer's end-entity certificate must chain to.
        std::vector<std::vector<uint8_t>> trustAnchors;
        /// Serial numbers (big-endian octets, leading zeros ignored) of peer end-entity
        /// certificates refused as revoked.
        std::vector<std::vector<uint8_t>> revokedSerials;
    };

    /// Where the handshake stands after a Step.
    enum class Status : uint8_t
    {
        CONTINUE, ///< more records from the peer are needed
        COMPLETE, ///< the handshake is complete (both Finished messages checked)
        FAILED,   ///< the handshake failed, with a reason
    };

    /**
     * \brief Makes the session: draws the 32-octet key of its random stream from \p rng, then
     * sets up OpenSSL. A configuration that OpenSSL refuses (a key that does not parse or does
     * not match the certificate, a certificate that does not parse) does not abort: the first
     * Step fails with the reason (GetSetupError()).
     * \param config our end, our credentials, the trust anchors
     * \param rng the node's random source
     */
    CryptoTlsSession(const Config& config, Ptr<CryptoRandom> rng);
    ~CryptoTlsSession();
    CryptoTlsSession(const CryptoTlsSession&) = delete;            ///< one OpenSSL session
    CryptoTlsSession& operator=(const CryptoTlsSession&) = delete; ///< one OpenSSL session

    /// \return why the session could not be set up, or empty if it is usable
    const std::string& GetSetupError() const;

    /**
     * \brief Feeds the records received and advances the handshake as far as they allow.
     * \param received TLS records from the peer (empty for the client's first step, which
     *        writes the ClientHello)
     * \param atTime the time certificates are checked at, seconds since 1970-01-01 UTC
     * \param [out] toSend the records to send (may be empty; on FAILED, a TLS alert if OpenSSL
     *        wrote one)
     * \param [out] reason why the handshake failed (FAILED): "client certificate revoked
     *        (serial ...)", "server certificate not trusted: <OpenSSL's reason>", "TLS handshake
     *        failed: <OpenSSL's reason>", ...
     * \return CONTINUE, COMPLETE or FAILED; after FAILED or COMPLETE every further Step fails
     */
    Status Step(const std::vector<uint8_t>& received,
                int64_t atTime,
                std::vector<uint8_t>& toSend,
                std::string& reason);
    /// \return true once a Step returned COMPLETE
    bool IsComplete() const;
    /**
     * \brief Whether records received in the last Step were left unprocessed: a partial record,
     * or records after the last handshake message OpenSSL needed.
     * \return true if received octets are pending
     */
    bool HasPendingInput() const;

    /**
     * \brief The TLS exporter (RFC 5705 §4): PRF(master_secret, label, client_random ||
     * server_random), no context, the output truncated to \p length; with TLS 1.2 the PRF is
     * P_SHA256 (RFC 5246 §5).
     * \param label the label ("client EAP encryption" for EAP-TLS, RFC 5216 §2.3)
     * \param length octets wanted
     * \return the octets, or empty before COMPLETE
     */
    std::vector<uint8_t> ExportKeyingMaterial(const std::string& label, size_t length) const;
    /**
     * \return the NSS key log line of the session (for Wireshark's "(Pre)-Master-Secret log
     *         filename"): "CLIENT_RANDOM <client random, 64 hex digits> <master secret, 96 hex
     *         digits>", or empty before the master secret exists
     */
    std::string GetKeyLogLine() const;
    /// \return the negotiated protocol and cipher suite ("TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256"),
    ///         or empty before the handshake has chosen them
    std::string GetDescription() const;
    /// \return how many random octets OpenSSL drew from the session's stream so far
    uint64_t GetRandomBytesDrawn() const;

  private:
    struct Impl;                  ///< OpenSSL's objects and the handshake state
    std::unique_ptr<Impl> m_impl; ///< the session
};

} // namespace ns3

#endif // CRYPTO_TLS_SESSION_H
