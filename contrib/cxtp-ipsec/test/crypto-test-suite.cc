/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
/*
 * Known-answer and failure tests for CryptoCipher, CryptoMac, CryptoRandom and CryptoRandStream.
 *
 * Origin of the vectors (each is also named next to its use):
 * - AES-128-CBC: RFC 3602 §4 case #1; AES-128-CBC and AES-256-CBC: NIST SP 800-38A F.2.1 and
 *   F.2.5. All three were cross-checked with the OpenSSL 3.0 command line, e.g.
 *     openssl enc -aes-128-cbc -K 2b7e151628aed2a6abf7158809cf4f3c \
 *         -iv 000102030405060708090a0b0c0d0e0f -nopad -in f2.bin | xxd -p -c 256
 *     openssl enc -aes-256-cbc \
 *         -K 603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4 \
 *         -iv 000102030405060708090a0b0c0d0e0f -nopad -in f2.bin | xxd -p -c 256
 *   (f2.bin = the 64-byte SP 800-38A plaintext 6bc1bee2...e66c3710.)
 * - 3DES-CBC: produced with the OpenSSL 3.0 command line:
 *     printf 'Now is the time for all ' | openssl enc -des-ede3-cbc \
 *         -K 0123456789abcdef23456789abcdef01456789abcdef0123 -iv 1234567890abcdef -nopad \
 *         | xxd -p -c 256
 * - AES-GCM: McGrew/Viega, "The Galois/Counter Mode of Operation (GCM)", test cases 1, 2, 4
 *   (AES-128) and 16 (AES-256); confirmed with a standalone libcrypto program.
 * - HMAC-SHA1: RFC 2202 §3 test cases 1, 2 and 6; HMAC-SHA-256: RFC 4231 §4.2, §4.3, §4.7
 *   (test cases 1, 2 and 6).
 * - CryptoRandStream: SHA-256("abc" || counter) for counters 0 and 1, produced with
 *   /usr/bin/python3: hashlib.sha256(b'abc' + (i).to_bytes(8, 'big')).hexdigest().
 * - Digests of "abc": RFC 1321 A.5 (MD5), FIPS 180-2 A.1 (SHA-1), FIPS 180-2 B.1 (SHA-256);
 *   SHA-256 of the empty string and the empty-key HMACs were produced with /usr/bin/python3:
 *     hashlib.sha256(b'').hexdigest()
 *     hmac.new(b'', b'', hashlib.sha1).hexdigest(), hmac.new(b'', b'', hashlib.sha256).hexdigest()
 *   (the RFC 2202 / RFC 4231 values were also re-derived with Python's hmac module).
 */

#include "ns3/crypto-cipher.h"
#include "ns3/crypto-mac.h"
#include "ns3/crypto-rand-stream.h"
#include "ns3/crypto-random.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/test.h"

#include <algorithm>
#include <openssl/rand.h>
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

/**
 * \param text ASCII text
 * \return its bytes
 */
std::vector<uint8_t>
FromText(const std::string& text)
{
    return std::vector<uint8_t>(text.begin(), text.end());
}

/// One CBC known-answer vector.
struct CbcVector
{
    const char* origin;     ///< where the vector comes from
    IpsecEncryption alg;    ///< the cipher
    const char* key;        ///< key, hex
    const char* iv;         ///< IV, hex
    const char* plaintext;  ///< plaintext, hex
    const char* ciphertext; ///< expected ciphertext, hex
};

/// SP 800-38A F.2 plaintext (four blocks).
const char* const SP800_38A_PLAINTEXT = "6bc1bee22e409f96e93d7e117393172a"
                                        "ae2d8a571e03ac9c9eb76fac45af8e51"
                                        "30c81c46a35ce411e5fbc1191a0a52ef"
                                        "f69f2445df4f9b17ad2b417be66c3710";

