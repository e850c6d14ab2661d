/* HPCC and Graph500 kernels as tasks, written for dosc in the suites' own shapes:
   - HPCC RandomAccess: HPCC_starts (a 64-entry local table of powers, `n >>= 1` loops over
     bits of a 64-bit count), the update stream `ran = (ran << 1) ^ ((s64Int)ran < 0 ? POLY : 0)`
     and `Table[ran & (TableSize - 1)] ^= ran`, a task per table partition that applies the
     updates landing in it (`idx - lo` under `idx >= lo && idx < hi`), a lookahead-free
     verification task returning its error count;
   - HPCC DGEMM: column-major C[i + j * ldc] += A[i + k * lda] * B[k + j * ldb] with leading
     dimensions as parameters, a task per block of columns;
   - Graph500: the Kronecker generator's make_one_edge (a per-edge seed, a bit loop picking a
     quadrant), kernel 1's CSR build (degrees by `deg[u]++`, a prefix sum into xoff, a fill
     through a copy of the offsets), kernel 2's top-down BFS with a queue (pred[] written by
     data), and the validation's parent check returning an error count; a task per edge
     block, per root. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t u64Int;
typedef int64_t s64Int;
#define POLY 0x0000000000000007ULL
#define PERIOD 1317624576693539401LL

u64Int HPCC_starts(s64Int n) {
  int i, j;
  u64Int m2[64];
  u64Int temp, ran;
  while (n < 0) n += PERIOD;
  while (n > PERIOD) n -= PERIOD;
  if (n == 0) return 0x1;
  temp = 0x1;
  for (i = 0; i < 64; i++) {
    m2[i] = temp;
    temp = (temp << 1) ^ ((s64Int)temp < 0 ? POLY : 0);
    temp = (temp << 1) ^ ((s64Int)temp < 0 ? POLY : 0);
  }
  for (i = 62; i >= 0; i--)
    if ((n >> i) & 1) break;
  ran = 0x2;
  while (i > 0) {
    temp = 0;
    for (j = 0; j < 64; j++)
      if ((ran >> j) & 1) temp ^= m2[j];
    ran = temp;
    i -= 1;
    if ((n >> i) & 1) ran = (ran << 1) ^ ((s64Int)ran < 0 ? POLY : 0);
  }
  return ran;
}

void random_access_part(u64Int *Table, u64Int TableSize, u64Int lo, u64Int hi, long nupdate) {
  u64Int ran = HPCC_starts(0);
  for (long i = 0; i < nupdate; i++) {
    ran = (ran << 1) ^ ((s64Int)ran < 0 ? POLY : 0);
    u64Int idx = ran & (TableSize - 1);
    if (idx >= lo && idx < hi) Table[idx - lo] ^= ran;
  }
}

long random_access_verify(const u64Int *Table, u64Int TableSize, long nupdate) {
  u64Int *copy = malloc(sizeof(u64Int) * TableSize);
  for (u64Int i = 0; i < TableSize; i++) copy[i] = i;
  u64Int ran = HPCC_starts(0);
  for (long i = 0; i < nupdate; i++) {
    ran = (ran << 1) ^ ((s64Int)ran < 0 ? POLY : 0);
    copy[ran & (TableSize - 1)] ^= ran;
  }
  long errors = 0;
  for (u64Int i = 0; i < TableSize; i++) errors += copy[i] != Table[i];
  free(copy);
  return errors;
}

void dgemm_columns(int m, int k, const double *A, int lda, const double *B, int ldb, double *C, int ldc, int j0,
                   int j1) {
  for (int j = j0; j < j1; j++)
    for (int l = 0; l < k; l++) {
      double b = B[l + j * ldb];
      for (int i = 0; i < m; i++) C[i + j * ldc] += A[i + l * lda] * b;
    }
}

/* ---- Graph500 ---- */
typedef struct {
  int64_t v0, v1;
} packed_edge;

static uint64_t mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return x;
}
static void make_one_edge(int scale, uint64_t seed, packed_edge *result) {
  int64_t base_src = 0, base_tgt = 0;
  uint64_t state = mix(seed + 1);
  for (int bit = scale - 1; bit >= 0; bit--) {
    state = mix(state + 0x9e3779b97f4a7c15ULL);
    unsigned r = (unsigned)(state % 100);
    int src_offset = r >= 57 + 19, tgt_offset = (r >= 57 && r < 57 + 19) || r >= 57 + 19 + 19;
    base_src += (int64_t)src_offset << bit;
    base_tgt += (int64_t)tgt_offset << bit;
  }
  result->v0 = base_src;
  result->v1 = base_tgt;
}
void generate_edges(packed_edge *edges, int scale, int64_t start, int64_t end) {
  for (int64_t ei = start; ei < end; ei++) make_one_edge(scale, (uint64_t)ei, &edges[ei]);
}

void build_csr(const packed_edge *edges, int64_t nedge, int64_t nv, int64_t *xoff, int64_t *xadj) {
  int64_t *deg = calloc((size_t)nv, sizeof(int64_t)), *fill = malloc(sizeof(int64_t) * (size_t)(nv + 1));
  for (int64_t k = 0; k < nedge; k++) {
    if (edges[k].v0 == edges[k].v1) continue;
    deg[edges[k].v0]++;
    deg[edges[k].v1]++;
  }
  xoff[0] = 0;
  for (int64_t v = 0; v < nv; v++) xoff[v + 1] = xoff[v] + deg[v];
  memcpy(fill, xoff, sizeof(int64_t) * (size_t)(nv + 1));
  for (int64_t k = 0; k < nedge; k++) {
    int64_t u = edges[k].v0, w = edges[k].v1;
    if (u == w) continue;
    xadj[fill[u]++] = w;
    xadj[fill[w]++] = u;
  }
  free(deg);
  free(fill);
}

