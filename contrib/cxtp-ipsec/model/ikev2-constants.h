/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_CONSTANTS_H
#define IKEV2_CONSTANTS_H

#include <cstdint>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The numbers of IKEv2 (RFC 7296 §3 and IANA's "Internet Key Exchange Version 2
 * (IKEv2) Parameters"), named once for every file of the IKEv2 model.
 *
 * Each enumeration holds the wire value of its field, so a value read off the wire converts
 * with a static_cast and an unknown value stays representable (the decoder decides whether it
 * is an error).
 */
struct Ikev2
{
    static constexpr uint8_t VERSION = 0x20;              ///< MjVer 2, MnVer 0 (RFC 7296 §3.1)
    static constexpr uint32_t HEADER_SIZE = 28;           ///< IKE header (RFC 7296 §3.1)
    static constexpr uint32_t PAYLOAD_HEADER = 4;         ///< generic payload header (§3.2)
    static constexpr uint8_t FLAG_INITIATOR = 0x08;       ///< I: sent by the original initiator
    static constexpr uint8_t FLAG_VERSION = 0x10;         ///< V: higher version supported (sent 0)
    static constexpr uint8_t FLAG_RESPONSE = 0x20;        ///< R: a response
    static constexpr uint8_t CRITICAL = 0x80;             ///< C bit of the generic payload header
    static constexpr uint32_t MIN_NONCE = 16;             ///< shortest nonce data (§3.9)
    static constexpr uint32_t MAX_NONCE = 256;            ///< longest nonce data (§3.9)
    static constexpr uint16_t KEY_LENGTH_ATTRIBUTE = 14;  ///< Key Length, TV format (§3.3.5)
    static constexpr uint16_t NOTIFY_ERROR_LIMIT = 16384; ///< notify types below are errors
};

/// Exchange types (RFC 7296 §3.1; RFC 5723 §4.3.1).
enum class Ikev2ExchangeType : uint8_t
{
    IKE_SA_INIT = 34,        ///< §1.2
    IKE_AUTH = 35,           ///< §1.2
    CREATE_CHILD_SA = 36,    ///< §1.3
    INFORMATIONAL = 37,      ///< §1.4
    IKE_SESSION_RESUME = 38, ///< RFC 5723 §4.3.1
};

/// Payload types (RFC 7296 §3.2).
enum class Ikev2PayloadType : uint8_t
{
    NONE = 0,       ///< no next payload
    SA = 33,        ///< Security Association, §3.3
    KE = 34,        ///< Key Exchange, §3.4
    IDI = 35,       ///< Identification - Initiator, §3.5
    IDR = 36,       ///< Identification - Responder, §3.5
    CERT = 37,      ///< Certificate, §3.6
    CERTREQ = 38,   ///< Certificate Request, §3.7
    AUTH = 39,      ///< Authentication, §3.8
    NONCE = 40,     ///< Nonce (Ni, Nr), §3.9
    NOTIFY = 41,    ///< Notify, §3.10
    DELETE = 42,    ///< Delete, §3.11
    VENDOR_ID = 43, ///< Vendor ID, §3.12
    TSI = 44,       ///< Traffic Selector - Initiator, §3.13
    TSR = 45,       ///< Traffic Selector - Responder, §3.13
    SK = 46,        ///< Encrypted and Authenticated, §3.14
    CP = 47,        ///< Configuration, §3.15
    EAP = 48,       ///< Extensible Authentication, §3.16
};

/// Protocol IDs of proposals, notifications and deletes (RFC 7296 §3.3.1).
enum class Ikev2ProtocolId : uint8_t
{
    NONE = 0, ///< notifications about no SA
    IKE = 1,  ///< the IKE SA
    AH = 2,   ///< AH
    ESP = 3,  ///< ESP
};

/// Transform types (RFC 7296 §3.3.2).
enum class Ikev2TransformType : uint8_t
{
    ENCR = 1,  ///< encryption algorithm
    PRF = 2,   ///< pseudorandom function
    INTEG = 3, ///< integrity algorithm
    DH = 4,    ///< Diffie-Hellman group (key exchange method)
    ESN = 5,   ///< extended sequence numbers
};

