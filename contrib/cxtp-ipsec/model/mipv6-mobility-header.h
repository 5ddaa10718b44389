/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MIPV6_MOBILITY_HEADER_H
#define MIPV6_MOBILITY_HEADER_H

#include "ns3/header.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"

#include <string>

namespace ns3
{

class Packet;

/**
 * \ingroup cxtp-ipsec
 * \brief Common part of the Mobile IPv6 Mobility Header (RFC 6275 §6.1.1), IPv6 Next Header 135.
 *
 * \verbatim
  0                   1                   2                   3
  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 | Payload Proto |  Header Len   |   MH Type     |   Reserved    |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |           Checksum            |                               |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               |
 .                       Message Data (+ mobility options)       .
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 \endverbatim
 *
 * Header Len counts 8-octet units excluding the first 8 octets, so the header is
 * 8 * (Header Len + 1) bytes long; Serialize pads with Pad1/PadN (RFC 6275 §6.2.2, §6.2.3) so
 * that the total is a multiple of 8 and every option meets its alignment requirement.
 *
 * <b>Checksum</b> (RFC 6275 §6.1.1): the ones' complement checksum over the IPv6 pseudo-header
 * of RFC 2460 §8.1 (source, destination, Upper-Layer Packet Length = length of the Mobility
 * Header, Next Header 135) followed by the whole Mobility Header. Call InitializeChecksum() with
 * the IPv6 source and destination before Serialize() (the sender) or before Deserialize() (the
 * receiver, which then checks it: IsChecksumOk()). Without InitializeChecksum(), Serialize()
 * writes the stored checksum (0, or the value read by an earlier Deserialize()) and
 * Deserialize() does not check it.
 *
 * <b>Malformed input.</b> Deserialize() never reads past the end of the buffer: it bounds itself
 * by Buffer::Iterator::GetRemainingSize() (and by \p end in the two-iterator overload). Callers
 * should nevertheless validate a received packet with PeekType() first (packet size >= 8 and
 * >= 8 * (Header Len + 1)) and dispatch on the MH Type; a header that is truncated, whose
 * Header Len exceeds the available bytes or is too small for its MH Type, whose MH Type does not
 * match the class, or whose options overrun the header is marked invalid (IsValid() is false,
 * GetMalformedReason() says why) and Deserialize() returns the number of bytes it consumed,
 * which is never more than were available. After an invalid Deserialize(), GetSerializedSize()
 * is the canonical size of the parsed fields, not the number of bytes consumed. Unknown mobility
 * options are skipped (RFC 6275 §6.2.1) and counted (GetUnknownOptionCount()); they are not
 * re-serialised.
 */
class Mipv6MobilityHeader : public Header
{
  public:
    /// MH Type values (RFC 6275 §6.1.2 - §6.1.9).
    enum MhType : uint8_t
    {
        BINDING_REFRESH_REQUEST = 0, ///< Binding Refresh Request (§6.1.2)
        HOME_TEST_INIT = 1,          ///< Home Test Init (§6.1.3)
        CARE_OF_TEST_INIT = 2,       ///< Care-of Test Init (§6.1.4)
        HOME_TEST = 3,               ///< Home Test (§6.1.5)
        CARE_OF_TEST = 4,            ///< Care-of Test (§6.1.6)
        BINDING_UPDATE = 5,          ///< Binding Update (§6.1.7)
        BINDING_ACK = 6,             ///< Binding Acknowledgement (§6.1.8)
        BINDING_ERROR = 7,           ///< Binding Error (§6.1.9)
    };

    /// Mobility option types (RFC 6275 §6.2).
    enum OptionType : uint8_t
    {
        OPTION_PAD1 = 0,                       ///< Pad1 (§6.2.2), a single zero byte
        OPTION_PADN = 1,                       ///< PadN (§6.2.3)
        OPTION_BINDING_REFRESH_ADVICE = 2,     ///< Binding Refresh Advice (§6.2.4)
        OPTION_ALTERNATE_CARE_OF_ADDRESS = 3,  ///< Alternate Care-of Address (§6.2.5)
        OPTION_NONCE_INDICES = 4,              ///< Nonce Indices (§6.2.6)
        OPTION_BINDING_AUTHORIZATION_DATA = 5, ///< Binding Authorization Data (§6.2.7)
    };

