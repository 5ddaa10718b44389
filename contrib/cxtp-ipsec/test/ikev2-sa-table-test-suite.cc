/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Ikev2SaTable: SAs under our own SPI, responder look-up of a retransmitted IKE_SA_INIT,
// half-open count, newest established SA (RFC 7296 §2.1, §2.6).

#include "cxtp-test-isolation.h"

#include "ns3/crypto-random.h"
#include "ns3/ikev2-sa-table.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

using namespace ns3;

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Creating, finding and erasing SAs of both roles.
 */
class Ikev2SaTableTestCase : public TestCase
{
  public:
    Ikev2SaTableTestCase()
        : TestCase("SAs keyed by our SPI; a responder finds its SA by the initiator's SPI")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        Ptr<CryptoRandom> rng = CreateObject<CryptoRandom>();
        Ikev2SaTable table;
        const Ipv6Address peer("2001:db8::1");
        const Ipv6Address other("2001:db8::2");

        Ikev2Sa& mine = table.Create(peer, true, 0, *rng);
        uint64_t mySpi = mine.spiI;
        NS_TEST_EXPECT_MSG_NE(mySpi, 0, "a non-zero SPIi");
        NS_TEST_EXPECT_MSG_EQ(mine.spiR, 0, "SPIr unknown before the response");
        NS_TEST_EXPECT_MSG_EQ(mine.GetLocalSpi(), mySpi, "our SPI is SPIi");

        const uint64_t theirSpi = 0x0102030405060708;
        Ikev2Sa& answered = table.Create(peer, false, theirSpi, *rng);
        uint64_t answeredSpi = answered.spiR;
        answered.state = Ikev2State::INIT_ANSWERED;
        NS_TEST_EXPECT_MSG_EQ(answered.spiI, theirSpi, "SPIi is the initiator's");
        NS_TEST_EXPECT_MSG_NE(answeredSpi, 0, "a non-zero SPIr");
        NS_TEST_EXPECT_MSG_EQ(answered.GetLocalSpi(), answeredSpi, "our SPI is SPIr");
        NS_TEST_EXPECT_MSG_EQ((table.Find(mySpi) != nullptr), true, "found by SPIi");
        NS_TEST_EXPECT_MSG_EQ((table.Find(answeredSpi) != nullptr), true, "found by SPIr");
        NS_TEST_EXPECT_MSG_EQ((table.FindResponderSa(theirSpi, peer) == table.Find(answeredSpi)),
                              true,
                              "a retransmitted IKE_SA_INIT finds the SA it created");
        NS_TEST_EXPECT_MSG_EQ((table.FindResponderSa(theirSpi, other) == nullptr),
                              true,
                              "the same SPIi from another address is another initiator");
        NS_TEST_EXPECT_MSG_EQ(table.CountHalfOpen(), 1, "one half-open SA");

        std::vector<uint8_t> pair = answered.GetSpiPair();
        NS_TEST_EXPECT_MSG_EQ(pair.size(), 16, "SPIi | SPIr");
        NS_TEST_EXPECT_MSG_EQ(+pair[0], 0x01, "SPIi first, network order");
        NS_TEST_EXPECT_MSG_EQ(+pair[7], 0x08, "SPIi first, network order");

        // Two established SAs with one peer: the newer one is the one a transfer takes.
        Simulator::Schedule(Seconds(1), [&]() {
            Ikev2Sa* a = table.Find(mySpi);
            a->state = Ikev2State::ESTABLISHED;
            a->established = Simulator::Now();
        });
        Simulator::Schedule(Seconds(2), [&]() {
            Ikev2Sa* b = table.Find(answeredSpi);
            b->state = Ikev2State::ESTABLISHED;
            b->established = Simulator::Now();
        });
        Simulator::Run();
        Simulator::Destroy();
        const Ikev2Sa* newest = table.FindNewestEstablished(peer);
        NS_TEST_EXPECT_MSG_EQ((newest && newest->GetLocalSpi() == answeredSpi),
                              true,
                              "the newest established SA");
        NS_TEST_EXPECT_MSG_EQ(table.CountHalfOpen(), 0, "none half-open once established");
        NS_TEST_EXPECT_MSG_EQ((table.FindNewestEstablished(other) == nullptr), true, "none");

        table.Erase(answeredSpi);
        NS_TEST_EXPECT_MSG_EQ((table.FindResponderSa(theirSpi, peer) == nullptr),
                              true,
                              "erased with its responder entry");
        NS_TEST_EXPECT_MSG_EQ(table.GetAll().size(), 1, "one SA left");
        table.Clear();
        NS_TEST_EXPECT_MSG_EQ(table.GetAll().size(), 0, "cleared");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Suite of Ikev2SaTable.
 */
class Ikev2SaTableTestSuite : public TestSuite
{
  public:
    Ikev2SaTableTestSuite()
        : TestSuite("cxtp-ipsec-ikev2-sa-table", UNIT)
    {
        AddTestCase(new Ikev2SaTableTestCase, TestCase::QUICK);
    }
};

/// Static instance.
static Ikev2SaTableTestSuite g_ikev2SaTableTestSuite;
