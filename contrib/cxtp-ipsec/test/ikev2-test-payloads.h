/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_TEST_PAYLOADS_H
#define IKEV2_TEST_PAYLOADS_H

#include "ns3/ikev2-message.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Byte helpers and payload sets shared by the IKEv2 codec and protection suites.
 */
class Ikev2TestPayloads
{
  public:
    /**
     * \param n the length
     * \param first the first octet
     * \return n octets first, first + 1, ...
     */
    static std::vector<uint8_t> Seq(size_t n, uint8_t first);
    /// \return 2001:db8::/64 as a TS_IPV6_ADDR_RANGE selector, any protocol and port
    static Ikev2TrafficSelector Ipv6Prefix();
    /**
     * \brief The inner payloads of the known-answer vectors (test/vectors/ikev2-sk-vectors.py):
     * IDi (2001:db8::1) | AUTH (PSK, a0..bf) | N(INITIAL_CONTACT) | SA (ESP, SPI c0ffee01,
     * AES-CBC-128, HMAC-SHA2-256-128, no ESN) | TSi | TSr (2001:db8::/64).
     * \return the payloads
     */
    static std::vector<Ikev2Payload> AuthRequest();
    /// \return one payload of every type the model knows, and an unknown non-critical one
    static std::vector<Ikev2Payload> EveryPayload();
};

} // namespace ns3

#endif // IKEV2_TEST_PAYLOADS_H
