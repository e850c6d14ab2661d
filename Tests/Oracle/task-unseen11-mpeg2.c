/* The MPEG-2 decoder of the MPEG Software Simulation Group ((C) 1996, "available to the user
   without any license fee or royalty on an as is basis"), MediaBench's mpeg2dec, as dosc tasks
   (branch unseen11), read from llvm/llvm-test-suite, MultiSource/Benchmarks/mediabench/mpeg2/
   mpeg2dec/idct.c and recon.c: the shapes kept, the code written anew around them, in the
   decoder's own K&R style (old-style definitions, prototypes through `_ANSI_ARGS_`).
   - idct.c: the Chen-Wang fast IDCT, Fast_IDCT(block) calling idctrow(block+8*i) and
     idctcol(block+i) (a row of 8 shorts, a column read as blk[8*k]), the all-zero shortcut
     `blk[0]=blk[1]=...=blk[7]=blk[0]<<3`, the column pass clipping through `iclp[(x7+x1)>>14]`
     where `static short *iclp = iclip+512` points into the middle of a static table (so the
     clip reads a global through a global pointer, at indices from -256 up); a task per 8x8 block
     of a macroblock's coefficients;
   - recon.c: form_component_prediction(src, dst, lx, lx2, w, h, x, y, dx, dy, average_flag): half-pel
     flags `xh = dx & 1`, integer vectors `xint = dx>>1`, `s = src + lx*(y+yint) + x + xint` and
     `d = dst + lx*y + x`, four arms reading s[i], s[i+1], s[i+lx], s[i+lx+1], averaging into d
     with `(v+(v>=0?1:0))>>1` when average_flag is set, both pointers stepping `s += lx2` per line
     (lx2 = lx<<1 for field prediction: every other line); a task per macroblock and field.
   The program prints checksums. */
#include <stdio.h>
#include <stdlib.h>

#define _ANSI_ARGS_(x) x

#define W1 2841 /* 2048*sqrt(2)*cos(1*pi/16) */
#define W2 2676 /* 2048*sqrt(2)*cos(2*pi/16) */
#define W3 2408 /* 2048*sqrt(2)*cos(3*pi/16) */
#define W5 1609 /* 2048*sqrt(2)*cos(5*pi/16) */
#define W6 1108 /* 2048*sqrt(2)*cos(6*pi/16) */
#define W7 565  /* 2048*sqrt(2)*cos(7*pi/16) */

void Initialize_Fast_IDCT _ANSI_ARGS_((void));
void Fast_IDCT _ANSI_ARGS_((short *block));
void form_component_prediction _ANSI_ARGS_((unsigned char *src, unsigned char *dst, int lx, int lx2, int w, int h,
                                            int x, int y, int dx, int dy, int average_flag));

static short iclip[1024];
static short *iclp;

static void idctrow _ANSI_ARGS_((short *blk));
static void idctcol _ANSI_ARGS_((short *blk));

static void idctrow(blk) short *blk;
{
  int x0, x1, x2, x3, x4, x5, x6, x7, x8;
  if (!((x1 = blk[4] << 11) | (x2 = blk[6]) | (x3 = blk[2]) | (x4 = blk[1]) | (x5 = blk[7]) | (x6 = blk[5]) |
        (x7 = blk[3]))) {
    blk[0] = blk[1] = blk[2] = blk[3] = blk[4] = blk[5] = blk[6] = blk[7] = blk[0] << 3;
    return;
  }
  x0 = (blk[0] << 11) + 128;
  x8 = W7 * (x4 + x5);
  x4 = x8 + (W1 - W7) * x4;
  x5 = x8 - (W1 + W7) * x5;
  x8 = W3 * (x6 + x7);
  x6 = x8 - (W3 - W5) * x6;
  x7 = x8 - (W3 + W5) * x7;
  x8 = x0 + x1;
  x0 -= x1;
  x1 = W6 * (x3 + x2);
  x2 = x1 - (W2 + W6) * x2;
  x3 = x1 + (W2 - W6) * x3;
  x1 = x4 + x6;
  x4 -= x6;
  x6 = x5 + x7;
  x5 -= x7;
  x7 = x8 + x3;
  x8 -= x3;
  x3 = x0 + x2;
  x0 -= x2;
  x2 = (181 * (x4 + x5) + 128) >> 8;
  x4 = (181 * (x4 - x5) + 128) >> 8;
  blk[0] = (x7 + x1) >> 8;
  blk[1] = (x3 + x2) >> 8;
  blk[2] = (x0 + x4) >> 8;
  blk[3] = (x8 + x6) >> 8;
  blk[4] = (x8 - x6) >> 8;
  blk[5] = (x0 - x4) >> 8;
  blk[6] = (x3 - x2) >> 8;
  blk[7] = (x7 - x1) >> 8;
}

