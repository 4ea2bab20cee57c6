import Foundation
import BackCheckPluginAPI
import Testing
import WebAssemblyEvaluators

@Suite("WebAssembly sandbox: what a module may and may not do")
struct SandboxTests {
    let sandbox = WebAssemblySandbox()

    @Test("a sound module answers its bytes")
    func soundModuleAnswers() throws {
        let module = try sandbox.compile(try TestModules.bytes(TestModules.wat()), limits: .default)
        let output = try module.call(.evaluate, input: Array(#"{"abi":1}"#.utf8))
        #expect(String(decoding: output, as: UTF8.self) == TestModules.goodOutput)
        #expect(!module.checksScoring)
    }

    @Test("modules refused at load say why", arguments: TestModules.refused.map(\.name))
    func refusedAtLoad(name: String) throws {
        let fixture = try #require(TestModules.refused.first { $0.name == name })
        #expect {
            _ = try sandbox.compile(try TestModules.bytes(fixture.wat), limits: .default)
        } throws: { error in
            "\(error)".contains(fixture.reason)
        }
    }

    @Test("a file that is not WebAssembly at all (source text, an empty file) is named as such, without a debug dump")
    func notWebAssemblyAtAll() throws {
        for bytes in [Array("hello, this is not a module".utf8), []] {
            #expect {
                _ = try sandbox.compile(bytes, limits: .default)
            } throws: { error in
                "\(error)".contains("is not a WebAssembly module: it does not start with the bytes 00 61 73 6D") && !"\(error)".contains("Message(")
            }
        }
    }

    @Test("a call that misbehaves ends with a reason, and the module still works after", arguments: TestModules.misbehaving.map(\.name))
    func misbehavingCall(name: String) throws {
        let fixture = try #require(TestModules.misbehaving.first { $0.name == name })
        let module = try sandbox.compile(try TestModules.bytes(fixture.wat), limits: SandboxLimits(fuel: 2_000_000, memoryBytes: 1 << 20))
        let input = Array(#"{"abi":1}"#.utf8)
        do {
            let output = try module.call(.evaluate, input: input)
            // Output problems are the caller's to find: the bytes come back, checked for bounds.
            #expect(["output that is not JSON", "output that is JSON but not an object", "output nested too deeply", "an undeclared finding",
                     "a side that is not left or right", "an empty object", "a score without findings", "no score and no note"].contains(name),
                    "\(name) gave \(output.count) bytes")
        } catch {
            #expect(error.reason.contains(fixture.reason), "\(error.reason)")
        }
        // A second call starts afresh and fails (or answers) the same way: nothing carries over.
        let again = Result { try module.call(.evaluate, input: input) }
        let first = Result { try module.call(.evaluate, input: input) }
        #expect("\(again)" == "\(first)")
    }

    @Test("nothing a call leaves in globals or memory reaches the next call")
    func callsDoNotShareState() throws {
        // Counts its calls in a global and in memory; answers the count as its score.
        let counting = TestModules.wat(
            output: #"{"score":0}"#,
            evaluate: """
            (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
            (i32.store (i32.const 4096) (i32.add (i32.load (i32.const 4096)) (i32.const 1)))
            (i32.store8 (i32.const 2057) (i32.add (i32.const 48)
              (i32.add (global.get $calls) (i32.load (i32.const 4096)))))
            (call $answer)
            """,
            extra: "(global $calls (mut i32) (i32.const 0))")
        let module = try sandbox.compile(try TestModules.bytes(counting), limits: .default)
        let outputs = try (0..<5).map { _ in String(decoding: try module.call(.evaluate, input: []), as: UTF8.self) }
        // Global 1 + memory 1 = 2 on a first call; a shared instance would count up.
        #expect(outputs == Array(repeating: #"{"score":2}"#, count: 5))
    }

    @Test("a module that changes its tables gets a new instance per call, so that state cannot carry either")
    func tableStateDoesNotCarry() throws {
        // Answers {"score":1} when its table slot is empty (and fills it), {"score":2} after.
        let tables = TestModules.wat(
            output: #"{"score":1}"#,
            evaluate: """
            (if (result i64) (ref.is_null (table.get $slots (i32.const 0)))
              (then (table.set $slots (i32.const 0) (ref.func $marker)) (call $answer))
              (else (i64.or (i64.shl (i64.const 3000) (i64.const 32)) (i64.const 11))))
            """,
            extra: #"(table $slots 1 1 funcref) (func $marker) (elem declare func $marker) (data (i32.const 3000) "{\"score\":2}")"#)
        let module = try sandbox.compile(try TestModules.bytes(tables), limits: .default)
        let outputs = try (0..<3).map { _ in String(decoding: try module.call(.evaluate, input: []), as: UTF8.self) }
        #expect(outputs == Array(repeating: #"{"score":1}"#, count: 3))
    }

    @Test("a module whose memory grew is not reused: the next call starts from the first memory")
    func grownMemoryIsNotReused() throws {
        // Grows by a page each call and answers how many pages it has after: always 2 from 1.
        let growing = TestModules.wat(
            output: #"{"score":0}"#,
            evaluate: """
            (drop (memory.grow (i32.const 1)))
            (i32.store8 (i32.const 2057) (i32.add (i32.const 48) (memory.size)))
            (call $answer)
            """)
        let module = try sandbox.compile(try TestModules.bytes(growing), limits: .default)
        let outputs = try (0..<4).map { _ in String(decoding: try module.call(.evaluate, input: []), as: UTF8.self) }
        #expect(outputs == Array(repeating: #"{"score":2}"#, count: 4))
    }

    @Test("the budget is the catalogue's: a loop that fits a big budget fails a small one")
    func budgetIsEnforced() throws {
        // About 4 instructions per turn of a 100 000-turn loop.
        let counted = TestModules.wat(evaluate: """
            (local $i i32)
            (loop $again
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $again (i32.lt_u (local.get $i) (i32.const 100000))))
            (call $answer)
            """.replacingOccurrences(of: "(local $i i32)", with: "")
            , extra: "")
            .replacingOccurrences(of: "(param i32 i32) (result i64) ", with: "(param i32 i32) (result i64) (local $i i32) ")
        let bytes = try TestModules.bytes(counted)
        let roomy = try sandbox.compile(bytes, limits: SandboxLimits(fuel: 10_000_000, memoryBytes: 1 << 20))
        #expect(throws: Never.self) { _ = try roomy.call(.evaluate, input: []) }
        let tight = try sandbox.compile(bytes, limits: SandboxLimits(fuel: 50_000, memoryBytes: 1 << 20))
        #expect { _ = try tight.call(.evaluate, input: []) } throws: { "\($0)".contains("instruction budget (50000") }
    }
}
