#!/usr/bin/env bash
# Builds the reference library for the platforms other than the build machine's own, and runs the
# C tests on each platform this machine can run, plus the sanitizer builds of the native library.
#
#   platforms.sh build <target-dir> <classes-dir> <version> <require>
#   platforms.sh test  <target-dir> <classes-dir> <version> <require>
#
# build: linux-aarch64 (aarch64-linux-gnu-gcc), win32-x86-64 (x86_64-w64-mingw32-gcc) and win32-x86
#   (i686-w64-mingw32-gcc) into <classes-dir>/<JNA resource prefix>/, so the jar holds them.
# test: the C tests of win32-x86-64 under Wine, of linux-aarch64 under qemu-user, and of the host
#   library built with ASan+UBSan and with TSan (target/native/{asan,tsan}). The win32-x86 library
#   cannot be run here (no 32-bit Wine): its C tests are only built, linked against it; its export
#   table is checked by the provider's tests.
# A missing tool skips its platform with a WARNING, unless <require> is true
# (-Dmapi4j.requireCrossPlatforms=true, set by CI): then the build fails naming the package.
set -euo pipefail

phase=$1 target=$2 classes=$3 version=$4 require=$5
here=$(cd "$(dirname "$0")/.." && pwd)
main_c=$here/main/c
test_c=$here/test/c
skipped=()

missing() { # <platform> <what is missing> <debian package>
  if [ "$require" = true ]; then
    echo "[ERROR] mapi-native-reference: $1 needs $2 (Debian package $3), and mapi4j.requireCrossPlatforms=true." >&2
    exit 1
  fi
  echo "[WARNING] mapi-native-reference: skipping $1: $2 not found (install the Debian package $3). The jar will lack it; -Dmapi4j.requireCrossPlatforms=true makes this an error."
  skipped+=("$1")
}

have() { command -v "$1" >/dev/null 2>&1; }

wine_cmd() {
  if have wine64; then command -v wine64
  elif [ -x /usr/lib/wine/wine64 ]; then echo /usr/lib/wine/wine64
  else return 1
  fi
}

timed() { # <label> <command...>: runs it and says how long it took
  local label=$1 start end
  shift
  start=$(date +%s%N)
  "$@"
  end=$(date +%s%N)
  echo "[INFO] mapi-native-reference: $label took $(( (end - start) / 1000000 )) ms"
}

build_lib() { # <prefix> <cc>
  make -s -C "$main_c" PLATFORM="$1" CC="$2" OUTDIR="$classes/$1" OBJDIR="$target/native/obj-$1" VERSION="$version"
}

if [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]; then
  if [ "$require" = true ]; then
    echo "[ERROR] mapi-native-reference: the other platforms are built on Linux x86-64 only (this is $(uname -s) $(uname -m))." >&2
    exit 1
  fi
  echo "[WARNING] mapi-native-reference: the other platforms and the sanitizer runs are made on Linux x86-64 only (this is $(uname -s) $(uname -m)); skipping them."
  exit 0
fi

case "$phase" in
build)
  if have aarch64-linux-gnu-gcc; then build_lib linux-aarch64 aarch64-linux-gnu-gcc
  else missing linux-aarch64 aarch64-linux-gnu-gcc gcc-aarch64-linux-gnu; fi
  if have x86_64-w64-mingw32-gcc; then build_lib win32-x86-64 x86_64-w64-mingw32-gcc
  else missing win32-x86-64 x86_64-w64-mingw32-gcc gcc-mingw-w64-x86-64; fi
  if have i686-w64-mingw32-gcc; then build_lib win32-x86 i686-w64-mingw32-gcc
  else missing win32-x86 i686-w64-mingw32-gcc gcc-mingw-w64-i686; fi
  ;;
test)
  # Sanitizers: the library and its tests instrumented; any report ends the run with a failure.
  for san in asan:address,undefined tsan:thread; do
    name=${san%%:*} flags=${san#*:}
    build() {
      make -s -C "$main_c" SANITIZE="$flags" OUTDIR="$target/native/$name/lib" OBJDIR="$target/native/$name/obj" VERSION="$version"
      ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
        make -s -C "$test_c" test SANITIZE="$flags" LIBDIR="$target/native/$name/lib" BUILDDIR="$target/native/$name/test"
    }
    timed "the $name build and C tests ($flags)" build
  done
  # The ASan runtime, for a JVM that loads the ASan build (it must be preloaded: mapi-provider-native's
  # tck-under-asan run).
  ln -sf "$(gcc -print-file-name=libasan.so)" "$target/native/asan/libasan.so"

  # Windows x86-64 under Wine. Wine has its own mapi32.dll, which would shadow the one under test.
  if [ -d "$classes/win32-x86-64" ]; then
    if wine=$(wine_cmd); then
      export WINEPREFIX=$target/wine-prefix WINEDEBUG=-all WINEDLLOVERRIDES=mapi32=n WINEARCH=win64
      make -s -C "$test_c" build PLATFORM=win32-x86-64 CC=x86_64-w64-mingw32-gcc LIBDIR="$classes/win32-x86-64" \
        BUILDDIR="$target/native/test-win32-x86-64"
      if [ ! -d "$WINEPREFIX" ]; then
        timed "creating the Wine prefix" "$wine" wineboot -i
      fi
      timed "the win32-x86-64 C tests under Wine" make -s -C "$test_c" test PLATFORM=win32-x86-64 \
        CC=x86_64-w64-mingw32-gcc LIBDIR="$classes/win32-x86-64" BUILDDIR="$target/native/test-win32-x86-64" RUN="$wine"
      # Wine's own mapi32.dll, a MAPI stub with no MAPI client behind it, answers as the provider's
      # NoMapiClient expects.
      x86_64-w64-mingw32-gcc -std=c11 -O1 -Wall -Wextra -Werror -o "$target/native/wine-stub-probe.exe" \
        "$here/test/wine/stub_probe.c"
      WINEDLLOVERRIDES=mapi32=b timed "probing Wine's mapi32.dll" "$wine" "$target/native/wine-stub-probe.exe"
      wineserver -k 2>/dev/null || true
    else
      missing "the win32-x86-64 C tests" wine64 wine64
    fi
  fi

  # win32-x86 cannot run here (no 32-bit Wine), but its C tests compile as stdcall clients and link
  # against the DLL itself, through its decorated exports.
  if [ -d "$classes/win32-x86" ]; then
    timed "building the win32-x86 C tests (not run)" make -s -C "$test_c" build PLATFORM=win32-x86 \
      CC=i686-w64-mingw32-gcc LIBDIR="$classes/win32-x86" BUILDDIR="$target/native/test-win32-x86"
  fi

  # linux-aarch64 under qemu-user, with the cross toolchain's libc as the target's root.
  if [ -d "$classes/linux-aarch64" ]; then
    if have qemu-aarch64; then
      timed "the linux-aarch64 C tests under qemu" make -s -C "$test_c" test PLATFORM=linux-aarch64 \
        CC=aarch64-linux-gnu-gcc LIBDIR="$classes/linux-aarch64" BUILDDIR="$target/native/test-linux-aarch64" \
        RUN="qemu-aarch64 -L /usr/aarch64-linux-gnu"
    else
      missing "the linux-aarch64 C tests" qemu-aarch64 qemu-user
    fi
  fi
  ;;
*)
  echo "usage: $0 build|test <target-dir> <classes-dir> <version> <require>" >&2
  exit 2
  ;;
esac