    static constexpr uint8_t PROT_NUMBER = 135;   ///< IPv6 Next Header of the Mobility Header
    static constexpr uint8_t NO_NEXT_HEADER = 59; ///< Payload Proto value (RFC 6275 §6.1.1)
    static constexpr uint32_t MIN_SIZE = 8;       ///< smallest Mobility Header (Header Len 0)

    /// \return the TypeId
    static TypeId GetTypeId();

    /**
     * \brief Validate the common part of a received Mobility Header without removing it.
     *
     * Reads the first 8 bytes and checks that the packet holds at least 8 * (Header Len + 1)
     * bytes (RFC 6275 §6.1.1, §9.2). The MH Type is not checked against the known values: the
     * caller dispatches on it and answers an unknown type with a Binding Error, status 2.
     *
     * \param packet the packet starting with the Mobility Header
     * \param [out] type the MH Type (valid when true is returned)
     * \param [out] length the Mobility Header length in bytes, 8 * (Header Len + 1)
     * \return true if the packet is long enough for the header it announces
     */
    static bool PeekType(Ptr<const Packet> packet, uint8_t& type, uint32_t& length);

    /// \return the MH Type of this class
    uint8_t GetMhType() const;

    /// \param proto the Payload Proto field (59, no next header, by default; RFC 6275 §6.1.1)
    void SetPayloadProto(uint8_t proto);
    /// \return the Payload Proto field
    uint8_t GetPayloadProto() const;

    /// \return the Header Len field: GetSerializedSize() / 8 - 1 (RFC 6275 §6.1.1)
    uint8_t GetHeaderLen() const;

    /**
     * \brief Store the pseudo-header addresses and turn checksum computation (Serialize) and
     * verification (Deserialize) on (RFC 6275 §6.1.1).
     * \param source the IPv6 source address (the home address if a Home Address option is
     * present)
     * \param destination the IPv6 destination address
     */
    void InitializeChecksum(Ipv6Address source, Ipv6Address destination);

    /// \return the checksum read by Deserialize (or set by SetChecksum), in host order
    uint16_t GetChecksum() const;

    /**
     * \brief Set the checksum written when InitializeChecksum() has not been called (for tests
     * and for forwarding a header unchanged).
     * \param checksum the checksum, host order
     */
    void SetChecksum(uint16_t checksum);

    /// \return false if Deserialize was called after InitializeChecksum and the checksum was wrong
    bool IsChecksumOk() const;

    /// \return false if the last Deserialize found a malformed header (see the class description)
    bool IsValid() const;

    /// \return why the last Deserialize marked the header invalid, empty if it is valid
    std::string GetMalformedReason() const;

    /// \return the number of unrecognised mobility options skipped by the last Deserialize
    uint32_t GetUnknownOptionCount() const;

    /**
     * \brief Convert a lifetime to the 4-second units of the BU and BA Lifetime fields (RFC 6275
     * §6.1.7, §6.1.8), rounding down and saturating at 0xffff; a negative time gives 0.
     * \param lifetime the lifetime
     * \return the number of 4-second units
     */
    static uint16_t LifetimeToUnits(Time lifetime);

    /**
     * \param units a Lifetime field in 4-second units
     * \return the lifetime as a Time
     */
    static Time UnitsToLifetime(uint16_t units);

    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;
    uint32_t Deserialize(Buffer::Iterator start, Buffer::Iterator end) override;
    void Print(std::ostream& os) const override;

  protected:
    /**
     * \param mhType the MH Type of the concrete message
     */
    explicit Mipv6MobilityHeader(uint8_t mhType);

    /// Outcome of DeserializeOption().
    enum class OptionResult
    {
        KNOWN,     ///< recognised and stored
        UNKNOWN,   ///< not recognised: skipped (RFC 6275 §6.2.1)
        MALFORMED, ///< recognised with a bad length: the header is malformed
    };

    /// \return the size of the fixed message data after the 6 common bytes
    virtual uint32_t GetMessageDataSize() const = 0;
    /// \param i iterator positioned at byte 6; advanced past the message data
    virtual void SerializeMessageData(Buffer::Iterator& i) const = 0;
    /// \param i iterator positioned at byte 6; advanced past the message data
    virtual void DeserializeMessageData(Buffer::Iterator& i) = 0;
    /// \param os the stream to print the message data fields to
    virtual void PrintMessageData(std::ostream& os) const = 0;

