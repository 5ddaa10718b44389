/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CRYPTO_RANDOM_H
#define CRYPTO_RANDOM_H

#include "ns3/object.h"
#include "ns3/random-variable-stream.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \brief Random bytes for IVs, nonces, SPIs, cookies and private values, drawn from an ns-3
 * random stream so that the same seed and run give the same bytes.
 *
 * This is a simulation: the bytes are reproducible, not secret.
 */
class CryptoRandom : public Object
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    CryptoRandom();

    /**
     * \param n how many bytes
     * \return n bytes
     */
    std::vector<uint8_t> GetBytes(uint32_t n);
    /// \return a uniformly drawn 32-bit value
    uint32_t GetU32();
    /**
     * \brief Fixes the stream (see RandomVariableStream::SetStream).
     * \param stream the first stream index to use
     * \return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

  private:
    void DoDispose() override;
    Ptr<UniformRandomVariable> m_rng; ///< the source of the bytes
};

} // namespace ns3

#endif // CRYPTO_RANDOM_H
