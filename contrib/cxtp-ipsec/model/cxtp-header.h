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
 * Encoding decisions (protocols.md §1.2, §9 item 1):
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

/**
 * \ingroup cxtp-ipsec
 * \brief CTAR, Context Transfer Activate Request, MN to AR (RFC 4067 §2.5.1).
 *
 * \verbatim
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 | Vers|  Type=1 |V|A| Reserved  |            Length             |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |               Mobile Node's Previous IP Address (16)          |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |               Previous (New) AR IP Address (16)               |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |                        Sequence Number                        |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |                     MN Authorization Token                    |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |  Requested CDBs: FPT (16) | Length = 0 | P = 0, Reserved  ... |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 \endverbatim
 *
 * 44 octets with no requested CDB ("transfer all contexts"), plus 4 per requested CDB (this
 * module's 4-octet request form, see CxtpContextBlock). With an 8-octet ICMPv6 or UDP header,
 * 40 octets of IPv6 and 14 of Ethernet II, a CTAR with no CDB is a 106-octet frame
 * (protocols.md §1.9).
 */
class CxtpCtarHeader : public CxtpHeader
{
  public:
    static constexpr uint32_t FIXED_SIZE = 44; ///< with no requested CDB (IPv6)

    /// \return the TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    CxtpCtarHeader();

    /// \param ack A flag: the MN wants a CTAA
    void SetAckRequested(bool ack);
    /// \return the A flag
    bool IsAckRequested() const;
    /// \param address the new AR (CTAR sent to pAR) or previous AR (sent to nAR) address
    void SetArAddress(Ipv6Address address);
    /// \return the AR address field
    Ipv6Address GetArAddress() const;
    /// \param sequence the Sequence Number
    void SetSequence(uint32_t sequence);
    /// \return the Sequence Number
    uint32_t GetSequence() const;
    /// \param token the MN Authorization Token (CxtpToken::Compute)
    void SetToken(uint32_t token);
    /// \return the token
    uint32_t GetToken() const;
    /// \param requested the requested contexts; empty = all
    void SetRequested(const std::vector<CxtpFeatureProfile>& requested);
    /// \return the requested contexts
    const std::vector<CxtpFeatureProfile>& GetRequested() const;
    /// \return the requested contexts as request blocks, as CxtpToken::Compute takes them
    std::vector<CxtpContextBlock> GetRequestedBlocks() const;

  protected:
    uint8_t GetFlags() const override;
    void SetFlags(uint8_t flags) override;
    uint32_t GetBodySize() const override;
    void SerializeBody(Buffer::Iterator& i) const override;
    bool DeserializeBody(Buffer::Iterator& i, uint32_t size, std::string& error) override;
    void PrintBody(std::ostream& os) const override;

  private:
    bool m_ack;                                  ///< A flag
    Ipv6Address m_arAddress;                     ///< previous or new AR address
    uint32_t m_sequence;                         ///< Sequence Number
    uint32_t m_token;                            ///< MN Authorization Token
    std::vector<CxtpFeatureProfile> m_requested; ///< requested CDBs
};

/**
 * \ingroup cxtp-ipsec
 * \brief CTAA, Context Transfer Activate Acknowledge, AR to MN (RFC 4067 §2.5.2): the MN's
 * previous address and one {FPT, Status, Reserved} entry per context NOT transferred.
 *
 * \verbatim
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 | Vers|  Type=2 |V| Reserved    |            Length             |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |               Mobile Node's Previous IP Address (16)          |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |  FPT (16)                     |  Status code  |   Reserved    | ...
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 \endverbatim
 *
 * 20 + 4k octets.
 */
class CxtpCtaaHeader : public CxtpHeader
{
  public:
    static constexpr uint32_t FIXED_SIZE = 20; ///< with no entry (IPv6)

    /// \return the TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    CxtpCtaaHeader();

    /// \param entries the contexts not transferred, with their status
    void SetEntries(const std::vector<CxtpStatusEntry>& entries);
    /// \return the entries
    const std::vector<CxtpStatusEntry>& GetEntries() const;

  protected:
    uint32_t GetBodySize() const override;
    void SerializeBody(Buffer::Iterator& i) const override;
    bool DeserializeBody(Buffer::Iterator& i, uint32_t size, std::string& error) override;
    void PrintBody(std::ostream& os) const override;

  private:
    std::vector<CxtpStatusEntry> m_entries; ///< status entries
};

