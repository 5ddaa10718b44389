/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MIPV6_HOME_AGENT_H
#define MIPV6_HOME_AGENT_H

#include "mipv6-mobility-header.h"

#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <map>
#include <string>

namespace ns3
{

class Node;
class Packet;
class Ipv6Header;
class Ipv6L3Protocol;
class Mipv6L4Protocol;
class VirtualNetDevice;

/**
 * \ingroup cxtp-ipsec
 * \brief Mobile IPv6 home agent (RFC 6275 §10): binding cache, Binding Update processing and
 * the bidirectional IPv6-in-IPv6 tunnel to the care-of addresses.
 *
 * Aggregated on the home agent's node by Mipv6Helper::InstallHomeAgent, which calls Setup().
 *
 * - <b>Binding cache</b> (§9.1, §10.3.1): one entry per home address with the care-of address,
 *   the last accepted Sequence Number, the granted lifetime and an expiry event.
 * - <b>Binding Update processing</b> (§9.5.1, §10.3.1): H flag required (else status 131), home
 *   address on the home prefix (else 132), Sequence Number greater than the cached one modulo
 *   2^16 (else 135, with the cached number in the acknowledgement), lifetime capped by
 *   MaxBindingLifetime; lifetime 0 or care-of address = home address deregisters (§10.3.2). A
 *   Binding Acknowledgement is sent when the A flag is set and for every rejection.
 * - <b>Interception and tunnelling</b> (§10.4.1): instead of proxy Neighbor Discovery on the
 *   home link, a host route HoA/128 points into a VirtualNetDevice while a binding exists; its
 *   send callback encapsulates the packet (RFC 2473) from the home agent address to the current
 *   care-of address. Reverse-tunnelled packets (§10.4.5) arrive through Mipv6TunnelL4Protocol;
 *   the outer source must be the care-of address bound to the inner source, and the inner packet
 *   is re-injected on the tunnel interface (forwarding on) and routed on.
 * - Not modelled: DAD for the home address on the home link (§10.3.1), home agent lists, prefix
 *   discovery, IPsec protection of BU/BA (RFC 3776/4877); the BA carries no type 2 routing
 *   header.
 */
class Mipv6HomeAgent : public Object
{
  public:
    /// An entry of the binding cache (RFC 6275 §9.1).
    struct BindingCacheEntry
    {
        Ipv6Address homeAddress;      ///< the mobile node's home address
        Ipv6Address careOfAddress;    ///< its current care-of address
        Ipv6Address homeAgentAddress; ///< the address the BU was sent to (tunnel source)
        uint16_t sequence{0};         ///< last accepted Sequence Number
        Time lifetime;                ///< granted lifetime
        Time registeredAt;            ///< when the last BU was accepted
        EventId expiry;               ///< removes the entry when the lifetime ends
    };

    /// What happened to a binding cache entry.
    enum class BindingChange : uint8_t
    {
        CREATED,   ///< first registration
        UPDATED,   ///< new care-of address
        REFRESHED, ///< same care-of address, new lifetime
        DELETED,   ///< deregistration (lifetime 0 or CoA = HoA)
        EXPIRED,   ///< lifetime ran out
    };

    /**
     * \param change a change
     * \return its name
     */
    static std::string ToString(BindingChange change);

    /**
     * TracedCallback signature of "BindingUpdate".
     * \param homeAddress the home address of the BU
     * \param careOfAddress the care-of address (IPv6 source)
     * \param sequence the BU's Sequence Number
     * \param status the Status sent back (RFC 6275 §6.1.8)
     */
    typedef void (*BindingUpdateTracedCallback)(Ipv6Address homeAddress,
                                                Ipv6Address careOfAddress,
                                                uint16_t sequence,
                                                uint8_t status);
    /**
     * TracedCallback signature of "BindingCache".
     * \param homeAddress the entry's home address
     * \param careOfAddress its care-of address (the old one for DELETED and EXPIRED)
     * \param change what happened
     */
    typedef void (*BindingCacheTracedCallback)(Ipv6Address homeAddress,
                                               Ipv6Address careOfAddress,
                                               BindingChange change);

    /// \return the TypeId
    static TypeId GetTypeId();
    Mipv6HomeAgent();
    ~Mipv6HomeAgent() override;

    /**
     * \brief Create the tunnel interface, register the Mobility Header and protocol-41 handlers.
     * \param node the home agent's node (IPv6 stack installed)
     * \param homeNetwork the home network prefix
     * \param homePrefix its length
     */
    void Setup(Ptr<Node> node, Ipv6Address homeNetwork, Ipv6Prefix homePrefix);

