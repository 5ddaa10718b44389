/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Tests of the Mobile IPv6 Mobility Header (RFC 6275 §6.1) wire format: byte vectors drawn from
// the RFC layouts, sizes and Header Len, the pseudo-header checksum against an independent
// computation, round trips, and malformed input.

#include "ns3/header-serialization-test.h"
#include "ns3/mipv6-mobility-header.h"
#include "ns3/packet.h"
#include "ns3/test.h"

#include <cstdint>
#include <vector>

using namespace ns3;

namespace
{

using Bytes = std::vector<uint8_t>;

/**
 * \param hdr the header to serialise
 * \return its bytes
 */
Bytes
ToBytes(const Header& hdr)
{
    Buffer buffer;
    buffer.AddAtStart(hdr.GetSerializedSize());
    hdr.Serialize(buffer.Begin());
    Bytes out(buffer.GetSize());
    buffer.CopyData(out.data(), out.size());
    return out;
}

/**
 * \param bytes the bytes to put in a buffer
 * \return a buffer holding exactly these bytes
 */
Buffer
FromBytes(const Bytes& bytes)
{
    Buffer buffer;
    buffer.AddAtStart(bytes.size());
    buffer.Begin().Write(bytes.data(), bytes.size());
    return buffer;
}

/// IPv6 address of the mobile node's care-of address used as checksum source.
const Ipv6Address MN_ADDRESS("2001:db8:aa::100");
/// IPv6 address of the home agent used as checksum destination.
const Ipv6Address HA_ADDRESS("2001:db8:1::1");

/*
 * Binding Update, A=1, H=1, Sequence 7, Lifetime 16 s = 4 units, no options, checksum 0:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Payload 59    | Header Len 1  | MH Type 5     | Reserved 0    |  3b 01 05 00
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Checksum 0             |        Sequence # 7           |  00 00 00 07
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |1|1|0|0|     Reserved 0        |        Lifetime 4             |  c0 00 00 04
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | PadN 1        | Opt Len 2     | 0             | 0             |  01 02 00 00
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * 6 common + 6 message = 12 bytes, PadN of 4 to 16 bytes: Header Len = 16 / 8 - 1 = 1.
 */
const Bytes BU_BYTES = {0x3b,
                        0x01,
                        0x05,
                        0x00,
                        0x00,
                        0x00,
                        0x00,
                        0x07,
                        0xc0,
                        0x00,
                        0x00,
                        0x04,
                        0x01,
                        0x02,
                        0x00,
                        0x00};

/*
 * Binding Acknowledgement, Status 0, K=0, Sequence 7, Lifetime 4 units, checksum 0:
 *
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Payload 59    | Header Len 1  | MH Type 6     | Reserved 0    |  3b 01 06 00
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Checksum 0             | Status 0      |0| Reserved 0  |  00 00 00 00
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Sequence # 7           |        Lifetime 4             |  00 07 00 04
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | PadN 1        | Opt Len 2     | 0             | 0             |  01 02 00 00
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * 16 bytes, Header Len 1.
 */
const Bytes BA_BYTES = {0x3b,
                        0x01,
                        0x06,
                        0x00,
                        0x00,
                        0x00,
                        0x00,
                        0x00,
                        0x00,
                        0x07,
                        0x00,
                        0x04,
                        0x01,
                        0x02,
                        0x00,
                        0x00};

/*
 * Binding Error, Status 1 (unknown binding for Home Address option), Home Address 2001:db8:1::64:
 *
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Payload 59    | Header Len 2  | MH Type 7     | Reserved 0    |  3b 02 07 00
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Checksum 0             | Status 1      | Reserved 0    |  00 00 01 00
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Home Address 2001:db8:1::64                  |  20 01 0d b8 00 01 00 00
 * |                         (bytes 8 - 23)                        |  00 00 00 00 00 00 00 64
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * 6 common + 2 (Status, Reserved) + 16 (Home Address) = 24 bytes, a multiple of 8, so no
 * padding: Header Len = 24 / 8 - 1 = 2.
 */
const Bytes BE_BYTES = {0x3b, 0x02, 0x07, 0x00, 0x00, 0x00, 0x01, 0x00, 0x20, 0x01, 0x0d, 0xb8,
                        0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x64};

/*
 * Binding Update as BU_BYTES plus an Alternate Care-of Address option 2001:db8:bb::5 (RFC 6275
 * §6.2.5, type 3, length 16, alignment 8n+6): a 2-byte PadN (length 0) moves offset 12 to
 * 14 = 8 * 1 + 6, the option fills bytes 14 - 31 and the address starts 8-aligned at 16:
 *
 * | 3b 03 05 00 | 00 00 00 07 | c0 00 00 04 | PadN 01 00 | AltCoA 03 10 |
 * | 20 01 0d b8 00 bb 00 00 00 00 00 00 00 00 00 05 |
 * 32 bytes, Header Len 3.
 */
const Bytes BU_ALT_COA_BYTES = {0x3b, 0x03, 0x05, 0x00, 0x00, 0x00, 0x00, 0x07, 0xc0, 0x00, 0x00,
                                0x04, 0x01, 0x00, 0x03, 0x10, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0xbb,
                                0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05};

/*
 * Checksums of BU_BYTES (source MN_ADDRESS, destination HA_ADDRESS) and BA_BYTES (source
 * HA_ADDRESS, destination MN_ADDRESS), computed independently with /usr/bin/python3 as the RFC
 * 2460 §8.1 pseudo-header sum:
 *   ph = src.packed + dst.packed + struct.pack('!I', len(mh)) + b'\0\0\0' + bytes([135])
 *   s = sum of the big-endian 16-bit words of ph + mh (checksum field 0);
 *   fold carries (s = (s & 0xffff) + (s >> 16)) and take ~s & 0xffff.
 * BU: 0xa13b, BA: 0x603c; BU_ALT_COA_BYTES (MN_ADDRESS -> HA_ADDRESS, Upper-Layer Packet Length
 * 32): 0x6fa2.
 */
constexpr uint16_t BU_CHECKSUM = 0xa13b;         ///< BU_BYTES checksum, MN_ADDRESS -> HA_ADDRESS
constexpr uint16_t BA_CHECKSUM = 0x603c;         ///< BA_BYTES checksum, HA_ADDRESS -> MN_ADDRESS
constexpr uint16_t BU_ALT_COA_CHECKSUM = 0x6fa2; ///< BU_ALT_COA_BYTES checksum, MN -> HA

/// \return the Binding Update of BU_BYTES
Mipv6BindingUpdateHeader
MakeBu()
{
    Mipv6BindingUpdateHeader bu;
    bu.SetSequence(7);
    bu.SetAckRequested(true);
    bu.SetHomeRegistration(true);
    bu.SetLifetime(Seconds(16));
    return bu;
}

/// \return the Binding Acknowledgement of BA_BYTES
Mipv6BindingAckHeader
MakeBa()
{
    Mipv6BindingAckHeader ba;
    ba.SetStatus(Mipv6BindingAckHeader::ACCEPTED);
    ba.SetSequence(7);
    ba.SetLifetimeUnits(4);
    return ba;
}

/// \return the Binding Error of BE_BYTES
Mipv6BindingErrorHeader
MakeBe()
{
    Mipv6BindingErrorHeader be;
    be.SetStatus(Mipv6BindingErrorHeader::UNKNOWN_BINDING_FOR_HOME_ADDRESS_OPTION);
    be.SetHomeAddress(Ipv6Address("2001:db8:1::64"));
    return be;
}

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief BU, BA and BE serialise to the RFC 6275 byte vectors with the right sizes and Header Len,
 * and parse back from them.
 */
class Mipv6MobilityHeaderVectorTestCase : public TestCase
{
  public:
    Mipv6MobilityHeaderVectorTestCase()
        : TestCase("BU, BA and BE match the RFC 6275 section 6.1 byte vectors")
    {
    }

