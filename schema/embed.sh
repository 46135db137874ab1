#!/bin/sh
# Turn the numbered schema/*.sql files into a C table compiled into the
# binary, in numeric order whatever order the modules list them in. Two
# files of one number stop the build. Numbers are handed out ahead of
# time to lines of work that proceed side by side, so a number may be
# missing until its line is merged: that is said, not refused (the
# database counts the files applied, not their numbers).
set -eu
sorted=$(for f in "$@"; do printf '%s %s\n' "$(basename "$f")" "$f"; done |
	sort -n)
i=0
for name in $(printf '%s\n' "$sorted" | cut -d' ' -f1); do
	i=$((i + 1))
	n=$(printf '%s' "$name" | sed 's/^0*\([0-9][0-9]*\)-.*/\1/')
	if [ "$n" -lt "$i" ]; then
		echo "embed.sh: $name: two migrations of number $n" >&2
		exit 1
	fi
	if [ "$n" != "$i" ]; then
		echo "embed.sh: $name: numbers $i to $((n - 1)) are missing" >&2
		i=$n
	fi
done
set -- $(printf '%s\n' "$sorted" | cut -d' ' -f2)
echo '/* Generated from the schema/ SQL files by schema/embed.sh; do not edit. */'
echo '#include <stddef.h>'
echo 'struct schema_file { const char *name; const char *sql; };'
echo 'const struct schema_file schema_files[] = {'
for f in "$@"; do
	printf '\t{ "%s",\n' "$(basename "$f")"
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/\t  "/' -e 's/$/\\n"/' "$f"
	printf '\t},\n'
done
echo '};'
echo "const size_t schema_nfiles = $#;"