/// The CBC vectors.
const CbcVector g_cbcVectors[] = {
    {"RFC 3602 §4 case #1 (AES-128-CBC, 'Single block msg')",
     IpsecEncryption::AES_128_CBC,
     "06a9214036b8a15b512e03d534120006",
     "3dafba429d9eb430b422da802c9fac41",
     "53696e676c6520626c6f636b206d7367",
     "e353779c1079aeb82708942dbe77181a"},
    {"NIST SP 800-38A F.2.1 CBC-AES128.Encrypt",
     IpsecEncryption::AES_128_CBC,
     "2b7e151628aed2a6abf7158809cf4f3c",
     "000102030405060708090a0b0c0d0e0f",
     SP800_38A_PLAINTEXT,
     "7649abac8119b246cee98e9b12e9197d"
     "5086cb9b507219ee95db113a917678b2"
     "73bed6b8e3c1743b7116e69e22229516"
     "3ff1caa1681fac09120eca307586e1a7"},
    {"NIST SP 800-38A F.2.5 CBC-AES256.Encrypt",
     IpsecEncryption::AES_256_CBC,
     "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
     "000102030405060708090a0b0c0d0e0f",
     SP800_38A_PLAINTEXT,
     "f58c4c04d6e5f1ba779eabfb5f7bfbd6"
     "9cfc4e967edb808d679f777bc6702c7d"
     "39f23369a9d9bacfa530e26304231461"
     "b2eb05e2c39be9fcda6c19078c6a9d1b"},
    {"openssl enc -des-ede3-cbc -nopad ('Now is the time for all ')",
     IpsecEncryption::TDES_CBC,
     "0123456789abcdef23456789abcdef01456789abcdef0123",
     "1234567890abcdef",
     "4e6f77206973207468652074696d6520666f7220616c6c20",
     "f3c0ff026c023089656fbb169def7edb30ba36075d6f0176"},
};

/// One GCM known-answer vector (McGrew/Viega GCM specification, appendix B).
struct GcmVector
{
    const char* origin;     ///< test case
    const char* key;        ///< AES key, hex
    const char* nonce;      ///< 96-bit IV, hex
    const char* aad;        ///< additional data, hex
    const char* plaintext;  ///< plaintext, hex
    const char* ciphertext; ///< expected ciphertext, hex
    const char* tag;        ///< expected 128-bit tag, hex
};

/// Test case 4 and 16 plaintext (60 bytes).
const char* const GCM_PLAINTEXT_60 = "d9313225f88406e5a55909c5aff5269a"
                                     "86a7a9531534f7da2e4c303d8a318a72"
                                     "1c3c0c95956809532fcf0e2449a6b525"
                                     "b16aedf5aa0de657ba637b39";

/// The GCM vectors.
const GcmVector g_gcmVectors[] = {
    {"McGrew/Viega GCM test case 1 (AES-128, empty)",
     "00000000000000000000000000000000",
     "000000000000000000000000",
     "",
     "",
     "",
     "58e2fccefa7e3061367f1d57a4e7455a"},
    {"McGrew/Viega GCM test case 2 (AES-128, one zero block)",
     "00000000000000000000000000000000",
     "000000000000000000000000",
     "",
     "00000000000000000000000000000000",
     "0388dace60b6a392f328c2b971b2fe78",
     "ab6e47d42cec13bdf53a67b21257bddf"},
    {"McGrew/Viega GCM test case 4 (AES-128, AAD, 60 bytes)",
     "feffe9928665731c6d6a8f9467308308",
     "cafebabefacedbaddecaf888",
     "feedfacedeadbeeffeedfacedeadbeefabaddad2",
     GCM_PLAINTEXT_60,
     "42831ec2217774244b7221b784d0d49c"
     "e3aa212f2c02a4e035c17e2329aca12e"
     "21d514b25466931c7d8f6a5aac84aa05"
     "1ba30b396a0aac973d58e091",
     "5bc94fbc3221a5db94fae95ae7121a47"},
    {"McGrew/Viega GCM test case 16 (AES-256, AAD, 60 bytes)",
     "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
     "cafebabefacedbaddecaf888",
     "feedfacedeadbeeffeedfacedeadbeefabaddad2",
     GCM_PLAINTEXT_60,
     "522dc1f099567d07f47f37a32a84427d"
     "643a8cdcbfe5c0c97598a2bd2555d1aa"
     "8cb08e48590dbb3da7b08b1056828838"
     "c5f61e6393ba7a0abcc9f662",
     "76fc6ece0f4e1768cddf8853bb2d551b"},
};

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief CBC encryption and decryption reproduce the published vectors.
 */
class CryptoCipherCbcKnownAnswerTestCase : public TestCase
{
  public:
    CryptoCipherCbcKnownAnswerTestCase()
        : TestCase("CBC (AES-128, AES-256, 3DES) matches RFC 3602, SP 800-38A and openssl vectors")
    {
    }

  private:
    void DoRun() override;
};

