/* Remote attack: a task that stores addresses of its own into memory of its own first (what it
   allocates, a local table, a local structure a helper fills) and then copies them into the
   data it writes, by a field, a whole structure or memcpy. The bytes come back to rank 0 as
   addresses of another process: rank 0 crashed printing a.name. Such a task may not leave rank
   0; one that copies addresses out of the data it was given may. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct named { const char *name; long v; };

static long spin(long n) {
  long v = 0;
  for (long i = 0; i < n; i++) v += i % 7;
  return v;
}

void direct(struct named *out, long n) {
  struct named *t = malloc(sizeof *t);
  t->name = "direct";
  t->v = spin(n);
  *out = *t;
  free(t);
}

void direct_field(struct named *out, long n) {
  struct named *t = malloc(sizeof *t);
  t->name = "direct_field";
  out->name = t->name;
  out->v = spin(n);
  free(t);
}

void local_pointer(struct named *out, long n) {
  const char *names[2];
  names[0] = "local_pointer";
  names[1] = "unused";
  out->name = names[0];
  out->v = spin(n);
}

static void init(struct named *p, long n) {
  p->name = "via_helper";
  p->v = spin(n);
}

void via_helper(struct named *out, long n) {
  struct named *t = malloc(sizeof *t);
  init(t, n);
  *out = *t;
  free(t);
}

void via_local(struct named *out, long n) {
  struct named t;
  init(&t, n);
  t.name = "via_local";
  *out = t;
}

void copied_bytes(struct named *out, long n) {
  struct named t;
  t.name = "copied_bytes";
  t.v = spin(n);
  memcpy(out, &t, sizeof t);
}

/* Addresses that came from the caller's data mean the same on rank 0. */
void given_struct(struct named *out, const struct named *in, long n) {
  *out = *in;
  out->v += spin(n);
}

void given_elements(const char **out, const char *const *in, long n) {
  for (long i = 0; i < n; i++) out[i] = in[i % 2];
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 1000;
  struct named r[7];
  struct named source = {"given_struct", 1};
  const char *names[2] = {"even", "odd"};
  const char *picked[8];
#pragma dosc task
  direct(&r[0], n);
#pragma dosc task
  direct_field(&r[1], n);
#pragma dosc task
  local_pointer(&r[2], n);
#pragma dosc task
  via_helper(&r[3], n);
#pragma dosc task
  via_local(&r[4], n);
#pragma dosc task
  copied_bytes(&r[5], n);
#pragma dosc task
  given_struct(&r[6], &source, n);
#pragma dosc task
  given_elements(picked, names, 8);
#pragma dosc taskwait
  for (int i = 0; i < 7; i++) printf("%s %ld\n", r[i].name, r[i].v);
  for (int i = 0; i < 8; i++) printf("%s\n", picked[i]);
  return 0;
}