    /**
     * \brief Lay the mobility options out, with the alignment padding they need; the base class
     * has none. The final padding to a multiple of 8 is added by the caller.
     * \param i the iterator to write to, or nullptr to compute the size only
     * \param offset the offset from the start of the Mobility Header where the options begin
     * \return the offset after the last option
     */
    virtual uint32_t LayOutOptions(Buffer::Iterator* i, uint32_t offset) const;

    /// Forget the options stored by an earlier Deserialize, before parsing new ones.
    virtual void ClearOptions();

    /**
     * \param type the option type (not Pad1 or PadN)
     * \param length the option data length
     * \param i iterator at the option data, which holds at least \p length bytes
     * \return whether the option was recognised
     */
    virtual OptionResult DeserializeOption(uint8_t type, uint8_t length, Buffer::Iterator i);

    /**
     * \brief Write (or count) \p n bytes of padding: nothing, Pad1, or PadN (RFC 6275 §6.2.2-3).
     * \param i the iterator to write to, or nullptr
     * \param n the number of padding bytes
     * \return \p n
     */
    static uint32_t WritePadding(Buffer::Iterator* i, uint32_t n);

    /**
     * \param offset the current offset from the start of the header
     * \param x the alignment factor x of "xn+y" (RFC 2460 §4.2 notation)
     * \param y the alignment offset y
     * \return the number of padding bytes that brings \p offset to xn+y
     */
    static uint32_t AlignmentPadding(uint32_t offset, uint32_t x, uint32_t y);

  private:
    /// Size of the common fields: Payload Proto, Header Len, MH Type, Reserved, Checksum.
    static constexpr uint32_t COMMON_SIZE = 6;

    /**
     * \param start the first byte of the Mobility Header
     * \param available the bytes that may be read from \p start
     * \return the bytes consumed (at most \p available)
     */
    uint32_t DoDeserialize(Buffer::Iterator start, uint32_t available);
    /**
     * \brief Reads the Mobility Options that fill the header after the message data (RFC 6275
     * §6.2.1), counting unknown ones; marks the header malformed at the first bad option.
     * \param i the first option
     * \param offset the offset of \p i from the start of the header
     * \param length the header length
     */
    void DeserializeOptions(Buffer::Iterator i, uint32_t offset, uint32_t length);

    /**
     * \param start the first byte of the Mobility Header
     * \param length the Mobility Header length
     * \return the checksum over the pseudo-header and the header, as CalculateIpChecksum gives it
     */
    uint16_t CalculateChecksum(Buffer::Iterator start, uint32_t length) const;

    /**
     * \param reason why the header is malformed
     */
    void MarkMalformed(const std::string& reason);

    uint8_t m_mhType;              ///< MH Type
    uint8_t m_payloadProto;        ///< Payload Proto
    uint8_t m_reserved;            ///< Reserved byte, kept as read
    uint16_t m_checksum;           ///< checksum read or set, host order
    Ipv6Address m_source;          ///< pseudo-header source
    Ipv6Address m_destination;     ///< pseudo-header destination
    bool m_calcChecksum;           ///< InitializeChecksum was called
    bool m_goodChecksum;           ///< result of the last verification
    bool m_valid;                  ///< the last Deserialize found a well-formed header
    std::string m_malformedReason; ///< why not
    uint32_t m_unknownOptions;     ///< unknown options skipped by the last Deserialize
};

/**
 * \ingroup cxtp-ipsec
 * \brief Binding Update, MH Type 5 (RFC 6275 §6.1.7).
 *
 * \verbatim
                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
                                 |          Sequence #           |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |A|H|L|K|        Reserved       |           Lifetime            |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 .                        Mobility options                       .
 \endverbatim
 *
 * Without options: 6 common + 6 message bytes = 12, plus a 4-byte PadN = 16 bytes, Header
 * Len 1. With the Alternate Care-of Address option (§6.2.5, type 3, length 16, alignment 8n+6):
 * a 2-byte PadN brings offset 12 to 14 = 8+6, the option takes bytes 14-31, total 32 bytes,
 * Header Len 3. The reserved flag bits are kept as read (later RFCs define some of them).
 */
class Mipv6BindingUpdateHeader : public Mipv6MobilityHeader
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    Mipv6BindingUpdateHeader();
    TypeId GetInstanceTypeId() const override;

    /// \param sequence the Sequence # (RFC 6275 §6.1.7)
    void SetSequence(uint16_t sequence);
    /// \return the Sequence #
    uint16_t GetSequence() const;

