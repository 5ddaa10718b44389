/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "cxtp-context.h"

#include "ikev1-sa.h"
#include "ipsec-pad-entry.h"
#include "ipsec-policy.h"
#include "ipsec-security-association.h"
#include "wire-reader.h"
#include "wire-writer.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CxtpContext");

std::string
ToString(CxtpFeatureProfile fpt)
{
    switch (fpt)
    {
    case CxtpFeatureProfile::RESERVED:
        return "RESERVED";
    case CxtpFeatureProfile::MLD:
        return "MLD";
    case CxtpFeatureProfile::SAD_ENTRY:
        return "SAD_ENTRY";
    case CxtpFeatureProfile::SPD_ENTRY:
        return "SPD_ENTRY";
    case CxtpFeatureProfile::PAD_ENTRY:
        return "PAD_ENTRY";
    case CxtpFeatureProfile::IKEV1_SA:
        return "IKEV1_SA";
    case CxtpFeatureProfile::IKEV2_SA:
        return "IKEV2_SA";
    }
    std::ostringstream os;
    os << "FPT_0x" << std::hex << std::setw(4) << std::setfill('0') << static_cast<uint16_t>(fpt);
    return os.str();
}

// ---- CxtpContextBlock ---------------------------------------------------------------------

CxtpContextBlock
CxtpContextBlock::Request(CxtpFeatureProfile fpt)
{
    CxtpContextBlock block;
    block.fpt = fpt;
    return block;
}

uint32_t
CxtpContextBlock::GetSerializedSize() const
{
    const uint64_t raw = HEAD_SIZE + (presence ? PRESENCE_SIZE : 0) + data.size();
    const uint64_t padded = (raw + UNIT - 1) / UNIT * UNIT;
    return padded > 0xffffffffu ? 0xffffffffu : static_cast<uint32_t>(padded);
}

bool
CxtpContextBlock::IsEncodable() const
{
    return GetSerializedSize() <= MAX_SIZE;
}

uint8_t
CxtpContextBlock::GetLengthField() const
{
    return static_cast<uint8_t>(GetSerializedSize() / UNIT);
}

void
CxtpContextBlock::Serialize(Buffer::Iterator& i) const
{
    NS_ABORT_MSG_IF(!IsEncodable(),
                    "CxtpContextBlock: " << ToString(fpt) << " block of " << GetSerializedSize()
                                         << " octets exceeds the CDB maximum of " << MAX_SIZE
                                         << " (RFC 4067 §2.3, 8-bit Length)");
    const uint32_t size = GetSerializedSize();
    i.WriteHtonU16(static_cast<uint16_t>(fpt));
    i.WriteU8(GetLengthField());
    i.WriteU8(presence ? 0x80 : 0x00);
    uint32_t written = HEAD_SIZE;
    if (presence)
    {
        i.WriteHtonU32(presenceVector);
        written += PRESENCE_SIZE;
    }
    if (!data.empty())
    {
        i.Write(data.data(), data.size());
        written += data.size();
    }
    i.WriteU8(0, size - written);
}

std::vector<uint8_t>
CxtpContextBlock::Encode() const
{
    Buffer buffer;
    buffer.AddAtStart(GetSerializedSize());
    Buffer::Iterator i = buffer.Begin();
    Serialize(i);
    std::vector<uint8_t> bytes(buffer.GetSize());
    buffer.CopyData(bytes.data(), bytes.size());
    return bytes;
}

void
CxtpContextBlock::SerializeRequest(Buffer::Iterator& i) const
{
    i.WriteHtonU16(static_cast<uint16_t>(fpt));
    i.WriteU8(0); // Length = 0: request form (see the class description)
    i.WriteU8(0); // P = 0, reserved
}

std::vector<uint8_t>
CxtpContextBlock::EncodeRequest() const
{
    std::vector<uint8_t> bytes;
    WireWriter w(bytes);
    w.U16(static_cast<uint16_t>(fpt));
    w.U16(0); // Length = 0, P = 0, reserved: as SerializeRequest() writes it
    return bytes;
}

