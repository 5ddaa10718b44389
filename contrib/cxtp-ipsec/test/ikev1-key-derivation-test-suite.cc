/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
/*
 * Known-answer tests for Ikev1KeyDerivation (RFC 2409 §5, §5.5, §5.7, Appendix B).
 *
 * Every expected value was computed independently with /usr/bin/python3 (hmac, hashlib) from the
 * fixed inputs below, which the test rebuilds byte for byte:
 *
 *     import hmac, hashlib
 *     H = {'sha1': hashlib.sha1, 'sha256': hashlib.sha256, 'md5': hashlib.md5}
 *     def prf(h, k, m): return hmac.new(k, m, H[h]).digest()
 *     def pat(n, mul, add): return bytes((i * mul + add) & 0xff for i in range(n))
 *     psk  = b"cxtp-ipsec shared secret"
 *     ni   = pat(16, 7, 0x11);  nr = pat(16, 11, 0x5a)
 *     gxy  = pat(128, 13, 0x03)
 *     ckyI = bytes.fromhex("0123456789abcdef"); ckyR = bytes.fromhex("fedcba9876543210")
 *     gxi  = pat(128, 5, 0x21); gxr = pat(128, 3, 0x99)
 *     sai  = pat(52, 17, 0x00)
 *     idii = bytes.fromhex("01000000c0a80001"); idir = bytes.fromhex("01000000c0a80002")
 *     mid  = 0x1a2b3c4d; M = mid.to_bytes(4, 'big')
 *     rest = pat(60, 19, 0x44)
 *     qni  = pat(16, 23, 0x01); qnr = pat(16, 29, 0x02)
 *     info = bytes.fromhex("0000000c000000010304000124000001")
 *     last = pat(16, 31, 0x07)
 *     gqm  = pat(128, 37, 0x0f)
 *     spi  = 0xc0ffee01
 *     def chain(h):
 *         s = prf(h, psk, ni + nr)
 *         d = prf(h, s, gxy + ckyI + ckyR + b"\x00")
 *         a = prf(h, s, d + gxy + ckyI + ckyR + b"\x01")
 *         e = prf(h, s, a + gxy + ckyI + ckyR + b"\x02")
 *         return s, d, a, e
 *     def expand(h, e, n):
 *         if len(e) >= n: return e[:n]
 *         out = b""; k = prf(h, e, b"\x00")
 *         while len(out) < n: out += k; k = prf(h, e, k)
 *         return out[:n]
 *     def keymat(h, d, g, proto, spi, ni, nr, n):
 *         seed = g + bytes([proto]) + spi.to_bytes(4, 'big') + ni + nr
 *         out = b""; k = prf(h, d, seed)
 *         while True:
 *             out += k
 *             if len(out) >= n: return out[:n]
 *             k = prf(h, d, k + seed)
 *     s, d, a, e = chain('sha1'); s2, d2, a2, e2 = chain('sha256')
 *     expand('sha1', e, 24); expand('sha1', e, 32); expand('sha1', e, 16)
 *     expand('sha256', e2, 32); expand('sha256', e2, 24); expand('md5', chain('md5')[3], 24)
 *     hashlib.sha1(gxi + gxr).digest()[:8]; hashlib.sha1(gxi + gxr).digest()[:16]
 *     hashlib.sha256(gxi + gxr).digest()[:16]
 *     hashlib.sha1(last + M).digest()[:16]; hashlib.sha1(last[:8] + M).digest()[:8]
 *     prf('sha1', s, gxi + gxr + ckyI + ckyR + sai + idii)        # HASH_I
 *     prf('sha1', s, gxr + gxi + ckyR + ckyI + sai + idir)        # HASH_R
 *     (the same two with 'sha256' and s2)
 *     prf('sha1', a, M + rest); prf('sha1', a, M + qni + rest)     # QM HASH(1), HASH(2)
 *     prf('sha1', a, b"\x00" + M + qni + qnr)                      # QM HASH(3)
 *     prf('sha256', a2, b"\x00" + M + qni + qnr)
 *     prf('sha1', a, M + info)                                     # informational HASH(1)
 *     keymat('sha1', d, b"", 3, spi, qni, qnr, 20 | 36 | 44); keymat('sha1', d, gqm, 3, ..., 44)
 *     keymat('sha256', d2, b"", 3, spi, qni, qnr, 44); keymat('sha256', d2, gqm, 3, ..., 64)
 *
 * printing each result with .hex().
 */

