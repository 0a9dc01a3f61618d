# Sourced by build-pkg.sh, bench.sh and bench-size.sh: the one wasm-opt
# (npm binaryen, never Debian's) and the flags every build of the module is
# optimised with, so the shipped, benchmarked and measured copies compare.
# WASM_OPT overrides the path (tests/js/build.test.mjs: a missing one fails the build).
opt=${WASM_OPT:-node_modules/.bin/wasm-opt}
OPT_FLAGS=(-Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
