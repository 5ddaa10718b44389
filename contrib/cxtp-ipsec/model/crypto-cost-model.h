/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_COST_MODEL_H
#define CRYPTO_COST_MODEL_H

#include "crypto-cost-profile.h"
#include "crypto-diffie-hellman.h"
#include "crypto-mac.h"
#include "crypto-work-meter.h"
#include "ipsec-algorithm.h"

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Turns cryptographic and protocol-processing operations into simulated time.
 *
 * Every amount comes from a CryptoCostProfile named by the "Profile" attribute ("zero",
 * "testbed-2008", "host" or a path to an INI file), read on first use. The result never depends
 * on the host's wall clock. Each charge fires the "Cost" trace with the operation's key, so a
 * delay breakdown can be built from the trace.
 *
 * Profile keys used (GetRequiredKeys() lists them; a profile lacking any of them is rejected
 * when loaded):
 * - dh.{modp768,modp1024,modp1536,modp2048,modp3072,ecp256,curve25519}_{keygen,shared} (time)
 * - prf.hmac_{md5,sha1,sha256,sha384,sha512}_call (time) and ..._per_byte (ns/B)
 * - cipher.{3des-cbc,aes128-cbc,aes256-cbc,aes128-gcm,aes256-gcm}_call (time) and
 *   ..._per_byte (ns/B)
 * - rsa.{sign,verify}_{1024,2048,3072,4096} (time): one RSASSA-PKCS1-v1_5 signature or
 *   verification with a modulus of that many bits (GetRsaModulusSizes())
 * - pki.certificate_check (time): one certificate of a path besides its signature, which is
 *   priced as the RSA verification with the issuer's key (CertificateCheck())
 * - aka.milenage (time): one run of the Milenage functions f1 to f5 (3GPP TS 35.206), as
 *   CryptoMilenage::GenerateVector or UsimCheck makes it (AucResynchronise, f1* and f5*, is
 *   charged the same); recorded as CryptoOperation::Kind::MILENAGE, priced by Milenage()
 * - daemon.message_processing (IKEv1), daemon.ikev2_message_processing (IKEv2),
 *   kernel.sa_install, kernel.policy_install, cxtp.message_processing, cxtp.context_install
 *   (time)
 * - radius.packet_processing (a gateway's RadiusClient: one RADIUS packet built or read),
 *   aaa.radius_processing (an AaaServer: one datagram read and answered),
 *   aaa.database_lookup (an AaaServer: the subscriber look-up of a new EAP session) (time),
 *   each besides the crypto recorded on a CryptoWorkMeter; read with Get()
 *
 * The IKEv1 daemon charges each operation through the methods below; the IKEv2 daemon records
 * what the crypto primitives computed on a CryptoWorkMeter and charges it with Price().
 */
class CryptoCostModel : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    CryptoCostModel();
    ~CryptoCostModel() override;

    /**
     * \brief TracedCallback signature for a charged cost.
     * \param key the operation: the profile key for single-parameter operations
     *        ("dh.modp1024_keygen", "kernel.sa_install"), the common prefix for per-call plus
     *        per-byte operations ("prf.hmac_sha1", "cipher.aes128-cbc")
     * \param cost the simulated time charged
     */
    typedef void (*CostTracedCallback)(std::string key, Time cost);

    /// \return every key the model reads from a profile
    static std::vector<std::string> GetRequiredKeys();
    /// \return the RSA modulus sizes in bits that a profile prices: 1024, 2048, 3072, 4096
    static std::vector<uint32_t> GetRsaModulusSizes();
    /**
     * \param group a MODP Diffie-Hellman group (RFC 2409 §6, RFC 3526); aborts for the
     *        elliptic-curve groups
     * \return the modulus size in bits
     */
    static uint32_t GetModpBits(CryptoDhGroup group);
    /**
     * \param group a Diffie-Hellman group
     * \return its name in the profile keys: "modp1024" (modulus bits), "ecp256", "curve25519"
     */
    static std::string GetDhName(CryptoDhGroup group);

    /**
     * \param group the DH group
     * \return the cost of drawing a private value and computing the public value (g^x mod p,
     *         or the scalar multiplication of the base point)
     */
    Time DhKeyGeneration(CryptoDhGroup group);
    /**
     * \param group the DH group
     * \return the cost of computing the shared secret (y^x mod p, or the scalar multiplication
     *         of the peer's point)
     */
    Time DhSharedSecret(CryptoDhGroup group);
    /**
     * \param hash the HMAC's hash function
     * \param bytes the message length
     * \return per-call cost + bytes * per-byte cost of one HMAC
     */
    Time Prf(CryptoHash hash, uint32_t bytes);
    /**
     * \param algorithm a CBC cipher (3DES, AES-128 or AES-256) or AES-GCM (128 or 256; keys
     *        cipher.aes128-gcm_* and cipher.aes256-gcm_*, whatever the ICV length); aborts for
     *        NULL
     * \param bytes the data length (for GCM the data encrypted or decrypted, without the
     *        associated data and the tag)
     * \return per-call cost + bytes * per-byte cost of one encryption or decryption
     */
    Time Cipher(IpsecEncryption algorithm, uint32_t bytes);
    /**
     * \param modulusBits the RSA modulus size (one of GetRsaModulusSizes(); aborts otherwise)
     * \return the cost of one RSASSA-PKCS1-v1_5 signature (hash of the data and the private-key
     *         operation), key rsa.sign_BITS
     */
    Time RsaSign(uint32_t modulusBits);
    /**
     * \param modulusBits the RSA modulus size (one of GetRsaModulusSizes(); aborts otherwise)
     * \return the cost of one RSASSA-PKCS1-v1_5 verification (hash of the data and the
     *         public-key operation), key rsa.verify_BITS
     */
    Time RsaVerify(uint32_t modulusBits);
    /**
     * \brief The cost of checking one certificate of a path: pki.certificate_check (parsing,
     * path building, name, validity and constraint checks) plus the verification of its
     * signature with the issuer's key, RsaVerify(issuerModulusBits). Charges both keys.
     * \param issuerModulusBits the issuer's RSA modulus size
     * \return the sum of the two
     */
    Time CertificateCheck(uint32_t issuerModulusBits);
    /// \return the cost of one AKA step's Milenage functions (one authentication vector, one
    ///         USIM check or one resynchronisation), key aka.milenage
    Time Milenage();
    /**
     * \param operation one operation a primitive recorded
     * \return its cost, charged through the method of its kind (Prf, Cipher, DhKeyGeneration,
     *         DhSharedSecret, RsaSign, RsaVerify, CertificateCheck, Milenage); aborts for an
     *         algorithm the profile does not price
     */
    Time Price(const CryptoOperation& operation);
    /**
     * \param meter the operations of one step
     * \return the sum of their costs, each charged (and traced) on its own key in order
     */
    Time Price(const CryptoWorkMeter& meter);
    /// \return the IKEv1 daemon's processing of one IKE message (besides its crypto)
    Time MessageProcessing();
    /// \return the IKEv2 daemon's processing of one IKE message (besides its crypto)
    Time Ikev2MessageProcessing();
    /// \return installing one SA in the kernel (PF_KEY-like add/update)
    Time SaInstallation();
    /// \return installing one security policy in the kernel
    Time PolicyInstallation();
    /// \return the CXTP daemon's processing of one message (besides its crypto)
    Time CxtpProcessing();
    /// \return installing a transferred security context
    Time ContextInstallation();
    /**
     * \param key any time parameter of the profile ("section.key")
     * \return its value; aborts if missing or not a time
     */
    Time Get(const std::string& key);

    /**
     * \brief Selects a profile; it is read on next use.
     * \param nameOrPath a profile name or a path (see CryptoCostProfile::Resolve)
     */
    void SetProfile(const std::string& nameOrPath);
    /// \return the profile name or path last set
    std::string GetProfileName() const;
    /// \return the profile, reading it first if needed (aborts on a load error)
    const CryptoCostProfile& GetProfile();

  private:
    /**
     * \param modulusBits an RSA modulus size
     * \return its name in the rsa.* keys ("2048"); aborts unless one of GetRsaModulusSizes()
     */
    static std::string GetRsaName(uint32_t modulusBits);
    /**
     * \param id a Diffie-Hellman group number, as a CryptoOperation carries it
     * \return the group; aborts if it is not one of CryptoDhGroup
     */
    static CryptoDhGroup ToDhGroup(uint32_t id);
    /// \brief Reads the profile if not yet done; aborts with the one-line error on failure.
    void EnsureLoaded();
    /**
     * \brief Fires the Cost trace.
     * \param key the operation
     * \param cost the amount
     * \return cost
     */
    Time Charge(const std::string& key, Time cost);
    /**
     * \param prefix "prf.hmac_sha1" etc.
     * \param bytes the data length
     * \return prefix_call + bytes * prefix_per_byte
     */
    Time PerCallPlusPerByte(const std::string& prefix, uint32_t bytes);

    std::string m_profileName;                     ///< Profile attribute
    bool m_loaded;                                 ///< m_profile matches m_profileName
    CryptoCostProfile m_profile;                   ///< the profile read
    TracedCallback<std::string, Time> m_costTrace; ///< Cost trace source
};

} // namespace ns3

#endif // CRYPTO_COST_MODEL_H
