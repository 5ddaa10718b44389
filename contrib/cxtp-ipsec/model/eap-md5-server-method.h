/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef EAP_MD5_SERVER_METHOD_H
#define EAP_MD5_SERVER_METHOD_H

#include "eap-credentials.h"
#include "eap-method.h"

#include "ns3/ptr.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class CryptoRandom;

/**
 * \ingroup cxtp-ipsec
 * \brief The server side of EAP-MD5-Challenge (type 4, RFC 3748 §5.4): one MD5-Challenge
 * Request with a fresh 16-octet challenge from CryptoRandom (RFC 1994 §2.3: unpredictable,
 * one per challenge), then the peer's Response is compared in constant time with
 * MD5(Identifier | password | challenge) (RFC 1994 §4.1).
 *
 * A Response that does not decode, whose Value is not 16 octets or does not match ends the
 * method in FAILURE ("EAP-MD5 response does not match" for a wrong password). No MSK.
 */
class EapMd5ServerMethod : public EapServerMethod
{
  public:
    /// Octets of the challenge the server draws
    static constexpr uint32_t CHALLENGE_SIZE = 16;
    /// Octets of the Response Value (an MD5 digest)
    static constexpr size_t RESPONSE_SIZE = 16;

    /**
     * \param subscriber the subscriber's entry (its password is copied)
     * \param rng the source of the challenge
     */
    EapMd5ServerMethod(const EapCredentials& subscriber, Ptr<CryptoRandom> rng);
    ~EapMd5ServerMethod() override;

    EapType GetType() const override;
    EapStatus Start(uint8_t identifier, EapPacket& request, std::string& reason) override;
    EapStatus Process(const EapPacket& response,
                      uint8_t identifier,
                      EapPacket& request,
                      std::string& reason) override;
    /// \return empty: EAP-MD5 makes no MSK
    std::vector<uint8_t> GetMsk() const override;

  private:
    std::vector<uint8_t> m_password;  ///< the subscriber's secret
    Ptr<CryptoRandom> m_rng;          ///< challenge source
    std::vector<uint8_t> m_challenge; ///< the challenge sent
    uint8_t m_identifier{0};          ///< the Identifier of the challenge Request
};

} // namespace ns3

#endif // EAP_MD5_SERVER_METHOD_H
