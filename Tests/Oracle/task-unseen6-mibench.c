/* MiBench kernels (branch unseen6), each a task, their access shapes kept and the code written
   anew: bitcount's byte-table count through `unsigned char *` of a long and its recursive
   nibble count, susan's brightness table read through a pointer into its middle at a negative
   difference (`cp = bp + in[c]; *(cp - *p)`, bp passed as `lut + 258`), dijkstra over an
   adjacency matrix with a malloc'd queue, blowfish's F over the S-boxes of a key struct
   (`S[256 * k + ((x >> 24) & 0xff)]`), an AES-like round over round keys `rk[4 * r + c]`, sha's
   80-word schedule and its 64-byte block loop fed by memcpy, CRC32's `while (len--)` walk, FFT's
   bit-reversed copy, basicmath's integer square root and cubic solver writing through an
   out-count pointer, stringsearch's Horspool skip with a data-dependent step, and qsort of
   records with strcmp. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* bitcount */
static const char nibble_bits[16] = {0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4};
static char byte_bits[256];
static int nibble_count(unsigned long x) {
  int c = nibble_bits[x & 0x0f];
  if ((x >>= 4) != 0) c += nibble_count(x);
  return c;
}
static int table_count(long x) {
  const unsigned char *b = (const unsigned char *)&x;
  int c = 0;
  for (unsigned k = 0; k < sizeof x; k++) c += byte_bits[*b++];
  return c;
}
long count_bits(const long *v, int n, int *per) {
  long total = 0;
  for (int i = 0; i < n; i++) {
    per[i] = table_count(v[i]);
    total += per[i] + nibble_count((unsigned long)v[i]);
  }
  return total;
}

/* susan: the principle response over a 3x3 mask */
void susan_principle(const unsigned char *in, int *r, const unsigned char *bp, int max_no,
                     int x_size, int y_size) {
  memset(r, 0, (size_t)x_size * (size_t)y_size * sizeof(int));
  for (int i = 1; i < y_size - 1; i++)
    for (int j = 1; j < x_size - 1; j++) {
      int n = 100;
      const unsigned char *p = in + (i - 1) * x_size + j - 1;
      const unsigned char *cp = bp + in[i * x_size + j];
      n += *(cp - *p++);
      n += *(cp - *p++);
      n += *(cp - *p);
      p += x_size - 2;
      n += *(cp - *p);
      p += 2;
      n += *(cp - *p);
      p += x_size - 2;
      n += *(cp - *p++);
      n += *(cp - *p++);
      n += *(cp - *p);
      if (n <= max_no) r[i * x_size + j] = max_no - n;
    }
}

/* dijkstra */
#define NODES 12
struct qitem { int node, dist; struct qitem *next; };
void shortest_paths(const int (*adj)[NODES], int src, int *dist) {
  struct qitem *head = NULL, *tail = NULL;
  for (int i = 0; i < NODES; i++) dist[i] = 1 << 29;
  dist[src] = 0;
  head = tail = malloc(sizeof *head);
  *head = (struct qitem){src, 0, NULL};
  while (head) {
    struct qitem *q = head;
    head = head->next;
    if (!head) tail = NULL;
    for (int v = 0; v < NODES; v++) {
      int w = adj[q->node][v];
      if (w != 9999 && dist[v] > q->dist + w) {
        dist[v] = q->dist + w;
        struct qitem *e = malloc(sizeof *e);
        *e = (struct qitem){v, dist[v], NULL};
        if (tail) tail->next = e; else head = e;
        tail = e;
      }
    }
    free(q);
  }
}

/* blowfish */
struct bf_key { uint32_t P[18]; uint32_t S[4 * 256]; };
static uint32_t bf_f(const struct bf_key *k, uint32_t x) {
  return ((k->S[(x >> 24) & 0xff] + k->S[256 + ((x >> 16) & 0xff)]) ^ k->S[512 + ((x >> 8) & 0xff)]) +
         k->S[768 + (x & 0xff)];
}
void bf_encrypt_blocks(const struct bf_key *key, uint32_t *data, int blocks) {
  for (int b = 0; b < blocks; b++) {
    uint32_t l = data[2 * b], r = data[2 * b + 1];
    for (int i = 0; i < 16; i += 2) {
      l ^= key->P[i];
      r ^= bf_f(key, l);
      r ^= key->P[i + 1];
      l ^= bf_f(key, r);
    }
    l ^= key->P[16];
    r ^= key->P[17];
    data[2 * b] = r;
    data[2 * b + 1] = l;
  }
}

