/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Ikev2CreateChildSaExchange on an MN and a gateway keyed by a real IKE_SA_INIT and IKE_AUTH,
// every message through the codec and the SK payload: new CHILD_SAs from either end, CHILD_SA
// rekeys with and without PFS (groups 14, 19, 31), INVALID_KE_PAYLOAD and the retry, the
// refusals, the IKE SA rekey with an INFORMATIONAL on the new SA, and garbled requests
// (RFC 7296 §1.3, §2.8, §2.9, §2.17, §2.18, §2.25).

#include "cxtp-test-isolation.h"
#include "ikev2-test-ike-pair.h"

#include "ns3/ikev2-codec.h"
#include "ns3/ikev2-create-child-sa-exchange.h"
#include "ns3/ikev2-informational-exchange.h"
#include "ns3/ikev2-protection.h"
#include "ns3/test.h"
#include "ns3/wire-writer.h"

#include <algorithm>
#include <functional>
#include <utility>

using namespace ns3;

namespace
{

using Pair = Ikev2TestIkePair;                     ///< the keyed MN and gateway
using Ccs = Ikev2CreateChildSaExchange;            ///< the class under test
using Tamper = std::function<void(Ikev2Message&)>; ///< changes a message before it is sent

/// \return true if two CHILD_SAs' keys are the same
bool
SameKeys(const Ikev2ChildKeys& a, const Ikev2ChildKeys& b)
{
    return a.encryptionIr == b.encryptionIr && a.integrityIr == b.integrityIr &&
           a.encryptionRi == b.encryptionRi && a.integrityRi == b.integrityRi;
}

/// \return true if two IKE SAs' seven keys are the same
bool
SameKeys(const Ikev2IkeKeys& a, const Ikev2IkeKeys& b)
{
    return a.skD == b.skD && a.skAi == b.skAi && a.skAr == b.skAr && a.skEi == b.skEi &&
           a.skEr == b.skEr && a.skPi == b.skPi && a.skPr == b.skPr;
}

/// \return the first address of a CHILD_SA side's first selector
Ipv6Address
Start(const std::vector<Ikev2TrafficSelector>& ts)
{
    return ts.empty() ? Ipv6Address::GetAny() : Ipv6Address::Deserialize(ts[0].startAddress.data());
}

/// \return the inner payload of type T of a message, or nullptr
template <typename T>
const T*
Find(const Ikev2Message& m)
{
    return IkeFindPayload<T>(Ikev2GetInnerPayloads(m));
}

/// \return the notification of a type in a message, or nullptr
const Ikev2NotifyPayload*
Notify(const Ikev2Message& m, Ikev2NotifyType type)
{
    return Ikev2FindNotify(Ikev2GetInnerPayloads(m), type);
}

/// Removes the inner payloads of type T of a message.
template <typename T>
void
Remove(Ikev2Message& m)
{
    auto& p = m.encrypted->payloads;
    p.erase(std::remove_if(p.begin(),
                           p.end(),
                           [](const Ikev2Payload& x) { return std::holds_alternative<T>(x); }),
            p.end());
}

/// What one CHILD_SA exchange did at both ends.
struct ChildRun
{
    Ikev2Message request;      ///< the request as the responder opened it
    Ikev2Message response;     ///< the response as the initiator opened it
    std::string responderSays; ///< ProcessChildRequest's result
    std::string initiatorSays; ///< ProcessChildResponse's result
    Ikev2ChildSa iChild;       ///< the initiator's CHILD_SA
    Ikev2ChildSa rChild;       ///< the responder's CHILD_SA
    Ikev2ChildKeys iKeys;      ///< its keys at the initiator
    Ikev2ChildKeys rKeys;      ///< its keys at the responder
    uint32_t rekeyed{0};       ///< the responder's inbound SPI of the CHILD_SA replaced
};

/// What one IKE SA rekey did at both ends.
struct IkeRun
{
    Ikev2Message request;      ///< the request as the responder opened it
    Ikev2Message response;     ///< the response as the initiator opened it
    std::string responderSays; ///< ProcessIkeRekeyRequest's result
    std::string initiatorSays; ///< ProcessIkeRekeyResponse's result
    Ikev2Sa iNew;              ///< the new IKE SA at the initiator
    Ikev2Sa rNew;              ///< the new IKE SA at the responder
};

/**
 * \brief An established MN and gateway (IKE_AUTH with aes128-sha256 and the IKE lists given),
 * each with its own CREATE_CHILD_SA proposals.
 */
struct Fixture
{
    Pair pair;                 ///< the keyed pair
    Ccs mnX;                   ///< the MN's exchange
    Ccs gwX;                   ///< the gateway's exchange
    Ccs::ChildPolicy gwPolicy; ///< the gateway's, as responder
    Ccs::ChildPolicy mnPolicy; ///< the MN's, as responder

    /**
     * \param espMn the MN's ESP list for CREATE_CHILD_SA
     * \param espGw the gateway's
     * \param ikeMn the MN's IKE list (IKE_SA_INIT and the rekey)
     * \param ikeGw the gateway's
     */
    Fixture(const std::string& espMn,
            const std::string& espGw,
            const std::string& ikeMn = "aes128-sha256-modp2048",
            const std::string& ikeGw = "aes128-sha256-modp2048")
        : mnX(pair.rngI, Pair::Proposals(ikeMn, espMn)),
          gwX(pair.rngR, Pair::Proposals(ikeGw, espGw))
    {
        pair.Establish(Pair::Proposals(ikeMn, "aes128-sha256"),
                       Pair::Proposals(ikeGw, "aes128-sha256"));
        gwPolicy.inboundSpi = 0xd0000004;
        gwPolicy.tsi = Pair::MnPrefix();
        gwPolicy.tsr = Pair::GatewaySide();
        mnPolicy.inboundSpi = 0xc0000004;
        mnPolicy.tsi = Pair::Anywhere();
        mnPolicy.tsr = {Ikev2TrafficSelector::Ipv6Range(Pair::MN, Pair::MN)};
    }

    /// \return the MN's request for a new CHILD_SA: its address, anywhere
    static Ccs::ChildRequest MnAsks()
    {
        Ccs::ChildRequest r;
        r.inboundSpi = 0xc0000003;
        r.tsi = {Ikev2TrafficSelector::Ipv6Range(Pair::MN, Pair::MN)};
        r.tsr = Pair::Anywhere();
        return r;
    }

