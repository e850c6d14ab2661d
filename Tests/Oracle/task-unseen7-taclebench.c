/* TACLeBench kernels (branch unseen7), after tacle/tacle-bench, converted as a user would (the
   globals became a state struct or parameters, each kernel a task on a block): adpcm_enc's
   G.722 encoder (the QMF delay line walked with `*tqmf_ptr++` and shifted back with
   `*p-- = *q--` from `tqmf_ptr - 2`, filtez's two pointer walks, upzero's six-tap update and
   hand-written delay line, quantl's decision table with an early break) over a state struct whose
   arrays are fields; fir2dim's three row pointers `parray`, `parray + W`, `parray + 2 * W` into a
   zero-bordered image, spawned per output row; lms's history shifted downwards (`h[i] = h[i - 1]`
   for i = l .. 1) and a sigma kept through a pointer; cjpeg transupp's transpose of 8x8
   coefficient blocks (`in[(by * bw + bx) * 64 + i * 8 + j]` to the transposed block); st's sums
   through out-parameters; countnegative's row range of a matrix; and huff_enc's frequency count
   (`freq[(unsigned char)text[i]]++`) with a tree built in index arrays. The program prints a
   checksum. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* adpcm_enc */
struct g722_state {
  int tqmf[24];
  int delay_bpl[6], delay_dltx[6];
  int detl, nbl, al1, al2, plt1, plt2, rlt1, rlt2;
};

static const int qmf_h[24] = {12,   -44,  -44,  212,  48,   -624, 128, 1448,
                              -840, -3220, 3804, 15504, 15504, 3804, -3220, -840,
                              1448, 128,  -624, 48,   212,  -44,  -44,  12};
static const int decis_levl[30] = {280,  576,  880,  1200, 1520, 1864, 2208, 2584, 2960, 3376,
                                   3784, 4240, 4696, 5200, 5712, 6288, 6864, 7520, 8184, 8968,
                                   9752, 10712, 11664, 12896, 14120, 15840, 17560, 20456,
                                   23352, 32767};
static const int quant26bt_pos[31] = {61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51,
                                      50, 49, 48, 47, 46, 45, 44, 43, 42, 41, 40,
                                      39, 38, 37, 36, 35, 34, 33, 32, 32};
static const int quant26bt_neg[31] = {63, 62, 31, 30, 29, 28, 27, 26, 25, 24, 23,
                                      22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12,
                                      11, 10, 9,  8,  7,  6,  5,  4,  4};
static const int qq4_code4_table[16] = {0,     -20456, -12896, -8968, -6288, -4240, -2584, -1200,
                                        20456, 12896,  8968,   6288,  4240,  2584,  1200,  0};
static const int wl_code_table[16] = {-60,  3042, 1198, 538, 334, 172, 58, -30,
                                      3042, 1198, 538,  334, 172, 58,  -30, -60};
static const int ilb_table[32] = {2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383,
                                  2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
                                  2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371,
                                  3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008};

static int filtez(const int *bpl, const int *dlt) {
  long zl = (long)(*bpl++) * (*dlt++);
  for (int i = 1; i < 6; i++) zl += (long)(*bpl++) * (*dlt++);
  return (int)(zl >> 14);
}

static int filtep(int rlt1, int al1, int rlt2, int al2) {
  long pl = (long)al1 * (2 * rlt1);
  pl += (long)al2 * (2 * rlt2);
  return (int)(pl >> 15);
}

static int quantl(int el, int detl) {
  long wd = el >= 0 ? el : -el;
  int mil;
  for (mil = 0; mil < 30; mil++) {
    long decis = (decis_levl[mil] * (long)detl) >> 15L;
    if (wd <= decis) break;
  }
  return el >= 0 ? quant26bt_pos[mil] : quant26bt_neg[mil];
}

static void upzero(int dlt, int *dlti, int *bli) {
  if (dlt == 0) {
    for (int i = 0; i < 6; i++) bli[i] = (int)((255L * bli[i]) >> 8L);
  } else {
    for (int i = 0; i < 6; i++) {
      int wd2 = (long)dlt * dlti[i] >= 0 ? 128 : -128;
      bli[i] = wd2 + (int)((255L * bli[i]) >> 8L);
    }
  }
  dlti[5] = dlti[4];
  dlti[4] = dlti[3];
  dlti[3] = dlti[2];
  dlti[2] = dlti[1];
  dlti[1] = dlti[0];
  dlti[0] = dlt;
}

