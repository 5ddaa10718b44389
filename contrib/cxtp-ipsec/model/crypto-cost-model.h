/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_COST_MODEL_H
#define CRYPTO_COST_MODEL_H

#include "crypto-cost-profile.h"
#include "crypto-diffie-hellman.h"
#include "crypto-mac.h"
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
 * - cipher.{3des-cbc,aes128-cbc,aes256-cbc}_call (time) and ..._per_byte (ns/B)
 * - daemon.message_processing, kernel.sa_install, kernel.policy_install,
 *   cxtp.message_processing, cxtp.context_install (time)
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
     * \param algorithm a CBC cipher (3DES, AES-128 or AES-256; aborts for others)
     * \param bytes the data length
     * \return per-call cost + bytes * per-byte cost of one encryption or decryption
     */
    Time Cipher(IpsecEncryption algorithm, uint32_t bytes);
    /// \return the daemon's processing of one IKE message (besides its crypto)
    Time MessageProcessing();
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
