#!/usr/bin/env bash
# Regenerates the README's screenshots from what the real bot sends: ReadmeScreenshots drives the real Javacord
# client against the stand-in Discord with the shipped knowledge base and records every payload (and uploaded
# picture) in target/screenshots; render-screenshots.py draws each as Discord shows it and headless Chromium
# takes the picture into docs/screenshots. Installs Debian's chromium and fonts when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi 'Noto Color Emoji'; then
    echo "installing chromium and fonts (Debian packages)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core fonts-noto-color-emoji \
        fonts-dejavu-core >/dev/null
fi
rm -rf target/screenshots
mvn -B -q test -Dtest=ReadmeScreenshots -Dsurefire.failIfNoSpecifiedTests=false \
    -Dcrisisdesk.screenshots="$PWD/target/screenshots"
rm -f docs/screenshots/*.png
python3 scripts/render-screenshots.py target/screenshots docs/screenshots
