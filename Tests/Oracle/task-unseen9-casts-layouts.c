/* Layout and cast shapes as real codes write them (branch unseen9): a flat parameter viewed
   inside the task as rows, `double (*rows)[4] = (double (*)[4])a` and a VLA row type
   `typedef double row_t[m]; row_t *r = (row_t *)a` (row i is m elements on), a memset sized by
   `sizeof(row_t)` and `sizeof(double[k][m])`; `long double` elements (16 bytes, 10 stored);
   a packed record with a misaligned double field; a union of arrays written as one member and
   read as another; an array of structs whose struct holds an array of structs
   (`g[i].cell[j].v`), a 2-D array of structs as `struct cell (*)[W]`; a struct-of-arrays held by
   value; a variadic helper called by a task writing its arguments into a parameter; kernels
   picked through a function-pointer table; offsets chained through helpers (`p + off`, then
   `q + 1`, then `q[-1]`); a reversed copy `b[n - 1 - i] = a[i]`; and a column walked at a
   stride by pointer increments of a parameter. The program prints a checksum. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* rows of 4 through a cast of the flat parameter */
void rows4_scale(double *a, int nrows, double s) {
  double (*rows)[4] = (double (*)[4])a;
  for (int i = 0; i < nrows; i++)
    for (int j = 0; j < 4; j++) rows[i][j] *= s * (j + 1);
}

/* rows of m through a VLA row type */
void rowsm_add(double *a, int nrows, int m, double v) {
  typedef double row_t[m];
  row_t *r = (row_t *)a;
  for (int i = 0; i < nrows; i++)
    for (int j = 0; j < m; j++) r[i][j] += v + i;
}

/* clears k rows of m, starting at row r0, by sizeof of VLA types */
void rowsm_clear(double *a, int r0, int k, int m) {
  typedef double row_t[m];
  memset((row_t *)a + r0, 0, sizeof(double[k][m]));
  memset(a, 0, sizeof(row_t) / 2);
}

/* the last row, through a pointer to an array of m, `*(r + i)` */
double rowsm_last_sum(const double *a, int nrows, int m) {
  const double (*r)[m] = (const double (*)[m])a;
  double s = 0;
  for (int j = 0; j < m; j++) s += (*(r + nrows - 1))[j];
  return s;
}

/* long double elements */
void ld_poly(long double *y, const long double *x, int n) {
  for (int i = 0; i < n; i++) y[i] = x[i] * x[i] * 0.5L + x[i] - 1.0L;
}

/* a packed record: the double sits at offset 1 */
#pragma pack(push, 1)
struct packed_rec {
  char tag;
  double v;
  short k;
};
#pragma pack(pop)
void packed_update(struct packed_rec *r, int n) {
  for (int i = 0; i < n; i++)
    if (r[i].tag == 'a') r[i].v += r[i].k;
    else r[i].k = (short)(r[i].k * 2);
}

/* a union of arrays */
union lanes {
  double d[2];
  float f[4];
  unsigned char b[16];
};
void lanes_fill(union lanes *u, int n) {
  for (int i = 0; i < n; i++) {
    u[i].f[0] = (float)i;
    u[i].f[3] = -(float)i;
  }
}
unsigned lanes_hash(const union lanes *u, int n) {
  unsigned h = 2166136261u;
  for (int i = 0; i < n; i++)
    for (int k = 0; k < 16; k++) h = (h ^ u[i].b[k]) * 16777619u;
  return h;
}

/* structs holding arrays of structs */
struct cell {
  double v;
  int flag;
};
struct block {
  int id;
  struct cell cell[6];
};
void block_relax(struct block *g, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 1; j < 5; j++)
      if (g[i].cell[j].flag) g[i].cell[j].v = 0.5 * (g[i].cell[j - 1].v + g[i].cell[j + 1].v);
}

