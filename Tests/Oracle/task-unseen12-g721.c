/* The CCITT G.721 ADPCM coder of Sun Microsystems' reference code (MediaBench's g721; "provided
   for unrestricted use. Users may copy or modify this source code", see the files' heads), as dosc
   tasks (branch unseen12), read from llvm/llvm-test-suite,
   MultiSource/Benchmarks/mediabench/g721/g721encode/ (g72x.h, g72x.c, g721.c): the routines kept
   as the files have them (reformatted), the A-law and u-law paths left out, a task per channel and
   block of samples:
   - struct g72x_state with array fields (`short a[2]`, `b[6]`, `pk[2]`, `dq[6]`, `sr[2]`) read and
     written through `state_ptr->b[cnt]`, `state_ptr->dq[cnt] = state_ptr->dq[cnt-1]` counting
     down, `state_ptr->a[0] -= state_ptr->a[0] >> 8`;
   - quan(val, table, size)'s search `if (val < *table++) break;` over the static (not const)
     power2 table passed by name, and over qtab_721 through quantize(d, y, qtab_721, 7); fmult's
     logs; the 4-bit code indexing the static tables `_dqlntab[i]`, `_witab[i] << 5`, `_fitab[i]`
     (i from the data, in [0, 15]);
   - g721_encoder / g721_decoder per sample, called by a task per channel over a block: samples
     `pcm[k]` in, codes `code[k]` out, then decoded back into `out[k]`, each channel with its own
     state (`&st[c]`), the blocks of one channel in order (the state carries over: a taskwait
     between the blocks, the channels side by side).
   The program prints checksums of the codes and of the decoded samples. */
#include <stdio.h>
#include <stdlib.h>

#define AUDIO_ENCODING_ULAW (1)
#define AUDIO_ENCODING_ALAW (2)
#define AUDIO_ENCODING_LINEAR (3)

struct g72x_state {
  long yl;
  short yu;
  short dms;
  short dml;
  short ap;
  short a[2];
  short b[6];
  short pk[2];
  short dq[6];
  short sr[2];
  char td;
};

static short power2[15] = {1, 2, 4, 8, 0x10, 0x20, 0x40, 0x80, 0x100, 0x200, 0x400, 0x800, 0x1000, 0x2000, 0x4000};
static short qtab_721[7] = {-124, 80, 178, 246, 300, 349, 400};
static short _dqlntab[16] = {-2048, 4, 135, 213, 273, 323, 373, 425, 425, 373, 323, 273, 213, 135, 4, -2048};
static short _witab[16] = {-12, 18, 41, 64, 112, 198, 355, 1122, 1122, 355, 198, 112, 64, 41, 18, -12};
static short _fitab[16] = {0, 0, 0, 0x200, 0x200, 0x200, 0x600, 0xE00, 0xE00, 0x600, 0x200, 0x200, 0x200, 0, 0, 0};

static int quan(int val, short *table, int size) {
  int i;

  for (i = 0; i < size; i++)
    if (val < *table++) break;
  return (i);
}

static int fmult(int an, int srn) {
  short anmag, anexp, anmant;
  short wanexp, wanmag, wanmant;
  short retval;

  anmag = (an > 0) ? an : ((-an) & 0x1FFF);
  anexp = quan(anmag, power2, 15) - 6;
  anmant = (anmag == 0) ? 32 : (anexp >= 0) ? anmag >> anexp : anmag << -anexp;
  wanexp = anexp + ((srn >> 6) & 0xF) - 13;

  wanmant = (anmant * (srn & 077) + 0x30) >> 4;
  retval = (wanexp >= 0) ? ((wanmant << wanexp) & 0x7FFF) : (wanmant >> -wanexp);

  return (((an ^ srn) < 0) ? -retval : retval);
}