static int uppol2(int al1, int al2, int plt, int plt1, int plt2) {
  long wd2 = 4L * al1;
  if ((long)plt * plt1 >= 0L) wd2 = -wd2;
  wd2 >>= 7;
  long wd4 = (long)plt * plt2 >= 0L ? wd2 + 128 : wd2 - 128;
  int apl2 = (int)(wd4 + (127L * al2 >> 7L));
  if (apl2 > 12288) apl2 = 12288;
  if (apl2 < -12288) apl2 = -12288;
  return apl2;
}

static int uppol1(int al1, int apl2, int plt, int plt1) {
  long wd2 = ((long)al1 * 255L) >> 8L;
  int apl1 = (long)plt * plt1 >= 0L ? (int)wd2 + 192 : (int)wd2 - 192;
  int wd3 = 15360 - apl2;
  if (apl1 > wd3) apl1 = wd3;
  if (apl1 < -wd3) apl1 = -wd3;
  return apl1;
}

static int encode_pair(struct g722_state *s, int xin1, int xin2) {
  const int *h_ptr = qmf_h;
  int *tqmf_ptr = s->tqmf, *tqmf_ptr1;
  long xa = (long)(*tqmf_ptr++) * (*h_ptr++);
  long xb = (long)(*tqmf_ptr++) * (*h_ptr++);
  for (int i = 0; i < 10; i++) {
    xa += (long)(*tqmf_ptr++) * (*h_ptr++);
    xb += (long)(*tqmf_ptr++) * (*h_ptr++);
  }
  xa += (long)(*tqmf_ptr++) * (*h_ptr++);
  xb += (long)(*tqmf_ptr) * (*h_ptr++);
  tqmf_ptr1 = tqmf_ptr - 2;
  for (int i = 0; i < 22; i++) *tqmf_ptr-- = *tqmf_ptr1--;
  *tqmf_ptr-- = xin1;
  *tqmf_ptr = xin2;
  int xl = (int)((xa + xb) >> 15);

  int szl = filtez(s->delay_bpl, s->delay_dltx);
  int spl = filtep(s->rlt1, s->al1, s->rlt2, s->al2);
  int sl = szl + spl, el = xl - sl;
  int il = quantl(el, s->detl);
  int dlt = (int)(((long)s->detl * qq4_code4_table[il >> 2]) >> 15);
  long wd = ((long)s->nbl * 127L) >> 7L;
  s->nbl = (int)wd + wl_code_table[il >> 2];
  if (s->nbl < 0) s->nbl = 0;
  if (s->nbl > 18432) s->nbl = 18432;
  int wd1 = (s->nbl >> 6) & 31, wd2 = s->nbl >> 11;
  s->detl = (ilb_table[wd1] >> (8 + 1 - wd2)) << 3;
  int plt = dlt + szl;
  upzero(dlt, s->delay_dltx, s->delay_bpl);
  s->al2 = uppol2(s->al1, s->al2, plt, s->plt1, s->plt2);
  s->al1 = uppol1(s->al1, s->al2, plt, s->plt1);
  s->rlt2 = s->rlt1;
  s->rlt1 = sl + dlt;
  s->plt2 = s->plt1;
  s->plt1 = plt;
  return il;
}

void adpcm_encode(struct g722_state *s, const int *in, int n, int *compressed) {
  for (int i = 0; i < n; i += 2) compressed[i / 2] = encode_pair(s, in[i], in[i + 1]);
}

/* fir2dim: output row k of a (dim + 2)-wide zero-bordered image */
void fir2dim_row(const float *array, const float *coeff, float *output, int dim, int k) {
  int w = dim + 2;
  float *poutput = output + k * dim;
  for (int f = 0; f < dim; f++) {
    const float *pcoeff = coeff;
    const float *parray = array + k * w + f, *parray2 = parray + w, *parray3 = parray + w + w;
    *poutput = 0;
    for (int i = 0; i < 3; i++) *poutput += *pcoeff++ * *parray++;
    for (int i = 0; i < 3; i++) *poutput += *pcoeff++ * *parray2++;
    for (int i = 0; i < 3; i++) *poutput += *pcoeff++ * *parray3++;
    poutput++;
  }
}

