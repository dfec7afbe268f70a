#!/bin/sh
# test-cmdline.sh: the lemu command line (softmmu/vl.c) as a user meets it:
# every mistake is one line on stderr and exit status 2; --help, --version,
# -M help and -d help answer and exit 0; `-M virt --mtree` prints the virt
# board's memory map; -machine dumpdtb writes a device tree dtc accepts (also
# with -smp 4); firmware and kernel files the virt board cannot use (missing,
# empty, text, another architecture's ELF, too large for -m) are refused
# before anything runs; a -kernel ELF's tohost/fromhost become HTIF regions
# on spike.  No guest code runs, so this needs no CPU.
#
# LEMU overrides the binary (default: $top_builddir/lemu).

test_name=cmdline
. "$(dirname "$0")/testlib.sh"
RISCV_CC=${RISCV_CC:-riscv64-unknown-elf-gcc}

# run ARGS...: run lemu, leaving its status in $status and output in files.
run() {
    "$LEMU" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    status=$?
    checks=$((checks + 1))
}

# expect_error PATTERN ARGS...: status 2, exactly one line "lemu: ..." on
# stderr matching PATTERN, nothing on stdout.
expect_error() {
    pattern=$1
    shift
    run "$@"
    if [ "$status" -ne 2 ]; then
        fail "lemu $*: status $status, expected 2"
    fi
    lines=$(wc -l <"$tmp/err")
    if [ "$lines" -ne 1 ]; then
        fail "lemu $*: $lines lines on stderr, expected 1:"
        sed 's/^/    /' "$tmp/err"
    fi
    if ! grep -q '^lemu: ' "$tmp/err"; then
        fail "lemu $*: stderr does not start with 'lemu: '"
    fi
    if ! grep -q -e "$pattern" "$tmp/err"; then
        fail "lemu $*: stderr lacks '$pattern':"
        sed 's/^/    /' "$tmp/err"
    fi
    if [ -s "$tmp/out" ]; then
        fail "lemu $*: unexpected output on stdout"
    fi
}

# expect_ok ARGS...: status 0.
expect_ok() {
    run "$@"
    if [ "$status" -ne 0 ]; then
        fail "lemu $*: status $status, expected 0"
        sed 's/^/    /' "$tmp/err"
    fi
}

# expect_out PATTERN: the last run printed a line matching PATTERN.
expect_out() {
    if ! grep -q -e "$1" "$tmp/out"; then
        fail "output of the last run lacks '$1'"
    fi
}


# ---- bad command lines ------------------------------------------------------
expect_error "unknown option '-no-such-option'" -no-such-option
expect_error "unknown option '--frobnicate'" --frobnicate
expect_error "unexpected argument 'prog.elf'" prog.elf
expect_error "unknown board 'pc'" -M pc
expect_error "unknown board 'nope'" -machine type=nope
expect_error "unknown property 'foo=bar'" -M virt,foo=bar
expect_error "needs an argument" -m
expect_error "needs an argument" -kernel
expect_error "not a size" -m lots
expect_error "not a size" -m 12Q
expect_error "not a size" -m 99999999999999999999
expect_error "cannot be zero" -m 0
expect_error "too little RAM" -m 4K
expect_error "too much RAM" -M virt -m 4096G
expect_error "at most 1 hart" -smp 2
expect_error "number of harts" -smp many
expect_error "unknown -d item 'everything'" -d everything
expect_error "not supported" -icount auto
expect_error "shift must be" -icount shift=99
expect_error "the only CPU model is rv64" -cpu rv32
expect_error "unknown property 'svadu=on'" -cpu rv64,svadu=on
expect_error "use stdio, mon:stdio, file:PATH, null or none" -serial tcp::4444
expect_error "positive number" --max-insns 0
expect_error "positive number" --max-insns -5
expect_error "cannot open log file" -D "$tmp/no/such/dir/log" -M virt --mtree
expect_error "only -bios none" -M spike -bios fw.bin
expect_error "nothing to run" -M spike
expect_error "cannot open '$tmp/missing.elf': No such file" -kernel "$tmp/missing.elf"
printf 'not an elf\n' >"$tmp/text.elf"
expect_error "'$tmp/text.elf': not an ELF file" -kernel "$tmp/text.elf"
head -c 3000 /dev/urandom >"$tmp/random.bin"
expect_error "$tmp/random.bin" -kernel "$tmp/random.bin"
if [ -r /bin/sh ] && [ "$(head -c 4 /bin/sh | od -An -c | tr -d ' ')" = '177ELF' ]; then
    expect_error "not RISC-V" -kernel /bin/sh
fi
expect_error "cannot open '$tmp/missing.bin'" -M virt -bios "$tmp/missing.bin"

# ---- the virt board's firmware and kernel (-bios, -kernel) ------------------
# Raw images have no header: an empty or a text file is refused, anything
# else is loaded as it is (what a raw image is).
expect_error "cannot open '$tmp/missing.elf'" -M virt -bios "$tmp/random.bin" \
    -kernel "$tmp/missing.elf"
