/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Tests of IpsecPfKey, the PF_KEYv2-like key-management interface (RFC 2367): SPI allocation
// and reservation, request validation, the simulated installation cost, DELETE, the Message
// trace, ACQUIRE rate limiting, EXPIRE forwarding and reproducible SPIs.
//
// Each case builds a bare Node holding IpsecSad, IpsecSpd, CryptoRandom and IpsecPfKey, which
// IpsecPfKey finds through aggregation; no IPv6 stack is needed.

#include "cxtp-test-isolation.h"

#include "ns3/config.h"
#include "ns3/crypto-cost-model.h"
#include "ns3/crypto-cost-profile.h"
#include "ns3/crypto-random.h"
#include "ns3/ipsec-pf-key.h"
#include "ns3/ipsec-policy.h"
#include "ns3/ipsec-sad.h"
#include "ns3/ipsec-security-association.h"
#include "ns3/ipsec-spd.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <fstream>
#include <set>
#include <string>
#include <tuple>
#include <unistd.h>
#include <vector>

using namespace ns3;

namespace
{

const Ipv6Address LOCAL("2001:db8:a::1");  ///< this node's outer address
const Ipv6Address PEER_B("2001:db8:b::1"); ///< a peer

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
 * \param policyId the rule it serves
 */
IpsecSecurityAssociation
MakeSa(IpsecDirection direction, uint32_t spi, uint32_t policyId = 0)
{
    IpsecSecurityAssociation sa;
    sa.spi = spi;
    sa.direction = direction;
    sa.mode = IpsecMode::TUNNEL;
    sa.source = direction == IpsecDirection::OUTBOUND ? LOCAL : PEER_B;
    sa.destination = direction == IpsecDirection::OUTBOUND ? PEER_B : LOCAL;
    sa.encryption = IpsecEncryption::AES_128_CBC;
    sa.encryptionKey.assign(16, 0x11);
    sa.integrity = IpsecIntegrity::HMAC_SHA1_96;
    sa.integrityKey.assign(20, 0x22);
    sa.policyId = policyId;
    return sa;
}

/**
 * \return a valid transport-mode outbound PROTECT rule for UDP
 * \param id its id (0 = automatic)
 */
IpsecPolicy
MakeProtect(uint32_t id = 0)
{
    IpsecPolicy p;
    p.id = id;
    p.direction = IpsecDirection::OUTBOUND;
    p.selector = IpsecTrafficSelector::ForProtocol(17);
    p.action = IpsecPolicyAction::PROTECT;
    p.mode = IpsecMode::TRANSPORT;
    return p;
}

/**
 * \return the fields of an outbound UDP packet to PEER_B
 */
IpsecPacketFields
UdpFields()
{
    IpsecPacketFields f;
    f.local = LOCAL;
    f.remote = PEER_B;
    f.nextHeader = 17;
    f.portsKnown = true;
    f.localPort = 4000;
    f.remotePort = 5000;
    return f;
}

/// The databases of one node and its PF_KEY interface.
struct KeyNode
{
    Ptr<Node> node;        ///< the node
    Ptr<IpsecSad> sad;     ///< its SAD
    Ptr<IpsecSpd> spd;     ///< its SPD
    Ptr<CryptoRandom> rng; ///< its random source
    Ptr<IpsecPfKey> pfKey; ///< its PF_KEY interface
};

/**
 * \brief Gives the node a cost model whose profile is zero.ini but for kernel.sa_install.
 * \param k the node
 * \param saInstall the kernel's cost of installing one SA
 */
void
SetSaInstallCost(const KeyNode& k, const std::string& saInstall)
{
    std::ifstream in(CryptoCostProfile::Resolve("zero"));
    std::string path = "/tmp/cxtp-pf-key-cost-" + std::to_string(getpid()) + ".ini";
    std::ofstream out(path);
    std::string line;
    while (std::getline(in, line))
    {
        out << (line.rfind("sa_install", 0) == 0 ? "sa_install = " + saInstall + " ; test" : line)
            << "\n";
    }
    out.close();
    Ptr<CryptoCostModel> model = k.node->GetObject<CryptoCostModel>();
    if (!model)
    {
        model = CreateObject<CryptoCostModel>();
        k.node->AggregateObject(model);
    }
    model->SetProfile(path);
}

/**
 * \param pfKeyFirst aggregate IpsecPfKey before the databases instead of after them
 * \return a node with the four objects aggregated
 */
KeyNode
MakeKeyNode(bool pfKeyFirst = false)
{
    KeyNode k;
    k.node = CreateObject<Node>();
    k.sad = CreateObject<IpsecSad>();
    k.spd = CreateObject<IpsecSpd>();
    k.rng = CreateObject<CryptoRandom>();
    k.pfKey = CreateObject<IpsecPfKey>();
    if (pfKeyFirst)
    {
        k.node->AggregateObject(k.pfKey);
    }
    k.node->AggregateObject(k.sad);
    k.node->AggregateObject(k.spd);
    k.node->AggregateObject(k.rng);
    if (!pfKeyFirst)
    {
        k.node->AggregateObject(k.pfKey);
    }
    return k;
}

/// One Message trace event: (type, SPI, policy id).
using Message = std::tuple<IpsecPfKeyMessage, uint32_t, uint32_t>;

/**
 * \param m a message
 * \return a readable form
 */
std::string
Describe(const Message& m)
{
    return ToString(std::get<0>(m)) + " spi " + std::to_string(std::get<1>(m)) + " policy " +
           std::to_string(std::get<2>(m));
}

} // namespace