/* lms */
static float lms_calc(float x, float d, float *b, int l, float mu, float alpha, float *history,
                      float *sigma) {
  for (int i = l; i >= 1; i--) history[i] = history[i - 1];
  history[0] = x;
  float y = 0.0f;
  *sigma = alpha * x * x + (1 - alpha) * (*sigma);
  for (int i = 0; i <= l; i++) y += b[i] * history[i];
  float e = mu * (d - y) / (*sigma);
  for (int i = 0; i <= l; i++) b[i] += e * history[i];
  return y;
}

void lms(const float *input, float *output, int n, float *b, float *history, int l,
         float *sigma) {
  for (int i = 0; i < n; i++)
    output[i] = lms_calc(input[i], input[i + 1], b, l, 0.02f / (l + 1), 0.01f, history, sigma);
}

/* cjpeg transupp: transpose a bw x bh grid of 8x8 blocks */
void transpose_blocks(const short *in, short *out, int bw, int bh) {
  for (int by = 0; by < bh; by++)
    for (int bx = 0; bx < bw; bx++) {
      const short *src = in + (by * bw + bx) * 64;
      short *dst = out + (bx * bh + by) * 64;
      for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++) dst[j * 8 + i] = src[i * 8 + j];
    }
}

/* st: sums, mean, variance and correlation through out-parameters */
struct st_result {
  double sum_a, sum_b, mean_a, mean_b, var_a, var_b, coef;
};

void st_stats(const double *a, const double *b, int n, struct st_result *r) {
  double sa = 0, sb = 0;
  for (int i = 0; i < n; i++) sa += a[i], sb += b[i];
  r->sum_a = sa, r->sum_b = sb;
  r->mean_a = sa / n, r->mean_b = sb / n;
  double va = 0, vb = 0, cov = 0;
  for (int i = 0; i < n; i++) {
    double da = a[i] - r->mean_a, db = b[i] - r->mean_b;
    va += da * da, vb += db * db, cov += da * db;
  }
  r->var_a = va / n, r->var_b = vb / n;
  r->coef = cov / n;
}

/* countnegative: rows [lo, hi) of an n-column matrix */
void count_negative(const int *m, int lo, int hi, int n, int *posnum, int *possum,
                    int *negnum, int *negsum) {
  int pn = 0, ps = 0, nn = 0, ns = 0;
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < n; j++) {
      int v = m[i * n + j];
      if (v >= 0)
        pn++, ps += v;
      else
        nn++, ns += v;
    }
  *posnum = pn, *possum = ps, *negnum = nn, *negsum = ns;
}

/* huff_enc: code lengths from a tree built in index arrays */
void huff_lengths(const char *text, int len, int *freq, int *parent, int *length) {
  int weight[512], alive[512], nodes = 256;
  memset(freq, 0, 256 * sizeof(int));
  for (int i = 0; i < len; i++) freq[(unsigned char)text[i]]++;
  for (int c = 0; c < 256; c++) {
    weight[c] = freq[c];
    alive[c] = freq[c] > 0;
    parent[c] = -1;
  }
  for (;;) {
    int m1 = -1, m2 = -1;
    for (int i = 0; i < nodes; i++) {
      if (!alive[i]) continue;
      if (m1 < 0 || weight[i] < weight[m1])
        m2 = m1, m1 = i;
      else if (m2 < 0 || weight[i] < weight[m2])
        m2 = i;
    }
    if (m2 < 0) break;
    weight[nodes] = weight[m1] + weight[m2];
    alive[nodes] = 1;
    parent[nodes] = -1;
    alive[m1] = alive[m2] = 0;
    parent[m1] = parent[m2] = nodes;
    nodes++;
  }
  for (int c = 0; c < 256; c++) {
    int l = 0;
    if (freq[c] > 0)
      for (int p = c; parent[p] >= 0; p = parent[p]) l++;
    length[c] = l;
  }
}

