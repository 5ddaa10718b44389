/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Tests for Ikev2Codec and Ikev2SaCodec: octets written by hand from the RFC 7296 §3 figures
// (drawn next to each vector) for the header, an SA proposal of four transforms with a Key Length
// attribute, KE, Notify and an IPv6 traffic selector; round trips of every payload type; and
// malformed input (truncation at every length, bad lengths, unknown payloads with and without the
// critical bit, inconsistent proposals, selectors, EAP, SK placement, byte-flip fuzzing), which
// must fail cleanly with the right reason.

#include "cxtp-test-hex.h"
#include "ikev2-test-payloads.h"

#include "ns3/ikev2-codec.h"
#include "ns3/ikev2-message.h"
#include "ns3/test.h"

#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// The shared helpers.
using T = Ikev2TestPayloads;

/**
 * \param next the header's Next Payload
 * \param chain the payload chain, in hex
 * \return an IKE_SA_INIT request with that chain, the header's Length set to the total
 */
std::vector<uint8_t>
Message(uint8_t next, const std::string& chain)
{
    std::vector<uint8_t> body = CxtpTestFromHex(chain);
    std::vector<uint8_t> m =
        CxtpTestFromHex("0123456789abcdef 0000000000000000 00 20 22 08 00000000");
    m[16] = next;
    const uint32_t length = 28 + static_cast<uint32_t>(body.size());
    m.push_back(static_cast<uint8_t>(length >> 24));
    m.push_back(static_cast<uint8_t>(length >> 16));
    m.push_back(static_cast<uint8_t>(length >> 8));
    m.push_back(static_cast<uint8_t>(length));
    m.insert(m.end(), body.begin(), body.end());
    return m;
}

/**
 * \param payloads payloads
 * \return them encoded as a chain ending with Next Payload 0
 */
std::vector<uint8_t>
Chain(const std::vector<Ikev2Payload>& payloads)
{
    return Ikev2Codec::EncodePayloads(payloads, Ikev2PayloadType::NONE);
}

/// A KE payload (MODP-2048, 8 octets of data) then a 16-octet nonce, as a chain (hex).
const char* KE_NONCE = "28 00 0010 000e 0000 0001020304050607"
                       "00 00 0014 101112131415161718191a1b1c1d1e1f";

/// A message whose decoding must fail.
struct ErrorCase
{
    const char* what;     ///< the check
    uint8_t first;        ///< first payload type
    const char* chain;    ///< the chain in hex
    Ikev2DecodeError err; ///< expected error
    const char* reason;   ///< expected reason
};

/// Shorter names for the table.
using E = Ikev2DecodeError;

