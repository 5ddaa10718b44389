/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Ikev2Proposals: strongSwan-style proposal lists, the offers they make, and the choice of
// each side (RFC 7296 §2.7, §3.3).

#include "cxtp-test-isolation.h"

#include "ns3/ikev2-proposals.h"
#include "ns3/test.h"

using namespace ns3;

namespace
{

/// \return the IKE choices of a list that must parse
std::vector<Ikev2IkeChoice>
Ike(const std::string& list)
{
    std::vector<Ikev2IkeChoice> choices;
    std::string error = Ikev2Proposals::ParseIkeList(list, choices);
    NS_ABORT_MSG_IF(!error.empty(), list << ": " << error);
    return choices;
}

/// \return the ESP choices of a list that must parse
std::vector<Ikev2EspChoice>
Esp(const std::string& list)
{
    std::vector<Ikev2EspChoice> choices;
    std::string error = Ikev2Proposals::ParseEspList(list, choices);
    NS_ABORT_MSG_IF(!error.empty(), list << ": " << error);
    return choices;
}

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Parsing and formatting of proposal lists: meanings, defaults and errors.
 */
class Ikev2ProposalsParseTestCase : public TestCase
{
  public:
    Ikev2ProposalsParseTestCase()
        : TestCase(
              "lists parse into the algorithms they name and format back; errors name the item")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        std::vector<Ikev2IkeChoice> ike =
            Ike("aes128-sha256-modp2048,aes256gcm16-prfsha384-ecp256");
        NS_TEST_ASSERT_MSG_EQ(ike.size(), 2, "two IKE choices");
        NS_TEST_EXPECT_MSG_EQ((ike[0].encr == Ikev2EncrId::ENCR_AES_CBC), true, "AES-CBC");
        NS_TEST_EXPECT_MSG_EQ(ike[0].keyBits, 128, "128-bit key");
        NS_TEST_EXPECT_MSG_EQ((ike[0].integ == Ikev2IntegId::AUTH_HMAC_SHA2_256_128),
                              true,
                              "sha256");
        NS_TEST_EXPECT_MSG_EQ((ike[0].prf == Ikev2PrfId::PRF_HMAC_SHA2_256),
                              true,
                              "PRF from sha256");
        NS_TEST_EXPECT_MSG_EQ((ike[0].dh == Ikev2DhId::MODP_2048), true, "MODP-2048");
        NS_TEST_EXPECT_MSG_EQ((ike[1].encr == Ikev2EncrId::ENCR_AES_GCM_16), true, "AES-GCM-16");
        NS_TEST_EXPECT_MSG_EQ((ike[1].integ == Ikev2IntegId::NONE), true, "no INTEG with GCM");
        NS_TEST_EXPECT_MSG_EQ((ike[1].prf == Ikev2PrfId::PRF_HMAC_SHA2_384), true, "prfsha384");
        NS_TEST_EXPECT_MSG_EQ((ike[1].dh == Ikev2DhId::ECP_256), true, "ECP-256");
        NS_TEST_EXPECT_MSG_EQ(Ikev2Proposals::FormatIkeList(ike),
                              "aes128-sha256-modp2048,aes256gcm16-prfsha384-ecp256",
                              "formats back");
        NS_TEST_EXPECT_MSG_EQ(Ikev2Proposals::FormatIkeList(Ike("3des-sha1-prfsha256-modp1024")),
                              "3des-sha1-prfsha256-modp1024",
                              "a PRF other than the integrity's hash is kept");