/**
 * \ingroup cxtp-ipsec
 * \brief GetSpi, ReserveSpi, ReleaseSpi and IsSpiInUse.
 */
class IpsecPfKeySpiTestCase : public TestCase
{
  public:
    IpsecPfKeySpiTestCase()
        : TestCase("PF_KEY GetSpi hands out unique reserved SPIs that an inbound Add releases")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation guard;
        KeyNode k = MakeKeyNode();
        std::set<uint32_t> spis;
        std::vector<uint32_t> order;
        for (int i = 0; i < 1000; ++i)
        {
            uint32_t spi = k.pfKey->GetSpi();
            NS_TEST_EXPECT_MSG_GT_OR_EQ(spi, 256u, "SPI " << spi << " is not reserved by RFC");
            NS_TEST_EXPECT_MSG_EQ(k.pfKey->IsSpiInUse(spi), true, "a handed-out SPI is in use");
            spis.insert(spi);
            order.push_back(spi);
        }
        NS_TEST_ASSERT_MSG_EQ(spis.size(), 1000u, "1000 GetSpi calls give 1000 distinct SPIs");
        NS_TEST_ASSERT_MSG_EQ(k.sad->GetN(), 0u, "GetSpi installs no SA");

        // Adding an inbound SA with a reserved SPI consumes the reservation.
        const uint32_t spi = order.front();
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->Add(MakeSa(IpsecDirection::INBOUND, spi)),
                              "",
                              "inbound SA with a reserved SPI");
        NS_TEST_ASSERT_MSG_NE(k.sad->FindInbound(spi), nullptr, "installed");
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->IsSpiInUse(spi), true, "in use by the SA");
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->Delete(IpsecDirection::INBOUND, spi, Ipv6Address()),
                              "",
                              "delete the SA");
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->IsSpiInUse(spi),
                              false,
                              "free after the delete: the Add released the reservation");

        // An outbound SA with a reserved SPI does not release it (the SPI is the peer's).
        const uint32_t other = order.back();
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->Add(MakeSa(IpsecDirection::OUTBOUND, other)),
                              "",
                              "outbound SA with the same number as a reserved SPI");
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->IsSpiInUse(other), true, "still reserved");

        // ReserveSpi and ReleaseSpi.
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->ReserveSpi(order[1]), false, "already reserved");
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->Add(MakeSa(IpsecDirection::INBOUND, 0x12345)),
                              "",
                              "inbound SA with an unreserved SPI");
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->ReserveSpi(0x12345), false, "used by an inbound SA");
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->ReserveSpi(255), false, "SPI 255 is reserved by RFC");
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->ReserveSpi(0), false, "SPI 0 is reserved by RFC");
        uint32_t freeSpi = 256;
        while (k.pfKey->IsSpiInUse(freeSpi))
        {
            freeSpi++;
        }
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->ReserveSpi(freeSpi), true, "a free SPI");
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->IsSpiInUse(freeSpi), true, "now reserved");
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->ReserveSpi(freeSpi), false, "not twice");
        k.pfKey->ReleaseSpi(freeSpi);
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->IsSpiInUse(freeSpi), false, "released");
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->ReserveSpi(freeSpi), true, "reservable again");

        // Aggregation order does not matter.
        KeyNode reversed = MakeKeyNode(true);
        const uint32_t spi2 = reversed.pfKey->GetSpi();
        NS_TEST_ASSERT_MSG_GT_OR_EQ(spi2, 256u, "PF_KEY aggregated first finds its databases");
        NS_TEST_ASSERT_MSG_EQ(reversed.pfKey->Add(MakeSa(IpsecDirection::INBOUND, spi2)),
                              "",
                              "add through PF_KEY aggregated first");
        NS_TEST_ASSERT_MSG_EQ(reversed.sad->GetN(), 1u, "installed in the node's SAD");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief Invalid requests fail at once and install nothing.
 */
class IpsecPfKeyInvalidAddTestCase : public TestCase
{
  public:
    IpsecPfKeyInvalidAddTestCase()
        : TestCase("PF_KEY Add of an invalid SA fails at once and installs nothing")
    {
    }

  private:
    /// Completion.
    void Done(const std::string& error)
    {
        m_completions.push_back(error);
    }

    /// Message trace sink.
    void Traced(IpsecPfKeyMessage type, uint32_t spi, uint32_t policyId)
    {
        m_messages.emplace_back(type, spi, policyId);
    }

    std::vector<std::string> m_completions; ///< completion results
    std::vector<Message> m_messages;        ///< traced messages

