/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Tests of IpsecReplayWindow against RFC 4303 section 3.4.3 and Appendix A.
//
// Notation (RFC 4303 Appendix A): T = highest authenticated number, W = window size, Tl / Th = low
// / high 32 bits of T, Seql / Seqh = those of the received number, Bl = Tl - W + 1 mod 2^32.
// Appendix A2.2:  case A (Tl >= W - 1): Seql >= Bl -> Seqh = Th,     else Seqh = Th + 1;
//                 case B (Tl <  W - 1): Seql >= Bl -> Seqh = Th - 1, else Seqh = Th.
// Bitmap: bit i of the window (bit i % 64 of word i / 64) stands for T - i.
// All expected values below are derived by hand from these rules; the comments show the working.

#include "ns3/ipsec-replay-window.h"
#include "ns3/test.h"

#include <string>
#include <vector>

using namespace ns3;

namespace
{

using Verdict = IpsecReplayWindow::Verdict;

/**
 * \param verdict a verdict
 * \return its name, for readable test messages
 */
std::string
VerdictName(Verdict verdict)
{
    switch (verdict)
    {
    case Verdict::ACCEPT:
        return "ACCEPT";
    case Verdict::DUPLICATE:
        return "DUPLICATE";
    case Verdict::TOO_OLD:
        return "TOO_OLD";
    case Verdict::SEQ_ZERO:
        return "SEQ_ZERO";
    }
    return "invalid";
}

constexpr uint64_t TWO_32 = uint64_t{1} << 32; ///< 2^32

} // namespace

/**
 * \ingroup cxtp-ipsec
 * \brief Base of the replay window test cases: helpers that check one packet and the state.
 */
class IpsecReplayWindowTestBase : public TestCase
{
  public:
    /// \param name the test case name
    explicit IpsecReplayWindowTestBase(const std::string& name)
        : TestCase(name)
    {
    }

  protected:
    /**
     * \brief Calls Check() and compares verdict and full sequence number.
     * \param window the window (const: Check() must not need more)
     * \param seqLow the sequence number field of the packet
     * \param expected the expected verdict
     * \param expectedSeq the expected full sequence number
     */
    void ExpectCheck(const IpsecReplayWindow& window,
                     uint32_t seqLow,
                     Verdict expected,
                     uint64_t expectedSeq);
    /**
     * \brief One packet whose ICV verifies: Check() must accept it with expectedSeq, then Update().
     * \param window the window
     * \param seqLow the sequence number field of the packet
     * \param expectedSeq the expected full sequence number
     */
    void Receive(IpsecReplayWindow& window, uint32_t seqLow, uint64_t expectedSeq);
    /**
     * \brief Compares T and every bitmap word.
     * \param window the window
     * \param highest the expected T
     * \param words the expected bitmap words
     */
    void ExpectState(const IpsecReplayWindow& window,
                     uint64_t highest,
                     const std::vector<uint64_t>& words);
};

void
IpsecReplayWindowTestBase::ExpectCheck(const IpsecReplayWindow& window,
                                       uint32_t seqLow,
                                       Verdict expected,
                                       uint64_t expectedSeq)
{
    uint64_t seq = 0xDEADBEEFDEADBEEF; // must be overwritten by Check()
    Verdict verdict = window.Check(seqLow, seq);
    NS_TEST_ASSERT_MSG_EQ(VerdictName(verdict),
                          VerdictName(expected),
                          "verdict for seqLow " << seqLow << " with T = " << window.GetHighest());
    NS_TEST_ASSERT_MSG_EQ(seq,
                          expectedSeq,
                          "full sequence number for seqLow "
                              << seqLow << " with T = " << window.GetHighest());
}

void
IpsecReplayWindowTestBase::Receive(IpsecReplayWindow& window, uint32_t seqLow, uint64_t expectedSeq)
{
    uint64_t seq = 0;
    Verdict verdict = window.Check(seqLow, seq);
    NS_TEST_ASSERT_MSG_EQ(VerdictName(verdict),
                          VerdictName(Verdict::ACCEPT),
                          "packet " << seqLow
                                    << " should be accepted, T = " << window.GetHighest());
    NS_TEST_ASSERT_MSG_EQ(seq, expectedSeq, "full sequence number of packet " << seqLow);
    window.Update(seq);
    NS_TEST_ASSERT_MSG_EQ(window.IsMarked(seq), true, "seq " << seq << " marked after Update()");
}

void
IpsecReplayWindowTestBase::ExpectState(const IpsecReplayWindow& window,
                                       uint64_t highest,
                                       const std::vector<uint64_t>& words)
{
    NS_TEST_ASSERT_MSG_EQ(window.GetHighest(), highest, "T");
    const std::vector<uint64_t>& bitmap = window.GetBitmap();
    NS_TEST_ASSERT_MSG_EQ(bitmap.size(), words.size(), "number of bitmap words");
    for (size_t k = 0; k < words.size(); ++k)
    {
        NS_TEST_ASSERT_MSG_EQ(bitmap[k], words[k], "bitmap word " << k << ", T = " << highest);
    }
}

/**
 * \ingroup cxtp-ipsec
 * \brief Construction: size, ESN flag, T = 0, empty bitmap of ceil(W / 64) words.
 */
class IpsecReplayWindowConstructionTestCase : public IpsecReplayWindowTestBase
{
  public:
    IpsecReplayWindowConstructionTestCase()
        : IpsecReplayWindowTestBase("Construction: W, ESN flag, T = 0, an empty word per 64 bits")
    {
    }

  private:
    void DoRun() override;
};