/**
 * \ingroup cxtp-ipsec
 * \brief CTD and PCTD, (Predictive) Context Transfer Data, pAR to nAR (RFC 4067 §2.5.3).
 *
 * \verbatim
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 | Vers|Type=3/4 |V|A|K| Rsvd    |            Length             |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |                          Elapsed Time (ms)                    |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |               Mobile Node's Previous IP Address (16)          |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |    Algorithm (= 1)            |         Key Length            |  key block:
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+  PCTD, or
 |          Key, zero-padded to a multiple of 4 octets           |  CTD with K
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |          Context Data Blocks (8-octet multiples) ...          |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 \endverbatim
 *
 * Encoding decisions (protocols.md §1.4, §9 item 2):
 * - Elapsed Time comes before the previous address, as in the RFC figure.
 * - The key block (token key for nAR) is Algorithm(2) = 1 (HMAC_SHA1) | Key Length(2, octets of
 *   key, unpadded) | Key, zero-padded to a multiple of 4 so that the CDBs stay 32-bit aligned.
 * - RFC 4067 does not say how a receiver tells whether a CTD (type 3) carries the key block
 *   (it does when it answers a CT-Req with token 0). This module marks it with the local K flag,
 *   bit 10 (0x20), of octet 1. A PCTD (type 4) always carries the key block (K is also set).
 *   Serialize() aborts on a PCTD without a key.
 * - Deserialize() accepts both type 3 and type 4, whatever the constructor argument, and
 *   IsPredictive() then reports which one arrived.
 * - The CDBs fill the rest of the message; each must have Length >= 1 and fit.
 *
 * 24 octets, + 4 + the padded key length with a key block, + the CDBs.
 */
class CxtpCtdHeader : public CxtpHeader
{
  public:
    static constexpr uint32_t FIXED_SIZE = 24;   ///< no key block, no CDB (IPv6)
    static constexpr uint32_t KEY_HEAD_SIZE = 4; ///< Algorithm, Key Length
    static constexpr uint8_t FLAG_KEY = 0x20;    ///< local K flag in octet 1

    /// \return the TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    /// \param predictive true for a PCTD (type 4), false for a CTD (type 3)
    explicit CxtpCtdHeader(bool predictive = false);

    /// \param predictive true for a PCTD (type 4), false for a CTD (type 3)
    void SetPredictive(bool predictive);
    /// \return true for a PCTD
    bool IsPredictive() const;
    /// \param ack A flag: pAR wants a CTDR
    void SetAckRequested(bool ack);
    /// \return the A flag
    bool IsAckRequested() const;
    /// \param ms Elapsed Time: milliseconds since the first CTD for this MN was sent
    void SetElapsedTime(uint32_t ms);
    /// \return the Elapsed Time in milliseconds
    uint32_t GetElapsedTime() const;
    /**
     * \brief Attach the token key (RFC 4067 §2.5.3).
     * \param key the key (at most 65535 octets)
     * \param algorithm the token algorithm (CxtpToken::ALGORITHM_HMAC_SHA1)
     */
    void SetKey(const std::vector<uint8_t>& key, uint16_t algorithm = 1);
    /// Remove the key block.
    void ClearKey();
    /// \return true if the message carries a key block
    bool HasKey() const;
    /// \return the token algorithm of the key block
    uint16_t GetKeyAlgorithm() const;
    /// \return the key (empty if none)
    const std::vector<uint8_t>& GetKey() const;
    /// \param blocks the contexts
    void SetBlocks(const std::vector<CxtpContextBlock>& blocks);
    /// \param block a context appended to the message
    void AddBlock(const CxtpContextBlock& block);
    /// \return the contexts (received data keeps its zero padding)
    const std::vector<CxtpContextBlock>& GetBlocks() const;

  protected:
    uint8_t GetFlags() const override;
    void SetFlags(uint8_t flags) override;
    uint32_t GetBodySize() const override;
    void SerializeBody(Buffer::Iterator& i) const override;
    bool DeserializeBody(Buffer::Iterator& i, uint32_t size, std::string& error) override;
    void PrintBody(std::ostream& os) const override;

  private:
    bool m_ack;                             ///< A flag
    bool m_hasKey;                          ///< a key block is present
    uint32_t m_elapsed;                     ///< Elapsed Time, ms
    uint16_t m_algorithm;                   ///< token algorithm
    std::vector<uint8_t> m_key;             ///< token key
    std::vector<CxtpContextBlock> m_blocks; ///< CDBs
};

