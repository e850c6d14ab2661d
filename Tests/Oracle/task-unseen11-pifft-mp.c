/* The multiple-precision arithmetic of T. Ooura's pi_fft (ver. LG1.1.2-MP1.5, 1999; "copy,
   modify and use freely"), FreeBench's pifft, as dosc tasks (branch unseen11), read from
   llvm/llvm-test-suite, MultiSource/Benchmarks/FreeBench/pifft/pifft.c: the routines' shapes kept,
   the code written anew around them. A number is `int in[n + 2]`: in[0] the sign, in[1] the
   exponent, in[2 .. n+1] the digits in base radix. The shapes: mp_add / mp_sub choosing the
   operand order by the exponent difference and handing `&in1[2], &in2[2], &out[2]` (and
   `&in1[1]` to mp_unsgn_cmp) to the child routines; mp_unexp_add / mp_unexp_sub reading
   `in2[j - expdif]` for j >= expdif with `if (expdif > n) expdif = n;`, carries through
   `x - (radix & carry)`, the carry-out shift `out[j] = out[j - 1]` and the cancellation shift
   `out[j] = out[j + ncancel]` (ncancel counted by a loop stopping at the first nonzero digit);
   mp_unsgn_imul's `out[j] = out[j - shift]` after counting the carry's digits; mp_unsgn_idiv's
   `do ... while (x < din2 - 0.5)` reading in1[shift] while `shift <= n`, then `in1[j + shift]`
   with shift clamped to n - 1; mp_idiv_2's `in[j + shift]` for `j <= n + 1 - shift`; mp_round
   clearing `inout[j]` from n + 1 down to m + 3 and propagating the rounding carry upwards. Each
   operation is a task, independent ones spawned together, and the program prints the digits. */
#include <stdio.h>
#include <stdlib.h>

void mp_load_0(int n, int radix, int out[]) {
  int j;
  for (j = 0; j <= n + 1; j++) out[j] = 0;
}

void mp_load_1(int n, int radix, int out[]) {
  int j;
  out[0] = 1;
  out[1] = 0;
  out[2] = 1;
  for (j = 3; j <= n + 1; j++) out[j] = 0;
}

void mp_round(int n, int radix, int m, int inout[]) {
  int j, x;
  if (m < n) {
    for (j = n + 1; j > m + 2; j--) inout[j] = 0;
    x = 2 * inout[m + 2];
    inout[m + 2] = 0;
    if (x >= radix) {
      for (j = m + 1; j >= 2; j--) {
        x = inout[j] + 1;
        if (x < radix) {
          inout[j] = x;
          break;
        }
        inout[j] = 0;
      }
      if (x >= radix) {
        inout[2] = 1;
        inout[1]++;
      }
    }
  }
}

int mp_unsgn_cmp(int n, int in1[], int in2[]) {
  int j, cmp;
  cmp = 0;
  for (j = 0; j <= n && cmp == 0; j++) cmp = in1[j] - in2[j];
  if (cmp > 0)
    cmp = 1;
  else if (cmp < 0)
    cmp = -1;
  return cmp;
}

int mp_cmp(int n, int radix, int in1[], int in2[]) {
  if (in1[0] > in2[0])
    return 1;
  else if (in1[0] < in2[0])
    return -1;
  return in1[0] * mp_unsgn_cmp(n, &in1[1], &in2[1]);
}

int mp_unexp_add(int n, int radix, int expdif, int in1[], int in2[], int out[]) {
  int j, x, carry;
  carry = 0;
  if (expdif == 0 && in1[0] + in2[0] >= radix) {
    x = in1[n - 1] + in2[n - 1];
    carry = x >= radix ? -1 : 0;
    for (j = n - 1; j > 0; j--) {
      x = in1[j - 1] + in2[j - 1] - carry;
      carry = x >= radix ? -1 : 0;
      out[j] = x - (radix & carry);
    }
    out[0] = -carry;
  } else {
    if (expdif > n) expdif = n;
    for (j = n - 1; j >= expdif; j--) {
      x = in1[j] + in2[j - expdif] - carry;
      carry = x >= radix ? -1 : 0;
      out[j] = x - (radix & carry);
    }
    for (j = expdif - 1; j >= 0; j--) {
      x = in1[j] - carry;
      carry = x >= radix ? -1 : 0;
      out[j] = x - (radix & carry);
    }
    if (carry != 0) {
      for (j = n - 1; j > 0; j--) out[j] = out[j - 1];
      out[0] = -carry;
    }
  }
  return -carry;
}

int mp_unexp_sub(int n, int radix, int expdif, int in1[], int in2[], int out[]) {
  int j, x, borrow, ncancel;
  if (expdif > n) expdif = n;
  borrow = 0;
  for (j = n - 1; j >= expdif; j--) {
    x = in1[j] - in2[j - expdif] + borrow;
    borrow = x < 0 ? -1 : 0;
    out[j] = x + (radix & borrow);
  }
  for (j = expdif - 1; j >= 0; j--) {
    x = in1[j] + borrow;
    borrow = x < 0 ? -1 : 0;
    out[j] = x + (radix & borrow);
  }
  ncancel = 0;
  for (j = 0; j < n && out[j] == 0; j++) ncancel = j + 1;
  if (ncancel > 0 && ncancel < n) {
    for (j = 0; j < n - ncancel; j++) out[j] = out[j + ncancel];
    for (j = n - ncancel; j < n; j++) out[j] = 0;
  }
  return ncancel;
}