        std::vector<Ikev2EspChoice> esp = Esp("aes128-sha256,aes128gcm16-x25519-esn");
        NS_TEST_ASSERT_MSG_EQ(esp.size(), 2, "two ESP choices");
        NS_TEST_EXPECT_MSG_EQ((esp[0].dh == Ikev2DhId::NONE), true, "no PFS by default");
        NS_TEST_EXPECT_MSG_EQ((esp[0].esn == Ikev2EsnId::NO_ESN), true, "no ESN by default");
        NS_TEST_EXPECT_MSG_EQ((esp[1].dh == Ikev2DhId::CURVE25519), true, "PFS with X25519");
        NS_TEST_EXPECT_MSG_EQ((esp[1].esn == Ikev2EsnId::ESN), true, "ESN");
        NS_TEST_EXPECT_MSG_EQ(Ikev2Proposals::FormatEspList(esp),
                              "aes128-sha256,aes128gcm16-curve25519-esn",
                              "formats back (x25519 is an alias)");

        const std::pair<const char*, const char*> badIke[] = {
            {"aes128-sha256", "no key exchange group in 'aes128-sha256'"},
            {"aes128-modp2048", "no integrity algorithm in 'aes128-modp2048'"},
            {"aes128gcm16-modp2048",
             "AES-GCM needs a PRF (prfsha256, ...) in 'aes128gcm16-modp2048'"},
            {"aes128gcm16-sha256-prfsha256-modp2048",
             "AES-GCM takes no integrity algorithm in 'aes128gcm16-sha256-prfsha256-modp2048'"},
            {"aes128-sha256-modp2048-esn", "ESN is for ESP, not in 'aes128-sha256-modp2048-esn'"},
            {"aes128-aes256-sha1-modp1024",
             "two algorithms of one kind in 'aes128-aes256-sha1-modp1024'"},
            {"blowfish-sha1-modp1024", "unknown algorithm 'blowfish' in 'blowfish-sha1-modp1024'"},
            {"aes128-sha1-modp1024,", "empty proposal in 'aes128-sha1-modp1024,'"},
            {"", "no proposal"},
            {"sha1-modp1024", "no cipher in 'sha1-modp1024'"},
        };
        for (const auto& [list, reason] : badIke)
        {
            std::vector<Ikev2IkeChoice> choices;
            NS_TEST_EXPECT_MSG_EQ(Ikev2Proposals::ParseIkeList(list, choices),
                                  reason,
                                  "IKE list '" << list << "'");
        }
        std::vector<Ikev2EspChoice> choices;
        NS_TEST_EXPECT_MSG_EQ(Ikev2Proposals::ParseEspList("aes128-sha256-prfsha256", choices),
                              "a PRF is for IKE, not in 'aes128-sha256-prfsha256'",
                              "no PRF in ESP");
        NS_TEST_EXPECT_MSG_EQ(Ikev2Proposals::ParseEspList("aes128", choices),
                              "no integrity algorithm in 'aes128'",
                              "ESP needs integrity with CBC");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The IKE offer and both sides' choice: the responder's preference, INVALID_KE_PAYLOAD,
 * NO_PROPOSAL_CHOSEN, and the initiator's check of the answer.
 */
class Ikev2ProposalsIkeTestCase : public TestCase
{
  public:
    Ikev2ProposalsIkeTestCase()
        : TestCase("IKE: one proposal per choice; the responder's preferred match; wrong group")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        Ikev2Proposals initiator(Ike("aes128-sha1-modp1024,aes256gcm16-prfsha256-ecp256"),
                                 Esp("aes128-sha1"));
        Ikev2SaPayload offer = initiator.MakeIkeOffer({});
        NS_TEST_ASSERT_MSG_EQ(offer.proposals.size(), 2, "one proposal per choice");
        const Ikev2Proposal& first = offer.proposals[0];
        NS_TEST_EXPECT_MSG_EQ(+first.number, 1, "numbered from 1");
        NS_TEST_EXPECT_MSG_EQ(first.spi.size(), 0, "no SPI in IKE_SA_INIT (RFC 7296 §3.3.1)");
        NS_TEST_ASSERT_MSG_EQ(first.transforms.size(), 4, "ENCR, PRF, INTEG, DH");
        NS_TEST_EXPECT_MSG_EQ(first.transforms[0].GetKeyLength(), 128, "Key Length attribute");
        NS_TEST_EXPECT_MSG_EQ(offer.proposals[1].transforms.size(), 3, "no INTEG with AES-GCM");