    void DoRun() override
    {
        CxtpTestIsolation guard;
        m_completions.clear();
        m_messages.clear();
        KeyNode k = MakeKeyNode();
        SetSaInstallCost(k, "10 ms");
        k.pfKey->TraceConnectWithoutContext(
            "Message",
            MakeCallback(&IpsecPfKeyInvalidAddTestCase::Traced, this));
        auto done = MakeCallback(&IpsecPfKeyInvalidAddTestCase::Done, this);

        IpsecSecurityAssociation badKey = MakeSa(IpsecDirection::OUTBOUND, 0x1000);
        badKey.encryption = IpsecEncryption::TDES_CBC; // 16-byte key: 3DES needs 24
        std::string error = k.pfKey->Add(badKey, done);
        NS_TEST_ASSERT_MSG_EQ(Contains(error, "3des-cbc needs a 24-byte key, got 16"),
                              true,
                              "wrong key length reported at once: '" << error << "'");
        IpsecSecurityAssociation lowSpi = MakeSa(IpsecDirection::INBOUND, 200);
        error = k.pfKey->Add(lowSpi, done);
        NS_TEST_ASSERT_MSG_EQ(Contains(error, "reserved"), true, "SPI 200: '" << error << "'");

        NS_TEST_ASSERT_MSG_EQ(k.pfKey->Add(MakeSa(IpsecDirection::INBOUND, 0x2000)),
                              "",
                              "a valid inbound SA");
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(k.sad->GetN(), 1u, "only the valid SA was installed");
        error = k.pfKey->Add(MakeSa(IpsecDirection::INBOUND, 0x2000), done);
        NS_TEST_ASSERT_MSG_EQ(Contains(error, "inbound SPI 8192 is already in use"),
                              true,
                              "inbound SPI in use: '" << error << "'");
        IpsecSecurityAssociation badUpdate = MakeSa(IpsecDirection::INBOUND, 0x2000);
        badUpdate.pathMtu = 1000;
        error = k.pfKey->Update(badUpdate, done);
        NS_TEST_ASSERT_MSG_EQ(Contains(error, "path MTU"), true, "invalid update: " << error);
        error = k.pfKey->Update(MakeSa(IpsecDirection::INBOUND, 0x3000), done);
        NS_TEST_ASSERT_MSG_EQ(Contains(error, "not installed"), true, "missing: " << error);
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(k.sad->GetN(), 1u, "still one SA");
        NS_TEST_ASSERT_MSG_EQ(k.sad->Find(IpsecDirection::OUTBOUND, 0x1000, PEER_B),
                              nullptr,
                              "the invalid SA is not installed, even later");
        IpsecSecurityAssociation* kept = k.sad->FindInbound(0x2000);
        NS_TEST_ASSERT_MSG_EQ((kept ? kept->pathMtu : 0), 1500u, "the valid SA is unchanged");
        NS_TEST_ASSERT_MSG_EQ(m_completions.size(),
                              0u,
                              "refused requests never call their completion");
        NS_TEST_ASSERT_MSG_EQ(m_messages.size(), 1u, "only the valid SADB_ADD is traced");
        if (m_messages.size() == 1)
        {
            NS_TEST_ASSERT_MSG_EQ(Describe(m_messages[0]),
                                  "SADB_ADD spi 8192 policy 0",
                                  "the traced message");
        }
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief kernel.sa_install delays installation and completion, one request after the other.
 */
class IpsecPfKeyInstallCostTestCase : public TestCase
{
  public:
    IpsecPfKeyInstallCostTestCase()
        : TestCase("PF_KEY kernel.sa_install delays the installation and the completion by "
                   "10 ms, one request after the other")
    {
    }

  private:
    /// Completion of the first Add: records the time, the result and the SAD content.
    void Done(const std::string& error)
    {
        m_doneTimes.push_back(Simulator::Now());
        m_doneErrors.push_back(error);
        m_installedAtDone.push_back(m_sad->FindInbound(0x4000) != nullptr);
    }

    /**
     * \brief Scheduled check.
     * \param label what is checked
     * \param installed whether the SA must be installed
     * \param completions how many completions so far
     */
    void Check(std::string label, bool installed, size_t completions)
    {
        NS_TEST_EXPECT_MSG_EQ((m_sad->FindInbound(0x4000) != nullptr),
                              installed,
                              label << ": installed");
        NS_TEST_EXPECT_MSG_EQ(m_doneTimes.size(), completions, label << ": completions");
    }

    Ptr<IpsecSad> m_sad;                   ///< the SAD
    std::vector<Time> m_doneTimes;         ///< completion times
    std::vector<std::string> m_doneErrors; ///< completion results
    std::vector<bool> m_installedAtDone;   ///< SA installed when the completion ran

    void DoRun() override
    {
        CxtpTestIsolation guard;
        m_doneTimes.clear();
        m_doneErrors.clear();
        m_installedAtDone.clear();
        KeyNode k = MakeKeyNode();
        m_sad = k.sad;
        SetSaInstallCost(k, "10 ms");
        auto done = MakeCallback(&IpsecPfKeyInstallCostTestCase::Done, this);

        NS_TEST_ASSERT_MSG_EQ(k.pfKey->ReserveSpi(0x4000), true, "reserve the SPI");
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->Add(MakeSa(IpsecDirection::INBOUND, 0x4000), done),
                              "",
                              "the request is valid");
        NS_TEST_ASSERT_MSG_EQ(k.sad->GetN(), 0u, "not installed when Add returns");
        NS_TEST_ASSERT_MSG_EQ(m_doneTimes.size(), 0u, "no completion yet");
        // A second request for the same SPI is accepted (nothing installed yet) but fails when
        // it is applied.
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->Add(MakeSa(IpsecDirection::INBOUND, 0x4000), done),
                              "",
                              "a second request for the same SPI, while the first is pending");

        Simulator::Schedule(MilliSeconds(5),
                            &IpsecPfKeyInstallCostTestCase::Check,
                            this,
                            "5 ms",
                            false,
                            0);
        Simulator::Schedule(MicroSeconds(9999),
                            &IpsecPfKeyInstallCostTestCase::Check,
                            this,
                            "9.999 ms",
                            false,
                            0);
        Simulator::Schedule(MilliSeconds(11),
                            &IpsecPfKeyInstallCostTestCase::Check,
                            this,
                            "11 ms",
                            true,
                            1);
        // The node's processor serves the second request after the first (IpsecWorkClock).
        Simulator::Schedule(MilliSeconds(21),
                            &IpsecPfKeyInstallCostTestCase::Check,
                            this,
                            "21 ms",
                            true,
                            2);
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(m_doneTimes.size(), 2u, "both completions ran");
        if (m_doneTimes.size() == 2)
        {
            NS_TEST_ASSERT_MSG_EQ(m_doneTimes[0], MilliSeconds(10), "first completion at 10 ms");
            NS_TEST_ASSERT_MSG_EQ(m_doneErrors[0], "", "first completion: success");
            NS_TEST_ASSERT_MSG_EQ(m_installedAtDone[0],
                                  true,
                                  "the SA is installed when the completion runs");
            NS_TEST_ASSERT_MSG_EQ(m_doneTimes[1], MilliSeconds(20), "second completion at 20 ms");
            NS_TEST_ASSERT_MSG_EQ(Contains(m_doneErrors[1], "already installed"),
                                  true,
                                  "second completion reports the collision: '" << m_doneErrors[1]
                                                                               << "'");
        }
        IpsecSecurityAssociation* sa = k.sad->FindInbound(0x4000);
        NS_TEST_ASSERT_MSG_EQ((sa ? sa->addTime : Seconds(-1)),
                              MilliSeconds(10),
                              "addTime is the installation time");
        NS_TEST_ASSERT_MSG_EQ(k.sad->GetN(), 1u, "one SA");

        // With a zero cost the completion runs before Add returns.
        k.node->GetObject<CryptoCostModel>()->SetProfile("zero");
        m_doneTimes.clear();
        m_doneErrors.clear();
        m_installedAtDone.clear();
        IpsecSecurityAssociation out = MakeSa(IpsecDirection::OUTBOUND, 0x4000);
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->Add(out, done), "", "zero-cost add");
        NS_TEST_ASSERT_MSG_EQ(m_doneErrors.size(), 1u, "completion already ran");
        NS_TEST_ASSERT_MSG_EQ(k.sad->GetN(), 2u, "installed at once");
        m_sad = nullptr;
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief Delete of a missing SA and Get.
 */
class IpsecPfKeyDeleteTestCase : public TestCase
{
  public:
    IpsecPfKeyDeleteTestCase()
        : TestCase("PF_KEY Delete of a missing SA returns an error")
    {
    }

