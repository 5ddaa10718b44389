/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "handover-security-method.h"

#include "handover-security-ct.h"
#include "handover-security-ikev1.h"
#include "handover-security-ikev2.h"
#include "handover-security-manual.h"
#include "handover-security-none.h"

#include "ns3/abort.h"
#include "ns3/ike-transport.h"
#include "ns3/log.h"
#include "ns3/string.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HandoverSecurityMethod");
NS_OBJECT_ENSURE_REGISTERED(HandoverSecurityMethod);

namespace
{
constexpr uint8_t PROTO_UDP = 17;
constexpr uint8_t PROTO_ICMPV6 = 58;
constexpr uint8_t PROTO_MH = 135;
} // namespace

TypeId
HandoverSecurityMethod::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::HandoverSecurityMethod")
            .SetParent<Object>()
            .SetGroupName("CxtpIpsec")
            .AddAttribute("Encryption",
                          "ESP cipher of the MN's tunnels: 3des-cbc, aes128-cbc, aes256-cbc, "
                          "aes128-gcm16, aes256-gcm16.",
                          StringValue("3des-cbc"),
                          MakeStringAccessor(&HandoverSecurityMethod::SetEncryption,
                                             &HandoverSecurityMethod::GetEncryption),
                          MakeStringChecker())
            .AddAttribute("Integrity",
                          "ESP integrity: hmac-sha1-96, hmac-sha256-128, or none with GCM.",
                          StringValue("hmac-sha1-96"),
                          MakeStringAccessor(&HandoverSecurityMethod::SetIntegrity,
                                             &HandoverSecurityMethod::GetIntegrity),
                          MakeStringChecker())
            .AddTraceSource("Ready",
                            "An SA pair between the MN and a link's gateway is usable (t_sec).",
                            MakeTraceSourceAccessor(&HandoverSecurityMethod::m_readyTrace),
                            "ns3::HandoverSecurityMethod::ReadyTracedCallback");
    return tid;
}

HandoverSecurityMethod::HandoverSecurityMethod()
    : m_encryption(IpsecEncryption::TDES_CBC),
      m_integrity(IpsecIntegrity::HMAC_SHA1_96)
{
}

HandoverSecurityMethod::~HandoverSecurityMethod()
{
}

void
HandoverSecurityMethod::DoDispose()
{
    m_topology = Topology();
    Object::DoDispose();
}

namespace
{
/// Every method Create() knows, by name, with its factory.
const std::vector<std::pair<std::string, Ptr<HandoverSecurityMethod> (*)()>>&
Registry()
{
    static const std::vector<std::pair<std::string, Ptr<HandoverSecurityMethod> (*)()>> methods{
        {"none", [] { return Ptr<HandoverSecurityMethod>(CreateObject<HandoverSecurityNone>()); }},
        {"manual",
         [] { return Ptr<HandoverSecurityMethod>(CreateObject<HandoverSecurityManual>()); }},
        {"ikev1-main",
         [] { return Ptr<HandoverSecurityMethod>(CreateObject<HandoverSecurityIkev1>(false)); }},
        {"ikev1-aggressive",
         [] { return Ptr<HandoverSecurityMethod>(CreateObject<HandoverSecurityIkev1>(true)); }},
        {"ikev1-ct",
         [] { return Ptr<HandoverSecurityMethod>(CreateObject<HandoverSecurityCt>()); }},
        {"ikev2",
         [] { return Ptr<HandoverSecurityMethod>(CreateObject<HandoverSecurityIkev2>()); }},
        {"ikev2-eap-md5",
         [] { return Ptr<HandoverSecurityMethod>(CreateObject<HandoverSecurityIkev2>("md5")); }},
        {"ikev2-eap-aka",
         [] { return Ptr<HandoverSecurityMethod>(CreateObject<HandoverSecurityIkev2>("aka")); }},
        {"ikev2-eap-tls",
         [] { return Ptr<HandoverSecurityMethod>(CreateObject<HandoverSecurityIkev2>("tls")); }},
    };
    return methods;
}
} // namespace

bool
HandoverSecurityMethod::NeedsAaaServer() const
{
    return false;
}

std::vector<std::string>
HandoverSecurityMethod::GetNames()
{
    std::vector<std::string> names;
    for (const auto& [name, factory] : Registry())
    {
        names.push_back(name);
    }
    return names;
}

std::string
HandoverSecurityMethod::GetNameList()
{
    std::string list;
    for (const auto& name : GetNames())
    {
        list += (list.empty() ? "" : ", ") + name;
    }
    return list;
}

Ptr<HandoverSecurityMethod>
HandoverSecurityMethod::Create(const std::string& name)
{
    for (const auto& [known, factory] : Registry())
    {
        if (known == name)
        {
            return factory();
        }
    }
    NS_ABORT_MSG("unknown security method '" << name << "' (known: " << GetNameList() << ")");
    return nullptr;
}

