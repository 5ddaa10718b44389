/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Tests of the SAD (RFC 4301 §4.4.2) and of IpsecSecurityAssociation::Validate: configuration
// errors, keys (inbound by SPI, outbound by SPI and destination), FindOutbound, the replay window
// of fresh and transferred SAs, time and byte lifetimes, Flush, Dump and the Change trace.

#include "cxtp-test-isolation.h"

#include "ns3/config.h"
#include "ns3/ipsec-replay-window.h"
#include "ns3/ipsec-sad.h"
#include "ns3/ipsec-security-association.h"
#include "ns3/nstime.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <string>
#include <tuple>
#include <vector>

using namespace ns3;

namespace
{

const Ipv6Address LOCAL("2001:db8:a::1");  ///< this node's outer address
const Ipv6Address PEER_B("2001:db8:b::1"); ///< a peer
const Ipv6Address PEER_C("2001:db8:c::1"); ///< another peer

/**
 * \param text a string
 * \param part what it should contain
 * \return true if text contains part
 */
bool
Contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

/**
 * \return a valid tunnel-mode AES-128-CBC / HMAC-SHA1-96 SA
 * \param direction its direction
 * \param spi its SPI
 * \param peer the peer's outer address (destination if outbound, source if inbound)
 */
IpsecSecurityAssociation
MakeSa(IpsecDirection direction, uint32_t spi, const Ipv6Address& peer = PEER_B)
{
    IpsecSecurityAssociation sa;
    sa.spi = spi;
    sa.direction = direction;
    sa.mode = IpsecMode::TUNNEL;
    sa.source = direction == IpsecDirection::OUTBOUND ? LOCAL : peer;
    sa.destination = direction == IpsecDirection::OUTBOUND ? peer : LOCAL;
    sa.encryption = IpsecEncryption::AES_128_CBC;
    sa.encryptionKey.assign(16, 0x11);
    sa.integrity = IpsecIntegrity::HMAC_SHA1_96;
    sa.integrityKey.assign(20, 0x22);
    return sa;
}

/// One Expire trace event.
struct ExpireEvent
{
    Time when;      ///< simulation time
    uint32_t spi;   ///< the SA
    bool hard;      ///< hard expiry
    bool present;   ///< the SA was still in the SAD when the trace fired
    uint64_t bytes; ///< the SA's byte counter
};

} // namespace

/**
 * \ingroup cxtp-ipsec
 * \brief Every configuration mistake gives an error that names its cause.
 */
class IpsecSaValidateTestCase : public TestCase
{
  public:
    IpsecSaValidateTestCase()
        : TestCase("SA Validate names the cause of each configuration error")
    {
    }

  private:
    /**
     * \brief Checks that an SA is refused by Validate and by the SAD.
     * \param sa the SA
     * \param part what the error must mention
     */
    void ExpectInvalid(const IpsecSecurityAssociation& sa, const std::string& part)
    {
        std::string error = sa.Validate();
        NS_TEST_EXPECT_MSG_EQ(Contains(error, part),
                              true,
                              "expected an error mentioning '" << part << "', got '" << error
                                                               << "'");
        Ptr<IpsecSad> sad = CreateObject<IpsecSad>();
        NS_TEST_EXPECT_MSG_EQ(sad->Add(sa), error, "the SAD refuses it with the same error");
        NS_TEST_EXPECT_MSG_EQ(sad->GetN(), 0u, "nothing installed for '" << part << "'");
    }

    /**
     * \brief Checks that an SA is valid.
     * \param sa the SA
     * \param what a description
     */
    void ExpectValid(const IpsecSecurityAssociation& sa, const std::string& what)
    {
        NS_TEST_EXPECT_MSG_EQ(sa.Validate(), "", what << " is valid");
    }

