/* The San Diego Vision Benchmark Suite's C code as dosc tasks (branch unseen11), read from
   leochanj105/SD-VBS (SD-VBS, UCSD; the disparity benchmark (C) 2008 IkkJin Ahn, FreeBSD licence,
   licenses/Disparity.license.txt; common/c by Sravanthi Kota Venkata): the shapes kept, the code
   written anew around them.
   - common/c/sdvbs_common.h: images as structs with a flexible array member (`typedef struct {
     int width; int height; int data[]; } I2D;`, F2D with float data), allocated as
     `malloc(sizeof(F2D) + sizeof(float)*rows*cols)`, read and written through the macros
     `subsref(a,i,j) a->data[(i) * a->width + (j)]` and `asubsref(a,i) a->data[i]`, so each
     bound is a field of the struct the task was given;
   - benchmarks/disparity/src/c: padarray2 (allocating the padded image it returns, its border
     sizes read from `borderMat->data[0]`), correlateSAD_2D (padarray4 with dir -1 shifting by
     `range`, computeSAD, integralImage2D2D's running sums along rows then columns, finalSAD's
     four-corner window with `subsref(integralImg,(win_sz+i),(j+win_sz))`), one task per
     disparity level k each with its own scratch images, then findDisparity per level in order;
   - common/c/imageBlur.c and calcSobel_dX.c: separable filters with `for (k = -halfKernel;
     k <= halfKernel; k++) subsref(imageIn,i,j+k) * asubsref(kernel,k+halfKernel)`, each
     allocating its output and a temporary (fSetArray), returning the output: a task per image.
   The program prints checksums. */
#include <stdio.h>
#include <stdlib.h>

typedef struct {
  int width;
  int height;
  int data[];
} I2D;

typedef struct {
  int width;
  int height;
  float data[];
} F2D;

#define subsref(a, i, j) a->data[(i)*a->width + (j)]
#define asubsref(a, i) a->data[i]

I2D *iMallocHandle(int rows, int cols) {
  I2D *out = (I2D *)malloc(sizeof(I2D) + sizeof(int) * rows * cols);
  out->height = rows;
  out->width = cols;
  return out;
}

F2D *fMallocHandle(int rows, int cols) {
  F2D *out = (F2D *)malloc(sizeof(F2D) + sizeof(float) * rows * cols);
  out->height = rows;
  out->width = cols;
  return out;
}

I2D *iSetArray(int rows, int cols, int val) {
  int i, j;
  I2D *out = iMallocHandle(rows, cols);
  for (i = 0; i < rows; i++)
    for (j = 0; j < cols; j++) subsref(out, i, j) = val;
  return out;
}

F2D *fSetArray(int rows, int cols, float val) {
  int i, j;
  F2D *out = fMallocHandle(rows, cols);
  for (i = 0; i < rows; i++)
    for (j = 0; j < cols; j++) subsref(out, i, j) = val;
  return out;
}

void iResetArray(I2D *out, int rows, int cols, int val) {
  int i, j;
  for (i = 0; i < rows; i++)
    for (j = 0; j < cols; j++) subsref(out, i, j) = val;
}

void fResetArray(F2D *out, int rows, int cols, float val) {
  int i, j;
  for (i = 0; i < rows; i++)
    for (j = 0; j < cols; j++) subsref(out, i, j) = val;
}

I2D *padarray2(I2D *inMat, I2D *borderMat) {
  int rows, cols, bRows, bCols, newRows, newCols;
  I2D *paddedArray;
  int i, j;
  rows = inMat->height;
  cols = inMat->width;
  bRows = borderMat->data[0];
  bCols = borderMat->data[1];
  newRows = rows + bRows * 2;
  newCols = cols + bCols * 2;
  paddedArray = iSetArray(newRows, newCols, 0);
  for (i = 0; i < rows; i++)
    for (j = 0; j < cols; j++) subsref(paddedArray, (bRows + i), (bCols + j)) = subsref(inMat, i, j);
  return paddedArray;
}

void padarray4(I2D *inMat, I2D *borderMat, int dir, I2D *paddedArray) {
  int rows, cols, bRows, bCols;
  int i, j;
  rows = inMat->height;
  cols = inMat->width;
  bRows = borderMat->data[0];
  bCols = borderMat->data[1];
  if (dir == 1) {
    for (i = 0; i < rows; i++)
      for (j = 0; j < cols; j++) subsref(paddedArray, i, j) = subsref(inMat, i, j);
  } else {
    for (i = 0; i < rows - bRows; i++)
      for (j = 0; j < cols - bCols; j++) subsref(paddedArray, (bRows + i), (bCols + j)) = subsref(inMat, i, j);
  }
}

void computeSAD(I2D *Ileft, I2D *Iright_moved, F2D *SAD) {
  int rows, cols, i, j, diff;
  rows = Ileft->height;
  cols = Ileft->width;
  for (i = 0; i < rows; i++)
    for (j = 0; j < cols; j++) {
      diff = subsref(Ileft, i, j) - subsref(Iright_moved, i, j);
      subsref(SAD, i, j) = diff * diff;
    }
}

