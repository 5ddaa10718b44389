/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_SPD_H
#define IPSEC_SPD_H

#include "ipsec-policy.h"

#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Security Policy Database of one node (RFC 4301 §4.4.1): ordered rules per direction.
 *
 * Lookup returns the first rule, in (priority, insertion) order, whose selector matches. Traffic
 * that no rule matches is bypassed (an implicit last rule); add a catch-all DISCARD rule for the
 * strict RFC 4301 default.
 */
class IpsecSpd : public Object
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    IpsecSpd();
    ~IpsecSpd() override;

    /**
     * \brief Adds a rule. A rule with id 0 gets the next free id.
     * \param policy the rule
     * \param [out] id the id of the installed rule
     * \return an empty string on success, otherwise what is wrong (invalid rule, duplicate id)
     */
    std::string Add(const IpsecPolicy& policy, uint32_t& id);
    /**
     * \brief Reserves the next free rule id (for a rule whose installation takes time).
     * \return the id; Add() with it succeeds unless the rule is invalid
     */
    uint32_t AllocateId();
    /**
     * \param id a rule id
     * \return true if the rule existed and was removed
     */
    bool Remove(uint32_t id);
    /**
     * \param id a rule id
     * \return the rule or nullptr
     */
    const IpsecPolicy* Get(uint32_t id) const;
    /**
     * \brief First matching rule (exact: the fields' ports must be known).
     * \param direction the direction of the traffic
     * \param fields the packet's fields
     * \return the rule, or nullptr when none matches (the implicit BYPASS)
     */
    const IpsecPolicy* Lookup(IpsecDirection direction, const IpsecPacketFields& fields) const;
    /**
     * \brief For traffic whose ports are not known yet (a locally built packet being routed):
     * could a rule other than BYPASS apply? True unless the first rule that matches on
     * addresses and protocol is a BYPASS without port constraints, or no rule matches at all.
     * \param direction the direction
     * \param fields the fields, ports unknown
     * \return true if the packet must go through the IPsec data plane to be decided
     */
    bool MayApply(IpsecDirection direction, const IpsecPacketFields& fields) const;
    /**
     * \brief Finds the node's tunnel-mode PROTECT pair with a peer (the rules an IKE daemon
     * negotiates SAs for): the first outbound and the first inbound rule whose tunnel runs
     * between \p local and \p peer.
     * \param local our address, or :: for any
     * \param peer the peer
     * \param [out] outPolicyId the outbound rule, 0 if none
     * \param [out] inPolicyId the inbound rule, 0 if none
     * \return true if both exist
     */
    bool FindTunnelRules(const Ipv6Address& local,
                         const Ipv6Address& peer,
                         uint32_t& outPolicyId,
                         uint32_t& inPolicyId) const;
    /// \return every rule, in evaluation order (outbound and inbound interleaved)
    const std::vector<IpsecPolicy>& GetPolicies() const;

    /**
     * \brief Signature of the Change trace.
     * \param policy the rule
     * \param added true when added, false when removed
     */
    typedef void (*ChangeTracedCallback)(const IpsecPolicy& policy, bool added);

  private:
    std::vector<IpsecPolicy> m_policies;                    ///< sorted by priority, stable
    uint32_t m_nextId;                                      ///< next automatic id
    TracedCallback<const IpsecPolicy&, bool> m_changeTrace; ///< add/remove
};

} // namespace ns3

#endif // IPSEC_SPD_H