void
IpsecReplayWindowConstructionTestCase::DoRun()
{
    IpsecReplayWindow def;
    NS_TEST_ASSERT_MSG_EQ(def.GetSize(), 64, "RFC 4303 default window size");
    NS_TEST_ASSERT_MSG_EQ(def.IsEsn(), false, "ESN off by default");
    ExpectState(def, 0, {0});

    IpsecReplayWindow esn(100, true);
    NS_TEST_ASSERT_MSG_EQ(esn.GetSize(), 100, "W");
    NS_TEST_ASSERT_MSG_EQ(esn.IsEsn(), true, "ESN on");
    ExpectState(esn, 0, {0, 0}); // ceil(100 / 64) = 2

    NS_TEST_ASSERT_MSG_EQ(IpsecReplayWindow(32).GetBitmap().size(), 1, "W = 32: one word");
    NS_TEST_ASSERT_MSG_EQ(IpsecReplayWindow(65).GetBitmap().size(), 2, "W = 65: two words");
    NS_TEST_ASSERT_MSG_EQ(IpsecReplayWindow(1024).GetBitmap().size(), 16, "W = 1024: 16 words");
    NS_TEST_ASSERT_MSG_EQ(IpsecReplayWindow(65536).GetBitmap().size(), 1024, "W = 65536");

    // Nothing is marked in a fresh window, not even T = 0 itself.
    NS_TEST_ASSERT_MSG_EQ(def.IsMarked(0), false, "0 is not marked at start");
    ExpectCheck(def, 1, Verdict::ACCEPT, 1);
}

/**
 * \ingroup cxtp-ipsec
 * \brief A number inside the window that was already received is a duplicate.
 */
class IpsecReplayWindowDuplicateTestCase : public IpsecReplayWindowTestBase
{
  public:
    IpsecReplayWindowDuplicateTestCase()
        : IpsecReplayWindowTestBase("Duplicate inside the window is rejected")
    {
    }

  private:
    void DoRun() override;
};

void
IpsecReplayWindowDuplicateTestCase::DoRun()
{
    IpsecReplayWindow w(64);
    Receive(w, 1, 1);
    Receive(w, 2, 2);
    Receive(w, 3, 3);
    // T = 3; bits 0, 1, 2 stand for 3, 2, 1: 0b111.
    ExpectState(w, 3, {0x7});
    ExpectCheck(w, 3, Verdict::DUPLICATE, 3); // T itself
    ExpectCheck(w, 2, Verdict::DUPLICATE, 2);
    ExpectCheck(w, 1, Verdict::DUPLICATE, 1);
    ExpectCheck(w, 4, Verdict::ACCEPT, 4);
    // A duplicate that reaches Update() anyway (e.g. two copies checked before either is
    // recorded) leaves the state as it is.
    w.Update(2);
    ExpectState(w, 3, {0x7});
}

/**
 * \ingroup cxtp-ipsec
 * \brief Numbers below T but inside the window are accepted once, in any order.
 */
class IpsecReplayWindowOutOfOrderTestCase : public IpsecReplayWindowTestBase
{
  public:
    IpsecReplayWindowOutOfOrderTestCase()
        : IpsecReplayWindowTestBase("Out of order inside the window is accepted once")
    {
    }

  private:
    void DoRun() override;
};

void
IpsecReplayWindowOutOfOrderTestCase::DoRun()
{
    IpsecReplayWindow w(64);
    Receive(w, 10, 10);
    ExpectState(w, 10, {0x1});
    Receive(w, 7, 7); // offset 10 - 7 = 3, T unchanged
    ExpectState(w, 10, {0x9});
    ExpectCheck(w, 7, Verdict::DUPLICATE, 7);
    Receive(w, 8, 8); // offset 2: 0x9 | 0x4 = 0xD
    ExpectState(w, 10, {0xD});
    Receive(w, 12, 12); // slide by 2: 0xD << 2 = 0x34, | 1 = 0x35
    ExpectState(w, 12, {0x35});
    NS_TEST_ASSERT_MSG_EQ(w.IsMarked(12), true, "12 marked");
    NS_TEST_ASSERT_MSG_EQ(w.IsMarked(11), false, "11 never received");
    NS_TEST_ASSERT_MSG_EQ(w.IsMarked(10), true, "10 marked");
    NS_TEST_ASSERT_MSG_EQ(w.IsMarked(9), false, "9 never received");
    NS_TEST_ASSERT_MSG_EQ(w.IsMarked(8), true, "8 marked");
    NS_TEST_ASSERT_MSG_EQ(w.IsMarked(7), true, "7 marked");
    NS_TEST_ASSERT_MSG_EQ(w.IsMarked(13), false, "right of T: never marked");
    ExpectCheck(w, 11, Verdict::ACCEPT, 11);
    ExpectCheck(w, 9, Verdict::ACCEPT, 9);
    ExpectCheck(w, 8, Verdict::DUPLICATE, 8);
}

/**
 * \ingroup cxtp-ipsec
 * \brief Left edge: T - W + 1 is inside the window, T - W is not.
 */
class IpsecReplayWindowLeftEdgeTestCase : public IpsecReplayWindowTestBase
{
  public:
    IpsecReplayWindowLeftEdgeTestCase()
        : IpsecReplayWindowTestBase("Left edge: T - W + 1 accepted, T - W rejected")
    {
    }

  private:
    void DoRun() override;
};

