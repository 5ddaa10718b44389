/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_DROP_REASON_H
#define IPSEC_DROP_REASON_H

#include <cstdint>
#include <ostream>
#include <string>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Why the IPsec data plane discarded a packet. Every drop is traced with one of these.
 */
enum class IpsecDropReason : uint8_t
{
    NONE = 0,       ///< not dropped
    NO_SA,          ///< PROTECT policy but no usable SA (outbound), or unknown SPI (inbound)
    REPLAY,         ///< sequence number already seen or left of the window (RFC 4303 §3.4.3)
    BAD_ICV,        ///< integrity check failed (RFC 4303 §3.4.4)
    BAD_PADDING,    ///< padding bytes or pad length inconsistent (RFC 4303 §2.4)
    POLICY_DISCARD, ///< an SPD rule says DISCARD, or inbound traffic not allowed by policy
    MALFORMED,      ///< too short, bad lengths, undecodable
    SEQ_OVERFLOW,   ///< the outbound counter would cycle (RFC 4303 §3.3.3)
    SA_EXPIRED,     ///< the SA reached its hard lifetime
    HOLD_OVERFLOW,  ///< no SA yet and the hold queue is full
};

/// \return a short snake_case name ("no_sa", "replay", ...) for traces and CSV columns
std::string ToString(IpsecDropReason reason);

/**
 * \brief Prints the name of a drop reason.
 * \param os the stream
 * \param reason the reason
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, IpsecDropReason reason);

} // namespace ns3

#endif // IPSEC_DROP_REASON_H
