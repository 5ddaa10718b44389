/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The RADIUS/EAP capture for test/check-radius-capture.sh: packets built by RadiusCodec,
// EapCodec, EapAkaCodec, EapTlsFraming and RadiusMppeKey, signed by RadiusAuthenticator, written
// as IPv6/UDP frames (port 1812) to radius-eap.pcap in the runner's temporary directory.

#include "cxtp-test-hex.h"

#include "ns3/eap-aka-codec.h"
#include "ns3/eap-codec.h"
#include "ns3/eap-tls-framing.h"
#include "ns3/pcap-file.h"
#include "ns3/radius-authenticator.h"
#include "ns3/radius-codec.h"
#include "ns3/radius-mppe-key.h"
#include "ns3/test.h"
#include "ns3/trace-helper.h"
#include "ns3/wire-writer.h"

#include <cstdint>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

using Bytes = std::vector<uint8_t>;
using Type = RadiusAttributeType;

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Writes a capture of RADIUS packets carrying EAP-AKA, a fragmented EAP-TLS Request, MPPE
 * keys and EAP-Success, built by the codecs, for test/check-radius-capture.sh (tshark must
 * dissect them without a malformed field and validate the Response Authenticators).
 */
class RadiusCaptureTestCase : public TestCase
{
  public:
    RadiusCaptureTestCase()
        : TestCase("RADIUS packets with EAP-AKA, EAP-TLS and MPPE keys written to radius-eap.pcap")
    {
    }

    /// The shared secret of the capture (check-radius-capture.sh gives it to tshark)
    static constexpr const char* SECRET = "testing123";

