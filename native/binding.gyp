{
  "targets": [
    {
      "target_name": "switchyard_native",
      "sources": ["addon.c", "run.c", "files.c", "netlink.c"],
      "cflags": ["-O2", "-Wall", "-Wextra"]
    }
  ]
}