uint32_t
CxtpContextBlock::Decode(const uint8_t* bytes,
                         uint32_t size,
                         CxtpContextBlock& block,
                         std::string* error)
{
    auto fail = [error](const std::string& why) {
        if (error)
        {
            *error = why;
        }
        return 0u;
    };
    if (size < HEAD_SIZE)
    {
        return fail("CDB truncated: " + std::to_string(size) + " octets, fewer than 4");
    }
    const uint16_t code = WireReadU16(bytes);
    const uint32_t length = bytes[2] * UNIT;
    const bool p = (bytes[3] & 0x80) != 0;
    if (length == 0)
    {
        return fail("CDB " + ToString(static_cast<CxtpFeatureProfile>(code)) +
                    " has Length 0 (a request CDB where a data CDB is expected)");
    }
    if (length > size)
    {
        return fail("CDB " + ToString(static_cast<CxtpFeatureProfile>(code)) + " announces " +
                    std::to_string(length) + " octets, only " + std::to_string(size) +
                    " available");
    }
    CxtpContextBlock result;
    result.fpt = static_cast<CxtpFeatureProfile>(code);
    result.presence = p;
    uint32_t offset = HEAD_SIZE;
    if (p)
    {
        // length >= 8 here, so the vector fits.
        result.presenceVector = WireReadU32(bytes + HEAD_SIZE);
        offset += PRESENCE_SIZE;
    }
    result.data.assign(bytes + offset, bytes + length);
    block = std::move(result);
    return length;
}

bool
CxtpContextBlock::DecodeAll(const uint8_t* bytes,
                            uint32_t size,
                            std::vector<CxtpContextBlock>& blocks,
                            std::string* error)
{
    uint32_t offset = 0;
    while (offset < size)
    {
        CxtpContextBlock block;
        const uint32_t used = Decode(bytes + offset, size - offset, block, error);
        if (used == 0)
        {
            if (error)
            {
                *error = "CDB at offset " + std::to_string(offset) + ": " + *error;
            }
            return false;
        }
        blocks.push_back(std::move(block));
        offset += used;
    }
    return true;
}

bool
CxtpContextBlock::operator==(const CxtpContextBlock& other) const
{
    return fpt == other.fpt && presence == other.presence &&
           (!presence || presenceVector == other.presenceVector) && data == other.data;
}

// ---- field writer and reader ---------------------------------------------------------------

namespace
{

/// WireWriter with the field types of the context layouts.
class FieldWriter : public WireWriter
{
  public:
    using WireWriter::WireWriter;

    /// \param t the time, as signed nanoseconds
    void TimeNs(const Time& t)
    {
        U64(static_cast<uint64_t>(t.GetNanoSeconds()));
    }

    /// \param p the prefix length
    void Prefix(const Ipv6Prefix& p)
    {
        U8(p.GetPrefixLength());
    }

    /// \param b the bytes, length-prefixed with 16 bits (aborts above 65535)
    void PrefixedBytes(const std::vector<uint8_t>& b)
    {
        NS_ABORT_MSG_IF(b.size() > 0xffff, "CxtpContextCodec: byte string too long");
        U16(static_cast<uint16_t>(b.size()));
        Raw(b);
    }
};

/// WireReader with the field types of the context layouts and the CDB padding check.
class FieldReader : public WireReader
{
  public:
    using WireReader::WireReader;

    /// \return the time, 0 on failure
    Time TimeNs()
    {
        return NanoSeconds(static_cast<int64_t>(U64()));
    }

    /// \return the prefix; fails on a length above 128
    Ipv6Prefix Prefix()
    {
        const uint8_t length = U8();
        if (length > 128)
        {
            Fail();
            return Ipv6Prefix::GetZero();
        }
        return Ipv6Prefix(length);
    }

