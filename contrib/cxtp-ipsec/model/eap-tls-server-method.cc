/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "eap-tls-server-method.h"

#include "crypto-random.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("EapTlsServerMethod");

namespace
{

/**
 * \param config the server's settings
 * \return the TLS server's configuration
 */
CryptoTlsSession::Config
ServerConfig(const EapServerConfig& config)
{
    CryptoTlsSession::Config tls;
    tls.role = CryptoTlsSession::Role::SERVER;
    tls.chain = config.tlsChain;
    tls.privateKey = config.tlsPrivateKey;
    tls.trustAnchors = config.tlsTrustAnchors;
    tls.revokedSerials = config.tlsRevokedSerials;
    return tls;
}

} // namespace

EapTlsServerMethod::EapTlsServerMethod(const EapServerConfig& config,
                                       const EapCredentials& subscriber,
                                       Ptr<CryptoRandom> rng)
    : m_identity(subscriber.identity),
      m_fragmentSize(config.tlsFragmentSize),
      m_endpoint(ServerConfig(config), rng)
{
    NS_LOG_FUNCTION(this << subscriber.identity);
    m_endpoint.SetClockAtStart(config.clockAtStart);
    if (m_fragmentSize != 0)
    {
        m_endpoint.SetFragmentSize(m_fragmentSize);
    }
}

EapTlsServerMethod::~EapTlsServerMethod() = default;

EapType
EapTlsServerMethod::GetType() const
{
    return EapType::TLS;
}

EapStatus
EapTlsServerMethod::Start(uint8_t identifier, EapPacket& request, std::string& reason)
{
    NS_LOG_FUNCTION(this << +identifier);
    if (m_fragmentSize == 0)
    {
        reason = "EAP-TLS fragment size 0 in the server's configuration";
        m_failed = true;
        return EapStatus::FAILURE;
    }
    std::vector<uint8_t> typeData;
    if (m_endpoint.Start(typeData, reason) != EapTlsEndpoint::Result::SEND)
    {
        m_failed = true;
        return EapStatus::FAILURE;
    }
    request = EapPacket{EapCode::REQUEST, identifier, EapType::TLS, typeData};
    return EapStatus::CONTINUE;
}

EapStatus
EapTlsServerMethod::Process(const EapPacket& response,
                            uint8_t identifier,
                            EapPacket& request,
                            std::string& reason)
{
    NS_LOG_FUNCTION(this << +response.identifier << response.typeData.size() << +identifier);
    if (m_failed || m_succeeded)
    {
        reason = m_failed ? "EAP-TLS conversation already failed"
                          : "EAP-TLS Response after the conversation succeeded";
        m_failed = true;
        return EapStatus::FAILURE;
    }
    if (response.code != EapCode::RESPONSE || response.type != EapType::TLS)
    {
        reason = "not an EAP-TLS Response";
        m_failed = true;
        return EapStatus::FAILURE;
    }
    std::vector<uint8_t> typeData;
    switch (m_endpoint.Receive(response.typeData, typeData, reason))
    {
    case EapTlsEndpoint::Result::SEND:
        request = EapPacket{EapCode::REQUEST, identifier, EapType::TLS, typeData};
        return EapStatus::CONTINUE;
    case EapTlsEndpoint::Result::DONE:
        m_succeeded = true;
        NS_LOG_LOGIC("EAP-TLS authenticated " << m_identity << " (" << m_endpoint.GetDescription()
                                              << ")");
        return EapStatus::SUCCESS;
    case EapTlsEndpoint::Result::FAILED:
        break;
    }
    NS_LOG_LOGIC("EAP-TLS refuses " << m_identity << ": " << reason);
    m_failed = true;
    return EapStatus::FAILURE;
}

std::vector<uint8_t>
EapTlsServerMethod::GetMsk() const
{
    return m_succeeded ? m_endpoint.GetMsk() : std::vector<uint8_t>();
}

std::string
EapTlsServerMethod::GetKeyLogLine() const
{
    return m_endpoint.GetKeyLogLine();
}

} // namespace ns3
