#!/bin/sh
# make fuzz: build every fuzz target with clang's libFuzzer and
# AddressSanitizer in a build directory of its own, then run each for
# FUZZ_SECONDS (default 60). FUZZ_TARGETS="fuzz-idcheck fuzz-text" runs
# only those.
#
# A source tree configured in place (the README's ./configure) refuses a
# second build beside it, so the targets are built from a clean copy of
# the sources, the distribution's (make distdir), made again each run so
# it is never stale; the program links with the libraries that copy's
# configure found (QD_LIBS), as the program itself does.
set -eu
: "${QD_SRCDIR:?}"
: "${MAKE:=make}"
seconds=${FUZZ_SECONDS:-60}
build=${FUZZ_BUILD:-fuzz-build}
flags="-g -O1 -fsanitize=address,undefined"
mkdir -p "$build"
build=$(cd "$build" && pwd)
tree="$build/tree"

"$MAKE" -s distdir distdir="$tree" >/dev/null
cd "$tree"
./configure -q CC=clang CFLAGS="$flags,fuzzer-no-link"
"$MAKE" -s libqualdesk.a
libs=$("$MAKE" -s -f Makefile -f - fuzz-libs <<'MK'
fuzz-libs:
	@echo $(QD_LIBS)
MK
)
cd "$build"

for src in "$QD_SRCDIR"/tests/fuzz/fuzz-*.c; do
	name=$(basename "$src" .c)
	case " ${FUZZ_TARGETS:-$name} " in
	*" $name "*) ;;
	*) continue ;;
	esac
	# shellcheck disable=SC2086 # the libraries are words
	clang $flags,fuzzer -I"$tree/src" -I"$tree" -o "$name" "$src" \
	    "$tree/libqualdesk.a" $libs
	mkdir -p "corpus-$name"
	echo "== $name for $seconds s"
	./"$name" -max_total_time="$seconds" -max_len=4096 "corpus-$name"
done
