/* Apple Lossless (ALAC) decoder and encoder kernels as dosc tasks (branch unseen12), read from
   llvm/llvm-test-suite, MultiSource/Applications/ALAC/decode/ (dp_dec.c, matrix_dec.c,
   matrix_enc.c, matrixlib.h; (c) 2011 Apple Inc., Apache License 2.0): the shapes kept, the code
   written anew around them, a task per channel or per block of samples:
   - unpc_block(pc1, out, num, coefs, numactive, chanbits, denshift): the dynamic predictor's
     decode with `out[0] = pc1[0]`, the numactive == 0 copy `memcpy(&out[1], &pc1[1], (num - 1) *
     sizeof(int32_t))` guarded by `pc1 != out`, the numactive == 31 running sum through `prev`,
     the warm-up `for (j = 1; j <= numactive; j++) out[j] = ... out[j-1]`, the numactive == 4
     and == 8 unrolled forms (`pout = out + j - 1` read at pout[0], pout[-1] .. pout[-3], or by
     `*pout--` eight times and `pout += 8`, `top = out[j - lim]`), the general form's
     `pout[-k]` for k < numactive with the adaptation loop counting k down from numactive - 1
     and breaking on the sign of del0, coefs written back (`coefs[0] = a0` ... or `coefs[k] -=
     sgn`); one channel decoded in place (pc1 == out), as the iPod's buffers were;
   - mix16 (encoder): `ip = in`, `ip += stride` reading ip[0], ip[1] into u[j], v[j]; unmix16 and
     unmix20 (decoder): `op += stride` writing op[0], op[1], or three bytes op[HBYTE], op[MBYTE],
     op[LBYTE] then `op += 3` and `op += (stride - 1) * 3`; copyPredictorTo24Shift's `op +=
     (stride * 3)` with `(uint32_t) shift[j]` ORed in; a task per block of samples given `in +
     j0 * stride`, `out + j0 * stride * 3` and so on.
   The program prints checksums. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LBYTE 0
#define MBYTE 1
#define HBYTE 2

#define NUM 96   /* samples per channel */
#define NCH 6    /* predictor channels */
#define BLK 40   /* samples per mix/unmix task */

static inline int32_t sign_of_int(int32_t i) {
  int32_t negishift;
  negishift = ((uint32_t)-i) >> 31;
  return negishift | (i >> 31);
}

