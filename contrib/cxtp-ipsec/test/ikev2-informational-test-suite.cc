/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Ikev2InformationalExchange between two ends of one IKE SA, every message through the SK
// payload: deleting a CHILD_SA pair, deleting the IKE SA, the liveness check (RFC 7296 §1.4).

#include "cxtp-test-isolation.h"

#include "ns3/crypto-random.h"
#include "ns3/ikev2-informational-exchange.h"
#include "ns3/ikev2-protection.h"
#include "ns3/test.h"

using namespace ns3;

namespace
{

/// Two ends of one established IKE SA with two CHILD_SAs, and the wire between them.
struct Pair
{
    Ptr<CryptoRandom> rng = CreateObject<CryptoRandom>(); ///< IVs
    Ikev2Sa a;                                            ///< the original initiator's end
    Ikev2Sa b;                                            ///< the responder's end

    Pair()
    {
        rng->AssignStreams(3);
        a.spiI = b.spiI = 0x1010101010101010;
        a.spiR = b.spiR = 0x2020202020202020;
        b.originalInitiator = false;
        for (Ikev2Sa* sa : {&a, &b})
        {
            sa->state = Ikev2State::ESTABLISHED;
            sa->algorithms.encr = Ikev2EncrId::ENCR_AES_CBC;
            sa->algorithms.keyBits = 128;
            sa->algorithms.integ = Ikev2IntegId::AUTH_HMAC_SHA2_256_128;
            sa->keys.skEi = sa->keys.skEr = std::vector<uint8_t>(16, 0x11);
            sa->keys.skAi = sa->keys.skAr = std::vector<uint8_t>(32, 0x22);
            sa->nextRequestId = sa->nextExpectedId = 2;
        }
        // Two CHILD_SAs: at a, inbound 0xa1/0xa2 paired with b's 0xb1/0xb2.
        for (uint32_t n : {1u, 2u})
        {
            a.children[0xa0 + n].inboundSpi = 0xa0 + n;
            a.children[0xa0 + n].outboundSpi = 0xb0 + n;
            b.children[0xb0 + n].inboundSpi = 0xb0 + n;
            b.children[0xb0 + n].outboundSpi = 0xa0 + n;
        }
    }

    /**
     * \brief One exchange from \p from to \p to through the SK payload.
     * \param request the request \p from built
     * \param from the requester
     * \param to the responder
     * \param [out] atResponder what the responder did
     * \param [out] atRequester what the requester did
     * \return the response's inner payload count
     */
    size_t Exchange(const Ikev2Message& request,
                    Ikev2Sa& from,
                    Ikev2Sa& to,
                    Ikev2InformationalExchange::Result& atResponder,
                    Ikev2InformationalExchange::Result& atRequester)
    {
        Ikev2Message in;
        NS_ABORT_IF(
            !Ikev2Protection::Open(
                 Ikev2Protection::Protect(request, from.GetSkKeys(from.originalInitiator), rng),
                 to.GetSkKeys(from.originalInitiator),
                 in)
                 .IsOk());
        Ikev2Message response;
        NS_ABORT_IF(
            !Ikev2InformationalExchange::ProcessRequest(in, to, response, atResponder).empty());
        Ikev2Message back;
        NS_ABORT_IF(
            !Ikev2Protection::Open(
                 Ikev2Protection::Protect(response, to.GetSkKeys(to.originalInitiator), rng),
                 from.GetSkKeys(to.originalInitiator),
                 back)
                 .IsOk());
        NS_ABORT_IF(!Ikev2InformationalExchange::ProcessResponse(back, from, atRequester).empty());
        return back.encrypted->payloads.size();
    }
};

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Delete a CHILD_SA pair, check liveness, delete the IKE SA; message IDs advance.
 */
class Ikev2InformationalTestCase : public TestCase
{
  public:
    Ikev2InformationalTestCase()
        : TestCase("DELETE of a CHILD_SA pair (both halves go), liveness, DELETE of the IKE SA")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        Pair p;
        Ikev2InformationalExchange::Result atB;
        Ikev2InformationalExchange::Result atA;
        size_t answered = p.Exchange(Ikev2InformationalExchange::BuildDeleteChildren(p.a, {0xa1}),
                                     p.a,
                                     p.b,
                                     atB,
                                     atA);
        NS_TEST_EXPECT_MSG_EQ(answered, 1, "the responder answers with its half");
        NS_TEST_EXPECT_MSG_EQ((atB.deletedChildren == std::vector<uint32_t>{0xb1}),
                              true,
                              "b's half of the pair goes");
        NS_TEST_EXPECT_MSG_EQ((atA.deletedChildren == std::vector<uint32_t>{0xa1}),
                              true,
                              "a's half goes on the answer");
        NS_TEST_EXPECT_MSG_EQ(p.a.children.size() + p.b.children.size(), 2, "one pair left");
        NS_TEST_EXPECT_MSG_EQ(p.a.nextRequestId, 3, "a's next request is message 3");
        NS_TEST_EXPECT_MSG_EQ(p.b.nextExpectedId, 3, "b expects message 3 next");

        Ikev2InformationalExchange::Result live1;
        Ikev2InformationalExchange::Result live2;
        NS_TEST_EXPECT_MSG_EQ(
            p.Exchange(Ikev2InformationalExchange::BuildLiveness(p.b), p.b, p.a, live1, live2),
            0,
            "liveness: an empty answer");
        NS_TEST_EXPECT_MSG_EQ(live1.deletedChildren.size() + live2.deletedChildren.size(),
                              0,
                              "nothing deleted");
        NS_TEST_EXPECT_MSG_EQ(p.b.nextRequestId, 3, "b's own counter advanced");

        Ikev2InformationalExchange::Result byeB;
        Ikev2InformationalExchange::Result byeA;
        NS_TEST_EXPECT_MSG_EQ(
            p.Exchange(Ikev2InformationalExchange::BuildDeleteIkeSa(p.a), p.a, p.b, byeB, byeA),
            0,
            "an empty answer to the IKE SA's delete");
        NS_TEST_EXPECT_MSG_EQ(byeB.ikeSaDeleted && byeA.ikeSaDeleted, true, "gone at both ends");
        NS_TEST_EXPECT_MSG_EQ((byeB.deletedChildren == std::vector<uint32_t>{0xb2}),
                              true,
                              "with b's last CHILD_SA");
        NS_TEST_EXPECT_MSG_EQ((byeA.deletedChildren == std::vector<uint32_t>{0xa2}),
                              true,
                              "and a's");
        NS_TEST_EXPECT_MSG_EQ(
            (p.a.state == Ikev2State::DELETED && p.b.state == Ikev2State::DELETED),
            true,
            "DELETED");

        Ikev2Message stale = Ikev2InformationalExchange::BuildLiveness(p.b);
        stale.header.response = true;
        stale.header.messageId = 1;
        Ikev2InformationalExchange::Result ignored;
        NS_TEST_EXPECT_MSG_EQ(Ikev2InformationalExchange::ProcessResponse(stale, p.b, ignored),
                              "INFORMATIONAL response to message 1, not 3",
                              "an answer to another request");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Suite of Ikev2InformationalExchange.
 */
class Ikev2InformationalTestSuite : public TestSuite
{
  public:
    Ikev2InformationalTestSuite()
        : TestSuite("cxtp-ipsec-ikev2-informational", UNIT)
    {
        AddTestCase(new Ikev2InformationalTestCase, TestCase::QUICK);
    }
};

/// Static instance.
static Ikev2InformationalTestSuite g_ikev2InformationalTestSuite;
