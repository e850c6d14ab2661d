/* The shapes of the Computer Language Benchmarks Game's C programs and of SPLASH-2 kernels
   (written for dosc in their loop, index and data shapes, not copied): spectral-norm's
   A*u and At*u over a row block (the matrix computed from the indices), n-body's advance
   over an array of bodies (pairs i < j, a struct per body), fannkuch-redux's permutations
   by index (a task per first element, flips on a local copy), k-nucleotide-like counting of
   k-mers into an open-addressing table of the task's own, fasta's cumulative-probability
   lookup and line output into a buffer, reverse-complement of a block through a 256-entry
   table; SPLASH-2 radix's per-chunk histogram and scatter by rank, lu's contiguous blocks
   (`a + (I*nb + J)*B*B`), ocean's five-point stencil over a row band with a border, water's
   n-squared forces between molecules (inter-molecular pairs, one row of the force matrix). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- spectral-norm --------------------------------------------------------------------- */
static double eval_A(int i, int j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }

void mul_Av(const double *v, int n, double *out, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    double s = 0;
    for (int j = 0; j < n; j++) s += eval_A(i, j) * v[j];
    out[i] = s;
  }
}
void mul_Atv(const double *v, int n, double *out, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    double s = 0;
    for (int j = 0; j < n; j++) s += eval_A(j, i) * v[j];
    out[i] = s;
  }
}

/* ---- n-body ---------------------------------------------------------------------------- */
struct body {
  double x[3], v[3], mass;
};

void advance(struct body *bodies, int nbodies, double dt) {
  for (int i = 0; i < nbodies; i++)
    for (int j = i + 1; j < nbodies; j++) {
      double d[3], d2 = 0;
      for (int k = 0; k < 3; k++) {
        d[k] = bodies[i].x[k] - bodies[j].x[k];
        d2 += d[k] * d[k];
      }
      double mag = dt / (d2 * sqrt(d2));
      for (int k = 0; k < 3; k++) {
        bodies[i].v[k] -= d[k] * bodies[j].mass * mag;
        bodies[j].v[k] += d[k] * bodies[i].mass * mag;
      }
    }
  for (int i = 0; i < nbodies; i++)
    for (int k = 0; k < 3; k++) bodies[i].x[k] += dt * bodies[i].v[k];
}

double energy(const struct body *bodies, int nbodies) {
  double e = 0;
  for (int i = 0; i < nbodies; i++) {
    e += 0.5 * bodies[i].mass *
         (bodies[i].v[0] * bodies[i].v[0] + bodies[i].v[1] * bodies[i].v[1] + bodies[i].v[2] * bodies[i].v[2]);
    for (int j = i + 1; j < nbodies; j++) {
      double d2 = 0;
      for (int k = 0; k < 3; k++) d2 += (bodies[i].x[k] - bodies[j].x[k]) * (bodies[i].x[k] - bodies[j].x[k]);
      e -= bodies[i].mass * bodies[j].mass / sqrt(d2);
    }
  }
  return e;
}

/* ---- fannkuch-redux -------------------------------------------------------------------- */
/* Every permutation of n that starts with `first` (n <= 10): the most flips, and the checksum
   of this slice, written at results[2*first] and results[2*first + 1]. */
void fannkuch_slice(int n, int first, int *results) {
  int perm[10], count[10], p[10];
  int max_flips = 0, checksum = 0, sign = 1;
  for (int i = 0; i < n; i++) p[i] = i;
  /* rotate `first` to the front */
  int t = p[first];
  for (int i = first; i > 0; i--) p[i] = p[i - 1];
  p[0] = t;
  for (int i = 0; i < n; i++) count[i] = 0;
  int r = n - 1;
  for (;;) {
    for (int i = 0; i < n; i++) perm[i] = p[i];
    int flips = 0;
    for (int k = perm[0]; k != 0; k = perm[0]) {
      for (int i = 0, j = k; i < j; i++, j--) {
        int s = perm[i];
        perm[i] = perm[j];
        perm[j] = s;
      }
      flips++;
    }
    if (flips > max_flips) max_flips = flips;
    checksum += sign * flips;
    sign = -sign;
    /* next permutation of p[1..n-1] */
    r = 1;
    while (r < n - 1) {
      int p1 = p[1];
      for (int i = 1; i < r + 1; i++) p[i] = p[i + 1];
      p[r + 1] = p1;
      if (++count[r] <= r) break;
      count[r] = 0;
      r++;
    }
    if (r >= n - 1) break;
  }
  results[2 * first] = max_flips;
  results[2 * first + 1] = checksum;
}

