import Foundation
import WAT

/// Evaluator modules for the tests, written in WAT and compiled here: a well-behaved one and
/// one for each way a module can misbehave.
enum TestModules {
    /// A sound answer: a score of 80 and no findings.
    static let goodOutput = #"{"score":80,"findings":[],"notes":["scored by a test module"]}"#

    /// A module that exports the ABI; `evaluate` is the body of `backcheck_evaluate`, which may
    /// `call $answer` to return the bytes placed at 2048 (`output`).
    static func wat(
        memory: String = "1 16", output: String = goodOutput, evaluate: String = "(call $answer)",
        alloc: String = "(i32.const 1024)", extra: String = "", imports: String = ""
    ) -> String {
        let escaped = output.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return """
        (module
          \(imports)
          (memory (export "memory") \(memory))
          (data (i32.const 2048) "\(escaped)")
          (func $answer (result i64)
            (i64.or (i64.shl (i64.const 2048) (i64.const 32)) (i64.const \(output.utf8.count))))
          (func (export "backcheck_alloc") (param i32) (result i32) \(alloc))
          (func (export "backcheck_evaluate") (param i32 i32) (result i64) \(evaluate))
          \(extra)
        )
        """
    }

    static func bytes(_ wat: String) throws -> [UInt8] {
        try wat2wasm(wat)
    }

    /// A module that scores the person's answers (a finding when `value` is under 50, from
    /// `output`) but loops for ever when asked with `"explain":false`, as the report's probe for
    /// the charts asks: it fails on every value but the person's own.
    static let loopsWhenProbed = wat(
        output: #"{"score":40,"findings":[{"finding":"low-value","severity":0.5}],"notes":[]}"#,
        evaluate: "(if (call $mentions (local.get 0) (local.get 1)) (then (loop $forever (br $forever)))) (call $answer)",
        extra: #"""
        (data (i32.const 4096) "explain\":f")
        (func $mentions (param $at i32) (param $length i32) (result i32)
          (local $i i32) (local $j i32)
          (block $none
            (loop $start
              (br_if $none (i32.gt_u (i32.add (local.get $i) (i32.const 10)) (local.get $length)))
              (local.set $j (i32.const 0))
              (block $differs
                (loop $compare
                  (br_if $differs (i32.ne
                    (i32.load8_u (i32.add (local.get $at) (i32.add (local.get $i) (local.get $j))))
                    (i32.load8_u (i32.add (i32.const 4096) (local.get $j)))))
                  (local.set $j (i32.add (local.get $j) (i32.const 1)))
                  (br_if $compare (i32.lt_u (local.get $j) (i32.const 10)))
                  (return (i32.const 1))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $start)))
          (i32.const 0))
        """#)

    /// Each way a module can go wrong once it is running, and the words the note must contain.
    static let misbehaving: [(name: String, wat: String, reason: String)] = [
        ("an endless loop", wat(evaluate: "(loop $forever (br $forever)) (unreachable)"), "ran out of its instruction budget"),
        ("unreachable", wat(evaluate: "(unreachable)"), "trapped"),
        ("an out-of-bounds load", wat(evaluate: "(drop (i32.load (i32.const 0x7ffffff0))) (call $answer)"), "trapped"),
        ("division by zero", wat(evaluate: "(drop (i32.div_s (i32.const 1) (i32.const 0))) (call $answer)"), "trapped"),
        ("endless recursion", wat(evaluate: "(call $recurse) (call $answer)", extra: "(func $recurse (call $recurse))"), "trapped"),
        ("memory grown towards 1 GiB",
         wat(evaluate: "(if (i32.eq (memory.grow (i32.const 16384)) (i32.const -1)) (then (unreachable))) (call $answer)"),
         "trapped"),
        ("an output pointer outside memory",
         wat(evaluate: "(i64.or (i64.shl (i64.const 0xFFFF0000) (i64.const 32)) (i64.const 10))"), "outside its"),
        ("an output over 1 MiB",
         wat(evaluate: "(i64.or (i64.shl (i64.const 2048) (i64.const 32)) (i64.const 0x7fffffff))"), "over the 1 MiB limit"),
        ("an input pointer outside memory", wat(alloc: "(i32.const 0xFFFFFFF0)"), "outside its"),
        ("output that is not JSON", wat(output: "score: lots"), "not valid JSON (expected a JSON value"),
        ("output that is JSON but not an object", wat(output: "[1, 2]"), "not a JSON object"),
        ("output nested too deeply", wat(output: #"{"x":"# + String(repeating: "[", count: 120) + String(repeating: "]", count: 120) + #","findings":[]}"#),
         "not valid JSON (nesting is deeper than"),
        ("an empty object", wat(output: "{}"), "output without a 'findings' list"),
        ("a score without findings", wat(output: #"{"score":40}"#), "output without a 'findings' list"),
        ("no score and no note", wat(output: #"{"findings":[],"notes":[]}"#), "returned no score and no note saying why"),
        ("an undeclared finding",
         wat(output: #"{"score":10,"findings":[{"finding":"made-up","severity":1}]}"#), "does not declare"),
        ("a side that is not left or right",
         wat(output: #"{"score":10,"findings":[{"finding":"low-value","side":"middle","severity":1}]}"#), "a side other than"),
    ]

    /// Modules refused when the catalogue loads, and the words the error must contain.
    static let refused: [(name: String, wat: String, reason: String)] = [
        ("a WASI import",
         wat(imports: #"(import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))"#),
         "may import nothing"),
        ("an endless loop in the start function",
         wat(extra: "(func $spin (loop $forever (br $forever))) (start $spin)"), "ran out of its instruction budget"),
        ("a maximum memory of 1 GiB", wat(memory: "1 16384"), "over its cap"),
        ("a table with no maximum", wat(extra: "(table 1 funcref)"), "without a declared maximum"),
        ("a table of a million elements", wat(extra: "(table 1 1000000 funcref)"), "without a declared maximum of at most 10000"),
        ("a function body that does not validate",
         wat(extra: #"(func (export "backcheck_check") (param i32 i32) (result i64) (i32.const 1))"#),
         "is not a valid WebAssembly module"),
        ("no maximum memory", wat(memory: "1"), "declares no maximum memory"),
        ("no backcheck_evaluate",
         wat().replacingOccurrences(of: #"(export "backcheck_evaluate")"#, with: ""), "does not export 'backcheck_evaluate'"),
        ("backcheck_alloc of the wrong type",
         wat(alloc: "(i32.const 1024)").replacingOccurrences(
            of: #"(func (export "backcheck_alloc") (param i32) (result i32)"#,
            with: #"(func (export "backcheck_alloc") (param i64) (result i32)"#), "wrong type"),
    ]
}
