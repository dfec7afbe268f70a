"""tests/difftest/rvgen.py: a seeded, reproducible generator of random RV64IMAC
guest programs for differential testing.

A program sets all registers to random values (edge values favoured), runs
a random mix of straight-line and branching code -- every integer, M and
compressed operation, loads and stores (also misaligned) on a scratch
buffer, AMOs and LR/SC on it, forward branches, jumps, small counted loops
-- and then dumps all 31 registers and a checksum of the buffer on the
console (roms/common/dump.c).  Everything it does is deterministic on a
correct emulator: no CSRs, no counters, no traps, no self-modification.

Register roles: sp (x2) points into the buffer for the c.*sp forms, s1 (x9)
is the buffer base for the others, s2 (x18) counts loops; no generated
instruction writes them (except paired c.addi16sp).  Everything else,
including ra, gp and tp, is random.  The same seed always gives the same
program text.

SModeGenerator makes the same kind of program for the virt board, run in
S-mode under an Sv39 page table that roms/virt/smode-run.c builds: the code
runs at a virtual address far from its physical one (4 KiB pages), the
buffer is one page reached through SMODE_BUF_VA (its PTE's A and D left to
the page walk) and through an alias, and the mix adds S-mode operations
(sscratch, satp reads, sfence.vma in its forms, fence.i, loads and stores
through the alias) and page faults in the middle of the code (loads from an
unmapped page, stores and AMOs to a read-only one, misaligned loads
crossing into the unmapped page; load and store page faults are delegated
to a handler in the program that steps over the instruction, and scause,
stval and sepc are read back later).  The program saves its registers through SMODE_REGS_VA
and ends with the return ecall back to M, which dumps them (and the A/D
bits the walk set).  Used by random-difftest.py; run it directly to see
one:

    rvgen.py [--smode] SEED
"""

import random
import sys

BUF_SIZE = 1024
S1_OFFSET = 512          # s1 = buffer + 512: 12-bit offsets stay inside
SP_OFFSET = 256          # sp = buffer + 256: c.ldsp reaches +504

RESERVED = {2, 9, 18}
COMPRESSED_REGS = list(range(8, 16))          # x8-x15 for the c.* forms
COMPRESSED_DESTS = [r for r in COMPRESSED_REGS if r not in RESERVED]

EDGE_VALUES = [0, 1, 2, -1, -2, 0x7fffffffffffffff, -0x8000000000000000,
               0xffffffff, 0x7fffffff, -0x80000000, 0x80000000, 0xffff,
               0x8000, 0x100000000, 31, 32, 63, 64]

ALU_RR = ["add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or",
          "and", "addw", "subw", "sllw", "srlw", "sraw"]
MUL_DIV = ["mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu",
           "mulw", "divw", "divuw", "remw", "remuw"]
ALU_RI = ["addi", "slti", "sltiu", "xori", "ori", "andi", "addiw"]
SHIFT_I = [("slli", 63), ("srli", 63), ("srai", 63), ("slliw", 31),
           ("srliw", 31), ("sraiw", 31)]
BRANCHES = ["beq", "bne", "blt", "bge", "bltu", "bgeu"]
LOADS = [("lb", 1), ("lh", 2), ("lw", 4), ("ld", 8), ("lbu", 1),
         ("lhu", 2), ("lwu", 4)]
STORES = [("sb", 1), ("sh", 2), ("sw", 4), ("sd", 8)]
AMOS = ["amoswap", "amoadd", "amoxor", "amoand", "amoor", "amomin",
        "amomax", "amominu", "amomaxu"]
ORDERINGS = ["", ".aq", ".rl", ".aqrl"]


def x(r):
    return f"x{r}"


