/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Tests for Ikev1Codec: hand-written byte vectors from the RFC 2408 §3 layouts (drawn as ASCII art
// next to each vector), the racoon-style sizes of doc/cxtp-ipsec.rst (Message counts and sizes),
// round trips, and malformed input (truncation at every length, bad lengths, bad attributes,
// inconsistent proposal chains, reserved payload types, byte-flip fuzzing) that must fail cleanly.

#include "ns3/ikev1-codec.h"
#include "ns3/ikev1-message.h"
#include "ns3/test.h"

#include <cctype>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/**
 * \param hex hex digits; spaces, newlines and '|' are ignored
 * \return the bytes
 */
std::vector<uint8_t>
Hex(const std::string& hex)
{
    std::vector<uint8_t> out;
    int hi = -1;
    for (char c : hex)
    {
        if (!std::isxdigit(static_cast<unsigned char>(c)))
        {
            continue;
        }
        int v = std::isdigit(static_cast<unsigned char>(c))
                    ? c - '0'
                    : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
        if (hi < 0)
        {
            hi = v;
        }
        else
        {
            out.push_back(static_cast<uint8_t>((hi << 4) | v));
            hi = -1;
        }
    }
    return out;
}

/**
 * \param b bytes
 * \return them as lower-case hex, for readable failure messages
 */
std::string
ToHex(const std::vector<uint8_t>& b)
{
    static const char* digits = "0123456789abcdef";
    std::string s;
    for (uint8_t x : b)
    {
        s += digits[x >> 4];
        s += digits[x & 0xF];
    }
    return s;
}

/**
 * \param n the length
 * \param first the first byte value
 * \return n bytes first, first + 1, …
 */
std::vector<uint8_t>
Seq(size_t n, uint8_t first)
{
    std::vector<uint8_t> v(n);
    for (size_t i = 0; i < n; ++i)
    {
        v[i] = static_cast<uint8_t>(first + i);
    }
    return v;
}

/**
 * \param bytes a payload chain
 * \param first the first payload type
 * \param [out] out the decoded payloads
 * \return the result; the bytes are copied into a buffer of exactly their size so that a
 * read past the end is an error the sanitisers and valgrind can see
 */
Ikev1DecodeResult
Decode(const std::vector<uint8_t>& bytes, uint8_t first, std::vector<Ikev1Payload>& out)
{
    std::vector<uint8_t> copy(bytes);
    return Ikev1Codec::DecodePayloads(copy.data(), copy.size(), first, out);
}

/// DPD vendor ID (RFC 3706).
const std::vector<uint8_t> DPD_VID = Hex("afcad71368a1f1c96b8696fc77570100");

/// Phase-1 attribute types (RFC 2409 App. A).
enum Phase1Attr : uint16_t
{
    P1_ENCRYPTION = 1,
    P1_HASH = 2,
    P1_AUTH_METHOD = 3,
    P1_GROUP = 4,
    P1_LIFE_TYPE = 11,
    P1_LIFE_DURATION = 12,
    P1_KEY_LENGTH = 14,
};

/**
 * \brief A racoon phase-1 transform in racoon's attribute order (doc/cxtp-ipsec.rst, Message
 * counts and sizes): life type, life duration, encryption, [key length], auth method, hash, group.
 * \param number the transform number
 * \param encryption 5 = 3DES, 7 = AES-CBC
 * \param keyLength key length in bits, or 0 for none
 * \param lifetime life duration in seconds
 * \return the transform
 */
Ikev1Transform
RacoonP1Transform(uint8_t number, uint16_t encryption, uint16_t keyLength, uint32_t lifetime)
{
    Ikev1Transform t;
    t.number = number;
    t.id = 1; // KEY_IKE
    t.attributes.push_back(Ikev1Attribute::Basic(P1_LIFE_TYPE, 1));
    t.attributes.push_back(Ikev1Attribute::Variable(P1_LIFE_DURATION, lifetime));
    t.attributes.push_back(Ikev1Attribute::Basic(P1_ENCRYPTION, encryption));
    if (keyLength != 0)
    {
        t.attributes.push_back(Ikev1Attribute::Basic(P1_KEY_LENGTH, keyLength));
    }
    t.attributes.push_back(Ikev1Attribute::Basic(P1_AUTH_METHOD, 1)); // PSK
    t.attributes.push_back(Ikev1Attribute::Basic(P1_HASH, 2));        // SHA
    t.attributes.push_back(Ikev1Attribute::Basic(P1_GROUP, 2));       // MODP-1024
    return t;
}

/**
 * \param transforms the transforms
 * \return a phase-1 SA payload with one ISAKMP proposal (SPI size 0)
 */
Ikev1SaPayload
RacoonP1Sa(const std::vector<Ikev1Transform>& transforms)
{
    Ikev1Proposal prop;
    prop.number = 1;
    prop.protocolId = 1; // PROTO_ISAKMP
    prop.transforms = transforms;
    Ikev1SaPayload sa;
    sa.proposals.push_back(prop);
    return sa;
}

/// MM1 payloads: SA (3DES) | VID (DPD).
std::vector<Ikev1Payload>
Mm1Payloads()
{
    return {RacoonP1Sa({RacoonP1Transform(1, 5, 0, 28800)}), Ikev1VendorIdPayload{DPD_VID}};
}

// MM1 payload chain (72 bytes) with racoon's 3DES/SHA/MODP-1024/PSK transform, written by hand.
//
// SA payload (RFC 2408 §3.4), 12 + 40 = 52 bytes
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// ! Next=13 (VID) !   RESERVED    !       Payload Length=52       !
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// !              Domain of Interpretation = 1 (IPsec)             !
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// !              Situation = 1 (SIT_IDENTITY_ONLY)                !
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// Proposal payload (§3.5), 8 + 0 + 32 = 40 bytes
// !   Next=0      !   RESERVED    !       Payload Length=40       !
// !  Proposal #1  ! PROTO_ISAKMP=1! SPI Size=0    ! # Transforms=1!
// Transform payload (§3.6), 8 + 6 × 4 = 32 bytes
// !   Next=0      !   RESERVED    !       Payload Length=32       !
// ! Transform #1  ! KEY_IKE=1     !           RESERVED2           !
// !1! Life Type=11                !  seconds=1                    !
// !1! Life Duration=12            !  28800=0x7080                 !
// !1! Encryption=1                !  3DES-CBC=5                   !
// !1! Auth Method=3               !  PSK=1                        !
// !1! Hash=2                      !  SHA=2                        !
// !1! Group=4                     !  MODP-1024=2                  !
// Vendor ID payload (§3.16), 4 + 16 = 20 bytes
// !   Next=0      !   RESERVED    !       Payload Length=20       !
// !   DPD vendor ID (RFC 3706), 16 bytes                          !
const char* MM1_PAYLOADS_HEX = "0d 00 0034 | 00000001 | 00000001"
                               "00 00 0028 | 01 01 00 01"
                               "00 00 0020 | 01 01 0000"
                               "800b 0001 | 800c 7080 | 8001 0005 | 8003 0001 | 8002 0002"
                               "8004 0002"
                               "00 00 0014 | afcad71368a1f1c96b8696fc77570100";

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The 28-byte ISAKMP header (RFC 2408 §3.1) against hand-written bytes.
 */
class Ikev1HeaderTestCase : public TestCase
{
  public:
    Ikev1HeaderTestCase()
        : TestCase("ISAKMP header encodes 28 bytes in network order and decodes back")
    {
    }

  private:
    void DoRun() override
    {
        //  0                   1                   2                   3
        //  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
        // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
        // !                          Initiator                            !
        // !                            Cookie                             !
        // !                          Responder                            !
        // !                            Cookie                             !
        // !  Next Payload ! MjVer ! MnVer ! Exchange Type !     Flags     !
        // !                          Message ID                           !
        // !                            Length                             !
        Ikev1Header h;
        h.initiatorCookie = 0x0123456789abcdefULL;
        h.responderCookie = 0xfedcba9876543210ULL;
        h.nextPayload = 8; // HASH
        h.exchangeType = Ikev1ExchangeType::QUICK;
        h.flags = Ikev1Header::FLAG_ENCRYPTION | Ikev1Header::FLAG_COMMIT;
        h.messageId = 0xdeadbeef;
        h.length = 260;
        std::vector<uint8_t> expected = Hex("0123456789abcdef fedcba9876543210"
                                            "08 10 20 03 | deadbeef | 00000104");
        std::vector<uint8_t> got = Ikev1Codec::EncodeHeader(h);
        NS_TEST_EXPECT_MSG_EQ(got.size(), 28u, "header size");
        NS_TEST_EXPECT_MSG_EQ(ToHex(got), ToHex(expected), "header bytes");

        Ikev1Header d;
        NS_TEST_ASSERT_MSG_EQ(Ikev1Codec::DecodeHeader(expected, d), true, "decodes");
        NS_TEST_EXPECT_MSG_EQ(d.initiatorCookie, h.initiatorCookie, "CKY-I");
        NS_TEST_EXPECT_MSG_EQ(d.responderCookie, h.responderCookie, "CKY-R");
        NS_TEST_EXPECT_MSG_EQ(+d.nextPayload, 8, "next payload");
        NS_TEST_EXPECT_MSG_EQ(+d.version, 0x10, "version");
        NS_TEST_EXPECT_MSG_EQ(static_cast<int>(d.exchangeType), 32, "exchange type");
        NS_TEST_EXPECT_MSG_EQ(d.IsEncrypted(), true, "E flag");
        NS_TEST_EXPECT_MSG_EQ(+d.flags, 3, "flags");
        NS_TEST_EXPECT_MSG_EQ(d.messageId, 0xdeadbeefu, "message ID");
        NS_TEST_EXPECT_MSG_EQ(d.length, 260u, "length");

        std::vector<uint8_t> shortHeader(expected.begin(), expected.end() - 1);
        NS_TEST_EXPECT_MSG_EQ(Ikev1Codec::DecodeHeader(shortHeader, d), false, "27 bytes");
        NS_TEST_EXPECT_MSG_EQ(Ikev1Codec::DecodeHeader(nullptr, 0, d), false, "no bytes");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief racoon's MM1: HDR 28 + SA 52 + VID 20 = 100 bytes (doc/cxtp-ipsec.rst, Message counts
 * and sizes).
 */
class Ikev1MainMode1TestCase : public TestCase
{
  public:
    Ikev1MainMode1TestCase()
        : TestCase("racoon MM1 with a 3DES transform and the DPD vendor ID is 100 bytes")
    {
    }

  private:
    void DoRun() override
    {
        std::vector<Ikev1Payload> payloads = Mm1Payloads();
        NS_TEST_EXPECT_MSG_EQ(Ikev1Codec::GetPayloadSize(payloads[0]), 52u, "SA 12 + 8 + 32");
        NS_TEST_EXPECT_MSG_EQ(Ikev1Codec::GetPayloadSize(payloads[1]), 20u, "VID 4 + 16");

        uint8_t first = 0xff;
        std::vector<uint8_t> body = Ikev1Codec::EncodePayloads(payloads, first);
        NS_TEST_EXPECT_MSG_EQ(+first, 1, "first payload SA");
        NS_TEST_EXPECT_MSG_EQ(ToHex(body), ToHex(Hex(MM1_PAYLOADS_HEX)), "MM1 payload bytes");

        Ikev1Message m;
        m.header.initiatorCookie = 0x1122334455667788ULL;
        m.header.exchangeType = Ikev1ExchangeType::IDENTITY_PROTECTION;
        m.payloads = payloads;
        std::vector<uint8_t> msg = Ikev1Codec::EncodeMessage(m);
        std::vector<uint8_t> expected =
            Hex("1122334455667788 0000000000000000 01 10 02 00 | 00000000 | 00000064");
        std::vector<uint8_t> tail = Hex(MM1_PAYLOADS_HEX);
        expected.insert(expected.end(), tail.begin(), tail.end());
        NS_TEST_EXPECT_MSG_EQ(msg.size(), 100u, "MM1 is 100 bytes");
        NS_TEST_EXPECT_MSG_EQ(ToHex(msg), ToHex(expected), "MM1 bytes");

        Ikev1Message d;
        Ikev1DecodeResult r = Ikev1Codec::DecodeMessage(msg, d);
        NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, r.reason);
        NS_TEST_EXPECT_MSG_EQ(r.offset, 100u, "all bytes consumed");
        NS_TEST_ASSERT_MSG_EQ(d.payloads.size(), 2u, "two payloads");
        NS_TEST_EXPECT_MSG_EQ(+GetIkev1PayloadType(d.payloads[0]), 1, "SA");
        NS_TEST_EXPECT_MSG_EQ(+GetIkev1PayloadType(d.payloads[1]), 13, "VID");
        const auto* sa = std::get_if<Ikev1SaPayload>(&d.payloads[0]);
        NS_TEST_ASSERT_MSG_EQ((sa != nullptr), true, "SA struct");
        NS_TEST_EXPECT_MSG_EQ(sa->doi, 1u, "DOI");
        NS_TEST_EXPECT_MSG_EQ(sa->situation, 1u, "situation");
        NS_TEST_ASSERT_MSG_EQ(sa->proposals.size(), 1u, "one proposal");
        NS_TEST_EXPECT_MSG_EQ(sa->proposals[0].spi.size(), 0u, "no SPI");
        NS_TEST_ASSERT_MSG_EQ(sa->proposals[0].transforms.size(), 1u, "one transform");
        const Ikev1Transform& t = sa->proposals[0].transforms[0];
        NS_TEST_EXPECT_MSG_EQ(+t.id, 1, "KEY_IKE");
        NS_TEST_ASSERT_MSG_EQ(t.attributes.size(), 6u, "six attributes");
        const uint16_t types[] = {11, 12, 1, 3, 2, 4};
        const uint16_t values[] = {1, 28800, 5, 1, 2, 2};
        for (size_t i = 0; i < 6; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(t.attributes[i].type, types[i], "attribute order");
            NS_TEST_EXPECT_MSG_EQ(t.attributes[i].tv, true, "TV");
            NS_TEST_EXPECT_MSG_EQ(t.attributes[i].value, values[i], "attribute value");
        }
        const auto* vid = std::get_if<Ikev1VendorIdPayload>(&d.payloads[1]);
        NS_TEST_ASSERT_MSG_EQ((vid != nullptr), true, "VID struct");
        NS_TEST_EXPECT_MSG_EQ(ToHex(vid->data), ToHex(DPD_VID), "DPD VID");
        NS_TEST_EXPECT_MSG_EQ(ToHex(Ikev1Codec::EncodeMessage(d)), ToHex(msg), "re-encodes");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief AES with a key length (36-byte transform, 56-byte SA), two transforms chained with
 * next payload 3/0, and a phase-2 ESP proposal with a 4-byte SPI.
 */
class Ikev1SaVariantsTestCase : public TestCase
{
  public:
    Ikev1SaVariantsTestCase()
        : TestCase("SA payloads with AES key length, two transforms and an ESP SPI")
    {
    }

  private:
    void DoRun() override
    {
        // AES-128: SA 12 | Proposal 8 | Transform 8 + 7 × 4 = 36 → 56 bytes
        // !   Next=0      !   RESERVED    !       Payload Length=56       !  SA
        // !              DOI = 1          !  Situation = 1                !
        // !   Next=0      !   RESERVED    !       Payload Length=44       !  Proposal
        // !  Proposal #1  ! PROTO_ISAKMP=1! SPI Size=0    ! # Transforms=1!
        // !   Next=0      !   RESERVED    !       Payload Length=36       !  Transform
        // ! Transform #1  ! KEY_IKE=1     !           RESERVED2           !
        // life type, life duration, enc AES-CBC=7, key length=128, auth, hash, group
        std::vector<Ikev1Payload> aes = {RacoonP1Sa({RacoonP1Transform(1, 7, 128, 28800)})};
        NS_TEST_EXPECT_MSG_EQ(Ikev1Codec::GetPayloadsSize(aes), 56u, "AES SA is 56 bytes");
        uint8_t first = 0;
        std::vector<uint8_t> got = Ikev1Codec::EncodePayloads(aes, first);
        std::vector<uint8_t> expected = Hex("00 00 0038 | 00000001 | 00000001"
                                            "00 00 002c | 01 01 00 01"
                                            "00 00 0024 | 01 01 0000"
                                            "800b 0001 | 800c 7080 | 8001 0007 | 800e 0080"
                                            "8003 0001 | 8002 0002 | 8004 0002");
        NS_TEST_EXPECT_MSG_EQ(ToHex(got), ToHex(expected), "AES SA bytes");

        // Two transforms: the first says "another Transform follows" (3), the last 0.
        // !   Next=0      !   RESERVED    !       Payload Length=88       !  SA 12+76
        // !   Next=0      !   RESERVED    !       Payload Length=76       !  Proposal 8+32+36
        // !  Proposal #1  ! PROTO_ISAKMP=1! SPI Size=0    ! # Transforms=2!
        // !   Next=3      !   RESERVED    !       Payload Length=32       !  Transform #1 (3DES)
        // !   Next=0      !   RESERVED    !       Payload Length=36       !  Transform #2 (AES)
        std::vector<Ikev1Payload> two = {
            RacoonP1Sa({RacoonP1Transform(1, 5, 0, 28800), RacoonP1Transform(2, 7, 128, 28800)})};
        got = Ikev1Codec::EncodePayloads(two, first);
        expected = Hex("00 00 0058 | 00000001 | 00000001"
                       "00 00 004c | 01 01 00 02"
                       "03 00 0020 | 01 01 0000"
                       "800b 0001 | 800c 7080 | 8001 0005 | 8003 0001 | 8002 0002 | 8004 0002"
                       "00 00 0024 | 02 01 0000"
                       "800b 0001 | 800c 7080 | 8001 0007 | 800e 0080"
                       "8003 0001 | 8002 0002 | 8004 0002");
        NS_TEST_EXPECT_MSG_EQ(ToHex(got), ToHex(expected), "two-transform SA bytes");
        std::vector<Ikev1Payload> back;
        Ikev1DecodeResult r = Decode(got, first, back);
        NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, r.reason);
        uint8_t first2 = 0;
        NS_TEST_EXPECT_MSG_EQ(ToHex(Ikev1Codec::EncodePayloads(back, first2)),
                              ToHex(got),
                              "round trip");

        // Phase-2 ESP, racoon order (doc/cxtp-ipsec.rst, Message counts and sizes): life type, life
        // duration, encapsulation mode, auth alg, group (PFS): SA 12 + Proposal 8 + SPI 4 +
        // Transform 8 + 5 × 4 = 52.
        // !   Next=0      !   RESERVED    !       Payload Length=40       !  Proposal
        // !  Proposal #1  ! PROTO_ESP=3   ! SPI Size=4    ! # Transforms=1!
        // !                        SPI = 0x0a0b0c0d                       !
        // !   Next=0      !   RESERVED    !       Payload Length=28       !  Transform
        // ! Transform #1  ! ESP_3DES=3    !           RESERVED2           !
        // !1! Life Type=1 ! seconds=1 ! Life Duration=2 3600 ! Encap=4 transport=2 !
        // !1! Auth Alg=5  ! HMAC-SHA=2 ! Group=3 MODP-1024=2 !
        Ikev1Transform esp;
        esp.number = 1;
        esp.id = 3;
        esp.attributes = {Ikev1Attribute::Basic(1, 1),
                          Ikev1Attribute::Variable(2, 3600),
                          Ikev1Attribute::Basic(4, 2),
                          Ikev1Attribute::Basic(5, 2),
                          Ikev1Attribute::Basic(3, 2)};
        Ikev1Proposal prop;
        prop.number = 1;
        prop.protocolId = 3;
        prop.spi = Hex("0a0b0c0d");
        prop.transforms = {esp};
        Ikev1SaPayload sa2;
        sa2.proposals = {prop};
        std::vector<Ikev1Payload> p2 = {sa2};
        NS_TEST_EXPECT_MSG_EQ(Ikev1Codec::GetPayloadsSize(p2), 52u, "phase-2 SA is 52 bytes");
        got = Ikev1Codec::EncodePayloads(p2, first);
        expected = Hex("00 00 0034 | 00000001 | 00000001"
                       "00 00 0028 | 01 03 04 01 | 0a0b0c0d"
                       "00 00 001c | 01 03 0000"
                       "8001 0001 | 8002 0e10 | 8004 0002 | 8005 0002 | 8003 0002");
        NS_TEST_EXPECT_MSG_EQ(ToHex(got), ToHex(expected), "phase-2 SA bytes");
        back.clear();
        r = Decode(got, first, back);
        NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, r.reason);
        const auto* d = std::get_if<Ikev1SaPayload>(&back[0]);
        NS_TEST_ASSERT_MSG_EQ((d != nullptr), true, "SA");
        NS_TEST_EXPECT_MSG_EQ(ToHex(d->proposals[0].spi), "0a0b0c0d", "SPI");
        NS_TEST_EXPECT_MSG_EQ(+d->proposals[0].protocolId, 3, "ESP");

        // Two proposals: next payload 2 on the first, 0 on the last (RFC 2408 §3.5).
        Ikev1Proposal prop2 = prop;
        prop2.number = 2;
        sa2.proposals = {prop, prop2};
        got = Ikev1Codec::EncodePayloads({sa2}, first);
        NS_TEST_EXPECT_MSG_EQ(got.size(), 92u, "12 + 2 × 40");
        NS_TEST_EXPECT_MSG_EQ(+got[12], 2, "first proposal: next payload 2");
        NS_TEST_EXPECT_MSG_EQ(+got[52], 0, "last proposal: next payload 0");
        back.clear();
        r = Decode(got, first, back);
        NS_TEST_EXPECT_MSG_EQ(r.IsOk(), true, r.reason);
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief TV versus TLV data attributes (RFC 2408 §3.3).
 */
class Ikev1AttributeTestCase : public TestCase
{
  public:
    Ikev1AttributeTestCase()
        : TestCase("Life duration 28800 is TV and 86400 is an 8-byte TLV")
    {
    }

  private:
    void DoRun() override
    {
        Ikev1Attribute tv = Ikev1Attribute::Variable(P1_LIFE_DURATION, 28800);
        NS_TEST_EXPECT_MSG_EQ(tv.tv, true, "28800 fits 16 bits");
        NS_TEST_EXPECT_MSG_EQ(Ikev1Codec::GetAttributeSize(tv), 4u, "TV is 4 bytes");
        Ikev1Attribute edge = Ikev1Attribute::Variable(P1_LIFE_DURATION, 0xFFFF);
        NS_TEST_EXPECT_MSG_EQ(edge.tv, true, "0xFFFF is still TV");
        Ikev1Attribute tlv = Ikev1Attribute::Variable(P1_LIFE_DURATION, 86400);
        NS_TEST_EXPECT_MSG_EQ(tlv.tv, false, "86400 does not fit");
        NS_TEST_EXPECT_MSG_EQ(Ikev1Codec::GetAttributeSize(tlv), 8u, "TLV is 8 bytes");
        uint64_t v = 0;
        NS_TEST_EXPECT_MSG_EQ(tlv.GetInteger(v), true, "integer");
        NS_TEST_EXPECT_MSG_EQ(v, 86400u, "value");

        // Transform with a TLV life duration: 8 + 4 + 8 + 4 × 4 = 36 bytes
        // !0! Life Duration=12            !  Attribute Length=4           !
        // !                   86400 = 0x00015180                          !
        std::vector<Ikev1Payload> p = {RacoonP1Sa({RacoonP1Transform(1, 5, 0, 86400)})};
        NS_TEST_EXPECT_MSG_EQ(Ikev1Codec::GetPayloadsSize(p), 56u, "SA 12 + 8 + 36");
        uint8_t first = 0;
        std::vector<uint8_t> got = Ikev1Codec::EncodePayloads(p, first);
        std::vector<uint8_t> expected =
            Hex("00 00 0038 | 00000001 | 00000001"
                "00 00 002c | 01 01 00 01"
                "00 00 0024 | 01 01 0000"
                "800b 0001 | 000c 0004 00015180 | 8001 0005 | 8003 0001 | 8002 0002"
                "8004 0002");
        NS_TEST_EXPECT_MSG_EQ(ToHex(got), ToHex(expected), "TLV bytes");
        std::vector<Ikev1Payload> back;
        Ikev1DecodeResult r = Decode(got, first, back);
        NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, r.reason);
        const auto* sa = std::get_if<Ikev1SaPayload>(&back[0]);
        NS_TEST_ASSERT_MSG_EQ((sa != nullptr), true, "SA");
        const Ikev1Attribute& a = sa->proposals[0].transforms[0].attributes[1];
        NS_TEST_EXPECT_MSG_EQ(a.type, 12, "type without AF bit");
        NS_TEST_EXPECT_MSG_EQ(a.tv, false, "TLV");
        NS_TEST_EXPECT_MSG_EQ(a.GetInteger(v), true, "integer");
        NS_TEST_EXPECT_MSG_EQ(v, 86400u, "decoded value");

        Ikev1Attribute big;
        big.tv = false;
        big.data = Seq(9, 1);
        NS_TEST_EXPECT_MSG_EQ(big.GetInteger(v), false, "9-byte value is no integer");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief KE, NONCE, ID, HASH, Notification and Delete payloads against hand-written bytes.
 */
class Ikev1PayloadsTestCase : public TestCase
{
  public:
    Ikev1PayloadsTestCase()
        : TestCase("KE NONCE ID HASH Notification and Delete payloads have racoon sizes")
    {
    }

  private:
    /**
     * \param payloads a chain
     * \param expected its hand-written bytes
     * \param what a label
     */
    void Check(const std::vector<Ikev1Payload>& payloads,
               const std::vector<uint8_t>& expected,
               const std::string& what)
    {
        uint8_t first = 0;
        std::vector<uint8_t> got = Ikev1Codec::EncodePayloads(payloads, first);
        NS_TEST_EXPECT_MSG_EQ(Ikev1Codec::GetPayloadsSize(payloads), got.size(), what + " size");
        NS_TEST_EXPECT_MSG_EQ(ToHex(got), ToHex(expected), what + " bytes");
        std::vector<Ikev1Payload> back;
        Ikev1DecodeResult r = Decode(got, first, back);
        NS_TEST_EXPECT_MSG_EQ(r.IsOk(), true, what + ": " + r.reason);
        NS_TEST_EXPECT_MSG_EQ(r.offset, got.size(), what + " consumed");
        uint8_t first2 = 0;
        NS_TEST_EXPECT_MSG_EQ(ToHex(Ikev1Codec::EncodePayloads(back, first2)),
                              ToHex(got),
                              what + " round trip");
        NS_TEST_EXPECT_MSG_EQ(+first2, +first, what + " first type");
    }

    void DoRun() override
    {
        // MM3: KE (4 + 128 = 132) | NONCE (4 + 16 = 20); with the header 180 bytes.
        // !  Next=10      !   RESERVED    !       Payload Length=132      !  KE
        // !                 Key Exchange Data (128)                       !
        // !   Next=0      !   RESERVED    !       Payload Length=20       !  NONCE
        // !                     Nonce Data (16)                           !
        std::vector<uint8_t> ke = Seq(128, 0x80);
        std::vector<uint8_t> ni = Seq(16, 0x10);
        std::vector<Ikev1Payload> mm3 = {Ikev1KePayload{ke}, Ikev1NoncePayload{ni}};
        NS_TEST_EXPECT_MSG_EQ(Ikev1Codec::GetPayloadSize(mm3[0]), 132u, "KE 132");
        NS_TEST_EXPECT_MSG_EQ(Ikev1Codec::GetPayloadSize(mm3[1]), 20u, "NONCE 20");
        std::vector<uint8_t> expected = Hex("0a 00 0084");
        expected.insert(expected.end(), ke.begin(), ke.end());
        std::vector<uint8_t> tail = Hex("00 00 0014");
        tail.insert(tail.end(), ni.begin(), ni.end());
        expected.insert(expected.end(), tail.begin(), tail.end());
        Check(mm3, expected, "MM3");
        Ikev1Message m;
        m.payloads = mm3;
        NS_TEST_EXPECT_MSG_EQ(Ikev1Codec::EncodeMessage(m).size(), 180u, "MM3 is 180 bytes");

        // MM5 body: ID_IPV6_ADDR (8 + 16 = 24) | HASH SHA-1 (4 + 20 = 24) = 48 bytes.
        // !   Next=8      !   RESERVED    !       Payload Length=24       !  ID
        // ! ID Type=5     ! Protocol=17   !           Port=500            !
        // !                 2001:db8::1 (16 bytes)                        !
        // !   Next=0      !   RESERVED    !       Payload Length=24       !  HASH
        // !                      HASH_I (20 bytes)                        !
        Ikev1IdPayload id;
        id.idType = 5;
        id.protocolId = 17;
        id.port = 500;
        id.data = Hex("20010db8000000000000000000000001");
        std::vector<uint8_t> hash = Seq(20, 0xa0);
        std::vector<Ikev1Payload> mm5 = {id, Ikev1HashPayload{hash}};
        NS_TEST_EXPECT_MSG_EQ(Ikev1Codec::GetPayloadsSize(mm5), 48u, "MM5 body 48");
        expected = Hex("08 00 0018 | 05 11 01f4 | 20010db8000000000000000000000001"
                       "00 00 0018");
        expected.insert(expected.end(), hash.begin(), hash.end());
        Check(mm5, expected, "MM5");

        // INITIAL-CONTACT informational body: HASH(1) 24 | N 28 = 52 (doc/cxtp-ipsec.rst,
        // Message counts and sizes)
        // !   Next=0      !   RESERVED    !       Payload Length=28       !  N
        // !              Domain of Interpretation = 1                     !
        // ! PROTO_ISAKMP=1! SPI Size=16   !  Notify Type=24578 (0x6002)   !
        // !              SPI = CKY-I | CKY-R (16 bytes)                   !
        Ikev1NotifyPayload n;
        n.protocolId = 1;
        n.type = Ikev1NotifyPayload::INITIAL_CONTACT;
        n.spi = Hex("1122334455667788 99aabbccddeeff00");
        std::vector<Ikev1Payload> info = {Ikev1HashPayload{hash}, n};
        NS_TEST_EXPECT_MSG_EQ(Ikev1Codec::GetPayloadSize(info[1]), 28u, "N 28");
        expected = Hex("0b 00 0018");
        expected.insert(expected.end(), hash.begin(), hash.end());
        tail = Hex("00 00 001c | 00000001 | 01 10 6002 | 1122334455667788 99aabbccddeeff00");
        expected.insert(expected.end(), tail.begin(), tail.end());
        Check(info, expected, "INITIAL-CONTACT");

        // DPD R-U-THERE with a 4-byte sequence number as notification data: 12 + 16 + 4 = 32
        Ikev1NotifyPayload dpd = n;
        dpd.type = Ikev1NotifyPayload::R_U_THERE;
        dpd.data = Hex("00000007");
        Check({dpd},
              Hex("00 00 0020 | 00000001 | 01 10 8d28 | 1122334455667788 99aabbccddeeff00"
                  "00000007"),
              "R-U-THERE");

        // Delete of two ESP SAs: 12 + 2 × 4 = 20
        // !   Next=0      !   RESERVED    !       Payload Length=20       !  D
        // !              Domain of Interpretation = 1                     !
        // ! PROTO_ESP=3   ! SPI Size=4    !           # of SPIs=2         !
        // !        SPI 1 = 0x0a0b0c0d     !        SPI 2 = 0x01020304     !
        Ikev1DeletePayload del;
        del.protocolId = 3;
        del.spiSize = 4;
        del.spis = {Hex("0a0b0c0d"), Hex("01020304")};
        Check({del}, Hex("00 00 0014 | 00000001 | 03 04 0002 | 0a0b0c0d 01020304"), "Delete ESP");

        // Delete of the ISAKMP SA: SPI = both cookies, 12 + 16 = 28
        Ikev1DeletePayload delIsakmp;
        delIsakmp.protocolId = 1;
        delIsakmp.spiSize = 16;
        delIsakmp.spis = {n.spi};
        Check({delIsakmp},
              Hex("00 00 001c | 00000001 | 01 10 0001 | 1122334455667788 99aabbccddeeff00"),
              "Delete ISAKMP");

        // A private-use payload (128–255) is carried opaquely.
        Check({Ikev1OpaquePayload{130, Hex("cafe")}}, Hex("00 00 0006 cafe"), "private use");

        // Empty chain: first payload type 0, no bytes.
        uint8_t first = 0xff;
        NS_TEST_EXPECT_MSG_EQ(Ikev1Codec::EncodePayloads({}, first).size(), 0u, "empty");
        NS_TEST_EXPECT_MSG_EQ(+first, 0, "no first payload");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The data of the UPDATE_SPI notification (private-use 40961): exact bytes of an ESP and
 * an ISAKMP entry, the round trip inside an N payload, and malformed data rejected with a reason.
 */
class Ikev1UpdateSpiTestCase : public TestCase
{
  public:
    Ikev1UpdateSpiTestCase()
        : TestCase("UPDATE_SPI notification data: bytes, round trip, malformed input")
    {
    }

  private:
    /**
     * \param data notification data
     * \param expected the error expected
     * \param what a label
     */
    void Expect(const std::vector<uint8_t>& data,
                Ikev1DecodeError expected,
                const std::string& what)
    {
        std::vector<IkeSpiUpdate> out{IkeSpiUpdate{}};
        Ikev1DecodeResult r = Ikev1Codec::DecodeSpiUpdates(data, out);
        NS_TEST_EXPECT_MSG_EQ(std::string(GetIkev1DecodeErrorName(r.error)),
                              std::string(GetIkev1DecodeErrorName(expected)),
                              what + " (" + r.reason + ")");
        if (!r.IsOk())
        {
            NS_TEST_EXPECT_MSG_EQ(r.reason.empty(), false, what + ": a reason is given");
            NS_TEST_EXPECT_MSG_EQ(out.size(), 1u, what + ": output untouched");
        }
    }

    void DoRun() override
    {
        NS_TEST_EXPECT_MSG_EQ(Ikev1NotifyPayload::UPDATE_SPI, 40961, "private-use status range");
        NS_TEST_EXPECT_MSG_EQ(Ikev1NotifyPayload::UPDATE_SPI_ACK, 40962, "private-use status");
        IkeSpiUpdate esp;
        esp.protocolId = 3;
        esp.oldSpi = Hex("0a0b0c0d");
        esp.newSpi = Hex("11223344");
        IkeSpiUpdate isakmp;
        isakmp.protocolId = 1;
        isakmp.oldSpi = Hex("0102030405060708f1f2f3f4f5f6f7f8");
        isakmp.newSpi = Hex("a1a2a3a4a5a6a7a8b1b2b3b4b5b6b7b8");
        const std::vector<uint8_t> data = Ikev1Codec::EncodeSpiUpdates({esp, isakmp});
        const std::vector<uint8_t> expected = Hex("03040000"
                                                  "0a0b0c0d"
                                                  "11223344"
                                                  "01100000"
                                                  "0102030405060708f1f2f3f4f5f6f7f8"
                                                  "a1a2a3a4a5a6a7a8b1b2b3b4b5b6b7b8");
        NS_TEST_ASSERT_MSG_EQ(data.size(), 12u + 36u, "4 + 2 x 4, then 4 + 2 x 16 octets");
        NS_TEST_EXPECT_MSG_EQ((data == expected), true, "exact bytes");

        std::vector<IkeSpiUpdate> decoded;
        Ikev1DecodeResult r = Ikev1Codec::DecodeSpiUpdates(data, decoded);
        NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, r.reason);
        NS_TEST_EXPECT_MSG_EQ(r.offset, data.size(), "every octet used");
        NS_TEST_ASSERT_MSG_EQ(decoded.size(), 2u, "two entries");
        NS_TEST_EXPECT_MSG_EQ((decoded[0] == esp), true, "ESP entry");
        NS_TEST_EXPECT_MSG_EQ((decoded[1] == isakmp), true, "ISAKMP entry");

        // Inside an N payload (SPI size 0): 12 octets of notify header + the data.
        Ikev1NotifyPayload n;
        n.protocolId = 1;
        n.type = Ikev1NotifyPayload::UPDATE_SPI;
        n.data = Ikev1Codec::EncodeSpiUpdates({esp});
        std::vector<Ikev1Payload> chain{n};
        uint8_t first = 0;
        std::vector<uint8_t> bytes = Ikev1Codec::EncodePayloads(chain, first);
        NS_TEST_EXPECT_MSG_EQ(bytes.size(), 12u + 12u, "N(UPDATE_SPI) with one ESP entry");
        std::vector<Ikev1Payload> back;
        r = Ikev1Codec::DecodePayloads(bytes.data(), bytes.size(), first, back);
        NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, r.reason);
        const auto* nb = std::get_if<Ikev1NotifyPayload>(&back.at(0));
        NS_TEST_ASSERT_MSG_NE(nb, nullptr, "a notification");
        NS_TEST_EXPECT_MSG_EQ(nb->type, Ikev1NotifyPayload::UPDATE_SPI, "type");
        NS_TEST_EXPECT_MSG_EQ((nb->data == n.data), true, "data");

        Expect({}, Ikev1DecodeError::BAD_LENGTH, "no entry");
        for (size_t cut = 1; cut < data.size(); ++cut)
        {
            if (cut == 12)
            {
                continue; // a whole first entry is valid on its own
            }
            Expect(std::vector<uint8_t>(data.begin(), data.begin() + cut),
                   Ikev1DecodeError::TRUNCATED,
                   "truncated to " + std::to_string(cut));
        }
        Expect(Hex("02040000"
                   "0a0b0c0d"
                   "11223344"),
               Ikev1DecodeError::UNSUPPORTED_PAYLOAD,
               "protocol 2 (AH) is not modelled");
        Expect(Hex("03080000"
                   "0a0b0c0d0a0b0c0d"
                   "1122334411223344"),
               Ikev1DecodeError::BAD_LENGTH,
               "ESP with 8-octet SPIs");
        Expect(Hex("01040000"
                   "0a0b0c0d"
                   "11223344"),
               Ikev1DecodeError::BAD_LENGTH,
               "ISAKMP with 4-octet SPIs");
        std::vector<IkeSpiUpdate> reserved;
        r = Ikev1Codec::DecodeSpiUpdates(Hex("0304ffff"
                                             "0a0b0c0d"
                                             "11223344"),
                                         reserved);
        NS_TEST_EXPECT_MSG_EQ(r.IsOk(), true, "reserved octets are ignored on receipt");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Malformed input fails with the right error and never reads past the buffer.
 */
class Ikev1MalformedTestCase : public TestCase
{
  public:
    Ikev1MalformedTestCase()
        : TestCase("Malformed ISAKMP payloads fail with a reason and never crash")
    {
    }

  private:
    /**
     * \param bytes a payload chain
     * \param first the first payload type
     * \param expected the error expected
     * \param what a label
     */
    void Expect(const std::vector<uint8_t>& bytes,
                uint8_t first,
                Ikev1DecodeError expected,
                const std::string& what)
    {
        std::vector<Ikev1Payload> out;
        Ikev1DecodeResult r = Decode(bytes, first, out);
        NS_TEST_EXPECT_MSG_EQ(std::string(GetIkev1DecodeErrorName(r.error)),
                              std::string(GetIkev1DecodeErrorName(expected)),
                              what + " (" + r.reason + ")");
        if (!r.IsOk())
        {
            NS_TEST_EXPECT_MSG_EQ(r.reason.empty(), false, what + ": a reason is given");
        }
    }

    void DoRun() override
    {
        const std::vector<uint8_t> mm1 = Hex(MM1_PAYLOADS_HEX);
        Expect(mm1, 1, Ikev1DecodeError::OK, "intact MM1 body");

        // Truncation at every length: never OK, never past the end.
        for (size_t n = 0; n < mm1.size(); ++n)
        {
            std::vector<uint8_t> cut(mm1.begin(), mm1.begin() + n);
            std::vector<Ikev1Payload> out;
            Ikev1DecodeResult r = Decode(cut, 1, out);
            NS_TEST_EXPECT_MSG_EQ(r.IsOk(), false, "truncated to " + std::to_string(n));
        }
        Ikev1Message mm1Msg;
        mm1Msg.payloads = Mm1Payloads();
        const std::vector<uint8_t> msg = Ikev1Codec::EncodeMessage(mm1Msg);
        for (size_t n = 0; n < msg.size(); ++n)
        {
            std::vector<uint8_t> cut(msg.begin(), msg.begin() + n);
            Ikev1Message d;
            Ikev1DecodeResult r = Ikev1Codec::DecodeMessage(cut, d);
            NS_TEST_EXPECT_MSG_EQ(r.IsOk(), false, "message truncated to " + std::to_string(n));
        }

        // Encryption padding after the last payload is ignored by DecodePayloads().
        std::vector<uint8_t> padded = mm1;
        padded.insert(padded.end(), {0, 0, 0, 3});
        std::vector<Ikev1Payload> out;
        Ikev1DecodeResult r = Decode(padded, 1, out);
        NS_TEST_EXPECT_MSG_EQ(r.IsOk(), true, r.reason);
        NS_TEST_EXPECT_MSG_EQ(r.offset, mm1.size(), "payload bytes used");

        // Offsets in the MM1 body: SA 0, proposal 12, transform 20, attributes 28..51, VID 52.
        std::vector<uint8_t> b = mm1;
        b[55] = 3; // VID length 3 < 4
        Expect(b, 1, Ikev1DecodeError::BAD_LENGTH, "payload length < 4");
        b = mm1;
        b[55] = 21; // VID length runs one past the end
        Expect(b, 1, Ikev1DecodeError::BAD_LENGTH, "payload length past the end");
        b = mm1;
        b[3] = 0xff; // SA length past the end
        Expect(b, 1, Ikev1DecodeError::BAD_LENGTH, "SA length past the end");
        b = mm1;
        b[3] = 8; // SA length < 12
        Expect(b, 1, Ikev1DecodeError::BAD_LENGTH, "SA length < 12");
        b = mm1;
        b[3] = 12; // SA without proposals
        b[12] = 0x0d;
        Expect(b, 1, Ikev1DecodeError::BAD_PROPOSAL, "SA without a proposal");
        b = mm1;
        b[15] = 41; // proposal longer than the SA
        Expect(b, 1, Ikev1DecodeError::BAD_LENGTH, "proposal past the SA end");
        b = mm1;
        b[15] = 7; // proposal length < 8
        Expect(b, 1, Ikev1DecodeError::BAD_LENGTH, "proposal length < 8");
        b = mm1;
        b[18] = 4; // SPI size 4 runs into the transform: transforms no longer line up
        Expect(b, 1, Ikev1DecodeError::BAD_PROPOSAL, "SPI size shifts the transform");
        b = mm1;
        b[12] = 2; // last proposal says another follows
        Expect(b, 1, Ikev1DecodeError::BAD_PROPOSAL, "last proposal next 2");
        b = mm1;
        b[12] = 5; // proposal next payload neither 2 nor 0
        Expect(b, 1, Ikev1DecodeError::BAD_PROPOSAL, "proposal next payload 5");
        b = mm1;
        b[19] = 2; // # transforms 2, only one present
        Expect(b, 1, Ikev1DecodeError::BAD_PROPOSAL, "transform count mismatch high");
        b = mm1;
        b[19] = 0;
        Expect(b, 1, Ikev1DecodeError::BAD_PROPOSAL, "transform count mismatch low");
        b = mm1;
        b[20] = 3; // last transform says another follows
        Expect(b, 1, Ikev1DecodeError::BAD_PROPOSAL, "last transform next 3");
        b = mm1;
        b[23] = 33; // transform longer than its proposal
        Expect(b, 1, Ikev1DecodeError::BAD_LENGTH, "transform past the proposal end");
        b = mm1;
        b[23] = 4; // transform length < 8
        Expect(b, 1, Ikev1DecodeError::BAD_LENGTH, "transform length < 8");
        b = mm1;
        b[23] = 30; // transform ends 2 bytes into the last attribute
        Expect(b, 1, Ikev1DecodeError::BAD_ATTRIBUTE, "transform ends inside an attribute");
        b = mm1;
        b[23] = 28; // transform one attribute short: 4 stray bytes left in the proposal
        Expect(b, 1, Ikev1DecodeError::BAD_PROPOSAL, "bytes after the last transform");
        b = mm1;
        b[48] = 0x00; // last attribute turned into TLV with length 2: 4 + 2 > 4 bytes left
        Expect(b, 1, Ikev1DecodeError::BAD_ATTRIBUTE, "TLV length past the transform end");

        // TLV life duration whose length runs past the transform end.
        uint8_t first = 0;
        std::vector<uint8_t> tlv =
            Ikev1Codec::EncodePayloads({RacoonP1Sa({RacoonP1Transform(1, 5, 0, 86400)})}, first);
        NS_TEST_ASSERT_MSG_EQ(+tlv[34], 0x00, "TLV length field high byte");
        NS_TEST_ASSERT_MSG_EQ(+tlv[35], 0x04, "TLV length field low byte");
        tlv[35] = 0x1d; // 4 + 29 > 28 bytes left in the transform
        Expect(tlv, 1, Ikev1DecodeError::BAD_ATTRIBUTE, "TLV life duration past the end");

        // Attribute bytes not a multiple of 4: transform, proposal and SA all 2 bytes shorter.
        b = Hex("00 00 0032 | 00000001 | 00000001"
                "00 00 0026 | 01 01 00 01"
                "00 00 001e | 01 01 0000"
                "800b 0001 | 800c 7080 | 8001 0005 | 8003 0001 | 8002 0002 | 8004");
        Expect(b, 1, Ikev1DecodeError::BAD_ATTRIBUTE, "half an attribute");

        // Payload types.
        Expect(mm1, 14, Ikev1DecodeError::UNSUPPORTED_PAYLOAD, "reserved type 14");
        Expect(mm1, 127, Ikev1DecodeError::UNSUPPORTED_PAYLOAD, "reserved type 127");
        Expect(mm1, 2, Ikev1DecodeError::UNSUPPORTED_PAYLOAD, "Proposal at top level");
        Expect(mm1, 3, Ikev1DecodeError::UNSUPPORTED_PAYLOAD, "Transform at top level");
        b = mm1;
        b[0] = 20; // NAT-D (RFC 3947) is not supported: no NAT-T
        Expect(b, 1, Ikev1DecodeError::UNSUPPORTED_PAYLOAD, "next payload 20");

        // Fixed parts of ID, Notification and Delete.
        Expect(Hex("00 00 0007 050000"), 5, Ikev1DecodeError::BAD_LENGTH, "ID < 8");
        Expect(Hex("00 00 000b 00000001 01 00 60"), 11, Ikev1DecodeError::BAD_LENGTH, "N < 12");
        Expect(Hex("00 00 000e 00000001 01 04 6002 aabb"),
               11,
               Ikev1DecodeError::BAD_LENGTH,
               "N SPI past the end");
        Expect(Hex("00 00 0014 00000001 03 04 0003 0a0b0c0d 01020304"),
               12,
               Ikev1DecodeError::BAD_LENGTH,
               "Delete count mismatch");
        Expect(Hex("00 00 000b 00000001 03 04 00"), 12, Ikev1DecodeError::BAD_LENGTH, "D < 12");
        Expect(Hex("00 00 0004"), 8, Ikev1DecodeError::OK, "empty HASH is well-formed");
        Expect({}, 0, Ikev1DecodeError::OK, "no payload");
        Expect({}, 1, Ikev1DecodeError::TRUNCATED, "SA announced, no bytes");

        // Whole-message checks.
        Ikev1Message d;
        std::vector<uint8_t> m = msg;
        m[17] = 0x20;
        NS_TEST_EXPECT_MSG_EQ(static_cast<int>(Ikev1Codec::DecodeMessage(m, d).error),
                              static_cast<int>(Ikev1DecodeError::BAD_HEADER),
                              "major version 2");
        m = msg;
        m[19] = Ikev1Header::FLAG_ENCRYPTION;
        NS_TEST_EXPECT_MSG_EQ(static_cast<int>(Ikev1Codec::DecodeMessage(m, d).error),
                              static_cast<int>(Ikev1DecodeError::BAD_HEADER),
                              "encrypted body given as clear text");
        m = msg;
        m[27] = 99;
        NS_TEST_EXPECT_MSG_EQ(static_cast<int>(Ikev1Codec::DecodeMessage(m, d).error),
                              static_cast<int>(Ikev1DecodeError::BAD_LENGTH),
                              "header length disagrees");
        m = msg;
        m.insert(m.end(), {0, 0, 0, 0});
        m[27] = 104;
        NS_TEST_EXPECT_MSG_EQ(static_cast<int>(Ikev1Codec::DecodeMessage(m, d).error),
                              static_cast<int>(Ikev1DecodeError::BAD_LENGTH),
                              "trailing bytes in a clear-text message");

        // Byte-flip fuzzing of the whole MM1: any result, but no crash and no over-read, and a
        // successful decode must re-encode to a message of the declared length.
        const uint8_t flips[] = {0x00, 0x01, 0x02, 0x03, 0x7f, 0x80, 0xff};
        for (size_t i = 0; i < msg.size(); ++i)
        {
            for (uint8_t f : flips)
            {
                m = msg;
                m[i] = f;
                Ikev1Message fuzzed;
                if (Ikev1Codec::DecodeMessage(m, fuzzed).IsOk())
                {
                    NS_TEST_EXPECT_MSG_EQ(Ikev1Codec::EncodeMessage(fuzzed).size(),
                                          m.size(),
                                          "fuzzed byte " + std::to_string(i));
                }
            }
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The IKEv1 wire codec suite.
 */
class Ikev1CodecTestSuite : public TestSuite
{
  public:
    Ikev1CodecTestSuite()
        : TestSuite("cxtp-ipsec-ikev1-codec", TestSuite::UNIT)
    {
        AddTestCase(new Ikev1HeaderTestCase, TestCase::QUICK);
        AddTestCase(new Ikev1MainMode1TestCase, TestCase::QUICK);
        AddTestCase(new Ikev1SaVariantsTestCase, TestCase::QUICK);
        AddTestCase(new Ikev1AttributeTestCase, TestCase::QUICK);
        AddTestCase(new Ikev1PayloadsTestCase, TestCase::QUICK);
        AddTestCase(new Ikev1MalformedTestCase, TestCase::QUICK);
        AddTestCase(new Ikev1UpdateSpiTestCase, TestCase::QUICK);
    }
};

static Ikev1CodecTestSuite g_ikev1CodecTestSuite; ///< registers the suite