#include "ns3/crypto-mac.h"
#include "ns3/ikev1-key-derivation.h"
#include "ns3/test.h"

#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// A byte string.
using Bytes = std::vector<uint8_t>;

/**
 * \brief Decodes a hex string (no separators).
 * \param hex the string
 * \return the bytes
 */
Bytes
FromHex(const std::string& hex)
{
    Bytes out;
    for (size_t i = 0; i + 1 < hex.size(); i += 2)
    {
        out.push_back(static_cast<uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16)));
    }
    return out;
}

/**
 * \brief Encodes bytes as lower-case hex, so that failures print readable values.
 * \param bytes the bytes
 * \return the hex string
 */
std::string
ToHex(const Bytes& bytes)
{
    static const char* const digits = "0123456789abcdef";
    std::string out;
    for (uint8_t b : bytes)
    {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0x0f]);
    }
    return out;
}

/**
 * \param s a string
 * \return its bytes, without a terminator
 */
Bytes
FromString(const std::string& s)
{
    return Bytes(s.begin(), s.end());
}

/**
 * \brief pat(n, mul, add) of the file comment: byte i = (i * mul + add) mod 256.
 * \param n length
 * \param mul multiplier
 * \param add offset
 * \return the bytes
 */
Bytes
Pattern(uint32_t n, uint32_t mul, uint32_t add)
{
    Bytes out(n);
    for (uint32_t i = 0; i < n; ++i)
    {
        out[i] = static_cast<uint8_t>((i * mul + add) & 0xff);
    }
    return out;
}

/// The fixed inputs of the file comment.
struct Inputs
{
    Bytes psk = FromString("cxtp-ipsec shared secret");       ///< the pre-shared key
    Bytes ni = Pattern(16, 7, 0x11);                          ///< Ni_b
    Bytes nr = Pattern(16, 11, 0x5a);                         ///< Nr_b
    Bytes gxy = Pattern(128, 13, 0x03);                       ///< g^xy
    Bytes ckyI = FromHex("0123456789abcdef");                 ///< CKY-I
    Bytes ckyR = FromHex("fedcba9876543210");                 ///< CKY-R
    Bytes gxi = Pattern(128, 5, 0x21);                        ///< g^xi
    Bytes gxr = Pattern(128, 3, 0x99);                        ///< g^xr
    Bytes sai = Pattern(52, 17, 0x00);                        ///< SAi_b
    Bytes idii = FromHex("01000000c0a80001");                 ///< IDii_b
    Bytes idir = FromHex("01000000c0a80002");                 ///< IDir_b
    uint32_t mid = 0x1a2b3c4d;                                ///< M-ID
    Bytes rest = Pattern(60, 19, 0x44);                       ///< rest of the QM message after HASH
    Bytes qni = Pattern(16, 23, 0x01);                        ///< quick-mode Ni_b
    Bytes qnr = Pattern(16, 29, 0x02);                        ///< quick-mode Nr_b
    Bytes info = FromHex("0000000c000000010304000124000001"); ///< N payload
    Bytes last = Pattern(16, 31, 0x07);                       ///< last phase-1 CBC block (AES)
    Bytes gqm = Pattern(128, 37, 0x0f);                       ///< g(qm)^xy
    uint32_t spi = 0xc0ffee01;                                ///< receiver's SPI
    uint8_t esp = 3; ///< PROTO_IPSEC_ESP (RFC 2407 §4.4.1)
};

