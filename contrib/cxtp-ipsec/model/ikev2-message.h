/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_MESSAGE_H
#define IKEV2_MESSAGE_H

#include "ike-payload-search.h"
#include "ikev2-constants.h"

#include "ns3/ipv4-address.h"
#include "ns3/ipv6-address.h"

#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The fields of the 28-octet IKE header (RFC 7296 §3.1).
 *
 * Plain data. Ikev2Codec::EncodeHeader() writes it as it is; Ikev2Codec::EncodeMessage() and
 * Ikev2Protection derive nextPayload and length from the payloads.
 */
struct Ikev2Header
{
    uint64_t initiatorSpi{0}; ///< IKE SA Initiator's SPI (octets 0-7, network order)
    uint64_t responderSpi{0}; ///< IKE SA Responder's SPI (octets 8-15; 0 in the first request)
    Ikev2PayloadType nextPayload{Ikev2PayloadType::NONE}; ///< type of the first payload
    uint8_t version{Ikev2::VERSION}; ///< MjVer (high nibble) and MnVer (low nibble)
    Ikev2ExchangeType exchangeType{Ikev2ExchangeType::IKE_SA_INIT}; ///< exchange type
    bool initiator{false};               ///< I flag: sent by the original initiator of the IKE SA
    bool higherVersion{false};           ///< V flag: a higher major version is supported (sent 0)
    bool response{false};                ///< R flag: this message is a response
    uint32_t messageId{0};               ///< Message ID (§2.2)
    uint32_t length{Ikev2::HEADER_SIZE}; ///< length of the whole message, header included

    /// \return the Flags octet: I, V and R; the other bits 0 (RFC 7296 §3.1)
    uint8_t GetFlags() const;
    /**
     * \brief Sets I, V and R from a Flags octet; the other bits are ignored (RFC 7296 §3.1).
     * \param flags the Flags octet
     */
    void SetFlags(uint8_t flags);
    /// \return the major version (2 for IKEv2)
    uint8_t GetMajorVersion() const;
};

/**
 * \ingroup cxtp-ipsec
 * \brief A transform attribute (RFC 7296 §3.3.5): TV (AF = 1, 2-octet value) or TLV (AF = 0).
 *
 * IKEv2 defines one attribute, Key Length (type 14, TV), in bits.
 */
struct Ikev2Attribute
{
    uint16_t type{Ikev2::KEY_LENGTH_ATTRIBUTE}; ///< attribute type, 15 bits (AF not included)
    bool tv{true};                              ///< true: TV format (AF = 1); false: TLV
    uint16_t value{0};                          ///< the value of a TV attribute
    std::vector<uint8_t> data;                  ///< the value of a TLV attribute

    /**
     * \param bits the key length in bits
     * \return the Key Length attribute (RFC 7296 §3.3.5)
     */
    static Ikev2Attribute KeyLength(uint16_t bits);
    /// \return the size on the wire: 4 (TV) or 4 + data.size() (TLV)
    uint32_t GetSerializedSize() const;
};

/**
 * \ingroup cxtp-ipsec
 * \brief A Transform substructure (RFC 7296 §3.3.2): type, ID and attributes.
 */
struct Ikev2Transform
{
    Ikev2TransformType type{Ikev2TransformType::ENCR}; ///< Transform Type
    uint16_t id{0};                                    ///< Transform ID (an Ikev2*Id value)
    std::vector<Ikev2Attribute> attributes;            ///< attributes, in wire order

    /**
     * \param id the encryption algorithm
     * \param keyLength the Key Length attribute in bits, or 0 for none (3DES)
     * \return an ENCR transform
     */
    static Ikev2Transform Encr(Ikev2EncrId id, uint16_t keyLength = 0);
    /// \param id the PRF \return a PRF transform
    static Ikev2Transform Prf(Ikev2PrfId id);
    /// \param id the integrity algorithm \return an INTEG transform
    static Ikev2Transform Integ(Ikev2IntegId id);
    /// \param id the Diffie-Hellman group \return a DH transform
    static Ikev2Transform Dh(Ikev2DhId id);
    /// \param id with or without ESN \return an ESN transform
    static Ikev2Transform Esn(Ikev2EsnId id);
    /// \return the value of the first Key Length attribute, or 0 if there is none
    uint16_t GetKeyLength() const;
    /// \return the size on the wire (8 + attributes)
    uint32_t GetSerializedSize() const;
};

