#!/bin/sh
# Turn the numbered schema/*.sql files into a C table compiled into the
# binary, in numeric order whatever order the modules list them in. Two
# files of one number stop the build. A database's version is the count
# of migrations applied, so a number left free (a branch's migration
# not merged yet) is skipped, not a version.
set -eu
sorted=$(for f in "$@"; do printf '%s %s\n' "$(basename "$f")" "$f"; done |
	sort -n)
last=0
for name in $(printf '%s\n' "$sorted" | cut -d' ' -f1); do
	n=$(printf '%s' "$name" | sed 's/^0*\([0-9][0-9]*\)-.*/\1/')
	if [ "$n" -le "$last" ]; then
		echo "embed.sh: $name: migration number $n is taken" >&2
		exit 1
	fi
	last=$n
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
