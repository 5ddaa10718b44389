/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef HANDOVER_KEY_EXPORT_H
#define HANDOVER_KEY_EXPORT_H

#include "ikev1-key-export.h"
#include "ikev2-key-export.h"
#include "ipsec-key-export.h"

#include "ns3/ptr.h"

#include <string>
#include <vector>

namespace ns3
{

class Mipv6HandoverScenario;

/**
 * \ingroup cxtp-ipsec
 * \brief The keys that decrypt the captures of a Mobile IPv6 handover run in Wireshark: every
 * ESP SA of every node with IPsec (manual, negotiated, or installed by context transfer;
 * IpsecKeyExport, esp_sa) and the keys of every IKE SA the security method's daemons establish
 * (Ikev1KeyExport, ikev1_decryption_table; Ikev2KeyExport, ikev2_decryption_table).
 *
 * Usage: Watch() after the scenario is built and before it runs, Write() after the run.
 */
class HandoverKeyExport
{
  public:
    /// \param scenario the scenario, its security method installed
    void Watch(const Mipv6HandoverScenario& scenario);
    /**
     * \brief Writes each file that has keys: esp_sa, ikev1_decryption_table,
     * ikev2_decryption_table.
     * \param dir the output directory
     * \return the names of the files written
     */
    std::vector<std::string> Write(const std::string& dir) const;

  private:
    Ptr<IpsecKeyExport> m_esp{Create<IpsecKeyExport>()};   ///< esp_sa
    Ptr<Ikev1KeyExport> m_ikev1{Create<Ikev1KeyExport>()}; ///< ikev1_decryption_table
    Ptr<Ikev2KeyExport> m_ikev2{Create<Ikev2KeyExport>()}; ///< ikev2_decryption_table
};

} // namespace ns3

#endif /* HANDOVER_KEY_EXPORT_H */
