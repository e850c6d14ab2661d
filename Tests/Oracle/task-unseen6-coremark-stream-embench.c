/* CoreMark, STREAM and Embench-iot kernels (branch unseen6), each a task, the access shapes kept
   and the code written anew: CoreMark's list (nodes and their data carved from one block, find,
   reverse, the bottom-up list merge sort), its matrix (int16 data, int32 results, a constant
   added and multiplied, the bit-extract product, a clipped sum) and its state machine (a
   `uint8_t **` cursor advanced by the callee, counts indexed by the state, the block xored at a
   step); STREAM's copy/scale/add/triad over arrays at an offset; Embench's edn (vec_mpy
   `y[i] += (s * x[i]) >> 15`, a FIR `a[i + j] * b[j]`, a lattice `for (i = n - 1; i >= 1; i--)`),
   matmult-int over `int (*)[N]`, nbody's pairwise forces over a struct array, and ud's LU
   decomposition with its forward and back substitutions. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* CoreMark list */
struct list_data { int16_t data16, idx; };
struct list_head { struct list_head *next; struct list_data *info; };
struct list_head *list_build(char *block, int size, int n) {
  struct list_head *nodes = (struct list_head *)block;
  struct list_data *datas = (struct list_data *)(block + (size_t)n * sizeof(struct list_head));
  if ((char *)(datas + n) > block + size) return NULL;
  for (int i = 0; i < n; i++) {
    datas[i].idx = (int16_t)i;
    datas[i].data16 = (int16_t)((i * 2857) ^ 0x35) & 0x7fff;
    nodes[i].info = datas + i;
    nodes[i].next = i + 1 < n ? nodes + i + 1 : NULL;
  }
  return nodes;
}
static struct list_head *list_reverse(struct list_head *list) {
  struct list_head *next = NULL, *tmp;
  while (list) { tmp = list->next; list->next = next; next = list; list = tmp; }
  return next;
}
static int cmp_data(const struct list_data *a, const struct list_data *b) { return a->data16 - b->data16; }
static struct list_head *list_mergesort(struct list_head *list) {
  int insize = 1;
  for (;;) {
    struct list_head *p = list, *tail = NULL;
    int merges = 0;
    list = NULL;
    while (p) {
      merges++;
      struct list_head *q = p;
      int psize = 0;
      for (int i = 0; i < insize && q; i++) { psize++; q = q->next; }
      int qsize = insize;
      while (psize > 0 || (qsize > 0 && q)) {
        struct list_head *e;
        if (psize == 0) { e = q; q = q->next; qsize--; }
        else if (qsize == 0 || !q) { e = p; p = p->next; psize--; }
        else if (cmp_data(p->info, q->info) <= 0) { e = p; p = p->next; psize--; }
        else { e = q; q = q->next; qsize--; }
        if (tail) tail->next = e; else list = e;
        tail = e;
      }
      p = q;
    }
    tail->next = NULL;
    if (merges <= 1) return list;
    insize *= 2;
  }
}
long list_bench(char *block, int size, int n, int16_t key) {
  struct list_head *list = list_build(block, size, n);
  if (!list) return -1;
  long found = 0;
  for (struct list_head *f = list; f; f = f->next)
    if (f->info->data16 == key || f->info->idx == key) { found += f->info->idx; break; }
  list = list_reverse(list);
  list = list_mergesort(list);
  unsigned long crc = (unsigned long)found;
  for (struct list_head *f = list; f; f = f->next) crc = crc * 31 + (unsigned long)f->info->data16;
  return (long)(crc % 1000003);
}

