#!/usr/bin/env bash
# Compares DigestBot's Markdown renderers with the npm converters people use instead, on the same corpus.
# Installs telegramify-markdown, slackify-markdown and md-to-slack into a temporary folder (nothing is kept),
# times them in node, then times DigestBot and checks every output (see bench/README.md).
# Usage: bench/compare-converters.sh [OUTPUT_DIR]   (default: a temporary folder, printed at the end)
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-$(mktemp -d -t digestbot-converters-XXXXXX)}
modules=$(mktemp -d -t digestbot-npm-XXXXXX)
trap 'rm -rf "$modules"' EXIT

project=bench/DigestBot.Benchmarks
dotnet build -c Release "$project" >/dev/null
dotnet run -c Release --no-build --project "$project" -- export-corpus "$out"

(cd "$modules" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent telegramify-markdown slackify-markdown md-to-slack)
node bench/compare/convert.mjs "$out" "$modules/node_modules"

dotnet run -c Release --no-build --project "$project" -- validate-converters "$out"
echo "outputs and results.md in $out"
