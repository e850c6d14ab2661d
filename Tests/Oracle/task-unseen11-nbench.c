/* BYTEmark (nbench 2.2.x, BYTE Magazine; Linux/Unix port by Uwe F. Mayer) kernels as dosc tasks
   (branch unseen11), read from llvm/llvm-test-suite, MultiSource/Benchmarks/nbench/nbench1.c and
   nbench1.h (freely distributable, see its README): the shapes kept, the code written anew
   around them, with smaller arrays:
   - numeric sort: NumHeapSort(arraybase + i * arraysize, 0L, arraysize - 1L) on `farlong` arrays,
     exchanging through `*array` and `*(array + i)`, NumSift's `while ((i + i) <= j)` walking
     k = i + i with `i = j + 1` to leave; a task per array;
   - bit field: ToggleBitRun / FlipBitRun over `while (nbits--)` with `bindex = bit_addr >> 6`,
     `bitnumb = bit_addr % 64`, `bitmap[bindex] |= (1UL << bitnumb)` and bit_addr++ (a second
     induction beside the counted-down nbits), the `sizeof(long) == 8` test kept (the original's
     `1L << bitnumb` is written `1UL` here: bit 63 of a signed long is undefined); a task per
     run, the runs spawned together touching disjoint words;
   - IDEA: en_key_idea's `Z[i+7] = (Z[i&7] << 9) | (Z[(i+1) & 7] >> 7); Z += i&8; i &= 7;`,
     de_key_idea's `*--p = inv(*Z++)` into a local IDEAkey copied out by `*DK++ = *p`, cipher_idea
     over `u16 in[4], u16 out[4], IDEAkey Z` with the MUL(x,y) macro `(x = mul(low16(x), y))`
     and `*out++` (mul's `p = (u32)(a*b)` multiplies two u16 promoted to int, which overflows:
     written `(u32)a * b` here), called on `(u16 *)(plain1 + j)` for j += sizeof(u16) * 4; a task per key and
     per chunk of blocks;
   - Fourier: DoFPUTransIteration's `*(abase + i) = TrapezoidIntegrate(0, 2, 200, omega * i, 1)`,
     thefunction's `switch (select)`; a task per range of coefficients;
   - LU: lusolve(*ptra.ptrs.ap, LUARRAYROWS, locbbase) through the union LUdblptr that views
     `double *` as `double (*)[LUARRAYCOLS]`, ludcmp scaling rows through the global LUtempvv
     (so each task is waited for before the next: they share it), lubksb's `ii = -1` forward
     substitution; a task per system.
   The program prints checksums. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

typedef unsigned long ulong;
typedef unsigned int uint;
typedef long farlong;
typedef unsigned long farulong;
typedef double fardouble;
typedef unsigned char faruchar;
typedef unsigned short u16;
typedef unsigned int u32;

/* ---- numeric sort ---- */
static void NumSift(farlong *array, ulong i, ulong j) {
  unsigned long k;
  long temp;
  while ((i + i) <= j) {
    k = i + i;
    if (k < j)
      if (array[k] < array[k + 1L]) ++k;
    if (array[i] < array[k]) {
      temp = array[k];
      array[k] = array[i];
      array[i] = temp;
      i = k;
    } else
      i = j + 1;
  }
  return;
}

void NumHeapSort(farlong *array, ulong bottom, ulong top) {
  ulong temp;
  ulong i;
  for (i = (top / 2L); i > 0; --i) NumSift(array, i, top);
  for (i = top; i > 0; --i) {
    NumSift(array, bottom, i);
    temp = *array;
    *array = *(array + i);
    *(array + i) = temp;
  }
  return;
}

/* ---- bit field ---- */
void ToggleBitRun(farulong *bitmap, ulong bit_addr, ulong nbits, uint val) {
  unsigned long bindex;
  unsigned long bitnumb;
  while (nbits--) {
    if (sizeof(long) == 8) {
      bindex = bit_addr >> 6;
      bitnumb = bit_addr % 64;
    } else {
      bindex = bit_addr >> 5;
      bitnumb = bit_addr % 32;
    }
    if (val)
      bitmap[bindex] |= (1UL << bitnumb);
    else
      bitmap[bindex] &= ~(1UL << bitnumb);
    bit_addr++;
  }
  return;
}

void FlipBitRun(farulong *bitmap, ulong bit_addr, ulong nbits) {
  unsigned long bindex;
  unsigned long bitnumb;
  while (nbits--) {
    if (sizeof(long) == 8) {
      bindex = bit_addr >> 6;
      bitnumb = bit_addr % 64;
    } else {
      bindex = bit_addr >> 5;
      bitnumb = bit_addr % 32;
    }
    bitmap[bindex] ^= (1UL << bitnumb);
    bit_addr++;
  }
  return;
}

