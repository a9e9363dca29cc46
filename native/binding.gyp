{
  "targets": [
    {
      "target_name": "switchyard_native",
      "sources": ["addon.c", "run.c", "files.c"],
      "cflags": ["-O2", "-Wall", "-Wextra"]
    }
  ]
}
