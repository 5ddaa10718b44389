/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Ikev2IkeAuthExchange after a real IKE_SA_INIT, every message through the codec and the SK
// payload protection: both ends established with the same CHILD_SA keys and crossed SPIs,
// selectors narrowed; wrong PSK, no common ESP proposal, unacceptable selectors, a tampered
// AUTH (RFC 7296 §1.2, §2.9, §2.15, §2.17).

#include "cxtp-test-isolation.h"

#include "ns3/crypto-random.h"
#include "ns3/ikev2-codec.h"
#include "ns3/ikev2-ike-auth-exchange.h"
#include "ns3/ikev2-ike-sa-init-exchange.h"
#include "ns3/ikev2-protection.h"
#include "ns3/test.h"

using namespace ns3;

namespace
{

const Ipv6Address MN("2001:db8:1::10");     ///< the initiator
const Ipv6Address GATEWAY("2001:db8:2::1"); ///< the responder
constexpr uint16_t PORT = 500;              ///< IKE port

/// \return proposals from two lists that must parse
Ikev2Proposals
Proposals(const std::string& ike, const std::string& esp)
{
    std::vector<Ikev2IkeChoice> i;
    std::vector<Ikev2EspChoice> e;
    NS_ABORT_IF(!Ikev2Proposals::ParseIkeList(ike, i).empty());
    NS_ABORT_IF(!Ikev2Proposals::ParseEspList(esp, e).empty());
    return Ikev2Proposals(i, e);
}

/// \return an ID_IPV6_ADDR identity
Ikev2IdPayload
Id(const Ipv6Address& a)
{
    Ikev2IdPayload id;
    id.idType = Ikev2IdType::ID_IPV6_ADDR;
    id.data.resize(16);
    a.Serialize(id.data.data());
    return id;
}

/// One IKE_SA_INIT + IKE_AUTH between an MN and a gateway.
struct AuthRun
{
    Ptr<CryptoRandom> rngI = CreateObject<CryptoRandom>(); ///< MN's randomness
    Ptr<CryptoRandom> rngR = CreateObject<CryptoRandom>(); ///< gateway's randomness
    Ikev2Sa mn;                                            ///< the MN's IKE SA
    Ikev2Sa gw;                                            ///< the gateway's IKE SA
    Ikev2ChildSa mnChild;                                  ///< the MN's CHILD_SA
    Ikev2ChildSa gwChild;                                  ///< the gateway's CHILD_SA
    Ikev2ChildKeys mnKeys;                                 ///< its keys at the MN
    Ikev2ChildKeys gwKeys;                                 ///< its keys at the gateway
    std::string gatewaySays;                               ///< ProcessRequest's result
    std::string mnSays;                                    ///< ProcessResponse's result
    bool tamperAuth{false};                                ///< flip a bit of the gateway's AUTH