/* CoreMark matrix */
#define BIT_EXTRACT(x, from, bits) (((x) >> (from)) & (~(0xffffffffu << (bits))))
void matrix_add_const(unsigned n, int16_t *A, int16_t val) {
  for (unsigned i = 0; i < n; i++)
    for (unsigned j = 0; j < n; j++) A[i * n + j] += val;
}
void matrix_mul_vect(unsigned n, int32_t *C, const int16_t *A, const int16_t *B) {
  for (unsigned i = 0; i < n; i++) {
    C[i] = 0;
    for (unsigned j = 0; j < n; j++) C[i] += (int32_t)A[i * n + j] * (int32_t)B[j];
  }
}
void matrix_mul_bitextract(unsigned n, int32_t *C, const int16_t *A, const int16_t *B) {
  for (unsigned i = 0; i < n; i++)
    for (unsigned j = 0; j < n; j++) {
      C[i * n + j] = 0;
      for (unsigned k = 0; k < n; k++) {
        uint32_t tmp = (uint32_t)((int32_t)A[i * n + k] * (int32_t)B[k * n + j]);
        C[i * n + j] += (int32_t)(BIT_EXTRACT(tmp, 2, 4) * BIT_EXTRACT(tmp, 5, 7));
      }
    }
}
int16_t matrix_sum(unsigned n, const int32_t *C, int32_t clipval) {
  int32_t tmp = 0, prev = 0;
  int16_t ret = 0;
  for (unsigned i = 0; i < n; i++)
    for (unsigned j = 0; j < n; j++) {
      int32_t cur = C[i * n + j];
      tmp += cur;
      if (tmp > clipval) { ret += 10; tmp = 0; } else ret += (cur > prev) ? 1 : 0;
      prev = cur;
    }
  return ret;
}

/* CoreMark state machine */
enum state { S_START, S_INT, S_FLOAT, S_EXP, S_INVALID, N_STATES };
static int is_digit(uint8_t c) { return c >= '0' && c <= '9'; }
static enum state transition(uint8_t **instr, uint32_t *counts) {
  uint8_t *str = *instr;
  enum state s = S_START;
  for (; *str && s != S_INVALID; str++) {
    uint8_t c = *str;
    if (c == ',') { str++; break; }
    switch (s) {
    case S_START: s = is_digit(c) ? S_INT : c == '.' ? S_FLOAT : S_INVALID; break;
    case S_INT: s = is_digit(c) ? S_INT : c == '.' ? S_FLOAT : S_INVALID; break;
    case S_FLOAT: s = is_digit(c) ? S_FLOAT : c == 'e' ? S_EXP : S_INVALID; break;
    case S_EXP: s = is_digit(c) ? S_EXP : S_INVALID; break;
    default: break;
    }
    counts[s]++;
  }
  *instr = str;
  return s;
}
void state_bench(uint8_t *block, uint32_t size, int step, uint8_t seed, uint32_t *finals) {
  uint32_t track[N_STATES] = {0};
  uint8_t *p = block;
  while (*p != 0) finals[transition(&p, track)]++;
  p = block;
  while (p < block + size) {
    if (*p != ',') *p ^= seed;
    p += step;
  }
  p = block;
  while (*p != 0) finals[transition(&p, track)]++;
  for (int s = 0; s < N_STATES; s++) finals[s] += track[s];
}

/* STREAM */
#define STREAM_N 40
#define OFFSET 3
static double sa[STREAM_N + OFFSET], sb[STREAM_N + OFFSET], sc[STREAM_N + OFFSET];
void stream_copy(double *c, const double *a, int n) { for (int j = 0; j < n; j++) c[j] = a[j]; }
void stream_scale(double *b, const double *c, double scalar, int n) { for (int j = 0; j < n; j++) b[j] = scalar * c[j]; }
void stream_add(double *c, const double *a, const double *b, int n) { for (int j = 0; j < n; j++) c[j] = a[j] + b[j]; }
void stream_triad(double *a, const double *b, const double *c, double scalar, int n) {
  for (int j = 0; j < n; j++) a[j] = b[j] + scalar * c[j];
}

/* Embench edn */
void vec_mpy(short *y, const short *x, short scaler, int n) {
  for (int i = 0; i < n; i++) y[i] += (short)((scaler * x[i]) >> 15);
}
void fir(const short *array, const short *coeff, long *output, int n, int taps) {
  for (int i = 0; i < n - taps + 1; i++) {
    long sum = 0;
    for (int j = 0; j < taps; j++) sum += array[i + j] * coeff[j];
    output[i] = sum >> 15;
  }
}
void latsynth(short *b, const short *k, long n, long f) {
  f -= b[n - 1] * k[n - 1];
  for (long i = n - 2; i >= 0; i--) {
    f -= b[i] * k[i];
    b[i + 1] = (short)(b[i] + ((k[i] * (f >> 16)) >> 16));
  }
  b[0] = (short)(f >> 16);
}

