/* Common kernels outside the HPC suites (written for dosc in their usual shapes): a hash table
   with chaining in arrays (`next[]` indices) and one with linear probing, a trie of the task's
   own, union-find with path halving over a parent array, a CSR graph's BFS level by level (a
   task per vertex block of the frontier's level) and PageRank's pull step over a row block;
   image filters: a separable convolution (row pass then column pass, a clamped border), an
   integral image (a task per row prefix, then columns), histogram equalisation (a histogram
   per band, a lookup table applied to a band); string kernels: KMP's failure function and
   search over a block (the pattern read whole, the text with an overlap of m-1), edit distance
   with two DP rows of the task's own, suffix array ranks by prefix doubling. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- hash tables ----------------------------------------------------------------------- */
/* Inserts keys[lo, hi) into a chained table: head[nbuckets], next[] and key_of[] indexed by
   the key's position. */
void chain_insert(const int *keys, int lo, int hi, int *head, int nbuckets, int *next) {
  for (int i = lo; i < hi; i++) {
    int b = (unsigned)keys[i] * 2654435761u % (unsigned)nbuckets;
    next[i] = head[b];
    head[b] = i;
  }
}
/* Looks up probes[lo, hi) in a linear-probing table of `size` slots (0 = empty). */
void probe_lookup(const int *table, int size, const int *probes, int lo, int hi, int *found) {
  for (int i = lo; i < hi; i++) {
    int slot = (unsigned)probes[i] * 40503u % (unsigned)size;
    found[i] = 0;
    for (int tries = 0; tries < size && table[slot] != 0; tries++) {
      if (table[slot] == probes[i]) {
        found[i] = 1;
        break;
      }
      slot = (slot + 1) % size;
    }
  }
}

/* ---- trie ------------------------------------------------------------------------------ */
/* The number of distinct prefixes of the words words[lo, hi) (each 8 chars, zero-padded). */
int trie_prefixes(const char *words, int lo, int hi) {
  enum { MAXN = 1024 };
  static const int none = 0;
  int (*child)[26] = calloc(MAXN, sizeof *child);
  int nodes = 1;
  for (int w = lo; w < hi; w++) {
    int at = none;
    for (int c = 0; c < 8 && words[w * 8 + c]; c++) {
      int letter = words[w * 8 + c] - 'a';
      if (child[at][letter] == 0 && nodes < MAXN) child[at][letter] = nodes++;
      at = child[at][letter];
    }
  }
  free(child);
  return nodes - 1;
}

/* ---- union-find ------------------------------------------------------------------------ */
static int find(int *parent, int x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}
/* Unites the edges [lo, hi) of (eu, ev) in parent[0, n). */
void unite_edges(int *parent, int n, const int *eu, const int *ev, int lo, int hi) {
  (void)n;
  for (int e = lo; e < hi; e++) {
    int a = find(parent, eu[e]), b = find(parent, ev[e]);
    if (a != b) parent[a < b ? b : a] = a < b ? a : b;
  }
}

/* ---- CSR graphs ------------------------------------------------------------------------ */
/* One BFS level: every vertex v in [lo, hi) with level[v] == depth marks its unvisited
   neighbours in next_level (a flag array, written by several tasks: only 1s are stored). */
void bfs_level(const int *row, const int *col, const int *level, int depth, int lo, int hi,
               char *next_level) {
  for (int v = lo; v < hi; v++)
    if (level[v] == depth)
      for (int e = row[v]; e < row[v + 1]; e++)
        if (level[col[e]] < 0) next_level[col[e]] = 1;
}
/* PageRank pull: rank_out[v] for v in [lo, hi) from the in-edges (CSR of the transpose). */
void pagerank_pull(const int *row, const int *col, const double *contrib, double *rank_out, int lo, int hi,
                   double base, double damping) {
  for (int v = lo; v < hi; v++) {
    double s = 0;
    for (int e = row[v]; e < row[v + 1]; e++) s += contrib[col[e]];
    rank_out[v] = base + damping * s;
  }
}

