// Process start without fork.
//
// libuv starts a child with fork(), which copies the page tables of the whole Node
// process: on a small VM that blocks the event loop for several milliseconds per
// command, and a network start runs half a dozen of them. posix_spawn(3) in glibc uses
// clone(CLONE_VM | CLONE_VFORK), so the parent waits only until the child has exec'd.
// The whole run (input, output, exit status, timeout) happens on a thread of its own,
// so the event loop is not blocked at all. Not on libuv's pool: its four threads are
// shared with fs, and a stop runs five commands at once, any of which may hang until
// its time limit.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "addon.h"

extern char **environ;

typedef struct {
  char *data;
  size_t len;
  size_t cap;
} Bytes;

typedef struct {
  napi_threadsafe_function done; // hands the finished run back to the main thread
  napi_deferred deferred;
  char *file;   // resolved against PATH on the main thread: see resolve()
  char **argv;
  char **envp;  // a copy of environ taken on the main thread
  char *input;
  size_t input_len;
  int timeout_ms;
  int ignore_stdout; // stdout to /dev/null: for a daemon, which may keep it open
  int error;     // errno of a failed start, 0 when the child ran
  int status;    // wait status
  int timed_out; // 1 when the child was killed for running too long
  Bytes out;
  Bytes err;
} Run;

static int append(Bytes *b, const char *chunk, size_t n) {
  if (b->len + n > b->cap) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + n) cap *= 2;
    char *grown = realloc(b->data, cap);
    if (!grown) return -1;
    b->data = grown;
    b->cap = cap;
  }
  memcpy(b->data + b->len, chunk, n);
  b->len += n;
  return 0;
}

static long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

// The child gets the signal state a fresh process has: Node ignores SIGPIPE, and an
// ignored signal would stay ignored across exec.
static int child_attributes(posix_spawnattr_t *attr) {
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  sigdelset(&all, SIGKILL);
  sigdelset(&all, SIGSTOP);
  if (posix_spawnattr_init(attr)) return -1;
  posix_spawnattr_setsigmask(attr, &none);
  posix_spawnattr_setsigdefault(attr, &all);
  return posix_spawnattr_setflags(attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
}

static int start_child(Run *r, int in[2], int out[2], int err[2], pid_t *pid) {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  if (posix_spawn_file_actions_init(&actions)) return errno;
  posix_spawn_file_actions_adddup2(&actions, in[0], 0);
  if (r->ignore_stdout) posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  else posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  int rc = child_attributes(&attr) ? errno : 0;
  if (!rc) rc = posix_spawn(pid, r->file, &actions, &attr, r->argv, r->envp);
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
  return rc;
}

static void close_pair(int p[2]) {
  if (p[0] >= 0) close(p[0]);
  if (p[1] >= 0) close(p[1]);
}

static void drain(int fd, Bytes *b) {
  char chunk[65536];
  ssize_t n;
  while ((n = read(fd, chunk, sizeof chunk)) > 0) append(b, chunk, (size_t)n);
}

// Feeds the input and collects both outputs until the child exits (its pidfd turns
// readable) or, without a pidfd, until it closes them. Ending at the exit matters for
// a command that leaves a daemon behind holding our pipe. What the child wrote before
// it exited is still in the pipes and is read then. A deadline that passes kills it.
static void exchange(Run *r, pid_t pid, int in, int out, int err) {
  int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
  struct pollfd fds[4] = {{in, POLLOUT, 0}, {out, POLLIN, 0}, {err, POLLIN, 0}, {pidfd, POLLIN, 0}};
  size_t written = 0;
  long deadline = r->timeout_ms > 0 ? now_ms() + r->timeout_ms : -1;
  char chunk[65536];
  if (r->input_len == 0) {
    close(in);
    fds[0].fd = -1;
  }
  while (fds[1].fd >= 0 || fds[2].fd >= 0) {
    int wait = -1;
    if (deadline >= 0) {
      long left = deadline - now_ms();
      if (left <= 0) {
        kill(pid, SIGKILL);
        r->timed_out = 1;
        deadline = -1;
        continue;
      }
      wait = (int)left;
    }
    if (poll(fds, 4, wait) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[0].fd >= 0 && fds[0].revents) {
      ssize_t n = write(in, r->input + written, r->input_len - written);
      if (n > 0) written += (size_t)n;
      if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == r->input_len) {
        close(in);
        fds[0].fd = -1;
      }
    }
    for (int i = 1; i < 3; i++) {
      if (fds[i].fd < 0 || !fds[i].revents) continue;
      ssize_t n = read(fds[i].fd, chunk, sizeof chunk);
      if (n > 0) {
        append(i == 1 ? &r->out : &r->err, chunk, (size_t)n);
      } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
        close(fds[i].fd);
        fds[i].fd = -1;
      }
    }
    if (fds[3].fd >= 0 && fds[3].revents) {
      for (int i = 1; i < 3; i++)
        if (fds[i].fd >= 0) drain(fds[i].fd, i == 1 ? &r->out : &r->err);
      break;
    }
  }
  for (int i = 0; i < 4; i++)
    if (fds[i].fd >= 0) close(fds[i].fd);
}

