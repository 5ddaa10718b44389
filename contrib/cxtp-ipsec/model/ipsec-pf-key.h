/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_PF_KEY_H
#define IPSEC_PF_KEY_H

#include "ipsec-policy.h"
#include "ipsec-security-association.h"
#include "ipsec-traffic-selector.h"

#include "ns3/callback.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace ns3
{

class IpsecSad;
class IpsecSpd;
class CryptoRandom;

/**
 * \ingroup cxtp-ipsec
 * \brief PF_KEYv2 message types (RFC 2367 §2.3.2; SPD messages are the KAME extensions).
 */
enum class IpsecPfKeyMessage : uint8_t
{
    GETSPI = 1,
    UPDATE = 2,
    ADD = 3,
    DELETE = 4,
    GET = 5,
    ACQUIRE = 6,
    REGISTER = 7,
    EXPIRE = 8,
    FLUSH = 9,
    DUMP = 10,
    SPDADD = 14,
    SPDDELETE = 15,
};

/// \return the RFC 2367 name, e.g. "SADB_ADD", "SADB_X_SPDADD"
std::string ToString(IpsecPfKeyMessage type);

/**
 * \ingroup cxtp-ipsec
 * \brief The key-management interface of one node, after PF_KEYv2 (RFC 2367): the only way for
 * IKE daemons and context transfer to read and change the SAD and SPD, and the way the data
 * plane tells them that an SA is needed (ACQUIRE) or expires (EXPIRE).
 *
 * Each SA or policy installation costs simulated time: kernel.sa_install and
 * kernel.policy_install of the CryptoCostModel aggregated with it (zero without one), booked on
 * the node's IpsecWorkClock, so installations are served one after another and after the work
 * already booked there. The change takes effect, and the completion callback runs, when that
 * work is done; with no cost on an idle processor both happen before the call returns.
 * Requests are validated when made, so a wrong key length fails at once with a message.
 *
 * Must be aggregated to a node that also holds IpsecSad, IpsecSpd and CryptoRandom (IpsecHelper
 * does this).
 */
class IpsecPfKey : public Object
{
  public:
    /// Completion of a change: an empty string on success, otherwise what went wrong.
    using Completion = Callback<void, const std::string&>;
    /// SADB_ACQUIRE listener: the PROTECT rule without an SA, and the packet that hit it.
    using AcquireCallback = Callback<void, const IpsecPolicy&, const IpsecPacketFields&>;
    /// SADB_EXPIRE listener: the SA, and true if the hard limit was reached.
    using ExpireCallback = Callback<void, const IpsecSecurityAssociation&, bool>;

    /// \return the TypeId
    static TypeId GetTypeId();
    IpsecPfKey();
    ~IpsecPfKey() override;

    /**
     * \brief SADB_GETSPI: reserves an unused inbound SPI (>= 256), drawn at random.
     * \return the SPI; it stays reserved until an inbound SA with it is added or ReleaseSpi()
     */
    uint32_t GetSpi();
    /**
     * \brief Reserves a given SPI if it is free (for a transferred SA).
     * \param spi the SPI
     * \return true if it was free and is now reserved
     */
    bool ReserveSpi(uint32_t spi);
    /**
     * \param spi a reserved SPI to give back
     */
    void ReleaseSpi(uint32_t spi);
    /**
     * \param spi an SPI
     * \return true if an inbound SA uses it or it is reserved
     */
    bool IsSpiInUse(uint32_t spi) const;

    /**
     * \brief SADB_ADD.
     * \param sa the SA
     * \param done called when the SA is installed (or failed)
     * \return an empty string if the request is valid, otherwise what is wrong
     */
    std::string Add(const IpsecSecurityAssociation& sa, Completion done = Completion());
    /**
     * \brief SADB_ADD with an SADB_EXT_LIFETIME_CURRENT extension (RFC 2367 §2.3.3): installs
     * an SA that already lived elsewhere (a context transfer, an SPI change) with its add time and
     * byte and packet counts, so that its soft and hard lifetimes end when they would have on the
     * node it came from. A plain Add() starts the lifetimes now.
     *
     * RFC 2367 has the kernel maintain the current lifetime (an ADD does not set it); setting it
     * is this model's extension, like the sequence counter and replay window it also keeps
     * (doc/cxtp-ipsec.rst, IKE SA transfer).
     * \param sa the SA, with addTime, bytes and packets as they were
     * \param done called when the SA is installed (or failed)
     * \return an empty string if the request is valid, otherwise what is wrong
     */
    std::string AddWithCurrentLifetime(const IpsecSecurityAssociation& sa,
                                       Completion done = Completion());
    /**
     * \brief SADB_UPDATE: replaces the content of an installed SA (keys, counters, addresses).
     * \param sa the SA
     * \param done completion
     * \return an empty string if the request is valid
     */
    std::string Update(const IpsecSecurityAssociation& sa, Completion done = Completion());
    /**
     * \brief SADB_DELETE.
     * \param direction direction of the SA
     * \param spi its SPI
     * \param destination its destination (ignored for inbound)
     * \param done completion
     * \return an empty string if the SA exists
     */
    std::string Delete(IpsecDirection direction,
                       uint32_t spi,
                       const Ipv6Address& destination,
                       Completion done = Completion());
    /**
     * \brief SADB_GET.
     * \param direction direction
     * \param spi SPI
     * \param destination destination (ignored for inbound)
     * \param [out] sa a copy of the SA
     * \return true if found
     */
    bool Get(IpsecDirection direction,
             uint32_t spi,
             const Ipv6Address& destination,
             IpsecSecurityAssociation& sa);
    /// \return SADB_DUMP: a copy of every SA
    std::vector<IpsecSecurityAssociation> Dump();
    /// SADB_FLUSH: removes every SA at once.
    void Flush();

    /**
     * \brief SADB_X_SPDADD.
     * \param policy the rule
     * \param [out] id its id
     * \param done completion
     * \return an empty string if the rule is valid
     */
    std::string AddPolicy(const IpsecPolicy& policy, uint32_t& id, Completion done = Completion());
    /**
     * \brief SADB_X_SPDDELETE.
     * \param id the rule
     * \return true if it existed
     */
    bool DeletePolicy(uint32_t id);

    /**
     * \brief SADB_REGISTER: a key manager asks for ACQUIRE and EXPIRE messages.
     * \param acquire called on ACQUIRE
     * \param expire called on EXPIRE
     */
    void Register(AcquireCallback acquire, ExpireCallback expire);
    /**
     * \brief Called by the data plane when a PROTECT rule has no SA. Sends SADB_ACQUIRE to the
     * registered key managers, at most once per rule within AcquireBlockTime unless the SAs of
     * the rule changed meanwhile.
     * \param policy the rule
     * \param fields the packet that hit it
     */
    void Acquire(const IpsecPolicy& policy, const IpsecPacketFields& fields);

    /**
     * \brief Signature of the Message trace: every PF_KEY message, request or notification.
     * \param type the message type
     * \param spi the SPI concerned (0 if none)
     * \param policyId the policy concerned (0 if none)
     */
    typedef void (*MessageTracedCallback)(IpsecPfKeyMessage type, uint32_t spi, uint32_t policyId);

  private:
    void DoDispose() override;
    void NotifyNewAggregate() override;
    /// \return kernel.sa_install of the node's cost model, or zero
    Time GetSaInstallCost() const;
    /// \return kernel.policy_install of the node's cost model, or zero
    Time GetPolicyInstallCost() const;
    /// Applies once the cost is served by the node's processor, then completes.
    void Apply(std::function<std::string()> change, Time cost, Completion done);
    /// SADB_ADD, with (keepCurrent) or without the current lifetime.
    std::string DoAdd(const IpsecSecurityAssociation& sa, Completion done, bool keepCurrent);
    /// SAD change: unblocks acquires of the rule.
    void SadChanged(const IpsecSecurityAssociation& sa, bool added);
    /// SAD expiry: forwards SADB_EXPIRE.
    void SadExpired(const IpsecSecurityAssociation& sa, bool hard);

    Ptr<IpsecSad> m_sad;                    ///< the node's SAD
    Ptr<IpsecSpd> m_spd;                    ///< the node's SPD
    Ptr<CryptoRandom> m_rng;                ///< for SPIs
    Time m_acquireBlockTime;                ///< minimum time between two acquires of a rule
    std::set<uint32_t> m_reserved;          ///< SPIs handed out by GetSpi/ReserveSpi
    std::map<uint32_t, Time> m_lastAcquire; ///< per rule: time of the last ACQUIRE
    std::vector<AcquireCallback> m_acquireListeners; ///< registered key managers
    std::vector<ExpireCallback> m_expireListeners;   ///< registered key managers
    TracedCallback<IpsecPfKeyMessage, uint32_t, uint32_t> m_messageTrace; ///< every message
};

} // namespace ns3

#endif // IPSEC_PF_KEY_H
