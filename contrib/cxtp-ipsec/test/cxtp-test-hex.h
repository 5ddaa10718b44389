/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef CXTP_TEST_HEX_H
#define CXTP_TEST_HEX_H

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec-tests
 * \param hex hexadecimal digits; anything else (spaces, '|') is skipped, so byte layouts can be
 *        written out field by field
 * \return the bytes
 */
std::vector<uint8_t> CxtpTestFromHex(const std::string& hex);

/**
 * \ingroup cxtp-ipsec-tests
 * \param bytes bytes
 * \return them as lower-case hexadecimal, no separators
 */
std::string CxtpTestToHex(const std::vector<uint8_t>& bytes);

} // namespace ns3

#endif // CXTP_TEST_HEX_H
