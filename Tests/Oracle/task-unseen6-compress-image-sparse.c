/* Compression, image, sparse, PARSEC and mcf-like kernels (branch unseen6), each a task, the
   access shapes kept and the code written anew: an LZ77 hash chain (`prev[pos & wmask] =
   head[h]`, the match loop `*++scan == *++match`), an LZ decoder copying from its own output
   behind it (`out[op] = out[op - dist]`), run-length coding; image convolution clamped to the
   edge, histogram equalisation (a histogram, its running sum, the mapping), Sobel over the
   interior; CSR, COO and ELL sparse matrix-vector products; streamcluster's distance over
   points whose coordinates live in one block (`p->coord` into it) and its gain loop; canneal's
   swap cost through element pointers stored in a netlist; swaptions' path over a Numerical
   Recipes style matrix (rows reached through `double **`); and mcf's pricing loop over arcs
   at a stride (`arc += group`) reading potentials through the arcs' node pointers. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* LZ77 with hash chains */
#define WBITS 6
#define WSIZE (1 << WBITS)
#define WMASK (WSIZE - 1)
#define HBITS 5
#define HMASK ((1 << HBITS) - 1)
int lz_compress(const unsigned char *win, int len, unsigned short *head, unsigned short *prev,
                int *out_len, int *out_dist) {
  int tokens = 0;
  unsigned h = 0;
  for (int k = 0; k < 2 && k < len; k++) h = ((h << 2) ^ win[k]) & HMASK;
  for (int pos = 0; pos + 2 < len;) {
    h = ((h << 2) ^ win[pos + 2]) & HMASK;
    unsigned cur = head[h];
    prev[pos & WMASK] = (unsigned short)cur;
    head[h] = (unsigned short)pos;
    int best = 0, dist = 0, chain = 4;
    while (cur != 0xffff && cur < (unsigned)pos && pos - (int)cur < WSIZE && chain-- > 0) {
      const unsigned char *scan = win + pos, *match = win + cur, *end = win + len - 1;
      if (*scan == *match) {
        while (scan < end && *++scan == *++match) {}
        int l = (int)(scan - (win + pos));
        if (l > best) { best = l; dist = pos - (int)cur; }
      }
      unsigned next = prev[cur & WMASK];
      if (next >= cur) break;
      cur = next;
    }
    out_len[tokens] = best;
    out_dist[tokens] = dist;
    tokens++;
    pos += best > 2 ? best : 1;
  }
  return tokens;
}
int lz_decode(const unsigned char *lits, const int *lens, const int *dists, int tokens, unsigned char *out) {
  int op = 0, lp = 0;
  for (int t = 0; t < tokens; t++) {
    if (dists[t] == 0) { out[op++] = lits[lp++]; continue; }
    for (int k = 0; k < lens[t]; k++, op++) out[op] = out[op - dists[t]];
  }
  return op;
}
int rle_encode(const unsigned char *in, int n, unsigned char *out) {
  int o = 0;
  for (int i = 0; i < n;) {
    int run = 1;
    while (i + run < n && in[i + run] == in[i] && run < 255) run++;
    out[o++] = (unsigned char)run;
    out[o++] = in[i];
    i += run;
  }
  return o;
}

/* image kernels */
static int clampi(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }
void convolve_clamped(const float *in, float *out, int w, int h, const float *k, int r) {
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++) {
      float s = 0;
      for (int dy = -r; dy <= r; dy++)
        for (int dx = -r; dx <= r; dx++)
          s += k[(dy + r) * (2 * r + 1) + dx + r] * in[clampi(y + dy, 0, h - 1) * w + clampi(x + dx, 0, w - 1)];
      out[y * w + x] = s;
    }
}
void equalize(unsigned char *img, int n) {
  int hist[256] = {0};
  unsigned char map[256];
  for (int i = 0; i < n; i++) hist[img[i]]++;
  int acc = 0;
  for (int v = 0; v < 256; v++) { acc += hist[v]; map[v] = (unsigned char)((acc * 255) / n); }
  for (int i = 0; i < n; i++) img[i] = map[img[i]];
}
void sobel(const unsigned char *in, short *mag, int w, int h) {
  for (int y = 1; y < h - 1; y++)
    for (int x = 1; x < w - 1; x++) {
      const unsigned char *p = in + y * w + x;
      int gx = -p[-w - 1] - 2 * p[-1] - p[w - 1] + p[-w + 1] + 2 * p[1] + p[w + 1];
      int gy = -p[-w - 1] - 2 * p[-w] - p[-w + 1] + p[w - 1] + 2 * p[w] + p[w + 1];
      mag[y * w + x] = (short)(abs(gx) + abs(gy));
    }
}

