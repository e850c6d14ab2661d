/* The Trimaran suite's enc-md5 and enc-3des (Christophe Devine's RFC 1321 MD5 and FIPS-46-3 3DES,
   (C) 2001-2003, GPL v2 or later) as dosc tasks (branch unseen12), read from llvm/llvm-test-suite,
   MultiSource/Benchmarks/Trimaran/enc-md5/md5.c, md5.h and enc-3des/des.c, des.h: the shapes kept
   (the S-box and PC1 tables are the standard's, as the file has them), the code written anew
   around them, a task per message, block range or key:
   - the types as object-like macros `#define uint32 unsigned long int` (eight bytes here) and
     `#define uint8 unsigned char`, array parameters `uint8 data[64]`, `uint32 SK[32]`;
   - md5_process over a context struct (`ctx->state[0] += A`), its GET_UINT32(n, b, i) macro reading
     `(b)[(i) + 3]` sixteen times and the P/F/S round macros; md5_update's `left =
     ctx->total[0] & 0x3F`, `memcpy((void *)(ctx->buffer + left), (void *)input, fill)` (a field's
     address at an offset, a count computed from it), `while (length >= 64) { md5_process(ctx,
     input); length -= 64; input += 64; }`; md5_finish reading the static (not const) md5_padding
     table and writing PUT_UINT32 into `digest[16]`; a task per message of a batch, each a slice
     `buf + off[m]` of one buffer with its own context and digest row;
   - des_main_ks's PC1 through the LHs / RHs tables and the subkeys stored by `*SK++` 32 times in a
     loop of 16; des3_set_3keys calling it on `ctx->esk`, `ctx->dsk + 32`, `ctx->esk + 64` and
     mirroring `ctx->dsk[i] = ctx->esk[94 - i]`, `ctx->esk[i + 32] = ctx->dsk[62 - i]` (two
     fields of one struct, indices running down); des3_crypt's DES_IP / DES_ROUND (`T = *SK++ ^ X`,
     `SB8[(T) & 0x3F]`, the tables global and not const as in the file) / DES_FP macros over 48
     rounds; ECB over a range of 8-byte blocks `input += 8, output += 8`, a task per range, and
     the decryption back in place.
   The program prints the digests and checksums. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef uint8
#define uint8 unsigned char
#endif
#ifndef uint32
#define uint32 unsigned long int
#endif

typedef struct {
  uint32 total[2];
  uint32 state[4];
  uint8 buffer[64];
} md5_context;

typedef struct {
  uint32 esk[96]; /* Triple-DES encryption subkeys */
  uint32 dsk[96]; /* Triple-DES decryption subkeys */
} des3_context;

/* ---- md5.c ---- */
#define GET_UINT32(n, b, i)                                                                       \
  {                                                                                               \
    (n) = ((uint32)(b)[(i)]) | ((uint32)(b)[(i) + 1] << 8) | ((uint32)(b)[(i) + 2] << 16) |      \
          ((uint32)(b)[(i) + 3] << 24);                                                           \
  }
#define PUT_UINT32(n, b, i)            \
  {                                    \
    (b)[(i)] = (uint8)((n));           \
    (b)[(i) + 1] = (uint8)((n) >> 8);  \
    (b)[(i) + 2] = (uint8)((n) >> 16); \
    (b)[(i) + 3] = (uint8)((n) >> 24); \
  }

void md5_starts(md5_context *ctx) {
  ctx->total[0] = 0;
  ctx->total[1] = 0;
  ctx->state[0] = 0x67452301;
  ctx->state[1] = 0xEFCDAB89;
  ctx->state[2] = 0x98BADCFE;
  ctx->state[3] = 0x10325476;
}

