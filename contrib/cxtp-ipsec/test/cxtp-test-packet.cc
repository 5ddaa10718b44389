/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "cxtp-test-packet.h"

#include "ns3/ethernet-header.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ppp-header.h"
#include "ns3/wire-reader.h"

namespace ns3
{

namespace
{
constexpr uint8_t NEXT_HEADER_UDP = 17; ///< IANA protocol number of UDP
constexpr uint8_t NEXT_HEADER_ESP = 50; ///< IANA protocol number of ESP (RFC 4303)
constexpr uint32_t SPI_SIZE = 4;        ///< the SPI field of ESP
} // namespace

bool
CxtpTestPacket::Parse(Ptr<const Packet> frame, Link link)
{
    m_isUdp = false;
    m_payload = frame->Copy();
    if (link == ETHERNET)
    {
        EthernetHeader eth(false);
        if (m_payload->GetSize() < eth.GetSerializedSize())
        {
            return false;
        }
        m_linkHeaderSize = m_payload->RemoveHeader(eth);
        if (eth.GetLengthType() != Ipv6L3Protocol::PROT_NUMBER)
        {
            return false;
        }
    }
    else
    {
        PppHeader ppp;
        if (m_payload->GetSize() < ppp.GetSerializedSize())
        {
            return false;
        }
        m_linkHeaderSize = m_payload->RemoveHeader(ppp);
    }
    if (m_payload->GetSize() < Ipv6Header().GetSerializedSize())
    {
        return false;
    }
    m_payload->RemoveHeader(m_ip);
    if (m_ip.GetNextHeader() == NEXT_HEADER_UDP &&
        m_payload->GetSize() >= m_udp.GetSerializedSize())
    {
        m_payload->RemoveHeader(m_udp);
        m_isUdp = true;
    }
    return true;
}

const Ipv6Header&
CxtpTestPacket::GetIpv6Header() const
{
    return m_ip;
}

uint8_t
CxtpTestPacket::GetNextHeader() const
{
    return m_ip.GetNextHeader();
}

bool
CxtpTestPacket::IsUdp() const
{
    return m_isUdp;
}

bool
CxtpTestPacket::IsEsp() const
{
    return GetNextHeader() == NEXT_HEADER_ESP && m_payload->GetSize() >= SPI_SIZE;
}

const UdpHeader&
CxtpTestPacket::GetUdpHeader() const
{
    return m_udp;
}

bool
CxtpTestPacket::HasUdpPort(uint16_t port) const
{
    return m_isUdp && (m_udp.GetSourcePort() == port || m_udp.GetDestinationPort() == port);
}

uint32_t
CxtpTestPacket::GetUdpPayloadLength() const
{
    return m_ip.GetPayloadLength() - m_udp.GetSerializedSize();
}

uint32_t
CxtpTestPacket::GetEspSpi() const
{
    uint8_t spi[SPI_SIZE];
    m_payload->CopyData(spi, SPI_SIZE);
    return WireReadU32(spi);
}

bool
CxtpTestPacket::CopyUdpPayload(std::vector<uint8_t>& bytes) const
{
    const uint32_t size = GetUdpPayloadLength();
    if (!m_isUdp || m_payload->GetSize() < size)
    {
        return false;
    }
    bytes.resize(size);
    m_payload->CopyData(bytes.data(), size);
    return true;
}

Ptr<Packet>
CxtpTestPacket::GetPayload() const
{
    return m_payload;
}

uint32_t
CxtpTestPacket::GetFrameLength() const
{
    return m_linkHeaderSize + m_ip.GetSerializedSize() + m_ip.GetPayloadLength();
}

} // namespace ns3
