/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-ike-auth-exchange.h"

#include "crypto-mac.h"
#include "crypto-x509.h"
#include "ikev2-algorithms.h"
#include "ikev2-authenticator.h"
#include "ikev2-payload-codec.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ikev2IkeAuthExchange");

namespace
{

/// \return true for the AUTH methods that carry an RSA signature (RFC 7296 §3.8, RFC 7427)
bool
IsSignature(Ikev2AuthMethod method)
{
    return method == Ikev2AuthMethod::RSA_DIGITAL_SIGNATURE ||
           method == Ikev2AuthMethod::DIGITAL_SIGNATURE;
}

/**
 * \param id an identity the peer sent
 * \param certificate the peer's end-entity certificate, DER
 * \return true if the certificate names that identity: as its subject (ID_DER_ASN1_DN) or in
 *         its subjectAltName (RFC 4945 §3.1, RFC 7296 §3.5)
 */
bool
IdMatchesCertificate(const Ikev2IdPayload& id, const std::vector<uint8_t>& certificate)
{
    switch (id.idType)
    {
    case Ikev2IdType::ID_DER_ASN1_DN:
        return CryptoX509::SubjectMatches(certificate, id.data);
    case Ikev2IdType::ID_FQDN:
        return CryptoX509::HasSubjectAltName(certificate, CryptoX509::AltName::DNS_NAME, id.data);
    case Ikev2IdType::ID_IPV4_ADDR:
    case Ikev2IdType::ID_IPV6_ADDR:
        return CryptoX509::HasSubjectAltName(certificate, CryptoX509::AltName::IP_ADDRESS, id.data);
    case Ikev2IdType::ID_RFC822_ADDR:
        return CryptoX509::HasSubjectAltName(certificate, CryptoX509::AltName::EMAIL, id.data);
    default:
        return false;
    }
}

/// \return the intersection of two selectors; false if empty or of different kinds
bool
Intersect(const Ikev2TrafficSelector& a, const Ikev2TrafficSelector& b, Ikev2TrafficSelector& out)
{
    if (a.type != b.type ||
        (a.ipProtocol != 0 && b.ipProtocol != 0 && a.ipProtocol != b.ipProtocol))
    {
        return false;
    }
    out = a;
    out.ipProtocol = a.ipProtocol != 0 ? a.ipProtocol : b.ipProtocol;
    out.startPort = std::max(a.startPort, b.startPort);
    out.endPort = std::min(a.endPort, b.endPort);
    out.startAddress = std::max(a.startAddress, b.startAddress); // same length: octet order
    out.endAddress = std::min(a.endAddress, b.endAddress);
    return out.startPort <= out.endPort && out.startAddress <= out.endAddress;
}

} // namespace

Ikev2IkeAuthExchange::Ikev2IkeAuthExchange(const Ikev2Proposals& proposals)
    : m_proposals(proposals)
{
}

std::vector<Ikev2TrafficSelector>
Ikev2IkeAuthExchange::Narrow(const std::vector<Ikev2TrafficSelector>& offered,
                             const std::vector<Ikev2TrafficSelector>& allowed)
{
    std::vector<Ikev2TrafficSelector> out;
    for (const Ikev2TrafficSelector& o : offered)
    {
        for (const Ikev2TrafficSelector& a : allowed)
        {
            Ikev2TrafficSelector both;
            if (Intersect(o, a, both))
            {
                out.push_back(both);
            }
        }
    }
    return out;
}

bool
Ikev2IkeAuthExchange::Within(const std::vector<Ikev2TrafficSelector>& answered,
                             const std::vector<Ikev2TrafficSelector>& asked)
{
    return std::all_of(answered.begin(), answered.end(), [&asked](const Ikev2TrafficSelector& a) {
        return std::any_of(asked.begin(), asked.end(), [&a](const Ikev2TrafficSelector& s) {
            Ikev2TrafficSelector both;
            return Intersect(a, s, both) && both.ipProtocol == a.ipProtocol &&
                   both.startPort == a.startPort && both.endPort == a.endPort &&
                   both.startAddress == a.startAddress && both.endAddress == a.endAddress;
        });
    });
}

