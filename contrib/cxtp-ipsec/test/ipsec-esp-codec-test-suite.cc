/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Tests for IpsecEspCodec: known-answer ESP packets for every transform pair, round trips, ICV
// tampering, ESN, truncation, padding checks and length accounting.
//
// How the known-answer packets were produced (independently of this module, on the build machine,
// OpenSSL 3.0.19): a Python script builds the ESP layout itself (RFC 4303 §2: SPI | Seq | IV |
// E{payload | 1,2,3... | pad length | next header} | ICV, aligned on max(block, 4) bytes),
// encrypts with the `openssl enc` command line, computes the ICV with Python's hmac/hashlib, and,
// because `openssl enc` does not support GCM, seals AES-GCM with ./gcm, a 40-line standalone C
// program linked only against libcrypto (EVP_EncryptInit_ex(EVP_aes_{128,256}_gcm()),
// EVP_CTRL_GCM_SET_IVLEN 12, EVP_EncryptUpdate(AAD), EVP_EncryptUpdate(plaintext),
// EVP_EncryptFinal_ex, EVP_CTRL_GCM_GET_TAG 16; usage `gcm KEY NONCE AAD PLAINTEXT`, all hex,
// prints ciphertext | tag). That helper reproduces McGrew/Viega GCM test cases 4 and 16, and it
// was compiled in /tmp (`gcc -o gcm gcm.c -lcrypto`) and is not part of the repository. Script,
// run as /usr/bin/python3 gen.py:
//
//   import hmac, hashlib, struct, subprocess
//   PAYLOAD = bytes.fromhex("6000000000003a40fe80000000000000000001")  # 19 bytes
//   NH, SPI = 41, 0xc0ffee01
//   ENC = {  # name: (openssl cipher or "gcm" or None, key (GCM: key | salt), IV, block size)
//     "3des-cbc": ("des-ede3-cbc", "0123456789abcdef23456789abcdef01456789abcdef0123",
//                  "f0e1d2c3b4a59687", 8),
//     "aes128-cbc": ("aes-128-cbc", "2b7e151628aed2a6abf7158809cf4f3c",
//                    "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf", 16),
//     "aes256-cbc": ("aes-256-cbc",
//                    "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
//                    "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf", 16),
//     "aes128-gcm16": ("gcm", "feffe9928665731c6d6a8f9467308308" + "cafebabe",
//                      "facedbaddecaf888", 4),
//     "aes256-gcm16": ("gcm", "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"
//                      + "cafebabe", "facedbaddecaf888", 4),
//     "null": (None, "", "", 4)}
//   INTEG = {"hmac-sha1-96": (hashlib.sha1, "000102030405060708090a0b0c0d0e0f10111213", 12),
//            "hmac-sha256-128": (hashlib.sha256, "202122232425262728292a2b2c2d2e2f"
//                                "303132333435363738393a3b3c3d3e3f", 16)}
//   def esp(enc, integ, seq, esn):
//       mode, key, iv, align = ENC[enc]
//       iv = bytes.fromhex(iv); align = max(align, 4)
//       pad = (-(len(PAYLOAD) + 2)) % align
//       pt = PAYLOAD + bytes(range(1, pad + 1)) + bytes([pad, NH])
//       hdr = struct.pack(">II", SPI, seq & 0xffffffff)
//       if mode == "gcm":
//           aad = hdr[:4] + (struct.pack(">I", seq >> 32) if esn else b"") + hdr[4:]
//           nonce = bytes.fromhex(key[-8:]) + iv
//           out = subprocess.run(["./gcm", key[:-8], nonce.hex(), aad.hex(), pt.hex()],
//                                check=True, capture_output=True, text=True).stdout.strip()
//           return hdr + iv + bytes.fromhex(out)
//       ct = pt if mode is None else subprocess.run(
//           ["openssl", "enc", "-" + mode, "-K", key, "-iv", iv.hex(), "-nopad"],
//           input=pt, check=True, capture_output=True).stdout
//       h, ikey, icvlen = INTEG[integ]
//       icv = hmac.new(bytes.fromhex(ikey), hdr + iv + ct
//                      + (struct.pack(">I", seq >> 32) if esn else b""), h).digest()[:icvlen]
//       return hdr + iv + ct + icv
//   PAIRS = [("3des-cbc", "hmac-sha1-96"), ("3des-cbc", "hmac-sha256-128"),
//            ("aes128-cbc", "hmac-sha1-96"), ("aes128-cbc", "hmac-sha256-128"),
//            ("aes256-cbc", "hmac-sha1-96"), ("aes256-cbc", "hmac-sha256-128"),
//            ("aes128-gcm16", None), ("aes256-gcm16", None), ("null", "hmac-sha1-96")]
//   for enc, integ in PAIRS:  # the order of g_pairs below
//       for seq, esn in ((5, False), (0x0000000100000007, True)):
//           print(enc, integ, esn, esp(enc, integ, seq, esn).hex())

#include "ns3/crypto-cipher.h"
#include "ns3/crypto-mac.h"
#include "ns3/ipsec-esp-codec.h"
#include "ns3/test.h"

#include <string>
#include <vector>

using namespace ns3;

namespace
{

/**
 * \brief Decodes a hex string (no separators).
 * \param hex the string
 * \return the bytes
 */
std::vector<uint8_t>
FromHex(const std::string& hex)
{
    std::vector<uint8_t> out;
    for (size_t i = 0; i + 1 < hex.size(); i += 2)
    {
        out.push_back(static_cast<uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16)));
    }
    return out;
}

/**
 * \brief Encodes bytes as lower-case hex.
 * \param bytes the bytes
 * \return the hex string
 */
std::string
ToHex(const std::vector<uint8_t>& bytes)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (uint8_t b : bytes)
    {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0x0f]);
    }
    return out;
}

