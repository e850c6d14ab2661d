/* String algorithms and PBBS-style sequence/graph kernels (branch unseen8), written anew in the
   shapes of the textbook codes (cp-algorithms' prefix function, Z-function, Manacher, the
   prefix-doubling suffix array with counting sorts, Kasai's LCP) and of the Problem Based
   Benchmark Suite's C kernels (a blocked pack/filter: per-block counts, a scan, then each block
   written at its offset; remove-duplicates into a linear-probing hash table `(h + 1) & mask`;
   one BFS level over a CSR graph appending to a frontier with `next[nn++]`), converted as a user
   would, each a task: KMP whose `k = fail[k - 1]` steps back by the data, the Z-function's
   `z[i - l]` and `s[z[i]]`, Manacher's mirror `d[l + r - i]`, the suffix array's `p[--cnt[..]]`
   scatter and `c[(p[i] + (1 << h)) % n]`, Kasai's `sa[rank[i] + 1]` with `k` carried across
   iterations, a matrix-chain order over a VLA parameter `long cost[n][n]` by diagonals with a
   ternary in the index and a `do`/`while` over split points, and the pack written through
   `out + offset[b]` with a counter `k++` that the data advance. Empty strings, single
   characters and blocks with nothing kept beside the others. The program prints a checksum. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* KMP: occurrences of pat in text; fail is the caller's scratch of m ints. */
int kmp_count(const char *text, int n, const char *pat, int m, int *fail) {
  if (m == 0) return 0;
  fail[0] = 0;
  for (int i = 1, k = 0; i < m; i++) {
    while (k > 0 && pat[i] != pat[k]) k = fail[k - 1];
    if (pat[i] == pat[k]) k++;
    fail[i] = k;
  }
  int count = 0;
  for (int i = 0, k = 0; i < n; i++) {
    while (k > 0 && text[i] != pat[k]) k = fail[k - 1];
    if (text[i] == pat[k]) k++;
    if (k == m) {
      count++;
      k = fail[k - 1];
    }
  }
  return count;
}

void z_function(const char *s, int n, int *z) {
  if (n == 0) return;
  z[0] = n;
  for (int i = 1, l = 0, r = 0; i < n; i++) {
    z[i] = 0;
    if (i < r) z[i] = r - i < z[i - l] ? r - i : z[i - l];
    while (i + z[i] < n && s[z[i]] == s[i + z[i]]) z[i]++;
    if (i + z[i] > r) l = i, r = i + z[i];
  }
}

/* Manacher, odd lengths: d[i] = radius + 1 of the longest odd palindrome centred at i. */
void manacher_odd(const char *s, int n, int *d) {
  for (int i = 0, l = 0, r = -1; i < n; i++) {
    int k = i > r ? 1 : (d[l + r - i] < r - i + 1 ? d[l + r - i] : r - i + 1);
    while (i - k >= 0 && i + k < n && s[i - k] == s[i + k]) k++;
    d[i] = k--;
    if (i + k > r) l = i - k, r = i + k;
  }
}

/* Suffix array of the cyclic shifts of s (s[n - 1] is a unique smallest sentinel); cnt has
   max(256, n) ints. */
