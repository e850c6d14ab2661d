/* Simon Rockliff's Reed-Solomon encoder/decoder (University of Adelaide, 1989/1991; "this program
   may be freely modified and/or given to whoever wants it", the author's name kept), RS(204,188)
   over GF(2^8) as DVB uses it, as dosc tasks (branch unseen12), read from llvm/llvm-test-suite,
   SingleSource/Benchmarks/Misc/ReedSolomon.c: the routines' bodies kept, their globals made
   parameters as the file's own comment advises ("passing parameters (eg array addresses) to the
   functions may be a sensible move"), a task per packet:
   - the lower-case macros `mm`, `nn`, `tt`, `kk` as sizes (`int elp[nn-kk+2][nn-kk]`, `s[nn-kk+1]`,
     `err[nn]` locals of the decoder);
   - generate_gf / gen_poly filling alpha_to[nn+1], index_of[nn+1] (`index_of[alpha_to[i]] = i`: a
     store at a value read from the table itself) and gg[nn-kk+1] (`alpha_to[(index_of[gg[j]] +
     i) % nn]`, gg counted down `for (j = i-1; j > 0; j--)`), one task;
   - encode_rs's feedback shift register `bb[j] = bb[j-1] ^ alpha_to[(gg[j] + feedback) % nn]`
     with j from nn-kk-1 down, `index_of[data[i] ^ bb[nn-kk-1]]` (an index made of data);
   - decode_rs: syndromes `alpha_to[(recd[j] + i*j) % nn]`, the Berlekamp iteration over the
     local 2-D elp with `elp[u+1][i+u-q]`, `while ((d[q]==-1) && (q>0)) q--`, the do/while on
     `j--`, the Chien search's roots, `err[loc[i]]` and `recd[loc[i]] ^= err[loc[i]]` at
     data-given positions; the tables read through `const int *` parameters;
   - rsenc_204 / rsdec_204 on `unsigned char *` packets: data[255-204 + i] = data_in[i],
     recd[204-188 + i] = 0, data_out[188+i] = bb[i]; a task per packet given `out + p * 204`,
     `in + p * 188`, errors put in by the spawner between encoding and decoding.
   The program prints how many packets came back whole and a checksum. */
#include <stdio.h>
#include <stdlib.h>

#define mm 8   /* RS code over GF(2**8) */
#define nn 255 /* nn=2**mm -1   length of codeword */
#define tt 8   /* number of errors that can be corrected */
#define kk 239 /* kk = nn-2*tt  */

static const int pp[mm + 1] = {1, 0, 1, 1, 1, 0, 0, 0, 1}; /* irreducible polynomial coefficients */

struct rs_code {
  int alpha_to[nn + 1], index_of[nn + 1], gg[nn - kk + 1];
};

static void generate_gf(int *alpha_to, int *index_of) {
  register int i, mask;

  mask = 1;
  alpha_to[mm] = 0;
  for (i = 0; i < mm; i++) {
    alpha_to[i] = mask;
    index_of[alpha_to[i]] = i;
    if (pp[i] != 0) alpha_to[mm] ^= mask;
    mask <<= 1;
  }
  index_of[alpha_to[mm]] = mm;
  mask >>= 1;
  for (i = mm + 1; i < nn; i++) {
    if (alpha_to[i - 1] >= mask)
      alpha_to[i] = alpha_to[mm] ^ ((alpha_to[i - 1] ^ mask) << 1);
    else
      alpha_to[i] = alpha_to[i - 1] << 1;
    index_of[alpha_to[i]] = i;
  }
  index_of[0] = -1;
}

static void gen_poly(int *gg, const int *alpha_to, const int *index_of) {
  register int i, j;

  gg[0] = 2;
  gg[1] = 1;
  for (i = 2; i <= nn - kk; i++) {
    gg[i] = 1;
    for (j = i - 1; j > 0; j--)
      if (gg[j] != 0)
        gg[j] = gg[j - 1] ^ alpha_to[(index_of[gg[j]] + i) % nn];
      else
        gg[j] = gg[j - 1];
    gg[0] = alpha_to[(index_of[gg[0]] + i) % nn];
  }

  for (i = 0; i <= nn - kk; i++) gg[i] = index_of[gg[i]];
}

static void encode_rs(const int *data, int *bb, const int *gg, const int *alpha_to, const int *index_of) {
  register int i, j;
  int feedback;

  for (i = 0; i < nn - kk; i++) bb[i] = 0;
  for (i = kk - 1; i >= 0; i--) {
    feedback = index_of[data[i] ^ bb[nn - kk - 1]];
    if (feedback != -1) {
      for (j = nn - kk - 1; j > 0; j--)
        if (gg[j] != -1)
          bb[j] = bb[j - 1] ^ alpha_to[(gg[j] + feedback) % nn];
        else
          bb[j] = bb[j - 1];
      bb[0] = alpha_to[(gg[0] + feedback) % nn];
    } else {
      for (j = nn - kk - 1; j > 0; j--) bb[j] = bb[j - 1];
      bb[0] = 0;
    };
  };
}

