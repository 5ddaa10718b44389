/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ike-transport.h"

#include "ipsec-pad.h"
#include "ipsec-pf-key.h"

#include "ns3/inet6-socket-address.h"
#include "ns3/ipv6-packet-info-tag.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/socket.h"
#include "ns3/udp-socket-factory.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("IkeTransport");
NS_OBJECT_ENSURE_REGISTERED(IkeTransport);

TypeId
IkeTransport::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::IkeTransport")
            .SetParent<Object>()
            .SetGroupName("CxtpIpsec")
            .AddConstructor<IkeTransport>()
            .AddTraceSource("Drop",
                            "A message on UDP 500/4500 reached no IKE daemon: its source and why.",
                            MakeTraceSourceAccessor(&IkeTransport::m_dropTrace),
                            "ns3::IkeTransport::DropTracedCallback");
    return tid;
}

IkeTransport::IkeTransport() = default;

IkeTransport::~IkeTransport() = default;

Ptr<IkeTransport>
IkeTransport::Get(Ptr<Node> node)
{
    Ptr<IkeTransport> transport = node->GetObject<IkeTransport>();
    if (!transport)
    {
        transport = CreateObject<IkeTransport>();
        node->AggregateObject(transport);
    }
    return transport;
}

void
IkeTransport::DoDispose()
{
    m_receivers.clear();
    m_acquirers.clear();
    m_socket = nullptr;
    m_natSocket = nullptr;
    Object::DoDispose();
}

void
IkeTransport::Open()
{
    Ptr<Node> node = GetObject<Node>();
    NS_ABORT_MSG_IF(!node, "IkeTransport is not aggregated to a node");
    for (uint16_t port : {PORT, NAT_T_PORT})
    {
        Ptr<Socket> socket = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
        NS_ABORT_MSG_IF(socket->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), port)) != 0,
                        "IkeTransport: cannot bind UDP port " << port << " on node "
                                                              << node->GetId());
        socket->SetRecvPktInfo(true);
        socket->SetRecvCallback(MakeCallback(&IkeTransport::HandleRead, this));
        (port == PORT ? m_socket : m_natSocket) = socket;
    }
    Ptr<IpsecPfKey> pfKey = node->GetObject<IpsecPfKey>();
    NS_ABORT_MSG_IF(!pfKey, "IkeTransport on node " << node->GetId() << " needs IPsec");
    pfKey->Register(MakeCallback(&IkeTransport::HandleAcquire, this), IpsecPfKey::ExpireCallback());
}

void
IkeTransport::Register(uint8_t majorVersion, ReceiveCallback receive, AcquireCallback acquire)
{
    NS_LOG_FUNCTION(this << +majorVersion);
    NS_ABORT_MSG_IF(m_receivers.count(majorVersion),
                    "IkeTransport: a daemon for IKE major version " << +majorVersion
                                                                    << " is already registered");
    if (!m_socket)
    {
        Open();
    }
    m_receivers[majorVersion] = receive;
    if (!acquire.IsNull())
    {
        m_acquirers[majorVersion] = acquire;
    }
}

void
IkeTransport::Unregister(uint8_t majorVersion)
{
    m_receivers.erase(majorVersion);
    m_acquirers.erase(majorVersion);
}

void
IkeTransport::Send(const Ipv6Address& peer, const std::vector<uint8_t>& bytes)
{
    if (!m_socket)
    {
        NS_LOG_WARN("IkeTransport: no daemon registered, message to " << peer << " not sent");
        return;
    }
    m_socket->SendTo(Create<Packet>(bytes.data(), bytes.size()), 0, Inet6SocketAddress(peer, PORT));
}

void
IkeTransport::HandleRead(Ptr<Socket> socket)
{
    Ptr<Packet> packet;
    Address from;
    while ((packet = socket->RecvFrom(from)))
    {
        if (!Inet6SocketAddress::IsMatchingType(from))
        {
            continue;
        }
        Ipv6Address source = Inet6SocketAddress::ConvertFrom(from).GetIpv6();
        Ipv6PacketInfoTag info; // the address the peer sent to: ours for this exchange
        Ipv6Address local = packet->RemovePacketTag(info) ? info.GetAddress() : Ipv6Address();
        std::vector<uint8_t> bytes(packet->GetSize());
        packet->CopyData(bytes.data(), bytes.size());
        if (socket == m_natSocket)
        {
            // RFC 3948 §2.2: IKE behind a four-octet zero non-ESP marker, ESP otherwise.
            if (bytes.size() < 4 || bytes[0] || bytes[1] || bytes[2] || bytes[3])
            {
                m_dropTrace(source, "UDP-encapsulated ESP is not supported");
                continue;
            }
            bytes.erase(bytes.begin(), bytes.begin() + 4);
        }
        if (bytes.size() < HEADER_SIZE)
        {
            m_dropTrace(source,
                        "malformed ISAKMP header: " + std::to_string(bytes.size()) + " octets");
            continue;
        }
        uint8_t major = bytes[VERSION_OFFSET] >> 4;
        auto receiver = m_receivers.find(major);
        if (receiver == m_receivers.end())
        {
            // RFC 2408 §5.1, RFC 7296 §2.5: a major version we do not speak is discarded.
            m_dropTrace(source, "unsupported IKE major version " + std::to_string(major));
            continue;
        }
        receiver->second(bytes, source, local);
    }
}

void
IkeTransport::HandleAcquire(const IpsecPolicy& policy, const IpsecPacketFields& fields)
{
    Ptr<IpsecPad> pad = GetObject<IpsecPad>();
    const IpsecPadEntry* entry = pad ? pad->FindByAddress(policy.tunnelRemote) : nullptr;
    uint8_t version = entry ? entry->ikeVersion : 1;
    auto acquirer = m_acquirers.find(version);
    if (acquirer != m_acquirers.end())
    {
        acquirer->second(policy, fields);
    }
}

} // namespace ns3