/* ---- IDEA ---- */
#define ROUNDS 8
#define KEYLEN (6 * ROUNDS + 4)
#define low16(x) ((x)&0x0FFFF)
#define MUL(x, y) (x = mul(low16(x), y))
typedef u16 IDEAkey[KEYLEN];

static u16 mul(register u16 a, register u16 b) {
  register u32 p;
  if (a) {
    if (b) {
      p = (u32)a * b;
      b = low16(p);
      a = (u16)(p >> 16);
      return (b - a + (b < a));
    } else
      return (1 - a);
  } else
    return (1 - b);
}

static u16 inv(u16 x) {
  u16 t0, t1;
  u16 q, y;
  if (x <= 1) return (x);
  t1 = 0x10001 / x;
  y = 0x10001 % x;
  if (y == 1) return (low16(1 - t1));
  t0 = 1;
  do {
    q = x / y;
    x = x % y;
    t0 += q * t1;
    if (x == 1) return (t0);
    q = y / x;
    y = y % x;
    t1 += q * t0;
  } while (y != 1);
  return (low16(1 - t1));
}

void en_key_idea(u16 *userkey, u16 *Z) {
  int i, j;
  for (j = 0; j < 8; j++) Z[j] = *userkey++;
  for (i = 0; j < KEYLEN; j++) {
    i++;
    Z[i + 7] = (Z[i & 7] << 9) | (Z[(i + 1) & 7] >> 7);
    Z += i & 8;
    i &= 7;
  }
  return;
}

void de_key_idea(IDEAkey Z, IDEAkey DK) {
  IDEAkey TT;
  int j;
  u16 t1, t2, t3;
  u16 *p;
  p = (u16 *)(TT + KEYLEN);
  t1 = inv(*Z++);
  t2 = -*Z++;
  t3 = -*Z++;
  *--p = inv(*Z++);
  *--p = t3;
  *--p = t2;
  *--p = t1;
  for (j = 1; j < ROUNDS; j++) {
    t1 = *Z++;
    *--p = *Z++;
    *--p = t1;
    t1 = inv(*Z++);
    t2 = -*Z++;
    t3 = -*Z++;
    *--p = inv(*Z++);
    *--p = t2;
    *--p = t3;
    *--p = t1;
  }
  t1 = *Z++;
  *--p = *Z++;
  *--p = t1;
  t1 = inv(*Z++);
  t2 = -*Z++;
  t3 = -*Z++;
  *--p = inv(*Z++);
  *--p = t3;
  *--p = t2;
  *--p = t1;
  for (j = 0, p = TT; j < KEYLEN; j++) {
    *DK++ = *p;
    *p++ = 0;
  }
  return;
}

static void cipher_idea(u16 in[4], u16 out[4], register IDEAkey Z) {
  register u16 x1, x2, x3, x4, t1, t2;
  int r = ROUNDS;
  x1 = *in++;
  x2 = *in++;
  x3 = *in++;
  x4 = *in;
  do {
    MUL(x1, *Z++);
    x2 += *Z++;
    x3 += *Z++;
    MUL(x4, *Z++);
    t2 = x1 ^ x3;
    MUL(t2, *Z++);
    t1 = t2 + (x2 ^ x4);
    MUL(t1, *Z++);
    t2 = t1 + t2;
    x1 ^= t1;
    x4 ^= t2;
    t2 ^= x2;
    x2 = x3 ^ t1;
    x3 = t2;
  } while (--r);
  MUL(x1, *Z++);
  *out++ = x1;
  *out++ = x3 + *Z++;
  *out++ = x2 + *Z++;
  MUL(x4, *Z);
  *out = x4;
  return;
}

/* DoIDEAIteration's inner loop over bytes [0, arraysize) of one chunk. */
void idea_chunk(faruchar *plain1, faruchar *crypt1, ulong arraysize, IDEAkey Z) {
  ulong j;
  for (j = 0; j < arraysize; j += (sizeof(u16) * 4)) cipher_idea((u16 *)(plain1 + j), (u16 *)(crypt1 + j), Z);
}

/* ---- Fourier ---- */
static double thefunction(double x, double omegan, int select) {
  switch (select) {
  case 0:
    return (pow(x + (double)1.0, x));
  case 1:
    return (pow(x + (double)1.0, x) * cos(omegan * x));
  case 2:
    return (pow(x + (double)1.0, x) * sin(omegan * x));
  }
  return (0.0);
}

static double TrapezoidIntegrate(double x0, double x1, int nsteps, double omegan, int select) {
  double x;
  double dx;
  double rvalue;
  x = x0;
  dx = (x1 - x0) / (double)nsteps;
  rvalue = thefunction(x0, omegan, select) / (double)2.0;
  if (nsteps != 1) {
    --nsteps;
    while (--nsteps) {
      x += dx;
      rvalue += thefunction(x, omegan, select);
    }
  }
  rvalue = (rvalue + thefunction(x1, omegan, select) / (double)2.0) * dx;
  return (rvalue);
}