void
IpsecReplayWindowLeftEdgeTestCase::DoRun()
{
    // W = 64, T = 100: window is [37, 100].
    IpsecReplayWindow w(64);
    Receive(w, 100, 100);
    ExpectCheck(w, 37, Verdict::ACCEPT, 37);  // 100 - 64 + 1
    ExpectCheck(w, 36, Verdict::TOO_OLD, 36); // 100 - 64
    ExpectCheck(w, 1, Verdict::TOO_OLD, 1);
    Receive(w, 37, 37); // offset 63: bit 63
    ExpectState(w, 100, {0x8000000000000001});
    ExpectCheck(w, 37, Verdict::DUPLICATE, 37);
    w.Update(36); // left of the window: ignored
    ExpectState(w, 100, {0x8000000000000001});
    NS_TEST_ASSERT_MSG_EQ(w.IsMarked(36), false, "outside the window: not marked");
    // Slide by 1: bit 63 (37) leaves the window, 38 becomes the left edge.
    Receive(w, 101, 101);
    ExpectState(w, 101, {0x3});
    NS_TEST_ASSERT_MSG_EQ(w.IsMarked(37), false, "37 left the window");
    ExpectCheck(w, 37, Verdict::TOO_OLD, 37);
    ExpectCheck(w, 38, Verdict::ACCEPT, 38);

    // W = 100 (not a multiple of 64, two words), T = 1000: window is [901, 1000].
    IpsecReplayWindow w100(100);
    Receive(w100, 1000, 1000);
    ExpectCheck(w100, 901, Verdict::ACCEPT, 901);
    ExpectCheck(w100, 900, Verdict::TOO_OLD, 900);
    Receive(w100, 901, 901); // offset 99 = word 1, bit 35
    ExpectState(w100, 1000, {0x1, uint64_t{1} << 35});
    // Slide by 1: offset 99 becomes 100, outside W, and must not linger in bit 36 of word 1.
    Receive(w100, 1001, 1001);
    ExpectState(w100, 1001, {0x3, 0x0});
    ExpectCheck(w100, 901, Verdict::TOO_OLD, 901);
    ExpectCheck(w100, 902, Verdict::ACCEPT, 902);
}

/**
 * \ingroup cxtp-ipsec
 * \brief A jump to the right by W - 1 keeps the old T at the edge; by W or more clears the window.
 */
class IpsecReplayWindowFarJumpTestCase : public IpsecReplayWindowTestBase
{
  public:
    IpsecReplayWindowFarJumpTestCase()
        : IpsecReplayWindowTestBase("Far right jump: shift by W - 1 keeps one bit, >= W clears")
    {
    }

  private:
    void DoRun() override;
};

void
IpsecReplayWindowFarJumpTestCase::DoRun()
{
    IpsecReplayWindow w(64);
    Receive(w, 10, 10);
    Receive(w, 9, 9);
    ExpectState(w, 10, {0x3});
    // Shift by 63: bit 0 (10) -> bit 63, bit 1 (9) -> bit 64, dropped.
    Receive(w, 73, 73);
    ExpectState(w, 73, {0x8000000000000001});
    NS_TEST_ASSERT_MSG_EQ(w.IsMarked(10), true, "10 at the left edge");
    ExpectCheck(w, 10, Verdict::DUPLICATE, 10);
    ExpectCheck(w, 9, Verdict::TOO_OLD, 9);
    // Shift by exactly 64 = W: everything leaves, only the new T is marked.
    Receive(w, 137, 137);
    ExpectState(w, 137, {0x1});
    ExpectCheck(w, 73, Verdict::TOO_OLD, 73); // offset 64
    ExpectCheck(w, 74, Verdict::ACCEPT, 74);  // offset 63, not marked
    // Shift far beyond W.
    Receive(w, 10000, 10000);
    ExpectState(w, 10000, {0x1});
    ExpectCheck(w, 137, Verdict::TOO_OLD, 137);
}

/**
 * \ingroup cxtp-ipsec
 * \brief Multiword bitmaps: shifts by 1, 64, 70, W - 1 and W for W = 128 and 1024.
 */
class IpsecReplayWindowMultiwordTestCase : public IpsecReplayWindowTestBase
{
  public:
    IpsecReplayWindowMultiwordTestCase()
        : IpsecReplayWindowTestBase("Multiword window: jumps by 1, 64, 70, W - 1 and W")
    {
    }

  private:
    void DoRun() override;
};

