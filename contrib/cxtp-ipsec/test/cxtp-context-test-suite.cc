/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Unit tests of the CXTP Context Data Blocks (RFC 4067 §2.3), the IPsec/IKE context codec and
// the authorization token (RFC 4067 §2.5.1, §6.3).

#include "ns3/cxtp-context.h"
#include "ns3/cxtp-header.h"
#include "ns3/cxtp-token.h"
#include "ns3/ikev1-sa.h"
#include "ns3/ipsec-pad-entry.h"
#include "ns3/ipsec-policy.h"
#include "ns3/ipsec-security-association.h"
#include "ns3/packet.h"
#include "ns3/test.h"

#include <functional>
#include <vector>

using namespace ns3;

namespace
{

/**
 * \param n length
 * \param seed first value
 * \return n octets seed, seed + 1, ...
 */
std::vector<uint8_t>
Bytes(size_t n, uint8_t seed)
{
    std::vector<uint8_t> v(n);
    for (size_t k = 0; k < n; ++k)
    {
        v[k] = static_cast<uint8_t>(seed + k);
    }
    return v;
}

/**
 * \param block a block
 * \return the block as received: encoded, then decoded (data with its padding)
 */
CxtpContextBlock
OverTheWire(const CxtpContextBlock& block)
{
    const std::vector<uint8_t> bytes = block.Encode();
    CxtpContextBlock out;
    CxtpContextBlock::Decode(bytes.data(), bytes.size(), out);
    return out;
}

/// \return an outbound ESN tunnel SA with every field set away from its default
IpsecSecurityAssociation
MakeEsnSa()
{
    IpsecSecurityAssociation sa;
    sa.spi = 0xc0ffee01;
    sa.direction = IpsecDirection::INBOUND;
    sa.mode = IpsecMode::TUNNEL;
    sa.source = Ipv6Address("2001:db8:aa::10");
    sa.destination = Ipv6Address("2001:db8:bb::1");
    sa.encryption = IpsecEncryption::AES_256_CBC;
    sa.encryptionKey = Bytes(32, 0x40);
    sa.integrity = IpsecIntegrity::HMAC_SHA2_256_128;
    sa.integrityKey = Bytes(32, 0x90);
    sa.esn = true;
    sa.sequence = (uint64_t{1} << 32) + 5; // above 2^32: needs the 64-bit counter
    sa.replay = IpsecReplayWindow(128, true);
    sa.replay.SetState((uint64_t{1} << 32) + 100, {0xf0f0f0f0f0f0f0f1ULL, 0x8000000000000003ULL});
    sa.softLifetime.time = Seconds(3000);
    sa.softLifetime.bytes = 1000000;
    sa.hardLifetime.time = Seconds(3600);
    sa.hardLifetime.bytes = 2000000;
    sa.bytes = 123456789;
    sa.packets = 98765;
    sa.addTime = MilliSeconds(1234);
    sa.pathMtu = 1400;
    sa.policyId = 77;
    return sa;
}

/// \return a non-ESN outbound transport SA with a GCM key and replay state
IpsecSecurityAssociation
MakeGcmSa()
{
    IpsecSecurityAssociation sa;
    sa.spi = 0x1234;
    sa.direction = IpsecDirection::OUTBOUND;
    sa.mode = IpsecMode::TRANSPORT;
    sa.source = Ipv6Address("fd00::1");
    sa.destination = Ipv6Address("fd00::2");
    sa.encryption = IpsecEncryption::AES_128_GCM_16;
    sa.encryptionKey = Bytes(20, 0x01);
    sa.integrity = IpsecIntegrity::NONE;
    sa.integrityKey.clear();
    sa.sequence = 0xfffffff0;
    sa.replay = IpsecReplayWindow(64, false);
    sa.replay.SetState(4000, {0x5555555555555555ULL});
    sa.pathMtu = 1280;
    return sa;
}

/// \return a PROTECT tunnel policy with every field set
IpsecPolicy
MakePolicy()
{
    IpsecPolicy p;
    p.id = 42;
    p.direction = IpsecDirection::INBOUND;
    p.priority = -7;
    p.selector.localAddress = Ipv6Address("2001:db8:10::");
    p.selector.localPrefix = Ipv6Prefix(48);
    p.selector.remoteAddress = Ipv6Address("2001:db8:20::5");
    p.selector.remotePrefix = Ipv6Prefix(128);
    p.selector.nextHeader = 17;
    p.selector.localPortMin = 500;
    p.selector.localPortMax = 4500;
    p.selector.remotePortMin = 1;
    p.selector.remotePortMax = 1024;
    p.action = IpsecPolicyAction::PROTECT;
    p.mode = IpsecMode::TUNNEL;
    p.tunnelLocal = Ipv6Address("2001:db8:aa::1");
    p.tunnelRemote = Ipv6Address("2001:db8:bb::2");
    p.encryption = IpsecEncryption::TDES_CBC;
    p.integrity = IpsecIntegrity::HMAC_SHA1_96;
    return p;
}

/// \return a PAD entry with every field set
IpsecPadEntry
MakePadEntry()
{
    IpsecPadEntry e;
    e.peerAddress = Ipv6Address("2001:db8:cc::");
    e.peerPrefix = Ipv6Prefix(64);
    e.peerName = "mn.example.org";
    e.ikeVersion = 2;
    e.authMethod = IpsecAuthMethod::CERTIFICATE;
    e.preSharedKey = Bytes(17, 0x61);
    e.childAddress = Ipv6Address("2001:db8:dd::");
    e.childPrefix = Ipv6Prefix(56);
    return e;
}

/// \return an established ISAKMP SA with one established and one pending quick mode
Ikev1Sa
MakeIkev1Sa()
{
    Ikev1Sa sa;
    sa.initiatorCookie = 0x0102030405060708ULL;
    sa.responderCookie = 0xf1f2f3f4f5f6f7f8ULL;
    sa.role = Ikev1Role::RESPONDER;
    sa.state = Ikev1State::ESTABLISHED;
    sa.exchange = Ikev1ExchangeType::AGGRESSIVE;
    sa.local = Ipv6Address("2001:db8:aa::1");
    sa.peer = Ipv6Address("2001:db8:cc::10");
    sa.encryption = IpsecEncryption::AES_128_CBC;
    sa.hash = CryptoHash::SHA2_256;
    sa.dhGroup = 14;
    sa.lifetime = Seconds(86400);
    sa.dhPrivate = Bytes(128, 0x10); // not transferred
    sa.dhPublic = Bytes(128, 0x20);
    sa.peerPublic = Bytes(128, 0x30);
    sa.gxy = Bytes(128, 0x40);
    sa.ni = Bytes(16, 0x50);
    sa.nr = Bytes(16, 0x60);
    sa.saiB = Bytes(40, 0x70);
    sa.skeyid = Bytes(32, 0x80);
    sa.skeyidD = Bytes(32, 0x81);
    sa.skeyidA = Bytes(32, 0x82);
    sa.skeyidE = Bytes(32, 0x83);
    sa.encryptionKey = Bytes(16, 0x84);
    sa.iv = Bytes(16, 0x85);
    sa.started = MilliSeconds(100);
    sa.established = MilliSeconds(180);
    Ikev1QuickMode done;
    done.messageId = 0xdeadbeef;
    done.role = Ikev1Role::INITIATOR;
    done.state = Ikev1State::ESTABLISHED;
    done.iv = Bytes(16, 1);
    done.ni = Bytes(16, 2);
    done.pfsGroup = 2;
    done.inboundSpi = 0x11111111;
    done.outboundSpi = 0x22222222;
    done.outPolicyId = 5;
    done.inPolicyId = 6;
    done.encryption = IpsecEncryption::AES_128_CBC;
    done.integrity = IpsecIntegrity::HMAC_SHA1_96;
    done.lifetime = Seconds(3600);
    done.started = MilliSeconds(200);
    sa.quickModes[done.messageId] = done;
    Ikev1QuickMode pending;
    pending.messageId = 0x0badcafe;
    pending.state = Ikev1State::QM_SENT_1;
    pending.inboundSpi = 0x33333333;
    sa.quickModes[pending.messageId] = pending;
    sa.informationalIds = {0x01020304, 0xa0b0c0d0};
    sa.initialContact = true;
    return sa;
}

/**
 * \brief Every proper prefix of the block's data must be rejected, and so must extra octets,
 * another FPT and another layout version.
 * \param block an encoded context
 * \param decode a decoder returning whether it accepted the block
 * \return an empty string, or what was wrongly accepted
 */
std::string
CheckRejections(const CxtpContextBlock& block,
                const std::function<bool(const CxtpContextBlock&)>& decode)
{
    for (size_t n = 0; n < block.data.size(); ++n)
    {
        CxtpContextBlock cut = block;
        cut.data.resize(n);
        if (decode(cut))
        {
            return "accepted a block truncated to " + std::to_string(n) + " octets";
        }
    }
    CxtpContextBlock longer = block;
    longer.data.push_back(0x01);
    if (decode(longer))
    {
        return "accepted a non-zero tail";
    }
    longer = block;
    longer.data.insert(longer.data.end(), 8, 0);
    if (decode(longer))
    {
        return "accepted 8 octets of tail";
    }
    CxtpContextBlock wrongFpt = block;
    wrongFpt.fpt = CxtpFeatureProfile::MLD;
    if (decode(wrongFpt))
    {
        return "accepted another FPT";
    }
    CxtpContextBlock withPresence = block;
    withPresence.presence = true;
    if (decode(withPresence))
    {
        return "accepted P = 1";
    }
    CxtpContextBlock wrongVersion = block;
    wrongVersion.data[0] = 2;
    if (decode(wrongVersion))
    {
        return "accepted layout version 2";
    }
    return "";
}

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief CDB encoding: 8-octet Length units from the FPT, zero padding, presence vector,
 * request form, truncation.
 */
class CxtpContextBlockTestCase : public TestCase
{
  public:
    CxtpContextBlockTestCase()
        : TestCase("CDB encode and decode with 8-octet length units and padding")
    {
    }