/// Malformed payloads: the message is an IKE_SA_INIT request holding the chain.
const ErrorCase g_errorCases[] = {
    {"SA without proposal", 33, "00 00 0004", E::BAD_PROPOSAL, "SA payload without a proposal"},
    {"proposal Last Substruc 1",
     33,
     "00 00 0014 | 01 00 0010 01 01 00 01 | 00 00 0008 03 00 000c",
     E::BAD_PROPOSAL,
     "proposal Last Substruc 1, not 0 or 2"},
    {"last proposal says 2",
     33,
     "00 00 0014 | 02 00 0010 01 01 00 01 | 00 00 0008 03 00 000c",
     E::BAD_PROPOSAL,
     "last proposal of the SA payload says Last Substruc 2"},
    {"transform count",
     33,
     "00 00 0014 | 00 00 0010 01 01 00 02 | 00 00 0008 03 00 000c",
     E::BAD_PROPOSAL,
     "proposal announces 2 transforms but holds 1"},
    {"transform Last Substruc 2",
     33,
     "00 00 0014 | 00 00 0010 01 01 00 01 | 02 00 0008 03 00 000c",
     E::BAD_PROPOSAL,
     "transform Last Substruc 2, not 0 or 3"},
    {"last transform says 3",
     33,
     "00 00 0014 | 00 00 0010 01 01 00 01 | 03 00 0008 03 00 000c",
     E::BAD_PROPOSAL,
     "last transform of a proposal says Last Substruc 3"},
    {"proposal length",
     33,
     "00 00 0014 | 00 00 0007 01 01 00 01 | 00 00 0008 03 00 000c",
     E::BAD_LENGTH,
     "proposal length 7 below 8 + SPI size 0"},
    {"proposal past SA",
     33,
     "00 00 0014 | 00 00 0020 01 01 00 01 | 00 00 0008 03 00 000c",
     E::BAD_LENGTH,
     "proposal length 32 runs past the SA payload"},
    {"transform past proposal",
     33,
     "00 00 0014 | 00 00 0010 01 01 00 01 | 00 00 000c 01 00 000c",
     E::BAD_LENGTH,
     "transform length 12 runs past its proposal"},
    {"attribute past transform",
     33,
     "00 00 0018 | 00 00 0014 01 01 00 01 | 00 00 000c 01 00 000c | 000e 0008",
     E::BAD_ATTRIBUTE,
     "attribute length 8 runs past its transform"},
    {"truncated attribute",
     33,
     "00 00 0016 | 00 00 0012 01 01 00 01 | 00 00 000a 01 00 000c | 800e",
     E::BAD_ATTRIBUTE,
     "truncated transform attribute"},
    {"Notify SPI",
     41,
     "00 00 000a 03 04 4009 0a0b",
     E::BAD_LENGTH,
     "Notify SPI size 4 runs past the payload"},
    {"Delete count",
     42,
     "00 00 0010 03 04 0003 01020304 05060708",
     E::BAD_LENGTH,
     "Delete payload holds 8 octets of SPIs, not 4 x 3"},
    {"TS type 9",
     44,
     "00 00 0010 01 000000 | 09 00 0008 0000 ffff",
     E::BAD_PAYLOAD,
     "unsupported traffic selector type 9"},
    {"TS length",
     44,
     "00 00 0014 01 000000 | 07 00 000c 0000 ffff 0a000001",
     E::BAD_LENGTH,
     "traffic selector length 12, not 16"},
    {"TS count",
     44,
     "00 00 0018 02 000000 | 07 00 0010 0000 ffff 0a000001 0a000002",
     E::TRUNCATED,
     "truncated traffic selector"},
    {"TS extra",
     44,
     "00 00 001a 01 000000 | 07 00 0010 0000 ffff 0a000001 0a000002 | 0000",
     E::BAD_LENGTH,
     "2 octets after the last traffic selector"},
    {"CP attribute",
     47,
     "00 00 000c 01 000000 0001 0004",
     E::BAD_LENGTH,
     "configuration attribute runs past the payload"},
    {"EAP length",
     48,
     "00 00 000a 01 07 0007 04 00",
     E::BAD_LENGTH,
     "EAP length 7 differs from the 6 octets of the payload"},
    {"EAP Request without Type",
     48,
     "00 00 0008 01 07 0004",
     E::TRUNCATED,
     "EAP Request or Response without a Type"},
    {"short nonce",
     40,
     "00 00 0013 101112131415161718191a1b1c1d1e",
     E::BAD_PAYLOAD,
     "nonce of 15 octets, not 16 to 256"},
    {"truncated ID", 35, "00 00 0006 0500", E::TRUNCATED, "truncated ID payload"},
    {"truncated AUTH", 39, "00 00 0007 020000", E::TRUNCATED, "truncated AUTH payload"},
    {"SK not last",
     46,
     "28 00 0008 01020304 | 00 00 0014 101112131415161718191a1b1c1d1e1f",
     E::BAD_ENCRYPTED,
     "20 octets after the Encrypted payload, which must be last"},
    {"empty SK", 46, "23 00 0004", E::BAD_ENCRYPTED, "empty Encrypted payload"},
};

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The 28-octet IKE header (RFC 7296 §3.1) against octets written by hand.
 */
class Ikev2HeaderTestCase : public TestCase
{
  public:
    Ikev2HeaderTestCase()
        : TestCase("IKE header: 28 octets in network order, flags as bits, peeked back")
    {
    }

  private:
    void DoRun() override;
};

void
Ikev2HeaderTestCase::DoRun()
{
    //  0                   1                   2                   3
    //  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
    // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    // |                       IKE SA Initiator's SPI                  |  0123456789abcdef
    // |                       IKE SA Responder's SPI                  |  fedcba9876543210
    // |  Next Payload | MjVer | MnVer | Exchange Type |     Flags     |  21 (SA) 20 22 08 (I)
    // |                          Message ID                           |  00000000
    // |                            Length                             |  00000150 (336)
    Ikev2Header h;
    h.initiatorSpi = 0x0123456789abcdefULL;
    h.responderSpi = 0xfedcba9876543210ULL;
    h.nextPayload = Ikev2PayloadType::SA;
    h.exchangeType = Ikev2ExchangeType::IKE_SA_INIT;
    h.initiator = true;
    h.length = 336;
    const std::vector<uint8_t> expected =
        CxtpTestFromHex("0123456789abcdef fedcba9876543210 21 20 22 08 | 00000000 | 00000150");
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(Ikev2Codec::EncodeHeader(h)),
                          CxtpTestToHex(expected),
                          "bytes");

    // A response from the responder to an INFORMATIONAL request: R (0x20) only.
    h.nextPayload = Ikev2PayloadType::SK;
    h.exchangeType = Ikev2ExchangeType::INFORMATIONAL;
    h.initiator = false;
    h.response = true;
    h.messageId = 7;
    h.length = 76;
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(Ikev2Codec::EncodeHeader(h)),
                          std::string("0123456789abcdeffedcba98765432102e202520000000070000004c"),
                          "response flags");

    Ikev2Header d;
    NS_TEST_ASSERT_MSG_EQ(Ikev2Codec::DecodeHeader(expected, d).IsOk(), true, "peeks");
    NS_TEST_EXPECT_MSG_EQ(d.initiatorSpi, 0x0123456789abcdefULL, "SPIi");
    NS_TEST_EXPECT_MSG_EQ(d.responderSpi, 0xfedcba9876543210ULL, "SPIr");
    NS_TEST_EXPECT_MSG_EQ(static_cast<int>(d.nextPayload), 33, "next payload");
    NS_TEST_EXPECT_MSG_EQ(+d.GetMajorVersion(), 2, "major version");
    NS_TEST_EXPECT_MSG_EQ(static_cast<int>(d.exchangeType), 34, "IKE_SA_INIT");
    NS_TEST_EXPECT_MSG_EQ(d.initiator, true, "I");
    NS_TEST_EXPECT_MSG_EQ(d.response, false, "R");
    NS_TEST_EXPECT_MSG_EQ(d.higherVersion, false, "V");
    NS_TEST_EXPECT_MSG_EQ(d.length, 336u, "length");

    // Unused flag bits are ignored on receipt (§3.1) and never sent.
    std::vector<uint8_t> odd = expected;
    odd[19] = 0xff;
    NS_TEST_ASSERT_MSG_EQ(Ikev2Codec::DecodeHeader(odd, d).IsOk(), true, "all flag bits set");
    NS_TEST_EXPECT_MSG_EQ((d.initiator && d.response && d.higherVersion), true, "I, V and R");
    NS_TEST_EXPECT_MSG_EQ(+d.GetFlags(), 0x38, "only I, V and R are kept");

    const std::vector<uint8_t> shortHeader(expected.begin(), expected.end() - 1);
    Ikev2DecodeResult r = Ikev2Codec::DecodeHeader(shortHeader, d);
    NS_TEST_EXPECT_MSG_EQ(static_cast<int>(r.error),
                          static_cast<int>(Ikev2DecodeError::TRUNCATED),
                          "27 octets");
    NS_TEST_EXPECT_MSG_EQ(Ikev2Codec::DecodeHeader(nullptr, 0, d).IsOk(), false, "no octets");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief SA, KE, Notify and TS payloads against octets written by hand (RFC 7296 §3.3-§3.13).
 */
