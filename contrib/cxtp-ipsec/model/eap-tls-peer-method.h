/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef EAP_TLS_PEER_METHOD_H
#define EAP_TLS_PEER_METHOD_H

#include "eap-credentials.h"
#include "eap-method.h"
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
 * \brief EAP-TLS (RFC 5216), the peer's side: the TLS 1.2 client (CryptoTlsSession) with the
 * client certificate of the credentials (EapCredentials::tlsChain and tlsPrivateKey), checking
 * the server's certificate against EapCredentials::tlsTrustAnchors.
 *
 * The first Request must be the EAP-TLS Start (§2.1.1); the peer answers with its ClientHello,
 * acknowledges each fragment of the server's flights with an empty Response and sends its own
 * in fragments of at most SetFragmentSize() octets (§2.1.5), and once the server's Finished is
 * checked answers with an empty Response (§2.1.1). From then on MayAcceptSuccess() is true and
 * GetMsk() gives the first 64 octets of TLS-PRF(master secret, "client EAP encryption",
 * client.random || server.random) (§2.3). See EapTlsEndpoint for the failures.
 */
class EapTlsPeerMethod : public EapPeerMethod
{
  public:
    /**
     * \param credentials the subscriber's (the TLS fields are used)
     * \param rng the node's random source (the TLS session's random stream is keyed from it
     *        when the Start arrives)
     */
    EapTlsPeerMethod(const EapCredentials& credentials, Ptr<CryptoRandom> rng);
    ~EapTlsPeerMethod() override;

    EapType GetType() const override;
    EapStatus Process(const EapPacket& request, EapPacket& response, std::string& reason) override;
    /// \return true once the TLS handshake is complete: the server's certificate, signature
    ///         and Finished are checked
    bool MayAcceptSuccess() const override;
    std::vector<uint8_t> GetMsk() const override;

    /// \param size TLS octets per EAP-TLS Response (default 1020; aborts on 0)
    void SetFragmentSize(uint32_t size);
    /// \param seconds seconds since 1970 at simulation time zero, the clock the server's
    ///        certificate is checked at (with Simulator::Now(); default 2030-01-01)
    void SetClockAtStart(int64_t seconds);
    /// \return the NSS key log line of the TLS session ("CLIENT_RANDOM ...", for Wireshark),
    ///         or empty before the master secret exists
    std::string GetKeyLogLine() const;

  private:
    EapTlsEndpoint m_endpoint; ///< the conversation
    bool m_failed{false};      ///< FAILURE was returned: every later Request fails too
};

} // namespace ns3

#endif // EAP_TLS_PEER_METHOD_H
