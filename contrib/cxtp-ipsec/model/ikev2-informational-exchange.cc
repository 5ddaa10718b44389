/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-informational-exchange.h"

#include "wire-reader.h"
#include "wire-writer.h"

namespace ns3
{

namespace
{

/// \return an INFORMATIONAL message of this SA with an open, empty SK payload
Ikev2Message
Message(const Ikev2Sa& sa, bool response, uint32_t messageId)
{
    Ikev2Message m;
    m.header = sa.MakeHeader(Ikev2ExchangeType::INFORMATIONAL, response, messageId);
    m.encrypted = Ikev2EncryptedPayload();
    return m;
}

/// \return a request with the next message ID, which it takes
Ikev2Message
Request(Ikev2Sa& sa)
{
    return Message(sa, false, sa.nextRequestId);
}

/// \return a Delete payload of ESP SPIs
Ikev2DeletePayload
DeleteEsp(const std::vector<uint32_t>& spis)
{
    Ikev2DeletePayload d;
    d.protocolId = Ikev2ProtocolId::ESP;
    d.spiSize = 4;
    for (uint32_t spi : spis)
    {
        std::vector<uint8_t> bytes;
        WireWriter(bytes).U32(spi);
        d.spis.push_back(bytes);
    }
    return d;
}

/**
 * \brief Removes the CHILD_SAs whose outbound SPI (the peer's inbound one) a Delete names.
 * \return our inbound SPIs of the CHILD_SAs removed
 */
std::vector<uint32_t>
RemoveByOutbound(Ikev2Sa& sa, const Ikev2DeletePayload& d)
{
    std::vector<uint32_t> ours;
    for (const std::vector<uint8_t>& spi : d.spis)
    {
        if (spi.size() != 4)
        {
            continue;
        }
        uint32_t theirs = WireReadU32(spi.data());
        for (auto it = sa.children.begin(); it != sa.children.end(); ++it)
        {
            if (it->second.outboundSpi == theirs)
            {
                ours.push_back(it->first);
                sa.children.erase(it);
                break;
            }
        }
    }
    return ours;
}

} // namespace

Ikev2Message
Ikev2InformationalExchange::BuildDeleteChildren(Ikev2Sa& sa,
                                                const std::vector<uint32_t>& inboundSpis)
{
    Ikev2Message m = Request(sa);
    m.encrypted->payloads.push_back(DeleteEsp(inboundSpis));
    return m;
}

Ikev2Message
Ikev2InformationalExchange::BuildDeleteIkeSa(Ikev2Sa& sa)
{
    Ikev2Message m = Request(sa);
    Ikev2DeletePayload d;
    d.protocolId = Ikev2ProtocolId::IKE;
    d.spiSize = 0;
    m.encrypted->payloads.push_back(d);
    sa.state = Ikev2State::DELETING;
    return m;
}

Ikev2Message
Ikev2InformationalExchange::BuildLiveness(Ikev2Sa& sa)
{
    return Request(sa);
}

std::string
Ikev2InformationalExchange::ProcessRequest(const Ikev2Message& request,
                                           Ikev2Sa& sa,
                                           Ikev2Message& response,
                                           Result& result)
{
    response = Ikev2Message();
    if (!request.encrypted || request.encrypted->sealed)
    {
        return "INFORMATIONAL request without an open SK payload";
    }
    response = Message(sa, true, request.header.messageId);
    sa.nextExpectedId = request.header.messageId + 1;
    std::vector<uint32_t> theirHalves;
    for (const Ikev2DeletePayload* d :
         IkeFindAllPayloads<Ikev2DeletePayload>(Ikev2GetInnerPayloads(request)))
    {
        if (d->protocolId == Ikev2ProtocolId::IKE)
        {
            // §1.4.1: the IKE SA and every CHILD_SA on it go; the answer is empty.
            for (const auto& [spi, child] : sa.children)
            {
                result.deletedChildren.push_back(spi);
            }
            sa.children.clear();
            sa.state = Ikev2State::DELETED;
            result.ikeSaDeleted = true;
            response.encrypted->payloads.clear();
            return "";
        }
        if (d->protocolId == Ikev2ProtocolId::ESP)
        {
            std::vector<uint32_t> ours = RemoveByOutbound(sa, *d);
            result.deletedChildren.insert(result.deletedChildren.end(), ours.begin(), ours.end());
            theirHalves.insert(theirHalves.end(), ours.begin(), ours.end());
        }
    }
    if (!theirHalves.empty())
    {
        response.encrypted->payloads.push_back(DeleteEsp(theirHalves)); // our halves (§1.4.1)
    }
    return "";
}

std::string
Ikev2InformationalExchange::ProcessResponse(const Ikev2Message& response,
                                            Ikev2Sa& sa,
                                            Result& result)
{
    if (!response.encrypted || response.encrypted->sealed)
    {
        return "INFORMATIONAL response without an open SK payload";
    }
    if (response.header.messageId != sa.nextRequestId)
    {
        return "INFORMATIONAL response to message " + std::to_string(response.header.messageId) +
               ", not " + std::to_string(sa.nextRequestId);
    }
    ++sa.nextRequestId;
    if (sa.state == Ikev2State::DELETING)
    {
        for (const auto& [spi, child] : sa.children)
        {
            result.deletedChildren.push_back(spi);
        }
        sa.children.clear();
        sa.state = Ikev2State::DELETED;
        result.ikeSaDeleted = true;
        return "";
    }
    for (const Ikev2DeletePayload* d :
         IkeFindAllPayloads<Ikev2DeletePayload>(Ikev2GetInnerPayloads(response)))
    {
        if (d->protocolId == Ikev2ProtocolId::ESP)
        {
            std::vector<uint32_t> ours = RemoveByOutbound(sa, *d);
            result.deletedChildren.insert(result.deletedChildren.end(), ours.begin(), ours.end());
        }
    }
    return "";
}

} // namespace ns3
