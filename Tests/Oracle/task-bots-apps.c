/* The shapes of BOTS health, floorplan, uts, alignment, sort and fft (Barcelona OpenMP Tasks
   Suite; written for dosc in the suite's loop, index and data shapes, not copied): a village
   tree whose patients are doubly linked lists moved between queues; a recursive placement
   search that copies its board (a 2-D char array) before each try; a tree whose children are
   made by hashing the parent's state (an array inside a struct, a VLA of children); pairwise
   alignment of sequences picked by index (row pointers and offsets into one buffer) with
   DP rows of the task's own; cilksort's merge with a binary split of two sorted subarrays
   given as [low, high] pointer pairs; fft's twiddle loop reading roots at a stride. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- health ---------------------------------------------------------------------------- */
struct patient {
  int id, time_left, hops;
  struct patient *back, *forward;
};
struct village {
  int level, seed, free_personnel;
  struct village *children[4];
  struct patient *waiting, *assess, *inside;
};

static void unlink_patient(struct patient **list, struct patient *p) {
  if (p->back) p->back->forward = p->forward;
  else *list = p->forward;
  if (p->forward) p->forward->back = p->back;
  p->back = p->forward = NULL;
}
static void push_patient(struct patient **list, struct patient *p) {
  p->forward = *list;
  p->back = NULL;
  if (*list) (*list)->back = p;
  *list = p;
}

/* One step of a village: waiting patients get personnel, assessed ones go inside. */
int sim_village(struct village *v) {
  int moved = 0;
  for (int k = 0; k < 4; k++)
    if (v->children[k]) {
#pragma dosc task
      sim_village(v->children[k]);
    }
#pragma dosc taskwait
  struct patient *p = v->assess;
  while (p) {
    struct patient *next = p->forward;
    if (--p->time_left <= 0) {
      unlink_patient(&v->assess, p);
      push_patient(&v->inside, p);
      v->free_personnel++;
      moved++;
    }
    p = next;
  }
  p = v->waiting;
  while (p && v->free_personnel > 0) {
    struct patient *next = p->forward;
    unlink_patient(&v->waiting, p);
    p->time_left = 2 + p->id % 3;
    p->hops++;
    push_patient(&v->assess, p);
    v->free_personnel--;
    moved++;
    p = next;
  }
  return moved;
}

static struct village *make_village(int level, int seed, int *next_id) {
  struct village *v = calloc(1, sizeof *v);
  v->level = level;
  v->seed = seed;
  v->free_personnel = 1 + seed % 2;
  for (int i = 0; i < 3 + seed % 3; i++) {
    struct patient *p = calloc(1, sizeof *p);
    p->id = (*next_id)++;
    push_patient(&v->waiting, p);
  }
  if (level > 0)
    for (int k = 0; k < 3; k++) v->children[k] = make_village(level - 1, seed * 3 + k + 1, next_id);
  return v;
}
static long village_sum(const struct village *v) {
  long s = v->free_personnel;
  for (const struct patient *p = v->waiting; p; p = p->forward) s += 1 * p->id;
  for (const struct patient *p = v->assess; p; p = p->forward) s += 7 * p->id + p->time_left;
  for (const struct patient *p = v->inside; p; p = p->forward) s += 13 * p->id + p->hops;
  for (int k = 0; k < 4; k++)
    if (v->children[k]) s += village_sum(v->children[k]);
  return s;
}
static void free_village(struct village *v) {
  struct patient *lists[3] = {v->waiting, v->assess, v->inside};
  for (int l = 0; l < 3; l++)
    for (struct patient *p = lists[l]; p;) {
      struct patient *next = p->forward;
      free(p);
      p = next;
    }
  for (int k = 0; k < 4; k++)
    if (v->children[k]) free_village(v->children[k]);
  free(v);
}

/* ---- floorplan ------------------------------------------------------------------------- */
#define ROWS 5
#define COLS 5
struct cell {
  int n;
  int alt[2][2]; /* each alternative: rows, cols */
};

/* Places cell `id` and the ones after it on a copy of `board`, every alternative at every
   free corner; returns the least bounding area found (or `best` when none is smaller). */
