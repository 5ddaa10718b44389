/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Unit tests of the CXTP messages (RFC 4067 §2.2, §2.5): byte vectors, exact sizes, round trips
// and malformed input.

#include "ns3/cxtp-header.h"
#include "ns3/cxtp-icmpv6-header.h"
#include "ns3/cxtp-token.h"
#include "ns3/ethernet-header.h"
#include "ns3/header-serialization-test.h"
#include "ns3/ipv6-header.h"
#include "ns3/packet.h"
#include "ns3/test.h"
#include "ns3/udp-header.h"

#include <sstream>
#include <vector>

using namespace ns3;

namespace
{

/// The MN's previous address used by every vector: 2001:db8:1::100.
const uint8_t PREV[16] = {0x20, 0x01, 0x0d, 0xb8, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x00};
/// The AR address of the CTAR vector: 2001:db8:2::1.
const uint8_t AR[16] = {0x20, 0x01, 0x0d, 0xb8, 0x00, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x01};

/**
 * \param parts byte strings
 * \return their concatenation
 */
std::vector<uint8_t>
Cat(std::initializer_list<std::vector<uint8_t>> parts)
{
    std::vector<uint8_t> out;
    for (const auto& p : parts)
    {
        out.insert(out.end(), p.begin(), p.end());
    }
    return out;
}

/// \return the 16 octets of the previous address
std::vector<uint8_t>
Prev()
{
    return std::vector<uint8_t>(PREV, PREV + 16);
}

/// \return the 16 octets of the AR address
std::vector<uint8_t>
Ar()
{
    return std::vector<uint8_t>(AR, AR + 16);
}

/**
 * \param header a header
 * \return its serialisation
 */
std::vector<uint8_t>
ToBytes(const Header& header)
{
    Buffer buffer;
    buffer.AddAtStart(header.GetSerializedSize());
    header.Serialize(buffer.Begin());
    std::vector<uint8_t> bytes(buffer.GetSize());
    buffer.CopyData(bytes.data(), bytes.size());
    return bytes;
}

/**
 * \brief Deserialise the first n octets of bytes from a buffer that holds exactly n octets.
 * \param header the header
 * \param bytes the octets
 * \param n how many of them
 * \return what Deserialize returned
 */
uint32_t
FromBytes(Header& header, const std::vector<uint8_t>& bytes, uint32_t n)
{
    Buffer buffer;
    buffer.AddAtStart(n);
    if (n > 0)
    {
        buffer.Begin().Write(bytes.data(), n);
    }
    return header.Deserialize(buffer.Begin());
}

/// \return the CTAR vector: A = 1, SAD_ENTRY and IKEV1_SA requested (52 octets)
std::vector<uint8_t>
CtarVector()
{
    //  0                   1                   2                   3
    //  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
    // +-----+---------+-+-+-----------+-------------------------------+
    // |0 0 1|0 0 0 0 1|0|1|0 0 0 0 0 0|        Length = 52            |  21 40 00 34
    // +-----+---------+-+-+-----------+-------------------------------+
    // |          MN previous address 2001:db8:1::100 (16)             |
    // |          previous/new AR address 2001:db8:2::1 (16)           |
    // |          Sequence Number 0x12345678                           |
    // |          MN Authorization Token 0x3a11232c                    |
    // |  FPT 0xff01 (SAD_ENTRY)       | Length = 0    |P=0| Reserved  |  ff 01 00 00
    // |  FPT 0xff04 (IKEV1_SA)        | Length = 0    |P=0| Reserved  |  ff 04 00 00
    // +---------------------------------------------------------------+
    return Cat({{0x21, 0x40, 0x00, 0x34},
                Prev(),
                Ar(),
                {0x12, 0x34, 0x56, 0x78},
                {0x3a, 0x11, 0x23, 0x2c},
                {0xff, 0x01, 0x00, 0x00, 0xff, 0x04, 0x00, 0x00}});
}

/// \return the CTAA vector: one failed SAD_ENTRY with status 2 (24 octets)
std::vector<uint8_t>
CtaaVector()
{
    // | 0 0 1 | 0 0 0 1 0 |V=0| reserved  |      Length = 24      |  22 00 00 18
    // | MN previous address (16)                                  |
    // | FPT 0xff01                    | Status = 2  | Reserved    |  ff 01 02 00
    return Cat({{0x22, 0x00, 0x00, 0x18}, Prev(), {0xff, 0x01, 0x02, 0x00}});
}

/// \return the CTD vector: A = 1, Elapsed 150 ms, no key, one 8-octet CDB (32 octets)
std::vector<uint8_t>
CtdVector()
{
    // | 0 0 1 | 0 0 0 1 1 |V=0|A=1|K=0| rsvd |      Length = 32      |  23 40 00 20
    // | Elapsed Time = 150 ms                                          |  00 00 00 96
    // | MN previous address (16)                                       |
    // | FPT 0xff03 (PAD_ENTRY)   | Length = 1 (8 octets) | P=0 | Rsvd  |  ff 03 01 00
    // | data aa bb cc | zero padding                                   |  aa bb cc 00
    return Cat({{0x23, 0x40, 0x00, 0x20},
                {0x00, 0x00, 0x00, 0x96},
                Prev(),
                {0xff, 0x03, 0x01, 0x00, 0xaa, 0xbb, 0xcc, 0x00}});
}

/// \return the PCTD vector: 5-octet key, one CDB with a presence vector (52 octets)
std::vector<uint8_t>
PctdVector()
{
    // | 0 0 1 | 0 0 1 0 0 |V=0|A=0|K=1| rsvd |      Length = 52      |  24 20 00 34
    // | Elapsed Time = 0                                               |  00 00 00 00
    // | MN previous address (16)                                       |
    // | Algorithm = 1 (HMAC_SHA1)     | Key Length = 5                 |  00 01 00 05
    // | key 01 02 03 04 | 05 + 3 octets of padding to 4                |  01..05 00 00 00
    // | FPT 0xff01 | Length = 2 (16 octets) | P=1, rsvd                |  ff 01 02 80
    // | Presence Vector 0x80000000                                     |  80 00 00 00
    // | data 11 22 33 44 55 | 3 octets of padding to 8                 |
    return Cat({{0x24, 0x20, 0x00, 0x34},
                {0x00, 0x00, 0x00, 0x00},
                Prev(),
                {0x00, 0x01, 0x00, 0x05, 0x01, 0x02, 0x03, 0x04, 0x05, 0x00, 0x00, 0x00},
                {0xff, 0x01, 0x02, 0x80, 0x80, 0x00, 0x00, 0x00},
                {0x11, 0x22, 0x33, 0x44, 0x55, 0x00, 0x00, 0x00}});
}

/// \return the CTDR vector: S = 0, one entry IKEV1_SA status 1 (24 octets)
std::vector<uint8_t>
CtdrVector()
{
    // | 0 0 1 | 0 0 1 0 1 |V=0|S=0| reserved  |      Length = 24      |  25 00 00 18
    // | MN previous address (16)                                      |
    // | FPT 0xff04                    | Status = 1  | Reserved        |  ff 04 01 00
    return Cat({{0x25, 0x00, 0x00, 0x18}, Prev(), {0xff, 0x04, 0x01, 0x00}});
}

/// \return the CTC vector (20 octets)
std::vector<uint8_t>
CtcVector()
{
    // | 0 0 1 | 0 0 1 1 0 |V=0| reserved |      Length = 20      |  26 00 00 14
    // | MN previous address (16)                                 |
    return Cat({{0x26, 0x00, 0x00, 0x14}, Prev()});
}

/// \return the CT-Req vector: SAD_ENTRY requested (32 octets)
std::vector<uint8_t>
CtReqVector()
{
    // | 0 0 1 | 0 0 1 1 1 |V=0| reserved |      Length = 32      |  27 00 00 20
    // | MN previous address (16)                                 |
    // | Sequence Number 0x12345678                               |
    // | Token 0x3a11232c                                         |
    // | FPT 0xff01               | Length = 0 | P=0, Reserved    |  ff 01 00 00
    return Cat({{0x27, 0x00, 0x00, 0x20},
                Prev(),
                {0x12, 0x34, 0x56, 0x78},
                {0x3a, 0x11, 0x23, 0x2c},
                {0xff, 0x01, 0x00, 0x00}});
}

/// \return 2001:db8:1::100
Ipv6Address
PrevAddress()
{
    return Ipv6Address("2001:db8:1::100");
}

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Every message serialises to its RFC 4067 byte vector, parses back, and round-trips.
 */
class CxtpHeaderVectorTestCase : public HeaderSerializationTestCase
{
  public:
    CxtpHeaderVectorTestCase()
        : HeaderSerializationTestCase("CXTP messages match their byte vectors and round-trip")
    {
    }