std::vector<uint8_t>
Ikev2IkeAuthExchange::Octets(const Ikev2Sa& sa, bool ofInitiator, const Ikev2IdPayload& id)
{
    return Ikev2Authenticator::SignedOctets(sa.algorithms.prf,
                                            ofInitiator ? sa.initRequest : sa.initResponse,
                                            ofInitiator ? sa.nr : sa.ni,
                                            ofInitiator ? sa.keys.skPi : sa.keys.skPr,
                                            Ikev2Authenticator::IdPayloadBody(id.idType, id.data));
}

Ikev2IdPayload
Ikev2IkeAuthExchange::OurId(Ikev2Sa& sa, const Ikev2Credentials& credentials)
{
    if (credentials.useEap)
    {
        // The EAP identity, an NAI (RFC 7542), as an e-mail-like ID (charon's IDi for EAP).
        sa.localId.idType = Ikev2IdType::ID_RFC822_ADDR;
        sa.localId.data.assign(credentials.eap.identity.begin(), credentials.eap.identity.end());
        return sa.localId;
    }
    if (credentials.IsSignatureMethod() && credentials.idType == Ikev2IdType::ID_DER_ASN1_DN)
    {
        Ikev2IdPayload id;
        id.idType = Ikev2IdType::ID_DER_ASN1_DN;
        NS_ABORT_MSG_IF(credentials.certificateChain.empty() ||
                            !CryptoX509::GetSubject(credentials.certificateChain.front(), id.data),
                        "Ikev2IkeAuthExchange: no certificate to take our ID from");
        sa.localId = id;
    }
    return sa.localId;
}

std::vector<Ikev2Payload>
Ikev2IkeAuthExchange::OurCertificates(const Ikev2Credentials& credentials)
{
    std::vector<Ikev2Payload> out;
    if (credentials.IsSignatureMethod())
    {
        for (const std::vector<uint8_t>& cert : credentials.certificateChain)
        {
            out.emplace_back(Ikev2CertPayload{Ikev2CertEncoding::X509_SIGNATURE, cert});
        }
    }
    return out;
}

std::vector<Ikev2Payload>
Ikev2IkeAuthExchange::OurCertReq(const Ikev2Credentials& credentials)
{
    if (!credentials.sendCertReq || credentials.trustAnchors.empty())
    {
        return {};
    }
    std::vector<std::vector<uint8_t>> hashes;
    for (const std::vector<uint8_t>& anchor : credentials.trustAnchors)
    {
        std::vector<uint8_t> spki;
        NS_ABORT_MSG_IF(!CryptoX509::GetPublicKey(anchor, spki),
                        "Ikev2IkeAuthExchange: a trust anchor does not parse");
        hashes.push_back(CryptoMac::Digest(CryptoHash::SHA1, spki));
    }
    return {Ikev2CertReqPayload{Ikev2CertEncoding::X509_SIGNATURE,
                                Ikev2PayloadCodec::JoinCaKeyHashes(hashes)}};
}

Ikev2AuthPayload
Ikev2IkeAuthExchange::OurAuth(const Ikev2Sa& sa,
                              const Ikev2Credentials& credentials,
                              bool ofInitiator,
                              const Ikev2IdPayload& id)
{
    Ikev2AuthPayload auth;
    auth.method = credentials.method;
    const std::vector<uint8_t> octets = Octets(sa, ofInitiator, id);
    if (!credentials.IsSignatureMethod())
    {
        auth.data = Ikev2Authenticator::PskAuth(sa.algorithms.prf, credentials.psk, octets);
        return auth;
    }
    NS_ABORT_MSG_IF(!Ikev2Authenticator::Sign(static_cast<uint8_t>(credentials.method),
                                              credentials.privateKey,
                                              octets,
                                              auth.data),
                    "Ikev2IkeAuthExchange: our private key does not sign (not an RSA key?)");
    return auth;
}

