/* Probes of forward gotos (branch nulls12, 2026-11-29): a dense store a goto skips, a walked pointer
   stepped on one path, a counter stepped on one path, counts after a label reached from a long
   prefix, a goto between the cases of a switch, a goto inside do-while(0), scalars set in either
   arm bounding a loop. Each is a task; the footprint oracle checks every figure, the remote
   oracle the answer. */
#include <stdio.h>
#include <stdlib.h>

/* a dense store skipped by a forward goto out of an if nest */
void skip_dense(double *a, const double *c, int n) {
  for (int i = 0; i < n; i++) {
    if (c[i] > 0) {
      if (c[i] > 5) goto next;
    }
    a[i] = 1.0;
  next:;
  }
}

/* a walked pointer stepped on one path only */
void walked(double *a, int n, int k) {
  double *p = a;
  if (k) goto skip;
  p += 3;
skip:
  for (int i = 0; i < n; i++) p[i] = 2.0;
}

/* a counter stepped on one path only */
void counter(double *a, const double *c, int n) {
  int k = 0;
  for (int i = 0; i < n; i++) {
    if (c[i] < 0) goto nope;
    a[k++] = c[i];
  nope:;
  }
}

/* counts after a label reached from a long prefix */
void counts(double *a, int k, int n, int m) {
  if (k) {
    for (int i = 0; i < n; i++) a[i] += 1.0;
    if (k > 1) goto tail;
    for (int i = 0; i < n; i++) a[i] += 2.0;
    return;
  }
  a[0] = 1.0;
tail:
  for (int i = 0; i < m; i++) a[i] *= 3.0;
}

/* switch with a goto between cases */
void sw(double *a, int n, int sel) {
  for (int i = 0; i < n; i++) {
    switch ((i + sel) % 3) {
    case 0:
      if (i & 1) goto two;
      a[i] = 1.0;
      break;
    case 1:
      a[i] = 2.0;
    two:
      a[i] += 3.0;
      break;
    default:
      break;
    }
  }
}

/* do-while(0) with a goto inside the body */
void dowhile(double *a, int n) {
  for (int i = 0; i < n; i++) {
    do {
      if (i % 4 == 0) goto end;
      a[i] = 5.0;
    end:;
    } while (0);
  }
}

/* a scalar set in either arm indexes after */
void arms(double *a, int n, int k) {
  int s, e;
  if (k > 2) {
    s = 1;
    e = n;
  } else {
    s = 0;
    e = n - 1;
  }
  for (int i = s; i < e; i++) a[i] = 1.0;
  a[s + e] = 2.0;
}

int main(void) {
  double a[64] = {0}, c[64];
  for (int i = 0; i < 64; i++) c[i] = (i % 7) - 2.5;
#pragma dosc task
  skip_dense(a, c, 20);
#pragma dosc taskwait
#pragma dosc task
  walked(a, 10, 0);
#pragma dosc taskwait
#pragma dosc task
  walked(a, 10, 1);
#pragma dosc taskwait
#pragma dosc task
  counter(a, c, 30);
#pragma dosc taskwait
#pragma dosc task
  counts(a, 2, 10, 20);
#pragma dosc taskwait
#pragma dosc task
  counts(a, 1, 10, 20);
#pragma dosc taskwait
#pragma dosc task
  counts(a, 0, 10, 20);
#pragma dosc taskwait
#pragma dosc task
  sw(a, 30, 1);
#pragma dosc taskwait
#pragma dosc task
  dowhile(a, 30);
#pragma dosc taskwait
#pragma dosc task
  arms(a, 20, 3);
#pragma dosc taskwait
#pragma dosc task
  arms(a, 20, 1);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < 64; i++) s += a[i] * (i + 1);
  printf("%.3f\n", s);
  return 0;
}
