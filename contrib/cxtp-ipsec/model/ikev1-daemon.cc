/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev1-daemon.h"

#include "crypto-cipher.h"
#include "crypto-cost-model.h"
#include "crypto-diffie-hellman.h"
#include "crypto-random.h"
#include "ikev1-codec.h"
#include "ikev1-key-derivation.h"
#include "ipsec-pad.h"
#include "ipsec-pf-key.h"
#include "ipsec-policy.h"
#include "ipsec-spd.h"

#include "ns3/boolean.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv6-packet-info-tag.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <memory>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ikev1Daemon");
NS_OBJECT_ENSURE_REGISTERED(Ikev1Daemon);

namespace
{
// RFC 2409 Appendix A phase-1 attribute classes and values.
constexpr uint16_t P1_ENCRYPTION = 1;
constexpr uint16_t P1_HASH = 2;
constexpr uint16_t P1_AUTH_METHOD = 3;
constexpr uint16_t P1_GROUP = 4;
constexpr uint16_t P1_LIFE_TYPE = 11;
constexpr uint16_t P1_LIFE_DURATION = 12;
constexpr uint16_t P1_KEY_LENGTH = 14;
constexpr uint16_t P1_ENC_3DES = 5;
constexpr uint16_t P1_ENC_AES = 7; // RFC 3602 §5.1
constexpr uint16_t P1_HASH_SHA1 = 2;
constexpr uint16_t P1_HASH_SHA2_256 = 4;
constexpr uint16_t P1_AUTH_PSK = 1;
constexpr uint16_t LIFE_SECONDS = 1;
constexpr uint8_t KEY_IKE = 1;
// RFC 2407 §4.5 phase-2 attribute classes, §4.4.4 ESP transform ids.
constexpr uint16_t P2_LIFE_TYPE = 1;
constexpr uint16_t P2_LIFE_DURATION = 2;
constexpr uint16_t P2_GROUP = 3;
constexpr uint16_t P2_ENCAPSULATION = 4;
constexpr uint16_t P2_AUTH_ALGORITHM = 5;
constexpr uint16_t P2_KEY_LENGTH = 6;
constexpr uint16_t ENCAPSULATION_TUNNEL = 1;
constexpr uint16_t AUTH_HMAC_SHA = 2;
constexpr uint16_t AUTH_HMAC_SHA2_256 = 5;
constexpr uint8_t ESP_3DES = 3;
constexpr uint8_t ESP_AES = 12;
constexpr uint8_t ESP_AES_GCM_16 = 20; // RFC 4106 §8.1
constexpr uint8_t PROTO_ISAKMP = 1;
constexpr uint8_t PROTO_IPSEC_ESP = 3;
constexpr uint8_t ID_IPV6_ADDR = 5;
constexpr uint8_t ID_IPV6_ADDR_SUBNET = 6;
constexpr uint16_t NOTIFY_NO_PROPOSAL_CHOSEN = 14;
constexpr uint16_t NOTIFY_AUTHENTICATION_FAILED = 24;
// RFC 3706 DPD vendor ID.
const std::vector<uint8_t> DPD_VENDOR_ID = {0xAF,
                                            0xCA,
                                            0xD7,
                                            0x13,
                                            0x68,
                                            0xA1,
                                            0xF1,
                                            0xC9,
                                            0x6B,
                                            0x86,
                                            0x96,
                                            0xFC,
                                            0x77,
                                            0x57,
                                            0x01,
                                            0x00};

std::vector<uint8_t>
Cookie(uint64_t c)
{
    std::vector<uint8_t> b(8);
    for (int i = 0; i < 8; i++)
    {
        b[i] = static_cast<uint8_t>(c >> (56 - 8 * i));
    }
    return b;
}

std::vector<uint8_t>
Be32(uint32_t v)
{
    return {static_cast<uint8_t>(v >> 24),
            static_cast<uint8_t>(v >> 16),
            static_cast<uint8_t>(v >> 8),
            static_cast<uint8_t>(v)};
}

/// \return the big-endian value of n octets at p (n <= 8)
uint64_t
ReadBe(const uint8_t* p, uint32_t n)
{
    uint64_t v = 0;
    for (uint32_t i = 0; i < n; ++i)
    {
        v = v << 8 | p[i];
    }
    return v;
}

std::vector<uint8_t>
Concat(std::initializer_list<std::vector<uint8_t>> parts)
{
    std::vector<uint8_t> out;
    for (const auto& p : parts)
    {
        out.insert(out.end(), p.begin(), p.end());
    }
    return out;
}

std::vector<uint8_t>
AddressBytes(const Ipv6Address& a)
{
    std::vector<uint8_t> b(16);
    a.GetBytes(b.data());
    return b;
}

/// Body of an SA payload as the HASH_I/HASH_R inputs need it (RFC 2409 §5: SAi_b).
std::vector<uint8_t>
SaBody(const Ikev1SaPayload& sa)
{
    uint8_t first;
    std::vector<uint8_t> bytes = Ikev1Codec::EncodePayloads({sa}, first);
    return std::vector<uint8_t>(bytes.begin() + Ikev1Codec::GENERIC_HEADER_SIZE, bytes.end());
}

/// ID payload body: type, protocol, port, data (RFC 2409 §5: IDii_b).
std::vector<uint8_t>
IdBody(const Ikev1IdPayload& id)
{
    uint8_t first;
    std::vector<uint8_t> bytes = Ikev1Codec::EncodePayloads({id}, first);
    return std::vector<uint8_t>(bytes.begin() + Ikev1Codec::GENERIC_HEADER_SIZE, bytes.end());
}

template <typename T>
const T*
Find(const std::vector<Ikev1Payload>& payloads)
{
    for (const auto& p : payloads)
    {
        if (const T* t = std::get_if<T>(&p))
        {
            return t;
        }
    }
    return nullptr;
}

/// All payloads of a type.
template <typename T>
std::vector<const T*>
FindAll(const std::vector<Ikev1Payload>& payloads)
{
    std::vector<const T*> out;
    for (const auto& p : payloads)
    {
        if (const T* t = std::get_if<T>(&p))
        {
            out.push_back(t);
        }
    }
    return out;
}

uint32_t
HashLength(CryptoHash hash)
{
    return CryptoMac::GetLength(hash);
}
} // namespace

TypeId
Ikev1Daemon::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Ikev1Daemon")
            .SetParent<Application>()
            .SetGroupName("CxtpIpsec")
            .AddConstructor<Ikev1Daemon>()
            .AddAttribute("Mode",
                          "Phase-1 exchange when initiating: main or aggressive (RFC 2409 §5).",
                          StringValue("main"),
                          MakeStringAccessor(&Ikev1Daemon::SetMode, &Ikev1Daemon::GetMode),
                          MakeStringChecker())
            .AddAttribute(
                "Encryption",
                "Phase-1 cipher: 3des-cbc, aes128-cbc or aes256-cbc.",
                StringValue("3des-cbc"),
                MakeStringAccessor(&Ikev1Daemon::SetEncryption, &Ikev1Daemon::GetEncryption),
                MakeStringChecker())
            .AddAttribute("Hash",
                          "Phase-1 hash, also the PRF (its HMAC): sha1 or sha256.",
                          StringValue("sha1"),
                          MakeStringAccessor(&Ikev1Daemon::SetHash, &Ikev1Daemon::GetHash),
                          MakeStringChecker())
            .AddAttribute("DhGroup",
                          "Phase-1 Diffie-Hellman group: 1, 2, 5 or 14 (racoon's default: 2).",
                          UintegerValue(2),
                          MakeUintegerAccessor(&Ikev1Daemon::m_dhGroup),
                          MakeUintegerChecker<uint16_t>(1, 14))
            .AddAttribute("Pfs",
                          "Perfect forward secrecy in quick mode (RFC 2409 §5.5), with the group "
                          "of PfsGroup.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&Ikev1Daemon::m_pfs),
                          MakeBooleanChecker())
            .AddAttribute("PfsGroup",
                          "Quick-mode DH group when Pfs is on (racoon's sainfo pfs_group): 1, 2, "
                          "5 or 14; 0 = the phase-1 group.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&Ikev1Daemon::m_pfsGroup),
                          MakeUintegerChecker<uint16_t>(0, 14))
            .AddAttribute(
                "Phase1Proposals",
                "Phase-1 transforms offered, in preference order, and accepted as responder "
                "(racoon's proposal{} blocks), comma-separated cipher/hash/group, e.g. "
                "\"3des-cbc/sha1/2,aes128-cbc/sha1/2\" (all PSK). Empty: one transform "
                "from Encryption, Hash and DhGroup.",
                StringValue(""),
                MakeStringAccessor(&Ikev1Daemon::SetPhase1Proposals,
                                   &Ikev1Daemon::GetPhase1Proposals),
                MakeStringChecker())
            .AddAttribute(
                "EspTransforms",
                "ESP transforms offered in quick mode, in preference order, and accepted as "
                "responder (racoon's sainfo encryption_algorithm x authentication_algorithm), "
                "comma-separated cipher/integrity, e.g. "
                "\"3des-cbc/hmac-sha1-96,aes128-cbc/hmac-sha1-96\". Empty: offer the SPD "
                "rule's pair, accept any supported pair.",
                StringValue(""),
                MakeStringAccessor(&Ikev1Daemon::SetEspTransforms, &Ikev1Daemon::GetEspTransforms),
                MakeStringChecker())
            .AddAttribute("NonceLength",
                          "Nonce length in bytes (racoon: 16; RFC 2409 §5: 8 to 256).",
                          UintegerValue(16),
                          MakeUintegerAccessor(&Ikev1Daemon::m_nonceLength),
                          MakeUintegerChecker<uint32_t>(8, 256))
            .AddAttribute("Phase1Lifetime",
                          "Proposed ISAKMP SA lifetime (racoon: 28800 s).",
                          TimeValue(Seconds(28800)),
                          MakeTimeAccessor(&Ikev1Daemon::m_phase1Lifetime),
                          MakeTimeChecker(Seconds(1)))
            .AddAttribute("Phase2Lifetime",
                          "Proposed IPsec SA lifetime (racoon: 28800 s).",
                          TimeValue(Seconds(28800)),
                          MakeTimeAccessor(&Ikev1Daemon::m_phase2Lifetime),
                          MakeTimeChecker(Seconds(1)))
            .AddAttribute("InitialContact",
                          "Send INITIAL-CONTACT after phase 1 to a peer not contacted before "
                          "(racoon's initial_contact, on by default, both roles).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&Ikev1Daemon::m_initialContact),
                          MakeBooleanChecker())
            .AddAttribute("DpdVendorId",
                          "Send the RFC 3706 DPD vendor ID in the first phase-1 messages "
                          "(racoon's dpd, on by default).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&Ikev1Daemon::m_dpdVendorId),
                          MakeBooleanChecker())
            .AddAttribute("QuickModeIds",
                          "Send IDci/IDcr in quick mode (racoon does for tunnel mode).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&Ikev1Daemon::m_quickModeIds),
                          MakeBooleanChecker())
            .AddAttribute("Passive",
                          "Never initiate: only answer (racoon's passive on, usual on a gateway "
                          "that serves mobile peers).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&Ikev1Daemon::m_passive),
                          MakeBooleanChecker())
            .AddAttribute("RetryInterval",
                          "Retransmission interval (racoon: 10 s).",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&Ikev1Daemon::m_retryInterval),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("RetryCount",
                          "Retransmissions before giving up (racoon: 5).",
                          UintegerValue(5),
                          MakeUintegerAccessor(&Ikev1Daemon::m_retryCount),
                          MakeUintegerChecker<uint32_t>())
            .AddTraceSource("Message",
                            "An ISAKMP message was sent or received.",
                            MakeTraceSourceAccessor(&Ikev1Daemon::m_messageTrace),
                            "ns3::Ikev1Daemon::MessageTracedCallback")
            .AddTraceSource("StateTransition",
                            "A phase-1 SA or a quick mode changed state.",
                            MakeTraceSourceAccessor(&Ikev1Daemon::m_stateTrace),
                            "ns3::Ikev1Daemon::StateTracedCallback")
            .AddTraceSource("Failure",
                            "A negotiation failed, or a message was dropped, with the reason.",
                            MakeTraceSourceAccessor(&Ikev1Daemon::m_failureTrace),
                            "ns3::Ikev1Daemon::FailureTracedCallback")
            .AddTraceSource("Phase1Established",
                            "An ISAKMP SA was established: the peer and the phase-1 duration.",
                            MakeTraceSourceAccessor(&Ikev1Daemon::m_phase1Trace),
                            "ns3::Ikev1Daemon::Phase1TracedCallback")
            .AddTraceSource("Installed",
                            "Both ESP SAs of a quick mode are installed.",
                            MakeTraceSourceAccessor(&Ikev1Daemon::m_installedTrace),
                            "ns3::Ikev1Daemon::InstalledTracedCallback")
            .AddTraceSource("UpdateSpiApplied",
                            "An UPDATE_SPI from the peer was applied (and acknowledged).",
                            MakeTraceSourceAccessor(&Ikev1Daemon::m_updateSpiAppliedTrace),
                            "ns3::Ikev1Daemon::SpiUpdateTracedCallback")
            .AddTraceSource("UpdateSpiDone",
                            "An UPDATE_SPI sent to the peer was acknowledged, or given up.",
                            MakeTraceSourceAccessor(&Ikev1Daemon::m_updateSpiDoneTrace),
                            "ns3::Ikev1Daemon::SpiUpdateTracedCallback");
    return tid;
}

Ikev1Daemon::Ikev1Daemon()
    : m_exchange(Ikev1ExchangeType::IDENTITY_PROTECTION),
      m_encryption(IpsecEncryption::TDES_CBC),
      m_hash(CryptoHash::SHA1),
      m_dhGroup(2),
      m_pfs(false),
      m_pfsGroup(0),
      m_nonceLength(16),
      m_initialContact(true),
      m_dpdVendorId(true),
      m_quickModeIds(true),
      m_passive(false),
      m_retryCount(5)
{
    NS_LOG_FUNCTION(this);
}

