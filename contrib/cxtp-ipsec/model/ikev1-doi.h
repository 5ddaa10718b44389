/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV1_DOI_H
#define IKEV1_DOI_H

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The ISAKMP and IPsec DOI numbers IKEv1 uses (RFC 2407, RFC 2408, RFC 2409 App. A),
 * named once for every file of the IKEv1 model.
 */
struct Ikev1Doi
{
    // Protocol IDs (RFC 2407 §4.4.1) and the phase-1 transform ID (§4.4.2).
    static constexpr uint8_t PROTO_ISAKMP = 1;    ///< the ISAKMP SA
    static constexpr uint8_t PROTO_IPSEC_ESP = 3; ///< ESP
    static constexpr uint8_t KEY_IKE = 1;         ///< phase-1 transform ID

    // Phase-1 attribute classes (RFC 2409 App. A).
    static constexpr uint16_t P1_ENCRYPTION = 1;     ///< Encryption Algorithm
    static constexpr uint16_t P1_HASH = 2;           ///< Hash Algorithm
    static constexpr uint16_t P1_AUTH_METHOD = 3;    ///< Authentication Method
    static constexpr uint16_t P1_GROUP = 4;          ///< Group Description
    static constexpr uint16_t P1_LIFE_TYPE = 11;     ///< Life Type
    static constexpr uint16_t P1_LIFE_DURATION = 12; ///< Life Duration
    static constexpr uint16_t P1_KEY_LENGTH = 14;    ///< Key Length
    // Phase-1 attribute values (RFC 2409 App. A; AES: RFC 3602 §5.1).
    static constexpr uint16_t P1_ENC_3DES = 5;      ///< 3DES-CBC
    static constexpr uint16_t P1_ENC_AES = 7;       ///< AES-CBC
    static constexpr uint16_t P1_HASH_SHA1 = 2;     ///< SHA
    static constexpr uint16_t P1_HASH_SHA2_256 = 4; ///< SHA2-256
    static constexpr uint16_t P1_AUTH_PSK = 1;      ///< pre-shared key
    static constexpr uint16_t LIFE_SECONDS = 1;     ///< Life Type seconds (both phases)

    // Phase-2 (IPsec DOI) attribute classes (RFC 2407 §4.5).
    static constexpr uint16_t P2_LIFE_TYPE = 1;         ///< SA Life Type
    static constexpr uint16_t P2_LIFE_DURATION = 2;     ///< SA Life Duration
    static constexpr uint16_t P2_GROUP = 3;             ///< Group Description (PFS)
    static constexpr uint16_t P2_ENCAPSULATION = 4;     ///< Encapsulation Mode
    static constexpr uint16_t P2_AUTH_ALGORITHM = 5;    ///< Authentication Algorithm
    static constexpr uint16_t P2_KEY_LENGTH = 6;        ///< Key Length
    static constexpr uint16_t ENCAPSULATION_TUNNEL = 1; ///< Encapsulation Mode tunnel
    static constexpr uint16_t AUTH_HMAC_SHA = 2;        ///< HMAC-SHA (RFC 2407 §4.5)
    static constexpr uint16_t AUTH_HMAC_SHA2_256 = 5;   ///< HMAC-SHA2-256 (IANA)
    // ESP transform IDs (RFC 2407 §4.4.4; AES-GCM: RFC 4106 §8.1).
    static constexpr uint8_t ESP_3DES = 3;        ///< ESP_3DES
    static constexpr uint8_t ESP_AES = 12;        ///< ESP_AES (CBC)
    static constexpr uint8_t ESP_AES_GCM_16 = 20; ///< ESP_AES-GCM with a 16-octet ICV

    // Identification types (RFC 2407 §4.6.2.1).
    static constexpr uint8_t ID_IPV6_ADDR = 5;        ///< one IPv6 address
    static constexpr uint8_t ID_IPV6_ADDR_SUBNET = 6; ///< an IPv6 address and mask

    // Notify message types (RFC 2408 §3.14.1).
    static constexpr uint16_t NOTIFY_NO_PROPOSAL_CHOSEN = 14;    ///< NO-PROPOSAL-CHOSEN
    static constexpr uint16_t NOTIFY_AUTHENTICATION_FAILED = 24; ///< AUTHENTICATION-FAILED
    static constexpr uint16_t NOTIFY_ERROR_LIMIT = 16384;        ///< below: error types

    /// \return the RFC 3706 Dead Peer Detection vendor ID
    static const std::vector<uint8_t>& GetDpdVendorId();
    /**
     * \brief The Diffie-Hellman groups the IKEv1 model negotiates: the MODP groups 1, 2, 5 and
     * 14 (RFC 2409 §6, RFC 3526 §2-3). CryptoDiffieHellman knows more groups, for IKEv2.
     * \param id a Group Description value (RFC 2409 Appendix A)
     * \return true if IKEv1 accepts the group
     */
    static bool IsSupportedGroup(uint16_t id);
};

} // namespace ns3

#endif // IKEV1_DOI_H
