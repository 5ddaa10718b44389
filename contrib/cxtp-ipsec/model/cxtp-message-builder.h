/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CXTP_MESSAGE_BUILDER_H
#define CXTP_MESSAGE_BUILDER_H

#include "cxtp-context.h"
#include "cxtp-header.h"

#include "ns3/ipv6-address.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The CXTP messages (RFC 4067 §2.5) a CxtpAgent sends, each built from what the agent's
 * state machines decided, as a packet holding the one CXTP header. The wire formats are the
 * CxtpHeader subclasses; this class only fills them in.
 */
class CxtpMessageBuilder
{
  public:
    /**
     * \brief CTAR (RFC 4067 §2.5.1), transferring all contexts.
     * \param previous the MN's previous address
     * \param otherGateway nSG when sent to pSG, pSG when sent to nSG
     * \param sequence the sequence number
     * \param ack the A flag (a CTAA is asked for)
     * \param token the MN Authorization Token (CxtpToken::Compute)
     * \return the message
     */
    static Ptr<Packet> Ctar(Ipv6Address previous,
                            Ipv6Address otherGateway,
                            uint32_t sequence,
                            bool ack,
                            uint32_t token);
    /**
     * \brief CTAA (RFC 4067 §2.5.2).
     * \param previous the MN's previous address
     * \param entries the contexts not transferred (empty = all fine)
     * \return the message
     */
    static Ptr<Packet> Ctaa(Ipv6Address previous, const std::vector<CxtpStatusEntry>& entries);
    /**
     * \brief PCTD (RFC 4067 §2.5.3): A = 1, elapsed time 0, the HMAC-SHA1 token key.
     * \param previous the MN's previous address
     * \param key the token key
     * \param blocks the contexts
     * \return the message
     */
    static Ptr<Packet> Pctd(Ipv6Address previous,
                            const std::vector<uint8_t>& key,
                            const std::vector<CxtpContextBlock>& blocks);
    /**
     * \brief CTD (RFC 4067 §2.5.3): A = 1, no key.
     * \param previous the MN's previous address
     * \param elapsed milliseconds since the first CTD for this MN
     * \param blocks the contexts
     * \return the message
     */
    static Ptr<Packet> Ctd(Ipv6Address previous,
                           uint32_t elapsed,
                           const std::vector<CxtpContextBlock>& blocks);
    /**
     * \brief CTDR (RFC 4067 §2.5.4).
     * \param previous the MN's previous address
     * \param success the S flag
     * \param entries the contexts not installed
     * \return the message
     */
    static Ptr<Packet> Ctdr(Ipv6Address previous,
                            bool success,
                            const std::vector<CxtpStatusEntry>& entries);
    /**
     * \brief CTC (RFC 4067 §2.5.5): nAR cancels a transfer that cannot finish.
     * \param previous the MN's previous address
     * \return the message
     */
    static Ptr<Packet> Ctc(Ipv6Address previous);
    /**
     * \brief CT-Req (RFC 4067 §2.5.6), with the CTAR's sequence number, token and requests.
     * \param previous the MN's previous address
     * \param sequence the CTAR's sequence number
     * \param token the CTAR's token
     * \param requested the requested profiles (empty = all)
     * \return the message
     */
    static Ptr<Packet> CtReq(Ipv6Address previous,
                             uint32_t sequence,
                             uint32_t token,
                             const std::vector<CxtpFeatureProfile>& requested);

    /**
     * \param fpts the requested profiles (empty = SPD_ENTRY, SAD_ENTRY and PAD_ENTRY)
     * \param status the status of each (a CxtpAgent::Status)
     * \return one CTAA/CTDR status entry per profile
     */
    static std::vector<CxtpStatusEntry> FailedEntries(const std::vector<CxtpFeatureProfile>& fpts,
                                                      uint8_t status);
    /**
     * \param fpts profiles
     * \return request blocks for them, as CxtpToken::Compute takes them
     */
    static std::vector<CxtpContextBlock> RequestBlocks(const std::vector<CxtpFeatureProfile>& fpts);
};

} // namespace ns3

#endif // CXTP_MESSAGE_BUILDER_H
