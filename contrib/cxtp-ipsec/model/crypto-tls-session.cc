/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-tls-session.h"

#include "crypto-diffie-hellman.h"
#include "crypto-openssl-internal.h"
#include "crypto-rand-stream.h"
#include "crypto-random.h"
#include "crypto-work-meter.h"
#include "crypto-x509.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <iomanip>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <sstream>
#include <utility>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CryptoTlsSession");

namespace
{

/// An owned SSL_CTX.
using SslCtxPtr = std::unique_ptr<SSL_CTX, CryptoOpensslDeleter<SSL_CTX, &SSL_CTX_free>>;
/// An owned SSL (and the BIOs set on it).
using SslPtr = std::unique_ptr<SSL, CryptoOpensslDeleter<SSL, &SSL_free>>;

/// Octets of the key of a session's random stream, drawn from the node's CryptoRandom.
constexpr uint32_t STREAM_KEY_LENGTH = 32;

/// The one cipher suite offered and accepted (RFC 5289 §3.2), in OpenSSL's naming.
constexpr const char* CIPHER_SUITE = "ECDHE-RSA-AES128-GCM-SHA256";
/// The one ECDHE group (secp256r1, RFC 8422 §5.1.1).
constexpr const char* GROUPS = "P-256";
/// The one signature algorithm (rsa_pkcs1_sha256, RFC 5246 §7.4.1.4.1).
constexpr const char* SIGNATURE_ALGORITHMS = "RSA+SHA256";

/**
 * \param bytes octets
 * \return them as lower-case hexadecimal
 */
std::string
ToHex(const uint8_t* bytes, size_t length)
{
    std::ostringstream out;
    out << std::hex << std::setfill('0');
    for (size_t i = 0; i < length; ++i)
    {
        out << std::setw(2) << static_cast<unsigned>(bytes[i]);
    }
    return out.str();
}

/**
 * \param serial a serial number, big-endian octets
 * \return the same without leading zero octets
 */
std::vector<uint8_t>
StripLeadingZeros(const std::vector<uint8_t>& serial)
{
    size_t first = 0;
    while (first < serial.size() && serial[first] == 0)
    {
        ++first;
    }
    return std::vector<uint8_t>(serial.begin() + first, serial.end());
}

/**
 * \return the reason of the latest error in OpenSSL's queue (libssl's own, after those of the
 *         primitives it called), or a placeholder; the queue is left as it is
 */
std::string
OpensslReason()
{
    const unsigned long error = ERR_peek_last_error();
    if (error == 0)
    {
        return "no reason given by OpenSSL";
    }
    const char* reason = ERR_reason_error_string(error);
    if (reason != nullptr)
    {
        return reason;
    }
    char text[256];
    ERR_error_string_n(error, text, sizeof(text));
    return text;
}

/**
 * \param nid an OpenSSL group NID (SSL_get_negotiated_group)
 * \param [out] group the module's group
 * \return false for a group the module does not know
 */
bool
ToDhGroup(int nid, CryptoDhGroup& group)
{
    switch (nid)
    {
    case NID_X9_62_prime256v1:
        group = CryptoDhGroup::ECP_256;
        return true;
    case NID_X25519:
        group = CryptoDhGroup::CURVE25519;
        return true;
    default:
        return false;
    }
}

} // namespace

/**
 * OpenSSL's objects, the session's random stream, and what the callbacks collect during a Step.
 */
struct CryptoTlsSession::Impl
{
    /// \param stream the session's random stream
    explicit Impl(CryptoRandStream stream)
        : rand(std::move(stream))
    {
    }

    Role role{Role::CLIENT};   ///< our end
    CryptoRandStream rand;     ///< OpenSSL's random source while it runs
    SslCtxPtr ctx;             ///< the context (settings, our credentials)
    SslPtr ssl;                ///< the connection
    BIO* in{nullptr};          ///< records received (owned by ssl)
    BIO* out{nullptr};         ///< records to send (owned by ssl)
    uint32_t ourBits{0};       ///< our RSA modulus size
    std::string setupError;    ///< why the session is unusable
    int64_t atTime{0};         ///< the time of certificate checks in this Step
    std::string verifyFailure; ///< why the peer's certificate was refused in this Step
    /// Handshake messages of this Step: (sent by us, HandshakeType).
    std::vector<std::pair<bool, uint8_t>> messages;
    bool complete{false};                             ///< COMPLETE returned
    std::string failure;                              ///< the reason FAILED was returned with
    std::vector<std::vector<uint8_t>> trustAnchors;   ///< for the peer's chain
    std::vector<std::vector<uint8_t>> revokedSerials; ///< without leading zeros

