/* TSVC (the Test Suite for Vectorizing Compilers, C version by the Polaris Research Group,
   (c) 2011 University of Illinois at Urbana-Champaign, NCSA open source licence) loops as dosc
   tasks (branch unseen11), read from llvm/llvm-test-suite, MultiSource/Benchmarks/TSVC/tsc.inc:
   the loop bodies kept, each loop a function over [lo, hi) (a task per chunk where the loop has
   no carried dependence, one task for the whole loop where it has one), the arrays given as
   parameters as a user spawning them would, with TSVC's own index forms: s1111's a[2*i];
   s112's loop reversal `a[i+1] = a[i] + b[i]` from LEN - 2 down; s121's `j = i + 1; a[i] = a[j]`;
   s122's variable bounds and stride with the second induction `k += j` reading b[LEN - k];
   s1161's gotos between two exclusive stores; s171's a[i * inc]; s172's `for (i = n1-1; i < LEN;
   i += n3)`; s2711's guarded update; s4112's gather b[ip[i]]; s4114's c[LEN-k+1-2] with k =
   ip[i]; s1421's `xx = &b[LEN/2]` read while b's first half is written; s424's `xx = array +
   vl` written at xx[i+1] while array[i] is read (vl = 63: they overlap); s442's computed goto
   through `switch (indx[i])`; s352's unrolled dot product stepping by 5; s431's a[i+k] with
   k = 2*k1 - k2; s2233's column recurrence aa[j][i] on `TYPE (*aa)[LEN2]`; s31111's test(&a[4])
   helper. Beside them s000 and s1111 on TSVC's own globals, `TYPE * const a = global_data.a`:
   a constant pointer into a writable global struct, which a task writing through it must not
   be sent away with. The program prints checksums. */
#include <stdio.h>
#include <stdlib.h>

#define TYPE double
#define LEN 64
#define LEN2 8

/* ---- TSVC's globals, as tsc.inc lays them out ---- */
struct GlobalData {
  TYPE a[LEN];
  int pad1[3];
  TYPE b[LEN];
} global_data;
TYPE *const ga = global_data.a;
TYPE *const gb = global_data.b;

void s000_global(int lo, int hi) {
  for (int i = lo; i < hi; i++) ga[i] = gb[i] + 1;
}

void s1111_global(const TYPE *c, const TYPE *d, int lo, int hi) {
  for (int i = lo; i < hi; i++) ga[2 * i] = c[i] * gb[i] + d[i] * gb[i] + c[i] * c[i] + d[i] * gb[i] + d[i] * c[i];
}

/* ---- the loops over parameters ---- */
void s1111(TYPE *a, const TYPE *b, const TYPE *c, const TYPE *d, int lo, int hi) {
  for (int i = lo; i < hi; i++) a[2 * i] = c[i] * b[i] + d[i] * b[i] + c[i] * c[i] + d[i] * b[i] + d[i] * c[i];
}

void s112(TYPE *a, const TYPE *b) {
  for (int i = LEN - 2; i >= 0; i--) a[i + 1] = a[i] + b[i];
}

void s121(TYPE *a, const TYPE *b) {
  int j;
  for (int i = 0; i < LEN - 1; i++) {
    j = i + 1;
    a[i] = a[j] + b[i];
  }
}

void s122(TYPE *a, const TYPE *b, int n1, int n3) {
  int j, k;
  j = 1;
  k = 0;
  for (int i = n1 - 1; i < LEN; i += n3) {
    k += j;
    a[i] += b[LEN - k];
  }
}

void s1161(TYPE *a, TYPE *b, const TYPE *c, const TYPE *d, const TYPE *e, int lo, int hi) {
  for (int i = lo; i < hi; ++i) {
    if (c[i] < (TYPE)0.) {
      goto L20;
    }
    a[i] = c[i] + d[i] * e[i];
    goto L10;
  L20:
    b[i] = a[i] + d[i] * d[i];
  L10:;
  }
}

void s171(TYPE *a, const TYPE *b, int inc, int lo, int hi) {
  for (int i = lo; i < hi; i++) a[i * inc] += b[i];
}

void s172(TYPE *a, const TYPE *b, int n1, int n3) {
  for (int i = n1 - 1; i < LEN; i += n3) a[i] += b[i];
}

void s2711(TYPE *a, const TYPE *b, const TYPE *c, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    if (b[i] != (TYPE)0.0) {
      a[i] += b[i] * c[i];
    }
  }
}

void s4112(TYPE *a, const TYPE *b, const int *__restrict__ ip, TYPE s, int lo, int hi) {
  for (int i = lo; i < hi; i++) a[i] += b[ip[i]] * s;
}

