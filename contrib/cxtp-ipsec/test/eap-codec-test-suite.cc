/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Tests of the EAP wire layer: EapCodec (RFC 3748 §4, Identity, Nak), EapMd5Method (§5.4),
// EAP-TLS framing and reassembly (RFC 5216 §2.1.5, §3.1) and EapAkaCodec (RFC 4187 §8.1, §10)
// with its AT_MAC: round trips, literal layouts, malformed input that fails with a reason, and
// the vectors of test/vectors/radius-vectors.py.

#include "cxtp-test-hex.h"
#include "eap-radius-test-vectors.h"

#include "ns3/eap-aka-codec.h"
#include "ns3/eap-codec.h"
#include "ns3/eap-md5-method.h"
#include "ns3/eap-tls-framing.h"
#include "ns3/eap-tls-reassembler.h"
#include "ns3/test.h"

#include <cstdint>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

using Bytes = std::vector<uint8_t>;
using AkaType = EapAkaAttributeType;

/**
 * \param hex an encoded EAP packet
 * \return the reason Decode() gives (empty if it decodes)
 */
std::string
EapReason(const std::string& hex)
{
    EapPacket p;
    return EapCodec::Decode(CxtpTestFromHex(hex), p).reason;
}

/**
 * \param hex EAP-AKA type-data
 * \return the reason EapAkaCodec::Decode() gives (empty if it decodes)
 */
std::string
AkaReason(const std::string& hex)
{
    EapAkaMessage m;
    return EapAkaCodec::Decode(CxtpTestFromHex(hex), m).reason;
}

/**
 * \param frames EAP-TLS frames
 * \return the reason EapTlsReassembler::Reassemble() gives (empty if it reassembles)
 */
std::string
TlsReason(const std::vector<EapTlsFrame>& frames)
{
    Bytes out;
    return EapTlsReassembler::Reassemble(frames, out).reason;
}

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief EAP packets of every code round-trip, with the layout of RFC 3748 §4.
 */
class EapPacketTestCase : public TestCase
{
  public:
    EapPacketTestCase()
        : TestCase("EAP packets (Request, Response, Success, Failure, Identity, Nak) round-trip")
    {
    }

  private:
    void DoRun() override
    {
        const Bytes id = EapCodec::Encode(EapCodec::MakeIdentity(EapCode::RESPONSE, 7, "alice"));
        NS_TEST_ASSERT_MSG_EQ(CxtpTestToHex(id),
                              "0207000a01616c696365",
                              "Response/Identity layout");
        EapPacket p;
        NS_TEST_ASSERT_MSG_EQ(EapCodec::Decode(id, p).IsOk(), true, "decodes");
        std::string identity;
        NS_TEST_ASSERT_MSG_EQ(EapCodec::GetIdentity(p, identity).IsOk(), true, "identity");
        NS_TEST_ASSERT_MSG_EQ(identity, "alice", "identity value");
        NS_TEST_ASSERT_MSG_EQ(p.identifier, 7, "identifier");

        for (EapCode code : {EapCode::SUCCESS, EapCode::FAILURE})
        {
            EapPacket s{code, 9, EapType::NONE, {}};
            const Bytes b = EapCodec::Encode(s);
            NS_TEST_ASSERT_MSG_EQ(b.size(), 4, "Success/Failure are 4 octets");
            EapPacket d;
            NS_TEST_ASSERT_MSG_EQ(EapCodec::Decode(b, d).IsOk(), true, "decodes");
            NS_TEST_ASSERT_MSG_EQ((d.code == code && d.type == EapType::NONE), true, "fields");
        }

        // An unknown method's type-data is kept as it is.
        EapPacket opaque{EapCode::REQUEST, 1, static_cast<EapType>(50), {1, 2, 3}};
        EapPacket d;
        NS_TEST_ASSERT_MSG_EQ(EapCodec::Decode(EapCodec::Encode(opaque), d).IsOk(), true, "");
        NS_TEST_ASSERT_MSG_EQ((d.type == opaque.type && d.typeData == opaque.typeData),
                              true,
                              "opaque type-data");

        // Octets after Length are link-layer padding (§4).
        WireDecodeResult r = EapCodec::Decode(CxtpTestFromHex("03090004 0000"), d);
        NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, "padding ignored");
        NS_TEST_ASSERT_MSG_EQ(r.offset, 4, "octets used");