/* ---- k-nucleotide-like ------------------------------------------------------------------ */
/* Counts the k-mers of seq[lo, hi + k - 1) into a table of its own; writes the count of the
   most frequent k-mer and its key to best[0], best[1]. */
void count_kmers(const char *seq, int lo, int hi, int k, long *best) {
  enum { SLOTS = 1024 };
  unsigned long keys[SLOTS];
  long counts[SLOTS];
  memset(counts, 0, sizeof counts);
  for (int i = lo; i < hi; i++) {
    unsigned long key = 0;
    for (int j = 0; j < k; j++) key = key * 4 + (unsigned long)((seq[i + j] >> 1) & 3);
    unsigned slot = (unsigned)(key * 2654435761u) % SLOTS;
    while (counts[slot] != 0 && keys[slot] != key) slot = (slot + 1) % SLOTS;
    keys[slot] = key;
    counts[slot]++;
  }
  best[0] = 0;
  best[1] = 0;
  for (int s = 0; s < SLOTS; s++)
    if (counts[s] > best[0] || (counts[s] == best[0] && counts[s] > 0 && (long)keys[s] < best[1])) {
      best[0] = counts[s];
      best[1] = (long)keys[s];
    }
}

/* ---- fasta ----------------------------------------------------------------------------- */
/* Line `line` of a random sequence: `width` symbols picked by cumulative probability from
   random numbers rnd[line*width ...], then a newline, into out[line*(width+1) ...]. */
void fasta_line(const double *rnd, const double *cumulative, const char *symbols, int nsymbols,
                int line, int width, char *out) {
  for (int i = 0; i < width; i++) {
    double r = rnd[line * width + i];
    int s = 0;
    while (s < nsymbols - 1 && cumulative[s] < r) s++;
    out[line * (width + 1) + i] = symbols[s];
  }
  out[line * (width + 1) + width] = '\n';
}

/* ---- reverse-complement ------------------------------------------------------------------ */
/* dst[i] = complement of src[n-1-i] for i in [lo, hi). */
void revcomp_block(const char *src, char *dst, int n, int lo, int hi, const char *table) {
  for (int i = lo; i < hi; i++) dst[i] = table[(unsigned char)src[n - 1 - i]];
}

/* ---- SPLASH-2 radix ----------------------------------------------------------------------- */
/* The histogram of one chunk's digit (radix 16) into hist[chunk*16 ...]. */
void radix_histogram(const unsigned *keys, int lo, int hi, int shift, int *hist, int chunk) {
  for (int d = 0; d < 16; d++) hist[chunk * 16 + d] = 0;
  for (int i = lo; i < hi; i++) hist[chunk * 16 + ((keys[i] >> shift) & 15)]++;
}
/* Scatter of one chunk to its ranks: rank[d] is where this chunk's next key of digit d goes. */
void radix_scatter(const unsigned *keys, unsigned *out, int lo, int hi, int shift, const int *start) {
  int rank[16];
  for (int d = 0; d < 16; d++) rank[d] = start[d];
  for (int i = lo; i < hi; i++) out[rank[(keys[i] >> shift) & 15]++] = keys[i];
}

/* ---- SPLASH-2 lu (contiguous blocks) ------------------------------------------------------ */
void lu_bmod(const double *l, const double *u, double *a, int b) {
  for (int i = 0; i < b; i++)
    for (int k = 0; k < b; k++)
      for (int j = 0; j < b; j++) a[i * b + j] -= l[i * b + k] * u[k * b + j];
}
void lu_block(double *blocks, int nb, int b, int I, int J, int K) {
  lu_bmod(blocks + (I * nb + K) * b * b, blocks + (K * nb + J) * b * b, blocks + (I * nb + J) * b * b, b);
}