void md5_process(md5_context *ctx, uint8 data[64]) {
  uint32 X[16], A, B, C, D;
  int k;
  for (k = 0; k < 16; k++) GET_UINT32(X[k], data, 4 * k);

#define S(x, n) ((x << n) | ((x & 0xFFFFFFFF) >> (32 - n)))
#define P(a, b, c, d, k, s, t)    \
  {                               \
    a += F(b, c, d) + X[k] + t;   \
    a = S(a, s) + b;              \
  }
  A = ctx->state[0];
  B = ctx->state[1];
  C = ctx->state[2];
  D = ctx->state[3];
#define F(x, y, z) (z ^ (x & (y ^ z)))
  P(A, B, C, D, 0, 7, 0xD76AA478);
  P(D, A, B, C, 1, 12, 0xE8C7B756);
  P(C, D, A, B, 2, 17, 0x242070DB);
  P(B, C, D, A, 3, 22, 0xC1BDCEEE);
  P(A, B, C, D, 4, 7, 0xF57C0FAF);
  P(D, A, B, C, 5, 12, 0x4787C62A);
  P(C, D, A, B, 6, 17, 0xA8304613);
  P(B, C, D, A, 7, 22, 0xFD469501);
  P(A, B, C, D, 8, 7, 0x698098D8);
  P(D, A, B, C, 9, 12, 0x8B44F7AF);
  P(C, D, A, B, 10, 17, 0xFFFF5BB1);
  P(B, C, D, A, 11, 22, 0x895CD7BE);
  P(A, B, C, D, 12, 7, 0x6B901122);
  P(D, A, B, C, 13, 12, 0xFD987193);
  P(C, D, A, B, 14, 17, 0xA679438E);
  P(B, C, D, A, 15, 22, 0x49B40821);
#undef F
#define F(x, y, z) (y ^ (z & (x ^ y)))
  P(A, B, C, D, 1, 5, 0xF61E2562);
  P(D, A, B, C, 6, 9, 0xC040B340);
  P(C, D, A, B, 11, 14, 0x265E5A51);
  P(B, C, D, A, 0, 20, 0xE9B6C7AA);
  P(A, B, C, D, 5, 5, 0xD62F105D);
  P(D, A, B, C, 10, 9, 0x02441453);
  P(C, D, A, B, 15, 14, 0xD8A1E681);
  P(B, C, D, A, 4, 20, 0xE7D3FBC8);
  P(A, B, C, D, 9, 5, 0x21E1CDE6);
  P(D, A, B, C, 14, 9, 0xC33707D6);
  P(C, D, A, B, 3, 14, 0xF4D50D87);
  P(B, C, D, A, 8, 20, 0x455A14ED);
  P(A, B, C, D, 13, 5, 0xA9E3E905);
  P(D, A, B, C, 2, 9, 0xFCEFA3F8);
  P(C, D, A, B, 7, 14, 0x676F02D9);
  P(B, C, D, A, 12, 20, 0x8D2A4C8A);
#undef F
#define F(x, y, z) (x ^ y ^ z)
  P(A, B, C, D, 5, 4, 0xFFFA3942);
  P(D, A, B, C, 8, 11, 0x8771F681);
  P(C, D, A, B, 11, 16, 0x6D9D6122);
  P(B, C, D, A, 14, 23, 0xFDE5380C);
  P(A, B, C, D, 1, 4, 0xA4BEEA44);
  P(D, A, B, C, 4, 11, 0x4BDECFA9);
  P(C, D, A, B, 7, 16, 0xF6BB4B60);
  P(B, C, D, A, 10, 23, 0xBEBFBC70);
  P(A, B, C, D, 13, 4, 0x289B7EC6);
  P(D, A, B, C, 0, 11, 0xEAA127FA);
  P(C, D, A, B, 3, 16, 0xD4EF3085);
  P(B, C, D, A, 6, 23, 0x04881D05);
  P(A, B, C, D, 9, 4, 0xD9D4D039);
  P(D, A, B, C, 12, 11, 0xE6DB99E5);
  P(C, D, A, B, 15, 16, 0x1FA27CF8);
  P(B, C, D, A, 2, 23, 0xC4AC5665);
#undef F
#define F(x, y, z) (y ^ (x | ~z))
  P(A, B, C, D, 0, 6, 0xF4292244);
  P(D, A, B, C, 7, 10, 0x432AFF97);
  P(C, D, A, B, 14, 15, 0xAB9423A7);
  P(B, C, D, A, 5, 21, 0xFC93A039);
  P(A, B, C, D, 12, 6, 0x655B59C3);
  P(D, A, B, C, 3, 10, 0x8F0CCC92);
  P(C, D, A, B, 10, 15, 0xFFEFF47D);
  P(B, C, D, A, 1, 21, 0x85845DD1);
  P(A, B, C, D, 8, 6, 0x6FA87E4F);
  P(D, A, B, C, 15, 10, 0xFE2CE6E0);
  P(C, D, A, B, 6, 15, 0xA3014314);
  P(B, C, D, A, 13, 21, 0x4E0811A1);
  P(A, B, C, D, 4, 6, 0xF7537E82);
  P(D, A, B, C, 11, 10, 0xBD3AF235);
  P(C, D, A, B, 2, 15, 0x2AD7D2BB);
  P(B, C, D, A, 9, 21, 0xEB86D391);
#undef F
#undef P
#undef S
  ctx->state[0] += A;
  ctx->state[1] += B;
  ctx->state[2] += C;
  ctx->state[3] += D;
}