void unpc_block(int32_t *pc1, int32_t *out, int32_t num, int16_t *coefs, int32_t numactive, uint32_t chanbits,
                uint32_t denshift) {
  register int16_t a0, a1, a2, a3;
  register int32_t b0, b1, b2, b3;
  int32_t j, k, lim;
  int32_t sum1, sg, sgn, top, dd;
  int32_t *pout;
  int32_t del, del0;
  uint32_t chanshift = 32 - chanbits;
  int32_t denhalf = 1 << (denshift - 1);

  out[0] = pc1[0];
  if (numactive == 0) {
    if ((num > 1) && (pc1 != out)) memcpy(&out[1], &pc1[1], (num - 1) * sizeof(int32_t));
    return;
  }
  if (numactive == 31) {
    int32_t prev;
    prev = out[0];
    for (j = 1; j < num; j++) {
      del = pc1[j] + prev;
      prev = (del << chanshift) >> chanshift;
      out[j] = prev;
    }
    return;
  }
  for (j = 1; j <= numactive; j++) {
    del = pc1[j] + out[j - 1];
    out[j] = (del << chanshift) >> chanshift;
  }
  lim = numactive + 1;
  if (numactive == 4) {
    a0 = coefs[0];
    a1 = coefs[1];
    a2 = coefs[2];
    a3 = coefs[3];
    for (j = lim; j < num; j++) {
      top = out[j - lim];
      pout = out + j - 1;
      b0 = top - pout[0];
      b1 = top - pout[-1];
      b2 = top - pout[-2];
      b3 = top - pout[-3];
      sum1 = (denhalf - a0 * b0 - a1 * b1 - a2 * b2 - a3 * b3) >> denshift;
      del = pc1[j];
      del0 = del;
      sg = sign_of_int(del);
      del += top + sum1;
      out[j] = (del << chanshift) >> chanshift;
      if (sg > 0) {
        sgn = sign_of_int(b3);
        a3 -= sgn;
        del0 -= (4 - 3) * ((sgn * b3) >> denshift);
        if (del0 <= 0) continue;
        sgn = sign_of_int(b2);
        a2 -= sgn;
        del0 -= (4 - 2) * ((sgn * b2) >> denshift);
        if (del0 <= 0) continue;
        sgn = sign_of_int(b1);
        a1 -= sgn;
        del0 -= (4 - 1) * ((sgn * b1) >> denshift);
        if (del0 <= 0) continue;
        a0 -= sign_of_int(b0);
      } else if (sg < 0) {
        sgn = -sign_of_int(b3);
        a3 -= sgn;
        del0 -= (4 - 3) * ((sgn * b3) >> denshift);
        if (del0 >= 0) continue;
        sgn = -sign_of_int(b2);
        a2 -= sgn;
        del0 -= (4 - 2) * ((sgn * b2) >> denshift);
        if (del0 >= 0) continue;
        sgn = -sign_of_int(b1);
        a1 -= sgn;
        del0 -= (4 - 1) * ((sgn * b1) >> denshift);
        if (del0 >= 0) continue;
        a0 += sign_of_int(b0);
      }
    }
    coefs[0] = a0;
    coefs[1] = a1;
    coefs[2] = a2;
    coefs[3] = a3;
  } else if (numactive == 8) {
    register int16_t a4, a5, a6, a7;
    register int32_t b4, b5, b6, b7;
    a0 = coefs[0];
    a1 = coefs[1];
    a2 = coefs[2];
    a3 = coefs[3];
    a4 = coefs[4];
    a5 = coefs[5];
    a6 = coefs[6];
    a7 = coefs[7];
    for (j = lim; j < num; j++) {
      top = out[j - lim];
      pout = out + j - 1;
      b0 = top - (*pout--);
      b1 = top - (*pout--);
      b2 = top - (*pout--);
      b3 = top - (*pout--);
      b4 = top - (*pout--);
      b5 = top - (*pout--);
      b6 = top - (*pout--);
      b7 = top - (*pout);
      pout += 8;
      sum1 = (denhalf - a0 * b0 - a1 * b1 - a2 * b2 - a3 * b3 - a4 * b4 - a5 * b5 - a6 * b6 - a7 * b7) >> denshift;
      del = pc1[j];
      del0 = del;
      sg = sign_of_int(del);
      del += top + sum1;
      out[j] = (del << chanshift) >> chanshift;
      if (sg > 0) {
        sgn = sign_of_int(b7);
        a7 -= sgn;
        del0 -= 1 * ((sgn * b7) >> denshift);
        if (del0 <= 0) continue;
        sgn = sign_of_int(b6);
        a6 -= sgn;
        del0 -= 2 * ((sgn * b6) >> denshift);
        if (del0 <= 0) continue;
        sgn = sign_of_int(b5);
        a5 -= sgn;
        del0 -= 3 * ((sgn * b5) >> denshift);
        if (del0 <= 0) continue;
        a4 -= sign_of_int(b4);
        a3 -= sign_of_int(b3);
        a2 -= sign_of_int(b2);
        a1 -= sign_of_int(b1);
        a0 -= sign_of_int(b0);
      } else if (sg < 0) {
        sgn = -sign_of_int(b7);
        a7 -= sgn;
        del0 -= 1 * ((sgn * b7) >> denshift);
        if (del0 >= 0) continue;
        sgn = -sign_of_int(b6);
        a6 -= sgn;
        del0 -= 2 * ((sgn * b6) >> denshift);
        if (del0 >= 0) continue;
        a5 += sign_of_int(b5);
        a4 += sign_of_int(b4);
        a3 += sign_of_int(b3);
        a2 += sign_of_int(b2);
        a1 += sign_of_int(b1);
        a0 += sign_of_int(b0);
      }
    }
    coefs[0] = a0;
    coefs[1] = a1;
    coefs[2] = a2;
    coefs[3] = a3;
    coefs[4] = a4;
    coefs[5] = a5;
    coefs[6] = a6;
    coefs[7] = a7;
  } else {
    for (j = lim; j < num; j++) {
      sum1 = 0;
      pout = out + j - 1;
      top = out[j - lim];
      for (k = 0; k < numactive; k++) sum1 += coefs[k] * (pout[-k] - top);
      del = pc1[j];
      del0 = del;
      sg = sign_of_int(del);
      del += top + ((sum1 + denhalf) >> denshift);
      out[j] = (del << chanshift) >> chanshift;
      if (sg > 0) {
        for (k = (numactive - 1); k >= 0; k--) {
          dd = top - pout[-k];
          sgn = sign_of_int(dd);
          coefs[k] -= sgn;
          del0 -= (numactive - k) * ((sgn * dd) >> denshift);
          if (del0 <= 0) break;
        }
      } else if (sg < 0) {
        for (k = (numactive - 1); k >= 0; k--) {
          dd = top - pout[-k];
          sgn = sign_of_int(dd);
          coefs[k] += sgn;
          del0 -= (numactive - k) * ((-sgn * dd) >> denshift);
          if (del0 >= 0) break;
        }
      }
    }
  }
}