void g72x_init_state(struct g72x_state *state_ptr) {
  int cnta;

  state_ptr->yl = 34816;
  state_ptr->yu = 544;
  state_ptr->dms = 0;
  state_ptr->dml = 0;
  state_ptr->ap = 0;
  for (cnta = 0; cnta < 2; cnta++) {
    state_ptr->a[cnta] = 0;
    state_ptr->pk[cnta] = 0;
    state_ptr->sr[cnta] = 32;
  }
  for (cnta = 0; cnta < 6; cnta++) {
    state_ptr->b[cnta] = 0;
    state_ptr->dq[cnta] = 32;
  }
  state_ptr->td = 0;
}

int predictor_zero(struct g72x_state *state_ptr) {
  int i;
  int sezi;

  sezi = fmult(state_ptr->b[0] >> 2, state_ptr->dq[0]);
  for (i = 1; i < 6; i++) sezi += fmult(state_ptr->b[i] >> 2, state_ptr->dq[i]);
  return (sezi);
}

int predictor_pole(struct g72x_state *state_ptr) {
  return (fmult(state_ptr->a[1] >> 2, state_ptr->sr[1]) + fmult(state_ptr->a[0] >> 2, state_ptr->sr[0]));
}

int step_size(struct g72x_state *state_ptr) {
  int y;
  int dif;
  int al;

  if (state_ptr->ap >= 256)
    return (state_ptr->yu);
  else {
    y = state_ptr->yl >> 6;
    dif = state_ptr->yu - y;
    al = state_ptr->ap >> 2;
    if (dif > 0)
      y += (dif * al) >> 6;
    else if (dif < 0)
      y += (dif * al + 0x3F) >> 6;
    return (y);
  }
}

int quantize(int d, int y, short *table, int size) {
  short dqm;
  short exp;
  short mant;
  short dl;
  short dln;
  int i;

  dqm = abs(d);
  exp = quan(dqm >> 1, power2, 15);
  mant = ((dqm << 7) >> exp) & 0x7F;
  dl = (exp << 7) + mant;

  dln = dl - (y >> 2);

  i = quan(dln, table, size);
  if (d < 0)
    return ((size << 1) + 1 - i);
  else if (i == 0)
    return ((size << 1) + 1);
  else
    return (i);
}

int reconstruct(int sign, int dqln, int y) {
  short dql;
  short dex;
  short dqt;
  short dq;

  dql = dqln + (y >> 2);

  if (dql < 0) {
    return ((sign) ? -0x8000 : 0);
  } else {
    dex = (dql >> 7) & 15;
    dqt = 128 + (dql & 127);
    dq = (dqt << 7) >> (14 - dex);
    return ((sign) ? (dq - 0x8000) : dq);
  }
}

