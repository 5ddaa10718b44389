/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef RADIUS_MPPE_KEY_H
#define RADIUS_MPPE_KEY_H

#include "radius-packet.h"
#include "wire-decode-result.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The Microsoft MS-MPPE-Send-Key and MS-MPPE-Recv-Key attributes (RFC 2548 §2.4.2,
 * §2.4.3) by which an AAA server hands the EAP MSK to the authenticator:
 * Vendor-Specific (26) with Vendor-Id 311, vendor type 16 or 17, a 2-octet Salt whose high bit
 * is set, and the key encrypted with the MD5 chain of §2.4.2:
 * P = key length | key | zero padding to a multiple of 16;
 * b(1) = MD5(S | R | A), c(1) = p(1) xor b(1); b(i) = MD5(S | c(i-1)), c(i) = p(i) xor b(i),
 * with S the shared secret, R the Request Authenticator and A the Salt. MD5 goes through
 * CryptoMac.
 */
class RadiusMppeKey
{
  public:
    static constexpr uint32_t VENDOR_MICROSOFT = 311; ///< SMI enterprise code of Microsoft
    static constexpr uint8_t MS_MPPE_SEND_KEY = 16;   ///< RFC 2548 §2.4.2
    static constexpr uint8_t MS_MPPE_RECV_KEY = 17;   ///< RFC 2548 §2.4.3
    static constexpr size_t MAX_KEY = 239;            ///< fits one attribute (253 octets)

    /**
     * \param key the key (at most MAX_KEY octets; aborts otherwise)
     * \param secret the RADIUS shared secret
     * \param requestAuthenticator the Request Authenticator of the Access-Request answered
     * \param salt the Salt; its high bit is set here (§2.4.2: MUST be set), and it MUST be
     *        unique per attribute (the caller draws it, e.g. from CryptoRandom)
     * \return Salt | encrypted String
     */
    static std::vector<uint8_t> Encrypt(const std::vector<uint8_t>& key,
                                        const std::vector<uint8_t>& secret,
                                        const std::vector<uint8_t>& requestAuthenticator,
                                        uint16_t salt);
    /**
     * \param data Salt | encrypted String, as in the attribute
     * \param secret the RADIUS shared secret
     * \param requestAuthenticator the Request Authenticator of the Access-Request sent
     * \param [out] key the key
     * \return OK, or the reason: shorter than 18 octets, a String not a multiple of 16, Salt
     *         without its high bit, or a key length byte beyond the decrypted String (a wrong
     *         secret or authenticator usually shows here)
     */
    static WireDecodeResult Decrypt(const std::vector<uint8_t>& data,
                                    const std::vector<uint8_t>& secret,
                                    const std::vector<uint8_t>& requestAuthenticator,
                                    std::vector<uint8_t>& key);

    /**
     * \param vendorType MS_MPPE_SEND_KEY or MS_MPPE_RECV_KEY
     * \param key the key
     * \param secret the shared secret
     * \param requestAuthenticator the Request Authenticator
     * \param salt the Salt
     * \return the Vendor-Specific attribute
     */
    static RadiusAttribute MakeAttribute(uint8_t vendorType,
                                         const std::vector<uint8_t>& key,
                                         const std::vector<uint8_t>& secret,
                                         const std::vector<uint8_t>& requestAuthenticator,
                                         uint16_t salt);
    /**
     * \param packet a response
     * \param vendorType MS_MPPE_SEND_KEY or MS_MPPE_RECV_KEY
     * \param secret the shared secret
     * \param requestAuthenticator the Request Authenticator of the Access-Request sent
     * \param [out] key the decrypted key
     * \return OK, or the reason (no such attribute, malformed, does not decrypt)
     */
    static WireDecodeResult GetKey(const RadiusPacket& packet,
                                   uint8_t vendorType,
                                   const std::vector<uint8_t>& secret,
                                   const std::vector<uint8_t>& requestAuthenticator,
                                   std::vector<uint8_t>& key);
};

} // namespace ns3

#endif // RADIUS_MPPE_KEY_H