class Generator:
    def __init__(self, seed):
        self.seed = seed
        self.rng = random.Random(seed)
        self.lines = []
        self.label = 0

    # --- choices -----------------------------------------------------------

    def value(self):
        r = self.rng.random()
        if r < 0.35:
            v = self.rng.choice(EDGE_VALUES)
        elif r < 0.55:
            v = self.rng.randint(-100, 100)
        elif r < 0.75:
            v = self.rng.randint(-(1 << 31), (1 << 31) - 1)
        else:
            v = self.rng.getrandbits(64)
        return v & 0xffffffffffffffff

    def imm12(self):
        if self.rng.random() < 0.3:
            return self.rng.choice([0, 1, -1, 2047, -2048, 31, 32, 63])
        return self.rng.randint(-2048, 2047)

    def dest(self, avoid=()):
        if self.rng.random() < 0.03 and 0 not in avoid:
            return 0
        while True:
            r = self.rng.randint(1, 31)
            if r not in RESERVED and r not in avoid:
                return r

    def src(self):
        return self.rng.randint(0, 31)

    def cdest(self, avoid=()):
        return self.rng.choice([r for r in COMPRESSED_DESTS if r not in avoid])

    def new_label(self, kind):
        self.label += 1
        return f".L{kind}_{self.seed}_{self.label}"

    def emit(self, text):
        self.lines.append("    " + text)

    # --- instruction groups ------------------------------------------------

    def op_alu_rr(self, avoid=()):
        op = self.rng.choice(ALU_RR + MUL_DIV)
        self.emit(f"{op} {x(self.dest(avoid))}, {x(self.src())}, {x(self.src())}")

    def op_alu_ri(self, avoid=()):
        if self.rng.random() < 0.3:
            op, top = self.rng.choice(SHIFT_I)
            amount = self.rng.choice([0, 1, top, top - 1, self.rng.randint(0, top)])
            self.emit(f"{op} {x(self.dest(avoid))}, {x(self.src())}, {amount}")
        else:
            op = self.rng.choice(ALU_RI)
            self.emit(f"{op} {x(self.dest(avoid))}, {x(self.src())}, {self.imm12()}")

    def op_upper(self, avoid=()):
        op = self.rng.choice(["lui", "auipc"])
        self.emit(f"{op} {x(self.dest(avoid))}, {self.rng.randint(0, 0xfffff)}")

    def mem_offset(self, size):
        lo, hi = -S1_OFFSET, BUF_SIZE - S1_OFFSET - size
        off = self.rng.randint(lo, hi)
        if self.rng.random() < 0.75:
            off -= off % size                  # mostly aligned
        return max(lo, off)

    def op_load(self, avoid=()):
        op, size = self.rng.choice(LOADS)
        self.emit(f"{op} {x(self.dest(avoid))}, {self.mem_offset(size)}(s1)")

    def op_store(self, avoid=()):
        op, size = self.rng.choice(STORES)
        self.emit(f"{op} {x(self.src())}, {self.mem_offset(size)}(s1)")

    def op_compressed(self, avoid=()):
        rng = self.rng
        kind = rng.randrange(14)

        def rd_any():
            while True:
                r = self.dest(avoid)
                if r != 0:
                    return r

        if kind == 0:
            self.emit(f"c.addi {x(rd_any())}, {rng.choice([v for v in range(-32, 32) if v])}")
        elif kind == 1:
            self.emit(f"c.addiw {x(rd_any())}, {rng.randint(-32, 31)}")
        elif kind == 2:
            self.emit(f"c.li {x(rd_any())}, {rng.randint(-32, 31)}")
        elif kind == 3:
            imm = rng.choice(list(range(1, 32)) + list(range(0xfffe0, 0x100000)))
            self.emit(f"c.lui {x(rd_any())}, {imm:#x}")
        elif kind == 4:
            op = rng.choice(["c.srli", "c.srai", "c.slli"])
            rd = self.cdest(avoid) if op != "c.slli" else rd_any()
            self.emit(f"{op} {x(rd)}, {rng.randint(1, 63)}")
        elif kind == 5:
            self.emit(f"c.andi {x(self.cdest(avoid))}, {rng.randint(-32, 31)}")
        elif kind == 6:
            op = rng.choice(["c.sub", "c.xor", "c.or", "c.and", "c.subw", "c.addw"])
            self.emit(f"{op} {x(self.cdest(avoid))}, {x(rng.choice(COMPRESSED_REGS))}")
        elif kind == 7:
            op = rng.choice(["c.mv", "c.add"])
            self.emit(f"{op} {x(rd_any())}, {x(rng.randint(1, 31))}")
        elif kind == 8:
            op, scale, top = rng.choice([("c.lw", 4, 124), ("c.ld", 8, 248)])
            self.emit(f"{op} {x(self.cdest(avoid))}, {rng.randrange(0, top + 1, scale)}(s1)")
        elif kind == 9:
            op, scale, top = rng.choice([("c.sw", 4, 124), ("c.sd", 8, 248)])
            self.emit(f"{op} {x(rng.choice(COMPRESSED_REGS))}, {rng.randrange(0, top + 1, scale)}(s1)")
        elif kind == 10:
            op, scale, top = rng.choice([("c.lwsp", 4, 252), ("c.ldsp", 8, 504)])
            self.emit(f"{op} {x(rd_any())}, {rng.randrange(0, top + 1, scale)}(sp)")
        elif kind == 11:
            op, scale, top = rng.choice([("c.swsp", 4, 252), ("c.sdsp", 8, 504)])
            self.emit(f"{op} {x(self.src())}, {rng.randrange(0, top + 1, scale)}(sp)")
        elif kind == 12:
            self.emit(f"c.addi4spn {x(self.cdest(avoid))}, sp, {rng.randrange(4, 1021, 4)}")
        else:
            self.emit("c.nop")

    def op_amo(self, avoid=()):
        rng = self.rng
        width = rng.choice(["w", "d"])
        size = 4 if width == "w" else 8
        addr = self.dest(tuple(avoid) + (0,))
        off = self.mem_offset(size)
        off -= off % size
        self.emit(f"addi {x(addr)}, s1, {off}")
        op = rng.choice(AMOS) + "." + width + rng.choice(ORDERINGS)
        self.emit(f"{op} {x(self.dest(avoid))}, {x(self.src())}, ({x(addr)})")

    def op_lr_sc(self):
        rng = self.rng
        width = rng.choice(["w", "d"])
        size = 4 if width == "w" else 8
        addr = self.dest((0,))
        off = self.mem_offset(size)
        off -= off % size
        self.emit(f"addi {x(addr)}, s1, {off}")
        self.emit(f"lr.{width}{rng.choice(ORDERINGS)} {x(self.dest((addr,)))}, ({x(addr)})")
        for _ in range(rng.randint(0, 2)):
            self.op_alu_rr(avoid=(addr,))
        self.emit(f"sc.{width}{rng.choice(ORDERINGS)} {x(self.dest())}, "
                  f"{x(self.src())}, ({x(addr)})")

    def straight(self, avoid=()):
        """One random instruction without control flow."""
        r = self.rng.random()
        if r < 0.28:
            self.op_alu_rr(avoid)
        elif r < 0.50:
            self.op_alu_ri(avoid)
        elif r < 0.54:
            self.op_upper(avoid)
        elif r < 0.66:
            self.op_load(avoid)
        elif r < 0.76:
            self.op_store(avoid)
        elif r < 0.95:
            self.op_compressed(avoid)
        else:
            self.op_amo(avoid)

    def forward_branch(self):
        end = self.new_label("f")
        if self.rng.random() < 0.25:
            op = self.rng.choice(["c.beqz", "c.bnez"])
            self.emit(f"{op} {x(self.rng.choice(COMPRESSED_REGS))}, {end}")
        else:
            op = self.rng.choice(BRANCHES)
            self.emit(f"{op} {x(self.src())}, {x(self.src())}, {end}")
        for _ in range(self.rng.randint(1, 4)):
            self.straight()
        self.lines.append(f"{end}:")

    def forward_jump(self):
        end = self.new_label("j")
        r = self.rng.random()
        if r < 0.4:
            self.emit(f"jal {x(self.dest())}, {end}")
        elif r < 0.6:
            self.emit(f"c.j {end}")
        else:
            base = self.dest((0,))
            self.emit(f"la {x(base)}, {end} - 4")
            self.emit(f"jalr {x(self.dest())}, 4({x(base)})")
        for _ in range(self.rng.randint(1, 3)):
            self.straight()
        self.lines.append(f"{end}:")

    def loop(self):
        top = self.new_label("l")
        self.emit(f"li s2, {self.rng.randint(1, 5)}")
        self.lines.append(f"{top}:")
        for _ in range(self.rng.randint(1, 5)):
            self.straight()
        if self.rng.random() < 0.5:
            self.forward_branch()
        self.emit("addi s2, s2, -1")
        self.emit(f"bnez s2, {top}")

    def sp_gadget(self):
        step = self.rng.choice([v for v in range(-512, 497, 16) if v])
        self.emit(f"c.addi16sp sp, {step}")
        self.emit(f"c.addi4spn {x(self.cdest())}, sp, {self.rng.randrange(4, 1021, 4)}")
        self.emit(f"c.addi16sp sp, {-step}" if -step <= 496 else
                  f"addi sp, sp, {-step}")

    # --- whole program -----------------------------------------------------

    def body(self, items):
        for _ in range(items):
            r = self.rng.random()
            if r < 0.78:
                self.straight()
            elif r < 0.86:
                self.forward_branch()
            elif r < 0.90:
                self.forward_jump()
            elif r < 0.95:
                self.loop()
            elif r < 0.98:
                self.op_lr_sc()
            else:
                self.sp_gadget()

    def program(self, name):
        """The text of one program: label `name`, falls through at its end."""
        rng = self.rng
        buf = f"{name}_buf"
        self.lines = [f"/* program {name}: seed {self.seed} */", "    .text",
                      f"{name}:"]
        self.emit(f"la s1, {buf} + {S1_OFFSET}")
        self.emit(f"la sp, {buf} + {SP_OFFSET}")
        for r in range(1, 32):
            if r not in RESERVED:
                self.emit(f"li {x(r)}, {self.value():#x}")
        self.body(rng.randint(60, 120))
        # Dump: mscratch frees x31, registers go to rg_regs, then C prints.
        self.emit("csrw mscratch, x31")
        self.emit("la x31, rg_regs")
        for r in range(1, 31):
            self.emit(f"sd {x(r)}, {8 * r}(x31)")
        self.emit("csrr x1, mscratch")
        self.emit("sd x1, 248(x31)")
        self.emit("la sp, __stack")
        self.emit("la gp, __global_pointer$")
        self.emit("la tp, __tls_base")
        self.emit("la a0, rg_regs")
        self.emit(f"la a1, {buf}")
        self.emit(f"li a2, {BUF_SIZE}")
        self.emit(f"li a3, {self.seed}")
        self.emit("call rt_dump_state")
        self.lines.append("    .data")
        self.lines.append("    .align 4")
        self.lines.append(f"{buf}:")
        for i in range(0, BUF_SIZE, 8):
            self.lines.append(f"    .dword {rng.getrandbits(64):#x}")
        return "\n".join(self.lines) + "\n"


