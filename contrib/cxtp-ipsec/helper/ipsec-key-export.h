/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_KEY_EXPORT_H
#define IPSEC_KEY_EXPORT_H

#include "ns3/ipsec-security-association.h"
#include "ns3/node-container.h"
#include "ns3/simple-ref-count.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Records every ESP SA installed on some nodes and writes their keys in the format of
 * Wireshark's ESP SA table (the `esp_sa` UAT file of a Wireshark profile), so that a capture
 * can be decrypted.
 *
 * Usage: call Watch() before the simulation, Write() after it. Copy the file into
 * ~/.config/wireshark/esp_sa, or pass its lines to tshark with -o "uat:esp_sa:<line>", and set
 * esp.enable_encryption_decode to TRUE.
 */
class IpsecKeyExport : public SimpleRefCount<IpsecKeyExport>
{
  public:
    /**
     * \brief Starts recording the SAs installed on the nodes (those present now included).
     * \param nodes nodes with IPsec installed
     */
    void Watch(NodeContainer nodes);
    /**
     * \brief Writes the recorded SAs, one per line, each SA once.
     * \param filename the output file
     */
    void Write(const std::string& filename) const;
    /**
     * \param sa an SA
     * \return its line in Wireshark's esp_sa format
     */
    static std::string FormatLine(const IpsecSecurityAssociation& sa);
    /**
     * \brief Formats bytes as Wireshark's UAT byte fields take them (and this module's key
     * files write them): two lowercase hex digits per byte, no prefix, no separator.
     * \param bytes the bytes
     * \return e.g. "00ff10" for {0x00, 0xff, 0x10}; empty for no bytes
     */
    static std::string FormatHex(const std::vector<uint8_t>& bytes);
    /// \return the SAs recorded so far, each once, in installation order
    const std::vector<IpsecSecurityAssociation>& GetRecorded() const;

  private:
    /// SAD Change trace sink.
    void Record(const IpsecSecurityAssociation& sa, bool added);
    std::vector<IpsecSecurityAssociation> m_sas; ///< recorded SAs
};

} // namespace ns3

#endif // IPSEC_KEY_EXPORT_H