  private:
    /**
     * \param payload a RADIUS packet
     * \param request true if it goes from the NAS to the server (port 1812)
     * \return IPv6 and UDP headers (with the UDP checksum) and the payload
     */
    static Bytes Frame(const Bytes& payload, bool request)
    {
        const Bytes nas = CxtpTestFromHex("20010db8000000000000000000000001");
        const Bytes aaa = CxtpTestFromHex("20010db8000000000000000000000002");
        const Bytes& src = request ? nas : aaa;
        const Bytes& dst = request ? aaa : nas;
        Bytes udp;
        WireWriter u(udp);
        u.U16(request ? 50000 : 1812);
        u.U16(request ? 1812 : 50000);
        u.U16(static_cast<uint16_t>(8 + payload.size()));
        u.U16(0);
        u.Raw(payload);
        // RFC 8200 §8.1: the checksum covers a pseudo-header of addresses, length, next header.
        Bytes pseudo = src;
        pseudo.insert(pseudo.end(), dst.begin(), dst.end());
        pseudo.insert(pseudo.end(), {0, 0, 0, 0, 0, 0, 0, 17});
        pseudo[34] = static_cast<uint8_t>(udp.size() >> 8);
        pseudo[35] = static_cast<uint8_t>(udp.size());
        pseudo.insert(pseudo.end(), udp.begin(), udp.end());
        pseudo.push_back(0);
        uint32_t sum = 0;
        for (size_t i = 0; i + 1 < pseudo.size(); i += 2)
        {
            sum += (pseudo[i] << 8) | pseudo[i + 1];
        }
        while (sum >> 16)
        {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        uint16_t checksum = static_cast<uint16_t>(~sum);
        checksum = checksum == 0 ? 0xffff : checksum;
        udp[6] = static_cast<uint8_t>(checksum >> 8);
        udp[7] = static_cast<uint8_t>(checksum);
        Bytes ip;
        WireWriter w(ip);
        w.U32(6u << 28);
        w.U16(static_cast<uint16_t>(udp.size()));
        w.U8(17);
        w.U8(64);
        w.Raw(src);
        w.Raw(dst);
        w.Raw(udp);
        return ip;
    }

    void DoRun() override
    {
        const std::string s(SECRET);
        const Bytes secret(s.begin(), s.end());
        using A = EapAkaAttributeType;
        std::vector<Bytes> packets;

        // Access-Request: EAP-Response/AKA-Challenge with AT_RES, AT_CHECKCODE, AT_MAC.
        Bytes requestAuth(16);
        for (size_t i = 0; i < 16; ++i)
        {
            requestAuth[i] = static_cast<uint8_t>(i * 17);
        }
        EapAkaMessage aka{EapAkaSubtype::CHALLENGE,
                          {{A::AT_RES, Bytes(8, 0x33), 64},
                           {A::AT_CHECKCODE, {}, 0},
                           {A::AT_MAC, Bytes(16, 0), 0}}};
        Bytes eap =
            EapCodec::Encode({EapCode::RESPONSE, 5, EapType::AKA, EapAkaCodec::Encode(aka)});
        NS_TEST_ASSERT_MSG_EQ(EapAkaCodec::SetMac(eap, Bytes(16, 0x77), {}).IsOk(), true, "");
        RadiusPacket r;
        r.code = RadiusCode::ACCESS_REQUEST;
        r.identifier = 1;
        r.authenticator = requestAuth;
        r.attributes = {RadiusCodec::MakeString(Type::USER_NAME, "0001@nai"),
                        RadiusCodec::MakeNasIpv6Address(Ipv6Address("2001:db8::1")),
                        RadiusCodec::MakeNasIpAddress(Ipv4Address("192.0.2.1")),
                        RadiusCodec::MakeString(Type::NAS_IDENTIFIER, "ar1"),
                        RadiusCodec::MakeInteger(Type::NAS_PORT_TYPE, 19),
                        RadiusCodec::MakeInteger(Type::FRAMED_MTU, 1400),
                        RadiusCodec::MakeString(Type::CALLED_STATION_ID, "ap"),
                        RadiusCodec::MakeString(Type::CALLING_STATION_ID, "mn"),
                        {Type::STATE, {1, 2, 3}}};
        for (const auto& a : RadiusCodec::SplitEapMessage(eap))
        {
            r.attributes.push_back(a);
        }
        r.attributes.push_back({Type::MESSAGE_AUTHENTICATOR, Bytes(16, 0)});
        packets.push_back(RadiusCodec::Encode(r));
        NS_TEST_ASSERT_MSG_EQ(RadiusAuthenticator::SignRequest(packets.back(), secret).IsOk(),
                              true,
                              "");

        // Access-Challenge: the first 600-octet fragment of a 1400-octet TLS stream (L, M),
        // split over three EAP-Message attributes.
        Bytes tls(1400);
        for (size_t i = 0; i < tls.size(); ++i)
        {
            tls[i] = static_cast<uint8_t>(i);
        }
        const Bytes record = CxtpTestFromHex("1603030573"); // TLS handshake record header
        std::copy(record.begin(), record.end(), tls.begin());
        const std::vector<EapTlsFrame> frames = EapTlsFraming::Fragment(tls, 600);
        RadiusPacket c;
        c.code = RadiusCode::ACCESS_CHALLENGE;
        c.identifier = 1;
        c.attributes = RadiusCodec::SplitEapMessage(EapCodec::Encode(
            {EapCode::REQUEST, 6, EapType::TLS, EapTlsFraming::Encode(frames[0])}));
        c.attributes.push_back({Type::STATE, {4, 5, 6}});
        c.attributes.push_back(RadiusCodec::MakeInteger(Type::SESSION_TIMEOUT, 30));
        c.attributes.push_back({Type::MESSAGE_AUTHENTICATOR, Bytes(16, 0)});
        packets.push_back(RadiusCodec::Encode(c));
        NS_TEST_ASSERT_MSG_EQ(
            RadiusAuthenticator::SignResponse(packets.back(), requestAuth, secret).IsOk(),
            true,
            "");

        // Access-Request: EAP-Response/AKA-Identity with AT_IDENTITY.
        const Bytes requestAuth2(16, 0x5c);
        EapAkaMessage identity{EapAkaSubtype::IDENTITY,
                               {{A::AT_IDENTITY, {'0', '0', '1', '@', 'n'}, 0}}};
        RadiusPacket r2;
        r2.code = RadiusCode::ACCESS_REQUEST;
        r2.identifier = 2;
        r2.authenticator = requestAuth2;
        r2.attributes = RadiusCodec::SplitEapMessage(
            EapCodec::Encode({EapCode::RESPONSE, 7, EapType::AKA, EapAkaCodec::Encode(identity)}));
        r2.attributes.push_back({Type::MESSAGE_AUTHENTICATOR, Bytes(16, 0)});
        packets.push_back(RadiusCodec::Encode(r2));
        NS_TEST_ASSERT_MSG_EQ(RadiusAuthenticator::SignRequest(packets.back(), secret).IsOk(),
                              true,
                              "");

        // Access-Accept: both MPPE keys and EAP-Success.
        RadiusPacket accept;
        accept.code = RadiusCode::ACCESS_ACCEPT;
        accept.identifier = 2;
        accept.attributes = {
            RadiusMppeKey::MakeAttribute(RadiusMppeKey::MS_MPPE_RECV_KEY,
                                         Bytes(32, 0xaa),
                                         secret,
                                         requestAuth2,
                                         1),
            RadiusMppeKey::MakeAttribute(RadiusMppeKey::MS_MPPE_SEND_KEY,
                                         Bytes(32, 0xbb),
                                         secret,
                                         requestAuth2,
                                         2),
            {Type::EAP_MESSAGE, EapCodec::Encode({EapCode::SUCCESS, 7, EapType::NONE, {}})},
            {Type::MESSAGE_AUTHENTICATOR, Bytes(16, 0)}};
        packets.push_back(RadiusCodec::Encode(accept));
        NS_TEST_ASSERT_MSG_EQ(
            RadiusAuthenticator::SignResponse(packets.back(), requestAuth2, secret).IsOk(),
            true,
            "");

        PcapFile pcap;
        const std::string path = CreateTempDirFilename("radius-eap.pcap");
        pcap.Open(path, std::ios::out);
        pcap.Init(PcapHelper::DLT_RAW);
        for (size_t i = 0; i < packets.size(); ++i)
        {
            RadiusPacket d;
            NS_TEST_ASSERT_MSG_EQ(RadiusCodec::Decode(packets[i], d).IsOk(), true, "decodes");
            const Bytes frame = Frame(packets[i], d.code == RadiusCode::ACCESS_REQUEST);
            pcap.Write(static_cast<uint32_t>(i), 0, frame.data(), frame.size());
        }
        pcap.Close();
        NS_TEST_ASSERT_MSG_EQ(pcap.Fail(), false, "capture written to " << path);
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Writes the RADIUS/EAP capture that test/check-radius-capture.sh gives to tshark.
 */
class RadiusCaptureTestSuite : public TestSuite
{
  public:
    RadiusCaptureTestSuite()
        : TestSuite("cxtp-ipsec-radius-capture", TestSuite::UNIT)
    {
        AddTestCase(new RadiusCaptureTestCase, TestCase::QUICK);
    }
};

static RadiusCaptureTestSuite g_radiusCaptureTestSuite; ///< the suite's static instance