static void decode_rs(int *recd, const int *alpha_to, const int *index_of) {
  register int i, j, u, q;
  int elp[nn - kk + 2][nn - kk], d[nn - kk + 2], l[nn - kk + 2], u_lu[nn - kk + 2], s[nn - kk + 1];
  int count = 0, syn_error = 0, root[tt], loc[tt], z[tt + 1], err[nn], reg[tt + 1];

  for (i = 1; i <= nn - kk; i++) {
    s[i] = 0;
    for (j = 0; j < nn; j++)
      if (recd[j] != -1) s[i] ^= alpha_to[(recd[j] + i * j) % nn];

    if (s[i] != 0) syn_error = 1;
    s[i] = index_of[s[i]];
  };

  if (syn_error) {
    d[0] = 0;
    d[1] = s[1];
    elp[0][0] = 0;
    elp[1][0] = 1;
    for (i = 1; i < nn - kk; i++) {
      elp[0][i] = -1;
      elp[1][i] = 0;
    }
    l[0] = 0;
    l[1] = 0;
    u_lu[0] = -1;
    u_lu[1] = 0;
    u = 0;

    do {
      u++;
      if (d[u] == -1) {
        l[u + 1] = l[u];
        for (i = 0; i <= l[u]; i++) {
          elp[u + 1][i] = elp[u][i];
          elp[u][i] = index_of[elp[u][i]];
        }
      } else

      {
        q = u - 1;
        while ((d[q] == -1) && (q > 0)) q--;

        if (q > 0) {
          j = q;
          do {
            j--;
            if ((d[j] != -1) && (u_lu[q] < u_lu[j])) q = j;
          } while (j > 0);
        };

        if (l[u] > l[q] + u - q)
          l[u + 1] = l[u];
        else
          l[u + 1] = l[q] + u - q;

        for (i = 0; i < nn - kk; i++) elp[u + 1][i] = 0;
        for (i = 0; i <= l[q]; i++)
          if (elp[q][i] != -1) elp[u + 1][i + u - q] = alpha_to[(d[u] + nn - d[q] + elp[q][i]) % nn];
        for (i = 0; i <= l[u]; i++) {
          elp[u + 1][i] ^= elp[u][i];
          elp[u][i] = index_of[elp[u][i]];
        }
      }
      u_lu[u + 1] = u - l[u + 1];

      if (u < nn - kk) {
        if (s[u + 1] != -1)
          d[u + 1] = alpha_to[s[u + 1]];
        else
          d[u + 1] = 0;
        for (i = 1; i <= l[u + 1]; i++)
          if ((s[u + 1 - i] != -1) && (elp[u + 1][i] != 0))
            d[u + 1] ^= alpha_to[(s[u + 1 - i] + index_of[elp[u + 1][i]]) % nn];
        d[u + 1] = index_of[d[u + 1]];
      }
    } while ((u < nn - kk) && (l[u + 1] <= tt));

    u++;
    if (l[u] <= tt) {
      for (i = 0; i <= l[u]; i++) elp[u][i] = index_of[elp[u][i]];

      for (i = 1; i <= l[u]; i++) reg[i] = elp[u][i];
      count = 0;
      for (i = 1; i <= nn; i++) {
        q = 1;
        for (j = 1; j <= l[u]; j++)
          if (reg[j] != -1) {
            reg[j] = (reg[j] + j) % nn;
            q ^= alpha_to[reg[j]];
          };
        if (!q) {
          root[count] = i;
          loc[count] = nn - i;
          count++;
        };
      };
      if (count == l[u]) {
        for (i = 1; i <= l[u]; i++) {
          if ((s[i] != -1) && (elp[u][i] != -1))
            z[i] = alpha_to[s[i]] ^ alpha_to[elp[u][i]];
          else if ((s[i] != -1) && (elp[u][i] == -1))
            z[i] = alpha_to[s[i]];
          else if ((s[i] == -1) && (elp[u][i] != -1))
            z[i] = alpha_to[elp[u][i]];
          else
            z[i] = 0;
          for (j = 1; j < i; j++)
            if ((s[j] != -1) && (elp[u][i - j] != -1)) z[i] ^= alpha_to[(elp[u][i - j] + s[j]) % nn];
          z[i] = index_of[z[i]];
        };

        for (i = 0; i < nn; i++) {
          err[i] = 0;
          if (recd[i] != -1)
            recd[i] = alpha_to[recd[i]];
          else
            recd[i] = 0;
        }
        for (i = 0; i < l[u]; i++) {
          err[loc[i]] = 1;
          for (j = 1; j <= l[u]; j++)
            if (z[j] != -1) err[loc[i]] ^= alpha_to[(z[j] + j * root[i]) % nn];
          if (err[loc[i]] != 0) {
            err[loc[i]] = index_of[err[loc[i]]];
            q = 0;
            for (j = 0; j < l[u]; j++)
              if (j != i) q += index_of[1 ^ alpha_to[(loc[j] + root[i]) % nn]];
            q = q % nn;
            err[loc[i]] = alpha_to[(err[loc[i]] - q + nn) % nn];
            recd[loc[i]] ^= err[loc[i]];
          }
        }
      } else
        for (i = 0; i < nn; i++)
          if (recd[i] != -1)
            recd[i] = alpha_to[recd[i]];
          else
            recd[i] = 0;
    } else
      for (i = 0; i < nn; i++)
        if (recd[i] != -1)
          recd[i] = alpha_to[recd[i]];
        else
          recd[i] = 0;
  } else
    for (i = 0; i < nn; i++)
      if (recd[i] != -1)
        recd[i] = alpha_to[recd[i]];
      else
        recd[i] = 0;
}