void md5_update(md5_context *ctx, uint8 *input, uint32 length) {
  uint32 left, fill;
  if (!length) return;
  left = ctx->total[0] & 0x3F;
  fill = 64 - left;
  ctx->total[0] += length;
  ctx->total[0] &= 0xFFFFFFFF;
  if (ctx->total[0] < length) ctx->total[1]++;
  if (left && length >= fill) {
    memcpy((void *)(ctx->buffer + left), (void *)input, fill);
    md5_process(ctx, ctx->buffer);
    length -= fill;
    input += fill;
    left = 0;
  }
  while (length >= 64) {
    md5_process(ctx, input);
    length -= 64;
    input += 64;
  }
  if (length) memcpy((void *)(ctx->buffer + left), (void *)input, length);
}

static uint8 md5_padding[64] = {0x80};

void md5_finish(md5_context *ctx, uint8 digest[16]) {
  uint32 last, padn;
  uint32 high, low;
  uint8 msglen[8];
  high = (ctx->total[0] >> 29) | (ctx->total[1] << 3);
  low = (ctx->total[0] << 3);
  PUT_UINT32(low, msglen, 0);
  PUT_UINT32(high, msglen, 4);
  last = ctx->total[0] & 0x3F;
  padn = (last < 56) ? (56 - last) : (120 - last);
  md5_update(ctx, md5_padding, padn);
  md5_update(ctx, msglen, 8);
  PUT_UINT32(ctx->state[0], digest, 0);
  PUT_UINT32(ctx->state[1], digest, 4);
  PUT_UINT32(ctx->state[2], digest, 8);
  PUT_UINT32(ctx->state[3], digest, 12);
}

/* one message: the driver's starts / update in pieces / finish */
void md5_message(uint8 *msg, uint32 len, uint32 piece, uint8 digest[16]) {
  md5_context ctx;
  uint32 done;
  md5_starts(&ctx);
  for (done = 0; done < len; done += piece) md5_update(&ctx, msg + done, len - done < piece ? len - done : piece);
  md5_finish(&ctx, digest);
}

