/* Rodinia's myocyte and leukocyte OpenMP versions (University of Virginia, Rodinia 3.1; Rodinia
   licence, BSD-style) as dosc tasks (branch unseen13), after rodinia openmp/myocyte (kernel_cam.c,
   kernel_ecc.c, kernel_fin.c, master.c) and openmp/leukocyte (find_ellipse.c, meschach's MAT): the
   shapes kept, the models cut down, the code written anew.
   - myocyte: the state vector initvalu and its derivative finavalu as flat arrays split into
     subsystems by offsets; cam(timeinst, initvalu, initvalu_offset, parameter, parameter_offset,
     finavalu, Ca) names fifteen locals `int offset_1 = initvalu_offset; ... offset_15 =
     initvalu_offset + 14;`, reads initvalu[offset_k] and parameter[parameter_offset + k], writes
     finavalu[offset_k]; master calls it at offsets 46, 61 and 76 (three tasks, disjoint writes)
     beside ecc over [0, 46) and then fin, which couples the subsystems (finavalu[offset_k] read
     and added back); an Euler loop over time steps;
   - leukocyte: meschach's `MAT { m, n, max_m, max_n, max_size; double **me; double *base; }` with
     m_get_val(A, i, j) = A->me[i][j]; dilate_f's task per row block (the structuring element's
     offsets, `y >= 0 && x >= 0 && y < img_in->m && x < img_in->n && m_get_val(strel, el_i, el_j)
     != 0`); ellipsematching's GICOV score per pixel from the offset tables tX[k][n], tY[k][n]
     (int rows, data read as indices) over the gradients, a task per column block of the result.
   The program prints the state and the image checksums. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

typedef double fp;
#define EQUATIONS  91
#define PARAMETERS 16

/* Calmodulin buffering of one compartment: 15 states at initvalu_offset, 5 parameters. */
void cam(fp timeinst, fp *initvalu, int initvalu_offset, fp *parameter, int parameter_offset,
         fp *finavalu, fp Ca) {
  int offset_1 = initvalu_offset;
  int offset_2 = initvalu_offset + 1;
  int offset_3 = initvalu_offset + 2;
  int offset_4 = initvalu_offset + 3;
  int offset_5 = initvalu_offset + 4;
  int offset_6 = initvalu_offset + 5;
  int offset_7 = initvalu_offset + 6;
  int offset_8 = initvalu_offset + 7;
  int offset_9 = initvalu_offset + 8;
  int offset_10 = initvalu_offset + 9;
  int offset_11 = initvalu_offset + 10;
  int offset_12 = initvalu_offset + 11;
  int offset_13 = initvalu_offset + 12;
  int offset_14 = initvalu_offset + 13;
  int offset_15 = initvalu_offset + 14;
  fp s1 = initvalu[offset_1], s2 = initvalu[offset_2], s3 = initvalu[offset_3],
     s4 = initvalu[offset_4], s5 = initvalu[offset_5], s6 = initvalu[offset_6],
     s7 = initvalu[offset_7], s8 = initvalu[offset_8], s9 = initvalu[offset_9],
     s10 = initvalu[offset_10], s11 = initvalu[offset_11], s12 = initvalu[offset_12],
     s13 = initvalu[offset_13], s14 = initvalu[offset_14], s15 = initvalu[offset_15];
  fp CaMtot = parameter[parameter_offset], Btot = parameter[parameter_offset + 1],
     CaMKIItot = parameter[parameter_offset + 2], CaNtot = parameter[parameter_offset + 3],
     PP1tot = parameter[parameter_offset + 4];
  fp K = 0.02 + 0.001 * timeinst;
  finavalu[offset_1] =
      K * (Ca * s15 - s1) + 0.001 * (CaMtot - s1) * (2 * Btot + CaMKIItot - CaNtot * PP1tot);
  finavalu[offset_2] =
      K * (Ca * s1 - s2) + 0.001 * (CaMtot - s2) * (3 * Btot + CaMKIItot - CaNtot * PP1tot);
  finavalu[offset_3] =
      K * (Ca * s2 - s3) + 0.001 * (CaMtot - s3) * (4 * Btot + CaMKIItot - CaNtot * PP1tot);
  finavalu[offset_4] =
      K * (Ca * s3 - s4) + 0.001 * (CaMtot - s4) * (5 * Btot + CaMKIItot - CaNtot * PP1tot);
  finavalu[offset_5] =
      K * (Ca * s4 - s5) + 0.001 * (CaMtot - s5) * (1 * Btot + CaMKIItot - CaNtot * PP1tot);
  finavalu[offset_6] =
      K * (Ca * s5 - s6) + 0.001 * (CaMtot - s6) * (2 * Btot + CaMKIItot - CaNtot * PP1tot);
  finavalu[offset_7] =
      K * (Ca * s6 - s7) + 0.001 * (CaMtot - s7) * (3 * Btot + CaMKIItot - CaNtot * PP1tot);
  finavalu[offset_8] =
      K * (Ca * s7 - s8) + 0.001 * (CaMtot - s8) * (4 * Btot + CaMKIItot - CaNtot * PP1tot);
  finavalu[offset_9] =
      K * (Ca * s8 - s9) + 0.001 * (CaMtot - s9) * (5 * Btot + CaMKIItot - CaNtot * PP1tot);
  finavalu[offset_10] =
      K * (Ca * s9 - s10) + 0.001 * (CaMtot - s10) * (1 * Btot + CaMKIItot - CaNtot * PP1tot);
  finavalu[offset_11] =
      K * (Ca * s10 - s11) + 0.001 * (CaMtot - s11) * (2 * Btot + CaMKIItot - CaNtot * PP1tot);
  finavalu[offset_12] =
      K * (Ca * s11 - s12) + 0.001 * (CaMtot - s12) * (3 * Btot + CaMKIItot - CaNtot * PP1tot);
  finavalu[offset_13] =
      K * (Ca * s12 - s13) + 0.001 * (CaMtot - s13) * (4 * Btot + CaMKIItot - CaNtot * PP1tot);
  finavalu[offset_14] =
      K * (Ca * s13 - s14) + 0.001 * (CaMtot - s14) * (5 * Btot + CaMKIItot - CaNtot * PP1tot);
  finavalu[offset_15] =
      K * (Ca * s14 - s15) + 0.001 * (CaMtot - s15) * (1 * Btot + CaMKIItot - CaNtot * PP1tot);
}

