/* VersaBench's beam-former (David Maze, MIT, (c) 2003, MIT-style licence in the file; derived from
   the StreamIt implementation) as dosc tasks (branch unseen12), read from llvm/llvm-test-suite,
   MultiSource/Benchmarks/VersaBench/beamformer/beamformer.c: the shapes kept, the code written anew
   around them, with smaller sizes and one iteration:
   - struct BeamFirData { int len, count, pos; float *weight, *buffer; }: the FIR's state reached
     through pointer fields of a struct the caller passes by address (`data->buffer[modPos]`,
     `data->weight[i + 1]`), its circular buffer walked by `modPos = (modPos + 2) & mask2` from
     `2 * (len - 1 - data->pos)`, reset when `data->count == input_length` (`data->buffer[i] =
     0.0` for i < 2 * data->len); in[0], in[1] read and out[0], out[1] written per call;
   - a task per channel running the channel's pipeline (InputGenerate's `inputs[2 * i]`,
     `inputs[2 * i + 1]` for each of NUM_CHANNELS segments `inputs + j * NUM_SAMPLES * 2`, the
     coarse FIR per sample `inputs + j * COARSE_DECIMATION_RATIO * 2` into `predec + j * 2`, the
     fine FIR decimating into `postdec + j * 2`), each with its own scratch (`inputs + i *
     IN_SIZE`);
   - the corner turn `beam_input[j * NUM_CHANNELS * 2 + 2 * i] = postdec[i][2 * j]` as a task per
     block of j over a `float (*)[2 * NUM_POST_DEC_2]` parameter;
   - a task per beam: BeamForm over `beam_input + j * NUM_CHANNELS * 2` with the beam's weights
     row, the matched filter (its own BeamFirData), Magnitude's `in[2 * i + 1]` and Detector's
     copy into `detector_out[i]` (a row of a 2-D array);
   - BeamFirSetup mallocs the weight and buffer arrays inside a task and stores them in the struct
     (a task's own heap blocks kept by the caller).
   The program prints the detector outputs. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

struct BeamFirData {
  int len, count, pos;
  float *weight, *buffer;
};

#define NUM_CHANNELS 4
#define NUM_SAMPLES 64
#define NUM_BEAMS 2
#define NUM_COARSE_TAPS 16
#define NUM_FINE_TAPS 16
#define COARSE_DECIMATION_RATIO 1
#define FINE_DECIMATION_RATIO 2
#define NUM_SEGMENTS 1
#define NUM_POST_DEC_1 (NUM_SAMPLES / COARSE_DECIMATION_RATIO)
#define NUM_POST_DEC_2 (NUM_POST_DEC_1 / FINE_DECIMATION_RATIO)
#define MF_SIZE (NUM_SEGMENTS * NUM_POST_DEC_2)
#define TARGET_BEAM (NUM_BEAMS / 4)
#define TARGET_SAMPLE (NUM_SAMPLES / 4)
#define IN_SIZE (2 * NUM_SAMPLES * NUM_CHANNELS)

void InputGenerate(int channel, float *inputs, int n) {
  int i;
  for (i = 0; i < n; i++) {
    if (channel == TARGET_BEAM && i == TARGET_SAMPLE) {
      inputs[2 * i] = sqrt(i * channel);
      inputs[2 * i + 1] = sqrt(i * channel) + 1;
    } else {
      float root = sqrt(i * channel);
      inputs[2 * i] = -root;
      inputs[2 * i + 1] = -(root + 1);
    }
  }
}

void BeamFirSetup(struct BeamFirData *data, int n) {
  int j;
  data->len = n;
  data->count = 0;
  data->pos = 0;
  data->weight = malloc(sizeof(float) * 2 * n);
  data->buffer = malloc(sizeof(float) * 2 * n);
  for (j = 0; j < n; j++) {
    int idx = j + 1;
    data->weight[j * 2] = sin(idx) / ((float)idx);
    data->weight[j * 2 + 1] = cos(idx) / ((float)idx);
    data->buffer[j * 2] = 0.0;
    data->buffer[j * 2 + 1] = 0.0;
  }
}

void BeamFirFilter(struct BeamFirData *data, int input_length, int decimation_ratio, float *in, float *out) {
  float real_curr = 0;
  float imag_curr = 0;
  int i;
  int modPos;
  int len, mask, mask2;

  len = data->len;
  mask = len - 1;
  mask2 = 2 * len - 1;
  modPos = 2 * (len - 1 - data->pos);
  data->buffer[modPos] = in[0];
  data->buffer[modPos + 1] = in[1];
  for (i = 0; i < 2 * len; i += 2) {
    float rd = data->buffer[modPos];
    float id = data->buffer[modPos + 1];
    float rw = data->weight[i];
    float iw = data->weight[i + 1];
    float rci = rd * rw + id * iw;
    float ici = id * rw + rd * iw;
    real_curr += rci;
    imag_curr += ici;
    modPos = (modPos + 2) & mask2;
  }
  data->pos = (data->pos + 1) & mask;
  out[0] = real_curr;
  out[1] = imag_curr;
  data->count += decimation_ratio;
  if (data->count == input_length) {
    data->count = 0;
    data->pos = 0;
    for (i = 0; i < 2 * data->len; i++) data->buffer[i] = 0.0;
  }
}

void BeamFormWeights(int beam, float *weights) {
  int i;
  for (i = 0; i < NUM_CHANNELS; i++) {
    int idx = i + 1;
    weights[2 * i] = sin(idx) / (float)(beam + idx);
    weights[2 * i + 1] = cos(idx) / (float)(beam + idx);
  }
}

void BeamForm(int beam, const float *weights, const float *input, float *output) {
  float real_curr = 0;
  float imag_curr = 0;
  int i;
  for (i = 0; i < NUM_CHANNELS; i++) {
    real_curr += weights[2 * i] * input[2 * i] - weights[2 * i + 1] * input[2 * i + 1];
    imag_curr += weights[2 * i] * input[2 * i + 1] + weights[2 * i + 1] * input[2 * i];
  }
  output[0] = real_curr;
  output[1] = imag_curr;
}

void Magnitude(float *in, float *out, int n) {
  int i;
  for (i = 0; i < n; i++) out[i] = sqrt(in[2 * i] * in[2 * i] + in[2 * i + 1] * in[2 * i + 1]);
}

void Detector(int beam, float *data, float *output) {
  int sample;
  for (sample = 0; sample < NUM_POST_DEC_2; sample++) {
    float outputVal;
    if (beam == TARGET_BEAM && sample == TARGET_SAMPLE) {
      if (data[sample] >= 0.1)
        outputVal = beam + 1;
      else
        outputVal = 0;
    } else {
      if (data[sample] >= 0.1)
        outputVal = -(beam + 1);
      else
        outputVal = 0;
    }
    outputVal = data[sample];
    output[sample] = outputVal;
  }
}

/* one channel's pipeline: generate, coarse FIR, fine FIR (the loop body of begin()) */
void channel(int i, struct BeamFirData *coarse, struct BeamFirData *fine, float *inputs, float *predec, float *postdec) {
  int j;
  for (j = 0; j < NUM_CHANNELS; j++) InputGenerate(i, inputs + j * NUM_SAMPLES * 2, NUM_SAMPLES);
  for (j = 0; j < NUM_POST_DEC_1; j++)
    BeamFirFilter(coarse, NUM_SAMPLES, COARSE_DECIMATION_RATIO, inputs + j * COARSE_DECIMATION_RATIO * 2, predec + j * 2);
  for (j = 0; j < NUM_POST_DEC_2; j++)
    BeamFirFilter(fine, NUM_POST_DEC_1, FINE_DECIMATION_RATIO, predec + j * FINE_DECIMATION_RATIO * 2, postdec + j * 2);
}

