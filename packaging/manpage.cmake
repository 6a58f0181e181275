# SPDX-License-Identifier: GPL-3.0-or-later
# Writes forkline.1 (and forkline.1.gz) from what the built program says about itself, so the
# manual page never disagrees with `forkline --help`. Run at build time:
#   cmake -DFORKLINE=path/to/forkline -DSUMMARY=... -DCHANGELOG=.../changelog -DDOCDIR=/usr/share/doc/forkline
#         -DOUTPUT=.../forkline.1
#         [-DGZIP=gzip] -P manpage.cmake
# Each subcommand that answers `forkline SUBCOMMAND --help` with its own usage text gets a
# section.
foreach(required FORKLINE SUMMARY CHANGELOG DOCDIR OUTPUT)
    if(NOT DEFINED ${required})
        message(FATAL_ERROR "manpage.cmake: ${required} is not set")
    endif()
endforeach()

# The help in English whatever the build machine speaks; drawing options need no display.
set(ENV{FORKLINE_LANG} en)
set(ENV{LC_ALL} C.UTF-8)
set(ENV{LANGUAGE} "")
set(ENV{QT_QPA_PLATFORM} offscreen)

function(forkline_says out_text out_ok)
    execute_process(COMMAND "${FORKLINE}" ${ARGN}
        RESULT_VARIABLE rc OUTPUT_VARIABLE text ERROR_QUIET TIMEOUT 60)
    set(${out_text} "${text}" PARENT_SCOPE)
    if(rc STREQUAL "0" AND NOT text STREQUAL "")
        set(${out_ok} TRUE PARENT_SCOPE)
    else()
        set(${out_ok} FALSE PARENT_SCOPE)
    endif()
endfunction()

# Text shown as it is: roff's control characters escaped, every '-' a real minus so options
# can be copied from the page.
function(roff_verbatim out text)
    string(REPLACE "\\" "\\e" text "${text}")
    string(REPLACE "-" "\\-" text "${text}")
    string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
    string(REGEX REPLACE "\n+$" "" text "${text}")
    set(${out} ".nf\n${text}\n.fi\n" PARENT_SCOPE)
endfunction()

forkline_says(help help_ok --help)
if(NOT help_ok)
    message(FATAL_ERROR "manpage.cmake: `${FORKLINE} --help` failed")
endif()
forkline_says(version version_ok --version)
string(REGEX MATCH "[0-9]+(\\.[0-9]+)+" version "${version}")

# The date of the newest changelog entry: the page changes with a release, not with a build.
file(STRINGS "${CHANGELOG}" trailers REGEX "^ -- ")
list(GET trailers 0 newest)
string(REGEX MATCH "[0-9]+ ([A-Z][a-z][a-z]) ([0-9][0-9][0-9][0-9])" date "${newest}")
set(date "${CMAKE_MATCH_1} ${CMAKE_MATCH_2}")

# Subcommands: those the help names as `forkline WORD`, and the known ones.
string(REGEX MATCHALL "forkline [a-z][a-z-]*" named "${help}")
set(subcommands list run render compare)
foreach(item IN LISTS named)
    string(REPLACE "forkline " "" item "${item}")
    list(APPEND subcommands "${item}")
endforeach()
list(REMOVE_DUPLICATES subcommands)

set(page ".TH FORKLINE 1 \"${date}\" \"Forkline ${version}\" \"User Commands\"\n")
string(APPEND page ".SH NAME\nforkline \\- ${SUMMARY}\n")
string(APPEND page ".SH SYNOPSIS\n.B forkline\n.RI [ FILE ]\n.br\n.B forkline\n.I COMMAND\n.RI [ OPTIONS ]\n")
string(APPEND page ".SH DESCRIPTION\n")
string(APPEND page "Forkline runs concurrency lessons for real, with real threads and real child processes, ")
string(APPEND page "and draws every fork, run, sleep, wait, join, kill and exit on a timeline, one lane per ")
string(APPEND page "thread, grouped per process.\n.PP\n")
string(APPEND page "Without a command it opens the window, with the scenario, trace or Python file named by\n")
string(APPEND page ".I FILE\nif one is given. With a command it works on the command line and draws without a display.\n")
string(APPEND page ".SH OPTIONS\nThis is what\n.B forkline \\-\\-help\nprints:\n.PP\n")
roff_verbatim(block "${help}")
string(APPEND page "${block}")
foreach(sub IN LISTS subcommands)
    forkline_says(sub_help sub_ok ${sub} --help)
    # Only a real help text: a program that ignores --help after a subcommand does its work.
    if(sub_ok AND sub_help MATCHES "^[Uu]sage" AND NOT sub_help STREQUAL help)
        string(APPEND page ".SS forkline ${sub}\n")
        roff_verbatim(block "${sub_help}")
        string(APPEND page "${block}")
    endif()
endforeach()
string(APPEND page ".SH EXIT STATUS\n.TP\n.B 0\ndone\n.TP\n.B 1\na failure while running\n")
string(APPEND page ".TP\n.B 2\nbad input: one line on standard error names the file, line, column and what is wrong\n")
string(APPEND page ".TP\n.B 130\ninterrupted\n")
string(APPEND page ".SH ENVIRONMENT\n.TP\n.B FORKLINE_LANG\n")
string(APPEND page ".B en\nor\n.B ko\nchooses the language of the window and the command line.\n")
string(APPEND page ".SH FILES\n.TP\n.I ${DOCDIR}/\n")
string(APPEND page "the README and, in docs/, the rest of the documentation, the scenario file format (scenarios.md) among it; Help > Documentation (F1) shows them in the window\n")

file(WRITE "${OUTPUT}" "${page}")
if(GZIP)
    # -n: no name or time stamp inside, so the same page gives the same bytes.
    execute_process(COMMAND "${GZIP}" -9n -c "${OUTPUT}" OUTPUT_FILE "${OUTPUT}.gz" RESULT_VARIABLE rc)
    if(NOT rc STREQUAL "0")
        message(FATAL_ERROR "manpage.cmake: gzip failed")
    endif()
endif()
