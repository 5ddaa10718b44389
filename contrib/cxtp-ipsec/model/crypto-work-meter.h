/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_WORK_METER_H
#define CRYPTO_WORK_METER_H

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief One cryptographic operation as the cost model prices it (CryptoCostModel::Price).
 */
struct CryptoOperation
{
    /// What was computed, and what CryptoOperation::algorithm holds for it.
    enum class Kind : uint8_t
    {
        HMAC,        ///< CryptoMac::Hmac; algorithm: the CryptoHash; bytes: the message length
        CIPHER,      ///< CryptoCipher CBC encryption or decryption, GCM seal or open; algorithm:
                     ///< the IpsecEncryption (AES_128_GCM_16 or AES_256_GCM_16 for GCM, by key
                     ///< length, whatever the tag length); bytes: the data encrypted or decrypted
                     ///< (for GCM without the AAD and the tag)
        DH_KEYGEN,   ///< CryptoDiffieHellman::ComputePublic; algorithm: the CryptoDhGroup
        DH_SHARED,   ///< CryptoDiffieHellman::ComputeShared; algorithm: the CryptoDhGroup
        RSA_SIGN,    ///< CryptoSignature::SignRsa; algorithm: the modulus size in bits
        RSA_VERIFY,  ///< CryptoSignature::VerifyRsa; algorithm: the modulus size in bits
        CERTIFICATE, ///< one certificate of a path checked by CryptoX509::VerifyChain, its
                     ///< signature included; algorithm: the issuer's RSA modulus size in bits
        MILENAGE,    ///< one set of Milenage f-functions (3GPP TS 35.206) for one AKA step:
                     ///< CryptoMilenage::GenerateVector, UsimCheck or AucResynchronise;
                     ///< algorithm and bytes: 0
    };

    Kind kind{Kind::HMAC}; ///< the operation
    uint32_t algorithm{0}; ///< its algorithm, as the Kind says (an enumeration as an integer)
    uint32_t bytes{0};     ///< data bytes for HMAC and CIPHER, 0 otherwise
};

/**
 * \ingroup cxtp-ipsec
 * \brief Collects the cryptographic operations that the module's primitives perform while the
 * meter is active, so that a daemon charges exactly what a step computed.
 *
 * The primitives (CryptoMac::Hmac, CryptoCipher, CryptoDiffieHellman::ComputePublic and
 * ComputeShared, CryptoSignature, CryptoX509::VerifyChain, and the AKA steps of CryptoMilenage)
 * call Record() with what they did; the
 * operation is added to the active meter, or dropped when none is active. A meter is activated
 * for the lifetime of a Scope:
 * \code
 *   CryptoWorkMeter meter;
 *   {
 *       CryptoWorkMeter::Scope scope(meter);
 *       exchange.ProcessResponse(sa, message); // every primitive it calls is recorded
 *   }
 *   Time work = costModel->Price(meter);
 * \endcode
 * Scopes nest: an inner scope activates its meter and restores the outer one when it ends.
 *
 * The active meter is one process-wide pointer. This is sound because an ns-3 simulation runs
 * its events one after another on one thread; a program that runs simulations on several
 * threads must not use meters. Every primitive call made while a scope is open is counted,
 * whichever node makes it, so a scope should enclose the computation of one step only, not
 * the sending or receiving of packets. A meter must outlive the scopes that activate it.
 * Code that charges its costs explicitly (the IKEv1 daemon, Ikev1Services) opens no scope,
 * so its primitive calls are recorded nowhere.
 */
class CryptoWorkMeter
{
  public:
    /**
     * \brief Makes a meter the active one for the lifetime of the scope.
     */
    class Scope
    {
      public:
        /**
         * \brief Activates \p meter; the meter active before is restored by the destructor.
         * \param meter the meter to which Record() adds from now on
         */
        explicit Scope(CryptoWorkMeter& meter);
        /// \brief Restores the meter that was active when the scope was opened (or none).
        ~Scope();
        Scope(const Scope&) = delete;            ///< a scope activates its meter once
        Scope& operator=(const Scope&) = delete; ///< a scope activates its meter once

      private:
        CryptoWorkMeter* m_previous; ///< the meter active before this scope, or null
    };

    CryptoWorkMeter();
    /// \brief Aborts if the meter is still active (a Scope outlived it).
    ~CryptoWorkMeter();

    /**
     * \brief Adds an operation to the active meter; does nothing when no meter is active.
     * \param operation what a primitive computed
     */
    static void Record(const CryptoOperation& operation);
    /// \return the operations recorded, in the order they were performed
    const std::vector<CryptoOperation>& GetOperations() const;
    /// \brief Forgets the operations recorded.
    void Clear();

  private:
    std::vector<CryptoOperation> m_operations; ///< recorded operations, in order
};

} // namespace ns3

#endif // CRYPTO_WORK_METER_H