    /// \return the gateway's request for a new CHILD_SA: its side, the MN's prefix
    static Ccs::ChildRequest GwAsks()
    {
        Ccs::ChildRequest r;
        r.inboundSpi = 0xd0000003;
        r.tsi = Pair::GatewaySide();
        r.tsr = Pair::MnPrefix();
        return r;
    }

    /**
     * \brief One CHILD_SA exchange through the SK payload.
     * \param fromMn whether the MN initiates it
     * \param ask what the initiator asks for
     * \param [in,out] pending the initiator's pending state
     * \param request changes the request before it is sent
     * \param response changes the response before it is sent
     * \return what happened
     */
    ChildRun Child(bool fromMn,
                   const Ccs::ChildRequest& ask,
                   Ccs::Pending& pending,
                   const Tamper& request = nullptr,
                   const Tamper& response = nullptr)
    {
        Ikev2Sa& i = fromMn ? pair.mn : pair.gw;
        Ikev2Sa& r = fromMn ? pair.gw : pair.mn;
        const Ccs& xi = fromMn ? mnX : gwX;
        const Ccs& xr = fromMn ? gwX : mnX;
        ChildRun run;
        Ikev2Message built = xi.BuildChildRequest(i, ask, pending);
        if (request)
        {
            request(built);
        }
        run.request = Pair::Carry(built, i, r, fromMn ? pair.rngI : pair.rngR);
        Ikev2Message answer;
        run.responderSays = xr.ProcessChildRequest(run.request,
                                                   r,
                                                   fromMn ? gwPolicy : mnPolicy,
                                                   answer,
                                                   run.rChild,
                                                   run.rKeys,
                                                   run.rekeyed);
        if (response)
        {
            response(answer);
        }
        run.response = Pair::Carry(answer, r, i, fromMn ? pair.rngR : pair.rngI);
        run.initiatorSays =
            xi.ProcessChildResponse(run.response, i, ask, pending, run.iChild, run.iKeys);
        return run;
    }

