/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MIPV6_L4_PROTOCOL_H
#define MIPV6_L4_PROTOCOL_H

#include "mipv6-mobility-header.h"

#include "ns3/ip-l4-protocol.h"
#include "ns3/ipv6-address.h"
#include "ns3/traced-callback.h"

#include <array>
#include <string>

namespace ns3
{

class Node;

/**
 * \ingroup cxtp-ipsec
 * \brief The Mobility Header protocol, IPv6 Next Header 135 (RFC 6275 §6.1).
 *
 * One per node, aggregated on it; on aggregation it registers itself with
 * Ipv6L3Protocol::Insert and replaces the node's Destination Options processing with
 * Mipv6DestinationExtension, so that a Binding Update carrying a Home Address option (RFC 6275
 * §6.3) is not discarded.
 *
 * Receive (RFC 6275 §9.2): the header is checked (length, Payload Proto 59, checksum over the
 * pseudo-header whose source is the home address when a Home Address option was present, the
 * message layout) and dispatched: Binding Update to the home-agent callback, Binding
 * Acknowledgement and Binding Error to the mobile-node callback. A malformed or unexpected
 * message is dropped, counted by reason and reported by the "Drop" trace; an unknown MH Type is
 * answered by a Binding Error with status 2 (RFC 6275 §9.2).
 *
 * Send: SendBindingUpdate() puts the Home Address option in a Destination Options header in front
 * of the Mobility Header (RFC 6275 §11.7.1); SendBindingAck() and SendBindingError() send the
 * Mobility Header alone. Limitation: the Binding Acknowledgement is sent straight to the care-of
 * address without the type 2 routing header of RFC 6275 §6.4 (ns-3.37 discards unknown routing
 * types).
 */
class Mipv6L4Protocol : public IpL4Protocol
{
  public:
    static constexpr uint8_t PROT_NUMBER = 135; ///< IPv6 Next Header of the Mobility Header

    /// Why a received Mobility Header was dropped.
    enum DropReason : uint8_t
    {
        DROP_TRUNCATED = 0,     ///< shorter than 8 bytes or than Header Len announces (§9.2)
        DROP_BAD_CHECKSUM,      ///< checksum mismatch (§9.2)
        DROP_BAD_PAYLOAD_PROTO, ///< Payload Proto other than 59 (§9.2)
        DROP_MALFORMED,         ///< message layout or options invalid (§9.2)
        DROP_UNKNOWN_TYPE,      ///< MH Type not implemented (answered with a Binding Error)
        DROP_NO_HANDLER,        ///< no agent on this node handles this MH Type
        DROP_REASON_COUNT,      ///< number of reasons (not a reason)
    };

    /**
     * \param reason a drop reason
     * \return its name, snake_case
     */
    static std::string ToString(DropReason reason);

    /**
     * Callback for a received Binding Update.
     * \param bu the message
     * \param homeAddress the home address (from the Home Address option, else the IPv6 source)
     * \param source the IPv6 source (the care-of address)
     * \param destination the IPv6 destination (the home agent address)
     */
    typedef Callback<void, const Mipv6BindingUpdateHeader&, Ipv6Address, Ipv6Address, Ipv6Address>
        BindingUpdateCallback;
    /**
     * Callback for a received Binding Acknowledgement.
     * \param ba the message
     * \param source the IPv6 source (the home agent)
     * \param destination the IPv6 destination (the care-of address)
     */
    typedef Callback<void, const Mipv6BindingAckHeader&, Ipv6Address, Ipv6Address>
        BindingAckCallback;
    /**
     * Callback for a received Binding Error.
     * \param be the message
     * \param source the IPv6 source
     * \param destination the IPv6 destination
     */
    typedef Callback<void, const Mipv6BindingErrorHeader&, Ipv6Address, Ipv6Address>
        BindingErrorCallback;

    /**
     * TracedCallback signature for "Drop".
     * \param packet the Mobility Header as received
     * \param reason why it was dropped
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet, DropReason reason);
    /**
     * TracedCallback signature for "Tx" and "Rx".
     * \param packet the Mobility Header (without IPv6 header or options)
     * \param source the IPv6 source
     * \param destination the IPv6 destination
     */
    typedef void (*MessageTracedCallback)(Ptr<const Packet> packet,
                                          Ipv6Address source,
                                          Ipv6Address destination);

    /// \return the TypeId
    static TypeId GetTypeId();
    Mipv6L4Protocol();
    ~Mipv6L4Protocol() override;

    /**
     * \brief Return the node's Mobility Header protocol, creating and aggregating it if needed.
     * \param node a node with an IPv6 stack
     * \return the protocol
     */
    static Ptr<Mipv6L4Protocol> GetOrCreate(Ptr<Node> node);

    /// \param node the node this protocol runs on
    void SetNode(Ptr<Node> node);

