/* Needless nulls of branch views, reduced from the programs in Tests/Oracle (each was null or
   local before, and must be the truth or over it, never under):
   - lbm's flag word: `*(unsigned *)(void *)&g[i + FLAGS]` in a sweep of 20-double cells (SPEC
     lbm's MAGIC_CAST, task-unseen9-himeno-lbm.c), read, set with `|=`, copied grid to grid;
     a `void *` kept in a variable and turned back into `unsigned *` implicitly (its second word
     is in the same double, `f[1]`), and bytes of a cell through `(char *)(void *)`;
   - counters: `o[offset++]` in a triangular nest (miniFE's packed element matrix,
     task-unseen10-needless-nulls.c's counter), `out[k++]` under a condition (HPCG), `k += 3`
     stepping in an inner loop, and a pre-increment `out[++k]`;
   - LU panels (task-unseen10-needless-nulls.c's panel/panel_nodiv): rows `i` in (k, m) and
     columns `j` in (k, nb), spawned with m > nb, m = nb and m < nb (where the row loop is empty
     for the last k), and a count that grows with k (`k` times the rows below it);
   - a pointer loaded from a parameter's structure (GAP's `g->neighbors[e]`): not remotable, the
     reason naming the load.
   The program prints a checksum. */
#include <stdio.h>
#include <stdlib.h>

#define CELL 20
#define FLAGS 19
#define OBSTACLE 1u
#define ACCEL 2u
#define AS_FLAG(v) ((unsigned int *)((void *)(&(v))))

void lbm_mark(double *g, int c0, int c1) {
  for (int i = c0 * CELL; i < c1 * CELL; i += CELL) {
    *AS_FLAG(g[i + FLAGS]) = 0u;
    if ((i / CELL) % 3 == 0) *AS_FLAG(g[i + FLAGS]) |= OBSTACLE;
    if ((i / CELL) % 4 == 1) *AS_FLAG(g[i + FLAGS]) |= ACCEL;
  }
}

double lbm_sum(const double *g, int c0, int c1) {
  double s = 0;
  for (int i = c0 * CELL; i < c1 * CELL; i += CELL) {
    if (*AS_FLAG(g[i + FLAGS]) & OBSTACLE) continue;
    for (int e = 0; e < FLAGS; e++) s += g[i + e] * (1 + e % 3);
  }
  return s;
}

void lbm_copy_flags(const double *src, double *dst, int c0, int c1) {
  for (int i = c0 * CELL; i < c1 * CELL; i += CELL) *AS_FLAG(dst[i + FLAGS]) = *AS_FLAG(src[i + FLAGS]);
}

/* A `void *` variable turned back implicitly: `f[1]` is the flag double's second word. */
void lbm_second_word(double *g, int c0, int c1) {
  for (int c = c0; c < c1; c++) {
    void *v = &g[c * CELL + FLAGS];
    unsigned *f = v;
    f[1] = (unsigned)c;
  }
}

/* The bytes of each cell's first double, through `char *`. */
void cell_bytes(double *g, int c0, int c1) {
  for (int c = c0; c < c1; c++) {
    unsigned char *b = (unsigned char *)(void *)&g[c * CELL];
    for (int k = 0; k < 8; k++) b[k] ^= (unsigned char)(k == 7 ? 0x40 : 0);
  }
}

void counter_packed(const double *c, double *out, int elo, int ehi) {
  for (int e = elo; e < ehi; e++) {
    double *o = out + e * 36;
    int offset = 0;
    for (int i = 0; i < 8; ++i)
      for (int j = i; j < 8; ++j) o[offset++] = c[i] - c[j] + e;
  }
}

void counter_cond(double *out, int n) {
  int k = 0;
  for (int i = 0; i < n; ++i)
    if (i % 3) out[k++] = i;
}

void counter_by3(double *out, int lo, int rows) {
  int k = lo;
  for (int r = 0; r < rows; r++)
    for (int j = 0; j <= r % 4; j++) {
      out[k] = r + j;
      k += 3;
    }
}

void counter_pre(double *out, int n) {
  int k = 0;
  for (int i = 0; i < n; i++)
    if (i & 1) out[++k] = i;
  out[0] = k;
}

void panel(double *a, int lda, int m, int nb) {
  for (int k = 0; k < nb; k++)
    for (int i = k + 1; i < m; i++) {
      a[i * lda + k] /= a[k * lda + k];
      for (int j = k + 1; j < nb; j++) a[i * lda + j] -= a[i * lda + k] * a[k * lda + j];
    }
}

