import Foundation

#if FUZZING
/// libFuzzer's driver (from libclang_rt.fuzzer_no_main): parses libFuzzer's flags, runs the
/// corpus and the mutations, and calls back for each input.
@_silgen_name("LLVMFuzzerRunDriver")
private func runLibFuzzer(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif

/// `backcheck-fuzz`. Built by fuzz.sh (FUZZING defined, linked with libFuzzer) it is a libFuzzer
/// binary and takes libFuzzer's arguments: corpus folders, `-max_total_time=N`, and crash files
/// to re-run. Built plainly it replays the files it is given through every stage, e.g. to
/// check a crash input against a normal build or to profile the stages.
@main
enum FuzzMain {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        let status = runLibFuzzer(&argc, &argv) { data, size in
            FuzzTarget.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
            return 0
        }
        exit(status)
        #else
        Replay.run(Array(CommandLine.arguments.dropFirst()))
        #endif
    }
}
