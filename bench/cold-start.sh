#!/usr/bin/env bash
# Cold start of the bundle: `node dist/index.js` from process start to a clean input failure
# (no network), which is the fixed cost every step pays before its first request.
# Uses hyperfine when installed (apt-get install hyperfine), else a plain loop.
set -euo pipefail
cd "$(dirname "$0")/.."
export GITHUB_OUTPUT=/dev/null GITHUB_STEP_SUMMARY=/dev/null INPUT_OPERATION=list
runs=${RUNS:-20}
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 3 --runs "$runs" -i 'node dist/index.js' 'node -e 0'
else
  start=$(date +%s%N)
  for _ in $(seq "$runs"); do node dist/index.js >/dev/null || true; done
  end=$(date +%s%N)
  echo "node dist/index.js: $(( (end - start) / runs / 1000000 )) ms per run over $runs runs"
fi
ls -l dist/index.js | awk '{print "dist/index.js: " $5 " bytes"}'