/* ---- des.c ---- */
uint32 SB1[64] = {
    0x01010400, 0x00000000, 0x00010000, 0x01010404, 0x01010004, 0x00010404,
    0x00000004, 0x00010000, 0x00000400, 0x01010400, 0x01010404, 0x00000400,
    0x01000404, 0x01010004, 0x01000000, 0x00000004, 0x00000404, 0x01000400,
    0x01000400, 0x00010400, 0x00010400, 0x01010000, 0x01010000, 0x01000404,
    0x00010004, 0x01000004, 0x01000004, 0x00010004, 0x00000000, 0x00000404,
    0x00010404, 0x01000000, 0x00010000, 0x01010404, 0x00000004, 0x01010000,
    0x01010400, 0x01000000, 0x01000000, 0x00000400, 0x01010004, 0x00010000,
    0x00010400, 0x01000004, 0x00000400, 0x00000004, 0x01000404, 0x00010404,
    0x01010404, 0x00010004, 0x01010000, 0x01000404, 0x01000004, 0x00000404,
    0x00010404, 0x01010400, 0x00000404, 0x01000400, 0x01000400, 0x00000000,
    0x00010004, 0x00010400, 0x00000000, 0x01010004,
};
static uint32 SB2[64] = {
    0x80108020, 0x80008000, 0x00008000, 0x00108020, 0x00100000, 0x00000020,
    0x80100020, 0x80008020, 0x80000020, 0x80108020, 0x80108000, 0x80000000,
    0x80008000, 0x00100000, 0x00000020, 0x80100020, 0x00108000, 0x00100020,
    0x80008020, 0x00000000, 0x80000000, 0x00008000, 0x00108020, 0x80100000,
    0x00100020, 0x80000020, 0x00000000, 0x00108000, 0x00008020, 0x80108000,
    0x80100000, 0x00008020, 0x00000000, 0x00108020, 0x80100020, 0x00100000,
    0x80008020, 0x80100000, 0x80108000, 0x00008000, 0x80100000, 0x80008000,
    0x00000020, 0x80108020, 0x00108020, 0x00000020, 0x00008000, 0x80000000,
    0x00008020, 0x80108000, 0x00100000, 0x80000020, 0x00100020, 0x80008020,
    0x80000020, 0x00100020, 0x00108000, 0x00000000, 0x80008000, 0x00008020,
    0x80000000, 0x80100020, 0x80108020, 0x00108000,
};
static uint32 SB3[64] = {
    0x00000208, 0x08020200, 0x00000000, 0x08020008, 0x08000200, 0x00000000,
    0x00020208, 0x08000200, 0x00020008, 0x08000008, 0x08000008, 0x00020000,
    0x08020208, 0x00020008, 0x08020000, 0x00000208, 0x08000000, 0x00000008,
    0x08020200, 0x00000200, 0x00020200, 0x08020000, 0x08020008, 0x00020208,
    0x08000208, 0x00020200, 0x00020000, 0x08000208, 0x00000008, 0x08020208,
    0x00000200, 0x08000000, 0x08020200, 0x08000000, 0x00020008, 0x00000208,
    0x00020000, 0x08020200, 0x08000200, 0x00000000, 0x00000200, 0x00020008,
    0x08020208, 0x08000200, 0x08000008, 0x00000200, 0x00000000, 0x08020008,
    0x08000208, 0x00020000, 0x08000000, 0x08020208, 0x00000008, 0x00020208,
    0x00020200, 0x08000008, 0x08020000, 0x08000208, 0x00000208, 0x08020000,
    0x00020208, 0x00000008, 0x08020008, 0x00020200,
};
static uint32 SB4[64] = {
    0x00802001, 0x00002081, 0x00002081, 0x00000080, 0x00802080, 0x00800081,
    0x00800001, 0x00002001, 0x00000000, 0x00802000, 0x00802000, 0x00802081,
    0x00000081, 0x00000000, 0x00800080, 0x00800001, 0x00000001, 0x00002000,
    0x00800000, 0x00802001, 0x00000080, 0x00800000, 0x00002001, 0x00002080,
    0x00800081, 0x00000001, 0x00002080, 0x00800080, 0x00002000, 0x00802080,
    0x00802081, 0x00000081, 0x00800080, 0x00800001, 0x00802000, 0x00802081,
    0x00000081, 0x00000000, 0x00000000, 0x00802000, 0x00002080, 0x00800080,
    0x00800081, 0x00000001, 0x00802001, 0x00002081, 0x00002081, 0x00000080,
    0x00802081, 0x00000081, 0x00000001, 0x00002000, 0x00800001, 0x00002001,
    0x00802080, 0x00800081, 0x00002001, 0x00002080, 0x00800000, 0x00802001,
    0x00000080, 0x00800000, 0x00002000, 0x00802080,
};
static uint32 SB5[64] = {
    0x00000100, 0x02080100, 0x02080000, 0x42000100, 0x00080000, 0x00000100,
    0x40000000, 0x02080000, 0x40080100, 0x00080000, 0x02000100, 0x40080100,
    0x42000100, 0x42080000, 0x00080100, 0x40000000, 0x02000000, 0x40080000,
    0x40080000, 0x00000000, 0x40000100, 0x42080100, 0x42080100, 0x02000100,
    0x42080000, 0x40000100, 0x00000000, 0x42000000, 0x02080100, 0x02000000,
    0x42000000, 0x00080100, 0x00080000, 0x42000100, 0x00000100, 0x02000000,
    0x40000000, 0x02080000, 0x42000100, 0x40080100, 0x02000100, 0x40000000,
    0x42080000, 0x02080100, 0x40080100, 0x00000100, 0x02000000, 0x42080000,
    0x42080100, 0x00080100, 0x42000000, 0x42080100, 0x02080000, 0x00000000,
    0x40080000, 0x42000000, 0x00080100, 0x02000100, 0x40000100, 0x00080000,
    0x00000000, 0x40080000, 0x02080100, 0x40000100,
};
static uint32 SB6[64] = {
    0x20000010, 0x20400000, 0x00004000, 0x20404010, 0x20400000, 0x00000010,
    0x20404010, 0x00400000, 0x20004000, 0x00404010, 0x00400000, 0x20000010,
    0x00400010, 0x20004000, 0x20000000, 0x00004010, 0x00000000, 0x00400010,
    0x20004010, 0x00004000, 0x00404000, 0x20004010, 0x00000010, 0x20400010,
    0x20400010, 0x00000000, 0x00404010, 0x20404000, 0x00004010, 0x00404000,
    0x20404000, 0x20000000, 0x20004000, 0x00000010, 0x20400010, 0x00404000,
    0x20404010, 0x00400000, 0x00004010, 0x20000010, 0x00400000, 0x20004000,
    0x20000000, 0x00004010, 0x20000010, 0x20404010, 0x00404000, 0x20400000,
    0x00404010, 0x20404000, 0x00000000, 0x20400010, 0x00000010, 0x00004000,
    0x20400000, 0x00404010, 0x00004000, 0x00400010, 0x20004010, 0x00000000,
    0x20404000, 0x20000000, 0x00400010, 0x20004010,
};
static uint32 SB7[64] = {
    0x00200000, 0x04200002, 0x04000802, 0x00000000, 0x00000800, 0x04000802,
    0x00200802, 0x04200800, 0x04200802, 0x00200000, 0x00000000, 0x04000002,
    0x00000002, 0x04000000, 0x04200002, 0x00000802, 0x04000800, 0x00200802,
    0x00200002, 0x04000800, 0x04000002, 0x04200000, 0x04200800, 0x00200002,
    0x04200000, 0x00000800, 0x00000802, 0x04200802, 0x00200800, 0x00000002,
    0x04000000, 0x00200800, 0x04000000, 0x00200800, 0x00200000, 0x04000802,
    0x04000802, 0x04200002, 0x04200002, 0x00000002, 0x00200002, 0x04000000,
    0x04000800, 0x00200000, 0x04200800, 0x00000802, 0x00200802, 0x04200800,
    0x00000802, 0x04000002, 0x04200802, 0x04200000, 0x00200800, 0x00000000,
    0x00000002, 0x04200802, 0x00000000, 0x00200802, 0x04200000, 0x00000800,
    0x04000002, 0x04000800, 0x00000800, 0x00200002,
};
static uint32 SB8[64] = {
    0x10001040, 0x00001000, 0x00040000, 0x10041040, 0x10000000, 0x10001040,
    0x00000040, 0x10000000, 0x00040040, 0x10040000, 0x10041040, 0x00041000,
    0x10041000, 0x00041040, 0x00001000, 0x00000040, 0x10040000, 0x10000040,
    0x10001000, 0x00001040, 0x00041000, 0x00040040, 0x10040040, 0x10041000,
    0x00001040, 0x00000000, 0x00000000, 0x10040040, 0x10000040, 0x10001000,
    0x00041040, 0x00040000, 0x00041040, 0x00040000, 0x10041000, 0x00001000,
    0x00000040, 0x10040040, 0x00001000, 0x00041040, 0x10001000, 0x00000040,
    0x10000040, 0x10040000, 0x10040040, 0x10000000, 0x00040000, 0x10001040,
    0x00000000, 0x10041040, 0x00040040, 0x10000040, 0x10040000, 0x10001000,
    0x10001040, 0x00000000, 0x10041040, 0x00041000, 0x00041000, 0x00001040,
    0x00001040, 0x00040040, 0x10000000, 0x10041000,
};
static uint32 LHs[16] = {
    0x00000000, 0x00000001, 0x00000100, 0x00000101, 0x00010000, 0x00010001,
    0x00010100, 0x00010101, 0x01000000, 0x01000001, 0x01000100, 0x01000101,
    0x01010000, 0x01010001, 0x01010100, 0x01010101,
};
static uint32 RHs[16] = {
    0x00000000, 0x01000000, 0x00010000, 0x01010000, 0x00000100, 0x01000100,
    0x00010100, 0x01010100, 0x00000001, 0x01000001, 0x00010001, 0x01010001,
    0x00000101, 0x01000101, 0x00010101, 0x01010101,
};