std::string
Ikev2IkeAuthExchange::CheckSignature(const std::vector<Ikev2Payload>& in,
                                     const Ikev2Sa& sa,
                                     const Ikev2Credentials& credentials,
                                     bool ofInitiator,
                                     const Ikev2IdPayload& id,
                                     const Ikev2AuthPayload& auth)
{
    if (credentials.trustAnchors.empty())
    {
        return "no trust anchor to check a certificate against";
    }
    std::vector<std::vector<uint8_t>> certs;
    for (const Ikev2CertPayload* cert : IkeFindAllPayloads<Ikev2CertPayload>(in))
    {
        if (cert->encoding == Ikev2CertEncoding::X509_SIGNATURE)
        {
            certs.push_back(cert->data);
        }
    }
    if (certs.empty())
    {
        return "no X.509 certificate";
    }
    // The first certificate holds the key that verifies AUTH (RFC 7296 §3.6); the others may
    // complete its path to a trust anchor.
    const std::vector<std::vector<uint8_t>> intermediates(certs.begin() + 1, certs.end());
    const int64_t now =
        credentials.clockAtStart + static_cast<int64_t>(Simulator::Now().GetSeconds());
    std::string error;
    if (!CryptoX509::VerifyChain(certs.front(),
                                 intermediates,
                                 credentials.trustAnchors,
                                 now,
                                 error))
    {
        return "certificate not trusted: " + error;
    }
    if (!IdMatchesCertificate(id, certs.front()))
    {
        return "the ID does not match the certificate";
    }
    std::vector<uint8_t> publicKey;
    if (!CryptoX509::GetPublicKey(certs.front(), publicKey) ||
        !Ikev2Authenticator::Verify(static_cast<uint8_t>(auth.method),
                                    publicKey,
                                    Octets(sa, ofInitiator, id),
                                    auth.data))
    {
        return "the AUTH signature does not verify";
    }
    return "";
}

Ikev2Message
Ikev2IkeAuthExchange::BuildRequest(Ikev2Sa& sa,
                                   const Ikev2Credentials& credentials,
                                   const ChildRequest& child,
                                   bool initialContact)
{
    Ikev2Message m;
    m.header = sa.MakeHeader(Ikev2ExchangeType::IKE_AUTH, false, sa.nextRequestId);
    Ikev2EncryptedPayload sk;
    Ikev2IdiPayload idi;
    static_cast<Ikev2IdPayload&>(idi) = OurId(sa, credentials);
    // IDi, CERT..., CERTREQ, AUTH (RFC 7296 §1.2); charon puts N(INITIAL_CONTACT) before
    // CERTREQ, this model after AUTH, for certificates as it did for the PSK.
    sk.payloads = {idi};
    if (!credentials.useEap)
    {
        for (Ikev2Payload& p : OurCertificates(credentials))
        {
            sk.payloads.push_back(std::move(p));
        }
    }
    for (Ikev2Payload& p : OurCertReq(credentials))
    {
        sk.payloads.push_back(std::move(p));
    }
    if (!credentials.useEap) // §2.16: leaving AUTH out asks for EAP
    {
        sk.payloads.push_back(OurAuth(sa, credentials, true, idi));
    }
    if (initialContact)
    {
        sk.payloads.push_back(Ikev2MakeNotify(Ikev2NotifyType::INITIAL_CONTACT));
        sa.initialContact = true;
    }
    if (credentials.useEap && credentials.eapOnly) // RFC 5998 §2
    {
        sk.payloads.push_back(Ikev2MakeNotify(Ikev2NotifyType::EAP_ONLY_AUTHENTICATION));
    }
    sk.payloads.push_back(m_proposals.MakeEspOffer(child.inboundSpi, false));
    Ikev2TsiPayload tsi;
    tsi.selectors = child.tsi;
    Ikev2TsrPayload tsr;
    tsr.selectors = child.tsr;
    sk.payloads.push_back(tsi);
    sk.payloads.push_back(tsr);
    m.encrypted = sk;
    sa.authMethod = credentials.method;
    sa.state = Ikev2State::AUTH_SENT;
    return m;
}

