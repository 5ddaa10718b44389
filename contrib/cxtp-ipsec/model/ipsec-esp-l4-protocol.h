/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_ESP_L4_PROTOCOL_H
#define IPSEC_ESP_L4_PROTOCOL_H

#include "ipsec-drop-reason.h"
#include "ipsec-security-association.h"

#include "ns3/ip-l4-protocol.h"
#include "ns3/traced-callback.h"

#include <array>
#include <deque>
#include <map>

namespace ns3
{

class Node;
class Ipv6L3Protocol;
class VirtualNetDevice;
class IpsecSad;
class IpsecSpd;
class IpsecPfKey;
class CryptoRandom;
struct IpsecPolicy;

/**
 * \ingroup cxtp-ipsec
 * \brief The ESP data plane of one node (RFC 4303, RFC 4301 §5): protocol 50 on receive, and an
 * IPsec tunnel interface (a VirtualNetDevice) on send.
 *
 * Outbound: IpsecRoutingProtocol steers every packet that an SPD rule other than BYPASS may
 * cover into the tunnel interface. There the whole IPv6 packet is matched against the SPD:
 * DISCARD drops it, BYPASS sends it in clear, PROTECT looks up the rule's outbound SA and sends
 * it in ESP (tunnel mode: the whole packet, next header 41; transport mode: its payload). A
 * PROTECT rule without SA raises PF_KEY ACQUIRE and drops the packet, or holds it until an SA
 * for the rule is installed (attribute NoSaAction).
 *
 * Inbound: SAD lookup by SPI, anti-replay check, ICV check, decryption, padding check, window
 * update; the inner packet must match the SA's inbound rule. Tunnel mode re-injects the inner
 * packet through the tunnel interface; transport mode hands the payload to its protocol.
 *
 * Every discarded packet fires the Drop trace with a reason and is counted; malformed input is
 * dropped, never fatal.
 */
class IpsecEspL4Protocol : public IpL4Protocol
{
  public:
    /// IANA protocol number of ESP.
    static constexpr uint8_t PROT_NUMBER = 50;

    /// What to do with an outbound packet whose PROTECT rule has no SA yet.
    enum NoSaAction
    {
        DROP, ///< discard it (racoon/KAME default)
        HOLD, ///< queue it until an SA for the rule is installed
    };

    /// \return the TypeId
    static TypeId GetTypeId();
    IpsecEspL4Protocol();
    ~IpsecEspL4Protocol() override;

    /**
     * \brief Creates the IPsec tunnel interface on the node (IPv6 must be installed), with
     * forwarding on so that decapsulated traffic can be forwarded.
     * \return the interface index
     */
    uint32_t CreateTunnelInterface();
    /// \return the tunnel device (null before CreateTunnelInterface)
    Ptr<VirtualNetDevice> GetTunnelDevice() const;
    /// \return the tunnel interface index
    uint32_t GetTunnelInterface() const;

    /**
     * \param reason a reason
     * \return how many packets were dropped for it
     */
    uint64_t GetDropCount(IpsecDropReason reason) const;
    /// \return ESP packets sent
    uint64_t GetTxCount() const;
    /// \return ESP packets received and accepted
    uint64_t GetRxCount() const;

    /**
     * \brief Records a drop decided elsewhere in the data plane (inbound policy check in
     * IpsecRoutingProtocol).
     * \param packet the packet
     * \param reason why
     */
    void NotifyDrop(Ptr<const Packet> packet, IpsecDropReason reason);

    // IpL4Protocol
    int GetProtocolNumber() const override;
    RxStatus Receive(Ptr<Packet> p, const Ipv4Header& header, Ptr<Ipv4Interface> iface) override;
    RxStatus Receive(Ptr<Packet> p, const Ipv6Header& header, Ptr<Ipv6Interface> iface) override;
    void SetDownTarget(DownTargetCallback cb) override;
    void SetDownTarget6(DownTargetCallback6 cb) override;
    DownTargetCallback GetDownTarget() const override;
    DownTargetCallback6 GetDownTarget6() const override;

