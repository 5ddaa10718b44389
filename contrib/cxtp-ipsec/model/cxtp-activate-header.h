/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CXTP_ACTIVATE_HEADER_H
#define CXTP_ACTIVATE_HEADER_H

#include "cxtp-header.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

// The CXTP messages between the mobile node and an access router (RFC 4067 §2.5.1, §2.5.2).

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
 * (doc/cxtp-ipsec.rst, Message counts and sizes).
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

} // namespace ns3

#endif // CXTP_ACTIVATE_HEADER_H