    /// \return "client certificate" (we are the server) or "server certificate"
    std::string PeerCertificateName() const
    {
        return role == Role::SERVER ? "client certificate" : "server certificate";
    }

    /**
     * \brief Sets up OpenSSL; fills setupError on failure.
     * \param config our end and credentials
     */
    void Setup(const Config& config);

    /**
     * \brief SSL_CTX_set_cert_verify_callback: the peer's chain, as received, checked with
     * CryptoX509::VerifyChain at atTime against our trust anchors (which records the
     * certificate checks), then the revocation list on the end entity.
     * \param store the store context libssl prepared (end entity, untrusted chain)
     * \param arg the Impl
     * \return 1 if the certificate is accepted
     */
    static int VerifyPeer(X509_STORE_CTX* store, void* arg);

    /**
     * \brief SSL_CTX_set_msg_callback: notes each handshake message sent or received.
     * \param writeP 1 for a message sent
     * \param version the protocol version
     * \param contentType the record's content type (or a pseudo type)
     * \param buf the message
     * \param len its length
     * \param ssl the connection
     * \param arg the Impl
     */
    static void OnMessage(int writeP,
                          int version,
                          int contentType,
                          const void* buf,
                          size_t len,
                          SSL* ssl,
                          void* arg);

    /// Records the public-key work of the handshake messages of this Step on the active
    /// CryptoWorkMeter.
    void RecordWork() const;

    /// \return the modulus size of the peer's certificate key, or 0 if there is none yet
    uint32_t PeerBits() const;
};