// Expected values (Python, see the file comment).
const char* const SHA1_SKEYID = "5b2ed167b48036eca8ce22b3129206ef1e65e69e";
const char* const SHA1_SKEYID_D = "b7402a335829f8fd9f4645b618c0a1f0398b3552";
const char* const SHA1_SKEYID_A = "a2c4ae0789da61ff8c0d9e9ce2ad1d8bf8da4bbc";
const char* const SHA1_SKEYID_E = "94565c83804becc473fb272475a44da0059b5b9b";
const char* const SHA256_SKEYID =
    "611288fdb79d3dc3a5955891631a6580ed8b5bab88ebd3d7e65f960599e18eb5";
const char* const SHA256_SKEYID_D =
    "7bf8776f2402f78eef6dcfa5a257c5b8457bb7f64cfa3a52c7f13d013f3e44aa";
const char* const SHA256_SKEYID_A =
    "57f0b9eae6124b6b5d10357674783255e7b76703c22fb9eafb08285b80508f83";
const char* const SHA256_SKEYID_E =
    "38d1b47be48526fcaeae38dcd0fdce49a6c5c4c2e9aa37c464f2bfac0767822a";
const char* const MD5_SKEYID = "25b51516e05ab06220958ec1947c988d";
const char* const MD5_SKEYID_D = "a8a99a4d2306fb6a017d54b14cb9a60e";
const char* const MD5_SKEYID_A = "3811e31ae43eb442b538d9a5d55eff2f";
const char* const MD5_SKEYID_E = "34580791ba6af2b3901495a4f5c753a5";

} // namespace

/**
 * \brief SKEYID (pre-shared key) and SKEYID_d/a/e for SHA-1, SHA-256 and MD5.
 */
class Ikev1SkeyidTestCase : public TestCase
{
  public:
    Ikev1SkeyidTestCase()
        : TestCase("SKEYID for PSK and SKEYID_d a e match Python for SHA1 SHA256 MD5")
    {
    }

  private:
    void DoRun() override;
};

void
Ikev1SkeyidTestCase::DoRun()
{
    const Inputs in;
    NS_TEST_ASSERT_MSG_EQ(in.psk.size(), 24, "PSK input");
    NS_TEST_ASSERT_MSG_EQ(ToHex(in.psk),
                          "637874702d69707365632073686172656420736563726574",
                          "PSK input");

    struct Vector
    {
        CryptoHash hash;  ///< the hash
        const char* name; ///< its name
        const char* s;    ///< SKEYID
        const char* d;    ///< SKEYID_d
        const char* a;    ///< SKEYID_a
        const char* e;    ///< SKEYID_e
    };

    const Vector vectors[] = {
        {CryptoHash::SHA1, "SHA1 ", SHA1_SKEYID, SHA1_SKEYID_D, SHA1_SKEYID_A, SHA1_SKEYID_E},
        {CryptoHash::SHA2_256,
         "SHA256 ",
         SHA256_SKEYID,
         SHA256_SKEYID_D,
         SHA256_SKEYID_A,
         SHA256_SKEYID_E},
        {CryptoHash::MD5, "MD5 ", MD5_SKEYID, MD5_SKEYID_D, MD5_SKEYID_A, MD5_SKEYID_E},
    };
    for (const Vector& v : vectors)
    {
        const std::string n = v.name;
        Bytes s = Ikev1KeyDerivation::SkeyidPsk(v.hash, in.psk, in.ni, in.nr);
        NS_TEST_EXPECT_MSG_EQ(ToHex(s), v.s, n + "SKEYID");
        Bytes d = Ikev1KeyDerivation::SkeyidD(v.hash, s, in.gxy, in.ckyI, in.ckyR);
        NS_TEST_EXPECT_MSG_EQ(ToHex(d), v.d, n + "SKEYID_d");
        Bytes a = Ikev1KeyDerivation::SkeyidA(v.hash, s, d, in.gxy, in.ckyI, in.ckyR);
        NS_TEST_EXPECT_MSG_EQ(ToHex(a), v.a, n + "SKEYID_a");
        Bytes e = Ikev1KeyDerivation::SkeyidE(v.hash, s, a, in.gxy, in.ckyI, in.ckyR);
        NS_TEST_EXPECT_MSG_EQ(ToHex(e), v.e, n + "SKEYID_e");
    }

    // Swapping Ni and Nr, or the cookies, changes the result (the order is part of the input).
    Bytes swapped = Ikev1KeyDerivation::SkeyidPsk(CryptoHash::SHA1, in.psk, in.nr, in.ni);
    NS_TEST_EXPECT_MSG_NE(ToHex(swapped), SHA1_SKEYID, "Ni and Nr swapped");
    const Bytes s = FromHex(SHA1_SKEYID);
    Bytes dSwapped = Ikev1KeyDerivation::SkeyidD(CryptoHash::SHA1, s, in.gxy, in.ckyR, in.ckyI);
    NS_TEST_EXPECT_MSG_NE(ToHex(dSwapped), SHA1_SKEYID_D, "cookies swapped");

    // Cookies must be 8 bytes.
    const Bytes shortCookie(7, 0x01);
    NS_TEST_EXPECT_MSG_EQ(
        Ikev1KeyDerivation::SkeyidD(CryptoHash::SHA1, s, in.gxy, shortCookie, in.ckyR).empty(),
        true,
        "7-byte CKY-I accepted by SkeyidD");
    NS_TEST_EXPECT_MSG_EQ(Ikev1KeyDerivation::SkeyidA(CryptoHash::SHA1,
                                                      s,
                                                      FromHex(SHA1_SKEYID_D),
                                                      in.gxy,
                                                      in.ckyI,
                                                      Bytes(9, 0x02))
                              .empty(),
                          true,
                          "9-byte CKY-R accepted by SkeyidA");
    NS_TEST_EXPECT_MSG_EQ(Ikev1KeyDerivation::SkeyidE(CryptoHash::SHA1,
                                                      s,
                                                      FromHex(SHA1_SKEYID_A),
                                                      in.gxy,
                                                      Bytes(),
                                                      in.ckyR)
                              .empty(),
                          true,
                          "empty CKY-I accepted by SkeyidE");
}