/**
 * \ingroup cxtp-ipsec
 * \brief A Proposal substructure (RFC 7296 §3.3.1).
 */
struct Ikev2Proposal
{
    uint8_t number{1};                                ///< Proposal Num (first is 1)
    Ikev2ProtocolId protocolId{Ikev2ProtocolId::IKE}; ///< IKE, AH or ESP
    std::vector<uint8_t> spi;                         ///< SPI (IKE: empty or 8; ESP/AH: 4)
    std::vector<Ikev2Transform> transforms;           ///< transforms, in wire order

    /// \return the size on the wire (8 + SPI + transforms)
    uint32_t GetSerializedSize() const;
};

/**
 * \ingroup cxtp-ipsec
 * \brief Security Association payload (RFC 7296 §3.3).
 */
struct Ikev2SaPayload
{
    std::vector<Ikev2Proposal> proposals; ///< one or more proposals, in wire order
    bool critical{false};                 ///< C bit of the generic payload header
};

/**
 * \ingroup cxtp-ipsec
 * \brief Key Exchange payload (RFC 7296 §3.4).
 */
struct Ikev2KePayload
{
    Ikev2DhId group{Ikev2DhId::MODP_2048}; ///< Diffie-Hellman Group Num
    std::vector<uint8_t> data;             ///< Key Exchange Data (the public value)
    bool critical{false};                  ///< C bit of the generic payload header
};

/**
 * \ingroup cxtp-ipsec
 * \brief The body of an Identification payload (RFC 7296 §3.5); see Ikev2IdiPayload and
 * Ikev2IdrPayload.
 */
struct Ikev2IdPayload
{
    Ikev2IdType idType{Ikev2IdType::ID_IPV6_ADDR}; ///< ID Type
    std::vector<uint8_t> data;                     ///< Identification Data
    bool critical{false};                          ///< C bit of the generic payload header
};

/// \ingroup cxtp-ipsec
/// \brief Identification - Initiator payload, IDi (RFC 7296 §3.5, type 35).
struct Ikev2IdiPayload : Ikev2IdPayload
{
};

/// \ingroup cxtp-ipsec
/// \brief Identification - Responder payload, IDr (RFC 7296 §3.5, type 36).
struct Ikev2IdrPayload : Ikev2IdPayload
{
};

/**
 * \ingroup cxtp-ipsec
 * \brief Certificate payload (RFC 7296 §3.6).
 */
struct Ikev2CertPayload
{
    Ikev2CertEncoding encoding{Ikev2CertEncoding::X509_SIGNATURE}; ///< Cert Encoding
    std::vector<uint8_t> data;                                     ///< Certificate Data
    bool critical{false}; ///< C bit of the generic payload header
};

/**
 * \ingroup cxtp-ipsec
 * \brief Certificate Request payload (RFC 7296 §3.7).
 */
struct Ikev2CertReqPayload
{
    Ikev2CertEncoding encoding{Ikev2CertEncoding::X509_SIGNATURE}; ///< Cert Encoding
    std::vector<uint8_t> data; ///< Certification Authority: concatenated SHA-1 key hashes
    bool critical{false};      ///< C bit of the generic payload header
};

/**
 * \ingroup cxtp-ipsec
 * \brief Authentication payload (RFC 7296 §3.8).
 */
struct Ikev2AuthPayload
{
    Ikev2AuthMethod method{Ikev2AuthMethod::SHARED_KEY_MIC}; ///< Auth Method
    std::vector<uint8_t> data;                               ///< Authentication Data
    bool critical{false}; ///< C bit of the generic payload header
};

