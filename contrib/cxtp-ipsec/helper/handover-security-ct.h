/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef HANDOVER_SECURITY_CT_H
#define HANDOVER_SECURITY_CT_H

#include "handover-security-method.h"

#include "ns3/event-id.h"
#include "ns3/random-variable-stream.h"

#include <optional>
#include <set>
#include <string>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Security method "ikev1-ct": the MN's first SA pair is negotiated by IKE; after each
 * move the previous gateway hands the IPsec contexts, the IKE SA included, to the new one with
 * CXTP (RFC 4067), so the tunnel continues at nSG with the keys it already had.
 *
 * <b>IKE.</b> The method holds an IKE method (attribute "IkeMethod", by name, default
 * "ikev1-main") for the first contact and for the fallback; it installs the IPsec rules and
 * the IKE daemons, and its Ready trace is this method's Ready for those attachments. The CXTP
 * agents reach the daemons only through IkeSaTransfer, so any IKE method whose daemons
 * implement it composes with context transfer.
 *
 * <b>Modes</b> (attribute "Mode"). "predictive" (default, RFC 4067 §2.1.1 scenario 1, §5.1
 * pAR-initiated): on the old access router's HandoverHint(from, to), pSG pushes a PCTD with the
 * MN's contexts and its token key to nSG, which caches them; after the move the MN sends its one
 * CTAR to nSG, which verifies the token with the pushed key, discards the key and installs. If
 * nSG holds no PCTD when the CTAR arrives (hint lost or late), it falls back to the reactive
 * exchange. "reactive" (§2.1.1 scenario 2, §5.3): no push; the CTAR to nSG triggers CT-Req /
 * CTD / CTDR between the gateways. Either way the MN sends exactly one message, the CTAR. A
 * predictive snapshot is taken before pSG's last packets to the MN: nSG adds "SequenceMargin" to
 * the outbound sequence counters (RFC 6311 style) so that its first packets are not replays at
 * the MN.
 *
 * <b>Transports.</b> CXTP agents (CxtpAgent) run on the MN and every gateway. The MN's CTAR
 * travels as the "Transport" attribute says, over UDP 5091 or ICMPv6 Experimental Mobility
 * (type 150, subtype 1); both are bypassed by the SPD of every node. Between the gateways, UDP
 * 5091 is protected by manually keyed ESP transport-mode SAs installed here for every pair of
 * gateway addresses ("GatewayEsp", RFC 4067 §3 and §6.2: the CTD carries keys and MUST be
 * protected, with SAs set up in advance); GetSignallingSpis() lists their SPIs.
 *
 * <b>Token key.</b> The token key an MN shares with its current gateway is derived, once an SA
 * pair exists, from the integrity key of the MN→gateway ESP SA: HMAC-SHA1(key, "cxtp-token" |
 * care-of address | seq), seq being the CTAR sequence number of the move that brought the SA to
 * the gateway (0 after IKE), so that no key serves twice (RFC 4067 §6.3); both ends hold that
 * key, nothing more is exchanged. If the new gateway has
 * not installed the contexts within FallbackTimeout, the MN falls back to a full IKE
 * negotiation with it; GetLastPath() says which path the last attachment took ("ct" or
 * "fallback-ike"; "ike" for the first one). t_sec is when nSG has installed the contexts (the
 * MN's side is rewritten when it sends the CTAR).
 */
class HandoverSecurityCt : public HandoverSecurityMethod
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
    void HandoverHint(uint32_t from, uint32_t to) override;
    std::set<uint32_t> GetSignallingSpis() const override;
    /// \return the IKE method's daemons
    ApplicationContainer GetDaemons() const override;
    /// \return true in predictive mode
    bool IsPredictive() const;
    /**
     * \brief Test hook: corrupts the token key the MN holds for its current CoA (as a forger
     * without the key would compute tokens), so that its next CTAR's token is rejected.
     */
    void CorruptMobileTokenKey();
    /// \return the CXTP agents: the MN's first, then one per gateway
    ApplicationContainer GetAgents() const;

  protected:
    void DoDispose() override;

  private:
    /// Installs ESP transport SAs for CXTP between every pair of gateway addresses.
    void InstallGatewayEsp(const Topology& topology);
    /// Ready (from IKE or CXTP): derives and sets the token key for the next move.
    void SetTokenKeys(uint32_t link);
    /// A gateway's agent installed an MN's contexts.
    void ContextsInstalled(uint32_t gateway, Ipv6Address mn, uint32_t sas);
    /// A gateway's agent changed SPIs after a collision (UPDATE_SPI acknowledged by the MN).
    void SpiUpdated(uint32_t gateway, Ipv6Address mn, uint32_t entries);
    /// The transfer did not complete in time: full IKE with the new gateway.
    void Fallback(uint32_t link);
    /// The IKE method's Ready: first contact or fallback. \param link the link
    void IkeReady(uint32_t link);

    /// \param mode "predictive" or "reactive"
    void SetMode(std::string mode);
    /// \return "predictive" or "reactive"
    std::string GetMode() const;
    /// \param transport "udp" or "icmpv6"
    void SetTransport(std::string transport);
    /// \return "udp" or "icmpv6"
    std::string GetTransport() const;

    std::string m_ikeMethod;           ///< attribute IkeMethod
    std::string m_profile;             ///< attribute Profile, for the IKE method
    Ptr<HandoverSecurityMethod> m_ike; ///< first contact and fallback
    Time m_fallbackTimeout;            ///< attribute FallbackTimeout
    bool m_predictive{true};           ///< attribute Mode
    std::string m_transport{"udp"};    ///< attribute Transport
    bool m_gatewayEsp{true};           ///< attribute GatewayEsp
    uint64_t m_sequenceMargin{0};      ///< attribute SequenceMargin
    std::set<uint32_t> m_gatewaySpis;  ///< SPIs of the gateway-gateway SAs
    ApplicationContainer m_agents;     ///< MN, then the gateways
    std::optional<uint32_t> m_link;    ///< the MN's current link
    Ipv6Address m_coa;                 ///< its care-of address there
    std::string m_path;                ///< path of the last attachment
    EventId m_fallback;                ///< fallback timer
    bool m_usable{false};              ///< the current CoA is usable (DAD over)
    bool m_fallbackPending{false};     ///< fallback IKE waits for the CoA to be usable
    uint32_t m_tokenSalt{0};           ///< CTAR sequence of the last move (token key input)
    Ptr<UniformRandomVariable> m_seq;  ///< CTAR sequence numbers
};

} // namespace ns3

#endif // HANDOVER_SECURITY_CT_H
