/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CXTP_CONTEXT_H
#define CXTP_CONTEXT_H

#include "ns3/buffer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

struct IpsecSecurityAssociation;
struct IpsecPolicy;
struct IpsecPadEntry;
struct Ikev1Sa;

/**
 * \ingroup cxtp-ipsec
 * \brief Feature Profile Types of the Context Data Blocks this module sends (RFC 4067 §2.3,
 * RFC 4065 §6).
 *
 * The IANA "Seamoby Feature Profile Types" registry only assigns 0x0001 (IPv6 multicast
 * listener context, RFC 4067 Appendix B); nothing exists for IPsec or IKE. The codes below are
 * therefore LOCAL values chosen at the top of the 16-bit space (0xFF01-0xFF05), far from the
 * IANA-assigned range, so that they cannot be mistaken for registered profiles. They are only
 * meaningful between nodes running this module.
 */
enum class CxtpFeatureProfile : uint16_t
{
    RESERVED = 0x0000,  ///< reserved by RFC 4065 §6
    MLD = 0x0001,       ///< IANA: IPv6 multicast listener context (not produced here)
    SAD_ENTRY = 0xFF01, ///< local: one IPsec SA (RFC 4301 §4.4.2), CxtpContextCodec::EncodeSa
    SPD_ENTRY = 0xFF02, ///< local: one SPD rule (RFC 4301 §4.4.1), CxtpContextCodec::EncodePolicy
    PAD_ENTRY = 0xFF03, ///< local: one PAD entry (RFC 4301 §4.4.3)
    IKEV1_SA = 0xFF04,  ///< local: one IKEv1 ISAKMP SA (RFC 2409) with its quick-mode SPIs
    IKEV2_SA = 0xFF05,  ///< local: reserved for an IKEv2 SA (RFC 7296); no codec yet
};

/// \return a short name, e.g. "SAD_ENTRY", or "FPT_0x1234" for an unknown code
std::string ToString(CxtpFeatureProfile fpt);

/**
 * \ingroup cxtp-ipsec
 * \brief One Context Data Block (RFC 4067 §2.3).
 *
 * \verbatim
  0                   1                   2                   3
  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |    Feature Profile Type       |    Length     |P|  Reserved   |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |           Presence Vector (if P = 1)                          |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 |           Data (zero-padded to a multiple of 8 octets)        |
 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 \endverbatim
 *
 * Length counts 8-octet units from the FPT field (the 4-octet head and the presence vector
 * included), so a block is at most 255 * 8 = 2040 octets. The data is padded with zero octets to
 * the next multiple of 8; the padding is not distinguishable from data on receipt, so Decode()
 * returns the data with its padding and every profile layout (CxtpContextCodec) is
 * self-delimiting.
 *
 * <b>Request blocks</b> (CTAR, CT-Req: "requested CDBs") carry no data. RFC 4067 §2.3 does not say
 * how a 4-octet block fits the 8-octet Length unit. This module
 * encodes a request CDB as exactly 4 octets: FPT | Length = 0 | P = 0 | Reserved = 0
 * (EncodeRequest()); only the FPT of a request is meaningful. Length 0 never occurs for a data
 * block, which always has Length >= 1.
 */
struct CxtpContextBlock
{
    static constexpr uint32_t HEAD_SIZE = 4;      ///< FPT, Length, P + reserved
    static constexpr uint32_t PRESENCE_SIZE = 4;  ///< the presence vector
    static constexpr uint32_t REQUEST_SIZE = 4;   ///< a request CDB (this module's encoding)
    static constexpr uint32_t UNIT = 8;           ///< Length unit in octets
    static constexpr uint32_t MAX_SIZE = 255 * 8; ///< largest block the Length field allows

    CxtpFeatureProfile fpt{CxtpFeatureProfile::RESERVED}; ///< Feature Profile Type
    bool presence{false};                                 ///< P: a presence vector follows
    uint32_t presenceVector{0};                           ///< one bit per profile field
    std::vector<uint8_t> data;                            ///< the context data, unpadded

    /**
     * \param fpt the requested feature profile
     * \return a block with no data, to be sent as a request CDB
     */
    static CxtpContextBlock Request(CxtpFeatureProfile fpt);