Ikev1Daemon::~Ikev1Daemon()
{
    NS_LOG_FUNCTION(this);
}

void
Ikev1Daemon::DoDispose()
{
    for (auto& [key, flight] : m_flights)
    {
        flight.timer.Cancel();
    }
    m_flights.clear();
    for (auto& [cookie, update] : m_spiUpdates)
    {
        update.timer.Cancel();
    }
    m_spiUpdates.clear();
    m_sas.clear();
    m_socket = nullptr;
    m_pfKey = nullptr;
    m_spd = nullptr;
    m_pad = nullptr;
    m_rng = nullptr;
    m_cost = nullptr;
    Application::DoDispose();
}

void
Ikev1Daemon::SetMode(std::string mode)
{
    NS_ABORT_MSG_IF(mode != "main" && mode != "aggressive",
                    "Ikev1Daemon::Mode must be main or aggressive, not '" << mode << "'");
    m_exchange =
        mode == "main" ? Ikev1ExchangeType::IDENTITY_PROTECTION : Ikev1ExchangeType::AGGRESSIVE;
}

std::string
Ikev1Daemon::GetMode() const
{
    return m_exchange == Ikev1ExchangeType::AGGRESSIVE ? "aggressive" : "main";
}

void
Ikev1Daemon::SetEncryption(std::string name)
{
    IpsecEncryption alg;
    NS_ABORT_MSG_IF(
        !ParseEncryption(name, alg) || IsCombinedMode(alg) || alg == IpsecEncryption::NULL_ENC,
        "Ikev1Daemon::Encryption must be 3des-cbc, aes128-cbc or aes256-cbc, not '" << name << "'");
    m_encryption = alg;
}

std::string
Ikev1Daemon::GetEncryption() const
{
    return ToString(m_encryption);
}

void
Ikev1Daemon::SetHash(std::string name)
{
    NS_ABORT_MSG_IF(name != "sha1" && name != "sha256",
                    "Ikev1Daemon::Hash must be sha1 or sha256, not '" << name << "'");
    m_hash = name == "sha1" ? CryptoHash::SHA1 : CryptoHash::SHA2_256;
}

std::string
Ikev1Daemon::GetHash() const
{
    return m_hash == CryptoHash::SHA1 ? "sha1" : "sha256";
}

namespace
{
/// Splits a comma-separated list, dropping blanks around the items and empty items.
std::vector<std::string>
SplitList(const std::string& list, char separator)
{
    std::vector<std::string> items;
    std::string item;
    auto flush = [&]() {
        size_t b = item.find_first_not_of(" \t");
        size_t e = item.find_last_not_of(" \t");
        if (b != std::string::npos)
        {
            items.push_back(item.substr(b, e - b + 1));
        }
        item.clear();
    };
    for (char c : list)
    {
        if (c == separator)
        {
            flush();
        }
        else
        {
            item += c;
        }
    }
    flush();
    return items;
}
} // namespace

void
Ikev1Daemon::SetPhase1Proposals(std::string list)
{
    std::vector<Phase1Choice> choices;
    for (const std::string& item : SplitList(list, ','))
    {
        std::vector<std::string> f = SplitList(item, '/');
        Phase1Choice c{};
        bool ok = f.size() == 3 && ParseEncryption(f[0], c.encryption) &&
                  !IsCombinedMode(c.encryption) && c.encryption != IpsecEncryption::NULL_ENC &&
                  (f[1] == "sha1" || f[1] == "sha256") &&
                  f[2].find_first_not_of("0123456789") == std::string::npos && f[2].size() <= 2;
        if (ok)
        {
            c.hash = f[1] == "sha1" ? CryptoHash::SHA1 : CryptoHash::SHA2_256;
            c.group = static_cast<uint16_t>(std::stoi(f[2]));
            ok = CryptoDiffieHellman::IsSupported(c.group);
        }
        NS_ABORT_MSG_IF(!ok,
                        "Ikev1Daemon::Phase1Proposals: '"
                            << item
                            << "' is not cipher/hash/group (3des-cbc, aes128-cbc or aes256-cbc; "
                               "sha1 or sha256; 1, 2, 5 or 14)");
        choices.push_back(c);
    }
    m_phase1Proposals = choices;
}

std::string
Ikev1Daemon::GetPhase1Proposals() const
{
    std::string out;
    for (const auto& c : m_phase1Proposals)
    {
        out += (out.empty() ? "" : ",") + ToString(c.encryption) + "/" +
               (c.hash == CryptoHash::SHA1 ? "sha1" : "sha256") + "/" + std::to_string(c.group);
    }
    return out;
}

void
Ikev1Daemon::SetEspTransforms(std::string list)
{
    std::vector<EspChoice> choices;
    for (const std::string& item : SplitList(list, ','))
    {
        std::vector<std::string> f = SplitList(item, '/');
        EspChoice c{};
        bool ok = f.size() == 2 && ParseEncryption(f[0], c.encryption) &&
                  c.encryption != IpsecEncryption::NULL_ENC && ParseIntegrity(f[1], c.integrity) &&
                  CheckTransformPair(c.encryption, c.integrity).empty();
        NS_ABORT_MSG_IF(!ok,
                        "Ikev1Daemon::EspTransforms: '"
                            << item << "' is not a usable cipher/integrity pair");
        choices.push_back(c);
    }
    m_espTransforms = choices;
}

std::string
Ikev1Daemon::GetEspTransforms() const
{
    std::string out;
    for (const auto& c : m_espTransforms)
    {
        out += (out.empty() ? "" : ",") + ToString(c.encryption) + "/" + ToString(c.integrity);
    }
    return out;
}

void
Ikev1Daemon::StartApplication()
{
    NS_LOG_FUNCTION(this);
    Ptr<Node> node = GetNode();
    m_pfKey = node->GetObject<IpsecPfKey>();
    m_spd = node->GetObject<IpsecSpd>();
    m_pad = node->GetObject<IpsecPad>();
    m_rng = node->GetObject<CryptoRandom>();
    NS_ABORT_MSG_IF(!m_pfKey || !m_spd || !m_pad || !m_rng,
                    "Ikev1Daemon on node " << node->GetId() << " needs IPsec (IpsecHelper)");
    NS_ABORT_MSG_IF(!CryptoDiffieHellman::IsSupported(m_dhGroup),
                    "Ikev1Daemon: DH group " << m_dhGroup << " is not one of 1, 2, 5, 14");
    NS_ABORT_MSG_IF(m_pfsGroup != 0 && !CryptoDiffieHellman::IsSupported(m_pfsGroup),
                    "Ikev1Daemon: PFS group " << m_pfsGroup << " is not one of 1, 2, 5, 14");
    m_cost = node->GetObject<CryptoCostModel>();
    if (!m_cost)
    {
        m_cost = CreateObject<CryptoCostModel>(); // profile "zero" unless configured
        node->AggregateObject(m_cost);
    }
    m_socket = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
    NS_ABORT_MSG_IF(m_socket->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), PORT)) != 0,
                    "Ikev1Daemon: cannot bind UDP port 500 on node " << node->GetId());
    m_socket->SetRecvPktInfo(true);
    m_socket->SetRecvCallback(MakeCallback(&Ikev1Daemon::HandleRead, this));
    m_pfKey->Register(MakeCallback(&Ikev1Daemon::HandleAcquire, this),
                      IpsecPfKey::ExpireCallback());
}

void
Ikev1Daemon::StopApplication()
{
    NS_LOG_FUNCTION(this);
    for (auto& [key, flight] : m_flights)
    {
        flight.timer.Cancel();
    }
    for (auto& [cookie, update] : m_spiUpdates)
    {
        update.timer.Cancel();
    }
    if (m_socket)
    {
        m_socket->Close();
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    }
}

const Ikev1Sa*
Ikev1Daemon::FindSa(const Ipv6Address& peer) const
{
    const Ikev1Sa* newest = nullptr;
    for (const auto& [cookie, sa] : m_sas)
    {
        if (sa.peer == peer && (!newest || sa.started >= newest->started))
        {
            newest = &sa;
        }
    }
    return newest;
}

const std::map<uint64_t, Ikev1Sa>&
Ikev1Daemon::GetSas() const
{
    return m_sas;
}

// ---------------------------------------------------------------------------------------------
// Triggers

void
Ikev1Daemon::HandleAcquire(const IpsecPolicy& policy, const IpsecPacketFields& /* fields */)
{
    NS_LOG_FUNCTION(this << policy.ToString());
    if (!m_passive && policy.direction == IpsecDirection::OUTBOUND &&
        policy.mode == IpsecMode::TUNNEL)
    {
        Initiate(policy.id);
    }
}

void
Ikev1Daemon::Initiate(uint32_t outPolicyId)
{
    NS_LOG_FUNCTION(this << outPolicyId);
    const IpsecPolicy* policy = m_spd->Get(outPolicyId);
    NS_ABORT_MSG_IF(!policy || policy->action != IpsecPolicyAction::PROTECT,
                    "Ikev1Daemon::Initiate: " << outPolicyId << " is not a PROTECT rule");
    Ipv6Address peer = policy->tunnelRemote;
    auto& pending = m_pendingPolicies[peer];
    if (std::find(pending.begin(), pending.end(), outPolicyId) != pending.end())
    {
        return; // already asked for, phase 1 under way
    }
    for (auto& [cookie, sa] : m_sas)
    {
        if (sa.peer != peer || sa.state == Ikev1State::FAILED)
        {
            continue;
        }
        if (sa.state != Ikev1State::ESTABLISHED)
        {
            pending.push_back(outPolicyId); // phase 1 under way
            return;
        }
        for (const auto& [mid, qm] : sa.quickModes)
        {
            if (qm.outPolicyId == outPolicyId && qm.role == Ikev1Role::INITIATOR &&
                qm.state == Ikev1State::QM_SENT_1)
            {
                return; // this rule's quick mode is under way
            }
        }
        m_pendingCost = Seconds(0);
        StartQuickMode(sa, outPolicyId);
        return;
    }
    pending.push_back(outPolicyId);
    Ikev1Sa& sa = CreateSa(peer, Ikev1Role::INITIATOR, 0);
    sa.local = policy->tunnelLocal;
    sa.exchange = m_exchange;
    StartPhase1(sa);
}

// ---------------------------------------------------------------------------------------------
// Transport

void
Ikev1Daemon::HandleRead(Ptr<Socket> socket)
{
    Ptr<Packet> packet;
    Address from;
    while ((packet = socket->RecvFrom(from)))
    {
        if (!Inet6SocketAddress::IsMatchingType(from))
        {
            continue;
        }
        Ipv6PacketInfoTag info; // the address the peer sent to: ours for this exchange
        Ipv6Address local = packet->RemovePacketTag(info) ? info.GetAddress() : Ipv6Address();
        std::vector<uint8_t> bytes(packet->GetSize());
        packet->CopyData(bytes.data(), bytes.size());
        Receive(bytes, Inet6SocketAddress::ConvertFrom(from).GetIpv6(), local);
    }
}

void
Ikev1Daemon::Transmit(const Ipv6Address& peer, std::vector<uint8_t> bytes)
{
    Ikev1Header header;
    Ikev1Codec::DecodeHeader(bytes, header);
    m_messageTrace(true, peer, header.exchangeType, bytes.size());
    m_socket->SendTo(Create<Packet>(bytes.data(), bytes.size()), 0, Inet6SocketAddress(peer, PORT));
}

Ikev1Daemon::Flight&
Ikev1Daemon::GetFlight(const Ikev1Sa& sa, uint32_t messageId)
{
    return m_flights[{sa.initiatorCookie, messageId}];
}

void
Ikev1Daemon::Send(Flight& flight,
                  const Ipv6Address& peer,
                  const std::vector<uint8_t>& bytes,
                  bool awaitingReply)
{
    Time delay = Reserve(m_pendingCost + m_cost->MessageProcessing());
    flight.lastOut = bytes;
    flight.awaitingReply = awaitingReply;
    flight.retries = 0;
    flight.timer.Cancel();
    Simulator::Schedule(delay, &Ikev1Daemon::Transmit, this, peer, bytes);
    if (awaitingReply)
    {
        Ikev1Header header;
        Ikev1Codec::DecodeHeader(bytes, header);
        flight.timer = Simulator::Schedule(
            delay + m_retryInterval,
            &Ikev1Daemon::Retransmit,
            this,
            header.initiatorCookie,
            header.exchangeType == Ikev1ExchangeType::QUICK ? header.messageId : 0);
    }
}

void
Ikev1Daemon::Retransmit(uint64_t cookie, uint32_t messageId)
{
    auto sit = m_sas.find(cookie);
    auto fit = m_flights.find({cookie, messageId});
    if (sit == m_sas.end() || fit == m_flights.end() || !fit->second.awaitingReply)
    {
        return;
    }
    Flight& flight = fit->second;
    if (flight.retries >= m_retryCount)
    {
        Fail(sit->second,
             "no answer after " + std::to_string(m_retryCount) + " retransmissions",
             false);
        return;
    }
    flight.retries++;
    NS_LOG_INFO("retransmission " << flight.retries << " to " << sit->second.peer);
    Transmit(sit->second.peer, flight.lastOut);
    flight.timer =
        Simulator::Schedule(m_retryInterval, &Ikev1Daemon::Retransmit, this, cookie, messageId);
}

Time
Ikev1Daemon::Reserve(Time work)
{
    // The daemon is one process: it handles one step at a time, in order.
    Time start = std::max(Simulator::Now(), m_busyUntil);
    m_busyUntil = start + work;
    m_pendingCost = Seconds(0);
    return m_busyUntil - Simulator::Now();
}

void
Ikev1Daemon::GenerateDhKey(uint16_t group,
                           std::vector<uint8_t>& privateValue,
                           std::vector<uint8_t>& publicValue)
{
    auto g = static_cast<CryptoDhGroup>(group);
    privateValue = CryptoDiffieHellman::MakePrivate(g, *m_rng);
    bool ok = CryptoDiffieHellman::ComputePublic(g, privateValue, publicValue);
    NS_ABORT_MSG_IF(!ok, "Ikev1Daemon: DH key generation failed for group " << group);
    Charge(m_cost->DhKeyGeneration(group));
}