#define W 5
void grid_mark(struct cell (*g)[W], int r0, int r1) {
  for (int r = r0; r < r1; r++)
    for (int c = 0; c < W; c++) g[r][c].flag = (int)(g[r][c].v * 10) % 3 == 0;
}

/* a struct of arrays held by value */
struct soa {
  double *x, *y;
  int n;
};
void soa_rotate(struct soa s, int lo, int hi) {
  for (int i = lo; i < hi && i < s.n; i++) {
    double t = s.x[i];
    s.x[i] = -s.y[i];
    s.y[i] = t;
  }
}

/* a variadic helper */
static void put_values(int *dst, int count, ...) {
  va_list ap;
  va_start(ap, count);
  for (int i = 0; i < count; i++) dst[i] = va_arg(ap, int);
  va_end(ap);
}
void header_write(int *h, int at, int a, int b) { put_values(h + at, 4, a, b, a + b, a * b); }

/* a function-pointer table */
typedef void (*kernel_fn)(double *, int);
static void k_double(double *p, int n) {
  for (int i = 0; i < n; i++) p[i] *= 2;
}
static void k_negate(double *p, int n) {
  for (int i = 0; i < n; i++) p[i] = -p[i];
}
static void k_square(double *p, int n) {
  for (int i = 0; i < n; i++) p[i] *= p[i];
}
static const kernel_fn kernels[3] = {k_double, k_negate, k_square};
void apply_kernel(double *a, int lo, int hi, int which) { kernels[which % 3](a + lo, hi - lo); }

/* offsets chained through helpers */
static void smooth_at(double *q, int n) {
  for (int i = 1; i < n; i++) q[i] = 0.5 * (q[i] + q[i - 1]);
}
static void shift_in(double *q, int n) { smooth_at(q + 1, n - 1); }
void chain_smooth(double *a, int off, int n) { shift_in(a + off, n); }

/* reversed copy */
void reverse_copy(double *b, const double *a, int n) {
  for (int i = 0; i < n; i++) b[n - 1 - i] = a[i];
}

/* a column walked by pointer increments */
double column_sum(const double *a, int rows, int ld, int col) {
  double s = 0;
  const double *p = a + col;
  for (int r = 0; r < rows; r++, p += ld) s += *p;
  return s;
}

