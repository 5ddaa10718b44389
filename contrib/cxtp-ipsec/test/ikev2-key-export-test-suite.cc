/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Ikev2KeyExport: the lines of Wireshark's ikev2_decryption_table for AES-CBC and AES-GCM IKE
// SAs (RFC 7296 §2.14, RFC 5282 §7.1), one line per SPI pair, and a daemon pair whose two ends
// export the same keys, the IKE SA rekeyed by CREATE_CHILD_SA (§1.3.2) on a new line.

#include "cxtp-test-isolation.h"

#include "ns3/boolean.h"
#include "ns3/cxtp-ipsec-module.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// \param first the first byte \param n how many \return first, first + 1, ...
std::vector<uint8_t>
Bytes(uint8_t first, uint32_t n)
{
    std::vector<uint8_t> b(n);
    for (uint32_t i = 0; i < n; ++i)
    {
        b[i] = static_cast<uint8_t>(first + i);
    }
    return b;
}

/// \return a keyed AES-CBC-128 / HMAC-SHA2-256-128 IKE SA with recognisable keys
Ikev2Sa
CbcSa()
{
    Ikev2Sa sa;
    sa.spiI = 0x0123456789abcdef;
    sa.spiR = 0xfedcba9876543210;
    sa.algorithms.encr = Ikev2EncrId::ENCR_AES_CBC;
    sa.algorithms.keyBits = 128;
    sa.algorithms.integ = Ikev2IntegId::AUTH_HMAC_SHA2_256_128;
    sa.keys.skEi = Bytes(0x00, 16);
    sa.keys.skEr = Bytes(0x10, 16);
    sa.keys.skAi = Bytes(0x20, 32);
    sa.keys.skAr = Bytes(0x40, 32);
    return sa;
}

/**
 * \ingroup cxtp-ipsec-tests
 * \brief FormatLine against lines written by hand.
 */
class Ikev2KeyExportFormatTestCase : public TestCase
{
  public:
    Ikev2KeyExportFormatTestCase()
        : TestCase(
              "FormatLine: AES-CBC with HMAC-SHA2-256-128; AES-GCM key and salt, NONE, no SK_a")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_EXPECT_MSG_EQ(Ikev2KeyExport::FormatLine(CbcSa()),
                              "0123456789abcdef,fedcba9876543210,"
                              "000102030405060708090a0b0c0d0e0f,"
                              "101112131415161718191a1b1c1d1e1f,"
                              "\"AES-CBC-128 [RFC3602]\","
                              "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f,"
                              "404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f,"
                              "\"HMAC_SHA2_256_128 [RFC4868]\"",
                              "the AES-CBC line");

        Ikev2Sa gcm;
        gcm.spiI = 0x00000000000000ff;
        gcm.spiR = 0x1000000000000001;
        gcm.algorithms.encr = Ikev2EncrId::ENCR_AES_GCM_16;
        gcm.algorithms.keyBits = 256;
        gcm.algorithms.integ = Ikev2IntegId::NONE;
        gcm.keys.skEi = Bytes(0xa0, 36); // 32-octet key, then the 4-octet salt
        gcm.keys.skEr = Bytes(0xc8, 36);
        NS_TEST_EXPECT_MSG_EQ(Ikev2KeyExport::FormatLine(gcm),
                              "00000000000000ff,1000000000000001,"
                              "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf"
                              "c0c1c2c3,"
                              "c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7"
                              "e8e9eaeb,"
                              "\"AES-GCM-256 with 16 octet ICV [RFC5282]\",,,"
                              "\"NONE [RFC4306]\"",
                              "the AES-GCM line");

        NS_TEST_EXPECT_MSG_EQ(Ikev2KeyExport::GetEncryptionName(Ikev2EncrId::ENCR_3DES, 0),
                              "3DES [RFC2451]",
                              "3DES");
        NS_TEST_EXPECT_MSG_EQ(Ikev2KeyExport::GetEncryptionName(Ikev2EncrId::ENCR_AES_GCM_16, 128),
                              "AES-GCM-128 with 16 octet ICV [RFC5282]",
                              "AES-GCM-128");
        NS_TEST_EXPECT_MSG_EQ(Ikev2KeyExport::GetEncryptionName(Ikev2EncrId::ENCR_NULL, 0),
                              "",
                              "ENCR_NULL protects no IKE SA");
        NS_TEST_EXPECT_MSG_EQ(Ikev2KeyExport::GetIntegrityName(Ikev2IntegId::AUTH_HMAC_SHA1_96),
                              "HMAC_SHA1_96 [RFC2404]",
                              "HMAC-SHA1-96");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Record: one line per SPI pair.
 */
class Ikev2KeyExportDedupTestCase : public TestCase
{
  public:
    Ikev2KeyExportDedupTestCase()
        : TestCase("Record: both ends of an IKE SA give one line; new SPIs a new one")
    {
    }