#undef GET_UINT32
#undef PUT_UINT32
#define GET_UINT32(n, b, i)                                                                      \
  {                                                                                              \
    (n) = ((uint32)(b)[(i)] << 24) | ((uint32)(b)[(i) + 1] << 16) | ((uint32)(b)[(i) + 2] << 8) | \
          ((uint32)(b)[(i) + 3]);                                                                \
  }
#define PUT_UINT32(n, b, i)            \
  {                                    \
    (b)[(i)] = (uint8)((n) >> 24);     \
    (b)[(i) + 1] = (uint8)((n) >> 16); \
    (b)[(i) + 2] = (uint8)((n) >> 8);  \
    (b)[(i) + 3] = (uint8)((n));       \
  }

#define DES_IP(X, Y)                                          \
  {                                                           \
    T = ((X >> 4) ^ Y) & 0x0F0F0F0F; Y ^= T; X ^= (T << 4);   \
    T = ((X >> 16) ^ Y) & 0x0000FFFF; Y ^= T; X ^= (T << 16); \
    T = ((Y >> 2) ^ X) & 0x33333333; X ^= T; Y ^= (T << 2);   \
    T = ((Y >> 8) ^ X) & 0x00FF00FF; X ^= T; Y ^= (T << 8);   \
    Y = ((Y << 1) | (Y >> 31)) & 0xFFFFFFFF;                  \
    T = (X ^ Y) & 0xAAAAAAAA; Y ^= T; X ^= T;                 \
    X = ((X << 1) | (X >> 31)) & 0xFFFFFFFF;                  \
  }