/* rijndael-like: s-box substitution, a word rotation and round keys */
void aes_like(const uint8_t *sbox, const uint32_t *rk, int rounds, uint32_t *state, int blocks) {
  for (int b = 0; b < blocks; b++) {
    uint32_t *s = state + 4 * b;
    for (int c = 0; c < 4; c++) s[c] ^= rk[c];
    for (int r = 1; r <= rounds; r++) {
      uint32_t t[4];
      for (int c = 0; c < 4; c++)
        t[c] = ((uint32_t)sbox[s[c] >> 24] << 24 | (uint32_t)sbox[(s[(c + 1) & 3] >> 16) & 0xff] << 16 |
                (uint32_t)sbox[(s[(c + 2) & 3] >> 8) & 0xff] << 8 | sbox[s[(c + 3) & 3] & 0xff]) ^
               rk[4 * r + c];
      memcpy(s, t, sizeof t);
    }
  }
}

/* sha */
struct sha_info { uint32_t digest[5]; uint32_t count_lo, count_hi; uint32_t data[16]; };
#define ROT32(x, n) (((x) << (n)) | ((x) >> (32 - (n))))
static void sha_transform(struct sha_info *si) {
  uint32_t W[80];
  for (int i = 0; i < 16; i++) W[i] = si->data[i];
  for (int i = 16; i < 80; i++) W[i] = ROT32(W[i - 3] ^ W[i - 8] ^ W[i - 14] ^ W[i - 16], 1);
  uint32_t A = si->digest[0], B = si->digest[1], C = si->digest[2], D = si->digest[3], E = si->digest[4];
  for (int i = 0; i < 80; i++) {
    uint32_t f = i < 20 ? (B & C) | (~B & D) : i < 40 ? B ^ C ^ D : i < 60 ? (B & C) | (B & D) | (C & D) : B ^ C ^ D;
    uint32_t k = i < 20 ? 0x5a827999u : i < 40 ? 0x6ed9eba1u : i < 60 ? 0x8f1bbcdcu : 0xca62c1d6u;
    uint32_t temp = ROT32(A, 5) + f + E + W[i] + k;
    E = D; D = C; C = ROT32(B, 30); B = A; A = temp;
  }
  si->digest[0] += A; si->digest[1] += B; si->digest[2] += C; si->digest[3] += D; si->digest[4] += E;
}
void sha_update(struct sha_info *si, const uint8_t *buffer, int count) {
  si->count_lo += (uint32_t)count << 3;
  while (count >= 64) {
    memcpy(si->data, buffer, 64);
    sha_transform(si);
    buffer += 64;
    count -= 64;
  }
  memcpy(si->data, buffer, (size_t)count);
}

/* CRC32 */
uint32_t crc32_buffer(const uint32_t *table, const unsigned char *buf, size_t len) {
  uint32_t crc = 0xffffffffu;
  while (len--) crc = table[(crc ^ *buf++) & 0xff] ^ (crc >> 8);
  return ~crc;
}

/* FFT: the bit-reversed copy and the butterflies */
static unsigned reverse_bits(unsigned index, unsigned bits) {
  unsigned rev = 0;
  for (unsigned i = 0; i < bits; i++) { rev = (rev << 1) | (index & 1); index >>= 1; }
  return rev;
}
void fft_float(unsigned n, const float *real_in, float *real_out, float *imag_out) {
  unsigned bits = 0;
  while ((1u << bits) < n) bits++;
  for (unsigned i = 0; i < n; i++) {
    unsigned j = reverse_bits(i, bits);
    real_out[j] = real_in[i];
    imag_out[j] = 0;
  }
  for (unsigned block_end = 1, block = 2; block <= n; block_end = block, block <<= 1) {
    double delta = -2 * 3.14159265358979 / block;
    for (unsigned i = 0; i < n; i += block)
      for (unsigned j = i, k = 0; k < block_end; j++, k++) {
        double c = cos(delta * k), s = sin(delta * k);
        unsigned m = j + block_end;
        double tr = c * real_out[m] - s * imag_out[m], ti = c * imag_out[m] + s * real_out[m];
        real_out[m] = (float)(real_out[j] - tr);
        imag_out[m] = (float)(imag_out[j] - ti);
        real_out[j] += (float)tr;
        imag_out[j] += (float)ti;
      }
  }
}

