# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one fuzzer as a CTest test: cmake -DARGS_FILE=<name>-args.cmake -P run.cmake.
# The time comes from FORKLINE_FUZZ_SECONDS in the environment, else from the configured
# default, so `FORKLINE_FUZZ_SECONDS=600 ctest --preset fuzz -j2` runs the same set longer.
# Any finding (a sanitizer report, a broken promise, a crash, a hang, running out of memory)
# fails the test; libFuzzer writes the input to findings/ and says where.
include(${ARGS_FILE}) # FUZZ_NAME, FUZZ_PROGRAM, FUZZ_ARGS, FUZZ_SECONDS
set(seconds ${FUZZ_SECONDS})
if(DEFINED ENV{FORKLINE_FUZZ_SECONDS})
    set(seconds $ENV{FORKLINE_FUZZ_SECONDS})
endif()
if(NOT seconds MATCHES "^[1-9][0-9]*$")
    message(FATAL_ERROR "FORKLINE_FUZZ_SECONDS must be a whole number of seconds, not \"${seconds}\"")
endif()
# libFuzzer refuses to start when the folder for its findings is gone (a cleaned build).
foreach(arg IN LISTS FUZZ_ARGS)
    if(arg MATCHES "^-artifact_prefix=(.*/)")
        file(MAKE_DIRECTORY "${CMAKE_MATCH_1}")
    endif()
endforeach()
execute_process(COMMAND ${FUZZ_PROGRAM} -max_total_time=${seconds} ${FUZZ_ARGS} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${FUZZ_NAME}: a finding (exit ${rc}); see the report above for the input")
endif()
