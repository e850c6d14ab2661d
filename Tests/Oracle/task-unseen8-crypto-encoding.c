/* Crypto, checksum and encoding kernels over byte buffers (branch unseen8), written anew the
   way the public reference codes are (FIPS 180 SHA-256, RFC 8439 ChaCha20, RC4, XTEA in CBC
   mode, zlib's Adler-32, CRC-16/CCITT bitwise, RFC 4648 base64), converted as a user would,
   each a task on a message or a block range: SHA-256 over whole 64-byte blocks
   (`i + 64 <= len`) and a padded tail made with memcpy/memset of computed sizes, spawned on
   messages of 0, 1, 55, 56, 64 and 119 bytes at offsets into one buffer; ChaCha20's quarter
   round as a comma-operator macro and `*buf++ ^= ks[i]` under `while (len > 0)`; RC4's key
   schedule `key[i % keylen]` and its `uint8_t` indices wrapping at 256; XTEA's `k[sum & 3]`
   and `k[(sum >> 11) & 3]` chained across blocks; Adler-32's `do { ... *buf++ } while (--n)`
   in chunks of NMAX; a CRC-16 with a `goto` loop; Duff's device copying shorts (a `switch`
   into a `do`/`while`); base64 encoding with the output index `o++` and the tail by
   `n - i`, and decoding through a 256-entry table indexed by the data's bytes, skipping
   characters that are not in the alphabet; and word byte swaps through a union. Empty and
   one-byte inputs beside the others. The program prints a checksum. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* SHA-256 */
