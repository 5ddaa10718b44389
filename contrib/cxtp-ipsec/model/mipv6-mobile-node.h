/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MIPV6_MOBILE_NODE_H
#define MIPV6_MOBILE_NODE_H

#include "ipsec-retransmission.h"
#include "mipv6-mobility-header.h"

#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/ipv6-interface-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <map>
#include <string>
#include <vector>

namespace ns3
{

class Node;
class Packet;
class Ipv6;
class Ipv6Header;
class Ipv6Interface;
class Ipv6L3Protocol;
class Mipv6L4Protocol;
class VirtualNetDevice;

/**
 * \ingroup cxtp-ipsec
 * \brief Mobile IPv6 mobile node (RFC 6275 §11): home address on a tunnel interface, binding
 * update list, home registration with retransmission, movement detection and Layer-2 handover.
 *
 * Aggregated on the mobile node by Mipv6Helper::InstallMobileNode, which calls Setup().
 *
 * - <b>Home address and reverse tunnel</b> (§11.3.1): the home address lives on a
 *   VirtualNetDevice ("mip6" interface, /128). Routes to correspondent networks
 *   (AddCorrespondentRoute) point into it, so source address selection picks the home address.
 *   Its send callback encapsulates each packet (RFC 2473) from the current care-of address to
 *   the home agent; the interface's own Neighbor Discovery is filtered, and
 *   packets sent while no care-of address is usable are dropped and counted. Packets tunnelled
 *   by the home agent arrive through Mipv6TunnelL4Protocol and are re-injected on the mip6
 *   interface.
 * - <b>Movement detection</b> (§11.5.1): the mobile node watches the addresses of its access
 *   interfaces (Ipv6Interface add-address callback). A new global address on the current
 *   interface, formed by SLAAC from a Router Advertisement of the new access router, is the new
 *   care-of address. It is usable (trace "CareOfAddress") once DAD has ended (DadMode ON), at
 *   once (OFF: ICMPv6 DAD is turned off on the node), or at once while DAD runs (OPTIMISTIC,
 *   RFC 4429; the address stays tentative in ns-3 but is used as a source). ns-3.37 ignores a
 *   prefix it has autoconfigured before on the same interface, even after SetDown removed the
 *   address; when a Router Advertisement arrives on a link visited before (Ipv6L3Protocol "Rx"
 *   trace), the node forms the same SLAAC address again, so that back-and-forth handovers work.
 * - <b>Home registration</b> (§11.7.1): a Binding Update with A and H set, sent from the care-of
 *   address with a Home Address option. Retransmission (§11.8): the first timeout is
 *   InitialBindackTimeoutFirstReg (1.5 s) for the first registration with this home agent and
 *   InitialBindackTimeout (1 s) afterwards, doubled on each retransmission up to
 *   MaxBindackTimeout (32 s); each retransmission carries a new Sequence Number. The binding is
 *   refreshed before the granted lifetime ends.
 * - <b>Binding Acknowledgement</b> (§11.7.3): one that does not match the outstanding Sequence
 *   Number is ignored. Status below 128: registered (trace "BindingAck", instant t_mip).
 *   Status 135: the Sequence Number is resynchronised and the BU sent again (at most three
 *   times per care-of address, then it counts as a rejection). Other status of 128
 *   and above: rejected (trace "BindingRejected"), retransmission stops.
 * - <b>Layer-2 handover</b>: HandoverTo() takes the current interface down and, after
 *   L2HandoverDelay, the new one up. Setup() sets the node's ICMPv6 RsMaxRetransmissionDuration
 *   to 1 ns and SolicitationJitter to 0 and turns the strong end-system model off. Why: the
 *   "ns-3 data path notes" of doc/mipv6-handover.rst.
 */
class Mipv6MobileNode : public Object
{
  public:
    /// How the care-of address may be used with respect to Duplicate Address Detection.
    enum DadMode
    {
        DAD_ON,         ///< wait until DAD has ended (RFC 4862 §5.4)
        DAD_OFF,        ///< no DAD on this node
        DAD_OPTIMISTIC, ///< use the address while DAD runs (RFC 4429)
    };

    /// Registration state towards the home agent.
    enum class State : uint8_t
    {
        NOT_REGISTERED, ///< no BU sent yet
        PENDING,        ///< a BU is outstanding
        REGISTERED,     ///< the last BU was acknowledged with status < 128
        REJECTED,       ///< the last BU was rejected
    };

    /// The binding update list entry for the home agent (RFC 6275 §11.1).
    struct BindingUpdateListEntry
    {
        Ipv6Address homeAgent;              ///< the home agent
        Ipv6Address homeAddress;            ///< the home address
        Ipv6Address careOfAddress;          ///< care-of address of the last BU
        uint16_t sequence{0};               ///< Sequence Number of the last BU
        Time requestedLifetime;             ///< lifetime asked for
        Time grantedLifetime;               ///< lifetime in the last accepting BA
        Time firstSent;                     ///< when the first BU for this care-of address was sent
        Time lastSent;                      ///< when the last BU was sent
        Time timeout;                       ///< current retransmission timeout
        uint32_t retransmissions{0};        ///< retransmissions for this care-of address
        State state{State::NOT_REGISTERED}; ///< registration state
    };

