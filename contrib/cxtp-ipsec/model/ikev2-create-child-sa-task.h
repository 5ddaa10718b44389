/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_CREATE_CHILD_SA_TASK_H
#define IKEV2_CREATE_CHILD_SA_TASK_H

#include "ikev2-create-child-sa-exchange.h"
#include "ikev2-message.h"
#include "ikev2-sa.h"

#include <cstdint>
#include <map>
#include <set>
#include <vector>

namespace ns3
{

class Ikev2InformationalTask;
class Ikev2Services;

/**
 * \ingroup cxtp-ipsec
 * \brief CREATE_CHILD_SA exchanges (RFC 7296 §1.3) in both roles, as charon's child_create,
 * child_rekey and ike_rekey tasks, driving Ikev2CreateChildSaExchange for Ikev2Daemon: a
 * further CHILD_SA on an established IKE SA (§1.3.1), the rekey of a CHILD_SA (§1.3.3, §2.8)
 * and the rekey of the IKE SA (§1.3.2, §2.18). An INVALID_KE_PAYLOAD answer naming a group we
 * offer is retried with that group (§1.3).
 *
 * Make before break (§2.8), as charon: the initiator of a CHILD_SA rekey installs the new ESP
 * SAs, sends on the new one from then on, and only after they are installed deletes the old
 * CHILD_SA with an INFORMATIONAL exchange. The responder installs the new inbound SA when it
 * answers but keeps sending on the old outbound SA until the initiator deletes the old CHILD_SA
 * (until then the initiator may not have the new inbound SA yet); then it installs the new
 * outbound SA. So no packet of either direction meets a missing SA. After an IKE SA rekey the
 * CHILD_SAs belong to the new IKE SA and its initiator deletes the old IKE SA.
 *
 * Left out, as in Ikev2CreateChildSaExchange: the collisions of simultaneous rekeys (§2.8.1,
 * §2.8.2); a responder whose initiator never deletes the old CHILD_SA keeps sending on it.
 */
class Ikev2CreateChildSaTask
{
  public:
    /**
     * \param services the daemon
     * \param informational deletes the CHILD_SA or IKE SA a rekey replaced
     */
    Ikev2CreateChildSaTask(Ikev2Services& services, Ikev2InformationalTask& informational);

    /**
     * \brief Initiator: a further CHILD_SA for a rule on an established IKE SA (§1.3.1), when
     * the SA's window is free.
     * \param spi our SPI of the IKE SA
     * \param outPolicyId our outbound PROTECT rule
     */
    void CreateChild(uint64_t spi, uint32_t outPolicyId);
    /**
     * \brief Initiator: rekeys a CHILD_SA (§1.3.3) when the SA's window is free, if it is
     * still there then.
     * \param spi our SPI of the IKE SA
     * \param inboundSpi our inbound SPI of the CHILD_SA
     */
    void RekeyChild(uint64_t spi, uint32_t inboundSpi);
    /// Initiator: rekeys the IKE SA (§1.3.2) when its window is free. \param spi our SPI of it
    void RekeyIke(uint64_t spi);
    /// Responder: answers the peer's request. \param sa the IKE SA \param bytes the request as
    /// received \param request the request, SK opened
    void Answer(Ikev2Sa& sa, const std::vector<uint8_t>& bytes, const Ikev2Message& request);
    /// Initiator: the response to our request. \param sa the IKE SA \param response SK opened
    void Complete(Ikev2Sa& sa, const Ikev2Message& response);
    /**
     * \brief A CHILD_SA's ESP SAs left the SAD: the CHILD_SA that replaced it by the peer's
     * rekey gets its outbound SA now.
     * \param sa the IKE SA
     * \param inboundSpi our inbound SPI of the CHILD_SA gone
     */
    void NoteChildDeleted(const Ikev2Sa& sa, uint32_t inboundSpi);
    /// \param outPolicyId an outbound rule \return true while CreateChild() works for it
    bool IsCreating(uint32_t outPolicyId) const;
    /// Forgets our request under way on an IKE SA. \param spi our SPI of it
    void Forget(uint64_t spi);
    /// Forgets everything.
    void Clear();

  private:
    /// Our request under way on an IKE SA, kept until its response (and a retry).
    struct Pending
    {
        Ikev2CreateChildSaExchange::Kind kind{};        ///< what we asked for
        Ikev2CreateChildSaExchange::ChildRequest child; ///< CHILD_SA: what we asked for
        Ikev2CreateChildSaExchange::Pending exchange;   ///< nonce, KE, group, new IKE SPI
        uint32_t outPolicyId{0};                        ///< CHILD_SA: our outbound rule
    };

    /// Builds and sends the request of \p pending on an IKE SA (again after a retry).
    void Send(Ikev2Sa& sa, Pending& pending);
    /// \return the exchange with the proposals for a rule (nullptr: the IKE SA's own)
    Ikev2CreateChildSaExchange MakeExchange(uint32_t outPolicyId) const;
    /// Initiator: the CHILD_SA of the response is made; installs it, then deletes the old one.
    void CompleteChild(Ikev2Sa& sa,
                       const Pending& pending,
                       Ikev2ChildSa child,
                       const Ikev2ChildKeys& keys);

    Ikev2Services& m_services;                   ///< the daemon
    Ikev2InformationalTask& m_informational;     ///< deletes what a rekey replaced
    std::map<uint64_t, Pending> m_pending;       ///< our requests under way, by our IKE SPI
    std::map<uint32_t, uint32_t> m_replacements; ///< responder: old inbound SPI -> the new one
    std::set<uint32_t> m_creating;               ///< rules CreateChild() works for
};

} // namespace ns3

#endif // IKEV2_CREATE_CHILD_SA_TASK_H
