/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Tests of the SPD (RFC 4301 §4.4.1): traffic selector matching, the extraction of selector
// fields from real IPv6 packets, rule ordering by (priority, insertion), direction separation,
// MayApply for packets whose ports are not known yet, removal, ids and rule validation.

#include "ns3/icmpv6-header.h"
#include "ns3/ipsec-policy.h"
#include "ns3/ipsec-spd.h"
#include "ns3/ipsec-traffic-selector.h"
#include "ns3/ipv6-header.h"
#include "ns3/packet.h"
#include "ns3/tcp-header.h"
#include "ns3/test.h"
#include "ns3/udp-header.h"

#include <set>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

constexpr uint8_t PROTO_TCP = 6;
constexpr uint8_t PROTO_UDP = 17;
constexpr uint8_t PROTO_ICMPV6 = 58;
constexpr uint8_t PROTO_NONE = 59; ///< IPv6 "no next header"
constexpr uint8_t PROTO_MH = 135;

/**
 * \param text a string
 * \param part what it should contain
 * \return true if text contains part
 */
bool
Contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

/**
 * \return packet fields built by hand
 * \param local local address
 * \param remote remote address
 * \param nextHeader protocol
 * \param portsKnown whether the ports are known
 * \param localPort local port
 * \param remotePort remote port
 */
IpsecPacketFields
MakeFields(const char* local,
           const char* remote,
           uint8_t nextHeader,
           bool portsKnown = true,
           uint16_t localPort = 0,
           uint16_t remotePort = 0)
{
    IpsecPacketFields f;
    f.local = Ipv6Address(local);
    f.remote = Ipv6Address(remote);
    f.nextHeader = nextHeader;
    f.portsKnown = portsKnown;
    f.localPort = localPort;
    f.remotePort = remotePort;
    return f;
}

/**
 * \brief Prepends an IPv6 header to a packet.
 * \param packet the upper-layer packet (modified)
 * \param src source
 * \param dst destination
 * \param nextHeader protocol
 * \param payloadLength the payload length to announce
 */
void
AddIpv6Header(Ptr<Packet> packet,
              const char* src,
              const char* dst,
              uint8_t nextHeader,
              uint16_t payloadLength)
{
    Ipv6Header ip;
    ip.SetSource(Ipv6Address(src));
    ip.SetDestination(Ipv6Address(dst));
    ip.SetNextHeader(nextHeader);
    ip.SetPayloadLength(payloadLength);
    ip.SetHopLimit(64);
    packet->AddHeader(ip);
}

/**
 * \return a rule
 * \param direction its direction
 * \param priority its priority
 * \param selector its selector
 * \param action its action
 */
IpsecPolicy
MakeRule(IpsecDirection direction,
         int32_t priority,
         const IpsecTrafficSelector& selector,
         IpsecPolicyAction action)
{
    IpsecPolicy p;
    p.direction = direction;
    p.priority = priority;
    p.selector = selector;
    p.action = action;
    if (action == IpsecPolicyAction::PROTECT)
    {
        p.mode = IpsecMode::TUNNEL;
        p.tunnelLocal = Ipv6Address("2001:db8:a::1");
        p.tunnelRemote = Ipv6Address("2001:db8:b::1");
    }
    return p;
}

} // namespace

/**
 * \ingroup cxtp-ipsec
 * \brief Selector address matching with prefix lengths 0, 64 and 128.
 */
class IpsecSelectorPrefixTestCase : public TestCase
{
  public:
    IpsecSelectorPrefixTestCase()
        : TestCase("Selector address prefixes of length 0, 64 and 128")
    {
    }

