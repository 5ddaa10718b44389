/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Tests of the RADIUS wire layer: RadiusCodec (RFC 2865 §3, §5, RFC 3579 §3.1, RFC 2865 §5.26),
// RadiusAuthenticator (RFC 2865 §3, RFC 3579 §3.2) and RadiusMppeKey (RFC 2548 §2.4.2-2.4.3):
// round trips, malformed input that fails with a reason, and the vectors of
// test/vectors/radius-vectors.py.

#include "cxtp-test-hex.h"
#include "eap-radius-test-vectors.h"

#include "ns3/crypto-random.h"
#include "ns3/eap-codec.h"
#include "ns3/eap-md5-method.h"
#include "ns3/radius-authenticator.h"
#include "ns3/radius-codec.h"
#include "ns3/radius-mppe-key.h"
#include "ns3/test.h"

#include <cstdint>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

using Bytes = std::vector<uint8_t>;
using Type = RadiusAttributeType;

/**
 * \param hex an encoded RADIUS packet
 * \return the reason Decode() gives (empty if it decodes)
 */
std::string
RadiusReason(const std::string& hex)
{
    RadiusPacket p;
    return RadiusCodec::Decode(CxtpTestFromHex(hex), p).reason;
}

/// \return the Access-Request of the vectors, built from typed values (Message-Authenticator 0)
RadiusPacket
VectorAccessRequest()
{
    RadiusPacket p;
    p.code = RadiusCode::ACCESS_REQUEST;
    p.identifier = 0x2a;
    p.authenticator = EapRadiusTestVector("request_auth");
    const Bytes identity = EapRadiusTestVector("identity");
    const std::string id(identity.begin(), identity.end());
    p.attributes.push_back(RadiusCodec::MakeString(Type::USER_NAME, id));
    p.attributes.push_back(RadiusCodec::MakeNasIpv6Address(Ipv6Address("2001:db8::1")));
    for (const auto& a : RadiusCodec::SplitEapMessage(
             EapCodec::Encode(EapCodec::MakeIdentity(EapCode::RESPONSE, 1, id))))
    {
        p.attributes.push_back(a);
    }
    p.attributes.push_back({Type::MESSAGE_AUTHENTICATOR, Bytes(16, 0)});
    return p;
}

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Packets of every code with every attribute kind round-trip (RFC 2865 §3, §5).
 */
class RadiusRoundTripTestCase : public TestCase
{
  public:
    RadiusRoundTripTestCase()
        : TestCase("RADIUS packets with every attribute kind round-trip")
    {
    }