/// Transform IDs of type ENCR (RFC 7296 §3.3.2; AES-GCM: RFC 5282 §7, RFC 4106 §8.1).
enum class Ikev2EncrId : uint16_t
{
    ENCR_3DES = 3,        ///< 3DES-CBC
    ENCR_NULL = 11,       ///< NULL (ESP only)
    ENCR_AES_CBC = 12,    ///< AES-CBC, Key Length attribute 128/192/256
    ENCR_AES_GCM_16 = 20, ///< AES-GCM with a 16-octet ICV, Key Length attribute
};

/// Transform IDs of type PRF (RFC 7296 §3.3.2; RFC 4868 §4).
enum class Ikev2PrfId : uint16_t
{
    PRF_HMAC_SHA1 = 2,     ///< HMAC-SHA1
    PRF_HMAC_SHA2_256 = 5, ///< HMAC-SHA2-256
    PRF_HMAC_SHA2_384 = 6, ///< HMAC-SHA2-384
    PRF_HMAC_SHA2_512 = 7, ///< HMAC-SHA2-512
};

/// Transform IDs of type INTEG (RFC 7296 §3.3.2; RFC 4868 §4).
enum class Ikev2IntegId : uint16_t
{
    NONE = 0,                    ///< with a combined-mode cipher
    AUTH_HMAC_SHA1_96 = 2,       ///< HMAC-SHA1-96
    AUTH_HMAC_SHA2_256_128 = 12, ///< HMAC-SHA2-256-128
    AUTH_HMAC_SHA2_384_192 = 13, ///< HMAC-SHA2-384-192
    AUTH_HMAC_SHA2_512_256 = 14, ///< HMAC-SHA2-512-256
};

/// Transform IDs of type DH (RFC 7296 §3.3.2; RFC 3526; RFC 5903; RFC 8031).
enum class Ikev2DhId : uint16_t
{
    NONE = 0,        ///< no key exchange (CHILD_SA without PFS)
    MODP_1024 = 2,   ///< RFC 2409 §6.2
    MODP_1536 = 5,   ///< RFC 3526 §2
    MODP_2048 = 14,  ///< RFC 3526 §3
    MODP_3072 = 15,  ///< RFC 3526 §4
    ECP_256 = 19,    ///< RFC 5903 §3.1 (NIST P-256)
    CURVE25519 = 31, ///< RFC 8031
};

/// Transform IDs of type ESN (RFC 7296 §3.3.2).
enum class Ikev2EsnId : uint16_t
{
    NO_ESN = 0, ///< 32-bit sequence numbers
    ESN = 1,    ///< extended sequence numbers
};

/// Identification types (RFC 7296 §3.5).
enum class Ikev2IdType : uint8_t
{
    ID_IPV4_ADDR = 1,   ///< an IPv4 address
    ID_FQDN = 2,        ///< a fully qualified domain name
    ID_RFC822_ADDR = 3, ///< an e-mail address
    ID_IPV6_ADDR = 5,   ///< an IPv6 address
    ID_DER_ASN1_DN = 9, ///< a DER-encoded X.500 distinguished name
    ID_KEY_ID = 11,     ///< an opaque octet string
};

/// Authentication methods of the AUTH payload (RFC 7296 §3.8).
enum class Ikev2AuthMethod : uint8_t
{
    RSA_DIGITAL_SIGNATURE = 1, ///< RSASSA-PKCS1-v1_5 with SHA-1 over the signed octets
    SHARED_KEY_MIC = 2,        ///< the PSK MAC of §2.15
    DSS_DIGITAL_SIGNATURE = 3, ///< DSS with SHA-1
    DIGITAL_SIGNATURE = 14,    ///< RFC 7427 §3: the signature with its AlgorithmIdentifier
};

/// Certificate encodings of CERT and CERTREQ (RFC 7296 §3.6).
enum class Ikev2CertEncoding : uint8_t
{
    X509_SIGNATURE = 4, ///< X.509 Certificate - Signature (DER)
};

/// Traffic selector types (RFC 7296 §3.13.1).
enum class Ikev2TsType : uint8_t
{
    TS_IPV4_ADDR_RANGE = 7, ///< IPv4 start and end addresses
    TS_IPV6_ADDR_RANGE = 8, ///< IPv6 start and end addresses
};