#define DES_FP(X, Y)                                          \
  {                                                           \
    X = ((X << 31) | (X >> 1)) & 0xFFFFFFFF;                  \
    T = (X ^ Y) & 0xAAAAAAAA; X ^= T; Y ^= T;                 \
    Y = ((Y << 31) | (Y >> 1)) & 0xFFFFFFFF;                  \
    T = ((Y >> 8) ^ X) & 0x00FF00FF; X ^= T; Y ^= (T << 8);   \
    T = ((Y >> 2) ^ X) & 0x33333333; X ^= T; Y ^= (T << 2);   \
    T = ((X >> 16) ^ Y) & 0x0000FFFF; Y ^= T; X ^= (T << 16); \
    T = ((X >> 4) ^ Y) & 0x0F0F0F0F; Y ^= T; X ^= (T << 4);   \
  }

#define DES_ROUND(X, Y)                                                                                  \
  {                                                                                                      \
    T = *SK++ ^ X;                                                                                       \
    Y ^= SB8[(T)&0x3F] ^ SB6[(T >> 8) & 0x3F] ^ SB4[(T >> 16) & 0x3F] ^ SB2[(T >> 24) & 0x3F];          \
    T = *SK++ ^ ((X << 28) | (X >> 4));                                                                  \
    Y ^= SB7[(T)&0x3F] ^ SB5[(T >> 8) & 0x3F] ^ SB3[(T >> 16) & 0x3F] ^ SB1[(T >> 24) & 0x3F];          \
  }

