/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_HELPER_H
#define IKEV2_HELPER_H

#include "ike-helper.h"

#include "ns3/eap-credentials.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace ns3
{

class CryptoCertificateAuthority;

/**
 * \ingroup cxtp-ipsec
 * \brief Installs IKEv2 daemons (Ikev2Daemon) and their cost model on nodes that have
 * IPsec; see IkeHelper.
 */
class Ikev2Helper : public IkeHelper
{
  public:
    Ikev2Helper();

    /**
     * \brief Adds a PAD entry (RFC 4301 §4.4.3): peers in prefix run IKEv2 with the node and
     * authenticate with this pre-shared key.
     * \param node the node
     * \param peer peer address (prefix address)
     * \param prefix prefix length
     * \param key the pre-shared key
     */
    static void AddPreSharedKey(Ptr<Node> node,
                                const Ipv6Address& peer,
                                const Ipv6Prefix& prefix,
                                const std::string& key);
    /**
     * \brief Adds a PAD entry (RFC 4301 §4.4.3.2): peers in prefix run IKEv2 with the node and
     * authenticate with a certificate that chains to one of these trust anchors; the node signs
     * with the chain and key of its IpsecCredentialStore.
     * \param node the node
     * \param peer peer address (prefix address)
     * \param prefix prefix length
     * \param trustAnchors CA certificates (DER)
     */
    static void AddCertificatePeer(Ptr<Node> node,
                                   const Ipv6Address& peer,
                                   const Ipv6Prefix& prefix,
                                   const std::vector<std::vector<uint8_t>>& trustAnchors);
    /**
     * \brief Adds a PAD entry for peers that authenticate with EAP (RFC 7296 §2.16): the node
     * (a gateway) relays their EAP packets to its Ikev2EapBackend (e.g. a RadiusClient) and
     * authenticates itself with the certificate of its IpsecCredentialStore.
     * \param node the gateway
     * \param peer peer address (prefix address)
     * \param prefix prefix length
     */
    static void AddEapPeer(Ptr<Node> node, const Ipv6Address& peer, const Ipv6Prefix& prefix);
    /**
     * \brief Makes the node an EAP client of a gateway (RFC 7296 §2.16): a PAD entry by which
     * the node authenticates with EAP using \p eap (set in its IpsecCredentialStore) and the
     * gateway with a certificate chaining to one of \p trustAnchors.
     * \param node the node (a mobile node)
     * \param gateway gateway address (prefix address)
     * \param prefix prefix length
     * \param trustAnchors CA certificates (DER) the gateway's certificate must chain to
     * \param eap the node's subscription (identity, method, keys)
     */
    static void AddEapClient(Ptr<Node> node,
                             const Ipv6Address& gateway,
                             const Ipv6Prefix& prefix,
                             const std::vector<std::vector<uint8_t>>& trustAnchors,
                             const EapCredentials& eap);
    /**
     * \brief Makes at run time the PKI of certificate authentication (RFC 7296 §2.15, §3.6;
     * RFC 5280): a root CA ("cxtp root CA") and \p intermediates CAs below it ("cxtp CA 1",
     * ...), each certified by the one above, with RSA keys of \p rsaBits. No key is stored in the
     * repository.
     * \param rsaBits the modulus of every key (1024 to 4096)
     * \param intermediates CAs between the root and the end entities
     * \param [out] issuer the CA that issues the end entities: the lowest intermediate, or the
     *        root when there is none
     * \return the authority; its root certificate is the peers' trust anchor
     */
    static std::shared_ptr<CryptoCertificateAuthority> MakeCertificateAuthority(
        uint32_t rsaBits,
        uint32_t intermediates,
        uint32_t& issuer);
    /**
     * \brief Gives a node without a certificate one: an end-entity certificate "node <id>" of
     * \p issuer with a new RSA key, put with its chain below the root (the CERT payloads it
     * sends, RFC 7296 §3.6) into the node's IpsecCredentialStore. A node that has one keeps it.
     * \param node the node
     * \param ca the authority (MakeCertificateAuthority)
     * \param issuer the issuing CA of the authority
     */
    static void IssueCertificate(Ptr<Node> node, CryptoCertificateAuthority& ca, uint32_t issuer);
};

} // namespace ns3

#endif // IKEV2_HELPER_H