bool
Ikev1Daemon::ComputeDhShared(uint16_t group,
                             const std::vector<uint8_t>& privateValue,
                             const std::vector<uint8_t>& peerPublic,
                             std::vector<uint8_t>& shared)
{
    Charge(m_cost->DhSharedSecret(group));
    return CryptoDiffieHellman::ComputeShared(static_cast<CryptoDhGroup>(group),
                                              privateValue,
                                              peerPublic,
                                              shared);
}

void
Ikev1Daemon::Charge(Time cost)
{
    m_pendingCost += cost;
}

void
Ikev1Daemon::ChargePrf(const Ikev1Sa& sa, uint32_t bytes)
{
    Charge(m_cost->Prf(sa.hash, bytes));
}

void
Ikev1Daemon::ChargeCipher(IpsecEncryption cipher, uint32_t bytes)
{
    Charge(m_cost->Cipher(ToString(cipher), bytes));
}

// ---------------------------------------------------------------------------------------------
// Message protection (RFC 2409 Appendix B; racoon's padding)

Ikev1Header
Ikev1Daemon::MakeHeader(const Ikev1Sa& sa, Ikev1ExchangeType exchange, uint32_t messageId) const
{
    Ikev1Header header;
    header.initiatorCookie = sa.initiatorCookie;
    header.responderCookie = sa.responderCookie;
    header.exchangeType = exchange;
    header.messageId = messageId;
    return header;
}

std::vector<uint8_t>
Ikev1Daemon::Seal(const Ikev1Sa& sa,
                  Ikev1Header header,
                  const std::vector<Ikev1Payload>& payloads,
                  std::vector<uint8_t>* iv)
{
    uint8_t first = 0;
    std::vector<uint8_t> body = Ikev1Codec::EncodePayloads(payloads, first);
    header.nextPayload = first;
    if (iv)
    {
        // racoon: always 1..bs bytes of padding, random, the last one = padding length - 1.
        uint32_t bs = GetEncryptionBlockSize(sa.encryption);
        uint32_t padLength = bs - body.size() % bs;
        std::vector<uint8_t> pad = m_rng->GetBytes(padLength);
        pad.back() = static_cast<uint8_t>(padLength - 1);
        body.insert(body.end(), pad.begin(), pad.end());
        std::vector<uint8_t> cipher;
        bool ok = CryptoCipher::CbcEncrypt(sa.encryption, sa.encryptionKey, *iv, body, cipher);
        NS_ABORT_MSG_IF(!ok, "Ikev1Daemon: phase-1 encryption failed");
        ChargeCipher(sa.encryption, body.size());
        iv->assign(cipher.end() - bs, cipher.end());
        body = cipher;
        header.flags |= Ikev1Header::FLAG_ENCRYPTION;
    }
    header.length = Ikev1Header::SIZE + body.size();
    std::vector<uint8_t> bytes = Ikev1Codec::EncodeHeader(header);
    bytes.insert(bytes.end(), body.begin(), body.end());
    return bytes;
}