# The S-mode programs' virtual memory (roms/virt/smode-run.c agrees).
SMODE_CODE_VA = 0x1000000000
SMODE_BUF_VA = 0x40000000
SMODE_BUF_ALIAS_VA = 0x40002000
SMODE_REGS_VA = 0x40004000
SMODE_HOLE_VA = 0x40006000      # unmapped: loads and stores fault
SMODE_RO_VA = 0x40008000        # the buffer page again, read-only; the
                                # page after it is unmapped


class SModeGenerator(Generator):
    """A random program for S-mode under Sv39 (see the module comment)."""

    def op_fault(self, avoid=()):
        """A load, store or AMO that page-faults (delegated to the S handler,
        which steps over it), or a read of the trap CSRs it left."""
        rng = self.rng
        kind = rng.randrange(5)
        base = self.dest(tuple(avoid) + (0,))
        if kind == 4:
            csr = rng.choice(["scause", "stval", "sepc"])
            self.emit(f"csrr {x(base)}, {csr}")
            return
        self.lines.append("    .option push")
        self.lines.append("    .option norvc")
        if kind == 0:                   # load from the hole
            self.emit(f"li {x(base)}, {SMODE_HOLE_VA + rng.randrange(0, 4096, 8):#x}")
            op, _ = rng.choice(LOADS)
            self.emit(f"{op} {x(self.dest(avoid))}, 0({x(base)})")
        elif kind == 1:                 # store to the read-only page
            self.emit(f"li {x(base)}, {SMODE_RO_VA + rng.randrange(0, 4096, 8):#x}")
            op, _ = rng.choice(STORES)
            self.emit(f"{op} {x(self.src())}, 0({x(base)})")
        elif kind == 2:                 # AMO on the read-only page
            self.emit(f"li {x(base)}, {SMODE_RO_VA + rng.randrange(0, 4096, 8):#x}")
            op = rng.choice(AMOS) + ".d"
            self.emit(f"{op} {x(self.dest(avoid))}, {x(self.src())}, ({x(base)})")
        else:                           # misaligned across into the hole
            off = rng.choice([4093, 4094, 4095])
            self.emit(f"li {x(base)}, {SMODE_RO_VA + off:#x}")
            op, _ = rng.choice([("ld", 8), ("lw", 4), ("lwu", 4)])
            self.emit(f"{op} {x(self.dest(avoid))}, 0({x(base)})")
        self.lines.append("    .option pop")

    def op_smode(self, avoid=()):
        rng = self.rng
        kind = rng.randrange(8)
        if kind >= 6:
            self.op_fault(avoid)
            return
        if kind == 0:
            op = rng.choice(["csrrw", "csrrs", "csrrc"])
            self.emit(f"{op} {x(self.dest(avoid))}, sscratch, {x(self.src())}")
        elif kind == 1:
            self.emit(f"csrr {x(self.dest(avoid))}, satp")
        elif kind == 2:
            form = rng.randrange(3)
            if form == 0:
                self.emit("sfence.vma")
            elif form == 1:
                self.emit("sfence.vma s1")
            else:
                self.emit(f"sfence.vma zero, {x(self.src())}")
        elif kind == 3:
            self.emit("fence.i")
        else:
            # A load or store through the alias of the buffer page.
            base = self.dest(tuple(avoid) + (0,))
            self.emit(f"li {x(base)}, {SMODE_BUF_ALIAS_VA + S1_OFFSET:#x}")
            if kind == 4:
                op, size = self.rng.choice(LOADS)
                self.emit(f"{op} {x(self.dest(avoid))}, {self.mem_offset(size)}({x(base)})")
            else:
                op, size = self.rng.choice(STORES)
                self.emit(f"{op} {x(self.src())}, {self.mem_offset(size)}({x(base)})")

    def straight(self, avoid=()):
        if self.rng.random() < 0.08:
            self.op_smode(avoid)
        else:
            super().straight(avoid)

    def program(self, name):
        """One program: code in its own page-aligned section (label
        `name`_start .. `name`_end), its buffer in a page of its own."""
        rng = self.rng
        buf = f"{name}_buf"
        self.lines = [f"/* program {name}: seed {self.seed}, S-mode */",
                      f"    .section .text.{name}, \"ax\", @progbits",
                      "    .align 12", f"{name}_start:"]
        self.emit(f"la t0, {name}_trap")
        self.emit("csrw stvec, t0")
        self.emit(f"li s1, {SMODE_BUF_VA + S1_OFFSET:#x}")
        self.emit(f"li sp, {SMODE_BUF_VA + SP_OFFSET:#x}")
        for r in range(1, 32):
            if r not in RESERVED:
                self.emit(f"li {x(r)}, {self.value():#x}")
        self.body(rng.randint(60, 120))
        # Registers out through the save page, then back to M.
        self.emit("csrw sscratch, x31")
        self.emit(f"li x31, {SMODE_REGS_VA:#x}")
        for r in range(1, 31):
            self.emit(f"sd {x(r)}, {8 * r}(x31)")
        self.emit("csrr x1, sscratch")
        self.emit("sd x1, 248(x31)")
        self.emit("li a7, VTRAP_ECALL_RETURN")
        self.emit("ecall")
        # The S-mode handler of the page faults op_fault makes (all 4-byte
        # instructions): step over, changing no register (sscratch keeps
        # the new sepc).
        self.lines.append("    .align 2")
        self.lines.append(f"{name}_trap:")
        self.emit("csrrw t6, sscratch, t6")
        self.emit("csrr t6, sepc")
        self.emit("addi t6, t6, 4")
        self.emit("csrw sepc, t6")
        self.emit("csrrw t6, sscratch, t6")
        self.emit("sret")
        self.lines.append(f"{name}_end:")
        self.lines.append("    .data")
        self.lines.append("    .align 12")
        self.lines.append(f"{buf}:")
        for i in range(0, BUF_SIZE, 8):
            self.lines.append(f"    .dword {rng.getrandbits(64):#x}")
        # The M-mode part: run it, dump registers, buffer and A/D bits.
        self.lines += [
            "    .text",
            f"    la a0, {name}_start",
            f"    la a1, {name}_end",
            f"    la a2, {buf}",
            "    la a3, rg_regs",
            "    call smode_run",
            "    mv s0, a0",
            "    la a0, rg_regs",
            f"    la a1, {buf}",
            f"    li a2, {BUF_SIZE}",
            f"    li a3, {self.seed}",
            "    call rt_dump_state",
            "    mv a0, s0",
            "    call smode_print_ad",
        ]
        return "\n".join(self.lines) + "\n"


