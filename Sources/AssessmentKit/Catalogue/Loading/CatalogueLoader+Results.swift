public import BackCheckYAML

extension CatalogueLoader {
    /// What loading gave.
    public struct Result: Sendable {
        /// The catalogue, or `nil` when there was any error.
        public var catalogue: Catalogue?
        /// Everything that could be read, errors or not: for `lint`, which runs the examples
        /// of the sound assessments even when others have errors. Never use it for a run.
        public var partial: Catalogue
        /// Every problem found, in file order; the warnings only counted when the loader does
        /// not keep them (``CatalogueLoader/keepsWarnings``).
        public var diagnostics: DiagnosticLog
        /// How many assessments had to be read again because norms they may use came after
        /// them: 0 unless a later layer brings norms (for the tests).
        package var assessmentsReadAgain = 0
    }

    /// What checking a catalogue gave (see ``lint(_:)``).
    public struct LintResult: Sendable {
        /// Every loading problem, then every failing example.
        public var diagnostics: DiagnosticLog
        /// The assessments that read without errors (their examples were run).
        public var assessments: Int
        /// The examples run.
        public var examples: Int
        /// Each example run, with what failed (nothing when it passed), in catalogue order.
        public var exampleOutcomes: [ExampleOutcome] = []
        /// The path of every WebAssembly module the checked documents name (as resolved from
        /// their folders), read or not: `lint --output` must not write over one.
        public var modules: [String] = []
    }
}
