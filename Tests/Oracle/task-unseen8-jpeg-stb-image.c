/* Image decoding and filtering kernels (branch unseen8) in the shapes of libjpeg's jidctint.c and
   jdcolor.c and of stb_image's resamplers and colour conversion, and of the usual filters
   (Floyd-Steinberg, a running-sum box blur), converted as a user would, each a task: the 8x8
   inverse DCT whose column pass walks `inptr++, quantptr++, wsptr++` and reads `inptr[DCTSIZE *
   k]` (with a shortcut for all-zero AC terms that `continue`s), whose row pass writes through
   row pointers `output_buf[ctr] + output_col` (a JSAMPARRAY) and clamps through
   `range_limit[(x >> 3) & RANGE_MASK]` with range_limit handed in as `table + 384` (libjpeg's
   IDCT_range_limit), a copy of the same pass into a flat plane at a row stride; stb's horizontal
   2x upsampler (`out[i * 2 + 1] = ... input[i + 1]`, and `i` used after the loop, w = 1 and 2
   beside the others), its vertical-and-horizontal one reading `in_near` and `in_far` with
   `t1 = 3 * t0 + ...` carried along, and its YCbCr to RGB conversion writing `out[0..3]` and
   stepping `out += step` (step 3 writes one byte into the next pixel, step 4 does not);
   Floyd-Steinberg dithering in serpentine order (`for (x = start; x != end; x += dir)`,
   errors spread to `x + dir` and `x - dir` of the next row); and a box blur whose running sum
   adds `in[min(i + r, w - 1)]` and drops `in[max(i - r - 1, 0)]`. The program prints a
   checksum. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DCTSIZE 8
#define CENTERJSAMPLE 128
#define RANGE_MASK 1023
typedef unsigned char JSAMPLE;
typedef JSAMPLE *JSAMPROW;
typedef JSAMPROW *JSAMPARRAY;

/* cos((2x + 1) u pi / 16) * 4096 * (u == 0 ? 1/sqrt2 : 1) */
static const int idct_cos[8][8] = {
    {2896, 4017, 3784, 3406, 2896, 2276, 1567, 799},
    {2896, 3406, 1567, -799, -2896, -4017, -3784, -2276},
    {2896, 2276, -1567, -4017, -2896, 799, 3784, 3406},
    {2896, 799, -3784, -2276, 2896, 3406, -1567, -4017},
    {2896, -799, -3784, 2276, 2896, -3406, -1567, 4017},
    {2896, -2276, -1567, 4017, -2896, -799, 3784, -3406},
    {2896, -3406, 1567, 799, -2896, 4017, -3784, 2276},
    {2896, -4017, 3784, -3406, 2896, -2276, 1567, -799}};

static void idct_columns(const short *coef_block, const int *quant, int *workspace) {
  const short *inptr = coef_block;
  const int *quantptr = quant;
  int *wsptr = workspace;
  for (int ctr = DCTSIZE; ctr > 0; ctr--) {
    if (inptr[DCTSIZE * 1] == 0 && inptr[DCTSIZE * 2] == 0 && inptr[DCTSIZE * 3] == 0 &&
        inptr[DCTSIZE * 4] == 0 && inptr[DCTSIZE * 5] == 0 && inptr[DCTSIZE * 6] == 0 &&
        inptr[DCTSIZE * 7] == 0) {
      int dcval = inptr[0] * quantptr[0] * 2896 >> 10;
      for (int k = 0; k < DCTSIZE; k++) wsptr[DCTSIZE * k] = dcval;
      inptr++, quantptr++, wsptr++;
      continue;
    }
    for (int x = 0; x < DCTSIZE; x++) {
      long s = 0;
      for (int u = 0; u < DCTSIZE; u++) s += (long)idct_cos[x][u] * inptr[DCTSIZE * u] * quantptr[DCTSIZE * u];
      wsptr[DCTSIZE * x] = (int)(s >> 10);
    }
    inptr++, quantptr++, wsptr++;
  }
}

