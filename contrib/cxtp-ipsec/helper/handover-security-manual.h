/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef HANDOVER_SECURITY_MANUAL_H
#define HANDOVER_SECURITY_MANUAL_H

#include "handover-security-method.h"

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Security method "manual": an SA pair per access link is keyed by hand before the
 * simulation, at the MN and at every gateway, so the tunnel is usable as soon as the MN has its
 * care-of address (t_sec = t_coa): the lower bound of every real method.
 */
class HandoverSecurityManual : public HandoverSecurityMethod
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    std::string GetName() const override;
    void Attach(uint32_t link, const Ipv6Address& coa) override;

  protected:
    bool UsesManualKeys() const override;
};

} // namespace ns3

#endif // HANDOVER_SECURITY_MANUAL_H