void update(int code_size, int y, int wi, int fi, int dq, int sr, int dqsez, struct g72x_state *state_ptr) {
  int cnt;
  short mag, exp, mant;
  short a2p;
  short a1ul;
  short ua2, pks1;
  short uga2a, fa1;
  short uga2b;
  char tr;
  short ylint, thr2, dqthr;
  short ylfrac, thr1;
  short pk0;

  pk0 = (dqsez < 0) ? 1 : 0;

  mag = dq & 0x7FFF;

  ylint = state_ptr->yl >> 15;
  ylfrac = (state_ptr->yl >> 10) & 0x1F;
  thr1 = (32 + ylfrac) << ylint;
  thr2 = (ylint > 9) ? 31 << 10 : thr1;
  dqthr = (thr2 + (thr2 >> 1)) >> 1;
  if (state_ptr->td == 0)
    tr = 0;
  else if (mag <= dqthr)
    tr = 0;
  else
    tr = 1;

  state_ptr->yu = y + ((wi - y) >> 5);

  if (state_ptr->yu < 544)
    state_ptr->yu = 544;
  else if (state_ptr->yu > 5120)
    state_ptr->yu = 5120;

  state_ptr->yl += state_ptr->yu + ((-state_ptr->yl) >> 6);

  if (tr == 1) {
    state_ptr->a[0] = 0;
    state_ptr->a[1] = 0;
    state_ptr->b[0] = 0;
    state_ptr->b[1] = 0;
    state_ptr->b[2] = 0;
    state_ptr->b[3] = 0;
    state_ptr->b[4] = 0;
    state_ptr->b[5] = 0;
  } else {
    pks1 = pk0 ^ state_ptr->pk[0];

    a2p = state_ptr->a[1] - (state_ptr->a[1] >> 7);
    if (dqsez != 0) {
      fa1 = (pks1) ? state_ptr->a[0] : -state_ptr->a[0];
      if (fa1 < -8191)
        a2p -= 0x100;
      else if (fa1 > 8191)
        a2p += 0xFF;
      else
        a2p += fa1 >> 5;

      if (pk0 ^ state_ptr->pk[1])

        if (a2p <= -12160)
          a2p = -12288;
        else if (a2p >= 12416)
          a2p = 12288;
        else
          a2p -= 0x80;
      else if (a2p <= -12416)
        a2p = -12288;
      else if (a2p >= 12160)
        a2p = 12288;
      else
        a2p += 0x80;
    }

    state_ptr->a[1] = a2p;

    state_ptr->a[0] -= state_ptr->a[0] >> 8;
    if (dqsez != 0)
      if (pks1 == 0)
        state_ptr->a[0] += 192;
      else
        state_ptr->a[0] -= 192;

    a1ul = 15360 - a2p;
    if (state_ptr->a[0] < -a1ul)
      state_ptr->a[0] = -a1ul;
    else if (state_ptr->a[0] > a1ul)
      state_ptr->a[0] = a1ul;

    for (cnt = 0; cnt < 6; cnt++) {
      if (code_size == 5)
        state_ptr->b[cnt] -= state_ptr->b[cnt] >> 9;
      else
        state_ptr->b[cnt] -= state_ptr->b[cnt] >> 8;
      if (dq & 0x7FFF) {
        if ((dq ^ state_ptr->dq[cnt]) >= 0)
          state_ptr->b[cnt] += 128;
        else
          state_ptr->b[cnt] -= 128;
      }
    }
  }

  for (cnt = 5; cnt > 0; cnt--) state_ptr->dq[cnt] = state_ptr->dq[cnt - 1];

  if (mag == 0) {
    state_ptr->dq[0] = (dq >= 0) ? 0x20 : 0xFC20;
  } else {
    exp = quan(mag, power2, 15);
    state_ptr->dq[0] = (dq >= 0) ? (exp << 6) + ((mag << 6) >> exp) : (exp << 6) + ((mag << 6) >> exp) - 0x400;
  }

  state_ptr->sr[1] = state_ptr->sr[0];

  if (sr == 0) {
    state_ptr->sr[0] = 0x20;
  } else if (sr > 0) {
    exp = quan(sr, power2, 15);
    state_ptr->sr[0] = (exp << 6) + ((sr << 6) >> exp);
  } else if (sr > -32768) {
    mag = -sr;
    exp = quan(mag, power2, 15);
    state_ptr->sr[0] = (exp << 6) + ((mag << 6) >> exp) - 0x400;
  } else
    state_ptr->sr[0] = 0xFC20;

  state_ptr->pk[1] = state_ptr->pk[0];
  state_ptr->pk[0] = pk0;

  if (tr == 1)
    state_ptr->td = 0;
  else if (a2p < -11776)
    state_ptr->td = 1;
  else
    state_ptr->td = 0;

  state_ptr->dms += (fi - state_ptr->dms) >> 5;
  state_ptr->dml += (((fi << 2) - state_ptr->dml) >> 7);

  if (tr == 1)
    state_ptr->ap = 256;
  else if (y < 1536)
    state_ptr->ap += (0x200 - state_ptr->ap) >> 4;
  else if (state_ptr->td == 1)
    state_ptr->ap += (0x200 - state_ptr->ap) >> 4;
  else if (abs((state_ptr->dms << 2) - state_ptr->dml) >= (state_ptr->dml >> 3))
    state_ptr->ap += (0x200 - state_ptr->ap) >> 4;
  else
    state_ptr->ap += (-state_ptr->ap) >> 4;
}