/// Configuration payload types (RFC 7296 §3.15).
enum class Ikev2CfgType : uint8_t
{
    CFG_REQUEST = 1, ///< request
    CFG_REPLY = 2,   ///< reply
    CFG_SET = 3,     ///< set
    CFG_ACK = 4,     ///< acknowledgement
};

/**
 * \brief Notify message types (RFC 7296 §3.10.1; RFC 4555 §4; RFC 5723 §4.3.1). Below 16384 an
 * error, from 16384 on a status; 8192-16383 and 40960-65535 are for private use.
 */
enum class Ikev2NotifyType : uint16_t
{
    UNSUPPORTED_CRITICAL_PAYLOAD = 1,      ///< §3.10.1
    INVALID_IKE_SPI = 4,                   ///< §3.10.1
    INVALID_MAJOR_VERSION = 5,             ///< §3.10.1
    INVALID_SYNTAX = 7,                    ///< §3.10.1
    INVALID_MESSAGE_ID = 9,                ///< §3.10.1
    INVALID_SPI = 11,                      ///< §3.10.1
    NO_PROPOSAL_CHOSEN = 14,               ///< §3.10.1
    INVALID_KE_PAYLOAD = 17,               ///< §3.10.1
    AUTHENTICATION_FAILED = 24,            ///< §3.10.1
    SINGLE_PAIR_REQUIRED = 34,             ///< §3.10.1
    NO_ADDITIONAL_SAS = 35,                ///< §3.10.1
    INTERNAL_ADDRESS_FAILURE = 36,         ///< §3.10.1
    FAILED_CP_REQUIRED = 37,               ///< §3.10.1
    TS_UNACCEPTABLE = 38,                  ///< §3.10.1
    INVALID_SELECTORS = 39,                ///< §3.10.1
    TEMPORARY_FAILURE = 43,                ///< §3.10.1
    CHILD_SA_NOT_FOUND = 44,               ///< §3.10.1
    INITIAL_CONTACT = 16384,               ///< §3.10.1
    SET_WINDOW_SIZE = 16385,               ///< §3.10.1
    ADDITIONAL_TS_POSSIBLE = 16386,        ///< §3.10.1
    IPCOMP_SUPPORTED = 16387,              ///< §3.10.1
    NAT_DETECTION_SOURCE_IP = 16388,       ///< §2.23
    NAT_DETECTION_DESTINATION_IP = 16389,  ///< §2.23
    COOKIE = 16390,                        ///< §2.6
    USE_TRANSPORT_MODE = 16391,            ///< §1.3.1
    HTTP_CERT_LOOKUP_SUPPORTED = 16392,    ///< §3.10.1
    REKEY_SA = 16393,                      ///< §1.3.3
    ESP_TFC_PADDING_NOT_SUPPORTED = 16394, ///< §1.3.1
    NON_FIRST_FRAGMENTS_ALSO = 16395,      ///< §1.3.1
    MOBIKE_SUPPORTED = 16396,              ///< RFC 4555 §4.2.1
    ADDITIONAL_IP4_ADDRESS = 16397,        ///< RFC 4555 §4.2.2
    ADDITIONAL_IP6_ADDRESS = 16398,        ///< RFC 4555 §4.2.2
    NO_ADDITIONAL_ADDRESSES = 16399,       ///< RFC 4555 §4.2.2
    UPDATE_SA_ADDRESSES = 16400,           ///< RFC 4555 §4.2.3
    COOKIE2 = 16401,                       ///< RFC 4555 §4.2.4
    NO_NATS_ALLOWED = 16402,               ///< RFC 4555 §4.2.5
    TICKET_LT_OPAQUE = 16409,              ///< RFC 5723 §4.3.1
    TICKET_REQUEST = 16410,                ///< RFC 5723 §4.3.1
    TICKET_ACK = 16411,                    ///< RFC 5723 §4.3.1
    TICKET_NACK = 16412,                   ///< RFC 5723 §4.3.1
    TICKET_OPAQUE = 16413,                 ///< RFC 5723 §4.3.1
    EAP_ONLY_AUTHENTICATION = 16417,       ///< RFC 5998 §4
};

} // namespace ns3

#endif // IKEV2_CONSTANTS_H
