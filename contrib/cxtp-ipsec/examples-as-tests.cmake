# Each example runs as a ctest test with small arguments (label "example").
# cxtp_example_test(<test name> <example name> <args...>)
function(cxtp_example_test test example)
  set(out ${PROJECT_BINARY_DIR}/example-output/${test})
  add_test(NAME ${test} COMMAND cxtp-ipsec-${example} --outputDir=${out} ${ARGN})
  set_tests_properties(${test} PROPERTIES LABELS example)
endfunction()

if(TARGET cxtp-ipsec-esp-tunnel)
  cxtp_example_test(example-esp-tunnel esp-tunnel --duration=2s)
  cxtp_example_test(example-esp-tunnel-gcm esp-tunnel --duration=1s --encryption=aes128-gcm16)
endif()
