/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV1_SA_TABLE_H
#define IKEV1_SA_TABLE_H

#include "ike-sa-transfer.h"
#include "ike-spi-update.h"
#include "ikev1-sa.h"

#include "ns3/ipv6-address.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace ns3
{

class CryptoRandom;

/**
 * \ingroup cxtp-ipsec
 * \brief The ISAKMP SAs of one IKEv1 daemon, keyed by initiator cookie, with the peers already
 * sent INITIAL-CONTACT (RFC 2407 §4.6.3.3) and the cookies an UPDATE_SPI replaced.
 *
 * It also takes SAs in and out by context transfer: Import() gives an SA whose CKY-I is in use
 * here a fresh cookie pair and reports it as an IkeSpiUpdate.
 */
class Ikev1SaTable
{
  public:
    /**
     * \brief Creates an SA.
     * \param peer the peer
     * \param role our role in phase 1
     * \param cookie the initiator cookie (0: draw a fresh one)
     * \param rng the random source for fresh cookies
     * \return the SA
     */
    Ikev1Sa& Create(const Ipv6Address& peer, Ikev1Role role, uint64_t cookie, CryptoRandom& rng);
    /// \param cookie a CKY-I \return the SA, or nullptr
    Ikev1Sa* Find(uint64_t cookie);
    /// \param cookie a CKY-I \return the SA, or nullptr
    const Ikev1Sa* Find(uint64_t cookie) const;
    /// \param cookie a CKY-I an UPDATE_SPI replaced \return the new CKY-I, or 0
    uint64_t FindAlias(uint64_t cookie) const;
    /// \param peer a peer \return the newest SA with it (any state), or nullptr
    const Ikev1Sa* FindNewest(const Ipv6Address& peer) const;
    /// \param peer a peer \return the newest established SA with it, or nullptr
    const Ikev1Sa* FindNewestEstablished(const Ipv6Address& peer) const;
    /// \param peer a peer \return the CKY-I of every SA with it
    std::vector<uint64_t> FindAll(const Ipv6Address& peer) const;
    /// \return every SA, by CKY-I
    std::map<uint64_t, Ikev1Sa>& GetAll();
    /// \return every SA, by CKY-I
    const std::map<uint64_t, Ikev1Sa>& GetAll() const;
    /// Forgets an SA. \param cookie its CKY-I
    void Erase(uint64_t cookie);
    /**
     * \brief Gives an SA new cookies, keeping the old CKY-I as an alias.
     * \param cookie the SA's CKY-I
     * \param initiator the new CKY-I
     * \param responder the new CKY-R
     * \return the SA under its new cookies
     */
    Ikev1Sa& Rekey(uint64_t cookie, uint64_t initiator, uint64_t responder);
    /**
     * \brief Takes in an SA established elsewhere (context transfer).
     * \param sa the SA
     * \param local our address towards the peer
     * \param peer the peer now
     * \param rng the random source for fresh cookies
     * \param [out] updates an IKE entry is appended if the cookies changed
     * \param [out] cookie the CKY-I under which the SA is held
     * \return empty, or why the SA is refused (not established, keys unusable)
     */
    std::string Import(Ikev1Sa sa,
                       const Ipv6Address& local,
                       const Ipv6Address& peer,
                       CryptoRandom& rng,
                       std::vector<IkeSpiUpdate>& updates,
                       uint64_t& cookie);
    /**
     * \brief IkeSaTransfer::ExportSa() for IKEv1: the newest established SA with a peer.
     * \param peer the peer
     * \param [out] block its IKEV1_SA context block
     * \param [out] cookie its CKY-I
     * \return false if there is no such SA
     */
    bool ExportBlock(const Ipv6Address& peer, CxtpContextBlock& block, uint64_t& cookie) const;
    /**
     * \brief IkeSaTransfer::ImportSa() for IKEv1: decodes an IKEV1_SA block, points its quick
     * modes at the rules and inbound SPIs the transfer installed here, then Import().
     * \param block the IKEV1_SA block
     * \param local our address towards the peer
     * \param peer the peer now
     * \param rewrite the SPD rule ids and inbound SPIs as installed here
     * \param rng the random source for fresh cookies
     * \param [out] updates an IKE entry is appended if the cookies changed
     * \param [out] cookie the CKY-I under which the SA is held
     * \return empty, or why the block is refused
     */
    std::string ImportBlock(const CxtpContextBlock& block,
                            const Ipv6Address& local,
                            const Ipv6Address& peer,
                            const IkeSaTransfer::Rewrite& rewrite,
                            CryptoRandom& rng,
                            std::vector<IkeSpiUpdate>& updates,
                            uint64_t& cookie);
    /**
     * \brief The SAs with one peer now run with another.
     * \param oldPeer the previous peer
     * \param newPeer the new peer
     * \param newLocal our address towards it
     * \param policyIds old SPD rule id -> new id, for the quick modes
     * \return the number of SAs moved
     */
    uint32_t MovePeer(const Ipv6Address& oldPeer,
                      const Ipv6Address& newPeer,
                      const Ipv6Address& newLocal,
                      const std::map<uint32_t, uint32_t>& policyIds);
    /// \param peer a peer \return true if it was sent INITIAL-CONTACT
    bool WasContacted(const Ipv6Address& peer) const;
    /// \param peer a peer now sent INITIAL-CONTACT
    void NoteContacted(const Ipv6Address& peer);
    /// \param peer a peer whose next negotiation is a first contact again
    void ForgetContact(const Ipv6Address& peer);
    /// Forgets everything.
    void Clear();

  private:
    /// \return a cookie that is neither 0 nor in use
    uint64_t DrawCookie(CryptoRandom& rng) const;

    std::map<uint64_t, Ikev1Sa> m_sas;            ///< by initiator cookie
    std::set<Ipv6Address> m_contacted;            ///< peers already sent INITIAL-CONTACT
    std::map<uint64_t, uint64_t> m_cookieAliases; ///< old CKY-I -> new, after UPDATE_SPI
};

} // namespace ns3

#endif // IKEV1_SA_TABLE_H
