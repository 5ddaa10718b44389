/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV1_MESSAGE_H
#define IKEV1_MESSAGE_H

#include "ike-payload-search.h"
#include "ike-spi-update.h"

#include <cstdint>
#include <variant>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief ISAKMP payload type codes (RFC 2408 §3.1, "Next Payload").
 *
 * 14–127 are reserved, 128–255 private use.
 */
enum class Ikev1PayloadType : uint8_t
{
    NONE = 0,          ///< no (further) payload
    SA = 1,            ///< Security Association (RFC 2408 §3.4)
    PROPOSAL = 2,      ///< Proposal, only inside an SA payload (RFC 2408 §3.5)
    TRANSFORM = 3,     ///< Transform, only inside a Proposal payload (RFC 2408 §3.6)
    KE = 4,            ///< Key Exchange (RFC 2408 §3.7)
    ID = 5,            ///< Identification (RFC 2408 §3.8; RFC 2407 §4.6.2)
    CERT = 6,          ///< Certificate (RFC 2408 §3.9)
    CR = 7,            ///< Certificate Request (RFC 2408 §3.10)
    HASH = 8,          ///< Hash (RFC 2408 §3.11)
    SIG = 9,           ///< Signature (RFC 2408 §3.12)
    NONCE = 10,        ///< Nonce (RFC 2408 §3.13)
    NOTIFICATION = 11, ///< Notification (RFC 2408 §3.14)
    DELETE = 12,       ///< Delete (RFC 2408 §3.15)
    VENDOR_ID = 13,    ///< Vendor ID (RFC 2408 §3.16)
};

/**
 * \ingroup cxtp-ipsec
 * \brief ISAKMP exchange types (RFC 2408 §3.1; Quick Mode from RFC 2409 §5.5).
 *
 * Values not listed may still appear on the wire; the field is stored as its byte value.
 */
enum class Ikev1ExchangeType : uint8_t
{
    NONE = 0,                ///< none
    BASE = 1,                ///< Base (RFC 2408 §4.4)
    IDENTITY_PROTECTION = 2, ///< Identity Protection = Main Mode (RFC 2409 §5)
    AUTHENTICATION_ONLY = 3, ///< Authentication Only (RFC 2408 §4.6)
    AGGRESSIVE = 4,          ///< Aggressive (RFC 2409 §5)
    INFORMATIONAL = 5,       ///< Informational (RFC 2408 §4.8)
    QUICK = 32,              ///< Quick Mode (RFC 2409 §5.5)
    NEW_GROUP = 33,          ///< New Group Mode (RFC 2409 §6)
};

/**
 * \ingroup cxtp-ipsec
 * \brief The fields of the 28-byte ISAKMP header (RFC 2408 §3.1).
 *
 * Plain data: Ikev1Codec::EncodeHeader() writes it as is, so the caller sets nextPayload and
 * length (Ikev1Codec::EncodeMessage() fills both for a clear-text message).
 */
struct Ikev1Header
{
    static constexpr uint32_t SIZE = 28;             ///< header length on the wire
    static constexpr uint8_t VERSION_1_0 = 0x10;     ///< major 1, minor 0 (RFC 2408 §3.1)
    static constexpr uint8_t FLAG_ENCRYPTION = 0x01; ///< E: payloads are encrypted
    static constexpr uint8_t FLAG_COMMIT = 0x02;     ///< C: commit (RFC 2408 §3.1, §4.8)
    static constexpr uint8_t FLAG_AUTH_ONLY = 0x04;  ///< A: authentication only

    uint64_t initiatorCookie{0};  ///< CKY-I (bytes 0–7, network order)
    uint64_t responderCookie{0};  ///< CKY-R (bytes 8–15; zero in the first message)
    uint8_t nextPayload{0};       ///< type of the first payload (Ikev1PayloadType)
    uint8_t version{VERSION_1_0}; ///< major version (high nibble) and minor version (low nibble)
    Ikev1ExchangeType exchangeType{Ikev1ExchangeType::NONE}; ///< exchange type
    uint8_t flags{0};      ///< FLAG_ENCRYPTION | FLAG_COMMIT | FLAG_AUTH_ONLY
    uint32_t messageId{0}; ///< 0 in phase 1, random per phase-2 / informational exchange
    uint32_t length{SIZE}; ///< whole message including header (and encryption padding)

    /// \return true if the E flag is set
    bool IsEncrypted() const;
};