std::string
Ikev2IkeAuthExchange::ProcessRequest(const Ikev2Message& request,
                                     Ikev2Sa& sa,
                                     const Ikev2Credentials& credentials,
                                     const ChildPolicy& policy,
                                     Ikev2Message& response,
                                     Ikev2ChildSa& child,
                                     Ikev2ChildKeys& keys)
{
    const std::vector<Ikev2Payload>& in = Ikev2GetInnerPayloads(request);
    response = Ikev2Message();
    response.header = sa.MakeHeader(Ikev2ExchangeType::IKE_AUTH, true, request.header.messageId);
    response.encrypted = Ikev2EncryptedPayload();
    const auto* idi = IkeFindPayload<Ikev2IdiPayload>(in);
    const auto* auth = IkeFindPayload<Ikev2AuthPayload>(in);
    std::string failure;
    if (idi && auth && IsSignature(auth->method))
    {
        failure = CheckSignature(in, sa, credentials, true, *idi, *auth);
        failure = failure.empty() ? "" : "AUTHENTICATION_FAILED: " + failure;
    }
    else if (!idi || !auth || auth->method != Ikev2AuthMethod::SHARED_KEY_MIC ||
             credentials.psk.empty() ||
             !Ikev2Authenticator::VerifyPskAuth(sa.algorithms.prf,
                                                credentials.psk,
                                                Octets(sa, true, *idi),
                                                auth->data))
    {
        failure = "AUTHENTICATION_FAILED";
    }
    if (!failure.empty())
    {
        NS_LOG_LOGIC(failure);
        response.encrypted->payloads = {Ikev2MakeNotify(Ikev2NotifyType::AUTHENTICATION_FAILED)};
        sa.state = Ikev2State::FAILED;
        return failure;
    }
    sa.peerId = *idi;
    sa.initialContact =
        sa.initialContact || Ikev2FindNotify(in, Ikev2NotifyType::INITIAL_CONTACT) != nullptr;
    Ikev2IdrPayload idr;
    static_cast<Ikev2IdPayload&>(idr) = OurId(sa, credentials);
    // IDr, CERT..., AUTH (RFC 7296 §1.2, as charon orders them).
    response.encrypted->payloads = {idr};
    for (Ikev2Payload& p : OurCertificates(credentials))
    {
        response.encrypted->payloads.push_back(std::move(p));
    }
    response.encrypted->payloads.push_back(OurAuth(sa, credentials, false, idr));
    sa.authMethod = credentials.method;
    sa.state = Ikev2State::ESTABLISHED;
    sa.established = Simulator::Now();
    sa.nextExpectedId = request.header.messageId + 1;
    return AcceptChild(in, sa, policy, response.encrypted->payloads, child, keys);
}

