/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
/*
 * Tests for CryptoDiffieHellman's MODP groups: the primes of RFC 2409 §6.1-6.2 and RFC 3526 §2-4,
 * public values and shared secrets against an independent computation, and rejection of bad
 * inputs. The elliptic-curve groups are tested in crypto-ecdh-test-suite.cc.
 *
 * The primes in crypto-diffie-hellman.cc were written from the RFC texts. They were cross-checked
 * with /usr/bin/python3 by building each one from its defining formula (pi by Machin's formula in
 * integer arithmetic) and comparing the hex:
 *
 *     def arctan_inv(x, one):
 *         total = term = one // x; x2 = x * x; n = 1; sign = -1
 *         while term:
 *             term //= x2; total += sign * (term // (2 * n + 1)); sign = -sign; n += 1
 *         return total
 *     def pi_fixed(bits):                     # floor(2^bits * pi), 64 guard bits
 *         one = 1 << (bits + 64)
 *         return (4 * (4 * arctan_inv(5, one) - arctan_inv(239, one))) >> 64
 *     def modp(n, k):
 *         return 2**n - 2**(n - 64) - 1 + 2**64 * (pi_fixed(n - 130) + k)
 *     P = {1: modp(768, 149686), 2: modp(1024, 129093), 5: modp(1536, 741804),
 *          14: modp(2048, 124476), 15: modp(3072, 1690314)}
 *
 * (plus a 40-round Miller-Rabin test of p and (p-1)/2). Here the primes are checked again with
 * OpenSSL: BN_check_prime on p and (p-1)/2, the all-ones top and bottom 64 bits, and equality with
 * OpenSSL's own BN_get_rfc2409_prime_* / BN_get_rfc3526_prime_* copies.
 *
 * The known answers below were produced with /usr/bin/python3 from fixed private values:
 *
 *     def pat(n, mul, add): return bytes((i * mul + add) & 0xff for i in range(n))
 *     def priv(n, mul, add):
 *         b = bytearray(pat(n, mul, add)); b[0] &= 0x7f; return bytes(b)
 *     for g, p in P.items():
 *         L = p.bit_length() // 8
 *         xa = int.from_bytes(priv(L, 13, 0x2d), 'big')
 *         xb = int.from_bytes(priv(L, 29, 0x61), 'big')
 *         ya = pow(2, xa, p); yb = pow(2, xb, p); s = pow(yb, xa, p)
 *         assert s == pow(ya, xb, p)
 *         print(g, ya.to_bytes(L, 'big').hex(), yb.to_bytes(L, 'big').hex(),
 *               s.to_bytes(L, 'big').hex())
 */

#include "ns3/crypto-diffie-hellman.h"
#include "ns3/crypto-random.h"
#include "ns3/ikev1-doi.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/test.h"

#include <memory>
#include <openssl/bn.h>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// Group 1: g^xa mod p (Python, see the file comment).
const char* const MODP_768_PUBLIC_A =
    "facece7cfdeb9da215394e95d5ad986fdf8992c066772feebf1c7d415abb28d3"
    "55df195872a7c95463311bd6c9bcdcdd1158a4453e1a896c318b3f988fc9567c"
    "858dca54354baac9e1ea3a3d0e14ba9a77aafdbe8d81c5f5ab0709d3b8a11246";
/// Group 1: g^xb mod p (Python, see the file comment).
const char* const MODP_768_PUBLIC_B =
    "5d87b8d54ac66eb417e276843293da070ceb7b4d62cadf1783e82a1c085df357"
    "80c1f9c32489381e451c86b989b86b806ccd07943eb03cb039e93912f2784df9"
    "c2647ea02ac3db011e86b8c8c9812c1ee6603e245a312f148e80f7da23e481e1";
/// Group 1: g^(xa*xb) mod p (Python, see the file comment).
const char* const MODP_768_SHARED =
    "d0a1eb89a158665a837945ad7b4ceeac7fbc2a465d7c8f3180d1c944218067ed"
    "0463a037caee55ea8084d78caa1708fab3446438fa86bd3bb2a1bd6cefd858bf"
    "55de8f204f73dcb556edc53cf7169b2df8b3ec254f1ad6bb231a911e1561be88";