    /// \return the length-prefixed byte string, empty on failure
    std::vector<uint8_t> PrefixedBytes()
    {
        const uint16_t n = U16();
        return Bytes(n);
    }

    /**
     * \param value a raw enumeration value
     * \param max the largest valid value
     * \return value; fails if it exceeds max
     */
    uint8_t Enum(uint8_t value, uint8_t max)
    {
        if (value > max)
        {
            Fail();
        }
        return value;
    }

    /**
     * \brief The end check: what is left must be CDB padding, i.e. fewer than 8 zero octets.
     * \return true if every read succeeded and only padding remains
     */
    bool Finish()
    {
        if (!Ok() || GetRemaining() >= CxtpContextBlock::UNIT)
        {
            return false;
        }
        for (uint8_t octet : Bytes(GetRemaining()))
        {
            if (octet != 0)
            {
                return false;
            }
        }
        return true;
    }
};

/// Largest valid values of the enumerations carried in contexts.
constexpr uint8_t MAX_DIRECTION = static_cast<uint8_t>(IpsecDirection::OUTBOUND);
constexpr uint8_t MAX_MODE = static_cast<uint8_t>(IpsecMode::TUNNEL);
constexpr uint8_t MAX_ENCRYPTION = static_cast<uint8_t>(IpsecEncryption::AES_256_GCM_16);
constexpr uint8_t MAX_INTEGRITY = static_cast<uint8_t>(IpsecIntegrity::HMAC_SHA2_256_128);
constexpr uint8_t MAX_ACTION = static_cast<uint8_t>(IpsecPolicyAction::DISCARD);
constexpr uint8_t MAX_AUTH = static_cast<uint8_t>(IpsecAuthMethod::CERTIFICATE);
constexpr uint8_t MAX_ROLE = static_cast<uint8_t>(Ikev1Role::RESPONDER);
constexpr uint8_t MAX_STATE = static_cast<uint8_t>(Ikev1State::FAILED);
constexpr uint8_t MAX_HASH = static_cast<uint8_t>(CryptoHash::SHA2_256);
constexpr uint32_t MIN_REPLAY_WINDOW = 32;    ///< IpsecReplayWindow's lower bound
constexpr uint32_t MAX_REPLAY_WINDOW = 65536; ///< IpsecReplayWindow's upper bound

/**
 * \param value a raw exchange type
 * \return true if it names an Ikev1ExchangeType
 */
bool
IsExchangeType(uint8_t value)
{
    switch (static_cast<Ikev1ExchangeType>(value))
    {
    case Ikev1ExchangeType::NONE:
    case Ikev1ExchangeType::BASE:
    case Ikev1ExchangeType::IDENTITY_PROTECTION:
    case Ikev1ExchangeType::AUTHENTICATION_ONLY:
    case Ikev1ExchangeType::AGGRESSIVE:
    case Ikev1ExchangeType::INFORMATIONAL:
    case Ikev1ExchangeType::QUICK:
    case Ikev1ExchangeType::NEW_GROUP:
        return true;
    }
    return false;
}

/**
 * \param fpt the profile
 * \param data the encoded fields
 * \return a P = 0 block carrying them
 */
CxtpContextBlock
MakeBlock(CxtpFeatureProfile fpt, std::vector<uint8_t> data)
{
    CxtpContextBlock block;
    block.fpt = fpt;
    block.data = std::move(data);
    return block;
}

/**
 * \param block the block
 * \param fpt the expected profile
 * \return true if the block has that profile, no presence vector, and starts with version 1
 */
bool
CheckBlock(const CxtpContextBlock& block, CxtpFeatureProfile fpt)
{
    return block.fpt == fpt && !block.presence && !block.data.empty() &&
           block.data[0] == CxtpContextCodec::LAYOUT_VERSION;
}

/**
 * \brief Reads the established Quick Modes of an IKEv1 SA block: a count, then each entry.
 * \param r the reader, at the count
 * \param [in,out] sa the SA, whose quickModes are filled; a repeated M-ID fails the reader
 */
void
ReadQuickModes(FieldReader& r, Ikev1Sa& sa)
{
    const uint16_t count = r.U16();
    for (uint16_t k = 0; k < count && r.Ok(); ++k)
    {
        Ikev1QuickMode qm;
        qm.state = Ikev1State::ESTABLISHED;
        qm.messageId = r.U32();
        qm.role = static_cast<Ikev1Role>(r.Enum(r.U8(), MAX_ROLE));
        qm.inboundSpi = r.U32();
        qm.outboundSpi = r.U32();
        qm.outPolicyId = r.U32();
        qm.inPolicyId = r.U32();
        qm.encryption = static_cast<IpsecEncryption>(r.Enum(r.U8(), MAX_ENCRYPTION));
        qm.integrity = static_cast<IpsecIntegrity>(r.Enum(r.U8(), MAX_INTEGRITY));
        qm.pfsGroup = r.U16();
        qm.lifetime = r.TimeNs();
        qm.started = r.TimeNs();
        if (r.Ok() && !sa.quickModes.emplace(qm.messageId, qm).second)
        {
            r.Fail(); // the same M-ID twice
        }
    }
}

/**
 * \brief Reads the informational M-IDs of an IKEv1 SA block: a count, then each M-ID.
 * \param r the reader, at the count
 * \param [in,out] sa the SA, whose informationalIds are filled; too many M-IDs or a repeated
 * one fails the reader
 */
void
ReadInformationalIds(FieldReader& r, Ikev1Sa& sa)
{
    const uint16_t informational = r.U16();
    if (informational > Ikev1Sa::MAX_INFORMATIONAL_IDS)
    {
        r.Fail();
    }
    for (uint16_t k = 0; k < informational && r.Ok(); ++k)
    {
        const uint32_t id = r.U32();
        if (std::find(sa.informationalIds.begin(), sa.informationalIds.end(), id) !=
            sa.informationalIds.end())
        {
            r.Fail(); // the same M-ID twice
        }
        sa.informationalIds.push_back(id);
    }
}

} // namespace