class Ikev2PayloadLayoutTestCase : public TestCase
{
  public:
    Ikev2PayloadLayoutTestCase()
        : TestCase("SA with four transforms and a Key Length, KE, Notify, IPv6 TS: exact octets")
    {
    }

  private:
    void DoRun() override;
    /// The SA payload of an IKE proposal with four transforms.
    void CheckSa();
    /// KE and two Notify payloads in one chain.
    void CheckKeAndNotify();
    /// A TSi payload with one IPv6 range.
    void CheckTs();
};

void
Ikev2PayloadLayoutTestCase::DoRun()
{
    CheckSa();
    CheckKeAndNotify();
    CheckTs();
}

void
Ikev2PayloadLayoutTestCase::CheckSa()
{
    // SA payload (§3.3), 4 + 44 = 48 octets
    // | Next Payload=0|C|  RESERVED   |       Payload Length=48       |
    // Proposal (§3.3.1), 8 + 36 = 44 octets
    // | Last Substruc=0|  RESERVED   |       Proposal Length=44      |
    // | Proposal Num=1| Protocol=1 IKE| SPI Size=0    | Num Transforms=4
    // Transforms (§3.3.2): 12 + 8 + 8 + 8 = 36 octets
    // | Last Substruc=3|  RESERVED   |      Transform Length=12      |
    // | Type=1 ENCR   |   RESERVED    |    Transform ID=12 AES-CBC    |
    // |1| Attribute Type=14 Key Length|       Attribute Value=256     |  (§3.3.5, TV)
    // | Last Substruc=3|  RESERVED   |      Transform Length=8       |
    // | Type=2 PRF    |   RESERVED    | Transform ID=5 HMAC-SHA2-256  |
    // | Last Substruc=3|  RESERVED   |      Transform Length=8       |
    // | Type=3 INTEG  |   RESERVED    | Transform ID=12 SHA2-256-128  |
    // | Last Substruc=0|  RESERVED   |      Transform Length=8       |
    // | Type=4 DH     |   RESERVED    |   Transform ID=14 MODP-2048   |
    const std::vector<uint8_t> expected = CxtpTestFromHex("00 00 0030"
                                                          "00 00 002c | 01 01 00 04"
                                                          "03 00 000c | 01 00 000c | 800e 0100"
                                                          "03 00 0008 | 02 00 0005"
                                                          "03 00 0008 | 03 00 000c"
                                                          "00 00 0008 | 04 00 000e");
    Ikev2Proposal ike;
    ike.transforms = {Ikev2Transform::Encr(Ikev2EncrId::ENCR_AES_CBC, 256),
                      Ikev2Transform::Prf(Ikev2PrfId::PRF_HMAC_SHA2_256),
                      Ikev2Transform::Integ(Ikev2IntegId::AUTH_HMAC_SHA2_256_128),
                      Ikev2Transform::Dh(Ikev2DhId::MODP_2048)};
    Ikev2SaPayload sa;
    sa.proposals = {ike};
    NS_TEST_EXPECT_MSG_EQ(Ikev2Codec::GetPayloadSize(sa), 48u, "size without encoding");
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(Chain({sa})), CxtpTestToHex(expected), "SA octets");

    std::vector<Ikev2Payload> back;
    Ikev2DecodeResult r =
        Ikev2Codec::DecodePayloads(expected.data(), expected.size(), Ikev2PayloadType::SA, back);
    NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, r.reason);
    const auto* d = IkeFindPayload<Ikev2SaPayload>(back);
    NS_TEST_ASSERT_MSG_EQ((d != nullptr && d->proposals.size() == 1), true, "one proposal");
    if (d == nullptr || d->proposals.size() != 1)
    {
        return;
    }
    const Ikev2Proposal& p = d->proposals[0];
    NS_TEST_EXPECT_MSG_EQ(static_cast<int>(p.protocolId), 1, "IKE");
    NS_TEST_ASSERT_MSG_EQ(p.transforms.size(), 4u, "four transforms");
    if (p.transforms.size() != 4)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(p.transforms[0].GetKeyLength(), 256, "Key Length");
    NS_TEST_EXPECT_MSG_EQ(p.transforms[1].GetKeyLength(), 0, "no Key Length");
    NS_TEST_EXPECT_MSG_EQ(static_cast<int>(p.transforms[3].type), 4, "DH");
    NS_TEST_EXPECT_MSG_EQ(p.transforms[3].id, 14, "MODP-2048");
}

