// Built and run by tesseract.sh on the patched source before SoHoa's libtesseract is used: the AVX2
// activations of tesseract-simd.patch give, bit for bit, what Tesseract's scalar Tanh, Logistic and int8
// rounding give, on every float between 2^-11 and 18 (step 97 ulps, both signs), four million random ones and
// the edge cases. Inputs of 2^24 and more are left out: there the scalar lookups index the table with an
// overflowed integer (undefined behaviour); an LSTM's gates never see such values. Exit status 1 on a difference.
#include "functions.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <vector>

using namespace tesseract;

int main() {
  if (!kSimdActivations) {
    printf("no AVX2 here: the scalar functions are used\n");
    return 0;
  }
  std::vector<float> xs = {0.0F, -0.0F, 1.0F, -1.0F, 15.99F, 15.996F, 16.0F, -16.0F, 1e6F, -1e6F, 1e-40F, -1e-40F};
  std::mt19937 rng(1);
  std::uniform_real_distribution<float> wide(-20, 20), narrow(-1.2F, 1.2F);
  for (int i = 0; i < 4000000; i++) {
    xs.push_back(i % 2 ? wide(rng) : narrow(rng));
  }
  for (uint32_t bits = 0x3a000000; bits < 0x41900000; bits += 97) {
    float f;
    memcpy(&f, &bits, sizeof f);
    xs.push_back(f);
    xs.push_back(-f);
  }
  for (int k = -140; k <= 140; k++) {
    float half = (k + 0.5F) / 127;
    xs.push_back(half);
    xs.push_back(std::nextafter(half, 10.0F));
    xs.push_back(std::nextafter(half, -10.0F));
  }
  xs.resize(xs.size() - xs.size() % 8 + 5, 0.3F); // a tail for the scalar loop
  size_t n = xs.size();
  std::vector<float> tanh(xs), logistic(xs), product(n);
  std::vector<int8_t> quantized(n);
  TanhInplaceAVX2(n, tanh.data());
  LogisticInplaceAVX2(n, logistic.data());
  TanhMultiplyAVX2(xs.data(), logistic.data(), n, product.data());
  int quantizedCount = QuantizeAVX2(xs.data(), n, quantized.data());
  long differ = 0;
  for (size_t i = 0; i < n; i++) {
    float t = Tanh(xs[i]), l = Logistic(xs[i]), p = Tanh(xs[i]) * logistic[i];
    if (memcmp(&t, &tanh[i], 4) != 0 || memcmp(&l, &logistic[i], 4) != 0 || memcmp(&p, &product[i], 4) != 0) {
      if (differ++ < 5) printf("x = %a: tanh %a / %a, logistic %a / %a\n", xs[i], t, tanh[i], l, logistic[i]);
    }
    if (i < static_cast<size_t>(quantizedCount)) {
      int q = ClipToRange<int>(IntCastRounded(xs[i] * INT8_MAX), -INT8_MAX, INT8_MAX);
      if (q != quantized[i] && differ++ < 5) printf("x = %a: int8 %d / %d\n", xs[i], q, quantized[i]);
    }
  }
  printf("%zu values, %ld differ\n", n, differ);
  return differ == 0 ? 0 : 1;
}
