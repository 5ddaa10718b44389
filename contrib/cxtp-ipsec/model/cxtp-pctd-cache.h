/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CXTP_PCTD_CACHE_H
#define CXTP_PCTD_CACHE_H

#include "cxtp-context.h"

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <map>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The new gateway's cache of predictive transfers (RFC 4067 §2.1.1 scenario 1, §5.1):
 * the PCTDs pushed by pSG, keyed by the MN's previous address. Part of CxtpAgent, which owns it.
 *
 * A PCTD is held with its token key until the MN's CTAR takes it (Take(): the key is used once,
 * RFC 4067 §6.3) or until CT_MAX_HANDOVER_TIME has passed (the expiry callback follows); a newer
 * PCTD for the same MN replaces it and restarts that time. The blocks of the PCTD last taken are
 * remembered, so that a retransmitted copy arriving after the activation is recognised
 * (IsActivatedCopy()) and its key is not cached again; a copy of the PCTD still held is
 * recognised by IsHeldCopy().
 */
class CxtpPctdCache
{
  public:
    /// A cached PCTD.
    struct Entry
    {
        std::vector<uint8_t> key;             ///< token key (one use)
        std::vector<CxtpContextBlock> blocks; ///< the contexts
        Ipv6Address from;                     ///< pSG (the PCTD's source)
    };

    /// A PCTD expired unused: the MN's previous address.
    using ExpiryCallback = Callback<void, Ipv6Address>;

    /// \param expired called when a PCTD expires unused
    void SetExpiryCallback(ExpiryCallback expired);

    /**
     * \brief Caches a PCTD, replacing one held for the same MN.
     * \param previous the MN's previous address
     * \param entry the key, contexts and sender
     * \param lifetime CT_MAX_HANDOVER_TIME
     */
    void Store(Ipv6Address previous, Entry entry, Time lifetime);

    /**
     * \param previous the MN's previous address
     * \return the PCTD held for it, or nullptr
     */
    const Entry* Find(Ipv6Address previous) const;

    /**
     * \brief Removes the PCTD held for an MN (it must be there) to activate it.
     * \param previous the MN's previous address
     * \return the PCTD
     */
    Entry Take(Ipv6Address previous);

    /**
     * \param previous the MN's previous address
     * \param key the token key of a PCTD
     * \param blocks the contexts of a PCTD
     * \return true if that PCTD is the one held for the MN (a retransmitted copy)
     */
    bool IsHeldCopy(Ipv6Address previous,
                    const std::vector<uint8_t>& key,
                    const std::vector<CxtpContextBlock>& blocks) const;
    /**
     * \param previous the MN's previous address
     * \param blocks the contexts of a PCTD
     * \return true if they are those of the PCTD last taken for that MN
     */
    bool IsActivatedCopy(Ipv6Address previous, const std::vector<CxtpContextBlock>& blocks) const;

    /// Forgets every PCTD, cancelling their expiry.
    void Clear();

  private:
    /// A PCTD with its expiry.
    struct Cached
    {
        Entry entry;    ///< the PCTD
        EventId expiry; ///< CT_MAX_HANDOVER_TIME
    };

    /// \param previous the MN whose PCTD expired
    void Expire(Ipv6Address previous);

    ExpiryCallback m_expired;                                         ///< expiry notification
    std::map<Ipv6Address, Cached> m_cache;                            ///< held PCTDs
    std::map<Ipv6Address, std::vector<CxtpContextBlock>> m_activated; ///< last PCTD taken
};

} // namespace ns3

#endif // CXTP_PCTD_CACHE_H
