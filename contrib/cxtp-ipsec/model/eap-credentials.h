/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef EAP_CREDENTIALS_H
#define EAP_CREDENTIALS_H

#include "eap-packet.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief One subscriber's EAP credentials: what the peer (the mobile node) holds and, for the
 * same subscriber, what the server's subscriber database holds (an EapSubscriberDatabase
 * entry). Which fields matter depends on the method.
 */
struct EapCredentials
{
    /// The identity the peer sends (an NAI, RFC 7542), the database's key.
    std::string identity;
    /// The method the server runs for this subscriber (MD5_CHALLENGE, AKA or TLS).
    EapType method{EapType::MD5_CHALLENGE};

    /// EAP-MD5 (RFC 3748 §5.4): the shared secret (the password).
    std::vector<uint8_t> password;

    /// EAP-AKA (RFC 4187): the subscriber key K (16 octets, USIM and AuC alike).
    std::vector<uint8_t> akaK;
    /// EAP-AKA: OPc (16 octets, TS 35.206 §4.1).
    std::vector<uint8_t> akaOpc;
    /// EAP-AKA: the AMF of the authentication vectors (2 octets; separation bit set, TS 33.102
    /// Annex H).
    std::vector<uint8_t> akaAmf{0x80, 0x00};
    /// EAP-AKA: the sequence number, the AuC's next (server) or the USIM's highest accepted
    /// (peer), 48 bits (TS 33.102 §6.3.2, Annex C).
    uint64_t akaSqn{0};

    /// EAP-TLS (RFC 5216): our certificate chain, DER, end entity first (peer: the client
    /// certificate; server: the server certificate).
    std::vector<std::vector<uint8_t>> tlsChain;
    /// EAP-TLS: our private key, DER, matching the first certificate.
    std::vector<uint8_t> tlsPrivateKey;
    /// EAP-TLS: the CA certificates, DER, the other side's certificate must chain to.
    std::vector<std::vector<uint8_t>> tlsTrustAnchors;
};

} // namespace ns3

#endif // EAP_CREDENTIALS_H
