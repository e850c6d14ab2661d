/* source_hash.c - a unit's source hash: SHA-256 (FIPS 180-4) over its sources and flags.
 *
 * Written out here rather than taken from libcrypto: OpenSSL 3 reads its configuration and
 * loads a provider before the first digest, some 3 ms, more than the dosc-cc launcher may
 * spend on a whole compile. ManifestCoding.swift's Manifest.sourceHash calls this too, so the
 * tool and the launcher hash alike; the golden manifests' hashes check it.
 */
#include "dosc_cc.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct sha256 {
  uint32_t state[8];
  uint64_t length; /* bytes hashed */
  unsigned char block[64];
  size_t used; /* bytes in block */
} sha256;

static const uint32_t round_constants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static uint32_t rotate(uint32_t x, int n) {
  return (x >> n) | (x << (32 - n));
}

static void compress(sha256 *h, const unsigned char *block) {
  uint32_t w[64];
  for (int i = 0; i < 16; i++)
    w[i] = (uint32_t)block[4 * i] << 24 | (uint32_t)block[4 * i + 1] << 16 |
           (uint32_t)block[4 * i + 2] << 8 | block[4 * i + 3];
  for (int i = 16; i < 64; i++) {
    uint32_t s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = h->state[0], b = h->state[1], c = h->state[2], d = h->state[3];
  uint32_t e = h->state[4], f = h->state[5], g = h->state[6], k = h->state[7];
  for (int i = 0; i < 64; i++) {
    uint32_t t1 = k + (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) + ((e & f) ^ (~e & g)) +
                  round_constants[i] + w[i];
    uint32_t t2 = (rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    k = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h->state[0] += a;
  h->state[1] += b;
  h->state[2] += c;
  h->state[3] += d;
  h->state[4] += e;
  h->state[5] += f;
  h->state[6] += g;
  h->state[7] += k;
}

static void start(sha256 *h) {
  static const uint32_t initial[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  memcpy(h->state, initial, sizeof initial);
  h->length = 0;
  h->used = 0;
}

static void update(sha256 *h, const void *data, size_t size) {
  const unsigned char *bytes = data;
  h->length += size;
  while (size > 0) {
    size_t take = 64 - h->used < size ? 64 - h->used : size;
    memcpy(h->block + h->used, bytes, take);
    h->used += take;
    bytes += take;
    size -= take;
    if (h->used == 64) {
      compress(h, h->block);
      h->used = 0;
    }
  }
}

static void finish(sha256 *h, unsigned char digest[32]) {
  uint64_t bits = h->length * 8;
  static const unsigned char padding[64] = {0x80};
  update(h, padding, h->used < 56 ? 56 - h->used : 120 - h->used);
  unsigned char length[8];
  for (int i = 0; i < 8; i++)
    length[i] = (unsigned char)(bits >> (56 - 8 * i));
  update(h, length, 8);
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < 4; j++)
      digest[4 * i + j] = (unsigned char)(h->state[i] >> (24 - 8 * j));
}

int dosc_source_hash(size_t source_count, const char *const *names,
                     const unsigned char *const *contents, const size_t *lengths, size_t flag_count,
                     const char *const *flags, char hex[65]) {
  sha256 h;
  static const unsigned char nul = 0;
  start(&h);
  for (size_t i = 0; i < source_count; i++) {
    update(&h, names[i], strlen(names[i]));
    update(&h, &nul, 1);
    update(&h, contents[i], lengths[i]);
    update(&h, &nul, 1);
  }
  for (size_t i = 0; i < flag_count; i++) {
    update(&h, flags[i], strlen(flags[i]));
    update(&h, &nul, 1);
  }
  unsigned char digest[32];
  finish(&h, digest);
  for (int i = 0; i < 32; i++)
    snprintf(hex + 2 * i, 3, "%02x", digest[i]);
  return 0;
}