int add_cell(int id, const char board[ROWS][COLS], const struct cell *cells, int ncells,
             int used_rows, int used_cols, int best) {
  if (id == ncells) {
    int area = used_rows * used_cols;
    return area < best ? area : best;
  }
  int results[2 * ROWS * COLS];
  int tried = 0;
  for (int a = 0; a < cells[id].n; a++) {
    int h = cells[id].alt[a][0], w = cells[id].alt[a][1];
    for (int top = 0; top + h <= ROWS; top++)
      for (int left = 0; left + w <= COLS; left++) {
        int free_here = 1;
        for (int i = top; i < top + h && free_here; i++)
          for (int j = left; j < left + w; j++)
            if (board[i][j]) {
              free_here = 0;
              break;
            }
        if (!free_here) continue;
        char copy[ROWS][COLS];
        memcpy(copy, board, sizeof copy);
        for (int i = top; i < top + h; i++)
          for (int j = left; j < left + w; j++) copy[i][j] = (char)('a' + id);
        int rows = top + h > used_rows ? top + h : used_rows;
        int cols = left + w > used_cols ? left + w : used_cols;
        if (rows * cols >= best) continue;
#pragma dosc task
        results[tried] = add_cell(id + 1, copy, cells, ncells, rows, cols, best);
#pragma dosc taskwait
        tried++;
      }
  }
  for (int t = 0; t < tried; t++)
    if (results[t] < best) best = results[t];
  return best;
}

/* ---- uts ------------------------------------------------------------------------------- */
struct uts_node {
  int height, nchildren;
  unsigned char state[20];
};

static void rng_spawn(const unsigned char *parent, unsigned char *child, int which) {
  unsigned h = 2166136261u ^ (unsigned)which;
  for (int i = 0; i < 20; i++) {
    h = (h ^ parent[i]) * 16777619u;
    child[i] = (unsigned char)(h >> 13);
  }
}

long uts_search(const struct uts_node *parent, int max_height) {
  long count = 1;
  if (parent->height >= max_height) return count;
  int n = 1 + parent->state[0] % 4;
  struct uts_node children[n];
  long partial[n];
  for (int i = 0; i < n; i++) {
    children[i].height = parent->height + 1;
    children[i].nchildren = 0;
    rng_spawn(parent->state, children[i].state, i);
#pragma dosc task
    partial[i] = uts_search(&children[i], max_height);
  }
#pragma dosc taskwait
  for (int i = 0; i < n; i++) count += partial[i];
  return count;
}

/* A node's children hashed into a caller's array: `out` is written at [0, 20*n). */
void uts_children(const unsigned char *state, unsigned char *out, int n) {
  for (int i = 0; i < n; i++) rng_spawn(state, out + 20 * i, i);
}

/* ---- alignment ------------------------------------------------------------------------- */
/* A global alignment score (Needleman-Wunsch with a gap penalty), two DP rows of its own. */
int align_pair(const char *a, int n, const char *b, int m, int gap) {
  int *prev = malloc(sizeof(int) * (size_t)(m + 1));
  int *cur = malloc(sizeof(int) * (size_t)(m + 1));
  for (int j = 0; j <= m; j++) prev[j] = -gap * j;
  for (int i = 1; i <= n; i++) {
    cur[0] = -gap * i;
    for (int j = 1; j <= m; j++) {
      int diag = prev[j - 1] + (a[i - 1] == b[j - 1] ? 2 : -1);
      int up = prev[j] - gap, left = cur[j - 1] - gap;
      int best = diag > up ? diag : up;
      cur[j] = best > left ? best : left;
    }
    int *t = prev;
    prev = cur;
    cur = t;
  }
  int score = prev[m];
  free(prev);
  free(cur);
  return score;
}

