/*
 * The C floor for `npm run bench`: the same work each psutil-extra function
 * does, written the way a careful C program would do it, timed the same way
 * (batches of calls, median of the per-call time over the batches).
 *
 *   status-based (umask, groups, sigmasks): open + read to EOF + close of
 *     /proc/PID/status (proc(5)), then a byte-level parse of the lines asked for
 *   pgid, sid: getpgid(2), getsid(2)
 *   getrlimit / setrlimit: prlimit(2) with a NULL or a current new limit
 *   asdict: one status read parsed for umask, groups and all five signal masks,
 *     plus getpgid(2) and getsid(2)
 *   snapshot: asdict for every numeric entry of /proc (opendir/readdir)
 *
 * Driven by bench/run.ts through stdin and stdout (see main).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static char buf[16 * 1024];
static volatile uint64_t sink;

struct info {
  unsigned umask;
  int ngroups;
  unsigned groups[256];
  uint64_t masks[5];
  pid_t pgid, sid;
};

/* CLOCK_MONOTONIC (wall time) or CLOCK_PROCESS_CPUTIME_ID, per request. */
static clockid_t clock_id = CLOCK_MONOTONIC;

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(clock_id, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Whole file into buf, reading to EOF as the library does; -1 on error. */
static ssize_t read_status(pid_t pid) {
  char path[32];
  snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  size_t len = 0;
  for (;;) {
    ssize_t n = read(fd, buf + len, sizeof buf - len);
    if (n < 0) {
      close(fd);
      return -1;
    }
    if (n == 0) break;
    len += (size_t)n;
    if (len == sizeof buf) break;
  }
  close(fd);
  return (ssize_t)len;
}

static const char *field(const char *start, size_t len, const char *key) {
  const char *p = memmem(start, len, key, strlen(key));
  return p == NULL ? NULL : p + strlen(key);
}

static int parse_umask(const char *s, size_t len, struct info *out) {
  const char *p = field(s, len, "\nUmask:\t");
  if (p == NULL) return -1;
  unsigned v = 0;
  while (*p >= '0' && *p <= '7') v = v * 8 + (unsigned)(*p++ - '0');
  out->umask = v;
  return *p == '\n' ? 0 : -1;
}

static int parse_groups(const char *s, size_t len, struct info *out) {
  const char *p = field(s, len, "\nGroups:\t");
  if (p == NULL) return -1;
  out->ngroups = 0;
  while (*p != '\n') {
    if (*p == ' ') {
      p++;
      continue;
    }
    unsigned v = 0;
    if (*p < '0' || *p > '9') return -1;
    while (*p >= '0' && *p <= '9') v = v * 10 + (unsigned)(*p++ - '0');
    if (out->ngroups < 256) out->groups[out->ngroups++] = v;
  }
  return 0;
}

static int parse_mask(const char *s, size_t len, const char *key, uint64_t *out) {
  const char *p = field(s, len, key);
  if (p == NULL) return -1;
  uint64_t v = 0;
  for (;; p++) {
    int c = *p, d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else break;
    v = (v << 4) | (uint64_t)d;
  }
  *out = v;
  return *p == '\n' ? 0 : -1;
}

static int parse_masks(const char *s, size_t len, struct info *out) {
  static const char *keys[5] = {"\nSigPnd:\t", "\nSigBlk:\t", "\nSigIgn:\t", "\nSigCgt:\t", "\nShdPnd:\t"};
  for (int i = 0; i < 5; i++)
    if (parse_mask(s, len, keys[i], &out->masks[i]) < 0) return -1;
  return 0;
}

static int as_dict(pid_t pid, struct info *out) {
  ssize_t n = read_status(pid);
  if (n < 0) return -1;
  if (parse_umask(buf, (size_t)n, out) < 0 || parse_groups(buf, (size_t)n, out) < 0 ||
      parse_masks(buf, (size_t)n, out) < 0)
    return -1;
  out->pgid = getpgid(pid);
  out->sid = getsid(pid);
  return out->pgid < 0 || out->sid < 0 ? -1 : 0;
}

static pid_t target;
static struct rlimit current;

static int op_umask(void) {
  struct info in;
  ssize_t n = read_status(target);
  if (n < 0 || parse_umask(buf, (size_t)n, &in) < 0) return -1;
  sink += in.umask;
  return 0;
}

static int op_groups(void) {
  struct info in;
  ssize_t n = read_status(target);
  if (n < 0 || parse_groups(buf, (size_t)n, &in) < 0) return -1;
  sink += (uint64_t)in.ngroups;
  return 0;
}

static int op_sigmasks(void) {
  struct info in;
  ssize_t n = read_status(target);
  if (n < 0 || parse_masks(buf, (size_t)n, &in) < 0) return -1;
  sink += in.masks[3];
  return 0;
}

static int op_pgid(void) {
  pid_t v = getpgid(target);
  sink += (uint64_t)v;
  return v < 0 ? -1 : 0;
}

static int op_sid(void) {
  pid_t v = getsid(target);
  sink += (uint64_t)v;
  return v < 0 ? -1 : 0;
}

static int op_getrlimit(void) {
  struct rlimit old;
  if (prlimit(target, RLIMIT_NOFILE, NULL, &old) != 0) return -1;
  sink += old.rlim_cur;
  return 0;
}

static int op_setrlimit(void) {
  struct rlimit old;
  if (prlimit(target, RLIMIT_NOFILE, &current, &old) != 0) return -1;
  sink += old.rlim_cur;
  return 0;
}

static int op_asdict(void) {
  struct info in;
  if (as_dict(target, &in) < 0) return -1;
  sink += in.umask + (uint64_t)in.pgid;
  return 0;
}

/* Every process: processes that exit during the walk are skipped, as the
   TypeScript side skips NoSuchProcess. */
static int op_snapshot(void) {
  DIR *dir = opendir("/proc");
  if (dir == NULL) return -1;
  struct dirent *e;
  struct info in;
  while ((e = readdir(dir)) != NULL) {
    if (e->d_name[0] < '1' || e->d_name[0] > '9') continue;
    pid_t pid = (pid_t)strtol(e->d_name, NULL, 10);
    if (as_dict(pid, &in) == 0) sink += in.umask;
  }
  closedir(dir);
  return 0;
}

struct op {
  const char *name;
  int (*fn)(void);
};

static const struct op ops[] = {
    {"umask", op_umask},       {"groups", op_groups},       {"sigmasks", op_sigmasks},
    {"pgid", op_pgid},         {"sid", op_sid},             {"getrlimit", op_getrlimit},
    {"setrlimit", op_setrlimit}, {"asdict", op_asdict},     {"snapshot", op_snapshot},
};

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* Batches of calls sized to ~50 us, at least 12 of them and min_ms of time;
   the result is the median per-call time over the batches. */
static double measure(int (*fn)(void), double min_ms) {
  static double samples[1 << 20];
  for (int i = 0; i < 4; i++)
    if (fn() < 0) return -1;
  uint64_t t0 = now_ns();
  fn();
  uint64_t one = now_ns() - t0;
  long batch = one == 0 ? 4096 : (long)(50000 / one);
  if (batch < 1) batch = 1;
  if (batch > 4096) batch = 4096;
  size_t n = 0;
  uint64_t start = now_ns();
  while (n < sizeof samples / sizeof samples[0] && (n < 12 || (double)(now_ns() - start) < min_ms * 1e6)) {
    uint64_t a = now_ns();
    for (long i = 0; i < batch; i++) fn();
    samples[n++] = (double)(now_ns() - a) / (double)batch;
  }
  qsort(samples, n, sizeof samples[0], cmp);
  return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

/* A co-process of bench/run.ts: each stdin line "NAME PID MIN_MS CLOCK"
   (CLOCK: wall or cpu) is answered on stdout by "NAME NS" (median ns per
   call) or "NAME error TEXT". */
int main(void) {
  char line[256], name[64], clock_name[16];
  int pid;
  double min_ms;
  while (fgets(line, sizeof line, stdin) != NULL) {
    if (sscanf(line, "%63s %d %lf %15s", name, &pid, &min_ms, clock_name) != 4) {
      printf("? error bad request\n");
      fflush(stdout);
      continue;
    }
    clock_id = strcmp(clock_name, "cpu") == 0 ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC;
    target = (pid_t)pid;
    const struct op *op = NULL;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
      if (strcmp(name, ops[i].name) == 0) op = &ops[i];
    double ns = -1;
    if (op == NULL) {
      printf("%s error unknown function\n", name);
    } else if (prlimit(target, RLIMIT_NOFILE, NULL, &current) != 0) {
      printf("%s error prlimit(%d): %s\n", name, pid, strerror(errno));
    } else if ((ns = measure(op->fn, min_ms)) < 0) {
      printf("%s error failed on pid %d\n", name, pid);
    } else {
      printf("%s %.1f\n", name, ns);
    }
    fflush(stdout);
  }
  return 0;
}