void
CryptoTlsSession::Impl::Setup(const Config& config)
{
    role = config.role;
    trustAnchors = config.trustAnchors;
    for (const auto& serial : config.revokedSerials)
    {
        revokedSerials.push_back(StripLeadingZeros(serial));
    }
    auto fail = [this](const std::string& what) {
        setupError = what + ": " + OpensslReason();
        ERR_clear_error();
    };
    if (config.chain.empty())
    {
        setupError = "no certificate of ours";
        return;
    }
    if (trustAnchors.empty())
    {
        setupError = "no trust anchor for the " + PeerCertificateName();
        return;
    }
    ctx.reset(SSL_CTX_new_ex(nullptr,
                             nullptr,
                             role == Role::CLIENT ? TLS_client_method() : TLS_server_method()));
    if (!ctx)
    {
        return fail("SSL_CTX_new failed");
    }
    SSL_CTX_set_security_level(ctx.get(), 1);
    if (SSL_CTX_set_min_proto_version(ctx.get(), TLS1_2_VERSION) != 1 ||
        SSL_CTX_set_max_proto_version(ctx.get(), TLS1_2_VERSION) != 1 ||
        SSL_CTX_set_cipher_list(ctx.get(), CIPHER_SUITE) != 1 ||
        SSL_CTX_set1_groups_list(ctx.get(), GROUPS) != 1 ||
        SSL_CTX_set1_sigalgs_list(ctx.get(), SIGNATURE_ALGORITHMS) != 1)
    {
        return fail("TLS settings refused");
    }
    SSL_CTX_set_options(ctx.get(), SSL_OP_NO_TICKET | SSL_OP_NO_RENEGOTIATION);
    if (role == Role::CLIENT)
    {
        // OpenSSL 3 refuses by default a server that does not show RFC 5746 support (no
        // renegotiation_info in its ServerHello): strongSwan's libtls, charon's EAP-TLS server,
        // is one. We never renegotiate (above), the case RFC 5746 protects, so such a server is
        // accepted, as OpenSSL 1.1 did.
        SSL_CTX_set_options(ctx.get(), SSL_OP_LEGACY_SERVER_CONNECT);
    }
    SSL_CTX_set_session_cache_mode(ctx.get(), SSL_SESS_CACHE_OFF);
    SSL_CTX_set_mode(ctx.get(), SSL_MODE_NO_AUTO_CHAIN);

    CryptoX509Ptr leaf = CryptoParseX509(config.chain.front());
    if (!leaf || SSL_CTX_use_certificate(ctx.get(), leaf.get()) != 1)
    {
        return fail("our certificate does not parse or is refused");
    }
    for (size_t i = 1; i < config.chain.size(); ++i)
    {
        CryptoX509Ptr ca = CryptoParseX509(config.chain[i]);
        if (!ca || SSL_CTX_add1_chain_cert(ctx.get(), ca.get()) != 1)
        {
            return fail("a certificate of our chain does not parse");
        }
    }
    const unsigned char* p = config.privateKey.data();
    CryptoPkeyPtr key(d2i_AutoPrivateKey(nullptr, &p, static_cast<long>(config.privateKey.size())));
    if (!key || SSL_CTX_use_PrivateKey(ctx.get(), key.get()) != 1 ||
        SSL_CTX_check_private_key(ctx.get()) != 1)
    {
        return fail("our private key does not parse or does not match our certificate");
    }
    if (EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA)
    {
        setupError = "our key is not an RSA key";
        return;
    }
    ourBits = static_cast<uint32_t>(EVP_PKEY_get_bits(key.get()));
    if (role == Role::SERVER)
    {
        // The CertificateRequest names the CAs we accept (RFC 5246 §7.4.4).
        for (const auto& der : trustAnchors)
        {
            CryptoX509Ptr anchor = CryptoParseX509(der);
            if (!anchor || SSL_CTX_add_client_CA(ctx.get(), anchor.get()) != 1)
            {
                return fail("a trust anchor does not parse");
            }
        }
    }
    SSL_CTX_set_cert_verify_callback(ctx.get(), &Impl::VerifyPeer, this);
    SSL_CTX_set_verify(ctx.get(),
                       role == Role::SERVER ? SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT
                                            : SSL_VERIFY_PEER,
                       nullptr);
    SSL_CTX_set_msg_callback(ctx.get(), &Impl::OnMessage);
    SSL_CTX_set_msg_callback_arg(ctx.get(), this);

    ssl.reset(SSL_new(ctx.get()));
    in = BIO_new(BIO_s_mem());
    out = BIO_new(BIO_s_mem());
    if (!ssl || !in || !out)
    {
        BIO_free(in);
        BIO_free(out);
        in = out = nullptr;
        return fail("SSL_new failed");
    }
    BIO_set_mem_eof_return(in, -1); // empty: "retry", not end of file
    SSL_set_bio(ssl.get(), in, out);
    if (role == Role::CLIENT)
    {
        SSL_set_connect_state(ssl.get());
    }
    else
    {
        SSL_set_accept_state(ssl.get());
    }
}

int
CryptoTlsSession::Impl::VerifyPeer(X509_STORE_CTX* store, void* arg)
{
    auto* self = static_cast<Impl*>(arg);
    X509* leaf = X509_STORE_CTX_get0_cert(store);
    std::vector<uint8_t> leafDer;
    if (!CryptoToDer<X509>(leaf, &i2d_X509, leafDer))
    {
        self->verifyFailure = self->PeerCertificateName() + " missing or unreadable";
        X509_STORE_CTX_set_error(store, X509_V_ERR_UNSPECIFIED);
        return 0;
    }
    // libssl passes the chain as received, the end entity first.
    std::vector<std::vector<uint8_t>> intermediates;
    STACK_OF(X509)* received = X509_STORE_CTX_get0_untrusted(store);
    for (int i = 0; received != nullptr && i < sk_X509_num(received); ++i)
    {
        std::vector<uint8_t> der;
        if (CryptoToDer<X509>(sk_X509_value(received, i), &i2d_X509, der) && der != leafDer)
        {
            intermediates.push_back(std::move(der));
        }
    }
    std::string error;
    if (!CryptoX509::VerifyChain(leafDer, intermediates, self->trustAnchors, self->atTime, error))
    {
        self->verifyFailure = self->PeerCertificateName() + " not trusted: " + error;
        X509_STORE_CTX_set_error(store, X509_V_ERR_CERT_UNTRUSTED);
        return 0;
    }
    std::vector<uint8_t> serial;
    BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(leaf), nullptr);
    if (bn != nullptr)
    {
        serial.resize(BN_num_bytes(bn));
        BN_bn2bin(bn, serial.data());
        BN_free(bn);
    }
    for (const auto& revoked : self->revokedSerials)
    {
        if (revoked == serial)
        {
            self->verifyFailure = self->PeerCertificateName() + " revoked (serial " +
                                  (serial.empty() ? "0" : ToHex(serial.data(), serial.size())) +
                                  ")";
            X509_STORE_CTX_set_error(store, X509_V_ERR_CERT_REVOKED);
            return 0;
        }
    }
    X509_STORE_CTX_set_error(store, X509_V_OK);
    return 1;
}