void s4114(TYPE *a, const TYPE *b, const TYPE *c, const TYPE *d, const int *ip, int n1) {
  int k;
  for (int i = n1 - 1; i < LEN; i++) {
    k = ip[i];
    a[i] = b[i] + c[LEN - k + 1 - 2] * d[i];
    k += 5;
  }
}

void s1421(TYPE *b, const TYPE *a) {
  TYPE *xx = &b[LEN / 2];
  for (int i = 0; i < LEN / 2; i++) b[i] = xx[i] + a[i];
}

void s424(TYPE *array, const TYPE *a) {
  int vl = 63;
  TYPE *xx = array + vl;
  for (int i = 0; i < LEN - 1; i++) xx[i + 1] = array[i] + a[i];
}

void s442(TYPE *a, const TYPE *b, const TYPE *c, const TYPE *d, const TYPE *e, const int *indx, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    switch (indx[i]) {
    case 1:
      goto L15;
    case 2:
      goto L20;
    case 3:
      goto L30;
    case 4:
      goto L40;
    }
  L15:
    a[i] += b[i] * b[i];
    goto L50;
  L20:
    a[i] += c[i] * c[i];
    goto L50;
  L30:
    a[i] += d[i] * d[i];
    goto L50;
  L40:
    a[i] += e[i] * e[i];
  L50:;
  }
}

TYPE s352(const TYPE *a, const TYPE *b, int lo, int hi) {
  TYPE dot = (TYPE)0.;
  for (int i = lo; i < hi; i += 5)
    dot = dot + a[i] * b[i] + a[i + 1] * b[i + 1] + a[i + 2] * b[i + 2] + a[i + 3] * b[i + 3] + a[i + 4] * b[i + 4];
  return dot;
}

void s431(TYPE *a, const TYPE *b, int lo, int hi) {
  int k1 = 1;
  int k2 = 2;
  int k = 2 * k1 - k2;
  for (int i = lo; i < hi; i++) a[i] = a[i + k] + b[i];
}

void s2233(TYPE (*aa)[LEN2], TYPE (*bb)[LEN2], TYPE (*cc)[LEN2]) {
  for (int i = 1; i < LEN2; i++) {
    for (int j = 1; j < LEN2; j++) aa[j][i] = aa[j - 1][i] + cc[j][i];
    for (int j = 1; j < LEN2; j++) bb[i][j] = bb[i - 1][j] + cc[i][j];
  }
}

TYPE test(TYPE *A) {
  TYPE s = (TYPE)0.0;
  for (int i = 0; i < 4; i++) s += A[i];
  return s;
}

TYPE s31111(TYPE *a) {
  TYPE sum = (TYPE)0.;
  sum += test(a);
  sum += test(&a[4]);
  sum += test(&a[8]);
  sum += test(&a[12]);
  sum += test(&a[16]);
  sum += test(&a[20]);
  sum += test(&a[24]);
  sum += test(&a[28]);
  return sum;
}

static double checksum(const TYPE *x, int n) {
  double s = 0.0;
  for (int i = 0; i < n; i++) s += x[i] * (1 + i % 7);
  return s;
}