void
IpsecReplayWindowMultiwordTestCase::DoRun()
{
    // ---- W = 128: two words ----
    IpsecReplayWindow w(128);
    Receive(w, 200, 200); // bit 0
    Receive(w, 199, 199); // bit 1
    Receive(w, 150, 150); // bit 50
    Receive(w, 73, 73);   // bit 127 = word 1 bit 63 (left edge 200 - 127)
    ExpectState(w, 200, {0x0004000000000003, 0x8000000000000000});
    // Jump by exactly 64: bits 0, 1, 50 -> 64, 65, 114 (word 1 bits 0, 1, 50); 127 -> 191, gone.
    Receive(w, 264, 264);
    ExpectState(w, 264, {0x1, 0x0004000000000003});
    NS_TEST_ASSERT_MSG_EQ(w.IsMarked(200), true, "200 at offset 64");
    NS_TEST_ASSERT_MSG_EQ(w.IsMarked(199), true, "199 at offset 65");
    NS_TEST_ASSERT_MSG_EQ(w.IsMarked(150), true, "150 at offset 114");
    NS_TEST_ASSERT_MSG_EQ(w.IsMarked(73), false, "73 left the window");
    ExpectCheck(w, 73, Verdict::TOO_OLD, 73);
    ExpectCheck(w, 137, Verdict::ACCEPT, 137); // offset 127
    ExpectCheck(w, 136, Verdict::TOO_OLD, 136);
    // Carry across words: 201 at offset 63 (word 0 bit 63), then slide by 1 -> word 1 bit 0.
    Receive(w, 201, 201);
    ExpectState(w, 264, {0x8000000000000001, 0x0004000000000003});
    Receive(w, 265, 265);
    // word 0: (0x8000000000000001 << 1) | 1 = 0x3 (the top bit went to word 1);
    // word 1: (0x0004000000000003 << 1) | 1 = 0x0008000000000007.
    ExpectState(w, 265, {0x3, 0x0008000000000007});
    NS_TEST_ASSERT_MSG_EQ(w.IsMarked(201), true, "201 carried into word 1 (offset 64)");
    // Jump by exactly W = 128: cleared.
    Receive(w, 393, 393);
    ExpectState(w, 393, {0x1, 0x0});
    ExpectCheck(w, 265, Verdict::TOO_OLD, 265);

    // ---- W = 1024: 16 words ----
    IpsecReplayWindow k(1024);
    Receive(k, 5000, 5000); // bit 0
    Receive(k, 4999, 4999); // bit 1
    Receive(k, 4937, 4937); // bit 63
    Receive(k, 4936, 4936); // bit 64 = word 1 bit 0
    Receive(k, 4000, 4000); // bit 1000 = word 15 bit 40
    Receive(k, 3977, 3977); // bit 1023 = word 15 bit 63 (left edge)
    ExpectCheck(k, 3976, Verdict::TOO_OLD, 3976);
    std::vector<uint64_t> expected(16, 0);
    expected[0] = 0x8000000000000003;
    expected[1] = 0x1;
    expected[15] = 0x8000010000000000;
    ExpectState(k, 5000, expected);
    // Jump by exactly 64 (one whole word): offsets 0, 1, 63, 64 -> 64, 65, 127, 128;
    // 1000 and 1023 -> 1064 and 1087, gone.
    Receive(k, 5064, 5064);
    expected.assign(16, 0);
    expected[0] = 0x1;
    expected[1] = 0x8000000000000003;
    expected[2] = 0x1;
    ExpectState(k, 5064, expected);
    NS_TEST_ASSERT_MSG_EQ(k.IsMarked(4000), false, "4000 left the window");
    ExpectCheck(k, 4000, Verdict::TOO_OLD, 4000); // offset 1064
    ExpectCheck(k, 4041, Verdict::ACCEPT, 4041);  // offset 1023
    // Jump by 70 = one word + 6 bits: offsets 0, 64, 65, 127, 128 -> 70, 134, 135, 197, 198,
    // i.e. word 1 bit 6, word 2 bits 6 and 7, word 3 bits 5 and 6.
    Receive(k, 5134, 5134);
    expected.assign(16, 0);
    expected[0] = 0x1;
    expected[1] = 0x40;
    expected[2] = 0xC0;
    expected[3] = 0x60;
    ExpectState(k, 5134, expected);
    NS_TEST_ASSERT_MSG_EQ(k.IsMarked(5064), true, "5064 at offset 70");
    NS_TEST_ASSERT_MSG_EQ(k.IsMarked(4936), true, "4936 at offset 198");
    NS_TEST_ASSERT_MSG_EQ(k.IsMarked(4935), false, "4935 never received");
    // Jump by exactly W = 1024: cleared.
    Receive(k, 6158, 6158);
    expected.assign(16, 0);
    expected[0] = 0x1;
    ExpectState(k, 6158, expected);
    // Jump by W - 1 = 1023: old T goes to the last bit of the last word.
    Receive(k, 7181, 7181);
    expected[15] = 0x8000000000000000;
    ExpectState(k, 7181, expected);
    ExpectCheck(k, 6158, Verdict::DUPLICATE, 6158);
    ExpectCheck(k, 6157, Verdict::TOO_OLD, 6157);
}

/**
 * \ingroup cxtp-ipsec
 * \brief W = 32, the RFC minimum: only the low 32 bits of the single word are used.
 */
class IpsecReplayWindowSize32TestCase : public IpsecReplayWindowTestBase
{
  public:
    IpsecReplayWindowSize32TestCase()
        : IpsecReplayWindowTestBase("W = 32: edges, and no bit survives beyond bit 31")
    {
    }

  private:
    void DoRun() override;
};

void
IpsecReplayWindowSize32TestCase::DoRun()
{
    IpsecReplayWindow w(32);
    Receive(w, 100, 100);
    Receive(w, 69, 69); // 100 - 32 + 1: bit 31
    ExpectState(w, 100, {0x80000001});
    ExpectCheck(w, 68, Verdict::TOO_OLD, 68); // 100 - 32
    ExpectCheck(w, 69, Verdict::DUPLICATE, 69);
    // Slide by 1: (0x80000001 << 1) = 0x100000002; bit 32 is outside W and must be cleared.
    Receive(w, 101, 101);
    ExpectState(w, 101, {0x3});
    NS_TEST_ASSERT_MSG_EQ(w.IsMarked(69), false, "69 left the window");
    ExpectCheck(w, 69, Verdict::TOO_OLD, 69);
    ExpectCheck(w, 70, Verdict::ACCEPT, 70); // offset 31
    // Jump by exactly W = 32: cleared.
    Receive(w, 133, 133);
    ExpectState(w, 133, {0x1});
    ExpectCheck(w, 101, Verdict::TOO_OLD, 101);
    ExpectCheck(w, 102, Verdict::ACCEPT, 102);
}

/**
 * \ingroup cxtp-ipsec
 * \brief Check() never records; only Update(), after the ICV verified, does.
 */
class IpsecReplayWindowTwoStepTestCase : public IpsecReplayWindowTestBase
{
  public:
    IpsecReplayWindowTwoStepTestCase()
        : IpsecReplayWindowTestBase("Two steps: Check() records nothing, a bad-ICV packet is not "
                                    "recorded")
    {
    }