/**
 * \brief Phase-1 encryption key expansion (RFC 2409 Appendix B).
 */
class Ikev1ExpandKeyTestCase : public TestCase
{
  public:
    Ikev1ExpandKeyTestCase()
        : TestCase("Encryption key from SKEYID_e with and without Appendix B expansion")
    {
    }

  private:
    void DoRun() override;
};

void
Ikev1ExpandKeyTestCase::DoRun()
{
    const Bytes e1 = FromHex(SHA1_SKEYID_E);
    const Bytes e256 = FromHex(SHA256_SKEYID_E);
    const Bytes e5 = FromHex(MD5_SKEYID_E);

    // 3DES (24 bytes) from SHA-1 (20): K1 | first 4 bytes of K2.
    Bytes k3des = Ikev1KeyDerivation::ExpandKey(CryptoHash::SHA1, e1, 24);
    NS_TEST_EXPECT_MSG_EQ(ToHex(k3des),
                          "c229fcb2ca55e0304d21bbc92a5d3c977c40b2fca08c3b27",
                          "SHA1 3DES key");
    // AES-256 (32 bytes) from SHA-1: K1 | first 12 bytes of K2.
    Bytes kAes256 = Ikev1KeyDerivation::ExpandKey(CryptoHash::SHA1, e1, 32);
    NS_TEST_EXPECT_MSG_EQ(ToHex(kAes256),
                          "c229fcb2ca55e0304d21bbc92a5d3c977c40b2fca08c3b275e3a1bcc7220e97f",
                          "SHA1 AES-256 key");
    // AES-128 (16 bytes) from SHA-1: no expansion, the leading bytes of SKEYID_e.
    Bytes kAes128 = Ikev1KeyDerivation::ExpandKey(CryptoHash::SHA1, e1, 16);
    NS_TEST_EXPECT_MSG_EQ(ToHex(kAes128), "94565c83804becc473fb272475a44da0", "SHA1 AES-128 key");
    // SHA-256 output (32 bytes) covers AES-256 and 3DES without expansion.
    Bytes k256Aes = Ikev1KeyDerivation::ExpandKey(CryptoHash::SHA2_256, e256, 32);
    NS_TEST_EXPECT_MSG_EQ(ToHex(k256Aes),
                          "38d1b47be48526fcaeae38dcd0fdce49a6c5c4c2e9aa37c464f2bfac0767822a",
                          "SHA256 AES-256 key");
    Bytes k2563des = Ikev1KeyDerivation::ExpandKey(CryptoHash::SHA2_256, e256, 24);
    NS_TEST_EXPECT_MSG_EQ(ToHex(k2563des),
                          "38d1b47be48526fcaeae38dcd0fdce49a6c5c4c2e9aa37c4",
                          "SHA256 3DES key");
    // MD5 (16) for 3DES: K1 | first 8 bytes of K2.
    Bytes kMd5 = Ikev1KeyDerivation::ExpandKey(CryptoHash::MD5, e5, 24);
    NS_TEST_EXPECT_MSG_EQ(ToHex(kMd5),
                          "607a5e83425322ab4045df876e92c94fe9de300ee6a52977",
                          "MD5 3DES key");
}