/* basicmath */
struct int_sqrt { unsigned long sqrt, frac; };
static void usqrt(unsigned long x, struct int_sqrt *q) {
  unsigned long a = 0, r = 0, e;
  for (int i = 0; i < 32; i++) {
    r = (r << 2) + ((x & (3ul << 30)) >> 30);
    x <<= 2;
    a <<= 1;
    e = (a << 1) + 1;
    if (r >= e) { r -= e; a++; }
  }
  q->sqrt = a >> 16;
  q->frac = a & 0xffff;
}
void solve_cubics(const double *coef, int n, double *roots, int *nroots) {
  for (int c = 0; c < n; c++) {
    const double *k = coef + 4 * c;
    double a1 = k[1] / k[0], a2 = k[2] / k[0], a3 = k[3] / k[0];
    double Q = (a1 * a1 - 3 * a2) / 9, R = (2 * a1 * a1 * a1 - 9 * a1 * a2 + 27 * a3) / 54;
    double R2_Q3 = R * R - Q * Q * Q;
    double *x = roots + 3 * c;
    if (R2_Q3 <= 0) {
      double theta = acos(R / sqrt(Q * Q * Q));
      nroots[c] = 3;
      x[0] = -2 * sqrt(Q) * cos(theta / 3) - a1 / 3;
      x[1] = -2 * sqrt(Q) * cos((theta + 2 * 3.14159265358979) / 3) - a1 / 3;
      x[2] = -2 * sqrt(Q) * cos((theta + 4 * 3.14159265358979) / 3) - a1 / 3;
    } else {
      nroots[c] = 1;
      x[0] = pow(sqrt(R2_Q3) + fabs(R), 1 / 3.0);
      x[0] += Q / x[0];
      x[0] *= (R < 0) ? 1 : -1;
      x[0] -= a1 / 3;
    }
  }
}
void integer_roots(const unsigned long *v, int n, struct int_sqrt *out) {
  for (int i = 0; i < n; i++) usqrt(v[i], out + i);
}

/* stringsearch: Horspool */
int horspool(const char *text, int n, const char *pat, int m, int *hits) {
  int skip[256], found = 0;
  for (int c = 0; c < 256; c++) skip[c] = m;
  for (int k = 0; k < m - 1; k++) skip[(unsigned char)pat[k]] = m - 1 - k;
  int i = 0;
  while (i <= n - m) {
    int k = m - 1;
    while (k >= 0 && text[i + k] == pat[k]) k--;
    if (k < 0) hits[found++] = i;
    i += skip[(unsigned char)text[i + m - 1]];
  }
  return found;
}

/* qsort of records by name */
struct person { char name[12]; int age; };
static int by_name(const void *a, const void *b) {
  return strcmp(((const struct person *)a)->name, ((const struct person *)b)->name);
}
void sort_people(struct person *p, int lo, int hi) { qsort(p + lo, (size_t)(hi - lo), sizeof *p, by_name); }