/* libjpeg's interface: output rows through row pointers. */
void jpeg_idct_islow(const int *quant, const short *coef_block, JSAMPARRAY output_buf,
                     int output_col, const JSAMPLE *range_limit) {
  int workspace[DCTSIZE * DCTSIZE];
  idct_columns(coef_block, quant, workspace);
  int *wsptr = workspace;
  for (int ctr = 0; ctr < DCTSIZE; ctr++) {
    JSAMPROW outptr = output_buf[ctr] + output_col;
    for (int x = 0; x < DCTSIZE; x++) {
      long s = 0;
      for (int u = 0; u < DCTSIZE; u++) s += (long)idct_cos[x][u] * wsptr[u];
      outptr[x] = range_limit[(int)(s >> 15) & RANGE_MASK];
    }
    wsptr += DCTSIZE;
  }
}

/* The same into a flat plane: block (bx, by) of a plane `stride` bytes wide. */
void idct_block_plane(const int *quant, const short *coefs, int bx, int by, JSAMPLE *plane,
                      int stride, const JSAMPLE *range_limit) {
  int workspace[DCTSIZE * DCTSIZE];
  idct_columns(coefs + (by * (stride / DCTSIZE) + bx) * 64, quant, workspace);
  JSAMPLE *out = plane + by * DCTSIZE * stride + bx * DCTSIZE;
  for (int ctr = 0; ctr < DCTSIZE; ctr++, out += stride)
    for (int x = 0; x < DCTSIZE; x++) {
      long s = 0;
      for (int u = 0; u < DCTSIZE; u++) s += (long)idct_cos[x][u] * workspace[ctr * DCTSIZE + u];
      out[x] = range_limit[(int)(s >> 15) & RANGE_MASK];
    }
}

/* stb_image's stbi__resample_row_h_2 */
void resample_row_h_2(uint8_t *out, const uint8_t *in_near, int w) {
  const uint8_t *input = in_near;
  if (w == 1) {
    out[0] = out[1] = input[0];
    return;
  }
  out[0] = input[0];
  out[1] = (uint8_t)((input[0] * 3 + input[1] + 2) >> 2);
  int i;
  for (i = 1; i < w - 1; ++i) {
    int n = 3 * input[i] + 2;
    out[i * 2 + 0] = (uint8_t)((n + input[i - 1]) >> 2);
    out[i * 2 + 1] = (uint8_t)((n + input[i + 1]) >> 2);
  }
  out[i * 2 + 0] = (uint8_t)((input[w - 2] * 3 + input[w - 1] + 2) >> 2);
  out[i * 2 + 1] = input[w - 1];
}

/* stb_image's stbi__resample_row_hv_2 */
void resample_row_hv_2(uint8_t *out, const uint8_t *in_near, const uint8_t *in_far, int w) {
  int i, t0, t1;
  if (w == 1) {
    out[0] = out[1] = (uint8_t)((3 * in_near[0] + in_far[0] + 2) >> 2);
    return;
  }
  t1 = 3 * in_near[0] + in_far[0];
  out[0] = (uint8_t)((t1 + 2) >> 2);
  for (i = 1; i < w; ++i) {
    t0 = t1;
    t1 = 3 * in_near[i] + in_far[i];
    out[i * 2 - 1] = (uint8_t)((3 * t0 + t1 + 8) >> 4);
    out[i * 2] = (uint8_t)((3 * t1 + t0 + 8) >> 4);
  }
  out[w * 2 - 1] = (uint8_t)((t1 + 2) >> 2);
}

/* stb_image's stbi__YCbCr_to_RGB_row */
#define float2fixed(x) (((int)((x) * 4096.0f + 0.5f)) << 8)
void ycbcr_to_rgb_row(uint8_t *out, const uint8_t *y, const uint8_t *pcb, const uint8_t *pcr,
                      int count, int step) {
  for (int i = 0; i < count; ++i) {
    int y_fixed = (y[i] << 20) + (1 << 19);
    int cr = pcr[i] - 128, cb = pcb[i] - 128;
    int r = y_fixed + cr * float2fixed(1.40200f);
    int g = y_fixed + (cr * -float2fixed(0.71414f)) + ((cb * -float2fixed(0.34414f)) & 0xffff0000);
    int b = y_fixed + cb * float2fixed(1.77200f);
    r >>= 20, g >>= 20, b >>= 20;
    if ((unsigned)r > 255) r = r < 0 ? 0 : 255;
    if ((unsigned)g > 255) g = g < 0 ? 0 : 255;
    if ((unsigned)b > 255) b = b < 0 ? 0 : 255;
    out[0] = (uint8_t)r, out[1] = (uint8_t)g, out[2] = (uint8_t)b, out[3] = 255;
    out += step;
  }
}

