/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKE_SA_PAIR_INSTALLER_H
#define IKE_SA_PAIR_INSTALLER_H

#include "ipsec-security-association.h"

#include "ns3/callback.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"

#include <string>
#include <vector>

namespace ns3
{

class IpsecPfKey;

/**
 * \ingroup cxtp-ipsec
 * \brief Installs the two ESP SAs an IKE exchange negotiated (an IKEv1 quick mode, an IKEv2
 * CHILD_SA) through PF_KEY (RFC 2367 SADB_ADD), the way every IKE daemon of the module does.
 *
 * The SAs go to PF_KEY once the work the daemon booked so far is done (\p after, from its work
 * clock); PF_KEY charges its own installation work on the same clock. The installed callback
 * runs once, when both SAs are in; every refusal or failure reports its reason.
 */
class IkeSaPairInstaller
{
  public:
    /**
     * \param pfKey the node's PF_KEY
     * \param after when to hand the SAs to PF_KEY, from now
     * \param in the inbound SA
     * \param out the outbound SA
     * \param installed called when both SAs are installed
     * \param failed called with "SA installation refused: ..." or "SA installation failed: ..."
     */
    static void Install(Ptr<IpsecPfKey> pfKey,
                        Time after,
                        const IpsecSecurityAssociation& in,
                        const IpsecSecurityAssociation& out,
                        Callback<void> installed,
                        Callback<void, std::string> failed);
    /**
     * \brief Installs some of a pair's SAs (an IKEv2 rekey responder's inbound SA first, its
     * outbound one later), as Install() does for both.
     * \param pfKey the node's PF_KEY
     * \param after when to hand the SAs to PF_KEY, from now
     * \param sas the SAs
     * \param installed called when every SA is installed
     * \param failed called with the reason of a refusal or failure
     */
    static void Install(Ptr<IpsecPfKey> pfKey,
                        Time after,
                        const std::vector<IpsecSecurityAssociation>& sas,
                        Callback<void> installed,
                        Callback<void, std::string> failed);
};

} // namespace ns3

#endif // IKE_SA_PAIR_INSTALLER_H