  private:
    void DoRun() override;
};

void
IpsecReplayWindowTwoStepTestCase::DoRun()
{
    IpsecReplayWindow w(64);
    Receive(w, 20, 20);
    const IpsecReplayWindow& cw = w;
    // Checked twice, never updated: both checks accept and the state stays as it was.
    ExpectCheck(cw, 25, Verdict::ACCEPT, 25);
    ExpectCheck(cw, 25, Verdict::ACCEPT, 25);
    ExpectCheck(cw, 15, Verdict::ACCEPT, 15);
    ExpectCheck(cw, 15, Verdict::ACCEPT, 15);
    ExpectState(w, 20, {0x1});
    NS_TEST_ASSERT_MSG_EQ(w.IsMarked(15), false, "15 only checked");
    // 25 and 15 failed their ICV check: no Update(). 30 arrives and verifies.
    Receive(w, 30, 30);
    ExpectState(w, 30, {0x401}); // 20 at offset 10
    // A genuine 25 and 15 may still come later (offsets 5 and 15, unmarked).
    ExpectCheck(w, 25, Verdict::ACCEPT, 25);
    ExpectCheck(w, 15, Verdict::ACCEPT, 15);
    w.Update(25);
    ExpectCheck(w, 25, Verdict::DUPLICATE, 25);
    ExpectState(w, 30, {0x421});
}

/**
 * \ingroup cxtp-ipsec
 * \brief 32-bit numbers: 0 never valid, 0xFFFFFFFF accepted, no high bits inferred.
 */
class IpsecReplayWindowNoEsnTestCase : public IpsecReplayWindowTestBase
{
  public:
    IpsecReplayWindowNoEsnTestCase()
        : IpsecReplayWindowTestBase("Without ESN: 0 rejected, 0xFFFFFFFF accepted, no wrap")
    {
    }

  private:
    void DoRun() override;
};

void
IpsecReplayWindowNoEsnTestCase::DoRun()
{
    IpsecReplayWindow w(64, false);
    ExpectCheck(w, 0, Verdict::SEQ_ZERO, 0);
    ExpectCheck(w, 0xFFFFFFFF, Verdict::ACCEPT, 0xFFFFFFFF);
    Receive(w, 5, 5);
    // 0 is at offset 5, inside the window and unmarked; only the SEQ_ZERO rule rejects it.
    ExpectCheck(w, 0, Verdict::SEQ_ZERO, 0);
    Receive(w, 0xFFFFFFFF, 0xFFFFFFFF); // shift by 2^32 - 6 >= W: cleared
    ExpectState(w, 0xFFFFFFFF, {0x1});
    ExpectCheck(w, 0xFFFFFFFF, Verdict::DUPLICATE, 0xFFFFFFFF);
    ExpectCheck(w, 0xFFFFFFC0, Verdict::ACCEPT, 0xFFFFFFC0);  // T - 63
    ExpectCheck(w, 0xFFFFFFBF, Verdict::TOO_OLD, 0xFFFFFFBF); // T - 64
    // The counter must not cycle without ESN: 1 is 1, not 2^32 + 1.
    ExpectCheck(w, 1, Verdict::TOO_OLD, 1);
    ExpectCheck(w, 0, Verdict::SEQ_ZERO, 0);
}

/**
 * \ingroup cxtp-ipsec
 * \brief ESN before and just after the first packets (T = 0, Th = 0).
 */
class IpsecReplayWindowEsnStartTestCase : public IpsecReplayWindowTestBase
{
  public:
    IpsecReplayWindowEsnStartTestCase()
        : IpsecReplayWindowTestBase("ESN start: case B with Th = 0 never infers Seqh = -1")
    {
    }

  private:
    void DoRun() override;
};

void
IpsecReplayWindowEsnStartTestCase::DoRun()
{
    IpsecReplayWindow w(64, true);
    // T = 0: Tl = 0 < W - 1 = 63 -> case B; Bl = 0 - 64 + 1 = 0xFFFFFFC1 (mod 2^32).
    // Seql < Bl -> Seqh = Th = 0.
    ExpectCheck(w, 1, Verdict::ACCEPT, 1);
    ExpectCheck(w, 0xFFFFFFC0, Verdict::ACCEPT, 0xFFFFFFC0);
    // Seql = 0 -> seq 0, which no sender uses.
    ExpectCheck(w, 0, Verdict::SEQ_ZERO, 0);
    // Seql >= Bl -> Seqh = Th - 1 = 0xFFFFFFFF: before the first number, rejected (the seq
    // reported is the 32-bit-wrapped formula value).
    ExpectCheck(w, 0xFFFFFFC1, Verdict::TOO_OLD, 0xFFFFFFFFFFFFFFC1);
    ExpectCheck(w, 0xFFFFFFFF, Verdict::TOO_OLD, 0xFFFFFFFFFFFFFFFF);

    Receive(w, 1, 1);
    Receive(w, 2, 2);
    Receive(w, 3, 3);
    ExpectState(w, 3, {0x7});
    // T = 3: still case B, Bl = 3 - 63 = 0xFFFFFFC4.
    ExpectCheck(w, 0xFFFFFFC3, Verdict::ACCEPT, 0xFFFFFFC3); // Seqh = 0, new
    ExpectCheck(w, 0xFFFFFFC4, Verdict::TOO_OLD, 0xFFFFFFFFFFFFFFC4);
    ExpectCheck(w, 2, Verdict::DUPLICATE, 2);
    ExpectCheck(w, 0, Verdict::SEQ_ZERO, 0);

    // T = 63: Tl = W - 1 -> case A, Bl = 0, every Seql >= Bl -> Seqh = Th = 0.
    Receive(w, 63, 63);
    ExpectCheck(w, 0xFFFFFFFF, Verdict::ACCEPT, 0xFFFFFFFF);
    // Seql = 0 -> seq 0 = T - 63, the left edge, unmarked: still never valid.
    ExpectCheck(w, 0, Verdict::SEQ_ZERO, 0);
    ExpectCheck(w, 1, Verdict::DUPLICATE, 1);
}

