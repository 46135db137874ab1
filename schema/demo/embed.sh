#!/bin/sh
# Turn the invented demo data files (schema/demo/*.csv) into a C table
# compiled into the binary, so `serve --demo` needs no files beside it.
# The files are UTF-8 text with LF line ends.
set -eu
cr=$(printf '\r')
echo '/* Generated from schema/demo/ by schema/demo/embed.sh; do not edit. */'
echo '#include "qualdesk.h"'
i=0
for f in "$@"; do
	if grep -q "$cr" "$f"; then
		echo "embed.sh: $f has CR line ends; keep it LF" >&2
		exit 1
	fi
	i=$((i + 1))
	printf 'static const char demo_file_%d[] =\n' "$i"
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/\t"/' -e 's/$/\\n"/' "$f"
	printf '\t"";\n'
done
echo 'const struct demo_file demo_files[] = {'
i=0
for f in "$@"; do
	i=$((i + 1))
	printf '\t{ "%s", demo_file_%d, sizeof demo_file_%d - 1 },\n' \
	    "$(basename "$f")" "$i" "$i"
done
echo '};'
echo "const size_t demo_nfiles = $#;"
