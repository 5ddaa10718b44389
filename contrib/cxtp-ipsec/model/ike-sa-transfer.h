/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKE_SA_TRANSFER_H
#define IKE_SA_TRANSFER_H

#include "cxtp-context.h"
#include "ike-spi-update.h"

#include "ns3/callback.h"
#include "ns3/ipv6-address.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

class Node;

/**
 * \ingroup cxtp-ipsec
 * \brief How an IKE SA changes hands in a context transfer (RFC 4067), whatever the IKE
 * version: what the CXTP agent asks of the IKE daemon of its node.
 *
 * Each IKE daemon implements it for its own SAs and its own context block (IKEv1: IKEV1_SA,
 * CxtpContextCodec::EncodeIkev1Sa). The CXTP agent never looks into the block: it asks the
 * previous gateway's daemon to export the newest SA with the mobile node, carries the block,
 * and hands it to the new gateway's daemon, with how the transfer renamed the node's rules and
 * inbound SPIs. An SA is named by a Handle, stable while the daemon holds it.
 *
 * ForNode() finds the implementation among the node's applications.
 */
class IkeSaTransfer
{
  public:
    /// Names an IKE SA within one daemon (IKEv1: its initiator cookie).
    using Handle = uint64_t;

    /// What the transfer changed at the new gateway, for the SA's child SAs.
    struct Rewrite
    {
        std::map<uint32_t, uint32_t> policyIds;   ///< SPD rule id at pSG -> id at nSG
        std::map<uint32_t, uint32_t> inboundSpis; ///< inbound SPI at pSG -> SPI at nSG
    };

    virtual ~IkeSaTransfer();

    /**
     * \param node a node
     * \return the first application of the node that implements the interface, or nullptr
     */
    static IkeSaTransfer* ForNode(Ptr<Node> node);

    /// \return the feature profile of the context block this implementation reads and writes
    virtual CxtpFeatureProfile GetContextProfile() const = 0;

    /**
     * \brief Previous gateway: the newest established IKE SA with a peer, as a context block.
     * \param peer the peer (a mobile node's care-of address at this gateway)
     * \param [out] block the block, assigned only if an SA is found
     * \param [out] handle the SA exported (for Forget())
     * \return false if there is no established IKE SA with that peer
     */
    virtual bool ExportSa(const Ipv6Address& peer,
                          CxtpContextBlock& block,
                          Handle& handle) const = 0;

    /**
     * \brief New gateway: takes over an IKE SA from a context block. If its identifier is in
     * use here, the SA gets a fresh one and an IKE entry is appended to \p updates, for
     * SendSpiUpdates() to announce.
     * \param block a block of GetContextProfile()
     * \param local this node's address towards the peer
     * \param peer the peer's address now
     * \param rewrite the new rule ids and inbound SPIs of the SA's child SAs
     * \param [out] handle the imported SA
     * \param [in,out] updates SPI changes to announce to the peer
     * \return empty on success, otherwise why the SA was refused
     */
    virtual std::string ImportSa(const CxtpContextBlock& block,
                                 const Ipv6Address& local,
                                 const Ipv6Address& peer,
                                 const Rewrite& rewrite,
                                 Handle& handle,
                                 std::vector<IkeSpiUpdate>& updates) = 0;

    /**
     * \brief Mobile node: its IKE SAs with one gateway now run with another (the tunnel moved).
     * Nothing is sent.
     * \param oldPeer the previous gateway
     * \param newPeer the new gateway
     * \param newLocal our address towards the new gateway (the new care-of address)
     * \param policyIds old SPD rule id -> the id of the rule that replaced it
     * \return the number of IKE SAs moved
     */
    virtual uint32_t MovePeer(const Ipv6Address& oldPeer,
                              const Ipv6Address& newPeer,
                              const Ipv6Address& newLocal,
                              const std::map<uint32_t, uint32_t>& policyIds) = 0;

    /**
     * \brief Forgets every IKE SA with a peer and its child SAs without telling the peer: state
     * lost on one side (a mobile node whose transfer to that gateway never completed).
     * \param peer the peer
     */
    virtual void Purge(const Ipv6Address& peer) = 0;

    /**
     * \brief Previous gateway: forgets an SA silently (its copy moved to the new gateway).
     * \param handle the SA
     * \return true if the SA existed
     */
    virtual bool Forget(Handle handle) = 0;

    /**
     * \param handle an SA
     * \return true if the daemon still holds it
     */
    virtual bool HasSa(Handle handle) const = 0;

    /**
     * \brief New gateway: announces changed SPIs to the peer under the SA's protection and
     * retransmits until the peer acknowledges (doc/cxtp-ipsec.rst, "SPI collisions and
     * UPDATE_SPI").
     * \param handle the SA (as ImportSa() returned it)
     * \param updates the entries
     * \param done called once: true when acknowledged, false when given up
     */
    virtual void SendSpiUpdates(Handle handle,
                                const std::vector<IkeSpiUpdate>& updates,
                                Callback<void, bool> done) = 0;
};

} // namespace ns3

#endif // IKE_SA_TRANSFER_H
