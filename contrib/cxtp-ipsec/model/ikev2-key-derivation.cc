/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-key-derivation.h"

#include "crypto-mac.h"
#include "ikev2-algorithms.h"

#include "ns3/log.h"

#include <initializer_list>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ikev2KeyDerivation");

namespace
{

/// A byte string.
using Bytes = std::vector<uint8_t>;

/**
 * \param parts byte strings
 * \return their concatenation
 */
Bytes
Concat(std::initializer_list<const Bytes*> parts)
{
    Bytes out;
    for (const Bytes* p : parts)
    {
        out.insert(out.end(), p->begin(), p->end());
    }
    return out;
}

/**
 * \param spi an IKE SPI
 * \return its 8 octets in network byte order
 */
Bytes
SpiBytes(uint64_t spi)
{
    Bytes out(8);
    for (int i = 7; i >= 0; --i)
    {
        out[i] = static_cast<uint8_t>(spi & 0xff);
        spi >>= 8;
    }
    return out;
}

/**
 * \brief Takes the next \p n bytes of a key stream.
 * \param stream the key stream
 * \param offset the position, advanced by \p n
 * \param n how many bytes
 * \return the bytes
 */
Bytes
Take(const Bytes& stream, size_t& offset, uint32_t n)
{
    Bytes out(stream.begin() + offset, stream.begin() + offset + n);
    offset += n;
    return out;
}

/**
 * \brief Checks the transforms of an IKE SA and gives the key lengths they set.
 * \param prf the PRF
 * \param encr the ENCR
 * \param encrKeyBits its Key Length attribute
 * \param integ the INTEG
 * \param [out] prfLength SK_d, SK_pi, SK_pr length
 * \param [out] integLength SK_ai, SK_ar length
 * \param [out] encrLength SK_ei, SK_er length
 * \return false for an unsupported transform or an invalid combination
 */
bool
GetIkeKeyLengths(Ikev2PrfId prf,
                 Ikev2EncrId encr,
                 uint16_t encrKeyBits,
                 Ikev2IntegId integ,
                 uint32_t& prfLength,
                 uint32_t& integLength,
                 uint32_t& encrLength)
{
    IpsecEncryption alg;
    if (!Ikev2Algorithms::GetEncryption(encr, encrKeyBits, alg) ||
        alg == IpsecEncryption::NULL_ENC || !Ikev2Algorithms::IsIntegSupported(integ))
    {
        NS_LOG_LOGIC("unsupported ENCR " << static_cast<int>(encr) << "/" << encrKeyBits
                                         << " or INTEG " << static_cast<int>(integ));
        return false;
    }
    // RFC 7296 §3.3: a combined-mode cipher comes without INTEG, any other cipher with one.
    if (IsCombinedMode(alg) != (integ == Ikev2IntegId::NONE))
    {
        NS_LOG_LOGIC("ENCR " << ToString(alg) << " cannot go with INTEG "
                             << static_cast<int>(integ));
        return false;
    }
    prfLength = Ikev2Algorithms::GetPrfKeyLength(prf);
    integLength = Ikev2Algorithms::GetIntegKeyLength(integ);
    encrLength = GetEncryptionKeyLength(alg);
    return prfLength != 0;
}

} // namespace

std::vector<uint8_t>
Ikev2KeyDerivation::Prf(Ikev2PrfId prf,
                        const std::vector<uint8_t>& key,
                        const std::vector<uint8_t>& data)
{
    CryptoHash hash;
    if (!Ikev2Algorithms::GetPrfHash(prf, hash))
    {
        NS_LOG_LOGIC("unsupported PRF " << static_cast<int>(prf));
        return {};
    }
    return CryptoMac::Hmac(hash, key, data);
}

bool
Ikev2KeyDerivation::PrfPlus(Ikev2PrfId prf,
                            const std::vector<uint8_t>& key,
                            const std::vector<uint8_t>& seed,
                            uint32_t length,
                            std::vector<uint8_t>& out)
{
    out.clear();
    const uint32_t block = Ikev2Algorithms::GetPrfOutputLength(prf);
    if (block == 0)
    {
        NS_LOG_LOGIC("unsupported PRF " << static_cast<int>(prf));
        return false;
    }
    const uint64_t blocks = (static_cast<uint64_t>(length) + block - 1) / block;
    if (blocks > MAX_PRF_PLUS_BLOCKS)
    {
        NS_LOG_LOGIC("prf+ of " << length << " bytes needs " << blocks << " blocks, more than "
                                << MAX_PRF_PLUS_BLOCKS);
        return false;
    }
    Bytes t;
    for (uint32_t n = 1; n <= blocks; ++n)
    {
        const Bytes counter{static_cast<uint8_t>(n)};
        t = Prf(prf, key, Concat({&t, &seed, &counter}));
        out.insert(out.end(), t.begin(), t.end());
    }
    out.resize(length);
    return true;
}