/* ---- SPLASH-2 ocean ------------------------------------------------------------------------ */
/* One Jacobi sweep of rows [r0, r1) of an (n+2) x (n+2) grid with a border. */
void ocean_sweep(const double *q, double *qn, int n, int r0, int r1) {
  int w = n + 2;
  for (int i = r0; i < r1; i++)
    for (int j = 1; j <= n; j++)
      qn[i * w + j] = 0.25 * (q[(i - 1) * w + j] + q[(i + 1) * w + j] + q[i * w + j - 1] + q[i * w + j + 1]);
}

/* ---- SPLASH-2 water n-squared ------------------------------------------------------------- */
struct molecule {
  double pos[3][3]; /* H, O, H */
  double force[3][3];
};
/* The forces on molecules [lo, hi) from every other one (all of mol read, [lo, hi) written). */
void water_forces(struct molecule *mol, int nmol, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < nmol; j++) {
      if (j == i) continue;
      for (int a = 0; a < 3; a++) {
        double d2 = 0, d[3];
        for (int k = 0; k < 3; k++) {
          d[k] = mol[i].pos[a][k] - mol[j].pos[1][k];
          d2 += d[k] * d[k];
        }
        for (int k = 0; k < 3; k++) mol[i].force[a][k] += d[k] / (d2 * sqrt(d2) + 1.0);
      }
    }
}

