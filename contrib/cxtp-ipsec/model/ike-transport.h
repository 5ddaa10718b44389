/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKE_TRANSPORT_H
#define IKE_TRANSPORT_H

#include "ipsec-policy.h"
#include "ipsec-traffic-selector.h"

#include "ns3/callback.h"
#include "ns3/ipv6-address.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

class Node;
class Socket;

/**
 * \ingroup cxtp-ipsec
 * \brief The IKE endpoint of one node: UDP 500 and 4500 (RFC 7296 §2, §2.23; RFC 2408 §2.5.1),
 * shared by the node's IKE daemons, one per major version (1 for ISAKMP/IKEv1, 2 for IKEv2).
 *
 * A received message goes to the daemon of the major version in its header (octet 17, the same
 * place in ISAKMP and IKEv2 headers); a message too short for a header, or of a version no
 * daemon registered, is dropped and traced ("Drop"), never answered (RFC 2408 §5.1, RFC 7296
 * §2.21). On port 4500 the four-octet non-ESP marker (RFC 3948 §2.2) is removed first;
 * UDP-encapsulated ESP is not handled here and is dropped.
 *
 * PF_KEY's ACQUIRE also arrives here once and goes to the daemon whose version the PAD entry of
 * the rule's tunnel peer names (IpsecPadEntry::ikeVersion), IKEv1 when no entry says otherwise.
 *
 * Get() finds the node's transport, aggregating one on first use.
 */
class IkeTransport : public Object
{
  public:
    /// IKE's UDP port (RFC 2408 §2.5.1, RFC 7296 §2).
    static constexpr uint16_t PORT = 500;
    /// The UDP port of IKE with NAT traversal (RFC 3947, RFC 7296 §2.23).
    static constexpr uint16_t NAT_T_PORT = 4500;
    /// The octet of the header that holds the major version (high nibble).
    static constexpr uint32_t VERSION_OFFSET = 17;
    /// The size of the ISAKMP / IKEv2 fixed header.
    static constexpr uint32_t HEADER_SIZE = 28;

    /// A daemon's receive function: the message, its source and the address it was sent to.
    using ReceiveCallback =
        Callback<void, const std::vector<uint8_t>&, const Ipv6Address&, const Ipv6Address&>;
    /// A daemon's ACQUIRE handler (IpsecPfKey::AcquireCallback).
    using AcquireCallback = Callback<void, const IpsecPolicy&, const IpsecPacketFields&>;

    /// \return the TypeId
    static TypeId GetTypeId();
    IkeTransport();
    ~IkeTransport() override;

    /**
     * \param node a node with IPsec (IpsecHelper)
     * \return the node's transport, created and aggregated if the node has none yet
     */
    static Ptr<IkeTransport> Get(Ptr<Node> node);

    /**
     * \brief Registers the daemon of one major version; the sockets open with the first one.
     * \param majorVersion 1 (IKEv1) or 2 (IKEv2)
     * \param receive where that version's messages go
     * \param acquire where ACQUIREs for peers of that version go (may be null)
     */
    void Register(uint8_t majorVersion, ReceiveCallback receive, AcquireCallback acquire);
    /// \param majorVersion the version whose daemon stops
    void Unregister(uint8_t majorVersion);
    /**
     * \brief Sends a message from UDP 500.
     * \param peer the destination (UDP 500)
     * \param bytes the message
     */
    void Send(const Ipv6Address& peer, const std::vector<uint8_t>& bytes);

    /**
     * \brief Signature of the Drop trace.
     * \param from the source
     * \param reason why the message reached no daemon
     */
    typedef void (*DropTracedCallback)(const Ipv6Address& from, const std::string& reason);

  private:
    void DoDispose() override;
    /// Opens the sockets and registers with PF_KEY.
    void Open();
    /// \param socket a socket with data
    void HandleRead(Ptr<Socket> socket);
    /// Routes an ACQUIRE by the PAD entry of the rule's tunnel peer.
    void HandleAcquire(const IpsecPolicy& policy, const IpsecPacketFields& fields);

    Ptr<Socket> m_socket;                                               ///< UDP 500
    Ptr<Socket> m_natSocket;                                            ///< UDP 4500
    std::map<uint8_t, ReceiveCallback> m_receivers;                     ///< by major version
    std::map<uint8_t, AcquireCallback> m_acquirers;                     ///< by major version
    TracedCallback<const Ipv6Address&, const std::string&> m_dropTrace; ///< Drop trace
};

} // namespace ns3

#endif // IKE_TRANSPORT_H
