/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV1_SA_H
#define IKEV1_SA_H

#include "crypto-mac.h"
#include "ikev1-message.h"
#include "ipsec-algorithm.h"
#include "ipsec-security-association.h"

#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

/// \ingroup cxtp-ipsec
/// Which end of an exchange a daemon plays.
enum class Ikev1Role : uint8_t
{
    INITIATOR,
    RESPONDER,
};

/**
 * \ingroup cxtp-ipsec
 * \brief States of an IKEv1 phase-1 (ISAKMP) SA and of a quick-mode exchange (RFC 2409 §5,
 * §5.5), named after the last message sent, as racoon does.
 */
enum class Ikev1State : uint8_t
{
    IDLE,        ///< created, nothing sent
    MM_SENT_1,   ///< initiator sent MM1 (SA), waits for MM2
    MM_SENT_2,   ///< responder sent MM2 (SA), waits for MM3
    MM_SENT_3,   ///< initiator sent MM3 (KE, Ni), waits for MM4
    MM_SENT_4,   ///< responder sent MM4 (KE, Nr), waits for MM5
    MM_SENT_5,   ///< initiator sent MM5 (IDii, HASH_I), waits for MM6
    AM_SENT_1,   ///< initiator sent AM1, waits for AM2
    AM_SENT_2,   ///< responder sent AM2, waits for AM3
    ESTABLISHED, ///< phase 1 done (or quick mode: SAs installed)
    QM_SENT_1,   ///< quick-mode initiator sent QM1, waits for QM2
    QM_SENT_2,   ///< quick-mode responder sent QM2, waits for QM3
    FAILED,      ///< negotiation failed (authentication, proposal, retransmissions)
};

/// \return the state's name, e.g. "MM_SENT_3"
std::string ToString(Ikev1State state);

/**
 * \ingroup cxtp-ipsec
 * \brief One quick-mode exchange (RFC 2409 §5.5): the phase-2 negotiation of an ESP SA pair.
 */
struct Ikev1QuickMode
{
    uint32_t messageId{0};                ///< M-ID of the exchange
    Ikev1Role role{Ikev1Role::INITIATOR}; ///< our role in it
    Ikev1State state{Ikev1State::IDLE};   ///< QM_SENT_1, QM_SENT_2, ESTABLISHED
    std::vector<uint8_t> iv;              ///< CBC IV for the next message (chained)
    std::vector<uint8_t> ni;              ///< Ni_b
    std::vector<uint8_t> nr;              ///< Nr_b
    uint16_t pfsGroup{0};                 ///< PFS DH group, 0 = no PFS
    std::vector<uint8_t> dhPrivate;       ///< PFS: our private value
    std::vector<uint8_t> dhPublic;        ///< PFS: our public value
    std::vector<uint8_t> gxy;             ///< PFS: g(qm)^xy
    uint32_t inboundSpi{0};               ///< the SPI we chose (the peer sends to it)
    uint32_t outboundSpi{0};              ///< the SPI the peer chose
    uint32_t outPolicyId{0};              ///< our outbound PROTECT rule
    uint32_t inPolicyId{0};               ///< our inbound PROTECT rule
    IpsecEncryption encryption{IpsecEncryption::TDES_CBC};  ///< ESP cipher
    IpsecIntegrity integrity{IpsecIntegrity::HMAC_SHA1_96}; ///< ESP integrity
    Time lifetime{Seconds(28800)};                          ///< SA lifetime
    Time started{0};                                        ///< when the exchange started
};

/**
 * \ingroup cxtp-ipsec
 * \brief An IKEv1 ISAKMP SA (phase 1, RFC 2409 §5) with the state that outlives the
 * negotiation: cookies, negotiated transforms, SKEYID_d/a/e, the phase-1 CBC state, and the
 * quick-mode exchanges under way. This is the IKE context a gateway transfers.
 */
struct Ikev1Sa
{
    uint64_t initiatorCookie{0};                                        ///< CKY-I
    uint64_t responderCookie{0};                                        ///< CKY-R
    Ikev1Role role{Ikev1Role::INITIATOR};                               ///< our role in phase 1
    Ikev1State state{Ikev1State::IDLE};                                 ///< phase-1 state
    Ikev1ExchangeType exchange{Ikev1ExchangeType::IDENTITY_PROTECTION}; ///< main or aggressive
    Ipv6Address local;                                                  ///< our address
    Ipv6Address peer;                                                   ///< the peer's address
    IpsecEncryption encryption{IpsecEncryption::TDES_CBC};              ///< phase-1 cipher
    CryptoHash hash{CryptoHash::SHA1};                                  ///< phase-1 hash and PRF
    uint16_t dhGroup{2};                                                ///< phase-1 DH group
    Time lifetime{Seconds(28800)};                                      ///< phase-1 lifetime
    std::vector<uint8_t> dhPrivate;                                     ///< our DH private value
    std::vector<uint8_t> dhPublic;                                      ///< g^x of ours
    std::vector<uint8_t> peerPublic;                                    ///< g^x of the peer
    std::vector<uint8_t> gxy;                                           ///< DH shared secret
    std::vector<uint8_t> ni;                                            ///< Ni_b
    std::vector<uint8_t> nr;                                            ///< Nr_b
    std::vector<uint8_t> saiB;                     ///< initiator's SA payload body
    std::vector<uint8_t> skeyid;                   ///< SKEYID
    std::vector<uint8_t> skeyidD;                  ///< SKEYID_d
    std::vector<uint8_t> skeyidA;                  ///< SKEYID_a
    std::vector<uint8_t> skeyidE;                  ///< SKEYID_e
    std::vector<uint8_t> encryptionKey;            ///< phase-1 cipher key (expanded SKEYID_e)
    std::vector<uint8_t> iv;                       ///< phase-1 CBC state: the last block
    Time started{0};                               ///< when phase 1 started
    Time established{0};                           ///< when phase 1 completed
    std::map<uint32_t, Ikev1QuickMode> quickModes; ///< phase-2 exchanges under way or done
    /// How many informational M-IDs an SA remembers (and a context carries).
    static constexpr uint32_t MAX_INFORMATIONAL_IDS = 16;

    /// M-IDs of the last informational exchanges sent or received, oldest first (at most
    /// MAX_INFORMATIONAL_IDS: the record stays bounded however often the SA moves)
    std::vector<uint32_t> informationalIds;
    bool initialContact{false}; ///< INITIAL-CONTACT was sent or received on this SA

    /**
     * \brief Records an informational M-ID as used, forgetting the oldest beyond
     * MAX_INFORMATIONAL_IDS.
     * \param messageId the M-ID
     */
    void NoteInformationalId(uint32_t messageId);
    /// \return CKY-I | CKY-R, the ISAKMP SA's "SPI" (RFC 2408 §3.14, §3.15)
    std::vector<uint8_t> GetCookiePair() const;
    /**
     * \param messageId an M-ID
     * \return true if a quick mode or a remembered informational exchange uses it
     */
    bool IsMessageIdInUse(uint32_t messageId) const;
};

} // namespace ns3

#endif // IKEV1_SA_H