    /// \param cb the home agent's handler of Binding Updates
    void SetBindingUpdateCallback(BindingUpdateCallback cb);
    /// \param cb the mobile node's handler of Binding Acknowledgements
    void SetBindingAckCallback(BindingAckCallback cb);
    /// \param cb the mobile node's handler of Binding Errors
    void SetBindingErrorCallback(BindingErrorCallback cb);

    /**
     * \brief Send a Binding Update from a care-of address (RFC 6275 §11.7.1): the checksum is
     * computed with the home address as pseudo-header source, and a Home Address option follows
     * the IPv6 header.
     * \param bu the message
     * \param homeAddress the home address
     * \param careOfAddress the IPv6 source
     * \param homeAgent the IPv6 destination
     */
    void SendBindingUpdate(Mipv6BindingUpdateHeader bu,
                           Ipv6Address homeAddress,
                           Ipv6Address careOfAddress,
                           Ipv6Address homeAgent);
    /**
     * \brief Send a Binding Acknowledgement (RFC 6275 §10.3.1, without routing header).
     * \param ba the message
     * \param source the IPv6 source (the home agent)
     * \param destination the IPv6 destination (the care-of address)
     */
    void SendBindingAck(Mipv6BindingAckHeader ba, Ipv6Address source, Ipv6Address destination);
    /**
     * \brief Send a Binding Error (RFC 6275 §9.3.3).
     * \param be the message
     * \param source the IPv6 source
     * \param destination the IPv6 destination
     */
    void SendBindingError(Mipv6BindingErrorHeader be, Ipv6Address source, Ipv6Address destination);

    /**
     * \param reason a drop reason
     * \return how many received messages were dropped for it
     */
    uint64_t GetDropCount(DropReason reason) const;
    /// \return Mobility Headers received and handed to an agent
    uint64_t GetRxCount() const;
    /// \return Mobility Headers sent
    uint64_t GetTxCount() const;

    // IpL4Protocol
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
    void NotifyNewAggregate() override;
    void DoDispose() override;

  private:
    /**
     * \param packet the dropped packet
     * \param reason why
     */
    void Drop(Ptr<const Packet> packet, DropReason reason);
    /**
     * \brief Removes a Mobility Header and checks checksum, validity and Payload Proto
     * (RFC 6275 §9.2); drops the packet on the first failure.
     * \param [out] h the header
     * \param received the packet as received, for the Drop trace
     * \param packet the copy from which the header is removed
     * \param length the header length, from PeekType
     * \param pseudoSource the checksum pseudo-header source (the home address if present)
     * \param destination the IPv6 destination
     * \return true if the header is acceptable
     */
    bool RemoveAndCheck(Mipv6MobilityHeader& h,
                        Ptr<Packet> received,
                        Ptr<Packet> packet,
                        uint32_t length,
                        Ipv6Address pseudoSource,
                        Ipv6Address destination);
    /**
     * \brief Counts and traces a received message if a handler is set, else drops it.
     * \param received the packet as received
     * \param hasHandler whether the message type's callback is set
     * \param source the IPv6 source
     * \param destination the IPv6 destination
     * \return true if the message goes to its handler
     */
    bool AcceptForHandler(Ptr<Packet> received,
                          bool hasHandler,
                          Ipv6Address source,
                          Ipv6Address destination);
    /**
     * \brief Drops a message of unknown MH Type and answers a unicast one with a Binding Error
     * (RFC 6275 §9.2: status 2).
     * \param received the packet as received
     * \param header its IPv6 header
     * \param homeAddress the sender's home address (the source if none was given)
     */
    void RejectUnknownType(Ptr<Packet> received, const Ipv6Header& header, Ipv6Address homeAddress);
    /**
     * \param packet a Mobility Header (checksum already written)
     * \param source the IPv6 source
     * \param destination the IPv6 destination
     * \param protocol the next header after the IPv6 header (135 or 60)
     */
    void DoSend(Ptr<Packet> packet, Ipv6Address source, Ipv6Address destination, uint8_t protocol);

    Ptr<Node> m_node;                                                      ///< the node
    IpL4Protocol::DownTargetCallback6 m_downTarget6;                       ///< Ipv6::Send
    BindingUpdateCallback m_buCallback;                                    ///< home agent handler
    BindingAckCallback m_baCallback;                                       ///< mobile node handler
    BindingErrorCallback m_beCallback;                                     ///< mobile node handler
    std::array<uint64_t, DROP_REASON_COUNT> m_drops{};                     ///< drops per reason
    uint64_t m_rx{0};                                                      ///< accepted messages
    uint64_t m_tx{0};                                                      ///< sent messages
    TracedCallback<Ptr<const Packet>, DropReason> m_dropTrace;             ///< "Drop"
    TracedCallback<Ptr<const Packet>, Ipv6Address, Ipv6Address> m_txTrace; ///< "Tx"
    TracedCallback<Ptr<const Packet>, Ipv6Address, Ipv6Address> m_rxTrace; ///< "Rx"
};

} // namespace ns3

#endif // MIPV6_L4_PROTOCOL_H
