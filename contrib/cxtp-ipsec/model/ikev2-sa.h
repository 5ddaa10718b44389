/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_SA_H
#define IKEV2_SA_H

#include "ikev2-constants.h"
#include "ikev2-key-derivation.h"
#include "ikev2-message.h"
#include "ikev2-proposals.h"
#include "ikev2-protection.h"
#include "ipsec-algorithm.h"

#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief States of an IKEv2 SA (RFC 7296 §1.2-1.4), named after what it waits for.
 */
enum class Ikev2State : uint8_t
{
    IDLE,          ///< created, nothing sent
    INIT_SENT,     ///< initiator: IKE_SA_INIT request sent, waits for the response
    INIT_ANSWERED, ///< responder: IKE_SA_INIT answered, waits for IKE_AUTH (half-open)
    AUTH_SENT,     ///< initiator: IKE_AUTH request sent, waits for the response
    ESTABLISHED,   ///< authenticated; CHILD_SAs, rekeys and informational exchanges run on it
    REKEYED,       ///< replaced by a rekeyed IKE SA (§2.18), to be deleted
    DELETING,      ///< our DELETE of the IKE SA sent, waits for the response
    DELETED,       ///< deleted by an INFORMATIONAL exchange, to be removed
    FAILED,        ///< negotiation failed (authentication, proposals, retransmissions)
};

/// \return the state's name, e.g. "INIT_SENT"
std::string ToString(Ikev2State state);

/**
 * \ingroup cxtp-ipsec
 * \brief A CHILD_SA (RFC 7296 §1.3, §2.17): the pair of ESP SAs negotiated on an IKE SA, with
 * what its rekey and deletion need.
 */
struct Ikev2ChildSa
{
    uint32_t inboundSpi{0};                ///< the SPI we chose (the peer sends to it)
    uint32_t outboundSpi{0};               ///< the SPI the peer chose
    Ikev2EspChoice algorithms;             ///< the negotiated transforms (dh: the PFS group used)
    bool transportMode{false};             ///< USE_TRANSPORT_MODE agreed (§1.3.1)
    std::vector<Ikev2TrafficSelector> tsi; ///< narrowed initiator traffic selectors (§2.9)
    std::vector<Ikev2TrafficSelector> tsr; ///< narrowed responder traffic selectors (§2.9)
    uint32_t outPolicyId{0};               ///< our outbound PROTECT rule
    uint32_t inPolicyId{0};                ///< our inbound PROTECT rule
    Time lifetime{Seconds(3600)};          ///< hard lifetime of its SAs
    Time established{0};                   ///< when it was installed
};

/**
 * \ingroup cxtp-ipsec
 * \brief An IKEv2 SA with the state that outlives its exchanges (RFC 7296 §2.1-2.3, §2.14):
 * SPIs, the negotiated transforms, the SK_* keys, the message IDs and window of both
 * directions, the identities, and its CHILD_SAs. This is the IKE context a gateway transfers.
 *
 * The message-ID counters are per direction (§2.2): nextRequestId is the ID of our next
 * request, nextExpectedId the ID of the peer's next request; with a window of 1 (§2.3) one
 * request of each side may be outstanding. The messages of the exchange under way live with the
 * daemon (its retransmission and answer cache); the IKE_SA_INIT messages stay here until both
 * AUTH payloads are checked (§2.15).
 */
struct Ikev2Sa
{
    uint64_t spiI{0};                   ///< IKE SA initiator's SPI
    uint64_t spiR{0};                   ///< IKE SA responder's SPI (0 until IKE_SA_INIT answered)
    bool originalInitiator{true};       ///< we sent the first IKE_SA_INIT (the I flag, §3.1)
    Ikev2State state{Ikev2State::IDLE}; ///< where the SA stands
    Ipv6Address local;                  ///< our address
    Ipv6Address peer;                   ///< the peer's address
    uint16_t peerPort{500};             ///< 500, or 4500 once NAT-T or MOBIKE moved (§2.23)

