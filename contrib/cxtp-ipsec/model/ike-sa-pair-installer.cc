/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ike-sa-pair-installer.h"

#include "ipsec-pf-key.h"

#include "ns3/simulator.h"

#include <memory>

namespace ns3
{

void
IkeSaPairInstaller::Install(Ptr<IpsecPfKey> pfKey,
                            Time after,
                            const IpsecSecurityAssociation& in,
                            const IpsecSecurityAssociation& out,
                            Callback<void> installed,
                            Callback<void, std::string> failed)
{
    Install(pfKey, after, std::vector<IpsecSecurityAssociation>{in, out}, installed, failed);
}

void
IkeSaPairInstaller::Install(Ptr<IpsecPfKey> pfKey,
                            Time after,
                            const std::vector<IpsecSecurityAssociation>& sas,
                            Callback<void> installed,
                            Callback<void, std::string> failed)
{
    Simulator::Schedule(after, [pfKey, sas, installed, failed]() {
        auto pending = std::make_shared<size_t>(sas.size());
        auto done = [pending, installed, failed](const std::string& error) {
            if (!error.empty())
            {
                failed("SA installation failed: " + error);
                return;
            }
            if (--*pending == 0)
            {
                installed();
            }
        };
        for (const auto& esp : sas)
        {
            std::string error = pfKey->Add(esp, IpsecPfKey::Completion(done));
            if (!error.empty())
            {
                failed("SA installation refused: " + error);
            }
        }
    });
}

} // namespace ns3
