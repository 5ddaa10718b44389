/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef EAP_MD5_PEER_METHOD_H
#define EAP_MD5_PEER_METHOD_H

#include "eap-credentials.h"
#include "eap-method.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief The peer side of EAP-MD5-Challenge (type 4, RFC 3748 §5.4): answers each
 * MD5-Challenge Request with MD5(Identifier | password | challenge) (RFC 1994 §4.1) and the
 * identity as Name.
 *
 * EAP-MD5 does not authenticate the server, so the peer accepts EAP-Success once it has
 * answered a challenge (MayAcceptSuccess()); it makes no MSK (RFC 3748 §7.2: no key
 * derivation). A malformed MD5-Challenge Request (empty type-data, Value-Size 0 or past the
 * type-data) makes the method fail with the decoder's reason: nothing is answered.
 */
class EapMd5PeerMethod : public EapPeerMethod
{
  public:
    /// \param credentials the subscriber's (identity and password are used)
    explicit EapMd5PeerMethod(const EapCredentials& credentials);

    EapType GetType() const override;
    EapStatus Process(const EapPacket& request, EapPacket& response, std::string& reason) override;
    bool MayAcceptSuccess() const override;
    /// \return empty: EAP-MD5 makes no MSK
    std::vector<uint8_t> GetMsk() const override;

  private:
    std::string m_identity;          ///< the Name of our Responses
    std::vector<uint8_t> m_password; ///< the shared secret
    bool m_answered{false};          ///< a challenge was answered
};

} // namespace ns3

#endif // EAP_MD5_PEER_METHOD_H
