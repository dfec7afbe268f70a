#!/bin/sh
# test-logging.sh: the -d log items and -D as a user meets them, on guest
# programs from roms/: each item writes what QEMU's does (in_asm: the
# guest code of each translated block under "IN: <symbol>"; op / op_opt:
# the IR; exec: a "Trace" line for every run of a block (chaining is off
# while it logs, so the trace is complete without nochain); cpu: the registers; int: every trap with its cause, epc and
# tval; guest_errors: accesses to nothing; mmu: page faults and what each
# sfence.vma flushed, a fence for another ASID flushing nothing), to the -D
# file when given (stderr then stays empty) and to stderr otherwise, and
# never changes what the guest prints or its exit status.  An unknown item
# and a log file that cannot be opened are one-line errors with status 2.
#
# LEMU overrides the binary (default: $top_builddir/lemu).

test_name=logging
. "$(dirname "$0")/testlib.sh"
ROMS=$top_builddir/roms

for f in hello.elf tests/trap-ecall.elf tests/access-fault-unmapped.elf \
         virt-tests/vm-sfence.elf; do
    if [ ! -f "$ROMS/$f" ]; then
        echo "guest program $ROMS/$f not built"
        exit 99
    fi
done

# log BOARD ROM ITEMS: run ROM with -d ITEMS -D $tmp/log; check the guest's
# output and status are those of a run without logging, and stderr is empty.
log() {
    board=$1 rom=$ROMS/$2 items=$3
    fw=
    [ "$board" = virt ] && fw="-bios none"
    # shellcheck disable=SC2086
    "$LEMU" -M "$board" $fw -nographic -kernel "$rom" >"$tmp/plain" 2>/dev/null </dev/null
    plain_status=$?
    rm -f "$tmp/log"
    # shellcheck disable=SC2086
    "$LEMU" -M "$board" $fw -nographic -kernel "$rom" -d "$items" -D "$tmp/log" \
        >"$tmp/out" 2>"$tmp/err" </dev/null
    status=$?
    checks=$((checks + 1))
    if [ "$status" -ne "$plain_status" ]; then
        fail "-d $items on $2: status $status, $plain_status without -d"
    fi
    if ! cmp -s "$tmp/out" "$tmp/plain"; then
        fail "-d $items on $2: the guest's output changed"
    fi
    if [ -s "$tmp/err" ]; then
        fail "-d $items -D file on $2: stderr is not empty:"
        head -5 "$tmp/err" | sed 's/^/    /'
    fi
    if [ ! -s "$tmp/log" ]; then
        fail "-d $items on $2: empty log"
    fi
}

# has PATTERN WHAT: the last log has a line matching PATTERN (grep -E).
has() {
    if ! grep -q -E -e "$1" "$tmp/log"; then
        fail "$2: no line matching '$1' in the log"
    fi
}

# count PATTERN: lines of the last log matching PATTERN.
count() {
    grep -c -E -e "$1" "$tmp/log"
}

# ---- translation: in_asm, op, op_opt ---------------------------------------
log spike hello.elf in_asm
has '^IN: _start$' "in_asm"
has '^0x0000000080000000:  [0-9a-f]{4,8} +auipc +gp, ' "in_asm: _start's first instruction"
has '^0x0000000000001000:  00000297 +auipc +t0, 0x0$' "in_asm: the reset ROM"
if grep -q -E '^(OP|Trace)' "$tmp/log"; then
    fail "in_asm alone logged IR or execution"
fi

log spike hello.elf op
has '^OP:$' "op"
has '^ ---- 0x80000000 0x0$' "op: instruction starts"
has 'qemu_(ld|st)_i64' "op: memory accesses"

log spike hello.elf op_opt
has '^OP after optimization and liveness analysis:$' "op_opt"
has '# dead: ' "op_opt: liveness"

# ---- execution: exec, nochain, cpu -------------------------------------------
log spike hello.elf exec
has '^Trace 0: 0x[0-9a-f]+ \[0000000000000000/0000000080000000/[0-9a-f]{8}/[0-9a-f]{8}\] _start$' \
    "exec"
# exec alone already logs every run of a block (lemu stops chaining for
# it), so nochain adds nothing: the loop that clears .bss runs many times.
loops=$(count '^Trace .* rt_zero_range$')
all=$(count '^Trace ')
if [ "$loops" -lt 100 ]; then
    fail "exec: the .bss loop logged $loops times"
fi
log spike hello.elf exec,nochain
if [ "$(count '^Trace ')" -ne "$all" ]; then
    fail "exec,nochain logged $(count '^Trace ') blocks, exec alone $all"
fi

log spike hello.elf cpu
has '^ pc       0000000080000000$' "cpu: pc at _start"
has '^ x0 /zero 0000000000000000 x1 /ra +[0-9a-f]{16} x2 /sp +[0-9a-f]{16}' "cpu: registers by ABI name"

# ---- traps and errors: int, guest_errors -------------------------------------
log spike tests/trap-ecall.elf int
has 'cause:000000000000000b, epc:0x0000000080[0-9a-f]{6}, tval:0x0000000000000000, desc=machine_ecall' \
    "int: ecall from M"
has 'cause:0000000000000008, .*desc=user_ecall' "int: ecall from U"

log spike tests/access-fault-unmapped.elf guest_errors,int
has '^read of 8 bytes at 0x40000000: nothing mapped there$' "guest_errors: a load from a hole"
has 'cause:0000000000000005, .*tval:0x0000000040000000, desc=fault_load' "int: the load's fault"

# ---- mmu: page faults and sfence.vma -----------------------------------------
log virt virt-tests/vm-sfence.elf mmu
has '^tlb_fill: .*fault at 0x' "mmu: a page fault"
has '^sfence.vma: flush all S/U entries$' "mmu: sfence.vma x0, x0"
has '^sfence.vma: flush the page of 0x' "mmu: sfence.vma va, x0"
has '^sfence.vma: asid 0x7 is not the current 0x5: nothing to flush$' \
    "mmu: sfence.vma for another ASID"
if [ "$(count 'asid 0x7 is not the current')" -ne 2 ]; then
    fail "mmu: expected exactly two fences for ASID 7 to flush nothing"
fi

# ---- to stderr without -D; bad items and files -------------------------------
"$LEMU" -M spike -nographic -kernel "$ROMS/hello.elf" -d in_asm >"$tmp/out" 2>"$tmp/err" </dev/null
checks=$((checks + 1))
if ! grep -q '^IN: _start$' "$tmp/err" || grep -q '^IN: ' "$tmp/out"; then
    fail "-d in_asm without -D: the log is not on stderr alone"
fi

for bad in "-d commit" "-d in_asm,nope" "-d in_asm -D $tmp/no/such/dir/log"; do
    # shellcheck disable=SC2086
    "$LEMU" -M spike -nographic -kernel "$ROMS/hello.elf" $bad >"$tmp/out" 2>"$tmp/err" </dev/null
    status=$?
    checks=$((checks + 1))
    if [ "$status" -ne 2 ] || [ "$(wc -l <"$tmp/err")" -ne 1 ] || ! grep -q '^lemu: ' "$tmp/err" ||
            [ -s "$tmp/out" ]; then
        fail "lemu $bad: status $status, expected 2 with one line 'lemu: ...' on stderr:"
        sed 's/^/    /' "$tmp/err"
    fi
done

echo "$checks runs checked, $failures failure(s)"
[ "$failures" -eq 0 ]