static void execute(Run *r) {
  if (r->error) return;
  int in[2] = {-1, -1}, out[2] = {-1, -1}, err[2] = {-1, -1};
  if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC)) {
    r->error = errno;
    close_pair(in), close_pair(out), close_pair(err);
    return;
  }
  pid_t pid;
  r->error = start_child(r, in, out, err, &pid);
  close(in[0]), close(out[1]), close(err[1]);
  if (r->error) {
    close(in[1]), close(out[0]), close(err[0]);
    return;
  }
  fcntl(in[1], F_SETFL, O_NONBLOCK);
  fcntl(out[0], F_SETFL, O_NONBLOCK);
  fcntl(err[0], F_SETFL, O_NONBLOCK);
  exchange(r, pid, in[1], out[0], err[0]);
  while (waitpid(pid, &r->status, 0) < 0 && errno == EINTR) {
  }
}

static void free_strings(char **list) {
  if (list)
    for (char **a = list; *a; a++) free(*a);
  free(list);
}

static void free_run(Run *r) {
  free(r->file);
  free_strings(r->argv);
  free_strings(r->envp);
  free(r->input);
  free(r->out.data);
  free(r->err.data);
  free(r);
}

static napi_value number_or_null(napi_env env, int has, int value) {
  napi_value v;
  if (has) napi_create_int32(env, value, &v);
  else napi_get_null(env, &v);
  return v;
}

static void set(napi_env env, napi_value obj, const char *key, napi_value v) {
  napi_set_named_property(env, obj, key, v);
}

// On the main thread, once the run's thread is done with it. ENV is NULL when Node is
// shutting down: then only the memory goes.
static void complete(napi_env env, napi_value js_cb, void *context, void *data) {
  (void)js_cb, (void)context;
  Run *r = data;
  if (!env) {
    free_run(r);
    return;
  }
  napi_value result, v;
  napi_create_object(env, &result);
  if (r->error) {
    napi_create_string_utf8(env, strerror(r->error), NAPI_AUTO_LENGTH, &v);
    set(env, result, "error", v);
    napi_create_int32(env, r->error, &v);
    set(env, result, "errno", v);
  } else {
    set(env, result, "code", number_or_null(env, WIFEXITED(r->status), WEXITSTATUS(r->status)));
    set(env, result, "signal", number_or_null(env, WIFSIGNALED(r->status), WTERMSIG(r->status)));
    napi_get_boolean(env, r->timed_out, &v);
    set(env, result, "timedOut", v);
    napi_create_string_utf8(env, r->out.data ? r->out.data : "", r->out.len, &v);
    set(env, result, "stdout", v);
    napi_create_string_utf8(env, r->err.data ? r->err.data : "", r->err.len, &v);
    set(env, result, "stderr", v);
  }
  napi_resolve_deferred(env, r->deferred, result);
  free_run(r);
}

static void *run_thread(void *data) {
  Run *r = data;
  napi_threadsafe_function done = r->done;
  execute(r);
  napi_call_threadsafe_function(done, r, napi_tsfn_blocking);
  napi_release_threadsafe_function(done, napi_tsfn_release);
  return NULL;
}

