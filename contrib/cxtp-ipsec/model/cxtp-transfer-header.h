/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CXTP_TRANSFER_HEADER_H
#define CXTP_TRANSFER_HEADER_H

#include "cxtp-header.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

// The CXTP messages between access routers (RFC 4067 §2.5.3 to §2.5.6).

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
 * Encoding decisions where RFC 4067 §2.5.3 is silent:
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

#endif // CXTP_TRANSFER_HEADER_H