std::string
Ikev2IkeAuthExchange::AcceptChild(const std::vector<Ikev2Payload>& in,
                                  const Ikev2Sa& sa,
                                  const ChildPolicy& policy,
                                  std::vector<Ikev2Payload>& out,
                                  Ikev2ChildSa& child,
                                  Ikev2ChildKeys& keys) const
{
    const auto* offer = IkeFindPayload<Ikev2SaPayload>(in);
    const auto* tsi = IkeFindPayload<Ikev2TsiPayload>(in);
    const auto* tsr = IkeFindPayload<Ikev2TsrPayload>(in);
    Ikev2SaPayload reply;
    if (!offer || !tsi || !tsr ||
        !m_proposals
             .SelectEsp(*offer,
                        false,
                        policy.inboundSpi,
                        reply,
                        child.algorithms,
                        child.outboundSpi)
             .empty())
    {
        out.push_back(Ikev2MakeNotify(Ikev2NotifyType::NO_PROPOSAL_CHOSEN));
        return "NO_PROPOSAL_CHOSEN";
    }
    child.tsi = Narrow(tsi->selectors, policy.tsi);
    child.tsr = Narrow(tsr->selectors, policy.tsr);
    if (child.tsi.empty() || child.tsr.empty())
    {
        out.push_back(Ikev2MakeNotify(Ikev2NotifyType::TS_UNACCEPTABLE));
        return "TS_UNACCEPTABLE";
    }
    // The CHILD_SA of IKE_AUTH: the nonces of IKE_SA_INIT, no PFS (§2.17).
    if (!sa.DeriveChildKeys(child.algorithms, {}, sa.ni, sa.nr, keys))
    {
        out.push_back(Ikev2MakeNotify(Ikev2NotifyType::NO_PROPOSAL_CHOSEN));
        return "no ESP keys for the negotiated transforms";
    }
    child.inboundSpi = policy.inboundSpi;
    child.established = Simulator::Now();
    Ikev2TsiPayload tsiOut;
    tsiOut.selectors = child.tsi;
    Ikev2TsrPayload tsrOut;
    tsrOut.selectors = child.tsr;
    out.push_back(reply);
    out.push_back(tsiOut);
    out.push_back(tsrOut);
    return "";
}

std::string
Ikev2IkeAuthExchange::ProcessResponse(const Ikev2Message& response,
                                      Ikev2Sa& sa,
                                      const Ikev2Credentials& credentials,
                                      const ChildRequest& asked,
                                      Ikev2ChildSa& child,
                                      Ikev2ChildKeys& keys)
{
    // The exchange is over whatever it says: a failure notified in an INFORMATIONAL takes the
    // next message ID (§2.21.2).
    sa.nextRequestId = response.header.messageId + 1;
    const std::vector<Ikev2Payload>& in = Ikev2GetInnerPayloads(response);
    const std::string failure = CheckResponderAuth(in, sa, credentials);
    if (!failure.empty())
    {
        sa.state = Ikev2State::FAILED;
        return failure;
    }
    sa.state = Ikev2State::ESTABLISHED;
    sa.established = Simulator::Now();
    return TakeChild(in, sa, asked, child, keys);
}

std::string
Ikev2IkeAuthExchange::CheckResponderAuth(const std::vector<Ikev2Payload>& in,
                                         Ikev2Sa& sa,
                                         const Ikev2Credentials& credentials)
{
    const auto* idr = IkeFindPayload<Ikev2IdrPayload>(in);
    const auto* auth = IkeFindPayload<Ikev2AuthPayload>(in);
    if (!idr || !auth)
    {
        const Ikev2NotifyPayload* error = Ikev2FindErrorNotify(in);
        return error ? "IKE_AUTH refused, notify " +
                           std::to_string(static_cast<uint16_t>(error->type))
                     : "IKE_AUTH response without IDr or AUTH";
    }
    if (IsSignature(auth->method))
    {
        const std::string failure = CheckSignature(in, sa, credentials, false, *idr, *auth);
        if (!failure.empty())
        {
            return "AUTHENTICATION_FAILED: " + failure;
        }
    }
    else if (auth->method != Ikev2AuthMethod::SHARED_KEY_MIC || credentials.psk.empty() ||
             !Ikev2Authenticator::VerifyPskAuth(sa.algorithms.prf,
                                                credentials.psk,
                                                Octets(sa, false, *idr),
                                                auth->data))
    {
        return "the responder's AUTH does not verify";
    }
    sa.peerId = *idr;
    return "";
}