/* Embench matmult-int */
#define MM 6
void matmult(int (*A)[MM], int (*B)[MM], int (*Res)[MM]) {
  for (int i = 0; i < MM; i++)
    for (int j = 0; j < MM; j++) {
      Res[i][j] = 0;
      for (int k = 0; k < MM; k++) Res[i][j] += A[i][k] * B[k][j];
    }
}

/* Embench nbody */
struct body { double x[3], fill, v[3], mass; };
void advance(struct body *bodies, int nbodies, double dt) {
  for (int i = 0; i < nbodies; i++) {
    struct body *bi = bodies + i;
    for (int j = i + 1; j < nbodies; j++) {
      struct body *bj = bodies + j;
      double d[3], d2 = 0;
      for (int k = 0; k < 3; k++) { d[k] = bi->x[k] - bj->x[k]; d2 += d[k] * d[k]; }
      double mag = dt / (d2 * (d2 + 1));
      for (int k = 0; k < 3; k++) { bi->v[k] -= d[k] * bj->mass * mag; bj->v[k] += d[k] * bi->mass * mag; }
    }
  }
  for (int i = 0; i < nbodies; i++)
    for (int k = 0; k < 3; k++) bodies[i].x[k] += dt * bodies[i].v[k];
}

/* Embench ud */
#define UD 5
int ludcmp(long (*a)[UD], long *b, long *x, int n) {
  long y[UD];
  for (int i = 0; i < n; i++) {
    for (int j = i + 1; j <= n; j++) {
      long w = a[j][i];
      for (int k = 0; k < i; k++) w -= a[j][k] * a[k][i];
      a[j][i] = a[i][i] ? w / a[i][i] : w;
    }
    for (int j = i + 1; j <= n; j++) {
      long w = a[i + 1][j];
      for (int k = 0; k <= i; k++) w -= a[i + 1][k] * a[k][j];
      a[i + 1][j] = w;
    }
  }
  y[0] = b[0];
  for (int i = 1; i <= n; i++) {
    long w = b[i];
    for (int j = 0; j < i; j++) w -= a[i][j] * y[j];
    y[i] = w;
  }
  x[n] = a[n][n] ? y[n] / a[n][n] : y[n];
  for (int i = n - 1; i >= 0; i--) {
    long w = y[i];
    for (int j = i + 1; j <= n; j++) w -= a[i][j] * x[j];
    x[i] = a[i][i] ? w / a[i][i] : w;
  }
  return 0;
}