    /// \param ack the A (Acknowledge) flag: a Binding Acknowledgement is requested
    void SetAckRequested(bool ack);
    /// \return the A flag
    bool IsAckRequested() const;

    /// \param home the H (Home Registration) flag
    void SetHomeRegistration(bool home);
    /// \return the H flag
    bool IsHomeRegistration() const;

    /// \param linkLocal the L (Link-Local Address Compatibility) flag
    void SetLinkLocalCompatibility(bool linkLocal);
    /// \return the L flag
    bool IsLinkLocalCompatibility() const;

    /// \param key the K (Key Management Mobility Capability) flag: the IKE SA survives movement
    void SetKeyManagementCapable(bool key);
    /// \return the K flag
    bool IsKeyManagementCapable() const;

    /// \param units the Lifetime field, in 4-second units (0: delete the binding)
    void SetLifetimeUnits(uint16_t units);
    /// \return the Lifetime field in 4-second units
    uint16_t GetLifetimeUnits() const;
    /// \param lifetime the lifetime, rounded down to 4-second units (see LifetimeToUnits)
    void SetLifetime(Time lifetime);
    /// \return the lifetime
    Time GetLifetime() const;

    /// \param address the Alternate Care-of Address option to carry (RFC 6275 §6.2.5)
    void SetAlternateCareOfAddress(Ipv6Address address);
    /// \return whether the header carries an Alternate Care-of Address option
    bool HasAlternateCareOfAddress() const;
    /// \return the Alternate Care-of Address (only meaningful if HasAlternateCareOfAddress())
    Ipv6Address GetAlternateCareOfAddress() const;
    /// Remove the Alternate Care-of Address option.
    void RemoveAlternateCareOfAddress();

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(Buffer::Iterator& i) const override;
    void DeserializeMessageData(Buffer::Iterator& i) override;
    void PrintMessageData(std::ostream& os) const override;
    uint32_t LayOutOptions(Buffer::Iterator* i, uint32_t offset) const override;
    void ClearOptions() override;
    OptionResult DeserializeOption(uint8_t type, uint8_t length, Buffer::Iterator i) override;

  private:
    static constexpr uint16_t FLAG_A = 0x8000; ///< Acknowledge
    static constexpr uint16_t FLAG_H = 0x4000; ///< Home Registration
    static constexpr uint16_t FLAG_L = 0x2000; ///< Link-Local Address Compatibility
    static constexpr uint16_t FLAG_K = 0x1000; ///< Key Management Mobility Capability

    /**
     * \param flag the flag bit
     * \param on whether to set it
     */
    void SetFlag(uint16_t flag, bool on);

    uint16_t m_sequence;  ///< Sequence #
    uint16_t m_flags;     ///< A, H, L, K and the 12 reserved bits
    uint16_t m_lifetime;  ///< Lifetime, 4-second units
    bool m_hasAltCoa;     ///< an Alternate Care-of Address option is present
    Ipv6Address m_altCoa; ///< its address
};

/**
 * \ingroup cxtp-ipsec
 * \brief Binding Acknowledgement, MH Type 6 (RFC 6275 §6.1.8).
 *
 * \verbatim
                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
                                 |    Status     |K|  Reserved   |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |           Sequence #          |           Lifetime            |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 .                        Mobility options                       .
 \endverbatim
 *
 * 6 common + 6 message bytes = 12, plus a 4-byte PadN = 16 bytes, Header Len 1.
 */
class Mipv6BindingAckHeader : public Mipv6MobilityHeader
{
  public:
    /// Status values (RFC 6275 §6.1.8): below 128 accepted, 128 and above rejected.
    enum Status : uint8_t
    {
        ACCEPTED = 0,                              ///< Binding Update accepted
        ACCEPTED_PREFIX_DISCOVERY_NECESSARY = 1,   ///< accepted but prefix discovery necessary
        REASON_UNSPECIFIED = 128,                  ///< reason unspecified
        ADMINISTRATIVELY_PROHIBITED = 129,         ///< administratively prohibited
        INSUFFICIENT_RESOURCES = 130,              ///< insufficient resources
        HOME_REGISTRATION_NOT_SUPPORTED = 131,     ///< home registration not supported
        NOT_HOME_SUBNET = 132,                     ///< not home subnet
        NOT_HOME_AGENT_FOR_THIS_MOBILE_NODE = 133, ///< not home agent for this mobile node
        DUPLICATE_ADDRESS_DETECTION_FAILED = 134,  ///< duplicate address detection failed
        SEQUENCE_NUMBER_OUT_OF_WINDOW = 135,       ///< sequence number out of window
        EXPIRED_HOME_NONCE_INDEX = 136,            ///< expired home nonce index
        EXPIRED_CARE_OF_NONCE_INDEX = 137,         ///< expired care-of nonce index
        EXPIRED_NONCES = 138,                      ///< expired nonces
        REGISTRATION_TYPE_CHANGE_DISALLOWED = 139, ///< registration type change disallowed
        INVALID_CARE_OF_ADDRESS = 174,             ///< invalid care-of address
    };

