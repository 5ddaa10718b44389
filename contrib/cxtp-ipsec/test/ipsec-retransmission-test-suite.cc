/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// IpsecRetransmission: the instants of the retransmissions and of giving up, per policy.

#include "cxtp-test-isolation.h"

#include "ns3/ipsec-retransmission.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <functional>
#include <vector>

using namespace ns3;

/**
 * \ingroup cxtp-ipsec-tests
 * \brief A request armed at 1 s whose first transmission leaves after a delay: the resend
 * and give-up instants follow the policy.
 */
class IpsecRetransmissionPolicyTestCase : public TestCase
{
  public:
    /**
     * \param name what is checked
     * \param policy the policy
     * \param firstDelay the sender's processing before the first transmission
     * \param resends expected resend instants
     * \param giveUp expected give-up instant
     */
    IpsecRetransmissionPolicyTestCase(std::string name,
                                      IpsecRetransmissionPolicy policy,
                                      Time firstDelay,
                                      std::vector<Time> resends,
                                      Time giveUp)
        : TestCase(name),
          m_policy(policy),
          m_firstDelay(firstDelay),
          m_expected(std::move(resends)),
          m_expectedGiveUp(giveUp)
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        IpsecRetransmission rtx;
        std::vector<Time> resends;
        Time gaveUp = Time::Max();
        Simulator::Schedule(Seconds(1), [&]() {
            rtx.Start(m_policy,
                      m_firstDelay,
                      Callback<void>([&]() { resends.push_back(Simulator::Now()); }),
                      Callback<void>([&]() { gaveUp = Simulator::Now(); }));
        });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(resends.size(), m_expected.size(), "number of retransmissions");
        for (size_t i = 0; i < resends.size() && i < m_expected.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(resends[i], m_expected[i], "retransmission " << i + 1);
        }
        NS_TEST_EXPECT_MSG_EQ(gaveUp, m_expectedGiveUp, "given up");
        NS_TEST_EXPECT_MSG_EQ(rtx.GetRetries(), m_expected.size(), "GetRetries");
        NS_TEST_EXPECT_MSG_EQ(rtx.IsActive(), false, "no timer left");
        Simulator::Destroy();
    }

    IpsecRetransmissionPolicy m_policy; ///< the policy
    Time m_firstDelay;                  ///< delay of the first transmission
    std::vector<Time> m_expected;       ///< expected resend instants
    Time m_expectedGiveUp;              ///< expected give-up instant
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Stop() disarms; the exchange cache recognises a repeated request.
 */
class IpsecRetransmissionStopTestCase : public TestCase
{
  public:
    IpsecRetransmissionStopTestCase()
        : TestCase("Stop() disarms the timer; the last received message is a duplicate")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        IpsecRetransmission rtx;
        int calls = 0;
        rtx.Start(IpsecRetransmissionPolicy::Fixed(Seconds(1), 3),
                  Seconds(0),
                  Callback<void>([&]() { ++calls; }),
                  Callback<void>([&]() { calls += 100; }));
        NS_TEST_EXPECT_MSG_EQ(rtx.IsActive(), true, "armed");
        Simulator::Schedule(MilliSeconds(1500), [&]() { rtx.Stop(); });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(calls, 1, "one retransmission at 1 s, then stopped");
        NS_TEST_EXPECT_MSG_EQ(rtx.IsActive(), false, "stopped");
        Simulator::Destroy();