  private:
    /// Completion.
    void Done(const std::string& error)
    {
        m_completions.push_back(error);
    }

    std::vector<std::string> m_completions; ///< completion results

    void DoRun() override
    {
        CxtpTestIsolation guard;
        m_completions.clear();
        KeyNode k = MakeKeyNode();
        auto done = MakeCallback(&IpsecPfKeyDeleteTestCase::Done, this);
        const auto out = IpsecDirection::OUTBOUND;
        std::string error = k.pfKey->Delete(out, 0x999, PEER_B, done);
        NS_TEST_ASSERT_MSG_EQ(Contains(error, "to delete is not installed"),
                              true,
                              "missing SA: '" << error << "'");
        NS_TEST_ASSERT_MSG_EQ(m_completions.size(), 0u, "no completion for a refused delete");

        NS_TEST_ASSERT_MSG_EQ(k.pfKey->Add(MakeSa(out, 0x999)), "", "add");
        IpsecSecurityAssociation copy;
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->Get(out, 0x999, PEER_B, copy), true, "Get finds it");
        NS_TEST_ASSERT_MSG_EQ(copy.spi, 0x999u, "Get copies it");
        NS_TEST_ASSERT_MSG_EQ(copy.destination, PEER_B, "Get copies it (destination)");
        error = k.pfKey->Delete(out, 0x999, LOCAL, done);
        NS_TEST_ASSERT_MSG_EQ(error.empty(), false, "wrong destination: not the same SA");
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->Delete(out, 0x999, PEER_B, done), "", "delete");
        NS_TEST_ASSERT_MSG_EQ(m_completions.size(), 1u, "completion ran at once");
        NS_TEST_ASSERT_MSG_EQ((m_completions.empty() ? "x" : m_completions[0]), "", "success");
        NS_TEST_ASSERT_MSG_EQ(k.sad->GetN(), 0u, "deleted");
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->Get(out, 0x999, PEER_B, copy), false, "Get: gone");
        error = k.pfKey->Delete(out, 0x999, PEER_B, done);
        NS_TEST_ASSERT_MSG_EQ(Contains(error, "not installed"), true, "deleting twice: " << error);
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief The Message trace sees every PF_KEY message.
 */