void
CryptoTlsSession::Impl::OnMessage(int writeP,
                                  int /* version */,
                                  int contentType,
                                  const void* buf,
                                  size_t len,
                                  SSL* /* ssl */,
                                  void* arg)
{
    if (contentType == SSL3_RT_HANDSHAKE && len > 0)
    {
        static_cast<Impl*>(arg)->messages.emplace_back(writeP != 0,
                                                       static_cast<const uint8_t*>(buf)[0]);
    }
}

uint32_t
CryptoTlsSession::Impl::PeerBits() const
{
    const X509* peer = SSL_get0_peer_certificate(ssl.get());
    const EVP_PKEY* key = peer == nullptr ? nullptr : X509_get0_pubkey(peer);
    const int bits = key == nullptr ? 0 : EVP_PKEY_get_bits(key);
    return bits > 0 ? static_cast<uint32_t>(bits) : 0;
}

void
CryptoTlsSession::Impl::RecordWork() const
{
    using Kind = CryptoOperation::Kind;
    // Asked only after a key exchange message: libssl has no group to tell before.
    auto dh = [this](Kind kind) {
        const int nid = SSL_get_negotiated_group(ssl.get());
        CryptoDhGroup group = CryptoDhGroup::ECP_256;
        if (ToDhGroup(nid, group))
        {
            CryptoWorkMeter::Record({kind, static_cast<uint32_t>(group), 0});
        }
        else
        {
            NS_LOG_WARN("ECDHE group " << nid << " not priced: not recorded");
        }
    };
    auto rsa = [](Kind kind, uint32_t bits) {
        if (bits != 0)
        {
            CryptoWorkMeter::Record({kind, bits, 0});
        }
    };
    for (const auto& [sent, type] : messages)
    {
        switch (type)
        {
        case SSL3_MT_SERVER_KEY_EXCHANGE:
            // The server makes its ECDHE key and signs it (RFC 8422 §5.4); the client checks
            // the signature.
            if (sent)
            {
                dh(Kind::DH_KEYGEN);
                rsa(Kind::RSA_SIGN, ourBits);
            }
            else
            {
                rsa(Kind::RSA_VERIFY, PeerBits());
            }
            break;
        case SSL3_MT_CLIENT_KEY_EXCHANGE:
            // The client makes its ECDHE key and the premaster secret (RFC 8422 §5.7); the
            // server the premaster secret.
            if (sent)
            {
                dh(Kind::DH_KEYGEN);
            }
            dh(Kind::DH_SHARED);
            break;
        case SSL3_MT_CERTIFICATE_VERIFY:
            rsa(sent ? Kind::RSA_SIGN : Kind::RSA_VERIFY, sent ? ourBits : PeerBits());
            break;
        default:
            break;
        }
    }
}

CryptoTlsSession::CryptoTlsSession(const Config& config, Ptr<CryptoRandom> rng)
    : m_impl(std::make_unique<Impl>(CryptoRandStream(rng->GetBytes(STREAM_KEY_LENGTH))))
{
    NS_LOG_FUNCTION(this << static_cast<int>(config.role));
    CryptoRandStream::Scope scope(m_impl->rand);
    ERR_clear_error();
    m_impl->Setup(config);
    if (!m_impl->setupError.empty())
    {
        NS_LOG_LOGIC("TLS session unusable: " << m_impl->setupError);
    }
}

CryptoTlsSession::~CryptoTlsSession() = default;

const std::string&
CryptoTlsSession::GetSetupError() const
{
    return m_impl->setupError;
}

