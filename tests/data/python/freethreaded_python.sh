#!/bin/sh
# Answers the interpreter check as a free-threaded Python (3.13t, GIL off) would, and runs
# the program itself with the python3 on PATH.
if [ "$1" = "-E" ]; then
    echo 3.13.0
    echo "$0"
    echo "gil off"
    exit 0
fi
exec python3 "$@"