/**
 * \ingroup cxtp-ipsec
 * \brief A data attribute (RFC 2408 §3.3).
 *
 * TV form (AF = 1, 4 bytes): type (15 bits) | 16-bit value. TLV form (AF = 0, 4 + n bytes):
 * type | length n | n value bytes. Basic attributes must be TV; variable ones (life duration,
 * RFC 2407 §4.5; RFC 2409 App. A) may be TV when the value fits 16 bits, which is what racoon
 * does (doc/cxtp-ipsec.rst, Message counts and sizes).
 */
struct Ikev1Attribute
{
    uint16_t type{0};          ///< attribute type, 15 bits (the AF bit is not part of it)
    bool tv{true};             ///< true: TV (AF = 1); false: TLV (AF = 0)
    uint16_t value{0};         ///< the value of a TV attribute
    std::vector<uint8_t> data; ///< the value of a TLV attribute

    /**
     * \brief A basic (TV) attribute.
     * \param type the attribute type (< 0x8000)
     * \param value the value
     * \return the attribute
     */
    static Ikev1Attribute Basic(uint16_t type, uint16_t value);

    /**
     * \brief A variable attribute the way racoon writes it: TV if the value fits 16 bits, else
     * TLV with a 4-byte big-endian value (racoon's isakmp_set_attr_l()).
     * \param type the attribute type (< 0x8000)
     * \param value the value
     * \return the attribute
     */
    static Ikev1Attribute Variable(uint16_t type, uint32_t value);

    /**
     * \brief The value as an integer: the TV value, or a TLV value of 1 to 8 big-endian bytes.
     * \param [out] out the value
     * \return false for a TLV value that is empty or longer than 8 bytes
     */
    bool GetInteger(uint64_t& out) const;

    /// \return the size on the wire: 4 (TV) or 4 + data.size() (TLV)
    uint32_t GetSerializedSize() const;
};

/**
 * \ingroup cxtp-ipsec
 * \brief A Transform payload (RFC 2408 §3.6): number, transform ID and SA attributes.
 */
struct Ikev1Transform
{
    uint8_t number{1};                      ///< Transform #
    uint8_t id{0};                          ///< Transform-ID (KEY_IKE = 1; ESP_3DES = 3, …)
    std::vector<Ikev1Attribute> attributes; ///< SA attributes, in wire order
};

/**
 * \ingroup cxtp-ipsec
 * \brief A Proposal payload (RFC 2408 §3.5): number, protocol, SPI and transforms.
 */
struct Ikev1Proposal
{
    uint8_t number{1};        ///< Proposal #
    uint8_t protocolId{1};    ///< PROTO_ISAKMP = 1, AH = 2, ESP = 3 (RFC 2407 §4.4.1)
    std::vector<uint8_t> spi; ///< SPI (empty in phase 1; 4 bytes for ESP)
    std::vector<Ikev1Transform> transforms; ///< transforms; their count is "# of Transforms"
};

/**
 * \ingroup cxtp-ipsec
 * \brief Security Association payload (RFC 2408 §3.4; IPsec DOI situation, RFC 2407 §4.6.1).
 */
struct Ikev1SaPayload
{
    static constexpr uint32_t DOI_IPSEC = 1;         ///< IPsec DOI (RFC 2407 §4.2)
    static constexpr uint32_t SIT_IDENTITY_ONLY = 1; ///< situation bit (RFC 2407 §4.2.1)

    uint32_t doi{DOI_IPSEC};               ///< Domain of Interpretation
    uint32_t situation{SIT_IDENTITY_ONLY}; ///< situation (4 bytes in the IPsec DOI)
    std::vector<Ikev1Proposal> proposals;  ///< proposals, in wire order
};

/**
 * \ingroup cxtp-ipsec
 * \brief Key Exchange payload (RFC 2408 §3.7): the DH public value.
 */
struct Ikev1KePayload
{
    std::vector<uint8_t> data; ///< key exchange data (MODP-1024: 128 bytes)
};

/**
 * \ingroup cxtp-ipsec
 * \brief Identification payload in the IPsec DOI (RFC 2408 §3.8; RFC 2407 §4.6.2).
 */
struct Ikev1IdPayload
{
    uint8_t idType{0};         ///< ID type (5 = ID_IPV6_ADDR, 6 = ID_IPV6_ADDR_SUBNET, …)
    uint8_t protocolId{0};     ///< IP protocol (0 or UDP 17 in phase 1)
    uint16_t port{0};          ///< port (0 or 500 in phase 1)
    std::vector<uint8_t> data; ///< identification data
};