int main(void) {
  double checksum = 0;

  double *a = malloc(sizeof(double) * 40);
  for (int i = 0; i < 40; i++) a[i] = i * 0.25;
#pragma dosc task
  rows4_scale(a, 3, 2.0);
#pragma dosc task
  rows4_scale(a + 12, 2, -1.0);
#pragma dosc taskwait
#pragma dosc task
  rowsm_add(a, 4, 5, 0.5);
#pragma dosc task
  rowsm_add(a + 20, 3, 6, 1.5);
#pragma dosc taskwait
  double last[2];
#pragma dosc task
  last[0] = rowsm_last_sum(a, 4, 5);
#pragma dosc task
  last[1] = rowsm_last_sum(a + 20, 3, 6);
#pragma dosc taskwait
  checksum += last[0] + last[1];
  for (int i = 0; i < 40; i++) checksum += a[i] * (i % 7 + 1);
#pragma dosc task
  rowsm_clear(a, 1, 2, 5);
#pragma dosc taskwait
  for (int i = 0; i < 40; i++) checksum += a[i] * (i % 5 + 1);

  long double *lx = malloc(sizeof(long double) * 8), *ly = malloc(sizeof(long double) * 8);
  for (int i = 0; i < 8; i++) lx[i] = i * 0.75L, ly[i] = 0;
#pragma dosc task
  ld_poly(ly, lx, 5);
#pragma dosc task
  ld_poly(ly + 5, lx + 5, 3);
#pragma dosc taskwait
  for (int i = 0; i < 8; i++) checksum += (double)ly[i] * (i + 1);

  struct packed_rec *pr = malloc(sizeof(struct packed_rec) * 9);
  for (int i = 0; i < 9; i++) {
    pr[i].tag = i % 3 ? 'a' : 'b';
    pr[i].v = i * 1.5;
    pr[i].k = (short)(i - 4);
  }
#pragma dosc task
  packed_update(pr, 4);
#pragma dosc task
  packed_update(pr + 4, 5);
#pragma dosc taskwait
  for (int i = 0; i < 9; i++) checksum += pr[i].v + pr[i].k * 3;

  union lanes *ul = calloc(6, sizeof(union lanes));
  unsigned lh;
#pragma dosc task
  lanes_fill(ul, 6);
#pragma dosc taskwait
#pragma dosc task
  lh = lanes_hash(ul, 6);
#pragma dosc taskwait
  checksum += lh % 100000;

  struct block *blk = malloc(sizeof(struct block) * 5);
  for (int i = 0; i < 5; i++) {
    blk[i].id = i;
    for (int j = 0; j < 6; j++) blk[i].cell[j] = (struct cell){i + j * 0.5, (i + j) % 2};
  }
#pragma dosc task
  block_relax(blk, 0, 2);
#pragma dosc task
  block_relax(blk, 2, 5);
#pragma dosc taskwait
  for (int i = 0; i < 5; i++)
    for (int j = 0; j < 6; j++) checksum += blk[i].cell[j].v * (j + 1);

  struct cell (*g)[W] = malloc(sizeof(struct cell) * W * 4);
  for (int r = 0; r < 4; r++)
    for (int c = 0; c < W; c++) g[r][c] = (struct cell){r * 0.3 + c * 0.7, -1};
#pragma dosc task
  grid_mark(g, 0, 1);
#pragma dosc task
  grid_mark(g, 1, 4);
#pragma dosc taskwait
  for (int r = 0; r < 4; r++)
    for (int c = 0; c < W; c++) checksum += g[r][c].flag * (r * W + c);

  double sx[10], sy[10];
  for (int i = 0; i < 10; i++) sx[i] = i, sy[i] = 10 - i;
  struct soa s = {sx, sy, 10};
#pragma dosc task
  soa_rotate(s, 0, 4);
#pragma dosc task
  soa_rotate(s, 4, 12);
#pragma dosc taskwait
  for (int i = 0; i < 10; i++) checksum += sx[i] * (i + 1) - sy[i];

  int hdr[12] = {0};
#pragma dosc task
  header_write(hdr, 0, 3, 4);
#pragma dosc task
  header_write(hdr, 6, 5, -2);
#pragma dosc taskwait
  for (int i = 0; i < 12; i++) checksum += hdr[i] * (i + 1);

  double *kv = malloc(sizeof(double) * 12);
  for (int i = 0; i < 12; i++) kv[i] = i - 5.5;
  for (int w = 0; w < 3; w++) {
#pragma dosc task
    apply_kernel(kv, 4 * w, 4 * w + 4, w);
  }
#pragma dosc taskwait
  for (int i = 0; i < 12; i++) checksum += kv[i] * (i + 1);

  double *ch = malloc(sizeof(double) * 16);
  for (int i = 0; i < 16; i++) ch[i] = (i * 5) % 7;
#pragma dosc task
  chain_smooth(ch, 0, 6);
#pragma dosc task
  chain_smooth(ch, 8, 8);
#pragma dosc taskwait
  for (int i = 0; i < 16; i++) checksum += ch[i] * (i + 2);

  double rb[9];
#pragma dosc task
  reverse_copy(rb, ch + 3, 9);
#pragma dosc taskwait
  for (int i = 0; i < 9; i++) checksum += rb[i] * (i + 1);

  double cs[3];
  for (int c = 0; c < 3; c++) {
#pragma dosc task
    cs[c] = column_sum(a, 5, 8, 2 * c + 1);
  }
#pragma dosc taskwait
  checksum += cs[0] + 2 * cs[1] + 3 * cs[2];

  printf("checksum %.6f\n", checksum);
  return 0;
}