int main(int argc, char **argv) {
  int samples = argc > 1 ? atoi(argv[1]) : 64;
  long sum = 0;

  /* adpcm: two channels, each with its own state */
  struct g722_state *st = calloc(2, sizeof *st);
  int *pcm = malloc(sizeof(int) * (size_t)(2 * samples)), *code = malloc(sizeof(int) * (size_t)samples);
  for (int i = 0; i < 2 * samples; i++) pcm[i] = ((i * 37) % 200 - 100) * 40 + (i % 7) * 300;
  for (int c = 0; c < 2; c++) {
    st[c].detl = 32;
#pragma dosc task
    adpcm_encode(&st[c], pcm + c * samples, samples, code + c * (samples / 2));
  }
#pragma dosc taskwait
  for (int i = 0; i < samples; i++) sum += code[i] * (i % 9 + 1);
  for (int c = 0; c < 2; c++) sum += st[c].detl + st[c].nbl + st[c].al1 % 1000;

  /* fir2dim on a 6x6 image in an 8x8 bordered array */
  int dim = 6, w = dim + 2;
  float *array = calloc((size_t)(w * w), sizeof(float)), *coeff = malloc(9 * sizeof(float));
  float *output = malloc(sizeof(float) * (size_t)(dim * dim));
  for (int i = 0; i < 9; i++) coeff[i] = (float)(i % 3 + 1);
  for (int i = 0; i < dim; i++)
    for (int j = 0; j < dim; j++) array[(i + 1) * w + j + 1] = (float)((i * dim + j) % 5);
  for (int k = 0; k < dim; k++) {
#pragma dosc task
    fir2dim_row(array, coeff, output, dim, k);
  }
#pragma dosc taskwait
  for (int i = 0; i < dim * dim; i++) sum += (long)output[i] * (i % 4 + 1);

  /* lms */
  int n = 50, l = 8;
  float *input = malloc(sizeof(float) * (size_t)(n + 1)), *lout = malloc(sizeof(float) * (size_t)n);
  float *b = calloc((size_t)(l + 1), sizeof(float)), *history = calloc((size_t)(l + 1), sizeof(float));
  float *sigma = malloc(sizeof(float));
  *sigma = 2.0f;
  for (int i = 0; i <= n; i++) input[i] = (float)((i * 13) % 17 - 8) / 8.0f;
#pragma dosc task
  lms(input, lout, n, b, history, l, sigma);
#pragma dosc taskwait
  for (int i = 0; i < n; i++) sum += (long)(lout[i] * 1000.0f);

  /* transupp */
  int bw = 3, bh = 2;
  short *coef = malloc(sizeof(short) * (size_t)(bw * bh * 64)), *tr = malloc(sizeof(short) * (size_t)(bw * bh * 64));
  for (int i = 0; i < bw * bh * 64; i++) coef[i] = (short)(i * 7 % 251);
#pragma dosc task
  transpose_blocks(coef, tr, bw, bh);
#pragma dosc taskwait
  for (int i = 0; i < bw * bh * 64; i++) sum += tr[i] * (i % 6 + 1);

  /* st */
  double *sa = malloc(sizeof(double) * 40), *sb = malloc(sizeof(double) * 40);
  for (int i = 0; i < 40; i++) sa[i] = i * 0.5, sb[i] = (i % 9) * 1.5;
  struct st_result *res = malloc(sizeof *res);
#pragma dosc task
  st_stats(sa, sb, 40, res);

  /* countnegative: two halves */
  int cn = 10;
  int *mat = malloc(sizeof(int) * (size_t)(cn * cn)), *counts = malloc(sizeof(int) * 8);
  for (int i = 0; i < cn * cn; i++) mat[i] = (i * 31) % 23 - 11;
#pragma dosc task
  count_negative(mat, 0, cn / 2, cn, &counts[0], &counts[1], &counts[2], &counts[3]);
#pragma dosc task
  count_negative(mat, cn / 2, cn, cn, &counts[4], &counts[5], &counts[6], &counts[7]);

  /* huff */
  const char *msg = "this is an example of a huffman tree built for tacle bench";
  char *text = malloc(strlen(msg) + 1);
  strcpy(text, msg);
  int *freq = malloc(256 * sizeof(int)), *parent = malloc(512 * sizeof(int));
  int *length = malloc(256 * sizeof(int));
#pragma dosc task
  huff_lengths(text, (int)strlen(text), freq, parent, length);
#pragma dosc taskwait
  sum += (long)(res->coef * 100) + (long)(res->var_a * 10) + (long)(res->var_b * 10);
  for (int i = 0; i < 8; i++) sum += counts[i] * (i + 1);
  long bits = 0;
  for (int c = 0; c < 256; c++) bits += (long)freq[c] * length[c];
  sum += bits;
  printf("taclebench: huffman bits %ld checksum %ld\n", bits, sum);
  free(st), free(pcm), free(code), free(array), free(coeff), free(output);
  free(input), free(lout), free(b), free(history), free(sigma), free(coef), free(tr);
  free(sa), free(sb), free(res), free(mat), free(counts), free(text), free(freq), free(parent);
  free(length);
  return 0;
}