CryptoTlsSession::Status
CryptoTlsSession::Step(const std::vector<uint8_t>& received,
                       int64_t atTime,
                       std::vector<uint8_t>& toSend,
                       std::string& reason)
{
    NS_LOG_FUNCTION(this << received.size() << atTime);
    Impl& s = *m_impl;
    toSend.clear();
    reason.clear();
    if (!s.setupError.empty())
    {
        reason = "TLS session unusable: " + s.setupError;
        return Status::FAILED;
    }
    if (s.complete || !s.failure.empty())
    {
        reason = s.complete ? "TLS handshake already complete"
                            : "TLS handshake already failed: " + s.failure;
        return Status::FAILED;
    }
    s.atTime = atTime;
    s.messages.clear();
    s.verifyFailure.clear();
    int result = 0;
    int error = SSL_ERROR_NONE;
    {
        CryptoRandStream::Scope scope(s.rand);
        ERR_clear_error();
        if (!received.empty() &&
            BIO_write(s.in, received.data(), static_cast<int>(received.size())) !=
                static_cast<int>(received.size()))
        {
            s.failure = reason = "TLS input buffer refused the records";
            ERR_clear_error();
            return Status::FAILED;
        }
        result = SSL_do_handshake(s.ssl.get());
        error = SSL_get_error(s.ssl.get(), result);
    }
    const size_t pending = BIO_ctrl_pending(s.out);
    toSend.resize(pending);
    if (pending > 0 &&
        BIO_read(s.out, toSend.data(), static_cast<int>(pending)) != static_cast<int>(pending))
    {
        toSend.clear();
    }
    s.RecordWork();
    if (result == 1)
    {
        s.complete = true;
        ERR_clear_error();
        NS_LOG_LOGIC("TLS handshake complete: " << GetDescription());
        return Status::COMPLETE;
    }
    if (error == SSL_ERROR_WANT_READ)
    {
        ERR_clear_error();
        return Status::CONTINUE;
    }
    reason =
        !s.verifyFailure.empty() ? s.verifyFailure : "TLS handshake failed: " + OpensslReason();
    s.failure = reason;
    ERR_clear_error();
    NS_LOG_LOGIC("TLS handshake failed: " << reason);
    return Status::FAILED;
}

bool
CryptoTlsSession::IsComplete() const
{
    return m_impl->complete;
}

bool
CryptoTlsSession::HasPendingInput() const
{
    return m_impl->ssl &&
           (SSL_has_pending(m_impl->ssl.get()) == 1 || BIO_ctrl_pending(m_impl->in) > 0);
}

std::vector<uint8_t>
CryptoTlsSession::ExportKeyingMaterial(const std::string& label, size_t length) const
{
    std::vector<uint8_t> out(length);
    if (!m_impl->complete || SSL_export_keying_material(m_impl->ssl.get(),
                                                        out.data(),
                                                        out.size(),
                                                        label.data(),
                                                        label.size(),
                                                        nullptr,
                                                        0,
                                                        0) != 1)
    {
        ERR_clear_error();
        return {};
    }
    return out;
}

std::string
CryptoTlsSession::GetKeyLogLine() const
{
    const SSL_SESSION* session = m_impl->ssl ? SSL_get_session(m_impl->ssl.get()) : nullptr;
    uint8_t master[SSL_MAX_MASTER_KEY_LENGTH];
    const size_t masterLength =
        session == nullptr ? 0 : SSL_SESSION_get_master_key(session, master, sizeof(master));
    uint8_t clientRandom[SSL3_RANDOM_SIZE];
    if (masterLength == 0 ||
        SSL_get_client_random(m_impl->ssl.get(), clientRandom, sizeof(clientRandom)) !=
            sizeof(clientRandom))
    {
        return "";
    }
    return "CLIENT_RANDOM " + ToHex(clientRandom, sizeof(clientRandom)) + " " +
           ToHex(master, masterLength);
}

std::string
CryptoTlsSession::GetDescription() const
{
    const SSL* ssl = m_impl->ssl.get();
    if (ssl == nullptr || SSL_get_current_cipher(ssl) == nullptr)
    {
        return "";
    }
    return std::string(SSL_get_version(ssl)) + " " + SSL_get_cipher_name(ssl);
}

uint64_t
CryptoTlsSession::GetRandomBytesDrawn() const
{
    return m_impl->rand.GetBytesDrawn();
}

} // namespace ns3
