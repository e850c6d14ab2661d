/* CoyoteBench's huffbench (Scott Robert Ladd, 2003, "No rights reserved. This is public domain
   software"), Huffman compression and decompression in place, as dosc tasks (branch unseen12), read
   from llvm/llvm-test-suite, SingleSource/Benchmarks/CoyoteBench/huffbench.c: the shapes kept, the
   code written anew around them, a task per block of the test data instead of one call on all of
   it, the compressed length returned:
   - the frequency count through a walking `byte *dptr` (`++freq[(size_t)(*dptr)]; ++dptr;`) into
     a local `size_t freq[512]`, the indirect heap `size_t heap[256]` built and kept by
     heap_adjust(freq, heap, n, k) with one-based `heap[k-1]`, `heap[j-1]` and `freq[heap[j]]`;
     the trie in `int link[512]` with negative links for left children (`link[heap[0]] = -256 -
     n`), codes found by walking `l = link[l]`;
   - the encoder's bit loop writing `comp[comp_len]` into a buffer malloc'd by the task (`char
     bout`, `int bit = -1`), `mask = 1 << (clen[(*dptr)] - 1)` (the data's bytes as indices into
     local tables), the decode table sorted by insertion (`while ((j) && (heap2[j-1] > t))`), the
     search `for (j = 0; heap2[j] == 0; ++j);`, and the decoder writing `(*dptr) = outc[i]` back
     over the block through `dptr` while `cptr` walks the compressed bytes;
   - a task per block given `data + off` and its length (blocks of different lengths), and a
     task per block counting its symbols into its own row of a `size_t` table (`hist + b * 256`).
   The program prints the compressed lengths and a checksum of the data after the round trip. */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned long bits32;
typedef unsigned char byte;

static long seed = 1325;
static const long IA = 16807;
static const long IM = 2147483647;
static const long IQ = 127773;
static const long IR = 2836;
static const long MASK = 123459876;

static size_t random4() {
  long k;
  size_t result;
  seed ^= MASK;
  k = seed / IQ;
  seed = IA * (seed - k * IQ) - IR * k;
  if (seed < 0L) seed += IM;
  result = (size_t)(seed % 32L);
  seed ^= MASK;
  return result;
}

byte *generate_test_data(size_t n) {
  char *codes = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
  byte *result = (byte *)malloc(n);
  byte *ptr = result;
  int i;
  for (i = 0; i < n; ++i) {
    *ptr = (byte)codes[random4()];
    ++ptr;
  }
  return result;
}

static void heap_adjust(size_t *freq, size_t *heap, int n, int k) {
  int j;
  int v = heap[k - 1];
  while (k <= (n / 2)) {
    j = k + k;
    if ((j < n) && (freq[heap[j - 1]] > freq[heap[j]])) ++j;
    if (freq[v] < freq[heap[j - 1]]) break;
    heap[k - 1] = heap[j - 1];
    k = j;
  }
  heap[k - 1] = v;
}

void count_symbols(const byte *data, size_t data_len, size_t *hist) {
  const byte *dptr = data;
  size_t i;
  for (i = 0; i < 256; ++i) hist[i] = 0;
  for (i = 0; i < data_len; ++i) {
    ++hist[(size_t)(*dptr)];
    ++dptr;
  }
}

