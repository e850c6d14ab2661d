/* Remote attack: a task copies an address of its own process into the data it writes by a
   route whose static types do not say so: byte by byte through an `unsigned char` view of a
   local structure, memcpy from a `void *` or memmove from a byte buffer into bytes, a helper
   copying bytes, a `long` view, an address made a number and kept in a local, returned as a
   number, or a pointer that may point into its own memory or into what it was given. Rank 0
   got the bytes of another process's addresses and crashed printing them. Such a task may
   not leave rank 0; copies of plain data by bytes may. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct named { const char *name; long v; };

static long spin(long n) {
  long v = 0;
  for (long i = 0; i < n; i++) v += i % 7;
  return v;
}

void byte_loop(unsigned char *out, long n) {
  struct named t;
  t.name = "byte_loop";
  t.v = spin(n);
  const unsigned char *from = (const unsigned char *)&t;
  for (size_t k = 0; k < sizeof t; k++) out[k] = from[k];
}

void memcpy_void(unsigned char *out, long n) {
  struct named t;
  t.name = "memcpy_void";
  t.v = spin(n);
  void *src = &t;
  memcpy(out, src, sizeof t);
}

void memmove_buffer(unsigned char *out, long n) {
  struct named t;
  unsigned char buffer[sizeof(struct named)];
  t.name = "memmove_buffer";
  t.v = spin(n);
  memcpy(buffer, &t, sizeof t);
  memmove(out, buffer, sizeof buffer);
}

static void copy_bytes(unsigned char *to, const unsigned char *from, size_t k) {
  for (size_t i = 0; i < k; i++) to[i] = from[i];
}

void byte_helper(unsigned char *out, long n) {
  struct named t;
  t.name = "byte_helper";
  t.v = spin(n);
  copy_bytes(out, (const unsigned char *)&t, sizeof t);
}

void long_view(long *out, long n) {
  struct named t;
  t.name = "long_view";
  t.v = spin(n);
  const long *from = (const long *)&t;
  out[0] = from[0];
  out[1] = from[1];
}

void number_in_local(long *out, long n) {
  const char *name = "number_in_local";
  long number = (long)(uintptr_t)name;
  out[0] = number ^ 0;
  out[1] = spin(n);
}

long returned_number(long n) {
  long *cell = malloc(sizeof *cell);
  *cell = spin(n);
  return (long)(intptr_t)cell;
}

void either_pointer(struct named *out, const struct named *in, long n) {
  struct named own;
  own.name = "either_pointer";
  own.v = spin(n);
  const struct named *p = n > 0 ? &own : in;
  *out = *p;
}

/* Plain data copied by bytes: the same bytes mean the same on rank 0. */
void plain_bytes(unsigned char *out, const double *in, long n) {
  double t[2] = {in[0] + (double)spin(n), in[1]};
  const unsigned char *from = (const unsigned char *)t;
  for (size_t k = 0; k < sizeof t; k++) out[k] = from[k];
}

void plain_memcpy(double *out, const double *in, long n) {
  double *t = malloc(2 * sizeof *t);
  t[0] = in[0] * 2;
  t[1] = (double)spin(n);
  memcpy(out, t, 2 * sizeof *t);
  free(t);
}

void given_bytes(unsigned char *out, const struct named *in, long n) {
  copy_bytes(out, (const unsigned char *)in, sizeof *in);
  out[0] += (unsigned char)(spin(n) & 0);
}

static void print(const unsigned char *bytes) {
  struct named t;
  memcpy(&t, bytes, sizeof t);
  printf("%s %ld\n", t.name, t.v);
}

/* `prog N K` prints only result K (0-9): each hole alone. */
int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 1000;
  int only = argc > 2 ? atoi(argv[2]) : -1;
  unsigned char b[5][sizeof(struct named)];
  long l[2][2], r;
  struct named e, source = {"given", 7};
  double in[2] = {1.5, 2.5}, pd[2], pm[2];
#pragma dosc task
  byte_loop(b[0], n);
#pragma dosc task
  memcpy_void(b[1], n);
#pragma dosc task
  memmove_buffer(b[2], n);
#pragma dosc task
  byte_helper(b[3], n);
#pragma dosc task
  given_bytes(b[4], &source, n);
#pragma dosc task
  long_view(l[0], n);
#pragma dosc task
  number_in_local(l[1], n);
#pragma dosc task
  r = returned_number(n);
#pragma dosc task
  either_pointer(&e, &source, n);
#pragma dosc task
  plain_bytes((unsigned char *)pd, in, n);
#pragma dosc task
  plain_memcpy(pm, in, n);
#pragma dosc taskwait
  for (int i = 0; i < 5; i++)
    if (only < 0 || only == i) print(b[i]);
  if (only < 0 || only == 5) printf("%s %ld\n", (const char *)(uintptr_t)l[0][0], l[0][1]);
  if (only < 0 || only == 6) printf("%s %ld\n", (const char *)(uintptr_t)l[1][0], l[1][1]);
  if (only < 0 || only == 7) printf("%ld\n", *(long *)(intptr_t)r);
  if (only < 0 || only == 8) printf("%s %ld\n", e.name, e.v);
  if (only < 0 || only == 9) printf("%g %g %g %g\n", pd[0], pd[1], pm[0], pm[1]);
  return 0;
}
