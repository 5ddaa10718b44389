/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Tests for Ikev2Protection and Ikev2SkSuite: the SK payload (RFC 7296 §3.14; AES-GCM, RFC 5282)
// for every supported ENCR/INTEG pair, tampering, malformed SK payloads, and two known-answer
// messages made independently of this module by test/vectors/ikev2-sk-vectors.py (Python's
// cryptography package and hmac module; see the script for how).

#include "cxtp-test-hex.h"
#include "cxtp-test-isolation.h"
#include "ikev2-test-payloads.h"

#include "ns3/crypto-cipher.h"
#include "ns3/crypto-mac.h"
#include "ns3/crypto-random.h"
#include "ns3/ikev2-codec.h"
#include "ns3/ikev2-protection.h"
#include "ns3/test.h"

#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// The shared helpers.
using T = Ikev2TestPayloads;

/**
 * \return every supported suite: 3DES, AES-128-CBC and AES-256-CBC with each HMAC, then
 * AES-GCM-16 with 128- and 256-bit keys
 */
std::vector<Ikev2SkSuite>
Suites()
{
    std::vector<Ikev2SkSuite> suites;
    const Ikev2IntegId integs[] = {Ikev2IntegId::AUTH_HMAC_SHA1_96,
                                   Ikev2IntegId::AUTH_HMAC_SHA2_256_128,
                                   Ikev2IntegId::AUTH_HMAC_SHA2_384_192,
                                   Ikev2IntegId::AUTH_HMAC_SHA2_512_256};
    for (Ikev2IntegId integ : integs)
    {
        suites.push_back({Ikev2EncrId::ENCR_3DES, 0, integ});
        suites.push_back({Ikev2EncrId::ENCR_AES_CBC, 128, integ});
        suites.push_back({Ikev2EncrId::ENCR_AES_CBC, 256, integ});
    }
    suites.push_back({Ikev2EncrId::ENCR_AES_GCM_16, 128, Ikev2IntegId::NONE});
    suites.push_back({Ikev2EncrId::ENCR_AES_GCM_16, 256, Ikev2IntegId::NONE});
    return suites;
}

/**
 * \param suite the transforms
 * \return keys of the right sizes
 */
Ikev2SkKeys
Keys(const Ikev2SkSuite& suite)
{
    return Ikev2SkKeys{suite,
                       T::Seq(suite.GetEncryptionKeySize(), 0x01),
                       T::Seq(suite.GetIntegrityKeySize(), 0x81)};
}

/// \return the IKE_AUTH request of the known-answer vectors, SK payload open
Ikev2Message
AuthRequest()
{
    Ikev2Message m;
    m.header.initiatorSpi = 0x0102030405060708ULL;
    m.header.responderSpi = 0x1112131415161718ULL;
    m.header.exchangeType = Ikev2ExchangeType::IKE_AUTH;
    m.header.initiator = true;
    m.header.messageId = 1;
    m.encrypted = Ikev2EncryptedPayload{};
    m.encrypted->payloads = T::AuthRequest();
    return m;
}

/**
 * \param m a message with an open SK payload
 * \return the SK payload's inner payloads re-encoded, to compare two plaintext views
 */
std::string
InnerHex(const Ikev2Message& m)
{
    return m.encrypted ? CxtpTestToHex(Ikev2Codec::EncodePayloads(m.encrypted->payloads,
                                                                  Ikev2PayloadType::NONE))
                       : std::string("no SK");
}

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The sizes of each suite (RFC 7296 §3.14, RFC 4868 §2, RFC 5282 §7.1) and the suites
 * refused.
 */
class Ikev2SkSuiteTestCase : public TestCase
{
  public:
    Ikev2SkSuiteTestCase()
        : TestCase("SK suites: key, IV, block and ICV sizes; unsupported pairs are named")
    {
    }

  private:
    void DoRun() override;
};

