/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Tests of WireWriter, WireReader and the free byte helpers: the network-order layout against
// literal octets, round trips, and truncated reads that fail and stay failed.

#include "ns3/buffer.h"
#include "ns3/ipv6-address.h"
#include "ns3/tag-buffer.h"
#include "ns3/test.h"
#include "ns3/wire-reader.h"
#include "ns3/wire-writer.h"

#include <cstdint>
#include <vector>

using namespace ns3;

namespace
{

using Bytes = std::vector<uint8_t>;

/// The address 2001:db8::1 as its 16 octets.
const Bytes ADDRESS_BYTES{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01};

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief WireWriter puts every field in network order, most significant octet first.
 */
class WireWriterLayoutTestCase : public TestCase
{
  public:
    WireWriterLayoutTestCase()
        : TestCase("WireWriter writes u8, u16, u32, u64, raw octets and IPv6 addresses big-endian")
    {
    }

  private:
    void DoRun() override
    {
        Bytes out;
        WireWriter w(out);
        w.U8(0x01);
        w.U16(0x0203);
        w.U32(0x04050607);
        w.U64(0x08090a0b0c0d0e0f);
        w.Raw(Bytes{0xaa, 0xbb});
        const uint8_t raw[] = {0xcc};
        w.Raw(raw, 1);
        w.Ipv6(Ipv6Address("2001:db8::1"));
        // clang-format off
        Bytes expected{
            0x01,                                           // U8
            0x02, 0x03,                                     // U16
            0x04, 0x05, 0x06, 0x07,                         // U32
            0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, // U64
            0xaa, 0xbb,                                     // Raw(vector)
            0xcc,                                           // Raw(pointer, 1)
        };
        // clang-format on
        expected.insert(expected.end(), ADDRESS_BYTES.begin(), ADDRESS_BYTES.end());
        NS_TEST_EXPECT_MSG_EQ(out.size(), expected.size(), "1 + 2 + 4 + 8 + 2 + 1 + 16 octets");
        NS_TEST_EXPECT_MSG_EQ((out == expected), true, "octets in network order");

        NS_TEST_EXPECT_MSG_EQ((WireBytesU32(0xdeadbeef) == Bytes{0xde, 0xad, 0xbe, 0xef}),
                              true,
                              "WireBytesU32");
        NS_TEST_EXPECT_MSG_EQ((WireBytesU64(0x0102030405060708) == Bytes{1, 2, 3, 4, 5, 6, 7, 8}),
                              true,
                              "WireBytesU64");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief WireReader reads back what WireWriter wrote, and the free readers agree with it.
 */
class WireReaderRoundTripTestCase : public TestCase
{
  public:
    WireReaderRoundTripTestCase()
        : TestCase("WireReader reads what WireWriter wrote; the pointer readers agree")
    {
    }

  private:
    void DoRun() override
    {
        const Ipv6Address address("fd00:12::abcd");
        Bytes out;
        WireWriter w(out);
        w.U8(0xfe);
        w.U16(0xfedc);
        w.U32(0xfedcba98);
        w.U64(0xfedcba9876543210);
        w.Ipv6(address);
        w.Raw(Bytes{1, 2, 3});
        w.U32(0x00c0ffee);

        WireReader r(out);
        NS_TEST_EXPECT_MSG_EQ(+r.U8(), 0xfe, "u8");
        NS_TEST_EXPECT_MSG_EQ(r.U16(), 0xfedc, "u16");
        NS_TEST_EXPECT_MSG_EQ(r.U32(), 0xfedcba98u, "u32");
        NS_TEST_EXPECT_MSG_EQ(r.U64(), 0xfedcba9876543210u, "u64");
        NS_TEST_EXPECT_MSG_EQ(r.Ipv6(), address, "IPv6 address");
        NS_TEST_EXPECT_MSG_EQ((r.Bytes(3) == Bytes{1, 2, 3}), true, "raw octets");
        NS_TEST_EXPECT_MSG_EQ(r.GetOffset(), 1 + 2 + 4 + 8 + 16 + 3u, "offset after the reads");
        NS_TEST_EXPECT_MSG_EQ(r.Uint(3), 0x00c0ffu, "a 3-octet value");
        NS_TEST_EXPECT_MSG_EQ(r.GetRemaining(), 1u, "one octet left");
        r.Skip(1);
        NS_TEST_EXPECT_MSG_EQ(r.GetRemaining(), 0u, "all read");
        NS_TEST_EXPECT_MSG_EQ(r.Ok(), true, "no read failed");
        NS_TEST_EXPECT_MSG_EQ(r.Bytes(0).empty(), true, "zero octets are always available");
        NS_TEST_EXPECT_MSG_EQ(r.Ok(), true, "still no failure");

        NS_TEST_EXPECT_MSG_EQ(WireReadU16(out.data() + 1), 0xfedc, "WireReadU16");
        NS_TEST_EXPECT_MSG_EQ(WireReadU32(out.data() + 3), 0xfedcba98u, "WireReadU32");
        NS_TEST_EXPECT_MSG_EQ(WireReadU64(out.data() + 7), 0xfedcba9876543210u, "WireReadU64");
        NS_TEST_EXPECT_MSG_EQ(WireReadUint(out.data(), 0), 0u, "no octet: 0");
        NS_TEST_EXPECT_MSG_EQ(WireReadUint(out.data(), 1), 0xfeu, "one octet");
        NS_TEST_EXPECT_MSG_EQ(WireReadUint(out.data() + 7, 8), 0xfedcba9876543210u, "8 octets");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief A read past the end fails, consumes nothing and returns zero; later reads fail too.
 */
class WireReaderTruncationTestCase : public TestCase
{
  public:
    WireReaderTruncationTestCase()
        : TestCase("WireReader: a truncated read fails, returns zero and the failure sticks")
    {
    }

  private:
    void DoRun() override
    {
        const Bytes in{0x11, 0x22, 0x33};
        {
            WireReader r(in);
            NS_TEST_EXPECT_MSG_EQ(r.U16(), 0x1122, "two of three octets");
            NS_TEST_EXPECT_MSG_EQ(r.U16(), 0, "one octet left: the u16 fails with 0");
            NS_TEST_EXPECT_MSG_EQ(r.Ok(), false, "failed");
            NS_TEST_EXPECT_MSG_EQ(r.GetOffset(), 2u, "the failed read consumed nothing");
            NS_TEST_EXPECT_MSG_EQ(+r.U8(), 0, "sticky: a u8 that would fit fails as well");
            NS_TEST_EXPECT_MSG_EQ(r.GetOffset(), 2u, "and consumes nothing");
            NS_TEST_EXPECT_MSG_EQ(r.Need(0), false, "Need answers false once failed");
        }
        {
            WireReader r(in.data(), in.size());
            NS_TEST_EXPECT_MSG_EQ(r.U32(), 0u, "u32 from 3 octets");
            NS_TEST_EXPECT_MSG_EQ(r.Ok(), false, "failed");
        }
        {
            WireReader r(in);
            NS_TEST_EXPECT_MSG_EQ(r.U64(), 0u, "u64 from 3 octets");
            NS_TEST_EXPECT_MSG_EQ(r.Ok(), false, "failed");
        }
        {
            WireReader r(in);
            NS_TEST_EXPECT_MSG_EQ(r.Ipv6(), Ipv6Address::GetAny(), ":: from 3 octets");
            NS_TEST_EXPECT_MSG_EQ(r.Ok(), false, "failed");
        }
        {
            WireReader r(in);
            NS_TEST_EXPECT_MSG_EQ(r.Bytes(4).empty(), true, "4 octets from 3: empty");
            NS_TEST_EXPECT_MSG_EQ(r.Ok(), false, "failed");
            NS_TEST_EXPECT_MSG_EQ(r.GetRemaining(), 3u, "nothing consumed");
        }
        {
            WireReader r(in);
            r.Skip(4);
            NS_TEST_EXPECT_MSG_EQ(r.Ok(), false, "skipping past the end fails");
            NS_TEST_EXPECT_MSG_EQ(r.GetOffset(), 0u, "and consumes nothing");
        }
        {
            WireReader r(in);
            NS_TEST_EXPECT_MSG_EQ(r.Uint(3), 0x112233u, "exactly the octets there are");
            NS_TEST_EXPECT_MSG_EQ(r.Ok(), true, "no failure at the very end");
            r.Fail();
            NS_TEST_EXPECT_MSG_EQ(r.Ok(), false, "Fail() marks the input inconsistent");
        }
        {
            WireReader r(nullptr, 0);
            NS_TEST_EXPECT_MSG_EQ(+r.U8(), 0, "empty input");
            NS_TEST_EXPECT_MSG_EQ(r.Ok(), false, "failed");
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The Buffer::Iterator and TagBuffer address helpers write and read the 16 octets.
 */
class WireAddressTestCase : public TestCase
{
  public:
    WireAddressTestCase()
        : TestCase("WireWriteIpv6 and WireReadIpv6 on Buffer::Iterator and TagBuffer")
    {
    }

  private:
    void DoRun() override
    {
        const Ipv6Address address("2001:db8::1");
        Buffer buffer;
        buffer.AddAtStart(16);
        Buffer::Iterator i = buffer.Begin();
        WireWriteIpv6(i, address);
        NS_TEST_EXPECT_MSG_EQ(i.IsEnd(), true, "16 octets written");
        Bytes written(16);
        buffer.CopyData(written.data(), written.size());
        NS_TEST_EXPECT_MSG_EQ((written == ADDRESS_BYTES), true, "the address in network order");
        i = buffer.Begin();
        NS_TEST_EXPECT_MSG_EQ(WireReadIpv6(i), address, "read back from the buffer");
        NS_TEST_EXPECT_MSG_EQ(i.IsEnd(), true, "16 octets read");

        uint8_t storage[16] = {};
        TagBuffer out(storage, storage + 16);
        WireWriteIpv6(out, address);
        NS_TEST_EXPECT_MSG_EQ((Bytes(storage, storage + 16) == ADDRESS_BYTES),
                              true,
                              "the address in a tag buffer");
        TagBuffer in(storage, storage + 16);
        NS_TEST_EXPECT_MSG_EQ(WireReadIpv6(in), address, "read back from the tag buffer");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The byte writer and reader under the module's codecs.
 */
class WireReaderWriterTestSuite : public TestSuite
{
  public:
    WireReaderWriterTestSuite()
        : TestSuite("cxtp-ipsec-wire", TestSuite::UNIT)
    {
        AddTestCase(new WireWriterLayoutTestCase, TestCase::QUICK);
        AddTestCase(new WireReaderRoundTripTestCase, TestCase::QUICK);
        AddTestCase(new WireReaderTruncationTestCase, TestCase::QUICK);
        AddTestCase(new WireAddressTestCase, TestCase::QUICK);
    }
};

static WireReaderWriterTestSuite g_wireReaderWriterTestSuite; ///< the suite's static instance