void suffix_array(const unsigned char *s, int n, int *p, int *c, int *pn, int *cn, int *cnt) {
  if (n == 0) return;
  memset(cnt, 0, 256 * sizeof(int));
  for (int i = 0; i < n; i++) cnt[s[i]]++;
  for (int i = 1; i < 256; i++) cnt[i] += cnt[i - 1];
  for (int i = 0; i < n; i++) p[--cnt[s[i]]] = i;
  c[p[0]] = 0;
  int classes = 1;
  for (int i = 1; i < n; i++) {
    if (s[p[i]] != s[p[i - 1]]) classes++;
    c[p[i]] = classes - 1;
  }
  for (int h = 0; (1 << h) < n; ++h) {
    for (int i = 0; i < n; i++) {
      pn[i] = p[i] - (1 << h);
      if (pn[i] < 0) pn[i] += n;
    }
    memset(cnt, 0, (size_t)classes * sizeof(int));
    for (int i = 0; i < n; i++) cnt[c[pn[i]]]++;
    for (int i = 1; i < classes; i++) cnt[i] += cnt[i - 1];
    for (int i = n - 1; i >= 0; i--) p[--cnt[c[pn[i]]]] = pn[i];
    cn[p[0]] = 0;
    classes = 1;
    for (int i = 1; i < n; i++) {
      int cur0 = c[p[i]], cur1 = c[(p[i] + (1 << h)) % n];
      int prev0 = c[p[i - 1]], prev1 = c[(p[i - 1] + (1 << h)) % n];
      if (cur0 != prev0 || cur1 != prev1) ++classes;
      cn[p[i]] = classes - 1;
    }
    memcpy(c, cn, (size_t)n * sizeof(int));
  }
}

/* Kasai: lcp[i] = common prefix of suffixes sa[i] and sa[i + 1] (n - 1 of them). */
void kasai(const unsigned char *s, int n, const int *sa, int *rank, int *lcp) {
  for (int i = 0; i < n; i++) rank[sa[i]] = i;
  int k = 0;
  for (int i = 0; i < n; i++) {
    if (rank[i] == n - 1) {
      k = 0;
      continue;
    }
    int j = sa[rank[i] + 1];
    while (i + k < n && j + k < n && s[i + k] == s[j + k]) k++;
    lcp[rank[i]] = k;
    if (k) k--;
  }
}

/* Matrix chain order: cost[i][j] for the product of matrices i..j, dims[i] x dims[i + 1]. */
void matrix_chain(int n, const int dims[], long cost[n][n]) {
  for (int i = 0; i < n; i++) cost[i][i] = 0;
  for (int len = 2; len <= n; len++)
    for (int i = 0; i + len <= n; i++) {
      int j = i + len - 1, k = i;
      long best = -1;
      do {
        long q = cost[i][k] + cost[k + 1 < n ? k + 1 : n - 1][j] + (long)dims[i] * dims[k + 1] * dims[j + 1];
        if (best < 0 || q < best) best = q;
      } while (++k < j);
      cost[i][j] = best;
    }
}

/* PBBS pack, in two phases: count the kept elements of each block, then copy them. */
void pack_count(const int *flags, int lo, int hi, int *counts, int b) {
  int c = 0;
  for (int i = lo; i < hi; i++) c += flags[i] != 0;
  counts[b] = c;
}

void pack_block(const double *a, const int *flags, int lo, int hi, double *out) {
  int k = 0;
  for (int i = lo; i < hi; i++)
    if (flags[i]) out[k++] = a[i];
}

/* PBBS remove duplicates: insert keys (all nonzero) into a table of 1 << logsize slots. */
int dedup_insert(unsigned *table, int logsize, const unsigned *keys, int n) {
  unsigned mask = (1u << logsize) - 1;
  int added = 0;
  for (int i = 0; i < n; i++) {
    unsigned h = (keys[i] * 2654435761u) & mask;
    while (table[h] != 0 && table[h] != keys[i]) h = (h + 1) & mask;
    if (table[h] == 0) {
      table[h] = keys[i];
      added++;
    }
  }
  return added;
}

/* One BFS level over a CSR graph: the unvisited neighbours of the frontier, appended to next. */
int bfs_level(const int *offsets, const int *edges, const int *frontier, int fsize, int *parent,
              int *next) {
  int nn = 0;
  for (int f = 0; f < fsize; f++) {
    int v = frontier[f];
    for (int e = offsets[v]; e < offsets[v + 1]; e++) {
      int w = edges[e];
      if (parent[w] < 0) {
        parent[w] = v;
        next[nn++] = w;
      }
    }
  }
  return nn;
}

