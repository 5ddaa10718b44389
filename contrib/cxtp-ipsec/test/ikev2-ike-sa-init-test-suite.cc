/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Ikev2IkeSaInitExchange between two in-memory ends, every message through the codec: both
// ends derive the same seven keys; INVALID_KE_PAYLOAD, COOKIE and NO_PROPOSAL_CHOSEN; NAT
// detection (RFC 7296 §1.2, §2.6, §2.14, §2.23).

#include "cxtp-test-isolation.h"

#include "ns3/crypto-random.h"
#include "ns3/ikev2-codec.h"
#include "ns3/ikev2-cookie-generator.h"
#include "ns3/ikev2-ike-sa-init-exchange.h"
#include "ns3/test.h"

using namespace ns3;

namespace
{

const Ipv6Address INITIATOR("2001:db8:1::10"); ///< the initiator's address
const Ipv6Address RESPONDER("2001:db8:2::1");  ///< the responder's address
constexpr uint16_t PORT = 500;                 ///< IKE port

/// \return the proposals of a list pair that must parse
Ikev2Proposals
Proposals(const std::string& ike)
{
    std::vector<Ikev2IkeChoice> i;
    std::vector<Ikev2EspChoice> e;
    NS_ABORT_IF(!Ikev2Proposals::ParseIkeList(ike, i).empty());
    NS_ABORT_IF(!Ikev2Proposals::ParseEspList("aes128-sha256", e).empty());
    return Ikev2Proposals(i, e);
}

/// \return a message after a trip through the wire encoding
Ikev2Message
Wire(const Ikev2Message& m)
{
    Ikev2Message out;
    Ikev2DecodeResult r = Ikev2Codec::DecodeMessage(Ikev2Codec::EncodeMessage(m), out);
    NS_ABORT_MSG_IF(!r.IsOk(), "decode: " << r.reason);
    return out;
}

/// The two ends of one IKE_SA_INIT.
struct Ends
{
    Ptr<CryptoRandom> rngI = CreateObject<CryptoRandom>(); ///< initiator's randomness
    Ptr<CryptoRandom> rngR = CreateObject<CryptoRandom>(); ///< responder's randomness
    Ikev2Sa initiator;                                     ///< the initiator's SA
    Ikev2Sa responder;                                     ///< the responder's candidate SA
    std::vector<std::string> responderSays;                ///< each ProcessRequest result
    std::vector<std::string> initiatorHeard;               ///< each retry or failure reason