expect_error "'$tmp/text.elf': a text file, not a RISC-V image" -M virt -bios "$tmp/text.elf"
expect_error "'$tmp/text.elf': a text file, not a RISC-V image" -M virt \
    -bios "$tmp/random.bin" -kernel "$tmp/text.elf"
: >"$tmp/empty.bin"
expect_error "'$tmp/empty.bin': empty file" -M virt -bios "$tmp/empty.bin"
expect_error "'$tmp/empty.bin': empty file" -M virt -kernel "$tmp/empty.bin"
expect_error "'$tmp': not a regular file" -M virt -bios "$tmp"
if [ -r /bin/sh ] && [ "$(head -c 4 /bin/sh | od -An -c | tr -d ' ')" = '177ELF' ]; then
    expect_error "'/bin/sh': ELF file for machine .*not RISC-V" -M virt -bios /bin/sh
    expect_error "'/bin/sh': ELF file for machine .*not RISC-V" -M virt \
        -bios "$tmp/random.bin" -kernel /bin/sh
fi
head -c 2000000 /dev/zero >"$tmp/two-mb.bin"
expect_error "'$tmp/two-mb.bin': image too large" -M virt -m 1M -bios "$tmp/two-mb.bin"
# With firmware, a raw kernel goes 2 MiB into RAM, where fw_jump jumps.
expect_error "'$tmp/random.bin': no RAM at 0x80200000" -M virt -m 2M -bios "$tmp/random.bin" \
    -kernel "$tmp/random.bin"
expect_error "too little RAM, the virt board needs at least 1M" -M virt -m 512K
expect_error "not a size" -M virt -m 1.5G
expect_error "not a size" -M virt -m 256MB
expect_error "harts from 1 to 8" -M virt -smp 9
expect_error "harts from 1 to 8" -M virt -smp 0
expect_error "harts from 1 to 8" -M virt -smp cpus=-1
expect_error "unknown board 'virt2'" -M virt2 -bios "$tmp/random.bin"

# ---- answers ------------------------------------------------------------
expect_ok --help
for opt in -M -m -kernel -bios -nographic -serial -smp -d -D -icount --max-insns --mtree \
        --version --help; do
    if ! grep -q -e "^  $opt[ ,]" "$tmp/out"; then
        fail "--help does not document $opt"
    fi
done
expect_ok -h
expect_out "Usage: lemu"
expect_ok --version
expect_out "^lemu version [0-9]"
expect_ok -version
expect_out "^lemu version [0-9]"
expect_ok -M help
expect_out "^spike "
expect_out "^virt "
expect_ok -machine help
expect_out "^virt "
expect_ok -d help
expect_out "^in_asm "
expect_out "^guest_errors "

# ---- the virt board's memory map (the README's first command) --------------
expect_ok -M virt --mtree
expect_out "^address-space: memory"
expect_out "0000000000000000-ffffffffffffffff (prio 0, i/o): system"
expect_out "0000000000001000-000000000000ffff (prio 0, rom): riscv_virt_board.mrom"
expect_out "0000000000100000-0000000000100fff (prio 0, i/o): riscv.sifive.test"
expect_out "0000000002000000-000000000200ffff (prio 0, i/o): riscv.clint"
expect_out "000000000c000000-000000000c5fffff (prio 0, i/o): riscv.sifive.plic"
expect_out "0000000010000000-0000000010000007 (prio 0, i/o): serial"
expect_out "0000000010001000-00000000100011ff (prio 0, i/o): virtio-mmio"
expect_out "0000000080000000-0000000087ffffff (prio 0, ram): riscv_virt_board.ram"
expect_out "^FlatView #0"
expect_out ' AS "memory", root: system'
if [ -s "$tmp/err" ]; then
    fail "-M virt --mtree wrote to stderr"
fi
expect_ok -M virt -m 1G --mtree
expect_out "0000000080000000-00000000bfffffff (prio 0, ram): riscv_virt_board.ram"
expect_ok -M virt -m 256 --mtree
expect_out "0000000080000000-000000008fffffff (prio 0, ram): riscv_virt_board.ram"
expect_ok -M spike --mtree
expect_out "0000000000001000-000000000000ffff (prio 0, rom): riscv.spike.mrom"
expect_out "0000000002000000-000000000200ffff (prio 0, i/o): riscv.clint"
expect_out "0000000080000000-0000000087ffffff (prio 0, ram): riscv.spike.ram"

# ---- device tree --------------------------------------------------------
expect_ok -M virt,dumpdtb="$tmp/virt.dtb"
if [ ! -s "$tmp/virt.dtb" ]; then
    fail "dumpdtb wrote no file"
elif command -v dtc >/dev/null 2>&1; then
    if ! dtc -I dtb -O dts -o "$tmp/virt.dts" "$tmp/virt.dtb" 2>"$tmp/dtc.err"; then
        fail "dtc rejects the virt device tree:"
        sed 's/^/    /' "$tmp/dtc.err"
    fi
    for want in 'riscv,isa = "rv' 'memory@80000000' 'reg = <0x00 0x80000000 0x00 0x8000000>' \
            'clint@2000000' 'timebase-frequency = <0x989680>'; do
        if ! grep -q -F "$want" "$tmp/virt.dts"; then
            fail "virt device tree lacks $want"
        fi
    done