static void idctcol(blk) short *blk;
{
  int x0, x1, x2, x3, x4, x5, x6, x7, x8;
  if (!((x1 = (blk[8 * 4] << 8)) | (x2 = blk[8 * 6]) | (x3 = blk[8 * 2]) | (x4 = blk[8 * 1]) | (x5 = blk[8 * 7]) |
        (x6 = blk[8 * 5]) | (x7 = blk[8 * 3]))) {
    blk[8 * 0] = blk[8 * 1] = blk[8 * 2] = blk[8 * 3] = blk[8 * 4] = blk[8 * 5] = blk[8 * 6] = blk[8 * 7] =
        iclp[(blk[8 * 0] + 32) >> 6];
    return;
  }
  x0 = (blk[8 * 0] << 8) + 8192;
  x8 = W7 * (x4 + x5) + 4;
  x4 = (x8 + (W1 - W7) * x4) >> 3;
  x5 = (x8 - (W1 + W7) * x5) >> 3;
  x8 = W3 * (x6 + x7) + 4;
  x6 = (x8 - (W3 - W5) * x6) >> 3;
  x7 = (x8 - (W3 + W5) * x7) >> 3;
  x8 = x0 + x1;
  x0 -= x1;
  x1 = W6 * (x3 + x2) + 4;
  x2 = (x1 - (W2 + W6) * x2) >> 3;
  x3 = (x1 + (W2 - W6) * x3) >> 3;
  x1 = x4 + x6;
  x4 -= x6;
  x6 = x5 + x7;
  x5 -= x7;
  x7 = x8 + x3;
  x8 -= x3;
  x3 = x0 + x2;
  x0 -= x2;
  x2 = (181 * (x4 + x5) + 128) >> 8;
  x4 = (181 * (x4 - x5) + 128) >> 8;
  blk[8 * 0] = iclp[(x7 + x1) >> 14];
  blk[8 * 1] = iclp[(x3 + x2) >> 14];
  blk[8 * 2] = iclp[(x0 + x4) >> 14];
  blk[8 * 3] = iclp[(x8 + x6) >> 14];
  blk[8 * 4] = iclp[(x8 - x6) >> 14];
  blk[8 * 5] = iclp[(x0 - x4) >> 14];
  blk[8 * 6] = iclp[(x3 - x2) >> 14];
  blk[8 * 7] = iclp[(x7 - x1) >> 14];
}

void Fast_IDCT(block) short *block;
{
  int i;
  for (i = 0; i < 8; i++) idctrow(block + 8 * i);
  for (i = 0; i < 8; i++) idctcol(block + i);
}

void Initialize_Fast_IDCT() {
  int i;
  iclp = iclip + 512;
  for (i = -512; i < 512; i++) iclp[i] = (i < -256) ? -256 : ((i > 255) ? 255 : i);
}

