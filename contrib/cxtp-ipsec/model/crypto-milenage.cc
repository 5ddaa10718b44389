/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "crypto-milenage.h"

#include "crypto-cipher.h"
#include "crypto-mac.h"
#include "crypto-work-meter.h"

#include <array>

namespace ns3
{

namespace
{

using Bytes = std::vector<uint8_t>;

/// r1..r5 of TS 35.206 §4.1 in bits (index 0 unused); all are whole bytes.
constexpr std::array<unsigned, 6> ROTATION_BITS = {0, 64, 0, 32, 64, 96};
/// The last byte of c1..c5 of TS 35.206 §4.1 (index 0 unused); the other 15 bytes are zero.
constexpr std::array<uint8_t, 6> CONSTANT_LAST_BYTE = {0, 0x00, 0x01, 0x02, 0x04, 0x08};

/**
 * \param a first operand
 * \param b second operand, as long as a
 * \return a ⊕ b
 */
Bytes
Xor(const Bytes& a, const Bytes& b)
{
    Bytes out(a.size());
    for (size_t i = 0; i < a.size(); ++i)
    {
        out[i] = a[i] ^ b[i];
    }
    return out;
}

/**
 * \brief rot(x, r) of TS 35.206 §4.1: cyclic rotation of the 128-bit x by r bits towards the
 * most significant bit. The standard r1..r5 are multiples of 8, so a byte rotation suffices.
 * \param x 16 bytes
 * \param bits r, a multiple of 8
 * \return the rotated value
 */
Bytes
Rotate(const Bytes& x, unsigned bits)
{
    const size_t shift = (bits / 8) % CryptoMilenage::BLOCK_LENGTH;
    Bytes out(CryptoMilenage::BLOCK_LENGTH);
    for (size_t i = 0; i < CryptoMilenage::BLOCK_LENGTH; ++i)
    {
        out[i] = x[(i + shift) % CryptoMilenage::BLOCK_LENGTH];
    }
    return out;
}

static_assert(ROTATION_BITS[1] % 8 == 0 && ROTATION_BITS[3] % 8 == 0 && ROTATION_BITS[5] % 8 == 0,
              "Rotate() rotates whole bytes");

} // namespace

bool
CryptoMilenage::ComputeOpc(const Bytes& k, const Bytes& op, Bytes& opc)
{
    opc.clear();
    Bytes encrypted;
    if (op.size() != BLOCK_LENGTH || !CryptoCipher::Aes128EncryptBlock(k, op, encrypted))
    {
        return false;
    }
    opc = Xor(op, encrypted);
    return true;
}

CryptoMilenage::CryptoMilenage(const Bytes& k, const Bytes& opc)
    : m_k(k),
      m_opc(opc)
{
}

bool
CryptoMilenage::IsValid() const
{
    return m_k.size() == BLOCK_LENGTH && m_opc.size() == BLOCK_LENGTH;
}

bool
CryptoMilenage::Temp(const Bytes& rand, Bytes& temp) const
{
    return IsValid() && rand.size() == BLOCK_LENGTH &&
           CryptoCipher::Aes128EncryptBlock(m_k, Xor(rand, m_opc), temp);
}

bool
CryptoMilenage::Out1(const Bytes& rand, const Bytes& sqn, const Bytes& amf, Bytes& out1) const
{
    out1.clear();
    Bytes temp;
    if (sqn.size() != SQN_LENGTH || amf.size() != AMF_LENGTH || !Temp(rand, temp))
    {
        return false;
    }
    Bytes in1;
    in1.reserve(BLOCK_LENGTH);
    for (int copy = 0; copy < 2; ++copy)
    {
        in1.insert(in1.end(), sqn.begin(), sqn.end());
        in1.insert(in1.end(), amf.begin(), amf.end());
    }
    Bytes input = Xor(temp, Rotate(Xor(in1, m_opc), ROTATION_BITS[1]));
    input.back() ^= CONSTANT_LAST_BYTE[1];
    Bytes encrypted;
    if (!CryptoCipher::Aes128EncryptBlock(m_k, input, encrypted))
    {
        return false;
    }
    out1 = Xor(encrypted, m_opc);
    return true;
}

bool
CryptoMilenage::Out(const Bytes& temp, int i, Bytes& out) const
{
    out.clear();
    if (i < 2 || i > 5 || temp.size() != BLOCK_LENGTH)
    {
        return false;
    }
    Bytes input = Rotate(Xor(temp, m_opc), ROTATION_BITS[i]);
    input.back() ^= CONSTANT_LAST_BYTE[i];
    Bytes encrypted;
    if (!CryptoCipher::Aes128EncryptBlock(m_k, input, encrypted))
    {
        return false;
    }
    out = Xor(encrypted, m_opc);
    return true;
}

bool
CryptoMilenage::F1(const Bytes& rand, const Bytes& sqn, const Bytes& amf, Bytes& macA) const
{
    macA.clear();
    Bytes out1;
    if (!Out1(rand, sqn, amf, out1))
    {
        return false;
    }
    macA.assign(out1.begin(), out1.begin() + MAC_LENGTH);
    return true;
}

bool
CryptoMilenage::F1Star(const Bytes& rand, const Bytes& sqn, const Bytes& amf, Bytes& macS) const
{
    macS.clear();
    Bytes out1;
    if (!Out1(rand, sqn, amf, out1))
    {
        return false;
    }
    macS.assign(out1.begin() + MAC_LENGTH, out1.end());
    return true;
}

bool
CryptoMilenage::F2345(const Bytes& rand, Bytes& res, Bytes& ck, Bytes& ik, Bytes& ak) const
{
    res.clear();
    ck.clear();
    ik.clear();
    ak.clear();
    Bytes temp;
    Bytes out2;
    Bytes out3;
    Bytes out4;
    if (!Temp(rand, temp) || !Out(temp, 2, out2) || !Out(temp, 3, out3) || !Out(temp, 4, out4))
    {
        return false;
    }
    res.assign(out2.begin() + MAC_LENGTH, out2.end());
    ak.assign(out2.begin(), out2.begin() + SQN_LENGTH);
    ck.swap(out3);
    ik.swap(out4);
    return true;
}

bool
CryptoMilenage::F5Star(const Bytes& rand, Bytes& akStar) const
{
    akStar.clear();
    Bytes temp;
    Bytes out5;
    if (!Temp(rand, temp) || !Out(temp, 5, out5))
    {
        return false;
    }
    akStar.assign(out5.begin(), out5.begin() + SQN_LENGTH);
    return true;
}

Bytes
CryptoMilenage::SqnToBytes(uint64_t sqn)
{
    Bytes out(SQN_LENGTH);
    for (size_t i = 0; i < SQN_LENGTH; ++i)
    {
        out[SQN_LENGTH - 1 - i] = static_cast<uint8_t>(sqn >> (8 * i));
    }
    return out;
}

uint64_t
CryptoMilenage::SqnFromBytes(const Bytes& bytes)
{
    uint64_t sqn = 0;
    for (uint8_t b : bytes)
    {
        sqn = (sqn << 8) | b;
    }
    return sqn;
}

bool
CryptoMilenage::GenerateVector(const Bytes& k,
                               const Bytes& opc,
                               uint64_t sqn,
                               uint16_t amf,
                               const Bytes& rand,
                               Vector& vector)
{
    if (sqn > MAX_SQN)
    {
        return false;
    }
    const CryptoMilenage milenage(k, opc);
    const Bytes sqnBytes = SqnToBytes(sqn);
    const Bytes amfBytes = {static_cast<uint8_t>(amf >> 8), static_cast<uint8_t>(amf)};
    Vector result;
    Bytes macA;
    Bytes ak;
    if (!milenage.F1(rand, sqnBytes, amfBytes, macA) ||
        !milenage.F2345(rand, result.xres, result.ck, result.ik, ak))
    {
        return false;
    }
    CryptoWorkMeter::Record({CryptoOperation::Kind::MILENAGE, 0, 0});
    result.rand = rand;
    result.autn = Xor(sqnBytes, ak);
    result.autn.insert(result.autn.end(), amfBytes.begin(), amfBytes.end());
    result.autn.insert(result.autn.end(), macA.begin(), macA.end());
    vector = result;
    return true;
}

CryptoMilenage::UsimResult
CryptoMilenage::UsimCheck(const Bytes& k,
                          const Bytes& opc,
                          const Bytes& rand,
                          const Bytes& autn,
                          uint64_t sqnMs,
                          uint64_t delta)
{
    UsimResult result;
    const CryptoMilenage milenage(k, opc);
    if (!milenage.IsValid() || rand.size() != BLOCK_LENGTH || autn.size() != AUTN_LENGTH ||
        sqnMs > MAX_SQN || delta == 0)
    {
        result.reason = "invalid argument: K, OPc, RAND or AUTN length, SQN_MS or delta";
        return result;
    }
    // One AKA step: recorded whatever the outcome, a refused AUTN costs the USIM the same.
    CryptoWorkMeter::Record({CryptoOperation::Kind::MILENAGE, 0, 0});
    Bytes res;
    Bytes ck;
    Bytes ik;
    Bytes ak;
    if (!milenage.F2345(rand, res, ck, ik, ak))
    {
        result.reason = "Milenage failed (OpenSSL)";
        return result;
    }
    const Bytes concealed(autn.begin(), autn.begin() + SQN_LENGTH);
    const Bytes amf(autn.begin() + SQN_LENGTH, autn.begin() + SQN_LENGTH + AMF_LENGTH);
    const Bytes mac(autn.begin() + SQN_LENGTH + AMF_LENGTH, autn.end());
    const Bytes sqn = Xor(concealed, ak);
    Bytes xmac;
    if (!milenage.F1(rand, sqn, amf, xmac))
    {
        result.reason = "Milenage failed (OpenSSL)";
        return result;
    }
    // TS 33.102 §6.3.3: the MAC is checked before the sequence number.
    if (!CryptoMac::ConstantTimeEqual(xmac, mac))
    {
        result.status = UsimStatus::MAC_FAILURE;
        result.reason = "MAC failure: XMAC differs from the MAC in AUTN (wrong K, OPc or a "
                        "forged AUTN): send Authentication-Reject";
        return result;
    }
    result.sqn = SqnFromBytes(sqn);
    if (result.sqn <= sqnMs || result.sqn - sqnMs > delta)
    {
        Bytes akStar;
        Bytes macS;
        const Bytes sqnMsBytes = SqnToBytes(sqnMs);
        const Bytes dummyAmf(AMF_LENGTH, 0);
        if (!milenage.F5Star(rand, akStar) || !milenage.F1Star(rand, sqnMsBytes, dummyAmf, macS))
        {
            result.reason = "Milenage failed (OpenSSL)";
            return result;
        }
        result.status = UsimStatus::SYNC_FAILURE;
        result.reason = result.sqn <= sqnMs ? "synchronisation failure: SQN not above SQN_MS "
                                              "(replayed or old challenge): send AUTS"
                                            : "synchronisation failure: SQN more than delta "
                                              "above SQN_MS: send AUTS";
        result.auts = Xor(sqnMsBytes, akStar);
        result.auts.insert(result.auts.end(), macS.begin(), macS.end());
        return result;
    }
    result.status = UsimStatus::SUCCESS;
    result.res.swap(res);
    result.ck.swap(ck);
    result.ik.swap(ik);
    return result;
}

bool
CryptoMilenage::AucResynchronise(const Bytes& k,
                                 const Bytes& opc,
                                 const Bytes& rand,
                                 const Bytes& auts,
                                 uint64_t& sqnMs)
{
    const CryptoMilenage milenage(k, opc);
    Bytes akStar;
    if (auts.size() != AUTS_LENGTH || !milenage.IsValid() || rand.size() != BLOCK_LENGTH)
    {
        return false;
    }
    CryptoWorkMeter::Record({CryptoOperation::Kind::MILENAGE, 0, 0});
    if (!milenage.F5Star(rand, akStar))
    {
        return false;
    }
    const Bytes sqn = Xor(Bytes(auts.begin(), auts.begin() + SQN_LENGTH), akStar);
    const Bytes macS(auts.begin() + SQN_LENGTH, auts.end());
    Bytes xmacS;
    if (!milenage.F1Star(rand, sqn, Bytes(AMF_LENGTH, 0), xmacS) ||
        !CryptoMac::ConstantTimeEqual(xmacS, macS))
    {
        return false;
    }
    sqnMs = SqnFromBytes(sqn);
    return true;
}

} // namespace ns3
