/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "eap-radius-test-vectors.h"

#include "cxtp-test-hex.h"

#include <fstream>
#include <map>

namespace ns3
{

std::string
EapRadiusTestVectorPath()
{
    return std::string(NS_TEST_SOURCEDIR) + "/vectors/radius-vectors.txt";
}

std::vector<uint8_t>
EapRadiusTestVector(const std::string& name)
{
    static const std::map<std::string, std::vector<uint8_t>> vectors = [] {
        std::map<std::string, std::vector<uint8_t>> m;
        std::ifstream in(EapRadiusTestVectorPath());
        std::string line;
        while (std::getline(in, line))
        {
            const size_t eq = line.find(" = ");
            if (line.empty() || line[0] == '#' || eq == std::string::npos)
            {
                continue;
            }
            m[line.substr(0, eq)] = CxtpTestFromHex(line.substr(eq + 3));
        }
        return m;
    }();
    auto it = vectors.find(name);
    return it == vectors.end() ? std::vector<uint8_t>() : it->second;
}

} // namespace ns3