/// Group 2: g^xa mod p (Python, see the file comment).
const char* const MODP_1024_PUBLIC_A =
    "e9204c5a312e3db51944262f688d5c73ba9c17ed42c8b4f48b97db9072cdfca2"
    "73bcb6c02c59481a05f586cf4e01d3c69ab26d082aebb63ceb2cc22cb9a98fe3"
    "36a602a54c544c6c5f2826b2d99309cec409e29412cf3ec0b1ebf60b720ef10f"
    "3dea2f8b6e0f5ad0dc5998c82dee7e39d1874ac578a2ad3bcceac62a7cadd9cc";
/// Group 2: g^xb mod p (Python, see the file comment).
const char* const MODP_1024_PUBLIC_B =
    "6073e327468090b48fb8dc7e3c7cbc0043920a972ee208e1e364c1627f693329"
    "cdf5a3abf3ef61ed580278f4fe07ebf4765b2386e3fc54d18214e3bca4861cda"
    "b0fd007cff3e0e92553a138fbc473e31527b06f21be8a86898a21a8b1b2ef2de"
    "0592dfbefdc4aff5e8372d8e20ec5c6cb6348578a0794a16732ea8684af705f2";
/// Group 2: g^(xa*xb) mod p (Python, see the file comment).
const char* const MODP_1024_SHARED =
    "b3cc78a95a59900f43a67c0543332899ceaaecc62831873690d41cd301a8f380"
    "c5fc9f38a05bf10a69a534e7b56c7825fddd0417c7ceb2864d30145e23db64db"
    "dde2d2bf3528746be80e29565bbc28350b6d7be72e792589a29468d2e0753389"
    "ab25948e5e4918603199834542999d6ac9d4e44a084d17f7c8e523fcb840e0bc";
/// Group 5: g^xa mod p (Python, see the file comment).
const char* const MODP_1536_PUBLIC_A =
    "10a695093d7ad68b5b38a7f66aba5c3f3d677a37e83b046d2203a93789f739e5"
    "595326f758fed2e8f8fc87b22d326d64d2af9c627c921adbf0ad34135455b657"
    "28b64b7857c73cd50bd9bd41b204b9abde3bb55757ec594af83850fced84cb1d"
    "50b56628df82d21de984ecbc4ffcfb2f6ddf714d046d8cc48151e2d2e920b48f"
    "becb3e9dbbfe3b59eb9771e54c2f722a12260aa2f2ae15eef804e7cc79cd9462"
    "e0ccc844b5f003d14baa920fe95d2abb7de86f5c261043f1696da7a429ffa36c";
/// Group 5: g^xb mod p (Python, see the file comment).
const char* const MODP_1536_PUBLIC_B =
    "7e9ade932afd0934a709105d38ae5675d686ece32ae8f94adde2c919d8ac899f"
    "a8bb0c11077eb9c323ca91f80d4e6dd897575d9c0ef638eed35731a91045ab1b"
    "02943a691064b30689e2a84389b03c1c25fc5ab19881121f1e2ff43eb351d2af"
    "40b08cc00c74ba9fe9870f3d87677a4344f8cbb8036021f1b66610bfc86b124a"
    "6df45d05b94680c71ffd3a75b81d5c1fa9988910042728b599ed468db662a54c"
    "9d5c53062da2f771424292e983718bde5a47637cbb35e24db6f410cec4fd9c88";
/// Group 5: g^(xa*xb) mod p (Python, see the file comment).
const char* const MODP_1536_SHARED =
    "c2e16f7c9726f1ba3a1fe4898b687eabcc895e9d8282ce52ad841d37a96c1e4e"
    "85fc30dfb8daf1cf4d26a1006d4b3946893e2dde83b31bdc590d653e1a54983e"
    "b5498840e4ce376e382ada0ea006d50bddfc77df0878aa0f0ea9e4308588aafe"
    "86b7fe9ec64ebef573007a352090e8c84a3cda05cf408e675b9da95706ac3c22"
    "51633a01f79f6e546b6e0e786edf007cd978892fce9a794230d9ec8973dd25c7"
    "20520df29792e150ec672386daebf341375574d947797892a0dae7f6369e753b";