/**
 * \ingroup cxtp-ipsec
 * \brief Nonce payload, Ni or Nr (RFC 7296 §3.9): 16 to 256 octets.
 */
struct Ikev2NoncePayload
{
    std::vector<uint8_t> data; ///< Nonce Data
    bool critical{false};      ///< C bit of the generic payload header
};

/**
 * \ingroup cxtp-ipsec
 * \brief Notify payload (RFC 7296 §3.10).
 */
struct Ikev2NotifyPayload
{
    Ikev2ProtocolId protocolId{Ikev2ProtocolId::NONE};      ///< SA the notification is about
    std::vector<uint8_t> spi;                               ///< SPI (usually empty)
    Ikev2NotifyType type{Ikev2NotifyType::INITIAL_CONTACT}; ///< Notify Message Type
    std::vector<uint8_t> data;                              ///< Notification Data
    bool critical{false};                                   ///< C bit of the generic payload header

    /// \return true for an error type (below 16384, RFC 7296 §3.10.1)
    bool IsError() const;
};

/**
 * \ingroup cxtp-ipsec
 * \brief Delete payload (RFC 7296 §3.11): SPIs of one protocol, all spiSize octets long.
 *
 * Deleting the IKE SA: protocol IKE, SPI size 0, no SPI.
 */
struct Ikev2DeletePayload
{
    Ikev2ProtocolId protocolId{Ikev2ProtocolId::ESP}; ///< Protocol ID
    uint8_t spiSize{4};                               ///< SPI Size (IKE: 0; ESP/AH: 4)
    std::vector<std::vector<uint8_t>> spis;           ///< SPIs, each spiSize octets
    bool critical{false};                             ///< C bit of the generic payload header
};

/**
 * \ingroup cxtp-ipsec
 * \brief Vendor ID payload (RFC 7296 §3.12).
 */
struct Ikev2VendorIdPayload
{
    std::vector<uint8_t> data; ///< Vendor ID
    bool critical{false};      ///< C bit of the generic payload header
};

/**
 * \ingroup cxtp-ipsec
 * \brief One traffic selector (RFC 7296 §3.13.1): 16 octets for an IPv4 range, 40 for IPv6.
 */
struct Ikev2TrafficSelector
{
    Ikev2TsType type{Ikev2TsType::TS_IPV6_ADDR_RANGE}; ///< TS Type
    uint8_t ipProtocol{0};                             ///< IP Protocol ID (0: any)
    uint16_t startPort{0};                             ///< Start Port
    uint16_t endPort{65535};                           ///< End Port
    std::vector<uint8_t> startAddress;                 ///< Starting Address (4 or 16 octets)
    std::vector<uint8_t> endAddress;                   ///< Ending Address (4 or 16 octets)

    /**
     * \param start the first address of the range
     * \param end the last address of the range
     * \param ipProtocol the IP protocol, 0 for any
     * \param startPort the first port
     * \param endPort the last port
     * \return a TS_IPV6_ADDR_RANGE selector
     */
    static Ikev2TrafficSelector Ipv6Range(const Ipv6Address& start,
                                          const Ipv6Address& end,
                                          uint8_t ipProtocol = 0,
                                          uint16_t startPort = 0,
                                          uint16_t endPort = 65535);
    /**
     * \param start the first address of the range
     * \param end the last address of the range
     * \param ipProtocol the IP protocol, 0 for any
     * \param startPort the first port
     * \param endPort the last port
     * \return a TS_IPV4_ADDR_RANGE selector
     */
    static Ikev2TrafficSelector Ipv4Range(const Ipv4Address& start,
                                          const Ipv4Address& end,
                                          uint8_t ipProtocol = 0,
                                          uint16_t startPort = 0,
                                          uint16_t endPort = 65535);
    /// \return the Selector Length: 8 + the two addresses
    uint32_t GetSerializedSize() const;
};

/**
 * \ingroup cxtp-ipsec
 * \brief The body of a Traffic Selector payload (RFC 7296 §3.13); see Ikev2TsiPayload and
 * Ikev2TsrPayload.
 */