  private:
    void DoRun() override
    {
        // |  FPT 0xff02                  | Length = 1    |P=0| Reserved  |  ff 02 01 00
        // |  data 01 02 03               | padding 00                    |  01 02 03 00
        CxtpContextBlock b;
        b.fpt = CxtpFeatureProfile::SPD_ENTRY;
        b.data = {1, 2, 3};
        const std::vector<uint8_t> expected{0xff, 0x02, 0x01, 0x00, 0x01, 0x02, 0x03, 0x00};
        NS_TEST_EXPECT_MSG_EQ((b.Encode() == expected), true, "small CDB vector");

        // |  FPT 0xff02                  | Length = 2    |P=1| Reserved  |  ff 02 02 80
        // |  Presence Vector 0xa0000001                                  |  a0 00 00 01
        // |  data 01 02 03 | 5 octets of zero padding                    |
        b.presence = true;
        b.presenceVector = 0xa0000001;
        const std::vector<uint8_t> expectedP{0xff,
                                             0x02,
                                             0x02,
                                             0x80,
                                             0xa0,
                                             0x00,
                                             0x00,
                                             0x01,
                                             0x01,
                                             0x02,
                                             0x03,
                                             0x00,
                                             0x00,
                                             0x00,
                                             0x00,
                                             0x00};
        NS_TEST_EXPECT_MSG_EQ((b.Encode() == expectedP), true, "CDB with presence vector");

        // The request form: 4 octets, Length 0.
        const std::vector<uint8_t> request{0xff, 0x04, 0x00, 0x00};
        NS_TEST_EXPECT_MSG_EQ(
            (CxtpContextBlock::Request(CxtpFeatureProfile::IKEV1_SA).EncodeRequest() == request),
            true,
            "request CDB");

        for (int p = 0; p <= 1; ++p)
        {
            for (uint32_t n = 0; n <= 40; ++n)
            {
                CxtpContextBlock block;
                block.fpt = CxtpFeatureProfile::SAD_ENTRY;
                block.presence = (p == 1);
                block.presenceVector = 0x12345678;
                block.data = Bytes(n, 0x21);
                const uint32_t raw = 4 + (p ? 4 : 0) + n;
                const uint32_t size = (raw + 7) / 8 * 8;
                NS_TEST_EXPECT_MSG_EQ(block.GetSerializedSize(), size, "size for " << n);
                const std::vector<uint8_t> bytes = block.Encode();
                NS_TEST_ASSERT_MSG_EQ(bytes.size(), size, "encoded size for " << n);
                NS_TEST_EXPECT_MSG_EQ(bytes[2] * 8u, size, "Length counts 8-octet units");
                for (uint32_t k = raw; k < size; ++k)
                {
                    NS_TEST_EXPECT_MSG_EQ(+bytes[k], 0, "zero padding");
                }
                CxtpContextBlock out;
                NS_TEST_EXPECT_MSG_EQ(CxtpContextBlock::Decode(bytes.data(), bytes.size(), out),
                                      size,
                                      "decode consumed");
                NS_TEST_EXPECT_MSG_EQ(out.presence, block.presence, "P");
                NS_TEST_EXPECT_MSG_EQ(out.data.size(), size - 4 - (p ? 4 : 0), "data+padding");
                NS_TEST_EXPECT_MSG_EQ(
                    std::equal(block.data.begin(), block.data.end(), out.data.begin()),
                    true,
                    "data");
                if (p)
                {
                    NS_TEST_EXPECT_MSG_EQ(out.presenceVector, 0x12345678u, "presence vector");
                }
                for (uint32_t cut = 0; cut < size; ++cut)
                {
                    CxtpContextBlock untouched;
                    std::string error;
                    NS_TEST_EXPECT_MSG_EQ(
                        CxtpContextBlock::Decode(bytes.data(), cut, untouched, &error),
                        0u,
                        "truncated to " << cut);
                    NS_TEST_EXPECT_MSG_EQ(error.empty(), false, "reason given");
                }
            }
        }

        // Limits of the 8-bit Length field.
        CxtpContextBlock big;
        big.data.resize(CxtpContextBlock::MAX_SIZE - 4);
        NS_TEST_EXPECT_MSG_EQ(big.IsEncodable(), true, "2040 octets fit");
        NS_TEST_EXPECT_MSG_EQ(+big.GetLengthField(), 255, "Length 255");
        big.data.push_back(0);
        NS_TEST_EXPECT_MSG_EQ(big.IsEncodable(), false, "2041 octets do not");

        // Length 0 is not a data block; two blocks in sequence.
        std::vector<uint8_t> zero{0xff, 0x01, 0x00, 0x00, 0, 0, 0, 0};
        CxtpContextBlock out;
        NS_TEST_EXPECT_MSG_EQ(CxtpContextBlock::Decode(zero.data(), zero.size(), out),
                              0u,
                              "Length 0 rejected");
        std::vector<uint8_t> two = expected;
        two.insert(two.end(), expectedP.begin(), expectedP.end());
        std::vector<CxtpContextBlock> blocks;
        NS_TEST_EXPECT_MSG_EQ(CxtpContextBlock::DecodeAll(two.data(), two.size(), blocks),
                              true,
                              "two blocks");
        NS_TEST_EXPECT_MSG_EQ(blocks.size(), 2u, "two blocks decoded");
        blocks.clear();
        NS_TEST_EXPECT_MSG_EQ(CxtpContextBlock::DecodeAll(two.data(), two.size() - 1, blocks),
                              false,
                              "second block truncated");

        NS_TEST_EXPECT_MSG_EQ(ToString(CxtpFeatureProfile::SAD_ENTRY), "SAD_ENTRY", "name");
        NS_TEST_EXPECT_MSG_EQ(ToString(static_cast<CxtpFeatureProfile>(0x1234)),
                              "FPT_0x1234",
                              "unknown name");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief SAD entries survive the codec field by field, ESN counters and replay state included.
 */
class CxtpContextSaTestCase : public TestCase
{
  public:
    CxtpContextSaTestCase()
        : TestCase("SAD entry contexts round-trip, truncations rejected")
    {
    }

  private:
    /**
     * \param a the original
     * \param b the decoded SA
     */
    void CheckEqual(const IpsecSecurityAssociation& a, const IpsecSecurityAssociation& b)
    {
        NS_TEST_EXPECT_MSG_EQ(b.spi, a.spi, "spi");
        NS_TEST_EXPECT_MSG_EQ((b.direction == a.direction), true, "direction");
        NS_TEST_EXPECT_MSG_EQ((b.mode == a.mode), true, "mode");
        NS_TEST_EXPECT_MSG_EQ(b.source, a.source, "source");
        NS_TEST_EXPECT_MSG_EQ(b.destination, a.destination, "destination");
        NS_TEST_EXPECT_MSG_EQ((b.encryption == a.encryption), true, "encryption");
        NS_TEST_EXPECT_MSG_EQ((b.encryptionKey == a.encryptionKey), true, "encryption key");
        NS_TEST_EXPECT_MSG_EQ((b.integrity == a.integrity), true, "integrity");
        NS_TEST_EXPECT_MSG_EQ((b.integrityKey == a.integrityKey), true, "integrity key");
        NS_TEST_EXPECT_MSG_EQ(b.esn, a.esn, "esn");
        NS_TEST_EXPECT_MSG_EQ(b.sequence, a.sequence, "sequence");
        NS_TEST_EXPECT_MSG_EQ(b.replay.GetSize(), a.replay.GetSize(), "replay W");
        NS_TEST_EXPECT_MSG_EQ(b.replay.IsEsn(), a.replay.IsEsn(), "replay ESN");
        NS_TEST_EXPECT_MSG_EQ(b.replay.GetHighest(), a.replay.GetHighest(), "replay T");
        NS_TEST_EXPECT_MSG_EQ((b.replay.GetBitmap() == a.replay.GetBitmap()), true, "bitmap");
        NS_TEST_EXPECT_MSG_EQ(b.softLifetime.time, a.softLifetime.time, "soft time");
        NS_TEST_EXPECT_MSG_EQ(b.softLifetime.bytes, a.softLifetime.bytes, "soft bytes");
        NS_TEST_EXPECT_MSG_EQ(b.hardLifetime.time, a.hardLifetime.time, "hard time");
        NS_TEST_EXPECT_MSG_EQ(b.hardLifetime.bytes, a.hardLifetime.bytes, "hard bytes");
        NS_TEST_EXPECT_MSG_EQ(b.bytes, a.bytes, "bytes");
        NS_TEST_EXPECT_MSG_EQ(b.packets, a.packets, "packets");
        NS_TEST_EXPECT_MSG_EQ(b.addTime, a.addTime, "add time");
        NS_TEST_EXPECT_MSG_EQ(b.pathMtu, a.pathMtu, "path MTU");
        NS_TEST_EXPECT_MSG_EQ(b.policyId, a.policyId, "policy id");
    }

    void DoRun() override
    {
        for (const IpsecSecurityAssociation& sa : {MakeEsnSa(), MakeGcmSa()})
        {
            NS_TEST_EXPECT_MSG_EQ(sa.Validate(), "", "the test SA is valid");
            const CxtpContextBlock block = CxtpContextCodec::EncodeSa(sa);
            NS_TEST_EXPECT_MSG_EQ((block.fpt == CxtpFeatureProfile::SAD_ENTRY), true, "FPT");
            NS_TEST_EXPECT_MSG_EQ(block.presence, false, "P = 0");
            NS_TEST_EXPECT_MSG_EQ(block.IsEncodable(), true, "fits a CDB");
            IpsecSecurityAssociation out;
            NS_TEST_EXPECT_MSG_EQ(CxtpContextCodec::DecodeSa(block, out), true, "decode");
            CheckEqual(sa, out);
            IpsecSecurityAssociation wire;
            NS_TEST_EXPECT_MSG_EQ(CxtpContextCodec::DecodeSa(OverTheWire(block), wire),
                                  true,
                                  "decode with padding");
            CheckEqual(sa, wire);

            // The transferred replay window rejects what the original rejects.
            uint64_t seq = 0;
            const uint32_t t = static_cast<uint32_t>(sa.replay.GetHighest());
            NS_TEST_EXPECT_MSG_EQ(
                (wire.replay.Check(t, seq) == IpsecReplayWindow::Verdict::DUPLICATE),
                true,
                "T is a duplicate at the new gateway");
            NS_TEST_EXPECT_MSG_EQ(
                (wire.replay.Check(t + 1, seq) == IpsecReplayWindow::Verdict::ACCEPT),
                true,
                "T + 1 is accepted at the new gateway");

            NS_TEST_EXPECT_MSG_EQ(CheckRejections(block,
                                                  [](const CxtpContextBlock& b) {
                                                      IpsecSecurityAssociation x;
                                                      return CxtpContextCodec::DecodeSa(b, x);
                                                  }),
                                  "",
                                  "DecodeSa");
        }

        // Out-of-range values are refused and leave the output untouched.
        CxtpContextBlock block = CxtpContextCodec::EncodeSa(MakeEsnSa());
        IpsecSecurityAssociation keep;
        keep.spi = 999;
        CxtpContextBlock bad = block;
        bad.data[5] = 2; // direction
        NS_TEST_EXPECT_MSG_EQ(CxtpContextCodec::DecodeSa(bad, keep), false, "bad direction");
        bad = block;
        bad.data[7] = 9; // encryption
        NS_TEST_EXPECT_MSG_EQ(CxtpContextCodec::DecodeSa(bad, keep), false, "bad encryption");
        bad = block;
        bad.data[9] = 0x00; // flags: no ESN, yet the sequence is above 2^32
        NS_TEST_EXPECT_MSG_EQ(CxtpContextCodec::DecodeSa(bad, keep), false, "ESN mismatch");
        // Replay W: after version, spi, 4 enums, flags, 2 addresses, 2 keys and the sequence.
        const size_t wOffset = 1 + 4 + 4 + 1 + 32 + 2 + 32 + 2 + 32 + 8;
        bad = block;
        bad.data[wOffset + 3] = 16; // W = 16 < 32
        bad.data[wOffset + 2] = 0;
        NS_TEST_EXPECT_MSG_EQ(CxtpContextCodec::DecodeSa(bad, keep), false, "W below 32");
        NS_TEST_EXPECT_MSG_EQ(keep.spi, 999u, "output untouched on failure");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief SPD, PAD and IKEv1 contexts round-trip field by field; truncations are rejected.
 */
class CxtpContextOtherTestCase : public TestCase
{
  public:
    CxtpContextOtherTestCase()
        : TestCase("SPD, PAD and IKEv1 SA contexts round-trip, truncations rejected")
    {
    }

  private:
    void DoRun() override
    {
        // SPD entry
        const IpsecPolicy p = MakePolicy();
        const CxtpContextBlock pb = CxtpContextCodec::EncodePolicy(p);
        NS_TEST_EXPECT_MSG_EQ((pb.fpt == CxtpFeatureProfile::SPD_ENTRY), true, "SPD FPT");
        IpsecPolicy q;
        NS_TEST_EXPECT_MSG_EQ(CxtpContextCodec::DecodePolicy(OverTheWire(pb), q), true, "SPD");
        NS_TEST_EXPECT_MSG_EQ(q.id, p.id, "id");
        NS_TEST_EXPECT_MSG_EQ((q.direction == p.direction), true, "direction");
        NS_TEST_EXPECT_MSG_EQ(q.priority, p.priority, "negative priority");
        NS_TEST_EXPECT_MSG_EQ(q.selector.localAddress, p.selector.localAddress, "local addr");
        NS_TEST_EXPECT_MSG_EQ(q.selector.localPrefix, p.selector.localPrefix, "local prefix");
        NS_TEST_EXPECT_MSG_EQ(q.selector.remoteAddress, p.selector.remoteAddress, "remote");
        NS_TEST_EXPECT_MSG_EQ(q.selector.remotePrefix, p.selector.remotePrefix, "remote pfx");
        NS_TEST_EXPECT_MSG_EQ(+q.selector.nextHeader, +p.selector.nextHeader, "protocol");
        NS_TEST_EXPECT_MSG_EQ(q.selector.localPortMin, p.selector.localPortMin, "lport min");
        NS_TEST_EXPECT_MSG_EQ(q.selector.localPortMax, p.selector.localPortMax, "lport max");
        NS_TEST_EXPECT_MSG_EQ(q.selector.remotePortMin, p.selector.remotePortMin, "rport min");
        NS_TEST_EXPECT_MSG_EQ(q.selector.remotePortMax, p.selector.remotePortMax, "rport max");
        NS_TEST_EXPECT_MSG_EQ((q.action == p.action), true, "action");
        NS_TEST_EXPECT_MSG_EQ((q.mode == p.mode), true, "mode");
        NS_TEST_EXPECT_MSG_EQ(q.tunnelLocal, p.tunnelLocal, "tunnel local");
        NS_TEST_EXPECT_MSG_EQ(q.tunnelRemote, p.tunnelRemote, "tunnel remote");
        NS_TEST_EXPECT_MSG_EQ((q.encryption == p.encryption), true, "proposal encryption");
        NS_TEST_EXPECT_MSG_EQ((q.integrity == p.integrity), true, "proposal integrity");
        NS_TEST_EXPECT_MSG_EQ(q.ToString(), p.ToString(), "same description");
        NS_TEST_EXPECT_MSG_EQ(CheckRejections(pb,
                                              [](const CxtpContextBlock& b) {
                                                  IpsecPolicy x;
                                                  return CxtpContextCodec::DecodePolicy(b, x);
                                              }),
                              "",
                              "DecodePolicy");
        CxtpContextBlock badPrefix = pb;
        badPrefix.data[1 + 4 + 1 + 4 + 4 + 16] = 129; // local prefix length
        NS_TEST_EXPECT_MSG_EQ(CxtpContextCodec::DecodePolicy(badPrefix, q),
                              false,
                              "prefix length 129");

        // PAD entry
        const IpsecPadEntry e = MakePadEntry();
        const CxtpContextBlock eb = CxtpContextCodec::EncodePadEntry(e);
        NS_TEST_EXPECT_MSG_EQ((eb.fpt == CxtpFeatureProfile::PAD_ENTRY), true, "PAD FPT");
        IpsecPadEntry f;
        NS_TEST_EXPECT_MSG_EQ(CxtpContextCodec::DecodePadEntry(OverTheWire(eb), f), true, "PAD");
        NS_TEST_EXPECT_MSG_EQ(f.peerAddress, e.peerAddress, "peer address");
        NS_TEST_EXPECT_MSG_EQ(f.peerPrefix, e.peerPrefix, "peer prefix");
        NS_TEST_EXPECT_MSG_EQ(f.peerName, e.peerName, "peer name");
        NS_TEST_EXPECT_MSG_EQ(+f.ikeVersion, +e.ikeVersion, "IKE version");
        NS_TEST_EXPECT_MSG_EQ((f.authMethod == e.authMethod), true, "auth method");
        NS_TEST_EXPECT_MSG_EQ((f.preSharedKey == e.preSharedKey), true, "PSK");
        NS_TEST_EXPECT_MSG_EQ(f.childAddress, e.childAddress, "child address");
        NS_TEST_EXPECT_MSG_EQ(f.childPrefix, e.childPrefix, "child prefix");
        NS_TEST_EXPECT_MSG_EQ(CheckRejections(eb,
                                              [](const CxtpContextBlock& b) {
                                                  IpsecPadEntry x;
                                                  return CxtpContextCodec::DecodePadEntry(b, x);
                                              }),
                              "",
                              "DecodePadEntry");

        // IKEv1 SA
        const Ikev1Sa s = MakeIkev1Sa();
        const CxtpContextBlock sb = CxtpContextCodec::EncodeIkev1Sa(s);
        NS_TEST_EXPECT_MSG_EQ((sb.fpt == CxtpFeatureProfile::IKEV1_SA), true, "IKE FPT");
        NS_TEST_EXPECT_MSG_EQ(sb.IsEncodable(), true, "IKE SA fits a CDB");
        Ikev1Sa t;
        NS_TEST_EXPECT_MSG_EQ(CxtpContextCodec::DecodeIkev1Sa(OverTheWire(sb), t), true, "IKE");
        NS_TEST_EXPECT_MSG_EQ(t.initiatorCookie, s.initiatorCookie, "CKY-I");
        NS_TEST_EXPECT_MSG_EQ(t.responderCookie, s.responderCookie, "CKY-R");
        NS_TEST_EXPECT_MSG_EQ((t.role == s.role), true, "role");
        NS_TEST_EXPECT_MSG_EQ((t.state == s.state), true, "state");
        NS_TEST_EXPECT_MSG_EQ((t.exchange == s.exchange), true, "exchange");
        NS_TEST_EXPECT_MSG_EQ(t.local, s.local, "local");
        NS_TEST_EXPECT_MSG_EQ(t.peer, s.peer, "peer");
        NS_TEST_EXPECT_MSG_EQ((t.encryption == s.encryption), true, "encryption");
        NS_TEST_EXPECT_MSG_EQ((t.hash == s.hash), true, "hash");
        NS_TEST_EXPECT_MSG_EQ(t.dhGroup, s.dhGroup, "DH group");
        NS_TEST_EXPECT_MSG_EQ(t.lifetime, s.lifetime, "lifetime");
        NS_TEST_EXPECT_MSG_EQ(t.started, s.started, "started");
        NS_TEST_EXPECT_MSG_EQ(t.established, s.established, "established");
        NS_TEST_EXPECT_MSG_EQ((t.skeyid == s.skeyid), true, "SKEYID");
        NS_TEST_EXPECT_MSG_EQ((t.skeyidD == s.skeyidD), true, "SKEYID_d");
        NS_TEST_EXPECT_MSG_EQ((t.skeyidA == s.skeyidA), true, "SKEYID_a");
        NS_TEST_EXPECT_MSG_EQ((t.skeyidE == s.skeyidE), true, "SKEYID_e");
        NS_TEST_EXPECT_MSG_EQ((t.encryptionKey == s.encryptionKey), true, "cipher key");
        NS_TEST_EXPECT_MSG_EQ((t.iv == s.iv), true, "last CBC block");
        NS_TEST_EXPECT_MSG_EQ(t.dhPrivate.empty(), true, "DH private value not transferred");
        NS_TEST_EXPECT_MSG_EQ(t.gxy.empty(), true, "g^xy not transferred");
        NS_TEST_EXPECT_MSG_EQ(t.ni.empty() && t.nr.empty(), true, "nonces not transferred");
        NS_TEST_ASSERT_MSG_EQ(t.quickModes.size(), 1u, "only the established quick mode");
        const Ikev1QuickMode& a = s.quickModes.at(0xdeadbeef);
        const auto it = t.quickModes.find(0xdeadbeef);
        NS_TEST_ASSERT_MSG_EQ((it != t.quickModes.end()), true, "quick mode by M-ID");
        const Ikev1QuickMode& b = it->second;
        NS_TEST_EXPECT_MSG_EQ((b.state == Ikev1State::ESTABLISHED), true, "QM state");
        NS_TEST_EXPECT_MSG_EQ((b.role == a.role), true, "QM role");
        NS_TEST_EXPECT_MSG_EQ(b.inboundSpi, a.inboundSpi, "QM inbound SPI");
        NS_TEST_EXPECT_MSG_EQ(b.outboundSpi, a.outboundSpi, "QM outbound SPI");
        NS_TEST_EXPECT_MSG_EQ(b.outPolicyId, a.outPolicyId, "QM out policy");
        NS_TEST_EXPECT_MSG_EQ(b.inPolicyId, a.inPolicyId, "QM in policy");
        NS_TEST_EXPECT_MSG_EQ((b.encryption == a.encryption), true, "QM encryption");
        NS_TEST_EXPECT_MSG_EQ((b.integrity == a.integrity), true, "QM integrity");
        NS_TEST_EXPECT_MSG_EQ(b.pfsGroup, a.pfsGroup, "QM PFS group");
        NS_TEST_EXPECT_MSG_EQ(b.lifetime, a.lifetime, "QM lifetime");
        NS_TEST_EXPECT_MSG_EQ(b.started, a.started, "QM started");
        NS_TEST_EXPECT_MSG_EQ(b.iv.empty() && b.ni.empty(), true, "QM spent state dropped");
        NS_TEST_EXPECT_MSG_EQ((t.informationalIds == s.informationalIds),
                              true,
                              "informational M-IDs in use");
        NS_TEST_EXPECT_MSG_EQ(t.initialContact, true, "INITIAL-CONTACT exchanged");
        Ikev1Sa plain = s;
        plain.initialContact = false;
        plain.informationalIds.clear();
        Ikev1Sa u;
        NS_TEST_EXPECT_MSG_EQ(
            CxtpContextCodec::DecodeIkev1Sa(CxtpContextCodec::EncodeIkev1Sa(plain), u),
            true,
            "no informational exchange yet");
        NS_TEST_EXPECT_MSG_EQ(u.initialContact, false, "no INITIAL-CONTACT");
        NS_TEST_EXPECT_MSG_EQ(u.informationalIds.empty(), true, "no informational M-ID");
        {
            // The record is bounded: the oldest M-IDs are forgotten.
            Ikev1Sa many = s;
            for (uint32_t id = 1; id <= 40; ++id)
            {
                many.NoteInformationalId(id);
            }
            NS_TEST_EXPECT_MSG_EQ(many.informationalIds.size(),
                                  Ikev1Sa::MAX_INFORMATIONAL_IDS,
                                  "at most 16 informational M-IDs");
            NS_TEST_EXPECT_MSG_EQ(many.informationalIds.front(), 25u, "the oldest forgotten");
            NS_TEST_EXPECT_MSG_EQ(many.IsMessageIdInUse(40), true, "the newest in use");
            NS_TEST_EXPECT_MSG_EQ(many.IsMessageIdInUse(24), false, "an old one free again");
            NS_TEST_EXPECT_MSG_EQ(many.IsMessageIdInUse(0xdeadbeef), true, "quick-mode M-ID");
            NS_TEST_EXPECT_MSG_EQ(
                CxtpContextCodec::DecodeIkev1Sa(CxtpContextCodec::EncodeIkev1Sa(many), u),
                true,
                "a full record round-trips");
            NS_TEST_EXPECT_MSG_EQ((u.informationalIds == many.informationalIds), true, "in order");
        }
        {
            // The flags octet is the last data octet: an undefined bit is rejected.
            std::vector<uint8_t> raw = CxtpContextCodec::EncodeIkev1Sa(s).data;
            CxtpContextBlock badFlags = CxtpContextCodec::EncodeIkev1Sa(s);
            badFlags.data[raw.size() - 1] = 0x02;
            NS_TEST_EXPECT_MSG_EQ(CxtpContextCodec::DecodeIkev1Sa(badFlags, u),
                                  false,
                                  "undefined flag bit");
        }
        NS_TEST_EXPECT_MSG_EQ(CheckRejections(sb,
                                              [](const CxtpContextBlock& x) {
                                                  Ikev1Sa y;
                                                  return CxtpContextCodec::DecodeIkev1Sa(x, y);
                                              }),
                              "",
                              "DecodeIkev1Sa");
        CxtpContextBlock badExchange = sb;
        badExchange.data[1 + 8 + 8 + 2] = 6; // exchange type 6 does not exist
        NS_TEST_EXPECT_MSG_EQ(CxtpContextCodec::DecodeIkev1Sa(badExchange, t),
                              false,
                              "unknown exchange type");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The four contexts of one MN travel in a PCTD through a packet and decode at nSG.
 */
class CxtpContextInPctdTestCase : public TestCase
{
  public:
    CxtpContextInPctdTestCase()
        : TestCase("IKE, SAD, SPD and PAD contexts travel in one PCTD")
    {
    }

  private:
    void DoRun() override
    {
        const IpsecSecurityAssociation sa = MakeEsnSa();
        const Ikev1Sa ike = MakeIkev1Sa();
        CxtpCtdHeader pctd(true);
        pctd.SetPreviousAddress(Ipv6Address("2001:db8:cc::10"));
        pctd.SetAckRequested(true);
        pctd.SetElapsedTime(0);
        pctd.SetKey(Bytes(20, 0xa0), CxtpToken::ALGORITHM_HMAC_SHA1);
        pctd.AddBlock(CxtpContextCodec::EncodeIkev1Sa(ike));
        pctd.AddBlock(CxtpContextCodec::EncodeSa(sa));
        pctd.AddBlock(CxtpContextCodec::EncodePolicy(MakePolicy()));
        pctd.AddBlock(CxtpContextCodec::EncodePadEntry(MakePadEntry()));
        uint32_t expected = 24 + 4 + 20;
        for (const CxtpContextBlock& b : pctd.GetBlocks())
        {
            expected += b.GetSerializedSize();
        }
        NS_TEST_EXPECT_MSG_EQ(pctd.GetSerializedSize(), expected, "PCTD size");

        Ptr<Packet> packet = Create<Packet>();
        packet->AddHeader(pctd);
        uint8_t type = 0;
        uint16_t length = 0;
        NS_TEST_ASSERT_MSG_EQ(CxtpHeader::PeekType(packet, type, length), true, "PeekType");
        NS_TEST_EXPECT_MSG_EQ(+type, +CxtpHeader::PCTD, "type");
        NS_TEST_EXPECT_MSG_EQ(length, expected, "Length");
        CxtpCtdHeader rx;
        NS_TEST_EXPECT_MSG_EQ(packet->RemoveHeader(rx, length), expected, "removed");
        NS_TEST_ASSERT_MSG_EQ(rx.IsValid(), true, rx.GetError());
        NS_TEST_EXPECT_MSG_EQ((rx.GetKey() == Bytes(20, 0xa0)), true, "token key");
        NS_TEST_ASSERT_MSG_EQ(rx.GetBlocks().size(), 4u, "four CDBs");
        Ikev1Sa ike2;
        IpsecSecurityAssociation sa2;
        IpsecPolicy policy2;
        IpsecPadEntry pad2;
        NS_TEST_EXPECT_MSG_EQ(CxtpContextCodec::DecodeIkev1Sa(rx.GetBlocks()[0], ike2),
                              true,
                              "IKE");
        NS_TEST_EXPECT_MSG_EQ(CxtpContextCodec::DecodeSa(rx.GetBlocks()[1], sa2), true, "SA");
        NS_TEST_EXPECT_MSG_EQ(CxtpContextCodec::DecodePolicy(rx.GetBlocks()[2], policy2),
                              true,
                              "SPD");
        NS_TEST_EXPECT_MSG_EQ(CxtpContextCodec::DecodePadEntry(rx.GetBlocks()[3], pad2),
                              true,
                              "PAD");
        NS_TEST_EXPECT_MSG_EQ(sa2.sequence, sa.sequence, "sequence after transfer");
        NS_TEST_EXPECT_MSG_EQ(ike2.responderCookie, ike.responderCookie, "cookie after transfer");
        // A decoder for one profile refuses the blocks of the others.
        NS_TEST_EXPECT_MSG_EQ(CxtpContextCodec::DecodeSa(rx.GetBlocks()[0], sa2), false, "FPT");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Token known answers (RFC 4067 §2.5.1, §6.3), checked against Python's hmac module.
 *
 * Independent computation (python3, hmac and hashlib from the standard library):
 * \code
 * import hmac, hashlib, ipaddress
 * key = bytes(range(1, 21))                                  # 01 02 ... 14
 * prev = ipaddress.IPv6Address("2001:db8:1::100").packed      # 16 octets
 * seq = (0x12345678).to_bytes(4, "big")
 * req = bytes.fromhex("ff010000" "ff040000")                  # SAD_ENTRY, IKEV1_SA request CDBs
 * for cdbs in (b"", req):
 *     mac = hmac.new(key, prev + seq + cdbs, hashlib.sha1).digest()
 *     print(mac.hex(), "token=0x" + mac[:4].hex())
 * # ec05032156b093c19d61f62929747eda88b7797f token=0xec050321
 * # 3a11232c2ab5000b80b2433834de4e837d192e38 token=0x3a11232c
 * \endcode
 */
class CxtpTokenTestCase : public TestCase
{
  public:
    CxtpTokenTestCase()
        : TestCase("token is the leftmost 32 bits of HMAC-SHA1 (known answers)")
    {
    }

  private:
    void DoRun() override
    {
        const std::vector<uint8_t> key = Bytes(20, 1);
        const Ipv6Address prev("2001:db8:1::100");
        const std::vector<CxtpContextBlock> none;
        const std::vector<CxtpContextBlock> req{
            CxtpContextBlock::Request(CxtpFeatureProfile::SAD_ENTRY),
            CxtpContextBlock::Request(CxtpFeatureProfile::IKEV1_SA)};
        NS_TEST_EXPECT_MSG_EQ(CxtpToken::Compute(key, prev, 0x12345678, none),
                              0xec050321u,
                              "no CDB");
        NS_TEST_EXPECT_MSG_EQ(CxtpToken::Compute(key, prev, 0x12345678, req),
                              0x3a11232cu,
                              "two request CDBs");
        NS_TEST_EXPECT_MSG_EQ(CxtpToken::GetInput(prev, 1, none).size(), 20u, "prevIP | seq");
        NS_TEST_EXPECT_MSG_EQ(CxtpToken::GetInput(prev, 1, req).size(), 28u, "+ 4 per CDB");
        NS_TEST_EXPECT_MSG_EQ(CxtpToken::Verify(0x3a11232c, key, prev, 0x12345678, req),
                              true,
                              "verify");
        NS_TEST_EXPECT_MSG_EQ(CxtpToken::Verify(0x3a11232d, key, prev, 0x12345678, req),
                              false,
                              "forged token");
        NS_TEST_EXPECT_MSG_EQ(CxtpToken::Verify(0x3a11232c, key, prev, 0x12345679, req),
                              false,
                              "other sequence");
        NS_TEST_EXPECT_MSG_EQ(CxtpToken::Verify(0x3a11232c, Bytes(20, 2), prev, 0x12345678, req),
                              false,
                              "other key");
        NS_TEST_EXPECT_MSG_EQ(
            CxtpToken::Verify(0x3a11232c, key, Ipv6Address("2001:db8:1::101"), 0x12345678, req),
            false,
            "other address");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The CXTP context suite.
 */
class CxtpContextTestSuite : public TestSuite
{
  public:
    CxtpContextTestSuite()
        : TestSuite("cxtp-ipsec-cxtp-context", TestSuite::UNIT)
    {
        AddTestCase(new CxtpContextBlockTestCase, TestCase::QUICK);
        AddTestCase(new CxtpContextSaTestCase, TestCase::QUICK);
        AddTestCase(new CxtpContextOtherTestCase, TestCase::QUICK);
        AddTestCase(new CxtpContextInPctdTestCase, TestCase::QUICK);
        AddTestCase(new CxtpTokenTestCase, TestCase::QUICK);
    }
};

static CxtpContextTestSuite g_cxtpContextTestSuite; ///< the static instance registers the suite