int main(void) {
  for (int i = 0; i < 256; i++) byte_bits[i] = (char)(nibble_bits[i & 15] + nibble_bits[i >> 4]);
  long *v = malloc(20 * sizeof(long));
  int *per = malloc(20 * sizeof(int));
  for (int i = 0; i < 20; i++) v[i] = (long)i * 0x9e3779b97f4a7c15L;
  long bits;
  #pragma dosc task
  bits = count_bits(v, 20, per);

  int xs = 9, ys = 7;
  unsigned char *img = malloc((size_t)(xs * ys));
  for (int i = 0; i < xs * ys; i++) img[i] = (unsigned char)((i * 37) % 251);
  unsigned char *lut = malloc(516);
  for (int k = -256; k <= 257; k++) {
    double t = (double)k / 20;
    lut[k + 258] = (unsigned char)(100 * exp(-t * t));
  }
  int *resp = malloc((size_t)(xs * ys) * sizeof(int));
  #pragma dosc task
  susan_principle(img, resp, lut + 258, 730, xs, ys);

  int (*adj)[NODES] = malloc(sizeof(int[NODES][NODES]));
  for (int i = 0; i < NODES; i++)
    for (int j = 0; j < NODES; j++) adj[i][j] = (i * 7 + j * 3) % 5 == 0 ? 9999 : (i * 13 + j * 11) % 17 + 1;
  int *dist = malloc(NODES * sizeof(int));
  #pragma dosc task
  shortest_paths((const int (*)[NODES])adj, 3, dist);

  struct bf_key *key = malloc(sizeof *key);
  for (int i = 0; i < 18; i++) key->P[i] = 0x243f6a88u * (uint32_t)(i + 1);
  for (int i = 0; i < 1024; i++) key->S[i] = (uint32_t)i * 2654435761u;
  uint32_t *blocks = malloc(8 * sizeof(uint32_t));
  for (int i = 0; i < 8; i++) blocks[i] = (uint32_t)i * 77u;
  #pragma dosc task
  bf_encrypt_blocks(key, blocks + 2, 3);

  uint8_t *sbox = malloc(256);
  for (int i = 0; i < 256; i++) sbox[i] = (uint8_t)(i * 7 + 99);
  uint32_t *rk = malloc(4 * 11 * sizeof(uint32_t));
  for (int i = 0; i < 44; i++) rk[i] = (uint32_t)i * 0x01010101u;
  uint32_t *st = malloc(12 * sizeof(uint32_t));
  for (int i = 0; i < 12; i++) st[i] = (uint32_t)i * 0x11111111u;
  #pragma dosc task
  aes_like(sbox, rk, 10, st, 3);

  struct sha_info *si = calloc(1, sizeof *si);
  si->digest[0] = 0x67452301u; si->digest[1] = 0xefcdab89u; si->digest[2] = 0x98badcfeu;
  si->digest[3] = 0x10325476u; si->digest[4] = 0xc3d2e1f0u;
  uint8_t *msg = malloc(150);
  for (int i = 0; i < 150; i++) msg[i] = (uint8_t)(i * 3);
  #pragma dosc task
  sha_update(si, msg, 150);

  uint32_t *crc_table = malloc(256 * sizeof(uint32_t));
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
    crc_table[i] = c;
  }
  uint32_t crc;
  #pragma dosc task
  crc = crc32_buffer(crc_table, msg + 10, 100);

  float *rin = malloc(16 * sizeof(float)), *rout = malloc(16 * sizeof(float)), *iout = malloc(16 * sizeof(float));
  for (int i = 0; i < 16; i++) rin[i] = (float)((i * 5) % 7);
  #pragma dosc task
  fft_float(16, rin, rout, iout);

  double *coef = malloc(12 * sizeof(double)), *roots = malloc(9 * sizeof(double));
  int *nroots = malloc(3 * sizeof(int));
  double cs[12] = {1, -10.5, 32, -30, 1, -4.5, 17, -30, 1, -3.5, 22, -31};
  memcpy(coef, cs, sizeof cs);
  #pragma dosc task
  solve_cubics(coef, 3, roots, nroots);
  unsigned long *sq = malloc(6 * sizeof(unsigned long));
  for (int i = 0; i < 6; i++) sq[i] = 1000ul * (unsigned long)(i * i + 3);
  struct int_sqrt *sqo = malloc(6 * sizeof *sqo);
  #pragma dosc task
  integer_roots(sq, 6, sqo);

  const char *words = "the quick brown fox jumps over the lazy dog then the fox naps";
  char *text = malloc(strlen(words) + 1);
  strcpy(text, words);
  int *hits = malloc(8 * sizeof(int)), nhits;
  #pragma dosc task
  nhits = horspool(text, (int)strlen(text), "the", 3, hits);

  struct person *people = malloc(8 * sizeof *people);
  const char *names[8] = {"olga", "bram", "ines", "zoe", "abel", "kim", "lars", "ada"};
  for (int i = 0; i < 8; i++) { strcpy(people[i].name, names[i]); people[i].age = 20 + i; }
  #pragma dosc task
  sort_people(people, 2, 7);
  #pragma dosc taskwait

  long sum = bits;
  for (int i = 0; i < 20; i++) sum += per[i] * (i + 1);
  for (int i = 0; i < xs * ys; i++) sum += resp[i] * (i % 5 + 1);
  for (int i = 0; i < NODES; i++) sum += dist[i] * (i + 1);
  for (int i = 0; i < 8; i++) sum += blocks[i] % 1000;
  for (int i = 0; i < 12; i++) sum += st[i] % 1000;
  for (int i = 0; i < 5; i++) sum += si->digest[i] % 1000;
  sum += crc % 1000;
  for (int i = 0; i < 16; i++) sum += (long)(rout[i] * 10) + (long)(iout[i] * 10);
  for (int i = 0; i < 3; i++) sum += nroots[i];
  for (int i = 0; i < 3; i++) sum += (long)(roots[3 * i] * 100);
  for (int i = 0; i < 6; i++) sum += (long)sqo[i].sqrt + (long)sqo[i].frac % 100;
  for (int i = 0; i < nhits; i++) sum += hits[i];
  printf("mibench: %ld", sum);
  for (int i = 0; i < 8; i++) printf(" %s", people[i].name);
  printf("\n");
  return 0;
}