  private:
    /**
     * \param header the header
     * \param expected its byte vector
     * \param what the message name
     */
    void CheckBytes(const Header& header, const std::vector<uint8_t>& expected, const char* what)
    {
        NS_TEST_EXPECT_MSG_EQ(header.GetSerializedSize(),
                              expected.size(),
                              what << ": GetSerializedSize");
        const std::vector<uint8_t> got = ToBytes(header);
        NS_TEST_ASSERT_MSG_EQ(got.size(), expected.size(), what << ": size");
        for (size_t k = 0; k < got.size(); ++k)
        {
            NS_TEST_EXPECT_MSG_EQ(+got[k], +expected[k], what << ": octet " << k);
        }
    }

    void DoRun() override
    {
        // CTAR
        CxtpCtarHeader ctar;
        ctar.SetPreviousAddress(PrevAddress());
        ctar.SetArAddress(Ipv6Address("2001:db8:2::1"));
        ctar.SetAckRequested(true);
        ctar.SetSequence(0x12345678);
        ctar.SetToken(0x3a11232c);
        ctar.SetRequested({CxtpFeatureProfile::SAD_ENTRY, CxtpFeatureProfile::IKEV1_SA});
        CheckBytes(ctar, CtarVector(), "CTAR");
        NS_TEST_EXPECT_MSG_EQ(+ToBytes(ctar)[0], 0x21, "CTAR v1 starts with 0x21");
        TestHeaderSerialization(ctar);
        CxtpCtarHeader ctar2;
        NS_TEST_EXPECT_MSG_EQ(FromBytes(ctar2, CtarVector(), 52), 52u, "CTAR consumed");
        NS_TEST_EXPECT_MSG_EQ(ctar2.IsValid(), true, "CTAR valid: " << ctar2.GetError());
        NS_TEST_EXPECT_MSG_EQ(ctar2.IsAckRequested(), true, "CTAR A");
        NS_TEST_EXPECT_MSG_EQ(ctar2.GetPreviousAddress(), PrevAddress(), "CTAR prev");
        NS_TEST_EXPECT_MSG_EQ(ctar2.GetArAddress(), Ipv6Address("2001:db8:2::1"), "CTAR AR");
        NS_TEST_EXPECT_MSG_EQ(ctar2.GetSequence(), 0x12345678u, "CTAR seq");
        NS_TEST_EXPECT_MSG_EQ(ctar2.GetToken(), 0x3a11232cu, "CTAR token");
        NS_TEST_ASSERT_MSG_EQ(ctar2.GetRequested().size(), 2u, "CTAR requests");
        NS_TEST_EXPECT_MSG_EQ((ctar2.GetRequested()[1] == CxtpFeatureProfile::IKEV1_SA),
                              true,
                              "CTAR second request");
        // The token in the vector is the known answer of the token test (same inputs).
        const std::vector<uint8_t> key{1,  2,  3,  4,  5,  6,  7,  8,  9,  10,
                                       11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        NS_TEST_EXPECT_MSG_EQ(CxtpToken::Verify(ctar2.GetToken(),
                                                key,
                                                ctar2.GetPreviousAddress(),
                                                ctar2.GetSequence(),
                                                ctar2.GetRequestedBlocks()),
                              true,
                              "CTAR token verifies");

        // CTAA
        CxtpCtaaHeader ctaa;
        ctaa.SetPreviousAddress(PrevAddress());
        ctaa.SetEntries({{CxtpFeatureProfile::SAD_ENTRY, 2}});
        CheckBytes(ctaa, CtaaVector(), "CTAA");
        TestHeaderSerialization(ctaa);
        CxtpCtaaHeader ctaa2;
        NS_TEST_EXPECT_MSG_EQ(FromBytes(ctaa2, CtaaVector(), 24), 24u, "CTAA consumed");
        NS_TEST_EXPECT_MSG_EQ(ctaa2.IsValid(), true, "CTAA valid");
        NS_TEST_EXPECT_MSG_EQ((ctaa2.GetEntries() == ctaa.GetEntries()), true, "CTAA entries");

        // CTD
        CxtpCtdHeader ctd;
        ctd.SetPreviousAddress(PrevAddress());
        ctd.SetAckRequested(true);
        ctd.SetElapsedTime(150);
        CxtpContextBlock pad;
        pad.fpt = CxtpFeatureProfile::PAD_ENTRY;
        pad.data = {0xaa, 0xbb, 0xcc};
        ctd.AddBlock(pad);
        CheckBytes(ctd, CtdVector(), "CTD");
        TestHeaderSerialization(ctd);
        CxtpCtdHeader ctd2;
        NS_TEST_EXPECT_MSG_EQ(FromBytes(ctd2, CtdVector(), 32), 32u, "CTD consumed");
        NS_TEST_EXPECT_MSG_EQ(ctd2.IsValid(), true, "CTD valid: " << ctd2.GetError());
        NS_TEST_EXPECT_MSG_EQ(ctd2.IsPredictive(), false, "CTD type");
        NS_TEST_EXPECT_MSG_EQ(ctd2.HasKey(), false, "CTD key");
        NS_TEST_EXPECT_MSG_EQ(ctd2.GetElapsedTime(), 150u, "CTD elapsed");
        NS_TEST_EXPECT_MSG_EQ(ctd2.GetPreviousAddress(), PrevAddress(), "CTD prev");
        NS_TEST_ASSERT_MSG_EQ(ctd2.GetBlocks().size(), 1u, "CTD blocks");
        NS_TEST_EXPECT_MSG_EQ(ctd2.GetBlocks()[0].data.size(), 4u, "CTD data keeps its padding");

        // PCTD
        CxtpCtdHeader pctd(true);
        pctd.SetPreviousAddress(PrevAddress());
        pctd.SetKey({1, 2, 3, 4, 5}, CxtpToken::ALGORITHM_HMAC_SHA1);
        CxtpContextBlock sad;
        sad.fpt = CxtpFeatureProfile::SAD_ENTRY;
        sad.presence = true;
        sad.presenceVector = 0x80000000;
        sad.data = {0x11, 0x22, 0x33, 0x44, 0x55};
        pctd.AddBlock(sad);
        CheckBytes(pctd, PctdVector(), "PCTD");
        TestHeaderSerialization(pctd, true);
        CxtpCtdHeader pctd2; // a CTD-constructed header accepts a PCTD
        NS_TEST_EXPECT_MSG_EQ(FromBytes(pctd2, PctdVector(), 52), 52u, "PCTD consumed");
        NS_TEST_EXPECT_MSG_EQ(pctd2.IsValid(), true, "PCTD valid: " << pctd2.GetError());
        NS_TEST_EXPECT_MSG_EQ(pctd2.IsPredictive(), true, "PCTD type");
        NS_TEST_EXPECT_MSG_EQ(pctd2.HasKey(), true, "PCTD key");
        NS_TEST_EXPECT_MSG_EQ(pctd2.GetKeyAlgorithm(), 1, "PCTD algorithm");
        NS_TEST_EXPECT_MSG_EQ((pctd2.GetKey() == std::vector<uint8_t>{1, 2, 3, 4, 5}),
                              true,
                              "PCTD key bytes");
        NS_TEST_ASSERT_MSG_EQ(pctd2.GetBlocks().size(), 1u, "PCTD blocks");
        NS_TEST_EXPECT_MSG_EQ(pctd2.GetBlocks()[0].presence, true, "PCTD P");
        NS_TEST_EXPECT_MSG_EQ(pctd2.GetBlocks()[0].presenceVector, 0x80000000u, "PCTD PV");

        // CTD with the key block (answer to a CT-Req with token 0): K flag, 24 + 4 + 8 octets.
        CxtpCtdHeader ctdKey;
        ctdKey.SetPreviousAddress(PrevAddress());
        ctdKey.SetKey(std::vector<uint8_t>(8, 0x5a));
        NS_TEST_EXPECT_MSG_EQ(ctdKey.GetSerializedSize(), 36u, "CTD with key: 24 + 4 + 8");
        NS_TEST_EXPECT_MSG_EQ(+ToBytes(ctdKey)[1], 0x20, "CTD with key sets K");
        TestHeaderSerialization(ctdKey);

        // CTDR
        CxtpCtdrHeader ctdr;
        ctdr.SetPreviousAddress(PrevAddress());
        ctdr.SetEntries({{CxtpFeatureProfile::IKEV1_SA, 1}});
        CheckBytes(ctdr, CtdrVector(), "CTDR");
        TestHeaderSerialization(ctdr);
        CxtpCtdrHeader ctdrOk;
        ctdrOk.SetPreviousAddress(PrevAddress());
        ctdrOk.SetSuccess(true);
        NS_TEST_EXPECT_MSG_EQ(ctdrOk.GetSerializedSize(), 20u, "CTDR S=1 size");
        NS_TEST_EXPECT_MSG_EQ(+ToBytes(ctdrOk)[1], 0x40, "CTDR S flag is bit 9");
        CxtpCtdrHeader ctdr2;
        FromBytes(ctdr2, ToBytes(ctdrOk), 20);
        NS_TEST_EXPECT_MSG_EQ(ctdr2.IsValid(), true, "CTDR valid");
        NS_TEST_EXPECT_MSG_EQ(ctdr2.IsSuccess(), true, "CTDR S parsed");

        // CTC
        CxtpCtcHeader ctc;
        ctc.SetPreviousAddress(PrevAddress());
        CheckBytes(ctc, CtcVector(), "CTC");
        TestHeaderSerialization(ctc);

        // CT-Req
        CxtpCtReqHeader req;
        req.SetPreviousAddress(PrevAddress());
        req.SetSequence(0x12345678);
        req.SetToken(0x3a11232c);
        req.SetRequested({CxtpFeatureProfile::SAD_ENTRY});
        CheckBytes(req, CtReqVector(), "CT-Req");
        TestHeaderSerialization(req);
        CxtpCtReqHeader req2;
        NS_TEST_EXPECT_MSG_EQ(FromBytes(req2, CtReqVector(), 32), 32u, "CT-Req consumed");
        NS_TEST_EXPECT_MSG_EQ(req2.IsValid(), true, "CT-Req valid");
        NS_TEST_EXPECT_MSG_EQ(req2.GetToken(), 0x3a11232cu, "CT-Req token");
        NS_TEST_EXPECT_MSG_EQ(req2.GetSequence(), 0x12345678u, "CT-Req seq");

        // Print names the message.
        std::ostringstream os;
        ctar.Print(os);
        NS_TEST_EXPECT_MSG_EQ((os.str().find("CTAR") != std::string::npos), true, os.str());
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Exact sizes: 44 + 4k (CTAR), 20 + 4k (CTAA, CTDR), 24 (+key) + CDBs (CTD), 20 (CTC),
 * 28 + 4k (CT-Req), and the paper's 106-octet frame.
 */
class CxtpHeaderSizeTestCase : public TestCase
{
  public:
    CxtpHeaderSizeTestCase()
        : TestCase("CXTP message sizes and the 106-byte CTAR frame")
    {
    }

  private:
    void DoRun() override
    {
        CxtpCtarHeader ctar;
        NS_TEST_EXPECT_MSG_EQ(ctar.GetSerializedSize(), 44u, "CTAR with no CDB");
        NS_TEST_EXPECT_MSG_EQ(CxtpCtarHeader::FIXED_SIZE, 44u, "CTAR fixed size");
        for (uint32_t k = 1; k <= 4; ++k)
        {
            ctar.SetRequested(std::vector<CxtpFeatureProfile>(k, CxtpFeatureProfile::SPD_ENTRY));
            NS_TEST_EXPECT_MSG_EQ(ctar.GetSerializedSize(), 44 + 4 * k, "CTAR with CDBs");
            NS_TEST_EXPECT_MSG_EQ(ToBytes(ctar).size(), 44 + 4 * k, "CTAR bytes");
        }

        CxtpCtaaHeader ctaa;
        CxtpCtdrHeader ctdr;
        NS_TEST_EXPECT_MSG_EQ(ctaa.GetSerializedSize(), 20u, "CTAA");
        NS_TEST_EXPECT_MSG_EQ(ctdr.GetSerializedSize(), 20u, "CTDR");
        ctaa.SetEntries(std::vector<CxtpStatusEntry>(3));
        ctdr.SetEntries(std::vector<CxtpStatusEntry>(3));
        NS_TEST_EXPECT_MSG_EQ(ctaa.GetSerializedSize(), 32u, "CTAA 20 + 4k");
        NS_TEST_EXPECT_MSG_EQ(ctdr.GetSerializedSize(), 32u, "CTDR 20 + 4k");

        CxtpCtdHeader ctd;
        NS_TEST_EXPECT_MSG_EQ(ctd.GetSerializedSize(), 24u, "CTD minimum");
        for (uint32_t keyLength = 0; keyLength <= 9; ++keyLength)
        {
            ctd.SetKey(std::vector<uint8_t>(keyLength, 0x11));
            const uint32_t padded = (keyLength + 3) / 4 * 4;
            NS_TEST_EXPECT_MSG_EQ(ctd.GetSerializedSize(), 24 + 4 + padded, "CTD key padded");
            NS_TEST_EXPECT_MSG_EQ(ToBytes(ctd).size(), 24 + 4 + padded, "CTD key bytes");
        }
        ctd.ClearKey();
        CxtpContextBlock block;
        block.data.resize(13); // 4 + 13 = 17 -> 24
        ctd.AddBlock(block);
        NS_TEST_EXPECT_MSG_EQ(ctd.GetSerializedSize(), 24u + 24u, "CTD with one CDB");

        NS_TEST_EXPECT_MSG_EQ(CxtpCtcHeader().GetSerializedSize(), 20u, "CTC");
        CxtpCtReqHeader req;
        NS_TEST_EXPECT_MSG_EQ(req.GetSerializedSize(), 28u, "CT-Req");
        req.SetRequested({CxtpFeatureProfile::SAD_ENTRY, CxtpFeatureProfile::PAD_ENTRY});
        NS_TEST_EXPECT_MSG_EQ(req.GetSerializedSize(), 36u, "CT-Req 28 + 4k");

        // doc/cxtp-ipsec.rst, Message counts and sizes: a CTAR with no CDB (44) + ICMPv6 or UDP
        // header (8) + IPv6 (40) + Ethernet II without FCS (14) = 106 octets, the paper's "1
        // message, 106 bytes".
        CxtpCtarHeader bare;
        UdpHeader udp;
        Ipv6Header ip;
        EthernetHeader eth(false);
        NS_TEST_EXPECT_MSG_EQ(udp.GetSerializedSize(), 8u, "UDP header");
        NS_TEST_EXPECT_MSG_EQ(ip.GetSerializedSize(), 40u, "IPv6 header");
        NS_TEST_EXPECT_MSG_EQ(eth.GetSerializedSize(), 14u, "Ethernet II header");
        NS_TEST_EXPECT_MSG_EQ(CxtpCtarHeader::FIXED_SIZE + 8 + 40 + 14, 106u, "44 + 8 + 40 + 14");
        Ptr<Packet> frame = Create<Packet>();
        frame->AddHeader(bare);
        frame->AddHeader(udp);
        frame->AddHeader(ip);
        frame->AddHeader(eth);
        NS_TEST_EXPECT_MSG_EQ(frame->GetSize(), 106u, "CTAR frame length");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Malformed messages are flagged, never read past their end and never crash.
 */
class CxtpHeaderMalformedTestCase : public TestCase
{
  public:
    CxtpHeaderMalformedTestCase()
        : TestCase("malformed CXTP messages are flagged, not crashing")
    {
    }

  private:
    /**
     * \param header a fresh header of the right class
     * \param bytes the input
     * \param what a label
     */
    void ExpectInvalid(Header& header, const std::vector<uint8_t>& bytes, const std::string& what)
    {
        CxtpHeader& cxtp = dynamic_cast<CxtpHeader&>(header);
        const uint32_t used = FromBytes(header, bytes, bytes.size());
        NS_TEST_EXPECT_MSG_EQ(cxtp.IsValid(), false, what << " flagged");
        NS_TEST_EXPECT_MSG_EQ(cxtp.GetError().empty(), false, what << " has a reason");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(used, bytes.size(), what << " consumed within bounds");
    }

    /**
     * \tparam H the header class
     * \param bytes a valid vector
     * \param what a label
     */
    template <class H>
    void CheckTruncations(const std::vector<uint8_t>& bytes, const std::string& what)
    {
        for (uint32_t n = 0; n < bytes.size(); ++n)
        {
            H header;
            const uint32_t used = FromBytes(header, bytes, n);
            NS_TEST_EXPECT_MSG_EQ(header.IsValid(), false, what << " truncated to " << n);
            NS_TEST_EXPECT_MSG_LT_OR_EQ(used, n, what << " truncated to " << n);
            // Through a packet and the two-iterator overload.
            Ptr<Packet> p = Create<Packet>(bytes.data(), n);
            H viaPacket;
            p->PeekHeader(viaPacket, n);
            NS_TEST_EXPECT_MSG_EQ(viaPacket.IsValid(), false, what << " packet of " << n);
        }
        H whole;
        NS_TEST_EXPECT_MSG_EQ(FromBytes(whole, bytes, bytes.size()), bytes.size(), what);
        NS_TEST_EXPECT_MSG_EQ(whole.IsValid(), true, what << " whole: " << whole.GetError());
    }

    void DoRun() override
    {
        CheckTruncations<CxtpCtarHeader>(CtarVector(), "CTAR");
        CheckTruncations<CxtpCtaaHeader>(CtaaVector(), "CTAA");
        CheckTruncations<CxtpCtdHeader>(CtdVector(), "CTD");
        CheckTruncations<CxtpCtdHeader>(PctdVector(), "PCTD");
        CheckTruncations<CxtpCtdrHeader>(CtdrVector(), "CTDR");
        CheckTruncations<CxtpCtcHeader>(CtcVector(), "CTC");
        CheckTruncations<CxtpCtReqHeader>(CtReqVector(), "CT-Req");

        std::vector<uint8_t> v = CtarVector();
        v[0] = 0x41; // version 2
        {
            CxtpCtarHeader h;
            ExpectInvalid(h, v, "bad version");
        }
        v = CtarVector();
        v[0] = 0x28; // version 1, type 8
        {
            CxtpCtarHeader h;
            ExpectInvalid(h, v, "unknown type");
        }
        {
            CxtpCtarHeader h; // a CTAA parsed as a CTAR
            ExpectInvalid(h, CtaaVector(), "wrong type");
        }
        {
            CxtpCtcHeader h; // a CT-Req parsed as a CTC
            ExpectInvalid(h, CtReqVector(), "CT-Req as CTC");
        }
        v = CtarVector();
        v[1] = 0xc0; // V = 1
        {
            CxtpCtarHeader h;
            ExpectInvalid(h, v, "V = 1");
        }
        v = CtarVector();
        v[3] = 0x40; // Length 64 > 52
        {
            CxtpCtarHeader h;
            ExpectInvalid(h, v, "Length beyond the data");
        }
        v[3] = 0x2a; // Length 42 < 44
        {
            CxtpCtarHeader h;
            ExpectInvalid(h, v, "Length below the CTAR minimum");
        }
        v[3] = 0x2e; // Length 46: 2 octets of request CDBs
        {
            CxtpCtarHeader h;
            ExpectInvalid(h, v, "Length not a multiple of the request size");
        }
        v[3] = 0x02; // Length 2 < 4
        {
            CxtpCtarHeader h;
            ExpectInvalid(h, v, "Length below the common header");
        }
        v = CtarVector();
        v[46] = 0x01; // a request CDB with Length 1
        {
            CxtpCtarHeader h;
            ExpectInvalid(h, v, "request CDB with data length");
        }
        v = CtdVector();
        v[26] = 0x00; // CDB Length 0
        {
            CxtpCtdHeader h;
            ExpectInvalid(h, v, "CDB Length 0");
        }
        v[26] = 0x02; // CDB Length 16 > 8 left
        {
            CxtpCtdHeader h;
            ExpectInvalid(h, v, "CDB overrun");
        }
        v = PctdVector();
        v[27] = 0xff; // Key Length 255
        {
            CxtpCtdHeader h;
            ExpectInvalid(h, v, "key overrun");
        }
        v = CtcVector();
        v[3] = 0x18;
        v.insert(v.end(), 4, 0);
        {
            CxtpCtcHeader h;
            ExpectInvalid(h, v, "CTC with a body");
        }
        v = CtdrVector();
        v[3] = 0x16; // 22: half an entry
        {
            CxtpCtdrHeader h;
            ExpectInvalid(h, v, "CTDR half entry");
        }

        // Trailing octets after Length are not consumed.
        v = CtcVector();
        v.push_back(0xee);
        {
            CxtpCtcHeader h;
            NS_TEST_EXPECT_MSG_EQ(FromBytes(h, v, v.size()), 20u, "only Length consumed");
            NS_TEST_EXPECT_MSG_EQ(h.IsValid(), true, "trailing octets are not an error");
        }

        // A header is valid again after a good Deserialize.
        {
            CxtpCtarHeader h;
            FromBytes(h, CtaaVector(), 24);
            NS_TEST_EXPECT_MSG_EQ(h.IsValid(), false, "first invalid");
            FromBytes(h, CtarVector(), 52);
            NS_TEST_EXPECT_MSG_EQ(h.IsValid(), true, "then valid");
        }

        // PeekType
        uint8_t type = 0;
        uint16_t length = 0;
        std::string error;
        std::vector<uint8_t> ok = CtarVector();
        Ptr<Packet> p = Create<Packet>(ok.data(), ok.size());
        NS_TEST_EXPECT_MSG_EQ(CxtpHeader::PeekType(p, type, length, &error), true, error);
        NS_TEST_EXPECT_MSG_EQ(+type, +CxtpHeader::CTAR, "PeekType type");
        NS_TEST_EXPECT_MSG_EQ(length, 52, "PeekType length");
        NS_TEST_EXPECT_MSG_EQ(CxtpHeader::PeekType(Create<Packet>(ok.data(), 3), type, length),
                              false,
                              "PeekType short packet");
        NS_TEST_EXPECT_MSG_EQ(CxtpHeader::PeekType(Create<Packet>(ok.data(), 40), type, length),
                              false,
                              "PeekType Length beyond the packet");
        ok[1] = 0x80;
        NS_TEST_EXPECT_MSG_EQ(
            CxtpHeader::PeekType(Create<Packet>(ok.data(), ok.size()), type, length, &error),
            false,
            "PeekType V = 1");
        ok = CtarVector();
        ok[0] = 0x20; // type 0
        NS_TEST_EXPECT_MSG_EQ(
            CxtpHeader::PeekType(Create<Packet>(ok.data(), ok.size()), type, length),
            false,
            "PeekType type 0");
        NS_TEST_EXPECT_MSG_EQ(CxtpHeader::PeekType(nullptr, type, length), false, "no packet");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The ICMPv6 Experimental Mobility header (RFC 4067 §3): 8 octets, type 150, code 0,
 * subtype 1, and an ICMPv6 checksum over the pseudo-header that verifies, and fails once any
 * octet or address changes. Reference value computed by hand (RFC 1071 sum).
 */
class CxtpIcmpv6HeaderTestCase : public TestCase
{
  public:
    CxtpIcmpv6HeaderTestCase()
        : TestCase("ICMPv6 Experimental Mobility header and checksum")
    {
    }

  private:
    void DoRun() override
    {
        Ipv6Address src("fd00:12::200:ff:fe00:c");
        Ipv6Address dst("fd00:12::1");
        Ptr<Packet> p = Create<Packet>();
        CxtpCtarHeader ctar;
        ctar.SetPreviousAddress(Ipv6Address("fd00:11::200:ff:fe00:a"));
        ctar.SetArAddress(Ipv6Address("fd00:11::1"));
        ctar.SetSequence(0x01020304);
        ctar.SetToken(0xa1b2c3d4);
        p->AddHeader(ctar);
        CxtpIcmpv6Header icmp;
        icmp.SetAddresses(src, dst);
        p->AddHeader(icmp);
        NS_TEST_ASSERT_MSG_EQ(p->GetSize(), 8 + 44, "ICMP header + CTAR");
        std::vector<uint8_t> bytes(p->GetSize());
        p->CopyData(bytes.data(), bytes.size());
        NS_TEST_EXPECT_MSG_EQ(+bytes[0], 150, "type");
        NS_TEST_EXPECT_MSG_EQ(+bytes[1], 0, "code");
        NS_TEST_EXPECT_MSG_EQ(+bytes[4], 1, "subtype CXTP");
        NS_TEST_EXPECT_MSG_EQ((bytes[5] | bytes[6] | bytes[7]), 0, "reserved");

        // Independent RFC 1071 sum over pseudo-header + message.
        std::vector<uint8_t> all(40);
        src.Serialize(all.data());
        dst.Serialize(all.data() + 16);
        all[35] = static_cast<uint8_t>(bytes.size());
        all[39] = 58;
        all.insert(all.end(), bytes.begin(), bytes.end());
        uint32_t sum = 0;
        for (size_t i = 0; i + 1 < all.size(); i += 2)
        {
            sum += static_cast<uint32_t>(all[i]) << 8 | all[i + 1];
        }
        while (sum >> 16)
        {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        NS_TEST_EXPECT_MSG_EQ(sum, 0xffff, "the checksum completes the one's complement sum");
        NS_TEST_EXPECT_MSG_NE((bytes[2] << 8 | bytes[3]), 0, "a checksum was written");

        NS_TEST_EXPECT_MSG_EQ(CxtpIcmpv6Header::VerifyChecksum(p, src, dst), true, "verifies");
        NS_TEST_EXPECT_MSG_EQ(CxtpIcmpv6Header::VerifyChecksum(p, src, Ipv6Address("fd00::1")),
                              false,
                              "another pseudo-header fails");
        bytes[20] ^= 0x01;
        Ptr<Packet> corrupt = Create<Packet>(bytes.data(), bytes.size());
        NS_TEST_EXPECT_MSG_EQ(CxtpIcmpv6Header::VerifyChecksum(corrupt, src, dst),
                              false,
                              "a flipped bit fails");

        CxtpIcmpv6Header read;
        p->RemoveHeader(read);
        NS_TEST_EXPECT_MSG_EQ(read.IsCxtp(), true, "read back as CXTP");
        CxtpCtarHeader back;
        p->RemoveHeader(back);
        NS_TEST_EXPECT_MSG_EQ(back.GetToken(), 0xa1b2c3d4, "the CTAR follows");
        Ptr<Packet> shortOne = Create<Packet>(4);
        NS_TEST_EXPECT_MSG_EQ(CxtpIcmpv6Header::VerifyChecksum(shortOne, src, dst),
                              false,
                              "truncated");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The CXTP header suite.
 */
class CxtpHeaderTestSuite : public TestSuite
{
  public:
    CxtpHeaderTestSuite()
        : TestSuite("cxtp-ipsec-cxtp-header", TestSuite::UNIT)
    {
        AddTestCase(new CxtpHeaderVectorTestCase, TestCase::QUICK);
        AddTestCase(new CxtpHeaderSizeTestCase, TestCase::QUICK);
        AddTestCase(new CxtpHeaderMalformedTestCase, TestCase::QUICK);
        AddTestCase(new CxtpIcmpv6HeaderTestCase, TestCase::QUICK);
    }
};

static CxtpHeaderTestSuite g_cxtpHeaderTestSuite; ///< the static instance registers the suite