  private:
    void DoRun() override
    {
        RadiusPacket p;
        p.identifier = 0x77;
        p.authenticator = Bytes(16, 0xab);
        p.attributes = {
            RadiusCodec::MakeString(Type::USER_NAME, "user@example.net"),
            RadiusCodec::MakeNasIpAddress(Ipv4Address("192.0.2.7")),
            RadiusCodec::MakeNasIpv6Address(Ipv6Address("2001:db8::7")),
            {Type::STATE, {1, 2, 3, 4, 5}},
            RadiusCodec::MakeInteger(Type::SESSION_TIMEOUT, 3600),
            RadiusCodec::MakeString(Type::CALLED_STATION_ID, "00-11-22-33-44-55:cxtp"),
            RadiusCodec::MakeString(Type::CALLING_STATION_ID, "66-77-88-99-aa-bb"),
            RadiusCodec::MakeString(Type::NAS_IDENTIFIER, "ar1"),
            RadiusCodec::MakeInteger(Type::NAS_PORT_TYPE, 19), // Wireless - IEEE 802.11
            RadiusCodec::MakeInteger(Type::FRAMED_MTU, 1400),
            {Type::EAP_MESSAGE, {3, 1, 0, 4}},
            {Type::MESSAGE_AUTHENTICATOR, Bytes(16, 0)},
            RadiusCodec::MakeVendorSpecific(311, 16, {0x80, 1, 2, 3}),
            {static_cast<Type>(200), {42}}, // unknown type, kept
        };
        for (RadiusCode code : {RadiusCode::ACCESS_REQUEST,
                                RadiusCode::ACCESS_ACCEPT,
                                RadiusCode::ACCESS_REJECT,
                                RadiusCode::ACCESS_CHALLENGE})
        {
            p.code = code;
            const Bytes b = RadiusCodec::Encode(p);
            NS_TEST_ASSERT_MSG_EQ(b[0], static_cast<uint8_t>(code), "Code");
            NS_TEST_ASSERT_MSG_EQ(static_cast<size_t>((b[2] << 8) | b[3]), b.size(), "Length");
            RadiusPacket d;
            WireDecodeResult r = RadiusCodec::Decode(b, d);
            NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, r.reason);
            NS_TEST_ASSERT_MSG_EQ(
                (d.code == code && d.identifier == 0x77 && d.authenticator == p.authenticator),
                true,
                "header");
            NS_TEST_ASSERT_MSG_EQ(d.attributes.size(), p.attributes.size(), "count");
            for (size_t i = 0; i < p.attributes.size(); ++i)
            {
                NS_TEST_EXPECT_MSG_EQ((d.attributes[i].type == p.attributes[i].type &&
                                       d.attributes[i].value == p.attributes[i].value),
                                      true,
                                      "attribute " << i);
            }
        }
        RadiusPacket d;
        RadiusCodec::Decode(RadiusCodec::Encode(p), d);
        NS_TEST_EXPECT_MSG_EQ(RadiusCodec::GetString(*RadiusCodec::Find(d, Type::USER_NAME)),
                              "user@example.net",
                              "User-Name");
        NS_TEST_EXPECT_MSG_EQ(RadiusCodec::GetInteger(*RadiusCodec::Find(d, Type::FRAMED_MTU)),
                              1400,
                              "Framed-MTU");
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(RadiusCodec::Find(d, Type::NAS_IP_ADDRESS)->value),
                              "c0000207",
                              "NAS-IP-Address");
        NS_TEST_EXPECT_MSG_EQ((RadiusCodec::Find(d, Type::NAS_IDENTIFIER) != nullptr &&
                               RadiusCodec::Find(d, static_cast<Type>(201)) == nullptr),
                              true,
                              "Find");
        uint32_t vendor = 0;
        uint8_t vendorType = 0;
        Bytes data;
        NS_TEST_ASSERT_MSG_EQ(
            RadiusCodec::GetVendorSpecific(*RadiusCodec::Find(d, Type::VENDOR_SPECIFIC),
                                           vendor,
                                           vendorType,
                                           data)
                .IsOk(),
            true,
            "VSA");
        NS_TEST_EXPECT_MSG_EQ((vendor == 311 && vendorType == 16 && data == Bytes{0x80, 1, 2, 3}),
                              true,
                              "VSA fields");
        NS_TEST_EXPECT_MSG_NE(
            RadiusCodec::GetVendorSpecific({Type::VENDOR_SPECIFIC, {0, 0, 1, 55, 16, 9, 1}},
                                           vendor,
                                           vendorType,
                                           data)
                .reason,
            "",
            "vendor length past the value");
        NS_TEST_EXPECT_MSG_NE(
            RadiusCodec::GetVendorSpecific({Type::VENDOR_SPECIFIC, {0, 0, 1, 55, 16, 1}},
                                           vendor,
                                           vendorType,
                                           data)
                .reason,
            "",
            "vendor length 1");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Malformed RADIUS packets fail with a reason (RFC 2865 §3, §5).
 */
class RadiusMalformedTestCase : public TestCase
{
  public:
    RadiusMalformedTestCase()
        : TestCase("Malformed RADIUS packets fail with a reason")
    {
    }