/// SPI of every test SA.
const uint32_t TEST_SPI = 0xc0ffee01;
/// Next header of the known-answer payload (IPv6 in tunnel mode).
const uint8_t TEST_NEXT_HEADER = 41;
/// The known-answer payload (19 bytes: the start of an IPv6 header).
const char* const KAT_PAYLOAD = "6000000000003a40fe80000000000000000001";
/// Sequence number of the known-answer packets without ESN.
const uint64_t KAT_SEQ = 5;
/// Sequence number of the known-answer packets with ESN (high 1, low 7).
const uint64_t KAT_SEQ_ESN = 0x0000000100000007ULL;

/// One ESP transform pair with its expected sizes and known-answer packets.
struct PairInfo
{
    IpsecEncryption enc;  ///< cipher
    IpsecIntegrity integ; ///< integrity
    const char* encKey;   ///< encryption key (GCM: with the salt), hex
    const char* iv;       ///< IV for the known answers, hex
    uint32_t ivLength;    ///< IV bytes on the wire
    uint32_t alignment;   ///< alignment of payload | padding | trailer
    uint32_t icvLength;   ///< ICV bytes
    const char* kat;      ///< ESP packet, seq 5, no ESN
    const char* katEsn;   ///< ESP packet, seq 2^32 + 7, ESN
};

/// HMAC-SHA1-96 key (20 bytes).
const char* const SHA1_KEY = "000102030405060708090a0b0c0d0e0f10111213";
/// HMAC-SHA2-256-128 key (32 bytes).
const char* const SHA256_KEY = "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f";
/// 3DES key.
const char* const TDES_KEY = "0123456789abcdef23456789abcdef01456789abcdef0123";
/// AES-128 key.
const char* const AES128_KEY = "2b7e151628aed2a6abf7158809cf4f3c";
/// AES-256 key.
const char* const AES256_KEY = "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4";
/// AES-128-GCM key | salt.
const char* const GCM128_KEY = "feffe9928665731c6d6a8f9467308308"
                               "cafebabe";
/// AES-256-GCM key | salt.
const char* const GCM256_KEY = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"
                               "cafebabe";
/// IV for 3DES.
const char* const TDES_IV = "f0e1d2c3b4a59687";
/// IV for AES-CBC.
const char* const AES_IV = "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf";
/// IV for GCM.
const char* const GCM_IV = "facedbaddecaf888";

/// Every transform pair the module supports, with the independently produced packets.
const PairInfo g_pairs[] = {
    {IpsecEncryption::TDES_CBC,
     IpsecIntegrity::HMAC_SHA1_96,
     TDES_KEY,
     TDES_IV,
     8,
     8,
     12,
     "c0ffee0100000005f0e1d2c3b4a59687be83904e7885e0d8afadf51fa7f9aefab2816fae12c6697f"
     "29e5307c80a6493fef505266",
     "c0ffee0100000007f0e1d2c3b4a59687be83904e7885e0d8afadf51fa7f9aefab2816fae12c6697f"
     "6c98f2f8a6363daff302136b"},
    {IpsecEncryption::TDES_CBC,
     IpsecIntegrity::HMAC_SHA2_256_128,
     TDES_KEY,
     TDES_IV,
     8,
     8,
     16,
     "c0ffee0100000005f0e1d2c3b4a59687be83904e7885e0d8afadf51fa7f9aefab2816fae12c6697f"
     "957ad21404472dfa55fa39a35ef2cb8c",
     "c0ffee0100000007f0e1d2c3b4a59687be83904e7885e0d8afadf51fa7f9aefab2816fae12c6697f"
     "25849121bcf8d9fefda9b7be8dd98601"},
    {IpsecEncryption::AES_128_CBC,
     IpsecIntegrity::HMAC_SHA1_96,
     AES128_KEY,
     AES_IV,
     16,
     16,
     12,
     "c0ffee0100000005a0a1a2a3a4a5a6a7a8a9aaabacadaeafc34974149dbebbef88af57509e562f7a"
     "46720f0b2f2687d7ff5643ccb75d2e69d6b8c8c9b97e2cb5d148a1ba",
     "c0ffee0100000007a0a1a2a3a4a5a6a7a8a9aaabacadaeafc34974149dbebbef88af57509e562f7a"
     "46720f0b2f2687d7ff5643ccb75d2e692f8931784baa9be22cc2d77f"},
    {IpsecEncryption::AES_128_CBC,
     IpsecIntegrity::HMAC_SHA2_256_128,
     AES128_KEY,
     AES_IV,
     16,
     16,
     16,
     "c0ffee0100000005a0a1a2a3a4a5a6a7a8a9aaabacadaeafc34974149dbebbef88af57509e562f7a"
     "46720f0b2f2687d7ff5643ccb75d2e6979c75cfc498965886d8646d6cd303c58",
     "c0ffee0100000007a0a1a2a3a4a5a6a7a8a9aaabacadaeafc34974149dbebbef88af57509e562f7a"
     "46720f0b2f2687d7ff5643ccb75d2e69bce496de2f2cff969a5999343c5a0137"},
    {IpsecEncryption::AES_256_CBC,
     IpsecIntegrity::HMAC_SHA1_96,
     AES256_KEY,
     AES_IV,
     16,
     16,
     12,
     "c0ffee0100000005a0a1a2a3a4a5a6a7a8a9aaabacadaeafe6ce892f7463828fb7e4cfd7fac3c362"
     "bd66311f597525f8825f345dc1c9fc6cfd83b2aafe483fdb596b4aa2",
     "c0ffee0100000007a0a1a2a3a4a5a6a7a8a9aaabacadaeafe6ce892f7463828fb7e4cfd7fac3c362"
     "bd66311f597525f8825f345dc1c9fc6c7db3f2909c042ac158acb832"},
    {IpsecEncryption::AES_256_CBC,
     IpsecIntegrity::HMAC_SHA2_256_128,
     AES256_KEY,
     AES_IV,
     16,
     16,
     16,
     "c0ffee0100000005a0a1a2a3a4a5a6a7a8a9aaabacadaeafe6ce892f7463828fb7e4cfd7fac3c362"
     "bd66311f597525f8825f345dc1c9fc6cfac2d98448f350d9323fed1c6d646286",
     "c0ffee0100000007a0a1a2a3a4a5a6a7a8a9aaabacadaeafe6ce892f7463828fb7e4cfd7fac3c362"
     "bd66311f597525f8825f345dc1c9fc6cc016304b07c2eb0342c578f3df08f2cb"},
    {IpsecEncryption::AES_128_GCM_16,
     IpsecIntegrity::NONE,
     GCM128_KEY,
     GCM_IV,
     8,
     4,
     16,
     "c0ffee0100000005facedbaddecaf888fbb22ce7d9f3488110ab28722b25f206650d897d3b355013"
     "092b42eea8478a389c70a3deb0894930",
     "c0ffee0100000007facedbaddecaf888fbb22ce7d9f3488110ab28722b25f206650d897d3b355013"
     "fea47eb2fcc8ea2c44d36409a78a4425"},
    {IpsecEncryption::AES_256_GCM_16,
     IpsecIntegrity::NONE,
     GCM256_KEY,
     GCM_IV,
     8,
     4,
     16,
     "c0ffee0100000005facedbaddecaf888eb1cf3d561d241a2afa63e66857164e7e29d248ea8d2343a"
     "6018abe7a07a1111543e34a31d273b93",
     "c0ffee0100000007facedbaddecaf888eb1cf3d561d241a2afa63e66857164e7e29d248ea8d2343a"
     "9c3e99b569ffec5fdc7aeb097fc20acf"},
    {IpsecEncryption::NULL_ENC,
     IpsecIntegrity::HMAC_SHA1_96,
     "",
     "",
     0,
     4,
     12,
     "c0ffee01000000056000000000003a40fe800000000000000000010102030329"
     "e53b29f5d0f04c0a3f6e8ea0",
     "c0ffee01000000076000000000003a40fe800000000000000000010102030329"
     "95bcf0ab70816681b451d040"},
};

