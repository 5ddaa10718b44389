/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef HANDOVER_SECURITY_CT_H
#define HANDOVER_SECURITY_CT_H

#include "handover-security-ikev1.h"

#include "ns3/event-id.h"
#include "ns3/random-variable-stream.h"

#include <optional>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Security method "ikev1-ct": the MN's first SA pair is negotiated by IKEv1 (main mode);
 * after each move the previous gateway hands the IPsec contexts to the new one with CXTP
 * (RFC 4067, reactive mode: the MN's CTAR to nSG, then CT-Req/CTD/CTDR between the gateways),
 * so the tunnel continues at nSG with the keys it already had.
 *
 * CXTP agents (CxtpAgent) run on the MN and every gateway, over UDP 5091 (bypassed by the SPD
 * on all of them). The token key an MN shares with its current gateway is derived, once an SA
 * pair exists, from the integrity key of the MN→gateway ESP SA: HMAC-SHA1(key, "cxtp-token" |
 * care-of address); both ends hold that key, nothing more is exchanged. If the new gateway has
 * not installed the contexts within FallbackTimeout, the MN falls back to a full IKEv1
 * negotiation with it; GetLastPath() says which path the last attachment took ("ct" or
 * "fallback-ike"; "ike" for the first one). t_sec is when nSG has installed the contexts (the
 * MN's side is rewritten when it sends the CTAR).
 */
class HandoverSecurityCt : public HandoverSecurityIkev1
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    HandoverSecurityCt();
    std::string GetName() const override;
    std::string GetLastPath() const override;
    void Install(const Topology& topology) override;
    void Attach(uint32_t link, const Ipv6Address& coa) override;
    void Detach(uint32_t link) override;
    void CoaFormed(uint32_t link, const Ipv6Address& coa) override;
    /// \return the CXTP agents: the MN's first, then one per gateway
    ApplicationContainer GetAgents() const;

  protected:
    void DoDispose() override;

  private:
    /// Ready (from IKE or CXTP): derives and sets the token key for the next move.
    void SetTokenKeys(uint32_t link);
    /// A gateway's agent installed an MN's contexts.
    void ContextsInstalled(uint32_t gateway, Ipv6Address mn, uint32_t sas);
    /// The transfer did not complete in time: full IKE with the new gateway.
    void Fallback(uint32_t link);

    Time m_fallbackTimeout;           ///< attribute FallbackTimeout
    ApplicationContainer m_agents;    ///< MN, then the gateways
    std::optional<uint32_t> m_link;   ///< the MN's current link
    Ipv6Address m_coa;                ///< its care-of address there
    std::string m_path;               ///< path of the last attachment
    EventId m_fallback;               ///< fallback timer
    bool m_usable{false};             ///< the current CoA is usable (DAD over)
    bool m_fallbackPending{false};    ///< fallback IKE waits for the CoA to be usable
    Ptr<UniformRandomVariable> m_seq; ///< CTAR sequence numbers
};

} // namespace ns3

#endif // HANDOVER_SECURITY_CT_H