struct Ikev2TsPayload
{
    std::vector<Ikev2TrafficSelector> selectors; ///< the selectors, in wire order
    bool critical{false};                        ///< C bit of the generic payload header
};

/// \ingroup cxtp-ipsec
/// \brief Traffic Selector - Initiator payload, TSi (RFC 7296 §3.13, type 44).
struct Ikev2TsiPayload : Ikev2TsPayload
{
};

/// \ingroup cxtp-ipsec
/// \brief Traffic Selector - Responder payload, TSr (RFC 7296 §3.13, type 45).
struct Ikev2TsrPayload : Ikev2TsPayload
{
};

/**
 * \ingroup cxtp-ipsec
 * \brief A configuration attribute (RFC 7296 §3.15.1): 15-bit type, length and value.
 */
struct Ikev2CpAttribute
{
    uint16_t type{0};           ///< Attribute Type (15 bits; the R bit is written 0)
    std::vector<uint8_t> value; ///< Value (empty in a request for any value)
};

/**
 * \ingroup cxtp-ipsec
 * \brief Configuration payload (RFC 7296 §3.15).
 */
struct Ikev2CpPayload
{
    Ikev2CfgType cfgType{Ikev2CfgType::CFG_REQUEST}; ///< CFG Type
    std::vector<Ikev2CpAttribute> attributes;        ///< attributes, in wire order
    bool critical{false};                            ///< C bit of the generic payload header
};

/**
 * \ingroup cxtp-ipsec
 * \brief EAP payload (RFC 7296 §3.16): one whole EAP message (RFC 3748 §4), kept as its octets.
 *
 * The decoder checks the EAP header (Code, Identifier, Length, and Type for a Request or
 * Response); the getters read it back.
 */
struct Ikev2EapPayload
{
    /// EAP codes (RFC 3748 §4).
    enum Code : uint8_t
    {
        REQUEST = 1,  ///< Request: has a Type
        RESPONSE = 2, ///< Response: has a Type
        SUCCESS = 3,  ///< Success: 4 octets
        FAILURE = 4,  ///< Failure: 4 octets
    };

    std::vector<uint8_t> message; ///< the EAP message, from Code to the end of its data
    bool critical{false};         ///< C bit of the generic payload header

    /// \return the Code, 0 if the message is empty
    uint8_t GetCode() const;
    /// \return the Identifier, 0 if the message is shorter than 2 octets
    uint8_t GetIdentifier() const;
    /// \return the Length field, 0 if the message is shorter than 4 octets
    uint16_t GetLength() const;
    /// \return the Type of a Request or Response, 0 for other codes or a short message
    uint8_t GetType() const;
};

/**
 * \ingroup cxtp-ipsec
 * \brief A payload of a type this model does not know (RFC 7296 §2.5, §3.2), kept with its
 * critical bit so that the caller can skip it or answer UNSUPPORTED_CRITICAL_PAYLOAD.
 */
struct Ikev2UnknownPayload
{
    Ikev2PayloadType type{Ikev2PayloadType::NONE}; ///< the payload type (its wire value)
    std::vector<uint8_t> body;                     ///< the octets after the generic header
    bool critical{false};                          ///< C bit of the generic payload header
};

/**
 * \ingroup cxtp-ipsec
 * \brief Any payload of an IKEv2 payload chain except SK, which Ikev2Message holds apart.
 */
using Ikev2Payload = std::variant<Ikev2SaPayload,
                                  Ikev2KePayload,
                                  Ikev2IdiPayload,
                                  Ikev2IdrPayload,
                                  Ikev2CertPayload,
                                  Ikev2CertReqPayload,
                                  Ikev2AuthPayload,
                                  Ikev2NoncePayload,
                                  Ikev2NotifyPayload,
                                  Ikev2DeletePayload,
                                  Ikev2VendorIdPayload,
                                  Ikev2TsiPayload,
                                  Ikev2TsrPayload,
                                  Ikev2CpPayload,
                                  Ikev2EapPayload,
                                  Ikev2UnknownPayload>;