        // Nak (§5.3.1).
        const Bytes nak = EapCodec::Encode(EapCodec::MakeNak(3, {EapType::AKA, EapType::TLS}));
        NS_TEST_ASSERT_MSG_EQ(CxtpTestToHex(nak), "0203000703170d", "Nak layout");
        std::vector<EapType> desired;
        NS_TEST_ASSERT_MSG_EQ(EapCodec::Decode(nak, d).IsOk(), true, "Nak decodes");
        NS_TEST_ASSERT_MSG_EQ(EapCodec::GetNak(d, desired).IsOk(), true, "Nak reads");
        NS_TEST_ASSERT_MSG_EQ((desired == std::vector<EapType>{EapType::AKA, EapType::TLS}),
                              true,
                              "desired types");
        EapCodec::Decode(CxtpTestFromHex("0203000603|00"), d);
        NS_TEST_ASSERT_MSG_EQ(EapCodec::GetNak(d, desired).IsOk(), true, "lone 0 is allowed");
        EapCodec::Decode(CxtpTestFromHex("0203000703|0017"), d);
        NS_TEST_ASSERT_MSG_EQ(EapCodec::GetNak(d, desired).IsOk(), false, "0 with others");
        EapCodec::Decode(CxtpTestFromHex("0203000603|01"), d);
        NS_TEST_ASSERT_MSG_EQ(EapCodec::GetNak(d, desired).IsOk(), false, "Identity desired");
        EapCodec::Decode(CxtpTestFromHex("0203000503"), d);
        NS_TEST_ASSERT_MSG_EQ(EapCodec::GetNak(d, desired).IsOk(), false, "no desired type");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Malformed EAP packets fail with a reason (RFC 3748 §4).
 */
class EapMalformedTestCase : public TestCase
{
  public:
    EapMalformedTestCase()
        : TestCase("Malformed EAP packets fail with a reason")
    {
    }

