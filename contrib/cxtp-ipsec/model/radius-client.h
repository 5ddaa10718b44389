/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef RADIUS_CLIENT_H
#define RADIUS_CLIENT_H

#include "ikev2-eap-backend.h"
#include "ipsec-retransmission.h"
#include "radius-packet.h"

#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

class CryptoCostModel;
class CryptoRandom;
class IpsecWorkClock;
class Socket;

/**
 * \ingroup cxtp-ipsec
 * \brief The RADIUS client of a gateway (the NAS, RFC 2865) that relays an IKEv2 responder's EAP
 * conversations to an AAA server (RFC 3579), after strongSwan's eap-radius plugin (libradius
 * radius_client.c, radius_socket.c, eap_radius.c).
 *
 * Aggregated to the gateway node (AaaHelper::InstallClient); it opens a UDP socket on the node on
 * first use and speaks to ServerAddress:ServerPort with the shared Secret.
 *
 * Requests (RFC 2865 §4.1, RFC 3579 §3):
 * - Start() sends an Access-Request with User-Name (the identity), Service-Type Framed (2) and
 *   NAS-Port-Type Virtual (5) as charon does, Calling-Station-Id (the peer's address as text),
 *   NAS-Identifier, an EAP-Message holding the EAP-Response/Identity built from the identity
 *   (Identifier 0, as charon's add_eap_identity) and a Message-Authenticator (RFC 3579 §3.2);
 * - Continue() sends the peer's Response the same way, split over EAP-Message attributes of at
 *   most 253 octets (RFC 3579 §3.1), with the State of the last Access-Challenge echoed
 *   unchanged (RFC 2865 §5.24).
 * Each request has a random Request Authenticator (CryptoRandom, RFC 2865 §3) and an Identifier
 * distinct among the requests outstanding on the socket (at most 256; a further one waits for a
 * free Identifier). An unanswered request is sent again unchanged, same Identifier and Request
 * Authenticator (RFC 2865 §2.5), with charon's eap-radius back-off (RetransmitTimeout x
 * RetransmitBase^n, RetransmitTries transmissions in all) by IpsecRetransmission; after the last
 * one the session's callback gets TIMEOUT.
 *
 * Responses: the Response Authenticator and the Message-Authenticator are checked with
 * RadiusAuthenticator::VerifyResponse against the request they answer (found by Identifier).
 * Access-Challenge gives CHALLENGE with its EAP Request; Access-Accept gives ACCEPT with
 * EAP-Success (built if the server sent none or another EAP packet: the decision follows the
 * RADIUS Code, RFC 3579 §2.6.3) and the MSK = MS-MPPE-Recv-Key | MS-MPPE-Send-Key
 * (RFC 5216 §2.3: MSK(0,31) is the Recv-Key; charon's decrypt_msk), both decrypted per RFC 2548
 * §2.4.2-2.4.3 (empty without the keys, as for EAP-MD5); Access-Reject gives REJECT with
 * EAP-Failure and the Reply-Message text as reason.
 * Anything else is dropped and counted by reason (GetDiscards(), Discard trace), never an abort:
 * a packet from another source, a malformed packet, a Code a client does not take, a response
 * to no outstanding request, one that does not verify, and a verified response whose EAP-Message
 * or MPPE keys are unusable. The request stays outstanding: its retransmission may still get a
 * usable answer.
 *
 * Costs: building a request and reading a response each cost radius.packet_processing of the
 * node's CryptoCostModel plus the HMAC-MD5 of the Message-Authenticator, recorded on a
 * CryptoWorkMeter, booked on the node's IpsecWorkClock; a request leaves, and an answer reaches
 * its callback, once that work is done. A retransmission resends the octets already built and
 * costs nothing. The MD5 of the Response Authenticator and of the MPPE key chain are plain
 * hashes (CryptoMac::Digest, not metered), part of radius.packet_processing.
 */