// ---- CxtpContextCodec -------------------------------------------------------------------------

CxtpContextBlock
CxtpContextCodec::EncodeSa(const IpsecSecurityAssociation& sa)
{
    std::vector<uint8_t> data;
    FieldWriter w(data);
    w.U8(LAYOUT_VERSION);
    w.U32(sa.spi);
    w.U8(static_cast<uint8_t>(sa.direction));
    w.U8(static_cast<uint8_t>(sa.mode));
    w.U8(static_cast<uint8_t>(sa.encryption));
    w.U8(static_cast<uint8_t>(sa.integrity));
    w.U8((sa.esn ? 0x01 : 0x00) | (sa.replay.IsEsn() ? 0x02 : 0x00));
    w.Ipv6(sa.source);
    w.Ipv6(sa.destination);
    w.PrefixedBytes(sa.encryptionKey);
    w.PrefixedBytes(sa.integrityKey);
    w.U64(sa.sequence);
    w.U32(sa.replay.GetSize());
    w.U64(sa.replay.GetHighest());
    const std::vector<uint64_t>& bitmap = sa.replay.GetBitmap();
    w.U16(static_cast<uint16_t>(bitmap.size()));
    for (uint64_t word : bitmap)
    {
        w.U64(word);
    }
    w.TimeNs(sa.softLifetime.time);
    w.U64(sa.softLifetime.bytes);
    w.TimeNs(sa.hardLifetime.time);
    w.U64(sa.hardLifetime.bytes);
    w.U64(sa.bytes);
    w.U64(sa.packets);
    w.TimeNs(sa.addTime);
    w.U32(sa.pathMtu);
    w.U32(sa.policyId);
    return MakeBlock(CxtpFeatureProfile::SAD_ENTRY, std::move(data));
}

