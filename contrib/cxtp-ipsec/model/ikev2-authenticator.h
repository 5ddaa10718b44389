/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_AUTHENTICATOR_H
#define IKEV2_AUTHENTICATOR_H

#include "ikev2-constants.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The AUTH payload data of IKE_AUTH (RFC 7296 §2.15, §3.8): the octets each side signs
 * or MACs, the shared-key MIC, and RSA signatures (RSASSA-PKCS1-v1_5, RFC 8017 §8.2) over those
 * octets.
 *
 * Two signature methods are offered:
 * - Ikev2AuthMethod::RSA_DIGITAL_SIGNATURE (1): the AUTH data is the bare signature with
 *   SHA-1, the default hash that RFC 7296 §3.8 says implementations SHOULD use;
 * - DIGITAL_SIGNATURE (14, RFC 7427 §3): the AUTH data is a one-octet length, the DER
 *   AlgorithmIdentifier of sha256WithRSAEncryption (RFC 7427 Appendix A.1.3) and the
 *   signature with SHA-256.
 *
 * Keys and certificates are DER byte strings (see CryptoSignature and CryptoX509).
 */
class Ikev2Authenticator
{
  public:
    /// The key pad of the shared-key AUTH (RFC 7296 §2.15): these 17 ASCII octets, no NUL.
    static constexpr const char* KEY_PAD = "Key Pad for IKEv2";
    /// The AUTH method "Digital Signature" of RFC 7427 §7, as a number.
    static constexpr uint8_t DIGITAL_SIGNATURE =
        static_cast<uint8_t>(Ikev2AuthMethod::DIGITAL_SIGNATURE);

    /**
     * \brief The body of an ID payload without its generic header, "RestOfIDPayload"
     * (RFC 7296 §2.15, §3.5): ID Type (1) | RESERVED (3, zero) | Identification Data.
     * \param type the ID type
     * \param data the identification data (16 octets for ID_IPV6_ADDR)
     * \return the body
     */
    static std::vector<uint8_t> IdPayloadBody(Ikev2IdType type, const std::vector<uint8_t>& data);

    /**
     * \brief The octets a side signs or MACs (RFC 7296 §2.15):
     * RealMessage | NonceData of the peer | prf(SK_p, RestOfIDPayload).
     *
     * For the initiator: its IKE_SA_INIT request as sent, Nr, SK_pi and the IDi body; for the
     * responder: its IKE_SA_INIT response, Ni, SK_pr and the IDr body. The message is the whole
     * IKE message from the IKE header on (without the non-ESP marker on port 4500), as it was
     * sent, including a COOKIE or the response's NAT_DETECTION notifications.
     *
     * \param prf the IKE SA's PRF
     * \param saInitMessage the side's own IKE_SA_INIT message
     * \param peerNonce the peer's nonce data
     * \param skP SK_pi (initiator) or SK_pr (responder)
     * \param idBody the side's ID payload body (IdPayloadBody())
     * \return the signed octets, or empty if the PRF is not supported
     */
    static std::vector<uint8_t> SignedOctets(Ikev2PrfId prf,
                                             const std::vector<uint8_t>& saInitMessage,
                                             const std::vector<uint8_t>& peerNonce,
                                             const std::vector<uint8_t>& skP,
                                             const std::vector<uint8_t>& idBody);

    /**
     * \brief AUTH = prf(prf(Shared Secret, "Key Pad for IKEv2"), <SignedOctets>)
     * (RFC 7296 §2.15), the data of an AUTH payload with method SHARED_KEY_MIC.
     * \param prf the IKE SA's PRF
     * \param psk the pre-shared key
     * \param signedOctets the sender's signed octets
     * \return the AUTH data (the PRF's output length), or empty if the PRF is not supported
     */
    static std::vector<uint8_t> PskAuth(Ikev2PrfId prf,
                                        const std::vector<uint8_t>& psk,
                                        const std::vector<uint8_t>& signedOctets);
    /**
     * \brief Recomputes the peer's shared-key AUTH and compares in constant time.
     * \param prf the IKE SA's PRF
     * \param psk the pre-shared key
     * \param peerSignedOctets the peer's signed octets
     * \param authData the AUTH payload data received
     * \return true if they match
     */
    static bool VerifyPskAuth(Ikev2PrfId prf,
                              const std::vector<uint8_t>& psk,
                              const std::vector<uint8_t>& peerSignedOctets,
                              const std::vector<uint8_t>& authData);

    /**
     * \brief The AUTH data of a signature method (RFC 7296 §3.8, RFC 7427 §3).
     * \param method Ikev2AuthMethod::RSA_DIGITAL_SIGNATURE (1) or DIGITAL_SIGNATURE (14)
     * \param privateKeyDer the signer's RSA private key, DER
     * \param signedOctets the signer's signed octets
     * \param [out] authData the AUTH data (cleared on failure)
     * \return false for another method, a key that is not RSA, or an OpenSSL failure
     */
    static bool Sign(uint8_t method,
                     const std::vector<uint8_t>& privateKeyDer,
                     const std::vector<uint8_t>& signedOctets,
                     std::vector<uint8_t>& authData);
    /**
     * \brief Verifies the AUTH data of a signature method with the peer's public key, taken for
     * example from its validated certificate (CryptoX509::GetPublicKey).
     * \param method Ikev2AuthMethod::RSA_DIGITAL_SIGNATURE (1) or DIGITAL_SIGNATURE (14)
     * \param publicKeyDer the peer's RSA public key, SubjectPublicKeyInfo DER
     * \param peerSignedOctets the peer's signed octets
     * \param authData the AUTH payload data received
     * \return true if the signature is valid (for method 14, with the AlgorithmIdentifier of
     *         sha256WithRSAEncryption)
     */
    static bool Verify(uint8_t method,
                       const std::vector<uint8_t>& publicKeyDer,
                       const std::vector<uint8_t>& peerSignedOctets,
                       const std::vector<uint8_t>& authData);
};

} // namespace ns3

#endif // IKEV2_AUTHENTICATOR_H
