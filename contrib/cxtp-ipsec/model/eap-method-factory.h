/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef EAP_METHOD_FACTORY_H
#define EAP_METHOD_FACTORY_H

#include "eap-credentials.h"
#include "eap-method.h"

#include "ns3/ptr.h"

#include <memory>
#include <string>

namespace ns3
{

class CryptoRandom;
class EapSubscriberDatabase;
struct EapServerConfig;

/**
 * \ingroup cxtp-ipsec
 * \brief Picks the method class for EapPeer and EapServer from EapCredentials::method:
 * EAP-MD5 (EapMd5PeerMethod, EapMd5ServerMethod), EAP-AKA (EapAkaPeerMethod,
 * EapAkaServerMethod) and EAP-TLS (EapTlsPeerMethod, EapTlsServerMethod). Any other type has no
 * method.
 */
class EapMethodFactory
{
  public:
    /**
     * \brief The peer's method for its credentials.
     * \param credentials the subscriber's; kept by reference (EAP-AKA stores the USIM's
     *        accepted SQN in it), so they must outlive the method
     * \param rng the node's random source
     * \param [out] reason why there is none
     * \return the method, or nullptr
     */
    static std::unique_ptr<EapPeerMethod> CreatePeerMethod(EapCredentials& credentials,
                                                           Ptr<CryptoRandom> rng,
                                                           std::string& reason);
    /**
     * \brief The server's method for a subscriber of the database.
     * \param database the subscribers (EAP-AKA advances the subscriber's SQN in it)
     * \param identity the subscriber's identity (its entry must exist)
     * \param config the server's settings
     * \param rng the server's random source
     * \param [out] reason why there is none
     * \return the method, or nullptr
     */
    static std::unique_ptr<EapServerMethod> CreateServerMethod(Ptr<EapSubscriberDatabase> database,
                                                               const std::string& identity,
                                                               const EapServerConfig& config,
                                                               Ptr<CryptoRandom> rng,
                                                               std::string& reason);
};

} // namespace ns3

#endif // EAP_METHOD_FACTORY_H