/* Floyd-Steinberg to 1 bit, serpentine; err has 2 rows of w + 2 (a zero border each side). */
void dither_fs(const uint8_t *img, int w, int h, uint8_t *bits, int *err) {
  int *cur = err + 1, *nxt = err + w + 3;
  memset(err, 0, sizeof(int) * (size_t)(2 * (w + 2)));
  for (int y = 0; y < h; y++) {
    int dir = y % 2 ? -1 : 1, start = y % 2 ? w - 1 : 0, end = y % 2 ? -1 : w;
    for (int x = start; x != end; x += dir) {
      int v = img[y * w + x] * 16 + cur[x];
      int o = v >= 128 * 16 ? 255 : 0;
      bits[y * w + x] = (uint8_t)(o != 0);
      int e = v - o * 16;
      cur[x + dir] += e * 7 / 16;
      nxt[x - dir] += e * 3 / 16;
      nxt[x] += e * 5 / 16;
      nxt[x + dir] += e / 16;
    }
    int *t = cur;
    cur = nxt, nxt = t;
    memset(nxt - 1, 0, sizeof(int) * (size_t)(w + 2));
  }
}

/* Box blur of one row of w, radius r, with a running sum clamped at the edges. */
void box_blur_row(const uint8_t *in, uint8_t *out, int w, int r) {
  if (w <= 0) return;
  int acc = 0;
  for (int k = -r; k <= r; k++) acc += in[k < 0 ? 0 : (k > w - 1 ? w - 1 : k)];
  for (int i = 0; i < w; i++) {
    out[i] = (uint8_t)(acc / (2 * r + 1));
    int add = i + r + 1 > w - 1 ? w - 1 : i + r + 1;
    int drop = i - r < 0 ? 0 : i - r;
    acc += in[add] - in[drop];
  }
}

