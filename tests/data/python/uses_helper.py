# Imports a module from its own folder, as `python3 uses_helper.py` finds it.
import sys

import pyhelper

print(pyhelper.greeting())
print("argv:", sys.argv[1:])
sys.exit(len(sys.argv) - 1)