class IpsecPfKeyMessageTestCase : public TestCase
{
  public:
    IpsecPfKeyMessageTestCase()
        : TestCase("PF_KEY Message trace sees SADB_ADD, SADB_DELETE and the other messages")
    {
    }

  private:
    /// Message trace sink.
    void Traced(IpsecPfKeyMessage type, uint32_t spi, uint32_t policyId)
    {
        m_messages.emplace_back(type, spi, policyId);
    }

    /// Acquire listener (ignored).
    void Acquired(const IpsecPolicy& /* policy */, const IpsecPacketFields& /* fields */)
    {
    }

    /// Expire listener (ignored).
    void Expired(const IpsecSecurityAssociation& /* sa */, bool /* hard */)
    {
    }

    std::vector<Message> m_messages; ///< traced messages

    void DoRun() override
    {
        CxtpTestIsolation guard;
        m_messages.clear();
        KeyNode k = MakeKeyNode();
        k.pfKey->TraceConnectWithoutContext("Message",
                                            MakeCallback(&IpsecPfKeyMessageTestCase::Traced, this));

        k.pfKey->Register(MakeCallback(&IpsecPfKeyMessageTestCase::Acquired, this),
                          MakeCallback(&IpsecPfKeyMessageTestCase::Expired, this));
        const uint32_t spi = k.pfKey->GetSpi();
        uint32_t pid = 0;
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->AddPolicy(MakeProtect(), pid), "", "SPDADD");
        NS_TEST_ASSERT_MSG_NE(k.spd->Get(pid), nullptr, "the rule is in the SPD");
        IpsecSecurityAssociation sa = MakeSa(IpsecDirection::INBOUND, spi, pid);
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->Add(sa), "", "ADD");
        IpsecSecurityAssociation copy;
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->Get(IpsecDirection::INBOUND, spi, Ipv6Address(), copy),
                              true,
                              "GET");
        sa.pathMtu = 1400;
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->Update(sa), "", "UPDATE");
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->Dump().size(), 1u, "DUMP");
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->Delete(IpsecDirection::INBOUND, spi, Ipv6Address()),
                              "",
                              "DELETE");
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->DeletePolicy(pid), true, "SPDDELETE");
        NS_TEST_ASSERT_MSG_EQ(k.spd->Get(pid), nullptr, "the rule is gone");
        k.pfKey->Flush();
        // Refused requests are not traced.
        NS_TEST_ASSERT_MSG_NE(k.pfKey->Delete(IpsecDirection::INBOUND, spi, Ipv6Address()),
                              "",
                              "refused DELETE");
        IpsecSecurityAssociation bad = sa;
        bad.spi = 1;
        NS_TEST_ASSERT_MSG_NE(k.pfKey->Add(bad), "", "refused ADD");

        const std::vector<Message> expected = {
            {IpsecPfKeyMessage::REGISTER, 0, 0},
            {IpsecPfKeyMessage::GETSPI, spi, 0},
            {IpsecPfKeyMessage::SPDADD, 0, pid},
            {IpsecPfKeyMessage::ADD, spi, pid},
            {IpsecPfKeyMessage::GET, spi, 0},
            {IpsecPfKeyMessage::UPDATE, spi, pid},
            {IpsecPfKeyMessage::DUMP, 0, 0},
            {IpsecPfKeyMessage::DELETE, spi, pid},
            {IpsecPfKeyMessage::SPDDELETE, 0, pid},
            {IpsecPfKeyMessage::FLUSH, 0, 0},
        };
        NS_TEST_ASSERT_MSG_EQ(m_messages.size(), expected.size(), "number of messages");
        for (size_t i = 0; i < expected.size() && i < m_messages.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(Describe(m_messages[i]), Describe(expected[i]), "message " << i);
        }

        NS_TEST_ASSERT_MSG_EQ(ToString(IpsecPfKeyMessage::ADD), "SADB_ADD", "name of ADD");
        NS_TEST_ASSERT_MSG_EQ(ToString(IpsecPfKeyMessage::DELETE), "SADB_DELETE", "DELETE");
        NS_TEST_ASSERT_MSG_EQ(ToString(IpsecPfKeyMessage::EXPIRE), "SADB_EXPIRE", "EXPIRE");
        NS_TEST_ASSERT_MSG_EQ(ToString(IpsecPfKeyMessage::SPDADD), "SADB_X_SPDADD", "SPDADD");
        NS_TEST_ASSERT_MSG_EQ(ToString(IpsecPfKeyMessage::SPDDELETE),
                              "SADB_X_SPDDELETE",
                              "SPDDELETE");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief ACQUIRE goes to the listeners once per rule until the rule's SAs change.
 */