void
Ikev2PayloadLayoutTestCase::CheckKeAndNotify()
{
    // KE (§3.4), 4 + 4 + 256 = 264 octets, then N(NAT_DETECTION_SOURCE_IP) (§3.10), 4 + 4 + 20,
    // then N(REKEY_SA) for an ESP SA, 4 + 4 + 4:
    // | Next=41 (N)   |C|  RESERVED   |      Payload Length=264       |
    // |   Diffie-Hellman Group Num=14 |           RESERVED            |
    // ~                   Key Exchange Data (256)                     ~
    // | Next=41 (N)   |C|  RESERVED   |      Payload Length=28        |
    // | Protocol ID=0 | SPI Size=0    |  Notify Message Type=16388    |
    // ~                   Notification Data (20)                      ~
    // | Next=0        |C|  RESERVED   |      Payload Length=12        |
    // | Protocol ID=3 | SPI Size=4    |  Notify Message Type=16393    |
    // |                        SPI = 0a0b0c0d                         |
    std::vector<uint8_t> expected = CxtpTestFromHex("29 00 0108 | 000e 0000");
    const std::vector<uint8_t> ke = T::Seq(256, 0);
    expected.insert(expected.end(), ke.begin(), ke.end());
    const std::vector<uint8_t> rest = CxtpTestFromHex("29 00 001c | 00 00 4004"
                                                      "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3"
                                                      "00 00 000c | 03 04 4009 | 0a0b0c0d");
    expected.insert(expected.end(), rest.begin(), rest.end());

    Ikev2NotifyPayload natd;
    natd.type = Ikev2NotifyType::NAT_DETECTION_SOURCE_IP;
    natd.data = T::Seq(20, 0xa0);
    Ikev2NotifyPayload rekey;
    rekey.protocolId = Ikev2ProtocolId::ESP;
    rekey.spi = CxtpTestFromHex("0a0b0c0d");
    rekey.type = Ikev2NotifyType::REKEY_SA;
    const std::vector<Ikev2Payload> payloads = {Ikev2KePayload{Ikev2DhId::MODP_2048, ke},
                                                natd,
                                                rekey};
    NS_TEST_EXPECT_MSG_EQ(Ikev2Codec::GetPayloadsSize(payloads), 304u, "264 + 28 + 12");
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(Chain(payloads)),
                          CxtpTestToHex(expected),
                          "KE and N octets");

    std::vector<Ikev2Payload> back;
    Ikev2DecodeResult r =
        Ikev2Codec::DecodePayloads(expected.data(), expected.size(), Ikev2PayloadType::KE, back);
    NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, r.reason);
    const auto notifies = IkeFindAllPayloads<Ikev2NotifyPayload>(back);
    NS_TEST_ASSERT_MSG_EQ(notifies.size(), 2u, "two notifies");
    if (notifies.size() != 2)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(notifies[0]->IsError(), false, "status");
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(notifies[1]->spi), std::string("0a0b0c0d"), "SPI");
    NS_TEST_EXPECT_MSG_EQ(static_cast<int>(notifies[1]->type), 16393, "REKEY_SA");
    const auto* k = IkeFindPayload<Ikev2KePayload>(back);
    NS_TEST_ASSERT_MSG_EQ((k != nullptr), true, "KE");
    if (k == nullptr)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(static_cast<int>(k->group), 14, "group");
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(k->data), CxtpTestToHex(ke), "KE data");
}

