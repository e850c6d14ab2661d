/* Rodinia kernels as tasks, indices written out as the suite writes them (no macros):
   lud's diagonal block at an offset, Needleman-Wunsch blocks on an anti-diagonal with the
   row above and the column left of each block, pathfinder rows with clamped neighbours,
   kmeans assignment (a point block against every centre), a CSR breadth-first step (indirect),
   backprop's layer with a bias row (j from 1, k from 0 inclusive). */
#include <stdio.h>
#include <stdlib.h>

#define BS 4

/* lud of the diagonal block at `offset` of a size x size matrix. */
void lud_diagonal(float *a, int size, int offset) {
  for (int i = 0; i < BS; i++) {
    for (int j = i; j < BS; j++)
      for (int k = 0; k < i; k++)
        a[(offset + i) * size + offset + j] -= a[(offset + i) * size + offset + k] * a[(offset + k) * size + offset + j];
    float temp = 1.f / a[(offset + i) * size + offset + i];
    for (int j = i + 1; j < BS; j++) {
      for (int k = 0; k < i; k++)
        a[(offset + j) * size + offset + i] -= a[(offset + j) * size + offset + k] * a[(offset + k) * size + offset + i];
      a[(offset + j) * size + offset + i] *= temp;
    }
  }
}

/* One nw block (bx, by): cells [1+by*BS, 1+by*BS+BS) x [1+bx*BS, ...) of a cols-wide grid,
   each from its north, west and north-west neighbours. */
void nw_block(int *score, const int *ref, int cols, int bx, int by, int penalty) {
  for (int i = 0; i < BS; i++)
    for (int j = 0; j < BS; j++) {
      int r = 1 + by * BS + i, c = 1 + bx * BS + j;
      int nw = score[(r - 1) * cols + c - 1] + ref[r * cols + c];
      int n = score[(r - 1) * cols + c] - penalty;
      int w = score[r * cols + c - 1] - penalty;
      int best = nw > n ? nw : n;
      score[r * cols + c] = best > w ? best : w;
    }
}

/* One pathfinder step over columns [lo, hi): next[j] = wall[j] + min of prev[j-1..j+1]. */
void path_step(int *next, const int *prev, const int *wall, int cols, int lo, int hi) {
  for (int j = lo; j < hi; j++) {
    int m = prev[j];
    if (j > 0 && prev[j - 1] < m) m = prev[j - 1];
    if (j < cols - 1 && prev[j + 1] < m) m = prev[j + 1];
    next[j] = wall[j] + m;
  }
}

/* kmeans: nearest centre for points [lo, hi). */
int assign_points(int *membership, const float *feature, const float *centres, int nfeatures, int nclusters, int lo,
                  int hi) {
  int changed = 0;
  for (int i = lo; i < hi; i++) {
    int best = 0;
    float bestd = 1e30f;
    for (int k = 0; k < nclusters; k++) {
      float d = 0;
      for (int j = 0; j < nfeatures; j++) {
        float diff = feature[i * nfeatures + j] - centres[k * nfeatures + j];
        d += diff * diff;
      }
      if (d < bestd) bestd = d, best = k;
    }
    if (membership[i] != best) changed++;
    membership[i] = best;
  }
  return changed;
}

/* One bfs level over nodes [lo, hi) in CSR form. */
void bfs_level(int *cost, const int *start, const int *edges, const int *frontier, int lo, int hi, int level) {
  for (int v = lo; v < hi; v++)
    if (frontier[v])
      for (int e = start[v]; e < start[v + 1]; e++)
        if (cost[edges[e]] < 0) cost[edges[e]] = level + 1;
}

/* backprop: l2[j] = squash(sum_{k=0..n1} conn[k*(n2+1)+j] * l1[k]) for j in [1, n2]. */
void layer_forward(float *l2, const float *l1, const float *conn, int n1, int n2) {
  for (int j = 1; j <= n2; j++) {
    float sum = 0;
    for (int k = 0; k <= n1; k++) sum += conn[k * (n2 + 1) + j] * l1[k];
    l2[j] = sum / (1.f + (sum < 0 ? -sum : sum));
  }
}

int main(void) {
  enum { S = 12, NC = 9, COLS = 1 + 2 * BS, P = 10, NF = 3, K = 3 };
  float *a = malloc(sizeof(float) * S * S);
  for (int i = 0; i < S * S; i++) a[i] = (i % S == i / S) ? 10.f : (float)((i * 7) % 5) * 0.25f;
  for (int off = 0; off < S; off += BS) {
#pragma dosc task
    lud_diagonal(a, S, off);
  }
#pragma dosc taskwait
  int *score = malloc(sizeof(int) * COLS * COLS), *ref = malloc(sizeof(int) * COLS * COLS);
  for (int i = 0; i < COLS * COLS; i++) score[i] = (i < COLS) ? -i : (i % COLS == 0) ? -(i / COLS) : 0, ref[i] = (i * 13) % 7 - 3;
  for (int d = 0; d < 3; d++) {
    for (int bx = 0; bx <= d; bx++) {
      int by = d - bx;
      if (bx < 2 && by < 2) {
#pragma dosc task
        nw_block(score, ref, COLS, bx, by, 1);
      }
    }
#pragma dosc taskwait
  }
  int prev[NC], next[NC], wall[NC];
  for (int j = 0; j < NC; j++) prev[j] = (j * 5) % 7, wall[j] = (j * 3) % 4;
  for (int lo = 0; lo < NC; lo += 4) {
    int hi = lo + 4 < NC ? lo + 4 : NC;
#pragma dosc task
    path_step(next, prev, wall, NC, lo, hi);
  }
#pragma dosc taskwait
  float feature[P * NF], centres[K * NF];
  int membership[P], changed[2];
  for (int i = 0; i < P * NF; i++) feature[i] = (float)((i * 11) % 9);
  for (int i = 0; i < K * NF; i++) centres[i] = (float)((i * 4) % 9);
  for (int i = 0; i < P; i++) membership[i] = -1;
#pragma dosc task
  changed[0] = assign_points(membership, feature, centres, NF, K, 0, 5);
#pragma dosc task
  changed[1] = assign_points(membership, feature, centres, NF, K, 5, P);
#pragma dosc taskwait
  int start[7] = {0, 2, 4, 5, 6, 7, 8}, edges[8] = {1, 2, 3, 4, 5, 5, 0, 1}, frontier[6] = {1, 0, 0, 0, 0, 0};
  int cost[6] = {0, -1, -1, -1, -1, -1};
#pragma dosc task
  bfs_level(cost, start, edges, frontier, 0, 6, 0);
#pragma dosc taskwait
  float l1[5] = {1, 0.5f, -0.25f, 0.75f, 0.1f}, conn[5 * 4], l2[4] = {0};
  for (int i = 0; i < 20; i++) conn[i] = (float)((i * 3) % 5) * 0.1f - 0.2f;
#pragma dosc task
  layer_forward(l2, l1, conn, 4, 3);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < S * S; i++) s += a[i] * (i % 13 + 1);
  for (int i = 0; i < COLS * COLS; i++) s += score[i] * (i % 5 + 1);
  for (int j = 0; j < NC; j++) s += next[j] * (j + 1);
  for (int i = 0; i < P; i++) s += membership[i] * (i + 2);
  for (int i = 0; i < 6; i++) s += cost[i] * (i + 3);
  for (int j = 0; j < 4; j++) s += l2[j] * (j + 1);
  printf("checksum %.4f changed %d %d\n", s, changed[0], changed[1]);
  free(a), free(score), free(ref);
  return 0;
}
