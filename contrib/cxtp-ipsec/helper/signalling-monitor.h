/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef SIGNALLING_MONITOR_H
#define SIGNALLING_MONITOR_H

#include "ns3/ipv6-address.h"
#include "ns3/net-device.h"
#include "ns3/nstime.h"
#include "ns3/simple-ref-count.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Counts security signalling frames on Ethernet (CSMA) devices, as a capture on that link
 * would show them (doc/mipv6-handover.rst, Timeline): each frame with its Ethernet II header (14
 * bytes), no FCS and no preamble. IKE is UDP port 500 or 4500; CXTP is UDP port 5091 (our UDP
 * transport on CXTP's SCTP port) or ICMPv6 type 150 (RFC 4065 experimental mobility).
 *
 * Frames are classified from their bytes; an IPv6-fragmented message (RFC 8200 §4.5, e.g. an
 * IKE_AUTH with a certificate chain) counts once, with the bytes of all its frames: its non-first
 * fragments are classified as their first one. What is counted does not depend on the protocol
 * code that sent them. CXTP between gateways may travel in ESP (RFC 4067 §6.2): ESP packets
 * whose SPI belongs to SAs that carry nothing but CXTP (SetCxtpSpis) count as CXTP, with their
 * ESP overhead.
 */
class SignallingMonitor : public SimpleRefCount<SignallingMonitor>
{
  public:
    /// One frame seen.
    struct Frame
    {
        Time time;         ///< when it was sent
        uint32_t node;     ///< node of the device it was seen on
        bool ike;          ///< IKE (UDP 500/4500)
        bool cxtp;         ///< CXTP (UDP 5091 or ICMPv6 type 150)
        bool aaa;          ///< RADIUS between a gateway and the AAA server (UDP 1812)
        bool core;         ///< seen on a point-to-point (core) device rather than on an access link
        uint8_t exchange;  ///< IKE: the ISAKMP exchange type (0 if unreadable)
        bool esp;          ///< an ESP packet (CXTP or not)
        bool continuation; ///< a non-first IPv6 fragment: part of the message of its first one
        uint32_t bytes;    ///< Ethernet frame length without FCS
    };

    /**
     * \brief Counts the frames a device sends (MacTx): a CSMA device is an access link (frames
     * counted with their Ethernet II header), a point-to-point device a core link (packets
     * counted as IPv6 packets, without the PPP header).
     * \param device the device
     */
    void Attach(Ptr<NetDevice> device);
    /**
     * \param from start of the window (inclusive)
     * \param to end of the window (inclusive)
     * \return IKE frames sent in the window
     */
    uint32_t GetIkeMessages(Time from = Seconds(0), Time to = Time::Max()) const;
    /**
     * \param from start of the window
     * \param to end of the window
     * \return bytes of the IKE frames sent in the window
     */
    uint64_t GetIkeBytes(Time from = Seconds(0), Time to = Time::Max()) const;
    /**
     * \param from start of the window (inclusive)
     * \param to end of the window (exclusive)
     * \return security signalling frames (IKE and CXTP) sent in the window
     */
    uint32_t GetSecurityMessages(Time from, Time to) const;
    /**
     * \param from start of the window (inclusive)
     * \param to end of the window (exclusive)
     * \return their bytes
     */
    uint64_t GetSecurityBytes(Time from, Time to) const;
    /**
     * \param from start of the window (inclusive)
     * \param to end of the window (exclusive)
     * \return bytes of the security signalling on core links in the window (IPv6 packets):
     *         CXTP between the gateways, RADIUS between a gateway and the AAA server
     */
    uint64_t GetCoreBytes(Time from, Time to) const;
    /**
     * \param from start of the window (inclusive)
     * \param to end of the window (exclusive)
     * \return those messages (a fragmented one counts once)
     */
    uint32_t GetCoreMessages(Time from, Time to) const;

    /// The IKE messages of one exchange type on the access links.
    struct ExchangeCount
    {
        uint32_t fromNode{0};    ///< messages sent by the node asked about
        uint32_t toNode{0};      ///< messages sent by the others
        uint64_t bytes{0};       ///< bytes of all their frames
        Time first{Time::Max()}; ///< when the first frame was sent
        Time last{Seconds(0)};   ///< when the last frame was sent
    };

    /**
     * \param node the node whose messages count as sent (e.g. the MN)
     * \return per IKE exchange type (ISAKMP/IKEv2 header) with messages: their counts by
     * direction, bytes and times; a fragmented message counts once, with all its frames' bytes
     */
    std::map<uint8_t, ExchangeCount> GetIkeExchanges(uint32_t node) const;
    /**
     * \param spis SPIs of ESP SAs that carry only CXTP (HandoverSecurityMethod::GetSignallingSpis)
     */
    void SetCxtpSpis(const std::set<uint32_t>& spis);
    /// \return every frame seen
    const std::vector<Frame>& GetFrames() const;

  private:
    /// MacTx sink.
    void Record(uint32_t node, bool core, Ptr<const Packet> frame);
    std::vector<Frame> m_frames;
    /// (node, source, fragment Identification) -> the first fragment's classification
    std::map<std::tuple<uint32_t, Ipv6Address, uint32_t>, Frame> m_firstFragments; ///< frames seen
    std::set<uint32_t> m_cxtpSpis; ///< ESP SAs of CXTP
};

} // namespace ns3

#endif // SIGNALLING_MONITOR_H