class RadiusClient : public Ikev2EapBackend
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    RadiusClient();
    ~RadiusClient() override;

    static constexpr uint16_t PORT = 1812;               ///< RADIUS authentication (RFC 2865 §3)
    static constexpr uint32_t SERVICE_TYPE_FRAMED = 2;   ///< Service-Type Framed (§5.6)
    static constexpr uint32_t NAS_PORT_TYPE_VIRTUAL = 5; ///< NAS-Port-Type Virtual (§5.41)
    static constexpr const char* COST_KEY = "radius.packet_processing"; ///< profile key

    void Start(uint64_t session,
               const std::string& identity,
               const Ipv6Address& peer,
               AnswerCallback answer) override;
    void Continue(uint64_t session, const EapPacket& response) override;
    void Abort(uint64_t session) override;

    /// \return the retransmission policy of the attributes (RetransmitTries - 1 retransmissions)
    IpsecRetransmissionPolicy GetRetransmissionPolicy() const;
    /// \return the responses dropped, by reason
    const std::map<std::string, uint64_t>& GetDiscards() const;
    /// \return the retransmissions sent so far
    uint64_t GetRetransmissions() const;
    /// \return the sessions open (started, not yet answered with ACCEPT, REJECT or TIMEOUT)
    size_t GetSessionCount() const;
    /// \return the requests waiting for their answer
    size_t GetOutstandingCount() const;
    /**
     * \brief Fixes the random stream of the client's own CryptoRandom (Request Authenticators,
     * the first Identifier).
     * \param stream the first stream index
     * \return the streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * \brief Signature of the Tx and Rx traces: a RADIUS packet sent or received.
     * \param code its Code (the first octet, whatever it is, for a received one)
     * \param identifier its Identifier (0 if the packet is shorter)
     * \param size its octets (the UDP payload)
     */
    typedef void (*PacketTracedCallback)(RadiusCode code, uint8_t identifier, uint32_t size);
    /**
     * \brief Signature of the Discard trace.
     * \param from the source of the dropped packet
     * \param reason the reason, the key of GetDiscards()
     * \param detail what exactly was wrong
     */
    typedef void (*DiscardTracedCallback)(const Ipv6Address& from,
                                          const std::string& reason,
                                          const std::string& detail);
    /**
     * \brief Signature of the Retransmission trace.
     * \param session the session
     * \param identifier the RADIUS Identifier of the request sent again
     * \param retry its number (1 for the first retransmission)
     */
    typedef void (*RetransmissionTracedCallback)(uint64_t session,
                                                 uint8_t identifier,
                                                 uint32_t retry);
    /**
     * \brief Signature of the Answer trace: what a session's callback is given.
     * \param session the session
     * \param answer the answer
     */
    typedef void (*AnswerTracedCallback)(uint64_t session, const Answer& answer);

  protected:
    void DoDispose() override;

  private:
    /// One EAP conversation relayed to the server.
    struct Session
    {
        std::string identity;        ///< User-Name
        Ipv6Address peer;            ///< Calling-Station-Id
        AnswerCallback answer;       ///< the daemon's callback
        std::vector<uint8_t> state;  ///< State of the last Access-Challenge (empty: none)
        uint8_t eapIdentifier{0};    ///< Identifier of the last EAP Response relayed
        bool outstanding{false};     ///< a request waits for its answer
        bool waiting{false};         ///< a request waits for a free RADIUS Identifier
        EapPacket pending;           ///< the EAP Response of that waiting request
        uint8_t radiusIdentifier{0}; ///< Identifier of the outstanding request
        std::vector<uint8_t> requestAuthenticator; ///< its Request Authenticator
        uint64_t serial{0};                        ///< numbers the requests of the session
        IpsecRetransmission retransmission;        ///< the outstanding request's octets and timer
    };

    /// Opens the socket and finds the node's objects, once.
    void SetUp();
    /**
     * \brief Sends the session's next Access-Request carrying \p eap, or queues it while every
     * Identifier is taken.
     * \param key the session
     * \param eap the EAP Response to relay
     */
    void Request(uint64_t key, const EapPacket& eap);
    /**
     * \param s the session
     * \param eap the EAP Response
     * \param identifier the RADIUS Identifier
     * \param authenticator the Request Authenticator
     * \return the Access-Request (Message-Authenticator zeroed)
     */
    RadiusPacket BuildRequest(const Session& s,
                              const EapPacket& eap,
                              uint8_t identifier,
                              const std::vector<uint8_t>& authenticator) const;
    /**
     * \param key the session
     * \param serial the request of the session
     * \param bytes the octets: sent now if the session still waits for that request
     */
    void Transmit(uint64_t key, uint64_t serial, const std::vector<uint8_t>& bytes);
    /// \param key the session: retransmits its outstanding request
    void Resend(uint64_t key);
    /// \param key the session: its request got no answer after the last try
    void GiveUp(uint64_t key);
    /**
     * \brief Frees the session's RADIUS Identifier and stops its retransmission; the next
     * request waiting for an Identifier is sent.
     * \param s the session
     */
    void Release(Session& s);
    /// \return a free Identifier, or -1 if all 256 are taken
    int32_t AllocateIdentifier();
    /// Sends the requests waiting for an Identifier while there are free ones.
    void SendWaiting();
    /**
     * \brief Ends a session and gives its callback the answer.
     * \param key the session
     * \param answer the answer
     */
    void Finish(uint64_t key, const Answer& answer);
    /// \param socket the socket with packets to read
    void HandleRead(Ptr<Socket> socket);
    /**
     * \brief Handles a received datagram from the server.
     * \param bytes the UDP payload
     * \param [out] key the session answered
     * \param [out] answer its answer
     * \return true if it answers a session; false if dropped (already counted)
     */
    bool Process(const std::vector<uint8_t>& bytes, uint64_t& key, Answer& answer);
    /**
     * \brief Counts and traces a dropped response.
     * \param from its source
     * \param reason the reason (the key of GetDiscards())
     * \param detail what exactly was wrong
     */
    void Discard(const Ipv6Address& from, const std::string& reason, const std::string& detail);

    Ipv6Address m_serverAddress; ///< ServerAddress attribute
    uint16_t m_serverPort;       ///< ServerPort attribute
    std::string m_secret;        ///< Secret attribute
    std::string m_nasIdentifier; ///< NasIdentifier attribute
    Time m_retransmitTimeout;    ///< RetransmitTimeout attribute
    double m_retransmitBase;     ///< RetransmitBase attribute
    uint32_t m_retransmitTries;  ///< RetransmitTries attribute

    Ptr<Socket> m_socket;                       ///< to the server
    Ptr<CryptoRandom> m_rng;                    ///< Request Authenticators
    Ptr<CryptoCostModel> m_cost;                ///< the node's profile
    Ptr<IpsecWorkClock> m_clock;                ///< the node's processor
    std::map<uint64_t, Session> m_sessions;     ///< by session key
    std::map<uint8_t, uint64_t> m_outstanding;  ///< session by RADIUS Identifier
    std::deque<uint64_t> m_waiting;             ///< sessions waiting for an Identifier
    uint8_t m_nextIdentifier{0};                ///< where the search for a free one starts
    std::map<std::string, uint64_t> m_discards; ///< dropped responses by reason
    uint64_t m_retransmissions{0};              ///< retransmissions sent
    uint64_t m_serial{0};                       ///< requests built so far

    TracedCallback<RadiusCode, uint8_t, uint32_t> m_txTrace; ///< Tx trace source
    TracedCallback<RadiusCode, uint8_t, uint32_t> m_rxTrace; ///< Rx trace source
    TracedCallback<const Ipv6Address&, const std::string&, const std::string&>
        m_discardTrace;                                                ///< Discard trace source
    TracedCallback<uint64_t, uint8_t, uint32_t> m_retransmissionTrace; ///< Retransmission trace
    TracedCallback<uint64_t, const Answer&> m_answerTrace;             ///< Answer trace source
};

} // namespace ns3

#endif // RADIUS_CLIENT_H
