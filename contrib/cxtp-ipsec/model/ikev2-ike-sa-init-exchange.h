/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_IKE_SA_INIT_EXCHANGE_H
#define IKEV2_IKE_SA_INIT_EXCHANGE_H

#include "ikev2-message.h"
#include "ikev2-proposals.h"
#include "ikev2-sa.h"

#include "ns3/ptr.h"

#include <cstdint>
#include <string>

namespace ns3
{

class CryptoRandom;
class Ikev2CookieGenerator;

/**
 * \ingroup cxtp-ipsec
 * \brief The IKE_SA_INIT exchange (RFC 7296 §1.2) of both roles, as charon's ike_init task:
 * it builds our message and processes the peer's on an Ikev2Sa, and leaves sending,
 * retransmission, costs and the SA table to the daemon.
 *
 * Request: HDR, [N(COOKIE),] SAi1, KEi, Ni, N(NAT_DETECTION_SOURCE_IP),
 * N(NAT_DETECTION_DESTINATION_IP). Response: HDR, SAr1, KEr, Nr, N(NAT_DETECTION_*), or an
 * error notification alone: N(COOKIE) when the daemon demands one (§2.6), N(INVALID_KE_PAYLOAD)
 * with the group we want (§1.2), N(NO_PROPOSAL_CHOSEN). After a successful exchange both sides
 * hold SKEYSEED's seven keys (§2.14); the NAT_DETECTION hashes (§2.23) set Ikev2Sa::natLocal and
 * natPeer.
 */
class Ikev2IkeSaInitExchange
{
  public:
    /// What the initiator does after a response.
    enum class Outcome : uint8_t
    {
        KEYED, ///< the IKE SA has its keys: IKE_AUTH follows
        RETRY, ///< send the request again (BuildRequest) with a cookie or another group
        FAILED ///< the exchange failed (the reason says why)
    };

    /**
     * \param rng the node's random source (nonces, DH private values)
     * \param proposals what we offer and accept
     * \param nonceSize the size of our nonces, 16 to 256 octets (§2.10; charon: 32)
     */
    Ikev2IkeSaInitExchange(Ptr<CryptoRandom> rng,
                           const Ikev2Proposals& proposals,
                           uint32_t nonceSize = 32);

    /**
     * \brief Initiator: the request. The first time, draws the nonce and the DH value of
     * sa.algorithms.dh (the group of our first IKE choice unless INVALID_KE_PAYLOAD named
     * another); a retry keeps the nonce, and the DH value while the group is the same, and puts
     * the responder's cookie first (§2.6).
     * \param sa the SA (spiI, local, peer set)
     * \param port the UDP port of both ends
     * \return the message
     */
    Ikev2Message BuildRequest(Ikev2Sa& sa, uint16_t port);
    /**
     * \brief Responder: processes a request for a new SA before it is in any table.
     * \param request the request
     * \param sa the candidate SA (spiI, spiR, local, peer set)
     * \param port the UDP port of both ends
     * \param cookies non-null to demand a valid cookie (over the half-open threshold, §2.6)
     * \param [out] response the response
     * \return empty if the SA is keyed and should be kept; otherwise what the response says
     *         ("COOKIE", "INVALID_KE_PAYLOAD", "NO_PROPOSAL_CHOSEN") or why the request is bad
     *         (response then empty: drop it, INVALID_SYNTAX is for protected messages only)
     */
    std::string ProcessRequest(const Ikev2Message& request,
                               Ikev2Sa& sa,
                               uint16_t port,
                               const Ikev2CookieGenerator* cookies,
                               Ikev2Message& response);
    /**
     * \brief Initiator: processes the response.
     * \param response the response
     * \param sa the SA
     * \param port the UDP port of both ends
     * \param [out] reason why it failed, or what a retry changes
     * \return what to do next
     */
    Outcome ProcessResponse(const Ikev2Message& response,
                            Ikev2Sa& sa,
                            uint16_t port,
                            std::string& reason);

  private:
    /**
     * \brief g^ir, SKEYSEED and the seven keys (§2.14) into sa.keys; the private value is
     * forgotten.
     * \param sa the SA, with both nonces and both SPIs
     * \param peerKe the peer's KE data
     * \return empty, or why not
     */
    std::string DeriveKeys(Ikev2Sa& sa, const std::vector<uint8_t>& peerKe) const;
    /**
     * \param sa the SA
     * \param fromInitiator whether the message is the request
     * \param port the UDP port
     * \return N(NAT_DETECTION_SOURCE_IP) and N(NAT_DETECTION_DESTINATION_IP) for a message from
     *         sa.local to sa.peer
     */
    static std::vector<Ikev2Payload> NatNotifies(const Ikev2Sa& sa,
                                                 bool fromInitiator,
                                                 uint16_t port);
    /**
     * \brief Compares the peer's NAT_DETECTION hashes with the addresses seen (§2.23).
     * \param payloads the peer's payloads
     * \param sa the SA
     * \param spiR the SPIr of the peer's header
     * \param port the UDP port
     */
    static void CheckNat(const std::vector<Ikev2Payload>& payloads,
                         Ikev2Sa& sa,
                         uint64_t spiR,
                         uint16_t port);

    Ptr<CryptoRandom> m_rng;    ///< nonces and DH values
    Ikev2Proposals m_proposals; ///< what we offer and accept
    uint32_t m_nonceSize;       ///< our nonce size
};

} // namespace ns3

#endif // IKEV2_IKE_SA_INIT_EXCHANGE_H