void panel_nodiv(double *a, int lda, int m, int nb) {
  for (int k = 0; k < nb; k++)
    for (int i = k + 1; i < m; i++)
      for (int j = k + 1; j < nb; j++) a[i * lda + j] -= a[i * lda + k] * a[k * lda + j];
}

void rows_times_k(double *a, int m, int nb) {
  for (int k = 0; k < nb; k++)
    for (int i = k + 1; i < m; i++)
      for (int t = 0; t < k; t++) a[i] += t;
}

typedef struct {
  int n;
  int *offsets;
  int *neighbors;
} Graph;

long degree_sum(const Graph *g, int lo, int hi) {
  long s = 0;
  for (int u = lo; u < hi; u++)
    for (int e = g->offsets[u]; e < g->offsets[u + 1]; e++) s += g->neighbors[e];
  return s;
}

static double sum(const double *a, int n) {
  double s = 0.0;
  for (int i = 0; i < n; i++) s += a[i] * (1 + i % 7);
  return s;
}

int main(void) {
  enum { CELLS = 12, N = CELLS * CELL };
  double *g0 = calloc(N, sizeof(double)), *g1 = calloc(N, sizeof(double));
  for (int i = 0; i < N; i++) g0[i] = (i % CELL == FLAGS) ? 0 : 0.5 + i % 5;
  double checksum = 0;
  int cuts[4] = {0, 5, 9, CELLS};
  for (int s = 0; s < 3; s++) {
#pragma dosc task
    lbm_mark(g0, cuts[s], cuts[s + 1]);
  }
#pragma dosc taskwait
  for (int s = 0; s < 3; s++) {
#pragma dosc task
    lbm_copy_flags(g0, g1, cuts[s], cuts[s + 1]);
  }
#pragma dosc taskwait
  double part[3];
  for (int s = 0; s < 3; s++) {
#pragma dosc task
    part[s] = lbm_sum(g0, cuts[s], cuts[s + 1]);
  }
#pragma dosc taskwait
  checksum += part[0] + 2 * part[1] + 3 * part[2];
#pragma dosc task
  lbm_second_word(g1, 2, 7);
#pragma dosc task
  cell_bytes(g0, 1, 4);
#pragma dosc taskwait
  for (int c = 0; c < CELLS; c++) {
    unsigned *w = (unsigned *)(void *)&g1[c * CELL + FLAGS];
    checksum += w[0] + 3.0 * w[1];
  }
  checksum += sum(g0, N);

  double cv[8], *packed = calloc(4 * 36, sizeof(double)), out[64] = {0};
  for (int i = 0; i < 8; i++) cv[i] = i * 0.25;
#pragma dosc task
  counter_packed(cv, packed, 1, 3);
#pragma dosc task
  counter_cond(out, 20);
#pragma dosc taskwait
#pragma dosc task
  counter_by3(out, 2, 5);
#pragma dosc taskwait
#pragma dosc task
  counter_pre(out + 40, 9);
#pragma dosc taskwait
  checksum += sum(packed, 4 * 36) + 2 * sum(out, 64);

  double *a = malloc(100 * sizeof(double));
  int shapes[4][3] = {{10, 10, 4}, {10, 4, 4}, {10, 3, 6}, {8, 8, 8}};
  for (int t = 0; t < 4; t++) {
    for (int i = 0; i < 100; i++) a[i] = 1.0 + (i * 7 + t) % 11;
#pragma dosc task
    panel(a, shapes[t][0], shapes[t][1], shapes[t][2]);
#pragma dosc taskwait
    checksum += sum(a, 100);
#pragma dosc task
    panel_nodiv(a, shapes[t][0], shapes[t][1], shapes[t][2]);
#pragma dosc taskwait
    checksum += sum(a, 100);
#pragma dosc task
    rows_times_k(a, shapes[t][1], shapes[t][2]);
#pragma dosc taskwait
    checksum += sum(a, 100);
  }

  int offsets[5] = {0, 2, 3, 6, 7}, neighbors[7] = {1, 2, 0, 0, 3, 1, 2};
  Graph graph = {4, offsets, neighbors};
  long degrees;
#pragma dosc task
  degrees = degree_sum(&graph, 0, 4);
#pragma dosc taskwait
  checksum += (double)degrees;

  printf("checksum %.6f\n", checksum);
  free(g0), free(g1), free(packed), free(a);
  return 0;
}