/**
 * \param info the transform pair
 * \return e.g. "aes128-cbc + hmac-sha1-96"
 */
std::string
PairName(const PairInfo& info)
{
    return ToString(info.enc) + " + " + ToString(info.integ);
}

/**
 * \brief Builds the SA of the known-answer packets.
 * \param info the transform pair
 * \param esn whether ESN is on
 * \return the SA
 */
IpsecSecurityAssociation
MakeSa(const PairInfo& info, bool esn)
{
    IpsecSecurityAssociation sa;
    sa.spi = TEST_SPI;
    sa.encryption = info.enc;
    sa.encryptionKey = FromHex(info.encKey);
    sa.integrity = info.integ;
    if (info.integ == IpsecIntegrity::HMAC_SHA1_96)
    {
        sa.integrityKey = FromHex(SHA1_KEY);
    }
    else if (info.integ == IpsecIntegrity::HMAC_SHA2_256_128)
    {
        sa.integrityKey = FromHex(SHA256_KEY);
    }
    sa.esn = esn;
    return sa;
}

/**
 * \param length payload length
 * \param seed varies the content
 * \return a payload of that length
 */
std::vector<uint8_t>
MakePayload(uint32_t length, uint32_t seed)
{
    std::vector<uint8_t> payload(length);
    for (uint32_t i = 0; i < length; ++i)
    {
        payload[i] = static_cast<uint8_t>(seed * 31 + i * 7 + 3);
    }
    return payload;
}

/**
 * \param info the transform pair
 * \param seed varies the content
 * \return an IV of the right length
 */
std::vector<uint8_t>
MakeIv(const PairInfo& info, uint32_t seed)
{
    std::vector<uint8_t> iv(info.ivLength);
    for (uint32_t i = 0; i < info.ivLength; ++i)
    {
        iv[i] = static_cast<uint8_t>(seed * 13 + i * 17 + 1);
    }
    return iv;
}

/**
 * \param info the transform pair
 * \param payloadLength the payload length
 * \return the ESP length, computed from the RFC 4303 layout (not from the codec)
 */
uint32_t
ExpectedLength(const PairInfo& info, uint32_t payloadLength)
{
    const uint32_t a = info.alignment;
    const uint32_t body = (payloadLength + 2 + a - 1) / a * a;
    return 8 + info.ivLength + body + info.icvLength;
}

/**
 * \brief Appends a 32-bit value in network byte order.
 * \param out the buffer
 * \param value the value
 */
void
PutU32(std::vector<uint8_t>& out, uint32_t value)
{
    out.push_back(static_cast<uint8_t>(value >> 24));
    out.push_back(static_cast<uint8_t>(value >> 16));
    out.push_back(static_cast<uint8_t>(value >> 8));
    out.push_back(static_cast<uint8_t>(value));
}

/**
 * \brief The test's own ESP sealing from the primitives: any plaintext (the caller builds the
 * padding and trailer, right or wrong), a correct ICV.
 * \param info the transform pair
 * \param sa the SA
 * \param seq the full sequence number
 * \param iv the IV
 * \param plaintext payload | padding | pad length | next header, as the caller wants it
 * \return the ESP packet (empty if a primitive failed)
 */