/// Group 14: g^xa mod p (Python, see the file comment).
const char* const MODP_2048_PUBLIC_A =
    "10a06534bb4c441bc8f1a939e82524268f023ef61092183cefd2f3658c6dd193"
    "eaa0f11abf09257db180e38e0a78ca69f0784707d96594511d8dbdabbfd30cbd"
    "5b6ad580a1ed6c3a244a87221df188740bb1240e48df470787a72a498ed38beb"
    "3c02b7eab50aa829aec04d2da2199327c8b4e8b36a56d3ac46869a29d5548d62"
    "2f2a06e8a84f5bdca8e5b520454328c67e4be739e18cdc793e43c4eedd31ddc0"
    "c9249733945c0d971b2ad4f4409bd319ef794e39d77feb22893cc09e8f19016d"
    "db3c697e51641cefee8d258e5d1cf292c769d3eceae8afdb2814f382768733ec"
    "095f6f9628e786333ea9351e7c84f792b246557621bd93f31f9ffc8f3688a3e6";
/// Group 14: g^xb mod p (Python, see the file comment).
const char* const MODP_2048_PUBLIC_B =
    "0fc41fd84bb9fe20cf956afa31e99f72e0d90e359ef5fd732022b72720e6cdaf"
    "632322af7fbabede9fed6618ffbf42cf704408f4551bde52bbba0e93500b52da"
    "00f55490c4990e8fd64ca4f9907ea9b8b7db3dc88945b7a860f494b79b7eb3fd"
    "107077daa7c5f75eec6c95573cbaae2de261bd28db6a6caea7be66903efd8e92"
    "2973a6798422ca19600e5c2c92bc41f3323e45151800675ddb5ddc3534e26310"
    "07366b16168728948502594ba8c252ad1ab6372df382e59a49ba83d82419a2da"
    "706cda8f70665aafd6d4cd3af55e893edc7ed44a7299c4d1712d615bd8e1836d"
    "ab084d778e98569bd9c682186e52a851beec25b65608fbc808d841928ab7e2c7";
/// Group 14: g^(xa*xb) mod p (Python, see the file comment).
const char* const MODP_2048_SHARED =
    "44ac3da03d3065ea79fd374cdf43031c0d50fb0283dd23b779aff3032ecb106b"
    "2498a144dc2be15637df9c992499790146b09c432a0c58ea4dde9937e0e0272f"
    "58fa3d032ee37cbeca9bff6ebe356dd8262a0509cdd7034d6bdf9f44997789e7"
    "660b7072461b8ad2765b70ed285961278f6e5d8bf27c8f2371743a1d86679894"
    "53046799257bf8272d11e52bbf512c5c8cb4823fb96c8252e3e93df73365c201"
    "f3ba9d8201012d0ab08224206613b091090ffd53c9fc5c1e7d1219c49279a2e0"
    "1b98ba01d6a85d0dbd428e71e93eb38e860b91f247cf8a80ad5e445f4edfe68f"
    "acb884735694a5a967f6dcdd4eb549faeaf65297f1c8959dd13ca88768f89ec9";
/// Group 15: g^xa mod p (Python, see the file comment).
const char* const MODP_3072_PUBLIC_A =
    "8ec62afc3d12786b8dc32cad5ee133655711b53fd9bb34c0c0d4dca881c34a34"
    "1446f98224813d12e61a37b3f910f82c8b0939cf1fc0be99571c7868e6ca49cb"
    "110cf9e7139ee50c868b17614c10f45cde9c53ce4bb5a809edadfd72592c400a"
    "db5d6bcaa1b437a2d99c9b591bfdebff68833f35d84422d283ff1108ee3dd90c"
    "2aacc7afeca3e5ebfd0671ebeef356ab9c1040af7d76f420c9d840fa59b0ef78"
    "c100c8b08cbdb9736506704af11eb929881717c97ef6388d4be70bc5a4450187"
    "578f442d22c416a38564dc3dd7c3a96cdba98f83417f4926927b1173171f74b9"
    "3310392753b19744db20d821036f3ffd2ce38037213760c82a500e16a7211297"
    "42f3912cabea9761d7e2903aab8bceb4977996220dd8ac123b86993ee99eaac5"
    "3662deff881b1d772369afc9c715e5c24c24b8b0bfe6c6cc70abdb4fef21cdd6"
    "1f1a4dc83c1b118aa0af80c3a0b0447e14574f66269734b179d9992bced1bbdb"
    "37b70eab3040fb3fe950cc6cfd8bb50a37ff2742134995e4e9a0cb9ff0038800";
