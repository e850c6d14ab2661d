/* Needless nulls of branch unseen12, each reduced from one of its programs (the program and
   function named at each): figures null, or the task kept home, where the truth is a simple span
   or the task touches nothing of its caller's. Each is a task here, beside an exact look-alike
   where one helps; the oracle checks any figure they get, and the remote run the answer. */
#include <stdio.h>
#include <stdlib.h>

/* (1) GSM's short-term filters (task-unseen12-gsm.c, `register word *v = S->v;`): a pointer to
   an array field of a struct parameter, indexed by the loop variable: S null ("the index of
   'v[i]' has no symbolic form"), counting up or down; `S->v[i]` written out is exact. */
struct filter_state {
  short u[8];
  short v[9];
};

void field_pointer(struct filter_state *S, const short *rp, int k) {
  short *v = S->v;
  int i;
  while (k--)
    for (i = 0; i < 8; i++) v[i + 1] = (short)(v[i] + rp[i]);
}

void field_direct(struct filter_state *S, const short *rp, int k) {
  int i;
  while (k--)
    for (i = 0; i < 8; i++) S->v[i + 1] = (short)(S->v[i] + rp[i]);
}

/* (2) GSM's Autocorrelation (task-unseen12-gsm.c): a loop over s[k] inside a `switch` case,
   then s walked by `*s++` after the switch: s null ("the index of 's[k]' has no symbolic
   form"); the same loop under an `if` is exact (s[0, 160)). */
void switch_then_walk(short *s, int sc) {
  int k;
  switch (sc) {
    case 1:
      for (k = 0; k <= 159; k++) s[k] = (short)(s[k] >> 1);
      break;
    case 2:
      for (k = 0; k <= 159; k++) s[k] = (short)(s[k] >> 2);
      break;
  }
  for (k = 160; k--; *s++ <<= 1)
    ;
}

void if_then_walk(short *s, int sc) {
  int k;
  if (sc == 1)
    for (k = 0; k <= 159; k++) s[k] = (short)(s[k] >> 1);
  else if (sc == 2)
    for (k = 0; k <= 159; k++) s[k] = (short)(s[k] >> 2);
  for (k = 160; k--; *s++ <<= 1)
    ;
}

/* (3) GSM's Calculation_of_the_LTP_parameters (task-unseen12-gsm.c): the lag Nc chosen as a
   value of the loop variable lambda in [40, 120] (or its first value 40), then dp[k - Nc]:
   "figures depend on values that are not parameters"; dp[-120, 0) read. */
long chosen_lag(const short *dp, const short *d) {
  int k, lambda, Nc = 40;
  long best = 0, p = 0;
  for (lambda = 40; lambda <= 120; lambda++) {
    long r = 0;
    for (k = 0; k < 40; k++) r += d[k] * dp[k - lambda];
    if (r > best) {
      best = r;
      Nc = lambda;
    }
  }
  for (k = 0; k < 40; k++) p += dp[k - Nc];
  return p + Nc;
}

/* (4) ALAC's unmix20 (task-unseen12-alac.c): the output pointer stepped twice an iteration
   (`op += 3; ... op += (stride - 1) * 3;`): out null; one step of `stride * 3` with op[3]
   is exact. */
void two_steps(unsigned char *out, const int *u, unsigned stride, int n) {
  unsigned char *op = out;
  for (int j = 0; j < n; j++) {
    op[0] = (unsigned char)u[j];
    op += 3;
    op[0] = (unsigned char)(u[j] >> 8);
    op += (stride - 1) * 3;
  }
}

void one_step(unsigned char *out, const int *u, unsigned stride, int n) {
  unsigned char *op = out;
  for (int j = 0; j < n; j++) {
    op[0] = (unsigned char)u[j];
    op[3] = (unsigned char)(u[j] >> 8);
    op += stride * 3;
  }
}

/* (5) 3DES (task-unseen12-trimaran-crypto.c): an array field of a struct parameter handed to
   a helper, `des_main_ks(ctx->esk, key1)`, `des3_crypt(decrypt ? ctx->dsk : ctx->esk, ...)`:
   ctx null ("its accesses in 'sum96' cannot be bounded here"), with the field chosen by a
   condition or not; the same loop over `ctx->dsk[i]` written in the task is exact, and so is a
   helper given `a + 96` of an array parameter. */
struct keys3 {
  unsigned long esk[96];
  unsigned long dsk[96];
};

static unsigned long sum96(const unsigned long *SK) {
  unsigned long s = 0;
  for (int i = 0; i < 96; i++) s += SK[i] * (i + 1);
  return s;
}

unsigned long pick_field(struct keys3 *ctx, int decrypt) { return sum96(decrypt ? ctx->dsk : ctx->esk); }

unsigned long field_to_helper(struct keys3 *ctx) { return sum96(ctx->dsk); }

unsigned long field_inline(struct keys3 *ctx) {
  unsigned long s = 0;
  for (int i = 0; i < 96; i++) s += ctx->dsk[i] * (i + 1);
  return s;
}

unsigned long offset_to_helper(unsigned long *a) { return sum96(a + 96); }

/* (6) McCat eks's eigen (task-unseen12-mccat-eks.c): qsort of the task's parameter,
   `qsort(v, n, sizeof(double), cmp)`: v null ("calls 'qsort', whose body is not visible");
   the truth is v[0, n). */