int main(void) {
  /* spectral-norm */
  enum { NS = 40 };
  double u[NS], v[NS], tmp[NS];
  for (int i = 0; i < NS; i++) u[i] = 1.0;
  for (int it = 0; it < 3; it++) {
    for (int b = 0; b < NS; b += 10) {
#pragma dosc task
      mul_Av(u, NS, tmp, b, b + 10);
    }
#pragma dosc taskwait
    for (int b = 0; b < NS; b += 10) {
#pragma dosc task
      mul_Atv(tmp, NS, v, b, b + 10);
    }
#pragma dosc taskwait
    memcpy(u, v, sizeof u);
  }
  double vBv = 0, vv = 0;
  for (int i = 0; i < NS; i++) {
    vBv += u[i] * tmp[i];
    vv += tmp[i] * tmp[i];
  }
  printf("spectral-norm: %.9f\n", sqrt(vBv / vv));

  /* n-body */
  struct body bodies[5];
  for (int i = 0; i < 5; i++)
    bodies[i] = (struct body){{i * 1.5, i * 0.5 - 1, i * 0.25}, {0.1 * i, -0.05 * i, 0.02}, 1.0 + i};
  double e0;
#pragma dosc task
  e0 = energy(bodies, 5);
#pragma dosc taskwait
  for (int step = 0; step < 20; step++) {
#pragma dosc task
    advance(bodies, 5, 0.01);
#pragma dosc taskwait
  }
  printf("n-body: %.9f %.9f\n", e0, energy(bodies, 5));

  /* fannkuch-redux */
  enum { NF = 7 };
  int fk[2 * NF];
  for (int first = 0; first < NF; first++) {
#pragma dosc task
    fannkuch_slice(NF, first, fk);
  }
#pragma dosc taskwait
  int max_flips = 0, checksum = 0;
  for (int first = 0; first < NF; first++) {
    if (fk[2 * first] > max_flips) max_flips = fk[2 * first];
    checksum += fk[2 * first + 1];
  }
  printf("fannkuch: %d flips, checksum %d\n", max_flips, checksum);

  /* fasta, then k-mers and reverse-complement of what it wrote */
  enum { WIDTH = 30, LINES = 8 };
  double rnd[WIDTH * LINES];
  unsigned seed = 42;
  for (int i = 0; i < WIDTH * LINES; i++) {
    seed = (seed * 3877u + 29573u) % 139968u;
    rnd[i] = seed / 139968.0;
  }
  const double cumulative[4] = {0.3, 0.5, 0.7, 1.0};
  char fasta[(WIDTH + 1) * LINES + 1];
  for (int line = 0; line < LINES; line++) {
#pragma dosc task
    fasta_line(rnd, cumulative, "acgt", 4, line, WIDTH, fasta);
  }
#pragma dosc taskwait
  fasta[(WIDTH + 1) * LINES] = 0;
  char seq[WIDTH * LINES];
  int len = 0;
  for (int i = 0; fasta[i]; i++)
    if (fasta[i] != '\n') seq[len++] = fasta[i];
  long best[4][2];
  for (int k = 1; k <= 4; k++) {
#pragma dosc task
    count_kmers(seq, 0, len - k + 1, k, best[k - 1]);
  }
  char table[256];
  for (int c = 0; c < 256; c++) table[c] = (char)c;
  table['a'] = 't', table['t'] = 'a', table['c'] = 'g', table['g'] = 'c';
  char rc[WIDTH * LINES];
  for (int lo = 0; lo < len; lo += 64) {
#pragma dosc task
    revcomp_block(seq, rc, len, lo, lo + 64 < len ? lo + 64 : len, table);
  }
#pragma dosc taskwait
  unsigned h = 0;
  for (int i = 0; i < len; i++) h = h * 31 + (unsigned char)rc[i] + (unsigned char)fasta[i];
  printf("fasta/k-nucleotide/revcomp: %ld %ld %ld %ld %ld, hash %u\n", best[0][0], best[1][0], best[1][1],
         best[2][0], best[3][0], h);

  /* radix: two passes of 4 bits over 4 chunks */
  enum { NK = 200, CH = 4 };
  unsigned keys[NK], out[NK];
  for (int i = 0; i < NK; i++) keys[i] = (unsigned)((i * 2654435761u) >> 24);
  for (int shift = 0; shift < 8; shift += 4) {
    int hist[CH * 16];
    for (int c = 0; c < CH; c++) {
#pragma dosc task
      radix_histogram(keys, c * (NK / CH), (c + 1) * (NK / CH), shift, hist, c);
    }
#pragma dosc taskwait
    int start[CH][16], at = 0;
    for (int d = 0; d < 16; d++)
      for (int c = 0; c < CH; c++) {
        start[c][d] = at;
        at += hist[c * 16 + d];
      }
    for (int c = 0; c < CH; c++) {
#pragma dosc task
      radix_scatter(keys, out, c * (NK / CH), (c + 1) * (NK / CH), shift, start[c]);
    }
#pragma dosc taskwait
    memcpy(keys, out, sizeof keys);
  }
  long rs = 0;
  for (int i = 0; i < NK; i++) rs += (long)keys[i] * (i + 1);
  printf("radix: %ld\n", rs);

  /* lu contiguous blocks: the trailing update of the first step */
  enum { NB = 3, BB = 4 };
  double blocks[NB * NB * BB * BB];
  for (int i = 0; i < NB * NB * BB * BB; i++) blocks[i] = (i % 7) * 0.5 + 1.0;
  for (int I = 1; I < NB; I++)
    for (int J = 1; J < NB; J++) {
#pragma dosc task
      lu_block(blocks, NB, BB, I, J, 0);
    }
#pragma dosc taskwait
  double ls = 0;
  for (int i = 0; i < NB * NB * BB * BB; i++) ls += blocks[i] * (i % 11);
  printf("lu: %.6f\n", ls);

  /* ocean */
  enum { NO = 12 };
  double q[(NO + 2) * (NO + 2)], qn[(NO + 2) * (NO + 2)];
  for (int i = 0; i < (NO + 2) * (NO + 2); i++) q[i] = qn[i] = (i % 13) * 0.25;
  for (int r = 1; r <= NO; r += 4) {
#pragma dosc task
    ocean_sweep(q, qn, NO, r, r + 4);
  }
#pragma dosc taskwait
  double os = 0;
  for (int i = 0; i < (NO + 2) * (NO + 2); i++) os += qn[i] * (i % 5);
  printf("ocean: %.6f\n", os);

  /* water */
  enum { NM = 8 };
  struct molecule mol[NM];
  memset(mol, 0, sizeof mol);
  for (int m = 0; m < NM; m++)
    for (int a = 0; a < 3; a++)
      for (int k = 0; k < 3; k++) mol[m].pos[a][k] = m * 1.1 + a * 0.3 + k * 0.07;
  for (int lo = 0; lo < NM; lo += 2) {
#pragma dosc task
    water_forces(mol, NM, lo, lo + 2);
  }
#pragma dosc taskwait
  double ws = 0;
  for (int m = 0; m < NM; m++)
    for (int a = 0; a < 3; a++) ws += mol[m].force[a][0] * (m + 1) + mol[m].force[a][1] * a;
  printf("water: %.9f\n", ws);
  return 0;
}
