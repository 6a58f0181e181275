#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# For check-windows.sh: from this build's compile_commands.json, one line per source under src/,
# bench/ or tests/ that has a Windows branch: its path, a tab, and a shell command that
# compiles it with the MinGW cross compiler (-fsyntax-only) and the same flags.
# usage: check-commands.py SOURCE_DIR COMPILE_COMMANDS_JSON CROSS_CXX SHIM_INCLUDE_DIR PRE_INCLUDE
import json
import os
import re
import shlex
import sys

source_dir, db, cxx, shim, pre_include = sys.argv[1:6]
source_dir = os.path.realpath(source_dir)
windows = re.compile(r"\b(Q_OS_WIN|_WIN32)\b")
compiler = re.compile(r"(c\+\+|g\+\+|clang\+\+)(-[0-9.]+)?$")
dropped = {"-c", "-fPIC", "-fPIE", "-MD", "-MMD"}
dropped_with_value = {"-o", "-MT", "-MF", "-MQ"}
seen = set()
for entry in json.load(open(db)):
    directory = entry["directory"]
    path = os.path.realpath(os.path.join(directory, entry["file"]))
    rel = os.path.relpath(path, source_dir)
    if rel.startswith("..") or rel.split(os.sep)[0] not in ("src", "bench", "tests") or path in seen:
        continue
    with open(path, encoding="utf-8") as f:
        if not windows.search(f.read()):
            continue
    seen.add(path)
    args = entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])
    while args and not compiler.search(args[0]):
        args = args[1:]  # a launcher such as ccache
    out = [cxx, "-fsyntax-only", "-I" + shim, "-include", pre_include]
    skip_value = False
    for a in args[1:]:
        if skip_value:
            skip_value = False
        elif a in dropped_with_value:
            skip_value = True
        elif a in dropped or os.path.realpath(os.path.join(directory, a)) == path:
            pass
        else:
            out.append(a)
    out.append(path)
    print(rel + "\t" + "cd " + shlex.quote(directory) + " && " + " ".join(shlex.quote(a) for a in out))