/* The whole DP matrix of one pair, (n+1) x (m+1), into the caller's `dp`. */
void align_matrix(const char *a, int n, const char *b, int m, int *dp) {
  for (int j = 0; j <= m; j++) dp[j] = -j;
  for (int i = 1; i <= n; i++) {
    dp[i * (m + 1)] = -i;
    for (int j = 1; j <= m; j++) {
      int diag = dp[(i - 1) * (m + 1) + j - 1] + (a[i - 1] == b[j - 1] ? 1 : -1);
      int up = dp[(i - 1) * (m + 1) + j] - 1;
      int left = dp[i * (m + 1) + j - 1] - 1;
      int best = diag > up ? diag : up;
      dp[i * (m + 1) + j] = best > left ? best : left;
    }
  }
}

/* ---- sort (cilksort) ------------------------------------------------------------------- */
static const int *binsplit(int val, const int *low, const int *high) {
  while (low != high) {
    const int *mid = low + ((high - low + 1) >> 1);
    if (val <= *mid) high = mid - 1;
    else low = mid;
  }
  return *low > val ? low - 1 : low;
}

void seqmerge(const int *low1, const int *high1, const int *low2, const int *high2, int *dest) {
  while (low1 <= high1 && low2 <= high2) *dest++ = *low1 <= *low2 ? *low1++ : *low2++;
  while (low1 <= high1) *dest++ = *low1++;
  while (low2 <= high2) *dest++ = *low2++;
}

void cilkmerge(const int *low1, const int *high1, const int *low2, const int *high2, int *dest) {
  if (high2 - low2 > high1 - low1) {
    const int *t = low1;
    low1 = low2;
    low2 = t;
    t = high1;
    high1 = high2;
    high2 = t;
  }
  if (high2 < low2) {
    memcpy(dest, low1, sizeof(int) * (size_t)(high1 - low1 + 1));
    return;
  }
  if (high2 - low2 < 8) {
    seqmerge(low1, high1, low2, high2, dest);
    return;
  }
  const int *split1 = ((high1 - low1 + 1) / 2) + low1;
  const int *split2 = binsplit(*split1, low2, high2);
  long lowsize = (split1 - low1) + (split2 - low2);
  dest[lowsize + 1] = *split1;
#pragma dosc task
  cilkmerge(low1, split1 - 1, low2, split2, dest);
#pragma dosc task
  cilkmerge(split1 + 1, high1, split2 + 1, high2, dest + lowsize + 2);
#pragma dosc taskwait
}

/* Merges a[0, half) and a[half, n) into out[0, n), as the leaves of cilksort do. */
void merge_halves(const int *a, int half, int n, int *out) {
  seqmerge(a, a + half - 1, a + half, a + n - 1, out);
}

/* ---- fft twiddle ----------------------------------------------------------------------- */
typedef struct {
  double re, im;
} cplx;

/* out[i*m + j] for j in 0..1 from in[i] and in[i + r], roots W[(i*nW) % lw]. */
void fft_twiddle_2(int lo, int hi, const cplx *in, cplx *out, const cplx *W, int r, int m,
                   int nW) {
  for (int i = lo; i < hi; i++) {
    cplx w = W[i * nW];
    cplx x = in[i], y = in[i + r];
    double tr = w.re * y.re - w.im * y.im, ti = w.re * y.im + w.im * y.re;
    out[i * m].re = x.re + tr;
    out[i * m].im = x.im + ti;
    out[i * m + 1].re = x.re - tr;
    out[i * m + 1].im = x.im - ti;
  }
}