class IpsecPfKeyAcquireTestCase : public TestCase
{
  public:
    IpsecPfKeyAcquireTestCase()
        : TestCase("PF_KEY Acquire is suppressed within AcquireBlockTime until the SAs change")
    {
    }

  private:
    /// Acquire listener.
    void Acquired(const IpsecPolicy& policy, const IpsecPacketFields& fields)
    {
        m_acquired.push_back(policy.id);
        m_remotes.push_back(fields.remote);
    }

    std::vector<uint32_t> m_acquired;   ///< policy ids
    std::vector<Ipv6Address> m_remotes; ///< packet destinations

    void DoRun() override
    {
        CxtpTestIsolation guard;
        m_acquired.clear();
        m_remotes.clear();
        KeyNode k = MakeKeyNode();
        k.pfKey->Register(MakeCallback(&IpsecPfKeyAcquireTestCase::Acquired, this),
                          IpsecPfKey::ExpireCallback());
        uint32_t pid = 0;
        uint32_t qid = 0;
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->AddPolicy(MakeProtect(), pid), "", "rule p");
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->AddPolicy(MakeProtect(), qid), "", "rule q");
        const IpsecPolicy* p = k.spd->Get(pid);
        const IpsecPolicy* q = k.spd->Get(qid);
        NS_TEST_ASSERT_MSG_NE(p, nullptr, "rule p installed");
        NS_TEST_ASSERT_MSG_NE(q, nullptr, "rule q installed");
        if (!p || !q)
        {
            return;
        }
        const IpsecPolicy pCopy = *p;
        const IpsecPolicy qCopy = *q;
        const IpsecPacketFields f = UdpFields();

        k.pfKey->Acquire(pCopy, f);
        NS_TEST_ASSERT_MSG_EQ(m_acquired.size(), 1u, "first ACQUIRE delivered");
        NS_TEST_ASSERT_MSG_EQ((m_acquired.empty() ? 0 : m_acquired[0]), pid, "for rule p");
        NS_TEST_ASSERT_MSG_EQ((m_remotes.empty() ? Ipv6Address() : m_remotes[0]),
                              PEER_B,
                              "with the packet's fields");
        k.pfKey->Acquire(pCopy, f);
        NS_TEST_ASSERT_MSG_EQ(m_acquired.size(), 1u, "second ACQUIRE for p suppressed");
        k.pfKey->Acquire(qCopy, f);
        NS_TEST_ASSERT_MSG_EQ(m_acquired.size(), 2u, "rule q is blocked separately");

        // An SA for another rule does not unblock p.
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->Add(MakeSa(IpsecDirection::OUTBOUND, 0x700, qid)),
                              "",
                              "SA for q");
        k.pfKey->Acquire(pCopy, f);
        NS_TEST_ASSERT_MSG_EQ(m_acquired.size(), 2u, "p still suppressed");
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->Add(MakeSa(IpsecDirection::OUTBOUND, 0x701, 0)),
                              "",
                              "SA for no rule");
        k.pfKey->Acquire(pCopy, f);
        NS_TEST_ASSERT_MSG_EQ(m_acquired.size(), 2u, "p still suppressed (SA without rule)");

        // An SA for p is added: p is unblocked.
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->Add(MakeSa(IpsecDirection::OUTBOUND, 0x800, pid)),
                              "",
                              "SA for p");
        k.pfKey->Acquire(pCopy, f);
        NS_TEST_ASSERT_MSG_EQ(m_acquired.size(), 3u, "ACQUIRE after an SA of p was added");
        k.pfKey->Acquire(pCopy, f);
        NS_TEST_ASSERT_MSG_EQ(m_acquired.size(), 3u, "and suppressed again");

        // The SA for p is removed: p is unblocked again.
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->Delete(IpsecDirection::OUTBOUND, 0x800, PEER_B),
                              "",
                              "delete the SA for p");
        k.pfKey->Acquire(pCopy, f);
        NS_TEST_ASSERT_MSG_EQ(m_acquired.size(), 4u, "ACQUIRE after the SA of p was removed");
        k.pfKey->Acquire(pCopy, f);
        NS_TEST_ASSERT_MSG_EQ(m_acquired.size(), 4u, "suppressed once more");
        if (m_acquired.size() == 4)
        {
            NS_TEST_ASSERT_MSG_EQ(m_acquired[1], qid, "second ACQUIRE for q");
            NS_TEST_ASSERT_MSG_EQ(m_acquired[2], pid, "third for p");
            NS_TEST_ASSERT_MSG_EQ(m_acquired[3], pid, "fourth for p");
        }
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief The block ends after AcquireBlockTime.
 */
class IpsecPfKeyAcquireBlockTimeTestCase : public TestCase
{
  public:
    IpsecPfKeyAcquireBlockTimeTestCase()
        : TestCase("PF_KEY Acquire goes through again once AcquireBlockTime has passed")
    {
    }

  private:
    /// Acquire listener.
    void Acquired(const IpsecPolicy& /* policy */, const IpsecPacketFields& /* fields */)
    {
        m_times.push_back(Simulator::Now());
    }

    std::vector<Time> m_times; ///< times of the delivered ACQUIREs