    /**
     * \brief Runs the exchange to its end (at most 4 round trips).
     * \param i the initiator's side
     * \param r the responder's side
     * \param cookies the responder's cookie generator if it demands cookies
     * \param seenSource the source address the responder sees (a NAT changes it)
     * \return the initiator's last outcome
     */
    Ikev2IkeSaInitExchange::Outcome Run(Ikev2IkeSaInitExchange& i,
                                        Ikev2IkeSaInitExchange& r,
                                        const Ikev2CookieGenerator* cookies,
                                        Ipv6Address seenSource = INITIATOR)
    {
        rngI->AssignStreams(1);
        rngR->AssignStreams(2);
        initiator.spiI = 0x1111111111111111;
        initiator.local = INITIATOR;
        initiator.peer = RESPONDER;
        Ikev2IkeSaInitExchange::Outcome outcome = Ikev2IkeSaInitExchange::Outcome::FAILED;
        for (int round = 0; round < 4; ++round)
        {
            Ikev2Message request = Wire(i.BuildRequest(initiator, PORT));
            responder = Ikev2Sa();
            responder.originalInitiator = false;
            responder.spiI = request.header.initiatorSpi;
            responder.spiR = 0x2222222222222222;
            responder.local = RESPONDER;
            responder.peer = seenSource;
            Ikev2Message response;
            responderSays.push_back(r.ProcessRequest(request, responder, PORT, cookies, response));
            std::string reason;
            outcome = i.ProcessResponse(Wire(response), initiator, PORT, reason);
            initiatorHeard.push_back(reason);
            if (outcome != Ikev2IkeSaInitExchange::Outcome::RETRY)
            {
                break;
            }
        }
        return outcome;
    }
};

/// \return true if both ends hold the same seven non-empty (SK_a: AEAD-empty) keys
bool
SameKeys(const Ikev2Sa& a, const Ikev2Sa& b)
{
    const Ikev2IkeKeys& x = a.keys;
    const Ikev2IkeKeys& y = b.keys;
    return !x.skD.empty() && !x.skEi.empty() && !x.skPi.empty() && x.skD == y.skD &&
           x.skAi == y.skAi && x.skAr == y.skAr && x.skEi == y.skEi && x.skEr == y.skEr &&
           x.skPi == y.skPi && x.skPr == y.skPr;
}

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The plain exchange, a group retry, a cookie round trip, no common proposal, a NAT.
 */
class Ikev2IkeSaInitTestCase : public TestCase
{
  public:
    Ikev2IkeSaInitTestCase()
        : TestCase("same keys at both ends; INVALID_KE_PAYLOAD and COOKIE retries; NAT seen")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        using Outcome = Ikev2IkeSaInitExchange::Outcome;
        {
            Ends e;
            Ikev2Proposals p = Proposals("aes128-sha256-modp2048");
            Ikev2IkeSaInitExchange i(e.rngI, p);
            Ikev2IkeSaInitExchange r(e.rngR, p);
            e.initiator.algorithms = p.GetIkeChoices()[0];
            NS_TEST_EXPECT_MSG_EQ((e.Run(i, r, nullptr) == Outcome::KEYED), true, "keyed");
            NS_TEST_EXPECT_MSG_EQ(e.responderSays[0], "", "the responder keeps the SA");
            NS_TEST_EXPECT_MSG_EQ(SameKeys(e.initiator, e.responder), true, "the same keys");
            NS_TEST_EXPECT_MSG_EQ(e.initiator.spiR, 0x2222222222222222, "SPIr learnt");
            NS_TEST_EXPECT_MSG_EQ(e.initiator.keys.skEi.size(), 16, "AES-128 SK_ei");
            NS_TEST_EXPECT_MSG_EQ(e.initiator.keys.skAi.size(), 32, "HMAC-SHA2-256 SK_ai");
            NS_TEST_EXPECT_MSG_EQ(e.initiator.ni.size(), 32, "32-octet nonces");
            NS_TEST_EXPECT_MSG_EQ(e.initiator.dhPrivate.size(), 0, "private value forgotten");
            NS_TEST_EXPECT_MSG_EQ(e.initiator.natLocal || e.initiator.natPeer, false, "no NAT");
            NS_TEST_EXPECT_MSG_EQ(e.responder.natLocal || e.responder.natPeer, false, "no NAT");
            NS_TEST_EXPECT_MSG_EQ((e.responder.state == Ikev2State::INIT_ANSWERED),
                                  true,
                                  "half-open at the responder");
        }
        {
            // The initiator's first KE is MODP-2048; the responder takes ECP-256 only.
            Ends e;
            Ikev2Proposals pi = Proposals("aes128-sha256-modp2048,aes256gcm16-prfsha256-ecp256");
            Ikev2Proposals pr = Proposals("aes256gcm16-prfsha256-ecp256");
            Ikev2IkeSaInitExchange i(e.rngI, pi);
            Ikev2IkeSaInitExchange r(e.rngR, pr);
            e.initiator.algorithms = pi.GetIkeChoices()[0];
            NS_TEST_EXPECT_MSG_EQ((e.Run(i, r, nullptr) == Outcome::KEYED), true, "keyed");
            NS_TEST_ASSERT_MSG_EQ(e.responderSays.size(), 2, "two round trips");
            NS_TEST_EXPECT_MSG_EQ(e.responderSays[0], "INVALID_KE_PAYLOAD", "wrong group");
            NS_TEST_EXPECT_MSG_EQ(e.initiatorHeard[0], "the responder wants group 19", "retry");
            NS_TEST_EXPECT_MSG_EQ(SameKeys(e.initiator, e.responder), true, "the same keys");
            NS_TEST_EXPECT_MSG_EQ(e.initiator.keys.skEi.size(), 36, "AES-256-GCM key and salt");
            NS_TEST_EXPECT_MSG_EQ(e.initiator.keys.skAi.size(), 0, "no SK_ai with AES-GCM");
        }
        {
            Ends e;
            Ikev2Proposals p = Proposals("aes128-sha1-curve25519");
            Ikev2IkeSaInitExchange i(e.rngI, p);
            Ikev2IkeSaInitExchange r(e.rngR, p);
            Ikev2CookieGenerator cookies(std::vector<uint8_t>(32, 0x5a));
            e.initiator.algorithms = p.GetIkeChoices()[0];
            NS_TEST_EXPECT_MSG_EQ((e.Run(i, r, &cookies) == Outcome::KEYED), true, "keyed");
            NS_TEST_ASSERT_MSG_EQ(e.responderSays.size(), 2, "two round trips");
            NS_TEST_EXPECT_MSG_EQ(e.responderSays[0], "COOKIE", "a cookie first");
            NS_TEST_EXPECT_MSG_EQ(e.responderSays[1], "", "then the SA");
            NS_TEST_EXPECT_MSG_EQ(e.initiator.cookie.size(),
                                  Ikev2CookieGenerator::COOKIE_LENGTH,
                                  "the cookie echoed");
            NS_TEST_EXPECT_MSG_EQ(SameKeys(e.initiator, e.responder), true, "the same keys");
        }
        {
            Ends e;
            Ikev2Proposals pi = Proposals("3des-sha1-modp1024");
            Ikev2Proposals pr = Proposals("aes256-sha512-modp3072");
            Ikev2IkeSaInitExchange i(e.rngI, pi);
            Ikev2IkeSaInitExchange r(e.rngR, pr);
            e.initiator.algorithms = pi.GetIkeChoices()[0];
            NS_TEST_EXPECT_MSG_EQ((e.Run(i, r, nullptr) == Outcome::FAILED), true, "failed");
            NS_TEST_EXPECT_MSG_EQ(e.responderSays[0], "NO_PROPOSAL_CHOSEN", "nothing in common");
            NS_TEST_EXPECT_MSG_EQ(e.initiatorHeard[0], "IKE_SA_INIT refused, notify 14", "heard");
        }
        {
            // A NAT in front of the initiator: the responder sees another source.
            Ends e;
            Ikev2Proposals p = Proposals("aes128-sha256-ecp256");
            Ikev2IkeSaInitExchange i(e.rngI, p);
            Ikev2IkeSaInitExchange r(e.rngR, p);
            e.initiator.algorithms = p.GetIkeChoices()[0];
            NS_TEST_EXPECT_MSG_EQ(
                (e.Run(i, r, nullptr, Ipv6Address("2001:db8:9::1")) == Outcome::KEYED),
                true,
                "keyed");
            NS_TEST_EXPECT_MSG_EQ(e.responder.natPeer, true, "the responder sees the NAT");
            NS_TEST_EXPECT_MSG_EQ(e.initiator.natLocal,
                                  true,
                                  "the initiator learns it is behind a NAT");
            NS_TEST_EXPECT_MSG_EQ(SameKeys(e.initiator, e.responder), true, "the same keys");
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Suite of Ikev2IkeSaInitExchange.
 */
class Ikev2IkeSaInitTestSuite : public TestSuite
{
  public:
    Ikev2IkeSaInitTestSuite()
        : TestSuite("cxtp-ipsec-ikev2-ike-sa-init", UNIT)
    {
        AddTestCase(new Ikev2IkeSaInitTestCase, TestCase::QUICK);
    }
};

/// Static instance.
static Ikev2IkeSaInitTestSuite g_ikev2IkeSaInitTestSuite;
