/* The GSM 06.10 full-rate speech coder of Jutta Degener and Carsten Bormann (TU Berlin, 1992-94;
   "any use of this software is permitted provided that this notice is not removed", see COPYRIGHT),
   MediaBench's gsm, as dosc tasks (branch unseen12), read from llvm/llvm-test-suite,
   MultiSource/Benchmarks/mediabench/gsm/toast/ (lpc.c, short_term.c, long_term.c, add.c,
   private.h): the shapes kept, the code written anew around them, the coder's state one struct
   per channel and a task per frame, sub-frame or channel:
   - Autocorrelation (lpc.c): the maximum by GSM_ABS, the scaling through a `switch` of SCALE(n)
     cases (a `for` inside each `case`), the products through `word *sp = s` advanced by the NEXTI
     macro `sl = *++sp` and read backwards by STEP(k) `sp[-(k)]` into L_ACF[k], cleared by `for
     (k = 9; k--; L_ACF[k] = 0);` and doubled by `for (k = 9; k--; L_ACF[k] <<= 1);` (the stores
     in the loops' third clauses), the rescaling `for (k = 160; k--; *s++ <<= scalauto);`;
     gsm_norm over the suite's `bitoff` table (a const global);
   - Gsm_Short_Term_Analysis_Filter (short_term.c): `S->LARpp[S->j]` and `S->LARpp[S->j ^= 1]`
     (a row of a 2-D array field, the index flipped in the subscript), Decoding's STEP macro
     writing `*LARpp++`, Coefficients_* walking three pointers `i++, LARp++, LARpp_j_1++,
     LARpp_j++` for i in [1, 8], LARp_to_rp, and the filter `for (; k_n--; s++)` over `s + 13`,
     `s + 27`, `s + 40` with the state's u[8]; written with K&R definitions as the suite's P2/P4
     macros expand without prototypes;
   - Short_term_synthesis_filtering: `while (k--) { sri = *wt++; for (i = 8; i--;) ... v[i+1] =
     ...; *sr++ = v[0] = sri; }` over the state's v[9];
   - Calculation_of_the_LTP_parameters (long_term.c): the lag search over `dp[k - lambda]` for
     lambda in [40, 120] with `dp` pointing 120 words into the channel's history (`S->dp0 +
     120`: read at -120 .. -1), its forty STEP(k) terms, the gain by `gsm_DLB[bc]` (a global
     table that is not const, as in table.c); Long_term_analysis_filtering's switch of STEP(BP)
     writing dpp[k] and e[k] from `dp[k - Nc]`.
   The program prints checksums. */
#include <stdio.h>
#include <stdlib.h>

typedef short word;
typedef long longword;
typedef unsigned short uword;
typedef unsigned long ulongword;

#define MIN_WORD ((-32767) - 1)
#define MAX_WORD (32767)
#define SASR(x, by) ((x) >> (by))
#define GSM_MULT_R(a, b) (SASR(((longword)(a) * (longword)(b) + 16384), 15))
#define GSM_MULT(a, b) (SASR(((longword)(a) * (longword)(b)), 15))
#define GSM_ADD(a, b)                                                               \
  ((ulongword)((ltmp = (longword)(a) + (longword)(b)) - MIN_WORD) > MAX_WORD - MIN_WORD \
       ? (ltmp > 0 ? MAX_WORD : MIN_WORD)                                          \
       : ltmp)
#define GSM_SUB(a, b) \
  ((ltmp = (longword)(a) - (longword)(b)) >= MAX_WORD ? MAX_WORD : ltmp <= MIN_WORD ? MIN_WORD : ltmp)
#define GSM_ABS(a) ((a) < 0 ? ((a) == MIN_WORD ? MAX_WORD : -(a)) : (a))

#define NCHAN 3
#define NFRAMES 2

struct gsm_state {
  word dp0[280];
  word z1;
  longword L_z2;
  int mp;
  word u[8];
  word LARpp[2][8];
  word j;
  word nrp;
  word v[9];
  word msr;
};