/// Group 15: g^xb mod p (Python, see the file comment).
const char* const MODP_3072_PUBLIC_B =
    "ad2b7e6a0428d9bfc43dd842abe2cf9aa8be071a2af1051f109f6658e140c1ed"
    "ed8ec15b570f841a1fa001c3fe64b1a4f21d526cb5ce9d98b1ed3b2e642bc2bf"
    "9fe837fde18c97037fc8771593037dc794a2fa704a6bb31f48a3343dd82c5c03"
    "39d2e7f8bbac2be69101844fddae15c5803f5f0ac39765b0dc957ba0b0b46bde"
    "fe690bf2d61523898d52911f7debc449ac89fad2cec59bff3c77645bb3a356fb"
    "a78be43ac8510077ffcb77d9227f916a6933757c12c683f8b02e6b9d0bb79dd1"
    "607fb820f036db99b7214076f8280e4d8af83328b23bc7f335b74a40f3491d24"
    "1b5a7e00b6870a89c279a4ba2ab7b32fdbd76eec2a5fd6290454113f2d0346cd"
    "89261d6167211dfb195a1749a92fc75958a573d2c07c11242b36922ba9cdac04"
    "35cb8e58e43823bd2ada95adc43da70f745dbc1ac13aa83c03f73a7120b5be5e"
    "085badd95a678a7f26bdb92ccf1f22780805f75830d788b1689c2a64eb1e0cb8"
    "fe27d74affc98a5836914a19e38f82451585e4dfe0cb03fe19b60719e75f90a5";
/// Group 15: g^(xa*xb) mod p (Python, see the file comment).
const char* const MODP_3072_SHARED =
    "fd8fa1b63dbeaa75f9467e97b5673fe9e6aacea8cf2ce7b2da82df48e05bdcbd"
    "9993f26599704179bd6f4d69bde2f3c615a25f12b2fd724734200781384776a7"
    "3146208f5dec64d06d9910fcd9ae70a51901c30a339e1a5ef366e6484ef522b4"
    "3296be4cca7a75ba3c3705dc33e0508dcdd348e88cd98e0b318cca9f8b291992"
    "7e3b8d0695c4439bee77f2acdec5ebb74bfc684665b6add4218e618a16226056"
    "d99559903e513f661c7d765b57b5ac77db4e2c0f131841105630b945beec99b5"
    "58898daeca7cb15d4fee885f419a91f2821ea28cb1d52483c27b92290e0fba4e"
    "b2f59de669aaee05633bf4ddfd5001f1a40f2474c61da0862d8f3314a1f2d0d1"
    "14b2721b014019098fa51188563a347000f6a2d326cc2392f234a2d3e5a9b1be"
    "2a9de45ae041993bb0dfb4a42828724f329228940f0ef283d41521f6be75d127"
    "43ac16b831ca7b0644440d2b1152fd94a022fdcee181016bc73d32c7e63126ac"
    "381e5cacb506450a862401318451eb01d15481d1c8df533b1cec8818e2564f5e";

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
 * \brief Encodes bytes as lower-case hex, so that failures print readable values.
 * \param bytes the bytes
 * \return the hex string
 */
std::string
ToHex(const std::vector<uint8_t>& bytes)
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
 * \brief The private values of the file comment: byte i = (i * mul + add) mod 256, top bit
 * cleared.
 * \param n length
 * \param mul multiplier
 * \param add offset
 * \return the bytes
 */
std::vector<uint8_t>
Private(uint32_t n, uint32_t mul, uint32_t add)
{
    std::vector<uint8_t> out(n);
    for (uint32_t i = 0; i < n; ++i)
    {
        out[i] = static_cast<uint8_t>((i * mul + add) & 0xff);
    }
    out[0] &= 0x7f;
    return out;
}

/// One group with its expected values.
struct GroupVector
{
    CryptoDhGroup group;              ///< the group
    uint16_t id;                      ///< its IKE number
    uint32_t bits;                    ///< the size of p in bits
    const char* publicA;              ///< g^xa mod p
    const char* publicB;              ///< g^xb mod p
    const char* shared;               ///< g^(xa xb) mod p
    BIGNUM* (*opensslPrime)(BIGNUM*); ///< OpenSSL's copy of p
};

