/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_INFORMATIONAL_EXCHANGE_H
#define IKEV2_INFORMATIONAL_EXCHANGE_H

#include "ikev2-message.h"
#include "ikev2-sa.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The INFORMATIONAL exchange (RFC 7296 §1.4) of both roles on an established Ikev2Sa:
 * deleting CHILD_SAs (§1.4.1: the responder answers with the SPIs of its halves of the same
 * pairs), deleting the IKE SA (an empty answer), and the liveness check (an empty request, an
 * empty answer, §2.4). Messages come and go with their SK payload open.
 */
class Ikev2InformationalExchange
{
  public:
    /// What an INFORMATIONAL exchange did to the SA.
    struct Result
    {
        std::vector<uint32_t> deletedChildren; ///< our inbound SPIs of the CHILD_SAs gone
        bool ikeSaDeleted{false};              ///< the IKE SA (and all its CHILD_SAs) is gone
    };

    /**
     * \brief Initiator (of this exchange): deletes CHILD_SAs.
     * \param sa the SA
     * \param inboundSpis our inbound SPIs of the CHILD_SAs to delete
     * \return the request: SK{D(ESP, SPIs)}
     */
    static Ikev2Message BuildDeleteChildren(Ikev2Sa& sa, const std::vector<uint32_t>& inboundSpis);
    /**
     * \param sa the SA
     * \return the request deleting the IKE SA: SK{D(IKE)}
     */
    static Ikev2Message BuildDeleteIkeSa(Ikev2Sa& sa);
    /**
     * \param sa the SA
     * \return the liveness check: SK{}
     */
    static Ikev2Message BuildLiveness(Ikev2Sa& sa);
    /**
     * \brief Responder: carries out the peer's deletes and answers.
     * \param request the request, SK opened
     * \param sa the SA
     * \param [out] response the response, SK open
     * \param [out] result what is gone (the daemon removes it from the SAD)
     * \return empty, or why the request is refused (response then empty)
     */
    static std::string ProcessRequest(const Ikev2Message& request,
                                      Ikev2Sa& sa,
                                      Ikev2Message& response,
                                      Result& result);
    /**
     * \brief Initiator: the peer's answer. The CHILD_SAs whose pairs the answer names go; those
     * we asked to delete and the peer no longer had are the daemon's to remove.
     * \param response the response, SK opened
     * \param sa the SA
     * \param [out] result what is gone
     * \return empty, or what is wrong with the answer
     */
    static std::string ProcessResponse(const Ikev2Message& response, Ikev2Sa& sa, Result& result);
};

} // namespace ns3

#endif // IKEV2_INFORMATIONAL_EXCHANGE_H
