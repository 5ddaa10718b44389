/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef HANDOVER_SECURITY_METHOD_H
#define HANDOVER_SECURITY_METHOD_H

#include "ipsec-helper.h"

#include "ns3/application-container.h"
#include "ns3/ipv6-address.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <set>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief How the MN's IPsec tunnel to the security gateway of its access network is
 * (re-)established after each move: the pluggable strategy of the handover scenario.
 *
 * The scenario calls Install() once, before the simulation; then, for each move, HandoverHint()
 * shortly before the MN leaves a link (a link-layer trigger at the old access router, as an IEEE
 * 802.21 Link_Going_Down would give), Detach() when it has left, CoaFormed() when SLAAC has
 * formed its care-of address on the new link (still tentative while DAD runs, RFC 4862 §5.4),
 * and Attach() when that address is usable (t_coa, the initial attachment included). A method
 * starts where its protocol may: a user-space IKE daemon cannot send from a tentative address,
 * so it starts at Attach(); a method that may use the address optimistically (RFC 4429) starts
 * at CoaFormed(). The method fires its "Ready" trace when an SA pair between the MN and that
 * link's gateway is usable at both ends: that instant is t_sec, and the security set-up delay
 * is t_sec minus the instant the CoA was formed.
 *
 * Methods that use IPsec (all but "none") share the same policies, installed by this base class:
 * on the MN and every gateway, BYPASS for neighbour discovery (ICMPv6 133–137), IKE (UDP 500 and
 * 4500) and Mobile IPv6 binding signalling (Mobility Header), so that the MIPv6 handover proceeds
 * whatever the IPsec state; and for each access link a tunnel-mode PROTECT pair between the MN's
 * care-of address on that link and the link's gateway, covering everything else the MN sends or
 * receives there (so the MIPv6 tunnel to the home agent runs inside ESP). Subclasses decide how
 * the SAs of those rules come to exist. Create() builds a method by name; new methods (IKEv1,
 * context transfer, IKEv2) register there.
 */
class HandoverSecurityMethod : public Object
{
  public:
    /// Where the method operates.
    struct Topology
    {
        Ptr<Node> mobileNode;                      ///< the MN
        std::vector<Ptr<Node>> gateways;           ///< the security gateway of each access link
        std::vector<Ipv6Address> gatewayAddresses; ///< its address on that link
        std::vector<Ipv6Address> careOfAddresses;  ///< the MN's care-of address on that link
        /// The gateways' addresses towards the core (where their RADIUS packets leave from).
        std::vector<Ipv6Address> gatewayCoreAddresses;
        Ptr<Node> aaaServer;    ///< the AAA server in the core, if NeedsAaaServer()
        Ipv6Address aaaAddress; ///< its address
        /// The round trip between two gateways over the core links' configured delays (zero if
        /// unknown): what a method assumes until it measures one.
        Time gatewayRoundTrip;
    };

    /// \return the TypeId
    static TypeId GetTypeId();
    HandoverSecurityMethod();
    ~HandoverSecurityMethod() override;

    /**
     * \param name a method name (GetNames())
     * \return a new method object; aborts with the list of names if unknown
     */
    static Ptr<HandoverSecurityMethod> Create(const std::string& name);
    /// \return the names Create() knows
    static std::vector<std::string> GetNames();
    /// \return the same names, comma-separated, for messages and --help
    static std::string GetNameList();

    /// \return the method's name
    virtual std::string GetName() const = 0;
    /// \return the path the last attachment took (the method's name unless it has several)
    virtual std::string GetLastPath() const;
    /// \return whether the method runs IPsec (the scenario then installs the IPsec stack)
    virtual bool UsesIpsec() const;
    /// \return whether the method needs an AAA server in the core (Topology::aaaServer)
    virtual bool NeedsAaaServer() const;
    /**
     * \brief Sets up the nodes (IPsec, policies, daemons) before the simulation.
     * \param topology the nodes and addresses
     */
    virtual void Install(const Topology& topology);
    /**
     * \brief The MN has a usable care-of address on a link (t_coa).
     * \param link the access link index
     * \param coa the care-of address
     */
    virtual void Attach(uint32_t link, const Ipv6Address& coa) = 0;

    /**
     * \brief The old access router learnt that the MN is about to leave \p from for \p to.
     * Default: nothing.
     * \param from the link the MN is on
     * \param to the link it moves to
     */
    virtual void HandoverHint(uint32_t from, uint32_t to);

    /**
     * \brief The MN has left a link (t_detach). Default: nothing.
     * \param link the access link index
     */
    virtual void Detach(uint32_t link);

    /**
     * \brief SLAAC formed the MN's care-of address on a link; it is tentative until DAD ends.
     * Default: nothing.
     * \param link the access link index
     * \param coa the care-of address
     */
    virtual void CoaFormed(uint32_t link, const Ipv6Address& coa);

    /// \return the IPsec rules and SPIs made for a link (methods that use IPsec)
    const IpsecHelper::Tunnel& GetTunnel(uint32_t link) const;

    /**
     * \return the SPIs of ESP SAs that carry only security signalling (e.g. CXTP between
     * gateways), so that a capture-based counter (SignallingMonitor) can attribute those ESP
     * packets to signalling; empty by default
     */
    virtual std::set<uint32_t> GetSignallingSpis() const;
    /// \return the method's IKE daemons, the MN's first, then one per gateway (empty if none)
    virtual ApplicationContainer GetDaemons() const;

    /**
     * \brief Signature of the Ready trace.
     * \param link the access link whose SA pair is usable at both ends
     */
    typedef void (*ReadyTracedCallback)(uint32_t link);

  protected:
    void DoDispose() override;
    /// Fires the Ready trace for a link.
    void NotifyReady(uint32_t link);
    /// \return the topology given to Install()
    const Topology& GetTopology() const;
    /// \return whether Install() should key the SAs by hand (the "manual" method)
    virtual bool UsesManualKeys() const;
    /**
     * \brief Takes the topology and IPsec rules another method installed (a method composed of
     * another one, which installed them).
     * \param other the installed method
     */
    void AdoptInstallation(const HandoverSecurityMethod& other);

    IpsecEncryption m_encryption; ///< ESP cipher
    IpsecIntegrity m_integrity;   ///< ESP integrity

  private:
    void SetEncryption(std::string name);
    std::string GetEncryption() const;
    void SetIntegrity(std::string name);
    std::string GetIntegrity() const;

    Topology m_topology;                        ///< nodes and addresses
    std::vector<IpsecHelper::Tunnel> m_tunnels; ///< per link
    TracedCallback<uint32_t> m_readyTrace;      ///< t_sec
};

} // namespace ns3

#endif // HANDOVER_SECURITY_METHOD_H
