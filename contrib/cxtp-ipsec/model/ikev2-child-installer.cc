/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-child-installer.h"

#include "ike-sa-pair-installer.h"
#include "ikev2-child-sa-mapping.h"
#include "ipsec-pf-key.h"
#include "ipsec-work-clock.h"

namespace ns3
{

void
Ikev2ChildInstaller::SetUp(Ptr<IpsecPfKey> pfKey,
                           Ptr<IpsecWorkClock> clock,
                           InstalledCallback installed,
                           FailureCallback failure)
{
    m_pfKey = pfKey;
    m_clock = clock;
    m_installed = installed;
    m_failure = failure;
}

void
Ikev2ChildInstaller::Dispose()
{
    m_heldOutbound.clear();
    m_pfKey = nullptr;
    m_clock = nullptr;
    m_installed = InstalledCallback();
    m_failure = FailureCallback();
}

void
Ikev2ChildInstaller::Install(Ikev2Sa& sa,
                             Ikev2ChildSa& child,
                             const Ikev2ChildKeys& keys,
                             bool exchangeInitiator,
                             bool outbound,
                             Time work,
                             std::function<void()> installed)
{
    IpsecSecurityAssociation in;
    IpsecSecurityAssociation out;
    std::string error =
        Ikev2ChildSaMapping::MakeSaPair(sa, child, keys, exchangeInitiator, in, out);
    if (!error.empty())
    {
        m_failure(sa.peer, error);
        return;
    }
    sa.children[child.inboundSpi] = child;
    std::vector<IpsecSecurityAssociation> sas{in};
    if (outbound)
    {
        sas.push_back(out);
    }
    else
    {
        m_heldOutbound[in.spi] = out;
    }
    Ipv6Address peer = sa.peer;
    InstalledCallback traceInstalled = m_installed;
    FailureCallback traceFailure = m_failure;
    IkeSaPairInstaller::Install(m_pfKey,
                                m_clock->Reserve(work),
                                sas,
                                Callback<void>([=]() {
                                    if (outbound)
                                    {
                                        traceInstalled(peer, in.spi, out.spi);
                                    }
                                    if (installed)
                                    {
                                        installed();
                                    }
                                }),
                                Callback<void, std::string>([traceFailure, peer](std::string e) {
                                    traceFailure(peer, e);
                                }));
}

void
Ikev2ChildInstaller::InstallOutbound(const Ikev2Sa& sa, uint32_t inboundSpi, Time work)
{
    auto it = m_heldOutbound.find(inboundSpi);
    if (it == m_heldOutbound.end() || !sa.children.count(inboundSpi))
    {
        return;
    }
    IpsecSecurityAssociation out = it->second;
    m_heldOutbound.erase(it);
    Ipv6Address peer = sa.peer;
    InstalledCallback traceInstalled = m_installed;
    FailureCallback traceFailure = m_failure;
    IkeSaPairInstaller::Install(m_pfKey,
                                m_clock->Reserve(work),
                                {out},
                                Callback<void>([traceInstalled, peer, inboundSpi, out]() {
                                    traceInstalled(peer, inboundSpi, out.spi);
                                }),
                                Callback<void, std::string>([traceFailure, peer](std::string e) {
                                    traceFailure(peer, e);
                                }));
}

void
Ikev2ChildInstaller::Uninstall(const Ikev2Sa& sa, const std::vector<Ikev2ChildSa>& children)
{
    for (const Ikev2ChildSa& child : children)
    {
        m_pfKey->Delete(IpsecDirection::INBOUND, child.inboundSpi, Ipv6Address::GetAny());
        if (m_heldOutbound.erase(child.inboundSpi) == 0)
        {
            m_pfKey->Delete(IpsecDirection::OUTBOUND, child.outboundSpi, sa.peer);
        }
    }
}

} // namespace ns3