/* Excitation-contraction coupling: states [0, 46), parameter[0]. Returns the dyadic flux. */
fp ecc(fp timeinst, fp *initvalu, int initvalu_offset, fp *parameter, int parameter_offset,
       fp *finavalu) {
  fp stim = parameter[parameter_offset] * (fmod(timeinst, 1000.0) < 5.0 ? 1.0 : 0.0);
  for (int k = 0; k < 46; k++)
    finavalu[initvalu_offset + k] = -0.01 * initvalu[initvalu_offset + k] +
                                    (k % 7 == 0 ? stim : 0.0) +
                                    0.002 * initvalu[initvalu_offset + (k + 1) % 46];
  return 0.1 * initvalu[initvalu_offset + 35] + 0.01;
}

/* Couples the three CaM compartments back into ecc's calcium states. */
void fin(fp *initvalu, int initvalu_offset_ecc, int initvalu_offset_Dyad, int initvalu_offset_SL,
         int initvalu_offset_Cyt, fp *parameter, fp *finavalu, fp JCaDyad, fp JCaSL, fp JCaCyt) {
  fp BtotDyad = parameter[2], CaMKIItotDyad = parameter[3];
  fp Vmyo = 2.1454e-11, Vdyad = 1.7790e-14, VSL = 6.6013e-13;
  fp JCaDyadCaM = finavalu[initvalu_offset_Dyad + 1] + finavalu[initvalu_offset_Dyad + 2];
  fp JCaSLCaM = finavalu[initvalu_offset_SL + 1] + finavalu[initvalu_offset_SL + 2];
  fp JCaCytCaM = finavalu[initvalu_offset_Cyt + 1] + finavalu[initvalu_offset_Cyt + 2];
  finavalu[initvalu_offset_ecc + 35] += JCaDyad * 1e-3 - JCaDyadCaM * BtotDyad * 1e-4;
  finavalu[initvalu_offset_ecc + 36] += JCaSL * 1e-3 - JCaSLCaM * (Vdyad / VSL);
  finavalu[initvalu_offset_ecc + 37] += JCaCyt * 1e-3 - JCaCytCaM * (VSL / Vmyo) * CaMKIItotDyad;
  finavalu[initvalu_offset_Dyad] =
      -finavalu[initvalu_offset_Dyad + 14] * 0.5 + initvalu[initvalu_offset_Dyad] * 1e-4;
}

