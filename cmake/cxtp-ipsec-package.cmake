# Installation of the standalone build, for other projects: the library, the public headers
# (include/ns3/<name>.h and the umbrella cxtp-ipsec-module.h; never the *-internal.h ones), a CMake
# package (find_package(cxtp-ipsec) gives the target cxtp-ipsec::cxtp-ipsec) and a pkg-config file
# (cxtp-ipsec.pc). The profiles are installed by contrib/cxtp-ipsec/CMakeLists.txt, in both
# contexts. Included by that file, whose variables it reads.
#
# Also registers the ctest test "package" (label package): install into a prefix in the build
# tree, then build and run contrib/cxtp-ipsec/test/external against it.
include(CMakePackageConfigHelpers)

set(CXTP_PACKAGE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/cxtp-ipsec)
set(CXTP_PROFILE_INSTALL_DIR ${CMAKE_INSTALL_DATADIR}/cxtp-ipsec/profiles)

set_target_properties(ns3-cxtp-ipsec PROPERTIES
  EXPORT_NAME cxtp-ipsec
  # An ns-3 outside the linker's default folders stays found from the installed library.
  INSTALL_RPATH_USE_LINK_PATH TRUE)
install(TARGETS ns3-cxtp-ipsec EXPORT cxtp-ipsec-targets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${CXTP_HEADERS} ${CXTP_STAGED_DIR}/cxtp-ipsec-module.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/ns3)

# ---- CMake package ----------------------------------------------------------------------------
install(EXPORT cxtp-ipsec-targets NAMESPACE cxtp-ipsec:: DESTINATION ${CXTP_PACKAGE_DIR}
        FILE cxtp-ipsec-targets.cmake)
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/cxtp-ipsec-config.cmake.in
  ${PROJECT_BINARY_DIR}/package/cxtp-ipsec-config.cmake
  INSTALL_DESTINATION ${CXTP_PACKAGE_DIR}
  PATH_VARS CXTP_PROFILE_INSTALL_DIR)
# 0.x: a new minor version may break the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/package/cxtp-ipsec-config-version.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/package/cxtp-ipsec-config.cmake
              ${PROJECT_BINARY_DIR}/package/cxtp-ipsec-config-version.cmake
        DESTINATION ${CXTP_PACKAGE_DIR})
# The package imports ns-3 as this build does, so that the target's ns3::lib<module> names exist.
install(FILES ${CMAKE_CURRENT_LIST_DIR}/ns3-import.cmake DESTINATION ${CXTP_PACKAGE_DIR}
        RENAME cxtp-ipsec-ns3-import.cmake)

# ---- pkg-config ---------------------------------------------------------------------------------
# ns-3 installs ns3-<module>.pc for each module, OpenSSL libssl.pc and libcrypto.pc. The prefix is taken relative to the .pc file, so that `cmake --install --prefix` works.
set(CXTP_PC_REQUIRES "")
foreach(target IN LISTS CXTP_NS3_LIBRARIES)
  string(REGEX REPLACE "^ns3::lib" "ns3-" name ${target})
  string(APPEND CXTP_PC_REQUIRES " ${name}")
endforeach()
string(APPEND CXTP_PC_REQUIRES " libssl libcrypto")
file(RELATIVE_PATH CXTP_PC_PREFIX_FROM_PCDIR /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
string(REGEX REPLACE "/$" "" CXTP_PC_PREFIX_FROM_PCDIR "${CXTP_PC_PREFIX_FROM_PCDIR}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/cxtp-ipsec.pc.in ${PROJECT_BINARY_DIR}/package/cxtp-ipsec.pc.in
               @ONLY)
file(GENERATE OUTPUT ${PROJECT_BINARY_DIR}/package/cxtp-ipsec.pc
     INPUT ${PROJECT_BINARY_DIR}/package/cxtp-ipsec.pc.in)
install(FILES ${PROJECT_BINARY_DIR}/package/cxtp-ipsec.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# ---- ctest: a user's project built against an installation ------------------------------------
# The profiles must come from the installation, whatever the caller's environment says.
string(REPLACE ";" "|" CXTP_PREFIX_PATH "${CMAKE_PREFIX_PATH}")
add_test(NAME package
         COMMAND ${CMAKE_COMMAND} -E env --unset=CXTP_IPSEC_PROFILE_PATH
                 ${CMAKE_COMMAND} -DBUILD_DIR=${PROJECT_BINARY_DIR}
                 -DSOURCE_DIR=${CMAKE_CURRENT_SOURCE_DIR}/test/external
                 -DWORK_DIR=${PROJECT_BINARY_DIR}/package-test
                 -DINSTALL_LIBDIR=${CMAKE_INSTALL_LIBDIR}
                 -DINSTALL_INCLUDEDIR=${CMAKE_INSTALL_INCLUDEDIR}
                 -DINSTALL_DATADIR=${CMAKE_INSTALL_DATADIR}
                 -DCONFIG=$<CONFIG>
                 -DPREFIX_PATH=${CXTP_PREFIX_PATH}
                 -DCOMPILER=${CMAKE_CXX_COMPILER}
                 -DLAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER}
                 -P ${PROJECT_SOURCE_DIR}/cmake/check-package.cmake)
set_tests_properties(package PROPERTIES LABELS package TIMEOUT 900)
