#!/bin/sh
# make fuzz: build every fuzz target with clang's libFuzzer and
# AddressSanitizer in a build directory of its own, then run each for
# FUZZ_SECONDS (default 60). FUZZ_TARGETS="fuzz-idcheck fuzz-text" runs
# only those.
set -eu
: "${QD_SRCDIR:?}"
seconds=${FUZZ_SECONDS:-60}
build=${FUZZ_BUILD:-fuzz-build}
mkdir -p "$build"
cd "$build"
if [ ! -f Makefile ]; then
	"$QD_SRCDIR/configure" -q CC=clang \
	    CFLAGS="-g -O1 -fsanitize=address,undefined,fuzzer-no-link"
fi
make -s libqualdesk.a

for src in "$QD_SRCDIR"/tests/fuzz/fuzz-*.c; do
	name=$(basename "$src" .c)
	case " ${FUZZ_TARGETS:-$name} " in
	*" $name "*) ;;
	*) continue ;;
	esac
	eval clang -g -O1 -fsanitize=address,undefined,fuzzer \
	    -I"$QD_SRCDIR/src" -I. -o "$name" "$src" libqualdesk.a \
	    $(pkg-config --libs ncursesw libssh sqlite3 libqrencode opencc \
		 libcrypto) -lutil
	mkdir -p "corpus-$name"
	echo "== $name for $seconds s"
	./"$name" -max_total_time="$seconds" -max_len=4096 "corpus-$name"
done