  private:
    void DoRun() override
    {
        const std::vector<std::string> bad{
            "",                           // empty
            "010100",                     // truncated header
            "00010004",                   // code 0
            "05010004",                   // code 5
            "0101000a01616263",           // Length 10 > 8 octets
            "01010003",                   // Length below 4
            "01010004",                   // Request without Type
            "0301000500",                 // Success with data
            "0401000300",                 // Failure with Length 3
            "0101000cfe000000000000",     // Length 12 > 11
            "0101000cfe0000000000000001", // Expanded Type
        };
        for (const auto& hex : bad)
        {
            NS_TEST_EXPECT_MSG_NE(EapReason(hex), "", "must fail: " << hex);
        }
        NS_TEST_EXPECT_MSG_EQ(
            (EapReason("0101000cfe0000000000000001").find("Expanded") != std::string::npos),
            true,
            "reason names the Expanded Type");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief EAP-MD5-Challenge type-data and response (RFC 3748 §5.4, RFC 1994 §4.1).
 */
class EapMd5TestCase : public TestCase
{
  public:
    EapMd5TestCase()
        : TestCase("EAP-MD5-Challenge round-trips; its response matches the Python vector")
    {
    }

  private:
    void DoRun() override
    {
        const Bytes challenge = EapRadiusTestVector("md5_challenge");
        NS_TEST_ASSERT_MSG_EQ(challenge.size(),
                              16,
                              "vectors read from " << EapRadiusTestVectorPath());
        EapMd5Challenge c{challenge, "aaa.example"};
        const Bytes typeData = EapMd5Method::Encode(c);
        NS_TEST_ASSERT_MSG_EQ(typeData.size(), 1 + 16 + 11, "Value-Size, Value, Name");
        EapMd5Challenge d;
        NS_TEST_ASSERT_MSG_EQ(EapMd5Method::Decode(typeData, d).IsOk(), true, "decodes");
        NS_TEST_ASSERT_MSG_EQ((d.value == c.value && d.name == c.name), true, "fields");

        const Bytes secret = EapRadiusTestVector("md5_secret");
        NS_TEST_ASSERT_MSG_EQ(CxtpTestToHex(EapMd5Method::ComputeResponse(2, secret, challenge)),
                              CxtpTestToHex(EapRadiusTestVector("md5_response")),
                              "MD5(Identifier | secret | challenge)");

        NS_TEST_EXPECT_MSG_NE(EapMd5Method::Decode({}, d).reason, "", "empty");
        NS_TEST_EXPECT_MSG_NE(EapMd5Method::Decode({0}, d).reason, "", "Value-Size 0");
        NS_TEST_EXPECT_MSG_NE(EapMd5Method::Decode({5, 1, 2}, d).reason, "", "Value too long");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief EAP-TLS framing, fragmentation and reassembly (RFC 5216 §2.1.5, §3.1).
 */
class EapTlsTestCase : public TestCase
{
  public:
    EapTlsTestCase()
        : TestCase("EAP-TLS frames round-trip; a stream fragments and reassembles; bad "
                   "framing fails")
    {
    }

  private:
    void DoRun() override
    {
        EapTlsFrame f;
        f.lengthIncluded = true;
        f.moreFragments = true;
        f.tlsMessageLength = 0x1234;
        f.data = {0x16, 0x03, 0x01};
        NS_TEST_ASSERT_MSG_EQ(CxtpTestToHex(EapTlsFraming::Encode(f)),
                              "c000001234160301",
                              "Flags L|M, TLS Message Length, data");
        EapTlsFrame d;
        NS_TEST_ASSERT_MSG_EQ(EapTlsFraming::Decode(EapTlsFraming::Encode(f), d).IsOk(),
                              true,
                              "decodes");
        NS_TEST_ASSERT_MSG_EQ((d.lengthIncluded && d.moreFragments && !d.start &&
                               d.tlsMessageLength == 0x1234 && d.data == f.data),
                              true,
                              "fields");
        EapTlsFrame start;
        start.start = true;
        NS_TEST_ASSERT_MSG_EQ(CxtpTestToHex(EapTlsFraming::Encode(start)), "20", "Start");

        Bytes stream(2500);
        for (size_t i = 0; i < stream.size(); ++i)
        {
            stream[i] = static_cast<uint8_t>(i * 7);
        }
        const std::vector<EapTlsFrame> frames = EapTlsFraming::Fragment(stream, 1000);
        NS_TEST_ASSERT_MSG_EQ(frames.size(), 3, "three fragments");
        NS_TEST_ASSERT_MSG_EQ((frames[0].lengthIncluded && frames[0].moreFragments &&
                               frames[0].tlsMessageLength == 2500),
                              true,
                              "first: L, M, length");
        NS_TEST_ASSERT_MSG_EQ((!frames[1].lengthIncluded && frames[1].moreFragments), true, "");
        NS_TEST_ASSERT_MSG_EQ((!frames[2].moreFragments && frames[2].data.size() == 500),
                              true,
                              "last");
        Bytes out;
        NS_TEST_ASSERT_MSG_EQ(EapTlsReassembler::Reassemble(frames, out).IsOk(), true, "");
        NS_TEST_ASSERT_MSG_EQ((out == stream), true, "reassembled stream");
        // Through the wire.
        EapTlsReassembler r;
        for (const auto& frame : frames)
        {
            EapTlsFrame w;
            NS_TEST_ASSERT_MSG_EQ(EapTlsFraming::Decode(EapTlsFraming::Encode(frame), w).IsOk(),
                                  true,
                                  "");
            NS_TEST_ASSERT_MSG_EQ(r.Add(w).IsOk(), true, "fragment accepted");
        }
        NS_TEST_ASSERT_MSG_EQ((r.IsComplete() && r.GetMessage() == stream), true, "stateful");

        const std::vector<EapTlsFrame> single = EapTlsFraming::Fragment(Bytes(10, 1), 1000);
        NS_TEST_ASSERT_MSG_EQ(
            (single.size() == 1 && !single[0].lengthIncluded && !single[0].moreFragments),
            true,
            "unfragmented: no L, no M");
        NS_TEST_ASSERT_MSG_EQ(TlsReason(single), "", "single frame reassembles");

        // Malformed.
        NS_TEST_EXPECT_MSG_NE(EapTlsFraming::Decode({}, d).reason, "", "no Flags");
        NS_TEST_EXPECT_MSG_NE(EapTlsFraming::Decode({0x80, 0, 0}, d).reason, "", "L truncated");
        NS_TEST_EXPECT_MSG_NE(EapTlsFraming::Decode({0x01}, d).reason, "", "reserved bits");
        std::vector<EapTlsFrame> noL = frames;
        noL[0].lengthIncluded = false;
        NS_TEST_EXPECT_MSG_NE(TlsReason(noL), "", "first fragment without L");
        std::vector<EapTlsFrame> shortStream(frames.begin(), frames.end());
        shortStream[2].data.pop_back();
        NS_TEST_EXPECT_MSG_NE(TlsReason(shortStream), "", "shorter than announced");
        std::vector<EapTlsFrame> longStream = frames;
        longStream[2].data.push_back(0);
        NS_TEST_EXPECT_MSG_NE(TlsReason(longStream), "", "longer than announced");
        std::vector<EapTlsFrame> incomplete(frames.begin(), frames.begin() + 2);
        NS_TEST_EXPECT_MSG_NE(TlsReason(incomplete), "", "last frame has M");
        std::vector<EapTlsFrame> extra = single;
        extra.push_back(single[0]);
        NS_TEST_EXPECT_MSG_NE(TlsReason(extra), "", "fragment after the last");
        std::vector<EapTlsFrame> restart = frames;
        restart[1].start = true;
        NS_TEST_EXPECT_MSG_NE(TlsReason(restart), "", "Start inside a stream");
        std::vector<EapTlsFrame> changed = frames;
        changed[1].lengthIncluded = true;
        changed[1].tlsMessageLength = 9999;
        NS_TEST_EXPECT_MSG_NE(TlsReason(changed), "", "TLS Message Length changes");
        std::vector<EapTlsFrame> huge = frames;
        huge[0].tlsMessageLength = 0xffffffff;
        NS_TEST_EXPECT_MSG_NE(TlsReason(huge), "", "absurd TLS Message Length");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Every EAP-AKA attribute kind and subtype round-trips (RFC 4187 §8.1, §10).
 */
class EapAkaRoundTripTestCase : public TestCase
{
  public:
    EapAkaRoundTripTestCase()
        : TestCase("EAP-AKA messages with every attribute kind round-trip")
    {
    }

  private:
    void DoRun() override
    {
        EapAkaMessage m;
        m.subtype = EapAkaSubtype::CHALLENGE;
        m.attributes = {
            {AkaType::AT_RAND, Bytes(16, 0x11), 0},
            {AkaType::AT_AUTN, Bytes(16, 0x22), 0},
            {AkaType::AT_RES, Bytes(8, 0x33), 64},
            {AkaType::AT_RES, Bytes(5, 0x34), 36},
            {AkaType::AT_AUTS, Bytes(14, 0x44), 0},
            {AkaType::AT_PADDING, Bytes(6, 0), 0},
            {AkaType::AT_PERMANENT_ID_REQ, {}, 0},
            {AkaType::AT_MAC, Bytes(16, 0x55), 0},
            {AkaType::AT_NOTIFICATION, {}, 0x4000},
            {AkaType::AT_ANY_ID_REQ, {}, 0},
            {AkaType::AT_IDENTITY, {'1', '0', '0', '1', '@', 'x'}, 0},
            {AkaType::AT_FULLAUTH_ID_REQ, {}, 0},
            {AkaType::AT_COUNTER, {}, 7},
            {AkaType::AT_CLIENT_ERROR_CODE, {}, 0},
            {AkaType::AT_CHECKCODE, {}, 0},
            {AkaType::AT_CHECKCODE, Bytes(20, 0x66), 0},
            {static_cast<AkaType>(200), {9, 9, 9, 9, 9, 9}, 0}, // unknown, skippable
        };
        const Bytes typeData = EapAkaCodec::Encode(m);
        size_t expected = 3;
        for (size_t size : {20, 20, 12, 12, 16, 8, 4, 20, 4, 4, 12, 4, 4, 4, 4, 24, 8})
        {
            expected += size;
        }
        NS_TEST_ASSERT_MSG_EQ(typeData.size(), expected, "attribute sizes (multiples of 4)");
        // The first attribute: AT_RAND, Length 5, Reserved, RAND.
        NS_TEST_ASSERT_MSG_EQ(CxtpTestToHex(Bytes(typeData.begin(), typeData.begin() + 7)),
                              "01000001050000",
                              "Subtype, Reserved, AT_RAND header");
        EapAkaMessage d;
        WireDecodeResult r = EapAkaCodec::Decode(typeData, d);
        NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, r.reason);
        NS_TEST_ASSERT_MSG_EQ(d.attributes.size(), m.attributes.size(), "attribute count");
        for (size_t i = 0; i < m.attributes.size(); ++i)
        {
            const auto& a = m.attributes[i];
            const auto& b = d.attributes[i];
            NS_TEST_EXPECT_MSG_EQ((a.type == b.type && a.value == b.value && a.number == b.number),
                                  true,
                                  "attribute " << i << " type " << +static_cast<uint8_t>(a.type));
        }
        NS_TEST_ASSERT_MSG_EQ((EapAkaCodec::Encode(d) == typeData), true, "re-encodes the same");

        for (EapAkaSubtype s : {EapAkaSubtype::AUTHENTICATION_REJECT,
                                EapAkaSubtype::SYNCHRONIZATION_FAILURE,
                                EapAkaSubtype::IDENTITY,
                                EapAkaSubtype::NOTIFICATION,
                                EapAkaSubtype::REAUTHENTICATION,
                                EapAkaSubtype::CLIENT_ERROR})
        {
            EapAkaMessage e{s, {}};
            NS_TEST_ASSERT_MSG_EQ(EapAkaCodec::Decode(EapAkaCodec::Encode(e), d).IsOk(), true, "");
            NS_TEST_EXPECT_MSG_EQ((d.subtype == s && d.attributes.empty()), true, "subtype");
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Malformed EAP-AKA type-data fails with a reason (RFC 4187 §8.1, §10).
 */
class EapAkaMalformedTestCase : public TestCase
{
  public:
    EapAkaMalformedTestCase()
        : TestCase("Malformed EAP-AKA attributes fail with a reason")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_EXPECT_MSG_EQ(AkaReason("010000|13010007"), "", "AT_COUNTER decodes");
        NS_TEST_EXPECT_MSG_EQ(AkaReason("010000|c8010000"), "", "unknown skippable kept");
        const std::vector<std::string> bad{
            "0100",                     // type-data shorter than Subtype + Reserved
            "030000",                   // unknown subtype 3
            "010000|13",                // attribute header truncated
            "010000|1300",              // Length 0
            "010000|130200",            // Length 2 runs past the end
            "010000|32010000",          // unknown non-skippable type 50
            "010000|0101000000000000",  // AT_RAND Length 1
            "010000|03020014|00000000", // RES Length 20 bits
            "010000|03020080|00000000", // RES Length 128 bits > 4 octets
            "010000|0e020009|00000000", // Actual Identity Length 9 > 4
            "010000|13020007|00000000", // AT_COUNTER Length 2
            "010000|0604|0000|00000000|00000000|00000000", // AT_PADDING Length 4
            "010000|86020000|00000000",                    // AT_CHECKCODE Length 2
            "010000|04010000",                             // AT_AUTS Length 1
        };
        for (const auto& hex : bad)
        {
            NS_TEST_EXPECT_MSG_NE(AkaReason(hex), "", "must fail: " << hex);
        }
        const std::string lengthZero = AkaReason("0100001300");
        NS_TEST_EXPECT_MSG_EQ((lengthZero.find("Length 0") != std::string::npos),
                              true,
                              "reason names Length 0: " << lengthZero);
        const std::string unknown = AkaReason("01000032010000");
        NS_TEST_EXPECT_MSG_EQ((unknown.find("non-skippable") != std::string::npos),
                              true,
                              "reason names non-skippable: " << unknown);
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief AT_MAC (RFC 4187 §10.15) matches the Python vectors, verifies, and fails when a byte
 * or the key changes.
 */
class EapAkaMacTestCase : public TestCase
{
  public:
    EapAkaMacTestCase()
        : TestCase("EAP-AKA AT_MAC matches the Python vectors and detects tampering")
    {
    }

  private:
    void DoRun() override
    {
        const Bytes kAut = EapRadiusTestVector("aka_k_aut");
        NS_TEST_ASSERT_MSG_EQ(kAut.size(), 16, "vectors read from " << EapRadiusTestVectorPath());
        EapAkaMessage m{EapAkaSubtype::CHALLENGE,
                        {{AkaType::AT_RAND, EapRadiusTestVector("aka_rand"), 0},
                         {AkaType::AT_AUTN, EapRadiusTestVector("aka_autn"), 0},
                         {AkaType::AT_MAC, Bytes(16, 0), 0}}};
        EapPacket p{EapCode::REQUEST, 3, EapType::AKA, EapAkaCodec::Encode(m)};
        Bytes packet = EapCodec::Encode(p);
        NS_TEST_ASSERT_MSG_EQ(EapAkaCodec::SetMac(packet, kAut, {}).IsOk(), true, "MAC set");
        NS_TEST_ASSERT_MSG_EQ(CxtpTestToHex(packet),
                              CxtpTestToHex(EapRadiusTestVector("aka_challenge")),
                              "AKA-Challenge with AT_MAC, as computed by Python");
        NS_TEST_ASSERT_MSG_EQ(EapAkaCodec::VerifyMac(packet, kAut, {}).IsOk(), true, "verifies");
        Bytes tampered = packet;
        tampered[10] ^= 1; // inside AT_RAND
        NS_TEST_EXPECT_MSG_NE(EapAkaCodec::VerifyMac(tampered, kAut, {}).reason, "", "tampered");
        Bytes wrongKey = kAut;
        wrongKey[0] ^= 1;
        NS_TEST_EXPECT_MSG_NE(EapAkaCodec::VerifyMac(packet, wrongKey, {}).reason, "", "key");

        // With extra data: NONCE_S after the packet (§9.8).
        const Bytes nonceS = EapRadiusTestVector("aka_nonce_s");
        EapAkaMessage re{EapAkaSubtype::REAUTHENTICATION,
                         {{AkaType::AT_COUNTER, {}, 7}, {AkaType::AT_MAC, Bytes(16, 0), 0}}};
        Bytes reauth =
            EapCodec::Encode({EapCode::RESPONSE, 4, EapType::AKA, EapAkaCodec::Encode(re)});
        NS_TEST_ASSERT_MSG_EQ(EapAkaCodec::SetMac(reauth, kAut, nonceS).IsOk(), true, "");
        NS_TEST_ASSERT_MSG_EQ(CxtpTestToHex(reauth),
                              CxtpTestToHex(EapRadiusTestVector("aka_reauth_response")),
                              "MAC over packet | NONCE_S, as computed by Python");
        NS_TEST_EXPECT_MSG_NE(EapAkaCodec::VerifyMac(reauth, kAut, {}).reason,
                              "",
                              "without NONCE_S it does not verify");

        EapAkaMessage noMac{EapAkaSubtype::CHALLENGE, {{AkaType::AT_COUNTER, {}, 1}}};
        Bytes none =
            EapCodec::Encode({EapCode::REQUEST, 5, EapType::AKA, EapAkaCodec::Encode(noMac)});
        NS_TEST_EXPECT_MSG_NE(EapAkaCodec::SetMac(none, kAut, {}).reason, "", "no AT_MAC");
        Bytes notAka = EapCodec::Encode(EapCodec::MakeIdentity(EapCode::RESPONSE, 1, "x"));
        NS_TEST_EXPECT_MSG_NE(EapAkaCodec::VerifyMac(notAka, kAut, {}).reason, "", "not AKA");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The EAP wire layer: codec, methods, EAP-TLS framing, EAP-AKA.
 */
class EapCodecTestSuite : public TestSuite
{
  public:
    EapCodecTestSuite()
        : TestSuite("cxtp-ipsec-eap-codec", TestSuite::UNIT)
    {
        AddTestCase(new EapPacketTestCase, TestCase::QUICK);
        AddTestCase(new EapMalformedTestCase, TestCase::QUICK);
        AddTestCase(new EapMd5TestCase, TestCase::QUICK);
        AddTestCase(new EapTlsTestCase, TestCase::QUICK);
        AddTestCase(new EapAkaRoundTripTestCase, TestCase::QUICK);
        AddTestCase(new EapAkaMalformedTestCase, TestCase::QUICK);
        AddTestCase(new EapAkaMacTestCase, TestCase::QUICK);
    }
};

static EapCodecTestSuite g_eapCodecTestSuite; ///< the suite's static instance
