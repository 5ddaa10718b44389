/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV1_KEY_EXPORT_H
#define IKEV1_KEY_EXPORT_H

#include "ns3/application-container.h"
#include "ns3/ipv6-address.h"
#include "ns3/simple-ref-count.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

class Ikev1Daemon;

/**
 * \ingroup cxtp-ipsec
 * \brief Records the phase-1 keys of every ISAKMP SA that IKEv1 daemons establish (deleted ones
 * included) and writes them in the format of Wireshark's IKEv1 decryption table (the
 * ikev1_decryption_table UAT: initiator cookie and encryption key, hex, unquoted), so that the
 * encrypted ISAKMP messages of a capture decode.
 *
 * Usage: Watch() before the simulation, Write() after it; pass each line to tshark with
 * -o "uat:ikev1_decryption_table:<line>", or copy the file into a Wireshark profile.
 */
class Ikev1KeyExport : public SimpleRefCount<Ikev1KeyExport>
{
  public:
    /**
     * \param daemons Ikev1Daemon applications
     */
    void Watch(ApplicationContainer daemons);
    /**
     * \param filename the output file
     */
    void Write(const std::string& filename) const;
    /// \return (initiator cookie, encryption key) of each ISAKMP SA, in establishment order
    const std::vector<std::pair<uint64_t, std::vector<uint8_t>>>& GetKeys() const;

  private:
    /// Phase1Established sink.
    void Record(Ptr<Ikev1Daemon> daemon, const Ipv6Address& peer, Time duration);
    std::vector<std::pair<uint64_t, std::vector<uint8_t>>> m_keys; ///< recorded keys
};

} // namespace ns3

#endif // IKEV1_KEY_EXPORT_H