    void DoRun() override
    {
        CxtpTestIsolation guard;
        m_times.clear();
        KeyNode k = MakeKeyNode();
        k.pfKey->SetAttribute("AcquireBlockTime", TimeValue(Seconds(1)));
        k.pfKey->Register(MakeCallback(&IpsecPfKeyAcquireBlockTimeTestCase::Acquired, this),
                          IpsecPfKey::ExpireCallback());
        uint32_t pid = 0;
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->AddPolicy(MakeProtect(), pid), "", "rule");
        const IpsecPolicy* installed = k.spd->Get(pid);
        NS_TEST_ASSERT_MSG_NE(installed, nullptr, "rule installed");
        if (!installed)
        {
            return;
        }
        const IpsecPolicy policy = *installed;
        const IpsecPacketFields f = UdpFields();
        Ptr<IpsecPfKey> pfKey = k.pfKey;
        for (double t : {0.0, 0.5, 0.999, 1.0, 1.5, 1.999999, 2.0, 3.5})
        {
            Simulator::Schedule(Seconds(t), [pfKey, policy, f]() { pfKey->Acquire(policy, f); });
        }
        Simulator::Run();
        const std::vector<Time> expected = {Seconds(0), Seconds(1), Seconds(2), Seconds(3.5)};
        NS_TEST_ASSERT_MSG_EQ(m_times.size(), expected.size(), "delivered ACQUIREs");
        for (size_t i = 0; i < expected.size() && i < m_times.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(m_times[i], expected[i], "ACQUIRE " << i);
        }
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief EXPIRE goes to every registered listener and to the Message trace.
 */
class IpsecPfKeyExpireTestCase : public TestCase
{
  public:
    IpsecPfKeyExpireTestCase()
        : TestCase("PF_KEY forwards soft and hard expiries to the listeners and traces EXPIRE")
    {
    }

  private:
    /// First expire listener.
    void ExpiredA(const IpsecSecurityAssociation& sa, bool hard)
    {
        m_a.emplace_back(Simulator::Now(), sa.spi, hard);
    }

    /// Second expire listener.
    void ExpiredB(const IpsecSecurityAssociation& sa, bool hard)
    {
        m_b.emplace_back(Simulator::Now(), sa.spi, hard);
    }

    /// Message trace sink.
    void Traced(IpsecPfKeyMessage type, uint32_t spi, uint32_t policyId)
    {
        if (type == IpsecPfKeyMessage::EXPIRE)
        {
            m_traced.emplace_back(Simulator::Now(), spi, policyId);
        }
    }

    using Event = std::tuple<Time, uint32_t, bool>;             ///< (time, SPI, hard)
    std::vector<Event> m_a;                                     ///< first listener
    std::vector<Event> m_b;                                     ///< second listener
    std::vector<std::tuple<Time, uint32_t, uint32_t>> m_traced; ///< (time, SPI, policy)

    void DoRun() override
    {
        CxtpTestIsolation guard;
        m_a.clear();
        m_b.clear();
        m_traced.clear();
        KeyNode k = MakeKeyNode();
        k.pfKey->TraceConnectWithoutContext("Message",
                                            MakeCallback(&IpsecPfKeyExpireTestCase::Traced, this));
        k.pfKey->Register(IpsecPfKey::AcquireCallback(),
                          MakeCallback(&IpsecPfKeyExpireTestCase::ExpiredA, this));
        k.pfKey->Register(IpsecPfKey::AcquireCallback(),
                          MakeCallback(&IpsecPfKeyExpireTestCase::ExpiredB, this));

        IpsecSecurityAssociation timed = MakeSa(IpsecDirection::OUTBOUND, 0x900, 5);
        timed.softLifetime.time = Seconds(1);
        timed.hardLifetime.time = Seconds(2);
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->Add(timed), "", "SA soft 1 s, hard 2 s");
        IpsecSecurityAssociation counted = MakeSa(IpsecDirection::INBOUND, 0xa00, 6);
        counted.softLifetime.bytes = 100;
        counted.hardLifetime.bytes = 200;
        NS_TEST_ASSERT_MSG_EQ(k.pfKey->Add(counted), "", "SA soft 100 B, hard 200 B");
        Ptr<IpsecSad> sad = k.sad;
        Simulator::Schedule(Seconds(3), [sad]() {
            IpsecSecurityAssociation* sa = sad->FindInbound(0xa00);
            if (sa && sad->Account(*sa, 150))
            {
                sa = sad->FindInbound(0xa00);
                if (sa)
                {
                    sad->Account(*sa, 50);
                }
            }
        });
        Simulator::Run();