/**
 * \ingroup cxtp-ipsec
 * \brief ESN case A (Tl >= W - 1): Seqh = Th if Seql >= Bl, else Th + 1.
 */
class IpsecReplayWindowEsnCaseATestCase : public IpsecReplayWindowTestBase
{
  public:
    IpsecReplayWindowEsnCaseATestCase()
        : IpsecReplayWindowTestBase("ESN case A: window within one subspace")
    {
    }

  private:
    void DoRun() override;
};

void
IpsecReplayWindowEsnCaseATestCase::DoRun()
{
    IpsecReplayWindow w(64, true);
    // T = 2^32 + 1000: Th = 1, Tl = 1000 >= 63 -> case A; Bl = 1000 - 63 = 937.
    w.SetState(TWO_32 + 1000, {0x1});
    ExpectCheck(w, 1000, Verdict::DUPLICATE, TWO_32 + 1000); // Seqh = 1: T itself
    ExpectCheck(w, 999, Verdict::ACCEPT, TWO_32 + 999);
    ExpectCheck(w, 937, Verdict::ACCEPT, TWO_32 + 937); // Seql = Bl: Seqh = 1, offset 63
    ExpectCheck(w, 2000, Verdict::ACCEPT, TWO_32 + 2000);
    ExpectCheck(w, 0xFFFFFFFF, Verdict::ACCEPT, TWO_32 + 0xFFFFFFFF);
    // Seql < Bl: Seqh = Th + 1 = 2, the sender is presumed to have rolled over.
    ExpectCheck(w, 936, Verdict::ACCEPT, 2 * TWO_32 + 936);
    ExpectCheck(w, 0, Verdict::ACCEPT, 2 * TWO_32); // Seql 0 is valid with ESN
    Receive(w, 936, 2 * TWO_32 + 936);
    ExpectState(w, 2 * TWO_32 + 936, {0x1}); // jump of 2^32 - 64 >= W
    // T = 2^33 + 936: case A, Bl = 873; Seql 1000 >= Bl -> Seqh = 2: new.
    ExpectCheck(w, 1000, Verdict::ACCEPT, 2 * TWO_32 + 1000);
    ExpectCheck(w, 873, Verdict::ACCEPT, 2 * TWO_32 + 873);    // left edge
    ExpectCheck(w, 872, Verdict::ACCEPT, 3 * TWO_32 + 872);    // Seqh = 3
    ExpectCheck(w, 936, Verdict::DUPLICATE, 2 * TWO_32 + 936); // T

    // Boundary of case A: Tl = W - 1 = 63, Bl = 0 -> Seqh = Th = 1 for every Seql.
    IpsecReplayWindow e(64, true);
    e.SetState(TWO_32 + 63, {0x1});
    ExpectCheck(e, 0, Verdict::ACCEPT, TWO_32); // offset 63
    ExpectCheck(e, 64, Verdict::ACCEPT, TWO_32 + 64);
    ExpectCheck(e, 0xFFFFFFFF, Verdict::ACCEPT, TWO_32 + 0xFFFFFFFF);

    // Top of the 64-bit space: Th = 0xFFFFFFFF, Tl = 0xFFFFFFF0 -> case A, Bl = 0xFFFFFFB1.
    IpsecReplayWindow top(64, true);
    top.SetState(0xFFFFFFFFFFFFFFF0, {0x1});
    // Seql < Bl: Seqh = Th + 1 = 0 (mod 2^32), seq 5, far left of the window.
    ExpectCheck(top, 5, Verdict::TOO_OLD, 5);
    ExpectCheck(top, 0xFFFFFFFF, Verdict::ACCEPT, 0xFFFFFFFFFFFFFFFF);
    Receive(top, 0xFFFFFFFF, 0xFFFFFFFFFFFFFFFF); // shift by 15
    ExpectState(top, 0xFFFFFFFFFFFFFFFF, {0x8001});
    ExpectCheck(top, 0xFFFFFFF0, Verdict::DUPLICATE, 0xFFFFFFFFFFFFFFF0);
}

/**
 * \ingroup cxtp-ipsec
 * \brief ESN case B (Tl < W - 1): Seqh = Th - 1 if Seql >= Bl, else Th.
 */
class IpsecReplayWindowEsnCaseBTestCase : public IpsecReplayWindowTestBase
{
  public:
    IpsecReplayWindowEsnCaseBTestCase()
        : IpsecReplayWindowTestBase("ESN case B: window spans two subspaces")
    {
    }

  private:
    void DoRun() override;
};

