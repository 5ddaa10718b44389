/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The test runner: every *-test-suite.cc of this folder is compiled into it, and each suite is
// registered in ctest with its type as label (see cmake/list-ns3-suites.cmake).
#include "ns3/test.h"

int
main(int argc, char* argv[])
{
    return ns3::TestRunner::Run(argc, argv);
}