int g721_encoder(int sl, int in_coding, struct g72x_state *state_ptr) {
  short sezi, se, sez;
  short d;
  short sr;
  short y;
  short dqsez;
  short dq, i;

  switch (in_coding) {
    case AUDIO_ENCODING_LINEAR:
      sl >>= 2;
      break;
    default:
      return (-1);
  }

  sezi = predictor_zero(state_ptr);
  sez = sezi >> 1;
  se = (sezi + predictor_pole(state_ptr)) >> 1;

  d = sl - se;

  y = step_size(state_ptr);
  i = quantize(d, y, qtab_721, 7);

  dq = reconstruct(i & 8, _dqlntab[i], y);

  sr = (dq < 0) ? se - (dq & 0x3FFF) : se + dq;

  dqsez = sr + sez - se;

  update(4, y, _witab[i] << 5, _fitab[i], dq, sr, dqsez, state_ptr);

  return (i);
}

int g721_decoder(int i, int out_coding, struct g72x_state *state_ptr) {
  short sezi, sei, sez, se;
  short y;
  short sr;
  short dq;
  short dqsez;

  i &= 0x0f;
  sezi = predictor_zero(state_ptr);
  sez = sezi >> 1;
  sei = sezi + predictor_pole(state_ptr);
  se = sei >> 1;

  y = step_size(state_ptr);

  dq = reconstruct(i & 0x08, _dqlntab[i], y);

  sr = (dq < 0) ? (se - (dq & 0x3FFF)) : se + dq;

  dqsez = sr - se + sez;

  update(4, y, _witab[i] << 5, _fitab[i], dq, sr, dqsez, state_ptr);

  switch (out_coding) {
    case AUDIO_ENCODING_LINEAR:
      return (sr << 2);
    default:
      return (-1);
  }
}

void encode_block(struct g72x_state *state, const short *pcm, unsigned char *code, int n) {
  int k;
  for (k = 0; k < n; k++) code[k] = (unsigned char)g721_encoder(pcm[k], AUDIO_ENCODING_LINEAR, state);
}

void decode_block(struct g72x_state *state, const unsigned char *code, short *out, int n) {
  int k;
  for (k = 0; k < n; k++) out[k] = (short)g721_decoder(code[k], AUDIO_ENCODING_LINEAR, state);
}

#define NCH 3
#define NS 240
#define BLK 80

int main(void) {
  static struct g72x_state enc[NCH], dec[NCH];
  static short pcm[NCH][NS], out[NCH][NS];
  static unsigned char code[NCH][NS];
  int c, k;

  for (c = 0; c < NCH; c++) {
    for (k = 0; k < NS; k++) pcm[c][k] = (short)(((k * (53 + 17 * c)) % 1600 - 800) * (c + 2) + ((k * k) % 37) * 3);
#pragma dosc task
    g72x_init_state(&enc[c]);
#pragma dosc task
    g72x_init_state(&dec[c]);
  }
#pragma dosc taskwait
  for (k = 0; k < NS; k += BLK) {
    for (c = 0; c < NCH; c++) {
#pragma dosc task
      encode_block(&enc[c], pcm[c] + k, code[c] + k, BLK);
    }
#pragma dosc taskwait
  }
  for (k = 0; k < NS; k += BLK) {
    for (c = 0; c < NCH; c++) {
#pragma dosc task
      decode_block(&dec[c], code[c] + k, out[c] + k, BLK);
    }
#pragma dosc taskwait
  }
  for (c = 0; c < NCH; c++) {
    long h = 0, e = 0;
    for (k = 0; k < NS; k++) h = (h * 17 + code[c][k]) % 1000003, e += abs(out[c][k] - pcm[c][k]);
    printf("%d: codes %ld err %ld yl %ld yu %d a %d %d\n", c, h, e, enc[c].yl, enc[c].yu, dec[c].a[0], dec[c].a[1]);
  }
  return 0;
}