bool
Ikev1Daemon::Open(const Ikev1Sa& sa,
                  const Ikev1Header& header,
                  const std::vector<uint8_t>& bytes,
                  std::vector<uint8_t>* iv,
                  std::vector<Ikev1Payload>& payloads,
                  std::vector<uint8_t>& plain)
{
    plain.assign(bytes.begin() + Ikev1Header::SIZE, bytes.end());
    if (header.IsEncrypted())
    {
        uint32_t bs = GetEncryptionBlockSize(sa.encryption);
        if (!iv || sa.encryptionKey.empty() || plain.empty() || plain.size() % bs != 0)
        {
            m_failureTrace(sa.peer, "undecryptable message (no keys or bad length)");
            return false;
        }
        std::vector<uint8_t> clear;
        if (!CryptoCipher::CbcDecrypt(sa.encryption, sa.encryptionKey, *iv, plain, clear))
        {
            m_failureTrace(sa.peer, "undecryptable message");
            return false;
        }
        ChargeCipher(sa.encryption, plain.size());
        iv->assign(plain.end() - bs, plain.end());
        plain = clear;
    }
    else if (iv)
    {
        m_failureTrace(sa.peer, "message should be encrypted");
        return false;
    }
    Ikev1DecodeResult r =
        Ikev1Codec::DecodePayloads(plain.data(), plain.size(), header.nextPayload, payloads);
    if (!r.IsOk())
    {
        m_failureTrace(sa.peer,
                       std::string("malformed payloads: ") + GetIkev1DecodeErrorName(r.error) +
                           ": " + r.reason);
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Dispatch

void
Ikev1Daemon::Receive(const std::vector<uint8_t>& bytes,
                     const Ipv6Address& from,
                     const Ipv6Address& to)
{
    Ikev1Header header;
    if (!Ikev1Codec::DecodeHeader(bytes, header) || header.length != bytes.size())
    {
        m_failureTrace(from, "malformed ISAKMP header");
        return;
    }
    if ((header.version >> 4) != 1)
    {
        // RFC 2408 §5.1: a major version we do not speak is discarded.
        m_failureTrace(from,
                       "unsupported ISAKMP major version " + std::to_string(header.version >> 4));
        return;
    }
    m_messageTrace(false, from, header.exchangeType, bytes.size());
    m_pendingCost = Seconds(0);
    auto it = m_sas.find(header.initiatorCookie);
    auto alias = m_cookieAliases.find(header.initiatorCookie);
    if (it == m_sas.end() && alias != m_cookieAliases.end() &&
        header.exchangeType == Ikev1ExchangeType::INFORMATIONAL && m_sas.count(alias->second))
    {
        // A retransmitted UPDATE_SPI under the cookies it replaced (our ack was lost).
        ReceiveInformational(m_sas[alias->second], header, bytes);
        return;
    }
    if (it == m_sas.end())
    {
        bool phase1Start = header.responderCookie == 0 && header.messageId == 0 &&
                           (header.exchangeType == Ikev1ExchangeType::IDENTITY_PROTECTION ||
                            header.exchangeType == Ikev1ExchangeType::AGGRESSIVE);
        if (!phase1Start)
        {
            m_failureTrace(from, "unknown cookies");
            return;
        }
        if (!m_pad->FindByAddress(from))
        {
            m_failureTrace(from, "peer not in the PAD");
            return;
        }
        Ikev1Sa& sa = CreateSa(from, Ikev1Role::RESPONDER, header.initiatorCookie);
        sa.exchange = header.exchangeType;
        sa.local = to;
        it = m_sas.find(sa.initiatorCookie);
    }
    Ikev1Sa& sa = it->second;
    if (sa.peer != from)
    {
        m_failureTrace(from, "cookies of another peer");
        return;
    }
    if (sa.responderCookie != 0 && header.responderCookie != 0 &&
        header.responderCookie != sa.responderCookie)
    {
        m_failureTrace(from, "wrong responder cookie");
        return;
    }
    uint32_t flightId = header.exchangeType == Ikev1ExchangeType::QUICK ? header.messageId : 0;
    if (header.exchangeType != Ikev1ExchangeType::INFORMATIONAL)
    {
        Flight& flight = GetFlight(sa, flightId);
        if (!flight.lastIn.empty() && flight.lastIn == bytes)
        {
            // A retransmitted request: our answer was lost. Send it again (racoon does).
            if (!flight.lastOut.empty() && !flight.awaitingReply)
            {
                Transmit(sa.peer, flight.lastOut);
            }
            return;
        }
    }
    switch (header.exchangeType)
    {
    case Ikev1ExchangeType::IDENTITY_PROTECTION:
    case Ikev1ExchangeType::AGGRESSIVE:
        if (header.exchangeType != sa.exchange)
        {
            m_failureTrace(from, "exchange type changed within phase 1");
            return;
        }
        ReceivePhase1(sa, header, bytes);
        break;
    case Ikev1ExchangeType::QUICK:
        ReceiveQuickMode(sa, header, bytes);
        break;
    case Ikev1ExchangeType::INFORMATIONAL:
        ReceiveInformational(sa, header, bytes);
        break;
    default:
        m_failureTrace(from, "unsupported exchange type");
        break;
    }
}

// ---------------------------------------------------------------------------------------------
// Phase 1

Ikev1Sa&
Ikev1Daemon::CreateSa(const Ipv6Address& peer, Ikev1Role role, uint64_t initiatorCookie)
{
    uint64_t cookie = initiatorCookie;
    while (cookie == 0 || m_sas.count(cookie))
    {
        cookie = (static_cast<uint64_t>(m_rng->GetU32()) << 32) | m_rng->GetU32();
    }
    Ikev1Sa& sa = m_sas[cookie];
    sa.initiatorCookie = cookie;
    sa.role = role;
    sa.peer = peer;
    // The preferred proposal until the responder has chosen (the initiator's KE in aggressive
    // mode uses its group: RFC 2409 §5, only one group can be offered there).
    Phase1Choice first = GetPhase1Choices().front();
    sa.encryption = first.encryption;
    sa.hash = first.hash;
    sa.dhGroup = first.group;
    sa.lifetime = m_phase1Lifetime;
    sa.started = Simulator::Now();
    return sa;
}

void
Ikev1Daemon::SwitchState(Ikev1Sa& sa, Ikev1State state)
{
    NS_LOG_INFO(sa.peer << " phase 1: " << ToString(sa.state) << " -> " << ToString(state));
    Ikev1State old = sa.state;
    sa.state = state;
    m_stateTrace(sa.peer, 0, old, state);
}

void
Ikev1Daemon::SwitchState(Ikev1Sa& sa, Ikev1QuickMode& qm, Ikev1State state)
{
    NS_LOG_INFO(sa.peer << " quick mode " << qm.messageId << ": " << ToString(qm.state) << " -> "
                        << ToString(state));
    Ikev1State old = qm.state;
    qm.state = state;
    m_stateTrace(sa.peer, qm.messageId, old, state);
}

std::vector<Ikev1Daemon::Phase1Choice>
Ikev1Daemon::GetPhase1Choices() const
{
    if (!m_phase1Proposals.empty())
    {
        return m_phase1Proposals;
    }
    return {Phase1Choice{m_encryption, m_hash, m_dhGroup}};
}

Ikev1Transform
Ikev1Daemon::MakePhase1Transform(const Phase1Choice& choice, uint8_t number) const
{
    Ikev1Transform t;
    t.number = number;
    t.id = KEY_IKE;
    uint64_t life = static_cast<uint64_t>(m_phase1Lifetime.GetSeconds());
    t.attributes.push_back(Ikev1Attribute::Basic(P1_LIFE_TYPE, LIFE_SECONDS));
    t.attributes.push_back(life <= 0xffff ? Ikev1Attribute::Basic(P1_LIFE_DURATION, life)
                                          : Ikev1Attribute::Variable(P1_LIFE_DURATION, life));
    bool aes = choice.encryption != IpsecEncryption::TDES_CBC;
    t.attributes.push_back(Ikev1Attribute::Basic(P1_ENCRYPTION, aes ? P1_ENC_AES : P1_ENC_3DES));
    if (aes)
    {
        t.attributes.push_back(
            Ikev1Attribute::Basic(P1_KEY_LENGTH, GetEncryptionKeyLength(choice.encryption) * 8));
    }
    t.attributes.push_back(Ikev1Attribute::Basic(P1_AUTH_METHOD, P1_AUTH_PSK));
    t.attributes.push_back(
        Ikev1Attribute::Basic(P1_HASH,
                              choice.hash == CryptoHash::SHA1 ? P1_HASH_SHA1 : P1_HASH_SHA2_256));
    t.attributes.push_back(Ikev1Attribute::Basic(P1_GROUP, choice.group));
    return t;
}

bool
Ikev1Daemon::ReadPhase1Transform(const Ikev1Transform& t, Phase1Choice& choice) const
{
    if (t.id != KEY_IKE)
    {
        return false;
    }
    uint64_t enc = 0;
    uint64_t keyBits = 0;
    uint64_t auth = 0;
    uint64_t hash = 0;
    uint64_t group = 0;
    for (const auto& a : t.attributes)
    {
        uint64_t v = 0;
        if (!a.GetInteger(v))
        {
            return false;
        }
        enc = a.type == P1_ENCRYPTION ? v : enc;
        keyBits = a.type == P1_KEY_LENGTH ? v : keyBits;
        auth = a.type == P1_AUTH_METHOD ? v : auth;
        hash = a.type == P1_HASH ? v : hash;
        group = a.type == P1_GROUP ? v : group;
    }
    if (enc == P1_ENC_3DES && keyBits == 0)
    {
        choice.encryption = IpsecEncryption::TDES_CBC;
    }
    else if (enc == P1_ENC_AES && (keyBits == 128 || keyBits == 256))
    {
        choice.encryption =
            keyBits == 128 ? IpsecEncryption::AES_128_CBC : IpsecEncryption::AES_256_CBC;
    }
    else
    {
        return false;
    }
    if (auth != P1_AUTH_PSK || (hash != P1_HASH_SHA1 && hash != P1_HASH_SHA2_256) ||
        group > 0xffff || !CryptoDiffieHellman::IsSupported(static_cast<uint16_t>(group)))
    {
        return false;
    }
    choice.hash = hash == P1_HASH_SHA1 ? CryptoHash::SHA1 : CryptoHash::SHA2_256;
    choice.group = static_cast<uint16_t>(group);
    return true;
}

Ikev1SaPayload
Ikev1Daemon::MakePhase1Proposal() const
{
    // racoon puts every proposal{} block as one transform of a single proposal (protocols.md
    // §2.6); the responder picks one of them (RFC 2408 §4.2).
    Ikev1Proposal p;
    p.number = 1;
    p.protocolId = PROTO_ISAKMP;
    uint8_t number = 1;
    for (const Phase1Choice& c : GetPhase1Choices())
    {
        p.transforms.push_back(MakePhase1Transform(c, number++));
    }
    Ikev1SaPayload sa;
    sa.proposals.push_back(p);
    return sa;
}

namespace
{
/// \return true if two phase-1 choices name the same cipher, hash and group
template <typename C>
bool
SamePhase1(const C& a, const C& b)
{
    return a.encryption == b.encryption && a.hash == b.hash && a.group == b.group;
}
} // namespace

std::string
Ikev1Daemon::SelectPhase1Proposal(const Ikev1SaPayload& offered,
                                  size_t keLength,
                                  Ikev1SaPayload& reply,
                                  Phase1Choice& chosen) const
{
    // racoon's proposal_check obey: the initiator's lifetime is taken as offered; the cipher,
    // hash, authentication method and group must be one of our proposal{} blocks. The first
    // such transform in the initiator's order wins.
    std::vector<Phase1Choice> mine = GetPhase1Choices();
    for (const auto& p : offered.proposals)
    {
        if (p.protocolId != PROTO_ISAKMP)
        {
            continue;
        }
        for (const auto& t : p.transforms)
        {
            Phase1Choice c{};
            if (!ReadPhase1Transform(t, c) ||
                (keLength != 0 &&
                 keLength != CryptoDiffieHellman::GetLength(static_cast<CryptoDhGroup>(c.group))))
            {
                continue; // unsupported, or not the group of the initiator's KE
            }
            for (const auto& m : mine)
            {
                if (SamePhase1(c, m))
                {
                    Ikev1Proposal answer = p;
                    answer.transforms = {t}; // the chosen transform alone (RFC 2408 §4.2)
                    reply = Ikev1SaPayload();
                    reply.doi = offered.doi;
                    reply.situation = offered.situation;
                    reply.proposals = {answer};
                    chosen = c;
                    return "";
                }
            }
        }
    }
    return "no acceptable phase-1 proposal";
}

std::string
Ikev1Daemon::CheckPhase1Answer(const Ikev1SaPayload& answer, Phase1Choice& chosen) const
{
    if (answer.proposals.size() != 1 || answer.proposals[0].protocolId != PROTO_ISAKMP ||
        answer.proposals[0].transforms.size() != 1)
    {
        return "the phase-1 answer is not one proposal with one transform";
    }
    Phase1Choice c{};
    if (!ReadPhase1Transform(answer.proposals[0].transforms[0], c))
    {
        return "the responder chose an unsupported phase-1 transform";
    }
    for (const auto& m : GetPhase1Choices())
    {
        if (SamePhase1(c, m))
        {
            chosen = c;
            return "";
        }
    }
    return "the responder chose a phase-1 transform we did not offer";
}

Ikev1IdPayload
Ikev1Daemon::MakeAddressId(const Ipv6Address& address) const
{
    Ikev1IdPayload id;
    id.idType = ID_IPV6_ADDR;
    id.protocolId = 17;
    id.port = PORT;
    id.data = AddressBytes(address);
    return id;
}

Ikev1IdPayload
Ikev1Daemon::MakeSelectorId(const Ipv6Address& address, const Ipv6Prefix& prefix) const
{
    Ikev1IdPayload id;
    id.protocolId = 0;
    id.port = 0;
    if (prefix.GetPrefixLength() == 128)
    {
        id.idType = ID_IPV6_ADDR;
        id.data = AddressBytes(address);
        return id;
    }
    id.idType = ID_IPV6_ADDR_SUBNET;
    std::vector<uint8_t> mask(16);
    prefix.GetBytes(mask.data());
    id.data = Concat({AddressBytes(address.CombinePrefix(prefix)), mask});
    return id;
}

std::vector<uint8_t>
Ikev1Daemon::GetPreSharedKey(const Ipv6Address& peer) const
{
    const IpsecPadEntry* entry = m_pad->FindByAddress(peer);
    return entry ? entry->preSharedKey : std::vector<uint8_t>();
}

void
Ikev1Daemon::DerivePhase1Keys(Ikev1Sa& sa)
{
    std::vector<uint8_t> psk = GetPreSharedKey(sa.peer);
    std::vector<uint8_t> ckyI = Cookie(sa.initiatorCookie);
    std::vector<uint8_t> ckyR = Cookie(sa.responderCookie);
    sa.skeyid = Ikev1KeyDerivation::SkeyidPsk(sa.hash, psk, sa.ni, sa.nr);
    sa.skeyidD = Ikev1KeyDerivation::SkeyidD(sa.hash, sa.skeyid, sa.gxy, ckyI, ckyR);
    sa.skeyidA = Ikev1KeyDerivation::SkeyidA(sa.hash, sa.skeyid, sa.skeyidD, sa.gxy, ckyI, ckyR);
    sa.skeyidE = Ikev1KeyDerivation::SkeyidE(sa.hash, sa.skeyid, sa.skeyidA, sa.gxy, ckyI, ckyR);
    sa.encryptionKey =
        Ikev1KeyDerivation::ExpandKey(sa.hash, sa.skeyidE, GetEncryptionKeyLength(sa.encryption));
    const std::vector<uint8_t>& gxi = sa.role == Ikev1Role::INITIATOR ? sa.dhPublic : sa.peerPublic;
    const std::vector<uint8_t>& gxr = sa.role == Ikev1Role::INITIATOR ? sa.peerPublic : sa.dhPublic;
    sa.iv = Ikev1KeyDerivation::Phase1Iv(sa.hash, gxi, gxr, GetEncryptionBlockSize(sa.encryption));
    // SKEYID, SKEYID_d, _a, _e, key expansion and the IV: six PRF/hash calls.
    uint32_t seed = sa.gxy.size() + 17;
    ChargePrf(sa, sa.ni.size() + sa.nr.size());
    ChargePrf(sa, seed);
    ChargePrf(sa, seed + HashLength(sa.hash));
    ChargePrf(sa, seed + HashLength(sa.hash));
    ChargePrf(sa, 1);
    ChargePrf(sa, gxi.size() + gxr.size());
}

std::vector<uint8_t>
Ikev1Daemon::AuthHash(const Ikev1Sa& sa, bool initiator, const Ikev1IdPayload& id)
{
    const std::vector<uint8_t>& gxi = sa.role == Ikev1Role::INITIATOR ? sa.dhPublic : sa.peerPublic;
    const std::vector<uint8_t>& gxr = sa.role == Ikev1Role::INITIATOR ? sa.peerPublic : sa.dhPublic;
    std::vector<uint8_t> ckyI = Cookie(sa.initiatorCookie);
    std::vector<uint8_t> ckyR = Cookie(sa.responderCookie);
    std::vector<uint8_t> idBody = IdBody(id);
    ChargePrf(sa,
              gxi.size() + gxr.size() + ckyI.size() + ckyR.size() + sa.saiB.size() + idBody.size());
    return initiator ? Ikev1KeyDerivation::HashI(sa.hash,
                                                 sa.skeyid,
                                                 gxi,
                                                 gxr,
                                                 ckyI,
                                                 ckyR,
                                                 sa.saiB,
                                                 idBody)
                     : Ikev1KeyDerivation::HashR(sa.hash,
                                                 sa.skeyid,
                                                 gxr,
                                                 gxi,
                                                 ckyR,
                                                 ckyI,
                                                 sa.saiB,
                                                 idBody);
}

void
Ikev1Daemon::StartPhase1(Ikev1Sa& sa)
{
    NS_LOG_FUNCTION(this << sa.peer);
    m_pendingCost = Seconds(0);
    Ikev1SaPayload proposal = MakePhase1Proposal();
    sa.saiB = SaBody(proposal);
    std::vector<Ikev1Payload> payloads{proposal};
    if (sa.exchange == Ikev1ExchangeType::AGGRESSIVE)
    {
        GenerateDhKey(sa.dhGroup, sa.dhPrivate, sa.dhPublic);
        sa.ni = m_rng->GetBytes(m_nonceLength);
        payloads.push_back(Ikev1KePayload{sa.dhPublic});
        payloads.push_back(Ikev1NoncePayload{sa.ni});
        payloads.push_back(MakeAddressId(sa.local));
    }
    if (m_dpdVendorId)
    {
        payloads.push_back(Ikev1VendorIdPayload{DPD_VENDOR_ID});
    }
    std::vector<uint8_t> bytes = Seal(sa, MakeHeader(sa, sa.exchange, 0), payloads, nullptr);
    Send(GetFlight(sa, 0), sa.peer, bytes, true);
    SwitchState(sa,
                sa.exchange == Ikev1ExchangeType::AGGRESSIVE ? Ikev1State::AM_SENT_1
                                                             : Ikev1State::MM_SENT_1);
}

void
Ikev1Daemon::ReceivePhase1(Ikev1Sa& sa,
                           const Ikev1Header& header,
                           const std::vector<uint8_t>& bytes)
{
    Flight& flight = GetFlight(sa, 0);
    std::vector<Ikev1Payload> payloads;
    std::vector<uint8_t> plain;
    bool encrypted = sa.state == Ikev1State::MM_SENT_4 || sa.state == Ikev1State::MM_SENT_5;
    std::vector<uint8_t> iv = sa.iv;
    if (!Open(sa, header, bytes, encrypted ? &iv : nullptr, payloads, plain))
    {
        if (encrypted && (sa.state == Ikev1State::MM_SENT_4))
        {
            Fail(sa, "authentication failed: MM5 does not decrypt", true);
        }
        return;
    }
    auto expect = [&](bool ok, const std::string& what) {
        if (!ok)
        {
            m_failureTrace(sa.peer, "phase 1 in state " + ToString(sa.state) + ": " + what);
        }
        return ok;
    };
    const auto* saPayload = Find<Ikev1SaPayload>(payloads);
    const auto* ke = Find<Ikev1KePayload>(payloads);
    const auto* nonce = Find<Ikev1NoncePayload>(payloads);
    const auto* id = Find<Ikev1IdPayload>(payloads);
    const auto* hash = Find<Ikev1HashPayload>(payloads);
    auto group = static_cast<CryptoDhGroup>(sa.dhGroup);
    uint32_t dhLength = CryptoDiffieHellman::GetLength(group);

    switch (sa.state)
    {
    case Ikev1State::IDLE: { // responder: MM1 or AM1
        if (!expect(saPayload != nullptr, "no SA payload"))
        {
            return;
        }
        Ikev1SaPayload chosen;
        Phase1Choice choice{};
        size_t keLength = sa.exchange == Ikev1ExchangeType::AGGRESSIVE && ke ? ke->data.size() : 0;
        std::string error = SelectPhase1Proposal(*saPayload, keLength, chosen, choice);
        if (!error.empty())
        {
            Fail(sa, error, true);
            return;
        }
        sa.encryption = choice.encryption;
        sa.hash = choice.hash;
        sa.dhGroup = choice.group;
        dhLength = CryptoDiffieHellman::GetLength(static_cast<CryptoDhGroup>(sa.dhGroup));
        sa.saiB = SaBody(*saPayload);
        sa.responderCookie = (static_cast<uint64_t>(m_rng->GetU32()) << 32) | m_rng->GetU32();
        flight.lastIn = bytes;
        std::vector<Ikev1Payload> reply{chosen};
        if (sa.exchange == Ikev1ExchangeType::AGGRESSIVE)
        {
            if (!expect(ke && nonce && id && ke->data.size() == dhLength, "AM1 incomplete"))
            {
                return;
            }
            sa.peerPublic = ke->data;
            sa.ni = nonce->data;
            GenerateDhKey(sa.dhGroup, sa.dhPrivate, sa.dhPublic);
            if (!ComputeDhShared(sa.dhGroup, sa.dhPrivate, sa.peerPublic, sa.gxy))
            {
                Fail(sa, "invalid DH public value", true);
                return;
            }
            sa.nr = m_rng->GetBytes(m_nonceLength);
            DerivePhase1Keys(sa);
            Ikev1IdPayload idir = MakeAddressId(sa.local);
            // The responder's own address is the destination of AM1; racoon uses it as IDir.
            std::vector<uint8_t> hashR = AuthHash(sa, false, idir);
            reply.push_back(Ikev1KePayload{sa.dhPublic});
            reply.push_back(Ikev1NoncePayload{sa.nr});
            reply.push_back(idir);
            reply.push_back(Ikev1HashPayload{hashR});
        }
        if (m_dpdVendorId)
        {
            reply.push_back(Ikev1VendorIdPayload{DPD_VENDOR_ID});
        }
        Send(flight, sa.peer, Seal(sa, MakeHeader(sa, sa.exchange, 0), reply, nullptr), true);
        SwitchState(sa,
                    sa.exchange == Ikev1ExchangeType::AGGRESSIVE ? Ikev1State::AM_SENT_2
                                                                 : Ikev1State::MM_SENT_2);
        return;
    }
    case Ikev1State::MM_SENT_1: { // initiator: MM2
        if (!expect(saPayload && header.responderCookie != 0, "MM2 without SA or cookie"))
        {
            return;
        }
        Phase1Choice choice{};
        std::string error = CheckPhase1Answer(*saPayload, choice);
        if (!error.empty())
        {
            Fail(sa, error, true);
            return;
        }
        sa.encryption = choice.encryption;
        sa.hash = choice.hash;
        sa.dhGroup = choice.group;
        sa.responderCookie = header.responderCookie;
        flight.lastIn = bytes;
        GenerateDhKey(sa.dhGroup, sa.dhPrivate, sa.dhPublic);
        sa.ni = m_rng->GetBytes(m_nonceLength);
        std::vector<Ikev1Payload> msg{Ikev1KePayload{sa.dhPublic}, Ikev1NoncePayload{sa.ni}};
        Send(flight, sa.peer, Seal(sa, MakeHeader(sa, sa.exchange, 0), msg, nullptr), true);
        SwitchState(sa, Ikev1State::MM_SENT_3);
        return;
    }
    case Ikev1State::MM_SENT_2: { // responder: MM3
        if (!expect(ke && nonce && ke->data.size() == dhLength, "MM3 without KE or nonce"))
        {
            return;
        }
        flight.lastIn = bytes;
        sa.peerPublic = ke->data;
        sa.ni = nonce->data;
        GenerateDhKey(sa.dhGroup, sa.dhPrivate, sa.dhPublic);
        if (!ComputeDhShared(sa.dhGroup, sa.dhPrivate, sa.peerPublic, sa.gxy))
        {
            Fail(sa, "invalid DH public value", true);
            return;
        }
        sa.nr = m_rng->GetBytes(m_nonceLength);
        DerivePhase1Keys(sa);
        std::vector<Ikev1Payload> msg{Ikev1KePayload{sa.dhPublic}, Ikev1NoncePayload{sa.nr}};
        Send(flight, sa.peer, Seal(sa, MakeHeader(sa, sa.exchange, 0), msg, nullptr), true);
        SwitchState(sa, Ikev1State::MM_SENT_4);
        return;
    }
    case Ikev1State::MM_SENT_3: { // initiator: MM4
        if (!expect(ke && nonce && ke->data.size() == dhLength, "MM4 without KE or nonce"))
        {
            return;
        }
        flight.lastIn = bytes;
        sa.peerPublic = ke->data;
        sa.nr = nonce->data;
        if (!ComputeDhShared(sa.dhGroup, sa.dhPrivate, sa.peerPublic, sa.gxy))
        {
            Fail(sa, "invalid DH public value", true);
            return;
        }
        DerivePhase1Keys(sa);
        Ikev1IdPayload idii = MakeAddressId(sa.local);
        std::vector<uint8_t> hashI = AuthHash(sa, true, idii);
        std::vector<Ikev1Payload> msg{idii, Ikev1HashPayload{hashI}};
        Send(flight, sa.peer, Seal(sa, MakeHeader(sa, sa.exchange, 0), msg, &sa.iv), true);
        SwitchState(sa, Ikev1State::MM_SENT_5);
        return;
    }
    case Ikev1State::MM_SENT_4:   // responder: MM5
    case Ikev1State::AM_SENT_2: { // responder: AM3
        if (!hash || (sa.state == Ikev1State::MM_SENT_4 && !id))
        {
            Fail(sa, "authentication failed: no ID or HASH_I", true);
            return;
        }
        Ikev1IdPayload idii = id ? *id : Ikev1IdPayload();
        if (sa.state == Ikev1State::AM_SENT_2)
        {
            // AM1 carried IDii; racoon sends AM3 in clear (protocols.md §2.4).
            std::vector<Ikev1Payload> first;
            std::vector<uint8_t> firstPlain;
            Ikev1Header h1;
            Ikev1Codec::DecodeHeader(flight.lastIn, h1);
            Open(sa, h1, flight.lastIn, nullptr, first, firstPlain);
            const auto* firstId = Find<Ikev1IdPayload>(first);
            idii = firstId ? *firstId : idii;
        }
        std::vector<uint8_t> expected = AuthHash(sa, true, idii);
        if (!CryptoMac::ConstantTimeEqual(expected, hash->data))
        {
            Fail(sa, "authentication failed: HASH_I does not verify (wrong pre-shared key?)", true);
            return;
        }
        flight.lastIn = bytes;
        if (sa.state == Ikev1State::MM_SENT_4)
        {
            sa.iv = iv; // CBC state after MM5
            Ikev1IdPayload idir = MakeAddressId(sa.local);
            std::vector<uint8_t> hashR = AuthHash(sa, false, idir);
            std::vector<Ikev1Payload> msg{idir, Ikev1HashPayload{hashR}};
            Send(flight, sa.peer, Seal(sa, MakeHeader(sa, sa.exchange, 0), msg, &sa.iv), false);
        }
        else
        {
            flight.timer.Cancel();
            flight.awaitingReply = false;
        }
        Phase1Established(sa);
        return;
    }
    case Ikev1State::MM_SENT_5: { // initiator: MM6
        if (!id || !hash)
        {
            Fail(sa, "authentication failed: MM6 without ID or HASH_R", true);
            return;
        }
        std::vector<uint8_t> expected = AuthHash(sa, false, *id);
        if (!CryptoMac::ConstantTimeEqual(expected, hash->data))
        {
            Fail(sa, "authentication failed: HASH_R does not verify", true);
            return;
        }
        sa.iv = iv;
        flight.lastIn = bytes;
        flight.timer.Cancel();
        flight.awaitingReply = false;
        Phase1Established(sa);
        return;
    }
    case Ikev1State::AM_SENT_1: { // initiator: AM2
        if (!expect(saPayload && ke && nonce && id && hash && ke->data.size() == dhLength &&
                        header.responderCookie != 0,
                    "AM2 incomplete"))
        {
            return;
        }
        Phase1Choice choice{};
        std::string error = CheckPhase1Answer(*saPayload, choice);
        if (error.empty() && choice.group != sa.dhGroup)
        {
            error = "the responder chose another DH group than the one of our KE";
        }
        if (!error.empty())
        {
            Fail(sa, error, true);
            return;
        }
        sa.encryption = choice.encryption;
        sa.hash = choice.hash;
        sa.responderCookie = header.responderCookie;
        sa.peerPublic = ke->data;
        sa.nr = nonce->data;
        if (!ComputeDhShared(sa.dhGroup, sa.dhPrivate, sa.peerPublic, sa.gxy))
        {
            Fail(sa, "invalid DH public value", true);
            return;
        }
        DerivePhase1Keys(sa);
        std::vector<uint8_t> expected = AuthHash(sa, false, *id);
        if (!CryptoMac::ConstantTimeEqual(expected, hash->data))
        {
            Fail(sa, "authentication failed: HASH_R does not verify (wrong pre-shared key?)", true);
            return;
        }
        flight.lastIn = bytes;
        std::vector<uint8_t> hashI = AuthHash(sa, true, MakeAddressId(sa.local));
        std::vector<Ikev1Payload> msg{Ikev1HashPayload{hashI}};
        Send(flight, sa.peer, Seal(sa, MakeHeader(sa, sa.exchange, 0), msg, nullptr), false);
        Phase1Established(sa);
        return;
    }
    default:
        m_failureTrace(sa.peer, "unexpected phase-1 message in state " + ToString(sa.state));
        return;
    }
}

void
Ikev1Daemon::Phase1Established(Ikev1Sa& sa)
{
    sa.established = std::max(Simulator::Now(), m_busyUntil);
    SwitchState(sa, Ikev1State::ESTABLISHED);
    m_phase1Trace(sa.peer, sa.established - sa.started);
    if (m_initialContact && !m_contacted.count(sa.peer))
    {
        m_contacted.insert(sa.peer);
        SendInitialContact(sa);
    }
    std::vector<uint32_t> pending;
    pending.swap(m_pendingPolicies[sa.peer]);
    m_pendingPolicies.erase(sa.peer);
    for (uint32_t policyId : pending)
    {
        StartQuickMode(sa, policyId);
    }
}

void
Ikev1Daemon::Fail(Ikev1Sa& sa, const std::string& reason, bool notifyPeer)
{
    NS_LOG_INFO("IKE with " << sa.peer << " failed: " << reason);
    m_failureTrace(sa.peer, reason);
    if (notifyPeer && sa.state != Ikev1State::FAILED)
    {
        // An unprotected notification: no key is trusted at this point (RFC 2408 §5).
        Ikev1NotifyPayload n;
        n.protocolId = PROTO_ISAKMP;
        n.type = reason.find("authentication") != std::string::npos ? NOTIFY_AUTHENTICATION_FAILED
                                                                    : NOTIFY_NO_PROPOSAL_CHOSEN;
        n.spi = Concat({Cookie(sa.initiatorCookie), Cookie(sa.responderCookie)});
        std::vector<uint8_t> bytes =
            Seal(sa, MakeHeader(sa, Ikev1ExchangeType::INFORMATIONAL, 0), {n}, nullptr);
        Simulator::ScheduleNow(&Ikev1Daemon::Transmit, this, sa.peer, bytes);
    }
    for (auto& [key, flight] : m_flights)
    {
        if (key.first == sa.initiatorCookie)
        {
            flight.timer.Cancel();
            flight.awaitingReply = false;
        }
    }
    SwitchState(sa, Ikev1State::FAILED);
    m_pendingPolicies.erase(sa.peer);
}

// ---------------------------------------------------------------------------------------------
// Informational exchanges

void
Ikev1Daemon::SendInformational(Ikev1Sa& sa, const std::vector<Ikev1Payload>& payloads)
{
    uint32_t messageId = NewInformationalId(sa);
    std::vector<uint8_t> bytes =
        SealInformational(sa,
                          MakeHeader(sa, Ikev1ExchangeType::INFORMATIONAL, messageId),
                          payloads);
    Flight informational; // informational exchanges are not acknowledged (RFC 2408 §4.8)
    Send(informational, sa.peer, bytes, false);
}

uint32_t
Ikev1Daemon::NewInformationalId(Ikev1Sa& sa)
{
    uint32_t messageId;
    do
    {
        messageId = m_rng->GetU32();
    } while (messageId == 0 || sa.IsMessageIdInUse(messageId));
    sa.NoteInformationalId(messageId);
    return messageId;
}

std::vector<uint8_t>
Ikev1Daemon::SealInformational(Ikev1Sa& sa,
                               const Ikev1Header& header,
                               const std::vector<Ikev1Payload>& payloads)
{
    uint8_t first;
    std::vector<uint8_t> body = Ikev1Codec::EncodePayloads(payloads, first);
    std::vector<uint8_t> hash =
        Ikev1KeyDerivation::InfoHash(sa.hash, sa.skeyidA, header.messageId, body);
    ChargePrf(sa, 4 + body.size());
    std::vector<uint8_t> iv = Ikev1KeyDerivation::Phase2Iv(sa.hash,
                                                           sa.iv,
                                                           header.messageId,
                                                           GetEncryptionBlockSize(sa.encryption));
    ChargePrf(sa, sa.iv.size() + 4);
    std::vector<Ikev1Payload> message{Ikev1HashPayload{hash}};
    message.insert(message.end(), payloads.begin(), payloads.end());
    return Seal(sa, header, message, &iv);
}

void
Ikev1Daemon::SendInitialContact(Ikev1Sa& sa)
{
    Ikev1NotifyPayload n;
    n.protocolId = PROTO_ISAKMP;
    n.type = Ikev1NotifyPayload::INITIAL_CONTACT;
    n.spi = Concat({Cookie(sa.initiatorCookie), Cookie(sa.responderCookie)});
    sa.initialContact = true;
    SendInformational(sa, {n});
}

void
Ikev1Daemon::Delete(const Ipv6Address& peer)
{
    NS_LOG_FUNCTION(this << peer);
    std::vector<uint64_t> cookies;
    for (auto& [cookie, sa] : m_sas)
    {
        if (sa.peer == peer)
        {
            cookies.push_back(cookie);
        }
    }
    for (uint64_t cookie : cookies)
    {
        Ikev1Sa& sa = m_sas[cookie];
        if (sa.state == Ikev1State::ESTABLISHED)
        {
            // racoon's purge: first the ESP SAs (our inbound SPIs), then the ISAKMP SA.
            Ikev1DeletePayload esp;
            esp.protocolId = PROTO_IPSEC_ESP;
            esp.spiSize = 4;
            for (auto& [mid, qm] : sa.quickModes)
            {
                if (qm.state == Ikev1State::ESTABLISHED)
                {
                    esp.spis.push_back(Be32(qm.inboundSpi));
                    m_pfKey->Delete(IpsecDirection::INBOUND, qm.inboundSpi, Ipv6Address::GetAny());
                    m_pfKey->Delete(IpsecDirection::OUTBOUND, qm.outboundSpi, sa.peer);
                }
            }
            if (!esp.spis.empty())
            {
                SendInformational(sa, {esp});
            }
            Ikev1DeletePayload isakmp;
            isakmp.protocolId = PROTO_ISAKMP;
            isakmp.spiSize = 16;
            isakmp.spis.push_back(Concat({Cookie(sa.initiatorCookie), Cookie(sa.responderCookie)}));
            SendInformational(sa, {isakmp});
        }
        RemoveSa(cookie);
    }
}

void
Ikev1Daemon::Purge(const Ipv6Address& peer)
{
    NS_LOG_FUNCTION(this << peer);
    std::vector<uint64_t> cookies;
    for (auto& [cookie, sa] : m_sas)
    {
        if (sa.peer == peer)
        {
            cookies.push_back(cookie);
        }
    }
    for (uint64_t cookie : cookies)
    {
        Ikev1Sa& sa = m_sas[cookie];
        for (auto& [mid, qm] : sa.quickModes)
        {
            if (qm.state == Ikev1State::ESTABLISHED)
            {
                m_pfKey->Delete(IpsecDirection::INBOUND, qm.inboundSpi, Ipv6Address::GetAny());
                m_pfKey->Delete(IpsecDirection::OUTBOUND, qm.outboundSpi, sa.peer);
            }
        }
        RemoveSa(cookie);
    }
    m_contacted.erase(peer);
}

void
Ikev1Daemon::RemoveSa(uint64_t cookie)
{
    auto update = m_spiUpdates.find(cookie);
    if (update != m_spiUpdates.end())
    {
        update->second.timer.Cancel();
        m_spiUpdates.erase(update);
    }
    for (auto it = m_flights.begin(); it != m_flights.end();)
    {
        if (it->first.first == cookie)
        {
            it->second.timer.Cancel();
            it = m_flights.erase(it);
        }
        else
        {
            ++it;
        }
    }
    m_sas.erase(cookie);
}

void
Ikev1Daemon::ReceiveInformational(Ikev1Sa& sa,
                                  const Ikev1Header& header,
                                  const std::vector<uint8_t>& bytes)
{
    std::vector<Ikev1Payload> payloads;
    std::vector<uint8_t> plain;
    if (!header.IsEncrypted())
    {
        // Before keys exist the peer can only tell us in clear that it gave up.
        if (sa.state == Ikev1State::ESTABLISHED ||
            !Open(sa, header, bytes, nullptr, payloads, plain))
        {
            m_failureTrace(sa.peer, "unprotected informational ignored");
            return;
        }
        const auto* n = Find<Ikev1NotifyPayload>(payloads);
        if (n && n->type < 16384)
        {
            std::string name = n->type == NOTIFY_AUTHENTICATION_FAILED ? "authentication failed"
                               : n->type == NOTIFY_NO_PROPOSAL_CHOSEN  ? "no proposal chosen"
                                                                       : "error";
            Fail(sa, name + " (peer's notification " + std::to_string(n->type) + ")", false);
        }
        return;
    }
    std::vector<uint8_t> iv = Ikev1KeyDerivation::Phase2Iv(sa.hash,
                                                           sa.iv,
                                                           header.messageId,
                                                           GetEncryptionBlockSize(sa.encryption));
    if (sa.state != Ikev1State::ESTABLISHED || !Open(sa, header, bytes, &iv, payloads, plain))
    {
        return;
    }
    const auto* hash = std::get_if<Ikev1HashPayload>(payloads.empty() ? nullptr : &payloads[0]);
    if (!hash)
    {
        m_failureTrace(sa.peer, "informational without HASH(1)");
        return;
    }
    // HASH(1) covers the payloads after it, as they are on the wire.
    std::vector<Ikev1Payload> rest(payloads.begin() + 1, payloads.end());
    uint8_t first;
    std::vector<uint8_t> restBytes = Ikev1Codec::EncodePayloads(rest, first);
    std::vector<uint8_t> expected =
        Ikev1KeyDerivation::InfoHash(sa.hash, sa.skeyidA, header.messageId, restBytes);
    ChargePrf(sa, 4 + restBytes.size());
    if (!CryptoMac::ConstantTimeEqual(expected, hash->data))
    {
        m_failureTrace(sa.peer, "informational HASH(1) does not verify");
        return;
    }
    sa.NoteInformationalId(header.messageId);
    for (const auto* n : FindAll<Ikev1NotifyPayload>(payloads))
    {
        NS_LOG_INFO("notification " << n->type << " from " << sa.peer);
        if (n->type == Ikev1NotifyPayload::INITIAL_CONTACT)
        {
            sa.initialContact = true;
        }
        else if (n->type == Ikev1NotifyPayload::UPDATE_SPI_ACK)
        {
            AcknowledgeSpiUpdates(sa, *n);
        }
        else if (n->type == Ikev1NotifyPayload::UPDATE_SPI)
        {
            ApplySpiUpdates(sa.initiatorCookie, *n); // may re-key sa: nothing follows it
            return;
        }
        else if (n->type == NOTIFY_NO_PROPOSAL_CHOSEN && n->protocolId == PROTO_IPSEC_ESP)
        {
            HandleNoProposalChosen(sa, *n);
        }
    }
    bool deleteIsakmp = false;
    for (const auto* d : FindAll<Ikev1DeletePayload>(payloads))
    {
        if (d->protocolId == PROTO_IPSEC_ESP && d->spiSize == 4)
        {
            for (const auto& spiBytes : d->spis)
            {
                // racoon names its inbound SPI (our outbound one), charon the SPI of our
                // inbound SA (strongSwan's quick_delete.c checks both): either drops the pair.
                uint32_t spi =
                    (spiBytes[0] << 24) | (spiBytes[1] << 16) | (spiBytes[2] << 8) | spiBytes[3];
                for (auto& [mid, qm] : sa.quickModes)
                {
                    if (qm.state == Ikev1State::ESTABLISHED &&
                        (qm.outboundSpi == spi || qm.inboundSpi == spi))
                    {
                        m_pfKey->Delete(IpsecDirection::OUTBOUND, qm.outboundSpi, sa.peer);
                        m_pfKey->Delete(IpsecDirection::INBOUND,
                                        qm.inboundSpi,
                                        Ipv6Address::GetAny());
                        SwitchState(sa, qm, Ikev1State::FAILED);
                    }
                }
            }
        }
        deleteIsakmp = deleteIsakmp || d->protocolId == PROTO_ISAKMP;
    }
    if (deleteIsakmp)
    {
        NS_LOG_INFO("ISAKMP SA with " << sa.peer << " deleted by the peer");
        m_stateTrace(sa.peer, 0, sa.state, Ikev1State::IDLE);
        RemoveSa(sa.initiatorCookie); // sa is gone after this
    }
}

// ---------------------------------------------------------------------------------------------
// Quick mode

bool
Ikev1Daemon::FindPolicies(const Ipv6Address& local,
                          const Ipv6Address& peer,
                          uint32_t& outPolicyId,
                          uint32_t& inPolicyId) const
{
    outPolicyId = 0;
    inPolicyId = 0;
    for (const auto& p : m_spd->GetPolicies())
    {
        if (p.action != IpsecPolicyAction::PROTECT || p.mode != IpsecMode::TUNNEL ||
            p.tunnelRemote != peer || (!local.IsAny() && p.tunnelLocal != local))
        {
            continue;
        }
        uint32_t& slot = p.direction == IpsecDirection::OUTBOUND ? outPolicyId : inPolicyId;
        slot = slot ? slot : p.id;
    }
    return outPolicyId && inPolicyId;
}

std::vector<Ikev1Daemon::EspChoice>
Ikev1Daemon::GetEspChoices(const IpsecPolicy* policy) const
{
    if (!m_espTransforms.empty() || !policy)
    {
        return m_espTransforms;
    }
    return {EspChoice{policy->encryption, policy->integrity}};
}

Ikev1Transform
Ikev1Daemon::MakeEspTransform(const EspChoice& choice,
                              uint16_t pfsGroup,
                              Time lifetime,
                              uint8_t number) const
{
    Ikev1Transform t;
    t.number = number;
    uint64_t life = static_cast<uint64_t>(lifetime.GetSeconds());
    t.attributes.push_back(Ikev1Attribute::Basic(P2_LIFE_TYPE, LIFE_SECONDS));
    t.attributes.push_back(life <= 0xffff ? Ikev1Attribute::Basic(P2_LIFE_DURATION, life)
                                          : Ikev1Attribute::Variable(P2_LIFE_DURATION, life));
    t.attributes.push_back(Ikev1Attribute::Basic(P2_ENCAPSULATION, ENCAPSULATION_TUNNEL));
    switch (choice.encryption)
    {
    case IpsecEncryption::TDES_CBC:
        t.id = ESP_3DES;
        break;
    case IpsecEncryption::AES_128_GCM_16:
    case IpsecEncryption::AES_256_GCM_16:
        t.id = ESP_AES_GCM_16;
        t.attributes.push_back(
            Ikev1Attribute::Basic(P2_KEY_LENGTH,
                                  (GetEncryptionKeyLength(choice.encryption) - 4) * 8));
        break;
    default:
        t.id = ESP_AES;
        t.attributes.push_back(
            Ikev1Attribute::Basic(P2_KEY_LENGTH, GetEncryptionKeyLength(choice.encryption) * 8));
        break;
    }
    if (choice.integrity != IpsecIntegrity::NONE)
    {
        t.attributes.push_back(Ikev1Attribute::Basic(
            P2_AUTH_ALGORITHM,
            choice.integrity == IpsecIntegrity::HMAC_SHA1_96 ? AUTH_HMAC_SHA : AUTH_HMAC_SHA2_256));
    }
    if (pfsGroup)
    {
        t.attributes.push_back(Ikev1Attribute::Basic(P2_GROUP, pfsGroup));
    }
    return t;
}

bool
Ikev1Daemon::ReadEspTransform(const Ikev1Transform& t,
                              EspChoice& choice,
                              uint16_t& pfsGroup,
                              uint64_t& lifetime) const
{
    uint64_t keyBits = 0;
    uint64_t auth = 0;
    uint64_t group = 0;
    uint64_t life = 0;
    uint64_t encapsulation = 0;
    for (const auto& a : t.attributes)
    {
        uint64_t v = 0;
        if (!a.GetInteger(v))
        {
            return false;
        }
        keyBits = a.type == P2_KEY_LENGTH ? v : keyBits;
        auth = a.type == P2_AUTH_ALGORITHM ? v : auth;
        group = a.type == P2_GROUP ? v : group;
        life = a.type == P2_LIFE_DURATION ? v : life;
        encapsulation = a.type == P2_ENCAPSULATION ? v : encapsulation;
    }
    if (t.id == ESP_3DES && keyBits == 0)
    {
        choice.encryption = IpsecEncryption::TDES_CBC;
    }
    else if (t.id == ESP_AES && (keyBits == 128 || keyBits == 256))
    {
        choice.encryption =
            keyBits == 128 ? IpsecEncryption::AES_128_CBC : IpsecEncryption::AES_256_CBC;
    }
    else if (t.id == ESP_AES_GCM_16 && (keyBits == 128 || keyBits == 256))
    {
        choice.encryption =
            keyBits == 128 ? IpsecEncryption::AES_128_GCM_16 : IpsecEncryption::AES_256_GCM_16;
    }
    else
    {
        return false;
    }
    choice.integrity = auth == AUTH_HMAC_SHA        ? IpsecIntegrity::HMAC_SHA1_96
                       : auth == AUTH_HMAC_SHA2_256 ? IpsecIntegrity::HMAC_SHA2_256_128
                                                    : IpsecIntegrity::NONE;
    if ((auth != 0 && choice.integrity == IpsecIntegrity::NONE) ||
        !CheckTransformPair(choice.encryption, choice.integrity).empty() ||
        (encapsulation != 0 && encapsulation != ENCAPSULATION_TUNNEL) || group > 0xffff ||
        (group != 0 && !CryptoDiffieHellman::IsSupported(static_cast<uint16_t>(group))))
    {
        return false;
    }
    pfsGroup = static_cast<uint16_t>(group);
    lifetime = life;
    return true;
}

Ikev1SaPayload
Ikev1Daemon::MakePhase2Proposal(const Ikev1QuickMode& qm,
                                const std::vector<EspChoice>& offers) const
{
    Ikev1Proposal p;
    p.number = 1;
    p.protocolId = PROTO_IPSEC_ESP;
    p.spi = Be32(qm.inboundSpi); // our SPI: the peer sends to it
    uint8_t number = 1;
    for (const EspChoice& c : offers)
    {
        p.transforms.push_back(MakeEspTransform(c, qm.pfsGroup, qm.lifetime, number++));
    }
    Ikev1SaPayload sa;
    sa.proposals.push_back(p);
    return sa;
}

std::string
Ikev1Daemon::SelectPhase2Proposal(const Ikev1SaPayload& offered,
                                  Ikev1QuickMode& qm,
                                  Ikev1SaPayload& reply) const
{
    for (const auto& p : offered.proposals)
    {
        if (p.protocolId != PROTO_IPSEC_ESP || p.spi.size() != 4)
        {
            continue;
        }
        for (const auto& t : p.transforms)
        {
            EspChoice c{};
            uint16_t group = 0;
            uint64_t life = 0;
            if (!ReadEspTransform(t, c, group, life))
            {
                continue; // a transform we do not support
            }
            bool acceptable = m_espTransforms.empty();
            for (const auto& m : m_espTransforms)
            {
                acceptable =
                    acceptable || (m.encryption == c.encryption && m.integrity == c.integrity);
            }
            if (!acceptable)
            {
                continue;
            }
            qm.encryption = c.encryption;
            qm.integrity = c.integrity;
            qm.pfsGroup = group;
            qm.lifetime = life ? Seconds(life) : m_phase2Lifetime;
            qm.outboundSpi = (p.spi[0] << 24) | (p.spi[1] << 16) | (p.spi[2] << 8) | p.spi[3];
            Ikev1Proposal answer = p; // the caller puts our SPI in
            answer.transforms = {t};  // the chosen transform alone (RFC 2408 §4.2)
            reply = Ikev1SaPayload();
            reply.doi = offered.doi;
            reply.situation = offered.situation;
            reply.proposals = {answer};
            return "";
        }
    }
    return "no acceptable ESP transform";
}

std::string
Ikev1Daemon::CheckPhase2Answer(const Ikev1SaPayload& answer, Ikev1QuickMode& qm) const
{
    if (answer.proposals.size() != 1 || answer.proposals[0].protocolId != PROTO_IPSEC_ESP ||
        answer.proposals[0].spi.size() != 4 || answer.proposals[0].transforms.size() != 1)
    {
        return "the phase-2 answer is not one ESP proposal with a 4-byte SPI and one transform";
    }
    const Ikev1Proposal& p = answer.proposals[0];
    EspChoice c{};
    uint16_t group = 0;
    uint64_t life = 0;
    if (!ReadEspTransform(p.transforms[0], c, group, life))
    {
        return "the responder chose an unsupported ESP transform";
    }
    bool offered = false;
    for (const auto& o : GetEspChoices(m_spd->Get(qm.outPolicyId)))
    {
        offered = offered || (o.encryption == c.encryption && o.integrity == c.integrity);
    }
    if (!offered || group != qm.pfsGroup)
    {
        return "the responder changed the proposal";
    }
    qm.encryption = c.encryption;
    qm.integrity = c.integrity;
    qm.outboundSpi = (p.spi[0] << 24) | (p.spi[1] << 16) | (p.spi[2] << 8) | p.spi[3];
    return "";
}

void
Ikev1Daemon::SendNoProposalChosen(Ikev1Sa& sa, const Ikev1SaPayload& offered)
{
    // RFC 2408 §3.14.1: protocol and SPI of the proposal that was refused.
    Ikev1NotifyPayload n;
    n.protocolId = PROTO_IPSEC_ESP;
    n.type = NOTIFY_NO_PROPOSAL_CHOSEN;
    for (const auto& p : offered.proposals)
    {
        if (p.protocolId == PROTO_IPSEC_ESP)
        {
            n.spi = p.spi;
            break;
        }
    }
    SendInformational(sa, {n});
}

void
Ikev1Daemon::HandleNoProposalChosen(Ikev1Sa& sa, const Ikev1NotifyPayload& notify)
{
    for (auto& [mid, qm] : sa.quickModes)
    {
        bool named = notify.spi.size() != 4 || Be32(qm.inboundSpi) == notify.spi;
        if (qm.state == Ikev1State::QM_SENT_1 && named)
        {
            Flight& flight = GetFlight(sa, mid);
            flight.timer.Cancel();
            flight.awaitingReply = false;
            m_failureTrace(sa.peer,
                           "quick mode " + std::to_string(mid) +
                               ": no proposal chosen (peer's notification 14)");
            SwitchState(sa, qm, Ikev1State::FAILED);
        }
    }
}

void
Ikev1Daemon::StartQuickMode(Ikev1Sa& sa, uint32_t outPolicyId)
{
    const IpsecPolicy* policy = m_spd->Get(outPolicyId);
    if (!policy)
    {
        return;
    }
    uint32_t messageId;
    do
    {
        messageId = m_rng->GetU32();
    } while (messageId == 0 || sa.quickModes.count(messageId));
    Ikev1QuickMode& qm = sa.quickModes[messageId];
    qm.messageId = messageId;
    qm.role = Ikev1Role::INITIATOR;
    qm.started = Simulator::Now();
    std::vector<EspChoice> offers = GetEspChoices(policy);
    qm.encryption = offers.front().encryption; // until the responder has chosen
    qm.integrity = offers.front().integrity;
    qm.lifetime = m_phase2Lifetime;
    qm.pfsGroup = m_pfs ? (m_pfsGroup ? m_pfsGroup : sa.dhGroup) : 0;
    uint32_t out;
    FindPolicies(sa.local, sa.peer, out, qm.inPolicyId);
    qm.outPolicyId = outPolicyId;
    qm.inboundSpi = m_pfKey->GetSpi();
    qm.ni = m_rng->GetBytes(m_nonceLength);
    qm.iv = Ikev1KeyDerivation::Phase2Iv(sa.hash,
                                         sa.iv,
                                         messageId,
                                         GetEncryptionBlockSize(sa.encryption));
    ChargePrf(sa, sa.iv.size() + 4);
    std::vector<Ikev1Payload> rest{MakePhase2Proposal(qm, offers), Ikev1NoncePayload{qm.ni}};
    if (qm.pfsGroup)
    {
        GenerateDhKey(qm.pfsGroup, qm.dhPrivate, qm.dhPublic);
        rest.push_back(Ikev1KePayload{qm.dhPublic});
    }
    if (m_quickModeIds)
    {
        rest.push_back(MakeSelectorId(policy->selector.localAddress, policy->selector.localPrefix));
        rest.push_back(
            MakeSelectorId(policy->selector.remoteAddress, policy->selector.remotePrefix));
    }
    uint8_t first;
    std::vector<uint8_t> restBytes = Ikev1Codec::EncodePayloads(rest, first);
    std::vector<uint8_t> hash1 =
        Ikev1KeyDerivation::QmHash1(sa.hash, sa.skeyidA, messageId, restBytes);
    ChargePrf(sa, 4 + restBytes.size());
    std::vector<Ikev1Payload> payloads{Ikev1HashPayload{hash1}};
    payloads.insert(payloads.end(), rest.begin(), rest.end());
    std::vector<uint8_t> bytes =
        Seal(sa, MakeHeader(sa, Ikev1ExchangeType::QUICK, messageId), payloads, &qm.iv);
    Send(GetFlight(sa, messageId), sa.peer, bytes, true);
    SwitchState(sa, qm, Ikev1State::QM_SENT_1);
}

void
Ikev1Daemon::ReceiveQuickMode(Ikev1Sa& sa,
                              const Ikev1Header& header,
                              const std::vector<uint8_t>& bytes)
{
    if (sa.state != Ikev1State::ESTABLISHED || header.messageId == 0)
    {
        m_failureTrace(sa.peer, "quick mode without an ISAKMP SA");
        return;
    }
    bool fresh = !sa.quickModes.count(header.messageId);
    Ikev1QuickMode& qm = sa.quickModes[header.messageId];
    if (fresh)
    {
        qm.messageId = header.messageId;
        qm.role = Ikev1Role::RESPONDER;
        qm.started = Simulator::Now();
        qm.iv = Ikev1KeyDerivation::Phase2Iv(sa.hash,
                                             sa.iv,
                                             header.messageId,
                                             GetEncryptionBlockSize(sa.encryption));
        ChargePrf(sa, sa.iv.size() + 4);
    }
    std::vector<uint8_t> iv = qm.iv;
    std::vector<Ikev1Payload> payloads;
    std::vector<uint8_t> plain;
    if (!Open(sa, header, bytes, &iv, payloads, plain) || payloads.empty() ||
        !std::holds_alternative<Ikev1HashPayload>(payloads[0]))
    {
        if (fresh)
        {
            sa.quickModes.erase(header.messageId);
        }
        m_failureTrace(sa.peer, "quick-mode message dropped: undecodable or no HASH");
        return;
    }
    const auto& hash = std::get<Ikev1HashPayload>(payloads[0]);
    std::vector<Ikev1Payload> rest(payloads.begin() + 1, payloads.end());
    uint8_t first;
    std::vector<uint8_t> restBytes = Ikev1Codec::EncodePayloads(rest, first);
    const auto* saPayload = Find<Ikev1SaPayload>(rest);
    const auto* nonce = Find<Ikev1NoncePayload>(rest);
    const auto* ke = Find<Ikev1KePayload>(rest);
    Flight& flight = GetFlight(sa, header.messageId);
    auto drop = [&](const std::string& why) {
        m_failureTrace(sa.peer, "quick mode " + std::to_string(header.messageId) + ": " + why);
        if (fresh)
        {
            sa.quickModes.erase(header.messageId);
        }
    };

    if (qm.state == Ikev1State::IDLE) // responder: QM1
    {
        std::vector<uint8_t> expected =
            Ikev1KeyDerivation::QmHash1(sa.hash, sa.skeyidA, header.messageId, restBytes);
        ChargePrf(sa, 4 + restBytes.size());
        if (!CryptoMac::ConstantTimeEqual(expected, hash.data))
        {
            drop("HASH(1) does not verify");
            return;
        }
        if (!saPayload || !nonce)
        {
            drop("QM1 without SA or nonce");
            return;
        }
        uint32_t outPolicy = 0;
        if (!FindPolicies(sa.local, sa.peer, outPolicy, qm.inPolicyId))
        {
            drop("no PROTECT rules for peer");
            return;
        }
        Ikev1SaPayload chosen;
        std::string error = SelectPhase2Proposal(*saPayload, qm, chosen);
        if (!error.empty())
        {
            SendNoProposalChosen(sa, *saPayload);
            drop(error);
            return;
        }
        if (qm.pfsGroup && (!ke || ke->data.size() != CryptoDiffieHellman::GetLength(
                                                          static_cast<CryptoDhGroup>(qm.pfsGroup))))
        {
            drop("PFS requested without a usable KE");
            return;
        }
        qm.outPolicyId = outPolicy;
        qm.iv = iv;
        qm.ni = nonce->data;
        qm.nr = m_rng->GetBytes(m_nonceLength);
        qm.inboundSpi = m_pfKey->GetSpi();
        chosen.proposals[0].spi = Be32(qm.inboundSpi); // ours: the peer sends to it
        flight.lastIn = bytes;
        std::vector<Ikev1Payload> reply{chosen, Ikev1NoncePayload{qm.nr}};
        if (qm.pfsGroup)
        {
            GenerateDhKey(qm.pfsGroup, qm.dhPrivate, qm.dhPublic);
            if (!ComputeDhShared(qm.pfsGroup, qm.dhPrivate, ke->data, qm.gxy))
            {
                drop("invalid PFS public value");
                return;
            }
            reply.push_back(Ikev1KePayload{qm.dhPublic});
        }
        for (const auto* id : FindAll<Ikev1IdPayload>(rest))
        {
            reply.push_back(*id); // echo IDci/IDcr
        }
        std::vector<uint8_t> replyBytes = Ikev1Codec::EncodePayloads(reply, first);
        std::vector<uint8_t> hash2 =
            Ikev1KeyDerivation::QmHash2(sa.hash, sa.skeyidA, header.messageId, qm.ni, replyBytes);
        ChargePrf(sa, 4 + qm.ni.size() + replyBytes.size());
        std::vector<Ikev1Payload> msg{Ikev1HashPayload{hash2}};
        msg.insert(msg.end(), reply.begin(), reply.end());
        Send(flight,
             sa.peer,
             Seal(sa, MakeHeader(sa, Ikev1ExchangeType::QUICK, header.messageId), msg, &qm.iv),
             true);
        SwitchState(sa, qm, Ikev1State::QM_SENT_2);
        return;
    }
    if (qm.state == Ikev1State::QM_SENT_1) // initiator: QM2
    {
        std::vector<uint8_t> expected =
            Ikev1KeyDerivation::QmHash2(sa.hash, sa.skeyidA, header.messageId, qm.ni, restBytes);
        ChargePrf(sa, 4 + qm.ni.size() + restBytes.size());
        if (!CryptoMac::ConstantTimeEqual(expected, hash.data))
        {
            drop("HASH(2) does not verify");
            return;
        }
        if (!saPayload || !nonce)
        {
            drop("QM2 without SA or nonce");
            return;
        }
        std::string error = CheckPhase2Answer(*saPayload, qm);
        if (!error.empty())
        {
            drop(error);
            return;
        }
        if (qm.pfsGroup)
        {
            if (!ke || !ComputeDhShared(qm.pfsGroup, qm.dhPrivate, ke->data, qm.gxy))
            {
                drop("invalid PFS public value");
                return;
            }
        }
        qm.iv = iv;
        qm.nr = nonce->data;
        flight.lastIn = bytes;
        std::vector<uint8_t> hash3 =
            Ikev1KeyDerivation::QmHash3(sa.hash, sa.skeyidA, header.messageId, qm.ni, qm.nr);
        ChargePrf(sa, 5 + qm.ni.size() + qm.nr.size());
        std::vector<uint8_t> msg = Seal(sa,
                                        MakeHeader(sa, Ikev1ExchangeType::QUICK, header.messageId),
                                        {Ikev1HashPayload{hash3}},
                                        &qm.iv);
        InstallSaPair(sa, qm);
        Send(flight, sa.peer, msg, false);
        return;
    }
    if (qm.state == Ikev1State::QM_SENT_2) // responder: QM3
    {
        std::vector<uint8_t> expected =
            Ikev1KeyDerivation::QmHash3(sa.hash, sa.skeyidA, header.messageId, qm.ni, qm.nr);
        ChargePrf(sa, 5 + qm.ni.size() + qm.nr.size());
        if (!CryptoMac::ConstantTimeEqual(expected, hash.data))
        {
            drop("HASH(3) does not verify");
            return;
        }
        qm.iv = iv;
        flight.lastIn = bytes;
        flight.timer.Cancel();
        flight.awaitingReply = false;
        InstallSaPair(sa, qm);
        m_pendingCost = Seconds(0);
        return;
    }
    m_failureTrace(sa.peer, "unexpected quick-mode message");
}

void
Ikev1Daemon::InstallSaPair(Ikev1Sa& sa, Ikev1QuickMode& qm)
{
    uint32_t encLength = GetEncryptionKeyLength(qm.encryption);
    uint32_t length = encLength + GetIntegrityKeyLength(qm.integrity);
    SwitchState(sa, qm, Ikev1State::ESTABLISHED);
    auto makeSa = [&](IpsecDirection direction, uint32_t spi) {
        std::vector<uint8_t> keymat = Ikev1KeyDerivation::Keymat(sa.hash,
                                                                 sa.skeyidD,
                                                                 qm.gxy,
                                                                 PROTO_IPSEC_ESP,
                                                                 spi,
                                                                 qm.ni,
                                                                 qm.nr,
                                                                 length);
        ChargePrf(sa, qm.gxy.size() + 5 + qm.ni.size() + qm.nr.size());
        IpsecSecurityAssociation esp;
        esp.spi = spi;
        esp.direction = direction;
        esp.mode = IpsecMode::TUNNEL;
        Ipv6Address local = sa.local;
        if (local.IsAny())
        {
            const IpsecPolicy* rule = m_spd->Get(qm.outPolicyId);
            local = rule ? rule->tunnelLocal : local;
        }
        esp.source = direction == IpsecDirection::OUTBOUND ? local : sa.peer;
        esp.destination = direction == IpsecDirection::OUTBOUND ? sa.peer : local;
        esp.encryption = qm.encryption;
        esp.integrity = qm.integrity;
        esp.encryptionKey.assign(keymat.begin(), keymat.begin() + encLength);
        esp.integrityKey.assign(keymat.begin() + encLength, keymat.end());
        esp.hardLifetime.time = qm.lifetime;
        esp.policyId = direction == IpsecDirection::OUTBOUND ? qm.outPolicyId : qm.inPolicyId;
        return esp;
    };
    IpsecSecurityAssociation in = makeSa(IpsecDirection::INBOUND, qm.inboundSpi);
    IpsecSecurityAssociation out = makeSa(IpsecDirection::OUTBOUND, qm.outboundSpi);
    Time delay = Reserve(m_pendingCost);
    Ptr<IpsecPfKey> pfKey = m_pfKey;
    Ipv6Address peer = sa.peer;
    Ptr<Ikev1Daemon> self = this;
    Simulator::Schedule(delay, [self, pfKey, in, out, peer]() {
        auto pending = std::make_shared<int>(2);
        auto done = [self, pending, peer, in, out](const std::string& error) {
            if (!error.empty())
            {
                self->m_failureTrace(peer, "SA installation failed: " + error);
                return;
            }
            if (--*pending == 0)
            {
                self->m_installedTrace(peer, in.spi, out.spi);
            }
        };
        for (const auto& esp : {in, out})
        {
            std::string error = pfKey->Add(esp, IpsecPfKey::Completion(done));
            if (!error.empty())
            {
                self->m_failureTrace(peer, "SA installation refused: " + error);
            }
        }
    });
}

// ---------------------------------------------------------------------------------------------
// Context transfer of an ISAKMP SA, and UPDATE_SPI

bool
Ikev1Daemon::ExportSa(const Ipv6Address& peer, Ikev1Sa& sa) const
{
    const Ikev1Sa* newest = nullptr;
    for (const auto& [cookie, candidate] : m_sas)
    {
        if (candidate.peer == peer && candidate.state == Ikev1State::ESTABLISHED &&
            (!newest || candidate.established >= newest->established))
        {
            newest = &candidate;
        }
    }
    if (newest)
    {
        sa = *newest;
    }
    return newest != nullptr;
}

bool
Ikev1Daemon::IsCookieInUse(uint64_t initiatorCookie) const
{
    return m_sas.count(initiatorCookie) != 0;
}

std::string
Ikev1Daemon::ImportSa(Ikev1Sa sa,
                      const Ipv6Address& local,
                      const Ipv6Address& peer,
                      std::vector<Ikev1SpiUpdate>& updates)
{
    NS_LOG_FUNCTION(this << peer << sa.initiatorCookie);
    if (!m_rng)
    {
        return "IKE daemon not started";
    }
    if (sa.state != Ikev1State::ESTABLISHED)
    {
        return "ISAKMP SA not established";
    }
    if (sa.skeyidA.empty() || sa.encryptionKey.empty() || sa.iv.empty() ||
        sa.iv.size() != GetEncryptionBlockSize(sa.encryption))
    {
        return "ISAKMP SA without usable keys";
    }
    if (sa.initiatorCookie == 0 || m_sas.count(sa.initiatorCookie))
    {
        // The SA is keyed by CKY-I here: give it a fresh cookie pair and tell the peer.
        Ikev1SpiUpdate update;
        update.protocolId = PROTO_ISAKMP;
        update.oldSpi = Concat({Cookie(sa.initiatorCookie), Cookie(sa.responderCookie)});
        uint64_t cookie = 0;
        while (cookie == 0 || m_sas.count(cookie))
        {
            cookie = (static_cast<uint64_t>(m_rng->GetU32()) << 32) | m_rng->GetU32();
        }
        uint64_t responder = 0;
        while (responder == 0)
        {
            responder = (static_cast<uint64_t>(m_rng->GetU32()) << 32) | m_rng->GetU32();
        }
        sa.initiatorCookie = cookie;
        sa.responderCookie = responder;
        update.newSpi = Concat({Cookie(cookie), Cookie(responder)});
        updates.push_back(update);
    }
    sa.local = local;
    sa.peer = peer;
    if (sa.initialContact)
    {
        m_contacted.insert(peer); // the peer already had its first contact with "us"
    }
    NS_LOG_INFO("imported ISAKMP SA " << std::hex << sa.initiatorCookie << std::dec << " with "
                                      << peer << ", " << sa.quickModes.size() << " quick modes");
    m_sas[sa.initiatorCookie] = std::move(sa);
    return "";
}

uint32_t
Ikev1Daemon::MovePeer(const Ipv6Address& oldPeer,
                      const Ipv6Address& newPeer,
                      const Ipv6Address& newLocal,
                      const std::map<uint32_t, uint32_t>& policyIds)
{
    NS_LOG_FUNCTION(this << oldPeer << newPeer << newLocal);
    uint32_t moved = 0;
    for (auto& [cookie, sa] : m_sas)
    {
        if (sa.peer != oldPeer)
        {
            continue;
        }
        sa.peer = newPeer;
        sa.local = newLocal;
        for (auto& [mid, qm] : sa.quickModes)
        {
            auto out = policyIds.find(qm.outPolicyId);
            qm.outPolicyId = out != policyIds.end() ? out->second : qm.outPolicyId;
            auto in = policyIds.find(qm.inPolicyId);
            qm.inPolicyId = in != policyIds.end() ? in->second : qm.inPolicyId;
        }
        ++moved;
    }
    if (moved && m_contacted.erase(oldPeer))
    {
        m_contacted.insert(newPeer);
    }
    NS_LOG_INFO(moved << " ISAKMP SA(s) moved from " << oldPeer << " to " << newPeer);
    return moved;
}

bool
Ikev1Daemon::Forget(uint64_t initiatorCookie)
{
    auto it = m_sas.find(initiatorCookie);
    if (it == m_sas.end())
    {
        return false;
    }
    NS_LOG_FUNCTION(this << it->second.peer << initiatorCookie);
    m_contacted.erase(it->second.peer);
    RemoveSa(initiatorCookie);
    return true;
}

void
Ikev1Daemon::SendSpiUpdates(uint64_t initiatorCookie, const std::vector<Ikev1SpiUpdate>& updates)
{
    NS_LOG_FUNCTION(this << initiatorCookie << updates.size());
    auto it = m_sas.find(initiatorCookie);
    if (it == m_sas.end() || it->second.state != Ikev1State::ESTABLISHED || updates.empty())
    {
        m_updateSpiDoneTrace(it == m_sas.end() ? Ipv6Address() : it->second.peer,
                             updates.size(),
                             false);
        return;
    }
    Ikev1Sa& sa = it->second;
    m_pendingCost = Seconds(0);
    Ikev1Header header = MakeHeader(sa, Ikev1ExchangeType::INFORMATIONAL, NewInformationalId(sa));
    for (const auto& update : updates)
    {
        if (update.protocolId == PROTO_ISAKMP)
        {
            // The peer knows the SA only by its old cookies.
            header.initiatorCookie = ReadBe(update.oldSpi.data(), 8);
            header.responderCookie = ReadBe(update.oldSpi.data() + 8, 8);
        }
    }
    Ikev1NotifyPayload notify;
    notify.protocolId = PROTO_ISAKMP; // SPI size 0: the cookies of the header (RFC 2408 §3.14)
    notify.type = Ikev1NotifyPayload::UPDATE_SPI;
    notify.data = Ikev1Codec::EncodeSpiUpdates(updates);
    SpiUpdateFlight& flight = m_spiUpdates[initiatorCookie];
    flight.timer.Cancel();
    flight.entries = updates;
    flight.retries = 0;
    flight.message = SealInformational(sa, header, {notify});
    Time delay = Reserve(m_pendingCost + m_cost->MessageProcessing());
    Simulator::Schedule(delay, &Ikev1Daemon::Transmit, this, sa.peer, flight.message);
    flight.timer = Simulator::Schedule(delay + m_retryInterval,
                                       &Ikev1Daemon::RetransmitSpiUpdates,
                                       this,
                                       initiatorCookie);
}

void
Ikev1Daemon::RetransmitSpiUpdates(uint64_t cookie)
{
    auto fit = m_spiUpdates.find(cookie);
    auto sit = m_sas.find(cookie);
    if (fit == m_spiUpdates.end() || sit == m_sas.end())
    {
        return;
    }
    SpiUpdateFlight& flight = fit->second;
    if (flight.retries >= m_retryCount)
    {
        auto entries = static_cast<uint32_t>(flight.entries.size());
        m_spiUpdates.erase(fit);
        m_failureTrace(sit->second.peer, "UPDATE_SPI not acknowledged");
        m_updateSpiDoneTrace(sit->second.peer, entries, false);
        return;
    }
    flight.retries++;
    Transmit(sit->second.peer, flight.message);
    flight.timer =
        Simulator::Schedule(m_retryInterval, &Ikev1Daemon::RetransmitSpiUpdates, this, cookie);
}

void
Ikev1Daemon::ApplySpiUpdates(uint64_t cookie, const Ikev1NotifyPayload& notify)
{
    Ikev1Sa& sa = m_sas[cookie];
    Ipv6Address peer = sa.peer;
    std::vector<Ikev1SpiUpdate> entries;
    Ikev1DecodeResult r = Ikev1Codec::DecodeSpiUpdates(notify.data, entries);
    if (!r.IsOk())
    {
        m_failureTrace(peer,
                       std::string("malformed UPDATE_SPI: ") + GetIkev1DecodeErrorName(r.error) +
                           ": " + r.reason);
        return;
    }
    // Check everything before changing anything: an UPDATE_SPI is applied whole or not at all.
    std::vector<std::pair<uint32_t, IpsecSecurityAssociation>> replacements; // old SPI, new SA
    const Ikev1SpiUpdate* isakmp = nullptr;
    for (const auto& entry : entries)
    {
        if (entry.protocolId == PROTO_ISAKMP)
        {
            uint64_t oldCookie = ReadBe(entry.oldSpi.data(), 8);
            uint64_t newCookie = ReadBe(entry.newSpi.data(), 8);
            if (isakmp || newCookie == 0 || (oldCookie != cookie && newCookie != cookie) ||
                (oldCookie == cookie && m_sas.count(newCookie)))
            {
                m_failureTrace(peer, "UPDATE_SPI with unusable cookies");
                return;
            }
            isakmp = oldCookie == cookie ? &entry : nullptr; // else: applied before
            continue;
        }
        auto oldSpi = static_cast<uint32_t>(ReadBe(entry.oldSpi.data(), 4));
        auto newSpi = static_cast<uint32_t>(ReadBe(entry.newSpi.data(), 4));
        bool applied = false;
        bool found = false;
        for (const auto& [mid, qm] : sa.quickModes)
        {
            if (qm.state == Ikev1State::ESTABLISHED)
            {
                applied = applied || qm.outboundSpi == newSpi;
                found = found || qm.outboundSpi == oldSpi;
            }
        }
        if (applied && !found)
        {
            continue; // a retransmission: this one is done
        }
        IpsecSecurityAssociation out;
        if (!found || newSpi < 256 || !m_pfKey->Get(IpsecDirection::OUTBOUND, oldSpi, peer, out))
        {
            m_failureTrace(peer, "UPDATE_SPI for an SPI that is not ours");
            return;
        }
        out.spi = newSpi; // same keys, sequence counter and current lifetime
        replacements.emplace_back(oldSpi, out);
    }
    // Apply: the ISAKMP SA takes its new cookies (kept as an alias for retransmissions), each
    // outbound SA is re-added under its new SPI (SADB_ADD with the current lifetime, the old
    // one deleted once the new one is in), then the acknowledgement goes out under the new
    // cookies once every change is installed.
    uint64_t finalCookie = cookie;
    if (isakmp)
    {
        finalCookie = ReadBe(isakmp->newSpi.data(), 8);
        Ikev1Sa moved = sa;
        moved.initiatorCookie = finalCookie;
        moved.responderCookie = ReadBe(isakmp->newSpi.data() + 8, 8);
        RemoveSa(cookie); // sa is gone after this
        m_sas[finalCookie] = std::move(moved);
        m_cookieAliases[cookie] = finalCookie;
    }

    struct Pending
    {
        uint32_t count{1}; ///< changes not completed, plus one until all are requested
        bool ok{true};     ///< no change failed
    };

    auto pending = std::make_shared<Pending>();
    Ptr<Ikev1Daemon> self = this;
    std::vector<uint8_t> data = notify.data;
    auto count = static_cast<uint32_t>(entries.size());
    auto finish = [self, pending, finalCookie, peer, data, count]() {
        if (--pending->count != 0)
        {
            return;
        }
        auto it = self->m_sas.find(finalCookie);
        if (!pending->ok || it == self->m_sas.end())
        {
            // No acknowledgement: the sender retransmits, then gives up.
            self->m_failureTrace(peer, "UPDATE_SPI could not be applied");
            self->m_updateSpiAppliedTrace(peer, count, false);
            return;
        }
        Ikev1NotifyPayload ack;
        ack.protocolId = PROTO_ISAKMP;
        ack.type = Ikev1NotifyPayload::UPDATE_SPI_ACK;
        ack.data = data;
        self->SendInformational(it->second, {ack});
        self->m_updateSpiAppliedTrace(peer, count, true);
    };
    Ikev1Sa& current = m_sas[finalCookie];
    for (const auto& [oldSpi, replacement] : replacements)
    {
        for (auto& [mid, qm] : current.quickModes)
        {
            if (qm.state == Ikev1State::ESTABLISHED && qm.outboundSpi == oldSpi)
            {
                qm.outboundSpi = replacement.spi;
            }
        }
        NS_LOG_INFO("outbound SA to " << peer << ": SPI " << oldSpi << " -> " << replacement.spi);
        pending->count++;
        Ptr<IpsecPfKey> pfKey = m_pfKey;
        uint32_t old = oldSpi;
        auto done = [pfKey, pending, finish, old, peer](const std::string& error) {
            if (error.empty())
            {
                pfKey->Delete(IpsecDirection::OUTBOUND, old, peer);
            }
            else
            {
                pending->ok = false;
            }
            finish();
        };
        auto called = std::make_shared<bool>(false);
        auto wrapped = [called, done](const std::string& error) {
            *called = true;
            done(error);
        };
        std::string error =
            m_pfKey->AddWithCurrentLifetime(replacement, IpsecPfKey::Completion(wrapped));
        if (!error.empty() && !*called)
        {
            done(error);
        }
    }
    finish();
}

void
Ikev1Daemon::AcknowledgeSpiUpdates(Ikev1Sa& sa, const Ikev1NotifyPayload& notify)
{
    auto flight = m_spiUpdates.find(sa.initiatorCookie);
    if (flight == m_spiUpdates.end())
    {
        return; // a duplicate acknowledgement
    }
    std::vector<Ikev1SpiUpdate> entries;
    Ikev1DecodeResult r = Ikev1Codec::DecodeSpiUpdates(notify.data, entries);
    if (!r.IsOk() || entries != flight->second.entries)
    {
        m_failureTrace(sa.peer, "UPDATE_SPI_ACK does not match the UPDATE_SPI");
        return;
    }
    flight->second.timer.Cancel();
    m_spiUpdates.erase(flight);
    NS_LOG_INFO("UPDATE_SPI acknowledged by " << sa.peer);
    m_updateSpiDoneTrace(sa.peer, entries.size(), true);
}

} // namespace ns3
