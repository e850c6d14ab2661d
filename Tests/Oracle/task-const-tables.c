/* Const global tables read by tasks (branch consts): every rank runs the same executable, so a
   const table defined here, holding no address, has the same bytes on every rank and is not
   shipped: the tasks that read only such tables stay remotable (the manifest's
   constant_globals). Beside them, tables that differ per rank or may change keep their tasks
   home: strings and function pointers (addresses differ per process under ASLR) and a table
   main fills at run time.
   - present_sbox: the PRESENT cipher's 4-bit S-box over a block of nibbles;
   - crc32_block: CRC-32 (reflected 0xEDB88320) a nibble at a time from a 16-entry table;
   - fir5: a 5-tap filter, `static const double coef[]`, with a halo;
   - ranks_of: a const struct table; scale_rows: a `static const` local table; 2-D const table;
   - name_lengths (strings), apply_ops (function pointers), lookup_runtime (filled by main):
     must stay home. */
#include <stdio.h>
#include <string.h>

static const unsigned char sbox[16] = {0xC, 0x5, 0x6, 0xB, 0x9, 0x0, 0xA, 0xD,
                                       0x3, 0xE, 0xF, 0x8, 0x4, 0x7, 0x1, 0x2};

void present_sbox(unsigned char *state, int lo, int hi) {
  for (int i = lo; i < hi; i++) state[i] = (unsigned char)(sbox[state[i] >> 4] << 4 | sbox[state[i] & 0xF]);
}

static const unsigned crc_nibble[16] = {
    0x00000000u, 0x1DB71064u, 0x3B6E20C8u, 0x26D930ACu, 0x76DC4190u, 0x6B6B51F4u, 0x4DB26158u, 0x5005713Cu,
    0xEDB88320u, 0xF00F9344u, 0xD6D6A3E8u, 0xCB61B38Cu, 0x9B64C2B0u, 0x86D3D2D4u, 0xA00AE278u, 0xBDBDF21Cu};

static unsigned crc_step(unsigned crc, unsigned char byte) {
  crc = crc_nibble[(crc ^ byte) & 0xF] ^ (crc >> 4);
  return crc_nibble[(crc ^ (byte >> 4)) & 0xF] ^ (crc >> 4);
}

void crc32_block(const unsigned char *buf, int n, unsigned *crc) {
  unsigned c = 0xFFFFFFFFu;
  for (int i = 0; i < n; i++) c = crc_step(c, buf[i]);
  crc[0] = c ^ 0xFFFFFFFFu;
}

static const double coef[5] = {0.0625, 0.25, 0.375, 0.25, 0.0625};

void fir5(const double *in, double *out, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    double s = 0;
    for (int k = 0; k < 5; k++) s += coef[k] * in[i + k - 2];
    out[i] = s;
  }
}

struct grade {
  int threshold;
  int rank;
};
const struct grade grades[4] = {{90, 1}, {75, 2}, {50, 3}, {0, 4}};
static const int weights[2][3] = {{1, 2, 3}, {4, 5, 6}};

void ranks_of(const int *score, int *rank, int n) {
  for (int i = 0; i < n; i++) {
    int g = 0;
    while (g < 3 && score[i] < grades[g].threshold) g++;
    rank[i] = grades[g].rank * weights[i & 1][i % 3];
  }
}

void scale_rows(double *m, int rows, int cols) {
  static const double factor[4] = {1.0, 0.5, 0.25, 0.125};
  for (int r = 0; r < rows; r++)
    for (int c = 0; c < cols; c++) m[r * cols + c] *= factor[r & 3];
}

/* Stay home: addresses in a const table differ per rank; a table filled at run time. */
static const char *const names[4] = {"north", "east", "south", "west"};

void name_lengths(int *len, int n) {
  for (int i = 0; i < n; i++) len[i] = (int)strlen(names[i & 3]);
}

static int twice(int x) { return 2 * x; }
static int square(int x) { return x * x; }
static int (*const ops[2])(int) = {twice, square};

void apply_ops(int *v, int n) {
  for (int i = 0; i < n; i++) v[i] = ops[i & 1](v[i]);
}

static int runtime_table[8];

void lookup_runtime(int *v, int n) {
  for (int i = 0; i < n; i++) v[i] = runtime_table[v[i] & 7];
}

int main(void) {
  enum { N = 64, B = 16 };
  unsigned char state[N], bytes[N];
  for (int i = 0; i < N; i++) state[i] = bytes[i] = (unsigned char)(i * 37 + 11);
  for (int i = 0; i < 8; i++) runtime_table[i] = 100 + i * i;
  for (int lo = 0; lo < N; lo += B) {
#pragma dosc task
    present_sbox(state, lo, lo + B);
  }
#pragma dosc taskwait
  unsigned crc[4];
  for (int b = 0; b < 4; b++) {
#pragma dosc task
    crc32_block(bytes + b * B, B, &crc[b]);
  }
#pragma dosc taskwait
  double in[N + 4], out[N + 4] = {0};
  for (int i = 0; i < N + 4; i++) in[i] = (i * 7) % 13;
  for (int lo = 2; lo < N + 2; lo += B) {
#pragma dosc task
    fir5(in, out, lo, lo + B);
  }
#pragma dosc taskwait
  int score[N], rank[N], len[N], v[N], w[N];
  for (int i = 0; i < N; i++) score[i] = (i * 29) % 101, v[i] = i, w[i] = i * 3;
#pragma dosc task
  ranks_of(score, rank, N);
  double m[8 * 5];
  for (int i = 0; i < 40; i++) m[i] = i;
#pragma dosc task
  scale_rows(m, 8, 5);
#pragma dosc task
  name_lengths(len, N);
#pragma dosc task
  apply_ops(v, N);
#pragma dosc task
  lookup_runtime(w, N);
#pragma dosc taskwait
  unsigned long sum = 0;
  for (int i = 0; i < N; i++) sum = sum * 31 + state[i];
  printf("present %lu\n", sum);
  printf("crc %08x %08x %08x %08x\n", crc[0], crc[1], crc[2], crc[3]);
  double fs = 0, ms = 0;
  for (int i = 0; i < N + 4; i++) fs += out[i] * (i + 1);
  for (int i = 0; i < 40; i++) ms += m[i] * (i + 1);
  printf("fir %.6f scaled %.6f\n", fs, ms);
  long rs = 0, ls = 0, vs = 0, ws = 0;
  for (int i = 0; i < N; i++) rs += rank[i] * (i + 1), ls += len[i], vs += v[i], ws += w[i];
  printf("ranks %ld lengths %ld ops %ld runtime %ld\n", rs, ls, vs, ws);
  return 0;
}
