/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "cxtp-message-builder.h"

#include "cxtp-token.h"

namespace ns3
{

namespace
{
/// \param header a CXTP message \return a packet holding it
Ptr<Packet>
ToPacket(const CxtpHeader& header)
{
    Ptr<Packet> packet = Create<Packet>();
    packet->AddHeader(header);
    return packet;
}

/**
 * \param predictive PCTD (true) or CTD
 * \param previous the MN's previous address
 * \param elapsed milliseconds since the first CTD
 * \param blocks the contexts
 * \return the message with A = 1 and no key
 */
CxtpCtdHeader
DataHeader(bool predictive,
           Ipv6Address previous,
           uint32_t elapsed,
           const std::vector<CxtpContextBlock>& blocks)
{
    CxtpCtdHeader ctd(predictive);
    ctd.SetAckRequested(true);
    ctd.SetElapsedTime(elapsed);
    ctd.SetPreviousAddress(previous);
    ctd.SetBlocks(blocks);
    return ctd;
}
} // namespace

Ptr<Packet>
CxtpMessageBuilder::Ctar(Ipv6Address previous,
                         Ipv6Address otherGateway,
                         uint32_t sequence,
                         bool ack,
                         uint32_t token)
{
    CxtpCtarHeader ctar;
    ctar.SetPreviousAddress(previous);
    ctar.SetArAddress(otherGateway);
    ctar.SetSequence(sequence);
    ctar.SetAckRequested(ack);
    ctar.SetToken(token);
    return ToPacket(ctar);
}

Ptr<Packet>
CxtpMessageBuilder::Ctaa(Ipv6Address previous, const std::vector<CxtpStatusEntry>& entries)
{
    CxtpCtaaHeader ctaa;
    ctaa.SetPreviousAddress(previous);
    ctaa.SetEntries(entries);
    return ToPacket(ctaa);
}

Ptr<Packet>
CxtpMessageBuilder::Pctd(Ipv6Address previous,
                         const std::vector<uint8_t>& key,
                         const std::vector<CxtpContextBlock>& blocks)
{
    CxtpCtdHeader pctd = DataHeader(true, previous, 0, blocks);
    pctd.SetKey(key, CxtpToken::ALGORITHM_HMAC_SHA1);
    return ToPacket(pctd);
}

Ptr<Packet>
CxtpMessageBuilder::Ctd(Ipv6Address previous,
                        uint32_t elapsed,
                        const std::vector<CxtpContextBlock>& blocks)
{
    return ToPacket(DataHeader(false, previous, elapsed, blocks));
}

Ptr<Packet>
CxtpMessageBuilder::Ctdr(Ipv6Address previous,
                         bool success,
                         const std::vector<CxtpStatusEntry>& entries)
{
    CxtpCtdrHeader ctdr;
    ctdr.SetPreviousAddress(previous);
    ctdr.SetSuccess(success);
    ctdr.SetEntries(entries);
    return ToPacket(ctdr);
}

Ptr<Packet>
CxtpMessageBuilder::Ctc(Ipv6Address previous)
{
    CxtpCtcHeader ctc;
    ctc.SetPreviousAddress(previous);
    return ToPacket(ctc);
}

Ptr<Packet>
CxtpMessageBuilder::CtReq(Ipv6Address previous,
                          uint32_t sequence,
                          uint32_t token,
                          const std::vector<CxtpFeatureProfile>& requested)
{
    CxtpCtReqHeader ctReq;
    ctReq.SetPreviousAddress(previous);
    ctReq.SetSequence(sequence);
    ctReq.SetToken(token);
    ctReq.SetRequested(requested);
    return ToPacket(ctReq);
}

std::vector<CxtpStatusEntry>
CxtpMessageBuilder::FailedEntries(const std::vector<CxtpFeatureProfile>& fpts, uint8_t status)
{
    std::vector<CxtpFeatureProfile> all = fpts;
    if (all.empty())
    {
        all = {CxtpFeatureProfile::SPD_ENTRY,
               CxtpFeatureProfile::SAD_ENTRY,
               CxtpFeatureProfile::PAD_ENTRY};
    }
    std::vector<CxtpStatusEntry> entries;
    for (auto fpt : all)
    {
        CxtpStatusEntry entry;
        entry.fpt = fpt;
        entry.status = status;
        entries.push_back(entry);
    }
    return entries;
}

std::vector<CxtpContextBlock>
CxtpMessageBuilder::RequestBlocks(const std::vector<CxtpFeatureProfile>& fpts)
{
    std::vector<CxtpContextBlock> blocks;
    for (auto fpt : fpts)
    {
        blocks.push_back(CxtpContextBlock::Request(fpt));
    }
    return blocks;
}

} // namespace ns3