void integralImage2D2D(F2D *SAD, F2D *integralImg) {
  int nr, nc, i, j;
  nr = SAD->height;
  nc = SAD->width;
  for (i = 0; i < nc; i++) subsref(integralImg, 0, i) = subsref(SAD, 0, i);
  for (i = 1; i < nr; i++)
    for (j = 0; j < nc; j++) subsref(integralImg, i, j) = subsref(integralImg, (i - 1), j) + subsref(SAD, i, j);
  for (i = 0; i < nr; i++)
    for (j = 1; j < nc; j++) subsref(integralImg, i, j) = subsref(integralImg, i, (j - 1)) + subsref(integralImg, i, j);
}

void finalSAD(F2D *integralImg, int win_sz, F2D *retSAD) {
  int endR, endC;
  int i, j;
  endR = integralImg->height;
  endC = integralImg->width;
  for (j = 0; j < (endC - win_sz); j++)
    for (i = 0; i < (endR - win_sz); i++)
      subsref(retSAD, i, j) = subsref(integralImg, (win_sz + i), (j + win_sz)) + subsref(integralImg, (i + 1), (j + 1)) -
                              subsref(integralImg, (i + 1), (j + win_sz)) - subsref(integralImg, (win_sz + i), (j + 1));
}

void correlateSAD_2D(I2D *Ileft, I2D *Iright, I2D *Iright_moved, int win_sz, int disparity, F2D *SAD,
                     F2D *integralImg, F2D *retSAD, I2D *range) {
  int rows, cols;
  int i;
  subsref(range, 0, 0) = 0;
  subsref(range, 0, 1) = disparity;
  rows = Iright_moved->height;
  cols = Iright_moved->width;
  for (i = 0; i < rows * cols; i++) asubsref(Iright_moved, i) = 0;
  padarray4(Iright, range, -1, Iright_moved);
  computeSAD(Ileft, Iright_moved, SAD);
  integralImage2D2D(SAD, integralImg);
  finalSAD(integralImg, win_sz, retSAD);
}

void findDisparity(F2D *retSAD, F2D *minSAD, I2D *retDisp, int level, int nr, int nc) {
  int i, j, a, b;
  for (i = 0; i < nr; i++)
    for (j = 0; j < nc; j++) {
      a = subsref(retSAD, i, j);
      b = subsref(minSAD, i, j);
      if (a < b) {
        subsref(minSAD, i, j) = a;
        subsref(retDisp, i, j) = level;
      }
    }
}

F2D *imageBlur(I2D *imageIn) {
  int rows, cols;
  F2D *imageOut, *tempOut;
  float temp;
  I2D *kernel;
  int k, startCol, endCol, halfKernel, startRow, endRow, i, j, kernelSum;
  rows = imageIn->height;
  cols = imageIn->width;
  imageOut = fSetArray(rows, cols, 0);
  tempOut = fSetArray(rows, cols, 0);
  kernel = iMallocHandle(1, 5);
  asubsref(kernel, 0) = 1;
  asubsref(kernel, 1) = 4;
  asubsref(kernel, 2) = 6;
  asubsref(kernel, 3) = 4;
  asubsref(kernel, 4) = 1;
  kernelSum = 16;
  startCol = 2;
  endCol = cols - 2;
  halfKernel = 2;
  startRow = 2;
  endRow = rows - 2;
  for (i = startRow; i < endRow; i++)
    for (j = startCol; j < endCol; j++) {
      temp = 0;
      for (k = -halfKernel; k <= halfKernel; k++) temp += subsref(imageIn, i, j + k) * asubsref(kernel, k + halfKernel);
      subsref(tempOut, i, j) = temp / kernelSum;
    }
  for (i = startRow; i < endRow; i++)
    for (j = startCol; j < endCol; j++) {
      temp = 0;
      for (k = -halfKernel; k <= halfKernel; k++) temp += subsref(tempOut, (i + k), j) * asubsref(kernel, k + halfKernel);
      subsref(imageOut, i, j) = temp / kernelSum;
    }
  free(tempOut);
  free(kernel);
  return imageOut;
}