void
CryptoCipherCbcKnownAnswerTestCase::DoRun()
{
    for (const auto& v : g_cbcVectors)
    {
        const std::vector<uint8_t> key = FromHex(v.key);
        const std::vector<uint8_t> iv = FromHex(v.iv);
        const std::vector<uint8_t> plaintext = FromHex(v.plaintext);
        std::vector<uint8_t> ciphertext;
        NS_TEST_ASSERT_MSG_EQ(CryptoCipher::CbcEncrypt(v.alg, key, iv, plaintext, ciphertext),
                              true,
                              v.origin << ": encryption failed");
        NS_TEST_EXPECT_MSG_EQ(ToHex(ciphertext), std::string(v.ciphertext), v.origin);

        std::vector<uint8_t> decrypted;
        NS_TEST_ASSERT_MSG_EQ(
            CryptoCipher::CbcDecrypt(v.alg, key, iv, FromHex(v.ciphertext), decrypted),
            true,
            v.origin << ": decryption failed");
        NS_TEST_EXPECT_MSG_EQ(ToHex(decrypted), std::string(v.plaintext), v.origin);
    }
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief CBC rejects wrong key, IV and data lengths and non-CBC transforms.
 */
class CryptoCipherCbcErrorTestCase : public TestCase
{
  public:
    CryptoCipherCbcErrorTestCase()
        : TestCase("CBC rejects wrong key, IV and data lengths and non-CBC transforms")
    {
    }

  private:
    void DoRun() override;
};

void
CryptoCipherCbcErrorTestCase::DoRun()
{
    const std::vector<uint8_t> key16(16, 0x11);
    const std::vector<uint8_t> key24(24, 0x22);
    const std::vector<uint8_t> key32(32, 0x33);
    const std::vector<uint8_t> iv8(8, 0x44);
    const std::vector<uint8_t> iv16(16, 0x55);
    const std::vector<uint8_t> data32(32, 0x66);
    std::vector<uint8_t> out(5, 0xee);

    // Sanity: the good combinations work, so that the failures below are due to one wrong input.
    NS_TEST_ASSERT_MSG_EQ(
        CryptoCipher::CbcEncrypt(IpsecEncryption::AES_128_CBC, key16, iv16, data32, out),
        true,
        "AES-128 with good lengths");
    NS_TEST_ASSERT_MSG_EQ(out.size(), 32, "ciphertext as long as the plaintext");
    NS_TEST_ASSERT_MSG_EQ(
        CryptoCipher::CbcEncrypt(IpsecEncryption::TDES_CBC, key24, iv8, data32, out),
        true,
        "3DES with good lengths");
    NS_TEST_ASSERT_MSG_EQ(
        CryptoCipher::CbcEncrypt(IpsecEncryption::AES_256_CBC, key32, iv16, data32, out),
        true,
        "AES-256 with good lengths");

    struct Bad
    {
        const char* what;
        IpsecEncryption alg;
        std::vector<uint8_t> key;
        std::vector<uint8_t> iv;
        std::vector<uint8_t> data;
    };

    const Bad bad[] = {
        {"AES-128 with a 32-byte key", IpsecEncryption::AES_128_CBC, key32, iv16, data32},
        {"AES-128 with a 15-byte key",
         IpsecEncryption::AES_128_CBC,
         std::vector<uint8_t>(15, 1),
         iv16,
         data32},
        {"AES-256 with a 16-byte key", IpsecEncryption::AES_256_CBC, key16, iv16, data32},
        {"3DES with a 16-byte key", IpsecEncryption::TDES_CBC, key16, iv8, data32},
        {"AES-128 with an 8-byte IV", IpsecEncryption::AES_128_CBC, key16, iv8, data32},
        {"AES-128 with no IV", IpsecEncryption::AES_128_CBC, key16, {}, data32},
        {"3DES with a 16-byte IV", IpsecEncryption::TDES_CBC, key24, iv16, data32},
        {"AES-128 with 31 bytes",
         IpsecEncryption::AES_128_CBC,
         key16,
         iv16,
         {data32.begin() + 1, data32.end()}},
        {"AES-128 with 8 bytes", IpsecEncryption::AES_128_CBC, key16, iv16, iv8},
        {"3DES with 12 bytes", IpsecEncryption::TDES_CBC, key24, iv8, std::vector<uint8_t>(12, 7)},
        {"NULL is not a CBC cipher", IpsecEncryption::NULL_ENC, {}, {}, data32},
        {"AES-128-GCM is not a CBC cipher",
         IpsecEncryption::AES_128_GCM_16,
         std::vector<uint8_t>(20, 1),
         iv8,
         data32},
        {"AES-256-GCM is not a CBC cipher",
         IpsecEncryption::AES_256_GCM_16,
         std::vector<uint8_t>(36, 1),
         iv8,
         data32},
    };

    for (const auto& b : bad)
    {
        out.assign(5, 0xee);
        NS_TEST_EXPECT_MSG_EQ(CryptoCipher::CbcEncrypt(b.alg, b.key, b.iv, b.data, out),
                              false,
                              "encrypt: " << b.what);
        NS_TEST_EXPECT_MSG_EQ(out.size(), 0, "encrypt output cleared: " << b.what);
        out.assign(5, 0xee);
        NS_TEST_EXPECT_MSG_EQ(CryptoCipher::CbcDecrypt(b.alg, b.key, b.iv, b.data, out),
                              false,
                              "decrypt: " << b.what);
        NS_TEST_EXPECT_MSG_EQ(out.size(), 0, "decrypt output cleared: " << b.what);
    }

    // Zero blocks is a multiple of the block size: nothing to do, but not an error.
    out.assign(5, 0xee);
    NS_TEST_EXPECT_MSG_EQ(
        CryptoCipher::CbcEncrypt(IpsecEncryption::AES_128_CBC, key16, iv16, {}, out),
        true,
        "empty input");
    NS_TEST_EXPECT_MSG_EQ(out.size(), 0, "empty output");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief AES-GCM sealing and opening reproduce the McGrew/Viega vectors.
 */
class CryptoCipherGcmKnownAnswerTestCase : public TestCase
{
  public:
    CryptoCipherGcmKnownAnswerTestCase()
        : TestCase("AES-GCM matches the McGrew-Viega GCM specification test cases 1, 2, 4, 16")
    {
    }

  private:
    void DoRun() override;
};

void
CryptoCipherGcmKnownAnswerTestCase::DoRun()
{
    for (const auto& v : g_gcmVectors)
    {
        const std::vector<uint8_t> key = FromHex(v.key);
        const std::vector<uint8_t> nonce = FromHex(v.nonce);
        const std::vector<uint8_t> aad = FromHex(v.aad);
        std::vector<uint8_t> sealed;
        NS_TEST_ASSERT_MSG_EQ(
            CryptoCipher::GcmSeal(key, nonce, aad, FromHex(v.plaintext), 16, sealed),
            true,
            v.origin << ": seal failed");
        NS_TEST_EXPECT_MSG_EQ(ToHex(sealed),
                              std::string(v.ciphertext) + std::string(v.tag),
                              v.origin);

        std::vector<uint8_t> opened(3, 0xee);
        NS_TEST_ASSERT_MSG_EQ(CryptoCipher::GcmOpen(key,
                                                    nonce,
                                                    aad,
                                                    FromHex(std::string(v.ciphertext) + v.tag),
                                                    16,
                                                    opened),
                              true,
                              v.origin << ": open failed");
        NS_TEST_EXPECT_MSG_EQ(ToHex(opened), std::string(v.plaintext), v.origin);

        // A truncated tag is the leftmost bytes of the full tag (SP 800-38D §7.1).
        NS_TEST_ASSERT_MSG_EQ(
            CryptoCipher::GcmSeal(key, nonce, aad, FromHex(v.plaintext), 12, sealed),
            true,
            v.origin << ": seal with a 12-byte tag failed");
        NS_TEST_EXPECT_MSG_EQ(ToHex(sealed),
                              std::string(v.ciphertext) + std::string(v.tag).substr(0, 24),
                              v.origin << " (12-byte tag)");
    }
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief AES-GCM refuses a wrong tag, ciphertext, AAD, nonce, key or length.
 */
class CryptoCipherGcmErrorTestCase : public TestCase
{
  public:
    CryptoCipherGcmErrorTestCase()
        : TestCase("AES-GCM rejects a tag mismatch and wrong keys, nonces and lengths")
    {
    }

  private:
    void DoRun() override;
};

void
CryptoCipherGcmErrorTestCase::DoRun()
{
    const GcmVector& v = g_gcmVectors[2]; // test case 4
    const std::vector<uint8_t> key = FromHex(v.key);
    const std::vector<uint8_t> nonce = FromHex(v.nonce);
    const std::vector<uint8_t> aad = FromHex(v.aad);
    const std::vector<uint8_t> plaintext = FromHex(v.plaintext);
    const std::vector<uint8_t> sealed = FromHex(std::string(v.ciphertext) + v.tag);
    std::vector<uint8_t> out;

    NS_TEST_ASSERT_MSG_EQ(CryptoCipher::GcmOpen(key, nonce, aad, sealed, 16, out),
                          true,
                          "the unmodified vector opens");

    // Any single flipped bit of ciphertext or tag is detected; the output is then empty.
    for (size_t i = 0; i < sealed.size(); ++i)
    {
        std::vector<uint8_t> bad = sealed;
        bad[i] ^= 0x01;
        out.assign(4, 0xee);
        NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmOpen(key, nonce, aad, bad, 16, out),
                              false,
                              "flipped byte " << i);
        NS_TEST_EXPECT_MSG_EQ(out.size(), 0, "no plaintext released for flipped byte " << i);
    }
    std::vector<uint8_t> badAad = aad;
    badAad.back() ^= 0x80;
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmOpen(key, nonce, badAad, sealed, 16, out),
                          false,
                          "AAD changed");
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmOpen(key, nonce, {}, sealed, 16, out),
                          false,
                          "AAD missing");
    std::vector<uint8_t> badNonce = nonce;
    badNonce[0] ^= 0x01;
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmOpen(key, badNonce, aad, sealed, 16, out),
                          false,
                          "nonce changed");
    std::vector<uint8_t> badKey = key;
    badKey[15] ^= 0x01;
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmOpen(badKey, nonce, aad, sealed, 16, out),
                          false,
                          "key changed");
    // The tag is the last tagLength bytes: a shorter tagLength reads a different "tag".
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmOpen(key, nonce, aad, sealed, 12, out),
                          false,
                          "wrong tag length");

    // Length errors, on both sides.
    const std::vector<uint8_t> key20(20, 1); // key with the ESP salt still attached
    const std::vector<uint8_t> key24(24, 1); // AES-192 is not offered
    const std::vector<uint8_t> nonce8(8, 2);
    const std::vector<uint8_t> nonce16(16, 2);
    out.assign(4, 0xee);
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmSeal(key20, nonce, aad, plaintext, 16, out),
                          false,
                          "20-byte key");
    NS_TEST_EXPECT_MSG_EQ(out.size(), 0, "seal output cleared");
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmSeal(key24, nonce, aad, plaintext, 16, out),
                          false,
                          "24-byte key");
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmSeal({}, nonce, aad, plaintext, 16, out),
                          false,
                          "empty key");
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmSeal(key, nonce8, aad, plaintext, 16, out),
                          false,
                          "8-byte nonce");
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmSeal(key, nonce16, aad, plaintext, 16, out),
                          false,
                          "16-byte nonce");
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmSeal(key, nonce, aad, plaintext, 0, out),
                          false,
                          "tag length 0");
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmSeal(key, nonce, aad, plaintext, 3, out),
                          false,
                          "tag length 3");
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmSeal(key, nonce, aad, plaintext, 17, out),
                          false,
                          "tag length 17");
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmOpen(key20, nonce, aad, sealed, 16, out),
                          false,
                          "open with a 20-byte key");
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmOpen(key, nonce8, aad, sealed, 16, out),
                          false,
                          "open with an 8-byte nonce");
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmOpen(key, nonce, aad, sealed, 0, out),
                          false,
                          "open with tag length 0");
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmOpen(key, nonce, aad, sealed, 17, out),
                          false,
                          "open with tag length 17");
    const std::vector<uint8_t> shortInput(sealed.end() - 15, sealed.end());
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmOpen(key, nonce, aad, shortInput, 16, out),
                          false,
                          "input shorter than the tag");
    NS_TEST_EXPECT_MSG_EQ(CryptoCipher::GcmOpen(key, nonce, aad, {}, 16, out),
                          false,
                          "empty input");
    NS_TEST_EXPECT_MSG_EQ(out.size(), 0, "open output cleared");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief HMAC and digests reproduce RFC 2202 / RFC 4231 / FIPS 180 values.
 */
