/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "handover-key-export.h"

#include "handover-security-method.h"
#include "mipv6-handover-scenario.h"

#include "ns3/ikev1-daemon.h"
#include "ns3/ikev2-daemon.h"
#include "ns3/ipsec-sad.h"
#include "ns3/node-list.h"

namespace ns3
{

void
HandoverKeyExport::Watch(const Mipv6HandoverScenario& scenario)
{
    NodeContainer ipsecNodes;
    for (auto it = NodeList::Begin(); it != NodeList::End(); ++it)
    {
        if ((*it)->GetObject<IpsecSad>())
        {
            ipsecNodes.Add(*it);
        }
    }
    m_esp->Watch(ipsecNodes);
    ApplicationContainer daemons = scenario.GetSecurityMethod()->GetDaemons();
    ApplicationContainer v1;
    ApplicationContainer v2;
    for (auto it = daemons.Begin(); it != daemons.End(); ++it)
    {
        if (DynamicCast<Ikev1Daemon>(*it))
        {
            v1.Add(*it);
        }
        else if (DynamicCast<Ikev2Daemon>(*it))
        {
            v2.Add(*it);
        }
    }
    m_ikev1->Watch(v1);
    m_ikev2->Watch(v2);
}

std::vector<std::string>
HandoverKeyExport::Write(const std::string& dir) const
{
    std::vector<std::string> written;
    if (!m_esp->GetRecorded().empty())
    {
        m_esp->Write(dir + "/esp_sa");
        written.emplace_back("esp_sa");
    }
    if (!m_ikev1->GetKeys().empty())
    {
        m_ikev1->Write(dir + "/ikev1_decryption_table");
        written.emplace_back("ikev1_decryption_table");
    }
    if (!m_ikev2->GetLines().empty())
    {
        m_ikev2->Write(dir + "/ikev2_decryption_table");
        written.emplace_back("ikev2_decryption_table");
    }
    return written;
}

} // namespace ns3
