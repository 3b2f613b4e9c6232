#!/bin/sh
# Compiles SoHoa's small native libraries into OUTDIR (called by Maven at generate-resources): serial_omp.c into
# libsohoa-serial-omp.so (see SerialOpenMp) and words.cpp into libsohoa-words.so (see TesseractWords). Only on
# Linux x86-64 with the compilers (and Tesseract's headers, libtesseract-dev, for words.cpp); otherwise it says
# so and SoHoa keeps libgomp, or reads the words through Tesseract's C API.
set -eu
out="$1"
dir="$(dirname "$0")"
cc="${CC:-cc}"
cxx="${CXX:-c++}"
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "SoHoa's native libraries: built on Linux x86-64 only; Tesseract keeps libgomp" >&2
  exit 0
fi
mkdir -p "$out"

target="$out/libsohoa-serial-omp.so"
if ! command -v "$cc" >/dev/null 2>&1; then
  echo "serial OpenMP: no C compiler here; Tesseract keeps libgomp" >&2
elif [ ! -f "$target" ] || [ "$dir/serial_omp.c" -nt "$target" ]; then
  "$cc" -O2 -shared -fPIC -nostdlib -Wall -Wextra -Werror -o "$target.tmp" "$dir/serial_omp.c"
  mv "$target.tmp" "$target"
fi

# not linked to a libtesseract: its symbols come from the one the process has loaded (see words.cpp)
target="$out/libsohoa-words.so"
if ! command -v "$cxx" >/dev/null 2>&1 || [ ! -f /usr/include/tesseract/resultiterator.h ]; then
  echo "Tesseract's words in one call: no C++ compiler or no Tesseract headers (libtesseract-dev) here" >&2
elif [ ! -f "$target" ] || [ "$dir/words.cpp" -nt "$target" ]; then
  "$cxx" -O2 -shared -fPIC -std=c++17 -Wall -Wextra -Werror -o "$target.tmp" "$dir/words.cpp"
  mv "$target.tmp" "$target"
fi