bool
CxtpContextCodec::DecodeSa(const CxtpContextBlock& block, IpsecSecurityAssociation& sa)
{
    NS_LOG_FUNCTION(block.data.size());
    if (!CheckBlock(block, CxtpFeatureProfile::SAD_ENTRY))
    {
        return false;
    }
    FieldReader r(block.data);
    r.U8(); // version
    IpsecSecurityAssociation out;
    out.spi = r.U32();
    out.direction = static_cast<IpsecDirection>(r.Enum(r.U8(), MAX_DIRECTION));
    out.mode = static_cast<IpsecMode>(r.Enum(r.U8(), MAX_MODE));
    out.encryption = static_cast<IpsecEncryption>(r.Enum(r.U8(), MAX_ENCRYPTION));
    out.integrity = static_cast<IpsecIntegrity>(r.Enum(r.U8(), MAX_INTEGRITY));
    const uint8_t flags = r.Enum(r.U8(), 0x03);
    out.esn = (flags & 0x01) != 0;
    const bool replayEsn = (flags & 0x02) != 0;
    out.source = r.Ipv6();
    out.destination = r.Ipv6();
    out.encryptionKey = r.PrefixedBytes();
    out.integrityKey = r.PrefixedBytes();
    out.sequence = r.U64();
    const uint32_t windowSize = r.U32();
    const uint64_t highest = r.U64();
    const uint16_t words = r.U16();
    if (!r.Ok() || windowSize < MIN_REPLAY_WINDOW || windowSize > MAX_REPLAY_WINDOW ||
        words != (windowSize + 63) / 64 || (!replayEsn && highest > 0xffffffffu) ||
        (!out.esn && out.sequence > 0xffffffffu))
    {
        return false;
    }
    std::vector<uint64_t> bitmap(words);
    for (uint64_t& word : bitmap)
    {
        word = r.U64();
    }
    out.softLifetime.time = r.TimeNs();
    out.softLifetime.bytes = r.U64();
    out.hardLifetime.time = r.TimeNs();
    out.hardLifetime.bytes = r.U64();
    out.bytes = r.U64();
    out.packets = r.U64();
    out.addTime = r.TimeNs();
    out.pathMtu = r.U32();
    out.policyId = r.U32();
    if (!r.Finish())
    {
        return false;
    }
    out.replay = IpsecReplayWindow(windowSize, replayEsn);
    out.replay.SetState(highest, bitmap);
    if (out.replay.GetBitmap() != bitmap)
    {
        return false; // bits set beyond W: not a state GetBitmap() can produce
    }
    sa = std::move(out);
    return true;
}

CxtpContextBlock
CxtpContextCodec::EncodePolicy(const IpsecPolicy& policy)
{
    std::vector<uint8_t> data;
    FieldWriter w(data);
    w.U8(LAYOUT_VERSION);
    w.U32(policy.id);
    w.U8(static_cast<uint8_t>(policy.direction));
    w.U32(static_cast<uint32_t>(policy.priority));
    w.U8(static_cast<uint8_t>(policy.action));
    w.U8(static_cast<uint8_t>(policy.mode));
    w.U8(static_cast<uint8_t>(policy.encryption));
    w.U8(static_cast<uint8_t>(policy.integrity));
    const IpsecTrafficSelector& s = policy.selector;
    w.Ipv6(s.localAddress);
    w.Prefix(s.localPrefix);
    w.Ipv6(s.remoteAddress);
    w.Prefix(s.remotePrefix);
    w.U8(s.nextHeader);
    w.U16(s.localPortMin);
    w.U16(s.localPortMax);
    w.U16(s.remotePortMin);
    w.U16(s.remotePortMax);
    w.Ipv6(policy.tunnelLocal);
    w.Ipv6(policy.tunnelRemote);
    return MakeBlock(CxtpFeatureProfile::SPD_ENTRY, std::move(data));
}