void
HandoverSecurityMethod::SetEncryption(std::string name)
{
    NS_ABORT_MSG_IF(!ParseEncryption(name, m_encryption) ||
                        m_encryption == IpsecEncryption::NULL_ENC,
                    "HandoverSecurityMethod::Encryption: unknown cipher '" << name << "'");
}

std::string
HandoverSecurityMethod::GetEncryption() const
{
    return ToString(m_encryption);
}

void
HandoverSecurityMethod::SetIntegrity(std::string name)
{
    NS_ABORT_MSG_IF(!ParseIntegrity(name, m_integrity),
                    "HandoverSecurityMethod::Integrity: unknown algorithm '" << name << "'");
}

std::string
HandoverSecurityMethod::GetIntegrity() const
{
    return ToString(m_integrity);
}

void
HandoverSecurityMethod::HandoverHint(uint32_t /* from */, uint32_t /* to */)
{
}

void
HandoverSecurityMethod::Detach(uint32_t /* link */)
{
}

void
HandoverSecurityMethod::CoaFormed(uint32_t /* link */, const Ipv6Address& /* coa */)
{
}

std::string
HandoverSecurityMethod::GetLastPath() const
{
    return GetName();
}

std::set<uint32_t>
HandoverSecurityMethod::GetSignallingSpis() const
{
    return {};
}

bool
HandoverSecurityMethod::UsesIpsec() const
{
    return true;
}

bool
HandoverSecurityMethod::UsesManualKeys() const
{
    return false;
}

void
HandoverSecurityMethod::Install(const Topology& topology)
{
    NS_LOG_FUNCTION(this << GetName());
    NS_ABORT_MSG_IF(topology.gateways.size() != topology.gatewayAddresses.size() ||
                        topology.gateways.size() != topology.careOfAddresses.size(),
                    "HandoverSecurityMethod: one gateway, address and care-of address per link");
    m_topology = topology;
    if (!UsesIpsec())
    {
        return;
    }
    std::string error = CheckTransformPair(m_encryption, m_integrity);
    NS_ABORT_MSG_IF(!error.empty(), "HandoverSecurityMethod: " << error);
    NodeContainer nodes(topology.mobileNode);
    for (const auto& gw : topology.gateways)
    {
        nodes.Add(gw);
    }
    IpsecHelper ipsec;
    ipsec.Install(nodes);
    IpsecTrafficSelector nd = IpsecTrafficSelector::ForProtocol(PROTO_ICMPV6);
    nd.localPortMin = 133 << 8;          // Router Solicitation …
    nd.localPortMax = (137 << 8) | 0xff; // … Redirect (RFC 4861)
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        IpsecHelper::AddBypass(*it, nd);
        IpsecHelper::AddBypass(*it,
                               IpsecTrafficSelector::ForProtocol(PROTO_UDP, IkeTransport::PORT));
        IpsecHelper::AddBypass(
            *it,
            IpsecTrafficSelector::ForProtocol(PROTO_UDP, IkeTransport::NAT_T_PORT));
        IpsecHelper::AddBypass(*it, IpsecTrafficSelector::ForProtocol(PROTO_MH));
    }
    for (uint32_t link = 0; link < topology.gateways.size(); ++link)
    {
        IpsecTrafficSelector mine; // everything of the MN's care-of address on this link
        mine.localAddress = topology.careOfAddresses[link];
        mine.localPrefix = Ipv6Prefix(128);
        m_tunnels.push_back(IpsecHelper::AddTunnel(topology.mobileNode,
                                                   topology.careOfAddresses[link],
                                                   mine,
                                                   topology.gateways[link],
                                                   topology.gatewayAddresses[link],
                                                   m_encryption,
                                                   m_integrity,
                                                   UsesManualKeys()));
    }
}

const IpsecHelper::Tunnel&
HandoverSecurityMethod::GetTunnel(uint32_t link) const
{
    NS_ABORT_MSG_IF(link >= m_tunnels.size(), "no IPsec tunnel for link " << link);
    return m_tunnels[link];
}

void
HandoverSecurityMethod::NotifyReady(uint32_t link)
{
    NS_LOG_INFO(GetName() << ": security ready on link " << link);
    m_readyTrace(link);
}

ApplicationContainer
HandoverSecurityMethod::GetDaemons() const
{
    return ApplicationContainer();
}

void
HandoverSecurityMethod::AdoptInstallation(const HandoverSecurityMethod& other)
{
    m_topology = other.m_topology;
    m_tunnels = other.m_tunnels;
}

const HandoverSecurityMethod::Topology&
HandoverSecurityMethod::GetTopology() const
{
    return m_topology;
}

} // namespace ns3
