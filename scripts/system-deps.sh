#!/usr/bin/env bash
# Installs the Debian packages the test suite drives (browser, OCR, font) when they are missing.
# Needs root (or sudo) and Debian's package mirror; says what it could not do and carries on,
# so the tests that need a missing program are skipped with a reason instead of failing.
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
if ! tesseract --list-langs 2>/dev/null | grep -qx vie; then need+=(tesseract-ocr-vie); fi
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else
    echo "system-deps: not root and no sudo; missing: ${need[*]} (tests needing them will be skipped)"; exit 0
  fi
fi
echo "system-deps: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null 2>&1 || true
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
  || echo "system-deps: could not install ${need[*]} (tests needing them will be skipped)"
exit 0
