#!/usr/bin/env bash
# Debian's Chromium drives the browser tests (test tools cannot download their own browser here);
# a headless Java runtime runs the Nu Html Checker.
set -euo pipefail
missing=()
# The tests use $CHROMIUM when it is set (GitHub's runners ship Google Chrome), else Debian's chromium.
if [ -z "${CHROMIUM:-}" ] || [ ! -x "${CHROMIUM}" ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fi
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Please install: ${missing[*]} (apt-get install ${missing[*]})" >&2
  exit 1
fi