    /// \return the TypeId
    static TypeId GetTypeId();
    Mipv6BindingAckHeader();
    TypeId GetInstanceTypeId() const override;

    /// \param status the Status field (see Status)
    void SetStatus(uint8_t status);
    /// \return the Status field
    uint8_t GetStatus() const;
    /// \return whether the status means accepted (below 128)
    bool IsAccepted() const;

    /// \param key the K (Key Management Mobility Capability) flag
    void SetKeyManagementCapable(bool key);
    /// \return the K flag
    bool IsKeyManagementCapable() const;

    /// \param sequence the Sequence #, copied from the Binding Update
    void SetSequence(uint16_t sequence);
    /// \return the Sequence #
    uint16_t GetSequence() const;

    /// \param units the granted Lifetime, in 4-second units
    void SetLifetimeUnits(uint16_t units);
    /// \return the Lifetime field in 4-second units
    uint16_t GetLifetimeUnits() const;
    /// \param lifetime the lifetime, rounded down to 4-second units (see LifetimeToUnits)
    void SetLifetime(Time lifetime);
    /// \return the lifetime
    Time GetLifetime() const;

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(Buffer::Iterator& i) const override;
    void DeserializeMessageData(Buffer::Iterator& i) override;
    void PrintMessageData(std::ostream& os) const override;

  private:
    static constexpr uint8_t FLAG_K = 0x80; ///< Key Management Mobility Capability

    uint8_t m_status;    ///< Status
    uint8_t m_flags;     ///< K and the 7 reserved bits
    uint16_t m_sequence; ///< Sequence #
    uint16_t m_lifetime; ///< Lifetime, 4-second units
};

/**
 * \ingroup cxtp-ipsec
 * \brief Binding Error, MH Type 7 (RFC 6275 §6.1.9).
 *
 * \verbatim
                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
                                 |     Status    |   Reserved    |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |                                                               |
 +                          Home Address                         +
 |                    (128 bits, bytes 8 - 23)                   |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 .                        Mobility options                       .
 \endverbatim
 *
 * Size: the common part is 6 bytes (Payload Proto, Header Len, MH Type, Reserved, 2-byte
 * Checksum), then Status 1 + Reserved 1 = 8, then the Home Address 16 = 24 bytes. 24 is already a
 * multiple of 8, so no padding is needed: 24 bytes, Header Len 2.
 */
class Mipv6BindingErrorHeader : public Mipv6MobilityHeader
{
  public:
    /// Status values (RFC 6275 §6.1.9).
    enum Status : uint8_t
    {
        UNKNOWN_BINDING_FOR_HOME_ADDRESS_OPTION = 1, ///< unknown binding for Home Address option
        UNRECOGNIZED_MH_TYPE = 2,                    ///< unrecognised MH Type value
    };

    /// \return the TypeId
    static TypeId GetTypeId();
    Mipv6BindingErrorHeader();
    TypeId GetInstanceTypeId() const override;

    /// \param status the Status field (see Status)
    void SetStatus(uint8_t status);
    /// \return the Status field
    uint8_t GetStatus() const;

    /// \param address the home address from the offending packet's Home Address option
    void SetHomeAddress(Ipv6Address address);
    /// \return the Home Address field
    Ipv6Address GetHomeAddress() const;

  protected:
    uint32_t GetMessageDataSize() const override;
    void SerializeMessageData(Buffer::Iterator& i) const override;
    void DeserializeMessageData(Buffer::Iterator& i) override;
    void PrintMessageData(std::ostream& os) const override;

  private:
    uint8_t m_status;          ///< Status
    uint8_t m_reserved;        ///< Reserved byte, kept as read
    Ipv6Address m_homeAddress; ///< Home Address
};

} // namespace ns3

#endif // MIPV6_MOBILITY_HEADER_H