/**
 * \ingroup cxtp-ipsec
 * \brief CTDR, Context Transfer Data Reply, nAR to pAR (RFC 4067 §2.5.4).
 *
 * \verbatim
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 | Vers|  Type=5 |V|S| Reserved  |            Length             |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |               Mobile Node's Previous IP Address (16)          |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |  FPT (16)                     |  Status code  |   Reserved    | ...
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 \endverbatim
 *
 * S = 1: all contexts were installed; with S = 0 the entries say which were not. 20 + 4k octets.
 */
class CxtpCtdrHeader : public CxtpHeader
{
  public:
    static constexpr uint32_t FIXED_SIZE = 20; ///< with no entry (IPv6)

    /// \return the TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    CxtpCtdrHeader();

    /// \param success S flag: every context was received and installed
    void SetSuccess(bool success);
    /// \return the S flag
    bool IsSuccess() const;
    /// \param entries the status entries
    void SetEntries(const std::vector<CxtpStatusEntry>& entries);
    /// \return the entries
    const std::vector<CxtpStatusEntry>& GetEntries() const;

  protected:
    uint8_t GetFlags() const override;
    void SetFlags(uint8_t flags) override;
    uint32_t GetBodySize() const override;
    void SerializeBody(Buffer::Iterator& i) const override;
    bool DeserializeBody(Buffer::Iterator& i, uint32_t size, std::string& error) override;
    void PrintBody(std::ostream& os) const override;

  private:
    bool m_success;                         ///< S flag
    std::vector<CxtpStatusEntry> m_entries; ///< status entries
};

/**
 * \ingroup cxtp-ipsec
 * \brief CTC, Context Transfer Cancel, nAR to pAR (RFC 4067 §2.5.5): header and the MN's
 * previous address, 20 octets.
 *
 * \verbatim
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 | Vers|  Type=6 |V| Reserved    |            Length             |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |               Mobile Node's Previous IP Address (16)          |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 \endverbatim
 */
class CxtpCtcHeader : public CxtpHeader
{
  public:
    static constexpr uint32_t FIXED_SIZE = 20; ///< the whole message (IPv6)

    /// \return the TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    CxtpCtcHeader();

  protected:
    uint32_t GetBodySize() const override;
    void SerializeBody(Buffer::Iterator& i) const override;
    bool DeserializeBody(Buffer::Iterator& i, uint32_t size, std::string& error) override;
    void PrintBody(std::ostream& os) const override;
};

/**
 * \ingroup cxtp-ipsec
 * \brief CT-Req, Context Transfer Request, nAR to pAR (RFC 4067 §2.5.6): the sequence number,
 * token and requested CDBs copied from the MN's CTAR (token 0 when no CTAR was received).
 *
 * \verbatim
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 | Vers|  Type=7 |V| Reserved    |            Length             |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |               Mobile Node's Previous IP Address (16)          |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |                        Sequence Number                        |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |                     MN Authorization Token                    |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |  Requested CDBs (4-octet request form, as in CTAR) ...        |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 \endverbatim
 *
 * 28 + 4 per requested CDB octets.
 */
class CxtpCtReqHeader : public CxtpHeader
{
  public:
    static constexpr uint32_t FIXED_SIZE = 28; ///< with no requested CDB (IPv6)

    /// \return the TypeId
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    CxtpCtReqHeader();

    /// \param sequence the Sequence Number copied from the CTAR
    void SetSequence(uint32_t sequence);
    /// \return the Sequence Number
    uint32_t GetSequence() const;
    /// \param token the token copied from the CTAR, or 0
    void SetToken(uint32_t token);
    /// \return the token
    uint32_t GetToken() const;
    /// \param requested the requested contexts; empty = all
    void SetRequested(const std::vector<CxtpFeatureProfile>& requested);
    /// \return the requested contexts
    const std::vector<CxtpFeatureProfile>& GetRequested() const;
    /// \return the requested contexts as request blocks, as CxtpToken::Compute takes them
    std::vector<CxtpContextBlock> GetRequestedBlocks() const;

  protected:
    uint32_t GetBodySize() const override;
    void SerializeBody(Buffer::Iterator& i) const override;
    bool DeserializeBody(Buffer::Iterator& i, uint32_t size, std::string& error) override;
    void PrintBody(std::ostream& os) const override;

  private:
    uint32_t m_sequence;                         ///< Sequence Number
    uint32_t m_token;                            ///< MN Authorization Token
    std::vector<CxtpFeatureProfile> m_requested; ///< requested CDBs
};

} // namespace ns3

#endif // CXTP_HEADER_H