  private:
    void DoRun() override;
};

void
Mipv6MobilityHeaderVectorTestCase::DoRun()
{
    Mipv6BindingUpdateHeader bu = MakeBu();
    NS_TEST_EXPECT_MSG_EQ(bu.GetLifetimeUnits(), 4, "16 s is 4 units of 4 s");
    NS_TEST_EXPECT_MSG_EQ(bu.GetSerializedSize(), 16, "BU size");
    NS_TEST_EXPECT_MSG_EQ(+bu.GetHeaderLen(), 1, "BU Header Len");
    NS_TEST_EXPECT_MSG_EQ((ToBytes(bu) == BU_BYTES), true, "BU bytes");

    Mipv6BindingAckHeader ba = MakeBa();
    NS_TEST_EXPECT_MSG_EQ(ba.GetSerializedSize(), 16, "BA size");
    NS_TEST_EXPECT_MSG_EQ(+ba.GetHeaderLen(), 1, "BA Header Len");
    NS_TEST_EXPECT_MSG_EQ((ToBytes(ba) == BA_BYTES), true, "BA bytes");

    Mipv6BindingErrorHeader be = MakeBe();
    NS_TEST_EXPECT_MSG_EQ(be.GetSerializedSize(), 24, "BE size");
    NS_TEST_EXPECT_MSG_EQ(+be.GetHeaderLen(), 2, "BE Header Len");
    NS_TEST_EXPECT_MSG_EQ((ToBytes(be) == BE_BYTES), true, "BE bytes");

    Mipv6BindingUpdateHeader buAlt = MakeBu();
    buAlt.SetAlternateCareOfAddress(Ipv6Address("2001:db8:bb::5"));
    NS_TEST_EXPECT_MSG_EQ(buAlt.GetSerializedSize(), 32, "BU with Alternate CoA size");
    NS_TEST_EXPECT_MSG_EQ(+buAlt.GetHeaderLen(), 3, "BU with Alternate CoA Header Len");
    NS_TEST_EXPECT_MSG_EQ((ToBytes(buAlt) == BU_ALT_COA_BYTES),
                          true,
                          "BU with Alternate CoA bytes");

    // Parse the vectors back.
    Buffer buffer = FromBytes(BU_BYTES);
    Mipv6BindingUpdateHeader bu2;
    NS_TEST_EXPECT_MSG_EQ(bu2.Deserialize(buffer.Begin()), 16, "BU bytes consumed");
    NS_TEST_EXPECT_MSG_EQ(bu2.IsValid(), true, "BU valid");
    NS_TEST_EXPECT_MSG_EQ(bu2.GetSequence(), 7, "BU sequence");
    NS_TEST_EXPECT_MSG_EQ(bu2.IsAckRequested(), true, "BU A");
    NS_TEST_EXPECT_MSG_EQ(bu2.IsHomeRegistration(), true, "BU H");
    NS_TEST_EXPECT_MSG_EQ(bu2.IsLinkLocalCompatibility(), false, "BU L");
    NS_TEST_EXPECT_MSG_EQ(bu2.IsKeyManagementCapable(), false, "BU K");
    NS_TEST_EXPECT_MSG_EQ(bu2.GetLifetime(), Seconds(16), "BU lifetime");
    NS_TEST_EXPECT_MSG_EQ(bu2.HasAlternateCareOfAddress(), false, "BU without option");
    NS_TEST_EXPECT_MSG_EQ(+bu2.GetPayloadProto(), 59, "Payload Proto");

    buffer = FromBytes(BU_ALT_COA_BYTES);
    NS_TEST_EXPECT_MSG_EQ(bu2.Deserialize(buffer.Begin()), 32, "BU+AltCoA bytes consumed");
    NS_TEST_EXPECT_MSG_EQ(bu2.IsValid(), true, "BU+AltCoA valid");
    NS_TEST_EXPECT_MSG_EQ(bu2.HasAlternateCareOfAddress(), true, "Alternate CoA present");
    NS_TEST_EXPECT_MSG_EQ(bu2.GetAlternateCareOfAddress(),
                          Ipv6Address("2001:db8:bb::5"),
                          "Alternate CoA value");

    buffer = FromBytes(BA_BYTES);
    Mipv6BindingAckHeader ba2;
    NS_TEST_EXPECT_MSG_EQ(ba2.Deserialize(buffer.Begin()), 16, "BA bytes consumed");
    NS_TEST_EXPECT_MSG_EQ(ba2.IsValid(), true, "BA valid");
    NS_TEST_EXPECT_MSG_EQ(+ba2.GetStatus(), 0, "BA status");
    NS_TEST_EXPECT_MSG_EQ(ba2.IsAccepted(), true, "BA accepted");
    NS_TEST_EXPECT_MSG_EQ(ba2.GetSequence(), 7, "BA sequence");
    NS_TEST_EXPECT_MSG_EQ(ba2.GetLifetimeUnits(), 4, "BA lifetime");

    buffer = FromBytes(BE_BYTES);
    Mipv6BindingErrorHeader be2;
    NS_TEST_EXPECT_MSG_EQ(be2.Deserialize(buffer.Begin()), 24, "BE bytes consumed");
    NS_TEST_EXPECT_MSG_EQ(be2.IsValid(), true, "BE valid");
    NS_TEST_EXPECT_MSG_EQ(+be2.GetStatus(), 1, "BE status");
    NS_TEST_EXPECT_MSG_EQ(be2.GetHomeAddress(), Ipv6Address("2001:db8:1::64"), "BE home address");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Flags, status and lifetime accessors, including the 4-second rounding.
 */
class Mipv6MobilityHeaderFieldsTestCase : public TestCase
{
  public:
    Mipv6MobilityHeaderFieldsTestCase()
        : TestCase("Flags, status and lifetime units")
    {
    }

  private:
    void DoRun() override;
};

void
Mipv6MobilityHeaderFieldsTestCase::DoRun()
{
    Mipv6BindingUpdateHeader bu;
    bu.SetLinkLocalCompatibility(true);
    bu.SetKeyManagementCapable(true);
    Bytes bytes = ToBytes(bu);
    NS_TEST_EXPECT_MSG_EQ(+bytes[8], 0x30, "L and K are bits 2 and 3 of the flags byte");
    bu.SetLinkLocalCompatibility(false);
    NS_TEST_EXPECT_MSG_EQ(+ToBytes(bu)[8], 0x10, "clearing L leaves K");

    Mipv6BindingAckHeader ba;
    ba.SetKeyManagementCapable(true);
    ba.SetStatus(Mipv6BindingAckHeader::SEQUENCE_NUMBER_OUT_OF_WINDOW);
    bytes = ToBytes(ba);
    NS_TEST_EXPECT_MSG_EQ(+bytes[6], 135, "status byte");
    NS_TEST_EXPECT_MSG_EQ(+bytes[7], 0x80, "K is the top bit after the status");
    NS_TEST_EXPECT_MSG_EQ(ba.IsAccepted(), false, "status 135 is a rejection");
    ba.SetStatus(Mipv6BindingAckHeader::ACCEPTED_PREFIX_DISCOVERY_NECESSARY);
    NS_TEST_EXPECT_MSG_EQ(ba.IsAccepted(), true, "status 1 is accepted");

    NS_TEST_EXPECT_MSG_EQ(Mipv6MobilityHeader::LifetimeToUnits(Seconds(15.9)), 3, "rounds down");
    NS_TEST_EXPECT_MSG_EQ(Mipv6MobilityHeader::LifetimeToUnits(Seconds(-1)), 0, "negative is 0");
    NS_TEST_EXPECT_MSG_EQ(Mipv6MobilityHeader::LifetimeToUnits(Seconds(1e6)),
                          0xffff,
                          "saturates at 0xffff");
    NS_TEST_EXPECT_MSG_EQ(Mipv6MobilityHeader::UnitsToLifetime(0xffff),
                          Seconds(262140),
                          "largest lifetime is 262140 s");
    ba.SetLifetime(Seconds(420));
    NS_TEST_EXPECT_MSG_EQ(ba.GetLifetimeUnits(), 105, "420 s is 105 units");
    NS_TEST_EXPECT_MSG_EQ(ba.GetLifetime(), Seconds(420), "and back");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The pseudo-header checksum matches an independent computation and is verified.
 */
class Mipv6MobilityHeaderChecksumTestCase : public TestCase
{
  public:
    Mipv6MobilityHeaderChecksumTestCase()
        : TestCase("Pseudo-header checksum with next header 135")
    {
    }

  private:
    void DoRun() override;
};

void
Mipv6MobilityHeaderChecksumTestCase::DoRun()
{
    Mipv6BindingUpdateHeader bu = MakeBu();
    bu.InitializeChecksum(MN_ADDRESS, HA_ADDRESS);
    Bytes bytes = ToBytes(bu);
    uint16_t onWire = (bytes[4] << 8) | bytes[5];
    NS_TEST_EXPECT_MSG_EQ(onWire, BU_CHECKSUM, "BU checksum against python3");
    Bytes rest = bytes;
    rest[4] = 0;
    rest[5] = 0;
    NS_TEST_EXPECT_MSG_EQ((rest == BU_BYTES), true, "checksum is the only difference");

    Mipv6BindingAckHeader ba = MakeBa();
    ba.InitializeChecksum(HA_ADDRESS, MN_ADDRESS);
    bytes = ToBytes(ba);
    onWire = (bytes[4] << 8) | bytes[5];
    NS_TEST_EXPECT_MSG_EQ(onWire, BA_CHECKSUM, "BA checksum against python3");

    // Receiver side, through a Packet.
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(bu);
    NS_TEST_EXPECT_MSG_EQ(p->GetSize(), 16, "packet size");
    uint8_t type = 0;
    uint32_t length = 0;
    NS_TEST_EXPECT_MSG_EQ(Mipv6MobilityHeader::PeekType(p, type, length), true, "PeekType");
    NS_TEST_EXPECT_MSG_EQ(+type, 5, "PeekType type");
    NS_TEST_EXPECT_MSG_EQ(length, 16, "PeekType length");

    Mipv6BindingUpdateHeader rx;
    rx.InitializeChecksum(MN_ADDRESS, HA_ADDRESS);
    p->PeekHeader(rx);
    NS_TEST_EXPECT_MSG_EQ(rx.IsChecksumOk(), true, "checksum verifies");
    NS_TEST_EXPECT_MSG_EQ(rx.GetChecksum(), BU_CHECKSUM, "checksum read in host order");

    Mipv6BindingUpdateHeader wrongAddr;
    wrongAddr.InitializeChecksum(Ipv6Address("2001:db8:aa::101"), HA_ADDRESS);
    p->PeekHeader(wrongAddr);
    NS_TEST_EXPECT_MSG_EQ(wrongAddr.IsChecksumOk(), false, "another source fails");
    NS_TEST_EXPECT_MSG_EQ(wrongAddr.IsValid(), true, "but the header is well formed");

    Mipv6BindingUpdateHeader unchecked;
    p->RemoveHeader(unchecked);
    NS_TEST_EXPECT_MSG_EQ(unchecked.IsChecksumOk(), true, "no check without InitializeChecksum");
    NS_TEST_EXPECT_MSG_EQ(p->GetSize(), 0, "RemoveHeader consumed 16 bytes");

    // A flipped bit in the message data.
    bytes = ToBytes(bu);
    bytes[7] ^= 0x01;
    Buffer buffer = FromBytes(bytes);
    Mipv6BindingUpdateHeader corrupted;
    corrupted.InitializeChecksum(MN_ADDRESS, HA_ADDRESS);
    corrupted.Deserialize(buffer.Begin());
    NS_TEST_EXPECT_MSG_EQ(corrupted.IsChecksumOk(), false, "corrupted sequence fails");

    // The Binding Error and a BU with an option verify after a round trip too.
    Mipv6BindingErrorHeader be = MakeBe();
    be.InitializeChecksum(HA_ADDRESS, MN_ADDRESS);
    buffer = FromBytes(ToBytes(be));
    Mipv6BindingErrorHeader beRx;
    beRx.InitializeChecksum(HA_ADDRESS, MN_ADDRESS);
    beRx.Deserialize(buffer.Begin());
    NS_TEST_EXPECT_MSG_EQ(beRx.IsChecksumOk(), true, "BE checksum verifies");

    Mipv6BindingUpdateHeader buAlt = MakeBu();
    buAlt.SetAlternateCareOfAddress(Ipv6Address("2001:db8:bb::5"));
    buAlt.InitializeChecksum(MN_ADDRESS, HA_ADDRESS);
    bytes = ToBytes(buAlt);
    onWire = (bytes[4] << 8) | bytes[5];
    NS_TEST_EXPECT_MSG_EQ(onWire, BU_ALT_COA_CHECKSUM, "BU+AltCoA checksum against python3");
    buffer = FromBytes(bytes);
    Mipv6BindingUpdateHeader buAltRx;
    buAltRx.InitializeChecksum(MN_ADDRESS, HA_ADDRESS);
    buAltRx.Deserialize(buffer.Begin());
    NS_TEST_EXPECT_MSG_EQ(buAltRx.IsChecksumOk(), true, "BU+AltCoA checksum verifies");
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Serialise, deserialise, serialise gives identical bytes (HeaderSerializationTestCase).
 */
class Mipv6MobilityHeaderRoundTripTestCase : public HeaderSerializationTestCase
{
  public:
    Mipv6MobilityHeaderRoundTripTestCase()
        : HeaderSerializationTestCase("Round trip of BU, BA and BE")
    {
    }

  private:
    void DoRun() override;
};

void
Mipv6MobilityHeaderRoundTripTestCase::DoRun()
{
    Mipv6BindingUpdateHeader bu = MakeBu();
    bu.SetKeyManagementCapable(true);
    bu.InitializeChecksum(MN_ADDRESS, HA_ADDRESS);
    TestHeaderSerialization(bu);
    bu.SetAlternateCareOfAddress(Ipv6Address("2001:db8:bb::5"));
    TestHeaderSerialization(bu);

    Mipv6BindingAckHeader ba = MakeBa();
    ba.SetStatus(Mipv6BindingAckHeader::INVALID_CARE_OF_ADDRESS);
    ba.SetKeyManagementCapable(true);
    ba.InitializeChecksum(HA_ADDRESS, MN_ADDRESS);
    TestHeaderSerialization(ba);

    Mipv6BindingErrorHeader be = MakeBe();
    be.SetStatus(Mipv6BindingErrorHeader::UNRECOGNIZED_MH_TYPE);
    TestHeaderSerialization(be);
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Malformed input is marked invalid, never read past its end, and never crashes.
 */
class Mipv6MobilityHeaderMalformedTestCase : public TestCase
{
  public:
    Mipv6MobilityHeaderMalformedTestCase()
        : TestCase("Malformed Mobility Headers are rejected safely")
    {
    }

  private:
    void DoRun() override;
};

void
Mipv6MobilityHeaderMalformedTestCase::DoRun()
{
    uint8_t type = 0;
    uint32_t length = 0;

    // Truncated: 10 of the 16 bytes, and 3 bytes (fewer than the 8-byte minimum).
    for (uint32_t n : {0U, 3U, 7U, 10U, 15U})
    {
        Bytes truncated(BU_BYTES.begin(), BU_BYTES.begin() + n);
        Ptr<Packet> p = Create<Packet>(truncated.data(), truncated.size());
        NS_TEST_EXPECT_MSG_EQ(Mipv6MobilityHeader::PeekType(p, type, length),
                              false,
                              "PeekType rejects " << n << " bytes");
        Buffer buffer = FromBytes(truncated);
        Mipv6BindingUpdateHeader bu;
        NS_TEST_EXPECT_MSG_EQ(bu.Deserialize(buffer.Begin()), n, "consumes what exists");
        NS_TEST_EXPECT_MSG_EQ(bu.IsValid(), false, n << " bytes is malformed");
        Mipv6BindingUpdateHeader bounded;
        Buffer whole = FromBytes(BU_BYTES);
        Buffer::Iterator end = whole.Begin();
        end.Next(n);
        NS_TEST_EXPECT_MSG_EQ(bounded.Deserialize(whole.Begin(), end),
                              n,
                              "the end bound is honoured");
        NS_TEST_EXPECT_MSG_EQ(bounded.IsValid(), false, "bounded " << n << " bytes is malformed");
    }

    // Header Len too large: 5 announces 48 bytes, 16 present.
    Bytes tooLong = BU_BYTES;
    tooLong[1] = 5;
    Ptr<Packet> p = Create<Packet>(tooLong.data(), tooLong.size());
    NS_TEST_EXPECT_MSG_EQ(Mipv6MobilityHeader::PeekType(p, type, length), false, "PeekType");
    Buffer buffer = FromBytes(tooLong);
    Mipv6BindingUpdateHeader bu;
    NS_TEST_EXPECT_MSG_EQ(bu.Deserialize(buffer.Begin()), 16, "consumes the 16 bytes present");
    NS_TEST_EXPECT_MSG_EQ(bu.IsValid(), false, "Header Len too large");
    bu.InitializeChecksum(MN_ADDRESS, HA_ADDRESS);
    bu.Deserialize(buffer.Begin());
    NS_TEST_EXPECT_MSG_EQ(bu.IsValid(), false, "also with checksum checking on");

    // Header Len too small for the type: a BU needs 12 bytes, Header Len 0 gives 8.
    Bytes tooShort = BU_BYTES;
    tooShort[1] = 0;
    buffer = FromBytes(tooShort);
    Mipv6BindingUpdateHeader bu0;
    NS_TEST_EXPECT_MSG_EQ(bu0.Deserialize(buffer.Begin()), 8, "consumes Header Len 0 = 8 bytes");
    NS_TEST_EXPECT_MSG_EQ(bu0.IsValid(), false, "Header Len too small for a BU");
    Bytes beShort = BE_BYTES;
    beShort[1] = 1; // 16 bytes, a BE needs 24
    buffer = FromBytes(beShort);
    Mipv6BindingErrorHeader be;
    NS_TEST_EXPECT_MSG_EQ(be.Deserialize(buffer.Begin()), 16, "consumes 16 bytes");
    NS_TEST_EXPECT_MSG_EQ(be.IsValid(), false, "Header Len too small for a BE");

    // Unknown MH type 42, and a BA parsed as a BU.
    Bytes unknown = BU_BYTES;
    unknown[2] = 42;
    p = Create<Packet>(unknown.data(), unknown.size());
    NS_TEST_EXPECT_MSG_EQ(Mipv6MobilityHeader::PeekType(p, type, length), true, "length is fine");
    NS_TEST_EXPECT_MSG_EQ(+type, 42, "the caller sees type 42 and answers with a BE");
    buffer = FromBytes(unknown);
    Mipv6BindingUpdateHeader bu42;
    NS_TEST_EXPECT_MSG_EQ(bu42.Deserialize(buffer.Begin()), 16, "consumes the header");
    NS_TEST_EXPECT_MSG_EQ(bu42.IsValid(), false, "MH Type 42 is not a BU");
    buffer = FromBytes(BA_BYTES);
    Mipv6BindingUpdateHeader buFromBa;
    buFromBa.Deserialize(buffer.Begin());
    NS_TEST_EXPECT_MSG_EQ(buFromBa.IsValid(), false, "a BA is not a BU");

    // An option overrunning the header: PadN of length 5 at offset 12 needs 19 bytes.
    Bytes overrun = BU_BYTES;
    overrun[13] = 5;
    buffer = FromBytes(overrun);
    Mipv6BindingUpdateHeader buOverrun;
    NS_TEST_EXPECT_MSG_EQ(buOverrun.Deserialize(buffer.Begin()), 16, "consumes the header");
    NS_TEST_EXPECT_MSG_EQ(buOverrun.IsValid(), false, "option overrun");

    // An option type in the last byte, with no room for its length byte.
    Bytes noLength = BU_BYTES;
    noLength[12] = 0; // Pad1
    noLength[13] = 0; // Pad1
    noLength[14] = 0; // Pad1
    noLength[15] = 9; // type 9, length byte missing
    buffer = FromBytes(noLength);
    Mipv6BindingUpdateHeader buNoLength;
    buNoLength.Deserialize(buffer.Begin());
    NS_TEST_EXPECT_MSG_EQ(buNoLength.IsValid(), false, "option without length byte");

    // An Alternate Care-of Address option with length 8 instead of 16.
    Bytes badAltCoa = BU_ALT_COA_BYTES;
    badAltCoa[15] = 8;
    buffer = FromBytes(badAltCoa);
    Mipv6BindingUpdateHeader buBadAlt;
    buBadAlt.Deserialize(buffer.Begin());
    NS_TEST_EXPECT_MSG_EQ(buBadAlt.IsValid(), false, "Alternate CoA of length 8");

    // Unknown options are skipped (RFC 6275 section 6.2.1), and four Pad1 are fine.
    Bytes unknownOption = BU_BYTES;
    unknownOption[12] = 0x7f;
    buffer = FromBytes(unknownOption);
    Mipv6BindingUpdateHeader buUnknownOption;
    buUnknownOption.Deserialize(buffer.Begin());
    NS_TEST_EXPECT_MSG_EQ(buUnknownOption.IsValid(), true, "unknown option is not an error");
    NS_TEST_EXPECT_MSG_EQ(buUnknownOption.GetUnknownOptionCount(), 1, "and is counted");
    Bytes pad1 = BU_BYTES;
    pad1[12] = pad1[13] = pad1[14] = pad1[15] = 0;
    buffer = FromBytes(pad1);
    Mipv6BindingUpdateHeader buPad1;
    buPad1.Deserialize(buffer.Begin());
    NS_TEST_EXPECT_MSG_EQ(buPad1.IsValid(), true, "four Pad1");
    NS_TEST_EXPECT_MSG_EQ(buPad1.GetUnknownOptionCount(), 0, "Pad1 is known");

    // Trailing bytes after the header are left alone.
    Bytes trailing = BU_BYTES;
    trailing.push_back(0xee);
    trailing.push_back(0xee);
    buffer = FromBytes(trailing);
    Mipv6BindingUpdateHeader buTrailing;
    NS_TEST_EXPECT_MSG_EQ(buTrailing.Deserialize(buffer.Begin()), 16, "only the MH is consumed");
    NS_TEST_EXPECT_MSG_EQ(buTrailing.IsValid(), true, "valid with trailing bytes");

    // Every byte value at every position of a BE parses without crashing.
    for (uint32_t pos = 0; pos < BE_BYTES.size(); ++pos)
    {
        for (uint32_t value = 0; value < 256; ++value)
        {
            Bytes fuzzed = BE_BYTES;
            fuzzed[pos] = static_cast<uint8_t>(value);
            buffer = FromBytes(fuzzed);
            Mipv6BindingErrorHeader fz;
            fz.InitializeChecksum(HA_ADDRESS, MN_ADDRESS);
            NS_TEST_ASSERT_MSG_LT_OR_EQ(fz.Deserialize(buffer.Begin()),
                                        fuzzed.size(),
                                        "never consumes more than available");
        }
    }
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Unit tests of the Mobile IPv6 Mobility Header (RFC 6275 §6.1).
 */
class Mipv6MobilityHeaderTestSuite : public TestSuite
{
  public:
    Mipv6MobilityHeaderTestSuite()
        : TestSuite("cxtp-ipsec-mipv6-header", TestSuite::UNIT)
    {
        AddTestCase(new Mipv6MobilityHeaderVectorTestCase, TestCase::QUICK);
        AddTestCase(new Mipv6MobilityHeaderFieldsTestCase, TestCase::QUICK);
        AddTestCase(new Mipv6MobilityHeaderChecksumTestCase, TestCase::QUICK);
        AddTestCase(new Mipv6MobilityHeaderRoundTripTestCase, TestCase::QUICK);
        AddTestCase(new Mipv6MobilityHeaderMalformedTestCase, TestCase::QUICK);
    }
};

static Mipv6MobilityHeaderTestSuite g_mipv6MobilityHeaderTestSuite; ///< the suite instance