std::string
Ikev2IkeAuthExchange::TakeChild(const std::vector<Ikev2Payload>& in,
                                const Ikev2Sa& sa,
                                const ChildRequest& asked,
                                Ikev2ChildSa& child,
                                Ikev2ChildKeys& keys) const
{
    if (const Ikev2NotifyPayload* error = Ikev2FindErrorNotify(in))
    {
        return "no CHILD_SA, notify " + std::to_string(static_cast<uint16_t>(error->type));
    }
    const auto* answer = IkeFindPayload<Ikev2SaPayload>(in);
    const auto* tsi = IkeFindPayload<Ikev2TsiPayload>(in);
    const auto* tsr = IkeFindPayload<Ikev2TsrPayload>(in);
    if (!answer || !tsi || !tsr)
    {
        return "IKE_AUTH response without SA, TSi or TSr";
    }
    std::string error =
        m_proposals.CheckEspAnswer(*answer, false, child.algorithms, child.outboundSpi);
    // The narrowed selectors must lie within what we asked for (§2.9).
    if (error.empty() && (tsi->selectors.empty() || tsr->selectors.empty() ||
                          !Within(tsi->selectors, asked.tsi) || !Within(tsr->selectors, asked.tsr)))
    {
        error = "the responder's traffic selectors are wider than ours";
    }
    if (error.empty() && !sa.DeriveChildKeys(child.algorithms, {}, sa.ni, sa.nr, keys))
    {
        error = "no ESP keys for the negotiated transforms";
    }
    if (!error.empty())
    {
        return error;
    }
    child.inboundSpi = asked.inboundSpi;
    child.tsi = tsi->selectors;
    child.tsr = tsr->selectors;
    child.established = Simulator::Now();
    return "";
}

// ---- EAP in IKE_AUTH (RFC 7296 §2.16)

std::vector<uint8_t>
Ikev2IkeAuthExchange::EapAuthKey(const Ikev2Sa& sa,
                                 const std::vector<uint8_t>& msk,
                                 bool ofInitiator)
{
    // The MSK keys both AUTHs; a method without one (EAP-MD5): SK_pi and SK_pr, respectively.
    if (!msk.empty())
    {
        return msk;
    }
    return ofInitiator ? sa.keys.skPi : sa.keys.skPr;
}

const Ikev2EapPayload*
Ikev2IkeAuthExchange::FindEap(const Ikev2Message& message)
{
    return IkeFindPayload<Ikev2EapPayload>(Ikev2GetInnerPayloads(message));
}

std::string
Ikev2IkeAuthExchange::StartEap(const Ikev2Message& request,
                               Ikev2Sa& sa,
                               const Ikev2Credentials& credentials,
                               Ikev2Message& response)
{
    const std::vector<Ikev2Payload>& in = Ikev2GetInnerPayloads(request);
    response = Ikev2Message();
    response.header = sa.MakeHeader(Ikev2ExchangeType::IKE_AUTH, true, request.header.messageId);
    response.encrypted = Ikev2EncryptedPayload();
    const auto* idi = IkeFindPayload<Ikev2IdiPayload>(in);
    if (!idi || !IkeFindPayload<Ikev2SaPayload>(in) || !IkeFindPayload<Ikev2TsiPayload>(in) ||
        !IkeFindPayload<Ikev2TsrPayload>(in))
    {
        response.encrypted->payloads = {Ikev2MakeNotify(Ikev2NotifyType::AUTHENTICATION_FAILED)};
        sa.state = Ikev2State::FAILED;
        return "AUTHENTICATION_FAILED: EAP asked without IDi, SA, TSi or TSr";
    }
    if (!credentials.peerUsesEap)
    {
        response.encrypted->payloads = {Ikev2MakeNotify(Ikev2NotifyType::AUTHENTICATION_FAILED)};
        sa.state = Ikev2State::FAILED;
        return "AUTHENTICATION_FAILED: the peer asked for EAP, which its PAD entry does not allow";
    }
    sa.peerId = *idi; // not authenticated until the final AUTH
    Ikev2IdrPayload idr;
    static_cast<Ikev2IdPayload&>(idr) = OurId(sa, credentials);
    response.encrypted->payloads = {idr};
    // RFC 5998 §2: asked and allowed, we leave CERT and AUTH out; the MSK-keyed AUTH at the
    // end proves who we are.
    sa.eapOnly = credentials.eapOnly &&
                 Ikev2FindNotify(in, Ikev2NotifyType::EAP_ONLY_AUTHENTICATION) != nullptr;
    if (sa.eapOnly)
    {
        sa.authMethod = Ikev2AuthMethod::SHARED_KEY_MIC;
        return "";
    }
    for (Ikev2Payload& p : OurCertificates(credentials))
    {
        response.encrypted->payloads.push_back(std::move(p));
    }
    response.encrypted->payloads.push_back(OurAuth(sa, credentials, false, idr));
    sa.authMethod = credentials.method;
    return "";
}

