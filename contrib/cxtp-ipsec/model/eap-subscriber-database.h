/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef EAP_SUBSCRIBER_DATABASE_H
#define EAP_SUBSCRIBER_DATABASE_H

#include "eap-credentials.h"

#include "ns3/object.h"

#include <map>
#include <string>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The subscriber database of an EAP server (the AAA server's user store, FreeRADIUS's
 * "users" file with the AuC of EAP-AKA): per identity, the method to run and its credentials.
 * EAP-AKA's server advances a subscriber's SQN here (TS 33.102 §6.3.2).
 */
class EapSubscriberDatabase : public Object
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();

    /// Adds or replaces a subscriber. \param subscriber the credentials (keyed by identity)
    void Add(const EapCredentials& subscriber);
    /**
     * \param identity an identity
     * \return its entry, modifiable in place, or nullptr; valid until the entry is removed
     *         (Add() of the same identity replaces the contents, the entry stays)
     */
    EapCredentials* Find(const std::string& identity);
    /// \param identity an identity \return true if it was there
    bool Remove(const std::string& identity);
    /// \return how many subscribers
    size_t GetN() const;

  private:
    std::map<std::string, EapCredentials> m_subscribers; ///< by identity
};

} // namespace ns3

#endif // EAP_SUBSCRIBER_DATABASE_H
