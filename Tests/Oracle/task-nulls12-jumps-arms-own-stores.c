/* Probes of branch nulls12 (2026-11-29): forward `goto`s (a jumped path whose figures add what
   follows its label, a cleanup label, a jump out of an `if` nest, a `switch` arm skipping
   ahead), values set in the arms of an `if`, a step written out, and an own address a helper
   stores in the task's own structure (remotable) or copies out (not). Each is a task here; the
   footprint oracle checks every figure against what the runs touch, the remote oracle the
   answer. */
#include <stdio.h>
#include <stdlib.h>

/* The path that jumps adds the loop after the label to the one before the jump: 2n stores. */
void jump_then_more(double *a, int k, int n) {
  if (k) {
    for (int i = 0; i < n; i++) a[i] = 1.0 + i;
    goto done;
  }
  a[0] = 3.0;
done:
  for (int i = 0; i < n; i++) a[i] += 1.0;
}

/* A cleanup label: the error path skips the work, both paths free the buffer. */
int cleanup(const int *in, int *out, int n) {
  int rc = -1;
  int *tmp = malloc(sizeof(int) * (n > 0 ? n : 1));
  if (!tmp) goto out;
  for (int i = 0; i < n; i++) {
    if (in[i] < 0) goto out;
    tmp[i] = in[i] * 2;
  }
  for (int i = 0; i < n; i++) out[i] = tmp[i] + 1;
  rc = 0;
out:
  free(tmp);
  return rc;
}

/* Out of an `if` nest to a later statement of the loop body, and a `switch` skipping ahead. */
void nested_skip(const double *c, double *a, double *b, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    if (c[i] > 0.) {
      if (c[i] > 2.) goto next;
      a[i] = c[i];
    } else {
      b[i] = -c[i];
    }
    a[i] += 0.5;
  next:
    switch (i % 3) {
    case 0:
      if (c[i] < -1.) goto end;
      b[i] += 1.0;
      break;
    default:
      b[i] += 2.0;
    end:
      break;
    }
  }
}

/* A value from either arm (pifft's shift), a bound from either arm (AMGmk's block). */
void shifted(const int *in, int *out, int n) {
  int shift = 0;
  if (in[2] == 1) shift = 1;
  for (int j = 2; j <= n + 1 - shift; j++) out[j] = in[j + shift] >> 1;
}

void block_of(const double *f, double *u, int n, int j, int t) {
  int size = n / t, rest = n - size * t, ns, ne;
  if (j < rest) {
    ns = j * size + j;
    ne = ns + size + 1;
  } else {
    ns = j * size + rest;
    ne = ns + size;
  }
  for (int i = ns; i < ne; i++) u[i] = 2.0 * f[i];
}

/* Steps written out, down and up. */
void steps(double *g, int n) {
  for (int i = n - 2; i >= 0; i = i - 1) g[i] = g[i] * 0.5 + g[i + 1];
  for (int i = 0; i < n; i = 3 + i) g[i] += 1.0;
}

/* Two loops of one macro's expansion start at one place: on main each was given what the last
   one changes, so `k` looked invariant in the first (a footprint of a[0] for n stores,
   remotable: a remote run shipped a[0] back alone). */
#define TWO_LOOPS                   \
  for (i = 0; i < n; i++) {         \
    a[k] = 1.0 + i;                 \
    k++;                            \
  }                                 \
  for (j = 0; j < 2; j++) b[j] = 0.5;

void two_loops(double *a, double *b, int n) {
  int i, j, k = 0;
  TWO_LOOPS
}

/* A helper stores an address in the task's own structure: it stays there (remotable); copied
   out into what the task was given it keeps the task home. */
struct tree {
  int key;
  struct tree *left, *right;
};

static void attach(struct tree *t, int key) {
  t->left = calloc(1, sizeof *t);
  t->key = key;
}

int own_tree(int n) {
  struct tree t = {0, 0, 0};
  attach(&t, n);
  int k = t.key + (t.left != 0);
  return k;
}

void tree_out(struct tree *out, int n) {
  struct tree t = {0, 0, 0};
  attach(&t, n);
  out->key = t.key;
  out->left = t.left;
}

int main(void) {
  double a[16] = {0}, b[16] = {0}, c[16], g[10];
  int in[12], out[12] = {0}, h[12] = {0};
  for (int i = 0; i < 16; i++) c[i] = (i % 5) - 1.5;
  for (int i = 0; i < 10; i++) g[i] = i;
  for (int i = 0; i < 12; i++) in[i] = i % 4 == 3 ? -i : i;
  int rc[2], r[2];
#pragma dosc task
  jump_then_more(a, 1, 5);
#pragma dosc task
  jump_then_more(b, 0, 5);
#pragma dosc taskwait
#pragma dosc task
  rc[0] = cleanup(in, out, 3);
#pragma dosc task
  rc[1] = cleanup(in, h, 8);
#pragma dosc taskwait
#pragma dosc task
  nested_skip(c, a, b, 2, 15);
#pragma dosc taskwait
  int num[8] = {1, 0, 1, 5000, 0, 1, 9999, 3}, half[8] = {0};
#pragma dosc task
  shifted(num, half, 6);
#pragma dosc taskwait
  double f[23], u[23] = {0};
  for (int i = 0; i < 23; i++) f[i] = i * 0.5;
  for (int j = 0; j < 4; j++) {
#pragma dosc task
    block_of(f, u, 23, j, 4);
  }
#pragma dosc task
  steps(g, 10);
#pragma dosc taskwait
  double a2[12] = {0}, b2[2] = {0};
#pragma dosc task
  two_loops(a2, b2, 10);
#pragma dosc taskwait
  struct tree t;
#pragma dosc task
  r[0] = own_tree(7);
#pragma dosc task
  tree_out(&t, 8);
#pragma dosc taskwait
  r[1] = t.key + (t.left != 0);
  free(t.left);
  double s = 0;
  for (int i = 0; i < 16; i++) s += a[i] * (i + 1) + b[i] * (i + 2);
  for (int i = 0; i < 10; i++) s += g[i] * (i + 3);
  for (int i = 0; i < 23; i++) s += u[i] * (i + 1);
  for (int i = 0; i < 12; i++) s += a2[i] * (i + 7);
  s += b2[0] + b2[1];
  long w = 0;
  for (int i = 0; i < 12; i++) w = w * 3 + out[i] + 5 * h[i];
  for (int i = 0; i < 8; i++) w += half[i] * (i + 1);
  printf("%.3f %ld %d %d %d %d\n", s, w, rc[0], rc[1], r[0], r[1]);
  return 0;
}
