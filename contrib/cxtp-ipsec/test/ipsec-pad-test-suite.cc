/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Tests of the PAD (RFC 4301 §4.4.3): entry validation, first-match lookup by address with
// overlapping prefixes, lookup by name, and Clear.

#include "ns3/ipsec-pad-entry.h"
#include "ns3/ipsec-pad.h"
#include "ns3/test.h"

#include <string>

using namespace ns3;

namespace
{

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
 * \return a valid IKEv2 pre-shared-key entry
 * \param address the peer prefix address
 * \param prefixLength its length
 * \param name the peer name (may be empty)
 */
IpsecPadEntry
MakeEntry(const char* address, uint8_t prefixLength, const std::string& name)
{
    IpsecPadEntry e;
    e.peerAddress = Ipv6Address(address);
    e.peerPrefix = Ipv6Prefix(prefixLength);
    e.peerName = name;
    e.ikeVersion = 2;
    e.authMethod = IpsecAuthMethod::PRE_SHARED_KEY;
    e.preSharedKey = {'s', 'e', 'c', 'r', 'e', 't'};
    return e;
}

/**
 * \param entry an entry or nullptr
 * \return its name, or "(none)"
 */
std::string
NameOf(const IpsecPadEntry* entry)
{
    return entry ? entry->peerName : std::string("(none)");
}

} // namespace

/**
 * \ingroup cxtp-ipsec
 * \brief Validate errors, and the PAD refusing invalid entries.
 */
class IpsecPadValidateTestCase : public TestCase
{
  public:
    IpsecPadValidateTestCase()
        : TestCase("PAD entry Validate names the IKE version, empty PSK and certificate errors")
    {
    }

  private:
    /**
     * \brief Checks that an entry is refused by Validate and by the PAD.
     * \param entry the entry
     * \param part what the error must mention
     */
    void ExpectInvalid(const IpsecPadEntry& entry, const std::string& part)
    {
        std::string error = entry.Validate();
        NS_TEST_EXPECT_MSG_EQ(Contains(error, part),
                              true,
                              "expected an error mentioning '" << part << "', got '" << error
                                                               << "'");
        Ptr<IpsecPad> pad = CreateObject<IpsecPad>();
        NS_TEST_EXPECT_MSG_EQ(pad->Add(entry), error, "Add reports the same error");
        NS_TEST_EXPECT_MSG_EQ(pad->GetEntries().size(), 0u, "nothing added for '" << part << "'");
    }