void
IpsecReplayWindowEsnCaseBTestCase::DoRun()
{
    IpsecReplayWindow w(64, true);
    // T = 2^32 + 5: Th = 1, Tl = 5 < 63 -> case B; Bl = 5 - 64 + 1 = -58 = 0xFFFFFFC6.
    // Window [T - 63, T] = [2^32 - 58, 2^32 + 5] = [0xFFFFFFC6, 0x100000005].
    // Marked: T (bit 0) and 0xFFFFFFF0 = T - 21 (bit 21).
    w.SetState(TWO_32 + 5, {0x1 | (uint64_t{1} << 21)});
    // Seql < Bl -> Seqh = Th = 1.
    ExpectCheck(w, 3, Verdict::ACCEPT, TWO_32 + 3); // offset 2
    ExpectCheck(w, 0, Verdict::ACCEPT, TWO_32);     // offset 5, not SEQ_ZERO with Seqh = 1
    ExpectCheck(w, 5, Verdict::DUPLICATE, TWO_32 + 5);
    ExpectCheck(w, 6, Verdict::ACCEPT, TWO_32 + 6); // new
    // Seql >= Bl -> Seqh = Th - 1 = 0.
    ExpectCheck(w, 0xFFFFFFF0, Verdict::DUPLICATE, 0xFFFFFFF0); // offset 21
    ExpectCheck(w, 0xFFFFFFF1, Verdict::ACCEPT, 0xFFFFFFF1);    // offset 20
    ExpectCheck(w, 0xFFFFFFC6, Verdict::ACCEPT, 0xFFFFFFC6);    // Seql = Bl: offset 63
    // Seql = Bl - 1 -> Seqh = Th = 1: not "T - 64, too old" but a number far to the right, as
    // Appendix A2.2 infers.
    ExpectCheck(w, 0xFFFFFFC5, Verdict::ACCEPT, TWO_32 + 0xFFFFFFC5);
    Receive(w, 0xFFFFFFC6, 0xFFFFFFC6); // bit 63
    ExpectState(w, TWO_32 + 5, {0x8000000000200001});
    ExpectCheck(w, 0xFFFFFFC6, Verdict::DUPLICATE, 0xFFFFFFC6);

    // Boundary of case B: Tl = W - 2 = 62, Bl = 0xFFFFFFFF.
    IpsecReplayWindow e(64, true);
    e.SetState(TWO_32 + 62, {0x1});
    ExpectCheck(e, 0xFFFFFFFF, Verdict::ACCEPT, 0xFFFFFFFF);          // Seqh 0, offset 63
    ExpectCheck(e, 0xFFFFFFFE, Verdict::ACCEPT, TWO_32 + 0xFFFFFFFE); // Seqh 1, new
    ExpectCheck(e, 62, Verdict::DUPLICATE, TWO_32 + 62);
}

/**
 * \ingroup cxtp-ipsec
 * \brief ESN across 2^32, reached by Updates from the start.
 */
class IpsecReplayWindowEsnWrapTestCase : public IpsecReplayWindowTestBase
{
  public:
    IpsecReplayWindowEsnWrapTestCase()
        : IpsecReplayWindowTestBase("ESN wrap across 2^32: late packets of the old subspace")
    {
    }

  private:
    void DoRun() override;
};

void
IpsecReplayWindowEsnWrapTestCase::DoRun()
{
    IpsecReplayWindow w(64, true);
    // T = 0: case B, Bl = 0xFFFFFFC1; 0x7FFFFFFF < Bl -> Seqh = 0.
    Receive(w, 0x7FFFFFFF, 0x7FFFFFFF);
    // T = 0x7FFFFFFF: case A, Bl = 0x7FFFFFC1; 0xFFFFFFF0 >= Bl -> Seqh = 0.
    Receive(w, 0xFFFFFFF0, 0xFFFFFFF0);
    ExpectState(w, 0xFFFFFFF0, {0x1});
    // T = 0xFFFFFFF0: case A, Bl = 0xFFFFFFF0 - 63 = 0xFFFFFFB1; 0x10 < Bl -> Seqh = 1.
    Receive(w, 0x10, TWO_32 + 0x10);
    // Shift by 2^32 + 0x10 - 0xFFFFFFF0 = 0x20 = 32: old T at bit 32.
    ExpectState(w, TWO_32 + 0x10, {0x100000001});
    // T = 2^32 + 16: Tl = 16 < 63 -> case B, Bl = 16 - 63 = 0xFFFFFFD1.
    // 0xFFFFFFF5 >= Bl -> Seqh = 0; offset 2^32 + 16 - 0xFFFFFFF5 = 27, unmarked.
    ExpectCheck(w, 0xFFFFFFF5, Verdict::ACCEPT, 0xFFFFFFF5);
    Receive(w, 0xFFFFFFF5, 0xFFFFFFF5);
    ExpectState(w, TWO_32 + 0x10, {0x108000001});
    ExpectCheck(w, 0xFFFFFFF5, Verdict::DUPLICATE, 0xFFFFFFF5);
    ExpectCheck(w, 0xFFFFFFF0, Verdict::DUPLICATE, 0xFFFFFFF0); // offset 32
    ExpectCheck(w, 0x10, Verdict::DUPLICATE, TWO_32 + 0x10);
    ExpectCheck(w, 0xFFFFFFD1, Verdict::ACCEPT, 0xFFFFFFD1); // Seql = Bl: offset 16 + 47 = 63
    // Seql = Bl - 1 -> Seqh = Th = 1, new.
    ExpectCheck(w, 0xFFFFFFD0, Verdict::ACCEPT, TWO_32 + 0xFFFFFFD0);

    // The same sequence without ESN: the counter may not cycle, so 0x10 is simply too old.
    IpsecReplayWindow n(64, false);
    Receive(n, 0xFFFFFFF0, 0xFFFFFFF0);
    ExpectCheck(n, 0x10, Verdict::TOO_OLD, 0x10);
}

/**
 * \ingroup cxtp-ipsec
 * \brief GetHighest/GetBitmap then SetState on a fresh window gives the same behaviour.
 */
