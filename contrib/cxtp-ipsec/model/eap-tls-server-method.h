/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef EAP_TLS_SERVER_METHOD_H
#define EAP_TLS_SERVER_METHOD_H

#include "eap-credentials.h"
#include "eap-method.h"
#include "eap-server.h"
#include "eap-tls-endpoint.h"

#include "ns3/ptr.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class CryptoRandom;

/**
 * \ingroup cxtp-ipsec
 * \brief EAP-TLS (RFC 5216), the server's side: the TLS 1.2 server (CryptoTlsSession) with the
 * server's certificate and key of EapServerConfig, requiring a client certificate that chains to
 * EapServerConfig::tlsTrustAnchors and whose serial number is not in
 * EapServerConfig::tlsRevokedSerials, checked at EapServerConfig::clockAtStart +
 * Simulator::Now().
 *
 * Start() sends the EAP-TLS Start (S flag, §2.1.1); the server's flights go in fragments of at
 * most EapServerConfig::tlsFragmentSize octets, each acknowledged by an empty Response
 * (§2.1.5); after its ChangeCipherSpec and Finished, the peer's empty Response makes Process()
 * return SUCCESS and GetMsk() the first 64 octets of TLS-PRF(master secret, "client EAP
 * encryption", client.random || server.random) (§2.3). A client certificate that is not trusted
 * or revoked fails with "client certificate not trusted: <OpenSSL's reason>" or "client
 * certificate revoked (serial ...)"; see EapTlsEndpoint for the other failures.
 *
 * The subscriber's database entry is not consulted beyond its identity (for the log): the
 * certificate is not matched against the EAP identity (RFC 5216 §5.2 leaves it to policy).
 */
class EapTlsServerMethod : public EapServerMethod
{
  public:
    /**
     * \param config the server's settings (TLS credentials, revoked serials, fragment size,
     *        clock)
     * \param subscriber the subscriber's database entry
     * \param rng the node's random source (the TLS session's random stream is keyed from it at
     *        Start())
     */
    EapTlsServerMethod(const EapServerConfig& config,
                       const EapCredentials& subscriber,
                       Ptr<CryptoRandom> rng);
    ~EapTlsServerMethod() override;

    EapType GetType() const override;
    /// \copydoc EapServerMethod::Start
    /// Fails if the fragment size is 0 or the server's credentials are unusable.
    EapStatus Start(uint8_t identifier, EapPacket& request, std::string& reason) override;
    EapStatus Process(const EapPacket& response,
                      uint8_t identifier,
                      EapPacket& request,
                      std::string& reason) override;
    std::vector<uint8_t> GetMsk() const override;

    /// \return the NSS key log line of the TLS session ("CLIENT_RANDOM ...", for Wireshark),
    ///         or empty before the master secret exists
    std::string GetKeyLogLine() const;

  private:
    std::string m_identity;    ///< the subscriber's, for the log
    uint32_t m_fragmentSize;   ///< from the configuration
    EapTlsEndpoint m_endpoint; ///< the conversation
    bool m_succeeded{false};   ///< SUCCESS was returned
    bool m_failed{false};      ///< FAILURE was returned: every later Response fails too
};

} // namespace ns3

#endif // EAP_TLS_SERVER_METHOD_H