def smode_program_file(seeds):
    """An assembly file running one S-mode program per seed (virt board),
    then exiting 0."""
    parts = ["/* generated by tests/difftest/rvgen.py --smode: seeds "
             f"{', '.join(str(s) for s in seeds)} */",
             '#include "vtrap.h"',
             "    .option norelax",
             "    .bss", "    .align 12", "rg_regs:", "    .space 256",
             "    .text", "    .globl main", "main:"]
    for i, seed in enumerate(seeds):
        parts.append(SModeGenerator(seed).program(f"rg_prog{i}"))
    parts += ["    .text", "    li a0, 0", "    call exit", ""]
    return "\n".join(parts)


def program_file(seeds):
    """An assembly file running one program per seed, then exiting 0."""
    parts = ["/* generated by tests/difftest/rvgen.py: seeds "
             f"{', '.join(str(s) for s in seeds)} */",
             "    .option norelax          /* gp is random: no gp-relative la */",
             "    .bss", "    .align 3", "rg_regs:", "    .space 256",
             "    .text", "    .globl main", "main:"]
    for i, seed in enumerate(seeds):
        parts.append(Generator(seed).program(f"rg_prog{i}"))
    parts += ["    .text", "    li a0, 0", "    call exit", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    args = sys.argv[1:]
    smode = args[:1] == ["--smode"]
    if smode:
        args = args[1:]
    if len(args) != 1:
        sys.exit("usage: rvgen.py [--smode] SEED")
    make = smode_program_file if smode else program_file
    sys.stdout.write(make([int(args[0])]))
