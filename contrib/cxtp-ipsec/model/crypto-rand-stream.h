/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_RAND_STREAM_H
#define CRYPTO_RAND_STREAM_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief A reproducible stream of random bytes, SHA-256(seed || counter) with counter a 64-bit
 * big-endian block number, that can stand in for OpenSSL's own random source while a Scope
 * lives.
 *
 * OpenSSL draws random bytes inside operations the module cannot feed otherwise: the prime
 * search of RSA key generation (CryptoCertificateAuthority::MakeRsaKey), and in a TLS
 * handshake (CryptoTlsSession) the hello randoms, the ECDHE private keys, RSA blinding and the
 * explicit part of the AES-GCM nonces. Running such an operation within a Scope makes every one
 * of those bytes a function of the stream's seed, so that the same seed gives the same bytes.
 * A stream continues where it stopped from one Scope to the next, so a computation spread over
 * several steps (a handshake, one flight at a time) draws one stream.
 *
 * This is a simulation: the bytes are reproducible, not secret.
 */
class CryptoRandStream
{
  public:
    /**
     * \brief While it lives, OpenSSL's random bytes (RAND_bytes, RAND_priv_bytes and the _ex
     * variants, which key generation, TLS and the ciphers draw from) come from one stream.
     * Scopes do not nest (aborts); the random source in force before is restored by the
     * destructor.
     */
    class Scope
    {
      public:
        /// \param stream the stream to draw from (must outlive the scope)
        explicit Scope(CryptoRandStream& stream);
        ~Scope();
        Scope(const Scope&) = delete;            ///< one activation
        Scope& operator=(const Scope&) = delete; ///< one activation

      private:
        const void* m_previous; ///< the RAND_METHOD in force before (opaque here)
    };

    /// \param seed the stream's key (any length)
    explicit CryptoRandStream(const std::vector<uint8_t>& seed);

    /**
     * \brief Draws the next bytes of the stream.
     * \param out where
     * \param n how many
     */
    void Generate(uint8_t* out, size_t n);
    /// \return how many bytes were drawn so far
    uint64_t GetBytesDrawn() const;

  private:
    /// Computes the next block of the stream.
    void NextBlock();

    std::vector<uint8_t> m_seed;       ///< the stream's key
    uint64_t m_counter{0};             ///< the next block's number
    std::array<uint8_t, 32> m_block{}; ///< the current block
    size_t m_used{32};                 ///< bytes of it given out
    uint64_t m_drawn{0};               ///< bytes drawn in all
};

} // namespace ns3

#endif // CRYPTO_RAND_STREAM_H