void form_component_prediction(src, dst, lx, lx2, w, h, x, y, dx, dy, average_flag) unsigned char *src;
unsigned char *dst;
int lx;
int lx2;
int w, h;
int x, y;
int dx, dy;
int average_flag;
{
  int xint, yint, xh, yh;
  int i, j, v;
  unsigned char *s;
  unsigned char *d;
  xint = dx >> 1;
  yint = dy >> 1;
  xh = dx & 1;
  yh = dy & 1;
  s = src + lx * (y + yint) + x + xint;
  d = dst + lx * y + x;
  if (!xh && !yh) {
    if (average_flag) {
      for (j = 0; j < h; j++) {
        for (i = 0; i < w; i++) {
          v = d[i] + s[i];
          d[i] = (v + (v >= 0 ? 1 : 0)) >> 1;
        }
        s += lx2;
        d += lx2;
      }
    } else {
      for (j = 0; j < h; j++) {
        for (i = 0; i < w; i++) d[i] = s[i];
        s += lx2;
        d += lx2;
      }
    }
  } else if (!xh && yh) {
    if (average_flag) {
      for (j = 0; j < h; j++) {
        for (i = 0; i < w; i++) {
          v = d[i] + ((unsigned int)(s[i] + s[i + lx] + 1) >> 1);
          d[i] = (v + (v >= 0 ? 1 : 0)) >> 1;
        }
        s += lx2;
        d += lx2;
      }
    } else {
      for (j = 0; j < h; j++) {
        for (i = 0; i < w; i++) d[i] = (unsigned int)(s[i] + s[i + lx] + 1) >> 1;
        s += lx2;
        d += lx2;
      }
    }
  } else if (xh && !yh) {
    if (average_flag) {
      for (j = 0; j < h; j++) {
        for (i = 0; i < w; i++) {
          v = d[i] + ((unsigned int)(s[i] + s[i + 1] + 1) >> 1);
          d[i] = (v + (v >= 0 ? 1 : 0)) >> 1;
        }
        s += lx2;
        d += lx2;
      }
    } else {
      for (j = 0; j < h; j++) {
        for (i = 0; i < w; i++) d[i] = (unsigned int)(s[i] + s[i + 1] + 1) >> 1;
        s += lx2;
        d += lx2;
      }
    }
  } else {
    if (average_flag) {
      for (j = 0; j < h; j++) {
        for (i = 0; i < w; i++) {
          v = d[i] + ((unsigned int)(s[i] + s[i + 1] + s[i + lx] + s[i + lx + 1] + 2) >> 2);
          d[i] = (v + (v >= 0 ? 1 : 0)) >> 1;
        }
        s += lx2;
        d += lx2;
      }
    } else {
      for (j = 0; j < h; j++) {
        for (i = 0; i < w; i++) d[i] = (unsigned int)(s[i] + s[i + 1] + s[i + lx] + s[i + lx + 1] + 2) >> 2;
        s += lx2;
        d += lx2;
      }
    }
  }
}

int main(void) {
  /* IDCT: 6 blocks of a macroblock (4 luminance, 2 chrominance), one of them all-zero AC. */
  short *blocks = calloc(6 * 64, sizeof(short));
  Initialize_Fast_IDCT();
  for (int b = 0; b < 6; b++)
    for (int k = 0; k < 64; k++) blocks[b * 64 + k] = (b == 4) ? (k == 0 ? 40 : 0) : (short)(((b * 64 + k) * 37) % 61 - 30) * (k < 20 ? 8 : 1);
  for (int b = 0; b < 6; b++) {
#pragma dosc task
    Fast_IDCT(blocks + 64 * b);
  }
#pragma dosc taskwait
  long isum = 0;
  for (int k = 0; k < 6 * 64; k++) isum += blocks[k] * (k % 11 + 1);
  printf("idct %ld\n", isum);

  /* Motion compensation: a 48 x 40 reference frame (with a border), two 16 x 16 macroblocks of a
     32-wide picture predicted frame-wise at each half-pel case, then field-wise with averaging. */
  int lx = 48, rows = 40;
  unsigned char *ref = malloc(lx * rows), *cur = calloc(lx * rows, 1);
  for (int k = 0; k < lx * rows; k++) ref[k] = (unsigned char)((k * 29 + k / lx * 7) % 251);
  int vec[4][2] = {{4, 6}, {5, 6}, {4, 7}, {3, 5}};
  for (int mb = 0; mb < 4; mb++) {
    int bx = 8 + 16 * (mb % 2), by = 4 + 16 * (mb / 2);
#pragma dosc task
    form_component_prediction(ref, cur, lx, lx, 16, 16, bx, by, vec[mb][0], vec[mb][1], 0);
  }
#pragma dosc taskwait
  for (int mb = 0; mb < 4; mb++) {
    int bx = 8 + 16 * (mb % 2), by = 4 + 16 * (mb / 2);
    for (int field = 0; field < 2; field++) {
#pragma dosc task
      form_component_prediction(ref + field * lx, cur + field * lx, lx << 1, lx << 1, 16, 8, bx, by >> 1,
                                vec[3 - mb][0] - 2, vec[3 - mb][1] - 4, 1);
    }
  }
#pragma dosc taskwait
  long msum = 0;
  for (int k = 0; k < lx * rows; k++) msum += cur[k] * (k % 13 + 1);
  printf("motion %ld\n", msum);
  free(blocks), free(ref), free(cur);
  return 0;
}
