/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef EAP_SERVER_H
#define EAP_SERVER_H

#include "eap-method.h"

#include "ns3/ptr.h"

#include <memory>
#include <string>
#include <vector>

namespace ns3
{

class CryptoRandom;
class EapSubscriberDatabase;

/**
 * \ingroup cxtp-ipsec
 * \brief The EAP server's own settings (the AAA server's, or a local authenticator's).
 */
struct EapServerConfig
{
    /// EAP-TLS: the server certificate chain, DER, end entity first.
    std::vector<std::vector<uint8_t>> tlsChain;
    /// EAP-TLS: the server's private key, DER.
    std::vector<uint8_t> tlsPrivateKey;
    /// EAP-TLS: the CAs client certificates must chain to.
    std::vector<std::vector<uint8_t>> tlsTrustAnchors;
    /// EAP-TLS: serial numbers (big-endian octets) of revoked client certificates.
    std::vector<std::vector<uint8_t>> tlsRevokedSerials;
    /// EAP-TLS: the largest TLS record data per EAP-TLS packet (RFC 5216 §2.1.5).
    uint32_t tlsFragmentSize{1020};
    /// Seconds since 1970 at simulation time zero, the clock certificates are checked at.
    int64_t clockAtStart{1893456000};
};

/**
 * \ingroup cxtp-ipsec
 * \brief The EAP server (RFC 3748 §4, RFC 4137 §5's full authenticator, reduced) for one
 * peer's conversation: takes the peer's EAP-Response/Identity, looks the identity up in the
 * subscriber database, runs the subscriber's method (EAP-MD5, EAP-AKA or EAP-TLS), and ends
 * with EAP-Success (and the MSK) or EAP-Failure with a reason. Identifiers increase by one per
 * Request (§4.1). A Response whose Identifier is not the outstanding Request's is discarded.
 * A Legacy Nak ends in Failure unless it names the subscriber's method.
 *
 * The method comes from EapMethodFactory (the subscriber's EapCredentials::method). Success and
 * Failure carry the Identifier of the Response they answer (§4.2). Besides a wrong Identifier,
 * a Response is discarded (CONTINUE, the outstanding Request again, a reason) when it is not a
 * Response or is of a type other than the running method's or Nak; after the conversation ended
 * every packet is discarded and \p out is the final Success or Failure. Failures of the method
 * (a wrong EAP-MD5 response, an EAP-AKA Authentication-Reject, ...) end in EAP-Failure with the
 * method's reason. Nothing the peer sends makes it abort.
 */
class EapServer
{
  public:
    /**
     * \param database the subscribers (EAP-AKA advances a subscriber's SQN in it)
     * \param config the server's settings
     * \param rng the node's random source (challenges, RAND, TLS randoms)
     */
    EapServer(Ptr<EapSubscriberDatabase> database,
              const EapServerConfig& config,
              Ptr<CryptoRandom> rng);
    ~EapServer();

    /**
     * \brief Starts with the peer's EAP-Response/Identity (RFC 3748 §5.1; a RADIUS client
     * forwards the one it received or built from the IKE identity).
     * \param identityResponse the Response/Identity
     * \param [out] out the first method Request, or EAP-Failure
     * \param [out] reason why not (FAILURE: unknown identity, ...)
     * \return CONTINUE or FAILURE
     */
    EapStatus Start(const EapPacket& identityResponse, EapPacket& out, std::string& reason);
    /**
     * \brief Processes a Response.
     * \param response the peer's Response
     * \param [out] out the next Request, EAP-Success or EAP-Failure
     * \param [out] reason why the peer is refused (FAILURE), or why the Response was
     *        discarded (CONTINUE with \p out the outstanding Request again)
     * \return CONTINUE, SUCCESS or FAILURE
     */
    EapStatus Process(const EapPacket& response, EapPacket& out, std::string& reason);
    /// \return the MSK after SUCCESS (empty for EAP-MD5)
    std::vector<uint8_t> GetMsk() const;
    /// \return the identity the conversation runs for
    const std::string& GetIdentity() const;

  private:
    /**
     * \brief Ends the conversation with EAP-Success or EAP-Failure.
     * \param status SUCCESS or FAILURE
     * \param identifier the Identifier of the Response answered (RFC 3748 §4.2)
     * \param why why it failed (FAILURE)
     * \param [out] out the Success or Failure
     * \param [out] reason set to \p why
     * \return status
     */
    EapStatus End(EapStatus status,
                  uint8_t identifier,
                  const std::string& why,
                  EapPacket& out,
                  std::string& reason);
    /**
     * \brief Discards a Response: the outstanding Request (or the final packet) is sent again.
     * \param why why
     * \param [out] out the outstanding Request
     * \param [out] reason set to \p why
     * \return CONTINUE
     */
    EapStatus Discard(const std::string& why, EapPacket& out, std::string& reason);
    /**
     * \brief Handles a Legacy Nak (RFC 3748 §5.3.1).
     * \param response the Nak
     * \param [out] out the next Request or EAP-Failure
     * \param [out] reason why it fails
     * \return CONTINUE (the subscriber's method restarts) or FAILURE
     */
    EapStatus ProcessNak(const EapPacket& response, EapPacket& out, std::string& reason);

    Ptr<EapSubscriberDatabase> m_database;     ///< the subscribers
    EapServerConfig m_config;                  ///< settings
    Ptr<CryptoRandom> m_rng;                   ///< random source
    std::string m_identity;                    ///< the peer's
    std::unique_ptr<EapServerMethod> m_method; ///< the subscriber's method
    uint8_t m_identifier{0};                   ///< of the outstanding Request
    EapPacket m_outstanding;                   ///< the outstanding Request
    bool m_started{false};                     ///< Start() was called
    bool m_ended{false};                       ///< Success or Failure was sent
    bool m_restarted{false};                   ///< the method restarted after a Nak
    std::vector<uint8_t> m_msk;                ///< the MSK, after SUCCESS
};

} // namespace ns3

#endif // EAP_SERVER_H