/**
 * \brief Phase-1 and phase-2 IVs (RFC 2409 Appendix B).
 */
class Ikev1IvTestCase : public TestCase
{
  public:
    Ikev1IvTestCase()
        : TestCase("Phase 1 and phase 2 IVs are truncated plain hashes")
    {
    }

  private:
    void DoRun() override;
};

void
Ikev1IvTestCase::DoRun()
{
    const Inputs in;
    NS_TEST_EXPECT_MSG_EQ(ToHex(Ikev1KeyDerivation::Phase1Iv(CryptoHash::SHA1, in.gxi, in.gxr, 8)),
                          "080c9809f1dca9d5",
                          "phase 1 IV, SHA1, 3DES");
    NS_TEST_EXPECT_MSG_EQ(ToHex(Ikev1KeyDerivation::Phase1Iv(CryptoHash::SHA1, in.gxi, in.gxr, 16)),
                          "080c9809f1dca9d58317644778872afb",
                          "phase 1 IV, SHA1, AES");
    NS_TEST_EXPECT_MSG_EQ(
        ToHex(Ikev1KeyDerivation::Phase1Iv(CryptoHash::SHA2_256, in.gxi, in.gxr, 16)),
        "e97084979afa75f829dde6d9c6a59c24",
        "phase 1 IV, SHA256, AES");
    // The order g^xi | g^xr matters.
    NS_TEST_EXPECT_MSG_NE(ToHex(Ikev1KeyDerivation::Phase1Iv(CryptoHash::SHA1, in.gxr, in.gxi, 16)),
                          "080c9809f1dca9d58317644778872afb",
                          "phase 1 IV with swapped public values");

    NS_TEST_EXPECT_MSG_EQ(
        ToHex(Ikev1KeyDerivation::Phase2Iv(CryptoHash::SHA1, in.last, in.mid, 16)),
        "183f074366d51fabb2435ba61124d46f",
        "phase 2 IV, SHA1, AES");
    const Bytes last8(in.last.begin(), in.last.begin() + 8);
    NS_TEST_EXPECT_MSG_EQ(ToHex(Ikev1KeyDerivation::Phase2Iv(CryptoHash::SHA1, last8, in.mid, 8)),
                          "34bfd4eb120611b7",
                          "phase 2 IV, SHA1, 3DES");

    // A block longer than the hash cannot be produced.
    NS_TEST_EXPECT_MSG_EQ(Ikev1KeyDerivation::Phase1Iv(CryptoHash::MD5, in.gxi, in.gxr, 32).size(),
                          0,
                          "32-byte IV from MD5");
    NS_TEST_EXPECT_MSG_EQ(Ikev1KeyDerivation::Phase2Iv(CryptoHash::SHA1, in.last, in.mid, 0).size(),
                          0,
                          "zero-length IV");
}

/**
 * \brief HASH_I and HASH_R of main and aggressive mode (RFC 2409 §5).
 */
class Ikev1Phase1HashTestCase : public TestCase
{
  public:
    Ikev1Phase1HashTestCase()
        : TestCase("HASH_I and HASH_R match Python for SHA1 and SHA256")
    {
    }

