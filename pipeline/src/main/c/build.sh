#!/bin/sh
# Compiles serial_omp.c into OUTDIR/libsohoa-serial-omp.so (called by Maven at generate-resources).
# Only on Linux x86-64 with a C compiler; otherwise it says so and SoHoa keeps libgomp.
set -eu
out="$1"
src="$(dirname "$0")/serial_omp.c"
cc="${CC:-cc}"
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ] || ! command -v "$cc" >/dev/null 2>&1; then
  echo "serial OpenMP: no C compiler for Linux x86-64 here; Tesseract keeps libgomp" >&2
  exit 0
fi
mkdir -p "$out"
target="$out/libsohoa-serial-omp.so"
if [ -f "$target" ] && [ "$target" -nt "$src" ]; then exit 0; fi
"$cc" -O2 -shared -fPIC -nostdlib -Wall -Wextra -Werror -o "$target.tmp" "$src"
mv "$target.tmp" "$target"