/**
 * \ingroup cxtp-ipsec
 * \param payload a payload
 * \return its payload type (RFC 7296 §3.2)
 */
Ikev2PayloadType GetIkev2PayloadType(const Ikev2Payload& payload);

/**
 * \ingroup cxtp-ipsec
 * \param payload a payload
 * \return its critical bit (RFC 7296 §3.2)
 */
bool IsIkev2PayloadCritical(const Ikev2Payload& payload);

/**
 * \ingroup cxtp-ipsec
 * \brief The Encrypted and Authenticated payload, SK (RFC 7296 §3.14), as its plaintext view.
 *
 * To send, fill payloads and let Ikev2Protection::Protect() encrypt them. A decoded message
 * whose SK has not been opened yet is sealed: body holds what followed the SK generic header
 * (IV, ciphertext, ICV) and firstPayload its Next Payload field, until Ikev2Protection::Open()
 * decrypts it with the IKE SA's keys.
 */
struct Ikev2EncryptedPayload
{
    std::vector<Ikev2Payload> payloads; ///< the inner payloads, in wire order (none if sealed)
    bool critical{false};               ///< C bit of the SK generic payload header
    bool sealed{false};                 ///< true: received and not opened yet
    Ikev2PayloadType firstPayload{Ikev2PayloadType::NONE}; ///< sealed: SK's Next Payload field
    std::vector<uint8_t> body; ///< sealed: IV | ciphertext | ICV as received
};

/**
 * \ingroup cxtp-ipsec
 * \brief An IKEv2 message (RFC 7296 §3): header, clear payloads and the optional SK payload.
 *
 * SK is always the last payload of a message and never nests (RFC 7296 §3.14), so it is a
 * member of its own rather than an element of the payload list.
 */
struct Ikev2Message
{
    Ikev2Header header;                             ///< IKE header
    std::vector<Ikev2Payload> payloads;             ///< clear payloads, in wire order
    std::optional<Ikev2EncryptedPayload> encrypted; ///< the SK payload, if any
};

/**
 * \ingroup cxtp-ipsec
 * \param payloads a payload list
 * \param type a notify message type
 * \return the first notification of that type, or nullptr
 */
const Ikev2NotifyPayload* Ikev2FindNotify(const std::vector<Ikev2Payload>& payloads,
                                          Ikev2NotifyType type);

/**
 * \ingroup cxtp-ipsec
 * \param payloads a payload list
 * \return the first error notification (a type below 16384, RFC 7296 §3.10.1), or nullptr
 */
const Ikev2NotifyPayload* Ikev2FindErrorNotify(const std::vector<Ikev2Payload>& payloads);

/**
 * \ingroup cxtp-ipsec
 * \param type a notify message type
 * \param data its Notification Data
 * \return a notification about no particular SA (protocol 0, no SPI)
 */
Ikev2NotifyPayload Ikev2MakeNotify(Ikev2NotifyType type, std::vector<uint8_t> data = {});

/**
 * \ingroup cxtp-ipsec
 * \param group the group the responder wants
 * \return N(INVALID_KE_PAYLOAD) whose data is that group's number, two octets in network order
 *         (RFC 7296 §1.2, §1.3, §3.10.1)
 */
Ikev2NotifyPayload Ikev2MakeInvalidKeNotify(Ikev2DhId group);

/**
 * \ingroup cxtp-ipsec
 * \param notify an INVALID_KE_PAYLOAD notification
 * \return the group it names, or NONE if its data is not two octets (RFC 7296 §3.10.1)
 */
Ikev2DhId Ikev2GetInvalidKeGroup(const Ikev2NotifyPayload& notify);

/**
 * \ingroup cxtp-ipsec
 * \param message a message
 * \return the payloads inside its SK payload if it is there and open, else an empty list
 */
const std::vector<Ikev2Payload>& Ikev2GetInnerPayloads(const Ikev2Message& message);

} // namespace ns3

#endif // IKEV2_MESSAGE_H