    /// \return the encoded size in octets: 8 * Length (head, presence vector, data, padding)
    uint32_t GetSerializedSize() const;
    /// \return true if the block fits the 8-bit Length field (GetSerializedSize() <= MAX_SIZE)
    bool IsEncodable() const;
    /// \return the Length field: GetSerializedSize() / 8 (only meaningful if IsEncodable())
    uint8_t GetLengthField() const;

    /**
     * \brief Write the block as a data CDB (aborts if !IsEncodable()).
     * \param i the iterator, advanced by GetSerializedSize()
     */
    void Serialize(Buffer::Iterator& i) const;
    /// \return the block as a data CDB (aborts if !IsEncodable())
    std::vector<uint8_t> Encode() const;

    /**
     * \brief Write the 4-octet request form: FPT | 0 | 0 | 0 (only the FPT is sent).
     * \param i the iterator, advanced by REQUEST_SIZE
     */
    void SerializeRequest(Buffer::Iterator& i) const;
    /// \return the 4-octet request form
    std::vector<uint8_t> EncodeRequest() const;

    /**
     * \brief Decode one data CDB from the start of \p bytes.
     * \param bytes the octets
     * \param size how many octets may be read
     * \param [out] block the block; data keeps its zero padding (unchanged on failure)
     * \param [out] error why decoding failed (may be nullptr)
     * \return the octets consumed (8 * Length), or 0 if the block is truncated (size < 4 or
     *         < 8 * Length) or has Length 0 (the request form is not a data block)
     */
    static uint32_t Decode(const uint8_t* bytes,
                           uint32_t size,
                           CxtpContextBlock& block,
                           std::string* error = nullptr);
    /**
     * \brief Decode a whole sequence of data CDBs that fills exactly \p size octets.
     * \param bytes the octets
     * \param size the number of octets
     * \param [out] blocks the blocks (appended)
     * \param [out] error why decoding failed (may be nullptr)
     * \return false if any block is malformed
     */
    static bool DecodeAll(const uint8_t* bytes,
                          uint32_t size,
                          std::vector<CxtpContextBlock>& blocks,
                          std::string* error = nullptr);

    /**
     * \param other another block
     * \return true if FPT, P and data are equal, and the presence vectors too when P = 1
     */
    bool operator==(const CxtpContextBlock& other) const;
};

/**
 * \ingroup cxtp-ipsec
 * \brief Serialises the module's typed IPsec/IKE state into Context Data Blocks and back
 * (RFC 4067 §2.3: "each FPT specification defines field count, size and order").
 *
 * The codec reads and writes the very structs that the SAD, SPD, PAD and IKE daemon use; there
 * is no second copy of the state layout. All fields are in network byte order; a byte string is
 * a 16-bit length followed by its octets; a Time is a signed 64-bit nanosecond count; an
 * Ipv6Address is 16 octets; a prefix length is 1 octet (0-128). Every layout starts with a
 * 1-octet layout version (1). P = 0 (no presence vector) for every profile: all fields are always
 * sent. Every Decode* is bounds-checked and returns false, leaving its output untouched, on
 * truncation, an out-of-range enumeration value, an inconsistent length, non-zero trailing
 * octets, or trailing octets beyond the 8-octet padding.
 *
 * <b>SAD_ENTRY</b> (IpsecSecurityAssociation, RFC 4301 §4.4.2.1):
 * version(1) | SPI(4) | direction(1) | mode(1) | encryption(1) | integrity(1) |
 * flags(1: bit 0 ESN, bit 1 replay window ESN) | source(16) | destination(16) |
 * encryption key(2+n) | integrity key(2+n) | sequence counter(8) | replay W(4) | replay T(8) |
 * bitmap word count(2) | bitmap words(8 each, word 0 first) | soft time(8) | soft bytes(8) |
 * hard time(8) | hard bytes(8) | current bytes(8) | current packets(8) | add time(8) |
 * path MTU(4) | policy id(4).
 *
 * <b>SPD_ENTRY</b> (IpsecPolicy, RFC 4301 §4.4.1.2): version(1) | id(4) | direction(1) |
 * priority(4, two's complement) | action(1) | mode(1) | encryption(1) | integrity(1) |
 * local address(16) | local prefix(1) | remote address(16) | remote prefix(1) | next header(1) |
 * local ports min, max(2, 2) | remote ports min, max(2, 2) | tunnel local(16) |
 * tunnel remote(16).
 *
 * <b>PAD_ENTRY</b> (IpsecPadEntry, RFC 4301 §4.4.3): version(1) | peer address(16) |
 * peer prefix(1) | peer name(2+n) | IKE version(1) | auth method(1) | pre-shared key(2+n) |
 * child address(16) | child prefix(1).
 *
 * <b>IKEV1_SA</b> (Ikev1Sa, RFC 2409): version(1) | CKY-I(8) | CKY-R(8) | role(1) | state(1) |
 * exchange(1) | encryption(1) | hash(1) | DH group(2) | local(16) | peer(16) | lifetime(8) |
 * started(8) | established(8) | SKEYID(2+n) | SKEYID_d(2+n) | SKEYID_a(2+n) | SKEYID_e(2+n) |
 * encryption key(2+n) | IV = last phase-1 CBC block(2+n) | quick-mode count(2) | per established
 * quick mode: M-ID(4) | role(1) | inbound SPI(4) | outbound SPI(4) | out policy(4) |
 * in policy(4) | encryption(1) | integrity(1) | PFS group(2) | lifetime(8) | started(8) |
 * informational M-ID count(2, at most 16) | M-IDs of the last informational exchanges sent or
 * received, oldest first (4 each) |
 * flags(1: bit 0 INITIAL-CONTACT exchanged). With the quick modes' M-IDs these are the message
 * IDs in use, which the gateway taking the SA over must not pick again.
 *
 * Not transferred for IKEv1, on purpose: the phase-1 DH private value, both public values, g^xy,
 * the nonces Ni_b/Nr_b and SAi_b. They only feed the derivation of SKEYID (RFC 2409 §5) and the
 * HASH_I/HASH_R authentication of phase 1, both finished once the SA is established; later
 * quick modes and informational exchanges need only SKEYID_d/a/e, the cipher key, the last
 * phase-1 CBC block (to derive per-M-ID IVs, RFC 2409 Appendix B) and the cookies. Copying the
 * DH secrets would only widen their exposure. Quick modes that are not ESTABLISHED are dropped
 * (an exchange in flight cannot continue at another gateway), and of the established ones only
 * the M-ID (in use), SPIs, policies, transforms and lifetime are kept: their nonces, PFS values
 * and chained IVs are spent.
 */
