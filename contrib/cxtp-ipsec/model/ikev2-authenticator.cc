/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-authenticator.h"

#include "crypto-mac.h"
#include "crypto-signature.h"
#include "ikev2-key-derivation.h"

#include "ns3/log.h"

#include <algorithm>
#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ikev2Authenticator");

namespace
{

/// A byte string.
using Bytes = std::vector<uint8_t>;

/**
 * \brief The DER AlgorithmIdentifier of sha256WithRSAEncryption (OID 1.2.840.113549.1.1.11)
 * with NULL parameters, as RFC 7427 Appendix A.1.3 lists it.
 */
const Bytes SHA256_WITH_RSA =
    {0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00};

} // namespace

std::vector<uint8_t>
Ikev2Authenticator::IdPayloadBody(Ikev2IdType type, const std::vector<uint8_t>& data)
{
    Bytes body{static_cast<uint8_t>(type), 0, 0, 0};
    body.insert(body.end(), data.begin(), data.end());
    return body;
}

std::vector<uint8_t>
Ikev2Authenticator::SignedOctets(Ikev2PrfId prf,
                                 const std::vector<uint8_t>& saInitMessage,
                                 const std::vector<uint8_t>& peerNonce,
                                 const std::vector<uint8_t>& skP,
                                 const std::vector<uint8_t>& idBody)
{
    const Bytes macedId = Ikev2KeyDerivation::Prf(prf, skP, idBody);
    if (macedId.empty())
    {
        return {};
    }
    Bytes out = saInitMessage;
    out.insert(out.end(), peerNonce.begin(), peerNonce.end());
    out.insert(out.end(), macedId.begin(), macedId.end());
    return out;
}

std::vector<uint8_t>
Ikev2Authenticator::PskAuth(Ikev2PrfId prf,
                            const std::vector<uint8_t>& psk,
                            const std::vector<uint8_t>& signedOctets)
{
    const Bytes pad(KEY_PAD, KEY_PAD + std::strlen(KEY_PAD));
    const Bytes key = Ikev2KeyDerivation::Prf(prf, psk, pad);
    if (key.empty())
    {
        return {};
    }
    return Ikev2KeyDerivation::Prf(prf, key, signedOctets);
}

bool
Ikev2Authenticator::VerifyPskAuth(Ikev2PrfId prf,
                                  const std::vector<uint8_t>& psk,
                                  const std::vector<uint8_t>& peerSignedOctets,
                                  const std::vector<uint8_t>& authData)
{
    const Bytes expected = PskAuth(prf, psk, peerSignedOctets);
    return !expected.empty() && CryptoMac::ConstantTimeEqual(expected, authData);
}

bool
Ikev2Authenticator::Sign(uint8_t method,
                         const std::vector<uint8_t>& privateKeyDer,
                         const std::vector<uint8_t>& signedOctets,
                         std::vector<uint8_t>& authData)
{
    NS_LOG_FUNCTION(+method << signedOctets.size());
    authData.clear();
    if (method == static_cast<uint8_t>(Ikev2AuthMethod::RSA_DIGITAL_SIGNATURE))
    {
        return CryptoSignature::SignRsa(CryptoHash::SHA1, privateKeyDer, signedOctets, authData);
    }
    if (method != DIGITAL_SIGNATURE)
    {
        NS_LOG_LOGIC("not a signature method: " << +method);
        return false;
    }
    Bytes signature;
    if (!CryptoSignature::SignRsa(CryptoHash::SHA2_256, privateKeyDer, signedOctets, signature))
    {
        return false;
    }
    // RFC 7427 §3: ASN.1 Length (1) | AlgorithmIdentifier | Signature Value.
    authData.push_back(static_cast<uint8_t>(SHA256_WITH_RSA.size()));
    authData.insert(authData.end(), SHA256_WITH_RSA.begin(), SHA256_WITH_RSA.end());
    authData.insert(authData.end(), signature.begin(), signature.end());
    return true;
}

bool
Ikev2Authenticator::Verify(uint8_t method,
                           const std::vector<uint8_t>& publicKeyDer,
                           const std::vector<uint8_t>& peerSignedOctets,
                           const std::vector<uint8_t>& authData)
{
    NS_LOG_FUNCTION(+method << peerSignedOctets.size() << authData.size());
    if (method == static_cast<uint8_t>(Ikev2AuthMethod::RSA_DIGITAL_SIGNATURE))
    {
        return CryptoSignature::VerifyRsa(CryptoHash::SHA1,
                                          publicKeyDer,
                                          peerSignedOctets,
                                          authData);
    }
    const size_t prefix = 1 + SHA256_WITH_RSA.size();
    if (method != DIGITAL_SIGNATURE || authData.size() <= prefix ||
        authData[0] != SHA256_WITH_RSA.size() ||
        !std::equal(SHA256_WITH_RSA.begin(), SHA256_WITH_RSA.end(), authData.begin() + 1))
    {
        NS_LOG_LOGIC("method " << +method << ": not an RSA signature this model verifies");
        return false;
    }
    const Bytes signature(authData.begin() + prefix, authData.end());
    return CryptoSignature::VerifyRsa(CryptoHash::SHA2_256,
                                      publicKeyDer,
                                      peerSignedOctets,
                                      signature);
}

} // namespace ns3