std::vector<uint8_t>
HandSeal(const PairInfo& info,
         const IpsecSecurityAssociation& sa,
         uint64_t seq,
         const std::vector<uint8_t>& iv,
         const std::vector<uint8_t>& plaintext)
{
    std::vector<uint8_t> packet;
    PutU32(packet, sa.spi);
    PutU32(packet, static_cast<uint32_t>(seq));
    if (info.integ == IpsecIntegrity::NONE)
    {
        // RFC 4106: key | salt; nonce = salt | IV; AAD = SPI [| seq high] | seq low.
        const size_t keyLength = sa.encryptionKey.size() - 4;
        const std::vector<uint8_t> key(sa.encryptionKey.begin(),
                                       sa.encryptionKey.begin() + keyLength);
        std::vector<uint8_t> nonce(sa.encryptionKey.begin() + keyLength, sa.encryptionKey.end());
        nonce.insert(nonce.end(), iv.begin(), iv.end());
        std::vector<uint8_t> aad;
        PutU32(aad, sa.spi);
        if (sa.esn)
        {
            PutU32(aad, static_cast<uint32_t>(seq >> 32));
        }
        PutU32(aad, static_cast<uint32_t>(seq));
        std::vector<uint8_t> sealed;
        if (!CryptoCipher::GcmSeal(key, nonce, aad, plaintext, 16, sealed))
        {
            return {};
        }
        packet.insert(packet.end(), iv.begin(), iv.end());
        packet.insert(packet.end(), sealed.begin(), sealed.end());
        return packet;
    }
    packet.insert(packet.end(), iv.begin(), iv.end());
    if (info.enc == IpsecEncryption::NULL_ENC)
    {
        packet.insert(packet.end(), plaintext.begin(), plaintext.end());
    }
    else
    {
        std::vector<uint8_t> ciphertext;
        if (!CryptoCipher::CbcEncrypt(info.enc, sa.encryptionKey, iv, plaintext, ciphertext))
        {
            return {};
        }
        packet.insert(packet.end(), ciphertext.begin(), ciphertext.end());
    }
    std::vector<uint8_t> covered = packet;
    if (sa.esn)
    {
        PutU32(covered, static_cast<uint32_t>(seq >> 32));
    }
    const CryptoHash hash =
        info.integ == IpsecIntegrity::HMAC_SHA1_96 ? CryptoHash::SHA1 : CryptoHash::SHA2_256;
    const std::vector<uint8_t> mac = CryptoMac::Hmac(hash, sa.integrityKey, covered);
    packet.insert(packet.end(), mac.begin(), mac.begin() + info.icvLength);
    return packet;
}

/**
 * \brief payload | 1, 2, ..., padLength | padLength | nextHeader.
 * \param payload the payload
 * \param padLength the number of padding bytes
 * \param nextHeader the next header
 * \return the plaintext
 */
std::vector<uint8_t>
MakePlaintext(const std::vector<uint8_t>& payload, uint32_t padLength, uint8_t nextHeader)
{
    std::vector<uint8_t> plaintext = payload;
    for (uint32_t i = 1; i <= padLength; ++i)
    {
        plaintext.push_back(static_cast<uint8_t>(i));
    }
    plaintext.push_back(static_cast<uint8_t>(padLength));
    plaintext.push_back(nextHeader);
    return plaintext;
}

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Seal() reproduces independently computed ESP packets, and Open() recovers the payload.
 */
class IpsecEspKnownAnswerTestCase : public TestCase
{
  public:
    /**
     * \brief Constructor.
     * \param info the transform pair
     */
    explicit IpsecEspKnownAnswerTestCase(const PairInfo& info)
        : TestCase("ESP known answer, with and without ESN: " + PairName(info)),
          m_info(info)
    {
    }

  private:
    void DoRun() override;
    PairInfo m_info; ///< the transform pair
};