  private:
    void DoRun() override
    {
        IpsecTrafficSelector any;
        NS_TEST_ASSERT_MSG_EQ(any.Matches(MakeFields("fd00:1::1", "2001:db8::1", PROTO_UDP)),
                              true,
                              "the default selector (::/0 both ends) matches everything");
        NS_TEST_ASSERT_MSG_EQ(any.Matches(MakeFields("::1", "ff02::1", PROTO_ICMPV6)),
                              true,
                              "the default selector matches loopback and multicast");
        NS_TEST_ASSERT_MSG_EQ(any.HasPorts(), false, "the default selector has no ports");

        IpsecTrafficSelector p64;
        p64.localAddress = Ipv6Address("fd00:1::");
        p64.localPrefix = Ipv6Prefix(64);
        NS_TEST_ASSERT_MSG_EQ(p64.Matches(MakeFields("fd00:1::5", "2001:db8::1", PROTO_UDP)),
                              true,
                              "fd00:1::5 is inside fd00:1::/64");
        NS_TEST_ASSERT_MSG_EQ(
            p64.Matches(MakeFields("fd00:1::ffff:ffff:ffff:ffff", "2001:db8::1", PROTO_UDP)),
            true,
            "the last address of fd00:1::/64 is inside it");
        NS_TEST_ASSERT_MSG_EQ(p64.Matches(MakeFields("fd00:1:0:1::", "2001:db8::1", PROTO_UDP)),
                              false,
                              "fd00:1:0:1:: is the first address after fd00:1::/64");
        NS_TEST_ASSERT_MSG_EQ(p64.Matches(MakeFields("fd00:2::5", "2001:db8::1", PROTO_UDP)),
                              false,
                              "fd00:2::5 is outside fd00:1::/64");
        NS_TEST_ASSERT_MSG_EQ(p64.Matches(MakeFields("2001:db8::1", "fd00:1::5", PROTO_UDP)),
                              false,
                              "the local prefix is compared with the local address only");

        IpsecTrafficSelector p128;
        p128.remoteAddress = Ipv6Address("2001:db8::7");
        p128.remotePrefix = Ipv6Prefix(128);
        NS_TEST_ASSERT_MSG_EQ(p128.Matches(MakeFields("fd00:1::1", "2001:db8::7", PROTO_TCP)),
                              true,
                              "a /128 matches its own address");
        NS_TEST_ASSERT_MSG_EQ(p128.Matches(MakeFields("fd00:1::1", "2001:db8::8", PROTO_TCP)),
                              false,
                              "a /128 does not match the next address");
        NS_TEST_ASSERT_MSG_EQ(p128.Matches(MakeFields("fd00:1::1", "2001:db8::6", PROTO_TCP)),
                              false,
                              "a /128 does not match the previous address");

        IpsecTrafficSelector both = p64;
        both.remoteAddress = Ipv6Address("2001:db8::7");
        both.remotePrefix = Ipv6Prefix(128);
        NS_TEST_ASSERT_MSG_EQ(both.Matches(MakeFields("fd00:1::9", "2001:db8::7", PROTO_TCP)),
                              true,
                              "both prefixes match");
        NS_TEST_ASSERT_MSG_EQ(both.Matches(MakeFields("fd00:1::9", "2001:db8::17", PROTO_TCP)),
                              false,
                              "local matches but remote does not");
        NS_TEST_ASSERT_MSG_EQ(both.Matches(MakeFields("fd00:3::9", "2001:db8::7", PROTO_TCP)),
                              false,
                              "remote matches but local does not");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief Protocol ANY versus a specific protocol.
 */
class IpsecSelectorProtocolTestCase : public TestCase
{
  public:
    IpsecSelectorProtocolTestCase()
        : TestCase("Selector protocol ANY versus a specific protocol")
    {
    }

  private:
    void DoRun() override
    {
        IpsecTrafficSelector any;
        NS_TEST_ASSERT_MSG_EQ(+any.nextHeader,
                              +IpsecTrafficSelector::ANY_PROTOCOL,
                              "default protocol is ANY");
        for (uint8_t proto : {PROTO_TCP, PROTO_UDP, PROTO_ICMPV6, PROTO_MH, PROTO_NONE})
        {
            NS_TEST_ASSERT_MSG_EQ(any.Matches(MakeFields("fd00::1", "fd00::2", proto)),
                                  true,
                                  "ANY matches protocol " << +proto);
        }

        IpsecTrafficSelector udp = IpsecTrafficSelector::ForProtocol(PROTO_UDP);
        NS_TEST_ASSERT_MSG_EQ(udp.HasPorts(), false, "ForProtocol without a port has no ports");
        NS_TEST_ASSERT_MSG_EQ(udp.Matches(MakeFields("fd00::1", "fd00::2", PROTO_UDP)),
                              true,
                              "UDP selector matches UDP");
        NS_TEST_ASSERT_MSG_EQ(udp.Matches(MakeFields("fd00::1", "fd00::2", PROTO_TCP)),
                              false,
                              "UDP selector does not match TCP");
        NS_TEST_ASSERT_MSG_EQ(udp.Matches(MakeFields("fd00::1", "fd00::2", PROTO_ICMPV6, false)),
                              false,
                              "protocol is compared even when the ports are unknown");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief Port ranges: inclusive bounds, and portsKnown = false ignores them.
 */
class IpsecSelectorPortTestCase : public TestCase
{
  public:
    IpsecSelectorPortTestCase()
        : TestCase("Selector port ranges have inclusive bounds and unknown ports are ignored")
    {
    }

  private:
    void DoRun() override
    {
        IpsecTrafficSelector ts;
        ts.nextHeader = PROTO_UDP;
        ts.localPortMin = 1000;
        ts.localPortMax = 2000;
        ts.remotePortMin = 500;
        ts.remotePortMax = 500;
        NS_TEST_ASSERT_MSG_EQ(ts.HasPorts(), true, "selector with port ranges");

        auto udp = [](uint16_t lp, uint16_t rp) {
            return MakeFields("fd00::1", "fd00::2", PROTO_UDP, true, lp, rp);
        };
        NS_TEST_ASSERT_MSG_EQ(ts.Matches(udp(999, 500)), false, "local 999 below 1000");
        NS_TEST_ASSERT_MSG_EQ(ts.Matches(udp(1000, 500)), true, "local 1000 is the lower bound");
        NS_TEST_ASSERT_MSG_EQ(ts.Matches(udp(1500, 500)), true, "local 1500 inside");
        NS_TEST_ASSERT_MSG_EQ(ts.Matches(udp(2000, 500)), true, "local 2000 is the upper bound");
        NS_TEST_ASSERT_MSG_EQ(ts.Matches(udp(2001, 500)), false, "local 2001 above 2000");
        NS_TEST_ASSERT_MSG_EQ(ts.Matches(udp(1500, 499)), false, "remote 499 is not 500");
        NS_TEST_ASSERT_MSG_EQ(ts.Matches(udp(1500, 501)), false, "remote 501 is not 500");

        IpsecPacketFields unknown = MakeFields("fd00::1", "fd00::2", PROTO_UDP, false, 1, 2);
        NS_TEST_ASSERT_MSG_EQ(ts.Matches(unknown), true, "ports not known: ranges not compared");
        unknown.nextHeader = PROTO_TCP;
        NS_TEST_ASSERT_MSG_EQ(ts.Matches(unknown),
                              false,
                              "ports not known: the protocol still has to match");

        IpsecTrafficSelector full;
        full.localPortMin = 0;
        full.localPortMax = 0xffff;
        NS_TEST_ASSERT_MSG_EQ(full.Matches(MakeFields("fd00::1", "fd00::2", PROTO_TCP, true, 0, 0)),
                              true,
                              "port 0 inside 0-65535");
        NS_TEST_ASSERT_MSG_EQ(
            full.Matches(MakeFields("fd00::1", "fd00::2", PROTO_TCP, true, 0xffff, 0xffff)),
            true,
            "port 65535 inside 0-65535");

        IpsecTrafficSelector ike = IpsecTrafficSelector::ForProtocol(PROTO_UDP, 500);
        NS_TEST_ASSERT_MSG_EQ(ike.HasPorts(), true, "ForProtocol with a port has ports");
        NS_TEST_ASSERT_MSG_EQ(ike.Matches(udp(4500, 500)), true, "remote port 500 matches");
        NS_TEST_ASSERT_MSG_EQ(ike.Matches(udp(500, 4500)),
                              false,
                              "ForProtocol constrains the remote port only");

        IpsecTrafficSelector printed = ike;
        printed.localAddress = Ipv6Address("fd00:11::");
        printed.localPrefix = Ipv6Prefix(64);
        NS_TEST_ASSERT_MSG_EQ(printed.ToString(),
                              "fd00:11::/64 -> ::/0 proto 17 ports any/500",
                              "ToString as documented");
        printed.localPortMin = 1000;
        printed.localPortMax = 2000;
        printed.nextHeader = IpsecTrafficSelector::ANY_PROTOCOL;
        NS_TEST_ASSERT_MSG_EQ(printed.ToString(),
                              "fd00:11::/64 -> ::/0 proto any ports 1000-2000/500",
                              "ToString with a range and ANY protocol");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief FromPacket on UDP and TCP packets, outbound and inbound.
 */
class IpsecFieldsTransportTestCase : public TestCase
{
  public:
    IpsecFieldsTransportTestCase()
        : TestCase("FromPacket reads UDP and TCP ports and swaps them for inbound packets")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Packet> udp = Create<Packet>(10);
        UdpHeader uh;
        uh.SetSourcePort(1234);
        uh.SetDestinationPort(53);
        udp->AddHeader(uh);
        AddIpv6Header(udp, "fd00:1::1", "2001:db8::53", PROTO_UDP, 8 + 10);
        NS_TEST_ASSERT_MSG_EQ(udp->GetSize(), 40u + 8u + 10u, "packet size");

        IpsecPacketFields out;
        NS_TEST_ASSERT_MSG_EQ(IpsecPacketFields::FromPacket(udp, true, out),
                              true,
                              "a well-formed UDP packet");
        NS_TEST_ASSERT_MSG_EQ(out.local, Ipv6Address("fd00:1::1"), "outbound: local = source");
        NS_TEST_ASSERT_MSG_EQ(out.remote,
                              Ipv6Address("2001:db8::53"),
                              "outbound: remote = destination");
        NS_TEST_ASSERT_MSG_EQ(+out.nextHeader, +PROTO_UDP, "protocol");
        NS_TEST_ASSERT_MSG_EQ(out.portsKnown, true, "ports known");
        NS_TEST_ASSERT_MSG_EQ(out.localPort, 1234, "outbound: local port = source port");
        NS_TEST_ASSERT_MSG_EQ(out.remotePort, 53, "outbound: remote port = destination port");

        IpsecPacketFields in;
        NS_TEST_ASSERT_MSG_EQ(IpsecPacketFields::FromPacket(udp, false, in),
                              true,
                              "the same packet, received");
        NS_TEST_ASSERT_MSG_EQ(in.local, Ipv6Address("2001:db8::53"), "inbound: local = dest");
        NS_TEST_ASSERT_MSG_EQ(in.remote, Ipv6Address("fd00:1::1"), "inbound: remote = source");
        NS_TEST_ASSERT_MSG_EQ(in.localPort, 53, "inbound: local port = destination port");
        NS_TEST_ASSERT_MSG_EQ(in.remotePort, 1234, "inbound: remote port = source port");
        NS_TEST_ASSERT_MSG_EQ(in.portsKnown, true, "ports known");

        // Stale values in the output structure must be overwritten.
        IpsecPacketFields reused = MakeFields("::1", "::2", PROTO_TCP, false, 7, 8);
        Ptr<Packet> tcp = Create<Packet>(0);
        TcpHeader th;
        th.SetSourcePort(40000);
        th.SetDestinationPort(443);
        tcp->AddHeader(th);
        AddIpv6Header(tcp, "2001:db8::1", "2001:db8::2", PROTO_TCP, th.GetSerializedSize());
        NS_TEST_ASSERT_MSG_EQ(IpsecPacketFields::FromPacket(tcp, true, reused),
                              true,
                              "a TCP packet without payload");
        NS_TEST_ASSERT_MSG_EQ(+reused.nextHeader, +PROTO_TCP, "protocol TCP");
        NS_TEST_ASSERT_MSG_EQ(reused.local, Ipv6Address("2001:db8::1"), "TCP local");
        NS_TEST_ASSERT_MSG_EQ(reused.remote, Ipv6Address("2001:db8::2"), "TCP remote");
        NS_TEST_ASSERT_MSG_EQ(reused.localPort, 40000, "TCP local port");
        NS_TEST_ASSERT_MSG_EQ(reused.remotePort, 443, "TCP remote port");
        NS_TEST_ASSERT_MSG_EQ(reused.portsKnown, true, "TCP ports known");

        // A selector applied to the extracted fields.
        IpsecTrafficSelector dns = IpsecTrafficSelector::ForProtocol(PROTO_UDP, 53);
        NS_TEST_ASSERT_MSG_EQ(dns.Matches(out), true, "outbound DNS query: remote port 53");
        NS_TEST_ASSERT_MSG_EQ(dns.Matches(in),
                              false,
                              "the received query has remote port 1234, not 53");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief FromPacket on ICMPv6, Mobility Header and port-less packets.
 */
class IpsecFieldsIcmpTestCase : public TestCase
{
  public:
    IpsecFieldsIcmpTestCase()
        : TestCase("FromPacket puts ICMPv6 type and code and the MH type into the local port")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Packet> unreach = Create<Packet>(4);
        Icmpv6Header icmp;
        icmp.SetType(1); // destination unreachable
        icmp.SetCode(4); // port unreachable
        unreach->AddHeader(icmp);
        AddIpv6Header(unreach, "fd00::1", "fd00::2", PROTO_ICMPV6, unreach->GetSize());
        IpsecPacketFields out;
        NS_TEST_ASSERT_MSG_EQ(IpsecPacketFields::FromPacket(unreach, true, out),
                              true,
                              "ICMPv6 packet");
        NS_TEST_ASSERT_MSG_EQ(out.localPort, ((1 << 8) | 4), "type 1 code 4 -> 0x0104");
        NS_TEST_ASSERT_MSG_EQ(out.remotePort, 0, "ICMPv6: remote port 0");
        NS_TEST_ASSERT_MSG_EQ(out.portsKnown, true, "ICMPv6 type/code known");
        IpsecPacketFields in;
        NS_TEST_ASSERT_MSG_EQ(IpsecPacketFields::FromPacket(unreach, false, in),
                              true,
                              "ICMPv6 packet received");
        NS_TEST_ASSERT_MSG_EQ(in.localPort, 0x0104, "inbound: type/code still in local port");
        NS_TEST_ASSERT_MSG_EQ(in.remotePort, 0, "inbound: remote port 0");
        NS_TEST_ASSERT_MSG_EQ(in.local, Ipv6Address("fd00::2"), "inbound: local = destination");

        Ptr<Packet> echo = Create<Packet>(8);
        Icmpv6Header req;
        req.SetType(128);
        req.SetCode(0);
        echo->AddHeader(req);
        AddIpv6Header(echo, "fd00::1", "fd00::2", PROTO_ICMPV6, echo->GetSize());
        NS_TEST_ASSERT_MSG_EQ(IpsecPacketFields::FromPacket(echo, true, out), true, "echo");
        NS_TEST_ASSERT_MSG_EQ(out.localPort, 0x8000, "echo request: type 128 code 0 -> 0x8000");

        // An ICMPv6 selector for echo requests only (type 128, any code).
        IpsecTrafficSelector ping = IpsecTrafficSelector::ForProtocol(PROTO_ICMPV6);
        ping.localPortMin = 0x8000;
        ping.localPortMax = 0x80ff;
        NS_TEST_ASSERT_MSG_EQ(ping.Matches(out), true, "echo request selected");
        NS_TEST_ASSERT_MSG_EQ(ping.Matches(in), false, "destination unreachable not selected");

        // Mobility Header: payload proto, header length, MH type 5 (binding update), reserved.
        uint8_t mh[8] = {PROTO_NONE, 0, 5, 0, 0, 0, 0, 0};
        Ptr<Packet> bu = Create<Packet>(mh, sizeof(mh));
        AddIpv6Header(bu, "fd00::1", "fd00::2", PROTO_MH, sizeof(mh));
        NS_TEST_ASSERT_MSG_EQ(IpsecPacketFields::FromPacket(bu, true, out), true, "MH packet");
        NS_TEST_ASSERT_MSG_EQ(out.localPort, (5 << 8), "MH type 5 -> 0x0500");
        NS_TEST_ASSERT_MSG_EQ(out.remotePort, 0, "MH: remote port 0");
        NS_TEST_ASSERT_MSG_EQ(+out.nextHeader, +PROTO_MH, "MH protocol");

        // No upper-layer header: ports are 0 and count as known.
        Ptr<Packet> none = Create<Packet>(0);
        AddIpv6Header(none, "fd00::1", "fd00::2", PROTO_NONE, 0);
        out = MakeFields("::1", "::2", PROTO_UDP, false, 9, 9);
        NS_TEST_ASSERT_MSG_EQ(IpsecPacketFields::FromPacket(none, true, out),
                              true,
                              "no next header");
        NS_TEST_ASSERT_MSG_EQ(+out.nextHeader, +PROTO_NONE, "protocol 59");
        NS_TEST_ASSERT_MSG_EQ(out.portsKnown, true, "no ports: known to be 0");
        NS_TEST_ASSERT_MSG_EQ(out.localPort, 0, "local port 0");
        NS_TEST_ASSERT_MSG_EQ(out.remotePort, 0, "remote port 0");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief FromPacket rejects truncated packets and payload-length mismatches.
 */
class IpsecFieldsTruncatedTestCase : public TestCase
{
  public:
    IpsecFieldsTruncatedTestCase()
        : TestCase("FromPacket rejects truncated packets and wrong payload lengths")
    {
    }

  private:
    void DoRun() override
    {
        IpsecPacketFields f;
        NS_TEST_ASSERT_MSG_EQ(IpsecPacketFields::FromPacket(Create<Packet>(39), true, f),
                              false,
                              "39 bytes cannot hold an IPv6 header");
        NS_TEST_ASSERT_MSG_EQ(IpsecPacketFields::FromPacket(Create<Packet>(0), true, f),
                              false,
                              "empty packet");

        auto udpPacket = [](uint16_t announced) {
            Ptr<Packet> p = Create<Packet>(10);
            UdpHeader uh;
            uh.SetSourcePort(1);
            uh.SetDestinationPort(2);
            p->AddHeader(uh);
            AddIpv6Header(p, "fd00::1", "fd00::2", PROTO_UDP, announced);
            return p;
        };
        NS_TEST_ASSERT_MSG_EQ(IpsecPacketFields::FromPacket(udpPacket(18), true, f),
                              true,
                              "payload length 18 is right");
        NS_TEST_ASSERT_MSG_EQ(IpsecPacketFields::FromPacket(udpPacket(19), true, f),
                              false,
                              "announced 19 bytes, 18 present (truncated)");
        NS_TEST_ASSERT_MSG_EQ(IpsecPacketFields::FromPacket(udpPacket(17), true, f),
                              false,
                              "announced 17 bytes, 18 present (trailing bytes)");
        NS_TEST_ASSERT_MSG_EQ(IpsecPacketFields::FromPacket(udpPacket(0), true, f),
                              false,
                              "announced 0 bytes, 18 present");

        // Consistent lengths, but too short for the upper-layer header.
        uint8_t three[3] = {0x12, 0x34, 0x56};
        Ptr<Packet> shortUdp = Create<Packet>(three, sizeof(three));
        AddIpv6Header(shortUdp, "fd00::1", "fd00::2", PROTO_UDP, sizeof(three));
        NS_TEST_ASSERT_MSG_EQ(IpsecPacketFields::FromPacket(shortUdp, true, f),
                              false,
                              "3 bytes cannot hold UDP ports");
        Ptr<Packet> shortTcp = Create<Packet>(three, sizeof(three));
        AddIpv6Header(shortTcp, "fd00::1", "fd00::2", PROTO_TCP, sizeof(three));
        NS_TEST_ASSERT_MSG_EQ(IpsecPacketFields::FromPacket(shortTcp, true, f),
                              false,
                              "3 bytes cannot hold TCP ports");
        Ptr<Packet> shortIcmp = Create<Packet>(three, 1);
        AddIpv6Header(shortIcmp, "fd00::1", "fd00::2", PROTO_ICMPV6, 1);
        NS_TEST_ASSERT_MSG_EQ(IpsecPacketFields::FromPacket(shortIcmp, true, f),
                              false,
                              "1 byte cannot hold ICMPv6 type and code");
        Ptr<Packet> shortMh = Create<Packet>(three, 2);
        AddIpv6Header(shortMh, "fd00::1", "fd00::2", PROTO_MH, 2);
        NS_TEST_ASSERT_MSG_EQ(IpsecPacketFields::FromPacket(shortMh, true, f),
                              false,
                              "2 bytes cannot hold the MH type");
        Ptr<Packet> twoIcmp = Create<Packet>(three, 2);
        AddIpv6Header(twoIcmp, "fd00::1", "fd00::2", PROTO_ICMPV6, 2);
        NS_TEST_ASSERT_MSG_EQ(IpsecPacketFields::FromPacket(twoIcmp, true, f),
                              true,
                              "2 bytes are enough for ICMPv6 type and code");
        NS_TEST_ASSERT_MSG_EQ(f.localPort, 0x1234, "type 0x12 code 0x34");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief Lookup order: priority first, then insertion order.
 */
class IpsecSpdOrderTestCase : public TestCase
{
  public:
    IpsecSpdOrderTestCase()
        : TestCase("SPD evaluates rules by priority, then by insertion order")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<IpsecSpd> spd = CreateObject<IpsecSpd>();
        const auto out = IpsecDirection::OUTBOUND;
        uint32_t catchAll = 0;
        uint32_t udpFirst = 0;
        uint32_t anyProto = 0;
        uint32_t udpSecond = 0;
        // Added in this order; all of them match a UDP packet.
        NS_TEST_ASSERT_MSG_EQ(
            spd->Add(MakeRule(out, 10, IpsecTrafficSelector(), IpsecPolicyAction::DISCARD),
                     catchAll),
            "",
            "catch-all, priority 10");
        NS_TEST_ASSERT_MSG_EQ(spd->Add(MakeRule(out,
                                                5,
                                                IpsecTrafficSelector::ForProtocol(PROTO_UDP),
                                                IpsecPolicyAction::BYPASS),
                                       udpFirst),
                              "",
                              "UDP, priority 5");
        NS_TEST_ASSERT_MSG_EQ(
            spd->Add(MakeRule(out, 5, IpsecTrafficSelector(), IpsecPolicyAction::PROTECT),
                     anyProto),
            "",
            "any protocol, priority 5");

        IpsecPacketFields udp = MakeFields("fd00::1", "fd00::2", PROTO_UDP, true, 1000, 2000);
        IpsecPacketFields tcp = MakeFields("fd00::1", "fd00::2", PROTO_TCP, true, 1000, 2000);
        const IpsecPolicy* hit = spd->Lookup(out, udp);
        NS_TEST_ASSERT_MSG_NE(hit, nullptr, "UDP matches");
        if (hit)
        {
            NS_TEST_ASSERT_MSG_EQ(hit->id,
                                  udpFirst,
                                  "UDP: priority 5 beats 10, and the earlier of the two "
                                  "priority-5 rules wins");
            NS_TEST_ASSERT_MSG_EQ((hit->action == IpsecPolicyAction::BYPASS), true, "its action");
        }
        hit = spd->Lookup(out, tcp);
        NS_TEST_ASSERT_MSG_NE(hit, nullptr, "TCP matches");
        if (hit)
        {
            NS_TEST_ASSERT_MSG_EQ(hit->id, anyProto, "TCP: the priority-5 any-protocol rule");
        }

        // A later UDP rule of the same priority goes after the existing ones.
        NS_TEST_ASSERT_MSG_EQ(spd->Add(MakeRule(out,
                                                5,
                                                IpsecTrafficSelector::ForProtocol(PROTO_UDP),
                                                IpsecPolicyAction::DISCARD),
                                       udpSecond),
                              "",
                              "second UDP rule, priority 5");
        hit = spd->Lookup(out, udp);
        NS_TEST_ASSERT_MSG_EQ((hit ? hit->id : 0), udpFirst, "still the first UDP rule");

        const std::vector<IpsecPolicy>& rules = spd->GetPolicies();
        NS_TEST_ASSERT_MSG_EQ(rules.size(), 4u, "four rules");
        if (rules.size() == 4)
        {
            NS_TEST_ASSERT_MSG_EQ(rules[0].id, udpFirst, "evaluation order 1");
            NS_TEST_ASSERT_MSG_EQ(rules[1].id, anyProto, "evaluation order 2");
            NS_TEST_ASSERT_MSG_EQ(rules[2].id, udpSecond, "evaluation order 3");
            NS_TEST_ASSERT_MSG_EQ(rules[3].id, catchAll, "evaluation order 4");
        }

        // Without the first UDP rule the any-protocol rule, inserted before the second UDP
        // rule, comes first.
        NS_TEST_ASSERT_MSG_EQ(spd->Remove(udpFirst), true, "remove the first UDP rule");
        hit = spd->Lookup(out, udp);
        NS_TEST_ASSERT_MSG_EQ((hit ? hit->id : 0), anyProto, "equal priority: insertion order");

        // A negative priority goes before everything, even if inserted last.
        uint32_t urgent = 0;
        NS_TEST_ASSERT_MSG_EQ(
            spd->Add(MakeRule(out, -1, IpsecTrafficSelector(), IpsecPolicyAction::BYPASS), urgent),
            "",
            "priority -1");
        hit = spd->Lookup(out, tcp);
        NS_TEST_ASSERT_MSG_EQ((hit ? hit->id : 0), urgent, "priority -1 first");
        NS_TEST_ASSERT_MSG_EQ(spd->GetPolicies().front().id, urgent, "first in GetPolicies");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief Directions are separate; no match gives nullptr.
 */
class IpsecSpdDirectionTestCase : public TestCase
{
  public:
    IpsecSpdDirectionTestCase()
        : TestCase("SPD keeps directions apart and Lookup returns nullptr without a match")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<IpsecSpd> spd = CreateObject<IpsecSpd>();
        IpsecPacketFields f = MakeFields("fd00:1::1", "fd00:2::1", PROTO_UDP, true, 1, 2);
        NS_TEST_ASSERT_MSG_EQ(spd->Lookup(IpsecDirection::OUTBOUND, f),
                              nullptr,
                              "empty SPD: nothing matches");

        IpsecTrafficSelector toNet2;
        toNet2.remoteAddress = Ipv6Address("fd00:2::");
        toNet2.remotePrefix = Ipv6Prefix(64);
        uint32_t outId = 0;
        NS_TEST_ASSERT_MSG_EQ(
            spd->Add(MakeRule(IpsecDirection::OUTBOUND, 0, toNet2, IpsecPolicyAction::PROTECT),
                     outId),
            "",
            "outbound rule");
        NS_TEST_ASSERT_MSG_EQ(spd->Lookup(IpsecDirection::INBOUND, f),
                              nullptr,
                              "an outbound rule does not apply to inbound traffic");
        const IpsecPolicy* hit = spd->Lookup(IpsecDirection::OUTBOUND, f);
        NS_TEST_ASSERT_MSG_EQ((hit ? hit->id : 0), outId, "outbound traffic hits it");

        uint32_t inId = 0;
        NS_TEST_ASSERT_MSG_EQ(
            spd->Add(MakeRule(IpsecDirection::INBOUND, 0, toNet2, IpsecPolicyAction::DISCARD),
                     inId),
            "",
            "inbound rule with the same selector");
        NS_TEST_ASSERT_MSG_NE(inId, outId, "different ids");
        hit = spd->Lookup(IpsecDirection::INBOUND, f);
        NS_TEST_ASSERT_MSG_EQ((hit ? hit->id : 0), inId, "inbound traffic hits the inbound rule");
        hit = spd->Lookup(IpsecDirection::OUTBOUND, f);
        NS_TEST_ASSERT_MSG_EQ((hit ? hit->id : 0), outId, "outbound still hits the outbound rule");

        IpsecPacketFields other = MakeFields("fd00:1::1", "fd00:3::1", PROTO_UDP, true, 1, 2);
        NS_TEST_ASSERT_MSG_EQ(spd->Lookup(IpsecDirection::OUTBOUND, other),
                              nullptr,
                              "fd00:3::1 is outside every selector");
        NS_TEST_ASSERT_MSG_EQ(spd->Lookup(IpsecDirection::INBOUND, other),
                              nullptr,
                              "fd00:3::1 is outside every selector (inbound)");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief MayApply for packets whose ports are not known yet.
 */
class IpsecSpdMayApplyTestCase : public TestCase
{
  public:
    IpsecSpdMayApplyTestCase()
        : TestCase("SPD MayApply with port-less and port-specific BYPASS rules and DISCARD")
    {
    }

  private:
    void DoRun() override
    {
        const auto out = IpsecDirection::OUTBOUND;
        IpsecPacketFields udpNoPorts = MakeFields("fd00::1", "fd00::2", PROTO_UDP, false);
        IpsecPacketFields tcpNoPorts = MakeFields("fd00::1", "fd00::2", PROTO_TCP, false);

        // 1. A port-less BYPASS for UDP before a PROTECT for everything.
        Ptr<IpsecSpd> spd = CreateObject<IpsecSpd>();
        uint32_t id = 0;
        NS_TEST_ASSERT_MSG_EQ(spd->MayApply(out, udpNoPorts), false, "empty SPD");
        spd->Add(MakeRule(out,
                          0,
                          IpsecTrafficSelector::ForProtocol(PROTO_UDP),
                          IpsecPolicyAction::BYPASS),
                 id);
        spd->Add(MakeRule(out, 10, IpsecTrafficSelector(), IpsecPolicyAction::PROTECT), id);
        NS_TEST_ASSERT_MSG_EQ(spd->GetPolicies().size(), 2u, "two rules");
        NS_TEST_ASSERT_MSG_EQ(spd->MayApply(out, udpNoPorts),
                              false,
                              "UDP: the first matching rule is a port-less BYPASS");
        NS_TEST_ASSERT_MSG_EQ(spd->MayApply(out, tcpNoPorts),
                              true,
                              "TCP: the BYPASS does not match, the PROTECT does");
        NS_TEST_ASSERT_MSG_EQ(spd->MayApply(IpsecDirection::INBOUND, tcpNoPorts),
                              false,
                              "no inbound rule at all");

        // 2. A BYPASS for UDP port 500 (IKE) before a PROTECT for everything.
        spd = CreateObject<IpsecSpd>();
        spd->Add(MakeRule(out,
                          0,
                          IpsecTrafficSelector::ForProtocol(PROTO_UDP, 500),
                          IpsecPolicyAction::BYPASS),
                 id);
        spd->Add(MakeRule(out, 10, IpsecTrafficSelector(), IpsecPolicyAction::PROTECT), id);
        NS_TEST_ASSERT_MSG_EQ(spd->MayApply(out, udpNoPorts),
                              true,
                              "ports unknown: the port-specific BYPASS may not apply, and the "
                              "PROTECT behind it might");
        IpsecPacketFields ike = MakeFields("fd00::1", "fd00::2", PROTO_UDP, true, 500, 500);
        NS_TEST_ASSERT_MSG_EQ(spd->MayApply(out, ike),
                              false,
                              "ports known and the port-specific BYPASS matches them");

        // 3. A port-specific BYPASS followed only by another BYPASS.
        spd = CreateObject<IpsecSpd>();
        spd->Add(MakeRule(out,
                          0,
                          IpsecTrafficSelector::ForProtocol(PROTO_UDP, 500),
                          IpsecPolicyAction::BYPASS),
                 id);
        spd->Add(MakeRule(out, 10, IpsecTrafficSelector(), IpsecPolicyAction::BYPASS), id);
        NS_TEST_ASSERT_MSG_EQ(spd->MayApply(out, udpNoPorts),
                              false,
                              "ports unknown, but every candidate rule bypasses");

        // 4. DISCARD first.
        spd = CreateObject<IpsecSpd>();
        spd->Add(MakeRule(out, 0, IpsecTrafficSelector(), IpsecPolicyAction::DISCARD), id);
        spd->Add(MakeRule(out, 10, IpsecTrafficSelector(), IpsecPolicyAction::BYPASS), id);
        NS_TEST_ASSERT_MSG_EQ(spd->MayApply(out, udpNoPorts), true, "DISCARD must be applied");
        NS_TEST_ASSERT_MSG_EQ(spd->MayApply(out, ike), true, "DISCARD, ports known");

        // 5. Address mismatch: the rule does not count.
        spd = CreateObject<IpsecSpd>();
        IpsecTrafficSelector elsewhere;
        elsewhere.remoteAddress = Ipv6Address("2001:db8::");
        elsewhere.remotePrefix = Ipv6Prefix(32);
        spd->Add(MakeRule(out, 0, elsewhere, IpsecPolicyAction::PROTECT), id);
        NS_TEST_ASSERT_MSG_EQ(spd->MayApply(out, udpNoPorts),
                              false,
                              "the only PROTECT covers other addresses");
        NS_TEST_ASSERT_MSG_EQ(
            spd->MayApply(out, MakeFields("fd00::1", "2001:db8::9", PROTO_UDP, false)),
            true,
            "a packet to 2001:db8::9 hits the PROTECT");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief MayApply with known ports that a port-specific BYPASS does not cover.
 *
 * MayApply must agree with Lookup: when the ports are known and the BYPASS's ports do not match
 * them, the PROTECT rule behind it applies.
 */
class IpsecSpdMayApplyKnownPortsTestCase : public TestCase
{
  public:
    IpsecSpdMayApplyKnownPortsTestCase()
        : TestCase(
              "SPD MayApply with known ports outside a port-specific BYPASS agrees with Lookup")
    {
    }

  private:
    void DoRun() override
    {
        const auto out = IpsecDirection::OUTBOUND;
        Ptr<IpsecSpd> spd = CreateObject<IpsecSpd>();
        uint32_t bypassId = 0;
        uint32_t protectId = 0;
        spd->Add(MakeRule(out,
                          0,
                          IpsecTrafficSelector::ForProtocol(PROTO_UDP, 500),
                          IpsecPolicyAction::BYPASS),
                 bypassId);
        spd->Add(MakeRule(out, 10, IpsecTrafficSelector(), IpsecPolicyAction::PROTECT), protectId);
        IpsecPacketFields dns = MakeFields("fd00::1", "fd00::2", PROTO_UDP, true, 40000, 53);
        const IpsecPolicy* hit = spd->Lookup(out, dns);
        NS_TEST_ASSERT_MSG_EQ((hit ? hit->id : 0), protectId, "Lookup: DNS is protected");
        NS_TEST_ASSERT_MSG_EQ(spd->MayApply(out, dns),
                              true,
                              "ports known (remote 53) and outside the BYPASS (remote 500): the "
                              "PROTECT applies, so MayApply must be true");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief Remove and the Change trace.
 */
class IpsecSpdRemoveTestCase : public TestCase
{
  public:
    IpsecSpdRemoveTestCase()
        : TestCase("SPD Remove deletes one rule and fires the Change trace")
    {
    }

  private:
    /// Change trace sink.
    void Changed(const IpsecPolicy& policy, bool added)
    {
        m_changes.emplace_back(policy.id, added);
    }

    std::vector<std::pair<uint32_t, bool>> m_changes; ///< (id, added)

    void DoRun() override
    {
        Ptr<IpsecSpd> spd = CreateObject<IpsecSpd>();
        spd->TraceConnectWithoutContext("Change",
                                        MakeCallback(&IpsecSpdRemoveTestCase::Changed, this));
        const auto out = IpsecDirection::OUTBOUND;
        uint32_t first = 0;
        uint32_t second = 0;
        spd->Add(MakeRule(out, 0, IpsecTrafficSelector(), IpsecPolicyAction::DISCARD), first);
        spd->Add(MakeRule(out, 0, IpsecTrafficSelector(), IpsecPolicyAction::BYPASS), second);
        IpsecPacketFields f = MakeFields("fd00::1", "fd00::2", PROTO_UDP, true, 1, 2);
        NS_TEST_ASSERT_MSG_EQ((spd->Lookup(out, f) ? spd->Lookup(out, f)->id : 0),
                              first,
                              "first rule hit");

        NS_TEST_ASSERT_MSG_EQ(spd->Remove(first), true, "remove an existing rule");
        NS_TEST_ASSERT_MSG_EQ(spd->Get(first), nullptr, "gone");
        NS_TEST_ASSERT_MSG_NE(spd->Get(second), nullptr, "the other one stays");
        NS_TEST_ASSERT_MSG_EQ(spd->GetPolicies().size(), 1u, "one rule left");
        NS_TEST_ASSERT_MSG_EQ((spd->Lookup(out, f) ? spd->Lookup(out, f)->id : 0),
                              second,
                              "the second rule is hit now");
        NS_TEST_ASSERT_MSG_EQ(spd->Remove(first), false, "removing twice fails");
        NS_TEST_ASSERT_MSG_EQ(spd->Remove(9999), false, "unknown id");
        NS_TEST_ASSERT_MSG_EQ(spd->Remove(second), true, "remove the last rule");
        NS_TEST_ASSERT_MSG_EQ(spd->Lookup(out, f), nullptr, "empty again");

        NS_TEST_ASSERT_MSG_EQ(m_changes.size(), 4u, "two adds and two removes traced");
        if (m_changes.size() == 4)
        {
            NS_TEST_ASSERT_MSG_EQ(m_changes[0].first, first, "add first");
            NS_TEST_ASSERT_MSG_EQ(m_changes[0].second, true, "add first: added");
            NS_TEST_ASSERT_MSG_EQ(m_changes[1].first, second, "add second");
            NS_TEST_ASSERT_MSG_EQ(m_changes[1].second, true, "add second: added");
            NS_TEST_ASSERT_MSG_EQ(m_changes[2].first, first, "remove first");
            NS_TEST_ASSERT_MSG_EQ(m_changes[2].second, false, "remove first: removed");
            NS_TEST_ASSERT_MSG_EQ(m_changes[3].first, second, "remove second");
            NS_TEST_ASSERT_MSG_EQ(m_changes[3].second, false, "remove second: removed");
        }
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief Automatic ids are unique; an explicit duplicate id is refused.
 */
class IpsecSpdIdTestCase : public TestCase
{
  public:
    IpsecSpdIdTestCase()
        : TestCase("SPD automatic ids are unique and a duplicate explicit id is refused")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<IpsecSpd> spd = CreateObject<IpsecSpd>();
        const auto out = IpsecDirection::OUTBOUND;
        // Explicit ids that the automatic numbering would otherwise hand out.
        IpsecPolicy explicitRule =
            MakeRule(out, 0, IpsecTrafficSelector(), IpsecPolicyAction::BYPASS);
        std::set<uint32_t> ids;
        for (uint32_t explicitId : {2u, 3u})
        {
            explicitRule.id = explicitId;
            uint32_t id = 0;
            NS_TEST_ASSERT_MSG_EQ(spd->Add(explicitRule, id), "", "explicit id " << explicitId);
            NS_TEST_ASSERT_MSG_EQ(id, explicitId, "the explicit id is kept");
            ids.insert(id);
        }
        for (int i = 0; i < 10; ++i)
        {
            uint32_t id = 0;
            NS_TEST_ASSERT_MSG_EQ(
                spd->Add(MakeRule(out, i % 3, IpsecTrafficSelector(), IpsecPolicyAction::DISCARD),
                         id),
                "",
                "automatic rule " << i);
            NS_TEST_ASSERT_MSG_NE(id, 0u, "automatic ids are never 0");
            NS_TEST_ASSERT_MSG_EQ(ids.count(id), 0u, "automatic id " << id << " is new");
            ids.insert(id);
            const IpsecPolicy* rule = spd->Get(id);
            NS_TEST_ASSERT_MSG_NE(rule, nullptr, "Get finds the rule by its id");
            if (rule)
            {
                NS_TEST_ASSERT_MSG_EQ(rule->priority, i % 3, "the right rule");
            }
        }
        NS_TEST_ASSERT_MSG_EQ(ids.size(), 12u, "12 distinct ids");
        NS_TEST_ASSERT_MSG_EQ(spd->GetPolicies().size(), 12u, "12 rules");

        // An explicit id that is already used.
        IpsecPolicy dup = MakeRule(out, 0, IpsecTrafficSelector(), IpsecPolicyAction::PROTECT);
        dup.id = 3;
        uint32_t id = 777;
        std::string error = spd->Add(dup, id);
        NS_TEST_ASSERT_MSG_EQ(Contains(error, "policy 3 already exists"),
                              true,
                              "duplicate id refused, got '" << error << "'");
        NS_TEST_ASSERT_MSG_EQ(id, 777u, "the output id is untouched on failure");
        NS_TEST_ASSERT_MSG_EQ(spd->GetPolicies().size(), 12u, "nothing added");
        const IpsecPolicy* kept = spd->Get(3);
        NS_TEST_ASSERT_MSG_EQ((kept && kept->action == IpsecPolicyAction::BYPASS),
                              true,
                              "rule 3 is still the original BYPASS");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief Invalid rules are refused with a message naming the problem.
 */
class IpsecSpdInvalidTestCase : public TestCase
{
  public:
    IpsecSpdInvalidTestCase()
        : TestCase("SPD refuses invalid rules with a message that names the problem")
    {
    }

  private:
    /**
     * \brief Adds a rule that must be refused.
     * \param spd the SPD
     * \param rule the rule
     * \param part what the error must mention
     */
    void ExpectRefused(Ptr<IpsecSpd> spd, const IpsecPolicy& rule, const std::string& part)
    {
        const size_t before = spd->GetPolicies().size();
        uint32_t id = 4242;
        std::string error = spd->Add(rule, id);
        NS_TEST_EXPECT_MSG_EQ(Contains(error, part),
                              true,
                              "expected an error mentioning '" << part << "', got '" << error
                                                               << "'");
        NS_TEST_EXPECT_MSG_EQ(error.empty(), false, "an error for '" << part << "'");
        NS_TEST_EXPECT_MSG_EQ(id, 4242u, "no id returned for '" << part << "'");
        NS_TEST_EXPECT_MSG_EQ(spd->GetPolicies().size(), before, "nothing installed");
        NS_TEST_EXPECT_MSG_EQ(rule.Validate(), error, "Add reports what Validate says");
    }

    void DoRun() override
    {
        Ptr<IpsecSpd> spd = CreateObject<IpsecSpd>();
        const auto out = IpsecDirection::OUTBOUND;

        IpsecPolicy tunnel = MakeRule(out, 0, IpsecTrafficSelector(), IpsecPolicyAction::PROTECT);
        tunnel.id = 50;
        NS_TEST_ASSERT_MSG_EQ(tunnel.Validate(), "", "the base rule is valid");

        IpsecPolicy noEndpoints = tunnel;
        noEndpoints.tunnelLocal = Ipv6Address::GetAny();
        noEndpoints.tunnelRemote = Ipv6Address::GetAny();
        ExpectRefused(spd, noEndpoints, "tunnel-mode PROTECT rule needs unicast tunnel endpoints");
        IpsecPolicy noRemote = tunnel;
        noRemote.tunnelRemote = Ipv6Address::GetAny();
        ExpectRefused(spd, noRemote, "tunnel endpoints");
        IpsecPolicy multicast = tunnel;
        multicast.tunnelRemote = Ipv6Address("ff02::1");
        ExpectRefused(spd, multicast, "unicast tunnel endpoints");

        IpsecPolicy gcmWithInteg = tunnel;
        gcmWithInteg.encryption = IpsecEncryption::AES_128_GCM_16;
        gcmWithInteg.integrity = IpsecIntegrity::HMAC_SHA1_96;
        ExpectRefused(spd, gcmWithInteg, "aes128-gcm16 takes no separate integrity");

        IpsecPolicy cbcNoInteg = tunnel;
        cbcNoInteg.encryption = IpsecEncryption::AES_256_CBC;
        cbcNoInteg.integrity = IpsecIntegrity::NONE;
        ExpectRefused(spd, cbcNoInteg, "aes256-cbc needs an integrity transform");

        IpsecPolicy badLocalPorts = tunnel;
        badLocalPorts.selector.localPortMin = 2000;
        badLocalPorts.selector.localPortMax = 1999;
        ExpectRefused(spd, badLocalPorts, "min > max");
        IpsecPolicy badRemotePorts = MakeRule(out,
                                              0,
                                              IpsecTrafficSelector::ForProtocol(PROTO_UDP),
                                              IpsecPolicyAction::BYPASS);
        badRemotePorts.id = 51;
        badRemotePorts.selector.remotePortMin = 501;
        badRemotePorts.selector.remotePortMax = 500;
        ExpectRefused(spd, badRemotePorts, "port range with min > max");

        // The same transforms and endpoints are fine where they are allowed.
        uint32_t id = 0;
        IpsecPolicy gcm = tunnel;
        gcm.encryption = IpsecEncryption::AES_128_GCM_16;
        gcm.integrity = IpsecIntegrity::NONE;
        NS_TEST_ASSERT_MSG_EQ(spd->Add(gcm, id), "", "GCM without integrity");
        IpsecPolicy transport = noEndpoints;
        transport.id = 0;
        transport.mode = IpsecMode::TRANSPORT;
        NS_TEST_ASSERT_MSG_EQ(spd->Add(transport, id), "", "transport mode needs no endpoints");
        IpsecPolicy bypass = noEndpoints;
        bypass.id = 0;
        bypass.action = IpsecPolicyAction::BYPASS;
        bypass.integrity = IpsecIntegrity::NONE;
        NS_TEST_ASSERT_MSG_EQ(spd->Add(bypass, id),
                              "",
                              "a BYPASS rule ignores the tunnel and transform fields");
        IpsecPolicy onePort = bypass;
        onePort.selector.localPortMin = 80;
        onePort.selector.localPortMax = 80;
        NS_TEST_ASSERT_MSG_EQ(spd->Add(onePort, id), "", "min == max is a valid range");
        NS_TEST_ASSERT_MSG_EQ(spd->GetPolicies().size(), 4u, "four valid rules installed");
    }
};

/**
 * \ingroup cxtp-ipsec
 * \brief The SPD test suite.
 */
class IpsecSpdTestSuite : public TestSuite
{
  public:
    IpsecSpdTestSuite()
        : TestSuite("cxtp-ipsec-spd", TestSuite::UNIT)
    {
        AddTestCase(new IpsecSelectorPrefixTestCase, TestCase::QUICK);
        AddTestCase(new IpsecSelectorProtocolTestCase, TestCase::QUICK);
        AddTestCase(new IpsecSelectorPortTestCase, TestCase::QUICK);
        AddTestCase(new IpsecFieldsTransportTestCase, TestCase::QUICK);
        AddTestCase(new IpsecFieldsIcmpTestCase, TestCase::QUICK);
        AddTestCase(new IpsecFieldsTruncatedTestCase, TestCase::QUICK);
        AddTestCase(new IpsecSpdOrderTestCase, TestCase::QUICK);
        AddTestCase(new IpsecSpdDirectionTestCase, TestCase::QUICK);
        AddTestCase(new IpsecSpdMayApplyTestCase, TestCase::QUICK);
        AddTestCase(new IpsecSpdRemoveTestCase, TestCase::QUICK);
        AddTestCase(new IpsecSpdIdTestCase, TestCase::QUICK);
        AddTestCase(new IpsecSpdInvalidTestCase, TestCase::QUICK);
        // Last: it fails on a known model bug, and ns-3 skips the cases after a failed one.
        AddTestCase(new IpsecSpdMayApplyKnownPortsTestCase, TestCase::QUICK);
    }
};

static IpsecSpdTestSuite g_ipsecSpdTestSuite; ///< the static instance registers the suite