void mp_add(int n, int radix, int in1[], int in2[], int out[]) {
  int outsgn, outexp, expdif;
  expdif = in1[1] - in2[1];
  outexp = in1[1];
  if (expdif < 0) outexp = in2[1];
  outsgn = in1[0] * in2[0];
  if (outsgn >= 0) {
    if (outsgn > 0) {
      outsgn = in1[0];
    } else {
      outsgn = in1[0] + in2[0];
      outexp = in1[1] + in2[1];
      expdif = 0;
    }
    if (expdif >= 0)
      outexp += mp_unexp_add(n, radix, expdif, &in1[2], &in2[2], &out[2]);
    else
      outexp += mp_unexp_add(n, radix, -expdif, &in2[2], &in1[2], &out[2]);
  } else {
    outsgn = mp_unsgn_cmp(n, &in1[1], &in2[1]);
    if (outsgn >= 0)
      expdif = mp_unexp_sub(n, radix, expdif, &in1[2], &in2[2], &out[2]);
    else
      expdif = mp_unexp_sub(n, radix, -expdif, &in2[2], &in1[2], &out[2]);
    outexp -= expdif;
    outsgn *= in1[0];
    if (expdif == n) outsgn = 0;
  }
  if (outsgn == 0) outexp = 0;
  out[0] = outsgn;
  out[1] = outexp;
}

void mp_sub(int n, int radix, int in1[], int in2[], int out[]) {
  int outsgn, outexp, expdif;
  expdif = in1[1] - in2[1];
  outexp = in1[1];
  if (expdif < 0) outexp = in2[1];
  outsgn = in1[0] * in2[0];
  if (outsgn <= 0) {
    if (outsgn < 0) {
      outsgn = in1[0];
    } else {
      outsgn = in1[0] - in2[0];
      outexp = in1[1] + in2[1];
      expdif = 0;
    }
    if (expdif >= 0)
      outexp += mp_unexp_add(n, radix, expdif, &in1[2], &in2[2], &out[2]);
    else
      outexp += mp_unexp_add(n, radix, -expdif, &in2[2], &in1[2], &out[2]);
  } else {
    outsgn = mp_unsgn_cmp(n, &in1[1], &in2[1]);
    if (outsgn >= 0)
      expdif = mp_unexp_sub(n, radix, expdif, &in1[2], &in2[2], &out[2]);
    else
      expdif = mp_unexp_sub(n, radix, -expdif, &in2[2], &in1[2], &out[2]);
    outexp -= expdif;
    outsgn *= in1[0];
    if (expdif == n) outsgn = 0;
  }
  if (outsgn == 0) outexp = 0;
  out[0] = outsgn;
  out[1] = outexp;
}

void mp_unsgn_imul(int n, double dradix, int in1[], double din2, int out[]) {
  int j, carry, shift;
  double x, d1_radix;
  d1_radix = 1.0 / dradix;
  carry = 0;
  for (j = n; j >= 1; j--) {
    x = din2 * in1[j] + carry + 0.5;
    carry = (int)(d1_radix * x);
    out[j] = (int)(x - dradix * carry);
  }
  shift = 0;
  x = carry + 0.5;
  while (x > 1) {
    x *= d1_radix;
    shift++;
  }
  out[0] = in1[0] + shift;
  if (shift > 0) {
    while (shift > n) {
      carry = (int)(d1_radix * carry + 0.5);
      shift--;
    }
    for (j = n; j >= shift + 1; j--) out[j] = out[j - shift];
    for (j = shift; j >= 1; j--) {
      x = carry + 0.5;
      carry = (int)(d1_radix * x);
      out[j] = (int)(x - dradix * carry);
    }
  }
}

void mp_imul(int n, int radix, int in1[], int in2, int out[]) {
  if (in2 > 0) {
    out[0] = in1[0];
  } else if (in2 < 0) {
    out[0] = -in1[0];
    in2 = -in2;
  } else {
    out[0] = 0;
  }
  mp_unsgn_imul(n, radix, &in1[1], in2, &out[1]);
  if (out[0] == 0) out[1] = 0;
}

