/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CXTP_CONTEXT_STORE_H
#define CXTP_CONTEXT_STORE_H

#include "cxtp-context.h"
#include "ike-sa-transfer.h"

#include "ns3/ipv6-address.h"

#include <map>
#include <vector>

namespace ns3
{

class Application;

/**
 * \ingroup cxtp-ipsec
 * \brief The previous gateway's side of a context transfer (RFC 4067): the contexts of a mobile
 * node, read from the node's state when they are sent, and deleted once nSG has them. Part of
 * CxtpAgent, which owns it.
 *
 * The store holds no copy of the state. The contexts of an MN, keyed by its previous address
 * (its care-of address at this gateway), are gathered on demand from the node's SPD (PROTECT
 * rules whose tunnel remote is that address), SAD (SAs whose outer peer is that address,
 * through IpsecPfKey::Dump) and PAD (the entry for that address), and encoded as SPD_ENTRY,
 * SAD_ENTRY and PAD_ENTRY Context Data Blocks (RFC 4067 §2.3, CxtpContextCodec) in that order.
 * If the node runs an IKE daemon with an established IKE SA with that address, the daemon's own
 * block follows (IkeSaTransfer::ExportSa); the store never reads it, and remembers which SA
 * went out (Prepare()) so that Delete() makes the daemon forget it (IkeSaTransfer::Forget).
 *
 * Delete() runs after a successful CTDR (RFC 4067 §2.5.4): the SAs and rules go through
 * IpsecPfKey, the IKE SA is forgotten without a DELETE (the MN still uses it with nSG), and
 * the MN's PAD entry is removed.
 */
class CxtpContextStore
{
  public:
    /**
     * \param application the agent whose node's SAD, SPD, PAD and IKE daemon are read
     */
    explicit CxtpContextStore(const Application& application);

    /**
     * \brief The contexts held for an MN, read now.
     * \param mnAddress the MN's previous address
     * \param [out] ikeSa the exported IKE SA, if an IKE block is among the contexts
     * \return SPD_ENTRY blocks, then SAD_ENTRY blocks, then the PAD_ENTRY block, then the IKE
     *         block; none if the node holds no rule and no SA for the MN
     */
    std::vector<CxtpContextBlock> Gather(Ipv6Address mnAddress, IkeSaTransfer::Handle& ikeSa) const;

    /**
     * \brief The contexts to send, remembering which IKE SA goes with them.
     * \param previous the MN's previous address
     * \param requested FPTs asked for (empty = all)
     * \return the blocks
     */
    std::vector<CxtpContextBlock> Prepare(Ipv6Address previous,
                                          const std::vector<CxtpFeatureProfile>& requested);

    /**
     * \brief Deletes the SAs, rules, IKE SA and PAD entry held for an MN.
     * \param previous its previous address
     */
    void Delete(Ipv6Address previous);

    /**
     * \param blocks contexts
     * \param requested FPTs asked for (empty = all)
     * \return the blocks of the requested types, in their order
     */
    static std::vector<CxtpContextBlock> Filter(const std::vector<CxtpContextBlock>& blocks,
                                                const std::vector<CxtpFeatureProfile>& requested);

  private:
    const Application& m_application;                        ///< the agent, for its node
    std::map<Ipv6Address, IkeSaTransfer::Handle> m_exported; ///< the IKE SA sent, per MN
};

} // namespace ns3

#endif // CXTP_CONTEXT_STORE_H
