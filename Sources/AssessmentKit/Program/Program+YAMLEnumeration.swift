// Public: a saved report's `day` and `block` are read with "did you mean" like other words,
// and a conformance of a public type is itself public.
public import BackCheckYAML

extension Weekday: YAMLEnumeration {}
extension ProgramBlock: YAMLEnumeration {}