void rs_init(struct rs_code *code) {
  generate_gf(code->alpha_to, code->index_of);
  gen_poly(code->gg, code->alpha_to, code->index_of);
}

void rsenc_204(unsigned char *data_out, unsigned char *data_in, const struct rs_code *code) {
  int i;
  int data[kk], bb[nn - kk];
  for (i = 0; i < 255 - 204; ++i) data[i] = 0;
  for (i = 0; i < 188; ++i) data[255 - 204 + i] = data_in[i];
  encode_rs(data, bb, code->gg, code->alpha_to, code->index_of);
  for (i = 0; i < 188; ++i) data_out[i] = data_in[i];
  for (i = 0; i < 204 - 188; ++i) data_out[188 + i] = bb[i];
}

void rsdec_204(unsigned char *data_out, unsigned char *data_in, const int *alpha_to, const int *index_of) {
  int i;
  int recd[nn];
  for (i = 0; i < 204 - 188; ++i) recd[i] = data_in[188 + i];
  for (i = 0; i < 255 - 204; ++i) recd[204 - 188 + i] = 0;
  for (i = 0; i < 188; ++i) recd[255 - 188 + i] = data_in[i];
  for (i = 0; i < nn; i++) recd[i] = index_of[recd[i]];
  decode_rs(recd, alpha_to, index_of);
  for (i = 0; i < 188; ++i) data_out[i] = recd[255 - 188 + i];
}

#define NPKT 4

int main(void) {
  static struct rs_code code;
  static unsigned char in[NPKT * 188], coded[NPKT * 204], out[NPKT * 188];
  static const int nerr[NPKT] = {0, 3, 8, 20};
  unsigned long seed = 17;
  int p, j, whole = 0;

#pragma dosc task
  rs_init(&code);
  for (j = 0; j < NPKT * 188; ++j) {
    seed = seed * 1103515245UL + 12345UL;
    in[j] = (unsigned char)(seed >> 16);
  }
#pragma dosc taskwait

  for (p = 0; p < NPKT; p++) {
#pragma dosc task
    rsenc_204(coded + p * 204, in + p * 188, &code);
  }
#pragma dosc taskwait
  for (p = 0; p < NPKT; p++)
    for (j = 0; j < nerr[p]; j++) {
      seed = seed * 1103515245UL + 12345UL;
      coded[p * 204 + (seed >> 8) % 204] ^= (unsigned char)(1 + ((seed >> 20) & 0x7F));
    }
  for (p = 0; p < NPKT; p++) {
#pragma dosc task
    rsdec_204(out + p * 188, coded + p * 204, code.alpha_to, code.index_of);
  }
#pragma dosc taskwait

  unsigned long h = 0;
  for (p = 0; p < NPKT; p++) {
    int same = 1;
    for (j = 0; j < 188; j++) same &= out[p * 188 + j] == in[p * 188 + j];
    whole += same;
  }
  for (j = 0; j < NPKT * 204; j++) h = h * 31 + coded[j];
  for (j = 0; j < NPKT * 188; j++) h = h * 7 + out[j];
  for (j = 0; j <= nn - kk; j++) h += code.gg[j] * (j + 1);
  printf("whole %d of %d, checksum %lu\n", whole, NPKT, h % 1000000007UL);
  return 0;
}