int main(void) {
  /* health */
  int next_id = 0;
  struct village *top = make_village(2, 1, &next_id);
  int moved = 0;
  for (int step = 0; step < 5; step++) {
    int m;
#pragma dosc task
    m = sim_village(top);
#pragma dosc taskwait
    moved += m;
  }
  printf("health: %d patients, %d moves, sum %ld\n", next_id, moved, village_sum(top));
  free_village(top);

  /* floorplan */
  struct cell cells[3] = {{2, {{2, 3}, {3, 2}}}, {1, {{2, 2}, {0, 0}}}, {2, {{1, 4}, {4, 1}}}};
  char board[ROWS][COLS];
  memset(board, 0, sizeof board);
  int best;
#pragma dosc task
  best = add_cell(0, board, cells, 3, 0, 0, ROWS * COLS + 1);
#pragma dosc taskwait
  printf("floorplan: best area %d\n", best);

  /* uts */
  struct uts_node root = {0, 0, {0}};
  for (int i = 0; i < 20; i++) root.state[i] = (unsigned char)(i * 37 + 11);
  long nodes;
#pragma dosc task
  nodes = uts_search(&root, 5);
  unsigned char kids[20 * 6];
#pragma dosc task
  uts_children(root.state, kids, 6);
#pragma dosc taskwait
  unsigned kid_sum = 0;
  for (int i = 0; i < 20 * 6; i++) kid_sum = kid_sum * 31 + kids[i];
  printf("uts: %ld nodes, children hash %u\n", nodes, kid_sum);

  /* alignment: sequences as row pointers and as offsets into one buffer */
  enum { NSEQ = 5 };
  const char *seqs[NSEQ] = {"GATTACAGATTACA", "GCATGCUGCA", "ACGTACGTTTGA", "TTAGGCAT", "CAGTCAGGATC"};
  int lens[NSEQ], offs[NSEQ];
  char all[128];
  int at = 0;
  for (int s = 0; s < NSEQ; s++) {
    lens[s] = (int)strlen(seqs[s]);
    offs[s] = at;
    memcpy(all + at, seqs[s], (size_t)lens[s]);
    at += lens[s];
  }
  int scores[NSEQ * NSEQ] = {0}, scores2[NSEQ * NSEQ] = {0};
  for (int si = 0; si < NSEQ; si++)
    for (int sj = si + 1; sj < NSEQ; sj++) {
#pragma dosc task
      scores[si * NSEQ + sj] = align_pair(seqs[si], lens[si], seqs[sj], lens[sj], 2);
#pragma dosc task
      scores2[si * NSEQ + sj] = align_pair(all + offs[si], lens[si], all + offs[sj], lens[sj], 1);
    }
  int dp[15 * 13];
#pragma dosc task
  align_matrix(all + offs[0], lens[0], all + offs[2], lens[2], dp);
#pragma dosc taskwait
  long align_sum = 0;
  for (int k = 0; k < NSEQ * NSEQ; k++) align_sum += scores[k] * (k + 1) + scores2[k] * (k + 3);
  printf("alignment: %ld, corner %d\n", align_sum, dp[15 * 13 - 1]);

  /* sort */
  enum { NS = 96 };
  int a[NS], tmp[NS], merged[NS];
  for (int i = 0; i < NS; i++) a[i] = (i * 37) % 101;
  /* two sorted halves */
  for (int h = 0; h < 2; h++)
    for (int i = 0; i < NS / 2; i++)
      for (int j = h * (NS / 2); j + 1 < (h + 1) * (NS / 2) - i; j++)
        if (a[j] > a[j + 1]) {
          int t = a[j];
          a[j] = a[j + 1];
          a[j + 1] = t;
        }
#pragma dosc task
  cilkmerge(a, a + NS / 2 - 1, a + NS / 2, a + NS - 1, tmp);
#pragma dosc task
  merge_halves(a, NS / 2, NS, merged);
#pragma dosc taskwait
  long sort_sum = 0;
  for (int i = 0; i < NS; i++) sort_sum += (long)tmp[i] * (i + 1) + merged[i];
  printf("sort: %ld\n", sort_sum);

  /* fft twiddle: two calls over halves */
  enum { NF = 16 };
  cplx in[2 * NF], out[2 * NF], W[NF * 2];
  for (int i = 0; i < 2 * NF; i++) in[i] = (cplx){i * 0.5, 1.0 - i * 0.25};
  for (int i = 0; i < 2 * NF; i++) W[i] = (cplx){1.0 / (i + 1), 0.5 / (i + 2)};
#pragma dosc task
  fft_twiddle_2(0, NF / 2, in, out, W, NF, 2, 2);
#pragma dosc task
  fft_twiddle_2(NF / 2, NF, in, out, W, NF, 2, 2);
#pragma dosc taskwait
  double fs = 0;
  for (int i = 0; i < 2 * NF; i++) fs += out[i].re * (i + 1) - out[i].im;
  printf("fft: %.6f\n", fs);
  return 0;
}