size_t compdecomp(byte *data, size_t data_len) {
  size_t i, j, n, mask;
  bits32 k, t;
  byte c;
  byte *cptr;
  byte *dptr = data;

  byte *comp = (byte *)malloc(data_len + 1);
  size_t freq[512];
  size_t heap[256];
  int link[512];
  bits32 code[256];
  byte clen[256];
  memset(comp, 0, sizeof(byte) * (data_len + 1));
  memset(freq, 0, sizeof(size_t) * 512);
  memset(heap, 0, sizeof(size_t) * 256);
  memset(link, 0, sizeof(int) * 512);
  memset(code, 0, sizeof(bits32) * 256);
  memset(clen, 0, sizeof(byte) * 256);

  for (i = 0; i < data_len; ++i) {
    ++freq[(size_t)(*dptr)];
    ++dptr;
  }
  n = 0;
  for (i = 0; i < 256; ++i) {
    if (freq[i]) {
      heap[n] = i;
      ++n;
    }
  }
  for (i = n; i > 0; --i) heap_adjust(freq, heap, n, i);

  size_t temp;
  while (n > 1) {
    --n;
    temp = heap[0];
    heap[0] = heap[n];
    heap_adjust(freq, heap, n, 1);
    freq[256 + n] = freq[heap[0]] + freq[temp];
    link[temp] = 256 + n;
    link[heap[0]] = -256 - n;
    heap[0] = 256 + n;
    heap_adjust(freq, heap, n, 1);
  }
  link[256 + n] = 0;

  size_t m, x, maxx = 0, maxi = 0;
  int l;
  for (m = 0; m < 256; ++m) {
    if (!freq[m]) {
      code[m] = 0;
      clen[m] = 0;
    } else {
      i = 0;
      j = 1;
      x = 0;
      l = link[m];
      while (l) {
        if (l < 0) {
          x += j;
          l = -l;
        }
        l = link[l];
        j <<= 1;
        ++i;
      }
      code[m] = (unsigned long)x;
      clen[m] = (unsigned char)i;
      if (x > maxx) maxx = x;
      if (i > maxi) maxi = i;
    }
  }
  if (maxi > (sizeof(unsigned long) * 8) || maxx == 0) {
    free(comp);
    return 0;
  }

  size_t comp_len = 0;
  char bout = 0;
  int bit = -1;
  dptr = data;
  for (j = 0; j < data_len; ++j) {
    mask = 1 << (clen[(*dptr)] - 1);
    for (i = 0; i < clen[(*dptr)]; ++i) {
      if (bit == 7) {
        comp[comp_len] = bout;
        ++comp_len;
        if (comp_len == data_len) {
          free(comp);
          return 0;
        }
        bit = 0;
        bout = 0;
      } else {
        ++bit;
        bout <<= 1;
      }
      if (code[(*dptr)] & mask) bout |= 1;
      mask >>= 1;
    }
    ++dptr;
  }
  bout <<= (7 - bit);
  comp[comp_len] = bout;
  ++comp_len;

  bits32 heap2[256];
  char outc[256];
  memset(heap2, 0, 256 * sizeof(bits32));
  char *optr = outc;
  for (j = 0; j < 256; ++j) {
    (*optr) = (char)j;
    ++optr;
    if (code[j] | clen[j]) {
      k = 0;
      mask = 1 << (clen[j] - 1);
      for (i = 0; i < clen[j]; ++i) {
        k = k * 2 + 1;
        if (code[j] & mask) ++k;
        mask >>= 1;
      }
      heap2[j] = k;
    }
  }
  for (i = 1; i < 256; ++i) {
    t = heap2[i];
    c = outc[i];
    j = i;
    while ((j) && (heap2[j - 1] > t)) {
      heap2[j] = heap2[j - 1];
      outc[j] = outc[j - 1];
      --j;
    }
    heap2[j] = t;
    outc[j] = c;
  }
  for (j = 0; heap2[j] == 0; ++j)
    ;

  k = 0;
  i = j;
  mask = 0x80;
  n = 0;
  cptr = comp;
  dptr = data;
  while (n < data_len) {
    k = k * 2 + 1;
    if ((*cptr) & mask) ++k;
    while (heap2[i] < k) ++i;
    if (k == heap2[i]) {
      (*dptr) = outc[i];
      ++dptr;
      ++n;
      k = 0;
      i = j;
    }
    if (mask > 1)
      mask >>= 1;
    else {
      mask = 0x80;
      ++cptr;
    }
  }
  free(comp);
  return comp_len;
}

#define TEST_SIZE 2000
#define NBLK 4

int main(void) {
  static const size_t off[NBLK + 1] = {0, 300, 900, 1333, TEST_SIZE};
  size_t clens[NBLK];
  size_t *hist = malloc(sizeof(size_t) * 256 * NBLK);
  byte *test_data = generate_test_data(TEST_SIZE);
  int b, i;

  for (b = 0; b < NBLK; b++) {
#pragma dosc task
    count_symbols(test_data + off[b], off[b + 1] - off[b], hist + b * 256);
  }
#pragma dosc taskwait
  for (b = 0; b < NBLK; b++) {
#pragma dosc task
    clens[b] = compdecomp(test_data + off[b], off[b + 1] - off[b]);
  }
#pragma dosc taskwait

  unsigned long h = 0;
  for (i = 0; i < TEST_SIZE; i++) h = h * 31 + test_data[i];
  for (i = 0; i < 256 * NBLK; i++) h += hist[i] * (i % 11);
  for (b = 0; b < NBLK; b++) printf("block %d: %zu -> %zu bytes\n", b, off[b + 1] - off[b], clens[b]);
  printf("checksum %lu\n", h % 1000000007UL);
  free(test_data);
  free(hist);
  return 0;
}
