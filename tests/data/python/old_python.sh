#!/bin/sh
# Answers the interpreter check as a Python 3.6 would (tests of the "too old" line).
echo 3.6.9
echo /usr/bin/python3.6