        // The responder prefers ECP-256 with AES-GCM; the initiator's KE is MODP-1024.
        Ikev2Proposals responder(Ike("aes256gcm16-prfsha256-ecp256,aes128-sha1-modp1024"),
                                 Esp("aes128-sha1"));
        Ikev2SaPayload reply;
        Ikev2IkeChoice chosen;
        Ikev2DhId wanted = Ikev2DhId::NONE;
        NS_TEST_EXPECT_MSG_EQ(
            responder.SelectIke(offer, Ikev2DhId::MODP_1024, {}, reply, chosen, wanted),
            "",
            "the KE's group is acceptable: no retry");
        NS_TEST_EXPECT_MSG_EQ((chosen == initiator.GetIkeChoices()[0]), true, "MODP-1024 one");
        NS_TEST_ASSERT_MSG_EQ(reply.proposals.size(), 1, "one proposal answered");
        NS_TEST_EXPECT_MSG_EQ(+reply.proposals[0].number, 1, "the offered proposal's number");
        Ikev2IkeChoice seen;
        NS_TEST_EXPECT_MSG_EQ(initiator.CheckIkeAnswer(reply, seen), "", "the initiator agrees");
        NS_TEST_EXPECT_MSG_EQ((seen == chosen), true, "the same choice");

        // With the initiator's KE in a group the responder takes in no proposal: retry.
        NS_TEST_EXPECT_MSG_EQ(
            responder.SelectIke(offer, Ikev2DhId::MODP_2048, {}, reply, chosen, wanted),
            "INVALID_KE_PAYLOAD",
            "another group wanted");
        NS_TEST_EXPECT_MSG_EQ((wanted == Ikev2DhId::ECP_256), true, "our preferred group");

        Ikev2Proposals stranger(Ike("aes256-sha512-modp3072"), Esp("aes128-sha1"));
        NS_TEST_EXPECT_MSG_EQ(
            stranger.SelectIke(offer, Ikev2DhId::MODP_1024, {}, reply, chosen, wanted),
            "no acceptable IKE proposal",
            "nothing in common");

        // Answers the initiator must refuse.
        Ikev2SaPayload bad = responder.MakeIkeOffer({});
        NS_TEST_EXPECT_MSG_EQ(initiator.CheckIkeAnswer(bad, seen),
                              "the answer has 2 proposals",
                              "a whole offer is no answer");
        bad.proposals.resize(1);
        bad.proposals[0].number = 2; // proposal 1's transforms under number 2
        bad.proposals[0].transforms = offer.proposals[0].transforms;
        NS_TEST_EXPECT_MSG_EQ(initiator.CheckIkeAnswer(bad, seen),
                              "the answer's transforms are not those of proposal 2",
                              "transforms of another proposal");
        bad.proposals[0].number = 7;
        NS_TEST_EXPECT_MSG_EQ(initiator.CheckIkeAnswer(bad, seen),
                              "the answer names proposal 7, not one we offered",
                              "a number we never used");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief ESP offers and choices with and without PFS, SPIs, and INTEG NONE with AES-GCM.
 */
class Ikev2ProposalsEspTestCase : public TestCase
{
  public:
    Ikev2ProposalsEspTestCase()
        : TestCase("ESP: SPIs both ways; groups only with PFS; INTEG NONE tolerated with GCM")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        Ikev2Proposals initiator(Ike("aes128-sha1-modp1024"),
                                 Esp("aes128gcm16-modp2048,aes128-sha256-modp2048"));
        Ikev2Proposals responder(Ike("aes128-sha1-modp1024"), Esp("aes128-sha256-modp2048"));

