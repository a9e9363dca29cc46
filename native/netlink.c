// The links, addresses and routes of our network namespace, read over rtnetlink: what
// `ip -json link/addr/route show` prints, without starting ip. Every command reads
// them once (reconcile), and a process start is the slowest part of that on a small
// machine. Three dumps on one socket; only the fields Switchyard looks at.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "addon.h"

#define BUFFER_SIZE (64 * 1024)

typedef int (*on_message)(napi_env env, struct nlmsghdr *h, napi_value out);

// A dump request of TYPE with its zeroed header of HEADER bytes (family AF_UNSPEC: all).
static int request_dump(int fd, int type, size_t header, unsigned seq) {
  struct {
    struct nlmsghdr h;
    unsigned char body[sizeof(struct ifinfomsg) + sizeof(struct rtmsg)];
  } req;
  memset(&req, 0, sizeof req);
  req.h.nlmsg_len = NLMSG_LENGTH(header);
  req.h.nlmsg_type = (unsigned short)type;
  req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  req.h.nlmsg_seq = seq;
  struct sockaddr_nl kernel = {.nl_family = AF_NETLINK};
  return sendto(fd, &req, req.h.nlmsg_len, 0, (struct sockaddr *)&kernel, sizeof kernel) < 0 ? errno : 0;
}

// Reads one dump to its NLMSG_DONE, calling ON for each message. Returns an errno.
static int read_dump(napi_env env, int fd, unsigned seq, char *buf, on_message on, napi_value out) {
  for (;;) {
    ssize_t n = recv(fd, buf, BUFFER_SIZE, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, (size_t)n); h = NLMSG_NEXT(h, n)) {
      if (h->nlmsg_seq != seq) continue;
      if (h->nlmsg_type == NLMSG_DONE) return 0;
      if (h->nlmsg_type == NLMSG_ERROR) {
        struct nlmsgerr *e = NLMSG_DATA(h);
        return e->error ? -e->error : 0;
      }
      if (h->nlmsg_flags & NLM_F_DUMP_INTR) return EAGAIN;
      int rc = on(env, h, out);
      if (rc) return rc;
    }
  }
}

static void set_string(napi_env env, napi_value obj, const char *key, const char *value) {
  napi_value v;
  napi_create_string_utf8(env, value, NAPI_AUTO_LENGTH, &v);
  napi_set_named_property(env, obj, key, v);
}

static void set_int(napi_env env, napi_value obj, const char *key, int64_t value) {
  napi_value v;
  napi_create_int64(env, value, &v);
  napi_set_named_property(env, obj, key, v);
}

static void push(napi_env env, napi_value array, napi_value item) {
  uint32_t length;
  napi_get_array_length(env, array, &length);
  napi_set_element(env, array, length, item);
}

// An attribute's payload as a NUL-terminated string, or NULL.
static const char *attr_string(struct rtattr *a) {
  size_t len = RTA_PAYLOAD(a);
  const char *s = RTA_DATA(a);
  return len > 0 && s[len - 1] == '\0' ? s : NULL;
}

static int on_link(napi_env env, struct nlmsghdr *h, napi_value out) {
  if (h->nlmsg_type != RTM_NEWLINK) return 0;
  struct ifinfomsg *ifi = NLMSG_DATA(h);
  int len = (int)IFLA_PAYLOAD(h);
  napi_value link;
  napi_create_object(env, &link);
  set_int(env, link, "index", ifi->ifi_index);
  napi_value up;
  napi_get_boolean(env, (ifi->ifi_flags & IFF_UP) != 0, &up);
  napi_set_named_property(env, link, "up", up);
  for (struct rtattr *a = IFLA_RTA(ifi); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
    const char *s = attr_string(a);
    if (a->rta_type == IFLA_IFNAME && s) set_string(env, link, "name", s);
    if (a->rta_type == IFLA_IFALIAS && s && *s) set_string(env, link, "alias", s);
  }
  push(env, out, link);
  return 0;
}