F2D *calcSobel_dX(F2D *imageIn) {
  int rows, cols;
  F2D *kernel_1, *kernel_2;
  float temp;
  int startCol, endCol, halfKernel, startRow, endRow, i, j;
  int k, kernelSum_1, kernelSum_2;
  F2D *imageOut, *tempOut;
  rows = imageIn->height;
  cols = imageIn->width;
  imageOut = fSetArray(rows, cols, 0);
  tempOut = fSetArray(rows, cols, 0);
  kernel_1 = fMallocHandle(1, 3);
  kernel_2 = fMallocHandle(1, 3);
  asubsref(kernel_1, 0) = 1;
  asubsref(kernel_1, 1) = 2;
  asubsref(kernel_1, 2) = 1;
  kernelSum_1 = 4;
  asubsref(kernel_2, 0) = 1;
  asubsref(kernel_2, 1) = 0;
  asubsref(kernel_2, 2) = -1;
  kernelSum_2 = 2;
  startCol = 1;
  endCol = cols - 1;
  halfKernel = 1;
  startRow = 1;
  endRow = rows - 1;
  for (i = startRow; i < endRow; i++)
    for (j = startCol; j < endCol; j++) {
      temp = 0;
      for (k = -halfKernel; k <= halfKernel; k++) temp += subsref(imageIn, i, j + k) * asubsref(kernel_2, k + halfKernel);
      subsref(tempOut, i, j) = temp / kernelSum_2;
    }
  for (i = startRow; i < endRow; i++)
    for (j = startCol; j < endCol; j++) {
      temp = 0;
      for (k = -halfKernel; k <= halfKernel; k++) temp += subsref(tempOut, (i + k), j) * asubsref(kernel_1, k + halfKernel);
      subsref(imageOut, i, j) = temp / kernelSum_1;
    }
  free(tempOut);
  free(kernel_1);
  free(kernel_2);
  return imageOut;
}

int main(void) {
  /* Disparity of a 10 x 12 pair, WIN_SZ 4, SHIFT 4 (the suite's "test" sizes). */
  int rows = 10, cols = 12, WIN_SZ = 4, SHIFT = 4, k;
  I2D *imleft = iMallocHandle(rows, cols), *imright = iMallocHandle(rows, cols);
  for (int i = 0; i < rows; i++)
    for (int j = 0; j < cols; j++) {
      subsref(imleft, i, j) = (i * 7 + j * 13) % 32;
      subsref(imright, i, j) = (i * 7 + (j + 2) * 13) % 32;
    }
  I2D *halfWin = iSetArray(1, 2, WIN_SZ / 2), *IleftPadded, *IrightPadded;
#pragma dosc task
  IleftPadded = padarray2(imleft, halfWin);
#pragma dosc task
  IrightPadded = padarray2(imright, halfWin);
#pragma dosc taskwait
  int prow = IleftPadded->height, pcol = IleftPadded->width;
  F2D *minSAD = fSetArray(rows, cols, 255.0 * 255.0);
  I2D *retDisp = iSetArray(rows, cols, SHIFT);
  I2D *moved[4], *range[4];
  F2D *SAD[4], *integ[4], *retSAD[4];
  for (k = 0; k < SHIFT; k++) {
    moved[k] = iSetArray(prow, pcol, 0);
    range[k] = iMallocHandle(1, 2);
    SAD[k] = fSetArray(prow, pcol, 255);
    integ[k] = fSetArray(prow, pcol, 0);
    retSAD[k] = fSetArray(prow - WIN_SZ, pcol - WIN_SZ, 0);
  }
  for (k = 0; k < SHIFT; k++) {
#pragma dosc task
    correlateSAD_2D(IleftPadded, IrightPadded, moved[k], WIN_SZ, k, SAD[k], integ[k], retSAD[k], range[k]);
  }
#pragma dosc taskwait
  for (k = 0; k < SHIFT; k++) {
#pragma dosc task
    findDisparity(retSAD[k], minSAD, retDisp, k, rows, cols);
#pragma dosc taskwait
  }
  long dsum = 0;
  for (int i = 0; i < rows; i++)
    for (int j = 0; j < cols; j++) dsum += subsref(retDisp, i, j) * (i + 2 * j + 1) + (long)subsref(minSAD, i, j);
  printf("disparity %ld\n", dsum);

  /* Tracking's blur and Sobel on 3 images of a pyramid. */
  I2D *imgs[3];
  F2D *blur[3], *dx[3];
  for (int p = 0; p < 3; p++) {
    int r = 12 - 2 * p, c = 14 - 3 * p;
    imgs[p] = iMallocHandle(r, c);
    for (int i = 0; i < r * c; i++) asubsref(imgs[p], i) = (i * 37 + p * 11) % 251;
  }
  for (int p = 0; p < 3; p++) {
#pragma dosc task
    blur[p] = imageBlur(imgs[p]);
  }
#pragma dosc taskwait
  for (int p = 0; p < 3; p++) {
#pragma dosc task
    dx[p] = calcSobel_dX(blur[p]);
  }
#pragma dosc taskwait
  double tsum = 0.0;
  for (int p = 0; p < 3; p++)
    for (int i = 0; i < dx[p]->height * dx[p]->width; i++)
      tsum += asubsref(blur[p], i) * 0.01 + asubsref(dx[p], i) * (i % 9);
  printf("tracking %.6f\n", tsum);

  for (k = 0; k < SHIFT; k++) free(moved[k]), free(range[k]), free(SAD[k]), free(integ[k]), free(retSAD[k]);
  for (int p = 0; p < 3; p++) free(imgs[p]), free(blur[p]), free(dx[p]);
  free(imleft), free(imright), free(halfWin), free(IleftPadded), free(IrightPadded), free(minSAD), free(retDisp);
  return 0;
}