class IpsecReplayWindowSetStateTestCase : public IpsecReplayWindowTestBase
{
  public:
    IpsecReplayWindowSetStateTestCase()
        : IpsecReplayWindowTestBase("SetState round trip (context transfer)")
    {
    }

  private:
    void DoRun() override;
};

void
IpsecReplayWindowSetStateTestCase::DoRun()
{
    // W = 100 (two words), ESN; state built by Updates.
    IpsecReplayWindow src(100, true);
    // T = 0: case B, Bl = 0 - 99 = 0xFFFFFF9D; 0x7FFFFFFF < Bl -> Seqh 0.
    Receive(src, 0x7FFFFFFF, 0x7FFFFFFF);
    // T = 0x7FFFFFFF: case A, Bl = 0x7FFFFF9D -> Seqh 0.
    Receive(src, 0xFFFFFFF0, 0xFFFFFFF0);
    // T = 0xFFFFFFF0: case A, Bl = 0xFFFFFF8D; 0xA < Bl -> Seqh 1. Shift by 26.
    Receive(src, 0xA, TWO_32 + 0xA);
    // T = 2^32 + 10: case B, Bl = 10 - 99 = 0xFFFFFFA7. Seql = Bl -> Seqh 0, offset 99.
    Receive(src, 0xFFFFFFA7, 0xFFFFFFA7);
    Receive(src, 5, TWO_32 + 5); // offset 5
    // Bits 0, 5, 26 in word 0; bit 99 = word 1 bit 35.
    ExpectState(src, TWO_32 + 10, {0x4000021, uint64_t{1} << 35});

    IpsecReplayWindow dst(100, true);
    ExpectState(dst, 0, {0, 0});
    dst.SetState(src.GetHighest(), src.GetBitmap());
    ExpectState(dst, TWO_32 + 10, {0x4000021, uint64_t{1} << 35});
    for (const IpsecReplayWindow* w : {&src, &dst})
    {
        ExpectCheck(*w, 0, Verdict::ACCEPT, TWO_32);          // Seqh 1, offset 10
        ExpectCheck(*w, 5, Verdict::DUPLICATE, TWO_32 + 5);   // bit 5
        ExpectCheck(*w, 10, Verdict::DUPLICATE, TWO_32 + 10); // T
        ExpectCheck(*w, 11, Verdict::ACCEPT, TWO_32 + 11);
        ExpectCheck(*w, 0xFFFFFFA7, Verdict::DUPLICATE, 0xFFFFFFA7); // bit 99
        ExpectCheck(*w, 0xFFFFFFA6, Verdict::ACCEPT, TWO_32 + 0xFFFFFFA6);
        ExpectCheck(*w, 0xFFFFFFF0, Verdict::DUPLICATE, 0xFFFFFFF0); // bit 26
        ExpectCheck(*w, 0xFFFFFFF1, Verdict::ACCEPT, 0xFFFFFFF1);    // bit 25
    }
    // Both continue identically.
    src.Update(TWO_32 + 11);
    dst.Update(TWO_32 + 11);
    ExpectState(dst, src.GetHighest(), src.GetBitmap());
    ExpectState(dst, TWO_32 + 11, {0x8000043, 0}); // bit 99 -> 100: gone

    // Bits beyond W in the last word are not part of the window and are cleared on SetState.
    IpsecReplayWindow masked(100, false);
    masked.SetState(500, {0x1, 0x1 | (uint64_t{1} << 40)}); // bit 104 >= W
    ExpectState(masked, 500, {0x1, 0x1});
    NS_TEST_ASSERT_MSG_EQ(masked.IsMarked(436), true, "500 - 64 (word 1 bit 0)");
    ExpectCheck(masked, 436, Verdict::DUPLICATE, 436);
    ExpectCheck(masked, 401, Verdict::ACCEPT, 401);  // offset 99
    ExpectCheck(masked, 400, Verdict::TOO_OLD, 400); // offset 100
}

/**
 * \ingroup cxtp-ipsec
 * \brief The replay window test suite.
 */
class IpsecReplayWindowTestSuite : public TestSuite
{
  public:
    IpsecReplayWindowTestSuite()
        : TestSuite("cxtp-ipsec-replay-window", TestSuite::UNIT)
    {
        AddTestCase(new IpsecReplayWindowConstructionTestCase, TestCase::QUICK);
        AddTestCase(new IpsecReplayWindowDuplicateTestCase, TestCase::QUICK);
        AddTestCase(new IpsecReplayWindowOutOfOrderTestCase, TestCase::QUICK);
        AddTestCase(new IpsecReplayWindowLeftEdgeTestCase, TestCase::QUICK);
        AddTestCase(new IpsecReplayWindowFarJumpTestCase, TestCase::QUICK);
        AddTestCase(new IpsecReplayWindowMultiwordTestCase, TestCase::QUICK);
        AddTestCase(new IpsecReplayWindowSize32TestCase, TestCase::QUICK);
        AddTestCase(new IpsecReplayWindowTwoStepTestCase, TestCase::QUICK);
        AddTestCase(new IpsecReplayWindowNoEsnTestCase, TestCase::QUICK);
        AddTestCase(new IpsecReplayWindowEsnStartTestCase, TestCase::QUICK);
        AddTestCase(new IpsecReplayWindowEsnCaseATestCase, TestCase::QUICK);
        AddTestCase(new IpsecReplayWindowEsnCaseBTestCase, TestCase::QUICK);
        AddTestCase(new IpsecReplayWindowEsnWrapTestCase, TestCase::QUICK);
        AddTestCase(new IpsecReplayWindowSetStateTestCase, TestCase::QUICK);
    }
};

static IpsecReplayWindowTestSuite g_ipsecReplayWindowTestSuite; ///< the suite's static instance