std::vector<uint8_t>
Ikev2KeyDerivation::Skeyseed(Ikev2PrfId prf,
                             const std::vector<uint8_t>& ni,
                             const std::vector<uint8_t>& nr,
                             const std::vector<uint8_t>& gir)
{
    return Prf(prf, Concat({&ni, &nr}), gir);
}

bool
Ikev2KeyDerivation::DeriveIkeKeys(Ikev2PrfId prf,
                                  Ikev2EncrId encr,
                                  uint16_t encrKeyBits,
                                  Ikev2IntegId integ,
                                  const std::vector<uint8_t>& skeyseed,
                                  const std::vector<uint8_t>& ni,
                                  const std::vector<uint8_t>& nr,
                                  uint64_t spiI,
                                  uint64_t spiR,
                                  Ikev2IkeKeys& keys)
{
    NS_LOG_FUNCTION_NOARGS();
    keys = Ikev2IkeKeys();
    uint32_t prfLength = 0;
    uint32_t integLength = 0;
    uint32_t encrLength = 0;
    if (!GetIkeKeyLengths(prf, encr, encrKeyBits, integ, prfLength, integLength, encrLength))
    {
        return false;
    }
    const Bytes spiIBytes = SpiBytes(spiI);
    const Bytes spiRBytes = SpiBytes(spiR);
    Bytes stream;
    if (!PrfPlus(prf,
                 skeyseed,
                 Concat({&ni, &nr, &spiIBytes, &spiRBytes}),
                 3 * prfLength + 2 * integLength + 2 * encrLength,
                 stream))
    {
        return false;
    }
    size_t offset = 0;
    keys.skD = Take(stream, offset, prfLength);
    keys.skAi = Take(stream, offset, integLength);
    keys.skAr = Take(stream, offset, integLength);
    keys.skEi = Take(stream, offset, encrLength);
    keys.skEr = Take(stream, offset, encrLength);
    keys.skPi = Take(stream, offset, prfLength);
    keys.skPr = Take(stream, offset, prfLength);
    return true;
}

std::vector<uint8_t>
Ikev2KeyDerivation::RekeySkeyseed(Ikev2PrfId oldPrf,
                                  const std::vector<uint8_t>& skDOld,
                                  const std::vector<uint8_t>& girNew,
                                  const std::vector<uint8_t>& ni,
                                  const std::vector<uint8_t>& nr)
{
    return Prf(oldPrf, skDOld, Concat({&girNew, &ni, &nr}));
}

bool
Ikev2KeyDerivation::DeriveChildKeys(Ikev2PrfId prf,
                                    const std::vector<uint8_t>& skD,
                                    const std::vector<uint8_t>& gir,
                                    const std::vector<uint8_t>& ni,
                                    const std::vector<uint8_t>& nr,
                                    IpsecEncryption encryption,
                                    IpsecIntegrity integrity,
                                    Ikev2ChildKeys& keys)
{
    NS_LOG_FUNCTION_NOARGS();
    keys = Ikev2ChildKeys();
    const std::string error = CheckTransformPair(encryption, integrity);
    if (!error.empty())
    {
        NS_LOG_LOGIC(error);
        return false;
    }
    const uint32_t encrLength = GetEncryptionKeyLength(encryption);
    const uint32_t integLength = GetIntegrityKeyLength(integrity);
    Bytes stream;
    if (!PrfPlus(prf, skD, Concat({&gir, &ni, &nr}), 2 * (encrLength + integLength), stream))
    {
        return false;
    }
    size_t offset = 0;
    keys.encryptionIr = Take(stream, offset, encrLength);
    keys.integrityIr = Take(stream, offset, integLength);
    keys.encryptionRi = Take(stream, offset, encrLength);
    keys.integrityRi = Take(stream, offset, integLength);
    return true;
}

} // namespace ns3