int main(void) {
  unsigned long sum = 0;

  /* range-limit table as libjpeg lays it out: 5 * 256 + 128 entries, used from + 384 */
  JSAMPLE *table = malloc(5 * 256 + 128);
  memset(table, 0, 256);
  for (int i = 0; i < 256; i++) table[256 + i] = (JSAMPLE)i;
  memset(table + 512, 255, 384);
  memset(table + 896, 0, 384);
  for (int i = 0; i < 128; i++) table[1280 + i] = (JSAMPLE)i;
  const JSAMPLE *range_limit = table + 256 + CENTERJSAMPLE;

  /* a 24 x 16 plane of 3 x 2 blocks; block (1, 0) has only DC terms */
  int bw = 3, bh = 2, stride = bw * DCTSIZE;
  int *quant = malloc(64 * sizeof(int));
  short *coefs = malloc(sizeof(short) * (size_t)(bw * bh * 64));
  for (int i = 0; i < 64; i++) quant[i] = 1 + (i % 8 + i / 8) / 2;
  for (int b = 0; b < bw * bh; b++)
    for (int i = 0; i < 64; i++)
      coefs[b * 64 + i] = (short)(b == 1 && i != 0 ? 0 : ((i * 37 + b * 11) % 41 - 20) * (i < 20 ? 8 : 1));
  JSAMPLE *plane = malloc((size_t)(stride * bh * DCTSIZE)), *plane2 = malloc((size_t)(stride * bh * DCTSIZE));
  JSAMPROW *rows = malloc(sizeof(JSAMPROW) * (size_t)(bh * DCTSIZE));
  for (int r = 0; r < bh * DCTSIZE; r++) rows[r] = plane + r * stride;
  for (int by = 0; by < bh; by++)
    for (int bx = 0; bx < bw; bx++) {
#pragma dosc task
      jpeg_idct_islow(quant, coefs + (by * bw + bx) * 64, rows + by * DCTSIZE, bx * DCTSIZE, range_limit);
#pragma dosc task
      idct_block_plane(quant, coefs, bx, by, plane2, stride, range_limit);
    }
#pragma dosc taskwait
  for (int i = 0; i < stride * bh * DCTSIZE; i++) sum = sum * 31 + plane[i] + 3u * plane2[i];

  /* upsampling rows of widths 7, 2 and 1 */
  static const int widths[3] = {7, 2, 1};
  uint8_t *src = malloc(64), *up = calloc(3 * 20, 1), *uphv = calloc(3 * 20, 1);
  for (int i = 0; i < 64; i++) src[i] = (uint8_t)(i * 29 + 3);
  for (int m = 0; m < 3; m++) {
#pragma dosc task
    resample_row_h_2(up + 20 * m, src + 10 * m, widths[m]);
#pragma dosc task
    resample_row_hv_2(uphv + 20 * m, src + 10 * m, src + 40 + 5 * m, widths[m]);
  }
#pragma dosc taskwait
  for (int i = 0; i < 60; i++) sum = sum * 31 + up[i] + 5u * uphv[i];

  /* colour conversion: 9 pixels at step 4, 9 at step 3 (a spare byte after), 0 pixels */
  uint8_t *ypl = malloc(9), *cb = malloc(9), *cr = malloc(9);
  uint8_t *rgba = malloc(36), *rgb = malloc(28);
  for (int i = 0; i < 9; i++) ypl[i] = (uint8_t)(i * 30), cb[i] = (uint8_t)(255 - i * 25), cr[i] = (uint8_t)(i * 17 + 60);
#pragma dosc task
  ycbcr_to_rgb_row(rgba, ypl, cb, cr, 9, 4);
#pragma dosc task
  ycbcr_to_rgb_row(rgb, ypl, cb, cr, 9, 3);
#pragma dosc task
  ycbcr_to_rgb_row(rgb + 28, ypl, cb, cr, 0, 3);
#pragma dosc taskwait
  for (int i = 0; i < 36; i++) sum = sum * 31 + rgba[i];
  for (int i = 0; i < 27; i++) sum = sum * 31 + rgb[i];

  /* dithering 11 x 5 and 1 x 1 */
  int dw = 11, dh = 5;
  uint8_t *img = malloc((size_t)(dw * dh)), *bits = malloc((size_t)(dw * dh) + 1);
  int *err = malloc(sizeof(int) * (size_t)(2 * (dw + 2))), *err1 = malloc(sizeof(int) * 6);
  for (int i = 0; i < dw * dh; i++) img[i] = (uint8_t)((i * 53) % 256);
#pragma dosc task
  dither_fs(img, dw, dh, bits, err);
#pragma dosc task
  dither_fs(img + 3, 1, 1, bits + dw * dh, err1);
#pragma dosc taskwait
  for (int i = 0; i <= dw * dh; i++) sum = sum * 2 + bits[i];

  /* box blur: rows of 13 with radius 2, radius 0, a row of 1 with radius 3, and w = 0 */
  uint8_t *row = malloc(13), *blur = calloc(40, 1);
  for (int i = 0; i < 13; i++) row[i] = (uint8_t)(i * i * 7);
#pragma dosc task
  box_blur_row(row, blur, 13, 2);
#pragma dosc task
  box_blur_row(row, blur + 13, 13, 0);
#pragma dosc task
  box_blur_row(row + 12, blur + 26, 1, 3);
#pragma dosc task
  box_blur_row(row, blur + 27, 0, 1);
#pragma dosc taskwait
  for (int i = 0; i < 40; i++) sum = sum * 31 + blur[i];

  printf("jpeg-stb-image: checksum %lu\n", sum);
  free(table), free(quant), free(coefs), free(plane), free(plane2), free(rows), free(src);
  free(up), free(uphv), free(ypl), free(cb), free(cr), free(rgba), free(rgb), free(img);
  free(bits), free(err), free(err1), free(row), free(blur);
  return 0;
}