void master(fp timeinst, fp *initvalu, fp *parameter, fp *finavalu) {
  fp JCaDyad, JCaSL, JCaCyt;
#pragma dosc task
  JCaDyad = ecc(timeinst, initvalu, 0, parameter, 0, finavalu);
#pragma dosc taskwait
  JCaSL = JCaDyad * 0.5;
  JCaCyt = JCaDyad * 0.25;
#pragma dosc task
  cam(timeinst, initvalu, 46, parameter, 1, finavalu, JCaDyad);
#pragma dosc task
  cam(timeinst, initvalu, 61, parameter, 6, finavalu, JCaSL);
#pragma dosc task
  cam(timeinst, initvalu, 76, parameter, 11, finavalu, JCaCyt);
#pragma dosc taskwait
  fin(initvalu, 0, 46, 61, 76, parameter, finavalu, JCaDyad, JCaSL, JCaCyt);
}

/* ---- leukocyte ---- */
typedef struct {
  unsigned int m, n;
  unsigned int max_m, max_n, max_size;
  double **me, *base;
} MAT;

#define m_get_val(A, i, j)      ((A)->me[(i)][(j)])
#define m_set_val(A, i, j, val) ((A)->me[(i)][(j)] = (val))

MAT *m_get(int m, int n) {
  MAT *A = malloc(sizeof(MAT));
  A->m = A->max_m = m;
  A->n = A->max_n = n;
  A->max_size = m * n;
  A->base = calloc((size_t)m * n, sizeof(double));
  A->me = malloc(sizeof(double *) * m);
  for (int i = 0; i < m; i++)
    A->me[i] = A->base + (size_t)i * n;
  return A;
}

void m_free(MAT *A) {
  free(A->base);
  free(A->me);
  free(A);
}

/* Rows [ilo, ihi) of the grey dilation of img_in by strel into dilated. */
void dilate_rows(MAT *img_in, MAT *strel, MAT *dilated, int ilo, int ihi) {
  int el_center_i = strel->m / 2, el_center_j = strel->n / 2;
  for (int i = ilo; i < ihi; i++)
    for (int j = 0; j < (int)img_in->n; j++) {
      double max = 0.0, temp;
      for (int el_i = 0; el_i < (int)strel->m; el_i++)
        for (int el_j = 0; el_j < (int)strel->n; el_j++) {
          int y = i - el_center_i + el_i, x = j - el_center_j + el_j;
          if (y >= 0 && x >= 0 && y < (int)img_in->m && x < (int)img_in->n &&
              m_get_val(strel, el_i, el_j) != 0) {
            temp = m_get_val(img_in, y, x);
            if (temp > max) max = temp;
          }
        }
      m_set_val(dilated, i, j, max);
    }
}

#define NCIRCLES 3
#define NPOINTS  8
#define MaxR     3

/* GICOV over columns [ilo, ihi): for each circle the mean and variance of the gradient along
   its points, the best mean^2 / var kept. gicov is width x height, grad_x / grad_y too. */
