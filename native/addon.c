// Switchyard's native addon: the few system calls Node does not offer, or offers only
// at a cost that shows on a small machine. run.c starts processes without fork;
// files.c takes flock(2), stats many files in one call and finds processes by name;
// netlink.c reads the links, addresses and routes without starting ip.
#include <stdlib.h>

#include "addon.h"

char *copy_string(napi_env env, napi_value value, size_t *len) {
  size_t n;
  if (napi_get_value_string_utf8(env, value, NULL, 0, &n) != napi_ok) return NULL;
  char *s = malloc(n + 1);
  if (!s) return NULL;
  napi_get_value_string_utf8(env, value, s, n + 1, &n);
  if (len) *len = n;
  return s;
}

napi_value throw_type(napi_env env, const char *message) {
  napi_throw_type_error(env, NULL, message);
  return NULL;
}

static napi_value init(napi_env env, napi_value exports) {
  const char *names[] = {"run", "tryLock", "statFiles", "readLinkState", "pidsNamed"};
  napi_callback fns[] = {run, try_lock, stat_files, read_link_state, pids_named};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    napi_value fn;
    CHECK(napi_create_function(env, names[i], NAPI_AUTO_LENGTH, fns[i], NULL, &fn));
    CHECK(napi_set_named_property(env, exports, names[i], fn));
  }
  return exports;
}

NAPI_MODULE_INIT() { return init(env, exports); }