void mix16(int16_t *in, uint32_t stride, int32_t *u, int32_t *v, int32_t numSamples, int32_t mixbits, int32_t mixres) {
  int16_t *ip = in;
  int32_t j;
  if (mixres != 0) {
    int32_t mod = 1 << mixbits;
    int32_t m2;
    m2 = mod - mixres;
    for (j = 0; j < numSamples; j++) {
      int32_t l, r;
      l = (int32_t)ip[0];
      r = (int32_t)ip[1];
      ip += stride;
      u[j] = (mixres * l + m2 * r) >> mixbits;
      v[j] = l - r;
    }
  } else {
    for (j = 0; j < numSamples; j++) {
      u[j] = (int32_t)ip[0];
      v[j] = (int32_t)ip[1];
      ip += stride;
    }
  }
}

void unmix16(int32_t *u, int32_t *v, int16_t *out, uint32_t stride, int32_t numSamples, int32_t mixbits, int32_t mixres) {
  int16_t *op = out;
  int32_t j;
  if (mixres != 0) {
    for (j = 0; j < numSamples; j++) {
      int32_t l, r;
      l = u[j] + v[j] - ((mixres * v[j]) >> mixbits);
      r = l - v[j];
      op[0] = (int16_t)l;
      op[1] = (int16_t)r;
      op += stride;
    }
  } else {
    for (j = 0; j < numSamples; j++) {
      op[0] = (int16_t)u[j];
      op[1] = (int16_t)v[j];
      op += stride;
    }
  }
}

void unmix20(int32_t *u, int32_t *v, uint8_t *out, uint32_t stride, int32_t numSamples, int32_t mixbits, int32_t mixres) {
  uint8_t *op = out;
  int32_t j;
  if (mixres != 0) {
    for (j = 0; j < numSamples; j++) {
      int32_t l, r;
      l = u[j] + v[j] - ((mixres * v[j]) >> mixbits);
      r = l - v[j];
      l <<= 4;
      r <<= 4;
      op[HBYTE] = (uint8_t)((l >> 16) & 0xffu);
      op[MBYTE] = (uint8_t)((l >> 8) & 0xffu);
      op[LBYTE] = (uint8_t)((l >> 0) & 0xffu);
      op += 3;
      op[HBYTE] = (uint8_t)((r >> 16) & 0xffu);
      op[MBYTE] = (uint8_t)((r >> 8) & 0xffu);
      op[LBYTE] = (uint8_t)((r >> 0) & 0xffu);
      op += (stride - 1) * 3;
    }
  } else {
    for (j = 0; j < numSamples; j++) {
      int32_t val;
      val = u[j] << 4;
      op[HBYTE] = (uint8_t)((val >> 16) & 0xffu);
      op[MBYTE] = (uint8_t)((val >> 8) & 0xffu);
      op[LBYTE] = (uint8_t)((val >> 0) & 0xffu);
      op += 3;
      val = v[j] << 4;
      op[HBYTE] = (uint8_t)((val >> 16) & 0xffu);
      op[MBYTE] = (uint8_t)((val >> 8) & 0xffu);
      op[LBYTE] = (uint8_t)((val >> 0) & 0xffu);
      op += (stride - 1) * 3;
    }
  }
}