/* ---- images ---------------------------------------------------------------------------- */
/* Rows [r0, r1) of a w-wide image convolved along x with a (2R+1) kernel, clamped border. */
void convolve_rows(const float *in, float *out, int w, int r0, int r1, const float *kernel, int R) {
  for (int y = r0; y < r1; y++)
    for (int x = 0; x < w; x++) {
      float s = 0;
      for (int k = -R; k <= R; k++) {
        int xx = x + k < 0 ? 0 : x + k >= w ? w - 1 : x + k;
        s += kernel[k + R] * in[y * w + xx];
      }
      out[y * w + x] = s;
    }
}
/* Columns [c0, c1) of an h x w image convolved along y. */
void convolve_cols(const float *in, float *out, int w, int h, int c0, int c1, const float *kernel, int R) {
  for (int y = 0; y < h; y++)
    for (int x = c0; x < c1; x++) {
      float s = 0;
      for (int k = -R; k <= R; k++) {
        int yy = y + k < 0 ? 0 : y + k >= h ? h - 1 : y + k;
        s += kernel[k + R] * in[yy * w + x];
      }
      out[y * w + x] = s;
    }
}
/* The prefix sums of row y of an image into the integral image's row y. */
void integral_row(const unsigned char *img, long *sum, int w, int y) {
  long s = 0;
  for (int x = 0; x < w; x++) {
    s += img[y * w + x];
    sum[y * w + x] = s;
  }
}
/* Columns [c0, c1) of the integral image: each cell adds the one above. */
void integral_cols(long *sum, int w, int h, int c0, int c1) {
  for (int y = 1; y < h; y++)
    for (int x = c0; x < c1; x++) sum[y * w + x] += sum[(y - 1) * w + x];
}
/* The histogram of band `band` (rows [band*rows, (band+1)*rows)) into hist[band*256 ...]. */
void band_histogram(const unsigned char *img, int w, int rows, int band, int *hist) {
  for (int i = 0; i < 256; i++) hist[band * 256 + i] = 0;
  for (int i = band * rows * w; i < (band + 1) * rows * w; i++) hist[band * 256 + img[i]]++;
}
/* A lookup table applied to pixels [lo, hi). */
void apply_lut(const unsigned char *in, unsigned char *out, int lo, int hi, const unsigned char *lut) {
  for (int i = lo; i < hi; i++) out[i] = lut[in[i]];
}

/* ---- strings --------------------------------------------------------------------------- */
/* Occurrences of pat[0, m) starting in text[lo, hi) (text read up to hi + m - 1). */
int kmp_count(const char *text, int lo, int hi, const char *pat, int m) {
  int fail[32];
  fail[0] = 0;
  for (int i = 1, k = 0; i < m; i++) {
    while (k > 0 && pat[i] != pat[k]) k = fail[k - 1];
    if (pat[i] == pat[k]) k++;
    fail[i] = k;
  }
  int count = 0;
  for (int i = lo, k = 0; i < hi + m - 1; i++) {
    while (k > 0 && text[i] != pat[k]) k = fail[k - 1];
    if (text[i] == pat[k]) k++;
    if (k == m) {
      if (i - m + 1 >= lo) count++;
      k = fail[k - 1];
    }
  }
  return count;
}
/* Edit distance of a[0, n) and b[0, m), two rows of the task's own (m < 64). */
int edit_distance(const char *a, int n, const char *b, int m) {
  int prev[64], cur[64];
  for (int j = 0; j <= m; j++) prev[j] = j;
  for (int i = 1; i <= n; i++) {
    cur[0] = i;
    for (int j = 1; j <= m; j++) {
      int sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
      int del = prev[j] + 1, ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
    }
    memcpy(prev, cur, sizeof(int) * (size_t)(m + 1));
  }
  return prev[m];
}
/* One prefix-doubling step of a suffix array: the key of suffixes [lo, hi) from their rank
   and the rank k further on (-1 past the end). */
void suffix_keys(const int *rank, int n, int k, long *key, int lo, int hi) {
  for (int i = lo; i < hi; i++) key[i] = (long)rank[i] * (n + 1) + (i + k < n ? rank[i + k] + 1 : 0);
}

static long *sort_keys;
static int by_key(const void *x, const void *y) {
  long a = sort_keys[*(const int *)x], b = sort_keys[*(const int *)y];
  return a < b ? -1 : a > b ? 1 : *(const int *)x - *(const int *)y;
}