class CryptoMacTestCase : public TestCase
{
  public:
    CryptoMacTestCase()
        : TestCase("HMAC-SHA1 (RFC 2202), HMAC-SHA-256 (RFC 4231), digests, constant-time compare")
    {
    }

  private:
    void DoRun() override;
};

void
CryptoMacTestCase::DoRun()
{
    const std::string largeKeyData = "Test Using Larger Than Block-Size Key - Hash Key First";

    struct HmacVector
    {
        const char* origin;
        CryptoHash hash;
        std::vector<uint8_t> key;
        std::vector<uint8_t> data;
        const char* mac;
    };

    const HmacVector vectors[] = {
        {"RFC 2202 §3 test case 1",
         CryptoHash::SHA1,
         std::vector<uint8_t>(20, 0x0b),
         FromText("Hi There"),
         "b617318655057264e28bc0b6fb378c8ef146be00"},
        {"RFC 2202 §3 test case 2",
         CryptoHash::SHA1,
         FromText("Jefe"),
         FromText("what do ya want for nothing?"),
         "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"},
        {"RFC 2202 §3 test case 6",
         CryptoHash::SHA1,
         std::vector<uint8_t>(80, 0xaa),
         FromText(largeKeyData),
         "aa4ae5e15272d00e95705637ce8a3b55ed402112"},
        {"RFC 4231 §4.2 test case 1",
         CryptoHash::SHA2_256,
         std::vector<uint8_t>(20, 0x0b),
         FromText("Hi There"),
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
        {"RFC 4231 §4.3 test case 2",
         CryptoHash::SHA2_256,
         FromText("Jefe"),
         FromText("what do ya want for nothing?"),
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
        {"RFC 4231 §4.7 test case 6",
         CryptoHash::SHA2_256,
         std::vector<uint8_t>(131, 0xaa),
         FromText(largeKeyData),
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
        {"RFC 4231 §4.2 test case 1 (SHA-384)",
         CryptoHash::SHA2_384,
         std::vector<uint8_t>(20, 0x0b),
         FromText("Hi There"),
         "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59c"
         "faea9ea9076ede7f4af152e8b2fa9cb6"},
        {"RFC 4231 §4.3 test case 2 (SHA-384)",
         CryptoHash::SHA2_384,
         FromText("Jefe"),
         FromText("what do ya want for nothing?"),
         "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
         "8e2240ca5e69e2c78b3239ecfab21649"},
        {"RFC 4231 §4.2 test case 1 (SHA-512)",
         CryptoHash::SHA2_512,
         std::vector<uint8_t>(20, 0x0b),
         FromText("Hi There"),
         "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
         "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"},
        {"RFC 4231 §4.3 test case 2 (SHA-512)",
         CryptoHash::SHA2_512,
         FromText("Jefe"),
         FromText("what do ya want for nothing?"),
         "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
         "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"},
        {"python3 hmac, empty key and message (SHA-1)",
         CryptoHash::SHA1,
         {},
         {},
         "fbdb1d1b18aa6c08324b7d64b71fb76370690e1d"},
        {"python3 hmac, empty key and message (SHA-256)",
         CryptoHash::SHA2_256,
         {},
         {},
         "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"},
    };

    for (const auto& v : vectors)
    {
        NS_TEST_EXPECT_MSG_EQ(ToHex(CryptoMac::Hmac(v.hash, v.key, v.data)),
                              std::string(v.mac),
                              v.origin);
    }

    const std::vector<uint8_t> abc = FromText("abc");
    NS_TEST_EXPECT_MSG_EQ(ToHex(CryptoMac::Digest(CryptoHash::MD5, abc)),
                          std::string("900150983cd24fb0d6963f7d28e17f72"),
                          "RFC 1321 A.5 MD5(\"abc\")");
    NS_TEST_EXPECT_MSG_EQ(ToHex(CryptoMac::Digest(CryptoHash::SHA1, abc)),
                          std::string("a9993e364706816aba3e25717850c26c9cd0d89d"),
                          "FIPS 180-2 A.1 SHA-1(\"abc\")");
    NS_TEST_EXPECT_MSG_EQ(
        ToHex(CryptoMac::Digest(CryptoHash::SHA2_256, abc)),
        std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        "FIPS 180-2 B.1 SHA-256(\"abc\")");
    NS_TEST_EXPECT_MSG_EQ(
        ToHex(CryptoMac::Digest(CryptoHash::SHA2_256, {})),
        std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        "SHA-256 of the empty string");

    NS_TEST_EXPECT_MSG_EQ(CryptoMac::GetLength(CryptoHash::MD5), 16, "MD5 length");
    NS_TEST_EXPECT_MSG_EQ(CryptoMac::GetLength(CryptoHash::SHA1), 20, "SHA-1 length");
    NS_TEST_EXPECT_MSG_EQ(CryptoMac::GetLength(CryptoHash::SHA2_256), 32, "SHA-256 length");
    NS_TEST_EXPECT_MSG_EQ(CryptoMac::GetLength(CryptoHash::SHA2_384), 48, "SHA-384 length");
    NS_TEST_EXPECT_MSG_EQ(CryptoMac::GetLength(CryptoHash::SHA2_512), 64, "SHA-512 length");

    const std::vector<uint8_t> a = FromHex("00112233445566778899");
    std::vector<uint8_t> b = a;
    NS_TEST_EXPECT_MSG_EQ(CryptoMac::ConstantTimeEqual(a, b), true, "equal strings");
    NS_TEST_EXPECT_MSG_EQ(CryptoMac::ConstantTimeEqual({}, {}), true, "two empty strings");
    b.back() ^= 0x01;
    NS_TEST_EXPECT_MSG_EQ(CryptoMac::ConstantTimeEqual(a, b), false, "last byte differs");
    b = a;
    b.front() ^= 0x80;
    NS_TEST_EXPECT_MSG_EQ(CryptoMac::ConstantTimeEqual(a, b), false, "first byte differs");
    b = a;
    b.pop_back();
    NS_TEST_EXPECT_MSG_EQ(CryptoMac::ConstantTimeEqual(a, b), false, "prefix is not equal");
    NS_TEST_EXPECT_MSG_EQ(CryptoMac::ConstantTimeEqual(b, a), false, "longer is not equal");
    NS_TEST_EXPECT_MSG_EQ(CryptoMac::ConstantTimeEqual(a, {}), false, "empty is not equal");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief CryptoRandom is reproducible per stream and draws from the stream it is given.
 */
class CryptoRandomTestCase : public TestCase
{
  public:
    CryptoRandomTestCase()
        : TestCase("CryptoRandom: same seed and stream give the same bytes, other streams differ")
    {
    }

  private:
    void DoRun() override;
};

void
CryptoRandomTestCase::DoRun()
{
    const uint32_t savedSeed = RngSeedManager::GetSeed();
    const uint64_t savedRun = RngSeedManager::GetRun();
    RngSeedManager::SetSeed(7);
    RngSeedManager::SetRun(3);

    Ptr<CryptoRandom> a = CreateObject<CryptoRandom>();
    Ptr<CryptoRandom> b = CreateObject<CryptoRandom>();
    Ptr<CryptoRandom> c = CreateObject<CryptoRandom>();
    NS_TEST_EXPECT_MSG_EQ(a->AssignStreams(100), 1, "one stream used");
    NS_TEST_EXPECT_MSG_EQ(b->AssignStreams(100), 1, "one stream used");
    NS_TEST_EXPECT_MSG_EQ(c->AssignStreams(101), 1, "one stream used");

    const std::vector<uint8_t> bytesA = a->GetBytes(64);
    const std::vector<uint8_t> bytesB = b->GetBytes(64);
    const std::vector<uint8_t> bytesC = c->GetBytes(64);
    NS_TEST_ASSERT_MSG_EQ(bytesA.size(), 64, "64 bytes requested");
    NS_TEST_EXPECT_MSG_EQ(ToHex(bytesA), ToHex(bytesB), "same seed, run and stream");
    NS_TEST_EXPECT_MSG_NE(ToHex(bytesA), ToHex(bytesC), "another stream");
    const uint32_t u32A = a->GetU32();
    NS_TEST_EXPECT_MSG_EQ(u32A, b->GetU32(), "same stream, same 32-bit value");
    NS_TEST_EXPECT_MSG_EQ(a->GetBytes(0).size(), 0, "no bytes requested");

    // The bytes are exactly GetInteger(0, 255) draws of stream 100, and the next U32 value is a
    // GetInteger(0, 0xffffffff) draw of the same stream.
    Ptr<UniformRandomVariable> reference = CreateObject<UniformRandomVariable>();
    reference->SetStream(100);
    std::vector<uint8_t> expected;
    for (uint32_t i = 0; i < 64; ++i)
    {
        expected.push_back(static_cast<uint8_t>(reference->GetInteger(0, 255)));
    }
    NS_TEST_EXPECT_MSG_EQ(ToHex(bytesA), ToHex(expected), "bytes drawn from stream 100");
    NS_TEST_EXPECT_MSG_EQ(u32A, reference->GetInteger(0, 0xffffffff), "U32 drawn from stream 100");

    // U32 values use the whole 32-bit range.
    uint32_t largest = 0;
    for (uint32_t i = 0; i < 64; ++i)
    {
        largest = std::max(largest, c->GetU32());
    }
    NS_TEST_EXPECT_MSG_GT(largest, 0x80000000U, "64 draws reach the upper half of the range");

    // Over many draws the whole byte range is used (a broken mapping to, say, 0..127 shows).
    const std::vector<uint8_t> many = a->GetBytes(4096);
    uint32_t high = 0;
    bool seen[256] = {};
    for (uint8_t x : many)
    {
        seen[x] = true;
        high += (x >= 128) ? 1 : 0;
    }
    uint32_t distinct = 0;
    for (bool s : seen)
    {
        distinct += s ? 1 : 0;
    }
    NS_TEST_EXPECT_MSG_EQ(distinct, 256, "every byte value drawn in 4096 draws");
    NS_TEST_EXPECT_MSG_GT(high, 1800, "about half of the bytes are >= 128");
    NS_TEST_EXPECT_MSG_LT(high, 2300, "about half of the bytes are >= 128");

    a->Dispose();
    b->Dispose();
    c->Dispose();
    RngSeedManager::SetSeed(savedSeed);
    RngSeedManager::SetRun(savedRun);
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief CryptoRandStream: the SHA-256 counter-mode stream, drawn by OpenSSL's RAND_bytes
 * within two consecutive scopes (the second continues the first), and OpenSSL's own source
 * back in force after them.
 */
class CryptoRandStreamTestCase : public TestCase
{
  public:
    CryptoRandStreamTestCase()
        : TestCase("CryptoRandStream: SHA-256 of seed and counter, OpenSSL's source within a scope")
    {
    }

  private:
    void DoRun() override
    {
        const std::string expected =
            "4b5c6fd314d0d83d29a1e129033092289834a2b50da22f2c0f74177dc3e7525e"
            "4902dec96bf400e2";
        const std::vector<uint8_t> seed{'a', 'b', 'c'};
        CryptoRandStream direct(seed);
        std::vector<uint8_t> bytes(40);
        direct.Generate(bytes.data(), bytes.size());
        NS_TEST_EXPECT_MSG_EQ(ToHex(bytes), expected, "SHA-256(abc || 0) || SHA-256(abc || 1)");

        CryptoRandStream stream(seed);
        std::vector<uint8_t> drawn(40);
        {
            CryptoRandStream::Scope scope(stream);
            NS_TEST_EXPECT_MSG_EQ(RAND_bytes(drawn.data(), 16), 1, "RAND_bytes");
        }
        {
            CryptoRandStream::Scope scope(stream);
            NS_TEST_EXPECT_MSG_EQ(RAND_priv_bytes(drawn.data() + 16, 24), 1, "RAND_priv_bytes");
        }
        NS_TEST_EXPECT_MSG_EQ(ToHex(drawn), expected, "OpenSSL drew the stream, continued");
        NS_TEST_EXPECT_MSG_EQ(stream.GetBytesDrawn(), 40, "bytes drawn");

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations" // the interface the scope sets
        NS_TEST_EXPECT_MSG_EQ((RAND_get_rand_method() == RAND_OpenSSL()),
                              true,
                              "OpenSSL's random source restored");
#pragma GCC diagnostic pop
        std::vector<uint8_t> fresh(40);
        NS_TEST_ASSERT_MSG_EQ(RAND_bytes(fresh.data(), 40), 1, "RAND_bytes");
        NS_TEST_EXPECT_MSG_NE(ToHex(fresh), expected, "not the stream outside a scope");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The crypto primitives suite.
 */
class CryptoTestSuite : public TestSuite
{
  public:
    CryptoTestSuite()
        : TestSuite("cxtp-ipsec-crypto", TestSuite::UNIT)
    {
        AddTestCase(new CryptoCipherCbcKnownAnswerTestCase, TestCase::QUICK);
        AddTestCase(new CryptoCipherCbcErrorTestCase, TestCase::QUICK);
        AddTestCase(new CryptoCipherGcmKnownAnswerTestCase, TestCase::QUICK);
        AddTestCase(new CryptoCipherGcmErrorTestCase, TestCase::QUICK);
        AddTestCase(new CryptoMacTestCase, TestCase::QUICK);
        AddTestCase(new CryptoRandomTestCase, TestCase::QUICK);
        AddTestCase(new CryptoRandStreamTestCase, TestCase::QUICK);
    }
};

static CryptoTestSuite g_cryptoTestSuite; ///< the static instance registers the suite
