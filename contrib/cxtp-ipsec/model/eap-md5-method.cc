/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "eap-md5-method.h"

#include "crypto-mac.h"
#include "wire-reader.h"
#include "wire-writer.h"

#include "ns3/abort.h"

namespace ns3
{

std::vector<uint8_t>
EapMd5Method::Encode(const EapMd5Challenge& challenge)
{
    NS_ABORT_MSG_IF(challenge.value.empty() || challenge.value.size() > 255,
                    "EAP-MD5 Value of " << challenge.value.size() << " octets");
    std::vector<uint8_t> out;
    WireWriter w(out);
    w.U8(static_cast<uint8_t>(challenge.value.size()));
    w.Raw(challenge.value);
    w.Raw(reinterpret_cast<const uint8_t*>(challenge.name.data()), challenge.name.size());
    return out;
}

WireDecodeResult
EapMd5Method::Decode(const std::vector<uint8_t>& typeData, EapMd5Challenge& challenge)
{
    WireReader r(typeData);
    const uint8_t valueSize = r.U8();
    if (!r.Ok())
    {
        return WireDecodeResult::Fail("EAP-MD5 type-data empty", 0);
    }
    if (valueSize == 0)
    {
        return WireDecodeResult::Fail("EAP-MD5 Value-Size 0 (RFC 1994 §4.1)", 0);
    }
    challenge.value = r.Bytes(valueSize);
    if (!r.Ok())
    {
        return WireDecodeResult::Fail("EAP-MD5 Value-Size " + std::to_string(valueSize) +
                                          " exceeds the " + std::to_string(typeData.size() - 1) +
                                          " octets left",
                                      0);
    }
    challenge.name.assign(typeData.begin() + 1 + valueSize, typeData.end());
    return {};
}

std::vector<uint8_t>
EapMd5Method::ComputeResponse(uint8_t identifier,
                              const std::vector<uint8_t>& secret,
                              const std::vector<uint8_t>& challenge)
{
    std::vector<uint8_t> input;
    input.reserve(1 + secret.size() + challenge.size());
    input.push_back(identifier);
    input.insert(input.end(), secret.begin(), secret.end());
    input.insert(input.end(), challenge.begin(), challenge.end());
    return CryptoMac::Digest(CryptoHash::MD5, input);
}

} // namespace ns3
