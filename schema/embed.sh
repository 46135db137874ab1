#!/bin/sh
# Turn the numbered schema/*.sql files into a C table compiled into the
# binary, in the order given (which must be the numeric order).
set -eu
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
