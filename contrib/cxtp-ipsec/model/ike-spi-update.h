/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKE_SPI_UPDATE_H
#define IKE_SPI_UPDATE_H

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief One SPI change announced to a peer after a context transfer found an SPI (or an IKE
 * SA's identifier) already in use at the new gateway: the UPDATE_SPI entry of
 * doc/cxtp-ipsec.rst, "SPI collisions and UPDATE_SPI", whatever the IKE version carrying it.
 *
 * The protocol numbers are the same in IKEv1 (RFC 2407 §4.4.1: PROTO_ISAKMP 1, PROTO_IPSEC_ESP
 * 3) and IKEv2 (RFC 7296 §3.3.1: IKE 1, ESP 3). An ESP entry holds 4-octet SPIs: the SPI the
 * sender receives on, which the peer must now send to. An IKE entry holds the IKE SA's
 * identifier, old and new (IKEv1: the cookie pair CKY-I | CKY-R, 16 octets). Any other pair is
 * malformed.
 *
 * In IKEv1 the entries are the data of the private-use UPDATE_SPI / UPDATE_SPI_ACK notifications
 * (Ikev1NotifyPayload), back to back, network byte order (Ikev1Codec::EncodeSpiUpdates):
 *
 * \verbatim
  Protocol ID (1) | SPI Size (1) | Reserved (2) | old SPI (SPI Size) | new SPI (SPI Size)
 \endverbatim
 */
struct IkeSpiUpdate
{
    static constexpr uint8_t PROTOCOL_IKE = 1; ///< the IKE SA (ISAKMP in IKEv1)
    static constexpr uint8_t PROTOCOL_ESP = 3; ///< an ESP SA

    /// Size of the fixed part of an entry on the wire.
    static constexpr uint32_t FIXED_SIZE = 4;

    uint8_t protocolId{PROTOCOL_ESP}; ///< PROTOCOL_IKE or PROTOCOL_ESP
    std::vector<uint8_t> oldSpi;      ///< the SPI (IKE SA identifier) in use so far
    std::vector<uint8_t> newSpi;      ///< its replacement, same size

    /**
     * \param protocolId PROTOCOL_IKE or PROTOCOL_ESP
     * \return the SPI size of an entry for that protocol (IKE 16, ESP 4), 0 if unsupported
     */
    static uint8_t GetSpiSize(uint8_t protocolId);

    /**
     * \param other another entry
     * \return true if every field is equal
     */
    bool operator==(const IkeSpiUpdate& other) const;
};

} // namespace ns3

#endif // IKE_SPI_UPDATE_H