/* sparse */
void spmv_csr(int rows, const int *rowptr, const int *col, const double *val, const double *x, double *y) {
  for (int i = 0; i < rows; i++) {
    double s = 0;
    for (int k = rowptr[i]; k < rowptr[i + 1]; k++) s += val[k] * x[col[k]];
    y[i] = s;
  }
}
void spmv_coo(int nnz, const int *row, const int *col, const double *val, const double *x, double *y) {
  for (int k = 0; k < nnz; k++) y[row[k]] += val[k] * x[col[k]];
}
void spmv_ell(int rows, int width, const int *col, const double *val, const double *x, double *y) {
  for (int i = 0; i < rows; i++) {
    double s = 0;
    for (int j = 0; j < width; j++) {
      int c = col[j * rows + i];
      if (c < 0) break;
      s += val[j * rows + i] * x[c];
    }
    y[i] = s;
  }
}

/* streamcluster */
struct point { float weight; float *coord; long assign; float cost; };
static float dist2(const struct point *a, const struct point *b, int dim) {
  float r = 0;
  for (int i = 0; i < dim; i++) r += (a->coord[i] - b->coord[i]) * (a->coord[i] - b->coord[i]);
  return r;
}
double pgain(struct point *p, int num, int dim, int x, int *switch_membership) {
  double gain = 0;
  for (int i = 0; i < num; i++) {
    float c = dist2(p + i, p + x, dim) * p[i].weight;
    switch_membership[i] = c < p[i].cost;
    if (c < p[i].cost) { gain += p[i].cost - c; p[i].cost = c; p[i].assign = x; }
  }
  return gain;
}

/* canneal */
struct elem { int x, y; int fanin; int pins[4]; };
long swap_cost(const struct elem *const *netlist, const struct elem *all, int a, int b) {
  const struct elem *ea = netlist[a], *eb = netlist[b];
  long before = 0, after = 0;
  for (int k = 0; k < ea->fanin; k++) {
    const struct elem *o = all + ea->pins[k];
    before += labs((long)(ea->x - o->x)) + labs((long)(ea->y - o->y));
    after += labs((long)(eb->x - o->x)) + labs((long)(eb->y - o->y));
  }
  for (int k = 0; k < eb->fanin; k++) {
    const struct elem *o = all + eb->pins[k];
    before += labs((long)(eb->x - o->x)) + labs((long)(eb->y - o->y));
    after += labs((long)(ea->x - o->x)) + labs((long)(ea->y - o->y));
  }
  return after - before;
}

/* swaptions: one-based rows of a Numerical Recipes matrix */
double **nr_dmatrix(long nrl, long nrh, long ncl, long nch) {
  long nrow = nrh - nrl + 1, ncol = nch - ncl + 1;
  double **m = malloc((size_t)(nrow + 1) * sizeof(double *));
  m += 1;
  m -= nrl;
  m[nrl] = malloc((size_t)(nrow * ncol + 1) * sizeof(double));
  m[nrl] += 1;
  m[nrl] -= ncl;
  for (long i = nrl + 1; i <= nrh; i++) m[i] = m[i - 1] + ncol;
  return m;
}
void hjm_path(double **path, const double *drift, const double *shocks, int n, int steps, double dt) {
  for (int j = 1; j <= steps; j++)
    for (int l = 0; l < n - j; l++)
      path[j][l] = path[j - 1][l + 1] + drift[l] * dt + shocks[(j - 1) * n + l] * sqrt(dt);
}

/* mcf: pricing over a group of arcs */
struct node { long potential; int number; };
struct arc { long cost; struct node *tail, *head; int ident; };
long price_group(const struct arc *arcs, int narcs, int group_pos, int group, long *red) {
  long best = 0;
  const struct arc *stop = arcs + narcs;
  for (const struct arc *a = arcs + group_pos; a < stop; a += group) {
    if (a->ident > 0) {
      long rc = a->cost - a->tail->potential + a->head->potential;
      red[a - arcs] = rc;
      if (rc < best) best = rc;
    }
  }
  return best;
}