void bfs_top_down(const int64_t *xoff, const int64_t *xadj, int64_t nv, int64_t root, int64_t *pred) {
  int64_t *queue = malloc(sizeof(int64_t) * (size_t)nv);
  int64_t head = 0, tail = 0;
  for (int64_t v = 0; v < nv; v++) pred[v] = -1;
  pred[root] = root;
  queue[tail++] = root;
  while (head < tail) {
    int64_t u = queue[head++];
    for (int64_t e = xoff[u]; e < xoff[u + 1]; e++) {
      int64_t w = xadj[e];
      if (pred[w] < 0) {
        pred[w] = u;
        queue[tail++] = w;
      }
    }
  }
  free(queue);
}

long validate_parents(const int64_t *xoff, const int64_t *xadj, const int64_t *pred, int64_t nv, int64_t root) {
  long errors = pred[root] != root;
  for (int64_t v = 0; v < nv; v++) {
    if (pred[v] < 0 || v == root) continue;
    int found = 0;
    for (int64_t e = xoff[v]; e < xoff[v + 1] && !found; e++) found = xadj[e] == pred[v];
    errors += !found;
  }
  return errors;
}

int main(void) {
  /* RandomAccess: 2^8 entries, 4 partitions, 4 * 2^8 updates */
  u64Int TableSize = 256;
  long nupdate = 4 * 256;
  u64Int *Table = malloc(sizeof(u64Int) * TableSize);
  for (u64Int i = 0; i < TableSize; i++) Table[i] = i;
  for (u64Int lo = 0; lo < TableSize; lo += 64) {
#pragma dosc task
    random_access_part(Table + lo, TableSize, lo, lo + 64, nupdate);
  }
#pragma dosc taskwait
  long errors;
#pragma dosc task
  errors = random_access_verify(Table, TableSize, nupdate);
  u64Int start;
#pragma dosc task
  start = HPCC_starts(12345);
#pragma dosc taskwait
  u64Int tsum = 0;
  for (u64Int i = 0; i < TableSize; i++) tsum ^= Table[i] * (i + 1);
  printf("RandomAccess: %llu errors %ld start %llu\n", (unsigned long long)tsum, errors, (unsigned long long)start);

  /* DGEMM: C (10 x 12, ldc 11) += A (10 x 6, lda 10) B (6 x 12, ldb 7) */
  int m = 10, k = 6, n = 12, lda = 10, ldb = 7, ldc = 11;
  double *A = malloc(sizeof(double) * (size_t)(lda * k)), *B = malloc(sizeof(double) * (size_t)(ldb * n));
  double *C = malloc(sizeof(double) * (size_t)(ldc * n));
  for (int i = 0; i < lda * k; i++) A[i] = (i % 7) - 3;
  for (int i = 0; i < ldb * n; i++) B[i] = (i % 5) * 0.5;
  for (int i = 0; i < ldc * n; i++) C[i] = i % 3;
  for (int j = 0; j < n; j += 4) {
#pragma dosc task
    dgemm_columns(m, k, A, lda, B, ldb, C, ldc, j, j + 4);
  }
#pragma dosc taskwait
  double csum = 0;
  for (int i = 0; i < ldc * n; i++) csum += C[i] * (i % 13);
  printf("DGEMM: %.3f\n", csum);

  /* Graph500: scale 5 (32 vertices), edgefactor 4 */
  int scale = 5;
  int64_t nv = (int64_t)1 << scale, nedge = 4 * nv;
  packed_edge *edges = malloc(sizeof(packed_edge) * (size_t)nedge);
  for (int64_t s = 0; s < nedge; s += 32) {
#pragma dosc task
    generate_edges(edges, scale, s, s + 32);
  }
#pragma dosc taskwait
  int64_t *xoff = malloc(sizeof(int64_t) * (size_t)(nv + 1)), *xadj = malloc(sizeof(int64_t) * (size_t)(2 * nedge));
#pragma dosc task
  build_csr(edges, nedge, nv, xoff, xadj);
#pragma dosc taskwait
  int64_t roots[3] = {0, 7, 19};
  int64_t *pred = malloc(sizeof(int64_t) * (size_t)(3 * nv));
  long verrors[3];
  for (int r = 0; r < 3; r++) {
#pragma dosc task
    bfs_top_down(xoff, xadj, nv, roots[r], pred + r * nv);
  }
#pragma dosc taskwait
  for (int r = 0; r < 3; r++) {
#pragma dosc task
    verrors[r] = validate_parents(xoff, xadj, pred + r * nv, nv, roots[r]);
  }
#pragma dosc taskwait
  long psum = 0;
  for (int64_t i = 0; i < 3 * nv; i++) psum += pred[i] * (i % 7 + 1);
  for (int64_t v = 0; v <= nv; v++) psum += xoff[v];
  printf("Graph500: %ld errors %ld %ld %ld\n", psum, verrors[0], verrors[1], verrors[2]);
  free(Table), free(A), free(B), free(C), free(edges), free(xoff), free(xadj), free(pred);
  return 0;
}
