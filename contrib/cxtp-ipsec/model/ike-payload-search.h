/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKE_PAYLOAD_SEARCH_H
#define IKE_PAYLOAD_SEARCH_H

#include <variant>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec
 * \param payloads decoded payloads of either IKE version (a vector of a std::variant)
 * \return the first payload of type T, or nullptr
 */
template <typename T, typename Payload>
const T*
IkeFindPayload(const std::vector<Payload>& payloads)
{
    for (const auto& p : payloads)
    {
        if (const T* t = std::get_if<T>(&p))
        {
            return t;
        }
    }
    return nullptr;
}

/**
 * \ingroup cxtp-ipsec
 * \param payloads decoded payloads of either IKE version (a vector of a std::variant)
 * \return every payload of type T, in order
 */
template <typename T, typename Payload>
std::vector<const T*>
IkeFindAllPayloads(const std::vector<Payload>& payloads)
{
    std::vector<const T*> out;
    for (const auto& p : payloads)
    {
        if (const T* t = std::get_if<T>(&p))
        {
            out.push_back(t);
        }
    }
    return out;
}

} // namespace ns3

#endif // IKE_PAYLOAD_SEARCH_H