  private:
    void DoRun() override;
};

void
Ikev1Phase1HashTestCase::DoRun()
{
    const Inputs in;
    const Bytes s1 = FromHex(SHA1_SKEYID);
    const Bytes s256 = FromHex(SHA256_SKEYID);
    NS_TEST_EXPECT_MSG_EQ(ToHex(Ikev1KeyDerivation::HashI(CryptoHash::SHA1,
                                                          s1,
                                                          in.gxi,
                                                          in.gxr,
                                                          in.ckyI,
                                                          in.ckyR,
                                                          in.sai,
                                                          in.idii)),
                          "2d3e950e3754894cb0b578e8d060e9dff95c2ad9",
                          "HASH_I SHA1");
    NS_TEST_EXPECT_MSG_EQ(ToHex(Ikev1KeyDerivation::HashR(CryptoHash::SHA1,
                                                          s1,
                                                          in.gxr,
                                                          in.gxi,
                                                          in.ckyR,
                                                          in.ckyI,
                                                          in.sai,
                                                          in.idir)),
                          "eeeffa299d70f633b6cdbe69f173dcacc4150252",
                          "HASH_R SHA1");
    NS_TEST_EXPECT_MSG_EQ(ToHex(Ikev1KeyDerivation::HashI(CryptoHash::SHA2_256,
                                                          s256,
                                                          in.gxi,
                                                          in.gxr,
                                                          in.ckyI,
                                                          in.ckyR,
                                                          in.sai,
                                                          in.idii)),
                          "1f084e0a90a3208c9b76f7e1782c887f0455d84b1f6c11b6593310d16f184af9",
                          "HASH_I SHA256");
    NS_TEST_EXPECT_MSG_EQ(ToHex(Ikev1KeyDerivation::HashR(CryptoHash::SHA2_256,
                                                          s256,
                                                          in.gxr,
                                                          in.gxi,
                                                          in.ckyR,
                                                          in.ckyI,
                                                          in.sai,
                                                          in.idir)),
                          "4b5ed41d54afa826705a57b6e12eefde81fd6b6f5f1882a674224a467e1f0f26",
                          "HASH_R SHA256");
    NS_TEST_EXPECT_MSG_EQ(Ikev1KeyDerivation::HashI(CryptoHash::SHA1,
                                                    s1,
                                                    in.gxi,
                                                    in.gxr,
                                                    Bytes(4, 0),
                                                    in.ckyR,
                                                    in.sai,
                                                    in.idii)
                              .empty(),
                          true,
                          "HASH_I with a 4-byte cookie");
    NS_TEST_EXPECT_MSG_EQ(Ikev1KeyDerivation::HashR(CryptoHash::SHA1,
                                                    s1,
                                                    in.gxr,
                                                    in.gxi,
                                                    in.ckyR,
                                                    Bytes(16, 0),
                                                    in.sai,
                                                    in.idir)
                              .empty(),
                          true,
                          "HASH_R with a 16-byte cookie");
}

/**
 * \brief Quick-mode HASH(1), HASH(2), HASH(3) (RFC 2409 §5.5) and informational HASH(1)
 * (RFC 2409 §5.7).
 */
class Ikev1Phase2HashTestCase : public TestCase
{
  public:
    Ikev1Phase2HashTestCase()
        : TestCase("Quick mode HASH 1 2 3 and informational HASH match Python")
    {
    }

  private:
    void DoRun() override;
};

