// flock(2) on a descriptor Node opened, the stat of many files in one call, and the
// processes with a given name.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "addon.h"

// tryLock(fd) -> true when the exclusive lock is ours, false when another holds it.
napi_value try_lock(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg, result;
  int32_t fd;
  CHECK(napi_get_cb_info(env, info, &argc, &arg, NULL, NULL));
  if (argc < 1 || napi_get_value_int32(env, arg, &fd) != napi_ok) return throw_type(env, "tryLock(fd)");
  int rc;
  while ((rc = flock(fd, LOCK_EX | LOCK_NB)) < 0 && errno == EINTR) {
  }
  if (rc < 0 && errno != EWOULDBLOCK) {
    napi_throw_error(env, NULL, strerror(errno));
    return NULL;
  }
  CHECK(napi_get_boolean(env, rc == 0, &result));
  return result;
}


// statFiles(dir, names) -> Float64Array with [ino, size, mtimeMs, errno] per name,
// mtimeMs computed as Node's fs.Stats does (sec * 1e3 + nsec / 1e6), so values saved
// from either compare equal. errno is 0 for a file that was read; its other three are
// NaN otherwise. One call instead of one JS Stats object per file: at 1,000
// definitions that is the difference between ~1 and ~9 ms on a small machine.
napi_value stat_files(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], buffer, result;
  uint32_t n;
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 2 || napi_get_array_length(env, argv[1], &n) != napi_ok)
    return throw_type(env, "statFiles(dir, names)");
  char *dir = copy_string(env, argv[0], NULL);
  if (!dir) return throw_type(env, "statFiles: dir must be a string");
  int dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int dir_errno = dirfd < 0 ? errno : 0;
  free(dir);
  double *out;
  CHECK(napi_create_arraybuffer(env, (size_t)n * 4 * sizeof(double), (void **)&out, &buffer));
  for (uint32_t i = 0; i < n; i++) {
    napi_value item;
    struct stat st;
    char *name = napi_get_element(env, argv[1], i, &item) == napi_ok ? copy_string(env, item, NULL) : NULL;
    int rc = dir_errno ? dir_errno : !name ? EINVAL : fstatat(dirfd, name, &st, 0) ? errno : 0;
    free(name);
    double *row = out + (size_t)i * 4;
    row[0] = rc ? NAN : (double)st.st_ino;
    row[1] = rc ? NAN : (double)st.st_size;
    row[2] = rc ? NAN : (double)st.st_mtim.tv_sec * 1e3 + (double)st.st_mtim.tv_nsec / 1e6;
    row[3] = rc;
  }
  if (dirfd >= 0) close(dirfd);
  CHECK(napi_create_typedarray(env, napi_float64_array, (size_t)n * 4, buffer, 0, &result));
  return result;
}

// pidsNamed(comm) -> Int32Array of the PIDs whose /proc/PID/comm is COMM. Reconcile
// looks for dnsmasq among every process on each command: a desktop has hundreds, and
// reading each one's command line from JS cost milliseconds.
napi_value pids_named(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg, buffer, result;
  CHECK(napi_get_cb_info(env, info, &argc, &arg, NULL, NULL));
  char *comm = argc < 1 ? NULL : copy_string(env, arg, NULL);
  if (!comm) return throw_type(env, "pidsNamed(comm)");
  DIR *proc = opendir("/proc");
  size_t count = 0, cap = 64;
  int32_t *pids = malloc(cap * sizeof *pids);
  for (struct dirent *e; proc && pids && (e = readdir(proc));) {
    char *end;
    long pid = strtol(e->d_name, &end, 10);
    if (*end || pid <= 0) continue;
    char path[64], name[64];
    snprintf(path, sizeof path, "/proc/%ld/comm", pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    ssize_t n = read(fd, name, sizeof name - 1);
    close(fd);
    if (n <= 0) continue;
    name[n] = '\0';
    if (name[n - 1] == '\n') name[n - 1] = '\0';
    if (strcmp(name, comm)) continue;
    if (count == cap) {
      int32_t *grown = realloc(pids, (cap *= 2) * sizeof *pids);
      if (!grown) break;
      pids = grown;
    }
    pids[count++] = (int32_t)pid;
  }
  if (proc) closedir(proc);
  free(comm);
  int32_t *out;
  napi_status st = napi_create_arraybuffer(env, count * sizeof *out, (void **)&out, &buffer);
  if (st == napi_ok && count) memcpy(out, pids, count * sizeof *out);
  free(pids);
  CHECK(st);
  CHECK(napi_create_typedarray(env, napi_int32_array, count, buffer, 0, &result));
  return result;
}
