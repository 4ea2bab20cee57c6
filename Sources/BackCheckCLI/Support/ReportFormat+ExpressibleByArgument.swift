// A conformance of a public type to a public protocol is public whatever its file says, so
// this one file imports ArgumentParser publicly; nothing else in the module does.
public import ArgumentParser
public import AssessmentKit

extension ReportFormat: ExpressibleByArgument {}