void ellipsematching_cols(const double *grad_x, const double *grad_y, int width, int height,
                          int tX[][NPOINTS], int tY[][NPOINTS], const double *sin_angle,
                          const double *cos_angle, double *gicov, int ilo, int ihi) {
  for (int i = ilo; i < ihi; i++)
    for (int j = MaxR; j < height - MaxR; j++) {
      double max_GICOV = 0.0;
      for (int k = 0; k < NCIRCLES; k++) {
        double sum = 0.0, M2 = 0.0, mean = 0.0, Grad[NPOINTS];
        for (int n = 0; n < NPOINTS; n++) {
          int y = j + tY[k][n], x = i + tX[k][n];
          Grad[n] = grad_x[x * height + y] * cos_angle[n] + grad_y[x * height + y] * sin_angle[n];
          sum += Grad[n];
        }
        mean = sum / NPOINTS;
        for (int n = 0; n < NPOINTS; n++)
          M2 += (Grad[n] - mean) * (Grad[n] - mean);
        double var = M2 / (NPOINTS - 1);
        if (var > 0.0 && mean * mean / var > max_GICOV) max_GICOV = mean / sqrt(var);
      }
      gicov[i * height + j] = max_GICOV;
    }
}

int main(int argc, char **argv) {
  int steps = argc > 1 ? atoi(argv[1]) : 4;
  fp *initvalu = malloc(sizeof(fp) * EQUATIONS), *finavalu = calloc(EQUATIONS, sizeof(fp));
  fp parameter[PARAMETERS];
  for (int k = 0; k < EQUATIONS; k++)
    initvalu[k] = 0.1 + 0.01 * (k % 13);
  for (int k = 0; k < PARAMETERS; k++)
    parameter[k] = 1.0 + 0.5 * k;
  for (int t = 0; t < steps; t++) {
    master(t * 0.5, initvalu, parameter, finavalu);
    for (int k = 0; k < EQUATIONS; k++)
      initvalu[k] += 0.5 * finavalu[k];
  }
  double ssum = 0.0;
  for (int k = 0; k < EQUATIONS; k++)
    ssum += initvalu[k] * (k + 1);
  /* leukocyte */
  int m = 14, n = 12;
  MAT *img = m_get(m, n), *strel = m_get(3, 5), *dil = m_get(m, n);
  for (int i = 0; i < m; i++)
    for (int j = 0; j < n; j++)
      m_set_val(img, i, j, (double)((i * 31 + j * 17) % 23));
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 5; j++)
      m_set_val(strel, i, j, (i == 1 || j == 2) ? 1.0 : 0.0);
  for (int b = 0; b < 3; b++) {
#pragma dosc task
    dilate_rows(img, strel, dil, b * m / 3, (b + 1) * m / 3);
  }
#pragma dosc taskwait
  double dsum = 0.0;
  for (int i = 0; i < m; i++)
    for (int j = 0; j < n; j++)
      dsum += m_get_val(dil, i, j) * (1 + (i + j) % 3);
  int width = 16, height = 13;
  double *gx = malloc(sizeof(double) * width * height),
         *gy = malloc(sizeof(double) * width * height);
  double *gicov = calloc((size_t)width * height, sizeof(double));
  for (int x = 0; x < width * height; x++) {
    gx[x] = sin(0.3 * x);
    gy[x] = cos(0.17 * x);
  }
  int tX[NCIRCLES][NPOINTS], tY[NCIRCLES][NPOINTS];
  double sin_angle[NPOINTS], cos_angle[NPOINTS];
  for (int p = 0; p < NPOINTS; p++) {
    double th = 2.0 * 3.14159265358979 * p / NPOINTS;
    sin_angle[p] = sin(th);
    cos_angle[p] = cos(th);
    for (int k = 0; k < NCIRCLES; k++) {
      tX[k][p] = (int)lround((k + 1) * cos(th));
      tY[k][p] = (int)lround((k + 1) * sin(th));
    }
  }
  for (int b = 0; b < 2; b++) {
    int lo = MaxR + b * (width - 2 * MaxR) / 2, hi = MaxR + (b + 1) * (width - 2 * MaxR) / 2;
#pragma dosc task
    ellipsematching_cols(gx, gy, width, height, tX, tY, sin_angle, cos_angle, gicov, lo, hi);
  }
#pragma dosc taskwait
  double gsum = 0.0;
  for (int x = 0; x < width * height; x++)
    gsum += gicov[x];
  printf("state %.10f dilated %.1f gicov %.8f\n", ssum, dsum, gsum);
  m_free(img);
  m_free(strel);
  m_free(dil);
  free(initvalu);
  free(finavalu);
  free(gx);
  free(gy);
  free(gicov);
  return 0;
}