void
Ikev2PayloadLayoutTestCase::CheckTs()
{
    // TSi (§3.13) with one TS_IPV6_ADDR_RANGE (§3.13.1, 40 octets): 4 + 4 + 40 = 48
    // | Next=0        |C|  RESERVED   |       Payload Length=48       |
    // | Number of TSs=1|                 RESERVED                    |
    // |   TS Type=8   |IP Protocol=0  |       Selector Length=40      |
    // |        Start Port=0           |        End Port=65535         |
    // ~      Starting Address 2001:db8::1 / Ending Address 2001:db8::ffff     ~
    const std::vector<uint8_t> expected = CxtpTestFromHex("00 00 0030 | 01 000000"
                                                          "08 00 0028 | 0000 ffff"
                                                          "20010db8 00000000 00000000 00000001"
                                                          "20010db8 00000000 00000000 0000ffff");
    Ikev2TsiPayload tsi;
    tsi.selectors = {
        Ikev2TrafficSelector::Ipv6Range(Ipv6Address("2001:db8::1"), Ipv6Address("2001:db8::ffff"))};
    NS_TEST_EXPECT_MSG_EQ(tsi.selectors[0].GetSerializedSize(), 40u, "IPv6 selector");
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(Chain({tsi})), CxtpTestToHex(expected), "TSi octets");

    std::vector<Ikev2Payload> back;
    Ikev2DecodeResult r =
        Ikev2Codec::DecodePayloads(expected.data(), expected.size(), Ikev2PayloadType::TSI, back);
    NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, r.reason);
    const auto* d = IkeFindPayload<Ikev2TsiPayload>(back);
    NS_TEST_ASSERT_MSG_EQ((d != nullptr && d->selectors.size() == 1), true, "one selector");
    if (d == nullptr || d->selectors.size() != 1)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ((IkeFindPayload<Ikev2TsrPayload>(back) == nullptr), true, "not TSr");
    NS_TEST_EXPECT_MSG_EQ(d->selectors[0].endPort, 65535, "end port");
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(d->selectors[0].endAddress),
                          std::string("20010db800000000000000000000ffff"),
                          "end address");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Every payload type survives encode → decode → encode, with Next Payload chaining,
 * sizes computed without encoding, and a sealed SK payload carried back as received.
 */
class Ikev2RoundTripTestCase : public TestCase
{
  public:
    Ikev2RoundTripTestCase()
        : TestCase("every payload type round-trips; sizes agree; a sealed SK is kept as is")
    {
    }

  private:
    void DoRun() override;
    /// A message with one payload of every type.
    void CheckEveryPayload();
    /// \param payloads the decoded payloads of EveryPayload(): their fields
    void CheckFields(const std::vector<Ikev2Payload>& payloads);
    /// A message with a sealed SK payload.
    void CheckSealed();
};

void
Ikev2RoundTripTestCase::DoRun()
{
    CheckEveryPayload();
    CheckSealed();
}

void
Ikev2RoundTripTestCase::CheckEveryPayload()
{
    Ikev2Message m;
    m.header.initiatorSpi = 0x1122334455667788ULL;
    m.header.responderSpi = 0x99aabbccddeeff00ULL;
    m.header.exchangeType = Ikev2ExchangeType::CREATE_CHILD_SA;
    m.header.messageId = 5;
    m.payloads = T::EveryPayload();
    const std::vector<uint8_t> bytes = Ikev2Codec::EncodeMessage(m);
    NS_TEST_EXPECT_MSG_EQ(bytes.size(),
                          28 + Ikev2Codec::GetPayloadsSize(m.payloads),
                          "size without encoding");

    Ikev2Message d;
    Ikev2DecodeResult r = Ikev2Codec::DecodeMessage(bytes, d);
    NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, r.reason);
    NS_TEST_ASSERT_MSG_EQ(d.payloads.size(), m.payloads.size(), "payload count");
    if (d.payloads.size() != m.payloads.size())
    {
        return;
    }
    for (size_t i = 0; i < m.payloads.size(); ++i)
    {
        NS_TEST_EXPECT_MSG_EQ(d.payloads[i].index(), m.payloads[i].index(), "type of " << i);
        NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(Chain({d.payloads[i]})),
                              CxtpTestToHex(Chain({m.payloads[i]})),
                              "payload " << i);
    }
    NS_TEST_EXPECT_MSG_EQ(d.encrypted.has_value(), false, "no SK");
    NS_TEST_EXPECT_MSG_EQ(static_cast<int>(d.header.nextPayload), 33, "first payload SA");
    NS_TEST_EXPECT_MSG_EQ(d.header.length, bytes.size(), "header length");
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(Ikev2Codec::EncodeMessage(d)),
                          CxtpTestToHex(bytes),
                          "re-encodes");

    CheckFields(d.payloads);
}