int main(void) {
  TYPE *a = malloc(LEN * sizeof(TYPE)), *b = malloc(LEN * sizeof(TYPE)), *c = malloc(LEN * sizeof(TYPE));
  TYPE *d = malloc(LEN * sizeof(TYPE)), *e = malloc(LEN * sizeof(TYPE));
  TYPE *array = malloc(LEN2 * LEN2 * 2 * sizeof(TYPE));
  TYPE (*aa)[LEN2] = malloc(LEN2 * sizeof *aa), (*bb)[LEN2] = malloc(LEN2 * sizeof *bb);
  TYPE (*cc)[LEN2] = malloc(LEN2 * sizeof *cc);
  int *ip = malloc(LEN * sizeof(int)), *indx = malloc(LEN * sizeof(int));
#define RESET()                                                                                                \
  for (int i = 0; i < LEN; i++) {                                                                              \
    a[i] = 1.0 + (i % 5) * 0.5;                                                                                \
    b[i] = (i % 3 == 0) ? 0.0 : 0.25 * (i % 7);                                                                \
    c[i] = (i % 4 == 1) ? -1.5 : 0.125 * i;                                                                    \
    d[i] = 1.0 / (1 + i);                                                                                      \
    e[i] = 2.0 - 0.03125 * i;                                                                                  \
    ip[i] = (i * 37 + 11) % LEN;                                                                               \
    indx[i] = (i + 1) % 4 + 1;                                                                                 \
  }
  double sum = 0.0;
  RESET();
  for (int lo = 0; lo < LEN / 2; lo += 8) {
#pragma dosc task
    s1111(a, b, c, d, lo, lo + 8);
  }
#pragma dosc taskwait
  sum += checksum(a, LEN);
#pragma dosc task
  s112(a, b);
#pragma dosc taskwait
  sum += checksum(a, LEN);
#pragma dosc task
  s121(a, b);
#pragma dosc taskwait
  sum += checksum(a, LEN);
#pragma dosc task
  s122(a, b, 5, 3);
#pragma dosc taskwait
  sum += checksum(a, LEN);
  printf("tsvc 1: %.9f\n", sum);

  RESET();
  for (int lo = 0; lo < LEN - 1; lo += 21) {
#pragma dosc task
    s1161(a, b, c, d, e, lo, lo + 21 < LEN - 1 ? lo + 21 : LEN - 1);
  }
#pragma dosc taskwait
  sum += checksum(a, LEN) + checksum(b, LEN);
  for (int lo = 0; lo < LEN / 2; lo += 16) {
#pragma dosc task
    s171(a, b, 2, lo, lo + 16);
  }
#pragma dosc taskwait
  sum += checksum(a, LEN);
#pragma dosc task
  s172(a, b, 3, 4);
#pragma dosc taskwait
  for (int lo = 0; lo < LEN; lo += 32) {
#pragma dosc task
    s2711(a, b, c, lo, lo + 32);
  }
#pragma dosc taskwait
  sum += checksum(a, LEN);
  printf("tsvc 2: %.9f\n", sum);

  RESET();
  for (int lo = 0; lo < LEN; lo += 16) {
#pragma dosc task
    s4112(a, b, ip, 0.5, lo, lo + 16);
  }
#pragma dosc taskwait
  sum += checksum(a, LEN);
  for (int i = 0; i < LEN; i++) ip[i] = 2 + (i * 5) % (LEN - 2);
#pragma dosc task
  s4114(a, b, c, d, ip, 4);
#pragma dosc taskwait
  sum += checksum(a, LEN);
#pragma dosc task
  s1421(b, a);
#pragma dosc taskwait
  sum += checksum(b, LEN);
  for (int i = 0; i < LEN2 * LEN2 * 2; i++) array[i] = 0.5 * (i % 9);
#pragma dosc task
  s424(array, a);
#pragma dosc taskwait
  sum += checksum(array, LEN2 * LEN2 * 2);
  printf("tsvc 3: %.9f\n", sum);

  RESET();
  for (int lo = 0; lo < LEN; lo += 20) {
#pragma dosc task
    s442(a, b, c, d, e, indx, lo, lo + 20 < LEN ? lo + 20 : LEN);
  }
#pragma dosc taskwait
  sum += checksum(a, LEN);
  TYPE dots[2];
#pragma dosc task
  dots[0] = s352(a, b, 0, 30);
#pragma dosc task
  dots[1] = s352(a, b, 30, 60);
#pragma dosc taskwait
  sum += dots[0] + dots[1];
  for (int lo = 0; lo < LEN; lo += 32) {
#pragma dosc task
    s431(a, b, lo, lo + 32);
  }
#pragma dosc taskwait
  sum += checksum(a, LEN);
  for (int i = 0; i < LEN2; i++)
    for (int j = 0; j < LEN2; j++) aa[i][j] = 1.0 / (1 + i + j), bb[i][j] = 0.5 * i - j, cc[i][j] = 0.25 * ((i * j) % 3);
#pragma dosc task
  s2233(aa, bb, cc);
#pragma dosc taskwait
  sum += checksum(&aa[0][0], LEN2 * LEN2) + checksum(&bb[0][0], LEN2 * LEN2);
  TYPE red;
#pragma dosc task
  red = s31111(a);
#pragma dosc taskwait
  sum += red;
  printf("tsvc 4: %.9f\n", sum);

  for (int i = 0; i < LEN; i++) ga[i] = 0.5 * i, gb[i] = 1.0 - 0.25 * (i % 3);
  for (int lo = 0; lo < LEN; lo += 32) {
#pragma dosc task
    s000_global(lo, lo + 32);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < LEN / 2; lo += 16) {
#pragma dosc task
    s1111_global(c, d, lo, lo + 16);
  }
#pragma dosc taskwait
  printf("tsvc globals: %.9f\n", checksum(ga, LEN) + checksum(gb, LEN));

  free(a), free(b), free(c), free(d), free(e), free(array), free(aa), free(bb), free(cc), free(ip), free(indx);
  return 0;
}
