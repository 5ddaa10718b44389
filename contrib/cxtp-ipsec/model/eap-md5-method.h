/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef EAP_MD5_METHOD_H
#define EAP_MD5_METHOD_H

#include "wire-decode-result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The type-data of an EAP MD5-Challenge Request or Response (RFC 3748 §5.4, laid out as
 * the CHAP Challenge and Response of RFC 1994 §4.1): Value-Size, Value, Name.
 */
struct EapMd5Challenge
{
    std::vector<uint8_t> value; ///< the challenge (Request) or the 16-octet response (Response)
    std::string name;           ///< the Name field: the rest of the type-data
};

/**
 * \ingroup cxtp-ipsec
 * \brief EAP-MD5-Challenge (type 4, RFC 3748 §5.4): type-data encoding and the response value
 * MD5(Identifier | secret | challenge) of RFC 1994 §4.1, through CryptoMac::Digest.
 */
class EapMd5Method
{
  public:
    /**
     * \param challenge the fields (value 1-255 octets; aborts otherwise)
     * \return the type-data
     */
    static std::vector<uint8_t> Encode(const EapMd5Challenge& challenge);
    /**
     * \param typeData the type-data of a type-4 packet
     * \param [out] challenge the fields
     * \return OK, or the reason: empty, Value-Size 0 (RFC 1994 §4.1: at least one octet) or
     *         past the type-data
     */
    static WireDecodeResult Decode(const std::vector<uint8_t>& typeData,
                                   EapMd5Challenge& challenge);
    /**
     * \brief The Response Value of RFC 1994 §4.1 as EAP uses it (RFC 3748 §5.4).
     * \param identifier the EAP Identifier of the Request
     * \param secret the shared secret
     * \param challenge the Value of the Request
     * \return MD5(identifier | secret | challenge), 16 octets
     */
    static std::vector<uint8_t> ComputeResponse(uint8_t identifier,
                                                const std::vector<uint8_t>& secret,
                                                const std::vector<uint8_t>& challenge);
};

} // namespace ns3

#endif // EAP_MD5_METHOD_H