/* DoFPUTransIteration's coefficient loop over [lo, hi). */
void fourier_coeffs(fardouble *abase, fardouble *bbase, ulong lo, ulong hi) {
  double omega = (double)3.1415926535897932;
  unsigned long i;
  for (i = lo; i < hi; i++) {
    *(abase + i) = TrapezoidIntegrate((double)0.0, (double)2.0, 20, omega * (double)i, 1);
    *(bbase + i) = TrapezoidIntegrate((double)0.0, (double)2.0, 20, omega * (double)i, 2);
  }
}

/* ---- LU ---- */
#define LUARRAYROWS 9L
#define LUARRAYCOLS 9L
typedef struct {
  union {
    fardouble *p;
    fardouble (*ap)[][LUARRAYCOLS];
  } ptrs;
} LUdblptr;

fardouble *LUtempvv;

static int ludcmp(double a[][LUARRAYCOLS], int n, int indx[], int *d) {
  double big, sum, dum;
  int i, j, k;
  int imax = 0;
  double tiny = (double)1.0e-20;
  *d = 1;
  for (i = 0; i < n; i++) {
    big = (double)0.0;
    for (j = 0; j < n; j++)
      if ((double)fabs(a[i][j]) > big) big = fabs(a[i][j]);
    if (big == (double)0.0) return (0);
    LUtempvv[i] = 1.0 / big;
  }
  for (j = 0; j < n; j++) {
    if (j != 0)
      for (i = 0; i < j; i++) {
        sum = a[i][j];
        if (i != 0)
          for (k = 0; k < i; k++) sum -= (a[i][k] * a[k][j]);
        a[i][j] = sum;
      }
    big = (double)0.0;
    for (i = j; i < n; i++) {
      sum = a[i][j];
      if (j != 0)
        for (k = 0; k < j; k++) sum -= a[i][k] * a[k][j];
      a[i][j] = sum;
      dum = LUtempvv[i] * fabs(sum);
      if (dum >= big) {
        big = dum;
        imax = i;
      }
    }
    if (j != imax) {
      for (k = 0; k < n; k++) {
        dum = a[imax][k];
        a[imax][k] = a[j][k];
        a[j][k] = dum;
      }
      *d = -*d;
      dum = LUtempvv[imax];
      LUtempvv[imax] = LUtempvv[j];
      LUtempvv[j] = dum;
    }
    indx[j] = imax;
    if (a[j][j] == (double)0.0) a[j][j] = tiny;
    if (j != (n - 1)) {
      dum = 1.0 / a[j][j];
      for (i = j + 1; i < n; i++) a[i][j] = a[i][j] * dum;
    }
  }
  return (1);
}

static void lubksb(double a[][LUARRAYCOLS], int n, int indx[LUARRAYROWS], double b[LUARRAYROWS]) {
  int i, j;
  int ip;
  int ii;
  double sum;
  ii = -1;
  for (i = 0; i < n; i++) {
    ip = indx[i];
    sum = b[ip];
    b[ip] = b[i];
    if (ii != -1)
      for (j = ii; j < i; j++) sum = sum - a[i][j] * b[j];
    else if (sum != (double)0.0)
      ii = i;
    b[i] = sum;
  }
  for (i = (n - 1); i >= 0; i--) {
    sum = b[i];
    if (i != (n - 1))
      for (j = (i + 1); j < n; j++) sum = sum - a[i][j] * b[j];
    b[i] = sum / a[i][i];
  }
  return;
}

int lusolve(double a[][LUARRAYCOLS], int n, double b[LUARRAYROWS]) {
  int indx[LUARRAYROWS];
  int d;
  if (ludcmp(a, n, indx, &d) == 0) return (0);
  lubksb(a, n, indx, b);
  return (1);
}

static long rnd_state = 13;
static long randnum_small(void) {
  rnd_state = (rnd_state * 1103515245L + 12345L) & 0x7fffffffL;
  return rnd_state >> 4;
}