static int on_addr(napi_env env, struct nlmsghdr *h, napi_value out) {
  if (h->nlmsg_type != RTM_NEWADDR) return 0;
  struct ifaddrmsg *ifa = NLMSG_DATA(h);
  int len = (int)IFA_PAYLOAD(h);
  void *local = NULL, *address = NULL;
  for (struct rtattr *a = IFA_RTA(ifa); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
    if (a->rta_type == IFA_LOCAL) local = RTA_DATA(a);
    if (a->rta_type == IFA_ADDRESS) address = RTA_DATA(a);
  }
  // As ip prints it: IFA_LOCAL where there is one (a point-to-point address has both).
  void *shown = local ? local : address;
  char text[INET6_ADDRSTRLEN];
  if (!shown || !inet_ntop(ifa->ifa_family, shown, text, sizeof text)) return 0;
  napi_value addr;
  napi_create_object(env, &addr);
  set_int(env, addr, "index", ifa->ifa_index);
  set_string(env, addr, "local", text);
  set_int(env, addr, "prefixlen", ifa->ifa_prefixlen);
  push(env, out, addr);
  return 0;
}

static int on_route(napi_env env, struct nlmsghdr *h, napi_value out) {
  if (h->nlmsg_type != RTM_NEWROUTE) return 0;
  struct rtmsg *rt = NLMSG_DATA(h);
  if (rt->rtm_flags & RTM_F_CLONED) return 0;
  int len = (int)RTM_PAYLOAD(h);
  int64_t table = rt->rtm_table, oif = 0;
  void *dst = NULL;
  for (struct rtattr *a = RTM_RTA(rt); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
    if (a->rta_type == RTA_TABLE) table = *(uint32_t *)RTA_DATA(a);
    if (a->rta_type == RTA_DST) dst = RTA_DATA(a);
    if (a->rta_type == RTA_OIF) oif = *(int32_t *)RTA_DATA(a);
  }
  napi_value route;
  napi_create_object(env, &route);
  set_int(env, route, "table", table);
  set_int(env, route, "type", rt->rtm_type);
  set_int(env, route, "dstLen", rt->rtm_dst_len);
  if (oif) set_int(env, route, "index", oif);
  char text[INET6_ADDRSTRLEN];
  if (dst && inet_ntop(rt->rtm_family, dst, text, sizeof text)) set_string(env, route, "dst", text);
  push(env, out, route);
  return 0;
}

static int dump(napi_env env, int fd, char *buf, int type, size_t header, unsigned seq, on_message on,
                napi_value out) {
  int rc = request_dump(fd, type, header, seq);
  return rc ? rc : read_dump(env, fd, seq, buf, on, out);
}

// readLinkState() -> {links: [{index, name, up, alias?}], addrs: [{index, local,
// prefixlen}], routes: [{table, type, dstLen, dst?, index?}]}. Throws with errno's text.
napi_value read_link_state(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value result, links, addrs, routes;
  int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
  char *buf = malloc(BUFFER_SIZE);
  int rc = fd < 0 ? errno : !buf ? ENOMEM : 0;
  CHECK(napi_create_object(env, &result));
  CHECK(napi_create_array(env, &links));
  CHECK(napi_create_array(env, &addrs));
  CHECK(napi_create_array(env, &routes));
  if (!rc) rc = dump(env, fd, buf, RTM_GETLINK, sizeof(struct ifinfomsg), 1, on_link, links);
  if (!rc) rc = dump(env, fd, buf, RTM_GETADDR, sizeof(struct ifaddrmsg), 2, on_addr, addrs);
  if (!rc) rc = dump(env, fd, buf, RTM_GETROUTE, sizeof(struct rtmsg), 3, on_route, routes);
  if (fd >= 0) close(fd);
  free(buf);
  if (rc) {
    napi_throw_error(env, NULL, strerror(rc));
    return NULL;
  }
  napi_set_named_property(env, result, "links", links);
  napi_set_named_property(env, result, "addrs", addrs);
  napi_set_named_property(env, result, "routes", routes);
  return result;
}