/**
 * \ingroup cxtp-ipsec
 * \brief Hash payload (RFC 2408 §3.11).
 */
struct Ikev1HashPayload
{
    std::vector<uint8_t> data; ///< hash (SHA-1: 20 bytes)
};

/**
 * \ingroup cxtp-ipsec
 * \brief Nonce payload (RFC 2408 §3.13; 8–256 bytes by RFC 2409 §5).
 */
struct Ikev1NoncePayload
{
    std::vector<uint8_t> data; ///< nonce (racoon: 16 bytes)
};

/**
 * \ingroup cxtp-ipsec
 * \brief Notification payload (RFC 2408 §3.14; status types RFC 2407 §4.6.3).
 */
struct Ikev1NotifyPayload
{
    static constexpr uint16_t INITIAL_CONTACT = 24578; ///< RFC 2407 §4.6.3.3
    static constexpr uint16_t R_U_THERE = 36136;       ///< DPD, RFC 3706
    static constexpr uint16_t R_U_THERE_ACK = 36137;   ///< DPD, RFC 3706
    /// Local, private-use status range (RFC 2408 §3.14.1: 40960-65535): a gateway that took
    /// over an ISAKMP SA by context transfer changed SPIs; data = IkeSpiUpdate entries.
    static constexpr uint16_t UPDATE_SPI = 40961;
    /// Local, private use: the peer applied an UPDATE_SPI; data = the same entries, echoed.
    static constexpr uint16_t UPDATE_SPI_ACK = 40962;

    uint32_t doi{Ikev1SaPayload::DOI_IPSEC}; ///< Domain of Interpretation
    uint8_t protocolId{1};                   ///< protocol ID (PROTO_ISAKMP = 1)
    uint16_t type{0};                        ///< Notify Message Type
    std::vector<uint8_t> spi;                ///< SPI (ISAKMP: both cookies, 16 bytes)
    std::vector<uint8_t> data;               ///< notification data
};

/**
 * \ingroup cxtp-ipsec
 * \brief Delete payload (RFC 2408 §3.15): several SPIs of one size.
 */
struct Ikev1DeletePayload
{
    uint32_t doi{Ikev1SaPayload::DOI_IPSEC}; ///< Domain of Interpretation
    uint8_t protocolId{3};                   ///< protocol ID (ESP = 3)
    uint8_t spiSize{4};                      ///< size of each SPI
    std::vector<std::vector<uint8_t>> spis;  ///< SPIs, each spiSize bytes
};

/**
 * \ingroup cxtp-ipsec
 * \brief Vendor ID payload (RFC 2408 §3.16), e.g. the DPD VID of RFC 3706.
 */
struct Ikev1VendorIdPayload
{
    std::vector<uint8_t> data; ///< vendor ID (usually a 16-byte MD5 hash)
};

/**
 * \ingroup cxtp-ipsec
 * \brief A payload carried opaquely: CERT, CR, SIG (RFC 2408 §3.9, §3.10, §3.12) and the
 * private-use types 128–255.
 */
struct Ikev1OpaquePayload
{
    uint8_t type{0};           ///< the payload type code
    std::vector<uint8_t> data; ///< the bytes after the generic payload header
};

/**
 * \ingroup cxtp-ipsec
 * \brief Any payload that may appear in an ISAKMP payload chain.
 */
using Ikev1Payload = std::variant<Ikev1SaPayload,
                                  Ikev1KePayload,
                                  Ikev1IdPayload,
                                  Ikev1HashPayload,
                                  Ikev1NoncePayload,
                                  Ikev1NotifyPayload,
                                  Ikev1DeletePayload,
                                  Ikev1VendorIdPayload,
                                  Ikev1OpaquePayload>;

/**
 * \ingroup cxtp-ipsec
 * \param payload a payload
 * \return its payload type code (RFC 2408 §3.1)
 */
uint8_t GetIkev1PayloadType(const Ikev1Payload& payload);

/**
 * \ingroup cxtp-ipsec
 * \brief A clear-text IKEv1 message: header fields and the ordered payload chain.
 *
 * header.nextPayload and header.length are derived by Ikev1Codec::EncodeMessage().
 */
struct Ikev1Message
{
    Ikev1Header header;                 ///< ISAKMP header fields
    std::vector<Ikev1Payload> payloads; ///< payloads in wire order
};

} // namespace ns3

#endif // IKEV1_MESSAGE_H
