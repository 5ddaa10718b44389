/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MIPV6_TUNNEL_L4_PROTOCOL_H
#define MIPV6_TUNNEL_L4_PROTOCOL_H

#include "ns3/ip-l4-protocol.h"
#include "ns3/ipv6-header.h"

namespace ns3
{

class Node;

/**
 * \ingroup cxtp-ipsec
 * \brief Receiver of IPv6-in-IPv6 packets (IPv6 Next Header 41, RFC 2473) for the Mobile IPv6
 * bidirectional tunnel between mobile node and home agent (RFC 6275 §10.4.1, §11.3.1).
 *
 * One per node, registered with Ipv6L3Protocol::Insert (not aggregated: "Protocol handlers" in
 * doc/mipv6-handover.rst). It hands the inner packet (its IPv6 header included) and the outer
 * header to the callback of the agent on the node, which checks the tunnel end points and
 * re-injects the inner packet through its VirtualNetDevice. Without a callback the packet is
 * dropped.
 */
class Mipv6TunnelL4Protocol : public IpL4Protocol
{
  public:
    static constexpr uint8_t PROT_NUMBER = 41; ///< IPv6-in-IPv6

    /**
     * Callback for a decapsulated packet.
     * \param inner the inner IPv6 packet, header included
     * \param outer the outer IPv6 header
     */
    typedef Callback<void, Ptr<Packet>, const Ipv6Header&> ReceiveCallback;

    /// \return the TypeId
    static TypeId GetTypeId();
    Mipv6TunnelL4Protocol();

    /**
     * \brief Return the node's protocol-41 receiver, creating and registering it if needed.
     * \param node a node with an IPv6 stack
     * \return the receiver
     */
    static Ptr<Mipv6TunnelL4Protocol> GetOrCreate(Ptr<Node> node);

    /// \param cb where decapsulated packets go
    void SetReceiveCallback(ReceiveCallback cb);

    int GetProtocolNumber() const override;
    RxStatus Receive(Ptr<Packet> p,
                     const Ipv4Header& header,
                     Ptr<Ipv4Interface> incomingInterface) override;
    RxStatus Receive(Ptr<Packet> p,
                     const Ipv6Header& header,
                     Ptr<Ipv6Interface> incomingInterface) override;
    void SetDownTarget(IpL4Protocol::DownTargetCallback cb) override;
    void SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb) override;
    IpL4Protocol::DownTargetCallback GetDownTarget() const override;
    IpL4Protocol::DownTargetCallback6 GetDownTarget6() const override;

  protected:
    void DoDispose() override;

  private:
    ReceiveCallback m_receive;                       ///< the agent's handler
    IpL4Protocol::DownTargetCallback6 m_downTarget6; ///< stored only
};

} // namespace ns3

#endif // MIPV6_TUNNEL_L4_PROTOCOL_H
