/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Ikev2IkeAuthExchange after a real IKE_SA_INIT, every message through the codec and the SK
// payload protection: both ends established with the same CHILD_SA keys and crossed SPIs,
// selectors narrowed; wrong PSK, no common ESP proposal, unacceptable selectors, a tampered
// AUTH (RFC 7296 §1.2, §2.9, §2.15, §2.17).

#include "cxtp-test-isolation.h"
#include "ikev2-test-ike-pair.h"

#include "ns3/ikev2-authenticator.h"
#include "ns3/ikev2-ike-auth-exchange.h"
#include "ns3/test.h"

using namespace ns3;

namespace
{

/// The harness of one IKE_SA_INIT and IKE_AUTH.
using AuthRun = Ikev2TestIkePair;

const std::vector<uint8_t> PSK(32, 0x42); ///< the shared key

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief IKE_AUTH with a PSK: success, and each way it fails.
 */
class Ikev2IkeAuthTestCase : public TestCase
{
  public:
    Ikev2IkeAuthTestCase()
        : TestCase("PSK IKE_AUTH: same CHILD_SA keys, crossed SPIs, narrowed selectors; failures")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        Ikev2Proposals p = AuthRun::Proposals("aes128-sha256-modp2048", "aes128-sha256");
        {
            AuthRun r;
            r.Auth(p, p, PSK, PSK, AuthRun::MnPrefix());
            NS_TEST_EXPECT_MSG_EQ(r.gatewaySays, "", "the gateway makes both SAs");
            NS_TEST_EXPECT_MSG_EQ(r.mnSays, "", "the MN takes them");
            NS_TEST_EXPECT_MSG_EQ(
                (r.mn.state == Ikev2State::ESTABLISHED && r.gw.state == Ikev2State::ESTABLISHED),
                true,
                "established at both ends");
            NS_TEST_EXPECT_MSG_EQ(r.mnChild.outboundSpi,
                                  0xd0000002,
                                  "the MN sends to the gateway's");
            NS_TEST_EXPECT_MSG_EQ(r.gwChild.outboundSpi,
                                  0xc0000001,
                                  "the gateway sends to the MN's");
            NS_TEST_EXPECT_MSG_EQ((r.mnKeys.encryptionIr == r.gwKeys.encryptionIr &&
                                   r.mnKeys.integrityIr == r.gwKeys.integrityIr &&
                                   r.mnKeys.encryptionRi == r.gwKeys.encryptionRi &&
                                   r.mnKeys.integrityRi == r.gwKeys.integrityRi),
                                  true,
                                  "the same ESP keys");
            NS_TEST_EXPECT_MSG_EQ(r.mnKeys.encryptionIr.size(), 16, "AES-128 key");
            NS_TEST_EXPECT_MSG_EQ((r.mnKeys.encryptionIr != r.mnKeys.encryptionRi),
                                  true,
                                  "one key per direction");
            NS_TEST_ASSERT_MSG_EQ(r.mnChild.tsr.size(), 1, "one responder-side selector");
            NS_TEST_EXPECT_MSG_EQ(Ipv6Address(r.mnChild.tsr[0].startAddress.data()),
                                  Ipv6Address("2001:db8::"),
                                  "narrowed to the gateway's range");
            NS_TEST_EXPECT_MSG_EQ(r.gw.initialContact, true, "INITIAL_CONTACT heard");
            NS_TEST_EXPECT_MSG_EQ(r.mn.nextRequestId, 2, "the next request is message 2");
        }
        {
            AuthRun r;
            r.Auth(p, p, PSK, std::vector<uint8_t>(32, 0x43), AuthRun::MnPrefix());
            NS_TEST_EXPECT_MSG_EQ(r.gatewaySays, "AUTHENTICATION_FAILED", "wrong PSK");
            NS_TEST_EXPECT_MSG_EQ(r.mnSays, "IKE_AUTH refused, notify 24", "the MN hears it");
            NS_TEST_EXPECT_MSG_EQ((r.mn.state == Ikev2State::FAILED), true, "no IKE SA");
        }
        {
            AuthRun r;
            r.Auth(p,
                   AuthRun::Proposals("aes128-sha256-modp2048", "aes256gcm16"),
                   PSK,
                   PSK,
                   AuthRun::MnPrefix());
            NS_TEST_EXPECT_MSG_EQ(r.gatewaySays, "NO_PROPOSAL_CHOSEN", "no common ESP");
            NS_TEST_EXPECT_MSG_EQ(r.mnSays, "no CHILD_SA, notify 14", "the MN hears it");
            NS_TEST_EXPECT_MSG_EQ((r.mn.state == Ikev2State::ESTABLISHED), true, "IKE SA stands");
        }
        {
            AuthRun r;
            std::vector<Ikev2TrafficSelector> elsewhere = {
                Ikev2TrafficSelector::Ipv6Range(Ipv6Address("2001:db8:7::"),
                                                Ipv6Address("2001:db8:7::ffff"))};
            r.Auth(p, p, PSK, PSK, elsewhere);
            NS_TEST_EXPECT_MSG_EQ(r.gatewaySays, "TS_UNACCEPTABLE", "the MN is not ours");
            NS_TEST_EXPECT_MSG_EQ(r.mnSays, "no CHILD_SA, notify 38", "the MN hears it");
        }
        {
            AuthRun r;
            r.tamperAuth = true;
            r.Auth(p, p, PSK, PSK, AuthRun::MnPrefix());
            NS_TEST_EXPECT_MSG_EQ(r.mnSays,
                                  "the responder's AUTH does not verify",
                                  "a tampered AUTH");
            NS_TEST_EXPECT_MSG_EQ((r.mn.state == Ikev2State::FAILED), true, "no IKE SA");
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The initiator's AUTH after EAP (RFC 7296 §2.16): keyed by the MSK, or by SK_pi when
 * the method made none, over the initiator's signed octets with the EAP identity as IDi.
 */
class Ikev2EapAuthKeyTestCase : public TestCase
{
  public:
    Ikev2EapAuthKeyTestCase()
        : TestCase("AUTH after EAP: the MSK, or SK_pi without one (§2.16)")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        Ikev2Proposals p = AuthRun::Proposals("aes128-sha256-modp2048", "aes128-sha256");
        AuthRun r;
        r.Init(p, p);
        Ikev2Credentials credentials;
        credentials.useEap = true;
        credentials.eap.identity = "mobile@cxtp.example";
        const std::vector<uint8_t> idBody = Ikev2Authenticator::IdPayloadBody(
            Ikev2IdType::ID_RFC822_ADDR,
            {credentials.eap.identity.begin(), credentials.eap.identity.end()});
        const std::vector<uint8_t> octets = Ikev2Authenticator::SignedOctets(r.mn.algorithms.prf,
                                                                             r.mn.initRequest,
                                                                             r.mn.nr,
                                                                             r.mn.keys.skPi,
                                                                             idBody);
        Ikev2IkeAuthExchange exchange(p);
        const std::vector<uint8_t> msk(64, 0x6d);
        for (bool withMsk : {false, true})
        {
            Ikev2Message m = exchange.BuildEapAuthRequest(r.mn,
                                                          credentials,
                                                          withMsk ? msk : std::vector<uint8_t>());
            NS_TEST_ASSERT_MSG_EQ(m.encrypted.has_value(), true, "SK{AUTH}");
            const auto* auth = IkeFindPayload<Ikev2AuthPayload>(m.encrypted->payloads);
            NS_TEST_ASSERT_MSG_NE(auth, nullptr, "an AUTH payload");
            const std::vector<uint8_t> key = withMsk ? msk : r.mn.keys.skPi;
            NS_TEST_EXPECT_MSG_EQ(
                (auth->data == Ikev2Authenticator::PskAuth(r.mn.algorithms.prf, key, octets)),
                true,
                (withMsk ? "keyed by the MSK" : "keyed by SK_pi"));
            NS_TEST_EXPECT_MSG_EQ(
                (auth->data !=
                 Ikev2Authenticator::PskAuth(r.mn.algorithms.prf, r.mn.keys.skPr, octets)),
                true,
                "not by SK_pr");
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Traffic selector narrowing (RFC 7296 §2.9).
 */
class Ikev2NarrowTestCase : public TestCase
{
  public:
    Ikev2NarrowTestCase()
        : TestCase("narrowing: intersection of ranges, ports and protocol; empty when disjoint")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        auto ts = [](const char* a, const char* b, uint8_t proto, uint16_t p0, uint16_t p1) {
            return Ikev2TrafficSelector::Ipv6Range(Ipv6Address(a), Ipv6Address(b), proto, p0, p1);
        };
        auto n = Ikev2IkeAuthExchange::Narrow({ts("2001:db8::", "2001:db8::ffff", 0, 0, 65535)},
                                              {ts("2001:db8::100", "2001:db8:1::", 17, 500, 4500)});
        NS_TEST_ASSERT_MSG_EQ(n.size(), 1, "one intersection");
        NS_TEST_EXPECT_MSG_EQ(Ipv6Address(n[0].startAddress.data()),
                              Ipv6Address("2001:db8::100"),
                              "the later start");
        NS_TEST_EXPECT_MSG_EQ(Ipv6Address(n[0].endAddress.data()),
                              Ipv6Address("2001:db8::ffff"),
                              "the earlier end");
        NS_TEST_EXPECT_MSG_EQ(+n[0].ipProtocol, 17, "UDP from 'any' and UDP");
        NS_TEST_EXPECT_MSG_EQ(n[0].startPort, 500, "ports narrowed");
        NS_TEST_EXPECT_MSG_EQ(n[0].endPort, 4500, "ports narrowed");
        NS_TEST_EXPECT_MSG_EQ(Ikev2IkeAuthExchange::Narrow({ts("::1", "::2", 6, 0, 65535)},
                                                           {ts("::1", "::2", 17, 0, 65535)})
                                  .size(),
                              0,
                              "TCP and UDP do not meet");
        NS_TEST_EXPECT_MSG_EQ(Ikev2IkeAuthExchange::Narrow({ts("::1", "::2", 0, 0, 65535)},
                                                           {ts("::3", "::4", 0, 0, 65535)})
                                  .size(),
                              0,
                              "disjoint ranges");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Suite of Ikev2IkeAuthExchange.
 */
class Ikev2IkeAuthTestSuite : public TestSuite
{
  public:
    Ikev2IkeAuthTestSuite()
        : TestSuite("cxtp-ipsec-ikev2-ike-auth", UNIT)
    {
        AddTestCase(new Ikev2IkeAuthTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2EapAuthKeyTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2NarrowTestCase, TestCase::QUICK);
    }
};

/// Static instance.
static Ikev2IkeAuthTestSuite g_ikev2IkeAuthTestSuite;
