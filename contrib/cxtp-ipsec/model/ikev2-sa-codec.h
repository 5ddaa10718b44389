/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_SA_CODEC_H
#define IKEV2_SA_CODEC_H

#include "ikev2-decode-result.h"
#include "ikev2-message.h"
#include "wire-writer.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The body of the SA payload (RFC 7296 §3.3): proposals, transforms and attributes.
 *
 * Ikev2Codec calls it for the octets after the SA payload's generic header. The decoder checks:
 * - proposals fill the body exactly, there is at least one, each says Last Substruc 2 when
 *   another follows and 0 when it is the last (§3.3.1);
 * - a proposal's length is at least 8 + its SPI Size and its transforms fill the rest exactly,
 *   as many as "Num Transforms" says, with Last Substruc 3 / 0 (§3.3.2);
 * - a transform's length is at least 8 and its attributes fill the rest exactly (§3.3.5).
 * Proposal numbers, protocol IDs, transform IDs and attribute types are not judged here: that
 * is for the exchange that reads the proposal (§3.3.6).
 */
class Ikev2SaCodec
{
  public:
    /**
     * \param sa an SA payload
     * \return the size of its body on the wire (without the generic payload header)
     */
    static uint32_t GetBodySize(const Ikev2SaPayload& sa);

    /**
     * \brief Writes the proposals of an SA payload (its body, after the generic header).
     * \param w the writer
     * \param sa the SA payload (aborts on an SPI longer than 255 octets, more than 255
     *        transforms or a proposal longer than 65535 octets)
     */
    static void Write(WireWriter& w, const Ikev2SaPayload& sa);

    /**
     * \brief Reads the proposals of an SA payload.
     * \param body the octets after the SA payload's generic header
     * \param base the offset of body in the message, for error reports
     * \param [out] sa the proposals, appended
     * \return OK, or BAD_PROPOSAL, BAD_LENGTH or BAD_ATTRIBUTE with a reason
     */
    static Ikev2DecodeResult Read(const std::vector<uint8_t>& body,
                                  size_t base,
                                  Ikev2SaPayload& sa);
};

} // namespace ns3

#endif // IKEV2_SA_CODEC_H