void corner_turn(float *beam_input, float (*postdec)[2 * NUM_POST_DEC_2 * NUM_CHANNELS], int j0, int j1) {
  int i, j;
  for (i = 0; i < NUM_CHANNELS; i++)
    for (j = j0; j < j1; j++) {
      beam_input[j * NUM_CHANNELS * 2 + 2 * i] = postdec[i][2 * j];
      beam_input[j * NUM_CHANNELS * 2 + 2 * i + 1] = postdec[i][2 * j + 1];
    }
}

void beam(int i, const float *weights, const float *beam_input, struct BeamFirData *mf, float *beam_output,
          float *beam_fir_output, float *beam_fir_mag, float *detector_out) {
  int j;
  for (j = 0; j < NUM_POST_DEC_2; j++) BeamForm(i, weights, beam_input + j * NUM_CHANNELS * 2, beam_output + j * 2);
  for (j = 0; j < NUM_POST_DEC_2; j++) BeamFirFilter(mf, NUM_POST_DEC_2, 1, beam_output + j * 2, beam_fir_output + j * 2);
  Magnitude(beam_fir_output, beam_fir_mag, NUM_POST_DEC_2);
  Detector(i, beam_fir_mag, detector_out);
}

int main(void) {
  static struct BeamFirData coarse_fir_data[NUM_CHANNELS];
  static struct BeamFirData fine_fir_data[NUM_CHANNELS];
  static struct BeamFirData mf_fir_data[NUM_BEAMS];
  static float inputs[NUM_CHANNELS * IN_SIZE];
  static float predec[NUM_CHANNELS][2 * NUM_POST_DEC_1 * NUM_CHANNELS];
  static float postdec[NUM_CHANNELS][2 * NUM_POST_DEC_2 * NUM_CHANNELS];
  static float beam_weights[NUM_BEAMS][2 * NUM_CHANNELS];
  static float beam_input[2 * NUM_CHANNELS * NUM_POST_DEC_2];
  static float beam_output[NUM_BEAMS][2 * NUM_POST_DEC_2];
  static float beam_fir_output[NUM_BEAMS][2 * NUM_POST_DEC_2];
  static float beam_fir_mag[NUM_BEAMS][NUM_POST_DEC_2];
  static float detector_out[NUM_BEAMS][NUM_POST_DEC_2];
  int i, j;

  for (i = 0; i < NUM_CHANNELS; i++) {
#pragma dosc task
    BeamFirSetup(&coarse_fir_data[i], NUM_COARSE_TAPS);
#pragma dosc task
    BeamFirSetup(&fine_fir_data[i], NUM_FINE_TAPS);
  }
  for (i = 0; i < NUM_BEAMS; i++) {
#pragma dosc task
    BeamFirSetup(&mf_fir_data[i], MF_SIZE);
#pragma dosc task
    BeamFormWeights(i, beam_weights[i]);
  }
#pragma dosc taskwait

  for (i = 0; i < NUM_CHANNELS; i++) {
#pragma dosc task
    channel(i, &coarse_fir_data[i], &fine_fir_data[i], inputs + i * IN_SIZE, predec[i], postdec[i]);
  }
#pragma dosc taskwait
  for (j = 0; j < NUM_POST_DEC_2; j += 12) {
#pragma dosc task
    corner_turn(beam_input, postdec, j, j + 12 < NUM_POST_DEC_2 ? j + 12 : NUM_POST_DEC_2);
  }
#pragma dosc taskwait
  for (i = 0; i < NUM_BEAMS; i++) {
#pragma dosc task
    beam(i, beam_weights[i], beam_input, &mf_fir_data[i], beam_output[i], beam_fir_output[i], beam_fir_mag[i],
         detector_out[i]);
  }
#pragma dosc taskwait

  for (j = 0; j < NUM_POST_DEC_2; j++)
    for (i = 0; i < NUM_BEAMS; i++) printf("%f\n", detector_out[i][j]);
  float s = 0;
  for (i = 0; i < NUM_CHANNELS; i++) s += coarse_fir_data[i].pos + fine_fir_data[i].count + fine_fir_data[i].buffer[3];
  printf("state %f\n", s);
  for (i = 0; i < NUM_CHANNELS; i++) {
    free(coarse_fir_data[i].weight);
    free(coarse_fir_data[i].buffer);
    free(fine_fir_data[i].weight);
    free(fine_fir_data[i].buffer);
  }
  for (i = 0; i < NUM_BEAMS; i++) {
    free(mf_fir_data[i].weight);
    free(mf_fir_data[i].buffer);
  }
  return 0;
}
