/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_SAD_H
#define IPSEC_SAD_H

#include "ipsec-security-association.h"

#include "ns3/event-id.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Security Association Database of one node (RFC 4301 §4.4.2).
 *
 * Inbound SAs are keyed by SPI alone, which the node chose and keeps unique (RFC 4301 §4.1);
 * outbound SAs by (SPI, destination), since two peers may pick the same SPI. Time lifetimes
 * run as events; byte lifetimes are checked by Account(). A soft expiry fires the Expire trace
 * (a key manager rekeys); a hard expiry fires it and deletes the SA.
 *
 * Key managers do not call this class directly: they go through IpsecPfKey, which models the
 * cost of each operation.
 */
class IpsecSad : public Object
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    IpsecSad();
    ~IpsecSad() override;

    /**
     * \brief Installs an SA. A fresh inbound SA (no packet seen yet) gets a replay window of
     * the ReplayWindowSize attribute; a transferred one keeps its window.
     * \param sa the SA
     * \param keepCurrent false: a new SA, its add time is now and its time lifetimes run from
     *        now; true: the caller gives the SA's current lifetime (RFC 2367 §2.3.3
     *        SADB_EXT_LIFETIME_CURRENT: add time, bytes, packets), as for an SA moved from
     *        another node, so its soft and hard time limits fall at sa.addTime + limit (at once if
     *        that instant has passed)
     * \return an empty string on success, otherwise what is wrong (invalid SA, SPI in use)
     */
    std::string Add(const IpsecSecurityAssociation& sa, bool keepCurrent = false);
    /**
     * \brief Replaces an installed SA with the same key (direction, SPI, destination), keeping
     * its lifetime timers.
     * \param sa the new content
     * \return an empty string on success, otherwise what is wrong
     */
    std::string Update(const IpsecSecurityAssociation& sa);
    /**
     * \param direction direction of the SA
     * \param spi its SPI
     * \param destination its destination (ignored for inbound SAs)
     * \return true if an SA was removed
     */
    bool Remove(IpsecDirection direction, uint32_t spi, const Ipv6Address& destination);
    /// Removes every SA.
    void Flush();

    /**
     * \param direction direction of the SA
     * \param spi its SPI
     * \param destination its destination (ignored for inbound SAs)
     * \return the SA, or nullptr; valid until the SAD changes
     */
    IpsecSecurityAssociation* Find(IpsecDirection direction,
                                   uint32_t spi,
                                   const Ipv6Address& destination);
    /**
     * \param spi an inbound SPI
     * \return the inbound SA, or nullptr
     */
    IpsecSecurityAssociation* FindInbound(uint32_t spi);
    /**
     * \brief The outbound SA serving an SPD rule: the newest one installed for it.
     * \param policyId the rule's id
     * \return the SA, or nullptr
     */
    IpsecSecurityAssociation* FindOutbound(uint32_t policyId);
    /**
     * \param spi an SPI
     * \return true if an inbound SA uses it
     */
    bool IsInboundSpiInUse(uint32_t spi) const;
    /// \return a copy of every SA, inbound first, in key order
    std::vector<IpsecSecurityAssociation> Dump() const;
    /// \return the number of SAs
    uint32_t GetN() const;

    /**
     * \brief Adds processed bytes to an SA's current lifetime and applies its byte limits.
     * \param sa the SA (from Find*)
     * \param bytes bytes protected or verified
     * \return false if the hard limit is reached (the SA is then deleted: do not use it)
     */
    bool Account(IpsecSecurityAssociation& sa, uint32_t bytes);

    /**
     * \brief Signature of the Expire trace.
     * \param sa the SA (a copy, still filled in after a hard expiry)
     * \param hard true for a hard expiry (the SA is gone), false for soft
     */
    typedef void (*ExpireTracedCallback)(const IpsecSecurityAssociation& sa, bool hard);
    /**
     * \brief Signature of the Change trace.
     * \param sa the SA
     * \param added true when added or updated, false when removed
     */
    typedef void (*ChangeTracedCallback)(const IpsecSecurityAssociation& sa, bool added);

  private:
    /// Key of an entry: direction, SPI, destination (unspecified for inbound).
    using Key = std::tuple<IpsecDirection, uint32_t, Ipv6Address>;

    /// An SA with its lifetime events.
    struct Entry
    {
        IpsecSecurityAssociation sa; ///< the SA
        uint64_t order{0};           ///< installation order, to find the newest
        bool softDone{false};        ///< soft expiry already signalled
        EventId softEvent;           ///< soft time lifetime
        EventId hardEvent;           ///< hard time lifetime
    };

    void DoDispose() override;
    /// \return the key of sa
    static Key MakeKey(IpsecDirection direction, uint32_t spi, const Ipv6Address& destination);
    /// Soft expiry of an entry.
    void ExpireSoft(Key key);
    /// Hard expiry of an entry.
    void ExpireHard(Key key);

    std::map<Key, Entry> m_entries; ///< the SAs
    uint64_t m_nextOrder{0};        ///< counter for Entry::order
    uint32_t m_replayWindowSize;    ///< default anti-replay window (packets)
    TracedCallback<const IpsecSecurityAssociation&, bool> m_expireTrace; ///< soft/hard expiry
    TracedCallback<const IpsecSecurityAssociation&, bool> m_changeTrace; ///< add/update/remove
};

} // namespace ns3

#endif // IPSEC_SAD_H
