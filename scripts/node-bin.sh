#!/usr/bin/env bash
# Prints the folder holding Node.js <major> (default 24), installing it first when it is not there yet.
# Node comes only from the npm registry's `node` package, which ships Node's official binaries:
#   export PATH="$(bash scripts/node-bin.sh 24):$PATH"
# Installs go to $CTP_NODE_HOME (default ~/.cache/ctp-session/node)/<major>; a second call reuses them.
set -euo pipefail
major="${1:-24}"
case "$major" in
  ''|*[!0-9]*) echo "node-bin.sh: the Node major version must be a number, got '$major'" >&2; exit 2 ;;
esac
home="${CTP_NODE_HOME:-${HOME:-/tmp}/.cache/ctp-session/node}"
dir="$home/$major"
bin="$dir/node_modules/.bin"

installed_major() { "$bin/node" -p 'process.versions.node.split(".")[0]' 2>/dev/null || true; }

if [ "$(installed_major)" != "$major" ]; then
  mkdir -p "$dir"
  echo "Installing Node.js $major from the npm registry's node package into $dir…" >&2
  # The package's install script fetches the matching node-<os>-<arch> package, also from the registry.
  npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "node@$major" >&2
  if [ "$(installed_major)" != "$major" ]; then
    echo "node-bin.sh: installing node@$major did not give a working Node $major in $bin; see npm's output above." >&2
    exit 1
  fi
fi
echo "$bin"