  private:
    void DoRun() override
    {
        Ikev2KeyExport keys;
        Ikev2Sa initiator = CbcSa();
        Ikev2Sa responder = initiator;
        responder.originalInitiator = false;
        Ikev2Sa halfOpen = CbcSa();
        halfOpen.spiR = 0;
        keys.Record(halfOpen);
        NS_TEST_EXPECT_MSG_EQ(keys.GetLines().size(), 0u, "no line before SPIr is known");
        keys.Record(initiator);
        keys.Record(responder);
        keys.Record(initiator);
        NS_TEST_EXPECT_MSG_EQ(keys.GetLines().size(), 1u, "one line for one SPI pair");
        Ikev2Sa rekeyed = CbcSa();
        rekeyed.spiI = 0x1111111111111111;
        rekeyed.keys.skEi = Bytes(0x80, 16);
        keys.Record(rekeyed);
        NS_TEST_EXPECT_MSG_EQ(keys.GetLines().size(), 2u, "the rekeyed IKE SA is a new line");
        if (keys.GetLines().size() == 2)
        {
            NS_TEST_EXPECT_MSG_EQ(keys.GetLines()[0],
                                  Ikev2KeyExport::FormatLine(initiator),
                                  "the first SA first");
            NS_TEST_EXPECT_MSG_EQ(keys.GetLines()[1],
                                  Ikev2KeyExport::FormatLine(rekeyed),
                                  "then the rekeyed one");
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Two daemons in the static tunnel scenario: the MN's and the SG's exports are the same
 * line, and the IKE SA rekey adds one.
 */
class Ikev2KeyExportDaemonTestCase : public TestCase
{
  public:
    Ikev2KeyExportDaemonTestCase()
        : TestCase("a daemon pair: both ends export the same keys; an IKE SA rekey adds a line")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        IpsecTunnelScenario::Config config;
        config.manualKeys = false;
        config.duration = Seconds(1);
        IpsecTunnelScenario scenario(config);
        scenario.AssignStreams(0);
        Ptr<Node> mn = scenario.GetMn();
        Ptr<Node> sg = scenario.GetSg();
        Ikev2Helper::AddPreSharedKey(mn, scenario.GetSgAddress(), Ipv6Prefix(128), "secret");
        Ikev2Helper::AddPreSharedKey(sg, scenario.GetMnAddress(), Ipv6Prefix(128), "secret");
        Ikev2Helper ike;
        ike.SetAttribute("EspProposals", StringValue("aes128-sha256"));
        ApplicationContainer daemons = ike.Install(NodeContainer(mn, sg));
        daemons.Get(1)->SetAttribute("Passive", BooleanValue(true));
        Ptr<Ikev2Daemon> mnDaemon = DynamicCast<Ikev2Daemon>(daemons.Get(0));
        Ptr<Ikev2Daemon> sgDaemon = DynamicCast<Ikev2Daemon>(daemons.Get(1));

        Ptr<Ikev2KeyExport> both = Create<Ikev2KeyExport>();
        Ptr<Ikev2KeyExport> mnOnly = Create<Ikev2KeyExport>();
        Ptr<Ikev2KeyExport> sgOnly = Create<Ikev2KeyExport>();
        both->Watch(daemons);
        mnOnly->Watch(ApplicationContainer(mnDaemon));
        sgOnly->Watch(ApplicationContainer(sgDaemon));
        std::vector<std::string> first; // the first IKE SA's line, at each end
        Simulator::Schedule(MilliSeconds(600), [&]() {
            for (Ptr<Ikev2Daemon> d : {mnDaemon, sgDaemon})
            {
                const Ikev2Sa* sa =
                    d->FindSa(d == mnDaemon ? scenario.GetSgAddress() : scenario.GetMnAddress());
                first.push_back(sa ? Ikev2KeyExport::FormatLine(*sa) : "");
            }
            mnDaemon->RekeyIkeSa(scenario.GetSgAddress());
        });
        Simulator::Stop(scenario.GetStopTime());
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(first.size(), 2u, "both ends looked at");
        NS_TEST_EXPECT_MSG_NE(first[0], "", "the MN has an established IKE SA");
        NS_TEST_EXPECT_MSG_EQ(first[0], first[1], "the MN's and the SG's SA give the same line");
        NS_TEST_ASSERT_MSG_EQ(both->GetLines().size(), 2u, "the IKE SA and its rekeyed one");
        NS_TEST_EXPECT_MSG_EQ(both->GetLines()[0], first[0], "the first line: the first IKE SA");
        NS_TEST_EXPECT_MSG_EQ((mnOnly->GetLines() == both->GetLines()),
                              true,
                              "the MN alone exports the same lines");
        NS_TEST_EXPECT_MSG_EQ((sgOnly->GetLines() == both->GetLines()),
                              true,
                              "the SG alone exports the same lines");
        const Ikev2Sa* now = mnDaemon->FindSa(scenario.GetSgAddress());
        NS_TEST_ASSERT_MSG_NE(now, nullptr, "the MN has the rekeyed IKE SA");
        NS_TEST_EXPECT_MSG_EQ(both->GetLines()[1],
                              Ikev2KeyExport::FormatLine(*now),
                              "the second line: the rekeyed IKE SA");
        NS_TEST_EXPECT_MSG_NE(both->GetLines()[0].find(",\"AES-CBC-128 [RFC3602]\","),
                              std::string::npos,
                              "the default IKE proposal's cipher");
    }
};

/// The suite.
class Ikev2KeyExportTestSuite : public TestSuite
{
  public:
    Ikev2KeyExportTestSuite()
        : TestSuite("cxtp-ipsec-ikev2-key-export", UNIT)
    {
        AddTestCase(new Ikev2KeyExportFormatTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2KeyExportDedupTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2KeyExportDaemonTestCase, TestCase::QUICK);
    }
};

/// The suite's instance.
Ikev2KeyExportTestSuite g_ikev2KeyExportTestSuite;

} // namespace