void mp_unsgn_idiv(int n, double dradix, int in1[], double din2, int out[]) {
  int j, ix, carry, shift;
  double x, d1_in2;
  d1_in2 = 1.0 / din2;
  shift = 0;
  x = 0;
  do {
    shift++;
    x *= dradix;
    if (shift <= n) x += in1[shift];
  } while (x < din2 - 0.5);
  x += 0.5;
  ix = (int)(d1_in2 * x);
  carry = (int)(x - din2 * ix);
  out[1] = ix;
  shift--;
  out[0] = in1[0] - shift;
  if (shift >= n) shift = n - 1;
  for (j = 2; j <= n - shift; j++) {
    x = in1[j + shift] + dradix * carry + 0.5;
    ix = (int)(d1_in2 * x);
    carry = (int)(x - din2 * ix);
    out[j] = ix;
  }
  for (j = n - shift + 1; j <= n; j++) {
    x = dradix * carry + 0.5;
    ix = (int)(d1_in2 * x);
    carry = (int)(x - din2 * ix);
    out[j] = ix;
  }
}

int mp_idiv(int n, int radix, int in1[], int in2, int out[]) {
  if (in2 == 0) return -1;
  if (in2 > 0) {
    out[0] = in1[0];
  } else {
    out[0] = -in1[0];
    in2 = -in2;
  }
  if (in1[0] == 0) {
    mp_load_0(n, radix, out);
    return 0;
  }
  mp_unsgn_idiv(n, radix, &in1[1], in2, &out[1]);
  return 0;
}

void mp_idiv_2(int n, int radix, int in[], int out[]) {
  int j, ix, carry, shift;
  out[0] = in[0];
  shift = 0;
  if (in[2] == 1) shift = 1;
  out[1] = in[1] - shift;
  carry = -shift;
  for (j = 2; j <= n + 1 - shift; j++) {
    ix = in[j + shift] + (radix & carry);
    carry = -(ix & 1);
    out[j] = ix >> 1;
  }
  if (shift > 0) out[n + 1] = (radix & carry) >> 1;
}

static void print_mp(const char *name, int n, const int *x) {
  printf("%s %+d e%d:", name, x[0], x[1]);
  for (int j = 2; j <= n + 1; j++) printf(" %04d", x[j]);
  printf("\n");
}

int main(void) {
  int n = 10, radix = 10000;
  int *num = calloc(12 * (n + 2), sizeof(int));
  int *a = num, *b = num + (n + 2), *c = num + 2 * (n + 2), *one = num + 3 * (n + 2);
  int *s1 = num + 4 * (n + 2), *s2 = num + 5 * (n + 2), *p = num + 6 * (n + 2), *q = num + 7 * (n + 2);
  int *h = num + 8 * (n + 2), *r = num + 9 * (n + 2), *t = num + 10 * (n + 2), *u = num + 11 * (n + 2);
  /* a = 3.1415 9265 3589 ..., b = 2.7182 8182 ... x 10000^-1, c = a less 1 in
     each of its last three digits. */
  int da[10] = {3, 1415, 9265, 3589, 7932, 3846, 2643, 3832, 7950, 2884};
  int db[10] = {2, 7182, 8182, 8459, 451, 2353, 6028, 7471, 3526, 6249};
  a[0] = 1, a[1] = 0, b[0] = 1, b[1] = -1, c[0] = 1, c[1] = 0;
  for (int j = 0; j < n; j++) a[j + 2] = da[j], b[j + 2] = db[j], c[j + 2] = da[j] - (j >= 7 ? 1 : 0);

#pragma dosc task
  mp_load_1(n, radix, one);
#pragma dosc task
  mp_add(n, radix, a, b, s1);
#pragma dosc task
  mp_sub(n, radix, a, c, s2);
#pragma dosc task
  mp_imul(n, radix, a, 9999, p);
#pragma dosc task
  mp_idiv(n, radix, b, 7, q);
#pragma dosc taskwait
#pragma dosc task
  mp_idiv_2(n, radix, one, h);
#pragma dosc taskwait
  print_mp("one", n, one);
  print_mp("a+b", n, s1);
  print_mp("a-c", n, s2);
  print_mp("a*9999", n, p);
  print_mp("b/7", n, q);
  print_mp("1/2", n, h);

  /* A few rounds of x = (x + y) / 2, y = y * 3 / 4, the comparisons as tasks returning ints. */
  for (int j = 0; j < n + 2; j++) t[j] = a[j], u[j] = b[j];
  int cmps = 0;
  for (int round = 0; round < 3; round++) {
#pragma dosc task
    mp_add(n, radix, t, u, r);
#pragma dosc task
    mp_imul(n, radix, u, 3, s1);
#pragma dosc taskwait
#pragma dosc task
    mp_idiv_2(n, radix, r, t);
#pragma dosc task
    mp_idiv(n, radix, s1, 4, u);
#pragma dosc taskwait
    int cmp;
#pragma dosc task
    cmp = mp_cmp(n, radix, t, u);
#pragma dosc taskwait
    cmps = cmps * 3 + cmp + 1;
  }
  for (int j = 0; j < n + 2; j++) r[j] = t[j];
#pragma dosc task
  mp_round(n, radix, 4, r);
#pragma dosc taskwait
  print_mp("t", n, t);
  print_mp("u", n, u);
  print_mp("round(t)", n, r);
  printf("cmps %d\n", cmps);
  free(num);
  return 0;
}