void copyPredictorTo24Shift(int32_t *in, uint16_t *shift, uint8_t *out, uint32_t stride, int32_t numSamples,
                            int32_t bytesShifted) {
  uint8_t *op = out;
  int32_t shiftVal = bytesShifted * 8;
  int32_t j;
  for (j = 0; j < numSamples; j++) {
    int32_t val = in[j];
    val = (val << shiftVal) | (uint32_t)shift[j];
    op[HBYTE] = (uint8_t)((val >> 16) & 0xffu);
    op[MBYTE] = (uint8_t)((val >> 8) & 0xffu);
    op[LBYTE] = (uint8_t)((val >> 0) & 0xffu);
    op += (stride * 3);
  }
}

int main(void) {
  static int32_t pc1[NCH * NUM], out[NCH * NUM];
  static int16_t coefs[NCH * 32];
  static const int32_t active[NCH] = {0, 31, 4, 8, 5, 4};
  static int16_t pcm[2 * NUM], pcm2[2 * NUM];
  static int32_t u[NUM], v[NUM];
  static uint8_t b20[2 * NUM * 3], b24[NUM * 3];
  static uint16_t shift[NUM];
  int32_t c, j;
  uint32_t seed = 7;

  for (j = 0; j < NCH * NUM; j++) {
    seed = seed * 1664525u + 1013904223u;
    pc1[j] = (int32_t)((seed >> 20) % 401) - 200;
  }
  for (j = 0; j < NCH * 32; j++) coefs[j] = (int16_t)(((j * 37) % 61) - 30);
  for (j = 0; j < 2 * NUM; j++) pcm[j] = (int16_t)(((j * 733) % 4001) - 2000);
  for (j = 0; j < NUM; j++) shift[j] = (uint16_t)(j * 97 % 256);

  /* the predictors, a channel each; the last decoded in place */
  for (c = 0; c < NCH - 1; c++) {
#pragma dosc task
    unpc_block(pc1 + c * NUM, out + c * NUM, NUM, coefs + c * 32, active[c], 16, 9);
  }
#pragma dosc task
  unpc_block(pc1 + (NCH - 1) * NUM, pc1 + (NCH - 1) * NUM, NUM - 3, coefs + (NCH - 1) * 32, active[NCH - 1], 20, 5);
#pragma dosc taskwait

  /* stereo mixing in blocks of samples, interleaved by the stride */
  for (j = 0; j < NUM; j += BLK) {
    int32_t n = NUM - j < BLK ? NUM - j : BLK;
#pragma dosc task
    mix16(pcm + j * 2, 2, u + j, v + j, n, 2, (j / BLK) % 3);
  }
#pragma dosc taskwait
  for (j = 0; j < NUM; j += BLK) {
    int32_t n = NUM - j < BLK ? NUM - j : BLK;
#pragma dosc task
    unmix16(u + j, v + j, pcm2 + j * 2, 2, n, 2, (j / BLK) % 3);
#pragma dosc task
    unmix20(u + j, v + j, b20 + j * 2 * 3, 2, n, 2, (j / BLK) % 2);
#pragma dosc task
    copyPredictorTo24Shift(out + 2 * NUM + j, shift + j, b24 + j * 3, 1, n, 1);
  }
#pragma dosc taskwait

  long s1 = 0, s2 = 0, s3 = 0;
  for (j = 0; j < NCH * NUM; j++) s1 = s1 * 7 + out[j] + 3 * pc1[j], s1 %= 1000000007L;
  for (j = 0; j < NCH * 32; j++) s1 += coefs[j] * (j % 5 + 1);
  for (j = 0; j < 2 * NUM; j++) s2 += (pcm2[j] - pcm[j]) * (j + 1) + pcm2[j] % 17;
  for (j = 0; j < 2 * NUM * 3; j++) s3 = (s3 * 31 + b20[j]) % 1000003;
  for (j = 0; j < NUM * 3; j++) s3 = (s3 * 37 + b24[j]) % 1000003;
  for (j = 0; j < NUM; j++) s2 += u[j] - 2 * v[j];
  printf("%ld %ld %ld\n", s1, s2, s3);
  return 0;
}