/// \return the five MODP groups
std::vector<GroupVector>
GetGroups()
{
    return {
        {CryptoDhGroup::MODP_768,
         1,
         768,
         MODP_768_PUBLIC_A,
         MODP_768_PUBLIC_B,
         MODP_768_SHARED,
         &BN_get_rfc2409_prime_768},
        {CryptoDhGroup::MODP_1024,
         2,
         1024,
         MODP_1024_PUBLIC_A,
         MODP_1024_PUBLIC_B,
         MODP_1024_SHARED,
         &BN_get_rfc2409_prime_1024},
        {CryptoDhGroup::MODP_1536,
         5,
         1536,
         MODP_1536_PUBLIC_A,
         MODP_1536_PUBLIC_B,
         MODP_1536_SHARED,
         &BN_get_rfc3526_prime_1536},
        {CryptoDhGroup::MODP_2048,
         14,
         2048,
         MODP_2048_PUBLIC_A,
         MODP_2048_PUBLIC_B,
         MODP_2048_SHARED,
         &BN_get_rfc3526_prime_2048},
        {CryptoDhGroup::MODP_3072,
         15,
         3072,
         MODP_3072_PUBLIC_A,
         MODP_3072_PUBLIC_B,
         MODP_3072_SHARED,
         &BN_get_rfc3526_prime_3072},
    };
}

/// Frees a BIGNUM.
struct BnFree
{
    /// \param bn the number
    void operator()(BIGNUM* bn) const
    {
        BN_free(bn);
    }
};

/// Frees a BN_CTX.
struct BnCtxFree
{
    /// \param ctx the context
    void operator()(BN_CTX* ctx) const
    {
        BN_CTX_free(ctx);
    }
};

/// An owned BIGNUM.
using Bn = std::unique_ptr<BIGNUM, BnFree>;

/**
 * \param bytes big-endian bytes
 * \return the number
 */
Bn
ToBn(const std::vector<uint8_t>& bytes)
{
    return Bn(BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), nullptr));
}

/**
 * \param bn a number
 * \param length the output length
 * \return bn as big-endian bytes, left-padded
 */
std::vector<uint8_t>
ToBytes(const BIGNUM* bn, uint32_t length)
{
    std::vector<uint8_t> out(length);
    if (BN_bn2binpad(bn, out.data(), static_cast<int>(length)) != static_cast<int>(length))
    {
        return {};
    }
    return out;
}

} // namespace

/**
 * \brief The primes: sizes, prime, safe prime, top and bottom 64 bits all ones, and equal to
 * OpenSSL's copies of the RFC constants.
 */
class CryptoDhPrimeTestCase : public TestCase
{
  public:
    CryptoDhPrimeTestCase()
        : TestCase("MODP primes of RFC 2409 and RFC 3526 are safe primes of the RFC form")
    {
    }

  private:
    void DoRun() override;
};

void
CryptoDhPrimeTestCase::DoRun()
{
    std::unique_ptr<BN_CTX, BnCtxFree> ctx(BN_CTX_new());
    NS_TEST_ASSERT_MSG_NE(ctx.get(), nullptr, "BN_CTX_new failed");
    for (const GroupVector& v : GetGroups())
    {
        const std::string name = "group " + std::to_string(v.id) + ": ";
        const uint32_t length = CryptoDiffieHellman::GetLength(v.group);
        NS_TEST_EXPECT_MSG_EQ(length, v.bits / 8, name + "GetLength");
        std::vector<uint8_t> p = CryptoDiffieHellman::GetPrime(v.group);
        NS_TEST_ASSERT_MSG_EQ(p.size(), length, name + "prime length");

        Bn bn = ToBn(p);
        NS_TEST_ASSERT_MSG_NE(bn.get(), nullptr, name + "BN_bin2bn");
        NS_TEST_EXPECT_MSG_EQ(static_cast<uint32_t>(BN_num_bits(bn.get())),
                              v.bits,
                              name + "bit length");
        // 2^n - 2^(n-64) - 1 + 2^64 * (...): the top and the bottom 64 bits are all ones.
        bool topOnes = true;
        bool bottomOnes = true;
        for (uint32_t i = 0; i < 8; ++i)
        {
            topOnes = topOnes && p[i] == 0xff;
            bottomOnes = bottomOnes && p[length - 1 - i] == 0xff;
        }
        NS_TEST_EXPECT_MSG_EQ(topOnes, true, name + "top 64 bits are not all ones");
        NS_TEST_EXPECT_MSG_EQ(bottomOnes, true, name + "bottom 64 bits are not all ones");

        NS_TEST_EXPECT_MSG_EQ(BN_check_prime(bn.get(), ctx.get(), nullptr),
                              1,
                              name + "p is not prime");
        Bn q(BN_dup(bn.get()));
        NS_TEST_ASSERT_MSG_NE(q.get(), nullptr, name + "BN_dup");
        NS_TEST_ASSERT_MSG_EQ(BN_sub_word(q.get(), 1), 1, name + "BN_sub_word");
        NS_TEST_ASSERT_MSG_EQ(BN_rshift1(q.get(), q.get()), 1, name + "BN_rshift1");
        NS_TEST_EXPECT_MSG_EQ(BN_check_prime(q.get(), ctx.get(), nullptr),
                              1,
                              name + "(p-1)/2 is not prime");

        Bn reference(v.opensslPrime(nullptr));
        NS_TEST_ASSERT_MSG_NE(reference.get(), nullptr, name + "OpenSSL prime");
        NS_TEST_EXPECT_MSG_EQ(ToHex(p),
                              ToHex(ToBytes(reference.get(), length)),
                              name + "differs from OpenSSL's copy of the RFC prime");
    }
}

