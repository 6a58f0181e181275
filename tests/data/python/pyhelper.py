# Imported by uses_helper.py from the same folder.
import os


def greeting():
    return "hello from %s" % os.path.basename(__file__)
