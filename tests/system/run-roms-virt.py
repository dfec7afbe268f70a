"""tests/system/run-roms-virt.py: the virt-board roms (roms/virt-tests) on
lemu against their expected output, for make check: run-roms.py --board
virt, with any further arguments passed on."""

import os
import runpy
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.argv = [os.path.join(HERE, "run-roms.py"), "--board", "virt"] + sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
