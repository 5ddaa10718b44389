/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "eap-aka-keys.h"

#include "crypto-mac.h"

#include <algorithm>
#include <array>
#include <openssl/sha.h>

namespace ns3
{

namespace
{

using Bytes = std::vector<uint8_t>;

/// Length of XKEY, XVAL and w_i in bytes (b = 160 bits).
constexpr size_t WORD_LENGTH = 20;
/// Length of one SHA-1 block in bytes.
constexpr size_t SHA1_BLOCK_LENGTH = 64;

/**
 * \brief G(t, c) of FIPS 186-2 Appendix 3.3 with t = SHA-1's initial value: the SHA-1
 * compression function on c followed by zero bits up to 512 bits, without SHA-1's padding.
 *
 * OpenSSL 3 has no non-deprecated interface to the bare compression function (the EVP digests
 * always pad), so this calls SHA1_Init and SHA1_Transform, deprecated since OpenSSL 3.0, and
 * reads the chaining value h0..h4 from SHA_CTX; the warning is silenced for these lines only.
 * \param c XVAL (20 bytes)
 * \return w (20 bytes)
 */
std::array<uint8_t, WORD_LENGTH>
G(const std::array<uint8_t, WORD_LENGTH>& c)
{
    std::array<uint8_t, SHA1_BLOCK_LENGTH> block{};
    std::copy(c.begin(), c.end(), block.begin());
    SHA_CTX ctx;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    SHA1_Init(&ctx); // h0..h4 = the standard initial value (FIPS 180-2 §5.3.1)
    SHA1_Transform(&ctx, block.data());
#pragma GCC diagnostic pop
    const std::array<SHA_LONG, 5> h = {ctx.h0, ctx.h1, ctx.h2, ctx.h3, ctx.h4};
    std::array<uint8_t, WORD_LENGTH> w{};
    for (size_t i = 0; i < h.size(); ++i)
    {
        w[4 * i] = static_cast<uint8_t>(h[i] >> 24);
        w[4 * i + 1] = static_cast<uint8_t>(h[i] >> 16);
        w[4 * i + 2] = static_cast<uint8_t>(h[i] >> 8);
        w[4 * i + 3] = static_cast<uint8_t>(h[i]);
    }
    return w;
}

/**
 * \brief XKEY = (1 + XKEY + w) mod 2^160, big-endian.
 * \param xkey XKEY, updated
 * \param w w_i
 */
void
AddOnePlus(std::array<uint8_t, WORD_LENGTH>& xkey, const std::array<uint8_t, WORD_LENGTH>& w)
{
    unsigned carry = 1;
    for (size_t i = WORD_LENGTH; i-- > 0;)
    {
        const unsigned sum = xkey[i] + w[i] + carry;
        xkey[i] = static_cast<uint8_t>(sum);
        carry = sum >> 8;
    }
}

} // namespace

Bytes
EapAkaKeys::Fips186Prf(const Bytes& xkey, size_t length)
{
    Bytes out;
    if (xkey.size() != WORD_LENGTH)
    {
        return out;
    }
    std::array<uint8_t, WORD_LENGTH> key{};
    std::copy(xkey.begin(), xkey.end(), key.begin());
    out.reserve(length + 2 * WORD_LENGTH);
    while (out.size() < length)
    {
        // One j: x_j = w_0 | w_1; XSEED_j = 0, so XVAL = XKEY.
        for (int i = 0; i < 2; ++i)
        {
            const std::array<uint8_t, WORD_LENGTH> w = G(key);
            out.insert(out.end(), w.begin(), w.end());
            AddOnePlus(key, w);
        }
    }
    out.resize(length);
    return out;
}

Bytes
EapAkaKeys::DeriveMk(const std::string& identity, const Bytes& ik, const Bytes& ck)
{
    Bytes input(identity.begin(), identity.end());
    input.insert(input.end(), ik.begin(), ik.end());
    input.insert(input.end(), ck.begin(), ck.end());
    return CryptoMac::Digest(CryptoHash::SHA1, input);
}

EapAkaKeys::Keys
EapAkaKeys::DeriveFromMk(const Bytes& mk)
{
    Keys keys;
    const Bytes stream = Fips186Prf(mk, K_ENCR_LENGTH + K_AUT_LENGTH + MSK_LENGTH + EMSK_LENGTH);
    if (stream.empty())
    {
        return keys;
    }
    auto next = stream.begin();
    keys.kEncr.assign(next, next + K_ENCR_LENGTH);
    next += K_ENCR_LENGTH;
    keys.kAut.assign(next, next + K_AUT_LENGTH);
    next += K_AUT_LENGTH;
    keys.msk.assign(next, next + MSK_LENGTH);
    next += MSK_LENGTH;
    keys.emsk.assign(next, next + EMSK_LENGTH);
    keys.mk = mk;
    keys.valid = true;
    return keys;
}

EapAkaKeys::Keys
EapAkaKeys::Derive(const std::string& identity, const Bytes& ik, const Bytes& ck)
{
    if (ik.size() != IK_CK_LENGTH || ck.size() != IK_CK_LENGTH)
    {
        return Keys();
    }
    return DeriveFromMk(DeriveMk(identity, ik, ck));
}

} // namespace ns3