/**
 * \brief Group numbers and lengths.
 */
class CryptoDhSupportTestCase : public TestCase
{
  public:
    CryptoDhSupportTestCase()
        : TestCase("IsSupported accepts groups 1 2 5 14 only")
    {
    }

  private:
    void DoRun() override;
};

void
CryptoDhSupportTestCase::DoRun()
{
    for (uint16_t id : {1, 2, 5, 14, 15, 19, 31})
    {
        NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::IsSupported(id),
                              true,
                              "group " << id << " should be supported");
    }
    for (uint16_t id : {0, 3, 4, 6, 13, 16, 20, 30, 32, 258, 270, 287})
    {
        NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::IsSupported(id),
                              false,
                              "group " << id << " should not be supported");
    }
    NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::GetLength(CryptoDhGroup::MODP_768), 96, "768");
    NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::GetLength(CryptoDhGroup::MODP_1024), 128, "1024");
    NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::GetLength(CryptoDhGroup::MODP_1536), 192, "1536");
    NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::GetLength(CryptoDhGroup::MODP_2048), 256, "2048");
    NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::GetLength(CryptoDhGroup::MODP_3072), 384, "3072");
    for (uint16_t id : {1, 2, 5, 14})
    {
        NS_TEST_EXPECT_MSG_EQ(Ikev1Doi::IsSupportedGroup(id), true, "IKEv1 group " << id);
    }
    for (uint16_t id : {0, 15, 19, 31})
    {
        NS_TEST_EXPECT_MSG_EQ(Ikev1Doi::IsSupportedGroup(id), false, "IKEv1 group " << id);
    }
}

/**
 * \brief Public values and shared secrets against Python's pow().
 */
class CryptoDhKnownAnswerTestCase : public TestCase
{
  public:
    CryptoDhKnownAnswerTestCase()
        : TestCase("Public values and shared secrets match Python pow for groups 1 2 5 14")
    {
    }

  private:
    void DoRun() override;
};

void
CryptoDhKnownAnswerTestCase::DoRun()
{
    for (const GroupVector& v : GetGroups())
    {
        const std::string name = "group " + std::to_string(v.id) + ": ";
        const uint32_t length = CryptoDiffieHellman::GetLength(v.group);
        const std::vector<uint8_t> xa = Private(length, 13, 0x2d);
        const std::vector<uint8_t> xb = Private(length, 29, 0x61);

        std::vector<uint8_t> ya;
        std::vector<uint8_t> yb;
        NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::ComputePublic(v.group, xa, ya),
                              true,
                              name + "ComputePublic A");
        NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::ComputePublic(v.group, xb, yb),
                              true,
                              name + "ComputePublic B");
        NS_TEST_EXPECT_MSG_EQ(ya.size(), length, name + "public A length");
        NS_TEST_EXPECT_MSG_EQ(ToHex(ya), v.publicA, name + "public A");
        NS_TEST_EXPECT_MSG_EQ(ToHex(yb), v.publicB, name + "public B");

        std::vector<uint8_t> sa;
        std::vector<uint8_t> sb;
        NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::ComputeShared(v.group, xa, yb, sa),
                              true,
                              name + "ComputeShared A");
        NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::ComputeShared(v.group, xb, ya, sb),
                              true,
                              name + "ComputeShared B");
        NS_TEST_EXPECT_MSG_EQ(sa.size(), length, name + "shared length");
        NS_TEST_EXPECT_MSG_EQ(ToHex(sa), ToHex(sb), name + "the two parties disagree");
        NS_TEST_EXPECT_MSG_EQ(ToHex(sa), v.shared, name + "shared secret");
    }
}

