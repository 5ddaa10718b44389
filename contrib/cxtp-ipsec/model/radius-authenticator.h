/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef RADIUS_AUTHENTICATOR_H
#define RADIUS_AUTHENTICATOR_H

#include "crypto-random.h"
#include "wire-decode-result.h"

#include "ns3/ptr.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The RADIUS authenticators on encoded packets (RadiusCodec::Encode() output): the
 * Request Authenticator (RFC 2865 §3), the Response Authenticator
 * MD5(Code|ID|Length|RequestAuth|Attributes|Secret) (RFC 2865 §3), and the
 * Message-Authenticator attribute, HMAC-MD5 keyed with the shared secret over the packet with
 * the attribute's value zeroed and, in a response, the Request Authenticator in the
 * Authenticator field (RFC 3579 §3.2). MD5 and HMAC-MD5 go through CryptoMac.
 *
 * A sender encodes the packet with a Message-Authenticator of 16 zero octets when it carries
 * EAP-Message (RFC 3579 §3.2 requires one), then calls SignRequest() or SignResponse().
 */
class RadiusAuthenticator
{
  public:
    /**
     * \param random the source of the 16 octets (RFC 2865 §3: unpredictable and unique)
     * \return a Request Authenticator
     */
    static std::vector<uint8_t> NewRequestAuthenticator(Ptr<CryptoRandom> random);

    /**
     * \param packet an encoded response (Accept, Reject, Challenge)
     * \param requestAuthenticator the Request Authenticator of the Access-Request
     * \param secret the shared secret
     * \return MD5(Code|ID|Length|RequestAuth|Attributes|Secret), 16 octets (empty if the packet
     *         is shorter than 20 octets or its Length field)
     */
    static std::vector<uint8_t> ComputeResponseAuthenticator(
        const std::vector<uint8_t>& packet,
        const std::vector<uint8_t>& requestAuthenticator,
        const std::vector<uint8_t>& secret);

    /**
     * \param packet an encoded packet holding one Message-Authenticator
     * \param secret the shared secret
     * \param requestAuthenticator for a response, the Request Authenticator put in the
     *        Authenticator field for the computation; empty for an Access-Request (its own
     *        field is used)
     * \param [out] mac the 16 octets
     * \return OK, or why not: malformed, no or two Message-Authenticators
     */
    static WireDecodeResult ComputeMessageAuthenticator(
        const std::vector<uint8_t>& packet,
        const std::vector<uint8_t>& secret,
        const std::vector<uint8_t>& requestAuthenticator,
        std::vector<uint8_t>& mac);

    /**
     * \brief Fills the Message-Authenticator of an Access-Request, if it has one.
     * \param [in,out] packet the encoded Access-Request (Request Authenticator already set)
     * \param secret the shared secret
     * \return OK, or why not
     */
    static WireDecodeResult SignRequest(std::vector<uint8_t>& packet,
                                        const std::vector<uint8_t>& secret);
    /**
     * \brief Fills the Message-Authenticator of a response, if it has one, then the Response
     * Authenticator.
     * \param [in,out] packet the encoded response
     * \param requestAuthenticator the Request Authenticator of the Access-Request answered
     * \param secret the shared secret
     * \return OK, or why not
     */
    static WireDecodeResult SignResponse(std::vector<uint8_t>& packet,
                                         const std::vector<uint8_t>& requestAuthenticator,
                                         const std::vector<uint8_t>& secret);

    /**
     * \param packet a received Access-Request
     * \param secret the shared secret
     * \return OK if its Message-Authenticator verifies, or it has none and no EAP-Message
     *         (RFC 3579 §3.2: one that carries EAP-Message and lacks it is discarded);
     *         otherwise the reason
     */
    static WireDecodeResult VerifyRequest(const std::vector<uint8_t>& packet,
                                          const std::vector<uint8_t>& secret);
    /**
     * \param packet a received response
     * \param requestAuthenticator the Request Authenticator of the Access-Request sent
     * \param secret the shared secret
     * \return OK if the Response Authenticator and the Message-Authenticator (required with
     *         EAP-Message) verify; otherwise the reason
     */
    static WireDecodeResult VerifyResponse(const std::vector<uint8_t>& packet,
                                           const std::vector<uint8_t>& requestAuthenticator,
                                           const std::vector<uint8_t>& secret);
};

} // namespace ns3

#endif // RADIUS_AUTHENTICATOR_H