    /**
     * \brief Signature of the Drop trace.
     * \param packet the packet (ESP on receive, the clear packet on send)
     * \param spi the SA's SPI, 0 if none
     * \param reason why it was dropped
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet,
                                       uint32_t spi,
                                       IpsecDropReason reason);
    /**
     * \brief Signature of the Tx and Rx traces.
     * \param packet the ESP packet (SPI to ICV)
     * \param spi the SPI
     * \param seq the full sequence number
     */
    typedef void (*EspTracedCallback)(Ptr<const Packet> packet, uint32_t spi, uint64_t seq);

  protected:
    void NotifyNewAggregate() override;
    void DoDispose() override;

  private:
    /// Send callback of the tunnel device: one whole IPv6 packet.
    bool TunnelSend(Ptr<Packet> packet, const Address& source, const Address& dest, uint16_t proto);
    /// Applies the outbound SPD to a whole IPv6 packet.
    void ProcessOutbound(Ptr<Packet> packet);
    /// Protects a whole IPv6 packet with an outbound SA and sends it.
    void Protect(IpsecSecurityAssociation& sa, Ptr<Packet> packet);
    /// Sends a whole IPv6 packet in clear, marked so that routing does not steer it back.
    void SendBypass(Ptr<Packet> packet);
    /// Fires the Drop trace and counts.
    void Drop(Ptr<const Packet> packet, uint32_t spi, IpsecDropReason reason);
    /**
     * \brief RFC 4301 §5.2 step 4: the decrypted packet must match the rule its SA was made for.
     * \param sa the inbound SA
     * \param tunnel whether the SA is in tunnel mode
     * \param fixed the outer header with the ESP trailer's next header (transport mode)
     * \param inner the decrypted payload
     * \return NONE, MALFORMED or POLICY_DISCARD
     */
    IpsecDropReason CheckInboundPolicy(const IpsecSecurityAssociation& sa,
                                       bool tunnel,
                                       const Ipv6Header& fixed,
                                       Ptr<Packet> inner);
    /**
     * \brief Hands an accepted decrypted packet to the tunnel device or the upper layer.
     * \param p the ESP packet as received, for the Drop trace
     * \param spi its SPI
     * \param tunnel whether the SA is in tunnel mode
     * \param inner the decrypted payload
     * \param fixed the outer header with the ESP trailer's next header (transport mode)
     * \param iface the receiving interface
     */
    void DeliverInbound(Ptr<Packet> p,
                        uint32_t spi,
                        bool tunnel,
                        Ptr<Packet> inner,
                        const Ipv6Header& fixed,
                        Ptr<Ipv6Interface> iface);
    /// SAD change: releases held packets of a rule that got an SA.
    void SadChanged(const IpsecSecurityAssociation& sa, bool added);

    Ptr<Node> m_node;                                   ///< the node
    Ptr<Ipv6L3Protocol> m_ipv6;                         ///< its IPv6 stack
    Ptr<IpsecSad> m_sad;                                ///< its SAD
    Ptr<IpsecSpd> m_spd;                                ///< its SPD
    Ptr<IpsecPfKey> m_pfKey;                            ///< its key-management interface
    Ptr<CryptoRandom> m_rng;                            ///< IVs
    Ptr<VirtualNetDevice> m_device;                     ///< the tunnel interface's device
    uint32_t m_interface;                               ///< the tunnel interface
    DownTargetCallback6 m_downTarget;                   ///< Ipv6::Send
    NoSaAction m_noSaAction;                            ///< drop or hold without SA
    uint32_t m_holdLimit;                               ///< packets held per rule
    uint32_t m_tunnelMtu;                               ///< MTU of the tunnel interface
    std::map<uint32_t, std::deque<Ptr<Packet>>> m_held; ///< per rule id, waiting for an SA
    std::array<uint64_t, 16> m_drops{};                 ///< per IpsecDropReason
    uint64_t m_tx{0};                                   ///< ESP packets sent
    uint64_t m_rx{0};                                   ///< ESP packets accepted
    TracedCallback<Ptr<const Packet>, uint32_t, IpsecDropReason> m_dropTrace; ///< drops
    TracedCallback<Ptr<const Packet>, uint32_t, uint64_t> m_txTrace;          ///< ESP sent
    TracedCallback<Ptr<const Packet>, uint32_t, uint64_t> m_rxTrace;          ///< ESP accepted
};

} // namespace ns3

#endif // IPSEC_ESP_L4_PROTOCOL_H