static const unsigned char bitoff[256] = {
    8, 7, 6, 6, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

word gsm_DLB[4] = {6554, 16384, 26214, 32767};
word gsm_QLB[4] = {3277, 11469, 21299, 32767};

word gsm_norm(a)
longword a;
{
  if (a < 0) {
    if (a <= -1073741824) return 0;
    a = ~a;
  }
  return a & 0xffff0000 ? (a & 0xff000000 ? -1 + bitoff[0xFF & (a >> 24)] : 7 + bitoff[0xFF & (a >> 16)])
                        : (a & 0xff00 ? 15 + bitoff[0xFF & (a >> 8)] : 23 + bitoff[0xFF & a]);
}

/* ---- lpc.c ---- */
void Autocorrelation(s, L_ACF)
word *s;        /* [0..159] IN/OUT */
longword *L_ACF; /* [0..8] OUT */
{
  register int k, i;
  word temp, smax, scalauto;

  smax = 0;
  for (k = 0; k <= 159; k++) {
    temp = GSM_ABS(s[k]);
    if (temp > smax) smax = temp;
  }
  if (smax == 0)
    scalauto = 0;
  else
    scalauto = 4 - gsm_norm((longword)smax << 16);

  if (scalauto > 0) {
#define SCALE(n)                                                   \
  case n:                                                          \
    for (k = 0; k <= 159; k++) s[k] = GSM_MULT_R(s[k], 16384 >> (n - 1)); \
    break;
    switch (scalauto) {
      SCALE(1)
      SCALE(2)
      SCALE(3)
      SCALE(4)
    }
#undef SCALE
  }
  {
    word *sp = s;
    word sl = *sp;
#define STEP(k) L_ACF[k] += ((longword)sl * sp[-(k)]);
#define NEXTI sl = *++sp
    for (k = 9; k--; L_ACF[k] = 0)
      ;
    STEP(0);
    NEXTI;
    STEP(0); STEP(1);
    NEXTI;
    STEP(0); STEP(1); STEP(2);
    NEXTI;
    STEP(0); STEP(1); STEP(2); STEP(3);
    NEXTI;
    STEP(0); STEP(1); STEP(2); STEP(3); STEP(4);
    NEXTI;
    STEP(0); STEP(1); STEP(2); STEP(3); STEP(4); STEP(5);
    NEXTI;
    STEP(0); STEP(1); STEP(2); STEP(3); STEP(4); STEP(5); STEP(6);
    NEXTI;
    STEP(0); STEP(1); STEP(2); STEP(3); STEP(4); STEP(5); STEP(6); STEP(7);
    for (i = 8; i <= 159; i++) {
      NEXTI;
      STEP(0);
      STEP(1); STEP(2); STEP(3); STEP(4);
      STEP(5); STEP(6); STEP(7); STEP(8);
    }
    for (k = 9; k--; L_ACF[k] <<= 1)
      ;
#undef STEP
#undef NEXTI
  }
  if (scalauto > 0) {
    for (k = 160; k--; *s++ <<= scalauto)
      ;
  }
}

/* ---- short_term.c ---- */
static void Decoding_of_the_coded_Log_Area_Ratios(LARc, LARpp)
word *LARc;
word *LARpp;
{
  register word temp1;
  register longword ltmp;
#define STEP(B, MIC, INVA)                  \
  temp1 = GSM_ADD(*LARc++, MIC) << 10;      \
  temp1 = GSM_SUB(temp1, B << 1);           \
  temp1 = GSM_MULT_R(INVA, temp1);          \
  *LARpp++ = GSM_ADD(temp1, temp1);
  STEP(0, -32, 13107);
  STEP(0, -32, 13107);
  STEP(2048, -16, 13107);
  STEP(-2560, -16, 13107);
  STEP(94, -8, 19223);
  STEP(-1792, -8, 17476);
  STEP(-341, -4, 31454);
  STEP(-1144, -4, 29708);
#undef STEP
}

static void Coefficients_0_12(LARpp_j_1, LARpp_j, LARp)
register word *LARpp_j_1;
register word *LARpp_j;
register word *LARp;
{
  register int i;
  register longword ltmp;
  for (i = 1; i <= 8; i++, LARp++, LARpp_j_1++, LARpp_j++) {
    *LARp = GSM_ADD(SASR(*LARpp_j_1, 2), SASR(*LARpp_j, 2));
    *LARp = GSM_ADD(*LARp, SASR(*LARpp_j_1, 1));
  }
}

static void Coefficients_13_26(LARpp_j_1, LARpp_j, LARp)
register word *LARpp_j_1;
register word *LARpp_j;
register word *LARp;
{
  register int i;
  register longword ltmp;
  for (i = 1; i <= 8; i++, LARpp_j_1++, LARpp_j++, LARp++) *LARp = GSM_ADD(SASR(*LARpp_j_1, 1), SASR(*LARpp_j, 1));
}

static void Coefficients_27_39(LARpp_j_1, LARpp_j, LARp)
register word *LARpp_j_1;
register word *LARpp_j;
register word *LARp;
{
  register int i;
  register longword ltmp;
  for (i = 1; i <= 8; i++, LARpp_j_1++, LARpp_j++, LARp++) {
    *LARp = GSM_ADD(SASR(*LARpp_j_1, 2), SASR(*LARpp_j, 2));
    *LARp = GSM_ADD(*LARp, SASR(*LARpp_j, 1));
  }
}

static void Coefficients_40_159(LARpp_j, LARp)
register word *LARpp_j;
register word *LARp;
{
  register int i;
  for (i = 1; i <= 8; i++, LARp++, LARpp_j++) *LARp = *LARpp_j;
}

static void LARp_to_rp(LARp)
register word *LARp;
{
  register int i;
  register word temp;
  register longword ltmp;
  for (i = 1; i <= 8; i++, LARp++) {
    if (*LARp < 0) {
      temp = *LARp == MIN_WORD ? MAX_WORD : -(*LARp);
      *LARp = -((temp < 11059) ? temp << 1 : ((temp < 20070) ? temp + 11059 : GSM_ADD(temp >> 2, 26112)));
    } else {
      temp = *LARp;
      *LARp = (temp < 11059) ? temp << 1 : ((temp < 20070) ? temp + 11059 : GSM_ADD(temp >> 2, 26112));
    }
  }
}

static void Short_term_analysis_filtering(S, rp, k_n, s)
struct gsm_state *S;
register word *rp;
register int k_n;
register word *s;
{
  register word *u = S->u;
  register int i;
  register word di, zzz, ui, sav, rpi;
  register longword ltmp;

  for (; k_n--; s++) {
    di = sav = *s;
    for (i = 0; i < 8; i++) {
      ui = u[i];
      rpi = rp[i];
      u[i] = sav;
      zzz = GSM_MULT_R(rpi, di);
      sav = GSM_ADD(ui, zzz);
      zzz = GSM_MULT_R(rpi, ui);
      di = GSM_ADD(di, zzz);
    }
    *s = di;
  }
}

void Gsm_Short_Term_Analysis_Filter(S, LARc, s)
struct gsm_state *S;
word *LARc; /* coded log area ratio [0..7] IN */
word *s;    /* signal [0..159] IN/OUT */
{
  word *LARpp_j = S->LARpp[S->j];
  word *LARpp_j_1 = S->LARpp[S->j ^= 1];
  word LARp[8];

  Decoding_of_the_coded_Log_Area_Ratios(LARc, LARpp_j);
  Coefficients_0_12(LARpp_j_1, LARpp_j, LARp);
  LARp_to_rp(LARp);
  Short_term_analysis_filtering(S, LARp, 13, s);
  Coefficients_13_26(LARpp_j_1, LARpp_j, LARp);
  LARp_to_rp(LARp);
  Short_term_analysis_filtering(S, LARp, 14, s + 13);
  Coefficients_27_39(LARpp_j_1, LARpp_j, LARp);
  LARp_to_rp(LARp);
  Short_term_analysis_filtering(S, LARp, 13, s + 27);
  Coefficients_40_159(LARpp_j, LARp);
  LARp_to_rp(LARp);
  Short_term_analysis_filtering(S, LARp, 120, s + 40);
}

void Short_term_synthesis_filtering(S, rrp, k, wt, sr)
struct gsm_state *S;
register word *rrp; /* [0..7] IN */
register int k;     /* k_end - k_start */
register word *wt;  /* [0..k-1] IN */
register word *sr;  /* [0..k-1] OUT */
{
  register word *v = S->v;
  register int i;
  register word sri, tmp1, tmp2;
  register longword ltmp;

  while (k--) {
    sri = *wt++;
    for (i = 8; i--;) {
      tmp1 = rrp[i];
      tmp2 = v[i];
      tmp2 = (tmp1 == MIN_WORD && tmp2 == MIN_WORD ? MAX_WORD
                                                   : 0x0FFFF & (((longword)tmp1 * (longword)tmp2 + 16384) >> 15));
      sri = GSM_SUB(sri, tmp2);
      tmp1 = (tmp1 == MIN_WORD && sri == MIN_WORD ? MAX_WORD
                                                  : 0x0FFFF & (((longword)tmp1 * (longword)sri + 16384) >> 15));
      v[i + 1] = GSM_ADD(v[i], tmp1);
    }
    *sr++ = v[0] = sri;
  }
}

/* ---- long_term.c ---- */
void Calculation_of_the_LTP_parameters(d, dp, bc_out, Nc_out)
register word *d;  /* [0..39] IN */
register word *dp; /* [-120..-1] IN */
word *bc_out;      /* OUT */
word *Nc_out;      /* OUT */
{
  register int k, lambda;
  word Nc, bc;
  word wt[40];
  longword L_max, L_power;
  word R, S, dmax, scal;
  register word temp;

  dmax = 0;
  for (k = 0; k <= 39; k++) {
    temp = d[k];
    temp = GSM_ABS(temp);
    if (temp > dmax) dmax = temp;
  }
  temp = 0;
  if (dmax == 0)
    scal = 0;
  else
    temp = gsm_norm((longword)dmax << 16);
  if (temp > 6)
    scal = 0;
  else
    scal = 6 - temp;
  for (k = 0; k <= 39; k++) wt[k] = SASR(d[k], scal);

  L_max = 0;
  Nc = 40;
  for (lambda = 40; lambda <= 120; lambda++) {
#define STEP(k) (wt[k] * dp[k - lambda])
    register longword L_result;
    L_result = STEP(0); L_result += STEP(1);
    L_result += STEP(2); L_result += STEP(3);
    L_result += STEP(4); L_result += STEP(5);
    L_result += STEP(6); L_result += STEP(7);
    L_result += STEP(8); L_result += STEP(9);
    L_result += STEP(10); L_result += STEP(11);
    L_result += STEP(12); L_result += STEP(13);
    L_result += STEP(14); L_result += STEP(15);
    L_result += STEP(16); L_result += STEP(17);
    L_result += STEP(18); L_result += STEP(19);
    L_result += STEP(20); L_result += STEP(21);
    L_result += STEP(22); L_result += STEP(23);
    L_result += STEP(24); L_result += STEP(25);
    L_result += STEP(26); L_result += STEP(27);
    L_result += STEP(28); L_result += STEP(29);
    L_result += STEP(30); L_result += STEP(31);
    L_result += STEP(32); L_result += STEP(33);
    L_result += STEP(34); L_result += STEP(35);
    L_result += STEP(36); L_result += STEP(37);
    L_result += STEP(38); L_result += STEP(39);
#undef STEP
    if (L_result > L_max) {
      Nc = lambda;
      L_max = L_result;
    }
  }
  *Nc_out = Nc;
  L_max <<= 1;
  L_max = L_max >> (6 - scal);

  L_power = 0;
  for (k = 0; k <= 39; k++) {
    register longword L_temp;
    L_temp = SASR(dp[k - Nc], 3);
    L_power += L_temp * L_temp;
  }
  L_power <<= 1;

  if (L_max <= 0) {
    *bc_out = 0;
    return;
  }
  if (L_max >= L_power) {
    *bc_out = 3;
    return;
  }
  temp = gsm_norm(L_power);
  R = SASR(L_max << temp, 16);
  S = SASR(L_power << temp, 16);
  for (bc = 0; bc <= 2; bc++)
    if (R <= GSM_MULT(S, gsm_DLB[bc])) break;
  *bc_out = bc;
}

void Long_term_analysis_filtering(bc, Nc, dp, d, dpp, e)
word bc;
word Nc;
register word *dp;  /* previous d [-120..-1] IN */
register word *d;   /* d [0..39] IN */
register word *dpp; /* estimate [0..39] OUT */
register word *e;   /* long term res. signal [0..39] OUT */
{
  register int k;
  register longword ltmp;
#define STEP(BP)                           \
  for (k = 0; k <= 39; k++) {              \
    dpp[k] = GSM_MULT_R(BP, dp[k - Nc]);   \
    e[k] = GSM_SUB(d[k], dpp[k]);          \
  }
  switch (bc) {
    case 0: STEP(3277); break;
    case 1: STEP(11469); break;
    case 2: STEP(21299); break;
    case 3: STEP(32767); break;
  }
#undef STEP
}

static unsigned long lcg = 12345;
static word noise(int amp) {
  lcg = lcg * 1103515245UL + 12345UL;
  return (word)((long)((lcg >> 16) % (2 * amp + 1)) - amp);
}

int main(void) {
  static struct gsm_state state[NCHAN];
  static word sig[NCHAN][NFRAMES * 160];
  static word syn[NCHAN][160];
  static longword acf[NCHAN * NFRAMES * 9];
  static word LARc[NCHAN][8];
  word bc[NCHAN][4], Nc[NCHAN][4], dpp[NCHAN][40], e[NCHAN][40];
  int c, f, k;

  for (c = 0; c < NCHAN; c++) {
    for (k = 0; k < NFRAMES * 160; k++) sig[c][k] = (word)((k * (37 + c * 11)) % 2000 - 1000 + noise(300 << c));
    for (k = 0; k < 280; k++) state[c].dp0[k] = noise(900);
    for (k = 0; k < 8; k++) LARc[c][k] = (word)(((k * 5 + c) % 7) - 3);
    state[c].j = (word)(c & 1);
  }

  for (c = 0; c < NCHAN; c++)
    for (f = 0; f < NFRAMES; f++) {
#pragma dosc task
      Autocorrelation(sig[c] + f * 160, acf + (c * NFRAMES + f) * 9);
    }
#pragma dosc taskwait

  for (c = 0; c < NCHAN; c++) {
#pragma dosc task
    Gsm_Short_Term_Analysis_Filter(&state[c], LARc[c], sig[c]);
  }
#pragma dosc taskwait

  for (c = 0; c < NCHAN; c++) {
#pragma dosc task
    Short_term_synthesis_filtering(&state[c], LARc[c], 160, sig[c] + 160, syn[c]);
  }
#pragma dosc taskwait

  for (c = 0; c < NCHAN; c++)
    for (k = 0; k < 4; k++) {
#pragma dosc task
      Calculation_of_the_LTP_parameters(sig[c] + k * 40, state[c].dp0 + 120, &bc[c][k], &Nc[c][k]);
    }
#pragma dosc taskwait

  for (c = 0; c < NCHAN; c++) {
#pragma dosc task
    Long_term_analysis_filtering(bc[c][c], Nc[c][c], state[c].dp0 + 120, sig[c] + 40 * c, dpp[c], e[c]);
  }
#pragma dosc taskwait

  long sum = 0;
  for (k = 0; k < NCHAN * NFRAMES * 9; k++) sum = (sum * 3 + (acf[k] >> 8) % 1000003) % 1000000007L;
  printf("acf %ld\n", sum);
  for (c = 0; c < NCHAN; c++) {
    long s1 = 0, s2 = 0, s3 = 0;
    for (k = 0; k < NFRAMES * 160; k++) s1 += sig[c][k] * (k % 13 + 1);
    for (k = 0; k < 160; k++) s2 += syn[c][k] * (k % 7 + 1);
    for (k = 0; k < 40; k++) s3 += dpp[c][k] + 3 * e[c][k];
    for (k = 0; k < 8; k++) s2 += state[c].u[k] * (k + 1) + state[c].v[k] + state[c].LARpp[0][k] - state[c].LARpp[1][k];
    printf("%d: %ld %ld %ld j=%d bc=%d,%d,%d,%d Nc=%d,%d,%d,%d\n", c, s1, s2, s3, state[c].j, bc[c][0], bc[c][1],
           bc[c][2], bc[c][3], Nc[c][0], Nc[c][1], Nc[c][2], Nc[c][3]);
  }
  return 0;
}