void
Ikev1Phase2HashTestCase::DoRun()
{
    const Inputs in;
    const Bytes a1 = FromHex(SHA1_SKEYID_A);
    const Bytes a256 = FromHex(SHA256_SKEYID_A);
    NS_TEST_EXPECT_MSG_EQ(ToHex(Ikev1KeyDerivation::QmHash1(CryptoHash::SHA1, a1, in.mid, in.rest)),
                          "c8f402ebf1d8bc9df36ceac322b32b0164fc078e",
                          "QM HASH(1)");
    NS_TEST_EXPECT_MSG_EQ(
        ToHex(Ikev1KeyDerivation::QmHash2(CryptoHash::SHA1, a1, in.mid, in.qni, in.rest)),
        "1248e7cf7194584517c41801f795ff628cd3355a",
        "QM HASH(2)");
    NS_TEST_EXPECT_MSG_EQ(
        ToHex(Ikev1KeyDerivation::QmHash3(CryptoHash::SHA1, a1, in.mid, in.qni, in.qnr)),
        "b867f071ca30c21da3b69a26f2fe96546e019e7d",
        "QM HASH(3)");
    NS_TEST_EXPECT_MSG_EQ(
        ToHex(Ikev1KeyDerivation::QmHash3(CryptoHash::SHA2_256, a256, in.mid, in.qni, in.qnr)),
        "ae8cd2c9309f7b37f22b098c33a80c4a2140c48425a6d856ced2bfa18168ba3b",
        "QM HASH(3) SHA256");
    NS_TEST_EXPECT_MSG_EQ(
        ToHex(Ikev1KeyDerivation::InfoHash(CryptoHash::SHA1, a1, in.mid, in.info)),
        "bbe85e24d59c0cd67b6cd5e3efdafefb8d6807e2",
        "informational HASH(1)");
    // The message ID is part of every phase-2 hash.
    NS_TEST_EXPECT_MSG_NE(
        ToHex(Ikev1KeyDerivation::QmHash1(CryptoHash::SHA1, a1, in.mid + 1, in.rest)),
        "c8f402ebf1d8bc9df36ceac322b32b0164fc078e",
        "QM HASH(1) ignores the message ID");
    NS_TEST_EXPECT_MSG_NE(
        ToHex(Ikev1KeyDerivation::InfoHash(CryptoHash::SHA1, a1, 0x4d3c2b1a, in.info)),
        "bbe85e24d59c0cd67b6cd5e3efdafefb8d6807e2",
        "informational HASH(1) with the message ID byte-swapped");
}

/**
 * \brief Quick-mode KEYMAT with and without PFS, one and several prf blocks (RFC 2409 §5.5).
 */
class Ikev1KeymatTestCase : public TestCase
{
  public:
    Ikev1KeymatTestCase()
        : TestCase("KEYMAT with and without PFS and with expansion matches Python")
    {
    }

  private:
    void DoRun() override;
};

