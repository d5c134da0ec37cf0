/**
 * The variables a seeded run exports. Frameworks read their own switches; these are the documented ones
 * that make common stacks deterministic without code changes:
 * - PYTHONHASHSEED: Python's str/bytes hash randomisation (docs.python.org, "PYTHONHASHSEED").
 * - CUBLAS_WORKSPACE_CONFIG=:4096:8: required by PyTorch's torch.use_deterministic_algorithms on CUDA ≥ 10.2.
 * - TF_DETERMINISTIC_OPS=1, TF_CUDNN_DETERMINISTIC=1: TensorFlow's deterministic GPU kernels.
 * - OMP_NUM_THREADS=1, MKL_NUM_THREADS=1, OPENBLAS_NUM_THREADS=1: one BLAS thread, so floating-point
 *   reductions keep their order (multi-threaded BLAS sums may differ in the last bits between runs).
 * - MODELGATE_SEED and SEED: the seed itself for the training code to read.
 */
export function seedVariables(seed: number): Record<string, string> {
  const value = String(seed);
  return {
    CUBLAS_WORKSPACE_CONFIG: ":4096:8",
    MKL_NUM_THREADS: "1",
    MODELGATE_SEED: value,
    OMP_NUM_THREADS: "1",
    OPENBLAS_NUM_THREADS: "1",
    PYTHONHASHSEED: value,
    SEED: value,
    TF_CUDNN_DETERMINISTIC: "1",
    TF_DETERMINISTIC_OPS: "1",
  };
}
