#!/bin/sh
# Builds SoHoa's libtesseract into OUTDIR/libtesseract.so (called by Maven at generate-resources; see
# TesseractLibrary): Tesseract 5.3.0, the version Debian 12 ships, from Debian's copy of the upstream source,
# compiled with link-time optimization and without OpenMP. Debian's own build calls its small helpers across
# files through the PLT (StrideMap::Index and the like, a fifth of the CPU time of a page); with LTO they are
# inlined: the same text, about 15 % less OCR time (bench/README.md). The build is made once a machine (about
# two minutes on two cores) and kept in the user cache; when it cannot be made (no network, no compiler, not
# Linux x86-64, SOHOA_TESSERACT_BUILD=0) the script says so and SoHoa uses the system's libtesseract.
# tesseract-simd.patch computes the LSTM's activations (Tanh, Logistic) and its int8 rounding eight at a time
# with AVX2 on CPUs that have it (tesseract-simd-check.cpp, run before the build is used, checks bit for bit
# that they give what the scalar code gives), and its int8 matrix products with AVX512-VNNI's multiply-add where
# the CPU has it (the same sums; TesseractLibraryTest reads a page with it and with DOTPRODUCT=avx2).
set -eu
out="$1"
version=5.3.0
sha256=7e70870f8341e5ea228af2836ce79a36eefa11b01b56177b4a8997f330c014b8
url="${SOHOA_TESSERACT_SOURCE:-http://deb.debian.org/debian/pool/main/t/tesseract/tesseract_$version.orig.tar.gz}"
flags="-flto=auto -fno-semantic-interposition"
# where Debian's build looks for its models when it is given no folder; and TESSERACT_IMAGEDATA_AS_PIX, upstream's
# switch that keeps each text line's image as a Pix instead of writing it to a PNG and decoding it again before
# the recognizer reads it (zlib was 9 % of a page's CPU time in perf; without the training tools the lines are
# never serialized): the same text, 4-20 % less time for the tesseract CLI on a page
defines='-DTESSDATA_PREFIX=\"/usr/share/tesseract-ocr/5\" -DTESSERACT_IMAGEDATA_AS_PIX'
options="-DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON -DBUILD_TRAINING_TOOLS=OFF -DBUILD_TESTS=OFF
  -DOPENMP_BUILD=OFF -DGRAPHICS_DISABLED=ON -DDISABLE_CURL=ON -DDISABLE_ARCHIVE=ON -DENABLE_NATIVE=OFF"

# why there is no build, left next to where it would be (TesseractLibraryTest reports it instead of failing)
skip() {
  echo "SoHoa's libtesseract: $1; the system's libtesseract is used" >&2
  mkdir -p "$out"
  rm -f "$out/libtesseract.so"
  echo "$1" > "$out/libtesseract.skipped"
  exit 0
}

[ "${SOHOA_TESSERACT_BUILD:-1}" = 0 ] && skip "not built (SOHOA_TESSERACT_BUILD=0)"
[ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] || skip "built on Linux x86-64 only"
here="$(cd "$(dirname "$0")" && pwd)"
patches="$(cat "$here/tesseract-simd.patch" "$here/tesseract-simd-check.cpp" | cksum | cut -d' ' -f1)"
key="$(printf '%s %s %s %s %s %s' "$version" "$sha256" "$flags" "$defines" "$options" "$patches" | cksum | cut -d' ' -f1)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/sohoa/build/tesseract-$version-$key"
lib="$cache/libtesseract.so"

if [ ! -f "$lib" ]; then
  [ -f "$cache/failed" ] && skip "its build failed before ($cache/failed; delete the file to try again)"
  for tool in cmake c++ make curl patch; do
    command -v "$tool" >/dev/null 2>&1 || skip "no $tool here (bin/setup installs it)"
  done
  [ -f /usr/include/leptonica/allheaders.h ] || skip "no Leptonica headers (libleptonica-dev)"
  mkdir -p "$cache"
  work="$(mktemp -d "$cache/work.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  echo "SoHoa's libtesseract: building Tesseract $version with link-time optimization (once, about two minutes)" >&2
  # Debian's archive, else the Debian mirrors apt is configured with
  mirrors="$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | grep -oE 'https?://[^ ]+/debian/?' | sed 's:/*$::' | sort -u || true)"
  fetched=""
  for source in "$url" $(for m in $mirrors; do echo "$m/pool/main/t/tesseract/tesseract_$version.orig.tar.gz"; done); do
    if curl -fsSL --connect-timeout 15 --retry 2 -o "$work/source.tar.gz" "$source"; then fetched="$source"; break; fi
  done
  [ -n "$fetched" ] || skip "cannot download $url"
  echo "$sha256  $work/source.tar.gz" | sha256sum -c --status || skip "the source from $fetched is not the expected one"
  tar -xzf "$work/source.tar.gz" -C "$work"
  if ! (cd "$work/tesseract-$version" && patch -p1 --quiet < "$here/tesseract-simd.patch" >"$work/patch.log" 2>&1); then
    cp "$work/patch.log" "$cache/failed"
    skip "tesseract-simd.patch does not apply"
  fi
  # the patched activations against the scalar ones, before anything is built with them
  if ! (cd "$work/tesseract-$version" && c++ -O2 -std=c++17 -DFAST_FLOAT -Isrc/lstm -Isrc/ccutil -Iinclude \
          -o "$work/simd-check" "$here/tesseract-simd-check.cpp" src/lstm/functions.cpp >"$work/check.log" 2>&1 \
        && "$work/simd-check" >>"$work/check.log" 2>&1); then
    tail -n 20 "$work/check.log" >&2
    cp "$work/check.log" "$cache/failed"
    skip "the AVX2 activations do not give the scalar ones' results"
  fi
  jobs="$(nproc 2>/dev/null || echo 2)"
  # shellcheck disable=SC2086
  if ! (cd "$work" && cmake -S "tesseract-$version" -B build $options -DCMAKE_CXX_FLAGS="$flags $defines" \
          -DCMAKE_SHARED_LINKER_FLAGS="$flags" >"$work/build.log" 2>&1 \
        && cmake --build build --target libtesseract -j "$jobs" >>"$work/build.log" 2>&1); then
    tail -n 20 "$work/build.log" >&2
    cp "$work/build.log" "$cache/failed"
    skip "the build failed"
  fi
  built="$(readlink -f "$work/build/libtesseract.so")"
  cp "$built" "$lib.tmp"
  mv "$lib.tmp" "$lib"
fi

mkdir -p "$out"
rm -f "$out/libtesseract.skipped"
if [ ! -f "$out/libtesseract.so" ] || [ "$lib" -nt "$out/libtesseract.so" ]; then
  cp "$lib" "$out/libtesseract.so"
fi