void
Ikev2RoundTripTestCase::CheckFields(const std::vector<Ikev2Payload>& payloads)
{
    const auto* sa = IkeFindPayload<Ikev2SaPayload>(payloads);
    NS_TEST_ASSERT_MSG_EQ((sa != nullptr && sa->proposals.size() == 2), true, "two proposals");
    if (sa == nullptr || sa->proposals.size() != 2)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(sa->proposals[1].spi),
                          CxtpTestToHex(T::Seq(8, 0x10)),
                          "IKE SPI");
    NS_TEST_EXPECT_MSG_EQ(sa->proposals[1].transforms[0].attributes[1].tv, false, "TLV");
    const auto eaps = IkeFindAllPayloads<Ikev2EapPayload>(payloads);
    NS_TEST_ASSERT_MSG_EQ(eaps.size(), 2u, "two EAP payloads");
    if (eaps.size() != 2)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(+eaps[0]->GetCode(), 1, "Request");
    NS_TEST_EXPECT_MSG_EQ(+eaps[0]->GetIdentifier(), 7, "Identifier");
    NS_TEST_EXPECT_MSG_EQ(eaps[0]->GetLength(), 11, "Length");
    NS_TEST_EXPECT_MSG_EQ(+eaps[0]->GetType(), 4, "MD5-Challenge");
    NS_TEST_EXPECT_MSG_EQ(+eaps[1]->GetType(), 0, "Success has no Type");
    const auto* unknown = IkeFindPayload<Ikev2UnknownPayload>(payloads);
    NS_TEST_ASSERT_MSG_EQ((unknown != nullptr), true, "unknown payload kept");
    if (unknown == nullptr)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(static_cast<int>(unknown->type), 200, "its type");
    const auto* tsr = IkeFindPayload<Ikev2TsrPayload>(payloads);
    NS_TEST_ASSERT_MSG_EQ((tsr != nullptr && tsr->selectors.size() == 2), true, "TSr");
    if (tsr == nullptr || tsr->selectors.size() != 2)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(tsr->selectors[0].GetSerializedSize(), 16u, "IPv4 selector");
    NS_TEST_EXPECT_MSG_EQ(tsr->selectors[0].endPort, 4500, "end port");
    const auto* cp = IkeFindPayload<Ikev2CpPayload>(payloads);
    NS_TEST_ASSERT_MSG_EQ((cp != nullptr && cp->attributes.size() == 2), true, "CP");
    if (cp == nullptr || cp->attributes.size() != 2)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(cp->attributes[1].value.empty(), true, "empty attribute");
    const auto deletes = IkeFindAllPayloads<Ikev2DeletePayload>(payloads);
    NS_TEST_ASSERT_MSG_EQ(deletes.size(), 2u, "two Delete payloads");
    if (deletes.size() != 2)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(deletes[1]->spis.empty(), true, "IKE SA delete has no SPI");
}

void
Ikev2RoundTripTestCase::CheckSealed()
{
    // HDR | N(COOKIE) | SK: the SK generic header names IDi as its first inner payload.
    const std::vector<uint8_t> bytes = Message(0x29,
                                               "2e 00 000c | 00 00 4006 | 01020304"
                                               "23 80 0010 | 000102030405060708090a0b");
    Ikev2Message d;
    Ikev2DecodeResult r = Ikev2Codec::DecodeMessage(bytes, d);
    NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, r.reason);
    NS_TEST_ASSERT_MSG_EQ(d.encrypted.has_value(), true, "SK");
    if (!d.encrypted)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(d.encrypted->sealed, true, "sealed");
    NS_TEST_EXPECT_MSG_EQ(d.encrypted->critical, true, "C bit recorded");
    NS_TEST_EXPECT_MSG_EQ(static_cast<int>(d.encrypted->firstPayload), 35, "IDi first");
    NS_TEST_EXPECT_MSG_EQ(d.encrypted->body.size(), 12u, "body kept");
    NS_TEST_EXPECT_MSG_EQ(d.payloads.size(), 1u, "one clear payload");
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(Ikev2Codec::EncodeMessage(d)),
                          CxtpTestToHex(bytes),
                          "re-encodes");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief A test case that expects messages to fail decoding with a given error and reason.
 */
class Ikev2DecodeErrorTestCase : public TestCase
{
  public:
    /// \param name the test case's name
    explicit Ikev2DecodeErrorTestCase(const std::string& name)
        : TestCase(name)
    {
    }