bool
CxtpContextCodec::DecodePolicy(const CxtpContextBlock& block, IpsecPolicy& policy)
{
    NS_LOG_FUNCTION(block.data.size());
    if (!CheckBlock(block, CxtpFeatureProfile::SPD_ENTRY))
    {
        return false;
    }
    FieldReader r(block.data);
    r.U8(); // version
    IpsecPolicy out;
    out.id = r.U32();
    out.direction = static_cast<IpsecDirection>(r.Enum(r.U8(), MAX_DIRECTION));
    out.priority = static_cast<int32_t>(r.U32());
    out.action = static_cast<IpsecPolicyAction>(r.Enum(r.U8(), MAX_ACTION));
    out.mode = static_cast<IpsecMode>(r.Enum(r.U8(), MAX_MODE));
    out.encryption = static_cast<IpsecEncryption>(r.Enum(r.U8(), MAX_ENCRYPTION));
    out.integrity = static_cast<IpsecIntegrity>(r.Enum(r.U8(), MAX_INTEGRITY));
    IpsecTrafficSelector& s = out.selector;
    s.localAddress = r.Ipv6();
    s.localPrefix = r.Prefix();
    s.remoteAddress = r.Ipv6();
    s.remotePrefix = r.Prefix();
    s.nextHeader = r.U8();
    s.localPortMin = r.U16();
    s.localPortMax = r.U16();
    s.remotePortMin = r.U16();
    s.remotePortMax = r.U16();
    out.tunnelLocal = r.Ipv6();
    out.tunnelRemote = r.Ipv6();
    if (!r.Finish())
    {
        return false;
    }
    policy = std::move(out);
    return true;
}

CxtpContextBlock
CxtpContextCodec::EncodePadEntry(const IpsecPadEntry& entry)
{
    std::vector<uint8_t> data;
    FieldWriter w(data);
    w.U8(LAYOUT_VERSION);
    w.Ipv6(entry.peerAddress);
    w.Prefix(entry.peerPrefix);
    w.PrefixedBytes(std::vector<uint8_t>(entry.peerName.begin(), entry.peerName.end()));
    w.U8(entry.ikeVersion);
    w.U8(static_cast<uint8_t>(entry.authMethod));
    w.PrefixedBytes(entry.preSharedKey);
    w.Ipv6(entry.childAddress);
    w.Prefix(entry.childPrefix);
    return MakeBlock(CxtpFeatureProfile::PAD_ENTRY, std::move(data));
}

bool
CxtpContextCodec::DecodePadEntry(const CxtpContextBlock& block, IpsecPadEntry& entry)
{
    NS_LOG_FUNCTION(block.data.size());
    if (!CheckBlock(block, CxtpFeatureProfile::PAD_ENTRY))
    {
        return false;
    }
    FieldReader r(block.data);
    r.U8(); // version
    IpsecPadEntry out;
    out.peerAddress = r.Ipv6();
    out.peerPrefix = r.Prefix();
    const std::vector<uint8_t> name = r.PrefixedBytes();
    out.peerName.assign(name.begin(), name.end());
    out.ikeVersion = r.U8();
    out.authMethod = static_cast<IpsecAuthMethod>(r.Enum(r.U8(), MAX_AUTH));
    out.preSharedKey = r.PrefixedBytes();
    out.childAddress = r.Ipv6();
    out.childPrefix = r.Prefix();
    if (!r.Finish())
    {
        return false;
    }
    entry = std::move(out);
    return true;
}