int main(void) {
  unsigned long sum = 0;
  const char *text = "abracadabra abracadabra cadabra abra";
  const char *pats[5] = {"abra", "a", "", "cadabra abra", "zz"};
  int tn = (int)strlen(text);
  int *fail = malloc(5 * 16 * sizeof(int));
  int found[5];
  for (int m = 0; m < 5; m++) {
#pragma dosc task
    found[m] = kmp_count(text, tn, pats[m], (int)strlen(pats[m]), fail + 16 * m);
  }
#pragma dosc taskwait
  for (int m = 0; m < 5; m++) sum = sum * 31 + (unsigned)found[m];

  /* Z-function and Manacher of three strings each (one empty, one of one character). */
  const char *strs[3] = {"aabxaabxcaabxaabxay", "q", ""};
  int *z = malloc(3 * 20 * sizeof(int)), *d = malloc(3 * 20 * sizeof(int));
  for (int m = 0; m < 3; m++) {
    int n = (int)strlen(strs[m]);
#pragma dosc task
    z_function(strs[m], n, z + 20 * m);
#pragma dosc task
    manacher_odd(strs[m], n, d + 20 * m);
  }
#pragma dosc taskwait
  for (int m = 0; m < 3; m++)
    for (int i = 0; i < (int)strlen(strs[m]); i++) sum = sum * 31 + (unsigned)(z[20 * m + i] * 3 + d[20 * m + i]);

  /* Suffix array and LCP of "mississippi$banana" (sentinel '\1' at the end) and of "\1". */
  int sn = 19;
  unsigned char *s = malloc((size_t)sn);
  memcpy(s, "mississippi$banana\1", (size_t)sn);
  int *sa = malloc(sizeof(int) * (size_t)sn), *cls = malloc(sizeof(int) * (size_t)sn);
  int *pn = malloc(sizeof(int) * (size_t)sn), *cn = malloc(sizeof(int) * (size_t)sn);
  int *cnt = malloc(256 * sizeof(int)), *rank = malloc(sizeof(int) * (size_t)sn);
  int *lcp = calloc((size_t)sn, sizeof(int));
#pragma dosc task
  suffix_array(s, sn, sa, cls, pn, cn, cnt);
#pragma dosc taskwait
#pragma dosc task
  kasai(s, sn, sa, rank, lcp);
#pragma dosc taskwait
  for (int i = 0; i < sn; i++) sum = sum * 31 + (unsigned)(sa[i] * 7 + lcp[i]);
  unsigned char *one = malloc(1);
  one[0] = 1;
  int sa1[1], c1[1], pn1[1], cn1[1], rank1[1], lcp1[1] = {5};
#pragma dosc task
  suffix_array(one, 1, sa1, c1, pn1, cn1, cnt);
#pragma dosc taskwait
#pragma dosc task
  kasai(one, 1, sa1, rank1, lcp1);
#pragma dosc taskwait
  sum = sum * 31 + (unsigned)(sa1[0] + rank1[0] + lcp1[0]);

  /* Matrix chain over 6, 2 and 1 matrices. */
  int dims[7] = {30, 35, 15, 5, 10, 20, 25};
  long (*cost6)[6] = malloc(sizeof(long[6][6])), (*cost2)[2] = malloc(sizeof(long[2][2]));
  long (*cost1)[1] = malloc(sizeof(long[1][1]));
#pragma dosc task
  matrix_chain(6, dims, cost6);
#pragma dosc task
  matrix_chain(2, dims + 3, cost2);
#pragma dosc task
  matrix_chain(1, dims + 5, cost1);
#pragma dosc taskwait
  sum = sum * 31 + (unsigned long)(cost6[0][5] + cost2[0][1] + cost1[0][0]);
  for (int i = 0; i < 6; i++)
    for (int j = i; j < 6; j++) sum = sum * 31 + (unsigned long)cost6[i][j];

  /* Pack: 37 elements in blocks of 8 (the last of 5), block 2 keeps nothing. */
  int pnum = 37, bs = 8, nblocks = (pnum + bs - 1) / bs;
  double *pa = malloc(sizeof(double) * (size_t)pnum), *pout = malloc(sizeof(double) * (size_t)pnum);
  int *flags = malloc(sizeof(int) * (size_t)pnum), *counts = malloc(sizeof(int) * (size_t)nblocks);
  int *offset = malloc(sizeof(int) * (size_t)(nblocks + 1));
  for (int i = 0; i < pnum; i++) pa[i] = i * 1.5, flags[i] = (i / bs != 2) && (i % 3 != 1);
  for (int b = 0; b < nblocks; b++) {
    int hi = (b + 1) * bs < pnum ? (b + 1) * bs : pnum;
#pragma dosc task
    pack_count(flags, b * bs, hi, counts, b);
  }
#pragma dosc taskwait
  offset[0] = 0;
  for (int b = 0; b < nblocks; b++) offset[b + 1] = offset[b] + counts[b];
  for (int b = 0; b < nblocks; b++) {
    int hi = (b + 1) * bs < pnum ? (b + 1) * bs : pnum;
#pragma dosc task
    pack_block(pa, flags, b * bs, hi, pout + offset[b]);
  }
#pragma dosc taskwait
  for (int i = 0; i < offset[nblocks]; i++) sum = sum * 31 + (unsigned long)(pout[i] * 2);

  /* Remove duplicates: 50 keys with repeats into a 64-slot table, then 1 key into 2 slots. */
  unsigned *table = calloc(64, sizeof(unsigned)), *keys = malloc(50 * sizeof(unsigned));
  unsigned *table2 = calloc(2, sizeof(unsigned));
  for (int i = 0; i < 50; i++) keys[i] = 1 + (unsigned)(i * 37 % 23);
  int added[3];
#pragma dosc task
  added[0] = dedup_insert(table, 6, keys, 50);
#pragma dosc task
  added[1] = dedup_insert(table2, 1, keys + 49, 1);
#pragma dosc task
  added[2] = dedup_insert(table2 + 2, 0, keys, 0);
#pragma dosc taskwait
  for (int i = 0; i < 64; i++) sum = sum * 31 + table[i];
  sum = sum * 31 + table2[0] + table2[1] + (unsigned)(added[0] * 100 + added[1] * 10 + added[2]);

  /* BFS over a 12-vertex graph, level by level from vertex 0. */
  int nv = 12;
  int *offs = malloc(sizeof(int) * (size_t)(nv + 1)), *edges = malloc(sizeof(int) * 48);
  int ne = 0;
  for (int v = 0; v < nv; v++) {
    offs[v] = ne;
    if (v % 5 == 4) continue; /* vertices without edges */
    edges[ne++] = (v + 1) % nv;
    edges[ne++] = (v * 3 + 2) % nv;
    if (v % 2) edges[ne++] = (v + 7) % nv;
  }
  offs[nv] = ne;
  int *parent = malloc(sizeof(int) * (size_t)nv), *front = malloc(sizeof(int) * (size_t)nv);
  int *next = malloc(sizeof(int) * (size_t)nv);
  for (int v = 0; v < nv; v++) parent[v] = -1;
  parent[0] = 0, front[0] = 0;
  int fsize = 1, levels = 0;
  while (fsize > 0) {
    int nn;
#pragma dosc task
    nn = bfs_level(offs, edges, front, fsize, parent, next);
#pragma dosc taskwait
    memcpy(front, next, sizeof(int) * (size_t)nn);
    fsize = nn;
    levels++;
  }
  for (int v = 0; v < nv; v++) sum = sum * 31 + (unsigned)(parent[v] + 1);
  sum = sum * 31 + (unsigned)levels;

  printf("strings-pbbs: checksum %lu\n", sum);
  free(fail), free(z), free(d), free(s), free(sa), free(cls), free(pn), free(cn), free(cnt);
  free(rank), free(lcp), free(one), free(cost6), free(cost2), free(cost1), free(pa), free(pout);
  free(flags), free(counts), free(offset), free(table), free(keys), free(table2);
  free(offs), free(edges), free(parent), free(front), free(next);
  return 0;
}
