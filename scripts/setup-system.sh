#!/usr/bin/env bash
# The system tier of the tests (`npm run setup:system`): Chromium (axe-core and layout checks in a
# real browser), LibreOffice Writer (opens every Word annex) and poppler (pdftoppm, for
# scripts/screenshots.mjs), from Debian or Ubuntu packages. Node 20 and `npm install` are enough
# for everything else; CI (.ci/run) runs this so that no system test is ever skipped there.
set -euo pipefail
packages=(chromium libreoffice-writer-nogui poppler-utils fonts-dejavu-core)
sudo=()
if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"