static char **copy_argv(napi_env env, napi_value file, napi_value args) {
  uint32_t n;
  if (napi_get_array_length(env, args, &n) != napi_ok) return NULL;
  char **argv = calloc(n + 2, sizeof *argv);
  if (!argv) return NULL;
  if (!(argv[0] = copy_string(env, file, NULL))) {
    free(argv);
    return NULL;
  }
  for (uint32_t i = 0; i < n; i++) {
    napi_value item;
    napi_get_element(env, args, i, &item);
    argv[i + 1] = copy_string(env, item, NULL);
    if (!argv[i + 1]) {
      for (uint32_t j = 0; j <= i; j++) free(argv[j]);
      free(argv);
      return NULL;
    }
  }
  return argv;
}

// The environment and PATH are read here, on the main thread: Node may change them
// (process.env) while a run's thread starts a child, and glibc does not lock environ.
static char **copy_environ(void) {
  size_t n = 0;
  while (environ[n]) n++;
  char **copy = calloc(n + 1, sizeof *copy);
  for (size_t i = 0; copy && i < n; i++)
    if (!(copy[i] = strdup(environ[i]))) {
      free_strings(copy);
      return NULL;
    }
  return copy;
}

// FILE as execvp would find it: a name with a slash as it is, else the first
// executable in PATH. NULL with errno set when there is none.
static char *resolve(const char *file) {
  if (strchr(file, '/')) return strdup(file);
  const char *path = getenv("PATH");
  if (!path) path = "/usr/local/bin:/usr/bin:/bin";
  size_t flen = strlen(file);
  int found_errno = ENOENT;
  for (const char *p = path;; p++) {
    const char *end = strchrnul(p, ':');
    size_t dlen = (size_t)(end - p);
    char *candidate = malloc(dlen + flen + 3);
    if (!candidate) return NULL;
    if (dlen) snprintf(candidate, dlen + flen + 3, "%.*s/%s", (int)dlen, p, file);
    else snprintf(candidate, flen + 3, "./%s", file); // an empty entry is the current dir
    struct stat st;
    if (access(candidate, X_OK) == 0 && stat(candidate, &st) == 0 && S_ISREG(st.st_mode)) return candidate;
    if (errno == EACCES) found_errno = EACCES;
    free(candidate);
    if (!*end) break;
    p = end;
  }
  errno = found_errno;
  return NULL;
}

// run(file, args, input, timeoutMs, ignoreStdout)
//   -> Promise<{code, signal, timedOut, stdout, stderr} | {error, errno}>
napi_value run(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5], promise, name;
  bool ignore_stdout = false;
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 5) return throw_type(env, "run(file, args, input, timeoutMs, ignoreStdout)");
  napi_get_value_bool(env, argv[4], &ignore_stdout);
  Run *r = calloc(1, sizeof *r);
  if (!r) return throw_type(env, "out of memory");
  char *wanted = copy_string(env, argv[0], NULL);
  r->argv = copy_argv(env, argv[0], argv[1]);
  r->envp = copy_environ();
  r->input = copy_string(env, argv[2], &r->input_len);
  napi_get_value_int32(env, argv[3], &r->timeout_ms);
  r->ignore_stdout = ignore_stdout;
  if (!wanted || !r->argv || !r->envp || !r->input) {
    free(wanted);
    free_run(r);
    return throw_type(env, "run: file and input must be strings, args an array of strings");
  }
  // A program that is not there is reported like a failed start, from the worker.
  if (!(r->file = resolve(wanted))) r->error = errno;
  free(wanted);
  CHECK(napi_create_promise(env, &r->deferred, &promise));
  CHECK(napi_create_string_utf8(env, "switchyard.run", NAPI_AUTO_LENGTH, &name));
  // The thread-safe function keeps the event loop alive until the run is handed back.
  CHECK(napi_create_threadsafe_function(env, NULL, NULL, name, 0, 1, NULL, NULL, NULL, complete, &r->done));
  pthread_attr_t attr;
  pthread_t thread;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  int rc = pthread_create(&thread, &attr, run_thread, r);
  pthread_attr_destroy(&attr);
  if (rc) {
    // Answered like a start that failed: the caller's one-line error names the errno.
    napi_release_threadsafe_function(r->done, napi_tsfn_abort);
    r->error = rc;
    complete(env, NULL, NULL, r);
  }
  return promise;
}

