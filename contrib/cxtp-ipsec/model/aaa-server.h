/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef AAA_SERVER_H
#define AAA_SERVER_H

#include "eap-server.h"
#include "radius-packet.h"

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ipv6-address.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{

class CryptoCostModel;
class CryptoRandom;
class EapSubscriberDatabase;
class IpsecWorkClock;
class Socket;

/**
 * \ingroup cxtp-ipsec
 * \brief The RADIUS server of an AAA node (RFC 2865, RFC 3579) with an EAP server behind it: the
 * authentication half of a FreeRADIUS with its eap module, for the gateways' RadiusClients.
 *
 * Listens on UDP Port (1812). Only Access-Requests from a known client (AddClient: its address
 * and shared secret) are taken; the others, malformed ones, and those whose Message-Authenticator
 * does not verify (RadiusAuthenticator::VerifyRequest; required with EAP-Message, RFC 3579 §3.2)
 * are silently discarded and counted by reason (GetDiscards(), Discard trace).
 *
 * EAP (RFC 3579 §2): an Access-Request without State starts a session: the subscriber database
 * is looked up and a new EapServer is started with the EAP-Response/Identity the request carries;
 * a request with State continues the session that State names (EapServer::Process). The answer:
 * - the next EAP Request: Access-Challenge with EAP-Message, State (16 random octets issued at
 *   the first Challenge, the session's key; RFC 2865 §5.24) and Message-Authenticator;
 * - EAP-Success: Access-Accept with EAP-Message, MS-MPPE-Recv-Key and MS-MPPE-Send-Key (RFC 2548
 *   §2.4.2-2.4.3; the MSK's first and second halves, RFC 5216 §2.3; none for a method without
 *   MSK, EAP-MD5), User-Name and Message-Authenticator;
 * - EAP-Failure: Access-Reject with EAP-Message, Reply-Message (the reason) and
 *   Message-Authenticator.
 * A State the server does not know (expired, or never issued) is answered with Access-Reject. An
 * Access-Request without EAP-Message is answered with Access-Reject (only EAP is served).
 *
 * Duplicates (RFC 5080 §2.2.2): the reply to each request is kept for ReplyCacheTimeout, keyed by
 * the client's address and port, the Identifier and the Request Authenticator; a retransmitted
 * request (the same octets) is answered from this cache and never reaches the EAP server twice.
 * A session that sees no request for SessionTimeout is forgotten.
 *
 * Costs on the node's IpsecWorkClock: aaa.radius_processing of the node's CryptoCostModel for
 * every datagram read (dropped or answered from the cache ones included), aaa.database_lookup
 * for each new session, and the crypto the step performed (the Message-Authenticator's HMAC-MD5,
 * the EAP method's), recorded on a CryptoWorkMeter; the reply leaves once that work is done. The
 * MD5 of the Response Authenticator and of the MPPE keys are plain hashes, not metered.
 */
class AaaServer : public Application
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    AaaServer();
    ~AaaServer() override;

    static constexpr uint16_t PORT = 1812; ///< RADIUS authentication (RFC 2865 §3)
    static constexpr const char* PROCESSING_KEY = "aaa.radius_processing"; ///< profile key
    static constexpr const char* LOOKUP_KEY = "aaa.database_lookup";       ///< profile key

    /**
     * \brief Accepts Access-Requests from a NAS (RFC 2865 §3: clients by source address).
     * \param client its address
     * \param secret the shared secret (not empty)
     */
    void AddClient(const Ipv6Address& client, const std::string& secret);
    /// \param database the subscribers (also the SubscriberDatabase attribute)
    void SetSubscriberDatabase(Ptr<EapSubscriberDatabase> database);
    /// \return the subscribers
    Ptr<EapSubscriberDatabase> GetSubscriberDatabase() const;
    /// \param config the EAP server's settings (EAP-TLS credentials)
    void SetEapServerConfig(const EapServerConfig& config);

    /// \return the datagrams dropped, by reason
    const std::map<std::string, uint64_t>& GetDiscards() const;
    /// \return the EAP sessions open
    size_t GetSessionCount() const;
    /// \return the Access-Requests whose EAP-Message went to an EAP server
    uint64_t GetRequestsProcessed() const;
    /// \return the retransmitted Access-Requests answered from the cache
    uint64_t GetCacheAnswers() const;
    /**
     * \brief Fixes the random stream of the server (State, MPPE salts, the EAP methods' RAND
     * and challenges).
     * \param stream the first stream index
     * \return the streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * \brief Signature of the Tx and Rx traces: a RADIUS packet sent or received.
     * \param code its Code (the first octet of a received one)
     * \param identifier its Identifier
     * \param size its octets (the UDP payload)
     */
    typedef void (*PacketTracedCallback)(RadiusCode code, uint8_t identifier, uint32_t size);
    /**
     * \brief Signature of the Accept trace.
     * \param identity the subscriber authenticated
     */
    typedef void (*AcceptTracedCallback)(const std::string& identity);
    /**
     * \brief Signature of the Reject trace.
     * \param identity the identity refused (the User-Name when no session knows it)
     * \param reason why
     */
    typedef void (*RejectTracedCallback)(const std::string& identity, const std::string& reason);
    /**
     * \brief Signature of the Session trace.
     * \param identity the session's identity
     * \param event "opened", "accepted", "rejected" or "expired"
     */
    typedef void (*SessionTracedCallback)(const std::string& identity, const std::string& event);
    /**
     * \brief Signature of the Discard trace.
     * \param from the source of the dropped datagram
     * \param reason the reason, the key of GetDiscards()
     * \param detail what exactly was wrong
     */
    typedef void (*DiscardTracedCallback)(const Ipv6Address& from,
                                          const std::string& reason,
                                          const std::string& detail);
    /**
     * \brief Signature of the CacheAnswer trace: a retransmitted request met its cached reply.
     * \param from the client
     * \param identifier the request's Identifier
     */
    typedef void (*CacheAnswerTracedCallback)(const Ipv6Address& from, uint8_t identifier);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /// One EAP conversation, keyed by the State issued for it.
    struct Session
    {
        std::unique_ptr<EapServer> server; ///< the conversation
        std::string identity;              ///< the peer's identity
        EventId expiry;                    ///< SessionTimeout after the last request
    };

    /// What identifies a request for duplicate detection (RFC 5080 §2.2.2).
    struct CacheKey
    {
        Ipv6Address address;                ///< client address
        uint16_t port{0};                   ///< client port
        uint8_t identifier{0};              ///< Identifier
        std::vector<uint8_t> authenticator; ///< Request Authenticator

        /// \param other another key \return the order of the map
        bool operator<(const CacheKey& other) const;
    };

    /// A request answered and its reply.
    struct CacheEntry
    {
        std::vector<uint8_t> request; ///< the request's octets
        std::vector<uint8_t> reply;   ///< the reply's octets
        Time leaves;                  ///< when the reply is sent
        EventId expiry;               ///< ReplyCacheTimeout after it was made
    };

    /// \param socket the socket with datagrams to read
    void HandleRead(Ptr<Socket> socket);
    /**
     * \brief Handles one datagram: drops it, answers it from the cache, or processes it.
     * \param from the client address
     * \param port the client port
     * \param bytes the UDP payload
     * \param [out] newSession whether a session was started (a database look-up)
     * \return the reply to send, empty if none
     */
    std::vector<uint8_t> Handle(const Ipv6Address& from,
                                uint16_t port,
                                const std::vector<uint8_t>& bytes,
                                bool& newSession);
    /**
     * \brief Runs the EAP server for a verified Access-Request and builds the reply.
     * \param from the client
     * \param request the request
     * \param secret the client's secret
     * \param [out] newSession whether a session was started
     * \return the reply, signed; empty if the request is dropped (an unusable EAP-Message)
     */
    std::vector<uint8_t> Respond(const Ipv6Address& from,
                                 const RadiusPacket& request,
                                 const std::vector<uint8_t>& secret,
                                 bool& newSession);
    /**
     * \param request the request answered
     * \param code the reply's Code
     * \param eap the EAP packet it carries (none if its code is REQUEST and type NONE)
     * \return the reply with EAP-Message and a zero Message-Authenticator last
     */
    static RadiusPacket MakeReply(const RadiusPacket& request,
                                  RadiusCode code,
                                  const EapPacket* eap);
    /// \return 16 random octets that name no session
    std::vector<uint8_t> NewState();
    /**
     * \brief Ends a session.
     * \param state its State
     * \param event the Session trace's event
     */
    void EndSession(const std::vector<uint8_t>& state, const std::string& event);
    /**
     * \param to the client address
     * \param port the client port
     * \param reply the octets
     */
    void Transmit(const Ipv6Address& to, uint16_t port, const std::vector<uint8_t>& reply);
    /**
     * \brief Counts and traces a dropped datagram.
     * \param from its source
     * \param reason the reason (the key of GetDiscards())
     * \param detail what exactly was wrong
     */
    void Discard(const Ipv6Address& from, const std::string& reason, const std::string& detail);

    uint16_t m_port;          ///< Port attribute
    Time m_sessionTimeout;    ///< SessionTimeout attribute
    Time m_replyCacheTimeout; ///< ReplyCacheTimeout attribute

    Ptr<EapSubscriberDatabase> m_database;                 ///< the subscribers
    EapServerConfig m_config;                              ///< the EAP server's settings
    std::map<Ipv6Address, std::vector<uint8_t>> m_clients; ///< secret by client address
    Ptr<Socket> m_socket;                                  ///< UDP Port
    Ptr<CryptoRandom> m_rng;                               ///< State, salts, EAP randomness
    Ptr<CryptoCostModel> m_cost;                           ///< the node's profile
    Ptr<IpsecWorkClock> m_clock;                           ///< the node's processor
    std::map<std::vector<uint8_t>, Session> m_sessions;    ///< by State
    std::map<CacheKey, CacheEntry> m_cache;                ///< replies by request
    std::map<std::string, uint64_t> m_discards;            ///< dropped datagrams by reason
    uint64_t m_requestsProcessed{0};                       ///< requests given to an EAP server
    uint64_t m_cacheAnswers{0};                            ///< retransmissions met in the cache

    TracedCallback<RadiusCode, uint8_t, uint32_t> m_txTrace;               ///< Tx trace source
    TracedCallback<RadiusCode, uint8_t, uint32_t> m_rxTrace;               ///< Rx trace source
    TracedCallback<const std::string&> m_acceptTrace;                      ///< Accept trace source
    TracedCallback<const std::string&, const std::string&> m_rejectTrace;  ///< Reject trace
    TracedCallback<const std::string&, const std::string&> m_sessionTrace; ///< Session trace
    TracedCallback<const Ipv6Address&, const std::string&, const std::string&>
        m_discardTrace;                                             ///< Discard trace source
    TracedCallback<const Ipv6Address&, uint8_t> m_cacheAnswerTrace; ///< CacheAnswer trace
};

} // namespace ns3

#endif // AAA_SERVER_H
