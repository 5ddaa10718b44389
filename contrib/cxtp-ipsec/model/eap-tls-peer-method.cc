/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "eap-tls-peer-method.h"

#include "crypto-random.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EapTlsPeerMethod");

namespace
{

/**
 * \param credentials the subscriber's
 * \return the TLS client's configuration
 */
CryptoTlsSession::Config
ClientConfig(const EapCredentials& credentials)
{
    CryptoTlsSession::Config config;
    config.role = CryptoTlsSession::Role::CLIENT;
    config.chain = credentials.tlsChain;
    config.privateKey = credentials.tlsPrivateKey;
    config.trustAnchors = credentials.tlsTrustAnchors;
    return config;
}

} // namespace

EapTlsPeerMethod::EapTlsPeerMethod(const EapCredentials& credentials, Ptr<CryptoRandom> rng)
    : m_endpoint(ClientConfig(credentials), rng)
{
    NS_LOG_FUNCTION(this << credentials.identity);
}

EapTlsPeerMethod::~EapTlsPeerMethod() = default;

EapType
EapTlsPeerMethod::GetType() const
{
    return EapType::TLS;
}

EapStatus
EapTlsPeerMethod::Process(const EapPacket& request, EapPacket& response, std::string& reason)
{
    NS_LOG_FUNCTION(this << +request.identifier << request.typeData.size());
    if (m_failed)
    {
        reason = "EAP-TLS conversation already failed";
        return EapStatus::FAILURE;
    }
    if (request.code != EapCode::REQUEST || request.type != EapType::TLS)
    {
        reason = "not an EAP-TLS Request";
        m_failed = true;
        return EapStatus::FAILURE;
    }
    std::vector<uint8_t> typeData;
    if (m_endpoint.Receive(request.typeData, typeData, reason) != EapTlsEndpoint::Result::SEND)
    {
        m_failed = true;
        return EapStatus::FAILURE;
    }
    response = EapPacket{EapCode::RESPONSE, request.identifier, EapType::TLS, typeData};
    return EapStatus::CONTINUE;
}

bool
EapTlsPeerMethod::MayAcceptSuccess() const
{
    return m_endpoint.IsHandshakeComplete();
}

std::vector<uint8_t>
EapTlsPeerMethod::GetMsk() const
{
    return m_endpoint.GetMsk();
}

void
EapTlsPeerMethod::SetFragmentSize(uint32_t size)
{
    m_endpoint.SetFragmentSize(size);
}

void
EapTlsPeerMethod::SetClockAtStart(int64_t seconds)
{
    m_endpoint.SetClockAtStart(seconds);
}

std::string
EapTlsPeerMethod::GetKeyLogLine() const
{
    return m_endpoint.GetKeyLogLine();
}

} // namespace ns3