        // IKE_AUTH: no groups offered, none required.
        Ikev2SaPayload offer = initiator.MakeEspOffer(0x11223344, false);
        NS_TEST_ASSERT_MSG_EQ(offer.proposals.size(), 2, "two ESP proposals");
        NS_TEST_EXPECT_MSG_EQ(offer.proposals[0].spi.size(), 4, "4-octet SPI");
        for (const Ikev2Transform& t : offer.proposals[1].transforms)
        {
            NS_TEST_EXPECT_MSG_EQ((t.type != Ikev2TransformType::DH), true, "no DH in IKE_AUTH");
        }
        Ikev2SaPayload reply;
        Ikev2EspChoice chosen;
        uint32_t peerSpi = 0;
        NS_TEST_EXPECT_MSG_EQ(responder.SelectEsp(offer, false, 0x55667788, reply, chosen, peerSpi),
                              "",
                              "the CBC proposal");
        NS_TEST_EXPECT_MSG_EQ(peerSpi, 0x11223344, "the initiator's SPI");
        NS_TEST_EXPECT_MSG_EQ(+reply.proposals[0].number, 2, "its number");
        NS_TEST_EXPECT_MSG_EQ((chosen.dh == Ikev2DhId::NONE), true, "no PFS in IKE_AUTH");
        Ikev2EspChoice seen;
        uint32_t responderSpi = 0;
        NS_TEST_EXPECT_MSG_EQ(initiator.CheckEspAnswer(reply, false, seen, responderSpi),
                              "",
                              "the initiator agrees");
        NS_TEST_EXPECT_MSG_EQ(responderSpi, 0x55667788, "the responder's SPI");
        NS_TEST_EXPECT_MSG_EQ((seen == chosen), true, "the same choice");

        // CREATE_CHILD_SA with PFS: the group counts.
        offer = initiator.MakeEspOffer(0x11223344, true);
        NS_TEST_EXPECT_MSG_EQ(responder.SelectEsp(offer, true, 0x55667788, reply, chosen, peerSpi),
                              "",
                              "PFS with MODP-2048");
        NS_TEST_EXPECT_MSG_EQ((chosen.dh == Ikev2DhId::MODP_2048), true, "the PFS group");
        Ikev2Proposals noPfs(Ike("aes128-sha1-modp1024"), Esp("aes128-sha256"));
        NS_TEST_EXPECT_MSG_EQ(noPfs.SelectEsp(offer, true, 1, reply, chosen, peerSpi),
                              "no acceptable ESP proposal",
                              "a responder without PFS refuses a KE it cannot use");

        // AES-GCM offered with an explicit INTEG NONE (RFC 5282 §8) is still AES-GCM.
        Ikev2Proposals gcm(Ike("aes128-sha1-modp1024"), Esp("aes128gcm16"));
        offer = gcm.MakeEspOffer(0xabcdef01, false);
        offer.proposals[0].transforms.push_back(Ikev2Transform::Integ(Ikev2IntegId::NONE));
        NS_TEST_EXPECT_MSG_EQ(gcm.SelectEsp(offer, false, 2, reply, chosen, peerSpi),
                              "",
                              "INTEG NONE tolerated");
        offer.proposals[0].spi = {1, 2};
        NS_TEST_EXPECT_MSG_EQ(gcm.SelectEsp(offer, false, 2, reply, chosen, peerSpi),
                              "no acceptable ESP proposal",
                              "an ESP proposal needs a 4-octet SPI");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Suite of Ikev2Proposals.
 */
class Ikev2ProposalsTestSuite : public TestSuite
{
  public:
    Ikev2ProposalsTestSuite()
        : TestSuite("cxtp-ipsec-ikev2-proposals", UNIT)
    {
        AddTestCase(new Ikev2ProposalsParseTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2ProposalsIkeTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2ProposalsEspTestCase, TestCase::QUICK);
    }
};

/// Static instance.
static Ikev2ProposalsTestSuite g_ikev2ProposalsTestSuite;
