/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "ikev2-test-vectors.h"

#include "cxtp-test-hex.h"

#include <fstream>

namespace ns3
{

const Ikev2TestVectors&
Ikev2TestVectors::Instance()
{
    static const Ikev2TestVectors vectors(GetPath());
    return vectors;
}

std::string
Ikev2TestVectors::GetDirectory()
{
    return std::string(NS_TEST_SOURCEDIR) + "/vectors";
}

std::string
Ikev2TestVectors::GetPath()
{
    return GetDirectory() + "/ikev2-keys-vectors.txt";
}

Ikev2TestVectors
Ikev2TestVectors::ReadFile(const std::string& fileName)
{
    return Ikev2TestVectors(GetDirectory() + "/" + fileName);
}

Ikev2TestVectors::Ikev2TestVectors(const std::string& path)
{
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line))
    {
        size_t eq = line.find(" = ");
        if (line.empty() || line[0] == '#' || eq == std::string::npos)
        {
            continue;
        }
        const std::string hex = line.substr(eq + 3);
        std::vector<uint8_t> bytes = CxtpTestFromHex(hex);
        m_vectors[line.substr(0, eq)] = bytes;
    }
}

bool
Ikev2TestVectors::Has(const std::string& name) const
{
    return m_vectors.count(name) != 0;
}

std::vector<uint8_t>
Ikev2TestVectors::Get(const std::string& name) const
{
    auto it = m_vectors.find(name);
    return it == m_vectors.end() ? std::vector<uint8_t>() : it->second;
}

uint64_t
Ikev2TestVectors::GetU64(const std::string& name) const
{
    uint64_t value = 0;
    for (uint8_t b : Get(name))
    {
        value = (value << 8) | b;
    }
    return value;
}

size_t
Ikev2TestVectors::GetSize() const
{
    return m_vectors.size();
}

} // namespace ns3
