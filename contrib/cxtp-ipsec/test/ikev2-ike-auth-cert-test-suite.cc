/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Ikev2IkeAuthExchange with RSA signatures and X.509 certificates (RFC 7296 §2.15, §3.6, §3.7;
// RFC 7427), after a real IKE_SA_INIT with every message through the codec and the SK payload:
// both ends authenticated with chains of depth 1 and 2, methods 1 and 14, RSA-2048 and
// RSA-3072; unknown CAs, a missing intermediate, expiry, an ID the certificate does not name
// and tampered AUTHs refused; mixed PSK and certificate ends; message sizes; the CERT and
// CERTREQ payloads; the credentials, the PAD entry and the node's credential store. Every key
// and certificate is made at run time (CryptoCertificateAuthority).

#include "cxtp-test-isolation.h"
#include "ikev2-test-ike-pair.h"

#include "ns3/crypto-certificate-authority.h"
#include "ns3/crypto-mac.h"
#include "ns3/crypto-x509.h"
#include "ns3/ikev2-codec.h"
#include "ns3/ikev2-credentials.h"
#include "ns3/ikev2-payload-codec.h"
#include "ns3/ipsec-credential-store.h"
#include "ns3/ipsec-pad-entry.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/test.h"

#include <memory>
#include <string>
#include <vector>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("Ikev2IkeAuthCertTestSuite");

namespace
{

/// A byte string.
using Bytes = std::vector<uint8_t>;
/// The harness.
using AuthRun = Ikev2TestIkePair;
/// The run-time PKI.
using Ca = CryptoCertificateAuthority;

const Bytes PSK(32, 0x42); ///< a shared key for the mixed cases

/// The PKIs of the suite, made once (key generation is the slow part).
struct Pkis
{
    Ca ca{"cxtp root CA", 2048};                              ///< the operator's root
    uint32_t mnCa{ca.AddIntermediate("cxtp mobile-node CA")}; ///< an intermediate below it
    Ca::Issued mn1{ca.IssueEndEntity("mn.example", Ca::ROOT, {"mn.example"}, {AuthRun::MN})};
    Ca::Issued mn2{ca.IssueEndEntity("mn.example", mnCa, {"mn.example"}, {AuthRun::MN})};
    Ca::Issued gw{ca.IssueEndEntity("gw.example", Ca::ROOT, {"gw.example"}, {AuthRun::GATEWAY})};
    /// Another root of the same name, whose key nobody trusts.
    Ca rogue{"cxtp root CA", 2048, "rogue"};
    Ca::Issued rogueMn{rogue.IssueEndEntity("mn.example", Ca::ROOT, {"mn.example"}, {AuthRun::MN})};
    Ca::Issued rogueGw{
        rogue.IssueEndEntity("gw.example", Ca::ROOT, {"gw.example"}, {AuthRun::GATEWAY})};

    /// \return the suite's PKIs
    static const Pkis& Get()
    {
        static const std::unique_ptr<Pkis> pkis = std::make_unique<Pkis>();
        return *pkis;
    }
};

/**
 * \param who an end entity
 * \param anchor the root it trusts for the peer
 * \param method the AUTH method it signs with
 * \return its credentials
 */
Ikev2Credentials
Cert(const Ca::Issued& who,
     const Bytes& anchor,
     Ikev2AuthMethod method = Ikev2AuthMethod::DIGITAL_SIGNATURE)
{
    return Ikev2Credentials::FromCertificate(who.chain, who.key.privateKeyDer, {anchor}, method);
}

/// \return the usual proposals (AES-CBC, so the SK payload is padded)
Ikev2Proposals
Cbc()
{
    return AuthRun::Proposals("aes128-sha256-modp2048", "aes128-sha256");
}

/// \return AES-GCM proposals: no padding, so sizes add up exactly
Ikev2Proposals
Gcm()
{
    return AuthRun::Proposals("aes128gcm16-prfsha256-modp2048", "aes128gcm16");
}

/**
 * \param m an opened message
 * \return the data of its CERT payloads, in order
 */
std::vector<Bytes>
CertsOf(const Ikev2Message& m)
{
    std::vector<Bytes> out;
    for (const Ikev2CertPayload* c : IkeFindAllPayloads<Ikev2CertPayload>(Ikev2GetInnerPayloads(m)))
    {
        out.push_back(c->data);
    }
    return out;
}

/**
 * \param types payload types
 * \return them as numbers separated by spaces
 */
std::string
Names(const std::vector<Ikev2PayloadType>& types)
{
    std::string out;
    for (Ikev2PayloadType t : types)
    {
        out += (out.empty() ? "" : " ") + std::to_string(static_cast<int>(t));
    }
    return out;
}

/**
 * \param m an opened message
 * \return the types of its inner payloads, as Names() writes them
 */
std::string
OrderOf(const Ikev2Message& m)
{
    std::vector<Ikev2PayloadType> types;
    for (const Ikev2Payload& p : Ikev2GetInnerPayloads(m))
    {
        types.push_back(GetIkev2PayloadType(p));
    }
    return Names(types);
}

/**
 * \param certificate a certificate
 * \return its subject as an ID_DER_ASN1_DN identity body
 */
Bytes
SubjectOf(const Bytes& certificate)
{
    Bytes subject;
    NS_ABORT_IF(!CryptoX509::GetSubject(certificate, subject));
    return subject;
}

/**
 * \param text a string
 * \return it as bytes
 */
Bytes
B(const std::string& text)
{
    return Bytes(text.begin(), text.end());
}

/**
 * \param text a string
 * \param prefix what it should start with
 * \return true if it does
 */
bool
StartsWith(const std::string& text, const std::string& prefix)
{
    return text.compare(0, prefix.size(), prefix) == 0;
}

} // namespace

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Certificates both ways: chains of depth 1 and 2, AUTH methods 1 and 14, with the
 * payloads, identities and CHILD_SA keys that result.
 */
class Ikev2CertAuthTestCase : public TestCase
{
  public:
    Ikev2CertAuthTestCase()
        : TestCase(
              "certificates both ways: depth 1 and 2, methods 1 and 14, CERT, CERTREQ, ID, AUTH")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        const Pkis& k = Pkis::Get();
        const Bytes& root = k.ca.GetRootCertificate();
        Bytes rootKey;
        NS_TEST_ASSERT_MSG_EQ(CryptoX509::GetPublicKey(root, rootKey), true, "root key");
        const Bytes rootHash = CryptoMac::Digest(CryptoHash::SHA1, rootKey);
        using T = Ikev2PayloadType;
        for (Ikev2AuthMethod method :
             {Ikev2AuthMethod::RSA_DIGITAL_SIGNATURE, Ikev2AuthMethod::DIGITAL_SIGNATURE})
        {
            for (const Ca::Issued* mnId : {&k.mn1, &k.mn2})
            {
                const std::string what = "method " + std::to_string(static_cast<int>(method)) +
                                         ", depth " + std::to_string(mnId->chain.size()) + ": ";
                AuthRun r;
                r.Auth(Cbc(),
                       Cbc(),
                       Cert(*mnId, root, method),
                       Cert(k.gw, root, method),
                       AuthRun::MnPrefix());
                NS_TEST_EXPECT_MSG_EQ(r.gatewaySays, "", what + "the gateway accepts the MN");
                NS_TEST_EXPECT_MSG_EQ(r.mnSays, "", what + "the MN accepts the gateway");
                NS_TEST_EXPECT_MSG_EQ((r.mn.state == Ikev2State::ESTABLISHED &&
                                       r.gw.state == Ikev2State::ESTABLISHED),
                                      true,
                                      what + "established at both ends");
                NS_TEST_EXPECT_MSG_EQ((r.mnKeys.encryptionIr == r.gwKeys.encryptionIr &&
                                       r.mnKeys.integrityRi == r.gwKeys.integrityRi &&
                                       !r.mnKeys.encryptionIr.empty()),
                                      true,
                                      what + "the same ESP keys");
                // IDs are the subject DNs of the certificates (ID_DER_ASN1_DN, as charon).
                NS_TEST_EXPECT_MSG_EQ((r.gw.peerId.idType == Ikev2IdType::ID_DER_ASN1_DN &&
                                       r.gw.peerId.data == SubjectOf(mnId->chain[0])),
                                      true,
                                      what + "the gateway knows the MN by its DN");
                NS_TEST_EXPECT_MSG_EQ((r.mn.peerId.idType == Ikev2IdType::ID_DER_ASN1_DN &&
                                       r.mn.peerId.data == SubjectOf(k.gw.chain[0])),
                                      true,
                                      what + "the MN knows the gateway by its DN");
                NS_TEST_EXPECT_MSG_EQ((r.mn.authMethod == method && r.gw.authMethod == method),
                                      true,
                                      what + "the SAs record the method");
                // The request: the chain as sent, end entity first; a CERTREQ naming the root.
                NS_TEST_EXPECT_MSG_EQ((CertsOf(r.request) == mnId->chain),
                                      true,
                                      what + "the MN's chain, end entity first");
                NS_TEST_EXPECT_MSG_EQ((CertsOf(r.response) == k.gw.chain),
                                      true,
                                      what + "the gateway's certificate");
                std::vector<T> order = {T::IDI};
                order.insert(order.end(), mnId->chain.size(), T::CERT);
                order.insert(order.end(), {T::CERTREQ, T::AUTH, T::NOTIFY, T::SA, T::TSI, T::TSR});
                NS_TEST_EXPECT_MSG_EQ(OrderOf(r.request), Names(order), what + "request order");
                NS_TEST_EXPECT_MSG_EQ(OrderOf(r.response),
                                      Names({T::IDR, T::CERT, T::AUTH, T::SA, T::TSI, T::TSR}),
                                      what + "response order, no CERTREQ");
                const auto* certReq =
                    IkeFindPayload<Ikev2CertReqPayload>(Ikev2GetInnerPayloads(r.request));
                NS_TEST_ASSERT_MSG_NE(certReq, nullptr, what + "CERTREQ");
                NS_TEST_EXPECT_MSG_EQ((certReq->encoding == Ikev2CertEncoding::X509_SIGNATURE &&
                                       Ikev2PayloadCodec::SplitCaKeyHashes(certReq->data) ==
                                           std::vector<Bytes>{rootHash}),
                                      true,
                                      what + "CERTREQ: SHA-1 of the root's public key");
                const auto* auth =
                    IkeFindPayload<Ikev2AuthPayload>(Ikev2GetInnerPayloads(r.request));
                NS_TEST_ASSERT_MSG_NE(auth, nullptr, what + "AUTH");
                NS_TEST_EXPECT_MSG_EQ((auth->method == method), true, what + "AUTH method");
                const size_t modulus = k.ca.GetKeyBits() / 8;
                const size_t prefix =
                    method == Ikev2AuthMethod::DIGITAL_SIGNATURE ? 1 + auth->data[0] : 0;
                NS_TEST_EXPECT_MSG_EQ(auth->data.size(),
                                      prefix + modulus,
                                      what + "AUTH: [length, AlgorithmIdentifier,] signature");
            }
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Message sizes: a chain of depth 2 makes the request longer than depth 1 by the
 * intermediate's CERT payload; certificates make both messages longer than the PSK's.
 */
class Ikev2CertSizeTestCase : public TestCase
{
  public:
    Ikev2CertSizeTestCase()
        : TestCase("sizes: depth 2 adds the intermediate's CERT; certificates outweigh the PSK")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        const Pkis& k = Pkis::Get();
        const Bytes& root = k.ca.GetRootCertificate();
        const Bytes& intermediate = k.mn2.chain.at(1);
        for (bool gcm : {false, true})
        {
            const Ikev2Proposals p = gcm ? Gcm() : Cbc();
            const std::string what = gcm ? "AES-GCM: " : "AES-CBC: ";
            AuthRun psk;
            psk.Auth(p, p, PSK, PSK, AuthRun::MnPrefix());
            AuthRun depth1;
            depth1.Auth(p, p, Cert(k.mn1, root), Cert(k.gw, root), AuthRun::MnPrefix());
            AuthRun depth2;
            depth2.Auth(p, p, Cert(k.mn2, root), Cert(k.gw, root), AuthRun::MnPrefix());
            NS_TEST_ASSERT_MSG_EQ(psk.mnSays + depth1.mnSays + depth2.mnSays, "", what);
            NS_LOG_INFO(what << "IKE_AUTH request/response octets (RSA-" << k.ca.GetKeyBits()
                             << ", method 14): PSK " << psk.requestWire.size() << "/"
                             << psk.responseWire.size() << ", depth 1 " << depth1.requestWire.size()
                             << "/" << depth1.responseWire.size() << ", depth 2 "
                             << depth2.requestWire.size() << "/" << depth2.responseWire.size());
            NS_TEST_EXPECT_MSG_GT_OR_EQ(depth2.requestWire.size(),
                                        depth1.requestWire.size() + intermediate.size(),
                                        what + "depth 2 carries the intermediate certificate");
            NS_TEST_EXPECT_MSG_GT(depth1.requestWire.size(),
                                  psk.requestWire.size() + k.mn1.chain[0].size(),
                                  what + "the request carries the MN's certificate");
            NS_TEST_EXPECT_MSG_GT(depth1.responseWire.size(),
                                  psk.responseWire.size() + k.gw.chain[0].size(),
                                  what + "the response carries the gateway's certificate");
            NS_TEST_EXPECT_MSG_EQ(depth2.responseWire.size(),
                                  depth1.responseWire.size(),
                                  what + "the MN's depth does not change the response");
            if (gcm)
            {
                // No padding: the difference is exactly the intermediate's CERT payload (generic
                // header 4, encoding 1, RFC 7296 §3.6) and the end entities' size difference.
                const size_t certPayloadHeader = 5;
                NS_TEST_EXPECT_MSG_EQ(depth2.requestWire.size() + k.mn1.chain[0].size(),
                                      depth1.requestWire.size() + k.mn2.chain[0].size() +
                                          certPayloadHeader + intermediate.size(),
                                      what + "exactly one more CERT payload");
            }
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief RSA-3072 keys: both methods authenticate, and the signatures are 384 octets.
 */
class Ikev2CertRsa3072TestCase : public TestCase
{
  public:
    Ikev2CertRsa3072TestCase()
        : TestCase("RSA-3072 certificates: methods 1 and 14, 384-octet signatures")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        Ca ca("cxtp root CA 3072", 3072);
        const Ca::Issued mn = ca.IssueEndEntity("mn.example");
        const Ca::Issued gw = ca.IssueEndEntity("gw.example");
        const Bytes& root = ca.GetRootCertificate();
        for (Ikev2AuthMethod method :
             {Ikev2AuthMethod::RSA_DIGITAL_SIGNATURE, Ikev2AuthMethod::DIGITAL_SIGNATURE})
        {
            const std::string what = "method " + std::to_string(static_cast<int>(method)) + ": ";
            AuthRun r;
            r.Auth(Cbc(),
                   Cbc(),
                   Cert(mn, root, method),
                   Cert(gw, root, method),
                   AuthRun::MnPrefix());
            NS_TEST_EXPECT_MSG_EQ(r.gatewaySays, "", what + "the gateway accepts the MN");
            NS_TEST_EXPECT_MSG_EQ(r.mnSays, "", what + "the MN accepts the gateway");
            const auto* auth = IkeFindPayload<Ikev2AuthPayload>(Ikev2GetInnerPayloads(r.response));
            NS_TEST_ASSERT_MSG_NE(auth, nullptr, what + "AUTH");
            const size_t prefix =
                method == Ikev2AuthMethod::DIGITAL_SIGNATURE ? 1 + auth->data[0] : 0;
            NS_TEST_EXPECT_MSG_EQ(auth->data.size(),
                                  prefix + ca.GetKeyBits() / 8,
                                  what + "a 3072-bit signature");
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Every way a certificate AUTH fails, at the responder and at the initiator, and the
 * controls that pass beside them; a PSK end and a certificate end together.
 */
class Ikev2CertFailureTestCase : public TestCase
{
  public:
    Ikev2CertFailureTestCase()
        : TestCase("unknown CA, missing intermediate, expiry, wrong ID, tampered AUTH; mixed ends")
    {
    }

  private:
    /**
     * \brief Checks a run the gateway refused.
     * \param r the run
     * \param why what the gateway must say after "AUTHENTICATION_FAILED: "
     * \param what the case
     */
    void ExpectGatewayRefuses(const AuthRun& r, const std::string& why, const std::string& what)
    {
        NS_TEST_EXPECT_MSG_EQ(StartsWith(r.gatewaySays, "AUTHENTICATION_FAILED: " + why),
                              true,
                              what << ": the gateway said '" << r.gatewaySays << "'");
        NS_TEST_EXPECT_MSG_EQ(r.mnSays, "IKE_AUTH refused, notify 24", what + ": the MN hears it");
        NS_TEST_EXPECT_MSG_EQ(
            (r.gw.state == Ikev2State::FAILED && r.mn.state == Ikev2State::FAILED),
            true,
            what + ": no IKE SA");
    }

    /**
     * \brief Checks a run the MN refused after the gateway accepted it.
     * \param r the run
     * \param why what the MN must say after "AUTHENTICATION_FAILED: "
     * \param what the case
     */
    void ExpectMnRefuses(const AuthRun& r, const std::string& why, const std::string& what)
    {
        NS_TEST_EXPECT_MSG_EQ(r.gatewaySays, "", what + ": the gateway accepts the MN");
        NS_TEST_EXPECT_MSG_EQ(StartsWith(r.mnSays, "AUTHENTICATION_FAILED: " + why),
                              true,
                              what << ": the MN said '" << r.mnSays << "'");
        NS_TEST_EXPECT_MSG_EQ((r.mn.state == Ikev2State::FAILED), true, what + ": no IKE SA");
        // Its AUTHENTICATION_FAILED INFORMATIONAL follows IKE_AUTH (message ID 1): ID 2.
        NS_TEST_EXPECT_MSG_EQ(r.mn.nextRequestId, 2, what + ": the next request's message ID");
    }

    void DoRun() override
    {
        CxtpTestIsolation isolation;
        const Pkis& k = Pkis::Get();
        const Bytes& root = k.ca.GetRootCertificate();
        const Ikev2Credentials gw = Cert(k.gw, root);
        {
            AuthRun r;
            r.Auth(Cbc(), Cbc(), Cert(k.rogueMn, root), gw, AuthRun::MnPrefix());
            ExpectGatewayRefuses(r, "certificate not trusted", "the MN's CA is unknown");
        }
        {
            AuthRun r;
            r.Auth(Cbc(), Cbc(), Cert(k.mn1, root), Cert(k.rogueGw, root), AuthRun::MnPrefix());
            ExpectMnRefuses(r, "certificate not trusted", "the gateway's CA is unknown");
        }
        {
            AuthRun r;
            Ikev2Credentials mn = Cert(k.mn2, root);
            mn.certificateChain.resize(1); // the intermediate is not sent
            r.Auth(Cbc(), Cbc(), mn, gw, AuthRun::MnPrefix());
            ExpectGatewayRefuses(r, "certificate not trusted", "no intermediate");
        }
        {
            AuthRun r;
            Ikev2Credentials late = gw;
            late.clockAtStart = Ca::NOT_AFTER + 86400;
            r.Auth(Cbc(), Cbc(), Cert(k.mn1, root), late, AuthRun::MnPrefix());
            ExpectGatewayRefuses(r, "certificate not trusted", "expired at the gateway's clock");
        }
        // IDs other than the DN must be subjectAltNames of the certificate (RFC 4945 §3.1).
        for (Ikev2IdType type : {Ikev2IdType::ID_IPV6_ADDR, Ikev2IdType::ID_FQDN})
        {
            const bool fqdn = type == Ikev2IdType::ID_FQDN;
            const std::string what = fqdn ? "ID_FQDN" : "ID_IPV6_ADDR";
            Ikev2Credentials mn = Cert(k.mn2, root);
            mn.idType = type;
            Ikev2IdPayload named;
            named.idType = type;
            named.data = fqdn ? B("mn.example") : AuthRun::Id(AuthRun::MN).data;
            Ikev2IdPayload other;
            other.idType = type;
            other.data = fqdn ? B("gw.example") : AuthRun::Id(AuthRun::GATEWAY).data;
            AuthRun good;
            good.mnId = named;
            good.Auth(Cbc(), Cbc(), mn, gw, AuthRun::MnPrefix());
            NS_TEST_EXPECT_MSG_EQ(good.gatewaySays, "", what + " named in the certificate");
            NS_TEST_EXPECT_MSG_EQ(
                (good.gw.peerId.idType == type && good.gw.peerId.data == named.data),
                true,
                what + " is the MN's identity at the gateway");
            AuthRun bad;
            bad.mnId = other;
            bad.Auth(Cbc(), Cbc(), mn, gw, AuthRun::MnPrefix());
            ExpectGatewayRefuses(bad,
                                 "the ID does not match the certificate",
                                 what + " not in the MN's certificate");
            Ikev2Credentials gwNamed = gw;
            gwNamed.idType = type;
            AuthRun badR;
            badR.gwId = named; // the MN's name, not the gateway's
            badR.Auth(Cbc(), Cbc(), Cert(k.mn1, root), gwNamed, AuthRun::MnPrefix());
            ExpectMnRefuses(badR,
                            "the ID does not match the certificate",
                            what + " not in the gateway's certificate");
        }
        for (Ikev2AuthMethod method :
             {Ikev2AuthMethod::RSA_DIGITAL_SIGNATURE, Ikev2AuthMethod::DIGITAL_SIGNATURE})
        {
            const std::string what = "method " + std::to_string(static_cast<int>(method));
            AuthRun r;
            r.tamperRequestAuth = true;
            r.Auth(Cbc(),
                   Cbc(),
                   Cert(k.mn1, root, method),
                   Cert(k.gw, root, method),
                   AuthRun::MnPrefix());
            ExpectGatewayRefuses(r,
                                 "the AUTH signature does not verify",
                                 what + ", the MN's AUTH tampered");
            AuthRun s;
            s.tamperAuth = true;
            s.Auth(Cbc(),
                   Cbc(),
                   Cert(k.mn1, root, method),
                   Cert(k.gw, root, method),
                   AuthRun::MnPrefix());
            ExpectMnRefuses(s,
                            "the AUTH signature does not verify",
                            what + ", the gateway's AUTH tampered");
        }
        {
            AuthRun r;
            r.Auth(Cbc(),
                   Cbc(),
                   Cert(k.mn1, root),
                   Ikev2Credentials::FromPsk(PSK),
                   AuthRun::MnPrefix());
            ExpectGatewayRefuses(r,
                                 "no trust anchor to check a certificate against",
                                 "a PSK-only gateway");
        }
        {
            // A certificate gateway without a PSK refuses a shared-key AUTH (an empty key would
            // let anyone compute it).
            AuthRun r;
            r.Auth(Cbc(), Cbc(), Ikev2Credentials::FromPsk(PSK), gw, AuthRun::MnPrefix());
            NS_TEST_EXPECT_MSG_EQ(r.gatewaySays, "AUTHENTICATION_FAILED", "a PSK MN, no PSK here");
        }
        {
            // Mixed ends (RFC 7296 §2.15): the MN proves the PSK, the gateway its certificate.
            Ikev2Credentials mn = Ikev2Credentials::FromPsk(PSK);
            mn.trustAnchors = {root};
            Ikev2Credentials both = gw;
            both.psk = PSK;
            AuthRun r;
            r.Auth(Cbc(), Cbc(), mn, both, AuthRun::MnPrefix());
            NS_TEST_EXPECT_MSG_EQ(r.gatewaySays, "", "the gateway takes the MN's PSK");
            NS_TEST_EXPECT_MSG_EQ(r.mnSays, "", "the MN takes the gateway's certificate");
            NS_TEST_EXPECT_MSG_EQ(CertsOf(r.request).size(), 0, "the PSK end sends no CERT");
            NS_TEST_EXPECT_MSG_EQ(CertsOf(r.response).size(), 1, "the gateway sends its own");
        }
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief CERT and CERTREQ payloads through the codec (RFC 7296 §3.6, §3.7): round trips, a
 * truncated CERT, a CERTREQ that is not a list of SHA-1 hashes.
 */
class Ikev2CertPayloadTestCase : public TestCase
{
  public:
    Ikev2CertPayloadTestCase()
        : TestCase("CERT and CERTREQ round trips; a truncated CERT and a bad CERTREQ are refused")
    {
    }

  private:
    void DoRun() override
    {
        const Pkis& k = Pkis::Get();
        const Bytes& cert = k.mn2.chain[0];
        Bytes key1;
        Bytes key2;
        NS_TEST_ASSERT_MSG_EQ((CryptoX509::GetPublicKey(k.ca.GetRootCertificate(), key1) &&
                               CryptoX509::GetPublicKey(k.rogue.GetRootCertificate(), key2)),
                              true,
                              "root keys");
        const std::vector<Bytes> hashes = {CryptoMac::Digest(CryptoHash::SHA1, key1),
                                           CryptoMac::Digest(CryptoHash::SHA1, key2)};
        const Bytes caField = Ikev2PayloadCodec::JoinCaKeyHashes(hashes);
        NS_TEST_EXPECT_MSG_EQ(caField.size(),
                              2 * Ikev2PayloadCodec::CA_KEY_HASH_SIZE,
                              "two hashes, concatenated");
        NS_TEST_EXPECT_MSG_EQ((Ikev2PayloadCodec::SplitCaKeyHashes(caField) == hashes),
                              true,
                              "split gives them back");

        const std::vector<Ikev2Payload> payloads = {
            Ikev2CertPayload{Ikev2CertEncoding::X509_SIGNATURE, cert},
            Ikev2CertPayload{Ikev2CertEncoding::X509_SIGNATURE, k.mn2.chain[1]},
            Ikev2CertReqPayload{Ikev2CertEncoding::X509_SIGNATURE, caField}};
        const Bytes wire = Ikev2Codec::EncodePayloads(payloads, Ikev2PayloadType::NONE);
        NS_TEST_EXPECT_MSG_EQ(wire.size(),
                              Ikev2Codec::GetPayloadsSize(payloads),
                              "the size as computed");
        NS_TEST_EXPECT_MSG_EQ(wire.size(),
                              3 * 5 + cert.size() + k.mn2.chain[1].size() + caField.size(),
                              "generic header 4 and encoding 1 per payload, then the data");
        std::vector<Ikev2Payload> back;
        Ikev2DecodeResult result =
            Ikev2Codec::DecodePayloads(wire.data(), wire.size(), Ikev2PayloadType::CERT, back);
        NS_TEST_ASSERT_MSG_EQ(result.IsOk(), true, result.reason);
        NS_TEST_ASSERT_MSG_EQ(back.size(), 3, "three payloads");
        const auto* c = std::get_if<Ikev2CertPayload>(&back[0]);
        const auto* r = std::get_if<Ikev2CertReqPayload>(&back[2]);
        NS_TEST_ASSERT_MSG_EQ((c && r), true, "CERT, CERT, CERTREQ");
        NS_TEST_EXPECT_MSG_EQ((c->encoding == Ikev2CertEncoding::X509_SIGNATURE && c->data == cert),
                              true,
                              "the certificate round-trips");
        NS_TEST_EXPECT_MSG_EQ((r->data == caField), true, "the CA hashes round-trip");

        // A chain cut inside the first CERT: its Payload Length runs past the octets.
        back.clear();
        result = Ikev2Codec::DecodePayloads(wire.data(), 100, Ikev2PayloadType::CERT, back);
        NS_TEST_EXPECT_MSG_EQ(result.IsOk(), false, "a cut CERT is refused");
        NS_TEST_EXPECT_MSG_EQ(result.reason.empty(), false, "with a reason");
        // A CERT body without even its Cert Encoding octet.
        back.clear();
        result = Ikev2PayloadCodec::ReadBody(Ikev2PayloadType::CERT, {}, 0, false, back);
        NS_TEST_EXPECT_MSG_EQ((result.error == Ikev2DecodeError::TRUNCATED), true, result.reason);
        NS_TEST_EXPECT_MSG_EQ((result.reason.find("CERT") != std::string::npos),
                              true,
                              "the reason names the payload: " << result.reason);
        // A CERTREQ of X.509 CAs must list whole SHA-1 hashes.
        Bytes odd(caField.begin(), caField.end() - 1);
        odd.insert(odd.begin(), static_cast<uint8_t>(Ikev2CertEncoding::X509_SIGNATURE));
        back.clear();
        result = Ikev2PayloadCodec::ReadBody(Ikev2PayloadType::CERTREQ, odd, 0, false, back);
        NS_TEST_EXPECT_MSG_EQ((result.error == Ikev2DecodeError::BAD_LENGTH), true, result.reason);
        odd.push_back(caField.back());
        back.clear();
        result = Ikev2PayloadCodec::ReadBody(Ikev2PayloadType::CERTREQ, odd, 0, false, back);
        NS_TEST_EXPECT_MSG_EQ(result.IsOk(), true, "whole hashes: " << result.reason);
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Ikev2Credentials::Validate and FromPadEntry, the PAD entry's trust anchors and the
 * node's IpsecCredentialStore.
 */
class Ikev2CertCredentialsTestCase : public TestCase
{
  public:
    Ikev2CertCredentialsTestCase()
        : TestCase("credentials: Validate, from a PAD entry and the node's credential store")
    {
    }

  private:
    void DoRun() override
    {
        CxtpTestIsolation isolation;
        const Pkis& k = Pkis::Get();
        const Bytes& root = k.ca.GetRootCertificate();
        const Ikev2Credentials good = Cert(k.mn2, root);
        NS_TEST_EXPECT_MSG_EQ(good.Validate(), "", "a chain, a key and an anchor");
        NS_TEST_EXPECT_MSG_EQ(good.IsSignatureMethod(), true, "method 14 signs");
        NS_TEST_EXPECT_MSG_EQ((good.method == Ikev2AuthMethod::DIGITAL_SIGNATURE &&
                               good.idType == Ikev2IdType::ID_DER_ASN1_DN && good.sendCertReq),
                              true,
                              "defaults: method 14, the DN as ID, CERTREQ sent");
        NS_TEST_EXPECT_MSG_EQ(Ikev2Credentials::FromPsk(PSK).Validate(), "", "a PSK");
        NS_TEST_EXPECT_MSG_EQ(Ikev2Credentials::FromPsk({}).Validate().empty(), false, "no PSK");
        Ikev2Credentials c = good;
        c.privateKey.clear();
        NS_TEST_EXPECT_MSG_EQ(c.Validate().empty(), false, "no private key");
        c = good;
        c.certificateChain.clear();
        NS_TEST_EXPECT_MSG_EQ(c.Validate().empty(), false, "no certificate");
        c = good;
        c.certificateChain[1].resize(10);
        NS_TEST_EXPECT_MSG_EQ(c.Validate().empty(), false, "a broken intermediate");
        c = good;
        c.trustAnchors.clear();
        NS_TEST_EXPECT_MSG_EQ(c.Validate().empty(), false, "nothing to check the peer with");
        c.psk = PSK;
        NS_TEST_EXPECT_MSG_EQ(c.Validate(), "", "the peer may prove the PSK instead");

        Ptr<Node> node = CreateObject<Node>();
        Ptr<IpsecCredentialStore> store = IpsecCredentialStore::Get(node);
        NS_TEST_EXPECT_MSG_EQ(store, IpsecCredentialStore::Get(node), "one store per node");
        NS_TEST_EXPECT_MSG_EQ(store->HasCertificate(), false, "empty at first");
        store->SetCertificate(k.mn2.chain, k.mn2.key.privateKeyDer);
        NS_TEST_EXPECT_MSG_EQ(store->HasCertificate(), true, "set");

        IpsecPadEntry entry;
        entry.ikeVersion = 2;
        entry.authMethod = IpsecAuthMethod::CERTIFICATE;
        entry.trustAnchors = {root};
        NS_TEST_EXPECT_MSG_EQ(entry.Validate(), "", "a certificate PAD entry");
        const Ikev2Credentials fromPad = Ikev2Credentials::FromPadEntry(entry, store);
        NS_TEST_EXPECT_MSG_EQ((fromPad.certificateChain == k.mn2.chain &&
                               fromPad.privateKey == k.mn2.key.privateKeyDer &&
                               fromPad.trustAnchors == entry.trustAnchors && fromPad.psk.empty() &&
                               fromPad.IsSignatureMethod()),
                              true,
                              "the node's chain and key, the entry's anchors");
        NS_TEST_EXPECT_MSG_EQ(fromPad.Validate(), "", "usable");
        AuthRun r;
        r.Auth(Cbc(), Cbc(), fromPad, Cert(k.gw, root), AuthRun::MnPrefix());
        NS_TEST_EXPECT_MSG_EQ(r.gatewaySays + r.mnSays, "", "they authenticate an IKE_AUTH");
        NS_TEST_EXPECT_MSG_EQ(Ikev2Credentials::FromPadEntry(entry, nullptr).Validate().empty(),
                              false,
                              "no store, no certificate");
        entry.authMethod = IpsecAuthMethod::PRE_SHARED_KEY;
        entry.preSharedKey = PSK;
        const Ikev2Credentials pskFromPad = Ikev2Credentials::FromPadEntry(entry, store);
        NS_TEST_EXPECT_MSG_EQ((pskFromPad.method == Ikev2AuthMethod::SHARED_KEY_MIC &&
                               pskFromPad.psk == PSK && pskFromPad.certificateChain.empty()),
                              true,
                              "a PSK entry gives the PSK");
    }
};

/**
 * \ingroup cxtp-ipsec-tests
 * \brief Suite of IKE_AUTH with certificates.
 */
class Ikev2IkeAuthCertTestSuite : public TestSuite
{
  public:
    Ikev2IkeAuthCertTestSuite()
        : TestSuite("cxtp-ipsec-ikev2-ike-auth-cert", UNIT)
    {
        AddTestCase(new Ikev2CertAuthTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2CertSizeTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2CertRsa3072TestCase, TestCase::QUICK);
        AddTestCase(new Ikev2CertFailureTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2CertPayloadTestCase, TestCase::QUICK);
        AddTestCase(new Ikev2CertCredentialsTestCase, TestCase::QUICK);
    }
};

/// Static instance.
static Ikev2IkeAuthCertTestSuite g_ikev2IkeAuthCertTestSuite;
