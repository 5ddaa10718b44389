/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_TEST_VECTORS_H
#define IKEV2_TEST_VECTORS_H

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The IKEv2 key-derivation vectors computed independently by
 * test/vectors/ikev2_keys_vectors.py (Python standard library only) and committed as
 * test/vectors/ikev2-keys-vectors.txt: "name = hex" lines, inputs first, then results.
 *
 * ReadFile() reads another file of the same format under test/vectors (the Milenage and
 * EAP-AKA vectors).
 */
class Ikev2TestVectors
{
  public:
    /// \return the vectors, read once from the source tree (NS_TEST_SOURCEDIR)
    static const Ikev2TestVectors& Instance();
    /// \return the path of the file read
    static std::string GetPath();
    /**
     * \brief Reads another "name = hex" file of test/vectors.
     * \param fileName the file's name in test/vectors (e.g. "milenage-vectors.txt")
     * \return its vectors (none if the file is missing: check GetSize() in the test)
     */
    static Ikev2TestVectors ReadFile(const std::string& fileName);
    /// \return the directory of the vector files (NS_TEST_SOURCEDIR/vectors)
    static std::string GetDirectory();
    /**
     * \param name a vector's name
     * \return true if the file has it
     */
    bool Has(const std::string& name) const;
    /**
     * \param name a vector's name
     * \return its bytes (empty if absent: check Has() in the test)
     */
    std::vector<uint8_t> Get(const std::string& name) const;
    /**
     * \param name the name of an 8-octet vector
     * \return its value in network byte order (an IKE SPI)
     */
    uint64_t GetU64(const std::string& name) const;
    /// \return the number of vectors read (0 if the file is missing)
    size_t GetSize() const;

  private:
    /// \param path the file to read
    explicit Ikev2TestVectors(const std::string& path);
    std::map<std::string, std::vector<uint8_t>> m_vectors; ///< by name
};

} // namespace ns3

#endif // IKEV2_TEST_VECTORS_H