    /**
     * \brief Process a Binding Update (RFC 6275 §10.3.1) and answer with a Binding
     * Acknowledgement when required. Called by Mipv6L4Protocol; public for unit tests.
     * \param bu the Binding Update
     * \param homeAddress the home address (Home Address option)
     * \param careOfAddress the IPv6 source
     * \param homeAgentAddress the IPv6 destination
     * \return the Status of the acknowledgement (also when none is sent)
     */
    uint8_t ProcessBindingUpdate(const Mipv6BindingUpdateHeader& bu,
                                 Ipv6Address homeAddress,
                                 Ipv6Address careOfAddress,
                                 Ipv6Address homeAgentAddress);

    /**
     * \param homeAddress a home address
     * \return the binding cache entry, or nullptr if there is none
     */
    const BindingCacheEntry* LookupBinding(Ipv6Address homeAddress) const;
    /// \return the number of binding cache entries
    uint32_t GetBindingCount() const;
    /// \return the interface index of the tunnel device
    uint32_t GetTunnelInterface() const;
    /// \return packets encapsulated towards care-of addresses
    uint64_t GetTunnelTxCount() const;
    /// \return reverse-tunnelled packets accepted
    uint64_t GetTunnelRxCount() const;
    /// \return tunnel packets dropped (no binding, wrong outer source)
    uint64_t GetTunnelDropCount() const;

  protected:
    void DoDispose() override;

  private:
    /// \return the node's global address in the home network (not on the tunnel), or ::
    Ipv6Address FindHomeLinkAddress() const;
    /**
     * \brief Tunnel device send callback: encapsulate towards the bound care-of address.
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
     * \param inner a reverse-tunnelled packet, IPv6 header included
     * \param outer its outer header
     */
    void TunnelReceive(Ptr<Packet> inner, const Ipv6Header& outer);
    /**
     * \brief Checks a Binding Update against this home agent (RFC 6275 §10.3.1, §9.5.1).
     * \param bu the Binding Update
     * \param homeAddress the home address
     * \param [out] ackSequence the Sequence Number to acknowledge: the cached one when out of
     * window, else the BU's
     * \return ACCEPTED or the rejection Status
     */
    uint8_t CheckBindingUpdate(const Mipv6BindingUpdateHeader& bu,
                               Ipv6Address homeAddress,
                               uint16_t& ackSequence) const;
    /**
     * \brief Deregistration (RFC 6275 §10.3.2): removes the binding of homeAddress, if any.
     * \param homeAddress the home address
     * \param careOfAddress the IPv6 source of the Binding Update
     */
    void Deregister(Ipv6Address homeAddress, Ipv6Address careOfAddress);
    /**
     * \brief Creates, updates or refreshes the binding of homeAddress and (re)arms its expiry.
     * \param bu the accepted Binding Update
     * \param homeAddress the home address
     * \param careOfAddress the IPv6 source
     * \param homeAgentAddress the IPv6 destination
     * \return the granted lifetime
     */
    Time UpdateBinding(const Mipv6BindingUpdateHeader& bu,
                       Ipv6Address homeAddress,
                       Ipv6Address careOfAddress,
                       Ipv6Address homeAgentAddress);
    /**
     * \param homeAddress the entry to remove
     * \param change DELETED or EXPIRED
     */
    void RemoveBinding(Ipv6Address homeAddress, BindingChange change);
    /**
     * \param status the Status
     * \param sequence the Sequence Number
     * \param lifetime the granted lifetime
     * \param source the IPv6 source
     * \param destination the IPv6 destination (care-of address)
     */
    void SendAck(uint8_t status,
                 uint16_t sequence,
                 Time lifetime,
                 Ipv6Address source,
                 Ipv6Address destination);

    Ptr<Node> m_node;                                 ///< the node
    Ptr<Ipv6L3Protocol> m_ipv6;                       ///< its IPv6 stack
    Ptr<Mipv6L4Protocol> m_mh;                        ///< Mobility Header protocol
    Ptr<VirtualNetDevice> m_tunnel;                   ///< the tunnel device
    uint32_t m_tunnelIf{0};                           ///< its interface index
    Ipv6Address m_homeNetwork;                        ///< home prefix
    Ipv6Prefix m_homePrefix;                          ///< home prefix length
    Time m_maxLifetime;                               ///< attribute MaxBindingLifetime
    uint16_t m_tunnelMtu{1460};                       ///< attribute TunnelMtu
    std::map<Ipv6Address, BindingCacheEntry> m_cache; ///< binding cache
    uint64_t m_tunnelTx{0};                           ///< encapsulated
    uint64_t m_tunnelRx{0};                           ///< decapsulated
    uint64_t m_tunnelDrop{0};                         ///< dropped
    TracedCallback<Ipv6Address, Ipv6Address, uint16_t, uint8_t> m_buTrace; ///< "BindingUpdate"
    TracedCallback<Ipv6Address, Ipv6Address, BindingChange> m_cacheTrace;  ///< "BindingCache"
};

} // namespace ns3

#endif // MIPV6_HOME_AGENT_H
