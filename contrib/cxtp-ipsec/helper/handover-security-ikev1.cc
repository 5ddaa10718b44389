/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "handover-security-ikev1.h"

#include "ikev1-helper.h"

#include "ns3/boolean.h"
#include "ns3/ikev1-daemon.h"
#include "ns3/log.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("HandoverSecurityIkev1");
NS_OBJECT_ENSURE_REGISTERED(HandoverSecurityIkev1);

TypeId
HandoverSecurityIkev1::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::HandoverSecurityIkev1")
            .SetParent<HandoverSecurityIke>()
            .SetGroupName("CxtpIpsec")
            .AddConstructor<HandoverSecurityIkev1>()
            .AddAttribute("Pfs",
                          "PFS in quick mode.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&HandoverSecurityIkev1::m_pfs),
                          MakeBooleanChecker())
            .AddAttribute("PfsGroup",
                          "Quick-mode DH group (racoon's pfs_group; 0 = the phase-1 group). "
                          "1 = MODP-768, as in racoon's sample racoon.conf: see "
                          "doc/cxtp-ipsec.rst, \"Message counts and sizes\".",
                          UintegerValue(1),
                          MakeUintegerAccessor(&HandoverSecurityIkev1::m_pfsGroup),
                          MakeUintegerChecker<uint16_t>(0, 14))
            .AddAttribute("DpdVendorId",
                          "Send the RFC 3706 DPD vendor ID in MM1/MM2, AM1/AM2 (racoon's dpd; "
                          "off: racoon built without DPD, or dpd off).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&HandoverSecurityIkev1::m_dpdVendorId),
                          MakeBooleanChecker())
            .AddAttribute("Phase1Proposals",
                          "Phase-1 transforms of every daemon (Ikev1Daemon::Phase1Proposals; "
                          "empty: one, 3des-cbc/sha1/2).",
                          StringValue(""),
                          MakeStringAccessor(&HandoverSecurityIkev1::m_phase1Proposals),
                          MakeStringChecker())
            .AddAttribute("EspTransforms",
                          "ESP transforms of every daemon (Ikev1Daemon::EspTransforms; empty: "
                          "the SPD rule's pair, from Encryption and Integrity).",
                          StringValue(""),
                          MakeStringAccessor(&HandoverSecurityIkev1::m_espTransforms),
                          MakeStringChecker());
    return tid;
}

HandoverSecurityIkev1::HandoverSecurityIkev1(bool aggressive)
    : m_aggressive(aggressive),
      m_pfs(true),
      m_pfsGroup(1),
      m_dpdVendorId(false)
{
}

std::string
HandoverSecurityIkev1::GetName() const
{
    return m_aggressive ? "ikev1-aggressive" : "ikev1-main";
}

std::unique_ptr<IkeHelper>
HandoverSecurityIkev1::ConfigureDaemons() const
{
    auto ike = std::make_unique<Ikev1Helper>();
    ike->SetAttribute("Mode", StringValue(m_aggressive ? "aggressive" : "main"));
    ike->SetAttribute("Pfs", BooleanValue(m_pfs));
    ike->SetAttribute("PfsGroup", UintegerValue(m_pfsGroup));
    ike->SetAttribute("DpdVendorId", BooleanValue(m_dpdVendorId));
    ike->SetAttribute("Phase1Proposals", StringValue(m_phase1Proposals));
    ike->SetAttribute("EspTransforms", StringValue(m_espTransforms));
    ike->SetAttribute("Encryption", StringValue(ToString(m_encryption)));
    return ike;
}

void
HandoverSecurityIkev1::Negotiate(Ptr<Application> mnDaemon, uint32_t rule)
{
    DynamicCast<Ikev1Daemon>(mnDaemon)->Initiate(rule);
}

void
HandoverSecurityIkev1::Purge(Ptr<Application> daemon, const Ipv6Address& peer)
{
    DynamicCast<Ikev1Daemon>(daemon)->Purge(peer);
}

} // namespace ns3