Ikev2Message
Ikev2IkeAuthExchange::BuildEapMessage(const Ikev2Sa& sa,
                                      bool response,
                                      uint32_t messageId,
                                      const std::vector<uint8_t>& eap)
{
    Ikev2Message m;
    m.header = sa.MakeHeader(Ikev2ExchangeType::IKE_AUTH, response, messageId);
    m.encrypted = Ikev2EncryptedPayload();
    m.encrypted->payloads = {Ikev2EapPayload{eap, false}};
    return m;
}

std::string
Ikev2IkeAuthExchange::ProcessEapStart(const Ikev2Message& response,
                                      Ikev2Sa& sa,
                                      const Ikev2Credentials& credentials)
{
    sa.nextRequestId = response.header.messageId + 1;
    const std::vector<Ikev2Payload>& in = Ikev2GetInnerPayloads(response);
    const auto* idr = IkeFindPayload<Ikev2IdrPayload>(in);
    std::string failure;
    // RFC 5998 §2: we asked for EAP-only authentication and the responder granted it (IDr,
    // no AUTH); its identity is taken now and proven only by the final AUTH.
    sa.eapOnly = credentials.eapOnly && idr && !IkeFindPayload<Ikev2AuthPayload>(in) &&
                 !Ikev2FindErrorNotify(in);
    if (sa.eapOnly)
    {
        sa.peerId = *idr;
    }
    else
    {
        failure = CheckResponderAuth(in, sa, credentials);
    }
    if (failure.empty() && !IkeFindPayload<Ikev2EapPayload>(in))
    {
        failure = "IKE_AUTH response to an EAP request without EAP";
    }
    if (!failure.empty())
    {
        sa.state = Ikev2State::FAILED;
    }
    return failure;
}

std::string
Ikev2IkeAuthExchange::CheckEapOnlyMethod(const Ikev2Sa& sa,
                                         EapType method,
                                         const std::vector<uint8_t>& msk)
{
    if (!sa.eapOnly)
    {
        return "";
    }
    if (method != EapType::NONE && method != EapType::TLS && method != EapType::AKA)
    {
        return "EAP-only authentication (RFC 5998 §4) with EAP type " +
               std::to_string(static_cast<int>(method)) +
               ", a method that does not authenticate the server";
    }
    if (msk.empty())
    {
        return "EAP-only authentication (RFC 5998 §4) with a method that made no MSK";
    }
    return "";
}

Ikev2Message
Ikev2IkeAuthExchange::BuildEapAuthRequest(Ikev2Sa& sa,
                                          const Ikev2Credentials& credentials,
                                          const std::vector<uint8_t>& msk)
{
    Ikev2Message m;
    m.header = sa.MakeHeader(Ikev2ExchangeType::IKE_AUTH, false, sa.nextRequestId);
    m.encrypted = Ikev2EncryptedPayload();
    Ikev2AuthPayload auth;
    auth.method = Ikev2AuthMethod::SHARED_KEY_MIC;
    auth.data = Ikev2Authenticator::PskAuth(sa.algorithms.prf,
                                            EapAuthKey(sa, msk, true),
                                            Octets(sa, true, OurId(sa, credentials)));
    m.encrypted->payloads = {auth};
    return m;
}