/**
 * \brief Small results are left-padded to the prime length.
 */
class CryptoDhPaddingTestCase : public TestCase
{
  public:
    CryptoDhPaddingTestCase()
        : TestCase("Public values and shared secrets are left-padded to the prime length")
    {
    }

  private:
    void DoRun() override;
};

void
CryptoDhPaddingTestCase::DoRun()
{
    for (const GroupVector& v : GetGroups())
    {
        const std::string name = "group " + std::to_string(v.id) + ": ";
        const uint32_t length = CryptoDiffieHellman::GetLength(v.group);
        // x = 1: g^1 = 2, which must come out as length - 1 zero bytes and 0x02.
        std::vector<uint8_t> two(length, 0);
        two[length - 1] = 2;
        std::vector<uint8_t> y;
        NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::ComputePublic(v.group, {0x01}, y),
                              true,
                              name + "x = 1");
        NS_TEST_EXPECT_MSG_EQ(ToHex(y), ToHex(two), name + "g^1 is not padded 2");
        // Peer value 2 (the smallest allowed) and x = 1 give a shared value of 2, padded.
        std::vector<uint8_t> s;
        NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::ComputeShared(v.group, {0x01}, two, s),
                              true,
                              name + "peer 2");
        NS_TEST_EXPECT_MSG_EQ(ToHex(s), ToHex(two), name + "2^1 is not padded 2");
    }
}

/**
 * \brief Invalid private values and peer values are rejected.
 */
class CryptoDhRejectTestCase : public TestCase
{
  public:
    CryptoDhRejectTestCase()
        : TestCase("Peer values 0 1 p-1 p and above and wrong lengths are rejected")
    {
    }

  private:
    void DoRun() override;
};

void
CryptoDhRejectTestCase::DoRun()
{
    for (const GroupVector& v : GetGroups())
    {
        const std::string name = "group " + std::to_string(v.id) + ": ";
        const uint32_t length = CryptoDiffieHellman::GetLength(v.group);
        const std::vector<uint8_t> x = Private(length, 13, 0x2d);
        const std::vector<uint8_t> p = CryptoDiffieHellman::GetPrime(v.group);
        NS_TEST_ASSERT_MSG_EQ(p.size(), length, name + "prime length");

        std::vector<uint8_t> zero(length, 0);
        std::vector<uint8_t> one(length, 0);
        one[length - 1] = 1;
        std::vector<uint8_t> pMinusOne = p;
        pMinusOne[length - 1] -= 1; // p ends in 0xff: no borrow
        std::vector<uint8_t> pMinusTwo = p;
        pMinusTwo[length - 1] -= 2;
        std::vector<uint8_t> allOnes(length, 0xff);
        std::vector<uint8_t> valid = FromHex(v.publicB);

        struct Case
        {
            std::vector<uint8_t> peer; ///< the peer value
            bool accepted;             ///< expected result
            const char* what;          ///< description
        };

        const std::vector<Case> cases = {
            {zero, false, "0"},
            {one, false, "1"},
            {pMinusOne, false, "p-1"},
            {p, false, "p"},
            {allOnes, false, "2^n - 1 (above p)"},
            {std::vector<uint8_t>(valid.begin() + 1, valid.end()), false, "one byte short"},
            {[&valid]() {
                 std::vector<uint8_t> longer(1, 0);
                 longer.insert(longer.end(), valid.begin(), valid.end());
                 return longer;
             }(),
             false,
             "one byte long (leading zero)"},
            {std::vector<uint8_t>(), false, "empty"},
            {pMinusTwo, true, "p-2 (largest allowed)"},
            {valid, true, "a valid public value"},
        };
        for (const Case& c : cases)
        {
            std::vector<uint8_t> shared{0xaa};
            const bool ok = CryptoDiffieHellman::ComputeShared(v.group, x, c.peer, shared);
            NS_TEST_EXPECT_MSG_EQ(ok, c.accepted, name + "peer value " + c.what);
            NS_TEST_EXPECT_MSG_EQ(shared.size(),
                                  (c.accepted ? length : 0u),
                                  name + "output size for peer value " + c.what);
        }

        // Private values 0 and >= p-1 are refused by both operations.
        std::vector<uint8_t> y{0xaa};
        NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::ComputePublic(v.group, zero, y),
                              false,
                              name + "private 0");
        NS_TEST_EXPECT_MSG_EQ(y.empty(), true, name + "output not cleared");
        NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::ComputePublic(v.group, {}, y),
                              false,
                              name + "empty private");
        NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::ComputePublic(v.group, pMinusOne, y),
                              false,
                              name + "private p-1");
        NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::ComputeShared(v.group, zero, valid, y),
                              false,
                              name + "shared with private 0");
    }
}