else
    echo "dtc not installed: device tree contents not checked"
fi
expect_error "cannot create '$tmp/no/dir/x.dtb'" -M virt,dumpdtb="$tmp/no/dir/x.dtb"

# -smp 4: four harts, each with its interrupt controller, wired to the CLINT
# (software and timer interrupts) and to the PLIC (M and S contexts).
expect_ok -M virt,dumpdtb="$tmp/virt4.dtb" -smp 4
if command -v dtc >/dev/null 2>&1 && [ -s "$tmp/virt4.dtb" ]; then
    if ! dtc -I dtb -O dts -o "$tmp/virt4.dts" "$tmp/virt4.dtb" 2>"$tmp/dtc.err"; then
        fail "dtc rejects the -smp 4 virt device tree:"
        sed 's/^/    /' "$tmp/dtc.err"
    fi
    cpus=$(grep -c 'device_type = "cpu"' "$tmp/virt4.dts")
    [ "$cpus" -eq 4 ] || fail "-smp 4 device tree has $cpus cpu nodes, expected 4"
    for want in 'cpu@3 {' 'reg = <0x03>;' \
            'interrupts-extended = <0x01 0x03 0x01 0x07 0x02 0x03 0x02 0x07 0x03 0x03 0x03 0x07 0x04 0x03 0x04 0x07>' \
            'interrupts-extended = <0x01 0x0b 0x01 0x09 0x02 0x0b 0x02 0x09 0x03 0x0b 0x03 0x09 0x04 0x0b 0x04 0x09>'; do
        if ! grep -q -F "$want" "$tmp/virt4.dts"; then
            fail "-smp 4 virt device tree lacks $want"
        fi
    done
fi

# ---- a RISC-V ELF on spike: HTIF at its symbols -------------------------
if command -v "$RISCV_CC" >/dev/null 2>&1; then
    cat >"$tmp/prog.S" <<'EOF'
    .text
    .globl _start
_start:
    j _start
    .section .tohost, "aw", @progbits
    .align 6
    .globl tohost
tohost: .dword 0
    .align 6
    .globl fromhost
fromhost: .dword 0
EOF
    # link BASE ARGS...: sections from BASE on, no ELF header in a segment.
    link() {
        printf 'SECTIONS { . = %s; .text : { *(.text) } .tohost : { *(.tohost) } }\n' "$1" \
            >"$tmp/prog.ld"
        shift
        "$RISCV_CC" -nostdlib -Wl,-T,"$tmp/prog.ld" "$@"
    }
    if link 0x80000000 -march=rv64imac -mabi=lp64 -o "$tmp/prog.elf" "$tmp/prog.S" \
            2>"$tmp/cc.err"; then
        tohost=$(printf '%016x' "0x$(${RISCV_CC%gcc}nm "$tmp/prog.elf" 2>/dev/null |
                 awk '$3 == "tohost" { print $1 }')" 2>/dev/null)
        expect_ok -M spike -kernel "$tmp/prog.elf" --mtree
        expect_out "(prio 1, i/o): htif.tohost"
        expect_out "(prio 1, i/o): htif.fromhost"
        if [ -n "$tohost" ] && [ "$tohost" != 0000000000000000 ]; then
            expect_out "^ *$tohost-"
        fi
        size=$(wc -c <"$tmp/prog.elf")
        for cut in 10 60 100 $((size / 2)) $((size - 1)); do
            head -c "$cut" "$tmp/prog.elf" >"$tmp/cut.elf"
            run -M spike -kernel "$tmp/cut.elf" --mtree
            # A cut in the symbol table may still load (without symbols);
            # anything else must be a clean one-line error.
            if [ "$status" -ne 0 ]; then
                expect_error "$tmp/cut.elf" -M spike -kernel "$tmp/cut.elf" --mtree
            fi
        done
        "$RISCV_CC" -march=rv64imac -mabi=lp64 -o "$tmp/rel.o" -c "$tmp/prog.S" \
            2>/dev/null && expect_error "not an executable" -kernel "$tmp/rel.o"
        link 0x40000000 -march=rv64imac -mabi=lp64 -o "$tmp/low.elf" "$tmp/prog.S" \
            2>/dev/null && expect_error "not inside RAM or ROM" -kernel "$tmp/low.elf"
        if link 0x80000000 -march=rv32imac -mabi=ilp32 -o "$tmp/rv32.elf" "$tmp/prog.S" \
                2>/dev/null; then
            expect_error "32-bit ELF file, but the harts are 64-bit" -kernel "$tmp/rv32.elf"
        fi
    else
        echo "cannot build a RISC-V test program: HTIF mapping not checked"
        sed 's/^/    /' "$tmp/cc.err"
    fi
else
    echo "$RISCV_CC not found: HTIF mapping not checked"
fi

echo "$checks command lines checked, $failures failure(s)"
[ "$failures" -eq 0 ]