int main(void) {
  /* hash tables */
  enum { NKEYS = 64, NB = 16, SLOTS = 97 };
  int keys[NKEYS], head[NB], next[NKEYS], table[SLOTS] = {0}, probes[NKEYS], found[NKEYS];
  for (int i = 0; i < NKEYS; i++) keys[i] = i * 7 + 3;
  for (int b = 0; b < NB; b++) head[b] = -1;
#pragma dosc task
  chain_insert(keys, 0, NKEYS, head, NB, next);
  for (int i = 0; i < NKEYS / 2; i++) {
    int slot = (unsigned)keys[i] * 40503u % SLOTS;
    while (table[slot]) slot = (slot + 1) % SLOTS;
    table[slot] = keys[i];
  }
  for (int i = 0; i < NKEYS; i++) probes[i] = keys[(i * 5) % NKEYS];
  for (int lo = 0; lo < NKEYS; lo += 16) {
#pragma dosc task
    probe_lookup(table, SLOTS, probes, lo, lo + 16, found);
  }
#pragma dosc taskwait
  unsigned long hs = 0;
  for (int b = 0; b < NB; b++)
    for (int i = head[b]; i >= 0; i = next[i]) hs = hs * 3 + (unsigned long)i;
  for (int i = 0; i < NKEYS; i++) hs += (unsigned long)(found[i] * i);
  printf("hash: %lu\n", hs);

  /* trie */
  const char *wordlist[6] = {"tea", "ten", "to", "inn", "in", "tent"};
  char words[6 * 8];
  memset(words, 0, sizeof words);
  for (int w = 0; w < 6; w++) memcpy(words + w * 8, wordlist[w], strlen(wordlist[w]));
  int prefixes[2];
#pragma dosc task
  prefixes[0] = trie_prefixes(words, 0, 3);
#pragma dosc task
  prefixes[1] = trie_prefixes(words, 3, 6);
#pragma dosc taskwait
  printf("trie: %d %d\n", prefixes[0], prefixes[1]);

  /* union-find */
  enum { NV = 40, NE = 30 };
  int parent[NV], eu[NE], ev[NE];
  for (int v = 0; v < NV; v++) parent[v] = v;
  for (int e = 0; e < NE; e++) eu[e] = (e * 7) % NV, ev[e] = (e * 13 + 5) % NV;
#pragma dosc task
  unite_edges(parent, NV, eu, ev, 0, NE);
#pragma dosc taskwait
  int components = 0;
  for (int v = 0; v < NV; v++) components += find(parent, v) == v;
  printf("union-find: %d components\n", components);

  /* CSR: a ring with chords */
  enum { GV = 32 };
  int row[GV + 1], col[GV * 3], level[GV];
  int ne = 0;
  for (int v = 0; v < GV; v++) {
    row[v] = ne;
    col[ne++] = (v + 1) % GV;
    col[ne++] = (v + GV - 1) % GV;
    if (v % 4 == 0) col[ne++] = (v + 7) % GV;
  }
  row[GV] = ne;
  for (int v = 0; v < GV; v++) level[v] = -1;
  level[0] = 0;
  for (int depth = 0;; depth++) {
    char flags[GV];
    memset(flags, 0, sizeof flags);
    for (int lo = 0; lo < GV; lo += 8) {
#pragma dosc task
      bfs_level(row, col, level, depth, lo, lo + 8, flags);
    }
#pragma dosc taskwait
    int any = 0;
    for (int v = 0; v < GV; v++)
      if (flags[v] && level[v] < 0) level[v] = depth + 1, any = 1;
    if (!any) break;
  }
  double rank[GV], contrib[GV], rank_out[GV];
  for (int v = 0; v < GV; v++) rank[v] = 1.0 / GV;
  for (int it = 0; it < 5; it++) {
    for (int v = 0; v < GV; v++) contrib[v] = rank[v] / (row[v + 1] - row[v]);
    for (int lo = 0; lo < GV; lo += 8) {
#pragma dosc task
      pagerank_pull(row, col, contrib, rank_out, lo, lo + 8, 0.15 / GV, 0.85);
    }
#pragma dosc taskwait
    memcpy(rank, rank_out, sizeof rank);
  }
  long ls = 0;
  double ps = 0;
  for (int v = 0; v < GV; v++) ls += level[v] * (v + 1), ps += rank[v] * (v + 1);
  printf("graph: levels %ld, pagerank %.9f\n", ls, ps);

  /* images */
  enum { W = 16, H = 12, R = 2 };
  float img[W * H], tmp[W * H], blurred[W * H];
  const float kernel[2 * R + 1] = {0.1f, 0.2f, 0.4f, 0.2f, 0.1f};
  for (int i = 0; i < W * H; i++) img[i] = (float)((i * 37) % 29);
  for (int r = 0; r < H; r += 4) {
#pragma dosc task
    convolve_rows(img, tmp, W, r, r + 4, kernel, R);
  }
#pragma dosc taskwait
  for (int c = 0; c < W; c += 8) {
#pragma dosc task
    convolve_cols(tmp, blurred, W, H, c, c + 8, kernel, R);
  }
  unsigned char pix[W * H], equalised[W * H];
  long integral[W * H];
  for (int i = 0; i < W * H; i++) pix[i] = (unsigned char)((i * 53) % 200);
  for (int y = 0; y < H; y++) {
#pragma dosc task
    integral_row(pix, integral, W, y);
  }
#pragma dosc taskwait
  for (int c = 0; c < W; c += 4) {
#pragma dosc task
    integral_cols(integral, W, H, c, c + 4);
  }
  int hist[3 * 256];
  for (int band = 0; band < 3; band++) {
#pragma dosc task
    band_histogram(pix, W, H / 3, band, hist);
  }
#pragma dosc taskwait
  unsigned char lut[256];
  long cdf = 0;
  for (int v = 0; v < 256; v++) {
    cdf += hist[v] + hist[256 + v] + hist[512 + v];
    lut[v] = (unsigned char)(cdf * 255 / (W * H));
  }
  for (int lo = 0; lo < W * H; lo += 64) {
#pragma dosc task
    apply_lut(pix, equalised, lo, lo + 64, lut);
  }
#pragma dosc taskwait
  double is = 0;
  for (int i = 0; i < W * H; i++) is += blurred[i] * (i % 7) + equalised[i] + (double)integral[i] / 1000;
  printf("images: %.4f\n", is);

  /* strings */
  const char *text = "abracadabra abracadabra cadabra abra";
  int tn = (int)strlen(text);
  int matches[3];
  for (int b = 0; b < 3; b++) {
    int lo = b * 11, hi = b == 2 ? tn - 3 : (b + 1) * 11;
#pragma dosc task
    matches[b] = kmp_count(text, lo, hi, "abra", 4);
  }
  int dist[3];
  const char *words2[4] = {"kitten", "sitting", "saturday", "sunday"};
#pragma dosc task
  dist[0] = edit_distance(words2[0], 6, words2[1], 7);
#pragma dosc task
  dist[1] = edit_distance(words2[2], 8, words2[3], 6);
#pragma dosc task
  dist[2] = edit_distance(text, 11, text + 12, 11);
#pragma dosc taskwait
  /* suffix array of text by prefix doubling */
  int sa[64], rk[64], tmprank[64];
  long key[64];
  for (int i = 0; i < tn; i++) sa[i] = i, rk[i] = (unsigned char)text[i];
  for (int k = 1; k < tn; k *= 2) {
    for (int lo = 0; lo < tn; lo += 16) {
#pragma dosc task
      suffix_keys(rk, tn, k, key, lo, lo + 16 < tn ? lo + 16 : tn);
    }
#pragma dosc taskwait
    sort_keys = key;
    qsort(sa, (size_t)tn, sizeof sa[0], by_key);
    tmprank[sa[0]] = 0;
    for (int i = 1; i < tn; i++) tmprank[sa[i]] = tmprank[sa[i - 1]] + (key[sa[i]] != key[sa[i - 1]]);
    memcpy(rk, tmprank, sizeof(int) * (size_t)tn);
  }
  unsigned long ss = 0;
  for (int i = 0; i < tn; i++) ss = ss * 7 + (unsigned long)sa[i];
  printf("strings: kmp %d %d %d, edit %d %d %d, suffix array %lu\n", matches[0], matches[1], matches[2],
         dist[0], dist[1], dist[2], ss);
  return 0;
}