/**
 * \brief MakePrivate: length, top bit, nonzero, reproducible from the seed, usable.
 */
class CryptoDhMakePrivateTestCase : public TestCase
{
  public:
    CryptoDhMakePrivateTestCase()
        : TestCase("MakePrivate draws reproducible in-range private values")
    {
    }

  private:
    void DoRun() override;
};

void
CryptoDhMakePrivateTestCase::DoRun()
{
    const uint32_t seed = RngSeedManager::GetSeed();
    const uint64_t run = RngSeedManager::GetRun();
    RngSeedManager::SetSeed(3);
    RngSeedManager::SetRun(1);

    Ptr<CryptoRandom> a = CreateObject<CryptoRandom>();
    Ptr<CryptoRandom> b = CreateObject<CryptoRandom>();
    a->AssignStreams(11);
    b->AssignStreams(11);
    for (const GroupVector& v : GetGroups())
    {
        const std::string name = "group " + std::to_string(v.id) + ": ";
        const uint32_t length = CryptoDiffieHellman::GetLength(v.group);
        std::vector<uint8_t> xa = CryptoDiffieHellman::MakePrivate(v.group, *a);
        std::vector<uint8_t> xb = CryptoDiffieHellman::MakePrivate(v.group, *b);
        NS_TEST_ASSERT_MSG_EQ(xa.size(), length, name + "length");
        NS_TEST_EXPECT_MSG_EQ((xa[0] & 0x80), 0, name + "top bit set");
        bool nonzero = false;
        for (uint8_t byte : xa)
        {
            nonzero = nonzero || byte != 0;
        }
        NS_TEST_EXPECT_MSG_EQ(nonzero, true, name + "zero private value");
        NS_TEST_EXPECT_MSG_EQ(ToHex(xa), ToHex(xb), name + "same stream, different bytes");
        std::vector<uint8_t> y;
        NS_TEST_EXPECT_MSG_EQ(CryptoDiffieHellman::ComputePublic(v.group, xa, y),
                              true,
                              name + "drawn value not usable");
    }
    // The next draw from the same stream differs from the previous one.
    std::vector<uint8_t> first = CryptoDiffieHellman::MakePrivate(CryptoDhGroup::MODP_1024, *a);
    std::vector<uint8_t> second = CryptoDiffieHellman::MakePrivate(CryptoDhGroup::MODP_1024, *a);
    NS_TEST_EXPECT_MSG_NE(ToHex(first), ToHex(second), "two draws gave the same value");

    a->Dispose();
    b->Dispose();
    RngSeedManager::SetSeed(seed);
    RngSeedManager::SetRun(run);
}

/**
 * \brief The Diffie-Hellman suite.
 */
class CryptoDhTestSuite : public TestSuite
{
  public:
    CryptoDhTestSuite()
        : TestSuite("cxtp-ipsec-dh", TestSuite::UNIT)
    {
        AddTestCase(new CryptoDhPrimeTestCase, TestCase::QUICK);
        AddTestCase(new CryptoDhSupportTestCase, TestCase::QUICK);
        AddTestCase(new CryptoDhKnownAnswerTestCase, TestCase::QUICK);
        AddTestCase(new CryptoDhPaddingTestCase, TestCase::QUICK);
        AddTestCase(new CryptoDhRejectTestCase, TestCase::QUICK);
        AddTestCase(new CryptoDhMakePrivateTestCase, TestCase::QUICK);
    }
};

static CryptoDhTestSuite g_cryptoDhTestSuite; ///< the static instance registers the suite