int main(void) {
  /* Numeric sort: 4 arrays of 50. */
  ulong arraysize = 50, numarrays = 4, i;
  farlong *arraybase = malloc(arraysize * numarrays * sizeof(farlong));
  for (i = 0; i < arraysize * numarrays; i++) arraybase[i] = randnum_small() % 10007 - 5000;
  for (i = 0; i < numarrays; i++) {
#pragma dosc task
    NumHeapSort(arraybase + i * arraysize, 0L, arraysize - 1L);
  }
#pragma dosc taskwait
  long sorted = 1, nsum = 0;
  for (i = 0; i < arraysize * numarrays; i++) {
    if (i % arraysize && arraybase[i - 1] > arraybase[i]) sorted = 0;
    nsum += arraybase[i] * (long)(i % 11);
  }
  printf("numsort sorted %ld sum %ld\n", sorted, nsum);

  /* Bit field: 12 words, runs on disjoint words. */
  int nwords = 12;
  farulong *bitmap = malloc(nwords * sizeof(farulong));
  for (int w = 0; w < nwords; w++) bitmap[w] = (ulong)0x5555555555555555UL;
#pragma dosc task
  ToggleBitRun(bitmap, 3, 100, 1);
#pragma dosc task
  ToggleBitRun(bitmap, 130, 170, 0);
#pragma dosc task
  FlipBitRun(bitmap, 321, 380);
#pragma dosc taskwait
  ulong bsum = 0;
  for (int w = 0; w < nwords; w++) bsum = bsum * 31 + (bitmap[w] ^ (bitmap[w] >> 17));
  printf("bitfield %lu\n", bsum);

  /* IDEA: key schedule, 4 chunks of 32 bytes encrypted and decrypted. */
  u16 userkey[8];
  IDEAkey Z, DK;
  for (int k = 0; k < 8; k++) userkey[k] = (u16)(randnum_small() & 0xffff);
#pragma dosc task
  en_key_idea(userkey, Z);
#pragma dosc taskwait
#pragma dosc task
  de_key_idea(Z, DK);
#pragma dosc taskwait
  ulong ideasize = 128, chunk = 32;
  faruchar *plain1 = malloc(ideasize), *crypt1 = malloc(ideasize), *plain2 = malloc(ideasize);
  for (i = 0; i < ideasize; i++) plain1[i] = (faruchar)(randnum_small() & 255);
  for (i = 0; i < ideasize; i += chunk) {
#pragma dosc task
    idea_chunk(plain1 + i, crypt1 + i, chunk, Z);
  }
#pragma dosc taskwait
  for (i = 0; i < ideasize; i += chunk) {
#pragma dosc task
    idea_chunk(crypt1 + i, plain2 + i, chunk, DK);
  }
#pragma dosc taskwait
  int same = 1;
  ulong isum = 0;
  for (i = 0; i < ideasize; i++) {
    if (plain1[i] != plain2[i]) same = 0;
    isum = isum * 7 + crypt1[i];
  }
  printf("idea roundtrip %d crypt %lu\n", same, isum % 1000000007UL);

  /* Fourier: 24 coefficients in blocks of 8. */
  ulong ncoef = 24;
  fardouble *abase = calloc(ncoef, sizeof(double)), *bbase = calloc(ncoef, sizeof(double));
  for (i = 1; i < ncoef; i += 8) {
#pragma dosc task
    fourier_coeffs(abase, bbase, i, i + 8 < ncoef ? i + 8 : ncoef);
  }
#pragma dosc taskwait
  double fsum = 0.0;
  for (i = 0; i < ncoef; i++) fsum += abase[i] * (i + 1) + bbase[i];
  printf("fourier %.9f\n", fsum);

  /* LU: 3 systems of 9 x 9. */
  int numsys = 3;
  fardouble *abase_lu = malloc(numsys * LUARRAYROWS * LUARRAYCOLS * sizeof(double));
  fardouble *bbase_lu = malloc(numsys * LUARRAYROWS * sizeof(double));
  LUtempvv = malloc(LUARRAYROWS * sizeof(double));
  for (int s = 0; s < numsys; s++) {
    for (int r = 0; r < LUARRAYROWS; r++) {
      bbase_lu[s * LUARRAYROWS + r] = (double)(randnum_small() % 100) / 10.0;
      for (int c = 0; c < LUARRAYCOLS; c++)
        abase_lu[(s * LUARRAYROWS + r) * LUARRAYCOLS + c] = (r == (c * 4 + s) % LUARRAYROWS ? 10.0 : 0.0) + (double)((r + c + s) % 5) / 5.0;
    }
  }
  int solved = 0;
  for (int s = 0; s < numsys; s++) {
    fardouble *locabase = abase_lu + s * LUARRAYROWS * LUARRAYCOLS;
    fardouble *locbbase = bbase_lu + s * LUARRAYROWS;
    LUdblptr ptra;
    ptra.ptrs.p = locabase;
    int ok;
#pragma dosc task
    ok = lusolve(*ptra.ptrs.ap, LUARRAYROWS, locbbase);
#pragma dosc taskwait
    solved += ok;
  }
  double lsum = 0.0;
  for (int k = 0; k < numsys * LUARRAYROWS; k++) lsum += bbase_lu[k] * (k % 4 + 1);
  printf("lu solved %d sum %.9f\n", solved, lsum);

  free(arraybase), free(bitmap), free(plain1), free(crypt1), free(plain2), free(abase), free(bbase);
  free(abase_lu), free(bbase_lu), free(LUtempvv);
  return 0;
}
