/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef EAP_RADIUS_TEST_VECTORS_H
#define EAP_RADIUS_TEST_VECTORS_H

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup cxtp-ipsec-tests
 * \brief The EAP and RADIUS vectors computed independently by test/vectors/radius-vectors.py
 * (Python standard library only) and committed as test/vectors/radius-vectors.txt.
 * \param name a vector's name
 * \return its bytes (empty if absent or the file is missing)
 */
std::vector<uint8_t> EapRadiusTestVector(const std::string& name);

/// \return the path of test/vectors/radius-vectors.txt in the source tree
std::string EapRadiusTestVectorPath();

} // namespace ns3

#endif // EAP_RADIUS_TEST_VECTORS_H
