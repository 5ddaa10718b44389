/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_MILENAGE_H
#define CRYPTO_MILENAGE_H

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The Milenage algorithm set of 3GPP TS 35.206 (the 3GPP authentication and key
 * generation functions f1, f1*, f2, f3, f4, f5 and f5*) on AES-128, and the UMTS AKA steps of
 * the AuC and of the USIM built on it (3GPP TS 33.102 §6.3).
 *
 * The constants are those of TS 35.206 §4.1: r1 = 64, r2 = 0, r3 = 32, r4 = 64, r5 = 96 bits
 * and c1..c5 = 0, 1, 2, 4, 8 in the last bit positions. The kernel E_K is AES-128
 * (CryptoCipher::Aes128EncryptBlock). Checked against TS 35.208 §4.3 test sets 1-6 (test suite
 * cxtp-ipsec-crypto-milenage, vectors in test/vectors/milenage-vectors.txt; see the "EAP-AKA
 * cryptography" section of contrib/cxtp-ipsec/doc/cxtp-ipsec.rst).
 *
 * An object holds K and OPc; a wrong length makes it invalid (IsValid()), and every function
 * then fails (returns false). Each AKA step, GenerateVector(), UsimCheck() and
 * AucResynchronise(), records one CryptoOperation::Kind::MILENAGE on the active
 * CryptoWorkMeter when it computed anything (not when an argument has a wrong length), priced
 * by the profile key aka.milenage; the single functions F1() to F5Star() record nothing.
 */
class CryptoMilenage
{
  public:
    /// Length of K, OP, OPc, RAND, CK and IK in bytes.
    static constexpr size_t BLOCK_LENGTH = 16;
    /// Length of SQN and AK in bytes (48 bits).
    static constexpr size_t SQN_LENGTH = 6;
    /// Length of AMF in bytes.
    static constexpr size_t AMF_LENGTH = 2;
    /// Length of MAC-A, MAC-S and RES in bytes (RES is used at its full 64 bits here).
    static constexpr size_t MAC_LENGTH = 8;
    /// Length of AUTN in bytes (TS 33.102 §6.3.2: SQN ⊕ AK | AMF | MAC).
    static constexpr size_t AUTN_LENGTH = SQN_LENGTH + AMF_LENGTH + MAC_LENGTH;
    /// Length of AUTS in bytes (TS 33.102 §6.3.3: SQN_MS ⊕ AK* | MAC-S).
    static constexpr size_t AUTS_LENGTH = SQN_LENGTH + MAC_LENGTH;
    /// Largest sequence number (48 bits).
    static constexpr uint64_t MAX_SQN = (uint64_t{1} << 48) - 1;

    /**
     * \brief OPc = OP ⊕ E_K(OP) (TS 35.206 §4.1).
     * \param k the subscriber key K (16 bytes)
     * \param op the operator variant configuration field OP (16 bytes)
     * \param [out] opc the result (cleared on failure)
     * \return false on a wrong length
     */
    static bool ComputeOpc(const std::vector<uint8_t>& k,
                           const std::vector<uint8_t>& op,
                           std::vector<uint8_t>& opc);

    /**
     * \param k the subscriber key K (16 bytes)
     * \param opc OPc (16 bytes), from ComputeOpc() or provisioned as is
     */
    CryptoMilenage(const std::vector<uint8_t>& k, const std::vector<uint8_t>& opc);
    /// \return true if K and OPc have the right lengths
    bool IsValid() const;

    /**
     * \brief f1: the network authentication function (TS 35.206 §4.1, OUT1 bits 0-63).
     * \param rand RAND (16 bytes)
     * \param sqn SQN (6 bytes)
     * \param amf AMF (2 bytes)
     * \param [out] macA MAC-A (8 bytes)
     * \return false on a wrong length or an invalid object
     */
    bool F1(const std::vector<uint8_t>& rand,
            const std::vector<uint8_t>& sqn,
            const std::vector<uint8_t>& amf,
            std::vector<uint8_t>& macA) const;
    /**
     * \brief f1*: the resynchronisation message authentication function (OUT1 bits 64-127).
     * \param rand RAND
     * \param sqn SQN (SQN_MS when the USIM builds AUTS)
     * \param amf AMF (the dummy 0x0000 in AUTS, TS 33.102 §6.3.3)
     * \param [out] macS MAC-S (8 bytes)
     * \return false on a wrong length or an invalid object
     */
    bool F1Star(const std::vector<uint8_t>& rand,
                const std::vector<uint8_t>& sqn,
                const std::vector<uint8_t>& amf,
                std::vector<uint8_t>& macS) const;
    /**
     * \brief f2 (RES, OUT2 bits 64-127), f3 (CK, OUT3), f4 (IK, OUT4) and f5 (AK, OUT2 bits
     * 0-47) on one RAND (TS 35.206 §4.1).
     * \param rand RAND (16 bytes)
     * \param [out] res RES (8 bytes)
     * \param [out] ck CK (16 bytes)
     * \param [out] ik IK (16 bytes)
     * \param [out] ak AK (6 bytes)
     * \return false on a wrong length or an invalid object
     */
    bool F2345(const std::vector<uint8_t>& rand,
               std::vector<uint8_t>& res,
               std::vector<uint8_t>& ck,
               std::vector<uint8_t>& ik,
               std::vector<uint8_t>& ak) const;
    /**
     * \brief f5*: the anonymity key for resynchronisation (OUT5 bits 0-47).
     * \param rand RAND (16 bytes)
     * \param [out] akStar AK* (6 bytes)
     * \return false on a wrong length or an invalid object
     */
    bool F5Star(const std::vector<uint8_t>& rand, std::vector<uint8_t>& akStar) const;

    /// An authentication vector, made by the AuC (TS 33.102 §6.3.2).
    struct Vector
    {
        std::vector<uint8_t> rand; ///< RAND
        std::vector<uint8_t> xres; ///< XRES = f2(RAND)
        std::vector<uint8_t> ck;   ///< CK = f3(RAND)
        std::vector<uint8_t> ik;   ///< IK = f4(RAND)
        std::vector<uint8_t> autn; ///< AUTN = SQN ⊕ AK | AMF | MAC-A
    };

    /**
     * \brief The AuC's side: an authentication vector for SQN (TS 33.102 §6.3.2, figure 7).
     * \param k K (16 bytes)
     * \param opc OPc (16 bytes)
     * \param sqn the sequence number (at most MAX_SQN)
     * \param amf the authentication management field
     * \param rand RAND (16 bytes; a fresh random value in use, fixed in tests)
     * \param [out] vector the vector (unchanged on failure)
     * \return false on a wrong length or an SQN above MAX_SQN
     */
    static bool GenerateVector(const std::vector<uint8_t>& k,
                               const std::vector<uint8_t>& opc,
                               uint64_t sqn,
                               uint16_t amf,
                               const std::vector<uint8_t>& rand,
                               Vector& vector);

    /// What the USIM concluded from RAND and AUTN (TS 33.102 §6.3.3).
    enum class UsimStatus : uint8_t
    {
        SUCCESS,          ///< MAC and SQN correct: RES, CK and IK are valid
        MAC_FAILURE,      ///< XMAC ≠ MAC: the peer sends Authentication-Reject
        SYNC_FAILURE,     ///< SQN out of range: the peer sends AUTS (Synchronization-Failure)
        INVALID_ARGUMENT, ///< a wrong length: nothing was checked
    };

    /// The USIM's answer to one challenge.
    struct UsimResult
    {
        UsimStatus status{UsimStatus::INVALID_ARGUMENT}; ///< the outcome
        std::string reason;                              ///< why it failed, for logs and tests
        uint64_t sqn{0};           ///< SQN recovered from AUTN (SUCCESS, SYNC_FAILURE)
        std::vector<uint8_t> res;  ///< RES (SUCCESS)
        std::vector<uint8_t> ck;   ///< CK (SUCCESS)
        std::vector<uint8_t> ik;   ///< IK (SUCCESS)
        std::vector<uint8_t> auts; ///< AUTS = SQN_MS ⊕ AK* | MAC-S (SYNC_FAILURE)
    };

    /**
     * \brief The USIM's side of the challenge (TS 33.102 §6.3.3, figure 8).
     *
     * Recovers SQN = (SQN ⊕ AK) ⊕ f5(RAND), checks MAC-A = f1(SQN | RAND | AMF) first (a
     * mismatch is MAC_FAILURE), then the sequence number. The SQN check is deliberately simple
     * (not the SEQ/IND array of TS 33.102 Annex C): SQN is accepted if sqnMs < SQN ≤ sqnMs +
     * delta, sqnMs being the highest SQN the USIM accepted so far; otherwise the result is
     * SYNC_FAILURE with AUTS = (SQN_MS ⊕ f5*(RAND)) | f1*(SQN_MS | RAND | AMF = 0x0000). The
     * function keeps no state: on SUCCESS the caller stores result.sqn as its new sqnMs.
     * \param k K (16 bytes)
     * \param opc OPc (16 bytes)
     * \param rand RAND (16 bytes)
     * \param autn AUTN (16 bytes)
     * \param sqnMs the highest SQN accepted so far
     * \param delta the largest step accepted above sqnMs (at least 1)
     * \return the result, with a reason on failure
     */
    static UsimResult UsimCheck(const std::vector<uint8_t>& k,
                                const std::vector<uint8_t>& opc,
                                const std::vector<uint8_t>& rand,
                                const std::vector<uint8_t>& autn,
                                uint64_t sqnMs,
                                uint64_t delta);

    /**
     * \brief The AuC's side of resynchronisation (TS 33.102 §6.3.5): recovers SQN_MS from
     * AUTS with f5* and checks MAC-S with f1* over the dummy AMF 0x0000.
     * \param k K (16 bytes)
     * \param opc OPc (16 bytes)
     * \param rand the RAND of the challenge the USIM refused
     * \param auts AUTS (14 bytes)
     * \param [out] sqnMs the USIM's SQN_MS (set only on success); the AuC continues above it
     * \return false on a wrong length or if MAC-S does not verify
     */
    static bool AucResynchronise(const std::vector<uint8_t>& k,
                                 const std::vector<uint8_t>& opc,
                                 const std::vector<uint8_t>& rand,
                                 const std::vector<uint8_t>& auts,
                                 uint64_t& sqnMs);

    /// \param sqn a sequence number (at most MAX_SQN) \return its 6 bytes, most significant first
    static std::vector<uint8_t> SqnToBytes(uint64_t sqn);
    /// \param bytes 6 bytes, most significant first \return the sequence number
    static uint64_t SqnFromBytes(const std::vector<uint8_t>& bytes);

  private:
    /**
     * \brief OUT_i = E_K(rot(TEMP ⊕ OPc, r_i) ⊕ c_i) ⊕ OPc for i = 2..5 (TS 35.206 §4.1).
     * \param temp TEMP of the RAND (Temp()), computed once for OUT2..OUT4
     * \param i 2, 3, 4 or 5
     * \param [out] out OUT_i (16 bytes)
     * \return false on a wrong length or an OpenSSL failure
     */
    bool Out(const std::vector<uint8_t>& temp, int i, std::vector<uint8_t>& out) const;
    /**
     * \brief OUT1 = E_K(TEMP ⊕ rot(IN1 ⊕ OPc, r1) ⊕ c1) ⊕ OPc, IN1 = SQN | AMF | SQN | AMF.
     * \param rand RAND
     * \param sqn SQN
     * \param amf AMF
     * \param [out] out1 OUT1 (16 bytes)
     * \return false on a wrong length or an OpenSSL failure
     */
    bool Out1(const std::vector<uint8_t>& rand,
              const std::vector<uint8_t>& sqn,
              const std::vector<uint8_t>& amf,
              std::vector<uint8_t>& out1) const;
    /**
     * \brief TEMP = E_K(RAND ⊕ OPc).
     * \param rand RAND
     * \param [out] temp TEMP
     * \return false on a wrong length or an OpenSSL failure
     */
    bool Temp(const std::vector<uint8_t>& rand, std::vector<uint8_t>& temp) const;

    std::vector<uint8_t> m_k;   ///< K
    std::vector<uint8_t> m_opc; ///< OPc
};

} // namespace ns3

#endif // CRYPTO_MILENAGE_H
