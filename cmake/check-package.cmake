# Run by the ctest test "package" (cmake -P): installs the build BUILD_DIR into WORK_DIR/prefix,
# checks what was installed, then configures, builds and runs SOURCE_DIR (test/external) against
# that prefix, through the CMake package and pkg-config. Fails with one message naming the step.
#
# Variables: BUILD_DIR, SOURCE_DIR, WORK_DIR, INSTALL_LIBDIR, INSTALL_INCLUDEDIR, INSTALL_DATADIR,
# CONFIG (build configuration), PREFIX_PATH (the build's CMAKE_PREFIX_PATH, '|'-separated),
# COMPILER and LAUNCHER (the build's C++ compiler and its launcher, e.g. ccache; may be empty).

function(run step)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "package test: ${step} failed (${rc}): ${ARGN}")
  endif()
endfunction()

set(prefix ${WORK_DIR}/prefix)
file(REMOVE_RECURSE ${WORK_DIR})

if(CONFIG)
  run("install" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix} --config ${CONFIG})
else()
  run("install" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
endif()

# What must be installed, and what must not.
set(include_dir ${prefix}/${INSTALL_INCLUDEDIR}/ns3)
foreach(file ${include_dir}/cxtp-ipsec-module.h
             ${prefix}/${INSTALL_DATADIR}/cxtp-ipsec/profiles/testbed-2008.ini
             ${prefix}/${INSTALL_LIBDIR}/cmake/cxtp-ipsec/cxtp-ipsec-config.cmake
             ${prefix}/${INSTALL_LIBDIR}/pkgconfig/cxtp-ipsec.pc)
  if(NOT EXISTS ${file})
    message(FATAL_ERROR "package test: ${file} was not installed")
  endif()
endforeach()
file(GLOB internal_headers ${include_dir}/*-internal.h)
if(internal_headers)
  message(FATAL_ERROR "package test: private headers were installed: ${internal_headers}")
endif()
file(STRINGS ${include_dir}/cxtp-ipsec-module.h umbrella REGEX "^#include ")
list(LENGTH umbrella count)
if(count LESS 10)
  message(FATAL_ERROR "package test: the umbrella header includes only ${count} headers")
endif()
foreach(line IN LISTS umbrella)
  string(REGEX REPLACE "^#include \"(.*)\"$" "\\1" header "${line}")
  if(NOT EXISTS ${include_dir}/${header})
    message(FATAL_ERROR "package test: the umbrella includes ${header}, which is not installed")
  endif()
endforeach()

# A user's project against the prefix.
string(REPLACE "|" ";" prefix_path "${PREFIX_PATH}")
set(ENV{PKG_CONFIG_PATH} "${prefix}/${INSTALL_LIBDIR}/pkgconfig:$ENV{PKG_CONFIG_PATH}")
set(options "-DCMAKE_PREFIX_PATH=${prefix};${prefix_path}")
if(COMPILER)
  list(APPEND options -DCMAKE_CXX_COMPILER=${COMPILER})
endif()
if(LAUNCHER)
  list(APPEND options -DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER})
endif()
run("configuring ${SOURCE_DIR}" ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR}/build ${options})
run("building ${SOURCE_DIR}" ${CMAKE_COMMAND} --build ${WORK_DIR}/build -j1)
run("cxtp-ipsec-external-user" ${WORK_DIR}/build/cxtp-ipsec-external-user ${prefix})
if(NOT EXISTS ${WORK_DIR}/build/cxtp-ipsec-external-pkg-config)
  message(FATAL_ERROR "package test: the pkg-config program was not built (no pkg-config?)")
endif()
run("cxtp-ipsec-external-pkg-config" ${WORK_DIR}/build/cxtp-ipsec-external-pkg-config ${prefix})
