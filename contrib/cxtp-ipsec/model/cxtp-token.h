/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CXTP_TOKEN_H
#define CXTP_TOKEN_H

#include "cxtp-context.h"

#include "ns3/ipv6-address.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The CXTP MN Authorization Token (RFC 4067 §2.5.1, §6.3).
 *
 * token = the leftmost 32 bits of HMAC-SHA1(Key, previous IP address | Sequence Number |
 * requested CDBs), where the previous address is 16 octets (IPv6), the sequence number 4 octets
 * in network order, and the requested CDBs are exactly the octets the CTAR carries for them:
 * this module's 4-octet request form (CxtpContextBlock::EncodeRequest()). No requested CDB
 * ("transfer all contexts") means address | sequence only. The token travels in network order,
 * so its wire octets are the first four octets of the HMAC.
 */
class CxtpToken
{
  public:
    /// Token Algorithm value of HMAC_SHA1 in the CTD/PCTD key block (RFC 4065 §6, RFC 4067 §2.5.3).
    static constexpr uint16_t ALGORITHM_HMAC_SHA1 = 1;

    /**
     * \param key the key shared by the MN and pAR (any length)
     * \param previousAddress the MN's previous IP address
     * \param sequence the CTAR Sequence Number
     * \param requested the requested CDBs, in CTAR order (only their FPTs are used)
     * \return the token, host order
     */
    static uint32_t Compute(const std::vector<uint8_t>& key,
                            const Ipv6Address& previousAddress,
                            uint32_t sequence,
                            const std::vector<CxtpContextBlock>& requested);

    /**
     * \brief The octets the HMAC runs over (exposed for tests and traces).
     * \param previousAddress the MN's previous IP address
     * \param sequence the CTAR Sequence Number
     * \param requested the requested CDBs
     * \return previous address | sequence | request CDBs
     */
    static std::vector<uint8_t> GetInput(const Ipv6Address& previousAddress,
                                         uint32_t sequence,
                                         const std::vector<CxtpContextBlock>& requested);

    /**
     * \brief Recompute and compare in constant time (RFC 4067 §6.3: verify before any transfer).
     * \param token the received token
     * \param key the key
     * \param previousAddress the MN's previous IP address
     * \param sequence the CTAR Sequence Number
     * \param requested the requested CDBs
     * \return true if the token is valid
     */
    static bool Verify(uint32_t token,
                       const std::vector<uint8_t>& key,
                       const Ipv6Address& previousAddress,
                       uint32_t sequence,
                       const std::vector<CxtpContextBlock>& requested);
};

} // namespace ns3

#endif // CXTP_TOKEN_H
