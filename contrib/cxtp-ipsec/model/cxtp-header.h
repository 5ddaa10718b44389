/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CXTP_HEADER_H
#define CXTP_HEADER_H

#include "cxtp-context.h"

#include "ns3/header.h"
#include "ns3/ipv6-address.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class Packet;

/**
 * \ingroup cxtp-ipsec
 * \brief One {FPT, Status, Reserved} entry of a CTAA or CTDR (RFC 4067 §2.5.2, §2.5.4).
 */
struct CxtpStatusEntry
{
    CxtpFeatureProfile fpt{CxtpFeatureProfile::RESERVED}; ///< the context concerned
    uint8_t status{0}; ///< 0 = success; other values are profile-specific (RFC 4067 §4)

    /**
     * \param other another entry
     * \return true if both fields are equal
     */
    bool operator==(const CxtpStatusEntry& other) const;
};

/**
 * \ingroup cxtp-ipsec
 * \brief Common part of the seven CXTP messages (RFC 4067 §2.2, §2.5).
 *
 * \verbatim
  0                   1                   2                   3
  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 | Vers|  Type   |V|A| Reserved  |            Length             |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 \endverbatim
 *
 * Encoding decisions where RFC 4067 §2.2 is silent or its prose and figures disagree:
 * - Version (= 1) sits in the three most significant bits of octet 0 and Type in the five
 *   least significant bits, as in the RFC figures (CTAR v1 = 0x21); the "low order octet" prose
 *   of §2.2 is not followed.
 * - Octet 1: bit 8 (0x80) = V, bit 9 (0x40) = A (CTAR, CTD, PCTD) or S (CTDR), reserved in
 *   CTAA, CTC and CT-Req. Bit 10 (0x20) is used by CTD/PCTD as the local K flag (key block
 *   present), see CxtpCtdHeader. Other reserved bits are sent as 0 and ignored on receipt.
 * - Length is the whole CXTP message in octets, this 4-octet header included.
 * - Only IPv6 addresses (V = 0) are supported; a message with V = 1 is flagged invalid.
 *
 * <b>Malformed input.</b> Deserialize() never reads past the end of the buffer: the one-iterator
 * overload bounds itself by Buffer::Iterator::GetRemainingSize(), the two-iterator overload
 * (used by Packet::RemoveHeader(header, size)) also by \p end. A message that is truncated, whose
 * Length exceeds the available octets or is below the fixed size of its type, whose version is
 * not 1, whose type is not the class's, with V = 1, or whose variable part is inconsistent, is
 * marked invalid (IsValid() is false, GetError() says why). Deserialize() then returns the
 * octets it consumed, never more than were available (Length when it fitted). Trailing octets
 * after Length are not consumed. Receivers should call PeekType() first and dispatch on the
 * type.
 */
class CxtpHeader : public Header
{
  public:
    /// Message types (RFC 4067 §2.5).
    enum MessageType : uint8_t
    {
        CTAR = 1,   ///< Context Transfer Activate Request (§2.5.1)
        CTAA = 2,   ///< Context Transfer Activate Acknowledge (§2.5.2)
        CTD = 3,    ///< Context Transfer Data (§2.5.3)
        PCTD = 4,   ///< Predictive Context Transfer Data (§2.5.3)
        CTDR = 5,   ///< Context Transfer Data Reply (§2.5.4)
        CTC = 6,    ///< Context Transfer Cancel (§2.5.5)
        CT_REQ = 7, ///< Context Transfer Request (§2.5.6)
    };

    static constexpr uint8_t VERSION = 1;        ///< the only CXTP version (RFC 4067 §2.2)
    static constexpr uint32_t COMMON_SIZE = 4;   ///< Version/Type, flags, Length
    static constexpr uint32_t ADDRESS_SIZE = 16; ///< an IPv6 address (V = 0)
    static constexpr uint32_t MAX_SIZE = 0xffff; ///< the 16-bit Length field

    /// \return the TypeId
    static TypeId GetTypeId();

    /**
     * \brief Check the common header of a received message without removing it.
     * \param packet the packet starting with a CXTP message
     * \param [out] type the message type (valid when true is returned)
     * \param [out] length the Length field (valid when true is returned)
     * \param [out] error why the check failed (may be nullptr)
     * \return true if the packet holds at least 4 octets, the version is 1, V = 0, the type is
     *         1-7 and 4 <= Length <= packet size
     */
    static bool PeekType(Ptr<const Packet> packet,
                         uint8_t& type,
                         uint16_t& length,
                         std::string* error = nullptr);

