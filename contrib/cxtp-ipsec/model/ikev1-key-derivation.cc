/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev1-key-derivation.h"

#include "wire-writer.h"

#include "ns3/log.h"

#include <initializer_list>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ikev1KeyDerivation");

namespace
{

/// The length of an ISAKMP cookie (RFC 2408 §3.1).
const size_t COOKIE_LENGTH = 8;

/// A byte string.
using Bytes = std::vector<uint8_t>;

/**
 * \param parts byte strings
 * \return their concatenation
 */
Bytes
Concat(std::initializer_list<const Bytes*> parts)
{
    size_t total = 0;
    for (const Bytes* p : parts)
    {
        total += p->size();
    }
    Bytes out;
    out.reserve(total);
    for (const Bytes* p : parts)
    {
        out.insert(out.end(), p->begin(), p->end());
    }
    return out;
}

/**
 * \param ckyI a cookie
 * \param ckyR a cookie
 * \return true if both are 8 bytes
 */
bool
CookiesValid(const Bytes& ckyI, const Bytes& ckyR)
{
    return ckyI.size() == COOKIE_LENGTH && ckyR.size() == COOKIE_LENGTH;
}

/**
 * \brief SKEYID_{d,a,e} = prf(SKEYID, [previous |] g^xy | CKY-I | CKY-R | constant).
 * \param hash the hash
 * \param skeyid SKEYID
 * \param previous the previous key in the chain (empty for SKEYID_d)
 * \param gxy g^xy
 * \param ckyI CKY-I
 * \param ckyR CKY-R
 * \param constant 0, 1 or 2
 * \return the key, or empty on bad cookies
 */
Bytes
DeriveSkeyidX(CryptoHash hash,
              const Bytes& skeyid,
              const Bytes& previous,
              const Bytes& gxy,
              const Bytes& ckyI,
              const Bytes& ckyR,
              uint8_t constant)
{
    if (!CookiesValid(ckyI, ckyR))
    {
        NS_LOG_LOGIC("cookies must be 8 bytes");
        return {};
    }
    const Bytes c{constant};
    return CryptoMac::Hmac(hash, skeyid, Concat({&previous, &gxy, &ckyI, &ckyR, &c}));
}

/**
 * \param digest a digest
 * \param blockSize the wanted length
 * \return the leading blockSize bytes, or empty if the digest is shorter
 */
Bytes
Truncate(const Bytes& digest, uint32_t blockSize)
{
    if (blockSize == 0 || blockSize > digest.size())
    {
        return {};
    }
    return Bytes(digest.begin(), digest.begin() + blockSize);
}

} // namespace

std::vector<uint8_t>
Ikev1KeyDerivation::SkeyidPsk(CryptoHash hash,
                              const std::vector<uint8_t>& psk,
                              const std::vector<uint8_t>& niB,
                              const std::vector<uint8_t>& nrB)
{
    return CryptoMac::Hmac(hash, psk, Concat({&niB, &nrB}));
}

std::vector<uint8_t>
Ikev1KeyDerivation::SkeyidD(CryptoHash hash,
                            const std::vector<uint8_t>& skeyid,
                            const std::vector<uint8_t>& gxy,
                            const std::vector<uint8_t>& ckyI,
                            const std::vector<uint8_t>& ckyR)
{
    return DeriveSkeyidX(hash, skeyid, Bytes(), gxy, ckyI, ckyR, 0);
}

std::vector<uint8_t>
Ikev1KeyDerivation::SkeyidA(CryptoHash hash,
                            const std::vector<uint8_t>& skeyid,
                            const std::vector<uint8_t>& skeyidD,
                            const std::vector<uint8_t>& gxy,
                            const std::vector<uint8_t>& ckyI,
                            const std::vector<uint8_t>& ckyR)
{
    return DeriveSkeyidX(hash, skeyid, skeyidD, gxy, ckyI, ckyR, 1);
}

std::vector<uint8_t>
Ikev1KeyDerivation::SkeyidE(CryptoHash hash,
                            const std::vector<uint8_t>& skeyid,
                            const std::vector<uint8_t>& skeyidA,
                            const std::vector<uint8_t>& gxy,
                            const std::vector<uint8_t>& ckyI,
                            const std::vector<uint8_t>& ckyR)
{
    return DeriveSkeyidX(hash, skeyid, skeyidA, gxy, ckyI, ckyR, 2);
}

std::vector<uint8_t>
Ikev1KeyDerivation::ExpandKey(CryptoHash hash, const std::vector<uint8_t>& skeyidE, uint32_t length)
{
    if (skeyidE.size() >= length)
    {
        return Bytes(skeyidE.begin(), skeyidE.begin() + length);
    }
    // RFC 2409 Appendix B: Ka = K1 | K2 | K3 ..., K1 = prf(SKEYID_e, 0), Kn = prf(SKEYID_e, Kn-1)
    Bytes out;
    Bytes k = CryptoMac::Hmac(hash, skeyidE, Bytes{0});
    while (!k.empty())
    {
        out.insert(out.end(), k.begin(), k.end());
        if (out.size() >= length)
        {
            out.resize(length);
            return out;
        }
        k = CryptoMac::Hmac(hash, skeyidE, k);
    }
    return {};
}