  private:
    void DoRun() override
    {
        const std::string auth = "00000000000000000000000000000000";
        NS_TEST_EXPECT_MSG_EQ(RadiusReason("01010014" + auth), "", "empty Access-Request");
        NS_TEST_EXPECT_MSG_EQ(RadiusReason("01010014" + auth + "0000"),
                              "",
                              "padding after Length ignored");
        Bytes big(5000, 0);
        big[0] = 1;
        big[2] = 0x10;
        big[3] = 0x01; // Length 4097
        RadiusPacket p;
        NS_TEST_EXPECT_MSG_NE(RadiusCodec::Decode(big, p).reason, "", "Length above 4096");
        const std::vector<std::string> bad{
            "0101001400",                         // truncated: 5 octets
            "01010013" + auth,                    // Length 19
            "01010000" + auth,                    // Length 0
            "01010016" + auth,                    // Length 22 > 20 octets
            "05010014" + auth,                    // Code 5 (Accounting-Request) not handled
            "01010016" + auth + "0100",           // attribute Length 0
            "01010016" + auth + "0101",           // attribute Length 1
            "01010016" + auth + "0102",           // attribute Length 2 (empty value)
            "01010017" + auth + "010561",         // attribute runs past Length
            "01010015" + auth + "01",             // attribute header truncated
            "01010019" + auth + "1b05000001",     // Session-Timeout of 3 octets
            "0101001b" + auth + "0406c000020700", // trailing half attribute
            "01010018" + auth + "50060000",       // Message-Authenticator of 4 octets
            "01010018" + auth + "5f060000",       // NAS-IPv6-Address of 4 octets
            "01010018" + auth + "1a060000",       // Vendor-Specific of 4 octets
        };
        for (const auto& hex : bad)
        {
            NS_TEST_EXPECT_MSG_NE(RadiusReason(hex), "", "must fail: " << hex);
        }
        NS_TEST_EXPECT_MSG_EQ(
            (RadiusReason("01010013" + auth).find("20-4096") != std::string::npos),
            true,
            "reason names the range");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief EAP-Message splits at 253 octets and joins back; pieces that do not form one EAP
 * packet fail (RFC 3579 §3.1).
 */
class RadiusEapMessageTestCase : public TestCase
{
  public:
    RadiusEapMessageTestCase()
        : TestCase("EAP-Message splits into 253-octet attributes and joins; bad pieces fail")
    {
    }

  private:
    void DoRun() override
    {
        EapPacket eap{EapCode::REQUEST, 9, EapType::TLS, Bytes(595, 0x5a)};
        const Bytes eapBytes = EapCodec::Encode(eap); // 600 octets
        const std::vector<RadiusAttribute> pieces = RadiusCodec::SplitEapMessage(eapBytes);
        NS_TEST_ASSERT_MSG_EQ(pieces.size(), 3, "253 + 253 + 94");
        NS_TEST_ASSERT_MSG_EQ((pieces[0].value.size() == 253 && pieces[2].value.size() == 94),
                              true,
                              "piece sizes");
        RadiusPacket p;
        p.code = RadiusCode::ACCESS_CHALLENGE;
        p.attributes.push_back({Type::STATE, {1}});
        p.attributes.insert(p.attributes.end(), pieces.begin(), pieces.end());
        RadiusPacket d;
        NS_TEST_ASSERT_MSG_EQ(RadiusCodec::Decode(RadiusCodec::Encode(p), d).IsOk(), true, "");
        EapPacket joined;
        Bytes joinedBytes;
        NS_TEST_ASSERT_MSG_EQ(RadiusCodec::GetEapMessage(d, joined, &joinedBytes).IsOk(), true, "");
        NS_TEST_ASSERT_MSG_EQ(
            (joinedBytes == eapBytes && joined.typeData == eap.typeData && joined.identifier == 9),
            true,
            "joined");

        RadiusPacket missing = d;
        missing.attributes.pop_back(); // the last piece lost
        NS_TEST_EXPECT_MSG_NE(RadiusCodec::GetEapMessage(missing, joined).reason, "", "lost");
        RadiusPacket extra = d;
        extra.attributes.push_back({Type::EAP_MESSAGE, {0}});
        NS_TEST_EXPECT_MSG_NE(RadiusCodec::GetEapMessage(extra, joined).reason, "", "extra octet");
        RadiusPacket none;
        NS_TEST_EXPECT_MSG_NE(RadiusCodec::GetEapMessage(none, joined).reason, "", "none");
        RadiusPacket garbage;
        garbage.attributes.push_back({Type::EAP_MESSAGE, {9, 9, 0, 4}});
        NS_TEST_EXPECT_MSG_NE(RadiusCodec::GetEapMessage(garbage, joined).reason, "", "code 9");
        RadiusPacket shortOne;
        shortOne.attributes.push_back({Type::EAP_MESSAGE, {1, 1}});
        NS_TEST_EXPECT_MSG_NE(RadiusCodec::GetEapMessage(shortOne, joined).reason, "", "2 octets");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Message-Authenticator and Response Authenticator match the Python vectors, verify,
 * and fail on a tampered byte (RFC 2865 §3, RFC 3579 §3.2).
 */
class RadiusAuthenticatorTestCase : public TestCase
{
  public:
    RadiusAuthenticatorTestCase()
        : TestCase("RADIUS authenticators match the Python vectors and detect tampering")
    {
    }

  private:
    void DoRun() override
    {
        const Bytes secret = EapRadiusTestVector("secret");
        const Bytes requestAuth = EapRadiusTestVector("request_auth");
        NS_TEST_ASSERT_MSG_EQ(requestAuth.size(),
                              16,
                              "vectors read from " << EapRadiusTestVectorPath());

        // Access-Request.
        Bytes request = RadiusCodec::Encode(VectorAccessRequest());
        NS_TEST_ASSERT_MSG_EQ(RadiusAuthenticator::SignRequest(request, secret).IsOk(), true, "");
        NS_TEST_ASSERT_MSG_EQ(CxtpTestToHex(request),
                              CxtpTestToHex(EapRadiusTestVector("access_request")),
                              "Access-Request with Message-Authenticator, as computed by Python");
        NS_TEST_ASSERT_MSG_EQ(RadiusAuthenticator::VerifyRequest(request, secret).IsOk(), true, "");
        for (size_t at : {size_t{1}, size_t{5}, size_t{30}, request.size() - 1})
        {
            Bytes tampered = request;
            tampered[at] ^= 0x01;
            NS_TEST_EXPECT_MSG_NE(RadiusAuthenticator::VerifyRequest(tampered, secret).reason,
                                  "",
                                  "tampered octet " << at);
        }
        NS_TEST_EXPECT_MSG_NE(RadiusAuthenticator::VerifyRequest(request, Bytes{'x'}).reason,
                              "",
                              "wrong secret");
        RadiusPacket unsignedEap = VectorAccessRequest();
        unsignedEap.attributes.pop_back(); // no Message-Authenticator
        NS_TEST_EXPECT_MSG_NE(
            RadiusAuthenticator::VerifyRequest(RadiusCodec::Encode(unsignedEap), secret).reason,
            "",
            "EAP-Message without Message-Authenticator");

        // Access-Challenge carrying EAP-MD5.
        RadiusPacket c;
        c.code = RadiusCode::ACCESS_CHALLENGE;
        c.identifier = 0x2a;
        EapPacket md5{EapCode::REQUEST,
                      2,
                      EapType::MD5_CHALLENGE,
                      EapMd5Method::Encode({EapRadiusTestVector("md5_challenge"), "aaa.example"})};
        c.attributes = RadiusCodec::SplitEapMessage(EapCodec::Encode(md5));
        c.attributes.push_back({Type::STATE, EapRadiusTestVector("state")});
        c.attributes.push_back({Type::MESSAGE_AUTHENTICATOR, Bytes(16, 0)});
        Bytes challenge = RadiusCodec::Encode(c);
        Bytes mac;
        NS_TEST_ASSERT_MSG_EQ(
            RadiusAuthenticator::ComputeMessageAuthenticator(challenge, secret, requestAuth, mac)
                .IsOk(),
            true,
            "");
        NS_TEST_ASSERT_MSG_EQ(
            CxtpTestToHex(mac),
            CxtpTestToHex(EapRadiusTestVector("access_challenge.message_authenticator")),
            "Message-Authenticator of a response");
        NS_TEST_ASSERT_MSG_EQ(
            RadiusAuthenticator::SignResponse(challenge, requestAuth, secret).IsOk(),
            true,
            "");
        NS_TEST_ASSERT_MSG_EQ(CxtpTestToHex(challenge),
                              CxtpTestToHex(EapRadiusTestVector("access_challenge")),
                              "signed Access-Challenge, as computed by Python");
        NS_TEST_ASSERT_MSG_EQ(
            CxtpTestToHex(
                RadiusAuthenticator::ComputeResponseAuthenticator(challenge, requestAuth, secret)),
            CxtpTestToHex(EapRadiusTestVector("access_challenge.response_authenticator")),
            "Response Authenticator");
        NS_TEST_ASSERT_MSG_EQ(
            RadiusAuthenticator::VerifyResponse(challenge, requestAuth, secret).IsOk(),
            true,
            "");
        for (size_t at : {size_t{1}, size_t{4}, size_t{25}, challenge.size() - 1})
        {
            Bytes tampered = challenge;
            tampered[at] ^= 0x80;
            NS_TEST_EXPECT_MSG_NE(
                RadiusAuthenticator::VerifyResponse(tampered, requestAuth, secret).reason,
                "",
                "tampered octet " << at);
        }
        Bytes otherAuth = requestAuth;
        otherAuth[15] ^= 1;
        NS_TEST_EXPECT_MSG_NE(
            RadiusAuthenticator::VerifyResponse(challenge, otherAuth, secret).reason,
            "",
            "answers another request");
        // Message-Authenticator wrong but Response Authenticator recomputed over it: still fails.
        Bytes forged = challenge;
        forged[forged.size() - 1] ^= 1;
        const Bytes ra =
            RadiusAuthenticator::ComputeResponseAuthenticator(forged, requestAuth, secret);
        std::copy(ra.begin(), ra.end(), forged.begin() + 4);
        NS_TEST_EXPECT_MSG_NE(
            RadiusAuthenticator::VerifyResponse(forged, requestAuth, secret).reason,
            "",
            "Message-Authenticator checked too");

        // Request Authenticators from CryptoRandom.
        Ptr<CryptoRandom> random = CreateObject<CryptoRandom>();
        random->AssignStreams(1);
        const Bytes a1 = RadiusAuthenticator::NewRequestAuthenticator(random);
        const Bytes a2 = RadiusAuthenticator::NewRequestAuthenticator(random);
        NS_TEST_EXPECT_MSG_EQ((a1.size() == 16 && a2.size() == 16 && a1 != a2), true, "random");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief MS-MPPE-Send-Key and MS-MPPE-Recv-Key encrypt as the Python vectors, decrypt back,
 * and reject malformed fields (RFC 2548 §2.4.2-2.4.3).
 */
class RadiusMppeKeyTestCase : public TestCase
{
  public:
    RadiusMppeKeyTestCase()
        : TestCase("MS-MPPE keys encrypt as the Python vectors and decrypt back")
    {
    }

  private:
    void DoRun() override
    {
        const Bytes secret = EapRadiusTestVector("secret");
        const Bytes requestAuth = EapRadiusTestVector("request_auth");
        const Bytes recvKey = EapRadiusTestVector("mppe_recv_key");
        const Bytes sendKey = EapRadiusTestVector("mppe_send_key");
        NS_TEST_ASSERT_MSG_EQ(recvKey.size(), 32, "vectors read");
        const Bytes recvEnc = RadiusMppeKey::Encrypt(recvKey, secret, requestAuth, 0x0123);
        NS_TEST_ASSERT_MSG_EQ(CxtpTestToHex(recvEnc),
                              CxtpTestToHex(EapRadiusTestVector("mppe_recv_key.salt0123")),
                              "Recv-Key: salt with high bit, MD5 chain");
        Bytes key;
        NS_TEST_ASSERT_MSG_EQ(RadiusMppeKey::Decrypt(recvEnc, secret, requestAuth, key).IsOk(),
                              true,
                              "");
        NS_TEST_ASSERT_MSG_EQ((key == recvKey), true, "decrypts back");

        // The whole Access-Accept: both keys, EAP-Success, Message-Authenticator.
        RadiusPacket accept;
        accept.code = RadiusCode::ACCESS_ACCEPT;
        accept.identifier = 0x2b;
        accept.attributes = {
            RadiusMppeKey::MakeAttribute(RadiusMppeKey::MS_MPPE_RECV_KEY,
                                         recvKey,
                                         secret,
                                         requestAuth,
                                         0x0123),
            RadiusMppeKey::MakeAttribute(RadiusMppeKey::MS_MPPE_SEND_KEY,
                                         sendKey,
                                         secret,
                                         requestAuth,
                                         0x0456),
            {Type::EAP_MESSAGE, EapCodec::Encode({EapCode::SUCCESS, 2, EapType::NONE, {}})},
            {Type::MESSAGE_AUTHENTICATOR, Bytes(16, 0)},
        };
        Bytes bytes = RadiusCodec::Encode(accept);
        NS_TEST_ASSERT_MSG_EQ(RadiusAuthenticator::SignResponse(bytes, requestAuth, secret).IsOk(),
                              true,
                              "");
        NS_TEST_ASSERT_MSG_EQ(CxtpTestToHex(bytes),
                              CxtpTestToHex(EapRadiusTestVector("access_accept")),
                              "Access-Accept, as computed by Python");
        RadiusPacket d;
        NS_TEST_ASSERT_MSG_EQ(RadiusCodec::Decode(bytes, d).IsOk(), true, "");
        NS_TEST_ASSERT_MSG_EQ(
            RadiusMppeKey::GetKey(d, RadiusMppeKey::MS_MPPE_SEND_KEY, secret, requestAuth, key)
                .IsOk(),
            true,
            "");
        NS_TEST_ASSERT_MSG_EQ((key == sendKey), true, "Send-Key");

        // Other lengths round-trip: 0, 15 (P = 16), 16 (P = 32), 64, the maximum.
        for (size_t n : {size_t{0}, size_t{15}, size_t{16}, size_t{64}, RadiusMppeKey::MAX_KEY})
        {
            const Bytes k(n, 0xc3);
            const Bytes enc = RadiusMppeKey::Encrypt(k, secret, requestAuth, 0x7fff);
            NS_TEST_EXPECT_MSG_EQ((enc.size() - 2) % 16, 0, "String a multiple of 16");
            NS_TEST_EXPECT_MSG_EQ((enc[0] & 0x80), 0x80, "salt high bit");
            Bytes back;
            NS_TEST_EXPECT_MSG_EQ(RadiusMppeKey::Decrypt(enc, secret, requestAuth, back).IsOk(),
                                  true,
                                  "");
            NS_TEST_EXPECT_MSG_EQ((back == k), true, "key of " << n);
        }
        // Malformed.
        NS_TEST_EXPECT_MSG_NE(
            RadiusMppeKey::Decrypt(Bytes(17, 0x80), secret, requestAuth, key).reason,
            "",
            "17 octets");
        Bytes noHigh = recvEnc;
        noHigh[0] &= 0x7f;
        NS_TEST_EXPECT_MSG_NE(RadiusMppeKey::Decrypt(noHigh, secret, requestAuth, key).reason,
                              "",
                              "salt without high bit");
        Bytes odd = recvEnc;
        odd.push_back(0);
        NS_TEST_EXPECT_MSG_NE(RadiusMppeKey::Decrypt(odd, secret, requestAuth, key).reason,
                              "",
                              "String not a multiple of 16");
        Bytes wrong;
        WireDecodeResult r = RadiusMppeKey::Decrypt(recvEnc, Bytes{'x'}, requestAuth, wrong);
        NS_TEST_EXPECT_MSG_EQ((!r.IsOk() || wrong != recvKey), true, "wrong secret");
        RadiusPacket empty;
        NS_TEST_EXPECT_MSG_NE(
            RadiusMppeKey::GetKey(empty, RadiusMppeKey::MS_MPPE_RECV_KEY, secret, requestAuth, key)
                .reason,
            "",
            "no key attribute");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The RADIUS wire layer: codec, EAP-Message, authenticators, MPPE keys.
 */
class RadiusCodecTestSuite : public TestSuite
{
  public:
    RadiusCodecTestSuite()
        : TestSuite("cxtp-ipsec-radius-codec", TestSuite::UNIT)
    {
        AddTestCase(new RadiusRoundTripTestCase, TestCase::QUICK);
        AddTestCase(new RadiusMalformedTestCase, TestCase::QUICK);
        AddTestCase(new RadiusEapMessageTestCase, TestCase::QUICK);
        AddTestCase(new RadiusAuthenticatorTestCase, TestCase::QUICK);
        AddTestCase(new RadiusMppeKeyTestCase, TestCase::QUICK);
    }
};

static RadiusCodecTestSuite g_radiusCodecTestSuite; ///< the suite's static instance