void
Ikev2SkSuiteTestCase::DoRun()
{
    struct Sizes
    {
        Ikev2SkSuite suite;
        uint32_t encKey, integKey, iv, block, icv;
    };

    const Sizes table[] = {
        {{Ikev2EncrId::ENCR_3DES, 0, Ikev2IntegId::AUTH_HMAC_SHA1_96}, 24, 20, 8, 8, 12},
        {{Ikev2EncrId::ENCR_AES_CBC, 128, Ikev2IntegId::AUTH_HMAC_SHA2_256_128},
         16,
         32,
         16,
         16,
         16},
        {{Ikev2EncrId::ENCR_AES_CBC, 256, Ikev2IntegId::AUTH_HMAC_SHA2_384_192},
         32,
         48,
         16,
         16,
         24},
        {{Ikev2EncrId::ENCR_AES_CBC, 256, Ikev2IntegId::AUTH_HMAC_SHA2_512_256},
         32,
         64,
         16,
         16,
         32},
        {{Ikev2EncrId::ENCR_AES_GCM_16, 128, Ikev2IntegId::NONE}, 20, 0, 8, 1, 16},
        {{Ikev2EncrId::ENCR_AES_GCM_16, 256, Ikev2IntegId::NONE}, 36, 0, 8, 1, 16},
    };
    for (const auto& s : table)
    {
        const std::string name = s.suite.GetName();
        NS_TEST_EXPECT_MSG_EQ(s.suite.Check(), std::string(), name);
        NS_TEST_EXPECT_MSG_EQ(s.suite.GetEncryptionKeySize(), s.encKey, name << " SK_e");
        NS_TEST_EXPECT_MSG_EQ(s.suite.GetIntegrityKeySize(), s.integKey, name << " SK_a");
        NS_TEST_EXPECT_MSG_EQ(s.suite.GetIvSize(), s.iv, name << " IV");
        NS_TEST_EXPECT_MSG_EQ(s.suite.GetBlockSize(), s.block, name << " block");
        NS_TEST_EXPECT_MSG_EQ(s.suite.GetIcvSize(), s.icv, name << " ICV");
    }
    NS_TEST_EXPECT_MSG_EQ(Suites().size(), 14u, "3 x 4 CBC pairs and 2 GCM");

    const Ikev2SkSuite refused[] = {
        {Ikev2EncrId::ENCR_AES_CBC, 192, Ikev2IntegId::AUTH_HMAC_SHA1_96},
        {Ikev2EncrId::ENCR_AES_CBC, 128, Ikev2IntegId::NONE},
        {Ikev2EncrId::ENCR_AES_GCM_16, 128, Ikev2IntegId::AUTH_HMAC_SHA1_96},
        {Ikev2EncrId::ENCR_3DES, 192, Ikev2IntegId::AUTH_HMAC_SHA1_96},
        {Ikev2EncrId::ENCR_NULL, 0, Ikev2IntegId::AUTH_HMAC_SHA1_96},
    };
    for (const auto& s : refused)
    {
        NS_TEST_EXPECT_MSG_NE(s.Check(), std::string(), s.GetName() << " is refused");
        NS_TEST_EXPECT_MSG_EQ(s.GetEncryptionKeySize(), 0u, s.GetName() << " has no key size");
    }
    NS_TEST_EXPECT_MSG_EQ(refused[2].Check(),
                          std::string("aes128-gcm16/hmac-sha1-96: AES-GCM takes no integrity "
                                      "transform"),
                          "RFC 5282 §8");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Protect → Open for every suite, sizes computed beforehand, minimal padding, and
 * rejection of any flipped bit (RFC 7296 §3.14).
 */
class Ikev2SkRoundTripTestCase : public TestCase
{
  public:
    Ikev2SkRoundTripTestCase()
        : TestCase(
              "SK round trip for each ENCR and INTEG pair; flipped bits and wrong keys refused")
    {
    }

  private:
    void DoRun() override;
    /**
     * \param suite the transforms
     * \param rng the IV source
     */
    void CheckSuite(const Ikev2SkSuite& suite, const Ptr<CryptoRandom>& rng);
    /**
     * \param bytes a protected message
     * \param keys the keys that open it
     * \param name the suite's name
     */
    void CheckTampering(const std::vector<uint8_t>& bytes,
                        const Ikev2SkKeys& keys,
                        const std::string& name);
};

void
Ikev2SkRoundTripTestCase::DoRun()
{
    CxtpTestIsolation isolation(1);
    Ptr<CryptoRandom> rng = CreateObject<CryptoRandom>();
    rng->AssignStreams(10);
    for (const auto& suite : Suites())
    {
        CheckSuite(suite, rng);
    }
}

void
Ikev2SkRoundTripTestCase::CheckSuite(const Ikev2SkSuite& suite, const Ptr<CryptoRandom>& rng)
{
    const std::string name = suite.GetName();
    const Ikev2SkKeys keys = Keys(suite);
    Ikev2Message m = AuthRequest();
    m.payloads = {Ikev2VendorIdPayload{T::Seq(16, 0x70)}}; // a clear payload before SK
    const std::vector<uint8_t> bytes = Ikev2Protection::Protect(m, keys, rng);
    NS_TEST_EXPECT_MSG_EQ(bytes.size(), Ikev2Protection::GetMessageSize(m, suite), name);

    const uint32_t inner = Ikev2Codec::GetPayloadsSize(m.encrypted->payloads);
    const uint32_t pad = Ikev2Protection::GetPadLength(suite, inner);
    NS_TEST_EXPECT_MSG_LT(pad, suite.GetBlockSize(), name << ": minimal padding");
    NS_TEST_EXPECT_MSG_EQ((inner + pad + 1) % suite.GetBlockSize(), 0u, name << ": aligned");

    Ikev2Message d;
    Ikev2DecodeResult r = Ikev2Protection::Open(bytes, keys, d);
    NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, name << ": " << r.reason);
    NS_TEST_EXPECT_MSG_EQ(d.header.length, bytes.size(), name << ": header Length");
    NS_TEST_EXPECT_MSG_EQ(static_cast<int>(d.header.nextPayload), 43, name << ": V first");
    NS_TEST_EXPECT_MSG_EQ(d.payloads.size(), 1u, name << ": the clear payload");
    NS_TEST_ASSERT_MSG_EQ(d.encrypted.has_value(), true, name << ": SK");
    if (!d.encrypted)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(d.encrypted->sealed, false, name << ": opened");
    NS_TEST_EXPECT_MSG_EQ(InnerHex(d), InnerHex(m), name << ": inner payloads");
    NS_TEST_EXPECT_MSG_EQ(d.header.messageId, 1u, name << ": message ID");

    // An empty SK payload (a liveness check, RFC 7296 §1.4): Next Payload 0 in its header.
    Ikev2Message empty = AuthRequest();
    empty.header.exchangeType = Ikev2ExchangeType::INFORMATIONAL;
    empty.encrypted->payloads.clear();
    const std::vector<uint8_t> dpd = Ikev2Protection::Protect(empty, keys, rng);
    NS_TEST_EXPECT_MSG_EQ(dpd.size(), Ikev2Protection::GetMessageSize(empty, suite), name);
    NS_TEST_EXPECT_MSG_EQ(+dpd.at(28), 0, name << ": SK names no inner payload");
    r = Ikev2Protection::Open(dpd, keys, d);
    NS_TEST_EXPECT_MSG_EQ(r.IsOk(), true, name << ": empty SK opens: " << r.reason);
    NS_TEST_EXPECT_MSG_EQ((d.encrypted && d.encrypted->payloads.empty()), true, name);

    CheckTampering(bytes, keys, name);
}

