#ifndef KERNELS_H
#define KERNELS_H
/* Row-block kernels; their bodies are in kernels.c, their task sites in main.c. */
void mm_rows(const double *A, const double *B, double *C, int n, int lo, int hi);
double checksum(const double *v, long n);
#endif
