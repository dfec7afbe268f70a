"""tests/difftest/difftest-roms-virt.py: the virt-board roms on
qemu-system-riscv64 -M virt and on lemu, for make check: difftest-roms.py
--board virt, with any further arguments passed on."""

import os
import runpy
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.argv = [os.path.join(HERE, "difftest-roms.py"), "--board", "virt"] + sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