int main(void) {
  int len = 48;
  unsigned char *win = malloc((size_t)len);
  for (int i = 0; i < len; i++) win[i] = (unsigned char)("abcabcabdabcxyzabcabcab"[i % 23]);
  unsigned short *head = malloc((HMASK + 1) * sizeof(unsigned short)), *prev = malloc(WSIZE * sizeof(unsigned short));
  memset(head, 0xff, (HMASK + 1) * sizeof(unsigned short));
  memset(prev, 0xff, WSIZE * sizeof(unsigned short));
  int *tl = malloc((size_t)len * sizeof(int)), *td = malloc((size_t)len * sizeof(int)), tokens;
  #pragma dosc task
  tokens = lz_compress(win, len, head, prev, tl, td);

  unsigned char lits[6] = {'x', 'y', 'z', 'q', 'r', 's'};
  int lens[8] = {0, 0, 0, 6, 0, 4, 0, 9}, dists[8] = {0, 0, 0, 3, 0, 2, 0, 5};
  unsigned char *dec = malloc(40);
  int declen;
  #pragma dosc task
  declen = lz_decode(lits, lens, dists, 8, dec);

  unsigned char *rin = malloc(30), *rout = malloc(60);
  for (int i = 0; i < 30; i++) rin[i] = (unsigned char)(i / 4 % 3);
  int rlen;
  #pragma dosc task
  rlen = rle_encode(rin, 30, rout);

  int w = 7, h = 5;
  float *fin = malloc((size_t)(w * h) * sizeof(float)), *fout = malloc((size_t)(w * h) * sizeof(float));
  for (int i = 0; i < w * h; i++) fin[i] = (float)((i * 13) % 10);
  float kern[9] = {1, 2, 1, 2, 4, 2, 1, 2, 1};
  #pragma dosc task
  convolve_clamped(fin, fout, w, h, kern, 1);
  unsigned char *gray = malloc(50);
  for (int i = 0; i < 50; i++) gray[i] = (unsigned char)(100 + (i * 7) % 40);
  #pragma dosc task
  equalize(gray, 50);
  unsigned char *edges_in = malloc((size_t)(w * h));
  for (int i = 0; i < w * h; i++) edges_in[i] = (unsigned char)((i % w) * 30 + (i / w) * 5);
  short *mag = calloc((size_t)(w * h), sizeof(short));
  #pragma dosc task
  sobel(edges_in, mag, w, h);

  int rows = 5, rowptr[6] = {0, 2, 3, 6, 6, 8}, col[8] = {0, 4, 2, 0, 1, 3, 2, 4};
  double val[8] = {1, 2, 3, 4, 5, 6, 7, 8}, xv[5] = {1, -1, 2, -2, 3};
  double *y1 = malloc(5 * sizeof(double)), *y2 = calloc(5, sizeof(double)), *y3 = malloc(5 * sizeof(double));
  int crow[8] = {0, 0, 1, 2, 2, 2, 4, 4};
  #pragma dosc task
  spmv_csr(rows, rowptr, col, val, xv, y1);
  #pragma dosc task
  spmv_coo(8, crow, col, val, xv, y2);
  int ecol[15] = {0, 2, 0, -1, 2, 4, -1, 1, -1, 4, -1, -1, 3, -1, -1};
  double evalues[15] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
  #pragma dosc task
  spmv_ell(rows, 3, ecol, evalues, xv, y3);

  int num = 6, dim = 3;
  float *block = malloc((size_t)(num * dim) * sizeof(float));
  struct point *pts = malloc((size_t)num * sizeof *pts);
  for (int i = 0; i < num; i++) {
    pts[i] = (struct point){1.0f + (float)i, block + i * dim, 0, 1000};
    for (int d = 0; d < dim; d++) block[i * dim + d] = (float)((i * 3 + d * 5) % 7);
  }
  int *sw = malloc((size_t)num * sizeof(int));
  double gain;
  #pragma dosc task
  gain = pgain(pts, num, dim, 2, sw);

  struct elem *all = malloc(6 * sizeof *all);
  const struct elem **net = malloc(6 * sizeof *net);
  for (int i = 0; i < 6; i++) {
    all[i] = (struct elem){i * 3 % 5, i * 2 % 7, 2, {(i + 1) % 6, (i + 3) % 6, 0, 0}};
    net[i] = all + (5 - i);
  }
  long cost;
  #pragma dosc task
  cost = swap_cost(net, all, 1, 4);

  int nn = 6, steps = 4;
  double **path = nr_dmatrix(0, steps, 0, nn - 1);
  double *drift = malloc((size_t)nn * sizeof(double)), *shocks = malloc((size_t)(steps * nn) * sizeof(double));
  for (int l = 0; l < nn; l++) { path[0][l] = 0.05 + 0.001 * l; drift[l] = 0.0001 * l; }
  for (int i = 0; i < steps * nn; i++) shocks[i] = ((i * 7) % 5 - 2) * 0.01;
  #pragma dosc task
  hjm_path(path, drift, shocks, nn, steps, 0.5);

  struct node *nodes = malloc(5 * sizeof *nodes);
  for (int i = 0; i < 5; i++) nodes[i] = (struct node){i * 10 - 20, i};
  struct arc *arcs = malloc(11 * sizeof *arcs);
  for (int i = 0; i < 11; i++) arcs[i] = (struct arc){i * 3 - 7, nodes + i % 5, nodes + (i * 2 + 1) % 5, i % 4};
  long *red = calloc(11, sizeof(long)), best;
  #pragma dosc task
  best = price_group(arcs, 11, 1, 3, red);
  #pragma dosc taskwait

  long sum = tokens + declen + rlen + cost + best + (long)(gain * 100);
  for (int i = 0; i < tokens; i++) sum += tl[i] * 3 + td[i];
  for (int i = 0; i < declen; i++) sum += dec[i];
  for (int i = 0; i < rlen; i++) sum += rout[i] * (i + 1);
  for (int i = 0; i < w * h; i++) sum += (long)fout[i] + mag[i];
  for (int i = 0; i < 50; i++) sum += gray[i];
  for (int i = 0; i < 5; i++) sum += (long)(y1[i] * 10 + y2[i] * 100 + y3[i] * 1000);
  for (int i = 0; i < num; i++) sum += sw[i] + (long)pts[i].cost + pts[i].assign;
  for (int j = 1; j <= steps; j++)
    for (int l = 0; l < nn - j; l++) sum += (long)(path[j][l] * 100000);
  for (int i = 0; i < 11; i++) sum += red[i];
  printf("compress-image-sparse: %ld\n", sum);
  return 0;
}
