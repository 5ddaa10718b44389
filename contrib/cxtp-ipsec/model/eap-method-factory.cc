/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "eap-method-factory.h"

#include "crypto-random.h"
#include "eap-aka-peer-method.h"
#include "eap-aka-server-method.h"
#include "eap-md5-peer-method.h"
#include "eap-md5-server-method.h"
#include "eap-server.h"
#include "eap-subscriber-database.h"
#include "eap-tls-peer-method.h"
#include "eap-tls-server-method.h"

namespace ns3
{

std::unique_ptr<EapPeerMethod>
EapMethodFactory::CreatePeerMethod(EapCredentials& credentials,
                                   Ptr<CryptoRandom> rng,
                                   std::string& reason)
{
    switch (credentials.method)
    {
    case EapType::MD5_CHALLENGE:
        return std::make_unique<EapMd5PeerMethod>(credentials);
    case EapType::AKA:
        return std::make_unique<EapAkaPeerMethod>(credentials);
    case EapType::TLS:
        return std::make_unique<EapTlsPeerMethod>(credentials, rng);
    default:
        break;
    }
    reason = "no EAP method of type " + std::to_string(static_cast<int>(credentials.method));
    return nullptr;
}

std::unique_ptr<EapServerMethod>
EapMethodFactory::CreateServerMethod(Ptr<EapSubscriberDatabase> database,
                                     const std::string& identity,
                                     const EapServerConfig& config,
                                     Ptr<CryptoRandom> rng,
                                     std::string& reason)
{
    const EapCredentials* subscriber = database ? database->Find(identity) : nullptr;
    if (subscriber == nullptr)
    {
        reason = "unknown identity " + identity;
        return nullptr;
    }
    switch (subscriber->method)
    {
    case EapType::MD5_CHALLENGE:
        return std::make_unique<EapMd5ServerMethod>(*subscriber, rng);
    case EapType::AKA:
        return std::make_unique<EapAkaServerMethod>(database, identity, rng);
    case EapType::TLS:
        return std::make_unique<EapTlsServerMethod>(config, *subscriber, rng);
    default:
        break;
    }
    reason = "no EAP method of type " + std::to_string(static_cast<int>(subscriber->method)) +
             " for " + identity;
    return nullptr;
}

} // namespace ns3