void
Ikev1KeymatTestCase::DoRun()
{
    const Inputs in;
    const Bytes d1 = FromHex(SHA1_SKEYID_D);
    const Bytes d256 = FromHex(SHA256_SKEYID_D);
    const Bytes noPfs;

    // One block: HMAC-SHA1-96 key only (20 bytes).
    Bytes k20 =
        Ikev1KeyDerivation::Keymat(CryptoHash::SHA1, d1, noPfs, in.esp, in.spi, in.qni, in.qnr, 20);
    NS_TEST_EXPECT_MSG_EQ(ToHex(k20), "d72e352a9cfca552a9adec03d09da90a1be76973", "SHA1 20 bytes");
    // AES-128 + HMAC-SHA1 (36 bytes): two SHA-1 blocks.
    Bytes k36 =
        Ikev1KeyDerivation::Keymat(CryptoHash::SHA1, d1, noPfs, in.esp, in.spi, in.qni, in.qnr, 36);
    NS_TEST_EXPECT_MSG_EQ(ToHex(k36),
                          "d72e352a9cfca552a9adec03d09da90a1be76973e4afd14c0746a3fddc8bb2e5"
                          "b080a723",
                          "SHA1 36 bytes (2 blocks)");
    // 3DES + HMAC-SHA1 (44 bytes): three SHA-1 blocks.
    Bytes k44 =
        Ikev1KeyDerivation::Keymat(CryptoHash::SHA1, d1, noPfs, in.esp, in.spi, in.qni, in.qnr, 44);
    NS_TEST_EXPECT_MSG_EQ(ToHex(k44),
                          "d72e352a9cfca552a9adec03d09da90a1be76973e4afd14c0746a3fddc8bb2e5"
                          "b080a7236cc5e7d60fb0001d",
                          "SHA1 44 bytes (3 blocks), no PFS");
    // With PFS.
    Bytes k44Pfs = Ikev1KeyDerivation::Keymat(CryptoHash::SHA1,
                                              d1,
                                              in.gqm,
                                              in.esp,
                                              in.spi,
                                              in.qni,
                                              in.qnr,
                                              44);
    NS_TEST_EXPECT_MSG_EQ(ToHex(k44Pfs),
                          "d245d746ad3697f20eae4a6b1db473b8b878e45853aafdbde0de8ec82e7a833d"
                          "0bffe8b5fe2bbcacc7db5e7f",
                          "SHA1 44 bytes, PFS");
    // SHA-256: 3DES + HMAC-SHA1 (44 bytes) in two blocks; with PFS, 64 bytes in two blocks.
    Bytes k256 = Ikev1KeyDerivation::Keymat(CryptoHash::SHA2_256,
                                            d256,
                                            noPfs,
                                            in.esp,
                                            in.spi,
                                            in.qni,
                                            in.qnr,
                                            44);
    NS_TEST_EXPECT_MSG_EQ(ToHex(k256),
                          "949cfaaa084fe8604f6c811961a774a6b406bd4d33fe3b75d0bb308e77dfc6ec"
                          "c5873f510e8aa6e7ba1d8908",
                          "SHA256 44 bytes (2 blocks), no PFS");
    Bytes k256Pfs = Ikev1KeyDerivation::Keymat(CryptoHash::SHA2_256,
                                               d256,
                                               in.gqm,
                                               in.esp,
                                               in.spi,
                                               in.qni,
                                               in.qnr,
                                               64);
    NS_TEST_EXPECT_MSG_EQ(ToHex(k256Pfs),
                          "5e47cef3cc5a830e104a140fcd4f438402fd6daa75a0f6d8dc873ae34dfad5ae"
                          "726af05989e14560efba77476619d59919576712fef0e2568944aee2a3a9b879",
                          "SHA256 64 bytes (2 blocks), PFS");

    // Each direction uses the receiver's SPI: another SPI gives other keys.
    Bytes other = Ikev1KeyDerivation::Keymat(CryptoHash::SHA1,
                                             d1,
                                             noPfs,
                                             in.esp,
                                             in.spi + 1,
                                             in.qni,
                                             in.qnr,
                                             20);
    NS_TEST_EXPECT_MSG_NE(ToHex(other), ToHex(k20), "KEYMAT ignores the SPI");
    // And the protocol: AH (2) differs from ESP (3).
    Bytes ah =
        Ikev1KeyDerivation::Keymat(CryptoHash::SHA1, d1, noPfs, 2, in.spi, in.qni, in.qnr, 20);
    NS_TEST_EXPECT_MSG_NE(ToHex(ah), ToHex(k20), "KEYMAT ignores the protocol");
    NS_TEST_EXPECT_MSG_EQ(
        Ikev1KeyDerivation::Keymat(CryptoHash::SHA1, d1, noPfs, in.esp, in.spi, in.qni, in.qnr, 0)
            .size(),
        0,
        "zero-length KEYMAT");
}

/**
 * \brief The IKEv1 key derivation suite.
 */
class Ikev1KeyDerivationTestSuite : public TestSuite
{
  public:
    Ikev1KeyDerivationTestSuite()
        : TestSuite("cxtp-ipsec-ikev1-keys", TestSuite::UNIT)
    {
        AddTestCase(new Ikev1SkeyidTestCase, TestCase::QUICK);
        AddTestCase(new Ikev1ExpandKeyTestCase, TestCase::QUICK);
        AddTestCase(new Ikev1IvTestCase, TestCase::QUICK);
        AddTestCase(new Ikev1Phase1HashTestCase, TestCase::QUICK);
        AddTestCase(new Ikev1Phase2HashTestCase, TestCase::QUICK);
        AddTestCase(new Ikev1KeymatTestCase, TestCase::QUICK);
    }
};

static Ikev1KeyDerivationTestSuite g_ikev1KeyDerivationTestSuite; ///< registers the suite