int des_main_ks(uint32 SK[32], uint8 key[8]) {
  int i;
  uint32 X, Y, T;
  GET_UINT32(X, key, 0);
  GET_UINT32(Y, key, 4);
  T = ((Y >> 4) ^ X) & 0x0F0F0F0F;
  X ^= T;
  Y ^= (T << 4);
  T = ((Y) ^ X) & 0x10101010;
  X ^= T;
  Y ^= (T);
  X = (LHs[(X)&0xF] << 3) | (LHs[(X >> 8) & 0xF] << 2) | (LHs[(X >> 16) & 0xF] << 1) | (LHs[(X >> 24) & 0xF]) |
      (LHs[(X >> 5) & 0xF] << 7) | (LHs[(X >> 13) & 0xF] << 6) | (LHs[(X >> 21) & 0xF] << 5) |
      (LHs[(X >> 29) & 0xF] << 4);
  Y = (RHs[(Y >> 1) & 0xF] << 3) | (RHs[(Y >> 9) & 0xF] << 2) | (RHs[(Y >> 17) & 0xF] << 1) |
      (RHs[(Y >> 25) & 0xF]) | (RHs[(Y >> 4) & 0xF] << 7) | (RHs[(Y >> 12) & 0xF] << 6) |
      (RHs[(Y >> 20) & 0xF] << 5) | (RHs[(Y >> 28) & 0xF] << 4);
  X &= 0x0FFFFFFF;
  Y &= 0x0FFFFFFF;
  for (i = 0; i < 16; i++) {
    if (i < 2 || i == 8 || i == 15) {
      X = ((X << 1) | (X >> 27)) & 0x0FFFFFFF;
      Y = ((Y << 1) | (Y >> 27)) & 0x0FFFFFFF;
    } else {
      X = ((X << 2) | (X >> 26)) & 0x0FFFFFFF;
      Y = ((Y << 2) | (Y >> 26)) & 0x0FFFFFFF;
    }
    *SK++ = ((X << 4) & 0x24000000) | ((X << 28) & 0x10000000) | ((X << 14) & 0x08000000) |
            ((X << 18) & 0x02080000) | ((X << 6) & 0x01000000) | ((X << 9) & 0x00200000) |
            ((X >> 1) & 0x00100000) | ((X << 10) & 0x00040000) | ((X << 2) & 0x00020000) |
            ((X >> 10) & 0x00010000) | ((Y >> 13) & 0x00002000) | ((Y >> 4) & 0x00001000) |
            ((Y << 6) & 0x00000800) | ((Y >> 1) & 0x00000400) | ((Y >> 14) & 0x00000200) |
            ((Y)&0x00000100) | ((Y >> 5) & 0x00000020) | ((Y >> 10) & 0x00000010) | ((Y >> 3) & 0x00000008) |
            ((Y >> 18) & 0x00000004) | ((Y >> 26) & 0x00000002) | ((Y >> 24) & 0x00000001);
    *SK++ = ((X << 15) & 0x20000000) | ((X << 17) & 0x10000000) | ((X << 10) & 0x08000000) |
            ((X << 22) & 0x04000000) | ((X >> 2) & 0x02000000) | ((X << 1) & 0x01000000) |
            ((X << 16) & 0x00200000) | ((X << 11) & 0x00100000) | ((X << 3) & 0x00080000) |
            ((X >> 6) & 0x00040000) | ((X << 15) & 0x00020000) | ((X >> 4) & 0x00010000) |
            ((Y >> 2) & 0x00002000) | ((Y << 8) & 0x00001000) | ((Y >> 14) & 0x00000808) |
            ((Y >> 9) & 0x00000400) | ((Y)&0x00000200) | ((Y << 7) & 0x00000100) | ((Y >> 7) & 0x00000020) |
            ((Y >> 3) & 0x00000011) | ((Y << 2) & 0x00000004) | ((Y >> 21) & 0x00000002);
  }
  return (0);
}

int des3_set_3keys(des3_context *ctx, uint8 key1[8], uint8 key2[8], uint8 key3[8]) {
  int i;
  des_main_ks(ctx->esk, key1);
  des_main_ks(ctx->dsk + 32, key2);
  des_main_ks(ctx->esk + 64, key3);
  for (i = 0; i < 32; i += 2) {
    ctx->dsk[i] = ctx->esk[94 - i];
    ctx->dsk[i + 1] = ctx->esk[95 - i];
    ctx->esk[i + 32] = ctx->dsk[62 - i];
    ctx->esk[i + 33] = ctx->dsk[63 - i];
    ctx->dsk[i + 64] = ctx->esk[30 - i];
    ctx->dsk[i + 65] = ctx->esk[31 - i];
  }
  return (0);
}

