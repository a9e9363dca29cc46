// What the addon's files share: the N-API entry points and two argument helpers.
#pragma once
#include <node_api.h>
#include <stddef.h>

#define CHECK(call)                                                                                \
  do {                                                                                             \
    if ((call) != napi_ok) return NULL;                                                            \
  } while (0)

napi_value run(napi_env env, napi_callback_info info);
napi_value try_lock(napi_env env, napi_callback_info info);
napi_value stat_files(napi_env env, napi_callback_info info);
napi_value read_link_state(napi_env env, napi_callback_info info);
napi_value pids_named(napi_env env, napi_callback_info info);

/** A malloc'd UTF-8 copy of a JS string (LEN set when given); NULL when it is none. */
char *copy_string(napi_env env, napi_value value, size_t *len);
/** Throws a TypeError; returns NULL for the caller to return. */
napi_value throw_type(napi_env env, const char *message);
