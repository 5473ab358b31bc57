#!/usr/bin/env bash
# Builds one platform (weapp | h5) with Taro. The progress bar would flood CI logs, so the full
# output goes to dist/build-<platform>.log; a summary is printed, or the whole log on failure.
set -uo pipefail
cd "$(dirname "$0")/.."
platform=${1:?usage: build.sh weapp|h5}
shift
mkdir -p dist
log="dist/build-$platform.log"
npx taro build --type "$platform" "$@" >"$log" 2>&1
rc=$?
clean() { sed -e 's/\x1b\[[0-9;]*[A-Za-z]//g' "$log"; }
if [[ $rc -ne 0 ]]; then
  clean | grep -v -E '^\s*$' | tail -n 80
  echo "taro build --type $platform failed (exit $rc); full log: $log" >&2
  exit $rc
fi
if [[ $platform == weapp ]]; then
  # Taro copies project.config.json into the package; DevTools opens the repository root instead
  # (its project.config.json points at dist/weapp), and a second copy must not ship.
  rm -f dist/weapp/project.config.json
fi
if [[ $platform == h5 ]]; then
  # Brotli and gzip copies beside each file, so the server never compresses per request.
  npx tsx server/scripts/precompress.ts dist/h5 || exit 1
fi
clean | grep -E -i 'compiled|warning|error' | grep -v -E '^\s*$' | tail -n 5
echo "built dist/$platform"