void
Ikev2SkRoundTripTestCase::CheckTampering(const std::vector<uint8_t>& bytes,
                                         const Ikev2SkKeys& keys,
                                         const std::string& name)
{
    const size_t icv = keys.suite.GetIcvSize();
    // HDR (0-27) | V (28-47) | SK header (48-51) | IV (52-) | ciphertext | ICV: a bit of SPIi,
    // of the clear payload, of the SK header's flags, of the IV, of the ciphertext and of the ICV.
    const size_t positions[] =
        {3, 40, 49, 52, bytes.size() - icv - 1, bytes.size() - icv, bytes.size() - 1};
    for (size_t at : positions)
    {
        for (uint8_t bit : {0x01, 0x80})
        {
            std::vector<uint8_t> f = bytes;
            f[at] ^= bit;
            Ikev2Message d;
            const Ikev2DecodeResult r = Ikev2Protection::Open(f, keys, d);
            NS_TEST_EXPECT_MSG_EQ(std::string(GetIkev2DecodeErrorName(r.error)),
                                  std::string("INTEGRITY_FAILED"),
                                  name << ": bit " << +bit << " of octet " << at);
            NS_TEST_EXPECT_MSG_EQ(r.reason, std::string("ICV mismatch"), name);
            NS_TEST_EXPECT_MSG_EQ((d.encrypted && d.encrypted->sealed), true, name << ": sealed");
        }
    }
    Ikev2SkKeys wrong = keys;
    wrong.encryptionKey.back() ^= 2; // the GCM salt, or the CBC key (not a DES parity bit)
    Ikev2Message d;
    Ikev2DecodeResult r = Ikev2Protection::Open(bytes, wrong, d);
    NS_TEST_EXPECT_MSG_EQ(r.IsOk(), false, name << ": another SK_e");
    if (!keys.suite.IsCombinedMode())
    {
        wrong = keys;
        wrong.integrityKey.front() ^= 1;
        r = Ikev2Protection::Open(bytes, wrong, d);
        NS_TEST_EXPECT_MSG_EQ(r.reason, std::string("ICV mismatch"), name << ": another SK_a");
    }
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Known-answer messages made by test/vectors/ikev2-sk-vectors.py (independent of this
 * module): Ikev2Protection must build them octet for octet, and open them.
 */
class Ikev2SkKnownAnswerTestCase : public TestCase
{
  public:
    Ikev2SkKnownAnswerTestCase()
        : TestCase("SK known answers (AES-CBC-128 + HMAC-SHA2-256-128, AES-GCM-16-128)")
    {
    }

  private:
    void DoRun() override;
    /**
     * \param m the message to protect
     * \param keys the keys
     * \param iv the vector's IV
     * \param expected the vector's message
     * \param name the vector's name
     */
    void Check(const Ikev2Message& m,
               const Ikev2SkKeys& keys,
               const std::vector<uint8_t>& iv,
               const std::vector<uint8_t>& expected,
               const std::string& name);
};

void
Ikev2SkKnownAnswerTestCase::Check(const Ikev2Message& m,
                                  const Ikev2SkKeys& keys,
                                  const std::vector<uint8_t>& iv,
                                  const std::vector<uint8_t>& expected,
                                  const std::string& name)
{
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(Ikev2Protection::ProtectWithIv(m, keys, iv)),
                          CxtpTestToHex(expected),
                          name << ": octet for octet");
    Ikev2Message d;
    const Ikev2DecodeResult r = Ikev2Protection::Open(expected, keys, d);
    NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, name << ": " << r.reason);
    NS_TEST_EXPECT_MSG_EQ(InnerHex(d), InnerHex(m), name << ": inner payloads");
    const auto* idi =
        d.encrypted ? IkeFindPayload<Ikev2IdiPayload>(d.encrypted->payloads) : nullptr;
    NS_TEST_ASSERT_MSG_EQ((idi != nullptr), true, name << ": IDi");
    if (idi == nullptr)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(idi->data),
                          std::string("20010db8000000000000000000000001"),
                          name << ": IDi data");
}

