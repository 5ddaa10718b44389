/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_PAD_H
#define IPSEC_PAD_H

#include "ipsec-pad-entry.h"

#include "ns3/object.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Peer Authorization Database of one node (RFC 4301 §4.4.3): an ordered list searched
 * first match, consulted by the IKE daemons.
 */
class IpsecPad : public Object
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    IpsecPad();
    ~IpsecPad() override;

    /**
     * \param entry the entry, appended at the end
     * \return an empty string on success, otherwise what is wrong
     */
    std::string Add(const IpsecPadEntry& entry);
    /**
     * \param address a peer address
     * \return the first entry covering it, or nullptr
     */
    const IpsecPadEntry* FindByAddress(const Ipv6Address& address) const;
    /**
     * \param name a peer identity (FQDN or key id)
     * \return the first entry with that name, or nullptr
     */
    const IpsecPadEntry* FindByName(const std::string& name) const;
    /// \return every entry, in order
    const std::vector<IpsecPadEntry>& GetEntries() const;
    /**
     * \brief Removes the entries for exactly this peer address range (RFC 4301 §4.4.3: the
     * PAD is managed like the SPD; a gateway drops the entry of a mobile peer whose context
     * moved to another gateway).
     * \param address the entry's peer address
     * \param prefix the entry's peer prefix
     * \return the number of entries removed
     */
    uint32_t Remove(const Ipv6Address& address, const Ipv6Prefix& prefix);
    /// Removes every entry.
    void Clear();

  private:
    std::vector<IpsecPadEntry> m_entries; ///< the entries, in order
};

} // namespace ns3

#endif // IPSEC_PAD_H