CxtpContextBlock
CxtpContextCodec::EncodeIkev1Sa(const Ikev1Sa& sa)
{
    std::vector<uint8_t> data;
    FieldWriter w(data);
    w.U8(LAYOUT_VERSION);
    w.U64(sa.initiatorCookie);
    w.U64(sa.responderCookie);
    w.U8(static_cast<uint8_t>(sa.role));
    w.U8(static_cast<uint8_t>(sa.state));
    w.U8(static_cast<uint8_t>(sa.exchange));
    w.U8(static_cast<uint8_t>(sa.encryption));
    w.U8(static_cast<uint8_t>(sa.hash));
    w.U16(sa.dhGroup);
    w.Ipv6(sa.local);
    w.Ipv6(sa.peer);
    w.TimeNs(sa.lifetime);
    w.TimeNs(sa.started);
    w.TimeNs(sa.established);
    w.PrefixedBytes(sa.skeyid);
    w.PrefixedBytes(sa.skeyidD);
    w.PrefixedBytes(sa.skeyidA);
    w.PrefixedBytes(sa.skeyidE);
    w.PrefixedBytes(sa.encryptionKey);
    w.PrefixedBytes(sa.iv);
    uint16_t established = 0;
    for (const auto& entry : sa.quickModes)
    {
        if (entry.second.state == Ikev1State::ESTABLISHED)
        {
            ++established;
        }
    }
    w.U16(established);
    for (const auto& entry : sa.quickModes)
    {
        const Ikev1QuickMode& qm = entry.second;
        if (qm.state != Ikev1State::ESTABLISHED)
        {
            continue;
        }
        w.U32(qm.messageId);
        w.U8(static_cast<uint8_t>(qm.role));
        w.U32(qm.inboundSpi);
        w.U32(qm.outboundSpi);
        w.U32(qm.outPolicyId);
        w.U32(qm.inPolicyId);
        w.U8(static_cast<uint8_t>(qm.encryption));
        w.U8(static_cast<uint8_t>(qm.integrity));
        w.U16(qm.pfsGroup);
        w.TimeNs(qm.lifetime);
        w.TimeNs(qm.started);
    }
    NS_ABORT_MSG_IF(sa.informationalIds.size() > Ikev1Sa::MAX_INFORMATIONAL_IDS,
                    "too many informational M-IDs");
    w.U16(static_cast<uint16_t>(sa.informationalIds.size()));
    for (uint32_t id : sa.informationalIds)
    {
        w.U32(id);
    }
    w.U8(sa.initialContact ? 1 : 0);
    return MakeBlock(CxtpFeatureProfile::IKEV1_SA, std::move(data));
}

bool
CxtpContextCodec::DecodeIkev1Sa(const CxtpContextBlock& block, Ikev1Sa& sa)
{
    NS_LOG_FUNCTION(block.data.size());
    if (!CheckBlock(block, CxtpFeatureProfile::IKEV1_SA))
    {
        return false;
    }
    FieldReader r(block.data);
    r.U8(); // version
    Ikev1Sa out;
    out.initiatorCookie = r.U64();
    out.responderCookie = r.U64();
    out.role = static_cast<Ikev1Role>(r.Enum(r.U8(), MAX_ROLE));
    out.state = static_cast<Ikev1State>(r.Enum(r.U8(), MAX_STATE));
    const uint8_t exchange = r.U8();
    if (!IsExchangeType(exchange))
    {
        r.Fail();
    }
    out.exchange = static_cast<Ikev1ExchangeType>(exchange);
    out.encryption = static_cast<IpsecEncryption>(r.Enum(r.U8(), MAX_ENCRYPTION));
    out.hash = static_cast<CryptoHash>(r.Enum(r.U8(), MAX_HASH));
    out.dhGroup = r.U16();
    out.local = r.Ipv6();
    out.peer = r.Ipv6();
    out.lifetime = r.TimeNs();
    out.started = r.TimeNs();
    out.established = r.TimeNs();
    out.skeyid = r.PrefixedBytes();
    out.skeyidD = r.PrefixedBytes();
    out.skeyidA = r.PrefixedBytes();
    out.skeyidE = r.PrefixedBytes();
    out.encryptionKey = r.PrefixedBytes();
    out.iv = r.PrefixedBytes();
    ReadQuickModes(r, out);
    ReadInformationalIds(r, out);
    const uint8_t flags = r.U8();
    if (flags > 1)
    {
        r.Fail(); // undefined flag bits
    }
    out.initialContact = (flags & 1) != 0;
    if (!r.Finish())
    {
        return false;
    }
    sa = std::move(out);
    return true;
}

} // namespace ns3