class CxtpContextCodec
{
  public:
    /// Version octet at the start of every layout.
    static constexpr uint8_t LAYOUT_VERSION = 1;

    /**
     * \param sa the SA
     * \return a SAD_ENTRY block (P = 0)
     */
    static CxtpContextBlock EncodeSa(const IpsecSecurityAssociation& sa);
    /**
     * \param block a SAD_ENTRY block (padding allowed)
     * \param [out] sa the SA, assigned only on success
     * \return false if the block is not a well-formed SAD_ENTRY
     */
    static bool DecodeSa(const CxtpContextBlock& block, IpsecSecurityAssociation& sa);

    /**
     * \param policy the SPD rule
     * \return an SPD_ENTRY block (P = 0)
     */
    static CxtpContextBlock EncodePolicy(const IpsecPolicy& policy);
    /**
     * \param block an SPD_ENTRY block
     * \param [out] policy the rule, assigned only on success
     * \return false if the block is not a well-formed SPD_ENTRY
     */
    static bool DecodePolicy(const CxtpContextBlock& block, IpsecPolicy& policy);

    /**
     * \param entry the PAD entry
     * \return a PAD_ENTRY block (P = 0)
     */
    static CxtpContextBlock EncodePadEntry(const IpsecPadEntry& entry);
    /**
     * \param block a PAD_ENTRY block
     * \param [out] entry the entry, assigned only on success
     * \return false if the block is not a well-formed PAD_ENTRY
     */
    static bool DecodePadEntry(const CxtpContextBlock& block, IpsecPadEntry& entry);

    /**
     * \param sa the ISAKMP SA (see the class description for what is left out)
     * \return an IKEV1_SA block (P = 0)
     */
    static CxtpContextBlock EncodeIkev1Sa(const Ikev1Sa& sa);
    /**
     * \param block an IKEV1_SA block
     * \param [out] sa the SA, assigned only on success; the fields that are not transferred
     *        are left empty and only established quick modes are present
     * \return false if the block is not a well-formed IKEV1_SA
     */
    static bool DecodeIkev1Sa(const CxtpContextBlock& block, Ikev1Sa& sa);
};

} // namespace ns3

#endif // CXTP_CONTEXT_H
