;; One resample of the paired percentile bootstrap (percentile-ratio-bootstrap.ts): n request indices drawn with
;; replacement and tallied, then the sorted positions of the wanted order statistics of both models' resamples.
;; The draw is seeded-random.ts's `tallyInts(n, n, counts)` for n <= 2^21: xoshiro128** 1.1 from the state at
;; memory[0, 16) (s0 to s3, written back after the draw), each output x mapped to [0, n) by Lemire's multiply-shift
;; (x * n; rejected when its low word is below (2^32 - n) mod n, its high word kept), so the same integers in the
;; same order. The walks are `walk`'s: from the smallest up through the ranks at `up`, from the largest down through
;; the ranks at `down` (each counted from the top), adding up the multiplicities of the observations in the model's
;; sorted order (`order`, indices into counts); each rank's position is where the running count first passes it.
;; Writes at `out` the control's positions (up then down), then the treatment's: 2 * (upLength + downLength) i32.
;; Assembled into percentile-resample-wasm-bytes.ts by shared/tools/build-wasm.mjs.
(module
  (memory (export "memory") 1)
  (func $walk
    (param $counts i32) (param $order i32) (param $start i32) (param $step i32)
    (param $ranks i32) (param $length i32) (param $out i32)
    (local $cumulative i32) (local $position i32) (local $rank i32) (local $end i32)
    (local.set $position (i32.sub (local.get $start) (local.get $step)))
    (local.set $end (i32.add (local.get $ranks) (i32.shl (local.get $length) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $ranks) (local.get $end)))
        (local.set $rank (i32.load (local.get $ranks)))
        (block $passed
          (loop $count
            (br_if $passed (i32.gt_s (local.get $cumulative) (local.get $rank)))
            (local.set $position (i32.add (local.get $position) (local.get $step)))
            (local.set $cumulative
              (i32.add (local.get $cumulative)
                (i32.load
                  (i32.add (local.get $counts)
                    (i32.shl
                      (i32.load (i32.add (local.get $order) (i32.shl (local.get $position) (i32.const 2))))
                      (i32.const 2))))))
            (br $count)))
        (i32.store (local.get $out) (local.get $position))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (local.set $ranks (i32.add (local.get $ranks) (i32.const 4)))
        (br $next))))
  (func (export "resample")
    (param $n i32) (param $counts i32) (param $controlOrder i32) (param $treatmentOrder i32)
    (param $up i32) (param $upLength i32) (param $down i32) (param $downLength i32) (param $out i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32) (local $x i32) (local $t i32)
    (local $product i64) (local $bound i64) (local $threshold i32) (local $i i32) (local $slot i32)
    (memory.fill (local.get $counts) (i32.const 0) (i32.shl (local.get $n) (i32.const 2)))
    (local.set $s0 (i32.load (i32.const 0)))
    (local.set $s1 (i32.load (i32.const 4)))
    (local.set $s2 (i32.load (i32.const 8)))
    (local.set $s3 (i32.load (i32.const 12)))
    (local.set $bound (i64.extend_i32_u (local.get $n)))
    (local.set $threshold
      (i32.wrap_i64 (i64.rem_u (i64.sub (i64.const 0x100000000) (local.get $bound)) (local.get $bound))))
    (block $drawn
      (loop $draw
        (br_if $drawn (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $x (i32.mul (i32.rotl (i32.mul (local.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
        (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
        (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
        (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
        (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
        (local.set $product (i64.mul (i64.extend_i32_u (local.get $x)) (local.get $bound)))
        (if (i32.ge_u (i32.wrap_i64 (local.get $product)) (local.get $threshold))
          (then
            (local.set $slot
              (i32.add (local.get $counts)
                (i32.shl (i32.wrap_i64 (i64.shr_u (local.get $product) (i64.const 32))) (i32.const 2))))
            (i32.store (local.get $slot) (i32.add (i32.load (local.get $slot)) (i32.const 1)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))))
        (br $draw)))
    (i32.store (i32.const 0) (local.get $s0))
    (i32.store (i32.const 4) (local.get $s1))
    (i32.store (i32.const 8) (local.get $s2))
    (i32.store (i32.const 12) (local.get $s3))
    ;; The control's walks, then the treatment's after all of the control's slots.
    (call $walk (local.get $counts) (local.get $controlOrder) (i32.const 0) (i32.const 1)
      (local.get $up) (local.get $upLength) (local.get $out))
    (local.set $out (i32.add (local.get $out) (i32.shl (local.get $upLength) (i32.const 2))))
    (call $walk (local.get $counts) (local.get $controlOrder) (i32.sub (local.get $n) (i32.const 1)) (i32.const -1)
      (local.get $down) (local.get $downLength) (local.get $out))
    (local.set $out (i32.add (local.get $out) (i32.shl (local.get $downLength) (i32.const 2))))
    (call $walk (local.get $counts) (local.get $treatmentOrder) (i32.const 0) (i32.const 1)
      (local.get $up) (local.get $upLength) (local.get $out))
    (local.set $out (i32.add (local.get $out) (i32.shl (local.get $upLength) (i32.const 2))))
    (call $walk (local.get $counts) (local.get $treatmentOrder) (i32.sub (local.get $n) (i32.const 1)) (i32.const -1)
      (local.get $down) (local.get $downLength) (local.get $out))))
