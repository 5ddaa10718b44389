/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "cxtp-test-hex.h"

#include <cctype>

namespace ns3
{

std::vector<uint8_t>
CxtpTestFromHex(const std::string& hex)
{
    std::vector<uint8_t> out;
    int high = -1;
    for (char c : hex)
    {
        const auto u = static_cast<unsigned char>(c);
        if (!std::isxdigit(u))
        {
            continue;
        }
        const int v = std::isdigit(u) ? c - '0' : std::tolower(u) - 'a' + 10;
        if (high < 0)
        {
            high = v;
        }
        else
        {
            out.push_back(static_cast<uint8_t>((high << 4) | v));
            high = -1;
        }
    }
    return out;
}

std::string
CxtpTestToHex(const std::vector<uint8_t>& bytes)
{
    static const char* digits = "0123456789abcdef";
    std::string s;
    for (uint8_t x : bytes)
    {
        s += digits[x >> 4];
        s += digits[x & 0xF];
    }
    return s;
}

} // namespace ns3