    /**
     * \brief One IKE SA rekey through the SK payload.
     * \param fromMn whether the MN initiates it
     * \param [in,out] pending the initiator's pending state
     * \param request changes the request before it is sent
     * \return what happened; the new SPIs are 0x1111... (initiator) and 0x2222... (responder)
     */
    IkeRun Rekey(bool fromMn, Ccs::Pending& pending, const Tamper& request = nullptr)
    {
        Ikev2Sa& i = fromMn ? pair.mn : pair.gw;
        Ikev2Sa& r = fromMn ? pair.gw : pair.mn;
        const Ccs& xi = fromMn ? mnX : gwX;
        const Ccs& xr = fromMn ? gwX : mnX;
        IkeRun run;
        Ikev2Message built = xi.BuildIkeRekeyRequest(i, 0x1111111111111111, pending);
        if (request)
        {
            request(built);
        }
        run.request = Pair::Carry(built, i, r, fromMn ? pair.rngI : pair.rngR);
        Ikev2Message answer;
        run.responderSays =
            xr.ProcessIkeRekeyRequest(run.request, r, 0x2222222222222222, answer, run.rNew);
        run.response = Pair::Carry(answer, r, i, fromMn ? pair.rngR : pair.rngI);
        run.initiatorSays = xi.ProcessIkeRekeyResponse(run.response, i, pending, run.iNew);
        return run;
    }
};

/// Installs a CHILD_SA made at both ends in their IKE SAs, as the daemon does.
void
Install(Ikev2Sa& i, Ikev2Sa& r, const ChildRun& run)
{
    i.children[run.iChild.inboundSpi] = run.iChild;
    r.children[run.rChild.inboundSpi] = run.rChild;
}

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief A new CHILD_SA (§1.3.1) from the original initiator and from the original responder.
 */
class Ikev2CcsNewChildTestCase : public TestCase
{
  public:
    Ikev2CcsNewChildTestCase()
        : TestCase("new CHILD_SA from either end: crossed SPIs, same keys, selectors, IDs, mode")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        {
            Fixture f("aes128-sha256", "aes128-sha256");
            Ccs::Pending pending;
            ChildRun run = f.Child(true, Fixture::MnAsks(), pending);
            NS_TEST_EXPECT_MSG_EQ(run.responderSays, "", "the gateway makes it");
            NS_TEST_EXPECT_MSG_EQ(run.initiatorSays, "", "the MN takes it");
            NS_TEST_EXPECT_MSG_EQ((Ccs::GetKind(run.request) == Ccs::Kind::NEW_CHILD_SA),
                                  true,
                                  "a new CHILD_SA");
            NS_TEST_EXPECT_MSG_EQ(run.iChild.outboundSpi, 0xd0000004, "the MN sends to the GW's");
            NS_TEST_EXPECT_MSG_EQ(run.rChild.outboundSpi, 0xc0000003, "the GW sends to the MN's");
            NS_TEST_EXPECT_MSG_EQ(SameKeys(run.iKeys, run.rKeys), true, "the same ESP keys");
            NS_TEST_EXPECT_MSG_EQ(run.iKeys.encryptionIr.size(), 16, "AES-128 keys");
            NS_TEST_EXPECT_MSG_EQ((run.iKeys.encryptionIr != run.iKeys.encryptionRi),
                                  true,
                                  "one key per direction");
            NS_TEST_EXPECT_MSG_EQ((run.iKeys.encryptionIr != f.pair.mnKeys.encryptionIr),
                                  true,
                                  "not the keys of the first CHILD_SA");
            NS_TEST_EXPECT_MSG_EQ((Find<Ikev2KePayload>(run.request) == nullptr),
                                  true,
                                  "no KE without PFS");
            NS_TEST_EXPECT_MSG_EQ((run.iChild.algorithms.dh == Ikev2DhId::NONE), true, "no PFS");
            NS_TEST_EXPECT_MSG_EQ(Start(run.iChild.tsr),
                                  Ipv6Address("2001:db8::"),
                                  "narrowed to the gateway's side");
            NS_TEST_EXPECT_MSG_EQ(Start(run.rChild.tsi), Pair::MN, "the MN's side is tsi");
            NS_TEST_EXPECT_MSG_EQ(run.request.header.messageId, 2, "after IKE_AUTH's 1");
            NS_TEST_EXPECT_MSG_EQ(run.request.header.initiator, true, "I: the MN's request");
            NS_TEST_EXPECT_MSG_EQ(run.response.header.messageId, 2, "the response echoes it");
            NS_TEST_EXPECT_MSG_EQ(run.response.header.response, true, "R set");
            NS_TEST_EXPECT_MSG_EQ(f.pair.mn.nextRequestId, 3, "the MN's next request");
            NS_TEST_EXPECT_MSG_EQ(f.pair.gw.nextExpectedId, 3, "the gateway expects 3");

            // Now the gateway, the original responder, asks for one.
            Ccs::Pending gwPending;
            ChildRun back = f.Child(false, Fixture::GwAsks(), gwPending);
            NS_TEST_EXPECT_MSG_EQ(back.responderSays, "", "the MN makes it");
            NS_TEST_EXPECT_MSG_EQ(back.initiatorSays, "", "the gateway takes it");
            NS_TEST_EXPECT_MSG_EQ(SameKeys(back.iKeys, back.rKeys), true, "the same ESP keys");
            NS_TEST_EXPECT_MSG_EQ(back.request.header.messageId, 0, "the gateway's first request");
            NS_TEST_EXPECT_MSG_EQ(back.request.header.initiator, false, "no I flag");
            NS_TEST_EXPECT_MSG_EQ(f.pair.gw.nextRequestId, 1, "the gateway's next request");
            NS_TEST_EXPECT_MSG_EQ(f.pair.mn.nextExpectedId, 1, "the MN expects 1");
            NS_TEST_EXPECT_MSG_EQ(f.pair.mn.nextRequestId, 3, "the MN's own counter stands");
            NS_TEST_EXPECT_MSG_EQ(Start(back.iChild.tsi),
                                  Pair::MN,
                                  "tsi stays the original initiator's side (narrowed to the MN)");
            NS_TEST_EXPECT_MSG_EQ(Start(back.rChild.tsi), Pair::MN, "at both ends");
            NS_TEST_EXPECT_MSG_EQ(Start(back.rChild.tsr),
                                  Ipv6Address("2001:db8::"),
                                  "and tsr the gateway's");
        }
        for (bool accept : {true, false})
        {
            Fixture f("aes128-sha256", "aes128-sha256");
            f.gwPolicy.transportMode = accept;
            Ccs::ChildRequest ask = Fixture::MnAsks();
            ask.transportMode = true;
            Ccs::Pending pending;
            ChildRun run = f.Child(true, ask, pending);
            NS_TEST_EXPECT_MSG_EQ(run.initiatorSays, "", "made either way (§1.3.1)");
            NS_TEST_EXPECT_MSG_EQ(
                (Notify(run.request, Ikev2NotifyType::USE_TRANSPORT_MODE) != nullptr),
                true,
                "asked for");
            NS_TEST_EXPECT_MSG_EQ(
                (Notify(run.response, Ikev2NotifyType::USE_TRANSPORT_MODE) != nullptr),
                accept,
                "agreed to or not");
            NS_TEST_EXPECT_MSG_EQ(run.iChild.transportMode, accept, "the MN's mode");
            NS_TEST_EXPECT_MSG_EQ(run.rChild.transportMode, accept, "the gateway's mode");
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The rekey of a CHILD_SA (§1.3.3) without PFS and with groups 14, 19 and 31 (§2.17).
 */
class Ikev2CcsChildRekeyTestCase : public TestCase
{
  public:
    Ikev2CcsChildRekeyTestCase()
        : TestCase("CHILD_SA rekey without PFS and with groups 14, 19, 31; REKEY_SA's SPI; delete")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        const std::pair<const char*, Ikev2DhId> cases[] = {
            {"aes128-sha256", Ikev2DhId::NONE},
            {"aes128-sha256-modp2048", Ikev2DhId::MODP_2048},
            {"aes128-sha256-ecp256", Ikev2DhId::ECP_256},
            {"aes128-sha256-curve25519", Ikev2DhId::CURVE25519},
        };
        for (const auto& [esp, group] : cases)
        {
            std::string g = std::to_string(static_cast<uint16_t>(group));
            Fixture f(esp, esp);
            Ccs::ChildRequest ask =
                Ccs::MakeRekeyRequest(f.pair.mn, f.pair.mn.children.at(0xc0000001), 0xc0000005);
            NS_TEST_EXPECT_MSG_EQ(ask.rekeySpi, 0xc0000001, "rekeys the MN's inbound SA");
            Ccs::Pending pending;
            ChildRun run = f.Child(true, ask, pending);
            NS_TEST_EXPECT_MSG_EQ(run.responderSays, "", "the gateway rekeys, group " + g);
            NS_TEST_EXPECT_MSG_EQ(run.initiatorSays, "", "the MN takes it, group " + g);
            NS_TEST_EXPECT_MSG_EQ((Ccs::GetKind(run.request) == Ccs::Kind::REKEY_CHILD_SA),
                                  true,
                                  "a CHILD_SA rekey");
            const Ikev2NotifyPayload* rekey = Notify(run.request, Ikev2NotifyType::REKEY_SA);
            NS_TEST_EXPECT_MSG_EQ((rekey != nullptr), true, "N(REKEY_SA) sent");
            NS_TEST_EXPECT_MSG_EQ((rekey && rekey->protocolId == Ikev2ProtocolId::ESP),
                                  true,
                                  "of ESP");
            NS_TEST_EXPECT_MSG_EQ((rekey && rekey->spi == WireBytesU32(0xc0000001)),
                                  true,
                                  "with the SPI its sender receives on (§1.3.3)");
            NS_TEST_EXPECT_MSG_EQ(run.rekeyed, 0xd0000002, "the gateway's half of the old pair");
            NS_TEST_EXPECT_MSG_EQ(SameKeys(run.iKeys, run.rKeys), true, "same keys, group " + g);
            NS_TEST_EXPECT_MSG_EQ((run.iKeys.encryptionIr != f.pair.mnKeys.encryptionIr &&
                                   run.iKeys.integrityRi != f.pair.mnKeys.integrityRi),
                                  true,
                                  "new keys, group " + g);
            NS_TEST_EXPECT_MSG_EQ(
                (run.iChild.algorithms.dh == group && run.rChild.algorithms.dh == group),
                true,
                "the PFS group at both ends");
            const Ikev2KePayload* kei = Find<Ikev2KePayload>(run.request);
            const Ikev2KePayload* ker = Find<Ikev2KePayload>(run.response);
            NS_TEST_EXPECT_MSG_EQ((kei != nullptr && ker != nullptr),
                                  (group != Ikev2DhId::NONE),
                                  "KEi and KEr exactly with PFS");
            NS_TEST_EXPECT_MSG_EQ((kei == nullptr || kei->group == group), true, "KEi's group");
            // KEYMAT = prf+(SK_d, Ni | Nr) without PFS; with PFS g^ir comes first (§2.17).
            const Ikev2NoncePayload* ni = Find<Ikev2NoncePayload>(run.request);
            const Ikev2NoncePayload* nr = Find<Ikev2NoncePayload>(run.response);
            NS_TEST_EXPECT_MSG_EQ((ni && nr && ni->data != nr->data), true, "two nonces");
            if (!ni || !nr)
            {
                return;
            }
            Ikev2ChildKeys noPfs;
            NS_TEST_EXPECT_MSG_EQ(
                f.pair.mn.DeriveChildKeys(run.iChild.algorithms, {}, ni->data, nr->data, noPfs),
                true,
                "KEYMAT from the nonces alone");
            NS_TEST_EXPECT_MSG_EQ(SameKeys(run.iKeys, noPfs),
                                  (group == Ikev2DhId::NONE),
                                  "g^ir in KEYMAT exactly with PFS, group " + g);
            NS_TEST_EXPECT_MSG_EQ((run.iChild.tsi.size() == 1 && run.iChild.tsr.size() == 1 &&
                                   Start(run.iChild.tsi) == Pair::MN &&
                                   Start(run.iChild.tsr) == Ipv6Address("2001:db8::")),
                                  true,
                                  "the old CHILD_SA's selectors");

            // The daemon installs the new pair, then the rekey's initiator deletes the old.
            Install(f.pair.mn, f.pair.gw, run);
            Ikev2InformationalExchange::Result atGw;
            Ikev2InformationalExchange::Result atMn;
            Ikev2Message del = Pair::Carry(
                Ikev2InformationalExchange::BuildDeleteChildren(f.pair.mn, {ask.rekeySpi}),
                f.pair.mn,
                f.pair.gw,
                f.pair.rngI);
            Ikev2Message ack;
            Ikev2InformationalExchange::ProcessRequest(del, f.pair.gw, ack, atGw);
            Ikev2InformationalExchange::ProcessResponse(
                Pair::Carry(ack, f.pair.gw, f.pair.mn, f.pair.rngR),
                f.pair.mn,
                atMn);
            NS_TEST_EXPECT_MSG_EQ((atGw.deletedChildren == std::vector<uint32_t>{run.rekeyed}),
                                  true,
                                  "the gateway deletes the old half it named");
            NS_TEST_EXPECT_MSG_EQ((f.pair.mn.children.size() == 1 &&
                                   f.pair.gw.children.size() == 1 &&
                                   f.pair.mn.children.count(0xc0000005) == 1),
                                  true,
                                  "only the new pair is left");
        }
        {
            // The gateway, the original responder, rekeys with PFS: its SPI, its side as TSi.
            Fixture f("aes128-sha256-ecp256", "aes128-sha256-ecp256");
            Ccs::ChildRequest ask =
                Ccs::MakeRekeyRequest(f.pair.gw, f.pair.gw.children.at(0xd0000002), 0xd0000006);
            NS_TEST_EXPECT_MSG_EQ(Start(ask.tsi),
                                  Ipv6Address("2001:db8::"),
                                  "TSi is the gateway's side now");
            Ccs::Pending pending;
            ChildRun run = f.Child(false, ask, pending);
            NS_TEST_EXPECT_MSG_EQ(run.responderSays, "", "the MN rekeys");
            NS_TEST_EXPECT_MSG_EQ(run.initiatorSays, "", "the gateway takes it");
            const Ikev2NotifyPayload* rekey = Notify(run.request, Ikev2NotifyType::REKEY_SA);
            NS_TEST_EXPECT_MSG_EQ((rekey != nullptr), true, "N(REKEY_SA) sent");
            NS_TEST_EXPECT_MSG_EQ((rekey && rekey->spi == WireBytesU32(0xd0000002)),
                                  true,
                                  "the gateway's inbound SPI");
            NS_TEST_EXPECT_MSG_EQ(run.rekeyed, 0xc0000001, "the MN's half of the old pair");
            NS_TEST_EXPECT_MSG_EQ(SameKeys(run.iKeys, run.rKeys), true, "the same keys");
            NS_TEST_EXPECT_MSG_EQ(
                (Start(run.iChild.tsi) == Pair::MN && Start(run.rChild.tsi) == Pair::MN),
                true,
                "tsi stays the MN's side at both ends");
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief INVALID_KE_PAYLOAD (§1.3) and the initiator's retry; the KE's group first.
 */
class Ikev2CcsInvalidKeTestCase : public TestCase
{
  public:
    Ikev2CcsInvalidKeTestCase()
        : TestCase("INVALID_KE_PAYLOAD names the responder's group and the retry succeeds")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        {
            Fixture f("aes128-sha256-modp2048,aes128-sha256-ecp256", "aes128-sha256-ecp256");
            Ccs::Pending pending;
            ChildRun run = f.Child(true, Fixture::MnAsks(), pending);
            NS_TEST_EXPECT_MSG_EQ(run.responderSays, "INVALID_KE_PAYLOAD", "group 14 refused");
            const Ikev2NotifyPayload* invalid =
                Notify(run.response, Ikev2NotifyType::INVALID_KE_PAYLOAD);
            NS_TEST_EXPECT_MSG_EQ((invalid != nullptr), true, "N(INVALID_KE_PAYLOAD)");
            NS_TEST_EXPECT_MSG_EQ(
                (invalid && Ikev2GetInvalidKeGroup(*invalid) == Ikev2DhId::ECP_256),
                true,
                "naming group 19");
            NS_TEST_EXPECT_MSG_EQ(run.initiatorSays,
                                  "the responder wants group 19",
                                  "the MN hears it");
            NS_TEST_EXPECT_MSG_EQ(pending.retry, true, "and retries");
            NS_TEST_EXPECT_MSG_EQ((pending.group == Ikev2DhId::ECP_256), true, "with group 19");
            NS_TEST_EXPECT_MSG_EQ(f.pair.mn.nextRequestId, 3, "the failed exchange took an ID");

            ChildRun retry = f.Child(true, Fixture::MnAsks(), pending);
            NS_TEST_EXPECT_MSG_EQ(retry.responderSays, "", "the retry is accepted");
            NS_TEST_EXPECT_MSG_EQ(retry.initiatorSays, "", "and taken");
            NS_TEST_EXPECT_MSG_EQ(pending.retry, false, "no further retry");
            NS_TEST_EXPECT_MSG_EQ(retry.request.header.messageId, 3, "as message 3");
            const Ikev2KePayload* kei = Find<Ikev2KePayload>(retry.request);
            NS_TEST_EXPECT_MSG_EQ((kei && kei->group == Ikev2DhId::ECP_256), true, "KEi of 19");
            NS_TEST_EXPECT_MSG_EQ((retry.iChild.algorithms.dh == Ikev2DhId::ECP_256 &&
                                   retry.rChild.algorithms.dh == Ikev2DhId::ECP_256),
                                  true,
                                  "PFS with group 19");
            NS_TEST_EXPECT_MSG_EQ(SameKeys(retry.iKeys, retry.rKeys), true, "the same keys");
        }
        {
            // The gateway prefers 19 but takes 14 too: the KE's group wins, no round trip.
            Fixture f("aes128-sha256-modp2048,aes128-sha256-ecp256",
                      "aes128-sha256-ecp256,aes128-sha256-modp2048");
            Ccs::Pending pending;
            ChildRun run = f.Child(true, Fixture::MnAsks(), pending);
            NS_TEST_EXPECT_MSG_EQ(run.responderSays, "", "accepted at once");
            NS_TEST_EXPECT_MSG_EQ((run.rChild.algorithms.dh == Ikev2DhId::MODP_2048),
                                  true,
                                  "with the KE's group");
            NS_TEST_EXPECT_MSG_EQ(SameKeys(run.iKeys, run.rKeys), true, "the same keys");
        }
        {
            // An INVALID_KE_PAYLOAD naming a group we never offered is a failure, not a retry.
            Fixture f("aes128-sha256-modp2048", "aes128-sha256-modp2048");
            Ccs::Pending pending;
            ChildRun run = f.Child(true, Fixture::MnAsks(), pending, nullptr, [](Ikev2Message& m) {
                m.encrypted->payloads = {Ikev2MakeInvalidKeNotify(Ikev2DhId::MODP_3072)};
            });
            NS_TEST_EXPECT_MSG_EQ(run.initiatorSays,
                                  "INVALID_KE_PAYLOAD for a group we did not offer",
                                  "refused");
            NS_TEST_EXPECT_MSG_EQ(pending.retry, false, "no retry");
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The responder's refusals; the IKE SA stands after each.
 */
class Ikev2CcsRefusalTestCase : public TestCase
{
  public:
    Ikev2CcsRefusalTestCase()
        : TestCase("NO_PROPOSAL_CHOSEN, PFS mismatch, TS_UNACCEPTABLE, CHILD_SA_NOT_FOUND, "
                   "TEMPORARY_FAILURE, wider selectors")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        const std::pair<const char*, const char*> mismatches[] = {
            {"aes128-sha256", "aes256gcm16"},            // no common cipher
            {"aes128-sha256-modp2048", "aes128-sha256"}, // PFS asked, not configured
            {"aes128-sha256", "aes128-sha256-modp2048"}, // PFS required, not offered
        };
        for (const auto& [mn, gw] : mismatches)
        {
            Fixture f(mn, gw);
            Ccs::Pending pending;
            ChildRun run = f.Child(true, Fixture::MnAsks(), pending);
            NS_TEST_EXPECT_MSG_EQ(run.responderSays,
                                  "NO_PROPOSAL_CHOSEN",
                                  std::string(mn) + " against " + gw);
            NS_TEST_EXPECT_MSG_EQ(run.initiatorSays,
                                  "CREATE_CHILD_SA refused, notify 14",
                                  "the MN hears it");
            NS_TEST_EXPECT_MSG_EQ(pending.retry, false, "nothing to retry");
            NS_TEST_EXPECT_MSG_EQ((f.pair.mn.state == Ikev2State::ESTABLISHED &&
                                   f.pair.gw.state == Ikev2State::ESTABLISHED),
                                  true,
                                  "the IKE SA stands");
            NS_TEST_EXPECT_MSG_EQ(f.pair.mn.nextRequestId, 3, "the exchange is over");
        }
        {
            Fixture f("aes128-sha256", "aes128-sha256");
            f.gwPolicy.tsi = {Ikev2TrafficSelector::Ipv6Range(Ipv6Address("2001:db8:7::"),
                                                              Ipv6Address("2001:db8:7::ffff"))};
            Ccs::Pending pending;
            ChildRun run = f.Child(true, Fixture::MnAsks(), pending);
            NS_TEST_EXPECT_MSG_EQ(run.responderSays, "TS_UNACCEPTABLE", "not the MN's prefix");
            NS_TEST_EXPECT_MSG_EQ(run.initiatorSays,
                                  "CREATE_CHILD_SA refused, notify 38",
                                  "the MN hears it");
        }
        {
            Fixture f("aes128-sha256", "aes128-sha256");
            Ccs::ChildRequest ask = Fixture::MnAsks();
            ask.rekeySpi = 0xc0000099;
            Ccs::Pending pending;
            ChildRun run = f.Child(true, ask, pending);
            NS_TEST_EXPECT_MSG_EQ(run.responderSays, "CHILD_SA_NOT_FOUND", "no such CHILD_SA");
            const Ikev2NotifyPayload* n = Notify(run.response, Ikev2NotifyType::CHILD_SA_NOT_FOUND);
            NS_TEST_EXPECT_MSG_EQ((n && n->spi == WireBytesU32(0xc0000099)),
                                  true,
                                  "naming the SPI (§3.10.1)");
            NS_TEST_EXPECT_MSG_EQ(run.initiatorSays,
                                  "CREATE_CHILD_SA refused, notify 44",
                                  "the MN hears it");
        }
        {
            Fixture f("aes128-sha256", "aes128-sha256");
            f.pair.gw.state = Ikev2State::REKEYED;
            Ccs::Pending pending;
            ChildRun run = f.Child(true, Fixture::MnAsks(), pending);
            NS_TEST_EXPECT_MSG_EQ(run.responderSays, "TEMPORARY_FAILURE", "a replaced IKE SA");
            NS_TEST_EXPECT_MSG_EQ(run.initiatorSays,
                                  "CREATE_CHILD_SA refused, notify 43",
                                  "the MN hears it");
        }
        {
            // A responder that answers with more than the MN asked for (§2.9).
            Fixture f("aes128-sha256", "aes128-sha256");
            Ccs::Pending pending;
            ChildRun run = f.Child(true, Fixture::MnAsks(), pending, nullptr, [](Ikev2Message& m) {
                for (Ikev2Payload& p : m.encrypted->payloads)
                {
                    if (auto* tsi = std::get_if<Ikev2TsiPayload>(&p))
                    {
                        tsi->selectors = Pair::MnPrefix();
                    }
                }
            });
            NS_TEST_EXPECT_MSG_EQ(run.responderSays, "", "the gateway made it");
            NS_TEST_EXPECT_MSG_EQ(run.initiatorSays,
                                  "the responder's traffic selectors are wider than ours",
                                  "the MN refuses the wider TSi");
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The rekey of the IKE SA (§1.3.2, §2.18) from either end, then INFORMATIONAL on it.
 */
class Ikev2CcsIkeRekeyTestCase : public TestCase
{
  public:
    Ikev2CcsIkeRekeyTestCase()
        : TestCase("IKE SA rekey: new SPIs, same new keys, CHILD_SAs moved, message ID 0 after")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        {
            Fixture f("aes128-sha256", "aes128-sha256");
            Ikev2IkeKeys oldKeys = f.pair.mn.keys;
            Ccs::Pending pending;
            IkeRun run = f.Rekey(true, pending);
            NS_TEST_EXPECT_MSG_EQ(run.responderSays, "", "the gateway rekeys");
            NS_TEST_EXPECT_MSG_EQ(run.initiatorSays, "", "the MN takes it");
            NS_TEST_EXPECT_MSG_EQ((Ccs::GetKind(run.request) == Ccs::Kind::REKEY_IKE_SA),
                                  true,
                                  "an IKE SA rekey");
            const Ikev2SaPayload* offer = Find<Ikev2SaPayload>(run.request);
            NS_TEST_EXPECT_MSG_EQ((offer != nullptr), true, "SA offered");
            bool spiInEvery = offer && !offer->proposals.empty();
            for (const Ikev2Proposal& p : offer ? offer->proposals : std::vector<Ikev2Proposal>())
            {
                spiInEvery = spiInEvery && p.spi == WireBytesU64(0x1111111111111111);
            }
            NS_TEST_EXPECT_MSG_EQ(spiInEvery, true, "the MN's new SPI in every proposal");
            const Ikev2SaPayload* answer = Find<Ikev2SaPayload>(run.response);
            NS_TEST_EXPECT_MSG_EQ((answer != nullptr), true, "SA answered");
            NS_TEST_EXPECT_MSG_EQ((answer && answer->proposals.size() == 1 &&
                                   answer->proposals[0].spi == WireBytesU64(0x2222222222222222)),
                                  true,
                                  "the gateway's new SPI in the answer");
            NS_TEST_EXPECT_MSG_EQ((Find<Ikev2KePayload>(run.request) != nullptr &&
                                   Find<Ikev2KePayload>(run.response) != nullptr),
                                  true,
                                  "KEi and KEr");
            NS_TEST_EXPECT_MSG_EQ(
                (run.iNew.spiI == 0x1111111111111111 && run.rNew.spiI == 0x1111111111111111 &&
                 run.iNew.spiR == 0x2222222222222222 && run.rNew.spiR == 0x2222222222222222),
                true,
                "the new SPIs at both ends");
            NS_TEST_EXPECT_MSG_EQ(SameKeys(run.iNew.keys, run.rNew.keys), true, "same SK_*");
            NS_TEST_EXPECT_MSG_EQ((run.iNew.keys.skD != oldKeys.skD &&
                                   run.iNew.keys.skEi != oldKeys.skEi &&
                                   run.iNew.keys.skPr != oldKeys.skPr),
                                  true,
                                  "new keys");
            NS_TEST_EXPECT_MSG_EQ((run.iNew.originalInitiator && !run.rNew.originalInitiator),
                                  true,
                                  "the MN initiated the rekey");
            NS_TEST_EXPECT_MSG_EQ((run.iNew.nextRequestId == 0 && run.iNew.nextExpectedId == 0 &&
                                   run.rNew.nextRequestId == 0 && run.rNew.nextExpectedId == 0),
                                  true,
                                  "message IDs start over");
            NS_TEST_EXPECT_MSG_EQ((run.iNew.state == Ikev2State::ESTABLISHED &&
                                   f.pair.mn.state == Ikev2State::REKEYED &&
                                   f.pair.gw.state == Ikev2State::REKEYED),
                                  true,
                                  "the new SA up, the old ones replaced");
            NS_TEST_EXPECT_MSG_EQ((run.iNew.children.count(0xc0000001) == 1 &&
                                   run.rNew.children.count(0xd0000002) == 1 &&
                                   f.pair.mn.children.empty() && f.pair.gw.children.empty()),
                                  true,
                                  "the CHILD_SAs moved");
            NS_TEST_EXPECT_MSG_EQ((run.iNew.peerId.data == f.pair.mn.peerId.data),
                                  true,
                                  "the peer's identity kept");

            // Deleting the old IKE SA deletes no CHILD_SA: they live on the new one.
            Ikev2InformationalExchange::Result atGw;
            Ikev2InformationalExchange::Result atMn;
            Ikev2Message bye = Pair::Carry(Ikev2InformationalExchange::BuildDeleteIkeSa(f.pair.mn),
                                           f.pair.mn,
                                           f.pair.gw,
                                           f.pair.rngI);
            NS_TEST_EXPECT_MSG_EQ(bye.header.messageId, 3, "the old SA counts on");
            Ikev2Message ack;
            Ikev2InformationalExchange::ProcessRequest(bye, f.pair.gw, ack, atGw);
            Ikev2InformationalExchange::ProcessResponse(
                Pair::Carry(ack, f.pair.gw, f.pair.mn, f.pair.rngR),
                f.pair.mn,
                atMn);
            NS_TEST_EXPECT_MSG_EQ((atGw.ikeSaDeleted && atMn.ikeSaDeleted), true, "old SA gone");
            NS_TEST_EXPECT_MSG_EQ(atGw.deletedChildren.size() + atMn.deletedChildren.size(),
                                  0,
                                  "no CHILD_SA with it");

            // INFORMATIONAL on the new SA, with its own keys and message ID 0.
            Ikev2Message live = Ikev2InformationalExchange::BuildLiveness(run.iNew);
            NS_TEST_EXPECT_MSG_EQ(live.header.messageId, 0, "the first request on the new SA");
            std::vector<uint8_t> wire =
                Ikev2Protection::Protect(live, run.iNew.GetSkKeys(true), f.pair.rngI);
            Ikev2Message in;
            NS_TEST_EXPECT_MSG_EQ(Ikev2Protection::Open(wire, f.pair.gw.GetSkKeys(true), in).IsOk(),
                                  false,
                                  "the old keys do not open it");
            bool opened = Ikev2Protection::Open(wire, run.rNew.GetSkKeys(true), in).IsOk();
            NS_TEST_EXPECT_MSG_EQ(opened, true, "the gateway's new keys do");
            if (!opened)
            {
                return;
            }
            NS_TEST_EXPECT_MSG_EQ(in.header.initiatorSpi, 0x1111111111111111, "on the new SPIs");
            Ikev2Message pong;
            Ikev2InformationalExchange::Result r1;
            Ikev2InformationalExchange::Result r2;
            NS_TEST_EXPECT_MSG_EQ(
                Ikev2InformationalExchange::ProcessRequest(in, run.rNew, pong, r1),
                "",
                "the gateway answers");
            wire = Ikev2Protection::Protect(pong, run.rNew.GetSkKeys(false), f.pair.rngR);
            NS_TEST_EXPECT_MSG_EQ(Ikev2Protection::Open(wire, run.iNew.GetSkKeys(false), in).IsOk(),
                                  true,
                                  "the MN opens the answer");
            NS_TEST_EXPECT_MSG_EQ(Ikev2InformationalExchange::ProcessResponse(in, run.iNew, r2),
                                  "",
                                  "the MN takes it");
            NS_TEST_EXPECT_MSG_EQ(run.iNew.nextRequestId, 1, "and counts on from 0");
        }
        {
            // The gateway, the original responder, rekeys: it is the new SA's original
            // initiator, and the CHILD_SAs' tsi becomes its side.
            Fixture f("aes128-sha256", "aes128-sha256");
            Ccs::Pending pending;
            IkeRun run = f.Rekey(false, pending);
            NS_TEST_EXPECT_MSG_EQ(run.responderSays, "", "the MN rekeys");
            NS_TEST_EXPECT_MSG_EQ(run.initiatorSays, "", "the gateway takes it");
            NS_TEST_EXPECT_MSG_EQ(run.request.header.initiator, false, "no I flag on the old SA");
            if (!run.responderSays.empty() || !run.initiatorSays.empty() ||
                !SameKeys(run.iNew.keys, run.rNew.keys))
            {
                return; // no new SA to go on with
            }
            NS_TEST_EXPECT_MSG_EQ((run.iNew.originalInitiator && !run.rNew.originalInitiator),
                                  true,
                                  "the gateway is the new original initiator");
            NS_TEST_EXPECT_MSG_EQ(
                run.iNew.MakeHeader(Ikev2ExchangeType::INFORMATIONAL, false, 0).initiator,
                true,
                "the gateway sets I now (§2.18)");
            NS_TEST_EXPECT_MSG_EQ(SameKeys(run.iNew.keys, run.rNew.keys), true, "same SK_*");
            NS_TEST_EXPECT_MSG_EQ(
                (Start(run.iNew.children.at(0xd0000002).tsi) == Ipv6Address("2001:db8::") &&
                 Start(run.rNew.children.at(0xc0000001).tsi) == Ipv6Address("2001:db8::")),
                true,
                "tsi: the gateway's side at both ends");
            // A CHILD_SA rekey on the new SA, from the MN, now its original responder.
            f.pair.mn = run.rNew;
            f.pair.gw = run.iNew;
            Ccs::ChildRequest ask =
                Ccs::MakeRekeyRequest(f.pair.mn, f.pair.mn.children.at(0xc0000001), 0xc0000007);
            Ccs::Pending childPending;
            ChildRun child = f.Child(true, ask, childPending);
            NS_TEST_EXPECT_MSG_EQ(child.responderSays, "", "rekeyed on the new IKE SA");
            NS_TEST_EXPECT_MSG_EQ(child.initiatorSays, "", "by its original responder");
            NS_TEST_EXPECT_MSG_EQ(child.request.header.messageId, 0, "its first request");
            NS_TEST_EXPECT_MSG_EQ(SameKeys(child.iKeys, child.rKeys), true, "same keys");
            NS_TEST_EXPECT_MSG_EQ(Start(child.iChild.tsi),
                                  Ipv6Address("2001:db8::"),
                                  "tsi: the gateway's side");
        }
        {
            // INVALID_KE_PAYLOAD on an IKE SA rekey, then the retry.
            Fixture f("aes128-sha256",
                      "aes128-sha256",
                      "aes128-sha256-modp2048,aes128-sha256-ecp256",
                      "aes128-sha256-modp2048");
            Ccs::Pending pending;
            pending.group = Ikev2DhId::ECP_256;
            IkeRun run = f.Rekey(true, pending);
            NS_TEST_EXPECT_MSG_EQ(run.responderSays, "INVALID_KE_PAYLOAD", "group 19 refused");
            NS_TEST_EXPECT_MSG_EQ(pending.retry, true, "the MN retries");
            NS_TEST_EXPECT_MSG_EQ((f.pair.mn.state == Ikev2State::ESTABLISHED),
                                  true,
                                  "nothing replaced yet");
            run = f.Rekey(true, pending);
            NS_TEST_EXPECT_MSG_EQ(run.initiatorSays, "", "with group 14");
            NS_TEST_EXPECT_MSG_EQ((run.iNew.algorithms.dh == Ikev2DhId::MODP_2048),
                                  true,
                                  "the new SA's group");
            NS_TEST_EXPECT_MSG_EQ(SameKeys(run.iNew.keys, run.rNew.keys), true, "same SK_*");
        }
        {
            Fixture f("aes128-sha256", "aes128-sha256");
            f.gwX =
                Ccs(f.pair.rngR, Pair::Proposals("aes256gcm16-prfsha384-ecp256", "aes128-sha256"));
            Ccs::Pending pending;
            IkeRun run = f.Rekey(true, pending);
            NS_TEST_EXPECT_MSG_EQ(run.responderSays, "NO_PROPOSAL_CHOSEN", "no common IKE");
            NS_TEST_EXPECT_MSG_EQ(run.initiatorSays,
                                  "CREATE_CHILD_SA refused, notify 14",
                                  "the MN hears it");
            NS_TEST_EXPECT_MSG_EQ(
                (f.pair.mn.state == Ikev2State::ESTABLISHED && f.pair.mn.children.size() == 1),
                true,
                "the old SA stands with its CHILD_SA");
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Truncated, tampered and incomplete messages fail with a reason.
 */
class Ikev2CcsGarbledTestCase : public TestCase
{
  public:
    Ikev2CcsGarbledTestCase()
        : TestCase("truncated, tampered or incomplete CREATE_CHILD_SA messages fail with a reason")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        {
            Fixture f("aes128-sha256", "aes128-sha256");
            Ccs::Pending pending;
            std::vector<uint8_t> wire = Ikev2Protection::Protect(
                f.mnX.BuildChildRequest(f.pair.mn, Fixture::MnAsks(), pending),
                f.pair.mn.GetSkKeys(true),
                f.pair.rngI);
            Ikev2Message in;
            std::vector<uint8_t> cut(wire.begin(), wire.end() - 5);
            Ikev2DecodeResult truncated = Ikev2Protection::Open(cut, f.pair.gw.GetSkKeys(true), in);
            NS_TEST_EXPECT_MSG_EQ(truncated.IsOk(), false, "a truncated request does not open");
            NS_TEST_EXPECT_MSG_NE(truncated.reason, "", "and says why");
            std::vector<uint8_t> intact = wire;
            wire[wire.size() / 2] ^= 0x40;
            Ikev2DecodeResult flipped = Ikev2Protection::Open(wire, f.pair.gw.GetSkKeys(true), in);
            NS_TEST_EXPECT_MSG_EQ((flipped.error == Ikev2DecodeError::INTEGRITY_FAILED),
                                  true,
                                  "a flipped bit fails the ICV");

            // A request whose SK payload was never opened is dropped without an answer.
            NS_TEST_EXPECT_MSG_EQ(Ikev2Codec::DecodeMessage(intact, in).IsOk(), true, "decoded");
            NS_TEST_EXPECT_MSG_EQ((in.encrypted && in.encrypted->sealed), true, "SK sealed");
            Ikev2Message response;
            Ikev2ChildSa child;
            Ikev2ChildKeys keys;
            uint32_t rekeyed = 0;
            NS_TEST_EXPECT_MSG_EQ(
                f.gwX
                    .ProcessChildRequest(in, f.pair.gw, f.gwPolicy, response, child, keys, rekeyed),
                "CREATE_CHILD_SA request without an open SK payload",
                "a sealed request");
            NS_TEST_EXPECT_MSG_EQ(response.encrypted.has_value(), false, "no answer");
        }
        {
            Fixture f("aes128-sha256", "aes128-sha256");
            Ccs::Pending pending;
            ChildRun run = f.Child(true, Fixture::MnAsks(), pending, &Remove<Ikev2NoncePayload>);
            NS_TEST_EXPECT_MSG_EQ(run.responderSays,
                                  "INVALID_SYNTAX: no SA, Nonce, TSi or TSr",
                                  "a request without Ni");
            NS_TEST_EXPECT_MSG_EQ(run.initiatorSays,
                                  "CREATE_CHILD_SA refused, notify 7",
                                  "the MN hears INVALID_SYNTAX");
        }
        {
            Fixture f("aes128-sha256-modp2048", "aes128-sha256-modp2048");
            Ccs::Pending pending;
            ChildRun run = f.Child(true, Fixture::MnAsks(), pending, [](Ikev2Message& m) {
                for (Ikev2Payload& p : m.encrypted->payloads)
                {
                    if (auto* ke = std::get_if<Ikev2KePayload>(&p))
                    {
                        std::fill(ke->data.begin(), ke->data.end(), 0); // 0: not in the group
                    }
                }
            });
            NS_TEST_EXPECT_MSG_EQ(run.responderSays,
                                  "INVALID_SYNTAX: invalid KE data for group 14",
                                  "a KE value out of range");
            NS_TEST_EXPECT_MSG_EQ(run.rKeys.encryptionIr.empty(), true, "no keys");
        }
        {
            Fixture f("aes128-sha256", "aes128-sha256");
            Ccs::Pending pending;
            IkeRun run = f.Rekey(true, pending, &Remove<Ikev2KePayload>);
            NS_TEST_EXPECT_MSG_EQ(run.responderSays,
                                  "INVALID_SYNTAX: no SA, Nonce or KE",
                                  "an IKE rekey without KEi (§1.3.2: it MUST be there)");
            NS_TEST_EXPECT_MSG_EQ(run.initiatorSays,
                                  "CREATE_CHILD_SA refused, notify 7",
                                  "the MN hears it");
            NS_TEST_EXPECT_MSG_EQ((f.pair.gw.state == Ikev2State::ESTABLISHED), true, "no rekey");
        }
        {
            Fixture f("aes128-sha256", "aes128-sha256");
            Ccs::Pending pending;
            IkeRun run = f.Rekey(true, pending, [](Ikev2Message& m) {
                for (Ikev2Payload& p : m.encrypted->payloads)
                {
                    if (auto* sa = std::get_if<Ikev2SaPayload>(&p))
                    {
                        for (Ikev2Proposal& proposal : sa->proposals)
                        {
                            proposal.spi.clear();
                        }
                    }
                }
            });
            NS_TEST_EXPECT_MSG_EQ(run.responderSays,
                                  "INVALID_SYNTAX: the proposal's SPI is not 8 octets, or 0",
                                  "an IKE rekey without the new SPI");
        }
        {
            // A response to another message ID is refused and leaves the counter alone.
            Fixture f("aes128-sha256", "aes128-sha256");
            Ccs::Pending pending;
            ChildRun run = f.Child(true, Fixture::MnAsks(), pending, nullptr, [](Ikev2Message& m) {
                m.header.messageId = 7;
            });
            NS_TEST_EXPECT_MSG_EQ(run.initiatorSays,
                                  "CREATE_CHILD_SA response to message 7, not 2",
                                  "the wrong message ID");
            NS_TEST_EXPECT_MSG_EQ(f.pair.mn.nextRequestId, 2, "the counter stays");
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Suite of Ikev2CreateChildSaExchange.
 */
class Ikev2CreateChildSaTestSuite : public TestSuite
{
  public:
    Ikev2CreateChildSaTestSuite()
        : TestSuite("cxtp-ipsec-ikev2-create-child-sa", UNIT)
    {
        AddTestCase(new Ikev2CcsNewChildTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2CcsChildRekeyTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2CcsInvalidKeTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2CcsRefusalTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2CcsIkeRekeyTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2CcsGarbledTestCase, TestCase::QUICK);
    }
};

/// Static instance.
static Ikev2CreateChildSaTestSuite g_ikev2CreateChildSaTestSuite;
