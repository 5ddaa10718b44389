/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef HANDOVER_SECURITY_NONE_H
#define HANDOVER_SECURITY_NONE_H

#include "handover-security-method.h"

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Security method "none": no IPsec at all; t_sec = t_coa.
 */
class HandoverSecurityNone : public HandoverSecurityMethod
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    std::string GetName() const override;
    bool UsesIpsec() const override;
    void Attach(uint32_t link, const Ipv6Address& coa) override;
};

} // namespace ns3

#endif // HANDOVER_SECURITY_NONE_H
