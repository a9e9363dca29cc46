{
  "targets": [
    {
      "target_name": "switchyard_spawn",
      "sources": ["spawn.c"],
      "cflags": ["-O2", "-Wall", "-Wextra"]
    }
  ]
}
