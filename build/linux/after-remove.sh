#!/bin/sh
# deb/rpm post-remove: undo after-install.sh on removal (deb: remove/purge; rpm: 0
# packages left), not on upgrade. Running networks are left alone.
case "$1" in
  remove | purge | 0)
    rm -f '/usr/bin/${executable}'
    if [ -d /run/systemd/system ]; then
      systemctl disable switchyard-autostart.service 2>/dev/null || true
      systemctl daemon-reload || true
    fi
    ;;
esac
