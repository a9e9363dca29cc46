#!/bin/sh
# deb/rpm post-install. Replaces electron-builder's default script, so it does that
# script's essential steps itself (the app on PATH, the Chromium sandbox, the menu),
# then enables the unit that starts autostart networks at boot.
set -e
ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'
# Chromium's setuid sandbox is needed only where unprivileged user namespaces are not.
if unshare --user true 2>/dev/null; then
  chmod 0755 '/opt/${sanitizedProductName}/chrome-sandbox' || true
else
  chmod 4755 '/opt/${sanitizedProductName}/chrome-sandbox' || true
fi
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database /usr/share/applications || true; fi
if [ -d /run/systemd/system ]; then
  systemctl daemon-reload || true
  systemctl enable switchyard-autostart.service || true
fi
