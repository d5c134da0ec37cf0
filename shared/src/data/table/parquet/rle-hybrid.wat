;; Parquet's RLE/bit-packed hybrid values of $width bits (1 to 32) decoded from memory[ip, end) into $count 32-bit
;; words at $op: runs of one repeated value, and groups of 8 values bit-packed least significant bit first (a last
;; group's padding past $count is dropped). The caller leaves 8 bytes of memory after the input: a value is read as
;; the 8-byte word at the byte holding its first bit. Returns the offset after the last run read; or -1 when the
;; runs end before $count values, the values filled then in the global $filled; or -2 when a run header is longer
;; than 6 bytes. The rules of rle-hybrid.ts's decodeRleHybrid, without its warm-up: compiled as the module is
;; instantiated, at full speed from a thread's first page. Assembled into rle-hybrid-wasm-bytes.ts by
;; shared/tools/build-wasm.mjs.
(module
  (memory (export "memory") 1)
  (global $filled (export "filled") (mut i32) (i32.const 0))
  (func (export "decode")
    (param $ip i32) (param $end i32) (param $width i32) (param $count i32) (param $op i32) (result i32)
    (local $filled i32) (local $header i64) (local $shift i64) (local $byte i32) (local $values i64)
    (local $wanted i32) (local $stop i32) (local $value i32) (local $mask i32) (local $bit i64) (local $k i32)
    (local $valueBytes i32) (local $at i32)
    (local.set $mask
      (if (result i32) (i32.eq (local.get $width) (i32.const 32))
        (then (i32.const -1))
        (else (i32.sub (i32.shl (i32.const 1) (local.get $width)) (i32.const 1)))))
    (local.set $valueBytes (i32.shr_u (i32.add (local.get $width) (i32.const 7)) (i32.const 3)))
    (block $done
      (loop $run
        (br_if $done (i32.ge_u (local.get $filled) (local.get $count)))
        ;; The run header: an unsigned varint of at most 6 bytes.
        (local.set $header (i64.const 0))
        (local.set $shift (i64.const 0))
        (block $read
          (loop $varint
            (if (i32.ge_u (local.get $ip) (local.get $end)) (then (br $done)))
            (local.set $byte (i32.load8_u (local.get $ip)))
            (local.set $ip (i32.add (local.get $ip) (i32.const 1)))
            (local.set $header
              (i64.or (local.get $header)
                (i64.shl (i64.extend_i32_u (i32.and (local.get $byte) (i32.const 0x7f))) (local.get $shift))))
            (br_if $read (i32.eqz (i32.and (local.get $byte) (i32.const 0x80))))
            (local.set $shift (i64.add (local.get $shift) (i64.const 7)))
            (if (i64.gt_u (local.get $shift) (i64.const 35)) (then (return (i32.const -2))))
            (br $varint)))
        (if (i64.eqz (i64.and (local.get $header) (i64.const 1)))
          (then
            ;; A run of one value, in $valueBytes little-endian bytes.
            (if (i32.gt_u (local.get $valueBytes) (i32.sub (local.get $end) (local.get $ip))) (then (br $done)))
            (local.set $value (i32.const 0))
            (local.set $k (i32.const 0))
            (block $got
              (loop $byte
                (br_if $got (i32.ge_u (local.get $k) (local.get $valueBytes)))
                (local.set $value
                  (i32.or (local.get $value)
                    (i32.shl (i32.load8_u (i32.add (local.get $ip) (local.get $k)))
                      (i32.shl (local.get $k) (i32.const 3)))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $byte)))
            (local.set $ip (i32.add (local.get $ip) (local.get $valueBytes)))
            (local.set $value (i32.and (local.get $value) (local.get $mask)))
            ;; stop = min(count, filled + run)
            (local.set $values (i64.shr_u (local.get $header) (i64.const 1)))
            (local.set $stop
              (if (result i32)
                (i64.lt_u (local.get $values) (i64.extend_i32_u (i32.sub (local.get $count) (local.get $filled))))
                (then (i32.add (local.get $filled) (i32.wrap_i64 (local.get $values))))
                (else (local.get $count))))
            (local.set $at (i32.add (local.get $op) (i32.shl (local.get $filled) (i32.const 2))))
            (local.set $k (i32.add (local.get $op) (i32.shl (local.get $stop) (i32.const 2))))
            (block $filledRun
              (loop $fill
                (br_if $filledRun (i32.ge_u (local.get $at) (local.get $k)))
                (i32.store (local.get $at) (local.get $value))
                (local.set $at (i32.add (local.get $at) (i32.const 4)))
                (br $fill)))
            (local.set $filled (local.get $stop)))
          (else
            ;; Groups of 8 bit-packed values: only the values still wanted must lie inside the input.
            (local.set $values (i64.shl (i64.shr_u (local.get $header) (i64.const 1)) (i64.const 3)))
            (local.set $wanted
              (if (result i32)
                (i64.lt_u (local.get $values) (i64.extend_i32_u (i32.sub (local.get $count) (local.get $filled))))
                (then (i32.wrap_i64 (local.get $values)))
                (else (i32.sub (local.get $count) (local.get $filled)))))
            (if (i64.gt_u
                  (i64.shr_u (i64.add (i64.mul (i64.extend_i32_u (local.get $wanted)) (i64.extend_i32_u (local.get $width)))
                    (i64.const 7)) (i64.const 3))
                  (i64.extend_i32_u (i32.sub (local.get $end) (local.get $ip))))
              (then (br $done)))
            (local.set $bit (i64.const 0))
            (local.set $at (i32.add (local.get $op) (i32.shl (local.get $filled) (i32.const 2))))
            (local.set $k (i32.add (local.get $at) (i32.shl (local.get $wanted) (i32.const 2))))
            (block $unpacked
              (loop $unpack
                (br_if $unpacked (i32.ge_u (local.get $at) (local.get $k)))
                (i32.store (local.get $at)
                  (i32.and
                    (i32.wrap_i64
                      (i64.shr_u
                        (i64.load (i32.add (local.get $ip) (i32.wrap_i64 (i64.shr_u (local.get $bit) (i64.const 3)))))
                        (i64.and (local.get $bit) (i64.const 7))))
                    (local.get $mask)))
                (local.set $bit (i64.add (local.get $bit) (i64.extend_i32_u (local.get $width))))
                (local.set $at (i32.add (local.get $at) (i32.const 4)))
                (br $unpack)))
            (local.set $filled (i32.add (local.get $filled) (local.get $wanted)))
            ;; The run's bytes, or the input's end when its last group is cut short.
            (local.set $values (i64.mul (i64.shr_u (local.get $header) (i64.const 1)) (i64.extend_i32_u (local.get $width))))
            (local.set $ip
              (if (result i32)
                (i64.lt_u (local.get $values) (i64.extend_i32_u (i32.sub (local.get $end) (local.get $ip))))
                (then (i32.add (local.get $ip) (i32.wrap_i64 (local.get $values))))
                (else (local.get $end))))))
        (br $run)))
    (if (i32.lt_u (local.get $filled) (local.get $count))
      (then
        (global.set $filled (local.get $filled))
        (return (i32.const -1))))
    (local.get $ip))
)
