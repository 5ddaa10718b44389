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
    Simulator::Schedule(after, [pfKey, in, out, installed, failed]() {
        auto pending = std::make_shared<int>(2);
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
        for (const auto& esp : {in, out})
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