static int by_size(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x < y) - (x > y);
}

void sorted(double *v, int n) {
  for (int i = 0; i < n; i++) v[i] = (i * 7) % 5;
  qsort(v, n, sizeof(double), by_size);
}

/* (7) huffbench's decoder (task-unseen12-huffbench.c): the task's own malloc'd buffer read
   again through a second pointer (`cptr = comp; ... *cptr; ++cptr`): "reads memory through
   'cptr', a pointer not computed from a parameter": kept home, though it touches nothing of
   its caller's but data[0, len). */
int own_buffer_walk(const unsigned char *data, int len) {
  unsigned char *comp = malloc(len + 1);
  unsigned char *cptr;
  int s = 0;
  for (int j = 0; j < len; j++) comp[j] = data[j];
  cptr = comp;
  for (int j = 0; j < len; j++) {
    s += *cptr * (j + 1);
    ++cptr;
  }
  free(comp);
  return s;
}

/* (8) McCat eks's matrices (task-unseen12-mccat-eks.c, `typedef double **Matrix`): rows the
   task allocates, reached through its own row-pointer block: "writes memory through 'M[i]', a
   pointer not computed from a parameter": kept home, though it touches nothing of its
   caller's. */
double own_rows(int n) {
  double **M = malloc(sizeof(double *) * n);
  double s = 0;
  for (int i = 0; i < n; i++) M[i] = malloc(sizeof(double) * n);
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) M[i][j] = i + 0.5 * j;
  for (int i = 0; i < n; i++) s += M[i][i];
  for (int i = 0; i < n; i++) free(M[i]);
  free(M);
  return s;
}

/* (9) huffbench's decoder (task-unseen12-huffbench.c): the output pointer and its counter
   stepped together under a condition (`if (...) { *dptr = c; ++dptr; ++n; }` in `while (n <
   len)`): data null; data[0, len) written. (A pointer's form of task-unseen10-needless-nulls.c's
   counter_cond.) */
void cond_walk(unsigned char *data, const unsigned char *src, unsigned long len) {
  unsigned char *dptr = data;
  unsigned long n = 0, i = 0;
  while (n < len) {
    if (src[i & 7] & 1) {
      *dptr = src[i & 7];
      ++dptr;
      ++n;
    }
    i++;
  }
}

int main(void) {
  static struct filter_state S1, S2;
  static short rp[8] = {1, -2, 3, -4, 5, -6, 7, -8}, s1[160], s2[160], hist[280], d[40];
  static unsigned char out1[400], out2[400], data[64], src[8] = {1, 3, 5, 2, 7, 9, 4, 11}, walked[50];
  static int u[64];
  static unsigned long flat[192];
  static struct keys3 keys;
  static double v[12];
  long lag;
  unsigned long f1, f2, f3, f4;
  int own;
  double rows;
  int i;

  for (i = 0; i < 160; i++) s1[i] = s2[i] = (short)(i * 37 % 201);
  for (i = 0; i < 280; i++) hist[i] = (short)((i * 53) % 97 - 48);
  for (i = 0; i < 40; i++) d[i] = (short)((i * 11) % 23 - 11);
  for (i = 0; i < 64; i++) u[i] = i * 4099, data[i] = (unsigned char)(i * 7 + 1);
  for (i = 0; i < 96; i++) keys.esk[i] = i * 3u, keys.dsk[i] = 1000u - i;
  for (i = 0; i < 192; i++) flat[i] = 7u * i + 1;
  for (i = 0; i < 9; i++) S1.v[i] = S2.v[i] = (short)i;

#pragma dosc task
  field_pointer(&S1, rp, 3);
#pragma dosc task
  field_direct(&S2, rp, 3);
#pragma dosc task
  switch_then_walk(s1, 2);
#pragma dosc task
  if_then_walk(s2, 2);
#pragma dosc task
  lag = chosen_lag(hist + 120, d);
#pragma dosc task
  two_steps(out1, u, 2, 60);
#pragma dosc task
  one_step(out2, u, 2, 60);
#pragma dosc task
  f1 = pick_field(&keys, 1);
#pragma dosc task
  f2 = field_to_helper(&keys);
#pragma dosc task
  f3 = field_inline(&keys);
#pragma dosc task
  f4 = offset_to_helper(flat);
#pragma dosc task
  sorted(v, 12);
#pragma dosc task
  own = own_buffer_walk(data, 50);
#pragma dosc task
  rows = own_rows(7);
#pragma dosc task
  cond_walk(walked, src, 50);
#pragma dosc taskwait

  long h = lag;
  for (i = 0; i < 9; i++) h = h * 3 + S1.v[i] - 2 * S2.v[i];
  for (i = 0; i < 160; i++) h += (long)s1[i] * (i % 5) - s2[i];
  for (i = 0; i < 400; i++) h += out1[i] * (i % 3) + out2[i];
  for (i = 0; i < 12; i++) h += (long)(v[i] * (i + 1));
  for (i = 0; i < 50; i++) h += walked[i] * i;
  printf("%ld %lu %lu %lu %lu %d %.2f\n", h, f1 % 100003, f2 % 100003, f3 % 100003, f4 % 100003, own, rows);
  return 0;
}
