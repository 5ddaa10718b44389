/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_BYPASS_TAG_H
#define IPSEC_BYPASS_TAG_H

#include "ns3/tag.h"

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Packet tag on a packet that the IPsec data plane already decided to send in clear
 * (an SPD BYPASS rule matched), so that IpsecRoutingProtocol does not steer it back.
 */
class IpsecBypassTag : public Tag
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(TagBuffer i) const override;
    void Deserialize(TagBuffer i) override;
    void Print(std::ostream& os) const override;
};

} // namespace ns3

#endif // IPSEC_BYPASS_TAG_H
