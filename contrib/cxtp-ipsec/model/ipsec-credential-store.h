/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IPSEC_CREDENTIAL_STORE_H
#define IPSEC_CREDENTIAL_STORE_H

#include "eap-credentials.h"

#include "ns3/object.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief A node's own certificate chain and private key, what strongSwan keeps in its
 * credential sets (x509/ and private/): an IKE daemon authenticates with them when the PAD
 * entry of a peer says CERTIFICATE (RFC 4301 §4.4.3.2); the trust anchors for the peer are in
 * the PAD entry. Ikev2Credentials::FromPadEntry joins the two.
 *
 * Get() finds the node's store, aggregating an empty one on first use, so every daemon of a
 * node shares it.
 */
class IpsecCredentialStore : public Object
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    IpsecCredentialStore();
    ~IpsecCredentialStore() override;

    /**
     * \param aggregate a node, or any object aggregated to it
     * \return the node's store, created and aggregated if the node has none yet
     */
    static Ptr<IpsecCredentialStore> Get(Ptr<Object> aggregate);

    /**
     * \brief Sets the node's certificate and key.
     * \param chain the certificates, DER: the node's own first, then intermediate CAs towards
     *        the root, the order of CERT payloads (RFC 7296 §3.6)
     * \param privateKey the private key of the first certificate, DER (PKCS#8 or PKCS#1)
     */
    void SetCertificate(std::vector<std::vector<uint8_t>> chain, std::vector<uint8_t> privateKey);
    /// \return true if a certificate and key are set
    bool HasCertificate() const;
    /// \return the chain, the node's certificate first (empty if none is set)
    const std::vector<std::vector<uint8_t>>& GetCertificateChain() const;
    /// \return the private key, DER (empty if none is set)
    const std::vector<uint8_t>& GetPrivateKey() const;

    /// Sets the node's EAP credentials (a mobile node's subscription). \param eap them
    void SetEapCredentials(const EapCredentials& eap);
    /// \return true if EAP credentials are set
    bool HasEapCredentials() const;
    /// \return the EAP credentials (empty identity if none are set)
    const EapCredentials& GetEapCredentials() const;

  private:
    EapCredentials m_eap;                      ///< the node's EAP subscription
    std::vector<std::vector<uint8_t>> m_chain; ///< the node's certificate, then CAs
    std::vector<uint8_t> m_privateKey;         ///< its private key
};

} // namespace ns3

#endif // IPSEC_CREDENTIAL_STORE_H