  protected:
    /**
     * \param bytes a message
     * \param error the expected error
     * \param reason the expected reason
     * \param what the check's name
     */
    void ExpectError(const std::vector<uint8_t>& bytes,
                     Ikev2DecodeError error,
                     const std::string& reason,
                     const std::string& what)
    {
        Ikev2Message d;
        const Ikev2DecodeResult r = Ikev2Codec::DecodeMessage(bytes, d);
        NS_TEST_EXPECT_MSG_EQ(std::string(GetIkev2DecodeErrorName(r.error)),
                              std::string(GetIkev2DecodeErrorName(error)),
                              what << " (" << r.reason << ")");
        NS_TEST_EXPECT_MSG_EQ(r.reason, reason, what);
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The payload chain's length checks and unknown payloads (RFC 7296 §2.5, §3.1, §3.2).
 */
class Ikev2ChainErrorsTestCase : public Ikev2DecodeErrorTestCase
{
  public:
    Ikev2ChainErrorsTestCase()
        : Ikev2DecodeErrorTestCase(
              "truncated, over-long, zero-length and unknown (critical or not) payloads")
    {
    }

  private:
    void DoRun() override;
    /// Unknown payloads with and without the critical bit.
    void CheckUnknown();
    /// Truncation of a message at every length.
    void CheckTruncation();
};

void
Ikev2ChainErrorsTestCase::DoRun()
{
    const std::vector<uint8_t> good = Message(0x22, KE_NONCE);
    Ikev2Message d;
    NS_TEST_ASSERT_MSG_EQ(Ikev2Codec::DecodeMessage(good, d).IsOk(), true, "the base decodes");
    NS_TEST_EXPECT_MSG_EQ(good.size(), 64u, "28 + 16 + 20");

    std::vector<uint8_t> m = good;
    m[31] = 3;
    ExpectError(m, Ikev2DecodeError::BAD_LENGTH, "payload length 3 below 4", "3");
    m[31] = 0;
    ExpectError(m, Ikev2DecodeError::BAD_LENGTH, "payload length 0 below 4", "0");
    m[31] = 6;
    ExpectError(m, Ikev2DecodeError::TRUNCATED, "truncated KE payload", "KE 6");
    m[30] = 1;
    m[31] = 0x90;
    ExpectError(m,
                Ikev2DecodeError::BAD_LENGTH,
                "payload length 400 exceeds the 36 octets left",
                "over-long");
    m = good;
    m[26] = 1;
    m[27] = 0x90;
    ExpectError(m,
                Ikev2DecodeError::BAD_LENGTH,
                "message length 400 differs from 64 received",
                "header length");
    m = good;
    m.insert(m.end(), {0, 0, 0, 0});
    m[27] = 68;
    ExpectError(m,
                Ikev2DecodeError::BAD_LENGTH,
                "4 octets after the last payload",
                "trailing octets");
    m = good;
    m[17] = 0x10;
    ExpectError(m, Ikev2DecodeError::BAD_VERSION, "major version 1, not 2", "v1");
    m[17] = 0x2f;
    NS_TEST_EXPECT_MSG_EQ(Ikev2Codec::DecodeMessage(m, d).IsOk(), true, "minor version ignored");
    CheckUnknown();
    CheckTruncation();
}

void
Ikev2ChainErrorsTestCase::CheckUnknown()
{
    // HDR | N(INITIAL_CONTACT) | payload 200 (4 octets of body) | Nonce
    const std::string chain = "c8 00 0008 | 00 00 4000"
                              "28 %s 0008 | deadbeef"
                              "00 00 0014 | 101112131415161718191a1b1c1d1e1f";
    std::string plain = chain;
    plain.replace(plain.find("%s"), 2, "00");
    Ikev2Message d;
    Ikev2DecodeResult r = Ikev2Codec::DecodeMessage(Message(0x29, plain), d);
    NS_TEST_ASSERT_MSG_EQ(r.IsOk(),
                          true,
                          "an unknown non-critical payload is skipped: " + r.reason);
    NS_TEST_ASSERT_MSG_EQ(d.payloads.size(), 3u, "and kept, the chain going on");
    if (d.payloads.size() != 3)
    {
        return;
    }
    const auto* u = std::get_if<Ikev2UnknownPayload>(&d.payloads[1]);
    NS_TEST_ASSERT_MSG_EQ((u != nullptr), true, "unknown");
    if (u == nullptr)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(static_cast<int>(u->type), 200, "type");
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(u->body), std::string("deadbeef"), "body");
    NS_TEST_EXPECT_MSG_EQ(CxtpTestToHex(Ikev2Codec::EncodeMessage(d)),
                          CxtpTestToHex(Message(0x29, plain)),
                          "re-encodes");

    std::string critical = chain;
    critical.replace(critical.find("%s"), 2, "80");
    r = Ikev2Codec::DecodeMessage(Message(0x29, critical), d);
    NS_TEST_EXPECT_MSG_EQ(std::string(GetIkev2DecodeErrorName(r.error)),
                          std::string("UNSUPPORTED_CRITICAL_PAYLOAD"),
                          r.reason);
    NS_TEST_EXPECT_MSG_EQ(r.reason, std::string("unknown critical payload type 200"), "reason");
    NS_TEST_EXPECT_MSG_EQ(static_cast<int>(r.unsupportedType), 200, "the type to report");
    NS_TEST_EXPECT_MSG_EQ(r.offset, 36u, "where");
    NS_TEST_EXPECT_MSG_EQ(d.payloads.size(), 3u, "the whole message is decoded");

    // The C bit of a known payload is ignored on receipt, but kept.
    r = Ikev2Codec::DecodeMessage(Message(0x28, "00 80 0014 | 101112131415161718191a1b1c1d1e1f"),
                                  d);
    NS_TEST_ASSERT_MSG_EQ(r.IsOk(), true, r.reason);
    if (d.payloads.empty())
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(IsIkev2PayloadCritical(d.payloads.at(0)), true, "C bit kept");
    // IKEv1's payload types are reserved in IKEv2 (§3.2): unknown.
    r = Ikev2Codec::DecodeMessage(Message(0x05, "00 80 0004"), d);
    NS_TEST_EXPECT_MSG_EQ(static_cast<int>(r.unsupportedType), 5, "reserved type 5, critical");
}

void
Ikev2ChainErrorsTestCase::CheckTruncation()
{
    Ikev2Message m;
    m.payloads = T::EveryPayload();
    const std::vector<uint8_t> full = Ikev2Codec::EncodeMessage(m);
    for (size_t n = 0; n < full.size(); ++n)
    {
        // As received (the header's Length disagrees), and with the Length rewritten to fit.
        std::vector<uint8_t> cut(full.begin(), full.begin() + n);
        Ikev2Message d;
        NS_TEST_EXPECT_MSG_EQ(Ikev2Codec::DecodeMessage(cut, d).IsOk(), false, "cut at " << n);
        if (n >= 28)
        {
            cut[24] = static_cast<uint8_t>(n >> 24);
            cut[25] = static_cast<uint8_t>(n >> 16);
            cut[26] = static_cast<uint8_t>(n >> 8);
            cut[27] = static_cast<uint8_t>(n);
            const Ikev2DecodeResult r = Ikev2Codec::DecodeMessage(cut, d);
            NS_TEST_EXPECT_MSG_EQ(r.IsOk(), false, "cut at " << n << ", length fitted");
            NS_TEST_EXPECT_MSG_EQ(r.reason.empty(), false, "a reason at " << n);
            NS_TEST_EXPECT_MSG_LT_OR_EQ(r.offset, n, "offset within the input at " << n);
        }
    }
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Payload contents that disagree with their own fields, and SK placement (RFC 7296 §3.3,
 * §3.9-§3.16, §3.14).
 */
class Ikev2PayloadErrorsTestCase : public Ikev2DecodeErrorTestCase
{
  public:
    Ikev2PayloadErrorsTestCase()
        : Ikev2DecodeErrorTestCase(
              "malformed SA, Notify, Delete, TS, CP, EAP, Nonce and SK fail with a reason")
    {
    }

  private:
    void DoRun() override;
};

void
Ikev2PayloadErrorsTestCase::DoRun()
{
    for (const auto& c : g_errorCases)
    {
        ExpectError(Message(c.first, c.chain), c.err, c.reason, c.what);
    }

    // Inside an SK payload's plaintext, another SK payload is an error (§3.14).
    const std::vector<uint8_t> inner =
        CxtpTestFromHex("2e 00 0008 | 00 00 4000 | 23 00 0008 01020304");
    std::vector<Ikev2Payload> out;
    Ikev2DecodeResult r =
        Ikev2Codec::DecodePayloads(inner.data(), inner.size(), Ikev2PayloadType::NOTIFY, out);
    NS_TEST_EXPECT_MSG_EQ(r.reason,
                          std::string("Encrypted payload inside an Encrypted payload"),
                          "nested SK");
    NS_TEST_EXPECT_MSG_EQ(r.offset, 8u, "offset in the plaintext");
    out.clear();
    r = Ikev2Codec::DecodePayloads(nullptr, 0, Ikev2PayloadType::NONE, out);
    NS_TEST_EXPECT_MSG_EQ(r.IsOk(), true, "an empty SK plaintext holds no payload");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Byte-flip fuzzing: no input crashes the decoder, and whatever decodes re-encodes to a
 * message of the length it was given.
 */
class Ikev2FuzzTestCase : public TestCase
{
  public:
    Ikev2FuzzTestCase()
        : TestCase("byte flips in a message with every payload type decode cleanly")
    {
    }

  private:
    void DoRun() override;
};

void
Ikev2FuzzTestCase::DoRun()
{
    Ikev2Message m;
    m.payloads = T::EveryPayload();
    const std::vector<uint8_t> msg = Ikev2Codec::EncodeMessage(m);
    const uint8_t values[] = {0x00, 0x01, 0x02, 0x03, 0x04, 0x07, 0x08, 0x2e, 0x7f, 0x80, 0xff};
    uint32_t decoded = 0;
    for (size_t i = 0; i < msg.size(); ++i)
    {
        for (uint8_t v : values)
        {
            std::vector<uint8_t> f = msg;
            f[i] = v;
            Ikev2Message d;
            const Ikev2DecodeResult r = Ikev2Codec::DecodeMessage(f, d);
            if (r.IsOk() || r.error == Ikev2DecodeError::UNSUPPORTED_CRITICAL_PAYLOAD)
            {
                ++decoded;
                NS_TEST_EXPECT_MSG_EQ(Ikev2Codec::EncodeMessage(d).size(),
                                      f.size(),
                                      "octet " << i << " = " << +v);
            }
            else
            {
                NS_TEST_EXPECT_MSG_LT_OR_EQ(r.offset, f.size(), "offset at octet " << i);
            }
        }
    }
    NS_TEST_EXPECT_MSG_GT(decoded, 0u, "some flips still decode");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The IKEv2 wire codec suite.
 */
class Ikev2CodecTestSuite : public TestSuite
{
  public:
    Ikev2CodecTestSuite()
        : TestSuite("cxtp-ipsec-ikev2-codec", TestSuite::UNIT)
    {
        AddTestCase(new Ikev2HeaderTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2PayloadLayoutTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2RoundTripTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2ChainErrorsTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2PayloadErrorsTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2FuzzTestCase, TestCase::QUICK);
    }
};

static Ikev2CodecTestSuite g_ikev2CodecTestSuite; ///< registers the suite