    void DoRun() override
    {
        IpsecPadEntry base = MakeEntry("2001:db8:b::", 48, "peer-b.example");
        NS_TEST_ASSERT_MSG_EQ(base.Validate(), "", "IKEv2 with a PSK is valid");
        IpsecPadEntry v1 = base;
        v1.ikeVersion = 1;
        NS_TEST_ASSERT_MSG_EQ(v1.Validate(), "", "IKEv1 is valid");

        IpsecPadEntry e = base;
        e.ikeVersion = 3;
        ExpectInvalid(e, "IKE version must be 1 or 2, got 3");
        e.ikeVersion = 0;
        ExpectInvalid(e, "IKE version must be 1 or 2, got 0");

        e = base;
        e.preSharedKey.clear();
        ExpectInvalid(e, "pre-shared key authentication needs a non-empty key");

        e = base;
        e.authMethod = IpsecAuthMethod::CERTIFICATE;
        ExpectInvalid(e, "certificate authentication needs at least one trust anchor");
        e.preSharedKey.clear();
        ExpectInvalid(e, "certificate authentication needs at least one trust anchor");
        e.trustAnchors = {{0x30, 0x03, 0x02, 0x01, 0x01}}; // what is in it is IKE's to check
        NS_TEST_EXPECT_MSG_EQ(e.Validate(), "", "a certificate entry with a trust anchor");
        e.ikeVersion = 1;
        ExpectInvalid(e, "certificate authentication needs IKEv2");

        // The message says which entry.
        e = base;
        e.ikeVersion = 3;
        NS_TEST_ASSERT_MSG_EQ(Contains(e.Validate(), "PAD entry peer-b.example 2001:db8:b::/48: "),
                              true,
                              "the error names the entry: '" << e.Validate() << "'");

        Ptr<IpsecPad> pad = CreateObject<IpsecPad>();
        NS_TEST_ASSERT_MSG_EQ(pad->Add(base), "", "a valid entry is added");
        NS_TEST_ASSERT_MSG_EQ(pad->GetEntries().size(), 1u, "one entry");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief FindByAddress is first match in insertion order, not longest prefix.
 */
class IpsecPadFindByAddressTestCase : public TestCase
{
  public:
    IpsecPadFindByAddressTestCase()
        : TestCase("PAD FindByAddress returns the first entry in order, not the longest prefix")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<IpsecPad> pad = CreateObject<IpsecPad>();
        NS_TEST_ASSERT_MSG_EQ(pad->FindByAddress(Ipv6Address("2001:db8::1")), nullptr, "empty PAD");
        NS_TEST_ASSERT_MSG_EQ(pad->Add(MakeEntry("2001:db8:1::", 48, "site-1")), "", "site-1");
        NS_TEST_ASSERT_MSG_EQ(pad->Add(MakeEntry("2001:db8::", 32, "org")), "", "org");
        // More specific than site-1 but after it: shadowed for the addresses they share.
        NS_TEST_ASSERT_MSG_EQ(pad->Add(MakeEntry("2001:db8:1:2::5", 128, "host-5")), "", "host");
        NS_TEST_ASSERT_MSG_EQ(pad->Add(MakeEntry("2001:db8:1:2::", 64, "subnet-2")), "", "subnet");

        NS_TEST_ASSERT_MSG_EQ(NameOf(pad->FindByAddress(Ipv6Address("2001:db8:1:2::5"))),
                              "site-1",
                              "the /48 comes first, although the /128 is more specific");
        NS_TEST_ASSERT_MSG_EQ(NameOf(pad->FindByAddress(Ipv6Address("2001:db8:1:ffff::1"))),
                              "site-1",
                              "inside site-1");
        NS_TEST_ASSERT_MSG_EQ(NameOf(pad->FindByAddress(Ipv6Address("2001:db8:2::1"))),
                              "org",
                              "outside site-1, inside org");
        NS_TEST_ASSERT_MSG_EQ(NameOf(pad->FindByAddress(Ipv6Address("2001:db8:ffff::1"))),
                              "org",
                              "last /48 of org");
        NS_TEST_ASSERT_MSG_EQ(pad->FindByAddress(Ipv6Address("2001:db9::1")),
                              nullptr,
                              "outside every entry");

        // A catch-all at the end only gets what the others do not cover.
        NS_TEST_ASSERT_MSG_EQ(pad->Add(MakeEntry("::", 0, "anyone")), "", "catch-all");
        NS_TEST_ASSERT_MSG_EQ(NameOf(pad->FindByAddress(Ipv6Address("2001:db9::1"))),
                              "anyone",
                              "the catch-all");
        NS_TEST_ASSERT_MSG_EQ(NameOf(pad->FindByAddress(Ipv6Address("2001:db8:2::1"))),
                              "org",
                              "the catch-all does not shadow earlier entries");

        // A catch-all first shadows everything.
        Ptr<IpsecPad> greedy = CreateObject<IpsecPad>();
        greedy->Add(MakeEntry("::", 0, "anyone"));
        greedy->Add(MakeEntry("2001:db8:1:2::5", 128, "host-5"));
        NS_TEST_ASSERT_MSG_EQ(NameOf(greedy->FindByAddress(Ipv6Address("2001:db8:1:2::5"))),
                              "anyone",
                              "first match even against an exact /128");

        // The returned pointer is the stored entry.
        const IpsecPadEntry* entry = pad->FindByAddress(Ipv6Address("2001:db8:1:2::5"));
        NS_TEST_ASSERT_MSG_EQ(entry, &pad->GetEntries()[0], "points into the PAD");
        NS_TEST_ASSERT_MSG_EQ(pad->GetEntries().size(), 5u, "five entries");
        if (pad->GetEntries().size() == 5)
        {
            NS_TEST_ASSERT_MSG_EQ(pad->GetEntries()[2].peerName, "host-5", "insertion order");
        }
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief FindByName.
 */
class IpsecPadFindByNameTestCase : public TestCase
{
  public:
    IpsecPadFindByNameTestCase()
        : TestCase("PAD FindByName returns the first entry with that name")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<IpsecPad> pad = CreateObject<IpsecPad>();
        NS_TEST_ASSERT_MSG_EQ(pad->FindByName("gw.example"), nullptr, "empty PAD");
        pad->Add(MakeEntry("2001:db8:a::", 48, ""));
        pad->Add(MakeEntry("2001:db8:b::", 48, "gw.example"));
        pad->Add(MakeEntry("2001:db8:c::", 48, "mn.example"));
        pad->Add(MakeEntry("2001:db8:d::", 48, "gw.example"));
        NS_TEST_ASSERT_MSG_EQ(pad->GetEntries().size(), 4u, "four entries");

        const IpsecPadEntry* gw = pad->FindByName("gw.example");
        NS_TEST_ASSERT_MSG_NE(gw, nullptr, "gw.example found");
        NS_TEST_ASSERT_MSG_EQ((gw ? gw->peerAddress : Ipv6Address()),
                              Ipv6Address("2001:db8:b::"),
                              "the first of the two gw.example entries");
        const IpsecPadEntry* mn = pad->FindByName("mn.example");
        NS_TEST_ASSERT_MSG_EQ((mn ? mn->peerAddress : Ipv6Address()),
                              Ipv6Address("2001:db8:c::"),
                              "mn.example");
        NS_TEST_ASSERT_MSG_EQ(pad->FindByName("GW.example"), nullptr, "names are exact");
        NS_TEST_ASSERT_MSG_EQ(pad->FindByName("gw"), nullptr, "no prefix matching");
        NS_TEST_ASSERT_MSG_EQ(pad->FindByName(""),
                              nullptr,
                              "the empty name (match by address) is never found by name");
        NS_TEST_ASSERT_MSG_EQ(NameOf(pad->FindByAddress(Ipv6Address("2001:db8:a::1"))),
                              "",
                              "the nameless entry is found by address");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief Clear.
 */
class IpsecPadClearTestCase : public TestCase
{
  public:
    IpsecPadClearTestCase()
        : TestCase("PAD Clear removes every entry")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<IpsecPad> pad = CreateObject<IpsecPad>();
        pad->Add(MakeEntry("2001:db8:b::", 48, "gw.example"));
        pad->Add(MakeEntry("::", 0, "anyone"));
        NS_TEST_ASSERT_MSG_EQ(pad->GetEntries().size(), 2u, "two entries");
        pad->Clear();
        NS_TEST_ASSERT_MSG_EQ(pad->GetEntries().size(), 0u, "none after Clear");
        NS_TEST_ASSERT_MSG_EQ(pad->FindByAddress(Ipv6Address("2001:db8:b::1")),
                              nullptr,
                              "no address match after Clear");
        NS_TEST_ASSERT_MSG_EQ(pad->FindByName("gw.example"), nullptr, "no name match after Clear");
        pad->Clear();
        NS_TEST_ASSERT_MSG_EQ(pad->GetEntries().size(), 0u, "clearing twice is harmless");
        NS_TEST_ASSERT_MSG_EQ(pad->Add(MakeEntry("2001:db8:c::", 48, "mn.example")),
                              "",
                              "entries can be added again");
        NS_TEST_ASSERT_MSG_EQ(NameOf(pad->FindByAddress(Ipv6Address("2001:db8:c::1"))),
                              "mn.example",
                              "found after re-adding");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief Remove drops exactly the entries of one peer range (a mobile peer whose context moved
 * to another gateway), keeping the order of the others.
 */
class IpsecPadRemoveTestCase : public TestCase
{
  public:
    IpsecPadRemoveTestCase()
        : TestCase("PAD Remove drops one peer range only")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<IpsecPad> pad = CreateObject<IpsecPad>();
        pad->Add(MakeEntry("2001:db8:b::5", 128, "mn.example"));
        pad->Add(MakeEntry("2001:db8:b::", 48, "site.example"));
        pad->Add(MakeEntry("2001:db8:b::5", 128, "mn-again.example"));
        NS_TEST_EXPECT_MSG_EQ(pad->Remove(Ipv6Address("2001:db8:b::5"), Ipv6Prefix(64)),
                              0u,
                              "another prefix length is another range");
        NS_TEST_EXPECT_MSG_EQ(pad->Remove(Ipv6Address("2001:db8:b::5"), Ipv6Prefix(128)),
                              2u,
                              "both host entries removed");
        NS_TEST_ASSERT_MSG_EQ(pad->GetEntries().size(), 1u, "the /48 stays");
        NS_TEST_EXPECT_MSG_EQ(NameOf(pad->FindByAddress(Ipv6Address("2001:db8:b::5"))),
                              "site.example",
                              "the address now matches the covering range");
        NS_TEST_EXPECT_MSG_EQ(pad->Remove(Ipv6Address("2001:db8:b::5"), Ipv6Prefix(128)),
                              0u,
                              "removing again finds nothing");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief The PAD test suite.
 */
class IpsecPadTestSuite : public TestSuite
{
  public:
    IpsecPadTestSuite()
        : TestSuite("cxtp-ipsec-pad", TestSuite::UNIT)
    {
        AddTestCase(new IpsecPadValidateTestCase, TestCase::QUICK);
        AddTestCase(new IpsecPadFindByAddressTestCase, TestCase::QUICK);
        AddTestCase(new IpsecPadFindByNameTestCase, TestCase::QUICK);
        AddTestCase(new IpsecPadRemoveTestCase, TestCase::QUICK);
        AddTestCase(new IpsecPadClearTestCase, TestCase::QUICK);
    }
};

static IpsecPadTestSuite g_ipsecPadTestSuite; ///< the static instance registers the suite
