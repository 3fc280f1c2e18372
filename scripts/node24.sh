#!/usr/bin/env bash
# Runs the test suite on Node 24, the version the Docker image ships, next to the machine's own Node.
#
#   scripts/node24.sh                      biome, tsc and the whole vitest suite (as `npm test`)
#   scripts/node24.sh test/store test/db   only these vitest files or folders (no biome/tsc)
#   NODE24_VERSION=24.22.3 scripts/node24.sh     another release (default: the Dockerfile's FROM node:X.Y.Z)
#   NODE24_INSTALL=copy scripts/node24.sh …      reuse this checkout's node_modules (after its own npm ci, as
#                                                in CI) and rebuild only better-sqlite3, the one addon tied to
#                                                Node's ABI: about a minute instead of a full npm ci
#
# Only the npm registry is needed (or npm's cache, once it has been filled): Node comes from the registry's
# node-linux-<arch> package, which ships the binary and include/node, so node-gyp builds better-sqlite3 for
# Node 24 offline against those headers (npm_config_nodedir; this machine's npmrc points nodedir at Node 20's).
# The project is copied (tracked and untracked, not ignored files) into a cache folder with its own
# node_modules, so the working tree's Node 20 install is never touched; node_modules there is reused while
# package-lock.json and the Node version are unchanged.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${VERSUS_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/versus-node}"
VERSION="${NODE24_VERSION:-$(sed -nE 's/^FROM node:([0-9]+\.[0-9]+\.[0-9]+)-.*/\1/p' "$ROOT/Dockerfile" | head -n 1)}"
[[ "$VERSION" =~ ^24\.[0-9]+\.[0-9]+$ ]] || { echo "node24: no Node 24 version (Dockerfile FROM or NODE24_VERSION): '$VERSION'" >&2; exit 2; }
# better-sqlite3 12 built against 24.19.0-24.21.x headers aborts the process during GC (see the Dockerfile).
[[ "$VERSION" =~ ^24\.(19|20|21)\. ]] && { echo "node24: Node $VERSION aborts with better-sqlite3 12; use 24.18.1 or 24.22.0+" >&2; exit 2; }
case "$(uname -m)" in
  x86_64) ARCH=x64 ;;
  aarch64 | arm64) ARCH=arm64 ;;
  *) echo "node24: no node-linux package for $(uname -m)" >&2; exit 2 ;;
esac
NODE_DIR="$CACHE/node-v$VERSION-linux-$ARCH"
APP="$CACHE/app-v$VERSION"
step() { printf 'node24: %s (%ss)\n' "$1" "$SECONDS"; }

# 1. Node itself: `npm pack` fetches the package tarball through npm's cache (no install scripts run).
if [[ ! -x "$NODE_DIR/bin/node" || ! -f "$NODE_DIR/include/node/node_version.h" ]]; then
  step "fetching node-linux-$ARCH@$VERSION from the npm registry"
  mkdir -p "$CACHE"
  tmp="$(mktemp -d "$CACHE/.fetch.XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  tarball="$(cd "$tmp" && npm pack --prefer-offline --silent "node-linux-$ARCH@$VERSION" | tail -n 1)"
  tar -xzf "$tmp/$tarball" -C "$tmp"
  [[ -f "$tmp/package/include/node/node_version.h" ]] || { echo "node24: the package has no include/node headers" >&2; exit 1; }
  rm -rf "$NODE_DIR"
  mv "$tmp/package" "$NODE_DIR"
fi
export PATH="$NODE_DIR/bin:$PATH"
export npm_config_nodedir="$NODE_DIR"
# No prebuilt download attempt (GitHub is unreachable here): node-gyp compiles against the headers above.
export npm_config_build_from_source=true
[[ "$(node --version)" == "v$VERSION" ]] || { echo "node24: $NODE_DIR/bin/node is not v$VERSION" >&2; exit 1; }

# 2. A copy of the project: files git knows (tracked or untracked, not ignored), its node_modules kept.
step "copying the project to $APP"
mkdir -p "$APP"
find "$APP" -mindepth 1 -maxdepth 1 ! -name node_modules -exec rm -rf {} +
(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard) |
  (cd "$ROOT" && tar --null --no-recursion --ignore-failed-read -T - -cf - 2>/dev/null) | tar -xf - -C "$APP"
# Tests that read ../shared (the source articles, the originality check) look beside the project;
# the originality check lists files with git, so the copy is a repository too.
if [[ -d "$ROOT/../shared" ]]; then ln -sfn "$(cd "$ROOT/../shared" && pwd)" "$CACHE/shared"; else rm -f "$CACHE/shared"; fi
(cd "$APP" && git init -q && git add -A)

# 3. Dependencies built for this Node (better-sqlite3 compiles against $NODE_DIR/include/node).
INSTALL="${NODE24_INSTALL:-ci}"
stamp="$(sha256sum < "$APP/package-lock.json" | cut -d' ' -f1) $VERSION $INSTALL"
if [[ "$(cat "$APP/node_modules/.node24-stamp" 2>/dev/null)" != "$stamp" ]]; then
  if [[ "$INSTALL" == copy ]]; then
    [[ -d "$ROOT/node_modules/better-sqlite3" ]] || { echo "node24: NODE24_INSTALL=copy needs npm ci in $ROOT first" >&2; exit 2; }
    rm -rf "$APP/node_modules"
    cp -a --reflink=auto "$ROOT/node_modules" "$APP/node_modules"
    # The compile is most of the time: a build for this better-sqlite3 and this Node is kept and reused.
    sqlite_version="$(node -p "require('$APP/node_modules/better-sqlite3/package.json').version")"
    built="$CACHE/better-sqlite3-$sqlite_version-node-$VERSION-$ARCH.node"
    if [[ -f "$built" ]]; then
      step "copied node_modules; better-sqlite3 $sqlite_version for Node $VERSION from the cache"
      cp "$built" "$APP/node_modules/better-sqlite3/build/Release/better_sqlite3.node"
    else
      step "copied node_modules; rebuilding better-sqlite3 $sqlite_version for Node $VERSION"
      (cd "$APP" && npm rebuild better-sqlite3 --no-audit --no-fund --loglevel=error)
      cp "$APP/node_modules/better-sqlite3/build/Release/better_sqlite3.node" "$built.tmp" && mv "$built.tmp" "$built"
    fi
  else
    step "npm ci for Node $VERSION"
    (cd "$APP" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error)
  fi
  echo "$stamp" > "$APP/node_modules/.node24-stamp"
fi
(cd "$APP" && node -e "new (require('better-sqlite3'))(':memory:').close()") ||
  { echo "node24: better-sqlite3 does not load on Node $VERSION" >&2; exit 1; }

# 4. The tests.
step "testing on $(node --version)"
cd "$APP"
if [[ $# -eq 0 ]]; then npm test; else npx vitest run "$@"; fi
step "done on $(node --version)"