    /**
     * \param mode a DAD mode
     * \return "on", "off" or "optimistic"
     */
    static std::string ToString(DadMode mode);
    /**
     * \param text "on", "off" or "optimistic"
     * \param [out] mode the mode
     * \return false if the text names no mode
     */
    static bool ParseDadMode(const std::string& text, DadMode& mode);
    /**
     * \param state a state
     * \return its name
     */
    static std::string ToString(State state);

    /**
     * TracedCallback signature of "L2Detach" and "L2Attach".
     * \param interface the interface index
     */
    typedef void (*InterfaceTracedCallback)(uint32_t interface);
    /**
     * TracedCallback signature of "CareOfAddressFormed" and "CareOfAddress".
     * \param interface the interface index
     * \param address the care-of address
     */
    typedef void (*AddressTracedCallback)(uint32_t interface, Ipv6Address address);
    /**
     * TracedCallback signature of "BindingUpdateSent".
     * \param sequence the Sequence Number
     * \param careOfAddress the care-of address
     * \param timeout the retransmission timeout armed
     */
    typedef void (*BindingUpdateTracedCallback)(uint16_t sequence,
                                                Ipv6Address careOfAddress,
                                                Time timeout);
    /**
     * TracedCallback signature of "BindingAck" and "BindingRejected".
     * \param sequence the Sequence Number
     * \param status the Status
     * \param lifetime the granted lifetime
     */
    typedef void (*BindingAckTracedCallback)(uint16_t sequence, uint8_t status, Time lifetime);

    /// \return the TypeId
    static TypeId GetTypeId();
    Mipv6MobileNode();
    ~Mipv6MobileNode() override;

    /**
     * \brief Create the mip6 interface with the home address and hook the handlers and the
     * access interfaces that exist now (add them to the node first).
     * \param node the mobile node (IPv6 stack installed)
     * \param homeAddress the home address
     * \param homeAgent the home agent's address
     */
    void Setup(Ptr<Node> node, Ipv6Address homeAddress, Ipv6Address homeAgent);

    /**
     * \brief Route a correspondent network through the home agent (into the mip6 interface).
     * \param network the network
     * \param prefix its prefix length
     */
    void AddCorrespondentRoute(Ipv6Address network, Ipv6Prefix prefix);

    /**
     * \brief Layer-2 handover: at \p at, take the current access interface down; after
     * L2HandoverDelay, bring \p newInterface up. The link-up makes the node solicit routers; the
     * new router's advertisement then yields the new care-of address.
     * \param newInterface the IPv6 interface index of the new access link
     * \param at the simulation time of the detachment
     */
    void HandoverTo(uint32_t newInterface, Time at);

    /**
     * \brief Use \p coa as care-of address on \p interface and register it with the home agent.
     * Called by movement detection when the address is usable; public for tests.
     * \param interface the interface index
     * \param coa the care-of address
     */
    void SetCareOfAddress(uint32_t interface, Ipv6Address coa);

    /**
     * \brief Handle a Binding Acknowledgement (RFC 6275 §11.7.3). Called by Mipv6L4Protocol;
     * public for tests.
     * \param ba the message
     * \param source the IPv6 source
     * \param destination the IPv6 destination
     */
    void ReceiveBindingAck(const Mipv6BindingAckHeader& ba,
                           Ipv6Address source,
                           Ipv6Address destination);

    /// \return the binding update list entry for the home agent
    const BindingUpdateListEntry& GetBindingUpdateListEntry() const;
    /// \return the usable care-of address, or :: while there is none
    Ipv6Address GetCareOfAddress() const;
    /// \return the home address
    Ipv6Address GetHomeAddress() const;
    /// \return the current access interface
    uint32_t GetCurrentInterface() const;
    /// \return the mip6 interface index
    uint32_t GetTunnelInterface() const;
    /// \return packets reverse-tunnelled to the home agent
    uint64_t GetTunnelTxCount() const;
    /// \return packets received through the tunnel
    uint64_t GetTunnelRxCount() const;
    /// \return packets dropped because no care-of address was usable
    uint64_t GetNoCareOfAddressDropCount() const;

  protected:
    void DoDispose() override;

  private:
    /**
     * \param tid the TypeId under construction
     * \return tid with this class's attributes added
     */
    static TypeId AddAttributes(TypeId tid);
    /**
     * \param tid the TypeId under construction
     * \return tid with this class's trace sources added
     */
    static TypeId AddTraceSources(TypeId tid);