void
IpsecEspKnownAnswerTestCase::DoRun()
{
    const std::vector<uint8_t> payload = FromHex(KAT_PAYLOAD);
    const std::vector<uint8_t> iv = FromHex(m_info.iv);
    for (bool esn : {false, true})
    {
        const IpsecSecurityAssociation sa = MakeSa(m_info, esn);
        const uint64_t seq = esn ? KAT_SEQ_ESN : KAT_SEQ;
        const std::string expected = esn ? m_info.katEsn : m_info.kat;
        std::vector<uint8_t> esp;
        NS_TEST_ASSERT_MSG_EQ(IpsecEspCodec::Seal(sa, seq, payload, TEST_NEXT_HEADER, iv, esp),
                              true,
                              "Seal failed, esn " << esn);
        NS_TEST_EXPECT_MSG_EQ(ToHex(esp), expected, "ESP bytes, esn " << esn);

        std::vector<uint8_t> opened;
        uint8_t nextHeader = 0;
        NS_TEST_EXPECT_MSG_EQ(
            ToString(IpsecEspCodec::Open(sa, seq, FromHex(expected), opened, nextHeader)),
            ToString(IpsecDropReason::NONE),
            "Open of the reference packet, esn " << esn);
        NS_TEST_EXPECT_MSG_EQ(ToHex(opened), std::string(KAT_PAYLOAD), "payload, esn " << esn);
        NS_TEST_EXPECT_MSG_EQ(static_cast<uint32_t>(nextHeader),
                              static_cast<uint32_t>(TEST_NEXT_HEADER),
                              "next header, esn " << esn);

        uint32_t spi = 0;
        uint32_t seqLow = 0;
        NS_TEST_EXPECT_MSG_EQ(IpsecEspCodec::Peek(FromHex(expected), spi, seqLow), true, "Peek");
        NS_TEST_EXPECT_MSG_EQ(spi, TEST_SPI, "SPI");
        NS_TEST_EXPECT_MSG_EQ(seqLow, static_cast<uint32_t>(seq), "low sequence bits");
    }
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Seal() then Open() for payloads of 0 to 70 bytes, with and without ESN; the packet
 * equals the test's own construction from the primitives.
 */
class IpsecEspRoundTripTestCase : public TestCase
{
  public:
    /**
     * \brief Constructor.
     * \param info the transform pair
     */
    explicit IpsecEspRoundTripTestCase(const PairInfo& info)
        : TestCase("ESP round trip, payloads of 0..70 bytes, ESN on and off: " + PairName(info)),
          m_info(info)
    {
    }

  private:
    void DoRun() override;
    PairInfo m_info; ///< the transform pair
};

void
IpsecEspRoundTripTestCase::DoRun()
{
    for (bool esn : {false, true})
    {
        const IpsecSecurityAssociation sa = MakeSa(m_info, esn);
        for (uint32_t length = 0; length <= 70; ++length)
        {
            // With ESN the numbers lie above 2^32, so the high half matters.
            const uint64_t seq = esn ? 0x00000003fffffff0ULL + length * 0x10000001ULL : length + 1;
            const uint8_t nextHeader = static_cast<uint8_t>(length % 3 == 0 ? 41 : 4 + length);
            const std::vector<uint8_t> payload = MakePayload(length, esn ? 2 : 1);
            const std::vector<uint8_t> iv = MakeIv(m_info, length);
            std::vector<uint8_t> esp;
            NS_TEST_ASSERT_MSG_EQ(IpsecEspCodec::Seal(sa, seq, payload, nextHeader, iv, esp),
                                  true,
                                  "Seal, length " << length << " esn " << esn);
            NS_TEST_EXPECT_MSG_EQ(esp.size(),
                                  ExpectedLength(m_info, length),
                                  "ESP length, payload " << length << " esn " << esn);

            // The same packet, built by hand: minimal monotonic padding to the alignment.
            const uint32_t padLength =
                (m_info.alignment - (length + 2) % m_info.alignment) % m_info.alignment;
            const std::vector<uint8_t> expected =
                HandSeal(m_info, sa, seq, iv, MakePlaintext(payload, padLength, nextHeader));
            NS_TEST_EXPECT_MSG_EQ(ToHex(esp),
                                  ToHex(expected),
                                  "layout, payload " << length << " esn " << esn);

            std::vector<uint8_t> opened(3, 0xee);
            uint8_t openedNextHeader = 0;
            NS_TEST_EXPECT_MSG_EQ(
                ToString(IpsecEspCodec::Open(sa, seq, esp, opened, openedNextHeader)),
                ToString(IpsecDropReason::NONE),
                "Open, payload " << length << " esn " << esn);
            NS_TEST_EXPECT_MSG_EQ(ToHex(opened),
                                  ToHex(payload),
                                  "payload back, length " << length << " esn " << esn);
            NS_TEST_EXPECT_MSG_EQ(static_cast<uint32_t>(openedNextHeader),
                                  static_cast<uint32_t>(nextHeader),
                                  "next header back, length " << length << " esn " << esn);
        }
    }
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Any single modified byte (header, IV, ciphertext, ICV) fails the integrity check.
 */
class IpsecEspTamperTestCase : public TestCase
{
  public:
    /**
     * \brief Constructor.
     * \param info the transform pair
     */
    explicit IpsecEspTamperTestCase(const PairInfo& info)
        : TestCase("ESP: every single-byte modification gives BAD_ICV: " + PairName(info)),
          m_info(info)
    {
    }

  private:
    void DoRun() override;
    PairInfo m_info; ///< the transform pair
};

void
IpsecEspTamperTestCase::DoRun()
{
    for (bool esn : {false, true})
    {
        const IpsecSecurityAssociation sa = MakeSa(m_info, esn);
        const uint64_t seq = esn ? 0x0000000200000011ULL : 17;
        std::vector<uint8_t> esp;
        NS_TEST_ASSERT_MSG_EQ(
            IpsecEspCodec::Seal(sa, seq, MakePayload(37, 5), 41, MakeIv(m_info, 9), esp),
            true,
            "Seal");
        for (size_t i = 0; i < esp.size(); ++i)
        {
            for (uint8_t mask : {0x01, 0x80, 0xff})
            {
                std::vector<uint8_t> bad = esp;
                bad[i] ^= mask;
                std::vector<uint8_t> opened(3, 0xee);
                uint8_t nextHeader = 0;
                NS_TEST_EXPECT_MSG_EQ(
                    ToString(IpsecEspCodec::Open(sa, seq, bad, opened, nextHeader)),
                    ToString(IpsecDropReason::BAD_ICV),
                    "byte " << i << " ^ " << static_cast<uint32_t>(mask) << " esn " << esn);
                NS_TEST_EXPECT_MSG_EQ(opened.size(), 0, "nothing released, byte " << i);
            }
        }
    }
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief With ESN the high sequence bits are authenticated; without ESN they are not used.
 */
class IpsecEspEsnTestCase : public TestCase
{
  public:
    /**
     * \brief Constructor.
     * \param info the transform pair
     */
    explicit IpsecEspEsnTestCase(const PairInfo& info)
        : TestCase("ESP ESN: wrong high sequence bits give BAD_ICV: " + PairName(info)),
          m_info(info)
    {
    }

  private:
    void DoRun() override;
    PairInfo m_info; ///< the transform pair
};

void
IpsecEspEsnTestCase::DoRun()
{
    const std::vector<uint8_t> payload = MakePayload(40, 7);
    const std::vector<uint8_t> iv = MakeIv(m_info, 3);
    const uint64_t seq = 0x0000000500000009ULL;
    std::vector<uint8_t> opened;
    uint8_t nextHeader = 0;

    const IpsecSecurityAssociation esnSa = MakeSa(m_info, true);
    std::vector<uint8_t> esp;
    NS_TEST_ASSERT_MSG_EQ(IpsecEspCodec::Seal(esnSa, seq, payload, 41, iv, esp), true, "Seal");
    uint32_t spi = 0;
    uint32_t seqLow = 0;
    NS_TEST_ASSERT_MSG_EQ(IpsecEspCodec::Peek(esp, spi, seqLow), true, "Peek");
    NS_TEST_EXPECT_MSG_EQ(seqLow, 9, "only the low 32 bits are on the wire");
    NS_TEST_EXPECT_MSG_EQ(ToString(IpsecEspCodec::Open(esnSa, seq, esp, opened, nextHeader)),
                          ToString(IpsecDropReason::NONE),
                          "right high bits");
    for (uint64_t wrong : {0x0000000400000009ULL,
                           0x0000000600000009ULL,
                           0x0000000000000009ULL,
                           0x8000000500000009ULL})
    {
        NS_TEST_EXPECT_MSG_EQ(ToString(IpsecEspCodec::Open(esnSa, wrong, esp, opened, nextHeader)),
                              ToString(IpsecDropReason::BAD_ICV),
                              "wrong high bits " << (wrong >> 32));
        NS_TEST_EXPECT_MSG_EQ(opened.size(), 0, "nothing released");
    }

    // The ESN packet does not verify under the same SA without ESN, and the reverse.
    const IpsecSecurityAssociation plainSa = MakeSa(m_info, false);
    NS_TEST_EXPECT_MSG_EQ(ToString(IpsecEspCodec::Open(plainSa, seq, esp, opened, nextHeader)),
                          ToString(IpsecDropReason::BAD_ICV),
                          "ESN packet, SA without ESN");
    std::vector<uint8_t> plainEsp;
    NS_TEST_ASSERT_MSG_EQ(IpsecEspCodec::Seal(plainSa, 9, payload, 41, iv, plainEsp),
                          true,
                          "Seal without ESN");
    NS_TEST_EXPECT_MSG_NE(ToHex(plainEsp), ToHex(esp), "ESN changes the ICV");
    NS_TEST_EXPECT_MSG_EQ(ToString(IpsecEspCodec::Open(esnSa, 9, plainEsp, opened, nextHeader)),
                          ToString(IpsecDropReason::BAD_ICV),
                          "packet without ESN, SA with ESN (high bits 0)");

    // Without ESN only the 32 bits on the wire count: the high half of seq is ignored.
    NS_TEST_EXPECT_MSG_EQ(ToString(IpsecEspCodec::Open(plainSa, seq, plainEsp, opened, nextHeader)),
                          ToString(IpsecDropReason::NONE),
                          "no ESN: high bits are not authenticated");
    NS_TEST_EXPECT_MSG_EQ(ToHex(opened), ToHex(payload), "payload");
    std::vector<uint8_t> plainEspHigh;
    NS_TEST_ASSERT_MSG_EQ(IpsecEspCodec::Seal(plainSa, seq, payload, 41, iv, plainEspHigh),
                          true,
                          "Seal without ESN, seq above 2^32");
    NS_TEST_EXPECT_MSG_EQ(ToHex(plainEspHigh), ToHex(plainEsp), "no ESN: same packet");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Every truncation (and small extension) of a packet is MALFORMED or BAD_ICV, exactly as
 * the length rules say; nothing crashes.
 */
class IpsecEspTruncationTestCase : public TestCase
{
  public:
    /**
     * \brief Constructor.
     * \param info the transform pair
     */
    explicit IpsecEspTruncationTestCase(const PairInfo& info)
        : TestCase("ESP: truncated and extended packets are MALFORMED or BAD_ICV: " +
                   PairName(info)),
          m_info(info)
    {
    }

  private:
    void DoRun() override;
    PairInfo m_info; ///< the transform pair
};

void
IpsecEspTruncationTestCase::DoRun()
{
    const IpsecSecurityAssociation sa = MakeSa(m_info, true);
    const uint64_t seq = 0x0000000100000001ULL;
    for (uint32_t payloadLength : {0U, 37U})
    {
        std::vector<uint8_t> esp;
        NS_TEST_ASSERT_MSG_EQ(
            IpsecEspCodec::Seal(sa, seq, MakePayload(payloadLength, 1), 41, MakeIv(m_info, 2), esp),
            true,
            "Seal");
        // Shortest packet: header, IV, one aligned block, ICV.
        const size_t minimum = 8 + m_info.ivLength + m_info.alignment + m_info.icvLength;
        std::vector<uint8_t> longer = esp;
        for (uint32_t i = 0; i < 2 * m_info.alignment; ++i)
        {
            longer.push_back(static_cast<uint8_t>(0xa5 + i));
        }
        for (size_t length = 0; length <= longer.size(); ++length)
        {
            if (length == esp.size())
            {
                continue; // the intact packet
            }
            const std::vector<uint8_t> cut(longer.begin(), longer.begin() + length);
            const bool aligned =
                length >= minimum &&
                (length - 8 - m_info.ivLength - m_info.icvLength) % m_info.alignment == 0;
            std::vector<uint8_t> opened(3, 0xee);
            uint8_t nextHeader = 0;
            NS_TEST_EXPECT_MSG_EQ(
                ToString(IpsecEspCodec::Open(sa, seq, cut, opened, nextHeader)),
                ToString(aligned ? IpsecDropReason::BAD_ICV : IpsecDropReason::MALFORMED),
                "length " << length << " of " << esp.size());
            NS_TEST_EXPECT_MSG_EQ(opened.size(), 0, "nothing released, length " << length);
        }
    }
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Packets with a valid ICV but wrong padding give BAD_PADDING; unusual but valid padding
 * is accepted.
 */
class IpsecEspPaddingTestCase : public TestCase
{
  public:
    /**
     * \brief Constructor.
     * \param info the transform pair
     */
    explicit IpsecEspPaddingTestCase(const PairInfo& info)
        : TestCase("ESP: wrong padding under a valid ICV gives BAD_PADDING: " + PairName(info)),
          m_info(info)
    {
    }

  private:
    void DoRun() override;
    PairInfo m_info; ///< the transform pair
};

void
IpsecEspPaddingTestCase::DoRun()
{
    // The plaintext is three aligned blocks: a payload, 3 padding bytes and the trailer.
    const uint32_t size = 3 * m_info.alignment;
    for (bool esn : {false, true})
    {
        const IpsecSecurityAssociation sa = MakeSa(m_info, esn);
        const uint64_t seq = esn ? 0x0000000200000003ULL : 3;
        const std::vector<uint8_t> iv = MakeIv(m_info, 4);
        const std::vector<uint8_t> payload = MakePayload(size - 2 - 3, 8);

        struct Case
        {
            std::string what;
            std::vector<uint8_t> plaintext;
            IpsecDropReason expected;
            uint32_t payloadLength; ///< when accepted
        };

        std::vector<Case> cases;
        cases.push_back({"correct padding 1,2,3",
                         MakePlaintext(payload, 3, 41),
                         IpsecDropReason::NONE,
                         size - 5});
        std::vector<uint8_t> p = MakePlaintext(payload, 3, 41);
        p[size - 3] = 4; // 1, 2, 4
        cases.push_back({"last pad byte wrong", p, IpsecDropReason::BAD_PADDING, 0});
        p = MakePlaintext(payload, 3, 41);
        p[size - 5] = 0; // 0, 2, 3
        cases.push_back({"first pad byte wrong", p, IpsecDropReason::BAD_PADDING, 0});
        p = MakePlaintext(payload, 3, 41);
        p[size - 2] = 2; // pad length 2, but the byte before the padding is a 3
        cases.push_back({"pad length one short", p, IpsecDropReason::BAD_PADDING, 0});
        p = MakePlaintext(payload, 3, 41);
        p[size - 2] = 4; // pad length 4 covers a payload byte
        cases.push_back({"pad length one long", p, IpsecDropReason::BAD_PADDING, 0});
        // All of the plaintext but the trailer is padding: valid, empty payload.
        cases.push_back({"all padding", MakePlaintext({}, size - 2, 59), IpsecDropReason::NONE, 0});
        p = MakePlaintext({}, size - 2, 59);
        p[size - 2] = static_cast<uint8_t>(size - 1); // one byte more than there is
        cases.push_back(
            {"pad length exceeds the plaintext by 1", p, IpsecDropReason::BAD_PADDING, 0});
        p[size - 2] = 255;
        cases.push_back({"pad length 255", p, IpsecDropReason::BAD_PADDING, 0});
        // More padding than needed (one extra block) is allowed (RFC 4303 §2.4).
        const std::vector<uint8_t> shortPayload = MakePayload(size - 2 - 3 - m_info.alignment, 9);
        cases.push_back({"extra block of padding",
                         MakePlaintext(shortPayload, 3 + m_info.alignment, 41),
                         IpsecDropReason::NONE,
                         size - 5 - m_info.alignment});

        for (const auto& c : cases)
        {
            NS_TEST_ASSERT_MSG_EQ(c.plaintext.size(), size, "test setup: " << c.what);
            const std::vector<uint8_t> esp = HandSeal(m_info, sa, seq, iv, c.plaintext);
            NS_TEST_ASSERT_MSG_EQ(esp.size(),
                                  8 + m_info.ivLength + size + m_info.icvLength,
                                  "test setup: hand-built packet, " << c.what);
            std::vector<uint8_t> opened(3, 0xee);
            uint8_t nextHeader = 0;
            NS_TEST_EXPECT_MSG_EQ(ToString(IpsecEspCodec::Open(sa, seq, esp, opened, nextHeader)),
                                  ToString(c.expected),
                                  c.what << ", esn " << esn);
            if (c.expected == IpsecDropReason::NONE)
            {
                NS_TEST_EXPECT_MSG_EQ(
                    ToHex(opened),
                    ToHex(std::vector<uint8_t>(c.plaintext.begin(),
                                               c.plaintext.begin() + c.payloadLength)),
                    c.what);
                NS_TEST_EXPECT_MSG_EQ(static_cast<uint32_t>(nextHeader),
                                      static_cast<uint32_t>(c.plaintext.back()),
                                      c.what);
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ(opened.size(), 0, "nothing released: " << c.what);
            }
        }
    }
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief GetProtectedLength() and GetIcvLength() agree with Seal() and with the RFC layout.
 */
class IpsecEspLengthTestCase : public TestCase
{
  public:
    /**
     * \brief Constructor.
     * \param info the transform pair
     */
    explicit IpsecEspLengthTestCase(const PairInfo& info)
        : TestCase("ESP: GetProtectedLength and GetIcvLength agree with Seal: " + PairName(info)),
          m_info(info)
    {
    }

  private:
    void DoRun() override;
    PairInfo m_info; ///< the transform pair
};

void
IpsecEspLengthTestCase::DoRun()
{
    for (bool esn : {false, true})
    {
        const IpsecSecurityAssociation sa = MakeSa(m_info, esn);
        NS_TEST_EXPECT_MSG_EQ(IpsecEspCodec::GetIcvLength(sa), m_info.icvLength, "ICV length");
        std::vector<uint32_t> lengths;
        for (uint32_t length = 0; length <= 70; ++length)
        {
            lengths.push_back(length);
        }
        for (uint32_t length : {100U, 253U, 254U, 255U, 256U, 1000U, 1280U, 1400U, 1500U})
        {
            lengths.push_back(length);
        }
        for (uint32_t length : lengths)
        {
            std::vector<uint8_t> esp;
            NS_TEST_ASSERT_MSG_EQ(
                IpsecEspCodec::Seal(sa, 1, MakePayload(length, 3), 41, MakeIv(m_info, 1), esp),
                true,
                "Seal, length " << length);
            NS_TEST_EXPECT_MSG_EQ(IpsecEspCodec::GetProtectedLength(sa, length),
                                  esp.size(),
                                  "GetProtectedLength vs Seal, payload " << length);
            NS_TEST_EXPECT_MSG_EQ(IpsecEspCodec::GetProtectedLength(sa, length),
                                  ExpectedLength(m_info, length),
                                  "GetProtectedLength vs RFC 4303 layout, payload " << length);
        }
    }
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Wrong IVs, unusable SAs and short inputs are refused without crashing.
 */
class IpsecEspErrorTestCase : public TestCase
{
  public:
    IpsecEspErrorTestCase()
        : TestCase("ESP: wrong IV lengths, unusable SAs and short headers are refused")
    {
    }

  private:
    void DoRun() override;
};

void
IpsecEspErrorTestCase::DoRun()
{
    const std::vector<uint8_t> payload = MakePayload(20, 1);
    std::vector<uint8_t> esp;
    std::vector<uint8_t> opened;
    uint8_t nextHeader = 0;

    for (const auto& info : g_pairs)
    {
        const IpsecSecurityAssociation sa = MakeSa(info, false);
        for (uint32_t ivLength : {0U, 4U, 8U, 12U, 16U, 32U})
        {
            if (ivLength == info.ivLength)
            {
                continue;
            }
            esp.assign(3, 0xee);
            NS_TEST_EXPECT_MSG_EQ(
                IpsecEspCodec::Seal(sa, 1, payload, 41, std::vector<uint8_t>(ivLength, 1), esp),
                false,
                PairName(info) << " with a " << ivLength << "-byte IV");
            NS_TEST_EXPECT_MSG_EQ(esp.size(), 0, "no output");
        }
    }

    // SAs that cannot protect anything: a bad transform pair or wrong key lengths.
    IpsecSecurityAssociation good = MakeSa(g_pairs[2], false); // aes128-cbc with hmac-sha1-96
    const std::vector<uint8_t> iv = FromHex(AES_IV);
    std::vector<uint8_t> goodEsp;
    NS_TEST_ASSERT_MSG_EQ(IpsecEspCodec::Seal(good, 1, payload, 41, iv, goodEsp), true, "good SA");

    std::vector<std::pair<std::string, IpsecSecurityAssociation>> unusable;
    IpsecSecurityAssociation sa = good;
    sa.integrity = IpsecIntegrity::NONE;
    sa.integrityKey.clear();
    unusable.emplace_back("CBC without integrity", sa);
    sa = good;
    sa.encryptionKey.pop_back();
    unusable.emplace_back("15-byte AES-128 key", sa);
    sa = good;
    sa.integrityKey.push_back(0);
    unusable.emplace_back("21-byte HMAC-SHA1 key", sa);
    sa = good;
    sa.encryption = IpsecEncryption::AES_256_CBC;
    unusable.emplace_back("AES-256 with a 16-byte key", sa);
    sa = MakeSa(g_pairs[6], false); // aes128-gcm16
    sa.integrity = IpsecIntegrity::HMAC_SHA1_96;
    sa.integrityKey = FromHex(SHA1_KEY);
    unusable.emplace_back("GCM with separate integrity", sa);
    sa = MakeSa(g_pairs[6], false);
    sa.encryptionKey.resize(16);
    unusable.emplace_back("GCM key without salt", sa);

    for (const auto& [what, bad] : unusable)
    {
        esp.assign(3, 0xee);
        NS_TEST_EXPECT_MSG_EQ(
            IpsecEspCodec::Seal(bad,
                                1,
                                payload,
                                41,
                                std::vector<uint8_t>(GetEncryptionIvLength(bad.encryption), 1),
                                esp),
            false,
            "Seal: " << what);
        NS_TEST_EXPECT_MSG_EQ(esp.size(), 0, "no output: " << what);
        NS_TEST_EXPECT_MSG_EQ(ToString(IpsecEspCodec::Open(bad, 1, goodEsp, opened, nextHeader)),
                              ToString(IpsecDropReason::MALFORMED),
                              "Open: " << what);
    }

    // Peek needs the 8-byte header.
    uint32_t spi = 1;
    uint32_t seqLow = 2;
    const std::vector<uint8_t> header = FromHex("0102030405060708ff");
    for (size_t length = 0; length < 8; ++length)
    {
        NS_TEST_EXPECT_MSG_EQ(
            IpsecEspCodec::Peek(std::vector<uint8_t>(header.begin(), header.begin() + length),
                                spi,
                                seqLow),
            false,
            "Peek with " << length << " bytes");
    }
    NS_TEST_EXPECT_MSG_EQ(
        IpsecEspCodec::Peek(std::vector<uint8_t>(header.begin(), header.begin() + 8), spi, seqLow),
        true,
        "Peek with 8 bytes");
    NS_TEST_EXPECT_MSG_EQ(spi, 0x01020304U, "SPI in network order");
    NS_TEST_EXPECT_MSG_EQ(seqLow, 0x05060708U, "sequence number in network order");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The ESP codec suite.
 */
class IpsecEspCodecTestSuite : public TestSuite
{
  public:
    IpsecEspCodecTestSuite()
        : TestSuite("cxtp-ipsec-esp-codec", TestSuite::UNIT)
    {
        for (const auto& info : g_pairs)
        {
            AddTestCase(new IpsecEspKnownAnswerTestCase(info), TestCase::QUICK);
            AddTestCase(new IpsecEspRoundTripTestCase(info), TestCase::QUICK);
            AddTestCase(new IpsecEspTamperTestCase(info), TestCase::QUICK);
            AddTestCase(new IpsecEspEsnTestCase(info), TestCase::QUICK);
            AddTestCase(new IpsecEspTruncationTestCase(info), TestCase::QUICK);
            AddTestCase(new IpsecEspPaddingTestCase(info), TestCase::QUICK);
            AddTestCase(new IpsecEspLengthTestCase(info), TestCase::QUICK);
        }
        AddTestCase(new IpsecEspErrorTestCase, TestCase::QUICK);
    }
};

static IpsecEspCodecTestSuite g_ipsecEspCodecTestSuite; ///< the static instance registers the suite
