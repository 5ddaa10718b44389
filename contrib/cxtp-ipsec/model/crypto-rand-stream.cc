/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-rand-stream.h"

#include "ns3/abort.h"
#include "ns3/assert.h"
#include "ns3/log.h"

#include <limits>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CryptoRandStream");

// OpenSSL 3.0 has no public, non-deprecated way to give its DRBGs a reproducible seed short
// of writing a provider; the RAND_METHOD interface is deprecated but still honoured by
// RAND_bytes_ex and RAND_priv_bytes_ex, which key generation, libssl and the providers' ciphers
// draw from.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace
{

/// The stream of the scope in force, or null.
CryptoRandStream* g_active = nullptr;

/// RAND_METHOD::bytes. \param out where \param n how many \return 1
int
Bytes(unsigned char* out, int n)
{
    NS_ASSERT_MSG(g_active, "CryptoRandStream: OpenSSL drew from a scope that ended");
    if (n > 0)
    {
        g_active->Generate(out, static_cast<size_t>(n));
    }
    return 1;
}

/// RAND_METHOD::status. \return 1: always seeded
int
Status()
{
    return 1;
}

/// The random source a Scope puts in force.
const RAND_METHOD g_method = {nullptr, &Bytes, nullptr, nullptr, &Bytes, &Status};

} // namespace

CryptoRandStream::Scope::Scope(CryptoRandStream& stream)
    : m_previous(RAND_get_rand_method())
{
    NS_ABORT_MSG_IF(g_active, "CryptoRandStream::Scope: nested use");
    g_active = &stream;
    NS_ABORT_MSG_IF(RAND_set_rand_method(&g_method) != 1,
                    "CryptoRandStream: cannot set OpenSSL's random source");
}

CryptoRandStream::Scope::~Scope()
{
    RAND_set_rand_method(static_cast<const RAND_METHOD*>(m_previous));
    g_active = nullptr;
}

#pragma GCC diagnostic pop

CryptoRandStream::CryptoRandStream(const std::vector<uint8_t>& seed)
    : m_seed(seed)
{
}

void
CryptoRandStream::Generate(uint8_t* out, size_t n)
{
    for (size_t i = 0; i < n; ++i)
    {
        if (m_used == m_block.size())
        {
            NextBlock();
        }
        out[i] = m_block[m_used++];
    }
    m_drawn += n;
}

uint64_t
CryptoRandStream::GetBytesDrawn() const
{
    return m_drawn;
}

void
CryptoRandStream::NextBlock()
{
    NS_ABORT_MSG_IF(m_counter == std::numeric_limits<uint64_t>::max(),
                    "CryptoRandStream: stream exhausted");
    std::vector<uint8_t> input = m_seed;
    for (int shift = 56; shift >= 0; shift -= 8)
    {
        input.push_back(static_cast<uint8_t>(m_counter >> shift));
    }
    ++m_counter;
    unsigned int length = 0;
    NS_ABORT_MSG_IF(
        EVP_Digest(input.data(), input.size(), m_block.data(), &length, EVP_sha256(), nullptr) !=
                1 ||
            length != m_block.size(),
        "CryptoRandStream: SHA-256 failed");
    m_used = 0;
}

} // namespace ns3
