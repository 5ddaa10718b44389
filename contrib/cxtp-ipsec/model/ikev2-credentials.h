/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_CREDENTIALS_H
#define IKEV2_CREDENTIALS_H

#include "ikev2-constants.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief What one end of an IKE_AUTH exchange authenticates with and checks the peer against
 * (RFC 7296 §2.15): the daemon fills it from the PAD entry of the peer (RFC 4301 §4.4.3) and
 * the node's own credentials, and the exchange uses nothing else.
 */
struct Ikev2Credentials
{
    /// How we authenticate ourselves (the AUTH method we send).
    Ikev2AuthMethod method{Ikev2AuthMethod::SHARED_KEY_MIC};
    /// The key shared with the peer (SHARED_KEY_MIC, either direction).
    std::vector<uint8_t> psk;

    /**
     * \param key the shared key
     * \return credentials that authenticate both ends with it
     */
    static Ikev2Credentials FromPsk(std::vector<uint8_t> key)
    {
        Ikev2Credentials c;
        c.psk = std::move(key);
        return c;
    }
};

} // namespace ns3

#endif // IKEV2_CREDENTIALS_H
