/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CXTP_TUNNEL_REWRITER_H
#define CXTP_TUNNEL_REWRITER_H

#include "ns3/callback.h"
#include "ns3/ipv6-address.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

class Application;
class IpsecSpd;
struct IpsecPolicy;

/**
 * \ingroup cxtp-ipsec
 * \brief The tunnel endpoints of a context transfer (RFC 4067) on one node: the local address
 * towards a peer, rule ids, rules the node already has, and the mobile node's own tunnel move. Part
 * of CxtpAgent, which owns it; CxtpContextInstaller uses it at nSG for the transferred rules.
 *
 * <b>Rule ids.</b> A rewritten rule gets an id that is free in the node's SPD and was never
 * handed out before (NextPolicyId()). If the node already has an equivalent rule
 * (FindEquivalentRule(): same direction, action, mode, tunnel endpoints and selector), the
 * transferred SAs serve that rule instead of a duplicate.
 *
 * <b>The MN's tunnel move</b> (MoveTunnel(), RFC 4067 §2.1.1 scenario 2, before any CTAA): the
 * PROTECT rules towards the old gateway are replaced (add, then delete) with tunnel endpoints
 * (new CoA, new gateway) and a selector local /128 equal to the previous address rewritten to
 * the new CoA; the SAs whose outer peer is the old gateway get the new outer addresses through
 * IpsecPfKey (Update for inbound SAs, Delete + Add for outbound ones, whose destination is part
 * of their key), keeping their current lifetime; then the node's IKE SAs move with the tunnel
 * (IkeSaTransfer::MovePeer).
 */
class CxtpTunnelRewriter
{
  public:
    /// Reports a step that failed: the MN's previous address and why.
    using FailureCallback = Callback<void, Ipv6Address, std::string>;

    /**
     * \param application the agent whose node's SPD, PF_KEY and IKE daemon are used
     */
    explicit CxtpTunnelRewriter(const Application& application);

    /// \param failure called for each rule or SA the MN could not move
    void SetFailureCallback(FailureCallback failure);

    /**
     * \param prefixAddress the address of an address/prefix pair
     * \param prefix its prefix
     * \param address an address
     * \return true if the pair designates exactly \p address (a /128 equal to it)
     */
    static bool IsHost(const Ipv6Address& prefixAddress,
                       const Ipv6Prefix& prefix,
                       const Ipv6Address& address);

    /**
     * \param spd an SPD
     * \param remote a tunnel peer
     * \return the PROTECT rules of \p spd whose tunnel remote is \p remote, in SPD order
     */
    static std::vector<IpsecPolicy> TunnelRules(Ptr<IpsecSpd> spd, const Ipv6Address& remote);

    /**
     * \param peer a peer
     * \return our global address on the peer's prefix (the MN's CoA at a gateway, a gateway's
     *         address on the MN's link), else the source of the route to the peer, else ::
     */
    Ipv6Address LocalAddressFor(Ipv6Address peer) const;

    /// \return an SPD id free now and not handed out before
    uint32_t NextPolicyId();

    /**
     * \param rule a PROTECT rule
     * \return the id of a rule of this node with the same direction, action, mode, tunnel
     *         endpoints and selector, or 0
     */
    uint32_t FindEquivalentRule(const IpsecPolicy& rule) const;

    /**
     * \brief MN: moves its tunnel from one gateway to another (see the class description), if
     * its address towards the new one (LocalAddressFor()) is a new CoA and the node has PF_KEY.
     * \param previous the previous address
     * \param from the old tunnel peer (pSG)
     * \param to the new tunnel peer (nSG)
     * \return the number of SAs moved
     */
    uint32_t MoveTunnel(Ipv6Address previous, Ipv6Address from, Ipv6Address to);

  private:
    /**
     * \brief MN: adds the moved copies of the rules towards the old gateway.
     * \param olds the rules towards the old gateway
     * \param previous the previous address
     * \param newCoa the new CoA
     * \param to the new tunnel peer
     * \return old rule id -> the id of the rule that replaces it
     */
    std::map<uint32_t, uint32_t> MovePolicies(const std::vector<IpsecPolicy>& olds,
                                              Ipv6Address previous,
                                              Ipv6Address newCoa,
                                              Ipv6Address to);
    /**
     * \brief MN: gives the SAs with the old gateway their new outer addresses and rules.
     * \param ids old rule id -> new rule id
     * \param previous the previous address
     * \param newCoa the new CoA
     * \param from the old tunnel peer
     * \param to the new tunnel peer
     * \return the number of SAs moved
     */
    uint32_t MoveSas(const std::map<uint32_t, uint32_t>& ids,
                     Ipv6Address previous,
                     Ipv6Address newCoa,
                     Ipv6Address from,
                     Ipv6Address to);

    const Application& m_application; ///< the agent, for its node
    FailureCallback m_failure;        ///< failed rule or SA moves
    uint32_t m_lastPolicyId{0};       ///< last SPD id handed out
};

} // namespace ns3

#endif // CXTP_TUNNEL_REWRITER_H
