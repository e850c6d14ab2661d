/* GAP Benchmark Suite kernels (branch unseen10), after sbeamer/gapbs (C++), converted to C as a
   user would (the CSR graph a struct of offset and neighbour arrays, each `omp for` a task per
   block of vertices; the shapes kept, the code written anew): tc's OrderedCount over sorted
   neighbour lists with `if (v > u) break` and a second cursor `while (nbr[it] < w) it++`; cc as
   Shiloach-Vishkin made deterministic (each task writes its vertices' new labels from the old
   ones: the smallest label among the neighbours', then pointer jumping `next[n] =
   comp[comp[n]]`); sssp as Bellman-Ford rounds pulling over in-edges with weights (`d[v] + w[e]`
   under `d[v] != INF`); bc's Brandes back-propagation level by level through the order of
   vertices by depth (`order[k]` for k in [level_start[d], level_start[d + 1]), `delta[u] += sigma[u]
   / sigma[v] * (1 + delta[v])` when `depth[v] == depth[u] + 1`); the bottom-up BFS step over a
   frontier bitmap (`front[v >> 6] & (1ULL << (v & 63))`, `next[u >> 6] |= 1ULL << (u & 63)` in
   blocks of 64 vertices, `parent[u] = v; break`); degree counting into `deg[u]` from an edge list
   and the prefix sum into offsets; and PageRank's pull step through `outgoing_contrib[v]` with
   the base score. The program prints a checksum. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef int32_t NodeID;
typedef struct {
  NodeID num_nodes;
  int64_t num_edges;
  int64_t *offsets;
  NodeID *neighbors;
} CSRGraph;

#define OUT_BEGIN(g, u) ((g)->offsets[u])
#define OUT_END(g, u) ((g)->offsets[(u) + 1])

/* ---- tc: OrderedCount ---- */
size_t tc_ordered(const CSRGraph *g, NodeID lo, NodeID hi) {
  size_t total = 0;
  for (NodeID u = lo; u < hi; u++) {
    for (int64_t e = OUT_BEGIN(g, u); e < OUT_END(g, u); e++) {
      NodeID v = g->neighbors[e];
      if (v > u) break;
      int64_t it = OUT_BEGIN(g, u);
      for (int64_t f = OUT_BEGIN(g, v); f < OUT_END(g, v); f++) {
        NodeID w = g->neighbors[f];
        if (w > v) break;
        while (g->neighbors[it] < w) it++;
        if (w == g->neighbors[it]) total++;
      }
    }
  }
  return total;
}

/* The same with the arrays passed on their own. */
long tc_flat(const int64_t *offsets, const NodeID *nbr, NodeID lo, NodeID hi) {
  long total = 0;
  for (NodeID u = lo; u < hi; u++)
    for (int64_t e = offsets[u]; e < offsets[u + 1]; e++) {
      NodeID v = nbr[e];
      if (v > u) break;
      int64_t it = offsets[u];
      for (int64_t f = offsets[v]; f < offsets[v + 1]; f++) {
        NodeID w = nbr[f];
        if (w > v) break;
        while (nbr[it] < w) it++;
        if (w == nbr[it]) total++;
      }
    }
  return total;
}

/* ---- cc: label propagation and pointer jumping ---- */
void cc_hook(const int64_t *offsets, const NodeID *nbr, const NodeID *comp, NodeID *next, int *changed, NodeID lo,
             NodeID hi) {
  int change = 0;
  for (NodeID u = lo; u < hi; u++) {
    NodeID low = comp[u];
    for (int64_t e = offsets[u]; e < offsets[u + 1]; e++) {
      NodeID cv = comp[nbr[e]];
      if (cv < low) low = cv;
    }
    if (low != comp[u]) change = 1;
    next[u] = low;
  }
  *changed = change;
}

void cc_compress(const NodeID *comp, NodeID *next, NodeID lo, NodeID hi) {
  for (NodeID n = lo; n < hi; n++) next[n] = comp[comp[n]];
}

/* ---- sssp: Bellman-Ford, pull over in-edges ---- */
typedef int32_t WeightT;
#define INF_W (INT32_MAX / 2)