    /// \param type a message type \return its short name ("CTAR", ... "CT-Req")
    static std::string GetTypeName(uint8_t type);

    /// \return the message type of this header
    uint8_t GetMessageType() const;

    /// \return false if the last Deserialize() found a malformed message
    bool IsValid() const;
    /// \return why the last Deserialize() marked the message invalid; empty if valid
    std::string GetError() const;

    /// \param address the MN's previous IP address (all messages carry it)
    void SetPreviousAddress(Ipv6Address address);
    /// \return the MN's previous IP address
    Ipv6Address GetPreviousAddress() const;

    /// \return the Length field this message gets: GetSerializedSize()
    uint16_t GetLength() const;

    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;
    uint32_t Deserialize(Buffer::Iterator start, Buffer::Iterator end) override;
    void Print(std::ostream& os) const override;

  protected:
    /// \param type the message type of the concrete class
    explicit CxtpHeader(uint8_t type);

    /// \param type the message type (CTD/PCTD switch it)
    void SetMessageType(uint8_t type);

    /// \return the flag bits of octet 1 other than V (0x40 A/S, 0x20 K); 0 by default
    virtual uint8_t GetFlags() const;
    /// \param flags octet 1 as received, V masked out; ignored by default
    virtual void SetFlags(uint8_t flags);
    /// \return the size of everything after the common header and the previous address
    virtual uint32_t GetBodySize() const = 0;
    /// \param i iterator after the previous address; advanced by GetBodySize()
    virtual void SerializeBody(Buffer::Iterator& i) const = 0;
    /**
     * \param i iterator after the previous address
     * \param size octets of the body, Length - 20; all of them may be read
     * \param [out] error why the body is malformed
     * \return false if the body is malformed
     */
    virtual bool DeserializeBody(Buffer::Iterator& i, uint32_t size, std::string& error) = 0;
    /// \param os the stream to print the body fields to
    virtual void PrintBody(std::ostream& os) const = 0;

    /**
     * \brief Write requested CDBs in the 4-octet request form.
     * \param i the iterator
     * \param requested the FPTs
     */
    static void WriteRequests(Buffer::Iterator& i,
                              const std::vector<CxtpFeatureProfile>& requested);
    /**
     * \brief Read request CDBs filling exactly \p size octets.
     * \param i the iterator
     * \param size the octets they occupy
     * \param [out] requested the FPTs
     * \param [out] error why they are malformed
     * \return false unless size is a multiple of 4 and each has Length 0, P = 0
     */
    static bool ReadRequests(Buffer::Iterator& i,
                             uint32_t size,
                             std::vector<CxtpFeatureProfile>& requested,
                             std::string& error);
    /**
     * \param i the iterator
     * \param entries the status entries to write
     */
    static void WriteStatus(Buffer::Iterator& i, const std::vector<CxtpStatusEntry>& entries);
    /**
     * \param i the iterator
     * \param size the octets they occupy
     * \param [out] entries the entries
     * \param [out] error why they are malformed
     * \return false unless size is a multiple of 4
     */
    static bool ReadStatus(Buffer::Iterator& i,
                           uint32_t size,
                           std::vector<CxtpStatusEntry>& entries,
                           std::string& error);
    /**
     * \param os the stream
     * \param requested the FPTs to print
     */
    static void PrintRequests(std::ostream& os, const std::vector<CxtpFeatureProfile>& requested);
    /**
     * \param requested feature profiles
     * \return request blocks for them, as CxtpToken::Compute takes them
     */
    static std::vector<CxtpContextBlock> ToRequestBlocks(
        const std::vector<CxtpFeatureProfile>& requested);

    static constexpr uint8_t FLAG_A_OR_S = 0x40; ///< octet 1: A (CTAR, CTD, PCTD) or S (CTDR)
    static constexpr uint32_t ENTRY_SIZE = 4;    ///< a status entry or a request CDB

  private:
    /**
     * \param start the first octet of the message
     * \param available the octets that may be read
     * \return the octets consumed (at most \p available)
     */
    uint32_t DoDeserialize(Buffer::Iterator start, uint32_t available);
    /// \param reason why the message is malformed
    void MarkMalformed(const std::string& reason);

    uint8_t m_type;                ///< message type
    Ipv6Address m_previousAddress; ///< MN's previous IP address
    bool m_valid;                  ///< the last Deserialize found a well-formed message
    std::string m_error;           ///< why not
};

} // namespace ns3

// The concrete messages derive from CxtpHeader: including this file declares all seven.
#include "cxtp-activate-header.h"
#include "cxtp-transfer-header.h"

#endif // CXTP_HEADER_H