void des3_crypt(uint32 SK[96], uint8 input[8], uint8 output[8]) {
  uint32 X, Y, T;
  GET_UINT32(X, input, 0);
  GET_UINT32(Y, input, 4);
  DES_IP(X, Y);
  DES_ROUND(Y, X); DES_ROUND(X, Y);
  DES_ROUND(Y, X); DES_ROUND(X, Y);
  DES_ROUND(Y, X); DES_ROUND(X, Y);
  DES_ROUND(Y, X); DES_ROUND(X, Y);
  DES_ROUND(Y, X); DES_ROUND(X, Y);
  DES_ROUND(Y, X); DES_ROUND(X, Y);
  DES_ROUND(Y, X); DES_ROUND(X, Y);
  DES_ROUND(Y, X); DES_ROUND(X, Y);
  DES_ROUND(X, Y); DES_ROUND(Y, X);
  DES_ROUND(X, Y); DES_ROUND(Y, X);
  DES_ROUND(X, Y); DES_ROUND(Y, X);
  DES_ROUND(X, Y); DES_ROUND(Y, X);
  DES_ROUND(X, Y); DES_ROUND(Y, X);
  DES_ROUND(X, Y); DES_ROUND(Y, X);
  DES_ROUND(X, Y); DES_ROUND(Y, X);
  DES_ROUND(X, Y); DES_ROUND(Y, X);
  DES_ROUND(Y, X); DES_ROUND(X, Y);
  DES_ROUND(Y, X); DES_ROUND(X, Y);
  DES_ROUND(Y, X); DES_ROUND(X, Y);
  DES_ROUND(Y, X); DES_ROUND(X, Y);
  DES_ROUND(Y, X); DES_ROUND(X, Y);
  DES_ROUND(Y, X); DES_ROUND(X, Y);
  DES_ROUND(Y, X); DES_ROUND(X, Y);
  DES_ROUND(Y, X); DES_ROUND(X, Y);
  DES_FP(Y, X);
  PUT_UINT32(Y, output, 0);
  PUT_UINT32(X, output, 4);
}

/* ECB over nblocks 8-byte blocks, the suite's test loop in a range */
void des3_ecb(des3_context *ctx, int decrypt, uint8 *input, uint8 *output, int nblocks) {
  while (nblocks-- > 0) {
    des3_crypt(decrypt ? ctx->dsk : ctx->esk, input, output);
    input += 8;
    output += 8;
  }
}

static unsigned char DES3_keys[3][8] = {{0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF},
                                        {0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF, 0x01},
                                        {0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF, 0x01, 0x23}};

#define NMSG 5
#define BUFLEN 700
#define NBLK 24

int my_rand_r(int *seedp) {
  unsigned x = (unsigned)*seedp * 1664525u + 1013904223u;
  *seedp = x;
  return (x >> 16) & 0x7fff;
}

int main(void) {
  static uint8 buf[BUFLEN];
  static uint8 digest[NMSG][16];
  static const int off[NMSG] = {0, 3, 64, 130, 500};
  static const int len[NMSG] = {0, 55, 64, 300, 200};
  static const int piece[NMSG] = {1, 7, 64, 100, 33};
  static des3_context ctx[2];
  static uint8 plain[NBLK * 8], cipher[NBLK * 8], back[NBLK * 8];
  int i, m, seed = 1;

  for (i = 0; i < BUFLEN; ++i) buf[i] = my_rand_r(&seed);
  for (i = 0; i < NBLK * 8; ++i) plain[i] = (uint8)(i * 13 + 7);

  for (m = 0; m < NMSG; m++) {
#pragma dosc task
    md5_message(buf + off[m], len[m], piece[m], digest[m]);
  }
#pragma dosc task
  des3_set_3keys(&ctx[0], DES3_keys[0], DES3_keys[1], DES3_keys[2]);
#pragma dosc task
  des3_set_3keys(&ctx[1], DES3_keys[2], DES3_keys[0], DES3_keys[1]);
#pragma dosc taskwait

  for (i = 0; i < NBLK; i += 5) {
    int nb = NBLK - i < 5 ? NBLK - i : 5;
#pragma dosc task
    des3_ecb(&ctx[i & 1], 0, plain + i * 8, cipher + i * 8, nb);
  }
#pragma dosc taskwait
  for (i = 0; i < NBLK; i += 5) {
    int nb = NBLK - i < 5 ? NBLK - i : 5;
#pragma dosc task
    des3_ecb(&ctx[i & 1], 1, cipher + i * 8, back + i * 8, nb);
  }
#pragma dosc taskwait

  for (m = 0; m < NMSG; m++) {
    for (i = 0; i < 16; i++) printf("%02x", digest[m][i]);
    printf("\n");
  }
  unsigned long h = 0;
  int same = 0;
  for (i = 0; i < NBLK * 8; i++) h = h * 31 + cipher[i], same += back[i] == plain[i];
  printf("3des %lu round trip %d/%d\n", h % 1000000007UL, same, NBLK * 8);
  return 0;
}