std::string
Ikev2IkeAuthExchange::ProcessEapAuthRequest(const Ikev2Message& request,
                                            const Ikev2Message& first,
                                            Ikev2Sa& sa,
                                            const Ikev2Credentials& credentials,
                                            const std::vector<uint8_t>& msk,
                                            const ChildPolicy& policy,
                                            Ikev2Message& response,
                                            Ikev2ChildSa& child,
                                            Ikev2ChildKeys& keys)
{
    response = Ikev2Message();
    response.header = sa.MakeHeader(Ikev2ExchangeType::IKE_AUTH, true, request.header.messageId);
    response.encrypted = Ikev2EncryptedPayload();
    const auto* auth = IkeFindPayload<Ikev2AuthPayload>(Ikev2GetInnerPayloads(request));
    if (!auth || auth->method != Ikev2AuthMethod::SHARED_KEY_MIC ||
        !Ikev2Authenticator::VerifyPskAuth(sa.algorithms.prf,
                                           EapAuthKey(sa, msk, true),
                                           Octets(sa, true, sa.peerId),
                                           auth->data))
    {
        response.encrypted->payloads = {Ikev2MakeNotify(Ikev2NotifyType::AUTHENTICATION_FAILED)};
        sa.state = Ikev2State::FAILED;
        return "AUTHENTICATION_FAILED: the AUTH after EAP does not verify";
    }
    Ikev2AuthPayload ours;
    ours.method = Ikev2AuthMethod::SHARED_KEY_MIC;
    ours.data = Ikev2Authenticator::PskAuth(sa.algorithms.prf,
                                            EapAuthKey(sa, msk, false),
                                            Octets(sa, false, OurId(sa, credentials)));
    response.encrypted->payloads = {ours};
    const std::vector<Ikev2Payload>& in = Ikev2GetInnerPayloads(first);
    sa.initialContact =
        sa.initialContact || Ikev2FindNotify(in, Ikev2NotifyType::INITIAL_CONTACT) != nullptr;
    sa.state = Ikev2State::ESTABLISHED;
    sa.established = Simulator::Now();
    return AcceptChild(in, sa, policy, response.encrypted->payloads, child, keys);
}

std::string
Ikev2IkeAuthExchange::ProcessEapAuthResponse(const Ikev2Message& response,
                                             Ikev2Sa& sa,
                                             const std::vector<uint8_t>& msk,
                                             const ChildRequest& asked,
                                             Ikev2ChildSa& child,
                                             Ikev2ChildKeys& keys)
{
    sa.nextRequestId = response.header.messageId + 1;
    const std::vector<Ikev2Payload>& in = Ikev2GetInnerPayloads(response);
    const auto* auth = IkeFindPayload<Ikev2AuthPayload>(in);
    if (!auth || auth->method != Ikev2AuthMethod::SHARED_KEY_MIC ||
        !Ikev2Authenticator::VerifyPskAuth(sa.algorithms.prf,
                                           EapAuthKey(sa, msk, false),
                                           Octets(sa, false, sa.peerId),
                                           auth->data))
    {
        sa.state = Ikev2State::FAILED;
        const Ikev2NotifyPayload* error = Ikev2FindErrorNotify(in);
        return error ? "IKE_AUTH refused, notify " +
                           std::to_string(static_cast<uint16_t>(error->type))
                     : "the responder's AUTH after EAP does not verify";
    }
    sa.state = Ikev2State::ESTABLISHED;
    sa.established = Simulator::Now();
    return TakeChild(in, sa, asked, child, keys);
}

} // namespace ns3