void
Ikev2SkKnownAnswerTestCase::DoRun()
{
    // ikev2-sk-vectors.py, vector 1: AES-CBC-128, HMAC-SHA2-256-128; 212 octets of inner
    // payloads, 11 of padding, SK payload 4 + 16 + 224 + 16 = 260 octets, message 288.
    const std::vector<uint8_t> cbc = CxtpTestFromHex(
        "010203040506070811121314151617182e202308000000010000012023000104505152535455565758595a"
        "5b5c5d5e5f2e21c1e914abe3261937033f9c5fc1f8835683f333f95c95fcedac6d965d3ec4216fec2fbb62"
        "d7f5762575f8f7755e31e10ca7ccbb1f51160b01a612c288f0158489b2ef29d00ad78459ddf674c3c79757"
        "e6810572e0433914cefbb1c3b838d27415c94bb831488853f0b97f263a08399dac6e5d0c809d6b64d8e980"
        "2a573bf28b8f5e46fcd0cd1a572a0d62ab93431fec88be202c89cf2fd6933c121f47a2af4c805daf4c31fa"
        "e83b11f2ec462703a36df0513a7ba65cfaab5bfeb44a6322c81e84b3233362e0292ae644a07865788ba050"
        "354c0ff97aae024c04d01eee2806d361e6aa45276ec93a9618a0a09dfa29");
    Ikev2SkKeys cbcKeys{{Ikev2EncrId::ENCR_AES_CBC, 128, Ikev2IntegId::AUTH_HMAC_SHA2_256_128},
                        T::Seq(16, 0x00),
                        T::Seq(32, 0x20)};
    NS_TEST_EXPECT_MSG_EQ(cbc.size(), 288u, "vector 1 size");
    Check(AuthRequest(), cbcKeys, T::Seq(16, 0x50), cbc, "AES-CBC-128/HMAC-SHA2-256-128");

    // Vector 2: AES-GCM-16, 128-bit key, salt c0c1c2c3; a clear Vendor ID before SK is part of
    // the associated data (RFC 5282 §5.1); no padding, Pad Length 0.
    const std::vector<uint8_t> gcm = CxtpTestFromHex(
        "010203040506070811121314151617182b202308000000010000011b2e00000e637874702d697073656323"
        "0000f1d0d1d2d3d4d5d6d7664bd3c6f9908a1b0950e161851fcc0f079ef996c0a31e9f5267a8e5b88bf4ea"
        "ff63a140948b8b712836d83409d71a4245716a1faad56afb8de01fd8c86598441f50ed6fb2271323944d84"
        "94773ebe25943b549ae9c6d5952b12d46be200a893640c7e69f51ed7bea020a6d7d337b8a5238790d555b0"
        "c9d35ea980466c98dbd17cc83e2fcd6b75da07986279514f555258711bba5e94b2b8bfd7347fd2c85acb3d"
        "6eb10342c8f8170af129b2bafbfb4964469b16dda3cd6c08014198edc0078bbff6716e1297553c08ee35d9"
        "38d49b804e838f808cb1788ea1137da07a11ab542ef6fcecf8");
    Ikev2SkKeys gcmKeys{{Ikev2EncrId::ENCR_AES_GCM_16, 128, Ikev2IntegId::NONE},
                        CxtpTestFromHex("606162636465666768696a6b6c6d6e6f c0c1c2c3"),
                        {}};
    Ikev2Message m = AuthRequest();
    m.payloads = {Ikev2VendorIdPayload{{'c', 'x', 't', 'p', '-', 'i', 'p', 's', 'e', 'c'}}};
    NS_TEST_EXPECT_MSG_EQ(gcm.size(), 283u, "vector 2 size");
    Check(m, gcmKeys, CxtpTestFromHex("d0d1d2d3d4d5d6d7"), gcm, "AES-GCM-16-128");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Malformed SK payloads, padding other than minimal, critical payloads inside SK and
 * reproducible IVs.
 */
class Ikev2SkMalformedTestCase : public TestCase
{
  public:
    Ikev2SkMalformedTestCase()
        : TestCase("SK: bad sizes and pad lengths refused, any aligned padding accepted, "
                   "inner critical payloads reported after the ICV")
    {
    }

  private:
    void DoRun() override;
    /// Structural errors in the SK payload.
    void CheckStructure();
    /// Payloads inside the SK payload: critical, nested SK.
    void CheckInner();
    /// Truncation and byte flips of a protected message.
    void CheckFuzz();
    /// IVs drawn from CryptoRandom: reproducible per stream, fresh per message.
    void CheckIvSource();
    /**
     * \brief Builds an AES-CBC-128/HMAC-SHA2-256-128 message around a given plaintext, so that
     * its ICV holds whatever the plaintext says.
     * \param first the SK payload's Next Payload
     * \param plaintext inner payloads | padding | Pad Length, a multiple of 16 octets
     * \return the message
     */
    std::vector<uint8_t> SealRaw(uint8_t first, const std::vector<uint8_t>& plaintext);
    /**
     * \param bytes a message
     * \param reason the expected reason
     * \param what the check's name
     */
    void ExpectOpenError(const std::vector<uint8_t>& bytes,
                         const std::string& reason,
                         const std::string& what);

    /// The keys of SealRaw().
    const Ikev2SkKeys m_keys{{Ikev2EncrId::ENCR_AES_CBC, 128, Ikev2IntegId::AUTH_HMAC_SHA2_256_128},
                             T::Seq(16, 0x00),
                             T::Seq(32, 0x20)};
};

std::vector<uint8_t>
Ikev2SkMalformedTestCase::SealRaw(uint8_t first, const std::vector<uint8_t>& plaintext)
{
    const std::vector<uint8_t> iv = T::Seq(16, 0x50);
    const auto skLength = static_cast<uint32_t>(4 + 16 + plaintext.size() + 16);
    Ikev2Header h = AuthRequest().header;
    h.nextPayload = Ikev2PayloadType::SK;
    h.length = 28 + skLength;
    std::vector<uint8_t> out = Ikev2Codec::EncodeHeader(h);
    out.insert(out.end(),
               {first, 0, static_cast<uint8_t>(skLength >> 8), static_cast<uint8_t>(skLength)});
    out.insert(out.end(), iv.begin(), iv.end());
    std::vector<uint8_t> ciphertext;
    CryptoCipher::CbcEncrypt(IpsecEncryption::AES_128_CBC,
                             m_keys.encryptionKey,
                             iv,
                             plaintext,
                             ciphertext);
    out.insert(out.end(), ciphertext.begin(), ciphertext.end());
    std::vector<uint8_t> icv = CryptoMac::Hmac(CryptoHash::SHA2_256, m_keys.integrityKey, out);
    out.insert(out.end(), icv.begin(), icv.begin() + 16);
    return out;
}

void
Ikev2SkMalformedTestCase::ExpectOpenError(const std::vector<uint8_t>& bytes,
                                          const std::string& reason,
                                          const std::string& what)
{
    Ikev2Message d;
    const Ikev2DecodeResult r = Ikev2Protection::Open(bytes, m_keys, d);
    NS_TEST_EXPECT_MSG_EQ(r.IsOk(), false, what);
    NS_TEST_EXPECT_MSG_EQ(r.reason, reason, what);
}

void
Ikev2SkMalformedTestCase::DoRun()
{
    CheckStructure();
    CheckInner();
    CheckFuzz();
    CheckIvSource();
}

void
Ikev2SkMalformedTestCase::CheckStructure()
{
    // N(INITIAL_CONTACT), 8 octets, then padding: minimal is 7 (8 + 7 + 1 = 16).
    const std::vector<uint8_t> notify = CxtpTestFromHex("00 00 0008 00 00 4000");
    std::vector<uint8_t> pt = notify;
    pt.insert(pt.end(), {0, 0, 0, 0, 0, 0, 0, 7});
    const std::vector<uint8_t> minimal = SealRaw(41, pt);
    Ikev2Message d;
    NS_TEST_EXPECT_MSG_EQ(Ikev2Protection::Open(minimal, m_keys, d).IsOk(), true, "minimal");

    // Any padding that aligns is accepted (RFC 7296 §3.14): 23 octets.
    pt = notify;
    pt.insert(pt.end(), 23, 0xee);
    pt.push_back(23);
    Ikev2DecodeResult r = Ikev2Protection::Open(SealRaw(41, pt), m_keys, d);
    NS_TEST_EXPECT_MSG_EQ(r.IsOk(), true, "23 octets of padding: " << r.reason);
    NS_TEST_EXPECT_MSG_EQ((d.encrypted && d.encrypted->payloads.size() == 1), true, "one N");

    pt.back() = 200;
    ExpectOpenError(SealRaw(41, pt), "pad length 200 beyond the 32-octet plaintext", "pad 200");
    pt.back() = 31;
    ExpectOpenError(SealRaw(41, pt),
                    "truncated generic header of payload type 41",
                    "pad 31 leaves no room for the N announced");

    // One octet less of ciphertext, the lengths fitted: refused before the ICV is computed.
    pt.back() = 23;
    std::vector<uint8_t> m = SealRaw(41, pt);
    m.erase(m.begin() + 48);
    m[27] -= 1;
    m[31] -= 1;
    ExpectOpenError(m, "ciphertext of 31 octets not a multiple of the block size 16", "31");
    m = minimal;
    m.erase(m.begin() + 32, m.begin() + 64);
    m[27] -= 32;
    m[31] -= 32;
    ExpectOpenError(m,
                    "Encrypted payload body of 16 octets too short for IV, one block and ICV",
                    "no room");

    Ikev2Message clear;
    clear.payloads = {Ikev2NoncePayload{T::Seq(16, 0)}};
    ExpectOpenError(Ikev2Codec::EncodeMessage(clear), "no Encrypted payload to open", "no SK");
}

void
Ikev2SkMalformedTestCase::CheckInner()
{
    // An unknown critical payload inside SK: reported once the ICV has verified, with the
    // message fully opened.
    Ikev2Message m = AuthRequest();
    m.encrypted->payloads.push_back(
        Ikev2UnknownPayload{static_cast<Ikev2PayloadType>(200), T::Seq(3, 0), true});
    std::vector<uint8_t> bytes = Ikev2Protection::ProtectWithIv(m, m_keys, T::Seq(16, 0x50));
    Ikev2Message d;
    Ikev2DecodeResult r = Ikev2Protection::Open(bytes, m_keys, d);
    NS_TEST_EXPECT_MSG_EQ(std::string(GetIkev2DecodeErrorName(r.error)),
                          std::string("UNSUPPORTED_CRITICAL_PAYLOAD"),
                          r.reason);
    NS_TEST_EXPECT_MSG_EQ(static_cast<int>(r.unsupportedType), 200, "the type to report");
    NS_TEST_ASSERT_MSG_EQ((d.encrypted && !d.encrypted->sealed), true, "opened");
    if (!d.encrypted)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(d.encrypted->payloads.size(), 7u, "all inner payloads");
    bytes.back() ^= 1;
    r = Ikev2Protection::Open(bytes, m_keys, d);
    NS_TEST_EXPECT_MSG_EQ(r.reason, std::string("ICV mismatch"), "the ICV comes first");

    // The plaintext holds another SK payload (RFC 7296 §3.14).
    std::vector<uint8_t> pt = CxtpTestFromHex("00 00 0008 01020304");
    pt.insert(pt.end(), 7, 0);
    pt.push_back(7);
    ExpectOpenError(SealRaw(46, pt), "Encrypted payload inside an Encrypted payload", "nested");
    // A syntax error inside: offsets count from the plaintext.
    pt = CxtpTestFromHex("00 00 0003 01020304");
    pt.insert(pt.end(), 7, 0);
    pt.push_back(7);
    ExpectOpenError(SealRaw(41, pt), "payload length 3 below 4", "inner length");
}

void
Ikev2SkMalformedTestCase::CheckFuzz()
{
    Ikev2Message m = AuthRequest();
    const std::vector<uint8_t> bytes = Ikev2Protection::ProtectWithIv(m, m_keys, T::Seq(16, 0x50));
    for (size_t n = 0; n < bytes.size(); ++n)
    {
        std::vector<uint8_t> cut(bytes.begin(), bytes.begin() + n);
        if (n >= 32)
        {
            cut[27] = static_cast<uint8_t>(n); // 288 octets: the high octets stay
            cut[26] = static_cast<uint8_t>(n >> 8);
            cut[30] = static_cast<uint8_t>((n - 28) >> 8);
            cut[31] = static_cast<uint8_t>(n - 28);
        }
        Ikev2Message d;
        NS_TEST_EXPECT_MSG_EQ(Ikev2Protection::Open(cut, m_keys, d).IsOk(), false, "cut " << n);
    }
    for (size_t i = 0; i < bytes.size(); ++i)
    {
        for (uint8_t x : {0x01, 0x10, 0xff})
        {
            std::vector<uint8_t> f = bytes;
            f[i] ^= x;
            Ikev2Message d;
            NS_TEST_EXPECT_MSG_EQ(Ikev2Protection::Open(f, m_keys, d).IsOk(),
                                  false,
                                  "octet " << i << " ^ " << +x);
        }
    }
}

void
Ikev2SkMalformedTestCase::CheckIvSource()
{
    CxtpTestIsolation isolation(3);
    Ptr<CryptoRandom> a = CreateObject<CryptoRandom>();
    Ptr<CryptoRandom> b = CreateObject<CryptoRandom>();
    a->AssignStreams(42);
    b->AssignStreams(42);
    const Ikev2Message m = AuthRequest();
    const std::vector<uint8_t> first = Ikev2Protection::Protect(m, m_keys, a);
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(first),
                          CxtpTestToHex(Ikev2Protection::Protect(m, m_keys, b)),
                          "same seed and stream, same message");
    const std::vector<uint8_t> second = Ikev2Protection::Protect(m, m_keys, a);
    NS_TEST_EXPECT_MSG_NE(
        CxtpTestToHex(std::vector<uint8_t>(first.begin() + 32, first.begin() + 48)),
        CxtpTestToHex(std::vector<uint8_t>(second.begin() + 32, second.begin() + 48)),
        "a fresh IV for the next message");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The SK payload protection suite.
 */
class Ikev2ProtectionTestSuite : public TestSuite
{
  public:
    Ikev2ProtectionTestSuite()
        : TestSuite("cxtp-ipsec-ikev2-protection", TestSuite::UNIT)
    {
        AddTestCase(new Ikev2SkSuiteTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2SkRoundTripTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2SkKnownAnswerTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2SkMalformedTestCase, TestCase::QUICK);
    }
};

static Ikev2ProtectionTestSuite g_ikev2ProtectionTestSuite; ///< registers the suite