    void DoRun() override
    {
        const auto out = IpsecDirection::OUTBOUND;
        IpsecSecurityAssociation base = MakeSa(out, 0x1234);
        ExpectValid(base, "the base SA");

        // SPI range.
        IpsecSecurityAssociation sa = base;
        sa.spi = 255;
        ExpectInvalid(sa, "SPI values 0-255 are reserved");
        sa.spi = 0;
        ExpectInvalid(sa, "reserved");
        sa.spi = 256;
        ExpectValid(sa, "SPI 256");
        sa.spi = 0xffffffff;
        ExpectValid(sa, "SPI 0xffffffff");

        // Encryption key length of each cipher.
        struct KeyCase
        {
            IpsecEncryption enc;
            IpsecIntegrity integ;
            uint32_t rightLength;
            uint32_t wrongLength;
            std::string message;
        };

        const std::vector<KeyCase> keyCases = {
            {IpsecEncryption::TDES_CBC,
             IpsecIntegrity::HMAC_SHA1_96,
             24,
             16,
             "3des-cbc needs a 24-byte key, got 16"},
            {IpsecEncryption::AES_128_CBC,
             IpsecIntegrity::HMAC_SHA1_96,
             16,
             24,
             "aes128-cbc needs a 16-byte key, got 24"},
            {IpsecEncryption::AES_256_CBC,
             IpsecIntegrity::HMAC_SHA2_256_128,
             32,
             16,
             "aes256-cbc needs a 32-byte key, got 16"},
            {IpsecEncryption::AES_128_GCM_16,
             IpsecIntegrity::NONE,
             20,
             16,
             "aes128-gcm16 needs a 20-byte key, got 16"},
            {IpsecEncryption::AES_256_GCM_16,
             IpsecIntegrity::NONE,
             36,
             32,
             "aes256-gcm16 needs a 36-byte key, got 32"},
            {IpsecEncryption::NULL_ENC,
             IpsecIntegrity::HMAC_SHA1_96,
             0,
             16,
             "null needs a 0-byte key, got 16"},
        };
        for (const auto& c : keyCases)
        {
            sa = base;
            sa.encryption = c.enc;
            sa.integrity = c.integ;
            sa.integrityKey.assign(GetIntegrityKeyLength(c.integ), 0x22);
            sa.encryptionKey.assign(c.rightLength, 0x33);
            ExpectValid(sa,
                        ToString(c.enc) + " with a " + std::to_string(c.rightLength) + "-byte key");
            sa.encryptionKey.assign(c.wrongLength, 0x33);
            ExpectInvalid(sa, c.message);
        }

        // Integrity key length.
        sa = base;
        sa.integrityKey.assign(32, 0x22);
        ExpectInvalid(sa, "hmac-sha1-96 needs a 20-byte key, got 32");
        sa = base;
        sa.integrity = IpsecIntegrity::HMAC_SHA2_256_128;
        sa.integrityKey.assign(20, 0x22);
        ExpectInvalid(sa, "hmac-sha256-128 needs a 32-byte key, got 20");
        sa = base;
        sa.encryption = IpsecEncryption::AES_128_GCM_16;
        sa.encryptionKey.assign(20, 0x33);
        sa.integrity = IpsecIntegrity::NONE;
        sa.integrityKey.assign(4, 0x22);
        ExpectInvalid(sa, "none needs a 0-byte key, got 4");

        // Transform pairs.
        sa = base;
        sa.encryption = IpsecEncryption::AES_256_GCM_16;
        sa.encryptionKey.assign(36, 0x33);
        ExpectInvalid(sa, "aes256-gcm16 takes no separate integrity transform");
        sa = base;
        sa.integrity = IpsecIntegrity::NONE;
        sa.integrityKey.clear();
        ExpectInvalid(sa, "aes128-cbc needs an integrity transform");

        // Tunnel addresses.
        sa = base;
        sa.source = Ipv6Address::GetAny();
        ExpectInvalid(sa, "tunnel mode needs both outer addresses");
        sa = base;
        sa.destination = Ipv6Address::GetAny();
        ExpectInvalid(sa, "tunnel mode needs both outer addresses");
        sa.mode = IpsecMode::TRANSPORT;
        ExpectValid(sa, "transport mode without a destination");

        // Lifetimes.
        sa = base;
        sa.softLifetime.time = Seconds(3);
        sa.hardLifetime.time = Seconds(2);
        ExpectInvalid(sa, "soft time lifetime exceeds the hard one");
        sa.softLifetime.time = Seconds(2);
        ExpectValid(sa, "soft == hard time lifetime");
        sa.softLifetime.time = Seconds(3);
        sa.hardLifetime.time = Seconds(0);
        ExpectValid(sa, "a soft time lifetime without a hard one");
        sa = base;
        sa.softLifetime.bytes = 2001;
        sa.hardLifetime.bytes = 2000;
        ExpectInvalid(sa, "soft byte lifetime exceeds the hard one");
        sa.softLifetime.bytes = 2000;
        ExpectValid(sa, "soft == hard byte lifetime");

        // Path MTU.
        sa = base;
        sa.pathMtu = 1279;
        ExpectInvalid(sa, "path MTU below the IPv6 minimum of 1280");
        sa.pathMtu = 1280;
        ExpectValid(sa, "path MTU 1280");

        // ESN and the replay window: a fresh window (T = 0) is rebuilt by the SAD, so only a
        // transferred one (T > 0) must agree with the SA.
        sa = MakeSa(IpsecDirection::INBOUND, 0x1234);
        sa.esn = true;
        ExpectValid(sa, "a fresh ESN SA with a fresh non-ESN window");
        sa.replay.SetState(10, {0x1});
        ExpectInvalid(sa, "replay window and SA disagree on ESN");
        sa.replay = IpsecReplayWindow(64, true);
        sa.replay.SetState(10, {0x1});
        ExpectValid(sa, "a transferred ESN SA with an ESN window");
        sa.esn = false;
        ExpectInvalid(sa, "replay window and SA disagree on ESN");

        // The message says which SA.
        sa = base;
        sa.pathMtu = 1000;
        NS_TEST_ASSERT_MSG_EQ(Contains(sa.Validate(), "SA spi 0x1234 (out)"),
                              true,
                              "the error names the SA: '" << sa.Validate() << "'");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief Add, Find, FindInbound, Update and Remove.
 */
class IpsecSadBasicTestCase : public TestCase
{
  public:
    IpsecSadBasicTestCase()
        : TestCase("SAD Add, Find, FindInbound, Update and Remove")
    {
    }

  private:
    void DoRun() override
    {
        const auto in = IpsecDirection::INBOUND;
        const auto out = IpsecDirection::OUTBOUND;
        Ptr<IpsecSad> sad = CreateObject<IpsecSad>();
        NS_TEST_ASSERT_MSG_EQ(sad->GetN(), 0u, "empty");
        NS_TEST_ASSERT_MSG_EQ(sad->FindInbound(0x1000), nullptr, "nothing to find");

        NS_TEST_ASSERT_MSG_EQ(sad->Add(MakeSa(in, 0x1000)), "", "inbound SA");
        NS_TEST_ASSERT_MSG_EQ(sad->Add(MakeSa(out, 0x2000)), "", "outbound SA");
        NS_TEST_ASSERT_MSG_EQ(sad->GetN(), 2u, "two SAs");

        IpsecSecurityAssociation* found = sad->FindInbound(0x1000);
        NS_TEST_ASSERT_MSG_NE(found, nullptr, "FindInbound");
        if (found)
        {
            NS_TEST_ASSERT_MSG_EQ(found->spi, 0x1000u, "its SPI");
            NS_TEST_ASSERT_MSG_EQ(found->source, PEER_B, "its source");
            NS_TEST_ASSERT_MSG_EQ(found->addTime, Seconds(0), "installed at time 0");
        }
        NS_TEST_ASSERT_MSG_EQ(sad->Find(in, 0x1000, PEER_C),
                              found,
                              "inbound: the destination is ignored");
        NS_TEST_ASSERT_MSG_EQ(sad->IsInboundSpiInUse(0x1000), true, "inbound SPI in use");
        NS_TEST_ASSERT_MSG_EQ(sad->IsInboundSpiInUse(0x2000),
                              false,
                              "an outbound SPI does not count as an inbound one");
        NS_TEST_ASSERT_MSG_EQ(sad->Find(out, 0x1000, PEER_B),
                              nullptr,
                              "no outbound SA with the inbound SA's SPI");

        found = sad->Find(out, 0x2000, PEER_B);
        NS_TEST_ASSERT_MSG_NE(found, nullptr, "outbound SA by (SPI, destination)");
        NS_TEST_ASSERT_MSG_EQ(sad->Find(out, 0x2000, PEER_C),
                              nullptr,
                              "outbound SA with another destination");
        NS_TEST_ASSERT_MSG_EQ(sad->FindInbound(0x2000), nullptr, "not inbound");

        // Update replaces the content.
        IpsecSecurityAssociation changed = MakeSa(out, 0x2000);
        changed.pathMtu = 1400;
        changed.integrity = IpsecIntegrity::HMAC_SHA2_256_128;
        changed.integrityKey.assign(32, 0x44);
        NS_TEST_ASSERT_MSG_EQ(sad->Update(changed), "", "update");
        found = sad->Find(out, 0x2000, PEER_B);
        NS_TEST_ASSERT_MSG_NE(found, nullptr, "still there");
        if (found)
        {
            NS_TEST_ASSERT_MSG_EQ(found->pathMtu, 1400u, "new path MTU");
            NS_TEST_ASSERT_MSG_EQ(found->integrityKey.size(), 32u, "new integrity key");
            NS_TEST_ASSERT_MSG_EQ(+found->integrityKey[0], 0x44, "new integrity key content");
        }
        NS_TEST_ASSERT_MSG_EQ(sad->GetN(), 2u, "update adds nothing");

        std::string error = sad->Update(MakeSa(out, 0x2000, PEER_C));
        NS_TEST_ASSERT_MSG_EQ(Contains(error, "is not installed"),
                              true,
                              "update of a missing SA: '" << error << "'");
        IpsecSecurityAssociation invalid = changed;
        invalid.pathMtu = 576;
        error = sad->Update(invalid);
        NS_TEST_ASSERT_MSG_EQ(Contains(error, "path MTU"), true, "invalid update: " << error);
        found = sad->Find(out, 0x2000, PEER_B);
        NS_TEST_ASSERT_MSG_EQ((found ? found->pathMtu : 0), 1400u, "invalid update ignored");

        // Remove.
        NS_TEST_ASSERT_MSG_EQ(sad->Remove(out, 0x2000, PEER_C),
                              false,
                              "outbound remove with the wrong destination");
        NS_TEST_ASSERT_MSG_EQ(sad->Remove(out, 0x2000, PEER_B), true, "outbound remove");
        NS_TEST_ASSERT_MSG_EQ(sad->Find(out, 0x2000, PEER_B), nullptr, "outbound SA gone");
        NS_TEST_ASSERT_MSG_EQ(sad->Remove(out, 0x2000, PEER_B), false, "removing twice");
        NS_TEST_ASSERT_MSG_EQ(sad->Remove(in, 0x1000, PEER_C),
                              true,
                              "inbound remove ignores the destination");
        NS_TEST_ASSERT_MSG_EQ(sad->FindInbound(0x1000), nullptr, "inbound SA gone");
        NS_TEST_ASSERT_MSG_EQ(sad->IsInboundSpiInUse(0x1000), false, "SPI free again");
        NS_TEST_ASSERT_MSG_EQ(sad->GetN(), 0u, "empty again");
        NS_TEST_ASSERT_MSG_EQ(sad->Add(MakeSa(in, 0x1000)), "", "the SPI can be reused");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief Key rules: inbound by SPI, outbound by (SPI, destination).
 */
class IpsecSadKeyTestCase : public TestCase
{
  public:
    IpsecSadKeyTestCase()
        : TestCase("SAD refuses inbound SPI collisions but keys outbound SAs by destination")
    {
    }

  private:
    void DoRun() override
    {
        const auto in = IpsecDirection::INBOUND;
        const auto out = IpsecDirection::OUTBOUND;
        Ptr<IpsecSad> sad = CreateObject<IpsecSad>();
        NS_TEST_ASSERT_MSG_EQ(sad->Add(MakeSa(in, 0x5000, PEER_B)), "", "inbound from B");
        std::string error = sad->Add(MakeSa(in, 0x5000, PEER_C));
        NS_TEST_ASSERT_MSG_EQ(Contains(error, "SA spi 0x5000 (in) is already installed"),
                              true,
                              "inbound SPI collision, even from another peer: '" << error << "'");
        NS_TEST_ASSERT_MSG_EQ(sad->GetN(), 1u, "one SA");
        IpsecSecurityAssociation* kept = sad->FindInbound(0x5000);
        NS_TEST_ASSERT_MSG_EQ((kept ? kept->source : Ipv6Address()), PEER_B, "the first one");

        NS_TEST_ASSERT_MSG_EQ(sad->Add(MakeSa(out, 0x5000, PEER_B)),
                              "",
                              "an outbound SA with the SPI of an inbound one");
        NS_TEST_ASSERT_MSG_EQ(sad->Add(MakeSa(out, 0x5000, PEER_C)),
                              "",
                              "the same outbound SPI towards another peer");
        NS_TEST_ASSERT_MSG_EQ(sad->GetN(), 3u, "three SAs");
        error = sad->Add(MakeSa(out, 0x5000, PEER_C));
        NS_TEST_ASSERT_MSG_EQ(Contains(error, "already installed"),
                              true,
                              "same outbound SPI and destination: '" << error << "'");
        NS_TEST_ASSERT_MSG_EQ(sad->GetN(), 3u, "still three SAs");

        IpsecSecurityAssociation* toB = sad->Find(out, 0x5000, PEER_B);
        IpsecSecurityAssociation* toC = sad->Find(out, 0x5000, PEER_C);
        NS_TEST_ASSERT_MSG_NE(toB, nullptr, "SA to B");
        NS_TEST_ASSERT_MSG_NE(toC, nullptr, "SA to C");
        NS_TEST_ASSERT_MSG_NE(toB, toC, "two different SAs");
        if (toB && toC)
        {
            NS_TEST_ASSERT_MSG_EQ(toB->destination, PEER_B, "SA to B has destination B");
            NS_TEST_ASSERT_MSG_EQ(toC->destination, PEER_C, "SA to C has destination C");
        }
        NS_TEST_ASSERT_MSG_EQ(sad->Remove(out, 0x5000, PEER_B), true, "remove the one to B");
        NS_TEST_ASSERT_MSG_NE(sad->Find(out, 0x5000, PEER_C), nullptr, "the one to C stays");
        NS_TEST_ASSERT_MSG_NE(sad->FindInbound(0x5000), nullptr, "the inbound one stays");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief FindOutbound returns the newest outbound SA of a policy.
 */
class IpsecSadFindOutboundTestCase : public TestCase
{
  public:
    IpsecSadFindOutboundTestCase()
        : TestCase("SAD FindOutbound returns the newest outbound SA of a policy")
    {
    }

  private:
    void DoRun() override
    {
        const auto in = IpsecDirection::INBOUND;
        const auto out = IpsecDirection::OUTBOUND;
        Ptr<IpsecSad> sad = CreateObject<IpsecSad>();
        NS_TEST_ASSERT_MSG_EQ(sad->FindOutbound(7), nullptr, "empty SAD");
        // Installation order differs from key order on purpose: 0x3000, 0x3001, then 0x2fff.
        for (uint32_t spi : {0x3000u, 0x3001u, 0x2fffu})
        {
            IpsecSecurityAssociation sa = MakeSa(out, spi);
            sa.policyId = 7;
            NS_TEST_ASSERT_MSG_EQ(sad->Add(sa), "", "outbound SA " << spi << " for policy 7");
        }
        IpsecSecurityAssociation other = MakeSa(out, 0x4000);
        other.policyId = 8;
        NS_TEST_ASSERT_MSG_EQ(sad->Add(other), "", "an SA for policy 8, added last");
        IpsecSecurityAssociation inbound = MakeSa(in, 0x4001);
        inbound.policyId = 7;
        NS_TEST_ASSERT_MSG_EQ(sad->Add(inbound), "", "an inbound SA for policy 7, added last");

        IpsecSecurityAssociation* newest = sad->FindOutbound(7);
        NS_TEST_ASSERT_MSG_EQ((newest ? newest->spi : 0), 0x2fffu, "newest SA of policy 7");
        newest = sad->FindOutbound(8);
        NS_TEST_ASSERT_MSG_EQ((newest ? newest->spi : 0), 0x4000u, "the SA of policy 8");
        NS_TEST_ASSERT_MSG_EQ(sad->FindOutbound(9), nullptr, "no SA for policy 9");

        NS_TEST_ASSERT_MSG_EQ(sad->Remove(out, 0x2fff, PEER_B), true, "remove the newest");
        newest = sad->FindOutbound(7);
        NS_TEST_ASSERT_MSG_EQ((newest ? newest->spi : 0), 0x3001u, "the next newest");

        // An update does not make an SA newer.
        IpsecSecurityAssociation updated = MakeSa(out, 0x3000);
        updated.policyId = 7;
        updated.pathMtu = 1300;
        NS_TEST_ASSERT_MSG_EQ(sad->Update(updated), "", "update the oldest");
        newest = sad->FindOutbound(7);
        NS_TEST_ASSERT_MSG_EQ((newest ? newest->spi : 0), 0x3001u, "still 0x3001");

        // A re-added SA is the newest.
        NS_TEST_ASSERT_MSG_EQ(sad->Remove(out, 0x3000, PEER_B), true, "remove the oldest");
        NS_TEST_ASSERT_MSG_EQ(sad->Add(updated), "", "add it again");
        newest = sad->FindOutbound(7);
        NS_TEST_ASSERT_MSG_EQ((newest ? newest->spi : 0), 0x3000u, "0x3000 is the newest now");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief Replay windows of fresh and transferred inbound SAs.
 */
class IpsecSadReplayWindowTestCase : public TestCase
{
  public:
    IpsecSadReplayWindowTestCase()
        : TestCase("SAD gives fresh inbound SAs the ReplayWindowSize and keeps transferred windows")
    {
    }

  private:
    void DoRun() override
    {
        const auto in = IpsecDirection::INBOUND;
        const auto out = IpsecDirection::OUTBOUND;
        Ptr<IpsecSad> sad = CreateObject<IpsecSad>();
        sad->SetAttribute("ReplayWindowSize", UintegerValue(128));
        UintegerValue size;
        sad->GetAttribute("ReplayWindowSize", size);
        NS_TEST_ASSERT_MSG_EQ(size.Get(), 128u, "attribute set");

        // A fresh inbound SA with the default 64-packet window.
        NS_TEST_ASSERT_MSG_EQ(sad->Add(MakeSa(in, 0x600)), "", "fresh inbound SA");
        IpsecSecurityAssociation* sa = sad->FindInbound(0x600);
        NS_TEST_ASSERT_MSG_NE(sa, nullptr, "installed");
        if (sa)
        {
            NS_TEST_ASSERT_MSG_EQ(sa->replay.GetSize(), 128u, "window of the attribute");
            NS_TEST_ASSERT_MSG_EQ(sa->replay.GetHighest(), 0u, "no packet seen");
            NS_TEST_ASSERT_MSG_EQ(sa->replay.IsEsn(), false, "no ESN");
            NS_TEST_ASSERT_MSG_EQ(sa->replay.GetBitmap().size(), 2u, "128 bits = 2 words");
        }

        // A fresh ESN inbound SA keeps ESN.
        IpsecSecurityAssociation esn = MakeSa(in, 0x601);
        esn.esn = true;
        esn.replay = IpsecReplayWindow(256, true);
        NS_TEST_ASSERT_MSG_EQ(sad->Add(esn), "", "fresh ESN inbound SA");
        sa = sad->FindInbound(0x601);
        NS_TEST_ASSERT_MSG_EQ((sa ? sa->replay.GetSize() : 0), 128u, "fresh: attribute size");
        NS_TEST_ASSERT_MSG_EQ((sa ? sa->replay.IsEsn() : false), true, "still ESN");
        IpsecSecurityAssociation esnPlain = MakeSa(in, 0x605);
        esnPlain.esn = true; // with the default, non-ESN fresh window
        NS_TEST_ASSERT_MSG_EQ(sad->Add(esnPlain), "", "fresh ESN SA with a non-ESN window");
        sa = sad->FindInbound(0x605);
        NS_TEST_ASSERT_MSG_EQ((sa ? sa->replay.IsEsn() : false),
                              true,
                              "the fresh window takes the SA's ESN flag");
        NS_TEST_ASSERT_MSG_EQ((sa ? sa->replay.GetSize() : 0), 128u, "and the attribute size");

        // A transferred inbound SA (packets already seen) keeps its window.
        IpsecSecurityAssociation moved = MakeSa(in, 0x602);
        moved.replay = IpsecReplayWindow(64);
        // T = 1000; bits 0, 1 and 3 set: 1000, 999 and 997 seen, 998 not.
        moved.replay.SetState(1000, {0xbu});
        NS_TEST_ASSERT_MSG_EQ(sad->Add(moved), "", "transferred inbound SA");
        sa = sad->FindInbound(0x602);
        NS_TEST_ASSERT_MSG_NE(sa, nullptr, "installed");
        if (sa)
        {
            NS_TEST_ASSERT_MSG_EQ(sa->replay.GetSize(), 64u, "transferred window size kept");
            NS_TEST_ASSERT_MSG_EQ(sa->replay.GetHighest(), 1000u, "T kept");
            NS_TEST_ASSERT_MSG_EQ(sa->replay.IsMarked(1000), true, "1000 seen");
            NS_TEST_ASSERT_MSG_EQ(sa->replay.IsMarked(999), true, "999 seen");
            NS_TEST_ASSERT_MSG_EQ(sa->replay.IsMarked(998), false, "998 not seen");
            NS_TEST_ASSERT_MSG_EQ(sa->replay.IsMarked(997), true, "997 seen");
            uint64_t seq = 0;
            NS_TEST_ASSERT_MSG_EQ(
                (sa->replay.Check(999, seq) == IpsecReplayWindow::Verdict::DUPLICATE),
                true,
                "a replay of 999 is still caught after the transfer");
        }

        IpsecSecurityAssociation movedBig = MakeSa(in, 0x603);
        movedBig.replay = IpsecReplayWindow(1024);
        movedBig.replay.SetState(1, std::vector<uint64_t>(16, 0));
        NS_TEST_ASSERT_MSG_EQ(sad->Add(movedBig), "", "transferred SA with W = 1024");
        sa = sad->FindInbound(0x603);
        NS_TEST_ASSERT_MSG_EQ((sa ? sa->replay.GetSize() : 0), 1024u, "W = 1024 kept");

        // Outbound SAs do not use the window; the attribute is not applied to them.
        NS_TEST_ASSERT_MSG_EQ(sad->Add(MakeSa(out, 0x604)), "", "outbound SA");
        sa = sad->Find(out, 0x604, PEER_B);
        NS_TEST_ASSERT_MSG_EQ((sa ? sa->replay.GetSize() : 0), 64u, "outbound: untouched");

        // With the default attribute, fresh SAs get 64.
        Ptr<IpsecSad> plain = CreateObject<IpsecSad>();
        IpsecSecurityAssociation wide = MakeSa(in, 0x700);
        wide.replay = IpsecReplayWindow(512);
        NS_TEST_ASSERT_MSG_EQ(plain->Add(wide), "", "fresh SA with a 512 window");
        sa = plain->FindInbound(0x700);
        NS_TEST_ASSERT_MSG_EQ((sa ? sa->replay.GetSize() : 0), 64u, "default attribute: 64");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief Time lifetimes run as events: soft keeps the SA, hard removes it.
 */
class IpsecSadTimeLifetimeTestCase : public TestCase
{
  public:
    IpsecSadTimeLifetimeTestCase()
        : TestCase("SAD time lifetimes fire soft at 1 s and hard at 2 s")
    {
    }

  private:
    /// Expire trace sink.
    void Expired(const IpsecSecurityAssociation& sa, bool hard)
    {
        m_events.push_back({Simulator::Now(),
                            sa.spi,
                            hard,
                            m_sad->Find(sa.direction, sa.spi, sa.destination) != nullptr,
                            sa.bytes});
    }

    /**
     * \brief Scheduled check of the SAD content.
     * \param label what is checked
     * \param spi an SA
     * \param present whether it must be installed
     * \param events the number of Expire events expected so far
     */
    void Check(std::string label, uint32_t spi, bool present, size_t events)
    {
        NS_TEST_EXPECT_MSG_EQ((m_sad->Find(IpsecDirection::OUTBOUND, spi, PEER_B) != nullptr),
                              present,
                              label << ": SA " << spi << " presence");
        NS_TEST_EXPECT_MSG_EQ(m_events.size(), events, label << ": Expire events so far");
    }

    /// Adds SA 0xb at 0.25 s.
    void AddLate()
    {
        IpsecSecurityAssociation sa = MakeSa(IpsecDirection::OUTBOUND, 0xb00);
        sa.softLifetime.time = Seconds(1);
        sa.hardLifetime.time = Seconds(2);
        NS_TEST_EXPECT_MSG_EQ(m_sad->Add(sa), "", "late SA");
    }

    Ptr<IpsecSad> m_sad;               ///< the SAD
    std::vector<ExpireEvent> m_events; ///< what the trace saw

    void DoRun() override
    {
        CxtpTestIsolation guard;
        m_events.clear();
        m_sad = CreateObject<IpsecSad>();
        m_sad->TraceConnectWithoutContext(
            "Expire",
            MakeCallback(&IpsecSadTimeLifetimeTestCase::Expired, this));
        const auto out = IpsecDirection::OUTBOUND;

        IpsecSecurityAssociation a = MakeSa(out, 0xa00);
        a.softLifetime.time = Seconds(1);
        a.hardLifetime.time = Seconds(2);
        NS_TEST_ASSERT_MSG_EQ(m_sad->Add(a), "", "SA 0xa00, soft 1 s, hard 2 s");
        IpsecSecurityAssociation c = MakeSa(out, 0xc00);
        c.softLifetime.time = Seconds(1);
        c.hardLifetime.time = Seconds(2);
        NS_TEST_ASSERT_MSG_EQ(m_sad->Add(c), "", "SA 0xc00, removed before it expires");
        IpsecSecurityAssociation d = MakeSa(out, 0xd00);
        NS_TEST_ASSERT_MSG_EQ(m_sad->Add(d), "", "SA 0xd00 without lifetimes");

        Simulator::Schedule(Seconds(0.25), &IpsecSadTimeLifetimeTestCase::AddLate, this);
        Ptr<IpsecSad> sad = m_sad;
        Simulator::Schedule(Seconds(0.5),
                            [sad]() { sad->Remove(IpsecDirection::OUTBOUND, 0xc00, PEER_B); });
        Simulator::Schedule(Seconds(0.9),
                            &IpsecSadTimeLifetimeTestCase::Check,
                            this,
                            "0.9 s",
                            0xa00,
                            true,
                            0);
        Simulator::Schedule(Seconds(1.1),
                            &IpsecSadTimeLifetimeTestCase::Check,
                            this,
                            "1.1 s",
                            0xa00,
                            true,
                            1);
        Simulator::Schedule(Seconds(1.9),
                            &IpsecSadTimeLifetimeTestCase::Check,
                            this,
                            "1.9 s",
                            0xa00,
                            true,
                            2);
        Simulator::Schedule(Seconds(2.1),
                            &IpsecSadTimeLifetimeTestCase::Check,
                            this,
                            "2.1 s",
                            0xa00,
                            false,
                            3);
        Simulator::Schedule(Seconds(2.1),
                            &IpsecSadTimeLifetimeTestCase::Check,
                            this,
                            "2.1 s",
                            0xb00,
                            true,
                            3);
        Simulator::Schedule(Seconds(2.3),
                            &IpsecSadTimeLifetimeTestCase::Check,
                            this,
                            "2.3 s",
                            0xb00,
                            false,
                            4);
        Simulator::Stop(Seconds(10));
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(m_events.size(), 4u, "two soft and two hard expiries, none for C");
        if (m_events.size() == 4)
        {
            const std::vector<std::tuple<Time, uint32_t, bool, bool>> expected = {
                {Seconds(1), 0xa00, false, true},
                {Seconds(1.25), 0xb00, false, true},
                {Seconds(2), 0xa00, true, false},
                {Seconds(2.25), 0xb00, true, false},
            };
            for (size_t i = 0; i < 4; ++i)
            {
                NS_TEST_EXPECT_MSG_EQ(m_events[i].when, std::get<0>(expected[i]), "time " << i);
                NS_TEST_EXPECT_MSG_EQ(m_events[i].spi, std::get<1>(expected[i]), "SPI " << i);
                NS_TEST_EXPECT_MSG_EQ(m_events[i].hard, std::get<2>(expected[i]), "hard " << i);
                NS_TEST_EXPECT_MSG_EQ(m_events[i].present,
                                      std::get<3>(expected[i]),
                                      "SA present during the trace " << i);
            }
        }
        NS_TEST_ASSERT_MSG_EQ(m_sad->GetN(), 1u, "only the SA without lifetimes is left");
        NS_TEST_ASSERT_MSG_NE(m_sad->Find(out, 0xd00, PEER_B), nullptr, "SA 0xd00 stays");
        m_sad = nullptr;
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief An SA added with its current lifetime (SADB_EXT_LIFETIME_CURRENT, a transferred SA)
 * keeps its add time and counters and expires when it would have on the node it came from; a
 * plain add starts the lifetime anew.
 */
class IpsecSadCurrentLifetimeTestCase : public TestCase
{
  public:
    IpsecSadCurrentLifetimeTestCase()
        : TestCase("SAD add with the current lifetime expires at the original instant")
    {
    }

  private:
    /// Expire trace sink.
    void Expired(const IpsecSecurityAssociation& sa, bool hard)
    {
        m_events.push_back({Simulator::Now(), sa.spi, hard, false, sa.bytes});
    }

    std::vector<ExpireEvent> m_events; ///< what the trace saw

    void DoRun() override
    {
        CxtpTestIsolation guard;
        m_events.clear();
        Ptr<IpsecSad> sad = CreateObject<IpsecSad>();
        sad->TraceConnectWithoutContext(
            "Expire",
            MakeCallback(&IpsecSadCurrentLifetimeTestCase::Expired, this));
        // Both SAs were added at 0.5 s elsewhere, have soft 2 s / hard 3 s and counted traffic;
        // they arrive at 1.5 s.
        IpsecSecurityAssociation moved = MakeSa(IpsecDirection::OUTBOUND, 0xa00);
        moved.softLifetime.time = Seconds(2);
        moved.hardLifetime.time = Seconds(3);
        moved.addTime = Seconds(0.5);
        moved.bytes = 4000;
        moved.packets = 40;
        IpsecSecurityAssociation fresh = moved;
        fresh.spi = 0xb00;
        IpsecSecurityAssociation late = moved; // past its soft limit when it arrives at 2.6 s
        late.spi = 0xc00;
        Simulator::Schedule(Seconds(1.5), [sad, moved, fresh]() {
            sad->Add(moved, true);
            sad->Add(fresh);
        });
        Simulator::Schedule(Seconds(2.6), [sad, late]() { sad->Add(late, true); });
        Simulator::Schedule(Seconds(1.6), [this, sad]() {
            const IpsecSecurityAssociation* a = sad->Find(IpsecDirection::OUTBOUND, 0xa00, PEER_B);
            const IpsecSecurityAssociation* b = sad->Find(IpsecDirection::OUTBOUND, 0xb00, PEER_B);
            NS_TEST_ASSERT_MSG_NE(a, nullptr, "moved SA installed");
            NS_TEST_ASSERT_MSG_NE(b, nullptr, "fresh SA installed");
            NS_TEST_EXPECT_MSG_EQ(a->addTime, Seconds(0.5), "current lifetime: add time kept");
            NS_TEST_EXPECT_MSG_EQ(a->bytes, 4000u, "current lifetime: bytes kept");
            NS_TEST_EXPECT_MSG_EQ(a->packets, 40u, "current lifetime: packets kept");
            NS_TEST_EXPECT_MSG_EQ(b->addTime, Seconds(1.5), "plain add: added now");
        });
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        const std::vector<std::tuple<Time, uint32_t, bool>> expected = {
            {Seconds(2.5), 0xa00, false}, // 0.5 + 2
            {Seconds(2.6), 0xc00, false}, // soft limit already passed: at once
            {Seconds(3.5), 0xa00, true},  // 0.5 + 3
            {Seconds(3.5), 0xb00, false}, // 1.5 + 2
            {Seconds(3.5), 0xc00, true},
            {Seconds(4.5), 0xb00, true}, // 1.5 + 3
        };
        NS_TEST_ASSERT_MSG_EQ(m_events.size(), expected.size(), "Expire events");
        for (size_t i = 0; i < expected.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(m_events[i].when, std::get<0>(expected[i]), "time " << i);
            NS_TEST_EXPECT_MSG_EQ(m_events[i].spi, std::get<1>(expected[i]), "SPI " << i);
            NS_TEST_EXPECT_MSG_EQ(m_events[i].hard, std::get<2>(expected[i]), "hard " << i);
        }
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief Byte lifetimes through Account().
 */
class IpsecSadByteLifetimeTestCase : public TestCase
{
  public:
    IpsecSadByteLifetimeTestCase()
        : TestCase("SAD byte lifetimes through Account fire soft once and hard removes the SA")
    {
    }

  private:
    /// Expire trace sink.
    void Expired(const IpsecSecurityAssociation& sa, bool hard)
    {
        m_events.push_back({Simulator::Now(), sa.spi, hard, false, sa.bytes});
    }

    std::vector<ExpireEvent> m_events; ///< what the trace saw

    void DoRun() override
    {
        m_events.clear();
        const auto in = IpsecDirection::INBOUND;
        Ptr<IpsecSad> sad = CreateObject<IpsecSad>();
        sad->TraceConnectWithoutContext("Expire",
                                        MakeCallback(&IpsecSadByteLifetimeTestCase::Expired, this));
        IpsecSecurityAssociation a = MakeSa(in, 0xe00);
        a.softLifetime.bytes = 1000;
        a.hardLifetime.bytes = 3000;
        NS_TEST_ASSERT_MSG_EQ(sad->Add(a), "", "SA soft 1000 B, hard 3000 B");

        IpsecSecurityAssociation* sa = sad->FindInbound(0xe00);
        NS_TEST_ASSERT_MSG_NE(sa, nullptr, "installed");
        if (!sa)
        {
            return;
        }
        NS_TEST_ASSERT_MSG_EQ(sad->Account(*sa, 600), true, "600 B");
        NS_TEST_ASSERT_MSG_EQ(m_events.size(), 0u, "below the soft limit");
        NS_TEST_ASSERT_MSG_EQ(sad->Account(*sa, 399), true, "999 B");
        NS_TEST_ASSERT_MSG_EQ(m_events.size(), 0u, "999 B: still below");
        NS_TEST_ASSERT_MSG_EQ(sad->Account(*sa, 1), true, "1000 B");
        NS_TEST_ASSERT_MSG_EQ(m_events.size(), 1u, "soft limit reached at exactly 1000 B");
        if (m_events.size() == 1)
        {
            NS_TEST_ASSERT_MSG_EQ(m_events[0].hard, false, "soft");
            NS_TEST_ASSERT_MSG_EQ(m_events[0].spi, 0xe00u, "SPI");
            NS_TEST_ASSERT_MSG_EQ(m_events[0].bytes, 1000u, "bytes at soft expiry");
        }
        NS_TEST_ASSERT_MSG_EQ(sa->bytes, 1000u, "byte counter");
        NS_TEST_ASSERT_MSG_EQ(sa->packets, 3u, "packet counter");
        NS_TEST_ASSERT_MSG_EQ(sad->Account(*sa, 1000), true, "2000 B");
        NS_TEST_ASSERT_MSG_EQ(sad->Account(*sa, 999), true, "2999 B");
        NS_TEST_ASSERT_MSG_EQ(m_events.size(), 1u, "soft fires only once");
        NS_TEST_ASSERT_MSG_EQ(sad->GetN(), 1u, "still installed");
        NS_TEST_ASSERT_MSG_EQ(sad->Account(*sa, 1), false, "3000 B: hard limit");
        sa = nullptr; // deleted: must not be used any more
        NS_TEST_ASSERT_MSG_EQ(sad->FindInbound(0xe00), nullptr, "removed by the hard limit");
        NS_TEST_ASSERT_MSG_EQ(sad->GetN(), 0u, "empty");
        NS_TEST_ASSERT_MSG_EQ(m_events.size(), 2u, "hard expiry traced");
        if (m_events.size() == 2)
        {
            NS_TEST_ASSERT_MSG_EQ(m_events[1].hard, true, "hard");
            NS_TEST_ASSERT_MSG_EQ(m_events[1].bytes, 3000u, "bytes at hard expiry");
        }

        // Hard limit only, overshot in one call.
        m_events.clear();
        IpsecSecurityAssociation b = MakeSa(in, 0xf00);
        b.hardLifetime.bytes = 100;
        NS_TEST_ASSERT_MSG_EQ(sad->Add(b), "", "SA hard 100 B");
        sa = sad->FindInbound(0xf00);
        NS_TEST_ASSERT_MSG_EQ((sa ? sad->Account(*sa, 1500) : true), false, "1500 B at once");
        NS_TEST_ASSERT_MSG_EQ(m_events.size(), 1u, "hard expiry only");
        NS_TEST_ASSERT_MSG_EQ((m_events.empty() ? false : m_events[0].hard), true, "hard");
        NS_TEST_ASSERT_MSG_EQ(sad->GetN(), 0u, "removed");

        // No byte limits: Account never expires.
        m_events.clear();
        NS_TEST_ASSERT_MSG_EQ(sad->Add(MakeSa(in, 0x1f00)), "", "SA without limits");
        sa = sad->FindInbound(0x1f00);
        for (int i = 0; sa && i < 100; ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(sad->Account(*sa, 0xffffffff), true, "no limit");
        }
        NS_TEST_ASSERT_MSG_EQ((sa ? sa->bytes : 0), 100u * 0xffffffffull, "bytes summed");
        NS_TEST_ASSERT_MSG_EQ(m_events.size(), 0u, "no expiry");
        Simulator::Destroy(); // Add() read the clock
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief Dump and Flush.
 */
class IpsecSadFlushDumpTestCase : public TestCase
{
  public:
    IpsecSadFlushDumpTestCase()
        : TestCase("SAD Dump lists inbound SAs first in key order and Flush removes all")
    {
    }

  private:
    /// Expire trace sink.
    void Expired(const IpsecSecurityAssociation& /* sa */, bool /* hard */)
    {
        m_expiries++;
    }

    /// Change trace sink.
    void Changed(const IpsecSecurityAssociation& sa, bool added)
    {
        if (!added)
        {
            m_removed.push_back(sa.spi);
        }
    }

    uint32_t m_expiries{0};          ///< Expire events
    std::vector<uint32_t> m_removed; ///< removed SPIs

    void DoRun() override
    {
        CxtpTestIsolation guard;
        m_expiries = 0;
        m_removed.clear();
        const auto in = IpsecDirection::INBOUND;
        const auto out = IpsecDirection::OUTBOUND;
        Ptr<IpsecSad> sad = CreateObject<IpsecSad>();
        sad->TraceConnectWithoutContext("Expire",
                                        MakeCallback(&IpsecSadFlushDumpTestCase::Expired, this));
        sad->TraceConnectWithoutContext("Change",
                                        MakeCallback(&IpsecSadFlushDumpTestCase::Changed, this));
        NS_TEST_ASSERT_MSG_EQ(sad->Dump().size(), 0u, "empty dump");
        IpsecSecurityAssociation timed = MakeSa(out, 0x500);
        timed.softLifetime.time = Seconds(1);
        timed.hardLifetime.time = Seconds(2);
        sad->Add(timed);
        sad->Add(MakeSa(in, 0x600));
        sad->Add(MakeSa(in, 0x300));
        sad->Add(MakeSa(out, 0x100, PEER_C));
        NS_TEST_ASSERT_MSG_EQ(sad->GetN(), 4u, "four SAs");

        std::vector<IpsecSecurityAssociation> dump = sad->Dump();
        NS_TEST_ASSERT_MSG_EQ(dump.size(), 4u, "dump of four");
        if (dump.size() == 4)
        {
            NS_TEST_ASSERT_MSG_EQ(dump[0].spi, 0x300u, "inbound 0x300 first");
            NS_TEST_ASSERT_MSG_EQ((dump[0].direction == in), true, "inbound");
            NS_TEST_ASSERT_MSG_EQ(dump[1].spi, 0x600u, "then inbound 0x600");
            NS_TEST_ASSERT_MSG_EQ(dump[2].spi, 0x100u, "then outbound 0x100");
            NS_TEST_ASSERT_MSG_EQ((dump[2].direction == out), true, "outbound");
            NS_TEST_ASSERT_MSG_EQ(dump[3].spi, 0x500u, "then outbound 0x500");
            NS_TEST_ASSERT_MSG_EQ(dump[3].softLifetime.time, Seconds(1), "content copied");
            dump[0].pathMtu = 1280;
            IpsecSecurityAssociation* real = sad->FindInbound(0x300);
            NS_TEST_ASSERT_MSG_EQ((real ? real->pathMtu : 0), 1500u, "Dump returns copies");
        }

        sad->Flush();
        NS_TEST_ASSERT_MSG_EQ(sad->GetN(), 0u, "flushed");
        NS_TEST_ASSERT_MSG_EQ(sad->Dump().size(), 0u, "empty dump after flush");
        NS_TEST_ASSERT_MSG_EQ(sad->FindInbound(0x600), nullptr, "inbound gone");
        NS_TEST_ASSERT_MSG_EQ(sad->Find(out, 0x500, PEER_B), nullptr, "outbound gone");
        NS_TEST_ASSERT_MSG_EQ(m_removed.size(), 4u, "a removal traced per SA");
        sad->Flush();
        NS_TEST_ASSERT_MSG_EQ(m_removed.size(), 4u, "flushing an empty SAD traces nothing");

        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(m_expiries, 0u, "the lifetime timers of flushed SAs are cancelled");
        NS_TEST_ASSERT_MSG_EQ(sad->Add(timed), "", "the SPI is free again");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief The Change trace fires on add, update and remove.
 */
class IpsecSadChangeTraceTestCase : public TestCase
{
  public:
    IpsecSadChangeTraceTestCase()
        : TestCase("SAD Change trace fires on add, update and remove only")
    {
    }

  private:
    /// Change trace sink.
    void Changed(const IpsecSecurityAssociation& sa, bool added)
    {
        m_changes.emplace_back(sa.spi, added, sa.pathMtu);
    }

    std::vector<std::tuple<uint32_t, bool, uint32_t>> m_changes; ///< (SPI, added, path MTU)

    void DoRun() override
    {
        m_changes.clear();
        const auto out = IpsecDirection::OUTBOUND;
        Ptr<IpsecSad> sad = CreateObject<IpsecSad>();
        sad->TraceConnectWithoutContext("Change",
                                        MakeCallback(&IpsecSadChangeTraceTestCase::Changed, this));
        IpsecSecurityAssociation sa = MakeSa(out, 0x700);
        NS_TEST_ASSERT_MSG_EQ(sad->Add(sa), "", "add");
        sa.pathMtu = 1400;
        NS_TEST_ASSERT_MSG_EQ(sad->Update(sa), "", "update");
        NS_TEST_ASSERT_MSG_EQ(sad->Remove(out, 0x700, PEER_B), true, "remove");

        // Failures trace nothing.
        IpsecSecurityAssociation bad = sa;
        bad.spi = 7;
        NS_TEST_ASSERT_MSG_NE(sad->Add(bad), "", "invalid add");
        NS_TEST_ASSERT_MSG_NE(sad->Update(sa), "", "update of a missing SA");
        NS_TEST_ASSERT_MSG_EQ(sad->Remove(out, 0x700, PEER_B), false, "remove of a missing SA");
        NS_TEST_ASSERT_MSG_EQ(sad->Add(MakeSa(out, 0x800)), "", "add another");
        NS_TEST_ASSERT_MSG_NE(sad->Add(MakeSa(out, 0x800)), "", "duplicate add");

        const std::vector<std::tuple<uint32_t, bool, uint32_t>> expected = {
            {0x700, true, 1500},
            {0x700, true, 1400},
            {0x700, false, 1400},
            {0x800, true, 1500},
        };
        NS_TEST_ASSERT_MSG_EQ(m_changes.size(), expected.size(), "number of Change events");
        for (size_t i = 0; i < expected.size() && i < m_changes.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(std::get<0>(m_changes[i]), std::get<0>(expected[i]), "SPI " << i);
            NS_TEST_EXPECT_MSG_EQ(std::get<1>(m_changes[i]),
                                  std::get<1>(expected[i]),
                                  "added " << i);
            NS_TEST_EXPECT_MSG_EQ(std::get<2>(m_changes[i]),
                                  std::get<2>(expected[i]),
                                  "content " << i);
        }
        Simulator::Destroy(); // Add() read the clock
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief The SAD test suite.
 */
class IpsecSadTestSuite : public TestSuite
{
  public:
    IpsecSadTestSuite()
        : TestSuite("cxtp-ipsec-sad", TestSuite::UNIT)
    {
        AddTestCase(new IpsecSaValidateTestCase, TestCase::QUICK);
        AddTestCase(new IpsecSadBasicTestCase, TestCase::QUICK);
        AddTestCase(new IpsecSadKeyTestCase, TestCase::QUICK);
        AddTestCase(new IpsecSadFindOutboundTestCase, TestCase::QUICK);
        AddTestCase(new IpsecSadReplayWindowTestCase, TestCase::QUICK);
        AddTestCase(new IpsecSadTimeLifetimeTestCase, TestCase::QUICK);
        AddTestCase(new IpsecSadCurrentLifetimeTestCase, TestCase::QUICK);
        AddTestCase(new IpsecSadByteLifetimeTestCase, TestCase::QUICK);
        AddTestCase(new IpsecSadFlushDumpTestCase, TestCase::QUICK);
        AddTestCase(new IpsecSadChangeTraceTestCase, TestCase::QUICK);
    }
};

static IpsecSadTestSuite g_ipsecSadTestSuite; ///< the static instance registers the suite