int sssp_relax(const int64_t *in_offsets, const NodeID *in_nbr, const WeightT *in_w, const WeightT *dist,
               WeightT *next_dist, NodeID lo, NodeID hi) {
  int updates = 0;
  for (NodeID u = lo; u < hi; u++) {
    WeightT best = dist[u];
    for (int64_t e = in_offsets[u]; e < in_offsets[u + 1]; e++) {
      NodeID v = in_nbr[e];
      if (dist[v] != INF_W && dist[v] + in_w[e] < best) best = dist[v] + in_w[e];
    }
    if (best != dist[u]) updates++;
    next_dist[u] = best;
  }
  return updates;
}

/* ---- bc: Brandes' dependencies, one depth level ---- */
void bc_level(const int64_t *offsets, const NodeID *nbr, const NodeID *order, const int *depth,
              const double *sigma, double *delta, double *scores, int64_t k0, int64_t k1) {
  for (int64_t k = k0; k < k1; k++) {
    NodeID u = order[k];
    double du = 0.0;
    for (int64_t e = offsets[u]; e < offsets[u + 1]; e++) {
      NodeID v = nbr[e];
      if (depth[v] == depth[u] + 1) du += sigma[u] / sigma[v] * (1.0 + delta[v]);
    }
    delta[u] = du;
    scores[u] += du;
  }
}

/* ---- bfs: the bottom-up step over bitmaps ---- */
#define BIT_TEST(bm, v) (((bm)[(v) >> 6] >> ((v) & 63)) & 1ULL)

int64_t bu_step(const int64_t *offsets, const NodeID *nbr, NodeID *parent, const uint64_t *front, uint64_t *next,
                NodeID lo, NodeID hi) {
  int64_t awake_count = 0;
  for (NodeID w = lo >> 6; w < (hi + 63) >> 6; w++) next[w] = 0;
  for (NodeID u = lo; u < hi; u++) {
    if (parent[u] < 0) {
      for (int64_t e = offsets[u]; e < offsets[u + 1]; e++) {
        NodeID v = nbr[e];
        if (front[v >> 6] & (1ULL << (v & 63))) {
          parent[u] = v;
          awake_count++;
          next[u >> 6] |= 1ULL << (u & 63);
          break;
        }
      }
    }
  }
  return awake_count;
}

/* ---- builder: degrees from an edge list, then offsets ---- */
typedef struct {
  NodeID u, v;
} Edge;

void count_degrees(const Edge *el, int64_t m, int64_t *deg, NodeID lo, NodeID hi) {
  for (NodeID n = lo; n < hi; n++) deg[n] = 0;
  for (int64_t i = 0; i < m; i++) {
    if (el[i].u >= lo && el[i].u < hi) deg[el[i].u]++;
    if (el[i].v >= lo && el[i].v < hi) deg[el[i].v]++;
  }
}

/* ---- pr: a pull step ---- */
typedef float ScoreT;
ScoreT pr_pull(const int64_t *offsets, const NodeID *nbr, const ScoreT *outgoing_contrib, ScoreT *scores,
               ScoreT base_score, ScoreT kDamp, NodeID lo, NodeID hi) {
  ScoreT error = 0;
  for (NodeID u = lo; u < hi; u++) {
    ScoreT incoming_total = 0;
    for (int64_t e = offsets[u]; e < offsets[u + 1]; e++) incoming_total += outgoing_contrib[nbr[e]];
    ScoreT old_score = scores[u];
    scores[u] = base_score + kDamp * incoming_total;
    error += (scores[u] > old_score) ? scores[u] - old_score : old_score - scores[u];
  }
  return error;
}

static int cmp_node(const void *a, const void *b) {
  NodeID x = *(const NodeID *)a, y = *(const NodeID *)b;
  return (x > y) - (x < y);
}

