/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_ROUTING_PROTOCOL_H
#define IPSEC_ROUTING_PROTOCOL_H

#include "ns3/ipv6-routing-protocol.h"

namespace ns3
{

class IpsecSpd;
class IpsecEspL4Protocol;

/**
 * \ingroup cxtp-ipsec
 * \brief Enforces the SPD on routing decisions, since ns-3 has no outbound packet filter.
 *
 * Installed at the highest priority of the node's Ipv6ListRouting (IpsecHelper does it):
 * - RouteOutput (locally built packets, whose ports are not known yet): when an SPD rule other
 *   than BYPASS may cover the packet, routes it into the IPsec tunnel interface, where
 *   IpsecEspL4Protocol decides on the whole packet; otherwise defers to the other protocols.
 *   ESP packets and packets tagged IpsecBypassTag are never steered.
 * - RouteInput (forwarded packets): a packet that arrived in clear although an inbound rule says
 *   PROTECT or DISCARD is dropped (RFC 4301 §5.2); a packet that an outbound rule other than
 *   BYPASS covers is forwarded into the tunnel interface.
 * Packets addressed to the node itself are delivered by Ipv6L3Protocol before routing; their
 * inbound check happens only for ESP-protected traffic (in IpsecEspL4Protocol).
 */
class IpsecRoutingProtocol : public Ipv6RoutingProtocol
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    IpsecRoutingProtocol();
    ~IpsecRoutingProtocol() override;

    Ptr<Ipv6Route> RouteOutput(Ptr<Packet> p,
                               const Ipv6Header& header,
                               Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr) override;
    bool RouteInput(Ptr<const Packet> p,
                    const Ipv6Header& header,
                    Ptr<const NetDevice> idev,
                    UnicastForwardCallback ucb,
                    MulticastForwardCallback mcb,
                    LocalDeliverCallback lcb,
                    ErrorCallback ecb) override;
    void NotifyInterfaceUp(uint32_t interface) override;
    void NotifyInterfaceDown(uint32_t interface) override;
    void NotifyAddAddress(uint32_t interface, Ipv6InterfaceAddress address) override;
    void NotifyRemoveAddress(uint32_t interface, Ipv6InterfaceAddress address) override;
    void NotifyAddRoute(Ipv6Address dst,
                        Ipv6Prefix mask,
                        Ipv6Address nextHop,
                        uint32_t interface,
                        Ipv6Address prefixToUse = Ipv6Address::GetZero()) override;
    void NotifyRemoveRoute(Ipv6Address dst,
                           Ipv6Prefix mask,
                           Ipv6Address nextHop,
                           uint32_t interface,
                           Ipv6Address prefixToUse = Ipv6Address::GetZero()) override;
    void SetIpv6(Ptr<Ipv6> ipv6) override;
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                           Time::Unit unit = Time::S) const override;

  protected:
    void DoDispose() override;

  private:
    /// Finds the SPD and ESP protocol of the node, once.
    bool Bind();
    /// \return a route into the tunnel interface with the given source
    Ptr<Ipv6Route> TunnelRoute(const Ipv6Address& source, const Ipv6Address& destination) const;
    /**
     * \brief The route the other routing protocols of the node would give (to learn the
     * source address and whether the destination is reachable in clear).
     */
    Ptr<Ipv6Route> LowerRouteOutput(Ptr<Packet> p,
                                    const Ipv6Header& header,
                                    Ptr<NetDevice> oif,
                                    Socket::SocketErrno& sockerr);

    Ptr<Ipv6> m_ipv6;              ///< the node's IPv6
    Ptr<IpsecSpd> m_spd;           ///< the node's SPD
    Ptr<IpsecEspL4Protocol> m_esp; ///< the node's ESP data plane
};

} // namespace ns3

#endif // IPSEC_ROUTING_PROTOCOL_H