        const std::vector<Event> expected = {
            {Seconds(1), 0x900, false},
            {Seconds(2), 0x900, true},
            {Seconds(3), 0xa00, false},
            {Seconds(3), 0xa00, true},
        };
        NS_TEST_ASSERT_MSG_EQ(m_a.size(), expected.size(), "first listener: every expiry");
        NS_TEST_ASSERT_MSG_EQ(m_b.size(), expected.size(), "second listener: every expiry");
        for (size_t i = 0; i < expected.size(); ++i)
        {
            if (i < m_a.size())
            {
                NS_TEST_EXPECT_MSG_EQ(std::get<0>(m_a[i]), std::get<0>(expected[i]), "A time");
                NS_TEST_EXPECT_MSG_EQ(std::get<1>(m_a[i]), std::get<1>(expected[i]), "A SPI");
                NS_TEST_EXPECT_MSG_EQ(std::get<2>(m_a[i]), std::get<2>(expected[i]), "A hard");
            }
            if (i < m_b.size())
            {
                NS_TEST_EXPECT_MSG_EQ(std::get<0>(m_b[i]), std::get<0>(expected[i]), "B time");
                NS_TEST_EXPECT_MSG_EQ(std::get<1>(m_b[i]), std::get<1>(expected[i]), "B SPI");
                NS_TEST_EXPECT_MSG_EQ(std::get<2>(m_b[i]), std::get<2>(expected[i]), "B hard");
            }
        }
        NS_TEST_ASSERT_MSG_EQ(m_traced.size(), 4u, "one EXPIRE message per expiry");
        if (m_traced.size() == 4)
        {
            NS_TEST_EXPECT_MSG_EQ(std::get<0>(m_traced[0]), Seconds(1), "EXPIRE 0 time");
            NS_TEST_EXPECT_MSG_EQ(std::get<1>(m_traced[0]), 0x900u, "EXPIRE 0 SPI");
            NS_TEST_EXPECT_MSG_EQ(std::get<2>(m_traced[0]), 5u, "EXPIRE 0 policy");
            NS_TEST_EXPECT_MSG_EQ(std::get<0>(m_traced[1]), Seconds(2), "EXPIRE 1 time");
            NS_TEST_EXPECT_MSG_EQ(std::get<1>(m_traced[3]), 0xa00u, "EXPIRE 3 SPI");
            NS_TEST_EXPECT_MSG_EQ(std::get<2>(m_traced[3]), 6u, "EXPIRE 3 policy");
        }
        NS_TEST_ASSERT_MSG_EQ(k.sad->GetN(), 0u, "both SAs reached their hard limit");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief The same seed, run and stream give the same SPIs.
 */
class IpsecPfKeyDeterminismTestCase : public TestCase
{
  public:
    IpsecPfKeyDeterminismTestCase()
        : TestCase("PF_KEY SPIs repeat with the same seed, run and stream")
    {
    }

  private:
    /**
     * \param stream the CryptoRandom stream
     * \return 20 SPIs from a fresh node
     */
    static std::vector<uint32_t> Draw(int64_t stream)
    {
        KeyNode k = MakeKeyNode();
        k.rng->AssignStreams(stream);
        std::vector<uint32_t> spis;
        for (int i = 0; i < 20; ++i)
        {
            spis.push_back(k.pfKey->GetSpi());
        }
        return spis;
    }

    void DoRun() override
    {
        CxtpTestIsolation guard; // restores the caller's seed and run at the end
        RngSeedManager::SetSeed(3);
        RngSeedManager::SetRun(5);
        const std::vector<uint32_t> first = Draw(17);
        // Other random draws in between must not matter.
        CreateObject<CryptoRandom>()->GetBytes(100);
        const std::vector<uint32_t> second = Draw(17);
        const std::vector<uint32_t> otherStream = Draw(18);
        RngSeedManager::SetRun(6);
        const std::vector<uint32_t> otherRun = Draw(17);

        NS_TEST_ASSERT_MSG_EQ(first.size(), 20u, "20 SPIs");
        NS_TEST_ASSERT_MSG_EQ((first == second), true, "same seed, run and stream: same SPIs");
        NS_TEST_ASSERT_MSG_EQ((first == otherStream), false, "another stream: other SPIs");
        NS_TEST_ASSERT_MSG_EQ((first == otherRun), false, "another run: other SPIs");
        NS_TEST_ASSERT_MSG_EQ(std::set<uint32_t>(first.begin(), first.end()).size(),
                              20u,
                              "distinct within one node");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief The PF_KEY test suite.
 */
class IpsecPfKeyTestSuite : public TestSuite
{
  public:
    IpsecPfKeyTestSuite()
        : TestSuite("cxtp-ipsec-pf-key", TestSuite::UNIT)
    {
        AddTestCase(new IpsecPfKeySpiTestCase, TestCase::QUICK);
        AddTestCase(new IpsecPfKeyInvalidAddTestCase, TestCase::QUICK);
        AddTestCase(new IpsecPfKeyInstallCostTestCase, TestCase::QUICK);
        AddTestCase(new IpsecPfKeyDeleteTestCase, TestCase::QUICK);
        AddTestCase(new IpsecPfKeyMessageTestCase, TestCase::QUICK);
        AddTestCase(new IpsecPfKeyAcquireTestCase, TestCase::QUICK);
        AddTestCase(new IpsecPfKeyAcquireBlockTimeTestCase, TestCase::QUICK);
        AddTestCase(new IpsecPfKeyExpireTestCase, TestCase::QUICK);
        AddTestCase(new IpsecPfKeyDeterminismTestCase, TestCase::QUICK);
    }
};

static IpsecPfKeyTestSuite g_ipsecPfKeyTestSuite; ///< the static instance registers the suite
