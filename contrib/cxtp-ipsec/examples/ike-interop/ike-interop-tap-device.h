/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKE_INTEROP_TAP_DEVICE_H
#define IKE_INTEROP_TAP_DEVICE_H

#include "ns3/fd-net-device.h"

#include <cstddef>
#include <cstdint>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The interop programs' FdNetDevice: writes each frame as FdNetDevice does, except a UDP
 * datagram over IPv6 whose checksum field is zero, which it writes with 0xFFFF.
 *
 * A checksum that computes to zero is transmitted as all ones (RFC 768); a zero field means "no
 * checksum", which IPv6 forbids (RFC 8200 §8.1): Linux drops such a datagram. ns-3 up to 3.41
 * writes the computed zero as is (fixed in ns-3.42), about one datagram in 65536; an IKE
 * request hit by it is lost with every retransmission, which are the same octets. Only frames
 * with the UDP header right after the IPv6 header (no extension header) are looked at; the
 * node's own pcap, taken before Write, still shows the zero.
 */
class IkeInteropTapDevice : public FdNetDevice
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();

    ssize_t Write(uint8_t* buffer, size_t length) override;

    /// \return how many frames had their zero UDP checksum written as 0xFFFF
    uint64_t GetChecksumsMended() const;

  private:
    uint64_t m_mended{0}; ///< frames mended
};

} // namespace ns3

#endif // IKE_INTEROP_TAP_DEVICE_H