static const uint32_t K256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha256_block(uint32_t *h, const uint8_t *p) {
  uint32_t w[64];
  for (int i = 0; i < 16; i++, p += 4)
    w[i] = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
  for (int i = 16; i < 64; i++) {
    uint32_t s0 = ROTR(w[i - 15], 7) ^ ROTR(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = ROTR(w[i - 2], 17) ^ ROTR(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int i = 0; i < 64; i++) {
    uint32_t t1 = hh + (ROTR(e, 6) ^ ROTR(e, 11) ^ ROTR(e, 25)) + ((e & f) ^ (~e & g)) + K256[i] + w[i];
    uint32_t t2 = (ROTR(a, 2) ^ ROTR(a, 13) ^ ROTR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    hh = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
  }
  h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
}

void sha256(const uint8_t *msg, size_t len, uint8_t *digest) {
  uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  size_t i;
  for (i = 0; i + 64 <= len; i += 64) sha256_block(h, msg + i);
  uint8_t tail[128];
  size_t rem = len - i;
  memcpy(tail, msg + i, rem);
  tail[rem] = 0x80;
  size_t padlen = rem < 56 ? 64 : 128;
  memset(tail + rem + 1, 0, padlen - rem - 1 - 8);
  uint64_t bits = (uint64_t)len * 8;
  for (int k = 0; k < 8; k++) tail[padlen - 1 - k] = (uint8_t)(bits >> (8 * k));
  for (size_t off = 0; off < padlen; off += 64) sha256_block(h, tail + off);
  for (int k = 0; k < 8; k++) {
    digest[4 * k] = (uint8_t)(h[k] >> 24);
    digest[4 * k + 1] = (uint8_t)(h[k] >> 16);
    digest[4 * k + 2] = (uint8_t)(h[k] >> 8);
    digest[4 * k + 3] = (uint8_t)h[k];
  }
}

/* ChaCha20 */
#define ROTL(x, n) (((x) << (n)) | ((x) >> (32 - (n))))
#define QR(a, b, c, d)                                                                             \
  (a += b, d ^= a, d = ROTL(d, 16), c += d, b ^= c, b = ROTL(b, 12), a += b, d ^= a,               \
   d = ROTL(d, 8), c += d, b ^= c, b = ROTL(b, 7))

void chacha20_xor(const uint32_t key[8], uint32_t counter, const uint32_t nonce[3], uint8_t *buf,
                  size_t len) {
  uint32_t st[16], x[16];
  uint8_t ks[64];
  while (len > 0) {
    st[0] = 0x61707865, st[1] = 0x3320646e, st[2] = 0x79622d32, st[3] = 0x6b206574;
    memcpy(st + 4, key, 8 * sizeof(uint32_t));
    st[12] = counter++;
    memcpy(st + 13, nonce, 3 * sizeof(uint32_t));
    memcpy(x, st, sizeof x);
    for (int r = 0; r < 10; r++) {
      QR(x[0], x[4], x[8], x[12]), QR(x[1], x[5], x[9], x[13]);
      QR(x[2], x[6], x[10], x[14]), QR(x[3], x[7], x[11], x[15]);
      QR(x[0], x[5], x[10], x[15]), QR(x[1], x[6], x[11], x[12]);
      QR(x[2], x[7], x[8], x[13]), QR(x[3], x[4], x[9], x[14]);
    }
    for (int i = 0; i < 16; i++) {
      uint32_t v = x[i] + st[i];
      ks[4 * i] = (uint8_t)v, ks[4 * i + 1] = (uint8_t)(v >> 8);
      ks[4 * i + 2] = (uint8_t)(v >> 16), ks[4 * i + 3] = (uint8_t)(v >> 24);
    }
    size_t n = len < 64 ? len : 64;
    for (size_t i = 0; i < n; i++) *buf++ ^= ks[i];
    len -= n;
  }
}

/* RC4 */
void rc4(const uint8_t *key, int keylen, uint8_t *data, int n) {
  uint8_t S[256];
  for (int i = 0; i < 256; i++) S[i] = (uint8_t)i;
  for (int i = 0, j = 0; i < 256; i++) {
    j = (j + S[i] + key[i % keylen]) & 255;
    uint8_t t = S[i];
    S[i] = S[j], S[j] = t;
  }
  uint8_t i = 0, j = 0;
  for (int k = 0; k < n; k++) {
    i++;
    j += S[i];
    uint8_t t = S[i];
    S[i] = S[j], S[j] = t;
    data[k] ^= S[(uint8_t)(S[i] + S[j])];
  }
}

/* XTEA in CBC mode over nblocks 64-bit blocks */
void xtea_cbc(const uint32_t k[4], uint32_t *v, int nblocks, uint32_t iv0, uint32_t iv1) {
  for (int b = 0; b < nblocks; b++) {
    uint32_t v0 = v[2 * b] ^ iv0, v1 = v[2 * b + 1] ^ iv1, sum = 0, delta = 0x9E3779B9;
    for (int r = 0; r < 32; r++) {
      v0 += (((v1 << 4) ^ (v1 >> 5)) + v1) ^ (sum + k[sum & 3]);
      sum += delta;
      v1 += (((v0 << 4) ^ (v0 >> 5)) + v0) ^ (sum + k[(sum >> 11) & 3]);
    }
    v[2 * b] = iv0 = v0;
    v[2 * b + 1] = iv1 = v1;
  }
}

/* Adler-32 (zlib's loop shape, a small NMAX so that the chunks show) */
#define NMAX 37
#define BASE 65521u
uint32_t adler32(uint32_t adler, const uint8_t *buf, size_t len) {
  uint32_t a = adler & 0xffff, b = adler >> 16;
  while (len > 0) {
    size_t n = len < NMAX ? len : NMAX;
    len -= n;
    do {
      a += *buf++;
      b += a;
    } while (--n);
    a %= BASE;
    b %= BASE;
  }
  return b << 16 | a;
}

/* CRC-16/CCITT, bit by bit, the byte loop made with goto */
uint16_t crc16(const uint8_t *p, int n) {
  uint16_t crc = 0xffff;
  int i = 0;
next:
  if (i >= n) return crc;
  crc ^= (uint16_t)(p[i] << 8);
  for (int b = 0; b < 8; b++) crc = crc & 0x8000 ? (uint16_t)(crc << 1 ^ 0x1021) : (uint16_t)(crc << 1);
  i++;
  goto next;
}

/* Duff's device */
void duff_copy(short *to, const short *from, int count) {
  if (count <= 0) return;
  int n = (count + 7) / 8;
  switch (count % 8) {
  case 0:
    do {
      *to++ = *from++;
    case 7:
      *to++ = *from++;
    case 6:
      *to++ = *from++;
    case 5:
      *to++ = *from++;
    case 4:
      *to++ = *from++;
    case 3:
      *to++ = *from++;
    case 2:
      *to++ = *from++;
    case 1:
      *to++ = *from++;
    } while (--n > 0);
  }
}

/* base64 */
static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int b64_encode(const uint8_t *in, int n, char *out) {
  int o = 0, i = 0;
  for (; i + 2 < n; i += 3) {
    uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8 | in[i + 2];
    out[o++] = b64[v >> 18 & 63];
    out[o++] = b64[v >> 12 & 63];
    out[o++] = b64[v >> 6 & 63];
    out[o++] = b64[v & 63];
  }
  switch (n - i) {
  case 2: {
    uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8;
    out[o++] = b64[v >> 18 & 63], out[o++] = b64[v >> 12 & 63], out[o++] = b64[v >> 6 & 63];
    out[o++] = '=';
    break;
  }
  case 1: {
    uint32_t v = (uint32_t)in[i] << 16;
    out[o++] = b64[v >> 18 & 63], out[o++] = b64[v >> 12 & 63];
    out[o++] = '=', out[o++] = '=';
    break;
  }
  default:
    break;
  }
  out[o] = '\0';
  return o;
}

/* the decoding table: -1 for bytes outside the alphabet */
static signed char d64[256];

int b64_decode(const signed char *table, const char *in, int n, uint8_t *out) {
  uint32_t acc = 0;
  int bits = 0, o = 0;
  for (int i = 0; i < n; i++) {
    int v = table[(unsigned char)in[i]];
    if (v < 0) continue;
    acc = acc << 6 | (uint32_t)v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (uint8_t)(acc >> bits);
    }
  }
  return o;
}

/* 32-bit words byte-swapped through a union */
union word {
  uint32_t w;
  uint8_t b[4];
};

void bswap_words(union word *u, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    uint8_t t0 = u[i].b[0], t1 = u[i].b[1];
    u[i].b[0] = u[i].b[3], u[i].b[1] = u[i].b[2];
    u[i].b[2] = t1, u[i].b[3] = t0;
  }
}

int main(void) {
  unsigned long sum = 0;
  uint8_t *text = malloc(400);
  for (int i = 0; i < 400; i++) text[i] = (uint8_t)(i * 7 + (i >> 3));

  /* SHA-256 of 6 messages carved from `text` */
  static const int lens[6] = {0, 1, 55, 56, 64, 119};
  uint8_t *digests = malloc(6 * 32);
  for (int m = 0, off = 0; m < 6; off += lens[m], m++) {
#pragma dosc task
    sha256(text + off, (size_t)lens[m], digests + 32 * m);
  }
#pragma dosc taskwait
  for (int i = 0; i < 6 * 32; i++) sum = sum * 31 + digests[i];

  /* ChaCha20 over 150 bytes, 64 bytes, 0 bytes */
  uint32_t *key = malloc(8 * sizeof(uint32_t)), *nonce = malloc(3 * sizeof(uint32_t));
  for (int i = 0; i < 8; i++) key[i] = 0x03020100u + 0x04040404u * (uint32_t)i;
  nonce[0] = 0x09000000, nonce[1] = 0x4a000000, nonce[2] = 0;
  uint8_t *stream = malloc(214);
  memcpy(stream, text + 100, 214);
#pragma dosc task
  chacha20_xor(key, 1, nonce, stream, 150);
#pragma dosc task
  chacha20_xor(key, 7, nonce, stream + 150, 64);
#pragma dosc task
  chacha20_xor(key, 9, nonce, stream + 214, 0);
#pragma dosc taskwait
  for (int i = 0; i < 214; i++) sum = sum * 31 + stream[i];

  /* RC4 with keys of 5 and 1 bytes, 100 and 0 bytes of data */
  uint8_t *rdata = malloc(100);
  memcpy(rdata, text, 100);
#pragma dosc task
  rc4(text + 300, 5, rdata, 60);
#pragma dosc task
  rc4(text + 310, 1, rdata + 60, 40);
#pragma dosc task
  rc4(text + 320, 16, rdata + 100, 0);
#pragma dosc taskwait
  for (int i = 0; i < 100; i++) sum = sum * 31 + rdata[i];

  /* XTEA-CBC: 5 blocks, 1 block, none */
  uint32_t *xk = malloc(4 * sizeof(uint32_t)), *xv = malloc(12 * sizeof(uint32_t));
  for (int i = 0; i < 4; i++) xk[i] = 0x01234567u * (uint32_t)(i + 1);
  for (int i = 0; i < 12; i++) xv[i] = (uint32_t)i * 0x9abcdefu;
#pragma dosc task
  xtea_cbc(xk, xv, 5, 1, 2);
#pragma dosc task
  xtea_cbc(xk, xv + 10, 1, 3, 4);
#pragma dosc task
  xtea_cbc(xk, xv + 12, 0, 0, 0);
#pragma dosc taskwait
  for (int i = 0; i < 12; i++) sum = sum * 31 + xv[i];

  /* Adler-32 and CRC-16 of 0, 1, 36, 37, 38 and 200 bytes */
  static const int clens[6] = {0, 1, 36, 37, 38, 200};
  uint32_t adl[6];
  uint16_t crc[6];
  for (int m = 0; m < 6; m++) {
#pragma dosc task
    adl[m] = adler32(1, text + m * 20, (size_t)clens[m]);
#pragma dosc task
    crc[m] = crc16(text + 150 - m, clens[m]);
  }
#pragma dosc taskwait
  for (int m = 0; m < 6; m++) sum = sum * 31 + adl[m] + 7u * crc[m];

  /* Duff's device: 21, 8, 1 and 0 shorts */
  short *src = malloc(40 * sizeof(short)), *dst = calloc(40, sizeof(short));
  for (int i = 0; i < 40; i++) src[i] = (short)(i * 3 - 50);
#pragma dosc task
  duff_copy(dst, src + 2, 21);
#pragma dosc task
  duff_copy(dst + 21, src, 8);
#pragma dosc task
  duff_copy(dst + 29, src + 39, 1);
#pragma dosc task
  duff_copy(dst + 30, src, 0);
#pragma dosc taskwait
  for (int i = 0; i < 40; i++) sum = sum * 31 + (unsigned short)dst[i];

  /* base64: encode 0..5 and 31 bytes, then decode what came out (with spaces in between) */
  char *enc = malloc(7 * 48);
  int elen[7];
  for (int m = 0; m < 7; m++) {
    int n = m < 6 ? m : 31;
#pragma dosc task
    elen[m] = b64_encode(text + 10 * m, n, enc + 48 * m);
  }
#pragma dosc taskwait
  for (int i = 0; i < 256; i++) d64[i] = -1;
  for (int i = 0; i < 64; i++) d64[(unsigned char)b64[i]] = (signed char)i;
  char *spaced = malloc(7 * 96);
  int slen[7];
  for (int m = 0; m < 7; m++) {
    int k = 0;
    for (int i = 0; i < elen[m]; i++) {
      if (i % 5 == 2) spaced[96 * m + k++] = ' ';
      spaced[96 * m + k++] = enc[48 * m + i];
    }
    slen[m] = k;
  }
  uint8_t *dec = malloc(7 * 40);
  int dlen[7];
  for (int m = 0; m < 7; m++) {
#pragma dosc task
    dlen[m] = b64_decode(d64, spaced + 96 * m, slen[m], dec + 40 * m);
  }
#pragma dosc taskwait
  for (int m = 0; m < 7; m++) {
    sum = sum * 31 + (unsigned)elen[m] * 3u + (unsigned)dlen[m];
    for (int i = 0; i < elen[m]; i++) sum = sum * 31 + (unsigned char)enc[48 * m + i];
    for (int i = 0; i < dlen[m]; i++) sum = sum * 31 + dec[40 * m + i];
  }

  /* union words */
  union word *words = malloc(10 * sizeof(union word));
  for (int i = 0; i < 10; i++) words[i].w = 0x01020304u * (uint32_t)(i + 1);
#pragma dosc task
  bswap_words(words, 0, 7);
#pragma dosc task
  bswap_words(words, 7, 10);
#pragma dosc task
  bswap_words(words, 10, 10);
#pragma dosc taskwait
  for (int i = 0; i < 10; i++) sum = sum * 31 + words[i].w;

  printf("crypto-encoding: checksum %lu\n", sum);
  free(text), free(digests), free(key), free(nonce), free(stream), free(rdata), free(xk), free(xv);
  free(src), free(dst), free(enc), free(spaced), free(dec), free(words);
  return 0;
}