    /**
     * \param pi the MN's proposals
     * \param pr the gateway's proposals
     * \param pskI the MN's key
     * \param pskR the gateway's key
     * \param allowTsi the gateway's acceptable initiator-side selectors
     */
    void Go(const Ikev2Proposals& pi,
            const Ikev2Proposals& pr,
            const std::vector<uint8_t>& pskI,
            const std::vector<uint8_t>& pskR,
            const std::vector<Ikev2TrafficSelector>& allowTsi)
    {
        rngI->AssignStreams(1);
        rngR->AssignStreams(2);
        Init(pi, pr);
        Ikev2IkeAuthExchange ai(pi);
        Ikev2IkeAuthExchange ar(pr);
        Ikev2IkeAuthExchange::ChildRequest ask;
        ask.inboundSpi = 0xc0000001;
        ask.tsi = {Ikev2TrafficSelector::Ipv6Range(MN, MN)};
        ask.tsr = {Ikev2TrafficSelector::Ipv6Range(
            Ipv6Address("::"),
            Ipv6Address("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))};
        Ikev2IkeAuthExchange::ChildPolicy policy;
        policy.inboundSpi = 0xd0000002;
        policy.tsi = allowTsi;
        policy.tsr = {
            Ikev2TrafficSelector::Ipv6Range(Ipv6Address("2001:db8::"),
                                            Ipv6Address("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"))};

        std::vector<uint8_t> wire = Ikev2Protection::Protect(
            ai.BuildRequest(mn, Ikev2Credentials::FromPsk(pskI), ask, true),
            mn.GetSkKeys(true),
            rngI);
        Ikev2Message request;
        NS_ABORT_IF(!Ikev2Protection::Open(wire, gw.GetSkKeys(true), request).IsOk());
        Ikev2Message response;
        gatewaySays = ar.ProcessRequest(request,
                                        gw,
                                        Ikev2Credentials::FromPsk(pskR),
                                        policy,
                                        response,
                                        gwChild,
                                        gwKeys);
        if (tamperAuth)
        {
            for (auto& p : response.encrypted->payloads)
            {
                if (auto* auth = std::get_if<Ikev2AuthPayload>(&p))
                {
                    auth->data[0] ^= 1;
                }
            }
        }
        wire = Ikev2Protection::Protect(response, gw.GetSkKeys(false), rngR);
        Ikev2Message answer;
        NS_ABORT_IF(!Ikev2Protection::Open(wire, mn.GetSkKeys(false), answer).IsOk());
        mnSays =
            ai.ProcessResponse(answer, mn, Ikev2Credentials::FromPsk(pskI), ask, mnChild, mnKeys);
    }

    /// IKE_SA_INIT, keeping both messages as sent for the AUTH payloads.
    void Init(const Ikev2Proposals& pi, const Ikev2Proposals& pr)
    {
        Ikev2IkeSaInitExchange i(rngI, pi);
        Ikev2IkeSaInitExchange r(rngR, pr);
        mn.spiI = 0x0123456789abcdef;
        mn.local = MN;
        mn.peer = GATEWAY;
        mn.algorithms = pi.GetIkeChoices()[0];
        mn.localId = Id(MN);
        std::vector<uint8_t> request = Ikev2Codec::EncodeMessage(i.BuildRequest(mn, PORT));
        Ikev2Message in;
        NS_ABORT_IF(!Ikev2Codec::DecodeMessage(request, in).IsOk());
        gw.originalInitiator = false;
        gw.spiI = in.header.initiatorSpi;
        gw.spiR = 0xfedcba9876543210;
        gw.local = GATEWAY;
        gw.peer = MN;
        gw.localId = Id(GATEWAY);
        Ikev2Message out;
        NS_ABORT_IF(!r.ProcessRequest(in, gw, PORT, nullptr, out).empty());
        std::vector<uint8_t> response = Ikev2Codec::EncodeMessage(out);
        NS_ABORT_IF(!Ikev2Codec::DecodeMessage(response, in).IsOk());
        std::string reason;
        NS_ABORT_IF(i.ProcessResponse(in, mn, PORT, reason) !=
                    Ikev2IkeSaInitExchange::Outcome::KEYED);
        mn.initRequest = gw.initRequest = request;
        mn.initResponse = gw.initResponse = response;
        mn.nextRequestId = 1;
        gw.nextExpectedId = 1;
    }
};

/// The gateway's usual acceptable initiator-side selectors: the MN's /64.
std::vector<Ikev2TrafficSelector>
MnPrefix()
{
    return {Ikev2TrafficSelector::Ipv6Range(Ipv6Address("2001:db8:1::"),
                                            Ipv6Address("2001:db8:1::ffff:ffff:ffff:ffff"))};
}

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
        Ikev2Proposals p = Proposals("aes128-sha256-modp2048", "aes128-sha256");
        {
            AuthRun r;
            r.Go(p, p, PSK, PSK, MnPrefix());
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
            r.Go(p, p, PSK, std::vector<uint8_t>(32, 0x43), MnPrefix());
            NS_TEST_EXPECT_MSG_EQ(r.gatewaySays, "AUTHENTICATION_FAILED", "wrong PSK");
            NS_TEST_EXPECT_MSG_EQ(r.mnSays, "IKE_AUTH refused, notify 24", "the MN hears it");
            NS_TEST_EXPECT_MSG_EQ((r.mn.state == Ikev2State::FAILED), true, "no IKE SA");
        }
        {
            AuthRun r;
            r.Go(p, Proposals("aes128-sha256-modp2048", "aes256gcm16"), PSK, PSK, MnPrefix());
            NS_TEST_EXPECT_MSG_EQ(r.gatewaySays, "NO_PROPOSAL_CHOSEN", "no common ESP");
            NS_TEST_EXPECT_MSG_EQ(r.mnSays, "no CHILD_SA, notify 14", "the MN hears it");
            NS_TEST_EXPECT_MSG_EQ((r.mn.state == Ikev2State::ESTABLISHED), true, "IKE SA stands");
        }
        {
            AuthRun r;
            std::vector<Ikev2TrafficSelector> elsewhere = {
                Ikev2TrafficSelector::Ipv6Range(Ipv6Address("2001:db8:7::"),
                                                Ipv6Address("2001:db8:7::ffff"))};
            r.Go(p, p, PSK, PSK, elsewhere);
            NS_TEST_EXPECT_MSG_EQ(r.gatewaySays, "TS_UNACCEPTABLE", "the MN is not ours");
            NS_TEST_EXPECT_MSG_EQ(r.mnSays, "no CHILD_SA, notify 38", "the MN hears it");
        }
        {
            AuthRun r;
            r.tamperAuth = true;
            r.Go(p, p, PSK, PSK, MnPrefix());
            NS_TEST_EXPECT_MSG_EQ(r.mnSays,
                                  "the responder's AUTH does not verify",
                                  "a tampered AUTH");
            NS_TEST_EXPECT_MSG_EQ((r.mn.state == Ikev2State::FAILED), true, "no IKE SA");
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
        AddTestCase(new Ikev2NarrowTestCase, TestCase::QUICK);
    }
};

/// Static instance.
static Ikev2IkeAuthTestSuite g_ikev2IkeAuthTestSuite;