int main(void) {
  int size = 24 * (int)(sizeof(struct list_head) + sizeof(struct list_data));
  char *block = malloc((size_t)size);
  long crc;
  #pragma dosc task
  crc = list_bench(block, size, 20, 0x35);

  unsigned n = 5;
  int16_t *A = malloc(n * n * sizeof(int16_t)), *B = malloc(n * n * sizeof(int16_t));
  int32_t *C = malloc(n * n * sizeof(int32_t)), *Cv = malloc(n * sizeof(int32_t));
  for (unsigned i = 0; i < n * n; i++) { A[i] = (int16_t)(i * 7 % 13); B[i] = (int16_t)(i * 5 % 11 - 3); }
  #pragma dosc task
  matrix_add_const(n, A, 3);
  #pragma dosc taskwait
  #pragma dosc task
  matrix_mul_vect(n, Cv, A, B);
  #pragma dosc task
  matrix_mul_bitextract(n, C, A, B);
  #pragma dosc taskwait
  int16_t msum;
  #pragma dosc task
  msum = matrix_sum(n, C, 40);

  const char *seedtext = "5012,1.25,3.5e7,x7,.5,88,1e,";
  uint32_t len = (uint32_t)strlen(seedtext);
  uint8_t *stext = malloc(len + 1);
  memcpy(stext, seedtext, len + 1);
  uint32_t *finals = calloc(N_STATES, sizeof(uint32_t));
  #pragma dosc task
  state_bench(stext, len, 3, 0x11, finals);

  for (int j = 0; j < STREAM_N + OFFSET; j++) { sa[j] = 1 + j; sb[j] = 2; sc[j] = 0; }
  #pragma dosc task
  stream_copy(sc + OFFSET, sa + OFFSET, STREAM_N);
  #pragma dosc taskwait
  #pragma dosc task
  stream_scale(sb + OFFSET, sc + OFFSET, 3.0, STREAM_N);
  #pragma dosc taskwait
  #pragma dosc task
  stream_add(sc + OFFSET, sa + OFFSET, sb + OFFSET, STREAM_N);
  #pragma dosc taskwait
  #pragma dosc task
  stream_triad(sa + OFFSET, sb + OFFSET, sc + OFFSET, 3.0, STREAM_N);

  short *ex = malloc(32 * sizeof(short)), *ey = malloc(32 * sizeof(short)), *co = malloc(8 * sizeof(short));
  long *fo = calloc(32, sizeof(long));
  for (int i = 0; i < 32; i++) { ex[i] = (short)(i * 1000 - 9000); ey[i] = (short)i; }
  for (int i = 0; i < 8; i++) co[i] = (short)(i * 4000 - 12000);
  #pragma dosc task
  vec_mpy(ey, ex, 12000, 32);
  #pragma dosc task
  fir(ex, co, fo, 32, 8);
  short *lb = malloc(10 * sizeof(short));
  for (int i = 0; i < 10; i++) lb[i] = (short)(i * 300);
  #pragma dosc task
  latsynth(lb, co, 8, 1L << 20);

  int (*ma)[MM] = malloc(sizeof(int[MM][MM])), (*mb)[MM] = malloc(sizeof(int[MM][MM]));
  int (*mr)[MM] = malloc(sizeof(int[MM][MM]));
  for (int i = 0; i < MM; i++)
    for (int j = 0; j < MM; j++) { ma[i][j] = i + j; mb[i][j] = i - j; }
  #pragma dosc task
  matmult(ma, mb, mr);

  struct body *bodies = malloc(5 * sizeof *bodies);
  for (int i = 0; i < 5; i++)
    bodies[i] = (struct body){{i, 2.0 * i, -i}, 0, {0.1 * i, 0, 0}, 1 + i};
  #pragma dosc task
  advance(bodies, 5, 0.01);

  long (*ua)[UD] = malloc(sizeof(long[UD][UD]));
  long *ub = malloc(UD * sizeof(long)), *ux = malloc(UD * sizeof(long));
  for (int i = 0; i < UD; i++) {
    ub[i] = 10 * i + 3;
    for (int j = 0; j < UD; j++) ua[i][j] = i == j ? 10 + i : (i + 2 * j) % 4;
  }
  #pragma dosc task
  ludcmp(ua, ub, ux, UD - 1);
  #pragma dosc taskwait

  long sum = crc % 100000 + msum;
  for (unsigned i = 0; i < n * n; i++) sum += A[i] + C[i] % 100;
  for (unsigned i = 0; i < n; i++) sum += Cv[i];
  for (int s = 0; s < N_STATES; s++) sum += finals[s] * (s + 1);
  for (uint32_t i = 0; i < len; i++) sum += stext[i];
  for (int j = 0; j < STREAM_N + OFFSET; j++) sum += (long)(sa[j] + sb[j] + sc[j]);
  for (int i = 0; i < 32; i++) sum += ey[i] + fo[i] % 1000;
  for (int i = 0; i < 10; i++) sum += lb[i];
  for (int i = 0; i < MM; i++)
    for (int j = 0; j < MM; j++) sum += mr[i][j];
  for (int i = 0; i < 5; i++) sum += (long)(bodies[i].x[0] * 1000 + bodies[i].v[1] * 1000);
  for (int i = 0; i < UD; i++) sum += ux[i];
  printf("coremark-stream-embench: %ld\n", sum);
  return 0;
}