int main(void) {
  double checksum = 0.0;
  enum { N = 128 };
  /* An undirected graph: a ring, chords i -- i + 5 and i -- 3i mod N, two components split at
     vertex 100 (edges only inside [0, 100) and [100, N)). */
  Edge *el = malloc(4 * N * sizeof(Edge));
  int64_t m = 0;
  for (NodeID i = 0; i < N; i++) {
    NodeID base = i < 100 ? 0 : 100, size = i < 100 ? 100 : N - 100, r = i - base;
    NodeID a = base + (r + 1) % size, b = base + (r + 5) % size, c = base + (3 * r) % size;
    el[m++] = (Edge){i, a};
    el[m++] = (Edge){i, b};
    if (c != i) el[m++] = (Edge){i, c};
  }
  int64_t *deg = malloc(N * sizeof(int64_t));
  for (NodeID lo = 0; lo < N; lo += 48) {
#pragma dosc task
    count_degrees(el, m, deg, lo, lo + 48 < N ? lo + 48 : N);
  }
#pragma dosc taskwait
  CSRGraph g = {N, 0, malloc((N + 1) * sizeof(int64_t)), NULL};
  g.offsets[0] = 0;
  for (NodeID n = 0; n < N; n++) g.offsets[n + 1] = g.offsets[n] + deg[n];
  g.num_edges = g.offsets[N];
  g.neighbors = malloc(g.num_edges * sizeof(NodeID));
  int64_t *fill = malloc(N * sizeof(int64_t));
  for (NodeID n = 0; n < N; n++) fill[n] = g.offsets[n];
  for (int64_t i = 0; i < m; i++) {
    g.neighbors[fill[el[i].u]++] = el[i].v;
    g.neighbors[fill[el[i].v]++] = el[i].u;
  }
  for (NodeID n = 0; n < N; n++) qsort(g.neighbors + g.offsets[n], deg[n], sizeof(NodeID), cmp_node);
  checksum += (double)g.num_edges;

  /* tc */
  size_t tri[4];
  long trif[4];
  for (int b = 0; b < 4; b++) {
#pragma dosc task
    tri[b] = tc_ordered(&g, b * 32, b * 32 + 32);
#pragma dosc task
    trif[b] = tc_flat(g.offsets, g.neighbors, b * 32, b * 32 + 32);
  }
#pragma dosc taskwait
  for (int b = 0; b < 4; b++) checksum += (double)tri[b] * (b + 1) + (double)trif[b];

  /* cc */
  NodeID *comp = malloc(N * sizeof(NodeID)), *next = malloc(N * sizeof(NodeID));
  for (NodeID n = 0; n < N; n++) comp[n] = n;
  int changed[4] = {1, 1, 1, 1}, rounds = 0;
  while ((changed[0] | changed[1] | changed[2] | changed[3]) && rounds < 60) {
    for (int b = 0; b < 4; b++) {
#pragma dosc task
      cc_hook(g.offsets, g.neighbors, comp, next, &changed[b], b * 32, b * 32 + 32);
    }
#pragma dosc taskwait
    for (int b = 0; b < 4; b++) {
#pragma dosc task
      cc_compress(next, comp, b * 32, b * 32 + 32);
    }
#pragma dosc taskwait
    rounds++;
  }
  for (NodeID n = 0; n < N; n++) checksum += comp[n] * 0.01;
  checksum += rounds;

  /* sssp from 0 with weights 1 + (u * v) % 7 (the graph is symmetric: in-edges = out-edges). */
  WeightT *w = malloc(g.num_edges * sizeof(WeightT));
  for (NodeID u = 0; u < N; u++)
    for (int64_t e = g.offsets[u]; e < g.offsets[u + 1]; e++) w[e] = 1 + (u * g.neighbors[e] + u + g.neighbors[e]) % 7;
  WeightT *dist = malloc(N * sizeof(WeightT)), *nd = malloc(N * sizeof(WeightT));
  for (NodeID n = 0; n < N; n++) dist[n] = INF_W;
  dist[0] = 0;
  for (int round = 0; round < 40; round++) {
    int upd[4];
    for (int b = 0; b < 4; b++) {
#pragma dosc task
      upd[b] = sssp_relax(g.offsets, g.neighbors, w, dist, nd, b * 32, b * 32 + 32);
    }
#pragma dosc taskwait
    WeightT *t = dist;
    dist = nd;
    nd = t;
    if (upd[0] + upd[1] + upd[2] + upd[3] == 0) break;
  }
  for (NodeID n = 0; n < N; n++) checksum += dist[n] == INF_W ? -1.0 : dist[n] * 0.1;

  /* bc from source 0: depths and path counts serially, dependencies by level as tasks. */
  int *depth = malloc(N * sizeof(int));
  double *sigma = calloc(N, sizeof(double)), *delta = calloc(N, sizeof(double)), *scores = calloc(N, sizeof(double));
  NodeID *order = malloc(N * sizeof(NodeID));
  int64_t level_start[N + 2];
  for (NodeID n = 0; n < N; n++) depth[n] = -1;
  depth[0] = 0, sigma[0] = 1, order[0] = 0;
  int64_t head = 0, tail = 1;
  int levels = 0;
  level_start[0] = 0;
  while (head < tail) {
    level_start[++levels] = tail;
    for (int64_t k = head; k < level_start[levels]; k++) {
      NodeID u = order[k];
      for (int64_t e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
        NodeID v = g.neighbors[e];
        if (depth[v] < 0) depth[v] = depth[u] + 1, order[tail++] = v;
        if (depth[v] == depth[u] + 1) sigma[v] += sigma[u];
      }
    }
    head = level_start[levels];
  }
  for (int d = levels - 1; d >= 0; d--) {
    int64_t k0 = level_start[d], k1 = level_start[d + 1], mid = k0 + (k1 - k0) / 2;
#pragma dosc task
    bc_level(g.offsets, g.neighbors, order, depth, sigma, delta, scores, k0, mid);
#pragma dosc task
    bc_level(g.offsets, g.neighbors, order, depth, sigma, delta, scores, mid, k1);
#pragma dosc taskwait
  }
  for (NodeID n = 0; n < N; n++) checksum += scores[n] * 0.001;

  /* bfs bottom-up from 100, blocks of 64 vertices (whole bitmap words). */
  NodeID *parent = malloc(N * sizeof(NodeID));
  uint64_t front[N / 64] = {0}, nextb[N / 64] = {0};
  for (NodeID n = 0; n < N; n++) parent[n] = -1;
  parent[100] = 100;
  front[100 >> 6] |= 1ULL << (100 & 63);
  int64_t awake = 1, total_awake = 0;
  while (awake > 0) {
    int64_t aw[2];
    for (int b = 0; b < 2; b++) {
#pragma dosc task
      aw[b] = bu_step(g.offsets, g.neighbors, parent, front, nextb, b * 64, b * 64 + 64);
    }
#pragma dosc taskwait
    awake = aw[0] + aw[1];
    total_awake += awake;
    for (int k = 0; k < N / 64; k++) front[k] = nextb[k];
  }
  for (NodeID n = 0; n < N; n++) checksum += parent[n] * (1 + n % 3) * 0.01;
  checksum += (double)total_awake + BIT_TEST(front, 0);

  /* pr: three pull steps. */
  ScoreT *sc = malloc(N * sizeof(ScoreT)), *contrib = malloc(N * sizeof(ScoreT));
  ScoreT kDamp = 0.85f, base = (1.0f - kDamp) / N;
  for (NodeID n = 0; n < N; n++) sc[n] = 1.0f / N;
  for (int it = 0; it < 3; it++) {
    for (NodeID n = 0; n < N; n++) contrib[n] = sc[n] / (ScoreT)deg[n];
    ScoreT err[4];
    for (int b = 0; b < 4; b++) {
#pragma dosc task
      err[b] = pr_pull(g.offsets, g.neighbors, contrib, sc, base, kDamp, b * 32, b * 32 + 32);
    }
#pragma dosc taskwait
    checksum += err[0] + err[1] + err[2] + err[3];
  }
  for (NodeID n = 0; n < N; n++) checksum += sc[n] * (n + 1);

  printf("checksum %.6f\n", checksum);
  free(el), free(deg), free(g.offsets), free(g.neighbors), free(fill), free(comp), free(next), free(w), free(dist),
      free(nd), free(depth), free(sigma), free(delta), free(scores), free(order), free(parent), free(sc), free(contrib);
  return 0;
}
