#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3, the last release that runs on
# Node 20) from npm into a cache folder outside the repository, following
# /work/shared/REAL-VSCODE.md. A marker file makes reruns instant. Prints the
# install folder on its last line. `--check` installs nothing: it exits 0 when
# code-server is installed and 1 when not.
#
# Needs the Debian packages of scripts/ensureInstalled.mjs (build and
# codeServer; `npm start` and `npm test` install them): ripgrep (copied in,
# because @vscode/ripgrep would download rg from GitHub), libkrb5-dev,
# libsecret-1-dev, libxkbfile-dev, build-essential, pkg-config, python3.
set -euo pipefail

VERSION=4.100.3
DIR="${FLUXBASE_CODE_SERVER_DIR:-$HOME/.cache/fluxbase-secrets/code-server-$VERSION}"
MARKER="$DIR/.fluxbase-installed-$VERSION"

if [[ "${1:-}" == "--check" ]]; then
  [[ -f "$MARKER" ]]
  exit
fi
if [[ -f "$MARKER" ]]; then
  echo "code-server $VERSION already installed in $DIR"
  echo "$DIR"
  exit 0
fi
if [[ -e "$DIR" ]]; then
  echo "error: $DIR exists but has no install marker; remove it and rerun" >&2
  exit 1
fi

# ~/.npmrc may say yes=false, which cancels node-pty's `npx node-gyp`.
export npm_config_yes=true
export npm_config_fund=false
export npm_config_audit=false
export npm_config_update_notifier=false

RG="$(command -v rg || true)"
if [[ -z "$RG" ]]; then
  echo "error: ripgrep (rg) is not installed; apt-get install ripgrep" >&2
  exit 1
fi

# Build in a staging folder and move it into place only when complete, so an
# interrupted install never leaves a half-built folder that looks finished.
STAGE="$DIR.partial"
rm -rf "$STAGE"
mkdir -p "$STAGE"
start=$SECONDS
echo "Installing code-server $VERSION into $DIR (takes a few minutes)"

cd "$STAGE"
# Anchors npm here instead of letting it walk up to an ancestor package.json.
# code-server as a real dependency, so that allowScripts (npm 11) can name it: the one install script run
# here is argon2's; code-server's own postinstall is replaced by the steps below.
cat >package.json <<JSON
{
  "name": "fluxbase-code-server-cache",
  "private": true,
  "dependencies": { "code-server": "$VERSION" },
  "allowScripts": { "argon2": true, "code-server": false }
}
JSON
npm install --ignore-scripts --no-package-lock
npm rebuild argon2

cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$RG" node_modules/@vscode/ripgrep/bin/rg
# Every native module of VS Code is built here on purpose: declare them for npm 11 (older npm has no
# install-scripts command and no warning).
if npm install-scripts ls >/dev/null 2>&1; then
  npm install-scripts approve --all --no-allow-scripts-pin >/dev/null
fi
npm rebuild
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev)

cd "$STAGE"
"$STAGE/node_modules/.bin/code-server" --version >/dev/null
date -u +%Y-%m-%dT%H:%M:%SZ >"$STAGE/.fluxbase-installed-$VERSION"
cd /
mv "$STAGE" "$DIR"
echo "Installed code-server $VERSION in $((SECONDS - start)) s"
echo "$DIR"
