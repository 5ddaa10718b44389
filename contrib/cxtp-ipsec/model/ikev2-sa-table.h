/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_SA_TABLE_H
#define IKEV2_SA_TABLE_H

#include "ikev2-sa.h"

#include "ns3/ipv6-address.h"

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

namespace ns3
{

class CryptoRandom;

/**
 * \ingroup cxtp-ipsec
 * \brief The IKE SAs of one IKEv2 daemon, keyed by our own SPI (the one the peer puts in the
 * SPI field that names us, RFC 7296 §2.6: SPIi when we initiated, SPIr when we responded).
 *
 * A responder also finds a half-open SA by the initiator's SPI and address, to answer a
 * retransmitted IKE_SA_INIT request with the same response instead of creating a second SA
 * (§2.1), and counts its half-open SAs for the COOKIE threshold (§2.6).
 */
class Ikev2SaTable
{
  public:
    /**
     * \brief Creates an SA under a fresh non-zero SPI of ours.
     * \param peer the peer
     * \param originalInitiator whether we send the first IKE_SA_INIT
     * \param peerSpi the initiator's SPI when we respond (0 when we initiate)
     * \param rng the random source of SPIs
     * \return the SA
     */
    Ikev2Sa& Create(const Ipv6Address& peer,
                    bool originalInitiator,
                    uint64_t peerSpi,
                    CryptoRandom& rng);
    /// \param rng the random source \return a non-zero SPI of ours that no SA has
    uint64_t NewSpi(CryptoRandom& rng) const;
    /**
     * \brief Adds an SA made elsewhere under our SPI of it (the new IKE SA of a rekey, §1.3.2).
     * \param sa the SA; no SA may have its SPI
     * \return the SA in the table
     */
    Ikev2Sa& Add(const Ikev2Sa& sa);
    /// \param localSpi our SPI \return the SA, or nullptr
    Ikev2Sa* Find(uint64_t localSpi);
    /// \param localSpi our SPI \return the SA, or nullptr
    const Ikev2Sa* Find(uint64_t localSpi) const;
    /**
     * \param spiI an initiator's SPI
     * \param peer the initiator's address
     * \return the SA we created as responder to that IKE_SA_INIT, or nullptr
     */
    Ikev2Sa* FindResponderSa(uint64_t spiI, const Ipv6Address& peer);
    /// \param peer a peer \return the newest established SA with it, or nullptr
    const Ikev2Sa* FindNewestEstablished(const Ipv6Address& peer) const;
    /// \return the number of SAs we answered IKE_SA_INIT for that wait for IKE_AUTH
    uint32_t CountHalfOpen() const;
    /// \return every SA, by our SPI
    const std::map<uint64_t, Ikev2Sa>& GetAll() const;
    /// Forgets an SA. \param localSpi our SPI
    void Erase(uint64_t localSpi);
    /// Forgets everything.
    void Clear();

  private:
    std::map<uint64_t, Ikev2Sa> m_sas; ///< by our SPI
    /// (initiator's SPI, its address) -> our SPI, for the SAs we respond to
    std::map<std::pair<uint64_t, Ipv6Address>, uint64_t> m_responding;
};

} // namespace ns3

#endif // IKEV2_SA_TABLE_H