    Ikev2IkeChoice algorithms;         ///< the negotiated IKE transforms
    Ikev2IkeKeys keys;                 ///< SK_d, SK_ai/ar, SK_ei/er, SK_pi/pr
    std::vector<uint8_t> ni;           ///< the initiator's nonce (Nonce payload data)
    std::vector<uint8_t> nr;           ///< the responder's nonce
    std::vector<uint8_t> dhPrivate;    ///< our key exchange private value (until the keys exist)
    std::vector<uint8_t> dhPublic;     ///< our key exchange public value
    std::vector<uint8_t> cookie;       ///< the responder's COOKIE to echo (§2.6), if any
    std::vector<uint8_t> initRequest;  ///< the IKE_SA_INIT request as sent (signed octets)
    std::vector<uint8_t> initResponse; ///< the IKE_SA_INIT response as sent

    uint32_t nextRequestId{0};  ///< message ID of our next request (§2.2)
    uint32_t nextExpectedId{0}; ///< message ID of the peer's next request
    uint32_t window{1};         ///< the peer's window (SET_WINDOW_SIZE, §2.3)

    Ikev2IdPayload localId; ///< our identity (IDi or IDr)
    Ikev2IdPayload peerId;  ///< the peer's authenticated identity
    Ikev2AuthMethod authMethod{Ikev2AuthMethod::SHARED_KEY_MIC}; ///< how we authenticate
    bool initialContact{false}; ///< INITIAL_CONTACT sent or received (§2.4)
    bool eapOnly{false};        ///< RFC 5998: the responder's only AUTH is the final, MSK-keyed one
    bool mobike{false};         ///< MOBIKE_SUPPORTED both ways (RFC 4555 §4.2.1)
    bool natLocal{false};       ///< we are behind a NAT (§2.23)
    bool natPeer{false};        ///< the peer is behind a NAT

    Time lifetime{Seconds(14400)};             ///< when the IKE SA is rekeyed or deleted
    Time started{0};                           ///< when the first exchange began
    Time established{0};                       ///< when IKE_AUTH completed
    std::map<uint32_t, Ikev2ChildSa> children; ///< CHILD_SAs by our inbound SPI

    /// \return SPIi | SPIr in wire order, the 16 octets that name the IKE SA (§3.1)
    std::vector<uint8_t> GetSpiPair() const;
    /**
     * \param type the exchange
     * \param response whether the message is a response
     * \param messageId its message ID
     * \return the header of a message of this SA: both SPIs (SPIr 0 until known), the I flag
     *         when we are the original initiator, the R flag for a response (§3.1)
     */
    Ikev2Header MakeHeader(Ikev2ExchangeType type, bool response, uint32_t messageId) const;
    /**
     * \param type the exchange
     * \param response whether a response
     * \param messageId its message ID
     * \param notify the one payload
     * \return a message of this SA whose SK payload holds one notification (§3.10), SK open
     */
    Ikev2Message MakeNotifyMessage(Ikev2ExchangeType type,
                                   bool response,
                                   uint32_t messageId,
                                   Ikev2NotifyPayload notify) const;
    /// \return our SPI: SPIi when we are the original initiator, else SPIr
    uint64_t GetLocalSpi() const;
    /**
     * \param initiatorSide true for the keys of the original initiator's messages
     * \return the SK payload keys of that side: SK_ei and SK_ai, or SK_er and SK_ar (§2.14)
     */
    Ikev2SkKeys GetSkKeys(bool initiatorSide) const;
    /**
     * \brief The ESP keys of a CHILD_SA of this IKE SA (RFC 7296 §2.17): KEYMAT = prf+(SK_d,
     * Ni | Nr), or prf+(SK_d, g^ir (new) | Ni | Nr) with PFS, with this SA's PRF and SK_d.
     * \param esp the CHILD_SA's transforms
     * \param gir the CREATE_CHILD_SA exchange's shared secret, or empty without PFS
     * \param ni the exchange initiator's nonce (IKE_AUTH: that of IKE_SA_INIT)
     * \param nr the exchange responder's nonce
     * \param [out] childKeys the keys, the exchange initiator's outbound SA first
     * \return false if ESP has no such transforms or the PRF is not supported
     */
    bool DeriveChildKeys(const Ikev2EspChoice& esp,
                         const std::vector<uint8_t>& gir,
                         const std::vector<uint8_t>& ni,
                         const std::vector<uint8_t>& nr,
                         Ikev2ChildKeys& childKeys) const;
};

} // namespace ns3

#endif // IKEV2_SA_H
