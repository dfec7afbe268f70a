"""tests/difftest/random-difftest-virt.py: 120 random S-mode programs under
Sv39 on qemu-system-riscv64 -M virt and on lemu, for make check:
random-difftest.py --board virt --count 120, with any further arguments
passed on (a later --count wins)."""

import os
import runpy
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.argv = ([os.path.join(HERE, "random-difftest.py"), "--board", "virt", "--count", "120"]
            + sys.argv[1:])
runpy.run_path(sys.argv[0], run_name="__main__")