    /// A new registration attempt: send a Binding Update and arm the retransmission (§11.8).
    void SendBindingUpdate();
    /// Retransmission timer expiry (§11.8): the same binding, a new Sequence Number.
    void RetransmitBindingUpdate();
    /// Builds and sends a Binding Update for the current care-of address.
    void TransmitBindingUpdate();
    /// Refresh of the registration before its lifetime ends.
    void RefreshBinding();
    /**
     * \param interface the interface the address was added to
     * \param address the address
     */
    void AddressAdded(Ptr<Ipv6Interface> interface, Ipv6InterfaceAddress address);
    /**
     * \brief Ipv6L3Protocol "Rx" sink: spots Router Advertisements on the current interface.
     * \param packet the packet, IPv6 header included
     * \param ipv6 the stack
     * \param interface the receiving interface
     */
    void PacketReceived(Ptr<const Packet> packet, Ptr<Ipv6> ipv6, uint32_t interface);
    /**
     * \brief After a Router Advertisement on a link visited before, form the SLAAC address
     * again if ns-3 did not (it ignores prefixes it has already seen on the interface).
     * \param interface the interface index
     */
    void RestoreSlaacAddress(uint32_t interface);
    /**
     * \param interface the interface index
     * \param address the new address
     * \param waitDad whether to wait DadTimeout first
     */
    void CheckCareOfAddress(uint32_t interface, Ipv6Address address, bool waitDad);
    /// \param newInterface the interface to attach
    void DoDetach(uint32_t newInterface);
    /// \param newInterface the interface to attach
    void DoAttach(uint32_t newInterface);
    /**
     * \brief mip6 device send callback: reverse-tunnel to the home agent.
     * \param packet the inner packet, IPv6 header included
     * \param source unused
     * \param destination unused
     * \param protocol the EtherType
     * \return true
     */
    bool TunnelSend(Ptr<Packet> packet,
                    const Address& source,
                    const Address& destination,
                    uint16_t protocol);
    /**
     * \param inner a packet from the home agent's tunnel, IPv6 header included
     * \param outer its outer header
     */
    void TunnelReceive(Ptr<Packet> inner, const Ipv6Header& outer);

    Ptr<Node> m_node;                                 ///< the node
    Ptr<Ipv6L3Protocol> m_ipv6;                       ///< its IPv6 stack
    Ptr<Mipv6L4Protocol> m_mh;                        ///< Mobility Header protocol
    Ptr<VirtualNetDevice> m_tunnel;                   ///< the mip6 device
    uint32_t m_tunnelIf{0};                           ///< its interface index
    std::vector<uint32_t> m_accessInterfaces;         ///< hooked access interfaces
    uint32_t m_currentIf{0};                          ///< current access interface
    bool m_hasCurrentIf{false};                       ///< m_currentIf is set
    Ipv6Address m_homeAddress;                        ///< the home address
    Ipv6Address m_homeAgent;                          ///< the home agent
    Ipv6Address m_coa;                                ///< usable care-of address or ::
    std::map<uint32_t, Ipv6Address> m_slaacAddresses; ///< SLAAC address formed per interface
    uint32_t m_coaIf{0};                              ///< its interface
    bool m_everRegistered{false};                     ///< a BA with status < 128 was received once
    BindingUpdateListEntry m_bul;                     ///< binding update list (one home agent)
    IpsecRetransmission m_buTimer;                    ///< BU retransmission timer
    EventId m_refreshEvent;                           ///< binding refresh timer
    uint32_t m_resyncs{0}; ///< status-135 resynchronisations for this care-of address
    static constexpr uint32_t MAX_RESYNCS = 3; ///< then a status 135 counts as a rejection

    Time m_initialTimeoutFirstReg; ///< attribute InitialBindackTimeoutFirstReg
    Time m_initialTimeout;         ///< attribute InitialBindackTimeout
    Time m_maxTimeout;             ///< attribute MaxBindackTimeout
    Time m_lifetime;               ///< attribute BindingLifetime
    double m_refreshFraction{0.9}; ///< attribute RefreshFraction
    Time m_l2Delay;                ///< attribute L2HandoverDelay
    DadMode m_dadMode{DAD_ON};     ///< attribute DadMode
    uint16_t m_tunnelMtu{1412};    ///< attribute TunnelMtu

    uint64_t m_tunnelTx{0};   ///< reverse-tunnelled packets
    uint64_t m_tunnelRx{0};   ///< packets from the tunnel
    uint64_t m_noCoaDrops{0}; ///< dropped without a care-of address

    TracedCallback<uint32_t> m_detachTrace;                    ///< "L2Detach" (t_detach)
    TracedCallback<uint32_t> m_attachTrace;                    ///< "L2Attach" (t_attach)
    TracedCallback<uint32_t, Ipv6Address> m_coaFormedTrace;    ///< "CareOfAddressFormed"
    TracedCallback<uint32_t, Ipv6Address> m_coaTrace;          ///< "CareOfAddress" (t_coa)
    TracedCallback<uint16_t, Ipv6Address, Time> m_buSentTrace; ///< "BindingUpdateSent"
    TracedCallback<uint16_t, uint8_t, Time> m_baTrace;         ///< "BindingAck" (t_mip)
    TracedCallback<uint16_t, uint8_t, Time> m_rejectTrace;     ///< "BindingRejected"
};

} // namespace ns3

#endif // MIPV6_MOBILE_NODE_H
