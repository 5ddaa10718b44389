/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef EAP_METHOD_H
#define EAP_METHOD_H

#include "eap-packet.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Where an EAP conversation stands after a step (RFC 3748 §4, RFC 4137's
 * methodState/decision reduced to what the model needs).
 */
enum class EapStatus : uint8_t
{
    CONTINUE, ///< a packet to send, the conversation goes on
    SUCCESS,  ///< the method succeeded (server: send EAP-Success; peer: EAP-Success accepted)
    FAILURE,  ///< the method failed, with a reason (server: send EAP-Failure)
};

/**
 * \ingroup cxtp-ipsec
 * \brief The peer side of one EAP authentication method (RFC 3748 §5, RFC 4137 §4's peer
 * method). Identity, Notification, Nak, Success and Failure are handled by EapPeer, which
 * passes a method only the Requests of its type.
 *
 * Cryptographic work is done with the Crypto* classes, which record it on the active
 * CryptoWorkMeter, so the caller prices it on its node's clock.
 */
class EapPeerMethod
{
  public:
    virtual ~EapPeerMethod() = default;
    /// \return the method's EAP Type
    virtual EapType GetType() const = 0;
    /**
     * \brief Processes a Request of the method's type.
     * \param request the Request
     * \param [out] response the Response to send (CONTINUE; its identifier is the Request's)
     * \param [out] reason why the method fails (FAILURE: the peer answers nothing and waits for
     *        EAP-Failure, or gives up)
     * \return CONTINUE or FAILURE
     */
    virtual EapStatus Process(const EapPacket& request,
                              EapPacket& response,
                              std::string& reason) = 0;
    /// \return true once the method accepts an EAP-Success (RFC 3748 §4.2: a Success before
    ///         the method has authenticated the server is discarded, RFC 4137 §4.1 altAccept)
    virtual bool MayAcceptSuccess() const = 0;
    /// \return the Master Session Key (64 octets, RFC 5247 §1.2) once the method succeeded, or
    ///         empty for a method that makes none (EAP-MD5)
    virtual std::vector<uint8_t> GetMsk() const = 0;
};

/**
 * \ingroup cxtp-ipsec
 * \brief The server side of one EAP authentication method (RFC 3748 §5, RFC 4137 §5's
 * server method), run by EapServer after the Identity exchange. The server picks the
 * Identifiers; a method builds whole packets because some (EAP-AKA's AT_MAC) cover the header.
 */
class EapServerMethod
{
  public:
    virtual ~EapServerMethod() = default;
    /// \return the method's EAP Type
    virtual EapType GetType() const = 0;
    /**
     * \brief The method's first Request.
     * \param identifier its Identifier
     * \param [out] request the Request
     * \param [out] reason why the method cannot start (FAILURE)
     * \return CONTINUE or FAILURE
     */
    virtual EapStatus Start(uint8_t identifier, EapPacket& request, std::string& reason) = 0;
    /**
     * \brief Processes the peer's Response to the last Request.
     * \param response the Response (type checked by EapServer)
     * \param identifier the Identifier of the next Request
     * \param [out] request the next Request (CONTINUE)
     * \param [out] reason why the peer is refused (FAILURE)
     * \return CONTINUE, SUCCESS (the peer is authenticated) or FAILURE
     */
    virtual EapStatus Process(const EapPacket& response,
                              uint8_t identifier,
                              EapPacket& request,
                              std::string& reason) = 0;
    /// \return the MSK (64 octets) after SUCCESS, or empty for a method that makes none
    virtual std::vector<uint8_t> GetMsk() const = 0;
};

} // namespace ns3

#endif // EAP_METHOD_H