        std::vector<uint8_t> request{1, 2, 3};
        NS_TEST_EXPECT_MSG_EQ(rtx.IsDuplicate(request), false, "nothing received yet");
        rtx.NoteReceived(request);
        rtx.NoteSent({4, 5});
        NS_TEST_EXPECT_MSG_EQ(rtx.IsDuplicate(request), true, "the same request again");
        NS_TEST_EXPECT_MSG_EQ(rtx.IsDuplicate({1, 2}), false, "another message");
        NS_TEST_EXPECT_MSG_EQ((rtx.GetLastSent() == std::vector<uint8_t>{4, 5}),
                              true,
                              "the answer to send again");
        NS_TEST_EXPECT_MSG_EQ(rtx.AnswersLastReceived(), true, "it answers the request");
        // The peer's answer to our message: a repeat of it is not answered again.
        rtx.NoteReceived({6, 7});
        NS_TEST_EXPECT_MSG_EQ(rtx.AnswersLastReceived(),
                              false,
                              "our last message does not answer the peer's last");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Capped (RFC 6275 §11.8): doubling up to the largest timeout, then at that rate with no
 * end; GetTimeout() inside the resend callback is the timeout that runs from that resend; the
 * callback may Stop() or Start() the timer it runs from.
 */
class IpsecRetransmissionCappedTestCase : public TestCase
{
  public:
    IpsecRetransmissionCappedTestCase()
        : TestCase("capped: doubling up to the cap, then steady; Stop() and Start() from the resend")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        IpsecRetransmission rtx;
        std::vector<Time> at;
        std::vector<Time> timeouts;
        bool restarted = false;
        std::function<void()> resend = [&]() {
            at.push_back(Simulator::Now());
            timeouts.push_back(rtx.GetTimeout());
            if (at.size() == 5 && !restarted)
            {
                restarted = true; // a new attempt: the back-off starts over
                rtx.Start(IpsecRetransmissionPolicy::Capped(Seconds(1), Seconds(4)),
                          Seconds(0),
                          Callback<void>(resend),
                          Callback<void>());
            }
            else if (at.size() == 7)
            {
                rtx.Stop();
            }
        };
        rtx.Start(IpsecRetransmissionPolicy::Capped(Seconds(1), Seconds(4)),
                  Seconds(0),
                  Callback<void>(resend),
                  Callback<void>());
        Simulator::Run();
        std::vector<Time> expectedAt{Seconds(1),
                                     Seconds(3),
                                     Seconds(7),
                                     Seconds(11),
                                     Seconds(15),
                                     Seconds(16),
                                     Seconds(18)};
        std::vector<Time> expectedTimeouts{Seconds(2),
                                           Seconds(4),
                                           Seconds(4),
                                           Seconds(4),
                                           Seconds(4),
                                           Seconds(2),
                                           Seconds(4)};
        NS_TEST_EXPECT_MSG_EQ((at == expectedAt), true, "resend instants");
        NS_TEST_EXPECT_MSG_EQ((timeouts == expectedTimeouts), true, "timeouts");
        NS_TEST_EXPECT_MSG_EQ(rtx.IsActive(), false, "stopped from the callback");
        Simulator::Destroy();
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Suite of IpsecRetransmission.
 */
class IpsecRetransmissionTestSuite : public TestSuite
{
  public:
    IpsecRetransmissionTestSuite()
        : TestSuite("cxtp-ipsec-retransmission", UNIT)
    {
        // racoon: first transmission at 1.2 s, then every 10 s, 3 times; no answer 10 s later.
        AddTestCase(new IpsecRetransmissionPolicyTestCase(
                        "fixed: every interval after the first transmission, then give up",
                        IpsecRetransmissionPolicy::Fixed(Seconds(10), 3),
                        MilliSeconds(200),
                        {MilliSeconds(11200), MilliSeconds(21200), MilliSeconds(31200)},
                        MilliSeconds(41200)),
                    TestCase::QUICK);
        // RFC 7296 §2.1 with charon's factor: timeouts 2, 3.6, 6.48 s after each transmission.
        AddTestCase(new IpsecRetransmissionPolicyTestCase(
                        "exponential: each timeout 1.8 times the one before",
                        IpsecRetransmissionPolicy::Exponential(Seconds(2), 1.8, 2),
                        Seconds(0),
                        {Seconds(3), MilliSeconds(6600)},
                        MilliSeconds(13080)),
                    TestCase::QUICK);
        // RFC 4067 §3: 50, 100, 200 ms back-off cut by the 200 ms deadline.
        AddTestCase(new IpsecRetransmissionPolicyTestCase(
                        "deadline: doubling, no retransmission after the deadline",
                        IpsecRetransmissionPolicy::Deadline(MilliSeconds(50), MilliSeconds(200)),
                        Seconds(0),
                        {MilliSeconds(1050), MilliSeconds(1150)},
                        MilliSeconds(1200)),
                    TestCase::QUICK);
        AddTestCase(new IpsecRetransmissionCappedTestCase, TestCase::QUICK);
        AddTestCase(new IpsecRetransmissionStopTestCase, TestCase::QUICK);
    }
};

/// Static instance.
static IpsecRetransmissionTestSuite g_ipsecRetransmissionTestSuite;