std::vector<uint8_t>
Ikev1KeyDerivation::Phase1Iv(CryptoHash hash,
                             const std::vector<uint8_t>& gxi,
                             const std::vector<uint8_t>& gxr,
                             uint32_t blockSize)
{
    return Truncate(CryptoMac::Digest(hash, Concat({&gxi, &gxr})), blockSize);
}

std::vector<uint8_t>
Ikev1KeyDerivation::Phase2Iv(CryptoHash hash,
                             const std::vector<uint8_t>& lastPhase1Block,
                             uint32_t messageId,
                             uint32_t blockSize)
{
    const Bytes mid = WireBytesU32(messageId);
    return Truncate(CryptoMac::Digest(hash, Concat({&lastPhase1Block, &mid})), blockSize);
}

std::vector<uint8_t>
Ikev1KeyDerivation::HashI(CryptoHash hash,
                          const std::vector<uint8_t>& skeyid,
                          const std::vector<uint8_t>& gxi,
                          const std::vector<uint8_t>& gxr,
                          const std::vector<uint8_t>& ckyI,
                          const std::vector<uint8_t>& ckyR,
                          const std::vector<uint8_t>& saiB,
                          const std::vector<uint8_t>& idiiB)
{
    if (!CookiesValid(ckyI, ckyR))
    {
        return {};
    }
    return CryptoMac::Hmac(hash, skeyid, Concat({&gxi, &gxr, &ckyI, &ckyR, &saiB, &idiiB}));
}

std::vector<uint8_t>
Ikev1KeyDerivation::HashR(CryptoHash hash,
                          const std::vector<uint8_t>& skeyid,
                          const std::vector<uint8_t>& gxr,
                          const std::vector<uint8_t>& gxi,
                          const std::vector<uint8_t>& ckyR,
                          const std::vector<uint8_t>& ckyI,
                          const std::vector<uint8_t>& saiB,
                          const std::vector<uint8_t>& idirB)
{
    if (!CookiesValid(ckyI, ckyR))
    {
        return {};
    }
    return CryptoMac::Hmac(hash, skeyid, Concat({&gxr, &gxi, &ckyR, &ckyI, &saiB, &idirB}));
}

std::vector<uint8_t>
Ikev1KeyDerivation::QmHash1(CryptoHash hash,
                            const std::vector<uint8_t>& skeyidA,
                            uint32_t messageId,
                            const std::vector<uint8_t>& restOfMessage)
{
    const Bytes mid = WireBytesU32(messageId);
    return CryptoMac::Hmac(hash, skeyidA, Concat({&mid, &restOfMessage}));
}

std::vector<uint8_t>
Ikev1KeyDerivation::QmHash2(CryptoHash hash,
                            const std::vector<uint8_t>& skeyidA,
                            uint32_t messageId,
                            const std::vector<uint8_t>& niB,
                            const std::vector<uint8_t>& restOfMessage)
{
    const Bytes mid = WireBytesU32(messageId);
    return CryptoMac::Hmac(hash, skeyidA, Concat({&mid, &niB, &restOfMessage}));
}

std::vector<uint8_t>
Ikev1KeyDerivation::QmHash3(CryptoHash hash,
                            const std::vector<uint8_t>& skeyidA,
                            uint32_t messageId,
                            const std::vector<uint8_t>& niB,
                            const std::vector<uint8_t>& nrB)
{
    const Bytes zero{0};
    const Bytes mid = WireBytesU32(messageId);
    return CryptoMac::Hmac(hash, skeyidA, Concat({&zero, &mid, &niB, &nrB}));
}

std::vector<uint8_t>
Ikev1KeyDerivation::InfoHash(CryptoHash hash,
                             const std::vector<uint8_t>& skeyidA,
                             uint32_t messageId,
                             const std::vector<uint8_t>& payloads)
{
    const Bytes mid = WireBytesU32(messageId);
    return CryptoMac::Hmac(hash, skeyidA, Concat({&mid, &payloads}));
}

std::vector<uint8_t>
Ikev1KeyDerivation::Keymat(CryptoHash hash,
                           const std::vector<uint8_t>& skeyidD,
                           const std::vector<uint8_t>& gqmXY,
                           uint8_t protocol,
                           uint32_t spi,
                           const std::vector<uint8_t>& niB,
                           const std::vector<uint8_t>& nrB,
                           uint32_t length)
{
    NS_LOG_FUNCTION(static_cast<uint32_t>(protocol) << spi << length);
    if (length == 0)
    {
        return {};
    }
    const Bytes proto{protocol};
    const Bytes spiBytes = WireBytesU32(spi);
    // seed = [g(qm)^xy |] protocol | SPI | Ni_b | Nr_b; an empty gqmXY adds nothing (no PFS).
    const Bytes seed = Concat({&gqmXY, &proto, &spiBytes, &niB, &nrB});
    Bytes out;
    Bytes k = CryptoMac::Hmac(hash, skeyidD, seed);
    while (!k.empty())
    {
        out.insert(out.end(), k.begin(), k.end());
        if (out.size() >= length)
        {
            out.resize(length);
            return out;
        }
        k = CryptoMac::Hmac(hash, skeyidD, Concat({&k, &seed}));
    }
    return {};
}

} // namespace ns3
