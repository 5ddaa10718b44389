/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_KEY_EXPORT_H
#define IKEV2_KEY_EXPORT_H

#include "ns3/application-container.h"
#include "ns3/ikev2-constants.h"
#include "ns3/simple-ref-count.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

struct Ikev2Sa;

/**
 * \ingroup cxtp-ipsec
 * \brief Records the SK_e and SK_a keys of every IKE SA that IKEv2 daemons key (RFC 7296 §2.14:
 * after IKE_SA_INIT, and the new IKE SA of a rekey, §2.18) and writes them in the format of
 * Wireshark's IKEv2 decryption table (the ikev2_decryption_table UAT), so that the SK payloads
 * (§3.14) of IKE_AUTH, CREATE_CHILD_SA and INFORMATIONAL messages of a capture decode.
 *
 * One line per IKE SA, named by its SPI pair (both ends of one SA record it once; a rekeyed IKE
 * SA has new SPIs and so a new line):
 * \verbatim
   SPIi,SPIr,SK_ei,SK_er,"<encryption>",SK_ai,SK_ar,"<integrity>"
   \endverbatim
 * with the byte fields in hex without separators and the algorithms named as Wireshark 4.0 names
 * them (e.g. "AES-CBC-128 [RFC3602]", "HMAC_SHA2_256_128 [RFC4868]"). With AES-GCM (RFC 5282
 * §7.1) SK_ei and SK_er are the key followed by its 4-octet salt, the integrity is
 * "NONE [RFC4306]" and the SK_a fields are empty.
 *
 * Usage: Watch() before the simulation, Write() after it; pass each line to tshark with
 * -o "uat:ikev2_decryption_table:<line>", or copy the file into a Wireshark profile
 * (contrib/cxtp-ipsec/doc/cxtp-ipsec.rst, Validation).
 */
class Ikev2KeyExport : public SimpleRefCount<Ikev2KeyExport>
{
  public:
    /**
     * \brief Connects to the IkeSaKeys trace of each daemon.
     * \param daemons Ikev2Daemon applications
     */
    void Watch(ApplicationContainer daemons);
    /**
     * \brief Records an IKE SA's line unless its SPI pair is known already; an SA without both
     * SPIs or without SK_e keys is ignored. The IkeSaKeys sink.
     * \param sa the IKE SA
     */
    void Record(const Ikev2Sa& sa);
    /**
     * \brief Writes the recorded lines, in the order the SAs were keyed.
     * \param filename the output file
     */
    void Write(const std::string& filename) const;
    /**
     * \param sa a keyed IKE SA (aborts if its transforms have no Wireshark name)
     * \return its line in the ikev2_decryption_table format
     */
    static std::string FormatLine(const Ikev2Sa& sa);
    /**
     * \param encr an ENCR transform (RFC 7296 §3.3.2)
     * \param keyBits its Key Length attribute (§3.3.5; 0 for 3DES)
     * \return Wireshark's name of it in the table, or empty if Wireshark has none
     */
    static std::string GetEncryptionName(Ikev2EncrId encr, uint16_t keyBits);
    /**
     * \param integ an INTEG transform (RFC 7296 §3.3.2), NONE with AES-GCM
     * \return Wireshark's name of it in the table, or empty if Wireshark has none
     */
    static std::string GetIntegrityName(Ikev2IntegId integ);
    /// \return the recorded lines, one per IKE SA, in the order the SAs were keyed
    const std::vector<std::string>& GetLines() const;

  private:
    std::vector<std::pair<uint64_t, uint64_t>> m_spis; ///< (SPIi, SPIr) of each recorded SA
    std::vector<std::string> m_lines;                  ///< their lines
};

} // namespace ns3

#endif // IKEV2_KEY_EXPORT_H
