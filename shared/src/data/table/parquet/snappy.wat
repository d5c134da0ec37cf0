;; A snappy block's elements (Snappy's format_description.txt: literals, and copies with 1-, 2- and 4-byte offsets)
;; decoded from memory[ip, ipEnd) into memory[op, opEnd), which must be exactly the block's length. The caller reads
;; the length header and leaves 16 bytes of memory after the input and after the output: a literal or copy of at most
;; 16 bytes is moved as two 8-byte words whatever its length (the next element overwrites the excess), longer ones
;; in 8-byte words or by memory.copy. Returns 0, or why the block is damaged: 1 an element runs past the input, 2 past
;; the output, 3 a copy reaches before the output's start (or has offset 0), 4 the elements end before the output.
;; Assembled into snappy-wasm-bytes.ts by shared/tools/build-wasm.mjs.
(module
  (memory (export "memory") 1)
  (func (export "uncompress")
    (param $ip i32) (param $ipEnd i32) (param $op i32) (param $opEnd i32) (result i32)
    (local $opStart i32) (local $tag i32) (local $len i32) (local $off i32) (local $n i32) (local $src i32)
    (local $k i32)
    (local.set $opStart (local.get $op))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $ip) (local.get $ipEnd)))
        (local.set $tag (i32.load8_u (local.get $ip)))
        (local.set $ip (i32.add (local.get $ip) (i32.const 1)))
        (if (i32.eqz (i32.and (local.get $tag) (i32.const 3)))
          (then
            ;; A literal: its length - 1 in the tag's top 6 bits, or in the 1 to 4 bytes after it (60 to 63).
            (local.set $len (i32.add (i32.shr_u (local.get $tag) (i32.const 2)) (i32.const 1)))
            (if (i32.gt_u (local.get $len) (i32.const 60))
              (then
                (local.set $n (i32.sub (local.get $len) (i32.const 60)))
                (if (i32.gt_u (local.get $n) (i32.sub (local.get $ipEnd) (local.get $ip)))
                  (then (return (i32.const 1))))
                (local.set $len
                  (i32.and (i32.load (local.get $ip))
                    (i32.shr_u (i32.const -1) (i32.sub (i32.const 32) (i32.shl (local.get $n) (i32.const 3))))))
                ;; A length of 2^32 does not fit: past any input.
                (if (i32.eq (local.get $len) (i32.const -1)) (then (return (i32.const 1))))
                (local.set $len (i32.add (local.get $len) (i32.const 1)))
                (local.set $ip (i32.add (local.get $ip) (local.get $n)))))
            (if (i32.gt_u (local.get $len) (i32.sub (local.get $ipEnd) (local.get $ip))) (then (return (i32.const 1))))
            (if (i32.gt_u (local.get $len) (i32.sub (local.get $opEnd) (local.get $op))) (then (return (i32.const 2))))
            (if (i32.le_u (local.get $len) (i32.const 16))
              (then
                (i64.store (local.get $op) (i64.load (local.get $ip)))
                (i64.store offset=8 (local.get $op) (i64.load offset=8 (local.get $ip))))
              (else (memory.copy (local.get $op) (local.get $ip) (local.get $len))))
            (local.set $ip (i32.add (local.get $ip) (local.get $len)))
            (local.set $op (i32.add (local.get $op) (local.get $len)))
            (br $next)))
        ;; A copy of the output's bytes `off` back: its length and offset in the tag and 1, 2 or 4 bytes after it.
        (if (i32.eq (i32.and (local.get $tag) (i32.const 3)) (i32.const 1))
          (then
            (if (i32.ge_u (local.get $ip) (local.get $ipEnd)) (then (return (i32.const 1))))
            (local.set $len (i32.add (i32.and (i32.shr_u (local.get $tag) (i32.const 2)) (i32.const 7)) (i32.const 4)))
            (local.set $off
              (i32.or (i32.shl (i32.shr_u (local.get $tag) (i32.const 5)) (i32.const 8)) (i32.load8_u (local.get $ip))))
            (local.set $ip (i32.add (local.get $ip) (i32.const 1))))
          (else
            (local.set $len (i32.add (i32.shr_u (local.get $tag) (i32.const 2)) (i32.const 1)))
            (if (i32.eq (i32.and (local.get $tag) (i32.const 3)) (i32.const 2))
              (then
                (if (i32.gt_u (i32.const 2) (i32.sub (local.get $ipEnd) (local.get $ip))) (then (return (i32.const 1))))
                (local.set $off (i32.load16_u (local.get $ip)))
                (local.set $ip (i32.add (local.get $ip) (i32.const 2))))
              (else
                (if (i32.gt_u (i32.const 4) (i32.sub (local.get $ipEnd) (local.get $ip))) (then (return (i32.const 1))))
                (local.set $off (i32.load (local.get $ip)))
                (local.set $ip (i32.add (local.get $ip) (i32.const 4)))))))
        ;; off - 1 (unsigned) below the bytes written: 1 ≤ off ≤ op - opStart.
        (if (i32.ge_u (i32.sub (local.get $off) (i32.const 1)) (i32.sub (local.get $op) (local.get $opStart)))
          (then (return (i32.const 3))))
        (if (i32.gt_u (local.get $len) (i32.sub (local.get $opEnd) (local.get $op))) (then (return (i32.const 2))))
        (local.set $src (i32.sub (local.get $op) (local.get $off)))
        (if (i32.ge_u (local.get $off) (i32.const 8))
          (then
            ;; Words in order: each reads 8 bytes at least 8 back, written before it if they are this copy's own (a
            ;; run), so this is the byte-by-byte copy's result.
            (i64.store (local.get $op) (i64.load (local.get $src)))
            (i64.store offset=8 (local.get $op) (i64.load offset=8 (local.get $src)))
            (if (i32.gt_u (local.get $len) (i32.const 16))
              (then
                (local.set $k (i32.const 16))
                (loop $words
                  (i64.store (i32.add (local.get $op) (local.get $k)) (i64.load (i32.add (local.get $src) (local.get $k))))
                  (local.set $k (i32.add (local.get $k) (i32.const 8)))
                  (br_if $words (i32.lt_u (local.get $k) (local.get $len)))))))
          (else
            ;; Closer than a word: byte by byte, in order (a run repeating its last `off` bytes).
            (local.set $k (i32.const 0))
            (loop $bytes
              (i32.store8 (i32.add (local.get $op) (local.get $k)) (i32.load8_u (i32.add (local.get $src) (local.get $k))))
              (local.set $k (i32.add (local.get $k) (i32.const 1)))
              (br_if $bytes (i32.lt_u (local.get $k) (local.get $len))))))
        (local.set $op (i32.add (local.get $op) (local.get $len)))
        (br $next)))
    (if (i32.ne (local.get $op) (local.get $opEnd)) (then (return (i32.const 4))))
    (i32.const 0)))
